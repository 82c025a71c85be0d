"""Troop figures, casualties and time frames: exact rows on the seeds and on sentences written here.

The troop-figure gold of the seeds and of the tricky sentences (tests/fixtures/) is checked row by
row by test_fixtures.py."""
import pandas as pd
import pytest

import utils


def _story(text: str, aid: str = "x") -> pd.DataFrame:
    return pd.DataFrame({"article_id": [aid], "text": [text]})


def _rows(df: pd.DataFrame, cols=("span", "low", "high", "hedge", "actor", "place")) -> list:
    return [tuple(r) for r in df[list(cols)].astype(object).itertuples(index=False)]


def _troops(text: str) -> list:
    return _rows(utils.extract_troop_mentions(_story(text)))


# ---------------------------------------------------------------- the seed stories
@pytest.fixture(scope="module")
def seed_troops(articles):
    return utils.extract_troop_mentions(articles)


def test_seed_spans_and_offsets_point_into_the_story_text(articles, seed_troops):
    texts = dict(zip(articles["article_id"], articles["text"]))
    for r in seed_troops.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.span
        assert r.span in r.sentence
        assert r.paragraph == [i for i, p in enumerate(texts[r.article_id].split("\n\n"))
                               if r.span in p][0]


def test_seed_figure_columns_and_types(seed_troops):
    assert list(seed_troops.columns) == utils.TROOP_COLUMNS
    assert str(seed_troops["low"].dtype) == "Int64"
    assert seed_troops["hedge"].isin(utils.HEDGES).all()


def test_empty_input_gives_empty_frames_with_all_columns():
    empty = _story("Nothing to count here.")
    for fn, cols in ((utils.extract_troop_mentions, utils.TROOP_COLUMNS),
                     (utils.extract_casualties, utils.CASUALTY_COLUMNS),
                     (utils.extract_timelines, utils.TIMELINE_COLUMNS)):
        out = fn(empty)
        assert out.empty and list(out.columns) == cols
        assert str(out["low"].dtype) == "Int64"


def test_input_is_not_mutated_and_rows_do_not_depend_on_the_batch(articles):
    before = articles.copy()
    whole = utils.extract_troop_mentions(articles)
    one = utils.extract_troop_mentions(articles.iloc[[2]])
    pd.testing.assert_frame_equal(articles, before)
    part = whole[whole["article_id"] == articles["article_id"].iloc[2]].reset_index(drop=True)
    pd.testing.assert_frame_equal(one, part)


# ---------------------------------------------------------------- number parsing
@pytest.mark.parametrize("phrase, value", [
    ("2,000", (2000, 2000)), ("5k", (5000, 5000)), ("1.5 million", (1_500_000, 1_500_000)),
    ("two thousand", (2000, 2000)), ("seven thousand", (7000, 7000)), ("a dozen", (12, 12)),
    ("several hundred", (300, 900)), ("two hundred and fifty", (250, 250)),
    ("twenty-nine", (29, 29)), ("2000", (2000, 2000)), ("2,000 troops", None), ("hundreds of", (200, 900)), ("tens of thousands of", (20_000, 90_000)),
])
def test_parse_number(phrase, value):
    assert utils.parse_number(phrase) == value


def test_ranges_and_from_to_pairs():
    assert _troops("The Pentagon wants 2 to 3 thousand troops in Iraq.") == [
        ("2 to 3 thousand troops", 2000, 3000, "exact", "us", "Iraq")]
    assert _troops("Troop numbers in Iraq will fall from roughly 5,200 to 3,000.") == [
        ("roughly 5,200", 5200, 5200, "about", "us", "Iraq"), ("3,000", 3000, 3000, "exact", "us", "Iraq")]


def test_figures_inside_quotations_are_flagged():
    out = utils.extract_troop_mentions(_story(
        "“We have 2,000 troops in Syria,” he said. Another 500 troops are in Jordan."))
    assert out[["low", "quoted"]].values.tolist() == [[2000, True], [500, False]]


def test_place_from_the_story_context_uses_the_latest_country_before_the_figure():
    text = ("Trump spoke about Iraq.\n\nHe then turned to Afghanistan, where the war goes on.\n\n"
            "The 8,400 troops there will stay.")
    assert _troops(text) == [("8,400 troops", 8400, 8400, "exact", "us", "Afghanistan")]


