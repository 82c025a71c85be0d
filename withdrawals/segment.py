"""Segment: stories into sentences, and the spans of each story that sit inside quotation marks.

Sentences come from NLTK's Punkt, given a fixed list of English abbreviations
instead of downloaded models (``nltk.sent_tokenize`` needs ``punkt_tab``, which
cannot be fetched offline).  The parameters are fixed rather than trained on the
corpus, so a story is split the same way whatever else is in the batch.

Two repairs on top of Punkt:

* a "sentence" that starts with a lower-case word after a quotation closed by
  ``.”``, ``?”`` or ``!”`` (``“Why now?” he asked.``) is glued back to the quotation;
* paragraphs are split first (on the blank line between them), so a sentence
  never runs over a paragraph break.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_right

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from withdrawals import lexicon
from withdrawals.lexicon import trie_pattern  # noqa: F401  (the speaker and number rules import it from here too)

__all__ = ["split_sentences", "quote_spans", "uses_single_marks", "headline_quote", "paragraph_offsets", "ABBREVIATIONS",
           "SENTENCE_COLUMNS"]

#: Abbreviations after which a full stop does not end a sentence (lower case, no final dot).
ABBREVIATIONS = frozenset(lexicon.words("abbreviations"))   # lexicon/abbreviations.txt

SENTENCE_COLUMNS = ["article_id", "paragraph", "sentence", "text", "start", "end",
                    "voice", "quoted_share"]

_params = PunktParameters()
_params.abbrev_types = set(ABBREVIATIONS)
_TOKENIZER = PunktSentenceTokenizer(_params)

_PARA_BREAK = re.compile(r"\n[ \t]*\n")
# A sentence that Punkt cut off after a quotation ending in .” ?” or !” and that goes on in lower case.
_ENDS_QUOTED_QUESTION = re.compile(r"[.?!]['\"”’]\s*$")
_STARTS_LOWER = re.compile(r"[a-z]")
_CLOSERS = "\"'”’)]"
_END_MARK = re.compile(r"[.?!]")
_EASY_BREAK = re.compile(r"(?:(?<![\w.’'-])(?P<word>[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*[a-z]|[A-Z]{2,}"
                         r"|[0-9]+(?:,[0-9]{3})*s?)|[)\]”\"])"
                         r"(?P<mark>[.?!])(?P<close>[\"”’')\]]*)[ \t\n\r\x0b\x0c]+(?=[A-Za-z(—–|…]|[“\"‘'][A-Za-z0-9])")
_INNER_END = re.compile(r"[.?!…][\"'”’)\]]*\s")

#: Share of a sentence's characters inside quotation marks at or above which it is "quoted".
QUOTED_THRESHOLD = 0.5


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of each paragraph of a story's ``text``.

    In: a cleaned story body, paragraphs separated by a blank line.
    Out: one pair per paragraph, in order, empty paragraphs included, so that
    index ``i`` is the 0-based ``paragraph`` used in every table.
    """
    spans, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _easy_spans(para: str):
    """Sentence spans of a paragraph whose every boundary is unambiguous, or None.

    Punkt, with no trained statistics, breaks after a full stop, question or
    exclamation mark that ends a word which is not an abbreviation, an initial
    or a number, or that follows a closing bracket or quotation mark, whatever
    word follows; after a number only before a capital or an opening quote or
    bracket; after an initial followed by a capitalised word, never; and it
    never looks at a mark followed by a letter, a digit, a comma, a hyphen or a
    slash ("U.S.-China", "Fla.,", "feel.That").  When every other end mark
    inside the paragraph follows a plain word of two or more letters that is
    not in :data:`ABBREVIATIONS`, a number or a closing mark, and is followed
    by a space and a word (not a quotation mark Punkt would move back), or sits
    in a word that is an abbreviation ("U.S.", "Gen.") or an initial ("W.
    Bush") followed by a word with no end mark before its last character, the
    boundaries are exactly Punkt's and are found here in one pass (tests check
    the two agree).  A paragraph holding whitespace other than ASCII's, and
    anything else, returns None and goes to Punkt.
    """
    ends = [m.start() for m in _END_MARK.finditer(para)]
    tail = len(para.rstrip().rstrip(_CLOSERS))
    ends = [e for e in ends if e < tail - 1 and para[e + 1] not in _IN_WORD]
    if not ends:
        return [(0, len(para.rstrip()))]
    if _OTHER_SPACE.search(para):
        return None
    skip = _abbreviation_dots(para, ends)
    if skip is None:
        return None
    spans, begin = [], 0
    for e in ends:
        if e in skip:
            continue
        m = _easy_break_at(para, e)
        if m is None or _not_easy(m, para):
            return None
        spans.append((begin, m.end("close")))
        begin = m.end()
    spans.append((begin, len(para.rstrip())))
    return spans


