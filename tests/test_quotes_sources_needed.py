"""The voice path (``analyse_quotes`` without speakers) skips the sources of quotes that cannot change a kind.

Each text below has a possible scare quote whose kind comes from an earlier quote's source: through the last
quote with a source (a continuation on the same line), through a speaker in the sentence before, or through a
longer quotation it repeats. The kinds must be those of the full analysis, which looks for every source.
"""

from __future__ import annotations

import pytest

from framing.text.quotes import analyse_quotes

CASES = {
    # the last quote with a source is on the phrase's line: the phrase continues it
    "continuation": (
        "“It is time to move beyond polite protests and to escalate our outrage in a massive way,” he wrote. "
        "The room fell silent. The bill passed on Monday, with the “reform” in it.",
        ["direct", "direct"],
    ),
    # a speaker named by a credit line in the sentence before (a line of a no-break space between)
    "sentence before": (
        "Jane Doe, The Outlet: “We will keep fighting for as long as it takes to win this war.”\n"
        "\u00a0\nThe move sparked a “disaster” for them.",
        ["direct", "direct"],
    ),
    # the phrase repeats Warren's words: his source, which the next phrase on the line continues
    "repeated words": (
        "“Anyone who joins with a common unlawful purpose will be charged under the law,” Warren said.\n\n"
        "The protests went on for a week.\n\n"
        "The law defines a gathering with a “common unlawful purpose” as a “riot” under state law.",
        ["direct", "direct", "direct"],
    ),
    # the phrase continues the paragraph's first quotation, which has no source of its own: it continues
    # Smith's quotation on the line before, so that one's source is needed too
    "continuation of a continuation": (
        "“We will fight on until the very end of this war,” Smith said.\n"
        "“Nobody will stop us from doing what is right for our people.” The “plan” was set.",
        ["direct", "direct", "direct"],
    ),
}

# a possible scare quote that owes its kind to no earlier quote: its own clause names a source, or it is
# distanced ("so-called") or a title; the earlier quotation's source is then never looked for
ON_ITS_OWN = {
    "own source": ("“We have nothing more to say about this matter today,” the ministry said. "
                   "Critics called the bill a “sham” on Monday.", ["direct", "direct"]),
    "distanced": ("“We have nothing more to say about this matter today,” the ministry said. "
                  "Its so-called “reform” failed.", ["direct", "scare"]),
    "title": ("“We have nothing more to say about this matter today,” the ministry said. "
              "She starred in “Harbor Lights” last year.", ["direct", "title"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_kinds_without_speakers_are_those_of_the_full_analysis(name):
    text, kinds = CASES[name]
    full = analyse_quotes(text, False)[0]
    lean = analyse_quotes(text, False, speakers=False)[0]
    assert [q.kind for q in full] == kinds
    assert [(q.kind, q.start, q.end) for q in lean] == [(q.kind, q.start, q.end) for q in full]


@pytest.mark.parametrize("name", list(ON_ITS_OWN))
def test_a_phrase_with_a_kind_of_its_own_needs_no_earlier_source(name):
    text, kinds = ON_ITS_OWN[name]
    full = analyse_quotes(text, False)[0]
    lean = analyse_quotes(text, False, speakers=False)[0]
    assert [q.kind for q in full] == [q.kind for q in lean] == kinds
    assert full[0].speaker == "the ministry"
    assert lean[0].speaker is None and lean[0].verb is None  # not looked for
