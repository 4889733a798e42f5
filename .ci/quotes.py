#!/usr/bin/env python3
"""Fails when src/ quotes an evaluation statement.

No phrase from an evaluation set goes into src/ (word lists, comments, test
sentences): a rule shown on a quoted statement is tuned to it. This reads
every statement's text and context in the shared evaluation sets, and every
.rs and .txt file under src/, and reports each line that holds a run of
WORDS consecutive words of some statement (case and punctuation folded;
digits count as words, so "5,000 barrels a day" is caught).

usage: .ci/quotes.py EVAL_DIR [SRC_DIR] [WORDS]
"""
import glob
import json
import os
import re
import sys

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(s):
    return WORD.findall(s.lower().replace("\u2019", "'"))


def shingles(eval_dir, n):
    seen = {}
    for path in sorted(glob.glob(os.path.join(eval_dir, "*", "statements.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for field in ("text", "context"):
                    w = words(rec.get(field) or "")
                    for i in range(len(w) - n + 1):
                        seen.setdefault(" ".join(w[i : i + n]), rec.get("id"))
    return seen


def main():
    eval_dir = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else "src"
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    seen = shingles(eval_dir, n)
    if not seen:
        print(f"quotes: no statements under {eval_dir}", file=sys.stderr)
        return 1
    bad = 0
    for path in sorted(glob.glob(os.path.join(src, "**", "*"), recursive=True)):
        if not path.endswith((".rs", ".txt")):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for ln, line in enumerate(f, 1):
                w = words(line)
                for i in range(len(w) - n + 1):
                    g = " ".join(w[i : i + n])
                    if g in seen:
                        print(f"{path}:{ln}: quotes {seen[g]}: {g!r}")
                        bad += 1
                        break
    print(f"quotes: {bad} line(s) of {src} quote an evaluation statement ({n} words)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