#: Whitespace outside ASCII's (no-break and other Unicode spaces, separators): Punkt's patterns and
#: its own search for the space before a word disagree on it, so the fast path leaves it to Punkt.
_OTHER_SPACE = re.compile("[%s]" % "".join(c for c in map(chr, range(0x3001))
                                           if c.isspace() and c not in string.whitespace))
#: After an end mark, these keep it inside a word, where Punkt never breaks.
_IN_WORD = frozenset(string.ascii_letters + string.digits + ",-/")


def _not_easy(m: re.Match, para: str) -> bool:
    """True when the ``_EASY_BREAK`` match ``m`` is no sure boundary: its word is an abbreviation
    (or ends in one after a hyphen), or a number before a word in lower case (Punkt then reads
    the number's full stop as no boundary)."""
    word = (m.group("word") or "").lower()      # no word: a bracket or quotation mark before the mark
    if word in ABBREVIATIONS or word.rsplit("-", 1)[-1] in ABBREVIATIONS:
        return True
    return word[:1].isdigit() and para[m.end()].islower()


def _abbreviation_dots(para: str, ends: list[int]):
    """The positions of the words that are abbreviations or initials for Punkt, as a set (an end
    mark there ends no sentence); None when Punkt must decide.

    A word of letters and dots alone between spaces whose type is an abbreviation ("U.S.",
    "Gen."), or a capital letter and a full stop alone before a capitalised word (an initial:
    "George W. Bush"), never ends a sentence for Punkt, unless the next word holds an end mark
    before its last character (Punkt reads the two as one context, "U.S. side.”", and then
    breaks): then Punkt decides.
    Such a word ends in a full stop followed by a space, so only those stops are looked at, not
    every position of the paragraph.
    """
    skip = set()
    for d in ends:
        if para[d] != "." or para[d + 1] not in string.whitespace:
            continue
        word = para[:d + 1].rsplit(None, 1)[-1]
        abbreviation = word.isascii() and word[:-1].lower() in ABBREVIATIONS   # letters and dots
        if not abbreviation and not (len(word) == 2 and word[0] in string.ascii_uppercase):
            continue
        after = para[d + 1:].split(None, 1)
        if not after or not (abbreviation or after[0][0] in string.ascii_uppercase):
            continue
        if _END_MARK.search(after[0], 0, len(after[0]) - 1):   # a mark before the next word's end
            return None
        skip.update(range(d + 1 - len(word), d + 1))
    return skip


_WORD_CHARS = string.ascii_letters + string.digits + ",-"
#: Closing brackets and quotation marks right before an end mark: Punkt reads the mark as a word of
#: its own, a sentence end whatever comes next.
_BEFORE_MARK = frozenset(")]”\"")


