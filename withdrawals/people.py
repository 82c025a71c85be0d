"""People: one canonical name per person across the corpus (a reduce step after the partitions).

``resolve_speakers(quotes)`` gives every quotation a ``person_id`` (a stable key) and a
``person`` (the display name), from the story-level ``speaker`` of ``extract_quotes``:

* a person's name is compared by its first and last word, titles, middle initials and
  generational suffixes set aside ("Donald J. Trump" = "Donald Trump"; "Paul E. Funk II" =
  "Paul Funk"); two different first names are two people (Melania ≠ Donald, Ron ≠ Rand);
* a surname alone ("Trump", and "Mr. Trump" as written in ``mention``) becomes the story's full name
  with that surname when the story gives one; else the full name of that surname that holds at
  least 80 % of the corpus' quotations under a full name with it, if the title written does not
  contradict it ("Mr." and a woman's first name); else it stays a surname;
* an organisation, an anonymous source and a person are never merged: their keys differ by kind.

It reads the quotes table only, so it gives the same result however the stories were split
(pandas, ``workers=N``, Dask): ``analyze`` calls it on the whole table.  ``people(quotes)`` is the
one-row-per-person table.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from withdrawals.speakers import FEMALE, FEMALE_FIRST, MALE, MALE_FIRST

__all__ = ["resolve_speakers", "people", "canonical_name", "PEOPLE_COLUMNS"]

PEOPLE_COLUMNS = ["person_id", "person", "kind", "aliases", "n_quotes", "n_stories", "outlets", "roles"]
#: A surname alone joins the full name holding at least this share of that surname's quotations.
DOMINANT_SHARE = 0.8
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
_SLUG = re.compile(r"[^a-z0-9]+")
_TITLE_WORD = re.compile(r"^\W*(\w+)")


def _tokens(name: str) -> list[str]:
    """The words of a name without middle initials and generational suffixes."""
    toks = [t.strip(",") for t in str(name).split()]
    toks = [t for t in toks if t.lower().rstrip(".") not in _SUFFIXES]
    if len(toks) > 2:
        toks = [toks[0]] + [t for t in toks[1:-1] if not _INITIAL.match(t)] + [toks[-1]]
    return toks


def canonical_name(name: str) -> tuple[str, str]:
    """(first, last) of a person's name, lower case; first is "" for a surname alone."""
    toks = _tokens(name)
    if not toks:
        return "", ""
    if len(toks) == 1:
        return "", toks[0].lower()
    return toks[0].lower(), toks[-1].lower()


def _key(kind: str, *parts: str) -> str:
    """A stable key: "person:donald-trump", "organization:state-department"."""
    return kind + ":" + "-".join(p for p in (_SLUG.sub("-", x.lower()).strip("-") for x in parts) if p)


def _gender_of_title(mention: str) -> str | None:
    """"m" / "f" from a title as written ("Mr. Trump", "Sen. …" is neither), else None."""
    m = _TITLE_WORD.match(str(mention or ""))
    word = m.group(1).lower() if m else ""
    return "m" if word in MALE else "f" if word in FEMALE else None


def _gender_of_first(first: str) -> str | None:
    return "f" if first in FEMALE_FIRST else "m" if first in MALE_FIRST else None


def _display(forms: Counter) -> str:
    """The display name of a person: the most quoted written form without middle initials."""
    plain = Counter()
    for form, n in forms.items():
        plain[" ".join(_tokens(form))] += n
    return sorted(plain.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def resolve_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes table with ``person_id`` and ``person``: one canonical name per person.

    In: a quotes table (``extract_quotes``; needs ``speaker``, ``speaker_kind``, ``mention``).  Out: a
    copy with ``person_id`` ("person:donald-trump", "organization:pentagon", "anonymous:unnamed-us-
    official"; "" when the speaker is unknown) and ``person`` (display name, "" when unknown).
    ``speaker`` keeps the story-level name and ``mention`` the words as written.
    """
    out = quotes.copy()
    kinds = out["speaker_kind"].tolist()
    names = out["speaker"].fillna("").astype(str).tolist()
    mentions = (out["mention"] if "mention" in out else pd.Series([""] * len(out))).fillna("").tolist()
    keys = [canonical_name(n) if k == "person" else ("", "") for n, k in zip(names, kinds)]
    full = defaultdict(Counter)                 # surname -> first names written in full, with counts
    in_story = defaultdict(set)                 # (story, surname) -> first names written in full there
    for (first, last), k, aid in zip(keys, kinds, out["article_id"]):
        if k == "person" and first:
            full[last][first] += 1
            in_story[(aid, last)].add(first)
    person_id = []
    forms = defaultdict(Counter)                # person_id -> names as the stories wrote them
    for (first, last), n, k, mention, aid in zip(keys, names, kinds, mentions, out["article_id"]):
        if k == "person" and last:
            story = in_story.get((aid, last), set())
            resolved = first or (next(iter(story)) if len(story) == 1 else "") or \
                _resolve_surname(full.get(last, Counter()), _gender_of_title(mention))
            pid = _key("person", resolved, last)
            forms[pid][n] += 1 if first or not resolved else 0     # a surname alone never names its person
        elif k in ("organization", "anonymous") and n:
            pid = _key(k, n)
            forms[pid][n] += 1
        else:
            pid = ""
        person_id.append(pid)
    shown = {pid: _display(f) for pid, f in forms.items()}
    return out.assign(person_id=pd.Series(person_id, index=out.index, dtype=object),
                      person=pd.Series([shown.get(pid, "") for pid in person_id], index=out.index,
                                       dtype=object))


def _resolve_surname(firsts: Counter, gender: str | None) -> str:
    """The first name a surname alone stands for, or "" (none, or no first name dominant)."""
    if gender:
        firsts = Counter({f: n for f, n in firsts.items() if _gender_of_first(f) in (None, gender)})
    total = sum(firsts.values())
    if not total:
        return ""
    first, n = sorted(firsts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return first if n >= DOMINANT_SHARE * total else ""


def people(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per person, organisation or anonymous source across the corpus.

    In: a quotes table (resolved here when it has no ``person_id``), optionally the articles (for the
    outlets).  Out: ``PEOPLE_COLUMNS``: ``person_id, person, kind, aliases`` (the names written, "; "
    joined), ``n_quotes`` (direct quotations that are someone's words; terms set apart),
    ``n_stories``, ``outlets`` ("; " joined, "" without articles) and ``roles`` (roles seen),
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
        def joined(col):
            return "; ".join(sorted({v for v in g[col].astype(str) if v}))
        rows.append({"person_id": pid, "person": g["person"].iloc[0], "kind": g["speaker_kind"].iloc[0],
                     "aliases": joined("speaker"), "n_quotes": int(said[g.index].sum()),
                     "n_stories": int(g["article_id"].nunique()), "outlets": joined("outlet"),
                     "roles": joined("speaker_role")})
    table = pd.DataFrame(rows, columns=PEOPLE_COLUMNS)
    table = table.astype({"n_quotes": "int64", "n_stories": "int64"})
    return table.sort_values(["n_quotes", "person"], ascending=[False, True]).reset_index(drop=True)
