"""Speakers: every quotation in a story, attributed to a canonical speaker.

Public functions
----------------
``extract_quotes(articles) -> DataFrame``
    One row per quotation (``direct=True``: words inside quotation marks) or
    reported statement (``direct=False``: "X said (that) ...", "according to X").
    Columns: ``article_id, paragraph, quote, speaker, speaker_kind, speaker_role,
    cue, direct, start, end, quote_words, mention``.
``speaker_table(quotes, articles) -> DataFrame``
    Quotations and quoted words per speaker x outlet, direct and reported apart.
``voice_group(quotes, groups=None) -> DataFrame``
    Adds a ``group`` column (administration, military, Congress, foreign
    governments and forces, other) from ``speaker_role``/``speaker`` using an
    editable keyword mapping (``DEFAULT_GROUPS``).
``merge_speakers(quotes) -> DataFrame``
    Across stories: a surname-only speaker becomes the one full name that
    other stories in the table gave that surname.

How it works (rules only; no names of people are known to the code):
quotation marks are paired per paragraph (straight or curly; unclosed marks
run to the paragraph end; a closing mark whose opening was lost opens at the
paragraph start).  Each quoted span is attributed from the words after it
("Q," X said / "Q," said X), else the words before it in the same sentence
(X said: "Q" / X called it "a mistake"), else the quotation before it in the
paragraph (interrupted quotes), else the last speaker of the previous
paragraph (multi-paragraph quotes).  A speaker phrase is classified as a
person (capitalised name after titles are stripped), a pronoun or a definite
role ("the senator", resolved to the story's person with that role), an
anonymous source ("a US official", "officials") or an organisation ("the
Pentagon", "the statement").  Page junk (hover-card name pop-ups, "JUST
WATCHED" video teasers, photo captions, "READ MORE" links) is masked first.

Speed: everything that depends on one line's text alone (junk kind, quoted spans,
sentence starts, name runs, the slices around each quotation) and the pure phrase
helpers (tokens, noun phrases, reporting verbs) are cached on the string
(``functools.lru_cache``, bounded); only speaker resolution runs per story.
"""
from __future__ import annotations

import bisect
import functools
import gc
import re
from collections import defaultdict

import pandas as pd

from withdrawals import lexicon
from withdrawals.segment import quote_spans, trie_pattern

__all__ = ["extract_quotes", "quote_kind", "clean_speaker", "speaker_table", "voice_group", "merge_speakers",
           "anonymous_share", "group_share", "speaker_sentiment", "quotes_html", "plot_top_speakers",
           "ranked_speakers", "quotations_only", "UNKNOWN_SPEAKER", "LEADING_WORDS", "WORD_FIRST_NAMES",
           "plot_shares", "plot_groups", "plot_speaker_sentiment",
           "DEFAULT_GROUPS", "QUOTE_COLUMNS"]

TOP_OUTLETS = 12   # groups named in the tables by default: the same number as withdrawals.figures.TOP_OUTLETS
# the columns the attribution passes fill, then the one read from the finished row
_ROW_COLUMNS = ["article_id", "paragraph", "quote", "speaker", "speaker_kind",
                "speaker_role", "cue", "direct", "start", "end", "quote_words", "mention"]
QUOTE_COLUMNS = _ROW_COLUMNS + ["quote_kind"]

# --------------------------------------------------------------------------- word lists
_W = lambda s: frozenset(s.split())  # noqa: E731

# reporting verbs (all forms); "according to" handled separately
_CUE_BASES = """say said says saying tell told tells telling add added adds adding tweet tweeted
tweets tweeting write wrote writes writing written state stated states stating warn warned warns
warning claim claimed claims claiming insist insisted insists insisting note noted notes noting
explain explained explains explaining continue continued continues continuing argue argued argues
arguing ask asked asks asking reply replied replies replying respond responded responds responding
boast boasted boasts boasting describe described describes describing call called calls calling
urge urged urges urging emphasize emphasized emphasizes emphasizing emphasise emphasised emphasises
stress stressed stresses stressing reiterate reiterated reiterates reiterating declare declared
declares declaring announce announced announces announcing acknowledge acknowledged acknowledges
admit admitted admits admitting allege alleged alleges assert asserted asserts asserting caution
cautioned cautions comment commented comments complain complained complains complaining concede
conceded concedes confirm confirmed confirms contend contended contends deny denied denies
predict predicted predicts promise promised promises recall recalled recalls remark remarked
remarks reveal revealed reveals suggest suggested suggests suggesting testify testified testifies
vow vowed vows vowing post posted posts blast blasted blasts slam slammed slams criticize
criticized criticised criticizes pledge pledged pledges threaten threatened threatens accuse accused
accuses quip quipped joke joked lament lamented lamenting mock mocked mocking wonder wondered
observe observed observes maintain maintained maintains agree agreed agrees counter countered
recount recounted charge charged charges hail hailed hails praise praised praises dismiss dismissed
dismisses scoff scoffed shout shouted yell yelled answer answered answers report reported reports
mention mentioned mentions insist predict echo echoed echoes repeat repeated repeats read reads chanted chant chants shouted screamed cried sang"""
CUE_WORDS = _W(_CUE_BASES)
# verbs that certainly introduce speech (used for reported speech without quotes)
SPEECH_VERBS = _W("""say said says told tells added adds tweeted wrote stated warned claimed insisted
noted explained argued announced stressed emphasized emphasised reiterated acknowledged admitted
confirmed denied suggested contended asserted predicted declared maintained cautioned""")
# participles: the speaker is the subject of the main clause
PARTICIPLE_CUES = frozenset(w for w in CUE_WORDS if w.endswith("ing"))

PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": None, "we": "p", "it": "n"}
AUX_ADV = _W("""also reportedly allegedly later then further previously again repeatedly once
publicly privately separately earlier recently has had have was were is are would will could
should may might did does do has been be not never just already even still finally quickly
only first initially subsequently simply bluntly flatly angrily told""") - {"told"}
DETERMINERS = _W("a an the one two three four several some many other another these those this that "
                 "his her their its our every both")
PREPOSITIONS = _W("""to with by for from of in on at about against after before during over under
between among into onto toward towards than like via per without within upon across behind
beside besides near meeting met""")

# titles and honorifics (lowercase, no dot)
HONORIFICS = _W("""mr mrs ms miss dr sir dame lord lady sen senator rep representative gov governor
gen general lt lieutenant col colonel maj major capt captain cmdr commander adm admiral sgt sergeant
cpl pvt brig president premier chancellor prof professor rev pope ayatollah sheikh emir king queen
prince princess speaker secretary minister ambassador judge justice mayor chairman chairwoman
leader envoy spokesman spokeswoman spokesperson congressman congresswoman director chief""")
TITLE_WORDS = HONORIFICS | _W("""vice prime supreme deputy acting former press special presidential
national security adviser advisor counselor undersecretary assistant senior junior top marine
marines army navy air force independent republican republicans democrat democrats democratic gop
majority minority whip foreign defense defence interior economy finance treasury homeland state
attorney general joint staff of for the and house white chiefs first lady elect retired ret
lieutenant major brigadier rear staff sgt commanding""")
ROLE_HEADS = _W("""president leader senator secretary minister spokesman spokeswoman spokesperson
envoy ambassador chairman chairwoman chair general commander admiral adviser advisor governor
congressman congresswoman representative lawmaker chief director speaker king queen emir prince
premier chancellor mayor diplomat analyst expert professor lieutenant colonel major captain
sergeant officer aide candidate nominee monarch ruler head negotiator attorney judge justice
counselor strategist veteran republican democrat independent""")
ANON_HEADS = _W("""official officials source sources aide aides diplomat diplomats insider insiders
person people officer officers spokesman spokeswoman spokesperson analyst analysts expert experts
adviser advisers advisor advisors staffer staffers lawmaker lawmakers critic critics observer
observers fighters militants rebels residents witnesses activists protesters soldiers commanders
republicans democrats members representatives negotiators investigators analysts""")
STATEMENT_HEADS = _W("""statement statements release communique communiqué letter post tweet message
memo document report readout announcement declaration resolution decree proclamation directive cable
notice order ruling filing complaint lawsuit bill text transcript""")
ORG_WORDS = _W("""house senate congress pentagon department ministry office command forces force army
navy corps coalition council committee agency administration government party parliament assembly
court commission union nations organization organisation institute center centre university
foundation group bank fund post times news journal network press reuters afp ap cnn bbc fox msnbc
nbc cbs abc today telegraph guardian express tribune herald kremlin guard chiefs cabinet
mobilization mobilisation brigade brigades militia militias movement front alliance staff
airport embassy consulate presidency agency authority authorities bureau service services inc
corp company airlines state states kingdom republic emirates police unit units media""")
PLACES = _W("""us u.s. usa america american americans united uk u.k. britain british england
english france french germany german syria syrian syrians iraq iraqi iraqis iran iranian iranians
turkey turkish turks russia russian russians israel israeli israelis afghanistan afghan pakistan
pakistani india indian china chinese japan japanese korea korean north south east west northern
southern eastern western middle gulf arab arabia saudi emirati qatar qatari kuwait kuwaiti jordan
jordanian lebanon lebanese egypt egyptian yemen yemeni libya libyan bahrain bahraini oman europe
european eu nato asia africa african washington moscow tehran baghdad damascus ankara beirut
london paris berlin geneva brussels kabul riyadh doha jerusalem kurd kurds kurdish kurdistan
shiite shia sunni islamic muslim western mexico mexican canada canadian ukraine ukrainian australia
australian italy italian spain spanish poland polish city county district province region
mehrabad raqqa manbij idlib aleppo mosul kobani erbil tanaf alabama alaska arizona arkansas
california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode
island tennessee texas utah vermont virginia wisconsin wyoming new""")
# every country, alias, demonym and city of the shared lexicon (lexicon/countries.csv, cities.csv) is a
# place word too, so "the Austrian president" is Austria's, as the troop figures know it
_NOT_PLACE_TOKENS = frozenset("of the and democratic republic central".split())
PLACES = PLACES | frozenset(
    tok.lower() for r in lexicon.table("countries")
    for name in [r["country"], *r["aliases"].split(";"), *r["demonyms"].split(";")] if name
    for tok in name.split() if tok.lower() not in _NOT_PLACE_TOKENS) | frozenset(
    tok.lower() for r in lexicon.table("cities") for tok in r["place"].split() if tok.lower() not in _NOT_PLACE_TOKENS)

COMMON_CAPS = _W("""the a an in on at but and or so yet for despite however during after before as
while when where since although though because if unless until speaking according further
currently earlier later meanwhile also still just even then now today yesterday tomorrow this that
these those there here it its he she they we i you his her their our my your who what which how
why monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul
aug sep sept oct nov dec no not more most many some all both each every other another one two
three upon with without within by from of to into about above below over under again once
nearly almost around roughly about last next first second third new old show read watch click
sign follow share photo image video contributing editing reporting writing additional""")
_PARTY_AFTER = re.compile(r"\s*[(,]\s*([RDI])-([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*[),]")
PARTY_STATE = re.compile(r"^\(?[RDI]-[A-Z][\w. ]*\)?$")
ABBREV = _W("""mr mrs ms dr gen sen rep gov lt col maj capt adm sgt st jr sr prof rev cmdr brig sec
no vs etc inc corp co dept ft mt""")

_US_WORDS = frozenset(("us", "u.s", "u.s.", "american", "usa", "america", "united", "states"))
_PARTY_WORDS = re.compile(r"\b(?:republican|democrat|independent)\b")
_STATE_ABBR = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_US_STATE_WORDS = frozenset(" ".join(_STATE_ABBR.values()).lower().split()) | frozenset(
    "alaska hawaii idaho iowa maine ohio texas utah washington state white house national new".split())
_GENERIC_ORG = frozenset("group organization organisation militia militias movement alliance coalition "
                         "company agency force forces".split())
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
_LAWMAKER_HEADS = frozenset(("senator", "representative", "lawmaker", "republican", "democrat", "independent"))
_TITLE_SMALL = frozenset("the of and & a an on in to for at with de la du".split())
_TITLE_PREV_RE = re.compile(r"(?:\bon|\bin|\bat|\bfor|['’]s|\bshow|\bprogram|\bprogramme|\bseries|\bbook|\bfilm|"
                            r"\bdocumentary|\btitled|\bentitled|\bheadlined|\bdubbed|\bso-called)\s*$", re.I)


def _is_work_title(quote: str) -> bool:
    """A quoted span that looks like the title of a show, book or film ("Face the Nation")."""
    words = quote.strip(" .,!?;:").split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if any(ch in quote.strip(" .,!?") for ch in ".!?;"):
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL or w[:1].isdigit() for w in words)


HEAD_OF_STATE = ("president", "prime minister", "premier", "king", "chancellor", "supreme leader",
                 "emir", "leader", "monarch", "ruler")
_ROLE_NORMALISE = {"sen": "senator", "gen": "general", "rep": "representative", "gov": "governor",
                   "adm": "admiral", "lt": "lieutenant", "col": "colonel", "sec": "secretary",
                   "capt": "captain", "maj": "major", "cmdr": "commander", "spokeswoman": "spokesman",
                   "spokesperson": "spokesman", "advisor": "adviser", "lawmaker": "senator",
                   "congressman": "representative", "congresswoman": "representative"}
MALE = _W("mr sir lord king prince sheikh emir ayatollah pope father congressman chairman spokesman")
# common first names, only to pick "he" or "she" for a pronoun; unknown names stay compatible with both
FEMALE_FIRST = _W("""mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine
christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia
victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria
teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
hillary kamala nikki condoleezza madeleine theresa angela ursula federica jacinda liz kirsten dianne
tulsi elise marsha joni ilhan alexandria rashida ayanna dana kellyanne stephanie hope ivanka melania
samantha susan nikki ilham fatima aisha leila amira nadia olga irina yulia jen jennifer kate katie
tammy jeanne mazie kirsten amy maxine nancy debbie heidi claire gina janet jill michelle ketanji""")
MALE_FIRST = _W("""james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan
wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mike jim bob chuck mitch
lindsey rand ted marco mitt barack vladimir recep tayyip emmanuel boris benjamin bashar hassan ali
mohammed muhammad mohammad ahmed mahmoud abdullah khalid omar hamid ibrahim mustafa haider barham
masoud mazloum sergei dmitry kim xi angus tobias brett jim mattis lloyd antony rex mike ashton leon""")
FEMALE = _W("mrs ms miss dame lady queen princess congresswoman chairwoman spokeswoman")
_GENDER_WORDS = MALE | FEMALE
# set unions used inside loops, built once
_PREP_NOT_OF_FOR = PREPOSITIONS - {"of", "for"}
_ANON_OR_STATEMENT = ANON_HEADS | STATEMENT_HEADS
_TITLE_OR_DET = TITLE_WORDS | DETERMINERS
_ROLE_OR_ANON = ROLE_HEADS | ANON_HEADS

