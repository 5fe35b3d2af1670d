"""A synthetic corpus and evidence table at any scale, for the report's evidence browser (no measure is run).

The evidence table has the columns of :func:`framing.report.evidence.evidence_table`; its spans are words of
the synthetic texts, so ``text[start:end]`` is a known word (the expected highlight of each finding).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.report.analysis import Analysis

WORDS = ("the officials said that forces crossed the border on monday while residents reported strikes near "
         "the town and the ministry denied any role in the attack according to a statement").split()
#: (kind, keys, voice, the word its span covers)
FINDINGS = (
    ("match", ["match", "match|hedging", "match|hedging:reporting"], "narrator", "reported"),
    ("match", ["match", "match|attribution", "match|attribution:neutral"], "quote", "said"),
    ("match", ["match", "match|attribution", "match|attribution:denial"], "narrator", "denied"),
    ("label", ["label", "label|Army", "label|Army|military"], "narrator", "forces"),
    ("attribution", ["attribution", "attribution|neutral"], None, "according"),
    ("casualty", ["casualty", "casualty|nominal", "casualty|victims|civilians"], "scare_quote", "residents"),
)


def synthetic_report_inputs(n_docs: int, *, n_outlets: int = 150, sentences: int = 12, seed: int = 0):
    """(Analysis, evidence) of ``n_docs`` synthetic articles from ``n_outlets`` outlets.

    Every third article has no finding; the others have one finding per occurrence of each
    word in :data:`FINDINGS` (about 25 per article with the defaults).
    """
    rng = np.random.default_rng(seed)
    docs, rows = [], []
    for i in range(n_docs):
        doc = f"d{i:05d}"
        words = [WORDS[j] for j in rng.integers(0, len(WORDS), size=sentences * 14)]
        text = ". ".join(" ".join(words[k:k + 14]).capitalize() for k in range(0, len(words), 14)) + "."
        docs.append({"doc_id": doc, "outlet": f"Outlet {i % n_outlets:03d}", "title": f"Report number {i}",
                     "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text})
        if i % 3 == 2:
            continue
        lower = text.lower()
        for kind, keys, voice, word in FINDINGS:
            at = lower.find(f" {word} ")
            while at >= 0:
                rows.append(dict(kind=kind, doc_id=doc, start=at + 1, end=at + 1 + len(word), keys=list(keys),
                                 voice=voice, desc=f"{keys[-1]} \u00b7 \u201c{word}\u201d", ref=("synthetic", len(rows))))
                at = lower.find(f" {word} ", at + 1)
    corpus = pd.DataFrame(docs)
    evidence = pd.DataFrame(rows, columns=["kind", "doc_id", "start", "end", "keys", "voice", "desc", "ref"])
    evidence = evidence.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    evidence["eid"] = [f"e{i}" for i in range(len(evidence))]
    return Analysis(corpus=corpus), evidence


def write_synthetic_report(out, n_docs: int, *, per_page: int = 25, seed: int = 0):
    """Write the evidence browser of :func:`synthetic_report_inputs` into ``out``: ``index.html`` with one
    table (section ``links``) whose rows open findings of articles far down the index, and ``evidence/``.

    Returns (index path, corpus, evidence, browser index).
    """
    from pathlib import Path

    from framing.report import html as page_html
    from framing.report.browser import evidence_browser, write_evidence_files

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    analysis, evidence = synthetic_report_inputs(n_docs, seed=seed)
    browser = evidence_browser(analysis.corpus, evidence, per_page=per_page)
    write_evidence_files(out, browser)
    # rows: the findings of the last article of the index that has some, of one in the middle, and a
    # category + voice + outlet filter
    index = browser.index[browser.index["n_findings"] > 0]
    picked = [index.iloc[-1], index.iloc[len(index) // 2]]
    rows, links = [], []
    for r in picked:
        ids = list(evidence.loc[evidence["doc_id"] == r.doc_id, "eid"])
        rows.append({"what": f"findings of {r.doc_id}", "doc_id": r.doc_id, "count": len(ids)})
        links.append((None, ids))
    outlet = str(index.iloc[-1].outlet)
    rows.append({"what": "denial verbs, own voice", "doc_id": "", "count": 0})
    links.append(({"category": "match|attribution:denial", "voice": "narrator", "outlet": outlet}, None))
    table = page_html.table_html(pd.DataFrame(rows), caption="Links into the evidence", csv=None, links=links)
    html_text = page_html.page(analysis, evidence, [("links", "Links", table)], title="Synthetic report",
                               browser=browser)
    index_path = out / "index.html"
    index_path.write_text(html_text, encoding="utf-8")
    return index_path, analysis.corpus, evidence, browser.index
