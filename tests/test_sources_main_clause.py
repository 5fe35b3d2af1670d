"""framing.sources: the speaker of a participle (", saying") or of a coordinated verb ("... and accused") is the
subject of the clause it goes on, past asides, opening phrases and quotations in between.

Every sentence here is written for these tests; the expected source is the one a reader names.
"""

from __future__ import annotations

import pytest

from framing.text.grammar import main_subject, tokenize
import framing
from sources_rows import corpus, row_at


@pytest.mark.parametrize("text, cue, who", [
    # an aside between commas after the subject
    ("The Taliban, at their strongest in twenty years, have refused to negotiate with the government, calling "
     "it a puppet.", "calling", "The Taliban"),
    # an opening participial phrase and an apposition
    ("Testifying before the committee last month, Wendy Sherman, the administration's chief negotiator, was even "
     "more adamant, saying the talks were over.", "saying", "Wendy Sherman"),
    # an ampersand inside a name
    ("Standard & Poor's downgraded the rating on Friday, saying a default was likely.", "saying", "Standard & Poor"),
    # an adverb between the subject and its verb; a quoted phrase before the participle
    ("Mr. Obama also asked Congress to act on what he called “the threat of cyberattacks,” warning that the risks "
     "were rising.", "warning", "Mr. Obama"),
    # the clause after "whereupon" is the one the participle goes on
    ("Many students ran, whereupon the gunmen started shooting, saying they would spare no one.", "saying",
     "the gunmen"),
    # a dash aside
    ("The union -- the largest in the state -- has rejected the offer, saying it was an insult.", "saying",
     "The union"),
    # a prepositional phrase inside the subject; an earlier clause is not the one the participle goes on
    ("After the mayor fired the chief, officials in that province wrote a letter accusing him of fraud.",
     "accusing", "officials"),
])
def test_a_participle_speaks_for_the_subject_of_its_clause(text, cue, who):
    row = row_at(text, text, cue)
    assert row["source_mention"] == who, row[["source_mention", "source"]].tolist()


def test_a_coordinated_verb_after_quoted_objects_keeps_the_first_subject():
    text = ("After Barr released his letter, Trump claimed “total exoneration,” condemned “an illegal takedown” and "
            "accused his enemies of treason.")
    row = row_at(text, text, "accused")
    assert row["source_mention"] == "Trump"


@pytest.mark.parametrize("text, cue, who", [
    # the speaker of the reporting verb before goes on (unchanged)
    ("“The plan failed,” Senator Jane Roe said, adding that she was angry.", "adding", "Jane Roe"),
    ("Jane Roe told reporters the plan failed, adding that she was angry.", "adding", "Jane Roe"),
])
def test_a_participle_after_a_reporting_verb_keeps_its_speaker(text, cue, who):
    row = row_at(text, text, cue)
    assert who in (row["source_mention"] or "")


@pytest.mark.parametrize("clause, subject", [
    ("The council, which met on Monday, voted against the plan", "The council"),
    ("In a statement on Friday, the ministry rejected the report", "the ministry"),
    ("Even the group -- long a critic -- has praised it", "the group"),
])
def test_main_subject(clause, subject):
    toks = tokenize(clause)
    got = main_subject(toks, 0, len(toks))
    assert got is not None and clause[toks[got[0]].start:toks[got[1]].end] == subject


@pytest.mark.parametrize("clause", [
    "In the hours after the attack",  # no finite verb: no clause to go on
    "The talks in Geneva",
])
def test_no_main_subject_without_a_finite_verb(clause):
    toks = tokenize(clause)
    assert main_subject(toks, 0, len(toks)) is None


@pytest.mark.parametrize("text, cue, mention", [
    ("Firefighters at the scene disputed that account on Sunday.", "disputed", "Firefighters at the scene"),
    ("Officials in that province wrote to the ministry on Monday.", "wrote", "Officials in that province"),
])
def test_a_subject_keeps_its_prepositional_phrase(text, cue, mention):
    row = row_at(text, text, cue)
    assert row["source_mention"] == mention


@pytest.mark.parametrize("text, cue, mention", [
    ("A report published Monday said the strikes had killed dozens.", "said", "A report"),
    ("The Gallup poll released on Wednesday found that most voters back the plan.", "found", "The Gallup poll"),
    ("Officials interviewed on Tuesday said the talks had stalled.", "said", "Officials"),
])
def test_a_source_made_or_met_at_a_time_speaks(text, cue, mention):
    row = row_at(text, text, cue, home="United States")
    assert row["source_mention"] == mention


def test_a_reported_fact_after_a_verb_is_no_statement():
    text = "Singh has also faced widely reported racism since deciding to run."
    assert framing.sources(corpus(text)).empty


def test_a_participle_after_a_present_tense_clause():
    # a verb in -s after a subject with a prepositional phrase
    text = "Officials in the capital insist the talks will go on, saying a deal is near."
    assert row_at(text, text, "saying")["source_mention"] == "Officials in the capital"


