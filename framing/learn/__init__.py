"""Learning and validation: the :class:`FrameClassifier` estimator, grouped evaluation and distinguishability,
model files, human coding (annotation samples, agreement, validation against gold spans), and building a
lexicon from seed words: word vectors fitted on the corpus, term suggestions, review in context and precision,
and seed-word scaling of documents.

Stage ``learn`` may import every stage above :mod:`framing.stats`, and :mod:`framing.stats` itself.
"""

from typing import Any

from framing.learn.coding import agreement, annotation_sample, validate

__all__ = [
    "FrameClassifier", "compare_evaluations", "WordVectors", "agreement", "annotation_sample", "distinguishability", "evaluate",
    "load_model", "predict", "review_precision", "review_sample", "save_model", "scale_documents", "suggest_terms",
    "validate", "word_polarity", "word_vectors",
]

_SEEDED = {
    "WordVectors": "framing.learn.vectors", "word_vectors": "framing.learn.vectors",
    "suggest_terms": "framing.learn.suggest", "review_sample": "framing.learn.review",
    "review_precision": "framing.learn.review", "scale_documents": "framing.learn.scaling",
    "word_polarity": "framing.learn.scaling",
}

_CLASSIFIER = frozenset({"FrameClassifier", "compare_evaluations", "distinguishability", "evaluate", "load_model",
                         "predict", "save_model"})


def __getattr__(name: str) -> Any:
    # the classifier needs scikit-learn, imported only when it is used
    if name in _SEEDED:  # scikit-learn and statsmodels, imported only when used
        import importlib

        return getattr(importlib.import_module(_SEEDED[name]), name)
    if name in _CLASSIFIER:
        from framing.learn import classifier

        return getattr(classifier, name)
    raise AttributeError(f"module 'framing.learn' has no attribute {name!r}")
