"""Classifiers for sentence- or document-level labels, and how to judge them.

:class:`FrameClassifier` is a scikit-learn estimator: TF-IDF word n-grams,
TF-IDF character n-grams and lexicon category features
(:class:`framing.LexiconVectorizer`) feed a linear model whose probabilities
are calibrated by cross-validation. :func:`evaluate` scores any classifier by
(grouped) cross-validation with bootstrap intervals; :func:`distinguishability`
asks how well outlets or leanings can be told apart from wording alone, against
a permutation null; :func:`predict` returns tidy predictions on a corpus;
:func:`save_model` / :func:`load_model` store models in the skops format.
"""

from __future__ import annotations

import numbers
import os
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (
    GroupKFold,
    KFold,
    StratifiedGroupKFold,
    StratifiedKFold,
    check_cv,
)
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from framing import schema
from framing.learn._permtest import (
    besag_clifford,
    gram,
    parallel_map,
    permutation_rngs,
    progress_bar,
    ridge_predict,
    ridge_smoother,
)
from framing._checks import check_count, check_jobs, check_level, check_option, check_positive, renamed
from framing.errors import InputNotFoundError, ModelError, SchemaError, StatisticsError, UsageError
from framing.stats.resampling import percentile_interval
from framing.stats.results import ResultTable, as_result_table

__all__ = [
    "FrameClassifier",
    "Evaluation",
    "Distinguishability",
    "evaluate",
    "compare_evaluations",
    "distinguishability",
    "predict",
    "save_model",
    "load_model",
]

#: columns of :meth:`FrameClassifier.top_features` and ``Distinguishability.features``
TOP_FEATURES = ("class", "rank", "feature", "block", "weight")
#: columns of ``Evaluation.scores``
EVALUATION_SCORES = (
    "class", "metric", "estimate", "ci_low", "ci_high", "ci_level", "support", "n_units", "n_groups",
    "method", "note",
)
#: columns of ``Evaluation.confusion``
CONFUSION = ("true", "predicted", "count", "share_of_true")
#: columns of ``Evaluation.predictions``
EVALUATION_PREDICTIONS = ("unit", "group", "fold", "true", "predicted")
#: columns of ``Evaluation.probabilities``
PROBABILITIES = ("unit", "class", "probability")
#: columns of ``Evaluation.calibration`` (reliability curves)
RELIABILITY = ("class", "bin", "bin_low", "bin_high", "mean_probability", "observed_rate", "count")
#: columns of ``Distinguishability.summary``
DISTINGUISHABILITY = (
    "by", "unit", "metric", "estimate", "ci_low", "ci_high", "ci_level", "chance", "null_mean",
    "p_value", "n_permutations", "permutation", "n_units", "n_groups", "n_classes", "method", "note",
)
#: columns of :func:`predict`
PREDICTIONS = ("doc_id", "outlet", "sentence_id", "start", "end", "class", "probability", "predicted")

_BLOCKS = ("word", "char", "lexicon", "embedding")


# --------------------------------------------------------------------------- input checks


def _as_texts(X: Any, *, what: str = "X") -> np.ndarray:
    """Return ``X`` as a 1-D object array of str, or raise :class:`SchemaError`."""
    if isinstance(X, str):
        raise SchemaError(f"{what} must be a sequence of texts, got a single str; wrap it in a list")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise SchemaError(
                f"{what} as a DataFrame must have exactly one text column, got columns {list(map(str, X.columns))}"
            )
        X = X.iloc[:, 0]
    if isinstance(X, pd.Series):
        values = X.to_numpy(dtype=object, na_value=None)
    else:
        try:
            values = np.asarray(X, dtype=object)
        except Exception as exc:  # ragged input and the like
            raise SchemaError(f"{what} must be a sequence of texts: {exc}") from exc
        if values.ndim == 2 and values.shape[1] == 1:
            values = values[:, 0]
    if values.ndim != 1:
        raise SchemaError(
            f"{what} must be a 1-D sequence of texts (one text per sample), got an array of shape {values.shape}"
        )
    for i, v in enumerate(values):
        if not isinstance(v, str):
            raise SchemaError(
                f"{what}[{i}] is {type(v).__name__} {v!r}; every sample must be a text (str). "
                "FrameClassifier learns from texts, not numeric feature arrays"
            )
    return values


def _as_labels(y: Any, n: int | None) -> np.ndarray:
    if y is None:
        raise SchemaError(
            "FrameClassifier requires y to be passed, but the target y is None: labels are needed to fit"
        )
    values = y.to_numpy(dtype=object) if isinstance(y, pd.Series) else np.asarray(y, dtype=object)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise SchemaError(f"labels must be 1-D, got shape {values.shape}")
    if n is not None and len(values) != n:
        raise SchemaError(f"got {n} texts but {len(values)} labels; they must pair one to one")
    missing = [i for i, v in enumerate(values) if not isinstance(v, (str, bytes)) and bool(pd.isna(v))]
    if missing:
        raise SchemaError(f"labels are missing at positions {missing[:10]}; drop those texts or label them")
    # keep a homogeneous dtype so classes_ sort and compare naturally
    if all(isinstance(v, str) for v in values):
        return values.astype(str).astype(object)
    try:
        return np.asarray(list(values))
    except Exception:  # pragma: no cover - mixed exotic labels
        return values


def _check_n_jobs(n_jobs: Any) -> None:
    check_jobs("n_jobs", n_jobs, none=True)


def _lexicon_vectorizer(lexicons: Any, by_voice: bool) -> Any:
    from framing.match.vectorize import LexiconVectorizer

    return LexiconVectorizer(lexicons=lexicons, by_voice=by_voice)


# --------------------------------------------------------------------------- the estimator


