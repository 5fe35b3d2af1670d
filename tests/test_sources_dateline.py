"""framing.sources: unnamed officials of a story filed from abroad speak for the country of its dateline ("CAIRO
(AP) — ... Officials said" are Egypt's), not for the outlet's home; an envoy or negotiator speaks for the side that
sends them, not for the country they are sent to or deal with ("the special envoy for Ukraine", "Obama's chief
negotiator with Iran").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def _affiliations(text: str) -> list[str | None]:
    corpus = pd.DataFrame({"doc_id": ["d0"], "outlet": "Test", "text": [text], "date": "2015-05-01"})
    table = framing.sources(corpus, home="United States").sort_values("cue_start")
    return [None if pd.isna(a) else a for a in table["affiliation"]]


@pytest.mark.parametrize("dateline, country", [
    ("CAIRO (AP) —", "Egypt"),
    ("QUETTA, Pakistan (Reuters) -", "Pakistan"),
    ("Beirut, Lebanon —", "Lebanon"),
    ("Title of the story\n\nBAGHDAD —", "Iraq"),
])
def test_unnamed_officials_of_a_story_filed_abroad_are_of_its_country(dateline, country):
    text = f"{dateline} Warplanes struck targets near the border on Monday. Officials said 40 people were killed."
    assert _affiliations(text) == [country]


@pytest.mark.parametrize("text", [
    # no dateline: the outlet's home, as before
    "Warplanes struck targets near the border on Monday. Officials said 40 people were killed.",
    # a dateline at home
    "WASHINGTON — Warplanes struck targets near the border on Monday. Officials said 40 people were killed.",
    # two places: no one country
    "SEOUL/TOKYO (Reuters) - Warplanes struck targets near the border on Monday. Officials said 40 people were "
    "killed.",
])
def test_officials_without_a_foreign_dateline_keep_the_home_side(text):
    assert _affiliations(text) == ["United States"]


def test_a_heading_in_capitals_is_no_dateline():
    text = "SYRIA WAITING GAME- Momentum for strikes slows. Officials said the vote was near."
    assert _affiliations(text) == ["United States"]


def test_officials_of_places_the_phrase_names_are_not_of_the_dateline():
    text = ("PYONGYANG, North Korea (AP) — A launch may come soon. Officials in Seoul and Washington say Pyongyang is "
            "ready.")
    assert _affiliations(text) != ["North Korea"]


@pytest.mark.parametrize("people", ["Western diplomats", "World leaders"])
def test_foreigners_of_a_dateline_story_keep_no_side(people):
    text = f"CAIRO (AP) — Warplanes struck targets near the border. {people} said 40 people were killed."
    assert _affiliations(text) == [None]


def test_a_named_official_is_not_moved_by_the_dateline():
    text = ("CAIRO (AP) — Warplanes struck targets near the border. U.S. Secretary of State John Kerry said the "
            "strikes were a mistake.")
    assert _affiliations(text) == ["United States"]


@pytest.mark.parametrize("text", [
    "Wendy Sherman, President Barack Obama's chief negotiator with Iran, said the deal was good.",
    "Kurt Volker, the U.S. special envoy for Ukraine, said the aid was frozen.",
    "John Sopko, the special inspector general for Afghanistan reconstruction, said the money was wasted.",
])
def test_an_envoy_speaks_for_the_side_that_sends_them(text):
    assert _affiliations(text) == ["United States"]


def test_the_un_envoy_for_a_country_speaks_for_the_un():
    assert _affiliations("The UN envoy for Syria said the talks had failed.") == ["United Nations"]
