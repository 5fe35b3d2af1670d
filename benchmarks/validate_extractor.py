"""framing.validate on one of the library's own extractors: quotes vs PolNeAR content spans.

Run from the project root::

    python benchmarks/validate_extractor.py
    python benchmarks/validate_extractor.py --split dev --boot 2000

Data: ``../shared/datasets/polnear/<split>`` beside the project (PolNeAR
v1.0.0, Newell, Margolin & Ruths, LREC 2018; see its SOURCE.md), read, never
copied. One annotator file per article: where an article has several, the
first by file name. The texts are used exactly as stored (no boilerplate
cleaning), so the human offsets index them.

What is compared
----------------
* predicted: the ``direct`` quotes of :func:`framing.quotes` (scare quotes are
  not attributions), their content between the marks;
* gold: every segment of every human ``Content`` span. A discontinuous content
  (``"A," he said, "B."``) gives one gold span per segment, as the library
  gives one quote per quoted stretch. Two gold sets are reported:

  - ``quoted content``: segments enclosed in quotation marks (after trimming
    white space and ``.,;:?!``, the segment begins with an opening mark or
    follows one, and ends with a closing mark or precedes one) -- what a
    direct-quote extractor should find;
  - ``all content``: every segment, including reported speech without marks
    (``said that ...``), which a quote extractor is not meant to find; its
    precision says how often a library quote lies in human-coded attributed
    content at all.

* Both sides are trimmed of white space, quotation marks and ``.,;:?!`` at the
  ends before matching, so ``exact`` compares the words, not the marks.
* :func:`framing.validate` with ``overlap="exact"``, ``"any"`` and
  ``"jaccard"`` (min 0.5); one-to-one matching within each document; percentile
  bootstrap intervals over documents.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import pandas as pd

import framing

ROOT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear"
OPEN = "“\"‘'«`"
CLOSE = "”\"’'»"
TRIM = " \t\r\n\u00a0“”\"‘’'«».,;:?!`"
SPAN = re.compile(r"^T\d+\t(\w[\w-]*) ([\d ;]+)\t", re.M)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def enclosed(text: str, start: int, end: int) -> bool:
    """Is text[start:end] in quotation marks (marks inside the span or just outside)?"""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:?!"):
        e -= 1
    opens = (s < e and text[s] in OPEN) or (s > 0 and text[s - 1] in OPEN)
    closes = (e > s and text[e - 1] in CLOSE) or (e < len(text) and text[e] in CLOSE)
    return opens and closes


def load(split: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = ROOT / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        base = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(base, ann)
    docs, gold = [], []
    for base, ann in chosen.items():
        text = (folder / "text" / f"{base}.txt").read_text(encoding="utf-8")
        docs.append({"doc_id": base, "outlet": base.split("_", 1)[0], "text": text})
        for m in SPAN.finditer(ann.read_text(encoding="utf-8")):
            if m.group(1) != "Content":
                continue
            for seg in m.group(2).split(";"):
                a, b = map(int, seg.split())
                s, e = trim(text, a, b)
                if s < e:
                    gold.append({"doc_id": base, "start": s, "end": e, "quoted": enclosed(text, a, b)})
    return pd.DataFrame(docs), pd.DataFrame(gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--boot", type=int, default=1000)
    args = ap.parse_args()
    if not ROOT.exists():
        raise SystemExit(f"dataset not found: {ROOT}")
    corpus, gold = load(args.split)
    t = time.perf_counter()
    found = framing.quotes(corpus)
    took = time.perf_counter() - t
    direct = found[found["kind"] == "direct"]
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    pred = pd.DataFrame([
        dict(zip(("doc_id", "start", "end"), (d, *trim(texts[d], s, e))))
        for d, s, e in zip(direct["doc_id"], direct["start"], direct["end"])
    ])
    pred = pred[pred["end"] > pred["start"]]
    print(f"PolNeAR {args.split}: {len(corpus)} articles, {len(gold)} gold content segments "
          f"({int(gold['quoted'].sum())} in quotation marks); framing.quotes found {len(found)} quotes "
          f"({len(direct)} direct) in {took:.1f}s")
    docs = corpus["doc_id"].tolist()
    rows = []
    for gold_name, g in (("quoted content", gold[gold["quoted"]]), ("all content", gold)):
        for overlap in ("exact", "any", "jaccard"):
            out = framing.validate(pred, g[["doc_id", "start", "end"]], overlap=overlap, min_jaccard=0.5,
                                   documents=docs, n_resamples=args.boot, seed=0)
            for _, r in out.iterrows():
                rows.append({"gold": gold_name, "overlap": overlap, "metric": r["metric"],
                             "estimate": r["estimate"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                             "tp": r["tp"], "fp": r["fp"], "fn": r["fn"], "n_docs": r["n_docs"]})
    table = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
