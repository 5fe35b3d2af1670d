"""The text layer shared by every measure: tokens, sentences, the grammar (word lists, noun phrases, clause
subjects), quotes and their speakers, voice, and :func:`annotate`, which builds the sentence, quote and voice
tables of a corpus once.

Stage ``text`` may import :mod:`framing.errors`, :mod:`framing.schema`, :mod:`framing.registry` and
:mod:`framing.io`. The table functions :func:`framing.sentences`, :func:`framing.quotes` and
:func:`framing.voice` live in :mod:`framing.text.sentences` and :mod:`framing.text.annotate`; this package
exports the names that do not share a module's name.
"""

from framing.text.annotate import Annotations, annotate
from framing.text.quotes import find_quotes
from framing.text.sentences import split_sentences
from framing.text.tokens import count_tokens, n_tokens, normalize, tokenize
from framing.text.voice import voice_of, voice_spans

__all__ = [
    "Annotations", "annotate", "count_tokens", "find_quotes", "n_tokens", "normalize", "split_sentences", "tokenize",
    "voice_of", "voice_spans",
]
