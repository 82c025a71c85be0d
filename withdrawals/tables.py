"""Tables: the notebooks' summary tables, made from the analysis tables and the articles.

Views, not extraction: every function here reads the tables ``analyze`` gives (sentences,
quotes, troops, timelines) and the articles, and returns a new, smaller table for a notebook
(or the prose and HTML made from one).  Nothing here is cached, so a change here never
discards the analysis cache (:func:`withdrawals.pipeline.analysis_key`).

One join: a table meets its stories' metadata (outlet, date, title, url, the ``GROUP_BY``
column) only through :func:`join_articles`, so every notebook names, ranks and pools the
groups of stories the same way.

Speakers: every speaker table works on the canonical names.  ``analyze`` resolves the
speakers once over the whole corpus (``quotes.person``); each view merges the rows it is
given with :func:`withdrawals.speakers.merge_speakers`, which takes ``person`` where it is
present and otherwise merges the names of that table, so ``speaker_table``,
``voice_group`` (and ``group_share``), ``anonymous_share``, ``speaker_sentiment`` and
``quotes_html`` all count the same person under the same name.

Sections, in the order of the notebooks: the join; sentiment (02); speakers (03); troop
figures and time frames (04).  The figures drawn from these tables are in ``plots_*``.
"""
from __future__ import annotations

import html
import re
import textwrap
from collections import defaultdict

import numpy as np
import pandas as pd

from withdrawals import lexicon

from .corpus import TABLE_SUFFIXES, _is_null, _resolve, group_values, outlet_names, story_groups
from .figures import TOP_OUTLETS, UNKNOWN_OUTLET
from .numbers import _UNIT_DAYS, UNQUOTED
from .sentiment import (ALL_STORIES, DEFAULT_TARGETS, FIXES, NEG_THRESHOLD, POS_THRESHOLD, polarity,
                        score_sentiment, token_valences)
from .speakers import UNKNOWN_SPEAKER, merge_speakers

__all__ = [
    "join_articles",
    # corpus (01)
    "corpus_overview", "cleaning_summary", "removed_lines_by_reason", "show_table", "corpus_facts",
    "corpus_prose", "TABLE_ROWS",
    # sentiment (02)
    "sentiment_summary", "target_sentiment", "lexicon_contributors", "SUMMARY_COLUMNS", "SUMMARY_COUNTS",
    "PITFALL_EXAMPLES", "pitfall_table", "fix_effects", "story_labels", "differing_pairs", "sentiment_prose",
    "whole_table", "MIN_STORIES",
    # speakers (03)
    "quotations_only", "speaker_table", "ranked_speakers", "DEFAULT_GROUPS", "voice_group", "anonymous_share",
    "group_share", "speaker_sentiment", "quotes_html",
    # troop figures and time frames (04)
    "period_phrase", "figure_label", "comparable_figures", "vague_left_out", "figures_by_place",
    "figure_agreement", "agreement_statements", "timelines_by_outlet", "figure_sources_by_group",
    "extraction_blind_spots", "bounded_table",
]

_DATE_GROUPS = ("year", "quarter", "month")      # read from ``published`` when the articles lack the column


# --------------------------------------------------------------------------- the one join with the articles
def join_articles(df: pd.DataFrame, articles: pd.DataFrame | None, columns=(), groups=(),
                  top: int | None = None, *, unknown: str = UNKNOWN_OUTLET, period: str | None = None) -> pd.DataFrame:
    """``df`` with each row's story metadata beside it, joined by ``article_id``: the one join of a
    table with the articles, used by every table and figure.

    In: any table with ``article_id`` (sentences, quotes, troops, timelines, …) and the articles
    table (or None, when ``df`` carries what is asked itself).
    ``columns``: articles columns copied as they are, except ``outlet`` as its display name
    (blank: "(unknown outlet)") and ``published`` parsed as dates; a column the articles lack is "".
    ``groups``: the columns to compare by, each a name or an ``(output, column)`` pair.  A story-level
    column (one of the articles', or "year" / "quarter" / "month" from ``published``) becomes each
    row's display group: the story's value (:func:`withdrawals.corpus.group_values`), the ``top``
    values with most stories named, the rest pooled as "other <column>s"
    (:func:`withdrawals.figures.group_labels`; ``top=None`` names them all), a blank value or a row
    with no story ``unknown`` ("{}" in it is replaced by the column: "(unknown {})" gives
    "(unknown lean)").  A column the articles lack but ``df`` has itself under the same name
    (``voice``) is the rows' own and left as it is.
    ``period``: add ``period``, each story's period of the corpus's dates
    (:func:`withdrawals.figures.period_labels`: "auto", "all", "year", "quarter", "month").
    Out: a new DataFrame, ``df``'s rows in order (a fresh index), its columns of the same names
    replaced, the new ones after them (columns, then groups, then ``period``).  Every row keeps
    exactly one story (asserted).  Raises ``ValueError`` naming the articles' columns when a group
    column is neither the stories' nor the rows'.
    """
    from .corpus import group_values
    from .figures import _names, group_labels, period_labels

    columns = [columns] if isinstance(columns, str) else list(columns)
    pairs = [(g, g) if isinstance(g, str) else tuple(g) for g in ([groups] if isinstance(groups, str) else groups)]
    stories = None if articles is None else articles.drop_duplicates("article_id")

    def story_level(col: str) -> bool:
        return stories is not None and (col in stories.columns
                                        or (col in _DATE_GROUPS and "published" in stories.columns))

    for out_col, col in pairs:
        if not story_level(col) and not (out_col == col and col in df.columns):
            have = "none given" if stories is None else ", ".join(map(str, stories.columns))
            raise ValueError(f"by={col!r} is not a column of the articles: no such column "
                             f"(columns: {have}; or year, quarter, month from published)")
    joined = [(o, c) for o, c in pairs if story_level(c)]
    if not columns and not joined and period is None:
        return df.reset_index(drop=True)
    if stories is None:
        raise ValueError(f"columns {columns} and a period need the articles table")
    meta = pd.DataFrame({"article_id": stories["article_id"].to_numpy()})
    for col in columns:
        if col not in stories.columns:
            meta[col] = ""
        elif col == "outlet":
            meta[col] = _names(stories[col]).to_numpy()
        elif col == "published":
            meta[col] = pd.to_datetime(stories[col], errors="coerce").to_numpy()
        else:
            meta[col] = stories[col].fillna("").astype(str).to_numpy()
    for out_col, col in joined:
        meta[out_col] = group_labels(group_values(stories, col), top=top, by=col).to_numpy()
    if period is not None:
        meta["period"] = period_labels(stories["published"], period).to_numpy()
    new = list(meta.columns[1:])
    out = df.drop(columns=new, errors="ignore").merge(meta, on="article_id", how="left", validate="many_to_one")
    assert len(out) == len(df), "a row lost or doubled in the join with the articles"
    for out_col, col in joined:
        name = unknown.format(col)
        out[out_col] = out[out_col].fillna(UNKNOWN_OUTLET)
        if name != UNKNOWN_OUTLET:
            out[out_col] = out[out_col].replace(UNKNOWN_OUTLET, name)
    return out


# --------------------------------------------------------------------------- sentiment (notebook 02)
def _group_order(values, col: str) -> list:
    """Distinct group names in display order: alphabetical, the grouped rest ("other …") last."""
    from withdrawals.figures import other_label

    rest = other_label(col)
    return sorted(dict.fromkeys(v for v in values if pd.notna(v)), key=lambda v: (v == rest, str(v)))


def _outlet_names(outlets: pd.Series) -> pd.Series:
    """Outlet names as the collection shows them (blank -> "(unknown outlet)", via corpus.outlet_names)."""
    from withdrawals.corpus import outlet_names

    return outlet_names(pd.DataFrame({"outlet": outlets.to_numpy()}, index=outlets.index))


