"""The report's evidence browser: a small article index inside the page, and the highlighted text of the
articles in pages of a few articles each, written beside the page and loaded when shown.

How it is laid out
------------------
- The page carries an index of every article it browses (doc id, outlet, title, date) with, per article,
  how many findings of each *signature* it has. A signature is what the filters look at (kind, filter keys,
  voice, colour family); a report has a few hundred at most, so the index grows by about a hundred bytes
  per article and the page opens fast at ten thousand articles.
- The highlighted text of the articles, and each finding's description, are in ``evidence/0001.js``,
  ``evidence/0002.js``... beside ``index.html``: ``per_page`` articles each, in the index's order (by outlet,
  then the corpus's order), so one page of the unfiltered index is one file. Each file calls
  ``framingEvidence(n, {...})``; the page loads a file by adding a ``<script src>`` element, which works
  when the report is opened from disk (``file://``), where reading JSON with ``fetch`` is blocked.
- Evidence ids (``e0``, ``e1``...) run in the order of the evidence table, which is sorted by document: the
  findings of an article are the ids from its ``first_eid`` on, so a link to any finding finds its article
  (and its file) without loading anything.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing._checks import check_count
from framing.report.evidence import colours_for, segments

__all__ = ["EVIDENCE_FOLDER", "Browser", "article_index", "chunk_scripts", "evidence_browser", "family_of",
           "script_json", "write_evidence_files"]

#: folder of the evidence files, beside ``index.html``
EVIDENCE_FOLDER = "evidence"


def family_of(keys: Sequence[str]) -> str:
    """The colour family of a finding: matches by lexicon, labels by actor; other kinds one family each."""
    return keys[1] if keys[0] in ("match", "label") and len(keys) > 1 else keys[0]


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element or a script file (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_index(corpus: pd.DataFrame, evidence: pd.DataFrame, *, per_page: int = 25,
                  max_articles: int | None = None) -> pd.DataFrame:
    """The articles of the evidence browser, in its order, with the file holding each.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The report's corpus (``doc_id``, ``outlet``; ``title`` and ``date`` when present).
    evidence : pandas.DataFrame
        The evidence table (:func:`framing.report.evidence.evidence_table`), sorted by document.
    per_page : int
        Articles per evidence file (and per page of the browser's index).
    max_articles : int, optional
        Browse only the first articles of the corpus (default all).

    Returns
    -------
    pandas.DataFrame
        One row per article: ``doc_id`` (str), ``outlet`` (str), ``title`` (str, empty when none), ``date``
        (str, empty when none), ``n_findings`` (int), ``first_eid`` (int, the number of its first evidence
        id; -1 when it has none), ``chunk`` (int, from 1) and ``file`` (str, the evidence file relative to
        the page). Ordered by outlet, then the corpus's order; ``chunk`` is ``position // per_page + 1``.
    """
    check_count("articles_per_page", per_page, minimum=1)
    docs = corpus.reset_index(drop=True)
    if max_articles is not None:
        docs = docs.head(max_articles)

    def text_column(name: str) -> pd.Series:
        if name not in docs.columns:
            return pd.Series([""] * len(docs), dtype=object)
        values = docs[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            return values.dt.strftime("%Y-%m-%d").fillna("")
        return values.map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v))

    out = pd.DataFrame({"doc_id": docs["doc_id"].astype(str), "outlet": docs["outlet"].astype(str),
                        "title": text_column("title"), "date": text_column("date")})
    eid_number = evidence["eid"].astype(str).str.slice(1).astype("int64")
    per_doc = pd.DataFrame({"doc_id": evidence["doc_id"].astype(str), "n": eid_number}).groupby(
        "doc_id", sort=False)["n"].agg(["size", "min", "max"])
    spread = per_doc["max"] - per_doc["min"] + 1 != per_doc["size"]
    if spread.any():
        raise ValueError(f"the evidence of {spread[spread].index[0]!r} does not have consecutive ids: the evidence "
                         "table must be sorted by document (as evidence_table returns it)")
    out["n_findings"] = out["doc_id"].map(per_doc["size"]).fillna(0).astype("int64")
    out["first_eid"] = out["doc_id"].map(per_doc["min"]).fillna(-1).astype("int64")
    out = out.sort_values("outlet", kind="stable").reset_index(drop=True)
    out["chunk"] = (out.index // per_page + 1).astype("int64")
    out["file"] = [f"{EVIDENCE_FOLDER}/{c:04d}.js" for c in out["chunk"]]
    return out


@dataclass
class Browser:
    """What the page and the evidence files of a report's browser are made of (see :func:`evidence_browser`)."""

    index: pd.DataFrame
    #: one entry per signature: kind, keys, voice, family, color
    signatures: list[dict[str, Any]]
    #: colour of each family, in the legend's order
    colours: dict[str, str]
    #: evidence file (relative to the page) -> its script text
    files: dict[str, str] = field(default_factory=dict)
    per_page: int = 25
    n_corpus: int = 0

    def page_data(self) -> str:
        """The JSON the page carries: signatures, files, and one row per article
        ``[doc_id, outlet, title, date, chunk, first_eid, [[signature, count], ...]]``."""
        return script_json({"sigs": self.signatures, "files": sorted(self.files), "perPage": self.per_page,
                            "nCorpus": self.n_corpus, "docs": self.rows})

    #: one row per article of ``index``, as :meth:`page_data` gives them
    rows: list = field(default_factory=list, repr=False)


def chunk_scripts(corpus: pd.DataFrame, evidence: pd.DataFrame, index: pd.DataFrame,
                  signature: Sequence[int]) -> dict[str, str]:
    """The evidence files: file name -> ``framingEvidence(n, {"docs": {doc_id: {"html", "items"}}})``.

    ``html`` is the article's text with every span wrapped (:func:`framing.report.evidence.segments`);
    ``items`` has one ``[signature, description]`` per finding, in evidence-id order from the article's
    ``first_eid``. Every article of ``index`` is in exactly one file, the one its ``file`` names.
    """
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)))
    ev = evidence.assign(_sig=list(signature))
    by_doc = {str(doc): part for doc, part in ev.groupby(ev["doc_id"].astype(str), sort=False)}
    empty = ev.iloc[:0]
    files: dict[str, dict[str, Any]] = {}
    numbers: dict[str, int] = {}
    for r in index.itertuples(index=False):
        spans = by_doc.get(r.doc_id, empty)
        entry = {"html": segments(texts[r.doc_id], spans),
                 "items": [[int(s), str(d)] for s, d in zip(spans["_sig"], spans["desc"])]}
        files.setdefault(r.file, {})[r.doc_id] = entry
        numbers[r.file] = int(r.chunk)
    # a script file, not an element of the page: only JSON's own escapes are needed
    return {name: "framingEvidence(%d, %s);\n" % (numbers[name], json.dumps(
                {"docs": docs}, ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":")))
            for name, docs in files.items()}


