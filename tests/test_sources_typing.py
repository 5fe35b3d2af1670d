"""framing.sources: typing sources the lexicon does not list by name -- unnamed bodies, companies, outlets,
people whose names share a word with an institution, pronouns after a body spoke, and offices whose titles hold
a security word.

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample").
"""

from __future__ import annotations

import pytest

from sources_rows import row_at, side


# ----------------------------------------------------------------------------------- bodies and companies

def test_unnamed_aid_agencies_are_anonymous_aid_organisations():
    text = "Thousands fled toward the border, and aid agencies warned that food would run out within days."
    row = row_at(text, text, "warned")
    assert row["source_type"] == "international_ngo"
    assert row["anonymous"]


def test_a_spokesman_for_a_group_speaks_for_the_group_not_a_government():
    text = ("The Coastal Anglers League lobbies for fishing rights. “We will sue,” said Tom Reyes, a spokesman for "
            "the group.")
    row = row_at(text, "“We will sue,” said", "said")
    assert row["source"] == "Tom Reyes"
    assert row["source_type"] == "other"


def test_a_company_named_with_a_corporate_suffix_elsewhere_is_a_company():
    text = ("Shares of Harlow Outfitters Inc. rose on Friday. Harlow Outfitters said on Monday that it would stop "
            "selling rifles.")
    row = row_at(text, "Harlow Outfitters said", "said")
    assert row["source_type"] == "other"
    assert not row["anonymous"]


def test_a_body_the_next_sentence_describes_takes_the_type_of_the_description():
    text = ("Dunmore announced on Tuesday that it would stop selling ammunition. The retailer is also asking "
            "customers not to carry guns in its stores.")
    row = row_at(text, text, "announced")
    assert row["source"] == "Dunmore"
    assert row["source_type"] == "other"


def test_a_newspaper_named_as_a_source_is_media():
    text = "The suspect had trained at the same gym as the victim, according to the Harbor City Globe."
    row = row_at(text, text, "according to")
    assert row["source_type"] == "media"
    assert not row["anonymous"]


def test_an_unnamed_cop_is_an_anonymous_police_source():
    text = "The cop, who was reported by a neighbour, later admitted to writing the posts."
    row = row_at(text, text, "admitted")
    assert row["source_type"] == "military_security"
    assert row["anonymous"]


def test_unnamed_proponents_are_anonymous():
    text = "Proponents of a new treaty point out that trade between the two countries has doubled."
    assert row_at(text, text, "point out")["anonymous"]


# ----------------------------------------------------------------------------------- people

def test_a_given_name_that_is_a_word_of_an_outlet_stays_in_the_name():
    # "Al" is a word of "Al Jazeera" and "Rand" of "Rand Corporation": neither stops a person's name
    text = ("The Rev. Al Benton led the service on Sunday. “We want justice,” Benton wrote in a statement. "
            "“I did my job,” said Rand Miller, a nurse at the clinic.")
    row = row_at(text, "Benton wrote", "wrote")
    assert row["source"] == "Al Benton"
    assert row["source_type"] == "other"  # clergy, as pastor and imam
    row = row_at(text, "said Rand", "said")
    assert row["source"] == "Rand Miller"
    assert row["source_type"] == "civilian"


def test_he_after_a_body_spoke_is_the_person_named_in_that_sentence():
    text = ("The campaign, said to involve former treasury aide Tom Rhine, aimed at building what he "
            "described as a wall of friendly donors.")
    row = row_at(text, "what he described as", "what he described as")
    assert row["source"] == "Tom Rhine"


def test_she_is_the_person_just_introduced_not_an_earlier_speaker():
    text = ("“The bridge opens in June,” Kyle Brandt said. I asked one of the volunteers, Linda Moreau of Friends "
            "Of The Harbor, about the budget. “It is tight,” she said.")
    row = row_at(text, "she said", "said")
    assert row["source"] == "Linda Moreau"


def test_a_name_before_an_office_is_no_antecedent_of_he():
    text = ("The plan, said to involve former Obama administration aide Ben Corrado, was dropped after what he "
            "called a leak.")
    assert row_at(text, "what he called", "what he called")["source"] == "Ben Corrado"