def _bootstrap_ci(x: np.ndarray, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile 95% interval of the mean of ``x`` (its own generator, so groups don't interact)."""
    if len(x) < 2:
        return (float(x[0]), float(x[0])) if len(x) else (np.nan, np.nan)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


SUMMARY_COLUMNS = ["n", "mean_compound", "ci_low", "ci_high", "share_negative",
                   "share_neutral", "share_positive", "n_negative", "n_neutral", "n_positive"]


def sentiment_summary(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                      by="outlet", n_boot: int = 2000, seed: int = 0,
                      top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean compound per group with a bootstrap 95% interval, and the shares by polarity.

    In: scored sentences (or ``score_by_voice`` parts); the articles table
    when grouping by a column only it has (``outlet``, ``lean``, ``title`` ...); ``by``
    a column name or list of names (e.g. ``"article_id"``, ``"lean"``,
    ``["outlet", "voice"]``, ``["article_id", "lean"]``); ``top``: story-level
    columns (any articles column but ``article_id``) are grouped first, the
    ``top`` values with most stories named and the rest pooled as "other
    <column>s" (``None``: every value its own group).
    Out: a new DataFrame, one row per group, sorted by the group columns
    ("other …" last): the group columns, ``stories`` (when ``article_id`` is
    not among them), then ``n`` (sentences), ``mean_compound``,
    ``ci_low, ci_high`` (percentile bootstrap over sentences, ``n_boot``
    resamples, fixed ``seed``, each group resampled on its own), and
    ``share_``/``n_`` ``negative`` (compound < -0.05), ``neutral``,
    ``positive`` (> 0.05).  When grouping by ``article_id`` alone the story's
    ``outlet`` (its display group) is added if known.
    """
    by = [by] if isinstance(by, str) else list(by)
    extra = ["outlet"] if by == ["article_id"] and articles is not None and "outlet" in articles else []
    keys = by + extra
    df = join_articles(scored, articles, groups=[k for k in keys if k != "article_id"], top=top,
                       unknown="(unknown {})")
    stories = "article_id" not in keys and "article_id" in df.columns
    rows = []
    for key, g in df.groupby(keys, sort=True, dropna=False):
        x = g["compound"].to_numpy(dtype="float64")
        n = len(x)
        neg, pos = int((x < NEG_THRESHOLD).sum()), int((x > POS_THRESHOLD).sum())
        lo, hi = _bootstrap_ci(x, n_boot, seed)
        key = key if isinstance(key, tuple) else (key,)
        rows.append((*key, *([g["article_id"].nunique()] if stories else []), n, float(x.mean()),
                     lo, hi, neg / n, (n - neg - pos) / n, pos / n, neg, n - neg - pos, pos))
    out = pd.DataFrame(rows, columns=keys + (["stories"] if stories else []) + SUMMARY_COLUMNS)
    if len(out) and keys[0] != "article_id":
        rank = {g: i for i, g in enumerate(_group_order(out[keys[0]], keys[0]))}
        out = out.iloc[np.argsort(out[keys[0]].map(rank).to_numpy(), kind="stable")].reset_index(drop=True)
    # typed even without rows (an empty table would otherwise hold object columns)
    return out.astype({c: "int64" if c in ("n", "stories") or c.startswith("n_") else "float64"
                       for c in SUMMARY_COLUMNS + (["stories"] if stories else [])})


def target_sentiment(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                     targets: dict | None = None, by: str = "outlet",
                     top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean compound of the sentences that mention each target, per outlet (or group).

    In: scored sentences; the articles table (for ``outlet`` or another ``by``
    column); ``targets``, a dict name -> regular expression (default
    ``DEFAULT_TARGETS``: Trump, ISIS / Islamic State, Kurds / SDF, Turkey /
    Erdogan, Russia, Iran, the troops); ``top`` groups named by stories, the
    rest pooled as "other <by>s" (``None``: all).  A sentence counts for every
    target it mentions.
    Out: a new DataFrame with one row per group x target (every pair, n = 0
    and NaN mean where no sentence mentions it), columns ``<by>, target,
    n, mean_compound, share_negative, share_positive``, sorted by group
    ("other …" last) and target order.
    """
    targets = DEFAULT_TARGETS if targets is None else targets
    df = join_articles(scored, articles, groups=[by], top=top, unknown="(unknown {})")
    groups = _group_order(df[by], by)
    texts = df["text"].fillna("").astype(str)
    rows = []
    for name, pattern in targets.items():
        rx = re.compile(pattern)
        hit = np.array([bool(rx.search(t)) for t in texts], dtype=bool)
        sub = df.loc[hit]
        for grp in groups:
            x = sub.loc[sub[by] == grp, "compound"].to_numpy(dtype="float64")
            n = len(x)
            rows.append((grp, name, n, float(x.mean()) if n else np.nan,
                         float((x < NEG_THRESHOLD).mean()) if n else np.nan,
                         float((x > POS_THRESHOLD).mean()) if n else np.nan))
    out = pd.DataFrame(rows, columns=[by, "target", "n", "mean_compound", "share_negative",
                                      "share_positive"])
    order = {name: i for i, name in enumerate(targets)}
    rank = {g: i for i, g in enumerate(groups)}
    out = out.sort_values([by, "target"], key=lambda s: s.map(order if s.name == "target" else rank),
                          kind="stable").reset_index(drop=True)
    return out.astype({"n": "int64", "mean_compound": "float64", "share_negative": "float64",
                       "share_positive": "float64"})


def lexicon_contributors(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                         top: int = 10, by: str | None = "outlet", fixes=True,
                         named: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Which lexicon words drive each outlet's (or group's) score.

    In: scored sentences (``text``, ``article_id``); the articles table (for
    ``outlet`` or another ``by`` column; ``by=None``: the whole corpus, one
    group "all stories"); ``top`` words per direction; ``named`` groups named
    by stories, the rest pooled as "other <by>s" (``None``: all).
    Out: a new DataFrame with columns ``<by>, direction`` ("positive" /
    "negative"), ``rank`` (1 = strongest), ``word``, ``count`` (occurrences
    that carried valence), ``valence_sum`` (the valence VADER gave them in
    context, after negation and boosters, summed) and ``valence_mean``;
    per group the ``top`` words with the largest positive sum and the
    ``top`` with the most negative sum, groups in display order ("other …" last).
    """
    col = "group" if by is None else by
    cols = [col, "direction", "rank", "word", "count", "valence_sum", "valence_mean"]
    if by is None:
        df = scored.assign(group=ALL_STORIES)
    else:
        df = join_articles(scored, articles, groups=[by], top=named, unknown="(unknown {})")
    acc: dict = {}
    for grp, text in zip(df[col], df["text"]):
        if not isinstance(text, str):
            continue
        for word, v in token_valences(text, fixes=fixes):
            cnt, tot = acc.get((grp, word), (0, 0.0))
            acc[(grp, word)] = (cnt + 1, tot + v)
    if not acc:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("rank", "count") else
                                          "float64" if c.startswith("valence") else object)
                             for c in cols})
    table = pd.DataFrame([(g, w, c, s) for (g, w), (c, s) in acc.items()],
                         columns=[col, "word", "count", "valence_sum"])
    table["valence_sum"] = table["valence_sum"].round(4)
    table["valence_mean"] = (table["valence_sum"] / table["count"]).round(4)
    rank = {g: i for i, g in enumerate(_group_order(table[col], col))}
    table["order"] = table[col].map(rank)
    parts = []
    for direction, sign in (("positive", 1), ("negative", -1)):
        sub = table[sign * table["valence_sum"] > 0].copy()
        sub["key"] = -sign * sub["valence_sum"]
        sub = sub.sort_values(["order", "key", "word"], kind="stable")
        sub = sub.groupby("order", sort=True).head(top)
        sub["rank"] = sub.groupby("order").cumcount() + 1
        sub["direction"] = direction
        parts.append(sub)
    out = pd.concat(parts).sort_values(["order", "direction", "rank"], ascending=[True, False, True],
                                       kind="stable")
    return out[cols].reset_index(drop=True).astype({"rank": "int64", "count": "int64"})


#: One example sentence per fix: (fix name, what goes wrong, sentence).
PITFALL_EXAMPLES = [
    ("quotes", "curly apostrophe hides the negation", "The plan isn’t good."),
    ("quotes", "curly quotation marks hide a lexicon word", "He called it a “great” victory."),
    ("bomb", "slang idiom 'the bomb' (+3) overwrites the next words", "Officials said the bomb struck the convoy."),
    ("no", "'no' as a determiner scored -1.2 on its own", "There were no casualties."),
    ("names", "lexicon word inside a name", "The United States will pull its troops out."),
]


def pitfall_table(examples=None) -> pd.DataFrame:
    """Before/after scores of example sentences, one per fix.

    In: a list of ``(fix, problem, sentence)`` (default ``PITFALL_EXAMPLES``).
    Out: DataFrame ``fix, problem, sentence, plain_vader, this_fix_only, all_fixes``
    (compound scores).
    """
    rows = [(fix, problem, text, polarity(text, False)["compound"],
             polarity(text, {fix})["compound"], polarity(text)["compound"])
            for fix, problem, text in (PITFALL_EXAMPLES if examples is None else examples)]
    return pd.DataFrame(rows, columns=["fix", "problem", "sentence", "plain_vader",
                                       "this_fix_only", "all_fixes"])


def fix_effects(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences whose compound score the fixes change, and by how much.

    In: a sentences table (``text``; ``article_id, sentence`` kept if present).
    When it is already scored with all fixes and carries ``compound_plain``
    (``analyze`` output), those scores are used as they are; otherwise the
    sentences are scored once.  Only the changed sentences are scored again,
    with each fix alone.
    Out: DataFrame with the input's id columns, ``text, plain_vader, fixed,
    change`` and ``fixes`` (the names of the fixes that change it alone,
    comma-separated; "only together" when none does alone), sorted by the size of the change, largest first.
    """
    ids = [c for c in ("article_id", "sentence") if c in sentences.columns]
    if not {"compound", "compound_plain"} <= set(sentences.columns):
        sentences = score_sentiment(sentences[ids + ["text"]])
    out = sentences[ids + ["text"]].copy()
    out["plain_vader"] = sentences["compound_plain"].to_numpy(dtype="float64")
    out["fixed"] = sentences["compound"].to_numpy(dtype="float64")
    out["change"] = (out["fixed"] - out["plain_vader"]).round(4)
    out = out[out["change"] != 0]
    plain = out["plain_vader"].to_numpy()
    alone = {f: score_sentiment(out[["text"]], fixes={f}, plain=False)["compound"].to_numpy() != plain
             for f in FIXES}
    # a change no fix makes alone comes from two together (the quotes fix lets the names fix see a
    # name after a curly quotation mark): said so, not left blank
    out["fixes"] = [",".join(f for f in FIXES if alone[f][i]) or "only together" for i in range(len(out))]
    return out.iloc[np.argsort(-out["change"].abs().to_numpy(), kind="stable")].reset_index(drop=True)


def story_labels(articles: pd.DataFrame, width: int = 40) -> pd.Series:
    """A short label per story, "outlet · date · title…", indexed by article_id."""
    def one(row):
        date = row["published"].strftime("%Y-%m-%d") if pd.notna(row.get("published")) else "undated"
        title = str(row.get("title") or row["article_id"])
        title = title if len(title) <= width else title[:width - 1].rstrip() + "…"
        return f"{_outlet_names(pd.Series([row.get('outlet')]))[0]} · {date} · {title}"
    return pd.Series([one(r) for _, r in articles.iterrows()], index=articles["article_id"],
                     dtype=object)


def differing_pairs(summary: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """The pairs of groups whose 95% intervals do not overlap, the largest gap first.

    In: ``sentiment_summary`` output (one row per group, column ``by``).  Out: DataFrame
    ``lower, higher, mean_lower, mean_higher, gap`` (``gap`` = difference of the means), one row
    per pair of rows whose intervals are apart; ties keep the table's order.  The number of
    pairs compared is ``n * (n - 1) // 2`` for ``n`` rows.
    """
    cols = ["lower", "higher", "mean_lower", "mean_higher", "gap"]
    ok = summary.dropna(subset=["mean_compound", "ci_low", "ci_high"])
    names = ok[by].astype(str).to_numpy()
    m, lo, hi = (ok[c].to_numpy(dtype="float64") for c in ("mean_compound", "ci_low", "ci_high"))
    i, j = np.triu_indices(len(ok), k=1)
    apart = (hi[i] < lo[j]) | (hi[j] < lo[i])
    i, j = i[apart], j[apart]
    low_first = m[i] <= m[j]
    a, b = np.where(low_first, i, j), np.where(low_first, j, i)
    out = pd.DataFrame({"lower": names[a].astype(object), "higher": names[b].astype(object),
                        "mean_lower": m[a], "mean_higher": m[b], "gap": m[b] - m[a]}, columns=cols)
    return out.iloc[np.argsort(-out["gap"].to_numpy(), kind="stable")].reset_index(drop=True)


#: Fewer stories than this in a group: its mean cannot separate a house style from the events.
MIN_STORIES = 5


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def sentiment_prose(story: pd.DataFrame, groups: pd.DataFrame, by: str = "outlet",
                    agreement: pd.DataFrame | None = None, words: pd.DataFrame | None = None,
                    min_stories: int = MIN_STORIES, named_pairs: int = 3) -> dict:
    """The findings of the sentiment notebook as sentences, computed from its tables.

    In: ``story`` (``sentiment_summary`` by ``["article_id", by]``), ``groups``
    (``sentiment_summary`` by ``by``, with ``stories``), the ``human_agreement`` table (or None
    when the ratings file is missing), the corpus's ``lexicon_contributors(..., by=None)`` (or
    None), ``min_stories`` (fewer per group: too few to show a house style).
    Out: dict of Markdown strings: ``bottom_line`` (three lines), ``story_heading``,
    ``story_line``, ``group_heading``, ``group_line`` (the differing pairs counted, the
    ``named_pairs`` largest gaps named) and ``caveat``.
    """
    from withdrawals.figures import other_label

    plural_by = other_label(by)[len("other "):]
    n_st, groups = len(story), groups.reset_index(drop=True)
    k = float(story["n"].median()) if n_st else 0.0
    width = float((story["ci_high"] - story["ci_low"]).median()) if n_st else float("nan")
    means = story["mean_compound"].dropna()
    if len(means) >= 4:
        q1, q3 = means.quantile([0.25, 0.75])
        spread, spread_text = q3 - q1, f"the middle half of story means spans {q3 - q1:.2f}"
    else:
        spread = means.max() - means.min() if len(means) else float("nan")
        spread_text = f"story means span {spread:.2f}" if len(means) else "there are no story means"
    if not n_st:
        compare = "no story has a sentence to score"
    elif not spread > 0:
        compare = f"{spread_text}"
    else:
        ratio = width / spread
        compare = (f"{'wider than' if ratio > 1.5 else 'narrower than' if ratio < 1 / 1.5 else 'about as wide as'}"
                   f" the spread between stories ({spread_text})")
    story_line = (f"A story's mean rests on a median of {_plural(round(k), 'sentence')}, so its 95% "
                  f"interval is {width:.2f} wide, {compare}." if n_st else
                  "No story has a sentence to score.")
    story_heading = (f"Each story's mean rests on a median of {_plural(round(k), 'sentence')}, so its "
                     f"95% interval is {width:.2f} wide" if n_st else "No story has a sentence to score")
    rest = other_label(by)
    named = groups[groups[by] != rest]
    per_group = named["stories"] if "stories" in named else pd.Series(dtype="int64")
    med = float(per_group.median()) if len(per_group) else 0.0
    n_groups, total = len(groups), len(groups) * (len(groups) - 1) // 2
    pairs = differing_pairs(groups, by)
    few = med < min_stories
    med_text = f"{med:g} {'story' if med == 1 else 'stories'}"
    if n_groups < 2:
        group_heading = f"All stories fall in one {by} group: no comparison between {plural_by}"
        groups_claim = f"All stories fall in one {by} group, so {plural_by} cannot be compared."
    elif few:
        group_heading = (f"{by.capitalize()} means mix stories about different events: with a median of "
                         f"{med_text} per {by}, they cannot show a house style")
        groups_claim = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, but "
                        f"with a median of {med_text} per {by} each {by}'s mean reflects the events it "
                        "covered as much as its style.")
    else:
        group_heading = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, "
                         f"on a median of {med_text} per {by}")
        groups_claim = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, "
                        f"each named {by} resting on at least {_plural(int(per_group.min()), 'story', 'stories')}; "
                        "the intervals count sentences, not stories, so they understate the uncertainty.")
    gaps = "; ".join(f"{r.higher} ({r.mean_higher:+.2f}) above {r.lower} ({r.mean_lower:+.2f})"
                     for r in pairs.head(named_pairs).itertuples())
    largest = f" The largest gaps: {gaps}." if len(pairs) else ""
    group_line = (f"{len(pairs)} of {total} pairs of {plural_by} have 95% intervals that do not overlap."
                  f"{largest} Stories per {by}: median {med:g}, at most "
                  f"{int(groups['stories'].max()) if 'stories' in groups and n_groups else 0}"
                  f"{f' (the {rest} pooled)' if (groups[by] == rest).any() else ''}.")
    vocab = ""
    if words is not None and len(words):
        neg = words[words["direction"] == "negative"]["word"].head(3).tolist()
        pos = words[words["direction"] == "positive"]["word"].head(3).tolist()
        quote = lambda ws: ", ".join(f"“{w}”" for w in ws) or "none"
        vocab = (f"The words that move the scores most are {quote(neg)} (down) and {quote(pos)} (up): "
                 "vocabulary, whose sign says nothing about who wins or who is blamed. ")
    if agreement is not None and len(agreement):
        r = agreement.set_index("scorer")["r"]
        project = r.get("all fixes (project)", r.iloc[-1])
        plain = r.get("plain VADER", float("nan"))
        trust = (f"On {agreement['n'].iloc[0]:,} New York Times snippets rated by people, this scorer "
                 f"agrees with them at r = {project:.2f} (plain VADER {plain:.2f}; one human rater "
                 "≈ 0.75 by the VADER authors' count): read the scores as vocabulary, not slant.")
    else:
        trust = ("VADER's authors report r ≈ 0.49 against human ratings of news snippets (the ratings "
                 "file is not here to check it): read the scores as vocabulary, not slant.")
    low_groups = int((per_group <= 2).sum())
    if n_groups < 2 or few:
        caveat = (f"**What {_plural(n_st, 'story', 'stories')} can support.** They can show which words "
                  "and which voices carry each story's tone, and that the fixes matter. They cannot "
                  f"support claims about a {by}'s slant: {low_groups} of {len(named)} named {plural_by} "
                  "have at most two stories, the stories cover different events and dates, and the "
                  "intervals are over sentences, not stories.")
    else:
        caveat = (f"**What {_plural(n_st, 'story', 'stories')} can support.** Each named {by} has at least "
                  f"{int(per_group.min())} stories, enough to compare vocabularies; a difference in tone "
                  "can still come from the events each covered (compare within a period), and the "
                  "intervals are over sentences, not stories.")
    return {"bottom_line": f"**Bottom line.** {story_line}\n{groups_claim}\n{vocab}{trust}",
            "story_heading": story_heading, "story_line": story_line,
            "group_heading": group_heading, "group_line": group_line, "caveat": caveat}


#: The polarity counts of ``sentiment_summary``: kept in the CSVs, left out of the tables shown.
SUMMARY_COUNTS = ["n_negative", "n_neutral", "n_positive"]


def whole_table(df: pd.DataFrame, digits: int = 3, hide=()):
    """A table to show whole: every row, every character of its text, text left-aligned.

    In: any DataFrame; ``digits`` decimal places; ``hide``, columns to leave out (names the
    table lacks are ignored).  Out: a pandas ``Styler`` (no index; cells escaped by
    ``set_display``) — pandas would otherwise cut a long table to 10 rows and a sentence at 50
    characters, and right-align text.
    """
    df = df.drop(columns=[c for c in hide if c in df.columns])
    text = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    # an explicit format() replaces the default formatter, so it must escape too
    styler = df.style.hide(axis="index").format(precision=digits, na_rep="–", escape="html")
    if text:
        styler = styler.set_properties(subset=text, **{"text-align": "left", "white-space": "normal"})
    return styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])


