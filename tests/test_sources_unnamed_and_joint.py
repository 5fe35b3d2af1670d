"""framing.sources: sources the article does not name, or who speak for no one country. A person described but
never named, and given no office, is anonymous ("the navigator testified"); several countries speaking together
speak for no one side ("China and Russia asked", "U.S. and Japanese officials said"); an expert or a civilian takes
no side from the place they work or live in ("a senior fellow at the think tank New America", "a researcher at
Seoul's Asan Institute"), only from a nationality the article gives them ("an Iranian analyst") or a country they
served.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sources_rows import only_row, sources_of
from sources_rows import side as side_of


@pytest.mark.parametrize("text, source, anonymous", [
    ("China and Russia asked the council to wait another week.", "China and Russia", False),
    ("Britain, France and Germany said in a joint statement that the deal must be saved.",
     "Britain, France and Germany", False),
    ("U.S. and Japanese officials said the talks in Tokyo had gone well.", None, True),
])
def test_countries_that_speak_together_speak_for_no_one_side(text, source, anonymous):
    row = only_row(text)
    assert row["source_type"] == "government" and side_of(row) is None
    assert (None if pd.isna(row["source"]) else row["source"], bool(row["anonymous"])) == (source, anonymous)


@pytest.mark.parametrize("text, side", [
    ("The White House and the State Department said the talks had gone well.", "United States"),  # one country
    ("Israel and the Israeli military said the strike had hit its target.", "Israel"),
])
def test_bodies_of_one_country_keep_its_side(text, side):
    assert side_of(only_row(text)) == side


@pytest.mark.parametrize("text, side", [
    # the place an expert or a civilian works or studies in is no side
    ("“The deal is weak,” said Lee Drutman, a senior fellow at the think tank New America.", None),
    ("“The deal is weak,” said Cha Du-hyeon, a senior researcher at Seoul's Asan Institute for Policy Studies.", None),
    ("“We ran for our lives,” said Ali Reza, a student at Tehran University.", None),
    # a nationality, a country served or a state body one works at is a side
    ("“The deal is weak,” said Ali Vaez, an Iranian analyst at the International Crisis Group.", "Iran"),
    ("“The deal is weak,” said Karim Sadjadpour, a former Iranian diplomat now at the Carnegie Endowment.", "Iran"),
    ("“The deal is weak,” said Vasily Kashin, a military analyst at Russia's Defense Ministry.", "Russia"),
])
def test_an_experts_side_is_a_nationality_or_a_country_served_not_a_workplace(text, side):
    assert side_of(only_row(text)) == side


@pytest.mark.parametrize("text", [
    "“There were several chances to stop them,” the navigator testified.",
    "The bartender said the two men left the bar at midnight.",
    "The young instructor shouted that the recruits should take cover.",
])
def test_a_person_described_but_never_named_is_anonymous(text):
    row = sources_of(text).iloc[0]
    assert bool(row["anonymous"]) and pd.isna(row["source"])


@pytest.mark.parametrize("text", [
    "The spokesman said the talks had failed.",  # an office, on the record
    "The county prosecutor said the charges would stand.",
    "The government said the talks had failed.",  # a body
    "The agreement says the troops will leave by May.",  # a document
    "The treasurer said the party's accounts were in order.",  # an office in a body
    # a description of a person the article names
    "The plane's navigator was James Wood. The navigator said the radar had failed.",
    "John Doe, a bartender at the pub, saw the fight. The bartender said the men were drunk.",
])
def test_an_office_a_body_or_a_document_is_not_anonymous(text):
    assert not sources_of(text)["anonymous"].astype(bool).any()


def test_a_description_of_someone_named_is_that_person():
    text = ("“We ran for our lives,” said Ali Reza, a bartender in the old town. “I saw the smoke first,” the "
            "bartender said.")
    rows = sources_of(text)
    assert list(rows["source"]) == ["Ali Reza", "Ali Reza"]
    assert not rows["anonymous"].astype(bool).any()