class BlockScaler(TransformerMixin, BaseEstimator):
    """Standardise dense features and shrink the block to unit mean squared row norm.

    Each TF-IDF block has rows of unit Euclidean norm, so one TF-IDF feature
    has values around ``1 / sqrt(n_active)``. Dense features such as lexicon
    rates, scaled to [-1, 1] feature by feature, are then far larger than any
    word, and an L2-penalised model leans on them because they are cheap to
    weigh. This transformer centres and scales each feature to unit variance
    and divides by ``sqrt(n_features)``, so the block's rows have a mean
    squared norm of 1, like a TF-IDF block, times ``weight``.

    Parameters
    ----------
    weight : float, default 1.0
        Multiplies the whole block after scaling.
    """

    def __init__(self, *, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, X: Any, y: Any = None) -> BlockScaler:
        """Learn each feature's mean and standard deviation; returns self."""
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        std = X.std(axis=0)
        self.scale_ = np.where(std > 0, std, 1.0) * np.sqrt(max(X.shape[1], 1)) / float(self.weight)
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The scaled block."""
        check_is_fitted(self, "scale_")
        return (np.asarray(X, dtype=float) - self.mean_) / self.scale_

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The input feature names, unchanged."""
        check_is_fitted(self, "scale_")
        if input_features is None:
            return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
        return np.asarray(input_features, dtype=object)


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Classify texts (sentences or documents) by frame, bias, stance or any label.

    Word n-gram TF-IDF and character n-gram TF-IDF (optionally lexicon
    category features from :class:`framing.LexiconVectorizer`) are stacked and
    fed to a regularised logistic regression. Probabilities are calibrated by
    cross-validation (:class:`sklearn.calibration.CalibratedClassifierCV` with
    ``ensemble=False``: the calibration map is learnt on out-of-fold scores,
    the linear model itself is fitted on all the data, so :meth:`top_features`
    describes the model that predicts).

    **Cost.** The feature extractors learn no labels, so they are fitted once
    on all training texts; the calibration folds refit only the linear model
    on those features (the vocabulary and IDF weights of a calibration fold
    therefore include its held-out texts: unsupervised information, no
    labels). N-grams are counted with array operations
    (``framing.learn._ngrams.NgramTfidf``, identical output to scikit-learn's
    ``TfidfVectorizer``), so fitting is linear in the corpus; ``max_features``
    bounds each n-gram block, so memory and the solver's cost per iteration
    are bounded too. ``benchmarks/bench_learn.py`` measures fit and predict
    against corpus size: 2,000 AllSides articles (11.7 MB) fit in 39 s on one
    core, and ``predict`` runs at about 3.4 MB per CPU second (1,000 unseen
    articles, after the first call, which compiles the fitted vocabularies
    once per model in about 0.35 s; most of the rest is the word tokenizer's
    regular expression and the character block's sparse product). ``n_jobs``
    runs the blocks in separate processes; for one fit that rarely pays
    (the matrices travel back), it helps when the blocks are slow (lexicon,
    embedding).

    **Blocks.** The defaults were chosen on BABE (expert-labelled biased
    sentences, folds grouped by article) and AllSides (outlet leaning, folds
    grouped by outlet) against a plain TF-IDF + logistic regression; see
    ``benchmarks/README.md``. The lexicon block did not improve either and is
    off by default; when on, it is standardised and shrunk to the size of a
    TF-IDF block (:class:`BlockScaler`) so its few dense features do not crowd
    out the words, and :meth:`top_features` can report each block separately.

    Parameters
    ----------
    word_ngrams : tuple of int, default (1, 2)
        Word n-gram range; ``None`` leaves the word block out.
    char_ngrams : tuple of int, default (2, 5)
        Character n-gram range (within word boundaries, ``char_wb``); ``None``
        leaves the character block out.
    lexicon : bool, default False
        Add lexicon category features from :class:`framing.LexiconVectorizer`.
    lexicons : str or sequence of str, optional
        Lexicons the lexicon block uses (``None``: every bundled lexicon).
    lexicon_by_voice : bool, default False
        One lexicon feature per category and voice (narrator, quote, scare
        quote), so "terrorist" in a quote and in the outlet's own voice are
        different features.
    lexicon_weight : float, default 1.0
        Size of the lexicon block relative to one TF-IDF block (see :class:`BlockScaler`).
    embedding : str, optional
        Add a sentence-embedding block from :class:`framing.learn.embed.SentenceEmbedder`
        (e.g. ``"all-MiniLM-L6-v2"``); needs the ``embeddings`` extra, never
        downloads. On BABE it lifts macro-F1 from 0.742 to about 0.77; it
        costs a transformer forward pass per text.
    embedding_weight : float, default 1.0
        Size of the embedding block relative to one TF-IDF block.
    min_df : int or float, default 1
        Minimum document frequency of an n-gram (both TF-IDF blocks).
    max_features : int or None, default 100000
        Keep at most this many n-grams per TF-IDF block (most frequent in the
        training texts first); ``None`` keeps every n-gram.
    lowercase : bool, default True
        Lower-case before extracting n-grams.
    C : float, default 1.0
        Inverse regularisation strength of the logistic regression (1.0 scored
        as well as 10.0 on BABE and AllSides, better with the embedding block,
        and fits about three times faster).
    class_weight : {"balanced"} or None, default "balanced"
        Reweight classes inversely to their frequency.
    calibration : {"sigmoid", "isotonic", "none"}, default "sigmoid"
        How ``predict_proba`` is calibrated; ``"none"`` returns the logistic
        regression's own probabilities (no cross-validation, faster).
    calibration_cv : int, default 3
        Folds for calibration; every class needs at least this many examples.
    max_iter : int, default 2000
        Iterations of the logistic regression solver.
    n_jobs : int, optional
        Processes for the feature blocks and the calibration folds
        (joblib; ``-1`` = all cores, ``None`` = 1).
    random_state : int, optional, default 0
        Seed of the calibration folds.

    Attributes
    ----------
    classes_ : ndarray
        The class labels, sorted.
    features_ : sklearn.pipeline.FeatureUnion
        The fitted feature extractor (blocks ``word``, ``char``, ``lexicon``).
    model_ : sklearn.linear_model.LogisticRegression
        The linear model fitted on all the training data.
    calibrated_ : sklearn.calibration.CalibratedClassifierCV or None
        The calibrated model on the features (``None`` when ``calibration="none"``).

    Examples
    --------
    >>> clf = FrameClassifier().fit(texts, labels)  # doctest: +SKIP
    >>> clf.predict_proba(["Rescuers searched the rubble for survivors."])  # doctest: +SKIP
    >>> clf.top_features(5)  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        lexicon: bool = False,
        lexicons: str | Sequence[str] | None = None,
        lexicon_by_voice: bool = False,
        lexicon_weight: float = 1.0,
        embedding: str | None = None,
        embedding_weight: float = 1.0,
        min_df: int | float = 1,
        max_features: int | None = 100_000,
        lowercase: bool = True,
        C: float = 1.0,
        class_weight: Literal["balanced"] | None = "balanced",
        calibration: Literal["sigmoid", "isotonic", "none"] = "sigmoid",
        calibration_cv: int = 3,
        max_iter: int = 2000,
        n_jobs: int | None = None,
        random_state: int | None = 0,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.lexicon = lexicon
        self.lexicons = lexicons
        self.lexicon_by_voice = lexicon_by_voice
        self.lexicon_weight = lexicon_weight
        self.embedding = embedding
        self.embedding_weight = embedding_weight
        self.min_df = min_df
        self.max_features = max_features
        self.lowercase = lowercase
        self.C = C
        self.class_weight = class_weight
        self.calibration = calibration
        self.calibration_cv = calibration_cv
        self.max_iter = max_iter
        self.n_jobs = n_jobs
        self.random_state = random_state

    # -- building blocks (also used by distinguishability to reuse fold features)

    def _check_params(self) -> None:
        check_option("calibration", self.calibration, ("sigmoid", "isotonic", "none"))
        if self.word_ngrams is None and self.char_ngrams is None and not self.lexicon and self.embedding is None:
            raise SchemaError(
                "FrameClassifier needs at least one feature block (word_ngrams, char_ngrams, lexicon or embedding)"
            )
        if not isinstance(self.C, numbers.Real) or self.C <= 0:
            raise SchemaError(f"C must be a positive number, got {self.C!r}")
        check_count("calibration_cv", self.calibration_cv, minimum=2)
        if self.max_features is not None:
            check_count("max_features", self.max_features, minimum=1)
        for name in ("lexicon_weight", "embedding_weight"):
            check_positive(name, getattr(self, name))
        if self.embedding is not None and not isinstance(self.embedding, str):
            raise UsageError(f"embedding must be a model name or folder (str) or None, got {self.embedding!r}")
        _check_n_jobs(self.n_jobs)

    def _make_features(self) -> FeatureUnion:
        from framing.learn._ngrams import NgramTfidf

        blocks: list[tuple[str, Any]] = []
        if self.word_ngrams is not None:
            blocks.append((
                "word",
                NgramTfidf(
                    analyzer="word", ngram_range=tuple(self.word_ngrams), min_df=self.min_df,
                    max_features=self.max_features, lowercase=self.lowercase, sublinear_tf=True,
                    token_pattern=r"(?u)\b\w[\w'’-]*\w\b|\b\w\b", dtype=np.float64,
                ),
            ))
        if self.char_ngrams is not None:
            blocks.append((
                "char",
                NgramTfidf(
                    analyzer="char_wb", ngram_range=tuple(self.char_ngrams), min_df=self.min_df,
                    max_features=self.max_features, lowercase=self.lowercase, sublinear_tf=True,
                    dtype=np.float64,
                ),
            ))
        if self.lexicon:
            blocks.append(("lexicon", Pipeline([
                ("rates", _lexicon_vectorizer(self.lexicons, self.lexicon_by_voice)),
                ("scale", BlockScaler(weight=self.lexicon_weight)),
            ])))
        if self.embedding is not None:
            from framing.learn.embed import SentenceEmbedder

            blocks.append(("embedding", Pipeline([
                ("vectors", SentenceEmbedder(model=self.embedding)),
                ("scale", BlockScaler(weight=self.embedding_weight)),
            ])))
        return FeatureUnion(blocks, n_jobs=self.n_jobs)

    def _make_model(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)

    # -- sklearn API

    def __sklearn_tags__(self):  # noqa: D105
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.classifier_tags.multi_label = False
        return tags

    def fit(self, X: Any, y: Any) -> FrameClassifier:
        """Fit on texts ``X`` (one str per sample) and labels ``y``.

        Parameters
        ----------
        X : sequence of str
            Texts: a list, a 1-D array, a pandas Series or a one-column DataFrame.
        y : sequence
            One label per text.

        Returns
        -------
        FrameClassifier
            The fitted estimator.
        """
        self._check_params()
        labels = _as_labels(y, None)
        check_classification_targets(labels)
        texts = _as_texts(X)
        labels = _as_labels(labels, len(texts))
        classes, counts = np.unique(labels, return_counts=True)
        if len(classes) < 2:
            raise SchemaError(
                f"the labels hold a single class {classes.tolist()}; a classifier needs at least two classes"
            )
        if self.calibration != "none" and counts.min() < self.calibration_cv:
            rare = {str(c): int(k) for c, k in zip(classes, counts) if k < self.calibration_cv}
            raise SchemaError(
                f"calibration with calibration_cv={self.calibration_cv} needs at least that many examples of "
                f"every class; too few: {rare}. Label more examples, lower calibration_cv, or pass "
                "calibration='none'"
            )
        features = self._make_features()
        Xf = features.fit_transform(texts)
        self.features_ = features
        if self.calibration == "none":
            self.calibrated_ = None
            self.linear_ = self._make_model().fit(Xf, labels)
        else:
            cal = CalibratedClassifierCV(
                self._make_model(), method=self.calibration, ensemble=False, n_jobs=self.n_jobs,
                cv=StratifiedKFold(self.calibration_cv, shuffle=True, random_state=self.random_state),
            )
            self.calibrated_ = cal.fit(Xf, labels)
            # the fitted model lives inside the calibrated classifier; kept once, so model files stay small
            self.linear_ = None
        self.classes_ = self.model_.classes_
        return self

    @property
    def model_(self) -> LogisticRegression:
        """The logistic regression fitted on all the training data."""
        check_is_fitted(self, "calibrated_")
        if self.calibrated_ is not None:
            return self.calibrated_.calibrated_classifiers_[0].estimator
        return self.linear_

    def _features(self, texts: np.ndarray) -> Any:
        """The feature matrix of ``texts``; the n-gram blocks split the texts once between them."""
        from framing.learn._ngrams import shared_split

        with shared_split(texts, [block for _, block in self.features_.transformer_list]):
            return self.features_.transform(texts)

    def decision_function(self, X: Any) -> np.ndarray:
        """Linear-model scores (before calibration), shape (n_samples,) or (n_samples, n_classes)."""
        check_is_fitted(self, "classes_")
        return self.model_.decision_function(self._features(_as_texts(X)))

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated class probabilities, columns in the order of ``classes_``.

        Parameters
        ----------
        X : sequence of str
            Texts.

        Returns
        -------
        numpy.ndarray
            Shape (n_samples, n_classes); rows sum to 1.
        """
        check_is_fitted(self, "classes_")
        Xf = self._features(_as_texts(X))
        if self.calibrated_ is None:
            return self.model_.predict_proba(Xf)
        return self.calibrated_.predict_proba(Xf)

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each text.

        Parameters
        ----------
        X : sequence of str
            Texts.

        Returns
        -------
        numpy.ndarray
            One label per text.
        """
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the features the linear model weighs, ``"<block>__<feature>"``.

        Blocks are ``word``, ``char`` and ``lexicon``.

        Returns
        -------
        numpy.ndarray of str
        """
        check_is_fitted(self, "classes_")
        names = []
        for name, transformer in self.features_.transformer_list:
            inner = transformer.get_feature_names_out()
            names.extend(f"{name}__{f}" for f in inner)
        return np.asarray(names, dtype=object)

    def top_features(self, n: int = 10, *, by_block: bool = False) -> pd.DataFrame:
        """The ``n`` features that push hardest towards each class.

        For two classes the linear model has one weight vector: positive
        weights push towards ``classes_[1]``, negative towards ``classes_[0]``;
        ``weight`` is reported signed towards the class of the row, so for
        every class larger is more typical.

        Parameters
        ----------
        n : int, default 10
            Features per class.
        by_block : bool, default False
            The ``n`` strongest features of each block (``word``, ``char``,
            ``lexicon``) separately, ranked within the block, so a block with
            few strong features is still seen beside the others.

        Returns
        -------
        pandas.DataFrame
            One row per class and rank:

            - ``class``: the class label (str).
            - ``rank``: 1 = strongest.
            - ``feature``: the feature without its block prefix (an n-gram or a lexicon category).
            - ``block``: ``word``, ``char`` or ``lexicon``.
            - ``weight``: logistic-regression coefficient towards the class.
        """
        check_is_fitted(self, "classes_")
        return _top_features(self.model_.coef_, self.classes_, self.get_feature_names_out(), n, by_block=by_block)


def _top_features(coef: np.ndarray, classes: np.ndarray, names: np.ndarray, n: int, *,
                  by_block: bool = False) -> pd.DataFrame:
    check_count("n", n, minimum=1)
    coef = np.atleast_2d(np.asarray(coef))
    if coef.shape[0] == 1 and len(classes) == 2:
        coef = np.vstack([-coef[0], coef[0]])
    split = [str(f).partition("__") for f in names]
    blocks = np.asarray([b for b, _, _ in split], dtype=object)
    groups = list(dict.fromkeys(blocks)) if by_block else [None]
    rows = []
    for c, weights in zip(classes, coef):
        for block in groups:
            idx = np.arange(len(weights)) if block is None else np.flatnonzero(blocks == block)
            order = idx[np.argsort(-weights[idx], kind="stable")[:n]]
            for rank, j in enumerate(order, start=1):
                rows.append((str(c), rank, split[j][2], split[j][0], float(weights[j])))
    out = pd.DataFrame(rows, columns=list(TOP_FEATURES))
    out["rank"] = out["rank"].astype("int64")
    return out


# --------------------------------------------------------------------------- bootstrap helpers


def _weighted_scores(cm: np.ndarray) -> dict[str, np.ndarray]:
    """Per-class precision/recall/F1, macro-F1 and accuracy from confusion matrices (..., k, k)."""
    tp = np.diagonal(cm, axis1=-2, axis2=-1)
    true_tot = cm.sum(axis=-1)
    pred_tot = cm.sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(pred_tot > 0, tp / pred_tot, 0.0)
        recall = np.where(true_tot > 0, tp / true_tot, np.nan)
        denom = precision + recall
        f1 = np.where(denom > 0, 2 * precision * recall / denom, 0.0)
        f1 = np.where(np.isnan(recall), np.nan, f1)
        total = cm.sum(axis=(-2, -1))
        accuracy = tp.sum(axis=-1) / total
        macro_f1 = np.nanmean(f1, axis=-1) if f1.ndim > 1 else np.nanmean(f1)
        balanced = np.nanmean(recall, axis=-1) if recall.ndim > 1 else np.nanmean(recall)
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "macro_f1": macro_f1, "accuracy": accuracy, "balanced_accuracy": balanced,
    }


def _confusions(true_idx: np.ndarray, pred_idx: np.ndarray, k: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Confusion matrices; ``weights`` of shape (B, n) gives B weighted matrices."""
    code = true_idx * k + pred_idx
    if weights is None:
        return np.bincount(code, minlength=k * k).reshape(k, k).astype(float)
    onehot = np.zeros((len(code), k * k))
    onehot[np.arange(len(code)), code] = 1.0
    return (weights @ onehot).reshape(-1, k, k)


def _bootstrap_weights(cluster: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n_boot, n_units) weights: how often each unit's cluster was drawn."""
    codes, uniques = pd.factorize(pd.Series(cluster, dtype=object), sort=False)
    g = len(uniques)
    draws = rng.multinomial(g, np.full(g, 1.0 / g), size=n_boot)  # (B, g) times each cluster drawn
    return draws[:, codes].astype(float)


# --------------------------------------------------------------------------- evaluate


@dataclass(frozen=True)
class Evaluation:
    """What :func:`evaluate` returns: tidy tables.

    Attributes
    ----------
    scores : ResultTable
        The result family's columns (:data:`framing.schema.RESULT`; ``group`` is
        the class, ``measure`` the metric), then ``class, metric, support,
        n_units, n_groups``. One row per class and metric
        (``precision``, ``recall``, ``f1``; with class probabilities also
        ``roc_auc``, one class against the rest, and ``brier``, the mean
        squared error of the class's probability), plus ``class="all"`` rows
        for ``macro_f1``, ``accuracy`` and ``balanced_accuracy`` (and ``roc_auc``,
        the mean of the per-class AUCs, and ``brier``, half the summed squared
        error over classes: for two classes the usual binary Brier score).
        ``support`` is the number of units of the class (all units for the
        ``"all"`` rows).
    confusion : pandas.DataFrame
        Columns ``true, predicted, count, share_of_true``; every pair of
        classes, zeros included.
    predictions : pandas.DataFrame
        Columns ``unit, group, fold, true, predicted``: the out-of-fold
        prediction of every unit (``unit`` is its position in the input).
    probabilities : pandas.DataFrame
        Columns ``unit, class, probability``: the out-of-fold probability of
        every unit and class (empty when the classifier has no ``predict_proba``).
    calibration : pandas.DataFrame
        Columns ``class, bin, bin_low, bin_high, mean_probability, observed_rate,
        count``: the reliability curve of each class (one against the rest),
        units binned by their probability in ``n_bins`` equal-width bins; a
        calibrated model has ``observed_rate`` close to ``mean_probability``.
        Empty bins are left out.
    """

    scores: pd.DataFrame
    confusion: pd.DataFrame
    predictions: pd.DataFrame
    extra: dict[str, Any] = field(default_factory=dict, repr=False)
    probabilities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(PROBABILITIES)))
    calibration: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(RELIABILITY)))

    def score(self, metric: str = "macro_f1", cls: str = "all") -> float:
        """The point estimate of one metric (e.g. ``score("f1", "left")``)."""
        row = self.scores[(self.scores["metric"] == metric) & (self.scores["class"] == cls)]
        if row.empty:
            raise SchemaError(f"no score {metric!r} for class {cls!r}")
        return float(row["estimate"].iloc[0])


