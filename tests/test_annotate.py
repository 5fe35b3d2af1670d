"""One annotation pass: annotate() builds the text tables once, and every measure given them (and the
matches) returns what it returns when it computes them itself."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import framing
from framing.errors import SchemaError, UsageError
from framing.match import Matcher

ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"], "Hamas": ["Hamas"]}


@pytest.fixture(scope="module")
def annotated(example):
    return framing.annotate(example)


def test_the_tables_are_those_of_sentences_quotes_and_voice(example, annotated):
    pd.testing.assert_frame_equal(annotated.sentences, framing.sentences(example))
    pd.testing.assert_frame_equal(annotated.quotes, framing.quotes(example))
    pd.testing.assert_frame_equal(annotated.voice, framing.voice(example))
    # the per-document views are the tables' rows
    for doc_id, text in zip(example["doc_id"], example["text"]):
        rows = annotated.voice[annotated.voice["doc_id"] == doc_id]
        assert annotated.voice_spans(doc_id) == list(zip(rows["start"], rows["end"], rows["voice"]))
        assert annotated.sentence_spans(doc_id) == framing.text.split_sentences(text)


@pytest.mark.parametrize("resolve_pronouns", [True, False])
def test_quotes_alone_are_the_quotes_of_the_annotation_pass(resolve_pronouns):
    corpus = pd.DataFrame({
        "doc_id": ["q", "none", "empty", "plain"],
        "outlet": ["A", None, "B", "C"],
        "text": ["The minister arrived late.\n“We will answer,” she said. Critics called it a “stunt”.",
                 None, "", "Nothing here is quoted. It rained."],
    })
    alone = framing.quotes(corpus, resolve_pronouns=resolve_pronouns)
    pd.testing.assert_frame_equal(alone, framing.annotate(corpus, resolve_pronouns=resolve_pronouns).quotes)
    assert alone["doc_id"].tolist() == ["q", "q"]
    assert alone["sentence_id"].tolist() == [1, 2]  # numbered as framing.sentences numbers them


@pytest.mark.parametrize("measure, kwargs", [
    ("actor_labels", {"actors": ACTORS}),
    ("attributions", {}),
    ("casualties", {}),
])
def test_a_measure_given_annotations_and_matches_returns_what_it_computes_alone(example, annotated, measure,
                                                                                 kwargs):
    func = getattr(framing, measure)
    alone = func(example, **kwargs)
    matches = framing.find(example, annotations=annotated)  # every bundled lexicon, once
    pd.testing.assert_frame_equal(func(example, annotations=annotated, matches=matches, **kwargs), alone)
    pd.testing.assert_frame_equal(func(example, annotations=annotated, **kwargs), alone)


def test_find_and_score_given_annotations(example, annotated):
    found = framing.find(example)
    pd.testing.assert_frame_equal(framing.find(example, annotations=annotated), found)
    scores = framing.score(example)
    pd.testing.assert_frame_equal(framing.score(example, matches=found, annotations=annotated), scores)
    both = Matcher().find_and_score(example, annotations=annotated)
    pd.testing.assert_frame_equal(both[0], found)
    pd.testing.assert_frame_equal(both[1], scores)


def test_quotes_are_found_once_per_document_by_a_report(example, tmp_path, monkeypatch):
    calls: list[int] = []
    quotes_module = importlib.import_module("framing.text.quotes")
    annotate_module = importlib.import_module("framing.text.annotate")  # framing.text.annotate is the function
    real = quotes_module.analyse_quotes

    def counting(text, resolve_pronouns=True):
        calls.append(len(text))
        return real(text, resolve_pronouns)

    monkeypatch.setattr(annotate_module, "analyse_quotes", counting)
    monkeypatch.setattr(quotes_module, "analyse_quotes", counting)
    framing.report(example, tmp_path / "r", actors=ACTORS, n_resamples=19, wire=[])
    assert len(calls) == len(example)


def test_annotations_of_another_corpus_are_refused(example, annotated):
    other = example.iloc[::-1].reset_index(drop=True)
    with pytest.raises(SchemaError, match="not of this corpus"):
        framing.find(other, annotations=annotated)
    edited = example.assign(text=example["text"].str.replace("Pakistan", "Pakistán", regex=False))
    with pytest.raises(SchemaError, match="other texts under the same doc_ids"):
        framing.casualties(edited, annotations=annotated)
    with pytest.raises(UsageError, match="resolve_pronouns=False"):
        framing.attributions(example, annotations=annotated, resolve_pronouns=False)


def test_matches_without_the_measures_lexicon_are_refused(example, annotated):
    only_hedges = framing.find(example, lexicons=["hedging"], annotations=annotated)
    with pytest.raises(SchemaError, match="no matches of lexicon"):
        framing.casualties(example, annotations=annotated, matches=only_hedges)


def test_matcher_looks_up_a_phrase_in_each_lexicon():
    # read from lexicons/actor_labels.yaml: "terror group" is a terrorism term; "militant" a militancy term
    assert Matcher("actor_labels").lookup("terror group") == [("actor_labels", "terrorism", "terror group")]
    assert ("actor_labels", "militancy") in {(lx, cat) for lx, cat, _ in Matcher().lookup("militant")}
    assert Matcher("actor_labels").lookup("") == []
    assert repr(Matcher(["hedging", "casualty"])) == "Matcher(['hedging', 'casualty'])"
