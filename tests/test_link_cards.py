"""Link cards inside a sentence (a person's full name glued to headlines of related stories, then "MORE", as The
Hill prints them) are no words of the sentence: blanked out, offsets kept, the speaker is the name before the card.

The written sentences follow the shape of such cards; the corpus test reads real articles that carry them.
"""

from __future__ import annotations

import re

import pytest

import framing
from framing.text.link_cards import without_link_cards
from sources_rows import sources_of

CARD = ("Sen. Ann Roe Ann Mary RoeSenate panel says budget talks stall Roe says she will vote no on the plan "
        "Democrats rally behind spending bill MORE (D-Ohio) said on Tuesday that the bill would pass.")


def test_a_card_is_blanked_and_the_name_before_it_kept():
    out = without_link_cards(CARD)
    assert len(out) == len(CARD)
    assert out.startswith("Sen. Ann Roe ")
    assert re.sub(r"\s+", " ", out) == "Sen. Ann Roe (D-Ohio) said on Tuesday that the bill would pass."
    # only spaces take the card's place: every other character is where it was
    assert all(a == b or b == " " for a, b in zip(CARD, out))


@pytest.mark.parametrize("text, kept", [
    # the given name repeated in the card is not the end of the name as written
    ("President Jon Dale Jon Paul DaleGOP senators balk at trial MORE said he would veto it.",
     "President Jon Dale said he would veto it."),
    # a card whose full name is written apart from its first headline, closed by a party tag
    ("Speaker Tom Hale Thomas Lee Hale Retirees say no to the plan MORE (R-Wis.) told reporters.",
     "Speaker Tom Hale (R-Wis.) told reporters."),
])
def test_the_name_as_written_ends_at_its_surname(text, kept):
    assert re.sub(r"\s+", " ", without_link_cards(text)) == kept


@pytest.mark.parametrize("text", [
    "READ MORE: The senator said the bill would pass.",
    "CLICK HERE TO READ MORE BY ANN ROE",
    "Ann Roe said she wanted MORE time.",
    # a name written twice with no card glued to it, and "MORE" later on the line
    ("The talks stalled over North Korea. North Korean state media said Pyongyang would keep its weapons. "
     "READ MORE: Trump says summit is still on."),
    ("Investigators questioned Donald Trump Jr. Trump Jr. said the meeting was brief. Sen. Lindsey Graham said "
     "Democrats want MORE investigations."),
    "Kim Jong Un met Moon. Kim Yo Jong, his sister, said the North must get “MUCH MORE” in return.",
])
def test_text_without_a_card_is_left_as_it_is(text):
    assert without_link_cards(text) == text


def test_the_speaker_is_the_name_before_the_card_and_its_headlines_say_nothing():
    rows = sources_of(CARD)
    # one statement, Roe's: "Roe says she will vote no" inside the card is a headline, no statement
    assert rows["source"].tolist() == ["Ann Roe"]
    assert rows["source_type"].tolist() == ["politician"]


def test_a_party_tag_after_a_card_makes_a_politician():
    text = ("Rep. Ann Roe Ann Mary RoeHouse to vote on war powers Democrats press for budget deal MORE (D-Ohio) "
            "said in a statement that the strike was reckless.")
    rows = sources_of(text)
    assert rows["source"].tolist() == ["Ann Roe"]
    assert rows["source_type"].tolist() == ["politician"]
    # the tag alone, after the name the article writes with no title
    text = ("Ann Roe Ann Mary RoeHouse to vote on war powers Democrats press for budget deal MORE (D-Ohio) said in a "
            "statement that the strike was reckless.")
    assert sources_of(text)["source_type"].tolist() == ["politician"]


def test_cards_in_real_articles(shared_datasets):
    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    corpus = framing.read_corpus(path, clean=False)
    # articles where a card ends before a party tag, as The Hill prints senators and representatives
    with_cards = corpus[corpus["text"].str.contains(r"\sMORE \([RDI]-", regex=True)].head(12)
    assert len(with_cards) == 12
    cards = left = 0
    for text in with_cards["text"]:
        out = without_link_cards(text)
        assert len(out) == len(text) and all(a == b or b == " " for a, b in zip(text, out))
        cards += len(re.findall(r"\sMORE \([RDI]-", text))
        left += len(re.findall(r"\sMORE \([RDI]-", out))
    # (a card whose full name is written apart from its first headline is left: "Paul Davis Ryan Retirees ...")
    assert cards >= 12 and left <= cards // 10
    table = framing.sources(with_cards, home="United States")
    # (only a card left may still give a source its "MORE")
    assert table["source"].fillna("").str.contains(r"\bMORE\b").sum() <= left
    assert table["source_mention"].fillna("").str.contains(r"\bMORE\b").sum() <= left
    # the members of Congress the cards follow speak as politicians
    tagged = table[table["source_mention"].fillna("").str.contains(r"\([RDI]-[A-Z]")]
    assert len(tagged) >= 5 and (tagged["source_type"] == "politician").mean() >= 0.8
