"""framing: source-bias and framing analysis of news.

Every stage takes and returns a tidy :class:`pandas.DataFrame` whose columns are
listed in :mod:`framing.schema`. Offsets (``start``, ``end``) always index the
corpus ``text`` column, end exclusive, so ``text[start:end]`` is the evidence.

The public functions are imported lazily, so ``import framing`` stays fast and
optional parts (Dask, HTML extraction) are only needed when used.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # corpus
    "read_corpus": "framing.corpus",
    "example_corpus": "framing.corpus",
    "clean_corpus": "framing.corpus",
    "removed_lines": "framing.corpus",
    "account": "framing.accounting",
    # text
    "sentences": "framing.sentences",
    "quotes": "framing.quotes",
    "voice": "framing.quotes",
    # lexicons and matching
    "load_lexicon": "framing.lexicon",
    "lexicon_names": "framing.lexicon",
    "Lexicon": "framing.lexicon",
    "find": "framing.match",
    "score": "framing.match",
    "kwic": "framing.match",
    "LexiconVectorizer": "framing.vectorize",
    "count_tokens": "framing.tokens",
    # framing measures
    "actor_labels": "framing.actors",
    "attributions": "framing.attribution",
    "casualties": "framing.casualties",
    "wire_pairs": "framing.wire",
    "edits": "framing.wire",
    "on_edits": "framing.wire",
    # statistics
    "compare": "framing.stats",
    "compare_shares": "framing.stats",
    "keyness": "framing.keyness",
    "bootstrap": "framing.resample",
    "permutation_test": "framing.resample",
    "ResultTable": "framing.stats",
    "SmallSampleWarning": "framing.stats",
    # classifiers and validation
    "FrameClassifier": "framing.classify",
    "evaluate": "framing.classify",
    "compare_evaluations": "framing.classify",
    "distinguishability": "framing.classify",
    "predict": "framing.classify",
    "save_model": "framing.classify",
    "load_model": "framing.classify",
    "annotation_sample": "framing.validation",
    "agreement": "framing.validation",
    "validate": "framing.validation",
    # report and studies
    "report": "framing.reporting",
    "run_study": "framing.study",
    # errors
    "FramingError": "framing.errors",
    "CorpusError": "framing.errors",
    "LexiconError": "framing.errors",
    "SchemaError": "framing.errors",
    "ModelError": "framing.errors",
    "StatisticsError": "framing.errors",
    "UsageError": "framing.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


class _Package(types.ModuleType):
    """Keep ``framing.sentences`` / ``framing.quotes`` the functions once their same-named modules are imported.

    Importing a submodule sets it as an attribute of the package; where the
    submodule defines a public function of its own name, the function is kept.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if (isinstance(value, types.ModuleType) and _EXPORTS.get(name) == value.__name__
                and callable(getattr(value, name, None))):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
