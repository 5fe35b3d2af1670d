"""Speakers of cues in clause shapes news writes often: unnamed people after an inverted verb, a date between a
relative pronoun and its verb, "among those who said", a predicate in a series, a participle right after a verb
of saying, "..., the Korea Times reports." and a sentence that opens with "Such".

Expected values come from reading the sentences, written for each shape.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def _corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": ["o"] * len(texts),
                         "date": ["2019-06-01"] * len(texts), "text": list(texts)})


def _speaker(text: str, verb: str, **options) -> str | None:
    table = framing.attributions(_corpus(text), **options)
    rows = table[table["verb"] == verb]
    assert len(rows) == 1, f"{verb!r} in {list(table['verb'])}"
    value = rows.iloc[0]["speaker"]
    return None if pd.isna(value) else value


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("The talks will resume next week, said officials.", "said", "officials"),
    ("The ban will fail, say experts.", "say", "experts"),
    ("The ban will fail, say experts familiar with the matter.", "say", "experts"),
    ("The ban will fail, said officials close to the talks.", "said", "officials"),
    ("It was a mistake, said people familiar with the talks.", "said", "people"),
    ("Nor were they present during the attacks, say their relatives and lawyers, who point to irregularities.",
     "say", "their relatives and lawyers"),
    ("The ban will fail, say analysts who follow the region.", "say", "analysts"),
    # the subject of what was said is no speaker
    ("The ban will fail, said lawmakers looking forward to the vote.", "said", None),
])
def test_unnamed_people_after_an_inverted_verb(text, verb, speaker):
    assert _speaker(text, verb) == speaker


@pytest.mark.parametrize("text", [
    "“The ban will fail,” say experts.",
    "“The ban will fail,” said critics.",
])
def test_unnamed_people_after_a_quotation(text):
    quotes = framing.quotes(_corpus(text))
    assert list(quotes["speaker"]) == [text.split("” ", 1)[1].split(" ", 1)[1].rstrip(".")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("It is a command, said Robert Gates at the ceremony.", "Robert Gates"),
    ("It is a command, said Robert Gates in a statement.", "Robert Gates"),
    ("It is a command, said Robert Gates on Monday.", "Robert Gates"),
    ("It is a command, said then-Defense Secretary Robert Gates at AFRICOM’s inaugural ceremony.",
     "then-Defense Secretary Robert Gates"),
    # a body's name keeps its own prepositions
    ("It is a command, said the Council on Foreign Relations in a report.", "the Council on Foreign Relations"),
])
def test_inverted_speaker_without_where_or_when(text, speaker):
    assert _speaker(text, "said") == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Hammond, who on Sept. 9 said Britain could accept Assad staying in place, changed his view.", "Hammond"),
    ("Hammond, who on March 3, 2019 said Britain could accept Assad, changed his view.", "Hammond"),
    ("Hammond, who in March 2019 said Britain could accept Assad, changed his view.", "Hammond"),
])
def test_a_date_between_the_relative_pronoun_and_its_verb(text, speaker):
    assert _speaker(text, "said") == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("However, Israeli opposition leader Shaul Mofaz was among those who said Wednesday night that the cease-fire "
     "had come too soon.", "said", "Israeli opposition leader Shaul Mofaz"),
    ("Mofaz was also among those who said it.", "said", "Mofaz"),
    ("Mofaz has been among those who have said it.", "said", "Mofaz"),
    ("The senator is among those who say the deal is bad.", "say", "The senator"),
])
def test_among_those_who_said(text, verb, speaker):
    assert _speaker(text, verb) == speaker


def test_those_who_said_alone_names_no_one():
    assert _speaker("Those who said it was wrong were fired.", "said") is None


@pytest.mark.parametrize(("verb", "speaker"), [("described", "Trump"), ("accused", "Trump"), ("called", "Trump")])
def test_a_predicate_in_a_series(verb, speaker):
    text = ("Trump has described Mueller’s investigation as a “witch hunt,” has accused the special counsel of "
            "conflicts of interest and has called it a hoax.")
    assert _speaker(text, verb) == speaker


def test_a_predicate_in_a_series_after_a_comma():
    text = "Iran has denied it, has accused the US of lying and has threatened to retaliate."
    assert _speaker(text, "accused") == "Iran"


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("She reacted angrily, calling it a disgrace.", "calling", "She"),
    ("Reporters asked him about it, and Trump responded by saying he was happy.", "saying", "Trump"),
])
def test_a_participle_after_a_verb_of_reacting_or_saying(text, verb, speaker):
    assert _speaker(text, verb) == speaker


def test_a_participle_right_after_a_verb_of_saying_before_a_quotation():
    quotes = framing.quotes(_corpus("Trump responded saying, “We’ll talk about that later.”"))
    assert list(quotes["speaker"]) == ["Trump"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The test took place Friday, the Korea Times reports.", "the Korea Times"),
    ("The attack killed five, NPR's Scott Horsley reports.", "NPR's Scott Horsley"),
    ("Five died. The Associated Press reports: the toll rose.", "The Associated Press"),
])
def test_reports_as_a_verb_after_a_name(text, speaker):
    assert _speaker(text, "reports") == speaker


@pytest.mark.parametrize("text", [
    "Media reports, however, said it was over.",
    "He denied the BBC reports.",
    "He denied the BBC reports about it.",
    "Local reports: five dead.",
])
def test_reports_as_a_noun_is_no_cue(text):
    table = framing.attributions(_corpus(text))
    assert "reports" not in set(table["verb"])


def test_citing_after_reports_goes_on_its_speaker():
    text = "The test took place Friday, Reuters reports, citing officials."
    assert _speaker(text, "citing") == "Reuters"
    # a subject of its own before the aside keeps it
    assert _speaker("Authorities, citing threats, have refused to comment.", "citing") == "Authorities"


def test_such_opening_a_sentence_names_no_one():
    text = "The report listed executions. Such abuses, it said, “may amount to crimes.”"
    assert list(framing.quotes(_corpus(text))["speaker"]) == ["The report"]


def test_unnamed_people_after_an_inverted_verb_are_anonymous_sources():
    table = framing.sources(_corpus("The talks will resume next week, said officials familiar with the talks."),
                            home="United States")
    row = table.iloc[0]
    assert row["source_mention"] == "officials"
    assert bool(row["anonymous"]) and row["source_type"] == "government"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Smith, the chief executive, said the company plans to expand.", "Smith"),
    ("Smith, the chief executive, said the company needs more money.", "Smith"),
    ("Smith, the chief executive, said the plan works.", "Smith"),
    ("Philip Van Cleave, president of the Virginia Citizens Defense League, said each case needs to be judged on "
     "its own merits.", "Philip Van Cleave"),
    ("Jones, 45, said the plan works.", "Jones"),
    # an inverted speaker after a clause stays one
    ("The ban will fail, said the minister.", "the minister"),
    ("The plan, in his view, is dead, said the minister.", "the minister"),
    ("The deal is dead, said the officials to reporters.", "the officials"),
])
def test_what_follows_a_subject_and_its_appositive_is_said_not_a_speaker(text, speaker):
    assert _speaker(text, "said") == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesman for the group -- a militant faction -- said that jihadists controlled the plant.",
     "A spokesman for the group"),
    ("The spokesman -- a militant -- said it was over.", "The spokesman"),
    ("The deal is dead -- said the minister.", "the minister"),
])
def test_a_dash_typed_as_two_hyphens(text, speaker):
    assert _speaker(text, "said") == speaker


def test_a_that_clause_after_a_quotation_is_no_speaker():
    text = ("The president, who once referred to the Islamic State as a “JV team,” also acknowledged that the "
            "militants advanced more rapidly than anyone predicted.")
    assert _speaker(text, "acknowledged") == "The president"


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a subject, an aside and a verb in the perfect: the subject, not a predicate in a series
    ("Newly appointed National Security Adviser Susan Rice, who worked for the State Department during Bill "
     "Clinton's presidency, has often expressed regret.", "expressed", "National Security Adviser Susan Rice"),
    ("Omar, one of the first Muslim women elected to Congress, has said she didn’t intend to minimize it.", "said",
     "Omar"),
    ("Mothers, flanked by other advocates, have asked companies to act.", "asked", "Mothers"),
    # a subject and an aside with no verb: what follows the verb is its object
    ("But Democrats, aided by a handful of Republicans, added the Dreamer provision in the committee last month.",
     "added", "Democrats"),
    ("The president is trying to work on solutions, said a person familiar with his thinking.", "said", "a person"),
])
def test_a_subject_and_its_aside_keep_the_verb(text, verb, speaker):
    assert _speaker(text, verb) == speaker


def test_people_in_a_quotation_is_no_antecedent_of_she():
    quotes = framing.quotes(_corpus("Maria Lopez spoke at the rally. “People have a lot of power too,” she said."))
    assert list(quotes["speaker"]) == ["Maria Lopez"]


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("The union -- the largest in the state -- has rejected the offer.", "rejected", "The union"),
    ("The union — the largest in the state — rejected the offer.", "rejected", "The union"),
    ("The union -- the largest in the state -- has rejected the offer, saying it was an insult.", "saying",
     "The union"),
])
def test_a_verb_after_an_aside_between_dashes(text, verb, speaker):
    assert _speaker(text, verb) == speaker


@pytest.mark.parametrize("text", [
    'He left. "We are done."  That said, it is scary.',
    "But let's keep going. Let's say that Iran breaks the restrictions.",
    "Let us say the deal fails.",
    "People might have a vision of an assault weapon — say, a semiautomatic rifle — but defining it is hard.",
])
def test_the_writers_own_say_reports_no_one(text):
    assert framing.attributions(_corpus(text)).empty


@pytest.mark.parametrize(("text", "speaker"), [
    # the body unnamed people or a name belong to stays with them
    ("The talks failed, said a diplomat at the Chinese embassy.", "a diplomat at the Chinese embassy"),
    ("The talks failed, said Nikolai Petrov at the Russian Academy of Sciences.",
     "Nikolai Petrov at the Russian Academy of Sciences"),
    # a capitalised word after the name is no "close" or "who"
    ("“It was a great night,” said actress Glenn Close.", "actress Glenn Close"),
    # a name whose body's name runs long keeps to the name
    ("The sanctions will bite, said Maria Lopez at the Center for Strategic and International Studies in "
     "Washington, who follows the region.", "Maria Lopez"),
])
def test_what_an_inverted_speaker_keeps(text, speaker):
    assert _speaker(text, "said") == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("Asked about the leak, Trump responded saying he knew nothing.", "saying", "Trump"),
    ("Pressed on the issue, the minister responded saying the talks were over.", "saying", "the minister"),
    ("Iran has denied it, has warned lawmakers to stay away.", "warned", "Iran"),
    ("Residents of the town, who are mostly farmers, say, however, that the water is unsafe.", "say",
     "Residents of the town"),
    ("Republicans, though, say, as they have for years, that taxes are too high.", "say", "Republicans"),
    ("For now, the Times reports, the administration has not decided.", "reports", "the Times"),
])
def test_what_the_new_shapes_leave_as_it_was(text, verb, speaker):
    assert _speaker(text, verb) == speaker


def test_not_among_those_who_say():
    assert _speaker("Sanders is not among those who say the deal is bad.", "say") != "Sanders"


@pytest.mark.parametrize("text", [
    "Pentagon reports, for example, show a rise in suicides.",
    "The investigation relied on court records, FBI reports, and interviews with witnesses.",
    "Amnesty International reports, published annually, track executions.",
    "It used police records, hospital data, UN reports.",
])
def test_reports_as_a_noun_after_a_name_is_no_cue(text):
    assert "reports" not in set(framing.attributions(_corpus(text))["verb"])


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a day before where it was said is no inverted speaker
    ("The plan will fail, Sen. Jane Roe, D-Ohio, said Sunday on CNN's “State of the Union.”", "said",
     "Sen. Jane Roe"),
    # a predicate in a series within what a verb reports goes on the reported clause's subject
    ("The mother told police that her son had stopped taking his pills, had talked about hurting himself.",
     "talked about", "her son"),
])
def test_a_day_and_a_reported_series(text, verb, speaker):
    assert _speaker(text, verb) == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # a participle between a determiner and its noun modifies the noun
    ("He fled the capital, according to the acting head of the police.", "according to",
     "the acting head of the police"),
    ("It would cost billions, according to a leading Australian researcher.", "according to",
     "a leading Australian researcher"),
    ("The police arrested him, according to an unsealed affidavit.", "according to", "an unsealed affidavit"),
    ("“I just shot everyone,” he said, according to a recording of the 911 call.", "according to",
     "a recording of the 911 call"),
    ("The deal is dead, said the alleged gunman.", "said", "the alleged gunman"),
    # a subject and its verb stay apart
    ("The group warned that it failed.", "warned", "The group"),
])
def test_a_participle_that_modifies_its_noun(text, verb, speaker):
    assert _speaker(text, verb) == speaker


@pytest.mark.parametrize("text", [
    "It would change much if you changed the definition to, say, three victims or more.",
    "It will not, say, kill an Iranian general without calling first.",
    "Officials were more likely to sympathize with, say, farmers than with bankers.",
])
def test_say_for_an_instance_reports_no_one(text):
    assert "say" not in set(framing.attributions(_corpus(text))["verb"])


@pytest.mark.parametrize(("text", "speaker"), [
    # a description with a possessive is still an aside
    ("Ravi Kumar, general secretary of the All India Bank Employees' Association, said the proposed merger would "
     "cost jobs.", "Ravi Kumar"),
    # a named speaker keeps the body a long name gives
    ("The gunman was shot twice, said Maria Lopez of the Texas Department of Public Safety, citing autopsy results.",
     "Maria Lopez of the Texas Department of Public Safety"),
])
def test_a_long_description_and_a_long_body(text, speaker):
    assert _speaker(text, "said") == speaker


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    # unnamed people without where they spoke; a name without where or in what
    ("The talks failed, said witnesses at the scene.", "said", "witnesses"),
    ("The deal is dead, say analysts in the region.", "say", "analysts"),
    ("The talks failed, said the ministry in a statement on Tuesday.", "said", "the ministry"),
    ("The talks failed, said Putin at a news conference in Moscow.", "said", "Putin"),
    # a determiner that stands alone is the subject, not a participle's
    ("Many accused Trump of lying, saying the deal was dead.", "saying", "Many"),
    # the series after a verb that has the same auxiliary as the series
    ("Trump has insisted that the investigation is a hoax, has accused Mueller of bias.", "accused", "Trump"),
    # a short clause before "reports"; a clause after it
    ("Dozens died, Reuters reports.", "reports", "Reuters"),
    ("Casualties were heavy, Haaretz reports, but the army denied it.", "reports", "Haaretz"),
])
def test_the_second_reading_of_the_later_rules(text, verb, speaker):
    assert _speaker(text, verb) == speaker


@pytest.mark.parametrize("text", [
    "Cut spending — say, by 20 percent — and see what happens.",
    "A small shift in votes, say, in Florida, would decide the race.",
])
def test_say_before_an_example_reports_no_one(text):
    assert "say" not in set(framing.attributions(_corpus(text))["verb"])
