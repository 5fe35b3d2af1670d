"""Casualty statements, one test per wording pattern; expected rows come from reading each sentence."""

from __future__ import annotations

import pandas as pd
import pytest

import framing


def _cas(text: str) -> pd.DataFrame:
    return framing.casualties(pd.DataFrame({"doc_id": ["a"], "outlet": ["o"], "text": [text]}))


def _asserted(text: str) -> pd.DataFrame:
    t = _cas(text)
    return t[~t["negated"] & ~t["hypothetical"]].reset_index(drop=True)


def _val(v):
    return None if pd.isna(v) else (int(v) if isinstance(v, (int, float)) or hasattr(v, "__int__") else v)


def _one(text: str) -> pd.Series:
    t = _asserted(text)
    assert len(t) == 1, t[["victims", "number", "construction", "agent", "cause"]]
    return t.iloc[0]


def _agent(r: pd.Series):
    """The agent, else the cause phrase (the codebook's agent includes cause phrases)."""
    return r.agent if isinstance(r.agent, str) else (r.cause if isinstance(r.cause, str) else None)


# ------------------------------------------------------------------ "left N dead": the event is the agent
@pytest.mark.parametrize(
    "text, victims, number, agent",
    [
        ("The bombing left 14 people dead.", "14 people", 14, "The bombing"),
        ("It was a war that has left more than 5,000 soldiers dead.", "more than 5,000 soldiers", 5000, "a war"),
        ("The fire left only the two guards dead.", "the two guards", 2, "The fire"),
    ],
)
def test_left_dead_is_active_with_the_event_as_agent(text, victims, number, agent):
    r = _one(text)
    assert (r.victims, _val(r.number), r.construction, r.agent) == (victims, number, "active", agent)


def test_left_dead_and_injured_share_the_agent():
    t = _asserted("The attack in Lagos that left 9 people dead and dozens injured shocked the city.")
    assert list(t["victims"]) == ["9 people", "dozens"]
    assert list(t["construction"]) == ["active", "active"]
    assert list(t["agent"]) == ["The attack in Lagos", "The attack in Lagos"]
    # "dozens": no stated count
    assert pd.isna(t["number"].iloc[1])


# ------------------------------------------------------------------ causes: after-clauses, due to, in which
def test_after_a_gunman_opened_fire_gives_the_gunman():
    r = _one("One guard died after a gunman opened fire at the mall.")
    assert (r.victims, r.construction, _agent(r)) == ("One guard", "intransitive", "a gunman")


def test_due_to_phrase_is_the_cause():
    r = _one("Thousands of villagers have died, mostly due to shelling by the army.")
    assert (r.construction, _agent(r)) == ("intransitive", "shelling")


def test_antecedent_of_in_which_is_the_cause():
    r = _one("He recalled one raid on a village in which eight farmers died.")
    assert (r.victims, _val(r.number), _agent(r)) == ("eight farmers", 8, "one raid on a village")


def test_protests_and_riots_are_causes():
    r = _one("Forty people were injured in protests across the region.")
    assert (r.construction, _agent(r)) == ("passive_agentless", "in protests")


def test_fronted_cause_phrase():
    r = _one("In the renewed airstrikes, civilians are dying.")
    assert (r.victims, r.construction, _agent(r)) == ("civilians", "intransitive", "In the renewed airstrikes")


def test_nominal_with_by_agent_after_the_victims():
    r = _one("Protests followed the murder of two officers in Ohio on Sunday by a sniper.")
    assert (r.victims, _val(r.number), r.construction, r.agent) == ("two officers", 2, "nominal", "a sniper")


# ------------------------------------------------------------------ relative clauses and coordinated verbs
def test_who_takes_the_nearest_noun_phrase():
    r = _one("The report describes the state of mind of the gunman, who killed three guards.")
    assert (r.victims, r.agent) == ("three guards", "the gunman")


def test_coordinated_verb_inside_a_relative_clause():
    r = _one("Police are looking for the gunman who ambushed and killed the two officers.")
    assert (r.victims, _val(r.number), r.agent) == ("the two officers", 2, "the gunman")


def test_inserted_relative_clause_before_the_verb():
    r = _one("A sniper, who police said was a veteran, opened fire on the crowd, killing five.")
    assert (r.victims, _val(r.number), r.agent) == ("five", 5, "A sniper")


