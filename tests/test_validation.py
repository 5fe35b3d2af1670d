"""Tests of framing.validation: annotation samples, agreement and validation.

Expected values come from published examples (Krippendorff 2011), from hand
computation written out in the test, or from a second, independent
implementation in this file (a coincidence-matrix alpha, scikit-learn's kappa
and precision/recall).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

import framing
from framing.errors import SchemaError, StatisticsError, UsageError
from framing.schema import RESULT
from framing.learn.coding import AGREEMENT, ANNOTATION_ADDED, VALIDATION, agreement, annotation_sample, validate

NAN = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
# four observers, twelve units and missing values; published alphas: nominal .743,
# ordinal .815, interval .849, ratio .797.
KRIPPENDORFF_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


def _long(matrix, coders="ABCD") -> pd.DataFrame:
    rows = [(f"u{u:02d}", c, v) for c, row in zip(coders, matrix) for u, v in enumerate(row) if not pd.isna(v)]
    return pd.DataFrame(rows, columns=["unit", "coder", "code"])


def _nominal_alpha_by_hand(matrix) -> float:
    """Nominal alpha from the coincidence matrix (Krippendorff 2011, section C)."""
    m = np.asarray(matrix, dtype=float)
    values = np.unique(m[~np.isnan(m)])
    o = np.zeros((len(values), len(values)))
    for u in range(m.shape[1]):
        col = m[:, u][~np.isnan(m[:, u])]
        mu = len(col)
        if mu < 2:
            continue
        for i, j in itertools.permutations(range(mu), 2):
            o[np.searchsorted(values, col[i]), np.searchsorted(values, col[j])] += 1 / (mu - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d_o = o.sum() - np.trace(o)
    d_e = (n * n - (n_c ** 2).sum()) / (n - 1)
    return 1 - (n - 1) * d_o / (n * n - (n_c ** 2).sum()) if d_e else NAN


# --------------------------------------------------------------------------- agreement


@pytest.mark.parametrize(
    "level, published", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)]
)
def test_krippendorff_published_example(level, published):
    out = agreement(_long(KRIPPENDORFF_EXAMPLE), level=level, n_resamples=200)
    assert tuple(out.columns) == RESULT + tuple(c for c in AGREEMENT if c not in RESULT)
    row = out[out["measure"] == "krippendorff_alpha"].iloc[0]
    assert row["estimate"] == pytest.approx(published, abs=5e-4)
    assert row["coders"] == "A; B; C; D"
    assert row["n_units"] == 11  # unit 12 was coded by one observer only: not pairable
    assert row["n_coders"] == 4
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]
    assert "11 units" in row["note"]


def test_nominal_alpha_matches_coincidence_matrix_by_hand():
    assert _nominal_alpha_by_hand(KRIPPENDORFF_EXAMPLE) == pytest.approx(0.743, abs=5e-4)
    rng = np.random.default_rng(5)
    truth = rng.integers(0, 3, size=40)
    coders = [np.where(rng.random(40) < 0.75, truth, rng.integers(0, 3, size=40)).astype(float) for _ in range(3)]
    coders[1][[3, 7, 11]] = NAN
    est = agreement(_long(coders, coders="XYZ"), n_resamples=50)
    alpha = est.loc[est["measure"] == "krippendorff_alpha", "estimate"].iloc[0]
    assert alpha == pytest.approx(_nominal_alpha_by_hand(coders), abs=1e-9)


def test_cohen_kappa_hand_example():
    # 50 units: both "yes" 20, A yes / B no 5, A no / B yes 10, both "no" 15.
    # p_o = 35/50 = .70; p_e = (25/50)(30/50) + (25/50)(20/50) = .50; kappa = (.70 - .50)/(1 - .50) = .40
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    rows = [(i, "A", a) for i, (a, _) in enumerate(pairs)] + [(i, "B", b) for i, (_, b) in enumerate(pairs)]
    out = agreement(pd.DataFrame(rows, columns=["unit", "coder", "code"]), n_resamples=500)
    kappa = out[out["measure"] == "cohen_kappa"].iloc[0]
    assert kappa["estimate"] == pytest.approx(0.40)
    assert kappa["coders"] == "A; B" and kappa["n_units"] == 50
    assert kappa["ci_low"] < 0.40 < kappa["ci_high"]


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
def test_kappa_agrees_with_scikit_learn(weights):
    rng = np.random.default_rng(11)
    a = rng.integers(1, 5, size=60)
    b = np.where(rng.random(60) < 0.6, a, rng.integers(1, 5, size=60))
    rows = [(i, "a", int(x)) for i, x in enumerate(a)] + [(i, "b", int(x)) for i, x in enumerate(b)]
    out = agreement(pd.DataFrame(rows, columns=["unit", "coder", "code"]), level="ordinal",
                    kappa_weights=weights, n_resamples=50)
    kappa = out.loc[out["measure"] == "cohen_kappa", "estimate"].iloc[0]
    assert kappa == pytest.approx(cohen_kappa_score(a, b, weights=weights))


def test_library_against_coders():
    # three human coders who agree perfectly, and a library that gets two units wrong
    truth = ["hedge", "none", "hedge", "scare", "none", "none", "hedge", "scare", "none", "hedge"] * 3
    rows = []
    for u, t in enumerate(truth):
        for c in ("ana", "ben", "chi"):
            rows.append((u, c, t))
        rows.append((u, "framing", "none" if u in (0, 3) else t))
    out = agreement(pd.DataFrame(rows, columns=["unit", "coder", "code"]), machine="framing", n_resamples=200)
    humans = out[out["measure"] == "krippendorff_alpha_humans"].iloc[0]
    assert humans["estimate"] == pytest.approx(1.0)
    assert humans["coders"] == "ana; ben; chi"
    overall = out[out["measure"] == "krippendorff_alpha"].iloc[0]
    assert overall["estimate"] < 1.0
    kappas = out[out["measure"] == "cohen_kappa"].set_index("coders")["estimate"]
    assert kappas["ana; ben"] == pytest.approx(1.0)
    lib = [ana for ana in truth]
    machine = ["none" if u in (0, 3) else t for u, t in enumerate(truth)]
    assert kappas["ana; framing"] == pytest.approx(cohen_kappa_score(lib, machine))
    assert len(kappas) == 6  # every pair of four coders


def test_agreement_bad_input():
    with pytest.raises(SchemaError, match="coder"):
        agreement(pd.DataFrame({"unit": [1], "code": ["a"]}))
    dup = pd.DataFrame({"unit": [1, 1, 2], "coder": ["a", "a", "b"], "code": ["x", "y", "x"]})
    with pytest.raises(SchemaError, match="several codes"):
        agreement(dup)
    with pytest.raises(StatisticsError, match="two coders"):
        agreement(pd.DataFrame({"unit": [1, 2], "coder": ["a", "a"], "code": ["x", "y"]}))
    with pytest.raises(SchemaError, match="numeric"):
        agreement(_long([["x", "y"], ["x", "x"]], coders="AB"), level="interval")
    with pytest.raises(SchemaError, match="machine"):
        agreement(_long(KRIPPENDORFF_EXAMPLE), machine="nobody")


def test_agreement_undefined_when_one_category():
    out = agreement(_long([["x"] * 5, ["x"] * 5], coders="AB"), n_resamples=20)
    assert out["estimate"].isna().all()
    assert out["note"].str.contains("undefined").all()


# --------------------------------------------------------------------------- validate: spans


def _spans(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "category"])


def test_span_rules_counted_by_hand():
    gold = _spans([("d1", 0, 10, "quote"), ("d1", 20, 30, "quote"), ("d2", 5, 15, "quote"), ("d2", 40, 50, "hedge")])
    pred = _spans([("d1", 2, 8, "quote"), ("d1", 22, 40, "quote"), ("d2", 5, 15, "hedge"), ("d3", 0, 3, "quote")])
    # exact: nothing has the same offsets within the same category
    ex = validate(pred, gold, overlap="exact", n_resamples=50).set_index(["category", "metric"])
    assert ex.loc[("all", "f1"), ["tp", "fp", "fn"]].tolist() == [0, 4, 4]
    # any overlap: both d1 quotes match; d2's (5, 15) is a hedge in the prediction, a quote in gold
    anyo = validate(pred, gold, overlap="any", n_resamples=50).set_index(["category", "metric"])
    assert anyo.loc[("quote", "precision"), ["tp", "fp", "fn"]].tolist() == [2, 1, 1]
    assert anyo.loc[("quote", "precision"), "estimate"] == pytest.approx(2 / 3)
    assert anyo.loc[("quote", "recall"), "estimate"] == pytest.approx(2 / 3)
    assert anyo.loc[("hedge", "f1"), "estimate"] == 0
    # Jaccard: (2, 8) vs (0, 10) = 6/10 passes 0.5; (22, 40) vs (20, 30) = 8/20 does not
    jac = validate(pred, gold, overlap="jaccard", min_jaccard=0.5, n_resamples=50).set_index(["category", "metric"])
    assert jac.loc[("quote", "recall"), "tp"] == 1
    jac3 = validate(pred, gold, overlap="jaccard", min_jaccard=0.4, n_resamples=50).set_index(["category", "metric"])
    assert jac3.loc[("quote", "recall"), "tp"] == 2
    assert tuple(validate(pred, gold, overlap="exact", n_resamples=50).columns) == RESULT + tuple(
        c for c in VALIDATION if c not in RESULT)


def test_spans_are_matched_one_to_one():
    gold = _spans([("d", 0, 20, "q")])
    pred = _spans([("d", 0, 5, "q"), ("d", 10, 20, "q")])
    out = validate(pred, gold, n_resamples=20).set_index("metric")
    assert out.loc["precision", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    # two gold spans and one long prediction covering both: one match only
    out2 = validate(gold.assign(end=5), _spans([("d", 0, 5, "q")]), n_resamples=20)
    assert out2["tp"].iloc[0] == 1
    # maximum matching: greedy on best overlap would pair p1 with g2 and leave g1 unmatched
    g = _spans([("d", 0, 10, "q"), ("d", 10, 30, "q")])
    p = _spans([("d", 5, 25, "q"), ("d", 20, 40, "q")])
    assert validate(p, g, n_resamples=20)["tp"].iloc[0] == 2


def test_spans_without_category_and_documents_without_spans():
    gold = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 0], "end": [5, 5]})
    pred = pd.DataFrame({"doc_id": ["a"], "start": [1], "end": [4], "category": ["x"]})
    out = validate(pred, gold, documents=["a", "b", "c", "d"], n_resamples=50)
    assert set(out["category"]) == {"all"}
    assert (out["n_docs"] == 4).all()
    rec = out.set_index("metric").loc["recall"]
    assert rec["estimate"] == pytest.approx(0.5)
    assert rec["ci_low"] <= 0.5 <= rec["ci_high"]


def test_span_intervals_cover_and_resample_documents():
    # 40 documents, each with 4 gold spans of which the prediction finds 3: recall exactly .75
    gold, pred = [], []
    for d in range(40):
        for k in range(4):
            gold.append((f"d{d}", 10 * k, 10 * k + 5, "q"))
            if k < 3:
                pred.append((f"d{d}", 10 * k, 10 * k + 5, "q"))
    out = validate(_spans(pred), _spans(gold), n_resamples=300).set_index("metric")
    assert out.loc["recall", "estimate"] == pytest.approx(0.75)
    # every document has recall .75, so resampling documents cannot move it
    assert out.loc["recall", "ci_low"] == pytest.approx(0.75)
    assert out.loc["recall", "ci_high"] == pytest.approx(0.75)
    assert out.loc["precision", "estimate"] == 1.0


def test_validate_bad_input():
    good = _spans([("d", 0, 5, "q")])
    with pytest.raises(SchemaError, match="start"):
        validate(good.drop(columns="start"), good)
    with pytest.raises(SchemaError, match="start > end"):
        validate(_spans([("d", 9, 5, "q")]), good)
    with pytest.raises(UsageError, match="overlap must be one of"):
        validate(good, good, overlap="most")


# --------------------------------------------------------------------------- validate: labels


def test_labels_agree_with_scikit_learn():
    rng = np.random.default_rng(2)
    n = 120
    gold_labels = rng.choice(["military", "humanitarian", "diplomatic"], size=n)
    pred_labels = np.where(rng.random(n) < 0.7, gold_labels, rng.choice(["military", "humanitarian", "diplomatic"], n))
    keys = {"doc_id": [f"d{i // 6}" for i in range(n)], "sentence_id": [i % 6 for i in range(n)]}
    gold = pd.DataFrame({**keys, "label": gold_labels})
    pred = pd.DataFrame({**keys, "label": pred_labels}).sample(frac=1, random_state=1)  # order must not matter
    out = validate(pred, gold, kind="labels", n_resamples=200).set_index(["category", "metric"])
    labels = ["diplomatic", "humanitarian", "military"]
    p, r, f, _ = precision_recall_fscore_support(gold_labels, pred_labels, labels=labels)
    for i, lab in enumerate(labels):
        assert out.loc[(lab, "precision"), "estimate"] == pytest.approx(p[i])
        assert out.loc[(lab, "recall"), "estimate"] == pytest.approx(r[i])
        assert out.loc[(lab, "f1"), "estimate"] == pytest.approx(f[i])
    assert out.loc[("macro", "f1"), "estimate"] == pytest.approx(f.mean())
    assert out.loc[("all", "f1"), "estimate"] == pytest.approx(np.mean(gold_labels == pred_labels))
    assert out["n_docs"].iloc[0] == 20  # bootstrap over documents


def test_labels_missing_predictions_are_misses():
    gold = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1], "label": ["x", "y", "x"]})
    pred = pd.DataFrame({"doc_id": ["a", "b"], "sentence_id": [1, 1], "label": ["x", "x"]})
    out = validate(pred, gold, kind="labels", n_resamples=20).set_index(["category", "metric"])
    assert out.loc[("y", "recall"), "estimate"] == 0
    assert np.isnan(out.loc[("y", "precision"), "estimate"])  # never predicted
    assert out.loc[("x", "precision"), "estimate"] == 1.0
    assert "1 gold units without a prediction" in out["method"].iloc[0]
    with pytest.raises(SchemaError, match="several rows"):
        validate(pd.concat([pred, pred]), gold, kind="labels")


# --------------------------------------------------------------------------- annotation sample


@pytest.fixture(scope="module")
def hedge_matches(example, example_texts) -> pd.DataFrame:
    """Hand-located matches in the bundled corpus (found by searching the cleaned text)."""
    found = [
        ("scroll", "alleged bases", "hedge"),
        ("scroll", "allegedly linked", "hedge"),
        ("scroll", "what it claimed", "hedge"),
        ("scroll", "terrorist operations", "label"),
        ("scroll", "militant group", "label"),
        ("timesofisrael", "jihadist group", "label"),
        ("timesofisrael", "terror group", "label"),
        ("time", "separatist group", "label"),
        ("time", "terrorist hideouts", "label"),
        ("ahram", "terrorist group", "label"),
    ]
    rows = []
    for doc, phrase, cat in found:
        text = example_texts[doc]
        start = text.index(phrase)
        rows.append((doc, start, start + len(phrase), cat, phrase))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "category", "term"])


def test_sample_has_evidence_and_context(hedge_matches, example, example_texts):
    s = annotation_sample(hedge_matches, 6, corpus=example, context=60, seed=4)
    assert len(s) == 6
    assert list(s["item_id"]) == list(range(1, 7))
    for c in ANNOTATION_ADDED:
        assert c in s.columns
    assert "outlet" in s.columns  # taken from the corpus to stratify
    for _, row in s.iterrows():
        text = example_texts[row["doc_id"]]
        assert row["span"] == text[row["start"]:row["end"]] == row["term"]
        assert text[row["start"] - len(row["context_left"]):row["start"]] == row["context_left"]
        assert text[row["end"]:row["end"] + len(row["context_right"])] == row["context_right"]
        assert len(row["context_left"]) <= 60 and len(row["context_right"]) <= 60
        assert row["code"] == ""
    # CSV-ready: a round trip keeps every row
    assert len(pd.read_csv(__import__("io").StringIO(s.to_csv(index=False)))) == 6


def test_sample_is_reproducible_and_covers_strata(hedge_matches, example):
    a = annotation_sample(hedge_matches, 5, corpus=example, seed=1)
    b = annotation_sample(hedge_matches, 5, corpus=example, seed=1)
    pd.testing.assert_frame_equal(a, b)
    others = {tuple(annotation_sample(hedge_matches, 5, corpus=example, seed=k)["term"]) for k in range(2, 8)}
    assert len(others) > 1
    # five strata (outlet x category): scroll|hedge, scroll|label, timesofisrael|label, time|label, ahram|label
    assert set(zip(a["doc_id"], a["category"])) >= {("ahram", "label"), ("time", "label"),
                                                     ("timesofisrael", "label")}
    assert a.groupby(["outlet", "category"]).size().min() == 1


def test_sample_allocation():
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(100)],
                          "category": ["common"] * 90 + ["rare"] * 10, "text": ["t"] * 100})
    prop = annotation_sample(table, 20, stratify=["category"], seed=0)
    assert prop["category"].value_counts().to_dict() == {"common": 18, "rare": 2}
    equal = annotation_sample(table, 20, stratify=["category"], seed=0, allocation="equal")
    assert equal["category"].value_counts().to_dict() == {"common": 10, "rare": 10}
    tiny = annotation_sample(table, 2, stratify=["category"], seed=0)
    assert sorted(tiny["category"]) == ["common", "rare"]  # every stratum when n allows
    assert (prop["span"] == "t").all()  # sentences carry their own text
    with pytest.raises(SchemaError, match="only 100"):
        annotation_sample(table, 101, stratify=["category"])
    with pytest.raises(SchemaError, match="outlet"):
        annotation_sample(table, 5)  # default strata include outlet; no corpus to take it from


def test_sample_sentences_of_the_bundled_corpus(example, example_texts):
    sents = framing.sentences(example)
    s = annotation_sample(sents, 10, stratify=["outlet"], corpus=example, seed=0)
    assert s["outlet"].nunique() == 5  # every outlet is represented
    for _, row in s.iterrows():
        assert row["span"] == example_texts[row["doc_id"]][row["start"]:row["end"]]


def test_public_names_are_exported():
    assert framing.agreement is agreement
    assert framing.validate is validate
    assert framing.annotation_sample is annotation_sample


@pytest.mark.datasets
def test_validate_quotes_against_polnear_dev(shared_datasets):
    """End to end on human annotation: framing.quotes against PolNeAR content in quotation marks."""
    import re

    folder = shared_datasets / "polnear" / "dev"
    anns = sorted((folder / "attributions").glob("*.ann"))[:12]
    docs, gold = [], []
    for ann in anns:
        base = ann.stem.rsplit("_", 1)[0]
        if any(d["doc_id"] == base for d in docs):
            continue
        text = (folder / "text" / f"{base}.txt").read_text(encoding="utf-8")
        docs.append({"doc_id": base, "outlet": base.split("_", 1)[0], "text": text})
        for m in re.finditer(r"^T\d+\tContent ([\d ;]+)\t", ann.read_text(encoding="utf-8"), re.M):
            for seg in m.group(1).split(";"):
                a, b = map(int, seg.split())
                inner = text[a:b].strip().rstrip(".,;:?!")
                if inner[:1] in "“\"" and inner[-1:] in "”\"":
                    gold.append({"doc_id": base, "start": a, "end": b})
    corpus = pd.DataFrame(docs)
    found = framing.quotes(corpus)
    pred = found.loc[found["kind"] == "direct", ["doc_id", "start", "end"]]
    out = validate(pred, pd.DataFrame(gold), overlap="any", documents=corpus["doc_id"], n_resamples=200)
    recall = out.set_index("metric").loc["recall"]
    assert len(gold) > 20
    assert recall["estimate"] > 0.85  # a quote extractor finds text people put in quotation marks
    assert recall["n_docs"] == len(corpus)


def test_the_old_name_of_n_resamples_still_works_with_a_warning():
    codings = _long([["a", "b", "a", "a"], ["a", "b", "b", "a"]], coders="AB")
    with pytest.warns(FutureWarning, match="n_boot= is now called n_resamples="):
        old = agreement(codings, n_boot=30, seed=3)
    pd.testing.assert_frame_equal(old, agreement(codings, n_resamples=30, seed=3))
