"""load_articles and cleaning_report on the seeds and on bad input written here."""
import json
import warnings

import pandas as pd
import pytest

import utils
from conftest import REPO


def test_seeds_give_six_stories_from_five_files(articles):
    assert len(articles) == 6
    assert articles["source"].nunique() == 5
    assert list(articles.columns[:9]) == utils.ARTICLE_COLUMNS
    assert articles["article_id"].is_unique
    assert str(articles["published"].dtype) == "datetime64[ns]"
    assert articles.loc[articles["source"].str.startswith("004"), "part"].tolist() == [1, 2]


def test_titles_of_both_stories_in_004(articles):
    titles = articles.set_index("article_id")["title"]
    assert titles["004_ad856336adfc54f5-1"] == "US Begins Withdrawing Forces from Syria, Cites ISIS Defeat"
    assert titles["004_ad856336adfc54f5-2"] == \
        "Khamenei Urges Iraq’s PM to Strengthen Popular Mobilization Forces"
    assert titles["000_a2688ac4dc815177-1"] == \
        "Donald Trump plans to withdraw US troops out of Syria despite ISIS warning"


def test_dates_and_outlets_from_metadata(articles):
    a = articles.set_index("article_id")
    assert a.loc["001_7df7893154ea7ee7-1", "outlet"] == "USA Today"
    assert a.loc["001_7df7893154ea7ee7-1", "published"] == pd.Timestamp("2018-12-19")
    assert a.loc["003_86c5981c9b9eee3a-1", "outlet"] == "Daily Express"
    assert a.loc["003_86c5981c9b9eee3a-1", "published"] == pd.Timestamp("2020-08-20")
    assert a.loc["004_ad856336adfc54f5-1", "outlet"] == "Asharq Al-Awsat"
    assert a.loc["004_ad856336adfc54f5-2", "published"] == pd.Timestamp("2025-01-08")
    assert a.loc["000_a2688ac4dc815177-1", "outlet"] == ""   # left blank, not guessed


def test_repeated_paragraph_and_caption_of_004_appear_once(story):
    text = story("004", 1)
    assert text.count("We have started returning United States troops home") == 1
    assert "Darbasiya" not in text            # the photo caption is gone entirely
    assert "\nTT\n" not in text and not text.startswith("TT")
    assert not text.startswith("US Begins")   # the headline's repeat is not body
    second = story("004", 2)
    assert "(Iranian presidency)" not in second
    assert second.startswith("Iran and Iraq have acknowledged Syria")
    # the paragraph broken in the middle of a sentence is joined back
    assert "Masoud Pezeshkian to discuss regional developments" in second


def test_cleaning_report_lists_each_removed_line_with_reason():
    rep = utils.cleaning_report(REPO / "seeds")
    assert list(rep.columns) == utils.REPORT_COLUMNS
    by = {(r.source[:3], r.line_no): r.reason for r in rep.itertuples()}
    assert by[("000", 3)].startswith("photo caption (short unpunctuated")     # "US president Donald Trump"
    assert by[("001", 3)] == "repeated headline"
    assert by[("001", 36)] == "related-link line"                            # "More: Syria conflict..."
    assert by[("001", 44)].startswith("credit line")                         # "Contributing: ..."
    assert {by[("001", n)] for n in (47, 49, 51)} == {"page footer or widget"}
    assert by[("002", 13)] == "'READ MORE' teaser"
    assert by[("003", 13)] == "'READ MORE' teaser"
    assert by[("003", 41)].startswith("source line")                         # "source: express.co.uk"
    assert by[("004", 5)].startswith("watermark") and by[("004", 62)].startswith("watermark")
    assert by[("004", 16)] == "repeated paragraph"
    captions = rep[rep["reason"].str.startswith("photo caption (ends")]
    assert len(captions) == 8 and captions["line"].str.endswith(")").all()
    assert len(rep) == 24


def test_credit_lines_become_metadata(articles):
    a = articles.set_index("article_id")
    assert a.loc["001_7df7893154ea7ee7-1", "credits"] == "Contributing: Kim Hjelmgaard and David Jackson"
    assert "Contributing" not in a.loc["001_7df7893154ea7ee7-1", "text"]
    assert a.loc["003_86c5981c9b9eee3a-1", "credits"] == "source: express.co.uk"


