"""Reading a news corpus and cleaning site boilerplate out of it.

A corpus is a :class:`pandas.DataFrame` with one row per document and the
required columns ``doc_id`` (unique str), ``outlet`` (str) and ``text`` (str),
plus any metadata columns (``title``, ``date``, ``url``, ``agency``,
``country``, …) kept as given. When cleaning is on (the default) two columns
are added: ``raw_text`` (the text as read) and ``removed`` (what cleaning took
out, one line per removed piece; :func:`removed_lines` turns it into a table).
The cleaned ``text`` is the text every offset in the library refers to.
"""

from __future__ import annotations

import codecs
import warnings
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import schema
from framing.errors import CorpusError, InputNotFoundError
from framing.io.cleaning import DEFAULT_PATTERNS, clean_corpus, clean_text, removed_lines
from framing.io.readers import LONE_SURROGATE, SUPPORTED_FORMATS, detect_format, read_directory, read_file, read_table

__all__ = ["DEFAULT_PATTERNS", "LONE_SURROGATE", "SUPPORTED_FORMATS", "as_corpus", "clean_corpus", "clean_text",
           "example_corpus", "read_corpus", "read_table", "removed_lines"]


def _where(positions: pd.Index | None, rows: list[int]) -> str:
    """``line 3`` or ``lines 3, 8, …``: where records at 0-based ``rows`` are in their source."""
    unit = str(positions.name) if positions is not None and positions.name else "record"
    shown = [int(positions[i]) if positions is not None else i + 1 for i in rows[:10]]
    listed = ", ".join(map(str, shown)) + (" …" if len(rows) > 10 else "")
    return f"{unit} {listed}" if len(rows) == 1 else f"{unit}s {listed}"


#: JSON / Parquet values that are not text: refused as a doc_id, outlet or text
_NOT_TEXT = (list, tuple, dict, set, np.ndarray, bool, np.bool_)
#: kinds of :func:`pandas.api.types.infer_dtype` a column of text, numbers and missing values has
_TEXT_KINDS = {"string", "empty", "integer", "floating", "mixed-integer-float", "decimal"}


def _text_values(
    table: pd.DataFrame, columns: Iterable[str], source: str, positions: pd.Index | None
) -> pd.DataFrame:
    """``table`` with bytes in ``columns`` decoded as UTF-8 (undecodable bytes replaced, with a
    warning naming the column and the records); a list, mapping or true/false value there is an error."""
    decoded: dict[str, list[Any]] = {}
    for column in dict.fromkeys(columns):
        if column not in table.columns:
            continue
        values = table[column]
        if values.dtype == bool:
            bad = list(range(len(values)))
        elif values.dtype != object or pd.api.types.infer_dtype(values, skipna=True) in _TEXT_KINDS:
            continue
        else:
            bad = [i for i, v in enumerate(values) if isinstance(v, _NOT_TEXT)]
        if bad:
            value = values.iloc[bad[0]]
            kind = ("true/false" if isinstance(value, (bool, np.bool_)) else
                    "a mapping" if isinstance(value, dict) else "a list")
            raise CorpusError(
                f"{source}, {_where(positions, bad)}: {column} is {kind} ({str(value)[:60]}), expected text"
            )
        if any(isinstance(v, (bytes, bytearray)) for v in values):
            decoded[column], undecodable = _decoded(values)
            if undecodable:
                warnings.warn(
                    f"{source}, {_where(positions, undecodable)}: undecodable bytes as UTF-8 in column "
                    f"{column!r}; they were replaced with U+FFFD",
                    UnicodeWarning,
                    stacklevel=4,
                )
    if not decoded:
        return table
    return table.assign(**{c: pd.Series(v, index=table.index, dtype=object) for c, v in decoded.items()})


def _decoded(values: pd.Series) -> tuple[list[Any], list[int]]:
    """``values`` with bytes decoded as UTF-8, and the positions where bytes were undecodable."""
    out, undecodable = [], []
    for i, value in enumerate(values):
        if isinstance(value, (bytes, bytearray)):
            try:
                value = bytes(value).decode("utf-8")
            except UnicodeDecodeError:
                value = bytes(value).decode("utf-8", errors="replace")
                undecodable.append(i)
        out.append(value)
    return out, undecodable


