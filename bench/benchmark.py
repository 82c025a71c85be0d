"""Benchmark the analysis on a synthetic corpus built from the seeds.

    python bench/benchmark.py --stories 10000          # what `make bench` runs
    python bench/benchmark.py --stories 500 --no-build # a quick look

Prints, per stage (load, clean, split, sentiment, quotes, troops, timelines,
casualties): seconds, stories/s, MB/s and sentences/s on one core; the same
sentences through VADER alone (vaderSentiment's polarity_scores, the cost no
analysis can avoid); the whole analysis on 1 worker and on all cores; peak
memory at a quarter, half and all of the corpus (each in a fresh process); and
`make` on the seeds against the floor of executing and exporting as many
notebooks that only import the libraries.  Targets from the issue are printed
beside each figure.

First of all it prints the speed ratio of the issue: ``utils.load_articles(path)``
+ ``utils.analyze(articles, workers=1)`` against plain vaderSentiment's
``polarity_scores`` over exactly the sentences the analysis scores (its
sentences table), on the real dev corpus (``../shared/corpora/withdrawals-news-dev.jsonl``
beside the repository, or ``--dev PATH``) when it is there, and on the
synthetic corpus always.  Each run is a fresh process, timed in CPU seconds (lazy tables built first
on one seed story, so only the analysis is timed, with its line caches empty as
in a notebook's first run); in each the two sides are timed in turn, and the
minimum of each side over ``--repeat`` runs (3 by default) is kept.

    python bench/benchmark.py --ratio-only                # just the ratio tables
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FIRST = ("Alex Maria James Fatima Chen Olga Kwame Priya Lucas Amira Diego Hannah Omar Ingrid Tomas "
         "Leila Samuel Yuki Nadia Pedro").split()
LAST = ("Carter Haddad Novak Okafor Lindqvist Moreau Tanaka Alvarez Kowalski Rahman Brennan Castillo "
        "Petrov Mensah Hughes Dubois Ferreira Sato Nguyen Weber").split()
_NAME = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
_NUMBER = re.compile(r"\b\d{2,3}(?:,\d{3})?\b")


def synth_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` .txt stories into ``folder``: the seed files, with names and numbers varied.

    Each copy keeps a seed's layout (page furniture included, so cleaning does
    real work) but replaces two-word capitalised names and 2-3 digit figures
    with random ones.  Returns the bytes written.
    """
    rng = random.Random(seed)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    raws = [p.read_text(encoding="utf-8") for p in seeds]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        raw = raws[i % len(raws)]
        names: dict[str, str] = {}

        def name(m):
            key = m.group(0)
            if key not in names:
                names[key] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            return names[key]

        def number(m):
            digits = len(m.group(0).replace(",", ""))
            value = rng.randint(10 ** (digits - 1), 10 ** digits - 1)
            return f"{value:,}"

        text = _NUMBER.sub(number, _NAME.sub(name, raw))
        data = text.encode("utf-8")
        (folder / f"{i:06d}_synthetic.txt").write_bytes(data)
        total += len(data)
    return total


def _peak_mb() -> float:
    """Peak resident memory of this process, in MiB (VmHWM: unlike ru_maxrss, not inherited
    from the parent across exec), or of its finished worker processes if larger."""
    own = 0.0
    try:
        with open("/proc/self/status") as f:
            own = next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


def child(corpus: Path, n: int, workers: int) -> dict:
    """In a fresh process: load the first ``n`` stories and analyse them; report time and peak memory."""
    import utils

    files = sorted(corpus.glob("*.txt"))[:n]
    sub = Path(tempfile.mkdtemp(prefix="bench-sub-"))
    for f in files:                      # only the first n files, so memory is that of n stories
        (sub / f.name).symlink_to(f)
    t = time.perf_counter()
    arts = utils.load_articles(sub, progress=False)
    load = time.perf_counter() - t
    shutil.rmtree(sub, ignore_errors=True)
    t = time.perf_counter()
    out = utils.analyze(arts, workers=workers, progress=False)
    return {"stories": len(arts), "workers": workers, "load_s": load,
            "analyze_s": time.perf_counter() - t, "peak_mb": _peak_mb(),
            "sentences": len(out["sentences"])}


