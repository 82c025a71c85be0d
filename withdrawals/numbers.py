"""Troop figures, casualties and withdrawal time frames, read from story text.

Three public functions, each ``articles`` (the articles table: ``article_id``,
``text``) in, a NEW DataFrame out, one row per thing found:

* :func:`extract_troop_mentions` -- every reported troop figure ("roughly 2,000
  US troops in Syria") with its range, hedge, unit, actor, place and whether it
  sits inside a quotation.
* :func:`extract_casualties` -- deaths and injuries ("2,300 have died", "29 were
  injured"); these never appear among the troop figures.
* :func:`extract_timelines` -- withdrawal / drawdown / evacuation time frames
  ("within six months", "60 to 100 days", "within weeks").

The rules know English (number words, hedges, unit nouns, country names and
demonyms), never particular stories.  They run on the sentences of
``withdrawals.segment.split_sentences`` (pass ``sentences=`` to reuse a table
you already have) and mark quotations with ``withdrawals.segment.quote_spans``.
Sentences without a digit or a number word are skipped by one compiled regex,
so the cost is a few microseconds per sentence on ordinary news text.
The counting rules are written down in the README (*Counting rules*).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import namedtuple
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from withdrawals import lexicon
from withdrawals.segment import trie_pattern

__all__ = [
    "extract_troop_mentions",
    "extract_casualties",
    "extract_timelines",
    "extract_figures",
    "figure_sources",
    "parse_number",
    "MAX_NUMBER",
    "TROOP_COLUMNS",
    "CASUALTY_COLUMNS",
    "TIMELINE_COLUMNS",
    "HEDGES",
    "PLACE_FROM",
    "FRAME_KINDS",
]

TROOP_COLUMNS = ["article_id", "paragraph", "sentence", "span", "low", "high", "hedge",
                 "unit", "actor", "place", "quoted", "sentence_index", "start", "end",
                 "place_from"]
CASUALTY_COLUMNS = ["article_id", "paragraph", "sentence", "span", "low", "high", "hedge",
                    "kind", "who", "actor", "place", "quoted", "sentence_index", "start",
                    "end"]
TIMELINE_COLUMNS = ["article_id", "paragraph", "sentence", "span", "low", "high", "unit",
                    "quoted", "sentence_index", "start", "end", "kind"]
HEDGES = ("exact", "about", "more_than", "nearly", "up_to", "at_least", "fewer_than", "vague")
#: How a figure's place was found, in the order the rules try them ("" = no place).
PLACE_FROM = ("sentence", "paragraph", "context", "carried", "actor", "destination", "")
#: What a time frame is the time frame of.
FRAME_KINDS = ("withdrawal", "deployment", "other")


# --------------------------------------------------------------------------
# The records the figure finder passes between its steps
# --------------------------------------------------------------------------
#: One row of the troops table and of the casualties table: records whose fields are the columns.
TroopRow = namedtuple("TroopRow", TROOP_COLUMNS)
CasualtyRow = namedtuple("CasualtyRow", CASUALTY_COLUMNS)


class _UnitHit(NamedTuple):
    """The noun a number counts ("troops"), where it ends, and the (token, start, end) words between."""
    unit: str
    end: int
    mods: list


class _HedgeHit(NamedTuple):
    """A figure's hedge ("about") and where its words start (the number's start when "exact")."""
    hedge: str
    start: int


class _Force(NamedTuple):
    """Whose personnel a figure counts: its unit noun, actor and the actor's country."""
    unit: str
    actor: str
    country: str | None


class _LastFigure(NamedTuple):
    """A troop figure a later bare number may continue ("2,500 troops in Iraq, down from 3,000")."""
    unit: str
    actor: str
    country: str | None
    end: int | None                 # where its unit ends in this sentence (None: from another sentence)
    after_from: bool                # the figure followed "from"
    place: str

    @property
    def force(self) -> _Force:
        return _Force(self.unit, self.actor, self.country)


class _StoryFigure(NamedTuple):
    """The last troop figure of a story so far, for "About 6,400 will ..." a sentence or two later."""
    idx: int
    unit: str
    actor: str
    country: str | None
    place: str
    par: int

    def carried(self) -> _LastFigure:
        return _LastFigure(self.unit, self.actor, self.country, None, False, self.place)


class _LastCasualty(NamedTuple):
    end: int
    kind: str


class _Continuation(NamedTuple):
    """The figure a bare number continues (or None), and its hedge when it had to be read."""
    figure: _LastFigure | None
    hedge: _HedgeHit | None


class _Link(NamedTuple):
    """The unit a number counts, where its span ends, the force it takes over, the place it carries."""
    unit: str
    end: int
    force: _Force | None
    carried: str


class _Where(NamedTuple):
    """A troop figure's actor, the actor's country, its place and the rule that gave the place."""
    actor: str
    country: str | None
    place: str
    place_from: str

_DTYPES = {"article_id": "object", "paragraph": "int64", "sentence": "object",
           "span": "object", "low": "Int64", "high": "Int64", "hedge": "object",
           "unit": "object", "kind": "object", "who": "object", "actor": "object",
           "place": "object", "quoted": "bool", "sentence_index": "int64",
           "start": "int64", "end": "int64", "place_from": "object"}

# --------------------------------------------------------------------------
# Places: countries with their other names and demonyms, cities and regions (lexicon/countries.csv,
# cities.csv, regions.csv).  The United States is an actor ("us"), never a place.
# --------------------------------------------------------------------------
_REGIONS = {r["region"]: r["place"] for r in lexicon.table("regions")}
_CITY_TO_COUNTRY = {r["place"]: r["country"] for r in lexicon.table("cities")}

_NAME_TO_COUNTRY: dict = {}      # country name or alias -> canonical
_DEMONYM_TO_COUNTRY: dict = {}   # demonym -> canonical
for _row in lexicon.table("countries"):
    _canon = _row["country"]
    _NAME_TO_COUNTRY[_canon] = _canon
    for _a in filter(None, _row["aliases"].split(";")):
        _NAME_TO_COUNTRY[_a] = _canon
    for _d in filter(None, _row["demonyms"].split(";")):
        _DEMONYM_TO_COUNTRY.setdefault(_d, _canon)
_NAME_TO_COUNTRY["Saudi"] = "Saudi Arabia"
for _n, _c in _CITY_TO_COUNTRY.items():
    _NAME_TO_COUNTRY.setdefault(_n, _c)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# the capitalised words a country, city or demonym starts with, as whole words: the same
# words ``_Story.countries`` looks up, found by one regex scan instead of a loop over
# every capitalised word (a word right after a letter, digit, "." or "-" does not count;
# such a match lies inside a run of letters, so skipping it hides no other)
_COUNTRY_FIRST_RE = None    # set once _COUNTRY_BY_FIRST exists


# a country name or demonym (case-sensitive; "’s"/"'s" possessive allowed)
_COUNTRY_ANY = re.compile(r"(?<![\w.-])(" + _alt(list(_NAME_TO_COUNTRY) + list(_DEMONYM_TO_COUNTRY))
                          + r")(?![\w-])")
# country names, cities and demonyms indexed by their first word, longest first
_CAP_RE = re.compile(r"[A-Z][A-Za-z]*")
_COUNTRY_BY_FIRST: dict = {}
for _n in sorted(list(_NAME_TO_COUNTRY) + list(_DEMONYM_TO_COUNTRY), key=lambda n: (-len(n), n)):
    _first = re.match(r"[A-Z][A-Za-z]*", _n)
    if _first:
        _COUNTRY_BY_FIRST.setdefault(_first.group(0), []).append(
            (_n, _NAME_TO_COUNTRY.get(_n) or _DEMONYM_TO_COUNTRY[_n], _n not in _NAME_TO_COUNTRY))
_COUNTRY_FIRST_RE = re.compile(r"(?:" + trie_pattern(_COUNTRY_BY_FIRST) + r")(?![A-Za-z])")
# a place right after a preposition: country name, region, or demonym + soil/territory
_DIR = (r"(?:(?:north|south|east|west|central)(?:ern)?(?:-?(?:east|west)(?:ern)?)?\s+"
        r"|neighbou?ring\s+|next-door\s+|rural\s+|war-torn\s+|(?:Iraqi|Syrian)\s+Kurdistan\s+|"
        r"|(?:the\s+)?(?:north|south|east|west|centre|center)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?)")
_PLACE_AT = re.compile(
    r"(?:the\s+)?(?:" + _DIR + r")?(?:(?:border\s+|frontline\s+|northern\s+|eastern\s+|"
    r"southern\s+|western\s+)?(?:town|city|province|region|village|base|camp)\s+of\s+)?"
    r"(?:(?P<name>" + trie_pattern(list(_NAME_TO_COUNTRY) + list(_REGIONS))
    + r")(?![\w-])|(?P<dem>" + trie_pattern(_DEMONYM_TO_COUNTRY)
    + r")\s+(?:soil|territory|territories|ground|bases?)\b)")
# any string a place match of _PLACE_AT must contain (a cheap necessary test)
_PLACE_ANY = re.compile(trie_pattern(list(_NAME_TO_COUNTRY) + list(_REGIONS) + list(_DEMONYM_TO_COUNTRY)))
_PLACE_PREP = re.compile(r"\b(?:in|inside|into|to|from|out\s+of|across|throughout|within|"
                         r"on|for|towards?|near|at|stationed\s+in|based\s+in)\s+"
                         r"(?=[A-Z]|the\s|north|south|east|west|central|neighbo|rural|war-|al-|"
                         r"border|frontline|town|city|province|region|village|base|camp)", re.I)
_PLACE_CHAIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)")
_NEW_CLAUSE = re.compile(r"['’]s\b|\s+(?:(?:some|about|around|roughly|nearly|almost|approximately|only|"
                         r"has|have|had|is|are|was|were|will|would|keeps|kept|sent|deployed)\b|\d)",
                         re.I)
_VAGUE_PLACE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|into|to|across|throughout)\s+the\s+(?P<vague>region|area|"
                          r"world|theater|theatre)\b", re.I)
#: "the region east of the Euphrates", "the region of Idlib": a region of a country, not the region
_REGION_QUALIFIED = re.compile(r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?|of|around|near|along|"
                               r"bordering|between|where|that|which)\b", re.I)
#: country -> the region it belongs to (lexicon/region_countries.csv)
_COUNTRY_REGION = {c: r["region"] for r in lexicon.table("region_countries") for c in r["countries"].split(";") if c}
_LOCATIVE = re.compile(r"\b(?:in|inside|into|to|from|out\s+of|across|throughout|within|at|near|"
                       r"towards?|on)\s+(?:the\s+)?" + _DIR + r"?$", re.I)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
_CLAUSE_BREAK = re.compile(r"[;:.!?]|,\s+(?:who|which|where|while|but|as)\b|\b(?:while|whereas|but)\b")
_HOST_VERB = re.compile(r"(?:['’]s)?\s+(?:currently\s+|still\s+|now\s+|also\s+)?(?:hosts|hosted|"
                        r"houses|housed|is\s+home\s+to|was\s+home\s+to)\s+(?:(?:the|some|about|"
                        r"around|roughly|nearly|more\s+than|over|approximately|an\s+estimated)\s+)*")
#: "It houses about 1,500 U.S. and coalition forces": a pronoun or "the base" hosting the figure
_IT_HOSTS = re.compile(r"\b(?:It|it|The\s+base|the\s+base|The\s+facility|the\s+facility)\s+(?:currently\s+|still\s+|now\s+|also\s+)?"
                       r"(?:hosts|hosted|houses|housed|is\s+home\s+to|was\s+home\s+to)\s+(?:(?:the|some|about|"
                       r"around|roughly|nearly|more\s+than|over|approximately|an\s+estimated)\s+)*$")
_ANAPHOR = re.compile(r"\b(?:the\s+country|there|the\s+nation)\b", re.I)

# --------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------
_ACTOR_ROWS = lexicon.table("actors")
#: word -> actor, for the words matched as written ("US", "IS") and in any case ("kurdish")
_ACTOR_EXACT = {r["word"]: r["actor"] for r in _ACTOR_ROWS if r["match"] == "exact"}
_ACTOR_ANY = {r["word"].lower(): r["actor"] for r in _ACTOR_ROWS if r["match"] == "any"}
_ACTOR_SKIP_SUFFIX = re.compile(r"-(?:" + lexicon.alternation(lexicon.words("actor_suffixes")) + r")$", re.I)


_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _classify_actor(tok: str):
    """Return (actor, country or None) for one token / bigram, or None (cached per token)."""
    t = _POSSESSIVE_END.sub("", tok)
    if _ACTOR_SKIP_SUFFIX.search(t):
        return None
    if t.lower().endswith("-led"):
        t = t[:-4]
    actor = _ACTOR_EXACT.get(t) or _ACTOR_ANY.get(t.lower())
    if actor == "local":
        return ("local", _DEMONYM_TO_COUNTRY.get(t))
    if actor:
        return (actor, None)
    c = _DEMONYM_TO_COUNTRY.get(t) or _NAME_TO_COUNTRY.get(t)
    if c:
        return ("other", c)
    return None


_BIGRAMS = {"united states", "islamic state", "syrian democratic", "popular mobilization",
            "free syrian", "saudi arabia", "united kingdom", "south korean", "north korean",
            "al qaeda", "united arab", "great britain", "south korea", "north korea"}

# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------
# number words, their values and how they combine (lexicon/number_words.csv)
_NUMBER_ROWS = lexicon.table("number_words")


def _number_value(v: str):
    return float(v) if "." in v else int(v)


def _number_words(kind: str) -> dict:
    """{word: value} of the number words of ``kind``; a range "low-high" is a (low, high) pair."""
    return {r["word"]: (tuple(_number_value(x) for x in r["value"].split("-")) if "-" in r["value"]
                        else _number_value(r["value"])) for r in _NUMBER_ROWS if r["kind"] == kind}


