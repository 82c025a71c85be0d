"""Evaluation: every scorer of the extractors, against the hand fixtures and the real-article gold.

Two kinds of gold, one set of matching rules (quote marks and dashes folded the same way, a gold
row matched once):

* **the hand fixtures** in ``tests/fixtures/``: stories written or annotated by hand, with their
  gold as CSV (column dictionary in the README, "Hand fixtures").  :func:`score_quotes` scores
  quotations (the seeds' ``quotes_seeds.csv``; the hand-written stories of ``stories/``, gold
  ``quotes_stories.csv``), :func:`score_troops` troop figures as exact rows (``troops_seeds.csv``;
  ``troops_tricky.csv``, one sentence or short story per row with its ``text``).
  :func:`fixture_cases` names each fixture and :func:`load_fixture` gives its articles and gold
  (``tests/test_fixtures.py`` runs every one); :func:`score_troop_fixtures` and
  :func:`score_quote_fixture` give the figures ``bench/score_troops.py`` and
  ``bench/score_quotes.py`` print.
* **the real-article gold** in ``tests/gold/``: one JSON file per article, written by annotators
  who never saw the extractor's output: the article's ``id`` and ``set`` ("dev", or "frozen":
  never looked at while writing rules), and its ``quotes`` (every span in quotation marks: a
  snippet of its first words, the canonical ``speaker``, ``kind`` and ``quote_kind`` "quotation"
  or "term"), ``troops`` (every count of armed personnel: snippet, low, high, hedge, unit, actor,
  place), ``casualties`` and ``timelines`` (snippet, low, high, unit, ``kind`` "withdrawal",
  "deployment" or "other").  The article texts are not in the project: the gold holds only ids
  and short snippets, and the scorer reads the texts from the corpus file.  :func:`score_gold`
  prints nothing; ``bench/score_gold.py`` (``make score``) prints its figures for the dev and
  frozen sets apart.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from withdrawals.corpus import load_articles
from withdrawals.numbers import extract_troop_mentions
# the scorer matches words and names the way the speakers stage forms them
from withdrawals.speakers import _INITIAL_RE, _PLAIN_WORD_RE, _first_key, extract_quotes, merge_speakers

__all__ = ["score_quotes", "score_troops", "score_troop_fixtures", "score_quote_fixture",
           "fixture_cases", "load_fixture", "read_fixture", "read_stories", "fixture_articles",
           "read_gold", "score_gold", "GOLD_SETS", "FIXTURES", "SEEDS", "TROOP_KEY"]

_REPO = Path(__file__).resolve().parent.parent
FIXTURES = _REPO / "tests" / "fixtures"     # the hand fixtures
SEEDS = _REPO / "seeds"                     # the stories the seed fixtures annotate
TROOP_KEY = ["article_id", "low", "high", "hedge", "actor", "place"]   # a troop figure is right when all agree

GOLD_SETS = ("dev", "frozen")
_QUOTE_COLUMNS = ["article_id", "set", "quote", "speaker", "kind", "quote_kind"]
_TROOP_COLUMNS = ["article_id", "set", "snippet", "low", "high", "hedge", "unit", "actor", "place"]
_FRAME_COLUMNS = ["article_id", "set", "snippet", "low", "high", "unit", "kind"]
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


# --------------------------------------------------------------------------- shared matching rules
def _prf(right: int, predicted: int, gold: int, empty: float = 0.0) -> dict:
    """Precision, recall and F1 of ``right`` of ``predicted`` against ``gold`` (``empty`` when a count is 0)."""
    p = right / predicted if predicted else empty
    r = right / gold if gold else empty
    return {"right": right, "predicted": predicted, "gold": gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _norm_text(s: str) -> str:
    """Lower case, quote marks and dashes folded, punctuation dropped: the form quotations are matched in."""
    return " ".join(_PLAIN_WORD_RE.findall(str(s).lower().translate(_MARKS)))


def _without_initials(name) -> str:
    """A name compared without its middle initials and generational suffix ("Paul E. Funk II" is
    "Paul Funk", as the gold writes canonical names)."""
    toks = str(name).split()
    while len(toks) > 2 and toks[-1].rstrip(".").lower() in _SUFFIXES:
        toks = toks[:-1]
    return _norm_text(" ".join(t for i, t in enumerate(toks) if not (0 < i < len(toks) - 1 and _INITIAL_RE.fullmatch(t))))


_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _same_speaker(pred_speaker, pred_kind, gold_speaker, gold_kind) -> bool:
    if gold_kind == "anonymous":
        return pred_kind == "anonymous"
    if pred_kind != gold_kind:
        return False
    p, g = _norm_text(pred_speaker), _norm_text(gold_speaker)
    if gold_kind == "person":     # the view-level merge drops middle initials: "Dana W. White" is "Dana White"
        if p == g or _without_initials(pred_speaker) == _without_initials(gold_speaker):
            return True
        pt, gt = _without_initials(pred_speaker).split(), _without_initials(gold_speaker).split()
        if len(gt) == len(pt) == 2 and pt[1] == gt[1] and _first_key(pt[0]) == _first_key(gt[0]):
            return True           # a short form of the first name ("Jim Mattis" is "James Mattis"), as the merge reads it
        if len(gt) == 1:          # the annotator had a surname only: the corpus may give the full name
            return bool(pt) and pt[-1] == gt[0]
        # a middle name the annotator left out ("Hillary Rodham Clinton" is "Hillary Clinton"), or a
        # first name ("Mohammad Javad Zarif" is "Javad Zarif")
        return len(gt) == 2 and len(pt) > 2 and ((pt[0], pt[-1]) == (gt[0], gt[1]) or pt[-2:] == gt)
    pw = {w.removesuffix("'s") for w in p.split()} - {"the", "and", "of", "s"}   # "Russia's defense ministry"
    gw = {w.removesuffix("'s") for w in g.split()} - {"the", "and", "of", "s"}
    return bool(pw & gw) or p == g


# --------------------------------------------------------------------------- the scorers
def score_quotes(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Score extracted direct quotations against a hand-annotated table.

    In: ``quotes`` from :func:`extract_quotes` (reported rows are ignored);
    ``gold`` with ``article_id, quote, speaker, kind`` (``quote`` a snippet of
    the quotation).  A gold quote is found when its snippet (case, quote marks
    and punctuation ignored) lies inside an extracted quotation of the same
    story; each extracted quotation serves one gold quote, the shortest fitting
    one first.  A person's speaker is right when the canonical name matches
    (after :func:`merge_speakers`), an anonymous source when the kind is
    anonymous, an organisation when the kind matches and the names share a word.
    When the gold has no ``quote_kind`` column it lists quotations only, and extracted terms
    (``quote_kind == "term"``) are set aside.
    Out: dict with ``gold, predicted, found, recall, precision,
    speaker_accuracy, e2e_precision, e2e_recall, e2e_f1`` and ``misses``
    (a DataFrame of gold rows not found or wrongly attributed).
    """
    direct = quotes[quotes["direct"]]
    if "quote_kind" in direct and "quote_kind" not in gold:
        direct = direct[direct["quote_kind"] != "term"]     # a gold of quotations only: terms aside
    pred = merge_speakers(direct).reset_index(drop=True)
    pred_norm = [_norm_text(q) for q in pred["quote"]]
    speakers, kinds = pred["speaker"].tolist(), pred["speaker_kind"].tolist()
    # per story, the extracted quotations shortest first (plain lists: a story may hold thousands)
    by_story = defaultdict(list)
    for i, aid in enumerate(pred["article_id"]):
        by_story[aid].append(i)
    for idx in by_story.values():
        idx.sort(key=lambda k: (len(pred_norm[k]), k))
    used = set()
    found = correct = 0
    misses = []
    for g in gold.itertuples(index=False):
        snip = _norm_text(g.quote)
        i = next((k for k in by_story.get(g.article_id, ()) if k not in used and snip in pred_norm[k]), None)
        if i is None:
            misses.append({"article_id": g.article_id, "quote": g.quote, "gold": g.speaker,
                           "predicted": "(quote not found)"})
            continue
        used.add(i)
        found += 1
        if _same_speaker(speakers[i], kinds[i], g.speaker, g.kind):
            correct += 1
        else:
            misses.append({"article_id": g.article_id, "quote": g.quote, "gold": g.speaker,
                           "predicted": f"{speakers[i]} ({kinds[i]})"})
    spans, e2e = _prf(found, len(pred), len(gold)), _prf(correct, len(pred), len(gold))
    return {
        "gold": len(gold), "predicted": len(pred), "found": found,
        "recall": spans["recall"], "precision": spans["precision"],
        "speaker_accuracy": correct / found if found else 0.0,
        "e2e_precision": e2e["precision"], "e2e_recall": e2e["recall"], "e2e_f1": e2e["f1"],
        "misses": pd.DataFrame(misses, columns=["article_id", "quote", "gold", "predicted"]),
    }


