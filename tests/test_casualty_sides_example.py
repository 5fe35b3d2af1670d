"""Whose deaths each outlet of the bundled corpus reports: rows written by hand from the five articles, then
compared with framing.casualties' victim_side and agent_side.

Read from the texts: Iran's strike in Balochistan killed two children (Pakistan's victims; every outlet
reports them, some as "the strike" whose agent an earlier sentence names); Pakistan's strikes in Iran killed
"seven non-Iranians" and "a number of militants" (TIME), whose side the text does not give; Jaish al-Adl's
December attack killed 11 Iranian police officers; Iran's strikes in Iraq's Kurdish region killed four people;
Israel's bombardment killed at least 24,285 Palestinians (Ahram); Soleimani's side is not in the text.
"""

import pytest

import framing

# doc_id, words the statement starts with, victim side, agent side (None: the text does not say)
EXPECTED = [
    ("timesofisrael", "an airstrike on its territory that killed two children", "Pakistan", "Iran"),
    ("timesofisrael", "the strike \u201cresulted in death of two innocent children", "Pakistan", "Iran"),
    ("timesofisrael", "an attack in December on a police station in Rask", "Iran", None),
    ("timesofisrael", "Four people were killed", "Iraq", None),
    ("timesofisrael", "recent alleged Israeli strikes killing Iranian", "Iran", "Israel"),
    ("scroll", "The strikes killed two children", "Pakistan", "Iran"),
    ("scroll", "Soleimani, who was killed", None, "United States"),
    ("cupventi", "the tragic deaths of two children", "Pakistan", "Iran"),
    ("cupventi", "the strike caused the deaths of a 6-year-old girl", "Pakistan", "Iran"),
    ("cupventi", "the deaths of 11 people", None, None),  # "in southeastern Iran": a place is not a side
    ("ahram", "an Iranian air strike killed two children", "Pakistan", "Iran"),
    ("ahram", "the strike caused the \"death of two innocent children", "Pakistan", "Iran"),
    ("ahram", "the deadly missile strikes killed four people", "Iraq", "Iran"),
    ("ahram", "Israel's relentless bombardment", "Palestine", "Israel"),
    ("time", "A number of militants were killed", None, "Pakistan"),
    ("time", "Seven non-Iranians were killed", None, None),  # not Iranians: no side, certainly not Iran
    ("time", "the attack killed two children", "Pakistan", "Iran"),
    ("time", "a December assault on a police station that killed 11 people", "Iran", None),
]

#: where the library does not (yet) find what the text says
MISSED_VICTIM = {
    ("cupventi", "the tragic deaths of two children"): "the side of 'Tehran's airstrikes in Pakistan' is not carried "
                                                       "to the victims without opposing=",
    ("ahram", "an Iranian air strike killed two children"): "the victims 'in the west of the country' (Pakistan) are "
                                                            "not tied to the side the sentence names",
    ("time", "a December assault on a police station that killed 11 people"): "the 11 are tied to 'Iranian security "
                                                                              "forces' only by the sentence",
}
AGENT_FOUND = {("timesofisrael", "recent alleged Israeli strikes killing Iranian"), ("scroll", "Soleimani, who was killed"),
               ("ahram", "Israel's relentless bombardment"), ("ahram", "an Iranian air strike killed two children")}


@pytest.fixture(scope="module")
def statements():
    corpus = framing.example_corpus()
    cas = framing.casualties(corpus)
    text = dict(zip(corpus["doc_id"], corpus["text"]))
    cas["span"] = [text[d][s:e] for d, s, e in zip(cas["doc_id"], cas["start"], cas["end"])]
    return cas


def _row(statements, doc, words):
    rows = statements[(statements["doc_id"] == doc) & statements["span"].str.startswith(words)]
    assert len(rows), f"no statement of {doc} starting {words!r}"
    return rows.iloc[0]


def _side(value):
    import pandas as pd

    return None if pd.isna(value) else str(value)


@pytest.mark.parametrize("doc,words,victim,agent", EXPECTED, ids=[f"{d}:{w[:30]}" for d, w, _, _ in EXPECTED])
def test_victim_side_as_written_by_hand(statements, request, doc, words, victim, agent):
    if (doc, words) in MISSED_VICTIM:
        request.applymarker(pytest.mark.xfail(reason=MISSED_VICTIM[(doc, words)], strict=True))
    assert _side(_row(statements, doc, words)["victim_side"]) == victim


@pytest.mark.parametrize("doc,words,victim,agent", EXPECTED, ids=[f"{d}:{w[:30]}" for d, w, _, _ in EXPECTED])
def test_agent_side_as_written_by_hand(statements, request, doc, words, victim, agent):
    if agent is not None and (doc, words) not in AGENT_FOUND:
        request.applymarker(pytest.mark.xfail(reason="the agent is 'the strike' / 'the attack' or is named outside "
                                                     "the agent phrase", strict=True))
    assert _side(_row(statements, doc, words)["agent_side"]) == agent


def test_each_outlet_reports_pakistans_dead_and_the_study_counts_them(statements):
    """Per outlet, the asserted statements of Pakistan's and Iran's dead in the casualty_asymmetry table."""
    corpus = framing.example_corpus()
    res = framing.casualty_asymmetry(statements, ["Pakistan", "Iran"], corpus=corpus).set_index(["group", "measure"])
    counted = {g: int(res.loc[(g, "statements per article: Pakistan"), "count"])
               for g in corpus["outlet"].unique()}
    # by hand: the children and the injured girls / women / others, each a statement of its own
    by_hand = {"The Times of Israel": 3, "Scroll.in": 2, "Cupventi": 3, "Ahram Online": 3, "TIME": 2}
    missed = {"Cupventi": 1, "Ahram Online": 1}  # the two MISSED_VICTIM rows
    assert counted == {g: n - missed.get(g, 0) for g, n in by_hand.items()}
    iran = {g: int(res.loc[(g, "statements per article: Iran"), "count"]) for g in corpus["outlet"].unique()}
    # Iran's dead: TOI the police officers and the commanders; Ahram the commanders; TIME the police station
    # (a MISSED_VICTIM row)
    assert iran == {"The Times of Israel": 2, "Scroll.in": 0, "Cupventi": 0, "Ahram Online": 1, "TIME": 1 - 1}
