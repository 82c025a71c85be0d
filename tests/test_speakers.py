"""Tests for withdrawals.speakers: quotations found and attributed, on the seeds and on
hand-written sentences in the styles of CNN, Fox News, The Hill, Reuters and AP.  The gold rows
of the seeds and of the hand-written stories (tests/fixtures/) are checked by test_fixtures.py."""
import pandas as pd
import pytest

import utils
from withdrawals import speakers as sp
from withdrawals.evaluation import load_fixture


def quotes_of(text, article_id="t"):
    """Quotes of one hand-written story (paragraphs separated by blank lines)."""
    return utils.extract_quotes(pd.DataFrame({"article_id": [article_id], "text": [text]}))


def speaker_of(q, snippet, direct=True):
    rows = q[q["quote"].str.contains(snippet, regex=False) & (q["direct"] == direct)]
    assert len(rows) == 1, f"{len(rows)} rows hold {snippet!r}:\n{q[['quote', 'speaker']]}"
    return rows.iloc[0]["speaker"], rows.iloc[0]["speaker_kind"]


# ------------------------------------------------------------------ the seed stories

@pytest.fixture(scope="module")
def seed_quotes(articles):
    return utils.extract_quotes(articles)


def test_seed_direct_quote_count(seed_quotes):
    direct = seed_quotes[seed_quotes["direct"] & ~seed_quotes["nested"]]
    assert direct.groupby("article_id").size().tolist() == [11, 10, 11, 10, 9, 10]


def test_quote_is_substring_of_story(seed_quotes, articles):
    texts = dict(zip(articles["article_id"], articles["text"]))
    for r in seed_quotes.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.quote


@pytest.mark.parametrize("prefix, part, snippet, speaker, kind", [
    ("000", 1, "Without us you wouldn’t last two weeks", "Donald Trump", "person"),   # "he allegedly told"
    ("000", 1, "As the president has maintained", "Sarah Sanders", "person"),          # "she added"
    ("000", 1, "The President blasted Obama", "unnamed administration official", "anonymous"),  # interrupted
    ("000", 1, "it’s time", "Donald Trump", "person"),                                 # "the president is insistent"
    ("000", 1, "situation at the border", "Donald Trump", "person"),                   # "Claiming “…,” he sent"
    ("001", 1, "I think it’s fair to say", "Brett McGurk", "person"),                  # “Q,” said X, role
    ("001", 1, "We still have a long way to go", "Joseph Dunford", "person"),          # surname -> full name
    ("002", 1, "The worst thing about this", "Angus King", "person"),                  # "The US Senator continued:"
    ("002", 1, "Iran likes the decision", "Angus King", "person"),                     # third paragraph of a run
    ("002", 1, "neutralise", "Recep Erdogan", "person"),
    ("002", 1, "the claws of hostile parties", "US-backed Syrian Democratic Forces", "organization"),  # "They warned"
    ("003", 1, "we’ll be leaving shortly", "Trump", "person"),                          # "he said" after another name
    ("003", 1, "That’s the mission he’s given us", "Mike Pompeo", "person"),           # continued paragraph
    ("004", 1, "during the Trump Presidency", "Donald Trump", "person"),               # "the Republican leader"
    ("004", 1, "Full withdrawal, all means all", "unnamed US official", "anonymous"),  # "the official said"
    ("004", 1, "We're not going to leave", "John Bolton", "person"),
    ("004", 2, "The indicators suggest", "Ali Khamenei", "person"),
    ("004", 2, "negotiations and agreements signed", "Mohammed Shia al-Sudani", "person"),  # "According to X, Y hoped"
    ("004", 2, "Iran constantly strives", "Masoud Pezeshkian", "person"),
])
def test_seed_speakers(seed_quotes, articles, prefix, part, snippet, speaker, kind):
    aid = articles[articles["article_id"].str.startswith(prefix) & (articles["part"] == part)]["article_id"].iloc[0]
    assert speaker_of(seed_quotes[seed_quotes["article_id"] == aid], snippet) == (speaker, kind)


def test_statement_resolves_to_organisation(seed_quotes):
    rows = seed_quotes[seed_quotes["quote"].str.startswith("We reaffirm our commitment")]
    assert rows["speaker_kind"].tolist() == ["organization"]
    assert rows["speaker"].tolist() == ["White House"]


def test_nested_single_quotes_stay_inside_and_get_a_row_of_their_own(seed_quotes):
    rows = seed_quotes[seed_quotes["quote"].str.contains("we defeated America", regex=False)]
    outer, inner = rows[~rows["nested"]], rows[rows["nested"]]
    assert len(outer) == 1 and outer.iloc[0]["quote"].startswith("This is a recruiting tool")
    assert inner["quote"].tolist() == ["we defeated America, we sent them home."]
    assert inner["speaker_kind"].tolist() == ["unknown"]            # nobody named inside the quotation
    assert utils.quotations_only(inner).empty                      # its words count under the outer one
    caliphate = seed_quotes[seed_quotes["nested"] & (seed_quotes["quote"] == "caliphate")]
    assert caliphate["quote_kind"].tolist() == ["term"]


def test_a_nested_quotation_goes_to_the_speaker_named_inside_the_outer_one():
    q = quotes_of('Pompeo said: "Obama promised \'a new beginning.\' He failed. The soldiers\' families know it."')
    inner = q[q["nested"]]
    assert inner[["quote", "speaker", "cue"]].values.tolist() == [["a new beginning.", "Obama", "promised"]]


def test_reported_speech_rows(seed_quotes):
    rep = seed_quotes[~seed_quotes["direct"]]
    assert speaker_of(rep, "was intent on handing responsibility", direct=False) == ("Sarah Sanders", "person")
    assert speaker_of(rep, "President Donald Trump wants to pull", direct=False) == ("unnamed officials", "anonymous")
    assert speaker_of(rep, "the US would keep a military presence", direct=False) == ("John Bolton", "person")
    # "is said to have exasperated" is passive: nobody speaks
    assert not rep["quote"].str.contains("exasperated").any()


def test_roles_kept(seed_quotes):
    sanders = seed_quotes[seed_quotes["speaker"] == "Sarah Sanders"]["speaker_role"]
    assert "White House press secretary" in set(sanders)
    assert "Angus King" in set(seed_quotes["speaker"])
    king = seed_quotes[seed_quotes["speaker"] == "Angus King"]["speaker_role"].iloc[0]
    assert king == "US Independent Senator"


# ------------------------------------------------------------------ hand-written stories

CNN = """Washington (CNN) President Donald Trump on Wednesday defended his decision, telling reporters that the troops are "coming home."

"We've won against ISIS," Trump said in a video posted to Twitter. "Our boys are all coming back, and they're coming back now."

JUST WATCHED

Trump: "We have won against ISIS"

Replay

More Videos ...

MUST WATCH

Sen. Lindsey Graham, a South Carolina Republican and close ally of the President, called the move "a huge Obama-like mistake."

A senior administration official told CNN the decision was made Tuesday. "The President has made his decision," the official said."""

HILL = """Sen. Bob Corker Robert (Bob) Phillips CorkerCorker slams Trump over Syria MORE (R-Tenn.) said Wednesday that the decision was "made without any process."

"I've never seen a decision like this," Corker told reporters. "It's hard to believe."

Senate Majority Leader Mitch McConnell (R-Ky.) said in a statement that he was "particularly concerned" about the decision.

"Simply put, this is a grave error," the Kentucky Republican added."""

AP = """BEIRUT (AP) — Kurdish-led fighters in Syria said Thursday that the U.S. withdrawal was "a stab in the back."

"The decision will have dangerous repercussions on world stability," the Syrian Democratic Forces said in a statement.

Mazloum Abdi, the SDF commander, told The Associated Press that his forces would "continue the fight."

"We are not going to leave our positions," he said. "We will defend our people.

"Nobody can push us out."

Russian President Vladimir Putin welcomed the move, saying "Donald is right."

Trump in Moscow, as seen in a file photo, says "I love Russia." (AP Photo/Evan Vucci)"""

FOX = """White House press secretary Sarah Sanders said in a statement that the U.S. "has started returning" troops.

"These victories do not signal the end of the Global Coalition," she said.

Sources told Fox News that the decision was made after a call with Turkish President Recep Tayyip Erdogan.

Sen. Marco Rubio, R-Fla., called the move a "grave mistake."

"It's a major blunder," Rubio said. "If it isn't reversed it will haunt this administration."

"It is not a calendar," said Adm. John Kirby, the Pentagon press secretary, adding that "we are not going to telegraph our moves.\""""

STRAY = """The minister said the plan "would fail.

He added that it was "a disaster" and "a shame, and then left.

They have won," the commander said.

"Unclosed at the end"""


def test_cnn_style():
    q = quotes_of(CNN)
    assert speaker_of(q, "coming home") == ("Donald Trump", "person")
    assert speaker_of(q, "Our boys are all coming back") == ("Donald Trump", "person")
    assert speaker_of(q, "a huge Obama-like mistake") == ("Lindsey Graham", "person")    # appositive
    assert speaker_of(q, "The President has made his decision") == ("unnamed senior administration official",
                                                                     "anonymous")
    # the video teaser never produces a quotation
    assert not q["quote"].str.contains("We have won against ISIS").any()
    assert len(q[q["direct"]]) == 5


def test_hill_hover_card_junk():
    q = quotes_of(HILL)
    assert speaker_of(q, "made without any process") == ("Bob Corker", "person")
    assert speaker_of(q, "It's hard to believe") == ("Bob Corker", "person")               # interrupted quote
    assert speaker_of(q, "Simply put") == ("Mitch McConnell", "person")                   # the Kentucky Republican
    assert not q["speaker"].str.contains("Phillips|Robert|slams|MORE").any()
    assert q.loc[q["speaker"] == "Bob Corker", "speaker_role"].iloc[0] == "Sen. (Republican, Tennessee)"


def test_ap_style():
    q = quotes_of(AP)
    assert speaker_of(q, "a stab in the back") == ("unnamed Kurdish-led fighters", "anonymous")
    assert speaker_of(q, "dangerous repercussions") == ("Syrian Democratic Forces", "organization")
    assert speaker_of(q, "continue the fight") == ("Mazloum Abdi", "person")
    assert speaker_of(q, "We will defend our people") == ("Mazloum Abdi", "person")
    assert speaker_of(q, "Nobody can push us out") == ("Mazloum Abdi", "person")         # next paragraph
    assert speaker_of(q, "Donald is right") == ("Vladimir Putin", "person")               # participle
    assert not q["quote"].str.contains("I love Russia").any()                            # photo caption


