"""Whose deaths, and how: casualty framing compared between the sides of a conflict.

The published asymmetry studies of war coverage count, per outlet, how the deaths of one side are reported
against the other's: how often, with a number, with a named agent, humanised (names, ages, family words),
with emotive words ("massacre", "slaughter"). :func:`casualty_asymmetry` makes those comparisons from a
:func:`framing.casualties` table that has ``victim_side``, in the outlet's own voice and in quotes, with
intervals that respect that statements of one article are not independent (the article is the cluster, and
one article may report both sides' dead, so the two shares are correlated: the variance of their difference
comes from the article totals of both) and with multiplicity control over each group's family of contrasts.
Negated and hypothetical statements are left out ("no civilians were killed" is not a reported death).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats as sps
from statsmodels.stats.proportion import proportion_confint

from framing._checks import check_level, check_option
from framing.errors import StatisticsError
from framing.stats._groups import with_groups, z_value
from framing.stats.results import SMALL_SAMPLE_NOTE, Adjust, ResultTable, adjust_family, result_table

__all__ = ["DIMENSIONS", "EMOTIVE_COLUMNS", "EMOTIVE_WORDS", "casualty_asymmetry", "counted_statements",
           "document_sides", "emotive_by_side", "emotive_statements", "mentions_per_death", "side_agreement"]

#: the framing dimensions compared, each a yes/no property of a casualty statement
DIMENSIONS = {
    "number": "states how many died or were hurt",
    "named_agent": "names who or what killed or hurt them (an agent or cause)",
    "humanised": "humanises the victims (names, ages, family or occupation words)",
    "emotive": "uses emotive words (massacre, slaughter, horrific, ...)",
}
_VOICES = {"all": None, "own": ("narrator", "scare_quote"), "quoted": ("quote",)}


def counted_statements(casualties: pd.DataFrame, voice: str = "all") -> np.ndarray:
    """Which rows of a casualty table the side comparisons count.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table.
    voice : {"all", "own", "quoted"}, default "all"
        Every voice, the outlet's own (narration and scare quotes), or its quoted sources'.

    Returns
    -------
    numpy.ndarray
        A boolean mask: the statements that report a death or injury (negated and hypothetical ones left
        out) in that voice, as :func:`casualty_asymmetry` counts them.
    """
    check_option("voice", voice, tuple(_VOICES))
    keep = ~_flag(casualties, "negated") & ~_flag(casualties, "hypothetical")
    if _VOICES[voice] is not None:
        keep &= casualties["voice"].astype(str).isin(_VOICES[voice]).to_numpy()
    return keep


def _asserted(table: pd.DataFrame) -> pd.DataFrame:
    """The statements that report a death or injury: negated and hypothetical ones left out."""
    return table[counted_statements(table)].reset_index(drop=True)


def _filled(column: pd.Series) -> np.ndarray:
    return column.notna().to_numpy() & (column.astype("string").fillna("").str.strip() != "").to_numpy()


def _outcomes(table: pd.DataFrame) -> dict[str, np.ndarray]:
    agent = _filled(table["agent"]) if "agent" in table.columns else np.zeros(len(table), bool)
    if "cause" in table.columns:
        agent = agent | _filled(table["cause"])
    return {
        "number": table["number"].notna().to_numpy(),
        "named_agent": agent,
        "humanised": _filled(table["humanising"]),
        "emotive": _filled(table["emotive"]),
    }


def _cluster_var(influence: np.ndarray, clusters: np.ndarray) -> tuple[float, int]:
    """Cluster-robust variance of a linear statistic from its per-row influence values, and the clusters."""
    codes, uniques = pd.factorize(clusters)
    totals = np.bincount(codes, weights=influence, minlength=len(uniques))
    c = len(uniques)
    return (float(c / (c - 1) * np.sum(totals ** 2)) if c > 1 else np.nan), c


def _wilson(p: float, n_eff: float, ci_level: float) -> tuple[float, float]:
    if n_eff <= 0 or not np.isfinite(n_eff):
        return np.nan, np.nan
    low, high = proportion_confint(p * n_eff, n_eff, alpha=1 - ci_level, method="wilson")
    return float(low), float(high)


def _share_rows(y: np.ndarray, side: np.ndarray, docs: np.ndarray, sides: Sequence[str], label: str,
                group: str, ci_level: float) -> list[dict]:
    rows = []
    shares: dict[str, tuple[float, int]] = {}
    influence = np.zeros(len(y))
    for k, s in enumerate(sides):
        mask = side == s
        n = int(mask.sum())
        if n == 0:
            rows.append({"group": group, "measure": f"{label}: {s}", "count": 0, "n_docs": 0, "ci_level": ci_level,
                         "method": "no statement of this side", "note": "no statement of this side"})
            continue
        p = float(y[mask].mean())
        shares[s] = (p, n)
        inf = np.where(mask, (y - p) / n, 0.0)
        var, c = _cluster_var(inf[mask], docs[mask])
        # Wilson interval on the effective sample size (design effect from the article clusters)
        n_eff = p * (1 - p) / var if var and var > 0 and 0 < p < 1 else float(n)
        low, high = _wilson(p, min(n_eff, float(n)) if 0 < p < 1 else float(n), ci_level)
        low, high = (0.0 if p == 0 else low), (1.0 if p == 1 else high)  # no rounding residue at the bounds
        rows.append({"group": group, "measure": f"{label}: {s}", "estimate": p, "ci_low": low, "ci_high": high,
                     "ci_level": ci_level, "count": int(y[mask].sum()), "exposure": n,
                     "n_docs": int(pd.unique(docs[mask]).size),
                     "method": "share of statements; Wilson interval on the effective size (articles as clusters)"})
        influence += inf if k == 0 else -inf
    if len(sides) == 2 and all(s in shares for s in sides):
        (pa, _), (pb, _) = shares[sides[0]], shares[sides[1]]
        in_pair = np.isin(side, list(sides))
        var, c = _cluster_var(influence[in_pair], docs[in_pair])
        diff = pa - pb
        se = np.sqrt(var) if np.isfinite(var) else np.nan
        df = max(c - 1, 1)
        t = diff / se if se and se > 0 else np.nan
        q = sps.t.ppf(0.5 + ci_level / 2, df)
        rows.append({"group": group, "measure": f"{label}: {sides[0]} - {sides[1]}", "estimate": diff,
                     "ci_low": diff - q * se if np.isfinite(se) else np.nan,
                     "ci_high": diff + q * se if np.isfinite(se) else np.nan, "ci_level": ci_level,
                     "statistic": t, "p_value": float(2 * sps.t.sf(abs(t), df)) if np.isfinite(t) else np.nan,
                     "n_docs": c, "count": int(in_pair.sum()),
                     "method": "difference of shares; cluster-robust (linearised) standard error with articles "
                               f"as clusters, both sides' statements in one article counted together; t({df})"})
    return rows


def _ratio_of_totals(a: np.ndarray, b: np.ndarray, scale: float, ci_level: float) -> dict:
    """``scale * sum(a) / sum(b)`` with its interval and test, ``a`` and ``b`` per-article counts of the same
    articles: the delta method on the log ratio, the two totals correlated within articles, t with
    articles - 1 degrees of freedom."""
    n = len(a)
    cov = np.cov(a, b, ddof=1) * n
    var = cov[0, 0] / a.sum() ** 2 + cov[1, 1] / b.sum() ** 2 - 2 * cov[0, 1] / (a.sum() * b.sum())
    se = np.sqrt(max(var, 0.0))
    ratio = scale * a.sum() / b.sum()
    t = np.log(ratio) / se if se > 0 else np.nan
    q = sps.t.ppf(0.5 + ci_level / 2, n - 1)
    return {"estimate": ratio, "ci_low": ratio * np.exp(-q * se), "ci_high": ratio * np.exp(q * se),
            "ci_level": ci_level, "statistic": t,
            "p_value": float(2 * sps.t.sf(abs(t), n - 1)) if np.isfinite(t) else np.nan}


def _zero_side_ratio(a: np.ndarray, b: np.ndarray, scale: float, ci_level: float) -> dict:
    """``scale * sum(a) / sum(b)`` when one total is 0, where the delta method has nothing to work on: the
    estimate is infinite (or 0) and the interval the exact Clopper-Pearson one for the share of the counts that
    are ``a``'s (all of them, or none), each article with a count counted once (conservative when counts
    cluster within articles), turned into a ratio: a finite lower bound and no upper one (or the reverse).
    The p-value is the exact binomial test of a ratio of 1 on the same articles."""
    n = int(((a > 0) | (b > 0)).sum())
    if n == 0:
        return {"estimate": np.nan, "ci_level": ci_level,
                "note": "neither side has a count: no ratio"}
    bound = ((1 - ci_level) / 2) ** (1 / n)          # the share's bound when all n articles are one side's
    p0 = 1 / (1 + scale)                             # the share of a's counts if the ratio were 1
    method = (f"one side has no count: exact Clopper-Pearson bound on the share of counts, each of the {n} "
              f"articles with a count taken once, as a ratio; exact binomial test")
    if b.sum() == 0:
        return {"estimate": np.inf, "ci_low": scale * bound / (1 - bound), "ci_high": np.inf, "ci_level": ci_level,
                "p_value": float(sps.binomtest(n, n, p0).pvalue), "method": method,
                "note": "the second side has no count: the ratio is unbounded above; ci_low is its lower bound"}
    return {"estimate": 0.0, "ci_low": 0.0, "ci_high": scale * (1 - bound) / bound, "ci_level": ci_level,
            "p_value": float(sps.binomtest(0, n, p0).pvalue), "method": method,
            "note": "the first side has no count: the ratio is 0; ci_high is its upper bound"}


def _mention_rows(side: np.ndarray, docs: np.ndarray, all_docs: np.ndarray, sides: Sequence[str], group: str,
                  ci_level: float) -> list[dict]:
    """Statements per article for each side, and their ratio (articles as clusters, zeros included)."""
    counts = {s: pd.Series(docs[side == s]).value_counts().reindex(all_docs, fill_value=0).to_numpy(float)
              for s in sides}
    n = len(all_docs)
    rows = []
    z = z_value(ci_level)
    for s in sides:
        mean = counts[s].mean() if n else np.nan
        se = counts[s].std(ddof=1) / np.sqrt(n) if n > 1 else np.nan
        rows.append({"group": group, "measure": f"statements per article: {s}", "estimate": mean,
                     "ci_low": max(0.0, mean - z * se) if np.isfinite(se) else np.nan,
                     "ci_high": mean + z * se if np.isfinite(se) else np.nan, "ci_level": ci_level,
                     "count": int(counts[s].sum()), "n_docs": n, "exposure": n,
                     "method": "mean statements per article; normal interval over articles"})
    if len(sides) == 2 and n > 1:
        a, b = counts[sides[0]], counts[sides[1]]
        if a.sum() > 0 and b.sum() > 0:
            rows.append({"group": group, "measure": f"statements per article: {sides[0]} / {sides[1]}",
                         **_ratio_of_totals(a, b, 1.0, ci_level), "count": int(a.sum() + b.sum()), "n_docs": n,
                         "method": f"ratio of statement counts; delta method on the log ratio with articles as "
                                   f"clusters; t({n - 1})"})
        else:
            rows.append({"group": group, "measure": f"statements per article: {sides[0]} / {sides[1]}",
                         "count": int(a.sum() + b.sum()), "n_docs": n, **_zero_side_ratio(a, b, 1.0, ci_level)})
    return rows


def casualty_asymmetry(
    casualties: pd.DataFrame,
    sides: Sequence[str],
    *,
    by: str = "outlet",
    corpus: pd.DataFrame | None = None,
    voices: Sequence[str] = ("all", "own", "quoted"),
    ci_level: float = 0.95,
    adjust: Adjust = "holm",
    cluster: str | None = None,
) -> ResultTable:
    """Compare how the deaths of two (or more) sides are reported, per outlet or any grouping.

    For each group (``by``) and side: statements per article, and the share
    of the side's casualty statements that give a number, name an agent or
    cause, humanise the victims, or use emotive words (:data:`DIMENSIONS`),
    in all voices, in the outlet's own voice and in quotes. With two sides,
    each share also gets the difference between them, and statements per
    article their ratio, with an interval and a test.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table with ``victim_side``.
    sides : sequence of str
        The sides to compare, as ``victim_side`` names them (``("Israel",
        "Palestine")``); the first is the minuend of differences and the
        numerator of ratios.
    by : str, default "outlet"
        The grouping: a column of the table or (with ``corpus``) of the corpus.
    corpus : pandas.DataFrame, optional
        The corpus: its documents count as articles with no statement in the
        statements-per-article rows (without it only articles with a casualty
        statement count), and its columns can be ``by``.
    voices : sequence of {"all", "own", "quoted"}
        Which voices to report: every statement, the outlet's own words
        (narrator and scare quotes), or quoted sources.
    ci_level : float, default 0.95
        Interval level.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}, default "holm"
        Multiplicity control over each group's differences and ratio.
    cluster : str, optional
        A column (of the table or the corpus) naming the article of each
        document, when documents are parts of articles (sentences): the
        article is then the unit of statements per article and of every
        interval. Default: the document.

    Returns
    -------
    ResultTable
        Columns :data:`framing.schema.RESULT`. ``measure`` reads
        ``"<dimension> [<voice>]: <side>"`` for a share,
        ``"<dimension> [<voice>]: <A> - <B>"`` for a difference,
        ``"statements per article: <side>"`` and ``"... : <A> / <B>"``.
        ``count`` is the statements with the property (shares), ``exposure``
        the side's statements, ``n_docs`` the articles.

    Notes
    -----
    Statements, not deaths: "killed 40 people" and "killed a man" are one
    statement each. Negated and hypothetical statements are left out.
    Intervals treat the article as the unit of independence; statements of one
    article, including both sides' statements, are counted together
    (linearised, cluster-robust variances).
    """
    check_level("ci_level", ci_level)
    sides = [str(s) for s in sides]
    if len(sides) < 2 or len(set(sides)) != len(sides):
        raise StatisticsError(f"sides must name at least two different sides, got {sides!r}")
    for v in voices:
        check_option("voices", v, tuple(_VOICES))
    for col in ("doc_id", "victim_side", "number", "humanising", "emotive", "voice"):
        if col not in casualties.columns:
            raise StatisticsError(f"the casualty table has no column {col!r}: pass the table of framing.casualties")
    table = with_groups(casualties, by, corpus=corpus, extra=[cluster] if cluster else (), what="casualty table")
    table = _asserted(table)
    # the articles of each group: every document of the corpus when given, else those with a statement
    articles = corpus if corpus is not None and by in corpus.columns else table
    unit = cluster or "doc_id"
    if unit not in articles.columns:
        raise StatisticsError(f"cluster {cluster!r} is not a column of the corpus")
    all_docs_of = {g: d[unit].astype(str).unique() for g, d in articles.groupby(by, sort=True)}
    outcomes = _outcomes(table)
    side = table["victim_side"].astype("string").fillna("").to_numpy(dtype=object)
    docs = table[unit].astype(str).to_numpy(dtype=object)
    voice = table["voice"].astype(str).to_numpy(dtype=object)
    rows: list[dict] = []
    for group in sorted(all_docs_of, key=str):
        in_group = (table[by] == group).to_numpy()
        first = len(rows)
        rows += _mention_rows(side[in_group], docs[in_group], all_docs_of[group], sides, str(group), ci_level)
        for v in voices:
            keep = in_group & (np.ones(len(table), bool) if _VOICES[v] is None else np.isin(voice, _VOICES[v]))
            for name, y in outcomes.items():
                rows += _share_rows(y[keep].astype(float), side[keep], docs[keep], sides, f"{name} [{v}]",
                                    str(group), ci_level)
        n_articles = len(all_docs_of[group])
        for r in rows[first:]:
            r["_family"] = str(group)
            if n_articles < 2:
                r["note"] = "; ".join(x for x in (r.get("note"), SMALL_SAMPLE_NOTE) if x)
        adjust_family(rows, str(group), adjust)
    return result_table(rows)


def _read_dates(values: pd.Series, where: Callable[[int], str]) -> pd.Series:
    """Dates as written, in any mix of formats ("10/15/2023", "2023-10-19"); missing stays NaT, and a value
    that is not a date raises an error naming ``where(row)``."""
    dates = pd.to_datetime(values, errors="coerce", format="mixed")
    bad = np.flatnonzero((dates.isna() & values.notna() & (values.astype(str).str.strip() != "")).to_numpy())
    if len(bad):
        raise StatisticsError(f"{where(int(bad[0]))}: cannot read the date {values.iloc[bad[0]]!r}; expected a date "
                              f"such as 2023-10-19 or 10/19/2023")
    return dates


def mentions_per_death(
    casualties: pd.DataFrame,
    deaths: pd.DataFrame,
    sides: Sequence[str],
    *,
    corpus: pd.DataFrame,
    by: str = "outlet",
    time: str = "date",
    freq: str | None = None,
    cumulative: bool = False,
    per: float = 1000.0,
    ci_level: float = 0.95,
    adjust: Adjust = "holm",
    cluster: str | None = None,
) -> ResultTable:
    """Casualty statements per reported death, by side, per group (and period), and the ratio between sides.

    The published comparisons of war coverage set each side's death mentions
    against the deaths an independent count reports (e.g. UN OCHA). Here a
    mention is an asserted casualty statement whose ``victim_side`` is the
    side; deaths are the reported deaths of the side over the same dates.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table with ``victim_side``.
    deaths : pandas.DataFrame
        Reported deaths: columns ``date``, ``side`` and ``deaths`` (one row per
        side and date; a side missing on a date counts as no new deaths).
    sides : sequence of str
        The sides, as ``victim_side`` and ``deaths["side"]`` name them; the
        first is the numerator of the ratio.
    corpus : pandas.DataFrame
        The corpus, with ``by`` and ``time`` (the article's date).
    by : str, default "outlet"
        The grouping.
    time : str, default "date"
        The corpus's date column.
    freq : str, optional
        A pandas period frequency ("D", "W", "M") to compare period by period;
        default: the whole span of the deaths table at once.
    cumulative : bool, default False
        ``deaths`` holds running totals (as OCHA's flash updates do); new
        deaths per date are their differences.
    per : float, default 1000
        Mentions per this many deaths.
    ci_level : float, default 0.95
        Interval level.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}, default "holm"
        Multiplicity control over each group's ratios.
    cluster : str, optional
        A corpus column naming the article of each document, when documents
        are parts of articles (sentences): the article is then the unit of
        every interval. Default: the document.

    Returns
    -------
    ResultTable
        ``group`` is ``"<group>"`` or ``"<group> <period>"``; ``measure`` is
        ``"mentions per {per:g} deaths: <side>"`` (``count`` mentions,
        ``exposure`` deaths) and ``"... : <A> / <B>"`` for the ratio of the two
        rates, whose interval comes from the article-clustered ratio of
        mention counts (the death counts are taken as known).
    """
    check_level("ci_level", ci_level)
    sides = [str(s) for s in sides]
    if len(sides) != 2 or sides[0] == sides[1]:
        raise StatisticsError(f"sides must name two different sides, got {sides!r}")
    for col in ("date", "side", "deaths"):
        if col not in deaths.columns:
            raise StatisticsError(f"the deaths table has no column {col!r}; expected date, side, deaths")
    for col in ("doc_id", by, time, *([cluster] if cluster else [])):
        if col not in corpus.columns:
            raise StatisticsError(f"the corpus has no column {col!r}")
    d = deaths.assign(date=_read_dates(deaths["date"], lambda i: f"the deaths table, row {i}"),
                      side=deaths["side"].astype(str))
    d = d[d["side"].isin(sides)].sort_values("date")
    if cumulative:
        d["deaths"] = d.groupby("side")["deaths"].diff().fillna(d["deaths"])
    ids = corpus["doc_id"].astype(str).to_numpy()
    dated = corpus[["doc_id", by, time]].assign(**{time: _read_dates(corpus[time], lambda i: f"document {ids[i]!r}"),
                                                   "_unit": corpus[cluster or "doc_id"].astype(str)})
    first, last = d["date"].min(), d["date"].max()
    inside = ((dated[time] >= first) & (dated[time] <= last)).to_numpy()
    if not inside.all():
        left_out = ids[~inside]
        warnings.warn(
            f"mentions_per_death: {len(left_out)} of {len(ids)} documents have no {time!r} or one outside the "
            f"deaths table's dates ({first:%Y-%m-%d} to {last:%Y-%m-%d}) and are not counted: "
            f"{', '.join(map(repr, left_out[:5]))}{' ...' if len(left_out) > 5 else ''}", UserWarning, stacklevel=2)
    dated = dated[inside]
    period = (lambda s: s.dt.to_period(freq).astype(str)) if freq else (lambda s: pd.Series("", index=s.index))
    dated = dated.assign(_period=period(dated[time]))
    d = d.assign(_period=period(d["date"]))
    table = _asserted(casualties).merge(dated[["doc_id", "_period", "_unit"]], on="doc_id", how="inner")
    z = z_value(ci_level)
    rows: list[dict] = []
    meta = dated.drop_duplicates("doc_id")
    for (group, per_name), articles in meta.groupby([by, "_period"], sort=True):
        label = f"{group} {per_name}".strip()
        in_group = table["doc_id"].astype(str).isin(articles["doc_id"].astype(str)).to_numpy()
        docs = articles["_unit"].unique()
        side = table.loc[in_group, "victim_side"].astype("string").fillna("").to_numpy(dtype=object)
        doc_of = table.loc[in_group, "_unit"].to_numpy(dtype=object)
        died = d[d["_period"] == per_name].groupby("side")["deaths"].sum()
        counts = {s: pd.Series(doc_of[side == s]).value_counts().reindex(docs, fill_value=0).to_numpy(float)
                  for s in sides}
        start = len(rows)
        for s in sides:
            total, n_dead = counts[s].sum(), float(died.get(s, 0.0))
            rate = total / n_dead * per if n_dead > 0 else np.nan
            se = counts[s].std(ddof=1) * np.sqrt(len(docs)) / n_dead * per if n_dead > 0 and len(docs) > 1 else np.nan
            rows.append({"group": label, "measure": f"mentions per {per:g} deaths: {s}", "estimate": rate,
                         "ci_low": max(0.0, rate - z * se) if np.isfinite(se) else np.nan,
                         "ci_high": rate + z * se if np.isfinite(se) else np.nan, "ci_level": ci_level,
                         "count": int(total), "exposure": n_dead, "n_docs": len(docs),
                         "method": "asserted casualty statements of the side over its reported deaths; normal "
                                   "interval over articles (the death count taken as known)",
                         "note": "" if n_dead > 0 else "no reported deaths of this side in the period"})
        a, b = counts[sides[0]], counts[sides[1]]
        da, db = float(died.get(sides[0], 0.0)), float(died.get(sides[1], 0.0))
        if a.sum() > 0 and b.sum() > 0 and da > 0 and db > 0 and len(docs) > 1:
            n = len(docs)
            rows.append({"group": label, "measure": f"mentions per {per:g} deaths: {sides[0]} / {sides[1]}",
                         **_ratio_of_totals(a, b, db / da, ci_level), "count": int(a.sum() + b.sum()), "n_docs": n,
                         "method": f"ratio of the two sides' mentions per death; delta method on the log ratio of "
                                   f"mention counts with articles as clusters; t({n - 1})"})
        elif da > 0 and db > 0 and len(docs) > 1 and a.sum() + b.sum() > 0:
            # one side never mentioned: a one-sided bound, not a missing row
            rows.append({"group": label, "measure": f"mentions per {per:g} deaths: {sides[0]} / {sides[1]}",
                         "count": int(a.sum() + b.sum()), "n_docs": len(docs),
                         **_zero_side_ratio(a, b, db / da, ci_level)})
        for r in rows[start:]:
            r["_family"] = str(group)
    for group in {str(g) for g in meta[by].unique()}:
        adjust_family(rows, group, adjust)
    return result_table(rows)


#: inflections counted as one word, as the published counts do ("massacre" counts "massacres", "massacred");
#: an emotive word not listed here is counted under its lower-case form
EMOTIVE_WORDS = {
    "massacre": ("massacre", "massacres", "massacred", "massacring"),
    "slaughter": ("slaughter", "slaughters", "slaughtered", "slaughtering"),
    "butcher": ("butcher", "butchers", "butchered", "butchering"),
    "horrific": ("horrific",),
    "tragic": ("tragic", "tragically"),
    "tragedy": ("tragedy", "tragedies"),
    "brutal": ("brutal", "brutally"),
    "atrocity": ("atrocity", "atrocities"),
    "savage": ("savage", "savagely"),
    "deadly": ("deadly", "deadliest"),
    "martyr": ("martyr", "martyrs", "martyred", "martyrdom"),
}
_STATUS = ("asserted", "negated", "hypothetical")


def _word_key(words: Mapping[str, Sequence[str]] | None) -> tuple[dict[str, str], bool]:
    """form -> word, and whether a form not listed is dropped (a selection of the user's) or kept as itself."""
    if words is None:
        return {f: w for w, forms in EMOTIVE_WORDS.items() for f in forms}, False
    if not isinstance(words, Mapping) or not words:
        raise StatisticsError(f"words must map a word to its forms, e.g. {{'massacre': ['massacre', 'massacred']}}; "
                              f"got {words!r}")
    out = {}
    for w, forms in words.items():
        forms = [forms] if isinstance(forms, str) else list(forms)
        for f in [w, *forms]:
            out[str(f).lower()] = str(w)
    return out, True


def emotive_statements(casualties: pd.DataFrame, *, words: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """The evidence of :func:`emotive_by_side`: one row per casualty statement and emotive word it uses.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table (with ``victim_side``).
    words : mapping of str to list of str, optional
        Which words to count and their forms (``{"massacre": ["massacre",
        "massacred"]}``): only these are kept. Default: every emotive word of
        the casualty lexicon, inflections counted together
        (:data:`EMOTIVE_WORDS`).

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (the statement's row in ``casualties``), ``doc_id``,
        ``start``, ``end`` (the statement: ``text[start:end]``), ``word``,
        ``form`` (as written), ``victim_side``, ``agent_side``, ``voice``
        (the word's own, from ``emotive_voice``: ``own`` for the outlet's words
        and scare quotes, ``quoted``),
        ``status`` (``asserted``, ``negated`` or ``hypothetical``: "no one was
        massacred" and "could be slaughtered" are not reported deaths), and any
        other column of ``casualties`` named ``outlet``. A word used twice in a
        statement counts once.
    """
    for col in ("doc_id", "start", "end", "emotive", "voice", "victim_side"):
        if col not in casualties.columns:
            raise StatisticsError(f"the casualty table has no column {col!r}: pass the table of framing.casualties")
    key, selected = _word_key(words)
    rows = []
    table = casualties.reset_index(drop=True)
    negated = table["negated"].fillna(False).astype(bool) if "negated" in table.columns else pd.Series(False, table.index)
    hypo = table["hypothetical"].fillna(False).astype(bool) if "hypothetical" in table.columns else \
        pd.Series(False, table.index)
    agent_side = table["agent_side"] if "agent_side" in table.columns else pd.Series(None, table.index, dtype=object)
    word_voices = table["emotive_voice"] if "emotive_voice" in table.columns else pd.Series("", table.index)
    for i, found in table["emotive"].items():
        if not isinstance(found, str) or not found.strip():
            continue
        seen: set[str] = set()
        forms = [f.strip() for f in found.split(";")]
        # each word's own voice ("called it a 'massacre'": quoted, though the killing word is the outlet's)
        given = word_voices.at[i]
        own_voices = given.split("; ") if isinstance(given, str) and given.strip() else []
        if len(own_voices) != len(forms):
            own_voices = [str(table.at[i, "voice"])] * len(forms)
        for form, voice in zip(forms, own_voices):
            low = form.lower()
            if not low or (selected and low not in key):
                continue
            word = key.get(low, low)
            if word in seen:
                continue
            seen.add(word)
            rows.append({"row": i, "doc_id": str(table.at[i, "doc_id"]), "start": int(table.at[i, "start"]),
                         "end": int(table.at[i, "end"]), "word": word, "form": form,
                         "victim_side": table.at[i, "victim_side"], "agent_side": agent_side.at[i],
                         "voice": "quoted" if voice in _VOICES["quoted"] else "own",
                         "status": "negated" if negated.at[i] else "hypothetical" if hypo.at[i] else "asserted",
                         **({"outlet": table.at[i, "outlet"]} if "outlet" in table.columns else {})})
    cols = ["row", "doc_id", "start", "end", "word", "form", "victim_side", "agent_side", "voice", "status",
            *(["outlet"] if "outlet" in table.columns else [])]
    out = pd.DataFrame(rows, columns=cols)
    for col in ("victim_side", "agent_side"):
        out[col] = out[col].astype("string")
    return out


#: the columns of :func:`emotive_by_side`
EMOTIVE_COLUMNS = ("group", "word", "voice", "side", "measure", "count", "negated", "hypothetical", "statements",
                   "estimate", "ci_low", "ci_high", "ci_level", "p_value", "p_adjusted", "adjust_method", "n_docs",
                   "method", "note")


def emotive_by_side(
    casualties: pd.DataFrame,
    sides: Sequence[str],
    *,
    by: str = "outlet",
    corpus: pd.DataFrame | None = None,
    cluster: str | None = None,
    words: Mapping[str, Sequence[str]] | None = None,
    voices: Sequence[str] = ("all", "own", "quoted"),
    ci_level: float = 0.95,
    adjust: Adjust = "holm",
) -> pd.DataFrame:
    """Emotive words by the victims' side, as the published studies count them, with voice and status.

    The studies of war coverage count, per outlet, how often "massacre",
    "slaughter" or "horrific" describe the killing of one side against the
    other ("slaughter" 60 to 1). Here each count is the casualty statements
    of a side that use the word, split by voice (the outlet's own words against
    quoted sources), with negated ("no one was massacred") and hypothetical
    ("could be slaughtered") statements counted apart and never as reported
    deaths; the ratio between two sides comes with an interval over articles.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table with ``victim_side``.
    sides : sequence of str
        Two sides as ``victim_side`` names them (``("Israel", "Palestine")``);
        the first is the numerator of the ratio.
    by : str, default "outlet"
        The grouping: a column of the table or (with ``corpus``) of the corpus.
    corpus : pandas.DataFrame, optional
        The corpus: its documents count (with no statement) in the intervals,
        and its columns can be ``by`` and ``cluster``.
    cluster : str, optional
        The unit of independence when documents are parts of articles (a
        column naming the article of each sentence); default the document.
    words : mapping of str to list of str, optional
        The words to count and their forms; default every emotive word of the
        casualty lexicon with its inflections together (:data:`EMOTIVE_WORDS`).
    voices : sequence of {"all", "own", "quoted"}
        Which voices to report.
    ci_level : float, default 0.95
        Interval level.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}, default "holm"
        Multiplicity control over each group's tests: every word and voice, and both comparisons
        (the count ratio and the share difference) in one family.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EMOTIVE_COLUMNS`, one row per group, word, voice and
        ``side`` with ``measure`` = ``"share of statements"``: ``count``
        asserted statements of the side using the word, ``negated`` and
        ``hypothetical`` those counted apart, ``statements`` the side's
        asserted statements in that voice, ``estimate`` the share
        count / statements (Wilson interval on the article-clustered effective
        size); then, with side ``"<A> / <B>"``, the ``"count ratio"`` (A's
        count over B's, the published figure; delta method on the log ratio,
        articles as clusters) and, with side ``"<A> - <B>"``, the ``"share
        difference"``. Words no statement of either side uses are left out;
        :func:`emotive_statements` gives the statements behind every count
        (``doc_id``, ``start``, ``end``).

    Notes
    -----
    The voice is the emotive word's own (``emotive_voice``): in "the attack,
    which the minister called a 'massacre,' killed 40 people" the outlet
    reports the deaths in its words, but "massacre" counts as quoted; a
    statement whose word is quoted counts among the quoted statements of its
    side. Tables without ``emotive_voice`` fall back to the killing word's
    voice.
    A count ratio compares how often each side's deaths get the word; the
    share of the side's statements says whether that is more than its share of
    statements would give.
    """
    check_level("ci_level", ci_level)
    sides = [str(s) for s in sides]
    if len(sides) != 2 or sides[0] == sides[1]:
        raise StatisticsError(f"sides must name two different sides, got {sides!r}")
    for v in voices:
        check_option("voices", v, tuple(_VOICES))
    evidence = emotive_statements(casualties, words=words)
    table = with_groups(casualties.reset_index(drop=True), by, corpus=corpus,
                        extra=[cluster] if cluster else (), what="casualty table")
    unit = table[cluster] if cluster else table["doc_id"]
    articles = corpus if corpus is not None and by in corpus.columns else table
    if cluster and cluster not in articles.columns:
        raise StatisticsError(f"cluster {cluster!r} is not a column of the corpus")
    units_of = {g: d[cluster or "doc_id"].astype(str).unique() for g, d in articles.groupby(by, sort=True)}
    asserted = counted_statements(table)
    side = table["victim_side"].astype("string").fillna("").to_numpy(dtype=object)
    voice = table["voice"].astype(str).to_numpy(dtype=object)
    group_of = table[by].astype(str).to_numpy(dtype=object)
    units = unit.astype(str).to_numpy(dtype=object)
    ev_group = group_of[evidence["row"].to_numpy(dtype=np.int64)] if len(evidence) else np.array([], dtype=object)
    rows: list[dict] = []
    for group in sorted(units_of, key=str):
        g_words = sorted(set(evidence.loc[(ev_group == str(group)) & evidence["victim_side"].isin(sides).to_numpy(),
                                          "word"]))
        for word in g_words:
            of_word = evidence[(ev_group == str(group)) & (evidence["word"] == word).to_numpy()]
            for v in voices:
                # the word counts in the voice it is written in; a statement using it there belongs to that
                # voice's statements even when its killing word is in another
                uses = np.zeros(len(table), bool)
                used = of_word if v == "all" else of_word[of_word["voice"].to_numpy() == v]
                uses[used["row"].to_numpy(dtype=np.int64)] = True
                in_voice = np.ones(len(table), bool) if _VOICES[v] is None else np.isin(voice, _VOICES[v])
                keep = (group_of == str(group)) & (in_voice | uses)
                part = (keep & asserted)
                shares = _share_rows(uses[part].astype(float), side[part], units[part], sides, "s", str(group),
                                     ci_level)
                by_side = {r["measure"][3:]: r for r in shares}
                for s in sides:
                    r = by_side[s]
                    mine = keep & (side == s)
                    rows.append({"group": str(group), "word": word, "voice": v, "side": s,
                                 "measure": "share of statements",
                                 "count": int((uses & mine & asserted).sum()),
                                 "negated": int((uses & mine & ~asserted & _flag(table, "negated")).sum()),
                                 "hypothetical": int((uses & mine & ~asserted & ~_flag(table, "negated")).sum()),
                                 "statements": int((mine & asserted).sum()),
                                 **{k: r.get(k) for k in ("estimate", "ci_low", "ci_high", "ci_level", "n_docs",
                                                          "method", "note")}})
                a = pd.Series(units[part & uses & (side == sides[0])]).value_counts()
                b = pd.Series(units[part & uses & (side == sides[1])]).value_counts()
                all_units = units_of[group]
                a = a.reindex(all_units, fill_value=0).to_numpy(float)
                b = b.reindex(all_units, fill_value=0).to_numpy(float)
                ratio = {"group": str(group), "word": word, "voice": v, "side": f"{sides[0]} / {sides[1]}",
                         "measure": "count ratio", "count": int(a.sum() + b.sum()), "n_docs": len(all_units),
                         "ci_level": ci_level, "_family": str(group)}
                if a.sum() > 0 and b.sum() > 0 and len(all_units) > 1:
                    ratio.update(_ratio_of_totals(a, b, 1.0, ci_level))
                    ratio["method"] = (f"ratio of the two sides' counts; delta method on the log ratio with "
                                       f"{'clusters' if cluster else 'articles'} as clusters; t({len(all_units) - 1})")
                elif len(all_units) > 1:
                    ratio.update(_zero_side_ratio(a, b, 1.0, ci_level))
                else:
                    ratio["estimate"] = a.sum() / b.sum() if b.sum() > 0 else (np.inf if a.sum() > 0 else np.nan)
                    ratio["method"] = "ratio of the two sides' counts"
                    ratio["note"] = SMALL_SAMPLE_NOTE
                rows.append(ratio)
                diff = by_side.get(f"{sides[0]} - {sides[1]}")
                if diff is not None:
                    rows.append({"group": str(group), "word": word, "voice": v,
                                 "side": f"{sides[0]} - {sides[1]}", "measure": "share difference",
                                 "count": diff.get("count"), "_family": str(group),
                                 **{k: diff.get(k) for k in ("estimate", "ci_low", "ci_high", "ci_level", "p_value",
                                                             "n_docs", "method", "note")}})
        adjust_family(rows, str(group), adjust)
    out = pd.DataFrame([{k: r.get(k) for k in EMOTIVE_COLUMNS} for r in rows], columns=list(EMOTIVE_COLUMNS))
    for col in ("count", "negated", "hypothetical", "statements", "n_docs"):
        out[col] = pd.to_numeric(out[col]).astype("Int64")
    for col in ("estimate", "ci_low", "ci_high", "ci_level", "p_value", "p_adjusted"):
        out[col] = pd.to_numeric(out[col]).astype("float64")
    return out


def _flag(table: pd.DataFrame, name: str) -> np.ndarray:
    return table[name].fillna(False).astype(bool).to_numpy() if name in table.columns else np.zeros(len(table), bool)


def document_sides(casualties: pd.DataFrame, doc_ids: Sequence[str], sides: Sequence[str]) -> pd.Series:
    """Each document's victim side from its asserted casualty statements.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table with ``victim_side``; negated and hypothetical statements are not
        counted.
    doc_ids : sequence of str
        The documents to give a side, in order (a document without statements gets ``"none"``).
    sides : sequence of str
        The sides compared, as ``victim_side`` names them.

    Returns
    -------
    pandas.Series
        Indexed by ``doc_id``: one of ``sides``, ``"mixed"`` (statements of several of them, or a statement
        whose victims are ``mixed``) or ``"none"`` (no statement with one of them).
    """
    asserted = _asserted(casualties)
    found = asserted.dropna(subset=["victim_side"]).groupby(asserted["doc_id"].astype(str))["victim_side"].agg(set)

    def one(present: set) -> str:
        if "mixed" in present or set(sides) <= present:
            return "mixed"
        return next((s for s in sides if s in present), "none")

    return pd.Series([one(set(found[d])) if d in found.index else "none" for d in map(str, doc_ids)],
                     index=pd.Index(list(map(str, doc_ids)), name="doc_id"), dtype="string")


def side_agreement(
    casualties: pd.DataFrame,
    corpus: pd.DataFrame,
    hand: str,
    sides: Sequence[str],
    *,
    labels: Mapping[str, str] | None = None,
    by: str | None = "outlet",
    cluster: str | None = None,
    ci_level: float = 0.95,
) -> ResultTable:
    """How far the library's victim side reproduces a hand coding of each document's side.

    Each document (a sentence, in the published datasets) gets the side of
    its asserted casualty statements (:func:`document_sides`) and is set
    against the hand-coded side in the corpus column ``hand``.

    Parameters
    ----------
    casualties : pandas.DataFrame
        A :func:`framing.casualties` table with ``victim_side``.
    corpus : pandas.DataFrame
        The corpus, with ``doc_id``, ``hand`` and ``by``.
    hand : str
        The corpus column of the hand-coded side.
    sides : sequence of str
        The two sides, as ``victim_side`` names them.
    labels : mapping, optional
        Hand label -> side (``{"israel": "Israel", "both": "mixed"}``); a
        label mapped to neither side nor ``"mixed"`` (or unmapped) leaves the
        document out, counted in ``note``.
    by : str or None, default "outlet"
        Per group, and over all documents (group ``"(all)"``); None: only over all.
    cluster : str, optional
        The corpus column naming the article of each document (intervals are
        clustered by it); default the document.
    ci_level : float, default 0.95
        Interval level.

    Returns
    -------
    ResultTable
        ``measure``: ``coverage`` (share of hand-coded documents with a
        sided statement), ``agreement`` (share of those whose side is the
        hand's), ``precision: <side>`` (over the documents given that side) and
        ``recall: <side>`` (over every document the hand gives that side, so a
        document with no sided statement counts as missed) for each side and
        ``mixed``; Wilson intervals on the article-clustered effective size.
    """
    check_level("ci_level", ci_level)
    sides = [str(s) for s in sides]
    for col in ("doc_id", hand, *([by] if by else []), *([cluster] if cluster else [])):
        if col not in corpus.columns:
            raise StatisticsError(f"the corpus has no column {col!r}")
    mapping = {str(k): str(v) for k, v in (labels or {}).items()}
    gold = corpus[hand].astype("string").map(lambda v: mapping.get(str(v), str(v)) if not pd.isna(v) else pd.NA)
    classes = [*sides, "mixed"]
    known = gold.isin(classes).fillna(False).to_numpy()
    docs = corpus["doc_id"].astype(str).to_numpy()
    pred = document_sides(casualties, docs, sides).to_numpy(dtype=object)
    gold = gold.astype(object).to_numpy()
    units = corpus[cluster or "doc_id"].astype(str).to_numpy(dtype=object)
    groups = corpus[by].astype(str).to_numpy(dtype=object) if by else np.full(len(corpus), ALL, dtype=object)
    rows: list[dict] = []
    for group in [*sorted(set(groups)), *([ALL] if by else [])]:
        in_group = known & ((groups == group) if group != ALL else np.ones(len(corpus), bool))
        left_out = int(((groups == group) if group != ALL else np.ones(len(corpus), bool)).sum() - in_group.sum())
        note = f"{left_out} documents without a hand label for a side left out" if left_out else ""
        sided = in_group & (pred != "none")

        def share(y: np.ndarray, mask: np.ndarray, measure: str) -> None:
            r = _share_rows(y[mask].astype(float), np.full(int(mask.sum()), "x", dtype=object), units[mask], ["x"],
                            measure, group, ci_level)[0]
            r["measure"] = measure
            r["note"] = "; ".join(x for x in (r.get("note"), note) if x)
            r["method"] = r["method"].replace("share of statements", "share of documents")
            rows.append(r)

        share(pred != "none", in_group, "coverage")
        share(pred == gold, sided, "agreement")
        for c in classes:
            share(gold == c, sided & (pred == c), f"precision: {c}")
            share(pred == c, in_group & (gold == c), f"recall: {c}")
    return result_table(rows)


#: the group label of rows over every document
ALL = "(all)"
