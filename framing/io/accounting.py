"""Accounting: documents in, documents out, empty and flagged documents.

Every reading and scoring run can say what happened to each document, so that
nothing disappears unseen. :func:`account` checks a result table against the
corpus it came from; the command line prints its one-line summary.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing import schema
from framing.errors import SchemaError

#: columns of :func:`account`
ACCOUNT = ("stage", "docs_in", "docs_out", "docs_missing", "docs_empty", "docs_flagged", "missing", "flagged")

REPLACEMENT_CHAR = "\ufffd"


def flagged_documents(corpus: pd.DataFrame) -> pd.Series:
    """Why each document is flagged, or an empty string.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (``doc_id``, ``outlet``, ``text``).

    Returns
    -------
    pandas.Series
        Indexed like ``corpus``: ``"empty"`` (no text), ``"emptied by cleaning"`` (only boilerplate),
        ``"undecodable bytes replaced"`` (U+FFFD in the text), several joined with ``"; "``, or ``""``.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    # plain lists (one conversion of the column, not one per element), tested without copies (isspace, not strip)
    text = corpus["text"].fillna("").astype(str).tolist()
    raw = corpus["raw_text"].fillna("").astype(str).tolist() if "raw_text" in corpus.columns else text
    reasons = []
    for t, r in zip(text, raw):
        why = []
        if not t or t.isspace():
            why.append("emptied by cleaning" if r and not r.isspace() else "empty")
        if REPLACEMENT_CHAR in r:
            why.append("undecodable bytes replaced")
        reasons.append("; ".join(why))
    return pd.Series(reasons, index=corpus.index, dtype=object)


def account(corpus: pd.DataFrame, result: pd.DataFrame | None = None, *, stage: str = "read") -> pd.DataFrame:
    """One row that accounts for every document of a run.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus that went in.
    result : pandas.DataFrame, optional
        A per-document result table with a ``doc_id`` column (e.g. scores). Without it the row
        accounts for reading alone.
    stage : str
        Name of the stage, shown in the ``stage`` column.

    Returns
    -------
    pandas.DataFrame
        One row: ``stage``, ``docs_in`` (documents in the corpus), ``docs_out`` (documents in the
        result), ``docs_missing`` (in the corpus but not the result: should be 0), ``docs_empty``,
        ``docs_flagged`` (empty, emptied by cleaning, or with replaced bytes), ``missing`` and
        ``flagged`` (the doc_ids, ``"; "``-joined).
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    ids = corpus["doc_id"].astype(str)
    if result is None:
        out_ids = set(ids)
    else:
        if "doc_id" not in result.columns:
            raise SchemaError(f"the {stage} result has no doc_id column; columns found: {list(result.columns)}")
        out_ids = set(result["doc_id"].astype(str).unique())  # a result has many rows per document
    missing = [d for d in ids if d not in out_ids]
    reasons = flagged_documents(corpus)
    empty = corpus["text"].fillna("").astype(str).str.strip().eq("")
    flagged = [f"{d} ({why})" for d, why in zip(ids, reasons) if why]
    row = {
        "stage": stage,
        "docs_in": len(ids),
        "docs_out": len(ids) - len(missing),
        "docs_missing": len(missing),
        "docs_empty": int(empty.sum()),
        "docs_flagged": len(flagged),
        "missing": "; ".join(missing),
        "flagged": "; ".join(flagged),
    }
    return pd.DataFrame([row], columns=list(ACCOUNT))


def summary_line(accounting: pd.DataFrame) -> str:
    """The one-line summary the command line prints for an :func:`account` table."""
    parts = []
    for row in accounting.itertuples(index=False):
        text = (
            f"{row.stage}: {row.docs_in} documents in, {row.docs_out} out, "
            f"{row.docs_empty} empty, {row.docs_flagged} flagged"
        )
        if row.docs_missing:
            text += f", {row.docs_missing} MISSING ({row.missing})"
        parts.append(text)
    return "; ".join(parts)


def account_report(corpus: pd.DataFrame, report_dir: str | Path, *, stage: str = "report") -> pd.DataFrame:
    """:func:`account` for a written report: its ``tables/scores.csv`` against the corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus the report was made from.
    report_dir : str or Path
        The report folder (the one holding ``index.html`` and ``tables/``).
    stage : str
        Name of the stage, shown in the ``stage`` column.

    Returns
    -------
    pandas.DataFrame
        One row with the columns of :func:`account`. A report without a scores table (no
        lexicon was scored) accounts for reading alone.
    """
    scores_csv = Path(report_dir) / "tables" / "scores.csv"
    if not scores_csv.is_file():
        return account(corpus, stage=stage)
    from framing._formulas import restore

    scores = pd.read_csv(scores_csv, usecols=["doc_id"], dtype={"doc_id": str}, keep_default_na=False)
    scores["doc_id"] = scores["doc_id"].map(restore)  # ids the CSV writer guarded against spreadsheet formulas
    return account(corpus, scores, stage=stage)
