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
    dict(ngram_range=(1, 2), token_pattern=r"[\w'’]+"),  # a pattern counted on whole texts, not by pieces
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


# ---------------------------------------------------------------- counting through whitespace-separated pieces

from sklearn.feature_extraction.text import CountVectorizer as _Count  # noqa: E402

from framing.learn import _ngrams  # noqa: E402

CLASSIFIER_PATTERN = r"(?u)\b\w[\w'’-]*\w\b|\b\w\b"

# written for these tests: the fitted texts, then texts with words the fit never saw, empty texts, non-ASCII words,
# apostrophes and hyphens at piece edges, underscores, digits, a final sigma, combining accents, CJK, odd spaces
FIT = [
    "The envoy said the talks would resume on Monday.",
    "Rescuers searched the rubble; the envoy's talks stalled.",
    "Zürich hosted the so-called peace talks — again.",
    "",
]
UNSEEN = [
    "The ENVOY'S talks resumed: 'peace' in Zürich, Genève and São Paulo.",
    "",
    "   \t\n ",
    "Ο ΟΔΥΣΣΕΥΣ είπε ΝΑΙ; naïve café-goers’ well-being -- re-elected 1,200 people_ids __init__",
    "北京 和平 talks\u00a0resume\u2009now\u2028later\x1cthen",
    "e\u0301le\u0300ve 'quoted' ‘single’ -dash- ’tis rock'n'roll o'clock x y z",
    "talks talks talks the the envoy envoy",
]


def _counts(vectorizer, texts):
    """The count matrix of a fitted vectorizer (before TF-IDF weighting)."""
    return _Count.transform(vectorizer, texts)


@pytest.mark.parametrize("params", [
    dict(analyzer="word", ngram_range=(1, 2), token_pattern=CLASSIFIER_PATTERN),
    dict(analyzer="word", ngram_range=(1, 3)),
    dict(analyzer="word", ngram_range=(1, 2), lowercase=False, token_pattern=CLASSIFIER_PATTERN),
    dict(analyzer="char_wb", ngram_range=(2, 5)),
    dict(analyzer="char_wb", ngram_range=(1, 4), lowercase=False),
], ids=lambda p: f"{p['analyzer']}{p['ngram_range']}{'' if p.get('lowercase', True) else '-cased'}")
def test_piece_counts_equal_scikit_learns_on_unseen_words(params):
    ours = NgramTfidf(sublinear_tf=True, **params).fit(FIT)
    # character blocks remember the fitted pieces at fit; word blocks from their first transform
    assert ("_piece_cache" in ours.__dict__) == (params["analyzer"] == "char_wb")
    ours.transform(FIT[:1])
    assert "_piece_cache" in ours.__dict__  # transform took the piece path
    # scikit-learn's own counting and weighting with the same vocabulary, computed independently
    ref_counts = _Count(vocabulary=ours.vocabulary_, **params)
    ref = TfidfVectorizer(sublinear_tf=True, **params).fit(FIT)
    assert ref.vocabulary_ == ours.vocabulary_
    for batch in (UNSEEN, FIT + UNSEEN, UNSEEN[::-1], [""], UNSEEN):  # the memory grows between calls
        counts = _counts(ours, batch)
        expected = ref_counts.transform(batch)
        assert counts.shape == expected.shape
        assert (counts != expected).nnz == 0
        np.testing.assert_array_equal(ours.transform(batch).toarray(), ref.transform(batch).toarray())
    memory = ours._piece_cache["memory"]
    assert "zürich" in memory.index if params.get("lowercase", True) else "Zürich" in memory.index
    assert len(memory.strings) == len(set(memory.strings))


def test_piece_memory_is_bounded_and_results_do_not_depend_on_it(monkeypatch):
    params = dict(analyzer="char_wb", ngram_range=(2, 4))
    big = NgramTfidf(**params).fit(FIT)
    expected = [big.transform(b).toarray() for b in (UNSEEN, FIT, UNSEEN[3:])]
    monkeypatch.setattr(_ngrams, "PIECE_CACHE_SIZE", 12)
    small = NgramTfidf(**params).fit(FIT)
    for batch, want in zip((UNSEEN, FIT, UNSEEN[3:]), expected):
        np.testing.assert_array_equal(small.transform(batch).toarray(), want)
        memory = small._piece_cache["memory"]
        # emptied when a batch would take it past the bound: it then holds that batch's pieces only
        batch_pieces = {p for t in batch for p in t.lower().split()}
        assert len(memory.strings) <= max(12, len(batch_pieces))
    assert small._piece_cache["memory"].generation >= 1


