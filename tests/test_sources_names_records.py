"""framing.sources: a person's name before "of <place>", surnames that are role words, joint speakers, records
no named body wrote, and the police behind unnamed "authorities".

Every sentence here is written for these tests; the expected source, type, side and anonymity are what a reader
of the sentence would code by the codebook of the hand-coded gold (``../shared/gold/README.md``, sources.jsonl)
and the conventions of benchmarks/README.md ("Sources: hand-coded validation sample").
"""

from __future__ import annotations

import pytest

from framing.text.quotes import speaker_name
from sources_rows import row_at, side


# ----------------------------------------------------------------------------------- names

@pytest.mark.parametrize("phrase, name", [
    ("Rep. Peter King of New York", "Peter King"),
    ("Sheriff Tackitt of Wilson County", "Tackitt"),
    ("Bob Corker of Tennessee", "Bob Corker"),
    ("King Abdullah of Jordan", "Abdullah"),
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
    ("the Department of Homeland Security", "Department of Homeland Security"),
    ("Bank of America", "Bank of America"),
    ("a classmate of Dzhokhar", "a classmate of Dzhokhar"),
    ("the extradition of Assange", "Assange"),
])
def test_the_name_in_a_speaker_phrase_with_of(phrase, name):
    assert speaker_name(phrase) == name


def test_a_representative_of_a_state_is_the_person_not_the_state():
    text = "Rep. Peter King of New York criticized the plan on Sunday."
    row = row_at(text, text, "criticized", home="United States")
    assert row["source"] == "Peter King"
    assert row["source_type"] == "politician"


def test_a_surname_that_is_a_role_word_is_no_king():
    text = ("Rep. Peter King of New York criticized the plan. "
            "“It is up to the president to be more forceful,” King said.")
    row = row_at(text, "King said", "said", home="United States")
    assert row["source"] == "Peter King"
    assert row["source_type"] == "politician"


def test_an_apposition_after_the_home_state_gives_the_role():
    text = ("“Hitting the banks would send shock waves,” said Bob Corker of Tennessee, the ranking Republican "
            "on the Senate Foreign Relations Committee.")
    row = row_at(text, text, "said", home="United States")
    assert row["source"] == "Bob Corker"
    assert row["source_type"] == "politician"


def test_someone_described_by_another_person_is_not_that_person():
    text = "A classmate of Dzhokhar tells the radio station that the account was his."
    row = row_at(text, text, "tells")
    assert row["source"] != "Dzhokhar"
    assert row["anonymous"]
    assert row["source_type"] == "civilian"


# ----------------------------------------------------------------------------------- joint speakers

def test_joint_speakers_are_the_first_named():
    text = "Senator Jane Moss and Representative Paul Hart asked the agency to release the files."
    row = row_at(text, text, "asked", home="United States")
    assert row["source"] == "Jane Moss"
    assert row["source_type"] == "politician"


@pytest.mark.parametrize("text, cue, source", [
    # a generation after the first name ends it
    ("Sheriff Tony Lippa Jr. and Deputy Floyd Thomas say the road will stay closed until Monday.", "say",
     "Tony Lippa Jr."),
    # the word that counts them is no part of it
    ("Senator Ann Kelly spoke first. Mayor Tom Reyes spoke next. Both Kelly and Reyes noted the risks.", "noted",
     "Ann Kelly"),
])
def test_joint_speakers_are_the_first_named_whole(text, cue, source):
    row = row_at(text, text, cue, home="United States")
    assert row["source"] == source


def test_a_person_and_other_members_of_a_group_are_the_person():
    text = "Governor Ann Lee and other Democrats have said that the plan would fail."
    row = row_at(text, text, "said", home="United States")
    assert row["source"] == "Ann Lee"
    assert not row["anonymous"]


def test_two_unnamed_groups_stay_one_anonymous_source():
    text = "Officials in Gaza and Israeli officials said dozens were hurt."
    row = row_at(text, text, "said")
    assert row["anonymous"]


# ----------------------------------------------------------------------------------- records

