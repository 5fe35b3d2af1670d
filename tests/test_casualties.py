"""Casualty statements: expected rows written by reading the bundled articles."""

from __future__ import annotations

import pandas as pd
import pytest

import framing

from framing import schema
from framing.measures.casualties import EXTRA_COLUMNS, SIDE_COLUMNS, casualties
from framing.errors import SchemaError


@pytest.fixture(scope="module")
def table(example):
    return casualties(example)


def _corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": ["o"] * len(texts), "text": list(texts)}
    )


def _row(table: pd.DataFrame, doc: str, victims: str) -> pd.Series:
    rows = table[(table["doc_id"] == doc) & (table["victims"].fillna("") == victims)]
    assert len(rows) == 1, f"expected one row for {victims!r} in {doc}, got\n{table[table['doc_id'] == doc]}"
    return rows.iloc[0]


def test_columns_and_evidence(table, example_texts):
    assert list(table.columns) == list(schema.CASUALTIES) + list(EXTRA_COLUMNS) + list(SIDE_COLUMNS)
    assert set(table["construction"]) <= set(schema.CONSTRUCTIONS)
    assert set(table["voice"]) <= set(schema.VOICES)
    for r in table.itertuples():
        evidence = example_texts[r.doc_id][r.start : r.end]
        if isinstance(r.victims, str):
            assert r.victims in evidence
        if isinstance(r.agent, str):
            assert r.agent in evidence


def test_agentless_passives(table):
    # TIME: "A number of militants were killed, it added."
    r = _row(table, "time", "A number of militants")
    assert (r.construction, r.victim_category, r.harm) == ("passive_agentless", "militants", "death")
    assert pd.isna(r.number) and pd.isna(r.agent)
    # TIME: "Seven non-Iranians were killed in the explosions": a cause, not an agent
    r = _row(table, "time", "Seven non-Iranians")
    assert (r.construction, r.number) == ("passive_agentless", 7) and pd.isna(r.agent)
    assert r.cause == "in the explosions"
    # Times of Israel: "Four people were killed and six others wounded in the attack"
    r = _row(table, "timesofisrael", "Four people")
    assert (r.construction, r.number, r.victim_category, r.harm) == ("passive_agentless", 4, "people", "death")
    r = _row(table, "timesofisrael", "six others")
    assert (r.construction, r.number, r.harm) == ("passive_agentless", 6, "injury")


def test_active_with_agent_and_emotive_words(table):
    # Ahram: "after the deadly missile strikes killed four people and wounded six others"
    r = _row(table, "ahram", "four people")
    assert (r.construction, r.number, r.agent) == ("active", 4, "the deadly missile strikes")
    assert r.emotive == "deadly"
    injured = _row(table, "ahram", "six others")
    assert (injured.harm, injured.number, injured.agent) == ("injury", 6, "the deadly missile strikes")
    # Ahram: "Israel's relentless bombardment and ground invasion has killed at least 24,285 Palestinians"
    r = _row(table, "ahram", "at least 24,285 Palestinians")
    assert (r.construction, r.number, r.victim_category) == ("active", 24285, "people")
    assert r.agent.startswith("Israel's relentless bombardment")
    # Ahram: "after an Iranian air strike killed two children"
    r = table[(table["doc_id"] == "ahram") & (table["sentence_id"] == table.loc[table["doc_id"] == "ahram", "sentence_id"].min())].iloc[0]
    assert (r.victims, r.number, r.victim_category, r.agent) == ("two children", 2, "children", "an Iranian air strike")


def test_coordinated_predicates_share_the_agent(table):
    # Scroll: "The strikes killed two children and injured three others, Pakistan said."
    rows = table[(table["doc_id"] == "scroll") & table["victims"].isin(["two children", "three others"])]
    assert list(rows["harm"]) == ["death", "injury"]
    assert list(rows["number"]) == [2, 3]
    assert list(rows["agent"]) == ["The strikes", "The strikes"]
    assert set(rows["construction"]) == {"active"}


