"""Cue classes of :func:`framing.attributions` beyond the lexicon's reporting verbs, on sentences written for
each pattern: cues of thought (``cues="all"``), a document's "show" / "found", and "called X" with a label.

Expected values come from reading the sentences.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import UsageError

CATEGORIES = {"neutral", "endorsing", "distancing", "emphatic", "denial", "other", "cognition"}


def attributions(*texts: str, **options) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": ["o"] * len(texts),
                           "text": list(texts)})
    return framing.attributions(corpus, **options)


def verbs(table: pd.DataFrame) -> list[str]:
    return list(table["verb"])


def speaker(row: pd.Series) -> str | None:
    return None if pd.isna(row["speaker"]) else row["speaker"]


@pytest.mark.parametrize(("text", "verb", "who"), [
    ("Clinton believes the race is close.", "believes", "Clinton"),      # a that-less clause
    ("The senator fears that the bill will fail.", "fears", "The senator"),  # a that-clause
    ("Most Republicans think Trump will lose the state.", "think", "Most Republicans"),
    ("The bill is expected to pass the Senate next week.", "expected", None),  # needs no subject
    ("Rubio seemed to concede the point.", "seemed", "Rubio"),
    ("Sanders hopes to win the primary.", "hopes", "Sanders"),             # an intention
    ("She opposed the deal from the start.", "opposed", "She"),            # a stance with its object
    ("The governor refused to release the records.", "refused", "The governor"),
])
def test_cues_of_thought_with_cues_all(text, verb, who):
    out = attributions(text, cues="all")
    assert verbs(out) == [verb]
    row = out.iloc[0]
    assert row["verb_category"] == "cognition"
    assert speaker(row) == who
    assert not row["negated"] and row["voice"] == "narrator"
    # by default only acts of speech are attributions
    assert attributions(text).empty


@pytest.mark.parametrize("text", [
    "The hopes of the party faded after the vote.",   # a noun after a determiner
    "Trump thinks so.",                                # no complement
    "He seemed by all accounts tired.",               # a preposition, not a complement
    "The group backed away from the plan.",           # "backed" without an object
])
def test_forms_of_thought_verbs_that_are_not_cues(text):
    assert attributions(text, cues="all").empty


def test_a_thought_inside_quotes_or_inside_reported_speech_is_not_a_cue():
    out = attributions("“I think we will win,” he said.", cues="all")
    assert verbs(out) == ["said"]
    out = attributions("Beck said he believes the race is close.", cues="all")
    assert verbs(out) == ["said"]


def test_a_denied_thought_is_kept_and_flagged():
    out = attributions("Clinton does not believe the polls are right.", cues="all")
    assert verbs(out) == ["believe"]
    assert bool(out.iloc[0]["negated"])


def test_cues_must_be_speech_or_all():
    with pytest.raises(UsageError, match="cues"):
        attributions("Clinton said the race is close.", cues="thoughts")


@pytest.mark.parametrize(("text", "verb", "who"), [
    ("Polls show Clinton ahead in Ohio.", "show", "Polls"),
    ("A recent CNN survey found 90 percent support for the bill.", "found", "A recent CNN survey"),
    ("New filings show the campaign has less than $1 million.", "show", "New filings"),
])
def test_a_document_that_shows_or_finds_is_a_source(text, verb, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == "endorsing"
    assert speaker(out.iloc[0]) == who


@pytest.mark.parametrize("text", [
    "The police found a body near the river.",
    "The movie shows Bob leaving the base.",
])
def test_show_and_found_without_a_document_are_not_cues(text):
    assert attributions(text).empty


@pytest.mark.parametrize(("text", "who"), [
    ("Within minutes, Trump called Rubio “Little Marco” again.", "Trump"),
    ("The senator later called Mitch McConnell a liar.", "The senator"),
    ("She called the plan “a disaster” on Monday.", "She"),
])
def test_called_with_a_name_and_a_label_is_an_attribution(text, who):
    out = attributions(text)
    assert verbs(out) == ["called"]
    assert speaker(out.iloc[0]) == who


@pytest.mark.parametrize("text", [
    "An anti-Trump super PAC called Our Principles is ramping up its spending.",
    "The government called snap parliamentary elections for October.",
])
def test_called_naming_or_convening_is_not_an_attribution(text):
    assert attributions(text).empty


def test_every_row_has_a_verb_category():
    texts = [
        "Clinton believes the race is close, and she said so on Monday.",
        "“We will win,” he continued.",                          # a quotation verb the lexicon lacks
        "The mayor asked whether the road would reopen.",
        "Polls show Clinton ahead, the campaign responded.",
        "Trump is expected to speak, according to aides.",
    ]
    for cues in ("speech", "all"):
        out = attributions(*texts, cues=cues)
        assert len(out) >= 5
        assert out["verb_category"].notna().all()
        assert set(out["verb_category"]) <= CATEGORIES


@pytest.mark.parametrize(("text", "verb", "category", "who"), [
    ("Obama reminded voters that the economy had recovered.", "reminded", "neutral", "Obama"),
    ("The report cites officials who saw the documents.", "cites", "neutral", "The report"),
    ("Trump blasts Clinton over her emails.", "blasts", "emphatic", "Trump"),
    ("Sanders rallied in Ohio, promising to break up the banks.", "promising", "emphatic", "Sanders"),
    ("The panel recommended that the program be expanded.", "recommended", "other", "The panel"),
])
def test_reporting_verbs_added_to_the_lexicon(text, verb, category, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == category
    assert speaker(out.iloc[0]) == who


def test_expressed_before_a_noun_cue_is_one_attribution():
    out = attributions("Pakistan’s Foreign Ministry expressed its vehement condemnation of the attack.")
    assert verbs(out) == ["condemnation"]
    assert out.iloc[0]["verb_category"] == "emphatic"
    assert speaker(out.iloc[0]) == "Pakistan’s Foreign Ministry"


def test_encouraged_by_is_a_feeling_not_speech():
    assert attributions("“We are encouraged by the growing number of supporters,” he said.")["verb"].tolist() == ["said"]
    row = attributions("The senator encouraged voters to turn out.").iloc[0]
    assert row["verb"] == "encouraged" and row["verb_category"] == "emphatic"


# --------------------------------------------------------------------------- stances, wishes and plans

@pytest.mark.parametrize(("text", "verb", "who"), [
    ("Rep. Patrick Murphy wants more funding for teachers.", "wants", "Rep. Patrick Murphy"),  # a named person
    ("The campaign plans to air new ads in Ohio.", "plans", "The campaign"),     # a body that plans
    ("Many voters knew that the race was close.", "knew", "Many voters"),        # a clause after "knew"
    ("They decided to hold the debate in Ohio.", "decided", "They"),             # a pronoun subject
    ("Mr. Lewandowski sought to restore the deal.", "sought", "Mr. Lewandowski"),
    ("Sanders favored a higher minimum wage.", "favored", "Sanders"),
])
def test_a_stance_wish_or_plan_of_a_possible_source(text, verb, who):
    out = attributions(text, cues="all")
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == "cognition"
    assert speaker(out.iloc[0]) == who
    assert attributions(text).empty  # not an act of speech


@pytest.mark.parametrize("text", [
    "The bill seeks to limit donations to super PACs.",     # a thing holds no wish
    "The report plans to cover every county.",               # a document is not one who plans
    "The new rule wants more paperwork from donors.",
])
def test_a_stance_verb_with_a_thing_as_subject_is_not_a_cue(text):
    assert attributions(text, cues="all").empty


@pytest.mark.parametrize("text", [
    "He would oppose any tax increase on the middle class.",  # a possible stance, not one held
    "Mrs. Clinton might want to try a different message.",
    "They may not want a fractured convention.",
])
def test_a_stance_after_a_modal_is_not_a_cue(text):
    assert attributions(text, cues="all").empty


# --------------------------------------------------------------------------- subjects over an aside

@pytest.mark.parametrize(("text", "verb", "who"), [
    ("Sen. Bernie Sanders (I-Vt.) said he will release his records.", "said", "Sen. Bernie Sanders"),
    ("Rep. Hank Johnson (D-Ga.) told reporters the vote was rigged.", "told", "Rep. Hank Johnson"),
    ("Many speakers — including several pastors — said the loss was painful.", "said", "Many speakers"),
    ("He went on to say that Clinton is weak.", "say", "He"),
])
def test_the_subject_before_a_parenthesis_an_aside_or_went_on_to(text, verb, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert speaker(out.iloc[0]) == who
    assert out.iloc[0]["verb_category"] == "neutral"


@pytest.mark.parametrize(("text", "who"), [
    ("A spokesman for the agency said the talks had stalled.", "A spokesman for the agency"),
    ("The director of the FBI told Congress the case was closed.", "The director of the FBI"),
    ("Officials at the Pentagon said the strike hit its target.", "Officials at the Pentagon"),
])
def test_a_role_and_the_body_it_belongs_to_are_one_speaker(text, who):
    out = attributions(text)
    assert speaker(out.iloc[0]) == who


def test_a_dash_then_an_inverted_speaker_keeps_the_name_after_the_verb():
    out = attributions("It was a hard year — the hardest yet — said the mayor.")
    assert verbs(out) == ["said"]
    assert speaker(out.iloc[0]) == "the mayor"


@pytest.mark.parametrize(("text", "verb"), [
    ("The campaign issued a statement on Friday.", "issued"),
])
def test_acts_of_communication_outside_the_lexicon_with_cues_all(text, verb):
    out = attributions(text, cues="all")
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == "other"
    assert attributions(text).empty


@pytest.mark.parametrize(("text", "verb", "category", "who"), [
    ("Clinton did not mention the emails in her speech.", "did not mention", "neutral", "Clinton"),
    ("Priebus bemoaned the delay in the count.", "bemoaned", "emphatic", "Priebus"),
    ("Kasich expressed concern that the rallies were turning violent.", "expressed", "neutral", "Kasich"),
    ("Several senators voiced support for the nominee.", "voiced", "neutral", "Several senators"),
    ("The governor railed against the new rules on Monday.", "railed", "emphatic", "The governor"),
    ("Obama rebuked the Republican nominee over his remarks.", "rebuked", "emphatic", "Obama"),
    ("Sanders lambasted the banks in his speech.", "lambasted", "emphatic", "Sanders"),
    ("The mayor chided the council for the delay.", "chided", "emphatic", "The mayor"),
    ("Clinton assailed Trump’s plan as reckless.", "assailed", "emphatic", "Clinton"),
    ("Rubio took aim at Cruz during the debate.", "took aim at", "emphatic", "Rubio"),
    ("The senator reaffirmed her opposition to the deal.", "reaffirmed", "neutral", "The senator"),
    ("Ryan laid out his agenda on Tuesday.", "laid out", "neutral", "Ryan"),
    ("In the new ad, the two candidates discuss trade.", "discuss", "other", "the two candidates"),
    ("Biden hinted that he might still run.", "hinted", "other", "Biden"),
    ("The agency’s spokesman declined comment.", "declined comment", "other", "The agency’s spokesman"),
    ("Sanders congratulated Clinton on her victory.", "congratulated", "emphatic", "Sanders"),
    ("Trump retweeted a post about the polls.", "retweeted", "neutral", "Trump"),
    ("The governor weighed in on the dispute.", "weighed in", "neutral", "The governor"),
    ("The campaign pushed back on the report.", "pushed back", "denial", "The campaign"),
    ("Ryan took issue with the remarks.", "took issue with", "denial", "Ryan"),
    ("Clinton shrugged off the attacks.", "shrugged off", "denial", "Clinton"),
    ("The mayor apologized for the delay.", "apologized", "other", "The mayor"),
])
def test_acts_of_saying_added_to_the_lexicon_are_in_the_default_table(text, verb, category, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == category
    assert speaker(out.iloc[0]) == who
    assert out.iloc[0]["negated"] == verb.startswith(("did not", "declined"))


@pytest.mark.parametrize(("text", "verb", "category", "who", "negated", "hypothetical"), [
    ("Trump continued to question whether Cruz was eligible.", "question", "other", "Trump", False, False),
    ("Mr. Trump continued to refute the story about the scholarship.", "refute", "denial", "Mr. Trump", False, False),
    ("Wasserman Schultz refused to speak to reporters.", "speak", "neutral", "Wasserman Schultz", True, False),
    ("Sanders, the senator from Vermont, declined to criticize Clinton.", "criticize", "emphatic", "Sanders",
     True, False),
    ("The Times is expected to endorse Clinton.", "endorse", "other", "The Times", False, True),
])
def test_the_infinitive_of_a_reporting_verb_after_continued_refused_declined_expected(
        text, verb, category, who, negated, hypothetical):
    for cues in ("speech", "all"):  # one row: the governor is part of it, not a cue of its own
        out = attributions(text, cues=cues)
        assert verbs(out) == [verb]
        row = out.iloc[0]
        assert (row["verb_category"], speaker(row)) == (category, who)
        assert (bool(row["negated"]), bool(row["hypothetical"])) == (negated, hypothetical)


@pytest.mark.parametrize("text", [
    "The rain continued to fall on the town.",   # the infinitive is no reporting verb
    "Prices are expected to rise next year.",
])
def test_an_infinitive_that_is_not_speech_is_not_a_cue(text):
    assert attributions(text).empty


@pytest.mark.parametrize(("text", "verb", "category", "who"), [
    ("Trump promises to build a wall on the border.", "promises to", "emphatic", "Trump"),
    ("He called out the media for bias.", "called out", "emphatic", "He"),
    ("Sanders calls Clinton unqualified.", "calls", "neutral", "Sanders"),              # a name, then an adjective
    ("Carson called the incident a reason to invest.", "called", "neutral", "Carson"),  # a noun phrase, then a label
    ("He has fought what he calls corruption in politics.", "what he calls", "distancing", "he"),
    ("The bill is what Trump called a disaster.", "called", "neutral", "Trump"),
])
def test_naming_with_called_beyond_a_pronoun_or_a_quoted_label(text, verb, category, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert out.iloc[0]["verb_category"] == category
    assert speaker(out.iloc[0]) == who


@pytest.mark.parametrize("text", [
    "The council called an emergency session.",   # convening, not naming
    "Clinton called Trump yesterday.",            # a phone call
    "Trump called LeVell, a former chairman.",
])
def test_called_without_a_label_is_not_naming(text):
    assert attributions(text).empty


@pytest.mark.parametrize(("text", "verb"), [
    ("Kasich expressed his strong condemnation of the attack.", "condemnation"),  # the noun is the act
    ("The party voiced its denial of the report.", "denial"),
])
def test_a_verb_that_carries_a_noun_cue_adds_no_second_row(text, verb):
    assert verbs(attributions(text)) == [verb]


@pytest.mark.parametrize("text", [
    "The crowd applauded.",                                       # clapping, not speech
    "The mere mention of his name made him fume.",                # a noun, nobody speaks
    "He made no mention of the report.",
    "Hundreds of volunteers showed up at the office.",            # turning up, not showing a finding
    "The gunman pledged his allegiance to the group.",            # an oath, not a promise reported
])
def test_near_misses_of_the_added_verbs_are_not_cues(text):
    assert attributions(text).empty


@pytest.mark.parametrize(("text", "asker", "asked"), [
    ("Asked on Fox News who leads the party, he said Ryan.", None, "he"),
    ("Asked in Iowa recently whether he would back Trump, Rubio said yes.", None, "Rubio"),
    ("Asked by reporters if he would run, Biden smiled.", "reporters", "Biden"),
])
def test_asked_before_a_circumstance_then_a_question(text, asker, asked):
    out = attributions(text)
    row = out[out["verb"] == "Asked"]
    assert len(row) == 1
    assert speaker(row.iloc[0]) == asker
    assert row.iloc[0]["addressee"] == asked
    assert row.iloc[0]["verb_category"] == "other"


@pytest.mark.parametrize("text", [
    "The storm continued to batter the coast.",          # a thing goes on, nobody communicates
    "The new schedule lists the debates in October.",    # a document’s list, not a source’s act
])
def test_acts_of_communication_need_a_possible_source(text):
    assert attributions(text, cues="all").empty


@pytest.mark.parametrize(("text", "verb", "who"), [
    ("New Jersey Gov. Chris Christie hopes his latest endorsement will help.", "hopes", "New Jersey Gov. Chris Christie"),
    ("I think it’s a strong bill.", "think", "I"),                                   # a contraction opens the clause
    ("Such efforts, they believe, will win New York.", "believe", "they"),           # set off by commas
    ("It was a move that the campaign hopes will change minds.", "hopes", "the campaign"),  # its object went before
    ("Working America, a labor group, found the support for Trump strong.", "found", "Working America"),
])
def test_thoughts_with_the_clause_in_other_shapes(text, verb, who):
    out = attributions(text, cues="all")
    assert verbs(out) == [verb]
    assert speaker(out.iloc[0]) == who
    assert out.iloc[0]["verb_category"] == "cognition"


@pytest.mark.parametrize(("text", "verb", "who"), [
    ("New polls released Sunday showed Clinton taking a lead.", "showed", "New polls"),
    ("A poll from Marquette Law School released Wednesday found Clinton ahead.", "found", "A poll"),
    ("Audit files from the vendor show that four accounts ran searches.", "show", "Audit files"),
    ("Exit polling shows he won most young voters.", "shows", "Exit polling"),
    ("Despite polls showing her well behind, Clinton campaigned hard.", "showing", "polls"),
    ("A Marist poll for NBC News and The Wall Street Journal showed Trump at zero.", "showed", "A Marist poll"),
])
def test_a_document_heading_a_longer_subject_is_the_source(text, verb, who):
    out = attributions(text)
    assert verbs(out) == [verb]
    assert speaker(out.iloc[0]) == who
    assert out.iloc[0]["verb_category"] == "endorsing"


@pytest.mark.parametrize("text", [
    "The Arizona race showed me how desperate they are.",   # a person or an event showing, not reporting
    "At the hearing he showed no remorse.",
    "He cited the polls and showed a video.",
])
def test_showed_without_a_document_or_a_clause_is_not_a_cue(text):
    assert "showed" not in verbs(attributions(text))


@pytest.mark.parametrize(("text", "who"), [
    ("Voters moved. In an NBC News/Wall Street Journal poll released Monday, half backed him.",
     "an NBC News/Wall Street Journal poll"),
    ("In exit polls, voters were split on trade.", "exit polls"),
])
def test_a_sentence_opening_in_a_poll_reports_the_poll(text, who):
    out = attributions(text)
    assert verbs(out) == ["In"]
    assert speaker(out.iloc[0]) == who
    assert out.iloc[0]["verb_category"] == "neutral"


@pytest.mark.parametrize("text", [
    "In eight of nine states where exit polls were taken, Democrats won.",  # a place, not the poll
    "In 2015, the party lost the seat.",
    "Mr. Trump is ahead in the polls, his aides believe.",                  # not opening the sentence
])
def test_in_before_something_else_is_not_a_cue(text):
    assert "In" not in verbs(attributions(text)) and "in" not in verbs(attributions(text))


def test_a_video_or_an_email_that_shows_is_a_source():
    out = attributions("A new video shows her clutching her phone.")
    assert verbs(out) == ["shows"]
    assert speaker(out.iloc[0]) == "A new video"
    assert out.iloc[0]["verb_category"] == "endorsing"


def test_a_quotations_own_verb_is_one_row_with_cues_all():
    out = attributions("“The China shock is not the only factor,” he continued, “but it matters.”", cues="all")
    assert verbs(out) == ["continued"]
    assert speaker(out.iloc[0]) == "he"


# ------------------------------------------------------------------ uses of a cue form that report nobody's words

@pytest.mark.parametrize("text", [
    # a reporter's location at the end of a news agency story: where the story was written, not what was said
    "Costa reported from Washington.",
    "Julie Davis reported from Midway Atoll, and Mark Landler from Washington.",
    # a source's location, no content
    "The sense of alienation reported from immigrant enclaves contrasts with that view.",
])
def test_reported_from_a_place_is_not_an_attribution(text):
    for cues in ("speech", "all"):
        assert "reported" not in verbs(attributions(text, cues=cues))


def test_reported_with_a_content_is_still_an_attribution():
    out = attributions("Reuters reported that the talks had failed.")
    assert verbs(out) == ["reported"] and speaker(out.iloc[0]) == "Reuters"


@pytest.mark.parametrize("text", [
    "It's worth noting that this is the first time a nominee has refused.",
    "It is worth noting that the company paid no tax.",
    "It is worth mentioning that the vote was close.",
])
def test_worth_noting_is_the_writers_own_remark(text):
    # the narrator's aside: no source is reported as noting or mentioning anything
    assert attributions(text, cues="all").empty


def test_noting_with_a_subject_is_still_an_attribution():
    out = attributions("The mayor spoke on Friday, noting that the city had no warning.")
    assert "noting" in verbs(out)


def test_show_up_is_a_phrasal_verb_not_a_report():
    out = attributions("The panel held Pagliano in contempt for refusing to show up to a hearing.", cues="all")
    assert "show" not in verbs(out)
    # "up to" before a number is the content's quantity: the polls still show it
    out = attributions("Polls show up to a third of voters are undecided.", cues="all")
    assert verbs(out) == ["show"] and speaker(out.iloc[0]) == "Polls"


@pytest.mark.parametrize(("text", "verb"), [
    ("He gave airtime to anti-vaccine advocates and their widely repudiated theories.", "repudiated"),
    ("The widely reported attack took place in March.", "reported"),
    ("Critics pointed to his often repeated claim about the crowd.", "repeated"),
])
def test_a_participle_after_a_determiner_and_an_adverb_is_an_adjective(text, verb):
    assert verb not in verbs(attributions(text, cues="all"))


def test_a_passive_after_an_adverb_is_still_an_attribution():
    out = attributions("His rhetoric has been widely condemned as fearmongering.")
    assert verbs(out) == ["condemned"]


@pytest.mark.parametrize("text", [
    "Clinton spoke just down the street from the casino.",
    "Mrs. Clinton spoke for about 30 minutes and took questions.",
    "The first lady spoke from the heart.",
    "Marco Rubio spoke over boos from the audience.",
    "It was the first time the two men spoke since December.",
    "Aides waited until the senator spoke.",
])
def test_speaking_without_what_was_said_is_not_an_attribution(text):
    # when, where or how long someone spoke reports none of their words
    assert attributions(text, cues="all").empty


@pytest.mark.parametrize(("text", "who"), [
    ("He also spoke about the proposed border wall.", "He"),
    ("Every day, Francis spoke of the malaise in Mexican society.", "Francis"),
    ("Ben Carson spoke for Trump at the rally.", "Ben Carson"),
])
def test_speaking_about_something_is_an_attribution(text, who):
    out = attributions(text)
    assert verbs(out) == ["spoke"] and speaker(out.iloc[0]) == who


@pytest.mark.parametrize("text", [
    "A Navy veteran forcefully rejected Clinton’s claim.",
    "Mexico must rebut Trump's claims, the former ambassador said.",
])
def test_a_claim_mentioned_without_its_content_is_not_an_attribution(text):
    # the claim is named, not reported: what was claimed is not in the sentence
    assert not any(v in ("claim", "claims") for v in verbs(attributions(text, cues="all")))


def test_a_claim_with_its_content_is_an_attribution():
    out = attributions("Sanders's claim that he can still win the nomination drew laughter.")
    row = out[out["verb"] == "claim"]
    assert len(row) == 1 and speaker(row.iloc[0]) == "Sanders"


def test_a_news_sites_story_highlights_heading_is_not_an_attribution():
    text = "Story highlights Obama cancels military exercises with Egypt. The report highlights the risks."
    out = attributions(text, cues="all")
    # the heading reports nothing; the report's "highlights" and the bullet's own verb still count
    assert [v for v in verbs(out) if v == "highlights"] == ["highlights"]
    assert out.loc[out["verb"] == "highlights", "start"].tolist() == [text.index("highlights the risks")]
