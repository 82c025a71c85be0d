"""Troop figures, casualties and time frames: exact rows on the seeds and on sentences written here."""
import sys
from pathlib import Path

import pandas as pd
import pytest

import utils

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
sys.path.insert(0, str(REPO / "bench"))
import score_troops  # noqa: E402

KEY = ["article_id", "span", "low", "high", "hedge", "actor", "place"]


def _story(text: str, aid: str = "x") -> pd.DataFrame:
    return pd.DataFrame({"article_id": [aid], "text": [text]})


def _rows(df: pd.DataFrame, cols=("span", "low", "high", "hedge", "actor", "place")) -> list:
    return [tuple(r) for r in df[list(cols)].astype(object).itertuples(index=False)]


def _troops(text: str) -> list:
    return _rows(utils.extract_troop_mentions(_story(text)))


# ---------------------------------------------------------------- the hand fixtures
@pytest.fixture(scope="module")
def seed_troops(articles):
    return utils.extract_troop_mentions(articles)


def test_seed_figures_are_exactly_the_hand_fixture(seed_troops):
    gold = pd.read_csv(FIXTURES / "troops_seeds.csv", dtype=str, keep_default_na=False)
    got = seed_troops[KEY + ["unit", "quoted"]].astype(str)
    want = gold[KEY + ["unit", "quoted"]]
    assert sorted(map(tuple, got.values)) == sorted(map(tuple, want.values))


def test_tricky_sentences_give_exactly_the_fixture_rows():
    fixture = pd.read_csv(FIXTURES / "troops_tricky.csv", dtype=str, keep_default_na=False)
    got = utils.extract_troop_mentions(score_troops.tricky_articles(fixture))
    want = fixture[fixture["low"] != ""]
    assert sorted(map(tuple, got[KEY].astype(str).values)) == sorted(map(tuple, want[KEY].values))
    # every story with no figure in the fixture gives none
    empty = set(fixture.loc[fixture["low"] == "", "article_id"])
    assert empty and not empty & set(got["article_id"])


def test_scorer_counts_a_wrong_field_as_a_miss_and_a_false_alarm():
    gold = pd.DataFrame([{"article_id": "a", "low": "2000", "high": "2000", "hedge": "about",
                          "actor": "us", "place": "Syria"}])
    pred = gold.assign(place="Iraq")
    r = score_troops.score(pred, gold)
    assert (r["right"], r["precision"], r["recall"], r["f1"]) == (0, 0.0, 0.0, 0.0)
    assert score_troops.score(gold, gold)["f1"] == 1.0


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
    lines = utils.agreement_statements(agree)
    assert lines[-1].startswith("**Syria** — the 4 outlets agree on the number: 4 outlets give 2,000 but")
    assert lines[0] == ("**Afghanistan** — only Daily Express gives a figure (7,000 (exact), "
                        "14,000 (exact)); nothing to compare it with.")


def test_figure_label():
    assert utils.figure_label(2000, 2000, "more_than") == "more than 2,000"
    assert utils.figure_label(20000, 30000) == "20,000–30,000"


def test_timelines_by_outlet_in_days(articles):
    frames = utils.timelines_by_outlet(utils.extract_timelines(articles), articles)
    rows = {(o, s): (lo, hi) for o, s, lo, hi in
            frames[["outlet", "span", "low_days", "high_days"]].itertuples(index=False)}
    assert rows[("(unknown outlet)", "within six months")] == (182.4, 182.4)
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


def test_leaving_cue_is_the_listed_alternatives(articles):
    import re
    from withdrawals import numbers as N

    plain = re.compile(
        r"withdr|pull(?:ing|ed|s)?\s+(?:\w+\s+){0,4}?(?:out|back)|pullout|pull-out|pull\s+troops|"
        r"drawdown|draw(?:ing|n)?\s+down|\bleav|\bexit|depart|evacuat|return(?:ing|ed)?\s+home|"
        r"home\b|redeploy|relocat|reduc|\bcut|remov|time-?line|time-?frame|time\s+frame|"
        r"deadline|be\s+out|\bout\s+of|\bgone\b|wind(?:ing)?\s+down|end\s+(?:the|its)\s+"
        r"(?:mission|presence|deployment)", re.I)
    samples = ["They will PULL the last troops BACK.", "a homeland", "the Winding Down",
               "to End Its Mission", "no cue here at all", "Outcome", "shortcut"]
    for text in list(articles["text"]) + samples:
        for s in re.split(r"(?<=[.;])\s+", text):
            assert bool(N._TL_CUE.search(s)) == bool(plain.search(s)), s


def test_capital_named_as_a_government_is_not_the_place():
    text = ('"We are not leaving Iraq," the secretary said.\n\n"This is exactly what Tehran wanted," '
            'a senator said.\n\nAn official said about 2,500 troops would remain.')
    arts = pd.DataFrame({"article_id": ["g-1"], "text": [text]})
    row = utils.extract_troop_mentions(arts).iloc[0]
    assert (row["low"], row["hedge"], row["place"], row["place_from"]) == (2500, "about", "Iraq", "context")
