#!/usr/bin/env python3
"""Builds the gold records of the invented test articles from gold.psv.

usage: make_gold.py [--check]

gold.psv (beside this script) lists each article's statements by hand as
`CANONICAL | ACTOR | TEXT` lines under `== FILE` headers (its header is the
annotation guide). This script finds every TEXT in its article (the `@N`
suffix picks the N-th occurrence; `\\n` stands for a line break) and writes
gold/statements.jsonl (records with `id`, `actor`, `text`, `source`, `span`
as UTF-8 byte offsets) and gold/gold.json (`actors`: id -> canonical name,
`source:FILE` for the article's own voice): the files score_extract.py
reads. A TEXT that is not in its article, or is there more than once
without `@N`, is an error. With --check, nothing is written: exit 1 when the
files on disk differ from what gold.psv gives.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    out, source = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("== "):
                source = line[3:].strip()
                continue
            parts = [p.strip() for p in line.split(" | ", 2)]
            if source is None or len(parts) != 3:
                raise SystemExit(f"gold.psv:{n}: want `CANONICAL | ACTOR | TEXT` under `== FILE`")
            canon, actor, text = parts
            nth = 1
            m = re.search(r" @(\d+)$", text)
            if m:
                nth, text = int(m.group(1)), text[: m.start()]
            out.append((n, source, canon, None if actor == "-" else actor, text.replace("\\n", "\n"), nth))
    return out


def span_of(article, text, nth, where):
    raw = article.encode("utf-8")
    needle = text.encode("utf-8")
    hits, at = [], raw.find(needle)
    while at >= 0:
        hits.append(at)
        at = raw.find(needle, at + 1)
    if not hits:
        raise SystemExit(f"{where}: text not in the article: {text!r}")
    if nth > len(hits):
        raise SystemExit(f"{where}: only {len(hits)} occurrence(s) of {text!r}")
    if len(hits) > 1 and nth == 1:
        raise SystemExit(f"{where}: {text!r} occurs {len(hits)} times; add @N")
    start = hits[nth - 1]
    return [start, start + len(needle)]


def build():
    records, actors, counts = [], {}, {}
    for n, source, canon, actor, text, nth in parse(os.path.join(HERE, "gold.psv")):
        with open(os.path.join(HERE, source), encoding="utf-8") as f:
            article = f.read()
        span = span_of(article, text, nth, f"gold.psv:{n}")
        stem = source.rsplit(".", 1)[0]
        counts[stem] = counts.get(stem, 0) + 1
        rid = f"g{stem}-{counts[stem]:02d}"
        records.append({"id": rid, "actor": actor, "text": text, "source": source, "span": span})
        actors[rid] = f"source:{source}" if canon == "source" else canon
    statements = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    gold = json.dumps({
        "about": "Gold speakers of the invented articles in tests/data/articles/, "
                 "built by make_gold.py from gold.psv. `actors` maps each gold "
                 "statement id to its canonical speaker (`source:FILE` for the "
                 "article's own voice).",
        "actors": actors,
    }, ensure_ascii=False, indent=1) + "\n"
    return statements, gold


def main():
    statements, gold = build()
    out = os.path.join(HERE, "gold")
    files = {"statements.jsonl": statements, "gold.json": gold}
    if "--check" in sys.argv[1:]:
        stale = [n for n, body in files.items()
                 if not os.path.exists(os.path.join(out, n))
                 or open(os.path.join(out, n), encoding="utf-8").read() != body]
        if stale:
            print(f"stale: {', '.join(stale)} (run make_gold.py)")
            return 1
        return 0
    os.makedirs(out, exist_ok=True)
    for name, body in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(body)
    print(f"{statements.count(chr(10))} gold statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