# ---------------------------------------------------------------- casualties
def test_casualties_go_to_their_own_table_and_never_to_troops():
    text = ("About 2,300 US service members have died in Afghanistan since 2001. "
            "Twenty-nine were injured in the attack. The bombing killed 13 US troops at Kabul airport. "
            "About 2,500 troops remain in Afghanistan.")
    assert _troops(text) == [("About 2,500 troops", 2500, 2500, "about", "us", "Afghanistan")]
    cas = utils.extract_casualties(_story(text))
    assert _rows(cas, ("span", "low", "hedge", "kind", "who")) == [
        ("About 2,300 US service members", 2300, "about", "death", "service members"),
        ("Twenty-nine", 29, "exact", "injury", ""),
        ("13 US troops", 13, "exact", "death", "troops"),
    ]


def test_seed_casualties(articles):
    cas = utils.extract_casualties(articles)
    assert _rows(cas, ("article_id", "span", "low", "high", "kind")) == [
        ("001_7df7893154ea7ee7-1", "hundreds of thousands of civilians", 200_000, 900_000, "death"),
        ("004_ad856336adfc54f5-1", "hundreds of thousands of people", 200_000, 900_000, "death"),
    ]


# ---------------------------------------------------------------- time frames
def _timelines(text):
    return _rows(utils.extract_timelines(_story(text)), ("span", "low", "high", "unit"))


def test_timelines_from_the_issue():
    na = pd.NA
    assert _timelines("Trump wants all troops out of Syria within six months.") == [
        ("within six months", 6, 6, "month")]
    assert _timelines("Washington aimed to withdraw troops within 60 to 100 days.") == [
        ("within 60 to 100 days", 60, 100, "day")]
    assert _timelines("The State Department is evacuating its personnel within 24 hours.") == [
        ("within 24 hours", 24, 24, "hour")]
    got = _timelines("Trump ordered 7,000 troops to return home within weeks.")
    assert len(got) == 1 and got[0][0] == "within weeks" and got[0][1] is na and got[0][3] == "week"
    assert _timelines("The Pentagon announced a 30-day withdrawal from northern Syria.") == [
        ("30-day withdrawal", 30, 30, "day")]


def test_more_ways_of_saying_a_withdrawal_time_frame():
    assert _timelines("The Pentagon has 135 days to reduce troop levels to 8,600.") == [("135 days", 135, 135, "day")]
    got = _timelines("Troops will be withdrawn in a matter of weeks.")
    assert len(got) == 1 and got[0][0] == "in a matter of weeks" and got[0][3] == "week"
    assert _timelines("The US will pull out its troops over the course of a year.") == [
        ("over the course of a year", 1, 1, "year")]
    assert _timelines("The US agreed to withdraw its troops within 14 months, and within the first 135 days "
                      "to reduce them to 8,600.") == [("within 14 months", 14, 14, "month"),
                                                    ("within the first 135 days", 135, 135, "day")]
    assert _timelines("The withdrawal of U.S. troops could take as long as a year.") == [
        ("take as long as a year", 1, 1, "year")]
    assert _timelines("US troops would leave Iraq under a two-year plan.") == [("two-year plan", 2, 2, "year")]
    assert _timelines("The Kurds have 120 hours to pull back from the border zone.") == [("120 hours", 120, 120, "hour")]
    assert _timelines("They began a phased pullout of troops lasting 14 months.") == [("lasting 14 months", 14, 14, "month")]
    assert _timelines("Troops withdrew last year, and the last four years were hard.") == []
    assert _timelines("The withdrawal of the troops is to be completed in a year or less.") == [("in a year", 1, 1, "year")]
    assert _timelines("US troops would leave in under a year.") == [("in under a year", 1, 1, "year")]
    assert _timelines("For the first time in a year, troops withdrew.") == []
    # the first months of a year are a date, not a length
    assert _timelines("As the troops began a withdrawal, 215 soldiers were killed in the first six months "
                      "of the year.") == []


def test_ages_of_wars_and_dates_are_not_timelines():
    assert _timelines("They are fighting in the seven-year-old war, which began in 2011.") == []
    assert _timelines("Two weeks ago the general said troops would leave Syria.") == []
    assert _timelines("US troops have fought in Afghanistan for 18 years of war.") == []
    assert _timelines("Without us you wouldn't last two weeks.") == []


