"""Actor labels by the codebook's patterns, on sentences written for each pattern.

Every expected row comes from reading the sentence: which words the sentence gives the actor, by which
pattern, and whose words they are (the narrator's, a quoted or reporting speaker's, a designating agent's).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import UsageError
from framing.measures.actors import LABEL_PATTERNS, actor_mentions

ACTORS = {"Islamic State": ["ISIS", "ISIL"], "Hamas": [], "Hezbollah": [], "Taliban": [], "al Qaeda": ["al-Qaeda"],
          "YPG": [], "Islamic Jihad": [], "Kurdish militia": []}


def labels(text: str, actors=ACTORS) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    return framing.actor_labels(corpus, actors)


def rows(text: str, actors=ACTORS) -> list[tuple]:
    out = labels(text, actors)
    return [(r.actor, r.label, r.label_category, r.pattern) for r in out.itertuples()]


def test_patterns_are_the_codebooks():
    assert set(LABEL_PATTERNS) == {"premodifier", "appositive", "copula", "designation", "member", "description",
                                   "violence", "other"}


def test_a_label_word_and_its_group_noun_are_one_label():
    # "the Islamist militant group Hamas" -> "Islamist" + "militant group"
    assert rows("Israel struck the Islamist militant group Hamas on Monday.") == [
        ("Hamas", "Islamist", "extremism", "premodifier"), ("Hamas", "militant group", "militancy", "premodifier")]
    assert rows("In 1997 the United States labeled Hamas a terrorist organization.") == [
        ("Hamas", "terrorist organization", "terrorism", "designation")]


def test_member_violence_and_other_after_the_name():
    assert rows("Dozens of Taliban fighters crossed the river.") == [("Taliban", "fighters", "militancy", "member")]
    assert rows("Soldiers fought the Islamic State terrorist group in Iraq.") == [
        ("Islamic State", "terrorist group", "terrorism", "other")]
    assert rows("He spoke about his years with the Antifa movement.", {"Antifa": []}) == [
        ("Antifa", "movement", "neutral", "other")]
    assert rows("France is the epicenter for ISIS coordinated terrorism in Europe.") == [
        ("Islamic State", "terrorism", "terrorism", "violence")]
    assert rows("Israel blamed Hamas's terror attacks for the war.") == [
        ("Hamas", "terror attacks", "terrorism", "violence")]
    # a possessive still names something else when the word is not violence: "Hamas's armed wing"
    assert rows("Hamas's fighters and Hamas's leaders met.") == []


def test_member_of_and_its():
    assert rows("The photographer was beheaded by jihadists of the Islamic State in Iraq.") == [
        ("Islamic State", "jihadists", "extremism", "member")]
    assert rows("The report said ISIS had forced the women to marry its fighters.") == [
        ("Islamic State", "fighters", "militancy", "member")]
    # "the leader of X" and "its leader" are another actor (a person), not members' labels
    assert rows("Kim met the leader of Hezbollah and its leader's envoy.",
                {"Hezbollah": []}) == []
    # "their" is too often a people's: "the Kurds say ISIS used chlorine against their fighters"
    assert rows("The Kurds say ISIS used chlorine against their fighters.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Militants loyal to the Islamic State attacked the town.", [("Islamic State", "Militants", "militancy", "member")]),
    ("Fighters who joined the Islamic State returned home.", [("Islamic State", "Fighters", "militancy", "member")]),
    # one person who joined a group as one of its members: a singular member noun
    ("He joined the YPG in 2015 and served as a volunteer fighter.", [("YPG", "fighter", "militancy", "member")]),
    ("He joined Hamas as a teenager.", []),
    # the army soldiers joined is not the group they fought
    ("Soldiers who joined the army fought the Islamic State.", []),
])
def test_members_loyal_to_or_who_joined(text, expected):
    assert rows(text) == expected


def test_classes_the_name_belongs_to():
    assert rows("But groups such as ISIL present a different kind of threat.") == [
        ("Islamic State", "groups", "neutral", "other")]
    assert rows("Rebels coordinate with terror groups like al-Qaeda in the north.") == [
        ("al Qaeda", "terror groups", "terrorism", "other")]
    assert rows("Until 2015 the YPG kept other militant groups out of Kurdish areas.") == [
        ("YPG", "militant groups", "militancy", "other")]


def test_legitimising_labels():
    assert rows("They were officials of the Taliban regime that ruled Afghanistan.") == [
        ("Taliban", "regime", "legitimising", "other")]
    assert rows("Hezbollah, the Lebanese resistance movement, fired rockets.") == [
        ("Hezbollah", "resistance movement", "legitimising", "appositive")]
    assert rows("Its supporters call Hamas freedom fighters.")[0][1:3] == ("freedom fighters", "legitimising")
    # "the government" of a state refers back to no group unless the group was called so
    assert rows("Hamas fired rockets. The government condemned the attack.") == []


def test_description_refers_to_the_most_recent_actor():
    text = "In May the U.S. decided to arm the YPG directly as the fighters stepped up their fight."
    assert rows(text) == [("YPG", "fighters", "militancy", "description")]
    text = "Hamas claimed the attack. Hours later the jihadists released a video."
    assert rows(text) == [("Hamas", "jihadists", "extremism", "description")]
    # two actors equally near: none
    assert rows("Hamas and Islamic Jihad fired rockets. The militants then withdrew.") == []
    # a plural group noun over several actors, a relation word, a name inside: none
    assert rows("Hamas met Hezbollah. These groups agreed.") == []
    assert rows("Officials met al-Qaeda envoys. The parent organization objected.") == []
    assert rows("Hamas won the vote that his Fatah faction lost.") == []
    # "the Syrian rebels" are a people's fighters; "the rebels" of an actor never called so: none
    assert rows("Hezbollah sent troops. The U.S. armed the rebels.") == []


def test_a_description_used_as_the_name():
    # the user listed the description "Kurdish militia" itself: its lower-case label word is the label
    assert rows("Turkey wants to push Kurdish militia away from its border.") == [
        ("Kurdish militia", "militia", "militancy", "description")]


def test_an_alias_inside_a_longer_name_is_not_the_actor():
    text = "Abu Mahdi al-Muhandis, the leader of Kata’ib Hezbollah, a terrorist group linked to Iran, was killed."
    assert actor_mentions(text, {"Hezbollah": []}) == []
    assert rows(text) == []
    # demonyms, function words, titles, acronyms and headlines are not part of a name
    for text in ("Lebanese Hezbollah fired.", "But Hezbollah fired.", "Iran-backed Hezbollah fired.",
                 "U.S. Targets Hezbollah In Strikes", "Senior Hezbollah official spoke."):
        assert [text[a:b] for a, b, _ in actor_mentions(text, {"Hezbollah": []})] == ["Hezbollah"], text
    # a given name of a listed person is the person's
    found = actor_mentions("Special counsel Robert Mueller spoke.", {"Mueller": ["Robert Mueller", "Mueller"]})
    assert len(found) == 1


def test_indirect_speech_is_the_speakers():
    out = labels("The strikes helped Kurds push back ISIS militants in the town, according to sources there.")
    assert list(zip(out["label"], out["attributed_to"])) == [("militants", "sources there")]
    out = labels("Iraqi officials say their interrogation of captured ISIS fighters provided news.")
    assert list(zip(out["label"], out["attributed_to"])) == [("fighters", "Iraqi officials")]
    out = labels("ISIS fighters took the town, the army said.")
    assert list(zip(out["label"], out["attributed_to"])) == [("fighters", "the army")]
    # the label naming the speaker, a labelling verb's object, and a gloss after a dash stay the outlet's
    out = labels("A Taliban attack - which the armed group said targeted a compound - killed 16.")
    assert out["attributed_to"].isna().all() and list(out["label"]) == ["armed group"]
    out = labels("The United States labeled the militant group Hamas a terrorist organization.")
    by_label = out.set_index("label")["attributed_to"]
    assert pd.isna(by_label["militant group"]) and by_label["terrorist organization"] == "The United States"
    out = labels("The ministry said its jets struck targets — a mission to push ISIS fighters away.")
    assert out["attributed_to"].isna().all()
    # not speech: "showed passion", "asked to have his name withheld"
    out = labels("Mr. Cool showed passion after jihadists of the Islamic State beheaded a photographer.")
    assert out["attributed_to"].isna().all() and len(out) == 1


def test_a_label_in_the_names_phrase_is_not_negated_by_the_clause():
    out = labels("“The idea that AQIM has no ties to the al Qaeda network is false,” he said.")
    assert list(zip(out["label"], out["negated"])) == [("network", False)]
    # a predicate label is: "is not a terrorist group"
    out = labels("Hamas is not a terrorist group, the lawyer argued.")
    assert out["negated"].all()


def test_window_is_checked():
    with pytest.raises(UsageError, match="window"):
        framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": ["x"]}), ACTORS, window=1.5)
