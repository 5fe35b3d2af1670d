"""Sentences and quotes are found at the same offsets whichever line break a text uses."""

from __future__ import annotations

import pytest

from framing.text.quotes import find_quotes
from framing.text.sentences import split_sentences

BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\n\r\n"]


@pytest.mark.parametrize("br", BREAKS)
def test_every_line_break_ends_a_sentence_at_the_right_offsets(br):
    text = f"{br}Troops left{br}{br}Talks resumed. Both sides met{br}"
    # after the first break (len(br)) come 11 characters, two breaks, then two sentences of 14 and 14
    first = len(br)
    second = first + 11 + 2 * len(br)
    assert split_sentences(text) == [(first, first + 11), (second, second + 14), (second + 15, second + 29)]
    assert [text[a:b] for a, b in split_sentences(text)] == ["Troops left", "Talks resumed.", "Both sides met"]


@pytest.mark.parametrize("br", BREAKS)
def test_a_quote_after_a_line_break_keeps_its_offsets(br):
    text = f"Troops left.{br}“We won,” he said."
    opening = 12 + len(br)
    (quote,) = find_quotes(text)
    assert (quote.open_start, quote.start, quote.end, quote.close_end) == (opening, opening + 1, opening + 8,
                                                                            opening + 9)
    assert quote.kind == "direct" and quote.speaker == "he"