def _scores_table(rows: list[tuple]) -> ResultTable:
    """``Evaluation.scores`` from its rows: the result family's columns, then :data:`EVALUATION_SCORES`."""
    return as_result_table(pd.DataFrame(rows, columns=list(EVALUATION_SCORES)), group="class", measure="metric")


def _splitter(cv: Any, groups: np.ndarray | None, seed: int | None, *, stratified: bool = True) -> Any:
    if not isinstance(cv, numbers.Integral):
        return check_cv(cv)
    check_count("cv", cv, minimum=2)
    if groups is not None:
        n_groups = len(pd.unique(pd.Series(groups, dtype=object)))
        if n_groups < cv:
            raise SchemaError(
                f"cv={cv} folds need at least {cv} groups, got {n_groups}; lower cv or use finer groups"
            )
        if stratified:
            return StratifiedGroupKFold(n_splits=int(cv), shuffle=True, random_state=seed)
        return GroupKFold(n_splits=int(cv), shuffle=True, random_state=seed)
    if stratified:
        return StratifiedKFold(n_splits=int(cv), shuffle=True, random_state=seed)
    return KFold(n_splits=int(cv), shuffle=True, random_state=seed)


def _as_groups(groups: Any, n: int) -> np.ndarray | None:
    if groups is None:
        return None
    values = groups.to_numpy(dtype=object) if isinstance(groups, pd.Series) else np.asarray(groups, dtype=object)
    if values.ndim != 1 or len(values) != n:
        raise SchemaError(f"groups must give one group per text ({n}), got shape {values.shape}")
    if pd.isna(pd.Series(values, dtype=object)).any():
        raise SchemaError("groups contain missing values; every text needs a group")
    return values


