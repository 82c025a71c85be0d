"""Cache: the cleaned articles kept beside the analysis cache, so each notebook loads once-built tables.

``load_articles_cached(CORPUS, CACHE)`` is :func:`~withdrawals.corpus.load_articles`
read back from ``CACHE/articles/<key>.pkl`` when that file exists.  The key
covers everything the cleaning depends on:

- the corpus: every file's name, size and content (a folder: each file in it),
- the cleaning code: ``withdrawals/corpus.py``, this module and the ``lexicon/``
  word lists, so a changed rule rebuilds,
- the load options (``errors``, ``max_bytes``) and the pandas version.

The cleaning report is stored with the articles, so ``cleaning_report(articles)``
works on cached articles as on fresh ones; :func:`cleaning_report_cached` gives
it directly.  A corrupt or unreadable cache file is ignored and rebuilt.
Warnings about bad files are given when the corpus is cleaned, not again when it
is read back (every one is a row of the cleaning report).
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pandas as pd

__all__ = ["load_articles_cached", "cleaning_report_cached", "articles_key"]

_HERE = Path(__file__).resolve().parent
#: Cached article tables kept per cache folder (older keys are removed).
_KEEP = 4


def _corpus_files(path: Path) -> list[Path]:
    """The files a load of ``path`` may read: the file itself, or every visible file of the folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    return [path]


def _code_files() -> list[Path]:
    """The cleaning code and its word lists."""
    files = [_HERE / "corpus.py", _HERE / "cache.py"]
    lexicon = _HERE.parent / "lexicon"
    if lexicon.is_dir():
        files += sorted(p for p in lexicon.rglob("*") if p.is_file())
    return [p for p in files if p.exists()]


def articles_key(source, errors: str = "warn", max_bytes: int | None = None) -> str:
    """A hex key naming one cleaned corpus: its files' names and contents, the cleaning code, the options.

    In: a corpus path (as for ``load_articles``; ``"seeds"`` is the project's
    seeds), the load options.  Out: a 16-character key that changes when a
    corpus file is added, removed or edited, or when the cleaning code or a
    word list changes.  Raises ``FileNotFoundError`` for a missing path.
    """
    from .corpus import MAX_BYTES, _resolve

    path = _resolve(source)
    h = hashlib.sha256()
    h.update(repr((errors, MAX_BYTES if max_bytes is None else max_bytes, pd.__version__)).encode())
    for p in _code_files():
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    for p in _corpus_files(path):
        h.update(b"\0file\0" + p.name.encode() + b"\0" + str(p.stat().st_size).encode() + b"\0")
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def _attach(articles: pd.DataFrame, report: pd.DataFrame, attrs: dict) -> pd.DataFrame:
    """Give cached ``articles`` their report the way ``load_articles`` does (a key in the report registry)."""
    from . import corpus

    key = f"report-{next(corpus._REPORT_IDS)}"
    corpus._REPORTS[key] = report
    while len(corpus._REPORTS) > corpus._MAX_REPORTS:
        corpus._REPORTS.popitem(last=False)
    articles.attrs.update(attrs)
    articles.attrs["cleaning_report"] = key
    return articles


def _read(path: Path):
    """The (articles, report, attrs) stored at ``path``, or None when missing or unreadable."""
    try:
        with open(path, "rb") as f:
            stored = pickle.load(f)
        return stored["articles"], stored["report"], stored["attrs"]
    except Exception:       # missing, truncated, written by another pandas: rebuild
        return None


def _write(path: Path, articles: pd.DataFrame, report: pd.DataFrame) -> None:
    """Store the articles and their report atomically (written whole, then renamed), keeping a few keys."""
    path.parent.mkdir(parents=True, exist_ok=True)
    attrs = {k: v for k, v in articles.attrs.items() if k != "cleaning_report"}
    plain = articles.copy()
    plain.attrs = {}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        pickle.dump({"articles": plain, "report": report, "attrs": attrs}, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    old = sorted((p for p in path.parent.glob("*.pkl") if p != path), key=lambda p: p.stat().st_mtime)
    for p in old[: max(0, len(old) - (_KEEP - 1))]:
        p.unlink(missing_ok=True)


def load_articles_cached(source, cache, errors: str = "warn", progress=None,
                         max_bytes: int | None = None) -> pd.DataFrame:
    """:func:`load_articles` for the notebooks: the cleaned articles, read back from ``cache`` when built.

    In: the corpus path (as for ``load_articles``; a DataFrame is loaded, not
    cached), the analysis cache folder (``None``: no cache), and
    ``load_articles``'s options.  Out: the same articles table as
    ``load_articles(source, errors, progress, max_bytes)``, with its cleaning
    report (``cleaning_report(articles)`` works on it).  The cleaned table and
    its report are kept in ``cache/articles/<key>.pkl``; the key
    (:func:`articles_key`) covers the corpus files' contents, the cleaning
    code and the options, so a changed file or rule cleans again.
    """
    from .corpus import MAX_BYTES, cleaning_report, load_articles

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if cache is None or isinstance(source, pd.DataFrame):
        return load_articles(source, errors=errors, progress=progress, max_bytes=max_bytes)
    path = Path(cache) / "articles" / f"{articles_key(source, errors, max_bytes)}.pkl"
    stored = _read(path)
    if stored is not None:
        articles, report, attrs = stored
        return _attach(articles, report, attrs)
    articles = load_articles(source, errors=errors, progress=progress, max_bytes=max_bytes)
    _write(path, articles, cleaning_report(articles))
    return articles


def cleaning_report_cached(source, cache, errors: str = "warn") -> pd.DataFrame:
    """The cleaning report of :func:`load_articles_cached` (read from the cache when built).

    In: the corpus path and cache folder.  Out: the same DataFrame as
    ``cleaning_report(load_articles_cached(source, cache))``.
    """
    from .corpus import cleaning_report

    return cleaning_report(load_articles_cached(source, cache, errors=errors))
