"""Whose deaths, read as a careful coder reads them: coordinated and enumerated victims, the reporter of the
deaths and the reporter as the agent, pronouns, attack and force words in their sentence. Each sentence is
written for the mechanism; the expected side is what the sentence itself says."""

import pandas as pd

import framing

RUSSIA_UKRAINE = {"opposing": ("Russia", "Ukraine")}


def _table(text, **kwargs):
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    return framing.casualties(corpus, **kwargs)


def _rows(text, **kwargs):
    table = _table(text, **kwargs)
    cols = ["victims", "victim_side", "agent_side", "victim_side_from"]
    return table[cols].astype(object).where(table[cols].notna(), None)


def _one(text, **kwargs):
    return _rows(text, **kwargs).iloc[0].to_dict()


# --- several sides among the victims -------------------------------------------------------------------------

def test_a_side_coordinated_before_the_victims_makes_them_mixed():
    # the statement's victims may be only the last conjunct ("Ukrainians"): the first one is theirs too
    row = _one("There were celebrations even as hundreds of Russians and Ukrainians were killed.")
    assert row["victim_side"] == "mixed"


def test_victims_along_with_another_side():
    row = _one("The rebels said four Russian prisoners were killed in a Russian strike, along with the Ukrainian "
               "guards holding them.")
    assert row["victim_side"] == "mixed"


def test_the_sides_an_enumeration_of_the_victims_names():
    row = _one("The 12 foreign workers killed included five Nepalis, two Thais and a citizen of Sri Lanka.")
    assert row["victim_side"] == "mixed"
    one = _one("The foreign workers killed included five Nepalis.")
    assert one["victim_side"] == "Nepal"


def test_a_mixed_side_keeps_the_sides_it_is_made_of():
    table = _table("A police officer opened fire on the tourists, killing two Israelis and an Egyptian.")
    mixed = table.index[table["victim_side"] == "mixed"]
    assert len(mixed) == 1
    assert table.attrs["victim_side_parts"][mixed[0]] == ("Egypt", "Israel")


def test_both_sides_as_the_agent():
    row = _one("Both sides have executed prisoners.")
    assert (row["agent_side"], row["victim_side"]) == ("mixed", "mixed")


def test_other_victims_are_not_the_ones_named_before():
    rows = _rows("A gunman killed an American and wounded many others.")
    assert rows["victim_side"].tolist() == ["United States", None]


# --- the reporter of the deaths ---------------------------------------------------------------------------------

def test_the_government_of_a_country_reports_its_own_dead():
    rows = _rows("The government of Thailand said 14 of its citizens were killed, and France said 10 of its "
                 "people were dead.")
    assert rows["victim_side"].tolist() == ["Thailand", "France"]


def test_a_reporter_whose_verb_follows_another_clause():
    row = _one("Syrian officials blamed the strike on Turkey and said it killed 30 people.")
    assert (row["victim_side"], row["agent_side"]) == ("Syria", "Turkey")


def test_a_reporter_of_a_later_clause_does_not_report_an_earlier_one():
    rows = _rows("The war has killed 300 people in Sudan; Sudanese officials say drone strikes have killed 40 "
                 "people in Khartoum.")
    assert rows["victim_side"].tolist() == [None, "Sudan"]


def test_a_commentator_on_a_named_persons_death_is_not_the_victims_side():
    row = _one("Republican Senator Lindsey Graham said there was no doubt the crown prince was involved in "
               "Khashoggi's death.")
    assert row["victim_side"] is None


# --- who the agent is ---------------------------------------------------------------------------------------------

def test_it_after_a_reporting_verb_is_the_reporter():
    row = _one("He is the most senior Taliban commander that Pakistan says it has killed.")
    assert row["agent_side"] == "Pakistan"
    # the air force has no side the text gives: the fighters named before are not the agent
    row = _one("Ukrainian fighters held the town for a week, and the air force said it had killed another man "
               "there.")
    assert row["agent_side"] is None


def test_the_side_a_clash_is_with():
    row = _one("Nine Turkish activists were killed in clashes with Israeli commandos.")
    assert (row["victim_side"], row["agent_side"]) == ("Turkey", "Israel")


