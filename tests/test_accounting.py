"""Accounting of documents in and out of a run."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.io.accounting import account, flagged_documents, summary_line
from framing.errors import SchemaError


@pytest.fixture()
def corpus():
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["A", "A", "B", "B"],
            "text": ["A story.", "", "", "Caf\ufffd story."],
            "raw_text": ["A story.", "", "Leave a comment", "Caf\ufffd story."],
        }
    )


def test_flags_say_why(corpus):
    assert flagged_documents(corpus).tolist() == ["", "empty", "emptied by cleaning", "undecodable bytes replaced"]


def test_white_space_is_no_text():
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["A"] * 4,
            "text": [" \n\t", "\u2003\u3000", None, "\n x \n"],
            "raw_text": [" \n\t", "Leave a comment\n\n", "\u2028", "\n x \n"],
        }
    )
    assert flagged_documents(corpus).tolist() == ["empty", "emptied by cleaning", "empty", ""]


def test_account_of_reading(corpus):
    row = account(corpus).iloc[0]
    assert (row.docs_in, row.docs_out, row.docs_missing, row.docs_empty, row.docs_flagged) == (4, 4, 0, 2, 3)
    assert row.flagged == "b (empty); c (emptied by cleaning); d (undecodable bytes replaced)"


def test_account_finds_a_document_missing_from_a_result(corpus):
    result = pd.DataFrame({"doc_id": ["a", "a", "b", "d"], "count": [1, 2, 0, 0]})
    table = account(corpus, result, stage="score")
    row = table.iloc[0]
    assert (row.docs_in, row.docs_out, row.docs_missing, row.missing) == (4, 3, 1, "c")
    assert "1 MISSING (c)" in summary_line(table)


def test_result_without_doc_id_is_an_error(corpus):
    with pytest.raises(SchemaError, match="doc_id"):
        account(corpus, pd.DataFrame({"x": [1]}))


def test_example_corpus_reads_without_loss(example):
    line = summary_line(account(example))
    assert line == "read: 5 documents in, 5 out, 0 empty, 0 flagged"
