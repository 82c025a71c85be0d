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
the per-character emoji scan when a sentence holds no emoji, lower-cases each
distinct token once per batch (:class:`_Tokens`), runs VADER's rules only for
lexicon words (and only the idiom rule for one with no negator, booster, "no",
"least" or capitals among it and the three words before it), and scores from the
non-zero valences alone.
"""
from __future__ import annotations

import math
import re
import string
from itertools import compress, count

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
_BOOSTERS = _vs.BOOSTER_DICT
#: words of VADER's booster phrases ("kind of", "sort of", "just enough")
_BOOSTER_PHRASE_WORDS = frozenset(w for k in _vs.BOOSTER_DICT if " " in k for w in k.split())
_N_SCALAR, _C_INCR = _vs.N_SCALAR, _vs.C_INCR
_PUNCTUATION = string.punctuation
#: (neg, neu, pos, compound) of a sentence with words but no valence, and of one without words
_NEUTRAL, _EMPTY = (0.0, 1.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0)
_BREAK = re.compile(r"[,;:.!?)\]\"']$")   # punctuation that ends a name run
_OPEN_PUNCT = frozenset("(\"'[")
#: words VADER's rules compare a token with, besides its lexicon, boosters, negators and idioms
_RULE_WORDS = frozenset("kind of no or nor least at very never so this without doubt but".split())
#: the words that make VADER's rules change the valence of a lexicon word at or up to three words
#: after them, idioms aside: negators (but for those with "n't"), boosters, "no", "least" and the
#: "so"/"this" of "never so", "never this"; "or", "nor", "at", "very" and "doubt" count only beside
#: one of these
_RULE_NEIGHBOURS = _NEGATE | frozenset(k for k in _vs.BOOSTER_DICT if " " not in k) | frozenset(
    "no least never so this".split())
#: the words of VADER's idioms and booster phrases ("the", "bomb", "kind", "of", ...)
_PHRASE_WORDS = frozenset(w for k in (*_vs.SPECIAL_CASES, *_vs.BOOSTER_DICT) if " " in k for w in k.split())
_DASHES = ("\u2014", "\u2013")


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


class _Tokens(dict):
    """Whitespace token -> VADER's token (``SentiText._strip_punc_if_word``), lower-cased: a memo
    kept over a batch of sentences (news repeats its words); ``nt`` holds the lower-cased tokens
    seen that contain "n't" (each a negator to VADER)."""

    def __init__(self):
        super().__init__()
        self.nt: set = set()

    def __missing__(self, token: str) -> str:
        stripped = token.strip(_PUNCTUATION)
        low = self[token] = (stripped if len(stripped) > 2 else token).lower()
        if "n't" in low:
            self.nt.add(low)
        return low


def _tokenize(text: str, lows: _Tokens) -> tuple[list[str], list[str]]:
    """VADER's tokens of a prepared sentence: the whitespace tokens (case tests on them equal
    those on VADER's tokens: the punctuation it strips has no case) and VADER's tokens lower-cased."""
    raw = text.split()
    return raw, list(map(lows.__getitem__, raw))


def _cap_diff(tokens: list[str]) -> bool:
    """VADER's ``allcap_differential``: are some, but not all, of the tokens in capitals?"""
    caps = sum(map(str.isupper, tokens))
    return 0 < len(tokens) - caps < len(tokens)


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
        self._lex_keys = self.lexicon.keys()
        #: words of this analyzer's idioms ("the", "bomb", "kiss", "of", "death", ...)
        self._idiom_words = frozenset(w for k in self.special_cases for w in k.split())

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

    def _scan(self, text: str, lows: "_Tokens") -> tuple[list[str], list[str], list[tuple[int, float]]]:
        """VADER's tokens of ``text`` (already prepared) and their valences: ``(raw, low, hits)``
        as :func:`_tokenize` and :meth:`_rules` give them."""
        raw, low = _tokenize(text, lows)
        return raw, low, self._rules(text, raw, low, lows)

    def _rules(self, text: str, raw: list[str], low: list[str], lows: "_Tokens") -> list[tuple[int, float]]:
        """VADER's token loop and "but" rule over the tokens of ``text``.

        Out: ``(position, valence)`` of every token whose valence is not 0, in order: the same
        valences as VADER's ``sentiment_valence`` and ``_but_check``, computed only for lexicon
        words.  A lexicon word not in capitals with no word any rule reads among itself and the
        three words before it (:data:`_RULE_NEIGHBOURS`, or a word with "n't") keeps its lexicon
        valence but for an idiom, as VADER's rules leave it.
        """
        lexicon = self.lexicon
        if self._lex_keys.isdisjoint(low):
            return []                   # no lexicon word: every valence is 0
        hits = list(compress(count(), map(lexicon.__contains__, low)))
        nt = lows.nt
        last = len(raw) - 1
        names = self._names
        cap_diff = None                 # VADER's is_cap_diff, computed when a capitalised word asks
        no_fix = self._no_fix
        out = []
        for i in hits:
            w = low[i]
            if w in _BOOSTERS or (w == "kind" and i < last and low[i + 1] == "of"):
                continue                # a booster, or "kind of": valence 0
            if w == "no" and no_fix:
                self.fired = True       # fix 3: "no" negates the next words, has no valence itself
                continue
            # (case tests on the whitespace token equal those on VADER's: the punctuation it
            # strips has no case)
            if names and i > 0 and w not in _VALENCE_IN_NAMES and raw[i].istitle() and self._in_name(raw, i):
                self.fired = True       # fix 4: part of a name ("United States")
                continue
            near = low[i - 3 if i > 2 else 0:i + 1]
            if not raw[i].isupper() and _RULE_NEIGHBOURS.isdisjoint(near) and (not nt or nt.isdisjoint(near)):
                # no rule but an idiom's can change the word's valence
                if i > 2 and low[i - 3] not in lexicon and not _PHRASE_WORDS.isdisjoint(near):
                    out.append((i, self._special_idioms_check(lexicon[w], low, i)))
                else:
                    out.append((i, lexicon[w]))
                continue
            # VADER's sentiment_valence, token by token
            valence = lexicon[w]
            if w == "no" and i != last and low[i + 1] in lexicon:
                valence = 0.0
            if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") \
                    or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
                valence = lexicon[w] * _N_SCALAR
            if raw[i].isupper():
                if cap_diff is None:
                    cap_diff = _cap_diff(raw)
                if cap_diff:
                    valence += _C_INCR if valence > 0 else -_C_INCR
            for start_i in (0, 1, 2):
                j = i - start_i - 1
                if j < 0:
                    break
                prev = low[j]
                if prev in lexicon:
                    continue
                s = 0.0             # VADER's scalar_inc_dec
                if prev in _BOOSTERS:
                    s = _BOOSTERS[prev]
                    if valence < 0:
                        s *= -1
                    if raw[j].isupper():
                        if cap_diff is None:
                            cap_diff = _cap_diff(raw)
                        if cap_diff:
                            s += _C_INCR if valence > 0 else -_C_INCR
                    if start_i == 1:
                        s = s * 0.95
                    elif start_i == 2:
                        s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, low, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, low, i)
            if i > 0 and low[i - 1] == "least" and "least" not in lexicon:     # VADER's _least_check
                if i == 1 or (low[i - 2] != "at" and low[i - 2] != "very"):
                    valence = valence * _N_SCALAR
            out.append((i, valence))
        out = [(i, v) for i, v in out if v]
        if "but" in low and out:
            # VADER's _but_check, on the non-zero valences: each in turn, the first valence equal
            # to it (zeros equal none of them) is halved before "but", raised by half after it
            bi = low.index("but")
            pos = [i for i, _ in out]
            vals = [v for _, v in out]
            for k in range(len(vals)):
                v = vals[k]
                si = vals.index(v)
                if pos[si] < bi:
                    vals[si] = v * 0.5
                elif pos[si] > bi:
                    vals[si] = v * 1.5
            out = list(zip(pos, vals))
        return out

    def _scores(self, text: str, lows: dict) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` of one sentence, as VADER's ``polarity_scores`` gives them."""
        if not text.isascii():
            text = self._prepare(text)
        raw, low = _tokenize(text, lows)
        return self._score_tokens(text, raw, low, lows)

    def _score_tokens(self, text: str, raw: list[str], low: list[str], lows: "_Tokens") \
            -> tuple[float, float, float, float]:
        """:meth:`_scores` of a prepared ``text`` given its tokens (:func:`_tokenize`)."""
        hits = self._rules(text, raw, low, lows)
        if not hits:
            return _NEUTRAL if raw else _EMPTY
        vals = [v for _, v in hits]
        # VADER's score_valence on the non-zero valences (the zeros add nothing to any sum)
        sum_s = float(sum(vals))
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        amplifier = ep_count * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = _vs.normalize(sum_s)
        pos_sum = neg_sum = 0.0
        for v in vals:
            if v > 0:
                pos_sum += (float(v) + 1)
            else:
                neg_sum += (float(v) - 1)
        neu_count = len(raw) - len(vals)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
                round(math.fabs(pos_sum / total), 3), round(compound, 4))

    @staticmethod
    def _in_name(raw: list[str], i: int) -> bool:
        """Is title-case word ``i`` (not the first) of the whitespace tokens ``raw`` joined to a
        capitalised neighbour, with no punctuation between them, i.e. part of a name such as
        "United States"?  (A neighbour's case is read on its VADER token, punctuation stripped.)"""
        strip = _vs.SentiText._strip_punc_if_word
        if i > 1 and strip(raw[i - 1])[:1].isupper() and not _BREAK.search(raw[i - 1]) \
                and not raw[i][:1] in _OPEN_PUNCT:
            return True
        return (i < len(raw) - 1 and strip(raw[i + 1])[:1].isupper() and not _BREAK.search(raw[i])
                and not raw[i + 1][:1] in _OPEN_PUNCT)

    def _inert(self, token: str, lows: "_Tokens | None" = None) -> bool:
        """Does VADER read this whitespace token only as a neutral word?  Its token (punctuation
        stripped as VADER strips it), lower-cased, is no lexicon word, booster, negator ("n't"
        included), word of an idiom or booster phrase, nor a word a rule compares with ("but",
        "least", "kind", "no", ...); its capitals count, which quote marks never change.
        ``lows``: a memo of lower-cased tokens (:class:`_Tokens`)."""
        low = lows[token] if lows is not None else _vs.SentiText._strip_punc_if_word(token).lower()
        return low not in self._rule_tokens and "n't" not in low

    def same_unquoted(self, raw: str, text: str, lows: "_Tokens | None" = None) -> bool:
        """Does VADER score ``raw`` as it scores ``text`` = ``normalize_quotes(raw)``?  True when no
        dash was spaced out (the tokens keep their places) and every token the quote marks
        changed is :meth:`_inert` in both spellings; False means: not known, score ``raw``."""
        if _DASHES[0] in raw or _DASHES[1] in raw:
            return False
        for a, b in zip(raw.split(), text.split()):
            if a != b and not (self._inert(a, lows) and self._inert(b, lows)):
                return False
        return True

    def sentiments(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's tokens of ``text`` and the rule-adjusted valence of each (0 = no sentiment)."""
        raw, _, hits = self._scan(self._prepare(text), _Tokens())
        sents = [0] * len(raw)
        for i, v in hits:
            sents[i] = v
        return [_vs.SentiText._strip_punc_if_word(t) for t in raw], sents

    def polarity_scores(self, text: str) -> dict:
        """Same output as VADER's ``polarity_scores``: dict of neg, neu, pos, compound."""
        return dict(zip(SCORE_COLUMNS, self._scores(text, _Tokens())))

    @staticmethod
    def _negation_check(valence, low, start_i, i):
        """VADER's ``_negation_check`` on the lower-cased tokens ``low``."""
        w1 = low[i - 1]
        if start_i == 0:
            if w1 in _NEGATE or "n't" in w1:
                valence = valence * _N_SCALAR
        elif start_i == 1:
            w2 = low[i - 2]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif w2 in _NEGATE or "n't" in w2:
                valence = valence * _N_SCALAR
        elif start_i == 2:
            w2, w3 = low[i - 2], low[i - 3]
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif w3 in _NEGATE or "n't" in w3:
                valence = valence * _N_SCALAR
        return valence

    def _special_idioms_check(self, valence, low, i):
        """VADER's ``_special_idioms_check`` on the lower-cased tokens ``low`` (with this analyzer's
        idiom table).  A phrase is looked up only when a word of it is a word of some idiom (or of
        a booster phrase): tokens hold no space, so no other phrase can match."""
        cases, words = self.special_cases, self._idiom_words
        w0, w1, w2 = low[i], low[i - 1], low[i - 2]
        if w1 in words or w2 in words:
            w3 = low[i - 3]
            for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
                if seq in cases:
                    valence = cases[seq]
                    break
        if w0 in words:
            n = len(low)
            if n - 1 > i:
                zeroone = f"{w0} {low[i + 1]}"
                if zeroone in cases:
                    valence = cases[zeroone]
            if n - 1 > i + 1:
                zeroonetwo = f"{w0} {low[i + 1]} {low[i + 2]}"
                if zeroonetwo in cases:
                    valence = cases[zeroonetwo]
        if w2 in _BOOSTER_PHRASE_WORDS:
            w3 = low[i - 3]
            for n_gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
                if n_gram in _BOOSTERS:
                    valence = valence + _BOOSTERS[n_gram]
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
    raw = [t if isinstance(t, str) else "" for t in sentences["text"]]
    quotes = "quotes" in _fix_set(fixes)
    unfixed = not _fix_set(fixes)
    plain_analyzer = _analyzer(False)
    lows = _Tokens()                # VADER's lower-cased tokens, made once for the batch
    done: dict = {}                 # sentence -> its scores (a story may repeat a sentence)
    rows = []
    for r in raw:
        res = done.get(r)
        if res is None:
            t = normalize_quotes(r) if quotes else r
            analyzer.fired = False
            if t.isascii():
                toks = _tokenize(t, lows)
                res = analyzer._score_tokens(t, *toks, lows)
            else:
                toks = None
                res = analyzer._scores(t, lows)
            if plain:
                if unfixed or not (analyzer.fired or "bomb" in r.lower()) and (
                        t is r or plain_analyzer.same_unquoted(r, t, lows)):
                    res = res + (res[3],)
                elif t is r and toks is not None:     # the same tokens, plain VADER's rules
                    res = res + (plain_analyzer._score_tokens(r, *toks, lows)[3],)
                else:
                    res = res + (plain_analyzer._scores(r, lows)[3],)
            done[r] = res
        rows.append(res)
    out = sentences.copy()
    cols = SCORE_COLUMNS + ["compound_plain"] if plain else SCORE_COLUMNS
    values = np.array(rows, dtype="float64").reshape(len(rows), len(cols))
    for k, col in enumerate(cols):
        out[col] = values[:, k].copy()
    return out


def token_valences(text: str, fixes=True) -> list[tuple[str, float]]:
    """VADER's words of one sentence with the valence each contributes after its rules.

    Out: ``(word, valence)`` pairs, lower-cased, only words with a non-zero
    valence (negation, boosters and "but" already applied), in order.
    """
    if "quotes" in _fix_set(fixes):
        text = normalize_quotes(text)
    analyzer = _analyzer(fixes)
    _, low, hits = analyzer._scan(analyzer._prepare(text), _Tokens())
    return [(low[i], float(v)) for i, v in hits]


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
