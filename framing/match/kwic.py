"""Keyword in context: each match with the words around it, for reading the evidence."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing import schema
from framing._checks import check_count
from framing.errors import SchemaError
from framing.match.engine import texts_of, thread_scanner

__all__ = ["KWIC", "kwic"]

#: columns of :func:`kwic`
KWIC = (
    "doc_id", "outlet", "sentence_id", "start", "end", "lexicon", "category", "term",
    "voice", "negated", "left", "match", "right",
)


def kwic(
    matches: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    window: int = 5,
) -> pd.DataFrame:
    """Keyword-in-context lines for matches.

    Parameters
    ----------
    matches : pandas.DataFrame
        A table from :func:`find` (or any table with ``doc_id``, ``start``, ``end``).
    corpus : pandas.DataFrame
        The corpus the matches come from.
    window : int, default 5
        Word tokens of context on each side (punctuation in between is kept).

    Returns
    -------
    pandas.DataFrame
        One row per match, in the order given: ``doc_id``, ``outlet``,
        ``sentence_id``, ``start``, ``end``, ``lexicon``, ``category``,
        ``term``, ``voice``, ``negated`` (copied from ``matches``; missing if
        absent there), ``left`` (str: the context before the match),
        ``match`` (str: ``text[start:end]``), ``right`` (str: the context
        after). Line breaks in the context are shown as spaces.
    """
    schema.require(matches, ("doc_id", "start", "end"), what="matches table")
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    check_count("window", window)
    texts = dict(zip(corpus["doc_id"].astype(str), texts_of(corpus)))
    scanner = thread_scanner()  # the texts were most likely just matched: their chunks are cached
    n = len(matches)
    left = [""] * n
    right = [""] * n
    mtext = [""] * n
    doc_col = matches["doc_id"].astype(str).to_numpy()
    s_col = matches["start"].to_numpy(dtype=np.int64)
    e_col = matches["end"].to_numpy(dtype=np.int64)
    order = np.argsort(doc_col, kind="stable")
    i = 0
    while i < n:
        doc = doc_col[order[i]]
        j = i
        while j < n and doc_col[order[j]] == doc:
            j += 1
        rows = order[i:j]
        i = j
        text = texts.get(doc)
        if text is None:
            raise SchemaError(f"kwic: document {doc!r} of the matches table is not in the corpus")
        toks = scanner.scan(text)
        words_mask_cache = scanner.word_mask()
        is_word = words_mask_cache[toks.type_id] if toks.type_id.size else np.zeros(0, dtype=bool)
        word_idx = np.flatnonzero(is_word)
        w_start = toks.start[word_idx]
        w_end = toks.end[word_idx]
        for r in rows:
            a, b = int(s_col[r]), int(e_col[r])
            if a < 0 or b > len(text) or a > b:
                raise SchemaError(f"kwic: offsets [{a}, {b}) lie outside document {doc!r} (length {len(text)})")
            k = int(np.searchsorted(w_end, a, side="right"))  # words ending at or before a
            lo = int(w_start[max(k - window, 0)]) if window and k > 0 else a
            k2 = int(np.searchsorted(w_start, b, side="left"))  # first word starting at or after b
            hi = int(w_end[min(k2 + window - 1, w_end.size - 1)]) if window and k2 < w_start.size else b
            left[r] = " ".join(text[lo:a].split())
            right[r] = " ".join(text[b:hi].split())
            mtext[r] = text[a:b]
    cols = {}
    for c in KWIC:
        if c in ("left", "right", "match"):
            continue
        cols[c] = matches[c].reset_index(drop=True) if c in matches.columns else pd.Series([pd.NA] * n)
    out = pd.DataFrame(cols)
    out["left"] = pd.Series(left, dtype="str")
    out["match"] = pd.Series(mtext, dtype="str")
    out["right"] = pd.Series(right, dtype="str")
    return out[list(KWIC)]
