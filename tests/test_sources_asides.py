"""framing.sources: subjects that an aside, a participle phrase, a clause or a possessive separates from the cue,
bodies named by an acronym or through their documents, speakers who are no one, and roles given as a predicate.

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample": unnamed people are
anonymous; two speakers named jointly are coded as the first; a document with a named author is its author's).
"""

from __future__ import annotations

import framing
from sources_rows import corpus, row_at, side


# ------------------------------------------------------------------------ the subject beyond an aside or a phrase

def test_members_named_in_an_aside_leave_the_subject_before_them():
    text = ("Critics of the agreement, including Republican senators and two former envoys, say the pact gives "
            "Tehran too much room.")
    row = row_at(text, text, "say")
    assert row["source_mention"] == "Critics of the agreement"
    assert bool(row["anonymous"]) is True


def test_a_hyphen_between_spaces_sets_off_an_aside_like_a_dash():
    text = "Farm groups welcomed the plan, but opponents of the levy - such as some dairy farmers - say it is unfair."
    row = row_at(text, text, "say")
    assert row["source_mention"] == "opponents of the levy"
    assert bool(row["anonymous"]) is True


def test_a_participle_and_its_preposition_describe_the_noun_before_them():
    text = "A senior Israeli defense official involved in the ceasefire talks said the gaps remained wide."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "A senior Israeli defense official"
    assert row["source_type"] == "military_security"
    assert side(row) == "Israel"
    assert bool(row["anonymous"]) is True


def test_who_after_a_thing_of_people_stands_for_the_people():
    text = "The city pressed ahead despite the warnings of engineers who said the bridge could not carry the load."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "engineers"
    assert bool(row["anonymous"]) is True


def test_a_negated_auxiliary_is_no_subject():
    text = ("The board of the Tribune condemned the ad. The board members, frankly, couldn't believe the governor "
            "approved it, and warns readers to look closely.")
    row = row_at(text, text, "warns")
    assert "couldn" not in str(row["source_mention"])


def test_people_described_by_a_participle_in_the_plural_or_in_ing_are_the_speakers():
    for text, mention in (("Officials involved in the negotiations said a deal was near.", "Officials"),
                          ("Lawyers hired by the families said they would appeal.", "Lawyers"),
                          ("An official speaking on condition of anonymity said the strike was planned.",
                           "An official")):
        row = row_at(text, text, "said")
        assert row["source_mention"] == mention
        assert bool(row["anonymous"]) is True


# ---------------------------------------------------------------------------------- who a pronoun stands for

def test_he_after_a_clause_that_opens_with_a_name_is_that_person():
    text = ("“We need more money,” Governor Ellen Park said. While Tomas Reyes of the Brookfield Institute backs the "
            "bill, he adds that it will not end the shortage.")
    row = row_at(text, text, "adds")
    assert row["source"] == "Tomas Reyes"


def test_he_after_a_clause_with_its_own_commas_is_the_clauses_name_unless_a_speaker_stands_between():
    text = ("Sheriff Dale Orton arrived at noon. Jack Lewis, a rancher, spoke first. As Orton briefed reporters at the "
            "scene Monday afternoon, a day after the brawl, he said units remained on guard.")
    assert row_at(text, "brawl, he said", "said")["source"] == "Dale Orton"
    text = "When Ruiz visited Kyiv in August, Taylor said, he voiced his concerns about the channel."
    assert row_at(text, text, "voiced")["source"] != "Ruiz"


# -------------------------------------------------------------------------------- the one a possessive names

def test_the_owner_of_a_claim_is_the_possessor_over_adjectives():
    text = "The report dismissed Moscow's repeated claim that no troops had crossed the border."
    row = row_at(text, text, "claim")
    assert row["source"] == "Moscow"
    assert row["source_type"] == "government"
    assert side(row) == "Russia"


