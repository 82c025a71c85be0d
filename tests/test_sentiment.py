"""Tests for withdrawals.sentiment: scores (VADER rounds to 4 dp), each pitfall fix, voice, summaries."""
import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import utils
from withdrawals import plots_sentiment as ps
from withdrawals import sentiment as st
from withdrawals import tables as tb

PLAIN = SentimentIntensityAnalyzer()

# Sentences from the seed stories.
SEED_WON = ("Mr Trump argues that the US has essentially won the battle with IS and its military "
            "contingent in Syria is no longer needed.")
SEED_DEFEATED = ("White House press secretary Sarah Sanders said Wednesday that the U.S. has "
                 "“defeated the territorial caliphate.”")
SEED_ALLIES = "Our allies don’t like the decision."
SEED_TIME = ("Despite clashing publicly and privately with his advisors, the president is insistent "
             "that “it’s time” for US troops in Syria to return home.")


# ------------------------------------------------------------------ single sentences

@pytest.mark.parametrize("text, compound", [
    ("VADER is smart, handsome, and funny.", 0.8316),
    ("The plan isn't good.", -0.3412),
    ("There is no good option.", -0.3412),      # "no" still negates the next lexicon word
    ("", 0.0),
])
def test_scores_unchanged_where_no_pitfall(text, compound):
    assert st.polarity(text)["compound"] == compound
    assert st.polarity(text, fixes=False)["compound"] == compound


@pytest.mark.parametrize("text, before, after", [
    # fix 1: curly apostrophe breaks negation; curly quotes hide lexicon words
    ("The plan isn’t good.", 0.4404, -0.3412),
    (SEED_ALLIES, 0.3612, -0.2755),
    ("He called it a “great” victory.", 0.0, 0.6249),
    (SEED_DEFEATED, 0.0, -0.4767),
    ("The talks were a triumph—and a relief.", 0.4767, 0.7351),   # em dash glued two words
    # fix 2: the slang idiom "the bomb" (+3) no longer overwrites literal bombs
    ("Officials said the bomb struck the convoy.", 0.8402, -0.6369),
    ("This song is the bomb!", 0.6476, -0.5411),                # the price: slang is lost
    # fix 3: "no" as a determiner is not negative on its own
    ("There were no casualties.", -0.296, 0.0),
    ("No decision has been made.", -0.296, 0.0),
    ("NO troops will stay, he said.", -0.4466, 0.0),            # capitals add no valence to "no"
    (SEED_WON, -0.4019, -0.128),
    # fix 4: lexicon words inside names are not judgements
    ("The United States will pull its troops out.", 0.4215, 0.0),
    ("He met the UN Security Council.", 0.34, 0.0),
    ("Khamenei urged Iraq to strengthen the Popular Mobilization Forces.", 0.6249, 0.3182),
])
def test_pitfall_fixes_before_after(text, before, after):
    assert PLAIN.polarity_scores(text)["compound"] == before
    assert st.polarity(text, fixes=False)["compound"] == before
    assert st.polarity(text)["compound"] == after


@pytest.mark.parametrize("text, compound", [
    ("United we stand.", 0.4215),                          # sentence-initial, next word lower case
    ("Great news for the troops, officials said.", 0.6249),
    ("Defeating ISIS was the aim.", -0.3818),             # the first word is never a name part
    ("Unfortunately, Mr Trump left.", -0.34),
    ("United States officials were pleased.", 0.6908),    # ... the price: a name opening the sentence
])
def test_name_rule_leaves_ordinary_capitalised_words(text, compound):
    assert st.polarity(text)["compound"] == compound


def test_each_fix_alone():
    text = "Officials said the bomb struck the convoy, but there were no casualties."
    assert st.polarity(text, fixes=False)["compound"] == st.polarity(text, fixes={"quotes"})["compound"]
    assert st.polarity(text, fixes={"bomb"}) == st.polarity(text, fixes={"bomb", "quotes", "names"})
    assert st.polarity(text, fixes={"bomb"})["compound"] != st.polarity(text)["compound"]  # "no" matters
    with pytest.raises(ValueError, match="unknown sentiment fixes"):
        st.polarity(text, fixes={"bombs"})


