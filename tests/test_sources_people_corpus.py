"""framing.sources(people="corpus"): a person an article names without a role takes the role the corpus's other
articles give the same full name.

Every article here is written for these tests; the expected types are what a reader who has read the other
articles would code (the codebook of ``../shared/gold/README.md``, sources.jsonl).
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import SchemaError, UsageError
from framing.report.sourcing import check_spec


def _corpus(texts, dates=None):
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "Test", "text": texts})
    if dates is not None:
        frame["date"] = dates
    return frame


def _row(table, doc_id, cue):
    rows = table[(table["doc_id"] == doc_id) & (table["verb"] == cue)]
    assert len(rows) == 1, table[["doc_id", "verb", "source"]].values.tolist()
    return rows.iloc[0]


TITLED = "Sen. Marla Quintero of Ohio said the bill would pass before the recess."
UNTITLED = "Marla Quintero warned that the deal was dead and the vote would fail."


def test_a_role_given_in_another_article_types_the_person():
    corpus = _corpus([TITLED, UNTITLED])
    alone = framing.sources(corpus, home="United States")
    assert _row(alone, "d1", "warned")["source_type"] == "civilian"  # the article gives her no role
    together = framing.sources(corpus, home="United States", people="corpus")
    row = _row(together, "d1", "warned")
    assert row["source"] == "Marla Quintero"
    assert row["source_type"] == "politician"
    assert row["affiliation"] == "United States"
    # the article that gives the role is typed by its own words either way
    assert _row(together, "d0", "said")["source_type"] == _row(alone, "d0", "said")["source_type"] == "politician"


def test_no_clear_majority_leaves_the_person_untyped():
    corpus = _corpus([TITLED, "Professor Marla Quintero of Ohio State University said the bill was flawed.",
                      UNTITLED])
    table = framing.sources(corpus, home="United States", people="corpus")
    assert _row(table, "d2", "warned")["source_type"] == "civilian"


def test_the_articles_nearest_in_time_decide():
    corpus = _corpus(["Secretary of State Marla Quintero said the treaty was signed.", TITLED, UNTITLED],
                     dates=["2009-05-01", "2016-03-01", "2016-04-01"])
    table = framing.sources(corpus, home="United States", people="corpus")
    assert _row(table, "d2", "warned")["source_type"] == "politician"  # the senator of 2016, not the secretary


def test_only_the_same_full_name_counts():
    corpus = _corpus([TITLED, "Daniel Quintero warned that the deal was dead."])
    table = framing.sources(corpus, home="United States", people="corpus")
    assert _row(table, "d1", "warned")["source_type"] == "civilian"


def test_people_must_be_article_or_corpus():
    with pytest.raises(UsageError, match="people must be one of 'article', 'corpus'; got 'everywhere'"):
        framing.sources(_corpus([TITLED]), people="everywhere")


def test_the_study_key():
    assert check_spec({"people": "corpus"}) == {"people": "corpus"}
    with pytest.raises(SchemaError, match="sources.people"):
        check_spec({"people": "everywhere"})