def _easy_break_at(para: str, mark: int):
    """The ``_EASY_BREAK`` match whose end mark is at ``mark``, or None.

    Such a match can only start where the run of letters, digits, commas and hyphens before
    the mark starts (its look-behind refuses a start inside a word, and a number or word
    starting later in the run leaves a letter, digit or hyphen before it), so one anchored match
    there finds it, instead of a scan of the whole paragraph.
    """
    start = mark - 1 if para[mark - 1:mark] in _BEFORE_MARK else len(para[:mark].rstrip(_WORD_CHARS))
    m = _EASY_BREAK.match(para, start)
    return m if m is not None and m.start("mark") == mark else None


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets (absolute) inside ``text[start:end]``, with the quotation repair.

    Spaces at either end of the paragraph and of each sentence are left out, so every
    sentence is non-empty and ``text[s:e]`` is stripped; a paragraph of spaces gives none.
    """
    para = text[start:end]
    body = para.lstrip()
    if not body:
        return []   # a paragraph of spaces only holds no sentence
    start += len(para) - len(body)
    para = body.rstrip()
    if not _INNER_END.search(para):
        # No full stop, question or exclamation mark before a space: one sentence, no Punkt needed.
        return [(start, start + len(para))]
    spans = _easy_spans(para)
    out: list[list[int]] = []
    for s, e in spans if spans is not None else _TOKENIZER.span_tokenize(para):
        if out and _STARTS_LOWER.match(para, s) and _ENDS_QUOTED_QUESTION.search(para, out[-1][0], out[-1][1]):
            out[-1][1] = e
        else:
            out.append([s, e])
    if spans is not None:       # the fast path's spans start and end on a non-space already
        return [(start + s, start + e) for s, e in out]
    result = []
    for s, e in out:
        piece = para[s:e]
        s += len(piece) - len(piece.lstrip())
        e = s + len(piece.strip())
        if e > s:
            result.append((start + s, start + e))
    return result


_OPEN = "“«"
_MARKS = re.compile(r"[“”«»\"]")
_SENT_END = re.compile(r"[.!?]\s+")


def _para_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks within one paragraph (absolute offsets)."""
    spans: list[tuple[int, int]] = []
    open_at = None
    for m in _MARKS.finditer(text, start, end):
        ch, pos = m.group(), m.start()
        if ch == '"':
            before = text[pos - 1] if pos > start else " "
            after = text[pos + 1] if pos + 1 < end else " "
            if open_at is None and not (after.isspace() and not before.isspace() and pos > start):
                is_open = True
            elif open_at is not None:
                is_open = False
            else:  # a straight mark glued to the word before it, nothing open: a lost opening
                is_open = False
        else:
            is_open = ch in _OPEN
        if is_open:
            if open_at is not None and pos > open_at + 1:
                # An opening mark while one is open: the closing mark was lost in scraping.
                spans.append((open_at + 1, pos))
            open_at = pos
        elif open_at is not None:
            if pos > open_at + 1:
                spans.append((open_at + 1, pos))
            open_at = None
        else:
            # A closing mark whose opening was lost: take the quote from the start of its sentence.
            from_ = spans[-1][1] + 1 if spans else start
            last = None
            for last in _SENT_END.finditer(text, from_, pos):
                pass
            begin = last.end() if last else from_
            if pos > begin:
                spans.append((begin, pos))
    if open_at is not None and end > open_at + 1:
        # Unclosed at the paragraph end: a quotation running into the next paragraph.
        spans.append((open_at + 1, end))
    return spans