def test_fox_style():
    q = quotes_of(FOX)
    assert speaker_of(q, "has started returning") == ("Sarah Sanders", "person")
    assert speaker_of(q, "These victories") == ("Sarah Sanders", "person")
    assert speaker_of(q, "grave mistake") == ("Marco Rubio", "person")
    assert speaker_of(q, "haunt this administration") == ("Marco Rubio", "person")
    assert speaker_of(q, "It is not a calendar") == ("John Kirby", "person")
    assert speaker_of(q, "telegraph our moves") == ("John Kirby", "person")
    assert speaker_of(q, "the decision was made after a call", direct=False) == ("unnamed sources", "anonymous")


def test_stray_and_unclosed_marks_never_crash():
    q = quotes_of(STRAY)
    assert q[q["direct"]]["quote"].str.contains("would fail").any()
    assert q[q["direct"]]["quote"].str.contains("a disaster").any()
    assert q[q["direct"]]["quote"].str.contains("They have won").any()
    assert q[q["direct"]]["quote"].str.contains("Unclosed at the end").any()


def test_empty_input_has_full_columns():
    empty = utils.extract_quotes(pd.DataFrame({"article_id": [], "text": []}))
    assert list(empty.columns) == sp.QUOTE_COLUMNS and len(empty) == 0
    assert empty["direct"].dtype == bool
    none = quotes_of("No quotation and no speech here at all.")
    assert len(none) == 0 and list(none.columns) == sp.QUOTE_COLUMNS


def test_rows_do_not_depend_on_batch(articles):
    one = utils.extract_quotes(articles.iloc[[2]]).reset_index(drop=True)
    allq = utils.extract_quotes(articles)
    sub = allq[allq["article_id"] == articles["article_id"].iloc[2]].reset_index(drop=True)
    pd.testing.assert_frame_equal(one, sub)


def test_input_not_mutated(articles):
    before = articles.copy()
    utils.extract_quotes(articles)
    pd.testing.assert_frame_equal(before, articles)


def test_same_line_in_two_stories_keeps_each_storys_speaker():
    # per-line work is cached across stories; speakers must still come from each story
    line = "“We must stay until the job is done,” the senator said. “Leaving now would be a mistake.”"
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [
        f"Senator Mary Jones visited the base on Monday.\n\n{line}",
        f"Senator John Brown visited the base on Monday.\n\n{line}",
        f"Senator Mary Jones visited the base on Monday.\n\n{line}"]})
    q = utils.extract_quotes(arts)
    assert q.groupby("article_id")["speaker"].apply(set).to_dict() == {
        "a": {"Mary Jones"}, "b": {"John Brown"}, "c": {"Mary Jones"}}
    assert (q["mention"] == "the senator").all() and len(q) == 6


def test_warm_and_cleared_caches_give_the_same_rows(articles):
    import gc
    first = utils.extract_quotes(articles)
    warm = utils.extract_quotes(articles)  # every helper cache now hit
    for f in vars(sp).values():
        if hasattr(f, "cache_clear"):
            f.cache_clear()
    cold = utils.extract_quotes(articles)
    pd.testing.assert_frame_equal(first, warm)
    pd.testing.assert_frame_equal(first, cold)
    assert gc.isenabled()  # switched off only while extracting


# ------------------------------------------------------------------ tables and groups

def test_speaker_table(seed_quotes, articles):
    t = utils.speaker_table(seed_quotes, articles)
    row = t[(t["speaker"] == "Angus King")]
    assert row["outlet"].tolist() == ["Daily Express"]
    assert row["direct_quotes"].tolist() == [7]
    # surname-only "Trump" in Express stories merged into the full name used elsewhere
    assert "Trump" not in set(t["speaker"])
    assert t["direct_quotes"].sum() == utils.quotations_only(seed_quotes)["direct"].sum()
    assert t["reported"].sum() == (~seed_quotes["direct"]).sum()


def test_voice_groups(seed_quotes):
    g = utils.voice_group(seed_quotes)
    first = g.drop_duplicates("speaker").set_index("speaker")["group"]
    assert first["Angus King"] == "Congress"
    assert first["Ali Khamenei"] == "foreign governments and forces"
    assert first["Joseph Dunford"] == "military"
    assert first["Sarah Sanders"] == "administration"
    custom = utils.voice_group(seed_quotes, {"critics": ["senator"]})
    assert set(custom["group"]) == {"critics", "other"}


REUTERS_IRAQ = """WASHINGTON (Reuters) - U.S. President Donald Trump said on Sunday that American troops would stay in Iraq.

"We're going to keep our troops there," Trump told CBS's "Face the Nation" in an interview. "We have a great base in Iraq."

"It's a very important base," he added, saying the U.S. would "watch Iran."

Iraqi President Barham Salih said Trump had not asked permission. "The U.S. forces are here as part of an agreement," Salih told reporters in Baghdad, adding that Washington should not "overburden Iraq with its own issues."

"We will not allow our territory to be used against neighbors," the Iraqi president said.

"This is unacceptable," one Iraqi official told Reuters on condition of anonymity."""

CAPITOL = """House Speaker Nancy Pelosi, D-Calif., said in a statement that the move was "dangerous."

Asked about the criticism, Trump said: "They don't know what they're talking about."

"Why should we be there?" asked Sen. Rand Paul, R-Ky., a longtime critic of foreign wars. "It's time to come home."

In a statement, the Pentagon said: "We remain committed to our partners."

"We are reviewing the order," a Pentagon spokesman said.

The statement read: "All personnel are safe."

Lindsey Graham, R-S.C., wrote on Twitter that the decision was "a disaster." "An Obama-like mistake," he wrote.

"I am totally against this," the South Carolina senator said on "Fox & Friends." "It's a stain on our honor."

Kurdish official Ilham Ahmed told The Washington Post the decision was "a betrayal." She said: "We were not consulted."

"He's wrong," said former defense secretary Jim Mattis. "Terribly wrong."

A senior State Department official, speaking on condition of anonymity, said the withdrawal "will be orderly."

The official added: "We are in close contact with our allies.\""""


def test_reuters_style_roles_and_show_titles():
    q = quotes_of(REUTERS_IRAQ)
    title = q[q["quote"].str.contains("Face the Nation")]                # a programme title: a term, no one's words
    assert title[["quote_kind", "speaker_kind"]].values.tolist() == [["term", "unknown"]]
    assert speaker_of(q, "We have a great base") == ("Donald Trump", "person")
    assert speaker_of(q, "watch Iran") == ("Donald Trump", "person")     # "he added, saying"
    assert speaker_of(q, "overburden Iraq") == ("Barham Salih", "person")
    assert speaker_of(q, "We will not allow our territory") == ("Barham Salih", "person")  # the Iraqi president
    assert speaker_of(q, "This is unacceptable") == ("unnamed Iraqi official", "anonymous")


def test_capitol_style_statements_questions_and_party_tags():
    q = quotes_of(CAPITOL)
    assert speaker_of(q, "dangerous") == ("Nancy Pelosi", "person")
    assert speaker_of(q, "They don't know") == ("Trump", "person")
    assert speaker_of(q, "Why should we be there?") == ("Rand Paul", "person")           # "?" asked X
    assert speaker_of(q, "It's time to come home") == ("Rand Paul", "person")
    assert speaker_of(q, "We remain committed") == ("Pentagon", "organization")
    assert speaker_of(q, "We are reviewing the order") == ("unnamed Pentagon spokesman", "anonymous")
    assert speaker_of(q, "All personnel are safe") == ("Pentagon", "organization")        # the statement
    assert speaker_of(q, "I am totally against this") == ("Lindsey Graham", "person")    # the South Carolina senator
    title = q[q["quote"].str.contains("Fox & Friends")]
    assert title[["quote_kind", "speaker_kind"]].values.tolist() == [["term", "unknown"]]
    assert speaker_of(q, "We were not consulted") == ("Ilham Ahmed", "person")
    assert speaker_of(q, "Terribly wrong") == ("Jim Mattis", "person")
    assert speaker_of(q, "will be orderly") == ("unnamed senior State Department official", "anonymous")
    assert speaker_of(q, "close contact") == ("unnamed senior State Department official", "anonymous")


def test_roles_need_matching_nationality():
    q = quotes_of('President Donald Trump met Iranian President Hassan Rouhani.\n\n'
                  '"We will leave," the U.S. president said. "We are not leaving," the Iranian president said.')
    assert speaker_of(q, "We will leave") == ("Donald Trump", "person")
    assert speaker_of(q, "We are not leaving") == ("Hassan Rouhani", "person")


MIXED = """Defense Secretary Mark Esper visited the base on Monday.

"We will not abandon them," Esper, who flew in from Kabul on Sunday, said at a news conference.

"The mission continues," according to a statement from the ministry.

"Why would we stay?" he asked.

Abdi, 52, said: "We will fight on."

"There is no plan," said Rep. Liz Cheney, R-Wyo., the third-ranking House Republican.

The Turkish foreign ministry, in a statement, called the move "positive."

"Get out now!" protesters chanted outside the embassy.

"I'm very concerned," Sen. Susan Collins Susan Margaret CollinsCollins says she backs Syria pullout MORE (R-Maine) told The Hill. "Very concerned.\""""


def test_appositives_statement_sources_and_groups():
    q = quotes_of(MIXED)
    assert speaker_of(q, "We will not abandon them") == ("Mark Esper", "person")      # "X, who ..., said"
    assert speaker_of(q, "The mission continues") == ("ministry", "organization")     # a statement from X
    assert speaker_of(q, "Why would we stay?") == ("Mark Esper", "person")
    assert speaker_of(q, "We will fight on") == ("Abdi", "person")                    # "X, 52, said:"
    assert speaker_of(q, "There is no plan") == ("Liz Cheney", "person")
    assert speaker_of(q, "positive") == ("Turkish foreign ministry", "organization")  # "X, in a statement, called"
    assert speaker_of(q, "Get out now!") == ("unnamed protesters", "anonymous")
    assert speaker_of(q, "Very concerned.") == ("Susan Collins", "person")
    assert q.loc[q["speaker"] == "Susan Collins", "speaker_role"].iloc[0] == "Sen. (Republican, Maine)"


PRONOUNS_STORY = """Pentagon spokeswoman Dana White said the troops would leave within 30 days. Defense Secretary Jim Mattis was not consulted.

"The campaign against ISIS is not over," she said.

Secretary of State Mike Pompeo met Iraqi Prime Minister Adel Abdul Mahdi in Baghdad. "We will stand by Iraq," he said.

Nikki Haley, the former U.N. ambassador, criticized the move. Trump had defended it on Monday. "It is a big mistake," she wrote.

"The decision," Graham said, "is a disaster for our allies."

In an interview with CNN, Sen. Tim Kaine said: "Congress was not consulted."

Kaine later told reporters the administration had "no plan at all.\""""


