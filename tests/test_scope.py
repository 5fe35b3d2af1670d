"""Negation by scope and modality: the shared judgement, through find, score and the measures."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import framing
from framing.lexicon.load import LexiconWarning, lexicon_from_dict
from framing.match import find, score
from framing.text.grammar import tokenize
from framing.text.scope import judge


def corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "o", "text": list(texts)})


def flags(sentence: str, word: str) -> tuple[bool, bool]:
    """(negated, hypothetical) of the first occurrence of ``word`` in ``sentence``, by the shared judgement,
    after checking that find gives the same for it."""
    tokens = tokenize(sentence)
    k = next(i for i, t in enumerate(tokens) if t.text == word)
    negated, hypothetical = judge([t.text for t in tokens])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        lexicon = lexicon_from_dict({"name": "w", "version": "1", "categories": {"w": {"terms": [word]}}})
    m = find(corpus(sentence), lexicon)
    row = m[m["start"] == tokens[k].start]
    assert len(row) == 1
    assert (bool(row["negated"].iloc[0]), bool(row["hypothetical"].iloc[0])) == (bool(negated[k]),
                                                                                 bool(hypothetical[k]))
    return bool(negated[k]), bool(hypothetical[k])


@pytest.mark.parametrize(("sentence", "word"), [
    ("Officials said no civilians died in the shelling.", "civilians"),
    ("The council insists it is not a terrorist movement.", "terrorist"),
    ("Local police never confirmed the arrests.", "confirmed"),
    ("The convoy crossed the border without casualties.", "casualties"),
    ("The mayor refused to call the protesters terrorists.", "terrorists"),
    ("The ministry denied that the militia was extremist.", "extremist"),
    ("The ministry denied that the militia had bombed the market.", "bombed"),
    ("The agency denied shelling the village.", "shelling"),
    ("No one else was wounded in the blast.", "wounded"),
    ("No soldiers or police officers were wounded.", "wounded"),
    ("None of the hostages were harmed.", "harmed"),
    ("Investigators found no link to extremist networks.", "extremist"),
    ("The report has not been verified independently.", "verified"),
    ("The army had not yet formally confirmed the strike.", "confirmed"),
    ("The group has never been designated as a terrorist organisation.", "terrorist"),
    ("Witnesses say the gunmen were not soldiers.", "soldiers"),
    ("She isn't a militant.", "militant"),
    ("He said he wasn't guilty of any crime.", "crime"),
    ("The rifles are no more lethal than hunting guns.", "lethal"),
    ("Not one rebel has surrendered.", "rebel"),
    ("We will not let them attack the village.", "attack"),
    ("The researchers refuted the claim that the police had fired first.", "fired"),
])
def test_negated(sentence, word):
    assert flags(sentence, word)[0] is True


@pytest.mark.parametrize(("sentence", "word"), [
    # the negation attaches to another verb or noun
    ("The paper didn't name the mother who was killed.", "killed"),
    ("The ministry did not arm the rebels.", "rebels"),
    ("Police have not found the gunmen who shot him.", "shot"),
    ("The statement did not mention the rebels, but it condemned the bombing.", "condemned"),
    ("Investigators could not say why the militants attacked.", "attacked"),
    ("The report, which did not name the group, blamed extremists.", "extremists"),
    ("They are not trained to care for wounded soldiers.", "wounded"),
    ("Officials did not claim responsibility for the deadly raid.", "deadly"),
    ("The guard never saw Friday's attack coming.", "attack"),
    # idioms and focus particles
    ("There is no question that the militants attacked first.", "militants"),
    ("There is no doubt the insurgents planned it.", "insurgents"),
    ("No matter what the rebels say, the town fell.", "rebels"),
    ("The shop is not far from where the militants struck.", "militants"),
    ("The raid killed not only fighters but also farmers.", "fighters"),
    ("It is not the first time the terrorist cell has struck.", "terrorist"),
    ("Not just soldiers were hurt.", "soldiers"),
    ("Whether or not the retaliatory raids work, the war goes on.", "retaliatory"),
    ("That is not to say extremist groups play no part.", "extremist"),
    # uncertainty
    ("It is not clear whether the rebels fired first.", "rebels"),
    # a modal perfect presupposes the event
    ("He should not have attacked the reporters.", "attacked"),
    # no negation at all, and "No." as a number
    ("The insurgents attacked the town at dawn.", "insurgents"),
    ("The man held on Friday is suspect No. 2, police said.", "said"),
])
def test_not_negated(sentence, word):
    assert flags(sentence, word)[0] is False


@pytest.mark.parametrize(("sentence", "word"), [
    ("Thousands could be killed if the dam breaks.", "killed"),
    ("The spokesman would not comment on the raid.", "comment"),
    ("If they attack the town, the army will respond.", "attack"),
    ("The army will respond.", "respond"),
    ("Did the militants attack the convoy?", "militants"),
    ("“Do not shoot the protesters,” the general said.", "shoot"),
    ("A potential attack worries officials.", "attack"),
    ("They are going to strike the depot.", "strike"),
    ("Officials must release the detainees.", "release"),
])
def test_hypothetical(sentence, word):
    assert flags(sentence, word)[1] is True


@pytest.mark.parametrize(("sentence", "word"), [
    ("The militants attacked the convoy.", "attacked"),
    ("Police could not verify the casualty figures.", "verify"),
    ("The will of the people was clear.", "clear"),
    ("The army said it would respond, and the militants attacked at dawn.", "attacked"),
    ("“Will they come?” he asked, and the rebels attacked.", "attacked"),
])
def test_asserted(sentence, word):
    assert flags(sentence, word)[1] is False


def test_score_counts_asserted_and_hypothetical_separately():
    lexicon = lexicon_from_dict({"name": "l", "version": "1", "categories": {"militancy": {"terms": ["militants"]}}})
    text = ("The militants attacked. Officials could hit the militants again. Will the militants attack? "
            "Officials said the militants were not militants.")
    # 5 matches: 2 asserted, 2 hypothetical, 1 negated ("were not militants")
    m = find(corpus(text), lexicon)
    assert len(m) == 5
    counts = {}
    for option in ("include", "exclude", "only"):
        s = score(corpus(text), lexicon, hypothetical=option)
        counts[option] = int(s["count"].sum())
    assert counts == {"include": 5, "exclude": 3, "only": 2}
    both = score(corpus(text), lexicon, hypothetical="exclude", negated="exclude")
    assert int(both["count"].sum()) == 2
    with pytest.raises(framing.errors.UsageError, match="hypothetical"):
        score(corpus(text), lexicon, hypothetical="maybe")


def test_measures_report_negated_and_hypothetical():
    text = ("No one was killed in the first raid. Two soldiers could be killed tomorrow, officials warned. "
            "The ministry did not say who fired. The army would not confirm the toll. "
            "Analysts did not describe Hamas as a terrorist group. If Hamas is a terrorist group, talks end.")
    cas = framing.casualties(corpus(text))
    by_victims = {v: (n, h) for v, n, h in zip(cas["victims"], cas["negated"], cas["hypothetical"])}
    assert by_victims["No one"] == (True, False)
    assert by_victims["Two soldiers"] == (False, True)
    att = framing.attributions(corpus(text))
    by_verb = {v: (n, h) for v, n, h in zip(att["verb"], att["negated"], att["hypothetical"])}
    assert by_verb["say"] == (True, False)
    assert by_verb["confirm"] == (True, True)
    assert by_verb["warned"] == (False, False)
    labels = framing.actor_labels(corpus(text), {"Hamas": ["Hamas"]})
    terror = labels[labels["label_category"] == "terrorism"].sort_values("start")  # "terrorist group", one label
    assert terror[["negated", "hypothetical"]].values.tolist() == [[True, False], [False, True]]


# ----------------------------------------------------------------------------------- "May" is no modal

@pytest.mark.parametrize("sentence, word", [
    ("Suicide bombings in May last year killed more than 30 people.", "killed"),
    ("Mrs May said she was humbled to mark the moment.", "said"),
    ("British Prime Minister Theresa May said world powers sought to avoid a war.", "said"),
])
def test_may_written_with_a_capital_is_a_month_or_a_name(sentence, word):
    assert flags(sentence, word) == (False, False)


def test_the_modal_may_still_makes_speech_hypothetical():
    assert flags("The minister may say more about the talks.", "say") == (False, True)


def test_a_speaker_named_may_is_found_and_reported_as_speaking():
    text = "Prime Minister Theresa May met the veterans. Mrs May said she was humbled to mark the moment."
    table = framing.attributions(corpus(text))
    row = table[table["verb"] == "said"].iloc[0]
    assert row["speaker"] == "Mrs May"
    assert not row["hypothetical"]
    source = framing.sources(corpus(text), home="United Kingdom").iloc[0]
    assert source["source"] == "Theresa May"
    assert source["source_type"] == "government"
