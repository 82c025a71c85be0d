"""Plots of the troop-numbers notebook (04): figures by place, figures over time, time frames.

Each function takes a table of :mod:`withdrawals.tables` (``figures_by_place``,
``timelines_by_outlet``) or the troops and articles tables, and returns a matplotlib figure,
bounded in size on any corpus; ``withdrawals.figures.save_figure`` writes it with the CSV behind it.
Log axes are labelled "2,000" and thinned so labels never collide; every hedge has a marker.
"""
from __future__ import annotations

import pandas as pd

from .numbers import _UNIT_DAYS
from .tables import _top_default, _with_groups, comparable_figures

__all__ = ["plot_figures_by_place", "plot_figures_over_time", "plot_timelines"]


# Every hedge has a marker of its own; on an axis of the number, ">" reads "more", "<" "less".
_HEDGE_MARKERS = {"exact": "o", "about": "D", "more_than": ">", "at_least": "^",
                  "nearly": "<", "fewer_than": "v", "up_to": "s", "vague": "X"}


def _tick_label(v: float) -> str:
    return f"{v:,.0f}" if v >= 1 else f"{v:g}"


def _log_ticks(lo: float, hi: float, length_in: float, axis: str = "x") -> list:
    """Log-axis ticks for [lo, hi]: 1-2-5 steps when they fit, thinned until the labels do not collide.

    The labels of an x axis need their width (about 0.085 in a character at 10 pt, plus a gap);
    those of a y axis a line's height (0.3 in).  Tried in turn: 1-2-5, 1-3, 1 per decade, then
    every 2nd, 3rd, … decade; the first set whose labels fit ``length_in`` is used.
    """
    import math

    first = 10.0 ** math.floor(math.log10(lo))
    decades = []
    k = first
    while k <= hi * 10:
        decades.append(k)
        k *= 10
    def fits(ticks):
        if axis == "x":
            need = sum(0.1 * len(_tick_label(t)) + 0.3 for t in ticks)
        else:
            need = 0.3 * len(ticks)
        return need <= length_in
    sets = [[t for d in decades for t in (d, 2 * d, 5 * d)], [t for d in decades for t in (d, 3 * d)],
            list(decades)] + [decades[::s] for s in range(2, max(len(decades), 2) + 1)]
    ticks = []
    for cand in sets:
        ticks = [t for t in cand if lo <= t <= hi]
        if fits(ticks):
            return ticks
    return ticks[:1]


