"""framing.sources: the one accused is no speaker, what a reporter obtained is no one's own document, the staff of
a politician speak as a politician, a name's particle in either case, a listed leader named by an honorific, the one
holder of an office the article names, and counted members of a party.

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample": unnamed people are
anonymous; a politician's spokesperson is a politician; an agentless passive names no source).
"""

from __future__ import annotations

import pandas as pd

import framing
from sources_rows import corpus, row_at, side


# ------------------------------------------------------------------ a passive without its auxiliary names no one

def test_the_noun_before_a_passive_without_auxiliary_is_the_one_accused():
    for text, cue in (("A new indictment named two hackers accused of breaking into the utility's network.", "accused"),
                      ("Metro briefs: Harbor bomber suspect accused of buying fertilizer in bulk", "accused"),
                      ("The mayor, criticized for his slow response, promised a review.", "criticized"),
                      ("The chemist was arrested in May and accused of selling secrets.", "accused")):
        row = row_at(text, text, cue)
        assert pd.isna(row["source_mention"]), text
        assert row["source_type"] == "unknown"


def test_the_agent_after_the_passive_is_the_speaker():
    text = "The two chemists accused of espionage by the prosecutors in Lyon were released on bail."
    row = row_at(text, text, "accused")
    assert row["source_mention"] == "the prosecutors in Lyon"
    assert row["source_type"] == "government"


def test_an_active_verb_whose_object_went_before_keeps_its_subject():
    text = "The court freed two men it described as suspects. Iran, which the envoy has accused of stalling, denied it."
    assert row_at(text, text, "described")["source_mention"] == "it"
    assert row_at(text, text, "accused")["source_mention"] == "the envoy"
    text = "Prosecutors accused the chemist of selling secrets."
    assert row_at(text, text, "accused")["source_mention"] == "Prosecutors"
    text = "The council condemned the launch of a rocket that world leaders described as a banned test."
    assert row_at(text, text, "described")["source_mention"] == "world leaders"
    text = "What Dutch officials described as a glitch was a cyberattack."
    row = row_at(text, text, "described")
    assert row["source_mention"] == "Dutch officials"
    assert side(row) == "Netherlands"
    text = "The outcome the minister described as a victory was a stalemate."
    assert row_at(text, text, "described")["source_mention"] == "the minister"
    text = "The plan Lindqvist described as reckless was approved on Monday."
    assert row_at(text, text, "described")["source"] == "Lindqvist"
    text = "The rapper Jax accused of copying a song has denied it."
    assert pd.isna(row_at(text, text, "accused")["source_mention"])  # a title before a name: the one accused
    text = "Economists described as alarming the sharp rise in prices."
    assert row_at(text, text, "described")["source_mention"] == "Economists"
    text = "Critics denounced as racist the remarks made by the governor on Friday."
    assert row_at(text, text, "denounced")["source_mention"] == "Critics"  # not the agent of "made"
    text = "Some residents of the valley even asked to join the neighbouring province."
    assert row_at(text, text, "asked")["source_mention"] == "Some residents of the valley"  # "ask to": a request


# ----------------------------------------------------------------------------- what a reporter has is no author

def test_documents_obtained_by_an_outlet_are_not_the_outlets():
    text = "The ministry planned the cuts in March, according to documents obtained by The Baltic Herald."
    row = row_at(text, text, "according to")
    assert row["source"] != "Baltic Herald"
    assert row["source_type"] == "document"
    text = "The cuts were planned in March, according to a memo by the Finance Ministry."
    assert row_at(text, text, "according to")["source"] == "Finance Ministry"


# --------------------------------------------------------------------------------- who makes a claim, who is staff

def test_the_subject_of_made_makes_the_claims():
    text = "A Turkish news site said the convoy was hit. Kurdish media later made similar claims."
    row = row_at(text, text, "claims")
    assert row["source_mention"] == "Kurdish media"
    assert row["source_type"] == "media"
    text = "The minister rejected Smith's claim."
    table = framing.sources(corpus(text))
    assert text.index("claim.") not in set(table["cue_start"])  # the claim is named, nothing claimed is reported


def test_a_politicians_spokesperson_speaks_as_a_politician_even_if_their_surname_is_a_role():
    text = ("Sen. Maria Lopez filed the bill on Monday. Lopez’s spokesperson Daniel Bishop told reporters the vote "
            "would come next week.")
    row = row_at(text, text, "told")
    assert row["source"] == "Daniel Bishop"
    assert row["source_type"] == "politician"


# ----------------------------------------------------------------------------------------------- who a name is

def test_a_name_particle_opening_a_sentence_is_the_same_persons():
    text = ("Sheriff Ruud van Dijk wrote on Facebook that the order was unlawful. Van Dijk also said deputies would "
            "not enforce it.")
    row = row_at(text, "Van Dijk also said", "said")
    assert row["source"] == "Ruud van Dijk"
    assert row["source_type"] == "military_security"


