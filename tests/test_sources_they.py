"""framing.sources: "they" after one person who spoke alone.

"They" is several people: after one person who spoke alone it is not that person but people the sentence before
names ("Kushner said ... The Saudis claimed ... They also said"), and when no one is named there, a pronoun left
unresolved (unnamed people, or a body the person belongs to).
Joint speakers stay the first named ("Smith and Doe said ... They said": Smith, by the codebook's convention).

Every sentence here is written for these tests; the expected source, side and anonymity are what a reader of the
sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

from sources_rows import row_at, side


def test_they_after_one_person_and_a_people_who_spoke_is_that_people():
    text = ("“We are ready to help,” said Jared Kushner, a White House adviser. The Saudis over the weekend claimed "
            "the writer died in a fight. They also said they had detained 18 suspects.")
    row = row_at(text, "They also said", "said", home="United States")
    assert row["source"] != "Jared Kushner"
    assert side(row) == "Saudi Arabia"


def test_they_after_one_person_who_spoke_alone_is_not_that_person():
    text = ("Sen. John Smith said the bill would pass on Tuesday. Across the state the mood was tense.\n\n"
            "“It is close,” they said.")
    row = row_at(text, "they said", "said", home="United States")
    assert row["source"] != "John Smith"
    assert row["source_type"] == "unknown"
    assert side(row) is None


def test_they_after_joint_speakers_is_the_first_named():
    text = "Sen. John Smith and Rep. Jane Doe said the bill would pass. They said the vote was close."
    row = row_at(text, "They said", "said", home="United States")
    assert row["source"] == "John Smith"


def test_they_in_what_one_person_says_stays_that_person():
    text = "Vice President Mike Pence met President Andrzej Duda on Monday. Pence said they discussed energy security."
    row = row_at(text, "they discussed", "discussed", home="United States")
    assert row["source"] == "Mike Pence"


def test_they_after_a_joint_statement_is_its_first_signer():
    text = ("Sen. Jane Doe said in a joint statement with two colleagues that the war must end.\n\n"
            "“Congress must act swiftly,” they added.")
    row = row_at(text, "they added", "added", home="United States")
    assert row["source"] == "Jane Doe"


def test_they_after_one_speaking_along_with_others_is_the_first_named():
    text = ("Sen. Jane Doe, along with three Republican colleagues, said the war must end.\n\n"
            "“Congress must act,” they added.")
    row = row_at(text, "they added", "added", home="United States")
    assert row["source"] == "Jane Doe"


def test_words_of_togetherness_in_a_quotation_make_no_joint_speakers():
    text = ("“We must stand together,” said Sen. John Smith on Monday. Across the state the mood was tense.\n\n"
            "“It is close,” they said.")
    row = row_at(text, "they said", "said", home="United States")
    assert row["source"] != "John Smith"