_ONES = _number_words("one")
_TENS = _number_words("ten")
_TIMES = _number_words("times")          # "five hundred", "two dozen"
_SCALES = _number_words("scale")         # "two thousand five hundred"
# a digit number's scale word: "1.5 million", "2 thousand" ("2 dozen" is not read)
_DIGIT_SCALES = {w: v for w, v in {**_TIMES, **_SCALES}.items() if v >= 100}
_VAGUE_MULT = _number_words("prefix")
#: prefixes that hedge the figure they open ("a couple hundred": about; lexicon/number_words.csv)
_HEDGED_PREFIX = tuple(r["word"] for r in _NUMBER_ROWS if r["kind"] == "prefix" and r.get("hedge"))
_VAGUE_PLURAL = _number_words("vague")
_VAGUE_FIRST = {w.split()[0] for w in _VAGUE_PLURAL}    # "hundreds", "tens" (of thousands), ...


def _cased(words):
    return list(words) + [w[:1].upper() + w[1:] for w in words]


_W = _alt(list(_ONES) + list(_TENS))
_NUMBER_WORDS = list(_ONES) + list(_TENS) + list(_TIMES) + list(_SCALES) + sorted(_VAGUE_FIRST)
_NWORD = "(?:" + trie_pattern(_cased(_NUMBER_WORDS)) + r")(?![A-Za-z])"
# a run of number words ("two thousand five hundred", "twenty-nine"); checked in Python
_WORDNUM_RE = re.compile(_NWORD + r"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)" + _NWORD + ")*")
# digits with separators and an optional scale ("2,000", "1.5 million", "5k", "2bn")
_DIGIT_RE = re.compile(r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]{0,2}(?:[\u00a0\u2009\u202f][0-9]{3})+|"
                       r"[0-9]*)(?:\.[0-9]+)?"
                       r"(?:(?P<k>[ ]?[kK])(?![A-Za-z])|[ \t]+(?P<dscale>" + lexicon.alternation(_DIGIT_SCALES)
                       + r")(?![A-Za-z])|(?P<m>m|bn)(?![A-Za-z]))?")
_DIGIT_ANY = re.compile(r"[0-9]")
_NWORD_ANY = re.compile(trie_pattern(_cased(_NUMBER_WORDS)))
_WORD_PREFIX = re.compile(r"(?<![\w-])(" + lexicon.alternation(_VAGUE_MULT) + r")[ \t]+$", re.I)
_VAGUE_AFTER = re.compile(r"[ \t]+of(?:[ \t]+thousands[ \t]+of)?\b", re.I)
_VAGUE_MORE = re.compile(r"(?=[ \t]+more\b)", re.I)     # "thousands more troops"
_BAD_BEFORE = set("$£€¥.,:/_") | set("0123456789")
# the number words themselves: the cheapest test that a lower-cased sentence may hold one at a word
# start.  "zero" alone does not make a sentence worth reading ("nearly zero casualties"); it is read
# only in a sentence with another number ("zero U.S. casualties in the two strikes")
_NW_STEMS = tuple(w for w in _NUMBER_WORDS if w not in _ONES or _ONES[w] > 0)


_NW_SPACED = re.compile(" (?:" + trie_pattern(_NW_STEMS) + ")")   # a literal first char: fast scan


def _has_number_word(low: str) -> bool:
    """Cheap test that a lower-cased sentence may contain a number word (at a word start)."""
    return _NW_SPACED.search(low) is not None or low.lstrip("“\"‘'(").startswith(_NW_STEMS)


def _word_flag(text: str, s0: int, s1: int, low: str) -> bool:
    """``_has_number_word(low) and _NWORD_ANY.search(text, s0, s1)``, usually decided at once.

    ``low`` is ``text[s0:s1].lower()``.  The number-word stem found at a word start is
    tried first as the place of a number word; only when that fails is the sentence
    searched (the same answer, most of the time without a second scan).
    """
    m = _NW_SPACED.search(low)
    if m is None:
        if not low.lstrip("“\"‘'(").startswith(_NW_STEMS):
            return False
    elif len(low) == s1 - s0 and _NWORD_ANY.match(text, s0 + m.start() + 1, s1) is not None:
        return True
    return _NWORD_ANY.search(text, s0, s1) is not None


def _has_digit(low: str) -> bool:
    """Does the string hold an ASCII digit?  (Ten substring tests beat one regex scan.)"""
    return ("0" in low or "1" in low or "2" in low or "3" in low or "4" in low or "5" in low
            or "6" in low or "7" in low or "8" in low or "9" in low)


_DASH_SPACES = re.compile(r"[\s-]+")


_PREFIXES_LONGEST_FIRST = sorted(_VAGUE_MULT, key=len, reverse=True)


@lru_cache(maxsize=4096)
def _parse_words(phrase: str):
    """'two thousand five hundred' -> (2500, 2500); 'several hundred' -> (300, 900) (cached)."""
    p = _SPACES.sub(" ", phrase.lower()).strip()
    mult = (1, 1)
    for key in _PREFIXES_LONGEST_FIRST:
        if p.startswith(key + " "):
            mult = _VAGUE_MULT[key]
            p = p[len(key) + 1:]
            break
    total, cur, seen = 0, 0, False
    for w in _DASH_SPACES.split(p):
        if w == "and" or not w:
            continue
        seen = True
        if w in _ONES:
            cur += _ONES[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif w in _TIMES:
            cur = (cur or 1) * _TIMES[w]
        elif w in _SCALES:
            total += (cur or 1) * _SCALES[w]
            cur = 0
        else:
            return None
    if not seen:
        return None
    v = total + cur
    return (int(v * mult[0]), int(v * mult[1]))


#: Larger numbers are not counts of troops, people or days (an id, a phone number, a run of
#: digits); they are not figures, and would not fit the tables' 64-bit integer columns.
MAX_NUMBER = 10 ** 15
_MAX_DIGITS = len(str(MAX_NUMBER))


def _scan_numbers(text, s0, s1, digit=None, word=None, skip_years=True, low=None):
    """Every number phrase in text[s0:s1]: dicts with start, end, low, high, scale, year, vague.

    ``digit`` / ``word``: whether the caller already knows the text holds digits / number
    words (None = find out).  ``low``: ``text[s0:s1].lower()`` when the caller has it.
    """
    out = []
    if digit is None:
        digit = _DIGIT_ANY.search(text, s0, s1) is not None
    if word is None:
        word = _word_flag(text, s0, s1, text[s0:s1].lower() if low is None else low)
    if digit:
        for m in _DIGIT_RE.finditer(text, s0, s1):
            a, b = m.start(), m.end()
            if a > s0:
                c = text[a - 1]
                if c.isalpha() or c in _BAD_BEFORE or (c == "-" and a - 2 >= s0
                                                       and text[a - 2].isalpha()):
                    continue
            if b < s1:
                c = text[b]
                if c.isalnum() or c in "/:" or (c in ",." and b + 1 < s1
                                                and text[b + 1].isdigit()):
                    continue
            lg = m.lastgroup
            raw = text[a:b] if lg is None else text[a:m.start(lg)].strip()
            year = lg is None and len(raw) == 4 and "1800" <= raw <= "2099" and raw.isdigit()
            if year and skip_years and not (b + 1 < s1 and text[b] == " "
                                            and text[b + 1].isalpha()):
                continue                              # "in 2014." / "2014," : a year, nothing else
            digits = raw if raw.isdigit() else raw.replace(",", "").replace("\u00a0", "") \
                .replace("\u2009", "").replace("\u202f", "")
            whole, dot, _ = digits.partition(".")
            if len(whole) > _MAX_DIGITS:
                continue                              # an id or a run of digits, not a count
            v = float(digits) if dot else int(digits)
            if v == 0:
                continue
            if lg is None:
                scale = 1
            elif lg == "k":
                scale = 1000
            elif lg == "dscale":
                scale = _DIGIT_SCALES[_SPACES.sub(" ", m.group("dscale").lower())]
            else:
                scale = 1_000_000 if m.group("m").lower() == "m" else 1_000_000_000
            n = int(round(v * scale))
            if n > MAX_NUMBER:
                continue
            out.append({"start": a, "end": b, "low": n, "high": n, "scale": scale,
                        "year": year, "vague": False})
    if word:
        done = s0
        taken = [(n["start"], n["end"]) for n in out]
        for m in _WORDNUM_RE.finditer(text, s0, s1):
            a, b = m.start(), m.end()
            if a < done or any(x <= a < y for x, y in taken):
                continue
            if a > s0 and (text[a - 1].isalpha() or text[a - 1] == "-"):
                continue
            phrase = m.group(0).lower()
            last = phrase.rsplit(None, 1)[-1].rsplit("-", 1)[-1]
            if last in _VAGUE_FIRST:
                va = _VAGUE_AFTER.match(text, b, s1) or _VAGUE_MORE.match(text, b, s1)
                if not va or phrase.count(" ") or "-" in phrase:
                    continue
                key = (last + " of thousands") if va.group(0).count("of") == 2 else last
                if key not in _VAGUE_PLURAL:
                    continue
                lo, hi = _VAGUE_PLURAL[key]
                out.append({"start": a, "end": va.end(), "low": lo, "high": hi, "scale": 1,
                            "year": False, "vague": True})
                done = va.end()
                continue
            first = _DASH_SPACES.split(phrase, 1)[0]
            if first in _TIMES or first in _SCALES:
                pre = _WORD_PREFIX.search(text, max(s0, a - 16), a)
                if pre:
                    a = pre.start()
            r = _parse_words(text[a:b])
            if r is None:
                continue
            out.append({"start": a, "end": b, "low": r[0], "high": r[1], "scale": 1,
                        "year": False, "vague": r[0] != r[1]})
        out.sort(key=lambda n: n["start"])
    return out


def parse_number(text: str):
    """Parse one number phrase into ``(low, high)`` ints, or ``None``.

    In: "2,000", "5k", "1.5 million", "two thousand", "a dozen", "several hundred",
    "hundreds of", "tens of thousands of".  Out: (2000, 2000), (5000, 5000),
    (1500000, 1500000), (2000, 2000), (12, 12), (300, 900), (200, 900),
    (20000, 90000).  Vague words give a range: several = 3-9, a few = 2-5,
    dozens = 24-99, hundreds = 200-900, thousands = 2,000-9,000.  Digits are read
    exactly (not through a float); a number above :data:`MAX_NUMBER` is not a count: None.
    """
    t = text.strip()
    nums = _scan_numbers(t, 0, len(t), skip_years=False)
    if len(nums) != 1 or nums[0]["start"] != 0 or nums[0]["end"] != len(t):
        return None
    return nums[0]["low"], nums[0]["high"]


# --------------------------------------------------------------------------
# Hedges
# --------------------------------------------------------------------------
# the words before a figure that say how exact it is -> its hedge (lexicon/hedges.csv)
_HEDGE_OF = {r["words"]: r["hedge"] for r in lexicon.table("hedges")}
assert set(_HEDGE_OF.values()) <= set(HEDGES), "lexicon/hedges.csv: a hedge not in numbers.HEDGES"
_HEDGE_POST = re.compile(r"(?:\s+or\s+(?P<more>more|so)\b|(?P<plus>-?plus\b|\+)|(?P<odd>-odd\b)|"
                         r"\s+(?P<most>at\s+most|at\s+the\s+most|tops)\b)", re.I)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and|or)\s*", re.I)

# --------------------------------------------------------------------------
# Units, modifiers, exclusions
# --------------------------------------------------------------------------
# the unit nouns of a troop figure, the actor each implies and which are collective (lexicon/troop_units.csv)
_UNIT_ROWS = lexicon.table("troop_units")
_UNITS = tuple(r["unit"] for r in _UNIT_ROWS)
_UNIT_WORDS = lexicon.alternation(_UNITS)
_UNIT_AT = re.compile(r"[ \t\u00a0]+(" + _UNIT_WORDS + r")(?![\w-])", re.I)
_PLUS_AT = re.compile(r"(?:-?plus|-odd|\+|[ \t]+or[ \t]+(?:so|more))(?![A-Za-z])", re.I)
# "a 5,000-strong force", "a 5,000-man force" (lexicon/strength_suffixes.csv); "-member", "-man",
# "-person" count troops only before a military body (lexicon/military_bodies.txt)
_STRENGTH = lexicon.table("strength_suffixes")
_STRONG_AT = re.compile(r"-(" + lexicon.alternation(r["suffix"] for r in _STRENGTH) + r")\b", re.I)
_BODY_COUNTS = {r["suffix"] for r in _STRENGTH if r["needs_body"] == "yes"}
_MILITARY_BODY = re.compile(r"(?:[ \t]+[A-Za-z][\w.'’-]*){0,3}?[ \t]+(?:"
                            + lexicon.alternation(lexicon.words("military_bodies")) + r")(?![\w-])", re.I)
_TOKEN_AT = re.compile(r"[ \t\u00a0]+([A-Za-z][\w.'’]*(?:-[\w.'’]+)*)")
_MODIFIERS = frozenset(lexicon.words("troop_modifiers"))   # lexicon/troop_modifiers.txt
#: a modifier by its ending: lexicon/actor_suffixes.txt, and -led, -based ("Kurdish-led", "Qatar-based")
_MODIFIER_SUFFIX = re.compile(r"-(?:" + lexicon.alternation(lexicon.words("actor_suffixes") + ("led", "based")) + r")$", re.I)
# casualty words by the rule they serve (lexicon/casualty_words.csv), and the kind each one marks
_CAS_ROWS = lexicon.table("casualty_words")
_CAS_KIND = {r["word"]: r["kind"] for r in _CAS_ROWS}
assert set(_CAS_KIND.values()) <= {"death", "injury"}, "lexicon/casualty_words.csv: kind is death or injury"


def _cas_words(where: str) -> str:
    """The alternation of the casualty words that stand ``where`` (a value of the where column)."""
    return lexicon.alternation([r["word"] for r in _CAS_ROWS if where in r["where"].split(";")])