def _log_axis(ax, lo: float, hi: float, axis: str = "x") -> None:
    """Log scale padded around [lo, hi], ticks labelled '2,000', thinned so labels never collide."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    lo, hi = max(float(lo), 0.01) / 1.6, max(float(hi), 0.01) * 1.6
    engine = ax.figure.get_layout_engine()
    if engine is not None:
        engine.execute(ax.figure)      # the axes' real size, with labels and legends placed
    fw, fh = ax.figure.get_size_inches()
    pos = ax.get_position()
    length = pos.width * fw if axis == "x" else pos.height * fh
    ticks = _log_ticks(lo, hi, length, axis)
    a = ax.xaxis if axis == "x" else ax.yaxis
    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
    (ax.set_xlim if axis == "x" else ax.set_ylim)(lo, hi)
    a.set_major_locator(FixedLocator(ticks or [lo, hi]))
    a.set_minor_locator(NullLocator())
    a.set_major_formatter(FuncFormatter(lambda v, _: _tick_label(v)))


def _group_order(names, by: str) -> list:
    """Named groups alphabetically, then "(unknown outlet)", then "other <by>s"."""
    from withdrawals.figures import UNKNOWN_OUTLET, other_label

    tail = [UNKNOWN_OUTLET, other_label(by)]
    return sorted(n for n in set(names) if n not in tail) + [n for n in tail if n in set(names)]


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width, break_long_words=True)) or str(text)


def _hedge_handles(hedges):
    from matplotlib.lines import Line2D

    return [Line2D([], [], marker=m, ls="", color="#555555", markersize=7, label=h.replace("_", " "))
            for h, m in _HEDGE_MARKERS.items() if h in set(hedges)]


def _finding(d: pd.DataFrame, by: str) -> str:
    """The title of the by-place figure: the place figure most groups give, and how many hedges."""
    mid = (d["low"].astype(float) + d["high"].astype(float)) / 2
    keys = ["place", "period"] if "period" in d else ["place"]
    top = d.assign(mid=mid).groupby(keys + ["mid"]).agg(
        groups=(by, "nunique"), hedges=("hedge", "nunique")).reset_index().sort_values(
        ["groups", "hedges"] + keys, ascending=[False, False] + [True] * len(keys)).iloc[0]
    if top["groups"] <= 1:
        return f"No two {by}s give the same figure for a place"
    when = f", {top['period']}" if "period" in d and top["period"] != "all dates" else ""
    return (f"{top['place']}{when}: {int(top['groups'])} {by}s give {top['mid']:,.0f}, "
            f"hedged {int(top['hedges'])} way{'s' if top['hedges'] != 1 else ''}")


def plot_figures_by_place(table: pd.DataFrame, colors: dict, max_places: int = 8, by: str = "outlet"):
    """Dot plot: one panel per place, one row per group (outlet), x = the figure (log), marker = hedge.

    In: the output of :func:`figures_by_place` (its ``by`` column names the groups), group colours.
    Out: (figure, the DataFrame plotted: one row per place, group, figure and hedge, periods
    summed).  Ranges are drawn as a line from low to high; dot area grows with mentions.  Only the
    ``max_places`` places with most mentions are drawn; the figure stays under MAX_PX at any size.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import FIG_DPI, MAX_PX, OTHER_COLOR, figure_size, other_label

    keep = (table.groupby("place")["mentions"].sum().sort_values(ascending=False, kind="stable")
            .head(max_places).index)
    d = table[table["place"].isin(keep)]
    d = (d.groupby(["place", by, "low", "high", "hedge"], sort=True)
         .agg(mentions=("mentions", "sum"), stories=("stories", "sum")).reset_index())
    per_place = {p: _group_order(d.loc[d["place"] == p, by], by) for p in keep}
    wraps = any(len(f"{g} (000)") > 30 for v in per_place.values() for g in v)
    per_row = 0.32 if wraps else 0.26
    room = ((MAX_PX - 80) / FIG_DPI - 1.4) / per_row          # rows that fit under MAX_PX
    places, used = [], 0.0
    for p in keep:                      # the most mentioned places, as many as fit
        need = len(per_place[p]) + 1.4
        if places and used + need > room:
            break
        places.append(p)
        used += need
    d = d[d["place"].isin(places)]
    w, h = figure_size(used, width=9.0, per_row=per_row, base=1.4)
    if d.empty:
        fig, ax = plt.subplots(figsize=(w, h))
        ax.set_title(f"No troop figures found for these actors")
        return fig, d
    fig, axes = plt.subplots(len(places), 1, figsize=(w, h), sharex=True, squeeze=False, layout="constrained",
                             gridspec_kw={"height_ratios": [max(len(per_place[p]), 1) + 0.6 for p in places]})
    hedge_i = {hd: i for i, hd in enumerate(_HEDGE_MARKERS)}
    for ax, place in zip(axes[:, 0], places):
        rows = per_place[place]
        ypos = {g: i for i, g in enumerate(rows)}
        p = d[d["place"] == place]
        for r in p.itertuples(index=False, name=None):
            _, g, low, high, hedge, mentions, _ = r
            y = ypos[g] + (hedge_i.get(hedge, 0) - 3) * 0.05
            c = colors.get(g, OTHER_COLOR)
            if high != low:
                ax.plot([low, high], [y, y], color=c, lw=3, alpha=0.6, solid_capstyle="butt")
            ax.scatter([(low + high) / 2], [y], marker=_HEDGE_MARKERS.get(hedge, "o"),
                       s=28 + 44 * min(mentions, 16) ** 0.5, color=c, edgecolor="black",
                       linewidth=0.6, zorder=3)
        n = p.groupby(by)["mentions"].sum()
        ax.set_yticks(range(len(rows)), [_wrap(f"{g} ({int(n.get(g, 0))})", 30) for g in rows],
                      fontsize=8 if len(rows) > 6 else 9)
        ax.set_ylim(len(rows) - 0.4, -0.6)
        k = int(p["mentions"].sum())
        named = [g for g in rows if g != other_label(by)]
        whom = (f"from {len(named)} {by}{'s' if len(named) != 1 else ''}" if len(named) == len(rows)
                else f"from {len(named)} named {by}{'s' if len(named) != 1 else ''} and {other_label(by)}")
        ax.set_title(f"{place} · {k} figure{'s' if k != 1 else ''} {whom}", fontsize=10, loc="left")
    _log_axis(axes[-1, 0], d["low"].min(), d["high"].max(), "x")
    axes[-1, 0].set_xlabel(f"troops reported (log scale; line = range, dot size = mentions; "
                           f"(n) = figures per {by})", fontsize=9)
    fig.legend(handles=_hedge_handles(d["hedge"]), title="hedge", loc="outside right upper", fontsize=8)
    fig.suptitle(_wrap(f"{_finding(table[table['place'].isin(places)], by)} "
                       f"({int(d['mentions'].sum())} figures; "
                       + (f"{len(places)} places)" if len(places) == table["place"].nunique()
                          else f"the {len(places)} most reported of {table['place'].nunique()} places)"), 68),
                 x=0.01, ha="left", fontsize=12, fontweight="bold")
    return fig, d


