"""Time `make CORPUS=...` from a clean build against `load_articles` + `analyze` on the same corpus.

    python bench/bench_build.py ../shared/corpora/withdrawals-news-dev.jsonl   # what `make bench-build` runs
    python bench/bench_build.py seeds --jobs 2

Prints the seconds of `load_articles` and of `analyze` (one core, in this
process, after the imports, which are timed apart), the seconds of `make
CORPUS=...` into a fresh temporary folder (new figures, cache and HTML: nothing
reused), each notebook's time as the build logged it, the page sizes, and the
ratio make / (load + analyze) against the issue's target of at most 4.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = 4.0


def analysis_seconds(corpus: str) -> tuple[float, float, float, int]:
    """(import, load_articles, analyze) seconds and the number of stories, in this process."""
    t = time.perf_counter()
    sys.path.insert(0, str(REPO))
    import utils
    t_import = time.perf_counter() - t
    t = time.perf_counter()
    articles = utils.load_articles(corpus, progress=False)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    utils.analyze(articles, workers=1, progress=False)
    return t_import, t_load, time.perf_counter() - t, len(articles)


def make_seconds(corpus: str, jobs: int) -> tuple[float, str, Path]:
    """Seconds of `make CORPUS=corpus` into a fresh folder, its log and the HTML folder."""
    out = Path(tempfile.mkdtemp(prefix="bench-build-"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    cmd = ["make", "-C", str(REPO), f"CORPUS={Path(corpus).resolve() if Path(corpus).exists() else corpus}",
           f"OUT={out / 'out'}", f"FIGURES={out / 'figures'}", f"CACHE={out / 'cache'}", f"JOBS={jobs}"]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t
    if proc.returncode:
        failed = re.findall(r"^(?:BUILD FAILED: )?(\S+\.ipynb: cell .*failed:)$", proc.stderr, re.M)
        print(f"  make failed ({proc.returncode}), output in {out}: " + "; ".join(failed or [proc.stderr[-2000:]]),
              flush=True)
    return seconds, proc.stdout + proc.stderr, out / "out" / "html"


NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))


def floor_seconds(corpus: str, jobs: int) -> float:
    """Seconds of the build (caches warmed, kernels started, pages exported) of as many notebooks
    as the report has that only import utils and set the style: what no notebook's own work costs."""
    import nbformat

    from withdrawals.build import build

    tmp = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    paths = []
    for nb in NOTEBOOKS:
        node = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_markdown_cell(f"# {nb.stem}"),
            nbformat.v4.new_code_cell('CORPUS = FIGURES = CACHE = ""', metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(f"import sys; sys.path.insert(0, {str(REPO)!r})\nimport utils\nutils.set_style()\n"
                                      "articles = utils.load_articles_cached(CORPUS, CACHE)\n"
                                      "results = utils.analyze_cached(articles, CACHE)")])
        paths.append(tmp / "notebooks" / nb.name)
        paths[-1].parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(node, paths[-1])
    t = time.perf_counter()
    build(paths, Path(corpus).resolve() if Path(corpus).exists() else corpus, tmp / "figures", tmp / "cache",
          tmp / "html", jobs=jobs)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "withdrawals-news-dev.jsonl"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    corpus = args.corpus if Path(args.corpus).exists() or args.corpus == "seeds" else "seeds"
    if corpus != args.corpus:
        print(f"{args.corpus} not found: benchmarking on the seeds")
    t_import, t_load, t_analyze, n = analysis_seconds(corpus)
    base = t_load + t_analyze
    print(f"corpus: {corpus} ({n} stories)")
    print(f"  import utils           {t_import:6.1f} s (not counted)")
    print(f"  load_articles          {t_load:6.1f} s")
    print(f"  analyze (1 core)       {t_analyze:6.1f} s")
    print(f"  load + analyze         {base:6.1f} s", flush=True)
    seconds, log, html = make_seconds(corpus, args.jobs)
    print(f"  make CORPUS=… (clean)  {seconds:6.1f} s   JOBS={args.jobs}", flush=True)
    for line in log.splitlines():
        m = re.search(r"(\S+\.ipynb): executed and exported in ([\d.]+) s(.*)", line)
        if m:
            print(f"    {m.group(1):28s} {float(m.group(2)):6.1f} s{m.group(3)}")
        elif "ready in" in line or "stderr" in line:
            print(f"    {line.strip()}")
    floor = floor_seconds(corpus, args.jobs)
    print(f"  floor: the same build of {len(NOTEBOOKS)} notebooks that only import utils: {floor:.1f} s "
          f"({floor / base if base else float('inf'):.1f}x load + analyze)")
    pages = sorted(html.glob("*.html"))
    print("  pages: " + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in pages))
    ratio = seconds / base if base else float("inf")
    print(f"ratio make / (load + analyze) = {ratio:.1f}  (target at most {TARGET:g}: "
          f"{'met' if ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