def test_a_countrys_claim_after_a_noun_is_the_countrys():
    text = "The summit put to the test Beijing’s claim that its navy only patrols its own waters."
    row = row_at(text, text, "claim")
    assert row["source"] == "Beijing"
    assert side(row) == "China"


# ------------------------------------------------------------------------------------- one speaker of several

def test_a_named_body_joined_with_unnamed_officials_speaks_first():
    text = "Hamas and Egyptian officials blamed the delay on inspections at the crossing."
    row = row_at(text, text, "blamed")
    assert row["source"] == "Hamas"
    assert row["source_type"] == "armed_group"


def test_one_of_the_people_named_after_the_description_is_that_person():
    text = "“Nobody listens to us,” said one of the marchers, 19-year-old Dana Whitfield."
    row = row_at(text, text, "said")
    assert row["source"] == "Dana Whitfield"
    assert bool(row["anonymous"]) is False


def test_a_lawyer_for_a_named_victim_is_still_the_lawyer():
    text = "“She deserved better,” said a lawyer for the family of the victim, Maria Ortega."
    row = row_at(text, text, "said")
    assert row["source"] != "Maria Ortega"


# ------------------------------------------------------------------------------------------- no one speaks

def test_no_one_who_reported_is_no_statement():
    text = "The mosque told reporters that so far no one in its congregation reported knowing the man."
    table = framing.sources(corpus(text))
    assert "reported" not in set(table["verb"])
    assert "told" in set(table["verb"])


def test_none_of_the_officials_said_is_no_statement():
    text = "None of the officials said when the border would reopen."
    assert "said" not in set(framing.sources(corpus(text))["verb"])


# ----------------------------------------------------------------------------------- bodies and their documents

def test_an_acronym_is_the_name_the_article_spells_out():
    text = ("The Southern Poverty Law Center tracked the groups for years. “Hate is rising,” the SPLC said on "
            "Monday.")
    row = row_at(text, text, "said")
    assert row["source"] == "Southern Poverty Law Center"


def test_an_acronym_no_name_spells_out_stays_as_written():
    text = "The ICRC said its convoy had been stopped at the checkpoint."
    assert row_at(text, text, "said")["source"] == "ICRC"


def test_a_few_capitalised_words_inside_a_longer_name_spell_no_acronym():
    # "Adl in Pakistan" is part of "Jaish al-Adl in Pakistan", no name of the agency
    text = "Jaish al-Adl in Pakistan claimed the attack. AP reported that the group had threatened more."
    assert row_at(text, text, "reported")["source"] == "AP"


def test_a_study_of_a_named_body_is_the_bodys():
    text = "A World Health Organization study showed that the clinics had run out of insulin."
    row = row_at(text, text, "showed")
    assert row["source"] == "World Health Organization"
    assert row["source_type"] == "international_ngo"


def test_the_statement_a_body_issued_speaks_for_the_body():
    text = ("The Sierra Club also issued a statement responding to the ruling, Reuters reported. “This is a dark "
            "day for the river,” the statement said.")
    row = row_at(text, text, "said")
    assert row["source"] == "Sierra Club"


def test_no_acronym_is_spelled_out_by_a_phrase_inside_a_name_or_by_itself():
    text = ("Al Qaeda in the Arabian Peninsula claimed the raid, an AP Photo caption said. AP reported that the group "
            "had threatened more.")
    assert row_at(text, "AP reported", "reported")["source"] == "AP"


def test_a_leading_acronym_of_a_country_is_dropped_from_the_name_an_acronym_spells():
    text = "U.S. Customs and Border Protection held the men. CBP said they had entered illegally."
    assert row_at(text, "CBP said", "said")["source"] == "Customs and Border Protection"


def test_a_document_noun_after_a_sentences_first_word_is_no_bodys():
    text = "Court documents show the man had bought two rifles in March."
    assert row_at(text, text, "show")["source"] != "Court"


def test_people_described_by_a_document_like_noun_keep_their_words():
    text = "Senior Russian figures said the talks had failed."
    assert row_at(text, text, "said")["source"] != "Senior Russian"


