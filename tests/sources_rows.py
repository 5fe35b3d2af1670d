"""Reading one row of :func:`framing.sources` on a text written for a test."""

from __future__ import annotations

import pandas as pd

import framing


def corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "Test", "text": list(texts)})


def row_at(text: str, snippet: str, cue: str, **kwargs) -> pd.Series:
    """The sources row of the cue ``cue`` inside the first occurrence of ``snippet``."""
    table = framing.sources(corpus(text), **kwargs)
    at = text.index(snippet) + snippet.index(cue)
    hit = table[table["cue_start"] == at]
    assert len(hit) == 1, f"no row for cue {cue!r} in {snippet!r}: {table[['verb', 'cue_start']].values.tolist()}"
    return hit.iloc[0]


def side(row: pd.Series) -> str | None:
    return row["affiliation"] if isinstance(row["affiliation"], str) else None
