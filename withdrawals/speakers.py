"""Speakers: every quotation in a story, attributed to a canonical speaker.

Public functions
----------------
``extract_quotes(articles) -> DataFrame``
    One row per quotation (``direct=True``: words inside quotation marks) or
    reported statement (``direct=False``: "X said (that) ...", "according to X").
    Columns: ``article_id, paragraph, quote, speaker, speaker_kind, speaker_role,
    cue, direct, start, end, quote_words, mention``.
``merge_speakers(quotes) -> DataFrame``
    Across stories: a surname-only speaker becomes the one full name that
    other stories in the table gave that surname.

The speaker tables and figures (``speaker_table``, ``voice_group``, ``anonymous_share``, …)
are views: ``withdrawals.tables`` and ``withdrawals.plots_speakers``.

How it works (rules only; no names of people are known to the code):
quotation marks are paired per paragraph (straight or curly; unclosed marks
run to the paragraph end; a closing mark whose opening was lost opens at the
paragraph start).  Each quoted span is attributed from the words after it
("Q," X said / "Q," said X), else the words before it in the same sentence
(X said: "Q" / X called it "a mistake"), else the quotation before it in the
paragraph (interrupted quotes), else the last speaker of the previous
paragraph (multi-paragraph quotes).  A speaker phrase is classified as a
person (capitalised name after titles are stripped), a pronoun or a definite
role ("the senator", resolved to the story's person with that role), an
anonymous source ("a US official", "officials") or an organisation ("the
Pentagon", "the statement").  Page junk (hover-card name pop-ups, "JUST
WATCHED" video teasers, photo captions, "READ MORE" links) is masked first.

Speed: what depends on one line's text alone and repeats across real stories (a line's
quotation plan and name runs, the small word tests) is cached on the string
(``functools.lru_cache``, bounded); caches that never paid on real text (each line is new:
sentence starts, quoted spans, tokens, noun phrases, reporting verbs) are gone.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import defaultdict
from typing import NamedTuple

import pandas as pd

from withdrawals import lexicon
from withdrawals.segment import (ABBREVIATIONS, _single_quote_spans, double_quote_spans, headline_quote, trie_pattern,
                                 uses_single_marks)

__all__ = ["extract_quotes", "quote_kind", "clean_speaker", "merge_speakers",
           "UNKNOWN_SPEAKER", "LEADING_WORDS", "WORD_FIRST_NAMES", "QUOTE_COLUMNS"]

TOP_OUTLETS = 12   # groups named in the tables by default: the same number as withdrawals.figures.TOP_OUTLETS
# the columns the attribution passes fill, then the one read from the finished row
_ROW_COLUMNS = ["article_id", "paragraph", "quote", "speaker", "speaker_kind",
                "speaker_role", "cue", "direct", "start", "end", "quote_words", "mention", "nested"]
QUOTE_COLUMNS = _ROW_COLUMNS + ["quote_kind"]

# --------------------------------------------------------------------------- word lists
_W = lambda s: frozenset(s.split())  # noqa: E731

# reporting verbs (all forms, lexicon/reporting_verbs.csv); "according to" handled separately
_CUE_ROWS = lexicon.table("reporting_verbs")
CUE_WORDS = frozenset(r["form"].lower() for r in _CUE_ROWS)
# verbs that certainly introduce speech (used for reported speech without quotes)
SPEECH_VERBS = frozenset(r["form"].lower() for r in _CUE_ROWS if r["speech"] == "yes")
# participles: the speaker is the subject of the main clause
PARTICIPLE_CUES = frozenset(w for w in CUE_WORDS if w.endswith("ing"))

PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": None, "we": "p", "it": "n"}
AUX_ADV = _W("""also reportedly allegedly later then further previously again repeatedly once
publicly privately separately earlier recently has had have was were is are would will could
should may might did does do has been be not never just already even still finally quickly
only first initially subsequently simply bluntly flatly angrily told""") - {"told"}
DETERMINERS = _W("a an the one two three four several some many other another these those this that "
                 "his her their its our every both")
PREPOSITIONS = _W("""to with by for from of in on at about against after before during over under
between among into onto toward towards than like via per without within upon across behind
beside besides near meeting met""")

# titles and honorifics (lowercase, no dot)
HONORIFICS = frozenset(r["word"] for r in lexicon.table("titles") if r["honorific"] == "yes")
TITLE_WORDS = frozenset(r["word"] for r in lexicon.table("titles"))
ROLE_HEADS = frozenset(lexicon.words("role_heads"))
ANON_HEADS = frozenset(lexicon.words("anonymous_heads"))
STATEMENT_HEADS = frozenset(lexicon.words("statement_heads"))
ORG_WORDS = frozenset(lexicon.words("organization_words"))
_STATES = lexicon.table("us_states")
#: state abbreviation of party tags -> state ("Tenn." -> "Tennessee")
_STATE_ABBR = {ab: r["state"] for r in _STATES for ab in r["abbreviations"].split(";") if ab}
PLACES = frozenset(lexicon.words("place_words")) | frozenset(w.lower() for r in _STATES for w in r["state"].split())
# every country, alias, demonym and city of the shared lexicon (lexicon/countries.csv, cities.csv) is a
# place word too, so "the Austrian president" is Austria's, as the troop figures know it
_NOT_PLACE_TOKENS = frozenset("of the and democratic republic central".split())
PLACES = PLACES | frozenset(
    tok.lower() for r in lexicon.table("countries")
    for name in [r["country"], *r["aliases"].split(";"), *r["demonyms"].split(";")] if name
    for tok in name.split() if tok.lower() not in _NOT_PLACE_TOKENS) | frozenset(
    tok.lower() for r in lexicon.table("cities") for tok in r["place"].split() if tok.lower() not in _NOT_PLACE_TOKENS)

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
COMMON_CAPS = _W("""the a an in on at but and or so yet for despite however during after before as
while when where since although though because if unless until speaking according further
currently earlier later meanwhile also still just even then now today yesterday tomorrow this that
these those there here it its he she they we i you his her their our my your who what which how
why monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul
aug sep sept oct nov dec no not more most many some all both each every other another one two
three upon with without within by from of to into about above below over under again once
nearly almost around roughly about last next first second third new old show read watch click
sign follow share photo image video contributing editing reporting writing additional""")
_OF_PLACE_END = re.compile(r"\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)$")
_OF_PLACE_AFTER = re.compile(r"\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_PARTY_AFTER = re.compile(r"\s*[(,]\s*([RDI])-([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*[),]")
PARTY_STATE = re.compile(r"^\(?[RDI]-[A-Z][\w. ]*\)?$")
ABBREV = ABBREVIATIONS      # one list of abbreviations (lexicon/abbreviations.txt), as segment reads them

_US_WORDS = frozenset(("us", "u.s", "u.s.", "american", "usa", "america", "united", "states"))
_PARTY_WORDS = re.compile(r"\b(?:republican|democrat|independent)\b")
_US_STATE_WORDS = frozenset(w.lower() for r in _STATES for w in r["state"].split()) | frozenset(
    "state white house national new".split())
_GENERIC_ORG = frozenset("group organization organisation militia militias movement alliance coalition "
                         "company agency force forces".split())
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
_LAWMAKER_HEADS = frozenset(("senator", "representative", "lawmaker", "republican", "democrat", "independent"))
_TITLE_SMALL = frozenset("the of and & a an on in to for at with de la du".split())
_TITLE_PREV_RE = re.compile(r"(?:\bon|\bin|\bat|\bfor|['’]s|\bshow|\bprogram|\bprogramme|\bseries|\bbook|\bfilm|"
                            r"\bdocumentary|\btitled|\bentitled|\bheadlined|\bdubbed|\bso-called)\s*$", re.I)


def _is_work_title(quote: str) -> bool:
    """A quoted span that looks like the title of a show, book or film ("Face the Nation"; a book's
    title and subtitle: "The Greatest Comeback: How Richard Nixon Rose From Defeat …")."""
    head, colon, sub = quote.strip(" .,!?").partition(": ")
    if colon and _title_case(head, 8) and _title_case(sub, 16):
        return True
    return _title_case(quote, 8)


def _title_case(quote: str, most: int) -> bool:
    """At most ``most`` words, each capitalised (or a small word, or a number), no sentence inside."""
    words = quote.strip(" .,!?;:").split()
    if not 1 <= len(words) <= most or not (words[0][:1].isupper() or words[0][:1].isdigit() and len(words) > 1):
        return False                # "Face the Nation", "60 Minutes"
    if any(ch in quote.strip(" .,!?") for ch in ".!?;"):
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL or w[:1].isdigit() for w in words)


HEAD_OF_STATE = ("president", "prime minister", "premier", "king", "chancellor", "supreme leader",
                 "emir", "leader", "monarch", "ruler")
_ROLE_FORMS = lexicon.table("role_forms")
_ROLE_NORMALISE = {r["form"]: r["role"] for r in _ROLE_FORMS}
#: the roles a role noun may refer to: "the diplomat" is also the story's ambassador or envoy
_ROLE_ALSO = {r["form"]: (r["role"],) + tuple(x for x in r["also"].split(";") if x)
              for r in _ROLE_FORMS if r["also"]}
MALE = frozenset(r["word"] for r in lexicon.table("gender_words") if r["gender"] == "m")
# common first names, only to pick "he" or "she" for a pronoun; unknown names stay compatible with both
FEMALE_FIRST = frozenset(r["name"] for r in lexicon.table("first_names") if r["gender"] == "f")
MALE_FIRST = frozenset(r["name"] for r in lexicon.table("first_names") if r["gender"] == "m")
FEMALE = frozenset(r["word"] for r in lexicon.table("gender_words") if r["gender"] == "f")
_GENDER_WORDS = MALE | FEMALE
# set unions used inside loops, built once
_PREP_NOT_OF_FOR = PREPOSITIONS - {"of", "for"}
_ANON_OR_STATEMENT = ANON_HEADS | STATEMENT_HEADS
_TITLE_OR_DET = TITLE_WORDS | DETERMINERS
_ROLE_OR_ANON = ROLE_HEADS | ANON_HEADS

# --------------------------------------------------------------------------- regexes
QMARKS = "\"“”„‟«»"
_QM_RE = re.compile(r"[\"“”„«»]")
_QM_CHARS = "\"“”„«»"  # the characters _QM_RE matches
# "\w(?:…\w)?": the same tokens as "[\w][\w.'’-]*[\w]|[\w]", the first letter read once
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\w(?:[\w.'’\-]*\w)?|[,;:()—–]")
_NAME_TOK = (r"(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt|St|Jr|Sr"
             r"|Prof|Rev|Cmdr|Brig|Sec)\.|[A-Z]\.(?=\s+[A-Z])|(?:al|el|ad|as|ash|an|bin|ibn|abu|Al|El)-[A-Z]"
             r"[\w'’\-]*|[A-Z][\w'’\-]*)")
_RUN_RE = re.compile(_NAME_TOK + r"(?:\s+(?:(?:of|de|van|von|der|bin|ibn|da|del|la|le)\s+)?" + _NAME_TOK + r")*")
# possessive "*+": a word's letters are never given back (what follows is a space or the end),
# so the same matches without the per-letter backtracking after every lone capitalised word
_MULTI_RUN_RE = re.compile(r"[A-Z][\w'’.\-]*+(?:[ \t]+(?:(?:of|de|van|von|der|bin|ibn|da|del|la|le)[ \t]+)?"
                           r"(?:[A-Z]|(?:al|el|bin|ibn|abu)-[A-Z])[\w'’.\-]*+)+")
_ACRO_DEF_RE = re.compile(r"\s*\(([A-Z]{2,})\)")
_BOUNDARY_RE = re.compile(r"([.!?])([”\"’)\]]*)\s+(?=[“\"‘(\[A-Z0-9])")
# word alternations written as prefix trees: the same matches as "\b(?:said|says|...)\b" (every
# alternative is a whole word, so at most one can match at a position), about 5x faster to scan
_CUE_RE = re.compile(r"\b(?:" + trie_pattern(CUE_WORDS | {"according to", "According to"}) + r")\b")
_SPEECH_RE = re.compile(r"\b(?:" + trie_pattern(SPEECH_VERBS | {"according to", "According to"}) + r")\b")
_PAREN_RE = re.compile(r"\([^()]{0,60}\)")
_GLUED_RE = re.compile(r"\b([A-Z][a-z'’\-]{2,})\1\b")
_MORE_RE = re.compile(r"\bMORE\b")
_TEASER_RE = re.compile(r"JUST WATCHED|MUST WATCH|^Replay$|More Videos|^Video Ad Feedback", re.M)
_LINK_RE = re.compile(r"^\s*(?:READ MORE|Read more|MORE:|More:|RELATED:|Related:|WATCH:|Watch:|"
                      r"Click here|Sign up|Subscribe|Follow us|Contributing:|Reporting by|Editing by)")


# patterns of the per-story loops, each named for what it matches
_ARABIC_ARTICLE_RE = re.compile(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|Al|El)-")
_DOTTED_WORD_RE = re.compile(r"[\w.]+")
_CLOCK_TIME_END_RE = re.compile(r"\b\d{1,2}:\d{2}$")
#: the word before a full stop; the lookbehind (no new matches: a match never starts inside a run of
#: [\w.]) spares the rescan of a word from each of its letters
_WORD_BEFORE_DOT_RE = re.compile(r"(?<![\w.])([\w.]+)$")
_CAPITAL_LETTER_RE = re.compile(r"[A-Z]")
_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_CAPITAL_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?")
_SENTENCE_OPENER_RE = re.compile(r"(?:The|But|And|In|It|He|She|They|A|This|That|We|I)\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][”\"’)]*\s+(?=\S)")
_LAST_WORD_RE = re.compile(r"(?<![\w.])([\w.]+)[.!?]?$")     # lookbehind: as _WORD_BEFORE_DOT_RE
_TRAILING_COMMA_RE = re.compile(r",\s*$")
_CLAUSE_PUNCT_RE = re.compile(r"[,;:—–]")
_WORD_OR_COMMA_RE = re.compile(r"[\w.'’\-]+|,")
_APPOSITIVE_RE = re.compile(r",\s+((?:the |a |an )?[^,.;:“”\"]{3,90}?)(?=,|\.\s|\.$| said| told| added)")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_PHRASE_SEPARATOR_RE = re.compile(r"\s*,\s*|\s+[—–]\s+")
_SMALL_NUMBER_RE = re.compile(r"\d{1,3}")
_RELATIVE_TAIL_RE = re.compile(r"^(.*\S)\s+(?:who|that)\s+\S.*$")
_PLACE_TAIL_RE = re.compile(r"^(.*\S)\s+(?:in|at|from|for|of|with|near|inside|across)\s+(?:the\s+)?[\w.’'\- ]+$")
_LEADING_SEPARATORS_RE = re.compile(r"[\s,—–-]*")
_CLAUSE_END_RE = re.compile(r"[.;:!?“”\"]")
#: full stops that end no clause: initials ("H.R."), abbreviations of segment's list ("Rep.", "Va.")
_NON_FINAL_STOP_RE = re.compile(r"\b(?:[A-Z]\.)+|\b(?:" + "|".join(
    sorted((re.escape(a) for a in ABBREVIATIONS if "." not in a), key=len, reverse=True)) + r")\.", re.I)
_BE_VERB_END_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_CONJUNCTION_END_RE = re.compile(r"\b(?:and|but)\s+$")
_WORD_CHAR_RE = re.compile(r"\w")
_COUNTED_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
_LOWER_CONTINUATION_RE = re.compile(r"[”\"]?\s*[a-z,—–]")
_COMMA_OR_DASH_RE = re.compile(r"[\s]*[,—–]")
#: '… pulled out “slowly”, while Bolton said …': a new clause with its own speaker follows
_NEW_CLAUSE_WORDS = r"(?:while|whereas|but|although|though)\s"
_NEW_CLAUSE_RE = re.compile(r"\s*,\s*" + _NEW_CLAUSE_WORDS, re.I)
#: the same after a quotation whose comma is inside the marks ('is “a question of weeks,” though the
#: official said …')
_NEW_CLAUSE_AFTER_COMMA_RE = re.compile(r"\s*" + _NEW_CLAUSE_WORDS, re.I)
_COMMA_AHEAD_RE = re.compile(r"\s*,")
_TERM_MARKER_END_RE = re.compile(r"so-called\s*$|dubbed\s*$|titled\s*$|entitled\s*$")
_ACCORDING_TO_RE = re.compile(r"\b[Aa]ccording to\s+")
_BE_OR_IT_END_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|it)\s+$")
_PARENTHETICAL_END_RE = re.compile(r",[^,]*,\s*$")
_THAT_CLAUSE_RE = re.compile(r"\s+(?:(?:on|late|early|last|this)\s+\w+\s+)?that\s+")
_PLAIN_WORD_RE = re.compile(r"[\w']+")


# --------------------------------------------------------------------------- small helpers
@functools.lru_cache(maxsize=4096)
def _word_re(word: str):
    """A compiled regex finding ``word`` as a whole word."""
    return re.compile(r"\b" + re.escape(word) + r"\b")


@functools.lru_cache(maxsize=65536)
def _strip_poss(tok: str):
    if tok.endswith(("’s", "'s")):
        return tok[:-2], True
    if tok.endswith(("s’", "s'")) and len(tok) > 3:
        return tok[:-1], True
    return tok, False


@functools.lru_cache(maxsize=65536)
def _low(tok: str) -> str:
    return tok.lower().rstrip(".")


@functools.lru_cache(maxsize=65536)
def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[:3] in ("al-", "el-") or tok[:4] == "bin-")


def _is_acronym(tok: str) -> bool:
    t = tok.replace(".", "")
    return len(t) >= 2 and t.isupper() and t.isalpha()


def _is_initials(tok: str) -> bool:
    """Two capitals that are no place or group ("PJ", "JD", "J.J."), written as a first name."""
    bare = tok.replace(".", "")
    return len(bare) == 2 and bare.isupper() and bare.isalpha() and (tok == bare or tok == f"{bare[0]}.{bare[1]}.") \
        and tok.lower() not in PLACES and bare.lower() not in PLACES and tok.lower() not in ORG_WORDS \
        and bare.lower() not in ORG_WORDS and not _ORGANIZATIONS.fullmatch(bare) and not _MEDIA.fullmatch(bare)


def _surname_key(tok: str) -> str:
    t = _strip_poss(tok)[0]
    if "-" in t:  # the prefix pattern needs a hyphen
        t = _ARABIC_ARTICLE_RE.sub("", t)
    return t.lower()


@functools.lru_cache(maxsize=65536)
def _norm_role(role: str) -> str:
    words = [_ROLE_NORMALISE.get(_low(w), _low(w)) for w in _DOTTED_WORD_RE.findall(role)]
    return " ".join(words)


# --------------------------------------------------------------------------- single quotation marks


# --------------------------------------------------------------------------- page junk
_CARD_SPAN = 700


def _mask_junk(par: str) -> str:
    """Blank out hover-card pop-ups inlined after a name (same length string)."""
    par = _mask_formal_cards(par)
    if "MORE" not in par:
        return par
    for m in list(_GLUED_RE.finditer(par)):
        more = _MORE_RE.search(par, m.end(), m.end() + _CARD_SPAN)   # a card lists headlines: up to ~600 characters
        if not more:
            continue
        sur = m.group(1)
        prev = par.rfind(sur, max(0, m.start() - 120), m.start())
        if prev >= 0:
            start = prev + len(sur)
            # a possessive or parenthesis right after the real mention stays
            while start < m.start() and par[start] in " \t":
                start += 1
        else:
            start = m.start()
        if start >= m.start() + len(sur):  # nothing between: junk starts at the glued token
            start = m.start()
        par = par[:start] + " " * (more.end() - start) + par[more.end():]
    return par


#: a hover card after a name that repeats it in full (a nickname in parentheses allowed) and glues the
#: surname to its first headline: "Sen. Pat Toomey Patrick (Pat) Joseph ToomeyNSA improperly …",
#: "Sen. Richard Shelby Richard Craig ShelbyWhite House prepared …"
_FORMAL_CARD_RE = re.compile(r"\b[A-Z][a-z]+ (?P<sur>[A-Z][a-z'’-]+)(?P<card> [A-Z][a-z]+(?: \([A-Z][a-z]+\))?"
                             r"(?: [A-Z][\w.'’-]*){0,2}? (?P=sur))(?=[A-Z])")
_GLUED_CAP = re.compile(r"[a-z][A-Z]")
#: where such a card ends: its "MORE" link or the party tag of the real mention ("(R-Pa.)")
_CARD_END_RE = re.compile(r"\bMORE\b|(?=\([RDI]-[A-Z])")


def _mask_formal_cards(par: str) -> str:
    """Blank out hover cards of the formal-name kind (see :data:`_FORMAL_CARD_RE`), same length."""
    if not _GLUED_CAP.search(par):
        return par
    for m in list(_FORMAL_CARD_RE.finditer(par)):
        end = _CARD_END_RE.search(par, m.end(), m.end() + _CARD_SPAN)
        if end:
            a = m.start("card")
            par = par[:a] + " " * (end.end() - a) + par[end.end():]
    return par


_LAST_PAREN_RE = re.compile(r"\(([A-Z][^()]{0,60})\)$")
_CAPTION_WORDS = ("Getty Images", "AP Photo", "/AFP", "Photograph:", "Photo:", "Image:", "Credit:",
                  "(Photo by", "Pictured:", "File photo", "FILE PHOTO")


_CAPTION_WORDS_RE = re.compile("|".join(re.escape(w) for w in _CAPTION_WORDS))
_CAPTION_MARKER = re.compile("|".join(re.escape(w) for w in lexicon.words("caption_markers")), re.I)


def _junk_paragraphs(pars):
    """Indices of paragraphs that are page furniture, not the story's prose:
    video teasers (JUST WATCHED ... MUST WATCH), photo captions (a closing
    credit in parentheses, "Getty Images", "AP Photo"), link and credit lines
    (READ MORE, RELATED, Contributing, Reporting by) and video durations."""
    junk = set()
    in_teaser = -1
    for i, p in enumerate(pars):
        s = p.strip()
        if not s:
            continue
        kind = _line_kind(s)
        if kind == "T" or kind == "t":
            junk.add(i)
            in_teaser = i if kind == "T" else -1
            continue
        if in_teaser >= 0 and i - in_teaser <= 6:
            junk.add(i)
            continue
        in_teaser = -1
        if kind == "J":
            junk.add(i)
    return junk


def _line_kind(s: str) -> str:
    """What one stripped line is on its own: "T" a teaser line opening a JUST WATCHED block,
    "t" another teaser line, "J" a link, credit, duration or caption line, "" prose."""
    if "WATCH" in s or s == "Replay" or "More Videos" in s or s.startswith("Video Ad"):
        if _TEASER_RE.search(s):
            return "T" if "JUST WATCHED" in s else "t"
    if _LINK_RE.match(s) or (s[-3:-2] == ":" and _CLOCK_TIME_END_RE.search(s)):
        return "J"
    if len(s) < 600:
        if s.endswith(")"):
            m = _LAST_PAREN_RE.search(s)
            if m and len(m.group(1).split()) <= 6 and not s[:m.start()].rstrip().endswith(("said", ",")):
                return "J"
        if _CAPTION_WORDS_RE.search(s):
            return "J"
    return ""


# --------------------------------------------------------------------------- sentences
#: the abbreviations a full stop does not end a sentence after: segment's list, the one Punkt reads
_SENTENCE_ABBREV = frozenset(a.lower() for a in ABBREVIATIONS)


def _inside_span(spans, dot: int, pos: int, closing: str) -> bool:
    """Is the full stop at ``dot`` inside a quoted span with no closing mark after it, or does the
    sentence start ``pos`` fall inside one?"""
    return (not closing and any(s <= dot < e for s, e, *_ in spans)) or any(s < pos < e for s, e, *_ in spans)


def _boundaries(par: str, spans: tuple):
    """Sentence start offsets in a paragraph (ignoring full stops inside quotes).
    ``spans``: the paragraph's quoted spans as a tuple; the cached list must not be mutated."""
    starts = [0]
    for m in _BOUNDARY_RE.finditer(par):
        pos = m.end()
        dot = m.start(1)
        if spans and _inside_span(spans, dot, pos, m.group(2)):
            continue  # a full stop inside a quotation (not at its closing mark), or a start inside one
        if m.group(1) == ".":
            wm = _WORD_BEFORE_DOT_RE.search(par[max(0, dot - 30):dot])
            w = wm.group(1) if wm else ""
            if _low(w) in _SENTENCE_ABBREV or _CAPITAL_LETTER_RE.fullmatch(w) or _INITIALS_RE.fullmatch(w):
                # "U.S." at a real sentence end is ambiguous: accept when next word is not a name
                if not (_CAPITAL_INITIALS_RE.fullmatch(w + ".") and
                        _SENTENCE_OPENER_RE.match(par[pos:])):
                    continue
        starts.append(pos)
    return starts


