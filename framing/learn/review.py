"""Reviewing a lexicon in context: a seeded sample of matches per term for a person to judge, and the precision
of each term and category from the judged sample, with Wilson intervals and the terms to drop.

The round trip::

    sample = framing.review_sample("my_lexicon.yaml", corpus, per_term=10, seed=1)
    sample.to_csv("review.csv", index=False)     # a person fills the empty ``correct`` column: 1 / 0
    prec = framing.review_precision(pd.read_csv("review.csv"))

Category precision weights each term's precision by the term's share of the category's matches in the
corpus (the sample draws the same number per term, so an unweighted mean would over-count rare terms); its
interval is a Wilson interval on the effective sample size of that weighted mean.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from framing._checks import check_count, check_level
from framing.errors import SchemaError
from framing.lexicon import Lexicon, load_lexicon
from framing.match import find, kwic

__all__ = ["PRECISION", "REVIEW", "review_precision", "review_sample"]

#: columns of :func:`review_sample`
REVIEW = ("review_id", "lexicon", "category", "term", "term_matches", "doc_id", "outlet", "start", "end", "left",
          "match", "right", "correct")
#: columns of :func:`review_precision`
PRECISION = ("level", "lexicon", "category", "term", "n_judged", "n_correct", "precision", "ci_low", "ci_high",
             "ci_level", "term_matches", "drop", "method")

_TRUE = {"1", "y", "yes", "true", "t", "correct"}
_FALSE = {"0", "n", "no", "false", "f", "wrong", "incorrect"}


def review_sample(
    lexicon: str | Lexicon,
    corpus: pd.DataFrame,
    *,
    per_term: int = 10,
    seed: int = 0,
    window: int = 10,
    matches: pd.DataFrame | None = None,
    by: str | None = "outlet",
) -> pd.DataFrame:
    """A seeded, stratified sample of each term's matches in context, to judge by hand.

    Parameters
    ----------
    lexicon : str, Path or Lexicon
    corpus : pandas.DataFrame
    per_term : int, default 10
        Matches drawn per term (all of them if it has fewer).
    seed : int, default 0
        The same seed, lexicon and corpus give the same sample.
    window : int, default 10
        Words of context on each side.
    matches : pandas.DataFrame, optional
        :func:`framing.find` of this lexicon on this corpus, if already computed.
    by : str or None, default "outlet"
        Within a term, draw across the values of this column as evenly as possible (one match per outlet
        before a second from any), so one outlet's usage does not fill a term's sample. None: simple random.

    Returns
    -------
    pandas.DataFrame
        One row per sampled match, ordered by category and term: ``review_id`` (int), ``lexicon``,
        ``category``, ``term``, ``term_matches`` (int: the term's matches in the whole corpus, used to
        weight category precision), ``doc_id``, ``outlet``, ``start``, ``end`` (offsets into the
        document's ``text``), ``left``, ``match``, ``right`` (the context), ``correct`` (empty: write 1 if
        the match means what the category means in its context, 0 if not; leave it empty to skip).
    """
    lex = load_lexicon(lexicon)
    check_count("per_term", per_term, minimum=1)
    if matches is None:
        matches = find(corpus, lex)
    m = matches[matches["lexicon"] == lex.name].reset_index(drop=True)
    if by is not None and by not in m.columns:
        raise SchemaError(f"review_sample: the matches have no column {by!r} to spread the sample over")
    rng = np.random.default_rng(seed)
    m = m.assign(_r=rng.random(len(m)))
    if by is not None:  # round-robin over outlets in random order
        m["_k"] = m.sort_values("_r").groupby(["category", "term", by], sort=False).cumcount()
        m = m.sort_values(["category", "term", "_k", "_r"], kind="stable")
    else:
        m = m.sort_values(["category", "term", "_r"], kind="stable")
    sample = m.groupby(["category", "term"], sort=False).head(per_term)
    counts = m.groupby(["category", "term"]).size().rename("term_matches").reset_index()
    lines = kwic(sample.reset_index(drop=True), corpus, window=window)
    lines = lines.merge(counts, on=["category", "term"], how="left")
    order = {c: i for i, c in enumerate(lex.categories)}
    lines["_c"] = lines["category"].map(order)
    lines = lines.sort_values(["_c", "term", "doc_id", "start"], kind="stable").drop(columns="_c")
    lines["review_id"] = np.arange(1, len(lines) + 1)
    lines["correct"] = ""
    return lines[list(REVIEW)].reset_index(drop=True)


def _judgements(review: pd.DataFrame) -> pd.Series:
    out = []
    for i, value in enumerate(review["correct"]):
        if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
            out.append(np.nan)
            continue
        text = str(value).strip().lower()
        if text.endswith(".0"):
            text = text[:-2]
        if text in _TRUE:
            out.append(1.0)
        elif text in _FALSE:
            out.append(0.0)
        else:
            raise SchemaError(f"review table row {i + 2} (review_id {review['review_id'].iloc[i]}): column "
                              f"'correct' must be 1/0, yes/no or true/false (or empty to skip), got {value!r}")
    return pd.Series(out, index=review.index)


def review_precision(
    review: pd.DataFrame | str,
    *,
    min_precision: float = 0.8,
    ci_level: float = 0.95,
) -> pd.DataFrame:
    """Precision per term and category from a judged review sample, with Wilson intervals.

    Parameters
    ----------
    review : pandas.DataFrame or str
        The table of :func:`review_sample` (or the path of its CSV) with ``correct`` filled in: 1/0,
        yes/no or true/false; empty rows are not counted.
    min_precision : float, default 0.8
        A term whose precision is below this is marked ``drop``.
    ci_level : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        Rows with ``level`` ``term`` (one per judged term), then ``category`` (one per category):
        ``lexicon``, ``category``, ``term`` (empty for a category), ``n_judged``, ``n_correct``,
        ``precision``, ``ci_low``, ``ci_high``, ``ci_level``, ``term_matches`` (matches in the corpus),
        ``drop`` (bool: precision below ``min_precision``; for a category, whether any of its terms is
        dropped), ``method``.
    """
    if isinstance(review, str):
        review = pd.read_csv(review, dtype={"correct": str}, keep_default_na=False)
    need = ("lexicon", "category", "term", "term_matches", "correct")
    missing = [c for c in need if c not in review.columns]
    if missing:
        raise SchemaError(f"review table: missing column(s) {missing}; expected the table of review_sample")
    check_level("ci_level", ci_level)
    if "review_id" not in review.columns:
        review = review.assign(review_id=np.arange(1, len(review) + 1))
    judged = review.assign(_y=_judgements(review)).dropna(subset=["_y"])
    if judged.empty:
        raise SchemaError("review table: no row has a judgement in column 'correct'")
    alpha = 1 - ci_level
    terms = (judged.groupby(["lexicon", "category", "term"], sort=False)
             .agg(n_judged=("_y", "size"), n_correct=("_y", "sum"), term_matches=("term_matches", "first"))
             .reset_index())
    terms["n_correct"] = terms["n_correct"].astype(np.int64)
    terms["precision"] = terms["n_correct"] / terms["n_judged"]
    lo, hi = proportion_confint(terms["n_correct"], terms["n_judged"], alpha=alpha, method="wilson")
    terms["ci_low"], terms["ci_high"] = np.asarray(lo), np.asarray(hi)
    terms["drop"] = terms["precision"] < min_precision
    terms["level"] = "term"
    terms["method"] = "Wilson interval"
    cats = []
    for (lx, cat), g in terms.groupby(["lexicon", "category"], sort=False):
        w = g["term_matches"].to_numpy(dtype=float)
        w = w / w.sum() if w.sum() > 0 else np.full(len(g), 1 / len(g))
        p_t = g["precision"].to_numpy()
        n_t = g["n_judged"].to_numpy(dtype=float)
        p = float(np.sum(w * p_t))
        # variance of the weighted mean (each term's own p(1-p)/n, shrunk to 0.5 when p is 0 or 1)
        p_var = np.where((p_t == 0) | (p_t == 1), (n_t * p_t + 0.5) / (n_t + 1) * (1 - (n_t * p_t + 0.5) / (n_t + 1)),
                         p_t * (1 - p_t))
        var = float(np.sum(w ** 2 * p_var / n_t))
        n_eff = p * (1 - p) / var if var > 0 and 0 < p < 1 else float(n_t.sum())
        n_eff = min(max(n_eff, 1.0), float(n_t.sum())) if 0 < p < 1 else float(n_t.sum())
        clo, chi = proportion_confint(p * n_eff, n_eff, alpha=alpha, method="wilson")
        cats.append({"level": "category", "lexicon": lx, "category": cat, "term": "",
                     "n_judged": int(n_t.sum()), "n_correct": int(g["n_correct"].sum()), "precision": p,
                     "ci_low": float(clo), "ci_high": float(chi), "term_matches": int(g["term_matches"].sum()),
                     "drop": bool(g["drop"].any()),
                     "method": "match-weighted mean of term precisions; Wilson interval on the effective n"})
    out = pd.concat([terms, pd.DataFrame(cats)], ignore_index=True)
    out["ci_level"] = ci_level
    return out[list(PRECISION)]
