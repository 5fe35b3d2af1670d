"""framing.sources: lawyers and the parties they speak for, bodies named before an office, words of names, where a
speaker is, and who a participle after an inverted cue belongs to.

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample": a party's lawyers are
other, prosecutors are government, hospitals and advocacy groups are other).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from sources_rows import corpus, row_at, side


# ----------------------------------------------------------------------------------- lawyers

@pytest.mark.parametrize(("text", "cue"), [
    ("Trump's lawyers said the subpoena was invalid.", "said"),
    ("Defense attorneys said the evidence was thin.", "said"),
    ("Lawyers for the family said the officer lied.", "said"),
    ("The officer lied, lawyers for the family said.", "said"),
    ("The lawyers of the suspect argued for more time.", "argued"),
    ("A defense lawyer said the jury was biased.", "said"),
])
def test_a_partys_unnamed_lawyers_are_other_and_anonymous(text, cue):
    row = row_at(text, text, cue)
    assert row["source_type"] == "other"
    assert bool(row["anonymous"]) is True
    assert pd.isna(row["source"])  # no "Lawyers" taken for a name at the start of the sentence


def test_a_lawyer_named_as_a_partys_lawyer_is_other_and_a_lawyer_commenting_an_expert():
    text = ("Smith's attorney, Ann Lowe, said the charges would be dropped. Carl Penn, a lawyer who teaches at "
            "Yale, said the case was weak.")
    assert row_at(text, "Lowe, said", "said")["source_type"] == "other"
    assert row_at(text, "Yale, said", "said")["source_type"] == "expert"


def test_an_attorney_general_of_several_states_is_government_and_a_prosecution_too():
    text = "Attorneys general from 20 states said the rule was illegal. The prosecution said the evidence was clear."
    assert row_at(text, "states said", "said")["source_type"] == "government"
    assert row_at(text, "prosecution said", "said")["source_type"] == "government"


# ----------------------------------------------------------------------------------- bodies and their offices

@pytest.mark.parametrize(("text", "expected"), [
    ("The hospital said four patients had died.", "other"),
    ("Hospital officials said four patients had died.", "other"),
    ("NRA Executive Vice President Wayne LaPierre said guns save lives.", "other"),
    ("Staffan de Mistura, the UN special envoy for Syria, said the truce would hold.", "international_ngo"),
    ("U.S. special envoy Zalmay Khalilzad said the talks went well.", "government"),
    ("OSCE spokesman Michael Bociurkiw said the monitors were safe.", "international_ngo"),
    ("Democratic President Barack Obama said the ban should return.", "government"),  # a party is no body presided
])
def test_the_body_decides_the_type_of_its_office(text, expected):
    assert row_at(text, text, "said")["source_type"] == expected


def test_an_organisation_that_holds_an_office_is_its_side():
    text = "OSCE spokesman Michael Bociurkiw said the monitors were safe."
    row = row_at(text, text, "said")
    assert (row["source"], side(row)) == ("Michael Bociurkiw", "OSCE")


@pytest.mark.parametrize(("text", "not_expected"), [
    ("Vice Foreign Minister Choe Son Hui said the talks were over.", "civilian"),
    ("Families Against Mandatory Minimums said the law was unjust.", "civilian"),
])
def test_a_word_for_people_inside_a_name_does_not_make_a_civilian(text, not_expected):
    assert row_at(text, text, "said")["source_type"] != not_expected


def test_a_word_for_people_before_a_name_is_the_persons_role():
    text = "Witness Bashir Ahmad said the jets struck twice."
    assert row_at(text, text, "said")["source_type"] == "civilian"


def test_a_ministry_with_of_the_in_its_name_is_the_whole_body():
    text = "A spokesman for the Ministry of the Interior said the roads were closed."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "A spokesman for the Ministry of the Interior"
    assert row["source_type"] == "government"
    att = framing.attributions(corpus(text))
    assert text[int(att["speaker_start"].iloc[0]):int(att["speaker_end"].iloc[0])].endswith("Ministry of the Interior")


# ----------------------------------------------------------------------------------- where the speaker is

@pytest.mark.parametrize(("text", "cue", "name", "expected_side"), [
    ("“We are shocked,” said U.N. official Chris Gunness in Gaza.", "said", "Chris Gunness", "United Nations"),
    ("The Chinese Embassy in Bamako said its staff were safe.", "said", "Chinese Embassy", "China"),
    ("FBI Special Agent in Charge Rick Dunn said the suspect had fled.", "said", "Rick Dunn", "United States"),
])
def test_a_place_after_the_speaker_is_not_the_speakers_name(text, cue, name, expected_side):
    row = row_at(text, text, cue, home="United States")
    assert row["source"] == name
    assert side(row) == expected_side


# ----------------------------------------------------------------------------------- pronouns and participles

def test_a_man_named_by_his_surname_with_mr_does_not_take_a_womans_words():
    text = ("Mr. Moon hosted the envoy at the Blue House. She told Mr. Moon that the summit could go ahead. "
            "He said he was hopeful.")
    assert row_at(text, "She told", "told")["source"] != "Moon"
    assert row_at(text, "He said", "said")["source"] == "Moon"


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("“The rain has stopped,” said Joan Pike, the director of a farm bureau in Ames, adding that the harvest was "
     "late.", "adding", "Joan Pike"),
    ("“It is bad,” said Omar Haddad, a farmer, noting that the well was dry.", "noting", "Omar Haddad"),
    # not inverted: the subject before the apposition speaks, not the object after the verb
    ("Representative Jane Roe of Texas, the top Republican on the panel, said Mr. Smith’s tweet was wrong, "
     "suggesting that he apologize.", "suggesting", "Jane Roe"),
])
def test_a_participle_after_an_inverted_cue_and_an_apposition_is_the_named_speakers(text, cue, name):
    assert row_at(text, text, cue)["source"] == name


# ----------------------------------------------------------------------------------- offices held on a date

def _dated_table(text: str, date: str | None) -> pd.DataFrame:
    frame = corpus(text).assign(date=pd.Timestamp(date) if date else pd.NaT)
    return framing.sources(frame, home="United States")


def _dated(text: str, date: str | None) -> pd.Series:
    """The row of the description "the (vice) president"."""
    table = _dated_table(text, date)
    return table[table["source_mention"].str.lower().isin(["the president", "the vice president"])].iloc[0]


@pytest.mark.parametrize(("text", "date", "name"), [
    ("Obama flew to Ohio on Monday. The president said the economy was strong.", "2014-05-01", "Barack Obama"),
    ("Trump held a rally in Ohio. The president said the economy was strong.", "2019-05-01", "Donald Trump"),
    ("Pence spoke in Iowa. The vice president said the vote mattered.", "2019-05-01", "Mike Pence"),
])
def test_the_president_the_article_names_only_by_surname_is_the_holder_on_its_date(text, date, name):
    row = _dated(text, date)
    assert (row["source"], row["source_type"], side(row)) == (name, "government", "United States")


@pytest.mark.parametrize(("text", "date"), [
    ("Trump held a rally in Ohio. The president said the economy was strong.", None),  # no date: no holder
    ("The president said the economy was strong.", "2019-05-01"),  # the holder is not named in the article
    ("The French president said Europe needs an army. Trump was in Ohio. The president added that NATO was weak.",
     "2019-05-01"),
    ("The board ousted the company's president. Trump was in Ohio. The president said he would sue.", "2019-05-01"),
    ("Trump held a rally in Ohio. The former president said the election was stolen.", "2019-05-01"),
    ("Paris was calm. French voters went to the polls in Lyon and Marseille, and France's turnout was high. "
     "Trump was in Ohio. The president said the vote mattered.", "2019-05-01"),
])
def test_no_holder_is_guessed_for_another_president_or_another_country(text, date):
    assert not _dated_table(text, date)["source"].astype(str).str.contains("Trump|Obama").any()


def test_an_office_holders_list_that_is_not_dated_is_a_clear_error(tmp_path):
    bad = tmp_path / "roles.yaml"
    bad.write_text("name: roles\ntypes:\n  government:\n    strong: [ministry]\n"
                   "offices:\n  Utopia:\n    president: [[2019-01-01, Jane Roe]]\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError, match=r"roles\.yaml:\d+: office 'president' of 'Utopia'"):
        framing.sources(corpus("The president said so."), lexicon=bad)


# ----------------------------------------------------------------------------------- the phrase that names the speaker

@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("A protester in the crowd said the police fired first.", "said", "A protester in the crowd"),
    # what the statement is made in is no part of the speaker's phrase
    ("The fighter in the new video called for more attacks.", "called for", "The fighter"),
    ("Rhodes in the email said the protests were spontaneous.", "said", "Rhodes"),
    ("The ministry in a written statement said the border was closed.", "said", "The ministry"),
])
def test_a_person_in_a_place_or_a_video_is_the_speaker_not_the_place(text, cue, mention):
    assert row_at(text, text, cue)["source_mention"] == mention


def test_an_armed_groups_unnamed_fighters_are_armed_group():
    text = "The jihadis in the new video called for more attacks."
    assert row_at(text, text, "called for")["source_type"] == "armed_group"


def test_a_persons_unnamed_companion_is_an_anonymous_civilian():
    text = "The main witness was Michael Brown’s companion, who stated that Brown was fleeing."
    row = row_at(text, text, "stated")
    assert (row["source_type"], bool(row["anonymous"])) == ("civilian", True)


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("The plan conflicts with views previously expressed by the defense secretary, James Mattis.", "expressed",
     "James Mattis"),
    ("Concerns voiced by residents were ignored.", "voiced", None),
])
def test_a_reduced_passive_names_its_speaker_after_by(text, cue, name):
    row = row_at(text, text, cue, home="United States")
    assert row["source_mention"] in ("James Mattis", "residents")
    assert (row["source"] if isinstance(row["source"], str) else None) == name


@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("Smith said by phone that the roads were closed.", "said", "Smith"),
    ("India responded by saying it would slap tariffs on more than two dozen U.S. goods.", "saying", "India"),
])
def test_the_means_after_by_is_no_speaker(text, cue, mention):
    assert row_at(text, text, cue)["source_mention"] == mention
    # ("responded by slapping tariffs" reports an act, no statement: tests/test_sources_relayed.py)


def test_unnamed_foreigners_take_no_home_side_and_unnamed_officials_do():
    text = "Two senior Western European security sources said the plot was foiled. Officials said it was big."
    assert side(row_at(text, "sources said", "said", home="United States")) is None
    assert side(row_at(text, "Officials said", "said", home="United States")) == "United States"


def test_a_named_civilian_of_the_outlets_country_takes_no_side_and_one_from_abroad_does():
    text = ("Luke Somers, an American photojournalist, said he was afraid. Ali Reza, an Iranian shopkeeper, said "
            "prices had doubled.")
    assert side(row_at(text, "photojournalist, said", "said", home="United States")) is None
    assert side(row_at(text, "shopkeeper, said", "said", home="United States")) == "Iran"


@pytest.mark.parametrize(("text", "cue", "mention"), [
    # a word in -ing inside the first verb's object is no verb
    ("North Korea had dismantled its nuclear testing site at Punggye-ri and announced a moratorium.", "announced",
     "North Korea"),
    # a dateline opens the sentence: the participle goes on the clause after it
    ("SEOUL (Reuters) - Defense Secretary Jim Mattis said on Saturday that he could not imagine it, warning that "
     "the missiles were a threat.", "warning", "Defense Secretary Jim Mattis"),
])
def test_the_subject_a_second_verb_or_a_participle_goes_on(text, cue, mention):
    assert row_at(text, text, cue)["source_mention"] == mention


def test_an_unnamed_spokesperson_speaks_for_the_body_that_spoke_just_before():
    text = ("“It is a road traffic collision,” London's Metropolitan Police tweeted. “It is not a terrorist "
            "incident,” a spokesperson told The Guardian.")
    row = row_at(text, "a spokesperson told", "told")
    assert (row["source_type"], side(row), bool(row["anonymous"])) == ("military_security", "United Kingdom", False)


@pytest.mark.parametrize(("text", "expected"), [
    ("These same intel sources say he was asked to come back.", "military_security"),
    ("Christopher Anderson, a career foreign service officer in the State Department, said it was tense.",
     "government"),
])
def test_more_terms_of_the_state(text, expected):
    cue = "say" if " say " in text else "said"
    assert row_at(text, text, cue)["source_type"] == expected


def test_a_lawyer_described_by_a_line_of_work_comments_as_an_expert():
    # a profession, no party's lawyer (the gold codes such a commentator expert)
    text = "Joel Cohen, a white collar defense attorney and former prosecutor, said the judge could give him time."
    assert row_at(text, text, "said")["source_type"] == "expert"


@pytest.mark.parametrize(("text", "cue", "expected", "anonymous"), [
    ("The crowd chanted “No war.”", "chanted", "civilian", True),
    ("The plaintiffs argued the law was unjust.", "argued", "civilian", True),
    ("The bulletin said the threat was high.", "said", "document", False),
    # (a person described but never named is anonymous, as "the gunman" is)
    ("The killer wrote that he hated them.", "wrote", "other", True),
])
def test_people_and_texts_the_news_often_quotes_unnamed(text, cue, expected, anonymous):
    row = row_at(text, text, cue)
    assert (row["source_type"], bool(row["anonymous"])) == (expected, anonymous)


# ----------------------------------------------------------------------------------- the edges of the rules above

@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Lawyers for the Justice Department said the case was strong.", "said", "government"),
    ("The government's lawyers argued the case was moot.", "argued", "government"),
    ("President Donald Trump's lawyers said the case was weak.", "said", "other"),  # a person's, not the office's
    ("Criminal defense lawyers said the ruling would make searches harder to challenge.", "said", "expert"),
    ("Labor Party President Ehud Barak said the talks had failed.", "said", "politician"),
    ("Senate President Pro Tempore Chuck Grassley said the bill would pass.", "said", "politician"),
    ("“It could have been worse,” Britt Farmer, the church's senior minister, said.", "said", "other"),
    ("“It is unclear,” said Mark Zaid, a Washington-based attorney specializing in national security.", "said",
     "expert"),
])
def test_whose_lawyers_and_which_bodies_hold_the_office(text, cue, expected):
    assert row_at(text, text, cue)["source_type"] == expected


def test_a_spokesperson_after_someone_else_spoke_is_not_the_bodys():
    text = ("The Pentagon said the strike was lawful, while Rep. Ro Khanna said it was unauthorized. “He will "
            "introduce a resolution,” a spokesman said.")
    assert row_at(text, "a spokesman said", "said")["source"] != "Pentagon"


@pytest.mark.parametrize(("text", "mention"), [
    ("NATO — which has 29 members — said the talks had failed.", "NATO"),
    ("UNICEF — the U.N. children's agency — said aid was blocked.", "UNICEF"),
])
def test_a_name_in_capitals_before_an_aside_is_no_dateline(text, mention):
    assert row_at(text, text, "said")["source_mention"] == mention


@pytest.mark.parametrize("text", [
    "Parkland Student David Hogg said the march would go on.",
    "Syrian Refugee Abdullah Kurdi said he was afraid.",
    "Palestinian Residents of Gaza said the shelling went on.",
])
def test_a_capitalised_word_for_people_before_a_name_or_after_a_people_is_a_civilian(text):
    assert row_at(text, text, "said")["source_type"] == "civilian"


@pytest.mark.parametrize("text", [
    "Senate Foreign Relations Committee aides said the bill was dead.",
    "Federal prosecutors in the Western District of Texas said the case was closed.",
])
def test_a_foreign_word_inside_a_name_leaves_the_home_side(text):
    assert side(row_at(text, text, "said", home="United States")) == "United States"


@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("The president announced by tweet that he had fired the secretary.", "announced", "The president"),
    ("Officials estimated by Monday that the death toll had reached 300.", "estimated", "Officials"),
])
def test_only_a_noun_for_what_is_said_takes_its_speaker_after_by(text, cue, mention):
    assert row_at(text, text, cue)["source_mention"] == mention


def test_a_countrys_office_owned_after_people_is_the_countrys():
    text = ("Supporters of Brazil's president-elect Jair Bolsonaro cheered in Rio. Bolsonaro said he would cut "
            "taxes.")
    row = row_at(text, "Bolsonaro said", "said")
    # (a president-elect holds no office yet: a politician)
    assert (row["source_type"], side(row)) == ("politician", "Brazil")


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The president's lawyers said he would not sit for an interview.", "said", "other"),
    ("Attorneys for the police officer said he had feared for his life.", "said", "other"),
    ("Flint Residents said the water was bad.", "said", "civilian"),  # people in the plural, no word of a name
])
def test_a_person_holding_an_office_is_no_body_and_people_in_the_plural_are_people(text, cue, expected):
    assert row_at(text, text, cue)["source_type"] == expected


def test_a_field_of_foreign_work_is_no_foreigner():
    text = "Trump's foreign policy advisers said the deal with Iran was dead."
    assert side(row_at(text, text, "said", home="United States")) == "United States"


def test_a_spokesperson_after_a_body_that_named_another_body_is_not_the_first_bodys():
    text = ("Amnesty International accused the Pentagon of covering up civilian deaths. A spokesman said the claims "
            "were false.")
    assert row_at(text, "A spokesman said", "said")["source"] != "Amnesty International"


def test_no_holder_where_a_body_named_nearby_may_have_a_president():
    text = "The NAACP criticized Trump's remarks on Baltimore. The president said the group would sue."
    assert not _dated_table(text, "2019-06-01")["source"].astype(str).str.contains("Trump").any()


@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("The plan announced by tweet on Monday was dropped.", "announced", "The plan"),
    ("The proposals announced by January were rejected.", "announced", "The proposals"),
])
def test_a_means_or_a_time_after_by_is_no_agent(text, cue, mention):
    assert row_at(text, text, cue)["source_mention"] == mention
