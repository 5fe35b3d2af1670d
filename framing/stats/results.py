"""Result tables shared by every statistic: :class:`ResultTable` (the columns of
:data:`framing.schema.RESULT`, with the fitted models kept in ``.models``), building one from rows, and
multiplicity control (:func:`adjust_pvalues`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing import schema
from framing._checks import check_option

#: label of rows that concern all groups at once (omnibus tests, effect sizes)
ALL_GROUPS = "(all)"

#: below this many clusters (documents, outlets) in a group, ``note`` warns that cluster-robust
#: intervals may be too narrow (calibration by simulation: fine at 30 per group, slightly liberal at 15)
FEW_CLUSTERS = 20

SMALL_SAMPLE_NOTE = (
    "one document per group: describes these articles, not the outlets or groups they come from"
)

Adjust = Literal["holm", "fdr_bh", "bonferroni", "none"]


class SmallSampleWarning(UserWarning):
    """A comparison rests on one document (or one cluster) per group."""


# --------------------------------------------------------------------------- result tables


class ResultTable(pd.DataFrame):
    """A result table: a DataFrame with the :data:`framing.schema.RESULT` columns.

    It behaves exactly like a :class:`pandas.DataFrame` (save it, filter it,
    plot it). The fitted statsmodels results, where there are any, are kept in
    :attr:`models`, a dict from measure name to the fitted result, so
    ``table.models["attribution:distancing"].summary()`` works. Slices and
    copies keep :attr:`models`; :attr:`table` gives a plain DataFrame.
    """

    _metadata = ["models"]

    @property
    def _constructor(self):  # type: ignore[override]
        return ResultTable

    @property
    def table(self) -> pd.DataFrame:
        """The rows as a plain :class:`pandas.DataFrame`."""
        return pd.DataFrame(self)

    def __finalize__(self, other, method=None, **kwargs):  # noqa: D105
        out = super().__finalize__(other, method=method, **kwargs)
        if getattr(out, "models", None) is None:
            object.__setattr__(out, "models", {})
        return out


_FLOATS = frozenset(("estimate", "ci_low", "ci_high", "ci_level", "statistic", "p_value", "p_adjusted",
                     "exposure", "delta", "se", "z", "chi2", "g2"))
_INTS = frozenset(("n_docs", "count", "count_group", "count_rest"))


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def result_table(rows: Sequence[dict[str, Any]] | pd.DataFrame, *, models: dict | None = None,
                 columns: Sequence[str] = schema.RESULT) -> ResultTable:
    """Build a :class:`ResultTable` with exactly ``columns`` in order and stable dtypes.

    Numeric columns are float64, counts nullable Int64, text columns pandas
    strings; absent values are missing.
    """
    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index(drop=True)
        data_f: dict[str, Any] = {}
        for col in columns:
            v = frame[col] if col in frame.columns else pd.Series([None] * len(frame), dtype=object)
            if col in _FLOATS:
                data_f[col] = pd.to_numeric(v, errors="coerce").astype("float64").to_numpy()
            elif col in _INTS:
                data_f[col] = pd.to_numeric(v, errors="coerce").round().astype("Int64").array
            else:
                data_f[col] = v.astype("string").array
        out_f = ResultTable(data_f, index=pd.RangeIndex(len(frame)))
        object.__setattr__(out_f, "models", dict(models or {}))
        return out_f
    else:
        rows = list(rows)
        n = len(rows)
        get = {c: [r.get(c) for r in rows] for c in columns}
    data: dict[str, Any] = {}
    for col in columns:
        vals = get[col]
        if col in _FLOATS:
            data[col] = np.array([np.nan if _missing(v) else float(v) for v in vals], dtype="float64")
        elif col in _INTS:
            data[col] = pd.array([None if _missing(v) else int(round(float(v))) for v in vals], dtype="Int64")
        else:
            data[col] = pd.array([None if _missing(v) else str(v) for v in vals], dtype="string")
    out = ResultTable(data, index=pd.RangeIndex(n))
    object.__setattr__(out, "models", dict(models or {}))
    return out


def adjust_pvalues(p_values: Sequence[float] | np.ndarray, method: Adjust = "holm") -> np.ndarray:
    """Adjust a family of p-values for multiplicity; missing values stay missing.

    Parameters
    ----------
    p_values : sequence of float
        The family; NaN entries (rows without a test) are ignored.
    method : {"holm", "fdr_bh", "bonferroni", "none"}
        Holm's step-down (family-wise error), Benjamini–Hochberg (false discovery
        rate), Bonferroni, or no adjustment.

    Returns
    -------
    numpy.ndarray
        Adjusted p-values, same length and order.
    """
    from statsmodels.stats.multitest import multipletests

    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    check_option("adjust", method, ("holm", "fdr_bh", "bonferroni", "none"))
    if ok.any():
        if method == "none":
            out[ok] = p[ok]
        elif method == "holm":
            # Holm's step-down, as multipletests(method="holm") computes it; done here because
            # that function calls gc.collect() for Holm, which costs ~50 ms per call in a full test run
            q = p[ok]
            order = np.argsort(q, kind="stable")
            m = len(q)
            stepped = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * q[order]))
            adj = np.empty(m)
            adj[order] = stepped
            out[ok] = adj
        else:
            out[ok] = multipletests(p[ok], method=method)[1]
    return out


def adjust_family(rows: list[dict[str, Any]], family: str, method: Adjust) -> None:
    """Fill ``p_adjusted`` and ``adjust_method`` of the rows of one family (``_family``) in place."""
    idx = [i for i, r in enumerate(rows) if r.get("_family") == family]
    adj = adjust_pvalues([rows[i].get("p_value", np.nan) for i in idx], method)
    for i, a in zip(idx, adj):
        rows[i]["p_adjusted"] = a
        rows[i]["adjust_method"] = method if not np.isnan(rows[i].get("p_value", np.nan)) else pd.NA


def as_result_table(frame: pd.DataFrame, *, group: str | None, measure: str,
                    fill: dict[str, Any] | None = None) -> ResultTable:
    """A table of estimates with intervals put in the result family: the :data:`~framing.schema.RESULT`
    columns first, then the table's own columns, unchanged, after them.

    Evaluation scores, agreement coefficients, validation figures and
    distinguishability all describe estimates with intervals; with the common
    columns first they can be filtered, stacked and drawn
    (:func:`framing.plot.forest`) like :func:`framing.compare` results.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; columns named like the RESULT ones (``estimate``,
        ``ci_low``, ``method``, ...) are taken as they are.
    group : str or None
        The column that says what each row is about (a class, a category, the
        coders), copied into ``group``; ``None`` gives :data:`ALL_GROUPS`.
    measure : str
        The column naming the metric, copied into ``measure``.
    fill : dict, optional
        Further RESULT columns to fill: a column name of ``frame`` to copy, or
        any other value to broadcast.

    Returns
    -------
    ResultTable
    """
    common = frame.copy()
    common["group"] = frame[group] if group is not None else ALL_GROUPS
    common["measure"] = frame[measure]
    for column, value in (fill or {}).items():
        common[column] = frame[value] if isinstance(value, str) and value in frame.columns else value
    out = result_table(common, columns=schema.RESULT)
    for column in frame.columns:
        if column not in schema.RESULT:
            out[column] = frame[column].array
    return out