def test_inserted_phrase_between_subject_and_verb():
    r = _one("Then the soldiers, after a long standoff, killed him.")
    assert (r.victims, r.agent) == ("him", "the soldiers")


def test_fronted_object_of_a_relative_clause():
    r = _one("Officials listed all of the people he had killed since 2010.")
    assert (r.victims, r.construction, r.agent) == ("all of the people", "active", "he")


def test_or_coordinated_passive_after_who():
    r = _one("We mourn with all those who lost homes or were injured.")
    assert (r.victims, r.construction) == ("all those", "passive_agentless")


def test_same_harm_joined_by_or_is_one_statement():
    r = _one("More than 300 people were wounded or otherwise injured in the clashes.")
    assert (r.victims, _val(r.number), r.harm) == ("More than 300 people", 300, "injury")


def test_gerund_after_before_takes_the_clause_subject():
    t = _asserted("He fired at the guards before killing himself.")
    assert list(t["victims"]) == ["himself"] and list(t["agent"]) == ["He"]


# ------------------------------------------------------------------ numbers kept with their victims
@pytest.mark.parametrize(
    "text, victims, number",
    [
        ("An estimated nearly half a million Syrians have died.", "nearly half a million Syrians", 500000),
        ("The gunman killed the two officers.", "the two officers", 2),
        ("A drone killed an American.", "an American", None),
        ("Between 80,000 and 100,000 people are dead in the war.", "Between 80,000 and 100,000 people", 80000),
        ("Police confirmed two fatalities.", None, 2),
    ],
)
def test_counts(text, victims, number):
    r = _one(text)
    assert (r.victims if isinstance(r.victims, str) else None, _val(r.number)) == (victims, number)


def test_dozens_has_no_number():
    r = _one("Dozens of people were killed in the blast.")
    assert pd.isna(r.number)


def test_conjoined_groups_with_their_own_counts_are_separate_statements():
    t = _asserted("Two civilians and one police officer died after a gunman opened fire.")
    assert list(t["victims"]) == ["Two civilians", "one police officer"]
    assert [_val(n) for n in t["number"]] == [2, 1]
    assert list(t["cause"]) == ["a gunman", "a gunman"]


# ------------------------------------------------------------------ not statements
@pytest.mark.parametrize(
    "text",
    [
        "He pleaded guilty to 49 counts of murder.",
        "The court dropped charges of ordering the killing of protesters.",
        "Roof is accused of opening fire at a church, killing nine.",
    ],
)
def test_charges_are_not_asserted_statements(text):
    assert _asserted(text).empty


@pytest.mark.parametrize(
    "text",
    [
        "They want to kill me.",
        "More might have died in Aurora.",
        "Civilians are more likely to get killed in some cities.",
        "He was intent on killing as many people as possible.",
        "Trump has endorsed killing the families of terrorists.",
    ],
)
def test_hypotheticals_are_kept_but_flagged(text):
    t = _cas(text)
    assert len(t) >= 1 and t["hypothetical"].all()


def test_denied_killing_is_negated():
    t = _cas("The embassy denies that any Russians were killed.")
    assert len(t) == 1 and t["negated"].all()


@pytest.mark.parametrize(
    "text",
    [
        "These sanctions are starting to hurt North Korea.",
        "Snap back the sanctions, and Iran walks, killing an agreement.",
        "The country has seen big increases in murder rates.",
        "A death certificate was issued.",
    ],
)
def test_figurative_senses_and_compound_modifiers_are_not_statements(text):
    assert _cas(text).empty


# ------------------------------------------------------------------ missing triggers and noun forms
@pytest.mark.parametrize(
    "text, victims, construction",
    [
        ("In two years children have been tortured to death.", "children", "passive_agentless"),
        ("Police say 800 people were shot to death this year.", "800 people", "passive_agentless"),
        ("He used a rifle to mow down his victims.", "his victims", "active"),
        ("The slain ambassador, Chris Stevens, helped save the city.", "ambassador", "passive_agentless"),
        ("Highest number of officers shot dead since 2011", "officers", "passive_agentless"),
        ("Khashoggi's murder prompted outrage.", "Khashoggi's", "nominal"),
        ("Two investigations will be conducted into his death", "his", "nominal"),
        ("They mourned the killing last week of a local woman.", "a local woman", "nominal"),
        ("He was shot as he lay wounded on the ground.", "he", "passive_agentless"),
        ("He saw a dead boy in the street.", "boy", "intransitive"),
    ],
)
def test_triggers_and_noun_forms(text, victims, construction):
    t = _asserted(text)
    rows = t[t["victims"].fillna("").str.endswith(victims)]
    assert len(rows) == 1, t[["victims", "construction", "agent"]]
    assert rows.iloc[0]["construction"] == construction


