"""Whose office a description or a title is: "the president" when a special counsel was named last, "Ukraine's
president" beside President Obama, and a minister in an American story: sentences written for these tests."""

from __future__ import annotations

from tests.sources_rows import sources_of, side


def _by_verb(rows, verb):
    hit = rows[rows["verb"] == verb]
    assert len(hit) == 1, rows[["verb", "source_mention"]].values.tolist()
    return hit.iloc[0]


def test_the_president_is_the_holder_not_the_person_named_last():
    # the article never titles Trump "president"; the special counsel is the person named just before
    rows = sources_of("Special counsel Robert Mueller will soon issue his findings. Trump on Wednesday again "
                      "attacked Mueller. Then the president said he does not mind if the report is made public.",
                      date="2019-03-20")
    row = _by_verb(rows, "said")
    assert row["source"].split()[-1] == "Trump"
    assert (row["source_type"], side(row)) == ("government", "United States")


def test_the_president_stays_the_titled_one_when_the_article_titles_him():
    rows = sources_of("President Barack Obama met Vice President Joe Biden on Monday. The president asked Biden "
                      "for proposals by the end of the month.", date="2013-01-10")
    assert _by_verb(rows, "asked")["source"] == "Barack Obama"


_KIEV = ("Ukraine's president announced a truce on Wednesday with opposition groups, after violence that prompted "
         "President Obama to warn of sanctions. After President Viktor Yanukovych met opposition leaders, a "
         "statement on his website said the sides had agreed to talks. President Obama warned Ukraine that "
         "violence was not the path. \"The main thing is to protect human life,\" said Mr. Yanukovych.")


def test_a_description_of_one_country_skips_a_leader_the_lexicon_gives_another():
    rows = sources_of(_KIEV, date="2014-02-19")
    announced = _by_verb(rows, "announced")
    assert (announced["source"], side(announced)) == ("Viktor Yanukovych", "Ukraine")
    # and the American president keeps his own side further on
    warned = _by_verb(rows, "warned")
    assert (warned["source"].split()[-1], side(warned)) == ("Obama", "United States")
    assert side(rows[rows["source_mention"] == "Mr. Yanukovych"].iloc[0]) == "Ukraine"


# Germany is named five times, Tunisia twice and the United States five times: no country dominates the article;
# the sentence before the minister names Germany and Tunisia both; of the foreign countries Germany is named most,
# more than twice as often as Tunisia
_BERLIN = ("German police raided a mosque in Berlin on Friday. Tunisia had refused to take the suspect back. U.S. "
           "agencies had flagged him, the United States had shared its files with American allies, and Washington "
           "offered help; U.S. officials declined to comment further. German prosecutors opened a case in Berlin. "
           "Germany's and Tunisia's security services watched him for months. Interior Minister Ralf Jaeger said "
           "the state had done all it could.")


def test_a_minister_in_an_american_story_is_of_the_country_the_article_names_most():
    rows = sources_of(_BERLIN, date="2016-12-22")
    row = _by_verb(rows, "said")
    assert (row["source"], row["source_type"], side(row)) == ("Ralf Jaeger", "government", "Germany")


def test_a_minister_in_an_article_naming_two_foreign_countries_about_as_often_takes_no_side():
    # Germany four times, Tunisia four times, the United States twice, and both named in the sentence before
    # him: which country's minister he is, the article does not settle
    text = ("German police raided a mosque in Berlin on Friday. Tunisia had refused to take the suspect back, and "
            "a Tunisian court had freed him in Tunis the year before. U.S. agencies had flagged him, and the United "
            "States shared its files. Germany's and Tunisia's security services watched him for months. Interior Minister Ralf Jaeger said the state had done all it could. Berlin will now review it.")
    assert side(_by_verb(sources_of(text, date="2016-12-22"), "said")) is None


def test_a_ministry_with_no_foreign_country_named_gets_no_side_rather_than_the_home_one():
    rows = sources_of("The Health Ministry said on Sunday that the outbreak was over.", date="2016-12-22")
    row = _by_verb(rows, "said")
    assert row["source_type"] == "government"
    assert side(row) is None


def test_an_american_office_keeps_the_home_side():
    rows = sources_of("Energy Secretary Rick Perry said the plant would stay open. Germany had asked for talks.",
                      date="2019-10-01")
    assert side(_by_verb(rows, "said")) == "United States"


def test_a_minister_of_a_home_side_that_has_ministers_keeps_it():
    rows = sources_of("Policing Minister Kit Malthouse said the plan was fair. Germany had asked for talks.",
                      date="2019-10-01", home="United Kingdom")
    assert side(_by_verb(rows, "said")) == "United Kingdom"


def test_a_role_given_by_a_verb_of_appointment_types_the_person():
    rows = sources_of("Cuba turned a new page on Thursday when its National Assembly named Communist Party loyalist "
                      "Miguel Díaz-Canel president. Cuban state TV showed the vote. Addressing the crowd, Díaz-Canel "
                      "vowed to defend the revolution that Cuba's founders made.", date="2018-04-19")
    row = _by_verb(rows, "vowed")
    assert (row["source"], row["source_type"], side(row)) == ("Miguel Díaz-Canel", "government", "Cuba")


def test_a_role_given_by_nominating_someone_to_be_a_bodys_director_types_the_person():
    rows = sources_of("In January, the president nominated Todd Jones to be ATF’s first permanent director since "
                      "2006. Mr. Jones said the agency needed more agents.", date="2013-06-12")
    row = _by_verb(rows, "said")
    assert (row["source"], row["source_type"]) == ("Todd Jones", "military_security")


def test_a_person_named_in_a_lawsuit_is_given_no_role_by_the_verb():
    rows = sources_of("He named Sam Jones, his neighbor, in the lawsuit. Jones said he was shocked.")
    assert _by_verb(rows, "said")["source_type"] == "civilian"


def test_a_minister_takes_the_one_country_named_around_his_first_mention():
    # North Korea four times, China three, the United States three: no country dominates, none is named twice as
    # often as the others; around the spokesman only China is
    text = ("North Korea fired a missile on Sunday, and North Korea's state media praised the launch. Washington "
            "called for talks, and U.S. officials said the United States would press for sanctions on North Korea. "
            "Pyongyang did not respond. At a briefing in Beijing on Monday, the mood was calm. China will not take "
            "sides, Foreign Ministry spokesman Lu Kang said, adding that China wanted peace.")
    rows = sources_of(text, date="2017-09-04")
    row = rows[rows["source"] == "Lu Kang"].iloc[0]
    assert (row["source_type"], side(row)) == ("government", "China")


def test_the_senate_parliamentarian_is_of_the_home_side():
    rows = sources_of("Senate parliamentarian Elizabeth MacDonough said the provision could not stay in the bill.",
                      date="2021-03-01")
    assert side(_by_verb(rows, "said")) == "United States"