def test_read_ratings_and_human_agreement(tmp_path):
    path = tmp_path / "ratings.txt"
    path.write_bytes(b"1_1\t-2.5\tThe plan isn\x92t good.\r\n1_2\t1.5\tA great day.\r\n"
                     b"1_3\t-1.0\tThere were no casualties.\r\n")   # Windows-1252, CRLF
    ratings = st.read_ratings(path)                        # cp1252 apostrophe decoded
    assert ratings["text"].tolist()[0] == "The plan isn’t good."
    assert ratings["rating"].tolist() == [-2.5, 1.5, -1.0]
    out = st.human_agreement(ratings)
    assert list(out.columns) == ["scorer", "fixes", "r", "n", "changed"]
    assert out["scorer"].tolist()[:2] == ["plain VADER", "all fixes (project)"]
    assert len(out) == 2 + len(st.FIXES)
    assert out.set_index("scorer").loc["all fixes (project)", "changed"] == 2
    bad = tmp_path / "bad.txt"
    bad.write_text("1_1\tnot a number\ttext\n")
    with pytest.raises(ValueError, match="bad.txt:1"):
        st.read_ratings(bad)


def test_curly_and_straight_apostrophes_score_the_same():
    assert st.polarity("The plan isn’t good.") == st.polarity("The plan isn't good.")
    assert st.normalize_quotes("“it’s time” — now") == "\"it's time\"  -  now"


def test_fixes_do_not_touch_the_package_globals():
    from vaderSentiment import vaderSentiment as vs
    st.polarity("Officials said the bomb struck the convoy.")
    assert vs.SPECIAL_CASES["the bomb"] == 3
    assert PLAIN.lexicon["no"] == -1.2
    assert SentimentIntensityAnalyzer().polarity_scores("There were no casualties.")["compound"] == -0.296


def test_analyzer_without_fixes_equals_package_on_vader_examples():
    examples = ["VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "Not bad at all",
                "At least it isn't a horrible book.", "The book was only kind of good.",
                "The plot was good, but the characters are uncompelling and the dialog is not great.",
                "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
                "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Without a doubt, an excellent idea.",
                "Roger Dodger is one of the least compelling variations on this theme.",
                "Sentiment analysis has never been this good!", "On the other hand, VADER is quite bad ass",
                SEED_WON, SEED_DEFEATED, SEED_TIME]
    for text in examples:
        assert st.polarity(text, fixes=False) == PLAIN.polarity_scores(text), text


RULE_SENTENCES = [
    # capitals (some, not all, words in capitals), boosters before, between and after
    "The GOOD news is VERY welcome.", "It was EXTREMELY bad, and really quite awful.",
    "THE PLAN IS GOOD.", "barely good, hardly bad, slightly happy, sort of sad, kind of nice",
    # negation one, two and three words back, "n't" words, "never so", "without doubt"
    "not good", "not the good one", "not at all a good one", "He didn't really like it.",
    "Never so happy.", "never this good", "It is never so very good.", "without doubt a great idea",
    "Without any doubt good.", "They don’t hate it but they won't love it either.",
    # "no", "no ... or", "least"
    "no good", "no bad or good", "no, no, no good news", "no love or hate", "NO good",
    "the least good plan", "at least good", "very least bad", "least bad",
    # idioms and booster phrases
    "It was the bomb, they said.", "the shit is good", "kiss of death for the plan",
    "a dish to die for", "yeah right, great", "bus stop love", "kind of good", "sort of bad news",
    "just enough good will", "a bad ass good plan", "beating heart of peace",
    # "but" with repeated valences (VADER's first-equal-value quirk)
    "good, good and good but good and good", "bad but bad but good", "but good", "good but",
    "Good GOOD good but BAD bad!!!", "Good? Bad?? Great??? Awful!!!!!",
]


