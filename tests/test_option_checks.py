"""A bad option value is a usage error (exit 2) that names the option, wherever it is given."""

import pandas as pd
import pytest

import framing
from framing.errors import UsageError

TEXTS = ["militants attacked the post", "the ministers met on trade"] * 6
LABELS = ["violence", "diplomacy"] * 6


def _corpus():
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "outlet": ["A", "B"] * 6, "text": TEXTS})


@pytest.mark.parametrize("call, option", [
    (lambda: framing.keyness(_corpus(), by="outlet", min_docs=0), "min_docs"),
    (lambda: framing.evaluate(framing.FrameClassifier(), TEXTS, LABELS, cv=1), "cv"),
    (lambda: framing.FrameClassifier(lexicon=True, lexicon_weight=0).fit(TEXTS, LABELS), "lexicon_weight"),
    (lambda: framing.distinguishability(_corpus(), by="outlet", unit="document", alpha=0, n_resamples=2), "alpha"),
    (lambda: framing.casualty_asymmetry(
        pd.DataFrame(columns=["doc_id", "outlet", "victim_side", "number", "humanising", "emotive", "voice"]),
        ["A", "B"], voices=("mine",)), "voices"),
])
def test_a_bad_option_names_itself(call, option):
    with pytest.raises(UsageError, match=option):
        call()
