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

import warnings
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing import schema
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

from framing.stats._groups import AUTO, cluster_for, constant_within, z_value
__all__ = ["compare"]

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
    z = z_value(ci_level)
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
    by: str | Sequence[str] = "outlet",
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
    cluster: bool | str = AUTO,
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
    by : str or list of str
        Grouping column, of ``scores`` or of ``corpus`` (merged on ``doc_id``), e.g.
        ``"outlet"`` or ``"leaning"``; or several (``["leaning", "topic"]``), whose
        combinations are the groups (``group`` then reads ``"left / economy"``).
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
    cluster : "auto", bool or str
        "auto" (default): the coarsest unit within which the group is constant —
        the outlet when ``by`` is an outlet property such as its leaning (and
        some group has several outlets), else the document; ``note`` says when
        the outlet was chosen. True: cluster by ``doc_id``; a column name:
        cluster by it (must be constant within document, and the group within
        it); False: treat matches as independent events (anti-conservative for
        text; for checks only).
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
        no tokens, a reference that is not a group.
    UsageError
        A group that varies within a cluster (the message suggests a finer cluster).
    """
    check_option("family", family, ("poisson", "negbin"))
    if "doc_id" not in getattr(scores, "columns", ()):
        schema.require(scores, ["doc_id"], what="scores table")
    table, by, clus, cluster_note = cluster_for(cluster, scores, by, corpus=corpus, what="scores table")
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
    constant_within(table, "doc_id", by)
    if clus and clus != "doc_id":
        constant_within(table, "doc_id", clus)
        constant_within(table, clus, by)

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
    notes = [cluster_note] if cluster_note else []
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
    adjust_family(rows, "ratio", adjust)
    adjust_family(rows, "omnibus", adjust)
    for r in rows:
        r["ci_level"] = ci_level if not np.isnan(r.get("ci_low", np.nan)) else np.nan
        r.pop("_family", None)
    return result_table(rows, models=models)