def test_bare_event_nouns_with_a_determiner_are_statements():
    t = _asserted("Police are still investigating the Connecticut school murders.")
    assert list(t["construction"]) == ["nominal"] and t["victims"].isna().all()


def test_the_injured_and_the_wounded_are_nominal():
    t = _asserted("Nurses cared for the injured and comforted the wounded.")
    assert list(t["construction"]) == ["nominal", "nominal"]


def test_victims_among_the_dead():
    r = _one("Teacher Victoria Soto, 27, was among the dead.")
    assert (r.victims, r.construction) == ("Teacher Victoria Soto", "nominal")


def test_injuries_to_names_the_victims():
    r = _one("The riots caused injuries to nearly 100 officers.")
    assert (r.victims, _val(r.number), r.construction) == ("nearly 100 officers", 100, "nominal")


# ------------------------------------------------------------------ rates, conditions, one phrase one statement
def test_rates_are_not_statements():
    assert _cas("No one knows the number of people killed by police every year.").empty
    assert _cas("About 30,000 Americans die each year from gun violence.").empty
    # "a year ago" dates an event
    assert len(_asserted("Five soldiers were killed a year ago.")) == 1


def test_conditions_are_flagged():
    t = _cas("Unless there's an injury to a player, nobody calls the police.")
    assert len(t) == 1 and t["hypothetical"].all()


def test_gunshot_wounds_is_a_cause_not_a_second_statement():
    r = _one("Tsarnaev died from gunshot wounds.")
    assert (r.victims, r.construction) == ("Tsarnaev", "intransitive")


def test_dead_bodies_of_is_one_statement_with_its_victims():
    r = _one("We saw the dead bodies of children and women stacked up.")
    assert (r.victims, r.construction) == ("children and women", "intransitive")


def test_possessive_before_a_noun_trigger_keeps_the_statement():
    r = _one("His comments about Warmbier's death echo earlier remarks.")
    assert (r.victims, r.construction) == ("Warmbier's", "nominal")


def test_by_agent_after_an_adverb_and_comma():
    r = _one("The killing of a woman, allegedly by an immigrant, shocked the city.")
    assert (r.victims, r.agent) == ("a woman", "an immigrant")


def test_who_after_an_appositive_name():
    r = _one("Mourners carried the coffin of Gaber Salah, an activist who died overnight.")
    assert (r.victims, r.construction) == ("Gaber Salah, an activist", "intransitive")


@pytest.mark.parametrize(
    "text, victims, agent",
    [
        ("The line was crossed with chemical weapons used to kill 100 people.", "100 people", "chemical weapons"),
        ("It took 30 minutes for police to hunt down and kill Alexis.", "Alexis", "police"),
        ("He used a rifle to kill his victims.", "his victims", "He"),
    ],
)
def test_agent_of_an_infinitive(text, victims, agent):
    r = _one(text)
    assert (r.victims, r.construction, r.agent) == (victims, "active", agent)


def test_coordinated_clauses_share_a_cause_after_them():
    t = _asserted("At the church one person died and nine were injured after a gunman opened fire.")
    assert list(t["victims"]) == ["one person", "nine"]
    assert list(t["cause"]) == ["a gunman", "a gunman"]


def test_participle_clause_takes_the_nearest_pronoun_subject():
    r = _one("Shots were fired at the officers and they returned fire, leaving one man dead.")
    assert (r.victims, r.construction, r.agent) == ("one man", "active", "they")


@pytest.mark.parametrize(
    "text, number, approximate",
    [
        ("Dozens of people were killed in the blast.", None, True),
        ("A number of militants were killed.", None, True),
        ("At least 24,285 Palestinians have been killed.", 24285, True),
        ("The 1,800 or so criminals who have killed innocent people were arrested.", None, False),
        ("Seven soldiers were killed on Monday.", 7, False),
        ("The death toll has risen to more than 400.", 400, True),
    ],
)
def test_approximate_counts_are_flagged(text, number, approximate):
    r = _cas(text).iloc[0]
    assert (_val(r.number), bool(r.approximate)) == (number, approximate)


