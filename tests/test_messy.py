"""A messy real-world corpus: every kind of bad file and table, and what the user gets for each.

Each case says one of: loaded (no warning), loaded with a warning naming the file,
or skipped with a warning naming the file and the reason.  The good stories are
always all there, and every skip is a row of the cleaning report.
"""
import json
import tracemalloc
import warnings

import pandas as pd
import pytest

import utils

GOOD = ("Troops Leave Northern Syria\n\n"
        "About 1,000 U.S. troops began leaving northern Syria on Sunday, officials said.\n\n"
        "“We are going home,” said Sgt. Maria Lopez, a medic.\n")


def _load(source, **kw):
    """load_articles with every warning recorded: (articles, [warning texts])."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = utils.load_articles(source, **kw)
    return arts, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def _warned(msgs, *parts):
    """True when one warning contains every part."""
    return any(all(p in m for p in parts) for m in msgs)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """A folder with one file of each kind, and its metadata.csv (with its own problems)."""
    d = tmp_path_factory.mktemp("messy")
    files = {
        "a_good.txt": GOOD.encode(),
        "b_empty.txt": b"",
        "c_blank.txt": b" \n\t\n\n  \n",
        "d_cp1252.txt": "Pullout Begins\n\n“We’re leaving,” he said — finally.\n".encode("cp1252"),
        "e_latin1.txt": "Café Talks\n\nTalks at a café in Erbil went on.\n".encode("latin-1"),
        "f_utf16.txt": "Kurds Respond\n\nThe Kurds said “no” to the plan.\n".encode("utf-16"),
        "g_utf8bom.txt": "\ufeffBOM Headline Here\n\nThe BOM is not part of the title.\n".encode(),
        "h_crlf.txt": b"Windows Line Endings\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n",
        "i_binary.txt": bytes(range(256)) * 8,
        "j_title_only.txt": b"Only A Headline Here\n",
        "k_long.txt": ("US troops remain in Syria. " * 80000).encode(),      # 2.16 MB on one line
        "l_html.txt": (b"<h1>Markup Left In</h1>\n<p>Troops &amp; contractors left <b>Iraq</b>.</p>"
                       b"<p>It was&nbsp;quiet.<br/>Nobody spoke.</p>\n"),
        "m_duplicate.txt": GOOD.replace("Troops Leave Northern Syria", "Same Story, Other Title").encode(),
        "n_photo.jpg": b"\xff\xd8\xff\xe0 not a story",
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "metadata.csv").write_text(
        "file,outlet,published,section\n"
        "a_good.txt,Reuters,2019-10-13,World\n"
        "d_cp1252.txt,AP,2019-13-45,Politics\n"          # malformed date
        "h_crlf.txt,CNN\n"                                 # a row missing its last fields
        "zz_gone.txt,BBC,2019-10-14,World\n"              # names a file that is not there
        "a_good.txt,Duplicate Row,2020-01-01,World\n",     # the same file twice
        encoding="utf-8")
    arts, msgs = _load(d)
    return d, arts, msgs, utils.cleaning_report(arts)


LOADED_QUIETLY = ["a_good.txt", "g_utf8bom.txt", "h_crlf.txt", "k_long.txt"]
LOADED_WITH_WARNING = {"d_cp1252.txt": "decoded as cp1252", "e_latin1.txt": "decoded as cp1252",
                       "f_utf16.txt": "decoded as utf-16", "j_title_only.txt": "has a title but no body",
                       "l_html.txt": "HTML markup", "m_duplicate.txt": "same text as a_good-1"}
SKIPPED = {"b_empty.txt": "empty or blank", "c_blank.txt": "empty or blank", "i_binary.txt": "binary"}


def test_good_stories_are_all_there(messy):
    _, arts, _, _ = messy
    assert sorted(arts["source"]) == sorted(LOADED_QUIETLY + list(LOADED_WITH_WARNING))
    assert arts["article_id"].is_unique
    assert list(arts.columns[:9]) == utils.ARTICLE_COLUMNS


@pytest.mark.parametrize("name", LOADED_QUIETLY)
def test_clean_files_load_without_a_warning_about_them(messy, name):
    _, arts, msgs, _ = messy
    assert name in set(arts["source"])
    # the only warning naming h_crlf.txt is about its short metadata row, not its text
    assert not [m for m in msgs if name in m and "metadata" not in m]


@pytest.mark.parametrize("name,why", LOADED_WITH_WARNING.items())
def test_odd_files_load_with_a_warning_naming_them(messy, name, why):
    _, arts, msgs, _ = messy
    assert name in set(arts["source"])
    assert _warned(msgs, name, why)


@pytest.mark.parametrize("name,why", SKIPPED.items())
def test_bad_files_are_skipped_with_file_and_reason(messy, name, why):
    _, arts, msgs, rep = messy
    assert name not in set(arts["source"])
    assert _warned(msgs, name, "skipped", why)
    row = rep[rep["source"] == name]
    assert row["reason"].str.startswith("file skipped").any() and row["reason"].str.contains(why).any()


def test_text_of_each_odd_file(messy):
    _, arts, _, _ = messy
    a = arts.set_index("source")
    assert a.loc["d_cp1252.txt", "text"] == "“We’re leaving,” he said — finally."
    assert a.loc["e_latin1.txt", "title"] == "Café Talks"
    assert a.loc["f_utf16.txt", "text"] == "The Kurds said “no” to the plan."
    assert a.loc["g_utf8bom.txt", "title"] == "BOM Headline Here"
    assert a.loc["g_utf8bom.txt", "encoding"] == "utf-8-sig"
    assert a.loc["h_crlf.txt", "text"] == "First paragraph.\n\nSecond paragraph."
    assert a.loc["k_long.txt", "n_words"] == 400000 and a.loc["k_long.txt", "title"] == ""
    assert a.loc["j_title_only.txt", "text"] == "" and a.loc["j_title_only.txt", "n_words"] == 0


def test_html_markup_is_removed_and_reported(messy):
    _, arts, _, rep = messy
    story = arts.set_index("source").loc["l_html.txt"]
    assert story["title"] == "Markup Left In"
    assert story["text"] == "Troops & contractors left Iraq.\n\nIt was quiet.\n\nNobody spoke."
    (reason,) = rep.loc[(rep["source"] == "l_html.txt") & rep["reason"].str.startswith("HTML"), "reason"]
    assert reason == "HTML markup: 9 formatting tag(s) removed, 2 HTML entities decoded"


def test_duplicate_story_is_flagged_not_merged(messy):
    _, arts, _, rep = messy
    a = arts.set_index("source")
    assert a.loc["m_duplicate.txt", "duplicate_of"] == "a_good-1"
    assert a.loc["a_good.txt", "duplicate_of"] == ""
    assert (arts["duplicate_of"] != "").sum() == 1
    assert rep.loc[rep["source"] == "m_duplicate.txt", "reason"].str.startswith("same text as a_good-1").any()


def test_metadata_problems(messy):
    d, arts, msgs, rep = messy
    a = arts.set_index("source")
    # first row of a repeated file wins, and the repeat is reported
    assert a.loc["a_good.txt", "outlet"] == "Reuters"
    assert a.loc["a_good.txt", "published"] == pd.Timestamp("2019-10-13")
    assert _warned(msgs, "metadata.csv", "more than once", "a_good.txt")
    # malformed date: NaT and a warning naming the file and the value
    assert a.loc["d_cp1252.txt", "outlet"] == "AP" and pd.isna(a.loc["d_cp1252.txt", "published"])
    assert _warned(msgs, "d_cp1252.txt", "'2019-13-45' not understood")
    # a row with missing fields: what is there is used, the rest is empty
    assert a.loc["h_crlf.txt", "outlet"] == "CNN" and pd.isna(a.loc["h_crlf.txt", "published"])
    # a row for a file that is not in the folder
    assert _warned(msgs, "metadata.csv", "not in the folder", "zz_gone.txt")
    assert rep.loc[rep["source"] == "zz_gone.txt", "reason"].str.contains("not in the folder").all()
    # extra columns are kept; files without a row are named
    assert a.loc["a_good.txt", "section"] == "World" and a.loc["g_utf8bom.txt", "section"] == ""
    assert _warned(msgs, "g_utf8bom.txt", "no row in metadata.csv")
    # a file that is neither text nor a table is named, not read
    assert _warned(msgs, "n_photo.jpg", "not read")


def test_every_skip_and_warning_is_in_the_report(messy):
    _, arts, _, rep = messy
    assert list(rep.columns) == utils.REPORT_COLUMNS
    file_level = set(rep.loc[rep["line_no"] == 0, "source"])
    assert set(SKIPPED) | {"d_cp1252.txt", "f_utf16.txt", "l_html.txt", "m_duplicate.txt",
                           "j_title_only.txt", "zz_gone.txt", "n_photo.jpg"} <= file_level


def test_metadata_without_a_column_or_unreadable(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,AP\n", encoding="utf-8")
    arts, msgs = _load(tmp_path)
    assert arts["outlet"].tolist() == ["AP"] and arts["published"].isna().all()
    assert _warned(msgs, "metadata.csv", "no 'published' column")
    (tmp_path / "metadata.csv").write_text("outlet,published\nAP,2019-01-01\n", encoding="utf-8")
    arts, msgs = _load(tmp_path)
    assert len(arts) == 1 and _warned(msgs, "metadata.csv", "no 'file' column", "metadata ignored")
    (tmp_path / "metadata.csv").write_bytes("file,outlet\na.txt,Le Monde é\n".encode("cp1252"))
    arts, msgs = _load(tmp_path)
    assert arts["outlet"].tolist() == ["Le Monde é"]


def test_the_analysis_runs_on_the_messy_corpus(messy):
    _, arts, _, _ = messy
    out = utils.analyze_partition(arts)
    assert set(out["sentences"]["article_id"]) == set(arts.loc[arts["text"] != "", "article_id"])
    assert out["sentences"].loc[out["sentences"]["article_id"] == "k_long-1", "text"].str.len().max() < 100
    assert out["troops"].loc[out["troops"]["article_id"] == "a_good-1", "low"].tolist() == [1000]


def test_folder_with_nothing_to_read(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(ValueError, match=r"no \.txt files or tables.*photo.jpg"):
        utils.load_articles(tmp_path)


# ---------------------------------------------------------------- tables

def test_table_rows_with_null_empty_or_non_string_text(tmp_path):
    recs = [{"id": "s1", "title": "Fine", "text": "Troops left Syria."},
            {"id": "s2", "title": "Null", "text": None},
            {"id": "s3", "title": "Number", "text": 42},
            {"id": "s4", "title": "Object", "text": {"body": "x"}},
            {"id": "s5", "title": "Paragraphs", "text": ["First part.", "Second part."]},
            {"id": "s6", "title": "Empty", "text": "   "},
            {"id": 7, "title": 8, "text": "Numbers as id and title.", "outlet": 9}]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json at all\n", encoding="utf-8")
    arts, msgs = _load(path)
    assert arts["article_id"].tolist() == ["s1-1", "s5-1", "7-1"]
    assert arts.set_index("article_id").loc["s5-1", "text"] == "First part.\n\nSecond part."
    assert arts.set_index("article_id").loc["7-1", ["title", "outlet"]].tolist() == ["8", "9"]
    assert _warned(msgs, "t.jsonl", "1 row(s) skipped, no text (null) in column 'text' (rows 1)")
    assert _warned(msgs, "t.jsonl", "2 row(s) skipped, text is not a string in column 'text' (rows 2, 3)")
    assert _warned(msgs, "t.jsonl", "1 row(s) skipped, empty text", "(rows 5)")
    assert _warned(msgs, "t.jsonl", "row 4", "list of 2 strings")
    assert _warned(msgs, "t.jsonl", "not JSON objects", "lines 8")
    rep = utils.cleaning_report(arts)
    assert rep.loc[rep["source"] == "t.jsonl#row2", "reason"].tolist() == ["row skipped: text is a int (42), not a string"]
    with pytest.raises(ValueError, match=r"t.jsonl.*not JSON objects"):
        utils.load_articles(path, errors="raise")


def test_table_nulls_in_csv_and_parquet(tmp_path):
    df = pd.DataFrame({"title": ["A", "B", "C"], "text": ["Troops left.", None, "More troops left."]})
    df.to_parquet(tmp_path / "t.parquet")
    df.to_csv(tmp_path / "t.csv", index=False)
    for name in ("t.parquet", "t.csv"):
        arts, msgs = _load(tmp_path / name)
        assert arts["title"].tolist() == ["A", "C"]
        assert _warned(msgs, name, "1 row(s) skipped", "(rows 1)")


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_table_without_text_is_a_value_error_naming_the_column(tmp_path, suffix):
    df = pd.DataFrame({"title": ["A"], "outlet": ["AP"]})
    path = tmp_path / f"t.{suffix}"
    {"csv": lambda: df.to_csv(path, index=False), "parquet": lambda: df.to_parquet(path),
     "jsonl": lambda: df.to_json(path, orient="records", lines=True)}[suffix]()
    with pytest.raises(ValueError, match=r"no 'text' column.*columns found: title, outlet"):
        utils.load_articles(path)


def test_duplicated_ids_are_renamed_and_identical_texts_flagged(tmp_path):
    pd.DataFrame({"id": ["x", "x", "y", "x"],
                  "text": ["Troops left.", "Other text.", "Troops  LEFT.", "Third."]}).to_csv(tmp_path / "t.csv", index=False)
    arts, msgs = _load(tmp_path / "t.csv")
    assert arts["article_id"].tolist() == ["x-1", "x-1~1", "y-1", "x-1~2"]
    assert arts["duplicate_of"].tolist() == ["", "", "x-1", ""]
    assert _warned(msgs, "t.csv#row1", "'x-1' is used more than once", "'x-1~1'")
    assert _warned(msgs, "t.csv#row2", "same text as x-1")


def test_a_dataframe_is_a_table_too():
    arts = utils.load_articles(pd.DataFrame({"text": ["Troops left Syria.", "Troops left Iraq."],
                                             "outlet": ["AP", "AP"]}))
    assert arts["article_id"].tolist() == ["table-r0-1", "table-r1-1"]
    assert arts["outlet"].tolist() == ["AP", "AP"]


def test_ragged_csv_rows_are_skipped_and_named(tmp_path):
    (tmp_path / "t.csv").write_text('title,text\nA,"Troops left."\nB,"x",extra,fields\nC,"More troops."\n',
                                    encoding="utf-8")
    arts, msgs = _load(tmp_path / "t.csv")
    assert arts["title"].tolist() == ["A", "C"]
    assert _warned(msgs, "t.csv", "1 row(s) have more fields than the header")


# ---------------------------------------------------------------- size and memory

def test_a_50_mb_file_is_skipped_with_a_warning_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50_000_000)              # 50 MB (sparse: costs no disk or time)
    tracemalloc.start()
    try:
        arts, msgs = _load(tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert arts["source"].tolist() == ["a.txt"]
    assert _warned(msgs, "huge.txt", "skipped", "too large (50.0 MB, over max_bytes=20,000,000)")
    assert peak < 5_000_000, "the file was read although it is skipped"


def test_max_bytes_none_loads_a_big_file(tmp_path):
    (tmp_path / "big.txt").write_text("Big Story Headline\n\n" + "Troops left Syria today. " * 100_000,
                                      encoding="utf-8")            # 2.5 MB
    arts, msgs = _load(tmp_path / "big.txt", max_bytes=1_000_000)
    assert len(arts) == 0 and _warned(msgs, "big.txt", "too large (2.5 MB, over max_bytes=1,000,000)")
    arts, _ = _load(tmp_path / "big.txt", max_bytes=None)
    assert arts["n_words"].tolist() == [400_000]


def test_table_cell_over_max_bytes_is_skipped(tmp_path):
    pd.DataFrame({"text": ["Short story.", "x " * 600]}).to_csv(tmp_path / "t.csv", index=False)
    arts, msgs = _load(tmp_path / "t.csv", max_bytes=1000)
    assert arts["text"].tolist() == ["Short story."]
    assert _warned(msgs, "t.csv", "1 row(s) skipped, text too large", "(rows 1)")


def test_ten_thousand_files_load_in_memory_linear_in_the_corpus(tmp_path):
    """10,000 files stream through one at a time: peak memory stays a small multiple of the text."""
    n = 10_000
    for i in range(n):
        (tmp_path / f"s{i:05d}.txt").write_text(f"Story Number {i}\n\n{i} troops left base {i % 97}.\n",
                                                encoding="utf-8")
    tracemalloc.start()
    try:
        arts, msgs = _load(tmp_path, progress=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(arts) == n and arts["article_id"].is_unique and not msgs
    assert arts["text"].iloc[1234] == "1234 troops left base 70."
    per_story = peak / n
    assert per_story < 6_000, f"{per_story:.0f} bytes of peak memory per 50-byte story"


# ---------------------------------------------------------------- real scrapes: splits, ads, teasers
# Hand-written lines in the shape of scraped pages (none is copied from an article).

BODY = ("Hundreds of U.S. soldiers packed up equipment at the northern base on Monday as the drawdown "
        "entered its second week, two officials said. Convoys of trucks left before dawn, and local "
        "fighters took over the checkpoints that American troops had manned for three years.")
MORE = "The Pentagon declined to say how many troops would stay behind to guard the oil fields."


def _clean(*paragraphs, gap="\n\n", has_title=True):
    """clean_document on paragraphs joined by ``gap`` (a str, or a list: the break before each)."""
    gaps = gap if isinstance(gap, list) else [gap] * (len(paragraphs) - 1)
    text = paragraphs[0] + "".join(g + p for g, p in zip(gaps, paragraphs[1:]))
    return utils.clean_document(utils.normalize_text(text), has_title=has_title)


@pytest.mark.parametrize("head", [
    "Now: Running A Bakery In Ohio",                      # "where are they now" subheading
    "From the Right",                                     # opinion round-up section head
    "What Happens To The Base",                           # a plain subheading
    "Troops Home By Christmas! — Jane Roe (@janeroe) May 3, 2019",     # an embedded post
    "The Mission Is Over, But Not The Work",              # a pull quote set as a line
])
def test_a_subheading_after_a_wide_break_does_not_start_a_story(head):
    stories = _clean("Troops Pack Up At Northern Base", BODY, head, MORE, gap=["\n\n", "\n\n\n\n", "\n\n"])
    assert len(stories) == 1
    assert stories[0]["title"] == "Troops Pack Up At Northern Base"
    assert stories[0]["text"] == f"{BODY}\n\n{head}\n\n{MORE}"


def test_a_subheading_in_a_file_whose_paragraphs_all_have_wide_breaks_does_not_split():
    """Some scrapes put three blank lines after every paragraph: a wide break is no evidence there."""
    stories = _clean(BODY, "Officials Weigh Next Steps", "By Jane Roe", MORE, gap="\n\n\n\n", has_title=False)
    assert len(stories) == 1 and stories[0]["text"] == f"{BODY}\n\nOfficials Weigh Next Steps\n\n{MORE}"


@pytest.mark.parametrize("under, credits", [
    ("By Jane Roe", "By Jane Roe"),                       # a byline goes to the credits
    ("BY JANE ROE, Associated Press", "BY JANE ROE, Associated Press"),
    ("ANKARA, Turkey (AP) — Ministers met on Tuesday to discuss the border.", ""),
    ("(CNN) — Ministers met on Tuesday to discuss the border.", ""),
    ("Published: Jan. 8, 2025 10:04 a.m.", ""),
])
def test_a_headline_with_a_byline_or_dateline_after_a_wide_break_starts_a_second_story(under, credits):
    stories = _clean("Troops Pack Up At Northern Base", BODY, "Ministers Meet To Discuss Border Talks",
                     under, MORE, gap=["\n\n", "\n\n\n\n", "\n\n", "\n\n"])
    assert [s["title"] for s in stories] == ["Troops Pack Up At Northern Base",
                                             "Ministers Meet To Discuss Border Talks"]
    assert stories[0]["text"] == BODY
    assert stories[1]["text"] == (MORE if credits else f"{under}\n\n{MORE}")
    assert stories[1]["credits"] == credits


def test_a_headline_printed_twice_starts_a_second_story_even_without_a_wide_break():
    stories = _clean(BODY, "Ministers Meet To Discuss Border Talks", "Ministers Meet To Discuss Border Talks",
                     MORE, has_title=False)
    assert [s["title"] for s in stories] == ["", "Ministers Meet To Discuss Border Talks"]
    assert [s["text"] for s in stories] == [BODY, MORE]
    assert stories[1]["removed"] == [(5, "Ministers Meet To Discuss Border Talks", "repeated headline")]


def test_a_byline_after_an_ordinary_break_is_not_enough():
    stories = _clean("Troops Pack Up At Northern Base", BODY, "Ministers Meet To Discuss Border Talks",
                     "By Jane Roe", MORE)
    assert len(stories) == 1 and stories[0]["text"] == f"{BODY}\n\nMinisters Meet To Discuss Border Talks\n\n{MORE}"


AD_LINES = [
    ("Editor's Note: Strange Habit Cuts Your Power Bill In Half",
     "advertisement under an 'Editor's Note' label (a headline, not a note)"),
    ("This weird trick lets retirees claim $2,400 more a year", "click-bait advertisement (CLICKBAIT_PHRASES)"),
    ("Click here to get our free app", "'Click here' prompt"),
    ("CLICK HERE FOR MORE WORLD NEWS", "'Click here' prompt"),
    ("Sign up for our Morning Briefing newsletter", "newsletter or subscription prompt"),
    ("Subscribe to our podcast wherever you listen", "newsletter or subscription prompt"),
    ("Want the day's top stories in your inbox? Sign up here.", "newsletter or subscription prompt"),
    ("Get The Daily Digest. Sign up to receive the news. Choose your country Albania Algeria Andorra",
     "newsletter or subscription prompt"),
    ("Defense Brief: the week's news delivered to your inbox. By signing up you accept our terms.",
     "newsletter or subscription prompt"),
    ("Read more: Why The Base Mattered", "'READ MORE' teaser"),
    ("Generals split over the pace of the drawdown Read more",
     "related-story teaser (a headline followed by 'Read more')"),
    ("GET THE NEWS APP", "app download prompt"),
    ("If you enjoyed this article, please support our journalism with a gift.",
     "membership or donation pitch (PITCH_PHRASES)"),
    ("Facebook Twitter Pinterest Soldiers load a truck at the base. Photograph: Jane Roe/AP",
     "share buttons and the caption after them"),
    ("Photos: A year at the base Soldiers train at dawn. Soldiers eat in the mess hall.",
     "photo gallery ('Photos:' label and its captions)"),
    ("CLOSE The defense secretary explains the plan in a two-minute clip.",
     "video player text ('CLOSE' button and the clip's summary)"),
]


@pytest.mark.parametrize("line, reason", AD_LINES)
def test_each_ad_and_teaser_shape_is_removed_with_its_reason(line, reason):
    (story,) = _clean("Troops Pack Up At Northern Base", BODY, line, MORE)
    assert story["text"] == f"{BODY}\n\n{MORE}"
    assert story["removed"] == [(5, line, reason)]


@pytest.mark.parametrize("line", [
    "Editor's note: This story was updated to add the Pentagon's comment.",   # a note, not an ad
    "Editor's note: The author served two tours in Iraq and now teaches history.",
    "The officers used a simple trick to hide the convoy: they drove at night without lights, "
    "swapping trucks at each village so that no one could count them, a commander said.",
    "Readers who sign up for the ministry's newsletter learned of the pullout a day before the "
    "announcement, which angered lawmakers who had been told nothing, and three of them said so "
    "in a letter to the minister on Friday, asking why the public had been told first and why "
    "the embassy had not warned the families of soldiers posted at the base, some of whom "
    "learned of it from friends.",
    "Ukraine wants to become a member of the alliance, the minister said.",
    "Facebook and Twitter removed the posts on Tuesday.",
])
def test_news_sentences_that_share_words_with_ads_are_kept(line):
    (story,) = _clean("Troops Pack Up At Northern Base", BODY, line, MORE)
    assert story["text"] == f"{BODY}\n\n{line}\n\n{MORE}" and story["removed"] == []