# --- pronouns and the sentence -----------------------------------------------------------------------------------

def test_a_pronoun_victim_whose_antecedent_is_in_the_sentence():
    row = _one("The camera on the Taliban commander's helmet captured the moment he was shot.")
    assert row["victim_side"] == "Taliban"
    # an attack is not a person the pronoun can stand for
    row = _one("Russian shelling hit the house where he was shot.")
    assert row["victim_side"] is None


def test_blamed_on_names_the_attacker_not_a_place():
    row = _one("Ukrainian officials said Tuesday's strike, which they blamed on Russia, killed 20 people.",
               **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"


def test_a_destination_is_not_where_the_dead_died():
    rows = _rows("At least 50 people were killed in the raid, while 20 others were taken to Russia.",
                 **RUSSIA_UKRAINE)
    assert rows["victim_side"].iloc[0] is None


def test_a_force_named_as_a_target_does_not_attack():
    row = _one("A missile struck the Moskva, the flagship of the Russian navy, killing four crew members.",
               **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Russia"


def test_an_apposition_that_describes_the_victim_as_a_groups_member():
    row = _one("A drone killed Ahmed Nasser, described by the army as a Taliban commander.")
    assert row["victim_side"] == "Taliban"
    # the one who describes is not the victim's side
    row = _one("A drone killed Ahmed Nasser, described by Pakistan as a local man.")
    assert row["victim_side"] is None


def test_an_agent_named_by_a_possessive_and_then_by_a_pronoun():
    rows = _rows("Iran mourned their commander, who had killed an American and all of the people he had killed.")
    assert rows["agent_side"].tolist() == ["Iran"] * len(rows)


def test_guerrillas_are_a_force_that_acts():
    row = _one("In 1956, Ukrainian guerrillas attacked farmers in the fields, and killed and mutilated a young "
               "lieutenant.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Russia"


def test_counted_sides_coordinated_when_only_the_last_is_a_statement():
    row = _rows("Toll: More than 900 Russians and at least 687 Ukrainians have been killed.").iloc[-1].to_dict()
    assert row["victim_side"] == "mixed"


def test_a_member_of_a_group_and_victims_said_to_be_of_a_side():
    assert _one("The army said it had killed a chief of intelligence for the Taliban.")["victim_side"] == "Taliban"
    row = _one("Those killed by the explosion were likely many Afghans who had camped in the parking lot.")
    assert row["victim_side"] == "Afghanistan"


def test_the_victims_enumeration_names_people_not_the_places_it_mentions():
    row = _one("The explosion killed 471 people, including staff and patients who had fled following an evacuation "
               "order from Russia.")
    assert row["victim_side"] is None


def test_attackers_counted_by_a_quantity():
    row = _one("The strikes followed the attack, when hundreds of Russian soldiers swept across the border, killing "
               "more than 1,000 people.",
               **RUSSIA_UKRAINE)
    assert (row["agent_side"], row["victim_side"]) == ("Russia", "Ukraine")


def test_the_side_an_attack_is_on_before_a_reporters_word():
    row = _one("The barrage of strikes on Ukraine that has killed 2,808 people could shift the war, a senior "
               "Russian official said.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"
    # "strikes that Russia says target Ukrainian forces": the forces are the target, not the agent
    row = _one("Strikes that Russia says target Ukrainian forces have killed more than 2,808 people, according to "
               "the Ukrainian health ministry.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"


def test_according_to_after_the_statement_speaks_for_it_even_before_another_statement():
    row = _one("More than 1,100 people have been killed, according to Ukrainian officials, and the shelling "
               "killed two more on Monday.")
    assert row["victim_side"] == "Ukraine"


def test_counted_others_are_more_of_the_victims_named_before():
    rows = _rows("Nearly 1,800 Ukrainians have been killed and over 6,600 others injured since the war began.")
    assert rows["victim_side"].tolist() == ["Ukraine", "Ukraine"]


def test_a_demonym_modifying_an_attack_after_of_is_the_attacker():
    row = _one("That unleashed a barrage of Russian airstrikes on the crowded city that Ukrainian health "
               "authorities say have killed thousands.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"


def test_taken_back_into_a_place_is_a_destination():
    row = _one("The gunmen overran villages along the border, killing soldiers and civilians in their path, and "
               "took dozens of others back into Russia as hostages.", **RUSSIA_UKRAINE)
    assert row["victim_side"] is None


def test_a_pronoun_agent_far_from_the_reporting_verb_is_not_the_reporter():
    row = _one("Ukraine's media office said airstrikes hit cars as they headed south from Kherson, killing 70 "
               "people.", **RUSSIA_UKRAINE)
    assert (row["victim_side"], row["agent_side"]) == ("Ukraine", None)


def test_a_reporter_after_the_statement_followed_by_an_apposition():
    row = _one("Two soldiers were killed by missile fire, the Russian military said on Saturday, one of the "
               "latest deaths on the front.")
    assert row["victim_side"] == "Russia"


def test_a_side_the_sentence_has_attack_with_to():
    row = _one("She rejected the idea that Ukraine's policies prompted Russia to attack and kill last winter.",
               **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"


def test_a_bare_number_counts_the_people_named_before_it():
    rows = _rows("Ukrainian fighters were still trying to cross the river, the colonel said, adding that two were "
                 "captured and five were killed.")
    assert rows["victim_side"].tolist()[-1] == "Ukraine"
    # after a statement, the count goes with its victims, not with the agent named before it
    rows = _rows("Russian troops have killed more than 60 Ukrainians and injured more than 1,300 since Saturday.")
    assert rows["victim_side"].tolist() == ["Ukraine", "Ukraine"]


def test_dead_before_a_demonym():
    assert _one("But some were dead Ukrainian fighters.")["victim_side"] == "Ukraine"


def test_the_agent_of_a_relative_clause_is_the_noun_before_who():
    row = _one("Iran sent fighters to fight alongside the forces of Syrian President Bashar Assad, who the U.S. "
               "says has killed thousands of civilians.")
    assert row["agent_side"] == "Syria"


def test_a_pronoun_victim_said_to_belong_to_a_group():
    assert _one("Coulibaly told the police before he was killed that he belonged to ISIS.")["victim_side"] == \
        "Islamic State"


def test_a_sides_word_about_one_man_does_not_make_him_theirs():
    # "his" is one person; the government speaking of his death says nothing of whose he was
    row = _one("The North Korean government claimed he fell ill, but doctors could not identify the cause of "
               "his deathly injuries.")
    assert row["victim_side"] is None


def test_a_compound_demonym_names_both_peoples():
    table = _table("The foreign ministry said an Austrian-Israeli dual national was killed.")
    assert table["victim_side"].iloc[0] == "mixed"
    assert table.attrs["victim_side_parts"][table.index[0]] == ("Austria", "Israel")
    # "Iran-backed" and "pro-Iranian" are no two peoples
    assert _one("Iran-backed militias killed two pro-Iranian fighters.")["victim_side"] is None


def test_the_victim_named_after_a_description():
    row = _one("The ministry said that an Australian citizen named Galit Carbone was killed.")
    assert row["victim_side"] == "Australia"


def test_a_victim_identified_as_a_groups_member_and_the_reporters_own_aircraft():
    row = _one("The Ukrainian military said that its warplanes killed Ivan Petrov, who it identified as the deputy "
               "head of the Wagner Group's artillery.")
    assert (row["victim_side"], row["agent_side"]) == ("Wagner Group", "Ukraine")


def test_among_those_killed_were():
    row = _one('Among those killed was "a single-digit number" of Germans, a spokesman said.')
    assert row["victim_side"] == "Germany"


def test_dead_attackers_belong_to_the_attacking_side():
    row = _one("Ukrainian analysts are studying phones found on the bodies of terrorists killed since the Russian "
               "attack.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Russia"


def test_a_member_of_a_force_is_not_the_force_attacking():
    row = _one("A Ukrainian military reservist who was raised in Ohio was killed on Friday when missile fire struck "
               "his unit.", **RUSSIA_UKRAINE)
    assert row["victim_side"] == "Ukraine"