def test_seed_timelines(articles):
    got = _rows(utils.extract_timelines(articles), ("article_id", "span", "low", "high", "unit"))
    na = pd.NA
    assert [(a[:3], s, lo if lo is not na else None, hi if hi is not na else None, u)
            for a, s, lo, hi, u in got] == [
        ("000", "within six months", 6, 6, "month"),
        ("000", "within six months", 6, 6, "month"),
        ("002", "within 60 to 100 days", 60, 100, "day"),
        ("002", "within 60 to 100 days", 60, 100, "day"),
        ("002", "within 24 hours", 24, 24, "hour"),
        ("002", "within weeks", None, None, "week"),
        ("003", "in the next three years", 3, 3, "year"),
        ("003", "take years", None, None, "year"),
        ("004", "within 24 hours", 24, 24, "hour"),
        ("004", "between 60 to 100 days", 60, 100, "day"),
    ]


def test_extract_figures_gives_the_three_tables_in_one_pass(articles, sentences):
    both = utils.extract_figures(articles, sentences=sentences)
    pd.testing.assert_frame_equal(both["troops"], utils.extract_troop_mentions(articles))
    pd.testing.assert_frame_equal(both["casualties"], utils.extract_casualties(articles))
    pd.testing.assert_frame_equal(both["timelines"], utils.extract_timelines(articles))


# ---------------------------------------------------------------- notebook helpers
def test_figures_by_place_on_the_seeds(articles, seed_troops):
    table = utils.figures_by_place(seed_troops, articles)
    syria = table[table["place"] == "Syria"]
    assert syria[["outlet", "figure", "mentions"]].values.tolist() == [
        ["(unknown outlet)", "2,000", 1], ["Asharq Al-Awsat", "about 2,000", 2],
        ["Daily Express", "about 2,000", 1], ["USA Today", "more than 2,000", 1]]
    assert set(table["place"]) == {"Afghanistan", "Germany", "Iraq", "Syria"}   # US troops only
    assert len(utils.figures_by_place(seed_troops, articles, actors=None)) == len(table) + 2


def test_figure_agreement_and_statements_on_the_seeds(articles, seed_troops):
    agree = utils.figure_agreement(seed_troops, articles)
    assert agree[["place", "figure", "outlets", "same_hedge"]].values.tolist() == [
        ["Afghanistan", "7,000", 1, True], ["Afghanistan", "14,000", 1, True],
        ["Germany", "12,000", 1, True], ["Iraq", "5,000", 1, True], ["Syria", "2,000", 4, False]]
    syria = agree.iloc[-1]
    assert syria["hedges"] == ("(unknown outlet): exact; Asharq Al-Awsat: about; "
                               "Daily Express: about; USA Today: more_than")
    assert syria["sentences"].count("\n") == 4          # five sentences behind the four outlets
    assert syria["urls"] == "\n\n\n\n"                  # the seeds carry no url: five blank lines
    assert list(agree["period"]) == ["2018", "2018", "2020", "2020", "2018"]   # seeds span 2018-2025: years
    lines = utils.agreement_statements(agree)
    assert lines[-1].startswith("**Syria, 2018** — the 4 outlets agree on the number: 4 outlets give 2,000 but")
    assert lines[-1].endswith("Daily Express: about; USA Today: more than).")
    assert lines[0] == ("**Afghanistan, 2018** — only Daily Express gives a figure (7,000 (exact), "
                        "14,000 (exact)); nothing to compare it with.")
    one = utils.figure_agreement(seed_troops, articles, period="all")
    assert set(one["period"]) == {"all dates"}
    assert utils.agreement_statements(one)[-1].startswith("**Syria** — the 4 outlets")


def test_figure_label():
    assert utils.figure_label(2000, 2000, "more_than") == "more than 2,000"
    assert utils.figure_label(20000, 30000) == "20,000–30,000"


def test_timelines_by_outlet_in_days(articles):
    frames = utils.timelines_by_outlet(utils.extract_timelines(articles), articles)
    rows = {(o, s): (lo, hi) for o, s, lo, hi in
            frames[["outlet", "span", "low_days", "high_days"]].itertuples(index=False)}
    assert rows[("(unknown outlet)", "within six months")] == (182.4, 182.4)
    assert list(frames.columns[:3]) == ["outlet", "period", "story_outlet"]
    assert rows[("Asharq Al-Awsat", "between 60 to 100 days")] == (60.0, 100.0)
    assert rows[("Asharq Al-Awsat", "within 24 hours")] == (1.0, 1.0)
    assert all(pd.isna(v) for v in rows[("Daily Express", "within weeks")])
    assert len(frames) == 10


def test_blind_spots_count_context_places(seed_troops):
    blind = utils.extraction_blind_spots(seed_troops).set_index("what")["figures"]
    assert blind["place taken from the story's context"] == 4
    assert (seed_troops["place_from"] == "paragraph").sum() == 1
    assert blind["place named in the sentence"] == 6
    assert blind["inside a quotation"] == 0


