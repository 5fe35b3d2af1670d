"""Lexicons as data: the model (:class:`Lexicon`, categories, terms), loading (bundled names, YAML, LIWC ``.dic``,
quanteda YAML) and validation that names the file, the line and the entry.

Stage ``lexicon`` may import :mod:`framing.errors`, :mod:`framing.schema`, :mod:`framing.io` and
:mod:`framing.text`. Matching a lexicon against text is :mod:`framing.match`'s job.
"""

from framing.lexicon.check import lint_lexicon
from framing.lexicon.load import (
    Lexicon,
    LexiconWarning,
    check_lexicon,
    lexicon_from_dict,
    lexicon_names,
    load_lexicon,
    resolve_lexicons,
)

__all__ = [
    "Lexicon", "LexiconWarning", "check_lexicon", "lint_lexicon", "lexicon_from_dict", "lexicon_names", "load_lexicon",
    "resolve_lexicons",
]
