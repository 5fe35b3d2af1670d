"""The evidence behind a report: one row per highlighted span (lexicon matches, actor labels, attributions,
casualty statements, wire-copy edits), with the keys the page filters by, and the highlighted text of a document.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from framing.report.analysis import Analysis

__all__ = ["HIGHLIGHT_COLOURS", "KIND_TITLES", "colours_for", "evidence_table", "segments"]


KIND_TITLES = {"match": "lexicon matches", "label": "actor labels", "attribution": "attributions",
                "casualty": "casualty statements", "wire": "wire-copy edits"}


def evidence_table(analysis: Analysis) -> pd.DataFrame:
    """One row per highlighted span: id, doc, offsets, kind, the keys it can be filtered by, voice, description."""
    rows: list[dict[str, Any]] = []
    t = analysis.tables

    def add(kind: str, doc: str, start: Any, end: Any, keys: list[str], voice: Any, desc: str, ref: tuple) -> None:
        if pd.isna(start) or pd.isna(end):
            return
        keys = [k.replace("|nan", "|uncategorised").replace("|None", "|uncategorised").replace("|<NA>", "|uncategorised")
                for k in keys]
        rows.append(dict(kind=kind, doc_id=str(doc), start=int(start), end=int(end), keys=keys,
                         voice=None if voice is None or pd.isna(voice) else str(voice), desc=desc, ref=ref))

    if "matches" in t:
        for i, r in enumerate(t["matches"].itertuples(index=False)):
            cat = f"{r.lexicon}:{r.category}"
            neg = " (negated)" if bool(r.negated) else ""
            # nested categories ("victims.children") can be filtered by their parents ("victims") too
            parts = str(r.category).split(".")
            nested = [f"match|{r.lexicon}:{'.'.join(parts[:i])}" for i in range(1, len(parts) + 1)]
            add("match", r.doc_id, r.start, r.end, ["match", f"match|{r.lexicon}", *nested], r.voice,
                f"{cat} \u00b7 \u201c{r.match}\u201d \u00b7 {r.voice}{neg}", ("matches", i))
    if "actor_labels" in t:
        for i, r in enumerate(t["actor_labels"].itertuples(index=False)):
            who = f" (attributed to {r.attributed_to})" if isinstance(r.attributed_to, str) and r.attributed_to else ""
            add("label", r.doc_id, r.start, r.end,
                ["label", f"label|{r.actor}", f"label|{r.actor}|{r.label_category}"], r.voice,
                f"label of {r.actor}: \u201c{r.label}\u201d ({r.label_category}, {r.pattern}) \u00b7 {r.voice}{who}",
                ("actor_labels", i))
    if "attributions" in t:
        for i, r in enumerate(t["attributions"].itertuples(index=False)):
            speaker = r.speaker if isinstance(r.speaker, str) and r.speaker else "no named speaker"
            add("attribution", r.doc_id, r.start, r.end, ["attribution", f"attribution|{r.verb_category}"], None,
                f"attribution: {speaker} \u2014 \u201c{r.verb}\u201d ({r.verb_category})", ("attributions", i))
    if "casualties" in t:
        for i, r in enumerate(t["casualties"].itertuples(index=False)):
            agent = f", agent: {r.agent}" if isinstance(r.agent, str) and r.agent else ""
            add("casualty", r.doc_id, r.start, r.end,
                ["casualty", f"casualty|{r.construction}", f"casualty|victims|{r.victim_category}"], r.voice,
                f"casualties: {r.victims} ({r.construction}{agent})", ("casualties", i))
    if "sources" in t:
        for i, r in enumerate(t["sources"].itertuples(index=False)):
            who = r.source if isinstance(r.source, str) and r.source else (
                "an anonymous source" if bool(r.anonymous) else "no named source")
            side = f", {r.affiliation}" if isinstance(r.affiliation, str) and r.affiliation else ""
            add("source", r.doc_id, r.start, r.end, ["source", f"source|{r.source_type}"], r.voice,
                f"{r.kind} statement of {who} ({r.source_type}{side}) \u2014 \u201c{r.verb}\u201d", ("sources", i))
    if "edits" in t and "_sentences" in t:
        sent = t["_sentences"].set_index(["doc_id", "sentence_id"])[["start", "end"]]
        for i, r in enumerate(t["edits"].itertuples(index=False)):
            if r.op == "same":
                continue
            for side, doc, sid in (("a", r.doc_a, r.sentence_id_a), ("b", r.doc_b, r.sentence_id_b)):
                if pd.isna(sid) or (doc, int(sid)) not in sent.index:
                    continue
                start, end = sent.loc[(doc, int(sid))]
                other = r.doc_b if side == "a" else r.doc_a
                what = {"changed": f"changed against {other}", "only_a": f"not in {other}",
                        "only_b": f"not in {other}"}[r.op]
                add("wire", doc, start, end, ["wire", f"wire|{r.op}"], None, f"wire copy: sentence {what}",
                    ("edits", i))
    ev = pd.DataFrame(rows, columns=["kind", "doc_id", "start", "end", "keys", "voice", "desc", "ref"])
    order = {"match": 0, "label": 1, "attribution": 2, "casualty": 3, "wire": 4, "source": 5}
    ev = ev.assign(_k=ev["kind"].map(order)).sort_values(["doc_id", "start", "_k", "end"], kind="stable")
    ev = ev.drop(columns="_k").reset_index(drop=True)
    ev["eid"] = [f"e{i}" for i in range(len(ev))]
    return ev


#: light tints of the Okabe-Ito colours, readable as a text background and told apart from each other
#: (one hue each: blue, orange, green, pink, yellow, vermillion, grey, purple)
HIGHLIGHT_COLOURS = ("#9fd0f5", "#ffd27f", "#8fe0c4", "#f0b6dc", "#f6ef9a", "#ffb08a", "#d3d3d3", "#c9b8f0")


def colours_for(keys: Sequence[str]) -> dict[str, str]:
    light = HIGHLIGHT_COLOURS
    return {key: light[i % len(light)] for i, key in enumerate(keys)}


def segments(text: str, spans: pd.DataFrame) -> str:
    """HTML of ``text`` with every evidence span wrapped; overlapping spans split into segments."""
    bounds = {0, len(text)}
    for s, e in zip(spans["start"], spans["end"]):
        bounds.add(max(0, min(len(text), int(s))))
        bounds.add(max(0, min(len(text), int(e))))
    cuts = sorted(bounds)
    starts = spans["start"].to_numpy(dtype=np.int64)
    ends = spans["end"].to_numpy(dtype=np.int64)
    ids = spans["eid"].to_numpy()
    out = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        if a == b:
            continue
        piece = html.escape(text[a:b], quote=False)
        covering = ids[(starts <= a) & (ends >= b)]
        if len(covering):
            out.append(f'<span class="ev" data-e="{" ".join(covering)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)
