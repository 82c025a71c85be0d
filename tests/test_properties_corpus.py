"""Property tests (hypothesis) for loading and cleaning: arbitrary bytes and text never crash the
loader and never lose a file, a row or a line without saying so.

The analysis stages have their own property tests in test_properties.py.
"""
import string
import warnings

import matplotlib
import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

import utils

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Text a scraper might hand over: any character but lone surrogates, and the awkward ones often.
ODD = ["\u200b", "\ufeff", "\u00ad", "\u00a0", "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\u0085",
       "\u2028", "\u2029", "“", "”", "‘", "’", '"', "«", "»", "<p>", "</p>", "<br/>", "&amp;", "&nbsp;",
       "<script>alert(1)</script>", "MORE", "(Reuters)", "READ MORE", "By Jane Roe", "\n", "\n\n", "\n\n\n"]
any_char = st.characters(exclude_categories=("Cs",))
fragment = st.one_of(st.text(any_char, max_size=30), st.sampled_from(ODD),
                     st.text(string.ascii_letters + " .,", min_size=1, max_size=80))
messy_text = st.one_of(st.text(any_char, max_size=300), st.lists(fragment, max_size=25).map("".join))


@given(messy_text)
@example("\ufeff\r\n \u200b\u00a0x \r\n")
def test_normalize_text_is_idempotent_and_removes_odd_characters(text):
    """normalize_text: no CR, BOM or zero-width characters left; applying it twice changes nothing."""
    out = utils.normalize_text(text)
    assert "\r" not in out and "\ufeff" not in out and "\u200b" not in out
    assert utils.normalize_text(out) == out


def _accounted(line: str, story: dict) -> bool:
    """A kept or removed line: it is the title, inside the text, or listed as removed."""
    return (line == story["title"] or line in story["text"]
            or any(line == removed for _, removed, _ in story["removed"]))


@given(messy_text, st.booleans())
@example("Big Headline Here\n\nBody.\n\nBody.\n\nphoto caption line", True)
@example("a\n\nb c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p\n\n\n"
         "Second Story Headline Here\n\nMore text.", True)
def test_clean_document_accounts_for_every_line(raw, has_title):
    """clean_document: every non-blank line ends up in a title, in a story's text, or in ``removed``."""
    text = utils.normalize_text(raw)
    stories = utils.clean_document(text, has_title=has_title)
    assert stories and all(set(s) == {"title", "text", "credits", "removed"} for s in stories)
    n_lines = len(text.split("\n"))
    for s in stories:
        assert "\n\n\n" not in s["text"] and not s["text"].startswith("\n")
        assert all(1 <= no <= n_lines for no, _, _ in s["removed"])
    for line in (ln for ln in text.split("\n") if ln):
        if "MORE" in line:          # a name pop-up is cut out of its line; the cut piece is listed
            continue
        assert any(_accounted(line, s) for s in stories), line


@given(st.lists(st.one_of(st.binary(max_size=400), messy_text.map(lambda t: t.encode("utf-8")),
                          messy_text.map(lambda t: t.encode("utf-16")),
                          messy_text.map(lambda t: t.encode("cp1252", errors="replace"))),
                min_size=1, max_size=5))
@settings(max_examples=40)
def test_a_folder_of_arbitrary_files_loads_and_names_every_file(tmp_path_factory, contents):
    """Any bytes in .txt files: load_articles returns the documented columns, and every file is
    either a story's source or a 'file skipped' row of the report."""
    folder = tmp_path_factory.mktemp("any")
    names = [f"f{i}.txt" for i in range(len(contents))]
    for name, data in zip(names, contents):
        (folder / name).write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = utils.load_articles(folder)
    rep = utils.cleaning_report(arts)
    assert list(arts.columns[:9]) == utils.ARTICLE_COLUMNS and list(rep.columns) == utils.REPORT_COLUMNS
    assert arts["article_id"].is_unique
    assert (arts["n_words"] >= 0).all() and (arts["n_paragraphs"] >= 0).all()
    skipped = set(rep.loc[rep["reason"].str.startswith("file skipped"), "source"])
    for name in names:
        assert (name in set(arts["source"])) != (name in skipped), name
    for t in arts["text"]:
        assert "\r" not in t and "\n\n\n" not in t


cell = st.one_of(messy_text, st.none(), st.integers(), st.floats(allow_nan=True),
                 st.lists(st.text(max_size=20), max_size=3), st.booleans())


@given(st.lists(st.tuples(cell, cell, st.one_of(st.text(max_size=12), st.none()), st.sampled_from(
    ["id-a", "id-a", "id-b", None, 7]), st.one_of(st.text(max_size=25), st.none())), min_size=1, max_size=6))