def test_analyzer_equals_package_on_every_rule():
    """The analyzer's own token loop gives exactly the package's scores with the fixes off, and
    token_valences the valences behind them."""
    for text in RULE_SENTENCES + [t.upper() for t in RULE_SENTENCES] + [t.title() for t in RULE_SENTENCES]:
        assert st.polarity(text, fixes=False) == PLAIN.polarity_scores(text), text
        vals = st.token_valences(text, fixes=False)
        assert all(v != 0 for _, v in vals)
        scored = st.score_sentiment(pd.DataFrame({"text": [text, text]}), fixes=False)
        assert scored["compound"].tolist() == [PLAIN.polarity_scores(text)["compound"]] * 2, text


def test_token_valences_apply_negation_and_but():
    assert st.token_valences("Our allies don’t like the decision, but peace is near.") == [
        ("like", pytest.approx(-0.555)), ("peace", pytest.approx(3.75))]
    assert st.token_valences("") == []


# ------------------------------------------------------------------ score_sentiment

def test_score_sentiment_adds_columns_and_keeps_rows():
    df = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence": [0, 1, 0],
                       "text": [SEED_ALLIES, "The bomb exploded.", None]})
    out = st.score_sentiment(df)
    assert list(out.columns) == ["article_id", "sentence", "text", "neg", "neu", "pos", "compound",
                                 "compound_plain"]
    assert out["compound"].tolist() == [-0.2755, -0.4939, 0.0]
    assert out["compound_plain"].tolist() == [0.3612, -0.4939, 0.0]       # plain VADER, same pass
    assert out.loc[0, ["neg", "neu", "pos"]].tolist() == [0.297, 0.703, 0.0]
    assert (out[st.SCORE_COLUMNS].dtypes == "float64").all()
    assert list(df.columns) == ["article_id", "sentence", "text"]      # input untouched
    assert st.score_sentiment(df, fixes=False)["compound"].tolist() == [0.3612, -0.4939, 0.0]


def test_score_sentiment_empty_and_missing_text():
    empty = pd.DataFrame({"article_id": pd.Series(dtype=object), "text": pd.Series(dtype=object)})
    out = st.score_sentiment(empty)
    assert len(out) == 0 and list(out.columns) == ["article_id", "text"] + st.SCORE_COLUMNS + ["compound_plain"]
    assert (out[st.SCORE_COLUMNS + ["compound_plain"]].dtypes == "float64").all()
    assert list(st.score_sentiment(empty, plain=False).columns) == ["article_id", "text"] + st.SCORE_COLUMNS
    with pytest.raises(KeyError):
        st.score_sentiment(pd.DataFrame({"sentence": [1]}))


def test_rows_do_not_depend_on_the_batch():
    df = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [SEED_WON, SEED_ALLIES, SEED_TIME]})
    whole = st.score_sentiment(df)
    part = st.score_sentiment(df.iloc[[1]])
    pd.testing.assert_frame_equal(whole.iloc[[1]], part)


def test_utils_reexports():
    for name in ("score_sentiment", "score_by_voice"):
        assert getattr(utils, name) is getattr(st, name)
    for name in ("sentiment_summary", "target_sentiment", "lexicon_contributors"):
        assert getattr(utils, name) is getattr(tb, name)


# ------------------------------------------------------------------ voice

STORY = SEED_TIME + "\n\n" + "“We have won against ISIS. Our boys are coming home,” Mr Trump said."
ARTS = pd.DataFrame({"article_id": ["s-1", "t-1"], "outlet": ["Outlet A", "Outlet B"],
                     "text": [STORY, "Officials said the bomb struck the convoy.\n\nThe plan isn’t good."]})


