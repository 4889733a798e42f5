"""gainsay: who contradicts whom in news statements.

Records are dicts with the fields of a JSON Lines record: ``id`` and
``text`` (required), ``actor``, ``context``, ``date`` (``YYYY-MM-DD`` or a
``datetime.date``), ``source`` and ``span``; other fields are kept. A report
is the JSON shape of ``detect --json``, as plain dicts and lists.
"""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Union, final

__all__ = ["Detector", "Error", "LiveIndex", "__version__", "detect", "extract"]

__version__: str

_Record = Mapping[str, Any]
"""One statement record: ``{"id": ..., "actor": ..., "text": ..., "context": ..., "date": ..., "source": ...}``."""

_Report = Dict[str, Any]
"""``{"statements": [...], "contradictions": [...], "problems": [...], "bounds": [...]}``;
every key is present, as an empty list when empty. Each problem is
``{"location": {"line", "id", "field"}, "message"}``; each bound is
``{"kind", "limit", "count", "subject", "message"}``, ``kind`` one of
``max_postings``, ``candidate_budget``, ``max_partners``, ``names_starting``,
``names_ending``, ``short_names``."""

_Contradiction = Dict[str, Any]
"""``{"a": id, "b": id, "kind": "stance" | "quantity", "score": float,
"proposition": str, "explanation": str, "evidence": [...]}``."""

_Lexicon = Mapping[str, Union[str, Sequence[str]]]
"""Extra word-list entries by list name (``"reject"``, ``"support"``,
``"negation"``, ``"hedge"``, ``"synonyms"``, ...): a str in lexicon file
syntax (one entry a line, ``#`` comments) or a list of entries."""

_Gazetteer = Union[str, "os.PathLike[str]", Sequence[Mapping[str, Any]]]
"""A gazetteer JSON file's path, or its entries:
``[{"name": canonical, "aliases": [...], "affiliation": optional}]``."""

_Errors = Literal["raise", "report"]

class Error(Exception):
    """A record or option gainsay cannot use.

    The message names where (``line 2, record "s2", field `date`: ...``);
    the attributes hold the same, or None when not known.
    """

    line: Optional[int]
    """1-based position of the record in the input list."""
    record: Optional[str]
    """The record's id."""
    field: Optional[str]
    """The field (or option) at fault."""

def detect(
    records: Iterable[_Record],
    *,
    errors: _Errors = "raise",
    min_score: Optional[float] = None,
    max_postings: Optional[int] = None,
    candidate_budget: Optional[int] = None,
    max_partners: Optional[int] = None,
    exhaustive: bool = False,
    lexicon: Optional[_Lexicon] = None,
    gazetteer: Optional[_Gazetteer] = None,
) -> _Report:
    """Finds the contradictions among ``records`` and returns the report.

    With ``errors="raise"`` (the default) the first bad record raises
    :class:`Error`; with ``errors="report"`` bad records are left out and
    listed in the report's ``problems``. The GIL is released while detecting.
    """

def extract(text: str, source: str = "") -> List[_Record]:
    """The statement records of one article: speaker, quoted or reported
    text, context and ``span`` (``text[span[0]:span[1]]`` in UTF-8 bytes)."""

@final
class Detector:
    """A configured detector: build it once, run it on many record lists."""

    def __new__(
        cls,
        *,
        min_score: Optional[float] = None,
        max_postings: Optional[int] = None,
        candidate_budget: Optional[int] = None,
        max_partners: Optional[int] = None,
        exhaustive: bool = False,
        lexicon: Optional[_Lexicon] = None,
        gazetteer: Optional[_Gazetteer] = None,
    ) -> "Detector":
        """Options as the Rust ``DetectorBuilder`` takes them; an invalid one
        (``min_score`` outside 0..1, an unknown word list) raises :class:`Error`."""

    def detect(self, records: Iterable[_Record], *, errors: _Errors = "raise") -> _Report:
        """As :func:`detect`, with this detector's options."""

    def live(self) -> "LiveIndex":
        """An empty live index with this detector's options."""

@final
class LiveIndex:
    """Statements added one at a time; each insert returns the
    contradictions the new statement forms with those before it."""

    def __new__(
        cls,
        *,
        min_score: Optional[float] = None,
        max_postings: Optional[int] = None,
        candidate_budget: Optional[int] = None,
        max_partners: Optional[int] = None,
        exhaustive: bool = False,
        lexicon: Optional[_Lexicon] = None,
        gazetteer: Optional[_Gazetteer] = None,
    ) -> "LiveIndex": ...
    def insert(self, record: _Record) -> List[_Contradiction]:
        """Adds one record. An invalid record or a duplicate id raises
        :class:`Error` and changes nothing."""

    def __len__(self) -> int: ...
