"""Pipeline: the whole analysis as one pure function of a partition of stories.

``analyze(articles)`` runs every stage on a pandas DataFrame and returns a dict
of DataFrames.  The same function runs unchanged across all cores
(``workers=N``, a process pool over contiguous chunks of stories, results
identical to one core and in the same order) and on a Dask DataFrame
(:func:`analyze_dask`, one task per partition), because every stage gives the
same rows for a story whatever else is in the batch.

``analyze_cached`` keeps the results as Parquet in a cache folder, keyed on the
stories, the extraction modules and the lexicon (not the tables and plots), so a
notebook rerun, or a retitled figure, does not redo the analysis.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from .corpus import PROGRESS_MIN
from .numbers import extract_figures, figure_sources
from .people import resolve_speakers
from .segment import split_sentences
from .sentiment import score_sentiment
from .speakers import extract_quotes

__all__ = ["analyze", "analyze_partition", "reduce_tables", "analyze_dask", "analyze_cached", "analysis_key",
           "TABLES"]

#: The tables ``analyze`` returns, in order.
TABLES = ("sentences", "quotes", "troops", "timelines", "casualties")
_REDUCED = ("quotes", "troops")      # the tables reduce_tables finishes over the whole corpus
_ARTICLE_INPUT = ["article_id", "text"]


def analyze_partition(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Run every stage on one partition of stories.

    In: a DataFrame with at least ``article_id`` and ``text`` (the articles
    table, or any slice of it).  Out: a dict with ``sentences`` (split, voice
    and VADER scores, with plain VADER's ``compound_plain`` beside them so the
    fixes' effect needs no second scoring), ``quotes``, ``troops``, ``timelines`` and
    ``casualties``, each a new DataFrame with a fresh index.  Pure: the input
    is not changed, and the rows for a story do not depend on the other
    stories in the partition.
    """
    stories = articles[_ARTICLE_INPUT].reset_index(drop=True)
    with _no_cyclic_gc():
        sentences = split_sentences(stories)
        figures = extract_figures(stories, sentences=sentences)
        return {
            "sentences": score_sentiment(sentences),
            "quotes": extract_quotes(stories),
            "troops": figures["troops"],
            "timelines": figures["timelines"],
            "casualties": figures["casualties"],
        }


@contextlib.contextmanager
def _no_cyclic_gc():
    """The cyclic garbage collector paused while the stages run: the per-story objects hold no
    cycles, so it frees nothing there, but its full passes over the rules' line caches cost
    about a tenth of the run.  Reference counting still frees everything at once."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _chunks(articles: pd.DataFrame, n_chunks: int) -> list[pd.DataFrame]:
    """Contiguous slices of ``articles`` with about the same number of characters each."""
    sizes = articles["text"].str.len().fillna(0).to_numpy()
    total = max(int(sizes.sum()), 1)
    bounds, acc, target = [0], 0, total / n_chunks
    for i, s in enumerate(sizes):
        acc += s
        if acc >= target * len(bounds) and i + 1 < len(sizes):
            bounds.append(i + 1)
    bounds.append(len(sizes))
    bounds = sorted(set(bounds))
    return [articles.iloc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def reduce_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The steps that need the whole corpus, after the partitions: one name per person, and who
    gives each troop figure.

    In: the tables of :func:`analyze_partition` for the whole corpus (concatenated).  Out: the same
    dict with ``quotes`` resolved (:func:`withdrawals.people.resolve_speakers`: ``person_id``,
    ``person``) and ``troops`` given their ``source`` (:func:`withdrawals.numbers.figure_sources`).
    """
    quotes = resolve_speakers(tables["quotes"])
    return dict(tables, quotes=quotes, troops=figure_sources(tables["troops"], quotes))


def _concat(parts: list[dict]) -> dict[str, pd.DataFrame]:
    """Concatenate per-partition results table by table, keeping the order of the partitions."""
    return {t: pd.concat([p[t] for p in parts], ignore_index=True) for t in TABLES}


def analyze(articles: pd.DataFrame, workers: int | None = 1, progress=None,
            chunks_per_worker: int = 4) -> dict[str, pd.DataFrame]:
    """The whole analysis: sentences with sentiment, quotes, troop figures, time frames, casualties.

    In: the articles table (or any DataFrame with ``article_id`` and
    ``text``); ``workers``: processes to use (1 = this process; ``None`` or 0 =
    all cores); ``progress``: show a progress bar (default: only for 200+
    stories, never under pytest).  Out: a dict of DataFrames keyed by
    :data:`TABLES`.  With several workers the stories are cut into contiguous
    chunks, analysed in a process pool and put back in order, so the result
    equals the one-core result row for row.
    """
    missing = [c for c in _ARTICLE_INPUT if c not in articles.columns]
    if missing:
        raise KeyError(f"analyze needs the columns {missing}")
    workers = int(workers) if workers else (os.cpu_count() or 1)
    n = len(articles)
    show = progress if progress is not None else (
        n >= PROGRESS_MIN and "PYTEST_CURRENT_TEST" not in os.environ)
    n_chunks = 1 if workers == 1 and not show else max(1, min(n, workers * chunks_per_worker))
    chunks = _chunks(articles[_ARTICLE_INPUT], n_chunks) if n else [articles[_ARTICLE_INPUT]]
    bar = None
    if show:
        from tqdm.auto import tqdm
        bar = tqdm(total=n, desc="analysing", unit="story")
    results = []
    if workers == 1 or len(chunks) == 1:
        for c in chunks:
            results.append(analyze_partition(c))
            if bar is not None:
                bar.update(len(c))
    else:
        methods = mp.get_all_start_methods()
        if "fork" in methods:
            # Load lexicons and build lazy tables once here, so every forked worker inherits them.
            analyze_partition(chunks[0].iloc[:1])
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for c, r in zip(chunks, pool.map(analyze_partition, chunks)):
                results.append(r)
                if bar is not None:
                    bar.update(len(c))
    if bar is not None:
        bar.close()
    return reduce_tables(_concat(results))