def test_classifier_blocks_share_one_split_and_give_the_same_matrix():
    word = NgramTfidf(ngram_range=(1, 2), token_pattern=CLASSIFIER_PATTERN).fit(FIT)
    char = NgramTfidf(analyzer="char_wb", ngram_range=(2, 5)).fit(FIT)
    alone = [word.transform(UNSEEN).toarray(), char.transform(UNSEEN).toarray()]
    texts = np.array(UNSEEN[::-1], dtype=object)
    calls = []
    real = _ngrams.PieceMemory.ids

    def counted(self, docs, source=None):
        calls.append(source)
        return real(self, docs, source)

    _ngrams.PieceMemory.ids = counted
    try:
        with _ngrams.shared_split(texts, [word, char]):
            shared = [word.transform(texts).toarray(), char.transform(texts).toarray()]
    finally:
        _ngrams.PieceMemory.ids = real
    assert word._piece_cache["memory"] is char._piece_cache["memory"]
    assert len(calls) == 2 and calls[0] is texts  # asked twice, answered from the first split the second time
    np.testing.assert_array_equal(shared[0], alone[0][::-1])
    np.testing.assert_array_equal(shared[1], alone[1][::-1])
    # after the block the memory stays shared and correct
    np.testing.assert_array_equal(char.transform(UNSEEN).toarray(), alone[1])


def test_saving_does_not_empty_the_live_vectorizer():
    import pickle

    v = NgramTfidf(analyzer="char_wb").fit(FIT)
    v.transform(UNSEEN)
    pickle.dumps(v)
    assert "_compiled_table" in v.__dict__ and "_piece_cache" in v.__dict__
    again = pickle.loads(pickle.dumps(v))
    assert "_piece_cache" not in again.__dict__  # rebuilt on the first transform after loading
    np.testing.assert_array_equal(again.transform(UNSEEN).toarray(), v.transform(UNSEEN).toarray())


def _tokens_by_piece(pattern, text):
    import re

    find = re.compile(pattern).findall
    return [t for piece in text.split() for t in find(piece)]


@pytest.mark.parametrize("pattern", sorted(_ngrams.PIECEWISE_PATTERNS))
def test_piecewise_patterns_tokenize_pieces_as_the_whole_text(pattern):
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = list("ab Z_9'’-.,;()\"\t\n") + ["\u00a0", "\u2009", "\u2028", "\x1c", "\x85", "é", "\u0301", "ß",
                                             "İ", "Σ", "北", "٣", "\u200b", "\ufeff"]

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=40))
    def check(text):
        for t in (text, text.lower()):
            assert re.findall(pattern, t) == _tokens_by_piece(pattern, t)

    check()
    for text in FIT + UNSEEN + ODD:
        assert re.findall(pattern, text.lower()) == _tokens_by_piece(pattern, text.lower())


def test_piecewise_tokens_on_news_text(shared_datasets):
    import re

    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    import framing

    texts = framing.read_corpus(path)["text"].iloc[:300].tolist()
    for pattern in _ngrams.PIECEWISE_PATTERNS:
        for text in texts:
            assert re.findall(pattern, text.lower()) == _tokens_by_piece(pattern, text.lower())
    # and the counts of unseen articles equal scikit-learn's
    params = dict(analyzer="word", ngram_range=(1, 2), token_pattern=CLASSIFIER_PATTERN, max_features=5000)
    for p in (params, dict(analyzer="char_wb", ngram_range=(2, 5), max_features=5000)):
        ours = NgramTfidf(**p).fit(texts[:150])
        ref = _Count(vocabulary=ours.vocabulary_, **{k: v for k, v in p.items() if k != "max_features"})
        assert (_counts(ours, texts[150:]) != ref.transform(texts[150:])).nnz == 0


def test_threads_sharing_a_vectorizer_get_the_same_matrices():
    from concurrent.futures import ThreadPoolExecutor

    params = dict(analyzer="char_wb", ngram_range=(2, 4))
    batches = [[f"{t} piece{k}x{j} naïve{j}" for t in UNSEEN] for k in range(6) for j in range(4)]
    expected = [NgramTfidf(**params).fit(FIT).transform(b).toarray() for b in batches]
    shared = NgramTfidf(**params).fit(FIT)
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda b: shared.transform(b).toarray(), batches))
    for g, e in zip(got, expected):
        np.testing.assert_array_equal(g, e)