def evaluate(
    classifier: Any,
    texts: Any,
    labels: Any,
    *,
    cv: int | Any = 5,
    groups: Any = None,
    n_resamples: int = 1000,
    n_boot: int | None = None,
    ci_level: float = 0.95,
    n_bins: int = 10,
    seed: int | None = 0,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> Evaluation:
    """Cross-validated precision, recall, F1, AUC and calibration per class, with bootstrap intervals.

    Every text is predicted by a model that did not see it (or, with
    ``groups``, any text of its group) during training. Intervals come from
    a bootstrap over the out-of-fold predictions that resamples whole groups
    when ``groups`` is given (all sentences of an article, all articles of an
    outlet), so dependence within a group is respected. They describe
    uncertainty from the finite test sample, not from retraining.

    When the classifier has ``predict_proba``, the out-of-fold probabilities
    also give the area under the ROC curve (one class against the rest), the
    Brier score and a reliability curve per class (``calibration``).

    **Cost:** one fit of the classifier per fold (folds run in parallel with
    ``n_jobs``), then a bootstrap over the out-of-fold predictions that costs
    ``n_resamples x n_units`` operations per metric.

    Parameters
    ----------
    classifier : scikit-learn classifier
        Any estimator with ``fit`` and ``predict`` (e.g. :class:`FrameClassifier`);
        it is cloned, never modified.
    texts : sequence of str
        The texts.
    labels : sequence
        One label per text.
    cv : int or cross-validation splitter, default 5
        Folds. An int gives :class:`~sklearn.model_selection.StratifiedKFold`,
        or :class:`~sklearn.model_selection.StratifiedGroupKFold` when ``groups``
        is given (shuffled with ``seed``).
    groups : sequence, optional
        One group per text; a group never spans training and test folds.
    n_resamples : int, default 1000
        Bootstrap resamples (``n_boot`` is its old name, kept for one release with a FutureWarning).
        Bootstrap resamples.
    ci_level : float, default 0.95
        Interval level (percentile bootstrap).
    n_bins : int, default 10
        Equal-width probability bins of the reliability curves.
    seed : int, optional
        Seed for the folds and the bootstrap.
    n_jobs : int, optional
        Folds fitted in parallel (joblib processes; ``-1`` = all cores, ``None`` = 1).
        The results do not depend on it.
    progress : bool, optional
        Show a progress bar over the folds on standard error; by default only
        when standard error is a terminal.

    Returns
    -------
    Evaluation
        ``scores`` (columns ``class, metric, estimate, ci_low, ci_high, ci_level,
        support, n_units, n_groups, method, note``), ``confusion`` (``true,
        predicted, count, share_of_true``), ``predictions`` (``unit, group,
        fold, true, predicted``), ``probabilities`` (``unit, class,
        probability``) and ``calibration`` (``class, bin, bin_low, bin_high,
        mean_probability, observed_rate, count``); see :class:`Evaluation`.
    """
    n_resamples = check_count("n_resamples", renamed("n_boot", n_boot, "n_resamples", n_resamples), minimum=1)
    check_level("ci_level", ci_level)
    _check_n_jobs(n_jobs)
    check_count("n_bins", n_bins, minimum=2)
    X = _as_texts(texts, what="texts")
    y = _as_labels(labels, len(X))
    g = _as_groups(groups, len(X))
    splitter = _splitter(cv, g, seed)
    folds = list(splitter.split(X, y, g))
    with progress_bar(len(folds), "evaluate", progress) as bar:
        fitted = parallel_map(_fit_fold, [(classifier, X, y, tr, te) for tr, te in folds], n_jobs, bar)
    fold = np.full(len(X), -1)
    pred = np.empty(len(X), dtype=object)
    for k, ((_, test), (p, _, _)) in enumerate(zip(folds, fitted)):
        pred[test] = p
        fold[test] = k
    if (fold < 0).any():
        raise SchemaError("the cross-validation splitter left some texts out of every test fold")
    classes = np.unique(np.concatenate([y.astype(object), pred.astype(object)]).astype(str))
    index = {c: i for i, c in enumerate(classes)}
    t_idx = np.array([index[str(v)] for v in y])
    p_idx = np.array([index[str(v)] for v in pred])
    k = len(classes)
    # out-of-fold probabilities, columns aligned on all classes (a class a fold never saw gets 0)
    proba = None
    if all(pr is not None for _, pr, _ in fitted):
        proba = np.zeros((len(X), k))
        for (_, test), (_, pr, cls) in zip(folds, fitted):
            cols = [index[str(c)] for c in cls]
            proba[np.ix_(test, cols)] = pr
    cm = _confusions(t_idx, p_idx, k)
    point = _weighted_scores(cm)
    cluster = g if g is not None else np.arange(len(X))
    rng = np.random.default_rng(seed)
    weights = _bootstrap_weights(cluster, n_resamples, rng)
    boot = _weighted_scores(_confusions(t_idx, p_idx, k, weights))
    if proba is not None:
        onehot = np.eye(k)[t_idx]
        point.update(_probability_scores(proba, onehot, np.ones((1, len(X))), squeeze=True))
        boot.update(_probability_scores(proba, onehot, weights))
    n_groups = len(pd.unique(pd.Series(cluster, dtype=object)))
    method = (
        f"out-of-fold predictions from {type(splitter).__name__}({splitter.get_n_splits()} folds); "
        f"percentile bootstrap over {'groups' if g is not None else 'units'} ({n_resamples} resamples)"
    )
    support = cm.sum(axis=1)
    n_units = len(X)
    note = ""
    if n_groups < 20:
        note = f"only {n_groups} {'groups' if g is not None else 'units'}: intervals are rough"
    per_class = ("precision", "recall", "f1") + (("roc_auc", "brier") if proba is not None else ())
    overall = ("macro_f1", "accuracy", "balanced_accuracy") + (("roc_auc_mean", "brier_all")
                                                                if proba is not None else ())
    rows = []
    for metric in per_class:
        low, high = percentile_interval(boot[metric], ci_level, axis=0)
        for i, c in enumerate(classes):
            rows.append((c, metric, float(point[metric][i]), low[i], high[i], ci_level, int(support[i]), n_units,
                         n_groups, method, note))
    for metric in overall:
        low, high = percentile_interval(boot[metric], ci_level, axis=0)
        rows.append(("all", metric.replace("roc_auc_mean", "roc_auc").replace("brier_all", "brier"),
                     float(point[metric]), float(low), float(high), ci_level, n_units, n_units,
                     n_groups, method, note))
    scores = _scores_table(rows)
    conf = pd.DataFrame(
        [(a, b, int(cm[i, j]), cm[i, j] / support[i] if support[i] else np.nan)
         for i, a in enumerate(classes) for j, b in enumerate(classes)],
        columns=list(CONFUSION),
    )
    preds = pd.DataFrame({
        "unit": np.arange(n_units),
        "group": pd.array([str(v) for v in cluster] if g is not None else [pd.NA] * n_units, dtype="string"),
        "fold": fold.astype("int64"),
        "true": pd.array([str(v) for v in y], dtype="string"),
        "predicted": pd.array([str(v) for v in pred], dtype="string"),
    })
    tables = {}
    if proba is not None:
        tables = {
            "probabilities": pd.DataFrame({
                "unit": np.repeat(np.arange(n_units), k),
                "class": pd.array(np.tile(classes, n_units), dtype="string"),
                "probability": proba.reshape(-1),
            }),
            "calibration": _reliability(proba, t_idx, classes, int(n_bins)),
        }
    return Evaluation(scores=scores, confusion=conf, predictions=preds, **tables)


#: columns of :func:`compare_evaluations`
PAIRED = ("metric", "estimate_a", "estimate_b", "difference", "ci_low", "ci_high", "ci_level", "p_value",
          "n_units", "n_groups", "method")


def compare_evaluations(
    a: Evaluation,
    b: Evaluation,
    *,
    n_resamples: int = 2000,
    n_boot: int | None = None,
    ci_level: float = 0.95,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Paired difference ``a - b`` of two classifiers evaluated on the same units and folds.

    Both evaluations must come from :func:`evaluate` on the same texts, labels,
    groups and folds (same ``cv`` and ``seed``). The interval resamples whole
    groups (or units, without groups) and applies each resample to both
    models' out-of-fold predictions at once, so it is the interval of the
    *difference*, narrower than comparing two separate intervals.

    Parameters
    ----------
    a, b : Evaluation
        The two evaluations.
    n_resamples : int, default 2000
        Bootstrap resamples (``n_boot`` is its old name, kept for one release with a FutureWarning).
        Bootstrap resamples.
    ci_level : float, default 0.95
        Interval level (percentile bootstrap).
    seed : int, optional
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per metric (``macro_f1``, ``accuracy``, ``balanced_accuracy``
        and, when both have probabilities, ``roc_auc`` and ``brier``):

        - ``metric``; ``estimate_a``, ``estimate_b``: each model's score.
        - ``difference``: ``estimate_a - estimate_b``.
        - ``ci_low``, ``ci_high``, ``ci_level``: percentile bootstrap interval of the difference.
        - ``p_value``: two-sided bootstrap p-value of no difference
          (twice the smaller share of resampled differences on either side of 0).
        - ``n_units``, ``n_groups``, ``method``.
    """
    n_resamples = check_count("n_resamples", renamed("n_boot", n_boot, "n_resamples", n_resamples), minimum=1)
    check_level("ci_level", ci_level)
    pa, pb = a.predictions, b.predictions
    if len(pa) != len(pb) or not (pa["true"].equals(pb["true"]) and pa["fold"].equals(pb["fold"])
                                  and pa["group"].equals(pb["group"])):
        raise SchemaError(
            "the two evaluations must cover the same units with the same labels, groups and folds; "
            "run evaluate on the same texts with the same cv, groups and seed"
        )
    classes = np.unique(np.concatenate([pa["true"], pa["predicted"], pb["predicted"]]).astype(str))
    index = {c: i for i, c in enumerate(classes)}
    k = len(classes)
    t_idx = np.array([index[v] for v in pa["true"].astype(str)])
    grouped = pa["group"].notna().all()
    cluster = pa["group"].astype(str).to_numpy(dtype=object) if grouped else np.arange(len(pa))
    weights = _bootstrap_weights(cluster, n_resamples, np.random.default_rng(seed))
    ones = np.ones((1, len(pa)))
    metrics = ["macro_f1", "accuracy", "balanced_accuracy"]
    both_proba = len(a.probabilities) and len(b.probabilities)
    if both_proba:
        metrics += ["roc_auc", "brier"]
    values = {}
    for name, ev in (("a", a), ("b", b)):
        p_idx = np.array([index[v] for v in ev.predictions["predicted"].astype(str)])
        point = _weighted_scores(_confusions(t_idx, p_idx, k))
        boot = _weighted_scores(_confusions(t_idx, p_idx, k, weights))
        if both_proba:
            proba = (ev.probabilities.pivot(index="unit", columns="class", values="probability")
                     .reindex(columns=classes, fill_value=0.0).sort_index().to_numpy(dtype=float))
            onehot = np.eye(k)[t_idx]
            for m, v in _probability_scores(proba, onehot, ones).items():
                point[m] = v[0]
            boot.update(_probability_scores(proba, onehot, weights))
            point["roc_auc"], boot["roc_auc"] = point["roc_auc_mean"], boot["roc_auc_mean"]
            point["brier"], boot["brier"] = point["brier_all"], boot["brier_all"]
        values[name] = (point, boot)
    rows = []
    n_groups = len(pd.unique(pd.Series(cluster, dtype=object)))
    method = f"paired percentile bootstrap over {'groups' if grouped else 'units'} ({n_resamples} resamples)"
    for m in metrics:
        ea, eb = float(values["a"][0][m]), float(values["b"][0][m])
        diff = np.asarray(values["a"][1][m], dtype=float) - np.asarray(values["b"][1][m], dtype=float)
        low, high = percentile_interval(diff, ci_level, axis=0)
        diff = diff[~np.isnan(diff)]
        p = min(1.0, 2 * min(np.mean(diff <= 0), np.mean(diff >= 0))) if len(diff) else np.nan
        rows.append((m, ea, eb, ea - eb, float(low), float(high), ci_level, float(p), len(pa), n_groups, method))
    return pd.DataFrame(rows, columns=list(PAIRED))


def _fit_fold(classifier: Any, X: np.ndarray, y: np.ndarray, train: np.ndarray, test: np.ndarray) -> tuple:
    """Predictions (and probabilities with their classes, if the model has them) of one fold."""
    model = clone(classifier).fit(X[train], y[train])
    if not hasattr(model, "predict_proba"):
        return model.predict(X[test]), None, None
    proba = np.asarray(model.predict_proba(X[test]), dtype=float)
    classes = np.asarray(model.classes_)
    # a FrameClassifier predicts the most probable class: no need to compute the features twice
    pred = classes[np.argmax(proba, axis=1)] if isinstance(model, FrameClassifier) else model.predict(X[test])
    return pred, proba, classes


def _probability_scores(proba: np.ndarray, onehot: np.ndarray, weights: np.ndarray, *,
                        squeeze: bool = False) -> dict[str, np.ndarray]:
    """Weighted per-class AUC and Brier score, their summaries; one row per weight vector."""
    wsum = weights.sum(axis=1, keepdims=True)
    sq = (proba - onehot) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        brier = (weights @ sq) / wsum  # (B, k)
    auc = np.column_stack([_weighted_auc(proba[:, c], onehot[:, c] > 0, weights) for c in range(proba.shape[1])])
    out = {"roc_auc": auc, "brier": brier, "roc_auc_mean": np.nanmean(auc, axis=1) if auc.size else auc,
           "brier_all": brier.sum(axis=1) / 2}
    if squeeze:
        out = {m: v[0] for m, v in out.items()}
    return out


def _weighted_auc(score: np.ndarray, positive: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Area under the ROC curve with unit weights (rows of ``weights``); ties count one half."""
    order = np.argsort(score, kind="stable")
    s = score[order]
    pos = positive[order].astype(float)
    starts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]])
    out = np.empty(weights.shape[0])
    for b0 in range(0, weights.shape[0], 128):
        W = weights[b0:b0 + 128][:, order]
        gp = np.add.reduceat(W * pos, starts, axis=1)
        gn = np.add.reduceat(W * (1 - pos), starts, axis=1)
        below = np.cumsum(gn, axis=1) - gn
        with np.errstate(invalid="ignore", divide="ignore"):
            out[b0:b0 + 128] = (gp * (below + 0.5 * gn)).sum(axis=1) / (gp.sum(axis=1) * gn.sum(axis=1))
    return out