def test_a_person_named_before_an_unnamed_officer_keeps_no_rank_of_the_officer():
    text = ("Vera Stone called for help on Sunday. The officer, who is not named in the lawsuit, arrived an hour "
            "later. “He pushed me to the floor,” Stone said.")
    row = row_at(text, "Stone said", "said")
    assert row["source"] == "Vera Stone"
    assert row["source_type"] == "civilian"


def test_that_official_is_the_unnamed_official_quoted_before():
    text = ("“The memo is incomplete,” one defense official said. “We are reluctant to judge,” that official "
            "added.")
    row = row_at(text, "that official added", "added", home="United States")
    assert row["anonymous"]
    assert row["source_type"] == "military_security"


def test_a_speaker_set_off_by_commas_is_the_subject_of_a_participle_cue():
    text = ("Governor Tom Ward, for his part, commented on the flood on Monday at a fair in Dayton, saying the "
            "levees had held.")
    row = row_at(text, text, "saying")
    assert row["source"] == "Tom Ward"
    assert row["source_type"] == "government"


def test_a_name_after_the_cue_is_the_speaker():
    text = "The ruling will not survive an appeal, explains Jenna Bright, a lawyer."
    row = row_at(text, text, "explains")
    assert row["source"] == "Jenna Bright"
    assert row["source_type"] == "expert"


# ----------------------------------------------------------------------------------- government or security

def test_a_national_security_adviser_is_a_government_official():
    text = "“We are watching closely,” national security adviser Tom Brant told reporters on Sunday."
    row = row_at(text, text, "told", home="United States")
    assert row["source"] == "Tom Brant"
    assert row["source_type"] == "government"
    assert side(row) == "United States"


def test_an_ex_national_security_adviser_is_an_expert():
    text = ("Ex-national security adviser Jim Dorne has a book out. “He knows the book is factual,” Dorne said "
            "on Sunday.")
    row = row_at(text, "Dorne said", "said")
    assert row["source"] == "Jim Dorne"
    assert row["source_type"] == "expert"


def test_unnamed_countries_speaking_are_governments():
    text = "Britain warned Moscow on Friday, and several other countries said they would impose new sanctions."
    row = row_at(text, text, "said")
    assert row["source_type"] == "government"


def test_the_end_of_a_body_s_name_is_no_speaker_the_person_it_describes_is():
    text = ("In Ohio, Avery Gardner, the co-director of the Alliance to End Street Violence told a radio host "
            "that the new rule was welcome.")
    assert row_at(text, text, "told")["source"] == "Avery Gardner"


def test_the_organization_is_named_before_the_mention_not_before_a_later_cue():
    text = ("Amnesty International published the letters in May. “We never spoke to him,” the organization said "
            "in a post on Facebook, referring to the envoy.")
    row = row_at(text, "referring to", "referring to")
    assert row["source"] == "Amnesty International"
    assert row["source_type"] == "international_ngo"


# ----------------------------------------------------------------------------------- countries

def test_a_country_of_two_words_speaking_is_its_government():
    text = "The launch came hours after the drills ended. South Korea said it had tracked the missile for ten minutes."
    row = row_at(text, "South Korea said", "said")
    assert row["source"] == "South Korea"
    assert row["source_type"] == "government"
    assert side(row) == "South Korea"
    assert not row["anonymous"]


def test_a_person_whose_first_name_is_a_place_stays_a_person():
    text = "The bakery on the square lost its windows. Georgia Halloran said the glass shook for a full minute."
    row = row_at(text, "Halloran said", "said")
    assert row["source"] == "Georgia Halloran"
    assert row["source_type"] == "civilian"


# ----------------------------------------------------------------------------------- justice officials

