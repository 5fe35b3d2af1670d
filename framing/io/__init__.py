"""Reading corpora: readers for text folders, HTML, CSV/TSV, JSON lines and Parquet, boilerplate cleaning,
and document accounting.

Modules: :mod:`~framing.io.readers` (files to tables, :class:`ReadOptions`), :mod:`~framing.io.cleaning`
(boilerplate rules), :mod:`~framing.io.corpus` (``read_corpus``, ``as_corpus``), :mod:`~framing.io.accounting`.

Stage ``io`` may import :mod:`framing.errors`, :mod:`framing.schema` and :mod:`framing._checks` only.
"""

from framing.io.accounting import account, account_report, flagged_documents, summary_line
from framing.io.readers import ReadOptions
from framing.io.corpus import (
    DEFAULT_PATTERNS,
    as_corpus,
    clean_corpus,
    clean_text,
    example_corpus,
    read_corpus,
    read_table,
    removed_lines,
)
from framing.io.tables import read_tables, untokenise

__all__ = [
    "DEFAULT_PATTERNS", "ReadOptions", "account", "account_report", "as_corpus", "clean_corpus", "clean_text", "example_corpus",
    "flagged_documents", "read_corpus", "read_table", "read_tables", "removed_lines", "summary_line", "untokenise",
]
