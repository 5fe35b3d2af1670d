"""NgramTfidf counts n-grams with array operations; its output must be scikit-learn's TfidfVectorizer's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from framing.learn._ngrams import NgramTfidf

DATA = Path(__file__).parent / "data" / "labelled_sentences.csv"

# written for this test: odd whitespace, one-letter words, apostrophes, accents, digits, a NUL, no words at all
ODD = [
    "A  b\tc\nd  e'f ‘quoted’ Zürich 1,200 people — a  a a",
    "Ceasefire\u00a0talks\u2009resume; the U.N. envoy said so-called \"talks\" were O.K.",
    "x",
    "",
    "   ",
    "aaaa aaa aa a AAAA",
    "nul\x00inside a word and ünïcödé",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return pd.read_csv(DATA, dtype=str)["text"].tolist() + ODD


SETTINGS = [
    dict(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'’-]*\w\b|\b\w\b"),
    dict(ngram_range=(1, 3), min_df=2),
    dict(ngram_range=(2, 2), lowercase=False, norm=None, use_idf=False),
    dict(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    dict(analyzer="char_wb", ngram_range=(1, 3), lowercase=False, min_df=2),
    dict(analyzer="char_wb", ngram_range=(4, 6)),  # words shorter than the smallest size are kept whole
]


@pytest.mark.parametrize("params", SETTINGS, ids=lambda p: f"{p.get('analyzer', 'word')}{p['ngram_range']}")
def test_same_vocabulary_and_matrix_as_scikit_learn(texts, params):
    train, test = texts[:70], texts[70:]
    ref = TfidfVectorizer(**params).fit(train)
    ours = NgramTfidf(**params).fit(train)
    assert ours.get_feature_names_out().tolist() == ref.get_feature_names_out().tolist()
    np.testing.assert_allclose(ours.idf_, ref.idf_) if params.get("use_idf", True) else None
    for batch in (train, test, texts):
        np.testing.assert_allclose(ours.transform(batch).toarray(), ref.transform(batch).toarray(), atol=1e-12)
    np.testing.assert_allclose(NgramTfidf(**params).fit_transform(train).toarray(),
                               ref.transform(train).toarray(), atol=1e-12)


@pytest.mark.parametrize("analyzer,ngrams", [("word", (1, 2)), ("char_wb", (2, 4))])
def test_max_features_keeps_the_most_frequent(texts, analyzer, ngrams):
    limit = 150
    ours = NgramTfidf(analyzer=analyzer, ngram_range=ngrams, max_features=limit).fit(texts)
    counts = CountVectorizer(analyzer=analyzer, ngram_range=ngrams).fit(texts)
    total = dict(zip(counts.get_feature_names_out(), np.asarray(counts.transform(texts).sum(axis=0)).ravel()))
    kept = ours.get_feature_names_out().tolist()
    assert len(kept) == limit and kept == sorted(kept)
    # every dropped n-gram is at most as frequent as every kept one; ties at the cut are taken alphabetically
    cut = min(total[f] for f in kept)
    assert all(total[f] <= cut for f in total if f not in set(kept))
    tied = sorted(f for f in total if total[f] == cut)
    assert [f for f in kept if total[f] == cut] == tied[: sum(total[f] == cut for f in kept)]


def test_settings_outside_the_fast_path_still_match(texts):
    params = dict(analyzer="char", ngram_range=(2, 3), stop_words=None)
    np.testing.assert_allclose(NgramTfidf(**params).fit_transform(texts).toarray(),
                               TfidfVectorizer(**params).fit_transform(texts).toarray())
    words = dict(stop_words=["the", "a"], ngram_range=(1, 2))
    np.testing.assert_allclose(NgramTfidf(**words).fit_transform(texts).toarray(),
                               TfidfVectorizer(**words).fit_transform(texts).toarray())


def test_clone_and_pickle_keep_the_vocabulary(texts):
    import pickle

    v = NgramTfidf(ngram_range=(1, 2)).fit(texts)
    v.transform(texts[:3])  # builds the compiled lookup, which is not pickled
    again = pickle.loads(pickle.dumps(v))
    assert "_compiled_table" not in again.__dict__
    np.testing.assert_allclose(again.transform(texts).toarray(), v.transform(texts).toarray())
    assert clone(v).get_params() == v.get_params()
