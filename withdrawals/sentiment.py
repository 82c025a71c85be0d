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
   neighbour.  A name of a war or an atrocity keeps the word's valence ("World
   War II", "the Cold War": lexicon/valence_in_names.txt).  The cost: a name that opens the sentence keeps its valence
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

from . import lexicon
from .figures import TOP_OUTLETS

__all__ = ["score_sentiment", "polarity", "normalize_quotes", "score_by_voice", "token_valences",
           "DEFAULT_TARGETS", "SCORE_COLUMNS", "NEG_THRESHOLD", "POS_THRESHOLD", "FIXES", "VOICE_COLUMNS",
           "read_ratings", "human_agreement", "ALL_STORIES"]

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
#: words VADER's rules compare a token with, besides its lexicon, boosters, negators and idioms
_RULE_WORDS = frozenset("kind of no or nor least at very never so this without doubt but".split())
_DASHES = ("\u2014", "\u2013")


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
#: lexicon words a name keeps the valence of ("World War II"): lexicon/valence_in_names.txt
_VALENCE_IN_NAMES = frozenset(lexicon.words("valence_in_names"))


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
        # every lower-case token any of VADER's rules looks up or compares with (see _inert)
        self._rule_tokens = frozenset(self.lexicon) | frozenset(_vs.BOOSTER_DICT) | frozenset(_vs.NEGATE) \
            | frozenset(w for k in (*_vs.SPECIAL_CASES, *_vs.BOOSTER_DICT) for w in k.split()) | _RULE_WORDS
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
            if names and i > 0 and item.istitle() and low in self.lexicon and low not in _VALENCE_IN_NAMES \
                    and self._in_name(text, words, i):
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

    def _inert(self, token: str) -> bool:
        """Does VADER read this whitespace token only as a neutral word?  Its token (punctuation
        stripped as VADER strips it), lower-cased, is no lexicon word, booster, negator ("n't"
        included), word of an idiom or booster phrase, nor a word a rule compares with ("but",
        "least", "kind", "no", ...); its capitals count, which quote marks never change."""
        low = _vs.SentiText._strip_punc_if_word(token).lower()
        return low not in self._rule_tokens and "n't" not in low

    def same_unquoted(self, raw: str, text: str) -> bool:
        """Does VADER score ``raw`` as it scores ``text`` = ``normalize_quotes(raw)``?  True when no
        dash was spaced out (the tokens keep their places) and every token the quote marks
        changed is :meth:`_inert` in both spellings; False means: not known, score ``raw``."""
        if _DASHES[0] in raw or _DASHES[1] in raw:
            return False
        return all(a == b or (self._inert(a) and self._inert(b)) for a, b in zip(raw.split(), text.split()))

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
    a typographic dash, a typographic quote on a token VADER's rules read
    (:meth:`_NewsAnalyzer.same_unquoted`), the word "bomb", or a word the "no"
    or names fix set to 0); for every other sentence the two scorers give the
    same score by construction.
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
    plain_analyzer = _analyzer(False)
    plain_score = plain_analyzer.polarity_scores
    for r, t in zip(raw, texts):
        analyzer.fired = False
        res = score(t)
        rows.append(res)
        if plain:
            same = unfixed or not (analyzer.fired or "bomb" in r.lower()) and (
                t is r or plain_analyzer.same_unquoted(r, t))
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
    if by is not None and len(out):
        from withdrawals.tables import join_articles     # the one join of a table with the articles

        groups = join_articles(out[["article_id"]], articles, groups=[by], top=top, unknown="(unknown {})")
        out[by] = pd.Series(groups[by].to_numpy(dtype=object), index=out.index, dtype=object)
    elif by is not None:
        out[by] = pd.Series(dtype=object)
    return out
