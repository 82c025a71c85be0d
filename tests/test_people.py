"""One canonical name per person across a corpus (resolve_speakers, people), on synthetic corpora,
and the name check and quotation kinds of extract_quotes on written sentences."""
import pandas as pd
import pytest

import utils


def _quotes(rows):
    """A quotes table from (story, speaker, kind, mention) rows."""
    q = pd.DataFrame(rows, columns=["article_id", "speaker", "speaker_kind", "mention"])
    return q.assign(paragraph=0, quote="we go now", speaker_role="", cue="said", direct=True, start=0,
                    end=9, quote_words=3, quote_kind="quotation")


def test_two_trumps_stay_two_people_and_a_surname_joins_the_title_compatible_one():
    q = utils.resolve_speakers(_quotes([
        ("a", "Donald Trump", "person", "President Donald Trump"), ("b", "Donald J. Trump", "person", "Donald J. Trump"),
        ("c", "Trump", "person", "Mr. Trump"), ("d", "Melania Trump", "person", "Melania Trump"),
        ("e", "Add Donald Trump", "person", "Add Donald Trump")]))
    assert q["person"].tolist() == ["Donald Trump", "Donald Trump", "Donald Trump", "Melania Trump", "Donald Trump"]
    assert q["person_id"].tolist() == ["person:donald-trump"] * 3 + ["person:melania-trump", "person:donald-trump"]
    assert q["speaker"].tolist()[:3] == ["Donald Trump", "Donald J. Trump", "Trump"]     # story-level name kept


def test_ron_and_rand_paul_are_never_merged_and_a_bare_paul_stays_apart():
    q = utils.resolve_speakers(_quotes([
        ("a", "Ron Paul", "person", "Rep. Ron Paul"), ("b", "Rand Paul", "person", "Sen. Rand Paul"),
        ("c", "Paul", "person", "Paul")]))
    assert q["person_id"].tolist() == ["person:ron-paul", "person:rand-paul", "person:paul"]


def test_an_organisation_named_like_a_person_is_not_merged_with_one():
    q = utils.resolve_speakers(_quotes([
        ("a", "Ford", "organization", "Ford"), ("b", "Gerald Ford", "person", "Gerald Ford"),
        ("c", "unnamed official", "anonymous", "an official"), ("d", "", "unknown", "")]))
    assert q["person_id"].tolist() == ["organization:ford", "person:gerald-ford", "anonymous:unnamed-official", ""]
    assert q["person"].tolist() == ["Ford", "Gerald Ford", "unnamed official", ""]


def test_a_surname_shared_by_two_people_of_the_same_kind_stays_a_surname():
    q = utils.resolve_speakers(_quotes([
        ("a", "John Kelly", "person", "John Kelly"), ("b", "Mark Kelly", "person", "Mark Kelly"),
        ("c", "Kelly", "person", "Kelly")]))
    assert q["person_id"].tolist() == ["person:john-kelly", "person:mark-kelly", "person:kelly"]


def test_people_has_one_row_per_person_with_aliases_stories_and_outlets():
    q = utils.resolve_speakers(_quotes([
        ("a", "Donald Trump", "person", "Donald Trump"), ("a", "Trump", "person", "Trump"),
        ("b", "Donald J. Trump", "person", "Donald J. Trump"), ("b", "Pentagon", "organization", "the Pentagon"),
        ("c", "", "unknown", "")]))
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Fox", "CNN", "CNN"]})
    table = utils.people(q, arts)
    assert list(table.columns) == utils.PEOPLE_COLUMNS
    top = table.iloc[0]
    assert (top["person_id"], top["person"], top["kind"], top["n_quotes"], top["n_stories"]) == (
        "person:donald-trump", "Donald Trump", "person", 3, 2)
    assert top["aliases"] == "Donald J. Trump; Donald Trump; Trump" and top["outlets"] == "CNN; Fox"
    assert table["person_id"].tolist() == ["person:donald-trump", "organization:pentagon"]


def test_analyze_resolves_speakers_the_same_on_one_core_and_a_pool(articles):
    big = pd.concat([articles.assign(article_id=articles["article_id"] + f"-{i}") for i in range(3)],
                    ignore_index=True)
    one, two = utils.analyze(big, workers=1)["quotes"], utils.analyze(big, workers=2)["quotes"]
    pd.testing.assert_frame_equal(one, two)
    assert "person:donald-trump" in set(one["person_id"])


