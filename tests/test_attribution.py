"""Attributions on the bundled articles and on hand-written sentences.

Speakers and verbs were written down by reading the articles.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.measures.attribution import ATTRIBUTION_COLUMNS


def corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "outlet": ["o"] * len(texts),
        "text": list(texts),
    })


@pytest.fixture(scope="module")
def table(example):
    return framing.attributions(example)


@pytest.fixture(scope="module")
def quote_table(example):
    return framing.quotes(example)


def row_at(table: pd.DataFrame, texts: dict[str, str], doc_id: str, phrase: str, verb: str) -> pd.Series:
    """The attribution row whose cue is ``verb`` inside ``phrase``."""
    at = texts[doc_id].index(phrase) + phrase.index(verb)
    sel = table[(table["doc_id"] == doc_id) & (table["start"] <= at) & (table["end"] >= at + len(verb))]
    assert len(sel) == 1, f"no single attribution for {verb!r} in {phrase!r}: {sel}"
    return sel.iloc[0]


def test_columns_and_evidence(table, example, example_texts):
    assert list(table.columns) == list(ATTRIBUTION_COLUMNS)
    sents = framing.sentences(example).set_index(["doc_id", "sentence_id"])
    for row in table.itertuples():
        sentence = sents.loc[(row.doc_id, row.sentence_id)]
        assert sentence["start"] <= row.start < sentence["end"]
    # every row has a category, so a table grouped by it leaves none out
    assert table["verb_category"].notna().all()
    assert set(table["verb_category"]) <= {"neutral", "endorsing", "distancing", "emphatic", "denial", "other"}
    for row in table.itertuples():
        text = example_texts[row.doc_id]
        assert text[row.start:row.end] == row.verb
        if not pd.isna(row.speaker_start):
            assert text[row.speaker_start:row.speaker_end] == row.speaker


def test_direct_quotes_agree_with_the_quotes_table(table, quote_table):
    linked = table.dropna(subset=["quote_id"])
    assert len(linked) >= 30
    q = quote_table.set_index(["doc_id", "quote_id"])
    for row in linked.itertuples():
        quote = q.loc[(row.doc_id, row.quote_id)]
        assert quote["verb_start"] == row.start and quote["verb_end"] == row.end
        assert (pd.isna(quote["speaker"]) and pd.isna(row.speaker)) or quote["speaker"] == row.speaker


@pytest.mark.parametrize(
    ("doc_id", "phrase", "verb", "speaker", "category"),
    [
        # reported speech without quotation marks
        ("timesofisrael", "Pakistan said Wednesday that Iran", "said", "Pakistan", "neutral"),
        ("timesofisrael", "Nour News agency said the attack", "said", "its state-run Nour News agency", "neutral"),
        ("time", "Pakistan has said the attack killed two children", "said", "Pakistan", "neutral"),
        ("scroll", "injured three others, Pakistan said.", "said", "Pakistan", "neutral"),
        ("scroll", "the Associated Press reported.", "reported", "the Associated Press", "neutral"),
        ("scroll", "reported Al Jazeera", "reported", "Al Jazeera", "neutral"),
        ("scroll", "Citing Iran’s state-run media, AP reported", "Citing", "AP", "neutral"),
        ("scroll", "Islamabad described Tehran’s strikes", "described", "Islamabad", "neutral"),
        ("cupventi", "While Iran claimed that the airstrikes", "claimed", "Iran", "distancing"),
        ("cupventi", "and Pakistan, claimed that the attack targeted homes", "claimed", "Jaish al-Adl", "distancing"),
        ("cupventi", "according to a senior Pakistani security official", "according to",
         "a senior Pakistani security official", "neutral"),
        ("timesofisrael", "according to the Kurdistan security council", "according to",
         "the Kurdistan security council", "neutral"),
        # the speaker stands before an appositive
        ("ahram", "Wilson Center, warned of the seriousness", "warned", "Michael Kugelman", "emphatic"),
        ("ahram", "China, close partners of Iran and Pakistan, urged restraint", "urged", "China", "emphatic"),
        ("ahram", "Pakistan denounced the strike", "denounced", "Pakistan", "emphatic"),
        ("ahram", "with foreign ministry spokeswoman Mao Ning saying", "saying",
         "foreign ministry spokeswoman Mao Ning", "neutral"),
        ("time", "Alireza Marhamati as saying", "saying", "the province’s Deputy Governor Alireza Marhamati", "neutral"),
        ("time", "even as Islamabad insisted it had the right", "insisted", "Islamabad", "distancing"),
        ("timesofisrael", "publicly denying any direct involvement", "denying", "It", "denial"),
    ],
)
def test_speaker_and_verb_read_from_the_articles(table, example_texts, doc_id, phrase, verb, speaker, category):
    row = row_at(table, example_texts, doc_id, phrase, verb)
    assert row["speaker"] == speaker
    assert row["verb_category"] == category


def test_quoted_attributions_link_their_quote(table, example_texts, quote_table):
    row = row_at(table, example_texts, "ahram", "Tehran's top diplomat insisted", "insisted")
    assert (row["speaker"], row["verb_category"]) == ("Tehran's top diplomat", "distancing")
    assert quote_table.set_index(["doc_id", "quote_id"]).loc[("ahram", row["quote_id"]), "text"] == "Iranian terrorist group"
    # "read the statement": an inverted speaker after a closing quote
    row = row_at(table, example_texts, "scroll", "read the statement", "read")
    assert (row["speaker"], row["verb_category"]) == ("the statement", "neutral")
    assert not pd.isna(row["quote_id"])
    # "what it claimed were ...": distancing
    row = row_at(table, example_texts, "scroll", "what it claimed were", "claimed")
    assert row["verb_category"] == "distancing"
    assert row["speaker"] in ("it", "Iran")


def test_agentless_passive_has_no_speaker(table, example_texts):
    row = row_at(table, example_texts, "scroll", "is claimed to have been responsible", "claimed")
    assert pd.isna(row["speaker"])
    assert row["verb_category"] == "distancing"


def test_cue_inside_a_quote_is_the_quoted_sources(table, example_texts):
    row = row_at(table, example_texts, "scroll", "Pakistan has always said terrorism", "said")
    assert (row["voice"], row["speaker"]) == ("quote", "Pakistan")


def test_non_reporting_uses_are_not_attributions(table, example_texts):
    text = example_texts["timesofisrael"]
    for phrase in ("The group claimed responsibility", "the so called Jaish-ul-Adl", "alleged Israeli strikes"):
        a = text.index(phrase)
        b = a + len(phrase)
        assert table[(table["doc_id"] == "timesofisrael") & (table["start"] < b) & (table["end"] > a)].empty, phrase


@pytest.mark.parametrize(
    ("text", "verb", "speaker", "category"),
    [
        ("Officials said the attack killed two children.", "said", "Officials", "neutral"),
        ("The strike killed two children, the army said.", "said", "the army", "neutral"),
        ("The minister denied that troops crossed the border.", "denied", "The minister", "denial"),
        ("Sara Khan, a senior analyst at the institute, warned of a wider war.", "warned", "Sara Khan", "emphatic"),
        ("The governor told reporters that nine people died.", "told", "The governor", "neutral"),
        ("Police on Monday confirmed the arrest.", "confirmed", "Police", "endorsing"),
        ("The group is said to have fired the rockets.", "said", None, "neutral"),
        ("The claim was rejected by the ministry.", "rejected", "the ministry", "denial"),
        ("Nine people died, according to the health ministry in Gaza.", "according to",
         "the health ministry in Gaza", "neutral"),
        ("Iran struck what they called enemy bases.", "what they called", "they", "distancing"),
        ("The strikes were illegal, said Defence Minister Khawaja Asif.", "said", "Defence Minister Khawaja Asif", "neutral"),
        ("Hamas, a Palestinian group, denied any role.", "denied", "Hamas", "denial"),
        ("The ministry issued a statement, citing security concerns.", "citing", "The ministry", "neutral"),
        ("Ms. Lee, who insisted the vote was fair, left early.", "insisted", "Ms. Lee", "distancing"),
    ],
)
def test_hand_written_sentences(text, verb, speaker, category):
    out = framing.attributions(corpus(text))
    row = out[out["verb"] == verb].iloc[0]
    assert (None if pd.isna(row["speaker"]) else row["speaker"]) == speaker
    assert row["verb_category"] == category
    assert pd.isna(row["quote_id"])


def test_claims_of_responsibility_and_adjectives_are_skipped():
    out = framing.attributions(corpus(
        "The group claimed responsibility for the bombing. Officials described the reported attack. "
        "A claimed victory was celebrated."
    ))
    assert list(out["verb"]) == ["described"]


def test_a_document_without_cues_and_bad_input():
    out = framing.attributions(corpus("Rain fell on the city."))
    assert out.empty and list(out.columns) == list(ATTRIBUTION_COLUMNS)
    with pytest.raises(framing.SchemaError, match="outlet"):
        framing.attributions(pd.DataFrame({"doc_id": ["a"], "text": ["x said y"]}))


VOCAB = ("Hamas", "said", "told", "according to", ",", ".", "“", "”", '"', "’s", "the", "a", "militant", "group",
         "is", "was", "by", "what it called", "claimed", "responsibility", "so-called", "not", "(", ")", "—", "and",
         "citing", "U.S.", "Mr.", "\n", "warned", "denied", "insisted", "minister")


def test_offsets_are_evidence_on_arbitrary_word_salad():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.sampled_from(VOCAB), max_size=40))
    def check(words):
        text = " ".join(words)
        out = framing.attributions(corpus(text))
        for row in out.itertuples():
            assert text[row.start:row.end] == row.verb
            if not pd.isna(row.speaker_start):
                assert 0 <= row.speaker_start < row.speaker_end <= len(text)

    check()


@pytest.mark.parametrize(
    ("text", "verb", "speaker", "category"),
    [
        ("The senator called it a disgrace.", "called", "The senator", "neutral"),
        ("The mayor suggested that the vote be delayed.", "suggested", "The mayor", "other"),
        ("The candidate tweeted that the debate was rigged.", "tweeted", "The candidate", "neutral"),
        ("Critics hailed the deal as a breakthrough.", "hailed", "Critics", "emphatic"),
        ("The envoy recalled that talks had failed twice.", "recalled", "The envoy", "neutral"),
    ],
)
def test_added_reporting_verbs(text, verb, speaker, category):
    out = framing.attributions(corpus(text))
    row = out[out["verb"] == verb].iloc[0]
    assert row["speaker"] == speaker
    assert row["verb_category"] == category


def test_naming_and_phoning_uses_of_called_are_not_attributions():
    out = framing.attributions(corpus(
        "Militants from a group called Jaish al-Adl crossed the border. The plan is called Dawn. "
        "She called him to congratulate him."
    ))
    assert out.empty, list(out["verb"])


def test_calls_for_and_on_are_demands_of_their_subject():
    # a demand is an act of speech, as "urged" is: emphatic, spoken by the subject
    out = framing.attributions(corpus(
        "The council called for calm and called on residents to stay home."
    ))
    assert list(out["verb"]) == ["called for", "called on"]
    assert list(out["speaker"]) == ["The council", "The council"]
    assert set(out["verb_category"]) == {"emphatic"}


def test_administrative_denials_and_asylum_claims_are_not_attributions():
    out = framing.attributions(corpus(
        "Reporters were denied access to the site. The family will claim asylum in Canada. "
        "The minister denied that troops crossed the border."
    ))
    assert list(out["verb"]) == ["denied"]
    assert out["speaker"].iloc[0] == "The minister"


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a progressive participle in a clause a subordinating word opens is the verb of the noun phrase before its
    # auxiliary, not of the main clause's subject
    ("This is why so many dissidents in Cuba are denouncing the deal as a betrayal.", "denouncing",
     "many dissidents in Cuba"),
    ("Senators said they liked the plan that world powers are proposing to Iran.", "proposing", "world powers"),
    # a participle after a clause that says what someone is saying goes on with the main clause's subject
    ("Many analysts have cautioned that much of what the regime is saying is bluster, noting that it has no "
     "missile yet.", "noting", "Many analysts"),
    # without a subordinating word, the main clause's subject as before
    ("Doctors are saying the hospital is full.", "saying", "Doctors"),
])
def test_the_subject_of_a_progressive_or_a_participle_after_what_is_said(text, verb, speaker):
    out = framing.attributions(corpus(text))
    assert out.loc[out["verb"] == verb, "speaker"].iloc[0] == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a participle after a clause that says what others do goes on with the one who said it
    ("The ministry said that the rebels were denying the reports, adding that two soldiers were hurt.", "adding",
     "The ministry"),
    ("Officials said that the protesters were calling for calm, noting that no arrests had been made.", "noting",
     "Officials"),
])
def test_a_participle_goes_on_with_the_main_clause_not_a_subordinate_one(text, verb, speaker):
    out = framing.attributions(corpus(text))
    assert out.loc[out["verb"] == verb, "speaker"].iloc[0] == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a participle set off by commas after the subject goes on with that subject, whose verb follows
    ("Trump, announcing the secretary's visit, had hinted at the release of the prisoners.", "announcing", "Trump"),
    # a participle after a phrase of time goes on with the subject after its clause
    ("In late May, claiming that it was key to security, Putin signed a decree on the internet.", "claiming",
     "Putin"),
    ("A day after saying that the meeting went well, Corker called for new sanctions.", "saying", "Corker"),
    # a verb to which another is coordinated with "and" takes the subject of the first
    ("Trump has already taken the idea to some regional leaders and continues to tout it as a policy.", "tout",
     "Trump"),
    # a name with its party tag, then a relative clause that ends in a quotation
    ("Chairman Buck McKeon (R-Calif.), who called the attack “a violation,” asked why the warnings were given.",
     "asked", "Chairman Buck McKeon"),
    # guards: what was said stays between the cue and its clause
    ("The group said on Monday, adding that it would fight, that it was ready.", "adding", "The group"),
    ("On Friday, Trump blasted the media, saying they lied.", "saying", "Trump"),
])
def test_a_participle_or_a_coordinated_verb_takes_the_subject_of_its_clause(text, verb, speaker):
    out = framing.attributions(corpus(text))
    assert out.loc[out["verb"] == verb, "speaker"].iloc[0] == speaker
