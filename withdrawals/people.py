"""People: one canonical name per person across the corpus (a reduce step after the partitions).

``resolve_speakers(quotes)`` gives every quotation a ``person_id`` (a stable key) and a ``person``
(the display name), from the story-level ``speaker`` of ``extract_quotes``, with the corpus-wide
rules of ``speakers.merge_speakers``: titles, leading non-name words and middle initials set aside
("Donald J. Trump" = "Donald Trump"), a surname alone to the one compatible full name of the corpus,
two different first names never one person (Melania ≠ Donald, Ron ≠ Rand), and an organisation, an
anonymous source and a person never merged (their keys differ by kind).

It reads the quotes table only, so it gives the same result however the stories were split
(pandas, ``workers=N``, Dask): ``analyze`` calls it on the whole table.  ``people(quotes)`` is the
one-row-per-person table.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["resolve_speakers", "people", "PEOPLE_COLUMNS"]

PEOPLE_COLUMNS = ["person_id", "person", "kind", "aliases", "n_quotes", "n_stories", "outlets", "roles"]
_SLUG = re.compile(r"[^a-z0-9]+")


def _key(kind: str, name: str) -> str:
    """A stable key: "person:donald-trump", "organization:state-department"."""
    return kind + ":" + _SLUG.sub("-", name.lower()).strip("-")


def resolve_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes table with ``person_id`` and ``person``: one canonical name per person.

    In: a quotes table (``extract_quotes``: ``speaker``, ``speaker_kind``, ``mention``, ``quote``).
    Out: a copy with ``person`` (the display name: the corpus-wide canonical name of
    :func:`withdrawals.speakers.merge_speakers` for a person, the organisation or the anonymous
    description as given; "" when the speaker is unknown) and ``person_id`` ("person:donald-trump",
    "organization:pentagon", "anonymous:unnamed-us-official"; "" when unknown).  ``speaker`` keeps
    the story-level name and ``mention`` the words as written.
    """
    from withdrawals.speakers import merge_speakers

    canon = merge_speakers(quotes.drop(columns=["person", "person_id"], errors="ignore"))
    kinds = quotes["speaker_kind"].tolist()
    names = [str(n).strip() if isinstance(n, str) else "" for n in canon["speaker"]]
    known = [k in ("person", "organization", "anonymous") and bool(n) for k, n in zip(kinds, names)]
    person = [n if ok else "" for n, ok in zip(names, known)]
    person_id = [_key(k, n) if ok else "" for k, n, ok in zip(kinds, names, known)]
    return quotes.assign(person_id=pd.Series(person_id, index=quotes.index, dtype=object),
                         person=pd.Series(person, index=quotes.index, dtype=object))


def _clean_role(role) -> str:
    """A role as the people table lists it: without the sentence words caught before it ("After
    President" → "President", "The" → nothing), nothing longer than twelve words."""
    from withdrawals.speakers import _leading_word, _not_name_word

    toks = str(role or "").replace(" | ", " ").split()
    while toks and (_leading_word(toks[0]) and not _not_name_word(toks[0]) or toks[0].lower() in _FUNCTION):
        toks = toks[1:]
    while toks and toks[-1].lower().strip(".,") in _FUNCTION:
        toks = toks[:-1]
    return " ".join(toks).strip(" ,;") if 0 < len(toks) <= 12 else ""


_FUNCTION = frozenset("""a an the and or of on in at to for from by with after before despite during since
one some many most all both either thursday monday tuesday wednesday friday saturday sunday""".split())


def people(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per person, organisation or anonymous source across the corpus.

    In: a quotes table (resolved here when it has no ``person_id``), optionally the articles (for the
    outlets).  Out: ``PEOPLE_COLUMNS``: ``person_id, person, kind, aliases`` (the names written, "; "
    joined), ``n_quotes`` (direct quotations that are someone's words; terms set apart),
    ``n_stories`` and ``outlets`` (of those quotations, as the speaker tables count them; outlets "; "
    joined, "" without articles) and ``roles`` (roles seen),
    most quoted first.  Unknown speakers are not a person and have no row.
    """
    q = quotes if "person_id" in quotes else resolve_speakers(quotes)
    q = q[q["person_id"] != ""]
    if articles is not None and len(q):
        outlet = dict(zip(articles["article_id"], articles["outlet"].fillna("")))
        q = q.assign(outlet=q["article_id"].map(outlet).fillna(""))
    else:
        q = q.assign(outlet="")
    said = q["direct"] & (q["quote_kind"] == "quotation" if "quote_kind" in q else True)
    rows = []
    for pid, g in q.groupby("person_id", sort=True):
        def joined(col, rows=None):
            return "; ".join(sorted({v for v in (g if rows is None else rows)[col].astype(str) if v}))
        rows.append({"person_id": pid, "person": g["person"].iloc[0], "kind": g["speaker_kind"].iloc[0],
                     "aliases": joined("speaker"), "n_quotes": int(said[g.index].sum()),
                     "n_stories": int(g.loc[said[g.index], "article_id"].nunique()), "outlets": joined("outlet", g[said[g.index]]),
                     "roles": "; ".join(sorted({r for r in map(_clean_role, g["speaker_role"]) if r}))})
    table = pd.DataFrame(rows, columns=PEOPLE_COLUMNS)
    table = table.astype({"n_quotes": "int64", "n_stories": "int64"})
    return table.sort_values(["n_quotes", "person"], ascending=[False, True]).reset_index(drop=True)
