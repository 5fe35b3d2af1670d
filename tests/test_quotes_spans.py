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
