"""Score the extractors against the hand-annotated real articles of the dev corpus (tests/gold/).

Usage: .venv/bin/python bench/score_gold.py [--corpus ../shared/corpora/withdrawals-news-dev.jsonl] [-v]

The gold was written by annotators who never saw the extractor's output; the
"frozen" set is never looked at while writing rules, so its figures are the
honest ones.  -v lists the misses of the dev set only.
"""
import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

import utils  # noqa: E402
from withdrawals.evaluation import read_gold, score_gold  # noqa: E402

DEV = REPO.parent / "shared" / "corpora" / "withdrawals-news-dev.jsonl"


def report(scores: dict) -> None:
    for split, s in scores.items():
        q, t, f = s["quotes"], s["troops"], s["timelines"]
        print(f"== {split} set: {s['articles']} articles")
        print(f"   quotes      {q['gold']} gold spans ({q['quotations']} quotations, {q['terms']} terms), "
              f"{q['predicted']} extracted")
        print(f"               recall {q['recall']:.3f}  precision {q['precision']:.3f}  "
              f"speaker accuracy {q['speaker_accuracy']:.3f}  end-to-end F1 {q['e2e_f1']:.3f}")
        if "terms_prf" in q:
            tp = q["terms_prf"]
            print(f"               terms precision {tp['precision']:.3f}  recall {tp['recall']:.3f}")
        else:
            print("               terms: the quotes table has no quote_kind column yet")
        print(f"   troops      fully right P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  "
              f"({t['right']} right of {t['predicted']} extracted, {t['gold']} gold; span F1 {t['span_f1']:.3f}; "
              f"{t['vague_set_aside']} vague set aside)")
        m = s.get("merges")
        if m and m["pairs"]:
            print(f"   people      corpus merge accuracy {m['accuracy']:.3f} over {m['pairs']} pairs of "
                  f"{m['mentions']} quotations; merges precision {m['merge_precision']:.3f}  "
                  f"recall {m['merge_recall']:.3f}")
        note = "" if f["kind_column"] else " (no kind column: every extracted time frame counted as withdrawal)"
        print(f"   timeframes  withdrawal P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
              f"({f['right']} right of {f['predicted']}, {f['gold']} gold){note}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEV))
    ap.add_argument("--gold", default=str(REPO / "tests" / "gold" / "withdrawals-news-dev"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list the dev set's misses")
    args = ap.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"score_gold: {args.corpus} not found (the dev corpus is not part of the project); skipped")
        return None
    gold = read_gold(args.gold)
    articles = utils.load_articles(args.corpus, errors="ignore", progress=False)
    ids = set(gold["articles"]["article_id"])
    articles = articles[articles["article_id"].str.rsplit("-", n=1).str[0].isin(ids)]
    scores = score_gold(articles, utils.analyze(articles), gold)
    report(scores)
    if args.verbose and "dev" in scores:
        with pd.option_context("display.width", 220, "display.max_colwidth", 70):
            print(scores["dev"]["quotes"]["misses"].to_string(index=False))
    return scores


if __name__ == "__main__":
    main()
