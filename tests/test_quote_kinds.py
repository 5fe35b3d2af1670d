"""Quote kinds (direct, scare, title), speakers and speaker names on sentences written for these tests."""

from __future__ import annotations

import importlib.resources

import pandas as pd
import pytest
import yaml

import framing
from framing import schema
from framing.text.quotes import REPORTING_VERBS, find_quotes, speaker_name
from framing.text.voice import voice_spans


def only(text: str, phrase: str):
    """The quote whose content starts with ``phrase``."""
    hits = [q for q in find_quotes(text) if text[q.start:q.end].startswith(phrase)]
    assert len(hits) == 1, (phrase, find_quotes(text))
    return hits[0]


# --------------------------------------------------------------------------- kinds

@pytest.mark.parametrize("text, phrase", [
    ("The senator appeared on “Meet the Press” to defend the plan.", "Meet the Press"),
    ("Twelve states have passed “red flag” laws since the shooting.", "red flag"),
    ("The loophole, known as the “Charleston Loophole,” lets sales go ahead.", "Charleston Loophole"),
    ("Protesters chanted slogans and posted under “#NoWar” all week.", "#NoWar"),
    ("Few readers know that the term “quisling” comes from a Norwegian officer.", "quisling"),
    ("Marchers answered with chants of “No justice, no peace” outside the court.", "No justice"),
    ("The tenor gave an interview on “Newsnight” before the concert.", "Newsnight"),
])
def test_titles_are_their_own_kind_and_narrator_voice(text, phrase):
    q = only(text, phrase)
    assert (q.kind, q.speaker, q.verb) == ("title", None, None)
    assert {v for _, _, v in voice_spans(text)} == {"narrator"}


