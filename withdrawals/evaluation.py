"""Evaluation: score the extractors against hand-annotated real articles (the gold in ``tests/gold/``).

The gold is one JSON file per article, written by annotators who never saw the
extractor's output: the article's ``id`` and ``set`` ("dev", or "frozen": never
looked at while writing rules), and its ``quotes`` (every span in quotation
marks: a snippet of its first words, the canonical ``speaker``, ``kind`` and
``quote_kind`` "quotation" or "term"), ``troops`` (every count of armed
personnel: snippet, low, high, hedge, unit, actor, place), ``casualties`` and
``timelines`` (snippet, low, high, unit, ``kind`` "withdrawal", "deployment"
or "other").  The article texts are not in the project: the gold holds only
ids and short snippets, and the scorer reads the texts from the corpus file.

:func:`score_gold` prints nothing; ``bench/score_gold.py`` (``make score``)
prints its figures for the dev and frozen sets apart.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

__all__ = ["read_gold", "score_gold", "GOLD_SETS"]

GOLD_SETS = ("dev", "frozen")
_QUOTE_COLUMNS = ["article_id", "set", "quote", "speaker", "kind", "quote_kind"]
_TROOP_COLUMNS = ["article_id", "set", "snippet", "low", "high", "hedge", "unit", "actor", "place"]
_FRAME_COLUMNS = ["article_id", "set", "snippet", "low", "high", "unit", "kind"]
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


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


def _prf(right: int, predicted: int, gold: int) -> dict:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return {"right": right, "predicted": predicted, "gold": gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


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


def _score_troops(troops: pd.DataFrame, gold: pd.DataFrame, texts: dict) -> dict:
    vague = gold[gold["hedge"] == "vague"]
    pred = troops[troops["hedge"] != "vague"] if "hedge" in troops else troops
    pred = pred.drop(index=_vague_rows(pred, vague, texts), errors="ignore")
    gold = gold[gold["hedge"] != "vague"]
    found, right, _ = _match_spans(gold, pred, texts, ["low", "high", "hedge", "actor", "place"])
    out = _prf(right, len(pred), len(gold))
    out.update(found=found, span_f1=_prf(found, len(pred), len(gold))["f1"], vague_set_aside=len(vague))
    return out


def _score_frames(timelines: pd.DataFrame, gold: pd.DataFrame, texts: dict) -> dict:
    gold = gold[gold["kind"] == "withdrawal"]
    pred = timelines[timelines["kind"] == "withdrawal"] if "kind" in timelines else timelines
    found, right, _ = _match_spans(gold, pred, texts, ["low", "high", "unit"])
    out = _prf(right, len(pred), len(gold))
    out["kind_column"] = "kind" in timelines
    return out


def _score_quotes(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict:
    from .speakers import score_quotes

    direct = quotes[quotes["direct"]]
    s = score_quotes(direct, gold)
    said = gold[gold["quote_kind"] == "quotation"]
    ss = score_quotes(direct, said)
    terms = gold[gold["quote_kind"] == "term"]
    out = {"gold": len(gold), "quotations": len(said), "terms": len(terms), "predicted": len(direct),
           "recall": s["recall"], "precision": s["precision"],
           "speaker_accuracy": ss["speaker_accuracy"],
           "e2e_precision": ss["e2e_precision"], "e2e_recall": ss["e2e_recall"], "e2e_f1": ss["e2e_f1"],
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
    set with gold rows; quotes: recall, precision, speaker accuracy, end-to-end P/R/F1 (a quotation
    right when found and its speaker right; terms set apart); troops: precision, recall and F1 of
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
                      "quotes": _score_quotes(pick["quotes"][pick["quotes"]["article_id"].isin(quoted)],
                                              g["quotes"]),
                      "troops": _score_troops(pick["troops"], g["troops"], texts),
                      "timelines": _score_frames(pick["timelines"], g["timelines"], texts),
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
