"""The build: a failing notebook fails `make` with the notebook and cell named, and leaves no report behind."""
import os
import shutil
import subprocess

import nbformat
import pytest

from conftest import REPO


def _notebook(path, *code):
    """Write a notebook: a parameters cell, a markdown cell, then the code cells."""
    cells = [nbformat.v4.new_code_cell("CORPUS = FIGURES = CACHE = None", metadata={"tags": ["parameters"]}),
             nbformat.v4.new_markdown_cell(f"# {path.stem}\n\nA notebook written by the test.")]
    cells += [nbformat.v4.new_code_cell(c) for c in code]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


@pytest.fixture(scope="module")
def failed_make(tmp_path_factory):
    """Run `make` on one good and one failing notebook, over an output folder holding an old report."""
    d = tmp_path_factory.mktemp("build")
    good = _notebook(d / "01-good.ipynb", "print('fine')")
    bad = _notebook(d / "02-bad.ipynb", "x = 1", "raise RuntimeError('the figure data is missing')")
    corpus = d / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "seeds" / "001_7df7893154ea7ee7.txt", corpus)
    out = d / "out"
    (out / "html").mkdir(parents=True)
    (out / "html" / "02-bad.html").write_text("<html>an old, complete-looking report</html>")
    env = {k: v for k, v in os.environ.items()        # not the outer make's flags, when run by `make test`
           if not k.startswith("PYTEST") and k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    proc = subprocess.run(
        ["make", "-C", str(REPO), f"NOTEBOOKS={good} {bad}", f"CORPUS={corpus}", f"OUT={out}",
         f"FIGURES={d / 'figures'}", f"CACHE={d / 'cache'}"],
        capture_output=True, text=True, env=env, timeout=600)
    return proc, out


def test_make_exits_non_zero(failed_make):
    proc, _ = failed_make
    assert proc.returncode != 0


def test_the_error_names_notebook_cell_and_exception(failed_make):
    proc, _ = failed_make
    assert "BUILD FAILED" in proc.stderr
    assert "02-bad.ipynb: cell 4 (code cell 3) failed" in proc.stderr
    assert "RuntimeError: the figure data is missing" in proc.stderr


def test_failed_notebook_leaves_no_report_and_the_good_one_is_built(failed_make):
    _, out = failed_make
    html = out / "html"
    assert not (html / "02-bad.html").exists(), "the old report of the failed notebook must go"
    assert (html / "01-good.html").stat().st_size > 10_000
    assert not list(html.glob("*.part"))
    assert not (out / ".built").exists(), "make must not mark a failed build as done"


def test_index_marks_the_failed_notebook(failed_make):
    _, out = failed_make
    page = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="01-good.html"' in page and 'href="02-bad.html"' not in page
    assert "FAILED, no report" in page and "the figure data is missing" in page


# --------------------------------------------------------------------------- the articles cache

def test_articles_cache_is_read_back_and_rebuilt_when_the_corpus_or_the_rules_change(tmp_path, monkeypatch):
    import pandas as pd

    import utils
    from withdrawals import cache as wcache

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "seeds" / "001_7df7893154ea7ee7.txt", corpus)
    first = utils.load_articles_cached(corpus, tmp_path / "cache")
    stored = list((tmp_path / "cache" / "articles").glob("*.pkl"))
    assert len(stored) == 1 and len(first) == 1
    calls = []
    monkeypatch.setattr("withdrawals.corpus.load_articles",
                        lambda *a, **k: calls.append(a) or pd.DataFrame())
    again = utils.load_articles_cached(corpus, tmp_path / "cache")      # read back: load_articles not called
    assert calls == [] and again["text"].tolist() == first["text"].tolist()
    assert len(utils.cleaning_report(again)) == len(utils.cleaning_report(first)) > 0
    monkeypatch.undo()

    (corpus / "002.txt").write_text("Troops Leave\n\nAbout 500 troops left Iraq, officials said.\n", encoding="utf-8")
    grown = utils.load_articles_cached(corpus, tmp_path / "cache")       # a new file: cleaned again
    assert len(grown) == 2
    key = utils.articles_key(corpus)
    monkeypatch.setattr(wcache, "_code_files", lambda: [REPO / "utils.py"])   # "another cleaning rule"
    assert utils.articles_key(corpus) != key
    monkeypatch.undo()

    path = tmp_path / "cache" / "articles" / f"{key}.pkl"
    path.write_bytes(b"not a pickle")                                     # corrupt: rebuilt, not an error
    assert len(utils.load_articles_cached(corpus, tmp_path / "cache")) == 2
    assert path.stat().st_size > 100


def test_build_log_names_stderr_and_make_is_quiet(tmp_path):
    """A notebook's stderr is left out of its page and named in the build log; no kernel TCP warning."""
    nb = _notebook(tmp_path / "01-noisy.ipynb", "import sys; print('a warning', file=sys.stderr)",
                   "print('kept output')")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTEST") and k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    proc = subprocess.run([str(REPO / ".venv" / "bin" / "python"), "-m", "withdrawals.build", "--corpus",
                           str(REPO / "seeds"), "--figures", str(tmp_path / "figures"), "--cache",
                           str(tmp_path / "cache"), "--html", str(tmp_path / "html"), str(nb)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "01-noisy.ipynb: code cell 2 wrote to stderr (left out of the page): a warning" in proc.stdout
    assert "TCP" not in proc.stderr and "WARNING" not in proc.stderr and "%|" not in proc.stderr
    page = (tmp_path / "html" / "01-noisy.html").read_text(encoding="utf-8")
    assert "<pre>kept output" in page and "<pre>a warning" not in page      # the code itself shows it, hidden
