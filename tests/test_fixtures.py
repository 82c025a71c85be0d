"""The scorers of withdrawals.evaluation on tables written here, and the figures `make score` prints."""
import pandas as pd

import utils
from withdrawals.evaluation import score_quotes, score_troops


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