_CASUALTY_AFTER = re.compile(
    r"(?:[ \t]+(?:who|that|have|has|had|were|was|are|is|been|being|reportedly|also|since|"
    r"already|so|far|now|all))*[ \t]+(?P<c>" + _cas_words("after") + r")\b", re.I)
_CASUALTY_NOUN = re.compile(r"[ \t]+(?:(?!and\b|or\b|but\b)[A-Za-z.-]+[ \t]+){0,3}?(?P<c>"
                            + _cas_words("noun") + r")\b", re.I)
_CASUALTY_BEFORE = re.compile(
    r"(?:\b(?P<c>" + _cas_words("before") + r"|(?P<toll>" + _cas_words("toll")
    + r")(?:\s+\w+){0,3}?\s+(?:of|to|at|is|was|rose\s+to|stands\s+at)))[”\"’]?\s+"
    r"(?:(?:the|a|an|some|at\s+least|more\s+than|nearly|about|around|over|almost|roughly|up\s+to|"
    r"as\s+many\s+as)\s+)*$", re.I)
#: a list of counted people after the figure, then one passive casualty verb for them all
_CASUALTY_LIST_AFTER = re.compile(r",\s+(?:(?:one|two|three|four|five|an?|\d[\d,]*)\s[^,.;:]{1,70}?,\s+)*"
                                  r"(?:one|two|three|four|five|an?|\d[\d,]*)\s[^,.;:]{1,70}?\s+and\s+"
                                  r"(?:one|two|three|four|five|an?|\d[\d,]*)\s[^,.;:]{1,70}?\s+"
                                  r"(?:were|was|have\s+been|had\s+been)\s+(?P<c>" + _cas_words("passive") + r")\b", re.I)
#: a number that labels a part of a page or a transcript, not a count ("archived recording 3", "Figure 2")
_LABEL_BEFORE = re.compile(r"\b(?:recording|clip|part|chapter|episode|figure|fig\.|table|chart|step|item|"
                           r"no\.|page|section|track|exhibit|slide|photo|image|video)\s+$", re.I)
_CASUALTY_CLAUSE = re.compile(r"\b(?:were|was|have\s+been|had\s+been|been|are)\s+(?P<c>"
                              + _cas_words("passive") + r")\b|\b(?P<d>" + _cas_words("verb") + r")\b", re.I)
_CLAUSE_END = re.compile(r"[,;:!?()]|(?<![A-Z])\.|\b(?:who|which|where|when|after|while|since|as|but|"
                         r"because|including)\b")
# the casualty pre-filter: a sentence (lower-cased) without a casualty word holds no casualty figure
_CAS_STEMS = lexicon.anywhere(_CAS_KIND, flags=0)
# The sentence pre-filter (lower-cased text): a troop figure needs a unit noun, a "-strong"-like suffix
# or a troop-level noun; a casualty a casualty word, and an ambiguous one ("lost 51 points", marked
# needs_troops) a troop or casualty noun beside it.  Built from exactly the lists those rules read.
_STEMS = lexicon.anywhere(list(_UNITS) + ["-" + r["suffix"] for r in _STRENGTH]
                          + list(lexicon.words("troop_level_words")) + list(lexicon.words("casualty_nouns"))
                          + [r["word"] for r in _CAS_ROWS if r["needs_troops"] == "no"], flags=0)
_COORD = re.compile(r"(?:\s+[A-Za-z][\w.’'-]*){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
_DATE_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$")
_DATE_AFTER = re.compile(r"\s*(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")\b")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|by|after|before|during|of|from|through|"
                          r"early|late|mid|summer|winter|spring|autumn|fall|year|the)\s+$", re.I)
_MONEY_BEFORE = re.compile(r"(?:[$£€¥]|US\$|USD\s?|EUR\s?|GBP\s?)\s*$")
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|pc\b)", re.I)
_MONEY_AFTER = re.compile(r"\s+(?:dollars|pounds|euros)\b", re.I)
# nouns that give a bare number after them a troop unit (lexicon/troop_level_words.txt)
_TROOP_LEVEL = lexicon.alternation(lexicon.words("troop_level_words"))
_TROOP_LEFT = re.compile(
    r"\b(?P<u>" + _TROOP_LEVEL + r")\b(?P<gap>[^.;:!?\"“”]{0,80}?)"
    r"\b(?P<link>of|at|to|from|numbering|numbered|totaling|totalling|totaled|totalled|by|"
    r"under|over|below|above|is|was|"
    r"stood\s+at|stands\s+at|than|numbers?|totals?)\s+(?:between\s+|another\s+|an\s+additional\s+)?(?:(?:"
    + _alt(_HEDGE_OF) + r")\s+)?$", re.I)
# its pre-filter: a sentence (lower-cased) without one of these nouns has no such figure
_LEFT_STEMS = lexicon.anywhere(lexicon.words("troop_level_words"), flags=0)
_AFTER_OK = re.compile(r"(?:\s*(?:[,.;:)!?\"”’—–]|$)|[ \t]+(?:by|in|from|to|and|as|under|over|"
                       r"before|after|on|at|with|while|when|which|who|this|next|last|early|late|"
                       r"or|but|inside|across|currently|now|today|remain|remaining|are|is|were|"
                       r"was|will|would|could|in|there|stationed|deployed|based|within|for|until|already|we|they|"
                       r"through|during|including|of\s+them)\b|[ \t]+[a-z]+[ \t]+(?:years?|"
                       r"months?|weeks?|days?)[ \t]+(?:ago|earlier|before)\b)")
_ELLIPSIS_PLACE = re.compile(r"[ \t]+(?:(?:more|others?|additional)[ \t]+)?"
                             r"(?:in|to|from|inside|into|out\s+of|at)\s+(?:the\s+)?"
                             r"(?:(?:neighbou?ring|northern|southern|eastern|western|other)\s+)?"
                             r"(?=[A-Z]|al-)|[ \t]+(?:(?:later|also|still|then|now|eventually|"
                             r"instead)[ \t]+)?(?:returning|returned|return|being|would|will|"
                             r"were|are|remain|remained|remaining|stay|stayed|staying|go|going|"
                             r"went|moved|moving|headed|heading|based|stationed|deployed|leaving|"
                             r"left|coming|came|to\s+be|set\s+to|due\s+to|have|had|could|may|"
                             r"might|should|must|of\s+them|of\s+those|(?:that|who|which)\s+"
                             r"(?:were|are|had|have|remain|remained))\b")
# a number at the start of a clause: "About 6,400 will return ...", "..., while 5,600 ..."
_CLAUSE_START = re.compile(r"(?:[,;:—–(“\"]|\b(?:while|and|but|with|whereas|though|although|"
                           r"that|including|of)|\b(?:it|they|we|he|she)\s+(?:also\s+|still\s+)?"
                           r"(?:has|have|had|keeps|kept|maintains|will\s+keep|would\s+keep|"
                           r"plans\s+to\s+keep))\s*(?:the\s+|its\s+|their\s+|another\s+|"
                           r"a\s+further\s+|only\s+|just\s+)?$", re.I)
# "2,500 troops in Iraq, down from 3,000": a second number linked to the first
_GAP_SUBJECT = re.compile(r"(?:\band|,|\bwhile|\bbut|\bwith)\s+(?:the\s+)?"
                          r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+$")
# "... from 166,000 at the height of the war to about 2,500": the far end of a from-to pair
_PAIR_FAR = re.compile(r"[^.;:\d]{0,60}?\bto\s+", re.I)
_PAIR_LINK = re.compile(r"\s*,?\s*(?:(?:down|up|compared)\s+)?(?:from|to|with)\s+(?:a\s+peak\s+of\s+)?$",
                        re.I)
#: "14,000 troops to the Mideast, in addition to the 14,000 we have sent": a number added to the figure before
_ADDITION_LINK = re.compile(r"[^.;:\d]{0,60}?(?:\bin\s+addition\s+to|\bon\s+top\s+of|\badding\s+to|\bbesides)\s+"
                            r"(?:the\s+|some\s+|about\s+|roughly\s+|nearly\s+)?$", re.I)
_OF_NEXT = re.compile(r"[ \t]+of[ \t]+(?:the|its|their|America['’]s|an?|those|these)[ \t]+"
                      r"(?:(?:" + _alt(_HEDGE_OF) + r")[ \t]+)?$", re.I)
_MIL_CONTEXT = re.compile(r"troop|forces|military|deploy|station|soldier|servicem|withdr|serv|"
                          r"pull|garrison|base", re.I)
_SUBJECT_VERBS = frozenset(r["word"] for r in lexicon.table("actor_subject_words") if r["kind"] == "verb")
# nouns a subject may carry before its verb: "NATO's Resolute Support mission has 16,000 troops"
_APPOSITIVE = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Za-z][\w.’'-]*){0,3}),\s+(?:backed|supported|"
                         r"aided|led|armed|trained|which|who|a|an|the|now|once|long)\b[^,;]{0,80},"
                         r"\s+(?:[a-z]+\s+){1,3}$")
_RELATIVE = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Za-z][\w.’'-]*){0,3}),\s+(?:which|who|that)\s+"
                       r"(?:[a-z]+\s+){1,3}$")
_SUBJECT_NOUNS = frozenset(r["word"] for r in lexicon.table("actor_subject_words") if r["kind"] == "noun")
# possessive quantifiers: the same matches as without, but no quadratic backtracking
_WORD_BACK = re.compile(r"([A-Za-z][\w.'’]*+(?:-[\w.'’]++)*+)[\s,]*+$")


# --------------------------------------------------------------------------
# Per-story context: countries mentioned, quotation spans
# --------------------------------------------------------------------------
class _Story:
    """Lazily computed facts about one story's text (country mentions, quotation spans)."""

    __slots__ = ("text", "_quotes", "_qstarts", "_cache", "_scanned", "_places", "_pstarts", "_pends", "_main",
                 "last_troop", "frames")

    def __init__(self, text: str):
        self.text = text
        self.last_troop = None          # the story's last troop figure (_StoryFigure)
        self.frames = {}                # (number, unit) -> kind of the withdrawal or deployment frames met
        self._quotes = None
        self._qstarts = None
        self._cache = {}
        self._scanned = 0
        self._places = None
        self._main = None

    def _scan(self, lo: int, hi: int):
        """Country mentions whose capitalised first word lies in text[lo:hi], and where that word ends."""
        text, out, ends = self.text, [], []
        n = len(text)
        for m in _COUNTRY_FIRST_RE.finditer(text, lo, hi):
            a = m.start()
            if a and (text[a - 1].isalnum() or text[a - 1] in ".-"):
                continue
            for name, c, dem in _COUNTRY_BY_FIRST.get(m.group(0), ()):
                b = a + len(name)
                if text.startswith(name, a) and (b >= n or not (text[b].isalnum()
                                                                or text[b] == "-")):
                    out.append((a, b, c, dem))
                    ends.append(m.end())
                    break
        return out, ends

    def countries(self, lo: int = 0, hi: int | None = None):
        """(start, end, country) of each country name, city or demonym in text[lo:hi].

        Windows are scanned one by one while they add up to less than the story;
        past that (a long sentence with many figures, each looking back over the
        text before it) the story is scanned once and a window is a slice of that
        list, so the cost stays linear in the story's length.
        """
        hi = len(self.text) if hi is None else hi
        if self._places is None:
            key = (lo, hi)
            if key in self._cache:
                return self._cache[key]
            self._scanned += max(0, hi - lo)
            if self._scanned <= len(self.text):
                out = self._cache[key] = self._scan(lo, hi)[0]
                return out
            self._places, self._pends = self._scan(0, len(self.text))
            self._pstarts = [a for a, _, _, _ in self._places]
            self._cache = None
        return self._places[bisect_left(self._pstarts, lo):bisect_right(self._pends, hi)]

    def quoted(self, pos: int, maybe: bool = True) -> bool:
        """Is text[pos] inside quotation marks?  ``maybe=False`` (the sentence has none) skips."""
        if not maybe:
            return False
        if self._quotes is None:
            from withdrawals.segment import quote_spans
            self._quotes = sorted(quote_spans(self.text))
            self._qstarts = [s for s, _ in self._quotes]
        i = bisect_right(self._qstarts, pos) - 1
        return i >= 0 and self._quotes[i][0] <= pos < self._quotes[i][1]

    def region(self, pos: int) -> str:
        """The region of the countries named before ``pos`` ("Middle East" when more than half of the
        country mentions, roles and titles aside, are of its countries), or ""."""
        regions = [_COUNTRY_REGION.get(c, "") for s, e, c, _ in self.countries(0, pos) if not _role_place(self.text, s, e)]
        if not regions:
            return ""
        best = max(set(regions), key=regions.count)
        return best if best and regions.count(best) * 2 > len(regions) else ""

    def main_country(self) -> str:
        """The one country the story is about, or "": the country named most often (at least twice,
        or the only one; once by its name; not in roles or titles), each mention weighted by position and role (in the first fifth
        of the story it counts double, and again double after a preposition of place), holding half the weight, or 30 % and half as much again as the next country."""
        if self._main is not None:
            return self._main
        weights, counts, named = {}, {}, set()
        n = max(len(self.text), 1)
        for s, e, c, dem in self.countries(0, len(self.text)):
            located = _LOCATIVE.search(self.text, max(0, s - 40), s) is not None
            if _role_place(self.text, s, e) or (self.text[s:e] in _CITY_TO_COUNTRY
                                                and _GOVERNMENT_VERB.match(self.text, e)):
                continue                       # a role, or a capital standing for its government
            w = (2.0 if s < n / 5 else 1.0) * (2.0 if located else 1.0)
            weights[c] = weights.get(c, 0.0) + w
            counts[c] = counts.get(c, 0) + 1
            if not dem:
                named.add(c)
        total = sum(weights.values())
        ranked = sorted(weights, key=lambda c: (-weights[c], c))
        best = ranked[0] if ranked else ""
        second = weights[ranked[1]] if len(ranked) > 1 else 0.0
        self._main = best if best and (weights[best] >= 0.5 * total
                                      or (weights[best] >= 1.5 * second and weights[best] >= 0.3 * total)) \
            and (counts[best] >= 2 or len(ranked) == 1) and best in named else ""
        return self._main

    def context_place(self, pos: int, skip=(), since: int = 0, located: bool = False):
        """Most recent country named in text[since:pos] (not inside ``skip`` spans, not in a role).

        A country named as a location ("in Iraq", "out of Germany", "to Iraq and
        Syria") comes first, then any country name ("countering China"; a city
        only as a location, since "Tehran wanted" names a government);
        a nationality word ("Turkish offensive") only when no country is named
        at all.  ``located=True``: locations only.
        """
        name = demonym = ""
        text = self.text
        for width in (500, 2500, None):
            lo = since if width is None else max(since, pos - width)
            found = self.countries(lo, pos)
            for i in range(len(found) - 1, -1, -1):
                s, e, c, dem = found[i]
                if any(a <= s < b for a, b in skip) or _role_place(text, s, e):
                    continue
                if not dem:
                    j = i                      # "in Iraq and Syria": Syria is a location too
                    while j > 0 and _LIST_SEP.fullmatch(text, found[j - 1][1], found[j][0]):
                        j -= 1
                    if _LOCATIVE.search(text, max(0, found[j][0] - 40), found[j][0]):
                        return c
                    if located:
                        continue
                    if text[s:e] not in _CITY_TO_COUNTRY:
                        # A capital named without a preposition stands for its government
                        # ("Tehran wanted", "what Moscow says"): not where troops are.
                        name = name or c
                demonym = demonym or ("" if located else c)
            if lo == since:
                break
        return name or demonym


