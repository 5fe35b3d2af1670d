"""Learning and validation: the :class:`FrameClassifier` estimator, grouped evaluation and distinguishability,
model files, and human coding (annotation samples, agreement, validation against gold spans).

Stage ``learn`` may import every stage above :mod:`framing.stats`, and :mod:`framing.stats` itself.
"""

from typing import Any

from framing.learn.coding import agreement, annotation_sample, validate

__all__ = [
    "FrameClassifier", "agreement", "annotation_sample", "distinguishability", "evaluate", "load_model", "predict",
    "save_model", "validate",
]

_CLASSIFIER = frozenset({"FrameClassifier", "distinguishability", "evaluate", "load_model", "predict", "save_model"})


def __getattr__(name: str) -> Any:
    # the classifier needs scikit-learn, imported only when it is used
    if name in _CLASSIFIER:
        from framing.learn import classifier

        return getattr(classifier, name)
    raise AttributeError(f"module 'framing.learn' has no attribute {name!r}")