# --------------------------------------------------------------------------- story model
class _Entity:
    """A person met in a story; roles are read from the text only when first needed."""
    __slots__ = ("key", "full", "ntok", "_roles", "pending", "gender", "kind", "last", "_norm", "seen", "titles",
                 "spoken")

    def __init__(self, key, full, ntok, kind="person"):
        self.key, self.full, self.ntok, self.kind = key, full, ntok, kind
        self._roles = []
        self.pending = []
        self.gender = None
        self.last = -1
        self._norm = (0, "")
        self.seen = []          # story offsets of the mentions met, in order
        self.titles = set()     # title words met before the name ("president", "sen", "first", "lady")
        self.spoken = 0         # statements credited to this person so far

    def norm_roles(self):
        """The roles, normalised, joined with " | " (recomputed only when a role was added;
        roles are only ever appended)."""
        roles = self.roles
        if self._norm[0] != len(roles):
            self._norm = (len(roles), " | ".join(_norm_role(r) for r in roles))
        return self._norm[1]

    @property
    def roles(self):
        if self.pending:
            pending, self.pending = self.pending, []
            for text, start, end, titles in pending:
                role = _role_of(text, start, end, titles)
                if role and role not in self._roles:
                    self._roles.append(role)
        return self._roles


#: title words too common to tell two people apart
_NOT_TITLE_KEY = frozenset(("former", "the", "of", "and", "for", "then", "acting", "vice", "deputy", "senior"))
_AHEAD = 150   # characters after a role noun in which a mention of its person still counts as met
_FORMER = frozenset(("former", "ex", "ex-", "late", "then"))


def _name_tail(a: str, b: str) -> bool:
    """Is one name the other's last words, two at least ("Paton Walsh" of "Nick Paton Walsh")?"""
    ta, tb = a.lower().split(), b.lower().split()
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return 2 <= len(short) < len(long_) and long_[-len(short):] == short


def _same_first(a: str, b: str) -> bool:
    """Whether two full names can be one person: the same first name, or an initial of it."""
    fa, fb = a.split()[0].rstrip(".").lower(), b.split()[0].rstrip(".").lower()
    if fa == fb:
        return True
    return (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


@functools.lru_cache(maxsize=None)
def _unnamed_re(head: str) -> re.Pattern:
    """'a senior commander', 'one Western diplomat': an indefinite article, up to three modifiers
    (no names: lower case or a nationality), the role noun."""
    return re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:(?!(?:the|a|an|of|after|before|to|for|with|and|or|in|on|"
                      r"at|by|from|as|than|that|his|her|its|their)\s)(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,3}"
                      + re.escape(head) + r")\b(?!\s+[A-Z])")


def _last_before(ent, pos) -> int:
    """The story offset of the last mention of ``ent`` before ``pos`` (-1 if none)."""
    i = bisect.bisect_left(ent.seen, pos)
    return ent.seen[i - 1] if i else -1


#: documents an "it" can be when nothing else is ("… released a statement. “Q,” it read")
_ISSUED_HEADS = ("statement", "report", "letter", "communique", "release")


@functools.lru_cache(maxsize=None)
def _issue_re(head: str) -> re.Pattern:
    """'released a report', 'issued its statement', 'published a 40-page report'."""
    return re.compile(r"\b(?:released|issued|published|sent|put out|made public|delivered)\s+"
                      r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?" + re.escape(head) + r"s?\b", re.I)



def _only_former(ent) -> bool:
    """Is every role a story gives this person a former one ("former President", "a former
    ambassador")?"""
    roles = [r.lower().split() for r in ent.roles]
    roles = [r[1:] if r and r[0] in ("a", "an", "the") else r for r in roles]
    return bool(roles) and all(r and r[0] in _FORMER for r in roles)


#: words that make a role a lower office ("deputy prime minister"); US offices (lexicon/)
_RANK_WORDS = frozenset(lexicon.words("rank_words"))
_US_OFFICES = frozenset(lexicon.words("us_offices"))


def _lower_office(roles, heads, mods) -> bool:
    """Is every role holding one of ``heads`` a lower office of it ("deputy Prime Minister"),
    when the role noun's own modifiers ``mods`` have no such word?"""
    if _RANK_WORDS & set(mods):
        return False
    with_head = []
    for r in roles:
        words = _norm_role(r).split()
        for h in heads:
            hw = h.split()
            at = [i for i in range(len(words) - len(hw) + 1) if words[i:i + len(hw)] == hw]
            if at:
                with_head.append(bool(_RANK_WORDS.intersection(words[max(0, at[0] - 2):at[0]])))
                break
    return bool(with_head) and all(with_head)


def _only_foreign(roles, head) -> bool:
    """Does every role of a person with this head noun name a country other than the US
    ("Turkish president")?"""
    with_head = [r.lower().split() for r in roles if head in r.lower()]
    return bool(with_head) and all(any(w in PLACES and w not in _US_WORDS and w not in _US_STATE_WORDS
                                       for w in r) for r in with_head)


class _Story:
    """Per-story state: people and organisations met so far, sentence subjects."""

    def __init__(self, text: str = ""):
        self.text = text        # the story's working text (page furniture masked)
        self.people = {}        # surname key -> _Entity (the first person met with that surname)
        self.homonyms = {}      # surname key -> every _Entity with it, when two first names share it
        self.orgs = {}          # acronym -> full name
        self.sent_starts = []   # story offsets of the sentences met so far
        self.sent_texts = []    # their text with quotations blanked
        self.subj_cache = {}    # sentence index -> subject (computed when a pronoun needs it)
        self.explicit = {}      # sentence index -> speaker attributed in that sentence
        self.skip_sents = set()  # sentence indices no pronoun looks back to (gallery captions)
        self.last_anon = {}     # head -> speaker string
        self.last_speaker = None  # (speaker, kind, role, cue)
        self.last_org = None

    # -- people
    def person(self, name_toks, role="", pos=0, honorific=None):
        last = name_toks[-1]
        if len(name_toks) > 1 and _low(last) in _NAME_SUFFIXES:
            last = name_toks[-2]
        key = _surname_key(last)
        full = " ".join(_strip_poss(t)[0] for t in name_toks)
        ent = self.entity(key, full, len(name_toks), pos)
        if role and role not in ent.roles:
            ent.roles.append(role)
        if honorific:
            h = _low(honorific)
            if h in MALE:
                ent.gender = ent.gender or "m"
            elif h in FEMALE:
                ent.gender = ent.gender or "f"
        ent.last = max(ent.last, pos)
        return ent

    def entity(self, key, full, ntok, pos, titles=frozenset()):
        """The person a full or partial name at ``pos`` stands for, registered if new.

        A full name whose first name differs from the one known under its surname
        ("Deborah McCarthy" after "Ryan McCarthy") is another person (a homonym); so is a full
        name whose titles contradict those of a surname met before it ("first lady Melania
        Trump" after "President Trump")."""
        ent = self.people.get(key)
        if ent is None:
            ent = _Entity(key, full, ntok)
            self.people[key] = ent
        elif ntok > 1 and ent.ntok == 1 and titles and ent.titles and not (titles & ent.titles) \
                and key not in self.homonyms:
            ent = _Entity(key, full, ntok)
            self.homonyms[key] = [self.people[key], ent]
        elif ntok > 1 and ent.ntok > 1 and not _same_first(full, ent.full):
            # "Paton Walsh" after "Nick Paton Walsh": a two-part surname, the same person
            same = [e for e in self.homonyms.get(key, [ent]) if _same_first(full, e.full) or _name_tail(full, e.full)]
            if same:
                ent = same[0]
            else:
                ent = _Entity(key, full, ntok)
                self.homonyms.setdefault(key, [self.people[key]]).append(ent)
        elif ntok > 1 and key in self.homonyms:
            pass  # a surname-only mention among homonyms is resolved where it is read (lookup)
        if ntok > ent.ntok:
            ent.full, ent.ntok = full, ntok
        ent.titles.update(titles)
        if pos not in ent.seen:
            bisect.insort(ent.seen, pos)
        return ent

    def lookup(self, key, pos, first=None, title=None):
        """The person a mention of surname ``key`` at ``pos`` refers to: with homonyms, the one
        with the first name given, else the one that bore the mention's title ("President
        Trump"), else the one mentioned most often before ``pos`` (ties: the one met last)."""
        cands = self.homonyms.get(key)
        if not cands:
            return self.people.get(key)
        if first:
            named = [e for e in cands if _same_first(first + " x", e.full)]
            if named:
                return named[0]
        if title:
            titled = [e for e in cands if title in e.titles]
            if len(titled) == 1:
                return titled[0]
        # a person described only as former ("former President George W. Bush" beside "Florida Gov.
        # Jeb Bush") is background: the bare surname is the other; then a person first met by title
        # and surname alone ("President Trump") is the one readers know; then the one the bare
        # surname went on to name ("Mitt Romney ... Romney ... Romney" before "Ann Romney, the
        # candidate's wife"); then the one who has spoken more ("Army Secretary Ryan McCarthy
        # confirmed ..." beside "Deborah McCarthy, who served as ambassador"); then the one met first
        return max(cands, key=lambda e: (not _only_former(e),
                                         bisect.bisect_left(e.seen, pos) + self._bare_after(e, cands, pos),
                                         e.ntok == 1, e.spoken,
                                         -e.seen[0] if e.seen else -pos))

    def _bare_after(self, ent, cands, pos) -> int:
        """How often the surname stands alone before another of ``cands`` is met (or ``pos``), if
        ``ent`` is the first met: the mentions only ``ent`` could be ("Bush said" in the lead, then
        "Jeb Bush", then "his brother, George W. Bush"); 0 for the others."""
        if not ent.seen or ent.seen[0] >= pos or any(e.seen and e.seen[0] < ent.seen[0] for e in cands):
            return 0
        start = 0
        end = min([pos] + [e.seen[0] for e in cands if e.seen and ent.seen[0] < e.seen[0]])
        return sum(1 for _ in _word_at(self.text, ent.full.split()[-1], start, end)) \
            - bisect.bisect_left(ent.seen, end) + bisect.bisect_left(ent.seen, start)

    def issuer(self, head, pos):
        """Who issued the document ``head`` ("report", "statement") that speaks at ``pos``: the
        subject of a recent sentence that released, issued or published one -- (speaker, kind,
        role, entity) or None."""
        idx = bisect.bisect_left(self.sent_starts, pos) - 1
        rx = _issue_re(head)
        for i in range(idx, max(-1, idx - 6), -1):
            blank, a, b = self.sent_texts[i]
            m = rx.search(blank, a, b)
            if not m:
                continue
            before = blank[a:m.start()]
            np = _np_tail(before.split(",")[-1])
            res = _classify(tuple(np), self, self.sent_starts[i]) if np else None
            if res is None or res[1] not in ("person", "organization"):
                res = _subject_of(before, self, self.sent_starts[i])
            if res is not None and res[1] in ("person", "organization"):
                return res[0], res[1], res[2], res[4]
        return None

    def entities(self):
        """Every person met, homonyms included."""
        for key, ent in self.people.items():
            yield from self.homonyms.get(key, (ent,))

    def by_role(self, head, mods, pos):
        heads = _ROLE_ALSO.get(head)
        head = _ROLE_NORMALISE.get(head, head)
        heads = heads or (head,)
        best, best_score = None, -1
        for ent in self.entities():
            roles = ent.norm_roles()
            if not roles:
                continue
            if any(_word_re(h).search(roles) for h in heads):
                score = 10
            elif head in ("leader", "head", "ruler") and any(h in roles for h in HEAD_OF_STATE):
                score = 5
            elif head in _LAWMAKER_HEADS and _PARTY_WORDS.search(roles):
                score = 5
            else:
                continue
            if _lower_office(ent.roles, heads, mods):
                continue  # "the prime minister" is not the deputy prime minister
            hits = sum(1 for m in mods if _word_re(m).search(roles))
            place_mods = [m for m in mods if m in PLACES and m not in _US_WORDS]
            if place_mods and not any(m in roles for m in place_mods):
                continue  # "the Iranian president" is not the US one
            if any(m in _US_WORDS for m in mods) and any(w in PLACES and w not in _US_WORDS and w not in _US_STATE_WORDS
                                                           for w in roles.replace("|", " ").split()):
                continue  # "the U.S. president" is not the Iranian one
            score += 3 * hits
            if not place_mods and head in _US_OFFICES and _only_foreign(ent.roles, head):
                score -= 3  # "the president", with "Turkish President X" and "President Y" met: Y
            if not any(m in _FORMER for m in mods) and all(
                    any(f in r.lower().split() for f in _FORMER) for r in ent.roles if head in r.lower()) \
                    and any(head in r.lower() for r in ent.roles):
                score -= 3  # "the president" is not the former president
            # mentions up to the end of the sentence count as met ("Secretary of State Mike Pompeo met")
            before = _last_before(ent, pos + _AHEAD)
            if before < 0:
                score -= 4  # a person not met yet in the story is a weaker referent
            if best is None or score > best_score or (score == best_score and before > _last_before(best, pos + _AHEAD)):
                best, best_score = ent, score
        return best

    def outlet_before(self, pos: int) -> str:
        """The news outlet (lexicon/media.txt) named last before ``pos``, as written (a short name
        by its full one, lexicon/media_aliases.csv), or ""."""
        m = self._last_match(_MEDIA_ANY, pos, lambda m: m.group(0)[:1].isupper())
        found = m.group(0) if m else ""
        return _MEDIA_ALIASES.get(found, found)

    def unnamed_before(self, head: str, pos: int, since: int = -1) -> str:
        """The description of the last unnamed person with this role noun introduced before
        ``pos`` ("a senior commander", "one Western diplomat", "another Revolutionary Guards
        commander" -> "senior commander"), or ""; with ``since``, only one introduced after that
        offset (a named holder's last mention)."""
        m = self._last_match(_unnamed_re(head), pos)
        return " ".join(m.group(1).split()) if m and m.start() > since else ""

    def _last_match(self, rx, pos, keep=None):
        """The last match of ``rx`` in the 3,000 characters of the story before ``pos`` (that
        ``keep`` accepts), or None."""
        last = None
        for m in rx.finditer(self.text, max(0, pos - 3000), pos):
            if keep is None or keep(m):
                last = m
        return last

    def add_sentence(self, start, masked):
        self.sent_starts.append(start)
        self.sent_texts.append(masked)

    def spoke(self, res, cue, pos):
        """Record a credited speaker (an :class:`Attribution`, or its five fields) of the sentence
        at ``pos``: the last speaker (and organisation) of the story, the sentence's subject."""
        speaker, kind, role, _, ent = res
        self.last_speaker = (speaker, kind, role, cue)
        if kind == "organization":
            self.last_org = self.last_speaker
        if isinstance(ent, _Entity):
            ent.spoken += 1
        self.attribute(pos, ent if ent is not None else (speaker, kind, role))

    def attribute(self, pos, val):
        """Record that the sentence holding ``pos`` has this speaker."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i >= 0:
            self.explicit[i] = val

    def subject_at(self, i):
        if i in self.explicit:
            return self.explicit[i]
        if i not in self.subj_cache:
            self.subj_cache[i] = None
            blank, st, en = self.sent_texts[i]
            res = _subject_of(blank[st:en], self, self.sent_starts[i])
            if res is None or res[1] == "unknown":
                res = _claimant(blank[st:en], self, self.sent_starts[i])
            if res is not None and res[1] != "unknown":
                self.subj_cache[i] = res[4] if res[4] is not None else (res[0], res[1], res[2])
        return self.subj_cache[i]

    def _gender(self, ent):
        if ent.gender is None:
            first = ent.full.split()[0].lower() if ent.ntok > 1 else ""
            if first in FEMALE_FIRST and first not in MALE_FIRST:
                ent.gender = "f"
            elif first in MALE_FIRST and first not in FEMALE_FIRST:
                ent.gender = "m"
            else:
                words = set(" ".join(ent.roles).lower().split())
                if words & FEMALE:
                    ent.gender = "f"
                elif words & MALE:
                    ent.gender = "m"
        return ent.gender

    def by_first_name(self, first: str, pos: int):
        """The one person met before ``pos`` whose full name opens with ``first`` ("Andrea" after
        "Andrea Gallagher", "Zeid" after "Zeid Ra’ad al-Hussein"), when nobody else shares that first
        name; else None."""
        low = first.lower()
        found = [e for e in self._all_people() if e.ntok > 1 and e.seen and e.seen[0] < pos
                 and e.full.split()[0].lower() == low]
        return found[0] if len(found) == 1 else None

    def woman_before(self, pos, back: int = 10):
        """The nearest sentence subject before ``pos`` (within ``back`` sentences) who is a woman, or None."""
        idx = bisect.bisect_left(self.sent_starts, pos) - 1
        for i in range(idx, max(-1, idx - back), -1):
            subj = self.subject_at(i) if i not in self.skip_sents else None
            if isinstance(subj, _Entity) and self._gender(subj) == "f":
                return subj
        # no woman as a subject: the woman mentioned last ("… a natural opening for Clinton …")
        women = [(e.seen[bisect.bisect_left(e.seen, pos) - 1], e) for e in self._all_people()
                 if e.seen and e.seen[0] < pos and self._gender(e) == "f"]
        return max(women, key=lambda x: x[0])[1] if women else None

    def _all_people(self):
        """Every person entity of the story once (homonyms included)."""
        seen = {id(e): e for e in self.people.values()}
        for cands in self.homonyms.values():
            seen.update((id(e), e) for e in cands)
        return list(seen.values())

    def pronoun(self, pron, pos):
        g = PRONOUNS.get(pron)
        if g is None or pron == "we":
            return None  # "I said", "we said": the writer, not a source
        idx = bisect.bisect_left(self.sent_starts, pos) - 1
        if g == "f":
            # a woman named in the last three sentences beats a nearer person of unknown gender
            # (most people of unknown gender in this news are men; "he" takes the nearest)
            for i in range(idx, max(-1, idx - 3), -1):
                subj = self.subject_at(i) if i not in self.skip_sents else None
                if isinstance(subj, _Entity) and self._gender(subj) == g:
                    first_any = next((self.subject_at(j) for j in range(idx, i, -1)
                                      if isinstance(self.subject_at(j), _Entity)), None)
                    if first_any is None or self._gender(first_any) is None:
                        return subj
                    break
        looked = 0
        for i in range(idx, -1, -1):
            if looked >= 10:
                break
            if i in self.skip_sents:
                continue        # a gallery of captions between the person and the pronoun does not count
            looked += 1
            subj = self.subject_at(i)
            if subj is None:
                continue
            if isinstance(subj, _Entity):
                if g in ("p", "n"):
                    continue
                if g in ("m", "f") and self._gender(subj) not in (None, g):
                    continue
                return subj
            else:  # (speaker, kind, role)
                if g == "p" and subj[1] in ("organization", "anonymous"):
                    return subj
                if g == "n" and subj[1] == "organization":
                    return subj
                if g in ("m", "f") and subj[1] == "anonymous" and not subj[0].endswith("s"):
                    return subj
        return None


# --------------------------------------------------------------------------- names in text
def _parse_run(toks):
    """Split a run of capitalised tokens (see :func:`_split_run`): new lists, free to change."""
    titles, name, kind = _split_run(tuple(toks))
    return list(titles), list(name), kind


@functools.lru_cache(maxsize=65536)
def _split_run(toks: tuple):
    """Split a run of capitalised tokens into (titles, name tokens, kind), tuples (cached).

    kind: "person", "org", "place", "role" or None. The last token always stays
    in the name part unless the whole run is titles.
    """
    n = len(toks)
    i = 0
    while i < n - 1:
        lt = _low(_strip_poss(toks[i])[0])
        if i == n - 2 and _is_initials(toks[i]):
            break       # "Assistant Secretary PJ Crowley": two capitals before the surname are initials
        if lt in TITLE_WORDS or lt in PLACES or lt in COMMON_CAPS or lt in ORG_WORDS or _is_acronym(toks[i]) \
                or _sentence_adverb(lt):
            i += 1
        else:
            break
    # a long role before the name ("House Foreign Affairs Committee Chairman Eliot Engel"):
    # the name starts after the last title word
    j = n - 1
    while j > i:
        lt = _low(_strip_poss(toks[j - 1])[0])
        if lt in HONORIFICS or lt in ("chairman", "chairwoman", "chair", "leader", "secretary", "minister",
                                      "president", "spokesman", "spokeswoman", "envoy", "ambassador"):
            break
        j -= 1
    if j > i and j < n and not any(_low(t) in ORG_WORDS for t in toks[j:]):
        i = j
    titles, name = toks[:i], toks[i:]
    low_name = [_low(_strip_poss(t)[0]) for t in name]
    if "of" in low_name[2:] and not any(w in ORG_WORDS for w in low_name):
        k = low_name.index("of", 2)
        if all(w in PLACES for w in low_name[k + 1:]):
            name, low_name = name[:k], low_name[:k]       # "Rand Paul of Kentucky": the place is no name
    last = low_name[-1]
    if any(w in ORG_WORDS for w in low_name) or (len(name) == 1 and _is_acronym(name[0])):
        return titles, name, "org"
    if len(name) == 1:
        if last in PLACES:
            return titles, name, "place"
        if last in COMMON_CAPS:
            return titles, name, None
        if last in TITLE_WORDS:
            prev = _low(titles[-1]) if titles else ""
            if prev in HONORIFICS and prev not in ("chief", "leader", "speaker"):
                return titles, name, "person"
            if any(_low(t) in ORG_WORDS or _is_acronym(t) for t in titles):
                return titles, name, "role"
            return titles, name, "role"
    if all(w in PLACES for w in low_name):
        return titles, name, "place"
    if any(w in PLACES or w in COMMON_CAPS for w in low_name[1:]) and not titles:
        return titles, name, None
    return titles, name, "person"


def _role_before(text: str, start: int) -> str:
    """Role words just before a name: 'White House press secretary', or the
    comma chunk of 'Trump's national security adviser, John Bolton'."""
    return _role_before_seg(text[max(0, start - 140):start])


def _role_before_seg(seg: str) -> str:
    seg = seg[seg.rfind("\n") + 1:]
    sm = list(_SENTENCE_BREAK_RE.finditer(seg))
    if sm:
        tail_from = sm[-1].end()
        w = _LAST_WORD_RE.search(seg[:sm[-1].start() + 1])
        if not (w and _low(w.group(1)) in ABBREV):
            seg = seg[tail_from:]
    if _TRAILING_COMMA_RE.search(seg):
        chunk = _CLAUSE_PUNCT_RE.split(seg.rstrip()[:-1])[-1].strip()
        words = [_low(x) for x in _DOTTED_WORD_RE.findall(chunk)]
        if words and any(x in ROLE_HEADS for x in words) and len(words) <= 12:
            return chunk
        return ""
    toks = _WORD_OR_COMMA_RE.findall(seg, seg.rfind(",") + 1)     # the walk back stops at the last comma
    out = []
    for t in reversed(toks):
        lt = _low(t)
        if t == ",":
            break
        if lt in DETERMINERS or lt in _PREP_NOT_OF_FOR or lt in CUE_WORDS or lt == "and":
            break
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in ("of", "for") or \
                _strip_poss(t)[1]:
            out.append(t)
        else:
            break
    while out and _low(out[-1]) in ("of", "for", "and", "the"):
        out.pop()
    role = " ".join(reversed(out))
    if role and not any(_low(w) in ROLE_HEADS or _low(w) in TITLE_WORDS or _low(w) in ANON_HEADS for w in out):
        return ""
    return role


_INITIALISM_RE = re.compile(r"\b(?:[A-Z]\.){2,}(?=\s+[a-z]|[A-Z]|,)")


def _appositive_after(text: str, end: int) -> str:
    return _appositive_after_seg(text[end:end + 120])


def _appositive_after_seg(seg: str) -> str:
    # initialisms ("a former U.S. ambassador") keep their dots out of the way of the sentence end
    masked = _INITIALISM_RE.sub(lambda im: im.group().replace(".", "\x00"), seg) if seg.count(".") > 1 else seg
    m = _APPOSITIVE_RE.match(masked)
    if not m:
        return ""
    ap = m.group(1).strip().replace("\x00", ".")
    words = [_low(w) for w in _DOTTED_WORD_RE.findall(ap)]
    if words and (words[0] in ("who", "which", "whose", "where")):
        return ""
    if any(w in ROLE_HEADS for w in words[:6]):
        return ap
    return ""


def _scan_people(story: _Story, text: str, outside, lines=None):
    """Register people (names with titles or two name tokens) and acronyms in a story.
    ``lines``: ``text.split("\n")`` when the caller has it already.
    Same effect as :func:`_register_run` on every run of :func:`_line_runs` outside quotations;
    what depends on the line alone comes from :func:`_line_people`."""
    off = 0
    people = story.people
    quoted = {}                 # surname key -> (full name, tokens, offset) of full names inside quotations
    for line in (text.split("\n") if lines is None else lines):
        if _is_headline(line):
            off += len(line) + 1
            continue  # "FRANCE'S MACRON CLAIMS NATO ...": a headline in capitals names nobody's full name
        for start, end, is_person, a, b, c, d, titles in _line_people(line):
            if line[start - 1:start] == "/" or line[end:end + 1] == "/" or "/" in line[start:end]:
                continue  # photo credits ("REUTERS/Jane Doe", "Jim Watson/AFP") are nobody in the story
            if not outside(off + start):
                if is_person and c > 1 and a not in quoted:
                    quoted[a] = (b, c, off + start)
                continue
            start += off
            end += off
            if is_person:  # a, b, c, d = key, full name, name tokens, gender from the honorific
                tset = frozenset(_low(t).rstrip(".") for t in titles) - _NOT_TITLE_KEY
                if a in people and c > 1 and people[a].ntok == 1 and people[a].titles:
                    tset = tset | (frozenset(_role_before(text, start).lower().split()) & TITLE_WORDS) - _NOT_TITLE_KEY
                ent = story.entity(a, b, c, start, tset) if (a in people and c > 1) or a in story.homonyms \
                    else people.get(a)
                if ent is None:
                    ent = _Entity(a, b, c)
                    people[a] = ent
                    ent.seen.append(start)
                    ent.titles.update(tset)
                elif ent.seen[-1:] != [start]:
                    if c > ent.ntok:
                        ent.full, ent.ntok = b, c
                    ent.seen.append(start)
                    ent.titles.update(tset)
                if d and ent.gender is None:
                    ent.gender = d
                if start > ent.last:
                    ent.last = start
                ent.pending.append((text, start, end, titles))
            else:  # an organisation: a = its name, used when "(ACRONYM)" follows
                am = _ACRO_DEF_RE.match(text, end)
                if am:
                    story.orgs[am.group(1)] = a
        off += len(line) + 1
    for key, (full, ntok, pos) in quoted.items():
        # a full name met only inside a quotation ("… Richard Spencer's services …") names the
        # story's person of that surname, if it opens with a known first name ("Neither Obama" does not)
        first = full.split()[0].lower()
        if first not in MALE_FIRST and first not in FEMALE_FIRST or clean_speaker(full, "person") != (full, "person"):
            continue
        if key not in people:
            people[key] = _Entity(key, full, ntok)
            people[key].seen.append(pos)
        elif people[key].ntok == 1 and key not in story.homonyms:
            people[key].full, people[key].ntok = full, ntok
    _surnames_before_full_name(story, text, outside)


def _is_title_line(line: str) -> bool:
    """A short line in title case with no sentence end ("USA TODAY's 2016 Presidential Poll Tracker"):
    a link or teaser title, whose words are no one's subject."""
    s = line.strip()
    if len(s) > 120 or s[-1:] in ".!?:\"”’'" or any(m in s for m in "\"“”"):
        return False
    words = s.split()
    if not 2 <= len(words) <= 12:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL)
    return caps == len(words)


def _is_headline(line: str) -> bool:
    """A line in capitals of three words or more (a headline or cross-head between paragraphs)."""
    return len(line) >= 12 and line.isupper() and line.count(" ") >= 2


def _word_at(text: str, word: str, start: int = 0, end: int | None = None, joiners: str = ""):
    """Offsets of ``word`` as a whole word in text[start:end], in order (a generator): no letter or
    digit, nor one of ``joiners`` ("-'’": a hyphen or apostrophe), either side."""
    end = len(text) if end is None else end
    i = text.find(word, start, end)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in joiners)) and \
                (j >= len(text) or not (text[j].isalnum() or text[j] in joiners)):
            yield i
        i = text.find(word, j, end)


