"""Throughput of the framing measures on a real corpus, with one annotation pass and one set of matches.

Run from the project root::

    python benchmarks/bench_measures.py              # all of AllSides conflict (about 29 MB)
    python benchmarks/bench_measures.py --docs 1000  # the first 1,000 articles

It times, in one process and in this order: ``annotate`` (sentences, quotes, voice), ``find`` with every
bundled lexicon given the annotations, ``score`` given the matches, then ``actor_labels``, ``attributions``
and ``casualties`` given both, and the whole chain end to end. It also times each of the three measures on
its own (computing its own annotations and matches), as a user who passes nothing gets it. Figures are CPU
seconds of this process (user + system) and MB of text per CPU second; on a shared machine CPU seconds are
the more stable figure.
"""

from __future__ import annotations

import argparse
import resource
import sys
import warnings
from pathlib import Path

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
ACTORS = {"Hamas": ["Hamas"], "Islamic State": ["Islamic State", "ISIS", "ISIL"], "Taliban": ["Taliban"],
          "Hezbollah": ["Hezbollah"], "al-Qaeda": ["al-Qaeda", "al Qaeda", "Al Qaeda"], "Houthis": ["Houthis"]}


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(label: str, mb: float, func, *args, **kwargs):
    start = cpu()
    out = func(*args, **kwargs)
    seconds = cpu() - start
    print(f"  {label:<42} {seconds:7.2f} s CPU  {mb / seconds:6.2f} MB/s  ({len(out) if hasattr(out, '__len__') else '-'} rows)")
    return out, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=None, help="only the first N articles")
    ap.add_argument("--alone", action="store_true", help="also time each measure computing its own inputs")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"the AllSides corpus is not at {DATA}", file=sys.stderr)
        return 1
    warnings.simplefilter("ignore")
    corpus = framing.read_corpus(DATA)
    if args.docs:
        corpus = corpus.head(args.docs).reset_index(drop=True)
    mb = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    print(f"{len(corpus)} articles, {mb:.1f} MB of text")
    total = 0.0
    ann, s = timed("annotate", mb, framing.annotate, corpus)
    total += s
    matches, s = timed("find (all bundled lexicons)", mb, framing.find, corpus, annotations=ann)
    total += s
    _, s = timed("score (matches given)", mb, framing.score, corpus, matches=matches, annotations=ann)
    total += s
    for name, extra in (("actor_labels", {"actors": ACTORS}), ("attributions", {}), ("casualties", {})):
        _, s = timed(f"{name} (annotations and matches given)", mb, getattr(framing, name), corpus,
                     annotations=ann, matches=matches, **extra)
        total += s
    print(f"  {'all of the above, end to end':<42} {total:7.2f} s CPU  {mb / total:6.2f} MB/s")
    if args.alone:
        for name, extra in (("actor_labels", {"actors": ACTORS}), ("attributions", {}), ("casualties", {})):
            timed(f"{name} alone", mb, getattr(framing, name), corpus, **extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
