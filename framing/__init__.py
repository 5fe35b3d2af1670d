"""framing: source-bias and framing analysis of news.

Every stage takes and returns a tidy :class:`pandas.DataFrame` whose columns are
listed in :mod:`framing.schema`. Offsets (``start``, ``end``) always index the
corpus ``text`` column, end exclusive, so ``text[start:end]`` is the evidence.

The public functions are imported lazily, so ``import framing`` stays fast and
optional parts (Dask, HTML extraction) are only needed when used.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
from typing import Any

__version__ = "0.1.0"

# public name -> the stage (subpackage) that exports it, grouped by stage
_EXPORTS: dict[str, str] = {
    # io: reading corpora
    "read_corpus": "framing.io",
    "read_tables": "framing.io",
    "example_corpus": "framing.io",
    "clean_corpus": "framing.io",
    "removed_lines": "framing.io",
    "account": "framing.io",
    # text: sentences, quotes, voice
    "annotate": "framing.text",
    "Annotations": "framing.text",
    "sentences": "framing.text.sentences",
    "quotes": "framing.text.annotate",
    "voice": "framing.text.annotate",
    "count_tokens": "framing.text",
    # lexicons and matching
    "load_lexicon": "framing.lexicon",
    "lexicon_names": "framing.lexicon",
    "Lexicon": "framing.lexicon",
    "lint_lexicon": "framing.lexicon",
    "Matcher": "framing.match",
    "find": "framing.match",
    "score": "framing.match",
    "kwic": "framing.match",
    "LexiconVectorizer": "framing.match",
    "lexicon_coverage": "framing.match",
    # framing measures
    "actor_labels": "framing.measures",
    "attributions": "framing.measures",
    "casualties": "framing.measures",
    "load_sides": "framing.measures",
    "sources": "framing.measures",
    "wire_pairs": "framing.measures",
    "edits": "framing.measures",
    "on_edits": "framing.measures",
    # statistics
    "compare": "framing.stats",
    "compare_shares": "framing.stats",
    "casualty_asymmetry": "framing.stats",
    "mentions_per_death": "framing.stats",
    "emotive_by_side": "framing.stats",
    "emotive_statements": "framing.stats",
    "side_agreement": "framing.stats",
    "document_sides": "framing.stats",
    "keyness": "framing.stats",
    "source_shares": "framing.stats",
    "source_balance": "framing.stats",
    "article_balance": "framing.stats",
    "trends": "framing.stats",
    "bootstrap": "framing.stats",
    "permutation_test": "framing.stats",
    "ResultTable": "framing.stats",
    "SmallSampleWarning": "framing.stats",
    # classifiers and validation
    "FrameClassifier": "framing.learn",
    "evaluate": "framing.learn",
    "compare_evaluations": "framing.learn",
    "distinguishability": "framing.learn",
    "predict": "framing.learn",
    "save_model": "framing.learn",
    "load_model": "framing.learn",
    "annotation_sample": "framing.learn",
    "agreement": "framing.learn",
    "validate": "framing.learn",
    # building a lexicon from seed words, reviewing it, seed-word scaling
    "word_vectors": "framing.learn",
    "suggest_terms": "framing.learn",
    "review_sample": "framing.learn",
    "review_precision": "framing.learn",
    "scale_documents": "framing.learn",
    "word_polarity": "framing.learn",
    # report and studies
    "report": "framing.report",
    "run_study": "framing.report",
    # errors
    "FramingError": "framing.errors",
    "CorpusError": "framing.errors",
    "LexiconError": "framing.errors",
    "SchemaError": "framing.errors",
    "ModelError": "framing.errors",
    "StatisticsError": "framing.errors",
    "UsageError": "framing.errors",
}

# modules reachable as attributes of the package: ``framing.plot.save_figure(...)``, ``framing.stream``, ...
_MODULES: dict[str, str] = {
    "plot": "framing.report.plot",
    "stream": "framing.scale.stream",
    "dask": "framing.scale.dask",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | set(_MODULES))


class _Package(types.ModuleType):
    """Keep ``framing.report`` the function once the :mod:`framing.report` stage is imported.

    Importing a subpackage sets it as an attribute of the package; where the
    subpackage exports a public function of its own name, the function is kept.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if (isinstance(value, types.ModuleType) and _EXPORTS.get(name) == value.__name__
                and callable(getattr(value, name, None))):
            value = getattr(value, name)
        super().__setattr__(name, value)


class _ModuleAliases(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import framing.dask`` / ``from framing.stream import score_file`` give the stage modules of :data:`_MODULES`."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname.startswith(__name__ + ".") and fullname[len(__name__) + 1:] in _MODULES:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: Any) -> types.ModuleType:
        return importlib.import_module(_MODULES[spec.name[len(__name__) + 1:]])

    def exec_module(self, module: types.ModuleType) -> None:
        """The module is the stage module, already executed."""


sys.modules[__name__].__class__ = _Package
sys.meta_path.append(_ModuleAliases())