def _run_child(corpus: Path, n: int, workers: int) -> dict:
    """Run :func:`child` in a new interpreter so its peak memory is its own."""
    out = subprocess.run([sys.executable, __file__, "--child", str(corpus), "--stories", str(n),
                          "--workers", str(workers)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


RATIO_TARGET = 1.5
RATIO_STAGES = ("load", "split", "sentiment", "quotes", "figures", "reduce")
DEV_CORPUS = REPO.parent / "shared" / "corpora" / "withdrawals-news-dev.jsonl"


def _clear_line_caches() -> None:
    """Empty the bounded functools.lru_cache's of the analysis modules (the per-line caches);
    the unbounded or one-entry ones (word lists, lazy tables) are built once per process and kept."""
    import functools

    for name, mod in list(sys.modules.items()):
        if name == "withdrawals" or name.startswith("withdrawals."):
            for value in vars(mod).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    size = value.cache_parameters()["maxsize"]
                    if size is not None and size > 1:
                        value.cache_clear()


def ratio_child(corpus: Path) -> dict:
    """In a fresh process: seconds of load + analyze (one core), of each stage, and of VADER alone.

    Lazy tables are built first on one seed story; then ``utils.load_articles(corpus)`` +
    ``utils.analyze(articles, workers=1)`` are timed as a whole, then each stage alone in the order
    ``analyze_partition`` runs them (line caches emptied before each of the two), then plain
    vaderSentiment over exactly the analysis' sentences (its ``sentences`` table), best of 2.  Times
    are the process's CPU seconds (one core: at workers=1 all the work is in this process), which
    other programs on a shared machine disturb far less than the wall clock.
    """
    clock = time.process_time
    import utils
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    from withdrawals import pipeline
    from withdrawals.numbers import extract_figures
    from withdrawals.segment import split_sentences
    from withdrawals.sentiment import score_sentiment
    from withdrawals.speakers import extract_quotes

    utils.analyze(utils.load_articles(REPO / "seeds", progress=False).iloc[:1], workers=1, progress=False)
    vader = SentimentIntensityAnalyzer()
    _clear_line_caches()
    t = clock()
    arts = utils.load_articles(corpus, progress=False)
    out = utils.analyze(arts, workers=1, progress=False)
    total = clock() - t
    texts = out["sentences"]["text"].tolist()
    del out, arts
    _clear_line_caches()
    st = {}
    t0 = clock()
    arts = utils.load_articles(corpus, progress=False)
    t1 = clock()
    r_stories = len(arts)
    stories = arts[["article_id", "text"]].reset_index(drop=True)
    sents = split_sentences(stories)
    t2 = clock()
    figures = extract_figures(stories, sentences=sents)
    t3 = clock()
    scored = score_sentiment(sents)
    t4 = clock()
    quotes = extract_quotes(stories)
    t5 = clock()
    pipeline.reduce_tables(pipeline._concat([{"sentences": scored, "quotes": quotes, **figures}]))
    t6 = clock()
    st.update(load=t1 - t0, split=t2 - t1, figures=t3 - t2, sentiment=t4 - t3, quotes=t5 - t4,
              reduce=t6 - t5)
    del figures, scored, quotes, sents, stories, arts
    t = clock()                 # again, line caches full: a rerun on the same text
    utils.analyze(utils.load_articles(corpus, progress=False), workers=1, progress=False)
    warm = clock() - t
    vs = []
    for _ in range(2):
        t = clock()
        for s in texts:
            vader.polarity_scores(s)
        vs.append(clock() - t)
    return {"total": total, "warm": warm, "vader": min(vs), "stages": st, "stories": r_stories,
            "sentences": len(texts)}


def ratio(corpus: Path, label: str, repeat: int = 3) -> float:
    """Print the ratio table for one corpus (``repeat`` fresh processes, minimum of each side)."""
    runs = []
    for _ in range(max(1, repeat)):
        out = subprocess.run([sys.executable, __file__, "--ratio-child", str(corpus)],
                             capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"ratio run on {corpus} failed:\n{out.stderr}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    vader = min(r["vader"] for r in runs)
    total = min(r["total"] for r in runs)
    warm = min(r["warm"] for r in runs)
    stage = {k: min(r["stages"][k] for r in runs) for k in RATIO_STAGES}
    r0 = runs[0]
    print(f"{label}: {r0['stories']} stories, {r0['sentences']} sentences; one core (CPU seconds), "
          f"min of {len(runs)} fresh processes")
    print(f"  {'stage':28} {'seconds':>8} {'x VADER':>8}")
    for k in RATIO_STAGES:
        print(f"  {k:28} {stage[k]:8.2f} {stage[k] / vader:8.2f}")
    print(f"  {'(stages summed)':28} {sum(stage.values()):8.2f} {sum(stage.values()) / vader:8.2f}")
    print(f"  {'load_articles + analyze':28} {total:8.2f} {total / vader:8.2f}")
    print(f"  {'VADER alone (same sentences)':28} {vader:8.2f} {1:8.2f}")
    print(f"  {'(rerun, line caches full)':28} {warm:8.2f} {warm / vader:8.2f}")
    verdict = "meets" if total / vader <= RATIO_TARGET else "misses"
    print(f"  ratio {total / vader:.2f}x VADER alone ({verdict} the target <= {RATIO_TARGET}x)\n")
    return total / vader


def stages(corpus: Path, mb: float) -> tuple[list[tuple], float, int]:
    """Time each stage on one core.  Returns rows, VADER-alone seconds, sentences and stories."""
    import utils
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    from withdrawals.corpus import clean_document, normalize_text

    rows = []

    def timed(name, fn, *args, **kw):
        t = time.perf_counter()
        res = fn(*args, **kw)
        rows.append((name, time.perf_counter() - t))
        return res

    arts = timed("load (read + clean)", utils.load_articles, corpus, progress=False)
    raws = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    timed("  of which clean", lambda: [clean_document(normalize_text(r)) for r in raws])
    sents = timed("split", utils.split_sentences, arts)
    timed("sentiment", utils.score_sentiment, sents)
    timed("quotes", utils.extract_quotes, arts)
    timed("troops+timelines+casualties", utils.extract_figures, arts, sentences=sents.copy())
    vader = SentimentIntensityAnalyzer()
    texts = sents["text"].tolist()
    t = time.perf_counter()
    for s in texts:
        vader.polarity_scores(s)
    return rows, time.perf_counter() - t, len(texts), len(arts)


def _clear_caches() -> None:
    """Empty every functools.lru_cache in the analysis modules."""
    import functools

    for name, mod in list(sys.modules.items()):
        if name.startswith("withdrawals."):
            for value in vars(mod).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def cold(corpus: Path) -> dict:
    """µs per sentence of the quote and figure stages on text never seen before.

    The synthetic corpus repeats many paragraphs word for word (copies of six
    stories), which line-level caches exploit.  Here every repeated paragraph
    is dropped, the caches are emptied, and the two stages run once over what
    is left, so no line is met twice.
    """
    import pandas as pd

    import utils

    arts = utils.load_articles(corpus, progress=False)
    seen: set = set()
    texts = []
    for text in arts["text"]:
        keep = [p for p in text.split("\n\n") if p not in seen]
        seen.update(keep)
        texts.append("\n\n".join(keep))
    uniq = pd.DataFrame({"article_id": arts["article_id"], "text": texts})
    uniq = uniq[uniq["text"] != ""]
    sents = utils.split_sentences(uniq)
    _clear_caches()
    t = time.perf_counter()
    utils.extract_quotes(uniq)
    quotes = time.perf_counter() - t
    _clear_caches()
    t = time.perf_counter()
    utils.extract_figures(uniq, sentences=sents)
    figures = time.perf_counter() - t
    return {"quotes": quotes, "figures": figures, "sentences": len(sents)}


def repeated_share(corpus: Path) -> float:
    """Share of paragraphs in the corpus that repeat an earlier paragraph word for word."""
    import utils

    paras = [p for t in utils.load_articles(corpus, progress=False)["text"] for p in t.split("\n\n")]
    return 1 - len(set(paras)) / max(len(paras), 1)


def make_floor(jobs: int) -> tuple[float, float, int]:
    """Seconds to build the real notebooks on the seeds (fresh cache) and to build as many
    notebooks that only import the libraries, with the same runner and settings."""
    import nbformat

    from withdrawals.build import build

    notebooks = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))
    tmp = Path(tempfile.mkdtemp(prefix="floor-"))
    try:
        empty = []
        for nb in notebooks:
            node = nbformat.v4.new_notebook(cells=[
                nbformat.v4.new_code_cell('CORPUS = FIGURES = CACHE = ""', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import pandas, numpy, matplotlib.pyplot, seaborn, nltk\n"
                                          "import vaderSentiment.vaderSentiment")])
            path = tmp / "nb" / nb.name
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(node, path)
            empty.append(path)
        build(empty, REPO / "seeds", tmp / "fw", tmp / "cw", tmp / "hw", jobs=jobs)  # warm disk caches
        floors, reals = [], []
        for i in range(2):      # alternate, fresh output and analysis cache each time; keep the best
            t = time.perf_counter()
            build(empty, REPO / "seeds", tmp / f"f0{i}", tmp / f"c0{i}", tmp / f"h0{i}", jobs=jobs)
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            build(notebooks, REPO / "seeds", tmp / f"f1{i}", tmp / f"c1{i}", tmp / f"h1{i}", jobs=jobs)
            reals.append(time.perf_counter() - t)
        floor, real = min(floors), min(reals)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return real, floor, len(notebooks)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-build", action="store_true", help="skip the make-vs-floor measurement")
    ap.add_argument("--dev", type=Path, default=DEV_CORPUS,
                    help="the real dev corpus for the ratio (default: ../shared/corpora/withdrawals-news-dev.jsonl "
                         "beside the repository; skipped when missing)")
    ap.add_argument("--repeat", type=int, default=3, help="fresh processes per ratio, minimum kept (default 3)")
    ap.add_argument("--ratio-only", action="store_true", help="print the ratio tables only")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--ratio-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.stories, args.workers)))
        return 0
    if args.ratio_child:
        print(json.dumps(ratio_child(args.ratio_child)))
        return 0

    print(f"load_articles + analyze (workers=1) against VADER alone over the same sentences "
          f"(target <= {RATIO_TARGET}x)\n")
    if args.dev.exists():
        ratio(args.dev, f"real dev corpus {args.dev}", args.repeat)
    else:
        print(f"real dev corpus not found ({args.dev}): skipped; give it with --dev PATH\n")

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        corpus = tmp / "corpus"
        nbytes = synth_corpus(corpus, args.stories)
        mb = nbytes / 2 ** 20
        print(f"Synthetic corpus: {args.stories} files, {mb:.1f} MB, in {corpus}  "
              f"(cores: {os.cpu_count()}, python {sys.version.split()[0]})\n")
        ratio(corpus, "synthetic corpus", args.repeat)
        if args.ratio_only:
            return 0

        rows, vader_s, n_sent, n = stages(corpus, mb)
        print(f"{n} stories once loaded (a seed file that carries two stories gives two)\n")
        print(f"{'stage (1 core)':24} {'seconds':>8} {'stories/s':>10} {'MB/s':>8} {'sent/s':>9}")
        for name, s in rows:
            print(f"{name:24} {s:8.2f} {n / s:10.0f} {mb / s:8.2f} {n_sent / s:9.0f}")
        print(f"{'VADER alone':24} {vader_s:8.2f} {n / vader_s:10.0f} {mb / vader_s:8.2f} "
              f"{n_sent / vader_s:9.0f}   ({n_sent} sentences)")
        analysis = sum(s for name, s in rows if name in ("split", "sentiment", "quotes",
                                                         "troops+timelines+casualties"))
        print(f"\nanalysis stages, summed: {analysis:.2f} s = {analysis / vader_s:.2f}x VADER alone "
              f"(target <= 1.5x)")
        share = repeated_share(corpus)
        c = cold(corpus)
        vader_us = vader_s / n_sent * 1e6
        print(f"{share:.0%} of the synthetic paragraphs repeat an earlier one word for word. On text never "
              f"seen before (repeated paragraphs dropped, {c['sentences']} sentences left, caches emptied): quotes "
              f"{c['quotes'] / c['sentences'] * 1e6:.1f} µs/sentence, troops+timelines+casualties "
              f"{c['figures'] / c['sentences'] * 1e6:.1f} µs/sentence (VADER alone: {vader_us:.1f})")

        one = _run_child(corpus, args.stories, 1)
        many = _run_child(corpus, args.stories, args.workers)
        speed = one["analyze_s"] / many["analyze_s"]
        print(f"analyze(workers=1): {one['analyze_s']:.2f} s = {one['analyze_s'] / vader_s:.2f}x VADER alone; "
              f"{n / one['analyze_s']:.0f} stories/s")
        print(f"analyze(workers={args.workers}): {many['analyze_s']:.2f} s; speed-up {speed:.2f}x "
              f"(target >= 1.7x with 2 workers)")

        print("\npeak memory (load + analyze, one worker, fresh process each):")
        runs = [_run_child(corpus, args.stories // k, 1) for k in (4, 2)] + [one]
        base = runs[0]
        for r in runs:
            slope = ((r["peak_mb"] - base["peak_mb"]) / (r["stories"] - base["stories"]) * 1000
                     if r is not base else float("nan"))
            grow = "" if r is base else f"  (+{slope:.0f} MiB per 1,000 more stories)"
            print(f"  {r['stories']:>7} stories: {r['peak_mb']:8.0f} MiB{grow}")
        print("  target: linear, under 2048 MiB at 10,000 stories")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if not args.no_build:
        real, floor, k = make_floor(jobs=2)
        print(f"\nmake on the seeds ({k} notebooks, fresh cache): {real:.1f} s; floor ({k} notebooks "
              f"that only import the libraries): {floor:.1f} s; ratio {real / floor:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
