"""Property tests for the corpus-wide steps and the name and figure helpers of real news:
clean_speaker, quote_kind, resolve_speakers, people, reduce_tables, figure_sources, comparable_figures,
vague_left_out."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import utils

WORDS = ["Donald", "J.", "Trump", "Add", "Does", "Separately", "Hide", "Caption", "R-Tenn", "Fla", "al-Sudani",
         "McGurk", "Twitter", "CNN", "Taliban", "I’d", "Melania", "Paul", "Rand", "Ron", "II", "Then-President",
         "x1", "", "Mattis", "MattisFormer"]
KINDS = ["person", "organization", "anonymous", "unknown"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6), st.sampled_from(KINDS))
def test_clean_speaker_gives_a_name_or_unknown_and_is_stable(words, kind):
    """clean_speaker: a kind among the four; unknown exactly with an empty name; applying it twice
    changes nothing; other kinds than person pass unchanged."""
    name = " ".join(words)
    out, k = utils.clean_speaker(name, kind)
    assert utils.clean_speaker(out, k) == (out, k)
    if kind != "person":
        assert (out, k) == (name, kind)
    else:
        assert k in KINDS and (k == "unknown") == (out == "")
        assert k == "unknown" or all(ch not in out for ch in "0123456789")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abc .,“”\"'", max_size=40), st.integers(0, 40), st.booleans(),
       st.sampled_from(KINDS), st.sampled_from(["", "said"]))
def test_quote_kind_is_quotation_or_term(text, start, direct, kind, cue):
    """quote_kind: always one of the two kinds; reported speech and a credited quotation are quotations."""
    quote = text[start:start + 10]
    got = utils.quote_kind(text, min(start, len(text)), quote, direct, kind, cue)
    assert got in ("quotation", "term")
    if not direct:
        assert got == "quotation"


@st.composite
def quotes_tables(draw):
    n = draw(st.integers(0, 25))
    names = draw(st.lists(st.sampled_from(["Donald Trump", "Donald J. Trump", "Trump", "Melania Trump", "Ron Paul",
                                            "Rand Paul", "Paul", "Pentagon", "unnamed official", ""]),
                          min_size=n, max_size=n))
    kinds = ["organization" if x == "Pentagon" else "anonymous" if x.startswith("unnamed") else
             "unknown" if not x else "person" for x in names]
    stories = draw(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=n, max_size=n))
    return pd.DataFrame({"article_id": stories, "paragraph": 0, "quote": "we go", "speaker": names,
                         "speaker_kind": kinds, "speaker_role": "", "cue": "said", "direct": True,
                         "start": 0, "end": 5, "quote_words": 2, "mention": names, "quote_kind": "quotation"})


@settings(max_examples=80, deadline=None)
@given(quotes_tables(), st.randoms(use_true_random=False))
def test_resolve_speakers_and_people_do_not_depend_on_row_order(quotes, rnd):
    """resolve_speakers: one person_id per row, "" exactly for unknown speakers, the key names the
    kind, Ron and Rand Paul never one person, the same ids whatever the row order; people: one row
    per id, quotations adding up."""
    r = utils.resolve_speakers(quotes)
    assert len(r) == len(quotes) and r["speaker"].tolist() == quotes["speaker"].tolist()
    assert ((r["person_id"] == "") == (quotes["speaker_kind"] == "unknown")).all()
    assert all(pid.startswith(k + ":") for pid, k in zip(r["person_id"], r["speaker_kind"]) if pid)
    ids = dict(zip(r["speaker"], r["person_id"]))
    if "Ron Paul" in ids and "Rand Paul" in ids:
        assert ids["Ron Paul"] != ids["Rand Paul"]
    order = list(quotes.index)
    rnd.shuffle(order)
    again = utils.resolve_speakers(quotes.loc[order]).loc[quotes.index]
    assert again["person_id"].tolist() == r["person_id"].tolist()
    table = utils.people(r)
    assert table["person_id"].is_unique and table["n_quotes"].sum() == int((r["person_id"] != "").sum())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([
    "About 2,000 U.S. troops will leave Syria, officials said.", '"We will bring home all 2,000 troops," Trump said.',
    "There are 900 U.S. troops in Syria.", "Hundreds of American troops remain in Syria.",
    "The Pentagon said 4,000 troops would stay in Afghanistan.", ""]), min_size=1, max_size=4))
def test_reduce_tables_gives_every_figure_a_source(texts):
    """reduce_tables / figure_sources: every troop figure gets a source and source_kind, "reporter" for
    the reporter's own; comparable_figures leaves out exactly the vague amounts vague_left_out counts."""
    arts = pd.DataFrame({"article_id": [f"s{i}-1" for i in range(len(texts))], "text": texts})
    parts = utils.analyze_partition(arts)
    whole = utils.reduce_tables(parts)
    troops = whole["troops"]
    assert len(troops) == len(parts["troops"])
    assert troops["source"].notna().all() and set(troops["source_kind"]) <= {
        "person", "organization", "anonymous", "unknown", "reporter"}
    again = utils.figure_sources(parts["troops"], whole["quotes"])
    pd.testing.assert_frame_equal(again, troops)
    by_group = utils.figure_sources_by_group(troops, arts.assign(outlet="X", published=pd.NaT), actors=None)
    assert by_group["figures"].sum() == len(troops) and (by_group["attributed"] <= by_group["figures"]).all()
    assert by_group["attributed"].sum() == int((troops["source_kind"] != "reporter").sum())
    kept = utils.comparable_figures(troops, actors=None)
    assert len(troops) - len(kept) == utils.vague_left_out(troops, actors=None)
    assert len(utils.comparable_figures(troops, actors=None, vague=True)) == len(troops)