def test_one_pass_cache_serves_the_same_frames_only(articles, sentences):
    first = utils.extract_troop_mentions(articles, sentences=sentences)
    again = utils.extract_troop_mentions(articles, sentences=sentences)
    assert again is not first
    pd.testing.assert_frame_equal(first, again)
    again.loc[:, "place"] = "changed"               # a caller's edits never reach the cache
    pd.testing.assert_frame_equal(first, utils.extract_troop_mentions(articles, sentences=sentences))
    part = sentences[sentences["article_id"] == articles["article_id"].iloc[2]]
    assert set(utils.extract_troop_mentions(articles, sentences=part)["article_id"]) == {
        articles["article_id"].iloc[2]}


@pytest.mark.parametrize("text, want", [
    ("Trump said the troops would be home within 30 days.", [("within 30 days", 30, 30, "day")]),
    ("The withdrawal will be completed over the next 120 days, officials said.",
     [("over the next 120 days", 120, 120, "day")]),
    ("US forces will leave Afghanistan in the coming months.",
     [("in the coming months", None, None, "month")]),
    ("The Pentagon has been given a 90-day deadline to draw down forces.",
     [("90-day deadline", 90, 90, "day")]),
    ("The pullout is expected to take four to six weeks.", [("take four to six weeks", 4, 6, "week")]),
    ("The troops will leave within a year, the president said.", [("within a year", 1, 1, "year")]),
    ("Turkey gave the Kurdish fighters 120 hours to withdraw from the border zone.",
     [("120 hours", 120, 120, "hour")]),
    ("The deal has given the fighters 150 hours starting at noon Wednesday — meaning, until Tuesday at "
     "6 p.m. — to withdraw from the border.", [("150 hours", 150, 150, "hour")]),
    ("They gave him three days to think about it.", []),
    ("Iraqi officials said U.S. troops would have four weeks to stay in Iraq before they have to leave.",
     [("four weeks", 4, 4, "week")]),
    ("Biden set a Sept. 11 deadline for the withdrawal.", []),
    ("US troops have been in Afghanistan for nearly two decades.", []),
    ("The 18-year war cost more than $2 trillion.", []),
])
def test_timeline_phrasings(text, want):
    got = [tuple(None if pd.isna(v) else v for v in row) for row in _timelines(text)]
    assert got == want


# ---------------------------------------------------------------- fast paths = plain rules
_TRICKY_TEXT = ("Someone said ONE thousand troops, (two hundred) Marines and a threat of "
                "Seventeen fighters left; often tension rose near McSyria, U.S.-Iraq and "
                "South Korea_Iraq, in Iraq’s north, 2Syria and Syrians' bases.")


def test_fast_number_tests_agree_with_the_plain_regexes(articles):
    import re
    from withdrawals import numbers as N

    texts = list(articles["text"]) + [_TRICKY_TEXT]
    checked = 0
    for text in texts:
        for s in re.split(r"(?<=[.;])\s+", text):
            low = s.lower()
            assert N._has_digit(low) == (N._DIGIT_ANY.search(s) is not None)
            assert N._word_flag(s, 0, len(s), low) == bool(
                N._has_number_word(low) and N._NWORD_ANY.search(s)), s
            checked += 1
    assert checked > 100
    assert N._word_flag("ONE and Seventeen", 0, 17, "one and seventeen") is True
    assert N._word_flag("ONE", 0, 3, "one") is False


