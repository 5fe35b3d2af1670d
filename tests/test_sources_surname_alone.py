"""A surname alone names the person the article titles by it alone ("President Vole", "Mr. Dent") when no namesake
named in full may be that person: a first lady, a daughter or a wife named in full is not the president the article
calls by the surname alone ("Vole said", "the president said"). A namesake who may bear the title stays the one
named ("Sara Lind" is "Sen. Lind"; "President Tom Vole" is "Vole").

Expected values come from reading the sentences, written for each shape with invented names.
"""

from __future__ import annotations

import pandas as pd
import pytest
from sources_rows import sources_of, verb_row


@pytest.mark.parametrize(("text", "verb", "source", "source_type"), [
    # a relative named in full with a family title is not the office holder named by the surname alone
    ("First lady Ana Vole visited a hospital in Lagos. President Vole spoke at the summit on Monday. Vole said the "
     "talks went well.", "said", "Vole", "government"),
    ("First lady Ana Vole visited a hospital in Lagos. President Vole spoke at the summit on Monday. “We are "
     "starting off on a new footing,” Vole told reporters.", "told", "Vole", "government"),
    # an honorific of the other sex than the only namesake's
    ("Businesswoman Maria Dent opened the store in 2001. Mr. Dent said the store would stay open.", "said", "Dent",
     None),
    # "the president" is the one titled so, not a namesake of another role
    ("First lady Ana Vole joined President Vole on the trip. Mr. Vole thanked the hosts. “We are starting off on a "
     "new footing,” the president said.", "said", "Vole", "government"),
])
def test_surname_alone_names_the_titled_person(text, verb, source, source_type):
    row = verb_row(text, verb)
    assert row["source"] == source
    if source_type is not None:
        assert row["source_type"] == source_type


@pytest.mark.parametrize(("text", "verb", "source"), [
    # the namesake given the title
    ("Governor Ed Marsh toured the plant with his wife, Lena Marsh. Gov. Marsh later said the plant would stay "
     "open.", "said", "Ed Marsh"),
    # a namesake with no title may be the one titled later
    ("Sara Lind campaigned in Iowa on Monday. Sen. Lind said the war was a mistake.", "said", "Sara Lind"),
    # no one titled by the surname alone: the namesake
    ("Ana Vole, the president's daughter, spoke in Tokyo on Friday. Vole said women must be empowered.", "said",
     "Ana Vole"),
    # the principal named in full outranks the relative
    ("President Tom Vole and first lady Ana Vole arrived in Lagos. Vole said the visit was historic.", "said",
     "Tom Vole"),
    # an honorific of the namesake's sex
    ("Businesswoman Maria Dent opened the store in 2001. Ms. Dent said the store would stay open.", "said",
     "Maria Dent"),
])
def test_namesake_who_may_bear_the_title_stays(text, verb, source):
    assert verb_row(text, verb)["source"] == source


def test_pronoun_of_the_namesake_not_of_the_one_titled_alone():
    # "Mr. Dent" is the father, "Ms. Dent" the daughter named in full: "She" after both is the daughter
    text = ("Governor Tom Ruiz hosted the delegation. Mr. Dent sent his daughter, Ana Dent, to the closing ceremony. "
            "She had dinner with Mr. Ruiz, then spoke to reporters, reaffirming the plan. Ms. Dent flew home on "
            "Monday.")
    assert verb_row(text, "reaffirming")["source"] == "Ana Dent"


@pytest.mark.parametrize(("text", "verb"), [
    ("Several top officials attended, including Ivanka Trump and Jared Kushner. President Trump recorded a video "
     "address, saying the move was long overdue.", "saying"),
    ("Several top officials attended, including Ivanka Trump and Jared Kushner. President Trump recorded a video "
     "address. Trump said the move was long overdue.", "said"),
])
def test_lexicon_office_holder_named_by_the_surname_alone(text, verb):
    # the roles lexicon lists "Trump" alone as the president of 2017-2021: a namesake the article names untitled is
    # not "President Trump" in 2018
    assert verb_row(text, verb)["source"] == "Trump"


def test_lexicon_office_holder_under_a_fuller_name_stays():
    # a fuller name of the listed person (a middle name the lexicon does not list) is still that person
    text = "President Barack Hussein Obama spoke in Cairo. President Obama said the talks went well."
    assert sources_of(text, date="2012-06-01").iloc[0]["source"] == "Barack Hussein Obama"


def test_the_office_named_long_before_a_nearer_holder_of_another():
    # "the president" is the one the article titles president, though a secretary of state is named nearer
    filler = " ".join(["The talks covered trade, security and the border, and both delegations met for hours."] * 8)
    text = (f"President Tom Vole flew to the summit on Monday. {filler} Secretary of State Mike Dunn admitted in an "
            "interview that the outlines of the deal are fuzzier than the president stated.")
    row = verb_row(text, "stated")
    assert row["source"] == "Tom Vole"
    assert row["source_type"] == "government"