@pytest.mark.parametrize("text", [
    "Government figures show about 0.5 gun homicides per 100,000 inhabitants.",
    "Court records show the man was jailed twice before the attack.",
    "The man was jailed twice before the attack, court records show.",
])
def test_a_record_no_named_body_wrote_is_a_document_of_the_home_side(text):
    row = row_at(text, text, "show", home="United States")
    assert row["source_type"] == "document"
    assert not row["anonymous"]
    assert side(row) == "United States"


def test_a_statement_from_its_author_is_the_author():
    text = "Curtis is fluent in French and Arabic, according to a statement from his family."
    row = row_at(text, text, "according to")
    assert row["source_type"] == "civilian"


def test_a_record_of_a_named_body_is_its_author():
    text = "Pentagon documents show the base was attacked twice."
    row = row_at(text, text, "show", home="United States")
    assert row["source_type"] == "military_security"


# ----------------------------------------------------------------------------------- the police

def test_unnamed_authorities_after_a_shooting_are_the_police():
    text = ("A gunman opened fire at a mall in Ohio on Friday, killing three people. "
            "Authorities said the suspect had been arrested.")
    row = row_at(text, "Authorities said", "said", home="United States")
    assert row["anonymous"]
    assert row["source_type"] == "military_security"


def test_a_shooting_range_is_no_police_matter():
    text = ("The rule restricted the transport of handguns to shooting ranges within the city. "
            "Authorities told the men that the rule barred them from a match.")
    row = row_at(text, "Authorities told", "told", home="United States")
    assert row["source_type"] == "government"


def test_an_arrest_alone_is_no_police_matter():
    text = ("They marched to protest the reported arrest of the party's leaders. "
            "Authorities accuse them of inciting violence in the days before.")
    row = row_at(text, "Authorities accuse", "accuse", home="United States")
    assert row["source_type"] == "government"


def test_unnamed_authorities_elsewhere_stay_government():
    text = "Tax revenue in the state rose by a tenth this year, authorities said."
    row = row_at(text, text, "said", home="United States")
    assert row["source_type"] == "government"


def test_authorities_of_a_named_country_stay_its_government():
    text = "After the shooting at the border, Syrian authorities said the soldiers had fired first."
    row = row_at(text, text, "said")
    assert row["source_type"] == "government"
    assert side(row) == "Syria"


# ----------------------------------------------------------------------------------- offices and staff

def test_a_mediator_of_the_un_is_the_un():
    text = ("UN mediator Lakhdar Brahimi, who has been overseeing the talks, must bridge the gap. "
            "Mr. Brahimi indicated some progress on Sunday.")
    row = row_at(text, "Mr. Brahimi indicated", "indicated")
    assert row["source_type"] == "international_ngo"


def test_the_spokesman_of_a_lawmaker_speaks_as_a_politician():
    text = ("Rep. Steve Stockman has touted his endorsement. Mr. Stockman’s spokesman, Don Ferguson, explained, "
            "“The database was part of it.”")
    row = row_at(text, "Don Ferguson, explained", "explained", home="United States")
    assert row["source"] == "Don Ferguson"
    assert row["source_type"] == "politician"


def test_a_city_council_president_is_a_politician():
    text = "Common Council President Ashanti Hamilton said the groups would meet on Monday."
    assert row_at(text, text, "said", home="United States")["source_type"] == "politician"


def test_a_national_security_and_defense_council_is_the_government():
    text = ("Oleksiy Danylov, the secretary of Ukraine's National Security and Defense Council, wrote on Facebook "
            "that investigators had found debris.")
    row = row_at(text, text, "wrote")
    assert row["source_type"] == "government"
    assert side(row) == "Ukraine"


def test_a_term_with_and_joins_no_title_to_a_name():
    text = ("The act approved by Congress and President Donald Trump last year was cited on Tuesday. "
            "“We are doing something now,” Trump said.")
    row = row_at(text, "Trump said", "said", home="United States")
    assert row["source"] == "Donald Trump"
    assert row["source_type"] != "politician"


