"""Corpus: read articles from files or tables, clean them in a way a reader can audit.

``load_articles(source)`` gives one row per story.  Every line the cleaning
removes (and every file it skips) is kept, with its reason, in the table that
``cleaning_report(...)`` returns; nothing vanishes silently.

The cleaning rules are written for news pages in general, not for the seed
files; they are listed, with their reasons, in ``FURNITURE_RULES`` and in the
README.
"""
from __future__ import annotations

import itertools
import os
import re
import unicodedata
import warnings
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["load_articles", "cleaning_report", "normalize_text", "clean_document", "outlet_names",
           "corpus_overview", "cleaning_summary", "plot_corpus_timeline", "plot_words_per_story",
           "plot_cleaning",
           "ARTICLE_COLUMNS", "REPORT_COLUMNS", "REPO_ROOT"]

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

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_EDGES = re.compile(r" ?\n ?")


def normalize_text(text: str) -> str:
    """Normalise raw article text; quotes and apostrophes stay as written.

    In: a decoded string.  Out: Unicode NFC, CRLF/CR turned into LF, BOM,
    zero-width characters and soft hyphens removed, non-breaking and other
    Unicode spaces turned into one plain space, spaces at line ends stripped.
    Curly quotation marks and apostrophes are kept (the speaker analysis needs
    them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", _ZERO_WIDTH.sub("", text))
    return _LINE_EDGES.sub("\n", text).strip(" ")


# --------------------------------------------------------------------------- furniture rules

_CREDIT_WORDS = (r"Reuters|AP|AFP|Getty(?: Images)?|EPA|AAP|Xinhua|Bloomberg|Shutterstock|Alamy"
                 r"|PA(?: Images| Wire)?|Photo|Photos|Image|Images|File|Handout|Pool|Courtesy"
                 r"|presidency|press office|ministry|via [\w ]+")

#: (reason, compiled pattern) pairs, tried in order on each stripped line; a match removes the line.
FURNITURE_RULES: list[tuple[str, re.Pattern]] = [
    ("watermark or logo line (1-3 capital letters alone)", re.compile(r"^[A-Z]{1,3}$")),
    ("photo caption (ends with a photo credit in brackets)",
     re.compile(r"^.{3,400}\((?:[^()]*\b(?:" + _CREDIT_WORDS + r")\b[^()]*)\)\.?$", re.I)),
    ("photo credit or caption label",
     re.compile(r"^(?:photo|image|picture|caption|credit|getty images|©)\b.{0,200}$", re.I)),
    ("'READ MORE' teaser", re.compile(r"^read more\b.*$", re.I)),
    ("related-link line",
     re.compile(r"^(?:more|related|see also|also read|read also|recommended|further reading"
                r"|latest|trending)\s*:.{0,200}$", re.I)),
    ("video teaser line",
     re.compile(r"^(?:just watched|must watch|now playing|watch|video|replay|more videos"
                r"|watch now|watch live)\b.{0,200}$", re.I)),
    ("page footer or widget",
     re.compile(r"^(?:show thumbnails|show captions|hide captions|you may also like|advertisement"
                r"|story continues below|skip (?:to )?(?:content|advert\w*)|share this(?: article)?"
                r"|share on \w+|follow us\b|sign up\b|subscribe\b|click here\b|comments?\b"
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
                          r"(?: [A-Z][\w.'’-]+){0,3})?$")),
]



def _any_of(rules) -> re.Pattern:
    """One pattern matching where any of ``rules`` matches (a cheap first test per line)."""
    return re.compile("|".join(("(?i:%s)" if pat.flags & re.I else "(?:%s)") % pat.pattern
                               for _, pat in rules))


_ANY_RULE = _any_of(FURNITURE_RULES + CREDIT_RULES)

# A name pop-up (hover card) inlined after a name, as some sites print it:
# "Sen. Jane Doe Jane Q. DoeDoe pushes new bill MORE (R-Maine)".  The card repeats the
# full name, glues its surname to the first word of a headline ("DoeDoe",
# "McConnellSenate") and ends in "MORE".
_MORE = re.compile(r"\sMORE\b\s?")
_GLUED = re.compile(r"\b([A-Z][\w’'-]*[a-z’'])([A-Z][\w’'-]*)")
_TERMINAL = re.compile(r"[.!?:;”\"’')\]…]$")
_STARTS_LOWER = re.compile(r"^[a-z]")
_WORD = re.compile(r"\S+")
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
    words = _ALPHA_WORD.findall(line)
    if not 3 <= len(words) <= 20:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.75


def _key(line: str) -> str:
    """Comparison key for repeat detection: case and spacing ignored."""
    return " ".join(line.casefold().split())


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
    at least 40 words of body that is either preceded by two or more blank
    lines or repeated within the next six lines starts a new story; within a
    story the headline's repeat and any repeated paragraph go, short
    unpunctuated lines between headline and first paragraph go (photo
    captions), and a paragraph broken mid-sentence is joined to its rest.
    """
    lines = raw.split("\n")
    kept: list[tuple[int, str, int]] = []   # (line_no, text, blank lines before)
    removed: list[tuple[int, str, str]] = []
    credits: list[tuple[int, str]] = []
    blanks, prev_key = 0, None
    for no, line in enumerate(lines, start=1):
        if not line:
            blanks += 1
            continue
        flagged = _ANY_RULE.match(line) is not None
        reason = next((r for r, pat in FURNITURE_RULES if pat.match(line)), None) if flagged else None
        if reason is None and prev_key is not None and _key(line) == prev_key and blanks == 0:
            reason = "repeated line (e.g. a caption printed twice)"
        if reason is None and flagged:
            credit = next((r for r, pat in CREDIT_RULES if pat.match(line)), None)
            if credit is not None and not (has_title and not kept):
                credits.append((no, line))
                removed.append((no, line, credit + ": moved to metadata"))
                prev_key = _key(line)
                blanks = 0
                continue
        if reason is not None:
            removed.append((no, line, reason))
            prev_key = _key(line)
            blanks = 0
            continue
        line, cut = _strip_popups(line)
        removed.extend((no, c, "name pop-up (hover card) inlined after a name") for c in cut)
        kept.append((no, line, blanks))
        prev_key = _key(line)
        blanks = 0

    stories: list[_Story] = []
    story = _Story()
    body_words = 0
    for i, (no, line, before) in enumerate(kept):
        if not stories and not story.title and not story.paragraphs and has_title \
                and len(line) <= MAX_TITLE_CHARS:
            story.title, story.title_line = line, no
            continue
        if body_words >= 40 and _is_headline_like(line):
            ahead = {_key(t) for _, t, _ in kept[i + 1:i + 7]}
            if before >= 2 or _key(line) in ahead:
                stories.append(story)
                story, body_words = _Story(title=line, title_line=no), 0
                continue
        story.paragraphs.append([no, line])
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


