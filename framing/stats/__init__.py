"""Statistics on the measures' tables: result tables and multiplicity control, resampling, rates and shares
compared across groups, and keyness.

Stage ``stats`` may import :mod:`framing.errors`, :mod:`framing.schema` and :mod:`framing.text` (tokens for
keyness); it never plots.
"""

from framing.stats._groups import GROUP_SEP, group_columns, group_name, with_groups
from framing.stats.asymmetry import (casualty_asymmetry, counted_statements, document_sides, emotive_by_side, emotive_statements,
                                     mentions_per_death, side_agreement)
from framing.stats.keyness import keyness
from framing.stats.rates import compare
from framing.stats.shares import compare_shares
from framing.stats.trends import TRENDS, trends
from framing.stats.resampling import bootstrap, permutation_test
from framing.stats.results import ResultTable, SmallSampleWarning, adjust_pvalues, result_table
from framing.stats.sourcing import article_balance, source_balance, source_shares

__all__ = [
    "GROUP_SEP", "group_columns", "group_name", "with_groups",
    "ResultTable", "SmallSampleWarning", "TRENDS", "adjust_pvalues", "article_balance", "bootstrap",
    "casualty_asymmetry", "compare", "counted_statements", "compare_shares", "document_sides", "emotive_by_side", "emotive_statements", "side_agreement", "keyness", "mentions_per_death", "permutation_test",
    "result_table", "source_balance", "source_shares", "trends",
]
