"""The figures of notebook 01 (the corpus): stories over time, words per story, what cleaning removed.

Views only: they read the articles table and the cleaning report (``withdrawals.corpus``) and change
nothing in them, so editing a figure never touches the analysis cache.
"""
from __future__ import annotations

import re
import textwrap

import pandas as pd

from .corpus import group_values, outlet_names, story_groups
from .figures import TOP_OUTLETS

__all__ = ["plot_corpus_timeline", "plot_words_per_story", "plot_cleaning", "MAX_STORY_BARS"]

#: Per-story charts (one bar per story) up to this many stories; past it, distributions by group.
MAX_STORY_BARS = 30


def _by_size(groups: pd.Series, by: str) -> list:
    """Groups most frequent first (ties alphabetical); the unknown group and "other …" last."""
    from .figures import UNKNOWN_OUTLET, other_label

    counts = groups.value_counts()
    tail = [g for g in (UNKNOWN_OUTLET, other_label(by)) if g in counts.index]
    named = sorted((g for g in counts.index if g not in tail), key=lambda g: (-counts[g], g))
    return named + tail


def _short_label(name: str, n: int, width: int = 28, extra: str = "") -> str:
    """A group name shortened to ``width`` characters, with its story count (and ``extra``)."""
    return f"{textwrap.shorten(str(name), width, placeholder='…')} (n={n}{extra})"