def test_text_keeps_curly_quotes_and_paragraph_layout(articles):
    text = articles.set_index("article_id").loc["000_a2688ac4dc815177-1", "text"]
    assert "“just get it done”" in text and "America’s" in text
    assert "\u00a0" not in text and "\n\n\n" not in text
    paras = text.split("\n\n")
    assert len(paras) == 19 == articles.set_index("article_id").loc["000_a2688ac4dc815177-1", "n_paragraphs"]
    assert paras[0].startswith("President Donald Trump wants to pull all America’s troops")


def test_general_furniture_rules():
    raw = ("Big Headline About Troops\n\nBy Jane Roe\n\nWASHINGTON (AP) — Troops left on Monday.\n\n"
           "JUST WATCHED\n\nVideo: Troops leave base\n\nSen. Jane Doe Jane Q. DoeDoe pushes new bill MORE "
           "(R-Maine) said it was wrong.\n\nAdvertisement\n\nCopyright 2019 The Associated Press. "
           "All rights reserved.\n\nAssociated Press writer Bob Poe contributed to this report.")
    (story,) = utils.clean_document(utils.normalize_text(raw))
    assert story["title"] == "Big Headline About Troops"
    assert story["text"] == ("WASHINGTON (AP) — Troops left on Monday.\n\n"
                             "Sen. Jane Doe (R-Maine) said it was wrong.")
    reasons = [r for _, _, r in story["removed"]]
    assert reasons == ["byline: moved to metadata", "video teaser line", "video teaser line",
                       "name pop-up (hover card) inlined after a name", "page footer or widget",
                       "copyright footer", "credit line (contributed): moved to metadata"]
    assert "Bob Poe" in story["credits"]


def test_normalisation():
    assert utils.normalize_text("\ufeffa\u200bb\r\nc\rd\u00a0 e") == "ab\nc\nd e"
    assert utils.normalize_text("Cafe\u0301") == "Café"
    # two single marks written for one double mark are that mark; an apostrophe stays
    assert utils.normalize_text("“It is over,’’ he said. ‘‘Go,” she said. It’s done.") == \
        "“It is over,” he said. “Go,” she said. It’s done."


