"""Article text is data, not markup: hostile titles, outlets, ids, quotes and lines show as text in the report.

The whole build runs on a small corpus whose titles, outlet names, file names,
quotations and removed lines carry script and event-handler payloads; the test
reads the HTML the build writes.
"""
import html
import re
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
    (corpus / "metadata.csv").write_text(
        f"file,outlet,published\na.txt,Outlet {SCRIPT},2019-10-13\n{IMG_ID}.txt,Paper {IMG},2019-10-14\n",
        encoding="utf-8")
    html_dir = d / "html"
    build(NOTEBOOKS, corpus, d / "figures", d / "cache", html_dir, jobs=2)
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