def test_two_lawmakers_named_together_are_the_first():
    text = ("In a letter, Reps. Peter King of New York and Patrick Meehan of Pennsylvania cited support for the "
            "designation. The tools would help, according to King and Meehan.")
    first = row_at(text, "Pennsylvania cited", "cited", home="United States")
    second = row_at(text, "according to", "according to", home="United States")
    assert first["source"] == second["source"] == "Peter King"
    assert first["source_type"] == second["source_type"] == "politician"


def test_a_cue_written_twice_is_no_part_of_the_name():
    text = "“We have no room for it,” said City Councilman Roberto Trevino said in a statement."
    row = row_at(text, text, "said")
    assert "said" not in row["source"]


# ----------------------------------------------------------------------------------- speakers found

def test_an_inverted_speaker_with_a_lower_case_description_before_the_name():
    text = "“She would tell anybody who would listen,” said neighbor Evan Weron."
    row = row_at(text, text, "said")
    assert row["source"] == "Evan Weron"
    assert row["source_type"] == "civilian"


@pytest.mark.parametrize(("text", "source", "source_type"), [
    ("To win the war, the army needs more troops, says retired Gen. Lars Pell, a former commander.", "Lars Pell",
     "expert"),
    ("The budget is too small, said acting Secretary Jane Holm.", "Jane Holm", "government"),
    ("The results are in, said outgoing Mayor Tom Hale.", "Tom Hale", "government"),
])
def test_an_inverted_speaker_with_a_participle_before_the_title(text, source, source_type):
    row = row_at(text, text, "said" if "said" in text else "says", home="United States")
    assert row["source"] == source
    assert row["source_type"] == source_type


def test_the_one_an_outlet_quotes_as_saying():
    text = ("The Pentagon plans to open another base. The network quotes Gen. Martin Dempsey, chairman of the "
            "Joint Chiefs of Staff, saying it is still unclear whether more troops are needed.")
    row = row_at(text, "saying", "saying", home="United States")
    assert row["source"] == "Martin Dempsey"
    assert row["source_type"] == "military_security"


def test_with_an_office_of_a_body_saying():
    text = ("The bill had bipartisan support, with the leader of the Republican-held state Senate saying it does "
            "not infringe on the Constitution.")
    row = row_at(text, text, "saying", home="United States")
    assert row["source_type"] == "politician"


def test_it_is_the_body_that_opens_its_sentence():
    text = "The FBI released photos on Thursday of two men it described as suspects in the bombing."
    row = row_at(text, text, "described", home="United States")
    assert row["source"] == "FBI"
    assert row["source_type"] == "military_security"


def test_a_former_office_of_several_words_makes_an_expert():
    text = ("The autopsy was conducted by former New York City Chief Medical Examiner Michael Baden. "
            "Baden said none of the wounds came from close range.")
    row = row_at(text, "Baden said", "said", home="United States")
    assert row["source_type"] == "expert"


# ----------------------------------------------------------------------------------- bodies the lexicon does not know

@pytest.mark.parametrize("text, name", [
    ("Dana Cho, a representative of Sae-A in Haiti, said the employees will be paid almost $5 a day.", "Dana Cho"),
    ("“It buys time,” says Emily Heinauer, senior director of advanced programs for Hardwire.", "Emily Heinauer"),
])
def test_a_role_in_a_named_body_the_lexicon_does_not_know_is_other(text, name):
    row = row_at(text, text, "said" if "said" in text else "says", home="United States")
    assert row["source"] == name
    assert row["source_type"] == "other"
    assert side(row) is None


def test_a_role_in_a_center_is_not_guessed_to_be_other():
    text = "Tom Lee, a senior associate at the Stimson Center, said the sale would harm the economy."
    assert row_at(text, text, "said")["source_type"] != "other"


def test_a_role_in_a_named_country_is_not_other():
    text = "Ann Berg, a representative of Canada at the talks, said the deal was near."
    assert row_at(text, text, "said")["source_type"] == "government"


# ----------------------------------------------------------------------------------- pronouns