def _sentence_rows(articles, sentences):
    """Yield (article_id, story, paragraph, sentence_index, start, end, maybe_quoted)."""
    if sentences is None:
        from withdrawals.segment import split_sentences
        sentences = split_sentences(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    stories = {}
    cols = [sentences[c].tolist() for c in ("article_id", "paragraph", "sentence", "start", "end")]
    share = sentences["quoted_share"].tolist() if "quoted_share" in sentences else [1.0] * len(
        sentences)
    for aid, par, idx, s, e, q in zip(*cols, share):
        story = stories.get(aid)
        if story is None:
            text = texts.get(aid)
            if not isinstance(text, str):
                continue
            story = stories[aid] = _Story(text)
        yield aid, story, int(par), int(idx), int(s), int(e), not (q == 0)


def _frame(rows, columns) -> pd.DataFrame:
    # built as objects, so text columns are not first inferred as strings and converted back
    df = pd.DataFrame(rows, columns=columns, dtype=object)
    return df.astype({c: _DTYPES[c] for c in columns if _DTYPES[c] != "object"})


# --------------------------------------------------------------------------
# The figure finder: one sentence at a time
# --------------------------------------------------------------------------
def _numbers(text, s0, s1, digit=True, word=True, low=None):
    """The numbers of text[s0:s1] that can be counts: no money, percentages or dates."""
    out = []
    for n in _scan_numbers(text, s0, s1, digit, word, low=low):
        a, b = n["start"], n["end"]
        # each regex runs only when the characters next to the number allow it to match:
        # a currency sign or code / a month name just before, "%", "per cent", a space after
        lo = max(s0, a - 11)
        before = text[lo:a].rstrip()
        if before:
            if before[-1] in "$£€¥DRP" and _MONEY_BEFORE.search(text, max(s0, a - 6), a):
                continue
            if text[a - 1].isspace() and (before[:-1] if before[-1] == "." else before).endswith(
                    _MONTH_NAMES) and _DATE_BEFORE.search(text, lo, a):
                continue
        if b < s1:
            c = text[b]
            space = c.isspace()
            if (space or c in "%pP") and _PERCENT_AFTER.match(text, b, s1):
                continue
            if space and _MONEY_AFTER.match(text, b, s1):
                continue
            if (space or c in "snrt") and _DATE_AFTER.match(text, b, s1):
                continue
        out.append(n)
    return out


def _group_ranges(nums, text, s0):
    """Merge '20,000 to 30,000' / 'between 60 and 100' into one figure; 'from A to B' stays two."""
    figs, i = [], 0
    while i < len(nums):
        n = nums[i]
        lead_word, lead_start = _lead_word(text, n["start"], s0)
        if i + 1 < len(nums):
            nx = nums[i + 1]
            sep = _RANGE_SEP.fullmatch(text, n["end"], nx["start"])
            if sep and not nx["year"] and not n["year"]:
                sept = sep.group(0).strip().lower()
                if lead_word == "from" and sept in ("to", "-", "–", "—"):
                    figs.append(dict(n, pair_end=nx["end"]))
                    figs.append(dict(nx, pair_start=n["start"]))
                    i += 2
                    continue
                if sept not in ("and", "or") or lead_word == "between":
                    lo, hi = n["low"], nx["high"]
                    if n["scale"] == 1 and nx["scale"] > 1 and lo * nx["scale"] <= hi:
                        lo *= nx["scale"]
                    figs.append({"start": n["start"], "end": nx["end"], "low": min(lo, hi),
                                 "high": max(lo, hi), "scale": nx["scale"], "year": False,
                                 "vague": False, "lead": lead_start,
                                 "range": True})
                    i += 2
                    continue
        figs.append(n)
        i += 1
    return figs


_WORD_RE = re.compile(r"\S+")


def _tail_words(text, lo, a):
    """Lower-cased words of text[lo:a] with their starts, when the number at ``a`` follows a space."""
    if a <= lo or not text[a - 1].isspace():
        return []
    return [(m.group(0).lower(), m.start()) for m in _WORD_RE.finditer(text, lo, a)]


_HEDGE_ENDINGS = tuple(" " + h + " " for h in _HEDGE_OF)
_HEDGE_BY_LEN = sorted(_HEDGE_OF, key=len, reverse=True)


def _hedge(text, fig, s0, s1):
    """The figure's hedge and where its words start, from the words before it."""
    a = fig.get("lead", fig["start"])
    if a > s0 and text[a - 1] == "~":
        return _HedgeHit("about", a - 1)                    # "~900 troops"
    lo = max(s0, a - 30)
    w = " " + text[lo:a].lower() if lo == s0 else text[lo:a].lower()
    if not w.endswith(_HEDGE_ENDINGS):
        return _HedgeHit("exact", a)
    best, j = None, len(w) - 1          # the longest hedge h with w ending in " h "
    while True:
        i = w.rfind(" ", 0, j)
        if i < 0:
            break
        if w[i + 1:-1] in _HEDGE_OF:
            best = w[i + 1:-1]
        j = i
    if best is not None:
        return _HedgeHit(_HEDGE_OF[best], a - len(best) - 1)
    return _HedgeHit("exact", a)


def _lead_word(text, a, s0):
    """('between' | 'from' | '', its start) right before a number, hedge words allowed between."""
    lo = max(s0, a - 40)
    w = " " + text[lo:a].lower() if lo == s0 else text[lo:a].lower()
    if " between " not in w and " from " not in w:
        return "", a
    words = _tail_words(text, lo, a)
    for k in (0, 1, 2, 3):
        if len(words) > k and words[-k - 1][0] in ("between", "from") and (
                k == 0 or " ".join(w for w, _ in words[-k:]) in _HEDGE_OF):
            return words[-k - 1][0], words[-k - 1][1]
    return "", a


def _post_hedge(text, p, s1):
    """Hedge written after the figure ("2,000 troops or more", "2,000-plus"), or None."""
    post = _HEDGE_POST.match(text, p, s1)
    if not post:
        return None
    if post.group("more"):
        return "at_least" if post.group("more").lower() == "more" else "about"
    if post.group("odd"):
        return "about"                             # "30,000-odd troops"
    if post.group("most"):
        return "up_to"                             # "about 10,000 at most"
    return "more_than"


def _scan_unit(text, p, s1):
    """From the end of a number, walk modifier tokens to a unit noun.

    Returns (unit, unit_end, modifier_tokens[(tok, start, end)]) or None.
    """
    mods = []
    plus = _PLUS_AT.match(text, p, s1)             # "2,000-plus troops"
    if plus:
        p = plus.end()
    strong = _STRONG_AT.match(text, p, s1)
    if strong:
        p = strong.end()
        body = strong.group(1).lower() in _BODY_COUNTS
        if body and not _MILITARY_BODY.match(text, p, s1):
            return None                              # "a 15-member council", "a million-man police state"
        for _ in range(4):
            u = _UNIT_AT.match(text, p, s1)
            if u:
                return _UnitHit(u.group(1), u.end(), mods)
            t = _TOKEN_AT.match(text, p, s1)
            if not t:
                break
            mods.append((t.group(1), t.start(1), t.end(1)))
            p = t.end()
        return _UnitHit("troops", strong.end(), mods)
    for _ in range(6):
        u = _UNIT_AT.match(text, p, s1)
        if u:
            unit, end = u.group(1), u.end()
            nxt = _UNIT_AT.match(text, end, s1)      # "Forces fighters", "militia fighters"
            if nxt:
                unit, end = nxt.group(1), nxt.end()
            low = unit.lower()
            if low == "members" and not (mods and mods[-1][0].lower() in ("service", "military",
                                                                           "coalition", "nato")):
                of = _MEMBERS_OF.match(text, end, s1)     # "1,000 members of the U.S. military"
                if not of:
                    return None
                mods = mods + [(t.group(0), t.start(), t.end())
                               for t in _WORD_ANY.finditer(text, end, of.end())]
                return _UnitHit(unit, of.end(), mods)
            if low == "americans" and not _MIL_CONTEXT.search(text, max(0, p - 150), s1):
                return None
            return _UnitHit(unit, end, mods)
        t = _TOKEN_AT.match(text, p, s1)
        if not t:
            return None
        tok = t.group(1)
        if not tok.isalpha() and any(ch.isdigit() for ch in tok):
            return None
        tl = tok.lower().rstrip("’'s") if tok.lower().endswith(("'s", "’s")) else tok.lower()
        if not (tl in _MODIFIERS or tok[0].isupper() or _MODIFIER_SUFFIX.search(tok)
                or _classify_actor(tok)):
            return None
        if tok[0].isupper() and tl in _MONTH_SET:
            return None
        mods.append((tok, t.start(1), t.end(1)))
        p = t.end()
    return None


# the noun a casualty figure counts: a troop unit or another noun (lexicon/casualty_nouns.txt)
_WHO_AT = re.compile(r"[ \t]+(?:[A-Za-z.-]+[ \t]+){0,2}?("
                     + lexicon.alternation(lexicon.words("casualty_nouns") + _UNITS) + r")\b", re.I)
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
                         r"(?:military|armed\s+forces|army|coalition|forces|navy|marines|"
                         r"air\s+force|militia|security\s+forces|special\s+forces)\b", re.I)
_WORD_ANY = re.compile(r"[A-Za-z][\w.’'-]*")
_MONTH_SET = {m.lower() for m in _MONTHS.split("|")}


def _actor_from_tokens(toks):
    """Leftmost actor among tokens [(tok, start, end)], with bigrams; -> (actor, country, span)."""
    for i, (tok, a, b) in enumerate(toks):
        if i + 1 < len(toks):
            bi = (tok + " " + toks[i + 1][0]).lower()
            if bi in _BIGRAMS:
                r = _classify_actor(bi) or (("other", _NAME_TO_COUNTRY.get(
                    tok + " " + toks[i + 1][0]) or _DEMONYM_TO_COUNTRY.get(
                    tok + " " + toks[i + 1][0])) if (tok + " " + toks[i + 1][0]) in
                    _NAME_TO_COUNTRY or (tok + " " + toks[i + 1][0]) in _DEMONYM_TO_COUNTRY
                    else None)
                if r:
                    return r[0], r[1], (a, toks[i + 1][2])
        r = _classify_actor(tok)
        if r and tok.lower() not in _WEAK_ACTOR:
            return r[0], r[1], (a, b)
    for tok, a, b in toks:                      # only "foreign", "international", ...: weak
        if tok.lower() in _WEAK_ACTOR:
            return "other", None, None
    return None


_WEAK_ACTOR = {"foreign", "international", "western", "multinational"}
_RATIO_BEFORE = re.compile(r"\b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these|them|its|their|his|her|our|[A-Z][\w.]*['’]s)\b", re.I)
_COLLECTIVE_UNITS = {r["unit"] for r in _UNIT_ROWS if r["collective"] == "yes"}
_UNIT_ACTOR = {r["unit"]: r["actor"] for r in _UNIT_ROWS if r["actor"]}
assert set(_UNIT_ACTOR.values()) <= {"us", "isis", "local", "other"}, "lexicon/troop_units.csv: an unknown actor"


def _words_before(text, pos, s0, n, clause=False):
    """Up to n word tokens before pos within the sentence, nearest first, as (tok, start, end).

    ``clause=True`` stops at a comma, semicolon, colon or dash (the clause's start).
    """
    out = []
    for _ in range(n):
        m = _WORD_BACK.search(text, max(s0, pos - 40), pos)
        if not m:
            break
        if clause and any(c in ",;:—–(" for c in text[m.end(1):pos]):
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.start(1)
    return out


def _joint_actor(mods):
    """"other" when the modifiers join two different actors ("20,000 U.S. and NATO troops"), else None."""
    words = [t.lower() for t, _, _ in mods]
    if "and" not in words:
        return None
    seen = {r[0] for t, _, _ in mods if (r := _classify_actor(t)) and t.lower() not in _WEAK_ACTOR}
    return "other" if len(seen) > 1 else None