def test_a_subordinate_clause_is_not_the_one_a_participle_goes_on():
    text = "When the protesters arrived, the mayor wants calm, saying violence helps no one."
    assert row_at(text, text, "saying")["source_mention"] != "the protesters"
    # unless the participle is in the subordinate clause itself
    text = "Although an aide issued a statement last Tuesday saying she supports the strikes, she stayed silent."
    assert row_at(text, text, "saying")["source_mention"] == "an aide"


@pytest.mark.parametrize("text", [
    "The report he released Monday said the plant was safe.",
    "The company Smith founded last year said it would expand.",
])
def test_the_maker_of_a_thing_made_at_a_time_is_not_its_speaker(text):
    table = framing.sources(corpus(text))
    assert not table["source_mention"].isin(["he", "Smith"]).any(), table[["verb", "source_mention"]].values.tolist()


@pytest.mark.parametrize("text, cue, who", [
    # an adverb between the comma and the participle
    ("The premier extended the curfew, again warning of “grave consequences” if the protests went on.", "warning",
     "The premier"),
    ("The union rejected the offer, once more calling it “an insult” to its members.", "calling", "The union"),
    # a quotation inside what the main verb reports: its words are no subject
    ("The ministry said in a statement it remained “very worried” about the tests, calling them a clear provocation.",
     "calling", "The ministry"),
    # the agent of a passive in a clause of time is the one who asks, not the one the participle goes on
    ("The senator defended the vote on Monday when questioned by reporters, suggesting the bill had been misread.",
     "suggesting", "The senator"),
])
def test_a_participle_goes_on_the_main_clause_past_adverbs_quotations_and_a_passive_clause(text, cue, who):
    row = row_at(text, text, cue)
    assert row["source_mention"] == who, row[["source_mention", "source"]].tolist()


@pytest.mark.parametrize("text, cue, who", [
    ("The group that organized the walkout called for a minute of silence.", "called for", "The group"),
    ("The coalition that led the protests called on supporters to stay home.", "called on", "The coalition"),
    ("The chairmen of the three committees that requested the files said they were not satisfied.", "said",
     "The chairmen of the three committees"),
    # a participle phrase before the relative clause: the one it describes
    ("A gunman suspected in attacks on two churches that killed nine people posted a manifesto online.", "posted",
     "A gunman"),
])
def test_a_relative_clause_with_that_inside_the_subject_is_not_the_speaker(text, cue, who):
    row = row_at(text, text, cue)
    assert row["source_mention"] == who, row[["source_mention", "source"]].tolist()


@pytest.mark.parametrize("text, cue, who", [
    # "that" as a complement or a demonstrative: the subject before the verb is unchanged
    ("The minister said that helped the talks, and aides agreed.", "agreed", "aides"),
    ("Officials insisted that ended the matter.", "insisted", "Officials"),
    # a clause after a verb's object, a past form before a name its adjective
    ("Officials told reporters that ousted President Mohamed Morsi said he would not resign.", "said",
     "President Mohamed Morsi"),
    ("Prosecutors reminded jurors that wounded survivors testified about the attack.", "testified", "survivors"),
])
def test_that_after_a_verb_opens_no_relative_clause(text, cue, who):
    row = row_at(text, text, cue)
    assert row["source_mention"] == who, row[["source_mention", "source"]].tolist()


@pytest.mark.parametrize("text, cue, who", [
    # a passive after a quotation names its speaker after "by", past an adverb between the auxiliary and the verb
    ("Few remember the “broken promises,” long tied to the old treaty, that are occasionally cited by rebel "
     "groups to justify their raids.", "cited", "rebel groups"),
    ("The “red lines” were repeatedly cited by the ministry in its briefings.", "cited", "the ministry"),
])
def test_a_passive_after_a_quotation_is_spoken_by_its_agent(text, cue, who):
    row = row_at(text, text, cue)
    assert row["source_mention"] == who, row[["source_mention", "source"]].tolist()


def test_the_one_who_asks_after_when_asked_by_is_the_source_of_the_question():
    text = "When asked on Friday by host Jane Roe if the group was weaker, the senator demurred."
    row = row_at(text, text, "asked")
    assert row["source"] == "Jane Roe" and row["source_type"] == "media"


def test_a_pronoun_with_its_progressive_auxiliary_contracted_is_the_speaker():
    text = "Lawmakers in both parties applauded the move. They’re praising the administration for its response."
    row = row_at(text, "They’re praising", "praising", home="United States")
    assert row["anonymous"] and row["source_type"] == "politician"


def test_a_progressive_after_a_quotation_with_an_adverb_is_its_subjects():
    text = "“We are done,” the minister is consistently saying in interviews."
    assert row_at(text, text, "saying")["source_mention"] == "the minister"
