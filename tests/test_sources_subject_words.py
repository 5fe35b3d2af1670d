"""framing.sources: words that name no one are no speaker, and the speaker a sentence names is found past them.

A phrase of time that opens a sentence ("Three weeks ago,"), an adverb a verb phrase holds ("has so far denied"), a
hyphenated adjective ("a high-ranking official", "the so-called expert"), a possessive after the verb ("warned the
militants' next target") and a body's name with "for" in it ("The Center for American Progress study") were read as
the speaker or cut it short. Every sentence is written for these tests; the expected source, type and anonymity
are what a reader of the sentence codes by the codebook of the hand-coded gold (``../shared/gold/README.md``,
sources.jsonl) and the conventions of benchmarks/README.md (unnamed people are anonymous; a document with a named
author is coded as its author).
"""

from __future__ import annotations

from framing.measures._speakers import not_a_speaker
from sources_rows import row_at, side


def test_an_adverb_inside_the_verb_phrase_is_no_speaker():
    text = "Tehran has so far denied any role in the attack."
    row = row_at(text, text, "denied")
    assert row["source"] == "Tehran"
    assert row["source_type"] == "government" and side(row) == "Iran"


def test_a_phrase_of_time_opening_the_sentence_is_no_speaker():
    for text, cue, name in (
            ("Three weeks ago, the head of the agency, Ahmet Uzumcu, acknowledged that the deadline would slip.",
             "acknowledged", "Ahmet Uzumcu"),
            ("Last month, Iran's foreign minister, Javad Zarif, said the deal was dead.", "said", "Javad Zarif")):
        row = row_at(text, text, cue)
        assert row["source"] == name, text
        assert not row["anonymous"]


def test_words_of_time_alone_name_no_one():
    # a subject walk that ends on words of time, numbers or adverbs has found no speaker; people counted, a
    # quantifier standing for people and an article read with its noun phrase still are one
    for words, no_one in (("Three weeks ago", True), ("late Saturday", True), ("the weekend", True),
                          ("so far", True), ("however", True), ("000", True), ("the two", False), ("One", False),
                          ("Some", False), ("an", False), ("the Day", False), ("Theresa May", False)):
        assert not_a_speaker(words, (0, len(words))) is no_one, words


def test_a_hyphenated_adjective_stays_in_the_speaker_phrase():
    text = "He spent three months in jail, according to a high-ranking law enforcement official."
    row = row_at(text, text, "according to")
    assert row["source_mention"] == "a high-ranking law enforcement official"
    assert bool(row["anonymous"]) and row["source_type"] == "military_security"
    text = "“The plan cannot work,” said the so-called expert."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "the so-called expert"
    assert bool(row["anonymous"]) and row["source_type"] == "expert"


def test_a_possessive_after_the_verb_is_its_object_not_an_inverted_speaker():
    text = ("Senate Intelligence Committee Chairman Dianne Feinstein, D-Calif., on Friday warned the militants’ "
            "next target may be Baghdad.")
    row = row_at(text, text, "warned")
    assert row["source"] == "Dianne Feinstein"
    assert row["source_type"] == "politician" and not row["anonymous"]


def test_a_body_named_with_for_is_the_author_of_its_study():
    text = "The Center for American Progress study also shows an increase in guns used in homicides."
    row = row_at(text, text, "shows")
    assert row["source_mention"] == "The Center for American Progress study"
    assert row["source_type"] == "expert"


def test_a_president_of_a_body_with_a_second_role_is_of_the_body():
    # "president and director-counsel of" an advocacy fund: the body presided decides (other), not the state's
    # office of president (government)
    for text, name in (("“We are in a crisis,” said Sherrilyn Ifill, president and director-counsel of the NAACP Legal "
                        "Defense Fund.", "Sherrilyn Ifill"),
                       ("Wayne LaPierre, the executive vice president and public face of the National Rifle "
                        "Association, said guns save lives.", "Wayne LaPierre")):
        row = row_at(text, text, "said")
        assert row["source"] == name
        assert row["source_type"] == "other" and side(row) is None


def test_the_speaker_is_found_past_words_of_time_and_connectives():
    # "late Friday" between "and" and the verb; a connective opening the sentence's first phrase; an adverb of
    # manner before a progressive in a relative clause without "that"; a day after the participle a relative
    # pronoun's antecedent carries
    cases = (("Florida Gov. Rick Scott called the shooting a senseless act and late Friday said some of the injured "
              "were recovering.", "said", "Rick Scott"),
             ("However late Wednesday, House Foreign Affairs Chairwoman Ileana Ros-Lehtinen, R-Florida, indicated "
              "that Clinton will testify.", "indicated", "Ileana Ros-Lehtinen"),
             ("Trump described a ban, but the policy he is currently defending has no religious criteria.",
              "defending", "Trump"))
    for text, cue, name in cases:
        assert row_at(text, text, cue)["source"] == name, text
    text = "Yet the two-volume document delivered Thursday, which revealed 12 secret inquiries, was long."
    row = row_at(text, text, "revealed")
    assert row["source_mention"] == "the two-volume document" and row["source_type"] == "document"
