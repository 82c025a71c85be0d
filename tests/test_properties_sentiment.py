"""Property tests for the sentiment views added for real corpora: differing_pairs, sentiment_prose,
whole_table, and the grouping by any column with the rest pooled."""
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import utils

_NAMES = ["A", "B", "C", "D", "E", "other outlets", "(unknown outlet)", "$5 <b>", ""]


@st.composite
def group_tables(draw):
    """A sentiment_summary-shaped table: groups with means, intervals (some NaN) and story counts."""
    n = draw(st.integers(0, 8))
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=n, max_size=n, unique=True))
    means = draw(st.lists(st.floats(-1, 1), min_size=n, max_size=n))
    halves = draw(st.lists(st.one_of(st.floats(0, 1), st.just(math.nan)), min_size=n, max_size=n))
    stories = draw(st.lists(st.integers(1, 40), min_size=n, max_size=n))
    return pd.DataFrame({"outlet": pd.Series(names, dtype=object), "stories": pd.Series(stories, dtype="int64"),
                         "n": pd.Series(stories, dtype="int64") * 3,
                         "mean_compound": pd.Series(means, dtype="float64"),
                         "ci_low": pd.Series(np.subtract(means, halves), dtype="float64"),
                         "ci_high": pd.Series(np.add(means, halves), dtype="float64")})


@settings(max_examples=60, deadline=None)
@given(group_tables())
def test_differing_pairs_are_apart_and_sorted(groups):
    pairs = utils.differing_pairs(groups)
    assert list(pairs.columns) == ["lower", "higher", "mean_lower", "mean_higher", "gap"]
    ok = groups.dropna(subset=["ci_low", "ci_high"])
    assert len(pairs) <= len(ok) * (len(ok) - 1) // 2
    by = ok.set_index("outlet")
    for r in pairs.itertuples():
        lo, hi = by.loc[r.lower], by.loc[r.higher]
        assert lo["ci_high"] < hi["ci_low"] or hi["ci_high"] < lo["ci_low"]
        assert r.mean_lower <= r.mean_higher and r.gap >= 0
    assert (np.diff(pairs["gap"].to_numpy()) <= 1e-12).all()


@settings(max_examples=60, deadline=None)
@given(group_tables(), group_tables(), st.booleans(), st.sampled_from(["outlet", "lean"]))
def test_sentiment_prose_always_gives_every_sentence(story, groups, rated, by):
    story = story.rename(columns={"outlet": "article_id"})
    groups = groups.rename(columns={"outlet": by})
    agreement = pd.DataFrame({"scorer": ["plain VADER", "all fixes (project)"], "r": [0.49, 0.51],
                              "n": [5190, 5190]}) if rated else None
    prose = utils.sentiment_prose(story, groups, by=by, agreement=agreement)
    assert set(prose) == {"bottom_line", "story_heading", "story_line", "group_heading", "group_line", "caveat"}
    assert all(isinstance(v, str) and v and "nan stories" not in v for v in prose.values())
    total = len(groups) * (len(groups) - 1) // 2
    assert f"{len(utils.differing_pairs(groups, by))} of {total} pairs" in prose["group_line"]
    assert ("r = 0.51" in prose["bottom_line"]) == rated


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=80), st.integers(0, 6))
def test_whole_table_keeps_every_row_and_text(texts, digits):
    df = pd.DataFrame({"text": pd.Series(texts, dtype=object), "x": np.arange(len(texts)) / 7})
    html = utils.whole_table(df, digits=digits, hide=["x", "absent"]).to_html()
    assert html.count("<tr>") == len(texts) + 1         # header + every row, none cut
    assert ">x<" not in html


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "q", "r", "s", ""]), st.sampled_from(["left", "right", None])),
                min_size=1, max_size=12), st.integers(1, 4))
def test_grouped_summaries_pool_the_rest_and_keep_every_sentence(stories, top):
    arts = pd.DataFrame({"article_id": [f"s{i}" for i in range(len(stories))],
                         "outlet": [o for o, _ in stories], "lean": [l for _, l in stories],
                         "text": ["Peace is good. War is bad." for _ in stories]})
    scored = utils.score_sentiment(utils.split_sentences(arts))
    for by in ("outlet", "lean"):
        out = utils.sentiment_summary(scored, arts, by=by, top=top, n_boot=10)
        assert out["n"].sum() == len(scored) and out["stories"].sum() == len(arts)
        named = [g for g in out[by] if g != utils.other_label(by) and not g.startswith("(unknown")]
        assert len(named) <= top
        assert utils.other_label(by) not in list(out[by])[:-1]        # the pooled rest comes last
