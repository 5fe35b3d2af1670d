"""A corpus from several tables in one folder, one outlet per file: the form in which coded sentence datasets are
shared (one CSV per outlet and period, a sentence per row, the article it comes from as a number inside the file).

:func:`read_tables` reads the files named, gives each row its file's outlet and an id, makes a per-file article
number a corpus-wide one, can join tokenised text back ("killed  ,  he said" -> "killed, he said") and drop
rows that repeat a text already read from the same outlet (live blogs repeat their summaries), saying how many.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.errors import InputNotFoundError, SchemaError
from framing.io.corpus import as_corpus
from framing.io.readers import detect_format, read_file

__all__ = ["read_tables", "untokenise"]

_BEFORE = re.compile(r" ([,.;:!?%)\]])")
_AFTER = re.compile(r"([(\[]) ")
_SPACES = re.compile(r"\s+")


def untokenise(text: str) -> str:
    """Join back text tokenised with spaces around punctuation, as NLP datasets often ship it.

    Parameters
    ----------
    text : str
        The tokenised text, e.g. ``"Officials said ( on Monday ) that 12 died ."``.

    Returns
    -------
    str
        The text with runs of white space made one space, and no space before ``, . ; : ! ? % ) ]`` or after
        ``( [`` (``"Officials said (on Monday) that 12 died."``).
    """
    return _AFTER.sub(r"\1", _BEFORE.sub(r"\1", _SPACES.sub(" ", str(text)).strip()))


def read_tables(
    folder: str | Path,
    files: Mapping[str, str],
    *,
    text_col: str = "text",
    article_col: str | None = None,
    rename: Mapping[str, str] | None = None,
    tokenised: bool = False,
    dedupe: bool = False,
    clean: bool = False,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a corpus from several tables of a folder, the outlet given per file.

    Parameters
    ----------
    folder : str or Path
        The folder holding the files.
    files : mapping of str to str
        File name (CSV, TSV, JSON lines or Parquet, as :func:`framing.read_corpus` reads them) -> the outlet
        of its rows. Several files may share an outlet.
    text_col : str, default "text"
        The column holding each row's text.
    article_col : str, optional
        A column numbering the article of each row within its file: it becomes the corpus column
        ``article``, ``"<file stem>-<value>"``, unique across files (the unit to cluster by when rows
        are sentences of articles).
    rename : mapping of str to str, optional
        Columns to rename (``{"article_date": "date"}``).
    tokenised : bool, default False
        The text is tokenised with spaces around punctuation: join it back (:func:`untokenise`).
    dedupe : bool, default False
        Drop a row whose text repeats one already read from the same outlet (a warning says how many).
    clean : bool, default False
        Remove site boilerplate lines (as :func:`framing.read_corpus`; rarely wanted for sentences).
    encoding : str, default "utf-8"
        Encoding of the files.

    Returns
    -------
    pandas.DataFrame
        The corpus: ``doc_id`` (``"<file stem>-<row>"``, the row counted from 0 in the file; the whole file name when two
        files share a stem), ``outlet``,
        ``text``, ``file``, every other column of the files (``article`` with ``article_col``).

    Raises
    ------
    InputNotFoundError
        The folder or a file does not exist.
    SchemaError
        A file lacks ``text_col`` or ``article_col`` (the message names the file and its columns).
    CorpusError
        A malformed file (the message names the file and the line).
    """
    base = Path(folder)
    if not base.is_dir():
        raise InputNotFoundError(f"{base}: no such folder")
    if not isinstance(files, Mapping) or not files:
        raise SchemaError(f"{base}: files must map each file name to its outlet, got {files!r}")
    frames = []
    # a document is named after its file's stem ("nyt" of nyt.csv); files that share a stem (nyt.2023.csv,
    # nyt.2024.csv) keep their whole names, so their documents and articles stay apart
    stems = [Path(str(name)).name.split(".")[0] for name in files]
    stem_of = {name: stem if stems.count(stem) == 1 else Path(str(name)).name for name, stem in zip(files, stems)}
    for name, outlet in files.items():
        path = base / str(name)
        if not path.is_file():
            raise InputNotFoundError(f"{path}: no such file (files are named relative to {base})")
        table, _ = read_file(path, detect_format(path), encoding, (text_col,))
        for col in (text_col, article_col):
            if col is not None and col not in table.columns:
                raise SchemaError(f"{path}: no column {col!r}; columns: {list(map(str, table.columns))}")
        stem = stem_of[name]
        table = table.loc[:, [c for c in table.columns if not str(c).startswith("Unnamed: ")]]
        table.insert(0, "doc_id", [f"{stem}-{i}" for i in range(len(table))])
        table["outlet"] = str(outlet)
        table["file"] = path.name
        if article_col is not None:
            table["article"] = stem + "-" + table[article_col].astype(str)
        frames.append(table)
    data = pd.concat(frames, ignore_index=True)
    if rename:
        data = data.rename(columns={str(k): str(v) for k, v in rename.items()})
        text_col = str(rename.get(text_col, text_col))
    if tokenised:
        data[text_col] = data[text_col].map(lambda t: untokenise(t) if isinstance(t, str) else t)
    if dedupe:
        repeated = data.duplicated(["outlet", text_col])
        if repeated.any():
            warnings.warn(f"{base}: {int(repeated.sum())} of {len(data)} rows repeat a text already read from the "
                          "same outlet and were left out", UserWarning, stacklevel=2)
        data = data[~repeated].reset_index(drop=True)
    return as_corpus(data, text_col=text_col, clean=clean, source=str(base))
