"""framing.sources: what the article's own words make of a source it gives no title -- a suspect the law acts
on, a writer or host speaking in a venue of their own, the head of a body named before or after the office, an
unnamed person described by what they are, a survey's share of respondents, and a definite title that refers
back to the person who holds it.

Every sentence here is written for these tests; the expected source, type and anonymity are what a reader of
the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl) and
the conventions of benchmarks/README.md ("Sources: hand-coded validation sample": suspects, advocacy groups and
companies are other; columnists, hosts and bloggers are media; unnamed people are anonymous).
"""

from __future__ import annotations

from sources_rows import row_at


# ----------------------------------------------------------------------------------- suspects

def test_a_person_the_police_arrested_is_a_suspect_not_a_civilian():
    text = ("Police arrested Lionel Garrow, 29, at a motel on Sunday. “I did what I had to do,” Garrow said in a "
            "recorded call.")
    row = row_at(text, "Garrow said", "said")
    assert row["source"] == "Lionel Garrow"
    assert row["source_type"] == "other"


def test_a_person_who_was_indicted_is_a_suspect():
    text = ("Marta Velde, 41, was indicted on two counts of arson. Velde told an undercover agent that the fires "
            "were a warning.")
    row = row_at(text, "Velde told", "told")
    assert row["source_type"] == "other"


def test_a_speaker_who_accuses_others_is_no_suspect():
    text = "Rosa Ilic accused the county of hiding the records. “They lied to us,” Ilic said."
    row = row_at(text, "Ilic said", "said")
    assert row["source"] == "Rosa Ilic"
    assert row["source_type"] == "civilian"


def test_allegedly_before_the_verb_is_no_part_of_the_name():
    text = "Officers charged Dean Hollis with making threats. “I meant every word,” Hollis allegedly wrote."
    row = row_at(text, "Hollis allegedly wrote", "wrote")
    assert row["source_mention"] == "Hollis"
    assert row["source_type"] == "other"


# ----------------------------------------------------------------------------------- venues of one's own

def test_a_person_writing_on_their_own_blog_is_media():
    text = "As Corin Haldane pointed out on his blog last week, the rule has never been enforced."
    row = row_at(text, text, "pointed out")
    assert row["source"] == "Corin Haldane"
    assert row["source_type"] == "media"


def test_a_person_arguing_on_their_own_show_is_media():
    text = "Nadia Pruitt argued on her nightly show that the vote would be close."
    row = row_at(text, text, "argued")
    assert row["source_type"] == "media"


def test_a_show_someone_else_hosts_makes_no_host():
    text = "Ivo Brandt said on Sunday that he would run again. “I am ready,” Brandt said."
    row = row_at(text, "Brandt said", "said")
    assert row["source_type"] == "civilian"


# ----------------------------------------------------------------------------------- heads of bodies

def test_a_body_named_before_president_decides_the_type():
    text = "NAACP president Lena Corley said on Sunday that charges were likely."
    row = row_at(text, text, "said")
    assert row["source"] == "Lena Corley"
    assert row["source_type"] == "other"


def test_a_university_president_is_an_expert_and_an_authority_president_government():
    text = "Westbrook University president Amos Keel said the campus would reopen."
    assert row_at(text, text, "said")["source_type"] == "expert"
    text = "Palestinian Authority President Mahmoud Abbas said the talks were over."
    assert row_at(text, text, "said")["source_type"] == "government"


def test_the_co_president_of_an_advocacy_fund_is_no_official():
    text = ("Avery Lund, the co-president of the Hollow Creek Fund to Prevent Gun Violence, said the sales were "
            "crimes.")
    row = row_at(text, text, "said")
    assert row["source"] == "Avery Lund"
    assert row["source_type"] == "other"


def test_the_president_of_a_country_is_still_government():
    text = "Ramon Ortiz, the president of Mexico, said the border would stay open."
    row = row_at(text, text, "said")
    assert row["source_type"] == "government"


# ----------------------------------------------------------------------------------- unnamed people

def test_an_official_briefed_on_the_talks_is_anonymous():
    text = "“We met with them twice,” said a U.S. official briefed on the talks."
    row = row_at(text, text, "said")
    assert row["anonymous"]
    assert row["source_type"] == "government"
    assert not isinstance(row["source"], str)


def test_a_woman_in_a_named_town_is_an_anonymous_civilian():
    text = "A woman in Limon, Colorado, reported to police that a neighbour had threatened her."
    row = row_at(text, text, "reported")
    assert row["anonymous"]
    assert row["source_type"] == "civilian"


def test_who_with_its_verb_describes_the_noun_before_it():
    text = "A man who lives nearby said he heard six shots."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "A man"
    assert row["anonymous"]


def test_a_pronoun_after_who_is_the_subject_of_the_relative_clause():
    text = ("“It took too long,” Ana Ruiz said. She is wary of some city officials, who she said ignored her for "
            "years.")
    row = row_at(text, "who she said", "said")
    assert row["source"] == "Ana Ruiz"
    assert not row["anonymous"]


def test_party_members_named_by_their_chamber_are_unnamed_people():
    text = "House Democrats urged the speaker on Wednesday to hold a vote."
    row = row_at(text, text, "urged")
    assert row["anonymous"]
    assert row["source_type"] == "politician"