# --------------------------------------------------------------------------- reading files

class _Skip(Exception):
    """A file that cannot be read as text; the message says why."""


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding).  Raises _Skip for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _Skip(f"UTF-16 byte-order mark but undecodable ({exc.reason})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:4096]
    if b"\x00" in head:
        raise _Skip("binary file (NUL bytes), not text")
    control = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    if head and control / len(head) > 0.05:
        raise _Skip("binary file (control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _problem(msg: str, errors: str, exc_type=ValueError) -> None:
    """Raise or warn about one bad input, as ``errors`` says."""
    if errors == "raise":
        raise exc_type(msg)
    if errors == "warn":
        warnings.warn(msg, UserWarning, stacklevel=4)


def _note(msg: str, errors: str) -> None:
    """Warn about a file that still loads (never raises, silent with errors="ignore")."""
    if errors != "ignore":
        warnings.warn(msg, UserWarning, stacklevel=4)


def _read_metadata(folder: Path, errors: str) -> pd.DataFrame:
    """Read ``metadata.csv`` beside .txt files; an empty frame when there is none."""
    path = folder / "metadata.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["file"])
    meta = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "file" not in meta.columns:
        _problem(f"{path}: no 'file' column, metadata ignored", errors)
        return pd.DataFrame(columns=["file"])
    return meta.drop_duplicates("file").set_index("file", drop=False)


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


def _rows_from_text(stem: str, source: str, raw: str, meta: dict, has_title: bool,
                    encoding: str, title: str = "") -> tuple[list[dict], list[tuple]]:
    """Article rows and report rows for one document."""
    rows, report = [], []
    stories = clean_document(normalize_text(raw), has_title=has_title)
    dates = _part_dates(meta.get("part_published", ""))
    for part, st in enumerate(stories, start=1):
        aid = f"{stem}-{part}"
        text = st["text"]
        rows.append({
            "article_id": aid, "source": source, "part": part,
            "outlet": meta.get("outlet", "") or "",
            "published": dates.get(part, meta.get("published", "") if part == 1 else "") or "",
            "title": st["title"] or (title if part == 1 else ""),
            "text": text,
            "n_words": len(_WORD.findall(text)),
            "n_paragraphs": sum(1 for p in text.split("\n\n") if p.strip()) if text else 0,
            "url": meta.get("url", "") or "", "credits": st["credits"], "encoding": encoding,
        })
        report.extend((aid, source, no, line, reason) for no, line, reason in st["removed"])
    return rows, report


def _load_txt(paths: list[Path], errors: str, progress) -> tuple[list, list]:
    """Load .txt files (metadata.csv beside them merged by file name)."""
    rows, report, metas = [], [], {}
    for path in _progress(paths, len(paths), progress, "loading"):
        folder = path.parent
        if folder not in metas:
            metas[folder] = _read_metadata(folder, errors)
        meta = metas[folder]
        meta_row = meta.loc[path.name].to_dict() if path.name in meta.index else {}
        try:
            data = path.read_bytes()
            text, encoding = _decode(data)
            if not text.strip():
                raise _Skip("empty or blank file")
        except (_Skip, OSError) as exc:
            report.append((pd.NA, path.name, 0, "", f"file skipped: {exc}"))
            _problem(f"{path}: skipped: {exc}", errors)
            continue
        if encoding not in ("utf-8",):
            report.append((pd.NA, path.name, 0, "", f"file decoded as {encoding}, not UTF-8"))
            _note(f"{path}: not UTF-8; decoded as {encoding}", errors)
        r, rep = _rows_from_text(path.stem, path.name, text, meta_row, True, encoding)
        for row in r:
            if not row["text"]:
                report.append((row["article_id"], path.name, 0, row["title"],
                               "story has a title but no body"))
                _note(f"{path}: part {row['part']} has a title but no body text", errors)
        rows.extend(r)
        report.extend(rep)
    return rows, report


def _read_table(path: Path) -> pd.DataFrame:
    """Read a CSV / JSON Lines / JSON / Parquet table into a DataFrame."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True, dtype=False)
    if suffix == ".json":
        try:
            return pd.read_json(path, lines=True, dtype=False)
        except ValueError:
            return pd.read_json(path, dtype=False)
    return pd.read_parquet(path)


def _load_table(path: Path, errors: str, progress) -> tuple[list, list]:
    """Load one table whose rows are stories (``text`` column required)."""
    try:
        table = _read_table(path)
    except Exception as exc:  # noqa: BLE001 - any parser error is reported the same way
        _problem(f"{path}: skipped: cannot be read as a table ({type(exc).__name__}: {exc})", errors)
        return [], [(pd.NA, path.name, 0, "", f"file skipped: unreadable table ({exc})")]
    if "text" not in table.columns:
        _problem(f"{path}: skipped: no 'text' column (columns: {', '.join(map(str, table.columns))})",
                 errors, KeyError)
        return [], [(pd.NA, path.name, 0, "", "file skipped: table has no 'text' column")]
    id_col = next((c for c in ("article_id", "id", "stories_id") if c in table.columns), None)
    rows, report = [], []
    records = table.to_dict("records")
    for i, rec in enumerate(_progress(records, len(records), progress, "loading")):
        text = rec.get("text")
        source = f"{path.name}#row{i}"
        if not isinstance(text, str) or not text.strip():
            report.append((pd.NA, source, 0, "", "row skipped: empty text"))
            _problem(f"{path}: row {i} skipped: empty text", errors)
            continue
        stem = str(rec[id_col]) if id_col and pd.notna(rec[id_col]) else f"{path.stem}-r{i}"
        meta = {k: ("" if pd.isna(rec.get(k)) else str(rec.get(k)))
                for k in ("outlet", "published", "url") if k in rec}
        if not meta.get("outlet") and isinstance(rec.get("media_name"), str):
            meta["outlet"] = rec["media_name"]  # Media Cloud's name for the outlet
        if not meta.get("published") and rec.get("publish_date") is not None:
            meta["published"] = str(rec["publish_date"])
        title = rec.get("title") if isinstance(rec.get("title"), str) else ""
        r, rep = _rows_from_text(stem, source, text, meta, False, "table", normalize_text(title))
        rows.extend(r)
        report.extend(rep)
    return rows, report


def _resolve(source) -> Path:
    """Find ``source``; "seeds" also resolves to the project's own seeds folder."""
    path = Path(source).expanduser()
    if not path.exists() and not path.is_absolute() and (REPO_ROOT / path).exists():
        path = REPO_ROOT / path
    if not path.exists():
        raise FileNotFoundError(f"No such file or folder: {str(source)!r}")
    return path


def _to_frame(rows: list[dict]) -> pd.DataFrame:
    """Build the articles table with its documented columns and dtypes."""
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS + EXTRA_COLUMNS)
    published = pd.to_datetime(df["published"].replace("", None), errors="coerce", utc=True,
                               format="mixed")
    df["published"] = published.dt.tz_convert(None).astype("datetime64[ns]")
    df["part"] = df["part"].astype("int64")
    df["n_words"] = df["n_words"].astype("int64")
    df["n_paragraphs"] = df["n_paragraphs"].astype("int64")
    for col in ("article_id", "source", "outlet", "title", "text", "url", "credits", "encoding"):
        df[col] = df[col].astype(object)
    return df.reset_index(drop=True)


def _load(source, errors: str, progress) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Shared body of load_articles and cleaning_report."""
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors must be 'warn', 'raise' or 'ignore', not {errors!r}")
    path = _resolve(source)
    if path.is_dir():
        txts = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        rows, report = _load_txt(txts, errors, progress)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        rows, report = _load_table(path, errors, progress)
    else:
        rows, report = _load_txt([path], errors, progress)
    articles = _to_frame(rows)
    rep = pd.DataFrame(report, columns=REPORT_COLUMNS)
    rep["line_no"] = rep["line_no"].astype("int64")
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].tolist()
        _problem(f"{path}: duplicate article ids {dup[:5]}; later rows renamed", errors)
        articles["article_id"] = articles["article_id"] + articles.groupby("article_id").cumcount() \
            .map(lambda k: "" if k == 0 else f"~{k}")
    return articles, rep


_REPORTS: "OrderedDict[str, pd.DataFrame]" = OrderedDict()
_REPORT_IDS = itertools.count(1)
_MAX_REPORTS = 32


def load_articles(source="seeds", errors: str = "warn", progress=None) -> pd.DataFrame:
    """Load and clean articles into one row per story.

    In: ``source`` — a folder of ``.txt`` files (the first non-empty line of
    each is its headline; a ``metadata.csv`` beside them is merged by file
    name), a single ``.txt`` file, or a CSV / JSON Lines / Parquet table with a
    ``text`` column and optional ``title, outlet, published, url`` (Media
    Cloud's ``media_name``/``publish_date`` are understood too).  ``"seeds"``
    means the project's seed folder.  ``errors``: "warn" (skip a bad file with
    a UserWarning naming it and the reason), "raise" (raise instead) or
    "ignore" (skip silently; the skip is still in the cleaning report).
    ``progress``: show a progress bar (default: only for 200+ files or rows).

    Out: a new DataFrame with columns ``article_id`` (file stem + "-" + part,
    stable across runs), ``source`` (file name, or ``table#rowN``), ``part``
    (1, 2, … when one file carries several stories), ``outlet``, ``published``
    (datetime64, NaT when unknown), ``title``, ``text`` (cleaned body,
    paragraphs separated by one blank line), ``n_words``, ``n_paragraphs``,
    plus ``url``, ``credits`` (credit lines moved out of the body) and
    ``encoding``.  ``cleaning_report(articles)`` gives the report of this
    load (``articles.attrs`` keep a key to it and the source path).

    Raises ``FileNotFoundError`` naming a missing path.  Non-UTF-8 files load
    with a UserWarning naming the encoding used.
    """
    articles, report = _load(source, errors, progress)
    # attrs hold only a short key: pandas deep-copies attrs into every frame derived from this one
    # (each column read), so the report itself lives in a small registry.
    key = f"report-{next(_REPORT_IDS)}"
    _REPORTS[key] = report
    while len(_REPORTS) > _MAX_REPORTS:
        _REPORTS.popitem(last=False)
    articles.attrs["cleaning_report"] = key
    articles.attrs["source"] = str(source)
    articles.attrs["errors"] = errors
    return articles


def cleaning_report(source="seeds", errors: str = "ignore") -> pd.DataFrame:
    """Every line the cleaning removed or changed, and every file it skipped, with the reason.

    In: the same ``source`` as :func:`load_articles`, or an articles DataFrame
    that ``load_articles`` returned.  Out: a DataFrame with ``article_id`` (NA
    for a skipped file), ``source``, ``line_no`` (1-based line in the file; 0
    for a whole file), ``line`` (the text removed) and ``reason``.
    """
    if isinstance(source, pd.DataFrame):
        key = source.attrs.get("cleaning_report")
        if key in _REPORTS:
            return _REPORTS[key].copy()
        if "source" in source.attrs:   # an older load: read the source again
            return _load(source.attrs["source"], "ignore", False)[1]
        raise ValueError("this DataFrame carries no cleaning report; pass the source path instead")
    return _load(source, errors, False)[1]


# --------------------------------------------------------------------------- summaries and figures

def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """The ``outlet`` column with blanks shown as "(unknown outlet)", for tables and figures."""
    return articles["outlet"].fillna("").replace("", "(unknown outlet)")


def corpus_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: stories, files, first and last date, words (total and median).

    In: the articles table.  Out: a new DataFrame sorted by outlet, with
    ``outlet, stories, files, first_published, last_published, words, median_words``.
    """
    df = articles.assign(outlet=outlet_names(articles))
    out = df.groupby("outlet", sort=True).agg(
        stories=("article_id", "size"), files=("source", "nunique"),
        first_published=("published", "min"), last_published=("published", "max"),
        words=("n_words", "sum"), median_words=("n_words", "median"))
    return out.reset_index()


def cleaning_summary(report: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Lines removed per story and reason (skipped files listed under their file name).

    In: the cleaning report (and optionally the articles, to include stories
    with nothing removed).  Out: ``article_id, reason, lines`` sorted by
    article_id then reason.
    """
    rep = report.assign(article_id=report["article_id"].fillna(report["source"]))
    out = rep.groupby(["article_id", "reason"], sort=True).size().rename("lines").reset_index()
    if articles is not None:
        missing = sorted(set(articles["article_id"]) - set(out["article_id"]))
        out = pd.concat([out, pd.DataFrame({"article_id": missing, "reason": "(nothing removed)",
                                            "lines": 0})], ignore_index=True)
    return out.sort_values(["article_id", "reason"]).reset_index(drop=True)


def plot_corpus_timeline(articles: pd.DataFrame):
    """Dot plot of stories by publication date and outlet, dot size = words.

    In: the articles table.  Out: (figure, the DataFrame plotted).  Stories
    without a date are counted in the title, not drawn.
    """
    import matplotlib.pyplot as plt

    from .figures import outlet_colors

    df = articles.assign(outlet=outlet_names(articles))[
        ["article_id", "outlet", "published", "n_words", "title"]].sort_values(["published", "article_id"])
    dated = df.dropna(subset=["published"])
    colors = outlet_colors(df["outlet"])
    outlets = sorted(df["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.8))
    for o in outlets:
        d = dated[dated["outlet"] == o]
        ax.scatter(d["published"], [o] * len(d), s=d["n_words"] / 3, color=colors[o], alpha=0.8,
                   edgecolor="black", linewidth=0.5)
    undated = len(df) - len(dated)
    extra = f"; {undated} without a date not shown" if undated else ""
    ax.set_title(f"{len(df)} stories from {len(outlets)} outlets, "
                 f"{dated['published'].min():%b %Y} to {dated['published'].max():%b %Y}{extra}"
                 if len(dated) else f"{len(df)} stories, none dated")
    ax.set_xlabel("publication date (dot area = words in the story)")
    ax.set_ylabel("")
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    fig.autofmt_xdate()
    return fig, df


def plot_words_per_story(articles: pd.DataFrame):
    """Horizontal bars: words per story, coloured by outlet.  Out: (figure, data)."""
    import matplotlib.pyplot as plt

    from .figures import outlet_colors

    df = articles.assign(outlet=outlet_names(articles))[
        ["article_id", "outlet", "title", "n_words", "n_paragraphs"]].sort_values("article_id")
    colors = outlet_colors(df["outlet"])
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(df) + 1.5))
    ax.barh(df["article_id"], df["n_words"], color=[colors[o] for o in df["outlet"]])
    for y, (w, p) in enumerate(zip(df["n_words"], df["n_paragraphs"])):
        ax.text(w, y, f" {w} words, {p} ¶", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("words in the cleaned story")
    ax.set_title(f"Stories run from {df['n_words'].min()} to {df['n_words'].max()} words "
                 f"(median {int(df['n_words'].median())})")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[o]) for o in sorted(colors)]
    ax.legend(handles, sorted(colors), loc="lower right", fontsize=8)
    ax.set_xlim(0, df["n_words"].max() * 1.35)
    return fig, df


def plot_cleaning(summary: pd.DataFrame):
    """Stacked bars: lines removed per story, by reason.  In: :func:`cleaning_summary`.  Out: (figure, data)."""
    import matplotlib.pyplot as plt

    wide = summary.pivot_table(index="article_id", columns="reason", values="lines",
                               aggfunc="sum", fill_value=0).drop(columns="(nothing removed)", errors="ignore")
    wide = wide.loc[sorted(wide.index)]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(wide) + 2.5))
    if wide.empty or wide.to_numpy().sum() == 0:
        ax.text(0.5, 0.5, "nothing removed", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("Cleaning removed no lines")
        return fig, summary
    wide.plot.barh(stacked=True, ax=ax, colormap="tab20", width=0.7)
    ax.invert_yaxis()
    ax.set_xlabel("lines removed or changed by cleaning")
    ax.set_ylabel("")
    ax.set_title(f"Cleaning removed or changed {int(wide.values.sum())} lines; "
                 f"every one is listed with its reason")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig, summary
