"""Score the quotation extractor against the hand-annotated seed quotations.

Usage: .venv/bin/python bench/score_quotes.py [--corpus seeds] [--gold tests/fixtures/quotes_seeds.csv] [-v]
Prints quote recall, precision, speaker accuracy and end-to-end attribution F1
(a quotation counts when its text is found and its speaker is right).  The
scorer is ``withdrawals.evaluation.score_quotes``.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run as a script from anywhere

import pandas as pd  # noqa: E402

from withdrawals.evaluation import FIXTURES, SEEDS, score_quote_fixture  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(SEEDS))
    ap.add_argument("--gold", default=str(FIXTURES / "quotes_seeds.csv"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = ap.parse_args(argv)
    s = score_quote_fixture(args.corpus, args.gold)
    print(f"gold quotations      {s['gold']}")
    print(f"extracted (direct)   {s['predicted']}")
    print(f"quote recall         {s['recall']:.3f}")
    print(f"quote precision      {s['precision']:.3f}")
    print(f"speaker accuracy     {s['speaker_accuracy']:.3f}  (of quotations found)")
    print(f"end-to-end P / R     {s['e2e_precision']:.3f} / {s['e2e_recall']:.3f}")
    print(f"end-to-end F1        {s['e2e_f1']:.3f}")
    if args.verbose and len(s["misses"]):
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            print(s["misses"].to_string(index=False))
    return s


if __name__ == "__main__":
    main()
