"""Tests of the Python package: the seed contradictions, errors, extract,
the live index and the GIL. Sentences are invented; the bundled seed file
is read relative to this file."""

import datetime
import json
import pathlib
import threading
import time

import pytest

import gainsay

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data" / "seeds.jsonl"

# The founding case of the crate docs (src/lib.rs): a reply read through its
# question against a flat refusal.
DAM = [
    {
        "id": "a",
        "actor": "Governor Ana Ruiz",
        "text": "that's ok with me.",
        "context": 'Asked about building a new dam on the river, Ruiz replied: "that\'s ok with me."',
    },
    {
        "id": "b",
        "actor": "Mayor Tom Bell",
        "text": "The new dam on the river is ruled out, absolutely ruled out.",
    },
]

BUILD = {"id": "a", "actor": "Mayor Ann Lee", "text": "We will build the new dam on the river."}
NOT_BUILD = {"id": "b", "actor": "Governor Bo Park", "text": "We will not build the new dam on the river."}


def seeds():
    with SEEDS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def scalars(value):
    """Every str, int and float inside a JSON value."""
    if isinstance(value, dict):
        for v in value.values():
            yield from scalars(v)
    elif isinstance(value, list):
        for v in value:
            yield from scalars(v)
    else:
        yield value


def span_text(record, ev):
    """The evidence's bytes of its record's field, decoded."""
    field = record[ev["field"]].encode("utf-8")
    return field[ev["start"] : ev["end"]].decode("utf-8")


def test_founding_case():
    report = gainsay.detect(DAM)
    assert len(report["contradictions"]) == 1
    pair = report["contradictions"][0]
    assert (pair["a"], pair["b"]) == ("a", "b")
    cues = {ev["text"] for ev in pair["evidence"]}
    assert {"ok with", "ruled out"} <= cues
    for key in ("statements", "contradictions", "problems", "bounds"):
        assert isinstance(report[key], list)


def test_seed_contradictions():
    records = seeds()
    report = gainsay.detect(records)
    assert len(report["statements"]) == len(records)
    assert report["problems"] == []
    # The CLI reports 34 pairs on the seeds (23 right, 8 debatable); a
    # floor well under it, not the exact number, so that rules that drop
    # debatable pairs do not break this test while a broken binding does.
    assert len(report["contradictions"]) >= 30
    kinds = {c["kind"] for c in report["contradictions"]}
    assert kinds == {"stance", "quantity"}
    by_id = {r["id"]: r for r in records}
    for pair in report["contradictions"]:
        sides = {ev["statement"] for ev in pair["evidence"]}
        assert sides == {pair["a"], pair["b"]}
        for ev in pair["evidence"]:
            assert span_text(by_id[ev["statement"]], ev) == ev["text"]


def test_detector_matches_detect_and_takes_options():
    records = seeds()
    assert gainsay.Detector().detect(records) == gainsay.detect(records)
    strict = gainsay.Detector(min_score=0.99, max_postings=100, candidate_budget=500, max_partners=20)
    assert len(strict.detect(records)["contradictions"]) <= len(gainsay.detect(records)["contradictions"])
    assert gainsay.detect(records, exhaustive=True)["contradictions"]


def test_lexicon_and_gazetteer_options():
    said = [
        {"id": "a", "actor": "Mayor Ann Lee", "text": "We will build the new dam on the river."},
        {"id": "b", "actor": "Governor Bo Park", "text": "We blorf the new dam on the river."},
    ]
    assert gainsay.detect(said)["contradictions"] == []
    found = gainsay.detect(said, lexicon={"reject": ["blorf"]})["contradictions"]
    assert [(c["a"], c["b"]) for c in found] == [("a", "b")]
    regulator = [{"id": "a", "actor": "the rail regulator", "text": "Fares will rise."}]
    gaz = [{"name": "Northern Rail Authority", "aliases": ["the rail regulator"]}]
    st = gainsay.detect(regulator, gazetteer=gaz)["statements"][0]
    assert st["actor_name"] == "Northern Rail Authority"


def test_dates_may_be_date_objects():
    records = [dict(BUILD, date=datetime.date(2024, 5, 2)), dict(NOT_BUILD, date=datetime.datetime(2024, 5, 3, 9, 30))]
    assert len(gainsay.detect(records)["contradictions"]) == 1


# Bad input, one line a case: records, expected message, line, record, field.
BAD = [
    ([BUILD, {"id": "b", "text": "y", "date": "2025-13-01"}], 'line 2, record "b", field `date`: month 13 out of range', 2, "b", "date"),
    ([{"id": 1, "text": "x"}], "line 1, field `id`: expected a string, found a number", 1, None, "id"),
    ([{"text": "x"}], "line 1, field `id`: missing", 1, None, "id"),
    ([BUILD, {"id": "b"}], 'line 2, record "b", field `text`: missing', 2, "b", "text"),
    ([BUILD, {"id": "b", "text": "   "}], 'line 2, record "b", field `text`: empty text', 2, "b", "text"),
    ([BUILD, dict(BUILD)], 'line 2, record "a", field `id`: duplicate id', 2, "a", "id"),
    ([BUILD, "not a dict"], "line 2: expected a JSON object, found a string", 2, None, None),
    ([BUILD, {"id": "b", "text": object()}], 'line 2, record "b", field `text`: a object cannot be a record field', 2, "b", "text"),
]


