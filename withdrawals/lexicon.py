"""Lexicon: the rules' word lists, read from plain data files in ``withdrawals/lexicon/``.

Each file says its format in its first lines.  Two shapes:

* a word list (``.txt``): one entry a line; ``#`` starts a comment; blank lines are skipped;
* a table (``.csv``): a header line, then one row a line; ``#`` lines are comments.

A journalist extends a rule by adding a line to its file: every regex and pre-filter
built from a list is built here, at import, from the file, so no word stands in two places.
"""
from __future__ import annotations

import csv
import io
import os
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["LEXICON", "words", "table", "alternation", "pattern", "anywhere", "trie_pattern"]

#: The folder the rules read: ``withdrawals/lexicon/``, or the folder named by the environment variable
#: ``WITHDRAWALS_LEXICON``.  A test points the rules at another folder by setting this (or the variable)
#: and reloading the rule module (``importlib.reload(withdrawals.numbers)``): every list, regex and
#: pre-filter is built again from that folder.
LEXICON = Path(os.environ.get("WITHDRAWALS_LEXICON") or Path(__file__).resolve().parent / "lexicon")


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` written as a prefix tree.

    In: an iterable of literal strings.  Out: a pattern with the same matches
    as ``a|b|c`` over them (escaped, without a group around the whole), which
    Python's ``re`` scans far faster than a flat alternation.  Shared by the
    speaker and number rules.
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node):
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return ("(?:" + body + ")?") if "" in node else body

    return emit(root)


def _lines(name: str, folder: Path) -> list[str]:
    path = Path(folder) / name
    if not path.exists():
        raise FileNotFoundError(f"lexicon file {path} not found")
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line.strip())
    return out


def words(name: str, folder: Path | None = None) -> tuple[str, ...]:
    """The entries of the word list ``<name>.txt`` (comments and blank lines skipped), in file order.

    ``folder``: where the file is (default :data:`LEXICON`, read when called).
    """
    return _words(name, Path(folder or LEXICON))


def table(name: str, folder: Path | None = None) -> tuple[dict, ...]:
    """The rows of the table ``<name>.csv`` as dicts keyed by its header (comment lines skipped)."""
    return _table(name, Path(folder or LEXICON))


@lru_cache(maxsize=None)
def _words(name: str, folder: Path) -> tuple[str, ...]:
    return tuple(_lines(f"{name}.txt", folder))


@lru_cache(maxsize=None)
def _table(name: str, folder: Path) -> tuple[dict, ...]:
    rows = csv.DictReader(io.StringIO("\n".join(_lines(f"{name}.csv", folder))))
    return tuple({k.strip(): (v or "").strip() for k, v in r.items()} for r in rows)


def alternation(entries) -> str:
    """The regex alternation of ``entries`` (a prefix tree; a space in an entry matches any space)."""
    return trie_pattern(list(entries)).replace(r"\ ", r"\s+")


def anywhere(entries, flags=re.I) -> re.Pattern:
    """A pre-filter for ``entries``: one alternation of them matched anywhere, not only as whole words.

    Any text a whole-word :func:`pattern` of the same entries (or of longer words they begin) matches,
    this matches too, so a rule that needs one of the entries may skip a text this does not match.
    No entries: a pattern that matches nothing.
    """
    entries = list(entries)
    if not entries:
        return re.compile(r"(?!x)x")
    return re.compile(alternation(entries), flags)


def pattern(entries, flags=re.I) -> re.Pattern:
    """One compiled alternation of ``entries`` as whole words (spaces in an entry match any space).

    No entries: a pattern that matches nothing.
    """
    entries = list(entries)
    if not entries:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + alternation(entries) + r")(?![\w-])", flags)
