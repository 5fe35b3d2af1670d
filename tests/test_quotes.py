"""Quotes, speakers, verbs, kinds and voice on the bundled articles and on edge cases.

Every expected value was written by reading the articles; spans are located
with ``text.index`` in the cleaned text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import schema
from framing.errors import SchemaError
from framing.text.quotes import QUOTES_EXTRA, find_quotes
from framing.text.voice import voice_of, voice_spans


def quote_with(text: str, phrase: str, found=None):
    """The quote whose content contains ``phrase``."""
    found = find_quotes(text) if found is None else found
    pos = text.index(phrase)
    hits = [q for q in found if q.start <= pos < q.end]
    assert hits, f"no quote contains {phrase!r}"
    return hits[0]


def check(text, phrase, speaker, verb, kind="direct"):
    q = quote_with(text, phrase)
    assert (q.speaker, q.verb, q.kind) == (speaker, verb, kind), phrase


# -- the five articles ---------------------------------------------------------------

TIMES_OF_ISRAEL = [
    ("anti-Iranian terrorist groups", "Tehran", "called"),
    ("completely unacceptable,”", "Pakistan", "denounced"),
    ("Israeli spy headquarters", "Iran", "claimed"),
    ("This violation of Pakistan’s sovereignty", "Pakistan’s foreign ministry", "said"),
    ("resulted in death of two innocent children", "Pakistan’s foreign ministry", "said"),  # It said
    ("unprovoked violation of its airspace", "Pakistan", "said"),
    ("Minutes ago, two important headquarters", "Iran’s Nour News agency", "posted"),
    ("These headquarters were destroyed", "Iran’s Nour News agency", "posted"),  # continuation paragraph
    ("primarily targets Iranian security personnel", "The United States", "saying"),
    ("It is even more concerning", "Pakistan’s foreign ministry", "said"),
    ("Pakistan has always said terrorism", "Pakistan’s foreign ministry", "said"),  # it said
    ("Such unilateral acts", "Pakistan’s foreign ministry", "said"),  # same paragraph, no verb of its own
    ("Iran has staged cross-border operations", "Michael Kugelman", "said"),  # he said
    ("This plunges Pakistan-Iran ties", "Michael Kugelman", "said"),
    ("clear act of aggression", "Iraq", "condemning"),
    ("attack on its sovereignty", "Iraq", "said"),  # It said, after "Iraq challenged ..."
    ("targeted operation", "Iran", "saying"),
    ("just punishment", "Iran", "saying"),
    ("Zionist regime’s spy headquarters", "Iran’s Revolutionary Guards", "said"),
    ("success", "Iran", "hailed"),  # "It supports ... and hailed", after "Iran has made support ..."
]

SCROLL = [
    ("unprovoked violation", "Islamabad", "described"),
    ("completely unacceptable", "Pakistan’s foreign affairs ministry", "calling"),
    ("serious consequences", "Pakistan’s foreign affairs ministry", "warning"),
    ("the responsibility for the consequences", "Pakistan’s foreign affairs ministry", "said"),  # It said ... told
    ("Pakistan has always said terrorism", "the statement", "read"),
    ("Such unilateral acts", "the statement", "read"),
    ("We have also informed them", "Pakistan’s foreign ministry", "said"),
    ("We have also decided to suspend", "Pakistan’s foreign ministry", "said"),
    ("revenge", "the Revolutionary Guard", "said"),
    ("spy headquarters", "Iran", "claimed"),  # what it claimed were, after "Iran’s strikes"
    ("terrorist operations", "The Revolutionary Guard", "said"),  # it said, in the next sentence
]

AHRAM = [
    ("missile and drone", "Iranian news agency Mehrnews", "said"),
    ("another decisive step taken by Iran", "Iranian news agency Mehrnews", "calling"),
    ("anti-Iranian terrorist groups", "Tehran", "called"),
    ("Last night's unprovoked", "spokeswoman Mumtaz Zahra Baloch", "said"),
    ("Iranian terrorist group\"", "Tehran's top diplomat", "insisted"),
    ("None of the nationals", "Foreign Minister Hossein Amir-Abdollahian", "said"),
    ("This violation of Pakistan's sovereignty", "Pakistan's foreign ministry statement", "said"),
    ("death of two innocent children", "Pakistan's foreign ministry statement", "said"),
    ("Jaish al-Adl is a terrorist group that acts", "Amir-Abdollahian", "said"),
    ("It is even more concerning", "Pakistan's foreign ministry", "said"),
    ("Pakistan has always said terrorism", "Pakistan's foreign ministry", "said"),  # standalone paragraph
    ("Iran has staged cross-border operations", "Michael Kugelman", "said"),
    ("This plunges Pakistan-Iran ties", "Michael Kugelman", "said"),  # standalone paragraph
    ("avoid actions that would lead", "foreign ministry spokeswoman Mao Ning", "saying"),
    ("attack on its sovereignty", "Iraq", "said"),
    ("targeted operation", "Teheran", "saying"),
    ("Zionist regime's spy headquarters", "Iran's Revolutionary Guards", "said"),
]

TIME = [
    ("terrorist hideouts", "Pakistan’s Foreign Ministry", "said"),  # the sentence reports the ministry
    ("This action is a manifestation", "the ministry", "said"),
    ("illegal act", "Islamabad", "insisted"),
]


@pytest.mark.parametrize(("doc_id", "cases"), [
    ("timesofisrael", TIMES_OF_ISRAEL), ("scroll", SCROLL), ("ahram", AHRAM), ("time", TIME),
])
def test_speakers_verbs_and_kinds(example_texts, doc_id, cases):
    text = example_texts[doc_id]
    found = find_quotes(text)
    wrong = []
    for phrase, speaker, verb in cases:
        q = quote_with(text, phrase, found)
        if (q.speaker, q.verb, q.kind) != (speaker, verb, "direct"):
            wrong.append((phrase, q.speaker, q.verb, q.kind))
    assert not wrong


def test_cupventi_has_one_quote_and_no_apostrophe_quotes(example_texts):
    text = example_texts["cupventi"]
    found = find_quotes(text)
    assert len(found) == 1  # Tehran’s, Iran’s, fighters’ are apostrophes
    q = found[0]
    assert text[q.start:q.end] == "The responsibility for the consequences will lie squarely with Iran."
    assert (q.speaker, q.verb, q.kind) == ("The official statement", "declared", "direct")


def test_scare_quotes_and_headings(example_texts):
    ahram = example_texts["ahram"]
    # a short phrase whose source is the subject of its clause is that source's word, not the writer's
    # distance ("Iran launched missile attacks on "spy headquarters"": Iran's own designation)
    check(ahram, "spy headquarters\" and", "Iran", None, "direct")
    check(ahram, "terrorist\" targets", "Iran", None, "direct")
    # a line that is only a quote is a heading quoting someone, not a scare quote
    check(ahram, "Common threat", None, None, "direct")
    check(example_texts["timesofisrael"], "Act of aggression", None, None, "direct")


def test_multi_sentence_quote_spans(example_texts):
    toi = example_texts["timesofisrael"]
    q = quote_with(toi, "Minutes ago")
    assert toi[q.start:q.end] == ("Minutes ago, two important headquarters of the so called Jaish-ul-Adl "
                                  "terrorist group was targeted in Pakistan.")
    assert toi[q.open_start] == "“" and toi[q.close_end - 1] == "”"
    nested = quote_with(toi, "Zionist regime’s")
    assert toi[nested.start:nested.end] == "Zionist regime’s spy headquarters in the Kurdistan region of Iraq."


def test_offsets_point_at_speaker_and_verb(example_texts):
    for text in example_texts.values():
        for q in find_quotes(text):
            assert text[q.open_start] in "“\"'‘"
            assert q.open_start < q.start <= q.end < q.close_end
            if q.speaker is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker
            if q.verb is not None:
                assert " ".join(text[q.verb_start:q.verb_end].split()) == q.verb


def test_unresolved_pronouns_are_kept_when_asked(example_texts):
    toi = example_texts["timesofisrael"]
    q = quote_with(toi, "Iran has staged", find_quotes(toi, resolve_pronouns=False))
    assert q.speaker == "he"
    assert toi[q.speaker_start:q.speaker_end + 5] == "he said"


# -- hand-written edge cases ------------------------------------------------------------

def test_apostrophes_never_open_or_close_quotes():
    text = ("Pakistan’s envoy didn’t mention the ’90s, Iran's drones or the neighbors’ homes; "
            "rock ’n’ roll fans' 'em")
    assert find_quotes(text) == []


def test_nested_single_quotes_stay_inside():
    text = "He said, “They called it ‘a mistake’ and left.”"
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "They called it ‘a mistake’ and left."
    assert (q.speaker, q.verb, q.kind) == ("He", "said", "direct")


def test_straight_and_doubled_marks():
    text = "\"It is over,\" the minister said. ''We will win,'' Mr. Smith said."
    a, b = find_quotes(text)
    assert (text[a.start:a.end], a.speaker) == ("It is over,", "the minister")
    assert (text[b.start:b.end], b.speaker) == ("We will win,", "Mr. Smith")


def test_multi_paragraph_quote():
    text = ("The minister said:\n\n“First paragraph of the speech.\n\n“Second paragraph, still quoting.”\n\n"
            "The narrator resumes.")
    (q,) = find_quotes(text)
    assert q.start == text.index("First") and q.end == text.index("”")
    assert (q.speaker, q.verb) == ("The minister", "said")
    spans = voice_spans(text)
    assert voice_of(spans, [text.index("narrator"), text.index("Second")]).tolist() == ["narrator", "quote"]


def test_unbalanced_mark_closes_at_paragraph_end():
    text = "She said “this never closes.\n\nA new paragraph with “a scare” phrase and more text."
    first, second = find_quotes(text)
    assert text[first.start:first.end] == "this never closes."
    assert first.speaker == "She"
    assert text[second.start:second.end] == "a scare" and second.kind == "scare"
    labels = voice_of(voice_spans(text), [text.index("A new"), text.index("more text")])
    assert labels.tolist() == ["narrator", "narrator"]


def test_second_opening_mark_ends_an_unclosed_quote():
    text = "He said “the first never closes and then “a second one” ends the line."
    first, second = find_quotes(text)
    assert text[first.start:first.end] == "the first never closes and then"
    assert first.close_end == text.index(" “a second")
    assert text[second.start:second.end] == "a second one"
    # a curly quote inside a straight one (or the reverse) is nested, not a new quote
    mixed = "\"Outer words with “inner” words,\" she said."
    (q,) = find_quotes(mixed)
    assert mixed[q.start:q.end] == "Outer words with “inner” words,"


def test_stray_closing_mark_is_ignored():
    text = "Nothing opens here” but the text goes on. Then “a phrase” appears."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "a phrase"


@pytest.mark.parametrize(("text", "speaker", "verb"), [
    ("“Prices will rise,” according to the central bank.", "the central bank", "according to"),
    ("Smith told reporters: “We are ready.”", "Smith", "told"),
    ("“We are ready,” said Rep. Elijah Cummings.", "Rep. Elijah Cummings", "said"),
    ("The official statement declared, “The responsibility lies with Iran.”", "The official statement",
     "declared"),
    ("The agency posted on X: “Two targets were hit.”", "The agency", "posted"),
    ("“Two targets were hit,” read the statement.", "the statement", "read"),
    ("Reuters, citing two officials, said “the talks failed.”", "Reuters", "said"),
    ("“We condemn it,” Smith, a spokesman for the ministry, said on Tuesday.", "Smith", "said"),
    ("“Vote early.” ― Jane Doe", "Jane Doe", None),
])
def test_speaker_patterns(text, speaker, verb):
    (q,) = find_quotes(text)
    assert (q.speaker, q.verb, q.kind) == (speaker, verb, "direct")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Iranian officials responded by calling the strike “a crime” on Monday.", "Iranian officials"),
    ("NATO leaders plan to call the attack “an act of war” at the summit.", "NATO leaders"),
    ("Trump says the deal is “dead.”", "Trump"),
])
def test_unnamed_people_after_a_name_or_demonym_are_the_whole_subject(text, speaker):
    # a plural for people after a capitalised word is the head of the subject, no verb ("Trump says" is one)
    (q,) = find_quotes(text)
    assert q.speaker == speaker


def test_pronouns_resolve_by_type():
    text = ("Spokeswoman Mumtaz Baloch spoke first. “We condemn it,” she said.\n"
            "Iran’s Revolutionary Guards issued a statement. “We struck,” they said.\n"
            "The foreign ministry issued a statement. “It is unacceptable,” it said.")
    found = find_quotes(text)
    assert [q.speaker for q in found] == ["Spokeswoman Mumtaz Baloch", "Iran’s Revolutionary Guards",
                                          "The foreign ministry"]


def test_titles_and_nicknames_are_not_quotes():
    text = "She spoke on “Fox News Sunday” about taxes, and state Del. Marcia \"Cia\" Price agreed."
    found = find_quotes(text)
    assert [(text[q.start:q.end], q.kind, q.speaker) for q in found] == [
        ("Fox News Sunday", "title", None), ("Cia", "title", None)]
    assert {v for _, _, v in voice_spans(text)} == {"narrator"}


def test_scare_quote_rule():
    # no source in reach: the phrase is under a copula, or part of the subject
    for text in ("The border was quiet after the strikes on “terrorist camps” last week.",
                 "Nine “entities” will also be targeted by the sanctions."):
        (q,) = find_quotes(text)
        assert (q.kind, q.speaker, q.verb) == ("scare", None, None), text
    long = "The border was quiet after “what it described as terrorist camps of the group” were hit."
    assert find_quotes(long)[0].kind == "direct"


def test_malformed_long_paragraph_does_not_swallow_the_document():
    text = "He said “a" + " b" * 50_000 + "\n\nNext paragraph is narration."
    (q,) = find_quotes(text)
    assert q.close_end == text.index("\n")
    assert voice_of(voice_spans(text), [text.index("Next")]).tolist() == ["narrator"]


# -- voice --------------------------------------------------------------------------------

def test_voice_of_labels(example_texts):
    ahram = example_texts["ahram"]
    spans = voice_spans(ahram)
    offsets = np.array([
        ahram.index("spy headquarters\" and"),          # Iran's own designation, the subject of its clause
        ahram.index("Iranian terrorist group\""),       # quoted from Tehran's top diplomat
        ahram.index("Formed in 2012"),                  # narrator
        ahram.index("\"Last night's") ,                 # the opening mark belongs to the quote
    ])
    assert voice_of(spans, offsets).tolist() == ["quote", "quote", "narrator", "quote"]
    with pytest.raises(SchemaError):
        voice_of(spans, [len(ahram)])


def test_voice_table_covers_every_character(example, example_texts):
    table = framing.voice(example)
    assert tuple(table.columns) == schema.VOICE + ("quote_id",)
    assert set(table["voice"]) <= set(schema.VOICES)
    quotes = framing.quotes(example)
    for doc_id, group in table.groupby("doc_id"):
        starts, ends = group["start"].tolist(), group["end"].tolist()
        assert starts[0] == 0 and ends[-1] == len(example_texts[doc_id])
        assert starts[1:] == ends[:-1]
        assert all(a < b for a, b in zip(starts, ends))
        q = quotes[quotes["doc_id"] == doc_id].set_index("quote_id")
        for a, b, v, qid in zip(starts, ends, group["voice"], group["quote_id"]):
            if v == "narrator":
                assert pd.isna(qid)
            else:
                assert a < q.loc[qid, "start"] <= q.loc[qid, "end"] < b
                assert (v == "scare_quote") == (q.loc[qid, "kind"] == "scare")


def test_quotes_table(example, example_texts):
    table = framing.quotes(example)
    assert tuple(table.columns) == schema.QUOTES + QUOTES_EXTRA
    sentences = framing.sentences(example)
    for doc_id, group in table.groupby("doc_id"):
        text = example_texts[doc_id]
        assert group["quote_id"].tolist() == list(range(len(group)))
        for row in group.itertuples():
            assert text[row.start:row.end] == row.text
            s = sentences[(sentences["doc_id"] == doc_id) & (sentences["sentence_id"] == row.sentence_id)]
            assert s["start"].item() <= row.start <= s["end"].item()
    assert set(table["kind"]) <= set(schema.QUOTE_KINDS) and "direct" in set(table["kind"])
    assert (table.loc[table["doc_id"] == "cupventi", "outlet"] == "Cupventi").all()


def test_empty_documents_and_missing_columns():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"], "text": ["", "“Hi,” she said."]})
    assert framing.quotes(corpus)["doc_id"].tolist() == ["b"]
    v = framing.voice(corpus)
    assert v["doc_id"].tolist() == ["b", "b"]  # the empty text has no characters, hence no spans
    assert voice_spans("") == [] and find_quotes("") == []
    with pytest.raises(SchemaError, match="outlet"):
        framing.quotes(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    with pytest.raises(SchemaError, match="text"):
        framing.voice(pd.DataFrame({"doc_id": ["a"]}))


def test_package_attributes_are_the_functions():
    import framing.report.study  # noqa: F401  (importing the stage must not hide framing.report, the function)
    import framing.text.quotes  # noqa: F401

    assert callable(framing.quotes) and framing.quotes.__name__ == "quotes"
    assert framing.sentences.__name__ == "sentences"
    assert callable(framing.report) and framing.report.__name__ == "report"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab A.,:“”‘’\"'\n ―") + [" said", "He ", "''"]), max_size=40).map("".join))
def test_voice_spans_cover_any_text(text):
    found = find_quotes(text)
    spans = voice_spans(text)
    if not text:
        assert spans == []
        return
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b, _ in spans)
    assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))
    last = 0
    for q in found:
        assert last <= q.open_start < q.start <= q.end <= q.close_end <= len(text)
        assert text[q.open_start] in "“”‘’\"'"
        last = q.close_end
