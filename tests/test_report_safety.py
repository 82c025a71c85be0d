"""Article text is data, not markup: hostile titles, outlets, ids, quotes and lines show as text in the report.

The whole build runs on a small corpus whose titles, outlet names, file names,
quotations and removed lines carry script and event-handler payloads, mixed
with the messy files of a real scrape (empty, binary, other encodings, HTML,
a duplicate, a headline alone, a long line, broken metadata); the test reads
the HTML the build writes.
"""
import html
import re
import warnings
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import utils
from conftest import REPO
from withdrawals.build import build

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
IMG_ID = "<img src=x onerror=alert(3)>"        # as a file name, so in every article_id
PAYLOADS = [SCRIPT, IMG, IMG_ID]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Build every notebook on the hostile corpus; return {notebook stem: exported HTML}."""
    d = tmp_path_factory.mktemp("hostile")
    corpus = d / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        f"Troops Leave Syria {SCRIPT}\n\n"
        f"About 1,000 U.S. troops will leave northern Syria, officials said on Sunday {SCRIPT}.\n\n"
        f"“This is a {IMG} good day for peace,” said Gen. John Smith, the commander.\n\n"
        f"Some 2,000 soldiers remain in Iraq, Pentagon spokesman Tom Brown told reporters.\n", encoding="utf-8")
    (corpus / f"{IMG_ID}.txt").write_text(
        f"Kurds Fear Attack {IMG}\n\nTurkish forces were massing at the border {IMG}.\n\n"
        f"Soldiers at the border {SCRIPT} (Reuters)\n\n"
        f"“We feel betrayed and afraid,” Mazloum Abdi {SCRIPT} said in an interview.\n", encoding="utf-8")
    # and the messy files of a real scrape, so the whole collection is shown to survive them
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "cp1252.txt").write_bytes("Pullout Begins\n\n“We’re leaving,” he said.\n".encode("cp1252"))
    (corpus / "utf16.txt").write_bytes("Kurds Respond\n\nThe Kurds said “no” to 500 troops.\n".encode("utf-16"))
    (corpus / "title_only.txt").write_text("Only A Headline Here\n", encoding="utf-8")
    (corpus / "html.txt").write_text("<h1>Markup</h1><p>About 200 troops &amp; advisers left.</p>", encoding="utf-8")
    (corpus / "copy.txt").write_text((corpus / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "long.txt").write_text("US troops remain in Syria. " * 8000, encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        f"file,outlet,published,notes\na.txt,Outlet {SCRIPT},2019-10-13,x\n{IMG_ID}.txt,Paper {IMG},2019-10-14\n"
        "cp1252.txt,AP,not a date,y\ngone.txt,BBC,2019-10-15,z\n", encoding="utf-8")
    html_dir = d / "html"
    with warnings.catch_warnings(record=True) as seen:     # the build cleans the corpus: it warns, on purpose
        warnings.simplefilter("always")
        build(NOTEBOOKS, corpus, d / "figures", d / "cache", html_dir, jobs=2)
    said = [str(w.message) for w in seen]
    assert any("utf16.txt: not UTF-8" in m for m in said) and any("same text as a-1" in m for m in said)
    return {p.stem: p.read_text(encoding="utf-8") for p in html_dir.glob("*.html")}


class _Elements(HTMLParser):
    """Collect every script's text and every element's event-handler attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.handlers += [(tag, k, v) for k, v in attrs if k.startswith("on")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_every_notebook_built(report):
    assert sorted(report) == sorted([p.stem for p in NOTEBOOKS] + ["index"])


@pytest.mark.parametrize("stem", [p.stem for p in NOTEBOOKS])
def test_no_payload_is_markup(report, stem):
    page = report[stem]
    for p in PAYLOADS:
        assert p not in page, f"{p} is live markup in {stem}.html"
    parsed = _Elements()
    parsed.feed(page)
    assert not [s for s in parsed.scripts if re.search(r"alert\([123]\)", s)]
    assert not [h for h in parsed.handlers if "alert(" in (h[2] or "")]


@pytest.mark.parametrize("stem", [p.stem for p in NOTEBOOKS])
def test_payloads_appear_as_text(report, stem):
    """The titles, outlets and ids are still there, shown as the characters they are."""
    page = report[stem]
    shown = [p for p in PAYLOADS if html.escape(p, quote=False) in page or html.escape(p) in page]
    assert shown, f"no article data shown as text in {stem}.html"


def test_payloads_in_the_corpus_notebook_tables(report):
    page = report["01-corpus"]
    assert html.escape(IMG_ID, quote=False) + "-1" in page         # the article id
    # the titles table and the removed-lines table (a Styler) show the payloads escaped
    assert html.escape(f"Troops Leave Syria {SCRIPT}", quote=False) in page
    assert html.escape(f"Soldiers at the border {SCRIPT} (Reuters)", quote=False) in page


def test_payloads_in_the_quotes_table(report):
    page = report["03-speakers"]
    assert html.escape(f"This is a {IMG} good day for peace,", quote=False) in page or \
        html.escape(f"This is a {IMG} good day for peace,") in page


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_markdown_escaping_keeps_every_character_and_opens_no_tag(text):
    """utils.Markdown shows any text as itself: no '<' survives, and unescaping gives the text back."""
    shown = utils.Markdown(f"**{text}**").data
    assert "<" not in shown and ">" not in shown
    assert html.unescape(shown) == f"**{text}**"
    assert utils.escape_markup(text) == shown[2:-2]


def test_set_display_makes_styler_tables_escape_cells():
    import pandas as pd

    table = pd.DataFrame({"title": [SCRIPT], "outlet": ["$5 and $3"]})
    utils.set_display()
    page = table.style.hide(axis="index").to_html()
    assert SCRIPT not in page and html.escape(SCRIPT, quote=False) in page
    assert "tex2jax_ignore" in table._repr_html_()          # MathJax leaves "$5 and $3" alone


# --------------------------------------------------------------------------- the articles cache

_cache_texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=0, max_size=60)


@given(titles=st.lists(_cache_texts, min_size=1, max_size=4), texts=st.lists(_cache_texts, min_size=1, max_size=4))
def test_articles_cache_gives_back_exactly_what_load_articles_gives(tmp_path_factory, titles, texts):
    """load_articles_cached: cleaned once, read back the same table and report for any (hostile) text;
    articles_key is stable and changes with the corpus file's content; cleaning_report_cached agrees."""
    import pandas as pd

    d = tmp_path_factory.mktemp("cache")
    corpus = d / "own.csv"
    n = min(len(titles), len(texts))
    pd.DataFrame({"title": titles[:n], "text": [t + f" {SCRIPT} troops" for t in texts[:n]],
                  "outlet": [IMG] * n}).to_csv(corpus, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                 # blank texts etc. warn: every one is in the report
        fresh = utils.load_articles(corpus)
        first = utils.load_articles_cached(corpus, d / "cache")
        again = utils.load_articles_cached(corpus, d / "cache")
    for got in (first, again):
        pd.testing.assert_frame_equal(got, fresh)
        pd.testing.assert_frame_equal(utils.cleaning_report(got), utils.cleaning_report(fresh))
    pd.testing.assert_frame_equal(utils.cleaning_report_cached(corpus, d / "cache"), utils.cleaning_report(fresh))
    assert len(list((d / "cache" / "articles").glob("*.pkl"))) == 1
    key = utils.articles_key(corpus)
    assert key == utils.articles_key(corpus) and re.fullmatch(r"[0-9a-f]{16}", key)
    corpus.write_bytes(corpus.read_bytes() + b"\n")
    assert utils.articles_key(corpus) != key
