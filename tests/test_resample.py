"""bootstrap and permutation_test resample documents, not matches."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

from framing import schema
from framing.errors import StatisticsError
from framing.stats.resampling import bootstrap, cluster_bootstrap_tables, permutation_test, permuted_group_tables


def doc_table(values: list[float], rows_per_doc: int, groups: list[str] | None = None) -> pd.DataFrame:
    """Each document repeats its value on many rows (matches in one article are alike)."""
    out = []
    for i, v in enumerate(values):
        for _ in range(rows_per_doc):
            out.append({"doc_id": f"d{i}", "value": v, "outlet": groups[i] if groups else "A"})
    return pd.DataFrame(out)


def mean_value(t: pd.DataFrame) -> float:
    return float(t["value"].mean())


def test_bootstrap_spread_reflects_documents_not_rows():
    values = list(np.random.default_rng(0).normal(size=20))
    t = doc_table(values, rows_per_doc=50)
    res = bootstrap(t, mean_value, n_resamples=1000, seed=1)
    assert list(res.columns) == list(schema.RESULT)
    r = res.iloc[0]
    # standard error of a mean of 20 documents (plug-in, as the bootstrap estimates it)
    se_docs = np.std(values, ddof=0) / np.sqrt(20)
    assert r["statistic"] == pytest.approx(se_docs, rel=0.15)
    # treating the 1,000 rows as independent would give a standard error about 7 times smaller
    assert r["statistic"] > 3 * np.std(t["value"], ddof=0) / np.sqrt(len(t))
    assert r["ci_low"] < np.mean(values) < r["ci_high"] and r["estimate"] == pytest.approx(np.mean(values))
    assert r["n_docs"] == 20 and r["measure"] == "mean_value"


def test_bootstrap_is_seeded_and_stratified_keeps_group_sizes():
    t = doc_table([1, 2, 3, 4, 5, 6, 7], rows_per_doc=3, groups=list("AAABBBB"))
    a = bootstrap(t, mean_value, n_resamples=200, seed=3)
    b = bootstrap(t, mean_value, n_resamples=200, seed=3)
    c = bootstrap(t, mean_value, n_resamples=200, seed=4)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a["ci_low"].iloc[0] != c["ci_low"].iloc[0] or a["ci_high"].iloc[0] != c["ci_high"].iloc[0]

    def docs_per_group(tab: pd.DataFrame) -> pd.Series:
        return tab.groupby("outlet")["doc_id"].nunique()

    res = bootstrap(t, docs_per_group, strata="outlet", n_resamples=100, seed=0).set_index("group")
    # a document drawn twice counts as two documents, and every group keeps its number of documents
    assert (res["ci_low"] == res["estimate"]).all() and (res["ci_high"] == res["estimate"]).all()
    assert res.loc["A", "estimate"] == 3 and res.loc["B", "estimate"] == 4


def exact_permutation_p(values: np.ndarray, n_a: int) -> float:
    """Two-sided p (twice the smaller tail) of the difference of means over all splits."""
    obs = values[:n_a].mean() - values[n_a:].mean()
    stats = []
    for idx in itertools.combinations(range(len(values)), n_a):
        mask = np.zeros(len(values), bool)
        mask[list(idx)] = True
        stats.append(values[mask].mean() - values[~mask].mean())
    stats = np.array(stats)
    return min(1.0, 2 * min((stats >= obs - 1e-12).mean(), (stats <= obs + 1e-12).mean()))


def test_permutation_p_value_matches_full_enumeration():
    values = np.array([3.1, 4.0, 5.2, 4.4, 6.0, 1.2, 2.5, 2.0, 3.3, 0.7])
    t = doc_table(list(values), rows_per_doc=2, groups=list("AAAAABBBBB"))

    def diff(tab: pd.DataFrame) -> float:
        m = tab.groupby("outlet")["value"].mean()
        return float(m["A"] - m["B"])

    res = permutation_test(t, diff, by="outlet", n_resamples=2000, seed=2)
    assert res["p_value"].iloc[0] == pytest.approx(exact_permutation_p(values, 5), abs=0.015)
    assert res["estimate"].iloc[0] == pytest.approx(values[:5].mean() - values[5:].mean())


def test_permutation_moves_whole_documents():
    # three documents per outlet, 200 matches each: only 20 ways to split the documents,
    # so no p-value below 1/20 is possible however many matches there are
    t = doc_table([5.0, 6.0, 7.0, 1.0, 2.0, 3.0], rows_per_doc=200, groups=list("AAABBB"))

    def diff(tab: pd.DataFrame) -> float:
        m = tab.groupby("outlet")["value"].mean()
        return float(m["A"] - m["B"])

    res = permutation_test(t, diff, by="outlet", n_resamples=1000, alternative="greater", seed=0)
    assert res["p_value"].iloc[0] == pytest.approx(1 / 20, abs=0.02)
    bad = t.copy()
    bad.loc[0, "outlet"] = "B"
    with pytest.raises(StatisticsError, match="varies within"):
        permutation_test(bad, diff, by="outlet")
    with pytest.raises(StatisticsError, match="'leaning'"):
        permutation_test(t, diff, by="leaning")


def test_several_statistics_are_adjusted_together():
    t = doc_table([5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 2.5], rows_per_doc=2, groups=list("AAAABBBB"))
    t["other"] = np.tile([1.0, 0.0], len(t) // 2)

    def means(tab: pd.DataFrame) -> pd.Series:
        m = tab.groupby("outlet")[["value", "other"]].mean()
        return m.loc["A"] - m.loc["B"]

    res = permutation_test(t, means, by="outlet", n_resamples=200, seed=1)
    assert list(res["group"]) == ["value", "other"]
    assert np.allclose(res["p_adjusted"], multipletests(res["p_value"], method="holm")[1])


def test_vectorised_kernels_preserve_totals():
    rng = np.random.default_rng(0)
    Y = rng.integers(0, 5, size=(12, 3)).astype(float)
    groups = np.repeat([0, 1, 2], 4)
    perm = permuted_group_tables(Y, groups, 3, 50, rng)
    # every permutation keeps the category totals and four documents per group
    assert np.allclose(perm.sum(axis=1), Y.sum(axis=0))
    boot = cluster_bootstrap_tables(Y, groups, 3, 50, rng)
    # a group's bootstrap table only ever contains that group's documents
    for g in range(3):
        assert (boot[:, g].sum(axis=1) <= 4 * Y[groups == g].sum(axis=1).max() + 1e-9).all()
    assert perm.shape == boot.shape == (50, 3, 3)
