"""LexiconVectorizer: a scikit-learn transformer of texts into lexicon category rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

import framing
from framing.errors import SchemaError, UsageError
from framing.match.vectorize import LexiconVectorizer


def test_features_are_score_rates(example):
    vec = LexiconVectorizer(lexicons=["actor_labels", "casualty"])
    X = vec.fit_transform(example["text"])
    names = list(vec.get_feature_names_out())
    assert X.shape == (len(example), len(names))
    assert names[0] == "actor_labels:terrorism" and "casualty:victims.children" in names
    s = framing.score(example, ["actor_labels", "casualty"])
    totals = s.groupby(["doc_id", "lexicon", "category"], sort=False)["count"].sum()
    n_tok = s.groupby("doc_id")["n_tokens"].first()
    for i, doc in enumerate(example["doc_id"]):
        for j, name in enumerate(names):
            lexicon, category = name.split(":")
            assert X[i, j] == pytest.approx(1000 * totals[(doc, lexicon, category)] / n_tok[doc])


def test_by_voice_features_sum_to_the_totals(example):
    counts = LexiconVectorizer(lexicons="actor_labels", scale="count").fit_transform(example)
    by_voice = LexiconVectorizer(lexicons="actor_labels", scale="count", by_voice=True)
    Xv = by_voice.fit_transform(example)
    assert Xv.shape[1] == 3 * counts.shape[1]
    assert by_voice.get_feature_names_out()[:3].tolist() == [
        "actor_labels:terrorism:narrator", "actor_labels:terrorism:quote", "actor_labels:terrorism:scare_quote"]
    assert np.array_equal(Xv.reshape(len(example), -1, 3).sum(axis=2), counts)
    # Ahram's "Iranian terrorist group" is in a quote: quote-voice terrorism count > 0
    row = example["doc_id"].tolist().index("ahram")
    assert Xv[row, 1] >= 1


def test_input_forms_and_errors(example):
    texts = example["text"].tolist()
    vec = LexiconVectorizer(lexicons="hedging").fit(texts)
    a = vec.transform(texts)
    assert np.array_equal(a, vec.transform(np.asarray(texts, dtype=object).reshape(-1, 1)))
    assert np.array_equal(a, vec.transform(pd.DataFrame({"text": texts})))
    assert vec.transform([""]).sum() == 0
    with pytest.raises(SchemaError):
        vec.transform("one string")
    with pytest.raises(SchemaError):
        vec.transform([1, 2])
    with pytest.raises(UsageError, match="scale must be one of 'per_1k', 'count'; got 'percent'"):
        LexiconVectorizer(scale="percent").fit(texts)
    with pytest.raises(UsageError, match="negated"):
        LexiconVectorizer(negated="drop").fit(texts)


def test_unfitted_raises():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        LexiconVectorizer().transform(["text"])


def test_clone_pipeline_and_cross_validation(example):
    vec = LexiconVectorizer(lexicons=["actor_labels"], negated="exclude")
    twin = clone(vec)
    assert twin.get_params() == vec.get_params() and twin is not vec
    texts = example["text"].tolist() * 4
    y = [0, 1, 0, 1, 0] * 4
    pipe = make_pipeline(LexiconVectorizer(lexicons=["actor_labels", "hedging"]), LogisticRegression())
    scores = cross_val_score(pipe, texts, y, cv=2)
    assert scores.shape == (2,)
    pipe.fit(texts, y)
    assert set(pipe.predict(texts)) <= {0, 1}


@pytest.mark.parametrize(
    "check",
    [check_no_attributes_set_in_init, check_parameters_default_constructible,
     check_get_params_invariance, check_set_params],
)
def test_sklearn_estimator_checks(check):
    check("LexiconVectorizer", LexiconVectorizer())
