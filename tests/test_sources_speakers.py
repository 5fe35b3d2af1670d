"""framing.sources: which speaker a statement has, and how a name and its titles are read from the article.

Every sentence here is written for these tests; the expected source, type and side are what a reader of the
sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

import pytest
from sources_rows import row_at, side, sources_of


# ----------------------------------------------------------------------------------- which speaker

def test_she_at_the_cue_is_the_woman_who_spoke_last_not_a_man_sentences_back():
    text = ("Russian President Vladimir Petrov spoke on Monday. “We will not retreat,” Petrov said. "
            "NPR correspondent Deb Amos was in Damascus. Deb reported that the talks had stalled. "
            "“This announcement appears to be an attempt to recalibrate,” she said.")
    row = row_at(text, "recalibrate,” she said", "said")
    assert row["source_mention"] == "she"
    assert "Deb" in row["source"]
    assert row["source_type"] == "media"
    assert side(row) is None


def test_a_participle_takes_the_speaker_of_its_clause_not_an_opening_phrase():
    text = ("Appearing with Mayor Stephanie Rawlings, Police Commissioner Anthony Batt defended her against "
            "critics, calling her “courageous.”")
    row = row_at(text, "calling her", "calling", home="United States")
    assert row["source"] == "Anthony Batt"
    assert row["source_type"] == "military_security"


def test_he_is_not_a_car_named_once_in_the_sentence_before():
    text = ("“I ran,” reporter Kalen Dias said. Agitators followed him in a blue Toyota Camry with tinted windows. "
            "He said the mob wanted his phone.")
    row = row_at(text, "He said the mob", "said")
    assert row["source"] == "Kalen Dias"
    assert row["source_type"] == "media"


def test_a_title_is_not_read_across_the_end_of_a_sentence():
    # "the governor." closes a sentence: it is no title of the man named after it
    text = "The crowd cheered the governor. Dan Walsh said the march had been peaceful."
    row = row_at(text, "Dan Walsh said", "said", home="United States")
    assert row["source"] == "Dan Walsh"
    assert row["source_type"] == "civilian"
    assert side(row) is None


def test_a_numeral_that_ends_an_outlets_name_is_no_anonymous_one():
    text = "The Pentagon plans a new space command, Defense One reported Tuesday."
    row = row_at(text, "Defense One reported", "reported")
    assert row["source"] == "Defense One"
    assert not row["anonymous"]


def test_a_surname_alone_is_the_full_name_of_three_words():
    text = ("North Korean dictator Kim Jong Un has set a deadline for talks. "
            "Kim warned that he could send the United States a gift.")
    row = row_at(text, "Kim warned", "warned")
    assert row["source"] == "Kim Jong Un"
    assert row["source_type"] == "government"
    assert side(row) == "North Korea"


def test_a_general_manager_is_no_general():
    text = "“Our hearts are broken,” WDBJ General Manager Jeff Marks said."
    row = row_at(text, "Jeff Marks said", "said", home="United States")
    assert row["source"] == "Jeff Marks"
    assert row["source_type"] == "other"


# ----------------------------------------------------------------------------------- office from descriptions

def test_a_man_named_without_title_holds_the_office_the_article_describes_him_by():
    text = ("Mr. Dalton vowed to send troops into the capital. In a call on Monday, the president demanded that "
            "governors use the Guard. “We will dominate the streets,” Mr. Dalton said.")
    row = row_at(text, "Mr. Dalton said", "said", home="United States")
    assert row["source"] == "Dalton"
    assert row["source_type"] == "government"
    assert side(row) == "United States"


def test_the_office_of_a_description_with_no_country_is_of_the_country_the_article_is_about():
    text = ("Russia will vote on a new constitution. Moscow has set the date, and Russians expect a high turnout. "
            "Vladimir Sorokin proposed the changes in January; the president’s moves tend to be subtle. "
            "“It is time to change our country’s main law,” Sorokin said.")
    row = row_at(text, "Sorokin said", "said", home="United States")
    assert row["source"] == "Vladimir Sorokin"
    assert row["source_type"] == "government"
    assert side(row) == "Russia"


def test_a_candidate_described_as_the_nominee_is_a_politician():
    text = ("Mr. Dalton gave a speech on foreign policy. There was no mention by the party’s presumptive "
            "presidential nominee of his wall. “I know how to fix it,” Mr. Dalton said.")
    row = row_at(text, "Mr. Dalton said", "said", home="United States")
    assert row["source_type"] == "politician"


def test_a_description_followed_by_a_name_is_that_other_person():
    text = ("Police arrested Tom Fisk on Monday. The president, Joe Biden, called for calm. "
            "“I did nothing wrong,” Tom Fisk said.")
    row = row_at(text, "Tom Fisk said", "said", home="United States")
    assert row["source"] == "Tom Fisk"
    assert row["source_type"] == "other"  # a suspect the police arrested, not the president named after him
    assert side(row) is None


# ----------------------------------------------------------------------------------- titles read from the article

def test_the_president_of_an_association_speaks_for_the_association():
    text = "“They did nothing wrong,” said John Evers, the president of the Buffalo Police Benevolent Association."
    row = row_at(text, "said John Evers", "said", home="United States")
    assert row["source"] == "John Evers"
    assert row["source_type"] == "other"


def test_the_clause_after_according_to_a_name_is_no_description_of_him():
    text = ("According to Wayne Lapp, an arrogant political and media elite wants to take guns away. "
            "“We will fight,” Lapp said.")
    row = row_at(text, "Lapp said", "said", home="United States")
    assert row["source"] == "Wayne Lapp"
    assert row["source_type"] == "civilian"
    assert side(row) is None


def test_an_office_imagined_with_a_is_not_held():
    text = ("Colbert asked Bill Reilly about rifles. Colbert said a President Reilly would ban them. "
            "“I would not,” Reilly said.")
    row = row_at(text, "Reilly said", "said", home="United States")
    assert row["source"] == "Bill Reilly"
    assert row["source_type"] == "civilian"
    assert side(row) is None


# ----------------------------------------------------------------------------------- sides of unnamed sources

def test_an_is_militant_speaks_for_the_islamic_state():
    text = "In the latest video, an IS militant is also seen threatening to kill a hostage."
    row = row_at(text, "threatening", "threatening")
    assert row["source_type"] == "armed_group"
    assert row["anonymous"]
    assert side(row) == "Islamic State"


def test_unnamed_sources_of_a_ministry_belong_to_the_country_the_article_is_about():
    text = ("Egypt was tense on Sunday. Egyptian protesters filled Cairo, and Egypt’s army closed the roads. "
            "Thirty-five people were killed since Friday, according to health ministry sources.")
    row = row_at(text, "according to health", "according to", home="United States")
    assert row["anonymous"]
    assert row["source_type"] == "government"
    assert side(row) == "Egypt"


def test_the_president_is_the_president_named_last_before_the_description():
    text = ("Russian President Ivan Petrov met President Dan Cole in Hamburg. Weeks later, President Dan Cole "
            "fired an aide who had criticized him. The Post reported that the president told interpreters to "
            "keep quiet.")
    row = row_at(text, "the president told", "told", home="United States")
    assert row["source"] == "Dan Cole"
    assert side(row) == "United States"


# ----------------------------------------------------------------------------------- a name after the cue

@pytest.mark.parametrize(("text", "snippet", "name", "expected_type", "expected_side"), [
    # a description after the cue, then the name it describes, ending the sentence or set off by a comma
    ("The house burned on Sunday. “It was terrible,” said his mother, Jane Smith.", "said his mother", "Jane Smith",
     "civilian", None),
    ("“We will respond,” said the NSC spokeswoman, Caitlin Hayden, adding that talks would go on.",
     "said the NSC", "Caitlin Hayden", "government", "United States"),
    ("The strikes killed nine. “We will respond,” said Pakistan’s foreign ministry spokeswoman, "
     "Mumtaz Zahra Baloch.",
     "said Pakistan", "Mumtaz Zahra Baloch", "government", "Pakistan"),
    ("Gunmen stormed the mall. “They shot at everyone,” said one of the wounded, Nezamuddin Khan.",
     "said one", "Nezamuddin Khan", "civilian", None),
    # the body or place the description names stands between it and the name
    ("Rockets landed near Tel Aviv. Israelis consider the attacks an escalation, said Israel’s ambassador to the "
     "United States, Michael Oren.", "said Israel", "Michael Oren", "government", "Israel"),
])
def test_a_name_set_off_after_the_description_that_follows_the_cue_is_the_source(
        text, snippet, name, expected_type, expected_side):
    row = row_at(text, snippet, "said", home="United States")
    assert row["source"] == name
    assert not row["anonymous"]
    assert row["source_type"] == expected_type
    assert side(row) == expected_side



@pytest.mark.parametrize(("text", "snippet", "cue", "name"), [
    # a sentence adverb set off before the subject and its apposition is no speaker
    ("The talks ended. However, Andrei Lankov, a North Korea expert based in Seoul, told the paper he was "
     "skeptical.", "told the paper", "told", "Andrei Lankov"),
    ("The talks ended. Meanwhile, Ramin Mehmanparast, a spokesman for Iran’s foreign ministry, called the bombings "
     "a “source of sorrow” for his country.", "called the bombings", "called", "Ramin Mehmanparast"),
    # nor is a day after the cue
    ("The bill passed. Rep. Jane Doe, a Democrat who represents Parkland, said Monday in introducing a ban that it "
     "was time.", "said Monday", "said", "Jane Doe"),
])
def test_an_opening_adverb_or_a_day_is_no_speaker(text, snippet, cue, name):
    assert row_at(text, snippet, cue, home="United States")["source"] == name


def test_the_subject_after_according_to_is_no_name_of_the_one_cited():
    # "According to X, NAME ..." opens the clause of what X said: NAME is no source
    text = "Shots rang out at the mall. According to the man, Roberts, whose rifle was jamming, fled the scene."
    row = row_at(text, "According to", "According to")
    assert row["source"] != "Roberts"
    assert row["anonymous"]


def test_a_name_ending_a_list_is_not_described_by_the_phrase_before_it():
    # the phrase before the last name describes the person before it, not the leader named last
    text = ("He met Kim Il Sung, the founder of North Korea and grandfather of its current leader, Kim Jong Un. "
            "Kim said the talks were good.")
    row = row_at(text, "Kim said", "said")
    assert row["source_type"] == "government"
    assert side(row) == "North Korea"


def test_she_is_the_person_whose_comments_the_sentence_before_reports():
    # "Susan Rice's comments": a person who made comments is a person the pronoun may stand for
    text = ("The attack killed four Americans, including Ambassador Christopher Stevens. Much of the criticism "
            "focused on U.N. Ambassador Susan Rice’s comments that the violence was a spontaneous result of "
            "protests. She later backtracked, saying her comments were based on the information provided.")
    assert row_at(text, "backtracked, saying", "saying", home="United States")["source"] == "Susan Rice"


def test_a_month_name_that_is_a_surname_opens_no_aside():
    # "May, speaking on a visit to Salisbury, said": May is the speaker, not the place in the aside
    text = ("The allies expelled diplomats. May, speaking on a visit to Salisbury, said the move showed the allies "
            "“are standing alongside us” in protest.")
    assert row_at(text, "Salisbury, said", "said")["source_mention"] == "May"


@pytest.mark.parametrize(("text", "snippet", "name"), [
    # a place, a city before its state, or the person the description's last noun names is no speaker
    ("Shells fell all night. “It was bad,” said a resident of Aleppo, Syria.", "said a", "Syria"),
    ("The vigil was held on Sunday. “It was bad,” said the mother of one victim, Sandy Hook, Connecticut.",
     "said the",
     "Sandy Hook"),
    ("The officers were not charged. “It was bad,” said a lawyer for the family of the victim, Breonna Taylor.",
     "said a", "Breonna Taylor"),
])
def test_a_name_after_the_description_that_is_no_speaker(text, snippet, name):
    row = row_at(text, snippet, "said", home="United States")
    assert row["source"] != name
    assert row["anonymous"]


@pytest.mark.parametrize(("text", "snippet", "cue", "mention", "expected_type"), [
    # a noun in -ly is no adverb: "the family said", "the assembly said"
    ("The boy was shot on Monday. The family said the police lied.", "The family said", "said", "The family",
     "civilian"),
    ("The boy was shot on Monday. The victim’s family said the police lied.", "family said", "said",
     "The victim’s family", "civilian"),
    # a person for or of a body, with its determiner
    ("The boy was shot on Monday. A lawyer for the family said the police lied.", "family said", "said",
     "A lawyer for the family", "other"),
    # a present participle and what it governs describe the noun before them
    ("Officials investigating the attack said the gunman acted alone.", "attack said", "said",
     "Officials investigating the attack", "government"),
    ("Thousands marched on Sunday. People attending the rally said the police were calm.", "rally said", "said",
     "People attending the rally", "civilian"),
])
def test_the_whole_noun_phrase_before_the_cue_is_the_speaker(text, snippet, cue, mention, expected_type):
    row = row_at(text, snippet, cue, home="United States")
    assert row["source_mention"] == mention
    assert row["source_type"] == expected_type
    assert row["anonymous"]


@pytest.mark.parametrize(("text", "snippet", "mention"), [
    # an event in -ing that opens the sentence describes no speaker; nor is a thing in -er or -ent a person
    ("The town fell on Monday. After heavy fighting the army said it held the bridge.", "army said", "the army"),
    ("The trial ended. At Monday's sentencing the judge said he was sorry.", "judge said", "the judge"),
    ("The files were sealed. The order of the court said the files must be released.", "court said", "the court"),
])
def test_the_speaker_is_no_phrase_an_event_or_a_thing_opens(text, snippet, mention):
    assert row_at(text, snippet, "said", home="United States")["source_mention"] == mention


def test_an_adverb_between_the_speaker_and_the_verb_is_no_part_of_the_name():
    text = ("Ahmed Moshi, a labour organiser, spoke to reporters. Moshi partially blamed “greedy manpower agents” for "
            "the situation.")
    row = row_at(text, "Moshi partially blamed", "blamed")
    assert row["source"] == "Ahmed Moshi"


def test_a_word_of_time_is_no_speaker():
    # "at times" before the verb of a relative clause names no one
    text = ("Sen. Rand Paul (R-Ky.), who has at times pushed back on the president, warned that Russia could not be "
            "trusted.")
    assert "times" not in sources_of(text)["source"].tolist()