def as_corpus(
    table: pd.DataFrame,
    *,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    source: str = "the table",
    positions: pd.Index | None = None,
) -> pd.DataFrame:
    """Check a table of documents and turn it into a corpus.

    Parameters
    ----------
    table : pandas.DataFrame
        Records with an id, an outlet and a text column (named by the ``*_col`` options).
    doc_id_col, outlet_col, text_col : str
        Names of those columns in ``table``; they are renamed to ``doc_id``, ``outlet``, ``text``.
    outlet : str, optional
        The outlet of every document that has none (no outlet column, or an empty value).
    clean : bool
        Remove boilerplate (see :func:`clean_text`); default True.
    patterns : mapping, optional
        Boilerplate rules replacing :data:`DEFAULT_PATTERNS`.
    keep_raw : bool
        Keep the text as read in ``raw_text`` when cleaning.
    source : str
        Where the table came from, named in errors and warnings.
    positions : pandas.Index, optional
        Where each record is in ``source``, named in errors: an index of numbers named after
        their unit, e.g. ``pd.Index([2, 3, 5], name="line")``. Default: the record's 1-based number.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``outlet`` (str), ``text`` (str), then every other column as given;
        with cleaning, also ``raw_text`` and ``removed``. Bytes in those three columns are
        decoded as UTF-8 (undecodable bytes replaced with U+FFFD, with a warning naming the
        column and the records).

    Raises
    ------
    SchemaError
        A required column is missing (the message names the file, the column and the columns found).
    CorpusError
        An empty ``doc_id``, a ``doc_id``, outlet or text that is a list, a mapping or true/false
        (the message names the record), or duplicate ``doc_id`` values (listed in the message).
    """
    found = list(map(str, table.columns))
    renames = {doc_id_col: "doc_id", outlet_col: "outlet", text_col: "text"}
    if positions is not None and len(positions) != len(table):
        positions = None
    table = _text_values(table, (doc_id_col, outlet_col, text_col), source, positions)
    if outlet is not None:
        filled = table[outlet_col].fillna(outlet) if outlet_col in table.columns else outlet
        table = table.assign(**{outlet_col: filled})
    for column in (doc_id_col, outlet_col, text_col):
        if column not in table.columns:
            hint = ""
            if column == outlet_col:
                hint = " (or give every document one outlet: outlet='Name', or --outlet NAME on the command line)"
            raise schema.SchemaError(
                f"{source}: missing required column {column!r}{hint}; columns found: {found}"
            )
    clash = [new for old, new in renames.items() if old != new and new in table.columns]
    if clash:
        raise schema.SchemaError(
            f"{source}: column(s) {clash} exist already and would be overwritten by renaming "
            f"{[k for k, v in renames.items() if v in clash]}"
        )
    out = table.rename(columns=renames)
    front = ["doc_id", "outlet", "text"]
    out = out[front + [c for c in out.columns if c not in front]].reset_index(drop=True)

    ids = out["doc_id"]
    blank = ids.isna() | (ids.astype(str).str.strip() == "")
    if blank.any():
        where = _where(positions, np.flatnonzero(blank.to_numpy()).tolist())
        raise CorpusError(f"{source}, {where}: doc_id is empty; every document needs an id")
    out["doc_id"] = ids.astype(str)
    dup = out["doc_id"][out["doc_id"].duplicated()].unique().tolist()
    if dup:
        raise CorpusError(f"{source}: duplicate doc_id values: {dup[:20]}" + (" …" if len(dup) > 20 else ""))
    outlets = out["outlet"]
    if outlets.isna().any():
        bad = out.loc[outlets.isna(), "doc_id"].tolist()
        raise CorpusError(f"{source}: outlet is empty for document(s) {bad[:10]}")
    out["outlet"] = outlets.astype(str)

    texts = out["text"]
    empty_mask = texts.isna() | (texts.astype(str).str.strip() == "")
    out["text"] = texts.where(~texts.isna(), "").astype(str)
    if clean:
        out = clean_corpus(out, patterns=patterns, keep_raw=keep_raw)
        empty_mask = empty_mask | (out["text"].str.len() == 0)
    if empty_mask.any():
        empty = out.loc[empty_mask, "doc_id"].tolist()
        warnings.warn(
            f"{source}: {len(empty)} empty document(s) kept with no text: {empty[:10]}",
            UserWarning,
            stacklevel=2,
        )
    return out


