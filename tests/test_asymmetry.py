"""Whose deaths, and how: the comparison of two sides' casualty statements (framing.casualty_asymmetry)."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import framing
from framing.errors import StatisticsError

# Six articles of one outlet; four report both sides' dead. A: 7 statements, B: 6 (one more B row is negated).
ROWS = [
    # doc, side, number, agent, humanising, emotive, voice, negated
    ("d1", "A", 3, "an airstrike", "", "", "narrator", False),
    ("d1", "A", None, None, "mother of two", "", "narrator", False),
    ("d1", "B", 5, "gunmen", "", "massacre", "quote", False),
    ("d2", "A", 10, None, "", "", "narrator", False),
    ("d2", "B", None, "militants", "", "", "narrator", False),
    ("d2", "B", 2, None, "aged 7", "horrific", "narrator", False),
    ("d3", "A", None, "shelling", "", "", "quote", False),
    ("d3", "B", 4, None, "", "", "narrator", False),
    ("d4", "A", 1, None, "", "", "narrator", False),
    ("d4", "A", None, None, "", "", "narrator", False),
    ("d4", "B", 6, "the army", "named", "slaughter", "quote", False),
    ("d5", "B", 9, "a rocket", "", "", "narrator", False),
    ("d5", "B", None, None, "", "", "narrator", True),
    ("d6", "A", 2, None, "", "", "narrator", False),
]


@pytest.fixture(scope="module")
def table():
    t = pd.DataFrame(ROWS, columns=["doc_id", "victim_side", "number", "agent", "humanising", "emotive", "voice",
                                    "negated"])
    t["number"] = t["number"].astype("Int64")
    return t.assign(outlet="Daily", hypothetical=False)


@pytest.fixture(scope="module")
def result(table):
    corpus = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4", "d5", "d6", "d7"], "outlet": "Daily", "text": "x"})
    return framing.casualty_asymmetry(table, ["A", "B"], corpus=corpus).set_index(["group", "measure"])


def test_shares_are_the_counts_of_each_side(result):
    # A: 7 statements, 4 with a number (3, 10, 1, 2); B: 6 asserted, 5 with a number (the negated one left out)
    assert result.loc[("Daily", "number [all]: A"), "estimate"] == pytest.approx(4 / 7)
    assert result.loc[("Daily", "number [all]: B"), "estimate"] == pytest.approx(5 / 6)
    assert result.loc[("Daily", "number [all]: B"), "exposure"] == 6
    # emotive words only in B, twice of three in quotes
    assert result.loc[("Daily", "emotive [quoted]: B"), "estimate"] == pytest.approx(2 / 2)
    assert result.loc[("Daily", "emotive [own]: B"), "estimate"] == pytest.approx(1 / 4)
    assert result.loc[("Daily", "emotive [all]: A"), "ci_low"] == 0.0  # a zero share starts at 0 exactly


def test_the_difference_has_the_cluster_robust_error_of_a_regression(table, result):
    """Independent check: OLS of the outcome on the side, standard errors clustered by article."""
    t = table[~table["negated"]]
    y = t["number"].notna().astype(float).to_numpy()
    x = sm.add_constant((t["victim_side"] == "A").astype(float).to_numpy())
    fit = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(t["doc_id"])[0],
                                                          "use_correction": False})
    g = t["doc_id"].nunique()
    se = float(np.sqrt(fit.cov_params()[1, 1] * g / (g - 1)))
    row = result.loc[("Daily", "number [all]: A - B")]
    assert row["estimate"] == pytest.approx(fit.params[1])
    half = (row["ci_high"] - row["ci_low"]) / 2
    from scipy import stats
    assert half == pytest.approx(stats.t.ppf(0.975, g - 1) * se)
    assert not np.isnan(row["p_adjusted"]) and row["p_adjusted"] >= row["p_value"]


def test_statements_per_article_count_every_article(result):
    # seven articles in the corpus (d7 reports no death): A 7/7, B 6/7; ratio 7/6
    assert result.loc[("Daily", "statements per article: A"), "estimate"] == pytest.approx(1.0)
    assert result.loc[("Daily", "statements per article: B"), "estimate"] == pytest.approx(6 / 7)
    ratio = result.loc[("Daily", "statements per article: A / B")]
    assert ratio["estimate"] == pytest.approx(7 / 6)
    assert ratio["ci_low"] < 7 / 6 < ratio["ci_high"] and ratio["n_docs"] == 7


def test_bad_requests(table):
    with pytest.raises(StatisticsError, match="two different sides"):
        framing.casualty_asymmetry(table, ["A", "A"])
    with pytest.raises(StatisticsError, match="victim_side"):
        framing.casualty_asymmetry(table.drop(columns="victim_side"), ["A", "B"])


def test_mentions_per_reported_death_by_day():
    corpus = pd.DataFrame({
        "doc_id": ["a1", "a2", "a3", "b1"], "outlet": ["P", "P", "P", "Q"], "text": "x",
        "date": ["2023-10-08", "2023-10-08", "2023-10-09", "2023-10-09"],
    })
    cas = pd.DataFrame({
        "doc_id": ["a1", "a1", "a2", "a2", "a3", "a3", "b1"],
        "victim_side": ["A", "B", "A", "A", "B", "B", "A"],
        "negated": [False, False, False, False, False, True, False],
        "hypothetical": False,
    })
    # running totals, as UN OCHA reports them: A 100 then 300 (200 new); B 1000 then 1500 (500 new)
    deaths = pd.DataFrame({"date": ["2023-10-08", "2023-10-08", "2023-10-09", "2023-10-09"],
                           "side": ["A", "B", "A", "B"], "deaths": [100, 1000, 300, 1500]})
    out = framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=corpus, freq="D", cumulative=True)
    out = out.set_index(["group", "measure"])
    # outlet P on 8 October: A 3 mentions / 100 deaths, B 1 / 1000
    assert out.loc[("P 2023-10-08", "mentions per 1000 deaths: A"), "estimate"] == pytest.approx(30.0)
    assert out.loc[("P 2023-10-08", "mentions per 1000 deaths: B"), "estimate"] == pytest.approx(1.0)
    assert out.loc[("P 2023-10-08", "mentions per 1000 deaths: A / B"), "estimate"] == pytest.approx(30.0)
    # 9 October: P's one article reports one asserted B death mention (the negated one is left out), 500 new deaths
    assert out.loc[("P 2023-10-09", "mentions per 1000 deaths: B"), "estimate"] == pytest.approx(2.0)
    assert out.loc[("Q 2023-10-09", "mentions per 1000 deaths: A"), "exposure"] == 200
    with pytest.raises(StatisticsError, match="deaths table has no column 'deaths'"):
        framing.mentions_per_death(cas, deaths.rename(columns={"deaths": "n"}), ["A", "B"], corpus=corpus)


def test_the_figure_draws_one_dot_per_side_and_dimension(result):
    import matplotlib

    matplotlib.use("Agg")
    fig = framing.plot.casualty_asymmetry(result.reset_index(), voice="all")
    (ax,) = fig.axes
    assert ax.get_title() == "Daily"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["number", "named agent", "humanised", "emotive"]
    # two sides x four dimensions, each an errorbar container
    assert len(ax.containers) == 2 and all(len(c.lines[0].get_xdata()) == 4 for c in ax.containers)


def test_mentions_per_death_with_sentences_clustered_by_article_and_mixed_date_formats():
    """Documents that are sentences of articles: the article is the unit; dates written two ways are read."""
    corpus = pd.DataFrame({
        "doc_id": ["s1", "s2", "s3", "s4", "s5", "s6"], "outlet": "P", "text": "x",
        "article": ["a1", "a1", "a2", "a2", "a3", "a4"],
        "date": ["10/08/2023", "10/08/2023", "2023-10-08", "2023-10-08", "10/08/2023", "2023-10-08"],
    })
    cas = pd.DataFrame({"doc_id": ["s1", "s2", "s3", "s4", "s5", "s6", "s6"],
                        "victim_side": ["A", "A", "B", "A", "B", "A", "B"], "negated": False, "hypothetical": False})
    deaths = pd.DataFrame({"date": ["2023-10-08", "2023-10-08"], "side": ["A", "B"], "deaths": [100, 1000]})
    out = framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=corpus, cluster="article").set_index("measure")
    ratio = out.loc["mentions per 1000 deaths: A / B"]
    assert ratio["n_docs"] == 4  # four articles, not six sentences
    # independent: per-article counts A = (2, 1, 0, 1), B = (0, 1, 1, 1); delta method on the log ratio
    a, b = np.array([2.0, 1, 0, 1]), np.array([0.0, 1, 1, 1])
    infl = a / a.sum() - b / b.sum()
    se = np.sqrt(4 / 3 * np.sum((infl - infl.mean()) ** 2))
    est = (4 / 100) / (3 / 1000)
    from scipy import stats
    q = stats.t.ppf(0.975, 3)
    assert ratio["estimate"] == pytest.approx(est)
    assert ratio["ci_low"] == pytest.approx(est * np.exp(-q * se)) and ratio["ci_high"] == pytest.approx(est * np.exp(q * se))


def test_the_mentions_per_death_figure_draws_each_side_per_period():
    import matplotlib

    matplotlib.use("Agg")
    corpus = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "a4"], "outlet": "P", "text": "x",
                           "date": ["2023-10-08", "2023-10-08", "2023-10-09", "2023-10-09"]})
    cas = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "a4"], "victim_side": ["A", "B", "A", "B"],
                        "negated": False, "hypothetical": False})
    deaths = pd.DataFrame({"date": ["2023-10-08", "2023-10-08", "2023-10-09", "2023-10-09"],
                           "side": ["A", "B", "A", "B"], "deaths": [10, 100, 30, 300]})
    out = framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=corpus, freq="D", cumulative=True)
    fig = framing.plot.mentions_per_death(out)
    (ax,) = fig.axes
    assert ax.get_title() == "P"
    lines = [line for line in ax.get_lines() if len(line.get_xdata())]
    # A: 1 / 10 then 1 / 20 new deaths -> 100 and 50 per 1,000; B: 10 and 5
    ys = sorted(tuple(np.round(line.get_ydata(), 6)) for line in lines)
    assert ys == [(10.0, 5.0), (100.0, 50.0)]


def _one_outlet_case(dates):
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(dates))], "outlet": "P", "text": "x", "date": dates})
    cas = pd.DataFrame({"doc_id": corpus["doc_id"], "victim_side": "A", "negated": False, "hypothetical": False})
    deaths = pd.DataFrame({"date": ["2023-10-08", "2023-10-09"], "side": ["A", "A"], "deaths": [100, 100]})
    return cas, deaths, corpus


def test_mentions_per_death_names_a_date_it_cannot_read():
    cas, deaths, corpus = _one_outlet_case(["2023-10-08", "the eighth of October"])
    with pytest.raises(StatisticsError, match=r"d1.*'the eighth of October'"):
        framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=corpus)
    bad = deaths.assign(date=["2023-10-08", "soon"])
    with pytest.raises(StatisticsError, match=r"deaths table.*row 1.*'soon'"):
        framing.mentions_per_death(cas, bad, ["A", "B"], corpus=_one_outlet_case(["2023-10-08"])[2])


def test_mentions_per_death_says_which_documents_fall_outside_the_dates_of_the_deaths_table():
    # d1 is before the first reported date, d2 has no date: both are left out, and the user is told
    cas, deaths, corpus = _one_outlet_case(["2023-10-08", "2023-09-30", None, "2023-10-09"])
    with pytest.warns(UserWarning, match=r"2 of 4 documents.*d1.*d2"):
        out = framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=corpus).set_index("measure")
    # two documents counted: two A mentions over 200 A deaths
    assert out.loc["mentions per 1000 deaths: A", "count"] == 2
    assert out.loc["mentions per 1000 deaths: A", "exposure"] == 200
