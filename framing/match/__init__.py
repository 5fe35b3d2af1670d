"""Matching lexicons against a corpus: the compiled matcher, ``find`` (every match with its voice and
negation), ``score`` (document x category x voice counts and rates), ``kwic``, and the scikit-learn
:class:`LexiconVectorizer`.

Stage ``match`` may import :mod:`framing.errors`, :mod:`framing.schema`, :mod:`framing.io`,
:mod:`framing.text` and :mod:`framing.lexicon`.
"""

from typing import Any

from framing.match.coverage import lexicon_coverage
from framing.match.kwic import kwic
from framing.match.matcher import Matcher, find, score

__all__ = ["LexiconVectorizer", "Matcher", "find", "kwic", "lexicon_coverage", "score"]


def __getattr__(name: str) -> Any:
    # the vectorizer needs scikit-learn, imported only when it is used
    if name == "LexiconVectorizer":
        from framing.match.vectorize import LexiconVectorizer

        return LexiconVectorizer
    raise AttributeError(f"module 'framing.match' has no attribute {name!r}")
