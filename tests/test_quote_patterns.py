"""Speakers and kinds of quotations in the constructions news writing uses most, on sentences written for
these tests: the expected speaker and kind come from reading each sentence."""

from __future__ import annotations

import pytest

from framing.text.quotes import find_quotes


def quote(text: str, phrase: str, *, resolve_pronouns: bool = False):
    """The quote whose content starts with ``phrase``."""
    hits = [q for q in find_quotes(text, resolve_pronouns=resolve_pronouns) if text[q.start:q.end].startswith(phrase)]
    assert len(hits) == 1, (phrase, find_quotes(text, resolve_pronouns=resolve_pronouns))
    return hits[0]


# --------------------------------------------------------------------------- speakers

@pytest.mark.parametrize("text, phrase, speaker", [
    # a verb after a partial quote without a comma, then a participle with a second quote
    ("The board met twice.\n\nThis was \"a budget decision\" said Mrs Okafor, adding that it is "
     "\"not meant to punish anyone\".", "not meant", "Mrs Okafor"),
    # a long appositive holding initials and abbreviations
    ("Critics were few, though Dana Whitlow, aide to former Gov. John Q. Adams, said that the "
     "\"timing was terrible.\"", "timing", "Dana Whitlow"),
    # a verb with a that-clause governs the clause that holds the quote
    ("The county police previously tweeted that deputies responded at noon to a \"report of smoke in a classroom.\"",
     "report of smoke", "The county police"),
    # a description first, then the name, then the verb
    ("The ferry’s chief engineer, Lt. Maria Olsen, told the inquiry that the pump was “unreliable.”",
     "unreliable", "Lt. Maria Olsen"),
    # a relative clause between the speaker and the verb
    ("On state television, the announcer who usually reads the weather said the dam was a “heroic triumph.”",
     "heroic triumph", "the announcer"),
    # a name, an appositive with the committee it chairs, then "who"
    ("The host was joined by Sen. Ada Kimura, the ranking member on the Senate Budget Committee, who called "
     "the cuts “reckless.”", "reckless", "Sen. Ada Kimura"),
    # a company described by a relative "which"
    ("The loan came via Ohio-based Lendwell.com, which describes itself as “the friendliest lender in the state.”",
     "the friendliest", "Ohio-based Lendwell.com"),
    # a participle after a thing: the subject of its clause
    ("Aide Kim Dobbs told reporters the mayor had “full trust” in the chief, Mayor Tran put out a statement "
     "saying the city was “reviewing the matter.”",
     "reviewing", "Mayor Tran"),
    # a participle after people
    ("The clash was filmed by a bystander and caught two of the protesters saying “Go home now!” to the officers.",
     "Go home", "the protesters"),
    # "as X put it"
    ("The town wants to be treated — as Mayor Reyes and Council Chair Ito have put it — like “a normal neighbour.”",
     "a normal", "Mayor Reyes and Council Chair Ito"),
    # an introductory phrase before "Name, appositive, verb"
    ("With ten days to go, Lena Brandt, a senior adviser to the campaign, called the speech “a turning point.”",
     "a turning", "Lena Brandt"),
    # two roles joined by "and a" in one appositive
    ("Omar Haddad, director of the Lakeside Institute and a lecturer at the City College, said the rule was "
     "“a good start.”", "a good start", "Omar Haddad"),
    # a verb the manner list adds
    ("\"Soup, soup,\" Grandma Ines repeats, smiling at the nurse.", "Soup", "Grandma Ines"),
    # a number before the description of an inverted speaker
    ("“The bridge is not safe,” said 9/11 survivor Tom Becker.", "The bridge", "9/11 survivor Tom Becker"),
    # a quote that opens a sentence after a narrated sentence reporting its speaker
    ("The mayor may wait for the audit, Councilwoman Perez said. \"The other option is to close the pool now.\"",
     "The other option", "Councilwoman Perez"),
    # a headline credit after a heading's own colon
    ("(Read more on THE LEDGER: Jane Holt: \"No excuse\" for the delays at the port)", "No excuse", "Jane Holt"),
    # a possessive speaker is named without its ending
    ("For many observers, Ruiz’s stated readiness to discuss “disarmament” raised hopes.", "disarmament", "Ruiz"),
    # the subject of the clause after "but"
    ("Chancellor Weber spoke about the floods at length, but she seemed to dismiss the critics, blaming the "
     "\"chaos of the first night\" for the delay.", "chaos", "she"),
    # an adverb before a pronoun subject is no part of it
    ("The governor promised a quick exit, and now she says the troops will stay “as long as it takes.”",
     "as long", "she"),
    ("The governor promised a quick exit. Now she says the troops will stay “as long as it takes.”",
     "as long", "she"),
    # a participle after a clause with an opening phrase and an apposition: that clause's subject
    ("Testifying before the committee, Lena Brandt, the chief negotiator, was adamant, saying “there is no deal.”",
     "there is", "Lena Brandt"),
])
def test_speaker_as_written(text, phrase, speaker):
    q = quote(text, phrase)
    assert q.kind == "direct"
    assert q.speaker == speaker


