#!/usr/bin/env python3
"""Layering check: a module may import only modules at or before its own
stage in the data flow (DESIGN.md, "Layers").

Reads every `crate::` path in src/ (including `use crate::{a, b::c}` groups)
outside test-only files (`tests.rs`, compiled under `#[cfg(test)]`),
maps each file to its top-level module, and fails on an import that runs from
a lower stage to a higher one. Known violations that predate the check are
listed in .ci/layers-allow.txt (a ratchet: the list may only shrink; a listed
edge that no longer occurs must be removed from it).

Usage: python3 .ci/layers.py [--write-allow]
"""
import pathlib
import re
import sys

# The data flow, first stage first. Modules on one line share a stage.
ORDER = [
    ["error", "bound"],
    ["text"],
    ["ids"],
    ["knowledge"],
    ["lexicon"],
    ["record"],
    ["actor"],
    ["quantity"],
    ["extract"],
    ["stance"],
    ["measure"],
    ["reading"],
    ["corpus"],
    ["index"],
    ["analysis"],
    ["judge"],
    ["evidence", "explain"],
    ["report"],
    ["pairing"],
    ["detector"],
    ["live"],
    ["synth"],
]
RANK = {m: i for i, stage in enumerate(ORDER) for m in stage}

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
ALLOW = ROOT / ".ci" / "layers-allow.txt"


def module_of(path: pathlib.Path):
    rel = path.relative_to(SRC)
    if rel.parts[0] == "bin" or rel.name in ("lib.rs", "main.rs") and len(rel.parts) == 1:
        return None  # the crate root and binaries sit above every stage
    return rel.parts[0].removesuffix(".rs")


def strip_comments(src: str) -> str:
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    return re.sub(r"//[^\n]*", "", src)


def targets(src: str):
    """Top-level module names named after `crate::`."""
    out = set()
    i = 0
    while True:
        i = src.find("crate::", i)
        if i < 0:
            return out
        j = i + len("crate::")
        if j < len(src) and src[j] == "{":
            depth, k, start = 1, j + 1, j + 1
            items = []
            while k < len(src) and depth:
                c = src[k]
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                elif c == "," and depth == 1:
                    items.append(src[start:k])
                    start = k + 1
                k += 1
            items.append(src[start : k - 1])
            for item in items:
                m = re.match(r"\s*([a-z_][a-z0-9_]*)", item)
                if m:
                    out.add(m.group(1))
            i = k
        else:
            m = re.match(r"[a-z_][a-z0-9_]*", src[j:])
            if m:
                out.add(m.group(0))
            i = j


def edges():
    found = set()
    for path in sorted(SRC.rglob("*.rs")):
        src_mod = module_of(path)
        if src_mod is None or path.name == "tests.rs":
            # A test-only file (`#[cfg(test)] mod tests;`) builds fixtures
            # from any stage (the synthetic corpus, say); it is not part of
            # the library's data flow.
            continue
        for dst in targets(strip_comments(path.read_text(encoding="utf-8"))):
            if dst == src_mod or dst not in RANK:
                continue
            if src_mod not in RANK:
                found.add((src_mod, dst, "unranked"))
            elif RANK[dst] > RANK[src_mod]:
                found.add((src_mod, dst, "upward"))
    return found


def main():
    found = edges()
    unranked = sorted(e for e in found if e[2] == "unranked")
    upward = {(a, b) for a, b, kind in found if kind == "upward"}
    if "--write-allow" in sys.argv:
        ALLOW.write_text(
            "# Upward imports that predate the layering check (.ci/layers.py).\n"
            "# This list may only shrink.\n"
            + "".join(f"{a} -> {b}\n" for a, b in sorted(upward)),
            encoding="utf-8",
        )
        print(f"wrote {len(upward)} known violations")
        return 0
    allowed = set()
    if ALLOW.exists():
        for line in ALLOW.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                a, b = (s.strip() for s in line.split("->"))
                allowed.add((a, b))
    new = sorted(upward - allowed)
    stale = sorted(allowed - upward)
    ok = True
    for a, _, _ in unranked:
        print(f"layers: module `{a}` has no stage in .ci/layers.py ORDER")
        ok = False
    for a, b in new:
        print(f"layers: `{a}` imports `{b}`, a later stage")
        ok = False
    for a, b in stale:
        print(f"layers: `{a} -> {b}` no longer occurs: remove it from {ALLOW.name}")
        ok = False
    print(f"layers: {len(upward)} upward imports, {len(allowed)} allowed; "
          + ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
