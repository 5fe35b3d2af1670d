"""framing.sources: an office holder of the roles lexicon's ``terms:`` is typed on the day the sentence says the
words were said, not on the article's date ("Trump claimed during the 2016 campaign" or "on the campaign trail" is
a candidate's claim in a 2019 story; "President Trump" in a story of 2016 is a candidate), unless a weekday dates
them to the article's week or the year sits in a relative clause; a role named before the body that owns its
place decides ("a professor at Albany's School of Criminal Justice" is an expert).

Every sentence is written for these tests; the expected types follow the codebook's convention that Donald Trump
before 20 January 2017 is a politician and after it government (benchmarks/README.md, "Sources: hand-coded
validation sample").
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from tests.sources_rows import sources_of


def _types(*texts: str, date: str = "2019-05-01") -> list[str]:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "Test", "text": list(texts),
                           "date": date})
    table = framing.sources(corpus, home="United States")
    assert len(table) == len(texts)
    return table.sort_values("doc_id")["source_type"].tolist()


@pytest.mark.parametrize("text", [
    "Trump claimed during the 2016 campaign that the system was rigged.",
    "In a 2015 interview, Trump said he would build a wall.",
    "Trump said in January 2017 that he would win.",
])
def test_words_said_before_the_term_are_a_candidates(text):
    assert _types(text) == ["politician"]


@pytest.mark.parametrize("text", [
    "Trump said Tuesday that the 2016 election was rigged.",
    "Trump, who won in 2016, said the economy is strong.",
    "Trump said in 2018 that the economy is strong.",
    "Trump says he didn't know in 2016 that Russians were making overtures.",
    "Trump argued his point with a riff on his 2016 campaign slogan.",
])
def test_words_said_in_office_are_the_office_holders(text):
    assert _types(text) == ["government"]


def test_the_article_date_still_decides_when_the_sentence_names_no_year():
    assert _types("Trump said the system was rigged.", date="2016-05-20") == ["politician"]
    assert _types("Trump said the system was rigged.", date="2018-05-20") == ["government"]


@pytest.mark.parametrize("text", [
    "On the campaign trail, Trump said he would build a wall.",
    "Trump vowed on the campaign trail to build a wall.",
    "Trump tweeted during the campaign season that he would fight for them.",
])
def test_words_of_the_campaign_before_the_term_are_a_candidates(text):
    assert _types(text, date="2019-03-01") == ["politician"]
    # more than three years into the term, the campaign is for the next term, run in office
    assert _types(text, date="2020-09-01") == ["government"]


def test_an_office_not_yet_held_is_no_office():
    text = "Terrorists view President Trump as an asset. Trump told a crowd in Colorado that a bomb had gone off."
    assert _types(text, date="2016-12-01") == ["politician"]
    assert _types(text, date="2018-12-01") == ["government"]


def test_a_president_elect_speaks_before_taking_office_whenever_the_story_is_written():
    text = "President-elect Donald Trump said that he would build a wall."
    assert _types(text, date="2016-12-01") == ["politician"]
    assert _types(text, date="2018-12-01") == ["politician"]


def test_a_role_before_the_owner_of_its_place_decides():
    text = "“That's the way to do it,” said Alan Lizotte, a professor at Albany's School of Criminal Justice."
    assert _types(text) == ["expert"]
    # ("resident" is no civilian's word here: the body owned decides, a research centre)
    text = ("“Turkey can defend Idlib,” says Faysal Itani, resident senior fellow at the Atlantic Council’s Rafik Hariri "
            "Center for the Middle East.")
    assert _types(text) == ["expert"]


def test_a_role_under_an_office_holder_who_has_left_office_is_a_former_officials():
    # the terms of the roles lexicon date Barack Obama's presidency (2009-2017): his adviser speaks as a former
    # official, an expert of the United States, in 2018, and as the government in 2013
    texts = ("Fred Hof, President Barack Obama’s special adviser for transition in Syria, told me removing troops was "
             "wrong.",
             "Susan Rice, President Barack Obama’s national security adviser, said the talks failed.")
    assert _types(*texts, date="2018-05-01") == ["expert", "expert"]
    assert _types(*texts, date="2013-05-01") == ["government", "government"]
    corpus = pd.DataFrame({"doc_id": ["d0"], "outlet": "Test", "text": [texts[0]], "date": "2018-05-01"})
    assert framing.sources(corpus, home="United States")["affiliation"].tolist() == ["United States"]


def test_a_title_of_the_past_recalled_once_does_not_type_the_office_holder_elsewhere():
    # in 2016 Obama is president; "Senator Obama" recalls 2007, and only that row is the senator's
    rows = sources_of("In 2007, as Senator Obama railed against executive overreach, he promised restraint. "
                      "On Monday Obama said he had done everything he could.", date="2016-01-05")
    types = dict(zip(rows["verb"], rows["source_type"]))
    assert (types["railed"], types["promised"], types["said"]) == ("politician", "politician", "government")


def test_a_former_office_holder_commenting_stays_an_expert_at_every_mention():
    rows = sources_of("Former House Speaker Newt Gingrich says the party must change. \"We lost,\" he said.",
                      date="2013-08-04")
    assert rows["source_type"].tolist() == ["expert", "expert"]


def test_a_story_of_the_time_before_the_office_keeps_the_title_of_that_time():
    # after the inauguration, a story of the transition: "Vice President-elect Mike Pence" spoke before taking office
    rows = sources_of("On Jan. 15, Vice President-elect Mike Pence defended Flynn on television. Pence said Flynn "
                      "had not discussed sanctions.", date="2017-02-14")
    assert rows["source_type"].tolist() == ["politician", "politician"]


def test_a_title_written_right_before_the_name_keeps_its_office():
    rows = sources_of("Then-Sen. Obama railed against the war, his critics recalled.", date="2016-01-05")
    assert rows[rows["verb"] == "railed"]["source_type"].tolist() == ["politician"]


def test_a_foreign_prime_minister_the_lexicon_dates_is_typed_by_the_office_of_the_day():
    text = "On a Sunday talk show, Arseniy Yatsenyuk said Russia was a threat to the whole world."
    assert _types(text, date="2014-04-20") == ["government"]