def _rows(df: pd.DataFrame, key: list) -> Counter:
    """The figure rows of ``df`` (a blank ``low``: a fixture story with no figure) as text tuples of ``key``."""
    rows = df[df["low"].astype(str) != ""] if "low" in df else df
    return Counter(tuple(str(v) for v in r) for r in rows[key].astype(str).itertuples(index=False))


def score_troops(troops: pd.DataFrame, gold: pd.DataFrame, key: list | None = None) -> dict:
    """Score extracted troop figures against a hand fixture, as exact rows.

    In: ``troops`` from :func:`extract_troop_mentions`; ``gold`` a fixture table (rows with a blank
    ``low`` are stories with no figure); ``key`` the columns that must all agree, as text
    (default :data:`TROOP_KEY`: article_id, low, high, hedge, actor, place).  Each gold row is
    matched once.  Out: ``right, extracted, fixture, precision, recall, f1`` (1.0 when there is
    nothing to count), and ``false_alarms`` and ``misses``, the rows (tuples of ``key``) on one
    side only, sorted.
    """
    key = TROOP_KEY if key is None else list(key)
    p, g = _rows(troops, key), _rows(gold, key)
    s = _prf(sum((p & g).values()), sum(p.values()), sum(g.values()), empty=1.0)
    return {"right": s["right"], "extracted": s["predicted"], "fixture": s["gold"],
            "precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
            "false_alarms": sorted((p - g).elements()), "misses": sorted((g - p).elements())}