def _surnames_before_full_name(story: _Story, text: str, outside):
    """A surname written alone is a mention of the one person of the story with that surname:
    before the full name ("Trump said ... The president added ... President Donald Trump said") and
    after it ("Israeli Prime Minister Benjamin Netanyahu ... Netanyahu expressed admiration")."""
    for key, ent in story.people.items():
        if ent.ntok < 2 or not ent.seen or key in story.homonyms:
            continue
        last = ent.full.split()[-1]
        if len(last) < 3 or not last[:1].isupper():
            continue
        alone = [i for i in _word_at(text, last) if outside(i)]
        if alone:
            ent.seen = sorted(set(ent.seen).union(alone))


@functools.lru_cache(maxsize=16384)
def _line_people(line: str):
    """What :func:`_register_run` needs from each run of one line, computed once per line:
    ((start, end, True, key, full, n_tokens, gender, titles) for a person,
    (start, end, False, org_name, None, None, None, None) for an organisation), others dropped."""
    out = []
    for toks, start, end in _line_runs.__wrapped__(line):
        titles, name, kind = _split_run(tuple(toks))
        if kind == "person":
            if titles and not any(_low(t) in TITLE_WORDS for t in titles) and len(name) < 2:
                continue
            if len(name) == 2 and not titles and _low(name[0]) in _NOT_NAME:
                continue  # "Christmas Eve": a word that is never a name, then one word, no title
            last = name[-1]
            if len(name) > 1 and _low(last) in _NAME_SUFFIXES:
                last = name[-2]
            key = _surname_key(last)
            full = " ".join(_strip_poss(t)[0] for t in name)
            g = None
            if titles:
                h = _low(titles[-1])
                g = "m" if h in MALE else ("f" if h in FEMALE else None)
            out.append((start, end, True, key, full, len(name), g, titles))
        elif kind == "org":
            out.append((start, end, False, " ".join(t for t in toks if _low(t) not in COMMON_CAPS),
                        None, None, None, None))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _line_runs(text: str):
    """Runs of capitalised tokens in one line (runs never cross a newline), split at
    sentence-final full stops ("... in Syria. Mr Trump said"): ((tokens, start, end), ...)."""
    out = []
    for m in _MULTI_RUN_RE.finditer(text):
        run = m.group()
        if "." not in run:
            out.append((tuple(run.split()), m.start(), m.end()))
            continue
        toks, starts, off = [], [], m.start()
        for t in m.group().split():
            at = text.index(t, off)
            off = at + len(t)
            toks.append(t)
            starts.append(at)
        pieces, cur = [], []
        for t, at in zip(toks, starts):
            cur.append((t, at))
            if t.endswith(".") and not (_low(t) in ABBREV or len(t) == 2 or "." in t[:-1]):
                pieces.append(cur)
                cur = []
        if cur:
            pieces.append(cur)
        for piece in pieces:
            ptoks = [t.rstrip(".") if (t.endswith(".") and _low(t) not in ABBREV and len(t) > 2
                                      and "." not in t[:-1]) else t for t, _ in piece]
            if len(ptoks) < 2:
                continue
            p_start = piece[0][1]
            p_end = piece[-1][1] + len(piece[-1][0])
            if text[p_end - 1] == "." and ptoks[-1][-1:] != ".":
                p_end -= 1
            out.append((tuple(ptoks), p_start, p_end))
    return tuple(out)


def _role_of(text, start, end, titles):
    """The role written around one mention of a person: titles, words before, party tag, appositive."""
    role = " ".join(t for t in titles if _low(t) not in _GENDER_WORDS)
    rb = _role_before(text, start)
    if rb:
        role = (rb + " " + role).strip()
    pm = _PARTY_AFTER.match(text, end)
    if pm:
        party = {"R": "Republican", "D": "Democrat", "I": "Independent"}[pm.group(1)]
        role = (role + f" ({party}, {_STATE_ABBR.get(pm.group(2), pm.group(2))})").strip()
    om = (_OF_PLACE_AFTER.match(text, end) or _OF_PLACE_END.search(text, start, end)) if not pm else None
    if om and all(w.lower() in PLACES for w in om.group(1).split()):
        role = (role + " of " + om.group(1)).strip()      # "Sen. Rand Paul of Kentucky"
    ap = _appositive_after(text, end) if not pm else ""
    if ap:
        role = (role + ", " + ap).strip(", ")
    return role


def _register_run(story, text, toks, start, end):
    titles, name, kind = _split_run(tuple(toks))
    if kind == "person":
        if titles and not any(_low(t) in TITLE_WORDS for t in titles) and len(name) < 2:
            return
        ent = story.person(name, "", start, titles[-1] if titles else None)
        ent.pending.append((text, start, end, titles))
    elif kind == "org":
        am = _ACRO_DEF_RE.match(text, end)
        if am:
            story.orgs[am.group(1)] = " ".join(t for t in toks if _low(t) not in COMMON_CAPS)


# --------------------------------------------------------------------------- speaker phrases
def _tokens(s: str):
    """Word and punctuation tokens of ``s`` (a new list)."""
    return _TOKEN_RE.findall(s)           # findall's list is new: no copy through a tuple


_POSTMOD_RE = re.compile(r"\s+(?:familiar with|close to|briefed on|knowledgeable (?:about|of)|with (?:direct )?knowledge of|"
                         r"involved in|who (?:spoke|asked|requested|declined|was|were|is|are|did|had)\b|speaking on"
                         r"|not authori[sz]ed|based (?:in|at|near)|on the ground|in the (?:region|area|field|city|country)|at the scene)\b.*$")


def _np_tail(chunk: str):
    """The noun phrase at the end of a clause (before a reporting verb); a new list."""
    return list(_clause_tail(chunk))


@functools.lru_cache(maxsize=65536)
def _clause_tail(chunk: str) -> tuple:
    """:func:`_np_tail`, cached on the clause (a tuple)."""
    if " " in chunk:
        chunk = _POSTMOD_RE.sub("", chunk)
    toks = [t for t in _tokens(_PAREN_RE.sub(" ", chunk)) if t not in ("(", ")")]
    while toks and (_low(toks[-1]) in AUX_ADV or (toks[-1].endswith("ly") and toks[-1][0].islower()
                                                   and len(toks[-1]) > 4)):
        toks.pop()
    if not toks:
        return ()
    if _low(toks[-1]) in PRONOUNS:
        return (toks[-1],)
    out = []
    for t in reversed(toks):
        lt = _low(_strip_poss(t)[0])
        if t in (",", ";", ":", "—", "–"):
            break
        if lt in DETERMINERS:
            out.append(t)
            break
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in STATEMENT_HEADS \
                or lt in PLACES or lt in ORG_WORDS or lt in _MEDIA_HEADS or lt in _SPEAKER_MODIFIERS or lt in _EPITHETS \
                or (lt[-1:] == "s" and lt[:-1] in ROLE_HEADS) \
                or (lt in _NAME_PARTICLES and out and _is_cap(out[-1]) and t.islower()):   # "Staffan de Mistura said"
            out.append(t)
            if len(out) > 12:
                break
        else:
            break
    out.reverse()
    k = len(toks) - len(out) - 1
    if out and k >= 2 and _low(toks[k]) in ("for", "to") and _low(toks[k - 1]) in ANON_HEADS:
        j = k - 2               # "An aide to Reyes said": the unnamed aide, not Reyes
        while j > 0 and j > k - 5 and toks[j][:1].islower() and _low(toks[j]) not in ("a", "an", "one"):
            j -= 1
        if _low(toks[j]) in ("a", "an", "one"):
            return tuple(toks[j:])
    if out and _low(out[0]) in ("other", "fellow") and k >= 1 and toks[k] == "and" and _is_cap(toks[k - 1]):
        j = k - 1               # "Smith and other Democrats": the one named
        while j > 0 and (_is_cap(toks[j - 1]) or _low(toks[j - 1]) in TITLE_WORDS):
            j -= 1
        return tuple(toks[j:k])
    while out and _low(out[0]) in ("of", "and"):
        out.pop(0)
    if "of" in out[1:]:
        k = len(out) - 1 - out[::-1].index("of")
        if k > 0 and all(_low(t) in PLACES or _low(t) == "the" for t in out[k + 1:]):
            out = out[:k]  # "Sen. Lindsey Graham of South Carolina"
    return tuple(out)


def _np_head(text: str):
    """The noun phrase right after an inverted reporting verb ("said X, ..."); a new list."""
    return _np_head_tokens(text[:160])      # a new list each call: no copy through a tuple


def _modifiers_to_head(toks, i: int) -> int:
    """After a determiner, the index of a role or source noun that plain words lead to ("a
    current department official", "one Tehran-based artist", "a current State Department
    staffer"), or -1."""
    for j in range(i, min(len(toks), i + 5)):
        t = toks[j]
        lt = t.lower()
        if lt in ROLE_HEADS or lt in ANON_HEADS:
            return j
        if not t.replace("-", "").isalpha() or lt in PREPOSITIONS or lt in _NOT_MODIFIER \
                or (lt in CUE_WORDS and t.islower()):
            return -1
    return -1


def _cap_after(toks, j: int) -> bool:
    """Does a capitalised word (a name) follow the role noun at ``j``, "and" + another role between
    allowed ("professor and media critic Jay Rosen")?"""
    k = j + 1
    if k + 1 < len(toks) and toks[k] == "and" and (m := _modifiers_to_head(toks, k + 1)) >= 0:
        k = m + 1
    return k < len(toks) and _is_cap(toks[k])


_NOT_MODIFIER = frozenset(("and", "or", "but", "who", "which", "that", "is", "was", "are", "were", "has", "had"))


_EPITHETS = frozenset(lexicon.words("speaker_epithets"))


