"""The whole analysis of a corpus as one self-contained, evidence-linked report folder.

:func:`report` runs every measure (lexicon scores, actor labels, attributions,
casualty statements, wire-copy pairs and edits), compares outlets with the
statistics functions, and writes into one folder::

    index.html          summary, figures, tables and an evidence browser (works offline, as a file)
    evidence/*.js       the highlighted text of the articles, a page of the browser's index to a file,
                        loaded by the page when it shows them (keep the folder beside index.html)
    tables/*.csv        every table behind the report
    figures/*.png|pdf|svg
    manifest.json       input file hashes, lexicon versions and content hashes, the package's version,
                        parameters, random seeds: the same on every run of the same inputs
    run.json            this run's time, Python and dependency versions (the log of the run)

Every number in the HTML tables links to the spans of text behind it. A
section whose measure cannot run (a missing optional dependency, too few
outlets for a comparison) is kept with a visible note saying why, never
silently left out. The folder is written atomically and under a lock; a
later run removes only the files an earlier one wrote.
"""

from __future__ import annotations

import importlib
import importlib.resources
import json
import platform
import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from framing.measures.actors import load_actors
from framing.errors import UsageError
from framing.stats import group_columns, group_name, with_groups
from framing.report.analysis import Actors, Analysis, analyse, corpus_inputs, load_corpus, sha256_file, slug
from framing.report.browser import evidence_browser, write_evidence_files
from framing.report.evidence import evidence_table
from framing.report import html as page_html
from framing.report import casualty_sides, sourcing

__all__ = ["MANIFEST_VOLATILE", "REPORT_FOLDERS", "check_output_dir", "report"]

#: keys that change from run to run or machine to machine: written to ``run.json`` beside the manifest,
#: so that the manifest itself is the same on every run of the same inputs
MANIFEST_VOLATILE = ("created_utc", "python", "dependencies")

#: dependencies whose versions the manifest records
DEPENDENCIES = (
    "pandas", "numpy", "scipy", "scikit-learn", "statsmodels", "matplotlib", "seaborn",
    "nltk", "PyYAML", "pyarrow", "text2num", "joblib",
)

# --------------------------------------------------------------------------- report


