"""Offices not (or no longer) held, and who "she" and "the chancellor" are when the article names a leader by
surname only: sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.sources_rows import only_row, side, sources_of


def test_a_president_elect_is_a_politician_not_yet_the_government():
    row = only_row("President-elect Donald Trump said on Tuesday that he would meet the Japanese premier.",
                   date="2016-12-20")
    assert (row["source"], row["source_type"], side(row)) == ("Donald Trump", "politician", "United States")


def test_a_foreign_president_elect_keeps_the_country_of_the_title():
    rows = sources_of("Brazil's president-elect Jair Bolsonaro said the embassy would move. "
                      "Bolsonaro added that the decision was final.", date="2018-11-02")
    assert list(rows["source_type"]) == ["politician", "politician"]
    assert list(rows["affiliation"]) == ["Brazil", "Brazil"]


def test_other_offices_elect_and_the_description_alone():
    assert only_row("Governor-elect Ron DeSantis said the budget would wait.", date="2018-12-01")["source_type"] \
        == "politician"
    row = only_row("Trump won the vote in November. The president-elect said he would build the wall.",
                   date="2016-12-01")
    assert row["source_type"] == "politician"


def test_a_sitting_presidents_campaign_does_not_make_him_a_candidate_again():
    rows = sources_of("The Trump campaign has hired new lawyers. Trump said the inquiry was a hoax.",
                      date="2018-06-01")
    row = rows[rows["verb"] == "said"].iloc[0]
    assert (row["source_type"], side(row)) == ("government", "United States")


def test_a_former_presidents_administration_still_tells_of_the_office_he_held():
    # after his terms, the lexicon makes Obama a former official; the article is about his administration's acts
    rows = sources_of("The Obama administration approved the sale in 2012. Obama said at the time that the deal "
                      "was sound.", date="2019-03-01")
    row = rows[rows["verb"] == "said"].iloc[0]
    assert row["source_type"] == "government"


_SUMMIT = ("Trump took a softer line during a photo op with German Chancellor Angela Merkel. "
           "\"We have a very good relationship,\" Trump told reporters. "
           "Despite Merkel's tough talk over Russia, she has defended the pipeline deal. "
           "\"I have experienced this myself,\" the chancellor told reporters. "
           "She insisted that Germany makes its own decisions.")


def test_she_is_not_the_man_the_article_names_by_surname_only():
    rows = sources_of(_SUMMIT, date="2018-07-11")
    found = [(r["verb"], r["source"], side(r)) for r in rows.to_dict("records")]
    assert found[0] == ("told", "Trump", "United States")
    assert ("defended", "Angela Merkel", "Germany") in found
    assert ("insisted", "Angela Merkel", "Germany") in found


def test_the_chancellor_is_the_one_titled_so_not_the_home_president():
    rows = sources_of(_SUMMIT, date="2018-07-11")
    told = rows[rows["source_mention"] == "the chancellor"].iloc[0]
    assert (told["source"], told["source_type"], side(told)) == ("Angela Merkel", "government", "Germany")


@pytest.mark.parametrize("text, date, description, person", [
    ("President Trump met President Erdogan of Turkey in Washington on Tuesday. Trump praised the talks. "
     "The president said the two countries were close allies.", "2018-05-16", "The president", "Trump"),
    # "Secretary of State" is a secretary too, beside Britain's "Foreign Secretary"
    ("Secretary of State John Kerry met British Foreign Secretary William Hague in London on Monday. Hague said "
     "the talks were useful. The secretary said that sanctions would stay.", "2013-09-09", "The secretary",
     "John Kerry"),
])
def test_the_home_side_keeps_a_description_of_an_office_its_people_hold(text, date, description, person):
    rows = sources_of(text, date=date)
    said = rows[rows["source_mention"] == description].iloc[0]
    assert (said["source"], side(said)) == (person, "United States")


def test_a_state_body_in_a_story_of_a_foreign_politician_is_of_his_country():
    rows = sources_of("Brazil's president-elect Jair Bolsonaro said he would govern for all. "
                      "He was declared the winner by the Supreme Electoral Tribunal after most votes were counted.",
                      date="2018-10-29")
    declared = rows[rows["verb"] == "declared"].iloc[0]
    assert (declared["source"], declared["source_type"], side(declared)) == \
        ("Supreme Electoral Tribunal", "government", "Brazil")
