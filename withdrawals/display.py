"""Display: article text is data, never markup, in every table and sentence a notebook shows.

Titles, outlets, speaker names and sentences come from scraped pages; a title
like ``<script>alert(1)</script>`` must show as those characters in JupyterLab
and in the exported HTML, not run.  pandas already escapes ``DataFrame``
tables; this module makes the other two ways a notebook shows data safe too:

- :class:`Markdown` is IPython's ``Markdown`` with ``& < >`` escaped, so a
  value put into a sentence with an f-string can't open a tag;
- :func:`set_display` makes pandas' ``Styler`` tables escape their cells
  (its default is to pass HTML through) and stops MathJax reading ``$`` in
  tables as formulas ("$5 billion … $3 billion").
"""
from __future__ import annotations

import html

import pandas as pd
from IPython.display import Markdown as _IPythonMarkdown

__all__ = ["Markdown", "escape_markup", "set_display"]


def escape_markup(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so Markdown renders them as characters.

    In: Markdown text whose own formatting uses no HTML (``**bold**``,
    ``code``, lists and headings still work).  Out: the same text with every
    ``&``, ``<`` and ``>`` as an HTML entity.
    """
    return html.escape(str(text), quote=False)


class Markdown(_IPythonMarkdown):
    """IPython's ``Markdown`` for sentences that carry data: HTML in the text is shown, not rendered.

    Use it exactly like ``IPython.display.Markdown``: ``display(Markdown(f"…{title}…"))``.
    """

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        super().__init__(escape_markup(data) if isinstance(data, str) else data, url, filename, metadata)


def set_display() -> None:
    """Make every Styler table escape its cells and keep MathJax out of tables (pandas options)."""
    pd.set_option("styler.format.escape", "html")
    pd.set_option("display.html.use_mathjax", False)
