"""Wire copy: the two AFP versions in the bundled corpus, and hand-made pairs."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import schema
from framing.measures.casualties import casualties
from framing.errors import SchemaError, UsageError
from framing.measures.wire import EDIT_EXTRA_COLUMNS, edits, normalise_typography, on_edits, wire_pairs


@pytest.fixture(scope="module")
def afp(example):
    return edits(example, "timesofisrael", "ahram")


def _corpus(**docs: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(docs), "outlet": list(docs), "text": list(docs.values())})


def _one(table: pd.DataFrame, column: str, needle: str) -> pd.Series:
    rows = table[table[column].fillna("").str.contains(needle, regex=False)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_afp_copies_are_the_top_pair_far_above_the_rest(example):
    pairs = wire_pairs(example)
    assert list(pairs.columns) == list(schema.WIRE_PAIRS)
    top = pairs.iloc[0]
    assert {top.doc_a, top.doc_b} == {"timesofisrael", "ahram"}
    assert top.similarity > 5 * pairs.iloc[1].similarity
    # sentences both versions print word for word (up to quotes and dashes), counted by reading them:
    # "Formed in 2012 ...", "Tehran and Islamabad frequently ...", "It is even more concerning ...",
    # Kugelman's title line, "This plunges Pakistan-Iran ties ...", "'Act of aggression'",
    # "It said it would lodge a complaint ...", "Iran's Revolutionary Guards said ..."
    assert top.shared_sentences == 8
    assert pairs["similarity"].is_monotonic_decreasing


def test_sentences_only_one_version_has(afp):
    assert list(afp.columns) == list(schema.EDITS) + list(EDIT_EXTRA_COLUMNS)
    assert set(afp["op"]) == set(schema.EDIT_OPS)
    only_a = afp.loc[afp["op"] == "only_a", "text_a"]
    # (Ahram's text has non-breaking spaces: compare with typography normalised)
    only_b = afp.loc[afp["op"] == "only_b", "text_b"].map(normalise_typography)
    # Times of Israel adds the Hamas background and the Nour News posts
    assert any("It supports Palestinian terror group Hamas" in t for t in only_a)
    assert any("Minutes ago, two important headquarters" in t for t in only_a)
    assert any(t == "Diplomat summoned" for t in only_a)
    # Ahram adds the Gaza death toll, the Houthis and China's call for restraint
    assert any("killed at least 24,285 Palestinians" in t for t in only_b)
    assert any("the Houthi in Yemen" in t for t in only_b)
    assert any(t.startswith("China, close partners of Iran and Pakistan") for t in only_b)
    assert not any("24,285" in t for t in afp["text_a"].dropna())


def test_typography_is_not_an_edit_but_spelling_is(afp):
    # curly vs straight quotes and an em dash vs "--"
    r = _one(afp, "text_a", "This plunges Pakistan-Iran ties")
    assert r.op == "same" and "--" in r.text_b and "\u2014" in r.text_a
    r = _one(afp, "text_a", "It is even more concerning")
    assert r.op == "same"
    # labeled / labelled and organization / organisation are real edits
    r = _one(afp, "text_a", "The United States has also labeled")
    assert r.op == "changed"
    assert r.deleted.split("; ") == ["labeled", "organization"]
    assert r.inserted.split("; ") == ["labelled", "organisation"]
    assert r.start_a is not pd.NA and r.text_a == r.text_a  # offsets present
    assert afp.loc[r.name, "end_b"] - afp.loc[r.name, "start_b"] == len(r.text_b)


def test_reworded_agent(afp):
    # "recent alleged Israeli strikes killing" (Times of Israel) vs "recent Israeli assassinations of" (Ahram)
    r = _one(afp, "text_a", "Iraq challenged Iran")
    assert r.op == "changed"
    assert "alleged" in r.deleted.split("; ")
    assert any("assassinations" in w for w in r.inserted.split("; "))


def test_measures_on_edited_parts_only(example, example_texts):
    t = on_edits(example, casualties, "timesofisrael", "ahram")
    assert {"op", "side"} <= set(t.columns)
    for r in t.itertuples():
        assert (r.side == "a") == (r.doc_id == "timesofisrael")
    # Ahram alone reports the Gaza toll
    toll = t[t["victims"].fillna("").str.contains("24,285")]
    assert list(toll["op"]) == ["only_b"]
    # agentless "Four people were killed" (ToI) vs "the deadly missile strikes killed four people" (Ahram)
    toi = t[(t["side"] == "a") & (t["victims"].fillna("") == "Four people")]
    ahram = t[(t["side"] == "b") & (t["victims"].fillna("") == "four people")]
    assert list(toi["construction"]) == ["passive_agentless"] and list(toi["op"]) == ["changed"]
    assert list(ahram["construction"]) == ["active"] and list(ahram["agent"]) == ["the deadly missile strikes"]
    # unchanged copy is not reported: both versions print "Formed in 2012 ..." identically
    formed = example_texts["ahram"].index("Formed in 2012")
    assert not ((t["side"] == "b") & (t["start"] >= formed) & (t["start"] < formed + 100)).any()


def test_labels_added_by_one_version(example):
    import framing

    t = on_edits(example, framing.find, "timesofisrael", "ahram", lexicons=["actor_labels"])
    terror = t[t["category"] == "terrorism"]
    # Times of Israel adds "Palestinian terror group Hamas" in its own voice ...
    toi_own = terror[(terror["side"] == "a") & (terror["voice"] == "narrator")]
    assert "terror group" in set(toi_own["match"]) and set(toi_own["op"]) == {"only_a"}
    # ... while Ahram's added "terrorist" words are all inside quotes (Tehran's top diplomat, the US statement)
    ahram = terror[terror["side"] == "b"]
    assert len(ahram) > 0 and set(ahram["voice"]) == {"quote"}
    # the shared "blacklisted by Iran as a terrorist group" sentence is not an edit
    formed = example.set_index("doc_id").loc["ahram", "text"].index("Formed in 2012")
    assert not ((t["side"] == "b") & t["start"].between(formed, formed + 120)).any()


def test_moved_sentence_and_word_edits_on_hand_made_pair():
    a = "The army said two soldiers died. Talks resumed in Doha on Monday. Rain fell."
    b = "Talks resumed in Doha on Monday. The army said three soldiers died. A ceasefire was announced."
    e = edits(_corpus(a=a, b=b), "a", "b")
    ops = dict(zip(e["text_a"].fillna(e["text_b"]), e["op"]))
    assert ops["Talks resumed in Doha on Monday."] == "same"
    assert ops["The army said two soldiers died."] == "changed"
    assert ops["Rain fell."] == "only_a"
    assert ops["A ceasefire was announced."] == "only_b"
    changed = e[e["op"] == "changed"].iloc[0]
    assert (changed.deleted, changed.inserted) == ("two", "three")
    assert changed.sentence_id_a == 0 and changed.sentence_id_b == 1


def test_normalise_typography():
    assert normalise_typography("“Iran’s envoy -- home”") == normalise_typography('"Iran\'s envoy \u2014 home"')
    assert normalise_typography("labelled") != normalise_typography("labeled")
    assert normalise_typography("a\u00a0 b") == "a b"


def test_bad_input(example):
    with pytest.raises(SchemaError, match="nope"):
        edits(example, "timesofisrael", "nope")
    with pytest.raises(UsageError, match="shingle must be an integer >= 1, got 0"):
        wire_pairs(example, shingle=0)
    with pytest.raises(UsageError, match="changed must be one of 'words', 'sentence'; got 'all'"):
        on_edits(example, casualties, "timesofisrael", "ahram", changed="all")
    one = wire_pairs(_corpus(a="Only one document here."))
    assert one.empty and list(one.columns) == list(schema.WIRE_PAIRS)


def test_on_edits_still_takes_the_measure_first_with_a_warning(example):
    with pytest.warns(FutureWarning, match="corpus first"):
        old = on_edits(casualties, example, "timesofisrael", "ahram")
    pd.testing.assert_frame_equal(old, on_edits(example, casualties, "timesofisrael", "ahram"))
