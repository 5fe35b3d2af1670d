"""Publication figures drawn from the library's result tables.

Every figure function takes a tidy table first and keyword-only options after,
draws on ``ax`` (a new figure when ``ax`` is None) and returns the Axes, or the
Figure when it draws several panels. Figures only draw what the table says:
they never fit models, resample or test. The few display summaries they make
(a pooled rate per outlet for the heatmap, word counts per aligned sentence
for wire edits, the top terms of a keyness table) are documented per function.

One colour-blind-safe theme (Okabe & Ito 2008 palette; cividis for heatmaps)
is used throughout, sized for a journal column (3.5 in wide, 8 pt text).
Outlet colours come from :func:`outlet_colors`, which is stable given the set
of outlets, so the same outlet has the same colour in every figure of a report.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing import _atomic, schema
from framing.errors import SchemaError

#: Okabe & Ito (2008) colour-blind-safe palette, black last
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
#: colours for categories whose meaning is fixed across lexicons
FIXED_CATEGORY_COLORS = {
    "neutral": "#999999",
    "other": "#CCCCCC",
    "none": "#DDDDDD",
}
#: single-column width of most journals, inches
COLUMN_WIDTH = 3.5
#: two-column (full page) width, inches
PAGE_WIDTH = 7.2

THEME = {
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.title_fontsize": 7.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=list(OKABE_ITO)),
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.0,
    "errorbar.capsize": 2,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "savefig.bbox": "tight",
    "image.cmap": "cividis",
    # deterministic output: fixed SVG ids, no embedded dates
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}


def theme() -> mpl.RcParams:
    """Return the rcParams of the house theme, to use as a context.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with plt.rc_context(theme()):  # doctest: +SKIP
    ...     ax = forest(result)
    """
    return mpl.RcParams({**mpl.rcParams, **THEME})


def set_theme() -> None:
    """Apply the house theme to matplotlib globally (every later figure)."""
    mpl.rcParams.update(THEME)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Map each outlet to a colour, stable given the set of outlets.

    Outlets are sorted by name and given the Okabe–Ito colours in order, so
    the same set of outlets always gets the same colours, whichever figure or
    subset of rows is drawn. Beyond seven outlets the colours repeat (the
    legend then tells outlets apart by marker as well).

    Parameters
    ----------
    outlets : iterable of str
        Outlet names; duplicates and missing values are ignored.

    Returns
    -------
    dict
        outlet -> hex colour.
    """
    names = sorted({str(o) for o in outlets if o is not None and not (isinstance(o, float) and math.isnan(o))})
    palette = OKABE_ITO[:7]
    return {name: palette[i % len(palette)] for i, name in enumerate(names)}


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """Map categories to colours: fixed grey for ``neutral``/``other``, Okabe–Ito for the rest in order given."""
    out: dict[str, str] = {}
    i = 0
    for cat in dict.fromkeys(str(c) for c in categories):
        leaf = cat.rsplit(".", 1)[-1]
        if leaf in FIXED_CATEGORY_COLORS:
            out[cat] = FIXED_CATEGORY_COLORS[leaf]
        else:
            out[cat] = OKABE_ITO[i % 7]
            i += 1
    return out


def save_figure(
    fig: Figure | Axes,
    path_stem: str | Path,
    *,
    formats: Sequence[Literal["png", "pdf", "svg"]] = ("png", "pdf", "svg"),
    dpi: int = 300,
) -> list[Path]:
    """Write a figure as PNG (``dpi``), PDF and SVG next to each other.

    Files carry no creation dates and SVG ids are fixed, so the same figure
    drawn twice gives identical files. Each file is written under a temporary
    name and renamed when complete, so an existing figure is never left half
    overwritten.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure (or an Axes of it).
    path_stem : str or Path
        Path without extension; folders are created.
    formats : sequence of {"png", "pdf", "svg"}
        Which files to write.
    dpi : int
        Resolution of the PNG.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.
    """
    if isinstance(fig, Axes):
        fig = fig.figure
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    metadata = {
        "png": {"Software": None},
        "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
        "svg": {"Creator": None, "Date": None},
    }
    written = []
    with mpl.rc_context({"svg.hashsalt": "framing"}):
        for fmt in formats:
            if fmt not in metadata:
                raise SchemaError(f"unknown figure format {fmt!r}; expected one of png, pdf, svg")
            path = stem.with_name(stem.name + "." + fmt)
            with _atomic.atomic_path(path) as tmp:  # a complete file or the previous one, never half of one
                fig.savefig(tmp, format=fmt, dpi=dpi, metadata=metadata[fmt], bbox_inches="tight")
            written.append(path)
    return written


# --------------------------------------------------------------------------- helpers


def _new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    fig._framing_owned = True
    _style(ax)
    return ax


