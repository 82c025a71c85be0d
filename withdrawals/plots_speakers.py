"""Plots of the speakers notebook (03): who is quoted, how much, how anonymously, in what tone.

Each function takes a table of :mod:`withdrawals.tables` (``speaker_table``, ``anonymous_share``,
``group_share``, ``speaker_sentiment``) and returns a matplotlib figure, bounded in size on any
corpus; ``withdrawals.figures.save_figure`` writes it with the CSV behind it.
"""
from __future__ import annotations

import pandas as pd

from .tables import ranked_speakers

__all__ = ["plot_top_speakers", "plot_shares", "plot_groups", "plot_speaker_sentiment"]


def _wrap(label, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(label), width)[:3]) or str(label)


def _is_other(name) -> bool:
    return str(name).startswith("other ") or str(name).startswith("(unknown")


def plot_top_speakers(table: pd.DataFrame, colors: dict, top: int = 12, title: str = "", by: str | None = None):
    """Horizontal bars: words quoted directly of the most-quoted named speakers, stacked by group.

    In: :func:`speaker_table` output (its first column is the group: outlet, lean, …), the
    group colours (``group_colors``), how many speakers.  Unknown speakers and anonymous
    sources are not ranked (:func:`ranked_speakers`).  The legend, outside the bars, lists the
    groups drawn: the named ones, then the pooled "other …" in grey.
    Out: (figure, the rows plotted).
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    by = by or table.columns[0]
    keep = ranked_speakers(table[table["direct_quotes"] > 0], top)["speaker"].tolist()
    rows = table[table["speaker"].isin(keep) & (table["direct_quotes"] > 0)
                 & ~table["speaker_kind"].isin(["unknown", "anonymous"])]
    rows = rows.sort_values(["speaker", by]).reset_index(drop=True)
    totals = rows.groupby(by)["direct_words"].sum()
    order = sorted(totals.index, key=lambda g: (_is_other(g), -totals[g], str(g)))
    fig, ax = plt.subplots(figsize=figure_size(len(keep), width=9.5, per_row=0.42, base=1.8))
    labels = [_wrap(s, 26) for s in keep]
    left = pd.Series(0.0, index=keep)
    for g in order:
        part = (rows[rows[by] == g].groupby("speaker")["direct_words"].sum().reindex(keep).fillna(0))
        ax.barh(range(len(keep)), part.values, left=left.values, color=colors.get(g, OTHER_COLOR),
                label=_wrap(g, 24), edgecolor="white", linewidth=0.4)
        left += part
    for i, s in enumerate(keep):
        n = int(rows.loc[rows["speaker"] == s, "direct_quotes"].sum())
        ax.text(left[s], i, f"  n={n}", va="center", fontsize=8)
    ax.set_yticks(range(len(keep)), labels, fontsize=9)
    ax.set_ylim(len(keep) - 0.5 if keep else 0.5, -0.5)
    ax.set_xlim(0, max(float(left.max()) if len(left) else 1.0, 1.0) * 1.15)
    ax.set_xlabel("words inside quotation marks (n = quotations)")
    ax.set_title(title)
    if len(keep):
        ax.legend(title=by, fontsize=8, title_fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig, rows


def plot_shares(df: pd.DataFrame, x: str, y: str, colors: dict | None = None, n_col: str | None = None,
                xlabel: str = "", title: str = ""):
    """Horizontal bars of a share (0..1) per category, labelled with counts.

    In: a DataFrame (one row per named group plus the pooled "other …"), the share column
    ``x``, the category column ``y``, colours (by category; grey if missing), the column
    holding n for the labels.  Named groups in alphabetical order, "other …" last.
    Out: the figure.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    d = df.assign(_o=df[y].map(_is_other), _y=df[y].astype(str)).sort_values(["_o", "_y"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=figure_size(len(d), width=8.5, per_row=0.42, base=1.6))
    cols = [(colors or {}).get(v, OTHER_COLOR) for v in d[y]]
    ax.barh(range(len(d)), d[x], color=cols)
    if n_col:
        for i, r in d.iterrows():
            ax.text(r[x], i, f"  {r[x]:.0%} (n={int(r[n_col])})", va="center", fontsize=8)
    ax.set_yticks(range(len(d)), [_wrap(v, 26) for v in d[y]], fontsize=9)
    ax.set_xlim(0, 1.2)                      # room for the labels; the axis itself runs 0-100 %
    _share_ticks(ax)
    ax.set_ylim(len(d) - 0.5 if len(d) else 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def _share_ticks(ax) -> None:
    """Ticks of a share axis at 0, 25, 50, 75 and 100 % only (the axis runs on for the labels)."""
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])


