"""Who gets a voice by outlet leaning on AllSides conflict coverage: the share of anonymous and of official sources.

Run from the project root (the data are read, never copied)::

    python benchmarks/sources_by_leaning.py              # 200 articles per leaning, seed 0
    python benchmarks/sources_by_leaning.py --per-leaning 0   # every article (slow)

Articles are drawn at random within each leaning (left, center, right: the AllSides rating of the outlet).
``framing.sources`` runs on the raw text with ``home="United States"`` (the outlets are American); official
sources are government, military and security, and politicians. Shares of statements by leaning come from
``framing.source_shares`` with intervals clustered by article and Holm-adjusted pairwise differences.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

import framing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import ALLSIDES  # noqa: E402

OFFICIAL = ("government", "military_security", "politician")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-leaning", type=int, default=200, help="articles drawn per leaning (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus = framing.read_corpus(ALLSIDES, clean=False)
    if args.per_leaning:
        keep = corpus.groupby("leaning").sample(n=args.per_leaning, random_state=args.seed).index
        corpus = corpus.loc[sorted(keep)].reset_index(drop=True)
    cpu, wall = time.process_time(), time.perf_counter()
    table = framing.sources(corpus, home="United States")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    table = table.assign(official=table["source_type"].isin(OFFICIAL).map({True: "official", False: "other"}))
    print(f"{len(corpus):,} articles, {len(table):,} statements; framing.sources {cpu:.0f} s CPU, {wall:.0f} s wall")
    for outcome, category in (("anonymous", "anonymous"), ("official", "official")):
        res = framing.source_shares(table, by="leaning", outcome=outcome, corpus=corpus)
        rows = res[res["measure"].astype(str).isin([f"{outcome}={category} share",
                                                    f"{outcome}={category} share difference"])]
        print(f"\nshare of {category} sources (statements), by leaning")
        with pd.option_context("display.width", 160):
            print(rows[["group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted", "n_docs", "count",
                        "exposure"]].to_string(index=False))


if __name__ == "__main__":
    main()