def test_she_is_the_person_who_opens_her_sentence_not_the_last_speaker():
    text = ("Trump said the vote was rigged. Conservative commentator Ann Coulter, who had been an enthusiastic "
            "supporter of Trump during the campaign, summed up the mood when she tweeted: “It doesn’t matter.”")
    row = row_at(text, "she tweeted", "tweeted", home="United States")
    assert row["source"] == "Ann Coulter"
    assert row["source_type"] == "media"


def test_a_sentence_that_opens_with_no_person_gives_her_no_subject():
    text = "Trump met Merkel on Monday. The talks were long, and she said they went well."
    row = row_at(text, "she said", "said", home="United States")
    assert row["source"] != "Trump"


def test_two_people_named_as_each_others_spokesman_end_in_a_row_each():
    text = ("Mr. Smith’s spokesman, Tom Jones, said the plan would work. "
            "Mr. Jones’s spokesman, Bob Smith, said it would not.")
    first = row_at(text, "Tom Jones, said", "said")
    second = row_at(text, "Bob Smith, said", "said")
    assert first["source"] == "Tom Jones"
    assert second["source"] == "Bob Smith"


def test_initials_as_a_given_name_keep_the_person_and_the_title():
    text = "National security adviser H.R. McMaster spoke on Sunday. McMaster said the talks would resume."
    row = row_at(text, "McMaster said", "said", home="United States")
    assert row["source"] == "H.R. McMaster"
    assert row["source_type"] == "government"


# ----------------------------------------------------------------------------------- people of one surname

def test_a_surname_with_a_lower_case_particle_is_one_person_however_it_opens():
    # "DiGenova" opening a sentence and "diGenova" inside one are the Joseph diGenova named with his role
    text = ("Joseph diGenova, a former U.S. attorney for the District of Columbia, told the paper that the inquiry "
            "was wrong. DiGenova emphasized that he was speaking for himself. In the interview, diGenova said the "
            "prosecutors were thugs.")
    for snippet, cue in (("DiGenova emphasized", "emphasized"), ("diGenova said", "said")):
        row = row_at(text, snippet, cue, home="United States")
        assert row["source"] == "Joseph diGenova"
        assert row["source_type"] == "expert"


@pytest.mark.parametrize(("text", "snippet", "name"), [
    # the surname alone is the person with an office, not the family member named beside them
    ("President Donald Trump and first lady Melania Trump visited the hospital on Monday. “We will stand by "
     "them,” Trump said.", "Trump said", "Donald Trump"),
    ("First lady Michelle Obama toured the school. President Barack Obama signed the order. “It is a start,” "
     "Obama said.", "Obama said", "Barack Obama"),
    # an honorific of one sex picks the namesake of that sex
    ("President Donald Trump and first lady Melania Trump visited the hospital on Monday. Mrs. Trump said she "
     "was moved.", "Mrs. Trump said", "Melania Trump"),
    # of two office holders, the one who has spoken
    ("Bill Clinton signed the ban in 1994. Hillary Clinton, the Democratic nominee, said on Tuesday that it "
     "should return. Clinton said it would save lives.", "Clinton said", "Hillary Clinton"),
    # a title the family member does not hold: the surname is the name of someone else
    ("First lady Michelle Obama arrived first. President Obama spoke at the memorial on Sunday. “The pain is "
     "extraordinary,” he said.", "he said", "Obama"),
    # a name written twice in a row (a caption's doubled credit) is one name
    ("Former Rep. Gabrielle Giffords Gabrielle Giffords vows to fight on. Giffords said the fight goes on.",
     "Giffords said", "Gabrielle Giffords"),
    # a name written fuller ("Donald J. Trump") is the same person, not a namesake
    ("Donald J. Trump spoke first. Later Donald Trump met Melania Trump. Trump said the talks went well.",
     "Trump said", "Donald J. Trump"),
])
def test_a_surname_several_people_share(text, snippet, name):
    assert row_at(text, snippet, "said", home="United States")["source"] == name