def test_a_state_outlet_described_so_speaks_for_its_state():
    text = "Rodina, the official newspaper of the ruling party in Belarus, reported that the border was calm."
    row = row_at(text, text, "reported")
    assert row["source_type"] == "media"
    assert side(row) == "Belarus"


def test_an_outlet_described_without_a_state_speaks_for_none():
    text = "The Courier, a British newspaper, reported that the border was calm."
    assert side(row_at(text, text, "reported")) is None


# ------------------------------------------------------------------------------------------------- roles

def test_a_secretary_who_holds_a_job_is_no_official():
    text = "“I cannot sleep,” said Ana Lima, 31, a secretary from Recife."
    row = row_at(text, text, "said")
    assert row["source_type"] == "civilian"


def test_a_cabinet_secretary_is_an_official():
    text = "“We will act,” said Jane Doe, a cabinet secretary."
    assert row_at(text, text, "said")["source_type"] == "government"


def test_a_role_given_as_a_predicate_types_the_person():
    text = ("Chief Carla Mendes said the city was calm. Mendes was appointed police chief in 2019. “We lead with "
            "patience,” Mendes said.")
    assert row_at(text, "patience,” Mendes said", "said")["source_type"] == "military_security"


def test_a_role_the_person_only_was_makes_a_former_official():
    text = "Robert Hale was ambassador to Japan until 2015. “Tokyo will wait,” Hale said."
    assert row_at(text, "wait,” Hale said", "said")["source_type"] == "expert"


def test_the_field_of_a_role_held_at_a_think_tank_does_not_type_it():
    text = ("Priya Nair, the cyber security director for the Lowy Institute think tank, said the attack was "
            "unprecedented.")
    assert row_at(text, text, "said")["source_type"] == "expert"


def test_a_critic_of_the_arts_is_media_and_an_antecedent():
    text = ("Economist Ravi Sood wrote that the map was split. Take an essay last month, in which film critic Nora "
            "Quist used the fight as a reason to leave. “A new nation could crown its own stars,” she wrote.")
    row = row_at(text, "stars,” she wrote", "wrote")
    assert row["source"] == "Nora Quist"
    assert row["source_type"] == "media"


def test_unnamed_critics_are_no_outlet():
    text = "Critics said the plan was too costly."
    assert row_at(text, text, "said")["source_type"] != "media"


def test_a_predicate_role_of_a_surname_is_not_given_to_a_namesake():
    text = ("Chief Carla Mendes said the city was calm. Mendes was appointed police chief in 2019. Her son, Luis "
            "Mendes, posted tweets this week. “Stand up,” Luis Mendes wrote.")
    assert row_at(text, text, "wrote")["source_type"] != "military_security"


def test_a_president_of_a_body_no_lexicon_types_is_no_official():
    text = "Dana Cole is president of Students Rising. “We will march,” Cole said."
    assert row_at(text, "march,” Cole said", "said")["source_type"] != "government"


def test_a_numbered_ruler_named_again_by_title_and_given_name_is_the_ruler():
    text = ("Obama met King Hamad II and his son, Crown Prince Salim bin Hamad, in Manama. Later King Hamad said the "
            "war had to end.")
    assert row_at(text, "King Hamad said", "said")["source"] == "Hamad II"


def test_the_president_of_a_party_named_so_leads_the_party():
    text = "ANC president Cyril Moyo argues that the party could not have moved faster."
    assert row_at(text, text, "argues")["source_type"] == "politician"


def test_an_acronym_spelled_out_takes_the_type_of_the_name():
    text = ("The Iraqi Observatory for Human Rights counted 40 arrests in Basra. “Many more are held,” IOHR said on "
            "Monday.")
    row = row_at(text, "IOHR said", "said")
    assert row["source"] == "Iraqi Observatory for Human Rights"
    assert row["source_type"] == "international_ngo"
