#!/usr/bin/env python3
"""Every public item has a running example (issue: layers, a small API).

Reads the HTML that `cargo doc --no-deps --lib` wrote to target/doc/gainsay/
(what a user of the crate sees), and fails when a public function, type, or
inherent method of a public type has no code example in its docs. Trait
impls (Display, Default, Serialize…) are the trait's docs and are skipped.
Examples run as doctests (`cargo test --doc`), so each is a running one.

Usage: cargo doc --no-deps --lib && python3 .ci/examples.py
"""
import pathlib
import re
import sys

DOC = pathlib.Path(__file__).resolve().parent.parent / "target" / "doc" / "gainsay"
EXAMPLE = 'rust-example-rendered'


def top_doc(html: str) -> str:
    """The item's own doc block: before its implementations or fields."""
    m = re.search(r'<details class="toggle top-doc"[^>]*>(.*?)</details>', html, re.S)
    return m.group(1) if m else ""


def inherent_methods(html: str):
    """(method name, its docs) of the inherent impls."""
    start = html.find('id="implementations-list"')
    if start < 0:
        return []
    end = min(
        (i for i in (html.find(k, start) for k in (
            'id="trait-implementations"', 'id="synthetic-implementations"',
            'id="blanket-implementations"')) if i >= 0),
        default=len(html),
    )
    body = html[start:end]
    parts = re.split(r'<section id="method\.([A-Za-z0-9_]+)"', body)
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]


def missing():
    out = []
    pages = sorted(DOC.glob("*.html"))
    if not pages:
        sys.exit("examples: no docs in target/doc/gainsay (run cargo doc --no-deps --lib)")
    for page in pages:
        kind, _, name = page.stem.partition(".")
        if kind not in ("struct", "enum", "fn", "trait"):
            continue
        html = page.read_text(encoding="utf-8")
        if name == "ReadmeDoctests":
            continue
        if EXAMPLE not in top_doc(html):
            out.append(f"{kind} {name}")
        for method, docs in inherent_methods(html):
            # A method's docs end where the next item's section begins.
            if EXAMPLE not in docs:
                out.append(f"{kind} {name}::{method}")
    return out


def main():
    faults = missing()
    for f in faults:
        print(f"examples: no doc example: {f}")
    print(f"examples: {len(faults)} public items without a running example")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
