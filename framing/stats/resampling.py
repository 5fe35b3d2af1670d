"""Resampling documents, not matches: cluster bootstrap and permutation tests.

Matches inside an article are not independent, so both functions resample
whole clusters (documents by default, or a coarser unit such as the outlet):

* :func:`bootstrap` draws clusters with replacement (within each stratum, if
  given) and recomputes a statistic; percentile intervals.
* :func:`permutation_test` shuffles a group column across clusters and
  recomputes a statistic; Monte Carlo p-value ``(1 + #extreme) / (1 + n)``.

Both are seeded through :func:`numpy.random.default_rng` and return
:class:`framing.stats.ResultTable` objects with the :data:`framing.schema.RESULT`
columns. The vectorised kernels (:func:`cluster_bootstrap_tables`,
:func:`permuted_group_tables`) are what :func:`framing.compare_shares` uses.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing._checks import check_option
from framing.errors import StatisticsError
from framing.stats.results import ALL_GROUPS, ResultTable, adjust_pvalues, result_table

__all__ = ["bootstrap", "permutation_test", "cluster_bootstrap_tables", "permuted_group_tables"]

_CHUNK = 4_000_000  # cells per batch, to keep memory small on big tables


def cluster_bootstrap_tables(Y: np.ndarray, groups: np.ndarray, n_groups: int, n_resamples: int,
                             rng: np.random.Generator) -> np.ndarray:
    """Group × category tables of cluster-bootstrap resamples.

    Clusters (rows of ``Y``, a clusters × categories count matrix) are drawn
    with replacement within their group, as many as the group has. Returns an
    array of shape ``(n_resamples, n_groups, n_categories)``.
    """
    Y = np.asarray(Y, dtype=float)
    out = np.zeros((n_resamples, n_groups, Y.shape[1]))
    for g in range(n_groups):
        Yg = Y[groups == g]
        n = len(Yg)
        if n == 0:
            continue
        step = max(1, _CHUNK // n)
        for s in range(0, n_resamples, step):
            r = min(step, n_resamples - s)
            w = rng.multinomial(n, np.full(n, 1.0 / n), size=r)  # times each cluster is drawn
            out[s:s + r, g] = w @ Yg
    return out


def permuted_group_tables(Y: np.ndarray, groups: np.ndarray, n_groups: int, n_resamples: int,
                          rng: np.random.Generator) -> np.ndarray:
    """Group × category tables after permuting the group labels across clusters.

    Returns an array of shape ``(n_resamples, n_groups, n_categories)``.
    """
    Y = np.asarray(Y, dtype=float)
    U, K = Y.shape
    out = np.zeros((n_resamples, n_groups, K))
    step = max(1, _CHUNK // max(U, 1))
    for s in range(0, n_resamples, step):
        r = min(step, n_resamples - s)
        perm = rng.permuted(np.broadcast_to(groups, (r, U)), axis=1)
        flat = (perm + n_groups * np.arange(r)[:, None]).ravel()
        for k in range(K):
            out[s:s + r, :, k] = np.bincount(flat, weights=np.tile(Y[:, k], r),
                                             minlength=r * n_groups).reshape(r, n_groups)
    return out


def percentile_interval(samples: Any, ci_level: float, *, axis: int | None = None) -> tuple[Any, Any]:
    """The percentile interval of resampled statistics, ignoring NaN draws (NaN where none is finite).

    Parameters
    ----------
    samples : array-like
        Resampled values (along ``axis``; all of them when ``axis`` is None).
    ci_level : float
        Between 0 and 1.

    Returns
    -------
    (low, high)
        Floats, or arrays when ``axis`` is given.
    """
    alpha = (1 - ci_level) / 2
    values = np.asarray(samples, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN slices give NaN
        low = np.nanquantile(values, alpha, axis=axis)
        high = np.nanquantile(values, 1 - alpha, axis=axis)
    if axis is None:
        return float(low), float(high)
    return low, high


def _cluster_index(table: pd.DataFrame, cluster: str) -> tuple[np.ndarray, list[np.ndarray]]:
    if cluster not in table.columns:
        raise StatisticsError(f"unknown cluster column {cluster!r}; columns: {list(map(str, table.columns))}")
    codes, _ = pd.factorize(table[cluster])
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    return codes, np.split(order, bounds)


def _as_series(value: Any) -> pd.Series:
    if isinstance(value, pd.Series):
        return value.astype(float)
    if np.ndim(value) == 0:
        return pd.Series([float(value)], index=[ALL_GROUPS])
    raise StatisticsError("the statistic must return a number or a pandas Series (index = group), "
                          f"got {type(value).__name__}")


def bootstrap(
    table: pd.DataFrame,
    statistic: Callable[[pd.DataFrame], float | pd.Series],
    *,
    cluster: str = "doc_id",
    strata: str | None = None,
    n_resamples: int = 1999,
    ci_level: float = 0.95,
    seed: int | None = 0,
    measure: str | None = None,
) -> ResultTable:
    """Percentile cluster bootstrap of any statistic of a table.

    Whole clusters (documents by default) are drawn with replacement — within
    each stratum when ``strata`` is given, so every group keeps its number of
    documents — and ``statistic`` is recomputed on each resampled table. A
    cluster drawn twice appears twice, under distinct cluster ids
    (``"<id>#<copy>"``), so statistics that count documents count it twice.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows to resample (matches, scores, …), with the ``cluster`` column.
    statistic : callable
        ``statistic(table) -> float`` or ``-> pandas.Series`` (one value per
        index entry, e.g. per group).
    cluster : str
        Column identifying the resampling unit.
    strata : str, optional
        Column constant within clusters; clusters are resampled within it.
    n_resamples : int
        Number of bootstrap resamples.
    ci_level : float
        Level of the percentile interval.
    seed : int, optional
        Seed of the numpy Generator.
    measure : str, optional
        Name for the ``measure`` column (default: the statistic's ``__name__``).

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`: ``group`` (the Series index, or
        ``"(all)"``), ``measure``, ``estimate`` (statistic on the full table),
        ``ci_low``, ``ci_high`` (percentile interval), ``ci_level``,
        ``statistic`` (standard deviation of the bootstrap replicates),
        ``p_value``/``p_adjusted``/``adjust_method`` (empty), ``method``,
        ``n_docs`` (clusters), ``count`` (rows), ``exposure`` (empty), ``note``
        (how many replicates gave no value).
    """
    rng = np.random.default_rng(seed)
    codes, members = _cluster_index(table, cluster)
    name = measure or getattr(statistic, "__name__", "statistic")
    est = _as_series(statistic(table))
    if strata is not None:
        if strata not in table.columns:
            raise StatisticsError(f"unknown strata column {strata!r}")
        stratum_of = table.groupby(codes)[strata].agg(lambda s: s.nunique())
        if (stratum_of > 1).any():
            raise StatisticsError(f"strata column {strata!r} varies within a {cluster!r} cluster")
        first = table[strata].to_numpy()[[m[0] for m in members]]
        strata_codes = pd.factorize(pd.Series(first))[0]
    else:
        strata_codes = np.zeros(len(members), dtype=int)
    reps = []
    cols = list(table.columns)
    ids = [str(table[cluster].iloc[m[0]]) for m in members]
    sizes = np.array([len(m) for m in members])
    for _ in range(n_resamples):
        pick = np.concatenate([rng.choice(np.flatnonzero(strata_codes == s), size=(strata_codes == s).sum())
                               for s in np.unique(strata_codes)])
        idx = np.concatenate([members[c] for c in pick])
        labels = [f"{ids[c]}#{i}" for i, c in enumerate(pick)]
        sample = table.iloc[idx].reset_index(drop=True)
        sample[cluster] = pd.array(np.repeat(labels, sizes[pick]), dtype="string")
        reps.append(_as_series(statistic(sample[cols])).reindex(est.index))
    R = pd.DataFrame(reps)
    a = (1 - ci_level) / 2
    rows = []
    for key in est.index:
        r = R[key].dropna().to_numpy()
        lo, hi = (np.quantile(r, [a, 1 - a]) if len(r) else (np.nan, np.nan))
        rows.append({"group": str(key), "measure": name, "estimate": est[key], "ci_low": lo, "ci_high": hi,
                     "ci_level": ci_level, "statistic": float(np.std(r, ddof=1)) if len(r) > 1 else np.nan,
                     "method": f"percentile cluster bootstrap ({n_resamples} resamples of {cluster!r}"
                               + (f", within {strata!r}" if strata else "") + f", seed={seed})",
                     "n_docs": len(members), "count": len(table),
                     "note": (f"{n_resamples - len(r)} resample(s) gave no value" if len(r) < n_resamples else "")})
    return result_table(rows)


def permutation_test(
    table: pd.DataFrame,
    statistic: Callable[[pd.DataFrame], float | pd.Series],
    *,
    by: str,
    cluster: str = "doc_id",
    n_resamples: int = 1999,
    alternative: Literal["two-sided", "greater", "less"] = "two-sided",
    adjust: Literal["holm", "fdr_bh", "bonferroni", "none"] = "holm",
    seed: int | None = 0,
    measure: str | None = None,
) -> ResultTable:
    """Permutation test of a statistic: shuffle ``by`` across clusters, not rows.

    The group label of each cluster (document by default) is permuted among
    the clusters and ``statistic`` recomputed; matches stay with their
    document, so within-document dependence is respected. ``by`` must be
    constant within each cluster. ``statistic`` must not modify the table it
    is given (one working copy is reused across permutations).

    Parameters
    ----------
    table : pandas.DataFrame
        The rows, with ``by`` and ``cluster`` columns.
    statistic : callable
        ``statistic(table) -> float`` or ``-> pandas.Series`` (several
        statistics, tested each and adjusted together).
    by : str
        Group column to permute.
    cluster : str
        Unit that carries the group label.
    n_resamples : int
        Number of permutations.
    alternative : {"two-sided", "greater", "less"}
        "greater": large values are extreme; two-sided: twice the smaller tail, at most 1.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}
        Correction across the entries of a Series statistic.
    seed : int, optional
        Seed of the numpy Generator.
    measure : str, optional
        Name for the ``measure`` column.

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`: ``group`` (Series index or
        ``"(all)"``), ``measure``, ``estimate`` (observed statistic),
        ``ci_low``/``ci_high``/``ci_level`` (empty), ``statistic`` (observed
        statistic), ``p_value`` (Monte Carlo, ``(1 + #as extreme) / (1 +
        n_resamples)``), ``p_adjusted``, ``adjust_method``, ``method``,
        ``n_docs`` (clusters), ``count`` (rows), ``exposure`` (empty), ``note``.
    """
    if by not in table.columns:
        raise StatisticsError(f"unknown group column {by!r}; columns: {list(map(str, table.columns))}")
    check_option("alternative", alternative, ("two-sided", "greater", "less"))
    rng = np.random.default_rng(seed)
    codes, members = _cluster_index(table, cluster)
    if (table.groupby(codes)[by].nunique(dropna=False) > 1).any():
        raise StatisticsError(f"group column {by!r} varies within a {cluster!r} cluster; "
                              "permute a coarser unit")
    labels = table[by].to_numpy()[[m[0] for m in members]]
    if len(pd.unique(labels)) < 2:
        raise StatisticsError(f"need at least two groups in column {by!r}")
    name = measure or getattr(statistic, "__name__", "statistic")
    obs = _as_series(statistic(table))
    ge = np.zeros(len(obs))
    le = np.zeros(len(obs))
    dtype = table[by].dtype
    shuffled = table.copy()  # one copy; its group column is overwritten for each permutation
    for _ in range(n_resamples):
        perm = rng.permutation(labels)
        shuffled[by] = pd.Series(perm[codes], index=table.index, dtype=dtype)
        s = _as_series(statistic(shuffled)).reindex(obs.index).to_numpy()
        ge += s >= obs.to_numpy() - 1e-12
        le += s <= obs.to_numpy() + 1e-12
    p_ge = (1 + ge) / (1 + n_resamples)
    p_le = (1 + le) / (1 + n_resamples)
    p = {"greater": p_ge, "less": p_le, "two-sided": np.minimum(1.0, 2 * np.minimum(p_ge, p_le))}[alternative]
    adj = adjust_pvalues(p, adjust)
    rows = [{"group": str(key), "measure": name, "estimate": obs[key], "statistic": obs[key], "p_value": p[i],
             "p_adjusted": adj[i], "adjust_method": adjust,
             "method": f"permutation test ({n_resamples} permutations of {by!r} across {cluster!r}, "
                       f"{alternative}, seed={seed})",
             "n_docs": len(members), "count": len(table), "note": ""}
            for i, key in enumerate(obs.index)]
    return result_table(rows)