# --------------------------------------------------------------------------- the hand fixtures
def read_fixture(name: str, folder=FIXTURES) -> pd.DataFrame:
    """A fixture CSV of ``folder`` as text columns (blank cells stay "", never NaN)."""
    return pd.read_csv(Path(folder) / name, dtype=str, keep_default_na=False)


def fixture_articles(stories: pd.DataFrame, source: str = "fixture") -> pd.DataFrame:
    """An articles table for hand-written stories: one row per ``article_id`` with its ``text``
    (an ``outlet`` column is kept, "test" when there is none); the texts are used as they are."""
    cols = ["article_id", "text"] + (["outlet"] if "outlet" in stories else [])
    out = stories.drop_duplicates("article_id")[cols].reset_index(drop=True)
    if "outlet" not in out:
        out["outlet"] = "test"
    return out.assign(source=source, part=1, published=pd.NaT, title="",
                      n_words=out["text"].str.split().str.len(),
                      n_paragraphs=out["text"].str.count("\n\n") + 1)


def read_stories(folder=FIXTURES / "stories") -> pd.DataFrame:
    """The hand-written stories of ``folder`` (``<article_id>.txt`` and ``metadata.csv``: file,
    outlet, scored_with, note) as an articles table with ``scored_with`` (the article_ids, space
    separated, of the stories each is extracted together with; blank: alone).  A text is read as
    written, its final newline dropped.  Raises ``ValueError`` naming a listed file that is missing.
    """
    folder = Path(folder)
    meta = read_fixture("metadata.csv", folder)
    texts = []
    for name in meta["file"]:
        path = folder / name
        if not path.is_file():
            raise ValueError(f"{folder / 'metadata.csv'}: lists {name}, which is not in {folder}")
        texts.append(path.read_text(encoding="utf-8").rstrip("\n"))
    stories = meta.assign(article_id=meta["file"].str.removesuffix(".txt"), text=texts)
    return fixture_articles(stories, source="stories").assign(scored_with=stories["scored_with"].tolist())