def _np_head_tokens(text: str):
    toks = [t for t in _tokens(_PAREN_RE.sub(" ", text[:160]))]
    out = []
    skip_to = -1
    for i, t in enumerate(toks):
        if i <= skip_to:
            out.append(t)
            continue
        lt = _low(_strip_poss(t)[0])
        if t in (",", ";", ":", "(", ")", "—", "–"):
            break
        if not out and lt in ("on", "in", "at", "late", "early", "last", "this") :
            return []
        if lt in DETERMINERS and not out:
            out.append(t)
            continue
        if lt in _EPITHETS and (not out or _low(out[-1]) in DETERMINERS):
            continue                        # "said retiring Sen. Jeff Flake"
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in STATEMENT_HEADS \
                or lt in PLACES or lt in ORG_WORDS or lt in ("administration", "military", "government", "senior", "top",
                                          "former", "white", "house", "defense", "defence", "press",
                                          "state", "u.s.", "us", "of"):
            if lt in COMMON_CAPS and lt not in DETERMINERS and t[0].isupper() and \
                    lt in _WEEKDAYS:
                break
            out.append(t)
        elif lt in _NAME_PARTICLES and out and _is_cap(out[-1]) and i + 1 < len(toks) and _is_cap(toks[i + 1]):
            out.append(t)               # "warned UN Syria mediator Staffan de Mistura"
        elif out and (_low(out[0]) in DETERMINERS or _is_cap(out[-1])) and (j := _modifiers_to_head(toks, i)) >= 0 \
                and (_low(out[0]) in DETERMINERS or _cap_after(toks, j)):
            out.append(t)               # "a current department official", "NYU journalism professor Jay Rosen"
            skip_to = j
        else:
            break
        if len(out) > 10:
            break
    while out and _low(out[-1]) in ("of", "the", "and"):
        out.pop()
    if "of" in out[1:]:
        k = out.index("of", 1)
        if all(_low(t) in PLACES or _low(t) == "the" for t in out[k + 1:]):
            out = out[:k]  # "Rep. Michael McCaul of Texas"
    return out


class _Phrase(NamedTuple):
    """A speaker phrase ("the veteran diplomat", "White House press secretary Sarah Sanders") as
    the classifying rules read it."""
    toks: tuple
    mention: str                # the words as written
    low: list                   # each word lower-cased, possessive cut
    det: str                    # its determiner, or ""
    caps: list                  # its runs of capitalised words
    head: str                   # its last word, lower-cased


#: a rule of :func:`_classify` found nothing: the next rule reads the phrase
_NEXT = object()


def _person(ent, mention) -> Attribution:
    return Attribution(ent.full, "person", ent.roles[0] if ent.roles else "", mention, ent)


def _phrase(toks) -> _Phrase:
    low = [_low(_strip_poss(t)[0]) for t in toks]
    caps, cur = [], []
    for t in toks:
        if _is_cap(t) and _low(t) not in DETERMINERS:
            cur.append(t)
        else:
            if cur:
                caps.append(cur)
            cur = []
    if cur:
        caps.append(cur)
    return _Phrase(tuple(toks), " ".join(toks), low, low[0] if low[0] in DETERMINERS else "", caps, low[-1])


def _pronoun_phrase(p: _Phrase, story, pos):
    """"he", "she", "they": the person or body they refer to; "it" after a document was issued."""
    if len(p.toks) != 1 or p.low[0] not in PRONOUNS:
        return _NEXT
    if p.low[0] == "it":
        # "X released a statement … “Q,” it read": the document's issuer
        issuer = next((iss for h in _ISSUED_HEADS if (iss := story.issuer(h, pos)) is not None), None)
        if issuer is not None:
            return Attribution(issuer[0], issuer[1], issuer[2], p.mention, issuer[3])
    ref = story.pronoun(p.low[0], pos)
    if ref is None:
        return Attribution("", "unknown", "", p.mention, None) if p.low[0] in ("he", "she", "i", "we") else None
    if isinstance(ref, _Entity):
        return _person(ref, p.mention)
    return Attribution(ref[0], ref[1], ref[2], p.mention, None)


def _name_phrase(p: _Phrase, story, pos):
    """A person's name at the end ("White House press secretary Sarah Sanders", "Mr Trump"), or
    "King" after "Rep. Peter King" (a surname that is also a title word)."""
    toks, caps = p.toks, p.caps
    if caps and caps[-1][-1] == toks[-1] and not (len(caps[-1]) == 1 and p.head in _ANON_OR_STATEMENT):
        titles, name, kind = _parse_run(caps[-1])
        if kind == "person" and (_MEDIA.fullmatch(" ".join(name)) or _ORGANIZATIONS.fullmatch(" ".join(name))):
            return Attribution(" ".join(name), "organization", "", p.mention, None)  # "per the Indianapolis Star"
        if kind == "person" and not _strip_poss(toks[-1])[1]:
            key = _surname_key(name[-2] if len(name) > 1 and _low(name[-1]) in _NAME_SUFFIXES else name[-1])
            ent = story.lookup(key, pos, _strip_poss(name[0])[0] if len(name) > 1 else None,
                               _low(titles[-1]).rstrip(".") if titles else None)
            if ent is None and len(name) == 1 and not titles:
                ent = story.by_first_name(_strip_poss(name[0])[0], pos)   # "Andrea said" after "Andrea Gallagher"
            if ent is None:
                role = _LEADING_ARTICLE_RE.sub("", " ".join(toks[:len(toks) - len(name)]))
                if len(name) == 1 and not titles and (p.det or _low(name[0]) in TITLE_WORDS
                                                      or _low(_strip_poss(name[0])[0]) in _non_name_words()
                                                      or _not_name_word(name[0])):
                    return None  # "Ahead of the vote, he said": a word opening a sentence, no one
                ent = story.person(name, role, pos, titles[-1] if titles else None)
            return _person(ent, p.mention)
    if len(toks) == 1 and toks[0][:1].isupper() and _surname_key(_strip_poss(toks[0])[0]) in story.people \
            and p.low[0] in TITLE_WORDS:
        return _person(story.lookup(_surname_key(_strip_poss(toks[0])[0]), pos), p.mention)
    return _NEXT


def _statement_phrase(p: _Phrase, story, pos):
    """"Navy Secretary Richard Spencer's letter says" -> the writer; "the report says" -> the body
    that released it, else the last organisation or speaker."""
    if p.head not in STATEMENT_HEADS:
        return _NEXT
    toks = p.toks
    poss = next((k for k in range(len(toks) - 1, 0, -1) if _strip_poss(toks[k - 1])[1]), None)
    if poss is not None:
        own = tuple(_strip_poss(t)[0] for t in toks[:poss])
        res = _classify(own, story, pos) if own and own != toks else None
        if res is not None and res[1] in ("person", "organization"):
            return Attribution(res[0], res[1], res[2], p.mention, res[4])
    own = tuple(t for t in toks[:-1] if _low(t) not in DETERMINERS)
    if poss is None and own:  # "a government statement", "a Pentagon statement": its issuer
        res = _classify(own, story, pos)
        if res is not None and res[1] == "organization":
            return Attribution(res[0], res[1], res[2], p.mention, res[4])
    issuer = story.issuer(p.head, pos)
    if issuer is not None:  # "The office released a report on Monday. … the report says"
        return Attribution(issuer[0], issuer[1], issuer[2], p.mention, issuer[3])
    ls = story.last_org or story.last_speaker
    if ls and ls[1] in ("organization", "person"):
        return Attribution(ls[0], ls[1], ls[2], p.mention, None)
    return Attribution("statement", "organization", p.mention, p.mention, None)


def _anonymous_phrase(p: _Phrase, story, pos):
    """"a U.S. official", "two people familiar with the talks": an unnamed source ("the official"
    is the one met before); "the spokesman", "the veteran diplomat": the story's person with that
    role when there is one; "the House of Representatives" is a body."""
    toks, head, det = p.toks, p.head, p.det
    if head not in ANON_HEADS:
        return _NEXT
    if len(toks) > 2 and toks[-1][:1].isupper() and toks[-2] == "of" and _is_cap(toks[-3]):
        return Attribution(" ".join(t for t in toks if _low(t) not in DETERMINERS), "organization",
                           p.mention, p.mention, None)
    hk = head.rstrip("s")
    if det in ("the", "that", "this", "these", "those") and hk in story.last_anon:
        return Attribution(story.last_anon[hk], "anonymous", p.mention, p.mention, None)
    if det == "the" and (head in ROLE_HEADS or head in _ROLE_NORMALISE) and not head.endswith("s"):
        ent = story.by_role(head, [w for w in p.low[:-1] if w not in DETERMINERS], pos)
        if ent is not None:
            return _person(ent, p.mention)
    sp = "unnamed " + " ".join(_anonymous_words(toks))
    story.last_anon[hk] = sp
    return Attribution(sp, "anonymous", p.mention, p.mention, None)


def _anonymous_words(toks) -> list:
    """The words of an unnamed source's description: no determiner, no opening conjunction ("But
    people"), no second "unnamed", and a common word capitalised only because it opens the sentence
    written small ("Foreign officials", "Officials"; not "State Department official")."""
    words = [t for t in toks if _low(t) not in DETERMINERS and _low(t) != "unnamed"]
    while len(words) > 1 and _low(words[0]) in _OPENING_CONJUNCTIONS:
        words = words[1:]
    first = words[0].lower() if words else ""
    if words and words[0].istitle() and first in _non_name_words() and first not in ORG_WORDS \
            and not _PARTY_WORDS.fullmatch(first.rstrip("s")) and (len(words) == 1 or words[1][:1].islower()):
        words[0] = words[0].lower()
    return words


_OPENING_CONJUNCTIONS = frozenset(lexicon.words("opening_conjunctions"))


def _organization_phrase(p: _Phrase, story, pos):
    """"the newspaper" (the outlet named last), "the group" (the organisation met last), "the
    ministry", "Kurdish forces" (an organisation word at the end)."""
    toks, head, det = p.toks, p.head, p.det
    if head in _MEDIA_HEADS and det == "the":
        outlet = story.outlet_before(pos)
        if outlet:  # "… by the WSJ on Friday. “Q,” the newspaper reported"
            return Attribution(outlet, "organization", p.mention, p.mention, None)
    if head in _GENERIC_ORG and det in ("the", "this", "that") and story.last_org is not None \
            and not any(_is_cap(t) for t in toks[1:]):
        lo = story.last_org
        return Attribution(lo[0], lo[1], lo[2], p.mention, None)
    if head in ORG_WORDS and not toks[-1][:1].isupper() and head not in ("party", "unit", "units"):
        name = " ".join(t for t in toks if _low(t) not in DETERMINERS)
        return Attribution(name, "organization", p.mention, p.mention, None)
    return _NEXT


def _role_phrase(p: _Phrase, story, pos):
    """"a senior commander" (unnamed), "the Kentucky senator" (the story's person with that role),
    "the commander" after "a senior commander took the floor" (that unnamed source)."""
    if p.head.endswith("s") and p.head[:-1] in ROLE_HEADS and p.head not in ROLE_HEADS:
        # "Former U.S. envoys", "two senators": several people with that role, unnamed
        desc = " ".join(t for t in p.toks if _low(t) not in DETERMINERS)
        return Attribution("unnamed " + desc, "anonymous", p.mention, p.mention, None)
    if not (p.head in ROLE_HEADS or (p.caps and _parse_run(p.caps[-1])[2] == "role")):
        return _NEXT
    if p.det in ("a", "an", "one"):
        return Attribution("unnamed " + " ".join(p.toks[1:]), "anonymous", p.mention, p.mention, None)
    ent = story.by_role(p.head, [w for w in p.low[:-1] if w not in DETERMINERS], pos)
    if ent is not None:
        # "another commander was looking ahead … “Q,” the commander said": the unnamed one met since
        desc = story.unnamed_before(p.head, pos, since=_last_before(ent, pos)) if p.det == "the" else ""
        if desc:
            return Attribution("unnamed " + desc, "anonymous", p.mention, p.mention, None)
        return _person(ent, p.mention)
    desc = story.unnamed_before(p.head, pos)
    if desc:
        return Attribution("unnamed " + desc, "anonymous", p.mention, p.mention, None)
    return Attribution("", "unknown", p.mention, p.mention, None)


def _capitalised_phrase(p: _Phrase, story, pos):
    """A capitalised run that is an organisation or a place speaking as one ("the Pentagon",
    "NATO", an acronym the story spelled out)."""
    if not p.caps:
        return None
    run = p.caps[-1]
    _, _, kind = _parse_run(run)
    if not (kind in ("org", "place") or (kind is None and run)):
        return None
    name_s = " ".join(_strip_poss(t)[0] for t in run if _low(t) not in COMMON_CAPS)
    if len(run) == 1 and run[0] in story.orgs:
        name_s = story.orgs[run[0]]
    return Attribution(name_s, "organization", "", p.mention, None) if name_s else None


def _unnamed_for_phrase(p: _Phrase, story, pos):
    """"A spokesman for Clinton", "an aide to the president", "one lawyer for the family": an unnamed
    source of the one named after "for"/"to", not that one."""
    toks = p.toks
    if len(toks) < 4 or p.det not in ("a", "an", "one"):
        return _NEXT
    if not any(p.low[i] in ("for", "to") and p.low[i - 1] in ANON_HEADS for i in range(2, len(toks) - 1)):
        return _NEXT
    desc = " ".join(t for t in toks[1:] if _low(t) not in ("a", "an", "one"))
    return Attribution("unnamed " + desc, "anonymous", p.mention, p.mention, None)


#: the rules of :func:`_classify`, in order: the first that decides gives the speaker
PHRASE_RULES = (_pronoun_phrase, _unnamed_for_phrase, _name_phrase, _statement_phrase, _anonymous_phrase,
                _organization_phrase, _role_phrase, _capitalised_phrase)


def _classify(toks, story: _Story, pos: int):
    """The :class:`Attribution` (speaker, kind, role, mention, entity) of a speaker phrase, or None."""
    if not toks:
        return None
    p = _phrase(toks)
    for rule in PHRASE_RULES:
        got = rule(p, story, pos)
        if got is not _NEXT:
            return got
    return None


# --------------------------------------------------------------------------- attribution
@functools.lru_cache(maxsize=65536)
def _find_cues(s: str):
    """Reporting-verb matches in ``s`` (a tuple of match objects)."""
    return tuple(_CUE_RE.finditer(s))


def _clause_before(text: str):
    """Split the text before a cue into comma chunks, last first, skipping appositives."""
    chunks = _PHRASE_SEPARATOR_RE.split(text)
    return [c for c in reversed(chunks)]


@functools.lru_cache(maxsize=65536)
def _clause_chunks(before: str):
    """Stripped comma chunks of the text before a cue, last first, leading empty ones dropped."""
    chunks = [c.strip() for c in _clause_before(before)]
    while chunks and not chunks[0]:
        chunks.pop(0)
    return tuple(chunks)


def _word_count(q: str) -> int:
    """Words in a quotation (``quote_words``)."""
    return len(_COUNTED_WORD_RE.findall(q))


def _speech_cues(s: str):
    """_SPEECH_RE matches in ``s`` (a tuple)."""
    return tuple(_SPEECH_RE.finditer(s))


def _is_apposition(chunk: str) -> bool:
    """A comma chunk that describes rather than names: a party tag ("R-Tenn."), or a phrase
    opening with a determiner or a lower-case word."""
    words = chunk.split()
    return bool(words) and (bool(PARTY_STATE.match(chunk)) or _low(words[0]) in ("a", "an", "the")
                            or (chunk[:1].islower() and _low(words[0]) not in PRONOUNS))


def _own_clause(words, np) -> bool:
    """Does a name open its own clause right before the cue ("…, a Christian who applauded when
    Trump said")?  Then it is the speaker, not the apposition's head before the comma."""
    if not np or not _is_cap(np[-1]):
        return False
    k = len(words) - len(np) - 1
    return k >= 1 and words[k].lower() in _SUBORDINATORS


def _speaker_before(pre: str, cue_m, story, pos, sent_text_before_cue_full=None):
    """Speaker phrase before a cue (X said / X, a senator, said / X, who ..., said)."""
    before = pre[:cue_m.start()]
    chunks = _clause_chunks(before)
    if not chunks:
        return None
    ch = chunks[0]
    words = ch.split()
    first = _low(words[0]) if words else ""
    np = _np_tail(ch)
    prev_res = None
    if len(chunks) > 1 and not _own_clause(words, np):
        relative = first in ("who", "which", "whose", "himself", "herself", "themselves") or \
            (first in PREPOSITIONS and first not in ("meeting", "met")) or first in ("speaking", "according")
        appos = relative or first in ("a", "an", "the") or PARTY_STATE.match(ch) or \
            _SMALL_NUMBER_RE.fullmatch(ch) or (ch[:1].islower() and first not in PRONOUNS) or \
            (np and _low(np[-1]) in ROLE_HEADS and not (np and _is_cap(np[-1]) and len(np) > 1 and
                                                      _parse_run([t for t in np if _is_cap(t)])[2] == "person"))
        if appos:
            # walk back over further appositions and party tags ("Sen. Bob Corker, R-Tenn., the
            # outgoing chairman of ..., told"): the name is the first chunk that is none of them
            j = 1
            while j + 1 < len(chunks) and j < 4 and _is_apposition(chunks[j]):
                j += 1
            prev_np = _np_tail(chunks[j])
            prev_res = _classify(prev_np, story, pos) if prev_np else None
            named = prev_res is not None and prev_res[4] is not None and \
                _low(prev_res[3]) not in PRONOUNS and any(
                    _is_cap(t) and _low(t) not in _TITLE_OR_DET for t in prev_res[3].split())
            by_role = prev_res is not None and prev_res[1] == "person" and prev_res[4] is not None \
                and _low(prev_res[3].split()[0]) == "the"    # "The veteran diplomat, now a fellow …, says"
            if prev_res is not None and (relative or named or by_role or prev_res[1] == "anonymous"):
                if prev_res[4] is not None and not relative and ch not in prev_res[4].roles:
                    prev_res[4].roles.append(ch)
                return prev_res
    if np:
        res = _classify(np, story, pos)
        if res is not None and res[1] in ("organization",) or res is None:
            # "officials in Kabul", "Former U.S. envoys who worked on Afghanistan": the head before
            pm = _RELATIVE_TAIL_RE.search(ch) or _PLACE_TAIL_RE.search(ch)
            if pm:
                head_np = _np_tail(pm.group(1))
                hres = _classify(head_np, story, pos) if head_np else None
                if hres is not None and hres[1] in ("anonymous", "person"):
                    if hres[1] == "anonymous":
                        full = " ".join(t for t in _tokens(ch[len(ch) - len(ch.lstrip()):]) if t)
                        return (hres[0], hres[1], ch.strip(), hres[3], None)
                    return hres
        return res
    return None


def _subject_of(sentence_part: str, story, pos, last: bool = False):
    """The first (or, with ``last``, the nearest) person/role/pronoun mention
    that no preposition governs; None if there is none."""
    toks = _tokens(sentence_part)
    found = None
    i = 0
    while i < len(toks):
        t = toks[i]
        lt = _low(_strip_poss(t)[0])
        prev = _low(toks[i - 1]) if i else ""
        res = None
        if (prev in PREPOSITIONS or prev == "of") and not (
                prev == "of" and i >= 2 and _is_cap(t) and i + 1 < len(toks) and _is_cap(toks[i + 1])
                and _low(toks[i - 2]) in TITLE_WORDS):
            # ("Secretary of State Mike Pompeo": the run after "of" holds the title's holder)
            i += 1
            while i < len(toks) and _is_cap(toks[i]):
                i += 1
            continue
        if lt in CUE_WORDS:
            i += 1
            continue
        if lt in ("he", "she", "they") and t == _strip_poss(t)[0]:
            res = _classify([t], story, pos)
        elif (lt in ("the", "this", "these", "those") or (i == 0 and lt in ("a", "an", "one"))) and i + 1 < len(toks) \
                and _low(toks[i + 1]) != "of":
            j = i + 1
            while j < len(toks) and j - i <= 4 and _low(toks[j]) not in _ROLE_OR_ANON:
                j += 1
            if j < len(toks) and j - i <= 4 and not _strip_poss(toks[j])[1]:
                res = _classify(toks[i:j + 1], story, pos)
                if res is not None and res[1] == "unknown":
                    res = None
                if res is not None:
                    i = j
        elif _is_cap(t) and not _strip_poss(t)[1]:
            j = i
            while j + 1 < len(toks) and _is_cap(toks[j + 1]):
                j += 1
            # "Hezbollah leader Hassan Nasrallah": a name or organisation before a role word
            k = j + 1
            while k < len(toks) and (_low(toks[k]) in ROLE_HEADS or _low(toks[k]) in TITLE_WORDS
                                     and toks[k] not in ("of", "the", "and", "for")):
                k += 1
            if k > j + 1 and k < len(toks) and _is_cap(toks[k]):
                j = k
                while j + 1 < len(toks) and _is_cap(toks[j + 1]):
                    j += 1
            unnamed = j + 1 < len(toks) and _low(toks[j + 1]) in ANON_HEADS and _low(toks[j + 1]).endswith("s")
            if unnamed:
                j += 1      # "Pentagon officials told …": the unnamed officials, not the Pentagon
            if i == 0 and j == 0 and _surname_key(t) not in story.people and (
                    lt.endswith(("ed", "ing")) or lt in COMMON_CAPS or lt in CUE_WORDS):
                i += 1
                continue  # "Pressed further, she said": an ordinary word opening the sentence
            if prev in ("a", "an") and j == i:
                i += 1
                continue  # "Bart Kerremans — an Americanist at …": a noun after "a", no name
            if not _strip_poss(toks[j])[1]:
                res = _classify(toks[i:j + 1], story, pos)
                if res is not None and res[1] != "person" and not (unnamed and res[1] == "anonymous") and not (
                        res[1] == "organization" and not last and i <= 1 and j + 1 < len(toks)
                        and _low(toks[j + 1]) not in PREPOSITIONS and toks[j + 1] not in (",", "and")
                        and any(_low(x) in ORG_WORDS or (_is_acronym(x) and _low(x) not in PLACES)
                                for x in res[0].split())):
                    res = None  # an organisation counts only as the sentence's opening subject
            i = j
        if res is not None:
            if not last:
                return res
            found = res
        i += 1
    return found


