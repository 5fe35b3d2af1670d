"""Quote spans on sentences written for these tests: marks typed the wrong way round, quotations that open a
sentence before their reporting clause, and quotations over several paragraphs."""

from __future__ import annotations

import pytest

from framing.text.quotes import find_quotes
from framing.text.voice import voice_spans


def quote(text: str, phrase: str):
    """The quote whose content starts with ``phrase``."""
    hits = [q for q in find_quotes(text) if text[q.start:q.end].startswith(phrase)]
    assert len(hits) == 1, (phrase, [(text[q.start:q.end], q.kind) for q in find_quotes(text)])
    return hits[0]


@pytest.mark.parametrize("text, phrase, speaker", [
    # a paragraph that opens with a closing mark before an ellipsis: the writer's opening mark
    ("The council met on Monday.\n\n” … the pier will not reopen before May,” the mayor wrote.",
     "… the pier will not reopen before May,", "the mayor"),
    ("Ms. Ortiz was blunt.\n\n» … we lost the whole harvest,» she said.", "… we lost the whole harvest,", "Ms. Ortiz"),
])
def test_a_closing_mark_that_opens_a_paragraph_opens_a_quotation(text, phrase, speaker):
    q = quote(text, phrase)
    assert text[q.start:q.end] == phrase
    assert (q.kind, q.speaker) == ("direct", speaker)
    assert any(v == "quote" and a <= q.start < b for a, b, v in voice_spans(text))


@pytest.mark.parametrize("text, phrase, speaker", [
    # the first part of a quotation interrupted by its reporting clause
    ("“In Denver,” the senator said, “we saw the same thing happen twice.”", "In Denver,", "the senator"),
    ("''Ankara is NATO,'' Mr. Burns said on Tuesday.", "Ankara is NATO,", "Mr. Burns"),
    ("“Your Honor,” I said, “I would like to answer the question.”", "Your Honor,", "I"),
    ("“GROWING FAST,” he declared in a post after the vote.", "GROWING FAST,", "he"),
    ("The hall went quiet. “Not Again?” asked Mayor Ruiz.", "Not Again?", "Mayor Ruiz"),
])
def test_a_quote_opening_its_sentence_before_a_reporting_clause_is_speech_not_a_title(text, phrase, speaker):
    q = find_quotes(text, resolve_pronouns=False)
    q = next(x for x in q if text[x.start:x.end] == phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


@pytest.mark.parametrize("text, phrase", [
    # a title stays a title when the reporting clause follows the sentence it is part of, or when no verb of
    # saying follows it at all
    ("She starred in “Harbor Lights,” said her agent.", "Harbor Lights"),
    ("“Harbor Lights,” the film that made her famous, opens in May.", "Harbor Lights"),
])
def test_a_title_inside_the_narrators_sentence_stays_a_title(text, phrase):
    assert quote(text, phrase).kind == "title"


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Former Mayor Says ‘Reckless’ Budget Will Sink The City.\n\nThe former mayor spoke on Monday.",
     "Reckless", "Former Mayor"),
    ("Governor Ruiz Slams ‘Shameful’ Delay On Bridge Repairs.\n\nThe bridge has been closed since May.",
     "Shameful", "Governor Ruiz"),
])
def test_a_word_quoted_after_a_headlines_verb_of_saying_is_no_nickname(text, phrase, speaker):
    q = quote(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_a_nickname_between_two_names_stays_a_title():
    text = "Her cousin Marcia “Cia” Price ran the shop on Elm Street for a decade."
    assert quote(text, "Cia").kind == "title"


def test_a_retired_officer_after_an_inverted_verb_speaks_a_short_quote():
    text = "“I strongly object,” said retired Army Col. Ann Reyes, who served two tours abroad."
    q = quote(text, "I strongly object")
    assert (q.kind, q.speaker) == ("direct", "retired Army Col. Ann Reyes")
    assert q.speaker_name == "Ann Reyes"


@pytest.mark.parametrize("text, outer", [
    ('The mayor posted, "Witnesses say the driver shouted "Stop the bus!" before the crash." It was deleted.',
     'Witnesses say the driver shouted "Stop the bus!" before the crash.'),
    ("''He told me ''we will win'' and then he left,'' Ms. Ruiz said.",
     "He told me ''we will win'' and then he left,"),
])
def test_a_quotation_nested_in_the_same_straight_marks_stays_inside_the_outer_one(text, outer):
    qs = find_quotes(text)
    assert [text[q.start:q.end] for q in qs] == [outer]
    assert qs[0].kind == "direct"


def test_a_straight_mark_left_open_still_ends_before_the_next_quotation():
    text = 'Notes from the hearing: "the bridge is unsafe. "We will close it," the engineer said.'
    contents = [text[q.start:q.end] for q in find_quotes(text)]
    assert contents == ["the bridge is unsafe.", "We will close it,"]


def test_a_short_quote_right_after_a_verb_of_saying_is_direct_even_without_a_speaker():
    text = "Asked whether she would run, Ms. Diaz shook her head and said, “Not this year, I think.”"
    q = quote(text, "Not this year")
    assert q.kind == "direct"
    assert q.verb == "said"


def test_a_slogan_a_shirt_read_is_not_made_speech_by_the_verb():
    text = "Jane Roe was identified as the marcher, wearing a hat that read “Save the bees now.” She left at noon."
    assert quote(text, "Save the bees").kind != "direct"


def test_a_blank_run_between_two_opening_marks_breaks_nothing():
    # a vertical tab is the only thing between two opening marks: no phrase there to read as a subject
    text = "according to “ \x0b “ « guerre »"
    guerre = [q for q in find_quotes(text) if text[q.start:q.end] == "guerre"]
    assert len(guerre) == 1
