"""The report's pages for readers, built on a synthetic corpus of 200 stories from 50 outlets.

One build of the four notebooks (module fixture) on ``tests/synthetic.py``'s
corpus; the tests read what a reader gets: the PNGs, the HTML pages, the
executed notebooks and the index.
"""
import json
import re
import struct
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from conftest import REPO
from synthetic import write_synthetic_corpus
from withdrawals.build import build, external_resources, lab_metadata, stderr_outputs

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))
MAX_PX = 2400
MAX_PAGE_BYTES = 2_500_000


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Build every notebook on the synthetic corpus; return the folders and the pages."""
    d = tmp_path_factory.mktemp("pages")
    corpus = write_synthetic_corpus(d / "corpus" / "synthetic.jsonl", n_stories=200, n_outlets=50)
    out = {"corpus": corpus, "figures": d / "figures", "html": d / "html", "executed": d / "executed"}
    build(NOTEBOOKS, corpus, out["figures"], d / "cache", out["html"], jobs=2, executed=out["executed"])
    out["pages"] = {p.stem: p.read_text(encoding="utf-8") for p in sorted(out["html"].glob("*.html"))}
    return out


class _Page(HTMLParser):
    """The title, links, scripts and stylesheets of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.links, self.scripts, self.styles, self._in_title = "", [], [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._in_title = tag == "title"
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "script":
            self.scripts.append(a.get("src") or "")
        if tag == "link" and "stylesheet" in (a.get("rel") or ""):
            self.styles.append(a.get("href") or "")

    def handle_endtag(self, tag):
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _parse(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    return p


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_every_page_built(report):
    assert sorted(report["pages"]) == sorted([p.stem for p in NOTEBOOKS] + ["index"])


def test_every_figure_fits_in_2400_px(report):
    pngs = sorted(report["figures"].glob("*.png"))
    assert len(pngs) >= 4 * len(NOTEBOOKS) - 4          # every notebook draws several figures
    too_big = {p.name: _png_size(p) for p in pngs if max(_png_size(p)) > MAX_PX}
    assert not too_big, f"figures over {MAX_PX} px a side (width, height): {too_big}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_is_titled_with_the_notebooks_first_heading(report, nb):
    heading = next(ln for c in nbformat.read(nb, as_version=4).cells if c.cell_type == "markdown"
                   for ln in c.source.splitlines() if ln.startswith("#"))
    title = _parse(report["pages"][nb.stem]).title.strip()
    assert title == re.sub(r"[*_`]", "", heading.lstrip("#").strip())
    assert title not in ("", "Notebook") and title[0].isdigit()


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stderr_in_the_executed_notebook_or_its_page(report, nb):
    executed = nbformat.read(report["executed"] / nb.name, as_version=4)
    assert stderr_outputs(executed) == []
    page = report["pages"][nb.stem]
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    assert "application/vnd.jupyter.stderr" not in page          # not even the template's style for it
    assert "it/s]" not in page and "IProgress" not in page


@pytest.mark.parametrize("stem", ["index"] + [p.stem for p in NOTEBOOKS])
def test_nothing_is_fetched_from_the_network(report, stem):
    page = report["pages"][stem]
    parsed = _parse(page)
    assert [s for s in parsed.scripts if re.match(r"(https?:)?//", s)] == []
    assert [s for s in parsed.styles if re.match(r"(https?:)?//", s)] == []
    assert external_resources(page) == []
    assert not [s for s in parsed.scripts if "mathjax" in s.lower() or "require" in s.lower()]
    assert "MathJax.Hub" not in page and "window.MathJax" not in page


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_links_back_to_the_index_and_to_its_csvs(report, nb):
    page = report["pages"][nb.stem]
    links = _parse(page).links
    assert links[0] == "index.html"
    csvs = [h for h in links if h.endswith(".csv")]
    prefix = nb.stem.split("-")[0] + "-"
    assert sorted(Path(h).name for h in csvs) == sorted(p.name for p in report["figures"].glob(f"{prefix}*.csv"))
    for h in csvs:
        assert (report["html"] / h).read_bytes() == (report["figures"] / Path(h).name).read_bytes()


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_is_hidden_and_parameters_left_out(report, nb):
    page = report["pages"][nb.stem]
    assert 'id="wd-show-code"' in page and '<label for="wd-show-code">' in page
    assert "#wd-show-code:not(:checked) ~ main .jp-CodeCell .jp-Cell-inputWrapper { display: none; }" in page
    assert "Parameters injected by the build" not in page
    assert str(report["corpus"]) not in page and str(REPO) not in page      # no absolute paths
    assert 'class="jp-InputPrompt' not in page                               # no "In [3]:" prompts


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_is_at_most_2_5_mb(report, nb):
    size = (report["html"] / f"{nb.stem}.html").stat().st_size
    assert size <= MAX_PAGE_BYTES, f"{nb.stem}.html is {size / 1e6:.1f} MB"


def test_index_links_every_page_and_describes_this_corpus(report):
    page = report["pages"]["index"]
    parsed = _parse(page)
    assert [h for h in parsed.links if h.endswith(".html")] == [f"{p.stem}.html" for p in NOTEBOOKS]
    assert "synthetic" in parsed.title
    assert ("200 stories from 50 outlets, published 2019-01-04 to 2020-12-26 (8 undated), "
            "read from the JSON Lines table synthetic.jsonl.") in page
    assert "metadata.csv" not in page


def test_dollar_signs_stay_text():
    """No MathJax: "between $1 million and $2 million" reads as written, in Markdown cells and outputs."""
    from withdrawals.build import export_page

    md = "It costs between $1 million and $2 million."
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 9 · A test page\n\n" + md),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/markdown": "Fixes cost $3 and $4 each."})])])
    page = export_page(nb)

    class Text(HTMLParser):
        text = ""

        def handle_data(self, data):
            self.text += data

    t = Text()
    t.feed(page)
    assert md in t.text and "Fixes cost $3 and $4 each." in t.text
    assert "\\(" not in page and "MathJax" not in page
    assert _parse(page).title == "9 · A test page"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_metadata_is_what_jupyterlab_writes(path):
    """Lab marks a notebook unsaved on opening when its kernelspec or language_info differ from the kernel's."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    want = lab_metadata()
    assert meta["metadata"]["kernelspec"] == want["kernelspec"]
    info, want_info = dict(meta["metadata"]["language_info"]), dict(want["language_info"])
    # the patch version is the user's Python's: compare major.minor (requirements.txt pins 3.11)
    assert info.pop("version").split(".")[:2] == want_info.pop("version").split(".")[:2]
    assert info == want_info
    assert (meta["nbformat"], meta["nbformat_minor"]) == (4, 5)
    assert sys.version_info[:2] == tuple(int(x) for x in want["language_info"]["version"].split(".")[:2])


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """The same four notebooks built on the six seed stories."""
    d = tmp_path_factory.mktemp("seeds-pages")
    build(NOTEBOOKS, REPO / "seeds", d / "figures", d / "cache", d / "html", jobs=2)
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((d / "html").glob("*.html"))}


def _text(page: str) -> str:
    """The words a reader sees: tags and the hidden code left out, spaces folded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<div class="jp-InputArea.*?</div>\s*</div>', " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_prose_follows_the_data_of_each_corpus(report, seeds_report):
    """Two corpora of different shapes give different pages where their data differ: story and
    outlet counts, where outlets and dates come from, and which caveats appear."""
    seeds = {k: _text(v) for k, v in seeds_report.items()}
    synth = {k: _text(v) for k, v in report["pages"].items()}
    assert "6 stories" in seeds["index"] and "200 stories" in synth["index"]
    assert "50 outlets" in synth["index"] and "50 outlets" not in seeds["index"]
    assert "metadata.csv" in seeds["01-corpus"] and "metadata.csv" not in synth["01-corpus"]
    for stem in ("02-sentiment", "03-speakers", "04-troop-numbers"):
        assert "other outlets" in synth[stem], stem           # 50 outlets: the rest are grouped
        assert "other outlets" not in seeds[stem], stem       # 5 outlets: every one named
    for stem in seeds:
        bottom = re.search(r"Bottom line\.(.{0,300})", seeds[stem])
        other = re.search(r"Bottom line\.(.{0,300})", synth[stem])
        if bottom and other:
            assert bottom.group(1) != other.group(1), stem
