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

__all__ = ["set_style", "outlet_colors", "save_figure", "FIG_DPI"]

FIG_DPI = 120
_PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f",
            "#2e4057", "#c97c5d", "#7f7f7f", "#b5a642"]


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


def outlet_colors(outlets) -> dict:
    """Map each outlet name to a fixed colour, the same in every figure.

    In: an iterable of outlet names (blank or missing names become "(unknown outlet)", as in
    ``outlet_names``).
    Out: dict outlet -> hex colour; outlets are sorted first so the mapping
    does not depend on the order they were met.
    """
    names = sorted({("(unknown outlet)" if pd.isna(o) or o == "" else str(o)) for o in outlets})
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def _in_notebook() -> bool:
    """True inside a Jupyter kernel (where figures are shown inline)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


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
    fig.savefig(png, dpi=FIG_DPI, bbox_inches="tight",
                metadata={"Software": None})
    data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    if _in_notebook():
        from IPython.display import Image, display

        display(Image(filename=str(png)))
        plt.close(fig)
    return png