def _attr_post(post: str, story, pos):
    """'"Q," X said' or '"Q," said X' from the words after a quotation."""
    m = _LEADING_SEPARATORS_RE.match(post)
    rest = post[m.end():]
    if not rest:
        return None
    pm = _PER_RE.match(rest)
    if pm:  # '“Q,” per the Indianapolis Star': "per" as "according to"
        np = _np_head(rest[pm.end():])
        res = _classify(np, story, pos) if np else None
        if res is not None and res[1] != "unknown":
            return res, "per"
    qm = _QUOTED_AS_RE.match(rest)
    if qm:  # '“Q,” the newspaper's website quoted Walesa as saying': the one quoted
        np = _np_tail(qm.group(1))
        res = _classify(tuple(np), story, pos) if np else None
        if res is not None and res[1] != "unknown":
            return res, "quoted"
    # a cue word after a determiner is a noun ("the report says", "his post read"), not the verb
    cues = tuple(c for c in _find_cues(rest[:160]) if not _NOUN_BEFORE_RE.search(rest, 0, c.start()))
    if not cues:
        dm = _DASH_NAME_RE.match(post)
        if dm:
            np = _np_head(dm.group(1))
            res = _classify(np, story, pos) if np else None
            if res is not None and res[1] in ("person", "organization"):
                return res, "wrote"
        return None
    cm = cues[0]
    pre = _PASSIVE_QUOTED_RE.sub(" ", rest[:cm.start()])
    cue = cm.group().lower()
    if cue in ("asked", "told") and _BE_VERB_END_RE.search(pre):
        return None     # '“Would you do it again?” he was asked': the question is not his
    if cue in PARTICIPLE_CUES and _AND_NEW_SUBJECT_RE.match(pre):
        return None     # "Pompeo discussing efforts to “negotiate …” and Mnuchin complaining that …": Mnuchin's clause
    if cue == "according to" and pre.rstrip().endswith(","):
        np = _np_head(rest[cm.end():])    # '“Q” after the fall was ..., according to Mardini.'
        res = _classify(np, story, pos) if np else None
        if res is not None and res[1] != "unknown":
            return res, cue
    if "," in pre and not _CLAUSE_END_RE.search(_NON_FINAL_STOP_RE.sub("", pre)):
        res = _apposition_speaker(pre, story, pos)
        if res is not None:
            return res, cue
    if pre.rstrip().endswith(",") and cue not in PARTICIPLE_CUES and cue in SPEECH_VERBS and (
            len(pre.split()) > 16 or _low(pre.split()[0]) in _PREP_AS) and _SENTENCE_LAST_RE.match(rest, cm.end()):
        # "… “to discuss the way ahead” with the admiral and the secretary, said Hoffman.", "“Q” as a
        # SEAL, said Timothy Parlatore, his lawyer.": the sentence's own inverted cue at its end
        np = _np_head(rest[cm.end():])
        res = _classify(np, story, pos) if np else None
        if res is not None and res[1] in ("person", "organization", "anonymous"):
            return res, cue
    em = _END_CUE_RE.search(rest)
    if em and (em.start() > cm.start() or len(pre.split()) > 16 or _CLAUSE_END_RE.search(_NON_FINAL_STOP_RE.sub("", pre))):
        # "Romney “talked to the voters …,” while Obama “did nothing …” or explain …, Brownstein said.":
        # the sentence's own cue at its end, its subject the last comma chunk
        np = _np_tail(em.group(1))
        res = _classify(tuple(np), story, pos) if np and len(np) <= 6 else None
        if res is not None and res[1] in ("person", "organization", "anonymous"):
            return res, em.group(2).lower()
    if len(pre.split()) > 16 or _CLAUSE_END_RE.search(_NON_FINAL_STOP_RE.sub("", pre)):
        return None
    if not pre.strip():
        if cue in PARTICIPLE_CUES:
            return None         # '“Q,” warning that America …': the participle's subject is before
        np = _np_head(rest[cm.end():])
        res = _classify(np, story, pos) if np else None
        if res is not None and _low(np[-1]) in STATEMENT_HEADS:
            res = _statement_source(rest[cm.end():], np, story, pos) or res
        return (res, cue) if res else None
    np = _np_tail(pre)
    res = _classify(np, story, pos) if np else None
    if res is not None and len(np) + 3 >= len([t for t in _tokens(_POSTMOD_RE.sub("", pre.rstrip()))
                                               if t not in (",",)]):
        return res, cue
    if "," in pre:  # 'been “particularly unhelpful” to peace efforts, a senior U.S. commander said'
        tail = pre.rstrip().rsplit(",", 1)[1]
        np2 = _np_tail(tail)
        res = _classify(np2, story, pos) if np2 else None
        if res is not None and res[1] != "unknown" and len(np2) + 1 >= len(_tokens(tail.strip())):
            return res, cue
    # "“Q,” Esper, who flew in on Sunday, said": appositive or relative clause after the name
    if "," in pre:
        res = _speaker_before(rest, cm, story, pos)
        if res is not None and res[3] and rest.find(res[3].split()[0]) <= 2 + len(rest) - len(rest.lstrip()):
            return res, cue
    return None


#: the agent of a passive cue, right after it, up to the quotation: " by Fox News' Megyn Kelly, "
_BY_AGENT_RE = re.compile(r"\s+by\s+(?=[^,;:]{2,80},?\s*$)")
#: the words after a quotation open a new coordinated subject: ' and Treasury Secretary Steve Mnuchin '
_AND_NEW_SUBJECT_RE = re.compile(r"\s*,?\s*and\s+(?:the\s+)?[A-Z]")
_NOUN_BEFORE_RE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|whose|of)\s+$", re.I)
#: the sentence's own cue at its end, after a comma: '…, Brownstein said.'
_END_CUE_RE = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)\s+(" + trie_pattern(SPEECH_VERBS)
                         + r")(?:\s+on\s+\w+day)?\s*[.!?]?[”\"’']?\s*$")
#: the words after an inverted cue that end its sentence: "said Timothy Parlatore, Gallagher’s lawyer."
_SENTENCE_LAST_RE = re.compile(r"\s+[^.;:!?“”\"]{2,120}?[.!?]?[”\"’']?\s*$")
_PREP_AS = PREPOSITIONS | {"as"}
_PER_RE = re.compile(r"per\s+(?=(?:the\s+)?[A-Z])")
_WITH_SUBJECT_RE = re.compile(r"\bwith\s+([^,;:]{2,80}?)\s*$")
#: '“Q,” X was quoted as saying': the passive words between the speaker and the participle cue
#: "Obama was being recognized", "they were described": a passive clause (its subject does not speak)
_PASSIVE_CLAUSE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:being\s+)?\w+ed\b")
#: '“Q,” RIA quoted the ministry as saying': an active "quoted … as saying" after the quotation (its object speaks)
_QUOTED_AS_RE = re.compile(r"[^.;:!?“”\"]{0,80}?\b(?:quoted|cited)\s+((?:a\s+|an\s+|the\s+)?[^,.;:!?“”\"]{1,80}?)\s+as\s+"
                           r"(?:saying|telling|writing|stating)\b")
_PASSIVE_QUOTED_RE = re.compile(r"\s+(?:was|were|is|are|has been|have been)\s+(?:cited|quoted)\s+as\s*$")


def _apposition_speaker(pre: str, story, pos):
    """The speaker of '“Q,” the spokesman, Dmitri Peskov, said' (role, then name) or
    '“Q,” Soner Cagaptay, the director of ... Policy, explained' (name, then role): two parts
    between commas, one a person's name, the other a description starting with a determiner.
    The description becomes the person's role.  None for any other shape."""
    parts = [p.strip() for p in pre.split(",")]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    if len(parts) != 2:
        return None
    for name, desc in ((parts[0], parts[1]), (parts[1], parts[0])):
        toks = _tokens(name)
        dtoks = desc.split()
        tag = bool(PARTY_STATE.match(desc))     # '“Q,” Rep. Frank Wolf, R-Va., wrote'
        # name first, then a role without determiner: "Rep. Mac Thornberry, Texas Republican and ranking member"
        bare_role = desc is parts[1] and any(_low(t) in ROLE_HEADS for t in dtoks[:6])
        if not toks or not dtoks or not (tag or bare_role or _low(dtoks[0]) in DETERMINERS) \
                or not all(_is_cap(t) for t in toks):
            continue
        if desc is parts[0] and not any(_low(t) in ROLE_HEADS or _low(t) in ANON_HEADS for t in dtoks[:6]):
            continue  # role first: "the spokesman, NAME," / "a member of the council, NAME," -- a role noun
        titles, name_toks, kind = _parse_run(toks)
        if kind != "person":
            continue
        res = _classify(tuple(toks), story, pos)
        if res is not None and res[1] == "person" and res[4] is not None:
            if not tag and desc not in res[4].roles:
                res[4].roles.append(desc)
            return res
    return None


_DASH_NAME_RE = re.compile(r"\s*[—–]\s*((?:(?:former|then|the|retired)\s+)?(?:[A-Z][\w.'’\-]*\s*){1,6})(?:\(@\w+\)|,|$|\s+\(|\s+[A-Z][a-z]+ \d)")
_STATEMENT_FROM_RE = re.compile(r"\s+(?:from|by|issued by|released by|of)\s+")


def _statement_source(after: str, np, story, pos):
    """'a statement from the ministry' -> the ministry (or None)."""
    head_words = " ".join(np)
    i = after.find(np[-1])
    if i < 0:
        return None
    m = _STATEMENT_FROM_RE.match(after, i + len(np[-1]))
    if not m:
        return None
    src = _np_head(after[m.end():])
    res = _classify(src, story, pos) if src else None
    return res if res is not None and res[1] != "unknown" else None


_SUBORDINATORS = frozenset(lexicon.words("subordinators"))


def _main_clause_subject(before: str, story, pos):
    """The subject of the clause a participle cue hangs on: past a leading subordinate clause
    ("When Sen. Paul pushed Pompeo ..., the secretary demurred, saying") the main clause's, else the
    first subject of the text."""
    words, body = before.split(None, 1), before.rstrip(" ,")
    if words and words[0].lower() in _SUBORDINATORS and "," in body:
        sub = _subject_of(body[body.rfind(",") + 1:], story, pos)
        if sub is not None:
            return sub
    sub = _subject_of(before, story, pos)
    head, comma, rest = before.partition(",")
    if sub is None and comma and len(head.split()) <= 4:
        sub = _subject_of(rest, story, pos)     # "In response, Pentagon officials told …, and noted"
    return sub


_COORDINATED_CUE_RE = re.compile(r",?\s+(?:and|but)\s+$")


_FOR_PARTICIPLE_RE = re.compile(r"\s+for\s+$")


def _inverted_speaker(before: str, story, pos):
    """The speaker of an inverted cue that closes the text before a participle ("…, said Sen. Richard
    Shelby (R-Ala.), adding"): a person, organisation or unnamed source right after the last
    reporting verb, with nothing but an apposition after it; else None."""
    cues = _find_cues(before)
    if not cues or cues[-1].group().lower() in PARTICIPLE_CUES \
            or not before[:cues[-1].start()].rstrip().endswith(","):
        return None             # not inverted: "FARS reported a spokesperson … as saying"
    after = before[cues[-1].end():]
    np = _np_head(after)
    if not np or len(after.split(",")[0].split()) > len(np) + 1:
        return None
    res = _classify(np, story, pos)
    return res if res is not None and res[1] in ("person", "organization", "anonymous") else None


def _attr_pre(pre: str, story, pos):
    """'X said: "Q"' / 'X called it "a mistake"' from the words before a quotation."""
    # a cue word after a determiner is a noun ("According to the report, “Q”"), not the verb
    cues = tuple(c for c in _find_cues(pre) if not _NOUN_BEFORE_RE.search(pre, 0, c.start()))
    if not cues:
        return None
    cm = cues[-1]
    cue = cm.group().lower()
    if cue == "according to":
        after = pre[cm.end():]
        comma = after.find(",")
        rest = after[comma + 1:].strip() if comma >= 0 else ""
        np = _np_head(after[:comma] if comma >= 0 else after)
        src = _classify(np, story, pos) if np else None
        if rest and src is not None and src[1] in ("person", "organization") and _PASSIVE_CLAUSE_RE.search(rest) \
                and not _MEDIA.search(src[0]) and not _MEDIA.search(" ".join(np)) and _low(np[-1]) not in _MEDIA_HEADS:
            # "According to the committee that awarded him the prize, Obama was recognized “Q”": the
            # subject of a passive clause is spoken of; the source speaks (an outlet relays: see below)
            return src, cue
        if rest and not (_is_apposition(rest) and not _find_cues(rest)):
            # ("according to X, a professor at Y and Z, “Q”": the apposition describes X)
            sub = _subject_of(after[comma + 1:], story, pos)
            if sub is not None:
                return sub, cue
        np = _np_head(after)
        res = _classify(np, story, pos) if np else None
        if res is not None and _low(np[-1]) in STATEMENT_HEADS:
            res = _statement_source(after, np, story, pos) or res
        return (res, cue) if res else None
    # passive "is said to", "was told"; "he was asked by Fox News' Megyn Kelly, “Q”": the asker
    if _BE_VERB_END_RE.search(pre[max(0, cm.start() - 20):cm.start()]) and cue in ("asked", "told") \
            and (bm := _BY_AGENT_RE.match(pre, cm.end())):
        np = _np_head(pre[bm.end():])
        res = _classify(np, story, pos) if np else None
        if res is not None and res[1] in ("person", "organization", "anonymous"):
            return res, cue
    if _BE_VERB_END_RE.search(pre[max(0, cm.start() - 20):cm.start()]) and cue in ("said", "told", "called", "asked", "described"):
        if len(cues) > 1:
            cm = cues[-2]
            cue = cm.group().lower()
        else:
            return None
    if cue in PARTICIPLE_CUES or _CONJUNCTION_END_RE.search(pre[max(0, cm.start() - 10):cm.start()]):
        before = pre[:cm.start()]
        wm = _WITH_SUBJECT_RE.search(before) if cue in PARTICIPLE_CUES else None
        if wm:  # "..., with Attorney General Jeff Sessions calling it a “very fine place”"
            np = _np_tail(wm.group(1))
            res = _classify(np, story, pos) if np else None
            if res is not None and res[1] in ("person", "organization", "anonymous"):
                return res, cue
        said = _inverted_speaker(before, story, pos) if cue in PARTICIPLE_CUES else None
        if said is not None:    # "…, said Sen. Richard Shelby (R-Ala.), adding: “…”"
            return said, cue
        fm = _FOR_PARTICIPLE_RE.search(before) if cue in PARTICIPLE_CUES else None
        if fm:                  # "Trump ripped Sen. Mitt Romney for tweeting that …": the one ripped
            np = _np_tail(before[:fm.start()])
            res = _classify(np, story, pos) if np else None
            if res is not None and res[1] in ("person", "organization", "anonymous"):
                return res, cue
        sub = _main_clause_subject(before, story, pos)
        if sub is not None and sub[1] == "person":
            return sub, cue
        lead = _np_head(before) if cue in PARTICIPLE_CUES else []
        if lead and _is_cap(lead[-1]) and not lead[-1].isupper() and \
                not all(_low(t) in PLACES or _low(t) in DETERMINERS or t == "and" for t in lead):
            # "The Taliban rejected the offer, saying “…”": an organisation (not a place, nor a
            # dateline) opening the sentence is the main clause's subject
            res = _classify(tuple(lead), story, pos)
            if res is not None and res[1] == "organization":
                return res, cue
        return (sub, cue) if sub else None
    res = _speaker_before(pre, cm, story, pos, pre[:cm.start()])
    if res is None and _COORDINATED_CUE_RE.search(pre, 0, cm.start()):
        # "Pentagon officials told Fox News …, and noted they have been “urgently and directly”
        # working": a second verb of the sentence's subject
        res = _subject_of(pre[:cm.start()], story, pos)
    if res is None:
        return None
    return res, cue


# --------------------------------------------------------------------------- per story
def _outside_factory(spans_abs):
    starts = [s for s, _ in spans_abs]

    def outside(p):
        i = bisect.bisect_right(starts, p) - 1
        return i < 0 or p >= spans_abs[i][1]
    return outside


@functools.lru_cache(maxsize=16384)
def _line_spans(w: str, single: bool):
    """Quoted spans of one line: ((start, end, opened, closed), ...), whitespace trimmed,
    spans with no word character dropped; ``single``: the story quotes with single marks."""
    if single:
        found = _single_quote_spans(w)
    elif '"' not in w and "“" not in w and "”" not in w and "«" not in w and "»" not in w:
        head = headline_quote(w) if w[:1] in "‘' \t" else None
        if head is None:
            return ()
        found = [head]      # "'Those days are over'": a subheading quoting the passage below
    else:
        found = double_quote_spans(w)
    marks = QMARKS + ("‘’'" if single else "")
    out = []
    for s, e in found:
        opened = s > 0 and w[s - 1] in marks
        closed = e < len(w) and w[e] in marks
        while s < e and w[s] in " \t":
            s += 1
        while e > s and w[e - 1] in " \t":
            e -= 1
        if e > s and _WORD_CHAR_RE.search(w[s:e]):
            out.append((s, e, opened, closed))
    return tuple(out)


#: capitalised words joined by slashes: a photo credit ("REUTERS/Jane Doe", "Jim Watson/AFP/Getty Images")
_PHOTO_CREDIT_RE = re.compile(r"(?:\b[A-Z][\w&.'’-]*(?: [A-Z][\w.'’-]*){0,3}/)+[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}")


def _after_mark(w: str, e: int) -> int:
    """Where the words after a quotation start: past the closing mark, and past the spaces
    before it when the quotation was written '“Q ” X said'."""
    p = e
    while p < len(w) and w[p] in " \t":
        p += 1
    return p + 1 if p < len(w) and w[p] in _ALL_MARKS else e + 1


def _before_mark(w: str, s: int) -> int:
    """Where the words before a quotation end: before the opening mark (and the spaces after it)."""
    p = s
    while p > 0 and w[p - 1] in " \t":
        p -= 1
    return p - 1 if p > 0 and w[p - 1] in _ALL_MARKS else s - 1


_ALL_MARKS = frozenset(QMARKS + "‘’'")


#: a nickname in quotation marks between a first name and a surname: 'Robert “Bud” McFarlane'
_NICKNAME_RE = re.compile(r"(\b[A-Z][\w.]{0,12} )[“\"][A-Z][\w'’.-]{1,14}[”\"] (?=[A-Z])")
_NICK_AT_RE = re.compile(r"[“\"][A-Z][\w'’.-]{1,14}[”\"] (?=[A-Z])")
_WORD_BEFORE_RE = re.compile(r"\b[A-Z][\w.]{0,12} $")


def _is_nickname(w: str, s: int, e: int) -> bool:
    """Is the quoted span w[s:e] one capitalised word between a first name and a surname?"""
    return s >= 3 and bool(_WORD_BEFORE_RE.search(w, max(0, s - 16), s - 1)) and bool(_NICK_AT_RE.match(w, s - 1))


