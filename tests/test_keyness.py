"""keyness: Monroe et al. log-odds with informative prior, chi-square and G2, checked by hand and with scipy."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from framing import schema
from framing.errors import StatisticsError
from framing.stats.keyness import keyness

COUNTS = pd.DataFrame({
    "outlet": ["A", "A", "A", "B", "B", "B"],
    "term": ["terrorist", "militant", "said", "terrorist", "militant", "said"],
    "count": [8, 2, 30, 1, 9, 40],
})


def test_log_odds_with_informative_prior_by_hand():
    res = keyness(COUNTS, target="A")
    assert list(res.columns) == list(schema.KEYNESS + schema.KEYNESS_STATS)
    assert set(res["group"]) == {"A"}
    r = res.set_index("term").loc["terrorist"]
    # Monroe, Colaresi & Quinn (2008) eqs. 16 and 22, prior alpha_w = corpus count of w (alpha0 = all tokens)
    y_a, y_b, n_a, n_b = 8, 1, 40, 50
    a_w, a0 = 9, 90
    delta = math.log((y_a + a_w) / (n_a + a0 - y_a - a_w)) - math.log((y_b + a_w) / (n_b + a0 - y_b - a_w))
    se = math.sqrt(1 / (y_a + a_w) + 1 / (y_b + a_w))
    assert r["delta"] == pytest.approx(delta)
    assert r["se"] == pytest.approx(se)
    assert r["z"] == pytest.approx(delta / se)
    assert r["p_value"] == pytest.approx(2 * sps.norm.sf(abs(delta / se)))
    assert (r["count_group"], r["count_rest"]) == (8, 1)
    # sorted by decreasing z: "terrorist" is A's most distinctive term, "militant" its least
    assert list(res["term"]) == ["terrorist", "said", "militant"]
    assert res.set_index("term").loc["militant", "z"] < 0


def test_chi2_and_g2_match_scipy_with_quanteda_corrections():
    res = keyness(COUNTS, target="A").set_index("term")
    for term, sign in (("terrorist", 1), ("militant", -1)):
        a = int(COUNTS[(COUNTS.outlet == "A") & (COUNTS.term == term)]["count"].iloc[0])
        c = int(COUNTS[(COUNTS.outlet == "B") & (COUNTS.term == term)]["count"].iloc[0])
        table = np.array([[a, 40 - a], [c, 50 - c]])
        yates = sps.chi2_contingency(table, correction=True).statistic
        assert res.loc[term, "chi2"] == pytest.approx(sign * yates)
        g2 = sps.chi2_contingency(table, correction=False, lambda_="log-likelihood").statistic
        n = table.sum()
        r, k = table.sum(1), table.sum(0)
        williams = 1 + (n / r[0] + n / r[1] - 1) * (n / k[0] + n / k[1] - 1) / (6 * n)
        assert res.loc[term, "g2"] == pytest.approx(sign * g2 / williams)


def test_smaller_prior_shrinks_less():
    strong = keyness(COUNTS, target="A").set_index("term")
    weak = keyness(COUNTS, target="A", alpha0=1.0).set_index("term")
    assert abs(weak.loc["terrorist", "delta"]) > abs(strong.loc["terrorist", "delta"])
    # with a negligible prior the estimate approaches the raw log-odds ratio
    raw = math.log(8 / 32) - math.log(1 / 49)
    assert keyness(COUNTS, target="A", alpha0=1e-6).set_index("term").loc["terrorist", "delta"] == pytest.approx(
        raw, rel=1e-4)


def test_every_group_against_the_rest_and_holm_per_group():
    res = keyness(COUNTS)
    assert sorted(set(res["group"])) == ["A", "B"]
    # with two groups, B against the rest is A against the rest mirrored
    a = res[res.group == "A"].set_index("term")
    b = res[res.group == "B"].set_index("term")
    assert np.allclose(a.loc[b.index, "delta"], -b["delta"])
    from statsmodels.stats.multitest import multipletests

    assert np.allclose(a["p_adjusted"], multipletests(a["p_value"], method="holm")[1])
    assert set(res["adjust_method"]) == {"holm"}


def test_bundled_corpus_times_of_israel_terror(example, example_texts):
    toi = example.set_index("doc_id").loc["timesofisrael", "outlet"]
    res = keyness(example, target=toi)
    terms = res.set_index("term")
    expected_toi = len(re.findall(r"\bterror\b", example_texts["timesofisrael"], flags=re.I))
    expected_rest = sum(len(re.findall(r"\bterror\b", t, flags=re.I))
                        for d, t in example_texts.items() if d != "timesofisrael")
    assert terms.loc["terror", "count_group"] == expected_toi >= 2
    assert terms.loc["terror", "count_rest"] == expected_rest
    # "terror group Hamas" is the Times of Israel's own addition to the shared AFP copy
    assert "terror" in list(res["term"].head(5))
    # the shared tokenizer keeps hyphenated names whole
    assert "al-adl" in terms.index


def test_counts_with_doc_ids_take_the_group_from_the_corpus():
    counts = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "term": ["x", "y", "x", "y"], "count": [3, 1, 2, 5]})
    corpus = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "leaning": ["left", "left", "right"]})
    res = keyness(counts, by="leaning", corpus=corpus, target="left").set_index("term")
    assert (res.loc["x", "count_group"], res.loc["x", "count_rest"]) == (5, 0)
    assert (res.loc["y", "count_group"], res.loc["y", "count_rest"]) == (1, 5)
    assert len(keyness(counts, by="leaning", corpus=corpus, min_count=6)) == 2  # "y" (6) kept, "x" (5) dropped


def test_bad_input():
    with pytest.raises(StatisticsError, match="target 'C'"):
        keyness(COUNTS, target="C")
    with pytest.raises(StatisticsError, match="at least two groups"):
        keyness(COUNTS[COUNTS.outlet == "A"])
    with pytest.raises(StatisticsError, match="'leaning'"):
        keyness(COUNTS, by="leaning")
    with pytest.raises(StatisticsError, match="corpus .* or a counts table"):
        keyness(COUNTS.rename(columns={"count": "n"}))


def _prolific_corpus() -> pd.DataFrame:
    # A: five documents, four mention the border; one of them repeats "replay" fifty times.
    # B: five documents, one mentions the border.
    texts_a = ["border talks " + "replay " * 50, "border news", "border report", "border story", "weather"]
    texts_b = ["border news", "weather report", "weather story", "talks news", "market report"]
    return pd.DataFrame({"doc_id": [f"a{i}" for i in range(5)] + [f"b{i}" for i in range(5)],
                         "outlet": ["A"] * 5 + ["B"] * 5, "text": texts_a + texts_b})


def test_document_keyness_counts_each_document_once():
    corpus = _prolific_corpus()
    by_token = keyness(corpus, target="A")
    assert by_token["term"].iloc[0] == "replay"  # fifty uses in one document top the token ranking
    by_doc = keyness(corpus, target="A", unit="document")
    r = by_doc.set_index("term")
    assert (r.loc["border", "count_group"], r.loc["border", "count_rest"]) == (4, 1)
    assert (r.loc["replay", "count_group"], r.loc["replay", "count_rest"]) == (1, 0)
    delta = math.log(4.5 / 1.5) - math.log(1.5 / 4.5)
    se = math.sqrt(2 / 4.5 + 2 / 1.5)
    assert r.loc["border", "delta"] == pytest.approx(delta)
    assert r.loc["border", "z"] == pytest.approx(delta / se)
    assert r.loc["border", "p_value"] == pytest.approx(2 * sps.norm.sf(delta / se))
    yates = sps.chi2_contingency([[4, 1], [1, 4]], correction=True)[0]
    assert r.loc["border", "chi2"] == pytest.approx(yates)
    assert by_doc["term"].iloc[0] == "border"
    assert r.loc["replay", "z"] < r.loc["border", "z"]


def test_min_docs_leaves_out_terms_of_few_documents():
    corpus = _prolific_corpus()
    res = keyness(corpus, min_docs=3)
    docs_using = {t: sum(t in text.split() for text in corpus["text"]) for t in set(" ".join(corpus["text"]).split())}
    assert set(res["term"]) == {t for t, n in docs_using.items() if n >= 3}
    counts = pd.DataFrame({"outlet": ["A", "B"], "term": ["x", "x"], "count": [1, 2]})
    with pytest.raises(StatisticsError, match="need documents"):
        keyness(counts, unit="document")


def test_figure_shows_only_terms_significant_after_adjustment():
    import matplotlib

    matplotlib.use("Agg")
    from framing.report import plot

    table = pd.DataFrame({"term": ["of", "it", "border", "talks"], "group": ["A", "A", "B", "B"],
                          "z": [3.0, 2.5, 4.0, 1.0], "p_adjusted": [1.0, 1.0, 0.001, 0.2],
                          "adjust_method": "holm"})
    fig = plot.keyness_terms(table, n=5)
    panels = {ax.get_title(): ax for ax in fig.axes if ax.get_visible()}
    assert [t.get_text() for t in panels["B"].get_yticklabels()] == ["border"]
    texts = [t.get_text() for t in panels["A"].texts]
    assert any("no term significant after holm adjustment (p < 0.05)" in t for t in texts)
    matplotlib.pyplot.close(fig)


def test_outlet_keyness_counts_each_outlet_once():
    # "cnn" is in every article of one left outlet; "border" in one article of each of three left outlets
    corpus = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(10)],
        "outlet": ["CNN", "CNN", "CNN", "CNN", "L2", "L3", "R1", "R2", "R3", "R4"],
        "leaning": ["left"] * 6 + ["right"] * 4,
        "text": ["cnn video"] * 3 + ["cnn border", "border", "border", "market", "market", "weather", "weather"],
    })
    by_doc = keyness(corpus, by="leaning", target="left", unit="document").set_index("term")
    assert by_doc.loc["cnn", "count_group"] == 4
    by_outlet = keyness(corpus, by="leaning", target="left", unit="outlet").set_index("term")
    assert (by_outlet.loc["cnn", "count_group"], by_outlet.loc["border", "count_group"]) == (1, 3)
    # three left outlets, four right ones: border 3 of 3 vs 0 of 4; cnn 1 of 3 vs 0 of 4
    delta = math.log(3.5 / 0.5) - math.log(0.5 / 4.5)
    assert by_outlet.loc["border", "delta"] == pytest.approx(delta)
    assert by_outlet.loc["border", "z"] > by_outlet.loc["cnn", "z"]
    assert by_doc.loc["cnn", "z"] > by_doc.loc["border", "z"]  # by document the house style wins
