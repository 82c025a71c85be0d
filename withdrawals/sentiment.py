"""Sentiment: sentence-level VADER scores, split by voice, summarised by outlet, story and target.

Scores come from VADER's reference implementation (the ``vaderSentiment``
package; Hutto & Gilbert 2014, ICWSM).  One analyzer is built per process, on
first use, and reused; four pitfalls of VADER on news text are fixed in that
analyzer's own tables and token loop (never in the package's globals) and in
one quote normalisation of each sentence, so the fixes cost almost nothing per
sentence:

1. **Typographic quotes and apostrophes.**  VADER only knows ``'`` and ``"``:
   "isn’t good" is not seen as negated (``n’t`` is not ``n't``) and
   “great” is not found in the lexicon (``“`` is not stripped as punctuation).
   Every sentence is normalised first: ‘ ’ ‛ ′ become ``'``, “ ” „ ″ « »
   become ``"``, and em / en dashes become a spaced hyphen so that
   "victory—and" is two words.
2. **"the bomb".**  VADER's special-case idiom table gives "the bomb" +3
   (slang: "this song is the bomb"), and the idiom check overwrites the
   valence of *any* lexicon word within two words after it: "Officials said
   the bomb struck the convoy" scores +0.84.  News never uses the slang
   sense, so the idiom is removed from this analyzer's table; "bomb" keeps
   its lexicon valence (-2.2).
3. **"no".**  VADER uses "no" both as a negator of the next lexicon word(s)
   and, when no lexicon word follows, as a word of valence -1.2 of its own
   (rated in isolation, as a refusal).  In news "no" is almost always a
   determiner ("no casualties", "no decision has been made"), marking absence
   rather than negativity, so here it only negates: its own valence is 0
   (also in capitals, "NO", which VADER would push to -0.733 even at 0), and
   it stays in the lexicon so VADER's negation logic runs unchanged.
4. **Lexicon words inside names.**  "United States", "United Nations",
   "Security Council", "Popular Mobilization Forces", "Special Envoy": a
   title-case lexicon word joined to a capitalised neighbour (no punctuation
   between them) is part of a name, not a judgement, and scores 0 ("United"
   was the strongest positive word of most outlets in the seed stories).  The
   first word of a sentence is never treated so (it is capitalised anyway:
   "Defeating ISIS…", "Unfortunately, Mr…"), nor does it count as the
   neighbour.  The cost: a name that opens the sentence keeps its valence
   ("United States officials…"), and a sentiment word that is really part of
   a title or name mid-sentence is lost only if it is capitalised.

Each fix can be switched on alone (``fixes={"quotes", "no"}``) to measure it;
``bench/validate_sentiment.py`` prints Pearson r against the human ratings of
the VADER authors' New York Times snippets for plain VADER, all fixes, and
each fix alone.

The analyzer is also faster than the package's (same results with the fixes
off, which ``bench/validate_sentiment.py`` checks on 5,190 sentences): it skips
the per-character emoji scan when a sentence holds no emoji, and looks up
negators and idioms by position instead of lower-casing the whole sentence for
every lexicon word.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vs

__all__ = ["score_sentiment", "polarity", "normalize_quotes", "score_by_voice",
           "sentiment_summary", "target_sentiment", "lexicon_contributors",
           "token_valences", "DEFAULT_TARGETS", "SCORE_COLUMNS", "NEG_THRESHOLD",
           "POS_THRESHOLD", "FIXES", "SUMMARY_COLUMNS", "VOICE_COLUMNS",
           "read_ratings", "human_agreement", "PITFALL_EXAMPLES", "pitfall_table", "fix_effects",
           "story_labels", "plot_summary", "plot_voice", "plot_target_heatmap", "plot_contributors"]

SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
#: Polarity bands of the compound score: < -0.05 negative, > 0.05 positive, else neutral
#: (VADER's README draws the same lines, inclusive).
NEG_THRESHOLD, POS_THRESHOLD = -0.05, 0.05

#: Target name -> regular expression (case-sensitive unless the pattern says (?i)).
DEFAULT_TARGETS = {
    "Trump": r"\bTrump\b",
    "ISIS / Islamic State": r"\bIS(IS|IL)?\b|\bIslamic State\b|\bDaesh\b",
    "Kurds / SDF": r"\bKurd(s|ish)?\b|\bSDF\b|\bSyrian Democratic Forces\b|\bYPG\b",
    "Turkey / Erdogan": r"\bTurk(ey|ish|s)?\b|\bErdo[gğ]an\b|\bAnkara\b",
    "Russia": r"\bRussian?s?\b|\bMoscow\b|\bKremlin\b",
    "Iran": r"\bIran(ian)?s?\b|\bTehran\b",
    "the troops": r"(?i)\btroops?\b|\bsoldiers?\b|\bservice ?(wo)?(men|members?)\b",
}

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2014": " - ", "\u2013": " - ",
})
_NEGATE = frozenset(_vs.NEGATE)
_BREAK = re.compile(r"[,;:.!?)\]\"']$")   # punctuation that ends a name run
_OPEN_PUNCT = frozenset("(\"'[")


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


def normalize_quotes(text: str) -> str:
    """Return ``text`` with typographic quotes, apostrophes and dashes made ASCII (fix 1).

    Same result as ``text.translate(_QUOTES)``, about ten times faster on news
    sentences: ASCII text is returned as is, otherwise only the marks present
    are replaced.
    """
    if text.isascii():
        return text
    for mark, ascii_ in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, ascii_)
    return text


#: The fixes, by name, in the order the module docstring describes them.
FIXES = ("quotes", "bomb", "no", "names")


def _fix_set(fixes) -> frozenset:
    """``True`` -> all fixes, ``False``/``None`` -> none, else an iterable of names from FIXES."""
    if fixes is True:
        return frozenset(FIXES)
    if not fixes:
        return frozenset()
    chosen = frozenset([fixes] if isinstance(fixes, str) else fixes)
    unknown = chosen - set(FIXES)
    if unknown:
        raise ValueError(f"unknown sentiment fixes {sorted(unknown)}; known: {FIXES}")
    return chosen


class _NewsAnalyzer(_vs.SentimentIntensityAnalyzer):
    """VADER's analyzer with its own idiom table and lexicon, and cheaper per-word checks.

    ``fixes`` is a set of names from FIXES ("quotes" is applied by the callers,
    before scoring).  With no fixes it returns exactly what the package's
    analyzer returns.
    """

    def __init__(self, fixes: frozenset = frozenset()):
        super().__init__()
        self.fixes = fixes
        self.special_cases = dict(_vs.SPECIAL_CASES)
        if "bomb" in fixes:
            del self.special_cases["the bomb"]   # fix 2
        if "no" in fixes:
            self.lexicon["no"] = 0.0             # fix 3
        self._no_fix = "no" in fixes
        self._names = "names" in fixes           # fix 4
        self._emoji_chars = frozenset(self.emojis)

    def _prepare(self, text: str) -> str:
        """VADER's first step: emoji replaced by their descriptions, then stripped."""
        if self._emoji_chars.isdisjoint(text):
            return text.strip()
        out, prev_space = [], True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def _valences(self, text: str) -> tuple[list[str], list[float]]:
        sentitext = _vs.SentiText(text)
        words = sentitext.words_and_emoticons
        sentiments: list[float] = []
        names, lexicon = self._names, self.lexicon
        last = len(words) - 1
        for i, item in enumerate(words):
            low = item.lower()
            if low not in lexicon:
                sentiments.append(0)   # not a sentiment word: VADER's sentiment_valence gives 0
                continue
            if low in _vs.BOOSTER_DICT or (low == "kind" and i < last
                                           and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            if low == "no" and self._no_fix:
                sentiments.append(0)   # fix 3: "no" negates the next words, has no valence itself
                continue
            if names and i > 0 and item.istitle() and low in self.lexicon and self._in_name(text, words, i):
                sentiments.append(0)   # fix 4: part of a name ("United States")
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        return words, self._but_check(words, sentiments)

    @staticmethod
    def _in_name(text: str, words: list[str], i: int) -> bool:
        """Is title-case word ``i`` (not the first) joined to a capitalised neighbour, with no
        punctuation between them, i.e. part of a name such as "United States"?"""
        raw = text.split()          # VADER's tokens before stripping punctuation, same positions
        if len(raw) != len(words):
            return False
        if i > 1 and words[i - 1][:1].isupper() and not _BREAK.search(raw[i - 1]) \
                and not raw[i][:1] in _OPEN_PUNCT:
            return True
        return (i < len(words) - 1 and words[i + 1][:1].isupper() and not _BREAK.search(raw[i])
                and not raw[i + 1][:1] in _OPEN_PUNCT)

    def sentiments(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's tokens of ``text`` and the rule-adjusted valence of each (0 = no sentiment)."""
        return self._valences(self._prepare(text))

    def polarity_scores(self, text: str) -> dict:
        """Same output as VADER's ``polarity_scores``: dict of neg, neu, pos, compound."""
        text = self._prepare(text)
        return self.score_valence(self._valences(text)[1], text)

    @staticmethod
    def _negation_check(valence, words, start_i, i):
        w1 = words[i - 1].lower()
        if start_i == 0:
            if w1 in _NEGATE or "n't" in w1:
                valence = valence * _vs.N_SCALAR
        elif start_i == 1:
            w2 = words[i - 2].lower()
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif w2 in _NEGATE or "n't" in w2:
                valence = valence * _vs.N_SCALAR
        elif start_i == 2:
            w2, w3 = words[i - 2].lower(), words[i - 3].lower()
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif w3 in _NEGATE or "n't" in w3:
                valence = valence * _vs.N_SCALAR
        return valence

    def _special_idioms_check(self, valence, words, i):
        cases = self.special_cases
        w0, w1, w2, w3 = (words[i].lower(), words[i - 1].lower(), words[i - 2].lower(),
                          words[i - 3].lower())
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
            if seq in cases:
                valence = cases[seq]
                break
        n = len(words)
        if n - 1 > i:
            zeroone = f"{w0} {words[i + 1].lower()}"
            if zeroone in cases:
                valence = cases[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {words[i + 1].lower()} {words[i + 2].lower()}"
            if zeroonetwo in cases:
                valence = cases[zeroonetwo]
        for n_gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
            if n_gram in _vs.BOOSTER_DICT:
                valence = valence + _vs.BOOSTER_DICT[n_gram]
        return valence


_ANALYZERS: dict[frozenset, _NewsAnalyzer] = {}


def _analyzer(fixes=True) -> _NewsAnalyzer:
    """The process's analyzer for this set of fixes (built once, on first use)."""
    key = _fix_set(fixes) - {"quotes"}
    if key not in _ANALYZERS:
        _ANALYZERS[key] = _NewsAnalyzer(key)
    return _ANALYZERS[key]


def polarity(text: str, fixes=True) -> dict:
    """Score one sentence: dict ``neg, neu, pos, compound``.

    ``fixes=True`` is the project's scorer (all fixes); ``fixes=False`` is
    plain VADER (for before/after comparisons); or name the fixes to apply,
    e.g. ``fixes={"quotes", "no"}`` (names in ``FIXES``).
    """
    if "quotes" in _fix_set(fixes):
        text = normalize_quotes(text)
    return _analyzer(fixes).polarity_scores(text)


def score_sentiment(sentences: pd.DataFrame, fixes=True) -> pd.DataFrame:
    """Add VADER scores to every row of a table of sentences.

    In: any DataFrame with a ``text`` column (normally ``split_sentences``'s
    output); ``fixes=False`` gives plain VADER, a set of names from ``FIXES``
    only those fixes.
    Out: a new DataFrame, the same rows and columns plus ``neg, neu, pos``
    (shares of the sentence's words, 3 dp) and ``compound`` (-1..+1, 4 dp),
    all float64.  Missing text scores 0.
    """
    if "text" not in sentences.columns:
        raise KeyError("score_sentiment needs a DataFrame with a 'text' column")
    score = _analyzer(fixes).polarity_scores
    texts = [t if isinstance(t, str) else "" for t in sentences["text"]]
    if "quotes" in _fix_set(fixes):
        texts = [normalize_quotes(t) for t in texts]
    rows = [score(t) for t in texts]
    out = sentences.copy()
    for col in SCORE_COLUMNS:
        out[col] = np.array([r[col] for r in rows], dtype="float64")
    return out


def token_valences(text: str, fixes=True) -> list[tuple[str, float]]:
    """VADER's words of one sentence with the valence each contributes after its rules.

    Out: ``(word, valence)`` pairs, lower-cased, only words with a non-zero
    valence (negation, boosters and "but" already applied), in order.
    """
    if "quotes" in _fix_set(fixes):
        text = normalize_quotes(text)
    words, sents = _analyzer(fixes).sentiments(text)
    return [(w.lower(), float(v)) for w, v in zip(words, sents) if v]


# ----------------------------------------------------------------------------- validation

def read_ratings(path) -> pd.DataFrame:
    """Read a file of human-rated sentences: one ``id<TAB>rating<TAB>text`` per line.

    In: the path of a file such as the VADER authors' ``nytEditorialSnippets_GroundTruth.txt``
    (UTF-8, or Windows-1252 as a fallback; CRLF or LF).
    Out: DataFrame ``id, rating, text``.  A malformed line raises ValueError naming file and line.
    """
    from pathlib import Path

    raw = Path(path).read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    rows = []
    # only CRLF, CR and LF end a line (str.splitlines would also cut a text at a form feed,
    # U+0085 or U+2028 inside it)
    for n, line in enumerate(content.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        try:
            rating = float(parts[1])
            if not np.isfinite(rating):
                raise ValueError
            rows.append((parts[0], rating, parts[2]))
        except (IndexError, ValueError):
            raise ValueError(f"{path}:{n}: expected 'id<TAB>rating<TAB>text' "
                             "with a finite number as rating") from None
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def human_agreement(ratings: pd.DataFrame, variants: dict | None = None) -> pd.DataFrame:
    """Pearson r between human ratings and the compound score, for several scorers.

    In: ``read_ratings`` output; ``variants`` name -> ``fixes`` argument
    (default: plain VADER, all fixes, and each fix alone).
    Out: DataFrame ``scorer, fixes, r, n, changed`` (``changed`` = sentences
    whose compound differs from plain VADER's), one row per variant.
    """
    if variants is None:
        variants = {"plain VADER": False, "all fixes (project)": True}
        variants.update({f"only '{f}'": {f} for f in FIXES})
    human = ratings["rating"].to_numpy(dtype="float64")
    frame = ratings[["text"]]
    plain = score_sentiment(frame, fixes=False)["compound"].to_numpy()
    rows = []
    for name, fixes in variants.items():
        comp = plain if not _fix_set(fixes) else score_sentiment(frame, fixes=fixes)["compound"].to_numpy()
        # r is undefined (NaN) when either side does not vary, e.g. one sentence or equal ratings
        r = float(np.corrcoef(human, comp)[0, 1]) if len(comp) > 1 and np.ptp(human) > 0 \
            and np.ptp(comp) > 0 else np.nan
        label = ",".join(f for f in FIXES if f in _fix_set(fixes)) or "none"
        rows.append((name, label, r, len(comp), int((comp != plain).sum())))
    return pd.DataFrame(rows, columns=["scorer", "fixes", "r", "n", "changed"])


# ----------------------------------------------------------------------------- voice

VOICE_COLUMNS = ["article_id", "paragraph", "sentence", "voice", "text", "n_chars"] + SCORE_COLUMNS
_LETTER = re.compile(r"[^\W\d_]")
_MARK_CHARS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")


def _split_parts(text: str, offset: int, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """Reporter and quoted text of ``text`` (which starts at ``offset``) given absolute quote spans."""
    end = offset + len(text)
    reporter, quoted, pos = [], [], 0
    for a, b in spans:
        if b <= offset or a >= end:
            continue
        a, b = max(a, offset) - offset, min(b, end) - offset
        piece = text[pos:a]
        reporter.append(piece[:-1] if piece.endswith(_MARK_CHARS) else piece)
        quoted.append(text[a:b])
        pos = b + 1 if b < len(text) and text[b] in _MARK_CHARS else b
    reporter.append(text[pos:])
    return " ".join(p.strip() for p in reporter if p.strip()), " ".join(q.strip() for q in quoted if q.strip())


def score_by_voice(sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                   fixes=True) -> pd.DataFrame:
    """Score the reporter's words and the quoted words of every sentence separately.

    In: the sentences table (``article_id, paragraph, sentence, text``, and
    ``start`` to place each sentence in its story) and, optionally, the
    articles table: with it, quotation spans come from ``quote_spans`` of the
    whole story, so a quotation running over several sentences is seen in
    each; without it (or without ``start``), from ``quote_spans`` of each
    sentence alone.
    Out: a new DataFrame, one row per sentence part that holds a letter,
    columns ``article_id, paragraph, sentence, voice`` ("reporter" or
    "quoted"), ``text`` (that voice's words; several pieces joined by a
    space, quotation marks removed), ``n_chars`` and ``neg, neu, pos,
    compound``.  A sentence wholly in one voice gives one row.
    """
    from withdrawals.segment import quote_spans

    story_spans: dict = {}
    use_story = articles is not None and "start" in sentences.columns and len(sentences)
    if use_story:
        wanted = set(sentences["article_id"])
        for aid, text in zip(articles["article_id"], articles["text"]):
            if aid in wanted:
                story_spans[aid] = quote_spans(text) if isinstance(text, str) else []
    cols = {c: (sentences[c].tolist() if c in sentences.columns else [None] * len(sentences))
            for c in ("article_id", "paragraph", "sentence", "start")}
    rows, texts = [], []
    for aid, par, sen, start, text in zip(cols["article_id"], cols["paragraph"], cols["sentence"],
                                          cols["start"], sentences["text"]):
        if not isinstance(text, str):
            continue
        if use_story and aid in story_spans and start is not None and pd.notna(start):
            reporter, quoted = _split_parts(text, int(start), story_spans[aid])
        else:
            reporter, quoted = _split_parts(text, 0, quote_spans(text))
        for voice, part in (("reporter", reporter), ("quoted", quoted)):
            part = part.strip()
            if _LETTER.search(part):
                rows.append((aid, par, sen, voice, part, len(part)))
                texts.append(part)
    # text columns stay Python objects with or without rows (pandas infers "str" only when there are)
    out = pd.DataFrame(rows, columns=VOICE_COLUMNS[:6], dtype=object)
    scored = score_sentiment(pd.DataFrame({"text": texts}, dtype=object), fixes=fixes)
    for col in SCORE_COLUMNS:
        out[col] = scored[col].to_numpy(dtype="float64")
    nums = {c: "int64" if out[c].notna().all() else "float64" for c in ("paragraph", "sentence")}
    return out.astype({"n_chars": "int64", **nums})


# ----------------------------------------------------------------------------- summaries

def _with_articles(scored: pd.DataFrame, articles: pd.DataFrame | None, need: list[str]) -> pd.DataFrame:
    """``scored`` with the columns in ``need`` it lacks joined from ``articles`` by article_id."""
    missing = [c for c in need if c not in scored.columns]
    out = scored
    if missing:
        if articles is None:
            raise KeyError(f"columns {missing} are not in the scored table and no articles were given")
        right = articles[["article_id"] + missing].drop_duplicates("article_id")
        out = scored.merge(right, on="article_id", how="left", validate="many_to_one")
        assert len(out) == len(scored), "join with articles changed the number of rows"
    if "outlet" in need:
        out = out.assign(outlet=_outlet_names(out["outlet"]))
    return out


def _outlet_names(outlets: pd.Series) -> pd.Series:
    """Outlet names as the collection shows them (blank -> "(unknown outlet)", via corpus.outlet_names)."""
    from withdrawals.corpus import outlet_names

    return outlet_names(pd.DataFrame({"outlet": outlets.to_numpy()}, index=outlets.index))


def _bootstrap_ci(x: np.ndarray, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile 95% interval of the mean of ``x`` (its own generator, so groups don't interact)."""
    if len(x) < 2:
        return (float(x[0]), float(x[0])) if len(x) else (np.nan, np.nan)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


SUMMARY_COLUMNS = ["n", "mean_compound", "ci_low", "ci_high", "share_negative",
                   "share_neutral", "share_positive", "n_negative", "n_neutral", "n_positive"]


def sentiment_summary(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                      by="outlet", n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean compound per group with a bootstrap 95% interval, and the shares by polarity.

    In: scored sentences (or ``score_by_voice`` parts); the articles table
    when grouping by a column only it has (``outlet``, ``title`` ...); ``by``
    a column name or list of names (e.g. ``"article_id"``,
    ``["outlet", "voice"]``).
    Out: a new DataFrame, one row per group, sorted by the group columns:
    the group columns, then ``n`` (sentences), ``mean_compound``,
    ``ci_low, ci_high`` (percentile bootstrap over sentences, ``n_boot``
    resamples, fixed ``seed``, each group resampled on its own), and
    ``share_``/``n_`` ``negative`` (compound < -0.05), ``neutral``,
    ``positive`` (> 0.05).  When grouping by ``article_id`` the story's
    ``outlet`` is added if known.
    """
    by = [by] if isinstance(by, str) else list(by)
    extra = ["outlet"] if by == ["article_id"] and articles is not None and "outlet" in articles else []
    df = _with_articles(scored, articles, by + extra)
    rows = []
    for key, g in df.groupby(by + extra, sort=True, dropna=False):
        x = g["compound"].to_numpy(dtype="float64")
        n = len(x)
        neg, pos = int((x < NEG_THRESHOLD).sum()), int((x > POS_THRESHOLD).sum())
        lo, hi = _bootstrap_ci(x, n_boot, seed)
        key = key if isinstance(key, tuple) else (key,)
        rows.append((*key, n, float(x.mean()), lo, hi, neg / n, (n - neg - pos) / n, pos / n,
                     neg, n - neg - pos, pos))
    out = pd.DataFrame(rows, columns=by + extra + SUMMARY_COLUMNS)
    # typed even without rows (an empty table would otherwise hold object columns)
    return out.astype({c: "int64" if c == "n" or c.startswith("n_") else "float64"
                       for c in SUMMARY_COLUMNS})


def target_sentiment(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                     targets: dict | None = None, by: str = "outlet") -> pd.DataFrame:
    """Mean compound of the sentences that mention each target, per outlet.

    In: scored sentences; the articles table (for ``outlet``); ``targets``, a
    dict name -> regular expression (default ``DEFAULT_TARGETS``: Trump,
    ISIS / Islamic State, Kurds / SDF, Turkey / Erdogan, Russia, Iran, the
    troops).  A sentence counts for every target it mentions.
    Out: a new DataFrame with one row per outlet x target (every pair, n = 0
    and NaN mean where no sentence mentions it), columns ``outlet, target,
    n, mean_compound, share_negative, share_positive``, sorted by outlet and
    target order.
    """
    targets = DEFAULT_TARGETS if targets is None else targets
    df = _with_articles(scored, articles, [by])
    groups = sorted(df[by].dropna().unique().tolist())
    texts = df["text"].fillna("").astype(str)
    rows = []
    for name, pattern in targets.items():
        rx = re.compile(pattern)
        hit = np.array([bool(rx.search(t)) for t in texts], dtype=bool)
        sub = df.loc[hit]
        for grp in groups:
            x = sub.loc[sub[by] == grp, "compound"].to_numpy(dtype="float64")
            n = len(x)
            rows.append((grp, name, n, float(x.mean()) if n else np.nan,
                         float((x < NEG_THRESHOLD).mean()) if n else np.nan,
                         float((x > POS_THRESHOLD).mean()) if n else np.nan))
    out = pd.DataFrame(rows, columns=[by, "target", "n", "mean_compound", "share_negative",
                                      "share_positive"])
    order = {name: i for i, name in enumerate(targets)}
    out = out.sort_values([by, "target"], key=lambda s: s.map(order) if s.name == "target" else s,
                          kind="stable").reset_index(drop=True)
    return out.astype({"n": "int64", "mean_compound": "float64", "share_negative": "float64",
                       "share_positive": "float64"})


def lexicon_contributors(scored: pd.DataFrame, articles: pd.DataFrame | None = None,
                         top: int = 10, by: str = "outlet", fixes=True) -> pd.DataFrame:
    """Which lexicon words drive each outlet's score.

    In: scored sentences (``text``, ``article_id``); the articles table (for
    ``outlet``); ``top`` words per direction.
    Out: a new DataFrame with columns ``outlet, direction`` ("positive" /
    "negative"), ``rank`` (1 = strongest), ``word``, ``count`` (occurrences
    that carried valence), ``valence_sum`` (the valence VADER gave them in
    context, after negation and boosters, summed) and ``valence_mean``;
    per outlet the ``top`` words with the largest positive sum and the
    ``top`` with the most negative sum.
    """
    cols = [by, "direction", "rank", "word", "count", "valence_sum", "valence_mean"]
    df = _with_articles(scored, articles, [by])
    acc: dict = {}
    for grp, text in zip(df[by], df["text"]):
        if not isinstance(text, str):
            continue
        for word, v in token_valences(text, fixes=fixes):
            cnt, tot = acc.get((grp, word), (0, 0.0))
            acc[(grp, word)] = (cnt + 1, tot + v)
    if not acc:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("rank", "count") else
                                          "float64" if c.startswith("valence") else object)
                             for c in cols})
    table = pd.DataFrame([(g, w, c, s) for (g, w), (c, s) in acc.items()],
                         columns=[by, "word", "count", "valence_sum"])
    table["valence_sum"] = table["valence_sum"].round(4)
    table["valence_mean"] = (table["valence_sum"] / table["count"]).round(4)
    parts = []
    for direction, sign in (("positive", 1), ("negative", -1)):
        sub = table[sign * table["valence_sum"] > 0].copy()
        sub["key"] = -sign * sub["valence_sum"]
        sub = sub.sort_values([by, "key", "word"], kind="stable")
        sub = sub.groupby(by, sort=True).head(top)
        sub["rank"] = sub.groupby(by).cumcount() + 1
        sub["direction"] = direction
        parts.append(sub)
    out = pd.concat(parts).sort_values([by, "direction", "rank"], ascending=[True, False, True],
                                       kind="stable")
    return out[cols].reset_index(drop=True).astype({"rank": "int64", "count": "int64"})


# ----------------------------------------------------------------------------- tables for the notebook

#: One example sentence per fix: (fix name, what goes wrong, sentence).
PITFALL_EXAMPLES = [
    ("quotes", "curly apostrophe hides the negation", "The plan isn’t good."),
    ("quotes", "curly quotation marks hide a lexicon word", "He called it a “great” victory."),
    ("bomb", "slang idiom 'the bomb' (+3) overwrites the next words", "Officials said the bomb struck the convoy."),
    ("no", "'no' as a determiner scored -1.2 on its own", "There were no casualties."),
    ("names", "lexicon word inside a name", "The United States will pull its troops out."),
]


def pitfall_table(examples=None) -> pd.DataFrame:
    """Before/after scores of example sentences, one per fix.

    In: a list of ``(fix, problem, sentence)`` (default ``PITFALL_EXAMPLES``).
    Out: DataFrame ``fix, problem, sentence, plain_vader, this_fix_only, all_fixes``
    (compound scores).
    """
    rows = [(fix, problem, text, polarity(text, False)["compound"],
             polarity(text, {fix})["compound"], polarity(text)["compound"])
            for fix, problem, text in (PITFALL_EXAMPLES if examples is None else examples)]
    return pd.DataFrame(rows, columns=["fix", "problem", "sentence", "plain_vader",
                                       "this_fix_only", "all_fixes"])


def fix_effects(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences whose compound score the fixes change, and by how much.

    In: a sentences table (``text``; ``article_id, sentence`` kept if present).
    Out: DataFrame with the input's id columns, ``text, plain_vader, fixed,
    change`` and ``fixes`` (the names of the fixes that change it alone,
    comma-separated), sorted by the size of the change, largest first.
    """
    ids = [c for c in ("article_id", "sentence") if c in sentences.columns]
    plain = score_sentiment(sentences, fixes=False)["compound"].to_numpy()
    fixed = score_sentiment(sentences)["compound"].to_numpy()
    alone = {f: score_sentiment(sentences, fixes={f})["compound"].to_numpy() != plain for f in FIXES}
    out = sentences[ids + ["text"]].copy()
    out["plain_vader"], out["fixed"] = plain, fixed
    out["change"] = (out["fixed"] - out["plain_vader"]).round(4)
    out["fixes"] = [",".join(f for f in FIXES if alone[f][i]) for i in range(len(out))]
    out = out[out["change"] != 0]
    return out.iloc[np.argsort(-out["change"].abs().to_numpy(), kind="stable")].reset_index(drop=True)


def story_labels(articles: pd.DataFrame, width: int = 40) -> pd.Series:
    """A short label per story, "outlet · date · title…", indexed by article_id."""
    def one(row):
        date = row["published"].strftime("%Y-%m-%d") if pd.notna(row.get("published")) else "undated"
        title = str(row.get("title") or row["article_id"])
        title = title if len(title) <= width else title[:width - 1].rstrip() + "…"
        return f"{_outlet_names(pd.Series([row.get('outlet')]))[0]} · {date} · {title}"
    return pd.Series([one(r) for _, r in articles.iterrows()], index=articles["article_id"],
                     dtype=object)


# ----------------------------------------------------------------------------- figures

def plot_summary(summary: pd.DataFrame, label: str, title: str, colors: dict | None = None):
    """Mean compound with its 95% interval (left) and the polarity shares (right), one row per group.

    In: ``sentiment_summary`` output with a ``label`` column naming each row and an
    ``outlet`` column for the colours (``colors``: outlet -> colour).
    Out: a matplotlib Figure; rows keep the table's order, top to bottom.
    """
    import matplotlib.pyplot as plt

    n = len(summary)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 1.6 + 0.45 * max(n, 1)), sharey=True,
                                  gridspec_kw={"width_ratios": [3, 2]})
    y = np.arange(n)[::-1]
    cols = [(colors or {}).get(o, "#444444") for o in summary.get("outlet", [None] * n)]
    mean = summary["mean_compound"].to_numpy()
    for yy, lo, hi, colour in zip(y, summary["ci_low"], summary["ci_high"], cols):
        ax.plot([lo, hi], [yy, yy], color=colour, lw=2, solid_capstyle="butt")
    ax.scatter(mean, y, c=cols, s=40, zorder=3)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_yticks(y, [f"{lab} (n={k})" for lab, k in zip(summary[label], summary["n"])])
    ax.set_xlabel("mean compound score per sentence (−1 to +1)\nline: 95% bootstrap interval")
    left = np.zeros(n)
    for key, colour in (("negative", "#d1495b"), ("neutral", "#bbbbbb"), ("positive", "#1b6ca8")):
        share = summary[f"share_{key}"].to_numpy()
        ax2.barh(y, share, left=left, color=colour, label=key, height=0.6)
        left += share
    ax2.set_xlim(0, 1)
    ax2.set_xlabel("share of sentences\n(compound < −0.05 / neutral / > 0.05)")
    ax2.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def plot_voice(summary: pd.DataFrame, title: str, colors: dict | None = None):
    """Reporter's voice vs quoted speech per outlet: mean compound and 95% interval.

    In: ``sentiment_summary(score_by_voice(...), articles, by=["outlet", "voice"])``.
    Out: a Figure, one row per outlet, a filled dot for the reporter and an open one for quotes.
    """
    import matplotlib.pyplot as plt

    outlets = sorted(summary["outlet"].unique())
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * max(len(outlets), 1)))
    labelled = set()          # each voice in the legend once, from the first outlet that has it
    for k, outlet in enumerate(outlets):
        colour = (colors or {}).get(outlet, "#444444")
        for voice, dy, face in (("reporter", 0.15, colour), ("quoted", -0.15, "white")):
            row = summary[(summary["outlet"] == outlet) & (summary["voice"] == voice)]
            if row.empty:
                continue
            r = row.iloc[0]
            yy = len(outlets) - 1 - k + dy
            ax.plot([r["ci_low"], r["ci_high"]], [yy, yy], color=colour, lw=2)
            ax.scatter([r["mean_compound"]], [yy], s=50, facecolors=face, edgecolors=colour,
                       zorder=3, label=None if voice in labelled else voice)
            labelled.add(voice)
            ax.annotate(f"{voice} n={r['n']}", (r["ci_high"], yy), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_ylim(-0.5, max(len(outlets), 1) - 0.5)
    ax.set_yticks(range(len(outlets))[::-1], outlets)
    ax.set_xlabel("mean compound score per sentence part (−1 to +1), 95% bootstrap interval")
    if labelled:
        ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_target_heatmap(table: pd.DataFrame, title: str, by: str = "outlet"):
    """Outlet x target heatmap of mean compound, each cell annotated with its mean and n.

    In: ``target_sentiment`` output.  Out: a Figure; cells with n = 0 are blank.
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    order = list(dict.fromkeys(table["target"]))
    mean = table.pivot(index=by, columns="target", values="mean_compound").reindex(columns=order)
    n = table.pivot(index=by, columns="target", values="n").reindex(columns=order)
    annot = np.where(n.to_numpy() > 0,
                     [[f"{m:+.2f}\nn={k}" if k else "" for m, k in zip(mr, nr)]
                      for mr, nr in zip(mean.to_numpy(), n.to_numpy())], "n=0")
    fig, ax = plt.subplots(figsize=(1.3 * len(order) + 2.5, 0.8 * len(mean) + 1.8))
    sns.heatmap(mean, annot=annot, fmt="", cmap="RdBu", center=0, vmin=-1, vmax=1, ax=ax,
                cbar_kws={"label": "mean compound score (−1 to +1)"}, linewidths=0.5,
                annot_kws={"fontsize": 8})
    ax.set_facecolor("#f2f2f2")   # cells with n = 0
    ax.grid(False)
    ax.set_xticks(ax.get_xticks(), ax.get_xticklabels(), rotation=30, ha="right")
    ax.set_xlabel("actor named in the sentence (grey: no sentence)")
    ax.set_ylabel(by)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_contributors(table: pd.DataFrame, title: str, by: str = "outlet"):
    """Per outlet, the lexicon words that add most to (blue) and take most from (red) its score.

    In: ``lexicon_contributors`` output.  Out: a Figure, one panel per outlet.
    """
    import matplotlib.pyplot as plt

    groups = sorted(table[by].unique())
    height = max([len(table[table[by] == g]) for g in groups] + [1])
    fig, axes = plt.subplots(1, max(len(groups), 1), figsize=(3.2 * max(len(groups), 1) + 1,
                                                              0.28 * height + 1.6), squeeze=False)
    for ax, g in zip(axes[0], groups):
        sub = table[table[by] == g].sort_values("valence_sum")
        ax.barh(range(len(sub)), sub["valence_sum"],
                color=np.where(sub["valence_sum"] > 0, "#1b6ca8", "#d1495b"))
        ax.set_yticks(range(len(sub)), [f"{w} ({c})" for w, c in zip(sub["word"], sub["count"])],
                      fontsize=8)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_title(g, fontsize=10, loc="center")
        ax.set_xlabel("summed valence in context")
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
