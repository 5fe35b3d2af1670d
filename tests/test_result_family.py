"""evaluate, agreement, validate and distinguishability answer in one results family: the columns of
:data:`framing.schema.RESULT` first, their own after, so results can be stacked, filtered and drawn alike."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

import framing
from framing.schema import RESULT

TEXTS = (["militants attacked the border post overnight", "the militant group claimed the attack",
          "gunmen attacked a convoy near the border"] * 4
         + ["the ministers met to discuss trade", "talks on trade and energy resumed",
            "the two ministers signed an energy deal"] * 4)
LABELS = ["violence"] * 12 + ["diplomacy"] * 12


def _family(table: pd.DataFrame) -> None:
    assert tuple(table.columns[: len(RESULT)]) == RESULT
    inside = table.dropna(subset=["estimate", "ci_low", "ci_high"])
    assert ((inside["ci_low"] <= inside["estimate"]) & (inside["estimate"] <= inside["ci_high"])).all()


def test_the_four_results_share_the_result_columns_and_stack():
    model = make_pipeline(CountVectorizer(), LogisticRegression())
    ev = framing.evaluate(model, TEXTS, LABELS, cv=3, n_resamples=50)
    _family(ev.scores)
    # "group" names the class, "measure" the metric, as the evaluation's own columns say
    assert set(ev.scores["group"]) == {"violence", "diplomacy", "all"}
    assert ev.scores.set_index(["group", "measure"]).loc[("all", "accuracy"), "estimate"] == pytest.approx(
        ev.score("accuracy"))

    codings = pd.DataFrame({"unit": [1, 2, 3, 4, 1, 2, 3, 4], "coder": ["a"] * 4 + ["b"] * 4,
                            "code": ["x", "y", "x", "y", "x", "y", "x", "x"]})
    agree = framing.agreement(codings, n_resamples=50)
    _family(agree)
    assert set(agree["group"]) == {"a; b"}

    gold = pd.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 20], "end": [5, 30], "category": ["quote"] * 2})
    pred = pd.DataFrame({"doc_id": ["d1"], "start": [1], "end": [4], "category": ["quote"]})
    val = framing.validate(pred, gold, n_resamples=50)
    _family(val)
    # precision 1/1 and recall 1/2, read off the spans above
    by = val.set_index(["group", "measure"])["estimate"]
    assert by[("quote", "precision")] == 1.0 and by[("quote", "recall")] == 0.5

    stacked = pd.concat([ev.scores, agree, val], ignore_index=True)
    assert len(stacked) == len(ev.scores) + len(agree) + len(val)
    ax = framing.plot.forest(stacked[stacked["measure"].isin(["precision", "recall"])], log=False, reference=0,
                             xlabel="estimate")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["precision", "recall"]
