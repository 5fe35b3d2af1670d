"""Reproducible studies: a YAML spec in, a report and its tables out, next to the spec.

A study spec names everything an analysis depends on, so that running it again
(on another machine, years later) gives the same tables::

    name: iran_pakistan_2024
    title: Five outlets on the January 2024 Iran-Pakistan strikes
    description: ...
    corpus: example                 # the bundled corpus, or a path relative to this file
    read:                           # a folder of tables, one outlet per file (framing.read_tables; optional)
      files: {nyt_oct.csv: nyt, wp_oct.csv: wp}   # file -> outlet
      text_col: sentence            # the text column
      article_col: article_index    # a per-file article number -> corpus column ``article``
      rename: {article_date: date}  # columns to rename
      tokenised: true               # join tokenised text back ("killed , he" -> "killed, he")
      dedupe: true                  # leave out rows repeating a text of the same outlet (counted)
    actors:                         # actor -> aliases
      Jaish al-Adl: [Jaish al-Adl, Jaish-ul-Adl, Army of Justice]
      Hamas: [Hamas]
    lexicons: [actor_labels, attribution, casualty, hedging]   # omit for every bundled lexicon
    compare:
      by: outlet                    # any corpus column, or a list: [leaning, topic]
      cluster: auto                 # auto (outlet for an outlet property such as leaning, else
                                    # the document), doc_id, outlet, another column, or a list
                                    # such as [outlet, leaning]
    # (by: and cluster: may also be given at the top level)
      voice: narrator               # narrator, quote, scare_quote or all
      n_resamples: 1999
    wire:
      pairs: [[timesofisrael, ahram]]   # omit to take every pair above min_similarity
      min_similarity: 0.25
    trends:                         # rates per period and group (omit for none)
      time: date                    # the corpus's date column
      freq: W                       # D, W, M, Q, Y, 2W...
      events: {strike: 2024-01-16}  # marked on the figure, compared before/after
      window: 14D                   # documents within this distance of an event (default all)
    keyness_terms: 10
    sources:                        # the section "Who gets a voice" (omit to leave it out)
      sides: [Pakistan, Iran]       # compare the balance of these two sides' voices
    casualties:                     # the section "Whose deaths" (omit to leave it out)
      sides: [Pakistan, Iran]       # the two victim sides compared (required)
      names: {Iran: [IRGC]}         # names of sides of your own, before the bundled gazetteer
      opposing: true                # the sides are at war (victims of one side's strike count as the other's)
      deaths: deaths.csv            # reported deaths (date, side, deaths), relative to this file: mentions
                                    # per reported death; {file, date, date_format, columns, cumulative}
                                    # reads a table with a column per side (e.g. UN OCHA's running totals)
      freq: D                       # mentions per reported death also per period
      cluster: article              # the article of each document, when documents are sentences
      hand: category                # a column of hand-coded victim sides to compare with, and
      labels: {israel: Israel}      #   how its labels name the sides
    keyness_unit: document          # document (share of documents using a term), outlet, or token
    keyness_min_docs: 5             # leave out terms used in fewer documents
    max_articles: 300               # index only the first N articles in the evidence browser (default all)
    articles_per_page: 25           # articles per page of the browser, one evidence file each
    seed: 20240117
    output: output                  # folder, relative to this file and inside its folder

:func:`run_study` writes the report into ``<output>/report/`` (``index.html``, ``evidence/``,
``tables/``, ``figures/``, ``manifest.json``). Paths recorded in the manifest
are the spec's own (relative) ones, so a study run in two clones gives
byte-identical tables and the same manifest apart from its time stamp.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing import schema
from framing.errors import InputNotFoundError, SchemaError

__all__ = ["Study", "load_study", "read_study_corpus", "run_study"]

_TOP_KEYS = {"name", "title", "description", "corpus", "actors", "lexicons", "compare", "wire", "keyness_terms",
             "seed", "output", "max_articles", "articles_per_page", "sources", "by", "cluster", "trends",
             "keyness_unit", "keyness_min_docs", "casualties", "read"}
_READ_KEYS = {"files", "text_col", "article_col", "rename", "tokenised", "dedupe", "clean", "encoding"}
_TRENDS_KEYS = {"time", "freq", "events", "window"}
_COMPARE_KEYS = {"by", "cluster", "voice", "n_resamples"}
_WIRE_KEYS = {"pairs", "min_similarity"}


@dataclass(frozen=True)
class Study:
    """A validated study spec (see the module docstring for the YAML keys)."""

    path: Path
    name: str
    corpus: str
    title: str = ""
    description: str = ""
    actors: dict[str, list[str]] = field(default_factory=dict)
    lexicons: list[str] | None = None
    by: str | list[str] = "outlet"
    cluster: str | list[str] = "auto"
    voice: str | None = "narrator"
    n_resamples: int = 1999
    wire_pairs: list[tuple[str, str]] | None = None
    min_wire_similarity: float = 0.25
    keyness_terms: int = 10
    keyness_unit: str = "document"
    keyness_min_docs: int = 5
    seed: int = 0
    output: str = "output"
    max_articles: int | None = None
    articles_per_page: int = 25
    sources: dict[str, Any] | None = None
    casualties: dict[str, Any] | None = None
    read: dict[str, Any] | None = None
    trends: dict[str, Any] | None = None

    @property
    def output_dir(self) -> Path:
        """Where the study writes (``output`` resolved against the spec's folder)."""
        return (self.path.parent / self.output).resolve()

    def output_folder(self, output: str | Path | None = None) -> Path:
        """The folder :func:`run_study` writes into: ``output`` if given, else the spec's own.

        Raises
        ------
        SchemaError
            No ``output`` is given and the spec's ``output`` is an absolute path or climbs out
            of the spec's folder (``../x``): a spec from someone else must not choose where
            files are written; give the folder explicitly instead.
        """
        if output is not None:
            return Path(output)
        own = Path(self.output)
        if own.is_absolute() or os.path.normpath(own).split(os.sep)[0] == os.pardir:
            line = _line_of(self.path.read_text(encoding="utf-8"), "output") if self.path.is_file() else ""
            raise SchemaError(
                f"study spec {self.path}{line}: output {self.output!r} is outside the study's folder "
                f"{self.path.parent}; give the output folder explicitly (framing study run SPEC --output DIR, "
                "or run_study(spec, output=DIR))"
            )
        return self.output_dir

    @property
    def corpus_path(self) -> str | Path:
        """``"example"`` or the corpus path resolved against the spec's folder."""
        return self.corpus if self.corpus == "example" else (self.path.parent / self.corpus)


def _line_of(text: str, key: str) -> str:
    for i, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return f" line {i}"
    return ""


def _mapping(value: Any, where: str, allowed: set[str], text: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SchemaError(f"{where}: expected a mapping, got {type(value).__name__}")
    unknown = sorted(set(map(str, value)) - allowed)
    if unknown:
        raise SchemaError(f"{where}{_line_of(text, unknown[0])}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    return dict(value)


def _int(value: Any, where: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SchemaError(f"{where}: expected an integer >= {minimum}, got {value!r}")
    return value


def _column_or(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SchemaError(f"{where}: expected document, token or a corpus column such as outlet, got {value!r}")
    return value.strip()


def load_study(path: str | Path) -> Study:
    """Read and validate a study spec.

    Parameters
    ----------
    path : str or Path
        The ``study.yaml`` file.

    Returns
    -------
    Study
        The validated spec.

    Raises
    ------
    InputNotFoundError
        The file (or the corpus it names) does not exist.
    SchemaError
        Malformed YAML, an unknown key, or a value of the wrong type; the
        message names the file, the line and the key.
    """
    from framing._yaml import decode_utf8, load_yaml, read_limited
    from framing.measures.actors import load_actors

    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"study spec {p} does not exist")
    text = decode_utf8(read_limited(p, f"study spec {p}", SchemaError), f"study spec {p}", SchemaError)
    spec = load_yaml(text, f"study spec {p}", SchemaError)
    spec = _mapping(spec, f"study spec {p}", _TOP_KEYS, text)
    for key in ("name", "corpus"):
        if not isinstance(spec.get(key), str) or not spec[key].strip():
            raise SchemaError(f"study spec {p}{_line_of(text, key)}: '{key}' is required and must be a string")
    corpus = spec["corpus"].strip()
    if corpus != "example" and not (p.parent / corpus).exists():
        raise InputNotFoundError(f"study spec {p}{_line_of(text, 'corpus')}: corpus {corpus} does not exist "
                                 f"(paths are relative to the spec's folder; 'example' is the bundled corpus)")
    actors = load_actors(spec["actors"], source=f"study spec {p}: actors") if spec.get("actors") else {}
    lexicons = spec.get("lexicons")
    if lexicons is not None and (not isinstance(lexicons, list) or not all(isinstance(x, str) for x in lexicons)):
        raise SchemaError(f"study spec {p}{_line_of(text, 'lexicons')}: 'lexicons' must be a list of names")
    compare = _mapping(spec.get("compare"), f"study spec {p}: compare", _COMPARE_KEYS, text)
    voice = compare.get("voice", "narrator")
    if voice not in (*schema.VOICES, "all"):
        raise SchemaError(f"study spec {p}{_line_of(text, 'voice')}: compare.voice must be one of "
                          f"{[*schema.VOICES, 'all']}, got {voice!r}")
    grouping = {}
    for key in ("by", "cluster"):
        if key in spec and key in compare and spec[key] != compare[key]:
            raise SchemaError(f"study spec {p}{_line_of(text, key)}: '{key}' is given twice (top level and under "
                              "compare) with different values; keep one")
        value = spec.get(key, compare.get(key))
        if value is None:
            continue
        ok = (isinstance(value, str) and value.strip()) or (
            isinstance(value, list) and value and all(isinstance(x, str) and x for x in value))
        if not ok:
            raise SchemaError(f"study spec {p}{_line_of(text, key)}: '{key}' must be a column name"
                              f" or a list of column names, got {value!r}")
        grouping[key] = value.strip() if isinstance(value, str) else [str(x) for x in value]
    trends = None
    if spec.get("trends") is not None:
        tr = _mapping(spec["trends"], f"study spec {p}: trends", _TRENDS_KEYS, text)
        time_col = tr.get("time", "date")
        if not isinstance(time_col, str) or not time_col.strip():
            raise SchemaError(f"study spec {p}{_line_of(text, 'time')}: trends.time must be a column name")
        events = tr.get("events") or {}
        if not isinstance(events, Mapping):
            raise SchemaError(f"study spec {p}{_line_of(text, 'events')}: trends.events must map names to dates")
        trends = {"time": time_col.strip(), "freq": str(tr.get("freq", "W")),
                  "events": {str(k): str(v) for k, v in events.items()},
                  "window": None if tr.get("window") is None else str(tr["window"])}
    wire = _mapping(spec.get("wire"), f"study spec {p}: wire", _WIRE_KEYS, text)
    pairs = wire.get("pairs")
    if pairs is not None:
        if not isinstance(pairs, list) or not all(isinstance(x, list) and len(x) == 2 for x in pairs):
            raise SchemaError(f"study spec {p}{_line_of(text, 'pairs')}: wire.pairs must be a list of [doc_a, doc_b]")
        pairs = [(str(a), str(b)) for a, b in pairs]
    min_sim = wire.get("min_similarity", 0.25)
    if not isinstance(min_sim, (int, float)) or not 0 <= min_sim <= 1:
        raise SchemaError(f"study spec {p}: wire.min_similarity must be a number between 0 and 1, got {min_sim!r}")
    sources = None
    if "sources" in spec and spec["sources"] is not False:
        from framing.report.sourcing import check_spec

        sources = check_spec(spec["sources"], f"study spec {p}{_line_of(text, 'sources')}: sources")
    read = None
    if spec.get("read") is not None:
        read = _mapping(spec["read"], f"study spec {p}: read", _READ_KEYS, text)
        files = read.get("files")
        if not isinstance(files, Mapping) or not files or not all(isinstance(v, str) for v in files.values()):
            raise SchemaError(f"study spec {p}{_line_of(text, 'files')}: read.files must map each file name to its "
                              f"outlet, got {files!r}")
        if corpus == "example" or not (p.parent / corpus).is_dir():
            raise SchemaError(f"study spec {p}{_line_of(text, 'read')}: read needs corpus to be a folder, got {corpus}")
        for key in ("tokenised", "dedupe", "clean"):
            if not isinstance(read.get(key, False), bool):
                raise SchemaError(f"study spec {p}{_line_of(text, key)}: read.{key} must be true or false")
        read = {**read, "files": {str(k): str(v) for k, v in files.items()}}
    casualties = None
    if spec.get("casualties") is not None:
        from framing.report.casualty_sides import check_spec as check_casualties

        casualties = check_casualties(spec["casualties"], f"study spec {p}{_line_of(text, 'casualties')}: casualties",
                                      base=p.parent)
    return Study(
        path=p.resolve(), name=spec["name"].strip(), corpus=corpus, title=str(spec.get("title") or ""),
        description=str(spec.get("description") or ""), actors=actors,
        lexicons=None if lexicons is None else [str(x) for x in lexicons],
        by=grouping.get("by", "outlet"), cluster=grouping.get("cluster", "auto"),
        voice=None if voice == "all" else voice,
        n_resamples=_int(compare.get("n_resamples", 1999), f"study spec {p}: compare.n_resamples", minimum=1),
        wire_pairs=pairs, min_wire_similarity=float(min_sim),
        keyness_terms=_int(spec.get("keyness_terms", 10), f"study spec {p}: keyness_terms", minimum=1),
        keyness_unit=_column_or(spec.get("keyness_unit", "document"),
                                f"study spec {p}{_line_of(text, 'keyness_unit')}: keyness_unit"),
        keyness_min_docs=_int(spec.get("keyness_min_docs", 5), f"study spec {p}: keyness_min_docs", minimum=1),
        seed=_int(spec.get("seed", 0), f"study spec {p}: seed"), output=str(spec.get("output") or "output"),
        max_articles=None if spec.get("max_articles") is None else _int(
            spec["max_articles"], f"study spec {p}: max_articles", minimum=1),
        articles_per_page=_int(spec.get("articles_per_page", 25), f"study spec {p}: articles_per_page", minimum=1),
        sources=sources,
        casualties=casualties,
        read=read,
        trends=trends,
    )


def read_study_corpus(study: Study) -> Any:
    """The corpus a study reads.

    Parameters
    ----------
    study : Study
        A loaded study spec.

    Returns
    -------
    pandas.DataFrame or str or Path
        With ``read:``, the table :func:`framing.read_tables` makes of the folder's files; else the corpus
        path (or ``"example"``) that :func:`framing.report` reads.
    """
    if study.read is None:
        return study.corpus_path
    from framing.io import read_tables

    return read_tables(study.corpus_path, **study.read)


def run_study(
    spec: str | Path | Study, *, output: str | Path | None = None, progress: bool = False, csv_escape: bool = True
) -> Path:
    """Run a study spec and write its report next to it.

    Parameters
    ----------
    spec : str, Path or Study
        The ``study.yaml`` file (or a loaded :class:`Study`).
    output : str or Path, optional
        Write here instead of the spec's ``output`` folder. Needed when the spec's ``output`` is
        an absolute path or outside the spec's folder (see :meth:`Study.output_folder`).
    progress : bool
        Show a progress bar on standard error.
    csv_escape : bool
        Neutralise CSV cells a spreadsheet would run as formulas (see :func:`framing.report`).

    Returns
    -------
    pathlib.Path
        ``<output>/report/index.html``; beside it ``evidence/*.js``, ``tables/*.csv``,
        ``figures/*.{png,pdf,svg}`` and ``manifest.json`` (see :func:`framing.report`).

    Raises
    ------
    SchemaError
        The spec's ``output`` is outside its folder and no ``output`` is given.
    OutputError
        The output (or a folder in it) is a file, cannot be written, or another run is
        writing it. All of these are found before the analysis runs.
    """
    from framing.report.analysis import sha256_file
    from framing.report.output import report

    study = spec if isinstance(spec, Study) else load_study(spec)
    out = study.output_folder(output)
    parameters = {"study": {"name": study.name, "spec": study.path.name, "description": study.description,
                            "spec_sha256": hashlib.sha256(study.path.read_bytes()).hexdigest()}}
    corpus = read_study_corpus(study)
    if study.read is not None:
        parameters["study"]["read"] = {**study.read, "sha256": {
            name: sha256_file(Path(study.corpus_path) / name) for name in study.read["files"]}}
    deaths = (study.casualties or {}).get("deaths")
    if deaths:
        path = Path(study.casualties.get("_base", ".")) / deaths["file"]
        parameters["study"]["deaths"] = {"file": deaths["file"], "sha256": sha256_file(path)}
    return report(
        corpus, out / "report", actors=study.actors or None, lexicons=study.lexicons,
        wire=study.wire_pairs, min_wire_similarity=study.min_wire_similarity, by=study.by, cluster=study.cluster,
        voice=study.voice, **({} if study.trends is None else {
            "time": study.trends["time"], "freq": study.trends["freq"], "events": study.trends["events"],
            "window": study.trends["window"]}),
        seed=study.seed, n_resamples=study.n_resamples, keyness_terms=study.keyness_terms,
        keyness_unit=study.keyness_unit, keyness_min_docs=study.keyness_min_docs,
        title=study.title or study.name, max_articles=study.max_articles,
        articles_per_page=study.articles_per_page, parameters=parameters, progress=progress,
        source_label=study.corpus, csv_escape=csv_escape, sources=study.sources,
        casualties=study.casualties,
    )
