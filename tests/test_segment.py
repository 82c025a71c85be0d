"""Sentence boundaries (hand-checked on the seeds and on sentences written here) and quote spans."""
import pandas as pd

import utils


def _split(text: str) -> list[str]:
    return utils.split_sentences(pd.DataFrame({"article_id": ["x"], "text": [text]}))["text"].tolist()


def test_abbreviations_do_not_split():
    assert _split("Marine Gen. Joseph Dunford spoke. U.S. troops left. It backed the U.N.-mandated process.") == [
        "Marine Gen. Joseph Dunford spoke.", "U.S. troops left.", "It backed the U.N.-mandated process."]
    assert _split("Sen. Angus King and Rep. Adam Smith met Mr. Trump on Dec. 11 in Washington, D.C. today.") == [
        "Sen. Angus King and Rep. Adam Smith met Mr. Trump on Dec. 11 in Washington, D.C. today."]


def test_quotation_with_attribution_stays_together_and_multi_sentence_quote_splits():
    text = ("“These victories do not signal the end of its campaign,” Sanders said. "
            "“We have started returning troops. We will finish.” "
            "“Why now?” he asked. “A. B.” she said.")
    assert _split(text) == ["“These victories do not signal the end of its campaign,” Sanders said.",
                            "“We have started returning troops.", "We will finish.”",
                            "“Why now?” he asked.", "“A.", "B.” she said."]


def test_seed_boundaries(sentences):
    s = sentences[sentences["article_id"] == "001_7df7893154ea7ee7-1"]
    texts = s["text"].tolist()
    assert texts[3] == ("“These victories over ISIS in Syria do not signal the end of the Global Coalition "
                        "or its campaign,” Sanders said in a statement.")
    assert texts[4] == ("“We have started returning United States troops home as we transition to the next "
                        "phase of this campaign.”")
    assert texts[15].startswith("Marine Gen. Joseph Dunford, chairman of the Joint Chiefs of Staff, declined")
    assert texts[21] == "“We want to support the Geneva process, the U.N.-mandated process,” Mattis said in September."
    assert len(s) == 23 and s["paragraph"].max() == 17
    s4 = sentences[sentences["article_id"] == "004_ad856336adfc54f5-1"]["text"].tolist()
    assert "McGurk told reporters on December 11." in s4[s4.index(next(t for t in s4 if t.startswith("\"I think")))]
    assert sum(t.startswith("And two weeks ago Gen. Joseph Dunford") for t in s4) == 1


def test_columns_offsets_and_voice(sentences, articles):
    assert list(sentences.columns) == utils.SENTENCE_COLUMNS
    text = articles.set_index("article_id")["text"]
    for row in sentences.head(60).itertuples():
        assert text[row.article_id][row.start:row.end] == row.text
    assert sentences.groupby("article_id")["sentence"].apply(lambda s: list(s) == list(range(len(s)))).all()
    s = sentences.set_index(["article_id", "sentence"])
    assert s.loc[("001_7df7893154ea7ee7-1", 3), "voice"] == "quoted"      # “…,” Sanders said …
    assert s.loc[("001_7df7893154ea7ee7-1", 2), "voice"] == "mixed"       # partial quote
    assert s.loc[("001_7df7893154ea7ee7-1", 0), "voice"] == "reporter"
    assert set(sentences["voice"]) == {"reporter", "quoted", "mixed"}


def test_quote_spans_curly_straight_nested_and_broken():
    t = 'He said “a ‘big’ win,” and "another one" too.'
    assert [t[a:b] for a, b in utils.quote_spans(t)] == ["a ‘big’ win,", "another one"]
    # a quote running over paragraphs: open at the end of the first, reopened in the second
    t = "King said: “This is bad.\n\n“It hands a victory to ISIS.”\n\nThen he left."
    assert [t[a:b] for a, b in utils.quote_spans(t)] == ["This is bad.", "It hands a victory to ISIS."]
    # a closing mark whose opening was lost: the quote starts at its sentence
    t = "Troops left. We won the war,” he said."
    assert [t[a:b] for a, b in utils.quote_spans(t)] == ["We won the war,"]
    # a stray opening mark with no end, and an empty input, never raise
    assert utils.quote_spans("“") == [] and utils.quote_spans("") == []
    t = "“One” and “two"
    assert [t[a:b] for a, b in utils.quote_spans(t)] == ["One", "two"]


def test_empty_input():
    out = utils.split_sentences(pd.DataFrame({"article_id": [], "text": []}))
    assert list(out.columns) == utils.SENTENCE_COLUMNS and len(out) == 0


def test_fast_path_agrees_with_punkt(articles):
    """Paragraphs whose boundaries are unambiguous skip Punkt; the spans must be Punkt's own."""
    from withdrawals.segment import _TOKENIZER, _easy_spans, paragraph_offsets

    paras = [t[s:e] for t in articles["text"] for s, e in paragraph_offsets(t)]
    paras += ["He left. She stayed.", "“We won.” Then he left.", "It was good! Really? Yes.",
              "The mid-term. Next year.", "Talks with al-Sudani. Then more.", "Officials told CNN. Then.",
              'He said "stop." The end.', "A word.  Two spaces. OK", "''You have 'Adults.' ''"]
    used = 0
    for p in paras:
        fast = _easy_spans(p)
        if fast is not None:
            used += 1
            assert fast == list(_TOKENIZER.span_tokenize(p)), p
    assert used >= 90
    # ambiguous ones go to Punkt
    assert _easy_spans("They met Gen. Smith.” He spoke.") is None
    assert _easy_spans("It began in 2014. the war") is None
    assert _easy_spans("George W. Bush?! He spoke.") is None
    # numbers, initials, brackets and marks inside a word take the fast path when Punkt agrees
    for p in ("It began in 2014. The war", "President George W. Bush spoke. Then more.",
              "Ties with the U.S.-China trade. Then more.", "Was it? he asked. Yes.",
              "They met Gen. Smith. He spoke.", "Forces (SDF). The rest.", "In the 1930s. Then — more."):
        assert _easy_spans(p) == list(_TOKENIZER.span_tokenize(p)), p


