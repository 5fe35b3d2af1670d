"""Casualty asymmetry at its edges: an emotive word counted in its own voice, and a side with no count at all
(a bound, not a bare infinity)."""

import numpy as np
import pandas as pd
import pytest

import framing

QUOTED_WORDS = 'The mayor said the "horrific and brutal attack on our peaceful city" killed 40 Ukrainians.'


@pytest.fixture(scope="module")
def quoted_words():
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": "Daily",
                           "text": [QUOTED_WORDS, "A horrific Ukrainian strike killed 12 Russians."]})
    return framing.casualties(corpus)


def test_each_emotive_word_has_its_own_voice(quoted_words):
    row = quoted_words[quoted_words["doc_id"] == "d1"].iloc[0]
    # the killing word is the outlet's; "horrific" and "brutal" are inside the quotation
    assert (row["emotive"], row["voice"], row["emotive_voice"]) == ("horrific; brutal", "narrator", "quote; quote")


def test_emotive_words_are_counted_in_their_own_voice(quoted_words):
    ev = framing.emotive_statements(quoted_words)
    assert set(ev.loc[ev["doc_id"] == "d1", "voice"]) == {"quoted"}
    assert set(ev.loc[ev["doc_id"] == "d2", "voice"]) == {"own"}
    out = framing.emotive_by_side(quoted_words, ["Ukraine", "Russia"]).set_index(["word", "voice", "side"])
    # Ukraine's dead get "horrific" only in the mayor's words; Russia's in the outlet's own
    assert out.loc[("horrific", "quoted", "Ukraine"), "count"] == 1
    assert out.loc[("horrific", "own", "Ukraine"), "count"] == 0
    assert out.loc[("horrific", "own", "Russia"), "count"] == 1


def _articles(n):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": "Daily", "text": "x",
                         "date": "2023-10-08"})


def test_statements_per_article_when_one_side_has_none():
    # three articles report A's dead (1, 2 and 1 statements), none B's: all 3 articles are A's
    cas = pd.DataFrame({"doc_id": ["d0", "d1", "d1", "d2"], "victim_side": "A", "number": pd.array([1] * 4, "Int64"),
                        "agent": None, "humanising": "", "emotive": "", "voice": "narrator", "negated": False,
                        "hypothetical": False, "outlet": "Daily"})
    out = framing.casualty_asymmetry(cas, ["A", "B"], corpus=_articles(4)).set_index("measure")
    row = out.loc["statements per article: A / B"]
    p = 0.025 ** (1 / 3)                                # Clopper-Pearson 95% lower bound of 3 out of 3
    assert np.isinf(row["estimate"]) and np.isinf(row["ci_high"])
    assert row["ci_low"] == pytest.approx(p / (1 - p))
    assert row["p_value"] == pytest.approx(2 * 0.5 ** 3)
    assert "lower bound" in row["note"]


def test_mentions_per_death_when_one_side_is_never_mentioned():
    # two articles mention B's dead (B: 1000 deaths), none A's (A: 100 deaths)
    cas = pd.DataFrame({"doc_id": ["d0", "d1"], "victim_side": "B", "negated": False, "hypothetical": False})
    deaths = pd.DataFrame({"date": ["2023-10-08", "2023-10-08"], "side": ["A", "B"], "deaths": [100, 1000]})
    out = framing.mentions_per_death(cas, deaths, ["A", "B"], corpus=_articles(3)).set_index("measure")
    row = out.loc["mentions per 1000 deaths: A / B"]
    # A's share of the mentions is 0 of 2 articles: its 95% upper bound 1 - 0.025 ** (1 / 2); the ratio of
    # rates is that share's odds times B's deaths over A's (10)
    p = 1 - 0.025 ** 0.5
    assert row["estimate"] == 0.0 and row["ci_low"] == 0.0
    assert row["ci_high"] == pytest.approx(10 * p / (1 - p))
    # under a ratio of 1, A would have 100 / 1100 of the mentions: no A in 2 is the likeliest outcome (0.83), so
    # the exact two-sided test cannot reject it
    assert row["p_value"] == pytest.approx(1.0)
    assert "upper bound" in row["note"]