def test_an_honorific_names_the_listed_leader_named_first_not_a_later_namesake():
    text = ("North Korean leader Kim Jong Un met envoys on Sunday. The U.S. team was led by Sung Kim, a former "
            "ambassador. Mr. Kim later said he was committed to the talks.")
    row = row_at(text, "Mr. Kim later said", "said")
    assert row["source"] == "Kim Jong Un"
    assert side(row) == "North Korea"
    text = ("Sung Kim, a former U.S. ambassador, led the team. North Korean leader Kim Jong Un waited. Mr. Kim said "
            "the talks went well.")
    assert row_at(text, "Mr. Kim said", "said")["source"] == "Sung Kim"


def test_the_office_is_its_one_holder_named_far_before():
    filler = " ".join(["The delegation toured the old market and the new stadium that afternoon."] * 12)
    text = ("Visiting Ulaanbaatar, the envoy held talks with President Tsogt Bayar and Foreign Minister Batbold "
            "Erdene. " + filler +
            " As the ceremony ended, the foreign minister said the visit had opened a new chapter.")
    row = row_at(text, "the foreign minister said", "said")
    assert row["source"] == "Batbold Erdene"
    assert row["source_type"] == "government"


def test_a_share_bar_is_no_given_name():
    text = ("Facebook Twitter Pinterest Anna Wirth has led the inquiry since 2017. Photograph: Agency\n\n"
            "Special counsel Anna Wirth said the inquiry was nearly complete.")
    row = row_at(text, "Anna Wirth said", "said")
    assert row["source"] == "Anna Wirth"
    assert row["source_type"] == "government"


def test_what_was_done_to_a_person_is_no_title_of_theirs():
    text = "The police arrest of Victor Hale drew protests. Hale said on Friday that he would plead not guilty."
    row = row_at(text, "Hale said", "said")
    assert row["source"] == "Victor Hale"
    assert row["source_type"] != "military_security"


def test_an_irregular_past_ends_the_subject():
    text = ("Officers of the Harbor City Police Department made the arrest. The department sought to keep the video "
            "sealed, arguing that it would harm the inquiry.")
    row = row_at(text, text, "arguing")
    assert row["source_mention"] == "The department"
    assert row["source_type"] == "military_security"


# --------------------------------------------------------------------------------------- counted party members

def test_counted_members_of_a_party_are_unnamed_politicians():
    for text in ("He left early. Several Senate Republicans said they would not join the filibuster.",
                 "Three House Democrats said they would vote against the bill.",
                 "Two Democrats said they would vote against the bill."):
        row = row_at(text, text, "said")
        assert row["source_type"] == "politician", text
        assert bool(row["anonymous"]) is True, text


# ------------------------------------------------------------------------------------------ names of bodies

def test_a_department_named_by_its_field_keeps_the_field_in_its_name():
    for text, name in (("He left the talks. The State Department said the visit was cancelled.", "State Department"),
                       ("He left the talks. The Justice Department said the inquiry was closed.", "Justice Department"),
                       ("He left. The Senate Intelligence Committee said the report was final.",
                        "Senate Intelligence Committee")):
        assert row_at(text, text, "said")["source"] == name
    text = "He left. Secretary of State Mara Quinn said the visit was cancelled."
    assert row_at(text, text, "said")["source"] == "Mara Quinn"


def test_the_last_word_of_a_body_before_a_name_is_no_given_name():
    text = ("But former U.S. attorney for the District of Columbia Peter Velde defended the adviser. Velde said the "
            "charges were weak.")
    row = row_at(text, "Velde said", "said")
    assert row["source"] == "Peter Velde"
    assert row["source_type"] == "expert"  # a former official commenting


def test_unnamed_advocates_are_people_of_no_known_body():
    text = "Gun-control advocates say the new law is too weak."
    row = row_at(text, text, "say")
    assert row["source_type"] == "unknown"
    assert bool(row["anonymous"]) is True
    text = "Everytown, an advocacy group, said the new law is too weak."
    assert row_at(text, text, "said")["source_type"] == "other"


# ------------------------------------------------------------------------------------ who a participle goes on

def test_a_participle_goes_on_with_the_speaker_of_its_sentence():
    text = ("Senator Ruth Abel said she does not understand why her colleagues would block any vote on the bill, "
            "saying the chamber should at least debate it.")
    assert row_at(text, text, "saying")["source"] == "Ruth Abel"
    text = "Saying that the treaty “should never be an afterthought,” Minister Omar Haddad signed it on Monday."
    assert row_at(text, text, "Saying")["source"] == "Omar Haddad"
    text = "Defense officials, while decrying the missile tests, said the new deployments were routine."
    row = row_at(text, text, "decrying")
    assert row["source_mention"] == "Defense officials"
    assert row["source_type"] == "military_security"


def test_a_party_tag_and_an_aside_between_dashes_stand_between_subject_and_verb():
    text = ("House Minority Whip Tom Keller (R-Tenn.) — who was injured in a shooting in 2017 — argued the bill would "
            "make it harder for gun owners to help a friend.")
    row = row_at(text, text, "argued")
    assert row["source"] == "Tom Keller"
    assert row["source_type"] == "politician"


def test_he_after_and_is_the_person_the_description_opening_the_sentence_names():
    text = ("Mayor Ann Ortiz said the city was calm. She praised the way Police Chief Daniel Reyes released the "
            "footage. The chief did not take questions, and he added that two officers were on leave.")
    row = row_at(text, "he added", "added")
    assert row["source"] == "Daniel Reyes"
    assert row["source_type"] == "military_security"