def _empty_tables() -> dict[str, pd.DataFrame]:
    """Each table with its columns and dtypes and no rows (the ``meta`` Dask needs)."""
    return reduce_tables(analyze_partition(pd.DataFrame({"article_id": pd.Series([], dtype=str),
                                                         "text": pd.Series([], dtype=str)})))


def _pick(result: dict, table: str) -> pd.DataFrame:
    """One table out of a partition's result (a picklable function for Dask)."""
    return result[table]


def analyze_dask(ddf) -> dict:
    """The same analysis on a Dask DataFrame of stories, one task per partition.

    In: a ``dask.dataframe.DataFrame`` with ``article_id`` and ``text``.  Out: a
    dict of lazy Dask DataFrames keyed by :data:`TABLES`; computing them
    together (``dask.compute(*out.values())``) runs :func:`analyze_partition`
    once per partition, on whatever cluster the active ``distributed.Client``
    points at.  Partitions are kept in order, so the computed tables equal the
    pandas path row for row (up to the index).
    """
    import dask
    import dask.dataframe as dd

    parts = ddf[_ARTICLE_INPUT].to_delayed()
    results = [dask.delayed(analyze_partition)(p) for p in parts]
    meta = _empty_tables()
    out = {t: dd.from_delayed([dask.delayed(_pick)(r, t) for r in results], meta=meta[t],
                              verify_meta=False)
           for t in TABLES if t not in _REDUCED}
    # the corpus-wide steps: one task over the whole quotes and troops tables
    whole = dask.delayed(reduce_tables)({t: dask.delayed(pd.concat)([dask.delayed(_pick)(r, t) for r in results],
                                                                   ignore_index=True)
                                         for t in _REDUCED})
    for t in _REDUCED:
        out[t] = dd.from_delayed([dask.delayed(_pick)(whole, t)], meta=meta[t], verify_meta=False)
    return {t: out[t] for t in TABLES}


#: The modules whose code the analysis runs: :func:`analysis_key` hashes these and every file of
#: ``withdrawals/lexicon/``, nothing else.  The views (``tables``, ``plots_*``, ``figures``,
#: ``display``, ``build``, ``utils.py``) are left out, so retitling a figure keeps the cache.
EXTRACTION_MODULES = ("corpus", "segment", "lexicon", "sentiment", "speakers", "people", "numbers", "pipeline")
_HERE = Path(__file__).resolve().parent


def _extraction_files() -> list[Path]:
    """The files :func:`analysis_key` covers: the extraction modules, then the lexicon's files."""
    files = [_HERE / f"{m}.py" for m in EXTRACTION_MODULES]
    lexicon = _HERE / "lexicon"
    if lexicon.is_dir():
        files += sorted(p for p in lexicon.rglob("*") if p.is_file() and not p.name.startswith("."))
    return files


def analysis_key(articles: pd.DataFrame) -> str:
    """A hex key naming one analysis: the stories' ids and texts, the extraction code and the lexicon.

    In: the articles table.  Out: a 16-character key that changes when a story, an
    extraction module (:data:`EXTRACTION_MODULES`) or a file of ``withdrawals/lexicon/``
    changes, so a cache keyed on it is never stale; the tables and plots are not part of
    it, so a change to a view keeps the cached analysis.
    """
    h = hashlib.sha256()
    for path in _extraction_files():
        if path.exists():
            h.update(path.relative_to(_HERE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    ids = pd.util.hash_pandas_object(articles[_ARTICLE_INPUT].astype(str), index=False)
    h.update(ids.to_numpy().tobytes())
    return h.hexdigest()[:16]


def _as_types(df: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the dtypes of ``meta``'s columns (columns ``meta`` lacks are left alone)."""
    change = {c: meta[c].dtype for c in meta.columns if c in df.columns and df[c].dtype != meta[c].dtype}
    return df.astype(change) if change else df


def analyze_cached(articles: pd.DataFrame, cache, workers: int | None = 1) -> dict[str, pd.DataFrame]:
    """:func:`analyze` with its results kept as Parquet under ``cache/<key>/``.

    In: the articles table, a cache folder (created if missing), workers as
    in :func:`analyze`.  Out: the same dict of DataFrames.  The key
    (:func:`analysis_key`) covers the stories, the extraction code and the lexicon, so a
    changed story, rule or word list recomputes; anything else (a table, a plot) is read back.
    """
    folder = Path(cache) / analysis_key(articles)
    files = {t: folder / f"{t}.parquet" for t in TABLES}
    if all(f.exists() for f in files.values()):
        # Parquet gives text back as pandas' "str" dtype: cast to the dtypes analyze gives
        meta = _empty_tables()
        return {t: _as_types(pd.read_parquet(f), meta[t]) for t, f in files.items()}
    result = analyze(articles, workers=workers)
    folder.mkdir(parents=True, exist_ok=True)
    for t, f in files.items():
        tmp = f.with_suffix(f".{os.getpid()}.tmp")
        result[t].to_parquet(tmp, index=False)
        tmp.replace(f)
    return result

