"""framing.sources: a document speaks for the author the article gives it (the codebook codes "a document with a
named author" as its author, ../shared/gold/README.md): the source whose verb made it ("the Associated Press
reported ... according to the report", "Trump's account tweeted ... the tweet"), the body that filed, issued or
concluded in it earlier ("MGM Resorts International has filed a lawsuit ... the lawsuit argues"), a body named
inside the phrase after words that date it ("the latest Nato estimate"), by the acronym the article spells out
("the CAP study"); a person's or body's own account speaks as its owner.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def _rows(text: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d0"], "outlet": "Test", "text": [text], "date": "2019-05-01"})
    return framing.sources(corpus, home="United States").sort_values("cue_start").reset_index(drop=True)


def _last(text: str) -> tuple[str, str]:
    row = _rows(text).iloc[-1]
    return row["source"], row["source_type"]


@pytest.mark.parametrize("text, source, typ", [
    ("The fire started at noon, the Associated Press reported. A woman ran into the street and shouted at the "
     "cars, according to the report.", "Associated Press", "media"),
    ("North Korea announced on Wednesday that it had tested a bomb. The announcement, which could not be "
     "confirmed, drew scorn, saying the device was small.", "North Korea", "government"),
    ("Trump’s account tweeted Saturday: “I had to fire him.” That tweet caused problems for the White House. "
     "According to the tweet, the president knew.", "Trump", "government"),
])
def test_a_document_is_made_by_the_source_whose_verb_made_it(text, source, typ):
    assert _last(text) == (source, typ)


def test_a_document_named_since_has_its_own_author():
    text = ("The fire started at noon, the Associated Press reported. A new UN report came out on Monday. Aid "
            "stopped in the north, according to the report.")
    assert _last(text) == ("UN", "international_ngo")


@pytest.mark.parametrize("text, source, typ", [
    ("MGM Resorts International has filed a lawsuit in federal court against the victims. The company owns the "
     "hotel. The protection extends to MGM, the lawsuit argues.", "MGM Resorts International", "other"),
    ("The White House wanted to issue a report with the speech. “We must be patient,” the report said.",
     "White House", "government"),
    ("The Senate Intelligence Committee concluded in a report released on Wednesday that the attack was "
     "preventable. The report placed blame on the FBI, saying it ignored warnings.", "Senate Intelligence Committee",
     "politician"),
    ("The Pentagon’s new report was published in April. “The army made progress,” the report said.", "Pentagon",
     "military_security"),
    ("The long-awaited report from special counsel Robert Mueller came out on Thursday. Pence learned the truth "
     "when the Washington Post reported that Flynn had lied. Trump was angry, according to the report.",
     "Robert Mueller", "government"),
    ("In a statement carried by the state Korean Central News Agency, North Korea's foreign ministry said the "
     "sanctions were illegal. “We will never give up,” the statement said.", "North Korea's foreign ministry",
     "government"),
    ("A statement from attorney Mark Smith followed. In a June statement, the city's police department described "
     "the couple as victims. “The group began yelling,” the statement read.", "city's police department",
     "military_security"),
    ("“Things could change,” the independent International Crisis Group said Thursday in a report. The report "
     "said the government had failed.", "International Crisis Group", "other"),
    ("The special counsel's report was released Thursday. “The president tried,” the report concludes.",
     "special counsel", "government"),
])
def test_a_document_named_earlier_keeps_its_author(text, source, typ):
    assert _last(text) == (source, typ)


@pytest.mark.parametrize("text, source, typ", [
    ("Troops will stay until 2025, the latest Nato estimate says.", "Nato", "international_ngo"),
    ("Most voters are split, the new Pew survey found.", "Pew", "expert"),
    ("The Center for American Progress (CAP) published data on shootings. Youth violence is a crisis, the CAP "
     "study says.", "Center for American Progress", "expert"),
])
def test_a_body_named_in_the_document_phrase_is_its_author(text, source, typ):
    assert _last(text) == (source, typ)


def test_a_document_without_an_author_stays_a_document():
    # no one made the report in the article: not the senator who spoke last
    text = ("Sen. Lindsey Graham said the war was lost. Court documents show the contractor lied about the costs.")
    assert _last(text)[1] == "document"


@pytest.mark.parametrize("text, source, typ", [
    ("Trump’s account posted a video of the rally, saying the crowd was huge.", "Trump", "government"),
    ("The Iranian foreign ministry's official Twitter account posted a photo, saying peace was near.",
     "Iranian foreign ministry", "government"),
])
def test_an_account_speaks_as_its_owner(text, source, typ):
    assert _last(text) == (source, typ)


@pytest.mark.parametrize("text, source, typ", [
    # the body that issued the document in the same sentence
    ("Protests went on in Kiev.\n\nThe White House has released a statement that says: “The United States is "
     "closely monitoring the developments.”", "White House", "government"),
    # a time stamp's capitals before it are no person who wrote it
    ("Protests went on in Kiev.\n\nUPDATE 2:05 PM ET: The White House has released a statement that says: “The "
     "United States is closely monitoring the developments.”", "White House", "government"),
    ("Crowds gathered in the square.\n\nUPDATE 4:10 PM ET: A statement says the march will go on.",
     None, "document"),
])
def test_a_document_issued_in_its_sentence_speaks_for_who_issued_it(text, source, typ):
    got = _last(text)
    assert (None if pd.isna(got[0]) or got[0] == "statement" else got[0], got[1]) == (source, typ)


@pytest.mark.parametrize("text", [
    "The U.S. Embassy in Kyiv released a statement that says Americans should leave the country now.",
    "Critics of the White House released a statement that says the policy is cruel.",
])
def test_a_name_after_a_preposition_did_not_issue_the_document(text):
    # the place the embassy is in, the body the critics oppose: neither wrote the statement
    assert _last(text)[0] not in ("Kyiv", "White House")
