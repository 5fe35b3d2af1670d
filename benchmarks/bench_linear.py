"""Linear-time benchmark: one huge document and one huge line, per stage.

Builds news-like text by repeating the five bundled articles (cleaned text) until it
reaches each requested size, in two shapes:

- ``doc``: one document of that many characters, paragraphs separated by blank lines,
  as a giant scraped page would be;
- ``line``: the same text with every line break replaced by a space, so the whole
  document is a single line (the worst case for any per-line scan);
- ``marks``: a single line of short words, unbalanced quotation marks of every style,
  apostrophes and abbreviations with no sentence end (the worst case for quote pairing
  and sentence splitting).

Each stage runs on one single-document corpus of each size and shape, in this
process, timed with CPU time of the process (``time.process_time``) as well as wall
time, because the machine may be shared: CPU time is the less noisy measure of the
work done. For each stage and shape the script fits ``log(time) = a + k log(size)``
and prints the exponent ``k`` (1.0 = linear, 2.0 = quadratic) and the ratio of
time per MB at the largest size to time per MB at the smallest.

Run by hand (not part of the tests)::

    python benchmarks/bench_linear.py                       # 0.5, 1, 2, 4 MB, every stage
    python benchmarks/bench_linear.py --sizes 1 2 4 8 16 --stages sentences quotes voice
    python benchmarks/bench_linear.py --sizes 50 --stages sentences quotes voice find score

Figures are appended to benchmarks/results/bench_linear.jsonl with the machine load.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing.text.quotes import find_quotes
from framing.text.voice import voice_spans
from framing.text.sentences import split_sentences

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "bench_linear.jsonl"
ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish al Adl"], "Iran": ["Iran", "Tehran"], "Pakistan": ["Pakistan"]}


MARKS = ('He said \u201cno and \u2018Mr. Smith\u2019s \u00abplan\u00bb is "so-called \u201dU.S. '
         "'terror' group\u2019s \u201c\u201c a.m. Dr. it\u2019s \u00ab \"quoted ")


def build_text(n_chars: int, shape: str) -> str:
    """News-like text of ``n_chars`` characters made of the bundled articles, repeated."""
    if shape == "marks":
        return (MARKS * (n_chars // len(MARKS) + 1))[:n_chars]
    corpus = framing.example_corpus()
    base = "\n\n".join(corpus["text"].tolist()) + "\n\n"
    if shape == "line":
        base = " ".join(base.split())  # no line break anywhere
        base += " "
    reps = n_chars // len(base) + 1
    return (base * reps)[:n_chars]


def _corpus(text: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["big"], "outlet": ["X"], "text": [text]})


STAGES = {
    "sentences": lambda text: split_sentences(text),
    "quotes": lambda text: find_quotes(text),
    "voice": lambda text: voice_spans(text),
    "find": lambda text: framing.find(_corpus(text)),
    "score": lambda text: framing.score(_corpus(text)),
    "actor_labels": lambda text: framing.actor_labels(_corpus(text), ACTORS),
    "attributions": lambda text: framing.attributions(_corpus(text)),
    "casualties": lambda text: framing.casualties(_corpus(text)),
}


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover
        return None


def measure(stage: str, text: str) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and the number of output items of one run."""
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    out = STAGES[stage](text)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    return cpu, wall, len(out)


def fit_exponent(sizes: list[float], times: list[float]) -> float:
    """Slope of log(time) against log(size): 1 for linear time, 2 for quadratic."""
    x, y = np.log(np.asarray(sizes)), np.log(np.maximum(np.asarray(times), 1e-6))
    return float(np.polyfit(x, y, 1)[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4], help="sizes in MB (millions of characters)")
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=list(STAGES))
    parser.add_argument("--shapes", nargs="+", default=["doc", "line"], choices=["doc", "line", "marks"])
    parser.add_argument("--no-save", action="store_true", help="do not append to results/bench_linear.jsonl")
    args = parser.parse_args(argv)

    sizes = sorted(args.sizes)
    rows = []
    print(f"load average {_load()} on {os.cpu_count()} cores; times are CPU seconds of this process", flush=True)
    for shape in args.shapes:
        texts = {s: build_text(int(s * 1_000_000), shape) for s in sizes}
        for stage in args.stages:
            cpus = []
            for s in sizes:
                cpu, wall, n = measure(stage, texts[s])
                cpus.append(cpu)
                rows.append({"stage": stage, "shape": shape, "mb": s, "cpu_s": round(cpu, 3),
                             "wall_s": round(wall, 3), "items": n, "load": _load()})
                print(f"{stage:13s} {shape:4s} {s:7.2f} MB  cpu {cpu:8.2f} s  wall {wall:8.2f} s  "
                      f"{s / cpu if cpu else math.inf:6.2f} MB/s  {n} items", flush=True)
            if len(sizes) > 1:
                k = fit_exponent(sizes, cpus)
                ratio = (cpus[-1] / sizes[-1]) / (cpus[0] / sizes[0]) if cpus[0] else math.nan
                print(f"{stage:13s} {shape:4s} exponent {k:.2f}; s/MB at {sizes[-1]:g} MB / at {sizes[0]:g} MB "
                      f"= {ratio:.2f}", flush=True)
                rows.append({"stage": stage, "shape": shape, "exponent": round(k, 3), "ratio": round(ratio, 3),
                             "sizes": sizes})
    if not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        with RESULTS.open("a", encoding="utf-8") as fh:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            for row in rows:
                fh.write(json.dumps({"time": stamp, **row}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
