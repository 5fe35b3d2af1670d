"""framing.sources: roles the text gives in a shared plural title or a fronted "As governor ...", nouns of
scholars and of forces, a long title and name found again by a pronoun, and office holders whose type depends
on the article's date (the roles lexicon's ``terms:``).

The sentences are written for these tests; the expected types follow the codebook of the hand-coded gold
(``../shared/gold/README.md``, sources.jsonl) and the conventions of benchmarks/README.md (a US president before
taking office is a politician, in office government, a former president commenting an expert).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import LexiconError
from sources_rows import corpus, row_at, side


def _dated(text: str, date: str | None, **kwargs) -> pd.DataFrame:
    table = corpus(text).assign(date=[date])
    return framing.sources(table, **kwargs)


# ------------------------------------------------------------------------------ roles the text gives

def test_a_plural_title_is_shared_by_coordinated_names():
    text = ("Reps. Peter King of New York and Patrick Meehan wrote a letter on Monday. "
            "Meehan said the group was growing.")
    row = row_at(text, "Meehan said", "said")
    assert row["source"] == "Patrick Meehan"
    assert row["source_type"] == "politician"


def test_coordinated_speakers_are_the_first_named():
    # the coding convention: two people speaking jointly are coded as the first named
    text = "In their letter, Reps. Peter King of New York and Patrick Meehan said the group was growing."
    row = row_at(text, text, "said")
    assert row["source"] == "Peter King"
    assert row["source_type"] == "politician"


def test_a_fronted_office_types_the_person_named_after_it():
    text = "As mayor of Springfield, Ana Ruiz closed the plant. Ruiz said the water was unsafe."
    assert row_at(text, "Ruiz said", "said")["source_type"] == "government"


def test_an_anthropologist_is_an_expert():
    text = "The anthropologist Scott Atran has studied the group. Atran explained that the appeal was social."
    assert row_at(text, "Atran explained", "explained")["source_type"] == "expert"


def test_unnamed_forces_are_anonymous_security_forces_of_their_country():
    text = "The allies gave aid to Iraqi forces, who eventually declared victory in December."
    row = row_at(text, text, "declared")
    assert row["source_type"] == "military_security"
    assert row["anonymous"]
    assert side(row) == "Iraq"


def test_unnamed_sociologists_are_anonymous_experts():
    row = row_at("Sociologists say the trend is clear.", "Sociologists say", "say")
    assert (row["source_type"], bool(row["anonymous"])) == ("expert", True)


# ------------------------------------------------------------------------------ dated office holders

@pytest.mark.parametrize(("date", "expected"), [
    ("2016-05-01", "politician"),   # a candidate
    ("2018-05-01", "government"),   # in office
    ("2022-03-01", "politician"),   # between two terms
    ("2025-06-01", "government"),   # in the second term
])
def test_a_president_named_without_a_title_is_typed_by_the_article_date(date, expected):
    table = _dated("Trump said the wall would be built.", date)
    assert table["source_type"].tolist() == [expected]
    assert table["affiliation"].tolist() == ["United States"]


def test_a_former_president_commenting_is_an_expert():
    table = _dated("Barack Obama said the economy had recovered.", "2019-06-01")
    assert table["source_type"].tolist() == ["expert"]


def test_a_title_in_the_text_wins_over_the_dated_list():
    # the article's own "Sen." is used, even on a date when the list would make him president
    table = _dated("Sen. Barack Obama said the economy had recovered.", "2012-06-01")
    assert table["source_type"].tolist() == ["politician"]


def test_without_a_date_the_dated_list_gives_the_office():
    # no date: the type of the office the list holds him for, not a civilian's (a person the list names is
    # news for that office)
    table = _dated("Trump said the wall would be built.", None)
    assert table["source_type"].tolist() == ["government"]
    assert table["affiliation"].tolist() == ["United States"]


def test_another_person_of_the_same_surname_is_not_the_office_holder():
    table = _dated("Ivanka Trump said she supported the plan.", "2018-05-01")
    assert table["source_type"].tolist() == ["civilian"]


@pytest.mark.parametrize(("held", "types"), [
    # a closed term: the type before it, in it and after it
    ("[[2010-01-01, 2014-01-01]]",
     {"2009-01-01": "armed_group", "2012-01-01": "government", "2015-01-01": "politician"}),
    # a term not ended: the days before it take the type before it
    ("[[2010-01-01, null]]", {"2009-01-01": "armed_group", "2012-01-01": "government"}),
])
def test_dated_terms_of_a_users_lexicon(tmp_path, held, types):
    path = tmp_path / "roles.yaml"
    path.write_text("types:\n  government:\n    strong: [minister]\nterms:\n  Ruritania:\n"
                    f"    - {{names: [Ivan Petrov, Petrov], type: government, held: {held},\n"
                    "       before: armed_group, after: politician}\n", encoding="utf-8")
    text = "“We will fight on,” Petrov said."
    assert {d: _dated(text, d, lexicon=path)["source_type"].tolist()[0] for d in types} == types


def test_a_term_in_an_office_of_another_type_takes_that_type(tmp_path):
    # a spy chief, then foreign minister: the third item of a term names the type of that office
    path = tmp_path / "roles.yaml"
    path.write_text("types:\n  government:\n    strong: [minister]\nterms:\n  Ruritania:\n"
                    "    - {names: [Ivan Petrov, Petrov], type: government,\n"
                    "       held: [[2010-01-01, 2012-01-01, military_security], [2012-01-01, 2014-01-01]],\n"
                    "       before: civilian, after: expert}\n", encoding="utf-8")
    text = "“We will fight on,” Petrov said."
    types = {d: _dated(text, d, lexicon=path)["source_type"].tolist()[0]
             for d in ("2009-06-01", "2011-06-01", "2013-06-01", "2015-06-01")}
    assert types == {"2009-06-01": "civilian", "2011-06-01": "military_security", "2013-06-01": "government",
                     "2015-06-01": "expert"}


@pytest.mark.parametrize(("text", "date", "expected"), [
    # CIA director, then secretary of state, then a former official commenting
    ("Pompeo said the talks would go on.", "2017-09-01", "military_security"),
    ("Pompeo said the talks would go on.", "2019-09-01", "government"),
    ("Pompeo said the talks would go on.", "2022-09-01", "expert"),
    # a senator quoted by name alone is a politician, and so is a congressional leader
    ("Lindsey Graham said the deal was a mistake.", "2015-03-01", "politician"),
    ("McConnell said the Senate would vote next week.", "2019-03-01", "politician"),
    # a retired general before the Pentagon, its secretary in office
    ("Jim Mattis said the strikes were lawful.", "2016-03-01", "expert"),
    # out of office between two terms, then the president's climate envoy
    ("John Kerry said the deal was sound.", "2019-03-01", "expert"),
    ("John Kerry said the deal was sound.", "2022-03-01", "government"),
    ("Jim Mattis said the strikes were lawful.", "2018-03-01", "government"),
])
def test_cabinet_members_and_congressional_leaders_named_without_a_title(text, date, expected):
    table = _dated(text, date)
    assert table["source_type"].tolist() == [expected]
    assert table["affiliation"].tolist() == ["United States"]


def test_a_foreign_minister_named_without_a_title_speaks_for_the_country():
    table = _dated("Lavrov said Moscow would respond.", "2016-03-01")
    assert (table["source_type"].tolist(), table["affiliation"].tolist()) == (["government"], ["Russia"])


def test_the_leader_of_an_armed_group_named_alone_speaks_for_the_group():
    table = _dated("Nasrallah said the group would retaliate.", "2016-03-01")
    assert (table["source_type"].tolist(), table["affiliation"].tolist()) == (["armed_group"], ["Hezbollah"])


@pytest.mark.parametrize(("entry", "message"), [
    ("{names: [Ivan Petrov], type: government, held: [[2010-01-01, 2014-01-01, warlord]], before: civilian, "
     "after: expert}", "unknown source type 'warlord' in 'held'"),
    ("{names: [Ivan Petrov], type: government, held: [2010-01-01, 2014-01-01], before: civilian, after: expert}",
     "'held' must be a list of"),
    ("{names: [Ivan Petrov], type: warlord, held: [[2010-01-01, 2014-01-01]], before: civilian, after: expert}",
     "unknown source type 'warlord'"),
    ("{names: [Ivan Petrov], type: government, held: [[someday, 2014-01-01]], before: civilian, after: expert}",
     "'held' must be a list of"),
    ("{names: [Ivan Petrov], type: government, before: civilian, after: expert}", "exactly the keys"),
])
def test_a_malformed_dated_entry_is_refused_with_the_file_and_line(tmp_path, entry, message):
    path = tmp_path / "roles.yaml"
    path.write_text(f"types:\n  government:\n    strong: [minister]\nterms:\n  Ruritania:\n    - {entry}\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles\.yaml:5.*" + message):
        _dated("“No,” Ivan Petrov said.", "2012-01-01", lexicon=path)


def test_a_pronoun_finds_a_three_word_name_after_a_two_word_title():
    text = "Atlanta Mayor Keisha Lance Bottoms held a press conference. She said the protests had to stop."
    row = row_at(text, "She said", "said")
    assert (row["source"], row["source_type"]) == ("Keisha Lance Bottoms", "government")


def test_a_pronoun_takes_the_person_named_in_its_own_sentence_first():
    text = ("Even Trump has doubts. Conservative commentator Ann Coulter, who had supported him, summed up the mood "
            "when she tweeted that nothing mattered.")
    row = row_at(text, "she tweeted", "tweeted")
    assert (row["source"], row["source_type"]) == ("Ann Coulter", "media")


def test_a_place_after_in_is_no_antecedent_of_a_pronoun():
    text = ("The president spoke to reporters. But in Las Vegas, where the governor waited, the mood was grim, "
            "and he said the state would recover.")
    assert row_at(text, "he said", "said")["source"] != "Las Vegas"


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Rebel forces said the town had been retaken.", "said", ("armed_group", True)),
    ("Government forces said the town had been retaken.", "said", ("military_security", True)),
    ("The Syrian Democratic Forces said the town had been retaken.", "said", ("armed_group", False)),
    ("Members of Congress have expressed concern about the missile tests.", "expressed", ("politician", True)),
    ("Brooks died after he was shot twice, the Fulton County Medical Examiner's Office said.", "said",
     ("government", False)),
])
def test_bodies_by_their_head_and_name(text, cue, expected):
    row = row_at(text, text, cue)
    assert (row["source_type"], bool(row["anonymous"])) == expected


def test_the_writers_own_voice_is_no_source():
    # the author's "I say" and "we agreed" outside quotation marks report no source of the article; a quoted
    # "I said" stays its speaker's
    table = framing.sources(corpus(
        "Trump has probably already won. I say probably, because we simply do not know.",
        "If tighter rules were passed, we agreed that this could reduce gun violence.",
        "“As I said before, the plan is dead,” Senator Ann Ruiz said.",
    ))
    assert table["doc_id"].tolist() == ["d2"]
    assert table["source"].tolist() == ["Ann Ruiz"]
