"""Figures: one style, one colour per outlet, one save helper that writes PNG + CSV.

Every figure in the collection is saved with :func:`save_figure`, which writes
``<folder>/<name>.png`` at a fixed size and dpi with no timestamp or version in
its metadata (so reruns are byte-identical) and ``<folder>/<name>.csv`` with the
numbers behind it.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = ["set_style", "outlet_colors", "save_figure", "FIG_DPI", "MAX_PX", "TOP_OUTLETS",
           "PALETTE", "OTHER_COLOR", "other_label", "top_groups", "group_labels", "group_colors",
           "choose_period", "period_labels", "figure_size"]

FIG_DPI = 120
MAX_PX = 2400          # no saved figure is wider or taller than this, at any corpus size
TOP_OUTLETS = 12       # outlets (or groups) named in figures; the rest are grouped as "other outlets"
# Colour-blind-safe qualitative palette: Paul Tol's "muted" (9) and three of Okabe & Ito's,
# 12 distinct colours for the 12 named groups; every other group is grey.
PALETTE = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77",
           "#CC6677", "#882255", "#AA4499", "#E69F00", "#0072B2", "#D55E00"]
OTHER_COLOR = "#BBBBBB"
UNKNOWN_OUTLET = "(unknown outlet)"


def set_style() -> None:
    """Apply the collection's one figure style (seaborn whitegrid, readable sizes).

    In: nothing.  Out: nothing; changes matplotlib's rcParams for this process (text is
    never read as mathtext, so a "$" in a title or name shows as written),
    and pandas' table options (:func:`set_display`: Styler tables escape HTML).
    """
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook")
    plt.rcParams.update({
        "figure.dpi": FIG_DPI,
        "savefig.dpi": FIG_DPI,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "legend.frameon": False,
        "svg.hashsalt": "withdrawals",
        # titles, outlets and speaker names are data: "$5 billion ... $3" is text, not mathtext
        # (which would set it in italics, or raise on "a $\\frac{1}{0 and $")
        "text.parse_math": False,
    })
    from .display import set_display

    set_display()       # tables escape article text (titles are data, not markup)


def _names(values) -> pd.Series:
    """Values as display names: blank or missing become "(unknown outlet)"."""
    s = pd.Series(list(values), dtype=object)
    return s.map(lambda v: UNKNOWN_OUTLET if v is None or (isinstance(v, float) and pd.isna(v))
                 or v is pd.NaT or str(v).strip() == "" else str(v))


def other_label(by: str = "outlet") -> str:
    """The name of the grouped rest: "other outlets", "other leans", … ("other" + the column + "s")."""
    return f"other {by}s" if not by.endswith("s") else f"other {by}"


def top_groups(values, top: int = TOP_OUTLETS) -> list:
    """The ``top`` most frequent names in ``values`` (one value per story), most frequent first.

    Ties are broken alphabetically, so the choice does not depend on the order stories were met;
    "(unknown outlet)" is never among them.  ``top=None`` names them all.
    """
    counts = _names(values).value_counts()
    counts = counts.drop(UNKNOWN_OUTLET, errors="ignore")
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [k for k, _ in order]
    return names if top is None else names[:top]


def group_labels(values, top: int = TOP_OUTLETS, by: str = "outlet") -> pd.Series:
    """Each value's display group: itself when among the ``top`` most frequent, else "other outlets".

    In: one value per story (an outlet, a lean, a year, …; blank = "(unknown outlet)").  Out: a Series
    aligned with ``values`` (same index when it is a Series).  With at most ``top`` distinct values,
    every value keeps its own name.
    """
    names = _names(values)
    keep = set(top_groups(names, top)) | {UNKNOWN_OUTLET}
    out = names.where(names.isin(keep), other_label(by))
    if isinstance(values, pd.Series):
        out.index = values.index
    return out


def group_colors(values, top: int = TOP_OUTLETS, by: str = "outlet") -> dict:
    """Map each name in ``values`` to its colour: the ``top`` most frequent get a palette colour each.

    In: one value per story (repeats count: the most frequent outlets are named).  Out: dict name ->
    hex colour for every distinct name met, plus the "other …" label; the named groups get
    :data:`PALETTE` colours in alphabetical order (so a colour does not move when a count changes
    rank), every other name grey.  Used by every figure, so an outlet has one colour everywhere.
    """
    names = _names(values)
    named = sorted(top_groups(names, min(top, len(PALETTE)) if top is not None else len(PALETTE)))
    colors = {n: PALETTE[i] for i, n in enumerate(named)}
    for n in names.unique():
        colors.setdefault(n, OTHER_COLOR)
    colors[other_label(by)] = OTHER_COLOR
    return colors


def outlet_colors(outlets, top: int = TOP_OUTLETS) -> dict:
    """Map each outlet name to a fixed colour, the same in every figure.

    In: outlet names, one per story (``outlet_names(articles)``; a list of distinct names works too:
    then ties decide alphabetically).  Blank or missing names become "(unknown outlet)".
    Out: dict outlet -> hex colour, every outlet included: the ``top`` most frequent outlets get a
    colour of their own from a colour-blind-safe palette, the rest (and "other outlets") grey.  The
    mapping does not depend on the order the outlets were met.
    """
    return group_colors(outlets, top=top, by="outlet")


def choose_period(dates) -> str:
    """The period troop figures are compared within: "all", "quarter" or "year", from the dates' span.

    A corpus spanning at most six months is one period ("all"); up to three years, quarters; longer,
    years.  Undated stories do not count.
    """
    d = pd.to_datetime(pd.Series(list(dates)), errors="coerce").dropna()
    if d.empty or (d.max() - d.min()).days <= 183:
        return "all"
    return "quarter" if (d.max() - d.min()).days <= 3 * 366 else "year"


def period_labels(dates, period: str = "auto") -> pd.Series:
    """Each date's period label: "all dates", "2019-Q4" or "2019"; undated stories are "undated".

    ``period``: "auto" (:func:`choose_period`), "all", "quarter", "year" or "month".
    """
    s = dates if isinstance(dates, pd.Series) else pd.Series(list(dates))
    d = pd.to_datetime(s, errors="coerce")
    if period == "auto":
        period = choose_period(d)
    if period not in {"all", "quarter", "year", "month"}:
        raise ValueError(f"period must be 'auto', 'all', 'quarter', 'year' or 'month', not {period!r}")
    if period == "all":
        out = pd.Series("all dates", index=s.index, dtype=object)
    else:
        code = {"quarter": "Q", "year": "Y", "month": "M"}[period]
        out = d.dt.to_period(code).astype(str).str.replace("Q", "-Q", regex=False).astype(object)
    return out.where(d.notna(), "undated")


def figure_size(n_rows: int, width: float = 9.0, per_row: float = 0.28, base: float = 1.6) -> tuple:
    """(width, height) in inches for a figure of ``n_rows`` rows, bounded so it stays under MAX_PX."""
    limit = (MAX_PX - 80) / FIG_DPI
    return min(width, limit), min(max(base + per_row * max(n_rows, 1), 2.5), limit)


def _in_notebook() -> bool:
    """True inside a Jupyter kernel (where figures are shown inline)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _bounded_dpi(fig) -> float:
    """FIG_DPI, or less when the tight bounding box would exceed MAX_PX on a side (a safety net)."""
    bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    side = max(bbox.width, bbox.height, 1e-9) + 0.2      # inches, with the 0.1 in pad on each side
    return min(float(FIG_DPI), (MAX_PX - 2) / side)


def save_figure(fig, data: pd.DataFrame, name: str, folder="figures") -> Path:
    """Save ``fig`` as ``folder/name.png`` and ``data`` as ``folder/name.csv``.

    In: a matplotlib Figure, the DataFrame of numbers the figure shows, a file
    stem such as ``"01-words-per-story"`` and the output folder (created if
    missing).  Out: the path of the PNG.  The PNG carries no timestamp or
    software version, and the CSV is written without the index, so a rerun on
    the same data gives byte-identical files.  In a notebook the saved PNG is
    what is shown (the figure is not drawn a second time), and the figure is
    closed.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=_bounded_dpi(fig), bbox_inches="tight",
                metadata={"Software": None})
    data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    if _in_notebook():
        from IPython.display import Image, display

        display(Image(filename=str(png)))
        plt.close(fig)
    return png
