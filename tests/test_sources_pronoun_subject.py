""""He" or "she" continues the person the text is about, not whoever the last sentences act on or whoever spoke
paragraphs before: the person a description names as the subject of the sentence before ("Yet even the president
seemed to know it. He said ...") and not a name that "he" acts on in the sentence before ("Later he met President
Ivo Kral. He said ...": the one who met him).

Expected values come from reading the sentences, written for each shape with invented names.
"""

from __future__ import annotations

import pytest
from sources_rows import sources_of, verb_row


@pytest.mark.parametrize(("text", "verb", "source"), [
    # a description that is the subject of the sentence before names the person, not the last one who spoke
    ("President Tom Vole took office in March. Ben Reed, a former envoy, told Congress this month that the "
     "leaders were killed. Her case shows how the Vole administration tries suspects in court. Yet even the "
     "president seemed to know that closing the camp would be a hurdle. He said in his final news conference "
     "that he wants to work with Congress.", "said", "Tom Vole"),
    ("Police Chief Dan Orr took over the force in May. Mayor Ken Hale said the city would hire more officers. "
     "On Friday, the chief walked out of the council meeting early. He insisted that the budget was too small.",
     "insisted", "Dan Orr"),
    # a name that "he" or "she" acts on in the sentence before is not the one meant
    ("President Tom Vole arrived in Oslo on Monday. Later he met Prime Minister Ivo Kral at the palace. He said "
     "the talks were good.", "said", "Tom Vole"),
    ("Prime Minister Ana Lund arrived in Rome on Monday. She praised Chancellor Eva Holm for her courage. She "
     "insisted that the deal was fair.", "insisted", "Ana Lund"),
    # an unnamed spokesman who spoke in the sentence before, not the senator before him
    ("Sen. Todd Marr said the aid should stop. A spokesman for Pakistan’s military said on Geo TV Thursday that "
     "Islamabad would not be coerced. He insisted that Pakistan wants to move forward.", "insisted", "spokesman"),
    ("When Sen. Vole says that the statue is “history,” he is echoing the marchers. When he compares General Ed Lee "
     "to the founders, he is sure to thrill them.\n\nWhen he insists that the march was fine, he is "
     "wrong.", "insists", "Vole"),
])
def test_pronoun_continues_the_subject(text, verb, source):
    assert verb_row(text, verb)["source"] == source


@pytest.mark.parametrize(("text", "verb", "source"), [
    # a clause set off by a comma: the one named after it is the subject "he" anticipates
    ("Sen. Jon Marsh arrived on Monday. After he met reporters, Gov. Tom Brown left the hall. He said the talks "
     "were good.", "said", "Tom Brown"),
    # a description the passive acts on is not the speaker of the next sentence
    ("Police Chief Dan Orr spoke on Monday. Mayor Ken Hale said the city would hire more officers. Later the "
     "chief was fired by the council. He insisted that the budget was too small.", "insisted", "Ken Hale"),
    # a spokeswoman is no "he"
    ("Sen. Todd Marr said the aid should stop. A spokeswoman for Pakistan’s military said on Thursday that "
     "Islamabad would not be coerced. He insisted that the aid must stop.", "insisted", "Todd Marr"),
    # a sentence that opens with "he" is about him, not about whom its later clauses name
    ("President Tom Vole arrived in Oslo on Monday. He decided not to respond when Iran shot down a drone, leaving "
     "the impression that Prime Minister Ivo Kral was not worth defending. He insisted that the talks were good.",
     "insisted", "Tom Vole"),
    # a clause after "and" with a subject of its own, a "he" the name is, a clause the name is the subject after,
    # the surname He, a list after "he" with titles in it
    ("Sen. Bob Jones spoke first. He then left the room, and Sen. John Smith took the floor. He insisted that the "
     "bill was dead.", "insisted", "John Smith"),
    ("The veteran sat alone at the bar. He is Sgt. John Smith, a veteran of two wars. He insisted that the war "
     "changed him.", "insisted", "John Smith"),
    ("Sen. John Smith spoke on Monday. Before he left office President Barack Obama signed the order. He insisted "
     "that it was necessary.", "insisted", "Barack Obama"),
    ("Chinese Vice Premier He Lifeng and Treasury Secretary Scott Bessent met in Geneva on Sunday. He insisted that "
     "the talks were constructive.", "insisted", "Scott Bessent"),
    ("Gov. Bob Jones toured the border on Monday. Later he met with Sen. Tom Brown and Rep. John Smith. He insisted "
     "that the wall was needed.", "insisted", "Bob Jones"),
    # a name after a pronoun of the other sex is not skipped
    ("Prime Minister Ana Lund arrived in Rome on Monday. She praised Chancellor Ivo Holm for his courage. He "
     "insisted that the deal was fair.", "insisted", "Ivo Holm"),
])
def test_pronoun_guards(text, verb, source):
    assert verb_row(text, verb)["source"] == source


