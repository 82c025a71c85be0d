"""Check the project's sentiment scorer against human judgement and plain VADER.

Reads the VADER authors' New York Times opinion-news snippets with the mean of
20 human ratings (tab-separated: id, mean rating -4..+4, text; 5,190 lines),
scores every snippet with plain ``vaderSentiment`` and with the project's
``score_sentiment``, and prints Pearson r against the human mean and sentences
per second (one core, best of ``--repeat`` runs) for each, then r for each fix
alone and how many snippets it changes.  It also checks that the project's
analyzer with the fixes off returns exactly what the package returns.

Usage (from the repository root):
    .venv/bin/python bench/validate_sentiment.py [PATH] [--repeat 3]
PATH defaults to ../shared/validation/nytEditorialSnippets_GroundTruth.txt
(beside the repository).  VADER's paper reports r = 0.492 on these.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from withdrawals import sentiment as st  # noqa: E402

DEFAULT = REPO.parent / "shared" / "validation" / "nytEditorialSnippets_GroundTruth.txt"


def timed(fn, repeat: int):
    """(result, best wall time in seconds) of ``repeat`` calls of ``fn``."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return out, best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    ratings = st.read_ratings(args.path)
    texts, human, n = ratings["text"].tolist(), ratings["rating"].to_numpy(), len(ratings)
    print(f"{n} rated snippets from {args.path}")

    plain = SentimentIntensityAnalyzer()
    plain_scores, t_plain = timed(lambda: np.array([plain.polarity_scores(t)["compound"]
                                                    for t in texts]), args.repeat)
    frame = ratings[["text"]]
    project, t_project = timed(lambda: st.score_sentiment(frame)["compound"].to_numpy(), args.repeat)
    _, t_nofix = timed(lambda: st.score_sentiment(frame, fixes=False), args.repeat)
    same = st.score_sentiment(frame, fixes=False)["compound"].to_numpy()

    print(f"{'scorer':<40}{'Pearson r':>10}{'sentences/s':>14}")
    print(f"{'plain vaderSentiment':<40}{np.corrcoef(human, plain_scores)[0, 1]:>10.4f}"
          f"{n / t_plain:>14,.0f}")
    print(f"{'project score_sentiment (all fixes)':<40}{np.corrcoef(human, project)[0, 1]:>10.4f}"
          f"{n / t_project:>14,.0f}")
    print(f"{'project score_sentiment (fixes=False)':<40}{np.corrcoef(human, same)[0, 1]:>10.4f}"
          f"{n / t_nofix:>14,.0f}")
    print(f"fixes=False == plain vaderSentiment on {int((same == plain_scores).sum())}/{n} snippets")
    print()
    print(st.human_agreement(ratings).to_string(index=False, float_format=lambda x: f"{x:.4f}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
