"""Distinctive words of a group: log-odds ratio with an informative Dirichlet prior.

:func:`keyness` compares each group (outlet, leaning…) with all the other
documents pooled ("the rest"), term by term, with the weighted log-odds ratio
of Monroe, Colaresi & Quinn (2008, *Political Analysis* 16(4), "Fightin'
Words", eqs. 16 and 22). The prior for term *w* is informative: its pseudo-count
is ``alpha_w = alpha0 * f_w``, with ``f_w`` the term's share of all tokens, so
rare terms are shrunk towards no difference instead of topping the list.
The table also carries the keyness statistics that quanteda's
``textstat_keyness`` reports: the chi-square with Yates' correction and the
likelihood-ratio G² with Williams' correction, signed (negative when the term
is rarer in the group than in the rest).

With ``unit="document"`` the unit is the document instead of the token: a term
is compared by the share of documents using it in the group and in the rest
(log odds ratio with 0.5 added to each cell, its Wald z-test, and the same
chi-square and G² on the documents' 2×2 table), so a term one prolific outlet
or author repeats (a byline, a video player's "replay") counts once per
document, not once per use. ``min_docs`` leaves out terms used in fewer
documents than that.

Tokens come from :mod:`framing.text.tokens`, the shared tokenizer (words with inner
hyphens and apostrophes kept whole, lower-cased, punctuation left out), so
keyness counts the same tokens as every rate per 1,000 tokens in the library.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as sps

from framing import schema
from framing._checks import check_count
from framing.errors import StatisticsError, UsageError
from framing.stats._groups import group_name, with_groups
from framing.stats.results import ResultTable, adjust_pvalues, result_table

__all__ = ["keyness"]


def _words(text: str) -> list[str]:
    from framing.text.tokens import is_word, normalize, tokenize

    return [normalize(tok) for _, _, tok in tokenize(text or "") if is_word(tok)]


def _doc_term_matrix(data: pd.DataFrame) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Count terms per row (document); returns ``(counts rows × terms, terms)``."""
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer=_words)
    X = vec.fit_transform(data["text"].fillna("").astype(str).tolist())
    return X.tocsr(), vec.get_feature_names_out()


def _by_group(X: sparse.csr_matrix, codes: np.ndarray, n_groups: int) -> np.ndarray:
    onehot = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(n_groups, len(codes)))
    return np.asarray((onehot @ X).todense(), dtype=float)