def _actor(text, fig, mods, unit, s0, hstart):
    """(actor, actor country, actor span) of a figure."""
    if _joint_actor(mods):
        return "other", None, None              # a joint force is no one country's troops
    r = _actor_from_tokens(mods)
    if r and r[2] is not None:
        return r
    weak = r                                    # "30,000 foreign fighters": the subject decides
    ua = _UNIT_ACTOR.get(unit.lower())
    # directly before the number: "America's 2,000 troops", "the US's roughly 2,000"
    before = _words_before(text, hstart, s0, 7, clause=True)
    if before:
        tok, a, b = before[0]
        if tok.endswith(("'s", "’s")) or tok.lower().endswith("-led"):
            r = _classify_actor(tok)
            if r:
                return r[0], r[1], (a, b)
    # subject: "The United States currently has 14,000 troops", "ISIS may still possess ..."
    for i, (tok, a, b) in enumerate(before):
        r = None
        if i + 1 < len(before):
            bi = before[i + 1][0] + " " + tok
            if bi.lower() in _BIGRAMS:
                r = _classify_actor(bi) or (("other", _NAME_TO_COUNTRY.get(bi)) if bi in
                                            _NAME_TO_COUNTRY else None)
        r = r or _classify_actor(tok)
        if r and tok.lower() in ("coalition", "allied", "international") and i + 1 < len(before) \
                and before[i + 1][0].lower().endswith("-led"):
            tok, a, b = before[i + 1]
            r = _classify_actor(tok)
        if r:
            if ua and ua != r[0]:
                break
            return r[0], r[1], (a, b)
        if tok.lower() not in _SUBJECT_VERBS and not (
                tok[0].isupper() and i > 0) and tok.lower() not in _SUBJECT_NOUNS:
            break
    # "The Syrian army, backed by Russia, moved some 2,000 soldiers": skip the aside;
    # "The British government, which has several hundred special forces": the antecedent
    ap = _APPOSITIVE.search(text, max(s0, hstart - 160), hstart) or \
        _RELATIVE.search(text, max(s0, hstart - 100), hstart)
    if ap:
        toks = [(t.group(0), t.start(), t.end()) for t in _WORD_ANY.finditer(text, ap.start(1),
                                                                             ap.end(1))]
        r = _actor_from_tokens(toks)
        if r and not (ua and ua != r[0]):
            return r
    if weak:
        return weak
    if ua:
        return ua, None, None
    if unit.lower() == "fighters":
        for tok, a, b in _words_before(text, hstart, s0, 12):
            r = _classify_actor(tok)
            if r and r[0] != "us":
                return r[0], r[1], (a, b)
        return "isis", None, None
    return "us", None, None


_ROLE_WORDS = lexicon.alternation(lexicon.words("place_roles"))
# "ambassador to Lithuania", "the special envoy for Syria", "the embassy in Kabul": a role, not a place
_ROLE_BEFORE = re.compile(r"(?<![\w-])(?:" + _ROLE_WORDS + r")(?:\s+(?:general|adviser|advisor))?\s+(?:to|for|in|of|on|at)"
                          r"\s+(?:the\s+)?$", re.I)
# "the Syria envoy", "Afghanistan policy", "Iraq's ambassador"
_ROLE_AFTER = re.compile(r"(?:['’]s)?\s+(?:" + _ROLE_WORDS + r")(?![\w-])", re.I)


def _role_place(text, s, e) -> bool:
    """Is the place named at text[s:e] part of a title or role (lexicon/place_roles.txt)?"""
    return bool(_ROLE_BEFORE.search(text, max(0, s - 45), s) or _ROLE_AFTER.match(text, e))


def _sentence_places(text, s0, s1):
    """(preposition start, preposition end, place match) of each "in/to/from ... <place>"
    in text[s0:s1]."""
    out = []
    if _PLACE_ANY.search(text, s0, s1) is None:
        return out                      # no place name at all: no preposition can lead to one
    for m in _PLACE_PREP.finditer(text, s0, s1):
        pm = _PLACE_AT.match(text, m.end(), s1)
        if pm and not _role_place(text, m.start(), pm.end()):
            out.append((m.start(), m.end(), pm))
    return out


# "what Tehran wanted", "Moscow says": a capital standing for its government
_GOVERNMENT_VERB = re.compile(r"(?:['’]s)?\s+(?:(?:has|had|have|is|was|also|still|now)\s+)?(?:wants?|wanted|says?|said|"
                              r"warn(?:s|ed)|insist(?:s|ed)|demand(?:s|ed)|accus(?:es|ed)|blam(?:es|ed)|"
                              r"reject(?:s|ed)|den(?:ies|ied)|welcom(?:es|ed)|hop(?:es|ed)|fear(?:s|ed)|"
                              r"condemn(?:s|ed)|threaten(?:s|ed)|argu(?:es|ed)|believ(?:es|ed)|"
                              r"claim(?:s|ed)|see(?:s)?|saw|view(?:s|ed))\b", re.I)
# "London-based", "Iraqi-born": a place named as the origin of something else
_ORIGIN_AFTER = re.compile(r"-(?:based|born|headquartered|made|built|bred)\b", re.I)
# "Kuwait, where some 13,000 US troops are stationed"
_WHERE_AFTER = re.compile(r"(?:,?\s+|\s*[(—–-]\s*)where\b")   # "Kuwait, where …", "Jordan (where …"
# "3,000 troops now advising the Iraqi military": the partner force's country (lexicon/partner_verbs.txt)
#: the adverbs that may stand between troops and what they are doing ("the 8,500 still deployed", "now advising")
_STILL = r"(?:now|currently|still|already|there)"
_PARTNER_AFTER = re.compile(r"(?:\s+" + _STILL + r")*\s+(?:"
                            + lexicon.alternation(lexicon.words("partner_verbs")) + r")\s+the\s+("
                            + _alt(list(_NAME_TO_COUNTRY) + list(_DEMONYM_TO_COUNTRY))
                            + r")(?:['’]s)?\s+(?:military|army|armed\s+forces|forces|troops|government|"
                            r"security\s+forces)\b")
_CLAUSE_MARK = re.compile(r"[,;:()—–]|\s-\s")
# a figure shares the place of the next figure only across a short coordination ("and some")
_SHARED_GAP = 24


def _previous_paragraph(text, start) -> int:
    """Where the paragraph before the one starting at ``start`` starts (blank lines skipped)."""
    j = start - 1
    while j > 0 and text[j - 1] in "\n \t":
        j -= 1
    return text.rfind("\n", 0, j) + 1


def _place(text, story, s0, s1, a, b, next_start, skip, context=True, preps=None):
    """(place, how) of a figure spanning text[a:b]: the sentence first, then the story.

    ``how`` is "sentence" (a place named in the sentence) or "context" (the latest
    country named before the figure in the story), "" when there is none.
    ``preps``: a one-item list holding the sentence's ``_sentence_places`` (None until
    the first figure of the sentence fills it), so a sentence is read for places once.
    """
    if preps is None:
        found = _sentence_places(text, s0, s1)
    else:
        found = preps[0]
        if found is None:
            found = preps[0] = _sentence_places(text, s0, s1)
    after, before, later = None, None, []
    for ms, me, pm in found:
        if ms >= b and ms < next_start and after is None:
            if not _CLAUSE_MARK.search(text, b, ms):  # same clause: not "..., the commander for the Middle East"
                after = pm
        elif me <= a:
            before = pm
        elif ms >= next_start:
            later.append((ms, pm))
    pm = _PARTNER_AFTER.match(text, b, s1)
    if pm and not (after is not None and after.start() < pm.end()):
        return _NAME_TO_COUNTRY.get(pm.group(1)) or _DEMONYM_TO_COUNTRY[pm.group(1)], "sentence"
    if after is None and before is None and _IT_HOSTS.search(text, max(s0, a - 60), a):
        c = story.context_place(a, skip, since=text.rfind("\n", 0, s0) + 1)
        if c:                                   # "Ain al-Asad was first used … It houses about 1,500 …"
            return c, "paragraph"
    if after is None and before is None:
        for s, e, c, dem in story.countries(max(s0, a - 60), a):   # "Germany hosts 35,000 ..."
            if not dem and _HOST_VERB.fullmatch(text, e, a):
                return c, "sentence"
    if after is None:
        for s, e, c, dem in reversed(story.countries(max(s0, a - 120), a)):
            if not dem and _WHERE_AFTER.match(text, e) and not _CLAUSE_BREAK.search(text, e + 7, a) \
                    and (before is None or before.end() <= s):
                return c, "sentence"                # "Kuwait, where some 13,000 US troops are", "Jordan (where …"
            break
    if after is None and before is None and _BOTH_COUNTRIES.match(text, b, s1):
        two = _last_two_countries(story, a, skip)
        if two:                                 # "10,000 fighters across both countries"
            return two, "context"
    if after is None and before is None and (vm := _VAGUE_PLACE.match(text, b, s1)):
        if vm.group("vague").lower() == "region" and not _REGION_QUALIFIED.match(text, vm.end()) \
                and (region := story.region(a)):
            return region, "context"            # "... 1,000 troops to the region" in a story of Iran and Iraq
        return "", "vague"                      # "... special forces in the region"
    #                                             (after a place of the sentence, "the region" is that
    #                                             place: "4,000 troops to Afghanistan, adding to the
    #                                             8,400 U.S. troops already stationed in the region")
    if after is None and before is None and next_start < s1:
        for ms, pm in later:                    # "14,000 US troops and 8,000 NATO troops in X"
            if not _CLAUSE_BREAK.search(text, b, ms) and next_start - b <= _SHARED_GAP:
                after = pm
            break
    pm = after or before
    if pm is not None:
        places = [_place_name(pm)]
        p = pm.end()
        while True:
            ch = _PLACE_CHAIN.match(text, p, s1)
            if not ch:
                break
            nxt = _PLACE_AT.match(text, ch.end(), s1)
            if not nxt or _NEW_CLAUSE.match(text, nxt.end(), s1):
                break                           # "... in Iraq and France some 200": a new subject
            places.append(_place_name(nxt))
            p = nxt.end()
        places = sorted(set(places))
        if len(places) == 1:
            return places[0], "sentence"
        regions = {_COUNTRY_REGION.get(p, "") for p in places}
        if len(places) >= 3 and len(regions) == 1 and "" not in regions:
            return regions.pop(), "sentence"    # "in Bahrain, Kuwait, Oman, Qatar, Saudi Arabia and the UAE"
        return ", ".join(places[:-1]) + " and " + places[-1], "sentence"
    if not context and not _ANAPHOR.search(text, s0, s1):
        return "", ""
    main = story.main_country()
    if main and any(c == main and not any(x <= st < y for x, y in skip) and not _role_place(text, st, e)
                    for st, e, c, _ in story.countries(s0, s1)):
        return main, "sentence"                 # the story's country, named in the sentence ("the Afghan army")
    par0 = text.rfind("\n", 0, s0) + 1
    c = story.context_place(a, skip, since=par0, located=True)
    if c:
        return c, "paragraph"                   # named as a location earlier in the paragraph
    if _ANAPHOR.search(text, s0, s1):           # "the country", "there": a location of the paragraph
        c = story.context_place(a, skip, since=_previous_paragraph(text, par0))
        # a country named in the paragraph or the one before, else the story's one country
        if c:
            return c, "context"
    c = story.context_place(a, skip, since=_previous_paragraph(text, par0), located=True)
    if c and c != main:
        return c, "context"                     # a location of the paragraph before (under its subheading)
    if main:
        return main, "context"                  # the one country the story is about
    for s, e, c, dem in story.countries(b, s1):  # nothing before: a country named later in the sentence
        if not any(x <= s < y for x, y in skip) and not _role_place(text, s, e) \
                and not _ORIGIN_AFTER.match(text, e):
            return c, "sentence"
    return "", ""


#: "… fighters across both countries": the two countries the story named last
_BOTH_COUNTRIES = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|across|throughout|from|of)\s+(?:the\s+)?(?:both|two)\s+"
                            r"countries\b", re.I)


def _last_two_countries(story, a, skip) -> str:
    """"A and B" for the last two distinct countries named before offset ``a`` (not in ``skip``
    spans, not in a role), or ""."""
    seen = []
    for st, e, c, _ in reversed(story.countries(0, a)):
        if c not in seen and not any(x <= st < y for x, y in skip) and not _role_place(story.text, st, e):
            seen.append(c)
        if len(seen) == 2:
            return " and ".join(sorted(seen))
    return ""


def _place_name(pm):
    if pm.group("name"):
        w = pm.group("name")
        return _NAME_TO_COUNTRY.get(w) or _REGIONS.get(w, w)
    return _DEMONYM_TO_COUNTRY[pm.group("dem")]


# "453 soldiers from the United Kingdom who died", "34 troops, who were later treated for ...": a
# relative clause on the counted noun, after a short complement with no other number in it
_CASUALTY_RELATIVE = re.compile(
    r"[^.;:!?\d]{0,60}?\b(?:who|that|which)\s+(?:(?:have|has|had|were|was|are|is|been|later|all|"
    r"since|reportedly|also)\s+)*(?P<c>" + _cas_words("relative") + r")\b", re.I)


# "the number of American troops killed in Afghanistan this year to 16": a link through casualties
_CASUALTY_GAP = re.compile(r"\s*(?:who\s+(?:have\s+|had\s+)?(?:been\s+)?|(?:have|had|were)\s+(?:been\s+)?)?"
                           r"(?:" + _cas_words("gap") + r")\b", re.I)
# "17 troops with brain injuries": a wound after the unit
_CASUALTY_WITH = re.compile(r"[ \t]+with[ \t]+(?:[a-z-]+[ \t]+){0,2}(?P<c>" + _cas_words("with") + r")\b", re.I)
# "625 U.S. troop fatalities", "2,300 troop deaths": a casualty noun right after the unit
_CASUALTY_NOUN_NEXT = re.compile(r"[ \t]+(?P<c>" + _cas_words("next") + r")\b", re.I)
# "759 people killed ..., including 661 civilians and 98 members of the security forces"
_CASUALTY_LIST = re.compile(r"\b(?P<c>" + _cas_words("list") + r")\b"
                            r"[^.;:!?]{0,60}?\bincluding\b[^.;:!?]*$", re.I)


