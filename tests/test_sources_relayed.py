"""framing.sources: who speaks when one source relays another, when a participle clause or a relative clause
carries the statement, when a document comes from a body, and who a pronoun or a description stands for.

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample": "X, citing Y" gives Y;
advocacy groups are other; former officials commenting are experts with their country's side).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from sources_rows import corpus, row_at, side


# ----------------------------------------------------------------------------------- one source relays another

def test_the_one_quoted_as_saying_is_the_source_of_the_quoting_verb_too():
    text = ("Israeli media quoted Defense Minister Ehud Barak as telling a closed meeting that Israel wanted a "
            "24-hour test period.")
    for cue in ("quoted", "telling"):
        row = row_at(text, text, cue)
        assert row["source"] == "Ehud Barak"
        assert side(row) == "Israel"  # his title names no country: the quoting outlet's side


def test_an_unnamed_official_quoted_by_state_media_is_anonymous():
    text = "State media quoted a government official claiming the allegations were a bid to divert the inquiry."
    row = row_at(text, text, "quoted")
    assert row["source_type"] == "government"
    assert bool(row["anonymous"]) is True


def test_a_name_set_off_by_commas_before_as_saying_is_the_one_quoted():
    text = "The agency quoted a senior cleric, Yousef Tabatabai-Nejad, as saying the deal was dead."
    assert row_at(text, text, "saying")["source"] == "Yousef Tabatabai-Nejad"
    assert row_at(text, text, "quoted")["source"] == "Yousef Tabatabai-Nejad"


def test_a_verb_that_quotes_a_thing_keeps_its_subject():
    text = "The newspaper quoted his speech at length on its front page."
    assert row_at(text, text, "quoted")["source_type"] == "media"


# ----------------------------------------------------------------------------------- participle clauses

@pytest.mark.parametrize(("text", "cue"), [
    ("Senate Democratic Leader Chuck Schumer made similar comments, while calling on Congress to act.", "calling on"),
    ("Senate Democratic Leader Chuck Schumer made similar comments, calling on Congress to act.", "calling on"),
])
def test_a_participle_of_several_words_goes_on_the_subject_of_its_clause(text, cue):
    row = row_at(text, text, cue)
    assert row["source"] == "Chuck Schumer"
    assert row["source_type"] == "politician"


def test_a_participle_clause_that_opens_the_sentence_goes_on_the_subject_after_it():
    text = "Responding to the cancellation, South Korean President Moon Jae-in urged both leaders to keep talking."
    row = row_at(text, text, "Responding")
    assert row["source"] == "Moon Jae-in"
    assert side(row) == "South Korea"


def test_an_adverb_of_manner_is_no_word_of_the_subject():
    text = ("The House of Commons unanimously passed a motion on Monday rejecting \u201cdisparaging statements\u201d "
            "by foreign officials.")
    assert row_at(text, text, "rejecting")["source_mention"] == "The House of Commons"


# ----------------------------------------------------------------------------------- relative clauses and brackets

def test_who_after_a_description_set_off_by_commas_is_the_person_described():
    text = ("They point to TV appearances by Susan Rice, the U.S. ambassador to the United Nations, who called the "
            "assault a \"spontaneous protest\" rather than terrorism.")
    row = row_at(text, text, "called")
    assert row["source"] == "Susan Rice"
    assert row["source_type"] == "government"
    text = "The talks were led by John Smith, the head of the lenders' group, who said the loans would resume."
    assert row_at(text, text, "said")["source"] == "John Smith"


def test_a_pronoun_after_a_bracket_is_the_speaker_not_the_words_before_the_bracket():
    text = ("In his speech, Mayor Ann Cole said the right things about the case (she called it a \u201cbrutal "
            "death\u201d) and about the trial.")
    row = row_at(text, text, "called")
    assert "(" not in row["source_mention"] and "things" not in row["source_mention"]
    assert row["source"] == "Ann Cole"


def test_a_person_who_formerly_headed_an_office_is_a_former_official():
    text = ("Carl Ford, who formerly headed the State Department's intelligence unit, gave testimony in 2005 and "
            "called the nominee a \u201cserial abuser.\u201d")
    row = row_at(text, text, "called")
    assert (row["source"], row["source_type"], side(row)) == ("Carl Ford", "expert", "United States")
    text = "Jane Roe, who heads the city's police department, said the arrests would continue."
    assert row_at(text, text, "said")["source_type"] == "military_security"
    text = "Jane Roe, who led the protest, said the arrests would continue."
    assert row_at(text, text, "said")["source_type"] == "civilian"  # leading a protest is no office


# ----------------------------------------------------------------------------------- documents and their authors

def test_data_from_a_named_firm_is_the_firms():
    text = ("Support for the plan fell this month. Data from the firm Abacus released Monday showed that the "
            "premier's rating has taken a hit.")
    assert row_at(text, "Data from the firm Abacus released Monday showed", "showed")["source"] == "Abacus"


def test_a_poll_is_no_work_of_a_person_its_findings_name():
    text = ("Voters preferred President Barack Obama to Mitt Romney on gun control, according to a poll released "
            "Thursday from an advocacy group.")
    row = row_at(text, text, "according to")
    assert row["source"] not in ("Barack Obama", "Mitt Romney")
    assert row["source_type"] == "other"


def test_a_word_before_against_is_a_word_of_a_campaigns_name():
    text = "Mark Glaze, executive director of Mayors Against Illegal Guns, said the lobby had outspent them."
    row = row_at(text, text, "said")
    assert row["source_type"] == "other"  # an advocacy group, not the mayors' government
    assert side(row) is None


def test_the_organization_described_by_lower_case_words_is_the_one_named_last():
    text = ("NRA President David Keene defended the spot on CNN. The gun rights organization also posted a web "
            "video asserting that the plan would lead to confiscation.")
    row = row_at(text, "The gun rights organization also posted", "posted")
    assert row["source"] == "NRA"  # not the outlet the president spoke on
    assert row["source_type"] == "other"


# ----------------------------------------------------------------------------------- pronouns and descriptions

def test_it_opening_a_sentence_is_the_body_that_opened_the_sentence_before():
    text = ("The decree would stay in effect until a new constitution is approved. Amnesty International said the "
            "new powers \"trample the rule of law.\" It said a new \"law protecting the revolution\" could allow "
            "detention without charge.")
    row = row_at(text, "It said", "said")
    assert row["source"] == "Amnesty International"


def test_she_after_an_unnamed_woman_who_spoke_stays_with_her():
    text = ("Officers arrested Freddie Gray in April, and he died a week later. The officer's relative said she "
            "was suspicious of the city's leaders. \u201cThere's been a riot,\u201d she said. \u201cIt cannot all be "
            "for naught,\u201d she told CNN.")
    row = row_at(text, "she told CNN", "told")
    assert pd.isna(row["source"])  # the unnamed relative, not the man named earlier
    assert bool(row["anonymous"]) is True


def test_a_description_the_article_gave_a_named_person_before_is_that_person():
    text = ("She was followed by her husband, former astronaut Mark Kelly, who said he was pro-gun ownership. "
            "He'll also say, according to the former astronaut's prepared testimony, that a line must be drawn.")
    assert row_at(text, "according to the former", "according to")["source"] == "Mark Kelly"
    assert row_at(text, "He'll also say", "say")["source"] == "Mark Kelly"  # a contracted pronoun


def test_a_description_written_with_a_title_capital_names_no_one():
    text = "State Sen. Ann Lee introduced the bill. The state argued in court that the law was valid."
    assert row_at(text, "The state argued", "argued")["source"] != "Ann Lee"


# ----------------------------------------------------------------------------------- reporting words that report no one

@pytest.mark.parametrize(("text", "cue"), [
    ("ISIS claimed territory in Syria and Iraq in 2014.", "claimed"),
    ("The storm claimed the lives of 12 people.", "claimed"),
    ("The man was found dead in his cell on Sunday.", "found"),
    ("The jury found him guilty.", "found"),
    ("Putin responded by giving Trump a football.", "responded"),
    ("In the poll, 1,000 adults were questioned by telephone last week.", "questioned"),
])
def test_a_reporting_word_in_another_sense_reports_no_statement(text, cue):
    table = framing.sources(corpus(text))
    assert cue not in set(table["verb"]), table[["verb", "source_mention"]].values.tolist()


@pytest.mark.parametrize(("text", "cue"), [
    ("The militants claimed the attack was revenge.", "claimed"),
    ("He referred to the report as flawed.", "referred to"),
    ("The ministry responded that the claims were false.", "responded"),
    ("The NRA responded by calling the resolution a stunt.", "responded"),  # words, not an act
])
def test_the_same_words_reporting_a_statement_still_do(text, cue):
    assert cue in set(framing.sources(corpus(text))["verb"])


def test_a_capitalised_without_inside_a_name_negates_nothing():
    text = "The hospital was hit on Monday. Doctors Without Borders said the hospital was hit by an airstrike."
    row = row_at(text, "Doctors Without Borders said", "said")
    assert row["source"] == "Doctors Without Borders"
    assert row["source_type"] == "international_ngo"
    # a sentence that opens with "Without" still reports its minister, and a real negation still negates
    text = "Without a deal, the minister said, the talks would fail."
    assert row_at(text, text, "said")["source_type"] == "government"
    assert "said" not in set(framing.sources(corpus("The minister left without saying a word."))["verb"])


# ----------------------------------------------------------------------------------- whose side, what type

def test_a_hyphenated_pair_of_peoples_names_the_second_as_the_persons_country():
    text = "The 26-year-old Bosnian-American woman told police she was attacked."
    row = row_at(text, text, "told", home="United States")
    assert row["source_type"] == "civilian"
    assert side(row) is None  # an American civilian in an American outlet speaks for no side, and is no "mixed"


def test_a_national_legislature_is_a_politicians_body():
    text = "Canada's House of Commons passed a motion on Monday, taking aim at the president's remarks."
    row = row_at(text, text, "taking aim at")
    assert (row["source_type"], side(row)) == ("politician", "Canada")


def test_a_party_of_another_country_names_that_country():
    text = "Congress Party spokesman Randeep Surjewala said the government had failed the farmers."
    row = row_at(text, text, "said", home="United States")
    assert (row["source_type"], side(row)) == ("politician", "India")


def test_a_description_by_the_head_of_a_title_is_the_person_so_titled_and_she_stays_with_her():
    text = ("The Red Hen restaurant, where owner Stephanie Wilkinson asked the press secretary to leave, was "
            "closed on Sunday. The restaurant owner said she would do the same thing again. \u201cWe felt people "
            "need to live their convictions,\u201d she said. She said several of her employees are gay.")
    for snippet in ("The restaurant owner said", "she said", "She said several"):
        row = row_at(text, snippet, "said")
        assert row["source"] == "Stephanie Wilkinson", snippet
        assert bool(row["anonymous"]) is False


def test_a_list_of_speakers_with_their_places_speaks_as_the_first():
    text = ("Gov. Andrew Cuomo of New York, Gov. Phil Murphy of New Jersey, and Gov. Ned Lamont of Connecticut "
            "announced the plan jointly, saying the region would reopen together.")
    for cue in ("announced", "saying"):
        assert row_at(text, text, cue)["source"] == "Andrew Cuomo"


def test_a_statement_posted_somewhere_is_not_skipped_as_the_place_of_a_statement():
    text = "The Taliban claimed responsibility for the bombing in a statement posted on Twitter."
    row = row_at(text, text, "posted")
    assert row["source"] != "bombing"


def test_a_director_general_heads_the_body_named_after_the_office():
    text = "Yukiya Amano, the director general of the IAEA, who said the inspections would go on, left Vienna."
    row = row_at(text, text, "said")
    assert (row["source"], row["source_type"]) == ("Yukiya Amano", "international_ngo")


def test_a_body_whose_name_holds_a_legislatures_word_is_no_legislature():
    text = "A report from the National Conference of State Legislatures found that 20 states had passed such laws."
    row = row_at(text, text, "found that", home="United States")
    assert row["source"] == "National Conference of State Legislatures"
    assert row["source_type"] != "politician" and side(row) is None