def fixture_cases(folder=FIXTURES) -> list[str]:
    """Every hand fixture, named ``<extractor>:<fixture>``: ``quotes:seeds``, ``troops:seeds``,
    ``troops:tricky`` and ``quotes:<story>`` for each hand-written story of ``stories/``."""
    return (["quotes:seeds", "troops:seeds", "troops:tricky"]
            + [f"quotes:{aid}" for aid in read_stories(Path(folder) / "stories")["article_id"]])


def load_fixture(case: str, folder=FIXTURES, seeds=SEEDS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, gold) of one case of :func:`fixture_cases`.

    The seed fixtures annotate the stories of ``seeds`` (as :func:`load_articles` gives them); a
    hand-written story comes with the stories it is ``scored_with``, and the gold of all of them.
    """
    kind, name = case.split(":", 1)
    folder = Path(folder)
    if name == "seeds":
        return load_articles(seeds), read_fixture(f"{kind}_seeds.csv", folder)
    if case == "troops:tricky":
        gold = read_fixture("troops_tricky.csv", folder)
        return fixture_articles(gold, source="tricky"), gold.drop(columns="text")
    stories = read_stories(folder / "stories").set_index("article_id", drop=False)
    if kind != "quotes" or name not in stories.index:
        raise ValueError(f"{folder}: no fixture {case!r} (known: {', '.join(fixture_cases(folder))})")
    ids = [name] + stories.at[name, "scored_with"].split()
    gold = read_fixture("quotes_stories.csv", folder)
    return (stories.loc[ids].drop(columns="scored_with").reset_index(drop=True),
            gold[gold["article_id"].isin(ids)].reset_index(drop=True))


def score_troop_fixtures(folder=FIXTURES, seeds=SEEDS) -> dict:
    """:func:`score_troops` on the two troop fixtures: ``{"seeds": {...}, "tricky": {...}}``."""
    out = {}
    for name in ("seeds", "tricky"):
        articles, gold = load_fixture(f"troops:{name}", folder, seeds)
        out[name] = score_troops(extract_troop_mentions(articles), gold)
    return out


def score_quote_fixture(corpus=SEEDS, gold=FIXTURES / "quotes_seeds.csv") -> dict:
    """:func:`score_quotes` of the stories of ``corpus`` (any :func:`load_articles` input) against
    the gold CSV ``gold``, its rows for those stories only."""
    articles = load_articles(corpus)
    table = pd.read_csv(gold)
    table = table[table["article_id"].isin(articles["article_id"])]
    return score_quotes(extract_quotes(articles), table)


# --------------------------------------------------------------------------- the real-article gold
def read_gold(folder) -> dict[str, pd.DataFrame]:
    """The gold of every ``*.json`` in ``folder`` as three tables: quotes, troops, timelines.

    Out: ``{"articles": article_id, set, outlet, quotes_annotated (every annotated article, with or
    without rows; ``layers`` of a file says which kinds were annotated, all by default);
    "quotes": article_id, set, quote, speaker, kind, quote_kind; "troops": article_id, set,
    snippet, low, high, hedge, unit, actor, place; "timelines": article_id, set, snippet, low, high,
    unit, kind}``.  Raises ``ValueError`` naming the file when a file is not valid JSON or lacks ``id``.
    """
    rows = {"quotes": [], "troops": [], "timelines": [], "articles": []}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            aid, split = doc["id"], doc.get("set", "dev")
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}: not a gold file ({exc})") from None
        layers = doc.get("layers", ["quotes", "troops", "casualties", "timelines"])
        rows["articles"].append({"article_id": aid, "set": split, "outlet": doc.get("outlet", ""),
                                 "quotes_annotated": "quotes" in layers})
        for q in doc.get("quotes", []):
            rows["quotes"].append({"article_id": aid, "set": split, "quote": q["snippet"],
                                   "speaker": q.get("speaker", ""), "kind": q.get("kind", "unknown"),
                                   "quote_kind": q.get("quote_kind", "quotation")})
        for t in doc.get("troops", []):
            rows["troops"].append({"article_id": aid, "set": split, **{c: t.get(c) for c in _TROOP_COLUMNS[2:]}})
        for t in doc.get("timelines", []):
            rows["timelines"].append({"article_id": aid, "set": split, **{c: t.get(c) for c in _FRAME_COLUMNS[2:]}})
    return {"quotes": pd.DataFrame(rows["quotes"], columns=_QUOTE_COLUMNS),
            "troops": pd.DataFrame(rows["troops"], columns=_TROOP_COLUMNS),
            "timelines": pd.DataFrame(rows["timelines"], columns=_FRAME_COLUMNS),
            "articles": pd.DataFrame(rows["articles"], columns=["article_id", "set", "outlet",
                                                                "quotes_annotated"])}


def _locate(folded: str, snippet: str, taken: set) -> tuple[int, int] | None:
    """The first occurrence of ``snippet`` in a story not yet taken.

    ``folded``: the story's text with quote marks and dashes folded (:func:`_fold`); the snippet is
    folded the same way, one character for one, so the offsets are the story's own.
    """
    hay, needle = folded, str(snippet).translate(_MARKS).strip()
    for m in re.finditer(re.escape(needle), hay):
        if m.start() not in taken:
            taken.add(m.start())
            return m.start(), m.end()
    return None


def _overlapping(pred: pd.DataFrame, span: tuple[int, int], used: set) -> list:
    return [i for i, s, e in zip(pred.index, pred["start"], pred["end"])
            if i not in used and s < span[1] and e > span[0]]


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _same(a, b) -> bool:
    """Equal as numbers when both are numbers, else as stripped lower-case text; both missing is equal."""
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a).strip().lower() == str(b).strip().lower()


def _match_spans(gold: pd.DataFrame, pred: pd.DataFrame, texts: dict, fields: list) -> tuple[int, int, int]:
    """(found, fully right, gold located): each gold row to an overlapping predicted row of its story."""
    found = right = located = 0
    used: set = set()
    by_story = {aid: p for aid, p in pred.groupby("article_id")} if len(pred) else {}
    taken: dict = {}
    for g in gold.itertuples(index=False):
        span = _locate(texts.get(g.article_id, ""), g.snippet, taken.setdefault(g.article_id, set()))
        if span is None:
            continue
        located += 1
        cands = _overlapping(by_story.get(g.article_id, pred.iloc[:0]), span, used)
        if not cands:
            continue
        full = [i for i in cands if all(_same(pred.at[i, f], getattr(g, f)) for f in fields)]
        used.add((full or cands)[0])
        found += 1
        right += bool(full)
    return found, right, located


def _vague_rows(pred: pd.DataFrame, gold_vague: pd.DataFrame, texts: dict) -> list:
    """Predicted rows that overlap a gold vague amount (set aside like the gold row)."""
    out, taken = [], {}
    for g in gold_vague.itertuples(index=False):
        span = _locate(texts.get(g.article_id, ""), g.snippet, taken.setdefault(g.article_id, set()))
        if span is not None:
            out += _overlapping(pred[pred["article_id"] == g.article_id], span, set())
    return out


def _score_gold_troops(troops: pd.DataFrame, gold: pd.DataFrame, texts: dict) -> dict:
    vague = gold[gold["hedge"] == "vague"]
    pred = troops[troops["hedge"] != "vague"] if "hedge" in troops else troops
    pred = pred.drop(index=_vague_rows(pred, vague, texts), errors="ignore")
    gold = gold[gold["hedge"] != "vague"]
    found, right, _ = _match_spans(gold, pred, texts, ["low", "high", "hedge", "actor", "place"])
    out = _prf(right, len(pred), len(gold))
    out.update(found=found, span_f1=_prf(found, len(pred), len(gold))["f1"], vague_set_aside=len(vague))
    return out


def _score_gold_frames(timelines: pd.DataFrame, gold: pd.DataFrame, texts: dict) -> dict:
    gold = gold[gold["kind"] == "withdrawal"]
    pred = timelines[timelines["kind"] == "withdrawal"] if "kind" in timelines else timelines
    found, right, _ = _match_spans(gold, pred, texts, ["low", "high", "unit"])
    out = _prf(right, len(pred), len(gold))
    out["kind_column"] = "kind" in timelines
    return out


def _score_gold_quotes(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict:
    direct = quotes[quotes["direct"]]
    s = score_quotes(direct, gold)
    said = gold[gold["quote_kind"] == "quotation"]
    ss = score_quotes(direct, said)
    # end to end, terms are nobody's words on either side: the extracted quotations against the gold's
    words = direct[direct["quote_kind"] != "term"] if "quote_kind" in direct else direct
    e2e = score_quotes(words, said)
    terms = gold[gold["quote_kind"] == "term"]
    out = {"gold": len(gold), "quotations": len(said), "terms": len(terms), "predicted": len(direct),
           "recall": s["recall"], "precision": s["precision"],
           "speaker_accuracy": ss["speaker_accuracy"],
           "e2e_precision": e2e["e2e_precision"], "e2e_recall": e2e["e2e_recall"], "e2e_f1": e2e["e2e_f1"],
           "misses": ss["misses"]}
    if "quote_kind" in quotes:
        tp = score_quotes(direct[direct["quote_kind"] == "term"], terms)["found"]
        n_pred = int((direct["quote_kind"] == "term").sum())
        out["terms_prf"] = _prf(tp, n_pred, len(terms))
    return out


def _fold(texts: dict) -> dict:
    """Each story's text with curly quote marks and dashes as straight ones (offsets unchanged)."""
    return {aid: t.translate(_MARKS) for aid, t in texts.items()}


