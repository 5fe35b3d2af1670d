"""find, score and kwic: matching semantics on hand-written sentences and the bundled articles."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import schema
from framing.errors import LexiconError, SchemaError, UsageError
from framing.lexicon.load import LexiconWarning, lexicon_from_dict, lexicon_names
from framing.match import find, kwic, score
from framing.text.tokens import count_tokens, tokenize


def corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "outlet": [f"o{i % 2}" for i in range(len(texts))],
        "text": list(texts),
    })


def lex(categories: dict, name: str = "t") -> framing.Lexicon:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        return lexicon_from_dict({"name": name, "version": "1", "categories": categories})


def found(text: str, lexicon, **kwargs) -> list[tuple[str, str, str]]:
    """(match, category, term) of every match in one text."""
    m = find(corpus(text), lexicon, **kwargs)
    assert all(text[a:b] == x for a, b, x in zip(m["start"], m["end"], m["match"].astype(str)))
    return list(zip(m["match"].astype(str), m["category"].astype(str), m["term"].astype(str)))


# -- wildcards, phrases, case ---------------------------------------------------------------


def test_prefix_suffix_and_contains_wildcards():
    lx = lex({"a": {"terms": ["terror*"]}, "b": {"terms": ["*-backed"]}, "c": {"terms": ["*violen*"]}})
    text = "Terrorists and terror; anti-terror laws; Iran-backed Houthis; nonviolent and violence."
    assert found(text, lx) == [
        ("Terrorists", "a", "terror*"), ("terror", "a", "terror*"),
        ("Iran-backed", "b", "*-backed"), ("nonviolent", "c", "*violen*"), ("violence", "c", "*violen*"),
    ]


def test_phrase_across_whitespace_and_line_breaks_but_not_punctuation():
    lx = lex({"n": {"terms": ["according to"]}})
    text = "according to A. According\nto B. according \t  to C. according, to D. according-to E."
    assert [m for m, _, _ in found(text, lx)] == ["according to", "According\nto", "according \t  to"]


def test_case_sensitive_terms():
    lx = lex({"us": {"terms": [{"term": "US", "case_sensitive": True}]}, "t": {"terms": ["terrorist"]}})
    assert found("US troops told us; TERRORIST.", lx) == [("US", "us", "US"), ("TERRORIST", "t", "terrorist")]


def test_clitics_and_curly_apostrophes():
    lx = lex({"g": {"terms": ["terror group"]}, "d": {"terms": ["don't"]}})
    text = "the terror group’s attack and the terror group's leader; they don’t care"
    assert found(text, lx) == [("terror group", "g", "terror group"), ("terror group", "g", "terror group"),
                               ("don’t", "d", "don't")]
    # a clitic ends a phrase: "group's leader" is not "group leader"
    assert found("the group's leader", lex({"x": {"terms": ["group leader"]}})) == []


def test_exclusions_drop_the_matches_they_cover():
    lx = lex({
        "distancing": {"terms": ["claimed", "claims"], "exclude": ["claimed responsibility", "claims the lives"]},
        "other": {"terms": ["claimed"]},
    })
    text = "The group claimed responsibility. Iran claimed that it was attacked. It claims the lives of many."
    got = found(text, lx)
    assert ("claimed", "distancing", "claimed") in got
    assert got.count(("claimed", "distancing", "claimed")) == 1  # only the second sentence
    assert ("claims", "distancing", "claims") not in got
    assert got.count(("claimed", "other", "claimed")) == 2  # exclusions apply to their own category only


def test_exclusions_apply_to_subcategories():
    lx = lex({"victims": {"exclude": ["police station"], "categories": {"security": {"terms": ["police"]}}}})
    assert found("an attack on a police station killed police officers", lx) == [
        ("police", "victims.security", "police")]


def test_longest_match_wins_within_a_lexicon_and_lexicons_are_independent():
    labels = lex({"terrorism": {"terms": ["terror group", "terror"]}, "neutral": {"terms": ["group"]}}, "labels")
    deaths = lex({"death": {"terms": ["death", "death toll"]}}, "deaths")
    groups = lex({"any": {"terms": ["group"]}}, "groups")
    m = find(corpus("The terror group raised the death toll; the group denied it."), [labels, deaths, groups])
    rows = set(zip(m["lexicon"].astype(str), m["match"].astype(str), m["category"].astype(str)))
    assert rows == {
        ("labels", "terror group", "terrorism"), ("labels", "group", "neutral"),
        ("deaths", "death toll", "death"),
        ("groups", "group", "any"),
    }
    assert (m["lexicon"].astype(str) == "groups").sum() == 2  # the other lexicon still sees "group" in "terror group"


def test_overlapping_phrases_resolve_leftmost_longest():
    lx = lex({"a": {"terms": ["new york", "york times", "new york times building", "times"]}})
    assert [x for x, _, _ in found("the new york times said", lx)] == ["new york", "times"]
    assert [x for x, _, _ in found("the new york times building", lx)] == ["new york times building"]


def test_same_span_in_two_categories_gives_two_rows_and_most_specific_term():
    lx = lex({"a": {"terms": ["kill*", "killed"]}, "b": {"terms": ["k*"]}})
    assert sorted(found("they killed", lx)) == [("killed", "a", "killed"), ("killed", "b", "k*")]


# -- negation ----------------------------------------------------------------------------

NEG = lex({"label": {"terms": ["terrorist", "terrorists"]}})


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The ministry did not describe the group as terrorist.", True),
        ("They don't call them terrorists.", True),
        ("Officials never called the group terrorist.", True),
        ("No terrorist group has claimed the attack.", True),
        ("The government denied that the men were terrorists.", True),
        ("The ministry described the group as terrorist.", False),
        ("Officials did not comment, but called the group terrorist.", False),  # clause boundary
        ("It was not clear. Terrorists attacked the town.", False),  # sentence boundary
        ("He did not say anything about why the group was terrorist.", False),  # 8 words away
        ("They are not only terrorists but criminals.", False),  # "not only" is no cue
    ],
)
def test_negation_scope(text, negated):
    m = find(corpus(text), NEG)
    assert len(m) == 1
    assert bool(m["negated"].iloc[0]) is negated


def test_negation_window_is_deprecated_and_changes_nothing():
    text = "He did not say anything about why the group was terrorist."
    with pytest.warns(FutureWarning, match="negation_window is ignored"):
        wide = find(corpus(text), NEG, negation_window=20)
    assert bool(wide["negated"].iloc[0]) is False  # scope, not distance: "not" governs "say"
    with pytest.raises(UsageError, match="negation_window must be a non-negative integer, got -1"):
        find(corpus(text), NEG, negation_window=-1)


# -- voice ------------------------------------------------------------------------------


def test_voice_of_quote_scare_quote_and_narration():
    text = (
        'The minister said: "The terrorist group attacked the town at dawn and we will respond."\n'
        'Critics mocked the so-called "terrorist" threat.\n'
        "Officials called the group terrorist in a statement."
    )
    m = find(corpus(text), NEG)
    assert list(m["voice"].astype(str)) == ["quote", "scare_quote", "narrator"]
    assert list(m["sentence_id"]) == [0, 1, 2]


def test_precomputed_sentences_and_voice_give_the_same_table(example):
    direct = find(example)
    given_tables = find(example, sentences=framing.sentences(example), voice=framing.voice(example))
    pd.testing.assert_frame_equal(direct, given_tables)


# -- the bundled articles ------------------------------------------------------------------


def _rows(m: pd.DataFrame, doc: str, lexicon: str) -> pd.DataFrame:
    out = m[(m["doc_id"].astype(str) == doc) & (m["lexicon"].astype(str) == lexicon)]
    return out.astype({c: str for c in ("match", "category", "term", "voice")})


def test_offsets_and_sentences_on_the_bundled_articles(example, example_texts):
    m = find(example)
    assert tuple(m.columns) == schema.MATCHES
    assert set(m["lexicon"].astype(str)) == set(lexicon_names())
    for doc, a, b, x in zip(m["doc_id"].astype(str), m["start"], m["end"], m["match"].astype(str)):
        assert example_texts[doc][a:b] == x
    sents = framing.sentences(example)
    for doc, group in m.groupby(m["doc_id"].astype(str)):
        spans = sents[sents["doc_id"] == doc]
        for a, sid in zip(group["start"], group["sentence_id"]):
            row = spans[spans["sentence_id"] == sid].iloc[0]
            assert row["start"] <= a < row["end"]
    # in document order, by offset
    for _, group in m.groupby(m["doc_id"].astype(str)):
        assert group["start"].is_monotonic_increasing


def test_labels_in_the_bundled_articles(example, example_texts):
    m = find(example, ["actor_labels"])
    ahram = _rows(m, "ahram", "actor_labels")
    # Ahram: "Iranian terrorist group" only inside Tehran's top diplomat's quote
    text = example_texts["ahram"]
    at = text.index("Iranian terrorist group") + len("Iranian ")
    row = ahram[ahram["start"] == at].iloc[0]
    assert (row["category"], row["voice"]) == ("terrorism", "quote")
    # TIME: "a separatist group", the outlet's own words
    time_ = _rows(m, "time", "actor_labels")
    at = example_texts["time"].index("a separatist group") + 2
    assert time_[time_["start"] == at][["category", "voice"]].values.tolist() == [["separatism", "narrator"]]
    # Times of Israel: "the terror group’s October 7 onslaught" is one terrorism label, clitic left out
    toi = _rows(m, "timesofisrael", "actor_labels")
    at = example_texts["timesofisrael"].index("terror group’s")
    row = toi[toi["start"] == at].iloc[0]
    assert (row["match"], row["category"], row["voice"]) == ("terror group", "terrorism", "narrator")
    assert not ((toi["start"] > at) & (toi["start"] < at + len("terror group"))).any()
    # Scroll: "militant group Jaish al-Adl" is a militancy label plus a neutral "group"
    scroll = _rows(m, "scroll", "actor_labels")
    at = example_texts["scroll"].index("militant group Jaish")
    assert scroll[scroll["start"].between(at, at + 14)]["category"].tolist() == ["militancy", "neutral"]


def test_attribution_and_casualty_in_the_bundled_articles(example, example_texts):
    m = find(example, ["attribution", "casualty", "hedging"])
    toi = _rows(m, "timesofisrael", "attribution")
    # "The group claimed responsibility" is not distancing attribution
    at = example_texts["timesofisrael"].index("claimed responsibility")
    assert (toi["start"] == at).sum() == 0
    # "what it claimed were" is distancing, "what it called" too
    assert {"what it claimed", "what it called"} <= set(toi[toi["category"] == "distancing"]["term"])
    cup = _rows(m, "cupventi", "casualty")
    text = example_texts["cupventi"]
    assert "6-year-old" in set(cup[cup["category"] == "humanising"]["match"])
    at = text.index("tragic deaths")
    assert cup[cup["start"] == at]["category"].tolist() == ["emotive"]
    assert cup[cup["start"] == at + len("tragic ")]["category"].tolist() == ["death"]
    # Scroll: "alleged bases of militant group" is a hedge, not a reporting verb
    scroll = m[m["doc_id"].astype(str) == "scroll"]
    at = example_texts["scroll"].index("alleged bases")
    rows = scroll[scroll["start"] == at]
    assert rows["lexicon"].astype(str).tolist() == ["hedging"]
    # Ahram: "None of the nationals ... were targeted" is negated
    ahram = _rows(m, "ahram", "casualty")
    at = example_texts["ahram"].index("nationals")
    assert bool(ahram[ahram["start"] == at]["negated"].iloc[0]) is True


def test_lexicons_argument_forms(example, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('name: mine\nversion: "1"\ncategories:\n  iran:\n    terms: [Iran*]\n', encoding="utf-8")
    m = find(example, ["hedging", path, lex({"x": {"terms": ["Pakistan"]}}, "obj")])
    assert set(m["lexicon"].astype(str)) == {"hedging", "mine", "obj"}
    assert set(find(example)["lexicon"].astype(str)) == set(lexicon_names())
    with pytest.raises(LexiconError):
        find(example, [])


def test_bad_corpus():
    with pytest.raises(SchemaError, match="text"):
        find(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"]}))


def test_matches_table_has_the_same_columns_and_types_with_or_without_matches(example):
    """An empty result has the columns and types of a full one (Dask takes it as the template of
    every partition); positions are 32-bit and string columns categorical, as documented."""
    full = find(example)
    none = find(corpus("Nothing to see.", ""), "actor_labels")
    assert len(full) > 100 and none.empty
    assert list(none.columns) == list(full.columns) == list(schema.MATCHES)
    assert none.dtypes.map(str).tolist() == full.dtypes.map(str).tolist()
    assert {str(full[c].dtype) for c in ("sentence_id", "start", "end")} == {"int32"}
    texts = dict(zip(example["doc_id"], example["text"]))
    assert [texts[d][a:b] for d, a, b in zip(full["doc_id"], full["start"], full["end"])] == \
        full["match"].astype(str).tolist()


def test_text_with_a_lone_surrogate_is_refused_naming_the_document():
    # only an object column can hold one (pandas' string dtype refuses it); the other documents are fine
    texts = pd.Series(["Militants attacked.", "Militants \ud800 attacked.", "Rebels \U0001F600 fled."], dtype=object)
    corpus = pd.DataFrame({"doc_id": ["ok", "bad", "emoji"], "outlet": ["A", "B", "C"], "text": texts})
    with pytest.raises(SchemaError, match=r"column 'text', row 1 \(doc_id 'bad'\): lone surrogate"):
        find(corpus, "actor_labels")
    found = find(corpus.drop(index=1), "actor_labels")
    assert found["match"].astype(str).tolist() == ["Militants", "Rebels"]


# -- score ------------------------------------------------------------------------------


def test_score_has_every_document_category_and_voice(example):
    docs = pd.concat([example, pd.DataFrame({"doc_id": ["empty"], "outlet": ["Nobody"], "text": [""]})],
                     ignore_index=True)
    s = score(docs, ["casualty", "actor_labels"])
    assert tuple(s.columns) == schema.SCORES
    n_cats = len(framing.load_lexicon("casualty").categories) + len(framing.load_lexicon("actor_labels").categories)
    assert len(s) == len(docs) * n_cats * 3
    empty = s[s["doc_id"] == "empty"]
    assert (empty["count"] == 0).all() and (empty["n_tokens"] == 0).all() and empty["rate_per_1k"].isna().all()
    # counts equal the rows of find, counted independently
    m = find(docs, ["casualty", "actor_labels"])
    expected = m.astype(str).groupby(["doc_id", "lexicon", "category", "voice"]).size()
    leaf = s.set_index(["doc_id", "lexicon", "category", "voice"])["count"]
    for key, n in expected.items():
        if key[2] == "victims":
            continue
        assert leaf[key] == n
    # n_tokens come from the shared tokenizer
    for doc, text in zip(docs["doc_id"], docs["text"]):
        assert (s[s["doc_id"] == doc]["n_tokens"] == count_tokens(text)).all()
    rate = 1000 * s["count"] / s["n_tokens"]
    assert np.allclose(s["rate_per_1k"].dropna(), rate.dropna())


def test_score_parent_category_counts_its_subcategories(example):
    s = score(example, ["casualty"])
    for (doc, voice), group in s.groupby(["doc_id", "voice"]):
        by_cat = dict(zip(group["category"], group["count"]))
        children = sum(v for k, v in by_cat.items() if k.startswith("victims."))
        m = find(example[example["doc_id"] == doc], ["casualty"])
        own = ((m["category"].astype(str) == "victims") & (m["voice"].astype(str) == voice)).sum()
        assert by_cat["victims"] == children + own


def test_score_negated_option_and_given_matches(example):
    text = "Officials did not call the men terrorists. Police called them terrorists."
    docs = corpus(text)
    included = score(docs, NEG)
    excluded = score(docs, NEG, negated="exclude")
    only = score(docs, NEG, negated="only")
    assert included["count"].sum() == 2 and excluded["count"].sum() == 1 and only["count"].sum() == 1
    m = find(example)
    pd.testing.assert_frame_equal(score(example, matches=m), score(example))
    with pytest.raises(UsageError, match="negated must be one of 'include', 'exclude', 'only'; got 'sometimes'"):
        score(example, negated="sometimes")


# -- kwic -------------------------------------------------------------------------------


def test_kwic_context():
    text = "one two three four five six seven TERROR eight nine,\nten eleven twelve"
    m = find(corpus(text), lex({"t": {"terms": ["terror"]}}))
    k = kwic(m, corpus(text), window=3)
    assert k.loc[0, "left"] == "five six seven"
    assert k.loc[0, "match"] == "TERROR"
    assert k.loc[0, "right"] == "eight nine, ten"
    assert k.loc[0, "category"] == "t"
    assert kwic(m, corpus(text), window=0).loc[0, "left"] == ""
    with pytest.raises(SchemaError):
        kwic(m, corpus("other"), window=2).loc[0]  # offsets outside the document


# -- robustness ---------------------------------------------------------------------------


def test_pathological_input_and_lexicon_finish():
    lx = lex({"a": {"terms": ["a*", "*a", "*a*", "a a a a a a a a a b"]}})
    text = "a " * 20_000 + "a" * 100_000 + " " + "a-" * 5_000 + "a"
    m = find(corpus(text), lx)
    assert len(m) == 20_002
    assert (m["term"].astype(str) == "a*").all()


# -- against an independent reference implementation ----------------------------------------

WORDS = ["terror", "terrorist", "group", "groups", "said", "not", "the", "Iran", "Iran's", "al-Adl", "US", "us"]
SEPS = [" ", "  ", "\n", ", ", ". ", " (", ") "]


def reference(text: str, terms: dict[str, list[str]]) -> set[tuple[int, int, str]]:
    """Token-by-token matching written independently of framing.match (single lexicon)."""
    toks = tokenize(text)
    forms = []
    for _, _, t in toks:
        f = t.replace("’", "'").lower()
        m = re.match(r"^(.+?)('s)$", f)
        forms.append((f, m.group(1) if m else None))

    def word_ok(pattern: str, form: str) -> bool:
        p = pattern.lower()
        if p.startswith("*") and p.endswith("*") and len(p) > 2:
            return p[1:-1] in form
        if p.endswith("*"):
            return form.startswith(p[:-1])
        if p.startswith("*"):
            return form.endswith(p[1:])
        return form == p

    cands = []
    for cat, patterns in terms.items():
        for pat in patterns:
            words = pat.split()
            for i in range(len(toks)):
                if i + len(words) > len(toks):
                    break
                ok, trim = True, 0
                for j, w in enumerate(words):
                    full, base = forms[i + j]
                    if word_ok(w, full):
                        trim = 0
                    elif base is not None and word_ok(w, base) and j == len(words) - 1:
                        trim = 2
                    else:
                        ok = False
                        break
                if ok:
                    cands.append((i, i + len(words), toks[i + len(words) - 1][1] - trim, cat))
    # leftmost-longest over token spans
    spans = sorted({(s, e) for s, e, _, _ in cands}, key=lambda x: (x[0], -x[1]))
    chosen, last = set(), -1
    for s, e in spans:
        if s >= last and not any(c[0] == s for c in chosen):
            chosen.add((s, e))
            last = e
    return {(toks[s][0], end, cat) for s, e, end, cat in cands if (s, e) in chosen}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=40),
    st.dictionaries(
        st.sampled_from(["a", "b", "c"]),
        st.lists(st.sampled_from(["terror*", "*ist", "group", "the group", "Iran", "not the", "al-Adl",
                                  "*ro*", "said not the", "us", "terrorist group"]), min_size=1, max_size=4,
                 unique=True),
        min_size=1, max_size=3,
    ),
)
def test_find_agrees_with_a_reference_implementation(pieces, terms):
    text = "".join(w + s for w, s in pieces)
    lx = lex({c: {"terms": t} for c, t in terms.items()})
    m = find(corpus(text), lx)
    got = set(zip(m["start"], m["end"], m["category"].astype(str)))
    assert got == reference(text, terms)


def test_batching_changes_nothing_and_evidence_is_the_text(example, monkeypatch):
    """Documents are matched in batches that share caches (token types, evidence labels);
    a table made from many small batches must equal the one made in a single batch."""
    import framing.match.engine as match_module

    # a phrase-heavy lexicon: the example corpus's frequent two-word sequences, plus words
    words = [w.lower() for text in example["text"] for w in re.findall(r"[A-Za-z]+", text)]
    bigrams = pd.Series([f"{a} {b}" for a, b in zip(words, words[1:])]).value_counts()
    vocab = pd.Series(words).value_counts()
    lx = lex({
        "phrases": {"terms": list(bigrams.index[:150])},
        "words": {"terms": list(vocab.index[:150]) + ["iran*", "*stan"]},
    }, name="dense")
    lexicons = ["attribution", "actor_labels", "casualty", lx]
    docs = pd.concat([example.assign(doc_id=example["doc_id"] + f"-{k}") for k in range(3)], ignore_index=True)
    whole = find(docs, lexicons)
    monkeypatch.setattr(match_module, "_BATCH_CHARS", 2_500)
    match_module._engines().clear()
    batched = find(docs, lexicons)
    assert len(whole) > 3_000 and (whole["term"].astype(str).str.contains(" ")).sum() > 500
    pd.testing.assert_frame_equal(batched.astype(str), whole.astype(str))
    texts = dict(zip(docs["doc_id"], docs["text"]))
    evidence = [texts[d][a:b] for d, a, b in zip(batched["doc_id"], batched["start"], batched["end"])]
    assert evidence == batched["match"].astype(str).tolist()
    assert set(batched["match"].cat.categories) == set(evidence)  # no evidence string that was not found


def test_lexicon_sets_sharing_the_tokenizer_get_the_results_they_get_alone(example, monkeypatch):
    """The compiled lexicons of one thread share the tokenizer and its cache of token types, which
    is cleared whenever it grows too large; each set of lexicons must still get what it gets alone."""
    from concurrent.futures import ThreadPoolExecutor

    import framing.match.engine as match_module

    own = lex({"words": {"terms": ["iran*", "*stan", "strike*", "said"]},
               "phrases": {"terms": ["foreign ministry", "people were killed"]}}, name="own")
    sets = [["attribution"], ["actor_labels", "casualty"], [own, "hedging"]]
    corpora = [example, example.assign(text=example["text"].str.upper().str[::-1] + " " + example["text"])]

    def alone(lexicons, docs):  # in a thread of its own: a tokenizer of its own
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(find, docs, lexicons).result()

    expected = {(k, c): alone(lx, docs) for k, lx in enumerate(sets) for c, docs in enumerate(corpora)}
    monkeypatch.setattr(match_module, "_BATCH_CHARS", 3_000)  # several batches a call
    monkeypatch.setattr(match_module.thread_scanner(), "max_cache", 500)  # and the shared cache cleared within calls
    for c in (0, 1, 0, 1):
        for k, lexicons in enumerate(sets):
            got = find(corpora[c], lexicons)
            pd.testing.assert_frame_equal(got.astype(str), expected[(k, c)].astype(str))
    assert all(e.scanner is match_module.thread_scanner() for e in match_module._engines().values())


def test_threads_sharing_a_lexicon_get_the_single_thread_result(example):
    """Compiled lexicons keep caches (token types, labels); threads must not corrupt each other's.
    Every call brings words never seen before, so every thread adds to the caches at once."""
    from concurrent.futures import ThreadPoolExecutor

    rng = np.random.default_rng(0)
    lexicons = ["attribution", "actor_labels", "casualty"]
    docs = []
    for k in range(24):
        words = ["".join(rng.choice(list("abcdefghij"), 6)) for _ in range(3_000)]
        text = example["text"].iloc[k % len(example)] + "\n" + " ".join(words) + " said the militants."
        docs.append(corpus(text).assign(doc_id=f"d{k}"))
    expected = [find(d, lexicons) for d in docs]
    import framing.match.engine as match_module

    match_module._engines().clear()
    with ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda d: find(d, lexicons), docs))
    for g, e in zip(got, expected):
        pd.testing.assert_frame_equal(g.astype(str), e.astype(str))