def test_pronouns_follow_gender_and_subjects():
    q = quotes_of(PRONOUNS_STORY)
    assert speaker_of(q, "The campaign against ISIS") == ("Dana White", "person")    # she: not Mattis
    assert speaker_of(q, "We will stand by Iraq") == ("Mike Pompeo", "person")       # he: the subject, not the object
    assert speaker_of(q, "It is a big mistake") == ("Nikki Haley", "person")        # she: skips "Trump"
    assert speaker_of(q, "The decision") == ("Graham", "person")
    assert speaker_of(q, "is a disaster for our allies") == ("Graham", "person")    # interrupted mid-sentence
    assert speaker_of(q, "Congress was not consulted") == ("Tim Kaine", "person")
    assert speaker_of(q, "no plan at all") == ("Tim Kaine", "person")
    assert speaker_of(q, "the troops would leave within 30 days", direct=False) == ("Dana White", "person")


def test_single_newlines_and_paragraph_numbers():
    text = 'Intro line.\n"First," Trump said.\n\n"Second part," he added.\nCaption here (Reuters)\n\n\n\n"Third," said Sen. Jane Doe.'
    q = quotes_of(text)
    assert q["paragraph"].tolist() == [0, 1, 3]            # index into text.split("\\n\\n")
    assert q["speaker"].tolist() == ["Trump", "Trump", "Jane Doe"]
    parts = text.split("\n\n")
    for r in q.itertuples():
        assert r.quote in parts[r.paragraph]


def test_sources_familiar_with_the_matter():
    q = quotes_of('"The order is final," a source familiar with the matter told CNN.\n\n'
                  'Two officials familiar with the discussions said the plan "was rushed."\n\n'
                  '"Nobody was told," a person close to the president, who asked not to be named, said.')
    assert speaker_of(q, "The order is final") == ("unnamed source", "anonymous")
    assert speaker_of(q, "was rushed") == ("unnamed officials", "anonymous")
    assert speaker_of(q, "Nobody was told") == ("unnamed person", "anonymous")


AP_WIRE = """WASHINGTON (AP) — President Donald Trump on Wednesday ordered the withdrawal of all 2,000 U.S. troops from Syria, declaring victory over the Islamic State group and overruling his military advisers.

The announcement, made on Twitter, blindsided lawmakers and allies. "We have won against ISIS," Trump said in a video. "Our boys, our young women, our men — they're all coming back, and they're coming back now."

Defense officials said the withdrawal would take 60 to 100 days. Pentagon spokeswoman Dana White said the campaign "is not over."

"We have started returning United States troops home as we transition to the next phase of this campaign," White House press secretary Sarah Huckabee Sanders said.

Republican Sen. Lindsey Graham of South Carolina, usually a Trump ally, called the decision a "huge Obama-like mistake." He said he would seek hearings.

"This is a stain on the honor of the United States," said Sen. Marco Rubio, R-Fla. "It's a grave error."

The Kurdish-led Syrian Democratic Forces warned that the pullout would allow IS to regroup. "The fight is not over," the group said in a statement.

Israeli Prime Minister Benjamin Netanyahu said Israel would "study the timetable" and "take care of the security of Israel."

Russia's Foreign Ministry spokeswoman Maria Zakharova said the withdrawal could bring "prospects for a political settlement." She added: "We welcome this."

Trump defended the decision in a series of tweets Thursday. "Getting out of Syria was no surprise," he wrote. "I've been campaigning on it for years."

Mattis resigned the next day. In his letter, he wrote that Trump "has the right to have a Secretary of Defense whose views are better aligned."

___

Associated Press writers Lolita C. Baldor and Zeina Karam contributed to this report."""


def test_ap_wire_story():
    q = quotes_of(AP_WIRE)
    assert speaker_of(q, "Our boys, our young women") == ("Donald Trump", "person")
    assert speaker_of(q, "is not over.") == ("Dana White", "person")
    assert speaker_of(q, "We have started returning") == ("Sarah Huckabee Sanders", "person")
    assert speaker_of(q, "huge Obama-like mistake") == ("Lindsey Graham", "person")   # "X of South Carolina, usually ..."
    assert speaker_of(q, "he would seek hearings", direct=False) == ("Lindsey Graham", "person")
    assert speaker_of(q, "It's a grave error") == ("Marco Rubio", "person")
    assert speaker_of(q, "The fight is not over") == ("Kurdish-led Syrian Democratic Forces", "organization")  # the group
    assert speaker_of(q, "study the timetable") == ("Benjamin Netanyahu", "person")
    assert speaker_of(q, "We welcome this") == ("Maria Zakharova", "person")
    assert speaker_of(q, "campaigning on it for years") == ("Donald Trump", "person")
    assert speaker_of(q, "has the right to have a Secretary") == ("Mattis", "person")   # he: the nearest subject
    assert len(q[q["direct"]]) == 15


def test_notebook_helpers(seed_quotes, articles):
    anon = utils.anonymous_share(seed_quotes, articles)
    usa = anon.set_index("outlet").loc["USA Today"]
    assert (usa["quotes"], usa["anonymous"]) == (13, 1)             # "officials said ... “enduring”"
    shares = utils.group_share(seed_quotes[seed_quotes["direct"]], articles)
    assert shares.groupby("outlet")["share"].sum().round(2).eq(1.0).all()
    tone = utils.speaker_sentiment(seed_quotes, articles)
    assert set(tone["speaker"]) >= {"Angus King", "Ali Khamenei"}
    assert tone["mean_compound"].between(-1, 1).all()
    assert "Searching" not in utils.quotes_html(seed_quotes, articles)
    assert utils.quotes_html(seed_quotes, articles).count("<tr>") == len(seed_quotes) + 1


def test_notebook_helpers_on_no_quotes(articles):
    empty = utils.extract_quotes(articles.iloc[:0])
    assert len(utils.anonymous_share(empty, articles)) == 0
    assert len(utils.group_share(empty, articles)) == 0
    tone = utils.speaker_sentiment(empty, articles)
    assert len(tone) == 0 and tone["mean_compound"].dtype == "float64"
    assert len(utils.speaker_table(empty, articles)) == 0


def test_quote_after_a_reporting_sentence_and_tweet_signature():
    q = quotes_of("Sen. Chris Murphy took to Twitter on Wednesday and said the move was reckless. "
                  "\"This is a gift to Russia and Iran.\"\n\n"
                  "\"We have defeated ISIS in Syria\" — Donald J. Trump (@realDonaldTrump) December 19, 2018")
    assert speaker_of(q, "This is a gift") == ("Chris Murphy", "person")
    assert speaker_of(q, "We have defeated ISIS") == ("Donald J. Trump", "person")


def test_merge_speakers_across_stories():
    q = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "speaker": ["Donald Trump", "Donald J. Trump", "Trump", "Sanders"],
                      "speaker_kind": ["person"] * 4, "direct": [True] * 4})
    assert sp.merge_speakers(q)["speaker"].tolist() == ["Donald Trump", "Donald Trump", "Donald Trump", "Sanders"]


def test_it_is_an_organisation_and_i_is_nobody():
    q = quotes_of('The Pentagon issued a statement on Monday. Defense Secretary Mark Esper was traveling.\n\n'
                  '"We remain committed," it said.\n\n"I was there," I said.')
    assert speaker_of(q, "We remain committed") == ("Pentagon", "organization")
    assert speaker_of(q, "I was there")[1] == "unknown"


def test_colon_introduces_next_paragraph():
    q = quotes_of("The White House released a statement. Press secretary Sarah Sanders said:\n\n"
                  "\"We have started returning United States troops home.\"\n\n\"The campaign continues.\"")
    assert speaker_of(q, "We have started returning") == ("Sarah Sanders", "person")
    assert speaker_of(q, "The campaign continues") == ("Sarah Sanders", "person")


def test_quote_paragraph_after_reported_speech():
    q = quotes_of("Sen. Tim Kaine said the withdrawal was a mistake.\n\n\"It is a disaster. We must reverse it.\"")
    assert speaker_of(q, "It is a disaster") == ("Tim Kaine", "person")
    q = quotes_of("The weather in Damascus was cold.\n\n\"It is a disaster.\"")
    assert speaker_of(q, "It is a disaster")[1] == "unknown"


def test_single_quote_stories():
    text = ("The President made the announcement on Twitter, writing: 'We have defeated ISIS in Syria.'\n\n"
            "'Now it's time for our troops to come home,' Mr Trump said. 'We won.'\n\n"
            "Senator Marco Rubio called it a 'grave error' that the troops' families would regret.\n\n"
            "The Kurds' commander said they felt 'betrayed'.")
    q = quotes_of(text)
    d = q[q["direct"]]
    assert d["quote"].tolist() == ["We have defeated ISIS in Syria.", "Now it's time for our troops to come home,",
                                   "We won.", "grave error", "betrayed"]
    assert speaker_of(q, "Now it's time") == ("Trump", "person")
    assert speaker_of(q, "grave error") == ("Marco Rubio", "person")
    # a story with double marks never reads single ones as quotations
    q2 = quotes_of('"We are leaving," he said of the \'caliphate\'. Trump\'s aides\' view differed.')
    assert q2[q2["direct"]]["quote"].tolist() == ["We are leaving,"]


# ------------------------------------------------------------------ the hand-written stories
# Their gold rows are checked by tests/test_fixtures.py; here, what a gold table cannot say.

def test_video_teaser_is_no_quotation():
    arts, _ = load_fixture("quotes:hill")
    assert not utils.extract_quotes(arts)["quote"].str.contains("getting out").any()


def test_reported_speech_runs_to_the_end_of_the_clause_past_the_cue():
    arts, _ = load_fixture("quotes:nyt")
    q = utils.extract_quotes(arts)
    rep = q[~q["direct"] & (q["article_id"] == "nyt")]
    assert rep["quote"].iloc[0].endswith("from Syria")          # "..., officials said on Wednesday, overruling ..."


def test_daily_mail_story_in_single_marks_gives_the_same_attributions():
    arts, gold = load_fixture("quotes:dm")
    s = utils.score_quotes(utils.extract_quotes(arts.assign(text=arts["text"].str.replace('"', "'"))), gold)
    assert s["recall"] == 1.0 and s["speaker_accuracy"] == 1.0, s["misses"]


def test_name_runs_in_one_line():
    """Runs of capitalised words (the possessive name-run regex): titles, particles, hyphens,
    apostrophes, a sentence-final full stop splitting runs, lone capitalised words ignored."""
    line = ("Sen. Lindsey Graham of South Carolina said McConnell's aide, U.S. Army Gen. Mark Milley, "
            "met Abu Bakr al-Baghdadi in Syria. Mr. Trump O'Rourke-Smith replied.")
    assert sp._line_runs(line) == (
        (("Sen.", "Lindsey", "Graham", "of", "South", "Carolina"), 0, 37),
        (("U.S.", "Army", "Gen.", "Mark", "Milley"), 61, 87),
        (("Abu", "Bakr", "al-Baghdadi"), 93, 113),
        (("Mr.", "Trump", "O'Rourke-Smith"), 124, 148),
    )
    people = sp._line_people(line)
    assert [(p[3], p[4], p[6]) for p in people] == [
        ("graham", "Lindsey Graham", None), ("milley", "Mark Milley", None),      # "of South Carolina": no name
        ("baghdadi", "Abu Bakr al-Baghdadi", None), ("o'rourke-smith", "Trump O'Rourke-Smith", "m")]