@settings(max_examples=50)
def test_a_table_of_arbitrary_values_loads_and_names_every_row(rows):
    """Any values in a table's text, title, outlet, id and date columns: the loader never raises, ids are
    unique, and every row gives a story or a 'row skipped' line naming it."""
    table = pd.DataFrame(rows, columns=["text", "title", "outlet", "id", "published"], dtype=object)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = utils.load_articles(table)
    rep = utils.cleaning_report(arts)
    assert arts["article_id"].is_unique
    assert str(arts["published"].dtype) == "datetime64[ns]"
    assert arts["title"].map(lambda v: isinstance(v, str)).all()
    skipped = set(rep.loc[rep["reason"].str.startswith("row skipped"), "source"])
    for i in range(len(table)):
        assert (f"table#row{i}" in set(arts["source"])) != (f"table#row{i}" in skipped)
    assert set(arts.loc[arts["duplicate_of"] != "", "duplicate_of"]) <= set(arts["article_id"])


@given(st.lists(st.tuples(messy_text, st.sampled_from(["", "AP", "Reuters", "<b>x</b>", "$5 & $3"]),
                          st.sampled_from(["", "2019-10-13", "not a date", "2025-01-08T10:00:00Z"])),
                max_size=5))
@settings(max_examples=15)
@example([])
@example([("", "AP", ""), ("   ", "", "not a date")])
def test_corpus_summaries_and_figures_never_raise(rows):
    """corpus_overview, cleaning_summary and the three corpus figures work on whatever loaded."""
    table = pd.DataFrame(rows, columns=["text", "outlet", "published"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = utils.load_articles(table)
    overview = utils.corpus_overview(arts)
    assert overview["stories"].sum() == len(arts)
    assert set(overview["outlet"]) == set(utils.outlet_names(arts))
    summary = utils.cleaning_summary(utils.cleaning_report(arts), arts)
    assert set(arts["article_id"]) <= set(summary["article_id"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # no warning from our own drawing code either
        for fig, _ in (utils.plot_corpus_timeline(arts), utils.plot_words_per_story(arts),
                       utils.plot_cleaning(summary), utils.plot_cleaning(summary, arts, top=1),
                       utils.plot_corpus_timeline(arts, by="year", top=2)):
            fig.canvas.draw()
            plt.close(fig)
    report = utils.cleaning_report(arts)
    groups = utils.story_groups(arts, "outlet", top=1)
    assert len(groups) == len(arts) and groups.nunique() <= 3      # the top one, unknown, "other outlets"
    assert (utils.group_values(arts, "outlet") == arts["outlet"]).all()
    by_reason = utils.removed_lines_by_reason(report)
    assert by_reason["lines"].sum() == (report["line_no"] > 0).sum()
    facts = utils.corpus_facts(arts, report, table, by="outlet", top=1)
    assert facts["stories"] == len(arts) and facts["other_groups"] == max(facts["groups"] - 1, 0)
    prose = utils.corpus_prose(facts)
    assert f"{len(arts):,} stor" in prose["bottom_line"] and "metadata.csv" not in prose["bottom_line"]
    page = utils.show_table(arts[["article_id", "title", "url", "published"]], rows=3).to_html()
    assert "<script" not in page.lower() and page.count("<tr") == min(len(arts), 3) + 1


@given(st.one_of(st.binary(max_size=300), messy_text.map(lambda t: ("file,outlet,published\n" + t).encode()),
                 st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "", "zz.txt", "a.txt "]),
                                    st.text(max_size=10), st.text(max_size=12)), max_size=5).map(
                     lambda rows: ("file,outlet,published\n" + "\n".join(
                         ",".join('"' + v.replace('"', '""') + '"' for v in r) for r in rows)).encode())))
@settings(max_examples=50)
@example(b'file,outlet\n"a.txt,AP\n')
def test_any_metadata_file_still_loads_every_story(tmp_path_factory, meta):
    """Whatever metadata.csv holds, both stories load; at worst the metadata is ignored with a warning."""
    folder = tmp_path_factory.mktemp("meta")
    (folder / "a.txt").write_text("Headline A\n\nTroops left Syria.", encoding="utf-8")
    (folder / "b.txt").write_text("Headline B\n\nTroops left Iraq.", encoding="utf-8")
    (folder / "metadata.csv").write_bytes(meta)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = utils.load_articles(folder)
    assert sorted(arts["source"]) == ["a.txt", "b.txt"]
    assert arts["outlet"].map(lambda v: isinstance(v, str)).all()
