"""Plots of the sentiment notebook (02): mean tone per group and story, tone by voice, targets, words.

Each function takes a table of :mod:`withdrawals.tables` (``sentiment_summary``,
``target_sentiment``, ``lexicon_contributors``) and returns a matplotlib figure, bounded in size
on any corpus; ``withdrawals.figures.save_figure`` writes it with the CSV behind it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .sentiment import ALL_STORIES
from .tables import _group_order

__all__ = ["plot_summary", "plot_voice", "plot_target_heatmap", "plot_contributors", "MAX_STORY_ROWS"]


#: Past this many stories, per-story figures become distributions of story means per group.
MAX_STORY_ROWS = 30


def _wrap(label, width: int = 38) -> str:
    """A label wrapped onto lines of at most ``width`` characters (at most three lines)."""
    import textwrap

    lines = textwrap.wrap(str(label), width) or [""]
    return "\n".join(lines[:2] + ([textwrap.shorten(" ".join(lines[2:]), width, placeholder="…")]
                                  if len(lines) > 2 else []))


def _colour_of(colors: dict | None, name) -> str:
    from withdrawals.figures import OTHER_COLOR

    return (colors or {}).get(name, OTHER_COLOR if colors else "#444444")


def _shares_panel(ax, y, neg, neu, pos, legend: bool = True) -> None:
    """Stacked negative / neutral / positive shares, one bar per row at heights ``y``."""
    left = np.zeros(len(y))
    for share, key, colour in ((neg, "negative", "#d1495b"), (neu, "neutral", "#bbbbbb"),
                               (pos, "positive", "#1b6ca8")):
        ax.barh(y, share, left=left, color=colour, label=key, height=0.6)
        left += np.asarray(share, dtype="float64")
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sentences\n(compound < −0.05 / neutral / > 0.05)")
    if legend:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8)


def plot_summary(summary: pd.DataFrame, label: str, title: str, colors: dict | None = None,
                 by: str = "outlet", max_rows: int = MAX_STORY_ROWS):
    """Mean compound with its 95% interval (left) and the polarity shares (right), one row per group.

    In: ``sentiment_summary`` output with a ``label`` column naming each row and a
    ``by`` column (default ``outlet``) for the colours (``colors``: group -> colour).
    A table of more than ``max_rows`` stories (it has ``article_id``) is drawn as the
    distribution of story means per ``by`` group instead: a box and one dot per story,
    "(k stories)" beside each group, and the group's pooled polarity shares.
    Out: a matplotlib Figure; rows keep the table's order, top to bottom.  Height is
    bounded (at most about 2,000 px at the collection's dpi) whatever the rows.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import FIG_DPI, MAX_PX

    key = by if by in summary.columns else "outlet"
    if len(summary) > max_rows and "article_id" in summary.columns and key in summary.columns:
        return _plot_story_distribution(summary, title, colors, key)
    n = len(summary)
    per_row = min(0.45, (MAX_PX * 0.8 / FIG_DPI - 1.6) / max(n, 1))
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 1.6 + per_row * max(n, 1)), sharey=True,
                                  gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(n)[::-1]
    cols = [_colour_of(colors, o) for o in summary.get(key, [None] * n)]
    mean = summary["mean_compound"].to_numpy()
    for yy, lo, hi, colour in zip(y, summary["ci_low"], summary["ci_high"], cols):
        ax.plot([lo, hi], [yy, yy], color=colour, lw=2, solid_capstyle="butt")
    ax.scatter(mean, y, c=cols, s=40, zorder=3)
    ax.axvline(0, color="#888888", lw=0.8)
    names = [f"{lab} (n={k})" for lab, k in zip(summary[label], summary["n"])]
    ax.set_yticks(y, [_wrap(t, 90) for t in names], fontsize=10 if n <= 30 else 8)
    ax.set_xlabel("mean compound score per sentence (−1 to +1)\nline: 95% bootstrap interval")
    _shares_panel(ax2, y, summary["share_negative"], summary["share_neutral"], summary["share_positive"])
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def _plot_story_distribution(story: pd.DataFrame, title: str, colors: dict | None, by: str):
    """Story means per group: box, one jittered dot per story (fixed seed), pooled shares."""
    import matplotlib.pyplot as plt

    groups = _group_order(story[by], by)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 1.9 + 0.5 * max(len(groups), 1)), sharey=True,
                                  gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(len(groups))[::-1]
    rng = np.random.default_rng(0)
    data = [story.loc[story[by] == g, "mean_compound"].dropna().to_numpy() for g in groups]
    if groups:
        ax.boxplot(data, positions=y, orientation="horizontal", widths=0.6, showfliers=False, whis=(0, 100),
                   medianprops={"color": "#222222"}, boxprops={"color": "#666666"},
                   whiskerprops={"color": "#666666"}, capprops={"color": "#666666"})
    for yy, g, x in zip(y, groups, data):
        ax.scatter(x, yy + rng.uniform(-0.22, 0.22, len(x)), s=14, color=_colour_of(colors, g),
                   alpha=0.8, edgecolors="white", linewidths=0.3, zorder=3)
    ax.axvline(0, color="#888888", lw=0.8)
    counts = [len(x) for x in data]
    ax.set_yticks(y, [_wrap(f"{g} ({k} stor{'y' if k == 1 else 'ies'})") for g, k in zip(groups, counts)])
    ax.set_ylim(-0.6, max(len(groups), 1) - 0.4)
    ax.set_xlabel("story mean compound score (−1 to +1)\none dot per story; box: middle half, "
                  "whiskers: 5–95%")
    tot = story.groupby(by)[["n", "n_negative", "n_neutral", "n_positive"]].sum().reindex(groups)
    n = tot["n"].clip(lower=1).to_numpy()
    _shares_panel(ax2, y, tot["n_negative"] / n, tot["n_neutral"] / n, tot["n_positive"] / n)
    ax2.set_xlabel("share of the group's sentences\n(compound < −0.05 / neutral / > 0.05)")
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def plot_voice(summary: pd.DataFrame, title: str, colors: dict | None = None, by: str = "outlet"):
    """Reporter's voice vs quoted speech per outlet (or group): mean compound and 95% interval.

    In: ``sentiment_summary(score_by_voice(...), articles, by=[by, "voice"])``.
    Out: a Figure, one row per group ("other …" last), a filled dot for the reporter and an
    open one for quotes, the legend above the data.
    """
    import matplotlib.pyplot as plt

    outlets = _group_order(summary[by], by) if by in summary.columns else []
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.6 * max(len(outlets), 1)))
    labelled = set()          # each voice in the legend once, from the first outlet that has it
    for k, outlet in enumerate(outlets):
        colour = _colour_of(colors, outlet)
        for voice, dy, face in (("reporter", 0.15, colour), ("quoted", -0.15, "white")):
            row = summary[(summary[by] == outlet) & (summary["voice"] == voice)]
            if row.empty:
                continue
            r = row.iloc[0]
            yy = len(outlets) - 1 - k + dy
            ax.plot([r["ci_low"], r["ci_high"]], [yy, yy], color=colour, lw=2)
            ax.scatter([r["mean_compound"]], [yy], s=50, facecolors=face, edgecolors=colour,
                       zorder=3, label=None if voice in labelled else voice)
            labelled.add(voice)
            ax.annotate(f"{voice} n={r['n']}", (r["ci_high"], yy), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_ylim(-0.5, max(len(outlets), 1) - 0.5)
    ax.set_yticks(range(len(outlets))[::-1], [_wrap(o) for o in outlets])
    ax.set_xlabel("mean compound score per sentence part (−1 to +1), 95% bootstrap interval")
    ax.margins(x=0.12)
    if labelled:
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8)
    ax.set_title(title, pad=22 if labelled else None)
    fig.tight_layout()
    return fig