# --------------------------------------------------------------------------- regexes
QMARKS = "\"“”„‟«»"
_QM_RE = re.compile(r"[\"“”„«»]")
_QM_CHARS = "\"“”„«»"  # the characters _QM_RE matches
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[\w][\w.'’\-]*[\w]|[\w]|[,;:()—–]")
_NAME_TOK = (r"(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt|St|Jr|Sr"
             r"|Prof|Rev|Cmdr|Brig|Sec)\.|[A-Z]\.(?=\s+[A-Z])|(?:al|el|ad|as|ash|an|bin|ibn|abu|Al|El)-[A-Z]"
             r"[\w'’\-]*|[A-Z][\w'’\-]*)")
_RUN_RE = re.compile(_NAME_TOK + r"(?:\s+(?:(?:of|de|van|von|der|bin|ibn|da|del|la|le)\s+)?" + _NAME_TOK + r")*")
# possessive "*+": a word's letters are never given back (what follows is a space or the end),
# so the same matches without the per-letter backtracking after every lone capitalised word
_MULTI_RUN_RE = re.compile(r"[A-Z][\w'’.\-]*+(?:[ \t]+(?:(?:of|de|van|von|der|bin|ibn|da|del|la|le)[ \t]+)?"
                           r"(?:[A-Z]|(?:al|el|bin|ibn|abu)-[A-Z])[\w'’.\-]*+)+")
_ACRO_DEF_RE = re.compile(r"\s*\(([A-Z]{2,})\)")
_BOUNDARY_RE = re.compile(r"([.!?])([”\"’)\]]*)\s+(?=[“\"‘(\[A-Z0-9])")
# word alternations written as prefix trees: the same matches as "\b(?:said|says|...)\b" (every
# alternative is a whole word, so at most one can match at a position), about 5x faster to scan
_CUE_RE = re.compile(r"\b(?:" + trie_pattern(CUE_WORDS | {"according to", "According to"}) + r")\b")
_SPEECH_RE = re.compile(r"\b(?:" + trie_pattern(SPEECH_VERBS | {"according to", "According to"}) + r")\b")
_PAREN_RE = re.compile(r"\([^()]{0,60}\)")
_GLUED_RE = re.compile(r"\b([A-Z][a-z'’\-]{2,})\1\b")
_MORE_RE = re.compile(r"\bMORE\b")
_TEASER_RE = re.compile(r"JUST WATCHED|MUST WATCH|^Replay$|More Videos|^Video Ad Feedback", re.M)
_LINK_RE = re.compile(r"^\s*(?:READ MORE|Read more|MORE:|More:|RELATED:|Related:|WATCH:|Watch:|"
                      r"Click here|Sign up|Subscribe|Follow us|Contributing:|Reporting by|Editing by)")


# precompiled patterns used inside the per-story loops
_P0 = re.compile(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|Al|El)-")
_P1 = re.compile(r"[\w.]+")
_P2 = re.compile(r"\b\d{1,2}:\d{2}$")
_P3 = re.compile(r"([\w.]+)$")
_P4 = re.compile(r"[A-Z]")
_P5 = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_P6 = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?")
_P7 = re.compile(r"(?:The|But|And|In|It|He|She|They|A|This|That|We|I)\b")
_P8 = re.compile(r"[.!?][”\"’)]*\s+(?=\S)")
_P9 = re.compile(r"([\w.]+)[.!?]?$")
_P10 = re.compile(r",\s*$")
_P11 = re.compile(r"[,;:—–]")
_P12 = re.compile(r"[\w.'’\-]+|,")
_P13 = re.compile(r",\s+((?:the |a |an )?[^,.;:“”\"]{3,90}?)(?=,|\.\s|\.$| said| told| added)")
_P14 = re.compile(r"^(?:the|a|an)\s+", re.I)
_P15 = re.compile(r"\s*,\s*|\s+[—–]\s+")
_P16 = re.compile(r"\d{1,3}")
_P17 = re.compile(r"^(.*\S)\s+(?:in|at|from|for|of|with|near|inside|across)\s+(?:the\s+)?[\w.’'\- ]+$")
_P18 = re.compile(r"[\s,—–-]*")
_P19 = re.compile(r"[.;:!?“”\"]")
_P20 = re.compile(r"\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Sgt)\.")
_P21 = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_P22 = re.compile(r"\band\s+$")
_P23 = re.compile(r"\w")
_P24 = re.compile(r"\w+(?:['’]\w+)?")
_P25 = re.compile(r"[”\"]?\s*[a-z,—–]")
_P26 = re.compile(r"[\s]*[,—–]")
_P27 = re.compile(r"\s*,")
_P28 = re.compile(r"so-called\s*$|dubbed\s*$|titled\s*$|entitled\s*$")
_P29 = re.compile(r"\b[Aa]ccording to\s+")
_P30 = re.compile(r"\b(?:is|are|was|were|be|been|being|it)\s+$")
_P31 = re.compile(r",[^,]*,\s*$")
_P32 = re.compile(r"\s+(?:(?:on|late|early|last|this)\s+\w+\s+)?that\s+")
_P33 = re.compile(r"[\w']+")


# --------------------------------------------------------------------------- small helpers
@functools.lru_cache(maxsize=4096)
def _word_re(word: str):
    """A compiled regex finding ``word`` as a whole word."""
    return re.compile(r"\b" + re.escape(word) + r"\b")


@functools.lru_cache(maxsize=65536)
def _strip_poss(tok: str):
    if tok.endswith(("’s", "'s")):
        return tok[:-2], True
    if tok.endswith(("s’", "s'")) and len(tok) > 3:
        return tok[:-1], True
    return tok, False


@functools.lru_cache(maxsize=65536)
def _low(tok: str) -> str:
    return tok.lower().rstrip(".")


@functools.lru_cache(maxsize=65536)
def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[:3] in ("al-", "el-") or tok[:4] == "bin-")


def _is_acronym(tok: str) -> bool:
    t = tok.replace(".", "")
    return len(t) >= 2 and t.isupper() and t.isalpha()


def _surname_key(tok: str) -> str:
    t = _strip_poss(tok)[0]
    if "-" in t:  # the prefix pattern needs a hyphen
        t = _P0.sub("", t)
    return t.lower()


@functools.lru_cache(maxsize=65536)
def _norm_role(role: str) -> str:
    words = [_ROLE_NORMALISE.get(_low(w), _low(w)) for w in _P1.findall(role)]
    return " ".join(words)