def test_score_by_voice_splits_a_mixed_sentence():
    sents = utils.split_sentences(ARTS)
    out = st.score_by_voice(sents, ARTS)
    assert list(out.columns) == ["article_id", "paragraph", "sentence", "voice", "text", "n_chars",
                                 "neg", "neu", "pos", "compound"]
    s0 = out[(out["article_id"] == "s-1") & (out["sentence"] == 0)]
    assert s0["voice"].tolist() == ["reporter", "quoted"]
    assert s0["text"].tolist() == [
        "Despite clashing publicly and privately with his advisors, the president is insistent "
        "that for US troops in Syria to return home.", "it’s time"]
    # A quotation over two sentences: the second sentence's quoted part is seen via the story.
    s = out[(out["article_id"] == "s-1") & (out["sentence"] > 0)]
    assert list(zip(s["sentence"], s["voice"], s["text"], s["compound"])) == [
        (1, "quoted", "We have won against ISIS.", 0.5719),
        (2, "reporter", "Mr Trump said.", 0.0),
        (2, "quoted", "Our boys are coming home,", 0.0)]
    # Reporter-only stories give one row per sentence with the sentence's own score.
    t = out[out["article_id"] == "t-1"]
    assert t["voice"].tolist() == ["reporter", "reporter"]
    assert t["compound"].tolist() == [-0.6369, -0.3412]


def test_score_by_voice_without_articles_and_empty():
    sents = utils.split_sentences(ARTS)[["article_id", "paragraph", "sentence", "text"]]
    out = st.score_by_voice(sents)
    assert out[out["article_id"] == "s-1"]["voice"].tolist() == [
        "reporter", "quoted", "quoted", "reporter", "quoted"]
    empty = st.score_by_voice(sents.iloc[:0], ARTS)
    assert len(empty) == 0 and list(empty.columns) == list(out.columns)
    numeric = ["paragraph", "sentence", "n_chars"] + st.SCORE_COLUMNS
    assert (empty[numeric].dtypes == out[numeric].dtypes).all()


# ------------------------------------------------------------------ summaries

@pytest.fixture
def scored():
    return st.score_sentiment(utils.split_sentences(ARTS))


def test_sentiment_summary_by_outlet(scored):
    out = tb.sentiment_summary(scored, ARTS, by="outlet")
    assert list(out.columns) == ["outlet", "stories"] + tb.SUMMARY_COLUMNS
    assert out["outlet"].tolist() == ["Outlet A", "Outlet B"] and out["stories"].tolist() == [1, 1]
    a = out.iloc[0]
    # compounds of Outlet A's three sentences: 0.0, 0.5719, 0.0 (the "coming home" sentence)
    assert a["n"] == 3 and a["n_positive"] == 1 and a["n_neutral"] == 2 and a["n_negative"] == 0
    assert a["mean_compound"] == pytest.approx(scored[scored.article_id == "s-1"]["compound"].mean())
    assert a["ci_low"] <= a["mean_compound"] <= a["ci_high"]
    assert a["ci_low"] == pytest.approx(0.0) and a["ci_high"] == pytest.approx(0.5719)
    b = out.iloc[1]
    assert b["n"] == 2 and b["share_negative"] == 1.0 and b["mean_compound"] == pytest.approx(-0.48905)
    again = tb.sentiment_summary(scored, ARTS, by="outlet")
    pd.testing.assert_frame_equal(out, again)                          # fixed seed


def test_sentiment_summary_by_story_and_voice(scored):
    by_story = tb.sentiment_summary(scored, ARTS, by="article_id")
    assert list(by_story.columns[:2]) == ["article_id", "outlet"] and len(by_story) == 2
    voice = st.score_by_voice(utils.split_sentences(ARTS), ARTS)
    by_voice = tb.sentiment_summary(voice, ARTS, by=["outlet", "voice"])
    assert list(zip(by_voice["outlet"], by_voice["voice"], by_voice["n"])) == [
        ("Outlet A", "quoted", 3), ("Outlet A", "reporter", 2), ("Outlet B", "reporter", 2)]
    empty = tb.sentiment_summary(scored.iloc[:0], ARTS)
    assert len(empty) == 0 and list(empty.columns) == ["outlet", "stories"] + tb.SUMMARY_COLUMNS


