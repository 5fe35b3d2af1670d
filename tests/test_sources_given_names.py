"""framing.sources: "he" and "she" take up a person of their own sex, shown by the article's titles or, when the article
shows none, by a given name that reference data gives almost wholly to one sex (``framing.text.given_names``).

Every sentence is written for these tests; the expected source is the person a reader takes the pronoun for.
"""

from __future__ import annotations

from framing.text.given_names import given_name_sex, is_given_name
from sources_rows import row_at


def test_she_is_not_a_man_the_given_name_shows():
    # the article gives no title of either sex; the given names do ("Hillary", "Donald")
    text = ("Hillary Clinton rebutted the remarks. Donald Trump told the crowd that she would abolish the amendment. "
            "She quickly responded on Twitter.")
    row = row_at(text, "She quickly responded", "responded")
    assert row["source"] == "Hillary Clinton"
    text = "Angela Merkel met Emmanuel Macron in Berlin. Donald Trump said the talks were useless. She said they were useful."
    assert row_at(text, "She said", "said")["source"] != "Donald Trump"


def test_he_is_not_a_woman_the_given_name_shows():
    text = "Ahmet Yilmaz, a shopkeeper, lost his store. Maria Lopez said the fire spread fast. He said he would rebuild."
    row = row_at(text, "He said", "said")
    assert row["source"] == "Ahmet Yilmaz"


def test_names_both_sexes_bear_show_neither():
    # "Kim", "Jordan" and "Lindsey" are given to both sexes: the pronoun may take them up either way
    assert given_name_sex("Donald") == "he" and given_name_sex("Angela") == "she"
    assert {given_name_sex(n) for n in ("Kim", "Jordan", "Lindsey", "H.R.", "Sen")} == {None}
    text = "Sen. Lindsey Graham spoke on Sunday. Maria Lopez said the vote failed. He said it would pass next time."
    assert row_at(text, "He said", "said")["source"] == "Lindsey Graham"


def test_a_given_name_of_either_sex_is_a_given_name():
    # names both sexes bear are given names, though they show no sex; a place's word and a made-up word are not
    assert is_given_name("Jordan") and is_given_name("Jane") and is_given_name("George")
    assert not is_given_name("Copacabana") and not is_given_name("Xqzt")