def read_corpus(
    path: str | Path,
    *,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a news corpus from a file or a directory.

    Parameters
    ----------
    path : str or Path
        One of: a directory of ``.txt`` files with an optional ``metadata.csv`` or
        ``metadata.jsonl`` sidecar joined on its ``file`` (file name) or ``doc_id``
        (file name without extension) column; a directory of ``.html`` files (main
        text extracted with trafilatura; needs the ``[html]`` extra); a ``.csv``,
        ``.tsv``, ``.jsonl``, ``.jsonl.gz`` or ``.parquet`` file with one document per row.
    doc_id_col, outlet_col, text_col : str
        Column names in the file, e.g. ``text_col="content"``, ``outlet_col="source"``.
        A text directory without a ``doc_id`` in its sidecar uses the file name without extension.
    outlet : str, optional
        The outlet of every document the source gives none (no outlet column, or an empty value).
    clean : bool
        Remove site boilerplate lines (see :func:`clean_text`), default True.
    patterns : mapping of str to str, optional
        Boilerplate rules replacing :data:`DEFAULT_PATTERNS`.
    keep_raw : bool
        Keep the text as read in ``raw_text`` (default True).
    encoding : str
        Encoding of text files; undecodable bytes are replaced with a warning naming the file.

    Returns
    -------
    pandas.DataFrame
        The corpus: ``doc_id``, ``outlet``, ``text`` (cleaned), every metadata column as given
        and, with cleaning, ``raw_text`` and ``removed``.

    Raises
    ------
    InputNotFoundError
        The path does not exist.
    CorpusError
        Unsupported format, malformed file (the message names the file and the line), duplicate ids.
    SchemaError
        A required column is missing (the message names the file, the column and the columns found).

    Examples
    --------
    >>> import framing
    >>> corpus = framing.read_corpus("articles.jsonl.gz", text_col="content", outlet_col="source")  # doctest: +SKIP
    """
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    codecs.lookup(encoding)
    fmt = detect_format(path)
    positions = None
    if fmt == "dir":
        table, source = read_directory(path, encoding, doc_id_col)
    else:
        table, positions = read_file(path, fmt, encoding, (doc_id_col, outlet_col, text_col))
        source = str(path)
    return as_corpus(
        table,
        doc_id_col=doc_id_col,
        outlet_col=outlet_col,
        text_col=text_col,
        outlet=outlet,
        clean=clean,
        patterns=patterns,
        keep_raw=keep_raw,
        source=source,
        positions=positions,
    )


def example_corpus(*, clean: bool = True) -> pd.DataFrame:
    """The bundled example: five articles on the January 2024 Iran–Pakistan strikes.

    The Times of Israel and Ahram Online ran the same AFP dispatch; Scroll.in an AP-based
    report; TIME a Bloomberg-based one; Cupventi a rewrite. Metadata: ``file``, ``country``,
    ``date``, ``agency``, ``title``, ``notes``.

    Parameters
    ----------
    clean : bool
        Remove site boilerplate (default True), as :func:`read_corpus` does.

    Returns
    -------
    pandas.DataFrame
        The corpus with doc_ids ``timesofisrael``, ``scroll``, ``cupventi``, ``ahram``, ``time``.
    """
    folder = resources.files("framing.data").joinpath("iran_pakistan_2024")
    with resources.as_file(folder) as path:
        return read_corpus(path, clean=clean)
