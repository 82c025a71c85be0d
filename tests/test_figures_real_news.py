"""Troop figures, casualties, time frames and their sources on sentences written in the style of real
news (issue "Troop figures and time frames, on real news"): each exclusion, vague word, continuation
shape, place rule, source shape and time-frame kind is one exact case.
"""
import csv
from pathlib import Path

import pandas as pd
import pytest

import utils
from withdrawals import lexicon

COLS = ["span", "low", "high", "hedge", "unit", "actor", "place"]


def _tables(*texts):
    arts = pd.DataFrame({"article_id": [f"t{i}-1" for i in range(len(texts))], "text": list(texts)})
    return utils.extract_figures(arts), arts


def _troops(*texts):
    return [tuple(r) for r in _tables(*texts)[0]["troops"][COLS].itertuples(index=False)]


# --------------------------------------------------------------------------- only counts of troops

@pytest.mark.parametrize("text", [
    "In all, 453 soldiers from the United Kingdom who died in Afghanistan were honoured.",
    "The deaths of 2,000 fighters shocked Iraq.",
    "The strike caused brain injuries of 34 service members in Iraq.",
    "Some 110 service members were evacuated or treated for injuries in Iraq.",
    "About 2,400 U.S. troops have died since 2001 in Afghanistan.",
    "There had been only about 625 U.S. troop fatalities in Afghanistan.",
    "The attack killed 13 U.S. troops in Kabul.",
    "Officials said 17 troops with brain injuries have returned to duty in Iraq.",
])
def test_casualties_are_never_troop_figures(text):
    figures, _ = _tables(text)
    assert figures["troops"].empty
    assert len(figures["casualties"]) == 1


def test_a_list_after_a_casualty_figure_counts_casualties():
    figures, _ = _tables("The U.N. gave a total of 759 people killed in December, including 661 civilians "
                         "and 98 members of the security forces in Iraq.")
    cas = figures["casualties"]
    assert figures["troops"].empty
    assert sorted(cas["low"].tolist()) == [98, 661, 759]


@pytest.mark.parametrize("text", [
    "The 329-member parliament voted to expel U.S. troops from Iraq.",
    "A 15-member council was formed in Syria to run the city.",
    "Critics warned of a million-man police state.",
    "The SDF holds 2,000 ISIS fighters in prisons in Syria.",
    "About 10,000 captured ISIS fighters are held in Syria.",
    "Kurdish forces captured 500 fighters near Raqqa in Syria.",
    "Some 12,000 Islamic State fighters who are held in detention camps in Syria.",
    "2019 Withdrawing troops from Syria 45 percent",
    "The attack brought the number of American troops killed in Afghanistan this year to 16.",
    "The group is one of Iraq's Iranian-backed Shia militias.",
])
def test_bodies_detainees_table_years_and_rhetoric_are_not_troop_figures(text):
    assert _troops(text) == []


def test_a_wound_word_after_the_unit_makes_an_injury():
    figures, _ = _tables("We had five soldiers hit in the head with a brick in Iraq.")
    assert figures["troops"].empty
    assert figures["casualties"][["low", "kind"]].values.tolist() == [[5, "injury"]]


def test_a_joint_force_is_other_and_each_force_apart_keeps_its_actor():
    assert [(r[1], r[5]) for r in _troops("The Taliban want all of the approximately 20,000 U.S. and NATO "
                                          "troops out of Afghanistan. About 14,000 US troops and 8,000 NATO "
                                          "troops are in Afghanistan.")] == [
        (20000, "other"), (14000, "us"), (8000, "other")]


def test_post_hedges_odd_and_at_most():
    assert [(r[1], r[3]) for r in _troops("The 30,000-odd American troops in South Korea stay. The White House "
                                          "will agree to about 10,000 troops at most in Afghanistan.")] == [
        (30000, "about"), (10000, "up_to")]


def test_a_member_count_of_a_military_body_is_a_troop_figure():
    assert _troops("A 300-member U.S. contingent is in Syria. A 5,000-man force went to Iraq.") == [
        ("300-member U.S. contingent", 300, 300, "exact", "contingent", "us", "Syria"),
        ("5,000-man force", 5000, 5000, "exact", "force", "us", "Iraq")]


# --------------------------------------------------------------------------- vague amounts