def test_fast_path_agrees_with_punkt_on_random_paragraphs():
    """Paragraphs built at random from words, abbreviations, initials, numbers, quotation marks,
    brackets and odd spaces: wherever the fast path answers, it answers as Punkt does."""
    import random

    from withdrawals.segment import _TOKENIZER, _easy_spans

    words = ["He", "he", "said", "said.", "left.", "The", "the", "Bush", "war.", "“We", "go.”", "it?", "now!",
             "why?”", "(He", "“the", "2014.", "2,000.", "1930s.", "3.", "W.", "E.", "w.", "U.S.-China", "Fla.,",
             "feel.That", "U.S./NATO", "e.g.,", "x,Foo.", "U.S.", "Gen.", 'it."', "them.)", "(W.", "“W.", "12.5",
             "$5.", "A.", "WHO.", "al-Sudani.", "go.’", "him.”)", "Bush.", "Bush,", "Smith’s", "—", "...", "'", '"',
             "(", "‘Mine.’", "No.", "Co.", "9/11.", "“", "”", ")", "--", "?", "!", "–", "|", "…", "(SDF).",
             "creep”.", '"genocide".', "1930s.", "Smith.)", "'Let's", "Smith.", "Trump.”", "Who?!", "Smith?",
             "(R-Fla.).", "x”.", "Jr.).", "“Mr.", "H.W."]
    spaces = [" "] * 12 + ["  ", "\t", "\n", "\u00a0", "\u2028", "\x85", "\x0c", "\x1e"]
    rng = random.Random(2)
    used = 0
    for _ in range(20000):
        n = rng.randint(2, 9)
        p = "".join(rng.choice(words) + (rng.choice(spaces) if i < n - 1 else "") for i in range(n))
        fast = _easy_spans(p)
        if fast is not None:
            used += 1
            assert fast == list(_TOKENIZER.span_tokenize(p)), p
    assert used > 2000


# ------------------------------------------------------------------ one reading of quotation marks

SINGLE_MARK_STORY = ("Mr Harlow said: 'We will bring home all 2,000 troops from the base within 30 days.'\n\n"
                     "The minister's aides declined to comment.")


def test_the_tables_agree_on_a_story_quoted_with_single_marks():
    """The quotes table, the sentences' quoted share and the figures' `quoted` read the same marks."""
    tables = utils.analyze(pd.DataFrame({"article_id": ["s"], "text": [SINGLE_MARK_STORY]}))
    q = tables["quotes"]
    assert q[["speaker", "direct"]].values.tolist() == [["Harlow", True]]
    start, end = int(q["start"].iloc[0]), int(q["end"].iloc[0])
    assert SINGLE_MARK_STORY[start:end] == "We will bring home all 2,000 troops from the base within 30 days."
    assert utils.quote_spans(SINGLE_MARK_STORY) == [(start, end)]
    shares = tables["sentences"]["quoted_share"].tolist()
    assert shares[0] > 0.7 and shares[1] == 0.0                  # "minister's" is an apostrophe
    assert tables["troops"]["quoted"].tolist() == [True]
    assert tables["timelines"]["quoted"].tolist() == [True]


def test_seed_quotations_lie_inside_the_quote_spans(articles):
    q = utils.extract_quotes(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    for r in q[q["direct"]].itertuples():
        spans = utils.quote_spans(texts[r.article_id])
        assert any(s <= r.start and r.end <= e for s, e in spans), (r.article_id, r.quote)


def test_fast_path_abbreviations_agree_with_punkt():
    """An abbreviation ("U.S.", "Gen.") is no boundary on the fast path only where Punkt agrees:
    the word after it holds no end mark before its last character (Punkt reads "U.S. side.”" as
    one context and breaks)."""
    from withdrawals.segment import ABBREVIATIONS, _TOKENIZER, _easy_spans

    nexts = ["Smith", "smith", "“Smith”", "(Smith)", "Smith,", "Smith’s", "ET", "1,000", "—", "said",
             "'quoted'", "Smith:", "S", "U.S", "2019", "side.”", "Smith.", "ET.)"]
    templates = ("The troops met {}. {} and then left. The end came.", "{}. {} went home. Then he left",
                 "He said {}. {}. Then", "Troops of {}. {} left. They did.")
    used = 0
    for a in sorted(ABBREVIATIONS):
        for form in (a, a.capitalize(), a.upper()):
            for nx in nexts:
                for t in templates:
                    p = t.format(form, nx)
                    fast = _easy_spans(p)
                    if fast is not None:
                        used += 1
                        assert fast == list(_TOKENIZER.span_tokenize(p)), p
    assert used > 1000
    assert _easy_spans("They left the U.S. side.” Then more.") is None
    assert _easy_spans("U.S. troops left. Then more.") == [(0, 17), (18, 28)]
