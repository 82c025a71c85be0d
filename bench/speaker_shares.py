"""Corpus-level speaker shares on a real corpus (the measures of the speakers issue).

Usage (from the repository root)::

    .venv/bin/python bench/speaker_shares.py                 # the dev corpus, when it is there
    .venv/bin/python bench/speaker_shares.py --corpus PATH

Over the direct quotations that are someone's words (terms set apart), it prints the share with no
speaker, the share under a surname alone that one full name of the corpus would resolve, and the
share under a one-word name, with the most frequent one-word names to read by eye (a one-word name is
often a real surname; the non-names among them are what the name check missed).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import utils  # noqa: E402

DEV = REPO.parent / "shared" / "corpora" / "withdrawals-news-dev.jsonl"


def shares(quotes) -> dict:
    said = utils.quotations_only(quotes[quotes["direct"]])
    person = said[said["speaker_kind"] == "person"]
    full = defaultdict(set)
    for p in set(person["person"]):
        toks = p.split()
        if len(toks) > 1:
            full[toks[-1].lower()].add(p)
    one = person[person["person"].str.split().str.len() == 1]
    resolvable = one[one["person"].str.lower().map(lambda s: len(full.get(s, ())) == 1)]
    ambiguous = one[one["person"].str.lower().map(lambda s: len(full.get(s, ())) > 1)]
    n = max(len(said), 1)
    return {"quotations": len(said), "unknown": float((said["speaker_kind"] == "unknown").sum() / n),
            "surname_resolvable": len(resolvable) / n, "surname_ambiguous": len(ambiguous) / n,
            "one_word": len(one) / n,
            "one_word_names": one["person"].value_counts().head(30).to_dict()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEV))
    args = ap.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"speaker_shares: {args.corpus} not found (the dev corpus is not part of the project); skipped")
        return None
    articles = utils.load_articles(args.corpus, errors="ignore", progress=False)
    s = shares(utils.analyze(articles, progress=False)["quotes"])
    print(f"direct quotations that are someone's words: {s['quotations']:,}")
    print(f"  no speaker (unknown)                       {s['unknown']:.1%}")
    print(f"  surname alone one corpus full name resolves {s['surname_resolvable']:.1%}")
    print(f"  surname alone that several full names share {s['surname_ambiguous']:.1%} (left apart on purpose)")
    print(f"  one-word names (read them: most are surnames) {s['one_word']:.1%}")
    print("  " + ", ".join(f"{k} {v}" for k, v in s["one_word_names"].items()))
    return s


if __name__ == "__main__":
    main()
