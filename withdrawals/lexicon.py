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
import re
from functools import lru_cache
from pathlib import Path

from withdrawals.segment import trie_pattern

__all__ = ["LEXICON", "words", "table", "alternation", "pattern"]

#: The folder the rules read; tests point it elsewhere through ``words(..., folder=)``.
LEXICON = Path(__file__).resolve().parent / "lexicon"


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


@lru_cache(maxsize=None)
def words(name: str, folder: Path = LEXICON) -> tuple[str, ...]:
    """The entries of the word list ``<name>.txt`` (comments and blank lines skipped), in file order."""
    return tuple(_lines(f"{name}.txt", folder))


@lru_cache(maxsize=None)
def table(name: str, folder: Path = LEXICON) -> tuple[dict, ...]:
    """The rows of the table ``<name>.csv`` as dicts keyed by its header (comment lines skipped)."""
    rows = csv.DictReader(io.StringIO("\n".join(_lines(f"{name}.csv", folder))))
    return tuple({k.strip(): (v or "").strip() for k, v in r.items()} for r in rows)


def alternation(entries) -> str:
    """The regex alternation of ``entries`` (a prefix tree; a space in an entry matches any space)."""
    return trie_pattern(list(entries)).replace(r"\ ", r"\s+")


def pattern(entries, flags=re.I) -> re.Pattern:
    """One compiled alternation of ``entries`` as whole words (spaces in an entry match any space).

    No entries: a pattern that matches nothing.
    """
    entries = list(entries)
    if not entries:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + alternation(entries) + r")(?![\w-])", flags)