@pytest.mark.parametrize("text, low, high", [
    ("Hundreds of American troops remain in Syria.", 200, 900),
    ("Thousands of U.S. soldiers are in Iraq.", 2000, 9000),
    ("Several hundred Marines arrived in Iraq.", 300, 900),
    ("A few hundred U.S. troops will stay in Syria.", 200, 500),
    ("Only a few hundred troops are left in Iraq.", 200, 500),
    ("Dozens of soldiers were sent to Iraq.", 24, 99),
    ("Tens of thousands of troops are in Germany.", 20000, 90000),
    ("Turkey could move thousands more troops into Syria.", 2000, 9000),
])
def test_vague_amounts_are_hedged_vague_with_their_range(text, low, high):
    rows = _troops(text)
    assert [(r[1], r[2], r[3]) for r in rows] == [(low, high, "vague")]


def test_a_range_is_not_vague():
    assert _troops("About 20,000 to 30,000 troops are in Iraq.") == [
        ("About 20,000 to 30,000 troops", 20000, 30000, "about", "troops", "us", "Iraq")]


# --------------------------------------------------------------------------- continuations and lists

def test_continuations_carry_unit_actor_and_place():
    rows = _troops("The U.S. has 14,000 troops in Afghanistan, and Trump is upping the total to 16,000. "
                   "The plan would keep 5,500 in theater thereafter.")
    assert rows == [("14,000 troops", 14000, 14000, "exact", "troops", "us", "Afghanistan"),
                    ("16,000", 16000, 16000, "exact", "troops", "us", "Afghanistan"),
                    ("5,500", 5500, 5500, "exact", "troops", "us", "Afghanistan")]


def test_a_verb_of_change_continues_the_previous_sentence_of_the_paragraph_only():
    rows = _troops("Obama sent 30,000 more troops to Afghanistan. The force was later brought down to 9,800. "
                   "He wanted to cut it to just 5,500 by 2016.\n\nHe will cut 3,000 jobs by 2020.")
    assert [r[1] for r in rows] == [30000, 9800, 5500]
    assert {r[6] for r in rows} == {"Afghanistan"}


def test_a_change_from_a_to_b_gives_two_figures():
    assert [(r[1], r[6]) for r in _troops("The U.S. will reduce its troops in Iraq from 5,200 to 3,000.")] == [
        (5200, "Iraq"), (3000, "Iraq")]


@pytest.mark.parametrize("text, unit, place", [
    ("He could send 10,000, 20,000, 30,000 personnel to Iraq.", "personnel", "Iraq"),
    ("They debated 10,000 or 15,000 or 25,000 Marines for Afghanistan.", "Marines", "Afghanistan"),
])
def test_a_list_of_numbers_before_one_unit_gives_one_figure_each(text, unit, place):
    rows = _troops(text)
    assert len(rows) == 3 and {(r[4], r[6]) for r in rows} == {(unit, place)}
    assert [r[0][:6] for r in rows[:2]] == [rows[0][0], rows[1][0]]     # the first two: the number alone


# --------------------------------------------------------------------------- places

def test_a_role_is_never_a_place_and_a_story_about_no_one_country_has_no_context_place():
    rows = _troops("The U.S. ambassador to Lithuania met the press.\n\nGovernors activated 41,500 National "
                   "Guardsmen to respond to the protests.")
    assert [(r[1], r[6]) for r in rows] == [(41500, "")]


def test_the_story_country_is_the_context_place_of_a_figure_with_no_place_of_its_own():
    story = ("Syria is where the U.S. has fought ISIS since 2014. Kurdish fighters in Syria lost towns.\n\n"
             "The president said the remaining 2,000 troops would leave soon.")
    figures, _ = _tables(story)
    row = figures["troops"].iloc[0]
    assert (row["low"], row["place"], row["place_from"]) == (2000, "Syria", "context")


def test_the_country_means_a_country_of_this_or_the_previous_paragraph():
    story = ("Iraq is the main story. Iraq and Iraq again.\n\nIt comes after the US pulled troops out of Germany.\n\n"
             "Nearly 12,000 American forces will be withdrawn from the country.")
    row = _tables(story)[0]["troops"].iloc[0]
    assert (row["place"], row["place_from"]) == ("Germany", "context")


