"""Score the troop-figure extractor against the hand fixtures.

Usage (from the repository root)::

    .venv/bin/python bench/score_troops.py            # seeds and tricky sentences
    .venv/bin/python bench/score_troops.py --errors   # also list every miss and false alarm

A figure counts as right only when article_id, low, high, hedge, actor and
place all agree with a hand-fixture row (each fixture row can be matched once).
Precision = right / extracted, recall = right / in the fixture, F1 their
harmonic mean.  Two fixtures, scored separately:

* ``tests/fixtures/troops_seeds.csv``  every troop figure in the seed stories;
* ``tests/fixtures/troops_tricky.csv`` sentences written to test each rule
  (hedges, ranges, number words, actors, places by context, and exclusions:
  years, dates, percentages, money, ages of wars, casualties, ...).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import utils  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
KEY = ["article_id", "low", "high", "hedge", "actor", "place"]


def read_fixture(name: str) -> pd.DataFrame:
    """A fixture CSV with its figure rows only (blank ``low`` = a story with no figure)."""
    df = pd.read_csv(FIXTURES / name, dtype=str, keep_default_na=False)
    return df


def tricky_articles(fixture: pd.DataFrame) -> pd.DataFrame:
    """Turn the tricky fixture's texts into an articles table (one story per article_id)."""
    stories = fixture.drop_duplicates("article_id")[["article_id", "text"]].reset_index(drop=True)
    return stories.assign(source="tricky", part=1, outlet="test", published=pd.NaT, title="",
                          n_words=stories["text"].str.split().str.len(),
                          n_paragraphs=stories["text"].str.count("\n\n") + 1)


def _keys(df: pd.DataFrame) -> Counter:
    rows = df[df["low"].astype(str) != ""] if "low" in df else df
    return Counter(tuple(str(v) for v in r) for r in rows[KEY].astype(str).itertuples(index=False))


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Precision, recall and F1 of ``pred`` against ``gold`` on the KEY columns."""
    p, g = _keys(pred), _keys(gold)
    right = sum((p & g).values())
    n_p, n_g = sum(p.values()), sum(g.values())
    prec = right / n_p if n_p else 1.0
    rec = right / n_g if n_g else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"right": right, "extracted": n_p, "fixture": n_g, "precision": prec,
            "recall": rec, "f1": f1, "false_alarms": sorted((p - g).elements()),
            "misses": sorted((g - p).elements())}


def run() -> dict:
    """Score both fixtures; returns {"seeds": {...}, "tricky": {...}}."""
    seeds = utils.load_articles(REPO / "seeds")
    out = {"seeds": score(utils.extract_troop_mentions(seeds), read_fixture("troops_seeds.csv"))}
    tricky = read_fixture("troops_tricky.csv")
    out["tricky"] = score(utils.extract_troop_mentions(tricky_articles(tricky)), tricky)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)
    for name, r in run().items():
        print(f"{name:7s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"F1 {r['f1']:.3f}  ({r['right']} right of {r['extracted']} extracted, "
              f"{r['fixture']} in fixture)")
        if args.errors:
            for k in r["misses"]:
                print("   miss       ", k)
            for k in r["false_alarms"]:
                print("   false alarm", k)


if __name__ == "__main__":
    main()
