"""Corpus: read articles from files or tables, clean them in a way a reader can audit.

``load_articles(source)`` gives one row per story.  Every line the cleaning
removes (and every file it skips) is kept, with its reason, in the table that
``cleaning_report(...)`` returns; nothing vanishes silently.

The cleaning rules are written for news pages in general, not for the seed
files; they are listed, with their reasons, in ``FURNITURE_RULES`` and in the
README.
"""
from __future__ import annotations

import csv
import html
import io
import itertools
import json
import os
import re
import textwrap
import unicodedata
import warnings
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .figures import TOP_OUTLETS

__all__ = ["load_articles", "cleaning_report", "normalize_text", "clean_document", "outlet_names",
           "group_values", "story_groups", "ARTICLE_COLUMNS", "REPORT_COLUMNS", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTICLE_COLUMNS = ["article_id", "source", "part", "outlet", "published", "title", "text",
                   "n_words", "n_paragraphs"]
EXTRA_COLUMNS = ["url", "credits", "encoding"]
REPORT_COLUMNS = ["article_id", "source", "line_no", "line", "reason"]
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"}
#: A first line longer than this is body text, not a headline.
MAX_TITLE_CHARS = 250
#: Show a progress bar when loading at least this many files or rows.
PROGRESS_MIN = 200

# --------------------------------------------------------------------------- normalising

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Tabs, no-break and other Unicode spaces, each turned into a plain space.
_OTHER_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f\u3000"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(f"[ {_OTHER_SPACES}]+")
_LINE_EDGES = re.compile(r" ?\n ?")


def _holds_any(text: str, chars: str) -> bool:
    """Does ``text`` hold one of ``chars``?  One ``in`` scan each: far faster on a long text than a
    regex character class, which is tried at every position."""
    for c in chars:
        if c in text:
            return True
    return False


def normalize_text(text: str) -> str:
    """Normalise raw article text; quotes and apostrophes stay as written.

    In: a decoded string.  Out: Unicode NFC, CRLF/CR turned into LF, BOM,
    zero-width characters and soft hyphens removed, non-breaking and other
    Unicode spaces turned into one plain space, spaces at line ends stripped.
    Curly quotation marks and apostrophes are kept (the speaker analysis needs
    them); two curly single marks written for one double mark (“…’’, ‘‘…”) become that mark.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Each substitution runs only on a text it changes (most texts need none of them).
    if _holds_any(text, _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    if "  " in text or _holds_any(text, _OTHER_SPACES):      # a run of spaces other than one plain space
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    if "’’" in text or "‘‘" in text:
        text = text.replace("’’", "”").replace("‘‘", "“")
    return text.strip(" ")


# --------------------------------------------------------------------------- furniture rules

_CREDIT_WORDS = (r"Reuters|AP|AFP|Getty(?: Images)?|EPA|AAP|Xinhua|Bloomberg|Shutterstock|Alamy"
                 r"|PA(?: Images| Wire)?|Photo|Photos|Image|Images|File|Handout|Pool|Courtesy"
                 r"|presidency|press office|ministry|via [\w ]+")

# Ads and teasers: word lists a journalist can extend.  Lower case; each is matched as whole words,
# anywhere in a line, and only in short lines (a news sentence that happens to hold one is longer).
#: Click-bait advertisement phrases ("One weird trick …").  Lines of at most 30 words.
CLICKBAIT_PHRASES = ("weird trick", "simple trick", "one trick", "doctors hate", "you won't believe",
                     "you won’t believe", "you will not believe", "what happens next",
                     "before it's deleted", "before it’s deleted")
#: Newsletter prompts: a line of at most 60 words with one of these calls to action …
SIGNUP_ACTIONS = ("sign up", "signing up", "sign me up", "subscribe", "get our", "to your inbox",
                  "in your inbox", "into your inbox")
#: … and one of these destinations.
SIGNUP_TARGETS = ("newsletter", "newsletters", "inbox", "email alerts", "email updates")
#: Membership and donation pitches.  Lines of at most 150 words.
PITCH_PHRASES = ("if you enjoyed this article", "if you enjoyed this story", "if you value our",
                 "support our journalism", "support independent journalism", "consider subscribing",
                 "become a subscriber", "become a supporter", "make a donation to")
#: Social-network names as share buttons print them ("Facebook Twitter Pinterest" before a caption).
SHARE_BUTTONS = ("facebook", "twitter", "pinterest", "whatsapp", "linkedin", "reddit", "email")


def _words(phrases) -> str:
    """A regex alternative matching any of ``phrases`` as whole words (spaces match any spacing)."""
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


# Skips whole words, so a phrase is tried only where a word starts (fast on long paragraphs).
_SKIP = r"(?:\S+\s+)*?"


def _short(n: int) -> str:
    """A lookahead admitting a line of at most ``n`` words."""
    return rf"(?!(?:\S+\s+){{{n}}})"


# Title Case words (or small words, figures and "$1,000") and nothing else: a headline's shape.
_TITLE_WORDS = (r"(?:(?:[A-Z0-9$“\"'‘]\S*|a|an|and|as|at|by|for|from|in|of|on|or|the|to|with|your)"
                r"(?:\s+|$)){2,16}")

#: (reason, compiled pattern) pairs, tried in order on each stripped line; a match removes the line.
FURNITURE_RULES: list[tuple[str, re.Pattern]] = [
    ("watermark or logo line (1-3 capital letters alone)", re.compile(r"^[A-Z]{1,3}$")),
    ("photo caption (ends with a photo credit in brackets)",
     re.compile(r"^.{3,400}\((?:[^()]*\b(?:" + _CREDIT_WORDS + r")\b[^()]*)\)\.?$", re.I)),
    ("photo credit or caption label",
     re.compile(r"^(?:photo|image|picture|caption|credit|getty images|©)\b.{0,200}$", re.I)),
    ("photo gallery ('Photos:' label and its captions)",
     re.compile(r"^(?:photos|photo gallery|gallery|in pictures|slideshow)\s*:.*$", re.I)),
    ("share buttons and the caption after them",
     re.compile(rf"^{_words(SHARE_BUTTONS)}\s+{_words(SHARE_BUTTONS)}\b.*$", re.I)),
    ("advertisement under an 'Editor's Note' label (a headline, not a note)",
     re.compile(rf"^(?i:editor[’']?s\s+note)\s*:\s*{_TITLE_WORDS}$")),
    ("click-bait advertisement (CLICKBAIT_PHRASES)",
     re.compile(rf"^{_short(30)}{_SKIP}{_words(CLICKBAIT_PHRASES)}\b.*$", re.I)),
    ("'READ MORE' teaser", re.compile(r"^read more\b.*$", re.I)),
    ("related-story teaser (a headline followed by 'Read more')",
     re.compile(r"^.{10,250}\sRead more[.:]?$")),
    ("related-link line",
     re.compile(r"^(?:more|related|see also|also read|read also|recommended|further reading"
                r"|latest|trending)\s*:.{0,200}$", re.I)),
    ("video teaser line",
     re.compile(r"^(?:just watched|must watch|now playing|watch|video|replay|more videos"
                r"|watch now|watch live)\b.{0,200}$", re.I)),
    ("video player text ('CLOSE' button and the clip's summary)", re.compile(r"^CLOSE\s+[A-Z].*$")),
    ("'Click here' prompt", re.compile(r"^click (?:here|to|through|for)\b.{0,150}$", re.I)),
    ("app download prompt", re.compile(r"^(?:get|download) (?:the|our) .{0,60}\bapps?\b.{0,40}$", re.I)),
    ("newsletter or subscription prompt",
     re.compile(rf"^(?:sign up|subscribe)\b.{{0,200}}$"
                rf"|^(?:get|want)\b.{{0,80}}\b(?:newsletters?|inbox|sign up)\b.*$"
                rf"|^{_short(60)}(?={_SKIP}{_words(SIGNUP_ACTIONS)}\b)(?={_SKIP}{_words(SIGNUP_TARGETS)}\b).*$",
                re.I)),
    ("membership or donation pitch (PITCH_PHRASES)",
     re.compile(rf"^{_short(150)}{_SKIP}{_words(PITCH_PHRASES)}\b.*$", re.I)),
    ("page footer or widget",
     re.compile(r"^(?:show thumbnails|show captions|hide captions|you may also like|advertisement"
                r"|story continues below|skip (?:to )?(?:content|advert\w*)|share this(?: article)?"
                r"|share on \w+|follow us\b|comments?\b"
                r"|most read\b|back to top|print this|email this|top stories)[.…:!]*.{0,80}$", re.I)),
    ("copyright footer",
     re.compile(r"^(?:©|\(c\)|copyright\b).{0,200}$|^.{0,120}all rights reserved\.?$", re.I)),
]

#: Credit lines: kept as metadata in the ``credits`` column, not in the body.
CREDIT_RULES: list[tuple[str, re.Pattern]] = [
    ("credit line (contributors)",
     re.compile(r"^(?:contributing|contributors?|additional reporting(?: by)?|reporting by"
                r"|writing by|editing by|compiled by)\b\s*:?.{0,300}$", re.I)),
    ("credit line (contributed)",
     re.compile(r"^.{0,200}\bcontributed (?:to )?(?:this )?(?:report|story|reporting)\.?$", re.I)),
    ("source line (site name)", re.compile(r"^source\s*:\s*\S.{0,120}$", re.I)),
    ("byline", re.compile(r"^[Bb][Yy] [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,? (?:and|&) [A-Z][\w.'’-]+"
                          r"(?: [A-Z][\w.'’-]+){0,3})?(?:(?:,| \||\s[—–-]) [A-Z][\w.&'’ -]{1,40})?$")),
]



def _any_of(rules) -> re.Pattern:
    """One pattern matching where any of ``rules`` matches (a cheap first test per line)."""
    return re.compile("|".join(("(?i:%s)" if pat.flags & re.I else "(?:%s)") % pat.pattern
                               for _, pat in rules))


_ANY_RULE = _any_of(FURNITURE_RULES + CREDIT_RULES)


def _keywords(phrases) -> tuple[str, ...]:
    """One word each match of ``_words(phrases)`` holds, per phrase (its longest plain word), lower case."""
    return tuple(dict.fromkeys(max((w for w in p.lower().split() if w.isalpha()), key=len) for p in phrases))


def _holds(*words, starts=(), ends=()):
    """A guard: a lower-cased line holds one of ``words``, or starts with one of ``starts``, or
    ends with one of ``ends``."""
    return tuple(words), tuple(starts), tuple(ends)


def _passes(low: str, guard) -> bool:
    """Does the lower-cased line ``low`` pass ``guard`` (made by :func:`_holds`)?"""
    words, starts, ends = guard
    if low.startswith(starts) or low.endswith(ends):
        return True
    for w in words:
        if w in low:
            return True
    return False


# The rules that scan a whole line for a phrase cost most of the cleaning; each is tried only on a
# line whose lower-cased text passes its guard, a test every line the rule matches also passes
# (lower-cased as ``re.I`` folds ASCII letters, so the guard never skips a line the rule would take).
# A rule anchored at the line's end is guarded by how the line ends (a line holds no line break),
# which far fewer lines pass than a word anywhere in them.
_GUARDS = {
    "photo caption (ends with a photo credit in brackets)": _holds(ends=(")", ").")),
    "click-bait advertisement (CLICKBAIT_PHRASES)": _holds(*_keywords(CLICKBAIT_PHRASES)),
    "related-story teaser (a headline followed by 'Read more')": _holds(ends=("read more", "read more.",
                                                                              "read more:")),
    "newsletter or subscription prompt": _holds(*_keywords(SIGNUP_TARGETS),
                                                starts=("sign", "subscribe", "get", "want")),
    "membership or donation pitch (PITCH_PHRASES)": _holds(*_keywords(PITCH_PHRASES)),
    "copyright footer": _holds(starts=("©", "(c)", "copyright"), ends=("reserved", "reserved.")),
    "credit line (contributed)": _holds(ends=("report", "report.", "story", "story.", "reporting",
                                              "reporting.")),
}


def _union(guards) -> tuple:
    """One guard that every line passing one of ``guards`` passes (a word that holds another
    word of the union is left out: a line holding it holds the other)."""
    words = list(dict.fromkeys(w for g in guards for w in g[0]))
    words = [w for w in words if not any(o != w and o in w for o in words)]
    return _holds(*words, starts=dict.fromkeys(w for g in guards for w in g[1]),
                  ends=dict.fromkeys(w for g in guards for w in g[2]))


_CHEAP_RULE = _any_of([(r, p) for r, p in FURNITURE_RULES + CREDIT_RULES if r not in _GUARDS])
_GUARDED = [(_GUARDS[r], p.match) for r, p in FURNITURE_RULES + CREDIT_RULES if r in _GUARDS]
_ANY_GUARD = _union(_GUARDS.values())
# the characters outside ASCII that ``re.I`` matches to an ASCII letter, and that letter
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]").search


def _flagged(line: str) -> bool:
    """``_ANY_RULE.match(line) is not None`` (some furniture or credit rule matches) for a line
    without a line break in it, faster."""
    if _CHEAP_RULE.match(line) is not None:
        return True
    low = (line.translate(_FOLD) if not line.isascii() and _FOLDS(line) else line).lower()
    if not _passes(low, _ANY_GUARD):
        return False
    return any(_passes(low, guard) and match(line) is not None for guard, match in _GUARDED)


# A name pop-up (hover card) inlined after a name, as some sites print it:
# "Sen. Jane Doe Jane Q. DoeDoe pushes new bill MORE (R-Maine)".  The card repeats the
# full name, glues its surname to the first word of a headline ("DoeDoe",
# "McConnellSenate") and ends in "MORE".
_MORE = re.compile(r"\sMORE\b\s?")
_GLUED = re.compile(r"\b([A-Z][\w’'-]*[a-z’'])([A-Z][\w’'-]*)")
_TERMINAL = re.compile(r"[.!?:;”\"’')\]…]$")
_STARTS_LOWER = re.compile(r"^[a-z]")
_ALPHA_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of off on or out over per the to "
                         "up via vs with after before over under about amid".split())


def _strip_popups(line: str) -> tuple[str, list[str]]:
    """Cut hover-card text inlined after a name; return the line and the pieces cut.

    A card is recognised by an all-caps "MORE" preceded, within 220
    characters, by a surname glued to the next word; it starts right after
    the real mention of that surname (or at the glued name when there is none).
    """
    if "MORE" not in line:
        return line, []
    cut = []
    for m in reversed(list(_MORE.finditer(line))):
        lo = max(0, m.start() - 220)
        glued = list(_GLUED.finditer(line, lo, m.start()))
        if not glued:
            continue
        g = glued[-1]
        sur = g.group(1)
        before = list(re.compile(r"\b" + re.escape(sur) + r"\b").finditer(
            line, max(0, g.start() - 80), g.start()))
        if before:
            start = before[-1].end()
        else:
            name = re.search(r"(?:[A-Z][\w.’'-]*\s+){0,3}$", line[lo:g.start()])
            start = lo + name.start() if name else g.start()
        cut.append(line[start:m.end()].strip())
        line = line[:start].rstrip() + " " + line[m.end():].lstrip()
    return line.strip(), cut[::-1]


def _is_headline_like(line: str) -> bool:
    """True for a short line in Title Case with no final full stop (a headline)."""
    if not line or len(line) > 160 or line[-1] in ".,;:" or not line[0].isupper():
        return False
    if "@" in line or "://" in line or "pic.twitter" in line:     # an embedded post, not a headline
        return False
    words = _ALPHA_WORD.findall(line)
    if not 3 <= len(words) <= 20:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.75


#: A dateline opening a story: "WASHINGTON —", "KABUL, Afghanistan (AP) -", "(CNN) —".
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
                       r"\s*(?:\([^()]{1,30}\))?|\([A-Z][\w .]{1,30}\))\s*[—–-]{1,2}\s")
#: A date line under a headline: "January 8, 2025", "Published: Jan. 8, 2025 10:04 a.m.".
_DATE_LINE = re.compile(r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:on\s+)?(?:\w+day,?\s+)?"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+"
                        r"\d{4}\b.{0,40}$", re.I)
#: A byline under a headline: "By Jane Roe", "BY JANE ROE, Associated Press", "By Jane Roe | Reuters".
_BYLINE = re.compile(r"^[Bb][Yy]:?\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*$|\s*[,|]|\s+(?:and|&)\s)")


def _usual_gap(kept: list[tuple[int, str, int]]) -> int:
    """The most common number of blank lines between paragraphs of a document (ties: the smaller)."""
    counts = Counter(b for _, _, b in kept[1:])
    return min(counts, key=lambda b: (-counts[b], b)) if counts else 1


def _starts_second_story(kept: list[tuple[int, str, int]], i: int, lines: list[str], gap: int) -> bool:
    """True when kept line ``i`` is the headline of a second story in the same file.

    A headline-like line is not enough (section heads, subheadings such as
    "Now: …", pull quotes and embedded tweets look like one).  It takes one of
    two pieces of evidence: the line is printed again within the next six
    lines (page templates print a headline twice), or it follows more blank
    lines than the document's usual paragraph break and one of the next three
    lines is a byline ("By Jane Roe") or a dateline ("WASHINGTON (AP) —",
    "January 8, 2025").
    """
    no, line, before = kept[i]
    if not _is_headline_like(line):
        return False
    if _key(line) in {_key(t) for _, t, _ in kept[i + 1:i + 7]}:
        return True
    if before <= max(gap, 1):
        return False
    following = [t for t in lines[no:no + 12] if t][:3]
    return any(_BYLINE.match(t) or _DATELINE.match(t) or _DATE_LINE.match(t) for t in following)


def _key(line: str) -> str:
    """Comparison key for repeat detection: case and spacing ignored."""
    key = line.casefold()
    flat = key.replace("\n\n", " ")     # a story's paragraph breaks, each one space of the key
    if _single_spaced(flat):
        return flat     # what the join below would give, without splitting the line
    return " ".join(key.split())


def _single_spaced(text: str) -> bool:
    """True when ``text`` has no space at either end, none doubled and no whitespace but plain
    spaces (every other whitespace character is unprintable), so ``" ".join(text.split()) == text``."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _same_line(line: str, other: str) -> bool:
    """Do two lines have the same :func:`_key` (case and spacing ignored)?"""
    return line == other or _key(line) == _key(other)


@dataclass
class _Story:
    """One story while it is being cleaned."""
    title: str = ""
    title_line: int = 0
    paragraphs: list = field(default_factory=list)   # [line_no, text]
    removed: list = field(default_factory=list)      # (line_no, text, reason)
    credits: list = field(default_factory=list)


def clean_document(raw: str, has_title: bool = True) -> list[dict]:
    """Clean one document and split it into its stories.

    In: the normalised text of one file or table cell; ``has_title`` says
    whether the first non-empty line is the headline (files) or not (tables
    with their own ``title`` column).
    Out: a list of stories, each a dict with ``title``, ``text`` (paragraphs
    separated by one blank line), ``credits`` and ``removed`` — a list of
    ``(line_no, line, reason)`` for every line removed or changed, ``line_no``
    counting from 1 in the document.

    Rules, in order: page furniture lines go (``FURNITURE_RULES``); a line
    repeated right after itself goes (caption repeats); credit lines go into
    ``credits``; name pop-ups are cut out of lines; a headline-like line after
    at least 40 words of body starts a new story only with evidence of one
    (:func:`_starts_second_story`: the headline printed twice, or a byline or
    dateline under it after a wider break than the document's usual); within a
    story the headline's repeat and any repeated paragraph go, short
    unpunctuated lines between headline and first paragraph go (photo
    captions), and a paragraph broken mid-sentence is joined to its rest.
    """
    lines = raw.split("\n")
    kept: list[tuple[int, str, int]] = []   # (line_no, text, blank lines before)
    removed: list[tuple[int, str, str]] = []
    credits: list[tuple[int, str]] = []
    blanks, prev = 0, None     # prev: the line before (as kept), for repeats right after it
    for no, line in enumerate(lines, start=1):
        if not line:
            blanks += 1
            continue
        flagged = _flagged(line)
        reason = next((r for r, pat in FURNITURE_RULES if pat.match(line)), None) if flagged else None
        if reason is None and blanks == 0 and prev is not None and _same_line(line, prev):
            reason = "repeated line (e.g. a caption printed twice)"
        if reason is None and flagged:
            credit = next((r for r, pat in CREDIT_RULES if pat.match(line)), None)
            if credit is not None and not (has_title and not kept):
                credits.append((no, line))
                removed.append((no, line, credit + ": moved to metadata"))
                prev, blanks = line, 0
                continue
        if reason is not None:
            removed.append((no, line, reason))
            prev, blanks = line, 0
            continue
        line, cut = _strip_popups(line)
        removed.extend((no, c, "name pop-up (hover card) inlined after a name") for c in cut)
        kept.append((no, line, blanks))
        prev, blanks = line, 0

    stories: list[_Story] = []
    story = _Story()
    body_words = 0
    gap = _usual_gap(kept)
    for i, (no, line, before) in enumerate(kept):
        if not stories and not story.title and not story.paragraphs and has_title \
                and len(line) <= MAX_TITLE_CHARS:
            story.title, story.title_line = line, no
            continue
        if body_words >= 40 and _starts_second_story(kept, i, lines, gap):
            stories.append(story)
            story, body_words = _Story(title=line, title_line=no), 0
            continue
        story.paragraphs.append([no, line])
        if body_words < 40:     # only whether 40 words are reached matters
            body_words += len(line.split())
    stories.append(story)

    out = []
    for part, st in enumerate(stories, start=1):
        lo = st.title_line
        hi = stories[part].title_line if part < len(stories) else len(lines) + 1
        st.removed = [r for r in removed if lo <= r[0] < hi or (part == 1 and r[0] < lo)]
        st.credits = [c for n, c in credits if lo <= n < hi or (part == 1 and n < lo)]
        out.append(_finish_story(st))
    return out


def _finish_story(st: _Story) -> dict:
    """Within-story rules: repeated headline/paragraphs, lead captions, broken paragraphs."""
    seen = {_key(st.title)} if st.title else set()
    paras: list[list] = []
    in_lead = True
    for no, line in st.paragraphs:
        k = _key(line)
        if k in seen:
            reason = "repeated headline" if k == _key(st.title) else "repeated paragraph"
            st.removed.append((no, line, reason))
            continue
        if in_lead and st.title and len(line.split()) <= 12 and not _TERMINAL.search(line) \
                and not line.isupper():
            st.removed.append((no, line, "photo caption (short unpunctuated line under the headline)"))
            continue
        in_lead = False
        seen.add(k)
        if paras and _STARTS_LOWER.match(line) and not _TERMINAL.search(paras[-1][1]):
            st.removed.append((no, line, "paragraph broken mid-sentence: joined to the one before"))
            paras[-1][1] = paras[-1][1] + " " + line
            continue
        paras.append([no, line])
    st.removed.sort(key=lambda r: r[0])
    return {"title": st.title, "text": "\n\n".join(p for _, p in paras),
            "credits": "; ".join(st.credits), "removed": st.removed}


# --------------------------------------------------------------------------- HTML remnants

# Tags that only format an article's words (paragraphs, links, emphasis, lists, headings).
# Anything else that looks like a tag (<script>, <img …>) is left as text: it is data, and the
# report escapes it.
_BLOCK_TAGS = (r"p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|section|article|header|footer"
               r"|figure|figcaption|table|tr|aside|nav|main|pre")
_INLINE_TAGS = (r"span|a|em|strong|b|i|u|s|small|big|sup|sub|time|cite|q|abbr|mark|font|center"
                r"|td|th|tbody|thead|tfoot|label|ins|del|wbr|nobr|o:p")
_TAG_TAIL = r"(?:\s[^<>]{0,2000})?/?>"
_HTML_BLOCK = re.compile(rf"</?(?:{_BLOCK_TAGS}){_TAG_TAIL}", re.I)
_HTML_INLINE = re.compile(rf"</?(?:{_INLINE_TAGS}){_TAG_TAIL}", re.I)
_HTML_COMMENT = re.compile(r"<!--.{0,20000}?-->", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MANY_BLANKS = re.compile(r"\n(?:[ \t]*\n){2,}")


def _strip_html(text: str) -> tuple[str, int, int, str]:
    """Normalise text, remove formatting tags and comments, decode entities.

    In: raw text.  Out: (normalised text, tags removed, entities decoded, the
    first thing removed, for the report).  Block tags become line breaks;
    runs of blank lines they leave are collapsed to one.  Text without any
    tag or entity is only normalised.
    """
    text = normalize_text(text)
    if "<" not in text and "&" not in text:
        return text, 0, 0, ""
    first = ""
    n_tags = 0
    for pat, repl in ((_HTML_COMMENT, ""), (_HTML_BLOCK, "\n"), (_HTML_INLINE, "")):
        m = pat.search(text)
        if m:
            first = first or m.group(0)
            text, n = pat.subn(repl, text)
            n_tags += n
    entities = len(_ENTITY.findall(text))
    if entities:
        first = first or _ENTITY.search(text).group(0)
        text = html.unescape(text)
    if n_tags:
        text = _MANY_BLANKS.sub("\n\n", text)
    if n_tags or entities:
        text = normalize_text(text)     # entities may have brought back no-break spaces
    return text, n_tags, entities, first[:80]


# --------------------------------------------------------------------------- reading files

#: Documents (a .txt file or one table cell) larger than this are skipped with a warning.
MAX_BYTES = 20_000_000
#: Up to this many warnings of one kind are shown one by one; more are summarised in one.
MAX_WARNINGS_PER_KIND = 8
#: Columns a table's text may be in when it has no ``text`` column (the first found is used).
TEXT_ALIASES = ("body", "content", "article_text", "full_text", "story_text", "text_content")
#: metadata.csv columns the loader reads itself; any other column is copied into the articles.
META_COLUMNS = ("file", "outlet", "published", "url", "part_published")


class _Skip(Exception):
    """A file that cannot be read as text; the message says why."""


class _Log:
    """What loading found wrong, as report rows, warnings and (with errors="raise") exceptions.

    ``skip`` is for something not loaded (raises with errors="raise");
    ``note`` is for something loaded anyway (never raises).  Warnings are
    grouped by kind and shown at the end, so 10,000 bad rows give one warning.
    """

    def __init__(self, errors: str):
        self.errors = errors
        self.report: list[tuple] = []
        self.kinds: "OrderedDict[str, list[str]]" = OrderedDict()

    def row(self, article_id, source, line_no, line, reason) -> None:
        self.report.append((article_id, source, line_no, line, reason))

    def skip(self, kind: str, message: str, source: str, reason: str, exc_type=ValueError) -> None:
        self.row(pd.NA, source, 0, "", reason)
        if self.errors == "raise":
            raise exc_type(message)
        self.kinds.setdefault(kind, []).append(message)

    def note(self, kind: str, message: str) -> None:
        self.kinds.setdefault(kind, []).append(message)

    def emit(self) -> None:
        """Show the collected warnings (nothing with errors="ignore")."""
        if self.errors == "ignore":
            return
        for kind, msgs in self.kinds.items():
            if len(msgs) <= MAX_WARNINGS_PER_KIND:
                for m in msgs:
                    warnings.warn(m, UserWarning, stacklevel=4)
            else:
                shown = "\n  ".join(msgs[:5])
                warnings.warn(f"{len(msgs)} × {kind}, e.g.:\n  {shown}\n  … and {len(msgs) - 5} more "
                              "(every one is in cleaning_report(articles))", UserWarning, stacklevel=4)


def _listing(items, most: int = 10) -> str:
    """The first ``most`` items joined by commas, with "…" when there are more (for warnings)."""
    items = [str(i) for i in items]
    return ", ".join(items[:most]) + (", …" if len(items) > most else "")


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding).  Raises _Skip for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _Skip(f"UTF-16 byte-order mark but undecodable ({exc.reason})") from None
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    head = data[:4096]
    if b"\x00" in head:
        raise _Skip("binary file (NUL bytes), not text")
    control = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    if head and control / len(head) > 0.05:
        raise _Skip("binary file (control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _read_metadata(folder: Path, log: _Log) -> pd.DataFrame:
    """Read ``metadata.csv`` beside .txt files; an empty frame when there is none or it is unusable."""
    path = folder / "metadata.csv"
    empty = pd.DataFrame(columns=["file"]).set_index("file", drop=False)
    if not path.is_file():
        return empty
    try:
        text, _ = _decode(path.read_bytes())
        meta = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (_Skip, OSError, ValueError, pd.errors.ParserError) as exc:
        log.skip("unreadable metadata", f"{path}: cannot be read as a CSV table ({exc}); metadata ignored",
                 path.name, f"metadata ignored: unreadable ({exc})")
        return empty
    meta.columns = [str(c).strip() for c in meta.columns]
    meta = meta.fillna("")      # a row with fewer fields than the header
    if "file" not in meta.columns:
        log.skip("metadata without 'file'", f"{path}: no 'file' column (columns: {', '.join(meta.columns)}); "
                 "metadata ignored", path.name, "metadata ignored: no 'file' column")
        return empty
    missing = [c for c in ("outlet", "published") if c not in meta.columns]
    if missing:
        log.note("metadata column missing", f"{path}: no {' or '.join(repr(c) for c in missing)} column; "
                 f"{' and '.join(missing)} left empty")
        log.row(pd.NA, path.name, 0, "", f"metadata has no {', '.join(missing)} column")
    meta["file"] = meta["file"].str.strip()
    dup = meta["file"].duplicated(keep="first") & meta["file"].ne("")
    if dup.any():
        names = sorted(set(meta.loc[dup, "file"]))
        log.note("metadata repeated row", f"{path}: {len(names)} file(s) listed more than once "
                 f"({_listing(names, 5)}); the first row is used")
        for n in names:
            log.row(pd.NA, n, 0, "", "metadata lists this file more than once; first row used")
    return meta[~dup].set_index("file", drop=False)


def _part_dates(value: str) -> dict[int, str]:
    """Parse ``part_published`` ("2=2025-01-08; 3=…") into {part: date}."""
    out = {}
    for item in filter(None, (s.strip() for s in (value or "").split(";"))):
        k, _, v = item.partition("=")
        if k.strip().isdigit():
            out[int(k)] = v.strip()
    return out


def _progress(items, n: int, progress, desc: str):
    """Wrap ``items`` in a notebook-aware tqdm bar when the corpus is large enough."""
    show = progress if progress is not None else (
        n >= PROGRESS_MIN and "PYTEST_CURRENT_TEST" not in os.environ)
    if not show:
        return items
    from tqdm.auto import tqdm
    return tqdm(items, total=n, desc=desc)


def _extra(meta: dict) -> dict:
    """Metadata fields the loader does not read itself, renamed if they clash with a column."""
    taken = set(ARTICLE_COLUMNS) | set(EXTRA_COLUMNS) | {"duplicate_of"}
    return {(k if k not in taken else f"meta_{k}"): v for k, v in meta.items()
            if k not in META_COLUMNS and str(k).strip()}


def _rows_from_text(stem: str, source: str, raw: str, meta: dict, has_title: bool,
                    encoding: str, log: _Log, title: str = "") -> list[dict]:
    """Article rows for one document; its report rows go to ``log``."""
    text, n_tags, n_ent, first = _strip_html(raw)
    if n_tags or n_ent:
        what = ", ".join(s for s in (f"{n_tags} formatting tag(s) removed" if n_tags else "",
                                     f"{n_ent} HTML entit{'y' if n_ent == 1 else 'ies'} decoded" if n_ent else "") if s)
        log.row(pd.NA, source, 0, first, f"HTML markup: {what}")
        if n_tags:
            log.note("HTML markup", f"{source}: HTML markup in the text: {what} (first: {first!r})")
    stories = clean_document(text, has_title=has_title)
    dates = _part_dates(meta.get("part_published", ""))
    extra = _extra(meta)
    rows = []
    for part, st in enumerate(stories, start=1):
        aid = f"{stem}-{part}"
        body = st["text"]
        rows.append({
            "article_id": aid, "source": source, "part": part,
            "outlet": meta.get("outlet", "") or "",
            "published": dates.get(part, meta.get("published", "") if part == 1 else "") or "",
            "title": st["title"] or (title if part == 1 else ""),
            "text": body,
            "n_words": len(body.split()),     # the runs of non-space characters (\S+)
            "n_paragraphs": sum(1 for p in body.split("\n\n") if p.strip()) if body else 0,
            "url": meta.get("url", "") or "", "credits": st["credits"], "encoding": encoding,
            **extra,
        })
        for no, line, reason in st["removed"]:
            log.row(aid, source, no, line, reason)
        if not body:
            log.row(aid, source, 0, rows[-1]["title"], "story has a title but no body")
            log.note("story without body", f"{source}: part {part} has a title but no body text")
    return rows


def _size(nbytes: int) -> str:
    return f"{nbytes / 1e6:.1f} MB" if nbytes >= 1e6 else f"{nbytes:,} bytes"


def _load_txt(paths: list[Path], log: _Log, progress, max_bytes: int | None) -> list[dict]:
    """Load .txt files (metadata.csv beside them merged by file name), one file at a time."""
    rows, metas, used = [], {}, {}
    for path in _progress(paths, len(paths), progress, "loading"):
        folder = path.parent
        if folder not in metas:
            metas[folder], used[folder] = _read_metadata(folder, log), set()
        meta = metas[folder]
        if path.name in meta.index:
            meta_row = meta.loc[path.name].to_dict()
            used[folder].add(path.name)
        else:
            meta_row = {}
            if len(meta):
                log.note("file not in metadata", f"{path}: no row in metadata.csv; outlet and date unknown")
                log.row(pd.NA, path.name, 0, "", "no row in metadata.csv: outlet and date unknown")
        try:
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise _Skip(f"too large ({_size(size)}, over max_bytes={max_bytes:,}); "
                            "load it alone with load_articles(path, max_bytes=None) if it is one story")
            text, encoding = _decode(path.read_bytes())
            if not text.strip():
                raise _Skip("empty or blank file")
        except (_Skip, OSError) as exc:
            log.skip("file skipped", f"{path}: skipped: {exc}", path.name, f"file skipped: {exc}")
            continue
        if encoding not in ("utf-8", "utf-8-sig"):
            log.row(pd.NA, path.name, 0, "", f"file decoded as {encoding}, not UTF-8")
            log.note("not UTF-8", f"{path}: not UTF-8; decoded as {encoding}")
        rows.extend(_rows_from_text(path.stem, path.name, text, meta_row, True, encoding, log))
    for folder, meta in metas.items():
        unknown = sorted(set(meta.index) - used[folder] - {""})
        present = {p.name for p in paths if p.parent == folder}
        unknown = [u for u in unknown if u not in present]
        if unknown:
            log.note("metadata for a missing file",
                     f"{folder / 'metadata.csv'}: {len(unknown)} row(s) name files that are not in the folder "
                     f"({_listing(unknown, 5)})")
            for u in unknown:
                log.row(pd.NA, u, 0, "", "metadata.csv names this file, but it is not in the folder")
    return rows


def _read_jsonl(text: str, path: Path, log: _Log) -> pd.DataFrame:
    """JSON Lines, one object per line; a line that is not a JSON object is skipped and reported."""
    recs, bad = [], []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            recs.append(obj)
        else:
            bad.append(no)
            log.row(pd.NA, f"{path.name}#line{no}", no, line[:200], "row skipped: not a JSON object")
    if bad:
        log.skip("unreadable table rows", f"{path}: {len(bad)} line(s) are not JSON objects and were skipped "
                 f"(lines {_listing(bad)})",
                 path.name, f"{len(bad)} line(s) skipped: not JSON objects")
    return pd.DataFrame.from_records(recs)


def _read_csv(text: str, path: Path, log: _Log) -> pd.DataFrame:
    """CSV with a header row, every cell a string; a row with more fields than the header is
    skipped and reported, a row with fewer is padded with empty cells."""
    csv.field_size_limit(2**31 - 1)          # article texts are longer than csv's 128 kB default
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None) or []
    seen: dict[str, int] = {}
    columns = []
    for name in (h.strip() for h in header):        # "a, a" -> "a, a.1", as pandas names them
        columns.append(f"{name}.{seen[name]}" if name in seen else name)
        seen[name] = seen.get(name, 0) + 1
    width, rows, bad = len(columns), [], []
    for row in reader:
        if not row:
            continue
        if len(row) > width:
            bad.append(reader.line_num)
            log.row(pd.NA, f"{path.name}#line{reader.line_num}", reader.line_num, ",".join(row)[:200],
                    "row skipped: more fields than the header")
            continue
        rows.append(row + [""] * (width - len(row)))
    if bad:
        log.skip("unreadable table rows", f"{path}: {len(bad)} row(s) have more fields than the header "
                 f"and were skipped (lines {_listing(bad)})",
                 path.name, f"{len(bad)} row(s) skipped: more fields than the header")
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _read_table(path: Path, log: _Log) -> pd.DataFrame:
    """Read a CSV / JSON Lines / JSON / Parquet table into a DataFrame (text decoded like .txt files)."""
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return pd.read_parquet(path)
    text, encoding = _decode(path.read_bytes())
    if encoding not in ("utf-8", "utf-8-sig"):
        log.note("not UTF-8", f"{path}: not UTF-8; decoded as {encoding}")
        log.row(pd.NA, path.name, 0, "", f"file decoded as {encoding}, not UTF-8")
    if suffix == ".csv":
        return _read_csv(text, path, log)
    stripped = text.lstrip()
    if suffix == ".json" and stripped.startswith("["):
        return pd.DataFrame.from_records([r for r in json.loads(stripped) if isinstance(r, dict)])
    return _read_jsonl(text, path, log)


def _is_null(value) -> bool:
    """None, NaN, NA or NaT (a table's missing value, whatever the reader made of it)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _as_text(value) -> tuple[str | None, str]:
    """A table cell as article text: (text or None, what was wrong or done; "" when fine)."""
    if isinstance(value, str):
        return value, ""
    if _is_null(value):
        return None, "no text (null)"
    if isinstance(value, bytes):
        try:
            return _decode(value)[0], ""
        except _Skip as exc:
            return None, f"text is binary ({exc})"
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):
        value = value.tolist()
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value), f"text given as a list of {len(value)} strings: joined as paragraphs"
    shown = repr(value)
    return None, f"text is a {type(value).__name__} ({shown[:40]}{'…' if len(shown) > 40 else ''}), not a string"


def _cell(value) -> str:
    """A metadata cell as a string ("" for null; 7.0 is "7")."""
    if _is_null(value):
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    return str(value).strip()


def _records(table: pd.DataFrame, name: str, path: Path, log: _Log, progress, max_bytes: int | None,
             alone: bool) -> list[dict]:
    """Article rows from a table whose rows are stories (a ``text`` column, or one of TEXT_ALIASES)."""
    table = table.rename(columns=lambda c: str(c).strip())
    text_col = "text" if "text" in table.columns else next((c for c in TEXT_ALIASES if c in table.columns), None)
    if text_col is None:
        msg = (f"{path}: no 'text' column; a table needs the article text in a column named 'text' "
               f"(columns found: {', '.join(map(str, table.columns)) or 'none'})")
        if alone:
            raise ValueError(msg)
        log.skip("table without text", msg + "; skipped", name, "file skipped: table has no 'text' column")
        return []
    if text_col != "text":
        log.note("text column renamed", f"{path}: no 'text' column; the text is read from {text_col!r}")
    id_col = next((c for c in ("article_id", "id", "stories_id") if c in table.columns), None)
    known = {text_col, "text", "title", "outlet", "published", "url", "media_name", "publish_date", id_col}
    rows = []
    problems: dict[str, list[int]] = {}
    for i, rec in enumerate(_progress(table.to_dict("records"), len(table), progress, "loading")):
        source = f"{name}#row{i}"
        text, issue = _as_text(rec.get(text_col))
        if text is not None and not text.strip():
            text, issue = None, "empty text"
        if text is not None and max_bytes is not None and len(text) > max_bytes:
            text, issue = None, f"text too large ({len(text):,} characters, over max_bytes={max_bytes:,})"
        if text is None:
            log.row(pd.NA, source, 0, "", f"row skipped: {issue}")
            group = ("text is not a string" if issue.startswith("text is a ")
                     else "text too large" if issue.startswith("text too large") else issue)
            problems.setdefault(group, []).append(i)
            continue
        if issue:
            log.row(pd.NA, source, 0, "", issue)
            log.note("text as a list", f"{path}: row {i}: {issue}")
        stem = _cell(rec.get(id_col)) if id_col else ""
        stem = stem or f"{path.stem}-r{i}"
        meta = {k: _cell(rec.get(k)) for k in ("outlet", "published", "url") if k in rec}
        if not meta.get("outlet") and rec.get("media_name") is not None:
            meta["outlet"] = _cell(rec["media_name"])     # Media Cloud's name for the outlet
        if not meta.get("published") and rec.get("publish_date") is not None:
            meta["published"] = _cell(rec["publish_date"])
        meta.update({k: _cell(v) for k, v in rec.items() if k not in known})
        title = _strip_html(_cell(rec.get("title")))[0]
        rows.extend(_rows_from_text(stem, source, text, meta, False, "table", log, title))
    for issue, idx in problems.items():
        msg = f"{path}: {len(idx)} row(s) skipped, {issue} in column {text_col!r} (rows {_listing(idx)})"
        if log.errors == "raise":
            raise ValueError(msg)
        log.note("table rows skipped", msg)
    return rows


def _load_table(path: Path, log: _Log, progress, max_bytes: int | None, alone: bool) -> list[dict]:
    """Load one table file whose rows are stories."""
    try:
        table = _read_table(path, log)
    except Exception as exc:  # noqa: BLE001 - pandas, pyarrow and json each raise their own types
        what = f"{type(exc).__name__}: {exc}"
        if alone and not isinstance(exc, (_Skip, OSError)):
            raise ValueError(f"{path}: cannot be read as a table ({what})") from exc
        log.skip("file skipped", f"{path}: skipped: cannot be read as a table ({what})",
                 path.name, f"file skipped: unreadable table ({exc})")
        return []
    return _records(table, path.name, path, log, progress, max_bytes, alone)


def _resolve(source) -> Path:
    """Find ``source``; "seeds" also resolves to the project's own seeds folder."""
    path = Path(source).expanduser()
    if not path.exists() and not path.is_absolute() and (REPO_ROOT / path).exists():
        path = REPO_ROOT / path
    if not path.exists():
        raise FileNotFoundError(f"No such file or folder: {str(source)!r}")
    return path


def _to_frame(rows: list[dict], log: _Log) -> pd.DataFrame:
    """Build the articles table with its documented columns and dtypes (extra metadata columns after them)."""
    extra = list(dict.fromkeys(k for r in rows for k in r if k not in ARTICLE_COLUMNS + EXTRA_COLUMNS))
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS + EXTRA_COLUMNS + extra)
    raw = df["published"].fillna("").astype(str).str.strip()
    published = pd.to_datetime(raw.replace("", None), errors="coerce", utc=True, format="mixed")
    bad = raw.ne("") & published.isna()
    for r in df[bad].itertuples():
        log.row(r.article_id, r.source, 0, r.published, "date not understood: published left empty")
        log.note("malformed date", f"{r.source}: date {r.published!r} not understood; published left empty (NaT)")
    df["published"] = published.dt.tz_convert(None).astype("datetime64[ns]")
    for col in ("part", "n_words", "n_paragraphs"):
        df[col] = df[col].astype("int64")
    for col in ("article_id", "source", "outlet", "title", "text", "url", "credits", "encoding"):
        df[col] = df[col].astype(object)
    for col in extra:
        df[col] = df[col].fillna("").astype(object)
    return df.reset_index(drop=True)


