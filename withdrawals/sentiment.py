"""Sentiment: sentence-level VADER scores, split by voice, summarised by outlet, story and target.

Scores come from VADER's reference implementation (the ``vaderSentiment``
package; Hutto & Gilbert 2014, ICWSM).  One analyzer is built per process, on
first use, and reused; four pitfalls of VADER on news text are fixed in that
analyzer's own tables and token loop (never in the package's globals) and in
one quote normalisation of each sentence, so the fixes cost almost nothing per
sentence:

1. **Typographic quotes and apostrophes.**  VADER only knows ``'`` and ``"``:
   "isn’t good" is not seen as negated (``n’t`` is not ``n't``) and
   “great” is not found in the lexicon (``“`` is not stripped as punctuation).
   Every sentence is normalised first: ‘ ’ ‛ ′ become ``'``, “ ” „ ″ « »
   become ``"``, and em / en dashes become a spaced hyphen so that
   "victory—and" is two words.
2. **"the bomb".**  VADER's special-case idiom table gives "the bomb" +3
   (slang: "this song is the bomb"), and the idiom check overwrites the
   valence of *any* lexicon word within two words after it: "Officials said
   the bomb struck the convoy" scores +0.84.  News never uses the slang
   sense, so the idiom is removed from this analyzer's table; "bomb" keeps
   its lexicon valence (-2.2).
3. **"no".**  VADER uses "no" both as a negator of the next lexicon word(s)
   and, when no lexicon word follows, as a word of valence -1.2 of its own
   (rated in isolation, as a refusal).  In news "no" is almost always a
   determiner ("no casualties", "no decision has been made"), marking absence
   rather than negativity, so here it only negates: its own valence is 0
   (also in capitals, "NO", which VADER would push to -0.733 even at 0), and
   it stays in the lexicon so VADER's negation logic runs unchanged.
4. **Lexicon words inside names.**  "United States", "United Nations",
   "Security Council", "Popular Mobilization Forces", "Special Envoy": a
   title-case lexicon word joined to a capitalised neighbour (no punctuation
   between them) is part of a name, not a judgement, and scores 0 ("United"
   was the strongest positive word of most outlets in the seed stories).  The
   first word of a sentence is never treated so (it is capitalised anyway:
   "Defeating ISIS…", "Unfortunately, Mr…"), nor does it count as the
   neighbour.  The cost: a name that opens the sentence keeps its valence
   ("United States officials…"), and a sentiment word that is really part of
   a title or name mid-sentence is lost only if it is capitalised.

Each fix can be switched on alone (``fixes={"quotes", "no"}``) to measure it;
``bench/validate_sentiment.py`` prints Pearson r against the human ratings of
the VADER authors' New York Times snippets for plain VADER, all fixes, and
each fix alone.

The analyzer is also faster than the package's (same results with the fixes
off, which ``bench/validate_sentiment.py`` checks on 5,190 sentences): it skips
the per-character emoji scan when a sentence holds no emoji, and looks up
negators and idioms by position instead of lower-casing the whole sentence for
every lexicon word.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vs

from .figures import TOP_OUTLETS

__all__ = ["score_sentiment", "polarity", "normalize_quotes", "score_by_voice",
           "sentiment_summary", "target_sentiment", "lexicon_contributors",
           "token_valences", "DEFAULT_TARGETS", "SCORE_COLUMNS", "NEG_THRESHOLD",
           "POS_THRESHOLD", "FIXES", "SUMMARY_COLUMNS", "VOICE_COLUMNS",
           "read_ratings", "human_agreement", "PITFALL_EXAMPLES", "pitfall_table", "fix_effects",
           "story_labels", "plot_summary", "plot_voice", "plot_target_heatmap", "plot_contributors",
           "differing_pairs", "sentiment_prose", "whole_table", "SUMMARY_COUNTS", "MIN_STORIES", "MAX_STORY_ROWS",
           "ALL_STORIES"]

SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
#: Polarity bands of the compound score: < -0.05 negative, > 0.05 positive, else neutral
#: (VADER's README draws the same lines, inclusive).
NEG_THRESHOLD, POS_THRESHOLD = -0.05, 0.05
#: The one group of ``lexicon_contributors(..., by=None)``: the whole corpus.
ALL_STORIES = "all stories"

#: Target name -> regular expression (case-sensitive unless the pattern says (?i)).
DEFAULT_TARGETS = {
    "Trump": r"\bTrump\b",
    "ISIS / Islamic State": r"\bIS(IS|IL)?\b|\bIslamic State\b|\bDaesh\b",
    "Kurds / SDF": r"\bKurd(s|ish)?\b|\bSDF\b|\bSyrian Democratic Forces\b|\bYPG\b",
    "Turkey / Erdogan": r"\bTurk(ey|ish|s)?\b|\bErdo[gğ]an\b|\bAnkara\b",
    "Russia": r"\bRussian?s?\b|\bMoscow\b|\bKremlin\b",
    "Iran": r"\bIran(ian)?s?\b|\bTehran\b",
    "the troops": r"(?i)\btroops?\b|\bsoldiers?\b|\bservice ?(wo)?(men|members?)\b",
}

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2014": " - ", "\u2013": " - ",
})
_NEGATE = frozenset(_vs.NEGATE)
_BREAK = re.compile(r"[,;:.!?)\]\"']$")   # punctuation that ends a name run
_OPEN_PUNCT = frozenset("(\"'[")


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


def normalize_quotes(text: str) -> str:
    """Return ``text`` with typographic quotes, apostrophes and dashes made ASCII (fix 1).

    Same result as ``text.translate(_QUOTES)``, about ten times faster on news
    sentences: ASCII text is returned as is, otherwise only the marks present
    are replaced.
    """
    if text.isascii():
        return text
    for mark, ascii_ in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, ascii_)
    return text


#: The fixes, by name, in the order the module docstring describes them.
FIXES = ("quotes", "bomb", "no", "names")


def _fix_set(fixes) -> frozenset:
    """``True`` -> all fixes, ``False``/``None`` -> none, else an iterable of names from FIXES."""
    if fixes is True:
        return frozenset(FIXES)
    if not fixes:
        return frozenset()
    chosen = frozenset([fixes] if isinstance(fixes, str) else fixes)
    unknown = chosen - set(FIXES)
    if unknown:
        raise ValueError(f"unknown sentiment fixes {sorted(unknown)}; known: {FIXES}")
    return chosen


class _NewsAnalyzer(_vs.SentimentIntensityAnalyzer):
    """VADER's analyzer with its own idiom table and lexicon, and cheaper per-word checks.

    ``fixes`` is a set of names from FIXES ("quotes" is applied by the callers,
    before scoring).  With no fixes it returns exactly what the package's
    analyzer returns.
    """

    def __init__(self, fixes: frozenset = frozenset()):
        super().__init__()
        self.fixes = fixes
        self.special_cases = dict(_vs.SPECIAL_CASES)
        if "bomb" in fixes:
            del self.special_cases["the bomb"]   # fix 2
        if "no" in fixes:
            self.lexicon["no"] = 0.0             # fix 3
        self._no_fix = "no" in fixes
        self._names = "names" in fixes           # fix 4
        self._emoji_chars = frozenset(self.emojis)
        self.fired = False    # set when fix 3 or 4 zeroes a lexicon word (score_sentiment reads it)

    def _prepare(self, text: str) -> str:
        """VADER's first step: emoji replaced by their descriptions, then stripped."""
        if self._emoji_chars.isdisjoint(text):
            return text.strip()
        out, prev_space = [], True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def _valences(self, text: str) -> tuple[list[str], list[float]]:
        sentitext = _vs.SentiText(text)
        words = sentitext.words_and_emoticons
        sentiments: list[float] = []
        names, lexicon = self._names, self.lexicon
        last = len(words) - 1
        for i, item in enumerate(words):
            low = item.lower()
            if low not in lexicon:
                sentiments.append(0)   # not a sentiment word: VADER's sentiment_valence gives 0
                continue
            if low in _vs.BOOSTER_DICT or (low == "kind" and i < last
                                           and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            if low == "no" and self._no_fix:
                sentiments.append(0)   # fix 3: "no" negates the next words, has no valence itself
                self.fired = True
                continue
            if names and i > 0 and item.istitle() and low in self.lexicon and self._in_name(text, words, i):
                sentiments.append(0)   # fix 4: part of a name ("United States")
                self.fired = True
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        return words, self._but_check(words, sentiments)

    @staticmethod
    def _in_name(text: str, words: list[str], i: int) -> bool:
        """Is title-case word ``i`` (not the first) joined to a capitalised neighbour, with no
        punctuation between them, i.e. part of a name such as "United States"?"""
        raw = text.split()          # VADER's tokens before stripping punctuation, same positions
        if len(raw) != len(words):
            return False
        if i > 1 and words[i - 1][:1].isupper() and not _BREAK.search(raw[i - 1]) \
                and not raw[i][:1] in _OPEN_PUNCT:
            return True
        return (i < len(words) - 1 and words[i + 1][:1].isupper() and not _BREAK.search(raw[i])
                and not raw[i + 1][:1] in _OPEN_PUNCT)

    def sentiments(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's tokens of ``text`` and the rule-adjusted valence of each (0 = no sentiment)."""
        return self._valences(self._prepare(text))

    def polarity_scores(self, text: str) -> dict:
        """Same output as VADER's ``polarity_scores``: dict of neg, neu, pos, compound."""
        text = self._prepare(text)
        return self.score_valence(self._valences(text)[1], text)

    @staticmethod
    def _negation_check(valence, words, start_i, i):
        w1 = words[i - 1].lower()
        if start_i == 0:
            if w1 in _NEGATE or "n't" in w1:
                valence = valence * _vs.N_SCALAR
        elif start_i == 1:
            w2 = words[i - 2].lower()
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif w2 in _NEGATE or "n't" in w2:
                valence = valence * _vs.N_SCALAR
        elif start_i == 2:
            w2, w3 = words[i - 2].lower(), words[i - 3].lower()
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif w3 in _NEGATE or "n't" in w3:
                valence = valence * _vs.N_SCALAR
        return valence

    def _special_idioms_check(self, valence, words, i):
        cases = self.special_cases
        w0, w1, w2, w3 = (words[i].lower(), words[i - 1].lower(), words[i - 2].lower(),
                          words[i - 3].lower())
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
            if seq in cases:
                valence = cases[seq]
                break
        n = len(words)
        if n - 1 > i:
            zeroone = f"{w0} {words[i + 1].lower()}"
            if zeroone in cases:
                valence = cases[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {words[i + 1].lower()} {words[i + 2].lower()}"
            if zeroonetwo in cases:
                valence = cases[zeroonetwo]
        for n_gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
            if n_gram in _vs.BOOSTER_DICT:
                valence = valence + _vs.BOOSTER_DICT[n_gram]
        return valence


_ANALYZERS: dict[frozenset, _NewsAnalyzer] = {}


def _analyzer(fixes=True) -> _NewsAnalyzer:
    """The process's analyzer for this set of fixes (built once, on first use)."""
    key = _fix_set(fixes) - {"quotes"}
    if key not in _ANALYZERS:
        _ANALYZERS[key] = _NewsAnalyzer(key)
    return _ANALYZERS[key]


def polarity(text: str, fixes=True) -> dict:
    """Score one sentence: dict ``neg, neu, pos, compound``.

    ``fixes=True`` is the project's scorer (all fixes); ``fixes=False`` is
    plain VADER (for before/after comparisons); or name the fixes to apply,
    e.g. ``fixes={"quotes", "no"}`` (names in ``FIXES``).
    """
    if "quotes" in _fix_set(fixes):
        text = normalize_quotes(text)
    return _analyzer(fixes).polarity_scores(text)


def score_sentiment(sentences: pd.DataFrame, fixes=True, plain: bool = True) -> pd.DataFrame:
    """Add VADER scores to every row of a table of sentences.

    In: any DataFrame with a ``text`` column (normally ``split_sentences``'s
    output); ``fixes=False`` gives plain VADER, a set of names from ``FIXES``
    only those fixes.
    Out: a new DataFrame, the same rows and columns plus ``neg, neu, pos``
    (shares of the sentence's words, 3 dp) and ``compound`` (-1..+1, 4 dp),
    all float64, and (unless ``plain=False``) ``compound_plain``, the compound
    plain VADER gives the same sentence, so the effect of the fixes is known
    without scoring again.  Missing text scores 0.

    ``compound_plain`` costs little: it is computed in the same pass, and a
    sentence is scored a second time only when a fix could change it (it holds
    a typographic quote or dash, the word "bomb", or a word the "no" or names
    fix set to 0); for every other sentence the two scorers give the same
    score by construction.
    """
    if "text" not in sentences.columns:
        raise KeyError("score_sentiment needs a DataFrame with a 'text' column")
    analyzer = _analyzer(fixes)
    score = analyzer.polarity_scores
    raw = [t if isinstance(t, str) else "" for t in sentences["text"]]
    quotes = "quotes" in _fix_set(fixes)
    texts = [normalize_quotes(t) for t in raw] if quotes else raw
    rows, plain_compound = [], []
    unfixed = not _fix_set(fixes)
    plain_score = _analyzer(False).polarity_scores
    for r, t in zip(raw, texts):
        analyzer.fired = False
        res = score(t)
        rows.append(res)
        if plain:
            same = unfixed or not (analyzer.fired or t is not r or "bomb" in r.lower())
            plain_compound.append(res["compound"] if same else plain_score(r)["compound"])
    out = sentences.copy()
    for col in SCORE_COLUMNS:
        out[col] = np.array([r[col] for r in rows], dtype="float64")
    if plain:
        out["compound_plain"] = np.array(plain_compound, dtype="float64")
    return out


def token_valences(text: str, fixes=True) -> list[tuple[str, float]]:
    """VADER's words of one sentence with the valence each contributes after its rules.

    Out: ``(word, valence)`` pairs, lower-cased, only words with a non-zero
    valence (negation, boosters and "but" already applied), in order.
    """
    if "quotes" in _fix_set(fixes):
        text = normalize_quotes(text)
    words, sents = _analyzer(fixes).sentiments(text)
    return [(w.lower(), float(v)) for w, v in zip(words, sents) if v]


# ----------------------------------------------------------------------------- validation

def read_ratings(path) -> pd.DataFrame:
    """Read a file of human-rated sentences: one ``id<TAB>rating<TAB>text`` per line.

    In: the path of a file such as the VADER authors' ``nytEditorialSnippets_GroundTruth.txt``
    (UTF-8, or Windows-1252 as a fallback; CRLF or LF).
    Out: DataFrame ``id, rating, text``.  A malformed line raises ValueError naming file and line.
    """
    from pathlib import Path

    raw = Path(path).read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    rows = []
    # only CRLF, CR and LF end a line (str.splitlines would also cut a text at a form feed,
    # U+0085 or U+2028 inside it)
    for n, line in enumerate(content.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        try:
            rating = float(parts[1])
            if not np.isfinite(rating):
                raise ValueError
            rows.append((parts[0], rating, parts[2]))
        except (IndexError, ValueError):
            raise ValueError(f"{path}:{n}: expected 'id<TAB>rating<TAB>text' "
                             "with a finite number as rating") from None
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def human_agreement(ratings: pd.DataFrame, variants: dict | None = None) -> pd.DataFrame:
    """Pearson r between human ratings and the compound score, for several scorers.

    In: ``read_ratings`` output; ``variants`` name -> ``fixes`` argument
    (default: plain VADER, all fixes, and each fix alone).
    Out: DataFrame ``scorer, fixes, r, n, changed`` (``changed`` = sentences
    whose compound differs from plain VADER's), one row per variant.
    """
    if variants is None:
        variants = {"plain VADER": False, "all fixes (project)": True}
        variants.update({f"only '{f}'": {f} for f in FIXES})
    human = ratings["rating"].to_numpy(dtype="float64")
    frame = ratings[["text"]]
    plain = score_sentiment(frame, fixes=False, plain=False)["compound"].to_numpy()
    rows = []
    for name, fixes in variants.items():
        comp = plain if not _fix_set(fixes) else score_sentiment(frame, fixes=fixes,
                                                                 plain=False)["compound"].to_numpy()
        # r is undefined (NaN) when either side does not vary, e.g. one sentence or equal ratings
        r = float(np.corrcoef(human, comp)[0, 1]) if len(comp) > 1 and np.ptp(human) > 0 \
            and np.ptp(comp) > 0 else np.nan
        label = ",".join(f for f in FIXES if f in _fix_set(fixes)) or "none"
        rows.append((name, label, r, len(comp), int((comp != plain).sum())))
    return pd.DataFrame(rows, columns=["scorer", "fixes", "r", "n", "changed"])


# ----------------------------------------------------------------------------- voice

VOICE_COLUMNS = ["article_id", "paragraph", "sentence", "voice", "text", "n_chars"] + SCORE_COLUMNS
_LETTER = re.compile(r"[^\W\d_]")
_MARK_CHARS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")


def _split_parts(text: str, offset: int, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """Reporter and quoted text of ``text`` (which starts at ``offset``) given absolute quote spans."""
    end = offset + len(text)
    reporter, quoted, pos = [], [], 0
    for a, b in spans:
        if b <= offset or a >= end:
            continue
        a, b = max(a, offset) - offset, min(b, end) - offset
        piece = text[pos:a]
        reporter.append(piece[:-1] if piece.endswith(_MARK_CHARS) else piece)
        quoted.append(text[a:b])
        pos = b + 1 if b < len(text) and text[b] in _MARK_CHARS else b
    reporter.append(text[pos:])
    return " ".join(p.strip() for p in reporter if p.strip()), " ".join(q.strip() for q in quoted if q.strip())


def score_by_voice(sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                   fixes=True, by: str | None = None, top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Score the reporter's words and the quoted words of every sentence separately.

    In: the sentences table (``article_id, paragraph, sentence, text``, and
    ``start`` to place each sentence in its story) and, optionally, the
    articles table: with it, quotation spans come from ``quote_spans`` of the
    whole story, so a quotation running over several sentences is seen in
    each; without it (or without ``start``), from ``quote_spans`` of each
    sentence alone.
    Out: a new DataFrame, one row per sentence part that holds a letter,
    columns ``article_id, paragraph, sentence, voice`` ("reporter" or
    "quoted"), ``text`` (that voice's words; several pieces joined by a
    space, quotation marks removed), ``n_chars`` and ``neg, neu, pos,
    compound``.  A sentence wholly in one voice gives one row.  With ``by``
    (an articles column such as ``outlet`` or ``lean``) a last column holds each
    story's group: the ``top`` groups by stories named, the rest "other <by>s".
    """
    from withdrawals.segment import quote_spans

    story_spans: dict = {}
    use_story = articles is not None and "start" in sentences.columns and len(sentences)
    if use_story:
        wanted = set(sentences["article_id"])
        for aid, text in zip(articles["article_id"], articles["text"]):
            if aid in wanted:
                story_spans[aid] = quote_spans(text) if isinstance(text, str) else []
    cols = {c: (sentences[c].tolist() if c in sentences.columns else [None] * len(sentences))
            for c in ("article_id", "paragraph", "sentence", "start")}
    rows, texts = [], []
    for aid, par, sen, start, text in zip(cols["article_id"], cols["paragraph"], cols["sentence"],
                                          cols["start"], sentences["text"]):
        if not isinstance(text, str):
            continue
        if use_story and aid in story_spans and start is not None and pd.notna(start):
            reporter, quoted = _split_parts(text, int(start), story_spans[aid])
        else:
            reporter, quoted = _split_parts(text, 0, quote_spans(text))
        for voice, part in (("reporter", reporter), ("quoted", quoted)):
            part = part.strip()
            if _LETTER.search(part):
                rows.append((aid, par, sen, voice, part, len(part)))
                texts.append(part)
    # text columns stay Python objects with or without rows (pandas infers "str" only when there are)
    out = pd.DataFrame(rows, columns=VOICE_COLUMNS[:6], dtype=object)
    scored = score_sentiment(pd.DataFrame({"text": texts}, dtype=object), fixes=fixes, plain=False)
    for col in SCORE_COLUMNS:
        out[col] = scored[col].to_numpy(dtype="float64")
    nums = {c: "int64" if out[c].notna().all() else "float64" for c in ("paragraph", "sentence")}
    out = out.astype({"n_chars": "int64", **nums})
    if by is not None:
        out[by] = _group_values(out, articles, by, top) if len(out) else pd.Series(dtype=object)
    return out


# ----------------------------------------------------------------------------- summaries

_NO_GROUPING = object()   # _with_articles: leave the by columns' values as they are


def _with_articles(scored: pd.DataFrame, articles: pd.DataFrame | None, need: list[str],
                   top=_NO_GROUPING) -> pd.DataFrame:
    """``scored`` with the columns in ``need`` it lacks joined from ``articles`` by article_id.

    With ``top`` (a number, or None for every name), each story-level column of ``need`` (one the
    articles table has, or ``outlet``; never ``article_id``) holds display groups instead: the
    ``top`` values with most stories named, the rest "other <column>s", blanks "(unknown …)".
    """
    missing = [c for c in need if c not in scored.columns]
    out = scored
    if missing:
        if articles is None:
            raise KeyError(f"columns {missing} are not in the scored table and no articles were given")
        right = articles[["article_id"] + missing].drop_duplicates("article_id")
        out = scored.merge(right, on="article_id", how="left", validate="many_to_one")
        assert len(out) == len(scored), "join with articles changed the number of rows"
    if top is not _NO_GROUPING:
        story_level = [c for c in need if c != "article_id"
                       and (c == "outlet" or (articles is not None and c in articles.columns))]
        if story_level:
            out = out.assign(**{c: _group_values(out, articles, c, top) for c in story_level})
    elif "outlet" in need:
        out = out.assign(outlet=_outlet_names(out["outlet"]))
    return out


def _group_values(df: pd.DataFrame, articles: pd.DataFrame | None, col: str, top) -> pd.Series:
    """Each row's display group for story-level column ``col``, the groups ranked by stories."""
    from withdrawals.figures import UNKNOWN_OUTLET, group_labels

    source = articles if articles is not None and col in articles.columns else df
    if "article_id" in df.columns and "article_id" in source.columns:
        story = source[["article_id", col]].drop_duplicates("article_id")
        labels = group_labels(story[col], top, col)
        values = df["article_id"].map(dict(zip(story["article_id"], labels)))
        values = values.fillna(UNKNOWN_OUTLET)
    else:
        values = group_labels(df[col], top, col)
    if col != "outlet":
        values = values.replace(UNKNOWN_OUTLET, f"(unknown {col})")
    return pd.Series(values.to_numpy(dtype=object), index=df.index, dtype=object)


def _group_order(values, col: str) -> list:
    """Distinct group names in display order: alphabetical, the grouped rest ("other …") last."""
    from withdrawals.figures import other_label

    rest = other_label(col)
    return sorted(dict.fromkeys(v for v in values if pd.notna(v)), key=lambda v: (v == rest, str(v)))


def _outlet_names(outlets: pd.Series) -> pd.Series:
    """Outlet names as the collection shows them (blank -> "(unknown outlet)", via corpus.outlet_names)."""
    from withdrawals.corpus import outlet_names

    return outlet_names(pd.DataFrame({"outlet": outlets.to_numpy()}, index=outlets.index))


def _bootstrap_ci(x: np.ndarray, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile 95% interval of the mean of ``x`` (its own generator, so groups don't interact)."""
    if len(x) < 2:
        return (float(x[0]), float(x[0])) if len(x) else (np.nan, np.nan)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


SUMMARY_COLUMNS = ["n", "mean_compound", "ci_low", "ci_high", "share_negative",
                   "share_neutral", "share_positive", "n_negative", "n_neutral", "n_positive"]


def sentiment_summary(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                      by="outlet", n_boot: int = 2000, seed: int = 0,
                      top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean compound per group with a bootstrap 95% interval, and the shares by polarity.

    In: scored sentences (or ``score_by_voice`` parts); the articles table
    when grouping by a column only it has (``outlet``, ``lean``, ``title`` ...); ``by``
    a column name or list of names (e.g. ``"article_id"``, ``"lean"``,
    ``["outlet", "voice"]``, ``["article_id", "lean"]``); ``top``: story-level
    columns (any articles column but ``article_id``) are grouped first, the
    ``top`` values with most stories named and the rest pooled as "other
    <column>s" (``None``: every value its own group).
    Out: a new DataFrame, one row per group, sorted by the group columns
    ("other …" last): the group columns, ``stories`` (when ``article_id`` is
    not among them), then ``n`` (sentences), ``mean_compound``,
    ``ci_low, ci_high`` (percentile bootstrap over sentences, ``n_boot``
    resamples, fixed ``seed``, each group resampled on its own), and
    ``share_``/``n_`` ``negative`` (compound < -0.05), ``neutral``,
    ``positive`` (> 0.05).  When grouping by ``article_id`` alone the story's
    ``outlet`` (its display group) is added if known.
    """
    by = [by] if isinstance(by, str) else list(by)
    extra = ["outlet"] if by == ["article_id"] and articles is not None and "outlet" in articles else []
    keys = by + extra
    df = _with_articles(scored, articles, keys, top=top)
    stories = "article_id" not in keys and "article_id" in df.columns
    rows = []
    for key, g in df.groupby(keys, sort=True, dropna=False):
        x = g["compound"].to_numpy(dtype="float64")
        n = len(x)
        neg, pos = int((x < NEG_THRESHOLD).sum()), int((x > POS_THRESHOLD).sum())
        lo, hi = _bootstrap_ci(x, n_boot, seed)
        key = key if isinstance(key, tuple) else (key,)
        rows.append((*key, *([g["article_id"].nunique()] if stories else []), n, float(x.mean()),
                     lo, hi, neg / n, (n - neg - pos) / n, pos / n, neg, n - neg - pos, pos))
    out = pd.DataFrame(rows, columns=keys + (["stories"] if stories else []) + SUMMARY_COLUMNS)
    if len(out) and keys[0] != "article_id":
        rank = {g: i for i, g in enumerate(_group_order(out[keys[0]], keys[0]))}
        out = out.iloc[np.argsort(out[keys[0]].map(rank).to_numpy(), kind="stable")].reset_index(drop=True)
    # typed even without rows (an empty table would otherwise hold object columns)
    return out.astype({c: "int64" if c in ("n", "stories") or c.startswith("n_") else "float64"
                       for c in SUMMARY_COLUMNS + (["stories"] if stories else [])})


def target_sentiment(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                     targets: dict | None = None, by: str = "outlet",
                     top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean compound of the sentences that mention each target, per outlet (or group).

    In: scored sentences; the articles table (for ``outlet`` or another ``by``
    column); ``targets``, a dict name -> regular expression (default
    ``DEFAULT_TARGETS``: Trump, ISIS / Islamic State, Kurds / SDF, Turkey /
    Erdogan, Russia, Iran, the troops); ``top`` groups named by stories, the
    rest pooled as "other <by>s" (``None``: all).  A sentence counts for every
    target it mentions.
    Out: a new DataFrame with one row per group x target (every pair, n = 0
    and NaN mean where no sentence mentions it), columns ``<by>, target,
    n, mean_compound, share_negative, share_positive``, sorted by group
    ("other …" last) and target order.
    """
    targets = DEFAULT_TARGETS if targets is None else targets
    df = _with_articles(scored, articles, [by], top=top)
    groups = _group_order(df[by], by)
    texts = df["text"].fillna("").astype(str)
    rows = []
    for name, pattern in targets.items():
        rx = re.compile(pattern)
        hit = np.array([bool(rx.search(t)) for t in texts], dtype=bool)
        sub = df.loc[hit]
        for grp in groups:
            x = sub.loc[sub[by] == grp, "compound"].to_numpy(dtype="float64")
            n = len(x)
            rows.append((grp, name, n, float(x.mean()) if n else np.nan,
                         float((x < NEG_THRESHOLD).mean()) if n else np.nan,
                         float((x > POS_THRESHOLD).mean()) if n else np.nan))
    out = pd.DataFrame(rows, columns=[by, "target", "n", "mean_compound", "share_negative",
                                      "share_positive"])
    order = {name: i for i, name in enumerate(targets)}
    rank = {g: i for i, g in enumerate(groups)}
    out = out.sort_values([by, "target"], key=lambda s: s.map(order if s.name == "target" else rank),
                          kind="stable").reset_index(drop=True)
    return out.astype({"n": "int64", "mean_compound": "float64", "share_negative": "float64",
                       "share_positive": "float64"})


def lexicon_contributors(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                         top: int = 10, by: str | None = "outlet", fixes=True,
                         named: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Which lexicon words drive each outlet's (or group's) score.

    In: scored sentences (``text``, ``article_id``); the articles table (for
    ``outlet`` or another ``by`` column; ``by=None``: the whole corpus, one
    group "all stories"); ``top`` words per direction; ``named`` groups named
    by stories, the rest pooled as "other <by>s" (``None``: all).
    Out: a new DataFrame with columns ``<by>, direction`` ("positive" /
    "negative"), ``rank`` (1 = strongest), ``word``, ``count`` (occurrences
    that carried valence), ``valence_sum`` (the valence VADER gave them in
    context, after negation and boosters, summed) and ``valence_mean``;
    per group the ``top`` words with the largest positive sum and the
    ``top`` with the most negative sum, groups in display order ("other …" last).
    """
    col = "group" if by is None else by
    cols = [col, "direction", "rank", "word", "count", "valence_sum", "valence_mean"]
    if by is None:
        df = scored.assign(group=ALL_STORIES)
    else:
        df = _with_articles(scored, articles, [by], top=named)
    acc: dict = {}
    for grp, text in zip(df[col], df["text"]):
        if not isinstance(text, str):
            continue
        for word, v in token_valences(text, fixes=fixes):
            cnt, tot = acc.get((grp, word), (0, 0.0))
            acc[(grp, word)] = (cnt + 1, tot + v)
    if not acc:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("rank", "count") else
                                          "float64" if c.startswith("valence") else object)
                             for c in cols})
    table = pd.DataFrame([(g, w, c, s) for (g, w), (c, s) in acc.items()],
                         columns=[col, "word", "count", "valence_sum"])
    table["valence_sum"] = table["valence_sum"].round(4)
    table["valence_mean"] = (table["valence_sum"] / table["count"]).round(4)
    rank = {g: i for i, g in enumerate(_group_order(table[col], col))}
    table["order"] = table[col].map(rank)
    parts = []
    for direction, sign in (("positive", 1), ("negative", -1)):
        sub = table[sign * table["valence_sum"] > 0].copy()
        sub["key"] = -sign * sub["valence_sum"]
        sub = sub.sort_values(["order", "key", "word"], kind="stable")
        sub = sub.groupby("order", sort=True).head(top)
        sub["rank"] = sub.groupby("order").cumcount() + 1
        sub["direction"] = direction
        parts.append(sub)
    out = pd.concat(parts).sort_values(["order", "direction", "rank"], ascending=[True, False, True],
                                       kind="stable")
    return out[cols].reset_index(drop=True).astype({"rank": "int64", "count": "int64"})


# ----------------------------------------------------------------------------- tables for the notebook

#: One example sentence per fix: (fix name, what goes wrong, sentence).
PITFALL_EXAMPLES = [
    ("quotes", "curly apostrophe hides the negation", "The plan isn’t good."),
    ("quotes", "curly quotation marks hide a lexicon word", "He called it a “great” victory."),
    ("bomb", "slang idiom 'the bomb' (+3) overwrites the next words", "Officials said the bomb struck the convoy."),
    ("no", "'no' as a determiner scored -1.2 on its own", "There were no casualties."),
    ("names", "lexicon word inside a name", "The United States will pull its troops out."),
]


def pitfall_table(examples=None) -> pd.DataFrame:
    """Before/after scores of example sentences, one per fix.

    In: a list of ``(fix, problem, sentence)`` (default ``PITFALL_EXAMPLES``).
    Out: DataFrame ``fix, problem, sentence, plain_vader, this_fix_only, all_fixes``
    (compound scores).
    """
    rows = [(fix, problem, text, polarity(text, False)["compound"],
             polarity(text, {fix})["compound"], polarity(text)["compound"])
            for fix, problem, text in (PITFALL_EXAMPLES if examples is None else examples)]
    return pd.DataFrame(rows, columns=["fix", "problem", "sentence", "plain_vader",
                                       "this_fix_only", "all_fixes"])


def fix_effects(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences whose compound score the fixes change, and by how much.

    In: a sentences table (``text``; ``article_id, sentence`` kept if present).
    When it is already scored with all fixes and carries ``compound_plain``
    (``analyze`` output), those scores are used as they are; otherwise the
    sentences are scored once.  Only the changed sentences are scored again,
    with each fix alone.
    Out: DataFrame with the input's id columns, ``text, plain_vader, fixed,
    change`` and ``fixes`` (the names of the fixes that change it alone,
    comma-separated), sorted by the size of the change, largest first.
    """
    ids = [c for c in ("article_id", "sentence") if c in sentences.columns]
    if not {"compound", "compound_plain"} <= set(sentences.columns):
        sentences = score_sentiment(sentences[ids + ["text"]])
    out = sentences[ids + ["text"]].copy()
    out["plain_vader"] = sentences["compound_plain"].to_numpy(dtype="float64")
    out["fixed"] = sentences["compound"].to_numpy(dtype="float64")
    out["change"] = (out["fixed"] - out["plain_vader"]).round(4)
    out = out[out["change"] != 0]
    plain = out["plain_vader"].to_numpy()
    alone = {f: score_sentiment(out[["text"]], fixes={f}, plain=False)["compound"].to_numpy() != plain
             for f in FIXES}
    out["fixes"] = [",".join(f for f in FIXES if alone[f][i]) for i in range(len(out))]
    return out.iloc[np.argsort(-out["change"].abs().to_numpy(), kind="stable")].reset_index(drop=True)


def story_labels(articles: pd.DataFrame, width: int = 40) -> pd.Series:
    """A short label per story, "outlet · date · title…", indexed by article_id."""
    def one(row):
        date = row["published"].strftime("%Y-%m-%d") if pd.notna(row.get("published")) else "undated"
        title = str(row.get("title") or row["article_id"])
        title = title if len(title) <= width else title[:width - 1].rstrip() + "…"
        return f"{_outlet_names(pd.Series([row.get('outlet')]))[0]} · {date} · {title}"
    return pd.Series([one(r) for _, r in articles.iterrows()], index=articles["article_id"],
                     dtype=object)


def differing_pairs(summary: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """The pairs of groups whose 95% intervals do not overlap, the largest gap first.

    In: ``sentiment_summary`` output (one row per group, column ``by``).  Out: DataFrame
    ``lower, higher, mean_lower, mean_higher, gap`` (``gap`` = difference of the means), one row
    per pair of rows whose intervals are apart; ties keep the table's order.  The number of
    pairs compared is ``n * (n - 1) // 2`` for ``n`` rows.
    """
    cols = ["lower", "higher", "mean_lower", "mean_higher", "gap"]
    ok = summary.dropna(subset=["mean_compound", "ci_low", "ci_high"])
    names = ok[by].astype(str).to_numpy()
    m, lo, hi = (ok[c].to_numpy(dtype="float64") for c in ("mean_compound", "ci_low", "ci_high"))
    i, j = np.triu_indices(len(ok), k=1)
    apart = (hi[i] < lo[j]) | (hi[j] < lo[i])
    i, j = i[apart], j[apart]
    low_first = m[i] <= m[j]
    a, b = np.where(low_first, i, j), np.where(low_first, j, i)
    out = pd.DataFrame({"lower": names[a].astype(object), "higher": names[b].astype(object),
                        "mean_lower": m[a], "mean_higher": m[b], "gap": m[b] - m[a]}, columns=cols)
    return out.iloc[np.argsort(-out["gap"].to_numpy(), kind="stable")].reset_index(drop=True)


#: Fewer stories than this in a group: its mean cannot separate a house style from the events.
MIN_STORIES = 5


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def sentiment_prose(story: pd.DataFrame, groups: pd.DataFrame, by: str = "outlet",
                    agreement: pd.DataFrame | None = None, words: pd.DataFrame | None = None,
                    min_stories: int = MIN_STORIES, named_pairs: int = 3) -> dict:
    """The findings of the sentiment notebook as sentences, computed from its tables.

    In: ``story`` (``sentiment_summary`` by ``["article_id", by]``), ``groups``
    (``sentiment_summary`` by ``by``, with ``stories``), the ``human_agreement`` table (or None
    when the ratings file is missing), the corpus's ``lexicon_contributors(..., by=None)`` (or
    None), ``min_stories`` (fewer per group: too few to show a house style).
    Out: dict of Markdown strings: ``bottom_line`` (three lines), ``story_heading``,
    ``story_line``, ``group_heading``, ``group_line`` (the differing pairs counted, the
    ``named_pairs`` largest gaps named) and ``caveat``.
    """
    from withdrawals.figures import other_label

    plural_by = other_label(by)[len("other "):]
    n_st, groups = len(story), groups.reset_index(drop=True)
    k = float(story["n"].median()) if n_st else 0.0
    width = float((story["ci_high"] - story["ci_low"]).median()) if n_st else float("nan")
    means = story["mean_compound"].dropna()
    if len(means) >= 4:
        q1, q3 = means.quantile([0.25, 0.75])
        spread, spread_text = q3 - q1, f"the middle half of story means spans {q3 - q1:.2f}"
    else:
        spread = means.max() - means.min() if len(means) else float("nan")
        spread_text = f"story means span {spread:.2f}" if len(means) else "there are no story means"
    if not n_st:
        compare = "no story has a sentence to score"
    elif not spread > 0:
        compare = f"{spread_text}"
    else:
        ratio = width / spread
        compare = (f"{'wider than' if ratio > 1.5 else 'narrower than' if ratio < 1 / 1.5 else 'about as wide as'}"
                   f" the spread between stories ({spread_text})")
    story_line = (f"A story's mean rests on a median of {_plural(round(k), 'sentence')}, so its 95% "
                  f"interval is {width:.2f} wide, {compare}." if n_st else
                  "No story has a sentence to score.")
    story_heading = (f"Each story's mean rests on a median of {_plural(round(k), 'sentence')}, so its "
                     f"95% interval is {width:.2f} wide" if n_st else "No story has a sentence to score")
    rest = other_label(by)
    named = groups[groups[by] != rest]
    per_group = named["stories"] if "stories" in named else pd.Series(dtype="int64")
    med = float(per_group.median()) if len(per_group) else 0.0
    n_groups, total = len(groups), len(groups) * (len(groups) - 1) // 2
    pairs = differing_pairs(groups, by)
    few = med < min_stories
    med_text = f"{med:g} {'story' if med == 1 else 'stories'}"
    if n_groups < 2:
        group_heading = f"All stories fall in one {by} group: no comparison between {plural_by}"
        groups_claim = f"All stories fall in one {by} group, so {plural_by} cannot be compared."
    elif few:
        group_heading = (f"{by.capitalize()} means mix stories about different events: with a median of "
                         f"{med_text} per {by}, they cannot show a house style")
        groups_claim = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, but "
                        f"with a median of {med_text} per {by} each {by}'s mean reflects the events it "
                        "covered as much as its style.")
    else:
        group_heading = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, "
                         f"on a median of {med_text} per {by}")
        groups_claim = (f"{len(pairs)} of {total} pairs of {plural_by} differ beyond their 95% intervals, "
                        f"each named {by} resting on at least {_plural(int(per_group.min()), 'story', 'stories')}; "
                        "the intervals count sentences, not stories, so they understate the uncertainty.")
    gaps = "; ".join(f"{r.higher} ({r.mean_higher:+.2f}) above {r.lower} ({r.mean_lower:+.2f})"
                     for r in pairs.head(named_pairs).itertuples())
    largest = f" The largest gaps: {gaps}." if len(pairs) else ""
    group_line = (f"{len(pairs)} of {total} pairs of {plural_by} have 95% intervals that do not overlap."
                  f"{largest} Stories per {by}: median {med:g}, at most "
                  f"{int(groups['stories'].max()) if 'stories' in groups and n_groups else 0}"
                  f"{f' (the {rest} pooled)' if (groups[by] == rest).any() else ''}.")
    vocab = ""
    if words is not None and len(words):
        neg = words[words["direction"] == "negative"]["word"].head(3).tolist()
        pos = words[words["direction"] == "positive"]["word"].head(3).tolist()
        quote = lambda ws: ", ".join(f"“{w}”" for w in ws) or "none"
        vocab = (f"The words that move the scores most are {quote(neg)} (down) and {quote(pos)} (up): "
                 "vocabulary, whose sign says nothing about who wins or who is blamed. ")
    if agreement is not None and len(agreement):
        r = agreement.set_index("scorer")["r"]
        project = r.get("all fixes (project)", r.iloc[-1])
        plain = r.get("plain VADER", float("nan"))
        trust = (f"On {agreement['n'].iloc[0]:,} New York Times snippets rated by people, this scorer "
                 f"agrees with them at r = {project:.2f} (plain VADER {plain:.2f}; one human rater "
                 "≈ 0.75 by the VADER authors' count): read the scores as vocabulary, not slant.")
    else:
        trust = ("VADER's authors report r ≈ 0.49 against human ratings of news snippets (the ratings "
                 "file is not here to check it): read the scores as vocabulary, not slant.")
    low_groups = int((per_group <= 2).sum())
    if n_groups < 2 or few:
        caveat = (f"**What {_plural(n_st, 'story', 'stories')} can support.** They can show which words "
                  "and which voices carry each story's tone, and that the fixes matter. They cannot "
                  f"support claims about a {by}'s slant: {low_groups} of {len(named)} named {plural_by} "
                  "have at most two stories, the stories cover different events and dates, and the "
                  "intervals are over sentences, not stories.")
    else:
        caveat = (f"**What {_plural(n_st, 'story', 'stories')} can support.** Each named {by} has at least "
                  f"{int(per_group.min())} stories, enough to compare vocabularies; a difference in tone "
                  "can still come from the events each covered (compare within a period), and the "
                  "intervals are over sentences, not stories.")
    return {"bottom_line": f"**Bottom line.** {story_line}\n{groups_claim}\n{vocab}{trust}",
            "story_heading": story_heading, "story_line": story_line,
            "group_heading": group_heading, "group_line": group_line, "caveat": caveat}


#: The polarity counts of ``sentiment_summary``: kept in the CSVs, left out of the tables shown.
SUMMARY_COUNTS = ["n_negative", "n_neutral", "n_positive"]


def whole_table(df: pd.DataFrame, digits: int = 3, hide=()):
    """A table to show whole: every row, every character of its text, text left-aligned.

    In: any DataFrame; ``digits`` decimal places; ``hide``, columns to leave out (names the
    table lacks are ignored).  Out: a pandas ``Styler`` (no index; cells escaped by
    ``set_display``) — pandas would otherwise cut a long table to 10 rows and a sentence at 50
    characters, and right-align text.
    """
    df = df.drop(columns=[c for c in hide if c in df.columns])
    text = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    # an explicit format() replaces the default formatter, so it must escape too
    styler = df.style.hide(axis="index").format(precision=digits, na_rep="–", escape="html")
    if text:
        styler = styler.set_properties(subset=text, **{"text-align": "left", "white-space": "normal"})
    return styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])


# ----------------------------------------------------------------------------- figures

#: Past this many stories, per-story figures become distributions of story means per group.
MAX_STORY_ROWS = 30


def _wrap(label, width: int = 38) -> str:
    """A label wrapped onto lines of at most ``width`` characters (at most three lines)."""
    import textwrap

    lines = textwrap.wrap(str(label), width) or [""]
    return "\n".join(lines[:2] + ([textwrap.shorten(" ".join(lines[2:]), width, placeholder="…")]
                                  if len(lines) > 2 else []))


def _colour_of(colors: dict | None, name) -> str:
    from withdrawals.figures import OTHER_COLOR

    return (colors or {}).get(name, OTHER_COLOR if colors else "#444444")


def _shares_panel(ax, y, neg, neu, pos, legend: bool = True) -> None:
    """Stacked negative / neutral / positive shares, one bar per row at heights ``y``."""
    left = np.zeros(len(y))
    for share, key, colour in ((neg, "negative", "#d1495b"), (neu, "neutral", "#bbbbbb"),
                               (pos, "positive", "#1b6ca8")):
        ax.barh(y, share, left=left, color=colour, label=key, height=0.6)
        left += np.asarray(share, dtype="float64")
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sentences\n(compound < −0.05 / neutral / > 0.05)")
    if legend:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8)


def plot_summary(summary: pd.DataFrame, label: str, title: str, colors: dict | None = None,
                 by: str = "outlet", max_rows: int = MAX_STORY_ROWS):
    """Mean compound with its 95% interval (left) and the polarity shares (right), one row per group.

    In: ``sentiment_summary`` output with a ``label`` column naming each row and a
    ``by`` column (default ``outlet``) for the colours (``colors``: group -> colour).
    A table of more than ``max_rows`` stories (it has ``article_id``) is drawn as the
    distribution of story means per ``by`` group instead: a box and one dot per story,
    "(k stories)" beside each group, and the group's pooled polarity shares.
    Out: a matplotlib Figure; rows keep the table's order, top to bottom.  Height is
    bounded (at most about 2,000 px at the collection's dpi) whatever the rows.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import FIG_DPI, MAX_PX

    key = by if by in summary.columns else "outlet"
    if len(summary) > max_rows and "article_id" in summary.columns and key in summary.columns:
        return _plot_story_distribution(summary, title, colors, key)
    n = len(summary)
    per_row = min(0.45, (MAX_PX * 0.8 / FIG_DPI - 1.6) / max(n, 1))
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 1.6 + per_row * max(n, 1)), sharey=True,
                                  gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(n)[::-1]
    cols = [_colour_of(colors, o) for o in summary.get(key, [None] * n)]
    mean = summary["mean_compound"].to_numpy()
    for yy, lo, hi, colour in zip(y, summary["ci_low"], summary["ci_high"], cols):
        ax.plot([lo, hi], [yy, yy], color=colour, lw=2, solid_capstyle="butt")
    ax.scatter(mean, y, c=cols, s=40, zorder=3)
    ax.axvline(0, color="#888888", lw=0.8)
    names = [f"{lab} (n={k})" for lab, k in zip(summary[label], summary["n"])]
    ax.set_yticks(y, [_wrap(t, 90) for t in names], fontsize=10 if n <= 30 else 8)
    ax.set_xlabel("mean compound score per sentence (−1 to +1)\nline: 95% bootstrap interval")
    _shares_panel(ax2, y, summary["share_negative"], summary["share_neutral"], summary["share_positive"])
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def _plot_story_distribution(story: pd.DataFrame, title: str, colors: dict | None, by: str):
    """Story means per group: box, one jittered dot per story (fixed seed), pooled shares."""
    import matplotlib.pyplot as plt

    groups = _group_order(story[by], by)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 1.9 + 0.5 * max(len(groups), 1)), sharey=True,
                                  gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(len(groups))[::-1]
    rng = np.random.default_rng(0)
    data = [story.loc[story[by] == g, "mean_compound"].dropna().to_numpy() for g in groups]
    if groups:
        ax.boxplot(data, positions=y, orientation="horizontal", widths=0.6, showfliers=False, whis=(0, 100),
                   medianprops={"color": "#222222"}, boxprops={"color": "#666666"},
                   whiskerprops={"color": "#666666"}, capprops={"color": "#666666"})
    for yy, g, x in zip(y, groups, data):
        ax.scatter(x, yy + rng.uniform(-0.22, 0.22, len(x)), s=14, color=_colour_of(colors, g),
                   alpha=0.8, edgecolors="white", linewidths=0.3, zorder=3)
    ax.axvline(0, color="#888888", lw=0.8)
    counts = [len(x) for x in data]
    ax.set_yticks(y, [_wrap(f"{g} ({k} stor{'y' if k == 1 else 'ies'})") for g, k in zip(groups, counts)])
    ax.set_ylim(-0.6, max(len(groups), 1) - 0.4)
    ax.set_xlabel("story mean compound score (−1 to +1)\none dot per story; box: middle half, "
                  "whiskers: 5–95%")
    tot = story.groupby(by)[["n", "n_negative", "n_neutral", "n_positive"]].sum().reindex(groups)
    n = tot["n"].clip(lower=1).to_numpy()
    _shares_panel(ax2, y, tot["n_negative"] / n, tot["n_neutral"] / n, tot["n_positive"] / n)
    ax2.set_xlabel("share of the group's sentences\n(compound < −0.05 / neutral / > 0.05)")
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def plot_voice(summary: pd.DataFrame, title: str, colors: dict | None = None, by: str = "outlet"):
    """Reporter's voice vs quoted speech per outlet (or group): mean compound and 95% interval.

    In: ``sentiment_summary(score_by_voice(...), articles, by=[by, "voice"])``.
    Out: a Figure, one row per group ("other …" last), a filled dot for the reporter and an
    open one for quotes, the legend above the data.
    """
    import matplotlib.pyplot as plt

    outlets = _group_order(summary[by], by) if by in summary.columns else []
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.6 * max(len(outlets), 1)))
    labelled = set()          # each voice in the legend once, from the first outlet that has it
    for k, outlet in enumerate(outlets):
        colour = _colour_of(colors, outlet)
        for voice, dy, face in (("reporter", 0.15, colour), ("quoted", -0.15, "white")):
            row = summary[(summary[by] == outlet) & (summary["voice"] == voice)]
            if row.empty:
                continue
            r = row.iloc[0]
            yy = len(outlets) - 1 - k + dy
            ax.plot([r["ci_low"], r["ci_high"]], [yy, yy], color=colour, lw=2)
            ax.scatter([r["mean_compound"]], [yy], s=50, facecolors=face, edgecolors=colour,
                       zorder=3, label=None if voice in labelled else voice)
            labelled.add(voice)
            ax.annotate(f"{voice} n={r['n']}", (r["ci_high"], yy), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_ylim(-0.5, max(len(outlets), 1) - 0.5)
    ax.set_yticks(range(len(outlets))[::-1], [_wrap(o) for o in outlets])
    ax.set_xlabel("mean compound score per sentence part (−1 to +1), 95% bootstrap interval")
    ax.margins(x=0.12)
    if labelled:
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8)
    ax.set_title(title, pad=22 if labelled else None)
    fig.tight_layout()
    return fig


def plot_target_heatmap(table: pd.DataFrame, title: str, by: str = "outlet"):
    """Outlet (or group) x target heatmap of mean compound, each cell annotated with its mean and n.

    In: ``target_sentiment`` output (rows bounded by its ``top`` grouping).  Out: a Figure;
    cells with n = 0 are blank; the row height shrinks past 30 rows so the figure stays bounded.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    order = list(dict.fromkeys(table["target"]))
    rows = _group_order(table[by], by)
    mean = table.pivot(index=by, columns="target", values="mean_compound").reindex(index=rows, columns=order)
    n = table.pivot(index=by, columns="target", values="n").reindex(index=rows, columns=order)
    annot = np.where(n.to_numpy() > 0,
                     [[f"{m:+.2f}\nn={k}" if k else "" for m, k in zip(mr, nr)]
                      for mr, nr in zip(mean.to_numpy(), n.to_numpy())], "n=0")
    per_row = 0.8 if len(mean) <= 20 else max(0.3, 16.0 / len(mean))
    fig, ax = plt.subplots(figsize=(1.3 * len(order) + 3.5, per_row * len(mean) + 1.8))
    sns.heatmap(mean, annot=annot if per_row >= 0.5 else False, fmt="", cmap="RdBu", center=0,
                vmin=-1, vmax=1, ax=ax, cbar_kws={"label": "mean compound score (−1 to +1)"},
                linewidths=0.5, annot_kws={"fontsize": 8})
    ax.set_facecolor("#f2f2f2")   # cells with n = 0
    ax.grid(False)
    ax.set_xticks(ax.get_xticks(), [_wrap(t, 16) for t in order], rotation=30, ha="right")
    ax.set_yticks(ax.get_yticks(), [_wrap(r, 30) for r in rows], rotation=0)
    ax.set_xlabel("actor named in the sentence (grey: no sentence)")
    ax.set_ylabel(by)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_contributors(table: pd.DataFrame, title: str, by: str = "outlet",
                      overall: pd.DataFrame | None = None, max_panels: int = 14, words: int = 8):
    """The lexicon words that add most to (blue) and take most from (red) each group's score.

    In: ``lexicon_contributors`` output (by ``by``), and optionally the whole corpus's
    (``lexicon_contributors(..., by=None)``), drawn first as "all stories".  Out: a Figure,
    a grid of at most ``max_panels`` panels (5 a row), ``words`` words each way per panel with
    their counts; groups past the limit are left out (the CSV keeps them).
    """
    import math

    import matplotlib.pyplot as plt

    panels = []
    if overall is not None and len(overall):
        gcol = "group" if "group" in overall.columns else overall.columns[0]
        panels.append((f"{ALL_STORIES}", overall.drop(columns=gcol)))
    for g in (_group_order(table[by], by) if by in table.columns else []):
        panels.append((g, table[table[by] == g]))
    panels = [(g, sub[sub["rank"] <= words]) for g, sub in panels[:max_panels]]
    ncols = min(max(len(panels), 1), 5)
    nrows = math.ceil(max(len(panels), 1) / ncols)
    height = max([len(sub) for _, sub in panels] + [1])
    panel_h = 0.22 * height + 1.1
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.3 * ncols + 0.6, panel_h * nrows + 0.7),
                             squeeze=False)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    for ax, (g, sub) in zip(axes.flat, panels):
        sub = sub.sort_values("valence_sum")
        ax.barh(range(len(sub)), sub["valence_sum"],
                color=np.where(sub["valence_sum"] > 0, "#1b6ca8", "#d1495b"))
        ax.set_yticks(range(len(sub)), [f"{w} ({c})" for w, c in zip(sub["word"], sub["count"])],
                      fontsize=8)
        ax.set_ylim(-0.6, max(height, 1) - 0.4)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_title(_wrap(g, 30), fontsize=10, loc="center")
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("summed valence in context", fontsize=8)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