# ------------------------------------------------------------------ canonical names (view-level merge)

def _people(*rows):
    """A synthetic quotes table: (story, speaker, kind, mention) per row."""
    return pd.DataFrame({"article_id": [r[0] for r in rows], "speaker": [r[1] for r in rows],
                         "speaker_kind": [r[2] for r in rows], "mention": [r[3] for r in rows],
                         "speaker_role": [""] * len(rows), "direct": [True] * len(rows),
                         "quote": ["we leave now"] * len(rows), "quote_words": [3] * len(rows)})


def test_merge_two_trumps_initials_and_leading_words():
    q = _people(("a", "Donald Trump", "person", "Trump"), ("b", "Donald J. Trump", "person", "Trump"),
                ("c", "Trump", "person", "he"), ("d", "Add Donald Trump", "person", "Trump"),
                ("e", "Does Trump", "person", "Mr Trump"), ("f", "Businessman Donald Trump", "person", "he"),
                ("g", "Melania Trump", "person", "she"), ("h", "Trump", "person", "Mr Trump"))
    assert sp.merge_speakers(q)["speaker"].tolist() == ["Donald Trump"] * 6 + ["Melania Trump", "Donald Trump"]


def test_merge_keeps_different_first_names_and_shared_surnames_apart():
    q = _people(("a", "Ron Paul", "person", "he"), ("b", "Rand Paul", "person", "he"),
                ("c", "Paul", "person", "he"), ("d", "Only Republican Rand Paul", "person", "Paul"),
                ("e", "Mark Esper", "person", "Esper"), ("f", "Esper", "person", "he"))
    # "Paul" alone could be either man: it stays as written; "Mark" is a first name, not the verb
    assert sp.merge_speakers(q)["speaker"].tolist() == ["Ron Paul", "Rand Paul", "Paul", "Rand Paul",
                                                        "Mark Esper", "Mark Esper"]


def test_merge_never_touches_organisations_and_blanks_non_names():
    q = _people(("a", "Paul", "organization", ""), ("b", "Rand Paul", "person", "he"),
                ("c", "Separately", "person", "Separately"), ("d", "George W. Bush", "person", "he"),
                ("e", "George H. W. Bush", "person", "he"), ("f", "Then-President George W. Bush", "person", "he"),
                ("g", "Pompeo Thursday", "person", "Pompeo"), ("h", "Mike Pompeo", "person", "he"))
    out = sp.merge_speakers(q)
    assert out["speaker"].tolist() == ["Paul", "Rand Paul", "", "George W. Bush", "George H. W. Bush",
                                       "George W. Bush", "Mike Pompeo", "Mike Pompeo"]
    assert out.drop(columns="speaker").equals(q.drop(columns="speaker"))


def test_ranked_speakers_leave_out_unknown_and_anonymous(articles):
    aid = articles["article_id"].iloc[0]
    q = _people((aid, "", "unknown", ""), (aid, "", "unknown", ""), (aid, "unnamed US official", "anonymous", ""),
                (aid, "Trump", "person", "he"), (aid, "Donald Trump", "person", "he"), (aid, "Separately", "person", ""))
    q = q.assign(paragraph=0, cue="said", start=range(6), end=range(1, 7))
    table = utils.speaker_table(q, articles)
    assert table.groupby("speaker")["direct_quotes"].sum().to_dict() == {
        "(unknown)": 3, "Donald Trump": 2, "unnamed US official": 1}
    ranked = utils.ranked_speakers(table)
    assert ranked["speaker"].tolist() == ["Donald Trump"]
    assert ranked["direct_words"].tolist() == [6]


def test_tables_by_any_column_pool_the_rest(articles):
    arts = articles.assign(lean=["left", "right", "left", "center", "right", "left"][:len(articles)])
    q = utils.extract_quotes(arts)
    by_lean = utils.anonymous_share(q, arts, by="lean", top=2)
    assert len(arts) == 6 and by_lean["lean"].tolist() == ["left", "other leans", "right"]   # center pooled
    assert by_lean["quotes"].sum() == utils.anonymous_share(q, arts, by="lean", top=None)["quotes"].sum()
    shares = utils.group_share(q[q["direct"]], arts, by="lean", top=None)
    assert set(shares["lean"]) == set(arts["lean"])
    assert utils.speaker_table(q, arts, by="lean").columns[0] == "lean"
    with pytest.raises(ValueError, match="no such column"):
        utils.speaker_table(q, arts, by="country")


def test_top_outlets_default_is_the_figures_one():
    from withdrawals import figures

    assert sp.TOP_OUTLETS == figures.TOP_OUTLETS


def test_quotes_html_links_titles_once_and_keeps_sentences_whole(articles):
    arts = articles.assign(url=[f"https://example.org/{i}" for i in range(len(articles))])
    q = utils.extract_quotes(arts)
    out = utils.quotes_html(q, arts)
    longest = max(q["quote"], key=len)
    assert len(longest) > 200 and longest.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in out
    assert out.count('href="https://example.org/') == q["article_id"].nunique()
    assert "text-align:left" in out and "http" not in out.replace('href="https://example.org/', "")


# ------------------------------------------------------------------ attribution shapes of real news (issue 12)

APPOSITIONS_STORY = """Kremlin officials met on Monday.

“The base will stay open,” the spokesman, Pavel Orlov, said.

“We will not leave the region,” Nadia Karim, the director of the Levant Program at the Institute for Gulf Studies in London, explained.

“The talks are over,” Omar Haddad, the head of Jordan’s national security council, was quoted as saying.

“A number of posts are run by career people ” Gordon said.

Sen. Carla Webb, R-Ohio, the ranking member of the Armed Services Committee and a frequent critic of the plan, told reporters that the pullout was “reckless” and “dangerous” for allies.

The Pentagon signaled a shift, with Defense Secretary Alan Brooks calling the outpost a "very fine place" to hold prisoners.

“Many of us served there,” said a current department official in an email.

“I am very happy they left,” enthused one activist.

Downtown had 1,000 residents; that figure was “close to zero when she took office,” per the Springfield Gazette.

“The vote comes at a fragile time,” the Ruritanian House of Representatives said.

“We saw him often,” said Joan Pratt, a former U.S. ambassador to Estonia.

“Our friends up the river liked him,” the former ambassador said.

“The deal is not holding,” the military source on the ground said.

"Rebels attacked two outposts," a member of the district council, Farid Noori, said."""


def test_appositions_passives_and_sources():
    q = quotes_of(APPOSITIONS_STORY)
    assert speaker_of(q, "The base will stay open") == ("Pavel Orlov", "person")            # role, name,
    assert speaker_of(q, "We will not leave the region") == ("Nadia Karim", "person")       # name, long role,
    assert speaker_of(q, "The talks are over") == ("Omar Haddad", "person")                 # was quoted as saying
    assert speaker_of(q, "A number of posts") == ("Gordon", "person")                       # space before the mark
    assert speaker_of(q, "reckless") == ("Carla Webb", "person")                            # party tag and appositions
    assert speaker_of(q, "dangerous") == ("Carla Webb", "person")
    assert speaker_of(q, "very fine place") == ("Alan Brooks", "person")                    # with X calling it
    assert speaker_of(q, "Many of us served") == ("unnamed current department official", "anonymous")
    assert speaker_of(q, "I am very happy") == ("unnamed activist", "anonymous")
    assert speaker_of(q, "close to zero") == ("Springfield Gazette", "organization")       # per the ...
    assert speaker_of(q, "The vote comes") == ("Ruritanian House of Representatives", "organization")
    assert speaker_of(q, "Our friends up the river") == ("Joan Pratt", "person")    # role after "U.S." kept
    assert speaker_of(q, "The deal is not holding") == ("unnamed military source", "anonymous")
    assert speaker_of(q, "Rebels attacked") == ("Farid Noori", "person")
    assert q.loc[q["quote"].str.startswith("Nadia") | q["quote"].str.startswith("We will not"), "speaker_role"].tolist() \
        == ["the director of the Levant Program at the Institute for Gulf Studies in London"]


HOMONYMS_STORY = """Army Secretary Lena Marsh briefed reporters on Friday.

The letter was drafted by Victor Marsh, a former ambassador to Peru.

“It was a hard night for the guard,” Marsh said.

Former President Hugo Lindqvist spoke on Monday. President Ada Stone answered him.

The president did not hold back. She spoke of the rebels “whimpering” in their tunnels."""


def test_homonyms_and_role_nouns_follow_the_story():
    q = quotes_of(HOMONYMS_STORY)
    # two people named Marsh, the second a former ambassador: the surname is the one in office
    assert speaker_of(q, "It was a hard night") == ("Lena Marsh", "person")
    # "the president" is the one in office, not the former one
    assert speaker_of(q, "whimpering") == ("Ada Stone", "person")
    q2 = quotes_of(HOMONYMS_STORY.replace("The letter was drafted by Victor Marsh, a former ambassador to Peru.\n\n", "")
                   .replace("Army Secretary Lena Marsh", "Victor Marsh, a former ambassador, and Army Secretary Lena Marsh"))
    assert speaker_of(q2, "It was a hard night") == ("Lena Marsh", "person")
    # neither former: the one who has spoken, else the one met first, else the one the bare surname
    # named before the other came in
    plain = HOMONYMS_STORY.replace("Victor Marsh, a former ambassador to Peru", "Victor Marsh")
    assert speaker_of(quotes_of(plain), "It was a hard night") == ("Lena Marsh", "person")
    spoke = plain.replace("drafted by Victor Marsh.", "drafted by Victor Marsh, who said it was late.")
    assert speaker_of(quotes_of(spoke), "It was a hard night") == ("Victor Marsh", "person")
    bare = ("Victor Marsh flew in on Friday. Marsh met the guard.\n\nHis wife, Lena Marsh, said she stayed home.\n\n"
            "“It was a hard night for the guard,” Marsh said.")
    assert speaker_of(quotes_of(bare), "It was a hard night") == ("Victor Marsh", "person")
    # the bare surname counts for the one it named before the other came in: after two mentions of
    # the brother by full name, "Marsh" is still the one the story is about; a sentence adverb
    # before the surname ("Ultimately Marsh") makes no third person
    long = ("Victor Marsh, a former governor, toured the base on Friday. Marsh spoke for an hour. Marsh took "
            "questions. Marsh left at noon.\n\nHis brother, former Senator Lena Marsh, backed the plan, and aides to "
            "Lena Marsh wrote it.\n\nUltimately Marsh said the plan was “a mistake” and would be dropped.")
    assert speaker_of(quotes_of(long), "a mistake") == ("Victor Marsh", "person")


