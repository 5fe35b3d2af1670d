"""Comparing framing measures across outlets (or any grouping) with honest statistics.

Two questions, two functions:

* :func:`compare` — *how often*: the rate of lexicon matches per 1,000 tokens in
  each group, and rate ratios against a reference group or the pooled rate,
  from a Poisson (or negative binomial) GLM with ``log(n_tokens)`` as offset.
* :func:`compare_shares` — *which choice*: among the things an outlet did
  (labelled an actor, attributed a quote, reported a death), the share that fell
  in each category (``label_category``, ``verb_category``, ``construction``…).

The article is the unit of analysis. Matches inside one article are not
independent draws, so intervals and tests are cluster-robust by document (or by
a coarser cluster such as the outlet when the grouping is an outlet property,
e.g. its political leaning). With one document per group nothing about
between-document variation can be learnt: the functions then fall back to exact
tests on the counts inside those documents, say in ``note`` that the result
describes these articles and not the outlets, and warn once
(:class:`SmallSampleWarning`).

Every call corrects its family of tests for multiplicity (Holm by default,
Benjamini–Hochberg on request, via :func:`statsmodels.stats.multitest.multipletests`)
and records the method in ``adjust_method``.

Results are :class:`ResultTable` objects: ordinary :class:`pandas.DataFrame`
objects with the columns of :data:`framing.schema.RESULT`, plus a ``models``
attribute holding the fitted statsmodels results (``table.models[measure].summary()``).
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing import schema
from framing.errors import StatisticsError

__all__ = [
    "ResultTable",
    "SmallSampleWarning",
    "adjust_pvalues",
    "compare",
    "compare_shares",
]

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
    if method not in ("holm", "fdr_bh", "bonferroni", "none"):
        raise StatisticsError(f"adjust must be 'holm', 'fdr_bh', 'bonferroni' or 'none', got {method!r}")
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


def _apply_adjust(rows: list[dict[str, Any]], family: str, method: Adjust) -> None:
    idx = [i for i, r in enumerate(rows) if r.get("_family") == family]
    adj = adjust_pvalues([rows[i].get("p_value", np.nan) for i in idx], method)
    for i, a in zip(idx, adj):
        rows[i]["p_adjusted"] = a
        rows[i]["adjust_method"] = method if not np.isnan(rows[i].get("p_value", np.nan)) else pd.NA


def _z(ci_level: float) -> float:
    if not 0 < ci_level < 1:
        raise StatisticsError(f"ci_level must be between 0 and 1 (e.g. 0.95), got {ci_level!r}")
    return float(sps.norm.ppf(0.5 + ci_level / 2))


# --------------------------------------------------------------------------- input handling


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


def _constant_within(frame: pd.DataFrame, unit: str, column: str) -> None:
    n = frame.groupby(unit, sort=False)[column].nunique(dropna=False)
    if (n > 1).any():
        bad = n.index[n > 1][0]
        raise StatisticsError(
            f"column {column!r} takes several values within {unit} {bad!r}; "
            f"a group must be constant within each {unit} (choose a coarser cluster or group)"
        )


def _resolve_cluster(cluster: bool | str | None, table: pd.DataFrame) -> str | None:
    if cluster is True:
        return "doc_id" if "doc_id" in table.columns else None
    if cluster is False or cluster is None:
        return None
    if not isinstance(cluster, str):
        raise StatisticsError(f"cluster must be True, False or a column name, got {cluster!r}")
    return cluster


# --------------------------------------------------------------------------- rates: the core


def poisson_exact_ci(count: np.ndarray, exposure: np.ndarray, ci_level: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval for a Poisson rate ``count / exposure``."""
    count = np.asarray(count, dtype=float)
    a = 1 - ci_level
    low = np.where(count > 0, sps.chi2.ppf(a / 2, 2 * count) / 2, 0.0)
    high = sps.chi2.ppf(1 - a / 2, 2 * count + 2) / 2
    return low / exposure, high / exposure


