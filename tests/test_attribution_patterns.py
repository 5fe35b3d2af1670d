"""Attributions on sentences written for each pattern: who speaks, to whom, with which kind of cue.

Expected values come from reading the sentences.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def attributions(*texts: str, **options) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": ["o"] * len(texts),
                           "text": list(texts)})
    return framing.attributions(corpus, **options)


def only(table: pd.DataFrame, verb: str) -> pd.Series:
    rows = table[table["verb"] == verb]
    assert len(rows) == 1, f"{verb!r}: {list(table['verb'])}"
    return rows.iloc[0]


def test_addressee_of_told_is_never_the_speaker():
    out = attributions("Rumsfeld, who served under two presidents, told Newsmax in an interview that the war was lost.")
    row = only(out, "told")
    assert row["speaker"] == "Rumsfeld"
    assert row["addressee"] == "Newsmax"


def test_addressee_of_a_quotation_verb():
    out = attributions("“The war is lost,” Rumsfeld, who served under two presidents, told Newsmax.")
    row = only(out, "told")
    assert row["speaker"] == "Rumsfeld"
    assert row["addressee"] == "Newsmax"


@pytest.mark.parametrize(("text", "verb", "speaker", "addressee"), [
    ("The minister told reporters the talks had failed.", "told", "The minister", "reporters"),
    ("The senator told The New York Times that he would resign.", "told", "The senator", "The New York Times"),
    ("The mayor said to the Dutch program that the city was safe.", "said", "The mayor", "the Dutch program"),
    ("The general urged legislators to act.", "urged", "The general", "legislators"),
    ("The spokesman said the talks had failed.", "said", "The spokesman", None),
])
def test_addressee_column(text, verb, speaker, addressee):
    row = only(attributions(text), verb)
    assert row["speaker"] == speaker
    assert (None if pd.isna(row["addressee"]) else row["addressee"]) == addressee


def test_according_to_takes_the_whole_name():
    out = attributions("The detainee was released, according to the Immigration and Customs Enforcement (ICE) agency.")
    assert only(out, "according to")["speaker"] == "the Immigration and Customs Enforcement (ICE) agency"


def test_claim_as_a_noun_without_a_source_is_not_a_cue():
    assert attributions("The claim spread quickly across social media.").empty
    assert only(attributions("Iran’s claim spread quickly."), "claim")["speaker"] == "Iran"


def test_demanded_anonymity_and_thanks_to_are_not_speech():
    out = attributions("An official, who demanded anonymity, said the talks had stalled. "
                       "Thanks to the rain, the fire died down.")
    assert list(out["verb"]) == ["said"]


def test_count_before_a_participle_makes_it_an_adjective():
    out = attributions("Officials confirmed 12 reported cases on Monday.")
    assert list(out["verb"]) == ["confirmed"]


def test_declined_to_comment_is_kept_as_negated_speech():
    row = only(attributions("The ministry declined to comment on the report."), "declined to comment")
    assert row["negated"]
    assert row["verb_category"] == "other"
    assert row["speaker"] == "The ministry"


def test_passive_infinitive_is_hypothetical():
    row = only(attributions("The deal is expected to be announced next week."), "announced")
    assert row["hypothetical"]


@pytest.mark.parametrize(("text", "verb"), [
    ("The senator asked the general about the strike.", "asked"),
    ("The mayor responded that the city had done its best.", "responded"),
    ("“We will rebuild,” he continued.", "continued"),
])
def test_asking_answering_and_unlisted_quotation_verbs_are_other(text, verb):
    assert only(attributions(text), verb)["verb_category"] == "other"


def test_every_row_has_a_verb_category():
    out = attributions("“We will rebuild,” he continued. The senator asked the general about it. "
                       "She promised to return, he said.")
    assert len(out) >= 3
    assert out["verb_category"].notna().all()


def test_sentence_initial_asked_reports_the_question():
    out = attributions("Asked whether the talks would resume, Faily said no date had been set.")
    row = only(out, "Asked")
    assert pd.isna(row["speaker"])
    assert row["addressee"] == "Faily"
    assert only(out, "said")["speaker"] == "Faily"


def test_coordinated_verb_keeps_the_subject_of_the_first():
    out = attributions("The ship sailed after Iranian President Hassan Rouhani criticized Trump and warned "
                       "the American president not to escalate.")
    row = only(out, "warned")
    assert row["speaker"] == "Iranian President Hassan Rouhani"
    assert row["addressee"] == "the American president"


def test_participle_after_a_quotation_goes_on_with_its_speaker():
    out = attributions("“Pack your bags and leave,” Aboutaleb said to the program, talking about the attacks.")
    assert only(out, "talking about")["speaker"] == "Aboutaleb"


def test_passive_agent_a_few_words_after_the_cue():
    out = attributions("The death was announced on state TV by a presenter on Friday.")
    assert only(out, "announced")["speaker"] == "a presenter"


def test_possessive_speaker_loses_its_ending():
    out = attributions("Markets fell on the president’s stated willingness to use force.")
    assert only(out, "stated")["speaker"] == "the president"


def test_relative_pronoun_is_the_speaker_as_written():
    text = "The deal won the backing of lawmakers who have announced support for it."
    assert only(attributions(text, resolve_pronouns=False), "announced")["speaker"] == "who"
    assert only(attributions(text), "announced")["speaker"] == "lawmakers"


def test_quotation_signed_after_a_dash():
    out = attributions("“He represents our greatest shame.” ― Sonya Herridge\n“We deserve better.” ― Ana Ruiz\n")
    signed = out[out["verb"] == "―"]
    assert list(signed["speaker"]) == ["Sonya Herridge", "Ana Ruiz"]
    assert signed["quote_id"].notna().all()


def test_what_is_urged_is_not_an_addressee():
    assert pd.isna(only(attributions("China urged restraint."), "urged")["addressee"])
    assert only(attributions("China urged both sides to stop."), "urged")["addressee"] == "both sides"


def test_noun_cue_after_a_possessive_and_an_adjective():
    out = attributions("The ministry expressed its strong condemnation of the strike.")
    assert only(out, "condemnation")["speaker"] == "The ministry"


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("The army said two people died in the raid, according to the council.", "according to", "the council"),
    ("Iran claimed the strikes hit militants, but a report contradicted this, stating that children died.",
     "stating", "a report"),
])
def test_participle_does_not_take_the_speaker_of_another_clause(text, verb, speaker):
    assert only(attributions(text), verb)["speaker"] == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a phrase of time between the subject and its verb
    ("Russia has for weeks blamed Ukraine's crisis on far-right forces.", "blamed", "Russia"),
    ("Officials last week said the plan was dead.", "said", "Officials"),
    ("The ministry in recent days warned of more attacks.", "warned", "The ministry"),
    ("Residents earlier this month complained about the noise.", "complained", "Residents"),
    ("The Saudis over the weekend claimed the writer died in a fight.", "claimed", "The Saudis"),
    ("The president during the night tweeted that the deal was off.", "tweeted", "The president"),
    ("Police in the morning said the road was open again.", "said", "Police"),
    # a time phrase after the verb of a relative clause is its act's, not the speaker's verb's
    ("Residents who fled during the night said the shelling was heavy.", "said", "Residents"),
    ("Residents who fled last week said the shelling was heavy.", "said", "Residents"),
    ("A Justice Department probe published earlier this month found that the police were biased.", "found that",
     "A Justice Department probe"),
    # a progressive is no passive: the subject speaks
    ("By the summer of 2011, the United Nations was reporting that more than 2,200 people had been killed.",
     "reporting that", "the United Nations"),
    # two adverbs joined by "and"
    ("The columnist, a former prosecutor, has meticulously and persuasively argued that the case was weak.",
     "argued", "The columnist"),
    # a capitalised "Today" inside a name is no adverb
    ("Before the incident, USA TODAY reported that airmen were twice as likely to be punished.", "reported",
     "USA TODAY"),
])
def test_speaker_past_what_stands_between_subject_and_verb(text, verb, speaker):
    assert only(attributions(text), verb)["speaker"] == speaker


def test_an_age_between_commas_is_no_speaker():
    out = attributions("The newspaper reported that Dzhokhar, 19, the surviving brother, told officials that they "
                       "were inspired by sermons.")
    assert only(out, "told")["speaker"] == "Dzhokhar"


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # an inverted speaker with the body they serve after the name
    ("The fire started on Canfield Drive, the street where the shooting happened, said Capt. Jeremy Corcoran "
     "with the Ferguson police.", "said", "Capt. Jeremy Corcoran"),
    # a comma inside a closing quotation mark of a quotation opened inside the sentence
    ('ISIS, which described Turkey as "the servant of the cross," said in a statement that it had attacked.',
     "said", "ISIS"),
    # a relative clause between the subject and its verb
    ("Officials who spoke to Reuters said the talks had stalled.", "said", "Officials"),
    ("The man who killed her husband said he was sorry.", "said", "The man"),
    # ... but the subject of the relative clause itself when no verb stands before it
    ("The State Department has not given specific reasons, which lawmakers from both parties have criticized.",
     "criticized", "lawmakers from both parties"),
])
def test_speaker_past_a_relative_clause_or_after_an_inverted_verb(text, verb, speaker):
    assert only(attributions(text), verb)["speaker"] == speaker


def test_quote_speakers_past_a_relative_clause_and_unnamed_people_after_the_verb():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": "o", "text": [
        'One member who traveled to Charlotte for the meeting noted, "We could learn a lot from the campaign."',
        '"The talks have stalled," said officials who spoke to Reuters.',
        'Adam Schiff, whose panel sought the testimony, said lawmakers "look forward" to the hearing.',
    ]})
    q = framing.quotes(corpus).set_index("doc_id")
    assert (q.loc["a", "kind"], q.loc["a", "speaker"]) == ("direct", "One member")
    assert (q.loc["b", "kind"], q.loc["b", "speaker"]) == ("direct", "officials")
    # "lawmakers" is the subject of what Schiff said, not an inverted speaker
    assert q.loc["c", "speaker"] != "lawmakers"


@pytest.mark.parametrize("text", [
    "Eric Garcetti is the mayor of Los Angeles. The views expressed in this commentary are his own.",
    "That said, the study was small.",
    "As noted, Judge Kavanaugh was not on the panel.",
    "The strikes killed an estimated 200 fighters.",
])
def test_reporting_words_that_report_no_one(text):
    out = attributions(text)
    assert not out["verb"].str.lower().isin(["expressed", "said", "noted", "estimated"]).any(), out[["verb"]]


def test_speech_whose_object_is_nothing_is_negated():
    out = attributions("They said nothing as robberies rose downtown. He said nothing was wrong with the plan.")
    assert out.sort_values("start")["negated"].tolist() == [True, False]