def _flag_duplicates(articles: pd.DataFrame, log: _Log) -> None:
    """Make ids unique and fill ``duplicate_of``: the first story with the same text (case and spacing ignored)."""
    dup_id = articles["article_id"].duplicated(keep=False)
    if dup_id.any():
        k = articles.groupby("article_id").cumcount()
        renamed = articles["article_id"] + k.map(lambda n: "" if n == 0 else f"~{n}")
        for old, new, src in zip(articles.loc[k > 0, "article_id"], renamed[k > 0], articles.loc[k > 0, "source"]):
            log.row(new, src, 0, old, f"duplicate article id {old!r}: renamed {new!r}")
            log.note("duplicate id", f"{src}: article id {old!r} is used more than once; this story is {new!r}")
        articles["article_id"] = renamed
    # A text can have another's key only if it has as many words (the key keeps every word), so a
    # text whose word count no other text shares gets no key (computing one is a pass over it).
    twin = articles["n_words"].duplicated(keep=False)
    key = articles["text"].where(twin, "").map(lambda t: _key(t) if t else "")
    first = articles.assign(key=key).drop_duplicates("key").set_index("key")["article_id"]
    dup = key.duplicated(keep="first") & key.ne("")
    articles["duplicate_of"] = ""
    if dup.any():
        articles.loc[dup, "duplicate_of"] = key[dup].map(first)
        for r in articles[dup].itertuples():
            log.row(r.article_id, r.source, 0, "", f"same text as {r.duplicate_of}: both kept, "
                    "flagged in duplicate_of")
            log.note("duplicate story", f"{r.source}: story {r.article_id} has the same text as {r.duplicate_of}; "
                     "both are kept and flagged in the duplicate_of column")


