"""The text layer: tokens, sentences, quotes and voice, shared by every measure.

Stage ``text`` may import :mod:`framing.errors`, :mod:`framing.schema` and :mod:`framing.io`.
"""

from framing.text.annotate import Annotations, annotate, quotes, voice
from framing.text.quotes import find_quotes
from framing.text.voice import voice_of, voice_spans
from framing.text.sentences import sentences, split_sentences
from framing.text.tokens import count_tokens, n_tokens, normalize, tokenize

__all__ = [
    "Annotations", "annotate", "count_tokens", "find_quotes", "n_tokens", "normalize", "quotes", "sentences", "split_sentences", "tokenize",
    "voice", "voice_of", "voice_spans",
]
