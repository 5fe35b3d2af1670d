"""Whose a phrase is (the gazetteer of sides) and whose deaths a casualty statement reports."""

import pandas as pd
import pytest

import framing
from framing.errors import SchemaError, UsageError
from framing.measures.sides import load_sides


@pytest.fixture(scope="module")
def sides():
    return load_sides()


@pytest.mark.parametrize("phrase, side", [
    ("Iranian Foreign Minister Hossein Amir-Abdollahian", "Iran"),   # a demonym in a title
    ("Pakistan's foreign ministry", "Pakistan"),                      # a possessive
    ("the Palestinian health ministry", "Palestine"),
    ("at least 24,285 Palestinians", "Palestine"),
    ("Hamas gunmen", "Hamas"),                                        # an armed group
    ("the U.S. military", "United States"),
    ("Israel's relentless bombardment", "Israel"),
    ("Palestinian and Israeli children", "mixed"),                    # two sides
    ("five people in Texas", None),                                   # no side named
    ("a village in Pakistan", None),                                  # a place is not a side
    ("civilians in the occupied West Bank", None),
    ("Iran-backed militias", None),                                   # someone else, backed by Iran
    ("Seven non-Iranians", None),
    ("African Americans", None),                                      # a community within a country
    ("a Washington Post reporter", None),                             # a newspaper
    ("a group operating across Afghanistan, Iran and Pakistan", None),  # a list of places
])
def test_side_of_a_phrase(sides, phrase, side):
    assert sides.side_of(phrase) == side


def test_a_users_mapping_comes_first():
    mine = load_sides({"Palestine": ["Hamas", "Gazans"], "Baloch": {"people": ["Baloch", "Baluch"]}})
    assert mine.side_of("Hamas fighters") == "Palestine"
    assert mine.side_of("Baluch villagers") == "Baloch"
    assert mine.side_of("Iranians") == "Iran"  # the bundled names stay
    with pytest.raises(SchemaError, match="side 'Baloch'"):
        load_sides({"Baloch": 3})


def _rows(text, **kwargs):
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    table = framing.casualties(corpus, **kwargs)
    return table[["victims", "victim_side", "agent_side", "victim_side_from"]].astype(object).where(
        table[["victims", "victim_side", "agent_side", "victim_side_from"]].notna(), None)


def test_victims_and_agent_sides_from_their_phrases():
    rows = _rows("Israeli airstrikes killed 40 Palestinians on Monday.")
    assert rows.iloc[0].to_dict() == {"victims": "40 Palestinians", "victim_side": "Palestine",
                                      "agent_side": "Israel", "victim_side_from": "victims"}


def test_a_place_alone_gives_no_side():
    rows = _rows("A gunman killed five people in Texas on Sunday.")
    assert rows.iloc[0]["victim_side"] is None and rows.iloc[0]["agent_side"] is None


def test_the_side_that_reports_its_dead():
    rows = _rows("Gaza's health ministry said 40 people were killed overnight.")
    assert (rows.iloc[0]["victim_side"], rows.iloc[0]["victim_side_from"]) == ("Palestine", "reporter")
    # the reporter's own forces are the agent, not the victims
    rows = _rows("The Israeli military said it killed 12 militants overnight.")
    assert rows.iloc[0]["victim_side"] is None and rows.iloc[0]["agent_side"] == "Israel"


def test_victims_named_before():
    rows = _rows("Two Pakistani soldiers were killed on Monday. Three others were wounded in the blast.")
    assert list(rows["victim_side"]) == ["Pakistan", "Pakistan"]
    assert list(rows["victim_side_from"]) == ["victims", "previous"]


def test_two_sides_at_war_are_an_explicit_inference():
    text = "Hamas gunmen killed 20 people in a kibbutz."
    plain = _rows(text)
    assert plain.iloc[0]["victim_side"] is None and plain.iloc[0]["agent_side"] == "Hamas"
    war = _rows(text, sides={"Palestine": ["Hamas"]}, opposing=("Israel", "Palestine"))
    assert (war.iloc[0]["victim_side"], war.iloc[0]["victim_side_from"]) == ("Israel", "opposing")
    with pytest.raises(UsageError, match="two different sides"):
        _rows(text, opposing=("Israel",))


def test_whose_deaths_in_the_bundled_articles():
    """Rows read off the five articles: Pakistan reports its own dead; Israel's strikes killed Iranians and
    Palestinians; "seven non-Iranians" names no side."""
    corpus = framing.example_corpus()
    table = framing.casualties(corpus)

    def side(doc, victims):
        row = table[(table["doc_id"] == doc) & (table["victims"] == victims)].iloc[0]
        return (None if pd.isna(row["victim_side"]) else row["victim_side"],
                None if pd.isna(row["agent_side"]) else row["agent_side"])

    # "Pakistan said Wednesday that Iran carried out an airstrike on its territory that killed two children"
    assert side("timesofisrael", "two children") == ("Pakistan", None)
    # "The strikes killed two children and injured three others, Pakistan said."
    assert side("scroll", "three others") == ("Pakistan", None)
    # "... Israel's relentless bombardment and ground invasion has killed at least 24,285 Palestinians"
    assert side("ahram", "at least 24,285 Palestinians") == ("Palestine", "Israel")
    # "... recent alleged Israeli strikes killing Iranian and pro-Iranian commanders"
    assert side("timesofisrael", "Iranian and pro-Iranian commanders") == ("Iran", "Israel")
    assert side("time", "Seven non-Iranians") == (None, None)


def test_a_sides_figures_reported_through_a_run_by_group_or_as_a_noun():
    rows = _rows("The hospital blast killed 471 people, according to the Hamas-run Gaza Health Ministry.")
    assert (rows.iloc[0]["victim_side"], rows.iloc[0]["victim_side_from"]) == ("Palestine", "reporter")
    rows = _rows("Experts doubted the Gaza Health Ministry's assertion that 471 people were killed.")
    assert rows.iloc[0]["victim_side"] == "Palestine"