def test_passive_with_by_agent(table):
    # Scroll: "Soleimani, who was killed in 2020 in a drone strike by the United States"
    r = _row(table, "scroll", "Soleimani")
    assert (r.construction, r.agent) == ("passive_agentive", "the United States")
    assert "Soleimani" in r.humanising.split("; ")


def test_nominal_and_humanising_in_cupventi(table):
    # "resulting in the tragic deaths of two children"
    r = _row(table, "cupventi", "two children")
    assert (r.construction, r.number, r.victim_category, r.emotive) == ("nominal", 2, "children", "tragic")
    # "the strike caused the deaths of a 6-year-old girl and an 11-month-old boy, with three women injured"
    r = _row(table, "cupventi", "a 6-year-old girl and an 11-month-old boy")
    # "a" and "an" state no number (the codebook of the hand-coded gold)
    assert (r.construction, r.victim_category, r.agent) == ("nominal", "children", "the strike")
    assert pd.isna(r.number)
    assert r.humanising.split("; ") == ["6-year-old", "11-month-old"]
    r = _row(table, "cupventi", "three women")
    assert (r.harm, r.number, r.victim_category, r.construction) == ("injury", 3, "women", "passive_agentless")
    # "resulting in the deaths of 11 people"
    r = _row(table, "cupventi", "11 people")
    assert (r.construction, r.number) == ("nominal", 11)


def test_quoted_statement_has_quote_voice_and_innocent_is_humanising(table):
    # Times of Israel: It said the strike “resulted in death of two innocent children while injuring three girls.”
    r = _row(table, "timesofisrael", "two innocent children")
    assert (r.construction, r.number, r.voice, r.humanising) == ("nominal", 2, "quote", "innocent")
    assert r.agent == "the strike"
    girls = _row(table, "timesofisrael", "three girls")
    assert (girls.harm, girls.number, girls.victim_category, girls.voice) == ("injury", 3, "children", "quote")
    # "an attack in December on a police station in Rask that killed at least 11 Iranian police officers"
    r = _row(table, "timesofisrael", "at least 11 Iranian police officers")
    assert (r.number, r.victim_category, r.construction) == (11, "security_forces", "active")
    assert r.agent.startswith("an attack in December")


def test_wire_versions_word_the_same_deaths_differently(table):
    # AFP copy: Times of Israel keeps "alleged Israeli strikes killing"; Ahram has "Israeli assassinations of"
    toi = _row(table, "timesofisrael", "Iranian and pro-Iranian commanders")
    ahram = _row(table, "ahram", "Iranian and pro-Iranian commanders")
    assert (toi.construction, toi.agent) == ("active", "recent alleged Israeli strikes")
    assert (ahram.construction, ahram.agent) == ("nominal", "Israeli")


@pytest.mark.parametrize(
    "text, victims, number, construction, agent",
    [
        ("Seventeen of his friends and neighbors were killed in the attacks.", "Seventeen of his friends and neighbors",
         17, "passive_agentless", None),
        ("More than 1,300 people were killed by Hamas militants.", "More than 1,300 people", 1300,
         "passive_agentive", "Hamas militants"),
        ("Two hundred people were killed on Sunday.", "Two hundred people", 200, "passive_agentless", None),
        ("Hundreds of people died in the blast.", "Hundreds of people", None, "intransitive", None),
        ("An Iranian air strike killed twenty-three civilians.", "twenty-three civilians", 23, "active",
         "An Iranian air strike"),
        ("Officials said a family of 20 people were killed.", "a family of 20 people", 20, "passive_agentless", None),
        ("Citizens of more than 40 countries were killed.", "Citizens of more than 40 countries", None,
         "passive_agentless", None),
        ("Twelve people are confirmed dead.", "Twelve people", 12, "intransitive", None),
        ("The gunmen entered two mosques, shooting dead 50 people.", "50 people", 50, "active", "The gunmen"),
        ("Police said the attack left five women dead.", "five women", 5, "active", "the attack"),
        ("Officials counted 1,200 Israeli deaths.", "1,200 Israeli", 1200, "nominal", None),
        ("The family mourned Lanza's death.", "Lanza's", None, "nominal", None),
        ("Gunmen killed and kidnapped dozens of villagers this month.", "dozens of villagers", None, "active",
         "Gunmen"),
        ("Analysts estimate the blast killed between 100 and 300 people.", "between 100 and 300 people", 100,
         "active", "the blast"),
        ("In the meantime the army is killing masses of civilians.", "masses of civilians", None, "active",
         "the army"),
        ("Wounded people were treated outside.", "people", None, "passive_agentless", None),
    ],
)
def test_hand_written_cases(text, victims, number, construction, agent):
    t = casualties(_corpus(text))
    assert len(t) == 1, t
    r = t.iloc[0]
    assert r.victims == victims
    assert (None if pd.isna(r.number) else int(r.number)) == number
    assert r.construction == construction
    assert (None if pd.isna(r.agent) else r.agent) == agent
    assert not r.negated