def test_country_mentions_match_a_scan_of_every_capitalised_word(articles):
    """The one-regex scan of _Story.countries gives what a word-by-word scan gives."""
    from withdrawals import numbers as N

    def by_word(text, lo, hi):
        out, n = [], len(text)
        for m in N._CAP_RE.finditer(text, lo, hi):
            a = m.start()
            if a and (text[a - 1].isalnum() or text[a - 1] in ".-"):
                continue
            for name, c, dem in N._COUNTRY_BY_FIRST.get(m.group(0), ()):
                b = a + len(name)
                if text.startswith(name, a) and (b >= n or not (text[b].isalnum()
                                                                or text[b] == "-")):
                    out.append((a, b, c, dem))
                    break
        return out

    for text in list(articles["text"]) + [_TRICKY_TEXT]:
        story = N._Story(text)
        for lo, hi in [(0, len(text)), (3, len(text) // 2), (len(text) // 3, len(text) - 7)]:
            assert story.countries(lo, hi) == by_word(text, lo, hi)
    got = [c for _, _, c, _ in N._Story(_TRICKY_TEXT).countries(0, len(_TRICKY_TEXT))]
    # not "McSyria", "U.S.-Iraq" or "2Syria"; "South Korea" and its "Korea" both count
    assert got == ["South Korea", "South Korea", "Iraq", "Iraq", "Syria"]


def test_leaving_cue_is_the_time_frame_cue_list():
    """A frame not after "within" counts in a sentence with a cue of lexicon/timeframe_cues.csv, any kind."""
    from withdrawals import numbers as N

    for s in ["They will PULL the last troops BACK.", "the Winding Down", "to End Its Mission",
              "Nearly all troops have been removed.", "The time frame is unclear."]:
        assert N._ANY_FRAME_CUE.search(s), s
    for s in ["a homeland", "no cue here at all", "Outcome", "shortcut", "the State Department"]:
        assert not N._ANY_FRAME_CUE.search(s), s
    frames = N.extract_timelines(pd.DataFrame({"article_id": ["c"], "text": [
        "Nearly all U.S. troops there have been removed and will be redeployed in the region in the "
        "coming weeks."]}))
    assert frames[["span", "kind"]].values.tolist() == [["in the coming weeks", "other"]]


def test_capital_named_as_a_government_is_not_the_place():
    text = ('"We are not leaving Iraq," the secretary said.\n\n"This is exactly what Tehran wanted," '
            'a senator said.\n\nAn official said about 2,500 troops would remain.')
    arts = pd.DataFrame({"article_id": ["g-1"], "text": [text]})
    row = utils.extract_troop_mentions(arts).iloc[0]
    assert (row["low"], row["hedge"], row["place"], row["place_from"]) == (2500, "about", "Iraq", "context")


# ---------------------------------------------------------------- grouping, periods, scale
def _corpus(rows) -> pd.DataFrame:
    """Articles from (outlet, published, lean, text) tuples."""
    a = pd.DataFrame(rows, columns=["outlet", "published", "lean", "text"])
    a.insert(0, "article_id", [f"a{i}" for i in range(len(a))])
    return a.assign(source="x", part=1, title=[f"Story {i}" for i in range(len(a))],
                    url=[f"https://example.org/{i}" for i in range(len(a))],
                    published=pd.to_datetime(a["published"]), n_words=5, n_paragraphs=1)


_FOUR = [("A", "2014-03-01", "left", "About 2,000 U.S. troops are in Iraq."),
         ("B", "2014-05-01", "right", "More than 2,000 U.S. troops are in Iraq."),
         ("C", "2020-01-10", "left", "Some 2,000 U.S. troops are in Iraq."),
         ("D", "2020-02-01", "left", "5,000 U.S. troops are in Iraq.")]


def test_agreement_is_within_a_place_and_a_period():
    a = _corpus(_FOUR)
    agree = utils.figure_agreement(utils.extract_troop_mentions(a), a)
    assert agree[["place", "period", "figure", "outlets", "outlets_list"]].values.tolist() == [
        ["Iraq", "2014", "2,000", 2, "A, B"], ["Iraq", "2020", "2,000", 1, "C"],
        ["Iraq", "2020", "5,000", 1, "D"]]
    assert agree["urls"].tolist() == ["https://example.org/0\nhttps://example.org/1",
                                      "https://example.org/2", "https://example.org/3"]
    whole = utils.figure_agreement(utils.extract_troop_mentions(a), a, period="all")
    assert whole[["figure", "outlets"]].values.tolist() == [["2,000", 3], ["5,000", 1]]
    assert utils.period_phrase(a) == "within years, since the stories span 2014–2020"
    assert utils.period_phrase(a.iloc[:2]) == "across the whole corpus, since the stories span March 2014 to May 2014"
    assert utils.period_phrase(a, "quarter") == 'within quarters, as asked (PERIOD = "quarter")'
    assert utils.period_phrase(a.assign(published=pd.NaT)) == (
        "across the whole corpus, since no story carries a date")


def test_comparison_by_another_column_and_the_top_groups():
    a = _corpus(_FOUR)
    t = utils.extract_troop_mentions(a)
    lean = utils.figure_agreement(t, a, by="lean", period="all")
    assert lean[["figure", "outlets", "outlets_list", "story_outlets"]].values.tolist() == [
        ["2,000", 2, "left, right", "A, B, C"], ["5,000", 1, "left", "D"]]
    assert lean["sentences"].iloc[0].splitlines()[0] == "left · A: About 2,000 U.S. troops are in Iraq."
    assert utils.agreement_statements(lean, by="lean")[0].endswith(
        "only the left lean (D) gives 5,000 (exact).")
    top1 = utils.figures_by_place(t, a, top=1, period="all")           # ties: alphabetical, so A is named
    assert top1[["outlet", "figure", "n_outlets"]].values.tolist() == [
        ["A", "about 2,000", 1], ["other outlets", "about 2,000", 1], ["other outlets", "more than 2,000", 1],
        ["other outlets", "5,000", 1]]
    statements = utils.agreement_statements(utils.figure_agreement(t, a, top=1, period="all"))
    # outlets are counted one by one, also those grouped as "other outlets" (A, B, C give 2,000; D 5,000)
    assert statements == ["**Iraq** — 4 outlets share some figures and not others: 3 outlets give 2,000 "
                          "but word it differently (A: about; other outlets: more than, about); "
                          "only D (other outlets) gives 5,000 (exact)."]
    frames = utils.timelines_by_outlet(utils.extract_timelines(_story("They will withdraw within 30 days.", "a0")),
                                       a, by="lean")
    assert frames[["lean", "story_outlet", "low_days"]].astype(object).values.tolist() == [["left", "A", 30.0]]
    with pytest.raises(ValueError, match="'country' is not a column"):
        utils.figures_by_place(t, a, by="country")


def test_every_hedge_has_its_own_marker():
    from withdrawals import plots_numbers

    assert set(plots_numbers._HEDGE_MARKERS) == set(utils.HEDGES)
    assert len(set(plots_numbers._HEDGE_MARKERS.values())) == len(utils.HEDGES)


def test_log_ticks_thin_out_until_the_labels_fit():
    from withdrawals.plots_numbers import _log_ticks

    assert _log_ticks(1, 2_000_000, 16.0) == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000,
                                             10000, 20000, 50000, 100000, 200000, 500000, 1000000, 2000000]
    assert _log_ticks(1, 2_000_000, 6.0) == [1, 10, 100, 1000, 10000, 100000, 1000000]
    assert _log_ticks(1, 2_000_000, 3.0) == [1, 1000, 1000000]
    assert _log_ticks(1500, 3000, 6.0) == [2000]
    assert _log_ticks(1, 1_000_000, 2.0, axis="y") == [1, 100, 10000, 1000000]


def _big_corpus(n_stories=600, n_outlets=60):
    """600 stories from 60 outlets over eight years, with figures for ten places and time frames."""
    places = ["Syria", "Iraq", "Afghanistan", "Germany", "South Korea", "Kuwait", "Niger", "Poland",
              "Japan", "Qatar"]
    hedges = ["About ", "More than ", "Nearly ", "Up to ", "At least ", "Fewer than ", ""]
    numbers = [2000, 2500, 5000, 14000, 200, 30000, 1000000, 3, 900]
    frames = ["within 30 days", "within six months", "within weeks", "within a year", "within 120 days"]
    rows = []
    for i in range(n_stories):
        text = " ".join(f"{hedges[(i + k) % 7]}{numbers[(i * 7 + k) % 9]:,} U.S. troops are in "
                        f"{places[(i * 3 + k) % 10]}, officials said." for k in range(1 + i % 3))
        if i % 3 == 0:
            text += f" The withdrawal will be complete {frames[i % 5]}, the Pentagon said."
        name = f"Outlet number {i % n_outlets:02d}" + (" with a name long enough to wrap" if i % n_outlets % 7 == 0 else "")
        rows.append((name, pd.Timestamp("2012-01-01") + pd.Timedelta(days=(i * 53) % 2900), "left", text))
    return _corpus(rows)


def test_figures_stay_bounded_and_name_the_top_outlets_on_600_stories(tmp_path):
    from PIL import Image

    utils.set_style()
    a = _big_corpus()
    figs = utils.extract_figures(a)
    colors = utils.outlet_colors(utils.outlet_names(a))
    out = {"places": utils.plot_figures_by_place(utils.figures_by_place(figs["troops"], a), colors),
           "time": utils.plot_figures_over_time(figs["troops"], a, colors),
           "frames": utils.plot_timelines(utils.timelines_by_outlet(figs["timelines"], a), colors)}
    sizes = {}
    for name, (fig, data) in out.items():
        sizes[name] = Image.open(utils.save_figure(fig, data, name, tmp_path)).size
    assert all(max(s) <= utils.MAX_PX for s in sizes.values()), sizes
    rows = out["frames"][1]
    named = set(utils.top_groups(utils.outlet_names(a))) & set(rows["story_outlet"])
    assert set(rows["outlet"]) == named | {"other outlets"} and len(named) == 4
    assert rows["story_outlet"].nunique() == 20          # every third story has a frame: 20 of 60 outlets
    labels = [t.get_text() for t in out["frames"][0].axes[0].get_yticklabels()]
    assert labels[-1] == "other outlets (" + str((rows["outlet"] == "other outlets").sum()) + ")"


def test_bounded_table_shows_the_top_rows_whole_and_writes_the_csv(tmp_path):
    df = pd.DataFrame({"what": ["<b>x</b>: a sentence " * 5] + [f"row {i}" for i in range(19)],
                       "n": range(20), "url": ["https://example.org/a"] + [""] * 19})
    html = utils.bounded_table(df, "t", tmp_path, max_rows=3, links={"what": "url"}).data
    assert html.count("<tr>") == 4                                     # the header and three rows
    assert "&lt;b&gt;x&lt;/b&gt;: a sentence " * 5 in html                # whole, escaped
    assert '<a href="https://example.org/a"' in html and ">url<" not in html
    assert '<th style="text-align:left">what</th><th style="text-align:right">n</th>' in html
    assert "Showing 3 of 20 rows; all of them are in <code>t.csv</code>." in html
    assert pd.read_csv(tmp_path / "t.csv").shape == (20, 3)
    short = utils.bounded_table(df.head(2), max_rows=3).data
    assert short.count("<tr>") == 3 and "Showing" not in short


def test_row_records_name_the_table_columns():
    """The figure finder's row records are the tables' column contracts, field for field."""
    from withdrawals import numbers
    assert list(numbers.TroopRow._fields) == numbers.TROOP_COLUMNS
    assert list(numbers.CasualtyRow._fields) == numbers.CASUALTY_COLUMNS


def test_a_bare_number_before_deployed_counts_the_sentences_troops():
    rows = _troops("The general said more Afghan soldiers above the 8,500 still deployed in Kandahar province "
                   "were needed.")
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [(8500, 8500, "exact", "local")]
    assert _troops("The general said more troops above the 8,500 stationed in Afghanistan were needed.")[0][1:] \
        == (8500, 8500, "exact", "us", "Afghanistan")
    # no troop noun and no figure: nothing
    assert _troops("The 2,000 stationed there will go home.") == []


def test_troops_sent_away_for_treatment_are_casualties():
    story = _story("Eight service members have been transferred to the U.S. for treatment. About 2,500 "
                   "troops remain in Iraq.")
    assert _rows(utils.extract_troop_mentions(story), ("low", "place")) == [(2500, "Iraq")]
    cas = utils.extract_casualties(story)
    assert cas[["low", "kind"]].values.tolist() == [[8, "injury"]]


def test_the_subject_army_under_its_leader_owns_the_figure():
    rows = _troops("Iraq's military under President Kamal Dar boasted an estimated 430,000 soldiers when the war began.")
    assert [(r[1], r[3], r[4]) for r in rows] == [(430000, "about", "local")]
    # a figure joined by "and another" has the actor of the one before it
    rows = _troops("Iraq's military under President Kamal Dar boasted an estimated 430,000 soldiers and another "
                   "400,000 personnel in paramilitary units when the war began.")
    assert [(r[1], r[4]) for r in rows] == [(430000, "local"), (400000, "local")]


def test_troops_advising_a_countrys_army_are_in_that_country():
    rows = _troops("Some predict that more than the 3,000 troops now advising the Iraqi military on its offensives "
                   "will have to be deployed in Syria.")
    assert [(r[1], r[5]) for r in rows] == [(3000, "Iraq")]
    # a place right after the figure comes first
    rows = _troops("The 2,000 troops in Kuwait training the Iraqi army will stay.")
    assert [(r[1], r[5]) for r in rows] == [(2000, "Kuwait")]


def test_a_couple_hundred_is_about_two_hundred():
    rows = _troops("On his orders, a couple hundred American troops have been removed from two outposts in Syria.")
    assert [(r[1], r[2], r[3]) for r in rows] == [(200, 200, "about")]


def test_both_countries_are_the_two_named_last():
    rows = _troops("ISIS was beaten in Iraq and in Syria last year.\n\nThe group still commands perhaps as many as "
                   "10,000 fighters across both countries, an analyst said.")
    assert [(r[1], r[3], r[4], r[5]) for r in rows] == [(10000, "up_to", "isis", "Iraq and Syria")]


def test_a_definite_reprise_of_a_withdrawal_frame_keeps_its_kind():
    story = _story("Russia and Turkey have given Kurdish fighters 150 hours to withdraw from the border.\n\n"
                   "Then at the end of the 150 hours, patrols would begin along the border. The talks lasted "
                   "the 20 hours they were given.")
    frames = utils.extract_timelines(story)
    assert frames[["low", "unit", "kind"]].astype(object).values.tolist() == [
        [150, "hour", "withdrawal"], [150, "hour", "withdrawal"]]


def test_the_region_is_the_region_of_the_countries_the_story_names():
    story = ("Tensions with Iran rose after the attack on a Saudi pipeline. Iraq closed its airspace.\n\n"
             "The Pentagon said it was sending 1,500 troops to the region.")
    assert [(r[1], r[5]) for r in _troops(story)] == [(1500, "Middle East")]
    # a story of Afghanistan: no region the rules know, so no place
    story = ("The Taliban attacked Kabul. Afghan forces fought back in Afghanistan's north.\n\n"
             "The Pentagon said it was sending 1,500 troops to the region.")
    assert [(r[1], r[5]) for r in _troops(story)] == [(1500, "")]


def test_the_number_of_advisers_and_another_deployment_are_troop_figures():
    rows = _troops("He ordered the deployment of another 1,500 to Iraq, bringing the number of U.S. military "
                   "advisers to about 3,100.")
    assert [(r[1], r[3]) for r in rows] == [(1500, "exact"), (3100, "about")]
    assert _troops("The president's advisers said it would take him 100 days.") == []


def test_a_base_that_houses_the_troops_gives_their_place():
    story = ("Iran fired missiles from Iran at two bases on Tuesday. Iran said it had acted in self-defense.\n\n"
             "Ain al-Asad was first used by American forces after the 2003 invasion. It houses about 1,500 "
             "U.S. and coalition forces.")
    assert [(r[1], r[5]) for r in _troops(story)] == [(1500, "Iraq")]


def test_a_figure_under_a_section_about_another_country_takes_that_country():
    story = ("Syria's war went on. Turkey shelled Syria again. Syria's army answered. The fighting in Syria "
             "spread.\n\nTroops in Afghanistan\n\nThe candidates support keeping troops in Afghanistan to 2017.\n\n"
             "But the presence of 5,500 to 10,000 troops would have little effect, experts said.")
    assert [(r[1], r[2], r[5]) for r in _troops(story)] == [(5500, 10000, "Afghanistan")]


def test_a_number_in_addition_to_a_figure_continues_it():
    rows = _troops("The U.S. is to send 14,000 troops to the Mideast, in addition to the 14,000 we have sent since May.")
    assert [(r[1], r[4], r[5]) for r in rows] == [(14000, "us", "Middle East"), (14000, "us", "Middle East")]
    rows = _troops("The U.S. will send 3,000 troops to Kuwait, on top of the 2,000 already there.")
    assert [(r[1], r[5]) for r in rows] == [(3000, "Kuwait"), (2000, "Kuwait")]
    # a number that is no troop count after "in addition to" stays out
    assert [r[1] for r in _troops("The U.S. sent 3,000 troops, in addition to the 2019 budget.")] == [3000]


def test_guards_are_a_troop_unit():
    assert [(r[1], r[4], r[5]) for r in _troops("At the checkpoint, three Iraqi guards turned him around at gunpoint.")] \
        == [(3, "local", "Iraq")]


def test_a_country_where_the_troops_are_in_brackets_is_their_place():
    story = ("We also have troops deployed in Turkey (to support efforts in the Middle East), Egypt (where we have "
             "been since 1981), and Jordan (where 2,200 American troops are assisting the government).")
    assert [(r[1], r[5]) for r in _troops(story)] == [(2200, "Jordan")]


def test_peshmerga_and_yazidi_fighters_are_local():
    rows = _troops("ISIS held Sinjar in Iraq. The operation includes up to 7,500 Peshmergas, and some 5,000 Yazidi "
                   "fighters were mobilized.")
    assert [(r[1], r[3], r[4]) for r in rows] == [(7500, "up_to", "local"), (5000, "about", "local")]


def test_three_or_more_countries_of_one_region_are_that_region():
    rows = _troops("Some 50,000 to 65,000 U.S. troops are based at facilities in Bahrain, Qatar, Kuwait, Oman and Saudi Arabia.")
    assert [(r[1], r[2], r[5]) for r in rows] == [(50000, 65000, "Middle East")]
    assert [r[5] for r in _troops("About 5,000 U.S. troops are in Iraq and Syria.")] == ["Iraq and Syria"]