def _casualty(text, fig, s0, s1, unit_end, hstart, maybe=True):
    """'death' / 'injury' when the figure counts casualties, else None.

    ``maybe=False``: the sentence has no casualty word at all, so skip the tests.
    """
    if not maybe:
        return None
    p = unit_end if unit_end else fig["end"]
    m = _CASUALTY_AFTER.match(text, p, s1) or (_CASUALTY_NOUN_NEXT.match(text, p, s1) if unit_end else
                                              _CASUALTY_NOUN.match(text, fig["end"], s1))
    if m is None:
        m = _CASUALTY_BEFORE.search(text, max(s0, hstart - 60), hstart)
    if m is None and not unit_end:             # "759 people killed", "661 civilians were wounded"
        who = _WHO_AT.match(text, fig["end"], s1)
        m = _CASUALTY_AFTER.match(text, who.end(), s1) if who else None
    if m is None and unit_end:
        m = _CASUALTY_RELATIVE.match(text, unit_end, s1) or _CASUALTY_WITH.match(text, unit_end, s1)
    if m is None:
        m = _CASUALTY_LIST.search(text, max(s0, hstart - 160), hstart)
    if m is None and unit_end:    # "Two service members, one civilian and one contractor were killed"
        m = _CASUALTY_LIST_AFTER.match(text, unit_end, s1)
    if m is None:                 # "13 service members and at least 170 Afghans were killed"
        stop = _CLAUSE_END.search(text, p, min(s1, p + 90))
        m = _CASUALTY_CLAUSE.search(text, p, stop.start() if stop else min(s1, p + 90))
    if m is None:
        return None
    g = m.groupdict()
    return _CAS_KIND[_SPACES.sub(" ", (g.get("toll") or g.get("c") or g.get("d")).lower())]


class _FigureSentence:
    """One sentence's figure search: where it is, the rows it adds, and what its earlier
    figures leave for the later ones."""

    __slots__ = ("aid", "story", "text", "par", "idx", "s0", "s1", "mq", "sentence", "_low", "_cas",
                 "preps", "last", "last_cas", "pair", "near", "prev", "troops", "casualties")

    def __init__(self, aid, story, par, idx, s0, s1, mq, troops, casualties, lowered=None):
        self.aid, self.story, self.text, self.par, self.idx = aid, story, story.text, par, idx
        self.s0, self.s1, self.mq = s0, s1, mq
        self.troops, self.casualties = troops, casualties
        self.sentence = story.text[s0:s1]
        self._low, self._cas = lowered, None
        self.preps = [None]         # the sentence's places after prepositions (lazy, shared)
        self.last = None            # _LastFigure: this sentence's last troop figure
        self.last_cas = None        # _LastCasualty: this sentence's last casualty figure
        self.pair = None            # _LastFigure: the first figure of "from A to B"
        before = story.last_troop   # a figure one or two sentences back, for "About 6,400 will ..."
        self.near = before.carried() if before is not None and idx - before.idx <= 1 \
            and before.par == par else None                           # same paragraph
        self.prev = before.carried() if before is not None and idx - before.idx <= 2 else None

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = self.sentence.lower()
        return self._low

    @property
    def cas(self) -> bool:
        """Has the sentence a casualty word?"""
        if self._cas is None:
            self._cas = _CAS_STEMS.search(self.low) is not None
        return self._cas


def _figures(aid, story, par, idx, s0, s1, mq, troops, casualties, digit=True, word=True,
             lowered=None):
    """Append the troop-figure rows and casualty rows of one sentence text[s0:s1].

    Each number goes through the steps in turn: its unit (:func:`_unit_for`), the figure it
    continues (:func:`_continued`), the exclusions (:func:`_unclaimed`, :func:`_excluded`), the
    casualty test, the unit it borrows (:func:`_link`), its hedge, actor and place (:func:`_where`).
    ``lowered``: the sentence lower-cased, when the caller has it."""
    nums = _numbers(story.text, s0, s1, digit, word, lowered)
    if not nums:
        return
    ctx = _FigureSentence(aid, story, par, idx, s0, s1, mq, troops, casualties, lowered)
    figs = _group_ranges(nums, story.text, s0)
    for k, fig in enumerate(figs):
        next_start = figs[k + 1]["start"] if k + 1 < len(figs) else s1
        _one_figure(ctx, figs, k, next_start)


def _one_figure(ctx, figs, k, next_start):
    """The row (troop or casualty, or none) of the k-th number of a sentence."""
    fig = figs[k]
    found = _unit_for(ctx, figs, k)
    if fig["year"] and found is None:
        return
    ell, hedge = _continued(ctx, fig, found)
    if _unclaimed(ctx, fig, found, ell):
        return                                        # no unit, no link, no casualty: not ours
    hedge = hedge or _hedge(ctx.text, fig, ctx.s0, ctx.s1)
    if _excluded(ctx, fig, found, hedge):
        return
    kind = _casualty_kind(ctx, fig, found, hedge)
    if kind:
        _add_casualty(ctx, fig, found, hedge, kind, next_start)
        return
    if not found and ctx.cas:
        return                                        # "troops pulled out for brain injury treatment was 11",
        #                                               "of the 34 troops diagnosed ..., 17 have returned":
        #                                               a bare number in a sentence of casualties counts no force
    link = _link(ctx, fig, found, ell)
    if link is None:
        return
    _add_troop(ctx, fig, link, found.mods if found else [], hedge, next_start)


def _unit_for(ctx, figs, k) -> _UnitHit | None:
    """The unit noun the k-th number counts: right after it, after "of the ..." ("9,500 of the
    roughly 34,500 troops"), or after the last number of a list ("10,000, 20,000 or 30,000 personnel")."""
    text, s1, fig = ctx.text, ctx.s1, figs[k]
    found = _scan_unit(text, fig.get("pair_end", fig["end"]), s1)
    if found is not None and fig["high"] < 10 and found.unit.lower() in _COLLECTIVE_UNITS \
            and not found.mods:
        found = None                                  # "the two forces", "three militias"
    if found is None and k + 1 < len(figs) and not fig["year"] and fig["low"] >= 10 \
            and _OF_NEXT.match(text, fig["end"], figs[k + 1]["start"]):
        nxt = figs[k + 1]
        sub = _scan_unit(text, nxt.get("pair_end", nxt["end"]), s1)
        if sub:
            found = _UnitHit(sub.unit, fig["end"], sub.mods)
    if found is None and not fig["year"]:
        found = _list_unit(text, figs, k, s1)
    return found


def _continued(ctx, fig, found) -> _Continuation:
    """The figure a bare number (no unit of its own) continues: "... in Iraq, and 900 in Syria",
    "2,500 troops in Iraq, down from 3,000", "Britain has 400 troops in Iraq and France 200",
    "upping the total to 16,000", "keep 5,500 in theater"."""
    text, s0, s1 = ctx.text, ctx.s0, ctx.s1
    if found is not None or fig["year"] or fig["low"] < 10:
        return _Continuation(None, None)
    last, ell, hedge = ctx.last, None, None
    if last is not None and _ELLIPSIS_PLACE.match(text, fig["end"], s1):
        ell = last
    elif ctx.prev is not None and _ELLIPSIS_PLACE.match(text, fig["end"], s1):
        hedge = _hedge(text, fig, s0, s1)
        if hedge.start == s0 or not text[s0:hedge.start].strip(" “\"‘'(") or \
                _CLAUSE_START.search(text, max(s0, hedge.start - 40), hedge.start):
            ell = ctx.prev
    if ell is None and last is not None and last.end is not None and _AFTER_OK.match(text, fig["end"], s1):
        hedge = hedge or _hedge(text, fig, s0, s1)
        if _PAIR_LINK.fullmatch(text, last.end, hedge.start) or _ADDITION_LINK.fullmatch(text, last.end, hedge.start) or (
                last.after_from and _PAIR_FAR.fullmatch(text, last.end, hedge.start)):
            ell = last
        else:
            g = _GAP_SUBJECT.search(text, max(last.end, hedge.start - 40), hedge.start)
            r = _classify_actor(g.group(1)) if g else None
            if r:
                ell = _LastFigure(last.unit, r[0], r[1], None, False, "")
    if ell is None and (last or ctx.near) is not None and _AFTER_OK.match(text, fig["end"], s1):
        hedge = hedge or _hedge(text, fig, s0, s1)
        if _CONTINUES.search(text, max(s0, hedge.start - 80), hedge.start):
            ell = last or ctx.near
    if ell is None and _STATIONED_AFTER.match(text, fig["end"], s1):
        hedge = hedge or _hedge(text, fig, s0, s1)
        ell = last or ctx.near or _unit_on_left(text, s0, hedge.start)
        #                                               "more troops above the 8,500 still deployed in …"
    return _Continuation(ell, hedge)


def _unit_on_left(text, s0, a) -> _LastFigure | None:
    """The last troop noun of the sentence before ``a``, as a figure to continue ("more troops above
    the 8,500 still deployed"), with the actor of the word before it ("more Afghan troops")."""
    last = None
    for m in _UNIT_LEFT.finditer(text, s0, a):
        last = m
    if last is None:
        return None
    word = _WORD_BEFORE.search(text, s0, last.start())
    r = _classify_actor(word.group(1)) if word else None
    unit = last.group(1)
    actor, country = r if r else (_UNIT_ACTOR.get(unit.lower(), "us"), None)
    return _LastFigure(unit, actor, country, None, False, "")


def _unclaimed(ctx, fig, found, ell) -> bool:
    """No unit, no figure continued, no casualty word and no troop noun to the left."""
    return found is None and ell is None and not ctx.cas and "pair_start" not in fig and not (
        _AFTER_OK.match(ctx.text, fig["end"], ctx.s1)
        and _LEFT_STEMS.search(ctx.low, 0, fig["start"] - ctx.s0))


def _excluded(ctx, fig, found, hedge) -> bool:
    """Numbers next to a troop noun that count no force (README, counting rules)."""
    text, s0, s1, a = ctx.text, ctx.s0, ctx.s1, hedge.start
    if _RATIO_BEFORE.search(text, max(s0, a - 20), a):
        return True                                   # "one in five soldiers"
    if _LABEL_BEFORE.search(text, max(s0, a - 20), a):
        return True                                   # "archived recording 3 Troops of ...": a label
    if found is not None and fig["high"] < 10 and _PARTITIVE.match(text, fig["end"], s1):
        return True                                   # "three of the soldiers"
    if fig["year"] and hedge.hedge == "exact" and (a == s0 or _YEAR_BEFORE.search(text, max(s0, a - 10), a)):
        return True
    if found is not None and _detained(text, found, a, s0, s1):
        return True                                   # "2,000 ISIS fighters held in prisons"
    return bool(fig["year"] and hedge.hedge == "exact" and found and any(
        t[0][:1].isupper() and not _classify_actor(t[0]) for t in found.mods))
    #                                                   "2019 Withdrawing troops ...": a table's year


def _casualty_kind(ctx, fig, found, hedge) -> str | None:
    """"killed", "wounded", ... when the figure counts casualties, or a false value."""
    kind = _casualty(ctx.text, fig, ctx.s0, ctx.s1, found.end if found else None, hedge.start, ctx.cas)
    if not kind and ctx.last_cas is not None and _COORD.fullmatch(ctx.text, ctx.last_cas.end, hedge.start):
        kind = ctx.last_cas.kind                      # "killed ... Afghans and 2,461 service members"
    return kind


def _add_casualty(ctx, fig, found, hedge, kind, next_start):
    text = ctx.text
    unit, unit_end = (found.unit, found.end) if found else ("", None)
    if not found:
        w = _WHO_AT.match(text, fig["end"], ctx.s1)
        if w:
            unit, unit_end = w.group(1), w.end()
    end = unit_end or fig["end"]
    actor, _, aspan = _actor(text, fig, found.mods, unit, ctx.s0, hedge.start) if found \
        else ("", None, None)
    place = _place(text, ctx.story, ctx.s0, ctx.s1, hedge.start, end, next_start,
                   [aspan] if aspan else [], context=False, preps=ctx.preps)[0]
    ctx.casualties.append(CasualtyRow(
        ctx.aid, ctx.par, ctx.sentence, text[hedge.start:end], fig["low"], fig["high"], hedge.hedge,
        kind, _SPACES.sub(" ", unit.lower()), actor, place, ctx.story.quoted(fig["start"], ctx.mq),
        ctx.idx, hedge.start, end))
    ctx.last_cas = _LastCasualty(end, kind)


def _link(ctx, fig, found, ell) -> _Link | None:
    """The unit a number counts and what it takes over: its own unit, the first number of
    "from 5,200 to 2,500", a troop noun to its left ("troop levels ... to 2,500", "a force of
    5,000"), or the figure it continues ("2,500 troops in Iraq and 900 in Syria").  None: no unit."""
    text, s0, s1 = ctx.text, ctx.s0, ctx.s1
    force, carried = None, ""
    if "pair_start" in fig and ctx.pair is not None:
        force, carried = ctx.pair.force, ctx.pair.place
    if found:
        return _Link(found.unit, found.end, force, carried)
    if force:
        return _Link(force.unit, fig["end"], force, carried)
    if not (ell or _AFTER_OK.match(text, fig["end"], s1)):
        return None
    lstart = fig["start"]                             # a hedge word may be the link: "below 34,500"
    left = _TROOP_LEFT.search(text, max(s0, lstart - 120), lstart) if lstart > s0 else None
    gap = (left.group("gap") or "") if left else ""
    if left and _CASUALTY_GAP.match(gap):
        return None                                   # "the number of troops killed this year to 16"
    if left and not ell and not (_DIGIT_ANY.search(gap) or _NWORD_ANY.search(gap)):
        unit, last = left.group("u"), ctx.last
        if last is not None and last.end is not None and left.start("u") < last.end:
            return _Link(unit, fig["end"], last.force, last.place)   # "send 1,000 troops, bringing its total to 9,500"
        return _Link(unit, fig["end"], _Force(unit, *_actor_from_left(text, left, s0)), "")
    if ell:
        toks = _tokens_after(text, fig["end"], s1, 5)
        after = _actor_from_tokens(toks[1:]) if toks and toks[0][0] in ("from", "of") else None
        force = _Force(ell.unit, after[0], after[1]) if after else ell.force
        return _Link(ell.unit, fig["end"], force, ell.place)
    return None


