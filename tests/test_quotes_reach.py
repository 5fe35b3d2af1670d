"""Quote kinds and spans on sentences written for these tests: phrases whose source is in reach, titles
in lists and after policy nouns, quotations nested in the same marks, quoted sentences that are no titles."""

from __future__ import annotations

import pytest

from framing.text.quotes import find_quotes
from framing.text.voice import voice_spans


def only(text: str, phrase: str):
    """The quote whose content starts with ``phrase``."""
    hits = [q for q in find_quotes(text) if text[q.start:q.end].startswith(phrase)]
    assert len(hits) == 1, (phrase, find_quotes(text))
    return hits[0]


@pytest.mark.parametrize("text, phrase, speaker", [
    ("For our Elders, who had lived through two wars, peace was the “only real wealth” they knew.",
     "only real wealth", "our Elders"),
    ("To the Kremlin, the new sanctions are “economic war” by other means.", "economic war", "the Kremlin"),
])
def test_the_view_of_a_named_party_after_a_determiner_is_direct(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_for_a_time_is_no_source():
    text = "For the moment, the “ceasefire” holds along the river."
    assert only(text, "ceasefire").kind == "scare"


@pytest.mark.parametrize("text, phrase", [
    ("The budget deal led to the implementation of “sequestration” two years later.", "sequestration"),
    ("Activists had fought for the repeal of “don't ask, don't tell” for a decade.", "don't ask"),
    ("After the passage of “Proposition 8” the court heard new cases.", "Proposition 8"),
])
def test_a_quoted_policy_after_implementation_or_repeal_is_a_title(text, phrase):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("title", None)
    assert {v for _, _, v in voice_spans(text)} == {"narrator"}


def test_the_next_item_of_a_list_of_quoted_labels_is_a_title():
    text = "To reset the panel, the operator presses: 1. “MAIN MENU” 2. “Confirm” and waits for the light."
    assert only(text, "MAIN MENU").kind == "title"
    assert only(text, "Confirm").kind == "title"


def test_a_sentence_after_a_quoted_title_is_no_list_item():
    text = "He wrote “Broken Promises” and “We lost everything.” in the same year, his editor said."
    assert only(text, "We lost").kind == "direct"


def test_a_phrase_repeating_a_block_quotation_is_its_sources():
    text = ("The rule is short. Article 12 of the charter states:\n\n"
            "Members may suspend any programme that the council finds not indispensable to public health.\n\n"
            "The article gives the council a free hand. A programme must be “indispensable” before it can stay.")
    q = only(text, "indispensable")
    assert (q.kind, q.speaker) == ("direct", "Article 12 of the charter")


def test_a_phrase_found_in_a_narrated_paragraph_stays_scare():
    text = ("The council met on Monday:\n\n"
            "Members argued about which programmes were indispensable to public health.\n\n"
            "In the end, a programme had to be “indispensable” before it could stay.")
    # the paragraph after the colon is narration (no one states it), so its words are nobody's
    assert only(text, "indispensable").kind == "scare"


def test_a_quotation_nested_in_the_same_curly_marks_stays_inside():
    text = ("“As a nurse, I would rather work in what he calls “chaos” than in a ward run by him.” ― Ana Ruiz\n"
            "“Next one,” she said.")
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "As a nurse, I would rather work in what he calls “chaos” than in a ward run by him.", "Next one,"]
    assert quotes[0].speaker == "Ana Ruiz"
    # an opening mark that is never closed still ends at the next opening mark
    text = "He said “the first never closes and then “a second one” ends the line."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["the first never closes and then", "a second one"]


def test_two_quoted_sentences_are_no_title():
    text = "“Here comes the Boss,” she said, laughing. “The Champion. The Boss.”"
    q = only(text, "The Champion")
    assert (q.kind, q.speaker) == ("direct", "she")


@pytest.mark.parametrize("text, phrase, speaker", [
    ("The vote was close.\n\n“Enough is enough,” said former Vice President Ann Cole. “We act now.”",
     "Enough is enough", "former Vice President Ann Cole"),
    ("The city logged fewer thefts.\n\n“Simply remarkable,” said de Villiers, who runs the force.",
     "Simply remarkable", "de Villiers"),
    ("The mayor posted a picture. “Pack up and go home!” wrote state Sen. Rosa Park of Dayton.",
     "Pack up", "state Sen. Rosa Park of Dayton"),
    ("Few analysts agreed. “The data are plain,” economists Lena Ruiz and Tom Berg write in a new paper.",
     "The data are plain", "Tom Berg"),
])
def test_a_short_quoted_sentence_with_its_speaker_after_it_is_direct(text, phrase, speaker):
    q = only(text, phrase)
    assert q.kind == "direct" and q.speaker.endswith(speaker)
    assert q.verb in ("said", "wrote", "write")


def test_an_inverted_verb_before_a_time_names_no_one():
    text = "“We will win,” said late Tuesday the campaign's manager."
    assert only(text, "We will win").speaker != "late Tuesday"


