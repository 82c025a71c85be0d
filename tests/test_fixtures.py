"""The hand fixtures (tests/fixtures/), each run through its extractor and checked row by row
against its gold; the scorers of withdrawals.evaluation on tables written here; the figures
`make score` prints."""
import pandas as pd
import pytest

import utils
from withdrawals.evaluation import fixture_cases, load_fixture, score_quotes, score_troops


@pytest.mark.parametrize("case", fixture_cases())
def test_fixture_gives_exactly_its_gold_rows(case):
    """Troop figures: the extracted rows are the gold rows, every column of the fixture alike
    (a story whose gold row has no figure gives none).  Quotations: every gold quotation found
    in an extracted one and credited to its speaker, except the rows whose ``extracted`` names
    what the extractor gives instead, and no extracted quotation left over."""
    articles, gold = load_fixture(case)
    if case.startswith("troops:"):
        r = score_troops(utils.extract_troop_mentions(articles), gold, key=list(gold.columns))
        assert r["fixture"] > 0
        assert (r["misses"], r["false_alarms"]) == ([], [])
        return
    s = score_quotes(utils.extract_quotes(articles), gold)
    known = gold.assign(extracted=gold.get("extracted", ""))
    known = known[known["extracted"] != ""]
    got = sorted(map(tuple, s["misses"][["article_id", "quote", "predicted"]].values))
    assert got == sorted(map(tuple, known[["article_id", "quote", "extracted"]].values)), s["misses"]
    assert s["predicted"] == s["found"] == len(gold)


def test_troop_scorer_counts_a_wrong_field_as_a_miss_and_a_false_alarm():
    gold = pd.DataFrame([{"article_id": "a", "low": "2000", "high": "2000", "hedge": "about",
                          "actor": "us", "place": "Syria"}])
    pred = gold.assign(place="Iraq")
    r = score_troops(pred, gold)
    assert (r["right"], r["precision"], r["recall"], r["f1"]) == (0, 0.0, 0.0, 0.0)
    assert r["misses"] == [("a", "2000", "2000", "about", "us", "Syria")]
    assert r["false_alarms"] == [("a", "2000", "2000", "about", "us", "Iraq")]
    assert score_troops(gold, gold)["f1"] == 1.0


def test_troop_scorer_compares_the_columns_it_is_given_and_skips_stories_without_a_figure():
    gold = pd.DataFrame({"article_id": ["a", "b"], "span": ["2,000 troops", ""], "low": ["2000", ""],
                         "high": ["2000", ""], "hedge": ["exact", ""], "actor": ["us", ""], "place": ["Syria", ""]})
    pred = gold.iloc[:1].assign(span="2,000 soldiers")
    assert score_troops(pred, gold)["f1"] == 1.0                       # span is not in the default key
    r = score_troops(pred, gold, key=list(gold.columns))
    assert (r["right"], r["extracted"], r["fixture"]) == (0, 1, 1)


def test_quote_scorer_is_the_one_utils_exports():
    assert utils.score_quotes is score_quotes
    gold = pd.DataFrame({"article_id": ["a"], "quote": ["we leave"], "speaker": ["Dana W. White"],
                         "kind": ["person"]})
    quotes = pd.DataFrame({"article_id": ["a"], "quote": ["“We leave” now"], "speaker": ["Dana White"],
                           "speaker_kind": ["person"], "speaker_role": [""], "mention": ["Dana White"],
                           "direct": [True], "quote_words": [3]})
    s = score_quotes(quotes, gold)
    assert (s["found"], s["e2e_f1"]) == (1, 1.0)                      # marks, case and middle initials aside


def test_make_score_troop_figures_are_the_fixture_rows_all_right():
    for name, r in utils.score_troop_fixtures().items():
        assert r["misses"] == r["false_alarms"] == [], name
        assert r["right"] == r["extracted"] == r["fixture"] > 0, name
