"""framing.sources: "the lawyer", "the officer" is the one person the article named just before with that noun in
their titles or appositive ("Jane Doe, a lawyer for the family, ... The lawyer said"), not a source of its own;
with two such people, none of them; a word of a title that names no person ("State Sen. Ann Lee ... The state
argued") describes no one.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def _last(text: str) -> pd.Series:
    corpus = pd.DataFrame({"doc_id": ["d0"], "outlet": "Test", "text": [text], "date": "2019-05-01"})
    return framing.sources(corpus, home="United States").sort_values("cue_start").iloc[-1]


@pytest.mark.parametrize("text, source", [
    ("Jane Doe, a lawyer for the family, spoke to reporters on Monday. The lawyer said the police lied.", "Jane Doe"),
    ("Officer John Smith arrived at the scene first. The officer said he saw the crash.", "John Smith"),
])
def test_a_description_is_the_person_it_described_before(text, source):
    row = _last(text)
    assert row["source"] == source
    assert not bool(row["anonymous"])


def test_two_people_so_described_leave_the_description_as_it_is():
    text = ("Jane Doe, a lawyer for the family, and Tom Roe, a lawyer for the city, met on Monday. The lawyer said "
            "the talks failed.")
    assert _last(text)["source"] not in ("Jane Doe", "Tom Roe")


def test_a_word_of_a_title_is_no_description():
    text = "State Sen. Ann Lee introduced the bill. The state argued in court that the law was valid."
    assert _last(text)["source"] != "Ann Lee"
