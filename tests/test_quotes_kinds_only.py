"""The cheaper paths of the quote analysis give the kinds (hence the voice) of the full one.

``analyse_quotes(..., speakers=False)`` (used for the voice of ``find`` and ``score``) does not look for the
source of a quote that comes after the last possible scare quote; the reporting verbs are found sentence by
sentence where the rules look. Neither may change what is found.
"""

from __future__ import annotations

import pytest

import framing
from framing.text.quotes import _VERB, _Doc, _raw_quotes, analyse_quotes


def _kinds(text: str, speakers: bool) -> list[tuple[str, str]]:
    return [(text[q.start:q.end], q.kind) for q in analyse_quotes(text, True, speakers=speakers)[0]]


def test_a_short_quote_keeps_the_kind_its_earlier_source_gives_it():
    # "Never" alone is a scare quote; after Smith's quotation in the sentence before, it is Smith's word
    text = ("The talks ended without a deal. “We will fight on until the last day of this war,” Smith said. "
            "Then he left. “Never” was his answer.")
    assert _kinds(text, False) == _kinds(text, True) == [
        ("We will fight on until the last day of this war,", "direct"), ("Never", "direct")]
    alone = "The talks ended without a deal. Then he left. “Never” was his answer."
    assert _kinds(alone, False) == _kinds(alone, True) == [("Never", "scare")]


def test_no_source_is_looked_for_after_the_last_possible_scare_quote():
    text = ("Smith said the plan was a “total disaster” for the region.\n"
            "The so-called “reform” passed on Monday. Critics of the bill are “furious”.\n"
            "“We will not give up on this country and its people, whatever they say about us,” "
            "the minister said on Tuesday.")
    full = analyse_quotes(text, True)[0]
    lean = analyse_quotes(text, True, speakers=False)[0]
    assert [q.kind for q in lean] == [q.kind for q in full] == ["direct", "scare", "scare", "direct"]
    assert [(q.start, q.end, q.open_start, q.close_end) for q in lean] == [
        (q.start, q.end, q.open_start, q.close_end) for q in full]
    assert full[-1].speaker == "the minister" and lean[-1].speaker is None
    assert lean[0].speaker == "Smith"  # before a possible scare quote, sources are still looked for


@pytest.mark.parametrize("text", [
    "The minister spoke, according\nto officials. “We are ready,” he said.",
    "It was, according \n\n  to aides, “a fair deal.” Others said so too.",
    "Prices rose according\ntold reporters “it was bad.”",
    "“Fine,” said Jones. Later, according\nto the report, he “left early.”",
])
def test_verbs_found_sentence_by_sentence_are_those_of_one_scan(text):
    doc = _Doc(text, _raw_quotes(text))
    whole = [(m.span(), m.group(1)) for m in _VERB.finditer(text)]
    assert [(m.span(), m.group(1)) for m in doc.verbs_from(0, len(text))] == whole
    # any window asks for the verbs starting in it
    for a in range(0, len(text), 7):
        b = a + 40
        assert [m.span() for m in doc.verbs_from(a, b)] == [s for s, _ in whole if a <= s[0] < b]


def test_kinds_without_speakers_on_real_articles(shared_datasets):
    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    corpus = framing.read_corpus(path).head(400)
    scare = 0
    for text in corpus["text"]:
        full, sents = analyse_quotes(text, False)
        lean, lean_sents = analyse_quotes(text, False, speakers=False)
        assert lean_sents == sents
        assert [(q.kind, q.start, q.end, q.close_end) for q in lean] == [(q.kind, q.start, q.end, q.close_end)
                                                                         for q in full]
        scare += sum(q.kind == "scare" for q in full)
    assert scare >= 20