@pytest.mark.parametrize(("text", "snippet", "name"), [
    ("Austin-based talk host Alex Jones was sued. Media-shy Jones said he would fight.", "Jones said",
     "Alex Jones"),
    ("Concert-goer Mike McGarry said the shots rang out for ten minutes.", "said", "Mike McGarry"),
    # a given name joined by a hyphen is a name ("Hyung-jin")
    ("Hyung-jin Kim, a professor at Korea University, said the talks would fail.", "said", "Hyung-jin Kim"),
])
def test_a_compound_word_that_opens_a_sentence_is_no_given_name(text, snippet, name):
    assert row_at(text, snippet, "said", home="United States")["source"] == name


def test_a_compound_modifier_that_opens_a_sentence_is_no_part_of_a_name():
    text = "Long-time Trump critic Sadiq Khan, the mayor of London, spoke on Sunday. Trump said he did not care."
    assert "Long-time" not in row_at(text, "Trump said", "said", home="United States")["source"]


def test_a_progressive_participle_is_the_verb_of_the_noun_phrase_before_its_auxiliary():
    # not the subject of the main clause ("This")
    text = "This is why so many dissidents in Cuba are denouncing the deal as a betrayal."
    row = row_at(text, text, "denouncing", home="United States")
    assert "dissidents" in row["source_mention"]
    assert bool(row["anonymous"])


@pytest.mark.parametrize("opening", ["What", "Neither", "Unfortunately"])
def test_a_word_that_opens_a_sentence_and_can_be_no_name_is_no_given_name(opening):
    text = (f"{opening} Obama has done about guns is a matter of debate. President Obama said on Monday that the "
            "law would change.")
    assert opening not in row_at(text, "said", "said", home="United States")["source"]


def test_a_shared_role_is_the_role():
    text = "Co-host Joy Behar said the remark was out of line."
    row = row_at(text, text, "said", home="United States")
    assert row["source"] == "Joy Behar"
    assert row["source_type"] == "media"


@pytest.mark.parametrize(("text", "snippet", "name"), [
    ("Reason's Jacob Sullum wrote that the law fails. Sullum said it again on Monday.", "wrote", "Jacob Sullum"),
    ("The NRA's Chris Cox said the bill would fail.", "said", "Chris Cox"),
    # a name that is the whole of a company's name keeps its possessive
    ("Dick's Sporting Goods said it would stop selling rifles. Dick's Sporting Goods announced more on Friday.",
     "said", "Dick's Sporting Goods"),
])
def test_a_person_owned_by_an_outlet_or_a_body_is_named_without_it(text, snippet, name):
    # one person, one name: "Reason's Jacob Sullum" and "Sullum" are both "Jacob Sullum"
    assert row_at(text, snippet, snippet.split()[-1], home="United States")["source"] == name


def test_a_dateline_is_no_part_of_the_speaker():
    # the outlet in the dateline ("(CNN)") gives the president no type of media
    text = ("Washington (CNN) President Barack Obama on Thursday called the nine deaths in the church shooting "
            "\"senseless murders\" and suggested more gun control is needed.\n\n\"Any death of this sort is a tragedy,\" "
            "said Obama.")
    row = row_at(text, "said Obama", "said", home="United States")
    assert row["source"] == "Barack Obama"
    assert row["source_type"] == "government"


def test_a_document_before_a_name_is_no_title():
    # "authorities' photos of Tsarnaev" makes no Tsarnaev an official
    text = ("“They are good boys,” Anzor Tsarnaev said on Friday. When Owens first saw authorities' photos of "
            "Tsarnaev, he was not sure it was him.")
    row = row_at(text, "Anzor Tsarnaev said", "said", home="United States")
    assert row["source_type"] == "civilian"


def test_he_is_not_the_person_spoken_to():
    # (the reporter, named with the outlet's possessive, is a person; the one the source tells is no antecedent)
    text = ("Egyptian Conference Party leader Amre Moussa took a similar stance. “This is not a coup,” the former "
            "presidential candidate told CNN's Jim Clancy. Asked whether the arrests were needed, he said they "
            "would be temporary.")
    assert row_at(text, "he said", "said", home="United States")["source"] == "Amre Moussa"