def test_a_place_of_the_paragraph_comes_before_the_story_country():
    story = ("Syria, Syria and Syria: the war in Syria.\n\nThe U.S. sent troops to Kuwait last year. "
             "About 3,000 of those soldiers remain.")
    row = _tables(story)[0]["troops"].iloc[-1]
    assert (row["low"], row["place"], row["place_from"]) == (3000, "Kuwait", "paragraph")


def test_where_clause_and_next_door_place_the_figure():
    assert [r[6] for r in _troops("Kuwait, where some 13,000 US troops are stationed, is a key ally.",
                                  "The U.S. also has thousands of troops in next-door Kuwait.",
                                  "The U.S. will send 14,000 troops to the Mideast.")] == [
        "Kuwait", "Kuwait", "Middle East"]


def test_a_capital_standing_for_its_government_is_not_the_story_country():
    story = ('"We are not leaving Iraq," the secretary said.\n\n"This is exactly what Tehran wanted," '
             'a senator said.\n\nAn official said about 2,500 troops would remain.')
    row = _tables(story)[0]["troops"].iloc[0]
    assert (row["place"], row["place_from"]) == ("Iraq", "context")


# --------------------------------------------------------------------------- sources

SOURCES = [
    ("About 2,000 U.S. troops will leave Syria, officials said.", "unnamed officials", "anonymous"),
    ("According to the Pentagon, 5,200 troops remain in Iraq.", "Pentagon", "organization"),
    ('"We will bring home all 2,000 troops," Trump said.', "Trump", "person"),
    ("The Pentagon said 4,000 troops would stay in Afghanistan.", "Pentagon", "organization"),
    ("There are 900 U.S. troops in Syria.", "reporter", "reporter"),
    ("Defense Secretary Mark Esper told reporters that 3,000 troops would go to Saudi Arabia.",
     "Mark Esper", "person"),
    ("About 12,000 troops are in Germany, according to Pentagon figures.", "Pentagon", "organization"),
]


@pytest.mark.parametrize("text, source, kind", SOURCES)
def test_each_figure_names_who_gives_it(text, source, kind):
    figures, arts = _tables(text)
    row = utils.figure_sources(figures["troops"], utils.extract_quotes(arts)).iloc[0]
    assert (row["source"], row["source_kind"]) == (source, kind)


def test_analyze_gives_the_troop_table_its_sources():
    arts = pd.DataFrame({"article_id": ["a-1"], "text": [SOURCES[0][0] + " " + SOURCES[4][0]]})
    troops = utils.analyze(arts)["troops"]
    assert troops["source"].tolist() == ["unnamed officials", "reporter"]


# --------------------------------------------------------------------------- time frames

@pytest.mark.parametrize("text, span, low, unit, kind", [
    ("The president ordered 2,000 troops home from Syria within 30 days.", "within 30 days", 30, "day",
     "withdrawal"),
    ("The Taliban agreed to a ceasefire within 10 days so that U.S. forces can leave.", "within 10 days", 10,
     "day", "withdrawal"),
    ("The embassy will be evacuated within 48 hours.", "within 48 hours", 48, "hour", "withdrawal"),
    ("He promised to bring the war to an end within 16 months.", "within 16 months", 16, "month",
     "withdrawal"),
    ("The Pentagon will send 3,000 troops to Saudi Arabia over the next two months.",
     "over the next two months", 2, "month", "deployment"),
    ("She called him within an hour of the attack.", "within an hour", 1, "hour", "other"),
    ("The budget will be cut over the next decade.", "over the next decade", 1, "decade", "other"),
    ("The budget will be cut over a decade.", "over a decade", 1, "decade", "other"),
])
def test_time_frames_have_a_kind(text, span, low, unit, kind):
    frames = _tables(text)[0]["timelines"]
    assert frames[["span", "low", "unit", "kind"]].values.tolist() == [[span, low, unit, kind]]


# --------------------------------------------------------------------------- the word lists