def test_target_sentiment_every_cell(scored):
    out = tb.target_sentiment(scored, ARTS)
    assert list(out.columns) == ["outlet", "target", "n", "mean_compound", "share_negative",
                                 "share_positive"]
    assert len(out) == 2 * len(st.DEFAULT_TARGETS)
    cell = out.set_index(["outlet", "target"])
    assert cell.loc[("Outlet A", "Trump"), "n"] == 1          # "…,” Mr Trump said."
    assert cell.loc[("Outlet A", "ISIS / Islamic State"), "mean_compound"] == 0.5719
    assert cell.loc[("Outlet A", "the troops"), "n"] == 1
    assert cell.loc[("Outlet B", "Iran"), "n"] == 0 and np.isnan(cell.loc[("Outlet B", "Iran"), "mean_compound"])
    custom = tb.target_sentiment(scored, ARTS, targets={"convoys": r"\bconvoys?\b"})
    assert custom["n"].tolist() == [0, 1]


def test_lexicon_contributors(scored):
    out = tb.lexicon_contributors(scored, ARTS, top=3)
    assert list(out.columns) == ["outlet", "direction", "rank", "word", "count", "valence_sum",
                                 "valence_mean"]
    b = out[out["outlet"] == "Outlet B"]
    # "bomb" keeps its lexicon -2.2 (no idiom), "good" is negated by "isn’t" (1.9 * -0.74).
    assert list(zip(b["direction"], b["rank"], b["word"], b["valence_sum"])) == [
        ("negative", 1, "bomb", -2.2), ("negative", 2, "good", -1.406), ("negative", 3, "struck", -1.0)]
    assert len(tb.lexicon_contributors(scored, ARTS, top=2).query("outlet == 'Outlet B'")) == 2
    a = out[out["outlet"] == "Outlet A"]
    assert list(zip(a["direction"], a["word"], a["count"])) == [("positive", "won", 1)]
    empty = tb.lexicon_contributors(scored.iloc[:0], ARTS)
    assert len(empty) == 0 and list(empty.columns) == list(out.columns)


# ------------------------------------------------------------------ the seed corpus

def test_seed_corpus_scores(sentences, articles):
    scored = st.score_sentiment(sentences)
    assert len(scored) == len(sentences)
    row = scored[scored["text"] == SEED_ALLIES]
    assert len(row) == 1 and row["compound"].iloc[0] == -0.2755
    effects = tb.fix_effects(sentences)
    assert list(effects.columns) == ["article_id", "sentence", "text", "plain_vader", "fixed",
                                     "change", "fixes"]
    # The 2025 story's Khamenei sentence: "Supreme Leader", "Prime Minister", "Popular Mobilization
    # Forces" are names, and “preserve and strengthen…” sits behind a curly quote.
    top = effects.iloc[0]
    assert top["text"].startswith("Iranian Supreme Leader Ali Khamenei urged")
    assert (top["plain_vader"], top["fixed"], top["fixes"]) == (0.8658, -0.0772, "quotes,names")
    assert set(effects["fixes"].str.split(",").explode()) == {"quotes", "no", "names"}


def test_seed_voice_split_on_a_mixed_sentence(sentences, articles):
    voice = st.score_by_voice(sentences, articles)
    parts = voice[voice["text"].isin(["it’s time"])]
    assert len(parts) == 1 and parts["voice"].iloc[0] == "quoted"
    sid = parts[["article_id", "sentence"]].iloc[0]
    same = voice[(voice["article_id"] == sid["article_id"]) & (voice["sentence"] == sid["sentence"])]
    assert same["voice"].tolist() == ["reporter", "quoted"]
    assert same["text"].iloc[0] == SEED_TIME.replace("that “it’s time” for", "that for")