@pytest.mark.parametrize("text", [
    "The nominee, Mary Jones, is a former aide to Sen. John Smith. He said she was the best choice.",
    "Jones worked for his ex-boss Sen. John Smith in Ohio. He said Jones was loyal.",
])
def test_former_before_another_role_does_not_make_the_antecedent_former(text):
    row = verb_row(text, "said")
    assert (row["source"], row["source_type"]) == ("John Smith", "politician")


def test_a_former_title_before_the_antecedent_keeps_its_role_past():
    # "he" is the former officer named before it, not the man in the video he acts on; his role is past (an
    # expert by the codebook's convention), so "The former officer" is him too
    text = ("The protests began after a white former St. Louis officer was found not guilty.\n\nThat white officer, "
            "former St. Louis police Officer Jan Stock, said Friday that he understands how a video of him shooting "
            "Al Smith looks bad. But he said the optics have to be separated from the facts.\n\nStock told the "
            "Post-Dispatch that the burden never lifts. The former officer said he was concerned for protesters.")
    rows = sources_of(text)
    said = rows[rows["verb"] == "said"]
    assert list(said["source"].iloc[1:]) == ["Jan Stock", "Jan Stock"]
    assert set(said["source_type"].iloc[1:]) == {"expert"}


def test_a_delegation_reported_by_the_other_side_speaks_for_its_leaders_side():
    text = ("U.S. Secretary of State Mike Pell arrived in Pyongyang. “The talks were regrettable,” a North Korean foreign "
            "ministry spokesman said in a statement. He said Pell’s delegation insisted on denuclearization.")
    rows = sources_of(text)
    said = rows[rows["verb"] == "said"].iloc[-1]
    insisted = rows[rows["verb"] == "insisted"].iloc[0]
    assert said["affiliation"] == "North Korea" and said["source_type"] == "government"
    assert insisted["affiliation"] == "United States"


def test_a_name_after_a_sentence_that_ends_with_he_acting_is_not_skipped():
    # "Mr Gol" opens his sentence; the "he" of the sentence before (ending "last December.") is someone else's
    text = ("Ali Gol and Reza Dost were charged on Monday.\n\nThe pictures and a receipt were found in the luggage of "
            "Reza Dost as he returned to Iran last December.\n\nMr Gol is said to have made a trip to Iran in March "
            "to give a briefing.\n\nTwo months later, he is alleged to have attended a convention in Washington.\n\n"
            "He is said to have photographed speakers before discussing with Mr Dost how to get the information "
            "back to Iran.")
    assert verb_row(text, "discussing")["source"] == "Ali Gol"


def test_retired_before_a_place_and_a_role_makes_the_antecedent_an_expert():
    text = ("Counselor Jan Dale carries a pistol. Retired Houston homicide detective Brian Foss has a booth at the "
            "festival where he sells books.\n\n“Police cannot take care of citizens,” he says.")
    row = verb_row(text, "says")
    assert (row["source"], row["source_type"]) == ("Brian Foss", "expert")