# ------------------------------------------------------------------ "shot": a person shot is hurt
@pytest.mark.parametrize(
    "text, victims, construction",
    [
        ("Civilians were shot in their cars on Saturday.", "Civilians", "passive_agentless"),
        ("Two guards were shot by the attackers.", "Two guards", "passive_agentive"),
    ],
)
def test_shot_reports_an_injury(text, victims, construction):
    r = _one(text)
    assert (r.victims, r.harm, r.construction) == (victims, "injury", construction)


@pytest.mark.parametrize("text", [
    "The air force shot down two drones over the border.",
    "Prices shot up after the attack.",
    "The crew shot a video of the rally.",
    "Police said the suspect shot at officers before fleeing.",
])
def test_shot_that_hurts_no_one_is_no_statement(text):
    assert _asserted(text).empty


def test_a_reduced_passive_keeps_the_name_it_is_in_apposition_to():
    r = _one("Crowds mourned at the funeral of Ahmed Merabet, the police officer shot outside the office.")
    assert r.victims == "Ahmed Merabet, the police officer"


# ------------------------------------------------------------------ subjects past inserted phrases, lists and
# relative clauses; victims after "among"; rates that are not agents
@pytest.mark.parametrize(
    "text, victims, number, agent",
    [
        # a count's own apposition between the victims and the verb
        ("Nearly 1,800 people, roughly half of them women and children, have died in the bombing campaign.",
         "Nearly 1,800 people", 1800, "in the bombing campaign"),
        ("Officials said that 12 people, most of them children, died.", "12 people", 12, None),
        # a non-restrictive relative clause and a parenthetical attribution
        ("Residents said the soldiers, who had arrived at dawn, killed five farmers.", "five farmers", 5,
         "the soldiers"),
        ("The people, the police said, were killed by a gunman.", "The people", None, "a gunman"),
        # a restrictive relative clause before the verb: its object is not the subject
        ("Several relatives who had been sheltering in the church were killed in the strike.",
         "Several relatives", None, "in the strike"),
        ("Several relatives who had been sheltering in the church, including two women he identified as Viola "
         "and Yara, were killed in the strike.", "Several relatives", None, "in the strike"),
        ("The men who attacked the village were killed by soldiers.", "The men", None, "soldiers"),
        # a list of victims that opens the sentence
        ("Al Shamali's wife, his children and uncle were killed.", "Al Shamali's wife, his children and uncle",
         None, None),
        # victims named after the verb when "among" opens the clause, and "X was among those killed"
        ("Among those reported killed were relatives of the former representative.",
         "relatives of the former representative", None, None),
        ("Among the dead were two doctors and a nurse.", "two doctors and a nurse", 2, None),
        ("Dr. Ahmed was among those killed.", "Dr. Ahmed", None, None),
        # an approximate determiner starts the object
        ("His mother survived, but the airstrike killed nearly every other member of his family.",
         "nearly every other member of his family", None, "the airstrike"),
        # "by the thousands" is a rate, not an agent
        ('"They are being killed by the thousands," the doctor said.', "They", None, None),
        # a passive gerund after "before" takes the clause's subject
        ("With his brother, he helped rescue 100 people before being killed.", "he", None, None),
        # a reduced passive describes the nearest phrase, not the relation noun before "of"
        ("The names of soldiers killed in the assault were released.", "soldiers", None, "in the assault"),
        ("Two-thirds of those killed were women and children.", "Two-thirds of those", None, None),
        # two bare verbs sharing one object
        ("The gunmen broke into homes to kill or kidnap their inhabitants.", "their inhabitants", None,
         "The gunmen"),
    ],
)
def test_subject_and_object_phrases(text, victims, number, agent):
    r = _one(text)
    assert (r.victims, _val(r.number), _agent(r)) == (victims, number, agent)


def test_reduced_passive_in_a_relative_clause_keeps_its_own_phrase():
    # "which saw civilians killed": the invasion is not the victims
    r = _one("They were stunned by the invasion, which saw many civilians killed.")
    assert r.victims == "many civilians"


def test_speech_in_a_relative_clause_opens_a_new_clause():
    t = _asserted('"It hurts," said Arad-Neeman, who said an extended family member was killed in the violence.')
    assert t["victims"].tolist() == ["an extended family member"]


def test_shot_dead_with_the_victims_between_is_one_death_statement():
    t = _asserted("The gunmen shot scores dead at a music festival.")
    assert t[["victims", "harm", "agent"]].values.tolist() == [["scores", "death", "The gunmen"]]
