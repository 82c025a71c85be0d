"""Property tests (hypothesis): messy text never crashes an analysis stage, and the contracts hold.

The stories are generated, not read from files: arbitrary Unicode (no lone surrogates, which a
decoded file never holds) and, more often, realistic fragments jumbled together — sentences,
paragraph breaks, unbalanced straight / curly / guillemet quotation marks, numbers with odd
separators, number words, troop nouns, reporting verbs, titles, very long lines, zero-width and
control characters.  Articles frames are built directly with the documented columns (loading
files is tested in test_corpus.py).

The default profile (conftest.py) runs the same 60 examples per property on every run;
``HYPOTHESIS_PROFILE=explore`` searches ten times wider with fresh random examples.
"""
import datetime as dt
import math
import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import assume, example, given, note, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import utils  # noqa: E402

# --------------------------------------------------------------------------- strategies

_CHARS = st.characters(exclude_categories=("Cs",))
_ODD = ["\u200b", "\ufeff", "\u200d", "\x00", "\x07", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1f",
        "\x7f", "\u0085", "\u2028", "\u2029", "\u00a0", "\u00ad", "\u3000"]
_MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "‹", "›"]
_NUMBERS = ["1,000", "1.000", "1 000", "2,500-3,000", "2,500 to 3,000", "10s", "1e5", "٣٠٠", "½",
            "2000", "2,000", "5k", "1.5 million", "00", "0", "9" * 30, "9" * 400, "1,00,000", "3.", ".5", "-40",
            "2019", "60 to 100", "30-day", "$5 billion", "50%", "No. 2", "1st", "between 200 and 100"]
_NUMBER_WORDS = ["two", "a dozen", "several hundred", "hundreds of", "tens of thousands of",
                 "thousands", "a few", "dozens", "one", "zero", "nine hundred thousand", "a million"]
_TROOPS = ["troops", "soldiers", "U.S. forces", "Marines", "service members", "American troops",
           "fighters", "personnel", "boots on the ground", "killed", "were injured", "have died"]
_VERBS = ["said", "told reporters", "says", "added", "according to", "warned", "tweeted", "asked"]
_TITLES = ["Gen.", "Sen.", "President", "Mr.", "Dr.", "Secretary of State", "a senior official",
           "Prime Minister", "Rep.", "Lt. Col.", "the Pentagon", "spokeswoman"]
_NAMES = ["Smith", "Ana de la Cruz", "O'Neil", "Jean-Luc", "Xi", "J.D.", "McConnell", "al-Baghdadi",
          "Trump", "Erdoğan", "Ümit", "$3", "<b>Bold</b>"]
_WORDS = ["the", "withdrawal", "from", "Syria", "Iraq", "within", "weeks", "days", "of", "in",
          "pull", "out", "not", "good", "bad", "war", "no", "isn’t", "U.S.", "e.g.", "Jan.",
          "great", "attack", "there", "months", "years", "by", "and", "ISIS", "Kurds", "Turkey"]
_SEPS = [" ", " ", " ", "", ". ", "? ", "! ", ", ", "\n", "\n\n", "\n \n", "\n\n\n", " — ", "… "]

_FRAGMENT = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_MARKS),
    st.sampled_from(_NUMBERS), st.sampled_from(_NUMBER_WORDS), st.sampled_from(_TROOPS),
    st.sampled_from(_VERBS), st.sampled_from(_TITLES), st.sampled_from(_NAMES),
    st.sampled_from(_ODD), st.text(_CHARS, max_size=6),
)


@st.composite
def realistic_text(draw):
    """Fragments joined by spaces, sentence ends and paragraph breaks; sometimes a very long line."""
    parts = []
    for frag in draw(st.lists(_FRAGMENT, max_size=40)):
        parts.append(frag)
        parts.append(draw(st.sampled_from(_SEPS)))
    text = "".join(parts)
    if draw(st.integers(0, 19)) == 0:
        # A single line of ~20,000 characters with no newline (a page flattened by a scraper).
        unit = draw(st.sampled_from(["2,000 U.S. troops said “we leave” ", "word ", "“a” ”b“ ",
                                     "x" * 50]))
        text = text + unit * (20_000 // len(unit))
    return text


_OPEN_Q, _CLOSE_Q = st.sampled_from(["“", '"', "«", "‘", "", "”"]), st.sampled_from(["”", '"', "»", "’", "", "“"])
_CLAUSE = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_NUMBERS), st.sampled_from(_NUMBER_WORDS),
                             st.sampled_from(_TROOPS)), min_size=1, max_size=8).map(" ".join)


@st.composite
def news_sentence(draw):
    """A sentence shaped like news copy: a quotation with its speaker, or a figure with its source."""
    who = draw(st.sampled_from(_TITLES)) + " " + draw(st.sampled_from(_NAMES))
    verb, clause = draw(st.sampled_from(_VERBS)), draw(_CLAUSE)
    o, c, end = draw(_OPEN_Q), draw(_CLOSE_Q), draw(st.sampled_from([".", ",", "?", "!", ""]))
    return draw(st.sampled_from([
        f"{o}{clause.capitalize()}{end}{c} {who} {verb}.",
        f"{who} {verb}: {o}{clause}{end}{c}",
        f"{who}, {draw(st.sampled_from(_TITLES)).lower()}, {verb} {clause}.",
        f"About {draw(st.sampled_from(_NUMBERS))} {draw(st.sampled_from(_TROOPS))} remain in Syria, {who} {verb}.",
        f"{o}{clause}{c} {verb} {who.lower()}, {o}{draw(_CLAUSE)}{end}{c}",
    ]))