def test_prosecutors_are_government_officials_not_security_forces():
    text = ("The driver was charged on Friday. Prosecutors said he had been drinking before the crash, and "
            "District Attorney Nora Vance said the case would go to trial in spring.")
    unnamed = row_at(text, "Prosecutors said", "said")
    assert unnamed["source_type"] == "government"
    assert unnamed["anonymous"]
    named = row_at(text, "Vance said", "said")
    assert named["source"] == "Nora Vance"
    assert named["source_type"] == "government"
    assert not named["anonymous"]


@pytest.mark.parametrize("title", ["St. Louis County prosecuting attorney", "U.S. Attorney", "County Attorney",
                                   "Commonwealth's Attorney", "State’s Attorney"])
def test_a_public_attorney_is_a_government_official_not_an_expert(title):
    text = f"The officer was not charged. “The evidence did not support a charge,” {title} Nora Vance said."
    row = row_at(text, "Vance said", "said")
    assert row["source"] == "Nora Vance"
    assert row["source_type"] == "government"


def test_a_former_prosecutor_of_a_public_attorneys_office_is_an_expert():
    text = ("The memo was filed on Friday. “We may see as many redactions,” said Glen Kirk, a former federal "
            "prosecutor with the U.S. Attorney’s Office in Washington.")
    row = row_at(text, "said", "said")
    assert (row["source"], row["source_type"]) == ("Glen Kirk", "expert")


# ----------------------------------------------------------------------------------- names

def test_a_subordinator_opening_the_sentence_is_no_part_of_the_name():
    text = "Although Dana Whitfield said the bridge was safe, the county closed it on Monday."
    row = row_at(text, "Whitfield said", "said")
    assert row["source"] == "Dana Whitfield"


@pytest.mark.parametrize("text, cue", [
    ("“We all need to work together,” the mayor said Friday, according to FOX 9.", "according to"),
    ("The fire spread to three homes, according to KSDK-TV.", "according to"),
    ("The school will stay closed on Monday, according to KARE 11.", "according to"),
    # four capitals alone, where the article calls them a station
    ("The school was closed on Monday, according to WJLA, the local ABC affiliate.", "according to"),
])
def test_a_broadcaster_by_its_call_sign_or_channel_is_media(text, cue):
    assert row_at(text, text, cue)["source_type"] == "media"


@pytest.mark.parametrize("text", [
    "WADA said the athletes had been tested twice.",
    "KFOR said its troops would stay in northern Kosovo.",
    "WWII veteran John Smith said the memorial was overdue.",
])
def test_four_capitals_alone_are_no_broadcaster(text):
    assert row_at(text, text, "said")["source_type"] != "media"


@pytest.mark.parametrize("text, typ", [
    ("A former hostage told the newspaper that the man had led the guards.", "civilian"),
    ("A former classmate said he had been quiet and polite.", "civilian"),
    ("A former official said the plan had failed.", "expert"),  # a role held once
    ("A former FBI hostage negotiator said the plan had failed.", "expert"),
])
def test_a_civilian_once_is_still_a_civilian(text, typ):
    row = row_at(text, text, "said" if " said " in text else "told")
    assert row["source_type"] == typ
    assert row["anonymous"]


def test_a_description_no_comma_closes_describes_the_name_before_it():
    text = ("In Ohio, Avery Gardner, the co-director of the Alliance for Safe Streets told a radio host that the new "
            "rule was welcome.")
    assert row_at(text, text, "told")["source"] == "Avery Gardner"
    # (not a word that opens the sentence: "Further" names no one)
    text = "Further, an official said the plan had failed."
    row = row_at(text, text, "said")
    assert row["source_type"] == "government" and row["anonymous"]
    # nor a place a preposition governs, with a body's description
    text = "The ambassador was killed in an attack in the city of Benghazi, the White House confirmed on Wednesday."
    assert row_at(text, text, "confirmed")["source"] == "White House"


@pytest.mark.parametrize("text, typ", [
    # a negotiator is an official, and one who was is an expert
    ("“The talks will go on,” said John Smith, the chief negotiator for the United States.", "government"),
    ("“The talks will fail,” said John Smith, a former peace negotiator.", "expert"),
])
def test_a_negotiator_is_an_official(text, typ):
    assert row_at(text, text, "said")["source_type"] == typ