def _period_bounds(label: str):
    """(start, end) timestamps of a period label ("2019", "2019-Q4", "2019-03"); None otherwise."""
    import re as _re

    if _re.fullmatch(r"\d{4}", label):
        p = pd.Period(label, "Y")
    elif _re.fullmatch(r"\d{4}-Q[1-4]", label):
        p = pd.Period(label.replace("-", ""), "Q")
    elif _re.fullmatch(r"\d{4}-\d{2}", label):
        p = pd.Period(label, "M")
    else:
        return None
    return p.start_time, p.end_time


def _shade_periods(axes, periods, top_ax) -> None:
    """Grey bands on every other period from the first to the last dated one, and the period names
    above the top panel (every k-th name when they would not fit side by side)."""
    import matplotlib.transforms as mtransforms

    bounds = sorted(b for b in (_period_bounds(p) for p in periods) if b is not None)
    if not bounds:
        return
    span = (bounds[0][1] - bounds[0][0]).days
    freq = "Y" if span > 200 else ("Q" if span > 40 else "M")
    every = pd.period_range(bounds[0][0], bounds[-1][0], freq=freq)
    bounds = [(q.start_time, q.end_time) for q in every]
    width_in = top_ax.get_position().width * top_ax.figure.get_size_inches()[0]
    step = 1
    while len(bounds[::step]) * (0.45 if freq == "Y" else 0.7) > width_in:
        step += 1
    trans = mtransforms.blended_transform_factory(top_ax.transData, top_ax.transAxes)
    for i, (a, b) in enumerate(bounds):
        if i % 2 == 0:
            for ax in axes:
                ax.axvspan(a, b, color="#EBEBEB", zorder=0, lw=0)
    for q, (a, b) in list(zip(every, bounds))[::step]:
        label = str(q).replace("Q", "-Q") if freq == "Q" else str(q)
        top_ax.text(a + (b - a) / 2, 1.02, label, transform=trans, ha="center", va="bottom", fontsize=8,
                    color="#555555")
    top_ax.set_xlim(bounds[0][0] - (bounds[0][1] - bounds[0][0]) * 0.05,
                    bounds[-1][1] + (bounds[-1][1] - bounds[-1][0]) * 0.05)