def _themed(func):
    """Run a figure function inside the house theme (fonts, palette, line widths)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        # set and restore only the theme's own keys: a full rc_context would also undo
        # what happens meanwhile to other settings (e.g. IPython turning interactive mode on)
        saved = {key: mpl.rcParams[key] for key in THEME}
        mpl.rcParams.update(THEME)
        try:
            return func(*args, **kwargs)
        finally:
            mpl.rcParams.update(saved)

    return wrapper


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.6)
    ax.tick_params(labelsize=THEME["xtick.labelsize"], width=0.6)
    ax.xaxis.label.set_size(THEME["axes.labelsize"])
    ax.yaxis.label.set_size(THEME["axes.labelsize"])
    ax.title.set_size(THEME["axes.titlesize"])


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=7, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _legend(ax: Axes, handles, labels, *, title: str | None, ncol: int | None = None) -> None:
    """Legend below the plot when the figure is ours (constrained layout), else inside the axes."""
    if not handles:
        return
    ncol = ncol or min(len(labels), 3)
    options = dict(title=title, ncol=ncol, fontsize=THEME["legend.fontsize"],
                   title_fontsize=THEME["legend.title_fontsize"], frameon=False, handlelength=1.2, columnspacing=1.0)
    fig = ax.figure
    if getattr(fig, "_framing_owned", False) and fig.get_layout_engine() is not None:
        fig.legend(handles, labels, loc="outside lower center", **options)
    else:
        ax.legend(handles, labels, loc="best", **options)


def _check_values(table: pd.DataFrame, column: str, allowed: Iterable[str], what: str) -> None:
    bad = sorted(set(map(str, table[column].dropna().unique())) - set(allowed))
    if bad:
        raise SchemaError(f"{what}: column {column!r} has unexpected value(s) {bad}; expected {sorted(allowed)}")


# --------------------------------------------------------------------------- figures


@_themed
def rate_heatmap(
    scores: pd.DataFrame,
    *,
    lexicons: Sequence[str] | None = None,
    voice: str | Sequence[str] | None = "narrator",
    by: str | Sequence[str] = "outlet",
    corpus: pd.DataFrame | None = None,
    annotate: bool = True,
    cbar: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of lexicon category rates (per 1,000 tokens) by outlet or any corpus column.

    Each cell is the pooled rate of the group's documents: the sum of
    ``count`` over the group's documents (and the chosen voices) divided by the
    sum of their ``n_tokens``, times 1,000. It describes; for comparisons with
    intervals use :func:`framing.compare` and :func:`forest`.

    Parameters
    ----------
    scores : pandas.DataFrame
        A scores table (:data:`framing.schema.SCORES`), e.g. from :func:`framing.score`.
    lexicons : sequence of str, optional
        Lexicons to show (all by default), in this order.
    voice : str, sequence of str or None
        Voice(s) counted; None counts every voice. Default: the outlet's own voice.
    by : str or list of str
        Column(s) giving the heatmap's columns (default ``outlet``): of ``scores``, or of
        ``corpus`` (merged on ``doc_id``), e.g. ``"leaning"`` or ``["leaning", "topic"]``.
    corpus : pandas.DataFrame, optional
        Corpus to take ``by`` from when the scores table does not carry it.
    annotate : bool
        Write the rate in each cell.
    cbar : bool
        Draw a colour bar.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        Rows are ``lexicon: category``, columns the groups.
    """
    import seaborn as sns

    from framing.errors import StatisticsError, UsageError
    from framing.stats import group_name, with_groups

    schema.require(scores, schema.SCORES, what="scores table")
    try:
        scores = with_groups(scores, by, corpus=corpus, what="scores table")
    except StatisticsError as exc:
        raise UsageError(f"cannot draw rates by {by!r}: {exc}") from None
    by = group_name(by)
    table = scores
    if lexicons is not None:
        table = table[table["lexicon"].isin(list(lexicons))]
    voices = [voice] if isinstance(voice, str) else (None if voice is None else list(voice))
    if voices is not None:
        table = table[table["voice"].isin(voices)]
    exposure = scores.drop_duplicates("doc_id").groupby(by, sort=True)["n_tokens"].sum()
    counts = table.groupby(["lexicon", "category", by], sort=False)["count"].sum().reset_index()
    groups = sorted(map(str, exposure.index))
    n_rows = counts[["lexicon", "category"]].drop_duplicates().shape[0]
    ax = _new_axes(ax, max(COLUMN_WIDTH, 1.2 + 0.55 * len(groups)), max(1.5, 0.6 + 0.2 * n_rows))
    if counts.empty:
        return _empty(ax, "no scores to show")
    counts["row"] = counts["lexicon"].astype(str) + ": " + counts["category"].astype(str)
    lex_order = list(lexicons) if lexicons is not None else list(dict.fromkeys(counts["lexicon"]))
    counts["lex_rank"] = counts["lexicon"].map({name: i for i, name in enumerate(lex_order)})
    rows = counts.sort_values(["lex_rank"], kind="stable")["row"].drop_duplicates().tolist()
    grid = counts.pivot_table(index="row", columns=by, values="count", aggfunc="sum", fill_value=0)
    grid = grid.reindex(index=rows, columns=groups, fill_value=0)
    rates = grid.astype(float).div(exposure.reindex(groups).to_numpy(dtype=float), axis=1) * 1000.0
    sns.heatmap(
        rates, ax=ax, cmap="cividis", annot=annotate, fmt=".1f", annot_kws={"fontsize": 6},
        linewidths=0.4, linecolor="white", cbar=cbar,
        cbar_kws={"label": "per 1,000 tokens", "shrink": 0.6} if cbar else None,
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=30, labelsize=7)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    ax.tick_params(axis="y", labelsize=6.5)
    voice_text = "all voices" if voices is None else ", ".join(voices)
    ax.set_title(f"Category rates per 1,000 tokens ({voice_text})")
    return ax


