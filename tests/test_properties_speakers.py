"""Property tests for the speaker views added for real corpora: ranked_speakers and the view-level merge."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import utils

NAMES = ["Donald Trump", "Donald J. Trump", "Trump", "Add Donald Trump", "Melania Trump", "Rand Paul",
         "Ron Paul", "Paul", "Separately", "", "unnamed US official", "the Pentagon", "Mark Esper", "Esper"]
KINDS = ["person", "person", "person", "person", "person", "person", "person", "person", "person",
         "unknown", "anonymous", "organization", "person", "person"]


@st.composite
def quotes_tables(draw):
    picks = draw(st.lists(st.integers(0, len(NAMES) - 1), max_size=30))
    stories = draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=len(picks), max_size=len(picks)))
    words = draw(st.lists(st.integers(0, 40), min_size=len(picks), max_size=len(picks)))
    direct = draw(st.lists(st.booleans(), min_size=len(picks), max_size=len(picks)))
    return pd.DataFrame({"article_id": stories, "paragraph": 0, "quote": ["we go"] * len(picks),
                         "speaker": [NAMES[i] for i in picks], "speaker_kind": [KINDS[i] for i in picks],
                         "speaker_role": "", "cue": "said", "direct": direct, "start": 0, "end": 1,
                         "quote_words": words, "mention": ["he"] * len(picks)})


ARTICLES = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", ""], "lean": ["left", "left", "right"],
                         "title": ["t1", "t2", "t3"], "text": ["", "", ""]})


@settings(max_examples=60, deadline=None)
@given(quotes_tables(), st.sampled_from(["outlet", "lean"]), st.sampled_from([None, 1, 12]))
def test_ranked_speakers_rank_named_speakers_only(quotes, by, top):
    """ranked_speakers: no unknown or anonymous speaker, most words first, words add up to the named
    speakers' direct words; the merge leaves one Trump and never touches other columns."""
    table = utils.speaker_table(quotes, ARTICLES, by=by, top=top)
    assert table["direct_quotes"].sum() == quotes["direct"].sum()
    ranked = utils.ranked_speakers(table)
    assert not set(ranked["speaker"]) & {"", utils.UNKNOWN_SPEAKER, "unnamed US official"}
    assert ranked["direct_words"].is_monotonic_decreasing
    assert ranked["speaker"].is_unique
    named = table[(table["speaker"] != utils.UNKNOWN_SPEAKER) & ~table["speaker_kind"].isin(["unknown", "anonymous"])]
    assert ranked["direct_words"].sum() == named["direct_words"].sum()
    assert len(utils.ranked_speakers(table, 2)) == min(2, len(ranked))
    merged = utils.merge_speakers(quotes)
    assert merged.drop(columns="speaker").equals(quotes.drop(columns="speaker"))
    trumps = set(merged.loc[merged["speaker"].astype(str).str.endswith("Trump"), "speaker"])
    donald = bool(set(quotes["speaker"]) & {"Donald Trump", "Donald J. Trump", "Add Donald Trump"})
    assert trumps <= ({"Donald Trump", "Melania Trump"} if donald else {"Trump", "Melania Trump"})