# --------------------------------------------------------------------------- speakers (notebook 03)
def quotations_only(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows that are someone's words: terms (``quote_kind == "term"``) left out, and quotations
    nested in another with nobody named for them (their words are the outer quotation's, counted
    there); a table without these columns is returned as it is.  Every speaker table and figure
    counts these only."""
    keep = pd.Series(True, index=quotes.index)
    if "quote_kind" in quotes:
        keep &= quotes["quote_kind"] != "term"
    if "nested" in quotes:
        keep &= ~(quotes["nested"].astype(bool) & (quotes["speaker_kind"] == "unknown"))
    return quotes[keep]


def _named(quotes: pd.DataFrame) -> pd.Series:
    """True for rows whose speaker is known: not kind "unknown" and not blank after the merge."""
    sp = quotes["speaker"].fillna("").astype(str).str.strip()
    return (quotes["speaker_kind"] != "unknown") & (sp != "") & (sp != UNKNOWN_SPEAKER)


def speaker_table(quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                  top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Quotations and quoted words per speaker x group of stories, direct and reported apart.

    In: quotes (:func:`extract_quotes`) and articles; ``by`` any articles column (default
    ``outlet``; ``lean``, a year, …); ``top`` how many of its values are named (the rest pooled
    as "other outlets", "other leans", …; ``None`` names them all).
    Out: one row per (``by``, speaker, speaker_kind) with ``direct_quotes``, ``direct_words``,
    ``reported``, ``reported_words``, ``stories`` and ``speaker_role`` (the most frequent role);
    speakers merged with :func:`merge_speakers`; unknown speakers (and phrases the merge found to be
    no name) appear as "(unknown)", so the counts add up to the quotations.  Rankings leave them
    out (:func:`plot_top_speakers`).
    """
    cols = [by, "speaker", "speaker_kind", "speaker_role", "direct_quotes", "direct_words",
            "reported", "reported_words", "stories"]
    if quotes.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in cols[4:] else "object") for c in cols})
    q = join_articles(merge_speakers(quotations_only(quotes)), articles, groups=[by], top=top)
    q["speaker"] = q["speaker"].fillna("").where(_named(q), UNKNOWN_SPEAKER)
    q["dq"] = q["direct"].astype(int)
    q["dw"] = q["quote_words"].where(q["direct"], 0)
    q["rq"] = (~q["direct"]).astype(int)
    q["rw"] = q["quote_words"].where(~q["direct"], 0)
    keys = [by, "speaker", "speaker_kind"]
    g = q.groupby(keys, sort=True)
    out = g.agg(direct_quotes=("dq", "sum"), direct_words=("dw", "sum"), reported=("rq", "sum"),
                reported_words=("rw", "sum"), stories=("article_id", "nunique")).reset_index()
    roles = (q[q["speaker_role"] != ""].groupby(keys)["speaker_role"]
             .agg(lambda s: s.value_counts().sort_index().idxmax()))
    out = out.merge(roles.rename("speaker_role").reset_index(), how="left", on=keys)
    out["speaker_role"] = out["speaker_role"].fillna("")
    out = out[cols].sort_values([by, "direct_words", "speaker"], ascending=[True, False, True])
    return out.reset_index(drop=True)