_SQ_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))[‘'](?=[\w…])")
_SQ_CLOSE_RE = re.compile(r"(?<=\S)[’'](?![\w])")
_DOUBLE_MARKS = "\"“”„«»"


def uses_single_marks(text: str) -> bool:
    """Whether a story quotes with single marks ('...'), as British tabloids do: fewer than two
    double marks in it, and a single mark somewhere."""
    return sum(text.count(c) for c in _DOUBLE_MARKS) < 2 and ("'" in text or "‘" in text)


def _single_quote_spans(line: str):
    """Spans inside single quotation marks in one line (for stories that use no double marks).

    An opening mark follows a space, dash, colon or bracket and precedes a word; a
    closing mark follows a non-space and precedes no letter (so "don't" and "Trump's"
    are apostrophes).  A closing mark after a bare plural ("the soldiers' families")
    closes only a span of two or more words or one ending in punctuation.  An opening
    mark left open runs to the end of the line.  Out: [(start, end)], marks excluded.
    """
    spans = []
    pos = 0
    while True:
        m = _SQ_OPEN_RE.search(line, pos)
        if not m:
            break
        start = m.end()
        end = None
        c = _SQ_CLOSE_RE.search(line, start + 1)
        if c:
            end = c.start()
        if end is None:
            spans.append((start, len(line)))
            break
        spans.append((start, end))
        pos = end + 1
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every span of ``text`` that sits inside double quotation marks.

    In: a story body (paragraphs separated by blank lines).  Curly (“ ”),
    straight (") and guillemet marks count; single quotes (‘ ’) do not, so a
    phrase quoted inside a quotation is part of it, and apostrophes never open
    anything -- except in a story that quotes with single marks (fewer than two
    double marks: :func:`uses_single_marks`), where single marks are read line
    by line instead (the same spans the quotes table credits).
    Out: sorted, non-overlapping ``(start, end)`` pairs, marks excluded, so
    ``text[start:end]`` is the quoted words.  A quotation left open at the end
    of a paragraph runs to that paragraph's end (the news convention for a
    quote that continues in the next paragraph, which opens with a new mark);
    an opening mark while one is open closes the first; a closing mark with no
    opening takes its quote from the start of its sentence.  Never raises.
    """
    if text and uses_single_marks(text):   # the story quotes with single marks: read those, line by line
        spans, off = [], 0
        for line in text.split("\n"):
            spans.extend((off + s, off + e) for s, e in _single_quote_spans(line) if e > s)
            off += len(line) + 1
        return spans
    return double_quote_spans(text)


#: a subheading that is one quotation in single marks, alone on its line: "'Those days are over'"
_HEADLINE_QUOTE_RE = re.compile(r"[ \t]*[‘'](?=[A-Z0-9])([^\n‘’'\"“”«»]{2,120}?)[’'][.!?]?[ \t]*")


def headline_quote(line: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The quoted words of a line that is only a single-marked quotation (a subheading quoting the
    passage below it, as news sites write them in a story with double marks), or None."""
    m = _HEADLINE_QUOTE_RE.fullmatch(line, start, len(line) if end is None else end)
    return m.span(1) if m else None


def double_quote_spans(text: str) -> list[tuple[int, int]]:
    """:func:`quote_spans` for double marks only (what a story with double marks is read by), and
    the single-marked subheadings of :func:`headline_quote`."""
    spans: list[tuple[int, int]] = []
    if not text or not _MARKS.search(text):
        return spans
    for s, e in paragraph_offsets(text):
        if s < e:
            head = headline_quote(text, s, e)
            spans.extend([head] if head else _para_quote_spans(text, s, e))
    return spans


def _overlap(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> int:
    """Characters of ``[s, e)`` covered by the sorted, disjoint ``spans``."""
    i = max(bisect_right(starts, s) - 1, 0)
    total = 0
    while i < len(spans) and spans[i][0] < e:
        a, b = spans[i]
        if b > s:
            total += min(b, e) - max(a, s)
        i += 1
    return total


def _story_sentences(article_id, text: str) -> list[tuple]:
    """Rows of the sentences table for one story."""
    rows = []
    spans = quote_spans(text)
    starts = [a for a, _ in spans]
    n = 0
    for p, (ps, pe) in enumerate(paragraph_offsets(text)):
        if ps >= pe:
            continue
        for s, e in _split_paragraph(text, ps, pe):
            share = _overlap(spans, starts, s, e) / (e - s) if spans and e > s else 0.0
            voice = "reporter" if share == 0 else ("quoted" if share >= QUOTED_THRESHOLD else "mixed")
            rows.append((article_id, p, n, text[s:e], s, e, voice, round(share, 4)))
            n += 1
    return rows


def split_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """Split each story into sentences and mark whose voice each one is.

    In: a DataFrame with ``article_id`` and ``text`` (the articles table).
    Out: a new DataFrame, one row per sentence, columns
    ``article_id, paragraph, sentence, text, start, end, voice, quoted_share``:
    ``paragraph`` and ``sentence`` are 0-based positions within the story,
    ``start``/``end`` offsets of the sentence in the story's ``text``,
    ``quoted_share`` the share of the sentence's characters inside quotation
    marks and ``voice`` "reporter" (none), "quoted" (at least half) or "mixed".
    """
    if "text" not in articles.columns or "article_id" not in articles.columns:
        raise KeyError("split_sentences needs a DataFrame with 'article_id' and 'text' columns")
    rows: list[tuple] = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if isinstance(text, str) and text:
            rows.extend(_story_sentences(aid, text))
    # text columns as Python objects whether or not there are rows (pandas would infer "str"
    # only for a non-empty frame), as in every other table of the collection
    out = pd.DataFrame(rows, columns=SENTENCE_COLUMNS, dtype=object)
    return out.astype({"paragraph": "int64", "sentence": "int64", "start": "int64",
                       "end": "int64", "quoted_share": "float64"})