def test_speaker_is_never_a_phrase_inside_a_quotation():
    text = "The board met twice.\n\nThis was \"a budget decision\" said Mrs Okafor, adding that it is \"not final\"."
    for q in find_quotes(text, resolve_pronouns=False):
        assert q.speaker is None or not any(o <= q.speaker_start < c for o, c in
                                            ((p.open_start, p.close_end) for p in find_quotes(text)))


def test_adverb_opening_a_sentence_does_not_stop_the_previous_speaker():
    text = ("\"He was home all night,\" Ms Lund said. \"Nobody came to the door.\" Furthermore, \"the dog never "
            "barked\" that evening.")
    assert quote(text, "the dog").speaker == "Ms Lund"


def test_so_called_is_not_a_speaker():
    text = "\"They make guns quieter,\" she said.\n\nSo-called mufflers do not remove \"the sound of a shot.\""
    q = quote(text, "the sound")
    assert q.speaker == "she"


# --------------------------------------------------------------------------- kinds

@pytest.mark.parametrize("text, phrase", [
    # a newspaper headline introduced by a colon
    ("The city’s largest daily greeted the mayor with this headline across its front page: “Resign or be fired?”",
     "Resign"),
    # an event the marchers staged
    ("Students staged \"sit-ins\" in the library on Friday.", "sit-ins"),
    # a term defined right after it
    ("The aim is a longer “warning window” — or the time a city has before the storm arrives.", "warning window"),
    # labels on a screen
    ("At her console, the pilot taps “Lower gear” and then confirms.", "Lower gear"),
])
def test_titles(text, phrase):
    assert quote(text, phrase).kind == "title"


def test_a_headline_that_is_someones_words_is_direct():
    text = ("The paper used one of the farmer’s quotes as its headline: “Finally. Somebody listened to us.” "
            "It ran on Monday.")
    assert quote(text, "Finally").kind == "direct"


@pytest.mark.parametrize("text, phrase, speaker", [
    # the subject acts through an infinitive after the copula
    ("Inspectors from the agency are due to travel to the plant \"soon\" to check the reactor.", "soon",
     "Inspectors from the agency"),
    # a phrase repeating words of an earlier quotation
    ("\"There is a quiet club of insiders in this office,\" the clerk said. Few believed her at first. Now the "
     "\"quiet club\" explains everything.", "quiet club", "the clerk"),
])
def test_short_phrases_with_a_source_are_direct(text, phrase, speaker):
    q = quote(text, phrase)
    assert q.kind == "direct"
    assert q.speaker == speaker


def test_scare_quote_without_a_source_stays_scare():
    text = "The museum opened a room for what the brochure never names, the “difficult” years."
    assert quote(text, "difficult").kind == "scare"
    text = "The lake is visible from the “scenic” car park on a clear day."
    assert quote(text, "scenic").kind == "scare"


def test_a_paragraph_continues_a_quotation_only_with_the_same_style_of_mark():
    text = ("\"Lena was asleep.\n\n“Wake up, love,” he said. “The band is on.”\n\n"
            "“I’ve waited all year for this,” Marta said.")
    contents = [text[q.start:q.end] for q in find_quotes(text)]
    assert "Wake up, love," in contents or "Wake up, love" in contents
    assert not any("Lena" in c and "Wake up" in c for c in contents)


def test_a_sentence_with_a_contracted_pronoun_is_no_title():
    text = "''We are nobody's charity,'' the mayor added. ''We're Springfield.''"
    q = quote(text, "We're Springfield")
    assert q.kind == "direct"


def test_a_role_noun_before_a_titled_name_after_the_quote():
    text = "\"Deadlines are not suggestions,\" panel Chairwoman Rep. Ruth Amadi (D-Ohio) said after the vote."
    q = quote(text, "Deadlines")
    assert (q.kind, q.speaker) == ("direct", "panel Chairwoman Rep. Ruth Amadi (D-Ohio)")


def test_a_subheading_in_single_marks_is_a_title():
    text = "The mine closed in May.\n\n'A Town Without Coal.'\n\nThe last shift ended at dawn."
    assert quote(text, "A Town Without Coal").kind == "title"


def test_marks_around_no_words_are_no_title():
    text = "He wrote “ ‘ ‘ ” on the wall."
    assert all(q.kind != "title" for q in find_quotes(text))


def test_a_relative_clause_inside_an_appositive_after_the_quote():
    text = ("\"This is a wakeup call,\" Lena Ortiz, the head of the Geneva-based Water Council, which has a "
            "network of stations to detect leaks, told reporters by phone.")
    assert quote(text, "This is").speaker == "Lena Ortiz"