def _final_hedge(ctx, fig, hedge, unit_end) -> str:
    """The hedge before the number, unless one after it says more ("2,000 troops or more");
    "vague" for "hundreds of", "a few hundred": no one number."""
    post = _post_hedge(ctx.text, fig["end"], ctx.s1) or (
        _post_hedge(ctx.text, unit_end, ctx.s1) if unit_end else None)
    out = hedge.hedge
    if post and (out == "exact" or post == "up_to"):
        out = post
    if out == "exact" and ctx.text[fig["start"]:fig["end"]].lower().startswith(_HEDGED_PREFIX):
        out = "about"                                 # "a couple hundred troops"
    return "vague" if fig["vague"] else out


def _where(ctx, fig, link, mods, hstart, next_start) -> _Where:
    """The figure's actor and place (README, counting rules: place)."""
    text = ctx.text
    if link.force:
        actor, acountry, aspan = link.force.actor, link.force.country, None
    else:
        actor, acountry, aspan = _actor(text, fig, mods, link.unit, ctx.s0, hstart)
        last = ctx.last
        if aspan is None and actor == "us" and link.unit.lower() not in _UNIT_ACTOR and last is not None \
                and last.end is not None and _AND_ANOTHER.fullmatch(text, last.end, hstart):
            actor, acountry = last.actor, last.country  # "430,000 soldiers and another 400,000 personnel"
    place, place_from = _place(text, ctx.story, ctx.s0, ctx.s1, hstart, link.end, next_start,
                               [aspan] if aspan else [], preps=ctx.preps)
    if acountry and place == acountry:
        actor = "local"
    if not place and place_from != "vague" and acountry and actor in ("local", "other") and (
            actor == "local" or (aspan and re.sub(r"['’]s$", "", text[aspan[0]:aspan[1]])
                                 in _NAME_TO_COUNTRY)):
        place, place_from, actor = acountry, "actor", "local"   # "Iraq's ... 160,000 fighters"
    if link.carried and place_from in ("paragraph", "context", ""):
        place, place_from = link.carried, "carried"  # "2,500 troops in Iraq, down from 5,000"
    if place_from == "vague":
        place_from = ""
    return _Where(actor, acountry, place, place_from)


#: a figure joined to the one before it: "… soldiers and another 400,000 personnel"
_AND_ANOTHER = re.compile(r"\s+and\s+(?:another|a\s+further|an\s+additional|some)\s+", re.I)


def _add_troop(ctx, fig, link, mods, hedge, next_start):
    text, hstart = ctx.text, hedge.start
    where = _where(ctx, fig, link, mods, hstart, next_start)
    unit_out = _SPACES.sub(" ", link.unit)
    if not (unit_out[0].isupper() and unit_out.lower() == "marines"):
        unit_out = unit_out.lower()
    ctx.troops.append(TroopRow(
        ctx.aid, ctx.par, ctx.sentence, text[hstart:link.end], fig["low"], fig["high"],
        _final_hedge(ctx, fig, hedge, link.end), unit_out, where.actor, where.place,
        ctx.story.quoted(fig["start"], ctx.mq), ctx.idx, hstart, link.end, where.place_from))
    ctx.last = _LastFigure(link.unit, where.actor, where.country, link.end,
                           text[max(ctx.s0, hstart - 5):hstart].lower() == "from ", where.place)
    ctx.story.last_troop = _StoryFigure(ctx.idx, link.unit, where.actor, where.country, where.place,
                                        ctx.par)
    if "pair_end" in fig:
        ctx.pair = _LastFigure(link.unit, where.actor, where.country, None, False, where.place)


_DETENTION = {w: lexicon.pattern([r["words"] for r in lexicon.table("detention_words") if r["where"] == w])
              for w in ("after", "before")}
_DETENTION_AFTER = re.compile(r"[ \t]+(?:(?:who|that|are|were|is|was|being|been|now|still|currently)"
                              r"[ \t]+)*(?=\S)")
_DETENTION_BEFORE = re.compile(r"(?P<w>\S+(?:[ \t]+\S+)?)[ \t]+(?:(?:the|some|about|around|roughly|"
                               r"nearly|more[ \t]+than|over|at[ \t]+least|an[ \t]+estimated|"
                               r"as[ \t]+many[ \t]+as|up[ \t]+to)[ \t]+)*$", re.I)


def _detained(text, found, hstart, s0, s1) -> bool:
    """Is the figure a count of detainees, prisoners or captives (lexicon/detention_words.csv)?"""
    after = _DETENTION_AFTER.match(text, found.end, s1)
    if after and _DETENTION["after"].match(text, after.end(), s1):
        return True
    before = _DETENTION_BEFORE.search(text, max(s0, hstart - 40), hstart)
    return bool(before and _DETENTION["before"].fullmatch(before.group("w").split()[-1]))


# a continuation verb, then an object, "down"/"up"/"to" and hedges, right before a bare number
_CONTINUES = re.compile(
    r"(?<![\w-])(?:" + lexicon.alternation(lexicon.words("continuation_verbs")) + r")(?:\s+(?:it|them|that|this|its|their|the|US|U\.S\.|American|troop|troops|force|forces|total|"
    r"number|numbers|levels?|presence|contingent|footprint|down|up|back|to|by))*\s+"
    r"(?:(?:just|only|roughly|about|around|some|nearly|approximately|fewer\s+than|less\s+than|"
    r"more\s+than|as\s+few\s+as|as\s+many\s+as)\s+)*$", re.I)
_UNIT_LEFT = re.compile(r"(?<![\w-])(" + _UNIT_WORDS + r")(?![\w-])", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)\s+$")
# a bare number right before "(still) deployed", "stationed", …: the troops the sentence talks about
_STATIONED_AFTER = re.compile(r"\s+(?:" + _STILL + r"\s+)*(?:"
                              + lexicon.alternation(lexicon.words("stationed_words")) + r")\b", re.I)
_LIST_GAP = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")


def _list_unit(text, figs, k, s1):
    """(unit, end, modifiers) for a number in a list or alternative before one unit noun.

    "10,000, 20,000, 30,000 personnel", "10,000 or 15,000 or 25,000 Marines": each number before the
    last is a figure of the unit after the last (the span is the number alone).  None otherwise.
    """
    j = k
    while j + 1 < len(figs) and _LIST_GAP.fullmatch(text, figs[j].get("pair_end", figs[j]["end"]),
                                                    figs[j + 1]["start"]) and not figs[j + 1]["year"]:
        j += 1
        sub = _scan_unit(text, figs[j].get("pair_end", figs[j]["end"]), s1)
        if sub is not None:
            return _UnitHit(sub.unit, figs[k]["end"], sub.mods)
    return None


def _tokens_after(text, p, s1, n):
    """Up to n word tokens right after p, as (tok, start, end)."""
    out = []
    for _ in range(n):
        t = _TOKEN_AT.match(text, p, s1)
        if not t:
            break
        out.append((t.group(1), t.start(1), t.end(1)))
        p = t.end()
    return out


def _actor_from_left(text, left, s0):
    """(actor, country) for "US troop levels ... to 2,500": words before the troop noun."""
    toks = list(reversed(_words_before(text, left.start("u"), s0, 2)))
    r = _actor_from_tokens(toks)
    return (r[0], r[1]) if r else ("us", None)


def extract_troop_mentions(articles: pd.DataFrame, sentences: pd.DataFrame | None = None
                           ) -> pd.DataFrame:
    """Every reported troop figure in the stories, one row per figure.

    In: the articles table (``article_id``, ``text``); optionally the sentences
    table of ``split_sentences(articles)`` to reuse (else it is computed).
    Out: a new DataFrame with ``TROOP_COLUMNS``: ``article_id, paragraph``,
    ``sentence`` (the sentence text), ``span`` (hedge + number + unit words,
    a substring of the story text), ``low, high`` (nullable ints, equal for a
    single figure), ``hedge`` (one of ``HEDGES``), ``unit`` ("troops",
    "forces", "Marines", ...), ``actor`` ("us", "isis", "local", "other"),
    ``place`` ("Syria", "Iraq and Syria", "" when unknown), ``quoted`` (the
    number sits inside quotation marks), ``sentence_index`` (0-based position
    of the sentence in the story), ``start, end`` (offsets of ``span`` in the
    story text), ``place_from`` ("sentence": named in the sentence; "context":
    the latest country named before it in the story, for "in the country",
    "there" or no place at all; "actor": a local force's own country; "").  Years, dates, percentages, money, ages of wars, population,
    airstrikes, vehicles and casualties are never returned.
    """
    return _run(articles, sentences, ("troops",))["troops"]


UNQUOTED = "(unattributed quotation)"