CREDITS_STORY = """From the Left

“The deal leaves the elected government out of the talks.”

“It would be a mistake to leave now.”

Ruth Calloway, The Metro Ledger

“The deal is a bad one.”

Editorial Board, Valley Times

Sam Okafor, Reuters

The last troops left on Tuesday."""


def test_credit_lines_name_the_passages_above_them():
    q = quotes_of(CREDITS_STORY)
    assert q[["quote", "speaker", "speaker_kind", "cue"]].values.tolist() == [
        ["The deal leaves the elected government out of the talks.", "Ruth Calloway", "person", "credit"],
        ["It would be a mistake to leave now.", "Ruth Calloway", "person", "credit"],
        ["The deal is a bad one.", "Valley Times editorial board", "organization", "credit"],
    ]


def test_family_names_and_photo_credits_are_not_the_speaker():
    q = quotes_of("""President Haller canceled his trip. First lady Greta Haller will return to the capital.

“We want a wall,” Haller said.

Senator Ivo Brandt spoke at the debate in Ohio, October 15, 2019. REUTERS/Nadia Ferrante

“It has been the most shameful thing,” he said.""")
    # "President Haller" and "first lady Greta Haller" bear different titles: two people, and the bare
    # surname is the one met by title alone
    assert speaker_of(q, "We want a wall") == ("Haller", "person")
    # a photo credit ("AGENCY/Name") is nobody in the story: "he" is the senator
    assert speaker_of(q, "most shameful thing") == ("Ivo Brandt", "person")


def test_documents_speak_for_whoever_issued_them():
    q = quotes_of("""The Ruritanian Audit Office released a report on Monday.

“The large sums were wasted,” the report says.

Late Thursday, the Northern Security Council issued a statement on the fighting.

"Our units will hold three fronts," it read.

Navy Secretary Colm Riley's letter says that he “cannot in good conscience” obey the order.""")
    assert speaker_of(q, "The large sums were wasted") == ("Ruritanian Audit Office", "organization")
    assert speaker_of(q, "Our units will hold") == ("Northern Security Council", "organization")
    assert speaker_of(q, "cannot in good conscience") == ("Colm Riley", "person")


def test_sources_with_capitalised_and_hyphenated_modifiers_and_title_surnames():
    q = quotes_of("""“Some people are happy,” one Basra-based artist said. “But most are waiting.”

“Their reply will be slow,” one Western intelligence expert based in the region said.

“Morale plummeted,” said a current State Department staffer, “and people started leaving.”

Rep. Ann King called it “a Greek tragedy.”

“It’s just tragic,” King said on NBC’s “Today” show. “It reads like a trashy novel.”

“I know the logic,” Feaver confided.""")
    assert speaker_of(q, "Some people are happy") == ("unnamed Basra-based artist", "anonymous")
    assert speaker_of(q, "But most are waiting") == ("unnamed Basra-based artist", "anonymous")
    assert speaker_of(q, "Their reply will be slow") == ("unnamed Western intelligence expert", "anonymous")
    assert speaker_of(q, "and people started leaving") == ("unnamed current State Department staffer", "anonymous")
    assert speaker_of(q, "It’s just tragic") == ("Ann King", "person")          # a surname that is a title word
    assert speaker_of(q, "trashy novel") == ("Ann King", "person")
    assert speaker_of(q, "I know the logic") == ("Feaver", "person")


def test_words_that_are_no_single_name():
    assert utils.clean_speaker("Europeans", "person") == ("Europeans", "organization")   # a people: a side
    assert utils.clean_speaker("Bush-style", "person") == ("", "unknown")
    assert utils.clean_speaker("Hopeless", "person") == ("", "unknown")                # a word of VADER's lexicon
    assert utils.clean_speaker("Cruz", "person") == ("Cruz", "person")


def test_claims_and_organisations_leading_a_participle():
    q = quotes_of("""Haller's claim that the colonel had planned an "imminent" attack is being derided.

The Taliban has long refused to engage with the government, calling it a "puppet regime" of the West.

Greece and Turkey have quarreled for decades, Haller said, adding, "Let someone else fight over this sand."

WASHINGTON — The navy pulled back on Friday, leaving the strait "all alone" said Haller.""")
    assert speaker_of(q, "imminent") == ("Haller", "person")
    assert speaker_of(q, "puppet regime") == ("Taliban", "organization")
    assert speaker_of(q, "Let someone else fight") == ("Haller", "person")    # the person who said, not the places


def test_a_word_opening_a_sentence_is_nobody_so_the_pronoun_finds_the_person():
    q = quotes_of("""Sen. Omar Lind of Vermont spoke on Monday.

Ahead of the vote, he said the troops “must come home.”

“We should leave,” the Vermont senator said.""")
    assert speaker_of(q, "must come home") == ("Omar Lind", "person")
    assert speaker_of(q, "We should leave") == ("Omar Lind", "person")     # "of Vermont" is his role, not his name


def test_a_dash_credit_with_a_title():
    q = quotes_of('"He abandoned the country. He left." — former Ohio Gov. Dale Mercer')
    assert q[["speaker", "speaker_kind"]].values.tolist() == [["Dale Mercer", "person"]]


# ------------------------------------------------------------------ the speaker rules read the lexicon

def _credits(module, text):
    q = module.extract_quotes(pd.DataFrame({"article_id": ["t"], "text": [text]}))
    return q[["speaker", "speaker_kind", "cue"]].values.tolist()


def test_a_new_reporting_verb_in_the_lexicon_credits_a_quotation(temporary_lexicon):
    text = "“We will not leave,” Senator Ada Holm harrumphed."
    assert _credits(sp, text) == [["", "unknown", ""]]
    new = temporary_lexicon("reporting_verbs.csv", "harrumphed,", sp)
    assert _credits(new, text) == [["Ada Holm", "person", "harrumphed"]]


def test_a_new_country_in_the_lexicon_is_a_place_of_the_speaker_rules(temporary_lexicon):
    text = ("President Donald Trump spoke first.\n\n"
            "“We will stay,” the Freedonian president said.")
    assert _credits(sp, text)[0][0] == "Donald Trump"          # an unknown adjective: the story's president
    new = temporary_lexicon("countries.csv", "Freedonia,,Freedonian;Freedonians", sp)
    assert _credits(new, text) == [["", "unknown", "said"]]   # Freedonia's president is nobody named here


def test_a_new_source_noun_in_the_lexicon_makes_an_unnamed_source(temporary_lexicon):
    text = "“The road is closed,” a local shepherd said."
    assert _credits(sp, text) == [["", "unknown", ""]]
    new = temporary_lexicon("anonymous_heads.txt", "shepherd", sp)
    assert _credits(new, text) == [["unnamed local shepherd", "anonymous", "said"]]


# ------------------------------------------------------------------ role nouns, late "according to"

def test_the_president_is_not_the_foreign_one_when_another_president_was_met():
    q = quotes_of('President Ana Lindqvist spoke on Monday. Lindqvist said she would "squeeze" '
                  "Estonian President Mart Kask's economy.\n\n"
                  '"We have no soldiers in the area," the president said.')
    assert speaker_of(q, "no soldiers") == ("Ana Lindqvist", "person")


def test_the_president_may_still_be_the_only_president_met():
    q = quotes_of("Estonian President Mart Kask flew to Riga.\n\n"
                  '"We will stay," the president said.')
    assert speaker_of(q, "We will stay") == ("Mart Kask", "person")


def test_according_to_at_the_end_of_a_long_sentence_names_the_source():
    q = quotes_of("Analyst Omar Haddad studied the war. Foreign Secretary Ruth Bell told the BBC, "
                  '"It is vital."\n\n'
                  '"The single biggest error" after the invasion was not making reconciliation a '
                  "higher priority, according to Haddad.")
    assert speaker_of(q, "biggest error") == ("Omar Haddad", "person")


def test_a_role_noun_with_an_apposition_finds_the_person_with_a_matching_role():
    q = quotes_of("Even then, Carl Brandt, U.S. ambassador to Iraq from 2010 to 2012, doubts it.\n\n"
                  "The veteran diplomat, now a fellow at a Washington think tank, says that "
                  '"the Sunnis had bought into the new Iraq."')
    assert speaker_of(q, "bought into") == ("Carl Brandt", "person")


def test_the_lawmaker_is_a_representative_or_a_senator_met_before():
    q = quotes_of('Rep. Dana Whitfield spoke first. "We must go," the lawmaker said.')
    assert speaker_of(q, "We must go") == ("Dana Whitfield", "person")


def test_a_diplomat_introduced_unnamed_stays_the_same_unnamed_source():
    q = quotes_of('Pentagon spokesman Jon Hale spoke. "Yes," a diplomat said. "Maybe," the diplomat added.')
    assert speaker_of(q, "Maybe") == ("unnamed diplomat", "anonymous")


def test_a_surname_alone_before_the_full_name_is_a_mention_of_that_person():
    q = quotes_of("Lindqvist said she would “squeeze” Estonian President Mart Kask’s economy.\n\n"
                  "The president added that critics “would like” soldiers to stay.\n\n"
                  "President Ana Lindqvist said Wednesday she would act.")
    assert speaker_of(q, "would like") == ("Ana Lindqvist", "person")


def test_a_partial_quote_before_a_while_clause_is_the_first_speakers():
    q = quotes_of('Mr Brandt said the troops would be pulled out "slowly", while National Security '
                  "Adviser Tom Reyes said the withdrawal would depend on conditions.")
    assert speaker_of(q, "slowly") == ("Brandt", "person")


def test_an_outlet_that_relays_a_persons_words_is_not_their_speaker():
    q = quotes_of("During the meeting, Schumer brought up former Defense Secretary Jim Hollis' recent comment "
                  'that the group "will resurge" in Syria, according to NBC News. Trump then called the general '
                  '"the most overrated general," saying "he wasn\'t tough enough," NBC reported.')
    assert speaker_of(q, "will resurge") == ("Jim Hollis", "person")
    assert speaker_of(q, "tough enough") == ("Trump", "person")


def test_a_possessive_claim_noun_then_was_that():
    q = quotes_of("Even so, Ana Lindqvist’s takeaway was that “Iran appears to be standing down, which is good.”")
    assert speaker_of(q, "standing down") == ("Ana Lindqvist", "person")