@pytest.mark.parametrize("text, phrase", [
    ("The rebels retreated from their self-declared “capital” in the north.", "capital"),
    ("The so-called “reform” left most of the old rules in place.", "reform"),
    ("The outage followed what were initially described as “routine repairs.”", "routine repairs"),
    ("The harbour is now essentially a “parking lot” for idle ships.", "parking lot"),
    ("Four “entities” will also be placed under the new sanctions.", "entities"),
])
def test_scare_quotes_have_no_source_in_reach(text, phrase):
    q = only(text, phrase)
    assert (q.kind, q.speaker, q.verb) == ("scare", None, None)
    a, b, v = next(s for s in voice_spans(text) if s[0] == q.open_start)
    assert v == "scare_quote"


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Governor Alma Reyes accused the company of “reckless greed” in the spill.", "reckless greed", "Governor Alma Reyes"),
    ("The mayor referred to the budget as a “total mess” during the meeting.", "total mess", "The mayor"),
    ("Dr. Ken Obi used the words “deeply troubling” about the findings.", "deeply troubling", "Dr. Ken Obi"),
    ("The union criticized “the endless delays” at the plant.", "the endless delays", "The union"),
    ("Senator Ivo Mares has used the phrase “quiet surrender” all week.", "quiet surrender", "Senator Ivo Mares"),
])
def test_short_phrase_of_a_named_subject_is_direct(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_short_phrase_takes_a_speaker_from_the_previous_sentence():
    text = ("The ferry was late, the harbour master said. Then the ferry hit “rough water” near the cape.")
    q = only(text, "rough water")
    assert (q.kind, q.speaker) == ("direct", "the harbour master")


def test_quoted_markup_attributes_are_no_quotes():
    text = ('<blockquote class="twitter-tweet" data-lang="en"><p lang="en">We will win</p></blockquote>\n'
            'The minister said “we will win” at the rally.')
    found = find_quotes(text)
    assert [text[q.start:q.end] for q in found] == ["we will win"]
    assert found[0].speaker == "The minister"


# --------------------------------------------------------------------------- speakers

@pytest.mark.parametrize("text, phrase, speaker", [
    ("Ana Lind, Harbor Gazette: “The council has lost its way.”", "The council", "Ana Lind"),
    ("Okafor: Council must ‘stop the delays’ now\n\nThe vote is on Monday.", "stop the delays", "Okafor"),
    ("“We will rebuild,” said spokesman Tomas Varga on Tuesday.", "We will rebuild", "spokesman Tomas Varga"),
    ("“Is anyone listening?” asked Mira Costa, a nurse.", "Is anyone listening", "Mira Costa"),
    ("“What a night!” gushed Lena Park after the show.", "What a night", "Lena Park"),
    ("“Please, reopen the bridge,” implored Omar Haddad.", "Please, reopen", "Omar Haddad"),
    ("“This is an outrage,” fumed Carla Mendes.", "This is an outrage", "Carla Mendes"),
    ("“Not so fast,” interjected Judge Ruth Tan.", "Not so fast", "Judge Ruth Tan"),
    ("Paul Gray, who ran the county water board for eleven years before retiring to the coast last spring, "
     "said: “The pipes are older than anyone admits.”", "The pipes", "Paul Gray"),
])
def test_speaker_patterns(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_new_speaker_is_not_overridden_by_the_previous_one():
    text = ("“We are ready,” Ines Ruiz said. “The talks are over.” "
            "Karl Berg responded, “We are not ready at all.”")
    first, second, third = find_quotes(text)
    assert first.speaker == second.speaker == "Ines Ruiz"
    assert third.speaker == "Karl Berg"


def test_speaker_is_never_inside_a_quote_nor_a_function_word():
    text = "“The plan,” the report said, “will fail.” It added that “costs will double.”"
    for q in find_quotes(text):
        if q.speaker is not None:
            assert q.speaker_start is not None
            assert not any(o.open_start <= q.speaker_start < o.close_end for o in find_quotes(text))
            assert q.speaker.lower() not in {"the", "a", "his", "her", "to", "of"}


def test_reporting_verbs_are_the_attribution_lexicon():
    source = importlib.resources.files("framing.lexicons") / "attribution.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    one_word = {t for c in data["categories"].values() for t in c["terms"] if isinstance(t, str) and " " not in t}
    for verb in ("gushed", "implored", "fumed", "interjected", "responded", "asked"):
        assert verb in one_word and verb in REPORTING_VERBS
    # every verb of the lexicon attributes a quotation, except the nouns it lists ("claims", "denial")
    assert len(one_word - REPORTING_VERBS) <= 15


# --------------------------------------------------------------------------- speaker names

@pytest.mark.parametrize("written, name", [
    ("Sen. Marco Diaz", "Marco Diaz"),
    ("spokesman John Kirby", "John Kirby"),
    ("the city's water expert Ann Holt", "Ann Holt"),
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
    ("the ministry", "the ministry"),
    ("Chile's Foreign Ministry", "Chile's Foreign Ministry"),
    ("he", "he"),
    (None, None),
])
def test_speaker_name_strips_titles_and_keeps_case(written, name):
    assert speaker_name(written) == name


def test_speaker_name_column_resolves_pronouns():
    text = ("Mayor Dana Whitfield opened the bridge on Monday. “It took ten years,” she said.\n\n"
            "“We did it,” she added.")
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    table = framing.quotes(corpus, resolve_pronouns=False)
    assert "speaker_name" in table.columns
    assert list(table["speaker"]) == ["she", "she"]
    resolved = framing.quotes(corpus)
    assert list(resolved["speaker_name"]) == ["Dana Whitfield", "Dana Whitfield"]
    assert set(resolved["kind"]) <= set(schema.QUOTE_KINDS)


# --------------------------------------------------------------------------- reported clauses and subjects

@pytest.mark.parametrize("text, phrase, speaker", [
    # an earlier verb of saying governs the clause: the words are the subject's, not the inner subject's
    ("The ministry said the two envoys had agreed “to resume talks by June” after a long night.",
     "to resume talks", "The ministry"),
    # ... but a labelling verb gives the label to its own subject ("it", resolved to Peru)
    ("Chile said Monday that Peru shelled what it called “rebel bases” on the border.", "rebel bases", "Peru"),
    # a title's period does not end the reporting clause after a question
    ("The hall went quiet.\n\n“Are you sure?” Mr. Varga said to the chair.", "Are you sure", "Mr. Varga"),
    # the view of a person named in an opening "For X,"
    ("For Okonkwo, the treaty was a “historic mistake” from the start.", "historic mistake", "Okonkwo"),
    # the subject's clause ends at "that": what follows does not block the attribution
    ("Ruiz knows that there will be a “second wave” if nothing changes.", "second wave", "Ruiz"),
    # a relative clause: the name it is about speaks
    ("The edits did not satisfy Lena Ortiz, who wrote back, “These changes solve nothing.”", "These changes",
     "Lena Ortiz"),
    # a phrase holding a quotation is never the speaker of the next one
    ("Ames said that the mayor's “plan for roads” was “reckless.”", "reckless", "Ames"),
])
def test_reported_clauses(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


@pytest.mark.parametrize("text, phrase", [
    # a dateline in capitals, a day or an adverb opening the sentence is not a source
    ("LOS ALTOS — Heavy rain hit the “flood zone” overnight.", "flood zone"),
    ("Conversely, the vote count showed a “narrow gap” in the north.", "narrow gap"),
])
def test_datelines_days_and_adverbs_are_not_speakers(text, phrase):
    q = only(text, phrase)
    assert q.speaker is None or q.speaker.split()[0] not in ("LOS", "Conversely")


def test_reporting_verb_right_before_a_capitalised_phrase_keeps_it_direct():
    text = "He ran from the car shouting “Long Live Freedom” at the guards."
    q = only(text, "Long Live Freedom")
    assert q.kind == "direct"


def test_a_pronoun_refers_to_a_lone_surname_already_quoted():
    text = ("“The law is clear,” Okafor told reporters on Monday.\n\n"
            "The court meets again next week.\n\nThe hearing drew a crowd of about 200 people.\n\n"
            "The room was cold.\n\nThe lights were dim.\n\n“We will appeal,” he said.")
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    assert list(framing.quotes(corpus)["speaker_name"]) == ["Okafor", "Okafor"]


def test_speaker_name_stops_before_the_outlet():
    assert speaker_name("Cameron Ellis for Morning Post") == "Cameron Ellis"