def figure_sources(figures: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Who gives each figure: a copy of ``figures`` with ``source`` and ``source_kind``.

    In: a troop (or casualty) table and the quotes table of the same stories (``extract_quotes``:
    direct quotations and reported statements with their ``start``, ``end``, speaker).  Out: the
    figures with ``source`` — the speaker whose quotation or reported statement holds the figure
    (``person`` when the quotes carry canonical names, else ``speaker``; the innermost span wins, a
    quotation before a reported statement: "'We will bring home all 2,000 troops,' Trump said",
    "officials said", "according to the Pentagon") or "reporter" — and ``source_kind``:
    the speaker's kind, or "reporter".  A figure inside quotation marks no quote row names gets
    "(unattributed quotation)", kind "unknown".
    """
    out = figures.copy()
    name_col = "person" if "person" in quotes.columns else "speaker"
    wanted = set(out["article_id"])
    spans: dict = {}
    cols = [quotes[c].tolist() for c in ("article_id", "direct", "start", "end", name_col, "speaker_kind")]
    for aid, direct, a, b, name, kind in zip(*cols):
        if aid in wanted:
            spans.setdefault(aid, []).append((not direct, b - a, a, b, name or "", kind))
    for v in spans.values():
        v.sort()
    source, kind = [], []
    for aid, start, quoted in zip(out["article_id"], out["start"], out["quoted"]):
        hit = next(((name, k) for _, _, a, b, name, k in spans.get(aid, ()) if a <= start < b), None)
        if hit is not None and hit[0]:
            name, k = hit
        elif hit is not None or quoted:
            name, k = UNQUOTED, "unknown"
        else:
            name, k = "reporter", "reporter"
        source.append(name)
        kind.append(k)
    return out.assign(source=pd.Series(source, index=out.index, dtype=object),
                      source_kind=pd.Series(kind, index=out.index, dtype=object))


def extract_casualties(articles: pd.DataFrame, sentences: pd.DataFrame | None = None
                       ) -> pd.DataFrame:
    """Deaths and injuries ("2,300 have died", "29 were injured"), one row per figure.

    In: as :func:`extract_troop_mentions`.  Out: a new DataFrame with
    ``CASUALTY_COLUMNS``: as the troop table, but ``kind`` ("death" or
    "injury") and ``who`` (the noun counted, e.g. "service members",
    "civilians"; "" when the sentence names none) instead of ``unit``.
    """
    return _run(articles, sentences, ("casualties",))["casualties"]


# --------------------------------------------------------------------------
# Time frames
# --------------------------------------------------------------------------
_TNUM = r"(?:\d+(?:\.\d+)?|(?:" + _W + r")(?:-(?:" + _W + r"))?|a\s+dozen)"
_TL_UNIT = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
            "decade": "decade"}
_TL_UNIT_WORDS = tuple(_TL_UNIT)     # the time-frame pre-filter: a sentence without one has no frame


_TV_SPLIT = re.compile(r"\s*(?:\s-\s|–|\bto\b|\band\b|\bor\b)\s*|(?<=\d)-(?=\d)")
_TV_NUM = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=4096)
def _time_value(n: str):
    """'60 to 100' -> (60, 100); 'six' -> (6, 6); None when no number, False when one is
    beyond :data:`MAX_NUMBER` (not a time frame) (cached)."""
    n = n.strip().lower()
    if not n or n in ("a few", "several", "a couple of"):
        return None
    if n in ("a", "an"):
        return (1, 1)
    parts = _TV_SPLIT.split(n)
    vals = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if _TV_NUM.fullmatch(p):
            v = float(p)
            if not v <= MAX_NUMBER:                 # "within 99999999999999999999 days"
                return False
            vals.append(int(v))
        else:
            r = _parse_words(p)
            if r is None:
                return None
            vals.append(r[0])
    if not vals:
        return None
    return (min(vals), max(vals))


_TL_UNIT_RE = re.compile("(?:" + trie_pattern(_cased(["hour", "day", "week", "month", "year",
                                                   "decade"])) + ")s?(?![A-Za-z])")
_TL_BACK = re.compile(
    r"(?<![\w-])(?P<pre>within(?:\s+the\s+(?:next|coming|first))?|in\s+the\s+(?:next|coming)|"
    r"in\s+a\s+matter\s+of|over\s+the\s+course\s+of|"
    r"over\s+the\s+(?:next|coming)|during\s+the\s+next|the\s+next|in|over|takes?|taking|"
    r"took|a\s+period\s+of|between|of|for\s+the\s+next|lasting|lasts)"
    r"\s+(?P<q>(?:about|around|roughly|approximately|some|nearly|almost|up\s+to|at\s+least|as\s+long\s+as|under|"
    r"less\s+than|fewer\s+than|more\s+than|as\s+little\s+as|just)\s+)?"
    r"(?P<n>" + _TNUM + r"(?:\s*(?:-|–|to|and|or)\s*" + _TNUM + r")?\s+|a\s+few\s+|several\s+|"
    r"an?\s+|a\s+couple\s+of\s+|)"
    r"(?P<u>[A-Za-z]+)$", re.I)
#: a completion right before "in a year": "to be completed in a year", "troops would be out in a year"
_DONE_BEFORE = re.compile(r"\b(?:complete[ds]?|finish(?:ed|es)?|done|out|home|over|withdrawn|gone|leave|withdraw|"
                          r"pull(?:ed)?\s+out)\s+$", re.I)
_TL_NOT_AFTER = re.compile(r"\s*-?\s*old\b|\s+ago\b|-long\b|\s+(?:of|into)\s+(?:the\s+)?(?:war|"
                           r"fighting|conflict|occupation|presence|deployment|involvement)\b|"
                           r"\s+(?:since|after)\b", re.I)
_TL_HYPHEN_BACK = re.compile(r"(?<![\w-])(?P<n>" + _TNUM + r")-$", re.I)
_TL_HYPHEN_AFTER = re.compile(r"\s+(?:(?:peace|military|troop)\s+)?(?:withdrawal|pullout|pull-out|drawdown|"
                              r"draw-down|timeline|time-?frame|deadline|window|exit|evacuation|departure|"
                              r"period|pullback|wind-down|cease-?fire|truce|pause|halt|agreement|deal|plan|"
                              r"timetable|schedule|process)\b", re.I)


_TL_NUM_BEFORE = re.compile(r"(?<![\w-])(?P<n>" + _TNUM + r"(?:\s*(?:-|–|to|and|or)\s*" + _TNUM
                            + r")?)\s+$", re.I)
#: the verbs of leaving a span of time is given for ("120 hours to withdraw")
_LEAVE_VERBS = (r"(?:withdraw|leave|pull\s+out|get\s+out|exit|evacuate|depart|clear\s+out|"
                r"complete\s+the\s+withdrawal|reduce|draw\s+down|cut|pull\s+back)\b")
#: "have given Kurdish fighters 150 hours starting at noon Wednesday — meaning, ... — to withdraw"
_TL_GIVEN = re.compile(r"\b(?:give|gives|gave|given|giving|grant(?:s|ed)?|allow(?:s|ed)?|have|has|had)\b[^.;]{0,60}$",
                       re.I)     # "U.S. troops would have four weeks to stay in Iraq before they have to leave"
_TL_TO_LEAVE_LATER = re.compile(r".{0,100}?\bto\s+" + _LEAVE_VERBS, re.I)


def _given_to_leave(text, s0, s1, a, b) -> bool:
    """A span of time given to someone to leave, the purpose later in the sentence."""
    return bool(_TL_GIVEN.search(text, max(s0, a - 70), a) and _TL_TO_LEAVE_LATER.match(text, b, s1))


_TL_TO_LEAVE = re.compile(r"\s+to\s+" + _LEAVE_VERBS, re.I)


# What a time frame is the time frame of, from lexicon/timeframe_cues.csv and troop_words.txt
_FRAME_CUES = {(kind, strict): lexicon.pattern([r["cue"] for r in lexicon.table("timeframe_cues")
                                                if r["kind"] == kind and (r["needs_troops"] == "yes") == strict])
               for kind in ("withdrawal", "deployment") for strict in (False, True)}
_TROOP_WORDS = lexicon.pattern(lexicon.words("troop_words"))
# every cue, of any kind, for the sentence filter: a frame not after "within" needs one in its sentence
_ANY_FRAME_CUE = lexicon.pattern([r["cue"] for r in lexicon.table("timeframe_cues")])


def _frame_kind(text, s0, s1, a, b) -> str:
    """"withdrawal", "deployment" or "other": the kind of the cue nearest the frame text[a:b].

    A cue counts when it is unambiguous ("withdraw", "pull out", "evacuate", "ceasefire") or, for an
    ambiguous one ("leave", "home", "send", "deploy"), when the sentence also names troops.
    """
    troops = _TROOP_WORDS.search(text, s0, s1) is not None
    best = None
    for (kind, strict), pat in _FRAME_CUES.items():
        if strict and not troops:
            continue
        for m in pat.finditer(text, s0, s1):
            d = a - m.end() if m.end() <= a else (m.start() - b if m.start() >= b else 0)
            if best is None or (d, kind != "withdrawal") < best[0]:
                best = ((d, kind != "withdrawal"), kind)
    return best[1] if best else "other"


def _frame_value(n: str, pre: str, unit_word: str):
    """The (low, high) of a frame's number words; "over the next decade" is one decade."""
    if not n.strip() and ("next" in pre or "coming" in pre) and not unit_word.lower().endswith("s"):
        return (1, 1)
    return _time_value(n)


def _reprise(aid, story, par, idx, s0, s1, mq, a, b, unit, rows):
    """"at the end of the 150 hours": a definite frame of the same number and unit as a withdrawal or
    deployment frame the story gave before is that frame again, with its kind, in a sentence of no cue."""
    if not story.frames:
        return
    m = _REPRISE_RE.search(story.text, max(s0, a - 30), a)
    val = _time_value(m.group("n")) if m else None
    kind = story.frames.get((val[0], unit)) if val else None
    if kind:
        row = _frame_row(aid, story, par, idx, s0, s1, mq, m.start("n"), b, val, unit)
        rows.append(row[:-1] + (kind,))


#: "the 150 hours": a number after "the", right before the unit
_REPRISE_RE = re.compile(r"(?<![\w-])the\s+(?P<n>" + _TNUM + r")\s+$", re.I)


def _frame_row(aid, story, par, idx, s0, s1, mq, a, b, val, unit):
    text = story.text
    kind = _frame_kind(text, s0, s1, a, b)
    if val and _frame_days(val[1], unit) > _RHETORIC_DAYS:
        kind = "other"              # "for the next 200 years": rhetoric, no plan for any force
    if val and kind in ("withdrawal", "deployment"):
        story.frames.setdefault((val[0], unit), kind)
    return (aid, par, text[s0:s1], text[a:b], val[0] if val else None, val[1] if val else None, unit,
            story.quoted(a, mq), idx, a, b, kind)


#: the longest time frame that can be a plan for troops; longer ones are figures of speech
#: days in each time-frame unit (the tables and figures of notebook 04 use them too)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30.4, "year": 365.25, "decade": 3652.5}
_RHETORIC_DAYS = 30 * _UNIT_DAYS["year"]


def _frame_days(value, unit) -> float:
    """A frame's length in days (0 when it has no number)."""
    try:
        return float(value) * _UNIT_DAYS.get(str(unit).rstrip("s"), 0)
    except (TypeError, ValueError):
        return 0.0


def _timelines(aid, story, par, idx, s0, s1, mq, rows):
    """Append the time frames of one sentence text[s0:s1]."""
    text = story.text
    cue = None
    for u in _TL_UNIT_RE.finditer(text, s0, s1):
        a, b = u.start(), u.end()
        c = text[a - 1] if a > s0 else " "
        unit = _TL_UNIT[u.group(0).lower().rstrip("s")]
        if c == "-":                                   # "a 30-day withdrawal"
            h = _TL_HYPHEN_BACK.search(text, max(s0, a - 25), a)
            if not h or not _TL_HYPHEN_AFTER.match(text, b, s1):
                continue
            val = _time_value(h.group("n"))
            if val is False:
                continue
            end = _TL_HYPHEN_AFTER.match(text, b, s1).end()
            rows.append(_frame_row(aid, story, par, idx, s0, s1, mq, h.start(), end, val, unit))
            continue
        if c.isalnum() or _TL_NOT_AFTER.match(text, b, s1):
            continue
        # the unit word of a match always follows a space: no space, no match
        m = _TL_BACK.search(text, max(s0, a - 70), b) if a > s0 and text[a - 1].isspace() \
            else None
        if not m:                                      # "gave the Kurds 120 hours to withdraw"
            n = _TL_NUM_BEFORE.search(text, max(s0, a - 30), a) \
                if _TL_TO_LEAVE.match(text, b, s1) or _given_to_leave(text, s0, s1, a, b) else None
            if not n:
                _reprise(aid, story, par, idx, s0, s1, mq, a, b, unit, rows)
            else:
                val = _time_value(n.group("n"))
                if val is False:
                    continue
                rows.append(_frame_row(aid, story, par, idx, s0, s1, mq, n.start("n"), b, val, unit))
            continue
        pre = _SPACES.sub(" ", m.group("pre").lower())
        n = m.group("n")
        if not pre.startswith("within"):
            if cue is None:
                cue = _ANY_FRAME_CUE.search(text, s0, s1) is not None
            if not cue:
                _reprise(aid, story, par, idx, s0, s1, mq, a, b, unit, rows)
                continue
            if not n.strip() and pre in ("in", "over", "of", "between", "the next"):
                continue
        if n.strip().lower() in ("a", "an") and pre in ("of", "in") and not (
                pre == "in" and _DONE_BEFORE.search(text, max(s0, m.start() - 30), m.start())):
            continue                # "once in a year", "the first time in a month"; not "completed in a year"
        val = _frame_value(n, pre, u.group(0))
        if val is False:
            continue
        rows.append(_frame_row(aid, story, par, idx, s0, s1, mq, m.start(), b, val, unit))


def _run(articles, sentences, want):
    """One pass over the sentences; returns {"troops", "casualties", "timelines"} frames."""
    troops, casualties, timelines = [], [], []
    figures = "troops" in want or "casualties" in want
    times = "timelines" in want
    where = {}                      # (article, sentence) -> (story, paragraph, start, end), for destinations
    for aid, story, par, idx, s0, s1, mq in _sentence_rows(articles, sentences):
        where[aid, idx] = (story, par, s0, s1)
        text = story.text
        low = text[s0:s1].lower()
        if figures:
            digit = _has_digit(low)
            word = None if digit else _word_flag(text, s0, s1, low)
            if (digit or word) and ((story.last_troop is not None
                                     and idx - story.last_troop.idx <= 2) or _STEMS.search(low)):
                _figures(aid, story, par, idx, s0, s1, mq, troops, casualties, digit, word, low)
        if times and any(map(low.__contains__, _TL_UNIT_WORDS)):
            _timelines(aid, story, par, idx, s0, s1, mq, timelines)
    out = {}
    if "troops" in want:
        out["troops"] = _frame(_with_destinations(troops, where), TROOP_COLUMNS)
    if "casualties" in want:
        out["casualties"] = _frame(casualties, CASUALTY_COLUMNS)
    if times:
        out["timelines"] = _frame(timelines, TIMELINE_COLUMNS)
    return out


#: the next sentence names where troops sent "to the region" go: "They will deploy to Saudi Arabia."
_DEST_SUBJECT = re.compile(r"\W*(?:they|the\s+(?:troops|soldiers|forces|marines|units|paratroopers|service\s+"
                           r"members|reinforcements)|most|some|many|all|half)\b", re.I)
_DEST_VERB = re.compile(r"\b(?:deploy(?:ed)?|go|head(?:ed)?|based|stationed|sent|move[ds]?|bound)\s+(?:to|in|into|for)\s+"
                        r"(?:the\s+)?(?=[A-Z])")


def _with_destinations(rows, where):
    """Troop rows whose place is a region or none take the destination the next sentence of their
    paragraph names ("3,000 troops to the Middle East. The soldiers will deploy to Saudi Arabia.");
    ``place_from`` "destination"."""
    regions = {r for r in _REGIONS.values() if r not in _NAME_TO_COUNTRY}   # not "Iraq" (Kurdistan's)
    out = []
    for r in rows:
        aid, par, idx, place = r.article_id, r.paragraph, r.sentence_index, r.place
        nxt = where.get((aid, idx + 1))
        if nxt is not None and nxt[1] == par and (place in regions or not place):
            story, _, s0, s1 = nxt
            m = _DEST_SUBJECT.match(story.text, s0, s1) and _DEST_VERB.search(story.text, s0, s1)
            hit = next((c for a, _, c, dem in story.countries(m.end(), s1) if not dem and a == m.end()), None) \
                if m else None
            if hit:
                r = r._replace(place=hit, place_from="destination")
        out.append(r)
    return out


def extract_timelines(articles: pd.DataFrame, sentences: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """Withdrawal, drawdown and evacuation time frames, one row per time frame.

    In: as :func:`extract_troop_mentions`.  Out: a new DataFrame with
    ``TIMELINE_COLUMNS``: ``article_id, paragraph, sentence`` (text), ``span``,
    ``low, high`` (nullable ints; <NA> for "within weeks", "years"), ``unit``
    ("hour", "day", "week", "month", "year", "decade"), ``quoted``,
    ``sentence_index, start, end``.  "within ..." always counts; other
    phrasings ("in the next three years", "60 to 100 days", "a 30-day
    withdrawal") count only in a sentence about leaving (withdraw, pull out,
    evacuate, return home, drawdown, timeline, ...).  Ages of wars ("seven-
    year-old war", "17 years of war"), "two weeks ago" and dates are not time
    frames.
    """
    return _run(articles, sentences, ("timelines",))["timelines"]


def extract_figures(articles: pd.DataFrame, sentences: pd.DataFrame | None = None) -> dict:
    """Troop figures, casualties and time frames in one pass over the sentences.

    In: as :func:`extract_troop_mentions`.  Out: a dict with the three new
    DataFrames ``{"troops": ..., "casualties": ..., "timelines": ...}``, the
    same rows as the three separate functions give, at the cost of one.
    """
    return _run(articles, sentences, ("troops", "casualties", "timelines"))