@pytest.mark.parametrize("path", sorted(lexicon.LEXICON.glob("*.*")), ids=lambda p: p.name)
def test_each_lexicon_file_is_well_formed(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "each file says its format in its first lines"
    assert path.suffix in (".txt", ".csv"), "a word list (.txt) or a table (.csv)"
    entries = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert entries, "not empty"
    assert all(ln == ln.strip() and "  " not in ln and "\t" not in ln for ln in entries), "no stray whitespace"
    assert len(entries) == len(set(entries)), "no duplicates"
    if path.suffix == ".csv":
        header, *rows = list(csv.reader(entries))
        assert all(len(r) == len(header) for r in rows), "every row has the header's columns"
        comment = "\n".join(ln for ln in lines if ln.startswith("#"))
        assert all(col in comment for col in header), "the comment lines name every column"
        cells = [c for r in rows for cell in r for c in cell.split(";")]
        assert all(c == c.strip() and "  " not in c for c in cells), "no stray whitespace in a cell"
        keys = [tuple(r) if len(header) < 3 else tuple(r[:2]) for r in rows]
        assert len(keys) == len(set(keys)), "no entry twice"
    else:
        assert all(ln == ln.lower() for ln in entries)


@pytest.mark.parametrize("path", sorted(lexicon.LEXICON.glob("*.*")), ids=lambda p: p.name)
def test_each_lexicon_file_is_read_by_a_rule(path):
    code = "\n".join(f.read_text(encoding="utf-8") for f in Path(lexicon.__file__).parent.glob("*.py"))
    assert f'"{path.stem}"' in code, f"{path.name}: no module reads it"


def test_the_pre_filters_hold_every_word_of_the_lists_they_guard():
    from withdrawals import numbers as N

    units = [r["unit"] for r in lexicon.table("troop_units")]
    for w in units + list(lexicon.words("troop_level_words") + lexicon.words("casualty_nouns")):
        assert N._STEMS.search(w), w
    for w in lexicon.words("troop_level_words"):
        assert N._LEFT_STEMS.search(w), w
    for r in lexicon.table("casualty_words"):
        assert N._CAS_STEMS.search(r["word"]), r
        assert bool(N._STEMS.search(r["word"])) or r["needs_troops"] == "yes", r
    for r in lexicon.table("strength_suffixes"):
        assert N._STEMS.search("a 300-" + r["suffix"]), r
    for r in lexicon.table("timeframe_cues"):
        assert N._ANY_FRAME_CUE.search(r["cue"]), r
    for r in lexicon.table("number_words"):
        if r["kind"] not in ("prefix", "vague") and r["value"] != "0":
            assert N._has_number_word(" " + r["word"]) and N._has_number_word(r["word"]), r


def _spans(table, text):
    return _tables(text)[0][table][["span", "unit" if table == "troops" else "kind", "place"]].values.tolist()


def test_a_new_unit_word_in_the_lexicon_makes_troop_figures(temporary_lexicon):
    text = "The army sent 300 sappers to Iraq."
    assert _spans("troops", text) == []
    N = temporary_lexicon("troop_units.csv", "sappers,,no")
    assert N._STEMS.search(text.lower())                 # the pre-filter learnt the word too
    assert _spans("troops", text) == [["300 sappers", "sappers", "Iraq"]]


def test_a_new_country_in_the_lexicon_is_a_place(temporary_lexicon):
    text = "The US sent 300 troops to Freedonia."
    assert _spans("troops", text) == [["300 troops", "troops", ""]]
    temporary_lexicon("countries.csv", "Freedonia,,Freedonian;Freedonians")
    assert _spans("troops", text) == [["300 troops", "troops", "Freedonia"]]
    assert _spans("troops", "Some 300 troops are on Freedonian soil.") == [["Some 300 troops", "troops", "Freedonia"]]


def test_a_new_casualty_word_in_the_lexicon_makes_a_casualty(temporary_lexicon):
    text = "In Syria, 12 soldiers were martyred."
    assert _spans("troops", text) == [["12 soldiers", "soldiers", "Syria"]]
    temporary_lexicon("casualty_words.csv", "martyred,death,no,after")
    assert _spans("troops", text) == []
    assert _spans("casualties", text) == [["12 soldiers", "death", "Syria"]]
    # alone in its sentence, a new casualty word passes the sentence pre-filter
    assert _spans("casualties", "Twelve were martyred.") == [["Twelve", "death", ""]]


def test_a_new_hedge_in_the_lexicon_hedges_figures(temporary_lexicon):
    text = "The US has give or take 2,000 troops in Syria."
    assert _tables(text)[0]["troops"]["hedge"].tolist() == ["exact"]
    temporary_lexicon("hedges.csv", "about,give or take")
    assert _tables(text)[0]["troops"][["span", "hedge"]].values.tolist() == [["give or take 2,000 troops", "about"]]


def test_lexicon_loader_reads_a_list_and_a_table(tmp_path):
    (tmp_path / "w.txt").write_text("# format: one word a line\nsappers\n\n# comment\nlegionnaires\n",
                                    encoding="utf-8")
    (tmp_path / "t.csv").write_text("# format\nkind,cue\nwithdrawal,pull out\n", encoding="utf-8")
    assert lexicon.words("w", Path(tmp_path)) == ("sappers", "legionnaires")
    assert lexicon.table("t", Path(tmp_path)) == ({"kind": "withdrawal", "cue": "pull out"},)
    assert lexicon.pattern(["pull out"]).search("they will pull  out soon")
    assert not lexicon.pattern([]).search("anything")


def test_a_new_number_word_in_the_lexicon_is_read(temporary_lexicon):
    text = "The US sent three score soldiers to Iraq."
    assert _tables(text)[0]["troops"]["span"].tolist() == []
    temporary_lexicon("number_words.csv", "score,times,20")
    assert _tables(text)[0]["troops"][["span", "low"]].values.tolist() == [["three score soldiers", 60]]


def test_a_truce_or_pause_that_lets_forces_leave_is_a_withdrawal_time_frame():
    tl = _tables("Fighting went on despite the five-day peace agreement, a source said.\n\n"
                 "The initial 120-hour pause in the military operation ended on Tuesday.\n\n"
                 "The two armies agreed to a three-day truce.")[0]["timelines"]
    assert tl[["span", "low", "unit", "kind"]].values.tolist() == [
        ["five-day peace agreement", 5, "day", "withdrawal"],
        ["120-hour pause", 120, "hour", "withdrawal"],
        ["three-day truce", 3, "day", "withdrawal"]]


def test_a_time_frame_of_centuries_is_a_figure_of_speech():
    tl = _tables("The president said the senator, who opposed the decision to pull the troops out, would like "
                 "soldiers to stay in the region for the next 300 years.\n\n"
                 "The soldiers will be pulled out within 30 days.")[0]["timelines"]
    assert tl[["span", "low", "unit", "kind"]].values.tolist() == [
        ["for the next 300 years", 300, "year", "other"], ["within 30 days", 30, "day", "withdrawal"]]


def test_casualty_sentences_labels_and_lists_give_no_troop_figures():
    tables = _tables("The number of soldiers who were flown out of the country for brain injury treatment was 14.\n\n"
                     "Of the 40 troops diagnosed with concussions, 19 have returned to duty.\n\n"
                     "Three U.S. soldiers, one civilian interpreter and one contractor were killed in the blast.\n\n"
                     "archived recording 4 Troops of the regime —")[0]
    assert tables["troops"]["span"].tolist() == []
    cas = tables["casualties"]
    assert cas[["span", "low", "kind"]].values.tolist()[:2] == [["40 troops", 40, "injury"],
                                                            ["Three U.S. soldiers", 3, "death"]]


def test_troops_sent_to_a_region_take_the_destination_the_next_sentence_names():
    t = _tables("The Pentagon is sending 2,500 more troops to the Middle East. The soldiers will deploy to Saudi Arabia.\n\n"
                "The US sent 3,000 troops to Iraq. They will then go to Kuwait.\n\n"
                "About 1,000 troops will be moved to the Gulf. Officials did not say when.")[0]["troops"]
    assert t[["span", "place", "place_from"]].values.tolist() == [
        ["2,500 more troops", "Saudi Arabia", "destination"],
        ["3,000 troops", "Iraq", "sentence"],                 # a country already: kept
        ["About 1,000 troops", "Gulf", "sentence"]]            # no destination named: the region


def test_a_new_actor_word_in_the_lexicon_gives_the_actor(temporary_lexicon):
    text = "Some 300 Wagner fighters stayed in Syria."
    before = utils.extract_troop_mentions(pd.DataFrame({"article_id": ["t"], "text": [text]}))
    assert before["actor"].tolist() != ["other"]
    temporary_lexicon("actors.csv", "wagner,other,any")
    after = utils.extract_troop_mentions(pd.DataFrame({"article_id": ["t"], "text": [text]}))
    assert after[["span", "actor"]].values.tolist() == [["Some 300 Wagner fighters", "other"]]