@pytest.mark.parametrize(("text", "snippet", "name"), [
    # an abbreviated title is the title written in full
    ("Former President Bill Clinton campaigned in Ohio. Sen. Hillary Clinton toured a factory. Sen. Clinton said "
     "the plant would stay open.", "Sen. Clinton said", "Hillary Clinton"),
    # a title of the type the mention gives, not a family word in a description ("a father of two")
    ("Sen. John Smith, a father of two, spoke first. Jane Smith, a Democratic strategist, said the bill was weak. "
     "Sen. Smith said it would pass.", "Sen. Smith said", "John Smith"),
    # an office the article gives outranks a television host the lexicon lists
    ("Rep. Steve King of Iowa appeared on CBS on Monday. Gayle King pressed him on his remarks. King said he had "
     "been misquoted.", "King said", "Steve King"),
    ("CNN anchor Chris Cuomo said he had recovered. Gov. Andrew Cuomo said the state was ready. Gov. Cuomo said "
     "testing would expand.", "Gov. Cuomo said", "Andrew Cuomo"),
])
def test_a_title_or_an_office_chooses_among_namesakes(text, snippet, name):
    assert row_at(text, snippet, "said", home="United States")["source"] == name


def test_a_title_the_article_gives_only_the_surname_is_the_full_name():
    # "Donald Trump" is described as a candidate; "President Trump" is still Donald Trump
    text = ("Donald Trump, the Republican presidential candidate, won the primary in 2016. President Trump said on "
            "Monday that the tariffs would stay.")
    assert row_at(text, "President Trump said", "said", home="United States")["source"] == "Donald Trump"


@pytest.mark.parametrize(("text", "snippet", "name"), [
    ("CNN's Jake Tapper interviewed Sen. Susan Collins on Sunday. She said she would vote no.", "She said",
     "Susan Collins"),
    ("CNN's Wolf Blitzer asked Sen. John Smith about the vote. He said the bill was dead.", "He said", "John Smith"),
])
def test_the_one_asked_or_interviewed_answers(text, snippet, name):
    assert row_at(text, snippet, "said", home="United States")["source"] == name


def test_a_party_tag_in_parentheses_is_no_dateline():
    text = 'Sen. Ted Cruz (R) of Texas on Tuesday called the deal "a surrender."'
    assert row_at(text, text, "called", home="United States")["source_type"] == "politician"


def test_a_given_name_that_names_a_place_opens_a_described_name():
    # "Chad" is a country, but "Chad Morrison, the director of ..." is a person, whom his surname names later;
    # the place the officials are in is still no given name
    text = ("Officials in Chad said the border was closed. Chad Morrison, the director of a food bank in Texas, "
            "was not there. Morrison added that supplies were low.")
    row = row_at(text, "Morrison added", "added")
    assert row["source"] == "Chad Morrison" and side(row) != "Chad"
    row = row_at(text, "Officials in Chad said", "said")
    assert bool(row["anonymous"]) and side(row) == "Chad"


@pytest.mark.parametrize(("text", "snippet", "expected"), [
    # a namesake's title describes the namesake: the witness named after the patrol captain is no officer
    ("Capt. Ron Johnson of the Missouri Highway Patrol took over security on Thursday. Dorian Johnson, who was "
     "walking with Brown, said the officer fired first.", "Brown, said", ("Dorian Johnson", "civilian", None)),
    # but a name read wrongly as a given name ("Georgetown’s") keeps the titles of the surname's person
    ("Christine Fair, a professor at Georgetown University, has studied the army for years. Georgetown’s Fair "
     "said the generals would not back down.", "Fair said", (None, "expert", None)),
])
def test_a_namesakes_title_is_not_the_persons(text, snippet, expected):
    row = row_at(text, snippet, "said")
    name, typ, want_side = expected
    assert name is None or row["source"] == name
    assert row["source_type"] == typ and side(row) == want_side

