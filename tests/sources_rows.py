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


def sources_of(text: str, date: str = "2017-05-01", **kwargs) -> pd.DataFrame:
    """The sources rows of one text of ``date`` (home side "United States" unless given), in text order."""
    kwargs.setdefault("home", "United States")
    table = framing.sources(corpus(text).assign(date=date), **kwargs)
    return table.sort_values("cue_start").reset_index(drop=True)


def verb_row(text: str, verb: str, date: str = "2019-06-01") -> pd.Series:
    """The one sources row of a text of ``date`` whose cue is ``verb``."""
    table = sources_of(text, date)
    rows = table[table["verb"] == verb]
    assert len(rows) == 1, f"{verb!r} in {list(table['verb'])}"
    return rows.iloc[0]


def only_row(text: str, date: str = "2017-05-01") -> dict:
    """The one sources row of a text of one statement."""
    found = sources_of(text, date)
    assert len(found) == 1, found
    return found.iloc[0].to_dict()


def side(row: pd.Series | dict) -> str | None:
    return row["affiliation"] if isinstance(row["affiliation"], str) else None