def _reliability(proba: np.ndarray, t_idx: np.ndarray, classes: np.ndarray, n_bins: int) -> pd.DataFrame:
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    rows = []
    for c, name in enumerate(classes):
        p = proba[:, c]
        hit = (t_idx == c).astype(float)
        b = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
        count = np.bincount(b, minlength=n_bins)
        mean_p = np.bincount(b, weights=p, minlength=n_bins)
        rate = np.bincount(b, weights=hit, minlength=n_bins)
        for j in np.flatnonzero(count):
            rows.append((str(name), int(j), float(edges[j]), float(edges[j + 1]), mean_p[j] / count[j],
                         rate[j] / count[j], int(count[j])))
    out = pd.DataFrame(rows, columns=list(RELIABILITY))
    out["class"] = out["class"].astype("string")
    return out


# --------------------------------------------------------------------------- units of a corpus


def _units(corpus: pd.DataFrame, unit: str, columns: Sequence[str]) -> pd.DataFrame:
    """Document or sentence units of ``corpus`` with ``columns`` carried over."""
    schema.require(corpus, schema.CORPUS, what="corpus")
    for c in columns:
        if c not in corpus.columns:
            raise SchemaError(f"corpus has no column {c!r}; columns found: {list(map(str, corpus.columns))}")
    keep = list(dict.fromkeys(["doc_id", "outlet", *columns]))
    if unit == "document":
        out = corpus[keep + ["text"]].copy()
        out["sentence_id"] = pd.array([pd.NA] * len(out), dtype="Int64")
        out["start"] = 0
        out["end"] = out["text"].str.len().astype("int64")
        return out.reset_index(drop=True)
    if unit == "sentence":
        from framing.text.sentences import sentences

        sents = sentences(corpus)
        meta = corpus[keep].drop_duplicates("doc_id")
        out = sents[list(schema.SENTENCES)].merge(meta, on="doc_id", how="left", validate="many_to_one")
        return out.reset_index(drop=True)
    raise UsageError(f"unit must be 'document' or 'sentence', got {unit!r}")


# --------------------------------------------------------------------------- distinguishability


@dataclass(frozen=True)
class Distinguishability:
    """What :func:`distinguishability` returns.

    Attributes
    ----------
    summary : ResultTable
        The result family's columns (:data:`framing.schema.RESULT`; ``group`` is
        ``"(all)"``, ``measure`` the metric, ``n_docs`` the documents when the
        unit is the document), then ``by, unit, metric, chance, null_mean,
        n_permutations, permutation, n_units, n_groups, n_classes``; one row for ``accuracy`` and one for
        ``balanced_accuracy``.
    features : pandas.DataFrame
        Columns ``class, rank, feature, block, weight``: the most distinctive
        features of each group, from a model fitted on all units.
    null : pandas.DataFrame
        Columns ``permutation, accuracy, balanced_accuracy``: the permutation
        null distribution.
    evaluation : Evaluation
        Per-class scores, confusion matrix and out-of-fold predictions of the
        observed labels.
    """

    summary: pd.DataFrame
    features: pd.DataFrame
    null: pd.DataFrame
    evaluation: Evaluation


def _permute(y: np.ndarray, groups: np.ndarray | None, scheme: str, rng: np.random.Generator) -> np.ndarray:
    if scheme == "units" or groups is None:
        return rng.permutation(y)
    codes, uniques = pd.factorize(pd.Series(groups, dtype=object))
    if scheme == "between_groups":
        first = np.zeros(len(uniques), dtype=int)
        first[codes[::-1]] = np.arange(len(codes))[::-1]
        group_labels = y[first]
        return rng.permutation(group_labels)[codes]
    # within_groups: shuffle labels among the units of each group
    out = y.copy()
    for gi in range(len(uniques)):
        idx = np.flatnonzero(codes == gi)
        out[idx] = y[rng.permutation(idx)]
    return out

def _fold_smoother(clf: FrameClassifier, X: np.ndarray, train: np.ndarray, test: np.ndarray,
                   alpha: float) -> np.ndarray:
    """A fold's features (fitted on its training texts) and its ridge smoother ``M``."""
    import scipy.sparse as sp

    feats = clone(clf)._make_features()
    F = sp.vstack([sp.csr_matrix(feats.fit_transform(X[train])), sp.csr_matrix(feats.transform(X[test]))])
    return ridge_smoother(gram(F.tocsr()), len(train), alpha)


