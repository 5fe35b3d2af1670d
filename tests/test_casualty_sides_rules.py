"""Whose deaths: the parts of a sentence a careful coder reads for the victims' side, each on a sentence written
for it, with the case where the same words must give no side."""

import pandas as pd
import pytest

import framing
from framing.measures.sides import load_sides

RUSSIA_UKRAINE = {"opposing": ("Russia", "Ukraine")}
SAUDI_HOUTHIS = {"opposing": ("Saudi Arabia", "Houthis")}
GAZA = {"sides": {"Palestine": ["Hamas"]}, "opposing": ("Israel", "Palestine")}


def _rows(text, **kwargs):
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    table = framing.casualties(corpus, **kwargs)
    cols = ["victims", "victim_side", "agent_side", "victim_side_from"]
    return table[cols].astype(object).where(table[cols].notna(), None)


def _one(text, **kwargs):
    return _rows(text, **kwargs).iloc[0].to_dict()


@pytest.fixture(scope="module")
def sides():
    return load_sides()


# --- the reporter of the deaths ----------------------------------------------------------------------------

def test_a_reporter_behind_a_relative_clause():
    row = _one("The Ukrainian health ministry, which publishes a daily count, said 12 people were killed overnight.")
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "reporter")


def test_a_name_inside_the_relative_clause_is_not_the_reporter():
    row = _one("The regional governor, who was appointed by Moscow, said 12 people were killed overnight.")
    assert row["victim_side"] is None


def test_an_institution_run_by_a_side():
    row = _one("About 80 people were killed in the strikes, the Houthi-run health ministry said.")
    assert (row["victim_side"], row["victim_side_from"]) == ("Houthis", "reporter")
    # backed is not run: "Iran-backed" names someone else
    assert _one("About 80 people were killed in the strikes, an Iran-backed militia said.")["victim_side"] is None


def test_a_spokesman_named_beside_the_institution():
    row = _one("The blast killed 30 people, a spokesman for Ukraine's emergency service, Oleksandr Khorunzhyi, "
               "told reporters.")
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "reporter")
    row = _one("The blast killed 30 people, according to Oleksandr Khorunzhyi, a spokesman for Ukraine's "
               "emergency service.")
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "reporter")


def test_a_third_partys_word_yields_to_the_place_the_sentence_names():
    row = _one("In Ukraine, American officials said the blast killed 200 people.", **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "place")


# --- who attacks ---------------------------------------------------------------------------------------------

def test_the_subject_of_an_attack_verb_attacks(sides):
    [russia] = sides.mentions("Dozens were killed as Russia pounded the city.")
    assert russia.acting
    [ukraine] = sides.mentions("Dozens were killed as Ukraine was hit by missiles.")
    assert not ukraine.acting
    row = _one("By week's end, 2,000 people had been killed as Russia hit what it says are military targets.",
               **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "sentence")


def test_one_adjective_between_a_name_and_its_attack(sides):
    assert sides.mentions("Russian retaliatory strikes")[0].acting
    assert not sides.mentions("until Russia halts bombing")[0].acting


def test_captors_and_rockets_from_a_side_attack(sides):
    assert sides.mentions("four villagers abducted by the Houthis")[0].acting
    assert sides.mentions("rockets fired from Lebanon")[0].acting
    assert sides.mentions("an incursion by militants from Syria")[0].acting
    assert not sides.mentions("aid from Japan")[0].acting
    row = _one("Four villagers were killed after being abducted by the Houthis.", **SAUDI_HOUTHIS)
    assert row["victim_side"] == "Saudi Arabia"


def test_a_name_after_a_fronted_place_is_a_subject_not_one_more_place(sides):
    first, second = sides.mentions("In Ukraine, Russia has killed more than 500 civilians.")
    assert first.place and not second.place


# --- the victims' own phrase ----------------------------------------------------------------------------------

def test_where_the_agents_come_from():
    # the agent phrase found is "terrorists"; the noun phrase goes on with where they come from
    row = _one("At the same time, terrorists from Syria were crossing into the villages, slaughtering parents and "
               "children.")
    assert (row["victims"], row["agent_side"]) == ("parents and children", "Syria")
    row = _one("At the same time, terrorists from the hills were crossing into the villages, slaughtering parents "
               "and children.")
    assert row["agent_side"] is None


def test_victims_kept_somewhere_are_the_subject_of_the_verb():
    row = _one("Five hostages held in Yemen were killed in an air strike.")
    assert row["victims"] == "Five hostages held in Yemen"


# --- both sides ----------------------------------------------------------------------------------------------

def test_the_dead_on_both_sides():
    text = "Hundreds of people have been killed on both sides since the war began."
    assert _one(text, **RUSSIA_UKRAINE)["victim_side"] == "mixed"
    assert _one(text)["victim_side"] is None                       # no war declared: no inference
    row = _one("Two soldiers were killed on both sides of the border.", **RUSSIA_UKRAINE)
    assert row["victim_side"] != "mixed"


def test_places_of_both_sides_in_one_phrase():
    row = _one("More than 300 people have died in Russia and Ukraine this week.", **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["victim_side_from"]) == ("mixed", "place")
    # two places of two clauses: the dead are where the killing was
    row = _one("The troops killed 40 people in a raid in eastern Ukraine, and took prisoners back to Russia.",
               **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "place")


# --- hostages ------------------------------------------------------------------------------------------------

def test_hostages_held_in_a_sides_place_are_the_other_sides():
    row = _one("Five hostages held in Gaza were killed in an airstrike.", **GAZA)
    assert (row["victim_side"], row["victim_side_from"]) == ("Israel", "place")


def test_hostages_killed_by_a_sides_strike_are_not_inferred_to_be_the_other_sides():
    # captives may die by their own side's strikes: the agent says nothing of whose they are
    row = _one("Saudi air strikes killed 13 hostages.", **SAUDI_HOUTHIS)
    assert row["agent_side"] == "Saudi Arabia" and row["victim_side"] is None
    # while other victims of one side's strike are the other side's
    assert _one("Saudi air strikes killed 13 villagers.", **SAUDI_HOUTHIS)["victim_side"] == "Houthis"
