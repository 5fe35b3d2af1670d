"""Writing the report page: the summary, one section per measure with its tables and figures, and the
evidence browser, filled into the page template (``templates/report.html``)."""

from __future__ import annotations

import html
import importlib
import importlib.resources
import json
import re
from collections.abc import Callable, Sequence
from string import Template
from typing import Any

import numpy as np
import pandas as pd

from framing import schema
from framing.report.analysis import VOICE_NAMES, Analysis, own_voice, slug
from framing.report.browser import EVIDENCE_FOLDER, Browser
from framing.report.evidence import KIND_TITLES

__all__ = ["page", "sections"]


def escape(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)) or value is pd.NA:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if v == 0:
            return "0"
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        if abs(v) < 0.001:
            return f"{v:.1e}"
        return f"{v:.3g}"
    return str(value)


def _link(text: str, spec: dict[str, str] | None = None, ids: Sequence[str] | None = None) -> str:
    attrs = ""
    if spec:
        attrs += f" data-filter='{escape(json.dumps(spec, ensure_ascii=False, sort_keys=True))}'"
    if ids:
        attrs += f' data-ev="{escape(" ".join(ids))}"'
    return f'<a class="evlink" href="#evidence"{attrs}>{text}</a>'


def table_html(
    table: pd.DataFrame,
    *,
    caption: str,
    csv: str | None,
    links: Sequence[tuple[dict[str, str] | None, Sequence[str] | None]] | None = None,
    columns: Sequence[str] | None = None,
    max_rows: int = 400,
) -> str:
    """An HTML table; with ``links`` every number in row i links to that row's evidence."""
    cols = list(columns) if columns is not None else list(table.columns)
    shared = ""
    for col in ("note", "method"):
        # a note or method that is the same on every row is said once, under the table
        if col in cols and len(table) > 1:
            values = table[col].astype("string").fillna("")
            if values.nunique() == 1:
                cols.remove(col)
                if values.iloc[0]:
                    shared += f'<p class="note">{escape(col.capitalize())} (every row): {escape(values.iloc[0])}</p>'
    head = "".join(f"<th>{escape(c)}</th>" for c in cols)
    body = []
    for i, row in enumerate(table[cols].head(max_rows).itertuples(index=False)):
        spec, ids = links[i] if links is not None and i < len(links) else (None, None)
        cells = []
        for value in row:
            numeric = (isinstance(value, (int, float, np.integer, np.floating))
                       and not isinstance(value, (bool, np.bool_)) and not pd.isna(value))
            text = escape(fmt(value))
            if numeric and text and (spec or ids):
                cells.append(f'<td class="num">{_link(text, spec, ids)}</td>')
            elif numeric:
                cells.append(f'<td class="num">{text}</td>')
            else:
                cells.append(f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(table) > max_rows:
        more = f'<p class="note">Showing the first {max_rows:,} of {len(table):,} rows; all are in the CSV file.</p>'
    csv_link = f' <a href="tables/{escape(csv)}">CSV</a>' if csv else ""
    return (f'<div class="table-wrap"><table><caption>{escape(caption)}{csv_link}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{shared}{more}")


def figure_html(stem: str, caption: str, *, alt: str, wide: bool = False) -> str:
    links = " ".join(f'<a href="figures/{escape(stem)}.{ext}">{ext.upper()}</a>' for ext in ("png", "pdf", "svg"))
    size = "wide" if wide else "column"
    return (f'<figure class="{size}"><img src="figures/{escape(stem)}.svg" alt="{escape(alt)}">'
            f"<figcaption>{escape(caption)} {links}</figcaption></figure>")


def notes_html(analysis: Analysis, section: str) -> str:
    parts = []
    if section in analysis.skipped:
        parts.append(f'<p class="note skipped">This section was {escape(analysis.skipped[section])}.</p>')
    for text in analysis.notes.get(section, []):
        parts.append(f'<p class="note">{escape(text)}</p>')
    return "".join(parts)


def _interval_caption(shares: pd.DataFrame | None) -> str:
    """What the dots and lines of a share figure are, with the interval method the table records."""
    text = "dots: each category's share of the group's rows; lines: its 95% interval"
    if shares is not None and len(shares):
        rows = shares[shares["measure"].astype(str).str.endswith(" share")]
        methods = list(dict.fromkeys(rows["method"].dropna().astype(str)))
        if methods:
            text += f" ({'; '.join(methods)})"
    return text + "."


def top_ratios(result: pd.DataFrame, n_measures: int = 8, min_count: int = 3) -> pd.DataFrame:
    """The rate-ratio rows of the measures that differ most between groups (for the figure only).

    A measure is ranked by its largest ``|log rate ratio|`` among groups with at
    least one match; measures with fewer than ``min_count`` matches in all are
    left out of the figure (they stay in the table).
    """
    ratios = result[result["measure"].astype(str).str.contains(" rate ratio ") & (result["group"] != "(all)")]
    if ratios.empty:
        return ratios
    est = pd.to_numeric(ratios["estimate"], errors="coerce")
    count = pd.to_numeric(ratios["count"], errors="coerce").fillna(0)
    strength = np.abs(np.log(est.where((est > 0) & (count > 0))))
    per_measure = (pd.DataFrame({"measure": ratios["measure"], "s": strength.fillna(0), "c": count})
                   .groupby("measure", sort=False).agg(s=("s", "max"), c=("c", "sum")))
    per_measure = per_measure[per_measure["c"] >= min_count].sort_values(["s"], ascending=False, kind="stable")
    keep = per_measure.head(n_measures).index
    return ratios[ratios["measure"].isin(keep)]


def sections(analysis, evidence, ref_ids, figures, tables, outlet_of, group_of, by, voice, keyness_n) -> list[tuple[str, str, str]]:
    """(anchor, title, html) of every section in order; sections of measures the report was not asked for
    (lexicons not chosen, no wire pairs) are left out."""
    not_asked = analysis.options.get("not_asked", set())
    return [s for s in _all_sections(analysis, evidence, ref_ids, figures, tables, outlet_of, group_of, by, voice,
                                     keyness_n) if s[0] not in not_asked]


def _all_sections(analysis, evidence, ref_ids, figures, tables, outlet_of, group_of, by, voice,
                  keyness_n) -> list[tuple[str, str, str]]:
    t = analysis.tables
    out: list[tuple[str, str, str]] = []
    corpus = analysis.corpus

    # ---- summary
    items = []
    outlets = sorted(corpus["outlet"].astype(str).unique())
    if len(outlets) <= 12:
        items.append(f"{len(corpus):,} articles from {len(outlets):,} outlets ({', '.join(map(escape, outlets))}).")
    else:  # a list of every outlet would swamp the summary: counts per group instead
        per = corpus.groupby(corpus[by].astype(str)).agg(a=("doc_id", "size"), o=("outlet", "nunique")) \
            if by != "outlet" and by in corpus.columns else None
        detail = "" if per is None else " (" + "; ".join(
            f"{escape(g)}: {int(r.a):,} articles, {int(r.o):,} outlets" for g, r in per.iterrows()) + ")"
        items.append(f"{len(corpus):,} articles from {len(outlets):,} outlets{detail}; every outlet is in the "
                     "tables and the evidence browser's outlet filter.")
    items.extend(_summary_sentences(analysis))
    skipped = [f"{escape(k)} ({escape(v)})" for k, v in sorted(analysis.skipped.items())]
    if skipped:
        items.append("Not run: " + "; ".join(skipped) + ".")
    note = ""
    if (corpus.groupby(by)["doc_id"].nunique() <= 1).all():
        note = ('<p class="note">Each outlet is represented by one article: every comparison below describes these '
                "articles, not the outlets' coverage in general.</p>")
    out.append(("summary", "Summary", note + '<ul class="summary">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"))

    # ---- actor labels
    body = notes_html(analysis, "labels")
    if "actor_labels" in t:
        labels = t["actor_labels"]
        if "label_shares" in figures:
            body += figure_html("label_shares", f"Label categories each {by} gives each actor in its own voice "
                                 "(labels inside quotes or reported as someone else's designation left out); "
                                 + _interval_caption(t.get("label_shares")), alt="label shares per group")
        whose = labels.assign(
            source=np.where(own_voice(labels), "own voice",
                            np.where(labels["voice"].astype(str) != "narrator", "quoted",
                                     "attributed to " + labels["attributed_to"].astype("string").fillna("")))
        )
        crosstab = (whose.groupby(["actor", "outlet", "source", "label_category"], sort=True)
                    .size().rename("labels").reset_index())
        links = []
        for r in crosstab.itertuples(index=False):
            part = whose[(whose["actor"] == r.actor) & (whose["outlet"] == r.outlet) & (whose["source"] == r.source)
                         & (whose["label_category"] == r.label_category)]
            links.append((None, [e for i in part.index for e in ref_ids.get(("actor_labels", int(_pos(labels, i))), [])]))
        body += table_html(crosstab, caption="Labels by actor, outlet and whose voice", csv=None, links=links)
        rows = labels.reset_index(drop=True)
        links = [(None, ref_ids.get(("actor_labels", i), [])) for i in range(len(rows))]
        body += table_html(rows, caption="Every label found", csv=tables.get("actor_labels"), links=links,
                            columns=[c for c in schema.ACTOR_LABELS if c in rows.columns])
        if "label_shares" in t:
            body += _shares_table(t["label_shares"], "Shares of label categories (own voice) with 95% intervals",
                                  tables.get("label_shares"), key=lambda r: f"label|{r.actor}|{r.category}", by=by)
    out.append(("labels", "Actor labels and whose voice", body))

    # ---- attributions
    body = notes_html(analysis, "attributions")
    if "attributions" in t:
        if "attribution_verbs" in figures:
            body += figure_html("attribution_verbs", f"Attribution verbs by stance in each {by}; "
                                 + _interval_caption(t.get("verb_shares")), alt="attribution verb shares per group")
        if "verb_shares" in t:
            body += _shares_table(t["verb_shares"], "Shares of attribution-verb categories with 95% intervals",
                                  tables.get("verb_shares"), key=lambda r: f"attribution|{r.category}", by=by)
        rows = t["attributions"].reset_index(drop=True)
        links = [(None, ref_ids.get(("attributions", i), [])) for i in range(len(rows))]
        body += table_html(rows, caption="Every attribution found", csv=tables.get("attributions"), links=links)
    out.append(("attributions", "Attribution verbs", body))

    # ---- casualties
    body = notes_html(analysis, "casualties")
    if "casualties" in t:
        if "casualty_constructions" in figures:
            body += figure_html("casualty_constructions", f"How each {by} reports deaths: active (an agent "
                                 "kills), passive with or without an agent, intransitive, nominal; "
                                 + _interval_caption(t.get("construction_shares")),
                                 alt="casualty constructions per group")
        if "construction_shares" in t:
            body += _shares_table(t["construction_shares"], "Shares of casualty constructions with 95% intervals",
                                  tables.get("construction_shares"), key=lambda r: f"casualty|{r.category}", by=by)
        rows = t["casualties"].reset_index(drop=True)
        links = [(None, ref_ids.get(("casualties", i), [])) for i in range(len(rows))]
        body += table_html(rows, caption="Every casualty statement", csv=tables.get("casualties"), links=links)
    out.append(("casualties", "Casualty framing", body))

    # ---- rates
    body = notes_html(analysis, "rates")
    if "scores" in t:
        voice_text = VOICE_NAMES.get(voice, "all voices") if voice else "all voices"
        body += figure_html("rates_heatmap", f"Lexicon category rates per 1,000 tokens by {by} ({voice_text}).",
                             alt="heatmap of category rates")
        if "rate_ratios" in figures:
            body += figure_html("rate_ratios", "Rate ratios against the pooled rate with 95% intervals, for the "
                                 "categories that differ most (all are in the table).", alt="forest plot of rate ratios")
        if "rate_ratios" in t:
            rr = t["rate_ratios"]
            rr = rr[rr["measure"].astype(str).str.contains(" rate ratio ")].reset_index(drop=True)
            links = []
            for r in rr.itertuples(index=False):
                if not (pd.to_numeric(r.count, errors="coerce") > 0):
                    links.append((None, None))  # nothing behind a zero count
                    continue
                lexcat = re.sub(r" \[[^\]]*\]$", "", str(r.measure).split(" rate ratio ")[0])
                spec = {"category": f"match|{lexcat}"}
                if voice:
                    spec["voice"] = voice
                if by == "outlet" and r.group != "(all)":
                    spec["outlet"] = str(r.group)
                links.append((spec, None))
            body += table_html(rr, caption="Rate ratios by category (Holm-adjusted p-values)",
                                csv=tables.get("rate_ratios"), links=links,
                                columns=["group", "measure", "estimate", "ci_low", "ci_high", "p_value", "p_adjusted",
                                         "count", "exposure", "n_docs", "method", "note"])
        overview, caption, links = _scores_overview(t["scores"], by)
        body += table_html(overview, caption=caption, csv=tables.get("scores"), links=links)
    out.append(("rates", "Lexicon rates", body))

    # ---- over time
    if "trends" in t or "trends" in analysis.notes:
        body = notes_html(analysis, "trends")
        if "trends" in t and len(t["trends"]):
            tr = t["trends"]
            if "trends" in figures:
                body += figure_html("trends", f"Lexicon category rates per 1,000 tokens by period and {by} (the "
                                     "categories with most matches): lines are the pooled rates, bands their 95% "
                                     "intervals clustered by document; dashed lines mark events.",
                                     alt="rates over time per group", wide=True)
            events = tr[tr["period"].isna()].reset_index(drop=True)
            if len(events):
                body += table_html(events, caption="Before and after each event (rate ratio after vs before, "
                                                   "clustered by document, Holm-adjusted)", csv=None,
                                   columns=["group", "measure", "estimate", "ci_low", "ci_high", "p_value",
                                            "p_adjusted", "n_docs", "note"])
            periods = tr[tr["period"].notna()].reset_index(drop=True)
            body += table_html(periods, caption=f"Rates per period and {by}", csv=tables.get("trends"),
                                columns=["period", "group", "measure", "estimate", "ci_low", "ci_high", "count",
                                         "exposure", "n_docs"], max_rows=200)
        out.append(("trends", "Over time", body))

    # ---- keyness
    body = notes_html(analysis, "keyness")
    if "keyness" in t and len(t["keyness"]):
        unit = analysis.options.get("keyness_unit", "token")
        min_docs = int(analysis.options.get("keyness_min_docs", 1))
        if unit == "token":
            how = "log-odds ratio of term counts with informative Dirichlet prior, z-test (tokens independent)"
        else:
            what_unit = "documents" if unit == "document" else f"{unit}s (within each {by})"
            how = (f"share of {what_unit} using the term, group against the rest (log odds ratio, z-test; "
                   f"{what_unit} independent)")
        kept = f"; terms used in at least {min_docs} documents" if min_docs > 1 else ""
        kw = t["keyness"]
        kw = kw[(pd.to_numeric(kw["z"], errors="coerce") > 0) & (pd.to_numeric(kw["p_adjusted"], errors="coerce") < 0.05)]
        if "keyness" in figures:
            body += figure_html("keyness", f"The {keyness_n} most distinctive terms of each {by} among those "
                                 f"significant after Holm adjustment (p < 0.05): {how}{kept}.",
                                 alt="distinctive terms per group", wide=True)
        if kw.empty:
            body += ('<p class="note">No term is distinctive of any group after Holm adjustment (p &lt; 0.05); '
                     "every term's statistics are in the CSV file.</p>")
        else:
            top = (kw.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable")
                   .groupby("group", sort=True).head(keyness_n).reset_index(drop=True))
            links = [({"outlet": str(r.group), "search": str(r.term)} if by == "outlet" else {"search": str(r.term)},
                      None) for r in top.itertuples(index=False)]
            body += table_html(top, caption=f"Distinctive terms (significant after Holm adjustment; {how}{kept})",
                               csv=tables.get("keyness"), links=links)
    out.append(("keyness", "Distinctive terms", body))

    # ---- wire copy
    body = notes_html(analysis, "wire")
    if "wire_pairs" in t:
        pairs = t["wire_pairs"].reset_index(drop=True)
        shown_pairs = (set(zip(t["edits"]["doc_a"].astype(str), t["edits"]["doc_b"].astype(str)))
                       if "edits" in t else set())
        links = []
        for r in pairs.itertuples(index=False):
            if (str(r.doc_a), str(r.doc_b)) not in shown_pairs:
                links.append((None, None))
                continue
            ids = list(evidence.loc[(evidence["kind"] == "wire") & evidence["doc_id"].isin([r.doc_a, r.doc_b]), "eid"])
            links.append((None, ids) if ids else (None, None))
        body += table_html(pairs, caption="Article pairs by shared copy", csv=tables.get("wire_pairs"), links=links)
    if "edits" in t and len(t["edits"]):
        for (a, b), part in t["edits"].groupby(["doc_a", "doc_b"], sort=True):
            stem = f"wire_edits_{slug(a)}_{slug(b)}"
            la, lb = outlet_of.get(str(a), a), outlet_of.get(str(b), b)
            if stem in figures:
                body += figure_html(stem, f"What {la} and {lb} each added, cut or reworded in the same agency copy, "
                                     "sentence by sentence.", alt="wire-copy edits")
            counts = part["op"].value_counts().reindex(list(schema.EDIT_OPS), fill_value=0)
            body += (f"<p>{escape(la)} and {escape(lb)}: {counts['same']} sentences the same, {counts['changed']} changed, "
                     f"{counts['only_a']} only in {escape(la)}, {counts['only_b']} only in {escape(lb)}.</p>")
            shown = part[part["op"] != "same"]
            links = [(None, ref_ids.get(("edits", int(i)), [])) for i in shown.index]
            body += table_html(shown.reset_index(drop=True), caption=f"Edits between {la} and {lb} (a: {la}, b: {lb})",
                                csv=tables.get("edits"), links=links,
                                columns=["op", "sentence_id_a", "sentence_id_b", "text_a", "text_b", "deleted",
                                         "inserted"])
    out.append(("wire", "Wire-copy edits", body))
    return out


def _pos(frame: pd.DataFrame, label: Any) -> int:
    return int(frame.index.get_loc(label))


def _shares_table(shares: pd.DataFrame, caption: str, csv: str | None, *, key: Callable, by: str) -> str:
    from framing.report.plot import share_rows

    rows = share_rows(shares).rename(columns={"measure": "category"}).reset_index(drop=True)
    cols = [c for c in ("actor", "group", "category", "estimate", "ci_low", "ci_high", "count", "exposure", "n_docs",
                        "note") if c in rows.columns]
    links = []
    for r in rows.itertuples(index=False):
        if not (pd.to_numeric(r.count, errors="coerce") > 0):
            links.append((None, None))  # nothing behind a zero count
            continue
        spec = {"category": key(r)}
        if by == "outlet":
            spec["outlet"] = str(r.group)
        links.append((spec, None))
    text = table_html(rows, caption=caption, csv=csv, links=links, columns=cols)
    tests = shares[shares["group"].astype(str) == "(all)"]
    if len(tests):
        text += table_html(tests.reset_index(drop=True), caption="Overall test and effect size", csv=None,
                            columns=[c for c in ("actor", "measure", "estimate", "ci_low", "ci_high", "statistic",
                                                 "p_value", "method", "note") if c in tests.columns])
    return text


def _scores_overview(scores: pd.DataFrame, by: str) -> tuple[pd.DataFrame, str, list]:
    """Counts per group, lexicon category and voice (every count links to its matches)."""
    merged = scores
    grouped = (merged.groupby([by, "lexicon", "category", "voice"], sort=True)["count"].sum().reset_index())
    grouped = grouped[grouped["count"] > 0].reset_index(drop=True)
    links = []
    for r in grouped.itertuples(index=False):
        spec = {"category": f"match|{r.lexicon}:{r.category}", "voice": str(r.voice)}
        if by == "outlet":
            spec["outlet"] = str(getattr(r, by))
        links.append((spec, None))
    return grouped, f"Lexicon matches by {by}, category and voice (non-zero counts)", links


def _summary_sentences(analysis: Analysis) -> list[str]:
    """Summary sentences, one per measure, by the report's group (``by``), so that their length does not grow
    with the number of outlets."""
    t = analysis.tables
    out = []
    by = analysis.options.get("by", "outlet")
    corpus = analysis.corpus
    group_of = dict(zip(corpus["doc_id"].astype(str), corpus[by].astype(str))) if by in corpus.columns else {}
    each = "outlet" if by == "outlet" else escape(by)

    def grouped(frame: pd.DataFrame) -> pd.Series:
        return frame["doc_id"].astype(str).map(group_of) if group_of else frame["outlet"].astype(str)

    if "actor_labels" in t and len(t["actor_labels"]):
        labels = t["actor_labels"].assign(_g=lambda f: grouped(f))
        own = labels[own_voice(labels)]
        for actor, part in labels.groupby("actor", sort=False):
            pieces = []
            for g, rows in part.groupby("_g", sort=True):
                mine = own[(own["actor"] == actor) & (own["_g"] == g)]
                freq = mine["label"].astype(str).value_counts(sort=False)
                if len(freq) > 5:
                    freq = freq.sort_values(ascending=False, kind="stable").head(5)
                    words = ", ".join(f"\u201c{escape(w)}\u201d ({n})" for w, n in freq.items()) + ", \u2026"
                else:
                    words = ", ".join(f"\u201c{escape(w)}\u201d" for w in dict.fromkeys(mine["label"].astype(str)))
                others = rows.drop(mine.index)
                extra = ""
                if len(others):
                    extra = f" (plus {len(others)} quoted or attributed to others)"
                pieces.append(f"<b>{escape(g)}</b>: {words or 'no label of its own'}{extra}")
            out.append(f"{escape(actor)} \u2014 labels in each {each}'s own voice: " + "; ".join(pieces) + ".")
    if "attributions" in t and len(t["attributions"]):
        att = t["attributions"].assign(_g=lambda f: grouped(f))
        tab = att.groupby("_g")["verb_category"].agg(lambda s: (s.astype(str) == "distancing").sum())
        tot = att.groupby("_g").size()
        parts = [f"{escape(o)} {int(tab[o])} of {int(tot[o])}" for o in sorted(tot.index)]
        out.append("Distancing attribution verbs (claimed, insisted, what it called…): " + "; ".join(parts) + ".")
    if "casualties" in t and len(t["casualties"]):
        cas = t["casualties"].assign(_g=lambda f: grouped(f))
        parts = []
        for o, rows in cas.groupby("_g", sort=True):
            n_agentless = int((rows["construction"] == "passive_agentless").sum())
            n_active = int((rows["construction"] == "active").sum())
            parts.append(f"{escape(o)}: {n_active} active, {n_agentless} agentless passive of {len(rows)}")
        out.append("Casualty statements \u2014 " + "; ".join(parts) + ".")
    if "edits" in t and len(t["edits"]):
        out.extend(_wire_summary(analysis, t["edits"]))
    return out


def _wire_summary(analysis: Analysis, edits: pd.DataFrame, top: int = 5) -> list[str]:
    """Wire copy in the summary: one sentence per pair when there are a few, else counts of pairs by the
    two outlets' groups and the pairs that changed the most."""
    corpus = analysis.corpus
    outlets = dict(zip(corpus["doc_id"].astype(str), corpus["outlet"].astype(str)))
    per_pair = []
    for (a, b), part in edits.groupby(["doc_a", "doc_b"], sort=True):
        counts = part["op"].value_counts()
        per_pair.append({"a": str(a), "b": str(b), "la": outlets.get(str(a), str(a)), "lb": outlets.get(str(b), str(b)),
                         "same": int(counts.get("same", 0)), "changed": int(counts.get("changed", 0)),
                         "only_a": int(counts.get("only_a", 0)), "only_b": int(counts.get("only_b", 0))})
    if len(per_pair) <= 3:
        return [f"Wire copy shared by {escape(p['la'])} and {escape(p['lb'])}: {p['same']} sentences unchanged, "
                f"{p['changed']} reworded, {p['only_a']} only in {escape(p['la'])}, {p['only_b']} only in "
                f"{escape(p['lb'])}." for p in per_pair]
    by = analysis.options.get("by", "outlet")
    group = dict(zip(corpus["doc_id"].astype(str), corpus[by].astype(str))) if by in corpus.columns else outlets
    kinds: dict[str, int] = {}
    for p in per_pair:
        ga, gb = sorted((group.get(p["a"], "?"), group.get(p["b"], "?")))
        key = f"{ga}" if ga == gb else f"{ga} and {gb}"
        kinds[key] = kinds.get(key, 0) + 1
    parts = [f"{n} within {escape(k)}" if " and " not in k else f"{n} between {escape(k)}"
             for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    edited = sorted(per_pair, key=lambda p: (-(p["changed"] + p["only_a"] + p["only_b"]), p["a"], p["b"]))[:top]
    tops = "; ".join(f"{escape(p['la'])} / {escape(p['lb'])} ({p['changed']} reworded, "
                     f"{p['only_a'] + p['only_b']} added or cut)" for p in edited)
    return [f"{len(per_pair):,} pairs of articles share wire copy ({'; '.join(parts)} by {escape(by)}); the "
            f"{len(edited)} most edited: {tops}. Every pair is in the wire-copy section."]


def _category_label(key: str) -> str:
    parts = key.split("|")
    kind = KIND_TITLES.get(parts[0], parts[0])
    if len(parts) == 1:
        return f"all {kind}"
    return f"{kind}: " + " \u203a ".join(parts[1:])


def page(analysis: Analysis, evidence: pd.DataFrame, sections, *, title: str, browser: Browser) -> str:
    """The report page: the sections, then the evidence browser's filters, legend and article index.

    The highlighted text of the articles is not in the page: it is in ``browser.files`` (written beside
    the page by the caller) and loaded when an article's page of the index is shown.
    """
    import framing

    corpus = analysis.corpus
    keys = list(dict.fromkeys(k for ks in evidence["keys"] for k in ks))
    kind_rank = {k: i for i, k in enumerate(KIND_TITLES)}
    keys.sort(key=lambda k: (kind_rank.get(k.split("|")[0], 99), k))
    index = browser.index
    n_files = len(browser.files)
    with_findings = int((index["n_findings"] > 0).sum())
    where = (f"one file, <code>{EVIDENCE_FOLDER}/0001.js</code>" if n_files <= 1 else
             f"{n_files:,} files, <code>{EVIDENCE_FOLDER}/0001.js</code> to <code>{EVIDENCE_FOLDER}/{n_files:04d}.js</code>")
    note = (f'<p class="note" id="paging">The browser indexes {len(index):,} articles ({with_findings:,} with '
            f"findings), {browser.per_page:,} to a page of the index. Their highlighted text is in {where}, "
            f"one page of the index to a file, beside this page (keep the <code>{EVIDENCE_FOLDER}/</code> folder "
            "with it); a file is loaded when its articles are shown. Articles are in order of outlet, then as in "
            "the corpus.</p>")
    if len(index) < len(corpus):
        note += (f'<p class="note">The browser indexes the first {len(index):,} of {len(corpus):,} articles '
                 "(max_articles); the tables and tables/evidence.csv cover them all.</p>")

    def options(values: Sequence[tuple[str, str]]) -> str:
        return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in values)

    outlets = sorted(set(map(str, corpus["outlet"])))
    # one colour per family (a lexicon's matches, an actor's labels, attributions, casualties, wire edits);
    # each swatch is a switch that shows or hides that family's highlights
    legend = "Highlights (untick to hide): " + "".join(
        f'<label class="sw" style="background:{colour}"><input type="checkbox" class="family" '
        f'value="{escape(k)}" checked>{escape(_category_label(k))}</label>' for k, colour in browser.colours.items()
    )
    legend += ('<br><span class="sw" style="outline:1.5px solid #555">own voice</span>'
               '<span class="sw" style="outline:1.5px dashed #333">in a quotation</span>'
               '<span class="sw" style="outline:1.5px dotted #000">in scare quotes</span>')
    toc = " ".join(f'<a href="#{a}">{escape(h)}</a>' for a, h, _ in sections) + ' <a href="#evidence">Evidence</a>'
    body = "\n".join(f'<section id="{a}"><h2>{escape(h)}</h2>\n{html_}\n</section>' for a, h, html_ in sections)
    meta = (f"{len(corpus):,} articles \u00b7 {len(evidence):,} highlighted findings \u00b7 "
            f"framing {escape(framing.__version__)} \u00b7 inputs, versions and parameters in "
            '<a href="manifest.json">manifest.json</a>')
    kinds = [k for k in KIND_TITLES if k in set(evidence["kind"])] + sorted(set(evidence["kind"]) - set(KIND_TITLES))
    kind_heads = "".join(f'<th class="num" title="{escape(KIND_TITLES.get(k, k))}">{escape(KIND_TITLES.get(k, k))}</th>'
                         for k in kinds)
    tpl = importlib.resources.files("framing.report.templates")
    page = Template(tpl.joinpath("report.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=escape(title), version=escape(framing.__version__), meta=meta, toc=toc, sections=body,
        css=tpl.joinpath("report.css").read_text(encoding="utf-8"),
        js=tpl.joinpath("report.js").read_text(encoding="utf-8"),
        outlet_options=options([(o, o) for o in outlets]),
        category_options=options([(k, _category_label(k)) for k in keys]),
        voice_options=options([(v, VOICE_NAMES[v]) for v in schema.VOICES]),
        kind_heads=kind_heads, kinds=escape(" ".join(kinds)),
        legend=legend, evidence_note=note, evidence_json=browser.page_data(),
    )
