"""compare and compare_shares: estimates checked against independent computations."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

from framing import schema
from framing.errors import FramingError, StatisticsError, UsageError
from framing.stats import ResultTable, SmallSampleWarning, adjust_pvalues, compare, compare_shares
from framing.stats.results import ALL_GROUPS


def scores_table(docs: list[tuple[str, str, int, int]], category: str = "distancing") -> pd.DataFrame:
    """(doc_id, outlet, count, n_tokens) -> a SCORES table with zero rows for a second voice."""
    rows = []
    for doc, outlet, count, n in docs:
        rows.append((doc, outlet, "attribution", category, "narrator", count, n, 1000 * count / n if n else 0.0))
        rows.append((doc, outlet, "attribution", category, "quote", 0, n, 0.0))
    return pd.DataFrame(rows, columns=list(schema.SCORES))


# three outlets, four articles each; counts chosen by hand
DOCS = [
    ("a1", "A", 3, 400), ("a2", "A", 0, 250), ("a3", "A", 7, 900), ("a4", "A", 2, 300),
    ("b1", "B", 9, 500), ("b2", "B", 4, 350), ("b3", "B", 12, 800), ("b4", "B", 1, 200),
    ("c1", "C", 2, 600), ("c2", "C", 1, 450), ("c3", "C", 5, 700), ("c4", "C", 0, 150),
]


def row(table: pd.DataFrame, group: str, measure_part: str) -> pd.Series:
    hit = table[(table["group"] == group) & table["measure"].str.contains(measure_part, regex=False)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_rates_and_ratios_equal_sums_of_counts_over_tokens():
    res = compare(scores_table(DOCS), reference="A")
    assert list(res.columns) == list(schema.RESULT)
    sums = {g: (sum(c for _, o, c, _ in DOCS if o == g), sum(n for _, o, _, n in DOCS if o == g)) for g in "ABC"}
    for g, (c, n) in sums.items():
        r = row(res, g, "rate per 1k")
        assert r["estimate"] == pytest.approx(1000 * c / n)
        assert r["count"] == c and r["exposure"] == n and r["n_docs"] == 4
        assert r["ci_low"] < r["estimate"] < r["ci_high"]
    rate = {g: c / n for g, (c, n) in sums.items()}
    assert row(res, "B", "rate ratio vs A")["estimate"] == pytest.approx(rate["B"] / rate["A"])
    assert row(res, "C", "rate ratio vs A")["estimate"] == pytest.approx(rate["C"] / rate["A"])
    # the reference group has no ratio row of its own
    assert not ((res["group"] == "A") & res["measure"].str.contains("ratio")).any()


def test_cluster_robust_interval_matches_sandwich_by_hand_and_formula_route():
    res = compare(scores_table(DOCS), reference="A")
    df = pd.DataFrame(DOCS, columns=["doc_id", "outlet", "count", "n"])
    # sandwich by hand: for a group-indicator Poisson model the score of document i is y_i - n_i * rate_g,
    # the bread is the group's total count; statsmodels' small-sample factor is G/(G-1) * (N-1)/(N-K)
    N, K = len(df), 3
    factor = N / (N - 1) * (N - 1) / (N - K)
    var = {}
    for g, sub in df.groupby("outlet"):
        rate = sub["count"].sum() / sub["n"].sum()
        var[g] = factor * ((sub["count"] - sub["n"] * rate) ** 2).sum() / sub["count"].sum() ** 2
    se_ba = np.sqrt(var["B"] + var["A"])
    # Satterthwaite df with 4 documents per group (3 df each), equal weights of the two components
    dof = (var["B"] + var["A"]) ** 2 / (var["B"] ** 2 / 3 + var["A"] ** 2 / 3)
    q = sps.t.ppf(0.975, dof)
    rate = {g: sub["count"].sum() / sub["n"].sum() for g, sub in df.groupby("outlet")}
    lr = np.log(rate["B"] / rate["A"])
    r = row(res, "B", "rate ratio vs A")
    assert r["ci_low"] == pytest.approx(np.exp(lr - q * se_ba), rel=1e-6)
    assert r["ci_high"] == pytest.approx(np.exp(lr + q * se_ba), rel=1e-6)
    assert r["statistic"] == pytest.approx(lr / se_ba, rel=1e-6)
    assert r["p_value"] == pytest.approx(2 * sps.t.sf(abs(lr / se_ba), dof), rel=1e-6)
    # the formula route gives the same coefficient and cluster-robust standard error
    fit = smf.glm("count ~ C(outlet)", data=df, offset=np.log(df["n"]), family=sm.families.Poisson()).fit(
        cov_type="cluster", cov_kwds={"groups": np.arange(N)})
    assert fit.params["C(outlet)[T.B]"] == pytest.approx(lr)
    assert fit.bse["C(outlet)[T.B]"] == pytest.approx(se_ba, rel=1e-6)
    # the fitted model is reachable and prints a summary
    model = res.models["attribution:distancing"]
    assert "Poisson" in str(model.summary())


def test_pooled_reference_ratio_and_holm_family():
    res = compare(scores_table(DOCS))
    c = {g: sum(c for _, o, c, _ in DOCS if o == g) for g in "ABC"}
    n = {g: sum(n for _, o, _, n in DOCS if o == g) for g in "ABC"}
    pooled = sum(c.values()) / sum(n.values())
    ratios = res[res["measure"].str.endswith("rate ratio vs pooled")]
    assert set(ratios["group"]) == {"A", "B", "C"}
    for g in "ABC":
        assert row(res, g, "rate ratio vs pooled")["estimate"] == pytest.approx(c[g] / n[g] / pooled)
    # Holm over the ratio family, recorded
    assert np.allclose(ratios["p_adjusted"], multipletests(ratios["p_value"], method="holm")[1])
    assert set(ratios["adjust_method"]) == {"holm"}
    bh = compare(scores_table(DOCS), adjust="fdr_bh")
    r2 = bh[bh["measure"].str.endswith("rate ratio vs pooled")]
    assert np.allclose(r2["p_adjusted"], multipletests(r2["p_value"], method="fdr_bh")[1])
    assert set(r2["adjust_method"]) == {"fdr_bh"}
    omnibus = res[res["group"] == ALL_GROUPS].iloc[0]
    assert omnibus["measure"] == "attribution:distancing equal rates" and 0 <= omnibus["p_value"] <= 1


def test_adjust_pvalues_matches_statsmodels_and_keeps_missing():
    p = np.array([0.01, np.nan, 0.04, 0.03, 0.2])
    for method in ("holm", "fdr_bh", "bonferroni"):
        got = adjust_pvalues(p, method)
        assert np.isnan(got[1])
        ok = ~np.isnan(p)
        assert np.allclose(got[ok], multipletests(p[ok], method=method)[1])


def test_group_column_from_corpus_and_measures_per_category():
    s = pd.concat([scores_table(DOCS, "distancing"), scores_table(DOCS, "neutral")], ignore_index=True)
    corpus = pd.DataFrame({"doc_id": [d for d, *_ in DOCS], "leaning": ["left"] * 6 + ["right"] * 6})
    res = compare(s, by="leaning", corpus=corpus, reference="left")
    assert set(res["measure"]) == {
        "attribution:distancing rate per 1k", "attribution:distancing rate ratio vs left",
        "attribution:distancing equal rates", "attribution:neutral rate per 1k",
        "attribution:neutral rate ratio vs left", "attribution:neutral equal rates"}
    left = [d for d in DOCS[:6]]
    r = row(res, "left", "distancing rate per 1k")
    assert r["estimate"] == pytest.approx(1000 * sum(d[2] for d in left) / sum(d[3] for d in left))
    assert r["n_docs"] == 6
    # a voice filter sums the kept voice only and says so in the measure name
    only_q = compare(s, by="leaning", corpus=corpus, voice="quote", category="neutral")
    assert set(only_q["measure"]) >= {"attribution:neutral [quote] rate per 1k"}


def test_negative_binomial_family_fits_and_is_reachable():
    res = compare(scores_table(DOCS), family="negbin", reference="A")
    assert "negative binomial" in row(res, "B", "rate ratio vs A")["method"]
    assert "alpha" in str(res.models["attribution:distancing"].summary())


def test_clustering_by_outlet_for_a_property_of_outlets():
    docs = [(f"{o}{i}", o, c, n) for o, base in zip("ABCDEF", (2, 3, 4, 5, 2, 6))
            for i, (c, n) in enumerate([(base, 500), (base + 1, 600), (base - 1, 400)])]
    corpus = pd.DataFrame({"doc_id": [d[0] for d in docs], "leaning": [("L" if d[1] in "ABC" else "R") for d in docs]})
    res = compare(scores_table(docs), by="leaning", corpus=corpus, cluster="outlet", reference="L")
    r = row(res, "R", "rate ratio vs L")
    assert "cluster-robust by outlet" in r["method"]
    assert "few outlets" in r["note"]
    # the leaning must be constant within a cluster: a usage error that points to a finer cluster
    corpus.loc[0, "leaning"] = "R"
    with pytest.raises(UsageError, match=r"'leaning' takes several values \(L, R\) within outlet 'A'.*finer "
                                         r"cluster, cluster=\['outlet', 'leaning'\]"):
        compare(scores_table(docs), by="leaning", corpus=corpus, cluster="outlet")


def test_one_document_per_group_uses_exact_tests_and_warns_once():
    docs = [("a", "A", 12, 1000), ("b", "B", 3, 1500), ("c", "C", 6, 800)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = compare(scores_table(docs), reference="B")
    small = [w for w in caught if issubclass(w.category, SmallSampleWarning)]
    assert len(small) == 1 and "describes these articles" in str(small[0].message)
    assert res["note"].str.contains("describes these articles, not the outlets").all()
    r = row(res, "A", "rate ratio vs B")
    # exact conditional test: given 15 matches in A and B, A's count is Binomial(15, 1000/2500) under H0
    assert r["p_value"] == pytest.approx(sps.binomtest(12, 15, 1000 / 2500).pvalue)
    assert r["estimate"] == pytest.approx((12 / 1000) / (3 / 1500))
    cp = sps.binomtest(12, 15).proportion_ci(0.95, method="exact")
    assert r["ci_low"] == pytest.approx(cp.low / (1 - cp.low) * 1500 / 1000)
    assert r["ci_high"] == pytest.approx(cp.high / (1 - cp.high) * 1500 / 1000)
    rate = row(res, "A", "rate per 1k")
    # Garwood interval for 12 events
    assert rate["ci_low"] == pytest.approx(sps.chi2.ppf(0.025, 24) / 2)
    assert rate["ci_high"] == pytest.approx(sps.chi2.ppf(0.975, 26) / 2)
    assert "exact" in r["method"]


def test_bundled_corpus_counts_inside_the_five_articles(example):
    from framing.text.tokens import count_tokens

    # "militant" is counted by a regular expression, independently of the library's matcher
    rows = []
    for doc, outlet, text in example[["doc_id", "outlet", "text"]].itertuples(index=False):
        n = count_tokens(text)
        c = len(re.findall(r"\bmilitants?\b", text, flags=re.I))
        rows.append((doc, outlet, "labels", "militant", "narrator", c, n, 1000 * c / n))
    scores = pd.DataFrame(rows, columns=list(schema.SCORES))
    with pytest.warns(SmallSampleWarning):
        res = compare(scores)
    rates = res[res["measure"] == "labels:militant rate per 1k"].set_index("group")
    assert len(rates) == 5 and (rates["n_docs"] == 1).all()
    by_outlet = scores.set_index("outlet")
    for outlet, r in rates.iterrows():
        assert r["count"] == by_outlet.loc[outlet, "count"]
        assert r["estimate"] == pytest.approx(1000 * by_outlet.loc[outlet, "count"] / by_outlet.loc[outlet, "n_tokens"])
    scroll = example.set_index("doc_id").loc["scroll"]
    # Scroll.in's headline reads "Iran missiles hit alleged militant bases in Pakistan"
    assert rates.loc[scroll["outlet"], "count"] >= 1
    assert res["note"].str.contains("describes these articles").all()
    assert isinstance(res, ResultTable) and isinstance(res, pd.DataFrame)


def test_bad_input_names_the_problem():
    s = scores_table(DOCS)
    with pytest.raises(StatisticsError, match="'leaning'"):
        compare(s, by="leaning")
    with pytest.raises(StatisticsError, match="at least two groups"):
        compare(s[s["outlet"] == "A"])
    zero = scores_table(DOCS + [("d1", "D", 0, 0)])
    with pytest.raises(StatisticsError, match="group 'D'.*zero exposure"):
        compare(zero)
    with pytest.raises(StatisticsError, match="reference 'Z'"):
        compare(s, reference="Z")
    with pytest.raises(FramingError):
        compare(s, family="binomial")  # type: ignore[arg-type]
    labels = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "label_category": ["x", "y"]})
    with pytest.raises(StatisticsError, match="'nope'"):
        compare_shares(labels, outcome="nope")
    with pytest.raises(StatisticsError, match="'leaning'"):
        compare_shares(labels, by="leaning")


def test_results_survive_pandas_operations():
    res = compare(scores_table(DOCS), reference="A")
    sub = res[res["measure"].str.contains("ratio")]
    assert "attribution:distancing" in sub.models
    assert type(res.table) is pd.DataFrame and list(res.table.columns) == list(schema.RESULT)
    assert pd.concat([res, res]).shape[0] == 2 * len(res)


# ----------------------------------------------------------------------------- shares

LABELS = pd.DataFrame(
    [("t1", "ToI", "terrorist")] * 6 + [("t1", "ToI", "militant")] * 2
    + [("s1", "Scroll", "militant")] * 7 + [("s1", "Scroll", "terrorist")] * 1
    + [("m1", "TIME", "separatist")] * 3 + [("m1", "TIME", "militant")] * 3,
    columns=["doc_id", "outlet", "label_category"],
)


def test_shares_single_documents_wilson_fisher_and_cramers_v():
    with pytest.warns(SmallSampleWarning):
        res = compare_shares(LABELS, seed=1)
    assert list(res.columns) == list(schema.RESULT)
    tab = pd.crosstab(LABELS["outlet"], LABELS["label_category"])
    for outlet in tab.index:
        for cat in tab.columns:
            r = row(res, outlet, f"label_category={cat} share")
            n = tab.loc[outlet].sum()
            lo, hi = proportion_confint(tab.loc[outlet, cat], n, alpha=0.05, method="wilson")
            assert r["estimate"] == pytest.approx(tab.loc[outlet, cat] / n)
            assert (r["ci_low"], r["ci_high"]) == pytest.approx((lo, hi))
    v = res[res["measure"] == "label_category Cramér's V"].iloc[0]
    chi2 = sps.chi2_contingency(tab.to_numpy(), correction=False).statistic
    assert v["statistic"] == pytest.approx(chi2)
    assert v["estimate"] == pytest.approx(np.sqrt(chi2 / (tab.to_numpy().sum() * 2)))
    assert v["ci_low"] <= v["estimate"] <= v["ci_high"]
    # small expected counts: Monte Carlo Fisher; ToI (terrorist 6/8) vs Scroll (1/8) clearly differ
    assert "Fisher" in v["method"] and v["p_value"] < 0.05
    d = row(res, "Scroll - ToI", "label_category=terrorist share difference")
    assert d["estimate"] == pytest.approx(1 / 8 - 6 / 8)
    assert d["p_value"] == pytest.approx(sps.fisher_exact([[1, 7], [6, 2]]).pvalue)
    diffs = res[res["measure"].str.endswith("share difference")]
    assert np.allclose(diffs["p_adjusted"], multipletests(diffs["p_value"], method="holm")[1])
    assert res["note"].str.contains("describes these articles").all()


def test_shares_monte_carlo_fisher_on_a_larger_sparse_table():
    # five outlets, one article each, four label categories with small counts (as in the bundled corpus)
    rows = []
    for g, cats in enumerate([["a", "a", "b"], ["b", "c"], ["a", "d"], ["c", "c", "d"], ["a", "b", "c", "d"]]):
        rows += [{"doc_id": f"d{g}", "outlet": f"O{g}", "label_category": c} for c in cats]
    table = pd.DataFrame(rows)
    with pytest.warns(SmallSampleWarning):
        res = compare_shares(table, seed=3, n_resamples=999)
    v = res[res["measure"] == "label_category Cramér's V"].iloc[0]
    assert "Monte Carlo" in v["method"]
    assert isinstance(v["p_value"], float) and 0 < v["p_value"] <= 1
    # no real association in 14 labels: the test must not call it significant
    assert v["p_value"] > 0.2


def test_shares_clustered_by_document_design_effect_wilson():
    rng = np.random.default_rng(3)
    rows = []
    for o in ("L", "R"):
        for d in range(12):
            p = rng.beta(2, 3)
            for _ in range(rng.integers(2, 9)):
                rows.append((f"{o}{d}", o, "distancing" if rng.random() < p else "neutral"))
    t = pd.DataFrame(rows, columns=["doc_id", "outlet", "verb_category"])
    res = compare_shares(t, outcome="verb_category", seed=0)
    # independent computation of the design effect for L's share of "distancing"
    sub = t[t["outlet"] == "L"]
    per_doc = sub.groupby("doc_id")["verb_category"].agg(lambda s: ((s == "distancing").sum(), len(s)))
    y = np.array([a for a, _ in per_doc]); m = np.array([b for _, b in per_doc])
    p = y.sum() / m.sum()
    k = len(y)
    var_cluster = k / (k - 1) * ((y - p * m) ** 2).sum() / m.sum() ** 2
    n_eff = m.sum() / (var_cluster / (p * (1 - p) / m.sum()))
    lo, hi = proportion_confint(p * n_eff, n_eff, alpha=0.05, method="wilson")
    r = row(res, "L", "verb_category=distancing share")
    assert r["estimate"] == pytest.approx(p)
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((lo, hi))
    assert "design-effect" in r["method"]
    v = res[res["group"] == ALL_GROUPS].iloc[0]
    assert "permutation" in v["method"]
    # two categories: one contrast (the other is its mirror image)
    assert (res["measure"].str.endswith("share difference")).sum() == 1
    # bootstrap intervals on request, reproducible with a seed
    b1 = compare_shares(t, outcome="verb_category", interval="bootstrap", seed=5)
    b2 = compare_shares(t, outcome="verb_category", interval="bootstrap", seed=5)
    pd.testing.assert_frame_equal(b1.table, b2.table)
    rb = row(b1, "L", "verb_category=distancing share")
    assert rb["ci_low"] < p < rb["ci_high"] and "bootstrap" in rb["method"]


def test_shares_by_corpus_metadata_and_cluster_column():
    t = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "c", "d"],
                      "construction": ["active", "nominal", "active", "passive_agentless", "active", "nominal"]})
    corpus = pd.DataFrame({"doc_id": list("abcd"), "outlet": list("ABCD"), "leaning": ["left", "left", "right", "right"]})
    res = compare_shares(t, by="leaning", outcome="construction", corpus=corpus, cluster="outlet")
    r = row(res, "left", "construction=active share")
    assert r["estimate"] == pytest.approx(2 / 3) and r["n_docs"] == 2


def test_category_without_matches_is_reported_but_not_tested():
    s = pd.concat([scores_table(DOCS, "distancing"),
                   scores_table([(d, o, 0, n) for d, o, _, n in DOCS], "endorsing")], ignore_index=True)
    res = compare(s, reference="A")
    empty = res[res["measure"].str.startswith("attribution:endorsing")]
    assert (empty.loc[empty["measure"].str.contains("rate per 1k"), "estimate"] == 0).all()
    assert empty["p_value"].isna().all() and empty["note"].str.contains("no matches in any group").all()
    # the empty category does not enlarge the Holm family of the other one
    alone = compare(scores_table(DOCS, "distancing"), reference="A")
    both = res[res["measure"].str.startswith("attribution:distancing")]
    assert np.allclose(both["p_adjusted"].dropna(), alone["p_adjusted"].dropna())


def test_compare_takes_score_output_directly(example):
    from framing.match import score

    scores = score(example, "attribution")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = compare(scores)
    assert sum(issubclass(w.category, SmallSampleWarning) for w in caught) == 1
    rates = res[res["measure"].str.endswith("rate per 1k")]
    assert set(rates["measure"]) == {f"attribution:{c} rate per 1k" for c in scores["category"].unique()}
    # counts summed over the three voices, exposure counted once per document
    expected = scores.groupby(["outlet", "category"])["count"].sum()
    tokens = scores.groupby("outlet")["n_tokens"].first()
    for r in rates.itertuples():
        cat = r.measure.split(":")[1].split(" ")[0]
        assert r.count == expected.loc[(r.group, cat)] and r.exposure == tokens.loc[r.group]
