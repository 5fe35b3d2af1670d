"""Who gets a voice, compared across groups: shares of sources and the balance between two sides.

Both functions read the table of :func:`framing.sources` (one row per attributed statement) and compare groups
with :func:`framing.compare_shares`, so the intervals are clustered by article, the pairwise differences are
corrected for multiplicity and the table says how it was computed.

* :func:`source_shares`: the share of statements (or of the words they get) by source type, by side
  (``affiliation``), anonymous vs named, or direct / partial / reported, per outlet or any grouping.
* :func:`source_balance`: the balance between two sides (e.g. Pakistan and Iran) among the statements of
  sources affiliated with either, ``(a - b) / (a + b)`` from -1 (only b) to +1 (only a), per article
  (:func:`article_balance`) and per group with its interval.

Words: with ``weight="words"`` each statement counts with its ``n_words``; the words of one statement are not
independent, so they are clustered by article when every group has at least two articles, else by statement
(the interval then describes those articles, as ``note`` says).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing import schema
from framing._checks import check_option
from framing.errors import SchemaError
from framing.stats.results import ResultTable
from framing.stats._groups import AUTO
from framing.stats.shares import compare_shares

__all__ = ["article_balance", "source_balance", "source_shares"]

#: the label of statements whose source speaks for no side, in affiliation shares
NO_SIDE = "(no side)"


def _prepared(sources: pd.DataFrame, outcome: str, weight: str, by: str, corpus: pd.DataFrame | None,
              cluster: Any = AUTO) -> tuple[pd.DataFrame, Any]:
    """The table :func:`framing.compare_shares` reads (a row per statement, or per word) and its cluster: the
    user's, else the coarsest unit within which the group is constant (``"auto"``); words of a group with a
    single article are clustered by statement."""
    schema.require(sources, ("doc_id", "n_words", "cue_start", outcome), what="sources table")
    check_option("weight", weight, ("statements", "words"))
    table = sources.copy()
    if outcome == "anonymous":
        table["anonymous"] = np.where(table["anonymous"].astype(bool), "anonymous", "named")
    elif outcome == "affiliation":
        table["affiliation"] = table["affiliation"].astype("object").where(table["affiliation"].notna(), NO_SIDE)
    if weight == "words":
        table["statement"] = table["doc_id"].astype(str) + ":" + table["cue_start"].astype(str)
        groups = table[by] if by in table.columns else (
            table["doc_id"].map(dict(zip(corpus["doc_id"], corpus[by]))) if corpus is not None and by in corpus
            else None)
        if groups is None:
            raise SchemaError(f"no column {by!r} in the sources table or the corpus")
        per_group = table.assign(_g=groups).groupby("_g")["doc_id"].nunique()
        if cluster == AUTO and not (len(per_group) and per_group.min() >= 2):
            cluster = "statement"
        counts = table["n_words"].clip(lower=0).astype(int).to_numpy()
        table = table.loc[table.index.repeat(counts)].reset_index(drop=True)
    return table, cluster


def source_shares(
    sources: pd.DataFrame, by: str = "outlet", outcome: str = "source_type", *,
    weight: Literal["statements", "words"] = "statements", corpus: pd.DataFrame | None = None, **options: Any,
) -> ResultTable:
    """Shares of statements (or of their words) by source type, side or anonymity, compared across groups.

    Parameters
    ----------
    sources : pandas.DataFrame
        The table of :func:`framing.sources`.
    by : str, default "outlet"
        The grouping column, of ``sources`` or of ``corpus`` (merged on ``doc_id``).
    outcome : str, default "source_type"
        ``source_type``, ``affiliation`` (statements of no side count as ``"(no side)"``), ``anonymous``
        (``"anonymous"`` / ``"named"``), ``kind`` or any categorical column of ``sources``.
    weight : {"statements", "words"}, default "statements"
        Count each statement once, or each of its words (``n_words``): how much space each source gets.
    corpus : pandas.DataFrame, optional
        The corpus, for a ``by`` column the sources table lacks.
    **options
        Passed to :func:`framing.compare_shares` (``cluster``, ``ci_level``, ``adjust``, ``n_resamples``,
        ``seed``, ...). ``cluster`` defaults to ``"auto"``, as there: the outlet when the group is constant within
        each outlet and spans several (a leaning), else the article.

    Returns
    -------
    ResultTable
        The table of :func:`framing.compare_shares` (columns :data:`framing.schema.RESULT`): per group the share
        of each category with its interval, Cramér's V and the pairwise differences with adjusted p-values.
        ``note`` says when words were clustered by statement.

    Raises
    ------
    framing.errors.SchemaError
        If ``sources`` lacks ``outcome`` or a column the function needs, or ``by`` is found nowhere.
    framing.errors.UsageError
        If ``weight`` is not one of the options.
    """
    table, cluster = _prepared(sources, outcome, weight, by, corpus, options.pop("cluster", AUTO))
    result = compare_shares(table, by, outcome, corpus=corpus, cluster=cluster, **options)
    if weight == "words":
        extra = "shares of words" + ("; a group has a single article: words clustered by statement"
                                     if cluster == "statement" else "")
        result["note"] = [f"{extra}; {n}" if isinstance(n, str) and n else extra for n in result["note"]]
    return result


def article_balance(sources: pd.DataFrame, sides: Sequence[str], *,
                    weight: Literal["statements", "words"] = "statements") -> pd.DataFrame:
    """The balance between two sides in each article.

    Parameters
    ----------
    sources : pandas.DataFrame
        The table of :func:`framing.sources`.
    sides : pair of str
        The two sides ``(a, b)``, as ``affiliation`` names them (e.g. ``("Pakistan", "Iran")``).
    weight : {"statements", "words"}, default "statements"
        Count statements, or their words.

    Returns
    -------
    pandas.DataFrame
        One row per article with statements: ``doc_id``, ``outlet``, ``a``, ``b`` (the side names), ``n_a``,
        ``n_b`` (statements or words of each side), ``n_other`` (of other sides), ``n_none`` (of no side) and
        ``balance`` = ``(n_a - n_b) / (n_a + n_b)`` (NaN when neither side speaks).
    """
    a, b = _two_sides(sides)
    schema.require(sources, ("doc_id", "outlet", "affiliation", "n_words"), what="sources table")
    check_option("weight", weight, ("statements", "words"))
    w = sources["n_words"].astype(float) if weight == "words" else pd.Series(1.0, index=sources.index)
    aff = sources["affiliation"]
    parts = pd.DataFrame({
        "doc_id": sources["doc_id"], "outlet": sources["outlet"],
        "n_a": w.where(aff == a, 0.0), "n_b": w.where(aff == b, 0.0),
        "n_other": w.where(aff.notna() & (aff != a) & (aff != b), 0.0), "n_none": w.where(aff.isna(), 0.0),
    })
    out = parts.groupby(["doc_id", "outlet"], sort=False, as_index=False).sum()
    total = out["n_a"] + out["n_b"]
    out["balance"] = np.where(total > 0, (out["n_a"] - out["n_b"]) / total.where(total > 0, 1.0), np.nan)
    out.insert(2, "a", a)
    out.insert(3, "b", b)
    return out


def source_balance(
    sources: pd.DataFrame, sides: Sequence[str], *, by: str = "outlet",
    weight: Literal["statements", "words"] = "statements", corpus: pd.DataFrame | None = None, **options: Any,
) -> ResultTable:
    """The balance between two sides among affiliated sources, per group, with intervals and contrasts.

    The balance is ``2p - 1``, where ``p`` is the share of side ``a`` among the statements (or words) of
    sources affiliated with ``a`` or ``b``; its interval and the pairwise differences are those of ``p`` from
    :func:`framing.compare_shares` (clustered by article), mapped by ``2p - 1`` (differences doubled).

    Parameters
    ----------
    sources : pandas.DataFrame
        The table of :func:`framing.sources`.
    sides : pair of str
        ``(a, b)``: +1 is all ``a``, -1 all ``b``.
    by : str, default "outlet"
        The grouping column (of ``sources`` or ``corpus``).
    weight : {"statements", "words"}, default "statements"
        Count statements, or their words.
    corpus : pandas.DataFrame, optional
        The corpus, for a ``by`` column the sources table lacks.
    **options
        Passed to :func:`framing.compare_shares`.

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`; ``measure`` is ``"balance a vs b"`` for each group and
        ``"balance a vs b difference"`` for each pair of groups (``group`` "X - Y"); ``count`` and
        ``exposure`` are the statements (or words) of ``a`` and of both sides.

    Raises
    ------
    framing.errors.SchemaError
        If no statement of either side is in the table.
    """
    a, b = _two_sides(sides)
    both = sources[sources["affiliation"].isin([a, b])]
    if both.empty:
        raise SchemaError(f"no statement of a source affiliated with {a!r} or {b!r} in the sources table; "
                          f"affiliations found: {sorted(map(str, sources['affiliation'].dropna().unique()))[:10]}")
    table, cluster = _prepared(both, "affiliation", weight, by, corpus, options.pop("cluster", AUTO))
    shares = compare_shares(table, by, "affiliation", corpus=corpus, cluster=cluster, **options)
    label, other = f"affiliation={a} share", f"affiliation={b} share"
    measure = shares["measure"].astype(str)
    rows = shares[measure == label].copy()
    # with two categories the contrasts may be given for either side's share: b's difference is minus a's
    for own, sign in ((label, 1), (other, -1)):
        diff = shares[measure == f"{own} difference"].copy()
        if len(diff):
            lo, hi = diff["ci_low"].copy(), diff["ci_high"].copy()
            diff["estimate"] = sign * diff["estimate"]
            diff["ci_low"], diff["ci_high"] = (lo, hi) if sign > 0 else (-hi, -lo)
            rows = pd.concat([rows, diff])
            break
    is_diff = rows["measure"].astype(str).str.endswith("difference").to_numpy()
    name = f"balance {a} vs {b}"
    rows["measure"] = np.where(is_diff, f"{name} difference", name)
    for col in ("estimate", "ci_low", "ci_high"):
        rows[col] = np.where(is_diff, 2 * rows[col], 2 * rows[col] - 1)
    rows = rows.reset_index(drop=True)
    out = ResultTable(rows[list(schema.RESULT)])
    object.__setattr__(out, "models", dict(getattr(shares, "models", None) or {}))
    return out


def _two_sides(sides: Sequence[str]) -> tuple[str, str]:
    if isinstance(sides, str) or len(sides) != 2 or sides[0] == sides[1]:
        raise SchemaError(f"sides must name two different sides, e.g. ('Pakistan', 'Iran'); got {sides!r}")
    return str(sides[0]), str(sides[1])
