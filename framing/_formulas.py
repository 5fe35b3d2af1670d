"""CSV cells a spreadsheet would run as formulas, neutralised.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run
as a formula when a CSV file is opened in Excel, LibreOffice or Google Sheets
(``=HYPERLINK("http://evil.example", "click")``). As OWASP recommends, such a cell is
written with a leading apostrophe, which spreadsheets show as text. Only text cells are
changed: numbers, and text that is a plain number (``-3``, ``+1.5e3``), are written as
they are. A text cell that already starts with apostrophes followed by such a character
gets one more, so that :func:`restore` gives back exactly the original text.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

__all__ = ["neutralise", "restore", "neutralise_cell"]

#: first characters that make a spreadsheet evaluate a cell (OWASP "CSV injection")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _risky(value: str) -> bool:
    bare = value.lstrip("'")
    return bare[:1] in TRIGGERS and not _NUMBER.fullmatch(bare)


def neutralise_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula."""
    return "'" + value if isinstance(value, str) and _risky(value) else value


def restore(value: Any) -> Any:
    """The text :func:`neutralise_cell` was given, from what it returned."""
    return value[1:] if isinstance(value, str) and value.startswith("'") and _risky(value[1:]) else value


def _column(values: pd.Series) -> pd.Series | None:
    """The neutralised column, or None when no cell needs it."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        if not any(isinstance(c, str) and _risky(c) for c in values.cat.categories):
            return None
        return values.astype(object).map(neutralise_cell)
    if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
        return None  # numbers, booleans and dates are never changed
    try:
        distinct = pd.unique(values.to_numpy(dtype=object))
    except TypeError:  # unhashable cells (lists): look at every one
        distinct = values.to_numpy(dtype=object)
    risky = [v for v in distinct if isinstance(v, str) and _risky(v)]
    if not risky:
        return None
    return values.map(neutralise_cell)


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) cannot run as spreadsheet formulas.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table about to be written as CSV or TSV.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when no cell needs a change; otherwise a copy in which every text
        cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (and not a
        plain number) has a leading ``'``. Numeric columns are never changed.
    """
    changed = {}
    for position, name in enumerate(frame.columns):
        column = _column(frame.iloc[:, position])
        if column is not None:
            changed[position] = column
    names = [neutralise_cell(c) for c in frame.columns]
    if not changed and names == list(frame.columns):
        return frame
    out = frame.copy(deep=False)
    for position, column in changed.items():
        out.isetitem(position, column)
    out.columns = names
    return out