def test_a_participle_cue_after_a_subordinate_clause_hangs_on_the_main_clause():
    q = quotes_of("When Sen. Rand Paul (R-Ky.) pushed Secretary of State Mike Pompeo to pledge that the "
                  "administration would not attack Iran, the secretary demurred, saying he would "
                  "“prefer to leave that to the lawyers.”")
    assert speaker_of(q, "lawyers") == ("Mike Pompeo", "person")


def test_a_definite_role_noun_after_an_unnamed_one_is_that_unnamed_source():
    q = quotes_of("With General Omar Saleh looking on, a senior commander took the floor.\n\n"
                  "“It is time to teach them a lesson,” the commander said.")
    assert speaker_of(q, "teach them") == ("unnamed senior commander", "anonymous")


def test_the_newspaper_is_the_outlet_named_last():
    q = quotes_of("Senior US officials were quoted as saying by the WSJ on Friday.\n\n"
                  '"The requests are so extensive that the military might be deepening its role," '
                  "the newspaper reported.")
    assert speaker_of(q, "so extensive") == ("Wall Street Journal", "organization")


def test_an_unnamed_source_after_the_reporters_clause_and_a_comma():
    q = quotes_of("A spike in attacks has been “particularly unhelpful” to peace efforts there, "
                  "a senior U.S. military commander said on Saturday.")
    assert speaker_of(q, "unhelpful") == ("unnamed senior U.S. military commander", "anonymous")


def test_an_attribution_alone_on_the_next_line_credits_the_quotation():
    q = quotes_of("Rep. Dana Whitfield spoke.\n\n“The president has the blood of the Kurds on his hands.”\n\nshe said.")
    assert speaker_of(q, "blood of the Kurds") == ("Dana Whitfield", "person")


def test_a_headline_in_capitals_gives_no_full_name():
    q = quotes_of("French President Emmanuel Macron spoke in Paris.\n\n"
                  "FRANCE'S MACRON CLAIMS NATO IS EXPERIENCING A 'BRAIN DEATH'\n\n"
                  '"What we are experiencing is the brain death of NATO," Macron told The Economist.')
    assert speaker_of(q, "brain death of NATO") == ("Emmanuel Macron", "person")


def test_a_bare_surname_shared_with_a_former_officeholder_is_the_other_person():
    q = quotes_of("Sen. Rand Paul of Kentucky spoke first. His father, former Rep. Ron Paul, sat in the front row.\n\n"
                  '"We must come home," Paul said.')
    assert speaker_of(q, "come home") == ("Rand Paul", "person")


def test_a_nickname_in_quotation_marks_is_part_of_the_name_and_a_term():
    q = quotes_of("Trump’s speech was “lacking in policy prescriptions,” and its “strident rhetoric masked a "
                  "lack of depth,” said Robert “Bud” McFarlane, a former national security adviser.")
    assert speaker_of(q, "strident rhetoric") == ("Robert McFarlane", "person")
    assert speaker_of(q, "lacking in policy") == ("Robert McFarlane", "person")   # same sentence, later cue
    bud = q[q["quote"] == "Bud"]
    assert bud["quote_kind"].tolist() == ["term"] and bud["speaker_kind"].tolist() == ["unknown"]


def test_a_party_tag_after_the_name_before_the_verb():
    q = quotes_of('"Genocide is taking place before our eyes," Rep. Dana Whitfield, R-Va., wrote in a letter.\n\n'
                  '"If the administration wants to go to war, it must ask," Sen. Ana Lindqvist (D-Mass.), told reporters.')
    assert speaker_of(q, "Genocide") == ("Dana Whitfield", "person")
    assert speaker_of(q, "go to war") == ("Ana Lindqvist", "person")


def test_he_after_a_sentence_about_someones_comments_is_that_person():
    q = quotes_of("“I’ll leave it to others to judge,” press secretary Josh Earnest said Monday.\n\n"
                  "The experience of serving under Mr. Obama was frustrating, judging from Mr. Panetta’s comments. "
                  "He said Mr. Obama has “kind of lost his way.”")
    assert speaker_of(q, "lost his way") == ("Panetta", "person")


def test_a_quotation_as_the_second_verb_of_the_subject_is_the_subjects():
    q = quotes_of("Foreign Secretary Jeremy Hunt warned Iran. Hunt said that he had spoken with foreign minister "
                  'Mohammad Javad Zarif and "expressed extreme disappointment" at the seizure.')
    assert speaker_of(q, "extreme disappointment") == ("Jeremy Hunt", "person")


def test_a_name_opening_its_own_clause_before_the_cue_is_the_speaker():
    q = quotes_of("President Ana Lindqvist gave a speech. Also there was an adviser, Omar Haddad, a Maronite Christian "
                  "who applauded vigorously when Lindqvist said the country had “left Christians subject to persecution.”")
    assert speaker_of(q, "left Christians") == ("Ana Lindqvist", "person")


def test_several_people_with_a_role_are_an_unnamed_source():
    q = quotes_of("Former U.S. envoys who worked on Afghanistan warned last week that “total civil war” was possible.\n\n"
                  '"We will not go," two senators said.')
    assert speaker_of(q, "total civil war") == ("unnamed Former U.S. envoys", "anonymous")
    assert speaker_of(q, "We will not go") == ("unnamed senators", "anonymous")


def test_a_claim_noun_by_a_person_that_a_partial_quotation_follows():
    q = quotes_of("The White House pointed to an assessment by Director of National Intelligence Carl Brandt in "
                  "September 2014 that U.S. intelligence agencies “underestimated” the group.")
    assert speaker_of(q, "underestimated") == ("Carl Brandt", "person")


def test_a_second_reporting_verb_after_an_opening_phrase_keeps_the_subject():
    q = quotes_of("In response, Senator Ana Lindqvist told Fox News the aid was coming, and noted she has been "
                  '"urgently and directly" working with officials.')
    assert speaker_of(q, "urgently and directly") == ("Ana Lindqvist", "person")


ROLE_RECENCY_STORY = """In London the governor will meet Prime Minister Tom Vale. He will also see deputy Prime Minister
Ned Clay. In Jerusalem he will meet officials including Israeli Prime Minister Avi Sela.

The governor has known Sela for years. In an interview, Sela praised him.

“I respect him as I respect the president,” the prime minister said."""


def test_a_role_noun_is_the_holder_met_last_by_any_name_not_a_deputy():
    q = quotes_of(ROLE_RECENCY_STORY)
    # "Sela" alone is a mention of Avi Sela; a foreign prime minister is no weaker referent (no US one)
    assert speaker_of(q, "I respect him") == ("Avi Sela", "person")
    # the deputy is not "the prime minister", even when met last
    q = quotes_of("The talks went on. Deputy Prime Minister Ned Clay spoke first.\n\n"
                  "“I respect him,” the prime minister said.")
    assert speaker_of(q, "I respect him") == ("", "unknown")
    q = quotes_of("The talks went on. Deputy Prime Minister Ned Clay spoke first.\n\n"
                  "“I respect him,” the deputy prime minister said.")
    assert speaker_of(q, "I respect him") == ("Ned Clay", "person")


def test_a_quotation_before_a_new_clause_is_the_first_speakers_even_with_the_comma_inside():
    q = quotes_of("Defense Minister Jean Ardent has said the operation is “a question of weeks,” though an "
                  "official said that such a timetable was too hasty.")
    assert speaker_of(q, "a question of weeks") == ("Jean Ardent", "person")
    q = quotes_of("Senator Ada Moss said the strike was “an act of war,” but Pentagon spokesman Tim Roe denied it.")
    assert speaker_of(q, "an act of war") == ("Ada Moss", "person")


def test_a_statement_named_by_its_issuer_is_the_issuers():
    story = ("The state news agency said the town had fallen.\n\n"
             "In denying the claims, a government statement said “the army does not need such weapons.”\n\n"
             "A Pentagon statement said “the strikes will go on.”")
    q = quotes_of(story)
    assert speaker_of(q, "the army does not need") == ("government", "organization")
    assert speaker_of(q, "the strikes will go on") == ("Pentagon", "organization")


def test_more_reporting_verbs_credit_the_speaker():
    q = quotes_of("The debate went on.\n\n“Let me get back to the question,” moderator Jo Lane pleaded at one point.")
    assert speaker_of(q, "Let me get back") == ("Jo Lane", "person")


def test_a_one_word_speaker_the_story_writes_in_lower_case_is_no_name():
    story = ("Faith plays a role in the governor's politics, but he does not turn to the Bible to "
             "“figure out what I think.”\n\nHe keeps his faith private.")
    assert speaker_of(quotes_of(story), "figure out what I think") != ("Faith", "person")
    # a surname is kept
    story = "“We will stay,” Hoffman said.\n\nThe troops stayed."
    assert speaker_of(quotes_of(story), "We will stay") == ("Hoffman", "person")


def test_according_to_a_name_and_its_apposition_is_the_name():
    story = ("According to Nadia Farouk, a professor at the School of Economics and Political Science, "
             "“hundreds of officers joined the group.”")
    assert speaker_of(quotes_of(story), "hundreds of officers") == ("Nadia Farouk", "person")


def test_two_capitals_before_a_surname_are_initials():
    story = "Ex-Assistant Secretary of State TJ Morrow said the phrase “was a serious misreading.”"
    assert speaker_of(quotes_of(story), "was a serious misreading") == ("TJ Morrow", "person")


def test_a_pronoun_after_a_gallery_caption_does_not_take_its_speaker():
    story = ("Ohio Gov. Tom Reed spoke on Sunday.\n\n"
             "“We need a champion,” Senator Ada Moss said at a rally on May 26. Hide Caption 6 of 6\n\n"
             "“I think we focus too much on one issue,” he said.")
    q = quotes_of(story)
    assert speaker_of(q, "We need a champion") == ("Ada Moss", "person")
    assert speaker_of(q, "I think we focus") != ("Ada Moss", "person")
    assert speaker_of(q, "I think we focus") == ("Tom Reed", "person")
    # a long gallery (a dozen caption sentences) between the person and "he" does not hide him
    gallery = " ".join(f"Photos: Who is running? Candidate {n} joined the race in May. Hide Caption {i} of 12"
                       for i, n in enumerate("Ann Beth Cora Dana Edna Fay Gail Hope Iris Jane Kate Lena".split(), 1))
    q = quotes_of("Ohio Gov. Tom Reed spoke on Sunday.\n\n" + gallery + "\n\n"
                  "“I think we focus too much on one issue,” he said.")
    assert speaker_of(q, "I think we focus") == ("Tom Reed", "person")


def test_capitalised_group_before_officials_is_an_unnamed_source_written_small_when_common():
    q = quotes_of("In response, Pentagon officials told reporters the plan was ready, and noted they had been "
                  "“urgently and directly” working on it.")
    assert speaker_of(q, "urgently and directly") == ("unnamed Pentagon officials", "anonymous")
    q = quotes_of("Foreign officials have questioned whether the talks were “representative of reality.”")
    assert speaker_of(q, "representative of reality") == ("unnamed foreign officials", "anonymous")
    q = quotes_of("But experts said the plan was “a gamble.” Democrats said it was “a mistake.”")
    assert speaker_of(q, "a gamble") == ("unnamed experts", "anonymous")
    assert speaker_of(q, "a mistake")[0] != "unnamed democrats"