def _assign_parts(gold: pd.DataFrame, fold: dict, column: str) -> pd.DataFrame:
    """Gold rows keyed on the corpus id, given the article_id of the story (part) holding the snippet.

    A loaded corpus names its stories ``<id>-1``, ``<id>-2`` … (a file or row can hold more than one);
    a row goes to the first part whose text holds its snippet, else to the first part.
    """
    parts: dict = {}
    for aid in fold:
        parts.setdefault(aid.rsplit("-", 1)[0], []).append(aid)

    def part(row) -> str:
        cands = [row.article_id] if row.article_id in fold else sorted(parts.get(row.article_id, []))
        snip = str(getattr(row, column)).translate(_MARKS).strip()
        return next((c for c in cands if snip in fold[c]), cands[0] if cands else row.article_id)

    return gold.assign(article_id=[part(r) for r in gold.itertuples(index=False)]) if len(gold) else gold


def score_gold(articles: pd.DataFrame, tables: dict, gold: dict) -> dict:
    """Score ``tables`` (from ``analyze``) against ``gold`` (from :func:`read_gold`), per gold set.

    In: the articles the gold's ids come from (cleaned ``text``), the analysis tables and the gold.
    Out: ``{set: {"articles": n, "quotes": {...}, "troops": {...}, "timelines": {...}}}`` for each
    set with gold rows; quotes: recall and precision of every quoted span, speaker accuracy (of the
    gold quotations found), end-to-end P/R/F1 (the extracted quotations, terms left out, against the
    gold quotations: one is right when found and its speaker right); troops: precision, recall and F1 of
    fully-right figures (low, high, hedge, actor and place all right; vague amounts set aside, as
    the gold's), plus the F1 of spans found; timelines: withdrawal time frames (low, high, unit).
    """
    texts = _fold(dict(zip(articles["article_id"], articles["text"])))     # folded once, for every match
    parts = pd.Series(list(texts), dtype=object)
    stories = gold["articles"]
    gold = {k: _assign_parts(v, texts, "quote" if k == "quotes" else "snippet")
            for k, v in gold.items() if k != "articles"}
    out = {}
    for split in GOLD_SETS:
        def story_ids(names):
            return set(parts[parts.isin(names) | parts.str.rsplit("-", n=1).str[0].isin(names)])

        here = stories[stories["set"] == split]
        names = set(here["article_id"])
        ids = story_ids(names)
        quoted = story_ids(set(here.loc[here["quotes_annotated"], "article_id"]))
        if not ids:
            continue
        pick = {k: v[v["article_id"].isin(ids)] for k, v in tables.items()}
        g = {k: v[(v["set"] == split) & v["article_id"].isin(ids)] for k, v in gold.items()}
        out[split] = {"articles": len(names),
                      "quotes": _score_gold_quotes(pick["quotes"][pick["quotes"]["article_id"].isin(quoted)],
                                              g["quotes"]),
                      "troops": _score_gold_troops(pick["troops"], g["troops"], texts),
                      "timelines": _score_gold_frames(pick["timelines"], g["timelines"], texts),
                      "merges": score_merges(pick["quotes"][pick["quotes"]["article_id"].isin(quoted)],
                                             g["quotes"])}
    return out