def test_negation():
    t = casualties(_corpus("No one was killed in the raid.", "The soldier was not killed, the army said."))
    assert list(t["negated"]) == [True, True]
    assert t.iloc[0]["number"] == 0


def test_several_groups_and_a_toll():
    t = casualties(_corpus(
        "Israeli strikes have killed 4,137 people in Gaza and wounded more than 13,200, officials say. "
        "The death toll has risen to 413."
    ))
    assert list(t["harm"]) == ["death", "injury", "death"]
    assert list(t["number"]) == [4137, 13200, 413]
    assert list(t["construction"]) == ["active", "active", "nominal"]
    assert list(t["agent"])[:2] == ["Israeli strikes", "Israeli strikes"]


def test_generic_mentions_are_not_statements():
    # nouns without victims or a count: "gun deaths", "mass killings", "farm murders"
    t = casualties(_corpus(
        "The US leads developed nations in gun deaths.",
        "The group planned mass killings.",
        "What about the farm murders?",
    ))
    assert t.empty


def test_no_casualties_and_bad_input():
    t = casualties(_corpus("The talks resumed on Monday."))
    assert t.empty and list(t.columns) == list(schema.CASUALTIES) + list(EXTRA_COLUMNS) + list(SIDE_COLUMNS)
    with pytest.raises(SchemaError, match="text"):
        casualties(pd.DataFrame({"doc_id": ["a"], "outlet": ["o"]}))


def _cas(text: str) -> pd.DataFrame:
    return framing.casualties(pd.DataFrame({"doc_id": ["a"], "outlet": ["o"], "text": [text]}))


@pytest.mark.parametrize(
    ("text", "victims", "number", "construction", "agent", "emotive"),
    [
        ("Gunmen slaughtered 12 villagers on Sunday.", "12 villagers", 12, "active", "Gunmen", "slaughtered"),
        ("Nine pilgrims were massacred at the shrine.", "Nine pilgrims", 9, "passive_agentless", None, "massacred"),
        ("Three soldiers were gunned down near the border.", "Three soldiers", 3, "passive_agentless", None, ""),
        ("Two men were shot dead by police.", "Two men", 2, "passive_agentive", "police", ""),
        ("The militants beheaded a journalist.", "a journalist", None, "active", "The militants", ""),
    ],
)
def test_loaded_killing_verbs_report_deaths(text, victims, number, construction, agent, emotive):
    row = _cas(text).iloc[0]
    assert row["harm"] == "death"
    assert row["victims"] == victims and (None if pd.isna(row["number"]) else row["number"]) == number
    assert row["construction"] == construction
    assert (None if pd.isna(row["agent"]) else row["agent"]) == agent
    assert row["emotive"] == emotive


def test_figurative_hurt_and_executed_plans_are_not_casualties():
    assert _cas("The new tariffs will hurt the economy. It will hurt him at the polls. "
                "The army executed the plan.").empty
    row = _cas("Four people were hurt in the blast.").iloc[0]
    assert row["harm"] == "injury" and row["number"] == 4
