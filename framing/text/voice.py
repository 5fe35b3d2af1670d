"""Voice: which voice each character of a document is in — the outlet's own (``narrator``), a source's
(``quote``) or a phrase held at a distance (``scare_quote``) — as contiguous spans built from its quotes.
A quoted title, name or word mentioned as a word (kind ``title``) is in the narrator's voice."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from framing.errors import SchemaError
from framing.text.quotes import Quote, analyse_quotes

__all__ = ["voice_of", "voice_spans", "voice_with_ids"]


def voice_spans(text: str) -> list[tuple[int, int, str]]:
    """Contiguous voice spans covering the whole text.

    Parameters
    ----------
    text : str
        The document text.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, voice)`` with voice ``"narrator"``, ``"quote"`` (a
        direct quote, from its opening mark to its closing mark) or
        ``"scare_quote"``; a quoted title is ``"narrator"``. The spans are in order, never empty, and cover
        ``0 .. len(text)`` without gaps; an empty text gives an empty list.
    """
    # the kind of a quote, hence its voice, does not depend on resolving a pronoun speaker; the speakers
    # themselves are not wanted here
    return [(a, b, v) for a, b, v, _ in quote_voice(text)]


def quote_voice(text: str) -> list[tuple[int, int, str, int | None]]:
    """:func:`voice_with_ids` of the quotes of ``text``, analysed for their kinds only."""
    return voice_with_ids(text, analyse_quotes(text, False, speakers=False)[0]) if text else []


def voice_with_ids(text: str, found: Sequence[Quote]) -> list[tuple[int, int, str, int | None]]:
    """:func:`voice_spans` from quotes already found, each span with the index of its quote (None: narrator)."""
    out: list[tuple[int, int, str, int | None]] = []
    pos = 0
    for qid, q in enumerate(found):
        if q.kind == "title":
            continue  # a quoted name or title is the narrator's own text
        if q.open_start > pos:
            out.append((pos, q.open_start, "narrator", None))
        if q.close_end > q.open_start:
            out.append((q.open_start, q.close_end, "scare_quote" if q.kind == "scare" else "quote", qid))
        pos = max(pos, q.close_end)
    if pos < len(text):
        out.append((pos, len(text), "narrator", None))
    return out


def voice_of(spans: Sequence[tuple[int, int, str]], offsets: int | Sequence[int] | np.ndarray) -> np.ndarray:
    """Voice label at each character offset.

    Parameters
    ----------
    spans : sequence of (int, int, str)
        The spans of one document from :func:`voice_spans`.
    offsets : int or array-like of int
        Character offsets into the same document (``0 <= offset < len(text)``).

    Returns
    -------
    numpy.ndarray
        An object array of voice labels, one per offset (shape of ``offsets``).

    Raises
    ------
    framing.errors.SchemaError
        If an offset lies outside the spans.
    """
    off = np.asarray(offsets, dtype=np.int64)
    if not len(spans):
        if off.size:
            raise SchemaError("voice_of: the document has no voice spans (empty text), so no offset can be looked up")
        return np.empty(off.shape, dtype=object)
    starts = np.fromiter((s for s, _, _ in spans), dtype=np.int64, count=len(spans))
    last_end = spans[-1][1]
    labels = np.array([v for _, _, v in spans], dtype=object)
    if off.size and (off.min() < starts[0] or off.max() >= last_end):
        raise SchemaError(f"voice_of: offsets must lie in [{int(starts[0])}, {last_end}); "
                          f"got min {int(off.min())}, max {int(off.max())}")
    idx = np.searchsorted(starts, off, side="right") - 1
    return labels[idx]
