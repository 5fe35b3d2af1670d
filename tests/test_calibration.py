"""Calibration of compare and compare_shares by simulation (seeded).

Articles differ in how much they use a category (document-level
overdispersion: gamma-Poisson rates, Dirichlet-multinomial shares). Under a
null where every group shares one distribution, the tests must reject about 5 %
of the time at alpha = 0.05, and with a known rate ratio the 95 % intervals
must cover it about 95 % of the time. The same data analysed as if matches were
independent (``cluster=False``) is shown to be anti-conservative, so these
tests can fail.

For speed, 1,000 simulated data sets of rates are stacked as 1,000 categories
of one scores table: ``compare`` fits one GLM per category, exactly as for a
user's lexicon. Each document's rate multiplier is drawn independently per
category, so the data sets are independent given the document lengths.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from framing.stats import compare, compare_shares

N_SETS = 1000
DOCS_PER_GROUP = 30
GROUPS = 3


def simulate_scores(rng: np.random.Generator, ratios: list[float], *, shape: float = 2.0,
                    rate_per_token: float = 5 / 1000) -> pd.DataFrame:
    """N_SETS data sets as categories: gamma(shape)-Poisson counts per document."""
    g = np.repeat(np.arange(len(ratios)), DOCS_PER_GROUP)
    n_tokens = rng.integers(300, 1500, size=len(g))
    mult = rng.gamma(shape, 1 / shape, size=(N_SETS, len(g)))  # mean 1, variance 1/shape
    counts = rng.poisson(mult * rate_per_token * n_tokens * np.asarray(ratios)[g])
    return pd.DataFrame({
        "doc_id": np.tile([f"d{i}" for i in range(len(g))], N_SETS),
        "outlet": np.tile([f"g{k}" for k in g], N_SETS),
        "lexicon": "sim",
        "category": np.repeat([f"set{k:04d}" for k in range(N_SETS)], len(g)),
        "voice": "narrator",
        "count": counts.ravel(),
        "n_tokens": np.tile(n_tokens, N_SETS),
        "rate_per_1k": 0.0,
    })


def ratio_rows(res: pd.DataFrame, group: str) -> pd.DataFrame:
    out = res[res["measure"].str.contains("rate ratio") & (res["group"] == group)]
    assert len(out) == N_SETS
    return out


@pytest.mark.slow
def test_compare_false_positive_rate_under_overdispersed_null():
    scores = simulate_scores(np.random.default_rng(20240117), [1.0] * GROUPS)
    res = compare(scores, reference="g0", adjust="none")
    fp = (ratio_rows(res, "g1")["p_value"] < 0.05).mean()
    assert 0.03 <= fp <= 0.07, fp
    omnibus = res[res["measure"].str.endswith("equal rates")]
    assert 0.03 <= (omnibus["p_value"] < 0.05).mean() <= 0.07
    # the same data with matches treated as independent events: far too many false positives
    naive = compare(scores, reference="g0", adjust="none", cluster=False)
    fp_naive = (ratio_rows(naive, "g1")["p_value"] < 0.05).mean()
    assert fp_naive > 0.15, fp_naive


@pytest.mark.slow
def test_compare_interval_covers_known_rate_ratio():
    scores = simulate_scores(np.random.default_rng(7), [1.0, 1.5, 1.0])
    res = ratio_rows(compare(scores, reference="g0"), "g1")
    covered = ((res["ci_low"] <= 1.5) & (res["ci_high"] >= 1.5)).mean()
    assert 0.93 <= covered <= 0.97, covered
    # the average estimate is close to the truth
    assert np.exp(np.log(res["estimate"]).mean()) == pytest.approx(1.5, rel=0.03)
    naive = ratio_rows(compare(scores, reference="g0", cluster=False), "g1")
    assert ((naive["ci_low"] <= 1.5) & (naive["ci_high"] >= 1.5)).mean() < 0.85


def simulate_choices(rng: np.random.Generator, *, concentration: float = 2.0) -> pd.DataFrame:
    """One data set of choices: Dirichlet-multinomial categories within documents, same in every group."""
    base = np.array([0.5, 0.3, 0.2])
    n_docs = GROUPS * 20
    p = rng.dirichlet(concentration * base, size=n_docs)
    m = 1 + rng.poisson(5, size=n_docs)
    doc = np.repeat(np.arange(n_docs), m)
    u = rng.random(len(doc))
    cat = (u[:, None] > np.cumsum(p[doc], axis=1)).sum(axis=1)
    return pd.DataFrame({"doc_id": doc.astype(str), "outlet": (doc // 20).astype(str),
                         "label_category": np.array(["terrorist", "militant", "separatist"])[np.minimum(cat, 2)]})


@pytest.mark.slow
def test_compare_shares_false_positive_rate_under_overdispersed_null():
    rng = np.random.default_rng(11)
    p_cluster, p_naive, p_pair = [], [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(N_SETS):
            t = simulate_choices(rng)
            res = compare_shares(t, n_resamples=199, seed=int(rng.integers(2**31)))
            glob = res[res["measure"] == "label_category Cramér's V"].iloc[0]
            p_cluster.append(glob["p_value"])
            pair = res[(res["group"] == "0 - 1") & (res["measure"] == "label_category=terrorist share difference")]
            p_pair.append(pair["p_value"].iloc[0])
            naive = compare_shares(t, cluster=False, pairwise=False, n_resamples=199, test="chi2")
            p_naive.append(naive[naive["measure"] == "label_category Cramér's V"]["p_value"].iloc[0])
    fp = np.mean(np.array(p_cluster) < 0.05)
    assert 0.03 <= fp <= 0.07, fp
    fp_pair = np.mean(np.array(p_pair) < 0.05)
    assert 0.03 <= fp_pair <= 0.07, fp_pair
    fp_naive = np.mean(np.array(p_naive) < 0.05)
    assert fp_naive > 0.15, fp_naive
