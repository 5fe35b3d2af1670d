"""framing.trends: rates and shares per period and group with document-clustered intervals, and the
before/after comparison around an event. Expected values from plain pandas and statsmodels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps
from statsmodels.stats.proportion import proportion_confint

import framing
from framing import schema
from framing.errors import UsageError

# two groups, documents over three weeks (Mon 1, 8, 15 January 2024)
DOCS = [
    # doc, outlet, date, count, tokens
    ("a1", "A", "2024-01-01", 2, 400), ("a2", "A", "2024-01-03", 5, 500), ("a3", "A", "2024-01-05", 1, 300),
    ("a4", "A", "2024-01-09", 6, 400), ("a5", "A", "2024-01-10", 8, 600), ("a6", "A", "2024-01-16", 9, 500),
    ("a7", "A", "2024-01-17", 7, 450),
    ("b1", "B", "2024-01-02", 1, 800), ("b2", "B", "2024-01-04", 0, 200), ("b3", "B", "2024-01-11", 3, 700),
    ("b4", "B", "2024-01-12", 2, 300), ("b5", "B", "2024-01-18", 0, 250),
]


def scores() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [(d, o, "attribution", "distancing", "narrator", c, n, 1000 * c / n) for d, o, _, c, n in DOCS]
    rows += [(d, o, "attribution", "distancing", "quote", 1, n, 1000 / n) for d, o, _, c, n in DOCS]
    corpus = pd.DataFrame({"doc_id": [d[0] for d in DOCS], "outlet": [d[1] for d in DOCS],
                           "date": [d[2] for d in DOCS], "text": "x"})
    return pd.DataFrame(rows, columns=list(schema.SCORES)), corpus


def test_weekly_rates_with_document_clustered_intervals():
    table, corpus = scores()
    res = framing.trends(table, by="outlet", corpus=corpus, voice="narrator", freq="W")
    assert list(res.columns) == ["period", *schema.RESULT]
    frame = pd.DataFrame(DOCS, columns=["doc", "outlet", "date", "count", "tokens"])
    frame["week"] = pd.to_datetime(frame["date"]).dt.to_period("W").dt.start_time.dt.strftime("%Y-%m-%d")
    assert sorted(res["period"].unique()) == ["2024-01-01", "2024-01-08", "2024-01-15"]
    for (o, week), cell in frame.groupby(["outlet", "week"]):
        r = res[(res["group"] == o) & (res["period"] == week)].iloc[0]
        assert r["estimate"] == pytest.approx(1000 * cell["count"].sum() / cell["tokens"].sum())
        assert r["n_docs"] == len(cell) and r["exposure"] == cell["tokens"].sum()
        if len(cell) >= 2 and cell["count"].sum() > 0:
            # one-parameter Poisson GLM with a log(tokens) offset, sandwich clustered by document
            fit = sm.GLM(cell["count"].to_numpy(float), np.ones((len(cell), 1)), family=sm.families.Poisson(),
                         offset=np.log(cell["tokens"].to_numpy(float))).fit(
                cov_type="cluster", cov_kwds={"groups": np.arange(len(cell))})
            b, se = float(np.asarray(fit.params)[0]), float(np.asarray(fit.bse)[0])
            q = sps.t.ppf(0.975, len(cell) - 1)
            assert r["ci_low"] == pytest.approx(1000 * np.exp(b - q * se), rel=1e-6)
            assert r["ci_high"] == pytest.approx(1000 * np.exp(b + q * se), rel=1e-6)
            assert "cluster-robust by document" in r["method"]
    # B's last week: one document with no match -> exact interval from 0
    last = res[(res["group"] == "B") & (res["period"] == "2024-01-15")].iloc[0]
    assert last["estimate"] == 0 and last["ci_low"] == 0
    assert last["ci_high"] == pytest.approx(1000 * sps.chi2.ppf(0.975, 2) / 2 / 250)


def test_voices_pooled_count_the_tokens_once():
    table, corpus = scores()
    res = framing.trends(table, by=None, corpus=corpus, freq="M")
    assert list(res["group"]) == ["(all)"]
    frame = pd.DataFrame(DOCS, columns=["doc", "outlet", "date", "count", "tokens"])
    # narrator counts plus one quote match per document, over each document's tokens once
    assert res["estimate"].iloc[0] == pytest.approx(1000 * (frame["count"].sum() + len(frame)) / frame["tokens"].sum())


def test_event_window_compares_after_with_before_per_group():
    table, corpus = scores()
    res = framing.trends(table, by="outlet", corpus=corpus, voice="narrator", events={"strike": "2024-01-08"},
                         window="7D")
    ev = res[res["period"].isna()]
    assert set(ev["measure"]) == {"attribution:distancing rate ratio after vs before strike (2024-01-08)"}
    frame = pd.DataFrame(DOCS, columns=["doc", "outlet", "date", "count", "tokens"])
    frame["date"] = pd.to_datetime(frame["date"])
    inside = frame[(frame["date"] >= "2024-01-01") & (frame["date"] < "2024-01-15")]
    for o, part in inside.groupby("outlet"):
        after = part[part["date"] >= "2024-01-08"]
        before = part[part["date"] < "2024-01-08"]
        r = ev[ev["group"] == o].iloc[0]
        expected = (after["count"].sum() / after["tokens"].sum()) / (before["count"].sum() / before["tokens"].sum())
        assert r["estimate"] == pytest.approx(expected)
        # the same ratio and test from compare() on these documents, clustered by document
        x = (part["date"] >= "2024-01-08").astype(float).to_numpy()
        fit = sm.GLM(part["count"].to_numpy(float), np.c_[1 - x, x], family=sm.families.Poisson(),
                     offset=np.log(part["tokens"].to_numpy(float))).fit(
            cov_type="cluster", cov_kwds={"groups": np.arange(len(part))})
        b, cov = np.asarray(fit.params), np.asarray(fit.cov_params())
        se = np.sqrt(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1])
        assert r["statistic"] == pytest.approx((b[1] - b[0]) / se, rel=1e-6)
    # Holm over the two groups' tests
    p = ev.sort_values("p_value")["p_value"].to_numpy()
    assert ev.sort_values("p_value")["p_adjusted"].iloc[0] == pytest.approx(min(1, 2 * p[0]))


def test_weekly_shares_and_their_event_difference():
    rows = []
    for d, o, date, c, _ in DOCS:
        rows += [{"doc_id": d, "outlet": o, "verb_category": "distancing" if i < c % 3 else "neutral"}
                 for i in range(3)]
    table = pd.DataFrame(rows)
    _, corpus = scores()
    res = framing.trends(table, by="outlet", corpus=corpus, outcome="verb_category", freq="W",
                         events={"strike": "2024-01-08"}, n_resamples=199)
    share = res[(res["measure"] == "verb_category=distancing share") & (res["group"] == "A")
                & (res["period"] == "2024-01-08")].iloc[0]
    # A's second week: a4 (6 % 3 = 0), a5 (8 % 3 = 2) -> 2 of 6 rows
    assert share["estimate"] == pytest.approx(2 / 6)
    y, m = np.array([0.0, 2.0]), np.array([3.0, 3.0])
    var_c = 2 * ((y - (2 / 6) * m) ** 2).sum() / 36
    n_eff = 6 / (var_c / ((2 / 6) * (4 / 6) / 6))
    lo, hi = proportion_confint((2 / 6) * n_eff, n_eff, method="wilson")
    assert (share["ci_low"], share["ci_high"]) == pytest.approx((lo, hi))
    diff = res[res["measure"].str.startswith("verb_category=distancing share difference after - before strike")]
    assert set(diff["group"]) == {"A", "B"}


def test_bad_frequency_event_and_undated_documents():
    table, corpus = scores()
    with pytest.raises(UsageError, match="freq 'fortnight'"):
        framing.trends(table, corpus=corpus, freq="fortnight")
    with pytest.raises(UsageError, match="event 'x'"):
        framing.trends(table, corpus=corpus, events={"x": "soon"})
    corpus.loc[0, "date"] = "unknown"
    res = framing.trends(table, corpus=corpus)
    assert res["note"].str.contains("1 document\\(s\\) without a readable 'date' left out").all()
