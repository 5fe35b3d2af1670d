"""framing.sources: resolving a source from the article's other mentions (documents, titles, appositions, sides).

Every sentence here is written for these tests; the expected source, type and side are what a reader of the
sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

import pandas as pd
import pytest
from sources_rows import row_at, side


# ----------------------------------------------------------------------------------- a document's author

def test_the_memos_speak_for_the_author_an_earlier_sentence_names():
    text = ("Congress received the memos that former FBI Director Adam Kessel wrote last year. Officials met on "
            "Monday to read them. The president asked for an end to the inquiry, the memos show.")
    row = row_at(text, "the memos show", "show", home="United States")
    assert row["source"] == "Adam Kessel"
    assert row["source_type"] != "document"
    assert side(row) == "United States"


def test_unnamed_people_who_know_of_a_document_are_people():
    text = "The memo was leaked on Monday. A source familiar with the statement said it would pass."
    row = row_at(text, "the statement said", "said", home="United States")
    assert row["anonymous"]
    assert row["source_type"] != "document"


@pytest.mark.parametrize(("text", "snippet", "cue", "name", "expected_type"), [
    # a document owned by "his", "her", "their": the one the pronoun stands for
    ("Sen. Elizabeth Warden spoke on Monday. Her statement said the ban would pass.", "Her statement said", "said",
     "Elizabeth Warden", "politician"),
    ("Sen. Elizabeth Warden released her plan on Monday. Her plan calls for a federal licensing system.",
     "Her plan calls for", "calls for", "Elizabeth Warden", "politician"),
])
def test_a_document_a_possessive_pronoun_owns_speaks_for_its_author(text, snippet, cue, name, expected_type):
    row = row_at(text, snippet, cue, home="United States")
    assert row["source"] == name
    assert row["source_type"] == expected_type


@pytest.mark.parametrize(("text", "snippet", "cue"), [
    # what a text, the evidence or a plan says, with no author named: a document
    ("The committee revised the resolution. According to a copy of that text, the bill limits the strikes.",
     "According to", "According to"),
    ("The parcels were found on Monday. The evidence suggests one man sent them.", "The evidence suggests",
     "suggests"),
    ("The deadline is Sept. 1. The draft plan calls for collecting better data.", "The draft plan calls for",
     "calls for"),
    # the outlet that saw a copy is no author of it
    ("The vote is on Friday. According to a copy of the draft seen by Reuters, the resolution demands a ceasefire.",
     "According to", "According to"),
])
def test_a_text_the_evidence_or_a_plan_is_a_document(text, snippet, cue):
    row = row_at(text, snippet, cue, home="United States")
    assert row["source_type"] == "document"
    assert not row["anonymous"]


def test_the_report_speaks_for_the_body_named_before_it():
    text = ("Investigators read a confidential Navy report on the collision. The sailors were tired. "
            "“The crew was not trained,” the report said.")
    row = row_at(text, "the report said", "said", home="United States")
    assert row["source_type"] == "military_security"
    assert side(row) == "United States"


def test_the_release_speaks_for_whoever_issued_it():
    text = ("“We will rebuild,” Gov. Tom Reyes said in a news release on Monday. The city was calm. "
            "“Nearly 900 shops were damaged,” the release said.")
    row = row_at(text, "the release said", "said", home="United States")
    assert row["source"] == "Tom Reyes"
    assert row["source_type"] == "government"


def test_a_document_with_no_author_in_the_article_stays_a_document():
    text = "The city flooded twice. “The levee failed,” the report said."
    row = row_at(text, "the report said", "said")
    assert row["source_type"] == "document"


# ----------------------------------------------------------------------------------- types from titles

def test_gov_is_a_governor():
    text = "“We are ready,” Gov. Tom Reyes said on Monday."
    assert row_at(text, text, "said")["source_type"] == "government"


def test_former_applies_to_the_first_of_two_joined_roles():
    text = ("The debate was heated. Sam Ortiz, a former congressman and a presidential candidate, spoke first. "
            "“We need a change,” Ortiz said.")
    assert row_at(text, "Ortiz said", "said")["source_type"] == "politician"


def test_a_role_to_come_is_the_role():
    text = "“We will defer the debate,” said Speaker-designate Tom Reyes in careful comments."
    row = row_at(text, text, "said")
    assert row["source_type"] == "politician"
    assert row["source"] == "Tom Reyes"


def test_a_retired_colonel_writing_as_a_historian_is_an_expert():
    text = ("In the words of military historian Ret. Col. Sam Ortiz, the war was lost. "
            "“It has not worked,” Ortiz adds.")
    assert row_at(text, "Ortiz adds", "adds")["source_type"] == "expert"


def test_a_weekday_after_the_name_is_no_part_of_it():
    text = "“The crash is a tragedy,” said Canadian Prime Minister Jean Moreau Saturday."
    row = row_at(text, text, "said")
    assert row["source"] == "Jean Moreau"
    assert side(row) == "Canada"


# ----------------------------------------------------------------------------------- sides

def test_an_ambassador_speaks_for_the_country_that_sends_them():
    text = "“No country would act with more restraint,” said U.S. ambassador to the United Nations Ann Frey."
    assert side(row_at(text, text, "said")) == "United States"


def test_a_former_ambassador_to_two_countries_speaks_for_neither():
    text = ("Former Ambassador to Iraq and Turkey James Holt said the strikes should go on. "
            "There is a law of proportionality, Holt said.")
    row = row_at(text, "Holt said.", "said", home="United States")
    assert row["source_type"] == "expert"
    assert side(row) == "United States"


IRAN = ("Iran said on Saturday that its forces had shot down the airliner. Iran’s leaders admitted the error. "
        "Iran has promised to punish those responsible, and Iran’s judiciary opened a case. U.S. Defense "
        "Secretary Mark Esper said the missile was Iranian. ")


def test_an_unnamed_army_is_the_army_of_the_country_the_article_is_about():
    text = IRAN + "The army said that the culprits would face trial."
    assert side(row_at(text, "The army said", "said", home="United States")) == "Iran"


def test_a_named_official_does_not_take_the_side_of_another_official_who_spoke_before():
    text = IRAN + "President Hassan Rouhani said the error was unforgivable."
    assert side(row_at(text, "Rouhani said", "said")) != "United States"


def test_unnamed_people_belong_to_the_country_the_article_is_about():
    text = ("Turkey voted on Sunday. Turkey’s parliament had approved the referendum, and Turkey’s president "
            "campaigned for it. The vote divided Turkey, with supporters claiming the change would bring "
            "stability.")
    row = row_at(text, "supporters claiming", "claiming")
    assert bool(row["anonymous"])
    assert side(row) == "Turkey"


# ----------------------------------------------------------------------------------- the phrase naming the source

def test_a_description_in_a_relative_clause_after_a_name_is_that_person():
    text = ("Senator Ruth Calder spoke on Monday. Calder, who as first lady once accused her foes of a plot, "
            "said the attack was planned.")
    row = row_at(text, "once accused", "accused")
    assert row["source"] == "Ruth Calder"
    assert row["source_type"] == "politician"


def test_a_description_after_a_dash_is_the_person_named_before_it():
    text = "It gave an heir named Paul Ferrand—a man who has recently admitted he lied—a second chance."
    row = row_at(text, text, "admitted")
    assert row["source"] == "Paul Ferrand"


def test_the_tail_of_an_apposition_is_the_person_it_describes():
    text = ("Nikos Papas, head of Greece's Air Accident Investigation and Aviation Safety Board, later told "
            "state television that the debris was found.")
    row = row_at(text, text, "told")
    assert row["source"] == "Nikos Papas"
    assert side(row) == "Greece"


def test_a_description_followed_by_the_name_it_describes():
    text = "Japan and South Korea, as well as North Korea’s main ally, China, urged the two countries to talk."
    row = row_at(text, text, "urged")
    assert row["source"] == "China"
    assert row["source_type"] == "government"


def test_unnamed_people_cut_off_before_a_preposition_stay_unnamed_people():
    text = "The firings were not explained, which lawmakers from both parties have criticized."
    row = row_at(text, text, "criticized", home="United States")
    assert bool(row["anonymous"])
    assert row["source_type"] == "politician"


def test_those_on_one_side_are_unnamed_people():
    text = "There is much work to be done, those on the left say."
    assert bool(row_at(text, text, "say")["anonymous"])


def test_a_description_before_a_name_gives_the_person_a_role():
    text = ("The officers were praised by the head of the Springfield Rifle Association, Paul Dorsey, in an email. "
            "“They did nothing wrong,” Dorsey wrote.")
    assert row_at(text, "Dorsey wrote", "wrote")["source_type"] == "other"


def test_a_spokesman_speaks_for_the_side_of_the_person_he_speaks_for():
    text = ("German Chancellor Anna Vogt met the prime minister on Friday. “A military commitment was never "
            "considered,” Ms. Vogt's spokesman, Karl Brandt, told reporters.")
    row = row_at(text, "Karl Brandt, told", "told", home="United States")
    assert row["source"] == "Karl Brandt"
    assert row["source_type"] == "government"
    assert side(row) == "Germany"


# ----------------------------------------------------------------------------------- one person, several mentions

def test_a_first_name_alone_is_the_full_name_it_opens():
    text = ("“He likes to control the story,” NPR's Dana Whitfield said on the radio. "
            "Dana noted that the president also attacked the press.")
    row = row_at(text, "Dana noted", "noted")
    assert row["source"] == "Dana Whitfield"
    assert row["source_type"] == "media"


def test_an_age_before_a_surname_is_no_part_of_the_name():
    text = ("Protesters camped in the square, among them Noor al-Hadi, a teacher. "
            "“We will stay,” Thirty-year-old Hadi told reporters.")
    assert row_at(text, "Hadi told", "told")["source"] == "Noor al-Hadi"


def test_a_name_does_not_run_across_a_line_break():
    text = ("Senator Miller spoke first.\n\nAdvertisement\n\nMiller’s inaugural address had boldly rejected the "
            "consensus.")
    row = row_at(text, "rejected", "rejected")
    assert row["source"] == "Miller"


def test_a_family_named_by_its_surname_is_a_family():
    text = ("Mark Dunlop, a lawyer, stood on the lawn with his wife. Police said the Dunlops told the group "
            "to leave the street.")
    row = row_at(text, "the Dunlops told", "told")
    assert row["source_type"] == "civilian"
    assert not bool(row["anonymous"])


def test_the_group_is_the_organisation_named_before_it():
    text = "“We are saddened,” read a note from the Chair of The Elders, the group said in a statement."
    row = row_at(text, "the group said", "said")
    assert row["source_type"] == "international_ngo"
    assert side(row) is not None and "Elders" in side(row)


def test_a_role_held_from_one_year_to_another_is_a_former_role():
    text = ("“The Chinese are using the talks,” Dan Reese, the State Department’s top Asia diplomat from 2013 to "
            "2017, told me.")
    row = row_at(text, text, "told", home="United States")
    assert row["source_type"] == "expert"
    assert side(row) == "United States"


# ----------------------------------------------------------------------------------- anonymity

def test_a_determiner_alone_is_read_with_its_noun_phrase():
    text = "In the latest video, an armed militant is also seen threatening to kill a hostage."
    row = row_at(text, text, "threatening")
    assert bool(row["anonymous"])
    assert row["source_type"] == "armed_group"


def test_they_after_unnamed_people_are_those_people():
    text = ("The leak was praised by many, mostly because the president's critics are pleased with the result. "
            "“Finally,” they say, “someone took a stand.”")
    row = row_at(text, "they say", "say")
    assert bool(row["anonymous"])
    assert row["source"] is None or pd.isna(row["source"])


def test_they_are_not_the_people_the_previous_statement_speaks_of():
    # the agents are what the officials said; "they" in the next sentence are the officials, of their side
    text = ("Russian agents seized buildings in the east. Ukrainian security officials say Russian intelligence has "
            "built a network of sleeper agents. One of them, they say, is a 49-year-old former officer.")
    row = row_at(text, "they say", "say")
    assert bool(row["anonymous"])
    assert row["source_type"] == "military_security" and side(row) == "Ukraine"


def test_they_are_the_people_the_previous_statement_is_about():
    # the protesters are the subject of what the police said: "They" opening the next sentence are they
    text = ("Police said dozens of protesters gathered outside the courthouse on Sunday. They said they wanted "
            "justice for the victim.")
    row = row_at(text, "They said", "said")
    assert bool(row["anonymous"]) and row["source_type"] == "civilian"


# ----------------------------------------------------------------------------------- a pronoun after a long quotation

def test_a_name_inside_the_quotation_is_not_the_speaker_it_stands_for():
    text = ("Democratic Sen. Ann Carver of Ohio said she was dismayed by the mood. “Some of the remarks are "
            "disgusting, particularly since Governor Tom Reyes was doing what the group refuses to do. I also think "
            "the mood is disgusting,” she said in a statement.")
    row = row_at(text, "she said in a statement", "said")
    assert row["source"] == "Ann Carver"
    assert row["source_type"] == "politician"


def test_the_sentence_before_a_quotation_of_several_sentences_holds_the_antecedent():
    text = ("Host Poppy Lane asked: “But would you jail people?” Senator Cory Bell again refused to give details. "
            "“Again, we should have a law. Right now we have a nation that allows these weapons,” he said.")
    row = row_at(text, "he said", "said")
    assert row["source"] == "Cory Bell"
    assert row["source_type"] == "politician"


# ----------------------------------------------------------------------------------- "it" for the body that opens
@pytest.mark.parametrize(("text", "cue", "name", "expected_side"), [
    # past an adverb, a contracted negative, a time or an aside
    ("The Kremlin certainly lied when it assured the world that the weapons were gone.", "assured", "Kremlin",
     "Russia"),
    ("The National Rifle Association hasn’t budged, and it warned senators that a vote would be scored.", "warned",
     "National Rifle Association", None),
    ("Ukraine on Tuesday released video of what it says is a Russian drone.", "says", "Ukraine", "Ukraine"),
    ("Turkey, meanwhile, is angered at the U.S. for refusing to extradite a Muslim cleric it accuses of plotting "
     "the coup.", "accuses", "Turkey", "Turkey"),
])
def test_it_is_the_body_that_opens_its_sentence(text, cue, name, expected_side):
    row = row_at(text, cue, cue, home="United States")
    assert row["source"] == name
    assert side(row) == expected_side


@pytest.mark.parametrize(("text", "cue", "not_it"), [
    ("Smith certainly lied when it was announced that the talks were over, and it said the deal was dead.", "said",
     "Smith"),
    # people, or a noun phrase that is no name, are no "it"
    ("Democrats are now clamoring for the full report, hoping it reveals something.", "reveals", "Democrats"),
    ("News of the decision came shortly after it announced more troops.", "announced", "News"),
])
def test_it_is_no_person_people_or_phrase_that_opens_the_sentence(text, cue, not_it):
    row = row_at(text, cue, cue, home="United States")
    assert row["source"] != not_it


@pytest.mark.parametrize(("text", "cue", "name"), [
    # a nearer clause with a name for its subject holds "it"
    ("France never approved the deal, which the European Union defended when it announced the plan.", "announced",
     "European Union"),
])
def test_it_is_the_subject_of_the_nearer_clause(text, cue, name):
    assert row_at(text, cue, cue, home="United States")["source"] == name


def test_unnamed_officials_keep_the_country_of_their_body():
    row = row_at("The talks failed, said officials at the Russian Defense Ministry.", "said", "said",
                 home="United States")
    assert row["anonymous"] and side(row) == "Russia"


def test_they_after_police_are_the_police():
    text = "Police searched the home on Wednesday. They said the suspect had fled."
    row = row_at(text, "They said", "said", home="United States")
    assert row["anonymous"] and row["source_type"] == "military_security"


@pytest.mark.parametrize(("text", "cue", "name"), [
    # a day's name or a clause closed before "it" holds no "it"
    ("The Pentagon on Monday sent more troops after Tuesday's attack, which it blamed on Iran.", "blamed", "Pentagon"),
    ("Turkey on Wednesday launched the offensive that Trump had approved, which it said would last weeks.", "said",
     "Turkey"),
])
def test_it_past_a_closed_clause(text, cue, name):
    assert row_at(text, cue, cue, home="United States")["source"] == name