@functools.lru_cache(maxsize=16384)
def _line_plan(w: str, spans):
    """Everything about one line that does not depend on the rest of the story.

    Out: (bounds, blank, has_cue, sentences, quotes) where ``bounds`` are sentence
    starts, ``blank`` the line with quotations blanked, ``sentences`` per sentence
    (start, end, text, quote_free) and ``quotes`` a :class:`QuoteSlot` per quoted span."""
    bounds = _boundaries(w, spans)
    nb = len(bounds)
    if spans:
        parts, last = [], 0
        for s, e, *_ in spans:
            parts.append(w[last:s])
            parts.append(" " * (e - s))
            last = e
        parts.append(w[last:])
        blank = "".join(parts)
    else:
        blank = w
    if "/" in blank:  # photo credits are no sentence's subject ("… 2019. REUTERS/Jane Doe", "Jim Watson/AFP")
        blank = _PHOTO_CREDIT_RE.sub(lambda m: " " * len(m.group()), blank)
    has_cue = _SPEECH_RE.search(w) is not None if not spans else True
    ends = bounds[1:]
    ends.append(len(w))
    if spans:
        sentences = [(st, en, w[st:en], not any(s < en and e > st for s, e, *_ in spans))
                     for st, en in zip(bounds, ends)]
    else:
        sentences = [(st, en, w[st:en], True) for st, en in zip(bounds, ends)]

    def sent_start(p):
        return bounds[bisect.bisect_right(bounds, p) - 1]

    def sent_end(p):
        k = bisect.bisect_right(bounds, p)
        return bounds[k] if k < nb else len(w)

    quotes = []
    for k, (s, e, opened, closed) in enumerate(spans):
        quote = w[s:e]
        st = sent_start(s)
        prev_end = spans[k - 1][1] + 1 if k else 0
        pre_from = max(st, prev_end)
        pre = w[pre_from:max(pre_from, _before_mark(w, s) if opened else s)]
        j = k + 1
        while j < len(spans) and _is_nickname(w, spans[j][0], spans[j][1]):
            j += 1                  # 'said Robert “Bud” McFarlane': the nickname is part of the name
        nxt = spans[j][0] - 1 if j < len(spans) else len(w)
        post_to = min(max(sent_end(e + 1), e + 1), nxt)
        if _LOWER_CONTINUATION_RE.match(w[e:e + 3]) or (quote and quote[-1] in ",?!—–-"):
            post_to = min(nxt, max(post_to, (w.find(".", e + 2) + 1) or len(w)))
        post = w[_after_mark(w, e) if closed else e:post_to]
        if j > k + 1:
            post = _NICKNAME_RE.sub(r"\1", post)
        ends_comma = bool(quote) and quote.rstrip()[-1:] in (",", "?", "!", "—", "–", "-")
        new_clause = _NEW_CLAUSE_AFTER_COMMA_RE.match(post) if ends_comma else _NEW_CLAUSE_RE.match(post)
        order = ("post", "pre") if ((ends_comma or _COMMA_OR_DASH_RE.match(post)) and not (new_clause and pre.strip())) \
            else ("pre", "post")
        pre_empty = not pre.strip()
        work_title = bool(len(quote) < 80 and _is_work_title(quote) and
                          _TITLE_PREV_RE.search(w[max(0, s - 40):max(0, s - 1)])) or _is_nickname(w, s, e)
        scare = bool(_TERM_MARKER_END_RE.search(pre[-20:]))
        post_subject = bool(_COMMA_AHEAD_RE.match(post) or ends_comma)
        q = quote.rstrip()
        quotes.append(QuoteSlot(s, e, st, pre, post, order, pre_empty, work_title, scare,
                                post_subject, q, _word_count(q)))
    return bounds, blank, has_cue, tuple(sentences), tuple(quotes)


class Attribution(NamedTuple):
    """Who a quotation is credited to, as the passes find it."""
    speaker: str          # canonical name, "unnamed …" description, organisation, or ""
    kind: str             # person | anonymous | organization | unknown
    role: str             # title or description as written
    mention: str          # the words that named the speaker here ("she", "the senator")
    entity: object = None  # the story's _Entity for a person, when known


_NOBODY = Attribution("", "unknown", "", "", None)


class QuoteSlot(NamedTuple):
    """One quoted span of a line, with the slices and flags the attribution passes read."""
    start: int            # offsets in the line
    end: int
    sent_start: int       # start of the sentence holding it
    pre: str              # the sentence's words before it (from the previous quotation on)
    post: str             # the words after it, to the end of the sentence
    order: tuple          # ("post", "pre") or ("pre", "post"): which side to read first
    pre_empty: bool       # nothing but space before it in its sentence
    work_title: bool      # a title of a work after "on", "in", "'s" ("told CBS's “Face the Nation”")
    scare: bool           # a scare-quote marker right before it
    post_subject: bool    # its sentence's subject may follow it ("Claiming “…,” he sent")
    quote: str            # its words
    words: int            # how many


class _Scene(NamedTuple):
    """What the attribution passes know when they look at one quotation."""
    slot: QuoteSlot
    k: int                      # its number in the line
    story: "_Story"
    at: int                     # its story offset
    base: int                   # the line's story offset
    prev_span_start: int | None  # where the line's previous quotation starts
    last_in_par: tuple | None   # (attribution, cue) of the last credited quotation of the paragraph
    prev_par_speaker: tuple | None  # (attribution, cue) carried from the previous paragraph


def _by_cue(sc: _Scene):
    """Rules 1 and 2: a reporting verb after or before the quotation in its sentence."""
    slot = sc.slot
    for which in slot.order:
        got = _attr_post(slot.post, sc.story, sc.at) if which == "post" else _attr_pre(_pre_words(sc), sc.story, sc.at)
        if got:
            break
    else:
        return None
    res, cue = got
    if which == "post" and cue in _RELAY_CUES and res[1] == "organization":
        return _relayed_speaker(sc) or got
    return got


def _pre_words(sc: _Scene) -> str:
    """The words a quotation's "before" side is read in: from the previous quotation of the sentence
    on, or, when those end in a participle cue ("…“A,” warning that America “B.”"), the whole
    sentence before it, so that the participle finds the subject of its clause."""
    pre, slot = sc.slot.pre, sc.slot
    if sc.prev_span_start is None or sc.prev_span_start < sc.base + slot.sent_start:
        return pre
    cues = _find_cues(pre)
    if not cues or cues[-1].group().lower() not in PARTICIPLE_CUES:
        return pre
    return sc.story.text[sc.base + slot.sent_start:sc.at].rstrip(" “\"‘'") + " "


#: cues after which an organisation relays someone's words rather than speaking itself
_RELAY_CUES = frozenset(("according to", "reported", "reports", "reporting"))


def _relayed_speaker(sc: _Scene):
    """The person whose words an organisation relays: '“Q,” according to a statement from his
    office' after 'X asked that'; 'Mattis' recent comment that the group “will resurge”, according
    to NBC News'; 'Trump called him “…,” saying “Q,” NBC reported' (the sentence's earlier
    quotation is the person's).  None when the sentence names nobody else."""
    slot = sc.slot
    if not slot.pre_empty:
        pm = _CLAIM_OF_RE.search(slot.pre)
        if pm:
            np = _np_tail(pm.group(1))
            res = _classify(tuple(np), sc.story, sc.at) if np else None
            if res is not None and res[1] == "person":
                return res, ""
        alt = _attr_pre(slot.pre, sc.story, sc.at)
        if alt is not None and alt[0][1] in ("person", "anonymous"):
            return alt
    last = sc.last_in_par
    if sc.k and last is not None and last[0][1] == "person" and slot.sent_start <= sc.prev_span_start:
        return last
    return None


def _by_previous_quotation(sc: _Scene):
    """Rule 3: an interrupted quotation ('“Q1,” X said, “Q2”') keeps the speaker of the one before."""
    if sc.k and sc.last_in_par and (sc.slot.sent_start <= sc.prev_span_start or sc.slot.pre_empty):
        return sc.last_in_par
    return None


def _by_continued_paragraph(sc: _Scene):
    """Rule 4: a paragraph opening with a quotation mark continues the previous paragraph's speaker."""
    if sc.k == 0 and sc.slot.start <= 1 and sc.prev_par_speaker is not None:
        return sc.prev_par_speaker
    return None


def _by_nearest_subject(sc: _Scene):
    """Rule 6: a partial quotation with no reporting verb is the nearest subject's words."""
    slot = sc.slot
    if slot.pre_empty:
        return None
    pm = _CLAIM_OF_RE.search(slot.pre)
    if pm:  # "Trump's claim that the general planned an “imminent” attack": the claim is Trump's
        np = _np_tail(pm.group(1))
        res = _classify(tuple(np), sc.story, sc.at) if np else None
        if res is not None and res[1] != "unknown":
            return res, ""
    # "Hunt said he had spoken with Zarif and “expressed extreme disappointment”": a quotation
    # that is the second verb of the sentence's subject, not the words of the object before "and"
    second_verb = slot.pre.rstrip().endswith(" and") and slot.quote[:1].islower()
    bm = _CLAIM_BY_RE.search(slot.pre)
    if bm:  # "an assessment by Director James R. Clapper in September 2014 that agencies “underestimated”"
        np = _np_tail(bm.group(1))
        res = _classify(tuple(np), sc.story, sc.at) if np else None
        if res is not None and res[1] in ("person", "organization"):
            return res, ""
    sub = _subject_of(slot.pre, sc.story, sc.at, last=not second_verb)
    if sub is None and slot.post_subject:
        sub = _subject_of(slot.post.split(".")[0], sc.story, sc.at)
    return (sub, "") if sub is not None else None


def _by_previous_sentence(sc: _Scene):
    """Rule 5: a whole-sentence quotation right after a sentence that reports speech
    ('Trump took to Twitter. “Q.”') continues that sentence's speaker (also when the quotation
    opens the next paragraph)."""
    slot, story = sc.slot, sc.story
    st = slot.sent_start
    if not (slot.pre_empty and (st > 0 or (sc.k == 0 and slot.start <= 1))):
        return None
    prev_i = bisect.bisect_right(story.sent_starts, sc.base + st - 1) - 1
    if prev_i < 0 or not (story.sent_starts[prev_i] >= sc.base or st == 0):
        return None
    blank_p, a_p, b_p = story.sent_texts[prev_i]
    if not (_CUE_RE.search(blank_p, a_p, b_p) or blank_p[a_p:b_p].rstrip().endswith(":")):
        return None
    subj = story.subject_at(prev_i)
    if isinstance(subj, _Entity):
        return (subj.full, "person", subj.roles[0] if subj.roles else "", subj.full, subj), ""
    if subj is not None:
        return (subj[0], subj[1], subj[2], subj[0], None), ""
    return None


def _by_earlier_in_paragraph(sc: _Scene):
    """Last resort before unknown: the last credited quotation of the paragraph."""
    return sc.last_in_par if sc.k and sc.last_in_par else None


#: "X's claim that …": a noun of saying owned by its speaker
_CLAIM_NOUNS = lexicon.words("claim_nouns")
#: the claim nouns and their plurals, longest first, as one alternation
_CLAIM_NOUN_ALT = "|".join(sorted((re.escape(w) + "s?" for w in _CLAIM_NOUNS), key=len, reverse=True))
_CLAIM_OF_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'-]*?)(?:['’]s|(?<=s)['’])\s+(?:\w+\s+)?(?:"
                          + _CLAIM_NOUN_ALT
                          + r")\s+(?:(?:was|is|has\s+been)\s+)?(?:that|of|about)\b")


#: "judging from Mr. Panetta’s comments": a person's words named by a possessive and a claim noun
_CLAIMANT_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'-]*?)(?:['’]s|(?<=s)['’])\s+(?:\w+\s+)?(?:"
                          + _CLAIM_NOUN_ALT
                          + r")\b")


#: "an assessment by Director of National Intelligence James R. Clapper in 2014 that …"
_CLAIM_BY_RE = re.compile(r"\b(?:" + _CLAIM_NOUN_ALT
                          + r")\s+by\s+((?:[A-Z][\w.'’-]*\s+(?:of\s+)?){0,6}[A-Z][\w'’-]*)[^.;“\"]{0,40}?\bthat\s+[^“\"]*$")


def _claimant(sentence: str, story, pos):
    """A sentence with no person as its subject, about someone's words ("The experience … was
    frustrating, judging from Mr. Panetta's comments."): that person, for a "he" that follows."""
    m = _CLAIMANT_RE.search(sentence)
    if not m:
        return None
    np = _np_tail(m.group(1))
    res = _classify(tuple(np), story, pos) if np else None
    return res if res is not None and res[1] == "person" else None


#: The attribution passes of the README's counting rules, in order: the first that gives an
#: (attribution, cue) credits the quotation; none: the speaker is unknown.
def _by_claim_clause(sc: _Scene):
    """Rule 0: a quotation inside the clause a possessor's noun of saying opens, with no reporting
    verb after that noun, is the possessor's words: 'Two officials said the strike was no shift,
    despite Mike Pompeo's comments on Sunday that the U.S. was targeting Iran's “actual
    decision-makers”' (Pompeo; also 'her comments that “…”', the pronoun resolved)."""
    slot = sc.slot
    if slot.pre_empty or not _CLAIM_NOUN_ANY.search(slot.pre):
        return None
    m = None
    for m in _CLAIM_CLAUSE_RE.finditer(slot.pre):
        pass
    if m is None or len(slot.pre) - m.end() > 160 or _find_cues(slot.pre[m.end():]):
        return None
    if m.group(1):
        ref = sc.story.pronoun("he" if _low(m.group(1)) == "his" else "she", sc.at)
        if _low(m.group(1)) == "her" and isinstance(ref, _Entity) and sc.story._gender(ref) != "f":
            ref = sc.story.woman_before(sc.at)      # "her" is a woman, not the nearest person of unknown gender
        return (_person(ref, m.group(1)), "") if isinstance(ref, _Entity) else None
    np = _np_tail(m.group(2))
    res = _classify(tuple(np), sc.story, sc.at) if np else None
    return (res, "") if res is not None and res[1] == "person" else None


#: its pre-filter: a text with no claim noun in it holds no claim clause
_CLAIM_NOUN_ANY = lexicon.anywhere(_CLAIM_NOUNS)
#: "Mike Pompeo's comments on Sunday that", "her comments before a House committee that": a
#: possessor (a name, or "his"/"her"), a claim noun, up to six words, "that"
_CLAIM_CLAUSE_RE = re.compile(r"(?:\b(his|her)|((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'-]*?)(?:['’]s|(?<=s)['’]))\s+"
                              r"(?:\w+\s+)?(?:" + _CLAIM_NOUN_ALT + r")\s+(?:[\w.-]+\s+){0,6}?that\s+[^“\"”]*$")


ATTRIBUTION_PASSES = (_by_claim_clause, _by_cue, _by_previous_quotation, _by_continued_paragraph, _by_nearest_subject,
                      _by_previous_sentence, _by_earlier_in_paragraph)


def _attribute(sc: _Scene):
    """(:class:`Attribution`, cue) for one quotation from the first pass that finds one, or None."""
    for attribution_pass in ATTRIBUTION_PASSES:
        got = attribution_pass(sc)
        if got is not None:
            res, cue = got
            return (res if isinstance(res, Attribution) else Attribution(*res)), cue
    return None


def _row_start(r):
    return r["start"]


