"""The whole analysis of a corpus as one self-contained, evidence-linked report.

:func:`report` runs every measure (lexicon scores, actor labels, attributions,
casualty statements, wire-copy pairs and edits), compares outlets with the
statistics functions, and writes into one folder::

    index.html          summary, figures, tables and an evidence browser (works offline, as a file)
    tables/*.csv        every table behind the report
    figures/*.png|pdf|svg
    manifest.json       input file hashes, lexicon versions and content hashes, package and
                        dependency versions, parameters, random seeds, time

Every number in the HTML tables links to the spans of text behind it. A
section whose measure cannot run (a function missing from this installation,
too few outlets for a comparison) is kept with a visible note saying why,
never silently left out.
"""

from __future__ import annotations

import hashlib
import html
import importlib
import importlib.metadata
import importlib.resources
import json
import platform
import re
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from string import Template
from typing import Any

import numpy as np
import pandas as pd

from framing import io as stage_io
from framing import lexicon as stage_lexicon
from framing import match as stage_match
from framing import measures as stage_measures
from framing import schema
from framing import stats as stage_stats
from framing import text as stage_text
from framing.measures.actors import load_actors
from framing.errors import FramingError, InputNotFoundError, SchemaError

__all__ = ["report", "corpus_inputs", "MANIFEST_VOLATILE"]

#: manifest keys that change from run to run (everything else is reproducible)
MANIFEST_VOLATILE = ("created_utc",)

#: dependencies whose versions the manifest records
DEPENDENCIES = (
    "pandas", "numpy", "scipy", "scikit-learn", "statsmodels", "matplotlib", "seaborn",
    "nltk", "PyYAML", "pyarrow", "text2num", "joblib",
)

VOICE_NAMES = {"narrator": "outlet's own voice", "quote": "inside a quotation", "scare_quote": "inside scare quotes"}

Actors = Mapping[str, Sequence[str] | str]


# --------------------------------------------------------------------------- inputs


def parse_actor_option(value: str) -> tuple[str, list[str]]:
    """Parse a command-line ``"Name=alias1,alias2"`` (or just ``"Name"``) actor."""
    name, _, rest = value.partition("=")
    if not name.strip():
        raise SchemaError(f"--actor {value!r}: expected NAME=alias1,alias2")
    return name.strip(), [a.strip() for a in rest.split(",") if a.strip()]


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus_inputs(source: Any) -> list[dict[str, str]]:
    """Name and SHA-256 of every input file behind a corpus argument.

    ``"example"`` gives the bundled files (paths relative to the package data);
    a folder gives every file in it (recursively, sorted); a file gives itself;
    a DataFrame gives one entry hashing its ``doc_id``, ``outlet`` and ``text``.

    Returns
    -------
    list of dict
        Each with ``path`` and ``sha256``.
    """
    if isinstance(source, pd.DataFrame):
        digest = hashlib.sha256()
        for row in source[list(schema.CORPUS)].itertuples(index=False):
            for value in row:
                digest.update(str(value).encode("utf-8"))
                digest.update(b"\x00")
        return [{"path": "<DataFrame>", "sha256": digest.hexdigest()}]
    if isinstance(source, str) and source == "example":
        root = importlib.resources.files("framing.data") / "iran_pakistan_2024"
        entries = []
        for item in sorted(root.iterdir(), key=lambda x: x.name):
            if item.is_file() and item.name.endswith((".txt", ".csv")):
                entries.append({"path": f"example/iran_pakistan_2024/{item.name}",
                                "sha256": hashlib.sha256(item.read_bytes()).hexdigest()})
        return entries
    path = Path(source)
    if path.is_dir():
        return [{"path": str(p.relative_to(path)), "sha256": _sha256_file(p)}
                for p in sorted(path.rglob("*")) if p.is_file()]
    if path.is_file():
        return [{"path": path.name, "sha256": _sha256_file(path)}]
    raise InputNotFoundError(f"corpus {source} does not exist")


def _load_corpus(source: Any, outlet: str | None = None) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        schema.require(source, schema.CORPUS, what="corpus")
        return source
    if isinstance(source, str) and source == "example":
        return stage_io.example_corpus()
    path = Path(source)
    if not path.exists():
        raise InputNotFoundError(f"corpus {source} does not exist (give a file, a folder, or 'example')")
    return stage_io.read_corpus(path, outlet=outlet)


# --------------------------------------------------------------------------- running the analysis


@dataclass
class _Analysis:
    corpus: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    lexicons: list[dict[str, str]] = field(default_factory=list)

    def note(self, section: str, text: str) -> None:
        self.notes.setdefault(section, []).append(text)


def _stat(analysis: _Analysis, section: str, key: str, func: Callable | None, name: str, *args,
          what: str | None = None, **kwargs) -> None:
    """Run one statistics call; a failure becomes a visible note in its section."""
    what = what or key.replace("_", " ")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = func(*args, **kwargs)
        for w in caught:
            if issubclass(w.category, (RuntimeWarning, DeprecationWarning, FutureWarning)):
                continue
            message = str(w.message)
            if message not in analysis.notes.get(section, []):
                analysis.note(section, message)
        analysis.tables[key] = pd.DataFrame(result)
    except FramingError as exc:
        analysis.note(section, f"{what} not computed: {exc}")
    except Exception as exc:  # noqa: BLE001 - a failing comparison must not lose the rest of the report
        message = f"{what} failed with {type(exc).__name__}: {exc}"
        analysis.note(section, message)
        warnings.warn(f"framing report: {message}", RuntimeWarning, stacklevel=2)


