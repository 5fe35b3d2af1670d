"""Framing over time: rates (or shares) per period and group, with intervals clustered by document, and a
before/after comparison around an event.

:func:`trends` cuts the documents' dates into periods (weeks, months, any pandas frequency) and gives, per
period × group × measure, the pooled rate per 1,000 tokens (a scores table) or the share of each category (a
table of choices with ``outcome=``). Documents, not matches, are the independent units: each interval is
cluster-robust by document — for a rate, the linearised variance of a ratio of sums; for a share, a Wilson
interval with the design-effect-adjusted sample size, as in :func:`framing.compare_shares`. With ``events=``
each group's measure is compared after against before the event (within ``window`` of it) by
:func:`framing.compare` or :func:`framing.compare_shares`, clustered by document, Holm-adjusted over the call.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing import schema
from framing._checks import check_level
from framing.errors import StatisticsError, UsageError
from framing.stats._groups import group_name, with_groups
from framing.stats.results import ResultTable, adjust_pvalues, result_table

__all__ = ["TRENDS", "trends"]

#: columns of a :func:`trends` table: the period (first day, ISO date; empty on event rows) and the result columns
TRENDS = ("period", *schema.RESULT)

_MEASURE_COLS = ("lexicon", "category")


def _periods(values: pd.Series, freq: str, what: str) -> pd.Series:
    """The first day of each value's period (NaT where the date is missing or unreadable)."""
    dates = pd.to_datetime(values, errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
    try:
        return dates.dt.to_period(freq).dt.start_time
    except (ValueError, TypeError, AttributeError) as exc:
        raise UsageError(f"freq {freq!r} is not a pandas period frequency (W, M, Q, Y, D, 2W...): {exc}") from None


def _ratio_interval(y: np.ndarray, e: np.ndarray, ci_level: float) -> tuple[float, float, float, str]:
    """Ratio of sums ``sum(y) / sum(e)`` over documents with a cluster-robust (linearised) interval.

    The variance is ``n / (n - 1) * sum((y_d - R e_d)^2) / E^2`` (the sandwich of a one-parameter Poisson GLM
    with a log(e) offset, clustered by document); the interval is Wald on the log scale with Student t on
    ``n - 1`` degrees of freedom. With fewer than two documents or no count at all: the exact (Garwood)
    Poisson interval on the pooled count.
    """
    n, Y, E = len(y), float(y.sum()), float(e.sum())
    R = Y / E
    a = 1 - ci_level
    if n < 2 or Y == 0:
        lo = sps.chi2.ppf(a / 2, 2 * Y) / 2 if Y > 0 else 0.0
        hi = sps.chi2.ppf(1 - a / 2, 2 * Y + 2) / 2
        return R, lo / E, hi / E, "exact Poisson (Garwood) interval on the pooled count"
    var = n / (n - 1) * float(((y - R * e) ** 2).sum()) / E ** 2
    se_log = np.sqrt(var) / R
    q = sps.t.ppf(1 - a / 2, n - 1)
    return R, R * np.exp(-q * se_log), R * np.exp(q * se_log), \
        "Wald interval on the log rate, cluster-robust by document, t with documents - 1 df"


def _share_interval(y: np.ndarray, m: np.ndarray, ci_level: float) -> tuple[float, float, float, str]:
    """Share ``sum(y) / sum(m)`` with a Wilson interval on the design-effect-adjusted sample size."""
    from statsmodels.stats.proportion import proportion_confint

    n, Y, M = len(y), float(y.sum()), float(m.sum())
    P = Y / M
    if n >= 2 and 0 < P < 1:
        var_c = n / (n - 1) * float(((y - P * m) ** 2).sum()) / M ** 2
        deff = var_c / (P * (1 - P) / M)
        n_eff = M / deff if deff > 0 else M
        lo, hi = proportion_confint(P * n_eff, n_eff, alpha=1 - ci_level, method="wilson")
        return P, float(lo), float(hi), "Wilson interval with design-effect-adjusted sample size (clusters: document)"
    lo, hi = proportion_confint(Y, M, alpha=1 - ci_level, method="wilson")
    # Wilson's bounds are exactly 0 and 1 at the edges; floating point leaves ~1e-17
    lo, hi = (0.0 if Y == 0 else float(lo)), (1.0 if Y == M else float(hi))
    return P, lo, hi, "Wilson interval (rows treated as independent)"


def trends(
    table: pd.DataFrame,
    by: str | Sequence[str] | None = "outlet",
    *,
    time: str = "date",
    freq: str = "W",
    outcome: str | None = None,
    corpus: pd.DataFrame | None = None,
    lexicon: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    events: Mapping[str, Any] | None = None,
    window: str | int | None = None,
    ci_level: float = 0.95,
    adjust: str = "holm",
    n_resamples: int = 1999,
    seed: int | None = 0,
) -> ResultTable:
    """Rates or shares per period and group, with intervals clustered by document, and event comparisons.

    Parameters
    ----------
    table : pandas.DataFrame
        A scores table (:data:`framing.schema.SCORES`: ``doc_id``, ``lexicon``, ``category``, ``count``,
        ``n_tokens``) for rates per 1,000 tokens; or, with ``outcome=``, one row per choice
        (:data:`~framing.schema.ACTOR_LABELS`, :data:`~framing.schema.ATTRIBUTIONS`, ...) for shares.
    by : str, list of str or None
        Group column(s), of ``table`` or ``corpus``; None: all documents as one group (``"(all)"``).
    time : str
        Date column (of ``table`` or ``corpus``); anything :func:`pandas.to_datetime` reads. Rows without
        a readable date are left out and counted in ``note``.
    freq : str
        Period: a pandas period frequency — ``"D"``, ``"W"`` (weeks starting Monday), ``"M"``, ``"Q"``,
        ``"Y"``, ``"2W"``... Each period is named by its first day.
    outcome : str, optional
        Category column of a table of choices: shares of its categories instead of rates.
    corpus : pandas.DataFrame, optional
        Corpus to take ``by`` and ``time`` from (merged on ``doc_id``).
    lexicon, voice : str or list of str, optional
        Keep only these lexicons / voices of a scores table (counts summed over the kept voices).
    events : mapping of str to date, optional
        Named dates, e.g. ``{"strike": "2024-01-16"}``: each group's measure is compared after (on or from
        the date) against before it.
    window : str or int, optional
        Only documents within this distance of the event on either side (``"14D"``, ``"4W"`` or a number
        of days); default: all documents.
    ci_level : float
        Confidence level.
    adjust : {"holm", "fdr_bh", "bonferroni", "none"}
        Multiplicity correction over the event comparisons of the call.
    n_resamples, seed :
        Passed to :func:`framing.compare_shares` for the event comparisons of shares.

    Returns
    -------
    ResultTable
        Columns :data:`TRENDS`: ``period`` (first day of the period, ``YYYY-MM-DD``), ``group``, ``measure``
        (``"<lexicon>:<category> rate per 1k"`` or ``"<outcome>=<category> share"``), ``estimate``,
        ``ci_low``, ``ci_high``, ``method``, ``n_docs``, ``count``, ``exposure`` (tokens, or rows of the
        group in that period), ``note``. Event comparisons have no ``period``; their ``measure`` reads
        ``"... rate ratio after vs before <event> (<date>)"`` or ``"... share difference after - before
        <event> (<date>)"``, with statistic, p-value and adjusted p-value.

    Raises
    ------
    StatisticsError
        Unknown column, no row with a readable date, a table that is neither a scores table nor has ``outcome``.
    UsageError
        A frequency, event date or window that cannot be read.
    """
    check_level("ci_level", ci_level)
    if not isinstance(table, pd.DataFrame):
        raise StatisticsError(f"expected a pandas DataFrame, got {type(table).__name__}")
    if "doc_id" not in table.columns:
        raise StatisticsError("trends needs a 'doc_id' column: intervals are clustered by document")
    cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    data = with_groups(table, cols or ["doc_id"], corpus=corpus, extra=[time], what="table")
    group = group_name(cols) if cols else None
    if group is None:
        data = data.assign(**{"(all)": "(all)"})
        group = "(all)"
    for col, keep in (("lexicon", lexicon), ("voice", voice)):
        if keep is not None:
            if col not in data.columns:
                raise StatisticsError(f"cannot filter on {col!r}: the table has no such column")
            data = data[data[col].isin([keep] if isinstance(keep, str) else list(keep))]
    data = data.assign(_period=_periods(data[time], freq, time))
    undated = data.loc[data["_period"].isna(), "doc_id"].nunique()
    data = data[data["_period"].notna()]
    if data.empty:
        raise StatisticsError(f"no row has a readable date in column {time!r}")
    notes = [f"{undated} document(s) without a readable {time!r} left out"] if undated else []
    if outcome is None:
        schema.require(data, ["count", "n_tokens"], what="scores table (or pass outcome= for shares)")
        rows = _rate_rows(data, group, ci_level)
    else:
        if outcome not in data.columns:
            raise StatisticsError(f"unknown outcome column {outcome!r}; columns: {list(map(str, data.columns))}")
        rows = _share_rows(data[data[outcome].notna()], group, outcome, ci_level)
    note = "; ".join(notes)
    for r in rows:
        r["note"] = "; ".join(x for x in (r.get("note"), note) if x)
    if events:
        rows += _event_rows(data, group, time, outcome, events, window, ci_level, adjust, n_resamples, seed, note)
    for r in rows:
        r["ci_level"] = ci_level if np.isfinite(r.get("ci_low", np.nan)) else np.nan
    out = result_table(rows, columns=TRENDS)
    return out


def _measure_key(data: pd.DataFrame) -> pd.Series:
    present = [c for c in _MEASURE_COLS if c in data.columns]
    if not present:
        return pd.Series("count", index=data.index)
    key = data[present[0]].astype(str)
    for c in present[1:]:
        key = key + ":" + data[c].astype(str)
    return key


def _doc_totals(data: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per document (and ``keys``): summed count and the document's tokens (counted once over voices)."""
    count = data.groupby([*keys, "doc_id"], sort=True, observed=True)["count"].sum()
    if "voice" in data.columns:
        per_voice = data.groupby(["doc_id", "voice"], sort=False)["n_tokens"].max()
        per_doc = per_voice.groupby(level=0)
        tokens = per_doc.max().where(per_doc.nunique() <= 1, per_doc.sum())
    else:
        tokens = data.groupby("doc_id", sort=False)["n_tokens"].max()
    out = count.reset_index()
    out["n_tokens"] = out["doc_id"].map(tokens).astype(float)
    return out


def _rate_rows(data: pd.DataFrame, group: str, ci_level: float) -> list[dict[str, Any]]:
    data = data.assign(_m=_measure_key(data), count=pd.to_numeric(data["count"], errors="coerce").fillna(0))
    # every document counts in every measure (zero when it has no row for it)
    docs = data.drop_duplicates("doc_id")[["doc_id", group, "_period"]]
    per = _doc_totals(data, ["_m"])
    rows = []
    tokens = per.drop_duplicates("doc_id").set_index("doc_id")["n_tokens"]
    for m, part in per.groupby("_m", sort=True):
        full = docs.merge(part[["doc_id", "count"]], on="doc_id", how="left").fillna({"count": 0})
        full["n_tokens"] = full["doc_id"].map(tokens)
        full = full[full["n_tokens"] > 0]
        for (g, period), cell in full.groupby([group, "_period"], sort=True):
            est, lo, hi, meth = _ratio_interval(cell["count"].to_numpy(float), cell["n_tokens"].to_numpy(float),
                                                ci_level)
            rows.append({"period": period.strftime("%Y-%m-%d"), "group": str(g), "measure": f"{m} rate per 1k",
                         "estimate": est * 1000, "ci_low": lo * 1000, "ci_high": hi * 1000, "method": meth,
                         "n_docs": len(cell), "count": cell["count"].sum(), "exposure": cell["n_tokens"].sum(),
                         "note": "one document in this period: exact interval on its count" if len(cell) < 2 else ""})
    return rows


def _share_rows(data: pd.DataFrame, group: str, outcome: str, ci_level: float) -> list[dict[str, Any]]:
    cats = sorted(data[outcome].astype(str).unique())
    rows = []
    for (g, period), cell in data.groupby([group, "_period"], sort=True):
        per_doc = pd.crosstab(cell["doc_id"], cell[outcome].astype(str)).reindex(columns=cats, fill_value=0)
        m = per_doc.sum(axis=1).to_numpy(float)
        for k in cats:
            y = per_doc[k].to_numpy(float)
            est, lo, hi, meth = _share_interval(y, m, ci_level)
            rows.append({"period": period.strftime("%Y-%m-%d"), "group": str(g), "measure": f"{outcome}={k} share",
                         "estimate": est, "ci_low": lo, "ci_high": hi, "method": meth, "n_docs": len(per_doc),
                         "count": y.sum(), "exposure": m.sum(), "note": ""})
    return rows


def _event_date(name: str, value: Any) -> pd.Timestamp:
    stamp = pd.to_datetime(value, errors="coerce", utc=True)
    if pd.isna(stamp):
        raise UsageError(f"event {name!r}: {value!r} is not a date (use YYYY-MM-DD)")
    return stamp.tz_localize(None)


def _window(window: str | int | None) -> pd.Timedelta | None:
    if window is None:
        return None
    try:
        w = pd.Timedelta(days=window) if isinstance(window, (int, float)) and not isinstance(window, bool) \
            else pd.Timedelta(str(window))
    except ValueError:
        raise UsageError(f"window {window!r} is not a duration (e.g. '14D', '4W' or a number of days)") from None
    if w <= pd.Timedelta(0):
        raise UsageError(f"window must be positive, got {window!r}")
    return w


def _event_rows(data, group, time, outcome, events, window, ci_level, adjust, n_resamples, seed, note):
    from framing.stats.rates import compare
    from framing.stats.shares import compare_shares

    width = _window(window)
    dates = pd.to_datetime(data[time], errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
    rows: list[dict[str, Any]] = []
    for name, value in events.items():
        when = _event_date(str(name), value)
        label = f"{name} ({when.strftime('%Y-%m-%d')})"
        side = np.where(dates >= when, "after", "before")
        inside = dates.notna().to_numpy(copy=True)
        if width is not None:
            inside = inside & ((dates >= when - width) & (dates < when + width)).to_numpy()
        part = data.assign(_side=side)[inside]
        for g, cell in part.groupby(group, sort=True):
            sides = set(cell["_side"])
            if sides != {"before", "after"}:
                rows.append({"group": str(g), "measure": f"{label}: not compared", "method": "",
                             "note": f"no document {'before' if 'before' not in sides else 'after'} {label}"
                                     + (f" within {window}" if width is not None else "")})
                continue
            with warnings.catch_warnings():
                # what compare() would warn about (a side with one document) is in each row's note
                warnings.simplefilter("ignore")
                try:
                    if outcome is None:
                        res = compare(cell, by="_side", reference="before", cluster="doc_id", ci_level=ci_level,
                                      adjust="none", measure=_MEASURE_COLS)
                        keep = res[res["measure"].str.contains(" rate ratio vs before")]
                        rename = (" rate ratio vs before", f" rate ratio after vs before {label}")
                    else:
                        res = compare_shares(cell, by="_side", outcome=outcome, cluster="doc_id", ci_level=ci_level,
                                             adjust="none", n_resamples=n_resamples, seed=seed)
                        keep = res[res["measure"].str.endswith(" share difference")]
                        rename = (" share difference", f" share difference after - before {label}")
                except Exception as exc:  # noqa: BLE001 - one cell that cannot be compared must not stop the rest
                    from framing.errors import FramingError

                    if not isinstance(exc, FramingError):
                        raise
                    rows.append({"group": str(g), "measure": f"{label}: not compared", "method": "", "note": str(exc)})
                    continue
            for r in keep.to_dict("records"):
                r["measure"] = str(r["measure"]).replace(*rename)
                r["group"] = str(g)
                r["_event"] = True
                r["note"] = "; ".join(x for x in (r.get("note") if isinstance(r.get("note"), str) else "", note)
                                      if x)
                if outcome is not None:
                    r["group"] = str(g)
                rows.append(r)
    idx = [i for i, r in enumerate(rows) if r.get("_event")]
    adj = adjust_pvalues([rows[i].get("p_value", np.nan) for i in idx], adjust)  # type: ignore[arg-type]
    for i, a in zip(idx, adj):
        rows[i]["p_adjusted"] = a
        rows[i]["adjust_method"] = adjust
        rows[i].pop("_event")
        rows[i]["period"] = None
    return rows
