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


def _one(text, **kwargs):
    return _rows(text, **kwargs).iloc[0].to_dict()


RUSSIA_UKRAINE = {"opposing": ("Russia", "Ukraine")}


def test_a_name_that_modifies_an_attack_is_its_agent_not_a_place():
    row = _one("Five soldiers were killed in a Taliban attack on Monday.")
    assert row["agent_side"] == "Taliban" and row["victim_side"] is None
    row = _one("Nine people were killed in the Russian offensive, and 12 more in the Taliban assault on Herat.")
    assert row["agent_side"] == "Russia"


def test_the_target_of_an_attack_is_a_place():
    row = _one("Russia's bombardment of Ukraine killed 12 people on Monday.")
    assert row["agent_side"] == "Russia"                       # not "mixed"
    row = _one("Russia's bombardment of Ukraine killed 12 people on Monday.", **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "opposing")


def test_a_border_is_neither_sides_place():
    row = _one("Two farmers were killed near the Lebanon border on Sunday.", opposing=("Israel", "Lebanon"))
    assert row["victim_side"] is None


def test_a_name_read_in_its_sentence():
    # the agent phrase "Ukraine" is the place the incursion went into, not a side
    row = _one("It came a month after the Russian incursion into Ukraine that killed 300 people.",
               **RUSSIA_UKRAINE)
    assert row["agent_side"] != "Ukraine"
    assert row["victim_side"] == "Ukraine"


def test_according_to_speaks_for_the_sentence():
    row = _one("Ten people were killed on Friday in clashes in Kabul and Herat, Afghanistan, "
               "according to the Pakistani foreign ministry.")
    assert (row["victim_side"], row["victim_side_from"]) == ("Pakistan", "reporter")


def test_an_agency_counting_the_dead_is_not_their_side():
    row = _one("The Red Cross said 60 people were killed in the shelling.")
    assert row["victim_side"] is None
    row = _one("The United Nations said two of its staff were killed in the shelling.")
    assert (row["victim_side"], row["victim_side_from"]) == ("United Nations", "reporter")


def test_a_third_partys_word_yields_to_what_the_text_says_of_two_sides_at_war():
    row = _one("Washington said Russian missiles killed 20 people in Odesa.", **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["agent_side"]) == ("Ukraine", "Russia")
    row = _one("Washington said 20 people were killed in Odesa.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "United States"               # nothing else is said: the reporter's word
    row = _one("France said two of its nationals were killed.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "France"                      # "its": the reporter's own


def test_the_side_named_as_attacking_in_the_sentence():
    text = "After the Russian assault on the town, residents said dozens of people had been killed."
    assert _one(text, **RUSSIA_UKRAINE)["victim_side"] == "Ukraine"
    assert _one(text)["victim_side"] is None                   # no war declared: no inference


def test_it_is_the_reporters_forces_only_when_the_reporter_speaks_first():
    row = _one("It killed 40 people and wounded 70, according to the Afghan government.")
    assert (row["victim_side"], row["agent_side"]) == ("Afghanistan", None)


def test_a_name_that_locates_a_thing_is_a_place():
    # "a Kharkiv hospital" is where the dead were; the blast is not Ukraine's
    sides = {"Ukraine": ["Kharkiv"]}
    row = _one("An explosion at a Kharkiv hospital killed 30 people.", sides=sides, **RUSSIA_UKRAINE)
    assert row["agent_side"] is None
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "place")
    # ... while "a U.S. citizen" is American and "an al-Qaeda affiliate" is al-Qaeda's
    assert _one("A U.S. citizen was killed in the attack.")["victim_side"] == "United States"
    assert _one("An al-Qaeda affiliate in Yemen murdered two hostages.")["agent_side"] == "al-Qaeda"


def test_a_place_named_only_as_nearby_is_not_where_the_dead_were():
    for where in ("near Ukraine", "outside of Ukraine", "close to Ukraine"):
        row = _one(f"Four soldiers were killed in a village {where}.", **RUSSIA_UKRAINE)
        assert row["victim_side"] is None, where
    row = _one("Four soldiers were killed in a village in Ukraine.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"


def test_the_speaker_is_not_the_agent():
    row = _one("Hezbollah said a house in the village was hit, killing his brother.")
    assert row["agent_side"] is None


def test_the_one_attacked_is_not_the_agent_but_where_the_dead_are():
    row = _one("It was a brutal attack on Ukrainian towns that killed 40 people.", **RUSSIA_UKRAINE)
    assert row["agent_side"] is None
    assert (row["victim_side"], row["victim_side_from"]) == ("Ukraine", "place")
    row = _one("It was a brutal attack on Ukrainian towns that killed 40 people.")
    assert row["victim_side"] is None                          # no war declared: no inference


def test_hostages_are_not_their_captors_own():
    text = "The Houthis said 13 hostages had been killed in Saudi air strikes."
    assert _one(text)["victim_side"] is None
    row = _one(text, opposing=("Saudi Arabia", "Houthis"))
    assert (row["victim_side"], row["agent_side"]) == ("Saudi Arabia", "Saudi Arabia")


def test_people_holding_the_bodies_did_not_kill_them():
    rows = _rows("Afghan soldiers check the bodies of villagers killed in the raid.")
    assert rows.iloc[0]["agent_side"] is None
    rows = _rows("Russian killings of civilians in Bucha shocked Europe.")
    assert rows.iloc[0]["agent_side"] == "Russia"


def test_a_pronoun_agent_is_the_actor_named_before_it():
    text = "The slow response gave Russian troops hours to enter the towns, where they killed 200 people."
    row = _one(text, **RUSSIA_UKRAINE)
    assert (row["agent_side"], row["victim_side"]) == ("Russia", "Ukraine")
    # "they" is not a country named before it
    row = _one("Airstrikes hit cars as they headed south from Kabul, killing 70 people.")
    assert row["agent_side"] is None


def test_the_side_a_sentence_names_as_attacked():
    text = "On Saturday Russia attacked Ukraine, launching missiles and killing civilians."
    assert _one(text, **RUSSIA_UKRAINE)["victim_side"] == "Ukraine"
    assert _one(text)["victim_side"] is None


def test_an_apposition_names_the_victims_side():
    row = _one("An al-Qaeda affiliate in Yemen murdered hostage Luke Somers, an American journalist, on Friday.")
    assert (row["victim_side"], row["victim_side_from"]) == ("United States", "victims")
    row = _one("Gunmen killed Luke Somers, a journalist, on Friday.")
    assert row["victim_side"] is None


def test_attacked_by_names_the_attacker_and_a_speaker_of_its_own_deed_is_the_agent():
    text = "Soldiers checked the bodies of people killed in a village attacked by Russian troops."
    assert _one(text, **RUSSIA_UKRAINE)["victim_side"] == "Ukraine"
    row = _one("The Russian army said it had targeted fighters crossing the river, killing some.")
    assert row["agent_side"] == "Russia"