def _load(source, errors: str, progress, max_bytes: int | None = MAX_BYTES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Shared body of load_articles and cleaning_report."""
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors must be 'warn', 'raise' or 'ignore', not {errors!r}")
    log = _Log(errors)
    if isinstance(source, pd.DataFrame):
        rows = _records(source, "table", Path("table"), log, progress, max_bytes, alone=True)
    else:
        path = _resolve(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            kinds = [("txt" if p.suffix.lower() == ".txt" else "meta" if p.name.lower() == "metadata.csv"
                      else "table" if p.suffix.lower() in TABLE_SUFFIXES else "other") for p in files]
            txts = [p for p, k in zip(files, kinds) if k == "txt"]
            tables = [p for p, k in zip(files, kinds) if k == "table"]
            others = [p for p, k in zip(files, kinds) if k == "other"]
            if not txts and not tables:
                raise ValueError(f"{path}: no .txt files or tables (CSV, JSON Lines, Parquet) in this folder"
                                 + (f"; found {_listing([p.name for p in others], 5)}" if others else ""))
            for p in others:
                log.row(pd.NA, p.name, 0, "", "file not read: not .txt or a table")
            if others:
                log.note("file not read", f"{path}: {len(others)} file(s) neither .txt nor a table were not read "
                         f"({_listing([p.name for p in others], 5)})")
            rows = _load_txt(txts, log, progress, max_bytes)
            for t in tables:
                rows.extend(_load_table(t, log, progress, max_bytes, alone=False))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            rows = _load_table(path, log, progress, max_bytes, alone=True)
        else:
            rows = _load_txt([path], log, progress, max_bytes)
    articles = _to_frame(rows, log)
    _flag_duplicates(articles, log)
    log.emit()
    rep = pd.DataFrame(log.report, columns=REPORT_COLUMNS)
    rep["line_no"] = rep["line_no"].astype("int64")
    return articles, rep


_REPORTS: "OrderedDict[str, pd.DataFrame]" = OrderedDict()
_REPORT_IDS = itertools.count(1)
_MAX_REPORTS = 32


def load_articles(source="seeds", errors: str = "warn", progress=None,
                  max_bytes: int | None = MAX_BYTES) -> pd.DataFrame:
    """Load and clean articles into one row per story.

    In: ``source`` — a folder of ``.txt`` files (the first non-empty line of
    each is its headline; a ``metadata.csv`` beside them is merged by file
    name; tables in the folder are loaded too), a single ``.txt`` file, a CSV /
    JSON Lines / Parquet table with a ``text`` column and optional ``title,
    outlet, published, url`` (Media Cloud's ``media_name``/``publish_date``
    are understood too), or a DataFrame shaped like such a table.  ``"seeds"``
    means the project's seed folder.  ``errors``: "warn" (skip a bad file or
    row with a UserWarning naming it and the reason), "raise" (raise
    ``ValueError`` instead) or "ignore" (no warnings; every skip is still in
    the cleaning report).  ``progress``: show a progress bar (default: only
    for 200+ files or rows).  ``max_bytes``: a file (or table cell) larger
    than this is skipped with a warning instead of exhausting memory;
    ``None`` loads everything.

    Out: a new DataFrame with columns ``article_id`` (file stem + "-" + part,
    stable across runs), ``source`` (file name, or ``table#rowN``), ``part``
    (1, 2, … when one file carries several stories), ``outlet``, ``published``
    (datetime64, NaT when unknown), ``title``, ``text`` (cleaned body,
    paragraphs separated by one blank line), ``n_words``, ``n_paragraphs``,
    plus ``url``, ``credits`` (credit lines moved out of the body),
    ``encoding``, ``duplicate_of`` (the id of an earlier story with the same
    text, "" for none: duplicates are kept and flagged, never merged) and
    any extra metadata columns.  ``cleaning_report(articles)`` gives the
    report of this load (``articles.attrs`` keep a key to it and the source).

    What it does with bad input (each case is also a row of the report):
    empty, blank, binary and too-large files are skipped with a warning
    naming the file and the reason; non-UTF-8 files load with a warning
    naming the encoding; HTML formatting tags are removed and entities
    decoded, with a warning; a date that cannot be parsed becomes NaT with a
    warning; table rows with no text, null text or a non-string text are
    skipped with one warning naming the rows; a repeated id is renamed
    ``id~1`` with a warning.  Raises ``FileNotFoundError`` naming a missing
    path, and ``ValueError`` for a table with no text column or a folder
    with nothing to read.
    """
    articles, report = _load(source, errors, progress, max_bytes)
    # attrs hold only a short key: pandas deep-copies attrs into every frame derived from this one
    # (each column read), so the report itself lives in a small registry.
    key = f"report-{next(_REPORT_IDS)}"
    _REPORTS[key] = report
    while len(_REPORTS) > _MAX_REPORTS:
        _REPORTS.popitem(last=False)
    articles.attrs["cleaning_report"] = key
    if not isinstance(source, pd.DataFrame):
        articles.attrs["source"] = str(source)
    articles.attrs["errors"] = errors
    articles.attrs["max_bytes"] = max_bytes
    return articles


def cleaning_report(source="seeds", errors: str = "ignore") -> pd.DataFrame:
    """Every line the cleaning removed or changed, and every file it skipped, with the reason.

    In: the same ``source`` as :func:`load_articles`, or an articles DataFrame
    that ``load_articles`` returned.  Out: a DataFrame with ``article_id`` (NA
    for a skipped file), ``source``, ``line_no`` (1-based line in the file; 0
    for a whole file or row), ``line`` (the text removed) and ``reason``.
    """
    if isinstance(source, pd.DataFrame):
        key = source.attrs.get("cleaning_report")
        if key in _REPORTS:
            return _REPORTS[key].copy()
        if "source" in source.attrs:   # an older load: read the source again
            return _load(source.attrs["source"], "ignore", False,
                         source.attrs.get("max_bytes", MAX_BYTES))[1]
        raise ValueError("this DataFrame carries no cleaning report; pass the source path instead")
    return _load(source, errors, False)[1]


def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """The ``outlet`` column with blanks shown as "(unknown outlet)", for tables and figures."""
    return articles["outlet"].fillna("").replace("", "(unknown outlet)")


def group_values(articles: pd.DataFrame, by: str = "outlet") -> pd.Series:
    """Each story's value of the comparison column ``by`` (GROUP_BY), as text; "" when unknown.

    In: the articles table and a column name: "outlet", any articles column (``lean``, a user's
    own), or "year" / "quarter" / "month" (from ``published`` when there is no such column).
    Out: a Series of strings aligned with ``articles``.  Raises ``ValueError`` naming the columns
    when ``by`` is none of these.
    """
    if by in articles.columns:
        col = articles[by]
        if pd.api.types.is_datetime64_any_dtype(col):
            return col.dt.strftime("%Y-%m-%d").fillna("").astype(object)
        return col.map(lambda v: "" if _is_null(v) else _cell(v)).astype(object)
    if by in ("year", "quarter", "month") and "published" in articles.columns:
        from .figures import period_labels

        return period_labels(articles["published"], by).replace("undated", "").astype(object)
    raise ValueError(f"GROUP_BY={by!r} is not a column of the articles (columns: "
                     f"{', '.join(map(str, articles.columns))}; or year, quarter, month)")


def story_groups(articles: pd.DataFrame, by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.Series:
    """Each story's display group: its ``by`` value when among the ``top`` most frequent, else
    "other <by>s" (blank values are "(unknown outlet)").  Aligned with ``articles``."""
    from .figures import group_labels

    return group_labels(group_values(articles, by), top, by)
