"""Emotive words by the victims' side (framing.emotive_by_side, framing.emotive_statements): counts by voice,
negated and hypothetical statements kept apart, the ratio between sides, and the statements behind each count."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
from framing.errors import StatisticsError

ROWS = [
    # doc, side, emotive, voice, negated, hypothetical
    ("d1", "A", "massacre", "narrator", False, False),
    ("d1", "B", "massacred; horrific", "quote", False, False),
    ("d2", "A", "Massacres", "narrator", False, False),
    ("d2", "A", "", "narrator", False, False),
    ("d3", "A", "massacre", "narrator", True, False),       # "no one was massacred"
    ("d3", "B", "massacre", "narrator", False, True),       # "could be massacred"
    ("d4", "A", "slaughtered", "scare_quote", False, False),
    ("d4", "B", "", "narrator", False, False),
    ("d5", None, "massacre", "narrator", False, False),     # no side: counted for neither
    ("d5", "A", "carnage", "quote", False, False),
]


@pytest.fixture(scope="module")
def table():
    t = pd.DataFrame(ROWS, columns=["doc_id", "victim_side", "emotive", "voice", "negated", "hypothetical"])
    return t.assign(outlet="Daily", start=np.arange(len(t)) * 100, end=np.arange(len(t)) * 100 + 60)


@pytest.fixture(scope="module")
def result(table):
    out = framing.emotive_by_side(table, ["A", "B"])
    return out.set_index(["group", "word", "voice", "side"])


def test_counts_by_side_and_voice_keep_negated_and_hypothetical_apart(result):
    a = result.loc[("Daily", "massacre", "all", "A")]
    # A: "massacre" and "Massacres" asserted, one negated; five asserted statements of A
    assert (a["count"], a["negated"], a["hypothetical"], a["statements"]) == (2, 1, 0, 5)
    assert a["estimate"] == pytest.approx(2 / 5)
    b = result.loc[("Daily", "massacre", "all", "B")]
    # B: "massacred" in a quote; "could be massacred" is hypothetical; two asserted statements of B
    assert (b["count"], b["negated"], b["hypothetical"], b["statements"]) == (1, 0, 1, 2)
    own_b = result.loc[("Daily", "massacre", "own", "B")]
    assert (own_b["count"], own_b["hypothetical"], own_b["statements"]) == (0, 1, 1)
    assert result.loc[("Daily", "massacre", "quoted", "B"), "count"] == 1
    assert result.loc[("Daily", "massacre", "quoted", "A"), "count"] == 0
    # a scare-quoted word is the outlet's own
    assert result.loc[("Daily", "slaughter", "own", "A"), "count"] == 1
    assert result.loc[("Daily", "horrific", "all", "B"), "count"] == 1
    assert result.loc[("Daily", "carnage", "quoted", "A"), "count"] == 1


def test_the_ratio_between_sides(result):
    ratio = result.loc[("Daily", "massacre", "all", "A / B")]
    assert ratio["measure"] == "count ratio" and ratio["estimate"] == pytest.approx(2.0)
    # B never says "massacre" in the outlet's own voice: no finite ratio, but a lower bound. A says it in two
    # articles (d1, d2), B in none: all of 2 articles are A's, Clopper-Pearson 95% lower bound on that share
    # 0.025 ** (1 / 2), as a ratio p / (1 - p); the exact binomial test of an even split: 2 * 0.5 ** 2
    own = result.loc[("Daily", "massacre", "own", "A / B")]
    p = 0.025 ** 0.5
    assert np.isinf(own["estimate"]) and np.isinf(own["ci_high"])
    assert own["ci_low"] == pytest.approx(p / (1 - p))
    assert own["p_value"] == pytest.approx(0.5)
    assert "no count" in own["note"] and "lower bound" in own["note"]


def test_the_statements_behind_every_count(table, result):
    ev = framing.emotive_statements(table)
    assert len(ev) == 9  # nine (statement, word) pairs; "massacred; horrific" is two
    mass_a = ev[(ev["word"] == "massacre") & (ev["victim_side"] == "A") & (ev["status"] == "asserted")]
    assert list(zip(mass_a["doc_id"], mass_a["start"], mass_a["end"])) == [("d1", 0, 60), ("d2", 200, 260)]
    assert list(mass_a["form"]) == ["massacre", "Massacres"]
    assert len(mass_a) == result.loc[("Daily", "massacre", "all", "A"), "count"]
    assert set(ev.loc[ev["row"] == 4, "status"]) == {"negated"}
    assert set(ev.loc[ev["row"] == 5, "status"]) == {"hypothetical"}
    # a chosen list of words counts only the forms listed
    only = framing.emotive_statements(table, words={"massacre": ["massacred"]})
    assert sorted(only["form"]) == ["massacre", "massacre", "massacre", "massacre", "massacred"]


def test_the_ratio_interval_is_clustered_by_article():
    """Sentences of one article are not independent: with cluster=, the article is the unit."""
    rng = np.random.default_rng(3)
    rows, corpus = [], []
    for art in range(30):
        for k in range(3):  # three sentences of each article
            doc = f"a{art}-{k}"
            corpus.append({"doc_id": doc, "outlet": "P", "text": "x", "article": f"a{art}"})
            for side, p in (("A", 0.5), ("B", 0.2)):
                if rng.random() < 0.8:
                    rows.append({"doc_id": doc, "victim_side": side, "voice": "narrator", "negated": False,
                                 "hypothetical": False, "start": 0, "end": 5,
                                 "emotive": "massacre" if rng.random() < p else ""})
    corpus = pd.DataFrame(corpus)
    cas = pd.DataFrame(rows)
    out = framing.emotive_by_side(cas, ["A", "B"], corpus=corpus, cluster="article", voices=("all",))
    ratio = out[out["side"] == "A / B"].iloc[0]
    assert ratio["n_docs"] == 30
    # independent computation: per-article counts, delta method on the log of the ratio of totals
    cas = cas.merge(corpus[["doc_id", "article"]], on="doc_id")
    used = cas[cas["emotive"] == "massacre"]
    a = used[used["victim_side"] == "A"].groupby("article").size().reindex(corpus["article"].unique(), fill_value=0)
    b = used[used["victim_side"] == "B"].groupby("article").size().reindex(corpus["article"].unique(), fill_value=0)
    n = len(a)
    ta, tb = a.sum(), b.sum()
    infl = a / ta - b / tb
    se = np.sqrt(n / (n - 1) * np.sum((infl - infl.mean()) ** 2))
    q = stats.t.ppf(0.975, n - 1)
    assert ratio["estimate"] == pytest.approx(ta / tb)
    assert ratio["ci_low"] == pytest.approx(ta / tb * np.exp(-q * se))
    assert ratio["ci_high"] == pytest.approx(ta / tb * np.exp(q * se))
    assert ratio["p_adjusted"] >= ratio["p_value"]


def test_bad_requests(table):
    with pytest.raises(StatisticsError, match="two different sides"):
        framing.emotive_by_side(table, ["A", "A"])
    with pytest.raises(StatisticsError, match="emotive"):
        framing.emotive_by_side(table.drop(columns="emotive"), ["A", "B"])
    with pytest.raises(StatisticsError, match="words must map"):
        framing.emotive_statements(table, words=["massacre"])
