"""The hand-annotated gold of real dev-corpus articles, and the scorer that reads it.

The gold files (tests/gold/withdrawals-news-dev/*.json) hold article ids and short snippets only;
the texts stay in the dev corpus, which a user's clone does not have: the scoring test is skipped
then, the format tests and the scorer's own test on a written story always run.
"""
import json
from pathlib import Path

import pandas as pd
import pytest

import utils
from withdrawals.evaluation import read_gold, score_gold

HERE = Path(__file__).parent
GOLD = HERE / "gold" / "withdrawals-news-dev"
DEV = HERE.parent.parent / "shared" / "corpora" / "withdrawals-news-dev.jsonl"

HEDGES = {"exact", "about", "more_than", "nearly", "up_to", "at_least", "fewer_than", "vague"}
ACTORS = {"us", "isis", "local", "other"}
UNITS = {"hour", "day", "week", "month", "year", "decade"}


def _docs():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def test_gold_covers_enough_real_articles_and_outlets_with_a_frozen_set():
    docs = _docs()
    assert len(docs) >= 25
    assert len({d["outlet"] for d in docs}) >= 15
    assert sum(d["set"] == "frozen" for d in docs) == 10
    assert {d["set"] for d in docs} == {"dev", "frozen"}
    assert len({d["id"] for d in docs}) == len(docs)


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_each_gold_file_is_well_formed(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["id"] == path.stem
    for q in doc["quotes"]:
        assert q["snippet"] == q["snippet"].strip() and q["snippet"]
        assert len(q["snippet"].split()) <= 12          # snippets, never whole quotations
        assert q["kind"] in {"person", "organization", "anonymous", "unknown"}
        assert q["quote_kind"] in {"quotation", "term"}
        assert (q["kind"] == "unknown") == (q["speaker"] == "")
    for t in doc["troops"]:
        assert t["hedge"] in HEDGES and t["actor"] in ACTORS
        assert 0 < t["low"] <= t["high"]
    for t in doc["timelines"]:
        assert t["unit"] in UNITS and t["kind"] in {"withdrawal", "deployment", "other"}


def test_read_gold_gives_one_row_per_annotation():
    gold = read_gold(GOLD)
    docs = _docs()
    assert len(gold["articles"]) == len(docs)
    assert len(gold["quotes"]) == sum(len(d["quotes"]) for d in docs)
    assert len(gold["troops"]) == sum(len(d["troops"]) for d in docs)
    assert set(gold["quotes"]["quote_kind"]) == {"quotation", "term"}


def test_read_gold_names_a_broken_file(tmp_path):
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.json"):
        read_gold(tmp_path)


STORY = ('The U.S. will pull 2,000 troops out of Syria within 30 days, officials said.\n\n'
         '"We are leaving," Defense Secretary Jim Mattis told reporters. He spoke of the so-called "reset."\n\n'
         'About 5,000 U.S. troops remain in Iraq. The golf trip lasted over 17 days.')


def _write_gold(folder, troops_place="Syria"):
    doc = {"id": "story", "set": "dev", "outlet": "Test", "quotes": [
        {"snippet": "We are leaving,", "speaker": "Jim Mattis", "kind": "person", "quote_kind": "quotation"},
        {"snippet": "reset.", "speaker": "", "kind": "unknown", "quote_kind": "term"}],
        "troops": [
        {"snippet": "2,000 troops", "low": 2000, "high": 2000, "hedge": "exact", "unit": "troops",
         "actor": "us", "place": troops_place},
        {"snippet": "About 5,000 U.S. troops", "low": 5000, "high": 5000, "hedge": "about", "unit": "troops",
         "actor": "us", "place": "Iraq"}],
        "casualties": [],
        "timelines": [{"snippet": "within 30 days", "low": 30, "high": 30, "unit": "day", "kind": "withdrawal"},
                      {"snippet": "over 17 days", "low": 17, "high": 17, "unit": "day", "kind": "other"}]}
    folder.mkdir(exist_ok=True)
    (folder / "story.json").write_text(json.dumps(doc), encoding="utf-8")
    return read_gold(folder)


def _articles():
    return pd.DataFrame({"article_id": ["story-1"], "source": ["t"], "part": [1], "outlet": ["Test"],
                         "published": [pd.NaT], "title": [""], "text": [STORY], "n_words": [40],
                         "n_paragraphs": [3]})


def test_score_gold_on_a_written_story(tmp_path):
    """Both quotations are found (the parts' ids are matched to the gold id), the troop figures
    are fully right, and a wrong place in the gold makes one figure not fully right."""
    articles = _articles()
    tables = utils.analyze(articles)
    s = score_gold(articles, tables, _write_gold(tmp_path))["dev"]
    assert s["articles"] == 1
    assert s["quotes"]["gold"] == 2 and s["quotes"]["quotations"] == 1 and s["quotes"]["recall"] == 1.0
    assert s["quotes"]["speaker_accuracy"] == 1.0
    # the term ("reset") is nobody's words on either side: end to end, one quotation, right
    assert (s["quotes"]["e2e_precision"], s["quotes"]["e2e_recall"]) == (1.0, 1.0)
    assert (s["troops"]["right"], s["troops"]["gold"], s["troops"]["predicted"]) == (2, 2, 2)
    wrong = score_gold(articles, tables, _write_gold(tmp_path / "wrong", troops_place="Turkey"))["dev"]
    assert (wrong["troops"]["right"], wrong["troops"]["found"]) == (1, 2)
    assert wrong["troops"]["f1"] == pytest.approx(0.5)


@pytest.mark.skipif(not DEV.exists(), reason="the dev corpus (../shared/corpora/withdrawals-news-dev.jsonl) "
                    "is not part of the project; its gold is scored only where it is present")
def test_every_gold_snippet_is_in_its_article_of_the_dev_corpus():
    gold = read_gold(GOLD)
    rows = {json.loads(line)["id"]: json.loads(line)["text"] for line in DEV.open(encoding="utf-8")}
    missing = [(r.article_id, r.quote) for r in gold["quotes"].itertuples() if r.quote not in rows[r.article_id]]
    missing += [(r.article_id, r.snippet) for r in gold["troops"].itertuples() if r.snippet not in rows[r.article_id]]
    assert not missing


def test_score_merges_counts_pairs_merged_and_kept_apart():
    from withdrawals.evaluation import score_merges
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"], "quote": ["We stay.", "We go.", "It is over.", "Not yet."],
        "direct": True, "speaker_kind": "person",
        "person_id": ["person:ron-vale", "person:ron-vale", "person:ron-vale", "person:rand-vale"]})
    gold = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"], "quote": ["We stay.", "We go.", "It is over.", "Not yet."],
        "speaker": ["Ron Vale", "Ron Vale", "Rand Vale", "Rand Vale"], "kind": "person",
        "quote_kind": "quotation"})
    m = score_merges(quotes, gold)
    # six pairs: (1,2) merged right; (3,4) one gold person kept apart; (1,3) (2,3) merged wrongly;
    # (1,4) (2,4) kept apart rightly
    assert (m["mentions"], m["pairs"]) == (4, 6)
    assert m["accuracy"] == 3 / 6
    assert m["merge_precision"] == 1 / 3 and m["merge_recall"] == 1 / 2


def test_a_name_matches_the_gold_without_middle_initials_or_a_suffix():
    from withdrawals.evaluation import _same_speaker
    assert _same_speaker("Paul E. Funk II", "person", "Paul Funk", "person")
    assert _same_speaker("Dmitri S. Peskov", "person", "Dmitri Peskov", "person")
    assert not _same_speaker("Paul Funk", "person", "Paul Ryan", "person")


def test_a_short_first_name_matches_its_long_form_as_the_merge_reads_it():
    from withdrawals.evaluation import _same_speaker
    assert _same_speaker("James Mattis", "person", "Jim Mattis", "person")
    assert _same_speaker("Steven Mnuchin", "person", "Steve Mnuchin", "person")
    assert not _same_speaker("James Mattis", "person", "Jim Webb", "person")
    assert not _same_speaker("James Baker", "person", "John Baker", "person")


def test_an_organisation_matches_by_its_words_possessives_too():
    from withdrawals.evaluation import _same_speaker
    assert _same_speaker("Russia", "organization", "Russia’s defense ministry", "organization")
    assert not _same_speaker("Russia", "organization", "Turkey’s foreign ministry", "organization")
