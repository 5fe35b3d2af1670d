"""Voice and matches are computed without resolving pronoun speakers (the cheaper path): on real articles
they equal those of the annotations, which resolve them."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.match import Matcher
from framing.text.voice import voice_spans


@pytest.fixture(scope="module")
def articles(shared_datasets):
    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return framing.read_corpus(path).head(200).reset_index(drop=True)


@pytest.fixture(scope="module")
def annotated(articles):
    return framing.annotate(articles)  # pronoun speakers resolved


def test_articles_have_pronoun_speakers_to_resolve(articles):
    resolved = framing.quotes(articles)
    as_written = framing.quotes(articles, resolve_pronouns=False)
    assert (resolved["speaker"].fillna("") != as_written["speaker"].fillna("")).sum() >= 10


def test_voice_is_that_of_the_annotations(articles, annotated):
    pd.testing.assert_frame_equal(framing.voice(articles), annotated.voice)
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        assert voice_spans(text) == annotated.voice_spans(doc_id), doc_id


def test_matches_and_scores_are_those_given_the_annotations(articles, annotated):
    found, scores = Matcher().find_and_score(articles)
    given_found, given_scores = Matcher().find_and_score(articles, annotations=annotated)
    assert (found["voice"] != "narrator").sum() > 100
    pd.testing.assert_frame_equal(found, given_found)
    pd.testing.assert_frame_equal(scores, given_scores)
