"""Bodies as some outlets write them: acronyms with full stops ("F.B.I.", "C.I.A.", "N.R.A."), a group's name
in another case ("the Islamic state"), a name with "the" after its preposition ("the Foundation for the Defense
of Democracies" of the lexicon's "foundation for defense of democracies"): sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.sources_rows import side, sources_of


def _said(text: str, date: str = "2015-01-19"):
    rows = sources_of(text, date=date)
    assert len(rows) == 1, rows[["verb", "source_mention"]].values.tolist()
    return rows.iloc[0]


@pytest.mark.parametrize("text", [
    "F.B.I. Director James B. Comey told the conference that the hackers had been sloppy.",
    "Critics doubt the efforts of the F.B.I. director, James B. Comey, to answer them. Mr. Comey told the "
    "conference that the hackers had been sloppy.",
])
def test_a_title_with_a_dotted_acronym_types_the_person(text):
    row = _said(text)
    assert (row["source"], row["source_type"], side(row)) == ("James B. Comey", "military_security", "United States")


@pytest.mark.parametrize("text, expected", [
    ("A C.I.A. spokesman said the agency had no comment.", "military_security"),
    ("The C.I.A. said it had no comment.", "military_security"),
    ("The N.R.A. said the law would not stop a single shooting.", "other"),
])
def test_a_body_written_with_full_stops_is_typed_as_its_acronym(text, expected):
    row = _said(text)
    assert row["source_type"] == expected
    assert not row["anonymous"]


def test_a_group_named_in_another_case_speaks_for_the_group_as_the_gazetteer_names_it():
    rows = sources_of("Militants from the Islamic State group seized the dam on Thursday, as the group expands the "
                      "Islamic state, or caliphate, it has imposed. The group said it had seized 17 towns.",
                      date="2014-08-07")
    row = rows[rows["verb"] == "said"].iloc[0]
    assert (row["source_type"], side(row)) == ("armed_group", "Islamic State")


@pytest.mark.parametrize("body", [
    # the lexicon lists "foundation for defense of democracies"
    "the Foundation for the Defense of Democracies",
    # a name with a preposition of its own is one body, which its president speaks for
    "the Council on Foreign Relations",
])
def test_the_president_of_a_research_body_written_with_prepositions_is_an_expert(body):
    row = _said(f"Jane Roe, the president of {body}, said the talks would fail.")
    assert (row["source"], row["source_type"]) == ("Jane Roe", "expert")


def test_the_after_a_preposition_does_not_make_a_short_office():
    # "head of the state police" is no "head of state"
    row = _said("Jan Novak, head of the state police, said the roads were closed.")
    assert row["source_type"] == "military_security"
