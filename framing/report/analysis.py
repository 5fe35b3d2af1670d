"""Running what a report or study asks for, once: read the corpus, annotate it once, match once, run each
measure and each comparison, and keep every table with the notes that say why a section could not run.
The result (:class:`Analysis`) is what :mod:`framing.report.evidence` and :mod:`framing.report.html` show.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.resources
import re
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing import io as stage_io
from framing import lexicon as stage_lexicon
from framing import match as stage_match
from framing import measures as stage_measures
from framing import schema
from framing import stats as stage_stats
from framing import text as stage_text
from framing.errors import FramingError, InputNotFoundError, SchemaError

__all__ = ["Analysis", "analyse", "corpus_inputs", "load_corpus", "parse_actor_option"]

VOICE_NAMES = {"narrator": "outlet's own voice", "quote": "inside a quotation", "scare_quote": "inside scare quotes"}

Actors = Mapping[str, Sequence[str] | str]


# --------------------------------------------------------------------------- inputs


def parse_actor_option(value: str) -> tuple[str, list[str]]:
    """Parse a command-line ``"Name=alias1,alias2"`` (or just ``"Name"``) actor."""
    name, _, rest = value.partition("=")
    if not name.strip():
        raise SchemaError(f"--actor {value!r}: expected NAME=alias1,alias2")
    return name.strip(), [a.strip() for a in rest.split(",") if a.strip()]


def sha256_file(path: Path) -> str:
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
        return [{"path": str(p.relative_to(path)), "sha256": sha256_file(p)}
                for p in sorted(path.rglob("*")) if p.is_file()]
    if path.is_file():
        return [{"path": path.name, "sha256": sha256_file(path)}]
    raise InputNotFoundError(f"corpus {source} does not exist")


def load_corpus(source: Any, outlet: str | None = None) -> pd.DataFrame:
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
class Analysis:
    corpus: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    lexicons: list[dict[str, str]] = field(default_factory=list)
    #: how the analysis was run, for the page to say (keyness unit, ...)
    options: dict[str, Any] = field(default_factory=dict)
    #: the corpus's sentences, quotes and voice (:func:`framing.annotate`), built once for every step
    annotations: Any = None

    def note(self, section: str, text: str) -> None:
        self.notes.setdefault(section, []).append(text)


def run_statistic(analysis: Analysis, section: str, key: str, func: Callable | None, name: str, *args,
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


def lexicon_info(names: Sequence[str] | None) -> list[dict[str, str]]:
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


def analyse(
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
    cluster: bool | str = "auto",
    trends_opts: Mapping[str, Any] | None = None,
    keyness_unit: str = "token",
    keyness_min_docs: int = 1,
) -> Analysis:
    from tqdm import tqdm

    analysis = Analysis(corpus=corpus, options={"keyness_unit": keyness_unit, "keyness_min_docs": keyness_min_docs,
                                                "not_asked": set(), "by": by})
    steps: list[tuple[str, Callable[[], None]]] = []

    annotations = analysis.annotations = stage_text.annotate(corpus)

    def matches_for(*names: str) -> dict[str, Any]:
        # the matches found once serve a measure whose lexicons were among those matched
        if lexicons is None or set(names) <= set(map(str, lexicons)):
            return {"matches": analysis.tables.get("matches"), "annotations": annotations}
        return {"annotations": annotations}

    def matches_step() -> None:
        analysis.tables["matches"] = stage_match.find(corpus, lexicons=list(lexicons) if lexicons is not None else None,
                                                      annotations=annotations)

    def scores_step() -> None:
        scores = stage_match.score(
            corpus, lexicons=list(lexicons) if lexicons is not None else None, matches=analysis.tables["matches"],
            annotations=annotations)
        # the group column travels with the scores, so the table (and its figure) can be grouped as it is
        analysis.tables["scores"] = stage_stats.with_groups(scores, by, corpus=corpus, what="scores table")
        analysis.lexicons = lexicon_info(
            list(lexicons) if lexicons is not None else sorted(set(analysis.tables["scores"]["lexicon"].astype(str)))
        )

    def asked(lexicon: str) -> bool:
        return lexicons is None or lexicon in set(map(str, lexicons))

    def labels_step() -> None:
        func = stage_measures.actor_labels
        if not actors and not asked("actor_labels"):
            analysis.options["not_asked"].add("labels")
            return
        if not actors:
            analysis.skipped["labels"] = ("not run: no actors were given (a study's `actors:`, `--actors FILE.yaml` "
                                          "or `--actor \"Name=alias1,alias2\"`)")
            return
        analysis.tables["actor_labels"] = func(corpus, actors, **matches_for("actor_labels", "attribution"))

    def attributions_step() -> None:
        func = stage_measures.attributions
        if not asked("attribution"):
            analysis.options["not_asked"].add("attributions")
            return
        analysis.tables["attributions"] = func(corpus, **matches_for("attribution"))

    def casualties_step() -> None:
        func = stage_measures.casualties
        if not asked("casualty"):
            analysis.options["not_asked"].add("casualties")
            return
        analysis.tables["casualties"] = func(corpus, **matches_for("casualty"))

    def wire_step() -> None:
        pairs_f, edits_f = stage_measures.wire_pairs, stage_measures.edits
        if wire is not None and len(wire) == 0:  # asked for no wire pairs: no wire section
            analysis.options["not_asked"].add("wire")
            return
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
        opts = dict(seed=seed, n_resamples=n_resamples, cluster=cluster)
        if "scores" in analysis.tables:
            run_statistic(analysis, "rates", "rate_ratios", compare, "compare", analysis.tables["scores"], by,
                  voice=voice, corpus=corpus, **opts)
        if "actor_labels" in analysis.tables:
            labels = analysis.tables["actor_labels"]
            own = labels[own_voice(labels)]
            frames = []
            for actor in actors or {}:
                part = own[own["actor"] == actor]
                key = f"label_shares_{slug(actor)}"
                if part.empty:
                    analysis.note("labels", f"{actor}: no label in an outlet's own voice, nothing to compare")
                    continue
                run_statistic(analysis, "labels", key, shares, "compare_shares", part, by, "label_category", corpus=corpus,
                      what=f"label shares of {actor}", **opts)
                if key in analysis.tables:
                    frames.append(analysis.tables.pop(key).assign(actor=actor))
            if frames:
                analysis.tables["label_shares"] = pd.concat(frames, ignore_index=True)
        if "attributions" in analysis.tables:
            run_statistic(analysis, "attributions", "verb_shares", shares, "compare_shares", analysis.tables["attributions"],
                  by, "verb_category", corpus=corpus, **opts)
        if "casualties" in analysis.tables:
            run_statistic(analysis, "casualties", "construction_shares", shares, "compare_shares",
                  analysis.tables["casualties"], by, "construction", corpus=corpus, **opts)
        if trends_opts is not None and "scores" in analysis.tables:
            run_statistic(analysis, "trends", "trends", stage_stats.trends, "trends", analysis.tables["scores"], by,
                          corpus=corpus, voice=voice, time=trends_opts["time"], freq=trends_opts["freq"],
                          events=trends_opts.get("events") or None, window=trends_opts.get("window"),
                          seed=seed, n_resamples=n_resamples, what="rates over time")
        try:
            analysis.tables["keyness"] = pd.DataFrame(stage_stats.keyness(corpus, by=by, unit=keyness_unit,
                                                                          min_docs=keyness_min_docs))
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


def own_voice(labels: pd.DataFrame) -> pd.Series:
    attributed = labels["attributed_to"].notna() & (labels["attributed_to"].astype("string").str.len() > 0)
    return (labels["voice"].astype(str) == "narrator") & ~attributed


def slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")
    return slug or "x"
