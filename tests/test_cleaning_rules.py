"""The boilerplate rules give the same lines whether or not a line is first checked for the words a rule needs."""

from __future__ import annotations

import gzip
import json

import pytest

from framing.io.cleaning import DEFAULT_PATTERNS, clean_text

# the same rules written so that they are not the default strings: every line is tried against every rule
PLAIN = {name: f"(?:{pattern})" for name, pattern in DEFAULT_PATTERNS.items()}

# line -> the rule that removes it (None: kept), read off the patterns by hand
CASES = {
    "PHOTO COURTESY OF Reuters": "photo_credit",
    "Soldiers at the border. Picture credit: AP": "photo_credit",
    "Soldiers at the border (Image/AP)": "photo_credit",
    "Soldiers at the border (file photo: AP)": "photo_credit",
    "Photograph: Getty": "photo_credit",
    "İmage credit: AP": "photo_credit",  # dotted capital I matches i without case
    "ımage courtesy of the army": "photo_credit",  # dotless i too
    "The photographer said the image was real.": None,
    "Copyright 2024 The Daily": "copyright",
    "© Reuters 2024": "copyright",
    "The Daily. ALL RIGHTS RESERVED.": "copyright",
    "He claimed copyright over the speech.": None,
    "Sign up for our newsletter and get updates": "newsletter",
    "ſubscribe now for daily updates": "newsletter",  # long s matches s without case
    "Get the news delivered to your inbox every morning.": "newsletter",
    "Readers who subscribe pay less.": None,
    "Officials said the strike killed 12 people.": None,
    # lines two rules match: the first rule in DEFAULT_PATTERNS' order names them
    "© 2024 Photo courtesy of AP": "photo_credit",  # also copyright
    "Reuters, Jan. 5, 2024 10:30 am. All rights reserved.": "dateline",  # also copyright
    "Related: see also the video": "read_more",
    # in a document without the words of photo_credit, copyright and newsletter the rules around them run
    # as one pattern: still the first rule in order
    "This story was updated, Jan. 5, 2024 10:30 am": "dateline",  # also editor_note
}


def _removed(text: str, patterns=None) -> tuple[str, list[tuple[int, str, str]]]:
    cleaned, removed = clean_text(text, patterns=patterns)
    return cleaned, [(r.line, r.rule, r.text) for r in removed]


@pytest.mark.parametrize("line, rule", list(CASES.items()))
def test_each_rule_removes_its_lines_and_keeps_story_lines(line, rule):
    text = f"Story opening line that stays.\n{line}\nStory closing line that stays."
    cleaned, removed = _removed(text)
    assert removed == ([] if rule is None else [(2, rule, line)])
    assert (line in cleaned) is (rule is None)
    assert _removed(text, PLAIN) == (cleaned, removed)


def test_a_rule_given_under_a_default_name_is_tried_on_every_line():
    patterns = {**DEFAULT_PATTERNS, "photo_credit": r".*snapshot by .*"}
    cleaned, removed = _removed("A snapshot by the army press office\nThe story.", patterns)
    assert removed == [(1, "photo_credit", "A snapshot by the army press office")]
    assert cleaned == "The story."


def test_real_articles_are_cleaned_the_same_as_by_trying_every_rule(shared_datasets):
    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    n_removed = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i == 1500:
                break
            text = json.loads(line)["text"]
            fast = _removed(text)
            assert fast == _removed(text, PLAIN), f"article on line {i + 1}"
            n_removed += len(fast[1])
    assert n_removed > 100  # the comparison covers lines that are removed, not only kept ones