def test_formal_name_hover_cards_are_masked_and_epithets_skipped():
    story = ("Sen. Tod Hale Theodore (Tod) James HaleSenators press agency on budget | Other headline (R-Pa.) said "
             "the plan was wrong.\n\n“I think the general has a point,” Hale told reporters.\n\n"
             "The talks went on, said Sen. Ray Dunn Raymond Carl DunnWhite House prepared to act On The Money: "
             "headline MORE (R-Ala.), adding: “You know them.”\n\n"
             "Rep. Ann Cole said on Monday that things were bad.\n\n"
             "“Anybody who is not concerned, is not watching,” said retiring Sen. Jeff Flake (R-Ariz.).")
    q = quotes_of(story)
    assert speaker_of(q, "I think the general") == ("Tod Hale", "person")
    assert speaker_of(q, "You know them") == ("Ray Dunn", "person")
    assert speaker_of(q, "Anybody who is not") == ("Jeff Flake", "person")
    assert "Senators press" not in " ".join(q["speaker"])


def test_a_participle_takes_the_subject_of_its_clause():
    # the participle after an inverted "said X" is X's
    q = quotes_of("Graham raised the issue at lunch, said Sen. Ray Dunn (R-Ala.), adding: “You know him. He raised it.”")
    assert speaker_of(q, "You know him") == ("Ray Dunn", "person")
    # a quotation followed by a participle and a that-clause: the subject before, not the that-clause's
    q = quotes_of("In the essay, Rob Vance suggested he left amid concerns about “keeping faith with our allies,” "
                  "warning that America “cannot go it alone.”")
    assert speaker_of(q, "keeping faith") == ("Rob Vance", "person")
    assert speaker_of(q, "cannot go it alone") == ("Rob Vance", "person")
    # "reported X as saying" is no inverted cue
    q = quotes_of("The agency reported a spokesman for the council, Ali Nouri, as saying, “The rule is known,” "
                  "adding that the seizure was a “correct measure.”")
    assert speaker_of(q, "correct measure")[0] != "council"


def test_a_long_bare_role_after_the_name_after_a_quotation():
    q = quotes_of("“This job should be filled in weeks,” Rep. Mac Dorn, Texas Republican and ranking member of the "
                  "House Armed Services Committee, said in a statement.")
    assert speaker_of(q, "This job") == ("Mac Dorn", "person")


def test_an_epithet_before_a_role_noun_keeps_it_definite():
    story = ("Even then, Jim Tate, U.S. ambassador to Iraq from 2010 to 2012, does not think it was inevitable.\n\n"
             "Tate said better training may have helped. But now, the longtime diplomat said, the army is "
             "“ill-trained and badly led.”")
    assert speaker_of(quotes_of(story), "ill-trained") == ("Jim Tate", "person")


def test_an_outlet_named_alone_as_the_speaker_is_an_organisation():
    q = quotes_of("Al-Jazeera reported that Qatar is trying to “defuse escalating tensions” with a visit.")
    assert speaker_of(q, "defuse escalating") == ("Al-Jazeera", "organization")
    q = quotes_of("Twitter said the post “violated its rules.”")
    assert speaker_of(q, "violated its rules")[1] != "organization" or speaker_of(q, "violated its rules")[0] != "Twitter"


def test_a_full_name_met_only_inside_a_quotation_names_the_surname():
    story = ("The secretary was fired on Sunday. “Secretary of the Navy Richard Spencer’s services have been "
             "terminated,” the statement said.\n\n"
             "“I hereby acknowledge my termination,” Spencer wrote in a letter.\n\n"
             "“Neither Obama nor Romney will win,” a voter said. “It is close,” Obama said.")
    q = quotes_of(story)
    assert speaker_of(q, "I hereby acknowledge") == ("Richard Spencer", "person")
    assert speaker_of(q, "It is close") == ("Obama", "person")      # "Neither Obama" is no name


def test_an_institution_and_a_role_before_the_name_after_the_verb():
    q = quotes_of("“Something has happened to him,” tweeted New York University journalism professor and media "
                  "critic Jay Rosen.")
    assert speaker_of(q, "Something has happened") == ("Jay Rosen", "person")


def test_a_participle_after_for_is_the_objects():
    q = quotes_of("Trump ripped Utah Sen. Ann Reyes for tweeting that the calls were “wrong and appalling.”")
    assert speaker_of(q, "wrong and appalling") == ("Ann Reyes", "person")


def test_a_name_and_other_members_of_a_group_is_the_name():
    story = ("Rep. Adam Cole spoke on Sunday.\n\nCole and other Democrats called on the president to reopen the "
             "government and “start paying our border patrol agents.”")
    assert speaker_of(quotes_of(story), "start paying") == ("Adam Cole", "person")


def test_a_link_title_line_is_no_antecedent():
    story = ("“She can pick these apart,” said Michael Hale, a nonpartisan expert.\n\n"
             "USA TODAY's 2016 Presidential Poll Tracker\n\n"
             "“It's pretty clear she's a little more hawkish,” he said.")
    assert speaker_of(quotes_of(story), "It's pretty clear")[0] != "Poll Tracker"
    assert speaker_of(quotes_of(story), "It's pretty clear") == ("Michael Hale", "person")


def test_names_in_ly_and_dotted_initials_are_names():
    q = quotes_of("Vassily Noren urged the council to act.\n\n“The immediate priority is to avert war,” Mr. Noren said.")
    assert speaker_of(q, "The immediate priority") == ("Vassily Noren", "person")
    q = quotes_of("“When the index is down 600 points it is hard,” said J.J. Kane, chief strategist.\n\n"
                  "“It is bad,” Kane said.")
    assert speaker_of(q, "It is bad") == ("J.J. Kane", "person")
    # a sentence adverb is still no part of a name
    assert utils.clean_speaker("Pointedly Ryan Crocker", "person") == ("Ryan Crocker", "person")
    assert utils.clean_speaker("Ironically Trump", "person") == ("Trump", "person")


def test_a_capitalised_noun_after_a_or_an_is_no_speaker():
    # the inverted speaker, then a dash apposition: "an Americanist" describes him, it is no name
    q = quotes_of("The odd thing about the vote, says Piet Hollander — an Americanist at a university in Ghent — "
                  "is that voters “are going to be affected by what happens in Europe.”")
    assert speaker_of(q, "are going to be affected") == ("Piet Hollander", "person")


def test_nominee_and_designate_join_a_title():
    q = quotes_of("“We will vote on it,” House Speaker-nominee Rita Vance said.\n\n"
                  "“It is done,” Defense Secretary-designate Omar Lind said.")
    assert speaker_of(q, "We will vote") == ("Rita Vance", "person")
    assert speaker_of(q, "It is done") == ("Omar Lind", "person")


def test_a_reporting_word_after_of_is_a_noun():
    # "the secretary of state" holds no verb "state": the official's participle cue stands
    # and "this official" is the unnamed official quoted before, as "the official" is
    q = quotes_of("Defense Secretary Carl Hagen quit on Monday, a senior official close to Hagen said.\n\n"
                  "“He knew he was not wanted,” the official said.\n\n"
                  "Hagen was criticized as a follower. But this official disputed that, saying “even the envoy is not "
                  "in that circle,” referring to the secretary of state.")
    assert speaker_of(q, "even the envoy") == ("unnamed senior official", "anonymous")


def test_a_quotation_in_a_possessors_claim_clause_is_the_possessors():
    q = quotes_of("Two officials said the strike was no shift in policy, despite Secretary of State Rita Vance’s "
                  "comments on Sunday that the country was targeting the “actual decision-makers” of the regime.")
    assert speaker_of(q, "actual decision-makers") == ("Rita Vance", "person")
    # "her comments …": the woman of the story, not the nearest name of unknown gender
    q = quotes_of("The campaign drew attention to the record of Senator Mary Stone.\n\n"
                  "A new group called Future Forward ran ads using her comments before a House committee that "
                  "“I was responsible for quite a bit” of the policy.")
    assert speaker_of(q, "I was responsible") == ("Mary Stone", "person")


def test_the_role_noun_after_another_unnamed_holder_is_that_source():
    story = ("Guard commander Rahim Tavan spoke first. “We are ready,” Tavan said.\n\n"
             "At a later meeting, another Revolutionary Guards commander was already looking ahead, an official said.\n\n"
             "“Start planning for the next one,” the commander told the officers.")
    q = quotes_of(story)
    assert speaker_of(q, "We are ready") == ("Rahim Tavan", "person")
    assert speaker_of(q, "Start planning") == ("unnamed Revolutionary Guards commander", "anonymous")
    # "a day after the president …" introduces no unnamed president
    q = quotes_of("President Ada Stone spoke on Monday. A day after the president left, aides met.\n\n"
                  "“We stay,” the president said.")
    assert speaker_of(q, "We stay") == ("Ada Stone", "person")


def test_accusing_and_touting_are_participle_cues():
    q = quotes_of("The vote followed bitter exchanges, with Russia accusing the allies of “cynical disdain” and "
                  "the US saying that Russia had trashed diplomacy.")
    assert speaker_of(q, "cynical disdain") == ("Russia", "organization")
    q = quotes_of("President Ada Stone spoke first.\n\nThe deal came before the deadline, with a senior "
                  "administration official touting it as “one of the best ceasefires I have seen.”")
    assert speaker_of(q, "one of the best") == ("unnamed senior administration official", "anonymous")


def test_an_outlet_that_quoted_someone_as_saying_gives_the_one_quoted():
    q = quotes_of("Piet Walder declined to meet the president.\n\n"
                  "“Who? So fast? Too fast,” the Daily Ledger’s website quoted Walder as saying.\n\n"
                  "“They keep order in the town,” the news agency quoted Russia’s defense ministry as saying.")
    assert speaker_of(q, "Who? So fast?") == ("Piet Walder", "person")
    assert speaker_of(q, "They keep order") == ("Russia’s defense ministry", "organization")


def test_an_unnamed_subject_opening_the_sentence_speaks_after_but():
    q = quotes_of("The agency declined to comment. A senior administration official did not comment on the "
                  "findings but said the regime’s “behavior is why its economy is in shambles.”")
    assert speaker_of(q, "behavior is why") == ("unnamed senior administration official", "anonymous")
    q = quotes_of("A current staffer expressed incredulity in plainer language: “It was like killing ants with "
                  "a sledgehammer.”")
    assert speaker_of(q, "It was like killing") == ("unnamed current staffer", "anonymous")