def plot_corpus_timeline(articles: pd.DataFrame, by: str = "outlet", top: int | None = TOP_OUTLETS):
    """Dot plot of stories by publication date, one row per group (the ``top`` outlets named, the rest
    "other outlets"), dot area = words.

    In: the articles table.  Out: (figure, the DataFrame plotted).  Stories
    without a date are counted in the title, not drawn.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from .figures import figure_size, group_colors

    values = group_values(articles, by)
    groups = story_groups(articles, by, top)
    colors = group_colors(values, top, by)
    df = articles.assign(outlet=outlet_names(articles), group=groups.to_numpy())[
        ["article_id", "outlet", "group", "published", "n_words", "title"]].sort_values(
        ["published", "article_id"], kind="stable")
    dated = df.dropna(subset=["published"])
    order = _by_size(groups, by)
    counts = groups.value_counts()
    many = len(df) > MAX_STORY_BARS
    fig, ax = plt.subplots(figsize=figure_size(len(order), width=9, per_row=0.45, base=1.9))
    for y, g in enumerate(order):
        d = dated[dated["group"] == g]
        size = np.clip(d["n_words"].to_numpy() / 8, 5, 250) if many else d["n_words"].to_numpy() / 3
        ax.scatter(d["published"], [y] * len(d), s=size, color=colors.get(g, "#BBBBBB"),
                   alpha=0.6 if many else 0.8, edgecolor="black", linewidth=0.3 if many else 0.5)
    undated_in = df.loc[df["published"].isna(), "group"].value_counts()
    ax.set_yticks(range(len(order)), [_short_label(g, counts[g], extra=f", {undated_in[g]} undated"
                                                   if undated_in.get(g, 0) else "") for g in order])
    n_values = int(values[values != ""].nunique())
    undated = len(df) - len(dated)
    extra = f"; {undated} without a date not shown" if undated else ""
    noun = "outlets" if by == "outlet" else f"{by} values"
    title = (f"{len(df)} stories from {n_values} {noun}, {dated['published'].min():%b %Y} to "
             f"{dated['published'].max():%b %Y}{extra}" if len(dated) else f"{len(df)} stories, none dated")
    ax.set_title(textwrap.fill(title, 75))
    named = f"the {top} with most stories named, the rest grey" if top is not None and n_values > top else ""
    ax.set_xlabel("publication date (dot area = words in the story)" + (f"; {named}" if named else ""))
    ax.set_ylabel("")
    ax.set_ylim(len(order) - 0.4, -0.6)
    fig.autofmt_xdate()
    return fig, df


def plot_words_per_story(articles: pd.DataFrame, by: str = "outlet", top: int | None = TOP_OUTLETS):
    """Words per story: one bar per story up to MAX_STORY_BARS stories, else a strip and box per group.

    In: the articles table.  Out: (figure, data: one row per story with its group).
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from .figures import figure_size, group_colors

    values = group_values(articles, by)
    groups = story_groups(articles, by, top)
    colors = group_colors(values, top, by)
    df = articles.assign(outlet=outlet_names(articles), group=groups.to_numpy())[
        ["article_id", "outlet", "group", "title", "n_words", "n_paragraphs"]].sort_values(
        "article_id", kind="stable")
    order = _by_size(groups, by)
    if df.empty:
        fig, ax = plt.subplots(figsize=(8, 2.5))
        ax.text(0.5, 0.5, "no stories", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("No stories to measure")
        return fig, df
    title = (f"Stories run from {df['n_words'].min():,} to {df['n_words'].max():,} words "
             f"(median {int(df['n_words'].median()):,})")
    if len(df) <= MAX_STORY_BARS:
        fig, ax = plt.subplots(figsize=figure_size(len(df), width=9, per_row=0.4, base=1.5))
        ax.barh(df["article_id"], df["n_words"], color=[colors.get(g, "#BBBBBB") for g in df["group"]])
        for y, (w, p) in enumerate(zip(df["n_words"], df["n_paragraphs"])):
            ax.text(w, y, f" {w} words, {p} ¶", va="center", fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, max(1, df["n_words"].max()) * 1.35)
        handles = [plt.Rectangle((0, 0), 1, 1, color=colors.get(g, "#BBBBBB")) for g in order]
        ax.legend(handles, [textwrap.shorten(g, 30, placeholder="…") for g in order], fontsize=8,
                  loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_xlabel("words in the cleaned story")
        ax.set_title(title)
        return fig, df
    counts = groups.value_counts()
    fig, ax = plt.subplots(figsize=figure_size(len(order), width=9, per_row=0.5, base=1.9))
    rng = np.random.default_rng(0)
    data = [df.loc[df["group"] == g, "n_words"].to_numpy() for g in order]
    ax.boxplot(data, positions=range(len(order)), orientation="horizontal", widths=0.6, showfliers=False,
               medianprops={"color": "black"}, boxprops={"color": "#555555"},
               whiskerprops={"color": "#555555"}, capprops={"color": "#555555"})
    for y, (g, w) in enumerate(zip(order, data)):
        ax.scatter(w, y + rng.uniform(-0.22, 0.22, len(w)), s=12, color=colors.get(g, "#BBBBBB"),
                   alpha=0.7, edgecolor="black", linewidth=0.2, zorder=3)
    ax.set_yticks(range(len(order)), [_short_label(g, counts[g]) for g in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    log = df["n_words"].max() > 8 * max(1, df["n_words"].median()) and df["n_words"].min() > 0
    if log:
        ax.set_xscale("log")
    ax.set_xlabel("words in the cleaned story" + (" (log scale)" if log else "")
                  + "; box: middle half of the stories, line: median")
    med = df.groupby("group")["n_words"].median()
    big = [g for g in order if counts[g] >= 5]
    if len(big) >= 2:
        longest = max(big, key=lambda g: (med[g], g))
        title += f"; longest median among groups of 5+: {longest} ({int(med[longest]):,})"
    ax.set_title(textwrap.fill(title, 80))
    return fig, df


#: Reasons drawn one bar each in the cleaning figure; the rarer ones share one bar.
MAX_REASONS = 20
#: Reasons that name a story or a file, as one kind each in the cleaning figure.
_REASON_KINDS = [(re.compile(r"^same text as .*"), "same text as an earlier story (kept, flagged)"),
                 (re.compile(r"^duplicate article id .*"), "duplicate article id (renamed)"),
                 (re.compile(r"^((?:file|row) skipped: [^(:]*).*"), r"\1"),
                 (re.compile(r"^\d+ (line|row)\(s\) skipped: (.*)"), r"\1s skipped: \2")]


def _reason_kind(reason: str) -> str:
    """A report reason without the ids, sizes or names it carries, for counting reasons."""
    for pat, repl in _REASON_KINDS:
        if pat.match(reason):
            return pat.sub(repl, reason).strip()
    return reason


def _cleaning_long(summary: pd.DataFrame, articles: pd.DataFrame | None, by: str, top) -> pd.DataFrame:
    """Lines removed by reason and group: ``reason, group, lines, stories`` (most lines first; past
    MAX_REASONS reasons the rarest are summed as "other reasons")."""
    rem = summary[(summary["lines"] > 0) & (summary["reason"] != "(nothing removed)")]
    rem = rem.assign(reason=rem["reason"].astype(str).map(_reason_kind))
    totals = rem.groupby("reason")["lines"].sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > MAX_REASONS:
        rare = {r for r, _ in ranked[MAX_REASONS - 1:]}
        rem = rem.assign(reason=rem["reason"].map(lambda r: f"other reasons ({len(rare)})" if r in rare else r))
    if articles is not None and len(articles):
        group = dict(zip(articles["article_id"], story_groups(articles, by, top)))
    else:
        group = {}
    rem = rem.assign(group=rem["article_id"].map(lambda a: group.get(a, "(file or row not loaded)"
                                                                   if articles is not None else "all stories")))
    out = rem.groupby(["reason", "group"], sort=True).agg(lines=("lines", "sum"),
                                                          stories=("article_id", "nunique")).reset_index()
    total = out.groupby("reason")["lines"].transform("sum")
    return (out.assign(_t=total).sort_values(["_t", "reason", "lines", "group"],
                                             ascending=[False, True, False, True], kind="stable")
            .drop(columns="_t").reset_index(drop=True))


def plot_cleaning(summary: pd.DataFrame, articles: pd.DataFrame | None = None, by: str = "outlet",
                  top: int | None = TOP_OUTLETS):
    """Horizontal bars: lines removed per reason, stacked by group (the ``top`` outlets named, the
    rest grey) when ``articles`` is given.

    In: :func:`cleaning_summary` (and the articles, for the groups).  Out: (figure, data:
    ``reason, group, lines, stories``).
    """
    import matplotlib.pyplot as plt

    from .figures import OTHER_COLOR, figure_size, group_colors

    long = _cleaning_long(summary, articles, by, top)
    if long.empty:
        fig, ax = plt.subplots(figsize=(8, 2.5))
        ax.text(0.5, 0.5, "nothing removed", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("Cleaning removed no lines")
        return fig, long
    reasons = list(dict.fromkeys(long["reason"]))
    wide = long.pivot_table(index="reason", columns="group", values="lines", aggfunc="sum",
                            fill_value=0).loc[reasons]
    if articles is not None and len(articles):
        colors = group_colors(group_values(articles, by), top, by)
        order = [g for g in _by_size(story_groups(articles, by, top), by) if g in wide.columns]
    else:
        colors = {}
        order = []
    order += [g for g in wide.columns if g not in order]
    wide = wide[order]
    labels = [textwrap.fill(r, 46) for r in reasons]
    n_lines = sum(lab.count("\n") + 1 for lab in labels)
    fig, ax = plt.subplots(figsize=figure_size(n_lines, width=10, per_row=0.24, base=1.9))
    left = pd.Series(0, index=wide.index, dtype="int64")
    for g in order:
        ax.barh(labels, wide[g].to_numpy(), left=left.to_numpy(), color=colors.get(g, OTHER_COLOR),
                label=g, height=0.7, edgecolor="white", linewidth=0.3)
        left += wide[g]
    stories = long.groupby("reason")["stories"].sum().reindex(reasons)
    for y, (n, s) in enumerate(zip(left, stories)):
        ax.text(n, y, f" {n:,} in {s:,} stor{'y' if s == 1 else 'ies'}", va="center", fontsize=8)
    ax.set_xlim(0, left.max() * 1.3)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("lines removed or changed by cleaning")
    total, n_st = int(left.sum()), summary.loc[summary["lines"] > 0, "article_id"].nunique()
    ax.set_title(textwrap.fill(f"Cleaning removed or changed {total:,} lines in {n_st:,} stories, most "
                               f"often: {reasons[0]}", 80))
    if len(order) > 1:
        ax.legend([textwrap.shorten(g, 30, placeholder="…") for g in order], fontsize=8,
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), title=by)
    return fig, long
