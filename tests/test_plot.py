"""Figure functions: what they draw, the theme, colours and saving.

Tables are small synthetic ones with the documented schema columns, so every
expected bar, tick label and interval is known from the table itself.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.container import ErrorbarContainer
from matplotlib.patches import Rectangle

from framing.report import plot
from framing import schema
from framing.errors import SchemaError

OUTLETS = ["The Times of Israel", "Scroll.in", "Ahram Online"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def bars(ax):
    """Rectangles drawn as bars (not the axes background)."""
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def errorbars(ax):
    return [c for c in ax.containers if isinstance(c, ErrorbarContainer)]


def scores_table():
    rows = []
    # two documents for one outlet, one for the others; counts chosen by hand
    docs = [("t1", "The Times of Israel", 1000), ("t2", "The Times of Israel", 1000), ("s1", "Scroll.in", 500),
            ("a1", "Ahram Online", 2000)]
    counts = {("t1", "terrorism", "narrator"): 3, ("t2", "terrorism", "narrator"): 1,
              ("t1", "terrorism", "quote"): 7, ("s1", "militancy", "narrator"): 2,
              ("a1", "terrorism", "quote"): 4, ("a1", "militancy", "narrator"): 1}
    for doc, outlet, n in docs:
        for cat in ("terrorism", "militancy"):
            for voice in schema.VOICES:
                c = counts.get((doc, cat, voice), 0)
                rows.append(dict(doc_id=doc, outlet=outlet, lexicon="actor_labels", category=cat, voice=voice,
                                 count=c, n_tokens=n, rate_per_1k=1000 * c / n))
    return pd.DataFrame(rows, columns=schema.SCORES)


def test_heatmap_cells_are_pooled_rates_of_the_chosen_voice():
    ax = plot.rate_heatmap(scores_table(), voice="narrator")
    assert [t.get_text() for t in ax.get_xticklabels()] == sorted(OUTLETS)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["actor_labels: terrorism", "actor_labels: militancy"]
    values = {t.get_text() for t in ax.texts}
    # Times of Israel terrorism, narrator: (3 + 1) / 2000 tokens = 2.0 per 1k (the quoted 7 is not counted)
    # Scroll militancy: 2 / 500 = 4.0; Ahram militancy: 1 / 2000 = 0.5
    assert {"2.0", "4.0", "0.5"} <= values
    assert "5.5" not in values  # would be the Times of Israel rate with quotes counted


def test_heatmap_all_voices():
    ax = plot.rate_heatmap(scores_table(), voice=None)
    values = [t.get_text() for t in ax.texts]
    assert "5.5" in values  # (3 + 1 + 7) / 2000
    assert "2.0" in values  # Ahram terrorism in quotes: 4 / 2000


def test_heatmap_rejects_a_table_without_scores_columns():
    with pytest.raises(SchemaError, match="n_tokens"):
        plot.rate_heatmap(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"]}))


def result_table():
    rows = [
        ("The Times of Israel", "attribution.distancing", 2.0, 1.0, 4.0),
        ("Scroll.in", "attribution.distancing", 0.5, 0.25, 1.0),
        ("Ahram Online", "attribution.distancing", 1.0, 0.5, 2.0),
        ("The Times of Israel", "actor_labels.terrorism", 3.0, 1.5, 6.0),
        ("Scroll.in", "actor_labels.terrorism", 0.0, 0.0, 2.0),  # zero count: drawn at the left edge
    ]
    table = pd.DataFrame(rows, columns=["group", "measure", "estimate", "ci_low", "ci_high"])
    for col in schema.RESULT:
        if col not in table:
            table[col] = np.nan
    return table[list(schema.RESULT)]


def test_forest_draws_one_interval_per_row_with_outlet_colours():
    table = result_table()
    ax = plot.forest(table)
    containers = errorbars(ax)
    assert len(containers) == len(table)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["attribution.distancing", "actor_labels.terrorism"]
    assert ax.get_xscale() == "log"
    colours = plot.outlet_colors(OUTLETS)
    drawn = {to_hex(c.lines[0].get_color()) for c in containers}
    assert drawn == {colours[o].lower() for o in OUTLETS}
    # the interval of the Times of Israel distancing row spans 1..4
    segs = [seg for c in containers for coll in c.lines[2] if isinstance(coll, LineCollection) for seg in coll.get_segments()]
    spans = {(round(s[0][0], 6), round(s[1][0], 6)) for s in segs}
    assert (1.0, 4.0) in spans
    # the reference line at 1
    assert any(np.allclose(line.get_xdata(), [1, 1]) for line in ax.get_lines())


def test_forest_selects_measures_in_order():
    ax = plot.forest(result_table(), measures=["actor_labels.terrorism"])
    assert len(errorbars(ax)) == 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["actor_labels.terrorism"]


def shares_table(actors=("Jaish al-Adl", "Hamas")):
    rows = []
    spec = {
        ("Jaish al-Adl", "The Times of Israel"): {"extremism": 0.5, "terrorism": 0.5},
        ("Jaish al-Adl", "Scroll.in"): {"militancy": 1.0},
        ("Jaish al-Adl", "Ahram Online"): {"terrorism": 0.25, "neutral": 0.75},
        ("Hamas", "The Times of Israel"): {"terrorism": 1.0},
    }
    for (actor, outlet), shares in spec.items():
        if actor not in actors:
            continue
        for cat in ("terrorism", "extremism", "militancy", "neutral"):
            s = shares.get(cat, 0.0)
            rows.append(dict(actor=actor, group=outlet, measure=cat, estimate=s,
                             ci_low=max(0.0, s - 0.2), ci_high=min(1.0, s + 0.2)))
    return pd.DataFrame(rows)


def dots(ax) -> dict[str, list[tuple[float, float]]]:
    """category -> (x, y) of its dots in a dot-and-interval panel."""
    return {line.get_label(): list(zip(line.get_xdata(), line.get_ydata())) for line in ax.get_lines()
            if line.get_marker() == "o"}


def intervals_of(ax) -> list[tuple[float, float, float, str]]:
    """(y, low, high, colour) of every interval line."""
    from matplotlib.collections import LineCollection

    out = []
    for coll in ax.collections:
        if isinstance(coll, LineCollection):
            colour = to_hex(coll.get_colors()[0]) if len(coll.get_colors()) else ""
            out += [(seg[0][1], seg[0][0], seg[1][0], colour) for seg in coll.get_segments()]
    return out


def test_label_shares_one_dot_and_interval_per_category_and_outlet():
    table = shares_table()
    ax = plot.label_shares(table, actor="Jaish al-Adl")
    ticks = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    assert sorted(ticks) == sorted(OUTLETS)
    found = dots(ax)
    assert sorted(found) == sorted(["terrorism", "extremism", "militancy", "neutral"])
    lines = intervals_of(ax)
    assert len(lines) == 3 * 4  # one interval per outlet and category, zero shares included
    part = table[table["actor"] == "Jaish al-Adl"]
    colours = {line.get_label(): to_hex(line.get_color()) for line in ax.get_lines() if line.get_marker() == "o"}
    for r in part.itertuples():
        # the dot sits in its outlet's row, at the share; its interval is on the same line, in its colour
        (x, y), = [(x, y) for x, y in found[r.measure] if abs(y - ticks[r.group]) < 0.5]
        assert x == pytest.approx(r.estimate)
        tied = [seg for seg in lines if seg[0] == pytest.approx(y)]
        assert len(tied) == 1 and tied[0][1:3] == pytest.approx((r.ci_low, r.ci_high))
        assert tied[0][3] == colours[r.measure]
    assert "Jaish al-Adl" in ax.get_title()


def test_label_shares_stacked_without_intervals():
    ax = plot.label_shares(shares_table(), actor="Jaish al-Adl", intervals=False)
    rects = bars(ax)
    assert len(rects) == 3 * 4  # outlets x categories (zero-width segments included)
    by_row = {}
    for r in rects:
        by_row.setdefault(round(r.get_y(), 6), 0.0)
        by_row[round(r.get_y(), 6)] += r.get_width()
    assert all(abs(total - 1.0) < 1e-9 for total in by_row.values())


def test_label_shares_several_actors_gives_a_panel_each():
    fig = plot.label_shares(shares_table())
    axes = [a for a in fig.axes if a.get_title()]
    assert [a.get_title() for a in axes] == ["Labels given to Jaish al-Adl", "Labels given to Hamas"]
    assert [t.get_text() for t in axes[1].get_yticklabels()] == ["The Times of Israel"]
    legend_texts = {t.get_text() for leg in fig.legends for t in leg.get_texts()}
    assert legend_texts == {"terrorism", "extremism", "militancy", "neutral"}


def test_label_shares_without_intervals():
    ax = plot.label_shares(shares_table(("Hamas",)), intervals=False)
    assert errorbars(ax) == []


def test_shares_must_be_between_zero_and_one():
    table = shares_table()
    table.loc[0, "estimate"] = 3.0
    with pytest.raises(SchemaError, match="between 0 and 1"):
        plot.label_shares(table)


def test_attribution_profile_orders_verb_categories_by_stance():
    rows = []
    for outlet, shares in {"A": {"neutral": 0.6, "distancing": 0.4}, "B": {"emphatic": 0.5, "neutral": 0.5}}.items():
        for cat in ("distancing", "emphatic", "neutral"):
            s = shares.get(cat, 0.0)
            rows.append(dict(group=outlet, measure=cat, estimate=s, ci_low=s / 2, ci_high=min(1, s * 1.5)))
    ax = plot.attribution_profile(pd.DataFrame(rows), intervals=False)
    legend = ax.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["neutral", "distancing", "emphatic"]
    assert len(bars(ax)) == 2 * 3
    # neutral is the fixed grey
    neutral = [p for p in bars(ax) if p.get_label() == "neutral" or to_hex(p.get_facecolor()) == "#999999"]
    assert neutral and all(to_hex(p.get_facecolor()) == "#999999" for p in neutral)


def test_casualty_constructions_one_bar_per_outlet_and_construction():
    rows = []
    for outlet in ("Ahram Online", "The Times of Israel"):
        for cons, s in zip(schema.CONSTRUCTIONS, (0.5, 0.0, 0.5, 0.0, 0.0)):
            rows.append(dict(group=outlet, measure=cons, estimate=s, ci_low=np.nan, ci_high=np.nan))
    ax = plot.casualty_constructions(pd.DataFrame(rows))
    assert sum(len(v) for v in dots(ax).values()) == 2 * len(schema.CONSTRUCTIONS)
    assert intervals_of(ax) == []  # no intervals in the table, none drawn
    assert [t.get_text() for t in ax.figure.legends[0].get_texts()] == list(schema.CONSTRUCTIONS)


def test_keyness_top_terms_per_group():
    rows = [dict(term=f"w{i}", group=g, delta=1.0, se=0.5, z=float(i), count_group=i, count_rest=1)
            for g in ("A", "B") for i in range(-2, 6)]
    fig = plot.keyness_terms(pd.DataFrame(rows, columns=schema.KEYNESS), n=3)
    panels = [a for a in fig.axes if a.get_visible()]
    assert [a.get_title() for a in panels] == ["A", "B"]
    # the three largest positive z, largest on top
    bottom_to_top = [t.get_text() for t in sorted(panels[0].get_yticklabels(), key=lambda t: t.get_position()[1])]
    assert bottom_to_top == ["w3", "w4", "w5"]
    assert sorted(r.get_width() for r in bars(panels[0])) == [3.0, 4.0, 5.0]


def test_keyness_one_group_on_given_axes():
    rows = [dict(term="x", group="A", delta=1.0, se=0.5, z=2.0, count_group=1, count_rest=0),
            dict(term="y", group="A", delta=-1.0, se=0.5, z=-2.0, count_group=0, count_rest=1)]
    fig, ax = plt.subplots()
    out = plot.keyness_terms(pd.DataFrame(rows), groups=["A"], ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x"]


def edits_table():
    rows = [
        ("same", "Pakistan denounced the strike.", "Pakistan denounced the strike.", None, None),
        ("changed", "recent alleged Israeli strikes killing commanders", "recent Israeli assassinations of commanders",
         "assassinations of", "alleged; strikes killing"),
        ("only_a", "It supports Palestinian terror group Hamas.", None, None, None),
        ("only_b", None, "Israel's relentless bombardment has killed at least 24,285 Palestinians.", None, None),
    ]
    return pd.DataFrame([dict(doc_a="timesofisrael", doc_b="ahram", op=op, sentence_id_a=i, sentence_id_b=i,
                              text_a=a, text_b=b, inserted=ins, deleted=dele)
                         for i, (op, a, b, ins, dele) in enumerate(rows)], columns=schema.EDITS)


def test_wire_edits_bars_are_word_counts_each_side():
    ax = plot.wire_edits(edits_table(), label_a="Times of Israel", label_b="Ahram Online")
    rects = bars(ax)
    same = [r for r in rects if r.get_zorder() == 0]
    widths = sorted(round(r.get_width(), 6) for r in rects if r.get_zorder() != 0)
    # changed: 3 words deleted (left), 2 inserted (right); only_a: 6 words (left); only_b: 9 words (right)
    assert widths == sorted([-3.0, 2.0, -6.0, 9.0])
    # the unchanged sentence: a band across the whole row, behind the bars
    assert len(same) == 1 and same[0].get_x() == pytest.approx(ax.get_xlim()[0])
    assert same[0].get_width() == pytest.approx(ax.get_xlim()[1] - ax.get_xlim()[0])
    labels = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert labels == ["same", "changed", "only in Times of Israel", "only in Ahram Online"]


def test_wire_edits_one_pair_at_a_time():
    table = pd.concat([edits_table(), edits_table().assign(doc_b="scroll")])
    with pytest.raises(SchemaError, match="one pair"):
        plot.wire_edits(table)


def test_outlet_colours_are_stable_given_the_set():
    a = plot.outlet_colors(["TIME", "Scroll.in", "Ahram Online"])
    b = plot.outlet_colors(["Ahram Online", "TIME", "Scroll.in", "TIME"])
    assert a == b
    assert len(set(a.values())) == 3
    # colour-blind-safe palette only
    assert set(a.values()) <= set(plot.OKABE_ITO)


def test_figures_draw_on_a_given_axes_and_never_show(monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() called"))
    fig, ax = plt.subplots()
    assert plot.forest(result_table(), ax=ax) is ax
    fig, ax = plt.subplots()
    assert plot.rate_heatmap(scores_table(), ax=ax) is ax


def test_save_figure_writes_three_formats_deterministically(tmp_path):
    ax = plot.forest(result_table())
    paths = plot.save_figure(ax.figure, tmp_path / "sub" / "forest")
    assert [p.suffix for p in paths] == [".png", ".pdf", ".svg"]
    first = [p.read_bytes() for p in paths]
    assert first[0][:8] == b"\x89PNG\r\n\x1a\n"
    assert first[1][:5] == b"%PDF-"
    assert b"<svg" in first[2][:1000]
    plot.save_figure(ax.figure, tmp_path / "sub" / "forest")
    assert [p.read_bytes() for p in paths] == first
    # 300 dpi: a 3.5 in wide figure is about 1050 px wide (bbox tight trims a little)
    from matplotlib.image import imread

    width = imread(paths[0]).shape[1]
    assert 700 < width < 1400


def test_forest_draws_only_the_rate_ratios_of_a_compare_result():
    rows = []
    for group, est in (("A", 2.0), ("B", 0.5)):
        rows.append(dict(group=group, measure="hedging:epistemic [narrator] rate per 1k", estimate=3.0, ci_low=1.0,
                         ci_high=5.0))
        rows.append(dict(group=group, measure="hedging:epistemic [narrator] rate ratio vs pooled", estimate=est,
                         ci_low=est / 2, ci_high=est * 2))
    rows.append(dict(group="(all)", measure="hedging:epistemic [narrator] equal rates", estimate=float("nan"),
                     ci_low=float("nan"), ci_high=float("nan")))
    ax = plot.forest(pd.DataFrame(rows))
    assert len(errorbars(ax)) == 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["hedging:epistemic"]
    assert "vs pooled" in ax.get_xlabel() and "narrator" in ax.get_xlabel()


def test_share_plots_read_a_compare_shares_result_directly():
    rows = []
    for group, shares in (("A", (0.75, 0.25)), ("B", (0.5, 0.5))):
        for cat, s in zip(("neutral", "distancing"), shares):
            rows.append(dict(group=group, measure=f"verb_category={cat} share", estimate=s, ci_low=s / 2,
                             ci_high=min(1.0, s * 1.5)))
    rows.append(dict(group="A - B", measure="verb_category=neutral share difference", estimate=0.25, ci_low=-0.1,
                     ci_high=0.6))
    rows.append(dict(group="(all)", measure="verb_category Cramér's V", estimate=0.3, ci_low=0.0, ci_high=0.7))
    ax = plot.attribution_profile(pd.DataFrame(rows))
    # 2 outlets x 2 categories; the difference and V rows are not drawn
    assert sum(len(v) for v in dots(ax).values()) == 4 and len(intervals_of(ax)) == 4
    assert [t.get_text() for t in ax.figure.legends[0].get_texts()] == ["neutral", "distancing"]


def test_theme_is_restored_and_other_settings_are_left_alone():
    before = dict(matplotlib.rcParams)
    matplotlib.rcParams["interactive"] = False

    original = plot._new_axes

    def spy(ax, width, height):
        # something changes a setting while the figure is drawn, as IPython's plt.ion() does
        matplotlib.rcParams["interactive"] = True
        return original(ax, width, height)

    try:
        plot._new_axes = spy
        plot.forest(result_table())
        assert matplotlib.rcParams["interactive"] is True  # not undone by the theme
        assert matplotlib.rcParams["font.size"] == before["font.size"]  # theme undone
    finally:
        plot._new_axes = original
        matplotlib.rcParams["interactive"] = before["interactive"]


def test_label_shares_orders_legitimising_labels_before_neutral():
    # the loaded categories first, the legitimising ones next, the neutral ones last, whatever the table's row order
    rows = [dict(group="A", measure=cat, estimate=s, ci_low=s / 2, ci_high=min(1, s * 1.5))
            for cat, s in (("neutral", 0.5), ("legitimising", 0.3), ("terrorism", 0.2))]
    ax = plot.label_shares(pd.DataFrame(rows), intervals=False)
    legend = ax.get_legend() or ax.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["terrorism", "legitimising", "neutral"]