def report(
    corpus: pd.DataFrame | str | Path,
    out_dir: str | Path,
    *,
    actors: Actors | str | Path | None = None,
    lexicons: Sequence[str] | None = None,
    wire: Sequence[tuple[str, str]] | None = None,
    min_wire_similarity: float = 0.25,
    by: str | Sequence[str] = "outlet",
    cluster: bool | str | Sequence[str] = "auto",
    time: str | None = None,
    freq: str = "W",
    events: Mapping[str, Any] | None = None,
    window: str | int | None = None,
    voice: str | None = "narrator",
    seed: int = 0,
    n_resamples: int = 1999,
    keyness_terms: int = 10,
    keyness_unit: str = "document",
    keyness_min_docs: int = 5,
    title: str | None = None,
    max_articles: int | None = None,
    articles_per_page: int = 25,
    parameters: Mapping[str, Any] | None = None,
    progress: bool = False,
    source_label: str | None = None,
    outlet: str | None = None,
    csv_escape: bool = True,
    sources: Mapping[str, Any] | bool | None = None,
    casualties: Mapping[str, Any] | None = None,
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
    by : str or list of str
        Column to compare by (``outlet``, or any corpus metadata column such as
        ``leaning``), or several (``["leaning", "topic"]``: their combinations are
        the groups). The scores table written gets these columns.
    cluster : "auto", bool, str or list of str
        Cluster of the comparisons (see :func:`framing.compare`): by default the
        outlet when ``by`` is an outlet property (a leaning), else the document;
        a list such as ``["outlet", "leaning"]`` clusters by their combinations.
    time : str, optional
        Date column of the corpus: adds the "Over time" section, lexicon rates per
        ``freq`` period and group from :func:`framing.trends` (table ``trends``,
        figure ``trends``).
    freq : str
        Period of the trends (``"W"``, ``"M"``, ``"D"``, ``"Q"``...).
    events : mapping of str to date, optional
        Named dates marked on the trend figure; each group's rates are compared
        after against before each (see :func:`framing.trends`).
    window : str or int, optional
        Only documents within this distance of an event enter its comparison (``"14D"``).
    voice : str or None
        Voice whose rates are compared (default the outlet's own, ``narrator``;
        None pools every voice).
    seed : int
        Seed of every resampling and Monte Carlo test.
    n_resamples : int
        Resamples / Monte Carlo draws of the statistics.
    keyness_terms : int
        Distinctive terms shown per group (only those significant after Holm adjustment).
    keyness_unit : str
        Keyness by the share of documents using a term (``"document"``, default), of
        outlets (``"outlet"`` or another corpus column), or by term counts
        (``"token"``; see :func:`framing.keyness`).
    keyness_min_docs : int
        Terms used in fewer documents than this are left out of keyness.
    title : str, optional
        Report title.
    max_articles : int, optional
        Index only the first articles of the corpus in the evidence browser (default every
        article; the tables cover all either way).
    articles_per_page : int
        Articles per page of the evidence browser's index, and per file of ``evidence/``: the
        page carries only the index, and loads a file of highlighted articles when it shows them,
        so that it opens fast whatever the corpus's size.
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
    sources : mapping or bool, optional
        Add the section "Who gets a voice" (:mod:`framing.report.sourcing`): True, or
        ``{"sides": [a, b], "home": side}`` to compare the balance of two sides and give officials
        the text leaves without a country a side (see :func:`framing.sources`).
    casualties : mapping, optional
        Add the section "Whose deaths" (:mod:`framing.report.casualty_sides`): ``{"sides": [a, b]}``
        and optionally ``names``, ``opposing``, ``cluster``, ``deaths``, ``freq``, ``hand``, ``labels``:
        the two sides' casualty framing, emotive words by side, mentions per reported death and the
        agreement with a hand coding.

    Returns
    -------
    pathlib.Path
        The written ``index.html``. Beside it: ``evidence/0001.js``... (the highlighted
        articles, ``articles_per_page`` to a file), ``tables/*.csv`` (``matches``,
        ``scores``, ``actor_labels``, ``attributions``, ``casualties``,
        ``wire_pairs``, ``edits``, ``rate_ratios``, ``label_shares``,
        ``verb_shares``, ``construction_shares``, ``keyness`` — the columns of
        :mod:`framing.schema`; ``label_shares`` adds ``actor``; and
        ``evidence.csv``: ``eid, kind, doc_id, outlet, start, end, voice, keys,
        description``), ``figures/*.{png,pdf,svg}``, ``manifest.json`` (what the
        outputs depend on, identical across runs of the same inputs) and
        ``run.json`` (this run's time, Python and dependency versions).
    """
    from framing import _atomic, _signals

    from framing._checks import check_count

    check_count("articles_per_page", articles_per_page, minimum=1)
    if max_articles is not None:
        check_count("max_articles", max_articles, minimum=1)
    out = Path(out_dir)
    check_output_dir(out)  # before the analysis: a file in the way, a folder that cannot be created
    with _signals.terminate_as_interrupt(), _atomic.OutputLock(out, folder=True):  # writable, and ours alone
        source = corpus
        actors_map = load_actors(actors) if actors is not None else None
        table = load_corpus(source, outlet)
        if outlet is not None:
            parameters = {"outlet": outlet, **dict(parameters or {})}
        by_cols = group_columns(by)
        unknown = [c for c in by_cols if c not in table.columns]
        if unknown:
            raise UsageError(f"cannot compare by {unknown[0]!r}: the corpus has no such column; "
                             f"columns: {list(map(str, table.columns))}")
        for name in ([cluster] if isinstance(cluster, str) else list(cluster) if isinstance(cluster, list) else []):
            if name not in ("auto", "doc_id") and name not in table.columns:
                raise UsageError(f"cannot cluster by {name!r}: the corpus has no such column; "
                                 f"columns: {list(map(str, table.columns))}")
        if time is not None and time not in table.columns:
            raise UsageError(f"cannot follow the rates over time by {time!r}: the corpus has no such column; "
                             f"columns: {list(map(str, table.columns))}")
        if events and time is None:
            raise UsageError("events need a date column: give time= (--time COLUMN, or trends: time: in a study)")
        group = group_name(by_cols)
        if len(by_cols) > 1:
            table = with_groups(table.drop(columns=[group], errors="ignore"), by_cols, what="corpus")
        analysis = analyse(
            table, actors=actors_map, lexicons=lexicons, wire=wire, min_wire_similarity=min_wire_similarity, by=group,
            voice=voice, seed=seed, n_resamples=n_resamples, keyness_terms=keyness_terms, progress=progress,
            cluster=cluster, keyness_unit=keyness_unit, keyness_min_docs=keyness_min_docs, trends_opts=None if time is None else {
                "time": time, "freq": freq, "events": dict(events or {}), "window": window},
        )
        if sources is not None and sources is not False:
            source_spec = sourcing.check_spec(sources)
            matched = analysis.tables.get("matches")
            if matched is not None and "attribution" not in set(matched["lexicon"].astype(str)):
                matched = None
            sourcing.analyse_sources(analysis, source_spec, actors=actors_map, annotations=analysis.annotations,
                                     matches=matched, by=group, seed=seed, n_resamples=n_resamples, cluster=cluster)
        if casualties is not None:
            casualty_spec = casualty_sides.check_spec(casualties)
            casualty_sides.analyse(analysis, casualty_spec, by=group, cluster=cluster)
        params = {
            "by": by if isinstance(by, str) else list(by_cols), "cluster": cluster, "voice": voice,
            "trends": None if time is None else {"time": time, "freq": freq, "events": dict(events or {}),
                                                 "window": window}, "lexicons": list(lexicons) if lexicons is not None else None,
            "actors": actors_map, "wire": [list(p) for p in wire] if wire is not None else None,
            "min_wire_similarity": min_wire_similarity, "n_resamples": n_resamples, "keyness_terms": keyness_terms,
            "keyness_unit": keyness_unit, "keyness_min_docs": keyness_min_docs,
            "max_articles": max_articles, "articles_per_page": articles_per_page,
            **({"sources": sourcing.check_spec(sources)} if sources is not None and sources is not False else {}),
            **({"casualties": {k: v for k, v in casualty_spec.items() if not k.startswith("_")}}
               if casualties is not None else {}),
            **dict(parameters or {}),
        }
        return _write(analysis, out, source=source, title=title or "Framing report", params=params,
                      seed=seed, keyness_n=keyness_terms, max_articles=max_articles,
                      articles_per_page=articles_per_page, by=group, voice=voice,
                      source_label=source_label, csv_escape=csv_escape)


#: the sub-folders of a report folder
REPORT_FOLDERS = ("tables", "figures", "evidence")


def check_output_dir(out: Path) -> None:
    """Refuse a report folder that cannot be made, before any work is done.

    Creates ``out`` (and its ``tables/``, ``figures/`` and ``evidence/``) if needed.

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

    Only paths inside ``tables/``, ``figures/`` and ``evidence/`` (and ``index.html``) count; an unreadable
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
        if digest is not None and sha256_file(path) != digest:
            kept.append(rel)  # edited since: it is the user's now
            continue
        path.unlink(missing_ok=True)
    return kept


def _write(analysis: Analysis, out: Path, *, source: Any, title: str, params: dict, seed: int, keyness_n: int,
           max_articles: int | None, by: str, voice: str | None, source_label: str | None = None,
           csv_escape: bool = True, articles_per_page: int = 25) -> Path:
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
    evidence = evidence_table(analysis)
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
                 "rate_ratios", "label_shares", "verb_shares", "construction_shares", "keyness", "trends",
                 *sourcing.TABLES, *casualty_sides.TABLES):
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
            figure("rates_heatmap", lambda: plot.rate_heatmap(t["scores"], voice=voice, by=by, corpus=corpus))
        if "rate_ratios" in t and len(t["rate_ratios"]):
            figure("rate_ratios", lambda: plot.forest(page_html.top_ratios(t["rate_ratios"]), palette=palette))
        if "label_shares" in t and len(plot.share_rows(t["label_shares"])):
            figure("label_shares", lambda: plot.label_shares(t["label_shares"]))
        if "verb_shares" in t and len(plot.share_rows(t["verb_shares"])):
            figure("attribution_verbs", lambda: plot.attribution_profile(t["verb_shares"]))
        if "construction_shares" in t and len(plot.share_rows(t["construction_shares"])):
            figure("casualty_constructions", lambda: plot.casualty_constructions(t["construction_shares"]))
        if "source_type_shares" in t and len(plot.share_rows(t["source_type_shares"])):
            figure("source_types", lambda: plot.source_dots(t["source_type_shares"]))
        for stem, draw in casualty_sides.figures(t):
            figure(stem, draw)
        if "trends" in t and len(t["trends"]):
            marks = (params.get("trends") or {}).get("events") or {}
            figure("trends", lambda: plot.trend_lines(t["trends"], events=marks, palette=palette))
        if "keyness" in t and len(t["keyness"]):
            figure("keyness", lambda: plot.keyness_terms(t["keyness"], n=keyness_n, palette=palette))
        if "edits" in t and len(t["edits"]):
            for (a, b), part in t["edits"].groupby(["doc_a", "doc_b"], sort=True):
                la, lb = outlet_of.get(str(a), str(a)), outlet_of.get(str(b), str(b))
                figure(f"wire_edits_{slug(a)}_{slug(b)}",
                       lambda part=part, la=la, lb=lb: plot.wire_edits(part, label_a=la, label_b=lb))

    # ---- HTML
    sections = page_html.sections(analysis, evidence, ref_ids, figures, written_tables, outlet_of, group_of, by, voice,
                         keyness_n)

    def after_casualties(section: tuple[str, str, str]) -> None:
        anchors = [anchor for anchor, _, _ in sections]
        sections.insert(anchors.index("casualties") + 1 if "casualties" in anchors else len(sections), section)

    # each inserted right after the casualties section: whose deaths, then the sources
    if "sources" in t:
        after_casualties(sourcing.section(analysis, ref_ids, figures, written_tables))
    if any(name in t for name in casualty_sides.TABLES) or casualty_sides.SECTION in analysis.notes:
        after_casualties(casualty_sides.section(analysis, ref_ids, figures, written_tables, by))
    browser = evidence_browser(corpus, evidence, per_page=articles_per_page, max_articles=max_articles)
    write_evidence_files(out, browser)
    html_text = page_html.page(analysis, evidence, sections, title=title, browser=browser)
    index = _atomic.write_text(out / "index.html", html_text)
    written = {f"tables/{fn}": sha256_file(out / "tables" / fn) for fn in written_tables.values()}
    written.update({rel: sha256_file(out / rel) for rel in
                    (f"figures/{stem}.{ext}" for stem in figures for ext in ("png", "pdf", "svg"))})
    written.update({rel: sha256_file(out / rel) for rel in browser.files})
    written["index.html"] = sha256_file(index)
    kept = _remove_stale(out, before, written)
    if kept:
        warnings.warn(f"{out}: kept {', '.join(kept)} from an earlier report (changed since it was written)",
                      stacklevel=3)

    # ---- manifest
    run_log = {
        "created_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "dependencies": {name: _version(name) for name in DEPENDENCIES},
    }
    _atomic.write_text(out / "run.json", json.dumps(run_log, indent=2) + "\n")
    manifest = {
        "framing_version": _version("news-framing"),
        "run_log": "run.json",
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
            "tables": {name: sha256_file(out / "tables" / fn) for name, fn in sorted(written_tables.items())},
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