def _matched_people(quotes: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[str, str]]:
    """(gold speaker, predicted person_id) for each gold quotation by a person that the
    extractor found (its snippet inside an extracted direct quotation of the story, or the
    other way round) and credited to a person."""
    if "person_id" not in quotes or quotes.empty:
        return []
    direct = quotes[quotes["direct"] & (quotes["speaker_kind"] == "person")]
    by_story = {aid: [(str(q).translate(_MARKS).strip(), pid) for q, pid in zip(g["quote"], g["person_id"])]
                for aid, g in direct.groupby("article_id", sort=False)}
    out = []
    said = gold[(gold["quote_kind"] == "quotation") & (gold["kind"] == "person") & (gold["speaker"] != "")]
    for aid, snippet, speaker in zip(said["article_id"], said["quote"], said["speaker"]):
        snip = str(snippet).translate(_MARKS).strip()[:60]
        hit = next((pid for q, pid in by_story.get(aid, ()) if snip and (snip in q or q[:60] in snip)), None)
        if hit is not None:
            out.append((speaker, hit))
    return out


def score_merges(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Corpus-merge accuracy: over every pair of gold quotations by people that the extractor
    found and credited to a person, whether the pair is rightly put under one ``person_id``
    (the gold names one speaker) or rightly kept apart.

    Out: ``pairs``, ``accuracy`` (right pairs / pairs), and, because most pairs are two
    different people, the precision and recall of the merges themselves (pairs under one
    ``person_id`` that are one gold speaker; pairs of one gold speaker that share a ``person_id``).
    """
    people = _matched_people(quotes, gold)
    same_gold = same_pred = both = right = pairs = 0
    for i in range(len(people)):
        gi, pi = people[i]
        for gj, pj in people[i + 1:]:
            g, p = gi == gj, pi == pj
            pairs += 1
            right += g == p
            same_gold += g
            same_pred += p
            both += g and p
    return {"mentions": len(people), "pairs": pairs, "accuracy": right / pairs if pairs else float("nan"),
            "merge_precision": both / same_pred if same_pred else float("nan"),
            "merge_recall": both / same_gold if same_gold else float("nan")}