def plot_groups(shares: pd.DataFrame, title: str = "", by: str | None = None):
    """Stacked bars: each group's (outlet's, lean's, …) quoted words split by voice group (0..1).

    In: :func:`group_share` output (its first column is the group).  One bar per named group
    plus "other …" last, n of words beside each; the legend below the bars.  Out: the figure.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, PALETTE, figure_size

    by = by or shares.columns[0]
    wide = shares.pivot(index=by, columns="group", values="share").fillna(0)
    wide = wide.loc[sorted(wide.index, key=lambda g: (_is_other(g), str(g)))]
    order = list(dict.fromkeys(shares["group"]))
    wide = wide.reindex(columns=order)
    words = shares.groupby(by)["words"].sum()
    voice_colors = [PALETTE[i * 3 % len(PALETTE)] for i in range(len(order))]
    fig, ax = plt.subplots(figsize=figure_size(len(wide), width=9, per_row=0.42, base=2.4))
    left = pd.Series(0.0, index=wide.index)
    for i, g in enumerate(order):
        color = OTHER_COLOR if g == "other" else voice_colors[i]
        ax.barh(range(len(wide)), wide[g], left=left, color=color, label=g)
        left += wide[g]
    for i, o in enumerate(wide.index):
        ax.text(1.01, i, f"n={int(words[o])} words", va="center", fontsize=8)
    ax.set_yticks(range(len(wide)), [_wrap(v, 26) for v in wide.index], fontsize=9)
    ax.set_xlim(0, 1.22)
    _share_ticks(ax)
    ax.set_ylim(len(wide) - 0.5 if len(wide) else 0.5, -0.5)
    ax.set_xlabel(f"share of the {by}'s quoted words")
    ax.set_title(title)
    if len(wide):      # no group, no bars: no legend (and no warning about one)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.45, -0.9 / figure_size(len(wide), width=9, per_row=0.42, base=2.4)[1]),
                  ncol=3)
    fig.tight_layout()
    return fig


def plot_speaker_sentiment(df: pd.DataFrame, colors: dict, top: int = 15, title: str = "", by: str | None = None):
    """Dots: mean compound of each speaker's quotations (range as a line), coloured by group.

    In: :func:`speaker_sentiment` output; only the ``top`` rows (speaker x group) with the most
    quotations are drawn, so the figure is bounded on any corpus.  Out: (figure, rows plotted).
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    by = by or df.columns[0]
    d = df.sort_values(["quotes", by, "speaker"], ascending=[False, True, True]).head(top)
    d = d.sort_values(["mean_compound", by, "speaker"]).reset_index(drop=True)
    labels = [_wrap(f"{s} ({o}, n={n})", 34) for s, o, n in zip(d["speaker"], d[by], d["quotes"])]
    fig, ax = plt.subplots(figsize=figure_size(len(d), width=9, per_row=0.45, base=1.6))
    for i, r in d.iterrows():
        c = colors.get(r[by], OTHER_COLOR)
        ax.plot([r["min_compound"], r["max_compound"]], [i, i], color=c, alpha=0.5, lw=2)
        ax.plot(r["mean_compound"], i, "o", color=c)
    ax.set_yticks(range(len(d)), labels, fontsize=8)
    ax.set_ylim(len(d) - 0.5 if len(d) else 0.5, -0.5)
    ax.axvline(0, color="#444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound of the speaker's quotations (dot: mean; line: range)")
    ax.set_title(title)
    fig.tight_layout()
    return fig, d
