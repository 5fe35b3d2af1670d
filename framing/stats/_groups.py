"""Input handling shared by the rate, share, keyness and trend statistics: the group (one corpus column or
several, merged from the corpus when needed), the cluster (given, or the coarsest unit within which the group
is constant), and the normal quantile of a confidence level."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from scipy import stats as sps

from framing._checks import check_level
from framing.errors import StatisticsError, UsageError

#: joins the values of several group columns into one group label ("left / economy")
GROUP_SEP = " / "

#: joins the names of several columns into the name of the column they make ("leaning × topic")
NAME_SEP = " \u00d7 "

#: the default ``cluster=``: the coarsest unit (outlet, else document) within which the group is constant
AUTO = "auto"


def z_value(ci_level: float) -> float:
    """The normal quantile of a two-sided ``ci_level`` interval."""
    check_level("ci_level", ci_level)
    return float(sps.norm.ppf(0.5 + ci_level / 2))


def group_columns(by: Any) -> list[str]:
    """``by`` as a list of column names (one name, or a non-empty list of distinct names)."""
    cols = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if not cols or not all(isinstance(c, str) and c for c in cols) or len(set(cols)) != len(cols):
        raise UsageError(f"by must be a column name or a list of distinct column names, got {by!r}")
    return cols


def group_name(by: Any) -> str:
    """The name of the group column ``by`` makes: the column itself, or ``"leaning × topic"``."""
    return NAME_SEP.join(group_columns(by))


def with_groups(table: pd.DataFrame, by: Any, *, corpus: pd.DataFrame | None = None,
                extra: Sequence[str] = (), optional: Sequence[str] = (), what: str = "table") -> pd.DataFrame:
    """Return ``table`` with the group column(s) ``by`` (and ``extra`` columns), merged from ``corpus`` if needed.

    ``optional`` columns are merged when the corpus has them and left out otherwise. With several
    ``by`` columns the result also has the column :func:`group_name` whose values join theirs with
    :data:`GROUP_SEP`.

    Raises :class:`~framing.errors.StatisticsError` naming the column when it is
    in neither table, and when a document would get two values of it.
    """
    if not isinstance(table, pd.DataFrame):
        raise StatisticsError(f"expected a pandas DataFrame as the {what}, got {type(table).__name__}")
    cols = group_columns(by)
    need = [c for c in dict.fromkeys([*cols, *extra]) if c is not None]
    missing = [c for c in need if c not in table.columns]
    if missing and (corpus is None or not all(c in corpus.columns for c in missing)):
        where = f"; corpus columns: {list(map(str, corpus.columns))}" if corpus is not None else \
            " (pass corpus= to group by a metadata column of the corpus)"
        raise StatisticsError(
            f"unknown group column(s) {missing}: not a column of the {what} "
            f"({list(map(str, table.columns))}){where}"
        )
    if corpus is not None:
        missing += [c for c in optional if c not in table.columns and c in corpus.columns and c not in missing]
    if missing:
        if "doc_id" not in table.columns or "doc_id" not in corpus.columns:
            raise StatisticsError(f"cannot merge column(s) {missing} from the corpus: both tables need 'doc_id'")
        meta = corpus.loc[:, ["doc_id", *missing]].drop_duplicates()
        if meta["doc_id"].duplicated().any():
            dup = meta.loc[meta["doc_id"].duplicated(), "doc_id"].iloc[0]
            raise StatisticsError(f"the corpus gives document {dup!r} more than one value of {missing}")
        table = table.drop(columns=[c for c in missing if c in table.columns]).merge(meta, on="doc_id", how="left")
    if len(cols) > 1:
        name = group_name(cols)
        values = table[cols[0]].astype("string")
        for c in cols[1:]:
            values = values + GROUP_SEP + table[c].astype("string")
        table = table.assign(**{name: values.astype(object).where(values.notna(), None)})
    return table


def constant_within(frame: pd.DataFrame, unit: str, column: str) -> None:
    """Refuse a ``column`` (the group) that takes several values inside one ``unit`` (the cluster).

    Raises
    ------
    UsageError
        Naming the unit and its values, and suggesting a finer cluster (the document) or another group.
    """
    n = frame.groupby(unit, sort=False)[column].nunique(dropna=False)
    if (n > 1).any():
        bad = n.index[n > 1][0]
        values = sorted(map(str, frame.loc[frame[unit] == bad, column].dropna().unique()))[:3]
        if unit == "doc_id":
            finer = "a column that is constant within each document"
        elif column in unit.split(NAME_SEP):
            finer = "cluster='doc_id' (each document its own cluster)"
        else:
            finer = (f"cluster={[*unit.split(NAME_SEP), column]!r} (the {unit} within each {column}) or "
                     "cluster='doc_id' (each document its own cluster)")
        raise UsageError(
            f"group {column!r} takes several values ({', '.join(values)}) within {unit} {bad!r}, so {unit} "
            f"cannot be the cluster: use a finer cluster, {finer}, or fix the {column!r} of {bad!r} in the corpus"
        )


def resolve_cluster(cluster: bool | str | Sequence[str] | None, table: pd.DataFrame) -> str | None:
    """The cluster column a ``cluster=`` argument names (``"auto"`` is resolved by :func:`choose_cluster`;
    a list of columns names the column :func:`group_name` makes of them)."""
    if cluster is True:
        return "doc_id" if "doc_id" in table.columns else None
    if cluster is False or cluster is None:
        return None
    if isinstance(cluster, (list, tuple)) and cluster:
        return group_name(list(cluster))
    if not isinstance(cluster, str):
        raise UsageError(f"cluster must be 'auto', True, False, a column name or a list of them, got {cluster!r}")
    return cluster


def choose_cluster(data: pd.DataFrame, group: str, by_cols: Sequence[str]) -> tuple[str | None, str]:
    """The default cluster: the outlet when the group is constant within each outlet and some group has
    several outlets (e.g. a leaning), else the document; returns ``(column, sentence saying why)``."""
    label = group
    if "outlet" in data.columns and "outlet" not in by_cols and "doc_id" in data.columns:
        per_outlet = data.groupby("outlet", sort=False)[group].nunique(dropna=False)
        outlets_per_group = data.groupby(group, sort=False)["outlet"].nunique()
        if (per_outlet <= 1).all() and (outlets_per_group > 1).any():
            return "outlet", (f"clusters: outlet (the coarsest unit within which {label} is constant; "
                              "pass cluster='doc_id' to treat each document as independent)")
    if "doc_id" in data.columns:
        return "doc_id", ""
    return None, "rows treated as independent (no doc_id to cluster by)"


def cluster_for(cluster: bool | str | None, table: pd.DataFrame, by: Any, *, corpus: pd.DataFrame | None,
                extra: Sequence[str] = (), what: str = "table") -> tuple[pd.DataFrame, str, str | None, str]:
    """Merge the group and cluster columns and pick the cluster.

    Returns
    -------
    tuple
        ``(data, group column, cluster column or None, note on the cluster when it was chosen here)``.
    """
    cols = group_columns(by)
    group = group_name(cols)
    if cluster == AUTO:
        data = with_groups(table, cols, corpus=corpus, extra=extra, optional=["outlet"], what=what)
        clus, why = choose_cluster(data, group, cols)
        return data, group, clus, why
    clus = resolve_cluster(cluster, table)
    if isinstance(cluster, (list, tuple)):
        data = with_groups(table, cols, corpus=corpus, extra=[*extra, *cluster], what=what)
        data = with_groups(data, list(cluster), what=what)  # the combined cluster column
    else:
        data = with_groups(table, cols, corpus=corpus, extra=[*extra, *([clus] if clus else [])], what=what)
    return data, group, clus, ""
