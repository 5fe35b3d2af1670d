"""Grouping by any corpus column or several, and the default cluster (the coarsest unit within which the group
is constant), in compare, compare_shares and keyness. Expected values come from plain pandas / statsmodels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps

from framing import schema
from framing.errors import UsageError
from framing.stats import compare, compare_shares, keyness

# six outlets, three per leaning, three documents each; two topics that vary within outlets
OUTLETS = {"A": "left", "B": "left", "C": "left", "D": "right", "E": "right", "F": "right"}
BASE = {"A": 2, "B": 5, "C": 3, "D": 6, "E": 9, "F": 4}


def corpus_and_scores() -> tuple[pd.DataFrame, pd.DataFrame]:
    docs, rows = [], []
    for o, lean in OUTLETS.items():
        for i, (extra, n, topic) in enumerate([(0, 500, "war"), (2, 700, "economy"), (-1, 400, "war")]):
            d = f"{o}{i}"
            docs.append({"doc_id": d, "outlet": o, "text": "x", "leaning": lean, "topic": topic})
            c = BASE[o] + extra
            rows.append((d, o, "attribution", "distancing", "narrator", c, n, 1000 * c / n))
    return pd.DataFrame(docs), pd.DataFrame(rows, columns=list(schema.SCORES))


def test_leaning_is_clustered_by_outlet_by_default_and_the_note_says_so():
    corpus, scores = corpus_and_scores()
    res = compare(scores, by="leaning", corpus=corpus, reference="left")
    merged = scores.merge(corpus[["doc_id", "leaning"]], on="doc_id")
    # independent fit: Poisson GLM, log(tokens) offset, sandwich covariance clustered by outlet
    X = pd.get_dummies(merged["leaning"]).astype(float)[["left", "right"]].to_numpy()
    fit = sm.GLM(merged["count"], X, family=sm.families.Poisson(), offset=np.log(merged["n_tokens"])).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(merged["outlet"])[0]})
    for j, g in enumerate(["left", "right"]):
        r = res[(res["group"] == g) & res["measure"].str.endswith("rate per 1k")].iloc[0]
        part = merged[merged["leaning"] == g]
        assert r["estimate"] == pytest.approx(1000 * part["count"].sum() / part["n_tokens"].sum())
        # 3 outlets per leaning: Student t with 2 degrees of freedom
        q = sps.t.ppf(0.975, 2)
        assert r["ci_low"] == pytest.approx(1000 * np.exp(np.asarray(fit.params)[j] - q * np.asarray(fit.bse)[j]), rel=1e-6)
        assert r["ci_high"] == pytest.approx(1000 * np.exp(np.asarray(fit.params)[j] + q * np.asarray(fit.bse)[j]), rel=1e-6)
        assert "cluster-robust by outlet" in r["method"]
        assert "clusters: outlet" in r["note"] and "leaning is constant" in r["note"]
    # asking for documents as clusters gives the per-document answer, and no outlet note
    by_doc = compare(scores, by="leaning", corpus=corpus, cluster="doc_id")
    assert by_doc["method"].str.contains("cluster-robust by doc_id").any()
    assert not by_doc["note"].str.contains("clusters: outlet").any()


def test_outlet_grouping_stays_clustered_by_document():
    corpus, scores = corpus_and_scores()
    res = compare(scores, corpus=corpus)
    assert res["method"].str.contains("cluster-robust by doc_id").any()


def test_several_group_columns_make_combined_groups():
    corpus, scores = corpus_and_scores()
    res = compare(scores, by=["leaning", "topic"], corpus=corpus)
    rates = res[res["measure"].str.endswith("rate per 1k")].set_index("group")
    merged = scores.merge(corpus[["doc_id", "leaning", "topic"]], on="doc_id")
    expected = merged.groupby(["leaning", "topic"]).apply(lambda p: 1000 * p["count"].sum() / p["n_tokens"].sum())
    assert sorted(rates.index) == ["left / economy", "left / war", "right / economy", "right / war"]
    for (lean, topic), value in expected.items():
        assert rates.loc[f"{lean} / {topic}", "estimate"] == pytest.approx(value)
    # the topic varies within outlets: the document is the cluster
    assert rates["method"].str.contains("cluster-robust by doc_id").all()


def test_a_group_that_varies_within_its_outlet_suggests_a_finer_cluster():
    corpus, scores = corpus_and_scores()
    corpus.loc[corpus["doc_id"].isin(["A0", "B0"]), "leaning"] = "center"  # outlets with two leanings
    with pytest.raises(UsageError, match=r"within outlet 'A'.*finer cluster, cluster=\['outlet', 'leaning'\] "
                                         r"\(the outlet within each leaning\) or cluster='doc_id'") as err:
        compare(scores, by="leaning", corpus=corpus, cluster="outlet")
    assert err.value.exit_code == 2
    # the default then clusters by document instead of failing
    res = compare(scores, by="leaning", corpus=corpus)
    assert res["method"].str.contains("cluster-robust by doc_id").any()
    # outlet x leaning: 8 clusters (A and B count twice), each inside one leaning
    fine = compare(scores, by="leaning", corpus=corpus, cluster=["outlet", "leaning"])
    assert fine["method"].str.contains("cluster-robust by outlet \u00d7 leaning").any()
    merged = scores.merge(corpus[["doc_id", "outlet", "leaning"]].rename(columns={"outlet": "o"}), on="doc_id")
    X = pd.get_dummies(merged["leaning"]).astype(float)[["center", "left", "right"]].to_numpy()
    fit = sm.GLM(merged["count"], X, family=sm.families.Poisson(), offset=np.log(merged["n_tokens"])).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(merged["o"] + merged["leaning"])[0]})
    r = fine[(fine["group"] == "left") & fine["measure"].str.endswith("rate per 1k")].iloc[0]
    # left has three clusters (A, B, C without their centre documents): t with 2 df
    q = sps.t.ppf(0.975, 2)
    assert r["ci_high"] == pytest.approx(1000 * np.exp(np.asarray(fit.params)[1] + q * np.asarray(fit.bse)[1]))


def test_shares_by_leaning_cluster_by_outlet_and_by_two_columns():
    corpus, _ = corpus_and_scores()
    rows = []
    for d, o in zip(corpus["doc_id"], corpus["outlet"]):
        k = int(d[1:])
        cats = ["neutral", "distancing"] if OUTLETS[o] == "left" else ["distancing", "distancing", "neutral"]
        rows += [{"doc_id": d, "outlet": o, "verb_category": c} for c in cats[: 2 + (k == 1)]]
    table = pd.DataFrame(rows)
    res = compare_shares(table, by="leaning", outcome="verb_category", corpus=corpus, n_resamples=199)
    share = res[res["measure"] == "verb_category=distancing share"].set_index("group")
    merged = table.merge(corpus[["doc_id", "leaning"]], on="doc_id")
    expected = merged.groupby("leaning")["verb_category"].apply(lambda s: (s == "distancing").mean())
    for g, v in expected.items():
        assert share.loc[g, "estimate"] == pytest.approx(v)
    assert share["method"].str.contains("clusters: outlet").all()
    assert share["note"].str.contains("clusters: outlet").all()
    two = compare_shares(table, by=["leaning", "topic"], outcome="verb_category", corpus=corpus, n_resamples=199)
    assert set(two.loc[two["measure"] == "verb_category=neutral share", "group"]) == {
        "left / economy", "left / war", "right / economy", "right / war"}


def test_keyness_by_two_columns():
    corpus = pd.DataFrame({"doc_id": list("abcd"), "outlet": list("ABCD"), "leaning": ["l", "l", "r", "r"],
                           "topic": ["x", "y", "x", "y"],
                           "text": ["alpha beta", "alpha gamma", "delta beta", "delta delta"]})
    res = keyness(corpus, by=["leaning", "topic"])
    assert set(res["group"]) == {"l / x", "l / y", "r / x", "r / y"}
    top = res[res["group"] == "r / y"].iloc[0]
    assert top["term"] == "delta" and top["count_group"] == 2 and top["count_rest"] == 1


@pytest.fixture(scope="module")
def leaning_corpus(tmp_path_factory) -> Path:
    """The bundled articles cut into three documents each, with a leaning per outlet and a date per document."""
    import framing

    example = framing.example_corpus()
    outlets = sorted(example["outlet"])
    rows = []
    for r in example.itertuples():
        paras = [p for p in r.text.split("\n") if len(p.split()) > 20]
        k = max(1, len(paras) // 3)
        for j in range(3):
            rows.append({"doc_id": f"{r.doc_id}-{j}", "outlet": r.outlet,
                         "text": "\n".join(paras[j * k:(j + 1) * k]) or r.text,
                         "leaning": "left" if outlets.index(r.outlet) < 2 else "right",
                         "topic": f"t{j % 2}", "date": f"2024-01-{10 + 5 * j:02d}"})
    path = tmp_path_factory.mktemp("leaning") / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_report_by_leaning_from_the_command_line(leaning_corpus, tmp_path):
    from framing import cli

    out = tmp_path / "r"
    code = cli.main(["report", str(leaning_corpus), "-o", str(out), "--by", "leaning", "--lexicons",
                     "hedging,attribution", "--quiet", "--resamples", "99"])
    assert code == 0
    corpus = pd.read_csv(leaning_corpus)
    scores = pd.read_csv(out / "tables" / "scores.csv")
    # the scores table carries the group column, one value per document as in the corpus
    assert dict(zip(scores["doc_id"], scores["leaning"])) == dict(zip(corpus["doc_id"], corpus["leaning"]))
    assert set(scores["lexicon"]) == {"hedging", "attribution"}
    assert (out / "figures" / "rates_heatmap.svg").is_file()
    rates = pd.read_csv(out / "tables" / "rate_ratios.csv")
    assert set(rates["group"]) - {"(all)"} == {"left", "right"}
    assert rates["note"].str.contains("clusters: outlet").all()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parameters"]["by"] == "leaning" and manifest["parameters"]["cluster"] == "auto"
    # sections only for what was asked: no casualty lexicon, no actors -> no casualty or label section
    page = (out / "index.html").read_text()
    assert 'id="attributions"' in page and 'id="rates"' in page
    assert 'id="casualties"' not in page and 'id="labels"' not in page


def test_report_by_two_columns_and_an_unknown_column(leaning_corpus, tmp_path, capsys):
    from framing import cli

    out = tmp_path / "r"
    assert cli.main(["report", str(leaning_corpus), "-o", str(out), "--by", "leaning,topic", "--lexicon", "hedging",
                     "--cluster", "doc_id", "--quiet", "--resamples", "99"]) == 0
    scores = pd.read_csv(out / "tables" / "scores.csv")
    corpus = pd.read_csv(leaning_corpus)
    expected = dict(zip(corpus["doc_id"], corpus["leaning"] + " / " + corpus["topic"]))
    assert dict(zip(scores["doc_id"], scores["leaning \u00d7 topic"])) == expected
    capsys.readouterr()
    assert cli.main(["report", str(leaning_corpus), "-o", str(tmp_path / "x"), "--by", "stance", "--quiet"]) == 2
    assert "'stance'" in capsys.readouterr().err


def test_study_spec_takes_by_and_cluster(leaning_corpus, tmp_path):
    from framing.errors import SchemaError
    from framing.report.study import load_study

    spec = tmp_path / "study.yaml"
    spec.write_text(f"name: s\ncorpus: {leaning_corpus}\nby: [leaning, topic]\ncluster: outlet\n")
    study = load_study(spec)
    assert study.by == ["leaning", "topic"] and study.cluster == "outlet"
    spec.write_text(f"name: s\ncorpus: {leaning_corpus}\nby: leaning\ncompare:\n  by: outlet\n")
    with pytest.raises(SchemaError, match="line 3.*'by' is given twice"):
        load_study(spec)


def test_report_over_time_with_an_event(leaning_corpus, tmp_path):
    from framing import cli

    out = tmp_path / "r"
    assert cli.main(["report", str(leaning_corpus), "-o", str(out), "--by", "leaning", "--lexicon", "attribution",
                     "--time", "date", "--freq", "W", "--event", "strike=2024-01-14", "--quiet",
                     "--resamples", "99"]) == 0
    trends = pd.read_csv(out / "tables" / "trends.csv")
    scores = pd.read_csv(out / "tables" / "scores.csv")
    corpus = pd.read_csv(leaning_corpus)
    own = scores[scores["voice"] == "narrator"].merge(corpus[["doc_id", "date"]], on="doc_id")
    own["week"] = pd.to_datetime(own["date"]).dt.to_period("W").dt.start_time.dt.strftime("%Y-%m-%d")
    cell = own[(own["leaning"] == "right") & (own["week"] == "2024-01-15") & (own["category"] == "neutral")]
    tokens = cell.drop_duplicates("doc_id")["n_tokens"].sum()
    row = trends[(trends["group"] == "right") & (trends["period"] == "2024-01-15")
                 & (trends["measure"] == "attribution:neutral rate per 1k")].iloc[0]
    assert row["estimate"] == pytest.approx(1000 * cell["count"].sum() / tokens)
    events = trends[trends["period"].isna()]
    assert events["measure"].str.contains("after vs before strike \\(2024-01-14\\)").all()
    assert set(events["group"]) == {"left", "right"}
    assert (out / "figures" / "trends.svg").is_file()
    page = (out / "index.html").read_text()
    assert 'id="trends"' in page and "dashed lines mark events" in page


def test_study_spec_trends_key(leaning_corpus, tmp_path):
    from framing.errors import SchemaError
    from framing.report.study import load_study

    spec = tmp_path / "study.yaml"
    spec.write_text(f"name: s\ncorpus: {leaning_corpus}\nby: leaning\ntrends:\n  time: date\n  freq: M\n"
                    "  events: {strike: 2024-01-16}\n  window: 14D\n")
    assert load_study(spec).trends == {"time": "date", "freq": "M", "events": {"strike": "2024-01-16"},
                                       "window": "14D"}
    spec.write_text(f"name: s\ncorpus: {leaning_corpus}\ntrends:\n  time: date\n  every: week\n")
    with pytest.raises(SchemaError, match="line 5.*unknown key"):
        load_study(spec)


def test_a_share_of_zero_has_a_lower_bound_of_exactly_zero():
    rows = [{"doc_id": f"{o}{i}", "outlet": o, "verb_category": c}
            for o, cats in (("A", ["neutral", "neutral", "neutral"]), ("B", ["neutral", "distancing", "neutral"]))
            for i, c in enumerate(cats)]
    res = compare_shares(pd.DataFrame(rows), outcome="verb_category", n_resamples=99)
    zero = res[(res["group"] == "A") & (res["measure"] == "verb_category=distancing share")].iloc[0]
    assert zero["estimate"] == 0 and zero["ci_low"] == 0.0
    whole = res[(res["group"] == "A") & (res["measure"] == "verb_category=neutral share")].iloc[0]
    assert whole["estimate"] == 1 and whole["ci_high"] == 1.0


def test_summary_aggregates_many_wire_pairs_by_group():
    from framing.report.analysis import Analysis
    from framing.report.html import _summary_sentences

    docs = [("r1", "R1", "right"), ("r2", "R2", "right"), ("r3", "R3", "right"), ("r4", "R4", "right"),
            ("l1", "L1", "left"), ("r5", "R5", "right")]
    corpus = pd.DataFrame({"doc_id": [d[0] for d in docs], "outlet": [d[1] for d in docs],
                           "leaning": [d[2] for d in docs], "text": "x"})
    # four pairs: three within right, one between left and right; (r1, r2) rewords 3 and cuts 2
    ops = {("r1", "r2"): ["changed"] * 3 + ["only_a"] * 2 + ["same"], ("r3", "r4"): ["same", "changed"],
           ("l1", "r5"): ["same", "only_b"], ("r2", "r3"): ["same"]}
    edits = pd.DataFrame([{"doc_a": a, "doc_b": b, "op": op} for (a, b), seq in ops.items() for op in seq])
    analysis = Analysis(corpus=corpus, tables={"edits": edits}, options={"by": "leaning"})
    (sentence,) = _summary_sentences(analysis)
    assert sentence.startswith("4 pairs of articles share wire copy (3 within right; 1 between left and right "
                               "by leaning); the 4 most edited: R1 / R2 (3 reworded, 2 added or cut);")
    assert "Wire copy shared by" not in sentence


def test_summary_counts_outlets_per_group_when_there_are_many():
    from framing.report.analysis import Analysis
    from framing.report.html import sections

    outlets = [f"O{i:02d}" for i in range(20)]
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "outlet": outlets * 2,
                           "leaning": ["left" if int(o[1:]) < 8 else "right" for o in outlets] * 2, "text": "x"})
    analysis = Analysis(corpus=corpus, options={"by": "leaning", "not_asked": set()})
    evidence = pd.DataFrame(columns=["eid", "kind", "doc_id", "start", "end", "keys", "voice", "desc", "ref"])
    summary = dict((a, h) for a, _, h in sections(analysis, evidence, {}, {}, {}, {}, {}, "leaning", "narrator", 10))
    assert "40 articles from 20 outlets (left: 16 articles, 8 outlets; right: 24 articles, 12 outlets)" in \
        summary["summary"]
    assert "O07" not in summary["summary"]