# --------------------------------------------------------------------------- names that are names

@pytest.mark.parametrize("written, name, kind", [
    ("Add Donald Trump", "Donald Trump", "person"),
    ("Does Trump", "Trump", "person"),
    ("Then-President George W. Bush", "George W. Bush", "person"),
    ("Businessman Donald Trump", "Donald Trump", "person"),
    ("Donald Trump Twitter", "Donald Trump", "person"),
    ("Al Jazeera Rob Reynolds", "Rob Reynolds", "person"),
    ("James Mattis James Norman MattisFormer Mattis", "James Mattis", "person"),
    ("Major-General Paul E. Funk II", "Paul E. Funk II", "person"),
    ("Brett McGurk", "Brett McGurk", "person"),
    ("Shelly Moore Capito", "Shelly Moore Capito", "person"),
    ("Mohammed Shia al-Sudani", "Mohammed Shia al-Sudani", "person"),
    ("Separately", "", "unknown"),
    ("Hide Caption", "", "unknown"),
    ("R-Tenn", "", "unknown"),
    ("Fla", "", "unknown"),
    ("Lna3oBZMKB", "", "unknown"),
    ("CNN", "CNN", "organization"),      # an outlet speaking is an organisation, never a person
    ("Twitter", "", "unknown"),          # a platform is no speaker
    ("Pentagon", "Pentagon", "organization"),
])
def test_a_speaker_must_be_a_name(written, name, kind):
    assert utils.clean_speaker(written, "organization" if written == "Pentagon" else "person") == (name, kind)


@pytest.mark.parametrize("text, kind", [
    ('"We will leave Syria within 30 days," Trump said.', "quotation"),
    ('The U.S.-backed "moderate" opposition lost ground.', "term"),
    ('The offensive, known as "Operation Peace Spring," began.', "term"),
    ('The war had no objective and no concept of "victory" in Iraq.', "term"),
    ('Carter said that although he "supports" the president, he disagrees.', "quotation"),
    ('Trump called the deal a "disaster" on Monday.', "quotation"),
    ('He appeared on "Face the Nation" on Sunday.', "term"),
])
def test_quotations_and_terms(text, kind):
    q = utils.extract_quotes(pd.DataFrame({"article_id": ["x-1"], "text": [text]}))
    assert q.loc[q["direct"], "quote_kind"].tolist() == [kind]


@pytest.mark.parametrize("written, name, kind", [
    ("Taliban", "Taliban", "organization"),
    ("Bosnia", "Bosnia", "organization"),
    ("I’d", "", "unknown"),
    ("SEALs", "", "unknown"),
    ("Cohen Never Trump", "Cohen", "person"),
    ("AFGHANISTAN-TALIBAN PEACE AGREEMENT", "", "unknown"),
    ("Tehran-based", "", "unknown"),
    ("Jazeera Rob Reynolds", "Rob Reynolds", "person"),
])
def test_groups_and_countries_are_organisations_and_fragments_unknown(written, name, kind):
    assert utils.clean_speaker(written, "person") == (name, kind)


def test_a_foreign_head_of_state_is_not_the_story_s_president():
    text = ('President Donald Trump met European leaders in Vienna.\n\n"We will stay," the Austrian president '
            'said.\n\n"We agree," the Finnish president said.')
    q = utils.extract_quotes(pd.DataFrame({"article_id": ["a-1"], "text": [text]}))
    assert "Donald Trump" not in set(q["speaker"])
    assert q["speaker_role"].tolist() == ["the Austrian president", "the Finnish president"]


def test_short_forms_diacritics_and_a_left_out_first_name_are_one_person():
    q = pd.DataFrame({"article_id": list("abcdefgh"),
                      "speaker": ["James Halloran", "Jim Halloran", "Recep Tayyip Demirel", "Tayyip Demirel",
                                  "Demirel", "Mevlüt Aksoy", "Mevlut Aksoy", "Jane Halloran"],
                      "speaker_kind": "person", "mention": "", "speaker_role": "", "quote": "x", "direct": True})
    out = utils.resolve_speakers(q)
    ids = out["person_id"].tolist()
    assert ids[0] == ids[1]                        # Jim is James
    assert ids[2] == ids[3] == ids[4]              # Tayyip Demirel and Demirel are Recep Tayyip Demirel
    assert ids[5] == ids[6]                        # Mevlüt is Mevlut
    assert ids[7] != ids[0]                        # Jane is not James