@_themed
def forest(
    result: pd.DataFrame,
    *,
    measures: Sequence[str] | None = None,
    reference: float = 1.0,
    log: bool = True,
    xlabel: str = "rate ratio (95% interval)",
    palette: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Forest plot: one estimate with its interval per group and measure.

    Parameters
    ----------
    result : pandas.DataFrame
        A statistics result table (:data:`framing.schema.RESULT`): ``estimate``,
        ``ci_low``, ``ci_high`` per ``group`` and ``measure``. Given a
        :func:`framing.compare` result, only its rate-ratio rows are drawn, each
        named by its measure (``"actor_labels:terrorism"``).
    measures : sequence of str, optional
        Measures to show, in this order (default: all, as they come).
    reference : float
        Where to draw the line of no difference (1 for ratios, 0 for differences).
    log : bool
        Log-scale x axis (ratios). Estimates or bounds at or below zero are drawn
        at the left edge with an arrow marker.
    xlabel : str
        Axis label.
    palette : mapping, optional
        group -> colour (default :func:`outlet_colors` of the table's groups).
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One marker and one horizontal error bar per row; y tick labels are the
        measures, markers coloured by group.
    """
    schema.require(result, ("group", "measure", "estimate", "ci_low", "ci_high"), what="result table")
    table = result[result["group"].astype(str) != "(all)"]
    parsed = table["measure"].astype(str).str.extract(_RATIO)
    if parsed["measure"].notna().any():
        # a framing.compare result: keep the rate ratios, named by their measure
        keep = parsed["measure"].notna().to_numpy()
        against = sorted(set(parsed.loc[keep, "against"]))
        names = pd.Series(parsed.loc[keep, "measure"].to_numpy())
        voices = sorted(set(names.str.extract(r" \[([^\]]+)\]$")[0].dropna()))
        if len(voices) == 1:  # one voice throughout: say it once, in the axis label
            names = names.str.replace(r" \[[^\]]+\]$", "", regex=True)
        table = table[keep].assign(measure=names.to_numpy())
        if measures is not None and len(voices) == 1:
            measures = [re.sub(r" \[[^\]]+\]$", "", m) for m in measures]
        if xlabel == "rate ratio (95% interval)":
            voice_text = f", {voices[0]} voice" if len(voices) == 1 else ""
            xlabel = f"rate ratio {' / '.join(against)}{voice_text} (95% interval)"
    if measures is not None:
        table = table[table["measure"].isin(list(measures))]
        order = [m for m in measures if m in set(table["measure"])]
    else:
        order = list(dict.fromkeys(table["measure"]))
    groups = sorted(map(str, table["group"].unique()))
    colors = dict(palette) if palette is not None else outlet_colors(groups)
    n = len(table)
    ax = _new_axes(ax, COLUMN_WIDTH, max(1.6, 0.9 + 0.12 * n + 0.08 * len(order)))
    if table.empty:
        return _empty(ax, "no comparisons to show")
    est = pd.to_numeric(table["estimate"], errors="coerce").to_numpy(dtype=float)
    lo = pd.to_numeric(table["ci_low"], errors="coerce").to_numpy(dtype=float)
    hi = pd.to_numeric(table["ci_high"], errors="coerce").to_numpy(dtype=float)
    if log:
        positive = np.concatenate([v[np.isfinite(v) & (v > 0)] for v in (est, lo, hi)])
        floor = positive.min() / 2 if positive.size else 0.1
        ceiling = positive.max() * 2 if positive.size else 10.0
    else:
        finite = np.concatenate([v[np.isfinite(v)] for v in (est, lo, hi)])
        floor, ceiling = (finite.min(), finite.max()) if finite.size else (-1.0, 1.0)
    ypos, yticks, ylabels = [], [], []
    y = 0.0
    rank = {g: i for i, g in enumerate(groups)}
    table = table.assign(_m=table["measure"].map({m: i for i, m in enumerate(order)}), _g=table["group"].astype(str).map(rank))
    table = table.sort_values(["_m", "_g"], kind="stable")
    est = pd.to_numeric(table["estimate"], errors="coerce").to_numpy(dtype=float)
    lo = pd.to_numeric(table["ci_low"], errors="coerce").to_numpy(dtype=float)
    hi = pd.to_numeric(table["ci_high"], errors="coerce").to_numpy(dtype=float)
    previous = None
    for measure in table["measure"]:
        if previous is not None and measure != previous:
            y += 0.6
        ypos.append(y)
        if measure != previous:
            yticks.append(y)
            ylabels.append(str(measure))
        previous = measure
        y += 1.0
    ypos_arr = -np.asarray(ypos)
    # centre the measure label on its block
    centres = table.assign(_y=ypos_arr).groupby("_m", sort=True)["_y"].mean().to_numpy()
    seen = set()
    for i, (group, e, l, h) in enumerate(zip(table["group"].astype(str), est, lo, hi)):
        color = colors.get(group, "#333333")
        clipped = False
        if log:
            if not np.isfinite(e) or e <= 0:
                e, clipped = floor, True
            l = floor if (not np.isfinite(l) or l <= 0) else l
            h = ceiling if (not np.isfinite(h) or h <= 0) else h
        else:
            e = e if np.isfinite(e) else 0.0
            l = floor if not np.isfinite(l) else l
            h = ceiling if not np.isfinite(h) else h
        ax.errorbar(
            [e], [ypos_arr[i]], xerr=[[max(e - l, 0.0)], [max(h - e, 0.0)]], fmt="<" if clipped else "o",
            color=color, markersize=4, elinewidth=1.0, capsize=2,
            label=group if group not in seen else "_nolegend_",
        )
        seen.add(group)
    ax.axvline(reference, color="#555555", linewidth=0.7, linestyle="--", zorder=0)
    if log:
        ax.set_xscale("log")
        ax.set_xlim(floor / 1.2, ceiling * 1.2)
    ax.set_yticks(centres)
    ax.set_yticklabels(ylabels)
    ax.set_xlabel(xlabel)
    ax.set_ylim(ypos_arr.min() - 0.8, 0.8)
    from matplotlib.lines import Line2D

    shown = [g for g in groups if g in seen]
    handles = [Line2D([], [], color=colors.get(g, "#333333"), marker="o", markersize=4, linewidth=1.0) for g in shown]
    _legend(ax, handles, shown, title=None)
    return ax


def _stacked_shares(
    shares: pd.DataFrame,
    *,
    category_order: Sequence[str] | None,
    colors: Mapping[str, str] | None,
    title: str | None,
    legend_title: str | None,
    intervals: bool,
    ax: Axes,
    legend: bool = True,
) -> Axes:
    groups = list(dict.fromkeys(sorted(map(str, shares["group"].unique()))))
    cats = list(category_order) if category_order is not None else list(dict.fromkeys(map(str, shares["measure"])))
    cats = [c for c in cats if c in set(map(str, shares["measure"]))]
    cmap = dict(colors) if colors is not None else category_colors(cats)
    table = shares.assign(group=shares["group"].astype(str), measure=shares["measure"].astype(str))
    est = table.pivot_table(index="group", columns="measure", values="estimate", aggfunc="first").reindex(index=groups, columns=cats)
    est = est.astype(float).fillna(0.0)
    lo = table.pivot_table(index="group", columns="measure", values="ci_low", aggfunc="first").reindex(index=groups, columns=cats).astype(float)
    hi = table.pivot_table(index="group", columns="measure", values="ci_high", aggfunc="first").reindex(index=groups, columns=cats).astype(float)
    y = np.arange(len(groups))[::-1]
    if intervals:
        # dot-and-interval: each category's share as a dot with its own interval, dodged inside the group's row
        offsets = np.linspace(0.3, -0.3, len(cats)) if len(cats) > 1 else np.zeros(1)
        for k, cat in enumerate(cats):
            colour = cmap.get(cat, "#888888")
            e = est[cat].to_numpy()
            l, h = lo[cat].to_numpy(), hi[cat].to_numpy()
            ok = np.isfinite(l) & np.isfinite(h)
            ax.hlines(y[ok] + offsets[k], l[ok], h[ok], color=colour, linewidth=1.4)
            ax.plot(e, y + offsets[k], "o", color=colour, markersize=3.5, markeredgecolor="white",
                    markeredgewidth=0.4, label=cat, linestyle="none")
        for boundary in y[:-1] - 0.5:
            ax.axhline(boundary, color="#DDDDDD", linewidth=0.5)
    else:
        left = np.zeros(len(groups))
        for k, cat in enumerate(cats):
            width = est[cat].to_numpy()
            ax.barh(y, width, left=left, color=cmap.get(cat, "#888888"), edgecolor="white", linewidth=0.5,
                    height=0.7, label=cat)
            left = left + width
    ax.set_yticks(y)
    ax.set_yticklabels(groups)
    ax.set_xlim(0, 1.0)
    ax.set_ylim(-0.5, len(groups) - 0.5)
    ax.set_xlabel("share (dot) and its interval (line)" if intervals else "share")
    if title:
        ax.set_title(title)
    if legend:
        handles, labels = ax.get_legend_handles_labels()
        _legend(ax, handles, labels, title=legend_title)
    return ax


_SHARE = re.compile(r"^(?P<outcome>.+?)=(?P<category>.+) share$")
_RATIO = re.compile(r"^(?P<measure>.+?) rate ratio (?P<against>vs .+)$")


def share_rows(shares: pd.DataFrame) -> pd.DataFrame:
    """Keep the per-group share rows of a :func:`framing.compare_shares` result, category in ``measure``.

    Rows named ``"<outcome>=<category> share"`` are kept with ``measure`` set to
    the category; differences, omnibus rows and the ``"(all)"`` group are left
    out. A table whose ``measure`` already holds plain categories is returned as is.

    Returns
    -------
    pandas.DataFrame
        The same columns as ``shares``.
    """
    schema.require(shares, ("group", "measure"), what="shares table")
    parsed = shares["measure"].astype(str).str.extract(_SHARE)
    if parsed["category"].notna().any():
        keep = parsed["category"].notna().to_numpy() & (shares["group"].astype(str) != "(all)").to_numpy()
        return shares[keep].assign(measure=parsed.loc[keep, "category"].to_numpy())
    return shares


def _share_rows(shares: pd.DataFrame, what: str) -> pd.DataFrame:
    schema.require(shares, ("group", "measure", "estimate", "ci_low", "ci_high"), what=what)
    shares = share_rows(shares)
    est = pd.to_numeric(shares["estimate"], errors="coerce")
    bad = est.notna() & ((est < 0) | (est > 1 + 1e-9))
    if bad.any():
        raise SchemaError(f"{what}: 'estimate' must be shares between 0 and 1; found {est[bad].iloc[0]!r}")
    return shares[est.notna()]


def _category_order(table: pd.DataFrame, category_order: Sequence[str] | None,
                    colors: Mapping[str, str] | None) -> tuple[list[str], dict[str, str]]:
    """The categories present, in ``category_order`` first, and their colours (from the full order, so a
    category keeps its colour whichever categories occur)."""
    present = list(dict.fromkeys(map(str, table["measure"])))
    order = list(category_order or [])
    cats = [c for c in order if c in present] + [c for c in present if c not in order]
    return cats, dict(colors) if colors is not None else category_colors(order + [c for c in cats if c not in order])


def _category_panel(shares: pd.DataFrame, what: str, category_order: Sequence[str] | None,
                    colors: Mapping[str, str] | None, intervals: bool, ax: Axes | None, *, empty: str,
                    title: str, legend_title: str) -> Axes:
    """One panel of category shares per group (the attribution and casualty figures)."""
    table = _share_rows(shares, what)
    cats, cmap = _category_order(table, category_order, colors)
    ax = _new_axes(ax, COLUMN_WIDTH, 1.3 + 0.28 * table["group"].nunique())
    if table.empty:
        return _empty(ax, empty)
    return _stacked_shares(table, category_order=cats, colors=cmap, title=title, legend_title=legend_title,
                           intervals=intervals, ax=ax)


#: stacking order of the actor-label categories (most to least loaded, legitimising then neutral last)
LABEL_ORDER = ("terrorism", "extremism", "militancy", "separatism", "legitimising", "neutral")


@_themed
def label_shares(
    shares: pd.DataFrame,
    *,
    actor: str | None = None,
    category_order: Sequence[str] | None = LABEL_ORDER,
    colors: Mapping[str, str] | None = None,
    intervals: bool = True,
    ax: Axes | None = None,
) -> Axes | Figure:
    """Stacked shares of the label categories each outlet gives an actor, with intervals.

    Parameters
    ----------
    shares : pandas.DataFrame
        Shares from :func:`framing.compare_shares` on an actor-labels table
        (``outcome="label_category"``): ``group`` (outlet), ``measure`` (label
        category), ``estimate`` (share), ``ci_low``, ``ci_high``; an ``actor``
        column when several actors are stacked in one table.
    actor : str, optional
        Draw only this actor. Without it and with several actors in the table,
        one panel per actor is drawn and the Figure is returned.
    category_order : sequence of str, optional
        Stacking order of the categories.
    colors : mapping, optional
        category -> colour (default :func:`category_colors`).
    intervals : bool
        True (default): a dot-and-interval panel — each category's share as a dot
        with its interval as a line, one row per outlet; False: stacked bars.
    ax : matplotlib.axes.Axes, optional
        Where to draw (one actor only).

    Returns
    -------
    matplotlib.axes.Axes or matplotlib.figure.Figure
        One horizontal bar per outlet, one segment per category.
    """
    table = _share_rows(shares, "label shares table")
    actors = list(dict.fromkeys(map(str, table["actor"]))) if "actor" in table.columns else [None]
    if actor is not None:
        if "actor" not in table.columns:
            raise SchemaError("label shares table has no 'actor' column to select an actor from")
        table = table[table["actor"].astype(str) == actor]
        actors = [actor]
    cats, cmap = _category_order(table, category_order, colors)
    if len(actors) == 1:
        n_groups = table["group"].nunique()
        ax = _new_axes(ax, COLUMN_WIDTH, 1.3 + 0.28 * n_groups)
        if table.empty:
            return _empty(ax, "no labels found")
        title = f"Labels given to {actors[0]}" if actors[0] else "Label categories"
        return _stacked_shares(table, category_order=cats, colors=cmap, title=title,
                               legend_title="label category", intervals=intervals, ax=ax)
    if ax is not None:
        raise SchemaError("several actors in the table: pass actor=... to draw one on the given ax")
    import matplotlib.pyplot as plt

    heights = [max(1, table[table["actor"].astype(str) == a]["group"].nunique()) for a in actors]
    fig, axes = plt.subplots(
        len(actors), 1, figsize=(COLUMN_WIDTH, 1.0 + sum(0.3 * h + 0.5 for h in heights)),
        gridspec_kw={"height_ratios": heights}, layout="constrained", sharex=True,
    )
    fig._framing_owned = True
    for i, (name, axis) in enumerate(zip(actors, np.atleast_1d(axes))):
        _style(axis)
        part = table[table["actor"].astype(str) == name]
        if part.empty:
            _empty(axis, f"no labels found for {name}")
            continue
        _stacked_shares(part, category_order=cats, colors=cmap, title=f"Labels given to {name}",
                        legend_title="label category", intervals=intervals, ax=axis, legend=i == len(actors) - 1)
        if i < len(actors) - 1:
            axis.set_xlabel("")
    last = np.atleast_1d(axes)[-1]
    if last.get_legend() is None:
        from matplotlib.patches import Patch

        handles = [Patch(color=cmap[c]) for c in cats]
        _legend(last, handles, cats, title="label category")
    return fig


@_themed
def attribution_profile(
    shares: pd.DataFrame,
    *,
    category_order: Sequence[str] | None = ("neutral", "endorsing", "distancing", "emphatic", "denial"),
    colors: Mapping[str, str] | None = None,
    intervals: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Attribution-verb stance profile per outlet: stacked shares of verb categories.

    Parameters
    ----------
    shares : pandas.DataFrame
        Shares from :func:`framing.compare_shares` on an attributions table
        (``outcome="verb_category"``): ``group``, ``measure`` (verb category),
        ``estimate`` (share), ``ci_low``, ``ci_high``.
    category_order : sequence of str, optional
        Stacking order; categories not in the table are skipped.
    colors : mapping, optional
        category -> colour.
    intervals : bool
        True (default): a dot-and-interval panel — each category's share as a dot
        with its interval as a line, one row per outlet; False: stacked bars.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per outlet, one segment per verb category.
    """
    return _category_panel(shares, "attribution shares table", category_order, colors, intervals, ax,
                           empty="no attributions found", title="Attribution verbs by stance",
                           legend_title="verb category")


@_themed
def casualty_constructions(
    shares: pd.DataFrame,
    *,
    category_order: Sequence[str] | None = schema.CONSTRUCTIONS,
    colors: Mapping[str, str] | None = None,
    intervals: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Casualty-statement constructions per outlet: stacked shares (active, passive, nominal…).

    Parameters
    ----------
    shares : pandas.DataFrame
        Shares from :func:`framing.compare_shares` on a casualties table
        (``outcome="construction"``): ``group``, ``measure`` (construction),
        ``estimate`` (share), ``ci_low``, ``ci_high``.
    category_order : sequence of str, optional
        Stacking order (default :data:`framing.schema.CONSTRUCTIONS`).
    colors : mapping, optional
        construction -> colour.
    intervals : bool
        True (default): a dot-and-interval panel — each category's share as a dot
        with its interval as a line, one row per outlet; False: stacked bars.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per outlet, one segment per construction.
    """
    return _category_panel(shares, "casualty shares table", category_order, colors, intervals, ax,
                           empty="no casualty statements found", title="How deaths are reported",
                           legend_title="construction")


@_themed
def keyness_terms(
    keyness: pd.DataFrame,
    *,
    n: int = 10,
    groups: Sequence[str] | None = None,
    palette: Mapping[str, str] | None = None,
    alpha: float | None = 0.05,
    ax: Axes | None = None,
) -> Axes | Figure:
    """Distinctive terms per group: horizontal bars of the keyness z-score.

    Shows, for each group, the ``n`` terms with the largest positive ``z``
    (terms the group uses more than the rest) among those whose adjusted
    p-value (``p_adjusted``) is below ``alpha``; a group without such a term
    gets a panel saying so. Selecting these rows is the only thing done to the
    table.

    Parameters
    ----------
    keyness : pandas.DataFrame
        A keyness table (:data:`framing.schema.KEYNESS`), e.g. from :func:`framing.keyness`.
    n : int
        Terms per group.
    groups : sequence of str, optional
        Groups to draw (default all, sorted).
    palette : mapping, optional
        group -> colour (default :func:`outlet_colors`).
    alpha : float or None
        Only terms with ``p_adjusted < alpha`` (when the table has ``p_adjusted``);
        None draws the top terms whatever their p-values.
    ax : matplotlib.axes.Axes, optional
        Where to draw (one group only).

    Returns
    -------
    matplotlib.axes.Axes or matplotlib.figure.Figure
        One panel per group, one bar per term, labelled with the term.
    """
    schema.require(keyness, ("term", "group", "z"), what="keyness table")
    all_groups = sorted(map(str, keyness["group"].unique()))
    chosen = list(groups) if groups is not None else all_groups
    colors = dict(palette) if palette is not None else outlet_colors(all_groups)
    z = pd.to_numeric(keyness["z"], errors="coerce")
    table = keyness.assign(z=z, group=keyness["group"].astype(str))
    table = table[np.isfinite(table["z"]) & (table["z"] > 0)]
    empty_text = "no distinctive terms"
    if alpha is not None and "p_adjusted" in table.columns:
        table = table[pd.to_numeric(table["p_adjusted"], errors="coerce") < alpha]
        how = str(keyness["adjust_method"].dropna().iloc[0]) if "adjust_method" in keyness.columns and \
            keyness["adjust_method"].notna().any() else "multiplicity"
        empty_text = f"no term significant after {how} adjustment (p < {alpha:g})"

    def draw(axis: Axes, group: str) -> None:
        part = table[table["group"] == group].sort_values(["z", "term"], ascending=[False, True], kind="stable").head(n)
        if part.empty:
            _empty(axis, f"{empty_text}: {group}")
            axis.set_title(group)
            return
        ypos = np.arange(len(part))[::-1]
        axis.barh(ypos, part["z"].to_numpy(), color=colors.get(group, "#333333"), height=0.7)
        axis.set_yticks(ypos)
        axis.set_yticklabels(part["term"].astype(str).tolist())
        axis.set_title(group)
        axis.set_xlabel("z (group against the rest)")

    if len(chosen) == 1 or ax is not None:
        if len(chosen) != 1:
            raise SchemaError("several groups in the keyness table: pass groups=[...] with one group to draw on ax")
        axis = _new_axes(ax, COLUMN_WIDTH, 0.6 + 0.18 * n)
        draw(axis, chosen[0])
        return axis
    import matplotlib.pyplot as plt

    ncols = 2 if len(chosen) > 1 else 1
    nrows = math.ceil(len(chosen) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(PAGE_WIDTH, nrows * (0.7 + 0.16 * n)), layout="constrained",
                             squeeze=False)
    fig._framing_owned = True
    flat = axes.ravel()
    for axis, group in zip(flat, chosen):
        _style(axis)
        draw(axis, group)
    for axis in flat[len(chosen):]:
        axis.set_visible(False)
    return fig


@_themed
def wire_edits(
    edits: pd.DataFrame,
    *,
    label_a: str | None = None,
    label_b: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """What each side of a wire pair added or cut, sentence by sentence.

    One row per aligned sentence, in the order of the alignment: a bar to the
    left for the words only side A has (a sentence only in A, or words deleted
    from a changed sentence), a bar to the right for the words only side B has;
    rows are coloured by the edit operation and unchanged sentences are drawn
    as a light grey band across the row.

    Parameters
    ----------
    edits : pandas.DataFrame
        An edits table (:data:`framing.schema.EDITS`) for one pair, e.g. from :func:`framing.edits`.
    label_a, label_b : str, optional
        Names of the two sides (default ``doc_a`` and ``doc_b`` of the table).
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        Negative x = words only in A, positive x = words only in B.
    """
    schema.require(edits, schema.EDITS, what="edits table")
    _check_values(edits, "op", schema.EDIT_OPS, "edits table")
    pairs = edits[["doc_a", "doc_b"]].drop_duplicates()
    if len(pairs) > 1:
        raise SchemaError(f"edits table holds {len(pairs)} document pairs; draw one pair at a time")
    label_a = label_a or (str(pairs.iloc[0]["doc_a"]) if len(pairs) else "A")
    label_b = label_b or (str(pairs.iloc[0]["doc_b"]) if len(pairs) else "B")
    ax = _new_axes(ax, COLUMN_WIDTH, max(2.0, 0.9 + 0.07 * len(edits)))
    if edits.empty:
        return _empty(ax, "no aligned sentences")

    def words(value) -> int:
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            return 0
        return sum(len(part.split()) for part in str(value).split("; "))

    op = edits["op"].astype(str).to_numpy()
    only_a = np.array([
        words(ta) if o == "only_a" else (words(d) if o == "changed" else 0)
        for o, ta, d in zip(op, edits["text_a"], edits["deleted"])
    ], dtype=float)
    only_b = np.array([
        words(tb) if o == "only_b" else (words(i) if o == "changed" else 0)
        for o, tb, i in zip(op, edits["text_b"], edits["inserted"])
    ], dtype=float)
    colors = {"same": "#E4E4E4", "changed": OKABE_ITO[1], "only_a": OKABE_ITO[0], "only_b": OKABE_ITO[5]}
    names = {"same": "same", "changed": "changed", "only_a": f"only in {label_a}", "only_b": f"only in {label_b}"}
    y = -np.arange(len(edits), dtype=float)
    limit = max(1.0, float(max(only_a.max(initial=0), only_b.max(initial=0)))) * 1.1
    for name in schema.EDIT_OPS:
        mask = op == name
        if not mask.any():
            continue
        if name == "same":
            # unchanged sentences: a light band across the whole row, behind everything
            ax.barh(y[mask], np.full(mask.sum(), 2 * limit), left=-limit, height=0.8, color=colors[name],
                    label=names[name], zorder=0)
            continue
        left_side = mask & (only_a > 0)
        right_side = mask & (only_b > 0)
        if left_side.any():
            ax.barh(y[left_side], -only_a[left_side], height=0.8, color=colors[name], label=names[name])
        if right_side.any():
            ax.barh(y[right_side], only_b[right_side], height=0.8, color=colors[name],
                    label=names[name] if not left_side.any() else "_nolegend_")
    ax.axvline(0, color="#333333", linewidth=0.6)
    ax.set_yticks([])
    ax.set_ylabel("aligned sentences (in order)")
    ax.set_xlim(-limit, limit)
    ax.set_xlabel(f"words only in {label_a}  ←   → words only in {label_b}")
    ax.set_title("Wire-copy edits")
    ticks = ax.get_xticks()
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{abs(t):g}" for t in ticks])
    ax.set_xlim(-limit, limit)
    handles, labels = ax.get_legend_handles_labels()
    _legend(ax, handles, labels, title=None, ncol=2)
    return ax


@_themed
def casualty_asymmetry(
    result: pd.DataFrame,
    *,
    voice: str = "all",
    palette: Mapping[str, str] | None = None,
) -> Figure:
    """Whose deaths, and how: per group, each side's share of casualty statements with a number, a named
    agent, humanising and emotive words, a dot and its interval for each side.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of :func:`framing.casualty_asymmetry`.
    voice : {"all", "own", "quoted"}, default "all"
        Which voice's shares to draw.
    palette : mapping, optional
        side -> colour (default: the house palette in side order).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per group; the x axis is the share (0 to 1) with the
        interval the table gives (Wilson on the article-clustered effective
        size); a side with no statement in a group has no dot.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    schema.require(result, ("group", "measure", "estimate", "ci_low", "ci_high"), what="casualty_asymmetry result")
    parsed = result["measure"].astype(str).str.extract(r"^(?P<dim>\w+) \[(?P<voice>\w+)\]: (?P<side>.+)$")
    shares = result.assign(**parsed)[parsed["dim"].notna() & (parsed["voice"] == voice)
                                     & ~parsed["side"].fillna("").str.contains(" - ", regex=False)]
    groups = list(dict.fromkeys(shares["group"].astype(str)))
    if not groups:
        ax = _new_axes(None, COLUMN_WIDTH, 1.6)
        _empty(ax, f"no shares in voice {voice!r}")
        return ax.figure
    sides = list(dict.fromkeys(shares["side"]))
    dims = list(dict.fromkeys(shares["dim"]))
    colors = dict(palette) if palette is not None else dict(zip(sides, OKABE_ITO))
    fig, axes = plt.subplots(1, len(groups), figsize=(min(PAGE_WIDTH, 1.1 + 1.9 * len(groups)), 0.9 + 0.32 * len(dims)),
                             sharey=True, squeeze=False, layout="constrained")
    fig._framing_owned = True
    offsets = np.linspace(-0.18, 0.18, len(sides)) if len(sides) > 1 else np.zeros(1)
    for ax, group in zip(axes[0], groups):
        _style(ax)
        part = shares[shares["group"].astype(str) == group]
        for k, side in enumerate(sides):
            rows = part[part["side"] == side].set_index("dim").reindex(dims)
            y = np.arange(len(dims)) + offsets[k]
            est = pd.to_numeric(rows["estimate"], errors="coerce").to_numpy(float)
            lo = pd.to_numeric(rows["ci_low"], errors="coerce").to_numpy(float)
            hi = pd.to_numeric(rows["ci_high"], errors="coerce").to_numpy(float)
            ok = np.isfinite(est)
            ax.errorbar(est[ok], y[ok], xerr=[np.clip(est[ok] - lo[ok], 0, None), np.clip(hi[ok] - est[ok], 0, None)],
                        fmt="o", color=colors.get(side, "#333333"), markersize=3.5, elinewidth=0.9, capsize=1.5)
        ax.set_xlim(-0.03, 1.03)
        ax.set_title(group)
        ax.set_yticks(np.arange(len(dims)))
        ax.set_yticklabels([d.replace("_", " ") for d in dims])
        ax.invert_yaxis()
        ax.set_xlabel("share of statements")
    handles = [Line2D([], [], color=colors.get(s, "#333333"), marker="o", markersize=3.5, linewidth=0.9) for s in sides]
    _legend(axes[0][0], handles, [f"victims: {s}" for s in sides], title=None)
    return fig


@_themed
def source_dots(
    shares: pd.DataFrame,
    *,
    category_order: Sequence[str] | None = schema.SOURCE_TYPES,
    colors: Mapping[str, str] | None = None,
    title: str = "Who gets a voice",
    ax: Axes | None = None,
) -> Axes:
    """Dot-and-interval figure of source shares: one row per category, one dot per group with its interval.

    Parameters
    ----------
    shares : pandas.DataFrame
        Shares from :func:`framing.source_shares` (or :func:`framing.compare_shares` on a sources table):
        ``group``, ``measure`` (``"<outcome>=<category> share"`` or the category), ``estimate``, ``ci_low``,
        ``ci_high``.
    category_order : sequence of str, optional
        Order of the categories from the top (default the source types; others follow as found).
    colors : mapping, optional
        group -> colour (default :func:`outlet_colors`).
    title : str
        The axes title.
    ax : matplotlib.axes.Axes, optional
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        Categories on the y axis, the share on the x axis (0 to 1); groups side by side within a category.
    """
    table = _share_rows(shares, "source shares table")
    present = list(dict.fromkeys(map(str, table["measure"])))
    order = [c for c in (category_order or []) if c in present] + [c for c in present if c not in (category_order or [])]
    groups = list(dict.fromkeys(map(str, table["group"])))
    ax = _new_axes(ax, COLUMN_WIDTH, 1.2 + 0.22 * len(order) * max(1, min(len(groups), 4)) / 2)
    if table.empty:
        return _empty(ax, "no attributed statements found")
    colors = dict(colors) if colors is not None else outlet_colors(groups)
    step = 0.7 / max(len(groups), 1)
    handles = []
    for k, group in enumerate(groups):
        part = table[table["group"].astype(str) == group].set_index(table.loc[table["group"].astype(str) == group,
                                                                              "measure"].astype(str))
        ys, xs, lo, hi = [], [], [], []
        for i, cat in enumerate(order):
            if cat not in part.index:
                continue
            row = part.loc[cat]
            ys.append(i - 0.35 + step * (k + 0.5))
            xs.append(float(row["estimate"]))
            lo.append(float(row["estimate"]) - float(row["ci_low"]))
            hi.append(float(row["ci_high"]) - float(row["estimate"]))
        handles.append(ax.errorbar(xs, ys, xerr=[lo, hi], fmt="o", ms=3.5, lw=0.9, capsize=0,
                                   color=colors.get(group, "#444444"), label=group))
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([c.replace("_", " ") for c in order])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of statements (95% interval)")
    ax.set_title(title, loc="left")
    _legend(ax, handles, groups, title=None)
    return ax


@_themed
def trend_lines(
    trends: pd.DataFrame,
    *,
    measures: Sequence[str] | None = None,
    n_measures: int = 6,
    events: Mapping[str, str] | None = None,
    palette: Mapping[str, str] | None = None,
    min_docs: int = 5,
    ax: Axes | None = None,
) -> Axes | Figure:
    """Rates or shares over time: one line per group with its interval as a band, events marked.

    Draws the period rows of a :func:`framing.trends` table (rows without ``period``, the event comparisons,
    are left out). Each panel is one measure; each group gets one colour (:func:`outlet_colors`), its
    estimate as a line with markers and its interval (``ci_low`` to ``ci_high``) as a translucent band.
    Events are dashed vertical lines, labelled.

    Parameters
    ----------
    trends : pandas.DataFrame
        A :func:`framing.trends` table (columns ``period``, ``group``, ``measure``, ``estimate``,
        ``ci_low``, ``ci_high``).
    measures : sequence of str, optional
        Measures to draw, in this order; default the ``n_measures`` with the most ``count``.
    n_measures : int
        Panels when ``measures`` is None.
    events : mapping of str to date, optional
        Named dates to mark.
    palette : mapping, optional
        group -> colour.
    min_docs : int
        Periods of a group with fewer documents than this are not drawn (their
        intervals span most of the scale); they stay in the table.
    ax : matplotlib.axes.Axes, optional
        Where to draw (one measure only).

    Returns
    -------
    matplotlib.axes.Axes or matplotlib.figure.Figure
        One panel (Axes) for one measure, else a Figure with one panel per measure.
    """
    schema.require(trends, ("period", "group", "measure", "estimate", "ci_low", "ci_high"), what="trends table")
    table = trends[trends["period"].notna()].copy()
    table["_t"] = pd.to_datetime(table["period"].astype(str), errors="coerce")
    table = table[table["_t"].notna()]
    if "n_docs" in table.columns:
        table = table[pd.to_numeric(table["n_docs"], errors="coerce").fillna(0) >= min_docs]
    if measures is None:
        counts = pd.to_numeric(table.get("count", pd.Series(1, index=table.index)), errors="coerce").fillna(0)
        order = counts.groupby(table["measure"].astype(str)).sum().sort_values(ascending=False, kind="stable")
        measures = list(order.index[:n_measures])
    measures = [m for m in measures if m in set(table["measure"].astype(str))]
    groups = sorted(map(str, table["group"].unique()))
    colors = dict(palette) if palette is not None else outlet_colors(groups)
    marks = {str(k): pd.to_datetime(v, errors="coerce") for k, v in (events or {}).items()}

    def draw(axis: Axes, measure: str) -> None:
        part = table[table["measure"].astype(str) == measure]
        for g in groups:
            rows = part[part["group"].astype(str) == g].sort_values("_t")
            if rows.empty:
                continue
            c = colors.get(g, "#333333")
            x = rows["_t"].to_numpy()
            axis.fill_between(x, rows["ci_low"].astype(float), rows["ci_high"].astype(float), color=c, alpha=0.18,
                              linewidth=0)
            axis.plot(x, rows["estimate"].astype(float), color=c, marker="o", markersize=2.5, label=g)
        for name, when in marks.items():
            if pd.notna(when):
                axis.axvline(when, color="#444444", linestyle="--", linewidth=0.7)
                axis.annotate(name, (when, 1.0), xycoords=("data", "axes fraction"), fontsize=6.5,
                              rotation=90, va="top", ha="right", color="#444444")
        axis.set_title(measure)
        axis.set_ylim(bottom=0)
        axis.tick_params(axis="x", labelrotation=30, labelsize=6.5)

    if not measures:
        return _empty(_new_axes(ax, COLUMN_WIDTH, 2.0), "no periods to show")
    if ax is not None or len(measures) == 1:
        axis = _new_axes(ax, COLUMN_WIDTH, 2.2)
        draw(axis, measures[0])
        handles, labels = axis.get_legend_handles_labels()
        _legend(axis, handles, labels, title=None)
        return axis
    import matplotlib.pyplot as plt

    ncols = 2
    nrows = math.ceil(len(measures) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(PAGE_WIDTH, 0.4 + 2.0 * nrows), layout="constrained",
                             squeeze=False)
    fig._framing_owned = True
    flat = axes.ravel()
    for axis, measure in zip(flat, measures):
        _style(axis)
        draw(axis, measure)
    for axis in flat[len(measures):]:
        axis.set_visible(False)
    handles, labels = flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=min(len(labels), 6), frameon=False)
    return fig


@_themed
def mentions_per_death(
    result: pd.DataFrame,
    *,
    palette: Mapping[str, str] | None = None,
    log: bool = True,
) -> Figure:
    """Whose deaths are mentioned: casualty statements per reported death of each side, period by period.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of :func:`framing.mentions_per_death` with ``freq=``
        (``group`` reads ``"<group> <period>"``).
    palette : mapping, optional
        side -> colour (default: the house palette in side order).
    log : bool, default True
        A log y axis (the two sides' rates can differ tenfold).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per group: a line and its interval band per side over the
        periods; a period without reported deaths of a side has no point.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    schema.require(result, ("group", "measure", "estimate", "ci_low", "ci_high"), what="mentions_per_death result")
    parsed = result["measure"].astype(str).str.extract(r"^mentions per [\d.e+]+ deaths: (?P<side>.+)$")
    rates = result.assign(**parsed)[parsed["side"].notna() & ~parsed["side"].fillna("").str.contains(" / ")]
    split = rates["group"].astype(str).str.rsplit(" ", n=1, expand=True)
    if rates.empty or split.shape[1] < 2:
        fig, ax = plt.subplots(figsize=(COLUMN_WIDTH, 1.6))
        _empty(ax, "no rates per period (run mentions_per_death with freq=)")
        return fig
    rates = rates.assign(_group=split[0], _period=pd.to_datetime(split[1], errors="coerce"))
    rates = rates[rates["_period"].notna()]
    groups = list(dict.fromkeys(rates["_group"]))
    sides = list(dict.fromkeys(rates["side"]))
    colors = dict(palette) if palette is not None else dict(zip(sides, OKABE_ITO))
    fig, axes = plt.subplots(1, max(len(groups), 1), figsize=(min(PAGE_WIDTH, 1.2 + 2.2 * len(groups)), 2.2),
                             sharey=True, squeeze=False, layout="constrained")
    fig._framing_owned = True
    for ax, group in zip(axes[0], groups):
        _style(ax)
        for side in sides:
            part = rates[(rates["_group"] == group) & (rates["side"] == side)].sort_values("_period")
            est = pd.to_numeric(part["estimate"], errors="coerce").to_numpy(float)
            ok = np.isfinite(est) & (est > 0 if log else True)
            x = part["_period"].to_numpy()[ok]
            ax.plot(x, est[ok], marker="o", markersize=2.5, color=colors.get(side, "#333333"))
            lo = pd.to_numeric(part["ci_low"], errors="coerce").to_numpy(float)[ok]
            hi = pd.to_numeric(part["ci_high"], errors="coerce").to_numpy(float)[ok]
            if log:
                lo = np.where(lo > 0, lo, est[ok] / 10)
            ax.fill_between(x, lo, hi, color=colors.get(side, "#333333"), alpha=0.18, linewidth=0)
        if log:
            ax.set_yscale("log")
        ax.set_title(group)
        ax.tick_params(axis="x", rotation=45)
    axes[0][0].set_ylabel(str(rates["measure"].iloc[0]).split(":")[0])
    handles = [Line2D([], [], color=colors.get(s, "#333333"), marker="o", markersize=2.5) for s in sides]
    _legend(axes[0][0], handles, [f"victims: {s}" for s in sides], title=None)
    return fig