def _lexicon_info(names: Sequence[str] | None) -> list[dict[str, str]]:
    if names is None:
        names = stage_lexicon.lexicon_names()
    info = []
    for name in names:
        lex = stage_lexicon.load_lexicon(name)
        info.append({
            "name": str(getattr(lex, "name", name)),
            "version": str(getattr(lex, "version", "")),
            "content_hash": str(getattr(lex, "content_hash", "")),
        })
    return info


def _analyse(
    corpus: pd.DataFrame,
    *,
    actors: dict[str, list[str]] | None,
    lexicons: Sequence[str] | None,
    wire: Sequence[tuple[str, str]] | None,
    min_wire_similarity: float,
    by: str,
    voice: str | None,
    seed: int,
    n_resamples: int,
    keyness_terms: int,
    progress: bool,
) -> _Analysis:
    from tqdm import tqdm

    analysis = _Analysis(corpus=corpus)
    steps: list[tuple[str, Callable[[], None]]] = []

    annotations = stage_text.annotate(corpus)

    def matches_for(*names: str) -> dict[str, Any]:
        # the matches found once serve a measure whose lexicons were among those matched
        if lexicons is None or set(names) <= set(map(str, lexicons)):
            return {"matches": analysis.tables.get("matches"), "annotations": annotations}
        return {"annotations": annotations}

    def matches_step() -> None:
        analysis.tables["matches"] = stage_match.find(corpus, lexicons=list(lexicons) if lexicons is not None else None,
                                                      annotations=annotations)

    def scores_step() -> None:
        analysis.tables["scores"] = stage_match.score(
            corpus, lexicons=list(lexicons) if lexicons is not None else None, matches=analysis.tables["matches"],
            annotations=annotations)
        analysis.lexicons = _lexicon_info(
            list(lexicons) if lexicons is not None else sorted(set(analysis.tables["scores"]["lexicon"].astype(str)))
        )

    def labels_step() -> None:
        func = stage_measures.actor_labels
        if not actors:
            analysis.skipped["labels"] = ("not run: no actors were given (a study's `actors:`, `--actors FILE.yaml` "
                                          "or `--actor \"Name=alias1,alias2\"`)")
            return
        analysis.tables["actor_labels"] = func(corpus, actors, **matches_for("actor_labels", "attribution"))

    def attributions_step() -> None:
        func = stage_measures.attributions
        analysis.tables["attributions"] = func(corpus, **matches_for("attribution"))

    def casualties_step() -> None:
        func = stage_measures.casualties
        analysis.tables["casualties"] = func(corpus, **matches_for("casualty"))

    def wire_step() -> None:
        pairs_f, edits_f = stage_measures.wire_pairs, stage_measures.edits
        pairs = pd.DataFrame(pairs_f(corpus))
        analysis.tables["wire_pairs"] = pairs
        if wire is not None:
            chosen = [tuple(p) for p in wire]
        else:
            strong = pairs[pd.to_numeric(pairs["similarity"], errors="coerce") >= min_wire_similarity]
            chosen = list(zip(strong["doc_a"].astype(str), strong["doc_b"].astype(str)))
            if not chosen:
                analysis.note("wire", f"no pair of articles shares agency copy (similarity >= {min_wire_similarity:g})")
        known = set(corpus["doc_id"].astype(str))
        frames = []
        for a, b in chosen:
            for d in (a, b):
                if d not in known:
                    raise SchemaError(f"wire pair ({a}, {b}): no document {d!r} in the corpus")
            frames.append(pd.DataFrame(edits_f(corpus, a, b)))
        analysis.tables["edits"] = (pd.concat(frames, ignore_index=True) if frames
                                    else pd.DataFrame(columns=list(schema.EDITS)))
        if frames:
            analysis.tables["_sentences"] = annotations.sentences

    def stats_step() -> None:
        compare, shares = stage_stats.compare, stage_stats.compare_shares
        opts = dict(seed=seed, n_resamples=n_resamples)
        if "scores" in analysis.tables:
            _stat(analysis, "rates", "rate_ratios", compare, "compare", analysis.tables["scores"], by,
                  voice=voice, corpus=corpus, **opts)
        if "actor_labels" in analysis.tables:
            labels = analysis.tables["actor_labels"]
            own = labels[_own_voice(labels)]
            frames = []
            for actor in actors or {}:
                part = own[own["actor"] == actor]
                key = f"label_shares_{_slug(actor)}"
                if part.empty:
                    analysis.note("labels", f"{actor}: no label in an outlet's own voice, nothing to compare")
                    continue
                _stat(analysis, "labels", key, shares, "compare_shares", part, by, "label_category", corpus=corpus,
                      what=f"label shares of {actor}", **opts)
                if key in analysis.tables:
                    frames.append(analysis.tables.pop(key).assign(actor=actor))
            if frames:
                analysis.tables["label_shares"] = pd.concat(frames, ignore_index=True)
        if "attributions" in analysis.tables:
            _stat(analysis, "attributions", "verb_shares", shares, "compare_shares", analysis.tables["attributions"],
                  by, "verb_category", corpus=corpus, **opts)
        if "casualties" in analysis.tables:
            _stat(analysis, "casualties", "construction_shares", shares, "compare_shares",
                  analysis.tables["casualties"], by, "construction", corpus=corpus, **opts)
        try:
            analysis.tables["keyness"] = pd.DataFrame(stage_stats.keyness(corpus, by=by))
        except FramingError as exc:
            analysis.note("keyness", f"keyness not computed: {exc}")

    steps = [
        ("lexicon matches", "rates", matches_step), ("scores", "rates", scores_step),
        ("actor labels", "labels", labels_step), ("attributions", "attributions", attributions_step),
        ("casualties", "casualties", casualties_step), ("wire copy", "wire", wire_step),
        ("statistics", "statistics", stats_step),
    ]
    bar = tqdm(steps, desc="framing report", unit="step", disable=not progress, file=sys.stderr, leave=False)
    for label, section, step in bar:
        bar.set_postfix_str(label)
        try:
            step()
        except ImportError as exc:  # a part of the library this installation lacks
            analysis.skipped.setdefault(section, f"not run: {exc}")
    bar.close()
    return analysis