@pytest.mark.parametrize("records,message,line,record,field", BAD)
def test_bad_records_raise(records, message, line, record, field):
    with pytest.raises(gainsay.Error) as info:
        gainsay.detect(records)
    err = info.value
    assert str(err).startswith(message)
    assert (err.line, err.record, err.field) == (line, record, field)


def test_bad_records_reported_on_request():
    records = [BUILD, {"id": "x", "text": ""}, NOT_BUILD]
    report = gainsay.detect(records, errors="report")
    assert len(report["contradictions"]) == 1
    [problem] = report["problems"]
    # Where, however the report nests it: line 2, record "x", field `text`.
    assert {2, "x", "text"} <= set(scalars(problem))


@pytest.mark.parametrize(
    "call,field",
    [
        (lambda: gainsay.Detector(min_score=1.5), "min_score"),
        (lambda: gainsay.detect([BUILD], lexicon={"no such list": "x"}), "lexicon"),
        (lambda: gainsay.detect([BUILD], gazetteer=[{"name": ""}]), "gazetteer"),
        (lambda: gainsay.detect([BUILD], gazetteer="/nonexistent/gazetteer.json"), "gazetteer"),
        (lambda: gainsay.detect([BUILD], errors="ignore"), "errors"),
    ],
)
def test_bad_options_raise(call, field):
    with pytest.raises(gainsay.Error) as info:
        call()
    assert info.value.field == field


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        gainsay.detect(BUILD)
    with pytest.raises(TypeError):
        gainsay.detect([BUILD], no_such_option=1)


def test_error_is_an_exception_class():
    assert issubclass(gainsay.Error, Exception)


def test_extract():
    article = "Mayor Lena Ortiz said the bridge would reopen in May.\n\u201cWe are ready,\u201d she told reporters."
    st = gainsay.extract(article, source="city.txt")
    assert [s["text"] for s in st] == ["the bridge would reopen in May", "We are ready,"][: len(st)]
    assert len(st) == 2
    assert st[1]["actor"] == "Mayor Lena Ortiz"
    assert all(s["source"] == "city.txt" for s in st)
    raw = article.encode("utf-8")
    for s in st:
        a, b = s["span"]
        assert raw[a:b].decode("utf-8") == s["text"]
    assert gainsay.extract("") == []


def test_extract_then_detect():
    a = gainsay.extract("Mayor Ann Lee said the city will build the new dam on the river.", source="one.txt")
    b = gainsay.extract("Governor Bo Park said the city will not build the new dam on the river.", source="two.txt")
    report = gainsay.detect(a + b)
    assert len(report["contradictions"]) == 1


def test_live_index():
    live = gainsay.Detector().live()
    assert len(live) == 0
    assert live.insert(BUILD) == []
    [pair] = live.insert(NOT_BUILD)
    assert (pair["a"], pair["b"]) == ("a", "b")
    assert len(live) == 2
    with pytest.raises(gainsay.Error) as info:
        live.insert({"id": "a", "text": "Again."})
    assert (info.value.line, info.value.record, info.value.field) == (None, "a", "id")
    with pytest.raises(gainsay.Error) as info:
        live.insert({"id": "c", "text": 3})
    assert info.value.field == "text"
    assert len(live) == 2


def test_live_index_constructor_takes_options():
    live = gainsay.LiveIndex(min_score=0.5)
    live.insert(BUILD)
    assert len(live.insert(NOT_BUILD)) == 1
    with pytest.raises(gainsay.Error):
        gainsay.LiveIndex(min_score=-1)


def test_live_inserts_equal_batch_runs_on_seeds():
    # As the crate's own test: each insert returns what a batch run over the
    # records so far reports for the new one.
    records = seeds()
    live = gainsay.LiveIndex()
    total = 0
    for i, r in enumerate(records):
        got = live.insert(r)
        batch = gainsay.detect(records[: i + 1])["contradictions"]
        assert got == [c for c in batch if r["id"] in (c["a"], c["b"])], r["id"]
        total += len(got)
    assert total > 10


def test_gil_is_released_while_detecting():
    records = []
    for k in range(20):
        records += [dict(r, id=f"{r['id']}-{k}") for r in seeds()]
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        start = time.perf_counter()
        gainsay.detect(records)
        took = time.perf_counter() - start
    finally:
        done.set()
        t.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:]) if a >= start]
    # Held throughout, the GIL would stop the ticker for the whole call.
    assert gaps and max(gaps) < took * 0.75, (max(gaps), took)


def test_records_may_be_any_iterable():
    report = gainsay.detect(r for r in [BUILD, NOT_BUILD])
    assert len(report["contradictions"]) == 1
    assert gainsay.detect([])["statements"] == []
