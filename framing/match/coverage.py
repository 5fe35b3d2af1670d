"""How much of a corpus each lexicon term covers: matches and documents per term, the terms that never match,
and the terms that carry most of their category."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing import schema
from framing.lexicon import Lexicon, load_lexicon
from framing.match.matcher import find

__all__ = ["COVERAGE", "lexicon_coverage"]

#: columns of :func:`lexicon_coverage`
COVERAGE = ("lexicon", "category", "term", "line", "n_matches", "n_docs", "doc_share", "category_share",
            "no_match", "carries_category")


def lexicon_coverage(
    lexicon: str | Lexicon,
    corpus: pd.DataFrame,
    *,
    matches: pd.DataFrame | None = None,
    carry_share: float = 0.5,
) -> pd.DataFrame:
    """Matches and documents per term of a lexicon in a corpus.

    Parameters
    ----------
    lexicon : str, Path or Lexicon
        A bundled name, a lexicon file or a :class:`~framing.Lexicon`.
    corpus : pandas.DataFrame
        The corpus (``doc_id``, ``outlet``, ``text``).
    matches : pandas.DataFrame, optional
        :func:`find` of this lexicon on this corpus, if already computed.
    carry_share : float, default 0.5
        A term whose matches are more than this share of its category's matches "carries" the category: the
        category's counts mostly measure that one word.

    Returns
    -------
    pandas.DataFrame
        One row per term of the lexicon, in file order: ``lexicon``, ``category``, ``term`` (str),
        ``line`` (Int64: line in the file), ``n_matches`` (int), ``n_docs`` (int: documents with at least
        one match), ``doc_share`` (float: ``n_docs`` / documents in the corpus), ``category_share`` (float:
        the term's share of its category's matches; NaN if the category has none), ``no_match`` (bool),
        ``carries_category`` (bool).
    """
    lex = load_lexicon(lexicon)
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    if matches is None:
        matches = find(corpus, lex)
    schema.require(matches, ("doc_id", "lexicon", "category", "term"), what="matches table")
    m = matches[matches["lexicon"] == lex.name]
    terms = lex.table()
    terms = terms[~terms["exclude"]].drop(columns=["case_sensitive", "weight", "exclude"])
    keys = ["lexicon", "category", "term"]
    n_matches = m.groupby(keys).size().rename("n_matches")
    n_docs = m.groupby(keys)["doc_id"].nunique().rename("n_docs")
    out = terms.merge(n_matches.reset_index(), on=keys, how="left").merge(n_docs.reset_index(), on=keys, how="left")
    out[["n_matches", "n_docs"]] = out[["n_matches", "n_docs"]].fillna(0).astype(np.int64)
    out["doc_share"] = out["n_docs"] / max(len(corpus), 1)
    total = out.groupby("category")["n_matches"].transform("sum")
    out["category_share"] = np.where(total > 0, out["n_matches"] / total.where(total > 0, 1), np.nan)
    out["no_match"] = out["n_matches"] == 0
    out["carries_category"] = (out["category_share"] > carry_share) & (out.groupby("category")["term"]
                                                                       .transform("size") > 1)
    return out[list(COVERAGE)].reset_index(drop=True)
