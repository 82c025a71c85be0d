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

The scorer is ``withdrawals.evaluation.score_troops`` (``score_troop_fixtures``
runs both fixtures).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run as a script from anywhere

from withdrawals.evaluation import score_troop_fixtures  # noqa: E402


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)
    scores = score_troop_fixtures()
    for name, r in scores.items():
        print(f"{name:7s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"F1 {r['f1']:.3f}  ({r['right']} right of {r['extracted']} extracted, "
              f"{r['fixture']} in fixture)")
        if args.errors:
            for k in r["misses"]:
                print("   miss       ", k)
            for k in r["false_alarms"]:
                print("   false alarm", k)
    return scores


if __name__ == "__main__":
    main()