@st.composite
def news_story(draw):
    """Paragraphs of news-shaped sentences (one to four sentences each)."""
    paras = draw(st.lists(st.lists(news_sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    return draw(st.sampled_from(["\n\n", "\n", "\n\n\n"])).join(paras)


story_text = st.one_of(
    realistic_text(), realistic_text(), news_story(), news_story(),
    st.text(_CHARS, max_size=300),
    st.sampled_from(["", " ", "\n\n", " \n \n ", "\u200b", "\ufeff\u200d", "\x00", "\t\x0b\x0c",
                     "\u2028\u2029\u0085"]),
)

_OUTLETS = ["", "", "Daily Express", "The $5 Times $3", "Le Monde «»", "Al Jazeera", "<script>alert(1)</script>"]
_TITLES_TEXT = st.one_of(st.sampled_from(["", "Trump pulls $5 billion in $3 troops",
                                          "<img src=x onerror=alert(1)>", "Withdrawal “begins”"]),
                         st.text(_CHARS, max_size=60))
_DATES = st.one_of(st.just(pd.NaT), st.datetimes(min_value=pd.Timestamp("1990-01-01").to_pydatetime(),
                                                  max_value=pd.Timestamp("2030-12-31").to_pydatetime()))


@st.composite
def articles_frame(draw, min_size=1, max_size=4, texts=story_text):
    """An articles table (``ARTICLE_COLUMNS`` + url, credits, encoding) of 1-4 generated stories."""
    n = draw(st.integers(min_size, max_size))
    rows = []
    for i in range(n):
        text = draw(texts)
        rows.append({
            "article_id": f"{i:03d}_gen-1", "source": f"{i:03d}_gen.txt", "part": 1,
            "outlet": draw(st.sampled_from(_OUTLETS)), "published": draw(_DATES),
            "title": draw(_TITLES_TEXT), "text": text,
            "n_words": len(text.split()), "n_paragraphs": len([p for p in text.split("\n\n") if p.strip()]),
            "url": "", "credits": "", "encoding": "utf-8",
        })
    df = pd.DataFrame(rows, columns=utils.ARTICLE_COLUMNS + ["url", "credits", "encoding"])
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[ns]")
    for col in ("part", "n_words", "n_paragraphs"):
        df[col] = df[col].astype("int64")
    for col in ("article_id", "source", "outlet", "title", "text", "url", "credits", "encoding"):
        df[col] = df[col].astype(object)
    return df


def _frame(*texts, outlet="", title=""):
    """An articles table of the given story texts (for the explicit examples)."""
    return pd.DataFrame({
        "article_id": [f"{i:03d}_ex-1" for i in range(len(texts))], "source": "ex.txt", "part": 1,
        "outlet": outlet, "published": pd.Series([pd.NaT] * len(texts), dtype="datetime64[ns]"),
        "title": title, "text": list(texts), "n_words": [len(t.split()) for t in texts],
        "n_paragraphs": 1, "url": "", "credits": "", "encoding": "utf-8"})


# --------------------------------------------------------------------------- helpers

def _has_columns(df, cols):
    assert isinstance(df, pd.DataFrame)
    missing = [c for c in cols if c not in df.columns]
    assert not missing, f"missing columns {missing}"


def _short(s, keep=150):
    """A long string cut in the middle, for readable failure reports."""
    return s if len(s) <= 2 * keep + 40 else s[:keep] + f"<... {len(s) - 2 * keep} chars ...>" + s[-keep:]


def _show(articles):
    """Print the story texts when a property fails (the DataFrame repr cuts them off)."""
    note(f"texts = {[_short(t) for t in articles['text']]!r}")
    note(f"titles = {articles['title'].tolist()!r}; outlets = {articles['outlet'].tolist()!r}")


def _numeric(df, cols):
    """The count and score columns are numbers even when the table is empty (plots add them up)."""
    bad = {c: str(df[c].dtype) for c in cols if not pd.api.types.is_numeric_dtype(df[c])}
    assert not bad, f"not numeric: {bad}"


def _frozen(df):
    """A deep copy to compare the input with after a stage ran (stages must not mutate it)."""
    return df.copy(deep=True)


def _stage(fn, articles, columns):
    """Run one stage on ``articles``: it leaves its input unchanged and returns ``columns``."""
    _show(articles)
    before = _frozen(articles)
    out = fn(articles)
    pd.testing.assert_frame_equal(articles, before)
    _has_columns(out, columns)
    return out


def _fewer(n: int) -> int:
    """``n`` examples under the default profile (60), scaled with it under ``explore`` (600)."""
    return max(1, n * settings.default.max_examples // 60)


# --------------------------------------------------------------------------- text functions

@given(story_text)
def test_paragraph_offsets_cover_the_text_in_order(text):
    """paragraph_offsets: ordered spans from 0 to len(text), separated only by blank lines."""
    spans = utils.paragraph_offsets(text)
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(text)
    for (s, e), (s2, _) in zip(spans, spans[1:]):
        assert s <= e < s2
        assert re.fullmatch(r"\n[ \t]*\n", text[e:s2])
    assert all("\n\n" not in text[s:e] for s, e in spans)


@given(story_text)
def test_quote_spans_sorted_disjoint_within_paragraphs(text):
    """quote_spans: sorted, non-overlapping, non-empty spans, each inside one paragraph, no mark inside
    except single quotes (which never open a quotation)."""
    spans = utils.quote_spans(text)
    paras = utils.paragraph_offsets(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert any(ps <= s and e <= pe for ps, pe in paras)
        prev = e


@given(story_text, st.text(alphabet="abc XYZ019,-", min_size=1, max_size=40), st.sampled_from("‘'"),
       st.sampled_from("’'"))
def test_headline_quote_is_the_whole_line_or_nothing(text, words, opening, closing):
    """headline_quote: None, or the words between the marks of a line that is one single-marked
    quotation; a line made so gives back exactly its words."""
    for line in text.split("\n"):
        got = utils.headline_quote(line)
        if got is not None:
            s, e = got
            assert 0 < s < e < len(line) and line[s - 1] in "‘'" and not set(line[s:e]) & set("‘’'\"“”")
    line = opening + "Q" + words.rstrip() + closing
    got = utils.headline_quote(line)
    assert got is not None and line[got[0]:got[1]] == "Q" + words.rstrip()


@given(story_text)
def test_normalize_quotes_leaves_no_typographic_quotes(text):
    """normalize_quotes: returns a str with no curly quotes left; ASCII text unchanged."""
    out = utils.normalize_quotes(text)
    assert isinstance(out, str)
    assert not set("“”‘’") & set(out)
    if text.isascii():
        assert out == text


@given(story_text)
def test_polarity_scores_in_range(text):
    """polarity / token_valences: never raise; compound in [-1, 1], neg/neu/pos in [0, 1]."""
    for fixes in (True, False):
        p = utils.polarity(text[:2000], fixes=fixes)
        assert set(p) >= {"neg", "neu", "pos", "compound"}
        assert -1 <= p["compound"] <= 1
        assert all(0 <= p[k] <= 1 for k in ("neg", "neu", "pos"))
        vals = utils.token_valences(text[:2000], fixes=fixes)
        assert all(isinstance(w, str) and math.isfinite(v) and v != 0 for w, v in vals)


@given(st.one_of(st.sampled_from(_NUMBERS + _NUMBER_WORDS), st.text(_CHARS, max_size=20), story_text))
@example("9" * 400)            # was: OverflowError (float infinity to int)
@example("9" * 5000 + ".5")    # was: OverflowError
@example("9007199254740993")   # was: 9007199254740992 (parsed through a float)
def test_parse_number_gives_ordered_non_negative_pair_or_none(text):
    """parse_number: None, or (low, high) ints with 0 <= low <= high <= MAX_NUMBER (numbers
    beyond it are not counts: None)."""
    out = utils.parse_number(text)
    if out is not None:
        low, high = out
        assert isinstance(low, (int, np.integer)) and isinstance(high, (int, np.integer))
        assert 0 <= low <= high <= utils.MAX_NUMBER


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.sampled_from(utils.HEDGES))
def test_figure_label_is_text_with_the_number(a, b, hedge):
    """figure_label: a non-empty string for any ordered pair and hedge."""
    low, high = min(a, b), max(a, b)
    label = utils.figure_label(low, high, hedge)
    assert isinstance(label, str) and label
    assert f"{low:,}" in label


# --------------------------------------------------------------------------- sentences and sentiment

@given(articles_frame())
@example(_frame(" ", "a\n\n \n\nb"))     # was: an empty sentence with start > end per blank paragraph
@example(_frame("the\n\n\nU.S. troops left. They said so."))   # was: a sentence starting with "\n"
def test_split_sentences_keeps_every_story_and_slices_its_text(articles):
    """split_sentences: SENTENCE_COLUMNS; a story appears iff its text has a non-space character
    (blank or whitespace-only text gives no rows: there is no sentence to score, and the story is
    still in the articles table); each row's ``text`` is ``story[start:end]``, non-empty and
    stripped, inside its ``paragraph``; ``sentence`` counts 0, 1, ... in text order; ``voice``
    agrees with ``quoted_share`` in [0, 1]."""
    sents = _stage(utils.split_sentences, articles, utils.SENTENCE_COLUMNS)
    texts = dict(zip(articles["article_id"], articles["text"]))
    with_text = {a for a, t in texts.items() if t.strip()}
    assert set(sents["article_id"]) == with_text
    for aid, group in sents.groupby("article_id", sort=False):
        text = texts[aid]
        paras = utils.paragraph_offsets(text)
        assert group["sentence"].tolist() == list(range(len(group)))
        prev_end = 0
        for r in group.itertuples(index=False):
            assert r.text == text[r.start:r.end]
            assert r.text and r.text == r.text.strip()
            assert prev_end <= r.start < r.end
            prev_end = r.end
            ps, pe = paras[r.paragraph]
            assert ps <= r.start and r.end <= pe
            assert 0 <= r.quoted_share <= 1
            assert r.voice == ("reporter" if r.quoted_share == 0 else
                               "quoted" if r.quoted_share >= 0.5 else "mixed")


def _check_scores(df):
    _has_columns(df, utils.SCORE_COLUMNS)
    for c in ("neg", "neu", "pos"):
        assert df[c].between(0, 1).all(), c
    assert df["compound"].between(-1, 1).all()


@given(articles_frame())
def test_score_sentiment_scores_in_range_same_rows(articles):
    """score_sentiment (all fixes and plain VADER): the same rows and columns plus scores, compound
    in [-1, 1], neg/neu/pos in [0, 1]; the input is not changed."""
    _show(articles)
    sents = utils.split_sentences(articles)
    before = _frozen(sents)
    for fixes in (True, False):
        scored = utils.score_sentiment(sents, fixes=fixes)
        pd.testing.assert_frame_equal(sents, before)
        assert len(scored) == len(sents)
        pd.testing.assert_frame_equal(scored[sents.columns], sents)
        _check_scores(scored)


@settings(max_examples=_fewer(40))
@given(articles_frame())
def test_score_by_voice_parts_in_range(articles):
    """score_by_voice (with and without the articles): VOICE_COLUMNS, voice reporter/quoted, scores
    in range, every part from a sentence of the input, non-empty text."""
    _show(articles)
    sents = utils.split_sentences(articles)
    keys = set(zip(sents["article_id"], sents["sentence"]))
    for arts in (articles, None):
        voice = utils.score_by_voice(sents, arts)
        _has_columns(voice, utils.VOICE_COLUMNS)
        _check_scores(voice)
        assert set(voice["voice"]) <= {"reporter", "quoted"}
        assert set(zip(voice["article_id"], voice["sentence"])) <= keys
        assert (voice["n_chars"] > 0).all()


@settings(max_examples=_fewer(20))
@given(articles_frame())
def test_sentiment_tables_have_their_columns(articles):
    """sentiment_summary (by outlet, story, outlet x voice), target_sentiment, lexicon_contributors,
    fix_effects, story_labels: documented columns, never raise; intervals contain the mean and
    the polarity shares add up to one."""
    _show(articles)
    scored = utils.score_sentiment(utils.split_sentences(articles))
    voice = utils.score_by_voice(scored, articles)
    for table, by in ((scored, "outlet"), (scored, "article_id"), (voice, ["outlet", "voice"])):
        summ = utils.sentiment_summary(table, articles, by=by, n_boot=50)
        _has_columns(summ, ([by] if isinstance(by, str) else by) + utils.SUMMARY_COLUMNS)
        _numeric(summ, utils.SUMMARY_COLUMNS)
        assert summ["n"].sum() == len(table)
        ok = summ["n"] > 0
        assert (summ.loc[ok, "ci_low"] <= summ.loc[ok, "mean_compound"] + 1e-9).all()
        assert (summ.loc[ok, "mean_compound"] <= summ.loc[ok, "ci_high"] + 1e-9).all()
        shares = summ.loc[ok, ["share_negative", "share_neutral", "share_positive"]].sum(axis=1)
        assert np.allclose(shares, 1)
    targets = utils.target_sentiment(scored, articles)
    _has_columns(targets, ["outlet", "target", "n", "mean_compound", "share_negative", "share_positive"])
    _numeric(targets, ["n", "mean_compound", "share_negative", "share_positive"])
    outlets = utils.outlet_names(articles)[articles["article_id"].isin(scored["article_id"])]
    assert len(targets) == outlets.nunique() * len(utils.DEFAULT_TARGETS)   # outlets with a sentence
    words = utils.lexicon_contributors(scored, articles, top=3)
    _has_columns(words, ["outlet", "direction", "rank", "word", "count", "valence_sum", "valence_mean"])
    _numeric(words, ["rank", "count", "valence_sum", "valence_mean"])
    effects = utils.fix_effects(scored)
    _has_columns(effects, ["article_id", "sentence", "text", "plain_vader", "fixed", "change", "fixes"])
    _numeric(effects, ["plain_vader", "fixed", "change"])
    labels = utils.story_labels(articles)
    assert isinstance(labels, pd.Series) and list(labels.index) == list(articles["article_id"])
    assert all(isinstance(x, str) for x in labels)


# --------------------------------------------------------------------------- quotations and speakers

_KINDS = {"person", "anonymous", "organization", "unknown"}


@given(articles_frame())
@example(_frame("the\n \nTroops said “we leave” today."))   # was: paragraph 0 (a line of spaces is a break)
def test_extract_quotes_quote_is_the_story_text_at_start_end(articles):
    """extract_quotes: QUOTE_COLUMNS; every ``quote`` is ``story[start:end]`` (so a substring of
    its story's text), non-empty, inside its ``paragraph``; speaker_kind one of four; direct bool;
    only stories of the input; the input is not changed."""
    quotes = _stage(utils.extract_quotes, articles, utils.QUOTE_COLUMNS)
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert set(quotes["article_id"]) <= set(texts)
    assert set(quotes["speaker_kind"]) <= _KINDS
    for r in quotes.itertuples(index=False):
        text = texts[r.article_id]
        assert 0 <= r.start < r.end <= len(text)
        assert r.quote == text[r.start:r.end]
        assert r.quote in text
        ps, pe = utils.paragraph_offsets(text)[r.paragraph]
        assert ps <= r.start and r.end <= pe
        assert isinstance(r.direct, (bool, np.bool_))
        assert isinstance(r.speaker, str) and isinstance(r.speaker_role, str) and isinstance(r.cue, str)
        assert r.quote_words >= 0


def _speaker_tables(quotes, articles):
    """Every speaker table of notebook 03, checked for its documented columns."""
    table = utils.speaker_table(quotes, articles)
    _has_columns(table, ["outlet", "speaker", "speaker_kind", "speaker_role", "direct_quotes",
                         "direct_words", "reported", "reported_words", "stories"])
    _numeric(table, ["direct_quotes", "direct_words", "reported", "reported_words", "stories"])
    words = utils.quotations_only(quotes)            # terms are nobody's words
    assert table["direct_quotes"].sum() == words["direct"].sum()
    assert table["reported"].sum() == (~words["direct"].astype(bool)).sum()
    assert len(words) == int((quotes["quote_kind"] == "quotation").sum())
    merged = utils.merge_speakers(quotes)
    _has_columns(merged, utils.QUOTE_COLUMNS)
    assert len(merged) == len(quotes)
    assert merged.drop(columns="speaker").equals(quotes.drop(columns="speaker"))
    grouped = utils.voice_group(quotes)
    _has_columns(grouped, utils.QUOTE_COLUMNS + ["group"])
    assert set(grouped["group"]) <= set(utils.DEFAULT_GROUPS) | {"other"}
    shares = utils.group_share(quotes[quotes["direct"]], articles)
    _has_columns(shares, ["outlet", "group", "quotes", "words", "share"])
    _numeric(shares, ["quotes", "words", "share"])
    assert shares["share"].between(0, 1).all()
    anon = utils.anonymous_share(quotes[quotes["speaker_kind"] != "unknown"], articles)
    _has_columns(anon, ["outlet", "quotes", "anonymous", "share", "stories", "stories_with_anonymous"])
    _numeric(anon, ["quotes", "anonymous", "share", "stories", "stories_with_anonymous"])
    assert anon["share"].between(0, 1).all()
    tone = utils.speaker_sentiment(quotes, articles)
    _has_columns(tone, ["outlet", "speaker", "speaker_kind", "quotes", "words", "mean_compound",
                        "min_compound", "max_compound"])
    _numeric(tone, ["quotes", "words", "mean_compound", "min_compound", "max_compound"])
    assert ((tone["min_compound"] <= tone["mean_compound"] + 1e-4)
            & (tone["mean_compound"] <= tone["max_compound"] + 1e-4)).all()
    assert tone[["min_compound", "max_compound"]].stack().between(-1, 1).all()
    return table, shares, anon, tone


@settings(max_examples=_fewer(30))
@given(articles_frame())
def test_speaker_tables_have_their_columns(articles):
    """speaker_table, merge_speakers, voice_group, group_share, anonymous_share, speaker_sentiment:
    documented columns, counts that add up to the quotations, shares in [0, 1]; never raise."""
    _show(articles)
    quotes = utils.extract_quotes(articles)
    _speaker_tables(quotes, articles)
    _speaker_tables(quotes.iloc[0:0], articles)



@settings(max_examples=_fewer(40))
@given(articles_frame(max_size=6), st.lists(st.integers(0, 7), max_size=12), st.sampled_from([None, 1, 2]),
       st.sampled_from(["outlet", "title", "year", "month"]))
def test_join_articles_keeps_every_row_once_with_one_group_per_story(articles, picks, top, by):
    """join_articles: every row kept once and in order (rows with no story too), the input unchanged;
    each row's group is its story's (utils.story_groups), "(unknown outlet)" with no story."""
    ids = list(articles["article_id"]) + ["no-such-story", "another"]
    rows = pd.DataFrame({"article_id": [ids[i % len(ids)] for i in picks], "n": range(len(picks))})
    before = rows.copy()
    out = utils.join_articles(rows, articles, ["outlet", "published", "title"], [("group", by)], top,
                              period="auto")
    assert out["n"].tolist() == list(range(len(picks))) and rows.equals(before)
    groups = dict(zip(articles["article_id"], utils.story_groups(articles, by, top)))
    assert out["group"].tolist() == [groups.get(a, "(unknown outlet)") for a in rows["article_id"]]
    assert set(out.columns) == {"article_id", "n", "outlet", "published", "title", "group", "period"}

@settings(max_examples=_fewer(40))
@given(articles_frame())
def test_quotes_html_escapes_the_text(articles):
    """quotes_html: a string with one table row per quotation, and no markup from the stories
    (a quotation or outlet holding ``<script>`` or ``<img ...>`` appears escaped)."""
    _show(articles)
    quotes = utils.extract_quotes(articles)
    out = utils.quotes_html(quotes, articles)
    assert isinstance(out, str)
    assert out.count("<tr>") == len(quotes) + 1
    assert "<script" not in out and "<img" not in out and "<b>" not in out


@settings(max_examples=_fewer(40))
@given(articles_frame())
@example(_frame("He said “we leave” and “we stay”. " * 300))   # was: 4 s (quadratic .at lookups)
def test_score_quotes_finds_every_quotation_in_itself(articles):
    """score_quotes, scoring the direct quotations against themselves as gold: all found, all
    used, every speaker right (or everything 0 when there is no direct quotation)."""
    _show(articles)
    quotes = utils.extract_quotes(articles)
    direct = utils.merge_speakers(quotes[quotes["direct"]])
    gold = direct.rename(columns={"speaker_kind": "kind"})[["article_id", "quote", "speaker", "kind", "quote_kind"]]
    s = utils.score_quotes(quotes, gold)
    assert s["gold"] == s["predicted"] == len(direct)
    expected = 1.0 if len(direct) else 0.0
    assert (s["recall"], s["precision"], s["speaker_accuracy"], s["e2e_f1"]) == (expected,) * 4
    assert len(s["misses"]) == 0


# --------------------------------------------------------------------------- numbers

def _check_figures(table, texts, *, nullable):
    """low <= high, both finite and >= 0 (or both missing where the contract allows <NA>);
    ``span`` is ``story[start:end]``; the sentence holds the span."""
    for r in table.itertuples(index=False):
        if nullable and (pd.isna(r.low) or pd.isna(r.high)):
            assert pd.isna(r.low) and pd.isna(r.high)
        else:
            assert not pd.isna(r.low) and not pd.isna(r.high)
            assert math.isfinite(float(r.low)) and math.isfinite(float(r.high))
            assert 0 <= r.low <= r.high
        text = texts[r.article_id]
        assert 0 <= r.start < r.end <= len(text)
        assert r.span == text[r.start:r.end]
        assert r.span in r.sentence
        assert isinstance(r.quoted, (bool, np.bool_))


@given(articles_frame())
@example(_frame("2,000 U.S. troops said “we leave” " * 1200))   # was: 2 s, one rescan per figure
@example(_frame("999999999999999999999999999999 troops are in Syria.",   # was: OverflowError (int64)
                "9" * 400 + " troops left within " + "9" * 400 + " days.",
                "Troops will withdraw within 99999999999999999999999 days."))
def test_figures_are_ordered_non_negative_and_slice_the_text(articles):
    """extract_troop_mentions / extract_casualties / extract_timelines: their *_COLUMNS; low <= high,
    finite, >= 0 (timelines may hold <NA> for "within weeks"); span == story[start:end]; hedge,
    actor, kind and unit from their documented sets; extract_figures gives the same three tables,
    and passing the sentences in gives what computing them does."""
    _show(articles)
    before = _frozen(articles)
    sents = utils.split_sentences(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    troops = utils.extract_troop_mentions(articles)
    casualties = utils.extract_casualties(articles, sents)
    timelines = utils.extract_timelines(articles, sents)
    pd.testing.assert_frame_equal(articles, before)
    _has_columns(troops, utils.TROOP_COLUMNS)
    _has_columns(casualties, utils.CASUALTY_COLUMNS)
    _has_columns(timelines, utils.TIMELINE_COLUMNS)
    _check_figures(troops, texts, nullable=False)
    _check_figures(casualties, texts, nullable=False)
    _check_figures(timelines, texts, nullable=True)
    assert set(troops["hedge"]) <= set(utils.HEDGES) and set(casualties["hedge"]) <= set(utils.HEDGES)
    assert set(troops["actor"]) <= {"us", "isis", "local", "other"}
    assert set(troops["place_from"]) <= set(utils.PLACE_FROM)
    assert set(casualties["kind"]) <= {"death", "injury"}
    assert set(timelines["unit"]) <= {"hour", "day", "week", "month", "year", "decade"}
    assert set(timelines["kind"]) <= set(utils.FRAME_KINDS)
    both = utils.extract_figures(articles, sents)
    pd.testing.assert_frame_equal(both["troops"], utils.extract_troop_mentions(articles, sents))
    pd.testing.assert_frame_equal(both["troops"], troops)
    pd.testing.assert_frame_equal(both["casualties"], casualties)
    pd.testing.assert_frame_equal(both["timelines"], timelines)


@settings(max_examples=_fewer(30))
@given(articles_frame())
def test_figure_tables_have_their_columns(articles):
    """figures_by_place, figure_agreement, agreement_statements, timelines_by_outlet,
    extraction_blind_spots: documented columns, never raise, on any troops table (empty included)."""
    _show(articles)
    figs = utils.extract_figures(articles)
    for troops in (figs["troops"], figs["troops"].iloc[0:0]):
        for actors in (("us",), None):
            by_place = utils.figures_by_place(troops, articles, actors=actors)
            _has_columns(by_place, ["place", "outlet", "actor", "low", "high", "hedge", "figure",
                                    "mentions", "stories", "quoted", "first_published"])
            _numeric(by_place, ["low", "high", "mentions", "stories", "quoted"])
            assert (by_place["low"] <= by_place["high"]).all()
            agree = utils.figure_agreement(troops, articles, actors=actors)
            _has_columns(agree, ["place", "figure", "low", "high", "outlets", "outlets_list", "hedges",
                                 "same_hedge", "only_one_outlet", "other_outlets_in_place", "sentences"])
            _numeric(agree, ["low", "high", "outlets"])
            statements = utils.agreement_statements(agree)
            assert isinstance(statements, list) and all(isinstance(x, str) for x in statements)
        blind = utils.extraction_blind_spots(troops)
        _has_columns(blind, ["what", "figures", "share"])
        _numeric(blind, ["figures", "share"])
        assert blind["share"].dropna().between(0, 1).all()
    for timelines in (figs["timelines"], figs["timelines"].iloc[0:0]):
        frames = utils.timelines_by_outlet(timelines, articles)
        _has_columns(frames, ["outlet", "published", "article_id", "span", "low", "high", "unit",
                              "low_days", "high_days", "sentence"])
        _numeric(frames, ["low", "high", "low_days", "high_days"])
        assert len(frames) == len(timelines)


# --------------------------------------------------------------------------- the whole analysis

def _assert_tables_equal(a: dict, b: dict):
    assert set(a) == set(b) == set(utils.TABLES)
    for t in utils.TABLES:
        pd.testing.assert_frame_equal(a[t].reset_index(drop=True), b[t].reset_index(drop=True), obj=t)


@settings(max_examples=_fewer(25))
@given(articles_frame())
def test_analyze_partition_equals_the_stages_and_is_deterministic(articles):
    """analyze_partition: the same tables as the stages run one by one, twice the same result,
    and analyze(workers=1) gives it too; the input is not changed."""
    _show(articles)
    before = _frozen(articles)
    first = utils.analyze_partition(articles)
    pd.testing.assert_frame_equal(articles, before)
    sents = utils.split_sentences(articles)
    figs = utils.extract_figures(articles, sents)
    stages = {"sentences": utils.score_sentiment(sents), "quotes": utils.extract_quotes(articles),
              "troops": figs["troops"], "timelines": figs["timelines"], "casualties": figs["casualties"]}
    _assert_tables_equal(first, stages)
    _assert_tables_equal(first, utils.analyze_partition(articles.copy(deep=True)))
    reduced = utils.reduce_tables(first)          # one name per person, sources of figures
    assert set(reduced["quotes"]["person_id"]) <= {""} | {f"{k}:{n}" for k, n in zip(
        reduced["quotes"]["speaker_kind"], reduced["quotes"]["person_id"].str.split(":").str[-1])}
    assert set(reduced["troops"]["source_kind"]) <= {"person", "organization", "anonymous", "unknown", "reporter"}
    _assert_tables_equal(reduced, utils.analyze(articles, workers=1))


@settings(max_examples=_fewer(20))
@given(articles_frame(min_size=2, max_size=4))
def test_a_storys_rows_do_not_depend_on_the_batch(articles):
    """Every table: the rows of each story analysed alone equal its rows in the batch (so the
    analysis can be split across partitions, cores and machines)."""
    _show(articles)
    batch = utils.analyze_partition(articles)
    for aid in articles["article_id"]:
        alone = utils.analyze_partition(articles[articles["article_id"] == aid])
        for t in utils.TABLES:
            part = batch[t][batch[t]["article_id"] == aid].reset_index(drop=True)
            pd.testing.assert_frame_equal(alone[t].reset_index(drop=True), part, obj=f"{t} of {aid}")


_EMPTY = _frame()


def _dtypes(df):
    return {c: str(t) for c, t in df.dtypes.items()}


@settings(max_examples=_fewer(20))
@given(articles_frame())
def test_column_types_do_not_depend_on_the_content(articles):
    """Every stage gives the same column dtypes whether it finds rows or not (an empty partition
    and a full one concatenate, and the Dask meta of an empty partition is right), and
    analyze(workers=1) keeps the dtypes of analyze_partition."""
    _show(articles)
    got, empty = utils.analyze_partition(articles), utils.analyze_partition(_EMPTY)
    for t in utils.TABLES:
        assert _dtypes(got[t]) == _dtypes(empty[t]), t
    sents = utils.split_sentences(articles)
    empty_sents = utils.split_sentences(_EMPTY)
    assert _dtypes(utils.score_by_voice(sents, articles)) == _dtypes(utils.score_by_voice(empty_sents, _EMPTY))
    whole, empty_whole = utils.analyze(articles, workers=1), utils.reduce_tables(empty)
    for t in utils.TABLES:
        assert _dtypes(whole[t]) == _dtypes(empty_whole[t]), t


@settings(max_examples=_fewer(15))
@given(articles=articles_frame())
def test_analyze_cached_reads_back_what_analyze_gives(tmp_path_factory, articles):
    """analyze_cached: the first call (computed) and the second (read from Parquet) both equal
    analyze, values and dtypes."""
    _show(articles)
    cache = tmp_path_factory.mktemp("cache")
    fresh = utils.analyze(articles)
    _assert_tables_equal(utils.analyze_cached(articles, cache), fresh)
    _assert_tables_equal(utils.analyze_cached(articles, cache), fresh)


# --------------------------------------------------------------------------- figures

_MATH = ["$5 billion in $3", r"a $\frac{1}{0 and $", "costs $5^ and $", r"$\undefinedcommand$ x",
         "50% of $_ troops$"]


def _figure(out):
    """The figure of a plot_* result (a Figure or a (Figure, data) pair), drawn to the end."""
    fig = out[0] if isinstance(out, tuple) else out
    assert isinstance(fig, matplotlib.figure.Figure)
    if isinstance(out, tuple):
        assert isinstance(out[1], pd.DataFrame)
    fig.canvas.draw()          # text is laid out (and mathtext parsed) only when drawn
    return fig


def _all_plots(articles):
    """Every plot_* of the analysis modules, fed the tables the notebooks feed them."""
    colors = utils.outlet_colors(utils.outlet_names(articles))
    scored = utils.score_sentiment(utils.split_sentences(articles))
    labels = utils.story_labels(articles)
    story = utils.sentiment_summary(scored, articles, by="article_id", n_boot=20)
    story.insert(1, "story", story["article_id"].map(labels))
    outlet = utils.sentiment_summary(scored, articles, by="outlet", n_boot=20)
    voice = utils.sentiment_summary(utils.score_by_voice(scored, articles), articles,
                                    by=["outlet", "voice"], n_boot=20)
    quotes = utils.extract_quotes(articles)
    table, shares, anon, tone = _speaker_tables(quotes, articles)
    figs = utils.extract_figures(articles, scored)
    title = " / ".join(articles["title"])[:200]
    yield utils.plot_summary(story, "story", colors=colors, title=title)
    yield utils.plot_summary(outlet, "outlet", colors=colors, title=title)
    yield utils.plot_voice(voice, title=title, colors=colors)
    yield utils.plot_target_heatmap(utils.target_sentiment(scored, articles), title=title)
    yield utils.plot_contributors(utils.lexicon_contributors(scored, articles, top=3), title=title)
    yield utils.plot_top_speakers(table, colors, title=title)
    yield utils.plot_shares(anon, "share", "outlet", colors, n_col="quotes", xlabel=title, title=title)
    yield utils.plot_groups(shares, title=title)
    yield utils.plot_speaker_sentiment(tone, colors, title=title)
    for troops in (figs["troops"], figs["troops"].iloc[0:0]):
        yield utils.plot_figures_by_place(utils.figures_by_place(troops, articles), colors)
        yield utils.plot_figures_by_place(utils.figures_by_place(troops, articles, actors=None), colors)
        yield utils.plot_figures_over_time(troops, articles, colors)
        yield utils.plot_figures_over_time(troops, articles, colors, actors=None)
    for timelines in (figs["timelines"], figs["timelines"].iloc[0:0]):
        yield utils.plot_timelines(utils.timelines_by_outlet(timelines, articles), colors)


_PLOTS = {n for n in dir(utils) if n.startswith("plot_")} - {
    "plot_corpus_timeline", "plot_words_per_story", "plot_cleaning"}   # corpus.py's: test_corpus


def test_every_analysis_plot_is_covered():
    """The plot test below calls every plot_* of the analysis modules (a new one must join it)."""
    import inspect
    src = inspect.getsource(_all_plots)
    assert {n for n in _PLOTS if f"utils.{n}(" not in src} == set()


_TITLED = articles_frame(texts=realistic_text(), max_size=3).map(
    lambda df: df.assign(title=[_MATH[i % len(_MATH)] for i in range(len(df))]))


@settings(max_examples=_fewer(6))
@given(st.one_of(articles_frame(max_size=3), _TITLED))
@example(_frame("“We will leave,” Gen. Smith said. About 2,000 U.S. troops are in Syria.",
                outlet="The $5 Times", title=r"a $\frac{1}{0 and $"))
def test_every_plot_draws_on_any_tables(articles):
    """Every plot_* returns a figure that draws without raising, on the tables of any stories,
    empty tables included, with "$" in titles, outlets and speaker names (no mathtext)."""
    _show(articles)
    utils.set_style()
    try:
        # a low dpi only to draw faster; control characters have no glyph (a warning, not an error)
        with plt.rc_context({"figure.dpi": 30}), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for out in _all_plots(articles):
                _figure(out)
                plt.close("all")
    finally:
        plt.close("all")
    # warnings raised at a line of ours (libraries' deprecation notes are theirs to fix)
    noise = [f"{w.filename.rsplit('/', 1)[-1]}:{w.lineno}: {w.message}" for w in caught
             if "/withdrawals/" in w.filename and "Glyph" not in str(w.message)]
    assert noise == []        # e.g. "No artists with labels found to put in legend" on empty tables


def test_save_figure_writes_png_and_csv(tmp_path):
    """save_figure: the PNG and the CSV beside it, byte-identical when saved twice."""
    utils.set_style()
    articles = _frame("About 2,000 U.S. troops are in Syria, Gen. Smith said.", title="$5 in $3")
    data = utils.figures_by_place(utils.extract_troop_mentions(articles), articles)
    fig, rows = utils.plot_figures_by_place(data, utils.outlet_colors([""]))
    png = utils.save_figure(fig, rows, "x-test", tmp_path / "a")
    again = utils.save_figure(fig, rows, "x-test", tmp_path / "b")
    plt.close(fig)
    assert png == tmp_path / "a" / "x-test.png" and png.stat().st_size > 0
    assert png.read_bytes() == again.read_bytes()
    assert (tmp_path / "a" / "x-test.csv").read_bytes() == (tmp_path / "b" / "x-test.csv").read_bytes()
    assert pd.read_csv(tmp_path / "a" / "x-test.csv").shape[0] == len(rows)


# --------------------------------------------------------------------------- corpus summaries

@settings(max_examples=_fewer(10))
@given(articles_frame(max_size=4))
def test_corpus_overview_and_outlet_names_on_any_articles(articles):
    """outlet_names: one name per story, blanks shown as "(unknown outlet)"; corpus_overview: one
    row per outlet, stories adding up; the two corpus figures draw (undated stories included)."""
    _show(articles)
    names = utils.outlet_names(articles)
    assert list(names.index) == list(articles.index) and "" not in set(names)
    overview = utils.corpus_overview(articles)
    _has_columns(overview, ["outlet", "stories", "files", "first_published", "last_published", "words",
                            "median_words"])
    assert overview["stories"].sum() == len(articles)
    assert sorted(overview["outlet"]) == sorted(set(names))
    utils.set_style()
    try:
        for fig, data in (utils.plot_corpus_timeline(articles), utils.plot_words_per_story(articles)):
            fig.canvas.draw()
            assert len(data) == len(articles)
    finally:
        plt.close("all")


# --------------------------------------------------------------------------- sentiment validation helpers

_RATED = st.lists(st.tuples(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\t\r\n"), min_size=1, max_size=8)
    .filter(lambda s: s.strip()),
    st.floats(-4, 4, allow_nan=False),
    st.one_of(st.sampled_from(["The plan isn’t good.", "A great\tvictory", "bad\u2028news", "x\x0cy",
                               "“No” casualties \x85 here", ""]),
              st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=40))),
    min_size=1, max_size=6)


@settings(max_examples=_fewer(40))
@given(_RATED, st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), st.sampled_from(["\n", "\r\n"]))
@example([("1", 0.5, "bad\u2028news")], "utf-8", "\n")   # was: ValueError, U+2028 taken as a line end
@example([("1", 0.5, "x\x0cy"), ("2", -1.0, "ok")], "utf-8", "\r\n")   # was: ValueError (form feed)
def test_read_ratings_reads_back_what_was_written(tmp_path_factory, rows, encoding, newline):
    """read_ratings: a file of ``id<TAB>rating<TAB>text`` lines (UTF-8, UTF-8 with BOM or
    Windows-1252; LF or CRLF) reads back as written, whatever characters the text holds other
    than line ends; human_agreement and pitfall_table score them (r in [-1, 1] or NaN)."""
    try:
        data = newline.join(f"{i}\t{r!r}\t{t}" for i, r, t in rows).encode(encoding)
    except UnicodeEncodeError:
        data = newline.join(f"{i}\t{r!r}\t{t}" for i, r, t in rows).encode("utf-8")
    if encoding == "cp1252" and not data.isascii():
        try:                      # Windows-1252 bytes that are also valid UTF-8 read as UTF-8:
            data.decode("utf-8")  # the documented fallback cannot tell them apart
            assume(False)
        except UnicodeDecodeError:
            pass
    path = tmp_path_factory.mktemp("ratings") / "ratings.txt"
    path.write_bytes(data)
    got = utils.read_ratings(path)
    assert list(got.columns) == ["id", "rating", "text"]
    assert list(got.itertuples(index=False, name=None)) == [(i, r, t) for i, r, t in rows]
    agree = utils.human_agreement(got)
    _has_columns(agree, ["scorer", "fixes", "r", "n", "changed"])
    assert (agree["n"] == len(rows)).all()
    assert agree["r"].dropna().between(-1 - 1e-9, 1 + 1e-9).all()
    pit = utils.pitfall_table([(f, "why", t) for f, (_, _, t) in zip(utils.FIXES * 3, rows)])
    _has_columns(pit, ["fix", "problem", "sentence", "plain_vader", "this_fix_only", "all_fixes"])
    assert pit[["plain_vader", "this_fix_only", "all_fixes"]].stack().between(-1, 1).all()


@given(st.text(max_size=30), st.booleans())
def test_read_ratings_names_the_line_of_a_malformed_file(tmp_path_factory, junk, nan):
    """read_ratings: a line without three tab-separated fields, or with a rating that is not a
    finite number, raises ValueError naming the file and the line."""
    bad = f"9\t{'nan' if nan else 'x' + junk.replace(chr(9), ' ')}\tno rating" if junk.strip() or nan \
        else "only one field"
    path = tmp_path_factory.mktemp("ratings") / "bad.txt"
    path.write_text("1\t0.5\tfine\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2\b"):
        utils.read_ratings(path)


# --------------------------------------------------------------------------- small helpers

@given(st.lists(st.one_of(st.sampled_from(_OUTLETS), st.none(), st.just(float("nan")), st.text(_CHARS, max_size=12)),
                max_size=12), st.randoms(use_true_random=False))
def test_outlet_colors_do_not_depend_on_order(outlets, rnd):
    """outlet_colors: one hex colour per outlet name, blanks and missing as "(unknown outlet)",
    the same mapping whatever the order the outlets come in."""
    colors = utils.outlet_colors(outlets)
    shuffled = list(outlets)
    rnd.shuffle(shuffled)
    assert utils.outlet_colors(shuffled) == colors
    named = {"(unknown outlet)" if o is None or o != o or str(o).strip() == "" else o for o in outlets}
    assert set(colors) == named | {"other outlets"}
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c) for c in colors.values())
    own = [c for c in colors.values() if c != utils.OTHER_COLOR]
    assert len(own) == len(set(own)) <= utils.TOP_OUTLETS      # named outlets never share a colour


@given(st.lists(st.one_of(st.sampled_from(_OUTLETS), st.none(), st.text(_CHARS, max_size=8)), max_size=40),
       st.integers(0, 15))
def test_group_labels_name_the_most_frequent_and_group_the_rest(values, top):
    """group_labels / top_groups: the ``top`` most frequent names keep their name, the rest are
    "other outlets"; no story is lost and at most ``top`` names (plus the two catch-alls) remain."""
    labels = utils.group_labels(values, top=top)
    assert len(labels) == len(values)
    named = utils.top_groups(values, top)
    assert len(named) <= top and "(unknown outlet)" not in named
    assert set(labels) <= set(named) | {"other outlets", "(unknown outlet)"}
    colors = utils.group_colors(values, top=top)
    assert set(labels) <= set(colors)


@given(st.lists(st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)).map(str)),
                max_size=30), st.sampled_from(["auto", "all", "quarter", "year", "month"]))
