"""The tokens of the sentences a measure reads, found once and looked up by offset.

A measure that reads only the sentences holding one of its words (a reporting cue, a death or injury
word) tokenises those and nothing else; these helpers pick the sentences from the matches, keep each
sentence's tokens, and find the tokens under a span by bisection instead of a scan of the sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from framing.text.grammar import Token

__all__ = ["sentence_tokens", "tokens_over"]

T = TypeVar("T", bound=Token)


def sentence_tokens(
    text: str,
    spans: Sequence[tuple[int, int]],
    starts: np.ndarray,
    wanted: np.ndarray,
    tokenize: Callable[[str, int, int], list[T]],
) -> list[tuple[int, int, int, int, list[T]]]:
    """The sentences of one document that hold a wanted match, with their tokens.

    Parameters
    ----------
    text : str
        The document.
    spans : sequence of (int, int)
        Its sentence spans, in order and disjoint.
    starts : numpy.ndarray
        The start offsets of its matches, sorted.
    wanted : numpy.ndarray of bool
        Which matches call for their sentence.
    tokenize : callable
        ``tokenize(text, start, end)`` gives the tokens of a sentence.

    Returns
    -------
    list of (sentence_id, start, first, stop, tokens)
        In sentence order: the sentence, its start offset, the matches starting in it (``starts[first:stop]``)
        and its tokens. Only the sentences where a wanted match starts are tokenised.
    """
    sentence_starts = [a for a, _ in spans]
    ids = sorted({bisect.bisect_right(sentence_starts, x) - 1 for x in starts[wanted].tolist()})
    out = []
    for sid in ids:
        if sid < 0:
            continue  # a match before the first sentence
        a, b = spans[sid]
        first = int(starts.searchsorted(a, side="left"))
        stop = int(starts.searchsorted(b, side="left"))
        if first == stop or not wanted[first:stop].any():
            continue  # the match lies between sentences
        out.append((sid, a, first, stop, tokenize(text, a, b)))
    return out


def tokens_over(tokens: Sequence[T], start: int, end: int) -> list[T]:
    """The tokens (in order, disjoint) that overlap the character span ``[start, end)``."""
    k = bisect.bisect_right(tokens, start, key=_end)  # the first token ending after ``start``
    stop = k
    while stop < len(tokens) and tokens[stop].start < end:
        stop += 1
    return list(tokens[k:stop])


def _end(token: Token) -> int:
    return token.end