def _line_layout(pars):
    """Each line's story offset and paragraph number.  k blank lines between two lines of text
    are k + 1 newlines, so (k + 1) // 2 paragraph breaks, counted in one pass; a line of spaces
    or tabs counts as blank, as in segment.paragraph_offsets."""
    offsets, par_no = [], []
    o, done_pairs, run = 0, 0, -1
    for p in pars:
        offsets.append(o)
        o += len(p) + 1
        run += 1
        par_no.append(done_pairs + run // 2)
        if p and p.strip(" \t"):
            done_pairs += run // 2
            run = 0
    return offsets, par_no


class _Line(NamedTuple):
    """One line of a story as the quotation finder reads it."""
    article_id: str
    paragraph: int
    base: int                   # its story offset
    text: str                   # the working text (page furniture masked)
    spans: tuple                # its quotation spans
    bounds: tuple               # sentence starts
    has_cue: bool
    sentences: tuple            # (start, end, sentence, quote-free) each
    quotes: tuple               # QuoteSlot each


class _ReportedScan:
    """Reported speech ("X said (that) …") in a line's quote-free sentences, read in order up to
    each quotation, so that a pronoun after it finds the speaker."""

    def __init__(self, line: _Line, story, rows):
        self.line, self.story, self.rows, self.done = line, story, rows, 0

    def upto(self, limit):
        line = self.line
        while self.done < len(line.bounds) and line.bounds[self.done] < limit:
            si = self.done
            self.done += 1
            if line.has_cue:
                self._sentence(*line.sentences[si])

    def _sentence(self, st, en, sent, free):
        line, story = self.line, self.story
        row = _reported(sent, story, line.base + st) if free else None
        if row is None:
            return
        res, cue, q_s, q_e = row
        q = sent[q_s:q_e].strip(" ,.;")
        if len(q.split()) < 3:
            return
        qs = line.base + st + sent.find(q, q_s)
        self.rows.append({
            "article_id": line.article_id, "paragraph": line.paragraph, "quote": q,
            "speaker": res[0], "speaker_kind": res[1], "speaker_role": res[2], "cue": cue,
            "direct": False, "start": qs, "end": qs + len(q),
            "quote_words": _word_count(q), "mention": res[3], "nested": False,
        })
        if res[1] != "unknown":
            story.spoke(res, cue, line.base + st)


def _direct_row(line: _Line, k: int, story, last_in_par, prev_par_speaker, rows):
    """Credit the k-th quotation of a line (the attribution passes), append its row and those of
    the quotations nested in it; returns the paragraph's last credited (attribution, cue)."""
    slot = line.quotes[k]
    qa, q = line.base + slot.start, slot.quote
    scene = _Scene(slot, k, story, qa, line.base, line.spans[k - 1][0] if k else None, last_in_par,
                   prev_par_speaker)
    got = _attribute(scene)
    res, cue = got if got is not None else (None, None)
    # titles of works ("told CBS's “Face the Nation”") and scare quotes with nobody behind
    # them are terms: kept in the table, never anyone's words
    term = slot.work_title or (res is None and slot.scare)
    if res is None or slot.work_title:
        res, cue = _NOBODY, ""
    ent = res.entity
    if ent is not None and res.mention.lower() in ("she", "he"):
        ent.gender = ent.gender or ("f" if res.mention.lower() == "she" else "m")
    if res.kind != "unknown" and not term:
        last_in_par = (res, cue)
        story.spoke(res, cue, line.base + slot.sent_start)
        if ent is not None:
            ent.last = max(ent.last, qa)
    rows.append({
        "article_id": line.article_id, "paragraph": line.paragraph, "quote": q,
        "speaker": res.speaker, "speaker_kind": res.kind, "speaker_role": res.role, "cue": cue or "",
        "direct": True, "start": qa, "end": qa + len(q),
        "quote_words": slot.words, "mention": res.mention, "term": term, "nested": False,
    })
    if "‘" in q or "'" in q:
        rows.extend(_nested_quotes(line.article_id, line.paragraph, q, qa, story, res))
    return last_in_par


def _line_rows(line: _Line, story, prev_par_speaker):
    """The rows of one line: its direct quotations and its reported speech, in text order;
    and the paragraph's last credited (attribution, cue)."""
    rows = []
    reported = _ReportedScan(line, story, rows)
    last_in_par = None
    for k, slot in enumerate(line.quotes):
        reported.upto(slot.sent_start)
        last_in_par = _direct_row(line, k, story, last_in_par, prev_par_speaker, rows)
    reported.upto(len(line.text) + 1)
    _share_sentence_speaker(line, rows)
    if len(rows) > 1:
        rows.sort(key=_row_start)
    return rows, last_in_par


def _credit(row: dict, speaker, kind, role, cue, mention) -> None:
    """Give an uncredited row the speaker a later pass found for it."""
    row.update(speaker=speaker, speaker_kind=kind, speaker_role=role, cue=cue, mention=mention)


def _share_sentence_speaker(line: _Line, rows) -> None:
    """'… was “A,” and its “B,” said X': a quotation with no speaker takes the one a later
    quotation of its sentence is credited to by a reporting verb."""
    direct = [r for r in rows if r["direct"] and not r["nested"]]
    if len(direct) < 2:
        return
    sent_of = {line.base + q.start: q.sent_start for q in line.quotes}
    ends_in_cue = {st for st, en, _s, _f in line.sentences if _END_CUE_RE.search(line.text, st, en)}
    for i, r in enumerate(direct):
        st = sent_of.get(r["start"])
        # a partial quotation given to the nearest subject, in a sentence that ends ", Brownstein said.",
        # is the words of that sentence's speaker too
        if not (r["speaker_kind"] == "unknown" or (not r["cue"] and st in ends_in_cue)) \
                or r.get("term") or r["quote_words"] < 3:
            continue                # a word or two with nobody behind it is a term, not words
        later = next((x for x in direct[i + 1:] if sent_of.get(x["start"]) == st and x["cue"]
                      and x["speaker_kind"] != "unknown" and not x.get("term")), None)
        if later is not None:
            _credit(r, later["speaker"], later["speaker_kind"], later["speaker_role"], later["cue"], later["mention"])


def _story_quotes(article_id, text):
    """The quotation rows of one story, line by line (a story may come with single newlines;
    ``paragraph`` in the output is still segment.paragraph_offsets' index)."""
    rows = []
    if not isinstance(text, str) or not text.strip():
        return rows
    pars = text.split("\n")
    offsets, par_no = _line_layout(pars)
    junk = _junk_paragraphs(pars)
    work = [(" " * len(p) if i in junk else _mask_junk(p)) for i, p in enumerate(pars)]
    masked = "\n".join(work)
    # British tabloids quote with single marks; they count only in a story with no double marks
    single = uses_single_marks(masked)
    par_spans = [_line_spans(w, single) for w in work]
    spans_abs = [(offsets[i] + s, offsets[i] + e) for i, sp in enumerate(par_spans) for s, e, *_ in sp]
    story = _Story(masked)
    _scan_people(story, masked, _outside_factory(spans_abs), work)
    carry = _ParagraphCarry()
    for pi, w in enumerate(work):
        if pi in junk or not w.strip():
            continue
        spans = par_spans[pi]
        bounds, blank, has_cue, sentences, quotes = _line_plan(w, spans)
        base = offsets[pi]
        # sentences, with quotations blanked, for pronoun resolution
        story.sent_starts.extend([base + st for st, _en, _sent, _free in sentences])
        story.sent_texts.extend([(blank, st, en) for st, en, _sent, _free in sentences])
        line = _Line(article_id, par_no[pi], base, w, spans, bounds, has_cue, sentences, quotes)
        before = (len(story.sent_starts) - len(sentences), story.last_speaker, story.last_org)
        line_rows, last_in_par = _line_rows(line, story, carry.speaker)
        rows.extend(line_rows)
        carry.update(line, line_rows, last_in_par, story)
        if _CAPTION_MARKER.search(w) or _is_title_line(w):
            # a gallery caption, a link title: no antecedent for what follows
            story.skip_sents.update(range(before[0], len(story.sent_starts)))
            story.last_speaker, story.last_org, carry.speaker = before[1], before[2], None
    _stray_cues(rows, work, offsets, story)
    _credit_quotes(rows, work, offsets, story)
    if not single:
        _headline_speakers(rows, work, offsets)
    return rows


def _headline_speakers(rows, work, offsets, lines_ahead: int = 4) -> None:
    """A subheading that quotes the passage below it ("'Those days are over'" over Trump's words) is
    the words of the first quotation credited in the next few lines (one holding its words first),
    not of the paragraph above it."""
    heads = [(i, r) for i, r in enumerate(rows) if r["direct"]
             and headline_quote(work[bisect.bisect_right(offsets, r["start"]) - 1]) is not None]
    for i, r in heads:
        li = bisect.bisect_right(offsets, r["start"]) - 1
        last = li + 2 * lines_ahead + 1          # lines counted with the blank lines between them
        limit = offsets[last] if last < len(offsets) else float("inf")
        below = [x for x in rows[i + 1:] if x["direct"] and not x.get("nested") and x["start"] <= limit
                 and x["speaker_kind"] != "unknown" and not x.get("term")]
        words = _norm_words(r["quote"])
        pick = next((x for x in below if words and words in _norm_words(x["quote"])), below[0] if below else None)
        if pick is not None:
            _credit(r, pick["speaker"], pick["speaker_kind"], pick["speaker_role"], "headline", pick["mention"])
        else:
            _credit(r, "", "unknown", "", "", "")


def _norm_words(s: str) -> str:
    """Lower-case words of a quotation joined by single spaces (for "the same words" tests)."""
    return " ".join(re.findall(r"[\w’']+", s.lower()))


#: a line that is only an attribution, cut from its quotation by a page's paragraphing: "she said."
_STRAY_CUE_LINE_RE = re.compile(r"\s*[a-z][^\"“”]{0,60}[.,]?\s*$")


def _stray_cues(rows, work, offsets, story) -> None:
    """“Q” ¶ she said. — an attribution standing alone on the line after a quotation gives its
    speaker to that line's last uncredited quotation."""
    if not rows:
        return
    last_of_line = {}
    for r in rows:
        if r["direct"] and not r.get("nested"):
            last_of_line[bisect.bisect_right(offsets, r["start"]) - 1] = r
    for li, line in enumerate(work):
        if not line.strip() or not _STRAY_CUE_LINE_RE.fullmatch(line) or not _find_cues(line):
            continue
        k = li - 1
        while k >= 0 and not work[k].strip():
            k -= 1
        r = last_of_line.get(k)
        if r is None or r["speaker_kind"] != "unknown" or r.get("term") \
                or not work[k].rstrip().endswith(("”", '"')):
            continue
        got = _attr_post(", " + line.strip(), story, offsets[li])
        if got is not None and got[0][1] != "unknown":
            res, cue = got
            _credit(r, res[0], res[1], res[2], cue, res[3])


class _ParagraphCarry:
    """Rule 4's state: the speaker a quotation opening the next paragraph continues."""

    def __init__(self):
        self.speaker = None         # (attribution, cue)
        self.open = False           # the last paragraph ended inside a quotation

    def update(self, line: _Line, rows, last_in_par, story):
        spans = line.spans
        if rows and any(r["direct"] and r["speaker_kind"] != "unknown" for r in rows):
            self.speaker = last_in_par if last_in_par else None
            self.open = bool(spans) and not spans[-1][3]
        elif spans:
            self.speaker = None
        else:
            self.speaker = None if not self.open else self.speaker
            self.open = False
            w = line.text
            if w.rstrip().endswith(":"):
                # 'Trump said in a statement:' introduces the quotation in the next paragraph
                got = _attr_pre(w[line.bounds[-1]:].rstrip() + " ", story, line.base + len(w))
                if got is not None and got[0][1] != "unknown":
                    self.speaker = got


#: inside a quotation: "people are saying: ‘…’", "…, people saying, ‘…’" (a subject and a present participle)
_NESTED_SAYING_RE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|now|even|so)\s+)((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
                               r"(?:(?:is|are|was|were|keep|kept)\s+)?(saying|telling\s+\w+|asking|shouting|chanting|"
                               r"writing|tweeting|calling)\W*$", re.I)


#: the speaker's own thought inside a quotation: "I thought, ‘…’", "we told ourselves: ‘…’"
_FIRST_PERSON_THOUGHT_RE = re.compile(r"\b(?:I|we)\s+(?:thought|think|wondered|told\s+(?:myself|ourselves))\W*$")
#: someone else named inside a quotation before a nested one ("for her to say", "so that Democrats can
#: say", "some who say", "They used to tell me")
_THIRD_PARTY_RE = re.compile(r"\b(?i:he|she|him|her|they|them|his|their|who|some|others|people)\b"
                             r"|(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def _nested_quotes(article_id, paragraph, quote, qa, story, outer=None):
    """Quotations inside a quotation, in single marks ("People are saying, ‘Can I bring our
    people home?’ We are ..."): a row each (``nested`` True), credited to the speaker the outer
    quotation names before them ("People are saying, ‘…’" -> people; "Obama promised ‘…’" -> Obama),
    else nobody.  ``quote_kind`` then tells words from terms, as for every row.  A mark left open
    is an apostrophe or a slip, not a quotation."""
    rows = []
    for s, e in _single_quote_spans(quote):
        if e >= len(quote) or quote[e] not in "’'":
            continue
        inner = quote[s:e]
        if not any(c.isalpha() for c in inner):
            continue
        pre = quote[:max(0, s - 1)]
        cut = max(pre.rfind(". "), pre.rfind("? "), pre.rfind("! "))
        pre = pre[cut + 2:] if cut >= 0 else pre
        got = _attr_pre(pre, story, qa + s) if pre.strip() else None
        if got is None and (pm := _NESTED_SAYING_RE.search(pre)):
            np = _np_tail(pm.group(1))      # "… even in Washington, people saying, ‘…’": those people
            r = _classify(tuple(np), story, qa + s) if np else None
            got = (r, pm.group(2).lower()) if r is not None and r[1] != "unknown" else None
        res = got[0] if got is not None else None
        if res is not None and not isinstance(res, Attribution):
            res = Attribution(*res)
        if (res is None or res.kind == "unknown") and outer is not None and outer.kind != "unknown" \
                and _FIRST_PERSON_THOUGHT_RE.search(pre):
            res, got = outer, (outer, "")       # "… I thought, ‘This is not jihad’": the speaker's own thought
        if (res is None or res.kind == "unknown") and outer is not None and outer.kind != "unknown" \
                and _word_count(inner) >= 4 and (cues := _find_cues(pre)) \
                and not _THIRD_PARTY_RE.search(re.split(r"[,;:]", pre[:cues[-1].start()])[-1]):
            # "… is not for us to appease, but is to say, ‘We stand with Israel’": words the outer
            # speaker puts in a mouth the rules cannot name (us, the religions of the world) are theirs
            res, got = outer, (outer, "")
        if res is None or res.kind == "unknown":
            res, cue = _NOBODY, ""
        else:
            cue = got[1]
        rows.append({
            "article_id": article_id, "paragraph": paragraph, "quote": inner,
            "speaker": res.speaker, "speaker_kind": res.kind, "speaker_role": res.role, "cue": cue,
            "direct": True, "start": qa + s, "end": qa + e, "quote_words": _word_count(inner),
            "mention": res.mention, "nested": True,
        })
    return rows


#: A credit line under a quoted passage, as opinion round-ups print it: "Peter Bergen, CNN",
#: "Editorial Board, Washington Post" -- a short line of a name, a comma and an outlet.
_CREDIT_LINE_RE = re.compile(r"^\s*[—–-]?\s*((?:[A-Z][\w.'’-]*\s?){1,4}),\s*((?:The\s)?(?:[A-Z][\w.'’&-]*\s?){1,5})\s*$")
_BOARD_RE = re.compile(r"^(?:The\s)?(?:Editorial\s+Board|Editors|Editorial)$", re.I)


def _credit_quotes(rows, work, offsets, story) -> None:
    """Credit lines give their name to the quotations without a speaker in the paragraphs just
    above them (up to the previous credit line or a paragraph without quotations).  A credit
    line with nothing quoted above it (a byline) credits nobody."""
    if not rows:
        return
    by_line = {}
    for r in rows:
        i = bisect.bisect_right(offsets, r["start"]) - 1
        by_line.setdefault(i, []).append(r)
    for li, line in enumerate(work):
        m = _CREDIT_LINE_RE.match(line) if 0 < len(line) < 90 else None
        if not m:
            continue
        name, outlet = m.group(1).strip(), m.group(2).strip()
        if _BOARD_RE.match(name):
            res = (f"{outlet} editorial board", "organization", name)
        else:
            titles, toks, kind = _parse_run(tuple(name.split()))
            if kind != "person" or len(toks) < 2:
                continue
            res = (" ".join(toks), "person", outlet)
        k = li - 1
        while k >= 0 and (not work[k].strip() or k in by_line):
            for r in by_line.get(k, ()):
                if r["direct"] and r["speaker_kind"] == "unknown" and not r.get("term"):
                    _credit(r, res[0], res[1], res[2], "credit", line.strip())
            k -= 1


_END_TAIL_RE = re.compile(
    r"\s*(?:(?:on|late|early|last|this|in|at)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|recently|earlier|later|(?:[A-Z][a-z]+|a|an|the)(?: [a-z]+)?\s+(?:statement|"
    r"interview|briefing|press conference|tweet|post|email|letter|release))\b[^.]{0,30})?"
    r"(?:\s+(?:to\s+)?(?:reporters|journalists|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))?\s*[.!]?\s*$")
_TAIL_COMMA_RE = re.compile(r"\s*(?:(?:on|late|early|last|this)\s+\w+\s*|[A-Z][a-z]+day\s*|in a statement\s*)?,")
_SAY_VERBS = _W("say said says")
_TELL_VERBS = _W("told tells warned")
_TELL_OBJ_RE = re.compile(r"\s+(?:reporters|journalists|him|her|them|us|me|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|"
                          r"(?:the|a|an|his|her|their)\s+[\w ]{1,30}?)\s+(?:(?:on|late|early|last|this)\s+"
                          r"\w+\s+|in [A-Z]\w+\s+)?(?:that\s+)?")
_SAY_TAIL_RE = re.compile(r"\s+(?:(?:on|late|early|last|this)\s+\w+\s+|in (?:a|an) [\w ]{1,25}?\s+|"
                          r"in [A-Z]\w+\s+|[A-Z][a-z]+day\s+)?(?:that\s+)?")


def _reported(sent: str, story, pos):
    """Reported speech in one sentence: (res, cue, quote_start, quote_end) or None.

    Shapes: 'according to X, ...' / '..., according to X' / '..., X said.' /
    'X said (that) ...' / 'X told Y (that) ...' / 'X <verb>ed that ...'.
    """
    cues = _speech_cues(sent)
    if not cues:
        return None  # no reporting verb and no "according to"
    m = _ACCORDING_TO_RE.search(sent)
    if m:
        np = _np_head(sent[m.end():])
        res = _classify(np, story, pos) if np else None
        if res and res[1] != "unknown":
            if m.start() < 3:
                after = sent.find(",", m.end())
                return (res, "according to", after + 1 if after > 0 else m.end(), len(sent))
            return (res, "according to", 0, m.start())
    for cm in cues:
        cue = cm.group().lower()
        if cue == "according to":
            continue
        before = sent[:cm.start()]
        if _BE_OR_IT_END_RE.search(before[-20:]):
            continue
        tail = sent[cm.end():]
        # "..., X said." at the end of the sentence
        if "," in before and (_END_TAIL_RE.match(tail) or _TAIL_COMMA_RE.match(tail)):
            head, _, np_txt = before.rpartition(",")
            np = _np_tail(np_txt)
            res = _classify(np, story, pos) if np else None
            if res and res[1] != "unknown" and len(np) + 2 >= len(np_txt.split()):
                return (res, cue, 0, len(head))
        res = _speaker_before(sent, cm, story, pos)
        if res is None or res[1] == "unknown":
            continue
        mention_at = before.rfind(res[3].split()[-1]) if res[3] else -1
        between = _PARENTHETICAL_END_RE.sub(" ", before[mention_at:]) if mention_at >= 0 else ""
        if mention_at < 0 or len(between.split()) > 4:
            continue
        if cue in _TELL_VERBS:
            om = _TELL_OBJ_RE.match(tail)
        elif cue in _SAY_VERBS:
            om = _SAY_TAIL_RE.match(tail)
        else:  # other verbs report speech only with a that-clause
            om = _THAT_CLAUSE_RE.match(tail)
            if om is None:
                continue
        q_s = cm.end() + (om.end() if om else 0)
        rest = sent[q_s:]
        if len(rest.strip()) < 12 or rest[:1] in ("“", '"'):
            continue
        return (res, cue, q_s, len(sent))
    return None


# --------------------------------------------------------------------------- public API
def _empty():
    return pd.DataFrame({
        "article_id": pd.Series(dtype="object"), "paragraph": pd.Series(dtype="int64"),
        "quote": pd.Series(dtype="object"), "speaker": pd.Series(dtype="object"),
        "speaker_kind": pd.Series(dtype="object"), "speaker_role": pd.Series(dtype="object"),
        "cue": pd.Series(dtype="object"), "direct": pd.Series(dtype="bool"),
        "start": pd.Series(dtype="int64"), "end": pd.Series(dtype="int64"),
        "quote_words": pd.Series(dtype="int64"), "mention": pd.Series(dtype="object"),
        "nested": pd.Series(dtype="bool"), "quote_kind": pd.Series(dtype="object"),
    })


# ------------------------------------------------------------------ names that are names
_NOT_NAME = frozenset(lexicon.words("not_names"))
_ORGANIZATIONS = lexicon.pattern(lexicon.words("organizations"))
_MEDIA = lexicon.pattern(lexicon.words("media"))
_MEDIA_HEADS = frozenset(lexicon.words("media_heads"))
_PLATFORMS = frozenset(lexicon.words("platforms"))
_MEDIA_ALIASES = {r["alias"]: r["name"] for r in lexicon.table("media_aliases")}
_SPEAKER_MODIFIERS = frozenset(lexicon.words("speaker_modifiers"))
_MEDIA_ANY = re.compile(r"\b(?:" + lexicon.alternation(lexicon.words("media")) + r")\b(?<=\w)", re.I)
_STATE_TAGS = frozenset(k.rstrip(".").lower() for k in _STATE_ABBR) | frozenset(
    v.lower() for v in _STATE_ABBR.values())
_GLUED_CARD = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")    # "MattisFormer": a hover card glued on
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z]")
_NAME_PARTICLES = frozenset("bin ibn al el de da del der van von la le di du".split())


def _not_name_word(tok: str) -> bool:
    """Is ``tok`` a word that can stand next to a name but is no part of it?

    A word of lexicon/not_names.txt, a title or role ("Major-General" part by part), "Then-…", or a
    sentence adverb (seven letters or more ending in "-ly" that is no first name: "Separately").
    """
    low = tok.lower().strip(".,;:")
    parts = low.split("-")
    if low in _NOT_NAME or low in TITLE_WORDS or low in ROLE_HEADS or parts[0] in ("then", "former") \
            or (len(parts) > 1 and all(p in TITLE_WORDS for p in parts)):
        return True
    return _sentence_adverb(low)


_ADVERB_ENDINGS = tuple(lexicon.words("adverb_suffixes"))


def _is_adverb(low: str) -> bool:
    """Is a word in "-ly" an English adverb ("separately", "clearly") rather than a name ("vassily")?"""
    if low.endswith(_ADVERB_ENDINGS) or low in _non_name_words():
        return True
    stem = low[:-2]
    return any(c in _non_name_words() for c in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem))


_DAY_MONTH = _WEEKDAYS | frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _leading_word(tok: str) -> bool:
    """A word before a name that is no part of it: an English word that is no first name (VADER's
    lexicon, lexicon/not_names.txt and the rules' function words: "Should", "Whenever", "Senators",
    "Following"), or a group's name ("ISIS Patton")."""
    low = tok.lower().strip(".,;:")
    return low in _non_name_words() or bool(_ORGANIZATIONS.fullmatch(tok)) or _sentence_adverb(low)


def _sentence_adverb(low: str) -> bool:
    """A lower-cased word of seven letters or more in "-ly" that is an English adverb and no first
    name ("ultimately", "separately"; not "vassily")."""
    return len(low) >= 7 and low.endswith("ly") and low not in FEMALE_FIRST and low not in MALE_FIRST \
        and _is_adverb(low)


def clean_speaker(name: str, kind: str) -> tuple[str, str]:
    """(name, kind) of a speaker after the name check: what is no name becomes ("", "unknown").

    A person's name loses a hover card glued on ("James Mattis James Norman MattisFormer Mattis" →
    "James Mattis"), a leading outlet ("Al Jazeera Rob Reynolds") and leading words that are never
    part of a name ("Add Donald Trump", "Does Trump", "Then-President George W. Bush": lexicon/
    not_names.txt, titles, roles, sentence adverbs), and such words or a platform at its end
    ("Donald Trump Twitter").  What is left must be one to five capitalised
    words without digits, not a party or state tag ("R-Tenn", "Fla"), not an outlet or platform, no
    contraction ("I’d"), plural acronym ("SEALs"), headline in capitals ("PEACE AGREEMENT") or
    "-based"; a word that is never part of a name ends it ("Cohen Never Trump" → "Cohen"); else the
    speaker is unknown.  A group that speaks
    as one (lexicon/organizations.txt: "Taliban", "Pew") or a country ("Bosnia") is an organisation.
    Other kinds pass unchanged.
    """
    if kind == "organization" and name.strip().lower() in _PLATFORMS:
        return "", "unknown"                       # "Twitter said …": a platform is never a speaker
    if kind != "person":
        return name, kind
    while True:                                # cutting one part can expose another ("Add Donald Donald")
        out = _clean_person(name)
        if out[0] == name or out[1] != "person":
            return out
        name = out[0]


# the name checks of _clean_person and the clause split of quote_kind, compiled once at import
_STYLE_SUFFIX_RE = re.compile(r"-(?:style|like)$", re.I)
_CONTRACTION_RE = re.compile(r"['’](?:d|s|re|ve|ll|m|t)\b")   # "I’d", "We're": not "Ja’afari", "O'Brien"
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")
_BASED_RE = re.compile(r"-based\b", re.I)
_CLAUSE_STOP_RE = re.compile(r"[.!?]\s")
_LOWER_TOKEN_RE = re.compile(r"[a-z’']+")