def _own_voice(labels: pd.DataFrame) -> pd.Series:
    attributed = labels["attributed_to"].notna() & (labels["attributed_to"].astype("string").str.len() > 0)
    return (labels["voice"].astype(str) == "narrator") & ~attributed


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")
    return slug or "x"


# --------------------------------------------------------------------------- evidence


_KIND_TITLES = {"match": "lexicon matches", "label": "actor labels", "attribution": "attributions",
                "casualty": "casualty statements", "wire": "wire-copy edits"}


def _evidence(analysis: _Analysis) -> pd.DataFrame:
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
    order = {"match": 0, "label": 1, "attribution": 2, "casualty": 3, "wire": 4}
    ev = ev.assign(_k=ev["kind"].map(order)).sort_values(["doc_id", "start", "_k", "end"], kind="stable")
    ev = ev.drop(columns="_k").reset_index(drop=True)
    ev["eid"] = [f"e{i}" for i in range(len(ev))]
    return ev


#: light tints of the Okabe-Ito colours, readable as a text background
HIGHLIGHT_COLOURS = ("#9fd0f5", "#ffd27f", "#8fe0c4", "#f0b6dc", "#c8e7fa", "#ffb27f", "#f6ef9a", "#d3d3d3")


def _colours_for(keys: Sequence[str]) -> dict[str, str]:
    light = HIGHLIGHT_COLOURS
    return {key: light[i % len(light)] for i, key in enumerate(keys)}


def _segments(text: str, spans: pd.DataFrame) -> str:
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


# --------------------------------------------------------------------------- HTML pieces


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _fmt(value: Any) -> str:
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
        attrs += f" data-filter='{_e(json.dumps(spec, ensure_ascii=False, sort_keys=True))}'"
    if ids:
        attrs += f' data-ev="{_e(" ".join(ids))}"'
    return f'<a class="evlink" href="#evidence"{attrs}>{text}</a>'


