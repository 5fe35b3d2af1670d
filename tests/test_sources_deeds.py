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


def test_the_co_president_of_an_advocacy_center_is_no_official():
    text = ("Avery Lund, the co-president of the Hollow Creek Center to Prevent Gun Violence, said the sales were "
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
    assert row_at(text, text, "said")["source_type"] != "civilian"


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
    assert row["source_type"] != "media"


def test_what_a_witness_was_interviewed_by_does_not_type_the_witness():
    text = "“I knew it was an explosion,” said Denise Barr, an American woman interviewed by Sky television."
    row = row_at(text, text, "said")
    assert row["source_type"] == "civilian"


def test_the_assistant_to_the_solicitor_general_is_government():
    text = "The assistant to the solicitor general, Joseph Pallant, admitted that the agency had overreached."
    row = row_at(text, text, "admitted")
    assert row["source"] == "Joseph Pallant"
    assert row["source_type"] == "government"