@pytest.mark.parametrize(("text", "date", "source"), [
    # someone near holds the office of a place ("mayor of ..."): the mayor near, not the one titled far before
    ("Mayor Steven Fulop of Jersey City spoke first. {filler} Bill de Blasio, mayor of neighboring New York City, "
     "spoke next. In a series of tweets, the mayor said the shooting was an act of hate.", "2019-12-11",
     "Bill de Blasio"),
    # the one titled president long before is not the holder on the article's date whom it names
    ("President Lyndon B. Johnson signed the act in 1965. {filler} Mr. Trump praised John Bolton on Monday and "
     "said he would find a post for him. “We had some really good meetings with him,” the president said.",
     "2017-02-20", "Trump"),
    # an unnamed holder brought in after the one titled far before: the description is the unnamed one
    ("Circuit Judge Bob Lane issued the first order. State Attorney Ann Ruiz appealed it. {filler} An Orange County "
     "judge rejected another application "
     "last year. Since the law is not retroactive, the judge said, it does not apply.", "2019-06-01", None),
])
def test_the_office_stays_with_a_nearer_holder(text, date, source):
    filler = " ".join(["The talks covered trade, security and the border, and both delegations met for hours."] * 8)
    table = sources_of(text.format(filler=filler), date=date)
    found = table.iloc[-1]["source"]
    assert (None if pd.isna(found) else found) == source


@pytest.mark.parametrize(("date", "source_type"), [("2016-05-01", "politician"), ("2018-05-01", "government")])
def test_a_listed_person_under_another_spelling_of_the_full_name(date, source_type):
    # the lexicon lists "Donald J. Trump" and "Trump" alone: "Donald J Trump" (no full stop) is that person, typed
    # by the article's date, not a private person with no role
    row = sources_of("Donald J Trump said the wall would be built.", date=date).iloc[0]
    assert (row["source_type"], row["affiliation"]) == (source_type, "United States")


@pytest.mark.parametrize(("text", "date", "verb", "source", "source_type"), [
    # a namesake is not given the office the surname alone holds ("President Trump"), far or near
    ("First lady Ana Vole and President Vole visited Ohio. {filler} Gov. Tim Walz spoke. The president said the "
     "talks went well.", "2019-06-01", "said", "Vole", "government"),
    ("First lady Ana Vole and President Vole visited Ohio. The president said the talks went well.", "2019-06-01",
     "said", "Vole", "government"),
    # a namesake the article gives the title itself is the one titled so, whatever the lexicon lists
    ("Vice President Michael Pence spoke in Ohio. Vice President Pence said the economy was booming. Pence added "
     "that jobs were back.", "2018-06-01", "added", "Michael Pence", "government"),
    # the surname alone as someone of their own is typed by their own titles, not by the namesake's
    ("Economist Anna Park said rates would rise. Mr. Park, the minister, said rates would stay.", "2018-06-01",
     "said", "Park", "government"),
    ("Journalist Sarah Graham interviewed Sen. Graham on Monday. Mr. Graham said the bill would pass.",
     "2018-06-01", "said", "Graham", "politician"),
    # "She" after the father spoke is the daughter named in the sentence before, not a name run across a full stop
    ("President Trump spoke in Ohio. Ivanka Trump, his daughter, spoke. Trump said the wall would be built. She "
     "said he would win.", "2018-06-01", "said", "Ivanka Trump", "civilian"),
])
def test_reviewed_shapes(text, date, verb, source, source_type):
    filler = " ".join(["The talks covered trade, security and the border, and both delegations met for hours."] * 8)
    table = sources_of(text.format(filler=filler), date=date)
    row = table[table["verb"] == verb].iloc[-1]
    assert (row["source"], row["source_type"]) == (source, source_type)


@pytest.mark.parametrize(("text", "date", "verb", "source"), [
    # a former office of the listed person is still theirs, not an untitled namesake's
    ("Former President Trump spoke in Iowa. Melania Trump did not appear. Trump said he would win.", "2023-06-01",
     "said", "Trump"),
    ("Jill Biden spoke in Iowa. Former Vice President Biden said he would win.", "2020-06-01", "said", "Biden"),
])
def test_a_former_office_of_the_listed_person(text, date, verb, source):
    assert verb_row(text, verb, date)["source"] == source


def test_another_countrys_president_is_not_the_president_of_the_home_story():
    # the lexicon's holder on the date is named: "the president" is no other president, nor the nearest official
    filler = " ".join(["The talks covered trade, security and the border, and both delegations met for hours."] * 8)
    text = (f"President Vladimir Putin spoke in Moscow. {filler} Secretary of State Mike Pompeo said Russia must stop. "
            "Trump was silent. The president said the talks would go on.")
    row = sources_of(text, date="2019-06-01").iloc[-1]
    assert row["source"] not in ("Vladimir Putin", "Mike Pompeo")
    assert (row["source_type"], row["affiliation"]) == ("government", "United States")




def test_an_honorific_of_the_listed_persons_sex_is_not_a_link_words_namesake():
    # "See Obama" is a link's words, no given name: "Mr. Obama" is the listed president, typed by the date
    text = "President Obama spoke on Monday. See Obama Speech Video. Mr. Obama said the deal was good."
    row = verb_row(text, "said", "2014-06-01")
    assert (row["source"], row["source_type"]) == ("Obama", "government")