def plot_figures_over_time(troops: pd.DataFrame, articles: pd.DataFrame, colors: dict,
                           actors=("us",), max_places: int = 4, by: str = "outlet", top="default",
                           period: str = "auto", vague: bool = False):
    """Reported figures by publication date, one panel per place (the most mentioned), periods shaded.

    In: the troops and articles tables, group colours, actors kept, ``by``/``top`` as in
    :func:`figures_by_place`, ``period`` as there (the periods figures are compared within are
    shaded in turn and named above the top panel).  Out: (figure, the DataFrame plotted: one row
    per figure with its group, outlet, date and period).  Figures from undated stories are left out
    and counted in the title.  One legend, outside the panels, for groups and hedges.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from withdrawals.figures import OTHER_COLOR

    top = _top_default(top)
    t = comparable_figures(troops, actors, vague)
    t = _with_groups(t[t["place"] != ""], articles, by, top, period)
    places = list(t["place"].value_counts().sort_index().sort_values(ascending=False,
                                                                      kind="stable").index)[:max_places]
    d = (t[t["place"].isin(places)][["place", "period", "group", "outlet", "published", "article_id", "span",
                                     "low", "high", "hedge"]]
         .sort_values(["place", "published", "group", "outlet", "article_id", "low"]))
    gcol = "group"
    dated = d.dropna(subset=["published"])
    n = max(len(places), 1)
    fig, axes = plt.subplots(n, 1, figsize=(9.5, min(1.7 * n + 1.4, 16)), sharex=True, squeeze=False,
                             layout="constrained")
    for ax, place in zip(axes[:, 0], places):
        p = dated[dated["place"] == place]
        for r in p.itertuples():
            c = colors.get(getattr(r, gcol), OTHER_COLOR)
            if r.high != r.low:
                ax.plot([r.published, r.published], [r.low, r.high], color=c, lw=3, alpha=0.6)
            ax.scatter([r.published], [(r.low + r.high) / 2], color=c,
                       marker=_HEDGE_MARKERS.get(r.hedge, "o"), s=45, edgecolor="black",
                       linewidth=0.5, zorder=3, alpha=0.9)
        if len(p):
            _log_axis(ax, p["low"].min(), p["high"].max(), "y")
        ax.set_ylabel(_wrap(place, 14) + "\ntroops (log)", fontsize=9)
    undated = len(d) - len(dated)
    if places and len(dated):
        p0 = dated[dated["place"] == places[0]]
        n_fig = len(set(zip(p0["low"], p0["high"])))
        n_dates = p0["published"].nunique()
        head = (f"{places[0]}: {n_fig} distinct figure{'s' if n_fig != 1 else ''} "
                f"across {n_dates} publication date{'s' if n_dates != 1 else ''}")
    else:
        head = "Troop figures by publication date"
    n_places = len(places)
    title = (f"{head} ({len(dated)} dated figures in {n_places} place{'s' if n_places != 1 else ''}"
             + (f"; {undated} undated not shown)" if undated else ")"))
    if not places:
        title = "No troop figures with a place found"
    if len(dated):
        _shade_periods(axes[:, 0], sorted(set(dated["period"])), axes[0, 0])
        groups = _group_order(dated[gcol], by)
        handles = [Line2D([], [], marker="o", ls="", color=colors.get(g, OTHER_COLOR), markersize=7,
                          label=_wrap(g, 26)) for g in groups]
        handles += [Line2D([], [], ls="", label="")] + _hedge_handles(dated["hedge"])
        fig.legend(handles=handles, loc="outside right upper", fontsize=8)
    fig.suptitle(_wrap(title, 68), x=0.01, ha="left", fontsize=12, fontweight="bold")
    axes[-1, 0].set_xlabel("publication date (marker = hedge, as in the dot plot; grey bands = the periods "
                           "figures are compared within)" if len(set(dated["period"])) > 1
                           else "publication date (marker = hedge, as in the dot plot)", fontsize=9)
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axes[-1, 0].xaxis.set_major_locator(locator)
    axes[-1, 0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return fig, d.reset_index(drop=True)


def plot_timelines(table: pd.DataFrame, colors: dict, by: str = "outlet"):
    """Time frames by group: one row per outlet (or ``by`` group), each frame a dot or a range in days.

    In: the output of :func:`timelines_by_outlet`, group colours.  Out: (figure, the DataFrame
    plotted).  Frames without a number ("within weeks") are drawn hollow at the unit's length; the
    frames of a row are spread a little vertically so they do not hide each other.  One row per
    group keeps the figure bounded however many frames there are.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    d = table.reset_index(drop=True)
    rows = _group_order(d[by], by) if len(d) else []
    w, h = figure_size(len(rows), width=9.0, per_row=0.5, base=1.5)
    fig, ax = plt.subplots(figsize=(w, h), layout="constrained")
    if d.empty:
        ax.set_title("No withdrawal time frames found")
        return fig, d
    ypos = {g: i for i, g in enumerate(rows)}
    k = d.groupby(by).cumcount()
    size = d.groupby(by)[by].transform("size")
    offs = ((k + 0.5) / size - 0.5) * 0.6
    for r, off in zip(d.itertuples(index=False), offs):
        g = r[d.columns.get_loc(by)]
        c, y = colors.get(g, OTHER_COLOR), ypos[g] + off
        if pd.isna(r.low_days):
            ax.scatter([_UNIT_DAYS[r.unit]], [y], facecolor="white", edgecolor=c, s=50, lw=1.5, zorder=3)
        else:
            lo, hi = float(r.low_days), float(r.high_days)
            if hi != lo:
                ax.plot([lo, hi], [y, y], color=c, lw=4, solid_capstyle="butt", alpha=0.8)
            ax.scatter([lo, hi], [y, y], color=c, s=30, zorder=3, edgecolor="black", linewidth=0.4)
    n = d[by].value_counts()
    ax.set_yticks(range(len(rows)), [_wrap(f"{g} ({int(n.get(g, 0))})", 30) for g in rows],
                  fontsize=8 if len(rows) > 8 else 9)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    known = d.dropna(subset=["low_days"])
    lo = known["low_days"].min() if len(known) else 1
    hi = known["high_days"].max() if len(known) else 365
    vague = d.loc[d["low_days"].isna(), "unit"].map(_UNIT_DAYS)
    _log_axis(ax, min([lo] + list(vague)), max([hi] + list(vague)))
    ax.set_xlabel(f"time frame in days (log scale; hollow = no number given, e.g. 'within weeks'; "
                  f"(n) = frames per {by})", fontsize=9)
    common = d.groupby(["low_days", "high_days"], dropna=True).agg(
        groups=(by, "nunique"), n=("span", "size")).sort_values(
        ["groups", "n"], ascending=False, kind="stable")["groups"]
    if len(common) and common.iloc[0] > 1:
        (a, b), k = common.index[0], common.iloc[0]
        frame = f"{a:,.0f}" if a == b else f"{a:,.0f}–{b:,.0f}"
        title = f"{k} {by}s report the same {frame}-day time frame"
    else:
        title = f"No two {by}s report the same time frame"
    src = d["story_outlet"].nunique() if "story_outlet" in d else d[by].nunique()
    ax.set_title(_wrap(f"{title} ({len(d)} time frames from {src} outlet{'s' if src != 1 else ''})", 80))
    return fig, d
