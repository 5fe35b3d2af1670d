"""framing.sources: a possessor before a person's name or before a document.

"Egypt's President Abdel Fattah al-Sisi" and "Poland's Sikorski" are the person, one source with the person
named elsewhere in the article; "the Pentagon's latest report on Afghanistan" is the Pentagon's, its author (the
gold codebook: a document with a named author is coded as its author), and "the report" after it is the Pentagon's
too.

Every sentence here is written for these tests; the expected source, type and side are what a reader of the
sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

import pytest

from sources_rows import row_at, side, sources_of


# ----------------------------------------------------------------------------------- a person after a possessor

@pytest.mark.parametrize("text, snippet, cue, source, typ, affiliation", [
    ("The deal is off, Egypt's President Abdel Fattah al-Sisi said on Monday.",
     "al-Sisi said", "said", "Abdel Fattah al-Sisi", "government", "Egypt"),
    ("Polish Foreign Minister Radoslaw Sikorski flew to Kyiv on Monday. “We will not yield,” Poland's Sikorski "
     "said.",
     "Sikorski said", "said", "Radoslaw Sikorski", "government", "Poland"),
    ("Peter Kenyon reported from Cairo on Monday. “It is calm,” NPR's Kenyon said.",
     "Kenyon said", "said", "Peter Kenyon", "media", None),
    ("Turkey’s Foreign Minister Mevlut Cavusoglu said the talks had failed.",
     "Cavusoglu said", "said", "Mevlut Cavusoglu", "government", "Turkey"),
])
def test_a_person_after_a_possessor_is_the_person(text, snippet, cue, source, typ, affiliation):
    row = row_at(text, snippet, cue, home="United States")
    assert row["source"] == source
    assert row["source_type"] == typ
    assert side(row) == affiliation


def test_a_person_after_a_possessor_is_one_source_with_the_person_named_before():
    text = ("Polish Foreign Minister Radoslaw Sikorski met his Ukrainian counterpart on Monday. "
            "Sikorski said Poland would send more aid. Later, Poland's Sikorski told reporters the aid was ready.")
    rows = sources_of(text)
    assert set(rows["source"]) == {"Radoslaw Sikorski"}


@pytest.mark.parametrize("text, cue, source", [
    # a name as a whole, not a person a body owns
    ("Dick's Sporting Goods said it would stop selling the rifles.", "said", "Dick's Sporting Goods"),
    # a country a leader is said to own is no person
    ("Putin's Russia said the sanctions were illegal.", "said", "Putin's Russia"),
])
def test_a_possessed_name_that_is_no_person_stays_as_written(text, cue, source):
    row = row_at(text, text, cue, home="United States")
    assert row["source"] == source


# ----------------------------------------------------------------------------------- a document after a possessor

@pytest.mark.parametrize("text, source, typ, affiliation", [
    ("The Pentagon’s latest report on Afghanistan said the army remains unable to sustain itself.",
     "Pentagon", "military_security", "United States"),
    ("The Pentagon’s most recent progress report said the army remains unable to sustain itself.",
     "Pentagon", "military_security", "United States"),
    ("Human Rights Watch’s annual report on Yemen said the coalition bombed a school.",
     "Human Rights Watch", "international_ngo", "Human Rights Watch"),
])
def test_a_document_after_a_possessor_is_its_author(text, source, typ, affiliation):
    row = row_at(text, text, "said", home="United States")
    assert row["source"] == source
    assert row["source_type"] == typ
    assert side(row) == affiliation


def test_the_report_after_a_possessed_report_is_its_author():
    text = ("The Pentagon’s most recent progress report on Afghanistan said the army remains weak.\n\n"
            "“The army made impressive progress,” the report said.")
    row = row_at(text, "the report said", "said", home="United States")
    assert row["source"] == "Pentagon"
    assert row["source_type"] == "military_security"


def test_the_report_after_a_report_of_an_unnamed_body_stays_a_document():
    text = ("An internal report on Afghanistan was leaked on Monday.\n\n"
            "“The army made impressive progress,” the report said.")
    row = row_at(text, "the report said", "said", home="United States")
    assert row["source_type"] == "document"


@pytest.mark.parametrize("text, source, affiliation", [
    ("A new report by the U.S. Justice Department found that officers used excessive force.\n\n"
     "The report said the city had ignored complaints.", "U.S. Justice Department", "United States"),
    ("A report by the U.N. described abuses in the camps. The report said the army had fired first.",
     "U.N.", "United Nations"),
])
def test_the_report_after_a_report_by_a_body_with_initials_is_the_body(text, source, affiliation):
    row = row_at(text, "The report said", "said", home="United States")
    assert row["source"] == source
    assert side(row) == affiliation


def test_a_surname_after_a_country_is_no_namesake_of_another_side():
    text = ("U.S. Ambassador Sung Kim led the talks on Sunday. South Korean President Moon Jae-in said he and "
            "North Korea’s Kim had agreed that the summit must go ahead.")
    row = row_at(text, "North Korea’s Kim had agreed", "agreed", home="United States")
    assert row["source"] != "Sung Kim"
    assert side(row) == "North Korea"


def test_a_surname_after_a_country_is_no_namesake_the_article_gives_no_side():
    text = ("Sen. Ron Johnson said the tariffs would hurt farmers in Wisconsin. Britain's Johnson said the trade "
            "deal was fair.")
    row = row_at(text, "Britain's Johnson said", "said", home="United States")
    assert row["source"] != "Ron Johnson"


def test_a_system_a_body_owns_is_no_person():
    text = ("There was nothing in the FBI's National Instant Criminal Background Check System that indicated he "
            "should be barred from owning a firearm, the agent said.")
    rows = sources_of(text)
    assert "Instant Criminal Background Check System" not in set(rows["source"])


@pytest.mark.parametrize("text, snippet", [
    ("Trump’s allies said the speech showed that he could be presidential.", "the speech showed"),
    ("The governor's veto of the legislation, which declared federal rules void, was overridden. "
     "The legislation declared that such rules were void.", "The legislation declared"),
])
def test_a_possessor_before_a_clause_is_no_author(text, snippet):
    row = row_at(text, snippet, snippet.split()[-1], home="United States")
    assert row["source_type"] == "document"


def test_a_survey_a_named_body_made_is_the_body_and_of_its_type():
    text = "Pew’s survey in 2013 found that 56 percent of Americans believed gun crime had gone up."
    row = row_at(text, text, "found", home="United States")
    assert row["source"] == "Pew"
    assert row["source_type"] == "expert"


@pytest.mark.parametrize("text", [
    "The daughter of Gen. Qassem Soleimani says the death of her father will not break the country.",
    "The daughter of Iran’s Gen. Qassem Soleimani says the death of her father will not break the country.",
])
def test_the_relative_of_a_named_person_is_not_that_person(text):
    row = row_at(text, text, "says", home="United States")
    assert row["source"] != "Qassem Soleimani"


def test_the_statement_a_person_made_in_a_statement_is_theirs():
    text = ("President Donald Trump in a statement blamed the country’s immigration system for the attack. The "
            "police union said its officers took down the suspect.\n\n"
            "“Today’s terror suspect entered our country through chain migration,” the statement read.")
    row = row_at(text, "the statement read", "read", home="United States")
    assert row["source"] == "Donald Trump"


def test_a_body_named_in_what_a_statement_says_is_not_its_author():
    text = ("Homeland Security Press Secretary Tyler Houlton said in a statement that Ullah came to the U.S. from "
            "Bangladesh.\n\n“He was a lawful permanent resident,” the statement said.")
    row = row_at(text, "the statement said", "said", home="United States")
    assert row["source"] != "Bangladesh"
    assert side(row) != "Bangladesh"


def test_a_document_posted_by_someone_is_not_of_the_group_they_praised():
    text = ("One suspect, Elton Simpson, linked himself to ISIS in a tweet posted just before the attack.\n\n"
            "“May God accept us,” the tweet said.")
    row = row_at(text, "the tweet said", "said", home="United States")
    assert row["source"] != "ISIS"
    assert row["source_type"] != "armed_group"


@pytest.mark.parametrize("text, snippet", [
    ("The Pope's autopsy report said he died of a heart attack.", "said"),
    ("The President's medical report said he was in excellent health.", "said"),
])
def test_a_document_about_its_possessor_is_not_theirs(text, snippet):
    row = row_at(text, text, snippet, home="United States")
    assert row["source"] not in ("Pope", "President")


def test_a_document_a_named_person_made_is_that_person():
    text = ("President Donald Trump signed the order on Monday. President Trump's executive order says the ban "
            "lasts 90 days.")
    row = row_at(text, "order says", "says", home="United States")
    assert row["source"] == "Donald Trump"


def test_a_document_made_by_a_body_in_a_relative_clause_is_the_body():
    text = ("A report that was published by Amnesty International accused the army of torture. The report said "
            "detainees were beaten.")
    row = row_at(text, "The report said", "said", home="United States")
    assert row["source"] == "Amnesty International"


def test_a_sentence_after_initials_is_no_part_of_the_author():
    text = "Officials cited a report by the U.N. Afghan forces were weak, the report said."
    row = row_at(text, "the report said", "said", home="United States")
    assert row["source"] == "U.N."


def test_a_body_named_in_what_a_statement_says_after_saying_is_not_its_author():
    text = ("The White House later released a statement saying it had rejected a request from Maduro to speak by "
            "phone. The statement said the president would gladly speak with the leader of Venezuela.")
    row = row_at(text, "The statement said", "said", home="United States")
    assert row["source"] == "White House"