@pytest.mark.parametrize("text, phrase, speaker", [
    ("The guards beat prisoners.\n\nAccording to Mr. Onu, women were “taken away” after dark.", "taken away", "Mr. Onu"),
    ("The audit found that the “core controls of the bank” had “known gaps” for years.", "known gaps", "The audit"),
])
def test_a_phrase_from_a_named_document_or_an_according_to_source_is_direct(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Maria Lopez Speaks ‘Plainly To Her Party’ After The Vote\n\nThe senator spoke on Tuesday.",
     "Plainly To Her Party", "Maria Lopez"),
    ("MAYOR CLAIMS THE COUNCIL MEMBERS 'ARE AFRAID OF THE TRUTH'\n\nThe mayor spoke on Tuesday.",
     "ARE AFRAID", "MAYOR"),
    ("The results came in late.\n\n'I read the map wrong': Pilot Jan deVries apologizes for detour\n\nThe airline said more.",
     "I read the map wrong", "Pilot Jan deVries"),
])
def test_a_quote_in_a_headline_takes_the_name_next_to_its_verb(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_a_headline_quote_without_a_verb_of_saying_names_no_one():
    text = "The results came in late.\n\n'A long night': Storm cleanup drags on\n\nCrews worked for hours."
    assert only(text, "A long night").speaker is None


@pytest.mark.parametrize("text, phrase, speaker", [
    ("The aide was called a “paper tiger” by another guest at the dinner.", "paper tiger", "another guest"),
    ("The raids were described as “surgical” by the ministry. The next day was calm.", "surgical", "the ministry"),
    ("The bill was branded “reckless” by Gov. Ann Lee on Friday.", "reckless", "Gov. Ann Lee"),
])
def test_a_passive_label_takes_its_by_agent_as_speaker(text, phrase, speaker):
    q = only(text, phrase)
    assert (q.kind, q.speaker) == ("direct", speaker)


def test_a_passive_label_without_an_agent_stays_scare():
    text = "The aide was called a “paper tiger” at the dinner."
    assert only(text, "paper tiger").kind == "scare"


def test_a_progressive_verb_of_saying_keeps_its_subject():
    text = "The two ministers were insisting that the talks had made “real progress” overnight."
    q = only(text, "real progress")
    assert (q.kind, q.speaker) == ("direct", "The two ministers")


def test_a_progressive_verb_in_a_relative_clause_is_not_the_quotes():
    text = ("The report disputed the claims, saying she had seen the cases about which she was alleging "
            "fraud and that she had “no direct knowledge” of the rest.")
    assert only(text, "no direct knowledge").speaker == "The report"


def test_no_speaker_is_read_after_a_verb_that_follows_an_auxiliary():
    text = "In the end “nobody” has claimed the reward money."
    assert only(text, "nobody").speaker != "the reward money"


def test_a_quote_in_the_next_paragraph_is_no_item_of_a_list_of_titles():
    text = ('A photo on his page had the caption: "Harbour at dawn 2014."\n\n'
            '"I cannot see the coast," Ito wrote in his last post.')
    q = only(text, "I cannot see the coast")
    assert (q.kind, q.speaker) == ("direct", "Ito")


def test_a_capitalised_may_before_a_verb_of_saying_is_a_name():
    text = "On Friday, May announced new measures against “corrupt elites” in the capital."
    assert only(text, "corrupt elites").speaker == "May"
    text = "In May officials said the “new rules” would start soon."
    assert only(text, "new rules").speaker == "officials"


@pytest.mark.parametrize("text, phrase", [
    ("Body text.\n\nMAYOR BACKS THE STRIKERS OF THE PORT, SAYING THE 'CITY IS LISTENING'\n\nMore text.", "CITY IS"),
    ("Body text.\n\nWHAT THE MAYOR REALLY MEANS WHEN CALLING FOR ‘RENEWAL’\n\nMore text.", "RENEWAL"),
    ("Body text.\n\n'Night of Lies': Ross Breaks Down the 2020 Count\n\nMore text.", "Night of Lies"),
])
def test_a_headline_names_no_speaker_without_a_name_before_or_after_its_verb(text, phrase):
    assert only(text, phrase).speaker is None


def test_a_headline_takes_the_name_of_an_earlier_verb():
    text = "Body text.\n\nMAYOR RESPONDS TO THE STRIKE, SAYS IT'S TIME TO 'MOVE ON'\n\nMore text."
    assert only(text, "MOVE ON").speaker == "MAYOR"


def test_a_noun_after_a_preposition_is_no_subject_of_a_progressive_verb():
    text = "The press ran it.\n\n“Abolition” groups have for years been condemning what they call abuse."
    assert only(text, "Abolition").speaker != "years"


def test_a_title_head_one_word_after_the_quote():
    text = "Some senators are pushing for “red flag” gun laws this year."
    assert only(text, "red flag").kind == "title"
    # a preposition after the marks, or a describing word before a policy, makes no title
    text = "The plan was drafted in “short order” after protests over the film."
    assert only(text, "short order").kind != "title"
    text = "Aides contrasted it with the more “globalist” foreign policy of the last government."
    assert only(text, "globalist").kind != "title"