def _table_html(
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
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = []
    for i, row in enumerate(table[cols].head(max_rows).itertuples(index=False)):
        spec, ids = links[i] if links is not None and i < len(links) else (None, None)
        cells = []
        for value in row:
            numeric = (isinstance(value, (int, float, np.integer, np.floating))
                       and not isinstance(value, (bool, np.bool_)) and not pd.isna(value))
            text = _e(_fmt(value))
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
    csv_link = f' <a href="tables/{_e(csv)}">CSV</a>' if csv else ""
    return (f'<div class="table-wrap"><table><caption>{_e(caption)}{csv_link}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{more}")


def _figure_html(stem: str, caption: str, *, alt: str, wide: bool = False) -> str:
    links = " ".join(f'<a href="figures/{_e(stem)}.{ext}">{ext.upper()}</a>' for ext in ("png", "pdf", "svg"))
    size = "wide" if wide else "column"
    return (f'<figure class="{size}"><img src="figures/{_e(stem)}.svg" alt="{_e(alt)}">'
            f"<figcaption>{_e(caption)} {links}</figcaption></figure>")


def _notes_html(analysis: _Analysis, section: str) -> str:
    parts = []
    if section in analysis.skipped:
        parts.append(f'<p class="note skipped">This section was {_e(analysis.skipped[section])}.</p>')
    for text in analysis.notes.get(section, []):
        parts.append(f'<p class="note">{_e(text)}</p>')
    return "".join(parts)


# --------------------------------------------------------------------------- report


def report(
    corpus: pd.DataFrame | str | Path,
    out_dir: str | Path,
    *,
    actors: Actors | str | Path | None = None,
    lexicons: Sequence[str] | None = None,
    wire: Sequence[tuple[str, str]] | None = None,
    min_wire_similarity: float = 0.25,
    by: str = "outlet",
    voice: str | None = "narrator",
    seed: int = 0,
    n_resamples: int = 1999,
    keyness_terms: int = 10,
    title: str | None = None,
    max_articles: int = 500,
    parameters: Mapping[str, Any] | None = None,
    progress: bool = False,
    source_label: str | None = None,
    outlet: str | None = None,
    csv_escape: bool = True,
) -> Path:
    """Run the whole analysis of a corpus and write an evidence-linked report.

    Parameters
    ----------
    corpus : pandas.DataFrame, str or Path
        A corpus table, any path :func:`framing.read_corpus` reads, or
        ``"example"`` for the bundled corpus.
    out_dir : str or Path
        Folder to write into (created). Files of an earlier report in it are replaced, and those
        the new report does not write again are removed; any other file (a table or figure of
        your own) is left alone. Each file is written under a temporary name and renamed when
        complete; a second run writing the same folder fails at once
        (:class:`~framing.errors.OutputError`), as does a folder that is a file or cannot be
        written, before the analysis runs.
    actors : mapping, str or Path, optional
        Actor name -> aliases, or a YAML file of that mapping (see
        :func:`load_actors`). Without actors the label section says so.
    lexicons : sequence of str, optional
        Lexicons to score (default: every bundled lexicon).
    wire : sequence of (doc_a, doc_b), optional
        Wire-copy pairs whose edits to show; default every pair from
        :func:`framing.wire_pairs` with ``similarity >= min_wire_similarity``.
    min_wire_similarity : float
        Threshold for the default wire pairs.
    by : str
        Column to compare by (``outlet``, or any corpus metadata column).
    voice : str or None
        Voice whose rates are compared (default the outlet's own, ``narrator``;
        None pools every voice).
    seed : int
        Seed of every resampling and Monte Carlo test.
    n_resamples : int
        Resamples / Monte Carlo draws of the statistics.
    keyness_terms : int
        Distinctive terms shown per group.
    title : str, optional
        Report title.
    max_articles : int
        Articles shown in the evidence browser (the tables cover all).
    parameters : mapping, optional
        Further parameters to record in the manifest (e.g. a study's name).
    progress : bool
        Show a progress bar on standard error.
    source_label : str, optional
        How the manifest names the corpus (a study gives the path relative to its spec).
    outlet : str, optional
        The outlet of every document a corpus read from a path gives none (as in
        :func:`framing.read_corpus`); recorded in the manifest's parameters.
    csv_escape : bool
        Write text cells of the CSV tables that a spreadsheet would run as formulas (starting
        with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) with a leading ``'``
        (numbers are never changed). False writes every cell as it is.

    Returns
    -------
    pathlib.Path
        The written ``index.html``. Beside it: ``tables/*.csv`` (``matches``,
        ``scores``, ``actor_labels``, ``attributions``, ``casualties``,
        ``wire_pairs``, ``edits``, ``rate_ratios``, ``label_shares``,
        ``verb_shares``, ``construction_shares``, ``keyness`` — the columns of
        :mod:`framing.schema`; ``label_shares`` adds ``actor``; and
        ``evidence.csv``: ``eid, kind, doc_id, outlet, start, end, voice, keys,
        description``), ``figures/*.{png,pdf,svg}`` and ``manifest.json``.
    """
    from framing import _atomic, _signals

    out = Path(out_dir)
    check_output_dir(out)  # before the analysis: a file in the way, a folder that cannot be created
    with _signals.terminate_as_interrupt(), _atomic.OutputLock(out, folder=True):  # writable, and ours alone
        source = corpus
        actors_map = load_actors(actors) if actors is not None else None
        table = _load_corpus(source, outlet)
        if outlet is not None:
            parameters = {"outlet": outlet, **dict(parameters or {})}
        if by not in table.columns:
            raise SchemaError(f"cannot compare by {by!r}: the corpus has no such column; "
                              f"columns: {list(table.columns)}")
        analysis = _analyse(
            table, actors=actors_map, lexicons=lexicons, wire=wire, min_wire_similarity=min_wire_similarity, by=by,
            voice=voice, seed=seed, n_resamples=n_resamples, keyness_terms=keyness_terms, progress=progress,
        )
        params = {
            "by": by, "voice": voice, "lexicons": list(lexicons) if lexicons is not None else None,
            "actors": actors_map, "wire": [list(p) for p in wire] if wire is not None else None,
            "min_wire_similarity": min_wire_similarity, "n_resamples": n_resamples, "keyness_terms": keyness_terms,
            "max_articles": max_articles, **dict(parameters or {}),
        }
        return _write(analysis, out, source=source, title=title or "Framing report", params=params,
                      seed=seed, keyness_n=keyness_terms, max_articles=max_articles, by=by, voice=voice,
                      source_label=source_label, csv_escape=csv_escape)


#: the sub-folders of a report folder
REPORT_FOLDERS = ("tables", "figures")


def check_output_dir(out: Path) -> None:
    """Refuse a report folder that cannot be made, before any work is done.

    Creates ``out`` (and its ``tables/`` and ``figures/``) if needed.

    Raises
    ------
    OutputError
        ``out`` or one of its sub-folders is an existing file, or ``out`` cannot be created.
    """
    from framing.errors import OutputError

    for folder in (*(out / name for name in REPORT_FOLDERS), out, *out.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{folder}: is a file; the report needs a folder there (give another output folder)")
            if folder in out.parents:
                break
    try:
        for name in REPORT_FOLDERS:
            (out / name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the report folder ({exc.strerror or exc})") from None


def _own_files(out: Path) -> dict[str, str]:
    """Files an earlier report wrote in ``out`` (relative path -> SHA-256), from its manifest.

    Only paths inside ``tables/`` and ``figures/`` (and ``index.html``) count; an unreadable
    or foreign manifest gives none, so nothing is removed.
    """
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        outputs = manifest["outputs"]
        files = outputs.get("files")
        if files is None:  # a report of an earlier version: its tables (with hashes) and figures
            files = {f"tables/{name}.csv": digest for name, digest in outputs.get("tables", {}).items()}
            files.update({rel: None for rel in outputs.get("figures", [])})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    own = {}
    for rel, digest in dict(files).items():
        parts = Path(str(rel)).parts
        if (len(parts) == 2 and parts[0] in REPORT_FOLDERS and parts[1] not in ("..", ".")) or parts == ("index.html",):
            own[str(rel)] = digest
    return own


def _remove_stale(out: Path, before: Mapping[str, str | None], now: Mapping[str, str]) -> list[str]:
    """Remove the files an earlier report wrote that this one did not, if unchanged since; return
    the paths of those kept because they were changed."""
    kept = []
    for rel, digest in sorted(before.items()):
        path = out / rel
        if rel in now or not path.is_file() or path.is_symlink():
            continue
        if digest is not None and _sha256_file(path) != digest:
            kept.append(rel)  # edited since: it is the user's now
            continue
        path.unlink(missing_ok=True)
    return kept


def _write(analysis: _Analysis, out: Path, *, source: Any, title: str, params: dict, seed: int, keyness_n: int,
           max_articles: int, by: str, voice: str | None, source_label: str | None = None,
           csv_escape: bool = True) -> Path:
    import matplotlib

    matplotlib.use("Agg", force=False) if matplotlib.get_backend().lower() != "agg" else None
    import matplotlib.pyplot as plt

    from framing import _atomic, _formulas
    from framing.report import plot

    before = _own_files(out)  # what an earlier report wrote here: the only files ever removed
    for name in REPORT_FOLDERS:
        (out / name).mkdir(parents=True, exist_ok=True)
    corpus = analysis.corpus
    t = analysis.tables
    groups = sorted(map(str, corpus[by].unique()))
    palette = plot.outlet_colors(groups)
    evidence = _evidence(analysis)
    outlet_of = dict(zip(corpus["doc_id"].astype(str), corpus["outlet"].astype(str)))
    group_of = dict(zip(corpus["doc_id"].astype(str), corpus[by].astype(str)))
    ref_ids: dict[tuple[str, int], list[str]] = {}
    for eid, ref in zip(evidence["eid"], evidence["ref"]):
        ref_ids.setdefault(ref, []).append(eid)

    # ---- tables
    written_tables: dict[str, str] = {}

    def write_table(name: str, frame: pd.DataFrame) -> str:
        path = out / "tables" / f"{name}.csv"
        with _atomic.atomic_open(path, "w", encoding="utf-8", newline="") as fh:
            (_formulas.neutralise(frame) if csv_escape else frame).to_csv(fh, index=False, lineterminator="\n")
        written_tables[name] = path.name
        return path.name

    for name in ("matches", "scores", "actor_labels", "attributions", "casualties", "wire_pairs", "edits",
                 "rate_ratios", "label_shares", "verb_shares", "construction_shares", "keyness"):
        if name in t:
            write_table(name, t[name])
    ev_out = evidence.assign(outlet=evidence["doc_id"].map(outlet_of), keys=evidence["keys"].map("; ".join),
                             description=evidence["desc"])
    write_table("evidence", ev_out[["eid", "kind", "doc_id", "outlet", "start", "end", "voice", "keys", "description"]])

    # ---- figures
    figures: dict[str, str] = {}

    def figure(stem: str, draw: Callable[[], Any]) -> None:
        obj = draw()
        fig = obj if hasattr(obj, "savefig") else obj.figure
        plot.save_figure(fig, out / "figures" / stem)
        plt.close(fig)
        figures[stem] = stem

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        if "scores" in t:
            figure("rates_heatmap", lambda: plot.rate_heatmap(t["scores"], voice=voice, by=by))
        if "rate_ratios" in t and len(t["rate_ratios"]):
            figure("rate_ratios", lambda: plot.forest(_top_ratios(t["rate_ratios"]), palette=palette))
        if "label_shares" in t and len(plot.share_rows(t["label_shares"])):
            figure("label_shares", lambda: plot.label_shares(t["label_shares"]))
        if "verb_shares" in t and len(plot.share_rows(t["verb_shares"])):
            figure("attribution_verbs", lambda: plot.attribution_profile(t["verb_shares"]))
        if "construction_shares" in t and len(plot.share_rows(t["construction_shares"])):
            figure("casualty_constructions", lambda: plot.casualty_constructions(t["construction_shares"]))
        if "keyness" in t and len(t["keyness"]):
            figure("keyness", lambda: plot.keyness_terms(t["keyness"], n=keyness_n, palette=palette))
        if "edits" in t and len(t["edits"]):
            for (a, b), part in t["edits"].groupby(["doc_a", "doc_b"], sort=True):
                la, lb = outlet_of.get(str(a), str(a)), outlet_of.get(str(b), str(b))
                figure(f"wire_edits_{_slug(a)}_{_slug(b)}",
                       lambda part=part, la=la, lb=lb: plot.wire_edits(part, label_a=la, label_b=lb))

    # ---- HTML
    sections = _sections(analysis, evidence, ref_ids, figures, written_tables, outlet_of, group_of, by, voice,
                         keyness_n)
    html_text = _page(analysis, evidence, sections, title=title, outlet_of=outlet_of, max_articles=max_articles)
    index = _atomic.write_text(out / "index.html", html_text)
    written = {f"tables/{fn}": _sha256_file(out / "tables" / fn) for fn in written_tables.values()}
    written.update({rel: _sha256_file(out / rel) for rel in
                    (f"figures/{stem}.{ext}" for stem in figures for ext in ("png", "pdf", "svg"))})
    written["index.html"] = _sha256_file(index)
    kept = _remove_stale(out, before, written)
    if kept:
        warnings.warn(f"{out}: kept {', '.join(kept)} from an earlier report (changed since it was written)",
                      stacklevel=3)

    # ---- manifest
    manifest = {
        "framing_version": _version("news-framing"),
        "created_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "dependencies": {name: _version(name) for name in DEPENDENCIES},
        "corpus": {"source": source_label if source_label is not None else (
                       source if isinstance(source, str) else
                       ("<DataFrame>" if isinstance(source, pd.DataFrame) else str(source))),
                   "n_documents": int(len(corpus)), "documents": sorted(corpus["doc_id"].astype(str)),
                   "files": corpus_inputs(source)},
        "lexicons": analysis.lexicons,
        "parameters": params,
        "seeds": {"statistics": seed},
        "sections_skipped": dict(sorted(analysis.skipped.items())),
        "notes": {k: v for k, v in sorted(analysis.notes.items())},
        "outputs": {
            "tables": {name: _sha256_file(out / "tables" / fn) for name, fn in sorted(written_tables.items())},
            "figures": sorted(f"figures/{stem}.{ext}" for stem in figures for ext in ("png", "pdf", "svg")),
            "files": dict(sorted(written.items())),  # every file this report wrote: the next run's to replace
            "csv_escape": csv_escape,
        },
    }
    _atomic.write_text(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")
    return index


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _top_ratios(result: pd.DataFrame, n_measures: int = 8, min_count: int = 3) -> pd.DataFrame:
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


def _sections(analysis, evidence, ref_ids, figures, tables, outlet_of, group_of, by, voice, keyness_n) -> list[tuple[str, str, str]]:
    """(anchor, title, html) of every section in order."""
    t = analysis.tables
    out: list[tuple[str, str, str]] = []
    corpus = analysis.corpus

    # ---- summary
    items = []
    items.append(f"{len(corpus):,} articles from {corpus['outlet'].nunique():,} outlets "
                 f"({', '.join(_e(o) for o in sorted(corpus['outlet'].astype(str).unique()))}).")
    items.extend(_summary_sentences(analysis))
    skipped = [f"{_e(k)} ({_e(v)})" for k, v in sorted(analysis.skipped.items())]
    if skipped:
        items.append("Not run: " + "; ".join(skipped) + ".")
    note = ""
    if (corpus.groupby(by)["doc_id"].nunique() <= 1).all():
        note = ('<p class="note">Each outlet is represented by one article: every comparison below describes these '
                "articles, not the outlets' coverage in general.</p>")
    out.append(("summary", "Summary", note + '<ul class="summary">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"))

    # ---- actor labels
    body = _notes_html(analysis, "labels")
    if "actor_labels" in t:
        labels = t["actor_labels"]
        if "label_shares" in figures:
            body += _figure_html("label_shares", "Label categories each outlet gives each actor in its own voice "
                                 "(labels inside quotes or reported as someone else's designation left out); "
                                 "whiskers: 95% intervals of each share.", alt="stacked label shares per outlet")
        whose = labels.assign(
            source=np.where(_own_voice(labels), "own voice",
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
        body += _table_html(crosstab, caption="Labels by actor, outlet and whose voice", csv=None, links=links)
        rows = labels.reset_index(drop=True)
        links = [(None, ref_ids.get(("actor_labels", i), [])) for i in range(len(rows))]
        body += _table_html(rows, caption="Every label found", csv=tables.get("actor_labels"), links=links,
                            columns=[c for c in schema.ACTOR_LABELS if c in rows.columns])
        if "label_shares" in t:
            body += _shares_table(t["label_shares"], "Shares of label categories (own voice) with 95% intervals",
                                  tables.get("label_shares"), key=lambda r: f"label|{r.actor}|{r.category}", by=by)
    out.append(("labels", "Actor labels and whose voice", body))

    # ---- attributions
    body = _notes_html(analysis, "attributions")
    if "attributions" in t:
        if "attribution_verbs" in figures:
            body += _figure_html("attribution_verbs", "Attribution verbs by stance in each outlet; whiskers: 95% "
                                 "intervals of each share.", alt="attribution verb shares per outlet")
        if "verb_shares" in t:
            body += _shares_table(t["verb_shares"], "Shares of attribution-verb categories with 95% intervals",
                                  tables.get("verb_shares"), key=lambda r: f"attribution|{r.category}", by=by)
        rows = t["attributions"].reset_index(drop=True)
        links = [(None, ref_ids.get(("attributions", i), [])) for i in range(len(rows))]
        body += _table_html(rows, caption="Every attribution found", csv=tables.get("attributions"), links=links)
    out.append(("attributions", "Attribution verbs", body))

    # ---- casualties
    body = _notes_html(analysis, "casualties")
    if "casualties" in t:
        if "casualty_constructions" in figures:
            body += _figure_html("casualty_constructions", "How each outlet reports deaths: active (an agent "
                                 "kills), passive with or without an agent, intransitive, nominal; whiskers: 95% "
                                 "intervals.", alt="casualty constructions per outlet")
        if "construction_shares" in t:
            body += _shares_table(t["construction_shares"], "Shares of casualty constructions with 95% intervals",
                                  tables.get("construction_shares"), key=lambda r: f"casualty|{r.category}", by=by)
        rows = t["casualties"].reset_index(drop=True)
        links = [(None, ref_ids.get(("casualties", i), [])) for i in range(len(rows))]
        body += _table_html(rows, caption="Every casualty statement", csv=tables.get("casualties"), links=links)
    out.append(("casualties", "Casualty framing", body))

    # ---- rates
    body = _notes_html(analysis, "rates")
    if "scores" in t:
        voice_text = VOICE_NAMES.get(voice, "all voices") if voice else "all voices"
        body += _figure_html("rates_heatmap", f"Lexicon category rates per 1,000 tokens by {by} ({voice_text}).",
                             alt="heatmap of category rates")
        if "rate_ratios" in figures:
            body += _figure_html("rate_ratios", "Rate ratios against the pooled rate with 95% intervals, for the "
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
            body += _table_html(rr, caption="Rate ratios by category (Holm-adjusted p-values)",
                                csv=tables.get("rate_ratios"), links=links,
                                columns=["group", "measure", "estimate", "ci_low", "ci_high", "p_value", "p_adjusted",
                                         "count", "exposure", "n_docs", "method", "note"])
        overview, caption, links = _scores_overview(t["scores"], by)
        body += _table_html(overview, caption=caption, csv=tables.get("scores"), links=links)
    out.append(("rates", "Lexicon rates", body))

    # ---- keyness
    body = _notes_html(analysis, "keyness")
    if "keyness" in t and len(t["keyness"]):
        if "keyness" in figures:
            body += _figure_html("keyness", f"The {keyness_n} most distinctive terms of each {by} (log-odds ratio "
                                 "with informative Dirichlet prior, z-score).", alt="distinctive terms per outlet", wide=True)
        kw = t["keyness"]
        kw = kw[pd.to_numeric(kw["z"], errors="coerce") > 0]
        top = (kw.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable")
               .groupby("group", sort=True).head(keyness_n).reset_index(drop=True))
        links = [({"outlet": str(r.group), "search": str(r.term)} if by == "outlet" else {"search": str(r.term)}, None)
                 for r in top.itertuples(index=False)]
        body += _table_html(top, caption="Distinctive terms", csv=tables.get("keyness"), links=links)
    out.append(("keyness", "Distinctive terms", body))

    # ---- wire copy
    body = _notes_html(analysis, "wire")
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
        body += _table_html(pairs, caption="Article pairs by shared copy", csv=tables.get("wire_pairs"), links=links)
    if "edits" in t and len(t["edits"]):
        for (a, b), part in t["edits"].groupby(["doc_a", "doc_b"], sort=True):
            stem = f"wire_edits_{_slug(a)}_{_slug(b)}"
            la, lb = outlet_of.get(str(a), a), outlet_of.get(str(b), b)
            if stem in figures:
                body += _figure_html(stem, f"What {la} and {lb} each added, cut or reworded in the same agency copy, "
                                     "sentence by sentence.", alt="wire-copy edits")
            counts = part["op"].value_counts().reindex(list(schema.EDIT_OPS), fill_value=0)
            body += (f"<p>{_e(la)} and {_e(lb)}: {counts['same']} sentences the same, {counts['changed']} changed, "
                     f"{counts['only_a']} only in {_e(la)}, {counts['only_b']} only in {_e(lb)}.</p>")
            shown = part[part["op"] != "same"]
            links = [(None, ref_ids.get(("edits", int(i)), [])) for i in shown.index]
            body += _table_html(shown.reset_index(drop=True), caption=f"Edits between {la} and {lb} (a: {la}, b: {lb})",
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
    text = _table_html(rows, caption=caption, csv=csv, links=links, columns=cols)
    tests = shares[shares["group"].astype(str) == "(all)"]
    if len(tests):
        text += _table_html(tests.reset_index(drop=True), caption="Overall test and effect size", csv=None,
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


def _summary_sentences(analysis: _Analysis) -> list[str]:
    t = analysis.tables
    out = []
    if "actor_labels" in t and len(t["actor_labels"]):
        labels = t["actor_labels"]
        own = labels[_own_voice(labels)]
        for actor, part in labels.groupby("actor", sort=False):
            pieces = []
            for outlet, rows in part.groupby("outlet", sort=True):
                mine = own[(own["actor"] == actor) & (own["outlet"] == outlet)]
                words = ", ".join(f"\u201c{_e(w)}\u201d" for w in dict.fromkeys(mine["label"].astype(str)))
                others = rows.drop(mine.index)
                extra = ""
                if len(others):
                    extra = f" (plus {len(others)} quoted or attributed to others)"
                pieces.append(f"<b>{_e(outlet)}</b>: {words or 'no label of its own'}{extra}")
            out.append(f"{_e(actor)} \u2014 labels in each outlet's own voice: " + "; ".join(pieces) + ".")
    if "attributions" in t and len(t["attributions"]):
        att = t["attributions"]
        tab = att.groupby("outlet")["verb_category"].agg(lambda s: (s.astype(str) == "distancing").sum())
        tot = att.groupby("outlet").size()
        parts = [f"{_e(o)} {int(tab[o])} of {int(tot[o])}" for o in sorted(tot.index)]
        out.append("Distancing attribution verbs (claimed, insisted, what it called…): " + "; ".join(parts) + ".")
    if "casualties" in t and len(t["casualties"]):
        cas = t["casualties"]
        parts = []
        for o, rows in cas.groupby("outlet", sort=True):
            n_agentless = int((rows["construction"] == "passive_agentless").sum())
            n_active = int((rows["construction"] == "active").sum())
            parts.append(f"{_e(o)}: {n_active} active, {n_agentless} agentless passive of {len(rows)}")
        out.append("Casualty statements \u2014 " + "; ".join(parts) + ".")
    if "edits" in t and len(t["edits"]):
        for (a, b), part in t["edits"].groupby(["doc_a", "doc_b"], sort=True):
            counts = part["op"].value_counts()
            outlets = dict(zip(analysis.corpus["doc_id"].astype(str), analysis.corpus["outlet"].astype(str)))
            la, lb = outlets.get(str(a), str(a)), outlets.get(str(b), str(b))
            out.append(f"Wire copy shared by {_e(la)} and {_e(lb)}: {int(counts.get('same', 0))} sentences "
                       f"unchanged, {int(counts.get('changed', 0))} reworded, {int(counts.get('only_a', 0))} only in "
                       f"{_e(la)}, {int(counts.get('only_b', 0))} only in {_e(lb)}.")
    return out


def _category_label(key: str) -> str:
    parts = key.split("|")
    kind = _KIND_TITLES.get(parts[0], parts[0])
    if len(parts) == 1:
        return f"all {kind}"
    return f"{kind}: " + " \u203a ".join(parts[1:])


def _page(analysis: _Analysis, evidence: pd.DataFrame, sections, *, title: str, outlet_of: dict,
          max_articles: int) -> str:
    import framing

    corpus = analysis.corpus
    keys = list(dict.fromkeys(k for ks in evidence["keys"] for k in ks))
    kind_rank = {k: i for i, k in enumerate(_KIND_TITLES)}
    keys.sort(key=lambda k: (kind_rank.get(k.split("|")[0], 99), k))

    def colour_key(item_keys: list[str]) -> str:
        # matches by lexicon, labels by actor; attributions, casualties and wire edits one colour each
        return item_keys[1] if item_keys[0] in ("match", "label") and len(item_keys) > 1 else item_keys[0]

    colours = _colours_for(list(dict.fromkeys(colour_key(list(ks)) for ks in evidence["keys"])))

    def colour_of(item_keys: list[str]) -> str:
        return colours.get(colour_key(item_keys), "#ffe58a")

    docs = corpus.reset_index(drop=True)
    shown = docs.head(max_articles)
    articles = []
    for r in shown.itertuples(index=False):
        doc = str(r.doc_id)
        spans = evidence[evidence["doc_id"] == doc]
        meta = " \u00b7 ".join(_e(v) for v in (r.outlet, getattr(r, "date", None), getattr(r, "agency", None))
                               if isinstance(v, str) and v)
        head = getattr(r, "title", None)
        head = head if isinstance(head, str) and head else doc
        articles.append(
            f'<article class="doc" id="doc-{_e(doc)}" data-doc="{_e(doc)}" data-outlet="{_e(r.outlet)}">'
            f'<h3>{_e(head)}</h3><p class="docmeta">{meta} \u00b7 <code>{_e(doc)}</code> \u00b7 '
            f'{len(spans)} findings</p><div class="text">{_segments(str(r.text), spans)}</div></article>'
        )
    note = ""
    if len(docs) > max_articles:
        note = (f'<p class="note">The browser shows the first {max_articles:,} of {len(docs):,} articles; '
                "the tables and tables/evidence.csv cover them all.</p>")
    shown_docs = set(shown["doc_id"].astype(str))
    items = [
        {"id": r.eid, "doc": r.doc_id, "kind": r.kind, "keys": list(r.keys), "voice": r.voice if isinstance(r.voice, str) else None,
         "desc": r.desc,
         "color": colour_of(list(r.keys))}
        for r in evidence.itertuples(index=False) if r.doc_id in shown_docs
    ]
    data = {"items": items, "docs": {str(d): {"outlet": outlet_of.get(str(d), "")} for d in shown["doc_id"]}}
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True, allow_nan=False).replace("<", "\\u003c").replace(">", "\\u003e")
    data_json = data_json.replace("&", "\\u0026")

    def options(values: Sequence[tuple[str, str]]) -> str:
        return "".join(f'<option value="{_e(v)}">{_e(label)}</option>' for v, label in values)

    outlets = sorted(set(map(str, corpus["outlet"])))
    legend = "".join(
        f'<span class="sw" style="background:{colour}">{_e(_category_label(k))}</span>' for k, colour in colours.items()
    )
    legend += ('<br><span class="sw" style="outline:1.5px solid #555">own voice</span>'
               '<span class="sw" style="outline:1.5px dashed #333">in a quotation</span>'
               '<span class="sw" style="outline:1.5px dotted #000">in scare quotes</span>')
    toc = " ".join(f'<a href="#{a}">{_e(h)}</a>' for a, h, _ in sections) + ' <a href="#evidence">Evidence</a>'
    body = "\n".join(f'<section id="{a}"><h2>{_e(h)}</h2>\n{html_}\n</section>' for a, h, html_ in sections)
    meta = (f"{len(corpus):,} articles \u00b7 {len(evidence):,} highlighted findings \u00b7 "
            f"framing {_e(framing.__version__)} \u00b7 inputs, versions and parameters in "
            '<a href="manifest.json">manifest.json</a>')
    tpl = importlib.resources.files("framing.report.templates")
    page = Template(tpl.joinpath("report.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=_e(title), version=_e(framing.__version__), meta=meta, toc=toc, sections=body,
        css=tpl.joinpath("report.css").read_text(encoding="utf-8"),
        js=tpl.joinpath("report.js").read_text(encoding="utf-8"),
        outlet_options=options([(o, o) for o in outlets]),
        doc_options=options([(str(d), f"{outlet_of.get(str(d), '')} \u2014 {d}") for d in shown["doc_id"]]),
        category_options=options([(k, _category_label(k)) for k in keys]),
        voice_options=options([(v, VOICE_NAMES[v]) for v in schema.VOICES]),
        legend=legend, articles="\n".join(articles), evidence_note=note, evidence_json=data_json,
    )
