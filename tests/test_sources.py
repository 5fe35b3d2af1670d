"""framing.sources: who is given a voice, their type, their side and whether they are named.

The sentences below are written for these tests; the expectations for the five bundled articles were written
by reading the articles (see ``ARTICLES``), before the function was run on them.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import framing
from framing import schema
from framing.errors import LexiconError, SchemaError
from framing.measures.sides import bundled_sides


def corpus(*texts: str, outlet: str = "Test") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": outlet, "text": list(texts)})


def row_at(table: pd.DataFrame, text: str, snippet: str, cue: str, doc_id: str = "d0") -> pd.Series:
    """The row whose reporting cue is ``cue`` inside the first occurrence of ``snippet``."""
    at = text.index(snippet) + snippet.index(cue)
    hit = table[(table["doc_id"] == doc_id) & (table["cue_start"] == at)]
    assert len(hit) == 1, f"no row for cue {cue!r} in {snippet!r}: {table[['verb', 'cue_start']].values.tolist()}"
    return hit.iloc[0]


# ----------------------------------------------------------------------------------- every source type

TYPES = [
    ("Pakistan’s foreign ministry said the strike was illegal.", "said", "government", "Pakistan"),
    ("The army said its units had returned to base.", "said", "military_security", None),
    ("Senator Jane Holt said the bill would pass next week.", "said", "politician", None),
    ("Hamas said it had fired rockets at the city.", "said", "armed_group", "Hamas"),
    ("Amnesty International said the detentions were unlawful.", "said", "international_ngo", "Amnesty International"),
    ("Maria Lopez, a professor of history at Leiden University, said the treaty was fragile.", "said", "expert",
     None),
    ("The Associated Press reported that the border was closed.", "reported", "media", None),
    ("A resident said the windows shook for a minute.", "said", "civilian", None),
    ("According to the report, the dam was breached twice.", "According to", "document", None),
    ("The company said its profits fell by half.", "said", "other", None),
    ("He said the road was closed.", "said", "unknown", None),
]


@pytest.mark.parametrize("text, cue, source_type, affiliation", TYPES, ids=[t[2] for t in TYPES])
def test_every_source_type(text, cue, source_type, affiliation):
    table = framing.sources(corpus(text))
    row = row_at(table, text, text, cue)
    assert row["source_type"] == source_type
    assert (row["affiliation"] if isinstance(row["affiliation"], str) else None) == affiliation


def test_types_are_the_codebook_labels():
    assert set(schema.SOURCE_TYPES) == {"government", "military_security", "politician", "armed_group",
                                        "international_ngo", "expert", "media", "civilian", "document", "other",
                                        "unknown"}
    table = framing.sources(corpus(*[t[0] for t in TYPES]))
    assert set(table["source_type"]) <= set(schema.SOURCE_TYPES)


# ----------------------------------------------------------------------------------- anonymity

@pytest.mark.parametrize("text, cue, anonymous, source_type", [
    ("A senior official said the talks had stalled.", "said", True, "government"),
    ("Sources said the convoy left at dawn.", "said", True, "unknown"),
    ("Officials familiar with the matter said the deal was close.", "said", True, "government"),
    ("A senior Pakistani security official said the drones came from the west.", "said", True, "military_security"),
    ("Witnesses said the blast shattered windows.", "said", True, "civilian"),
    ("A Pentagon spokesman said the review was under way.", "said", False, "military_security"),
    ("Foreign Minister Ana Ruiz said the talks had stalled.", "said", False, "government"),
])
def test_anonymous_sources(text, cue, anonymous, source_type):
    row = row_at(framing.sources(corpus(text)), text, text, cue)
    assert bool(row["anonymous"]) is anonymous
    assert row["source_type"] == source_type
    if anonymous:
        assert row["source"] is None or pd.isna(row["source"])


# ----------------------------------------------------------------------------------- affiliation

def test_affiliation_from_a_title_and_from_a_possessive():
    text = ("Iranian Foreign Minister Hossein Amir-Abdollahian said the strikes hit only militants. "
            "Pakistan's foreign ministry said two children were killed. "
            "The Palestinian health ministry said the toll had risen.")
    table = framing.sources(corpus(text))
    title = row_at(table, text, "Amir-Abdollahian said", "said")
    assert (title["source"], title["affiliation"], title["source_type"]) == (
        "Hossein Amir-Abdollahian", "Iran", "government")
    possessive = row_at(table, text, "ministry said two", "said")
    assert (possessive["affiliation"], possessive["source_type"]) == ("Pakistan", "government")
    assert row_at(table, text, "ministry said the toll", "said")["affiliation"] == "Palestine"


def test_affiliation_from_the_users_actors():
    text = "Spokeswoman Mumtaz Zahra Baloch said the strike was a violation of international law."
    without = row_at(framing.sources(corpus(text)), text, text, "said")
    assert pd.isna(without["affiliation"])
    row = row_at(framing.sources(corpus(text), actors={"Pakistan": ["Mumtaz Zahra Baloch"]}), text, text, "said")
    assert row["affiliation"] == "Pakistan"
    assert row["source"] == "Mumtaz Zahra Baloch"


def test_hyphenated_compounds_name_no_side():
    sides = bundled_sides()
    assert sides.side_of("Iran-backed Hamas") == "Hamas"
    assert sides.side_of("Pakistan-based militants") is None
    assert sides.side_of("the head of the Iranian mission in Islamabad") == "Iran"
    assert sides.side_of("us") is None and sides.side_of("US officials") == "United States"


def test_home_side_for_officials_the_text_gives_none():
    # a name no list of the lexicon knows, so that the side can only come from ``home``
    text = "Secretary of State Mark Ellery said the sanctions would stay. A witness said the street was empty."
    table = framing.sources(corpus(text), home="United States")
    assert row_at(table, text, "Ellery said", "said")["affiliation"] == "United States"
    assert pd.isna(row_at(table, text, "witness said", "said")["affiliation"])  # civilians take no home side
    per_doc = framing.sources(corpus(text).assign(country="Canada"), home="country")
    assert row_at(per_doc, text, "Ellery said", "said")["affiliation"] == "Canada"


# ----------------------------------------------------------------------------------- one person, three mentions

def test_one_person_under_three_mentions_is_one_source():
    text = ("Iranian Foreign Minister Hossein Amir-Abdollahian said the strikes were lawful. "
            "Pakistan said the strikes killed two children. "
            "Later, the Iranian foreign minister said Tehran respected its neighbour. "
            "He said the group was a threat to both countries. "
            "Amir-Abdollahian said talks would follow.")
    table = framing.sources(corpus(text))
    mentions = [("Amir-Abdollahian said the strikes", "said"), ("minister said Tehran", "said"),
                ("He said the group", "said"), ("Amir-Abdollahian said talks", "said")]
    rows = [row_at(table, text, snippet, cue) for snippet, cue in mentions]
    assert {r["source"] for r in rows} == {"Hossein Amir-Abdollahian"}
    assert {r["affiliation"] for r in rows} == {"Iran"}
    assert [r["source_mention"] for r in rows] == [
        "Iranian Foreign Minister Hossein Amir-Abdollahian", "the Iranian foreign minister", "He",
        "Amir-Abdollahian"]
    assert row_at(table, text, "Pakistan said", "said")["source"] == "Pakistan"


# ----------------------------------------------------------------------------------- statements

def test_kind_span_and_words():
    text = ("“We will respond to any attack,” the ministry said. "
            "The ministry denounced the strike as “completely unacceptable”. "
            "The army said that two soldiers were wounded.")
    table = framing.sources(corpus(text))
    direct = row_at(table, text, "ministry said", "said")
    assert direct["kind"] == "direct"
    assert text[direct["start"]:direct["end"]] == "We will respond to any attack,"
    assert direct["n_words"] == 6
    partial = row_at(table, text, "denounced", "denounced")
    assert partial["kind"] == "partial" and partial["n_words"] == 2
    reported = row_at(table, text, "army said", "said")
    assert reported["kind"] == "reported"
    assert text[reported["start"]:reported["end"]] == "two soldiers were wounded"
    assert reported["n_words"] == 4
    # the source span is the evidence of the mention
    assert text[reported["source_start"]:reported["source_end"]] == reported["source_mention"] == "The army"


def test_reported_speech_before_its_cue():
    text = "The strikes killed two children and injured three others, Pakistan said."
    row = row_at(framing.sources(corpus(text)), text, "Pakistan said", "said")
    assert text[row["start"]:row["end"]] == "The strikes killed two children and injured three others"


def test_denied_and_hypothetical_speech_are_not_statements():
    text = "The ministry did not say where the strike hit. The army would not comment on the raid."
    assert framing.sources(corpus(text)).empty


def test_columns_and_cues_match_attributions():
    c = framing.example_corpus()
    ann = framing.annotate(c)
    table = framing.sources(c, annotations=ann)
    assert tuple(table.columns) == schema.SOURCES
    att = framing.attributions(c, annotations=ann)
    cues = set(zip(att["doc_id"], att["start"], att["end"]))
    assert set(zip(table["doc_id"], table["cue_start"], table["cue_end"])) <= cues
    texts = dict(zip(c["doc_id"], c["text"]))
    for r in table.itertuples(index=False):
        assert 0 <= r.start < r.end <= len(texts[r.doc_id])
        if not pd.isna(r.source_start):
            assert texts[r.doc_id][r.source_start:r.source_end] == r.source_mention
    empty = framing.sources(corpus("No one spoke."))
    assert tuple(empty.columns) == schema.SOURCES and empty.empty


def test_bad_input_names_what_is_wrong(tmp_path):
    with pytest.raises(SchemaError, match="text"):
        framing.sources(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"]}))
    bad = tmp_path / "roles.yaml"
    bad.write_text("types:\n  governments:\n    strong: [ministry]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles.yaml:2.*governments"):
        framing.sources(corpus("The ministry said so."), lexicon=bad)
    with pytest.raises(LexiconError, match="unknown source type 'officials'"):
        framing.sources(corpus("The ministry said so."), roles={"officials": ["cabinet"]})


def test_roles_extend_the_lexicon():
    text = "The Bureau of Tallies said the count was wrong."
    assert row_at(framing.sources(corpus(text)), text, text, "said")["source_type"] != "government"
    row = row_at(framing.sources(corpus(text), roles={"government": ["bureau"]}), text, text, "said")
    assert row["source_type"] == "government"


def test_registered_measure():
    from framing import registry
    import framing.measures  # noqa: F401 - registers the measures

    m = registry.get("sources")
    assert m.function is framing.sources and m.produces == schema.SOURCES


# ----------------------------------------------------------------------------------- the five bundled articles

# (snippet holding the cue, cue, source (None: not checked), source_type, affiliation, anonymous, kind),
# written by reading each article: who speaks, for which side, in what form
ARTICLES = {
    "timesofisrael": [
        ("Pakistan said Wednesday", "said", "Pakistan", "government", "Pakistan", False, "reported"),
        ("what it called", "called", "Tehran", "government", "Iran", False, "partial"),
        ("Pakistan denounced", "denounced", "Pakistan", "government", "Pakistan", False, "partial"),
        ("saying it was unprovoked", "saying", "Pakistan", "government", "Pakistan", False, "reported"),
        ("Nour News agency said", "said", None, "media", "Iran", False, "reported"),
        ("what it claimed were", "claimed", "Iran", "government", "Iran", False, "partial"),
        ("Pakistani media said", "said", None, "media", "Pakistan", True, "reported"),  # outlets named by no one
        ("foreign ministry said in a statement.", "said", None, "government", "Pakistan", False, "direct"),
        ("It said the strike", "said", None, "government", "Pakistan", False, "partial"),
        ("Pakistan said it summoned", "said", "Pakistan", "government", "Pakistan", False, "partial"),
        ("agency posted on X", "posted", None, "media", "Iran", False, "direct"),
        ("has also labeled", "labeled", "United States", "government", "United States", False, "reported"),
        ("saying the group", "saying", "United States", "government", "United States", False, "partial"),
        # (two countries that accuse each other speak together, for no one side)
        ("Islamabad frequently accuse", "accuse", "Tehran and Islamabad", "government", None, False, "reported"),
        ("” Pakistan’s foreign ministry said.", "said", None, "government", "Pakistan", False, "direct"),
        ("” it said. “Such", "said", None, "government", "Pakistan", False, "direct"),
        ("warned of the seriousness", "warned", "Michael Kugelman", "expert", None, False, "reported"),
        ("he said on X", "said", "Michael Kugelman", "expert", None, False, "direct"),
        ("condemning as", "condemning", "Iraq", "government", "Iraq", False, "partial"),
        ("according to the Kurdistan", "according to", None, "military_security", "Iraq", False, "reported"),
        ("Iran’s claim", "claim", "Iran", "government", "Iran", False, "reported"),
        ("It said it would lodge", "said", "Iraq", "government", "Iraq", False, "partial"),
        ("saying they were", "saying", "Iran", "government", "Iran", False, "partial"),
        ("Revolutionary Guards said", "said", None, "military_security", "Iran", False, "partial"),
        ("hailed its deadly", "hailed", "Iran", "government", "Iran", False, "partial"),
        ("publicly denying", "denying", "Iran", "government", "Iran", False, "reported"),
    ],
    "scroll": [
        ("the Associated Press reported", "reported", "Associated Press", "media", None, False, "reported"),
        ("three others, Pakistan said", "said", "Pakistan", "government", "Pakistan", False, "reported"),
        ("Islamabad described", "described", "Islamabad", "government", "Pakistan", False, "partial"),
        # "Citing Iran’s state-run media, AP reported": the cited outlet is the source of the citing cue
        ("Citing Iran’s state-run media", "Citing", "Iran’s state-run media", "media", "Iran", False, "reported"),
        # (the article names the agency in full earlier: one source under its name and its acronym)
        ("AP reported that", "reported", "Associated Press", "media", None, False, "reported"),
        ("statement calling the attacks", "calling", None, "government", "Pakistan", False, "partial"),
        ("and warning of", "warning", None, "government", "Pakistan", False, "partial"),
        ("It said that it had lodged", "said", None, "government", "Pakistan", False, "partial"),
        ("read the statement", "read", None, "government", "Pakistan", False, "direct"),
        ("Pakistan’s foreign ministry said. “We", "said", None, "government", "Pakistan", False, "direct"),
        ("the Revolutionary Guard said that Islamabad", "said", None, "military_security", "Iran", False,
         "partial"),
        ("reported Al Jazeera", "reported", "Al Jazeera", "media", None, False, "reported"),
        ("what it claimed were", "claimed", "Iran", "government", "Iran", False, "partial"),
        ("Guard had said that", "said", None, "military_security", "Iran", False, "reported"),
        ("In another statement, it said", "said", None, "military_security", "Iran", False, "partial"),
    ],
    "cupventi": [
        ("Pakistan strongly criticized", "criticized", "Pakistan", "government", "Pakistan", False, "reported"),
        ("stern warning", "warning", "Pakistan", "government", "Pakistan", False, "reported"),
        ("vehement condemnation", "condemnation", None, "government", "Pakistan", False, "reported"),
        ("The official statement declared", "declared", None, "government", "Pakistan", False, "direct"),
        ("While Iran claimed", "claimed", "Iran", "government", "Iran", False, "reported"),
        ("contradicted this, stating", "stating", None, "military_security", "Pakistan", False, "reported"),
        ("by stating that", "stating", "Iran", "government", "Iran", False, "reported"),
        ("Pakistan, claimed that", "claimed", "Jaish al-Adl", "armed_group", "Jaish al-Adl", False, "reported"),
        ("according to a senior Pakistani security official", "according to", None, "military_security",
         "Pakistan", True, "reported"),
    ],
    "ahram": [
        ("Mehrnews said", "said", "Mehrnews", "media", "Iran", False, "partial"),
        ("calling it", "calling", "Mehrnews", "media", "Iran", False, "partial"),
        ("what it called", "called", "Tehran", "government", "Iran", False, "partial"),
        ("Pakistan denounced", "denounced", "Pakistan", "government", "Pakistan", False, "reported"),
        ("Baloch said in a statement", "said", "Mumtaz Zahra Baloch", "government", "Pakistan", False, "direct"),
        ("and said Iran's envoy", "said", None, "government", "Pakistan", False, "reported"),
        ("top diplomat insisted", "insisted", "Hossein Amir-Abdollahian", "government", "Iran", False, "partial"),
        ("Amir-Abdollahian said on the sidelines", "said", "Hossein Amir-Abdollahian", "government", "Iran",
         False, "direct"),
        ("Pakistani media said", "said", None, "media", "Pakistan", True, "reported"),  # outlets named by no one
        ("ministry statement said.", "said", None, "government", "Pakistan", False, "direct"),
        ("It said the strike caused", "said", None, "government", "Pakistan", False, "partial"),
        ("Iranian foreign ministry said", "said", None, "government", "Iran", False, "partial"),
        ("Amir-Abdollahian said \"Jaish", "said", "Hossein Amir-Abdollahian", "government", "Iran", False,
         "direct"),
        ("has also labelled", "labelled", "United States", "government", "United States", False, "reported"),
        ("saying the group", "saying", "United States", "government", "United States", False, "partial"),
        ("Islamabad frequently accuse", "accuse", "Tehran and Islamabad", "government", None, False, "reported"),
        ("\" Pakistan's foreign ministry said.", "said", None, "government", "Pakistan", False, "direct"),
        ("warned of the seriousness", "warned", "Michael Kugelman", "expert", None, False, "reported"),
        ("he said on X", "said", "Michael Kugelman", "expert", None, False, "direct"),
        ("urged restraint", "urged", "China", "government", "China", False, "reported"),
        ("Mao Ning saying", "saying", "Mao Ning", "government", "China", False, "partial"),
        ("according to the Kurdistan", "according to", None, "military_security", "Iraq", False, "reported"),
        ("Iran's claim", "claim", "Iran", "government", "Iran", False, "reported"),
        ("It said it would lodge", "said", "Iraq", "government", "Iraq", False, "partial"),
        ("saying they were", "saying", "Teheran", "government", "Iran", False, "partial"),
        ("Revolutionary Guards said", "said", None, "military_security", "Iran", False, "partial"),
        ("according to the Palestinian", "according to", None, "government", "Palestine", False, "reported"),
    ],
    "time": [
        ("Pakistan’s Foreign Ministry said in a statement", "said", None, "government", "Pakistan", False,
         "partial"),
        ("it added", "added", None, "government", "Pakistan", False, "reported"),
        ("the ministry said in a statement", "said", None, "government", "Pakistan", False, "direct"),
        # ("X cited Y as saying" gives Y, as "X, citing Y" does)
        ("state TV cited", "cited", "Alireza Marhamati", "government", "Iran", False, "reported"),
        ("as saying", "saying", "Alireza Marhamati", "government", "Iran", False, "reported"),
        ("Pakistan has said", "said", "Pakistan", "government", "Pakistan", False, "reported"),
        ("Islamabad insisted", "insisted", "Islamabad", "government", "Pakistan", False, "partial"),
        ("asking the Iranian", "asking", "Pakistan", "government", "Pakistan", False, "reported"),
        ("Iraq criticized", "criticized", "Iraq", "government", "Iraq", False, "reported"),
    ],
}

#: "X recalled its ambassador" is an act, not speech; the attribution lexicon counts "recalled" as a reporting
#: verb, so these rows are there today
NOT_STATEMENTS = {
    "timesofisrael": ["Iraq recalled its ambassador"],
    "scroll": ["recalled its own envoy", "Islamabad also expelled the Iranian ambassador to Pakistan and recalled"],
    "ahram": ["Pakistan recalled its ambassador", "The foreign ministry recalled",
              "recalled its ambassador from Iran on Tuesday"],  # "Iraq\xa0recalled": a no-break space
    "time": ["by recalling its envoy"],
}


@pytest.fixture(scope="module")
def bundled():
    c = framing.example_corpus()
    return c, dict(zip(c["doc_id"], c["text"])), framing.sources(c)


def _expected(doc_id: str):
    return [pytest.param(doc_id, *e, id=f"{doc_id}:{e[0][:30]}") for e in ARTICLES[doc_id]]


@pytest.mark.parametrize("doc_id, snippet, cue, source, source_type, affiliation, anonymous, kind",
                         [p for d in ARTICLES for p in _expected(d)])
def test_bundled_articles_hand_read(bundled, doc_id, snippet, cue, source, source_type, affiliation,
                                    anonymous, kind):
    _, texts, table = bundled
    row = row_at(table, texts[doc_id], snippet, cue, doc_id=doc_id)
    got_aff = row["affiliation"] if isinstance(row["affiliation"], str) else None
    assert (row["source_type"], got_aff, bool(row["anonymous"]), row["kind"]) == (
        source_type, affiliation, anonymous, kind)
    if source is not None:
        assert row["source"] == source


def test_bundled_articles_voices_by_side(bundled):
    """The study question, read by hand: how many statements each article gives Pakistan, Iran and others."""
    _, texts, table = bundled
    for doc_id, expected in ARTICLES.items():
        want = {"Pakistan": 0, "Iran": 0, "third parties": 0}
        for e in expected:
            want[e[4] if e[4] in ("Pakistan", "Iran") else "third parties"] += 1
        got = {"Pakistan": 0, "Iran": 0, "third parties": 0}
        for snippet, cue, *_ in expected:
            row = row_at(table, texts[doc_id], snippet, cue, doc_id=doc_id)
            side = row["affiliation"] if row["affiliation"] in ("Pakistan", "Iran") else "third parties"
            got[side] += 1
        assert got == want, doc_id
    # Pakistan's voice dominates the Pakistani-sourced Cupventi piece; Ahram carries Iran's most
    counts = {d: sum(e[4] == "Iran" for e in ARTICLES[d]) for d in ARTICLES}
    assert max(counts, key=counts.get) == "ahram"


def test_recalling_an_ambassador_is_not_a_statement(bundled):
    _, texts, table = bundled
    for doc_id, snippets in NOT_STATEMENTS.items():
        for snippet in snippets:
            a = texts[doc_id].index(snippet)
            rows = table[(table["doc_id"] == doc_id) & (table["cue_start"] >= a)
                         & (table["cue_start"] < a + len(snippet))]
            assert rows.empty, (doc_id, snippet)


# ----------------------------------------------------------------------------------- comparisons

def _table(rows):
    cols = {c: [] for c in schema.SOURCES}
    for doc, outlet, aff, anon, words in rows:
        values = dict(doc_id=doc, outlet=outlet, source="s", source_mention="s", source_start=0, source_end=1,
                      source_type="government", affiliation=aff, anonymous=anon, verb="said", verb_category="neutral",
                      kind="reported", n_words=words, voice="narrator", start=0, end=1,
                      cue_start=len(cols["doc_id"]), cue_end=len(cols["doc_id"]) + 1)
        for c in cols:
            cols[c].append(values[c])
    return pd.DataFrame(cols)


def _wilson(k, n, z=1.959964):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / (1 + z * z / n)
    return centre - half, centre + half


def test_article_balance_and_group_balance_by_hand():
    table = _table([("a", "X", "Pakistan", False, 10), ("a", "X", "Pakistan", False, 10),
                    ("a", "X", "Pakistan", False, 10), ("a", "X", "Iran", False, 30), ("a", "X", None, True, 5),
                    ("b", "Y", "Iran", False, 4), ("b", "Y", "Iran", False, 4), ("b", "Y", "China", False, 4)])
    per_article = framing.article_balance(table, ("Pakistan", "Iran")).set_index("doc_id")
    assert per_article.loc["a", ["n_a", "n_b", "n_other", "n_none"]].tolist() == [3, 1, 0, 1]
    assert per_article.loc["a", "balance"] == pytest.approx(0.5)
    assert per_article.loc["b", "balance"] == pytest.approx(-1.0)
    words = framing.article_balance(table, ("Pakistan", "Iran"), weight="words").set_index("doc_id")
    assert words.loc["a", "balance"] == pytest.approx((30 - 30) / 60)
    with pytest.warns(framing.SmallSampleWarning):
        groups = framing.source_balance(table, ("Pakistan", "Iran"))
    x = groups[(groups["group"] == "X") & (groups["measure"] == "balance Pakistan vs Iran")].iloc[0]
    lo, hi = _wilson(3, 4)
    assert (x["estimate"], x["ci_low"], x["ci_high"]) == pytest.approx((0.5, 2 * lo - 1, 2 * hi - 1), abs=1e-6)
    diff = groups[groups["measure"] == "balance Pakistan vs Iran difference"].iloc[0]
    assert diff["estimate"] == pytest.approx(1.5 if diff["group"] == "X - Y" else -1.5)
    with pytest.raises(SchemaError, match="two different sides"):
        framing.source_balance(table, ("Iran", "Iran"))


def test_source_shares_of_statements_and_words():
    table = _table([("a", "X", "Pakistan", True, 1), ("a", "X", "Pakistan", False, 9),
                    ("a", "X", None, False, 10), ("a", "X", "Iran", False, 20), ("b", "Y", "Iran", False, 5)])
    with pytest.warns(framing.SmallSampleWarning):
        anon = framing.source_shares(table, outcome="anonymous")
    share = anon[(anon["measure"] == "anonymous=anonymous share") & (anon["group"] == "X")].iloc[0]
    assert (share["estimate"], share["count"], share["exposure"]) == (0.25, 1, 4)
    with pytest.warns(framing.SmallSampleWarning):
        words = framing.source_shares(table, outcome="affiliation", weight="words")
    none = words[(words["measure"] == "affiliation=(no side) share") & (words["group"] == "X")].iloc[0]
    assert none["estimate"] == pytest.approx(10 / 40)
    assert "words clustered by statement" in none["note"]


def test_study_spec_sources_key(tmp_path):
    from framing.report.study import load_study

    spec = tmp_path / "study.yaml"
    spec.write_text("name: s\ncorpus: example\nsources:\n  sides: [Pakistan, Iran]\n  home: country\n", encoding="utf-8")
    assert load_study(spec).sources == {"sides": ["Pakistan", "Iran"], "home": "country"}
    spec.write_text("name: s\ncorpus: example\nsources:\n  sides: [Pakistan]\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"line 3: sources\.sides: expected two different side names"):
        load_study(spec)
    spec.write_text("name: s\ncorpus: example\nsources:\n  side: [Pakistan, Iran]\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"unknown key\(s\) \['side'\]"):
        load_study(spec)
    spec.write_text("name: s\ncorpus: example\n", encoding="utf-8")
    assert load_study(spec).sources is None


def test_an_attributions_table_given_is_read_not_found_again():
    corpus = framing.example_corpus()
    ann = framing.annotate(corpus)
    found = framing.sources(corpus, annotations=ann)
    given = framing.sources(corpus, annotations=ann, attributions=framing.attributions(corpus, annotations=ann))
    pd.testing.assert_frame_equal(found, given)
    with pytest.raises(SchemaError, match="attributions table"):
        framing.sources(corpus, annotations=ann, attributions=pd.DataFrame({"doc_id": []}))


# ----------------------------------------------------------------------------------- roles, names and sides

def _one(text: str, snippet: str, cue: str, **kwargs) -> pd.Series:
    return row_at(framing.sources(corpus(text), **kwargs), text, snippet, cue)


def test_the_longest_role_term_wins_over_overlapping_shorter_ones():
    # "state attorney" + "general" would make a military general; "attorney general" is the office
    text = "State Attorney General Dana Ruiz said the settlement was fair."
    assert _one(text, text, "said")["source_type"] == "government"


@pytest.mark.parametrize("text", ["The Supreme Court said the law was valid.",
                                  "Anna Berg, a federal judge in Ohio, said the rule could stand."])
def test_courts_and_judges_are_government(text):
    assert _one(text, text, "said")["source_type"] == "government"


@pytest.mark.parametrize("text, source_type", [
    ("The shop was closed at noon, police said.", "military_security"),
    ("Economists argue that the tariffs will raise prices.", "expert"),
    ("His backers countered that the rally was peaceful.", "civilian"),
    ("A Washington Post columnist described the senator as a risk.", "media"),
    ("Politicians often said the war would end soon.", "politician"),
    ("The Guardsmen said they were grateful for the meals.", "military_security"),
    ("Patrons at the club said the music stopped at midnight.", "civilian"),
])
def test_unnamed_people_are_anonymous_and_typed(text, source_type):
    cue = next(c for c in ("said", "argue", "countered", "described") if c in text)
    row = _one(text, text, cue)
    assert bool(row["anonymous"]) is True
    assert row["source_type"] == source_type


def test_a_spokesman_of_a_named_body_is_not_anonymous():
    text = "A Pentagon spokesman said the drills would go on."
    row = _one(text, text, "said")
    assert bool(row["anonymous"]) is False
    assert row["source_type"] == "military_security"


def test_a_title_stops_at_the_courtesy_title():
    # "the Times" stands before "Mr." and is no part of Mr. Hale's title: he is no media source
    text = ("Mr. Hale spoke to reporters on Monday. A former aide told the Times Mr. Hale was angry. "
            "Mr. Hale said the plan was dead.")
    assert _one(text, "Mr. Hale said", "said")["source_type"] != "media"


def test_a_title_stays_in_its_line():
    # the last words of the paragraph before are no title of the person named at the start of the next one
    text = ("Lawmakers debated a new aid plan for Afghanistan\n\nBoehner said the aid would continue. "
            "House Speaker John Boehner spoke later.")
    row = _one(text, "Boehner said", "said", home="United States")
    assert row["source_type"] == "politician"
    assert row["affiliation"] == "United States"


def test_a_middle_initial_joins_the_name_and_its_appositive_types_it():
    text = ("Robert A. Levy, chairman of the libertarian-leaning Cato Institute, spoke on Sunday. "
            "Levy said the law would not stand.")
    row = _one(text, "Levy said", "said")
    assert row["source"] == "Robert A. Levy"
    assert row["source_type"] == "expert"


def test_an_appositive_after_an_age_and_after_a_surname():
    text = "“We were lucky,” said Dan, 35, a warehouse worker in the town."
    row = _one(text, text, "said")
    assert row["source"] == "Dan"
    assert row["source_type"] == "civilian"
    text = "Kathleen Wilder arrived in 1980. Wilder, a former military intelligence officer, said she stayed."
    assert _one(text, "Wilder, a former military intelligence officer, said", "said")["source_type"] == "expert"


@pytest.mark.parametrize("clause", ["repeatedly attacks the president in his speeches",
                                    "told CNN on Thursday that he was worried"])
def test_a_clause_after_a_name_is_no_appositive(clause):
    # "repeatedly attacks the president" does not make Wayne Doyle a president, nor "told CNN" a journalist
    text = f"Wayne Doyle, {clause}. “We will win,” Doyle said."
    assert _one(text, "Doyle said", "said")["source_type"] == "civilian"


def test_an_appositive_names_a_role_not_a_document():
    # "one day after her speech at the United Nations" says when, not what Ann Voss is
    text = ("Ann Voss, one day after her speech at the United Nations, met voters. "
            "“We will not tolerate attacks,” Voss said.")
    row = _one(text, "Voss said", "said")
    assert row["source_type"] != "international_ngo"
    assert not isinstance(row["affiliation"], str)


def test_a_party_tag_makes_a_politician_and_the_name_is_kept_apart():
    text = "“Bail should not depend on money,” Guzzardi (D-Chicago) said. Will Guzzardi wrote the bill."
    row = _one(text, "Guzzardi (D-Chicago) said", "said", home="United States")
    assert row["source"] == "Will Guzzardi"
    assert row["source_type"] == "politician"
    assert row["affiliation"] == "United States"


def test_unnamed_officials_take_the_country_the_article_is_about():
    text = ("Belgium raised its alert level. Belgian trains stopped and Belgium closed its airports. "
            "Authorities said they were seeking two men. A Belgian minister spoke in Brussels.")
    row = _one(text, "Authorities said", "said", home="United States")
    assert bool(row["anonymous"]) is True
    assert row["affiliation"] == "Belgium"
    # an unnamed official is not a local authority: the outlet's home side
    text3 = ("Belgium raised its alert level. Belgian trains stopped and Belgium closed its airports. "
             "The official said the president would speak soon.")
    assert _one(text3, "The official said", "said", home="United States")["affiliation"] == "United States"
    # (a named official whose title names no country: tests/test_sources_roles.py, "sides abroad")


@pytest.mark.parametrize("text, snippet, cue, name", [
    ("Governor Tim Walz spoke on Monday. Walz’s inaugural address said the state would rebuild.",
     "Walz’s inaugural address said", "said", "Tim Walz"),
    ("Governor Tim Walz spoke. Deaths rose, according to a survey conducted by Governor Tim Walz.",
     "according to", "according to", "Tim Walz"),
    ("Senator Beto Ruiz responded with a tweet saying the remarks were cruel.", "saying", "saying",
     "Beto Ruiz"),
])
def test_a_document_speaks_for_its_author(text, snippet, cue, name):
    row = _one(text, snippet, cue)
    assert row["source"] == name
    assert row["source_type"] in ("government", "politician")


def test_he_is_the_person_named_just_before_when_no_source_spoke_there():
    text = ("Rachel Stohl, an analyst, said the sales were risky. The report was long. "
            "Sen. Robert Menendez has had similar concerns. He wrote to the secretary in May.")
    row = _one(text, "He wrote", "wrote")
    assert row["source"] == "Robert Menendez"
    assert row["source_type"] == "politician"


def test_a_former_official_is_an_expert_of_the_home_side():
    text = "Brett Lane, a former presidential envoy, warned that the talks could fail."
    row = _one(text, text, "warned", home="United States")
    assert row["source_type"] == "expert"
    assert row["affiliation"] == "United States"
    # an expert who never held office takes no side from the outlet's home
    text2 = "Maria Lopez, a professor of history, warned that the talks could fail."
    assert not isinstance(_one(text2, text2, "warned", home="United States")["affiliation"], str)


def test_a_former_official_of_an_office_the_home_side_lacks_is_not_the_home_sides():
    # an American story has no prime minister: the country the article is about, or no side
    text = ("Protests against the base on Okinawa grew in Japan this year, and Tokyo has pledged to study a move. "
            "Former Prime Minister Ken Aso said the base should leave the island.")
    row = _one(text, "Aso said", "said", home="United States")
    assert (row["source_type"], row["affiliation"]) == ("expert", "Japan")
    text2 = "Former Prime Minister Ken Aso said the base should leave the island."
    assert not isinstance(_one(text2, text2, "said", home="United States")["affiliation"], str)
    # a former secretary of state stays an American expert
    text3 = "Former Secretary of State Tim Ross said the base should leave the island."
    assert _one(text3, text3, "said", home="United States")["affiliation"] == "United States"


def test_the_national_security_council_is_no_united_nations_body():
    text = "Lena Park, a former director on the National Security Council, said the sanctions would fail."
    row = _one(text, text, "said")
    assert row["source_type"] == "expert"
    assert row["affiliation"] == "United States"
    text2 = "The UN Security Council said the ceasefire must hold."
    assert _one(text2, text2, "said")["affiliation"] == "United Nations"


def test_rebels_named_by_a_demonym_are_their_own_side():
    text = "“Nothing can stop the regime,” Syrian rebels say."
    row = _one(text, text, "say")
    assert row["source_type"] == "armed_group"
    assert bool(row["anonymous"]) is True
    assert row["affiliation"] == "Syrian rebels"


def test_the_source_cited_is_the_source():
    text = "Thirty people were killed, according to state TV, which cited health ministry sources."
    row = _one(text, text, "according to")
    assert bool(row["anonymous"]) is True
    assert row["source_type"] == "government"
    text2 = "The newspaper, citing a leaked memo, reported that the man died in May."
    row = _one(text2, text2, "reported")
    assert row["source_type"] == "document"
    assert row["source_mention"] == "a leaked memo"


def test_source_shares_by_leaning_cluster_by_outlet_unless_told():
    # two leanings, two outlets each, two articles per outlet: a leaning is constant within an outlet, so the
    # outlet is the cluster, as for compare_shares; the user's cluster= is honoured
    rows, meta = [], []
    for leaning, outlets in (("left", ("L1", "L2")), ("right", ("R1", "R2"))):
        for outlet in outlets:
            for k in range(2):
                doc = f"{outlet}-{k}"
                meta.append((doc, outlet, leaning))
                rows += [(doc, outlet, None, anonymous, 5) for anonymous in (True, False, False)]
    table = _table(rows)
    corpus = pd.DataFrame(meta, columns=["doc_id", "outlet", "leaning"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", framing.SmallSampleWarning)  # two outlets per leaning
        auto = framing.source_shares(table, "leaning", "anonymous", corpus=corpus)
    assert auto["note"].str.contains("clusters: outlet").any()
    docs = framing.source_shares(table, "leaning", "anonymous", corpus=corpus, cluster="doc_id")
    assert not docs["note"].str.contains("clusters: outlet").any()
    share = docs[(docs["measure"] == "anonymous=anonymous share") & (docs["group"] == "left")].iloc[0]
    assert (share["count"], share["exposure"]) == (4, 12)