def test_pitfall_table_and_story_labels(articles):
    table = tb.pitfall_table()
    assert list(table.columns) == ["fix", "problem", "sentence", "plain_vader", "this_fix_only",
                                   "all_fixes"]
    assert table["fix"].tolist() == ["quotes", "quotes", "bomb", "no", "names"]
    assert table["plain_vader"].tolist() == [0.4404, 0.0, 0.8402, -0.296, 0.4215]
    assert table["all_fixes"].tolist() == [-0.3412, 0.6249, -0.6369, 0.0, 0.0]
    labels = tb.story_labels(articles)
    assert labels.index.tolist() == articles["article_id"].tolist()
    assert labels.str.contains(" · 2018-12-19 · ").sum() == 2
    assert labels.iloc[0].startswith("(unknown outlet) · 2018-04-05 · Donald Trump plans")


def test_plots_return_figures(sentences, articles):
    import matplotlib.pyplot as plt

    scored = st.score_sentiment(sentences)
    summary = tb.sentiment_summary(scored, articles, n_boot=200)
    fig = ps.plot_summary(summary, "outlet", "t")
    assert len(fig.axes) == 2 and len(fig.axes[0].get_yticklabels()) == len(summary)
    voice = tb.sentiment_summary(st.score_by_voice(sentences, articles), articles,
                                 by=["outlet", "voice"], n_boot=200)
    fig2 = ps.plot_voice(voice, "t")
    fig3 = ps.plot_target_heatmap(tb.target_sentiment(scored, articles), "t")
    fig4 = ps.plot_contributors(tb.lexicon_contributors(scored, articles, top=3), "t")
    assert len(fig4.axes) == summary["outlet"].nunique()
    fig5 = ps.plot_contributors(tb.lexicon_contributors(scored, articles, top=3), "t",
                                overall=tb.lexicon_contributors(scored, articles, top=3, by=None))
    assert [a.get_title() for a in fig5.axes if a.get_visible()][:2] == ["all stories", "(unknown outlet)"]
    plt.close(fig5)
    for f in (fig, fig2, fig3, fig4):
        plt.close(f)


# ------------------------------------------------------------------ compound_plain, fix effects

def test_compound_plain_equals_plain_vader_on_every_pitfall(sentences):
    """The plain score kept in the same pass equals scoring again with fixes=False, whatever the
    fixes chosen (the pass skips the second scoring only where no fix can change a sentence)."""
    texts = pd.DataFrame({"text": [t for _, _, t in tb.PITFALL_EXAMPLES] + sentences["text"].tolist()
                          + ["NO way.", "the “bomb” went off", "Then the United Nations met."]})
    plain = st.score_sentiment(texts, fixes=False, plain=False)["compound"].tolist()
    for fixes in (True, {"no"}, {"names"}, {"bomb"}, {"quotes"}, False):
        assert st.score_sentiment(texts, fixes=fixes)["compound_plain"].tolist() == plain, fixes


def test_fix_effects_reads_the_stored_plain_score(sentences):
    scored = st.score_sentiment(sentences)
    pd.testing.assert_frame_equal(tb.fix_effects(scored), tb.fix_effects(sentences))
    fake = scored.assign(compound_plain=scored["compound"])          # stored columns are trusted
    fake.loc[0, "compound_plain"] = scored.loc[0, "compound"] + 0.5
    effects = tb.fix_effects(fake)
    assert len(effects) == 1 and effects["change"].iloc[0] == -0.5


def test_analyze_keeps_compound_plain(articles):
    sents = utils.analyze(articles)["sentences"]
    assert sents["compound_plain"].tolist() == st.score_sentiment(
        sents[["text"]], fixes=False, plain=False)["compound"].tolist()
    assert int((sents["compound"] != sents["compound_plain"]).sum()) == len(tb.fix_effects(sents)) == 24


