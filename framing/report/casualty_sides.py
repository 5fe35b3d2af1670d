"""The report's "Whose deaths" section: casualty framing compared between the sides of a conflict.

Asked for by a study's ``casualties:`` key (or ``framing.report(..., casualties={...})``)::

    casualties:
      sides: [Israel, Palestine]      # the two victim sides compared (required)
      names: {Palestine: [Hamas]}     # names of sides of your own, before the bundled gazetteer (optional)
      opposing: true                  # the two sides are at war: victims without a side of their own, killed
                                      # by one side, count as the other's (optional; see framing.casualties)
      cluster: article                # the corpus column naming each document's article, when documents are
                                      # parts of articles (sentences); default the study's own cluster when
                                      # it names a column, else the document
      deaths: deaths.csv              # reported deaths per side and date (columns date, side, deaths), relative
                                      # to the spec; or a table with a column per side:
      # deaths: {file: ocha.csv, date: Date, date_format: "%m/%d/%Y", cumulative: true,
      #          columns: {Palestine: [Gaza deaths, West Bank deaths], Israel: [Israel deaths]}}
      freq: D                         # mentions per reported death also per period (D, W, M...)
      hand: category                  # a corpus column of hand-coded victim sides, to compare with (optional)
      labels: {israel: Israel, palestine: Palestine, both: mixed}   # hand label -> side

:func:`analyse` adds the tables ``casualty_asymmetry`` (:func:`framing.casualty_asymmetry`),
``emotive_by_side`` and its evidence ``emotive_statements`` (:func:`framing.emotive_by_side`), with deaths
``mentions_per_death`` (whole span, and per ``freq`` period; with ``hand`` the same from the hand coding
beside it, column ``coding``) and with ``hand`` ``side_agreement`` (:func:`framing.side_agreement`);
:func:`section` renders them with the figures, every count linked to the statements behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import measures as stage_measures
from framing import stats as stage_stats
from framing.errors import InputNotFoundError, SchemaError
from framing.report.analysis import Analysis, run_statistic
from framing.report.html import escape, figure_html, notes_html, table_html

__all__ = ["SECTION", "TABLES", "analyse", "check_spec", "figures", "hand_statements", "read_deaths", "section"]

#: the section's anchor in the report and in ``Analysis.notes``
SECTION = "casualty_sides"
#: the tables the section writes, in order
TABLES = ("casualty_asymmetry", "emotive_by_side", "emotive_statements", "mentions_per_death", "side_agreement")
_KEYS = {"sides", "names", "opposing", "cluster", "deaths", "freq", "hand", "labels"}
_DEATHS_KEYS = {"file", "date", "date_format", "columns", "cumulative"}


def _name(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SchemaError(f"{where}: expected {what}, got {value!r}")
    return value.strip()


def check_spec(spec: Any, where: str = "casualties", base: str | Path | None = None) -> dict[str, Any]:
    """A validated ``casualties:`` spec (see the module documentation).

    Parameters
    ----------
    spec : mapping
        The spec as written.
    where : str
        How errors name it (the file and line).
    base : str or Path, optional
        The folder ``deaths`` is relative to (the study spec's); default the working directory.

    Returns
    -------
    dict
        The spec with defaults; ``deaths`` as a mapping (``file`` as written), and ``_base``.

    Raises
    ------
    framing.errors.SchemaError
        On an unknown key, ``sides`` that are not two different names, or a value of the wrong type.
    framing.errors.InputNotFoundError
        The deaths file does not exist.
    """
    if not isinstance(spec, Mapping):
        raise SchemaError(f"{where}: expected a mapping with at least 'sides: [A, B]', got {spec!r}")
    unknown = sorted(set(map(str, spec)) - _KEYS - {"_base"})  # _base: a spec validated before
    if unknown:
        raise SchemaError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(_KEYS)}")
    base = spec.get("_base") or base
    sides = spec.get("sides")
    if not isinstance(sides, list) or len(sides) != 2 or not all(isinstance(s, str) and s.strip() for s in sides) \
            or sides[0] == sides[1]:
        raise SchemaError(f"{where}.sides: expected two different side names, e.g. [Israel, Palestine]; got {sides!r}")
    out: dict[str, Any] = {"sides": [s.strip() for s in sides], "opposing": False}
    names = spec.get("names")
    if names is not None:
        if not isinstance(names, Mapping) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in names.values()):
            raise SchemaError(f"{where}.names: expected side -> list of names, e.g. {{Palestine: [Hamas]}}; "
                              f"got {names!r}")
        out["names"] = {str(k): [str(x) for x in v] for k, v in names.items()}
    opposing = spec.get("opposing", False)
    if not isinstance(opposing, bool):
        raise SchemaError(f"{where}.opposing: expected true or false, got {opposing!r}")
    out["opposing"] = opposing
    for key, what in (("cluster", "a corpus column"), ("hand", "a corpus column"), ("freq", "a period such as D or W")):
        if spec.get(key) is not None:
            out[key] = _name(spec[key], f"{where}.{key}", what)
    labels = spec.get("labels")
    if labels is not None:
        if not isinstance(labels, Mapping):
            raise SchemaError(f"{where}.labels: expected hand label -> side, got {labels!r}")
        out["labels"] = {str(k): str(v) for k, v in labels.items()}
    deaths = spec.get("deaths")
    if deaths is not None:
        d = {"file": deaths} if isinstance(deaths, str) else deaths
        if not isinstance(d, Mapping):
            raise SchemaError(f"{where}.deaths: expected a file name or a mapping with 'file', got {deaths!r}")
        bad = sorted(set(map(str, d)) - _DEATHS_KEYS)
        if bad:
            raise SchemaError(f"{where}.deaths: unknown key(s) {bad}; allowed: {sorted(_DEATHS_KEYS)}")
        file = _name(d.get("file"), f"{where}.deaths.file", "a CSV file")
        columns = d.get("columns")
        if columns is not None and (not isinstance(columns, Mapping) or not all(
                isinstance(v, (list, str)) for v in columns.values())):
            raise SchemaError(f"{where}.deaths.columns: expected side -> list of columns, got {columns!r}")
        if not isinstance(d.get("cumulative", False), bool):
            raise SchemaError(f"{where}.deaths.cumulative: expected true or false, got {d.get('cumulative')!r}")
        out["deaths"] = {"file": file, "date": str(d.get("date", "date")), "cumulative": bool(d.get("cumulative", False)),
                         **({"date_format": str(d["date_format"])} if d.get("date_format") else {}),
                         **({"columns": {str(k): [v] if isinstance(v, str) else [str(x) for x in v]
                                         for k, v in columns.items()}} if columns else {})}
        path = Path(base or ".") / file
        if not path.is_file():
            raise InputNotFoundError(f"{where}.deaths: {path} does not exist (paths are relative to the spec's folder)")
    out["_base"] = str(base or ".")
    return out


def read_deaths(deaths: Mapping[str, Any], base: str | Path = ".") -> pd.DataFrame:
    """The reported deaths of a ``deaths:`` spec as columns ``date``, ``side``, ``deaths``.

    A table in long form (``date``, ``side``, ``deaths``) is read as it is; with ``columns`` each side's
    deaths are the sum of its columns (a wide table such as UN OCHA's, one column per area).

    Raises
    ------
    framing.errors.SchemaError
        A column is missing (the message names the file and the columns found), or a date or a count
        cannot be read (the message names the row).
    """
    path = Path(base) / deaths["file"]
    try:
        table = pd.read_csv(path, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{path}: not UTF-8 text (byte {exc.start}); save the deaths table as UTF-8 CSV") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SchemaError(f"{path}: cannot read it as CSV ({exc}); expected a header line and one row per "
                          f"date") from None
    date_col = deaths.get("date", "date")
    columns = deaths.get("columns")
    need = [date_col, *(c for cols in (columns or {}).values() for c in cols)] if columns else [date_col, "side",
                                                                                                 "deaths"]
    missing = [c for c in need if c not in table.columns]
    if missing:
        raise SchemaError(f"{path}: no column(s) {missing}; columns: {list(map(str, table.columns))}")
    dates = pd.to_datetime(table[date_col], format=deaths.get("date_format"), errors="coerce")
    if dates.isna().any():
        row = int(np.flatnonzero(dates.isna().to_numpy())[0])
        raise SchemaError(f"{path}, row {row + 2}: cannot read the date {table[date_col].iloc[row]!r}")
    if columns:
        parts = [pd.DataFrame({"date": dates, "side": side, "deaths": table[cols].apply(pd.to_numeric, errors="coerce")
                               .sum(axis=1, min_count=len(cols))}) for side, cols in columns.items()]
        out = pd.concat(parts, ignore_index=True)
    else:
        out = pd.DataFrame({"date": dates, "side": table["side"].astype(str),
                            "deaths": pd.to_numeric(table["deaths"], errors="coerce")})
    if out["deaths"].isna().any():
        row = int(np.flatnonzero(out["deaths"].isna().to_numpy())[0]) % len(table)
        raise SchemaError(f"{path}, row {row + 2}: a death count is missing or not a number")
    return out.sort_values(["date", "side"], kind="stable").reset_index(drop=True)


def analyse(analysis: Analysis, spec: Mapping[str, Any], *, by: str, cluster: Any = None) -> None:
    """Add the section's tables to ``analysis.tables`` (see the module documentation).

    The statements of one article are the cluster, or the section's own ``cluster``, else the report's when it
    names a column (the article of each sentence in a sentence dataset)."""
    corpus = analysis.corpus
    sides = list(spec["sides"])
    if not (isinstance(cluster, str) and cluster not in ("auto", "doc_id")):
        cluster = None
    cluster = spec.get("cluster") or cluster
    for col in (cluster, spec.get("hand")):
        if col is not None and col not in corpus.columns:
            analysis.note(SECTION, f"the corpus has no column {col!r}: nothing compared")
            return
    if spec.get("names") or spec.get("opposing"):
        # the casualty statements again, with the sides' own names and the pair at war: the same table
        # then feeds the casualty section, the evidence and this one
        matched = analysis.tables.get("matches")
        if matched is not None and "casualty" not in set(matched["lexicon"].astype(str)):
            matched = None
        analysis.tables["casualties"] = stage_measures.casualties(
            corpus, annotations=analysis.annotations, matches=matched, sides=spec.get("names") or None,
            opposing=sides if spec.get("opposing") else None)
    cas = analysis.tables.get("casualties")
    if cas is None or cas.empty:
        analysis.note(SECTION, "no casualty statement found: nothing to compare")
        return
    cas = cas.reset_index(drop=True)
    opts: dict[str, Any] = {"cluster": cluster} if cluster else {}
    run_statistic(analysis, SECTION, "casualty_asymmetry", stage_stats.casualty_asymmetry, "casualty_asymmetry", cas,
                  sides, by=by, corpus=corpus, what=f"framing of {sides[0]}'s and {sides[1]}'s deaths", **opts)
    run_statistic(analysis, SECTION, "emotive_by_side", stage_stats.emotive_by_side, "emotive_by_side", cas, sides,
                  by=by, corpus=corpus, what="emotive words by side", **opts)
    analysis.tables["emotive_statements"] = stage_stats.emotive_statements(cas)
    if "emotive_by_side" in analysis.tables and analysis.tables["emotive_by_side"].empty:
        analysis.note(SECTION, f"no asserted, negated or hypothetical statement of {sides[0]}'s or {sides[1]}'s dead "
                               "uses an emotive word")
    if spec.get("deaths"):
        deaths = read_deaths(spec["deaths"], spec.get("_base", "."))
        time = "date"
        if time not in corpus.columns:
            analysis.note(SECTION, "the corpus has no 'date' column: no mentions per reported death")
        else:
            tables = []
            codings = [("library", cas)]
            if spec.get("hand"):
                codings.append(("hand", hand_statements(corpus, spec)))
            for coding, table in codings:
                for freq in (None, spec.get("freq")) if spec.get("freq") else (None,):
                    key = f"_mpd_{coding}_{freq}"
                    run_statistic(analysis, SECTION, key, stage_stats.mentions_per_death, "mentions_per_death", table,
                                  deaths, sides, corpus=corpus, by=by, time=time, freq=freq,
                                  cumulative=spec["deaths"]["cumulative"],
                                  what=f"mentions per reported death ({coding} sides)", **opts)
                    if key in analysis.tables:
                        tables.append(analysis.tables.pop(key).assign(coding=coding, period=freq or "all"))
            if tables:
                analysis.tables["mentions_per_death"] = pd.concat(tables, ignore_index=True)
    if spec.get("hand"):
        run_statistic(analysis, SECTION, "side_agreement", stage_stats.side_agreement, "side_agreement", cas, corpus,
                      spec["hand"], sides, labels=spec.get("labels"), by=by, cluster=cluster,
                      what="agreement with the hand coding")


def hand_statements(corpus: pd.DataFrame, spec: Mapping[str, Any]) -> pd.DataFrame:
    """One statement per document the hand coding (``spec["hand"]``, through ``spec["labels"]``) gives one of
    ``spec["sides"]``: the hand coding's mentions, as a casualty table (``doc_id``, ``victim_side``, ``negated``,
    ``hypothetical``) for :func:`framing.mentions_per_death`. A document coded "both" is left out."""
    labels = spec.get("labels") or {}
    side = corpus[spec["hand"]].astype("string").map(lambda v: labels.get(str(v), str(v)) if not pd.isna(v) else None)
    keep = side.isin(spec["sides"]).fillna(False).to_numpy()
    return pd.DataFrame({"doc_id": corpus["doc_id"].astype(str)[keep].to_numpy(),
                         "victim_side": side[keep].astype(str).to_numpy(), "negated": False, "hypothetical": False})


def figures(tables: Mapping[str, pd.DataFrame]) -> list[tuple[str, Callable[[], Any]]]:
    """``(stem, draw)`` of the section's figures."""
    from framing.report import plot

    out: list[tuple[str, Callable[[], Any]]] = []
    if "casualty_asymmetry" in tables and len(tables["casualty_asymmetry"]):
        out.append(("casualty_asymmetry", lambda: plot.casualty_asymmetry(tables["casualty_asymmetry"], voice="own")))
    mpd = tables.get("mentions_per_death")
    if mpd is not None and (mpd["period"] != "all").any():
        lib = mpd[(mpd["period"] != "all") & (mpd["coding"] == "library")]
        out.append(("mentions_per_death", lambda: plot.mentions_per_death(lib)))
    return out


_SHOWN = ("group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted", "count", "exposure", "n_docs", "method",
          "note")


def section(analysis: Analysis, ref_ids: Mapping[tuple[str, int], list[str]], figures: Mapping[str, str],
            tables: Mapping[str, str], by: str) -> tuple[str, str, str]:
    """``(anchor, title, html)`` of the section."""
    t = analysis.tables
    body = notes_html(analysis, SECTION)
    cas = t.get("casualties")
    cas = cas.reset_index(drop=True) if cas is not None else pd.DataFrame(columns=["doc_id", "victim_side", "voice"])
    corpus = analysis.corpus

    def ids_of(rows) -> list[str]:
        return [e for i in rows for e in ref_ids.get(("casualties", int(i)), [])]

    group_of = dict(zip(corpus["doc_id"].astype(str), corpus[by].astype(str)))
    cas_group = cas["doc_id"].astype(str).map(group_of).to_numpy(dtype=object)
    if "casualty_asymmetry" in figures:
        body += figure_html("casualty_asymmetry", "Whose deaths, and how: per group, the share of each side's "
                            "casualty statements in the outlet's own voice with a number, a named agent, humanising "
                            "details and emotive words; whiskers: 95% intervals, clustered by article.",
                            alt="casualty framing by side per group")
    if "casualty_asymmetry" in t:
        table = t["casualty_asymmetry"]
        shown = table[[c for c in _SHOWN if c in table.columns]]
        links = []
        side_of = cas["victim_side"].astype("string").fillna("").to_numpy(dtype=object)
        counted = {v: stage_stats.counted_statements(cas, v) for v in ("all", "own", "quoted")}
        for r in table.itertuples(index=False):
            # "number [own]: Iran" links to the statements it counts: Iran's, asserted, in the outlet's voice
            head, side = str(r.measure).rsplit(": ", 1)
            voice = head[head.index("[") + 1:head.index("]")] if "[" in head else "all"
            rows = np.flatnonzero(counted.get(voice, counted["all"]) & (side_of == side) & (cas_group == str(r.group)))
            links.append((None, ids_of(rows)))
        body += table_html(shown, caption="Each side's casualty statements per article and how they are reported, "
                           "95% intervals (articles as clusters), differences and ratios between the sides",
                           csv=tables.get("casualty_asymmetry"), links=links)
    if "emotive_by_side" in t:
        em = t["emotive_by_side"]
        ev = t.get("emotive_statements", pd.DataFrame(columns=["row", "word", "victim_side", "voice"]))
        links = []
        for r in em.itertuples(index=False):
            mask = (ev["word"] == r.word).to_numpy(dtype=bool)
            if r.voice != "all":
                mask = mask & (ev["voice"] == r.voice).to_numpy(dtype=bool)
            if r.side in _sides(em):
                mask = mask & (ev["victim_side"].astype("string") == r.side).fillna(False).to_numpy(dtype=bool)
            else:
                mask = mask & ev["victim_side"].isin(_sides(em)).to_numpy(dtype=bool)
            rows = [i for i in ev.loc[mask, "row"] if cas_group[int(i)] == str(r.group)]
            links.append((None, ids_of(rows)))
        body += ('<p class="note">Emotive words as the published studies count them: <em>count</em> is the side\'s '
                 "asserted statements using the word (inflections together), <em>negated</em> and "
                 "<em>hypothetical</em> statements are counted apart and never as reported deaths; <em>own</em> is "
                 "the outlet's voice (narration and scare quotes), <em>quoted</em> its sources'. Each number links "
                 "to the statements behind it.</p>")
        body += table_html(em, caption="Emotive words by the victims' side and voice, 95% intervals",
                           csv=tables.get("emotive_by_side"), links=links)
    if "mentions_per_death" in figures:
        body += figure_html("mentions_per_death", "Casualty statements per 1,000 reported deaths of each side, period "
                            "by period (the library's victim sides); bands: 95% intervals over articles.",
                            alt="mentions per reported death over time", wide=True)
    if "mentions_per_death" in t:
        mpd = t["mentions_per_death"]
        cols = ["coding", "period", *[c for c in _SHOWN if c in mpd.columns]]
        body += table_html(mpd[cols], caption="Mentions per 1,000 reported deaths by side and the ratio between the "
                           "sides (whole span and per period; coding: the library's victim sides or the hand coding)",
                           csv=tables.get("mentions_per_death"))
    if "side_agreement" in t:
        sa = t["side_agreement"]
        body += table_html(sa[[c for c in _SHOWN if c in sa.columns]],
                           caption="How far the library's victim side reproduces the hand coding, 95% intervals",
                           csv=tables.get("side_agreement"))
    return SECTION, "Whose deaths: casualties by side", body


def _sides(emotive: pd.DataFrame) -> list[str]:
    """The two sides of an :func:`framing.emotive_by_side` table."""
    return [s for s in dict.fromkeys(emotive["side"].astype(str)) if " / " not in s and " - " not in s]