def exact_ratio(c1: float, e1: float, c2: float, e2: float, ci_level: float) -> tuple[float, float, float, float]:
    """Rate ratio ``(c1/e1) / (c2/e2)`` with the exact conditional (binomial) test and interval.

    Given the total ``c1 + c2``, ``c1`` is binomial with success probability
    ``R e1 / (R e1 + e2)``; the Clopper–Pearson interval for that probability is
    mapped back to the ratio ``R``. The p-value is statsmodels'
    ``test_poisson_2indep(..., method="exact-cond")``.

    Returns
    -------
    tuple
        ``(estimate, ci_low, ci_high, p_value)``.
    """
    from statsmodels.stats.rates import test_poisson_2indep

    n = int(round(c1 + c2))
    if n == 0:
        return np.nan, 0.0, np.inf, np.nan
    k = int(round(c1))
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        p = float(test_poisson_2indep(k, e1, n - k, e2, method="exact-cond").pvalue)
    ci = sps.binomtest(k, n).proportion_ci(confidence_level=ci_level, method="exact")

    def to_ratio(q: float) -> float:
        return np.inf if q >= 1 else q / (1 - q) * e2 / e1

    est = to_ratio(k / n)
    return est, to_ratio(ci.low), to_ratio(ci.high), min(p, 1.0)


