"""The report's "Who gets a voice" section: the sources of every statement, their shares and the balance of sides.

Asked for by a study's ``sources:`` key (or ``framing.report(..., sources={...})``)::

    sources:
      sides: [Pakistan, Iran]     # the two sides whose balance is compared (optional)
      home: United States         # the side of officials the text gives none (optional; or a corpus column)
      people: corpus              # a person an article names without a role takes the role other articles
                                  # give the same full name (optional; default article: the article alone)

:func:`analyse_sources` adds the tables ``sources`` (one row per statement, :func:`framing.sources`),
``source_type_shares``, ``source_side_shares``, ``source_anonymous_shares`` (:func:`framing.source_shares`),
and, with two sides, ``article_balance`` and ``source_balance``; :func:`section` renders them with the
figure, and every source row links to its statement in the article. The shares are clustered as the study's
``cluster`` says (by default the outlet when the groups are leanings, else the article).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from framing import measures as stage_measures
from framing import stats as stage_stats
from framing.errors import SchemaError
from framing.report.analysis import Analysis, run_statistic
from framing.report.html import escape, figure_html, notes_html, table_html

__all__ = ["SECTION", "TABLES", "analyse_sources", "check_spec", "section"]

#: the section's anchor in the report and in ``Analysis.notes``
SECTION = "sources"
#: the tables the section writes, in order
TABLES = ("sources", "source_type_shares", "source_side_shares", "source_anonymous_shares", "article_balance",
          "source_balance")
_KEYS = {"sides", "home", "people"}


def check_spec(spec: Any, where: str = "sources") -> dict[str, Any]:
    """A validated ``sources:`` spec: ``True`` or ``{}`` for the defaults, else ``{sides: [a, b], home: str,
    people: article | corpus}``.

    Raises
    ------
    framing.errors.SchemaError
        On an unknown key, or ``sides`` that are not two different names, or a ``home`` that is not a string,
        or ``people`` other than article or corpus.
    """
    if spec is True or spec is None:
        return {}
    if not isinstance(spec, Mapping):
        raise SchemaError(f"{where}: expected a mapping with 'sides' and/or 'home' (or true), got {spec!r}")
    unknown = sorted(set(map(str, spec)) - _KEYS)
    if unknown:
        raise SchemaError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(_KEYS)}")
    out: dict[str, Any] = {}
    sides = spec.get("sides")
    if sides is not None:
        if not isinstance(sides, list) or len(sides) != 2 or not all(isinstance(s, str) for s in sides) \
                or sides[0] == sides[1]:
            raise SchemaError(f"{where}.sides: expected two different side names, e.g. [Pakistan, Iran]; got {sides!r}")
        out["sides"] = [str(s) for s in sides]
    home = spec.get("home")
    if home is not None:
        if not isinstance(home, str) or not home.strip():
            raise SchemaError(f"{where}.home: expected a side name or a corpus column, got {home!r}")
        out["home"] = home.strip()
    people = spec.get("people")
    if people is not None:
        if people not in ("article", "corpus"):
            raise SchemaError(f"{where}.people: expected article or corpus, got {people!r}")
        out["people"] = people
    return out


def analyse_sources(analysis: Analysis, spec: Mapping[str, Any], *, actors: Mapping[str, Any] | None,
                    annotations: Any, matches: pd.DataFrame | None, by: str, seed: int, n_resamples: int,
                    cluster: Any = "auto") -> None:
    """Add the sources table and its comparisons to ``analysis.tables`` (see the module documentation); the
    shares are clustered as the report's ``cluster`` says."""
    corpus = analysis.corpus
    # the report's attributions, when it ran them, are the ones sources reads: found once
    table = stage_measures.sources(corpus, actors=actors or None, home=spec.get("home"), annotations=annotations,
                                   matches=matches, attributions=analysis.tables.get("attributions"),
                                   people=spec.get("people", "article"))
    analysis.tables["sources"] = table
    if table.empty:
        analysis.note(SECTION, "no attributed statement found: nothing to compare")
        return
    opts = dict(seed=seed, n_resamples=n_resamples, cluster=cluster)
    for key, outcome, what in (("source_type_shares", "source_type", "shares of source types"),
                               ("source_side_shares", "affiliation", "shares of sides"),
                               ("source_anonymous_shares", "anonymous", "shares of anonymous sources")):
        run_statistic(analysis, SECTION, key, stage_stats.source_shares, "source_shares", table, by, outcome,
                      corpus=corpus, what=what, **opts)
    sides = spec.get("sides")
    if sides:
        analysis.tables["article_balance"] = stage_stats.article_balance(table, sides)
        run_statistic(analysis, SECTION, "source_balance", stage_stats.source_balance, "source_balance", table, sides,
                      by=by, corpus=corpus, what=f"balance of {sides[0]} and {sides[1]}", **opts)


def section(analysis: Analysis, ref_ids: Mapping[tuple[str, int], list[str]], figures: Mapping[str, str],
            tables: Mapping[str, str]) -> tuple[str, str, str]:
    """``(anchor, title, html)`` of the section."""
    t = analysis.tables
    body = notes_html(analysis, SECTION)
    if "sources" in t:
        src = t["sources"].reset_index(drop=True)
        if "source_types" in figures:
            body += figure_html("source_types", "Who gets a voice: the share of each outlet's attributed statements "
                                "by source type; whiskers: 95% intervals, clustered by article.",
                                alt="source type shares per outlet")
        if "article_balance" in t:
            bal = t["article_balance"]
            a, b = (bal["a"].iloc[0], bal["b"].iloc[0]) if len(bal) else ("a", "b")
            body += (f'<p class="note">Balance = ({escape(a)} \u2212 {escape(b)}) / ({escape(a)} + {escape(b)}) '
                     f"among statements of sources affiliated with either: +1 only {escape(a)}, \u22121 only "
                     f"{escape(b)}.</p>")
            links = []
            for r in bal.itertuples(index=False):
                rows = src.index[(src["doc_id"] == r.doc_id)]
                links.append((None, [e for i in rows for e in ref_ids.get(("sources", int(i)), [])]))
            body += table_html(bal, caption="Voices of each side in each article", csv=tables.get("article_balance"),
                               links=links)
        for key, caption in (("source_balance", "Balance of the two sides per group, 95% intervals and contrasts"),
                             ("source_side_shares", "Shares of statements by side, 95% intervals"),
                             ("source_type_shares", "Shares of statements by source type, 95% intervals"),
                             ("source_anonymous_shares", "Anonymous and named sources, 95% intervals")):
            if key in t:
                shown = t[key][[c for c in ("group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted",
                                            "count", "exposure", "method", "note") if c in t[key].columns]]
                body += table_html(shown, caption=caption, csv=tables.get(key))
        links = [(None, ref_ids.get(("sources", i), [])) for i in range(len(src))]
        body += table_html(src, caption="Every attributed statement and its source", csv=tables.get("sources"),
                           links=links, columns=["doc_id", "outlet", "source", "source_mention", "source_type",
                                                 "affiliation", "anonymous", "verb", "kind", "n_words", "start", "end"])
    return SECTION, "Who gets a voice: sources", body