def test_a_hyphenated_owner_is_an_unnamed_person():
    text = "The shop-owner demanded that he pay for the drinks."
    row = row_at(text, text, "demanded")
    assert row["anonymous"]


# ----------------------------------------------------------------------------------- survey shares

def test_a_share_written_in_words_is_the_anonymous_respondents():
    text = "Fifty-seven percent said the shootings reflect a failure of mental health care."
    row = row_at(text, text, "said")
    assert row["anonymous"]
    assert row["source_type"] == "civilian"


def test_the_proportion_who_say_is_the_anonymous_respondents_but_a_party_majority_is_not():
    text = "The proportion who say they trust the denials has not moved since March."
    row = row_at(text, text, "say")
    assert row["anonymous"] and row["source_type"] == "civilian"
    text = "The majority of the party said the bill went too far."
    assert not row_at(text, text, "said")["anonymous"]
    text = "The court split five to four. The majority wrote that the statute was vague."
    row = row_at(text, "The majority wrote", "wrote")
    assert not row["anonymous"] and row["source_type"] != "civilian"  # the court's majority, no poll


# ----------------------------------------------------------------------------------- titles and descriptions

def test_the_chief_refers_back_to_the_police_chief_named_before():
    text = ("Aurora Police Chief Dana Oakes said the gunman used a rifle. Mayor Steve Hollan said the city "
            "grieves. He bought ammunition online, the chief said.")
    row = row_at(text, "the chief said", "said")
    assert row["source"] == "Dana Oakes"
    assert row["source_type"] == "military_security"


def test_a_news_conference_is_no_outlet():
    text = ("James Kowal, speaking at a news conference today, said the city would create a review board. "
            "Kowal said it would meet monthly.")
    row = row_at(text, "Kowal said", "said")
    assert row["source_type"] == "civilian"  # no title in the article; a news conference makes no journalist


def test_what_a_witness_was_interviewed_by_does_not_type_the_witness():
    text = "“I knew it was an explosion,” said Denise Barr, an American woman interviewed by Sky television."
    row = row_at(text, text, "said")
    assert row["source_type"] == "civilian"


def test_the_assistant_to_the_solicitor_general_is_government():
    text = "The assistant to the solicitor general, Joseph Pallant, admitted that the agency had overreached."
    row = row_at(text, text, "admitted")
    assert row["source"] == "Joseph Pallant"
    assert row["source_type"] == "government"


# ----------------------------------------------------------------------------------- what these rules leave alone

def test_a_relative_of_a_suspect_with_the_same_surname_is_no_suspect():
    text = ("Mark Dorsey, 19, was charged with murder. “I heard nothing,” said Linda Dorsey, who lives next "
            "door.")
    row = row_at(text, "said Linda", "said")
    assert row["source"] == "Linda Dorsey"
    assert row["source_type"] == "civilian"


def test_the_parent_of_an_arrested_son_is_no_suspect():
    text = "Police arrested Dan Orwell's son on Monday. “He is innocent,” Orwell said."
    row = row_at(text, "Orwell said", "said")
    assert row["source_type"] == "civilian"


def test_no_charges_and_a_duty_charged_make_no_suspect():
    text = "Ana Rusk faces no charges. “I am relieved,” Rusk said."
    assert row_at(text, "Rusk said", "said")["source_type"] == "civilian"
    text = "Maria Velde is charged with overseeing the recount. “It is fair,” Velde said."
    assert row_at(text, "Velde said", "said")["source_type"] == "civilian"


def test_a_guest_on_a_hosts_show_is_no_host():
    text = "Hannity hosted Kyle Brandt on his show. “It is fair,” Brandt said."
    assert row_at(text, "Brandt said", "said")["source_type"] == "civilian"


def test_people_a_relative_clause_names_before_said_are_the_speakers():
    text = "Officers shot a man who police said was armed with a knife."
    row = row_at(text, text, "said")
    assert row["source_mention"] == "police"
    assert row["source_type"] == "military_security"


def test_the_state_and_the_defense_are_no_titled_person():
    text = "State Sen. Ann Lee introduced the bill. The state argued in court that the law was valid."
    row = row_at(text, "The state argued", "argued")
    assert row["source"] != "Ann Lee"
    text = "Defense Secretary Jim Matson visited the base. In court, the defense argued that the sergeant was innocent."
    assert row_at(text, "the defense argued", "argued")["source"] != "Jim Matson"


def test_an_office_held_is_not_anonymous_but_an_indefinite_leader_is():
    text = "Iran's supreme leader said the talks were over."
    assert not row_at(text, text, "said")["anonymous"]
    text = "The president's national security adviser said the talks were over."
    assert not row_at(text, text, "said")["anonymous"]
    text = "A senior Hamas leader said the talks were over."
    assert row_at(text, text, "said")["anonymous"]


def test_a_named_group_of_party_members_is_not_anonymous():
    text = "The Log Cabin Republicans said in a statement that the ruling was wrong."
    assert not row_at(text, text, "said")["anonymous"]


def test_a_diplomat_based_somewhere_is_anonymous():
    text = "“The talks will fail,” said a Western diplomat based in Geneva."
    row = row_at(text, text, "said")
    assert row["anonymous"]