def fit_rates(
    counts: np.ndarray,
    exposure: np.ndarray,
    groups: np.ndarray,
    n_groups: int,
    *,
    clusters: np.ndarray | None,
    family: Literal["poisson", "negbin"] = "poisson",
) -> tuple[np.ndarray, np.ndarray, Any]:
    """Fit log rates per group: a GLM with one indicator per group and ``log(exposure)`` offset.

    Parameters
    ----------
    counts, exposure : numpy.ndarray
        One entry per document (exposure > 0).
    groups : numpy.ndarray of int
        Group code 0..n_groups-1 per document.
    clusters : numpy.ndarray of int or None
        Cluster code per document for the cluster-robust (sandwich) covariance
        with statsmodels' small-sample correction; None: model-based covariance
        (matches treated as independent events).
    family : {"poisson", "negbin"}
        Poisson GLM or NB2 negative binomial (dispersion estimated).

    Returns
    -------
    tuple
        ``(log_rates, covariance, fitted statsmodels result)``.
    """
    import statsmodels.api as sm

    X = np.zeros((len(counts), n_groups))
    X[np.arange(len(counts)), groups] = 1.0
    offset = np.log(exposure)
    kw: dict[str, Any] = {}
    if clusters is not None:
        kw = {"cov_type": "cluster", "cov_kwds": {"groups": clusters}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if family == "poisson":
            res = sm.GLM(counts, X, family=sm.families.Poisson(), offset=offset).fit(**kw)
        else:
            start = np.log(np.maximum(np.bincount(groups, weights=counts, minlength=n_groups), 0.5)
                           / np.bincount(groups, weights=exposure, minlength=n_groups))
            res = sm.NegativeBinomial(counts, X, offset=offset).fit(
                start_params=np.r_[start, 0.1], disp=0, maxiter=200, **kw)
    params = np.asarray(res.params)[:n_groups]
    cov = np.asarray(res.cov_params())[:n_groups, :n_groups]
    return params, cov, res


def rate_contrasts(beta: np.ndarray, cov: np.ndarray, weights: np.ndarray, reference: int | None,
                   *, jacobian: bool = False) -> tuple[np.ndarray, ...]:
    """Log rate ratios of each group against a reference group (index) or the pooled rate.

    The pooled rate is the exposure-weighted mean of the group rates
    (``weights`` = each group's share of the exposure); its variance comes from
    the delta method. Returns ``(log_ratio, se)`` for every group (the
    reference group's own entry is 0 with se 0).
    """
    G = len(beta)
    if reference is None:
        rates = np.exp(beta)
        pooled = float(weights @ rates)
        J = np.eye(G) - (weights * rates / pooled)[None, :]
        lr = beta - np.log(pooled)
    else:
        J = np.eye(G)
        J[:, reference] -= 1.0
        lr = beta - beta[reference]
    var = np.einsum("ij,jk,ik->i", J, cov, J)
    se = np.sqrt(np.maximum(var, 0.0))
    return (lr, se, J) if jacobian else (lr, se)


def wald_equal(beta: np.ndarray, cov: np.ndarray, *, df2: float = np.inf) -> tuple[float, float]:
    """Wald test that all groups share one rate; returns ``(chi-square statistic, p_value)``.

    With finite ``df2`` the p-value refers ``W / (G - 1)`` to F(G - 1, df2).
    """
    G = len(beta)
    R = np.zeros((G - 1, G))
    R[:, 0] = -1.0
    R[np.arange(G - 1), np.arange(1, G)] = 1.0
    d = R @ beta
    try:
        w = float(d @ np.linalg.solve(R @ cov @ R.T, d))
    except np.linalg.LinAlgError:
        return np.nan, np.nan
    if np.isfinite(df2):
        return w, float(sps.f.sf(w / (G - 1), G - 1, df2))
    return w, float(sps.chi2.sf(w, G - 1))


def _measure_rows(
    name: str,
    groups: list[str],
    counts: np.ndarray,
    exposure: np.ndarray,
    gcode: np.ndarray,
    ccode: np.ndarray | None,
    *,
    reference: int | None,
    ref_label: str,
    family: str,
    ci_level: float,
    replicated: bool,
    cluster_label: str | None,
    n_docs: np.ndarray,
    n_clusters: np.ndarray | None = None,
    note: str,
    rng: np.random.Generator,
    n_resamples: int,
) -> tuple[list[dict[str, Any]], Any]:
    """All rows of one measure: rates, rate ratios, one omnibus test.

    With clusters nested in groups the group estimates are independent, and
    intervals and tests use Student t with Satterthwaite degrees of freedom
    built from the number of clusters per group (as Welch's test does); the
    omnibus Wald test is referred to F(G - 1, smallest clusters per group - 1).
    Without clusters (matches independent) the normal / chi-square references are used.
    """
    G = len(groups)
    z = _z(ci_level)
    C = np.bincount(gcode, weights=counts, minlength=G)
    E = np.bincount(gcode, weights=exposure, minlength=G)
    w = E / E.sum()
    rows: list[dict[str, Any]] = []
    model = None
    use_glm = replicated and (C > 0).all()
    notes = [note] if note else []
    if replicated and not use_glm:
        notes.append("a group has no matches: exact conditional tests on pooled counts "
                     "(these ignore between-document variation)")
    if use_glm:
        beta, cov, model = fit_rates(counts, exposure, gcode, G, clusters=ccode, family=family)  # type: ignore[arg-type]
        se_b = np.sqrt(np.maximum(np.diag(cov), 0))
        fam = "Poisson GLM" if family == "poisson" else "negative binomial (NB2) GLM"
        lr, se, J = rate_contrasts(beta, cov, w, reference, jacobian=True)
        if ccode is not None and n_clusters is not None:
            how = f"cluster-robust by {cluster_label}"
            m1 = np.maximum(np.asarray(n_clusters, dtype=float) - 1, 1)
            df_rate = m1
            comp = J ** 2 * np.diag(cov)[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                df_ratio = comp.sum(1) ** 2 / (comp ** 2 / m1[None, :]).sum(1)
            df_ratio = np.where(np.isfinite(df_ratio), df_ratio, m1.min())
            q_rate, q_ratio = sps.t.ppf(0.5 + ci_level / 2, df_rate), sps.t.ppf(0.5 + ci_level / 2, df_ratio)
            ref_dist, het_df2 = "t (Satterthwaite df from clusters per group)", float(m1.min())
        else:
            how = "model-based SE (matches independent)"
            df_ratio = np.full(G, np.inf)
            q_rate = q_ratio = np.full(G, z)
            ref_dist, het_df2 = "normal", np.inf
        method_rate = f"{fam}, log(tokens) offset, {how}, Wald interval ({ref_dist})"
        rate, lo, hi = np.exp(beta), np.exp(beta - q_rate * se_b), np.exp(beta + q_rate * se_b)
        with np.errstate(divide="ignore", invalid="ignore"):
            tstat = lr / se
        pval = 2 * sps.t.sf(np.abs(tstat), df_ratio)
        ratio = np.c_[np.exp(lr), np.exp(lr - q_ratio * se), np.exp(lr + q_ratio * se), tstat, pval]
        method_ratio = f"{fam} rate ratio vs {ref_label}, {how}, Wald test ({ref_dist})"
        het_stat, het_p = wald_equal(beta, cov, df2=het_df2)
        method_het = (f"Wald test of equal rates, chi-square ({G - 1} df), p from F({G - 1}, {het_df2:g}), {how}"
                      if np.isfinite(het_df2) else f"Wald chi-square test of equal rates ({G - 1} df), {how}")
    else:
        rate = C / E
        lo, hi = poisson_exact_ci(C, E, ci_level)
        method_rate = "exact Poisson (Garwood) interval on pooled counts"
        ratio = np.full((G, 5), np.nan)
        for g in range(G):
            if reference is not None:
                if g == reference:
                    continue
                est, l_, h_, p = exact_ratio(C[g], E[g], C[reference], E[reference], ci_level)
            else:
                # group vs the rest, mapped to group vs pooled: R = theta / (w theta + 1 - w)
                th, l_, h_, p = exact_ratio(C[g], E[g], C.sum() - C[g], E.sum() - E[g], ci_level)

                def to_pooled(t: float, wg: float = w[g]) -> float:
                    return 1.0 / wg if np.isinf(t) else t / (wg * t + 1 - wg)

                est = C[g] / E[g] / (C.sum() / E.sum()) if C.sum() > 0 else np.nan
                l_, h_ = to_pooled(l_), to_pooled(h_)
            ratio[g] = [est, l_, h_, np.nan, p]
        method_ratio = (f"rate ratio vs {ref_label}, exact conditional binomial test "
                        "(statsmodels exact-cond) and Clopper-Pearson interval on pooled counts")
        # omnibus: counts given their total are multinomial with probabilities E_g / E
        expected = C.sum() * w
        if C.sum() > 0:
            het_stat = float(((C - expected) ** 2 / expected).sum())
            sims = rng.multinomial(int(C.sum()), w, size=n_resamples)
            sim_stat = ((sims - expected) ** 2 / expected).sum(axis=1)
            het_p = float((1 + (sim_stat >= het_stat - 1e-9).sum()) / (n_resamples + 1))
        else:
            het_stat, het_p = np.nan, np.nan
        method_het = (f"chi-square test of equal rates, Monte Carlo p-value "
                      f"({n_resamples} multinomial draws given the total count)")
    if C.sum() == 0:
        notes.append("no matches in any group: nothing to test")
    note_s = "; ".join(notes)
    for g, label in enumerate(groups):
        rows.append({"group": label, "measure": f"{name} rate per 1k", "estimate": rate[g] * 1000,
                     "ci_low": lo[g] * 1000, "ci_high": hi[g] * 1000, "method": method_rate,
                     "n_docs": n_docs[g], "count": C[g], "exposure": E[g], "note": note_s})
    for g, label in enumerate(groups):
        if reference is not None and g == reference:
            continue
        est, l_, h_, st, p = ratio[g]
        rows.append({"group": label, "measure": f"{name} rate ratio vs {ref_label}", "estimate": est,
                     "ci_low": l_, "ci_high": h_, "statistic": st, "p_value": p, "method": method_ratio,
                     "n_docs": n_docs[g], "count": C[g], "exposure": E[g], "note": note_s,
                     "_family": "ratio"})
    rows.append({"group": ALL_GROUPS, "measure": f"{name} equal rates", "statistic": het_stat,
                 "p_value": het_p, "method": method_het, "n_docs": n_docs.sum(), "count": C.sum(),
                 "exposure": E.sum(), "note": note_s, "_family": "omnibus"})
    return rows, model


def _as_list(x: str | Sequence[str] | None) -> list[str] | None:
    if x is None:
        return None
    return [x] if isinstance(x, str) else list(x)


def compare(
    scores: pd.DataFrame,
    by: str = "outlet",
    *,
    lexicon: str | Sequence[str] | None = None,
    category: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    measure: Sequence[str] = ("lexicon", "category"),
    count: str = "count",
    exposure: str = "n_tokens",
    corpus: pd.DataFrame | None = None,
    reference: str | None = None,
    family: Literal["poisson", "negbin"] = "poisson",
    cluster: bool | str = True,
    ci_level: float = 0.95,
    adjust: Adjust = "holm",
    n_resamples: int = 9999,
    seed: int | None = 0,
) -> ResultTable:
    """Compare the rate of each measure (e.g. lexicon category) across groups.

    For each measure the documents' counts are modelled with a GLM with one
    indicator per group and ``log(exposure)`` as offset (Poisson, or negative
    binomial), so each group's rate is its total count over its total tokens.
    Rate ratios compare each group with ``reference`` (a group) or, by
    default, with the pooled rate of all documents (delta method). Standard
    errors are cluster-robust (sandwich with statsmodels' small-sample
    correction) by document, or by ``cluster`` when the grouping is a property
    of a coarser unit — e.g. cluster by outlet when comparing leanings, since
    the leaning is the same for every article of an outlet. Intervals and
    tests refer to Student t with Satterthwaite degrees of freedom from the
    number of clusters per group (Welch's idea), the omnibus test to F.
    By simulation (``tests/test_calibration.py``) the false-positive rate is
    near 5 % and 95 % intervals cover near 95 % with 30 overdispersed
    documents per group; with fewer than :data:`FEW_CLUSTERS` clusters in a
    group ``note`` says intervals may be too narrow.

    When some group has a single document (or cluster), or no matches at all,
    no between-document variation can be estimated: the rates then get exact
    Poisson intervals, the ratios the exact conditional binomial test and its
    Clopper–Pearson interval, and the omnibus test a Monte Carlo multinomial
    p-value — all on the counts inside the documents. With one document per
    group ``note`` says the result describes these articles, not the groups,
    and a :class:`SmallSampleWarning` is issued once.

    Parameters
    ----------
    scores : pandas.DataFrame
        One row per document × measure (× voice), e.g. :data:`framing.schema.SCORES`
        from :func:`framing.score`: ``doc_id``, the ``measure`` columns, ``voice``
        (optional), ``count`` and ``n_tokens``. Documents without a row for a
        measure count as zero matches.
    by : str
        Grouping column, of ``scores`` or of ``corpus`` (merged on ``doc_id``), e.g.
        ``"outlet"`` or ``"leaning"``.
    lexicon, category, voice : str or list of str, optional
        Keep only these lexicons / categories / voices. Counts are summed over
        the kept voices (all voices by default).
    measure : sequence of str
        Columns whose values name a measure (those present are used).
    count, exposure : str
        Count column and exposure column (tokens). Rates are per 1,000 tokens.
    corpus : pandas.DataFrame, optional
        Corpus (``doc_id`` + metadata) to take ``by`` or ``cluster`` from.
    reference : str, optional
        Group to compare against; None compares each group with the pooled rate.
    family : {"poisson", "negbin"}
        Poisson GLM (default; with cluster-robust errors it is valid under
        overdispersion) or NB2 negative binomial.
    cluster : bool or str
        True: cluster by ``doc_id``; a column name: cluster by it (must be
        constant within document); False: treat matches as independent events
        (anti-conservative for text; for checks only).
    ci_level : float
        Confidence level of the intervals.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}
        Multiplicity correction. Families: all rate-ratio tests of the call, and
        separately all omnibus "equal rates" tests of the call.
    n_resamples : int
        Monte Carlo draws for the exact omnibus test (small-sample path).
    seed : int, optional
        Seed of the numpy Generator used by Monte Carlo tests.

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`: ``group`` (group, or ``"(all)"``),
        ``measure`` (``"<lexicon>:<category> rate per 1k"``, ``"… rate ratio vs
        <reference|pooled>"``, ``"… equal rates"``), ``estimate`` (rate per 1,000
        tokens or rate ratio), ``ci_low``, ``ci_high``, ``ci_level``,
        ``statistic`` (Wald z for ratios, chi-square for the omnibus test),
        ``p_value``, ``p_adjusted``, ``adjust_method``, ``method`` (model and
        variance used), ``n_docs``, ``count`` (matches), ``exposure`` (tokens),
        ``note`` (caveats). ``.models`` maps each measure name to its fitted
        statsmodels result (GLM path only).

    Raises
    ------
    StatisticsError
        Unknown group or cluster column, fewer than two groups, a group with
        no tokens, a reference that is not a group, a group that varies within a
        cluster.
    """
    if family not in ("poisson", "negbin"):
        raise StatisticsError(f"family must be 'poisson' or 'negbin', got {family!r}")
    if "doc_id" not in getattr(scores, "columns", ()):
        schema.require(scores, ["doc_id"], what="scores table")
    clus = _resolve_cluster(cluster, scores)
    table = with_groups(scores, by, corpus=corpus, extra=[clus] if clus else [], what="scores table")
    schema.require(table, ["doc_id", count, exposure], what="scores table")
    mcols = [c for c in measure if c in table.columns]
    for col, keep in (("lexicon", lexicon), ("category", category), ("voice", voice)):
        keep_l = _as_list(keep)
        if keep_l is not None:
            if col not in table.columns:
                raise StatisticsError(f"cannot filter on {col!r}: the scores table has no such column")
            table = table[table[col].isin(keep_l)]
    if table.empty:
        raise StatisticsError("no rows left in the scores table after filtering "
                              f"(lexicon={lexicon!r}, category={category!r}, voice={voice!r})")
    if table[by].isna().any():
        bad = table.loc[table[by].isna(), "doc_id"].iloc[0]
        raise StatisticsError(f"document {bad!r} has no value in group column {by!r}")
    _constant_within(table, "doc_id", by)
    if clus and clus != "doc_id":
        _constant_within(table, "doc_id", clus)
        _constant_within(table, clus, by)

    # exposure per document: constant over a document's rows, or per voice (then summed)
    ev = table.groupby(["doc_id", "voice"] if "voice" in table.columns else ["doc_id"],
                       sort=False)[exposure].max()
    if "voice" in table.columns:
        per_doc = ev.groupby(level=0, sort=False)
        doc_exposure = per_doc.max().where(per_doc.nunique() <= 1, per_doc.sum())
    else:
        doc_exposure = ev
    docs = table.groupby("doc_id", sort=False)[[by] + ([clus] if clus and clus != "doc_id" else [])].first()
    docs["exposure"] = doc_exposure.astype(float)
    docs[by] = docs[by].astype(str)
    groups = sorted(docs[by].unique())
    if len(groups) < 2:
        raise StatisticsError(f"need at least two groups in column {by!r} to compare, found {groups}")
    group_exposure = docs.groupby(by)["exposure"].sum()
    if (group_exposure <= 0).any():
        bad = group_exposure.index[group_exposure <= 0][0]
        raise StatisticsError(f"group {bad!r} of column {by!r} has zero exposure ({exposure!r} sums to 0)")
    if reference is not None and str(reference) not in groups:
        raise StatisticsError(f"reference {reference!r} is not a group of column {by!r}: {groups}")
    ref_idx = None if reference is None else groups.index(str(reference))
    ref_label = "pooled" if reference is None else str(reference)
    empty_docs = int((docs["exposure"] <= 0).sum())
    docs = docs[docs["exposure"] > 0]
    gcode_all = pd.Categorical(docs[by], categories=groups).codes.astype(int)
    n_docs = np.bincount(gcode_all, minlength=len(groups))
    unit = clus if clus else None
    if unit is None or unit == "doc_id":
        n_units = n_docs
        ccode = np.arange(len(docs)) if unit else None
    else:
        n_units = docs.groupby(by)[unit].nunique().reindex(groups).to_numpy()
        ccode = pd.factorize(docs[unit])[0]
    replicated = bool((n_units >= 2).all()) if unit else bool((n_docs >= 2).all())
    notes = []
    if (n_docs == 1).all():
        notes.append(SMALL_SAMPLE_NOTE)
        warnings.warn("compare: " + SMALL_SAMPLE_NOTE + "; tests use the counts inside the documents",
                      SmallSampleWarning, stacklevel=2)
    elif not replicated:
        what_u = unit or "document"
        notes.append(f"a group has a single {what_u}: exact tests on pooled counts describe these "
                     f"{what_u}s, not the groups")
        warnings.warn(f"compare: a group of {by!r} has a single {what_u}; using exact tests on pooled counts",
                      SmallSampleWarning, stacklevel=2)
    elif unit and (n_units < FEW_CLUSTERS).any():
        notes.append(f"few {unit}s in some group (<{FEW_CLUSTERS}): cluster-robust intervals may be too narrow")
    if unit is None:
        notes.append("matches treated as independent (no clustering)")
    if empty_docs:
        notes.append(f"{empty_docs} document(s) with no tokens carry no information")
    note = "; ".join(notes)

    if mcols:
        mkey = table[mcols[0]].astype(str)
        for c in mcols[1:]:
            mkey = mkey + ":" + table[c].astype(str)
    else:
        mkey = pd.Series(count, index=table.index)
    voices = _as_list(voice)
    suffix = f" [{'+'.join(voices)}]" if voices else ""
    mcode, mnames = pd.factorize(mkey, sort=True)
    dcode = pd.Index(docs.index).get_indexer(table["doc_id"])
    inside = dcode >= 0  # rows of documents without tokens are left out of the fit
    counts_dm = np.zeros((len(docs), len(mnames)))
    np.add.at(counts_dm, (dcode[inside], mcode[inside]),
              pd.to_numeric(table[count], errors="coerce").fillna(0).to_numpy(dtype=float)[inside])
    rng = np.random.default_rng(seed)
    rows: list[dict[str, Any]] = []
    models: dict[str, Any] = {}
    exposure_d = docs["exposure"].to_numpy()
    for j, m in enumerate(mnames):
        c = counts_dm[:, j]
        name = f"{m}{suffix}"
        r, model = _measure_rows(
            name, groups, c, exposure_d, gcode_all, ccode, reference=ref_idx,
            ref_label=ref_label, family=family, ci_level=ci_level, replicated=replicated,
            cluster_label=unit, n_docs=n_docs, n_clusters=n_units, note=note, rng=rng, n_resamples=n_resamples)
        rows.extend(r)
        if model is not None:
            models[name] = model
    _apply_adjust(rows, "ratio", adjust)
    _apply_adjust(rows, "omnibus", adjust)
    for r in rows:
        r["ci_level"] = ci_level if not np.isnan(r.get("ci_low", np.nan)) else np.nan
        r.pop("_family", None)
    return result_table(rows, models=models)


# --------------------------------------------------------------------------- shares


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
    from framing.resample import permuted_group_tables

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
    by: str = "outlet",
    outcome: str = "label_category",
    *,
    corpus: pd.DataFrame | None = None,
    cluster: bool | str = True,
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
    by : str
        Grouping column of ``table`` or of ``corpus`` (merged on ``doc_id``).
    outcome : str
        Categorical column whose shares are compared (rows where it is missing
        are left out and counted in ``note``).
    corpus : pandas.DataFrame, optional
        Corpus to take ``by`` / ``cluster`` from.
    cluster : bool or str
        True: cluster by ``doc_id`` when present; a column name; False: rows independent.
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
        Unknown column, fewer than two groups, a group without rows, a group
        that varies within a cluster.
    """
    from framing.resample import cluster_bootstrap_tables
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

    if interval not in ("wilson", "bootstrap"):
        raise StatisticsError(f"interval must be 'wilson' or 'bootstrap', got {interval!r}")
    if test not in ("auto", "permutation", "chi2", "fisher"):
        raise StatisticsError(f"test must be 'auto', 'permutation', 'chi2' or 'fisher', got {test!r}")
    clus = _resolve_cluster(cluster, table)
    data = with_groups(table, by, corpus=corpus, extra=[c for c in (outcome, clus) if c], what="table")
    if outcome not in data.columns:
        raise StatisticsError(f"unknown outcome column {outcome!r}; columns: {list(map(str, data.columns))}")
    n_missing = int(data[outcome].isna().sum())
    data = data[data[outcome].notna()]
    if data[by].isna().any():
        raise StatisticsError(f"some rows have no value in group column {by!r}")
    groups = sorted(data[by].astype(str).unique())
    if len(groups) < 2:
        raise StatisticsError(f"need at least two groups in column {by!r} to compare, found {groups}")
    if by in table.columns:
        all_groups = sorted(table[by].dropna().astype(str).unique())
        empty = [g for g in all_groups if g not in groups]
        if empty:
            raise StatisticsError(f"group {empty[0]!r} of column {by!r} has no rows with a value of {outcome!r}")
        unused: list[str] = []
    else:
        # groups of the corpus without a single row (e.g. an outlet that never labels the actor)
        unused = sorted(set(corpus[by].dropna().astype(str)) - set(groups)) if corpus is not None else []
    cats = sorted(data[outcome].astype(str).unique())
    G, K = len(groups), len(cats)
    z = _z(ci_level)
    rng = np.random.default_rng(seed)
    gcol = pd.Categorical(data[by].astype(str), categories=groups).codes
    kcol = pd.Categorical(data[outcome].astype(str), categories=cats).codes
    if clus:
        _constant_within(data, clus, by)
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
    notes = []
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
    _apply_adjust(rows, "pairwise", adjust)
    for r in rows:
        r.pop("_family", None)
    return result_table(rows)