def ranked_speakers(table: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Named speakers ranked by words quoted directly, over all groups of :func:`speaker_table`.

    Unknown speakers and anonymous sources (many people under one description) are left out.
    Out: ``speaker, speaker_kind, direct_quotes, direct_words, reported, stories, groups`` (the
    number of groups quoting the speaker), most words first (ties by name); ``top`` rows or all.
    """
    t = table[(table["speaker"] != UNKNOWN_SPEAKER) & ~table["speaker_kind"].isin(["unknown", "anonymous"])]
    by = table.columns[0]
    out = t.groupby(["speaker", "speaker_kind"], sort=True).agg(
        direct_quotes=("direct_quotes", "sum"), direct_words=("direct_words", "sum"),
        reported=("reported", "sum"), stories=("stories", "sum"), groups=(by, "nunique")).reset_index()
    out = out.sort_values(["direct_words", "direct_quotes", "speaker"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    return out if top is None else out.head(top)


def _voice_groups() -> dict:
    groups: dict = {}
    for r in lexicon.table("voice_groups"):
        groups.setdefault(r["group"], []).append(r["keyword"])
    return groups


#: group -> keywords, checked in this order; the first group with a keyword in the speaker's role or
#: name wins (lexicon/voice_groups.csv)
DEFAULT_GROUPS = _voice_groups()


def voice_group(quotes: pd.DataFrame, groups: dict | None = None) -> pd.DataFrame:
    """Add a ``group`` column mapping each speaker to a group of voices.

    In: quotes; ``groups`` an ordered dict group -> list of lowercase keywords
    (default :data:`DEFAULT_GROUPS`). A row belongs to the first group with a
    keyword found (whole words) in the speaker's roles + ``speaker``; otherwise
    "other".  Speakers are merged first (:func:`merge_speakers`), and a person's roles are
    pooled over all rows naming them ("Trump" in one story takes the "President" another gave).
    Out: a copy of ``quotes`` (speakers merged) with ``group``.
    """
    groups = DEFAULT_GROUPS if groups is None else groups
    pats = [(g, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k.strip()) for k in kws) + r")(?!\w)"))
            for g, kws in groups.items() if kws]
    out = merge_speakers(quotes)
    # a person's roles from every row (and story) that names them, so "Mr Trump" in one
    # story takes the "President" another gave
    roles = defaultdict(list)
    for kind, sp, role in zip(out["speaker_kind"], out["speaker"].fillna(""), out["speaker_role"].fillna("")):
        if kind == "person" and role and role not in roles[sp]:
            roles[sp].append(role)
    labels = []
    for kind, role, sp in zip(out["speaker_kind"], out["speaker_role"].fillna(""), out["speaker"].fillna("")):
        # the role the story gives first ("Sen. Obama" in 2008 is Congress, "President Obama" the
        # administration), then the roles other stories gave
        own = f"{role} | {sp}".lower()
        label = next((g for g, p in pats if p.search(own)), None)
        if label is None and kind == "person" and sp in roles:
            pooled = f"{' | '.join(roles[sp])} | {sp}".lower()
            label = next((g for g, p in pats if p.search(pooled)), None)
        labels.append(label or "other")
    out["group"] = pd.Series(labels, index=out.index, dtype="object")
    return out


def anonymous_share(quotes: pd.DataFrame, articles: pd.DataFrame, direct_only: bool = False,
                    by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Share of attributed quotations per group of stories whose speaker is anonymous.

    In: quotes, articles; ``direct_only`` to count words in quotation marks only; ``by``/``top``
    as in :func:`speaker_table` (the stories of the unnamed groups are pooled first, so "other
    outlets" is one row with all their quotations).  Speakers are merged over all the quotations
    first, as in :func:`speaker_table` (:func:`merge_speakers`: analyze's ``person`` where present),
    then the direct ones kept if asked, and quotations with no speaker left out.
    Out: one row per group with ``quotes`` (attributed rows), ``anonymous``, ``share`` (0..1),
    ``stories`` and ``stories_with_anonymous``.
    """
    q = merge_speakers(quotations_only(quotes))        # merged over all the quotations, as in speaker_table
    q = q[q["direct"]] if direct_only else q
    q = join_articles(q[_named(q)], articles, groups=[by], top=top)
    q = q.assign(anon=(q["speaker_kind"] == "anonymous").astype(int))
    g = q.groupby(by, sort=True)
    out = g.agg(quotes=("anon", "size"), anonymous=("anon", "sum"), stories=("article_id", "nunique"))
    out["stories_with_anonymous"] = q[q["anon"] == 1].groupby(by)["article_id"].nunique()
    out = out.fillna({"stories_with_anonymous": 0}).astype("int64").reset_index()
    out["share"] = (out["anonymous"] / out["quotes"]).where(out["quotes"] > 0, 0.0).round(4)
    return out[[by, "quotes", "anonymous", "share", "stories", "stories_with_anonymous"]]


def group_share(quotes: pd.DataFrame, articles: pd.DataFrame, groups: dict | None = None,
                by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Quotations and quoted words per group of stories x voice group (see :func:`voice_group`).

    ``by``/``top`` as in :func:`speaker_table` (unnamed groups pooled before the shares).
    Out: one row per (``by``, group) with ``quotes``, ``words`` and ``share`` (the voice group's
    share of the row's quoted words, 0..1); every voice group of the mapping plus "other" appears
    for every ``by`` value, with zeros where empty.
    """
    groups = DEFAULT_GROUPS if groups is None else groups
    q = join_articles(voice_group(quotations_only(quotes), groups), articles, groups=[by], top=top)
    names = list(groups) + (["other"] if "other" not in groups else [])
    values = sorted(q[by].unique()) if len(q) else []
    idx = pd.MultiIndex.from_product([values, names], names=[by, "group"])
    g = q.groupby([by, "group"]).agg(quotes=("quote", "size"), words=("quote_words", "sum"))
    out = g.reindex(idx, fill_value=0).reset_index()
    total = out.groupby(by)["words"].transform("sum")
    out["share"] = (out["words"] / total).where(total > 0, 0.0).round(4)
    return out.astype({"quotes": "int64", "words": "int64"})


def speaker_sentiment(quotes: pd.DataFrame, articles: pd.DataFrame, min_quotes: int = 1,
                      by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean VADER compound of each named speaker's direct quotations, per group of stories.

    In: quotes, articles; speakers with fewer than ``min_quotes`` direct quotations in a group
    are left out; ``by``/``top`` as in :func:`speaker_table`.  Uses ``sentiment.score_sentiment``
    on the quote text; speakers merged over all the quotations (as in :func:`speaker_table`), unknown
    ones left out.
    Out: one row per (``by``, speaker, speaker_kind) with ``quotes``, ``words``,
    ``mean_compound``, ``min_compound``, ``max_compound``, sorted by ``by`` and mean.
    """
    from withdrawals.sentiment import score_sentiment

    q = merge_speakers(quotations_only(quotes))        # merged over all the quotations, as in speaker_table
    q = q[q["direct"]]
    q = join_articles(q[_named(q)], articles, groups=[by], top=top)
    cols = [by, "speaker", "speaker_kind", "quotes", "words", "mean_compound", "min_compound", "max_compound"]
    if q.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in cols[:3] else
                                          ("int64" if c in ("quotes", "words") else "float64")) for c in cols})
    scored = score_sentiment(q.assign(text=q["quote"]))
    g = scored.groupby([by, "speaker", "speaker_kind"], sort=True)
    out = g.agg(quotes=("compound", "size"), words=("quote_words", "sum"), mean_compound=("compound", "mean"),
                min_compound=("compound", "min"), max_compound=("compound", "max")).reset_index()
    out = out[out["quotes"] >= min_quotes].round({"mean_compound": 4})
    return out.sort_values([by, "mean_compound", "speaker"]).reset_index(drop=True)[cols]


_PAGER_JS = ("(function(p){{var t=document.getElementById('{tid}'),q=document.getElementById('{tid}-q')"
             ".value.toLowerCase(),rs=t.tBodies[0].rows,m=[],i;for(i=0;i<rs.length;i++){{"
             "if(rs[i].textContent.toLowerCase().indexOf(q)>=0)m.push(rs[i]);rs[i].style.display='none';}}"
             "var n=Math.max(1,Math.ceil(m.length/{size}));p=Math.min(Math.max(p,0),n-1);t.dataset.p=p;"
             "for(i=p*{size};i<Math.min(m.length,(p+1)*{size});i++)m[i].style.display='table-row';"
             "document.getElementById('{tid}-n').textContent=m.length+' quotations, page '+(p+1)+' of '+n;}})"
             "({page})")


def _story_cell(title, url, article_id) -> str:
    """A story's title as HTML, linked to its ``url`` when that is a web address."""
    import html

    text = html.escape(str(title) if isinstance(title, str) and title.strip() else str(article_id))
    if isinstance(url, str) and re.match(r"https?://\S+$", url.strip()):
        return f'<a href="{html.escape(url.strip(), quote=True)}">{text}</a>'
    return text


