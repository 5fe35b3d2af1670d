"""framing.sources: who a pronoun, a description or a quantifier refers back to, and which runs of capitals are
no person at all -- advertising residue, a transcript's speaker label, a heading, "the Second Amendment" -- and
an office written as an acronym before a name ("Former DNI James Clapper").

Every sentence here is written for these tests; the expected source, type and anonymity are what a reader of
the text would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

import pytest
from sources_rows import row_at


# ----------------------------------------------------------------------------------- no person

def test_advertising_residue_is_no_antecedent():
    text = ("Even less credible is Sen. Paul Verhoeven, who never met a scandal he did not like. He now says the "
            "talks are troubling. The Hill reports:\n\nAD\n\nAD\n\n“I have been hearing from families,” he said.")
    row = row_at(text, "he said", "said")
    assert row["source"] == "Paul Verhoeven"
    assert row["source_type"] == "politician"


def test_a_transcript_speaker_label_is_no_antecedent():
    text = ("JANE DOE: President Mark Hollis has not signed much. JANE DOE: And he continually described the "
            "shooter as a sick man.")
    row = row_at(text, "he continually described", "described")
    assert row["source"] == "Mark Hollis"
    assert row["source_type"] == "government"


def test_a_constitutional_amendment_is_no_antecedent():
    text = ("That notion has gained currency among gun owners, says Adam Wenzel, a constitutional law professor at "
            "the state university.\n\nMilitias cite the Second Amendment in their pamphlets, and Second Amendment "
            "groups sell them.\n\n“The idea that it protects an uprising was a fringe idea,” he says.")
    row = row_at(text, "he says", "says")
    assert row["source"] == "Adam Wenzel"
    assert row["source_type"] == "expert"


def test_a_heading_is_no_antecedent():
    text = ("Economist Karl Rosen has studied the Russian economy for decades.\n\nBrilliant Tactics\n\n"
            "Tactics, on the other hand, “are short-term ways to gain pieces,” he says.")
    row = row_at(text, "he says", "says")
    assert row["source"] == "Karl Rosen"


# ----------------------------------------------------------------------------------- an acronym as a title

def test_an_office_written_as_an_acronym_is_no_part_of_the_name():
    text = "Former DNI James Clapper said the report was accurate."
    row = row_at(text, text, "said")
    assert row["source"] == "James Clapper"
    assert row["source_type"] == "expert"  # a former official commenting
    text = "DNI Dana Coats told senators the threat was growing."
    row = row_at(text, text, "told")
    assert row["source"] == "Dana Coats"
    assert row["source_type"] == "military_security"


# ----------------------------------------------------------------------------------- descriptions

def test_the_chief_is_the_person_titled_chief_at_a_first_mention_far_before():
    filler = " ".join(["The theater had been closed since the attack, and the street outside was quiet."] * 18)
    text = ("Aurora Police Chief Dan Oakes spoke to reporters on Friday. " + filler +
            " The suspect had bought four guns, Oakes said. He bought 6,000 rounds over the Internet, the chief said.")
    row = row_at(text, "the chief said", "said")
    assert row["source"] == "Dan Oakes"
    assert row["source_type"] == "military_security"


def test_the_interim_chief_is_the_interim_police_chief():
    text = ("Interim Police Chief Brian Manning said the bomber had made a video. The interim chief said the bomber "
            "had acted alone.")
    row = row_at(text, "The interim chief said", "said")
    assert row["source"] == "Brian Manning"


# ----------------------------------------------------------------------------------- unnamed people

def test_unnamed_lawmakers_are_anonymous_and_others_are_more_of_them():
    text = ("Some Republican lawmakers said the bill was too expensive. Others said it did not go far enough.")
    first = row_at(text, "lawmakers said", "said")
    assert first["anonymous"]
    assert first["source_type"] == "politician"
    others = row_at(text, "Others said", "said")
    assert others["anonymous"]
    assert others["source_type"] == "politician"


def test_others_after_a_named_person_are_no_type_of_theirs():
    text = "Sen. Ted Crane said the bill was bad. Others said it was fine."
    row = row_at(text, "Others said", "said")
    assert row["anonymous"]
    assert row["source_type"] == "unknown"


def test_a_captions_credit_is_no_part_of_the_name():
    text = ("Rebels hold the town. | AP Photo Tilman urges Russia to cooperate\n\nSecretary of State Rex Tilman on "
            "Wednesday called for talks.\n\nTilman said the ceasefire would hold.")
    row = row_at(text, "Tilman said", "said")
    assert row["source"] == "Rex Tilman"
    assert row["source_type"] == "government"
    row = row_at(text, "Tilman urges", "urges")
    assert row["source"] == "Rex Tilman"
    assert row["source_type"] == "government"


# ----------------------------------------------------------------------------------- bodies and places

def test_a_congressional_committee_is_politician_not_intelligence():
    text = "The Senate Intelligence Committee said Russia had interfered."
    row = row_at(text, text, "said")
    assert row["source_type"] == "politician"
    text = "The House Oversight Committee said the request was premature."
    assert row_at(text, text, "said")["source_type"] == "politician"


def test_unnamed_people_in_a_place_speak_for_its_side():
    text = "Officials in Tehran said the deal was a betrayal."
    row = row_at(text, text, "said")
    assert (row["source_type"], row["affiliation"], bool(row["anonymous"])) == ("government", "Iran", True)
    text = "Hardliners in Tehran said the deal was a betrayal."
    row = row_at(text, text, "said")
    assert (row["source_type"], row["affiliation"]) == ("politician", "Iran")
    # a diplomat is posted to the place, and does not speak for it
    text = "A European diplomat in Kabul said the talks had stalled."
    assert row_at(text, text, "said")["affiliation"] != "Afghanistan"



@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    ("The ATF said the rifle had been bought legally.", "said", "military_security"),
    ("Immigration and Customs Enforcement said the raids targeted gang members.", "said", "military_security"),
    ("The Secret Service said the fence would be raised.", "said", "military_security"),
    ("The Congressional Research Service said the program would cost more.", "said", "government"),
    ("The IRS said the rule would take effect in January.", "said", "government"),
    ("USAID said the aid had been delivered.", "said", "government"),
    ("Newsmax reported that the meeting had been cancelled.", "reported", "media"),
    ("AIPAC said it opposed the resolution.", "said", "other"),
    ("The Human Rights Campaign said the ruling was a victory.", "said", "other"),
    ("The PKK said it had attacked the post.", "said", "armed_group"),
])
def test_agencies_outlets_and_groups_of_the_news_are_typed(sentence, cue, expected):
    assert row_at(sentence, sentence, cue)["source_type"] == expected



# ----------------------------------------------------------------------------------- what the rules must not do

def test_a_name_written_with_a_no_break_space_is_still_an_antecedent():
    text = "Gov. Andrew\u00a0Cuomo toured the flooded streets on Monday. Speaking to reporters, he said the state would rebuild."
    row = row_at(text, "he said", "said")
    assert row["source_type"] == "government"
    assert "Cuomo" in row["source"]


def test_others_after_the_police_are_not_the_police():
    text = "Police said the suspect had been shot by an officer. Others said he was unarmed when he ran."
    assert row_at(text, "Others said", "said")["source_type"] != "military_security"


def test_the_new_or_interim_chief_is_not_the_chief_who_left():
    text = ("Police Chief Tom Smythe was fired last month after the shooting. The new chief said the department "
            "would review its policy.")
    assert row_at(text, "The new chief said", "said")["source"] != "Tom Smythe"
    text = "Former Police Chief Mark Rollins resigned in March. The interim chief said officers would wear cameras."
    assert row_at(text, "The interim chief said", "said")["source"] != "Mark Rollins"


def test_foreigners_in_a_place_do_not_speak_for_it():
    text = "Western officials in Kabul said the Taliban had taken the district."
    assert row_at(text, text, "said")["affiliation"] != "Afghanistan"
    text = "Foreign journalists in Moscow said their visas had been revoked."
    assert row_at(text, text, "said")["affiliation"] != "Russia"


def test_agents_of_two_agencies_stay_unnamed_people():
    text = "Agents from the FBI and Immigration and Customs Enforcement said the suspect had fled."
    row = row_at(text, text, "said")
    assert row["anonymous"]
    assert row["source_type"] == "military_security"