def test_a_single_marked_subheading_is_the_quotation_of_the_passage_below():
    story = ("“These sanctions will remain,” President Ada Stone said.\n\n11:33 a.m. EST\n\n'Those days are over'\n\n"
             "“For far too long, nations have tolerated this,” Stone said. “We will not,” she said.")
    q = quotes_of(story)
    assert q["quote"].tolist() == ["These sanctions will remain,", "Those days are over",
                                   "For far too long, nations have tolerated this,", "We will not,"]
    assert speaker_of(q, "Those days are over") == ("Ada Stone", "person")
    # the paragraph above does not speak for it: with no credited quotation below, nobody does
    q = quotes_of("“These sanctions will remain,” President Ada Stone said.\n\n'Those days are over'\n\n"
                  "The markets fell.")
    assert speaker_of(q, "Those days are over") == ("", "unknown")
    # the same layout in a paragraph of its own counts in the sentences table as quoted, too
    sents = utils.split_sentences(pd.DataFrame({"article_id": ["a"], "text": [story]}))
    assert sents.loc[sents["text"].str.contains("Those days are over'"), "quoted_share"].iloc[0] > 0.9


def test_according_to_a_source_that_is_no_outlet_the_source_speaks():
    q = quotes_of("According to the committee that awarded him the prize, Obama was recognized “for his "
                  "extraordinary efforts to strengthen diplomacy.”")
    assert speaker_of(q, "for his extraordinary") == ("committee", "organization")
    # an outlet relays: the person of the clause after it keeps the words, as before
    q = quotes_of("Pentagon chief Mark Esper spoke on Monday.\n\nAccording to NBC News, Esper “will resign” soon.")
    assert speaker_of(q, "will resign") == ("Mark Esper", "person")


def test_a_spokesman_for_someone_is_an_unnamed_source_not_that_someone():
    q = quotes_of("Senator Ann Reyes spoke on Monday.\n\n“She called the president,” a spokesman for Reyes said.\n\n"
                  "An aide to Reyes said “the talks went well.”")
    assert speaker_of(q, "She called the president") == ("unnamed spokesman for Reyes", "anonymous")
    assert speaker_of(q, "the talks went well") == ("unnamed aide to Reyes", "anonymous")


def test_an_apostrophe_inside_a_name_is_no_contraction():
    q = quotes_of("Bashar Ja’afari said any delay or “disruption of their visit” would be political.")
    assert speaker_of(q, "disruption of their visit") == ("Bashar Ja’afari", "person")
    assert utils.clean_speaker("I’d", "person") == ("", "unknown")
    assert utils.clean_speaker("We're Ready", "person") == ("", "unknown")


def test_a_quotation_inside_a_quotation_after_people_saying_is_theirs():
    q = quotes_of("“Today is a great day,” President Ada Stone said. “Now, people are saying: ‘Wow, what a "
                  "great outcome.’”\n\n“Even in Washington, people saying, ‘You are doing the right thing,’” she added.")
    nested = q[q["nested"]]
    assert nested[["quote", "speaker", "speaker_kind"]].values.tolist() == [
        ["Wow, what a great outcome.", "unnamed people", "anonymous"],
        ["You are doing the right thing,", "unnamed people", "anonymous"]]


def test_according_to_the_report_is_its_issuer_not_a_verb_report():
    q = quotes_of("The Audit Office released a report on Monday. According to the report, “the money was lost.”")
    assert speaker_of(q, "the money was lost") == ("Audit Office", "organization")
    # a platform is never a speaker, even announcing (lexicon/platforms.txt)
    q = quotes_of("Twitter announced in a tweet that it took “newsworthiness” into account.")
    assert speaker_of(q, "newsworthiness") == ("", "unknown")


def test_a_book_title_with_its_subtitle_is_a_term():
    q = quotes_of("Patrick Buchanan, author of “The Greatest Comeback: How Richard Nixon Rose From Defeat to "
                  "Create the New Majority,” said the war was lost.")
    assert q["quote_kind"].tolist() == ["term"]
    q = quotes_of("“The war is lost: we must come home,” Patrick Buchanan said.")
    assert q["quote_kind"].tolist() == ["quotation"]
    q = quotes_of("President Ada Stone told CBS News’ “60 Minutes” that “we have a very good relationship with him.”")
    assert q["quote_kind"].tolist() == ["term", "quotation"]


def test_words_the_speaker_puts_in_a_mouth_nobody_named_are_the_speakers():
    q = quotes_of("Tom Reed spoke on Monday.\n\n“The best way to have peace is not for us to appease, but is to say, "
                  "‘We stand with our friends. We will not waver,’” Reed said.")
    nested = q[q["nested"]]
    assert nested[["speaker", "speaker_kind"]].values.tolist() == [["Tom Reed", "person"]]
    # someone else says them: theirs, or nobody's, never the speaker's
    for lead in ("it is easy for her to go out and say", "there will be some who say", "so that Democrats can say"):
        q = quotes_of(f"Tom Reed spoke on Monday.\n\n“I think {lead}, ‘I am the only one with any experience,’” Reed said.")
        assert q[q["nested"]]["speaker"].tolist() != ["Tom Reed"]


def test_the_sentence_final_inverted_cue_credits_a_partial_quotation_far_before_it():
    q = quotes_of("Mark Esper spoke on Sunday.\n\nAnd Esper will meet Monday morning “to discuss the way ahead” "
                  "with the chief of naval operations and the service’s new acting secretary, Thomas Modly, said Hoffman.")
    assert speaker_of(q, "to discuss the way ahead") == ("Hoffman", "person")
    q = quotes_of("“His fervent hope is that he can go into retirement” as a SEAL, said Timothy Parlatore, his lawyer.")
    assert speaker_of(q, "His fervent hope") == ("Timothy Parlatore", "person")


def test_secretary_of_state_and_a_second_coordinated_subject():
    q = quotes_of("See, for instance, Secretary of State Rita Vance discussing efforts to “negotiate with the "
                  "rebels” and Treasury Secretary Omar Lind complaining that the deal is “another example of terror.”")
    assert speaker_of(q, "negotiate with the rebels") == ("Rita Vance", "person")
    assert speaker_of(q, "another example of terror") == ("Omar Lind", "person")


def test_affirmed_proclaimed_and_touted_are_reporting_verbs():
    q = quotes_of("And a day after Secretary of State Rita Vance insisted the campaign is not a war, press secretary "
                  "Omar Lind on Friday affirmed that the country is indeed “at war” with the group.")
    assert speaker_of(q, "at war") == ("Omar Lind", "person")


def test_the_agent_of_was_asked_by_is_the_one_asking():
    q = quotes_of("Tom Reed spoke on Saturday.\n\nReed defended his answers when he was asked by Fox News’ Ann Kell, "
                  "“Knowing what we know now, would you have done it?”")
    assert speaker_of(q, "Knowing what we know") == ("Ann Kell", "person")
    q = quotes_of("Tom Reed spoke on Saturday. “Would you do it again?” he was asked.")
    assert speaker_of(q, "Would you do it again") != ("Tom Reed", "person")


def test_a_short_phrase_inside_reported_speech_is_a_quotation_not_a_term():
    q = quotes_of("Josh Earnest spoke on Monday.\n\nMr. Earnest said Mr. Obama’s comments to CNN this week about being "
                  "left in the dark by U.S. intelligence agencies were “consistent” with the earlier assessment.")
    assert q[["quote_kind", "speaker"]].values.tolist() == [["quotation", "Josh Earnest"]]
    # a label stays a term, whatever verb the sentence has
    q = quotes_of("Josh Earnest said the president had defended his use of the term “mission accomplished” on Monday.")
    assert q["quote_kind"].tolist() == ["term"]


def test_a_first_name_alone_is_the_one_person_of_the_story_with_it():
    q = quotes_of("Zeid Ra’ad al-Hussein, the UN human rights chief, spoke on Monday.\n\n"
                  "“We felt there were periods of silence,” Zeid said.")
    assert speaker_of(q, "We felt there were") == ("Zeid Ra’ad al-Hussein", "person")
    # two people share the first name: nobody is guessed
    q = quotes_of("Ann Reyes and Ann Moss spoke on Monday.\n\n“We felt there were periods of silence,” Ann said.")
    assert speaker_of(q, "We felt there were")[0] != "Ann Reyes"


def test_a_sea_or_a_river_is_no_speaker():
    q = quotes_of("The administration has kept aircraft carriers, albeit not “permanent,” in the eastern Mediterranean.")
    assert speaker_of(q, "permanent") == ("", "unknown")


def test_the_military_speaks_as_an_organisation():
    q = quotes_of("For, as the military says, “The enemy gets a vote!” as to how much blood will be shed.")
    assert speaker_of(q, "The enemy gets a vote") == ("military", "organization")


def test_a_two_part_surname_is_the_person_named_in_full_before():
    q = quotes_of("CNN senior international correspondent Nick Paton Walsh is with one of the fronts.\n\n"
                  "“The Peshmerga started snaking their way through the mountain,” Paton Walsh said.")
    assert speaker_of(q, "The Peshmerga started") == ("Nick Paton Walsh", "person")


def test_a_mediator_and_a_name_particle_after_an_inverted_cue():
    q = quotes_of("“The dangers are profound,” warned UN Syria mediator Staffan de Mistura.")
    assert speaker_of(q, "The dangers are profound") == ("Staffan de Mistura", "person")


def test_a_sentence_that_ends_with_its_speaker_credits_every_partial_quotation_in_it():
    q = quotes_of("Ron Brownstein spoke on CNN.\n\nRomney “talked to the voters who are dissatisfied and reminded "
                  "them why,” while Obama “did nothing to frame the case against Romney” or explain what he would do "
                  "in a second term, Brownstein said.")
    assert q["speaker"].tolist() == ["Ron Brownstein", "Ron Brownstein"]
    # a prize is no person a pronoun can stand for
    q = quotes_of("Senator Mary Stone won the Nobel Prize in 2009.\n\n“I do not believe we should go back,” she said.")
    assert speaker_of(q, "I do not believe") == ("Mary Stone", "person")


def test_an_outlets_reporter_named_after_according_to_is_the_reporter():
    q = quotes_of("The effort ended in a vote, “one of her major achievements as secretary” according to New York "
                  "Times’ reporter Mark Landler in his new book.")
    assert speaker_of(q, "one of her major achievements") == ("Mark Landler", "person")


def test_a_thought_quoted_inside_a_quotation_is_the_speakers():
    q = quotes_of("Rahim Gul spoke on Monday.\n\n“When they ordered me to destroy the bridge, I thought, ‘This is "
                  "not jihad,’” says Gul.")
    assert q[q["nested"]][["speaker", "speaker_kind"]].values.tolist() == [["Rahim Gul", "person"]]
