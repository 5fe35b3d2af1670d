"""The quicker ways the text stage finds sentence ends, quotation marks, reporting verbs and cue words give
what the plain scans give, on sentences written for the purpose (each quick way has a branch of its own)."""

from __future__ import annotations

import re

import pytest

from framing.text import quotes as Q
from framing.text import sentences as S
from framing.text._lines import QUOTE_MARKS

TEXTS = [
    "The ministry said on Monday that the strike was “a clear violation.” Officials declined to comment.\n"
    "“We are ready,” said Rep. Jane Roe, according to aides. Others told reporters it was, according\n"
    "to the report, “over.” He added: ‘No.’ She wrote, “they said ‘go’ and we went.”",
    "Why? Because he said so! Then … nothing. U.S. officials, e.g. Mr. Smith, said Jan. 5 was \"fine\".\n"
    "It's Iran's view, don't ask. ''Doubled marks,'' he stated. ’90s kids say ‘rock ’n’ roll’ is back.",
    "Ünïcödé’s naïve café—said Zoë—is “très bien”. Straße’s 1’000 cases_'x' and a''b, it''s said'.",
    "the so-called “reform”, what were DESCRIBED as “routine repairs”, the Term “woke”, known as “X”",
]


def _old_mark_positions(line: str) -> list[tuple[int, str]]:
    """Quotation marks as found before: the plain pattern, then a single ’ or ' between two letters or
    digits (str.isalnum) dropped as an apostrophe inside a word."""
    plain = re.compile("[" + re.escape(QUOTE_MARKS) + r"](?:(?<=')'?|(?<=`)`|(?<![`']))")
    out = []
    for m in plain.finditer(line):
        i, j = m.span()
        if m.group(0) in ("’", "'") and 0 < i and j < len(line) and line[i - 1].isalnum() and line[j].isalnum():
            continue
        out.append((i, m.group(0)))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_marks_skip_exactly_the_apostrophes_inside_words(text):
    for line in text.split("\n"):
        assert [(m.start(), m.group(0)) for m in Q._MARK.finditer(line)] == _old_mark_positions(line)


def test_an_apostrophe_inside_a_word_is_no_mark_and_a_quote_after_a_word_still_is():
    line = "Iran’s don't l’é 1’2 _'x a''b ‘go’"
    assert [m.group(0) for m in Q._MARK.finditer(line)] == ["'", "''", "‘", "’"]


@pytest.mark.parametrize("text", TEXTS)
def test_verbs_found_after_a_character_are_those_of_the_plain_scan(text):
    for start in range(0, len(text), 5):
        for end in (len(text), start + 60, start + 7):
            end = min(end, len(text))
            plain = [(m.span(), m.group(1)) for m in Q._VERB.finditer(text, start, end)]
            assert [(m.span(), m.group(1)) for m in Q._verbs_between(text, start, end)] == plain
            for limit in (start + 10, start + 30):
                assert [m.span() for m in Q._verbs_between(text, start, end, limit)] == [
                    s for s, _ in plain if s[0] < limit]


@pytest.mark.parametrize("text", TEXTS)
def test_verbs_outside_quotes_are_the_verbs_of_the_whole_scan_outside_them(text):
    raws = Q._raw_quotes(text)
    assert raws  # every text holds quotations
    whole = Q._Doc(text, raws)
    outside = Q._Doc(text, raws)
    for a in range(0, len(text), 9):
        b = a + 120
        expected = [m.span() for m in whole.verbs_from(a, b) if not Q.in_quote(m.start(), whole.spans, whole.span_starts)]
        assert [m.span() for m in outside.verbs_from(a, b, outside_quotes=True)] == expected


def test_verbs_outside_quotes_leave_out_a_verb_quoted():
    text = TEXTS[0]
    doc = Q._Doc(text, Q._raw_quotes(text))
    found = {(m.start(), m.group(1)) for m in doc.verbs_from(0, len(text), outside_quotes=True)}
    assert (text.index("said on Monday"), "said") in found
    assert (text.index("according to aides"), "according to") in found
    assert (text.index("according\nto"), "according\nto") in found  # a phrase over a line break
    assert (text.index("they said") + 5, "said") not in found  # inside “they said ‘go’ …”


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_ends_with_the_full_stop_pattern_are_those_of_the_full_pattern(text, monkeypatch):
    quick = S.split_sentences(text)
    with_abbrev = S.split_sentences(text, abbreviations=["approx", "Zoë."])
    monkeypatch.setattr(S, "_CANDIDATE_STOP", S._CANDIDATE)  # every line scanned with the full pattern
    assert S.split_sentences(text) == quick
    assert S.split_sentences(text, abbreviations=["approx", "Zoë."]) == with_abbrev


def test_a_line_without_question_or_exclamation_marks_still_ends_at_them_elsewhere():
    text = "He left. Why? No!\nShe stayed. It was 3 p.m. local time. The end"
    assert [text[a:b] for a, b in S.split_sentences(text)] == [
        "He left.", "Why?", "No!", "She stayed.", "It was 3 p.m. local time.", "The end"]


LEADS = [
    "the so-called ", "its SELF-DECLARED ", "what were described as ", "what is Termed ", "the supposed ",
    "known as ", "nicknamed ", "a film titled ", "the term ", "the Hashtag ", "chants of ", "clicked on ",
    "taps: 1. ", "staged ", "the policy of ", "the REPEAL of the ", "an era of ", "he said ", "officials called it ",
    "the naïve so-called ", "Ünïcödé known as ", "the ſo-called ", "the \u212aeyword known as ",
]


@pytest.mark.parametrize("lead", LEADS)
def test_cue_words_found_through_lower_case_are_those_of_the_case_insensitive_search(lead):
    ascii_keys = lead.isascii() and Q._DISTANCE_KEYS_LOWER.search(lead.lower()) is not None
    if lead.isascii():
        assert ascii_keys == (Q._DISTANCE_KEYS.search(lead) is not None)
        if Q._TITLE_CUE.search(lead) is not None:
            assert Q._TITLE_CUE_KEYS.search(lead.lower()) is not None
    text = f"In the report, {lead}“phrase” was used."
    r = Q._raw_quotes(text)[0]
    doc = Q._Doc(text, [r])
    lo = max(r.line_start, r.open_start - 80)
    assert Q._distanced(doc, r) == bool(Q._DISTANCE_KEYS.search(text, lo, r.open_start)
                                        and Q._DISTANCE.search(text, lo, r.open_start))
