"""Check the project's sentiment scorer against human judgement and plain VADER.

Reads the VADER authors' New York Times opinion-news snippets with the mean of
20 human ratings (tab-separated: id, mean rating -4..+4, text; 5,190 lines),
scores every snippet with plain ``vaderSentiment`` and with the project's
``score_sentiment`` (quote normalisation + table fixes), and prints for each:
Pearson r against the human mean, sentences per second (one core, best of
``--repeat`` runs), and how many snippets each fix changes.  It also checks
that the project's analyzer with the fixes off returns exactly what the
package returns.

Usage (from the repository root):
    .venv/bin/python bench/validate_sentiment.py [PATH] [--repeat 3]
PATH defaults to ../shared/validation/nytEditorialSnippets_GroundTruth.txt
(relative to the repository).  VADER's paper reports r = 0.492 on these.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from withdrawals import sentiment as st  # noqa: E402

DEFAULT = REPO.parent / "shared" / "validation" / "nytEditorialSnippets_GroundTruth.txt"


def read_snippets(path: Path) -> pd.DataFrame:
    """id, rating, text per line; bytes decoded as UTF-8, falling back to cp1252."""
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    rows = []
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise ValueError(f"{path}:{n}: expected 3 tab-separated fields, got {len(parts)}")
        rows.append((parts[0], float(parts[1]), parts[2]))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def timed(fn, repeat: int):
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
    snippets = read_snippets(Path(args.path))
    texts = snippets["text"].tolist()
    human = snippets["rating"].to_numpy()
    n = len(texts)
    print(f"{n} snippets from {args.path}")

    plain = SentimentIntensityAnalyzer()
    plain_scores, t_plain = timed(lambda: [plain.polarity_scores(t)["compound"] for t in texts],
                                  args.repeat)
    frame = snippets[["text"]]
    project, t_project = timed(lambda: st.score_sentiment(frame)["compound"].to_numpy(), args.repeat)
    same, _ = timed(lambda: st.score_sentiment(frame, fixes=False)["compound"].to_numpy(), 1)

    r_plain = np.corrcoef(human, plain_scores)[0, 1]
    r_project = np.corrcoef(human, project)[0, 1]
    print(f"{'scorer':<34}{'Pearson r':>10}{'sentences/s':>14}")
    print(f"{'plain vaderSentiment':<34}{r_plain:>10.4f}{n / t_plain:>14,.0f}")
    print(f"{'project score_sentiment (fixes)':<34}{r_project:>10.4f}{n / t_project:>14,.0f}")
    identical = int((np.asarray(plain_scores) == same).sum())
    print(f"fixes off == plain VADER on {identical}/{n} snippets")

    # Each fix on its own: r and how many snippets it changes.
    a = st._analyzer(True)
    only = {
        "quotes/dashes normalised only": [st._analyzer(False).polarity_scores(st.normalize_quotes(t))["compound"]
                                          for t in texts],
    }
    saved_cases, saved_no = dict(a.special_cases), a.lexicon["no"]
    try:
        a.lexicon["no"] = plain.lexicon["no"]
        only["'the bomb' idiom removed only"] = [a.polarity_scores(t)["compound"] for t in texts]
        a.lexicon["no"], a.special_cases = saved_no, dict(plain_idioms())
        only["'no' valence 0 only"] = [a.polarity_scores(t)["compound"] for t in texts]
    finally:
        a.special_cases, a.lexicon["no"] = saved_cases, saved_no
    for name, scores in only.items():
        scores = np.asarray(scores)
        changed = int((scores != np.asarray(plain_scores)).sum())
        print(f"  {name:<32}r {np.corrcoef(human, scores)[0, 1]:.4f}  changes {changed} snippets")
    return 0


def plain_idioms() -> dict:
    from vaderSentiment.vaderSentiment import SPECIAL_CASES
    return SPECIAL_CASES


if __name__ == "__main__":
    raise SystemExit(main())