def _fold_features(clf: FrameClassifier, X: np.ndarray, train: np.ndarray, test: np.ndarray,
                   alpha: float = 1.0) -> tuple:
    """A fold's features, fitted on its training texts."""
    feats = clone(clf)._make_features()
    return feats.fit_transform(X[train]), feats.transform(X[test])


def _full_model(clf: FrameClassifier, X: np.ndarray, y: np.ndarray, model: str, alpha: float) -> tuple:
    """The chosen linear model fitted on all units, and its feature names (for the features table)."""
    feats = clone(clf)._make_features()
    F = feats.fit_transform(X)
    if model == "ridge":
        from sklearn.linear_model import RidgeClassifier

        fitted = RidgeClassifier(alpha=alpha).fit(F, y)
    else:
        fitted = clone(clf)._make_model().fit(F, y)
    names = [f"{name}__{f}" for name, t in feats.transformer_list for f in t.get_feature_names_out()]
    return fitted, names


def _call(fn: Any, args: tuple) -> Any:
    return fn(*args)


def _logistic_oof(clf: FrameClassifier, folds: list, fold_data: list, labels: np.ndarray) -> np.ndarray:
    """Out-of-fold predictions of the classifier's logistic regression for one label vector."""
    out = np.empty(len(labels), dtype=labels.dtype)
    for (train, test), (Xtr, Xte) in zip(folds, fold_data):
        ytr = labels[train]
        if len(np.unique(ytr)) < 2:
            out[test] = ytr[0]
            continue
        out[test] = clone(clf)._make_model().fit(Xtr, ytr).predict(Xte)
    return out


def _renamed(value: Any, old_value: Any, *, new: str, old: str, default: Any) -> Any:
    """The value of a renamed argument; the old name still works for one release, with a FutureWarning."""
    if old_value is None:
        return value
    warnings.warn(f"{old} is renamed {new}; the old name will stop working in the next release",
                  FutureWarning, stacklevel=3)
    if value != default and value != old_value:
        raise SchemaError(f"got both {new}={value!r} and its former name {old}={old_value!r}; pass only {new}")
    return old_value