def plot_target_heatmap(table: pd.DataFrame, title: str, by: str = "outlet"):
    """Outlet (or group) x target heatmap of mean compound, each cell annotated with its mean and n.

    In: ``target_sentiment`` output (rows bounded by its ``top`` grouping).  Out: a Figure;
    cells with n = 0 are blank; the row height shrinks past 30 rows so the figure stays bounded.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    order = list(dict.fromkeys(table["target"]))
    rows = _group_order(table[by], by)
    mean = table.pivot(index=by, columns="target", values="mean_compound").reindex(index=rows, columns=order)
    n = table.pivot(index=by, columns="target", values="n").reindex(index=rows, columns=order)
    annot = np.where(n.to_numpy() > 0,
                     [[f"{m:+.2f}\nn={k}" if k else "" for m, k in zip(mr, nr)]
                      for mr, nr in zip(mean.to_numpy(), n.to_numpy())], "n=0")
    per_row = 0.8 if len(mean) <= 20 else max(0.3, 16.0 / len(mean))
    fig, ax = plt.subplots(figsize=(1.3 * len(order) + 3.5, per_row * len(mean) + 1.8))
    sns.heatmap(mean, annot=annot if per_row >= 0.5 else False, fmt="", cmap="RdBu", center=0,
                vmin=-1, vmax=1, ax=ax, cbar_kws={"label": "mean compound score (−1 to +1)"},
                linewidths=0.5, annot_kws={"fontsize": 8})
    ax.set_facecolor("#f2f2f2")   # cells with n = 0
    ax.grid(False)
    ax.set_xticks(ax.get_xticks(), [_wrap(t, 16) for t in order], rotation=30, ha="right")
    ax.set_yticks(ax.get_yticks(), [_wrap(r, 30) for r in rows], rotation=0)
    ax.set_xlabel("actor named in the sentence (grey: no sentence)")
    ax.set_ylabel(by)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_contributors(table: pd.DataFrame, title: str, by: str = "outlet",
                      overall: pd.DataFrame | None = None, max_panels: int = 14, words: int = 8):
    """The lexicon words that add most to (blue) and take most from (red) each group's score.

    In: ``lexicon_contributors`` output (by ``by``), and optionally the whole corpus's
    (``lexicon_contributors(..., by=None)``), drawn first as "all stories".  Out: a Figure,
    a grid of at most ``max_panels`` panels (4 a row, so the words stay legible on a page), ``words`` words each way per panel with
    their counts; groups past the limit are left out (the CSV keeps them).
    """
    import math

    import matplotlib.pyplot as plt

    panels = []
    if overall is not None and len(overall):
        gcol = "group" if "group" in overall.columns else overall.columns[0]
        panels.append((f"{ALL_STORIES}", overall.drop(columns=gcol)))
    for g in (_group_order(table[by], by) if by in table.columns else []):
        panels.append((g, table[table[by] == g]))
    panels = [(g, sub[sub["rank"] <= words]) for g, sub in panels[:max_panels]]
    n = max(len(panels), 1)
    nrows = math.ceil(n / 4)
    ncols = math.ceil(n / nrows)            # rows as full as they can be: 5 panels are 3 + 2, not 4 + 1
    height = max([len(sub) for _, sub in panels] + [1])
    panel_h = 0.22 * height + 1.1
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.3 * ncols + 0.6, panel_h * nrows + 0.7),
                             squeeze=False)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    for ax, (g, sub) in zip(axes.flat, panels):
        sub = sub.sort_values("valence_sum")
        ax.barh(range(len(sub)), sub["valence_sum"],
                color=np.where(sub["valence_sum"] > 0, "#1b6ca8", "#d1495b"))
        ax.set_yticks(range(len(sub)), [f"{w} ({c})" for w, c in zip(sub["word"], sub["count"])],
                      fontsize=9)
        ax.set_ylim(-0.6, max(height, 1) - 0.4)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_title(_wrap(g, 30), fontsize=11, loc="center")
        ax.tick_params(axis="x", labelsize=9)
        ax.set_xlabel("summed valence (blue up, red down;\neach panel its own scale)", fontsize=9)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