def _clean_person(name: str) -> tuple[str, str]:
    """One pass of :func:`clean_speaker` over a person's name."""
    if not name or not name.strip():
        return "", "unknown"
    if _ORGANIZATIONS.fullmatch(name.strip()):
        return name.strip(), "organization"               # "Taliban", "Pew": a group speaking as one
    if len(name.split()) >= 3:
        name = _GLUED_CARD.split(name, maxsplit=1)[0].strip()
    toks = name.split()
    if len(toks) > 1 and toks[0] in toks[1:]:                 # a name repeated by a hover card
        toks = toks[:toks.index(toks[0], 1)]
    media = _MEDIA.match(" ".join(toks))
    if media and media.end() < len(" ".join(toks)):
        toks = " ".join(toks)[media.end():].split()
    while toks and _not_name_word(toks[0]):
        toks = toks[1:]
    while len(toks) > 1 and _leading_word(toks[0]):
        toks = toks[1:]                                       # "Following Trump", "Should Trump", "ISIS Patton"
    while len(toks) > 1 and (_MEDIA.fullmatch(toks[-1]) or toks[-1].lower() in _NOT_NAME
                             or toks[-1].lower().rstrip(".") in _DAY_MONTH):
        toks = toks[:-1]                                      # "Donald Trump Twitter", "Pompeo Thursday"
    inner = next((i for i, t in enumerate(toks) if i and t.lower() in _NOT_NAME), None)
    if inner is not None:
        toks = toks[:inner]                                   # "Cohen Never Trump": a name ends there
    out = " ".join(toks)
    if out and _MEDIA.fullmatch(out) and out.lower() not in _PLATFORMS:
        return out, "organization"                        # "Al-Jazeera reported that …": the outlet
    if out and all(t.lower() in PLACES or (t.endswith("s") and t[:-1].lower() in PLACES) for t in toks):
        return out, "organization"                        # "Bosnia said", "Europeans said": a government
    if len(toks) == 1 and (toks[0].lower() in _non_name_words() or _STYLE_SUFFIX_RE.search(out)):
        return "", "unknown"                              # "Righteous", "Bush-style": a word, not a name
    if not toks or len(toks) > 5 or any(ch.isdigit() for ch in out) or _PARTY_TAG.match(out) \
            or _CONTRACTION_RE.search(out) or _PLURAL_ACRONYM_RE.fullmatch(out) \
            or (len(toks) > 1 and out.upper() == out) or _BASED_RE.search(out) \
            or out.lower().rstrip(".") in _STATE_TAGS or _MEDIA.fullmatch(out) \
            or not all(t[:1].isupper() or t.split("-")[-1][:1].isupper() or t.lower() in _NAME_PARTICLES
                       for t in toks) or out.lower() in _NOT_NAME:
        return "", "unknown"
    return out, "person"


_TERM_BEFORE = re.compile(r"(?<![\w-])(?:" + lexicon.alternation(lexicon.words("term_markers"))
                          + r")(?:\s+(?:the|a|an|its|his|her|their))?\s*[,:]?\s*[\"“‘'«]?$", re.I)
#: the term markers anywhere in a sentence ("his use of the term “mission accomplished”")
_TERM_WORDS_RE = re.compile(r"(?<![\w-])(?:" + lexicon.alternation(lexicon.words("term_markers")) + r")(?![\w-])", re.I)
_INNER_STOP = re.compile(r"[.!?;:]\s")
# the opening mark follows a word of the same sentence ("the U.S.-backed “moderate” opposition")
_PERSON_WORDS = frozenset(PRONOUNS) | {"his", "her", "him", "their"} | ROLE_HEADS
_MID_SENTENCE = re.compile(r"[A-Za-z,-]\s*[\"“‘']?$")
# ", he said", "said Trump" right after the closing mark
_SPEAKER_AFTER = re.compile(r"[\"”’']?\s*,?\s*(?:he|she|they|[A-Z][a-z]+)\s+(?:said|says|told|added|wrote|tweeted)\b")


#: where the sentence holding a quotation starts (the text before it is split there)
_SENTENCE_START_RE = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")


def _sentence_before(text: str, start: int, reach: int = 250) -> str:
    """The words of the sentence before offset ``start`` (at most ``reach`` characters), a full stop
    after an abbreviation or an initial ("Mr. Obama", "U.S. officials") ending no sentence."""
    window = text[max(0, start - reach):start]
    cut = 0
    for m in _SENTENCE_START_RE.finditer(window):
        word = window[:m.start()].rsplit(None, 1)[-1] if window[:m.start()].strip() else ""
        if m.group() != "\n" and (_low(word.rstrip(".")) in ABBREVIATIONS or len(word.rstrip(".")) == 1):
            continue
        cut = m.end()
    return window[cut:]


def quote_kind(text: str, start: int, quote: str, direct: bool, speaker_kind: str, cue: str = "",
               speaker: str = "") -> str:
    """"quotation" (someone's words) or "term" (a scare quote, echoed word, title, slogan, nickname).

    In: the story text, the quotation's start offset, its words, whether it is in quotation marks, its
    speaker's kind, the reporting verb that credited it ("" when none did) and the speaker's name.  A direct quotation is a term when a term marker stands right before its
    mark ("so-called", "known as", "dubbed", "the slogan": lexicon/term_markers.txt), when it is a
    title ("Face the Nation": two or more capitalised words, no sentence inside), or when it is a
    short phrase (three words at most, no sentence inside) that no reporting verb credits and that
    sits inside the reporter's own sentence ("the U.S.-backed “moderate” opposition", "no concept of
    “victory”") with no person in it before the mark (a pronoun, a role, the speaker's surname:
    "he “supports”", "the president is insistent that “it’s time”" are quotations).  Reported speech
    is always a quotation.
    """
    if not direct:
        return "quotation"
    if _TERM_BEFORE.search(text, max(0, start - 40), start):
        return "term"
    words = quote.strip(" .,!?;:'\"“”‘’").split()
    if len(words) >= 2 and _is_work_title(quote):
        return "term"
    # a stop that ends the quoted words ("the “Iran deal.”": the reporter's full stop, inside the
    # mark in American style) is no sentence inside
    if cue or not 0 < len(words) <= 3 or _INNER_STOP.search(quote.strip().rstrip(".!?;:,") + " "):
        return "quotation"
    if speaker_kind == "unknown" and quote.strip()[:1].islower():
        return "term"
    # a short phrase inside the reporter's own sentence, with no reporting verb near it: an echoed word
    end = start + len(quote)
    before = text[max(0, start - 45):start]
    after = text[end:end + 30]
    if _CUE_RE.search(before) or _CUE_RE.match(after.lstrip("\"”’' ,.")) or _SPEAKER_AFTER.match(after):
        return "quotation"
    sentence = _sentence_before(text, start)
    if speaker_kind in ("person", "anonymous") and _SPEECH_RE.search(sentence) and not _TERM_WORDS_RE.search(sentence):
        return "quotation"          # "Mr. Earnest said Mr. Obama's comments … were “consistent” with …": reported words
    if not _MID_SENTENCE.search(before) or before.rstrip(" \"“‘'").endswith((":", ",")):
        return "quotation"
    clause = _CLAUSE_STOP_RE.split(before)[-1].lower()
    words = set(_LOWER_TOKEN_RE.findall(clause))
    surname = speaker.split()[-1].lower() if speaker else ""
    if words & _PERSON_WORDS or (surname and surname in words):
        return "quotation"          # "the president is insistent that “it’s time”", "he “supports”"
    return "term"


def extract_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Every quotation and reported statement in each story, with its speaker.

    In: articles (``article_id``, ``text``; paragraphs separated by one blank line).
    Out: a new DataFrame, one row per quotation, columns ``QUOTE_COLUMNS``:
    ``quote`` is a substring of the story text at ``start:end``; ``paragraph`` is
    the 0-based paragraph; ``speaker`` the canonical name ("Donald Trump"), an
    anonymous description ("unnamed US official"), an organisation, or "" when
    unknown; ``speaker_kind`` person | anonymous | organization | unknown;
    ``speaker_role`` the title or description as written; ``cue`` the reporting
    verb; ``direct`` True for words inside quotation marks; ``mention`` the words
    that named the speaker at this quotation ("she", "the senator").
    Rows for a story do not depend on the other stories in the batch.
    """
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        rows.extend(_story_quotes(aid, text))
    if not rows:
        return _empty()
    df = pd.DataFrame(rows, columns=_ROW_COLUMNS, dtype=object)   # text stays object, as in _empty()
    df = df.astype({"paragraph": "int64", "start": "int64", "end": "int64",
                    "quote_words": "int64", "direct": "bool", "nested": "bool"})
    checked = [clean_speaker(n, k) for n, k in zip(df["speaker"], df["speaker_kind"])]
    df["speaker"] = pd.Series([n for n, _ in checked], index=df.index, dtype=object)
    df["speaker_kind"] = pd.Series([k for _, k in checked], index=df.index, dtype=object)
    texts = dict(zip(articles["article_id"], articles["text"]))
    _drop_common_words(df, texts)
    marked = [bool(r.get("term")) for r in rows]          # titles and scare quotes the passes met
    df["quote_kind"] = pd.Series(["term" if t else quote_kind(texts[a], s, q, d, k, c, n)
                                  for t, a, s, q, d, k, c, n in zip(marked, df["article_id"], df["start"],
                                                                    df["quote"], df["direct"], df["speaker_kind"],
                                                                    df["cue"], df["speaker"])],
                                 index=df.index, dtype=object)
    return df


def _drop_common_words(df: pd.DataFrame, texts: dict) -> None:
    """A one-word person speaker that its own story also writes in lower case is a word, not a
    name ("Faith plays a role in …, but he …", "Revenue from the oil fields …"): unknown, in place."""
    seen, drop = {}, []                     # (story, word) -> written in lower case there
    for i, aid, name, kind in zip(df.index, df["article_id"], df["speaker"], df["speaker_kind"]):
        if kind != "person" or not name or " " in name:
            continue
        key = (aid, name.lower())
        if key not in seen:
            seen[key] = _in_lower_case(texts[aid], key[1])
        if seen[key]:
            drop.append(i)
    if drop:
        df.loc[drop, "speaker"], df.loc[drop, "speaker_kind"] = "", "unknown"


def _in_lower_case(text: str, word: str) -> bool:
    """Does ``text`` write ``word`` (lower case) as a word of its own (no letter, digit, hyphen or
    apostrophe either side)?"""
    return next(_word_at(text, word, joiners="-'’"), None) is not None


# --------------------------------------------------------------------------- canonical names (views)
#: Words that open a speaker phrase but are no part of a name when capitalised at its start ("Add
#: Donald Trump", "Does Trump", "Businessman Donald Trump", "Whenever Hook"): lexicon/leading_words.txt
#: and the words that are never names (not_names.txt).  The reporting verbs, titles, determiners and
#: VADER's English lexicon count too (see :func:`_non_name_words`).
LEADING_WORDS = frozenset(lexicon.words("leading_words")) | _NOT_NAME   # lexicon/leading_words.txt, not_names.txt
#: First names that are also English words: never stripped ("Mark Esper", "Bill Clinton", "Rand Paul").
WORD_FIRST_NAMES = frozenset(lexicon.words("word_first_names"))   # lexicon/word_first_names.txt
_DAY_WORDS = _WEEKDAYS | frozenset(("today", "yesterday", "tonight"))
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
_INITIAL_RE = re.compile(r"(?:[A-Z]\.?){1,3}")
_MALE_MENTION = frozenset(("he", "him", "his", "mr", "mr.")) | MALE
_FEMALE_MENTION = frozenset(("she", "her", "hers", "mrs", "mrs.", "ms", "ms.", "miss")) | FEMALE


@functools.lru_cache(maxsize=1)
def _non_name_words() -> frozenset:
    """Lower-case words never a name's first word: the lists above plus VADER's English lexicon."""
    from importlib.resources import files

    vader = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    english = {line.split("\t", 1)[0] for line in vader.splitlines()}
    words = (LEADING_WORDS | CUE_WORDS | AUX_ADV | DETERMINERS | PREPOSITIONS | COMMON_CAPS | TITLE_WORDS
             | ROLE_HEADS | ANON_HEADS | {w for w in english if w.isalpha()})
    return frozenset(words - MALE_FIRST - FEMALE_FIRST - WORD_FIRST_NAMES)


def _lower_words(texts, min_count: int = 2) -> frozenset:
    """Words written in lower case at least ``min_count`` times in ``texts`` (the quotations'
    own words: a corpus's dictionary of common words), first names excepted."""
    counts = defaultdict(int)
    for text in texts:
        for w in _LOWER_WORD_RE.findall(str(text)):
            counts[w] += 1
    return frozenset(w for w, c in counts.items() if c >= min_count) - MALE_FIRST - FEMALE_FIRST - WORD_FIRST_NAMES


def _non_name(tok: str, extra: frozenset = frozenset()) -> bool:
    """True for a token that is a common English word, not a name ("Does", "Then-President");
    ``extra``: more common words (lower case), e.g. those of :func:`_lower_words`."""
    t = _strip_poss(tok)[0].lower().strip(".,;:!?")
    parts = t.split("-")
    return bool(t) and all(p in _non_name_words() or p in extra for p in parts)


def _clean_name(name: str, extra: frozenset = frozenset()) -> str:
    """A person phrase as a name: leading common words and trailing day words dropped.

    "Add Donald Trump" -> "Donald Trump", "Only Republican Rand Paul" -> "Rand Paul",
    "Pompeo Thursday" -> "Pompeo"; a phrase of common words only ("Separately") -> "".
    """
    toks = name.split()
    while len(toks) > 1 and _non_name(toks[0], extra):
        toks.pop(0)
    while len(toks) > 1 and toks[-1].lower().strip(".,") in _DAY_WORDS:
        toks.pop()
    if len(toks) == 1 and (_non_name(toks[0], extra) or len(toks[0].strip(".")) < 2):
        return ""
    return " ".join(toks)


def _name_parts(name: str):
    """(first, middle names, middle initials, surname, suffix) of a cleaned name of 2+ words."""
    toks = name.split()
    suffix = ""
    if len(toks) > 2 and toks[-1].lower().strip(".,") in _NAME_SUFFIXES:
        suffix = toks.pop()
    middle = toks[1:-1]
    initials = tuple(m for m in middle if _INITIAL_RE.fullmatch(m))
    return toks[0], [m for m in middle if m not in initials], initials, toks[-1], suffix


def _gender_of_rows(mentions, roles) -> str | None:
    """"m" or "f" when the words that named a speaker say so clearly (he/Mr vs she/Mrs), else None."""
    m = f = 0
    for text in list(mentions) + list(roles):
        for w in str(text).lower().replace(".", " ").split():
            m += w in _MALE_MENTION
            f += w in _FEMALE_MENTION
    if m > 2 * f:
        return "m"
    if f > 2 * m:
        return "f"
    return None


def _first_name_gender(first: str) -> str | None:
    low = first.lower()
    return "m" if low in MALE_FIRST else "f" if low in FEMALE_FIRST else None


_NICKNAME = {form: r["name"] for r in lexicon.table("nicknames") for form in [r["name"], *r["forms"].split(";")] if form}


def _fold(s: str) -> str:
    """Lower case without diacritics ("Erdoğan" and "Erdogan", "Mevlüt" and "Mevlut" are one name)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower() \
        .replace("ı", "i")


def _first_key(first: str) -> str:
    """A first name as the merge compares it: folded, every short form its long one (lexicon/nicknames.csv)."""
    f = _fold(first).rstrip(".")
    return _NICKNAME.get(f, f)


def _canonical_names(people: pd.DataFrame, extra: frozenset = frozenset()) -> dict:
    """Map each person name of the table to its canonical name (see :func:`merge_speakers`)."""
    counts = people["speaker"].value_counts()
    cleaned = {n: _clean_name(n, extra) for n in counts.index}
    mapping = {n: c for n, c in cleaned.items() if c != n}
    # full names: one per (first name, surname, suffix); middle initials dropped unless two
    # different sets of initials share that key (George W. Bush and George H. W. Bush)
    by_key = defaultdict(lambda: defaultdict(int))
    for raw, name in cleaned.items():
        if len(name.split()) >= 2:
            first, _, initials, last, suffix = _name_parts(name)
            by_key[(_first_key(first), _fold(_surname_key(last)), suffix.lower().strip("."))][name] += int(counts[raw])
    full = {}
    for key, names in by_key.items():
        initial_sets = {_name_parts(n)[2] for n in names} - {()}
        distinct = len(initial_sets) > 1
        bare = defaultdict(int)
        for n, c in names.items():
            first, middle, initials, last, suffix = _name_parts(n)
            form = n if distinct and initials else " ".join([first, *middle, last] + ([suffix] if suffix else []))
            bare[form] += c
        for n in names:
            first, middle, initials, last, suffix = _name_parts(n)
            if distinct and initials:
                full[n] = n
            else:
                forms = [f for f in bare if not (distinct and _name_parts(f)[2])]
                full[n] = sorted(forms, key=lambda f: (-bare[f], len(f), f))[0]
    for raw, name in cleaned.items():
        if name in full and full[name] != raw:
            mapping[raw] = full[name]
    # a longer spelling of a full name ("Donald Trump Twitter"): the full name
    known = set(full.values())
    for raw, name in cleaned.items():
        toks = mapping.get(raw, name).split()
        prefix = next((" ".join(toks[:k]) for k in range(len(toks) - 1, 1, -1)
                       if " ".join(toks[:k]) in known), None)
        if prefix and toks[-1].lower().strip(".,") not in _NAME_SUFFIXES:
            mapping[raw] = prefix
            full[name] = prefix
    # a name that leaves out a first name ("Tayyip Erdogan" beside "Recep Tayyip Erdogan"): the
    # one full name of that surname whose middle name it starts with
    longer = defaultdict(list)
    for n in set(full.values()):
        first, middle, _, last, _ = _name_parts(n)
        for m in middle:
            longer[(_first_key(m), _fold(_surname_key(last)))].append(n)
    for raw, name in cleaned.items():
        cur = mapping.get(raw, name)
        if len(cur.split()) == 2:
            first, _, _, last, _ = _name_parts(cur)
            cands = set(longer.get((_first_key(first), _fold(_surname_key(last))), ()))
            if len(cands) == 1:
                mapping[raw] = full[name] = cands.pop()
    # a surname alone: the one compatible full name with that surname (no suffix, same gender);
    # a "full name" with a common word inside ("Cohen Never Trump") is no candidate
    canon = defaultdict(set)
    for n in set(full.values()):
        first, _, _, last, suffix = _name_parts(n)
        if not suffix and not any(_non_name(t, extra) for t in n.split()[1:]):
            canon[_fold(_surname_key(last))].add(n)
    if not canon:
        return mapping
    mentions = people["mention"] if "mention" in people else pd.Series("", index=people.index)
    roles = people["speaker_role"] if "speaker_role" in people else pd.Series("", index=people.index)
    final = people["speaker"].map(lambda s: mapping.get(s, s))
    gender = {}
    rows_of = final.groupby(final, sort=False).indices      # name -> its row positions, found once
    for n in set(full.values()):
        gender[n] = _first_name_gender(n.split()[0])
        if gender[n] is None:
            pos = rows_of.get(n, [])
            gender[n] = _gender_of_rows(mentions.iloc[pos], roles.iloc[pos])
    surname_rows = defaultdict(list)      # every spelling that cleans to the same surname speaks together
    for raw, name in cleaned.items():
        if len(name.split()) == 1:
            surname_rows[name].append(raw)
    for name, raws in surname_rows.items():
        cands = sorted(canon.get(_fold(_surname_key(name)), ()))
        if len(cands) > 1:
            rows = people["speaker"].isin(raws)
            g = _gender_of_rows(mentions[rows], roles[rows])
            same = [c for c in cands if g is not None and gender[c] == g]
            cands = same if len(same) == 1 else [c for c in cands if g is None or gender[c] in (g, None)]
        if len(cands) == 1:
            mapping.update(dict.fromkeys(raws, cands[0]))
    return mapping


def merge_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One canonical name per person across the table (the view-level merge every notebook view uses).

    In: quotes (from :func:`extract_quotes`, any number of stories; ``mention`` and
    ``speaker_role`` are used when present).  Out: a copy in which only the ``speaker`` of
    person rows changes:

    - leading words that are common English words, not names, are dropped ("Add Donald Trump",
      "Does Trump", "Then-President George W. Bush"; :data:`LEADING_WORDS`, the reporting verbs,
      titles and VADER's lexicon, but never a first name such as "Mark" or "Rand"), and trailing
      day words ("Pompeo Thursday"); a phrase of common words only ("Separately") becomes "";
    - names with the same first name, surname and suffix are one, middle initials dropped
      ("Donald J. Trump" -> "Donald Trump"; the most frequent spelling of the middle names wins),
      unless two different sets of initials share them (George W. and George H. W. Bush);
    - a surname alone becomes the one full name with that surname (and no Jr./Sr. suffix); when
      several exist, the one whose gender (first name, or he/she/Mr/Mrs where named) matches
      the gender the surname's own rows give; otherwise it stays as written.

    Two different first names are never merged (Ron Paul, Rand Paul), and organisations,
    anonymous sources and unknown speakers are left as they are.
    """
    out = quotes.copy()
    if "person" in out.columns:             # resolved already (analyze): the corpus' canonical names
        named = out["person"].fillna("").astype(str) != ""
        out.loc[named, "speaker"] = out.loc[named, "person"]
        return out
    mask = (out["speaker_kind"] == "person") & out["speaker"].notna()
    if not mask.any():
        return out
    people = out.loc[mask].assign(speaker=out.loc[mask, "speaker"].astype(str))
    extra = _lower_words(out["quote"]) if "quote" in out else frozenset()
    mapping = _canonical_names(people, extra)
    if mapping:
        out.loc[mask, "speaker"] = people["speaker"].map(lambda s: mapping.get(s, s))
    return out


UNKNOWN_SPEAKER = "(unknown)"   # how a quotation with no speaker shows in the tables