def _two_by_two(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Signed chi-square (Yates) and G² (Williams) of the tables ``[[a, b], [c, d]]``, term by term."""
    N = a + b + c + d
    rows_ = np.stack([a + b, a + b, c + d, c + d])
    cols_ = np.stack([a + c, b + d, a + c, b + d])
    obs = np.stack([a, b, c, d])
    exp = rows_ * cols_ / N
    sign = np.sign(a - exp[0])
    dev = np.abs(obs - exp)
    yates = np.minimum(0.5, dev)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = np.where(exp > 0, (dev - yates) ** 2 / exp, 0).sum(axis=0)
        g2 = 2 * np.where(obs > 0, obs * np.log(obs / exp), 0).sum(axis=0)
        q = 1 + (N / (a + b) + N / (c + d) - 1) * (N / (a + c) + N / (b + d) - 1) / (6 * N)
    return sign * chi2, sign * g2 / q


def keyness(
    corpus_or_counts: pd.DataFrame,
    by: str = "outlet",
    target: str | None = None,
    *,
    corpus: pd.DataFrame | None = None,
    alpha0: float | None = None,
    min_count: int = 1,
    unit: str = "token",
    min_docs: int = 1,
    adjust: Literal["holm", "fdr_bh", "bonferroni", "none"] = "holm",
) -> ResultTable:
    """Distinctive terms of each group against the rest of the corpus.

    Parameters
    ----------
    corpus_or_counts : pandas.DataFrame
        Either a corpus (columns ``text`` and ``by``, one row per document),
        tokenised with :mod:`framing.text.tokens`; or a counts table with columns
        ``term``, ``count`` and ``by`` (or ``doc_id`` with ``corpus=`` giving ``by``).
    by : str or list of str
        Grouping column, or several (their combinations are the groups, ``"left / economy"``).
    target : str, optional
        Only this group's rows; None: every group against the rest.
    corpus : pandas.DataFrame, optional
        Corpus to take ``by`` from (merged on ``doc_id``) for a counts table.
    alpha0 : float, optional
        Total pseudo-count of the prior (Monroe et al.'s alpha_0). Each term's
        prior is ``alpha0 * (its count / all tokens)``. Default: the number of
        tokens, so each term's prior count is its corpus count (as in the
        tidylo package); smaller values shrink less.
    min_count : int
        Leave out terms seen fewer times than this in the whole corpus.
    unit : "token", "document" or a column name
        "token" (default): Monroe et al.'s log-odds of term counts. "document":
        the share of documents using the term in the group against the rest (log
        odds ratio with 0.5 added to each cell and its Wald z; ``count_group`` and
        ``count_rest`` are then numbers of documents), so that repetition within a
        document (a byline, page furniture) counts once. A column such as
        ``"outlet"``: the same with the share of outlets (within each group) whose
        documents use the term, so that one outlet's house style (its name, its
        video player's "replay") counts once.
    min_docs : int
        Leave out terms used in fewer documents than this in the whole corpus
        (needs documents: a corpus, or a counts table with ``doc_id``).
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}
        Multiplicity correction of the z-test p-values over the terms of each group.

    Returns
    -------
    ResultTable
        One row per group × term, sorted by group then decreasing ``z``;
        columns :data:`framing.schema.KEYNESS` + :data:`framing.schema.KEYNESS_STATS`:
        ``term``, ``group``, ``delta`` (log-odds ratio group vs rest with the
        prior), ``se`` (its standard error), ``z`` (delta / se), ``count_group``
        and ``count_rest`` (occurrences), ``chi2`` (signed Pearson chi-square
        with Yates' correction), ``g2`` (signed likelihood-ratio G² with
        Williams' correction), ``p_value`` (two-sided, from z), ``p_adjusted``,
        ``adjust_method``.

    Raises
    ------
    StatisticsError
        Unknown group column, fewer than two groups, unknown target, a table
        that is neither a corpus nor a counts table.

    Notes
    -----
    With ``unit="token"`` the tests treat tokens as independent, as keyness
    always has: use them to rank and explore terms. ``unit="document"`` treats
    documents as independent (cluster-robust to repetition within a document,
    not to outlets' house style); :func:`framing.compare` with a term list tests
    chosen terms clustered by document or outlet.
    """
    if not isinstance(unit, str) or not unit:
        raise UsageError(f"unit must be 'token', 'document' or a column name, got {unit!r}")
    check_count("min_docs", min_docs, minimum=1)
    if not isinstance(corpus_or_counts, pd.DataFrame):
        raise StatisticsError(f"expected a corpus or counts DataFrame, got {type(corpus_or_counts).__name__}")
    extra = [unit] if unit not in ("token", "document") else []
    data = with_groups(corpus_or_counts, by, corpus=corpus, extra=extra, what="keyness input")
    by = group_name(by)
    if data[by].isna().any():
        raise StatisticsError(f"some rows have no value in group column {by!r}")
    groups = sorted(data[by].astype(str).unique())
    if len(groups) < 2:
        raise StatisticsError(f"need at least two groups in column {by!r}, found {groups}")
    if target is not None and str(target) not in groups:
        raise StatisticsError(f"target {target!r} is not a group of column {by!r}: {groups}")
    if "text" in data.columns:
        X, terms = _doc_term_matrix(data)
        codes = pd.Categorical(data[by].astype(str), categories=groups).codes
    elif {"term", "count"} <= set(data.columns):
        if "doc_id" in data.columns:
            docs = data.drop_duplicates("doc_id")
            wide = data.pivot_table(index="doc_id", columns="term", values="count", aggfunc="sum", fill_value=0)
            wide = wide.reindex(docs["doc_id"], fill_value=0)
            codes = pd.Categorical(docs[by].astype(str), categories=groups).codes
        else:
            if unit == "document" or min_docs > 1:
                raise StatisticsError("document-level keyness and min_docs need documents: a corpus, or a counts "
                                      "table with a 'doc_id' column")
            wide = data.assign(_g=data[by].astype(str)).pivot_table(
                index="_g", columns="term", values="count", aggfunc="sum", fill_value=0).reindex(groups, fill_value=0)
            codes = np.arange(len(groups))
        X, terms = sparse.csr_matrix(wide.to_numpy(dtype=float)), wide.columns.astype(str).to_numpy()
    else:
        raise StatisticsError("keyness needs a corpus (a 'text' column) or a counts table "
                              f"('term' and 'count' columns); got {list(map(str, data.columns))}")
    Y = _by_group(X, codes, len(groups))
    total_w = Y.sum(axis=0)
    keep = total_w >= max(min_count, 1)
    used = (X > 0).astype(float)
    if min_docs > 1:
        keep &= np.asarray(used.sum(axis=0)).ravel() >= min_docs
    Y, terms, total_w = Y[:, keep], np.asarray(terms)[keep], total_w[keep]
    if unit == "document":
        return _document_keyness(_by_group(used[:, np.flatnonzero(keep)], codes, len(groups)),
                                 np.bincount(codes, minlength=len(groups)).astype(float), terms, groups, target,
                                 adjust)
    if unit != "token":
        if "text" not in data.columns and "doc_id" not in data.columns:
            raise StatisticsError(f"keyness by {unit!r} needs documents: a corpus, or a counts table with 'doc_id'")
        rows_ = data if "text" in data.columns else data.drop_duplicates("doc_id")
        # a unit is the column's value within a group, so that each unit lies inside one group
        ucode, _ = pd.factorize(rows_[unit].astype(str) + "\x00" + rows_[by].astype(str))
        n_u = int(ucode.max()) + 1
        by_unit = (_by_group(used[:, np.flatnonzero(keep)], ucode, n_u) > 0).astype(float)
        ugroup = np.zeros(n_u, dtype=int)
        ugroup[ucode] = codes
        return _document_keyness(_by_group(sparse.csr_matrix(by_unit), ugroup, len(groups)),
                                 np.bincount(ugroup, minlength=len(groups)).astype(float), terms, groups, target,
                                 adjust)
    N = total_w.sum()
    if N <= 0:
        raise StatisticsError("no tokens to compare")
    a0 = float(N if alpha0 is None else alpha0)
    if a0 <= 0:
        raise StatisticsError(f"alpha0 must be positive, got {alpha0!r}")
    alpha = a0 * total_w / N
    frames = []
    for g, gl in enumerate(groups):
        if target is not None and gl != str(target):
            continue
        yi = Y[g]
        yj = total_w - yi
        ni = yi.sum()
        nj = N - ni
        with np.errstate(divide="ignore", invalid="ignore"):  # a one-term vocabulary has no odds
            delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha))
                     - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
        se = np.sqrt(1 / (yi + alpha) + 1 / (yj + alpha))
        zz = delta / se
        # 2x2 table: [[yi, ni - yi], [yj, nj - yj]]
        chi2, g2 = _two_by_two(yi, ni - yi, yj, nj - yj)
        p = 2 * sps.norm.sf(np.abs(zz))
        frames.append(pd.DataFrame({
            "term": terms, "group": gl, "delta": delta, "se": se, "z": zz, "count_group": yi,
            "count_rest": yj, "chi2": chi2, "g2": g2, "p_value": p,
            "p_adjusted": adjust_pvalues(p, adjust), "adjust_method": adjust,
        }).sort_values(["z", "term"], ascending=[False, True], kind="stable"))
    out = pd.concat(frames, ignore_index=True)
    return result_table(out, columns=schema.KEYNESS + schema.KEYNESS_STATS)


def _document_keyness(D: np.ndarray, n_docs: np.ndarray, terms: np.ndarray, groups: list[str], target: str | None,
                      adjust: str) -> ResultTable:
    """Each group against the rest by the share of documents using each term (rows of ``D``: documents using it)."""
    total_d, N = D.sum(axis=0), n_docs.sum()
    frames = []
    for g, gl in enumerate(groups):
        if target is not None and gl != str(target):
            continue
        a = D[g]
        b = n_docs[g] - a
        c = total_d - a
        d = (N - n_docs[g]) - c
        delta = np.log((a + 0.5) / (b + 0.5)) - np.log((c + 0.5) / (d + 0.5))
        se = np.sqrt(1 / (a + 0.5) + 1 / (b + 0.5) + 1 / (c + 0.5) + 1 / (d + 0.5))
        zz = delta / se
        chi2, g2 = _two_by_two(a, b, c, d)
        p = 2 * sps.norm.sf(np.abs(zz))
        frames.append(pd.DataFrame({
            "term": terms, "group": gl, "delta": delta, "se": se, "z": zz, "count_group": a, "count_rest": c,
            "chi2": chi2, "g2": g2, "p_value": p, "p_adjusted": adjust_pvalues(p, adjust), "adjust_method": adjust,
        }).sort_values(["z", "term"], ascending=[False, True], kind="stable"))
    out = pd.concat(frames, ignore_index=True)
    return result_table(out, columns=schema.KEYNESS + schema.KEYNESS_STATS)