def quotes_html(quotes: pd.DataFrame, articles: pd.DataFrame, max_chars: int | None = None,
                by: str = "outlet", top: int | None = None, page_size: int = 50) -> str:
    """Every quotation as one HTML table, searchable and paginated offline (no script fetched).

    In: quotes and articles; ``by``/``top`` as in :func:`speaker_table` (default: every outlet
    named); ``max_chars`` cuts long quotations (default: whole); ``page_size`` rows per page.
    Out: an HTML string for ``display(HTML(...))``: a search box (type to filter on any column),
    previous/next buttons, a table of ``by``, story (its number in the list of stories below
    the table), speaker, role and the words (in “…” when they were in quotation marks, marked
    [term] when they are a term), text left-aligned; then the numbered
    list of the stories quoted, each title linked to the ``url`` column when the corpus has one
    (once per story, so the page stays small).  Its few lines of JavaScript sit in the
    elements' own handlers; without JavaScript the first page shows.  Every cell is escaped;
    optional end tags are left out (HTML5).
    """
    import hashlib
    import html

    q = join_articles(merge_speakers(quotes), articles, groups=[by], top=top)       # terms too: the list is searchable
    q["speaker"] = q["speaker"].fillna("").where(_named(q), UNKNOWN_SPEAKER)
    number = {aid: i + 1 for i, aid in enumerate(articles["article_id"])}
    q = q.assign(_n=q["article_id"].map(number).fillna(0).astype(int))
    q = q.sort_values([by, "_n", "start"], kind="stable")
    heads = [by, "story", "speaker", "role", "words (“…” in quotation marks; [term]: nobody's words)"]
    kinds = q["quote_kind"] if "quote_kind" in q else pd.Series("quotation", index=q.index)
    body = []
    for group, story, speaker, role, direct, quote, kind in zip(
            q[by], q["_n"], q["speaker"], q["speaker_role"], q["direct"], q["quote"], kinds):
        quote = str(quote)
        if max_chars is not None and len(quote) > max_chars:
            quote = quote[:max_chars] + " …"
        words = ("[term] " if kind == "term" else "") + (f"“{quote}”" if direct else quote)
        cells = [str(group), str(story), str(speaker), str(role), words]
        body.append("<tr><td>" + "<td>".join(html.escape(c, quote=False) for c in cells))
    tid = "quotes-" + hashlib.md5("|".join(map(str, q["article_id"])).encode()).hexdigest()[:8]
    n, size = len(q), max(int(page_size), 1)
    pages = max(1, -(-n // size))
    js = {k: html.escape(_PAGER_JS.format(tid=tid, size=size, page=p), quote=True) for k, p in
          (("search", "0"), ("prev", f"+(document.getElementById('{tid}').dataset.p||0)-1"),
           ("next", f"+(document.getElementById('{tid}').dataset.p||0)+1"))}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    quoted = articles[articles["article_id"].isin(set(q["article_id"]))]
    groups = pd.Series(join_articles(articles[["article_id"]], articles, groups=[by], top=top)[by].to_numpy(),
                       index=articles.index)
    stories = "".join(
        f'<li value="{number[aid]}">{html.escape(str(g), quote=False)}: {_story_cell(t, u, aid)}'
        for aid, g, t, u in zip(quoted["article_id"], groups[quoted.index],
                                quoted["title"] if "title" in quoted else quoted["article_id"],
                                quoted["url"] if "url" in quoted else [""] * len(quoted)))
    return (f"<style>#{tid} td,#{tid} th{{text-align:left;vertical-align:top}}"
            f"#{tid} tbody tr:nth-child(n+{size + 1}){{display:none}}</style>"
            f'<div><input id="{tid}-q" type="search" placeholder="Search {n} quotations…" '
            f'style="width:50%;margin:4px 0" oninput="{js["search"]}"> '
            f'<button type="button" onclick="{js["prev"]}">‹ previous</button> '
            f'<button type="button" onclick="{js["next"]}">next ›</button> '
            f'<span id="{tid}-n">{n} quotations, page 1 of {pages}</span></div>'
            f'<table id="{tid}" style="font-size:85%;text-align:left">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f'<details><summary>The {len(quoted)} stories quoted, by number</summary>'
            f'<ol style="font-size:85%;text-align:left">{stories}</ol></details>')


# --------------------------------------------------------------------------- troop figures and time frames (notebook 04)
_HEDGE_WORDING = {"exact": "", "about": "about ", "more_than": "more than ",
                  "nearly": "nearly ", "up_to": "up to ", "at_least": "at least ",
                  "fewer_than": "fewer than "}


_PERIOD_WORDS = {"all": "the whole corpus", "quarter": "quarters", "year": "years", "month": "months"}


_OWN_COLUMNS = {"article_id", "place", "period", "actor", "low", "high", "hedge", "figure", "mentions",
                "stories", "quoted", "first_published", "span", "unit", "sentence", "published", "url",
                "title", "low_days", "high_days", "n_outlets"}


def _with_groups(df: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet", top=None,
                 period: str = "auto") -> pd.DataFrame:
    """``df`` joined to its story (:func:`join_articles`): ``outlet`` (blank = "(unknown outlet)"),
    ``published``, ``url``, ``title``, ``group`` (the story's ``by`` value; past the ``top`` most
    frequent, "other <by>s") and ``period`` (:func:`withdrawals.figures.period_labels` of the whole
    corpus's dates).  ``by`` may not be a column of the troop tables themselves."""
    if by != "outlet" and by in _OWN_COLUMNS:
        raise ValueError(f"by={by!r} is a column of the troop tables themselves; group by another column")
    return join_articles(df, articles, ["outlet", "published", "url", "title"], [("group", by)], top,
                         period=period)


def period_phrase(articles: pd.DataFrame, period: str = "auto") -> str:
    """How troop figures are compared, in words: "within years, since the stories span 2012–2020".

    In: the articles table (``published``) and the ``PERIOD`` parameter ("auto" chooses with
    :func:`withdrawals.figures.choose_period`).  Out: a phrase computed from the dates.
    """
    from withdrawals.figures import choose_period

    d = pd.to_datetime(articles["published"], errors="coerce").dropna() if len(articles) else pd.Series(
        dtype="datetime64[ns]")
    chosen = choose_period(d) if period == "auto" else period
    if d.empty:
        return "across the whole corpus, since no story carries a date"
    span = (f"{d.min():%Y}" if d.min().year == d.max().year else f"{d.min():%Y}–{d.max():%Y}")
    months = f"{d.min():%B %Y}" + ("" if (d.min().year, d.min().month) == (d.max().year, d.max().month)
                                   else f" to {d.max():%B %Y}")
    if chosen == "all":
        why = f"since the stories span {months}" if period == "auto" else "as asked (PERIOD = \"all\")"
        return f"across the whole corpus, {why}"
    why = f"since the stories span {span}" if period == "auto" else f"as asked (PERIOD = \"{chosen}\")"
    return f"within {_PERIOD_WORDS.get(chosen, chosen + 's')}, {why}"


def figure_label(low, high, hedge="exact") -> str:
    """'about 2,000', '20,000-30,000', 'more than 2,000', '200–900 (vague)': a figure as a reader would say it."""
    lo, hi = int(low), int(high)
    num = f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"
    return num + " (vague)" if hedge == "vague" else _HEDGE_WORDING.get(hedge, "") + num


def comparable_figures(troops: pd.DataFrame, actors=("us",), vague: bool = False) -> pd.DataFrame:
    """The troop figures a comparison uses: those of ``actors`` (None = all), without vague amounts
    ("hundreds of", "a few thousand": ``hedge == "vague"``) unless ``vague=True``."""
    t = troops if actors is None else troops[troops["actor"].isin(actors)]
    return t if vague else t[t["hedge"] != "vague"]


def vague_left_out(troops: pd.DataFrame, actors=("us",)) -> int:
    """How many figures of ``actors`` are vague amounts, left out of comparisons by default."""
    t = troops if actors is None else troops[troops["actor"].isin(actors)]
    return int((t["hedge"] == "vague").sum())


def _empty_table(cols, types: dict) -> pd.DataFrame:
    """A table with no rows but its columns typed as when it has rows (text: object)."""
    return pd.DataFrame({c: pd.Series(dtype=types.get(c, "object")) for c in cols})


def _top_default(top):
    from withdrawals.figures import TOP_OUTLETS

    return TOP_OUTLETS if top == "default" else top


def figures_by_place(troops: pd.DataFrame, articles: pd.DataFrame, actors=("us",), by: str = "outlet",
                     top="default", period: str = "auto", vague: bool = False) -> pd.DataFrame:
    """The figure each outlet (or ``by`` group) gives for each place and period, with its hedge.

    In: the troops table, the articles table, the actors to keep (None = all); ``by``: the articles
    column to compare by (the ``top`` most frequent values named, the rest "other <by>s";
    ``top=None`` names all; default TOP_OUTLETS); ``period``: "auto", "all", "quarter", "year".
    Out: one row per place, period, group, figure (low, high) and hedge: ``place, period, <by>,
    actor, low, high, hedge, figure`` (as worded), ``mentions``, ``stories``, ``n_outlets``,
    ``quoted`` (mentions inside quotation marks), ``first_published``.  Figures with no place are
    listed under place "(no place)".  Sorted by place, period, figure, group.  Vague amounts are
    left out unless ``vague=True`` (:func:`vague_left_out` counts them).
    """
    top = _top_default(top)
    cols = ["place", "period", by, "actor", "low", "high", "hedge", "figure", "mentions", "stories",
            "n_outlets", "quoted", "first_published"]
    t = comparable_figures(troops, actors, vague)
    if t.empty:
        _with_groups(t, articles, by, top, period)       # the same errors for a bad `by` on any table
        return _empty_table(cols, {"low": "Int64", "high": "Int64", "mentions": "int64", "stories": "int64",
                                   "n_outlets": "int64", "quoted": "int64",
                                   "first_published": "datetime64[ns]"})
    t = _with_groups(t, articles, by, top, period).assign(place=lambda d: d["place"].replace("", "(no place)"))
    g = (t.groupby(["place", "period", "group", "actor", "low", "high", "hedge"], dropna=False)
         .agg(mentions=("span", "size"), stories=("article_id", "nunique"), n_outlets=("outlet", "nunique"),
              quoted=("quoted", "sum"), first_published=("published", "min"))
         .reset_index().rename(columns={"group": by}))
    g["figure"] = [figure_label(lo, hi, h) for lo, hi, h in zip(g["low"], g["high"], g["hedge"])]
    return g.sort_values(["place", "period", "low", "high", by, "hedge"]).reset_index(drop=True)[cols]


def figure_agreement(troops: pd.DataFrame, articles: pd.DataFrame, actors=("us",),
                     tolerance: float = 0.1, by: str = "outlet", top="default",
                     period: str = "auto", vague: bool = False) -> pd.DataFrame:
    """Where outlets agree and differ: one row per place, period and figure.

    In: as :func:`figures_by_place`, plus ``tolerance``: figures whose middles lie within this
    share of each other count as the same figure (2,000 and "more than 2,000" agree; 2,000 and
    5,000 do not).  Figures are compared only within one place AND one period (a 2014 count of
    Iraq is not the 2020 one); undated stories form the period "undated".
    Out: ``place, period, figure`` (the smallest low - largest high of the group), ``low, high,
    outlets`` (how many outlets report it, each counted even when grouped as "other outlets"; with
    another ``by``, how many groups), ``outlets_list`` (the groups), ``hedges``
    ("group: hedge; ..."), ``same_hedge`` (all groups word it alike), ``only_one_outlet``,
    ``other_outlets_in_place`` (groups giving a figure for the same place and period but not this
    one), ``stories``, ``story_outlets`` (the stories' own outlets, named even when grouped as
    "other outlets"), ``sentences`` (one per line, "outlet: the sentence", or "group · outlet: …"
    when ``by`` is not the outlet) and ``urls`` (each sentence's story url, one per line, "" unknown).
    """
    top = _top_default(top)
    cols = ["place", "period", "figure", "low", "high", "outlets", "outlets_list", "hedges", "same_hedge",
            "only_one_outlet", "other_outlets_in_place", "stories", "story_outlets", "sentences", "urls"]
    t = comparable_figures(troops, actors, vague)        # vague amounts are no figure to agree on
    t = t[t["place"] != ""]
    if t.empty:
        _with_groups(t, articles, by, top, period)
        return _empty_table(cols, {"low": "int64", "high": "int64", "outlets": "int64", "stories": "int64",
                                   "same_hedge": "bool", "only_one_outlet": "bool"})
    t = _with_groups(t, articles, by, top, period)
    t = t.assign(mid=(t["low"].astype(float) + t["high"].astype(float)) / 2)
    rows = []
    for (place, per), d in t.sort_values(["place", "period", "mid", "group", "outlet", "article_id",
                                          "start"]).groupby(["place", "period"], sort=True):
        in_place = set(d["group"])
        group, ref = [], None
        for r in list(d.itertuples()) + [None]:
            if r is not None and (ref is None or abs(r.mid - ref) <= tolerance * ref):
                ref = r.mid if ref is None else ref
                group.append(r)
                continue
            if group:
                rows.append(_agreement_row(place, per, group, in_place, by))
            group, ref = ([r], r.mid) if r is not None else ([], None)
    return pd.DataFrame(rows, columns=cols)


def _agreement_row(place, per, group, in_place, by) -> dict:
    """One row of figure_agreement from the figures (itertuples rows) that count as one figure."""
    names = sorted({g.group for g in group})
    hedges = {}
    for g in group:
        hedges.setdefault(g.group, [])
        if g.hedge not in hedges[g.group]:
            hedges[g.group].append(g.hedge)
    lo, hi = min(int(g.low) for g in group), max(int(g.high) for g in group)
    seen, sents, urls = set(), [], []
    for g in group:
        source = g.outlet if by == "outlet" else f"{g.group} · {g.outlet}"
        if (source, g.sentence) not in seen:
            seen.add((source, g.sentence))
            sents.append(f"{source}: {' '.join(str(g.sentence).split())}")
            urls.append(str(g.url).strip())
    # outlets are counted one by one, also those a figure groups as "other outlets"
    n = len({g.outlet for g in group}) if by == "outlet" else len(names)
    return {"place": place, "period": per, "figure": figure_label(lo, hi), "low": lo, "high": hi,
            "outlets": n, "outlets_list": ", ".join(names),
            "hedges": "; ".join(f"{o}: {', '.join(hedges[o])}" for o in names),
            "same_hedge": len({h for o in names for h in hedges[o]}) == 1,
            "only_one_outlet": n == 1,
            "other_outlets_in_place": ", ".join(sorted(in_place - set(names))),
            "stories": len({g.article_id for g in group}),
            "story_outlets": ", ".join(sorted({g.outlet for g in group})),
            "sentences": "\n".join(sents), "urls": "\n".join(urls)}


def timelines_by_outlet(timelines: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                        top="default", period: str = "auto") -> pd.DataFrame:
    """The withdrawal time frames each outlet (or ``by`` group) reports, in days.

    In: the timelines and articles tables; ``by``/``top``/``period`` as in :func:`figures_by_place`.
    Out: one row per time frame with ``<by>`` (the group: a named outlet or "other outlets" by
    default), ``period, story_outlet`` (the story's own outlet, named even when grouped), ``published, article_id, title, url, span, low, high, unit, low_days, high_days`` (<NA> when the
    span gives no number, e.g. "within weeks"), ``sentence``; sorted by group, date and position.
    """
    top = _top_default(top)
    cols = [by, "period", "story_outlet", "published", "article_id", "title", "url", "span", "low", "high", "unit", "low_days",
        "high_days", "sentence"]
    if timelines.empty:
        _with_groups(timelines, articles, by, top, period)
        return _empty_table(cols, {"published": "datetime64[ns]", "low": "Int64", "high": "Int64",
                                   "low_days": "Float64", "high_days": "Float64"})
    t = _with_groups(timelines, articles, by, top, period).rename(columns={"outlet": "story_outlet"})
    t = t.rename(columns={"group": by})
    days = t["unit"].map(_UNIT_DAYS)
    t["low_days"] = (t["low"].astype("Float64") * days).round(1)
    t["high_days"] = (t["high"].astype("Float64") * days).round(1)
    return t.sort_values([by, "published", "article_id", "start"]).reset_index(drop=True)[cols]


def figure_sources_by_group(troops: pd.DataFrame, articles: pd.DataFrame, actors=("us",), by: str = "outlet",
                            top="default", most: int = 3) -> pd.DataFrame:
    """Who gives each group's troop figures: how many are attributed, and to whom.

    In: the troops table with sources (``analyze``: ``source``, ``source_kind``), the articles,
    ``actors`` (None = all), ``by``/``top`` as in :func:`figures_by_place`, ``most``: sources named.
    Out: one row per group: ``<by>, figures, attributed`` (given by a speaker, an organisation or an
    unnamed source rather than the reporter), ``share`` (attributed / figures), ``in_quotes`` (inside
    a quotation), ``unnamed`` (unnamed sources), ``top_sources`` ("Pentagon (3); Donald Trump (2)").
    Vague amounts count too: the question is who speaks, not which number.
    """
    top = _top_default(top)
    cols = [by, "figures", "attributed", "share", "in_quotes", "unnamed", "top_sources"]
    t = troops if actors is None else troops[troops["actor"].isin(actors)]
    if t.empty or "source_kind" not in t:
        return _empty_table(cols, {"figures": "int64", "attributed": "int64", "share": "float64",
                                   "in_quotes": "int64", "unnamed": "int64"})
    t = _with_groups(t, articles, by, top)
    rows = []
    for g, d in t.groupby("group", sort=True):
        said = d[d["source_kind"] != "reporter"]
        named = said[said["source"] != UNQUOTED]["source"].value_counts()
        named = named.sort_index().sort_values(ascending=False, kind="stable")
        rows.append({by: g, "figures": len(d), "attributed": len(said), "share": len(said) / len(d),
                     "in_quotes": int(d["quoted"].sum()), "unnamed": int((d["source_kind"] == "anonymous").sum()),
                     "top_sources": "; ".join(f"{k} ({v})" for k, v in named.head(most).items())})
    return pd.DataFrame(rows, columns=cols)


def extraction_blind_spots(troops: pd.DataFrame) -> pd.DataFrame:
    """What the figures rest on: counts of quoted figures and of places not named in the sentence.

    In: the troops table.  Out: one row per kind of figure with ``what``,
    ``figures`` and ``share`` of all figures: inside quotations, place taken
    from the story's context, from the paragraph or from the figure continued,
    place from a local force's own country, no place at all, vague amounts, and
    (with sources) figures a speaker gives.
    """
    n = len(troops)
    counts = [
        ("inside a quotation", int(troops["quoted"].sum())),
        ("place taken from the story's context", int((troops["place_from"] == "context").sum())),
        ("place named earlier in the paragraph", int((troops["place_from"] == "paragraph").sum())),
        ("place carried from the figure it continues", int((troops["place_from"] == "carried").sum())),
        ("place = a local force's own country", int((troops["place_from"] == "actor").sum())),
        ("no place at all", int((troops["place"] == "").sum())),
        ("place named in the sentence", int((troops["place_from"] == "sentence").sum())),
        ("a vague amount (left out of comparisons)", int((troops["hedge"] == "vague").sum())),
    ]
    if "source_kind" in troops:
        counts.append(("given by a speaker, not the reporter",
                       int((~troops["source_kind"].isin(["reporter"])).sum())))
    return pd.DataFrame([{"what": w, "figures": c, "share": (c / n) if n else 0.0}
                         for w, c in counts])


def _who(r, by: str, what: str = "") -> str:
    """ "Reuters gives" / "Reuters and Vox (other outlets) give": a one-group figure's source."""
    from withdrawals.figures import other_label

    group = r["outlets_list"] if isinstance(r, pd.Series) else r.outlets_list
    if group == other_label(by):
        names = (r["story_outlets"] if isinstance(r, pd.Series) else r.story_outlets).split(", ")
        many = len(names) > 1
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return f"{listed} ({other_label(by)}) give{'' if many else 's'}" + (f" {what}" if what else "")
    if by != "outlet":
        names = (r["story_outlets"] if isinstance(r, pd.Series) else r.story_outlets).split(", ")
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return f"the {group} {by} ({listed}) gives" + (f" {what}" if what else "")
    return f"{group} gives" + (f" {what}" if what else "")


def agreement_statements(agreement: pd.DataFrame, by: str = "outlet", max_places=None) -> list:
    """One sentence of prose per place and period saying where groups agree and where they differ.

    In: the output of :func:`figure_agreement` (made with the same ``by``); ``max_places``: keep
    the places and periods with most groups (None = all), in place order.  Out: a list of Markdown
    strings, e.g. "**Syria** — 4 outlets give 2,000 and agree on the number but word it
    differently (USA Today: more_than; ...)."; the period is named after the place
    ("**Iraq, 2019**") unless the corpus is one period.  Every number comes from the table.
    """
    out, word = [], f"{by}s"
    keys = ["place", "period"] if "period" in agreement else ["place"]
    grouped = list(agreement.groupby(keys, sort=True)) if len(agreement) else []
    if max_places is not None and len(grouped) > max_places:
        size = {k: len({o for lst in d["outlets_list"] for o in lst.split(", ")}) for k, d in grouped}
        keep = set(sorted(size, key=lambda k: (-size[k], k))[:max_places])
        grouped = [(k, d) for k, d in grouped if k in keep]
    for key, d in grouped:
        place, per = (key if isinstance(key, tuple) and len(key) == 2 else (key[0] if isinstance(key, tuple)
                                                                            else key, "all dates"))
        name = place if per == "all dates" else f"{place}, {per}"
        lists = d["story_outlets"] if by == "outlet" else d["outlets_list"]   # every outlet, grouped or not
        outlets = sorted({o for lst in lists for o in lst.split(", ")})
        parts = []
        for r in d.sort_values(["outlets", "low"], ascending=[False, True]).itertuples():
            hedges = r.hedges.replace("_", " ")
            if r.outlets > 1:
                how = ("and word it the same way" if r.same_hedge
                       else "but word it differently")
                parts.append(f"{r.outlets} {word} give {r.figure} {how} ({hedges})")
            else:
                parts.append(f"only {_who(r, by)} {r.figure} ({hedges.split(': ', 1)[1]})")
        if len(outlets) == 1:
            figs = ", ".join(f"{r.figure} ({r.hedges.replace('_', ' ').split(': ', 1)[1]})"
                             for r in d.itertuples())
            out.append(f"**{name}** — only {_who(d.iloc[0], by, 'a figure')} ({figs}); "
                       "nothing to compare it with.")
            continue
        elif (d["outlets"] > 1).any() and not d["only_one_outlet"].any():
            lead = f"**{name}** — the {len(outlets)} {word} agree on the number: "
        elif (d["outlets"] > 1).any():
            lead = f"**{name}** — {len(outlets)} {word} share some figures and not others: "
        else:
            lead = f"**{name}** — {len(outlets)} {word} give different figures: "
        out.append(lead + "; ".join(parts) + ".")
    return out


def bounded_table(df: pd.DataFrame, name: str | None = None, folder=None, max_rows: int = 15,
                  links: dict | None = None, hide=()):
    """A table for a reader: the first ``max_rows`` rows, whole cells, text left-aligned.

    In: a DataFrame; ``name`` and ``folder``: when given, the WHOLE table is written to
    ``folder/name.csv`` (byte-stable) and the page says where; ``links``: {column: url column}:
    each line of the cell is linked to the same line of the url column when that is a web address
    (http/https); ``hide``: columns not shown (the url columns are never shown).
    Out: an ``IPython.display.HTML`` object: an escaped HTML table (article text is shown, never
    run) followed by "Showing 15 of 130 rows; all of them in folder/name.csv." when cut.
    """
    import html as _html
    from pathlib import Path

    from IPython.display import HTML

    links = dict(links or {})
    if name is not None and folder is not None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        df.to_csv(Path(folder) / f"{name}.csv", index=False, lineterminator="\n")
    shown = [c for c in df.columns if c not in set(hide) | set(links.values())]
    head = df.head(max_rows)

    def cell(v):
        if v is None or v is pd.NaT or (not isinstance(v, (str, list, tuple)) and pd.isna(v)):
            return ""
        if isinstance(v, pd.Timestamp):
            return f"{v:%Y-%m-%d}"
        if isinstance(v, bool) or type(v).__name__ == "bool_":
            return str(bool(v))
        if isinstance(v, float) or type(v).__name__.startswith("float"):
            return f"{v:,.3g}" if abs(v) < 1000 else f"{v:,.0f}"
        if isinstance(v, int) or type(v).__name__.startswith(("int", "uint")):
            return f"{int(v):,}"
        return str(v)

    def linked(text, urls):
        lines, addrs = text.split("\n"), str(urls or "").split("\n")
        out = []
        for i, line in enumerate(lines):
            u = addrs[i].strip() if i < len(addrs) else ""
            esc = _html.escape(line)
            if u.lower().startswith(("http://", "https://")):
                esc = (f'<a href="{_html.escape(u, quote=True)}" style="color:inherit;text-decoration:underline dotted" '
                       f'target="_blank" rel="noopener">{esc}</a>')
            out.append(esc)
        return "<br>".join(out)

    numeric = {c for c in shown if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])}
    th = "".join(f'<th style="text-align:{"right" if c in numeric else "left"}">{_html.escape(str(c))}</th>'
                 for c in shown)
    body = []
    for _, r in head.iterrows():
        tds = []
        for c in shown:
            text = cell(r[c])
            content = linked(text, r[links[c]]) if c in links else _html.escape(text).replace("\n", "<br>")
            align = "right" if c in numeric else "left"
            tds.append(f'<td style="text-align:{align};vertical-align:top;white-space:normal">{content}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    # the file's name only: beside the figures, and in the page's data/ folder (a path relative to the
    # notebook would be wrong on the page)
    csv = (f"<code>{_html.escape(name + '.csv')}</code>" if name is not None and folder is not None else "")
    note = ""
    if len(df) > max_rows:
        note = (f"<p>Showing {max_rows} of {len(df):,} rows; "
                + (f"all of them are in {csv}.</p>" if csv else "the rest are not shown.</p>"))
    elif csv:
        note = f"<p>All {len(df):,} rows, also in {csv}.</p>"
    table = (f'<table class="dataframe" style="table-layout:auto"><thead><tr>{th}</tr></thead>'
             f'<tbody>{"".join(body)}</tbody></table>')
    return HTML(table + note)


# --------------------------------------------------------------------------- corpus (notebook 01)
#: Rows of a long table shown in a notebook page; the full table goes to a CSV beside the figures.
TABLE_ROWS = 25


def corpus_overview(articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """One row per outlet (or ``by`` value): stories, files, first and last date, words (total and median).

    In: the articles table.  Out: a new DataFrame sorted by stories (most first), then name, with
    ``<by>, stories, files, first_published, last_published, words, median_words``; blank values
    are "(unknown outlet)".
    """
    from .figures import _names

    df = articles.assign(**{"_group": _names(group_values(articles, by)).to_numpy()})
    out = df.groupby("_group", sort=True).agg(
        stories=("article_id", "size"), files=("source", "nunique"),
        first_published=("published", "min"), last_published=("published", "max"),
        words=("n_words", "sum"), median_words=("n_words", "median"))
    out = out.reset_index().rename(columns={"_group": by})
    return out.sort_values(["stories", by], ascending=[False, True], kind="stable").reset_index(drop=True)


def cleaning_summary(report: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Lines removed per story and reason (skipped files listed under their file name).

    In: the cleaning report (and optionally the articles, to include stories
    with nothing removed).  Out: ``article_id, reason, lines`` sorted by
    article_id then reason.
    """
    rep = report.assign(article_id=report["article_id"].fillna(report["source"]))
    out = rep.groupby(["article_id", "reason"], sort=True).size().rename("lines").reset_index()
    if articles is not None:
        missing = sorted(set(articles["article_id"]) - set(out["article_id"]))
        out = pd.concat([out, pd.DataFrame({"article_id": missing, "reason": "(nothing removed)",
                                            "lines": 0})], ignore_index=True)
    return out.sort_values(["article_id", "reason"]).reset_index(drop=True)


def removed_lines_by_reason(report: pd.DataFrame) -> pd.DataFrame:
    """The lines cleaning removed or changed, one row per reason: how many, in how many stories, an example.

    In: the cleaning report.  Out: ``reason, lines, stories, example, example_story`` (the first
    line removed for that reason, shortened to 100 characters, and its story), most lines first.
    File- and row-level notes (``line_no`` 0) are not lines and are left out.
    """
    rem = report[report["line_no"] > 0]
    rows = []
    for reason, g in rem.groupby("reason", sort=True):
        first = g.iloc[0]
        rows.append({"reason": reason, "lines": len(g), "stories": g["article_id"].nunique(),
                     "example": textwrap.shorten(str(first["line"]), 100, placeholder=" …"),
                     "example_story": first["article_id"]})
    out = pd.DataFrame(rows, columns=["reason", "lines", "stories", "example", "example_story"])
    return out.sort_values(["lines", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True)


def show_table(table: pd.DataFrame, rows: int | None = None, title: str = "title", url: str = "url"):
    """A table as a reader sees it: a Styler, index hidden, text left-aligned, dates as YYYY-MM-DD,
    blanks for missing values, and each ``title`` a link to its ``url`` (http/https only) when the
    table has both columns (the url column is then hidden).

    In: a DataFrame and ``rows``: show only the first rows (None: all; pandas' own 10-row cut-off
    does not apply to a Styler).  Out: a pandas Styler; every cell is escaped (titles are data).
    """
    shown = (table if rows is None else table.head(rows)).reset_index(drop=True)
    linked = title in shown.columns and url in shown.columns

    def cell(i):
        text = "" if _is_null(shown.at[i, title]) else html.escape(str(shown.at[i, title]))
        link = "" if _is_null(shown.at[i, url]) else str(shown.at[i, url]).strip()
        if re.match(r"^https?://[^\s\"'<>]+$", link):
            return f'<a href="{html.escape(link, quote=True)}">{text or html.escape(link)}</a>'
        return text

    if linked:
        shown = shown.assign(**{title: [cell(i) for i in range(len(shown))]})
    plain = [c for c in shown.columns if not (linked and c == title)]
    dates = [c for c in shown.columns if pd.api.types.is_datetime64_any_dtype(shown[c])]

    def fmt(v):
        if _is_null(v):
            return ""
        if isinstance(v, pd.Timestamp):
            return v.strftime("%Y-%m-%d") if v == v.normalize() else v.strftime("%Y-%m-%d %H:%M")
        if isinstance(v, float):
            return f"{v:,.0f}" if v.is_integer() else f"{v:,.1f}"
        if isinstance(v, int) and not isinstance(v, bool):
            return f"{v:,}"
        return v

    sty = shown.style.hide(axis="index").format(fmt, subset=plain, escape="html")
    if dates:
        sty = sty.format(fmt, subset=dates)
    if linked:
        sty = sty.format(lambda v: v, subset=[title], escape=None).hide(subset=[url], axis="columns")
    return sty.set_table_styles([{"selector": "td, th", "props": [("text-align", "left")]}])


def _metadata_kind(corpus) -> str:
    """Where outlets and dates came from: "metadata.csv", "folder without metadata", "table" or "unknown"."""
    if corpus is None or isinstance(corpus, pd.DataFrame):
        return "table" if isinstance(corpus, pd.DataFrame) else "unknown"
    try:
        path = _resolve(corpus)
    except FileNotFoundError:
        return "unknown"
    if path.is_dir():
        return "metadata.csv" if (path / "metadata.csv").is_file() else "folder without metadata"
    return "table" if path.suffix.lower() in TABLE_SUFFIXES else "folder without metadata"


def _noun(by: str) -> str:
    return "outlets" if by == "outlet" else f"{by} groups"


def corpus_facts(articles: pd.DataFrame, report: pd.DataFrame, corpus=None, by: str = "outlet",
                 top: int | None = TOP_OUTLETS) -> dict:
    """The numbers the notebook's prose states about the corpus, computed from the data.

    In: the articles, their cleaning report, the corpus path (to say where outlets and dates
    came from), the comparison column and how many groups the figures name.  Out: a dict with
    ``stories, files, groups, unknown, dated, undated, first, last, span_days, largest,
    largest_n, small`` (groups with at most two stories), ``big`` (ten or more), ``top,
    other_groups, other_stories, removed_lines, removed_stories, top_reason, top_reason_lines,
    split_files, duplicates, skipped, metadata, evidence, by``.
    """
    values = group_values(articles, by) if len(articles) else pd.Series([], dtype=object)
    counts = values[values != ""].value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    named = len(order) if top is None else min(top, len(order))
    dates = articles["published"].dropna() if len(articles) else pd.Series([], dtype="datetime64[ns]")
    rem = report[report["line_no"] > 0]
    reasons = rem["reason"].value_counts()
    reasons = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    skipped = report["reason"].astype(str).str.match(r"(?:file|row) skipped|\d+ (?:line|row)\(s\) skipped")
    evidence = "evidence" in articles.columns and articles["evidence"].astype(str).str.strip().ne("").any()
    return {
        "stories": len(articles), "files": int(articles["source"].nunique()) if len(articles) else 0,
        "groups": len(order), "unknown": int((values == "").sum()),
        "dated": len(dates), "undated": len(articles) - len(dates),
        "first": dates.min() if len(dates) else None, "last": dates.max() if len(dates) else None,
        "span_days": int((dates.max() - dates.min()).days) if len(dates) else 0,
        "largest": order[0][0] if order else "", "largest_n": int(order[0][1]) if order else 0,
        "small": sum(1 for _, n in order if n <= 2), "big": sum(1 for _, n in order if n >= 10),
        "top": named, "other_groups": len(order) - named,
        "other_stories": int(sum(n for _, n in order[named:])),
        "removed_lines": len(rem), "removed_stories": int(rem["article_id"].nunique()),
        "top_reason": reasons[0][0] if reasons else "", "top_reason_lines": int(reasons[0][1]) if reasons else 0,
        "split_files": int((articles.groupby("source").size() > 1).sum()) if len(articles) else 0,
        "duplicates": int((articles["duplicate_of"] != "").sum()) if "duplicate_of" in articles else 0,
        "skipped": int(skipped.sum()), "metadata": _metadata_kind(corpus), "evidence": bool(evidence),
        "by": by,
    }


def _n(count: int, one: str, many: str | None = None) -> str:
    """"1 story", "3 stories": a count with its noun."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def corpus_prose(facts: dict) -> dict:
    """The bottom line and the caveats of the corpus notebook, written from :func:`corpus_facts`.

    Out: ``{"bottom_line": markdown text, "caveats": [markdown bullet texts]}``; a caveat appears
    only when it is true of this corpus (duplicates, splits, skipped files, a span of years, groups
    folded into "other …").
    """
    f = facts
    by, noun = f["by"], _noun(f["by"])
    when = (f", {f['dated']:,} dated, {f['first']:%B %Y} to {f['last']:%B %Y}" if f["dated"] else ", none dated")
    if f["groups"]:
        few = (f"each of the {f['groups']:,} {noun} has two or fewer" if f["small"] == f["groups"] else
               f"{f['small']:,} of the {f['groups']:,} {noun} have two or fewer")
        spread = f"; the largest {by}, {f['largest']}, has {_n(f['largest_n'], 'story', 'stories')}, and {few}"
    else:
        spread = f"; no story has a known {by}"
    removed = (f"Cleaning removed or changed {_n(f['removed_lines'], 'line')} in "
               f"{_n(f['removed_stories'], 'story', 'stories')} (most often: {f['top_reason']}, "
               f"{f['top_reason_lines']:,})" if f["removed_lines"] else "Cleaning removed no lines")
    split = (f"; {_n(f['split_files'], 'file')} carried more than one story" if f["split_files"] else "")
    source = {"metadata.csv": "`metadata.csv` beside the files",
              "table": "the table's own columns (`outlet` and `published`, or Media Cloud's `media_name` "
                       "and `publish_date`)",
              "folder without metadata": "nowhere: there is no `metadata.csv` beside the files",
              "unknown": "the corpus as given"}[f["metadata"]]
    blanks = [s for s in (f"{_n(f['unknown'], 'story', 'stories')} without {'an outlet' if by == 'outlet' else 'a ' + by}"
                          if f["unknown"] else "", f"{f['undated']:,} without a date" if f["undated"] else "") if s]
    bottom = (f"**Bottom line.** {_n(f['stories'], 'story', 'stories')} from {_n(f['files'], 'file')}{when}{spread}.\n"
              f"{removed}{split}; the other notebooks read these same cleaned stories, so what is said here "
              f"limits everything said there.\n"
              f"Outlets and dates come from {source}; a field nobody could establish is left blank, not guessed"
              + (f" ({' and '.join(blanks)})." if blanks else "."))
    cav = []
    if f["metadata"] == "metadata.csv":
        cav.append("**Outlets and dates are only as good as `metadata.csv`.** "
                   + ("They were established from evidence inside each file; its `evidence` column says what."
                      if f["evidence"] else "Nothing here checks them against the text."))
    elif f["metadata"] == "table":
        cav.append("**Outlets and dates are the table's own**, as its source gave them; nothing here checks them.")
    elif f["metadata"] == "folder without metadata":
        cav.append("**No `metadata.csv` beside the files**, so outlets and dates are unknown and every "
                   "comparison by outlet or date is empty.")
    if blanks:
        cav.append(f"**{' and '.join(blanks).capitalize()}**: left blank, not guessed; counted in the totals, "
                   f"in no {by}'s row.")
    cav.append("**Cleaning rules are general, not tuned to these files**, so on other sites' pages they can miss "
               "furniture they have not met (which then stays in the text and in every later count) or, rarely, "
               "remove a short unpunctuated line right under a headline that was real text. The tables above let "
               "a reader check every removal.")
    if f["groups"] and f["largest_n"] <= 2:
        cav.append(f"**{_n(f['stories'], 'story', 'stories')}, at most {f['largest_n']} per {by}, are a handful.** "
                   f"Differences between {noun} in the later notebooks describe these stories, not the {noun}' "
                   "coverage in general.")
    elif f["groups"]:
        cav.append(f"**{f['small']:,} of the {f['groups']:,} {noun} have two stories or fewer**, the largest "
                   f"({f['largest']}) {f['largest_n']:,}: a difference involving a small one describes a story or "
                   "two, not its coverage in general"
                   + (f"; {_n(f['big'], by if by != 'outlet' else 'outlet')} {'has' if f['big'] == 1 else 'have'} "
                      "ten or more." if f["big"] else "."))
    if f["other_groups"]:
        cav.append(f"**Figures name the {f['top']} {noun} with most stories**; the other {f['other_groups']:,} "
                   f"({_n(f['other_stories'], 'story', 'stories')}) are drawn grey as one group.")
    if f["span_days"] > 366:
        cav.append(f"**The stories span {f['span_days'] / 365.25:.0f} years ({f['first']:%Y}–{f['last']:%Y})**: "
                   "different events, so a count pooled over the whole corpus mixes them.")
    if f["duplicates"]:
        cav.append(f"**{_n(f['duplicates'], 'story repeats', 'stories repeat')} an earlier story's text** and "
                   f"{'is' if f['duplicates'] == 1 else 'are'} kept, flagged in `duplicate_of`: a reader decides "
                   "whether to count them twice.")
    if f["split_files"]:
        cav.append(f"**{_n(f['split_files'], 'file')} carried more than one story** and "
                   f"{'was' if f['split_files'] == 1 else 'were'} split where a headline was printed twice or had "
                   "a byline or dateline under it; the list above shows each.")
    if f["skipped"]:
        cav.append(f"**{_n(f['skipped'], 'file or row', 'files or rows')} could not be read** and are listed "
                   "in the table of problems above.")
    return {"bottom_line": bottom, "caveats": cav}