def evidence_browser(corpus: pd.DataFrame, evidence: pd.DataFrame, *, per_page: int = 25,
                     max_articles: int | None = None) -> Browser:
    """The article index, signatures, colours and evidence files of a report's browser.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The report's corpus.
    evidence : pandas.DataFrame
        Its evidence table (:func:`framing.report.evidence.evidence_table`).
    per_page : int
        Articles per evidence file and per page of the index.
    max_articles : int, optional
        Browse only the first articles of the corpus (default all).

    Returns
    -------
    Browser
        ``index`` (:func:`article_index`), ``signatures``, ``colours`` (family -> colour) and ``files``
        (evidence file -> script text, :func:`chunk_scripts`).
    """
    index = article_index(corpus, evidence, per_page=per_page, max_articles=max_articles)
    colours = colours_for(list(dict.fromkeys(family_of(list(ks)) for ks in evidence["keys"])))
    sig_ids: dict[tuple, int] = {}
    signatures: list[dict[str, Any]] = []
    signature = []
    for kind, keys, voice in zip(evidence["kind"], evidence["keys"], evidence["voice"]):
        voice = voice if isinstance(voice, str) else None
        key = (kind, tuple(keys), voice)
        if key not in sig_ids:
            family = family_of(list(keys))
            sig_ids[key] = len(signatures)
            signatures.append({"kind": kind, "keys": list(keys), "voice": voice, "family": family,
                               "color": colours.get(family, "#ffe58a")})
        signature.append(sig_ids[key])
    counts: dict[str, dict[int, int]] = {}
    for doc, sig in zip(evidence["doc_id"].astype(str), signature):
        per = counts.setdefault(doc, {})
        per[sig] = per.get(sig, 0) + 1
    rows = [[r.doc_id, r.outlet, r.title, r.date, int(r.chunk), int(r.first_eid),
             sorted([s, n] for s, n in counts.get(r.doc_id, {}).items())] for r in index.itertuples(index=False)]
    browser = Browser(index=index, signatures=signatures, colours=colours, per_page=per_page,
                      n_corpus=int(len(corpus)), rows=rows)
    browser.files = chunk_scripts(corpus, evidence, index, signature)
    return browser


def write_evidence_files(out: str | Path, browser: Browser) -> list[str]:
    """Write the browser's evidence files into ``out/evidence/``, each atomically.

    Parameters
    ----------
    out : str or Path
        The report folder.
    browser : Browser
        The evidence browser (:func:`evidence_browser`).

    Returns
    -------
    list of str
        The files written, relative to ``out``, in order.
    """
    from framing import _atomic

    folder = Path(out) / EVIDENCE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for rel in sorted(browser.files):
        _atomic.write_text(Path(out) / rel, browser.files[rel])
    return sorted(browser.files)