def distinguishability(
    corpus: pd.DataFrame,
    by: str = "outlet",
    *,
    unit: Literal["sentence", "document"] = "sentence",
    groups: str | None = None,
    cv: int = 5,
    n_resamples: int = 100,
    permutation: Literal["auto", "between_groups", "within_groups", "units"] = "auto",
    model: Literal["ridge", "logistic"] = "ridge",
    alpha: float = 1.0,
    stop_after: int | None = 10,
    classifier: FrameClassifier | None = None,
    n_features: int = 10,
    n_boot: int = 1000,
    ci_level: float = 0.95,
    seed: int | None = 0,
    n_jobs: int | None = None,
    progress: bool | None = None,
    n_permutations: int | None = None,
) -> Distinguishability:
    """How well can ``by`` (outlet, leaning, …) be told from wording alone?

    Texts are classified by ``by`` with cross-validation whose folds keep every
    ``groups`` value on one side (sentences of an article; articles of an
    outlet). The out-of-fold accuracy is compared with a permutation null and
    with chance.

    **Permutation scheme.** The null must keep what the folds keep. With
    ``permutation="auto"``:

    - no ``groups``: labels are shuffled across units (``"units"``);
    - ``by`` is constant within every group (leaning with groups = outlet;
      outlet with groups = doc_id): whole groups swap labels
      (``"between_groups"``): the group -> label assignment is permuted, every
      unit of a group keeps a common label. This is the null "the label is
      unrelated to wording, assigned to groups at random". Shuffling within
      groups (what :func:`sklearn.model_selection.permutation_test_score` does
      when given ``groups``) would leave a group-constant label unchanged, so
      every permuted score equals the observed one and the p-value is 1;
      shuffling across units would scatter one outlet's label over several
      labels, a null in which outlet style becomes evidence for no label, and
      is too lenient (or too strict) in ways that depend on group sizes;
    - ``by`` varies within groups: labels are shuffled within each group
      (``"within_groups"``, as scikit-learn does).

    Folds are drawn once from the groups alone (GroupKFold or KFold, shuffled
    with ``seed``) and reused for every permutation, so the statistic is the
    same function of the labels under the null. Feature extraction (TF-IDF,
    lexicon counts) does not look at labels, so each fold's features are
    computed once and only the linear model is refitted per permutation.

    **The refit.** With ``model="ridge"`` (default) the classifier is a ridge
    classifier on the classifier's features (least squares on +1 / -1 class
    indicators with intercept and penalty ``alpha``, exactly
    :class:`sklearn.linear_model.RidgeClassifier`). Its out-of-fold scores are
    linear in the labels, ``M @ Y``, with ``M`` built once per fold from the
    fold's kernel ``F F^T``; each permutation is then one small matrix
    product, so the permutations cost almost nothing beside the features.
    ``model="logistic"`` refits the classifier's logistic regression for
    every fold and permutation (the procedure of earlier versions): the same
    null scheme, a different classifier, about a hundred times slower.

    **Sequential test.** With ``stop_after=h`` the permutations stop as soon
    as ``h`` permuted scores have reached the observed one for both metrics
    (Besag & Clifford 1991): the p-value is then ``h / L`` at the ``L``-th
    permutation, which is already too large to matter; a significant result
    runs all ``n_resamples`` permutations and gets the usual
    ``(1 + #{null >= observed}) / (1 + n_resamples)``. ``stop_after=None``
    always runs all of them.

    **Cost model** (measured with ``benchmarks/bench_learn.py`` on the shared
    2-core machine at load average 4-5; AllSides articles, default features,
    5 folds grouped by outlet). Per fold: the features, linear in the text
    (about 10-25 s for 1,440 training articles, 8.4 MB); the kernel
    ``F F^T``, quadratic in the units and linear in the non-zero features
    (about 5-15 s); ``M``, one Cholesky solve, cubic in the units (under 1 s
    at 1,440); memory ``8 n_test n_train`` bytes per fold (17 MB). Then each
    permutation with ``model="ridge"`` costs ``n_test x n_train x n_classes``
    multiply-adds per fold: about 6 ms at 450 articles. The whole test on
    1,800 articles with 100 permutations took 161 s on 2 processes, 20 s on
    450 articles on one. With ``model="logistic"`` every permutation is 5
    logistic-regression fits, tens of seconds each at these sizes. Memory
    limits the ridge path to some tens of thousands of units; for more,
    classify documents rather than sentences, or subsample.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (``doc_id``, ``outlet``, ``text`` and the ``by`` / ``groups`` columns).
    by : str, default "outlet"
        Corpus column holding the label to distinguish.
    unit : {"sentence", "document"}, default "sentence"
        Classify sentences (:func:`framing.sentences`) or whole documents.
    groups : str, optional
        Corpus column whose values stay within one fold. Default: ``"doc_id"``
        for sentences, none for documents. Use ``"outlet"`` with ``by="leaning"``
        so the model must generalise to unseen outlets.
    cv : int, default 5
        Folds.
    n_resamples : int, default 100
        Most permutations for the null (0 skips the test; ``p_value`` is then NaN).
    permutation : {"auto", "between_groups", "within_groups", "units"}, default "auto"
        Permutation scheme (see above).
    model : {"ridge", "logistic"}, default "ridge"
        The linear model refitted under permutation (see above).
    alpha : float, default 1.0
        Penalty of the ridge classifier (``model="ridge"``).
    stop_after : int or None, default 10
        Stop after this many permuted scores reach the observed one (``h`` of
        Besag & Clifford); None runs all ``n_resamples``.
    classifier : FrameClassifier, optional
        Gives the features (and, for ``model="logistic"``, the logistic
        regression); default ``FrameClassifier(calibration="none")``.
    n_features : int, default 10
        Distinctive features reported per group.
    n_boot : int, default 1000
        Bootstrap resamples (over groups) for the accuracy intervals.
    ci_level : float, default 0.95
        Interval level.
    seed : int, optional
        Seed of folds, permutations and bootstrap. Each permutation has its
        own stream, so results do not depend on ``n_jobs``.
    n_jobs : int, optional
        Processes for the folds and, with ``model="logistic"``, the
        permutations (joblib; ``-1`` = all cores, ``None`` = 1).
    progress : bool, optional
        Show a progress bar on standard error; by default only when standard
        error is a terminal.
    n_permutations : int, optional
        Former name of ``n_resamples``; still accepted with a FutureWarning.

    Returns
    -------
    Distinguishability
        ``summary`` with columns ``by, unit, metric, estimate, ci_low, ci_high,
        ci_level, chance, null_mean, p_value, n_permutations, permutation,
        n_units, n_groups, n_classes, method, note`` (rows ``accuracy`` and
        ``balanced_accuracy``; ``chance`` is the accuracy of predicting each
        training fold's most frequent label, and 1 / n_classes for balanced
        accuracy; ``n_permutations`` is the number of permutations run);
        ``features`` (``class, rank, feature, block, weight``, from the chosen
        model fitted on all units); ``null`` (``permutation, accuracy,
        balanced_accuracy``); and ``evaluation`` (an :class:`Evaluation`).
    """
    n_resamples = _renamed(n_resamples, n_permutations, new="n_resamples", old="n_permutations", default=100)
    check_count("n_boot", n_boot, minimum=1)
    check_level("ci_level", ci_level)
    check_option("permutation", permutation, ("auto", "between_groups", "within_groups", "units"))
    check_count("n_resamples", n_resamples)
    check_option("model", model, ("ridge", "logistic"))
    check_positive("alpha", alpha)
    if stop_after is not None:
        check_count("stop_after", stop_after, minimum=1)
    _check_n_jobs(n_jobs)
    check_option("unit", unit, ("sentence", "document"))
    if groups is None and unit == "sentence":
        groups = "doc_id"
    cols = [by] + ([groups] if groups else [])
    units = _units(corpus, unit, cols)
    labels_raw = units[by]
    if labels_raw.isna().any():
        bad = units.loc[labels_raw.isna(), "doc_id"].unique()[:5].tolist()
        raise SchemaError(f"column {by!r} is missing for documents {bad}; every document needs a {by}")
    y = labels_raw.astype(str).to_numpy(dtype=object)
    X = units["text"].astype(str).to_numpy(dtype=object)
    g = units[groups].astype(str).to_numpy(dtype=object) if groups else None
    classes = np.unique(y)
    if len(classes) < 2:
        raise SchemaError(f"column {by!r} has a single value {classes.tolist()}; nothing to distinguish")
    if g is not None:
        per_label = pd.Series(g).groupby(y).nunique()
        if (per_label < 2).any():
            raise StatisticsError(
                f"with folds grouped by {groups!r}, each {by!r} value needs at least two {groups!r} values "
                f"(a model cannot recognise a {by} it never saw in training); "
                f"values with one: {per_label[per_label < 2].index.tolist()}"
            )
        constant = bool((pd.Series(y).groupby(g).nunique() <= 1).all())
    else:
        constant = False
    scheme = permutation
    if scheme == "auto":
        scheme = "units" if g is None else ("between_groups" if constant else "within_groups")
    if scheme != "units" and g is None:
        raise SchemaError(f"permutation={scheme!r} needs groups")
    if scheme == "between_groups" and not constant:
        raise SchemaError(
            f"permutation='between_groups' needs {by!r} constant within each {groups!r}; it is not"
        )
    clf = classifier if classifier is not None else FrameClassifier(calibration="none")
    if not isinstance(clf, FrameClassifier):
        raise UsageError(f"classifier must be a FrameClassifier, got {type(clf).__name__}")
    clf._check_params()
    splitter = _splitter(cv, g, seed, stratified=False)
    folds = list(splitter.split(X, y, g))
    # label-independent features, computed once per fold
    index = {c: i for i, c in enumerate(classes)}
    k = len(classes)
    codes = np.array([index[v] for v in y], dtype=np.int64)
    n_resamples = int(n_resamples)
    perm_rngs, rng = permutation_rngs(seed, n_resamples)
    n_procs = 1 if n_jobs is None else (os.cpu_count() or 1) if n_jobs < 0 else int(n_jobs)

    def scores_of(true: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
        s = _weighted_scores(_confusions(true, pred, k))
        return float(s["accuracy"]), float(s["balanced_accuracy"])

    with progress_bar(len(folds) + 1 + n_resamples, f"distinguishability by {by}", progress) as bar:
        # the folds and the model on all units (for the features table) are independent jobs
        jobs = [(_fold_smoother if model == "ridge" else _fold_features, (clf, X, tr, te, float(alpha)))
                for tr, te in folds]
        jobs.append((_full_model, (clf, X, y, model, float(alpha))))
        done = parallel_map(_call, jobs, n_jobs, bar)
        fitted, names = done.pop()
        if model == "ridge":
            smoothers = done

            def oof(batch: np.ndarray) -> np.ndarray:
                out = np.empty_like(batch)
                for (train, test), M in zip(folds, smoothers):
                    out[:, test] = ridge_predict(M, batch[:, train], k)
                return out

            batch_size = 64
        else:
            fold_data = done

            def oof(batch: np.ndarray) -> np.ndarray:
                rows = parallel_map(_logistic_oof, [(clf, folds, fold_data, b) for b in batch], n_jobs)
                return np.vstack(rows)

            batch_size = max(1, n_procs) * 2
        pred = oof(codes[None, :])[0]
        acc, bal = scores_of(codes, pred)
        null_rows: list[tuple[int, float, float]] = []
        observed = np.array([acc, bal])
        for start in range(0, n_resamples, batch_size):
            ids = range(start, min(start + batch_size, n_resamples))
            batch = np.vstack([_permute(codes, g, scheme, perm_rngs[i]) for i in ids])
            for i, yp, pp in zip(ids, batch, oof(batch)):
                null_rows.append((i + 1, *scores_of(yp, pp)))
            bar.update(len(ids))
            if stop_after is not None:
                exceed = np.array([r[1:] for r in null_rows]) >= observed - 1e-12
                if (exceed.sum(axis=0) >= stop_after).all():
                    break
    exceed = np.array([r[1:] for r in null_rows], dtype=float).reshape(-1, 2) >= observed - 1e-12
    n_used, p_values = besag_clifford(exceed, stop_after)
    stopped = n_used < n_resamples
    null_df = pd.DataFrame(null_rows[:n_used], columns=["permutation", "accuracy", "balanced_accuracy"])
    null_df["permutation"] = null_df["permutation"].astype("int64")
    pred = classes[pred]
    # chance: predict each training fold's majority label
    majority = np.empty(len(y), dtype=object)
    for train, test in folds:
        vals, counts = np.unique(y[train], return_counts=True)
        majority[test] = vals[np.argmax(counts)]
    chance_acc = float(np.mean(majority == y))

    t_idx = codes
    p_idx = np.array([index[v] for v in pred])
    cluster = g if g is not None else np.arange(len(y))
    boot = _weighted_scores(_confusions(t_idx, p_idx, k, _bootstrap_weights(cluster, n_boot, rng)))
    n_groups = len(pd.unique(pd.Series(cluster, dtype=object)))
    refit = (f"ridge classifier (alpha={alpha:g}), closed form per fold" if model == "ridge"
             else "logistic regression refitted per fold")
    sequential = (f"; sequential Monte Carlo (Besag-Clifford h={stop_after}): stopped after {n_used}"
                  if stopped else "")
    method = (
        f"FrameClassifier features, {refit}, out-of-fold over {type(splitter).__name__}({len(folds)} folds"
        f"{', grouped by ' + groups if groups else ''}); permutation null ({scheme}, {n_used} of at most "
        f"{n_resamples}{sequential}); percentile bootstrap over {'groups' if g is not None else 'units'}"
    )
    notes = []
    if n_groups < 20:
        notes.append(f"only {n_groups} groups: the permutation null and intervals are coarse")
    if scheme == "within_groups" and g is not None:
        share = float((pd.Series(y).groupby(g).nunique() <= 1).mean())
        if share > 0.5:
            notes.append(
                f"{by} is constant within {share:.0%} of the {groups} groups, so shuffling within groups barely "
                f"moves it and the null sits near the observed score; make {by} a property of {groups} "
                "and use permutation='between_groups'"
            )
    if n_resamples and n_resamples < 100:
        notes.append(f"only {n_resamples} permutations: smallest attainable p-value {1 / (n_resamples + 1):.3g}")
    note = "; ".join(notes)
    rows = []
    for j, (metric, est, chance) in enumerate((("accuracy", acc, chance_acc), ("balanced_accuracy", bal, 1.0 / k))):
        low, high = percentile_interval(boot[metric], ci_level, axis=0)
        if n_resamples:
            p, null_mean = float(p_values[j]), float(null_df[metric].mean())
        else:
            p, null_mean = np.nan, np.nan
        rows.append((by, unit, metric, est, float(low), float(high), ci_level, chance, null_mean, p,
                     int(n_used), scheme, len(y), n_groups, k, method, note))
    summary = as_result_table(pd.DataFrame(rows, columns=list(DISTINGUISHABILITY)), group=None, measure="metric",
                              fill={"n_docs": "n_units"} if unit == "document" else None)

    features = _top_features(fitted.coef_, fitted.classes_, np.asarray(names, dtype=object), n_features)

    support = np.bincount(t_idx, minlength=k)
    cm = _confusions(t_idx, p_idx, k)
    ev_rows = []
    point = _weighted_scores(cm)
    for metric in ("precision", "recall", "f1"):
        low, high = percentile_interval(boot[metric], ci_level, axis=0)
        for i, c in enumerate(classes):
            ev_rows.append((c, metric, point[metric][i], low[i], high[i], ci_level, int(support[i]), len(y),
                            n_groups, method, note))
    for metric in ("macro_f1", "accuracy", "balanced_accuracy"):
        low, high = percentile_interval(boot[metric], ci_level, axis=0)
        ev_rows.append(("all", metric, float(point[metric]), float(low), float(high), ci_level, len(y), len(y),
                        n_groups, method, note))
    fold_of = np.empty(len(y), dtype="int64")
    for f, (_, test) in enumerate(folds):
        fold_of[test] = f
    evaluation = Evaluation(
        scores=_scores_table(ev_rows),
        confusion=pd.DataFrame(
            [(a, b, int(cm[i, j]), cm[i, j] / support[i] if support[i] else np.nan)
             for i, a in enumerate(classes) for j, b in enumerate(classes)],
            columns=list(CONFUSION),
        ),
        predictions=pd.DataFrame({
            "unit": np.arange(len(y)),
            "group": pd.array([str(v) for v in cluster] if g is not None else [pd.NA] * len(y), dtype="string"),
            "fold": fold_of,
            "true": pd.array(list(y), dtype="string"),
            "predicted": pd.array([str(v) for v in pred], dtype="string"),
        }),
    )
    return Distinguishability(summary=summary, features=features, null=null_df, evaluation=evaluation)


# --------------------------------------------------------------------------- predictions on a corpus


def predict(
    model: Any,
    corpus: pd.DataFrame,
    *,
    unit: Literal["document", "sentence"] = "document",
) -> pd.DataFrame:
    """Tidy predictions of a fitted classifier on a corpus.

    One row per unit (document or sentence) and class, so the table has the
    same columns whatever the classes are, and feeds :func:`framing.compare`
    (filter ``predicted`` or aggregate ``probability`` per document).
    A document with no sentences keeps one row with missing class.

    Parameters
    ----------
    model : fitted classifier
        A :class:`FrameClassifier` or any fitted estimator with
        ``predict_proba`` and ``classes_`` taking texts.
    corpus : pandas.DataFrame
        A corpus (``doc_id``, ``outlet``, ``text``).
    unit : {"document", "sentence"}, default "document"
        Classify whole documents or each sentence (:func:`framing.sentences`).

    Returns
    -------
    pandas.DataFrame
        - ``doc_id``, ``outlet``: the document.
        - ``sentence_id``: the sentence (Int64; missing for documents).
        - ``start``, ``end``: character offsets of the unit in the text.
        - ``class``: a class label (str).
        - ``probability``: the model's probability of that class.
        - ``predicted``: True for the unit's most probable class.
    """
    check_is_fitted(model)
    if not hasattr(model, "predict_proba"):
        raise SchemaError(f"{type(model).__name__} has no predict_proba; predict needs class probabilities")
    units = _units(corpus, unit, [])
    classes = np.asarray(model.classes_).astype(str)
    k = len(classes)
    if len(units):
        proba = np.asarray(model.predict_proba(units["text"].astype(str).tolist()), dtype=float)
    else:
        proba = np.zeros((0, k))
    best = np.argmax(proba, axis=1) if len(units) else np.zeros(0, dtype=int)
    n = len(units)
    out = pd.DataFrame({
        "doc_id": np.repeat(units["doc_id"].to_numpy(dtype=object), k),
        "outlet": np.repeat(units["outlet"].to_numpy(dtype=object), k),
        "sentence_id": pd.array(np.repeat(units["sentence_id"].to_numpy(dtype=object), k), dtype="Int64"),
        "start": np.repeat(units["start"].to_numpy(dtype="int64"), k),
        "end": np.repeat(units["end"].to_numpy(dtype="int64"), k),
        "class": np.tile(classes, n),
        "probability": proba.reshape(-1),
        "predicted": (np.tile(np.arange(k), n) == np.repeat(best, k)),
    })
    missing = corpus.loc[~corpus["doc_id"].isin(units["doc_id"]), ["doc_id", "outlet"]]
    if len(missing):
        empty = pd.DataFrame({
            "doc_id": missing["doc_id"].to_numpy(dtype=object),
            "outlet": missing["outlet"].to_numpy(dtype=object),
            "sentence_id": pd.array([pd.NA] * len(missing), dtype="Int64"),
            "start": np.zeros(len(missing), dtype="int64"),
            "end": np.zeros(len(missing), dtype="int64"),
            "class": [None] * len(missing),
            "probability": np.nan,
            "predicted": False,
        })
        out = pd.concat([out, empty], ignore_index=True)
        order = {d: i for i, d in enumerate(corpus["doc_id"])}
        out = out.sort_values("doc_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    for c in ("doc_id", "outlet", "class"):
        out[c] = out[c].astype("string")
    return out[list(PREDICTIONS)]


# --------------------------------------------------------------------------- saving and loading

#: The exact types beyond skops's own safe list (builtins, NumPy arrays and dtypes, SciPy sparse
#: matrices, scikit-learn estimators) that a model built by this library contains: every kind of
#: FrameClassifier (each calibration, with and without lexicon features, lexicons given by name,
#: path or Lexicon object), a LexiconVectorizer alone and in a Pipeline. Each of them is harmless to
#: construct with any arguments a file could give (it stores them, reads no file, runs no code).
#: To regenerate after the models change, run ``pytest tests/test_safety.py -k model_kind``: a kind
#: that needs a type not listed fails and names it (``skops.io.get_untrusted_types`` of a freshly
#: saved model); add a name only after checking that constructing it cannot call a function, open a
#: file or import code.
MODEL_TYPES = (
    "framing.learn._ngrams.NgramTfidf",  # scikit-learn's TfidfVectorizer with faster counting; no __setstate__
    "framing.learn.classifier.BlockScaler",  # scales the lexicon block: a weight and fitted norms, no code
    "framing.learn.classifier.FrameClassifier",
    "framing.lexicon.load.Category",
    "framing.lexicon.load.Element",
    "framing.lexicon.load.Lexicon",
    "framing.lexicon.load.Term",
    "framing.match.vectorize.LexiconVectorizer",
    "pathlib.PosixPath",  # a LexiconVectorizer(lexicons=Path(...)); WindowsPath when saved on Windows
    "pathlib.WindowsPath",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.model_selection._split.StratifiedKFold",
)


def save_model(model: Any, path: str | Path) -> Path:
    """Save a fitted model in the skops format (a zip of JSON, no pickle).

    Parameters
    ----------
    model : estimator
        The model, e.g. a fitted :class:`FrameClassifier` or a Pipeline.
    path : str or pathlib.Path
        Where to write; the conventional suffix is ``.skops``.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    import skops.io as sio

    path = Path(path)
    if not path.parent.exists():
        raise InputNotFoundError(f"cannot save the model to {path}: folder {path.parent} does not exist")
    from framing._atomic import atomic_open

    with atomic_open(path, "wb") as fh:  # a complete file or the previous one, never half of one
        sio.dump(model, fh)
    return path


def _is_pickle(head: bytes) -> bool:
    return head[:1] == b"\x80" or head[:1] in (b"(", b"c", b"]", b"}")


def _trusted_names(trusted: Any) -> list[str]:
    """The type names a caller trusts beyond :data:`MODEL_TYPES`, checked."""
    if trusted is None or trusted is False:
        return []
    if trusted is True:
        raise UsageError(
            "trusted=True is not accepted: it would let the file run any code it names. Pass "
            "trusted=[...] with the type names you trust, as listed by the error load_model raises "
            "(or by skops.io.get_untrusted_types)"
        )
    if isinstance(trusted, (str, bytes)) or not isinstance(trusted, (Sequence, set, frozenset)):
        raise UsageError(f"trusted must be a list of type names (str), got {trusted!r}")
    bad = [t for t in trusted if not isinstance(t, str)]
    if bad:
        raise UsageError(f"trusted must be a list of type names (str); these are not: {bad!r}")
    return list(trusted)


def load_model(path: str | Path, *, trusted: Sequence[str] | None = None) -> Any:
    """Load a model saved by :func:`save_model`, refusing unexpected code.

    A skops file lists the Python types it will construct, and some of them
    are called with arguments taken from the file, so a crafted file naming
    an unexpected type could run code or overwrite files. Only skops's own
    safe list (builtins, NumPy arrays, SciPy sparse matrices, scikit-learn
    estimators) and the exact types of the models this library builds
    (:data:`MODEL_TYPES`) load; any other type is refused before anything is
    constructed, unless named in ``trusted``. Pickle and joblib files are
    always refused: unpickling runs whatever code the file names.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.skops`` file.
    trusted : sequence of str, optional
        Further type names to trust, exactly as listed in the error message
        (e.g. ``["mymodule.my_tokenizer"]`` for a Pipeline with your own
        function). Trust only files whose author you trust: a trusted type is
        called with whatever arguments the file holds.

    Returns
    -------
    object
        The model.

    Raises
    ------
    ModelError
        The file is not a valid model file, is corrupted, is a pickle, or
        contains types that are not trusted (the message names them).
    UsageError
        ``trusted`` is not a list of type names (``trusted=True`` included).
    InputNotFoundError
        The file does not exist.

    Notes
    -----
    To bring a pickled model of your own into the skops format, unpickle it
    in your own code (``pickle.load`` / ``joblib.load``, only for a file you
    made) and save it with :func:`save_model`.
    """
    import skops.io as sio

    extra = _trusted_names(trusted)
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"model file {path} does not exist")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if not zipfile.is_zipfile(path):
        if _is_pickle(head):
            raise ModelError(
                f"{path} is a pickle file; unpickling runs whatever code the file names, so load_model never "
                "does. If you made the file yourself, unpickle it in your own code and save it again with "
                "save_model"
            )
        raise ModelError(f"{path} is not a model file saved by save_model (not a skops zip archive)")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:
        raise ModelError(f"{path} is corrupted or not a skops model file: {exc}") from exc
    allowed = sorted(set(MODEL_TYPES) | set(extra))
    refused = sorted(set(untrusted) - set(allowed))
    if refused:
        raise ModelError(
            f"{path} contains types that are not trusted: {refused}. A model file naming them can run code "
            "when loaded; if you trust the file's author, pass trusted=[...] with these names"
        )
    try:
        # skops checks the types again against the same list before constructing anything
        return sio.load(path, trusted=allowed)
    except Exception as exc:
        raise ModelError(f"{path} is corrupted or could not be loaded: {exc}") from exc
