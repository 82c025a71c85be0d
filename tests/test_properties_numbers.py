"""Property tests for the troop-figure views added for real corpora: grouping, periods, bounded tables."""
import html as _html

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import utils  # noqa: E402

PLACES = ["Syria", "Iraq", "Afghanistan", "Germany"]
HEDGE_WORDS = ["About ", "More than ", "Nearly ", "Up to ", "At least ", "Fewer than ", ""]
DATES = st.one_of(st.just(pd.NaT), st.datetimes(min_value=pd.Timestamp("2000-01-01").to_pydatetime(),
                                                max_value=pd.Timestamp("2030-12-31").to_pydatetime()))
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@st.composite
def corpora(draw):
    """Stories with troop figures and time frames, outlets and leans that may be blank, any dates."""
    n = draw(st.integers(1, 12))
    rows = []
    for i in range(n):
        k = draw(st.integers(0, 3))
        text = " ".join(f"{draw(st.sampled_from(HEDGE_WORDS))}{draw(st.integers(1, 10**6)):,} U.S. troops are in "
                        f"{draw(st.sampled_from(PLACES))}." for _ in range(k))
        if draw(st.booleans()):
            text += " They will withdraw within 30 days."
        rows.append({"article_id": f"a{i}", "source": "x", "part": 1, "outlet": draw(st.sampled_from(["A", "B", "", "C $"])),
                     "published": draw(DATES), "title": draw(TEXT), "text": text or "Nothing.",
                     "url": draw(st.sampled_from(["", "https://example.org/x?a=1&b=<2>"])),
                     "lean": draw(st.sampled_from(["left", "right", ""])), "n_words": 3, "n_paragraphs": 1})
    df = pd.DataFrame(rows)
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[ns]")
    return df


@settings(max_examples=8, deadline=None)
@given(corpora(), st.sampled_from(["outlet", "lean"]), st.sampled_from([None, 1, 12]),
       st.sampled_from(["auto", "all", "quarter", "year"]))
def test_views_by_any_column_top_and_period(articles, by, top, period):
    """figures_by_place, figure_agreement, timelines_by_outlet, agreement_statements, the three plots
    and period_phrase: the group column named ``by``, at most ``top`` named groups, every figure within
    one place and period; the plots draw without raising and stay within MAX_PX."""
    figs = utils.extract_figures(articles)
    table = utils.figures_by_place(figs["troops"], articles, by=by, top=top, period=period)
    assert by in table.columns and int(table["mentions"].sum()) == int((figs["troops"]["actor"] == "us").sum())
    named = set(table[by]) - {f"other {by}s", "(unknown outlet)"}
    assert top is None or len(named) <= top
    agree = utils.figure_agreement(figs["troops"], articles, by=by, top=top, period=period)
    assert (agree["sentences"].str.count("\n") == agree["urls"].str.count("\n")).all()
    assert set(agree["period"]) <= set(utils.period_labels(articles["published"], period))
    assert all(isinstance(s, str) for s in utils.agreement_statements(agree, by=by, max_places=2))
    frames = utils.timelines_by_outlet(figs["timelines"], articles, by=by, top=top, period=period)
    assert len(frames) == len(figs["timelines"]) and by in frames.columns
    phrase = utils.period_phrase(articles, period)
    assert phrase.startswith(("within ", "across the whole corpus"))
    colors = utils.group_colors(articles[by], top if top is not None else 12, by)
    for fig, _ in (utils.plot_figures_by_place(table, colors, by=by),
                   utils.plot_figures_over_time(figs["troops"], articles, colors, by=by, top=top, period=period),
                   utils.plot_timelines(frames, colors, by=by)):
        fig.canvas.draw()
        w, h = fig.get_size_inches() * fig.dpi
        assert max(w, h) <= utils.MAX_PX
        plt.close(fig)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TEXT, st.integers(-10**6, 10**6), st.sampled_from(["", "https://e.org/<a>", "javascript:x"])),
                max_size=30), st.integers(1, 20))
def test_bounded_table_escapes_and_bounds(rows, max_rows):
    """bounded_table: at most ``max_rows`` body rows, every cell escaped, only http(s) addresses linked."""
    df = pd.DataFrame(rows, columns=["text", "n", "url"])
    out = utils.bounded_table(df, max_rows=max_rows, links={"text": "url"}).data
    assert out.count("<tr>") == 1 + min(len(df), max_rows)
    assert "<a href=\"javascript" not in out and "<script" not in out.lower()
    for t in df["text"].head(max_rows):
        for line in t.split("\n"):
            assert _html.escape(line) in out
    assert ("Showing" in out) == (len(df) > max_rows)
