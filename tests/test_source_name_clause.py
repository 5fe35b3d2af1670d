"""A speaker's name ends where its clause goes on: a verb, an adverb or a time written after the name is no word of
the source ("Trump broke his silence ..., claiming" is Trump, "Macron meanwhile used his address ..., rejecting" is
Macron), while a noun the name modifies stays ("Pentagon officials said", "Trump allies say"). A phrase that ends in
a subject pronoun right before its verb ("Earlier he’d said", "The next day she repeated her call, noting") is the
pronoun; one whose pronoun opens a clause about the phrase is not ("Emails she sent show").

Expected values come from reading the sentences, written for each shape.
"""

from __future__ import annotations

import pytest
from sources_rows import verb_row as _row


@pytest.mark.parametrize(("text", "verb", "mention", "source"), [
    # a past form after the name
    ("Governor Ana Ruiz was silent for a week. Ruiz broke her silence on Friday, calling the audit “a sham” and "
     "claiming she had been vindicated.", "claiming", "Ruiz", "Ana Ruiz"),
    ("Senator Tom Beck visited the base. Beck dug in his heels after the vote, announcing he would not resign.",
     "announcing", "Beck", "Tom Beck"),
    ("Police chief Dana Kohl spoke to residents. Kohl left the meeting early, warning that the curfew would stay.",
     "warning", "Kohl", "Dana Kohl"),
    # a verb in -s that the cue lexicon lists, or whose object follows it
    ("Analyst Mark Voss studies the region. Voss downplays the risk, saying the border is calm.", "saying",
     "Voss", "Mark Voss"),
    ("Shawn Gowder, a veteran, lives in Auburn. As a veteran, Mr. Gowder values his right to carry but says the "
     "cost of a license is too high.", "says", "Mr. Gowder", "Shawn Gowder"),
    # an adverb after the name
    ("President Emmanuel Macron spoke next. Macron meanwhile used his own address to defend the accord, rejecting "
     "the appeal for new sanctions.", "rejecting", "Macron", "Emmanuel Macron"),
    # a time after the name
    ("Boeing builds jets in Seattle. Boeing on Monday grounded the fleet, saying safety came first.", "saying",
     "Boeing", "Boeing"),
    ("Prime Minister Shinzo Abe met the envoy. Abe on Friday repeated that talks must go on, adding that the "
     "deadline was firm.", "adding", "Abe", "Shinzo Abe"),
    ("Prime Minister Ravi Shah addressed parliament. Shah in recent months has threatened new tariffs, while asking "
     "the court to rule quickly.", "asking", "Shah", "Ravi Shah"),
])
def test_name_ends_before_the_clause(text, verb, mention, source):
    row = _row(text, verb)
    assert row["source_mention"] == mention
    assert row["source"] == source
    assert row["source_type"] != "unknown"


@pytest.mark.parametrize(("text", "verb", "mention"), [
    # a noun the name modifies is the head of the phrase
    ("Trump allies say the report cleared him.", "say", "Trump allies"),
    ("Pentagon officials said the drill was routine.", "said", "Pentagon officials"),
    ("Hamas fighters claimed the attack on Sunday.", "claimed", "Hamas fighters"),
    ("Trump advocates say the wall will be built.", "say", "Trump advocates"),
    # "of" with a body's name is part of it
    ("The Council on Foreign Relations said the sanctions would fail.", "said", "The Council on Foreign Relations"),
    # a quantifier after the noun is no object of a verb ("each")
    ("Donald Trump spoke. Trump loyalists each took turns attacking the report, calling it a hoax.", "calling",
     "Trump loyalists"),
    # "left" is a verb only before an object
    ("Israel held an election. Israeli left leaders conceded defeat, saying the count was fair.", "saying",
     "Israeli left leaders"),
    # a noun of the lexicon that is also a verb of saying
    ("The Congressional Budget Office reviewed the bill. CBO estimates suggest the plan would cost more.", "suggest",
     "CBO estimates"),
    # a pronoun that is not the cue's subject: "Emails [she sent] show"
    ("The paper obtained the files. Emails she sent show the deal was done in May.", "show", "Emails she"),
    # a capitalised word that opens a sentence is no name ("More", "Seconds")
    ("President Ana Ruiz spoke first. More recently Ruiz said the talks had stalled.", "said", "Ruiz"),
])
def test_a_noun_after_the_name_stays(text, verb, mention):
    assert _row(text, verb)["source_mention"] == mention


def test_what_follows_a_verb_of_saying_keeps_its_own_cue():
    # "show" is said by the studies, not by Lane: a document, as the codebook codes an unnamed study
    text = "The group's head Wayne Lane spoke to reporters. Lane said studies show that guns deter crime."
    row = _row(text, "show")
    assert row["source_type"] == "document"
    assert row["source"] != "Wayne Lane"


def test_a_verb_in_s_after_a_country():
    text = "Iran denies the charge. President Hassan Rouhani spoke. Tehran insists the program is peaceful, adding " \
           "that inspectors are welcome."
    row = _row(text, "adding")
    assert row["source_mention"] == "Tehran"
    assert row["source_type"] == "government"
    assert row["affiliation"] == "Iran"


@pytest.mark.parametrize(("text", "verb", "mention", "source"), [
    # after an opening word, a contracted auxiliary
    ("Special counsel Robert Mueller testified for hours. “They’re doing it as we sit here,” Mueller told "
     "lawmakers. Earlier he’d said the report did not clear the president.", "said", "he’d", "Robert Mueller"),
    # a participle after the pronoun's clause
    ("Senator Dana Roe spoke on Monday. The next day she repeated her call for a recount, noting that the margin "
     "was thin.", "noting", "she", "Dana Roe"),
    # a participle after "by"
    ("The pollster Ann Weiss wrote the survey. Instead she followed up by asking how people felt.",
     "asking", "she", "Ann Weiss"),
])
def test_pronoun_subject_of_a_later_verb(text, verb, mention, source):
    row = _row(text, verb)
    assert (row["source_mention"], row["source"]) == (mention, source)
