"""Comparing *which choice* outlets make: among the things an outlet did (labelled an actor, attributed a
quote, reported a death), the share that fell in each category (``label_category``, ``verb_category``,
``construction`` ...), per group, with intervals clustered by document and a test of equal shares.

See :mod:`framing.stats.rates` for the statistical rules both comparisons follow.
"""

from __future__ import annotations

import itertools
import warnings
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing._checks import check_option
from framing.errors import StatisticsError
from framing.stats.results import (
    ALL_GROUPS,
    FEW_CLUSTERS,
    SMALL_SAMPLE_NOTE,
    Adjust,
    ResultTable,
    SmallSampleWarning,
    adjust_family,
    result_table,
)

from framing.stats._groups import AUTO, GROUP_SEP, cluster_for, constant_within, group_columns, z_value

__all__ = ["compare_shares"]


def _chi2_stat(tables: np.ndarray) -> np.ndarray:
    """Pearson chi-square of independence for a stack of (..., G, K) tables (empty cells ignored)."""
    tables = np.asarray(tables, dtype=float)
    n = tables.sum(axis=(-2, -1), keepdims=True)
    expected = tables.sum(axis=-1, keepdims=True) * tables.sum(axis=-2, keepdims=True) / np.where(n > 0, n, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        cell = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return cell.sum(axis=(-2, -1))


def shares_test(Y: np.ndarray, gcode: np.ndarray, n_groups: int, *, clustered: bool,
                test: str, rng: np.random.Generator, n_resamples: int) -> tuple[float, float, str]:
    """Global test that the outcome distribution is the same in every group.

    ``Y`` is a units × categories count matrix (a unit is a cluster, or a single
    match when not clustered), ``gcode`` each unit's group. Clustered: the
    Pearson chi-square statistic referred to its permutation distribution,
    permuting group labels across clusters (valid however matches are
    correlated within a cluster). Otherwise chi-square, Fisher exact (2×2) or
    Monte Carlo Fisher (r×c). Returns ``(chi2, p_value, method)``.
    """
    from framing.stats.resampling import permuted_group_tables

    table = np.zeros((n_groups, Y.shape[1]))
    np.add.at(table, gcode, Y)
    table = table[:, table.sum(axis=0) > 0]
    chi2 = float(_chi2_stat(table))
    if table.shape[1] < 2:
        return chi2, 1.0, "no variation in the outcome"
    if clustered and test in ("auto", "permutation"):
        sims = _chi2_stat(permuted_group_tables(Y, gcode, n_groups, n_resamples, rng))
        p = float((1 + (sims >= chi2 - 1e-9).sum()) / (n_resamples + 1))
        return chi2, p, f"Pearson chi-square, permutation p-value ({n_resamples} permutations of clusters)"
    expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / table.sum()
    if test == "chi2" or (test == "auto" and (expected >= 5).all() and table.shape != (2, 2)):
        r = sps.chi2_contingency(table, correction=False)
        return chi2, float(r.pvalue), "Pearson chi-square test of independence"
    if table.shape == (2, 2):
        return chi2, float(sps.fisher_exact(table.astype(int)).pvalue), "Fisher exact test"
    r = sps.fisher_exact(table.astype(int), method=sps.MonteCarloMethod(n_resamples=n_resamples, rng=rng))
    # scipy returns the Monte Carlo p-value as a one-element array
    return chi2, float(np.ravel(r.pvalue)[0]), f"Fisher exact test, Monte Carlo p-value ({n_resamples} tables)"


def compare_shares(
    table: pd.DataFrame,
    by: str | list[str] = "outlet",
    outcome: str = "label_category",
    *,
    corpus: pd.DataFrame | None = None,
    cluster: bool | str = AUTO,
    interval: Literal["wilson", "bootstrap"] = "wilson",
    test: Literal["auto", "permutation", "chi2", "fisher"] = "auto",
    pairwise: bool = True,
    ci_level: float = 0.95,
    adjust: Adjust = "holm",
    n_resamples: int = 1999,
    seed: int | None = 0,
) -> ResultTable:
    """Compare the shares of an outcome's categories across groups.

    Each row of ``table`` is one choice an outlet made (an actor label, an
    attribution verb, a casualty statement); ``outcome`` is the category of
    that choice. Rows of one document are not independent, so with a
    ``doc_id`` column the document is the cluster (or ``cluster=`` a coarser
    column, e.g. ``"outlet"`` when comparing leanings):

    * shares get a Wilson interval computed with the design-effect-adjusted
      (effective) sample size ``n / deff`` — the Rao–Scott idea — where
      ``deff`` compares the cluster-robust variance of the share with the
      binomial one; or a percentile cluster bootstrap (``interval="bootstrap"``,
      stratified by group);
    * the global test refers the Pearson chi-square statistic to its
      permutation distribution, permuting group labels across clusters;
    * pairwise differences of shares use cluster-robust (linearisation)
      standard errors and a Wald t-test with Satterthwaite degrees of freedom
      from the number of clusters in the two groups;
    * Cramér's V gets a cluster-bootstrap percentile interval.

    When a group has a single cluster (e.g. one article per outlet) or
    ``cluster=False``, rows are treated as independent: Wilson intervals,
    chi-square / Fisher exact (2×2) / Monte Carlo Fisher (r×c) tests, Newcombe
    intervals and Fisher exact tests for the pairwise contrasts. With one
    document per group ``note`` says the result describes those articles and a
    :class:`SmallSampleWarning` is issued once.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per choice, e.g. :data:`framing.schema.ACTOR_LABELS`,
        :data:`~framing.schema.ATTRIBUTIONS` or :data:`~framing.schema.CASUALTIES`.
    by : str or list of str
        Grouping column of ``table`` or of ``corpus`` (merged on ``doc_id``), or
        several (``["leaning", "topic"]``: their combinations are the groups).
    outcome : str
        Categorical column whose shares are compared (rows where it is missing
        are left out and counted in ``note``).
    corpus : pandas.DataFrame, optional
        Corpus to take ``by`` / ``cluster`` from.
    cluster : "auto", bool or str
        "auto" (default): the outlet when ``by`` is constant within each outlet and
        some group has several outlets (e.g. a leaning; ``note`` says so), else
        the document; True: cluster by ``doc_id`` when present; a column name;
        False: rows independent.
    interval : {"wilson", "bootstrap"}
        Interval for the shares.
    test : {"auto", "permutation", "chi2", "fisher"}
        Global test; "auto" picks the permutation test when clustered, else
        Fisher / Monte Carlo Fisher when expected counts are small, else chi-square.
    pairwise : bool
        Add differences of shares for every pair of groups (for a two-category
        outcome only the first category, the other being its mirror image).
    ci_level : float
        Confidence level.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}
        Multiplicity correction over the pairwise contrasts of the call.
    n_resamples : int
        Permutations, bootstrap resamples or Monte Carlo tables.
    seed : int, optional
        Seed of the numpy Generator.

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`. Rows: ``measure =
        "<outcome>=<category> share"`` per group × category (``estimate`` the
        share, ``count`` the rows in that category, ``exposure`` the rows of the
        group); ``"<outcome>=<category> share difference"`` with ``group = "A -
        B"`` (estimate share in A minus share in B, t or z statistic, p-values
        adjusted); and ``group = "(all)"``, ``measure = "<outcome> Cramér's V"``
        (estimate V, statistic the chi-square, p-value of the global test).
        ``n_docs`` counts distinct documents (or clusters where there is no doc_id).

    Raises
    ------
    StatisticsError
        Unknown column, fewer than two groups, a group without rows.
    UsageError
        A group that varies within a cluster (the message suggests a finer cluster).
    """
    from framing.stats.resampling import cluster_bootstrap_tables
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

    check_option("interval", interval, ("wilson", "bootstrap"))
    check_option("test", test, ("auto", "permutation", "chi2", "fisher"))
    if not isinstance(outcome, str) or outcome not in set(table.columns) | set(getattr(corpus, "columns", ())):
        raise StatisticsError(f"unknown outcome column {outcome!r}; columns: {list(map(str, table.columns))}")
    by_cols = group_columns(by)
    data, by, clus, cluster_note = cluster_for(cluster, table, by_cols, corpus=corpus, extra=[outcome], what="table")
    if outcome not in data.columns:
        raise StatisticsError(f"unknown outcome column {outcome!r}; columns: {list(map(str, data.columns))}")
    n_missing = int(data[outcome].isna().sum())
    every_group = data[by]
    data = data[data[outcome].notna()]
    if data[by].isna().any():
        raise StatisticsError(f"some rows have no value in group column {by!r}")
    groups = sorted(data[by].astype(str).unique())
    if len(groups) < 2:
        raise StatisticsError(f"need at least two groups in column {by!r} to compare, found {groups}")
    if all(c in table.columns for c in by_cols):
        all_groups = sorted(every_group.dropna().astype(str).unique())
        empty = [g for g in all_groups if g not in groups]
        if empty:
            raise StatisticsError(f"group {empty[0]!r} of column {by!r} has no rows with a value of {outcome!r}")
        unused: list[str] = []
    else:
        # groups of the corpus without a single row (e.g. an outlet that never labels the actor)
        unused = []
        if corpus is not None and all(c in corpus.columns for c in by_cols):
            present = corpus[by_cols].dropna().astype(str)
            unused = sorted(set(present.agg(GROUP_SEP.join, axis=1)) - set(groups))
    cats = sorted(data[outcome].astype(str).unique())
    G, K = len(groups), len(cats)
    z = z_value(ci_level)
    rng = np.random.default_rng(seed)
    gcol = pd.Categorical(data[by].astype(str), categories=groups).codes
    kcol = pd.Categorical(data[outcome].astype(str), categories=cats).codes
    if clus:
        constant_within(data, clus, by)
        ucode, uniq = pd.factorize(data[clus])
    else:
        ucode = np.arange(len(data))
    U = int(ucode.max()) + 1 if len(ucode) else 0
    Y = np.zeros((U, K))
    np.add.at(Y, (ucode, kcol), 1)
    ugroup = np.zeros(U, dtype=int)
    ugroup[ucode] = gcol
    table_gk = np.zeros((G, K))
    np.add.at(table_gk, ugroup, Y)
    M = table_gk.sum(axis=1)
    n_units = np.bincount(ugroup, minlength=G)
    if "doc_id" in data.columns:
        n_docs = data.assign(_g=gcol).groupby("_g")["doc_id"].nunique().reindex(range(G), fill_value=0).to_numpy()
    else:
        n_docs = n_units
    clustered = bool(clus) and bool((n_units >= 2).all())
    notes = [cluster_note] if cluster_note else []
    if "doc_id" in data.columns and (n_docs == 1).all():
        notes.append(SMALL_SAMPLE_NOTE)
        warnings.warn("compare_shares: " + SMALL_SAMPLE_NOTE + "; rows inside a document treated as independent",
                      SmallSampleWarning, stacklevel=2)
    elif clus and not clustered:
        notes.append(f"a group has a single {clus}: rows treated as independent")
        warnings.warn(f"compare_shares: a group of {by!r} has a single {clus}; rows treated as independent",
                      SmallSampleWarning, stacklevel=2)
    elif clustered and (n_units < FEW_CLUSTERS).any():
        notes.append(f"few {clus}s in some group (<{FEW_CLUSTERS}): intervals may be too narrow")
    if not clus:
        notes.append("rows treated as independent (no clustering)")
    if n_missing:
        notes.append(f"{n_missing} row(s) without {outcome!r} left out")
    if unused:
        notes.append(f"group(s) {', '.join(unused)} of the corpus have no rows and are not compared")
    note = "; ".join(notes)
    P = table_gk / M[:, None]

    # cluster-robust (linearisation) variance of each share: ratio estimator over clusters
    def share_var() -> np.ndarray:
        m_u = Y.sum(axis=1)
        resid = Y - P[ugroup] * m_u[:, None]
        ss = np.zeros((G, K))
        np.add.at(ss, ugroup, resid ** 2)
        corr = np.where(n_units > 1, n_units / np.maximum(n_units - 1, 1), 1.0)
        return ss * corr[:, None] / (M ** 2)[:, None]

    var_c = share_var() if clustered else P * (1 - P) / M[:, None]
    # one set of cluster-bootstrap tables (resampling clusters within group) serves the
    # bootstrap share intervals and the interval of Cramér's V
    boot = cluster_bootstrap_tables(Y, ugroup, G, n_resamples, rng) if clustered else None  # (R, G, K)
    rows: list[dict[str, Any]] = []
    for g, gl in enumerate(groups):
        for k, kl in enumerate(cats):
            cnt, n = table_gk[g, k], M[g]
            if interval == "bootstrap":
                if boot is not None:
                    bp = boot[:, g, k] / np.maximum(boot[:, g, :].sum(axis=1), 1)
                else:
                    bp = rng.binomial(int(n), P[g, k], size=n_resamples) / n
                lo, hi = np.quantile(bp, [(1 - ci_level) / 2, (1 + ci_level) / 2])
                meth = ("percentile cluster bootstrap (clusters resampled within group, "
                        f"{n_resamples} resamples)" if boot is not None else
                        f"percentile parametric bootstrap ({n_resamples} resamples)")
            elif clustered:
                vs = P[g, k] * (1 - P[g, k]) / n
                deff = var_c[g, k] / vs if vs > 0 else 1.0
                n_eff = n / deff if deff > 0 else n
                lo, hi = proportion_confint(P[g, k] * n_eff, n_eff, alpha=1 - ci_level, method="wilson")
                meth = f"Wilson interval with design-effect-adjusted sample size (clusters: {clus})"
            else:
                lo, hi = proportion_confint(cnt, n, alpha=1 - ci_level, method="wilson")
                meth = "Wilson interval"
            if cnt == 0:  # Wilson's bound is 0 here; floating point leaves ~1e-17
                lo = 0.0
            elif cnt == n:
                hi = 1.0
            rows.append({"group": gl, "measure": f"{outcome}={kl} share", "estimate": P[g, k], "ci_low": lo,
                         "ci_high": hi, "ci_level": ci_level, "method": meth, "n_docs": n_docs[g],
                         "count": cnt, "exposure": n, "note": note})
    # global test and Cramér's V
    chi2, p, tmeth = shares_test(Y, ugroup, G, clustered=clustered, test=test, rng=rng, n_resamples=n_resamples)
    N = M.sum()
    dfm = min(G, int((table_gk.sum(axis=0) > 0).sum())) - 1
    V = float(np.sqrt(chi2 / (N * dfm))) if dfm > 0 else np.nan
    if boot is None:
        probs = table_gk.ravel() / N
        boot_tabs = rng.multinomial(int(N), probs, size=n_resamples).reshape(n_resamples, G, K)
        bmeth = "percentile bootstrap (rows resampled)"
    else:
        boot_tabs = boot
        bmeth = "percentile cluster bootstrap"
    if dfm > 0:
        bN = boot_tabs.sum(axis=(1, 2))
        bV = np.sqrt(_chi2_stat(boot_tabs) / (bN * dfm))
        vlo, vhi = np.quantile(bV, [(1 - ci_level) / 2, (1 + ci_level) / 2])
    else:
        vlo = vhi = np.nan
    rows.append({"group": ALL_GROUPS, "measure": f"{outcome} Cramér's V", "estimate": V, "ci_low": vlo,
                 "ci_high": vhi, "ci_level": ci_level, "statistic": chi2, "p_value": p,
                 "adjust_method": "none", "p_adjusted": p,
                 "method": f"{tmeth}; V interval: {bmeth}", "n_docs": n_docs.sum(), "count": N,
                 "exposure": N, "note": note})
    if pairwise:
        kset = range(1) if K == 2 else range(K)
        for a, b in itertools.combinations(range(G), 2):
            for k in kset:
                d = P[a, k] - P[b, k]
                if clustered:
                    va, vb = var_c[a, k], var_c[b, k]
                    se = float(np.sqrt(va + vb))
                    # Welch-Satterthwaite degrees of freedom from the clusters of the two groups
                    dof = (va + vb) ** 2 / (va ** 2 / (n_units[a] - 1) + vb ** 2 / (n_units[b] - 1)) \
                        if se > 0 else np.inf
                    st = d / se if se > 0 else np.nan
                    pv = float(2 * sps.t.sf(abs(st), dof)) if se > 0 else (1.0 if d == 0 else np.nan)
                    q = float(sps.t.ppf(0.5 + ci_level / 2, dof)) if se > 0 else z
                    lo, hi = d - q * se, d + q * se
                    meth = (f"difference of shares, cluster-robust SE (clusters: {clus}), "
                            "Wald t-test (Satterthwaite df)")
                else:
                    lo, hi = confint_proportions_2indep(table_gk[a, k], M[a], table_gk[b, k], M[b],
                                                        method="newcomb", compare="diff", alpha=1 - ci_level)
                    two = np.array([[table_gk[a, k], M[a] - table_gk[a, k]],
                                    [table_gk[b, k], M[b] - table_gk[b, k]]]).astype(int)
                    pv, st = float(sps.fisher_exact(two).pvalue), np.nan
                    meth = "difference of shares, Newcombe interval, Fisher exact test"
                rows.append({"group": f"{groups[a]} - {groups[b]}",
                             "measure": f"{outcome}={cats[k]} share difference", "estimate": d,
                             "ci_low": lo, "ci_high": hi, "ci_level": ci_level, "statistic": st,
                             "p_value": pv, "method": meth, "n_docs": n_docs[a] + n_docs[b],
                             "count": table_gk[a, k] + table_gk[b, k], "exposure": M[a] + M[b],
                             "note": note, "_family": "pairwise"})
    adjust_family(rows, "pairwise", adjust)
    for r in rows:
        r.pop("_family", None)
    return result_table(rows)