# ------------------------------------------------------------------ grouping by any column

def _many(n_outlets=15, per=2):
    """Stories from n_outlets outlets (outlet k has per + k // 5 stories) with a lean column."""
    rows = []
    for k in range(n_outlets):
        for j in range(per + k // 5):
            rows.append({"article_id": f"o{k:02d}-{j}", "outlet": f"Outlet {k:02d}",
                         "lean": ["left", "center", "right"][k % 3] if k != 14 else None,
                         "text": ("The plan isn’t good." if k % 2 else "Peace is a great hope.")
                         + f"\n\nTroops left base {j}."})
    return pd.DataFrame(rows)


def test_summaries_group_by_any_column_with_the_rest_pooled():
    arts = _many()
    scored = st.score_sentiment(utils.split_sentences(arts))
    out = tb.sentiment_summary(scored, arts, by="outlet", top=3, n_boot=50)
    # outlets 10-14 have 4 stories, the rest 2-3: the top three by stories, then the rest pooled
    assert out["outlet"].tolist() == ["Outlet 10", "Outlet 11", "Outlet 12", "other outlets"]
    assert out["stories"].tolist() == [4, 4, 4, len(arts) - 12] and out["n"].sum() == len(scored)
    assert len(tb.sentiment_summary(scored, arts, by="outlet", top=None, n_boot=10)) == 15
    lean = tb.sentiment_summary(scored, arts, by="lean", n_boot=50)
    assert lean["lean"].tolist() == ["(unknown lean)", "center", "left", "right"]
    assert lean["stories"].tolist() == [4, 15, 14, 12]
    story = tb.sentiment_summary(scored, arts, by=["article_id", "lean"], n_boot=10)
    assert len(story) == len(arts) and "stories" not in story
    voice = st.score_by_voice(scored, arts, by="lean")
    assert voice["lean"].value_counts()["left"] == (scored.merge(arts, on="article_id")["lean"] == "left").sum()
    targets = tb.target_sentiment(scored, arts, by="outlet", top=2, targets={"troops": r"Troops"})
    assert targets["outlet"].tolist() == ["Outlet 10", "Outlet 11", "other outlets"]
    assert targets["n"].tolist() == [4, 4, len(arts) - 8]
    words = tb.lexicon_contributors(scored, arts, top=2, by="lean")
    assert list(dict.fromkeys(words["lean"])) == ["(unknown lean)", "center", "left", "right"]
    overall = tb.lexicon_contributors(scored, arts, top=2, by=None)
    assert set(overall["group"]) == {"all stories"}
    assert overall[overall["word"] == "good"]["count"].tolist() == [
        int(words[words["word"] == "good"]["count"].sum())]


def test_differing_pairs_counts_and_orders_the_gaps():
    summary = pd.DataFrame({"outlet": ["A", "B", "C", "D"], "mean_compound": [0.0, 0.5, -0.3, 0.05],
                            "ci_low": [-0.1, 0.4, -0.4, -0.05], "ci_high": [0.1, 0.6, -0.2, 0.15]})
    pairs = tb.differing_pairs(summary)
    # A and D overlap; every other pair is apart
    assert list(zip(pairs["lower"], pairs["higher"])) == [("C", "B"), ("A", "B"), ("D", "B"),
                                                          ("C", "D"), ("C", "A")]
    assert pairs["gap"].round(2).tolist() == [0.8, 0.5, 0.45, 0.35, 0.3]
    assert len(tb.differing_pairs(summary.iloc[:1])) == 0


def test_sentiment_prose_follows_the_data():
    few = pd.DataFrame({"outlet": ["A", "B"], "stories": [1, 2], "mean_compound": [0.0, 0.5],
                        "ci_low": [-0.1, 0.4], "ci_high": [0.1, 0.6], "n": [20, 30]})
    story = pd.DataFrame({"article_id": ["a", "b", "c"], "n": [20, 10, 20],
                          "mean_compound": [0.0, 0.4, 0.6], "ci_low": [-0.2, 0.2, 0.4],
                          "ci_high": [0.2, 0.6, 0.8]})
    prose = tb.sentiment_prose(story, few)
    assert prose["group_heading"] == ("Outlet means mix stories about different events: with a median "
                                      "of 1.5 stories per outlet, they cannot show a house style")
    assert prose["story_heading"] == ("Each story's mean rests on a median of 20 sentences, so its "
                                      "95% interval is 0.40 wide")
    assert "1 of 1 pairs of outlets have 95% intervals that do not overlap" in prose["group_line"]
    assert "B (+0.50) above A (+0.00)" in prose["group_line"]
    assert "ratings file is not here" in prose["bottom_line"]
    assert "2 of 2 named outlets have at most two stories" in prose["caveat"]
    many = few.drop(columns="outlet").assign(stories=[20, 30], lean=["left", "right"])
    agreement = pd.DataFrame({"scorer": ["plain VADER", "all fixes (project)"], "r": [0.4, 0.5],
                              "n": [100, 100]})
    prose2 = tb.sentiment_prose(story, many, by="lean", agreement=agreement)
    assert prose2["group_heading"] == ("1 of 1 pairs of leans differ beyond their 95% intervals, "
                                       "on a median of 25 stories per lean")
    assert "r = 0.50 (plain VADER 0.40" in prose2["bottom_line"]
    assert "at least 20 stories" in prose2["caveat"] and "cannot support" not in prose2["caveat"]
    one = tb.sentiment_prose(story.iloc[:1], few.iloc[:1])
    assert one["group_heading"] == "All stories fall in one outlet group: no comparison between outlets"


def test_whole_table_shows_every_row_and_character():
    long = "word " * 40
    df = pd.DataFrame({"text": [long] * 70, "n": range(70), "n_negative": 0})
    html = tb.whole_table(df, hide=tb.SUMMARY_COUNTS).to_html()
    assert html.count(long.strip()) == 70 and "n_negative" not in html
    assert "text-align: left" in html


def _px(fig):
    import io

    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, bbox_inches="tight")
    return Image.open(buf).size


