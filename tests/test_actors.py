"""Actor labels on the bundled articles and on hand-written edge cases.

Expected rows were written by reading the five articles: which outlet calls
Jaish al-Adl what in its own voice, which labels are quoted, and which are
reported as another party's designation.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.measures.actors import ACTOR_LABEL_COLUMNS, LABEL_PATTERNS, actor_mentions, load_actors
from framing.errors import InputNotFoundError, SchemaError, UsageError

ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"], "Hamas": ["Hamas"]}


def corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "outlet": [f"o{i}" for i in range(len(texts))],
        "text": list(texts),
    })


@pytest.fixture(scope="module")
def labels(example):
    return framing.actor_labels(example, ACTORS)


def rows_at(table: pd.DataFrame, text: str, phrase: str, label: str, doc_id: str | None = None) -> pd.DataFrame:
    """Rows whose label span is the occurrence of ``label`` inside ``phrase`` in ``text``."""
    at = text.index(phrase) + phrase.index(label)
    sel = table[(table["start"] == at) & (table["end"] >= at + len(label) - 1)]
    if doc_id is not None:
        sel = sel[sel["doc_id"] == doc_id]
    return sel


def own_categories(table: pd.DataFrame, doc_id: str, actor: str = "Jaish al-Adl") -> set[str]:
    """Non-neutral label categories an outlet gives the actor in its own voice."""
    own = table[
        (table["doc_id"] == doc_id) & (table["actor"] == actor) & (table["voice"] == "narrator")
        & table["attributed_to"].isna() & ~table["negated"] & (table["label_category"] != "neutral")
    ]
    return set(own["label_category"])


def test_columns_and_evidence(labels, example_texts):
    assert list(labels.columns) == list(ACTOR_LABEL_COLUMNS)
    assert set(labels["pattern"]) <= set(LABEL_PATTERNS)
    for row in labels.itertuples():
        text = example_texts[row.doc_id]
        assert text[row.start:row.end] == row.label
        mention = text[row.mention_start:row.mention_end].lower().replace("-", " ")
        assert any(a.lower().replace("-", " ") == mention for a in ACTORS[row.actor])


def test_each_outlet_own_voice_label_of_jaish_al_adl(labels):
    # read from the articles: the outlet's own words for the group
    # "the jihadist group Jaish al-Adl" stands in what "Nour News agency said": the codebook gives it to Nour News
    assert own_categories(labels, "timesofisrael") == set()
    assert own_categories(labels, "scroll") == {"militancy"}  # "is a Sunni militant group"
    # "the militant separatist group" in what "Iran claimed"; "the militant group" at the end is the outlet's
    assert own_categories(labels, "cupventi") == {"militancy"}
    assert own_categories(labels, "time") == {"separatism", "militancy"}  # "a separatist group", "the Sunni militant group"
    assert own_categories(labels, "ahram") == set()  # every "terrorist" is quoted or designated


def test_no_outlet_calls_jaish_al_adl_terrorist_in_its_own_voice(labels):
    terror = labels[(labels["actor"] == "Jaish al-Adl") & (labels["label_category"] == "terrorism")]
    assert len(terror) >= 6
    assert ((terror["voice"] == "quote") | terror["attributed_to"].notna()).all()


def test_times_of_israel_rows(labels, example_texts):
    text = example_texts["timesofisrael"]
    # indirect speech: "its state-run Nour News agency said the attack destroyed ... the jihadist group Jaish al-Adl"
    row = rows_at(labels, text, "the jihadist group Jaish al-Adl", "jihadist group", "timesofisrael").iloc[0]
    assert (row.actor, row.label_category, row.pattern, row.voice) == ("Jaish al-Adl", "extremism", "premodifier", "narrator")
    assert "Nour News" in row.attributed_to

    row = rows_at(labels, text, "blacklisted by Iran as a terrorist group", "terrorist", "timesofisrael").iloc[0]
    assert (row.pattern, row.attributed_to, row.label_category) == ("designation", "Iran", "terrorism")

    row = rows_at(labels, text, "has also labeled Jaish al-Adl a terrorist organization", "terrorist", "timesofisrael").iloc[0]
    assert (row.pattern, row.attributed_to) == ("designation", "The United States")

    # inside the Nour News quotation: the quoted agency's label, not the outlet's
    row = rows_at(labels, text, "so called Jaish-ul-Adl terrorist group", "terrorist", "timesofisrael").iloc[0]
    assert row.actor == "Jaish al-Adl"
    assert row.voice == "quote"
    assert "Nour News" in row.attributed_to

    # Hamas: the outlet's own "terror group", then a description referring back
    row = rows_at(labels, text, "Palestinian terror group Hamas", "terror group", "timesofisrael").iloc[0]
    assert (row.actor, row.pattern, row.voice, row.label_category) == ("Hamas", "premodifier", "narrator", "terrorism")
    assert pd.isna(row.attributed_to)
    row = rows_at(labels, text, "the terror group’s October 7 onslaught", "terror group", "timesofisrael").iloc[0]
    assert (row.actor, row.pattern, row.label_category) == ("Hamas", "description", "terrorism")
    # "allied Palestinian terror groups" is generic: no actor
    assert rows_at(labels, text, "allied Palestinian terror groups", "terror groups", "timesofisrael").empty


def test_ahram_terrorist_only_in_quotes_and_designations(labels, example_texts):
    text = example_texts["ahram"]
    row = rows_at(labels, text, 'targeted "Iranian terrorist group" Jaish al-Adl', "terrorist", "ahram").iloc[0]
    assert (row.pattern, row.voice, row.attributed_to) == ("premodifier", "quote", "Tehran's top diplomat")
    row = rows_at(labels, text, '"Jaish al-Adl is a terrorist group that acts', "terrorist", "ahram").iloc[0]
    assert (row.pattern, row.voice, row.attributed_to) == ("copula", "quote", "Amir-Abdollahian")
    row = rows_at(labels, text, "blacklisted by Iran as a terrorist group", "terrorist", "ahram").iloc[0]
    assert (row.pattern, row.attributed_to) == ("designation", "Iran")
    row = rows_at(labels, text, "labelled Jaish al-Adl a terrorist organisation", "terrorist", "ahram").iloc[0]
    assert (row.pattern, row.attributed_to) == ("designation", "The United States")


def test_time_scroll_cupventi_rows(labels, example_texts):
    text = example_texts["time"]
    row = rows_at(labels, text, "Jaish al-Adl, a separatist group based", "separatist", "time").iloc[0]
    assert (row.pattern, row.label_category, row.voice) == ("appositive", "separatism", "narrator")
    row = rows_at(labels, text, "designated as a foreign terrorist organization by the U.S.", "terrorist", "time").iloc[0]
    assert (row.pattern, row.attributed_to) == ("designation", "the U.S.")
    row = rows_at(labels, text, "the Sunni militant group operates", "militant group", "time").iloc[0]
    assert (row.pattern, row.actor) == ("description", "Jaish al-Adl")

    text = example_texts["scroll"]
    # "..., the Associated Press reported": the wire's report
    row = rows_at(labels, text, "bases of militant group Jaish al-Adl", "militant group", "scroll").iloc[0]
    assert (row.pattern, row.attributed_to) == ("premodifier", "the Associated Press")
    row = rows_at(labels, text, "is a Sunni militant group that", "militant", "scroll").iloc[0]
    assert (row.pattern, row.actor) == ("copula", "Jaish al-Adl")
    row = rows_at(labels, text, "go after the armed group", "armed group", "scroll").iloc[0]
    assert (row.pattern, row.label_category, row.actor) == ("description", "militancy", "Jaish al-Adl")
    assert row.attributed_to == "the Revolutionary Guard"  # "Revolutionary Guard said that Islamabad should go after ..."

    text = example_texts["cupventi"]
    both = pd.concat([
        rows_at(labels, text, "the militant separatist group Jaish al-Adl", w, "cupventi")
        for w in ("militant", "separatist group")
    ])
    assert list(both["label_category"]) == ["militancy", "separatism"]
    assert set(both["pattern"]) == {"premodifier"}
    assert set(both["attributed_to"]) == {"Iran"}  # "While Iran claimed that the airstrikes targeted ..."


def test_negated_labels_are_flagged_not_counted():
    c = corpus(
        "Washington has not designated Jaish al-Adl as a terrorist group.",
        "Jaish al-Adl is not a terrorist group, the lawyer argued in court.",
        "The ministry did not describe Jaish al-Adl as terrorist.",
    )
    out = framing.actor_labels(c, ACTORS)
    terror = out[out["label_category"] == "terrorism"]
    assert set(terror["doc_id"]) == {"d0", "d1", "d2"}
    assert terror["negated"].all()
    # a negated description of a back-reference is never an own label either
    out = framing.actor_labels(corpus("Jaish al-Adl claimed the attack. The ministry did not describe the group as terrorist."), ACTORS)
    assert out[(out["label_category"] != "neutral") & ~out["negated"]].empty


def test_designation_by_third_party_and_reported_copula():
    c = corpus(
        "Hamas, which the European Union lists as a terrorist organisation, denied the claim.",
        "Jaish al-Adl, designated a terrorist group by Washington in 2010, says it defends the Baloch.",
        "Iran says Jaish al-Adl is a terrorist group.",
        "Iran struck what it called the terrorist group Jaish al-Adl on Tuesday.",
    )
    out = framing.actor_labels(c, ACTORS)
    terror = out[out["label_category"] == "terrorism"].set_index("doc_id")
    assert terror.loc["d0", "actor"] == "Hamas"
    assert terror.loc["d0", "attributed_to"] == "the European Union"
    assert terror.loc["d1", "attributed_to"] == "Washington"
    assert terror.loc["d2", "attributed_to"] == "Iran"
    assert terror.loc["d3", "attributed_to"] == "it"
    assert not terror["negated"].any()
    # the outlet's own description inside a designation sentence stays the outlet's
    out = framing.actor_labels(corpus(
        "The United States has labeled the militant group Jaish al-Adl a terrorist organisation."), ACTORS)
    rows = out.set_index("label")
    assert pd.isna(rows.loc["militant group", "attributed_to"]) and rows.loc["militant group", "pattern"] == "premodifier"
    assert rows.loc["terrorist organisation", "attributed_to"] == "The United States"


def test_label_inside_quotation_carries_quote_voice_and_speaker():
    c = corpus('Foreign Minister Hossein Amir-Abdollahian said: "Jaish al-Adl is a terrorist group."')
    out = framing.actor_labels(c, ACTORS)
    row = out[out["label_category"] == "terrorism"].iloc[0]
    assert row["voice"] == "quote"
    assert "Amir-Abdollahian" in row["attributed_to"]


def test_alias_variants_case_and_hyphens():
    text = "JAISH AL-ADL struck; jaish-al-adl denied it; Jaish al Adl again; Jaish  al-Adl."
    found = actor_mentions(text, {"Jaish al-Adl": []})
    assert [text[a:b] for a, b, _ in found] == ["JAISH AL-ADL", "jaish-al-adl", "Jaish al Adl", "Jaish  al-Adl"]
    # a short acronym only in its own case: "IS" is not the verb "is"
    found = actor_mentions("The attack is claimed by IS.", {"Islamic State": ["IS"]})
    assert [(a, b) for a, b, _ in found] == [(25, 27)]
    # the label attaches through a variant spelling
    out = framing.actor_labels(corpus("the militant group jaish-al-adl struck"), {"Jaish al-Adl": []})
    assert list(out["label"]) == ["militant group"]


def test_coreference_prefers_the_nearest_actor_and_respects_the_window():
    actors = {"Hamas": [], "Islamic Jihad": []}
    out = framing.actor_labels(corpus("Hamas said it backed Islamic Jihad. The militant group fired rockets."), actors)
    row = out[out["label"] == "militant group"].iloc[0]
    assert (row["actor"], row["pattern"]) == ("Islamic Jihad", "description")

    far = "Hamas fired rockets. One. Two. Three. The armed group said so."
    assert framing.actor_labels(corpus(far), actors, window=2).empty
    near = framing.actor_labels(corpus(far), actors, window=4)
    assert list(near["actor"]) == ["Hamas"]

    # a description naming another (unlisted) group is not attached
    out = framing.actor_labels(corpus("Hamas fired rockets while the militant group Islamic State struck."), {"Hamas": []})
    assert out.empty


def test_no_mentions_gives_empty_table_with_columns():
    out = framing.actor_labels(corpus("Militants attacked a terrorist cell."), ACTORS)
    assert out.empty
    assert list(out.columns) == list(ACTOR_LABEL_COLUMNS)


def test_actor_file_and_bad_actor_maps(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("Jaish al-Adl:\n  - Army of Justice\nHamas: []\n", encoding="utf-8")
    assert load_actors(path) == {"Jaish al-Adl": ["Jaish al-Adl", "Army of Justice"], "Hamas": ["Hamas"]}
    out = framing.actor_labels(corpus("the Army of Justice, a militant group"), path)
    assert list(out["actor"].unique()) == ["Jaish al-Adl"]
    with pytest.raises(InputNotFoundError):
        load_actors(tmp_path / "missing.yaml")
    with pytest.raises(SchemaError, match="aliases of actor 'Hamas'"):
        load_actors({"Hamas": [1]})
    with pytest.raises(SchemaError):
        load_actors({})
    with pytest.raises(UsageError, match="window"):
        framing.actor_labels(corpus("x"), ACTORS, window=-1)
    with pytest.raises(SchemaError, match="text"):
        framing.actor_labels(pd.DataFrame({"doc_id": ["a"], "outlet": ["b"]}), ACTORS)


def test_back_reference_needs_a_compatible_head():
    actors = {"Hamas": []}
    # "the militants" refers back to the most recent listed actor
    out = framing.actor_labels(corpus("Hamas fired rockets. The militants withdrew."), actors)
    assert list(zip(out["label"], out["pattern"])) == [("militants", "description")]
    out = framing.actor_labels(corpus("Hamas militants fired rockets. The militants withdrew."), actors)
    assert list(out["pattern"]) == ["member", "description"]
    # "the government" only of an actor already called so
    assert framing.actor_labels(corpus("Hamas fired rockets. The government protested."), actors).empty
    out = framing.actor_labels(corpus("The Taliban government fell. The government fled."), {"Taliban": []})
    assert list(zip(out["label"], out["pattern"])) == [("government", "other"), ("government", "description")]
    # a naming complement makes the description someone else
    assert framing.actor_labels(corpus("Hamas fired rockets. The faction of Mr. Dahlan objected."), actors).empty


def test_possessives_and_hyphenated_adjectives_are_not_compounds():
    actors = {"Hamas": [], "Pakistan": []}
    out = framing.actor_labels(corpus("Hamas's armed wing and Pakistan-based militants clashed."), actors)
    assert out.empty


def test_names_and_plural_descriptions_do_not_refer_back():
    actors = {"Hamas": [], "Fatah": []}
    text = "Hamas and Fatah met in Cairo. They took the dispute to the World Health Organisation and the two groups left."
    # "organisation" inside a name and "the two groups" (several antecedents) are not Hamas's or Fatah's labels
    assert framing.actor_labels(corpus(text), actors).empty
    # a subject after a comma is not an appositive
    assert framing.actor_labels(corpus("They met Hamas, and the group will answer."), actors)["pattern"].tolist() == ["description"]
    out = framing.actor_labels(corpus("They met Hamas, the group will answer."), actors)
    assert "appositive" not in set(out["pattern"])
    out = framing.actor_labels(corpus("They met Hamas, the group that fired."), actors)
    assert out["pattern"].tolist() == ["appositive"]


def test_rows_point_at_label_and_mention_on_arbitrary_word_salad():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    vocab = ("Hamas", "Jaish-ul-Adl", "jaish al adl", "said", ",", ".", "“", "”", "the", "a", "militant", "group",
             "terrorist", "is", "not", "designated", "by", "as", "Iran", "which", "labeled", "(", ")", "\n", "its")

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.sampled_from(vocab), max_size=40))
    def check(words):
        text = " ".join(words)
        out = framing.actor_labels(corpus(text), ACTORS)
        for row in out.itertuples():
            assert text[row.start:row.end] == row.label
            assert 0 <= row.mention_start < row.mention_end <= len(text)
            assert row.pattern in LABEL_PATTERNS

    check()
