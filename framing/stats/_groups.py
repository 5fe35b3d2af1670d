"""Input handling shared by the rate and share comparisons: the group column (merged from the corpus when
needed), the cluster, and the normal quantile of a confidence level."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from scipy import stats as sps

from framing._checks import check_level
from framing.errors import StatisticsError, UsageError

def z_value(ci_level: float) -> float:
    """The normal quantile of a two-sided ``ci_level`` interval."""
    check_level("ci_level", ci_level)
    return float(sps.norm.ppf(0.5 + ci_level / 2))


def with_groups(table: pd.DataFrame, by: str, *, corpus: pd.DataFrame | None = None,
                extra: Sequence[str] = (), what: str = "table") -> pd.DataFrame:
    """Return ``table`` with the column ``by`` (and ``extra`` columns), merged from ``corpus`` if needed.

    Raises :class:`~framing.errors.StatisticsError` naming the column when it is
    in neither table, and when a document would get two values of it.
    """
    if not isinstance(table, pd.DataFrame):
        raise StatisticsError(f"expected a pandas DataFrame as the {what}, got {type(table).__name__}")
    need = [c for c in dict.fromkeys([by, *extra]) if c is not None]
    missing = [c for c in need if c not in table.columns]
    if not missing:
        return table
    if corpus is None or not all(c in corpus.columns for c in missing):
        where = f"; corpus columns: {list(map(str, corpus.columns))}" if corpus is not None else \
            " (pass corpus= to group by a metadata column of the corpus)"
        raise StatisticsError(
            f"unknown group column(s) {missing}: not a column of the {what} "
            f"({list(map(str, table.columns))}){where}"
        )
    if "doc_id" not in table.columns or "doc_id" not in corpus.columns:
        raise StatisticsError(f"cannot merge column(s) {missing} from the corpus: both tables need 'doc_id'")
    meta = corpus.loc[:, ["doc_id", *missing]].drop_duplicates()
    if meta["doc_id"].duplicated().any():
        dup = meta.loc[meta["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise StatisticsError(f"the corpus gives document {dup!r} more than one value of {missing}")
    return table.drop(columns=[c for c in missing if c in table.columns]).merge(meta, on="doc_id", how="left")


def constant_within(frame: pd.DataFrame, unit: str, column: str) -> None:
    n = frame.groupby(unit, sort=False)[column].nunique(dropna=False)
    if (n > 1).any():
        bad = n.index[n > 1][0]
        raise StatisticsError(
            f"column {column!r} takes several values within {unit} {bad!r}; "
            f"a group must be constant within each {unit} (choose a coarser cluster or group)"
        )


def resolve_cluster(cluster: bool | str | None, table: pd.DataFrame) -> str | None:
    if cluster is True:
        return "doc_id" if "doc_id" in table.columns else None
    if cluster is False or cluster is None:
        return None
    if not isinstance(cluster, str):
        raise UsageError(f"cluster must be True, False or a column name, got {cluster!r}")
    return cluster
