"""framing.sources: where a name meets the words around it. A title written with a hyphen is the title
("director-general"); a name right after a preposition is that preposition's object, not a person titled by the
words before it ("Supporters of Recep Tayyip Erdogan"); an adverbial phrase set off before a name describes no one
("Before dawn on Tuesday, ..."); a place that ends a title is no part of the name after it ("Russian Ambassador to
the United States Sergey Kislyak") nor the side of the one named; a surname may open with a particle ("Adel
al-Jubeir"); a generation written after a surname ends the name ("Jr.") and makes no title of the surname
("King"), and one generation of a family is not the other; media named by no one are anonymous ("South Korean media"), a state's media are one body on the record.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sources_rows import only_row, sources_of


@pytest.mark.parametrize("text, typ, side", [
    ("Choe Son-hui, director-general of the North America bureau of the North Korean foreign ministry, told "
     "reporters at the airport that the talks would go on.", "government", "North Korea"),
    ("Tomas Ruiz, deputy director-general of Chile's interior ministry, told reporters that the talks would go on.",
     "government", "Chile"),
])
def test_a_title_written_with_a_hyphen_is_the_title(text, typ, side):
    row = only_row(text)
    assert (row["source_type"], row["affiliation"]) == (typ, side)


def test_a_name_after_a_preposition_takes_no_title_from_the_words_before_it():
    # "Supporters of" describes other people: Erdogan is the office holder the roles lexicon lists, not a civilian
    text = ("Supporters of Recep Tayyip Erdogan cheered outside the palace in Ankara on Sunday night. Erdogan said "
            "the vote had been free and fair.")
    row = only_row(text)
    assert (row["source"], row["source_type"], row["affiliation"]) == ("Recep Tayyip Erdogan", "government",
                                                                       "Turkey")


@pytest.mark.parametrize("name, typ, side", [
    ("Hassan Rouhani", "government", "Iran"),  # listed by the roles lexicon
    ("Ahmed Karimi", "civilian", None),  # given no role by the article
])
def test_an_adverbial_phrase_set_off_before_a_name_describes_no_one(name, typ, side):
    # the outlet "Dawn" of the roles lexicon is no description of the person named after "Before dawn Tuesday,"
    row = only_row(f"Before dawn Tuesday, {name}, flanked by his aides, said the sanctions would fail.")
    assert (row["source"], row["source_type"]) == (name, typ)
    assert (None if pd.isna(row["affiliation"]) else row["affiliation"]) == side


def test_a_description_set_off_before_a_name_still_describes_it():
    # the description inside the clause before the name ("the government of South Korea's new president") is read
    text = ("The launch dashed the hopes of the government of South Korea's new president, Jae-won Park, who took "
            "office last week. Park said he would still seek talks.")
    row = sources_of(text).iloc[-1]
    assert (row["source"], row["source_type"], row["affiliation"]) == ("Jae-won Park", "government", "South Korea")


def test_a_place_that_ends_a_title_is_no_part_of_the_name_nor_the_side():
    text = ("Russian Ambassador to the United States Sergey Kislyak said the claims were false. Kislyak added that "
            "the talks would go on.")
    rows = sources_of(text)
    assert list(rows["source"]) == ["Sergey Kislyak", "Sergey Kislyak"]
    assert list(rows["affiliation"]) == ["Russia", "Russia"]
    assert list(rows["source_mention"]) == ["Sergey Kislyak", "Kislyak"]


def test_a_place_after_to_that_ends_a_title_is_no_part_of_the_name():
    text = "U.S. Ambassador to Russia Jon Huntsman said the talks were useful. Huntsman added that more were planned."
    rows = sources_of(text)
    assert list(rows["source"]) == ["Jon Huntsman", "Jon Huntsman"]
    assert list(rows["affiliation"]) == ["United States", "United States"]


def test_a_name_in_apposition_after_an_ambassador_to_a_country_is_the_ambassador():
    text = "Saudi Arabia's ambassador to the United States, Adel al-Jubeir, told CNN the claims were false."
    row = only_row(text)
    assert (row["source"], row["source_type"], row["affiliation"]) == ("Adel al-Jubeir", "government",
                                                                       "Saudi Arabia")


@pytest.mark.parametrize("mention, side", [
    ("South Korean media", "South Korea"),
    ("Local radio stations", None),
    ("Pro-government television channels", None),
])
def test_media_named_by_no_one_are_anonymous(mention, side):
    row = only_row(f"{mention} reported that the missile test had failed.")
    assert row["source_type"] == "media"
    assert row["anonymous"]
    assert (None if pd.isna(row["affiliation"]) else row["affiliation"]) == side


@pytest.mark.parametrize("mention", ["Russian state media", "State media", "The media",
                                     # a state's media in other words
                                     "State-run television channels", "Kremlin-controlled media", "Chinese State media"])
def test_a_states_media_or_the_media_are_not_anonymous(mention):
    row = only_row(f"{mention} reported that the missile test had failed.")
    assert row["source_type"] == "media"
    assert not row["anonymous"]


def test_a_family_name_written_first_is_the_one_person_under_two_spellings():
    # "Kim" opens "Kim Jong-un" and "Kim Jong Un": one person, the leader the roles lexicon lists (not a
    # namesake's father, "Kim Jong-il", whom the lexicon does not list)
    text = ("North Korean leader Kim Jong-un said the tests would go on. The president wrote that “Kim Jong Un of "
            "North Korea” would be tested. Neither Kim’s father, Kim Jong-il, nor his grandfather made such a "
            "statement. Kim said he would not stop.")
    rows = sources_of(text)
    last = rows.iloc[-1]
    assert (last["source_mention"], last["source"], last["affiliation"]) == ("Kim", "Kim Jong-un", "North Korea")


@pytest.mark.parametrize("text, source, typ, side", [
    # a description of more than six words that opens the sentence, then a name with a particle
    ("The deputy secretary general at the Arab League, Ahmad bin Hilli, condemned the killing, saying it was "
     "contrary to the teachings of Islam.", "Ahmad bin Hilli", "international_ngo", "Arab League"),
    # a description, then a title before the name
    ("The head of Egypt's armed forces, Gen. Samir Farouk, told Egyptians that the plan was final.",
     "Samir Farouk", "military_security", "Egypt"),
    # another office holder's title and name inside the description, after a preposition
    ("A spokesman for interim President Adly Mansour, Ahmed Hamdi, said the vote would go ahead.", "Ahmed Hamdi",
     "government", "United States"),
    # a title among its first words: the head of an advocacy group is "other"
    ("The head of the National Rifle Association, Daniel Hartley, said more guards should be armed.",
     "Daniel Hartley", "other", None),
])
def test_a_description_set_off_before_a_name(text, source, typ, side):
    row = sources_of(text).iloc[-1]
    assert (row["source"], row["source_type"]) == (source, typ)
    assert (None if pd.isna(row["affiliation"]) else row["affiliation"]) == side


def test_a_family_name_written_first_takes_the_listed_spelling():
    # "Kim Jong-Un" (a caption's capital) and "Kim Jong-un" are one person, the leader under the listed spelling
    text = ("North Korean leader Kim Jong-Un watches a parade in Pyongyang. Sanctions have squeezed the Kim Jong-un "
            "regime. Thirteen years ago, Kim Jong-il made a similar offer. Last week, Kim told visitors that the "
            "North would give up its weapons.")
    last = sources_of(text).iloc[-1]
    assert (last["source_mention"], last["source"], last["source_type"], last["affiliation"]) == (
        "Kim", "Kim Jong-un", "government", "North Korea")


@pytest.mark.parametrize("text, typ", [
    ("Jaish-al-Adl said it carried out the attack on the border post.", "armed_group"),
    ("Asharq-al-Awsat reported that the talks had failed.", "media"),
])
def test_a_name_of_the_lexicon_written_with_hyphens_for_spaces(text, typ):
    # a term the lexicon writes "Jaish al-Adl" is found however its words are joined, and typed as listed
    assert only_row(text)["source_type"] == typ


def test_stations_that_are_no_outlets_are_not_anonymous_media():
    assert not only_row("Polling stations reported high turnout in the north.")["anonymous"]


@pytest.mark.parametrize("text, typ, not_side", [
    # a clause before the (title and) name, not a description of the person: a baker, ministers of no armed group
    ("The day President Putin came to power, Omar Haddad, who runs a bakery in Moscow, said prices rose.",
     "civilian", "Russia"),
    ("A day after the Taliban commander surrendered, Interior Minister Omar Haddad said the talks went well.",
     "government", "Taliban"),
    ("Welcomed by Hamas officials, Foreign Minister Omar Haddad, 54, said the talks went well.", "government",
     "Hamas"),
])
def test_a_clause_before_a_name_describes_no_one(text, typ, not_side):
    row = sources_of(text).iloc[-1]
    assert row["source_type"] == typ
    assert row["affiliation"] != not_side


@pytest.mark.parametrize("text, source, side", [
    # "to" after no title, a people's word, an owner: no place of a title to cut off
    ("The talks were useful, according to Australian Prime Minister Tony Abbott.", "Tony Abbott", "Australia"),
    ("The claims are false, according to the Palestinian U.N. observer Riyad Mansour.", "Riyad Mansour",
     "Palestine"),
])
def test_a_people_or_an_owner_before_a_name_keeps_its_side(text, source, side):
    row = only_row(text)
    assert (row["source"], row["affiliation"]) == (source, side)


def test_a_group_named_state_gives_its_outlets_no_state():
    row = only_row("A number of Islamic State propaganda outlets reported the attack on the town.")
    assert row["anonymous"]


def test_a_body_after_a_place_is_no_persons_name():
    row = only_row("The rate fell last year, according to the U.S. Bureau of Justice Statistics.")
    assert (row["source"], row["source_type"]) == ("U.S. Bureau of Justice Statistics", "government")


def test_a_generation_ends_the_name_and_the_surname_before_it_is_no_title():
    text = ("Martin Luther King Jr. led the march through the city. King said the march would go on, and the "
            "crowd cheered.")
    rows = sources_of(text)
    assert rows["source"].tolist() == ["Martin Luther King Jr."]
    assert rows["source_type"].tolist() == ["civilian"]  # no king
    text = "Gov. Jerry Brown Jr. said the budget was balanced. Brown added that schools would gain."
    rows = sources_of(text)
    assert rows["source"].tolist() == ["Jerry Brown Jr.", "Jerry Brown Jr."]


def test_one_generation_of_a_family_is_not_the_other():
    text = ("President Donald Trump spoke at the rally on Monday. Donald Trump Jr. said the meeting with the lawyer "
            "was short. Trump said the meeting was a waste of time.")
    rows = sources_of(text)
    assert rows["source"].tolist() == ["Donald Trump Jr.", "Donald Trump"]
    # the son takes no title of his father's
    assert rows["source_type"].tolist() == ["civilian", "government"]
    # the surname alone is the father's, whom the roles lexicon lists, though the article names only the son in full
    text = ("Donald Trump Jr. said the meeting with the lawyer was short. Trump Jr. said it had led nowhere. On "
            "Tuesday, Trump said at the White House that his son had done nothing wrong.")
    rows = sources_of(text)
    assert rows["source"].tolist() == ["Donald Trump Jr.", "Donald Trump Jr.", "Donald Trump"]


@pytest.mark.parametrize("text, source", [
    ("The Department of Health and Human Services said the rule would change.",
     "Department of Health and Human Services"),
    ("The Brady Campaign to Prevent Gun Violence said the bill would save lives.",
     "Brady Campaign to Prevent Gun Violence"),
    ("The Committee to Protect Journalists said two reporters were held.", "Committee to Protect Journalists"),
    # a body's name goes on after its noun with "for", "on" or "of", and "and" may join words before its noun
    ("The Center for American Progress said the plan would fail.", "Center for American Progress"),
    ("The Institute for the Study of War said Russian troops had advanced.", "Institute for the Study of War"),
    ("The Committee for a Responsible Federal Budget said the debt would rise.",
     "Committee for a Responsible Federal Budget"),
    ("The Council on Foreign Relations said in a paper that the plan would fail.", "Council on Foreign Relations"),
    ("The U.S. Agency for International Development said the aid would arrive.",
     "U.S. Agency for International Development"),
    ("The U.S. Army Corps of Engineers said the levee held.", "U.S. Army Corps of Engineers"),
    ("The U.S. Chamber of Commerce said it opposed the tax.", "U.S. Chamber of Commerce"),
    ("The Centers for Disease Control and Prevention said the virus was spreading.",
     "Centers for Disease Control and Prevention"),
    ("The Palestinian Center for Policy and Survey Research said most people backed the truce.",
     "Palestinian Center for Policy and Survey Research"),
    ("The U.S. Fish and Wildlife Service said the bird was endangered.", "U.S. Fish and Wildlife Service"),
    ("The Food and Drug Administration said the drug was safe.", "Food and Drug Administration"),
    ("The Bill and Melinda Gates Foundation said it would fund the vaccine.", "Bill and Melinda Gates Foundation"),
    ("The University of Wisconsin Oshkosh said the event was canceled.", "University of Wisconsin Oshkosh"),
    # a title inside a body's name is no person's, and a committee's name lists its fields with "and"
    ("The Office of the Director of National Intelligence said the report was accurate.",
     "Office of the Director of National Intelligence"),
    ("The Senate Committee on Homeland Security and Governmental Affairs said the hearing would go on.",
     "Senate Committee on Homeland Security and Governmental Affairs"),
    # two bodies named together: the first named
    ("The Pentagon and State Department said the plan was ready.", "Pentagon"),
    ("The White House and Justice Department said the plan was ready.", "White House"),
    ("Amnesty International and Human Rights Campaign said the law was unjust.", "Amnesty International"),
])
def test_a_body_whose_name_holds_and_or_to_is_named_whole(text, source):
    assert sources_of(text)["source"].tolist() == [source]


@pytest.mark.parametrize("text", [
    "But Brian Malte with the Brady Campaign to Prevent Gun Violence said simply that more people would die.",
    "Brian Malte with the ACLU said simply that more people would die.",
])
def test_a_person_with_a_body_is_the_person(text):
    row = sources_of(text).iloc[0]
    assert row["source"] == "Brian Malte"
    assert row["source_type"] == "other"


@pytest.mark.parametrize("text, source", [
    # people named by their role, with a body: the body's
    ("Negotiators with the Taliban said the talks would resume.", None),
    # "to" before a body that is no aim: the document's sender, or the body it went to, never the two as one name
    ("A letter from the Justice Department to Congress said the records were sealed.", None),
])
def test_with_and_to_join_no_other_words_into_a_name(text, source):
    row = sources_of(text).iloc[0]
    assert row["source"] not in ("Negotiators", "Justice Department to Congress")


@pytest.mark.parametrize("text, source", [
    # a person for a body, or of one: the person
    ("Cameron Easley, a spokesman for the Center for American Progress, said the plan would fail.", "Cameron Easley"),
    ("Jon Alterman of the Center for Strategic and International Studies said the plan would fail.", "Jon Alterman"),
    ("The FBI and Secret Service said the threat was real.", "FBI"),
    # two bodies, each named with "for" or "of", joined by "and": never one name
    ("The Center for American Progress and Media Matters said the ads were false.", "Media Matters"),
    ("The Department of Homeland Security and Federal Emergency Management Agency said aid was coming.", "Department"),
    # a body's name before a title and a name, or owning the name: the person
    ("“The rule will stand,” said Chamber of Commerce President Tom Donohue.", "Tom Donohue"),
    ("Department of Homeland Security Acting Deputy Secretary Ken Cuccinelli told reporters the rule would stand.",
     "Ken Cuccinelli"),
    ("“The deal will hold,” said Massachusetts Institute of Technology's Jim Walsh.", "Jim Walsh"),
])
def test_for_of_and_join_no_person_into_a_body(text, source):
    assert sources_of(text)["source"].tolist()[0] == source



@pytest.mark.parametrize("text, place", [
    # a place is no one a description names: one written after "the", or one whose last word names a place
    ("Netanyahu met the envoys on Monday. Speaking about peace in the Middle East, the Israeli leader said the "
     "talks were good.", "Middle East"),
    ("Crowds gathered on Monday. Standing near Ahrar Bridge, the Iraqi leader said the protests would be heard.",
     "Ahrar Bridge"),
])
def test_a_place_before_a_description_is_not_the_one_it_describes(text, place):
    row = sources_of(text).iloc[-1]
    assert row["source"] != place and row["source_type"] == "government"


@pytest.mark.parametrize("text, name", [
    # a surname that is a place's noun, after a given name, is still a person's
    ("Singer Billy Ocean canceled his tour on Monday. He said his health came first.", "Billy Ocean"),
    ("Mayor Antonio Plaza spoke on Monday. He said the city was safe.", "Antonio Plaza"),
    ("Coach Jordan River spoke on Monday. He said the team was ready.", "Jordan River"),
])
def test_a_person_whose_surname_is_a_places_noun_is_a_person(text, name):
    assert sources_of(text)["source"].tolist()[-1] == name


@pytest.mark.parametrize("opener", ["Even", "Then", "Indeed", "Still"])
def test_a_word_that_opens_the_sentence_is_no_given_name(opener):
    text = f"Sen. Lindsey Graham spoke to reporters on Monday. {opener} Graham said the deal was bad for the country."
    row = sources_of(text).iloc[-1]
    assert row["source"] == "Lindsey Graham"
    assert row["source_type"] == "politician"


@pytest.mark.parametrize("text, source", [
    # a body named with the noun of what it is, what it made or who speaks for it is the body
    ("Reuters news agency reported that ten people died.", "Reuters"),
    ("The Hankyoreh newspaper added that the talks would resume.", "Hankyoreh"),
    ("A Justice Department probe found that the police used excessive force.", "Justice Department"),
    ("Two fighters were killed, according to a statement from the SDF.", "SDF"),
    ("The strike killed ten, according to a report from the Department of Defense News.",
     "Department of Defense News"),
    ("A spokesman for the Podesta Group said the firm had done nothing wrong.", "Podesta Group"),
    ("An ADL spokesman said the group had seen more threats.", "ADL"),
    # without its owner, the place it is based or a possessive's mark
    ("Russia's Tass news agency reported that ten people died.", "Tass"),
    ("The Marines' statement said that ten people died.", "Marines"),
    ("An English-language Russian newspaper reported that ten people died.", "English-language Russian newspaper"),
    # a named spokesman is the person; an unnamed body's report stays a report
    ("Pentagon spokesman John Kirby said the strike was lawful.", "John Kirby"),
    # a people's word is no body, nor is a person a spokesman speaks for
    ("A North Korean spokesman said the talks had failed.", "North Korean spokesman"),
    ("Kerry flew to Paris on Monday. A spokesman for Kerry said the talks had failed.", "spokesman"),
    # a body's name goes on with "on" only after the noun of a body named so, and a plural's mark is the name's
    ("According to a statement from the senator on Twitter, the talks failed.", "statement"),
    ("According to a statement from the State Department on Iran, the talks failed.", "State Department"),
    ("A spokesman for the National Farmers' Union said prices had fallen.", "National Farmers' Union"),
    ("A report from the Council on Foreign Relations said the talks had failed.", "Council on Foreign Relations"),
])
def test_a_body_named_with_what_it_is_or_made_is_the_body(text, source):
    assert sources_of(text)["source"].tolist()[0] == source


@pytest.mark.parametrize("text", [
    # a party tag written with a period and a comma ends the name, and its comma opens no description
    "Rep. Steve Chabot (R., Ohio), a member of the House Foreign Affairs Committee, said she was the “chief "
    "architect” of the policy.",
    "Rep. Steve Chabot (R-Ohio), a member of the House Foreign Affairs Committee, said she was the “chief "
    "architect” of the policy.",
])
def test_a_party_tag_ends_the_name(text):
    row = sources_of(text).iloc[0]
    assert (row["source"], row["source_type"]) == ("Steve Chabot", "politician")