# --------------------------------------------------------------------------- single quotation marks
_SQ_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))[‘'](?=[\w…])")
_SQ_CLOSE_RE = re.compile(r"(?<=\S)[’'](?![\w])")


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


# --------------------------------------------------------------------------- page junk
def _mask_junk(par: str) -> str:
    """Blank out hover-card pop-ups inlined after a name (same length string)."""
    if "MORE" not in par:
        return par
    for m in list(_GLUED_RE.finditer(par)):
        more = _MORE_RE.search(par, m.end(), m.end() + 300)
        if not more:
            continue
        sur = m.group(1)
        prev = par.rfind(sur, max(0, m.start() - 120), m.start())
        if prev >= 0:
            start = prev + len(sur)
            # a possessive or parenthesis right after the real mention stays
            while start < m.start() and par[start] in " \t":
                start += 1
        else:
            start = m.start()
        if start >= m.start() + len(sur):  # nothing between: junk starts at the glued token
            start = m.start()
        par = par[:start] + " " * (more.end() - start) + par[more.end():]
    return par


_LAST_PAREN_RE = re.compile(r"\(([A-Z][^()]{0,60})\)$")
_CAPTION_WORDS = ("Getty Images", "AP Photo", "/AFP", "Photograph:", "Photo:", "Image:", "Credit:",
                  "(Photo by", "Pictured:", "File photo", "FILE PHOTO")


_CAPTION_WORDS_RE = re.compile("|".join(re.escape(w) for w in _CAPTION_WORDS))


def _junk_paragraphs(pars):
    """Indices of paragraphs that are page furniture, not the story's prose:
    video teasers (JUST WATCHED ... MUST WATCH), photo captions (a closing
    credit in parentheses, "Getty Images", "AP Photo"), link and credit lines
    (READ MORE, RELATED, Contributing, Reporting by) and video durations."""
    junk = set()
    in_teaser = -1
    for i, p in enumerate(pars):
        s = p.strip()
        if not s:
            continue
        kind = _line_kind(s)
        if kind == "T" or kind == "t":
            junk.add(i)
            in_teaser = i if kind == "T" else -1
            continue
        if in_teaser >= 0 and i - in_teaser <= 6:
            junk.add(i)
            continue
        in_teaser = -1
        if kind == "J":
            junk.add(i)
    return junk


@functools.lru_cache(maxsize=16384)
def _line_kind(s: str) -> str:
    """What one stripped line is on its own: "T" a teaser line opening a JUST WATCHED block,
    "t" another teaser line, "J" a link, credit, duration or caption line, "" prose."""
    if "WATCH" in s or s == "Replay" or "More Videos" in s or s.startswith("Video Ad"):
        if _TEASER_RE.search(s):
            return "T" if "JUST WATCHED" in s else "t"
    if _LINK_RE.match(s) or (s[-3:-2] == ":" and _P2.search(s)):
        return "J"
    if len(s) < 600:
        if s.endswith(")"):
            m = _LAST_PAREN_RE.search(s)
            if m and len(m.group(1).split()) <= 6 and not s[:m.start()].rstrip().endswith(("said", ",")):
                return "J"
        if _CAPTION_WORDS_RE.search(s):
            return "J"
    return ""


# --------------------------------------------------------------------------- sentences
@functools.lru_cache(maxsize=16384)
def _boundaries(par: str, spans: tuple):
    """Sentence start offsets in a paragraph (ignoring full stops inside quotes).
    ``spans``: the paragraph's quoted spans as a tuple; the cached list must not be mutated."""
    starts = [0]
    for m in _BOUNDARY_RE.finditer(par):
        pos = m.end()
        dot = m.start(1)
        if any(s <= dot < e for s, e, *_ in spans) and not m.group(2):
            continue  # a full stop inside a quotation, not at its closing mark
        if any(s < pos < e for s, e, *_ in spans):
            continue
        if m.group(1) == ".":
            wm = _P3.search(par[max(0, dot - 30):dot])
            w = wm.group(1) if wm else ""
            if _low(w) in ABBREV or _P4.fullmatch(w) or _P5.fullmatch(w):
                # "U.S." at a real sentence end is ambiguous: accept when next word is not a name
                if not (_P6.fullmatch(w + ".") and
                        _P7.match(par[pos:])):
                    continue
        starts.append(pos)
    return starts


# --------------------------------------------------------------------------- story model
class _Entity:
    """A person met in a story; roles are read from the text only when first needed."""
    __slots__ = ("key", "full", "ntok", "_roles", "pending", "gender", "kind", "last", "_norm")

    def __init__(self, key, full, ntok, kind="person"):
        self.key, self.full, self.ntok, self.kind = key, full, ntok, kind
        self._roles = []
        self.pending = []
        self.gender = None
        self.last = -1
        self._norm = (0, "")

    def norm_roles(self):
        """The roles, normalised, joined with " | " (recomputed only when a role was added;
        roles are only ever appended)."""
        roles = self.roles
        if self._norm[0] != len(roles):
            self._norm = (len(roles), " | ".join(_norm_role(r) for r in roles))
        return self._norm[1]

    @property
    def roles(self):
        if self.pending:
            pending, self.pending = self.pending, []
            for text, start, end, titles in pending:
                role = _role_of(text, start, end, titles)
                if role and role not in self._roles:
                    self._roles.append(role)
        return self._roles


class _Story:
    """Per-story state: people and organisations met so far, sentence subjects."""

    def __init__(self):
        self.people = {}        # surname key -> _Entity
        self.orgs = {}          # acronym -> full name
        self.sent_starts = []   # story offsets of the sentences met so far
        self.sent_texts = []    # their text with quotations blanked
        self.subj_cache = {}    # sentence index -> subject (computed when a pronoun needs it)
        self.explicit = {}      # sentence index -> speaker attributed in that sentence
        self.last_anon = {}     # head -> speaker string
        self.last_speaker = None  # (speaker, kind, role, cue)
        self.last_org = None

    # -- people
    def person(self, name_toks, role="", pos=0, honorific=None):
        last = name_toks[-1]
        if len(name_toks) > 1 and _low(last) in _NAME_SUFFIXES:
            last = name_toks[-2]
        key = _surname_key(last)
        full = " ".join(_strip_poss(t)[0] for t in name_toks)
        ent = self.people.get(key)
        if ent is None:
            ent = _Entity(key, full, len(name_toks))
            self.people[key] = ent
        elif len(name_toks) > ent.ntok:
            ent.full, ent.ntok = full, len(name_toks)
        if role and role not in ent.roles:
            ent.roles.append(role)
        if honorific:
            h = _low(honorific)
            if h in MALE:
                ent.gender = ent.gender or "m"
            elif h in FEMALE:
                ent.gender = ent.gender or "f"
        ent.last = max(ent.last, pos)
        return ent

    def by_role(self, head, mods, pos):
        head = _ROLE_NORMALISE.get(head, head)
        best, best_score = None, -1
        for ent in self.people.values():
            roles = ent.norm_roles()
            if not roles:
                continue
            if _word_re(head).search(roles):
                score = 10
            elif head in ("leader", "head", "ruler") and any(h in roles for h in HEAD_OF_STATE):
                score = 5
            elif head in _LAWMAKER_HEADS and _PARTY_WORDS.search(roles):
                score = 5
            else:
                continue
            hits = sum(1 for m in mods if _word_re(m).search(roles))
            place_mods = [m for m in mods if m in PLACES and m not in _US_WORDS]
            if place_mods and not any(m in roles for m in place_mods):
                continue  # "the Iranian president" is not the US one
            if any(m in _US_WORDS for m in mods) and any(w in PLACES and w not in _US_WORDS and w not in _US_STATE_WORDS
                                                           for w in roles.replace("|", " ").split()):
                continue  # "the U.S. president" is not the Iranian one
            score += 3 * hits
            if score > best_score or (score == best_score and ent.last > best.last):
                best, best_score = ent, score
        return best

    def add_sentence(self, start, masked):
        self.sent_starts.append(start)
        self.sent_texts.append(masked)

    def attribute(self, pos, val):
        """Record that the sentence holding ``pos`` has this speaker."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i >= 0:
            self.explicit[i] = val

    def subject_at(self, i):
        if i in self.explicit:
            return self.explicit[i]
        if i not in self.subj_cache:
            self.subj_cache[i] = None
            blank, st, en = self.sent_texts[i]
            res = _subject_of(blank[st:en], self, self.sent_starts[i])
            if res is not None and res[1] != "unknown":
                self.subj_cache[i] = res[4] if res[4] is not None else (res[0], res[1], res[2])
        return self.subj_cache[i]

    def _gender(self, ent):
        if ent.gender is None:
            first = ent.full.split()[0].lower() if ent.ntok > 1 else ""
            if first in FEMALE_FIRST and first not in MALE_FIRST:
                ent.gender = "f"
            elif first in MALE_FIRST and first not in FEMALE_FIRST:
                ent.gender = "m"
            else:
                words = set(" ".join(ent.roles).lower().split())
                if words & FEMALE:
                    ent.gender = "f"
                elif words & MALE:
                    ent.gender = "m"
        return ent.gender

    def pronoun(self, pron, pos):
        g = PRONOUNS.get(pron)
        if g is None or pron == "we":
            return None  # "I said", "we said": the writer, not a source
        idx = bisect.bisect_left(self.sent_starts, pos) - 1
        if g == "f":
            # a woman named in the last three sentences beats a nearer person of unknown gender
            # (most people of unknown gender in this news are men; "he" takes the nearest)
            for i in range(idx, max(-1, idx - 3), -1):
                subj = self.subject_at(i)
                if isinstance(subj, _Entity) and self._gender(subj) == g:
                    first_any = next((self.subject_at(j) for j in range(idx, i, -1)
                                      if isinstance(self.subject_at(j), _Entity)), None)
                    if first_any is None or self._gender(first_any) is None:
                        return subj
                    break
        for i in range(idx, max(-1, idx - 10), -1):
            subj = self.subject_at(i)
            if subj is None:
                continue
            if isinstance(subj, _Entity):
                if g in ("p", "n"):
                    continue
                if g in ("m", "f") and self._gender(subj) not in (None, g):
                    continue
                return subj
            else:  # (speaker, kind, role)
                if g == "p" and subj[1] in ("organization", "anonymous"):
                    return subj
                if g == "n" and subj[1] == "organization":
                    return subj
                if g in ("m", "f") and subj[1] == "anonymous" and not subj[0].endswith("s"):
                    return subj
        return None


# --------------------------------------------------------------------------- names in text
@functools.lru_cache(maxsize=65536)
def _parse_run_cached(toks):
    return _parse_run_impl(list(toks))


def _parse_run(toks):
    """Split a run of capitalised tokens (see :func:`_parse_run_impl`), cached."""
    titles, name, kind = _parse_run_cached(tuple(toks))
    return list(titles), list(name), kind


def _parse_run_impl(toks):
    """Split a run of capitalised tokens into (titles, name tokens, kind).

    kind: "person", "org", "place", "role" or None. The last token always stays
    in the name part unless the whole run is titles.
    """
    n = len(toks)
    i = 0
    while i < n - 1:
        lt = _low(_strip_poss(toks[i])[0])
        if lt in TITLE_WORDS or lt in PLACES or lt in COMMON_CAPS or lt in ORG_WORDS or _is_acronym(toks[i]):
            i += 1
        else:
            break
    # a long role before the name ("House Foreign Affairs Committee Chairman Eliot Engel"):
    # the name starts after the last title word
    j = n - 1
    while j > i:
        lt = _low(_strip_poss(toks[j - 1])[0])
        if lt in HONORIFICS or lt in ("chairman", "chairwoman", "chair", "leader", "secretary", "minister",
                                      "president", "spokesman", "spokeswoman", "envoy", "ambassador"):
            break
        j -= 1
    if j > i and j < n and not any(_low(t) in ORG_WORDS for t in toks[j:]):
        i = j
    titles, name = toks[:i], toks[i:]
    low_name = [_low(_strip_poss(t)[0]) for t in name]
    last = low_name[-1]
    if any(w in ORG_WORDS for w in low_name) or (len(name) == 1 and _is_acronym(name[0])):
        return titles, name, "org"
    if len(name) == 1:
        if last in PLACES:
            return titles, name, "place"
        if last in COMMON_CAPS:
            return titles, name, None
        if last in TITLE_WORDS:
            prev = _low(titles[-1]) if titles else ""
            if prev in HONORIFICS and prev not in ("chief", "leader", "speaker"):
                return titles, name, "person"
            if any(_low(t) in ORG_WORDS or _is_acronym(t) for t in titles):
                return titles, name, "role"
            return titles, name, "role"
    if all(w in PLACES for w in low_name):
        return titles, name, "place"
    if any(w in PLACES or w in COMMON_CAPS for w in low_name[1:]) and not titles:
        return titles, name, None
    return titles, name, "person"


def _role_before(text: str, start: int) -> str:
    """Role words just before a name: 'White House press secretary', or the
    comma chunk of 'Trump's national security adviser, John Bolton'."""
    return _role_before_seg(text[max(0, start - 140):start])


@functools.lru_cache(maxsize=65536)
def _role_before_seg(seg: str) -> str:
    seg = seg[seg.rfind("\n") + 1:]
    sm = list(_P8.finditer(seg))
    if sm:
        tail_from = sm[-1].end()
        w = _P9.search(seg[:sm[-1].start() + 1])
        if not (w and _low(w.group(1)) in ABBREV):
            seg = seg[tail_from:]
    if _P10.search(seg):
        chunk = _P11.split(seg.rstrip()[:-1])[-1].strip()
        words = [_low(x) for x in _P1.findall(chunk)]
        if words and any(x in ROLE_HEADS for x in words) and len(words) <= 12:
            return chunk
        return ""
    toks = _P12.findall(seg)
    out = []
    for t in reversed(toks):
        lt = _low(t)
        if t == ",":
            break
        if lt in DETERMINERS or lt in _PREP_NOT_OF_FOR or lt in CUE_WORDS or lt == "and":
            break
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in ("of", "for") or \
                _strip_poss(t)[1]:
            out.append(t)
        else:
            break
    while out and _low(out[-1]) in ("of", "for", "and", "the"):
        out.pop()
    role = " ".join(reversed(out))
    if role and not any(_low(w) in ROLE_HEADS or _low(w) in TITLE_WORDS or _low(w) in ANON_HEADS for w in out):
        return ""
    return role


def _appositive_after(text: str, end: int) -> str:
    return _appositive_after_seg(text[end:end + 120])


@functools.lru_cache(maxsize=65536)
def _appositive_after_seg(seg: str) -> str:
    m = _P13.match(seg)
    if not m:
        return ""
    ap = m.group(1).strip()
    words = [_low(w) for w in _P1.findall(ap)]
    if words and (words[0] in ("who", "which", "whose", "where")):
        return ""
    if any(w in ROLE_HEADS for w in words[:6]):
        return ap
    return ""


def _scan_people(story: _Story, text: str, outside, lines=None):
    """Register people (names with titles or two name tokens) and acronyms in a story.
    ``lines``: ``text.split("\n")`` when the caller has it already.
    Same effect as :func:`_register_run` on every run of :func:`_line_runs` outside quotations;
    what depends on the line alone comes from :func:`_line_people`."""
    off = 0
    people = story.people
    for line in (text.split("\n") if lines is None else lines):
        for start, end, is_person, a, b, c, d, titles in _line_people(line):
            if not outside(off + start):
                continue
            start += off
            end += off
            if is_person:  # a, b, c, d = key, full name, name tokens, gender from the honorific
                ent = people.get(a)
                if ent is None:
                    ent = _Entity(a, b, c)
                    people[a] = ent
                elif c > ent.ntok:
                    ent.full, ent.ntok = b, c
                if d and ent.gender is None:
                    ent.gender = d
                if start > ent.last:
                    ent.last = start
                ent.pending.append((text, start, end, titles))
            else:  # an organisation: a = its name, used when "(ACRONYM)" follows
                am = _ACRO_DEF_RE.match(text, end)
                if am:
                    story.orgs[am.group(1)] = a
        off += len(line) + 1


@functools.lru_cache(maxsize=16384)
def _line_people(line: str):
    """What :func:`_register_run` needs from each run of one line, computed once per line:
    ((start, end, True, key, full, n_tokens, gender, titles) for a person,
    (start, end, False, org_name, None, None, None, None) for an organisation), others dropped."""
    out = []
    for toks, start, end in _line_runs.__wrapped__(line):
        titles, name, kind = _parse_run_cached(tuple(toks))
        if kind == "person":
            if titles and not any(_low(t) in TITLE_WORDS for t in titles) and len(name) < 2:
                continue
            last = name[-1]
            if len(name) > 1 and _low(last) in _NAME_SUFFIXES:
                last = name[-2]
            key = _surname_key(last)
            full = " ".join(_strip_poss(t)[0] for t in name)
            g = None
            if titles:
                h = _low(titles[-1])
                g = "m" if h in MALE else ("f" if h in FEMALE else None)
            out.append((start, end, True, key, full, len(name), g, titles))
        elif kind == "org":
            out.append((start, end, False, " ".join(t for t in toks if _low(t) not in COMMON_CAPS),
                        None, None, None, None))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _line_runs(text: str):
    """Runs of capitalised tokens in one line (runs never cross a newline), split at
    sentence-final full stops ("... in Syria. Mr Trump said"): ((tokens, start, end), ...)."""
    out = []
    for m in _MULTI_RUN_RE.finditer(text):
        run = m.group()
        if "." not in run:
            out.append((tuple(run.split()), m.start(), m.end()))
            continue
        toks, starts, off = [], [], m.start()
        for t in m.group().split():
            at = text.index(t, off)
            off = at + len(t)
            toks.append(t)
            starts.append(at)
        pieces, cur = [], []
        for t, at in zip(toks, starts):
            cur.append((t, at))
            if t.endswith(".") and not (_low(t) in ABBREV or len(t) == 2 or "." in t[:-1]):
                pieces.append(cur)
                cur = []
        if cur:
            pieces.append(cur)
        for piece in pieces:
            ptoks = [t.rstrip(".") if (t.endswith(".") and _low(t) not in ABBREV and len(t) > 2
                                      and "." not in t[:-1]) else t for t, _ in piece]
            if len(ptoks) < 2:
                continue
            p_start = piece[0][1]
            p_end = piece[-1][1] + len(piece[-1][0])
            if text[p_end - 1] == "." and ptoks[-1][-1:] != ".":
                p_end -= 1
            out.append((tuple(ptoks), p_start, p_end))
    return tuple(out)


def _role_of(text, start, end, titles):
    """The role written around one mention of a person: titles, words before, party tag, appositive."""
    role = " ".join(t for t in titles if _low(t) not in _GENDER_WORDS)
    rb = _role_before(text, start)
    if rb:
        role = (rb + " " + role).strip()
    pm = _PARTY_AFTER.match(text, end)
    if pm:
        party = {"R": "Republican", "D": "Democrat", "I": "Independent"}[pm.group(1)]
        role = (role + f" ({party}, {_STATE_ABBR.get(pm.group(2), pm.group(2))})").strip()
    ap = _appositive_after(text, end) if not pm else ""
    if ap:
        role = (role + ", " + ap).strip(", ")
    return role


def _register_run(story, text, toks, start, end):
    titles, name, kind = _parse_run_cached(tuple(toks))
    if kind == "person":
        if titles and not any(_low(t) in TITLE_WORDS for t in titles) and len(name) < 2:
            return
        ent = story.person(name, "", start, titles[-1] if titles else None)
        ent.pending.append((text, start, end, titles))
    elif kind == "org":
        am = _ACRO_DEF_RE.match(text, end)
        if am:
            story.orgs[am.group(1)] = " ".join(t for t in toks if _low(t) not in COMMON_CAPS)


# --------------------------------------------------------------------------- speaker phrases
@functools.lru_cache(maxsize=65536)
def _tokens_cached(s: str):
    return tuple(_TOKEN_RE.findall(s))


def _tokens(s: str):
    """Word and punctuation tokens of ``s`` (a new list; cached on the string)."""
    return list(_tokens_cached(s))


_POSTMOD_RE = re.compile(r"\s+(?:familiar with|close to|briefed on|knowledgeable (?:about|of)|with (?:direct )?knowledge of|"
                         r"involved in|who (?:spoke|asked|requested|declined|was|were|is|are|did|had)\b|speaking on"
                         r"|not authori[sz]ed)\b.*$")


def _np_tail(chunk: str):
    """The noun phrase at the end of a clause (before a reporting verb); a new list."""
    return list(_np_tail_cached(chunk))


@functools.lru_cache(maxsize=65536)
def _np_tail_cached(chunk: str):
    return tuple(_np_tail_impl(chunk))


def _np_tail_impl(chunk: str):
    if " " in chunk:
        chunk = _POSTMOD_RE.sub("", chunk)
    toks = [t for t in _tokens(_PAREN_RE.sub(" ", chunk)) if t not in ("(", ")")]
    while toks and (_low(toks[-1]) in AUX_ADV or (toks[-1].endswith("ly") and toks[-1][0].islower()
                                                   and len(toks[-1]) > 4)):
        toks.pop()
    if not toks:
        return []
    if _low(toks[-1]) in PRONOUNS:
        return [toks[-1]]
    out = []
    for t in reversed(toks):
        lt = _low(_strip_poss(t)[0])
        if t in (",", ";", ":", "—", "–"):
            break
        if lt in DETERMINERS:
            out.append(t)
            break
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in STATEMENT_HEADS \
                or lt in PLACES or lt in ORG_WORDS or lt in ("of", "administration", "military", "government", "intelligence",
                                          "security", "defense", "defence", "white", "house", "police",
                                          "familiar", "knowledgeable", "iranian", "local", "foreign",
                                          "western", "arab", "u.s.", "us", "american", "military",
                                          "pentagon", "department", "regime", "rebel", "kurdish",
                                          "opposition", "coalition", "joint", "spokesperson", "press",
                                          "campaign", "party", "congressional", "republican",
                                          "democratic", "senior", "top", "former", "current",
                                          "unnamed", "anonymous", "high-ranking", "several", "european"):
            out.append(t)
            if len(out) > 12:
                break
        else:
            break
    out.reverse()
    while out and _low(out[0]) in ("of", "and"):
        out.pop(0)
    if "of" in out[1:]:
        k = len(out) - 1 - out[::-1].index("of")
        if k > 0 and all(_low(t) in PLACES or _low(t) == "the" for t in out[k + 1:]):
            out = out[:k]  # "Sen. Lindsey Graham of South Carolina"
    return out


def _np_head(text: str):
    """The noun phrase right after an inverted reporting verb ("said X, ..."); a new list."""
    return list(_np_head_cached(text[:160]))


@functools.lru_cache(maxsize=65536)
def _np_head_cached(text: str):
    return tuple(_np_head_impl(text))


def _np_head_impl(text: str):
    toks = [t for t in _tokens(_PAREN_RE.sub(" ", text[:160]))]
    out = []
    for t in toks:
        lt = _low(_strip_poss(t)[0])
        if t in (",", ";", ":", "(", ")", "—", "–"):
            break
        if not out and lt in ("on", "in", "at", "late", "early", "last", "this") :
            return []
        if lt in DETERMINERS and not out:
            out.append(t)
            continue
        if _is_cap(t) or lt in TITLE_WORDS or lt in ROLE_HEADS or lt in ANON_HEADS or lt in STATEMENT_HEADS \
                or lt in PLACES or lt in ORG_WORDS or lt in ("administration", "military", "government", "senior", "top",
                                          "former", "white", "house", "defense", "defence", "press",
                                          "state", "u.s.", "us", "of"):
            if lt in COMMON_CAPS and lt not in DETERMINERS and t[0].isupper() and \
                    lt in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
                break
            out.append(t)
        else:
            break
        if len(out) > 10:
            break
    while out and _low(out[-1]) in ("of", "the", "and"):
        out.pop()
    if "of" in out[1:]:
        k = out.index("of", 1)
        if all(_low(t) in PLACES or _low(t) == "the" for t in out[k + 1:]):
            out = out[:k]  # "Rep. Michael McCaul of Texas"
    return out


def _classify(toks, story: _Story, pos: int):
    """(speaker, kind, role, mention, entity) for a speaker phrase, or None."""
    if not toks:
        return None
    mention = " ".join(toks)
    low = [_low(_strip_poss(t)[0]) for t in toks]
    if len(toks) == 1 and low[0] in PRONOUNS:
        ref = story.pronoun(low[0], pos)
        if ref is None:
            return ("", "unknown", "", mention, None) if low[0] in ("he", "she", "i", "we") else None
        if isinstance(ref, _Entity):
            return (ref.full, "person", ref.roles[0] if ref.roles else "", mention, ref)
        return (ref[0], ref[1], ref[2], mention, None)
    det = low[0] if low[0] in DETERMINERS else ""
    # capitalised run inside the phrase
    caps = []
    cur = []
    for t in toks:
        if _is_cap(t) and _low(t) not in DETERMINERS:
            cur.append(t)
        else:
            if cur:
                caps.append(cur)
            cur = []
    if cur:
        caps.append(cur)
    head = low[-1]
    # a person's name at the end ("White House press secretary Sarah Sanders", "Mr Trump")
    if caps and caps[-1][-1] == toks[-1] and not (len(caps[-1]) == 1 and head in _ANON_OR_STATEMENT):
        titles, name, kind = _parse_run(caps[-1])
        if kind == "person" and not _strip_poss(toks[-1])[1]:
            key = _surname_key(name[-2] if len(name) > 1 and _low(name[-1]) in _NAME_SUFFIXES else name[-1])
            ent = story.people.get(key)
            if ent is None:
                role = " ".join(toks[:len(toks) - len(name)])
                role = _P14.sub("", role)
                if len(name) == 1 and not titles and (det or _low(name[0]) in TITLE_WORDS):
                    return None
                ent = story.person(name, role, pos, titles[-1] if titles else None)
            return (ent.full, "person", ent.roles[0] if ent.roles else "", mention, ent)
    if head in STATEMENT_HEADS:
        ls = story.last_org or story.last_speaker
        if ls and ls[1] in ("organization", "person"):
            return (ls[0], ls[1], ls[2], mention, None)
        return ("statement", "organization", mention, mention, None)
    if head in ANON_HEADS:
        desc = " ".join(t for t in toks if _low(t) not in DETERMINERS)
        hk = head.rstrip("s")
        if det in ("the", "that", "this", "these", "those") and hk in story.last_anon:
            sp = story.last_anon[hk]
        else:
            if head in ("spokesman", "spokeswoman", "spokesperson") and det == "the":
                ent = story.by_role("spokesman", [], pos)
                if ent is not None:
                    return (ent.full, "person", ent.roles[0] if ent.roles else "", mention, ent)
            sp = "unnamed " + desc
            story.last_anon[hk] = sp
        return (sp, "anonymous", mention, mention, None)
    if head in _GENERIC_ORG and det in ("the", "this", "that") and story.last_org is not None \
            and not any(_is_cap(t) for t in toks[1:]):
        lo = story.last_org
        return (lo[0], lo[1], lo[2], mention, None)
    if head in ORG_WORDS and not toks[-1][:1].isupper() and head not in ("party", "unit", "units"):
        name = " ".join(t for t in toks if _low(t) not in DETERMINERS)
        return (name, "organization", mention, mention, None)
    if head in ROLE_HEADS or (caps and _parse_run(caps[-1])[2] == "role"):
        mods = [w for w in low[:-1] if w not in DETERMINERS]
        if det in ("a", "an", "one"):
            return ("unnamed " + " ".join(toks[1:]), "anonymous", mention, mention, None)
        ent = story.by_role(head, mods, pos)
        if ent is not None:
            return (ent.full, "person", ent.roles[0] if ent.roles else "", mention, ent)
        return ("", "unknown", mention, mention, None)
    if caps:
        run = caps[-1]
        titles, name, kind = _parse_run(run)
        name_s = " ".join(_strip_poss(t)[0] for t in run if _low(t) not in COMMON_CAPS)
        if kind in ("org", "place") or (kind is None and run):
            if len(run) == 1 and run[0] in story.orgs:
                name_s = story.orgs[run[0]]
            if not name_s:
                return None
            return (name_s, "organization", "", mention, None)
    return None


# --------------------------------------------------------------------------- attribution
@functools.lru_cache(maxsize=65536)
def _find_cues(s: str):
    """Reporting-verb matches in ``s`` (a tuple of match objects; cached on the string)."""
    return tuple(_CUE_RE.finditer(s))


def _clause_before(text: str):
    """Split the text before a cue into comma chunks, last first, skipping appositives."""
    chunks = _P15.split(text)
    return [c for c in reversed(chunks)]


@functools.lru_cache(maxsize=65536)
def _clause_chunks(before: str):
    """Stripped comma chunks of the text before a cue, last first, leading empty ones dropped."""
    chunks = [c.strip() for c in _clause_before(before)]
    while chunks and not chunks[0]:
        chunks.pop(0)
    return tuple(chunks)


@functools.lru_cache(maxsize=65536)
def _word_count(q: str) -> int:
    """Words in a quotation (``quote_words``)."""
    return len(_P24.findall(q))


@functools.lru_cache(maxsize=65536)
def _speech_cues(s: str):
    """_SPEECH_RE matches in ``s`` (a tuple; cached on the string)."""
    return tuple(_SPEECH_RE.finditer(s))


def _speaker_before(pre: str, cue_m, story, pos, sent_text_before_cue_full=None):
    """Speaker phrase before a cue (X said / X, a senator, said / X, who ..., said)."""
    before = pre[:cue_m.start()]
    chunks = _clause_chunks(before)
    if not chunks:
        return None
    ch = chunks[0]
    words = ch.split()
    first = _low(words[0]) if words else ""
    np = _np_tail(ch)
    prev_res = None
    if len(chunks) > 1:
        relative = first in ("who", "which", "whose", "himself", "herself", "themselves") or \
            (first in PREPOSITIONS and first not in ("meeting", "met")) or first in ("speaking", "according")
        appos = relative or first in ("a", "an", "the") or PARTY_STATE.match(ch) or \
            _P16.fullmatch(ch) or (ch[:1].islower() and first not in PRONOUNS) or \
            (np and _low(np[-1]) in ROLE_HEADS and not (np and _is_cap(np[-1]) and len(np) > 1 and
                                                      _parse_run([t for t in np if _is_cap(t)])[2] == "person"))
        if appos:
            prev_np = _np_tail(chunks[1])
            prev_res = _classify(prev_np, story, pos) if prev_np else None
            named = prev_res is not None and prev_res[4] is not None and \
                _low(prev_res[3]) not in PRONOUNS and any(
                    _is_cap(t) and _low(t) not in _TITLE_OR_DET for t in prev_res[3].split())
            if prev_res is not None and (relative or named or prev_res[1] == "anonymous"):
                if prev_res[4] is not None and not relative and ch not in prev_res[4].roles:
                    prev_res[4].roles.append(ch)
                return prev_res
    if np:
        res = _classify(np, story, pos)
        if res is not None and res[1] in ("organization",) or res is None:
            pm = _P17.search(ch)
            if pm:
                head_np = _np_tail(pm.group(1))
                hres = _classify(head_np, story, pos) if head_np else None
                if hres is not None and hres[1] in ("anonymous", "person"):
                    if hres[1] == "anonymous":
                        full = " ".join(t for t in _tokens(ch[len(ch) - len(ch.lstrip()):]) if t)
                        return (hres[0], hres[1], ch.strip(), hres[3], None)
                    return hres
        return res
    return None


def _subject_of(sentence_part: str, story, pos, last: bool = False):
    """The first (or, with ``last``, the nearest) person/role/pronoun mention
    that no preposition governs; None if there is none."""
    toks = _tokens(sentence_part)
    found = None
    i = 0
    while i < len(toks):
        t = toks[i]
        lt = _low(_strip_poss(t)[0])
        prev = _low(toks[i - 1]) if i else ""
        res = None
        if prev in PREPOSITIONS or prev == "of":
            i += 1
            while i < len(toks) and _is_cap(toks[i]):
                i += 1
            continue
        if lt in CUE_WORDS:
            i += 1
            continue
        if lt in ("he", "she", "they") and t == _strip_poss(t)[0]:
            res = _classify([t], story, pos)
        elif lt == "the" and i + 1 < len(toks):
            j = i + 1
            while j < len(toks) and j - i <= 4 and _low(toks[j]) not in _ROLE_OR_ANON:
                j += 1
            if j < len(toks) and j - i <= 4 and not _strip_poss(toks[j])[1]:
                res = _classify(toks[i:j + 1], story, pos)
                if res is not None and res[1] == "unknown":
                    res = None
                if res is not None:
                    i = j
        elif _is_cap(t) and not _strip_poss(t)[1]:
            j = i
            while j + 1 < len(toks) and _is_cap(toks[j + 1]):
                j += 1
            # "Hezbollah leader Hassan Nasrallah": a name or organisation before a role word
            k = j + 1
            while k < len(toks) and (_low(toks[k]) in ROLE_HEADS or _low(toks[k]) in TITLE_WORDS
                                     and toks[k] not in ("of", "the", "and", "for")):
                k += 1
            if k > j + 1 and k < len(toks) and _is_cap(toks[k]):
                j = k
                while j + 1 < len(toks) and _is_cap(toks[j + 1]):
                    j += 1
            if i == 0 and j == 0 and _surname_key(t) not in story.people and (
                    lt.endswith(("ed", "ing")) or lt in COMMON_CAPS or lt in CUE_WORDS):
                i += 1
                continue  # "Pressed further, she said": an ordinary word opening the sentence
            if not _strip_poss(toks[j])[1]:
                res = _classify(toks[i:j + 1], story, pos)
                if res is not None and res[1] != "person" and not (
                        res[1] == "organization" and not last and i <= 1 and j + 1 < len(toks)
                        and _low(toks[j + 1]) not in PREPOSITIONS and toks[j + 1] not in (",", "and")
                        and any(_low(x) in ORG_WORDS or (_is_acronym(x) and _low(x) not in PLACES)
                                for x in res[0].split())):
                    res = None  # an organisation counts only as the sentence's opening subject
            i = j
        if res is not None:
            if not last:
                return res
            found = res
        i += 1
    return found


def _attr_post(post: str, story, pos):
    """'"Q," X said' or '"Q," said X' from the words after a quotation."""
    m = _P18.match(post)
    rest = post[m.end():]
    if not rest:
        return None
    cues = _find_cues(rest[:160])
    if not cues:
        dm = _DASH_NAME_RE.match(post)
        if dm:
            np = _np_head(dm.group(1))
            res = _classify(np, story, pos) if np else None
            if res is not None and res[1] in ("person", "organization"):
                return res, "wrote"
        return None
    cm = cues[0]
    pre = rest[:cm.start()]
    if len(pre.split()) > 16 or _P19.search(_P20.sub("", pre)):
        return None
    cue = cm.group().lower()
    if not pre.strip():
        np = _np_head(rest[cm.end():])
        res = _classify(np, story, pos) if np else None
        if res is not None and _low(np[-1]) in STATEMENT_HEADS:
            res = _statement_source(rest[cm.end():], np, story, pos) or res
        return (res, cue) if res else None
    np = _np_tail(pre)
    res = _classify(np, story, pos) if np else None
    if res is not None and len(np) + 3 >= len([t for t in _tokens(_POSTMOD_RE.sub("", pre.rstrip()))
                                               if t not in (",",)]):
        return res, cue
    # "“Q,” Esper, who flew in on Sunday, said": appositive or relative clause after the name
    if "," in pre:
        res = _speaker_before(rest, cm, story, pos)
        if res is not None and res[3] and rest.find(res[3].split()[0]) <= 2 + len(rest) - len(rest.lstrip()):
            return res, cue
    return None


_DASH_NAME_RE = re.compile(r"\s*[—–]\s*((?:[A-Z][\w.'’\-]*\s*){1,5})(?:\(@\w+\)|,|$|\s+\(|\s+[A-Z][a-z]+ \d)")
_STATEMENT_FROM_RE = re.compile(r"\s+(?:from|by|issued by|released by|of)\s+")


def _statement_source(after: str, np, story, pos):
    """'a statement from the ministry' -> the ministry (or None)."""
    head_words = " ".join(np)
    i = after.find(np[-1])
    if i < 0:
        return None
    m = _STATEMENT_FROM_RE.match(after, i + len(np[-1]))
    if not m:
        return None
    src = _np_head(after[m.end():])
    res = _classify(src, story, pos) if src else None
    return res if res is not None and res[1] != "unknown" else None


def _attr_pre(pre: str, story, pos):
    """'X said: "Q"' / 'X called it "a mistake"' from the words before a quotation."""
    cues = _find_cues(pre)
    if not cues:
        return None
    cm = cues[-1]
    cue = cm.group().lower()
    if cue == "according to":
        after = pre[cm.end():]
        comma = after.find(",")
        if comma >= 0 and after[comma + 1:].strip():
            sub = _subject_of(after[comma + 1:], story, pos)
            if sub is not None:
                return sub, cue
        np = _np_head(after)
        res = _classify(np, story, pos) if np else None
        if res is not None and _low(np[-1]) in STATEMENT_HEADS:
            res = _statement_source(after, np, story, pos) or res
        return (res, cue) if res else None
    # passive "is said to", "was told"
    if _P21.search(pre[max(0, cm.start() - 20):cm.start()]) and cue in ("said", "told", "called", "asked", "described"):
        if len(cues) > 1:
            cm = cues[-2]
            cue = cm.group().lower()
        else:
            return None
    if cue in PARTICIPLE_CUES or _P22.search(pre[max(0, cm.start() - 10):cm.start()]):
        before = pre[:cm.start()]
        res = _subject_of(before, story, pos)
        return (res, cue) if res else None
    res = _speaker_before(pre, cm, story, pos, pre[:cm.start()])
    if res is None:
        return None
    return res, cue


# --------------------------------------------------------------------------- per story
_quote_spans_cached = functools.lru_cache(maxsize=16384)(quote_spans)


def _outside_factory(spans_abs):
    starts = [s for s, _ in spans_abs]

    def outside(p):
        i = bisect.bisect_right(starts, p) - 1
        return i < 0 or p >= spans_abs[i][1]
    return outside


@functools.lru_cache(maxsize=16384)
def _line_spans(w: str, single: bool):
    """Quoted spans of one line: ((start, end, opened, closed), ...), whitespace trimmed,
    spans with no word character dropped; ``single``: the story quotes with single marks."""
    if single:
        found = _single_quote_spans(w)
    elif '"' not in w and "“" not in w and "”" not in w and "«" not in w and "»" not in w:
        return ()
    else:
        found = _quote_spans_cached(w)
    marks = QMARKS + ("‘’'" if single else "")
    out = []
    for s, e in found:
        opened = s > 0 and w[s - 1] in marks
        closed = e < len(w) and w[e] in marks
        while s < e and w[s] in " \t":
            s += 1
        while e > s and w[e - 1] in " \t":
            e -= 1
        if e > s and _P23.search(w[s:e]):
            out.append((s, e, opened, closed))
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _line_plan(w: str, spans):
    """Everything about one line that does not depend on the rest of the story.

    Out: (bounds, blank, has_cue, sentences, quotes) where ``bounds`` are sentence
    starts, ``blank`` the line with quotations blanked, ``sentences`` per sentence
    (start, end, text, quote_free) and ``quotes`` per quoted span the slices and
    flags the attribution uses."""
    bounds = _boundaries(w, spans)
    nb = len(bounds)
    if spans:
        parts, last = [], 0
        for s, e, *_ in spans:
            parts.append(w[last:s])
            parts.append(" " * (e - s))
            last = e
        parts.append(w[last:])
        blank = "".join(parts)
    else:
        blank = w
    has_cue = bool(_speech_cues(w)) if not spans else True
    ends = bounds[1:]
    ends.append(len(w))
    if spans:
        sentences = [(st, en, w[st:en], not any(s < en and e > st for s, e, *_ in spans))
                     for st, en in zip(bounds, ends)]
    else:
        sentences = [(st, en, w[st:en], True) for st, en in zip(bounds, ends)]

    def sent_start(p):
        return bounds[bisect.bisect_right(bounds, p) - 1]

    def sent_end(p):
        k = bisect.bisect_right(bounds, p)
        return bounds[k] if k < nb else len(w)

    quotes = []
    for k, (s, e, opened, closed) in enumerate(spans):
        quote = w[s:e]
        st = sent_start(s)
        prev_end = spans[k - 1][1] + 1 if k else 0
        pre_from = max(st, prev_end)
        pre = w[pre_from:max(pre_from, s - (1 if opened else 0))]
        nxt = spans[k + 1][0] - 1 if k + 1 < len(spans) else len(w)
        post_to = min(max(sent_end(e + 1), e + 1), nxt)
        if _P25.match(w[e:e + 3]) or (quote and quote[-1] in ",?!—–-"):
            post_to = min(nxt, max(post_to, (w.find(".", e + 2) + 1) or len(w)))
        post = w[e + (1 if closed else 0):post_to]
        ends_comma = bool(quote) and quote.rstrip()[-1:] in (",", "?", "!", "—", "–", "-")
        order = ("post", "pre") if (ends_comma or _P26.match(post)) else ("pre", "post")
        pre_empty = not pre.strip()
        work_title = bool(len(quote) < 80 and _is_work_title(quote) and
                          _TITLE_PREV_RE.search(w[max(0, s - 40):max(0, s - 1)]))
        scare = bool(_P28.search(pre[-20:]))
        post_subject = bool(_P27.match(post) or ends_comma)
        q = quote.rstrip()
        quotes.append((s, e, st, pre, post, ends_comma, order, pre_empty, work_title, scare,
                       post_subject, q, _word_count(q)))
    return bounds, blank, has_cue, tuple(sentences), tuple(quotes)


def _row_start(r):
    return r["start"]


def _story_quotes(article_id, text):
    rows = []
    if not isinstance(text, str) or not text.strip():
        return rows
    # lines are the working unit (a story may come with single newlines); ``paragraph`` in
    # the output is still segment.paragraph_offsets' index (text.split("\n\n") for clean text;
    # a line of spaces or tabs counts as blank there, so it does here)
    pars = text.split("\n")
    # line start offsets and paragraph numbers (k blank lines between two lines of text are
    # k + 1 newlines, so (k + 1) // 2 paragraph breaks), counted incrementally, in one pass
    offsets, par_no = [], []
    o, done_pairs, run = 0, 0, -1
    for p in pars:
        offsets.append(o)
        o += len(p) + 1
        run += 1
        par_no.append(done_pairs + run // 2)
        if p and p.strip(" \t"):
            done_pairs += run // 2
            run = 0
    junk = _junk_paragraphs(pars)
    work = [(" " * len(p) if i in junk else (_mask_junk(p) if "MORE" in p else p)) for i, p in enumerate(pars)]
    masked = "\n".join(work)
    # British tabloids quote with single marks; they count only in a story with no double marks
    single = sum(masked.count(c) for c in _QM_CHARS) < 2 and ("'" in masked or "‘" in masked)
    par_spans = [_line_spans(w, single) for w in work]
    spans_abs = [(offsets[i] + s, offsets[i] + e) for i, sp in enumerate(par_spans) for s, e, *_ in sp]
    outside = _outside_factory(spans_abs)
    story = _Story()
    _scan_people(story, masked, outside, work)

    prev_par_speaker = None
    prev_par_open = False
    for pi, w in enumerate(work):
        if pi in junk or not w.strip():
            continue
        spans = par_spans[pi]
        base = offsets[pi]
        bounds, blank, has_cue, sentences, quotes = _line_plan(w, spans)
        nb = len(bounds)
        # sentences, with quotations blanked, for pronoun resolution
        story.sent_starts.extend([base + st for st, _en, _sent, _free in sentences])
        story.sent_texts.extend([(blank, st, en) for st, en, _sent, _free in sentences])

        par_rows = []
        done = [0]

        def rep_upto(limit):
            """Reported speech in the quote-free sentences starting before ``limit``."""
            while done[0] < nb and bounds[done[0]] < limit:
                si = done[0]
                done[0] += 1
                if not has_cue:
                    continue
                st, en, sent, free = sentences[si]
                if not free:
                    continue
                row = _reported(sent, story, base + st)
                if row is None:
                    continue
                res, cue, q_s, q_e = row
                q = sent[q_s:q_e].strip(" ,.;")
                if len(q.split()) < 3:
                    continue
                qs = base + st + sent.find(q, q_s)
                par_rows.append({
                    "article_id": article_id, "paragraph": par_no[pi], "quote": q,
                    "speaker": res[0], "speaker_kind": res[1], "speaker_role": res[2], "cue": cue,
                    "direct": False, "start": qs, "end": qs + len(q),
                    "quote_words": _word_count(q), "mention": res[3],
                })
                if res[1] != "unknown":
                    story.last_speaker = (res[0], res[1], res[2], cue)
                    if res[1] == "organization":
                        story.last_org = story.last_speaker
                    val = res[4] if res[4] is not None else (res[0], res[1], res[2])
                    story.attribute(base + st, val)

        last_in_par = None
        for k, (s, e, st, pre, post, ends_comma, order, pre_empty, work_title, scare, post_subject,
                q, q_words) in enumerate(quotes):
            qa = base + s
            rep_upto(st)
            res = cue = None
            src = ""
            for which in order:
                got = _attr_post(post, story, qa) if which == "post" else _attr_pre(pre, story, qa)
                if got:
                    res, cue = got
                    src = which
                    break
            if src == "post" and cue == "according to" and res[1] == "organization" and not pre_empty:
                # '“Q,” according to a statement from his office' after 'X asked that': X spoke
                alt = _attr_pre(pre, story, qa)
                if alt is not None and alt[0][1] == "person":
                    res, cue = alt
                    src = "pre"
            if res is None and k and (st <= spans[k - 1][0] or pre_empty) and last_in_par:
                res, cue, src = last_in_par[0], last_in_par[1], "prev"
            if res is None and k and last_in_par and pre_empty:
                res, cue, src = last_in_par[0], last_in_par[1], "prev"
            if res is None and k == 0 and s <= 1 and prev_par_speaker is not None:
                res, cue, src = prev_par_speaker[0], prev_par_speaker[1], "continued"
            if res is None and not pre_empty:
                sub = _subject_of(pre, story, qa, last=True)
                if sub is None and post_subject:
                    sub = _subject_of(post.split(".")[0], story, qa)
                if sub is not None:
                    res, cue, src = sub, "", "subject"
            if res is None and pre_empty and (st > 0 or (k == 0 and s <= 1)):
                # a whole-sentence quotation right after a sentence that reports speech:
                # 'Trump took to Twitter. “Q.”' continues that sentence's speaker (also when
                # the quotation opens the next paragraph)
                prev_i = bisect.bisect_right(story.sent_starts, base + st - 1) - 1
                if prev_i >= 0 and (story.sent_starts[prev_i] >= base or st == 0):
                    blank_p, a_p, b_p = story.sent_texts[prev_i]
                    if _CUE_RE.search(blank_p, a_p, b_p) or blank_p[a_p:b_p].rstrip().endswith(":"):
                        subj = story.subject_at(prev_i)
                        if isinstance(subj, _Entity):
                            res = (subj.full, "person", subj.roles[0] if subj.roles else "", subj.full, subj)
                        elif subj is not None:
                            res = (subj[0], subj[1], subj[2], subj[0], None)
                        if res is not None:
                            cue, src = "", "previous sentence"
            if res is None and k and last_in_par:
                res, cue, src = last_in_par[0], last_in_par[1], "prev"
            # titles of works ("told CBS's “Face the Nation”") and scare quotes with nobody behind
            # them are terms: kept in the table, never anyone's words
            term = work_title or (res is None and scare)
            if work_title:
                res = None
            if res is None:
                res = ("", "unknown", "", "", None)
                cue = ""
            if res[4] is not None and res[3].lower() in ("she", "he"):
                res[4].gender = res[4].gender or ("f" if res[3].lower() == "she" else "m")
            if res[1] != "unknown" and not term:
                last_in_par = (res, cue)
                story.last_speaker = (res[0], res[1], res[2], cue)
                if res[1] == "organization":
                    story.last_org = story.last_speaker
                val = res[4] if res[4] is not None else (res[0], res[1], res[2])
                story.attribute(base + st, val)
                if res[4] is not None:
                    res[4].last = max(res[4].last, qa)
            par_rows.append({
                "article_id": article_id, "paragraph": par_no[pi], "quote": q,
                "speaker": res[0], "speaker_kind": res[1], "speaker_role": res[2], "cue": cue or "",
                "direct": True, "start": qa, "end": qa + len(q),
                "quote_words": q_words, "mention": res[3], "term": term,
            })
        rep_upto(len(w) + 1)
        if len(par_rows) > 1:
            par_rows.sort(key=_row_start)
        rows.extend(par_rows)
        if par_rows and any(r["direct"] and r["speaker_kind"] != "unknown" for r in par_rows):
            prev_par_speaker = last_in_par if last_in_par else None
            prev_par_open = bool(spans) and not spans[-1][3]
        elif spans:
            prev_par_speaker = None
        else:
            prev_par_speaker = None if not prev_par_open else prev_par_speaker
            prev_par_open = False
            if w.rstrip().endswith(":"):
                # 'Trump said in a statement:' introduces the quotation in the next paragraph
                got = _attr_pre(w[bounds[-1]:].rstrip() + " ", story, base + len(w))
                if got is not None and got[0][1] != "unknown":
                    prev_par_speaker = got
    return rows


_END_TAIL_RE = re.compile(
    r"\s*(?:(?:on|late|early|last|this|in|at)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|recently|earlier|later|(?:[A-Z][a-z]+|a|an|the)(?: [a-z]+)?\s+(?:statement|"
    r"interview|briefing|press conference|tweet|post|email|letter|release))\b[^.]{0,30})?"
    r"(?:\s+(?:to\s+)?(?:reporters|journalists|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))?\s*[.!]?\s*$")
_TAIL_COMMA_RE = re.compile(r"\s*(?:(?:on|late|early|last|this)\s+\w+\s*|[A-Z][a-z]+day\s*|in a statement\s*)?,")
_SAY_VERBS = _W("say said says")
_TELL_VERBS = _W("told tells warned")
_TELL_OBJ_RE = re.compile(r"\s+(?:reporters|journalists|him|her|them|us|me|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|"
                          r"(?:the|a|an|his|her|their)\s+[\w ]{1,30}?)\s+(?:(?:on|late|early|last|this)\s+"
                          r"\w+\s+|in [A-Z]\w+\s+)?(?:that\s+)?")
_SAY_TAIL_RE = re.compile(r"\s+(?:(?:on|late|early|last|this)\s+\w+\s+|in (?:a|an) [\w ]{1,25}?\s+|"
                          r"in [A-Z]\w+\s+|[A-Z][a-z]+day\s+)?(?:that\s+)?")


def _reported(sent: str, story, pos):
    """Reported speech in one sentence: (res, cue, quote_start, quote_end) or None.

    Shapes: 'according to X, ...' / '..., according to X' / '..., X said.' /
    'X said (that) ...' / 'X told Y (that) ...' / 'X <verb>ed that ...'.
    """
    cues = _speech_cues(sent)
    if not cues:
        return None  # no reporting verb and no "according to"
    m = _P29.search(sent)
    if m:
        np = _np_head(sent[m.end():])
        res = _classify(np, story, pos) if np else None
        if res and res[1] != "unknown":
            if m.start() < 3:
                after = sent.find(",", m.end())
                return (res, "according to", after + 1 if after > 0 else m.end(), len(sent))
            return (res, "according to", 0, m.start())
    for cm in cues:
        cue = cm.group().lower()
        if cue == "according to":
            continue
        before = sent[:cm.start()]
        if _P30.search(before[-20:]):
            continue
        tail = sent[cm.end():]
        # "..., X said." at the end of the sentence
        if "," in before and (_END_TAIL_RE.match(tail) or _TAIL_COMMA_RE.match(tail)):
            head, _, np_txt = before.rpartition(",")
            np = _np_tail(np_txt)
            res = _classify(np, story, pos) if np else None
            if res and res[1] != "unknown" and len(np) + 2 >= len(np_txt.split()):
                return (res, cue, 0, len(head))
        res = _speaker_before(sent, cm, story, pos)
        if res is None or res[1] == "unknown":
            continue
        mention_at = before.rfind(res[3].split()[-1]) if res[3] else -1
        between = _P31.sub(" ", before[mention_at:]) if mention_at >= 0 else ""
        if mention_at < 0 or len(between.split()) > 4:
            continue
        if cue in _TELL_VERBS:
            om = _TELL_OBJ_RE.match(tail)
        elif cue in _SAY_VERBS:
            om = _SAY_TAIL_RE.match(tail)
        else:  # other verbs report speech only with a that-clause
            om = _P32.match(tail)
            if om is None:
                continue
        q_s = cm.end() + (om.end() if om else 0)
        rest = sent[q_s:]
        if len(rest.strip()) < 12 or rest[:1] in ("“", '"'):
            continue
        return (res, cue, q_s, len(sent))
    return None


# --------------------------------------------------------------------------- public API
def _empty():
    return pd.DataFrame({
        "article_id": pd.Series(dtype="object"), "paragraph": pd.Series(dtype="int64"),
        "quote": pd.Series(dtype="object"), "speaker": pd.Series(dtype="object"),
        "speaker_kind": pd.Series(dtype="object"), "speaker_role": pd.Series(dtype="object"),
        "cue": pd.Series(dtype="object"), "direct": pd.Series(dtype="bool"),
        "start": pd.Series(dtype="int64"), "end": pd.Series(dtype="int64"),
        "quote_words": pd.Series(dtype="int64"), "mention": pd.Series(dtype="object"),
        "quote_kind": pd.Series(dtype="object"),
    })


# ------------------------------------------------------------------ names that are names
_NOT_NAME = frozenset(lexicon.words("not_names"))
_ORGANIZATIONS = lexicon.pattern(lexicon.words("organizations"))
_MEDIA = lexicon.pattern(lexicon.words("media"))
_STATE_TAGS = frozenset(k.rstrip(".").lower() for k in _STATE_ABBR) | frozenset(
    v.lower() for v in _STATE_ABBR.values())
_GLUED_CARD = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")    # "MattisFormer": a hover card glued on
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z]")
_NAME_PARTICLES = frozenset("bin ibn al el de da del der van von la le di du".split())


def _not_name_word(tok: str) -> bool:
    """Is ``tok`` a word that can stand next to a name but is no part of it?

    A word of lexicon/not_names.txt, a title or role ("Major-General" part by part), "Then-…", or a
    sentence adverb (seven letters or more ending in "-ly" that is no first name: "Separately").
    """
    low = tok.lower().strip(".,;:")
    parts = low.split("-")
    if low in _NOT_NAME or low in TITLE_WORDS or low in ROLE_HEADS or parts[0] in ("then", "former") \
            or (len(parts) > 1 and all(p in TITLE_WORDS for p in parts)):
        return True
    return len(low) >= 7 and low.endswith("ly") and low not in FEMALE_FIRST and low not in MALE_FIRST


def clean_speaker(name: str, kind: str) -> tuple[str, str]:
    """(name, kind) of a speaker after the name check: what is no name becomes ("", "unknown").

    A person's name loses a hover card glued on ("James Mattis James Norman MattisFormer Mattis" →
    "James Mattis"), a leading outlet ("Al Jazeera Rob Reynolds") and leading words that are never
    part of a name ("Add Donald Trump", "Does Trump", "Then-President George W. Bush": lexicon/
    not_names.txt, titles, roles, sentence adverbs), and such words or a platform at its end
    ("Donald Trump Twitter").  What is left must be one to five capitalised
    words without digits, not a party or state tag ("R-Tenn", "Fla"), not an outlet or platform, no
    contraction ("I’d"), plural acronym ("SEALs"), headline in capitals ("PEACE AGREEMENT") or
    "-based"; a word that is never part of a name ends it ("Cohen Never Trump" → "Cohen"); else the
    speaker is unknown.  A group that speaks
    as one (lexicon/organizations.txt: "Taliban", "Pew") or a country ("Bosnia") is an organisation.
    Other kinds pass unchanged.
    """
    if kind != "person":
        return name, kind
    while True:                                # cutting one part can expose another ("Add Donald Donald")
        out = _clean_person(name)
        if out[0] == name or out[1] != "person":
            return out
        name = out[0]


def _clean_person(name: str) -> tuple[str, str]:
    """One pass of :func:`clean_speaker` over a person's name."""
    if not name or not name.strip():
        return "", "unknown"
    if _ORGANIZATIONS.fullmatch(name.strip()):
        return name.strip(), "organization"               # "Taliban", "Pew": a group speaking as one
    if len(name.split()) >= 3:
        name = _GLUED_CARD.split(name, maxsplit=1)[0].strip()
    toks = name.split()
    if len(toks) > 1 and toks[0] in toks[1:]:                 # a name repeated by a hover card
        toks = toks[:toks.index(toks[0], 1)]
    media = _MEDIA.match(" ".join(toks))
    if media and media.end() < len(" ".join(toks)):
        toks = " ".join(toks)[media.end():].split()
    while toks and _not_name_word(toks[0]):
        toks = toks[1:]
    while len(toks) > 1 and (_MEDIA.fullmatch(toks[-1]) or toks[-1].lower() in _NOT_NAME):
        toks = toks[:-1]                                      # "Donald Trump Twitter"
    inner = next((i for i, t in enumerate(toks) if i and t.lower() in _NOT_NAME), None)
    if inner is not None:
        toks = toks[:inner]                                   # "Cohen Never Trump": a name ends there
    out = " ".join(toks)
    if out and all(t.lower() in PLACES for t in toks):
        return out, "organization"                        # "Bosnia said": a government
    if not toks or len(toks) > 5 or any(ch.isdigit() for ch in out) or _PARTY_TAG.match(out) \
            or re.search(r"['’][a-z]", out) or re.fullmatch(r"[A-Z]{2,}s", out) \
            or (len(toks) > 1 and out.upper() == out) or re.search(r"-based\b", out, re.I) \
            or out.lower().rstrip(".") in _STATE_TAGS or _MEDIA.fullmatch(out) \
            or not all(t[:1].isupper() or t.split("-")[-1][:1].isupper() or t.lower() in _NAME_PARTICLES
                       for t in toks) or out.lower() in _NOT_NAME:
        return "", "unknown"
    return out, "person"


_TERM_BEFORE = re.compile(r"(?<![\w-])(?:" + lexicon.alternation(lexicon.words("term_markers"))
                          + r")(?:\s+(?:the|a|an|its|his|her|their))?\s*[,:]?\s*[\"“‘'«]?$", re.I)
_INNER_STOP = re.compile(r"[.!?;:]\s")
# the opening mark follows a word of the same sentence ("the U.S.-backed “moderate” opposition")
_PERSON_WORDS = frozenset(PRONOUNS) | {"his", "her", "him", "their"} | ROLE_HEADS
_MID_SENTENCE = re.compile(r"[A-Za-z,-]\s*[\"“‘']?$")
# ", he said", "said Trump" right after the closing mark
_SPEAKER_AFTER = re.compile(r"[\"”’']?\s*,?\s*(?:he|she|they|[A-Z][a-z]+)\s+(?:said|says|told|added|wrote|tweeted)\b")


def quote_kind(text: str, start: int, quote: str, direct: bool, speaker_kind: str, cue: str = "",
               speaker: str = "") -> str:
    """"quotation" (someone's words) or "term" (a scare quote, echoed word, title, slogan, nickname).

    In: the story text, the quotation's start offset, its words, whether it is in quotation marks, its
    speaker's kind, the reporting verb that credited it ("" when none did) and the speaker's name.  A direct quotation is a term when a term marker stands right before its
    mark ("so-called", "known as", "dubbed", "the slogan": lexicon/term_markers.txt), when it is a
    title ("Face the Nation": two or more capitalised words, no sentence inside), or when it is a
    short phrase (three words at most, no sentence inside) that no reporting verb credits and that
    sits inside the reporter's own sentence ("the U.S.-backed “moderate” opposition", "no concept of
    “victory”") with no person in it before the mark (a pronoun, a role, the speaker's surname:
    "he “supports”", "the president is insistent that “it’s time”" are quotations).  Reported speech
    is always a quotation.
    """
    if not direct:
        return "quotation"
    if _TERM_BEFORE.search(text, max(0, start - 40), start):
        return "term"
    words = quote.strip(" .,!?;:'\"“”‘’").split()
    if len(words) >= 2 and _is_work_title(quote):
        return "term"
    if cue or not 0 < len(words) <= 3 or _INNER_STOP.search(quote.strip() + " "):
        return "quotation"
    if speaker_kind == "unknown" and quote.strip()[:1].islower():
        return "term"
    # a short phrase inside the reporter's own sentence, with no reporting verb near it: an echoed word
    end = start + len(quote)
    before = text[max(0, start - 45):start]
    after = text[end:end + 30]
    if _CUE_RE.search(before) or _CUE_RE.match(after.lstrip("\"”’' ,.")) or _SPEAKER_AFTER.match(after):
        return "quotation"
    if not _MID_SENTENCE.search(before) or before.rstrip(" \"“‘'").endswith((":", ",")):
        return "quotation"
    clause = re.split(r"[.!?]\s", before)[-1].lower()
    words = set(re.findall(r"[a-z’']+", clause))
    surname = speaker.split()[-1].lower() if speaker else ""
    if words & _PERSON_WORDS or (surname and surname in words):
        return "quotation"          # "the president is insistent that “it’s time”", "he “supports”"
    return "term"


def extract_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Every quotation and reported statement in each story, with its speaker.

    In: articles (``article_id``, ``text``; paragraphs separated by one blank line).
    Out: a new DataFrame, one row per quotation, columns ``QUOTE_COLUMNS``:
    ``quote`` is a substring of the story text at ``start:end``; ``paragraph`` is
    the 0-based paragraph; ``speaker`` the canonical name ("Donald Trump"), an
    anonymous description ("unnamed US official"), an organisation, or "" when
    unknown; ``speaker_kind`` person | anonymous | organization | unknown;
    ``speaker_role`` the title or description as written; ``cue`` the reporting
    verb; ``direct`` True for words inside quotation marks; ``mention`` the words
    that named the speaker at this quotation ("she", "the senator").
    Rows for a story do not depend on the other stories in the batch.
    """
    rows = []
    # the cyclic garbage collector finds nothing to free here (the per-story objects hold no
    # cycles) but its full passes over the helper caches cost about a tenth of the run
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        for aid, text in zip(articles["article_id"], articles["text"]):
            rows.extend(_story_quotes(aid, text))
    finally:
        if gc_was_on:
            gc.enable()
    if not rows:
        return _empty()
    df = pd.DataFrame(rows, columns=_ROW_COLUMNS, dtype=object)   # text stays object, as in _empty()
    df = df.astype({"paragraph": "int64", "start": "int64", "end": "int64",
                    "quote_words": "int64", "direct": "bool"})
    checked = [clean_speaker(n, k) for n, k in zip(df["speaker"], df["speaker_kind"])]
    df["speaker"] = pd.Series([n for n, _ in checked], index=df.index, dtype=object)
    df["speaker_kind"] = pd.Series([k for _, k in checked], index=df.index, dtype=object)
    texts = dict(zip(articles["article_id"], articles["text"]))
    marked = [bool(r.get("term")) for r in rows]          # titles and scare quotes the passes met
    df["quote_kind"] = pd.Series(["term" if t else quote_kind(texts[a], s, q, d, k, c, n)
                                  for t, a, s, q, d, k, c, n in zip(marked, df["article_id"], df["start"],
                                                                    df["quote"], df["direct"], df["speaker_kind"],
                                                                    df["cue"], df["speaker"])],
                                 index=df.index, dtype=object)
    return df


# --------------------------------------------------------------------------- canonical names (views)
#: Words that open a speaker phrase but are no part of a name when capitalised at its start ("Add
#: Donald Trump", "Does Trump", "Businessman Donald Trump", "Whenever Hook"): sentence adverbs and
#: conjunctions, auxiliaries and common verbs, job and group nouns.  The reporting verbs, titles,
#: determiners and VADER's English lexicon count too (see :func:`_non_name`).
LEADING_WORDS = _W("""add adds added does did do doing done is was were are be been being has had have
having get gets got let lets see sees saw look looks make makes made take takes took give gives gave
keep keeps kept come comes came go goes went put puts bring brings thank thanks invite invites inviting
invited attack attacks ask asks meet meets hear heard watch watched listen like unlike
whenever wherever whatever whoever however meanwhile separately instead indeed perhaps maybe
ultimately notably nonetheless nevertheless otherwise therefore thus hence moreover furthermore
besides ahead outside inside others everyone everybody someone somebody nobody anyone people
yes well now here there why how what when where who whom whose which while though although unless
asked told speaking writing talking responding replying addressing according citing quoting
businessman businesswoman billionaire millionaire photographer comedian journalist reporter
correspondent columnist commentator author writer host anchor analyst economist historian scholar
researcher lawyer activist candidate nominee hopeful frontrunner challenger incumbent conservative
conservatives liberal liberals progressive progressives critics critic supporters supporter
protesters protester demonstrator demonstrators voters voter lawmakers senators representatives
prosecutors investigators officials operator narrator moderator interviewer host hosts guest guests
fellow fellows colleague colleagues friend friends allies ally rival rivals opponent opponents
intelligence class country morning evening afternoon night recovery human among amid
caption photo photos image images video videos credit consult source file files""")
#: First names that are also English words: never stripped ("Mark Esper", "Bill Clinton", "Rand Paul").
WORD_FIRST_NAMES = _W("""bill will mark chuck rand rush don grant hope joy rich frank pat art chip buck
rob sue ray dick jack june april may dawn rose faith grace guy jay hunter chase cliff dale dean drew
earl gene glen herb hal jean lance lee les max miles nick norm penny rocky ross sandy sterling tim
wade ward warren wes woody ash carter mike bob ted rex kit sonny stacey al
el bin ibn abu de del della di da du la le van von der den ter mac""")
_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
_INITIAL_RE = re.compile(r"(?:[A-Z]\.?){1,3}")
_MALE_MENTION = frozenset(("he", "him", "his", "mr", "mr.")) | MALE
_FEMALE_MENTION = frozenset(("she", "her", "hers", "mrs", "mrs.", "ms", "ms.", "miss")) | FEMALE


@functools.lru_cache(maxsize=1)
def _non_name_words() -> frozenset:
    """Lower-case words never a name's first word: the lists above plus VADER's English lexicon."""
    from importlib.resources import files

    vader = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    english = {line.split("\t", 1)[0] for line in vader.splitlines()}
    words = (LEADING_WORDS | CUE_WORDS | AUX_ADV | DETERMINERS | PREPOSITIONS | COMMON_CAPS | TITLE_WORDS
             | ROLE_HEADS | ANON_HEADS | {w for w in english if w.isalpha()})
    return frozenset(words - MALE_FIRST - FEMALE_FIRST - WORD_FIRST_NAMES)


def _lower_words(texts, min_count: int = 2) -> frozenset:
    """Words written in lower case at least ``min_count`` times in ``texts`` (the quotations'
    own words: a corpus's dictionary of common words), first names excepted."""
    counts = defaultdict(int)
    for text in texts:
        for w in _LOWER_WORD_RE.findall(str(text)):
            counts[w] += 1
    return frozenset(w for w, c in counts.items() if c >= min_count) - MALE_FIRST - FEMALE_FIRST - WORD_FIRST_NAMES


def _non_name(tok: str, extra: frozenset = frozenset()) -> bool:
    """True for a token that is a common English word, not a name ("Does", "Then-President");
    ``extra``: more common words (lower case), e.g. those of :func:`_lower_words`."""
    t = _strip_poss(tok)[0].lower().strip(".,;:!?")
    parts = t.split("-")
    return bool(t) and all(p in _non_name_words() or p in extra for p in parts)


def _clean_name(name: str, extra: frozenset = frozenset()) -> str:
    """A person phrase as a name: leading common words and trailing day words dropped.

    "Add Donald Trump" -> "Donald Trump", "Only Republican Rand Paul" -> "Rand Paul",
    "Pompeo Thursday" -> "Pompeo"; a phrase of common words only ("Separately") -> "".
    """
    toks = name.split()
    while len(toks) > 1 and _non_name(toks[0], extra):
        toks.pop(0)
    while len(toks) > 1 and toks[-1].lower().strip(".,") in _DAY_WORDS:
        toks.pop()
    if len(toks) == 1 and (_non_name(toks[0], extra) or len(toks[0].strip(".")) < 2):
        return ""
    return " ".join(toks)


def _name_parts(name: str):
    """(first, middle names, middle initials, surname, suffix) of a cleaned name of 2+ words."""
    toks = name.split()
    suffix = ""
    if len(toks) > 2 and toks[-1].lower().strip(".,") in _NAME_SUFFIXES:
        suffix = toks.pop()
    middle = toks[1:-1]
    initials = tuple(m for m in middle if _INITIAL_RE.fullmatch(m))
    return toks[0], [m for m in middle if m not in initials], initials, toks[-1], suffix


def _gender_of_rows(mentions, roles) -> str | None:
    """"m" or "f" when the words that named a speaker say so clearly (he/Mr vs she/Mrs), else None."""
    m = f = 0
    for text in list(mentions) + list(roles):
        for w in str(text).lower().replace(".", " ").split():
            m += w in _MALE_MENTION
            f += w in _FEMALE_MENTION
    if m > 2 * f:
        return "m"
    if f > 2 * m:
        return "f"
    return None


def _first_name_gender(first: str) -> str | None:
    low = first.lower()
    return "m" if low in MALE_FIRST else "f" if low in FEMALE_FIRST else None


def _canonical_names(people: pd.DataFrame, extra: frozenset = frozenset()) -> dict:
    """Map each person name of the table to its canonical name (see :func:`merge_speakers`)."""
    counts = people["speaker"].value_counts()
    cleaned = {n: _clean_name(n, extra) for n in counts.index}
    mapping = {n: c for n, c in cleaned.items() if c != n}
    # full names: one per (first name, surname, suffix); middle initials dropped unless two
    # different sets of initials share that key (George W. Bush and George H. W. Bush)
    by_key = defaultdict(lambda: defaultdict(int))
    for raw, name in cleaned.items():
        if len(name.split()) >= 2:
            first, _, initials, last, suffix = _name_parts(name)
            by_key[(first.lower(), _surname_key(last), suffix.lower().strip("."))][name] += int(counts[raw])
    full = {}
    for key, names in by_key.items():
        initial_sets = {_name_parts(n)[2] for n in names} - {()}
        distinct = len(initial_sets) > 1
        bare = defaultdict(int)
        for n, c in names.items():
            first, middle, initials, last, suffix = _name_parts(n)
            form = n if distinct and initials else " ".join([first, *middle, last] + ([suffix] if suffix else []))
            bare[form] += c
        for n in names:
            first, middle, initials, last, suffix = _name_parts(n)
            if distinct and initials:
                full[n] = n
            else:
                forms = [f for f in bare if not (distinct and _name_parts(f)[2])]
                full[n] = sorted(forms, key=lambda f: (-bare[f], len(f), f))[0]
    for raw, name in cleaned.items():
        if name in full and full[name] != raw:
            mapping[raw] = full[name]
    # a longer spelling of a full name ("Donald Trump Twitter"): the full name
    known = set(full.values())
    for raw, name in cleaned.items():
        toks = mapping.get(raw, name).split()
        prefix = next((" ".join(toks[:k]) for k in range(len(toks) - 1, 1, -1)
                       if " ".join(toks[:k]) in known), None)
        if prefix and toks[-1].lower().strip(".,") not in _NAME_SUFFIXES:
            mapping[raw] = prefix
            full[name] = prefix
    # a surname alone: the one compatible full name with that surname (no suffix, same gender);
    # a "full name" with a common word inside ("Cohen Never Trump") is no candidate
    canon = defaultdict(set)
    for n in set(full.values()):
        first, _, _, last, suffix = _name_parts(n)
        if not suffix and not any(_non_name(t, extra) for t in n.split()[1:]):
            canon[_surname_key(last)].add(n)
    if not canon:
        return mapping
    mentions = people["mention"] if "mention" in people else pd.Series("", index=people.index)
    roles = people["speaker_role"] if "speaker_role" in people else pd.Series("", index=people.index)
    final = people["speaker"].map(lambda s: mapping.get(s, s))
    gender = {}
    for n in set(full.values()):
        gender[n] = _first_name_gender(n.split()[0]) or _gender_of_rows(mentions[final == n], roles[final == n])
    surname_rows = defaultdict(list)      # every spelling that cleans to the same surname speaks together
    for raw, name in cleaned.items():
        if len(name.split()) == 1:
            surname_rows[name].append(raw)
    for name, raws in surname_rows.items():
        cands = sorted(canon.get(_surname_key(name), ()))
        if len(cands) > 1:
            rows = people["speaker"].isin(raws)
            g = _gender_of_rows(mentions[rows], roles[rows])
            same = [c for c in cands if g is not None and gender[c] == g]
            cands = same if len(same) == 1 else [c for c in cands if g is None or gender[c] in (g, None)]
        if len(cands) == 1:
            mapping.update(dict.fromkeys(raws, cands[0]))
    return mapping


def merge_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One canonical name per person across the table (the view-level merge every notebook view uses).

    In: quotes (from :func:`extract_quotes`, any number of stories; ``mention`` and
    ``speaker_role`` are used when present).  Out: a copy in which only the ``speaker`` of
    person rows changes:

    - leading words that are common English words, not names, are dropped ("Add Donald Trump",
      "Does Trump", "Then-President George W. Bush"; :data:`LEADING_WORDS`, the reporting verbs,
      titles and VADER's lexicon, but never a first name such as "Mark" or "Rand"), and trailing
      day words ("Pompeo Thursday"); a phrase of common words only ("Separately") becomes "";
    - names with the same first name, surname and suffix are one, middle initials dropped
      ("Donald J. Trump" -> "Donald Trump"; the most frequent spelling of the middle names wins),
      unless two different sets of initials share them (George W. and George H. W. Bush);
    - a surname alone becomes the one full name with that surname (and no Jr./Sr. suffix); when
      several exist, the one whose gender (first name, or he/she/Mr/Mrs where named) matches
      the gender the surname's own rows give; otherwise it stays as written.

    Two different first names are never merged (Ron Paul, Rand Paul), and organisations,
    anonymous sources and unknown speakers are left as they are.
    """
    out = quotes.copy()
    if "person" in out.columns:             # resolved already (analyze): the corpus' canonical names
        named = out["person"].fillna("").astype(str) != ""
        out.loc[named, "speaker"] = out.loc[named, "person"]
        return out
    mask = (out["speaker_kind"] == "person") & out["speaker"].notna()
    if not mask.any():
        return out
    people = out.loc[mask].assign(speaker=out.loc[mask, "speaker"].astype(str))
    extra = _lower_words(out["quote"]) if "quote" in out else frozenset()
    mapping = _canonical_names(people, extra)
    if mapping:
        out.loc[mask, "speaker"] = people["speaker"].map(lambda s: mapping.get(s, s))
    return out


UNKNOWN_SPEAKER = "(unknown)"   # how a quotation with no speaker shows in the tables


def quotations_only(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows that are someone's words: terms (``quote_kind == "term"``) left out; a table without
    ``quote_kind`` is returned as it is.  Every speaker table and figure counts these only."""
    return quotes[quotes["quote_kind"] != "term"] if "quote_kind" in quotes else quotes


def _group_values(articles: pd.DataFrame, by: str = "outlet", top: int | None = None) -> pd.Series:
    """One display group per story (aligned with ``articles``): the ``by`` column's value, blank =
    "(unknown outlet)"; with ``top``, only the ``top`` most frequent values named, the rest
    "other <by>s" (:func:`withdrawals.figures.group_labels`)."""
    from withdrawals.figures import _names, group_labels

    if by not in articles.columns:
        raise ValueError(f"by={by!r}: the articles have no such column (columns: {', '.join(map(str, articles.columns))})")
    values = _names(articles[by])
    values.index = articles.index
    return values if top is None else group_labels(values, top, by)


def _with_group(quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                top: int | None = None) -> pd.DataFrame:
    """``quotes`` with a ``by`` column: each quotation's story group (see :func:`_group_values`)."""
    arts = pd.DataFrame({"article_id": articles["article_id"].to_numpy(),
                         by: _group_values(articles, by, top).to_numpy()})
    out = quotes.drop(columns=[by], errors="ignore").merge(arts, on="article_id", how="left",
                                                           validate="many_to_one")
    assert len(out) == len(quotes), "a quotation lost or doubled in the join with articles"
    out[by] = out[by].fillna("(unknown outlet)")
    return out


def _named(quotes: pd.DataFrame) -> pd.Series:
    """True for rows whose speaker is known: not kind "unknown" and not blank after the merge."""
    sp = quotes["speaker"].fillna("").astype(str).str.strip()
    return (quotes["speaker_kind"] != "unknown") & (sp != "") & (sp != UNKNOWN_SPEAKER)


def speaker_table(quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet",
                  top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Quotations and quoted words per speaker x group of stories, direct and reported apart.

    In: quotes (:func:`extract_quotes`) and articles; ``by`` any articles column (default
    ``outlet``; ``lean``, a year, …); ``top`` how many of its values are named (the rest pooled
    as "other outlets", "other leans", …; ``None`` names them all).
    Out: one row per (``by``, speaker, speaker_kind) with ``direct_quotes``, ``direct_words``,
    ``reported``, ``reported_words``, ``stories`` and ``speaker_role`` (the most frequent role);
    speakers merged with :func:`merge_speakers`; unknown speakers (and phrases the merge found to be
    no name) appear as "(unknown)", so the counts add up to the quotations.  Rankings leave them
    out (:func:`plot_top_speakers`).
    """
    cols = [by, "speaker", "speaker_kind", "speaker_role", "direct_quotes", "direct_words",
            "reported", "reported_words", "stories"]
    if quotes.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in cols[4:] else "object") for c in cols})
    q = _with_group(merge_speakers(quotations_only(quotes)), articles, by, top)
    q["speaker"] = q["speaker"].fillna("").where(_named(q), UNKNOWN_SPEAKER)
    q["dq"] = q["direct"].astype(int)
    q["dw"] = q["quote_words"].where(q["direct"], 0)
    q["rq"] = (~q["direct"]).astype(int)
    q["rw"] = q["quote_words"].where(~q["direct"], 0)
    keys = [by, "speaker", "speaker_kind"]
    g = q.groupby(keys, sort=True)
    out = g.agg(direct_quotes=("dq", "sum"), direct_words=("dw", "sum"), reported=("rq", "sum"),
                reported_words=("rw", "sum"), stories=("article_id", "nunique")).reset_index()
    roles = (q[q["speaker_role"] != ""].groupby(keys)["speaker_role"]
             .agg(lambda s: s.value_counts().sort_index().idxmax()))
    out = out.merge(roles.rename("speaker_role").reset_index(), how="left", on=keys)
    out["speaker_role"] = out["speaker_role"].fillna("")
    out = out[cols].sort_values([by, "direct_words", "speaker"], ascending=[True, False, True])
    return out.reset_index(drop=True)


def ranked_speakers(table: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Named speakers ranked by words quoted directly, over all groups of :func:`speaker_table`.

    Unknown speakers and anonymous sources (many people under one description) are left out.
    Out: ``speaker, speaker_kind, direct_quotes, direct_words, reported, stories, groups`` (the
    number of groups quoting the speaker), most words first (ties by name); ``top`` rows or all.
    """
    t = table[(table["speaker"] != UNKNOWN_SPEAKER) & ~table["speaker_kind"].isin(["unknown", "anonymous"])]
    by = table.columns[0]
    out = t.groupby(["speaker", "speaker_kind"], sort=True).agg(
        direct_quotes=("direct_quotes", "sum"), direct_words=("direct_words", "sum"),
        reported=("reported", "sum"), stories=("stories", "sum"), groups=(by, "nunique")).reset_index()
    out = out.sort_values(["direct_words", "direct_quotes", "speaker"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    return out if top is None else out.head(top)


# --------------------------------------------------------------------------- voice groups
DEFAULT_GROUPS = {
    # checked in this order; the first group with a keyword in speaker_role or speaker wins
    "Congress": ["senator", "sen.", "rep.", "representative", "congressman", "congresswoman",
                 "lawmaker", "senate", "house speaker", "majority leader", "minority leader",
                 "congress", "congressional"],
    "foreign governments and forces": ["iranian", "iraqi", "syrian", "turkish", "russian", "british",
                                       "french", "german", "israeli", "kurdish", "saudi", "afghan",
                                       "sdf", "supreme leader", "prime minister", "minister", "kremlin",
                                       "iraq", "iran", "syria", "turkey", "russia", "uk ", "nato",
                                       "ministry", "mobilization forces", "taliban", "militia"],
    "military": ["gen.", "general", "admiral", "adm.", "commander", "colonel", "col.", "military",
                 "joint chiefs", "central command", "centcom", "army", "navy", "marine", "troops",
                 "officer", "lt."],
    "administration": ["president", "white house", "press secretary", "secretary", "administration",
                       "state department", "pentagon", "defense department", "national security",
                       "envoy", "spokeswoman", "spokesman", "spokesperson", "u.s. official",
                       "us official", "american official", "ambassador", "adviser", "advisor"],
}


def voice_group(quotes: pd.DataFrame, groups: dict | None = None) -> pd.DataFrame:
    """Add a ``group`` column mapping each speaker to a group of voices.

    In: quotes; ``groups`` an ordered dict group -> list of lowercase keywords
    (default :data:`DEFAULT_GROUPS`). A row belongs to the first group with a
    keyword found (whole words) in the speaker's roles + ``speaker``; otherwise
    "other".  Speakers are merged first (:func:`merge_speakers`), and a person's roles are
    pooled over all rows naming them ("Trump" in one story takes the "President" another gave).
    Out: a copy of ``quotes`` (speakers merged) with ``group``.
    """
    groups = DEFAULT_GROUPS if groups is None else groups
    pats = [(g, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k.strip()) for k in kws) + r")(?!\w)"))
            for g, kws in groups.items() if kws]
    out = merge_speakers(quotes)
    # a person's roles from every row (and story) that names them, so "Mr Trump" in one
    # story takes the "President" another gave
    roles = defaultdict(list)
    for kind, sp, role in zip(out["speaker_kind"], out["speaker"].fillna(""), out["speaker_role"].fillna("")):
        if kind == "person" and role and role not in roles[sp]:
            roles[sp].append(role)
    labels = []
    for kind, role, sp in zip(out["speaker_kind"], out["speaker_role"].fillna(""), out["speaker"].fillna("")):
        text = " | ".join(roles[sp]) if kind == "person" and sp in roles else role
        s = f"{text} | {sp}".lower()
        labels.append(next((g for g, p in pats if p.search(s)), "other"))
    out["group"] = pd.Series(labels, index=out.index, dtype="object")
    return out


# --------------------------------------------------------------------------- notebook 03 helpers
def anonymous_share(quotes: pd.DataFrame, articles: pd.DataFrame, direct_only: bool = False,
                    by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Share of attributed quotations per group of stories whose speaker is anonymous.

    In: quotes, articles; ``direct_only`` to count words in quotation marks only; ``by``/``top``
    as in :func:`speaker_table` (the stories of the unnamed groups are pooled first, so "other
    outlets" is one row with all their quotations).  Speakers are merged first
    (:func:`merge_speakers`) and quotations with no speaker left out.
    Out: one row per group with ``quotes`` (attributed rows), ``anonymous``, ``share`` (0..1),
    ``stories`` and ``stories_with_anonymous``.
    """
    q = quotations_only(quotes[quotes["direct"]] if direct_only else quotes)
    q = merge_speakers(q)
    q = _with_group(q[_named(q)], articles, by, top)
    q = q.assign(anon=(q["speaker_kind"] == "anonymous").astype(int))
    g = q.groupby(by, sort=True)
    out = g.agg(quotes=("anon", "size"), anonymous=("anon", "sum"), stories=("article_id", "nunique"))
    out["stories_with_anonymous"] = q[q["anon"] == 1].groupby(by)["article_id"].nunique()
    out = out.fillna({"stories_with_anonymous": 0}).astype("int64").reset_index()
    out["share"] = (out["anonymous"] / out["quotes"]).where(out["quotes"] > 0, 0.0).round(4)
    return out[[by, "quotes", "anonymous", "share", "stories", "stories_with_anonymous"]]


def group_share(quotes: pd.DataFrame, articles: pd.DataFrame, groups: dict | None = None,
                by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Quotations and quoted words per group of stories x voice group (see :func:`voice_group`).

    ``by``/``top`` as in :func:`speaker_table` (unnamed groups pooled before the shares).
    Out: one row per (``by``, group) with ``quotes``, ``words`` and ``share`` (the voice group's
    share of the row's quoted words, 0..1); every voice group of the mapping plus "other" appears
    for every ``by`` value, with zeros where empty.
    """
    groups = DEFAULT_GROUPS if groups is None else groups
    q = _with_group(voice_group(quotations_only(quotes), groups), articles, by, top)
    names = list(groups) + (["other"] if "other" not in groups else [])
    values = sorted(q[by].unique()) if len(q) else []
    idx = pd.MultiIndex.from_product([values, names], names=[by, "group"])
    g = q.groupby([by, "group"]).agg(quotes=("quote", "size"), words=("quote_words", "sum"))
    out = g.reindex(idx, fill_value=0).reset_index()
    total = out.groupby(by)["words"].transform("sum")
    out["share"] = (out["words"] / total).where(total > 0, 0.0).round(4)
    return out.astype({"quotes": "int64", "words": "int64"})


def speaker_sentiment(quotes: pd.DataFrame, articles: pd.DataFrame, min_quotes: int = 1,
                      by: str = "outlet", top: int | None = TOP_OUTLETS) -> pd.DataFrame:
    """Mean VADER compound of each named speaker's direct quotations, per group of stories.

    In: quotes, articles; speakers with fewer than ``min_quotes`` direct quotations in a group
    are left out; ``by``/``top`` as in :func:`speaker_table`.  Uses ``sentiment.score_sentiment``
    on the quote text; speakers merged (:func:`merge_speakers`), unknown ones left out.
    Out: one row per (``by``, speaker, speaker_kind) with ``quotes``, ``words``,
    ``mean_compound``, ``min_compound``, ``max_compound``, sorted by ``by`` and mean.
    """
    from withdrawals.sentiment import score_sentiment

    q = merge_speakers(quotations_only(quotes[quotes["direct"]]))
    q = _with_group(q[_named(q)], articles, by, top)
    cols = [by, "speaker", "speaker_kind", "quotes", "words", "mean_compound", "min_compound", "max_compound"]
    if q.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in cols[:3] else
                                          ("int64" if c in ("quotes", "words") else "float64")) for c in cols})
    scored = score_sentiment(q.assign(text=q["quote"]))
    g = scored.groupby([by, "speaker", "speaker_kind"], sort=True)
    out = g.agg(quotes=("compound", "size"), words=("quote_words", "sum"), mean_compound=("compound", "mean"),
                min_compound=("compound", "min"), max_compound=("compound", "max")).reset_index()
    out = out[out["quotes"] >= min_quotes].round({"mean_compound": 4})
    return out.sort_values([by, "mean_compound", "speaker"]).reset_index(drop=True)[cols]


_PAGER_JS = ("(function(p){{var t=document.getElementById('{tid}'),q=document.getElementById('{tid}-q')"
             ".value.toLowerCase(),rs=t.tBodies[0].rows,m=[],i;for(i=0;i<rs.length;i++){{"
             "if(rs[i].textContent.toLowerCase().indexOf(q)>=0)m.push(rs[i]);rs[i].style.display='none';}}"
             "var n=Math.max(1,Math.ceil(m.length/{size}));p=Math.min(Math.max(p,0),n-1);t.dataset.p=p;"
             "for(i=p*{size};i<Math.min(m.length,(p+1)*{size});i++)m[i].style.display='table-row';"
             "document.getElementById('{tid}-n').textContent=m.length+' quotations, page '+(p+1)+' of '+n;}})"
             "({page})")


def _story_cell(title, url, article_id) -> str:
    """A story's title as HTML, linked to its ``url`` when that is a web address."""
    import html

    text = html.escape(str(title) if isinstance(title, str) and title.strip() else str(article_id))
    if isinstance(url, str) and re.match(r"https?://\S+$", url.strip()):
        return f'<a href="{html.escape(url.strip(), quote=True)}">{text}</a>'
    return text


def quotes_html(quotes: pd.DataFrame, articles: pd.DataFrame, max_chars: int | None = None,
                by: str = "outlet", top: int | None = None, page_size: int = 50) -> str:
    """Every quotation as one HTML table, searchable and paginated offline (no script fetched).

    In: quotes and articles; ``by``/``top`` as in :func:`speaker_table` (default: every outlet
    named); ``max_chars`` cuts long quotations (default: whole); ``page_size`` rows per page.
    Out: an HTML string for ``display(HTML(...))``: a search box (type to filter on any column),
    previous/next buttons, a table of ``by``, story (its number in the list of stories below
    the table), speaker, role and the words (in “…” when they were in quotation marks, marked
    [term] when they are a term), text left-aligned; then the numbered
    list of the stories quoted, each title linked to the ``url`` column when the corpus has one
    (once per story, so the page stays small).  Its few lines of JavaScript sit in the
    elements' own handlers; without JavaScript the first page shows.  Every cell is escaped;
    optional end tags are left out (HTML5).
    """
    import hashlib
    import html

    q = _with_group(merge_speakers(quotes), articles, by, top)       # terms too: the list is searchable
    q["speaker"] = q["speaker"].fillna("").where(_named(q), UNKNOWN_SPEAKER)
    number = {aid: i + 1 for i, aid in enumerate(articles["article_id"])}
    q = q.assign(_n=q["article_id"].map(number).fillna(0).astype(int))
    q = q.sort_values([by, "_n", "start"], kind="stable")
    heads = [by, "story", "speaker", "role", "words (“…” in quotation marks; [term]: nobody's words)"]
    kinds = q["quote_kind"] if "quote_kind" in q else pd.Series("quotation", index=q.index)
    body = []
    for group, story, speaker, role, direct, quote, kind in zip(
            q[by], q["_n"], q["speaker"], q["speaker_role"], q["direct"], q["quote"], kinds):
        quote = str(quote)
        if max_chars is not None and len(quote) > max_chars:
            quote = quote[:max_chars] + " …"
        words = ("[term] " if kind == "term" else "") + (f"“{quote}”" if direct else quote)
        cells = [str(group), str(story), str(speaker), str(role), words]
        body.append("<tr><td>" + "<td>".join(html.escape(c, quote=False) for c in cells))
    tid = "quotes-" + hashlib.md5("|".join(map(str, q["article_id"])).encode()).hexdigest()[:8]
    n, size = len(q), max(int(page_size), 1)
    pages = max(1, -(-n // size))
    js = {k: html.escape(_PAGER_JS.format(tid=tid, size=size, page=p), quote=True) for k, p in
          (("search", "0"), ("prev", f"+(document.getElementById('{tid}').dataset.p||0)-1"),
           ("next", f"+(document.getElementById('{tid}').dataset.p||0)+1"))}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    quoted = articles[articles["article_id"].isin(set(q["article_id"]))]
    groups = _group_values(articles, by, top)
    stories = "".join(
        f'<li value="{number[aid]}">{html.escape(str(g), quote=False)}: {_story_cell(t, u, aid)}'
        for aid, g, t, u in zip(quoted["article_id"], groups[quoted.index],
                                quoted["title"] if "title" in quoted else quoted["article_id"],
                                quoted["url"] if "url" in quoted else [""] * len(quoted)))
    return (f"<style>#{tid} td,#{tid} th{{text-align:left;vertical-align:top}}"
            f"#{tid} tbody tr:nth-child(n+{size + 1}){{display:none}}</style>"
            f'<div><input id="{tid}-q" type="search" placeholder="Search {n} quotations…" '
            f'style="width:50%;margin:4px 0" oninput="{js["search"]}"> '
            f'<button type="button" onclick="{js["prev"]}">‹ previous</button> '
            f'<button type="button" onclick="{js["next"]}">next ›</button> '
            f'<span id="{tid}-n">{n} quotations, page 1 of {pages}</span></div>'
            f'<table id="{tid}" style="font-size:85%;text-align:left">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f'<details><summary>The {len(quoted)} stories quoted, by number</summary>'
            f'<ol style="font-size:85%;text-align:left">{stories}</ol></details>')


def _wrap(label, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(label), width)[:3]) or str(label)


def _is_other(name) -> bool:
    return str(name).startswith("other ") or str(name).startswith("(unknown")


def plot_top_speakers(table: pd.DataFrame, colors: dict, top: int = 12, title: str = "", by: str | None = None):
    """Horizontal bars: words quoted directly of the most-quoted named speakers, stacked by group.

    In: :func:`speaker_table` output (its first column is the group: outlet, lean, …), the
    group colours (``group_colors``), how many speakers.  Unknown speakers and anonymous
    sources are not ranked (:func:`ranked_speakers`).  The legend, outside the bars, lists the
    groups drawn: the named ones, then the pooled "other …" in grey.
    Out: (figure, the rows plotted).
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    by = by or table.columns[0]
    keep = ranked_speakers(table[table["direct_quotes"] > 0], top)["speaker"].tolist()
    rows = table[table["speaker"].isin(keep) & (table["direct_quotes"] > 0)
                 & ~table["speaker_kind"].isin(["unknown", "anonymous"])]
    rows = rows.sort_values(["speaker", by]).reset_index(drop=True)
    totals = rows.groupby(by)["direct_words"].sum()
    order = sorted(totals.index, key=lambda g: (_is_other(g), -totals[g], str(g)))
    fig, ax = plt.subplots(figsize=figure_size(len(keep), width=9.5, per_row=0.42, base=1.8))
    labels = [_wrap(s, 26) for s in keep]
    left = pd.Series(0.0, index=keep)
    for g in order:
        part = (rows[rows[by] == g].groupby("speaker")["direct_words"].sum().reindex(keep).fillna(0))
        ax.barh(range(len(keep)), part.values, left=left.values, color=colors.get(g, OTHER_COLOR),
                label=_wrap(g, 24), edgecolor="white", linewidth=0.4)
        left += part
    for i, s in enumerate(keep):
        n = int(rows.loc[rows["speaker"] == s, "direct_quotes"].sum())
        ax.text(left[s], i, f"  n={n}", va="center", fontsize=8)
    ax.set_yticks(range(len(keep)), labels, fontsize=9)
    ax.set_ylim(len(keep) - 0.5 if keep else 0.5, -0.5)
    ax.set_xlim(0, max(float(left.max()) if len(left) else 1.0, 1.0) * 1.15)
    ax.set_xlabel("words inside quotation marks (n = quotations)")
    ax.set_title(title)
    if len(keep):
        ax.legend(title=by, fontsize=8, title_fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return fig, rows


def plot_shares(df: pd.DataFrame, x: str, y: str, colors: dict | None = None, n_col: str | None = None,
                xlabel: str = "", title: str = ""):
    """Horizontal bars of a share (0..1) per category, labelled with counts.

    In: a DataFrame (one row per named group plus the pooled "other …"), the share column
    ``x``, the category column ``y``, colours (by category; grey if missing), the column
    holding n for the labels.  Named groups in alphabetical order, "other …" last.
    Out: the figure.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    d = df.assign(_o=df[y].map(_is_other), _y=df[y].astype(str)).sort_values(["_o", "_y"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=figure_size(len(d), width=8.5, per_row=0.42, base=1.6))
    cols = [(colors or {}).get(v, OTHER_COLOR) for v in d[y]]
    ax.barh(range(len(d)), d[x], color=cols)
    if n_col:
        for i, r in d.iterrows():
            ax.text(r[x], i, f"  {r[x]:.0%} (n={int(r[n_col])})", va="center", fontsize=8)
    ax.set_yticks(range(len(d)), [_wrap(v, 26) for v in d[y]], fontsize=9)
    ax.set_xlim(0, 1.2)
    ax.set_ylim(len(d) - 0.5 if len(d) else 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_groups(shares: pd.DataFrame, title: str = "", by: str | None = None):
    """Stacked bars: each group's (outlet's, lean's, …) quoted words split by voice group (0..1).

    In: :func:`group_share` output (its first column is the group).  One bar per named group
    plus "other …" last, n of words beside each; the legend below the bars.  Out: the figure.
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, PALETTE, figure_size

    by = by or shares.columns[0]
    wide = shares.pivot(index=by, columns="group", values="share").fillna(0)
    wide = wide.loc[sorted(wide.index, key=lambda g: (_is_other(g), str(g)))]
    order = list(dict.fromkeys(shares["group"]))
    wide = wide.reindex(columns=order)
    words = shares.groupby(by)["words"].sum()
    voice_colors = [PALETTE[i * 3 % len(PALETTE)] for i in range(len(order))]
    fig, ax = plt.subplots(figsize=figure_size(len(wide), width=9, per_row=0.42, base=2.4))
    left = pd.Series(0.0, index=wide.index)
    for i, g in enumerate(order):
        color = OTHER_COLOR if g == "other" else voice_colors[i]
        ax.barh(range(len(wide)), wide[g], left=left, color=color, label=g)
        left += wide[g]
    for i, o in enumerate(wide.index):
        ax.text(1.01, i, f"n={int(words[o])} words", va="center", fontsize=8)
    ax.set_yticks(range(len(wide)), [_wrap(v, 26) for v in wide.index], fontsize=9)
    ax.set_xlim(0, 1.22)
    ax.set_ylim(len(wide) - 0.5 if len(wide) else 0.5, -0.5)
    ax.set_xlabel(f"share of the {by}'s quoted words")
    ax.set_title(title)
    if len(wide):      # no group, no bars: no legend (and no warning about one)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.45, -0.9 / figure_size(len(wide), width=9, per_row=0.42, base=2.4)[1]),
                  ncol=3)
    fig.tight_layout()
    return fig


def plot_speaker_sentiment(df: pd.DataFrame, colors: dict, top: int = 15, title: str = "", by: str | None = None):
    """Dots: mean compound of each speaker's quotations (range as a line), coloured by group.

    In: :func:`speaker_sentiment` output; only the ``top`` rows (speaker x group) with the most
    quotations are drawn, so the figure is bounded on any corpus.  Out: (figure, rows plotted).
    """
    import matplotlib.pyplot as plt

    from withdrawals.figures import OTHER_COLOR, figure_size

    by = by or df.columns[0]
    d = df.sort_values(["quotes", by, "speaker"], ascending=[False, True, True]).head(top)
    d = d.sort_values(["mean_compound", by, "speaker"]).reset_index(drop=True)
    labels = [_wrap(f"{s} ({o}, n={n})", 34) for s, o, n in zip(d["speaker"], d[by], d["quotes"])]
    fig, ax = plt.subplots(figsize=figure_size(len(d), width=9, per_row=0.45, base=1.6))
    for i, r in d.iterrows():
        c = colors.get(r[by], OTHER_COLOR)
        ax.plot([r["min_compound"], r["max_compound"]], [i, i], color=c, alpha=0.5, lw=2)
        ax.plot(r["mean_compound"], i, "o", color=c)
    ax.set_yticks(range(len(d)), labels, fontsize=8)
    ax.set_ylim(len(d) - 0.5 if len(d) else 0.5, -0.5)
    ax.axvline(0, color="#444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound of the speaker's quotations (dot: mean; line: range)")
    ax.set_title(title)
    fig.tight_layout()
    return fig, d