def test_normalisation_guards_skip_only_substitutions_that_change_nothing():
    """normalize_text runs a substitution only on a text it changes; the result is the same as
    running all three on every text, and _key is the same as its plain split-and-join."""
    import random

    from withdrawals import corpus as C

    rng = random.Random(3)
    pieces = ["a", "B", " ", "  ", "\n", " \n ", "\t", "\u00a0", "\u2009", "\u3000", "\u200b", "\u00ad",
              "\ufeff", "\x0c", "\x85", "\u2028", "ß", "İ", "“", "word"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for t in texts:
        plain = C._LINE_EDGES.sub("\n", C._SPACES.sub(" ", C._ZERO_WIDTH.sub("", t))).strip(" ")
        assert C.normalize_text(t) == plain, repr(t)
        assert C._key(t) == " ".join(t.casefold().split()), repr(t)


# ---------------------------------------------------------------- bad input

def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_bad_files_skip_warn_and_others_still_load(tmp_path):
    _write(tmp_path / "a_good.txt", "Good Headline\n\nTroops left Syria on Monday.\n".encode())
    _write(tmp_path / "b_empty.txt", b"")
    _write(tmp_path / "c_blank.txt", b"  \n\n \t\n")
    _write(tmp_path / "d_binary.txt", bytes(range(256)) * 4)
    _write(tmp_path / "e_cp1252.txt", "Headline\n\n\u201cWe\u2019re leaving,\u201d he said.\n".encode("cp1252"))
    _write(tmp_path / "f_latin1.txt", "Headline\n\nCaf\u00e9 in Qamishli \u00c2\x81.\n".encode("latin-1"))
    _write(tmp_path / "g_utf16.txt", "Headline\n\nTroops \u201cleft\u201d.\n".encode("utf-16"))
    _write(tmp_path / "h_title_only.txt", "Just A Headline\n".encode())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = utils.load_articles(tmp_path)
    msgs = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert any("b_empty.txt" in m and "empty or blank" in m for m in msgs)
    assert any("c_blank.txt" in m and "empty or blank" in m for m in msgs)
    assert any("d_binary.txt" in m and "binary" in m for m in msgs)
    assert any("e_cp1252.txt" in m and "cp1252" in m for m in msgs)
    assert any("f_latin1.txt" in m and "latin-1" in m for m in msgs)
    assert any("g_utf16.txt" in m and "utf-16" in m for m in msgs)
    assert any("h_title_only.txt" in m and "no body" in m for m in msgs)
    assert sorted(arts["source"]) == ["a_good.txt", "e_cp1252.txt", "f_latin1.txt", "g_utf16.txt",
                                      "h_title_only.txt"]
    a = arts.set_index("source")
    assert a.loc["e_cp1252.txt", "text"] == "“We’re leaving,” he said."
    assert a.loc["e_cp1252.txt", "encoding"] == "cp1252"
    assert a.loc["g_utf16.txt", "text"] == "Troops “left”."
    assert a.loc["h_title_only.txt", "text"] == "" and a.loc["h_title_only.txt", "n_words"] == 0
    rep = utils.cleaning_report(arts)
    skipped = rep[rep["reason"].str.startswith("file skipped")]
    assert sorted(skipped["source"]) == ["b_empty.txt", "c_blank.txt", "d_binary.txt"]


def test_errors_raise_turns_skips_into_exceptions(tmp_path):
    _write(tmp_path / "a_good.txt", b"Headline\n\nBody text here.\n")
    _write(tmp_path / "b_binary.txt", b"\x00\x01\x02PK\x03\x04" * 100)
    with pytest.raises(ValueError, match="b_binary.txt.*binary"):
        utils.load_articles(tmp_path, errors="raise")


def test_missing_path_raises_naming_it(tmp_path):
    missing = tmp_path / "nowhere" / "articles.csv"
    with pytest.raises(FileNotFoundError, match="nowhere"):
        utils.load_articles(missing)


def test_long_single_line_file(tmp_path):
    body = "US troops remain in Syria. " * 80000        # about 2 MB on one line
    _write(tmp_path / "long.txt", body.encode())
    arts = utils.load_articles(tmp_path / "long.txt")
    assert len(arts) == 1 and arts["title"].iloc[0] == ""      # too long to be a headline
    assert arts["n_words"].iloc[0] == 400000 and arts["n_paragraphs"].iloc[0] == 1


def test_tables_csv_jsonl_parquet(tmp_path):
    rows = pd.DataFrame({"title": ["One", "Two"], "text": ["First story body.", "Second story.\n\nMore."],
                         "outlet": ["Reuters", "AP"], "published": ["2019-10-14", "2019-10-15T08:00:00Z"],
                         "url": ["https://example.org/1", ""]})
    rows.to_csv(tmp_path / "t.csv", index=False)
    rows.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    rows.to_parquet(tmp_path / "t.parquet")
    for name in ("t.csv", "t.jsonl", "t.parquet"):
        arts = utils.load_articles(tmp_path / name)
        assert arts["article_id"].tolist() == ["t-r0-1", "t-r1-1"]
        assert arts["source"].tolist() == [f"{name}#row0", f"{name}#row1"]
        assert arts["title"].tolist() == ["One", "Two"]
        assert arts["outlet"].tolist() == ["Reuters", "AP"]
        assert arts["published"].tolist() == [pd.Timestamp("2019-10-14"), pd.Timestamp("2019-10-15 08:00")]
        assert arts["n_paragraphs"].tolist() == [1, 2]


def test_table_without_text_column(tmp_path):
    pd.DataFrame({"headline": ["x"], "words": ["y"]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(ValueError, match=r"t.csv: no 'text' column.*columns found: headline, words"):
        utils.load_articles(tmp_path / "t.csv")
    pd.DataFrame({"body": ["Troops left."]}).to_csv(tmp_path / "b.csv", index=False)
    with pytest.warns(UserWarning, match=r"b.csv: no 'text' column; the text is read from 'body'"):
        arts = utils.load_articles(tmp_path / "b.csv")
    assert arts["text"].tolist() == ["Troops left."]


def test_load_is_stable_across_runs(articles):
    again = utils.load_articles(REPO / "seeds")
    pd.testing.assert_frame_equal(articles, again)


# ---------------------------------------------------------------- the corpus notebook at any size

def _big_corpus(n=600, outlets=60):
    """A table of ``n`` stories from ``outlets`` outlets (outlet k has about n/(k+1) stories), some undated."""
    weights = [1 / (k + 1) for k in range(outlets)]
    counts = [max(1, round(n * w / sum(weights))) for w in weights]
    rows = []
    for k, c in enumerate(counts):
        for j in range(c):
            i = len(rows)
            rows.append({"id": f"s{i}", "title": f"Story {i} From Outlet {k}", "outlet": f"The Outlet Number {k} Daily",
                         "published": "" if i % 7 == 0 else f"{2013 + i % 8}-{1 + i % 12:02d}-15",
                         "url": f"https://example.org/{i}",
                         "text": (f"Sign up for our newsletter\n\nTroops left base {i} on Monday, officials said. "
                                  + "They drove north. " * (10 + i % 300))})
    return pd.DataFrame(rows[:n] if len(rows) >= n else rows)


@pytest.fixture(scope="module")
def big():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return utils.load_articles(_big_corpus(), progress=False)


def _png_size(path):
    from PIL import Image
    with Image.open(path) as im:
        return im.size


def test_corpus_figures_are_bounded_and_group_the_rest_on_600_stories(big, tmp_path):
    import matplotlib.pyplot as plt
    utils.set_style()
    report = utils.cleaning_report(big)
    figs = {"timeline": utils.plot_corpus_timeline(big), "words": utils.plot_words_per_story(big),
            "cleaning": utils.plot_cleaning(utils.cleaning_summary(report, big), big)}
    labels = {k: [t.get_text() for t in f.axes[0].get_yticklabels()] for k, (f, _) in figs.items()}
    assert len(labels["timeline"]) == len(labels["words"]) == 13          # 12 outlets named + "other outlets"
    assert labels["timeline"][-1].startswith("other outlets (n=")
    assert labels["words"][0].startswith("The Outlet Number 0 Daily (n=")
    assert labels["cleaning"] == ["newsletter or subscription prompt"]
    for name, (fig, _) in figs.items():
        size = _png_size(utils.save_figure(fig, figs[name][1], f"01-{name}", tmp_path))
        assert max(size) <= 2400 and min(size) >= 300, (name, size)
        plt.close(fig)


def test_seeds_keep_one_bar_per_story(articles):
    import matplotlib.pyplot as plt
    utils.set_style()
    fig, data = utils.plot_words_per_story(articles)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == sorted(articles["article_id"])
    assert list(data.columns) == ["article_id", "outlet", "group", "title", "n_words", "n_paragraphs"]
    plt.close(fig)


def test_cleaning_figure_counts_lines_by_reason_and_outlet(articles):
    import matplotlib.pyplot as plt
    report = utils.cleaning_report(articles)
    fig, data = utils.plot_cleaning(utils.cleaning_summary(report, articles), articles)
    plt.close(fig)
    assert data["lines"].sum() == 24 == (report["line_no"] > 0).sum()
    row = data[(data["reason"] == "'READ MORE' teaser")]
    assert row[["group", "lines", "stories"]].values.tolist() == [["Daily Express", 2, 2]]


def test_corpus_prose_on_the_seeds(articles):
    facts = utils.corpus_facts(articles, utils.cleaning_report(articles), REPO / "seeds")
    prose = utils.corpus_prose(facts)
    assert prose["bottom_line"] == (
        "**Bottom line.** 6 stories from 5 files, 6 dated, April 2018 to January 2025; the largest outlet, "
        "Asharq Al-Awsat, has 2 stories, and each of the 3 outlets has two or fewer.\n"
        "Cleaning removed or changed 24 lines in 6 stories (most often: photo caption (ends with a photo credit in "
        "brackets), 8); 1 file carried more than one story; the other notebooks read these same cleaned stories, "
        "so what is said here limits everything said there.\n"
        "Outlets and dates come from `metadata.csv` beside the files; a field nobody could establish is left "
        "blank, not guessed (1 story without an outlet).")
    heads = [c.split("**")[1] for c in prose["caveats"]]
    assert heads == ["Outlets and dates are only as good as `metadata.csv`.", "1 story without an outlet",
                     "Cleaning rules are general, not tuned to these files",
                     "6 stories, at most 2 per outlet, are a handful.", "The stories span 7 years (2018–2025)",
                     "1 file carried more than one story"]


def test_corpus_prose_on_a_large_table(big):
    facts = utils.corpus_facts(big, utils.cleaning_report(big), pd.DataFrame())
    assert (facts["stories"], facts["groups"], facts["largest_n"], facts["other_groups"]) == (600, 60, 128, 48)
    prose = utils.corpus_prose(facts)
    assert "metadata.csv" not in prose["bottom_line"] + "".join(prose["caveats"])
    assert "the table's own columns" in prose["bottom_line"] and "86 without a date" in prose["bottom_line"]
    assert not any("a handful" in c for c in prose["caveats"])
    assert any(c.startswith(f"**Figures name the 12 outlets with most stories**; the other 48 "
                            f"({facts['other_stories']} stories)") for c in prose["caveats"])
    assert not any("carried more than one story" in c for c in prose["caveats"])


def test_grouping_by_another_column_and_by_year(big):
    years = utils.group_values(big, "year")
    assert set(years) == {""} | {str(y) for y in range(2013, 2021)}
    lean = big.assign(lean=["left", "right", ""] * 200)
    assert utils.story_groups(lean, "lean").value_counts().to_dict() == {
        "left": 200, "right": 200, "(unknown outlet)": 200}
    assert list(utils.corpus_overview(lean, by="lean")["lean"]) == ["(unknown outlet)", "left", "right"]
    with pytest.raises(ValueError, match="GROUP_BY='colour' is not a column"):
        utils.group_values(big, "colour")


def test_show_table_links_titles_and_escapes():
    table = pd.DataFrame({"title": ["<b>Troops</b> leave", "No link", "Bad link"],
                          "url": ["https://example.org/a?b=1&c=2", "", "javascript:alert(1)"],
                          "published": pd.to_datetime(["2019-10-13", None, "2020-01-02"])})
    page = utils.show_table(table).to_html()
    assert '<a href="https://example.org/a?b=1&amp;c=2">&lt;b&gt;Troops&lt;/b&gt; leave</a>' in page
    assert "javascript" not in page and ">Bad link<" in page and ">2019-10-13<" in page
    assert page.count("<tr") == 4 and "url" not in page
    assert utils.show_table(table, rows=1).to_html().count("<tr") == 2


def test_removed_lines_by_reason_on_the_seeds(articles):
    table = utils.removed_lines_by_reason(utils.cleaning_report(articles))
    assert table["lines"].sum() == 24
    assert table.iloc[0][["reason", "lines", "stories"]].tolist() == [
        "photo caption (ends with a photo credit in brackets)", 8, 2]
    assert table.loc[table["reason"] == "'READ MORE' teaser", "example"].tolist() == ["READ MORE:"]


def test_guarded_furniture_rules_flag_the_lines_the_one_pattern_flags():
    """_flagged (guards before the costly rules) agrees with the plain alternation of all rules."""
    from withdrawals import corpus as C

    lines = [line for p in sorted((REPO / "seeds").glob("*.txt"))
             for line in C.normalize_text(p.read_text(encoding="utf-8")).split("\n") if line]
    lines += ["ſign up for our newsletter", "İf you enjoyed this article, support our journalism",
              "Copyright 2020 Foo", "SUBSCRİBE to our İNBOX", "(C) 2019 Example News",
              "Doctors hate this one weird trick", "Jane Roe contributed to this report.",
              "A Headline Here Read more", "Get the Example app for iPhone", "want more? get our newsletter",
              "Photo caption here (Reuters/Jane Roe)", "Watch: a clip", "\u212a\u017fcopyright",
              "Troops on patrol (AP Photo/Jane Roe).", "2020 Example News. All rights re\u017ferved.",
              "Jane Roe contributed reporting", "A Headline Here Read more:", "COPYRIGHT 2019 FOO"]
    lines += [line.upper() for line in lines] + [line.lower() for line in lines]
    for line in lines:
        assert C._flagged(line) == (C._ANY_RULE.match(line) is not None), line
