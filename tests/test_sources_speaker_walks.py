"""framing.sources: speakers a subject walk from the cue leftwards misses. A passive with no auxiliary of its own,
or with one set apart by an aside, names its speaker after "by" ("When asked by ...", "The indictment, first
reported by ...", "was, separately, labeled by ..."); words of time between "but" and the second of two
coordinated verbs are no speaker ("but this morning announced"), and a pronoun or a verb in an irregular past
may stand for the first ("He called for calm but blamed", "met the families and, on Tuesday, announced").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from sources_rows import sources_of


def _row_of(text: str, verb: str) -> dict:
    rows = sources_of(text)
    rows = rows[rows["verb"] == verb]
    assert len(rows) == 1, sources_of(text)
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize("text, verb, source, typ", [
    ("When asked by Senator Jane Moss whether the plan would work, the general paused for a long time.", "asked",
     "Jane Moss", "politician"),
    ("Asked by Senator Jane Moss about the plan, the general paused for a long time.", "Asked", "Jane Moss",
     "politician"),
    ("The indictment, first reported by The Washington Post, names three men from Ohio.", "reported",
     "Washington Post", "media"),
    ("The militia was, separately, labeled by the State Department as a terrorist organization last week.",
     "labeled", "State Department", "government"),
    ("Mayor Tom Reyes, asked by Senator Jane Moss about the flood, said the city was ready.", "asked", "Jane Moss",
     "politician"),
])
def test_a_passive_without_its_own_auxiliary_names_its_speaker_after_by(text, verb, source, typ):
    row = _row_of(text, verb)
    assert (row["source"], row["source_type"]) == (source, typ)


@pytest.mark.parametrize("text, verb, source", [
    # "by" and a participle is the means of an active verb; "by phone" how it was said
    ("Senator Jane Moss responded by saying the plan would fail.", "responded", "Jane Moss"),
    ("Mayor Tom Reyes, asked by Senator Jane Moss about the flood, said the city was ready.", "said", "Tom Reyes"),
    ("Governor Anna Reyes told reporters by phone that the bridge would reopen.", "told", "Anna Reyes"),
])
def test_a_verb_with_its_subject_keeps_it(text, verb, source):
    assert _row_of(text, verb)["source"] == source


@pytest.mark.parametrize("text, verb, side, anonymous", [
    # a place after the agent is where it is from, and its side
    ("The strike was condemned by the foreign ministry in Tehran on Friday.", "condemned", "Iran", False),
    ("The plan was rejected by officials in Baghdad, who called it unworkable.", "rejected", "Iraq", True),
    ("When asked by officials in Baghdad about the plan, the envoy said nothing.", "asked", "Iraq", True),
])
def test_the_agent_keeps_the_place_it_is_from(text, verb, side, anonymous):
    row = _row_of(text, verb)
    assert (row["affiliation"], bool(row["anonymous"])) == (side, anonymous)


@pytest.mark.parametrize("text, verb, mention", [
    ("The mayor was criticized by lawmakers over the delay.", "criticized", "lawmakers"),
    ("When asked by a reporter at a news conference whether he would resign, the mayor paused.", "asked",
     "a reporter"),
])
def test_the_agent_is_cut_before_what_it_acted_over_or_where(text, verb, mention):
    assert _row_of(text, verb)["source_mention"] == mention


@pytest.mark.parametrize("text, verb", [
    ("Governor Anna Reyes was cautious about the word last night, but this morning announced that the curfew "
     "would end.", "announced"),
    ("Governor Anna Reyes praised the police on Monday but at the same time blamed the mayor for the delays.",
     "blamed"),
    ("Governor Anna Reyes met the families and, on Tuesday, announced that the school would reopen.", "announced"),
])
def test_words_of_time_before_a_coordinated_verb_are_no_speaker(text, verb):
    row = _row_of(text, verb)
    assert (row["source"], row["source_type"]) == ("Anna Reyes", "government")


@pytest.mark.parametrize("text, verb", [
    ("Trump promised a deal last week, but this morning reported that the talks had stalled.", "reported"),
    ("Trump spoke to the troops on Monday and, hours later, announced new sanctions.", "announced"),
])
def test_a_person_the_roles_lexicon_lists_may_be_the_subject_of_both_verbs(text, verb):
    assert _row_of(text, verb)["source"] == "Trump"


def test_a_pronoun_that_opens_the_sentence_is_the_subject_of_both_verbs():
    text = ("“We need calm,” said Senator Tom Hale. He called for the violence to end, but at the same time blamed "
            "the protesters for the chaos.")
    assert _row_of(text, "blamed")["source"] == "Tom Hale"
