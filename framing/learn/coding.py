"""Checking the library (or any coding) against human coders.

The workflow every content-analysis method section needs:

1. :func:`annotation_sample` draws a reproducible, stratified sample of
   matches or sentences, with context, ready to hand to coders as a CSV.
2. :func:`agreement` measures how far coders agree with each other, and the
   library with them: Krippendorff's alpha over all coders and Cohen's kappa
   for every pair, with bootstrap intervals over units.
3. :func:`validate` scores predictions against a gold standard: per-category
   precision, recall and F1 with intervals, for character spans (with a
   configurable overlap rule) or for labels.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing import schema
from framing._checks import check_count, check_level, check_option, renamed
from framing.errors import SchemaError, StatisticsError
from framing.stats.resampling import percentile_interval
from framing.stats.results import ResultTable, as_result_table

__all__ = ["annotation_sample", "agreement", "validate"]

#: columns :func:`annotation_sample` adds to the sampled rows
ANNOTATION_ADDED = ("item_id", "context_left", "span", "context_right", "code")
#: columns of :func:`agreement`
AGREEMENT = (
    "measure", "coders", "estimate", "ci_low", "ci_high", "ci_level", "n_units", "n_coders", "level",
    "method", "note",
)
#: columns of :func:`validate`
VALIDATION = (
    "category", "metric", "estimate", "ci_low", "ci_high", "ci_level", "tp", "fp", "fn", "n_docs",
    "method", "note",
)


# --------------------------------------------------------------------------- annotation sample


def _allocate(sizes: pd.Series, n: int, allocation: str) -> pd.Series:
    """How many rows to draw from each stratum (sum = n, each <= its size)."""
    sizes = sizes.astype(int)
    k = len(sizes)
    if allocation == "proportional":
        quota = sizes / sizes.sum() * n
        take = np.floor(quota).astype(int)
        # at least one from every stratum when n allows it, so rare strata get coded
        if n >= k:
            take = take.clip(lower=1)
        # fix the total: largest remainders first (ties: larger stratum, then order)
        while take.sum() > n:
            over = (take - quota).where(take > 1, -np.inf)
            take[over.idxmax()] -= 1
        while take.sum() < n:
            room = (quota - take).where(take < sizes, -np.inf)
            take[room.idxmax()] += 1
        return take
    # equal: the same number from each stratum, spare places to strata with room
    take = pd.Series(0, index=sizes.index)
    remaining = n
    while remaining > 0:
        open_ = take < sizes
        if not open_.any():
            break
        share = max(remaining // int(open_.sum()), 1)
        for key in sizes.index[open_]:
            add = min(share, int(sizes[key] - take[key]), remaining)
            take[key] += add
            remaining -= add
            if remaining == 0:
                break
    return take


def annotation_sample(
    table: pd.DataFrame,
    n: int,
    *,
    stratify: Sequence[str] | None = ("outlet", "category"),
    seed: int = 0,
    corpus: pd.DataFrame | None = None,
    context: int = 150,
    allocation: Literal["proportional", "equal"] = "proportional",
) -> pd.DataFrame:
    """A reproducible, stratified sample of matches or sentences for human coding.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows to sample: matches (:func:`framing.find`), sentences
        (:func:`framing.sentences`), quotes, casualty mentions … Needs
        ``doc_id``; with ``start`` and ``end`` and a ``corpus``, each row gets
        its evidence and surrounding context.
    n : int
        Rows to draw (at most the number of rows).
    stratify : sequence of str, optional
        Columns defining strata, default ``("outlet", "category")``. Columns
        the table lacks but the corpus has (e.g. ``outlet``) are taken from
        the corpus; a column neither has raises :class:`SchemaError`. ``None``
        draws a simple random sample.
    seed : int, default 0
        The same seed and table give the same sample.
    corpus : pandas.DataFrame, optional
        The corpus whose ``text`` the offsets index; needed for context.
    context : int, default 150
        Characters of context each side of the span (cut at white space).
    allocation : {"proportional", "equal"}, default "proportional"
        ``"proportional"``: strata in proportion to their size (largest
        remainder), at least one row from every stratum when ``n`` is at least
        the number of strata; ``"equal"``: the same number from each stratum
        where possible (oversamples rare categories; weight by stratum size
        when estimating totals).

    Returns
    -------
    pandas.DataFrame
        The sampled rows in a random order (so coders do not see them grouped
        by stratum), every column of ``table`` kept, plus:

        - ``item_id``: 1..n, the order to code in.
        - ``context_left``: text before the span (empty without a corpus).
        - ``span``: the evidence ``text[start:end]`` (or the table's ``text`` column).
        - ``context_right``: text after the span.
        - ``code``: empty, for the coder.

        plus any stratification column taken from the corpus. Write it with
        ``to_csv(index=False)``.
    """
    schema.require(table, ["doc_id"], what="table to sample")
    check_count("n", n, minimum=1)
    if len(table) < n:
        raise SchemaError(f"asked for a sample of {n} rows but the table has only {len(table)}")
    check_option("allocation", allocation, ("proportional", "equal"))
    check_count("context", context)
    data = table.reset_index(drop=True).copy()
    if corpus is not None:
        schema.require(corpus, schema.CORPUS, what="corpus")
        unknown = sorted(set(data["doc_id"]) - set(corpus["doc_id"]))
        if unknown:
            raise SchemaError(f"table rows refer to doc_id(s) not in the corpus: {unknown[:5]}")
    strata = list(stratify) if stratify is not None else []
    for col in strata:
        if col in data.columns:
            continue
        if corpus is not None and col in corpus.columns:
            data[col] = data["doc_id"].map(dict(zip(corpus["doc_id"], corpus[col])))
            continue
        raise SchemaError(
            f"cannot stratify by {col!r}: neither the table nor the corpus has it; "
            f"table columns: {list(map(str, table.columns))}"
        )
    rng = np.random.default_rng(seed)
    if strata:
        keys = data[strata].astype("string").fillna("<missing>").agg(" | ".join, axis=1)
    else:
        keys = pd.Series("all", index=data.index)
    sizes = keys.value_counts(sort=False).sort_index()
    take = _allocate(sizes, int(n), allocation)
    chosen: list[int] = []
    for key in sizes.index:
        rows = np.flatnonzero((keys == key).to_numpy())
        if take[key]:
            chosen.extend(rng.choice(rows, size=int(take[key]), replace=False).tolist())
    chosen_arr = rng.permutation(np.asarray(chosen, dtype=int))
    out = data.iloc[chosen_arr].reset_index(drop=True)
    left, span, right = [], [], []
    has_offsets = {"start", "end"} <= set(out.columns)
    texts = dict(zip(corpus["doc_id"], corpus["text"])) if corpus is not None else {}
    for _, row in out.iterrows():
        if corpus is not None and has_offsets:
            text = texts[row["doc_id"]]
            s, e = int(row["start"]), int(row["end"])
            if not 0 <= s <= e <= len(text):
                raise SchemaError(
                    f"offsets start={s}, end={e} lie outside document {row['doc_id']!r} ({len(text)} characters)"
                )
            lo = max(0, s - context)
            hi = min(len(text), e + context)
            if lo > 0:
                cut = text.find(" ", lo, s)
                lo = cut + 1 if cut != -1 else lo
            if hi < len(text):
                cut = text.rfind(" ", e, hi)
                hi = cut if cut != -1 else hi
            left.append(text[lo:s])
            span.append(text[s:e])
            right.append(text[e:hi])
        else:
            left.append("")
            span.append(str(row["text"]) if "text" in out.columns else "")
            right.append("")
    added = pd.DataFrame({
        "item_id": np.arange(1, len(out) + 1, dtype="int64"),
        "context_left": pd.array(left, dtype="string"),
        "span": pd.array(span, dtype="string"),
        "context_right": pd.array(right, dtype="string"),
        "code": pd.array([""] * len(out), dtype="string"),
    })
    out = out.drop(columns=[c for c in ANNOTATION_ADDED if c in out.columns])
    return pd.concat([added[["item_id"]], out, added.drop(columns="item_id")], axis=1)


# --------------------------------------------------------------------------- agreement


def _canonical(v: Any) -> str:
    """A code as a string, with 1 and 1.0 the same code."""
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _kappa(cm: np.ndarray, weights: str | None) -> np.ndarray:
    """Cohen's kappa of confusion matrices ``cm`` (..., k, k), categories in order."""
    k = cm.shape[-1]
    i, j = np.indices((k, k))
    if weights is None:
        w = (i != j).astype(float)
    elif weights == "linear":
        w = np.abs(i - j).astype(float)
    else:
        w = ((i - j) ** 2).astype(float)
    n = cm.sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = cm.sum(axis=-1)[..., :, None] * cm.sum(axis=-2)[..., None, :] / n[..., None, None]
        observed_d = (w * cm).sum(axis=(-2, -1))
        expected_d = (w * expected).sum(axis=(-2, -1))
        # undefined (0/0) when chance disagreement is nil: both coders used one category
        return np.where(expected_d > 0, 1 - observed_d / expected_d, np.nan)


def agreement(
    codings: pd.DataFrame,
    *,
    unit: str = "unit",
    coder: str = "coder",
    code: str = "code",
    level: Literal["nominal", "ordinal", "interval", "ratio"] = "nominal",
    machine: str | None = None,
    kappa_weights: Literal["linear", "quadratic"] | None = None,
    n_resamples: int = 1000,
    ci_level: float = 0.95,
    seed: int = 0,
    n_boot: int | None = None,
) -> ResultTable:
    """Inter-coder agreement: Krippendorff's alpha and pairwise Cohen's kappa.

    Parameters
    ----------
    codings : pandas.DataFrame
        Long format, one row per unit and coder: columns ``unit``, ``coder``,
        ``code`` (names configurable). A unit a coder did not code is simply
        absent (or has a missing code); alpha uses every pairable value,
        kappa the units both coders coded. The library's own coding is one
        more coder (e.g. ``coder="framing"``).
    unit, coder, code : str
        Column names.
    level : {"nominal", "ordinal", "interval", "ratio"}, default "nominal"
        Level of measurement for alpha. Non-nominal levels need numeric codes.
    machine : str, optional
        The coder that is the library (or any model). Adds an alpha over the
        human coders only, so a reader sees agreement with and without it.
    kappa_weights : {"linear", "quadratic"}, optional
        Weighted kappa for ordered codes (default: unweighted).
    n_resamples : int, default 1000
        Bootstrap resamples of units (with replacement) for the intervals (``n_boot`` is its old name).
    ci_level : float, default 0.95
        Interval level (percentile bootstrap).
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    ResultTable
        The result family's columns (:data:`framing.schema.RESULT`: ``group`` is
        the coders, ``measure`` the coefficient), then one row per coefficient:

        - ``measure``: ``krippendorff_alpha``, ``krippendorff_alpha_humans``
          (without ``machine``) or ``cohen_kappa``.
        - ``coders``: the coders involved, ``"; "``-separated.
        - ``estimate``, ``ci_low``, ``ci_high``, ``ci_level``: the coefficient
          and its bootstrap interval (NaN when undefined, e.g. one category).
        - ``n_units``: units that entered (coded by at least two of the
          coders for alpha, by both for kappa).
        - ``n_coders``: coders involved.
        - ``level``: level of measurement (kappa: ``nominal`` or the weights).
        - ``method``: how it was computed.
        - ``note``: caveats (few units, undefined values).
    """
    import krippendorff

    schema.require(codings, [unit, coder, code], what="codings")
    n_resamples = check_count("n_resamples", renamed("n_boot", n_boot, "n_resamples", n_resamples), minimum=1)
    check_level("ci_level", ci_level)
    check_option("level", level, ("nominal", "ordinal", "interval", "ratio"))
    check_option("kappa_weights", kappa_weights, (None, "linear", "quadratic"))
    data = codings[[unit, coder, code]].dropna(subset=[unit, coder])
    dup = data.duplicated([unit, coder])
    if dup.any():
        first = data[dup].iloc[0]
        raise SchemaError(
            f"codings has several codes for unit {first[unit]!r} by coder {first[coder]!r}; "
            "give one row per unit and coder"
        )
    if level == "nominal":
        data = data.assign(**{code: data[code].map(_canonical, na_action="ignore")})
    wide = data.pivot(index=unit, columns=coder, values=code)
    coders = [str(c) for c in wide.columns]
    wide.columns = coders
    if len(coders) < 2:
        raise StatisticsError(f"agreement needs at least two coders, got {coders}")
    if machine is not None and machine not in coders:
        raise SchemaError(f"machine={machine!r} is not one of the coders {coders}")
    # codes -> numbers for krippendorff
    values = data[code].dropna()
    if level == "nominal":
        categories = np.array(sorted(values.astype(str).unique()))
        lookup = {c: float(i) for i, c in enumerate(categories)}
        matrix = wide.apply(lambda col: col.map(lambda v: np.nan if pd.isna(v) else lookup[str(v)])).to_numpy(float)
    else:
        try:
            matrix = wide.apply(pd.to_numeric).to_numpy(float)
        except (ValueError, TypeError) as exc:
            raise SchemaError(f"level={level!r} needs numeric codes in column {code!r}: {exc}") from exc
        categories = np.unique(matrix[~np.isnan(matrix)])
    matrix = matrix.T  # coders x units
    # the value domain: every category (nominal: their indices), so absent codes in a resample do not matter
    domain = np.arange(len(categories), dtype=float) if level == "nominal" else (
        categories if level == "ordinal" else None)
    rng = np.random.default_rng(seed)
    n_units_all = matrix.shape[1]
    draws = rng.integers(0, n_units_all, size=(n_resamples, n_units_all))

    def alpha(m: np.ndarray) -> float:
        pairable = (~np.isnan(m)).sum(axis=0) >= 2
        m = m[:, pairable]
        vals = m[~np.isnan(m)]
        if m.shape[1] == 0 or len(np.unique(vals)) < 2:
            return np.nan
        return float(krippendorff.alpha(reliability_data=m, level_of_measurement=level, value_domain=domain))

    rows = []

    def add_alpha(measure: str, idx: list[int]) -> None:
        m = matrix[idx]
        est = alpha(m)
        boot = np.array([alpha(m[:, d]) for d in draws])
        low, high = percentile_interval(boot, ci_level)
        pairable = int(((~np.isnan(m)).sum(axis=0) >= 2).sum())
        notes = []
        if np.isnan(est):
            notes.append("undefined: fewer than two distinct codes among pairable values")
        if np.isnan(boot).mean() > 0.05:
            notes.append(f"{np.isnan(boot).mean():.0%} of resamples had alpha undefined and were skipped")
        if pairable < 30:
            notes.append(f"only {pairable} units: the interval is rough")
        rows.append((measure, "; ".join(coders[i] for i in idx), est, low, high, ci_level, pairable, len(idx),
                     level, f"Krippendorff's alpha ({level}), krippendorff package; percentile bootstrap over "
                     f"units ({n_resamples})", "; ".join(notes)))

    add_alpha("krippendorff_alpha", list(range(len(coders))))
    if machine is not None:
        humans = [i for i, c in enumerate(coders) if c != machine]
        if len(humans) >= 2:
            add_alpha("krippendorff_alpha_humans", humans)
    # category index of every code (nominal: the sorted labels; otherwise the sorted values)
    if level == "nominal":
        index = matrix  # already 0..k-1
    else:
        index = np.where(np.isnan(matrix), np.nan, np.searchsorted(categories, np.nan_to_num(matrix)))
    k = len(categories)
    for i, j in itertools.combinations(range(len(coders)), 2):
        idx = np.flatnonzero(~np.isnan(index[i]) & ~np.isnan(index[j]))
        code_pair = (index[i, idx] * k + index[j, idx]).astype(int)
        onehot = np.zeros((len(idx), k * k))
        onehot[np.arange(len(idx)), code_pair] = 1.0
        est = float(_kappa(onehot.sum(axis=0).reshape(k, k), kappa_weights))
        if len(idx):
            w = rng.multinomial(len(idx), np.full(len(idx), 1.0 / len(idx)), size=n_resamples).astype(float)
            boot = _kappa((w @ onehot).reshape(-1, k, k), kappa_weights)
        else:
            boot = np.full(n_resamples, np.nan)
        low, high = percentile_interval(boot, ci_level)
        notes = []
        if np.isnan(est):
            notes.append("undefined: no units in common, or both coders used a single category")
        if len(idx) < 30:
            notes.append(f"only {len(idx)} units coded by both: the interval is rough")
        rows.append(("cohen_kappa", f"{coders[i]}; {coders[j]}", est, low, high, ci_level, len(idx), 2,
                     kappa_weights or "nominal",
                     f"Cohen's kappa{' (' + kappa_weights + ' weights)' if kappa_weights else ''}; "
                     f"percentile bootstrap over units ({n_resamples})", "; ".join(notes)))
    out = pd.DataFrame(rows, columns=list(AGREEMENT))
    for c in ("measure", "coders", "level", "method", "note"):
        out[c] = out[c].astype("string")
    return as_result_table(out, group="coders", measure="measure")


# --------------------------------------------------------------------------- validate


def _pair_ok(ps: int, pe: int, gs: int, ge: int, overlap: str, min_jaccard: float) -> tuple[bool, float]:
    inter = max(0, min(pe, ge) - max(ps, gs))
    union = max(pe, ge) - min(ps, gs)
    jac = inter / union if union > 0 else (1.0 if (ps, pe) == (gs, ge) else 0.0)
    if overlap == "exact":
        return (ps, pe) == (gs, ge), jac
    if overlap == "any":
        return inter > 0 or (ps, pe) == (gs, ge), jac
    return jac >= min_jaccard, jac


def _match_spans(pred: pd.DataFrame, gold: pd.DataFrame, overlap: str, min_jaccard: float) -> int:
    """Largest one-to-one matching between predicted and gold spans of one document and category."""
    from scipy.optimize import linear_sum_assignment

    if pred.empty or gold.empty:
        return 0
    P = pred[["start", "end"]].to_numpy(int)
    G = gold[["start", "end"]].to_numpy(int)
    weight = np.zeros((len(P), len(G)))
    for i, (ps, pe) in enumerate(P):
        for j, (gs, ge) in enumerate(G):
            ok, jac = _pair_ok(ps, pe, gs, ge, overlap, min_jaccard)
            if ok:
                weight[i, j] = 1.0 + 1e-3 * jac  # most pairs first, then best overlap
    if not weight.any():
        return 0
    r, c = linear_sum_assignment(weight, maximize=True)
    return int((weight[r, c] > 0).sum())


def _prf(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        r = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f = np.where((tp + fp + fn) > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    return p, r, f


def validate(
    predicted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    kind: Literal["spans", "labels"] = "spans",
    overlap: Literal["exact", "any", "jaccard"] = "any",
    min_jaccard: float = 0.5,
    category: str | None = "category",
    label: str = "label",
    on: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    n_resamples: int = 1000,
    ci_level: float = 0.95,
    seed: int = 0,
    n_boot: int | None = None,
) -> ResultTable:
    """Precision, recall and F1 of predictions against a gold standard, with intervals.

    **Spans** (``kind="spans"``): both tables have ``doc_id``, ``start``,
    ``end`` (character offsets into the same texts) and, optionally, a
    ``category`` column. Spans are matched one to one within a document (and
    category, when both tables have it) under the overlap rule; the largest
    possible set of matched pairs is found (Hungarian algorithm, ties broken
    by Jaccard overlap), so no gold span is credited twice.

    - ``"exact"``: same start and end.
    - ``"any"``: at least one character in common.
    - ``"jaccard"``: characters in common / characters in either >= ``min_jaccard``.

    **Labels** (``kind="labels"``): both tables have the key columns ``on``
    and a ``label`` column, one row per unit. A unit in ``gold`` but missing
    from ``predicted`` counts as a miss (false negative) of its gold label.

    Intervals are percentile bootstrap intervals that resample documents
    (``doc_id``) -- the unit of analysis -- so spans or sentences of one
    article move together.

    Parameters
    ----------
    predicted, gold : pandas.DataFrame
        The library's output and the human coding.
    kind : {"spans", "labels"}, default "spans"
        What is compared.
    overlap : {"exact", "any", "jaccard"}, default "any"
        Span matching rule.
    min_jaccard : float, default 0.5
        Threshold for ``overlap="jaccard"``.
    category : str or None, default "category"
        Column of span categories (spans); ``None`` or absent from a table:
        all spans form one category ``"all"``.
    label : str, default "label"
        Column of labels (labels).
    on : sequence of str, optional
        Key columns of a unit (labels). Default: ``doc_id`` and
        ``sentence_id`` where both tables have them.
    documents : sequence of str, optional
        Every document that was coded (spans). Documents with neither
        predictions nor gold spans still count in the bootstrap; default: the
        documents appearing in either table.
    n_resamples : int, default 1000
        Bootstrap resamples (``n_boot`` is its old name).
    ci_level : float, default 0.95
        Interval level.
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    ResultTable
        The result family's columns (:data:`framing.schema.RESULT`: ``group`` is
        the category, ``measure`` the metric), then the table's own columns.
        One row per category (or class) and metric, and ``category="all"``
        rows pooling every category (micro average); for labels also
        ``category="macro"`` rows (unweighted mean over classes):

        - ``category``: the category or class (str).
        - ``metric``: ``precision``, ``recall`` or ``f1``.
        - ``estimate``, ``ci_low``, ``ci_high``, ``ci_level``: the value and
          its interval (NaN when undefined: no predictions for precision, no
          gold for recall).
        - ``tp``, ``fp``, ``fn``: matched pairs, unmatched predictions,
          unmatched gold items.
        - ``n_docs``: documents (bootstrap clusters).
        - ``method``: the rule used.
        - ``note``: caveats.
    """
    n_resamples = check_count("n_resamples", renamed("n_boot", n_boot, "n_resamples", n_resamples), minimum=1)
    check_level("ci_level", ci_level)
    check_option("kind", kind, ("spans", "labels"))
    if kind == "spans":
        counts, cats, docs, method = _span_counts(predicted, gold, overlap, min_jaccard, category, documents)
    else:
        counts, cats, docs, method = _label_counts(predicted, gold, label, on)
    # counts: (n_docs, n_cats, 3) of tp, fp, fn
    rng = np.random.default_rng(seed)
    nd = len(docs)
    weights = (rng.multinomial(nd, np.full(nd, 1.0 / nd), size=n_resamples).astype(float) if nd
               else np.zeros((n_resamples, 0)))
    boot_counts = np.einsum("bd,dck->bck", weights, counts)  # (B, cats, 3)
    total = counts.sum(axis=0)
    rows = []
    note = f"only {nd} documents: intervals are rough" if nd < 20 else ""

    def add(cat: str, tp: float, fp: float, fn: float, btp: np.ndarray, bfp: np.ndarray, bfn: np.ndarray) -> None:
        point = _prf(np.array(tp), np.array(fp), np.array(fn))
        boot = _prf(btp, bfp, bfn)
        for metric, est, b in zip(("precision", "recall", "f1"), point, boot):
            low, high = percentile_interval(b, ci_level)
            rows.append((cat, metric, float(est), low, high, ci_level, int(tp), int(fp), int(fn), nd, method, note))

    for ci, cat in enumerate(cats):
        add(cat, *total[ci], boot_counts[:, ci, 0], boot_counts[:, ci, 1], boot_counts[:, ci, 2])
    if len(cats) > 1 or kind == "labels":
        all_t = total.sum(axis=0)
        ball = boot_counts.sum(axis=1)
        add("all", *all_t, ball[:, 0], ball[:, 1], ball[:, 2])
    if kind == "labels":
        point = np.array(_prf(total[:, 0], total[:, 1], total[:, 2]))  # (3, cats)
        bp = np.array(_prf(boot_counts[..., 0], boot_counts[..., 1], boot_counts[..., 2]))  # (3, B, cats)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            macro_point = np.nanmean(point, axis=1)
            macro_boot = np.nanmean(bp, axis=2)
        for m, metric in enumerate(("precision", "recall", "f1")):
            low, high = percentile_interval(macro_boot[m], ci_level)
            rows.append(("macro", metric, float(macro_point[m]), low, high, ci_level, int(total[:, 0].sum()),
                         int(total[:, 1].sum()), int(total[:, 2].sum()), nd, method + "; unweighted mean over classes",
                         note))
    out = pd.DataFrame(rows, columns=list(VALIDATION))
    for c in ("category", "metric", "method", "note"):
        out[c] = out[c].astype("string")
    return as_result_table(out, group="category", measure="metric")


def _span_counts(
    predicted: pd.DataFrame, gold: pd.DataFrame, overlap: str, min_jaccard: float, category: str | None,
    documents: Sequence[str] | None,
) -> tuple[np.ndarray, list[str], list[str], str]:
    check_option("overlap", overlap, ("exact", "any", "jaccard"))
    if not 0 < min_jaccard <= 1:
        raise SchemaError(f"min_jaccard must lie in (0, 1], got {min_jaccard!r}")
    for name, t in (("predicted", predicted), ("gold", gold)):
        schema.require(t, ["doc_id", "start", "end"], what=f"{name} spans")
        bad = t[(t["start"] > t["end"]) | (t["start"] < 0)]
        if len(bad):
            raise SchemaError(f"{name} spans have start > end or negative offsets, e.g. row {bad.index[0]}")
    use_cat = category is not None and category in predicted.columns and category in gold.columns

    def prep(t: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame({
            "doc_id": t["doc_id"].astype(str).to_numpy(),
            "start": t["start"].astype("int64").to_numpy(),
            "end": t["end"].astype("int64").to_numpy(),
            "cat": t[category].astype(str).to_numpy() if use_cat else "all",
        })
        return out

    P, G = prep(predicted), prep(gold)
    docs = sorted(set(P["doc_id"]) | set(G["doc_id"]) | set(map(str, () if documents is None else documents)))
    cats = sorted(set(P["cat"]) | set(G["cat"])) or ["all"]
    d_index = {d: i for i, d in enumerate(docs)}
    c_index = {c: i for i, c in enumerate(cats)}
    counts = np.zeros((len(docs), len(cats), 3))
    pg = dict(tuple(P.groupby(["doc_id", "cat"])))
    gg = dict(tuple(G.groupby(["doc_id", "cat"])))
    empty = P.iloc[:0]
    for key in set(pg) | set(gg):
        p, g = pg.get(key, empty), gg.get(key, empty)
        tp = _match_spans(p, g, overlap, min_jaccard)
        counts[d_index[key[0]], c_index[key[1]]] = (tp, len(p) - tp, len(g) - tp)
    rule = {"exact": "exact offsets", "any": "any character overlap",
            "jaccard": f"Jaccard overlap >= {min_jaccard:g}"}[overlap]
    method = (f"one-to-one span matching ({rule}) within document{' and category' if use_cat else ''}; "
              "percentile bootstrap over documents")
    return counts, cats, docs, method


def _label_counts(
    predicted: pd.DataFrame, gold: pd.DataFrame, label: str, on: Sequence[str] | None,
) -> tuple[np.ndarray, list[str], list[str], str]:
    if on is None:
        on = [c for c in ("doc_id", "sentence_id") if c in predicted.columns and c in gold.columns]
        if not on:
            raise SchemaError("no common key columns (doc_id, sentence_id); pass on=[...] naming the unit columns")
    on = list(on)
    schema.require(predicted, on + [label], what="predicted labels")
    schema.require(gold, on + [label], what="gold labels")
    for name, t in (("predicted", predicted), ("gold", gold)):
        dup = t.duplicated(on)
        if dup.any():
            raise SchemaError(f"{name} has several rows for unit {t.loc[dup, on].iloc[0].tolist()}; one per unit")
    merged = gold[on + [label]].merge(predicted[on + [label]], on=on, how="left", suffixes=("_gold", "_pred"))
    g = merged[f"{label}_gold"].astype("string")
    p = merged[f"{label}_pred"].astype("string")
    if g.isna().any():
        raise SchemaError("gold has units without a label")
    cats = sorted(set(g) | set(p.dropna()))
    cluster = merged["doc_id"].astype(str) if "doc_id" in on else merged[on].astype(str).agg("|".join, axis=1)
    docs = sorted(cluster.unique())
    d_index = {d: i for i, d in enumerate(docs)}
    c_index = {c: i for i, c in enumerate(cats)}
    counts = np.zeros((len(docs), len(cats), 3))
    for d, gv, pv in zip(cluster, g, p):
        di = d_index[d]
        if pd.isna(pv):
            counts[di, c_index[gv], 2] += 1
        elif pv == gv:
            counts[di, c_index[gv], 0] += 1
        else:
            counts[di, c_index[pv], 1] += 1
            counts[di, c_index[gv], 2] += 1
    missing = int(p.isna().sum())
    method = (f"labels matched on {', '.join(on)}; {missing} gold units without a prediction counted as misses; "
              f"percentile bootstrap over {'documents' if 'doc_id' in on else 'units'}")
    return counts, cats, docs, method