def test_figures_stay_bounded_on_a_large_corpus():
    """60 outlets, 300 stories: every figure of notebook 02 under 2,400 px a side at 120 dpi, the
    story figure a distribution (one row per named group plus "other outlets")."""
    import matplotlib.pyplot as plt

    rows = [{"article_id": f"s{i:03d}-1", "outlet": f"Outlet number {i % 60:02d} with a long name",
             "text": ["Peace is a great hope.", "The war killed many.", "Troops left."][i % 3]
             + "\n\n“It is good,” she said."} for i in range(300)]
    arts = pd.DataFrame(rows)
    scored = st.score_sentiment(utils.split_sentences(arts))
    story = tb.sentiment_summary(scored, arts, by=["article_id", "outlet"], n_boot=10)
    story["story"] = story["article_id"]
    groups = tb.sentiment_summary(scored, arts, n_boot=10)
    voice = tb.sentiment_summary(st.score_by_voice(scored, arts, by="outlet"), arts,
                                 by=["outlet", "voice"], n_boot=10)
    words = tb.lexicon_contributors(scored, arts)
    figs = [ps.plot_summary(story, "story", "t"), ps.plot_summary(groups, "outlet", "t"),
            ps.plot_voice(voice, "t"), ps.plot_target_heatmap(tb.target_sentiment(scored, arts), "t"),
            ps.plot_contributors(words, "t", overall=tb.lexicon_contributors(scored, arts, by=None))]
    assert len(figs[0].axes[0].get_yticklabels()) == 13 == len(groups)
    for fig in figs:
        assert max(_px(fig)) <= 2400
        plt.close(fig)