def test_period_labels_give_every_story_a_period(dates, period):
    """period_labels / choose_period: one label per story, "undated" exactly for missing dates;
    "auto" is one period when the dates span at most six months."""
    labels = utils.period_labels(pd.Series(dates, dtype=object), period)
    assert len(labels) == len(dates)
    assert [lab == "undated" for lab in labels] == [d is None for d in dates]
    assert utils.choose_period(dates) in {"all", "quarter", "year"}
    w, h = utils.figure_size(len(dates) * 100)
    assert max(w, h) * utils.FIG_DPI <= utils.MAX_PX


@given(articles_frame(max_size=3))
def test_analysis_key_names_the_stories(articles):
    """analysis_key: 16 hex characters, the same for the same stories, different when a text changes."""
    _show(articles)
    key = utils.analysis_key(articles)
    assert re.fullmatch(r"[0-9a-f]{16}", key) and key == utils.analysis_key(articles.copy(deep=True))
    changed = articles.copy()
    changed.loc[changed.index[0], "text"] = articles["text"].iloc[0] + "x"
    assert utils.analysis_key(changed) != key


@given(st.text(alphabet="ab '‘’\"“”\n.", max_size=60))
@settings(max_examples=200, deadline=None)
def test_uses_single_marks_only_without_double_marks_and_quote_spans_stay_inside(text):
    """A story with two double marks is read by its double marks; a story with no single mark never
    by single marks; every span lies inside the text."""
    single = utils.uses_single_marks(text)
    if sum(text.count(c) for c in "\"“”„«»") >= 2 or not ("'" in text or "‘" in text):
        assert not single
    for s, e in utils.quote_spans(text):
        assert 0 <= s <= e <= len(text)
