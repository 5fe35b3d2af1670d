"""Sentence boundaries on the bundled articles and on hand-written edge cases.

Expected sentences are written by reading the texts; spans are located with
``text.index`` in the cleaned text, never with hard-coded offsets.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import schema
from framing.errors import SchemaError
from framing.text.sentences import split_sentences


def texts_of(text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, **kw)]


def sentence_containing(text: str, phrase: str) -> str:
    pos = text.index(phrase)
    for a, b in split_sentences(text):
        if a <= pos < b:
            return text[a:b]
    raise AssertionError(f"{phrase!r} is in no sentence")


# -- abbreviations, times, initials -------------------------------------------------

def test_abbreviations_do_not_end_sentences():
    text = "The U.S. and the U.N. met Mr. Smith on Jan. 5 at 4:30 a.m. local time. He left early."
    assert texts_of(text) == [
        "The U.S. and the U.N. met Mr. Smith on Jan. 5 at 4:30 a.m. local time.",
        "He left early.",
    ]


def test_abbreviation_before_a_sentence_starter_ends_the_sentence():
    text = "Jaish al-Adl is designated by the U.S. The group denies it."
    assert texts_of(text) == ["Jaish al-Adl is designated by the U.S.", "The group denies it."]


def test_initials_and_titles():
    text = "President George W. Bush spoke with Sen. Warren. Dr. Jones agreed."
    assert texts_of(text) == ["President George W. Bush spoke with Sen. Warren.", "Dr. Jones agreed."]


def test_question_inside_quote_followed_by_lower_case_continues():
    text = "“Why now?” he asked. “Because,” she said."
    assert texts_of(text) == ["“Why now?” he asked.", "“Because,” she said."]


def test_closing_quote_after_period_belongs_to_the_sentence():
    text = "“This plunges ties into crisis.” Kugelman said more. 'It ended.' Then it began."
    assert texts_of(text) == ["“This plunges ties into crisis.”", "Kugelman said more.", "'It ended.'",
                              "Then it began."]


def test_extra_abbreviations_are_used():
    text = "Call ext. 5 now. Then wait."
    assert texts_of(text) == ["Call ext.", "5 now.", "Then wait."]
    assert texts_of(text, abbreviations=["ext."]) == ["Call ext. 5 now.", "Then wait."]


def test_ellipsis_and_exclamation():
    text = "He paused... Then he spoke! It was over… and yet not."
    assert texts_of(text) == ["He paused...", "Then he spoke!", "It was over… and yet not."]


def test_line_breaks_end_sentences_and_whitespace_is_trimmed():
    text = "  Diplomat summoned\n\nPakistan said it summoned the envoy.  \r\nA second line without a period\n"
    assert texts_of(text) == ["Diplomat summoned", "Pakistan said it summoned the envoy.",
                              "A second line without a period"]


def test_empty_and_blank_texts():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


def test_long_lines_and_punctuation_runs():
    assert len(split_sentences("." * 200_000)) == 1
    assert len(split_sentences("word " * 40_000)) == 1
    assert len(split_sentences("Go. " * 30_000)) == 30_000


def test_lower_case_continuation_never_splits():
    assert texts_of("a. b. c. d.") == ["a. b. c. d."]


# -- the bundled articles -------------------------------------------------------------

def test_time_article_keeps_am_and_us_inside_sentences(example_texts):
    text = example_texts["time"]
    assert sentence_containing(text, "4:30 a.m.") == (
        "Seven non-Iranians were killed in the explosions, which hit two locations around Iran’s border city "
        "of Saravan at around 4:30 a.m. local time, state TV cited the province’s Deputy Governor Alireza "
        "Marhamati as saying."
    )
    assert sentence_containing(text, "by the U.S.") == (
        "Jaish al-Adl is designated as a foreign terrorist organization by the U.S. and the Sunni militant "
        "group operates along predominantly Shiite Iran’s porous border with Pakistan."
    )


def test_headings_are_their_own_sentences(example_texts):
    toi = example_texts["timesofisrael"]
    assert sentence_containing(toi, "Diplomat summoned") == "Diplomat summoned"
    assert sentence_containing(toi, "Act of aggression") == "‘Act of aggression’"
    assert sentence_containing(example_texts["ahram"], "Common threat") == "'Common threat'"


def test_quote_then_attribution_then_new_quote(example_texts):
    toi = example_texts["timesofisrael"]
    assert sentence_containing(toi, "he said on X") == (
        "“Iran has staged cross-border operations against Pakistan-based militants in the past, but I don’t "
        "recall anything on this scale,” he said on X."
    )
    assert sentence_containing(toi, "This plunges") == (
        "“This plunges Pakistan-Iran ties — a delicate relationship even in the best of times — into serious "
        "crisis.”"
    )


def test_cupventi_sentence_count(example_texts):
    # counted by reading the cleaned article: paragraphs of 1, 2, 2, 3, 2, 2 and 2 sentences
    assert len(split_sentences(example_texts["cupventi"])) == 14


# -- the table -------------------------------------------------------------------------

def test_sentences_table(example, example_texts):
    table = framing.sentences(example)
    assert tuple(table.columns) == schema.SENTENCES
    assert set(table["doc_id"]) == set(example["doc_id"])
    for doc_id, group in table.groupby("doc_id"):
        text = example_texts[doc_id]
        assert list(group["sentence_id"]) == list(range(len(group)))
        for start, end, sentence in zip(group["start"], group["end"], group["text"]):
            assert text[start:end] == sentence
            assert sentence == sentence.strip() and sentence
        assert (group["start"].diff().dropna() > 0).all()


def test_sentences_table_keeps_documents_and_handles_empty_text():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "y", "z"],
                           "text": ["One. Two.", "", "Three"]})
    table = framing.sentences(corpus)
    assert list(table["doc_id"]) == ["a", "a", "c"]
    assert list(table["text"]) == ["One.", "Two.", "Three"]
    assert table["sentence_id"].dtype == "int64"


def test_sentences_requires_columns():
    with pytest.raises(SchemaError, match="text"):
        framing.sentences(pd.DataFrame({"doc_id": ["a"]}))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!”“\"' \n\t…,")), max_size=80))
def test_spans_are_ordered_trimmed_and_within_lines(text):
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        piece = text[a:b]
        assert piece == piece.strip()
        assert "\n" not in piece
        last = b
    # every non-space character is in some sentence
    covered = set()
    for a, b in spans:
        covered.update(range(a, b))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
