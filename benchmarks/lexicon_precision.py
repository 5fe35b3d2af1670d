"""Keyword-in-context sample per lexicon category, for a reader to judge precision by hand.

Run from the project root::

    python benchmarks/lexicon_precision.py actor_labels            # 25 lines per category
    python benchmarks/lexicon_precision.py casualty --lines 30 --docs 800 --seed 7
    python benchmarks/lexicon_precision.py attribution --top 25     # also the most frequent terms

Data: ``../shared/datasets/allsides_conflict`` beside the project (AllSides
conflict and security subset; see its SOURCE.md). A seeded random sample of
``--docs`` articles is matched with :func:`framing.find`; for each category the
script prints its most frequent terms and a seeded random sample of ``--lines``
matches as :func:`framing.kwic` lines, numbered, so a reader can mark each one
as a correct use of the category's meaning or not and compute precision
(correct / judged). The judgement is a person's, not the script's: the script
only draws the sample, so the same seed gives the same lines to judge again
after a lexicon changes. Nothing is written; the texts are read, never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

import pandas as pd

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"


def load_sample(n_docs: int, seed: int) -> pd.DataFrame:
    """A seeded random sample of ``n_docs`` articles as a corpus table."""
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rng = random.Random(seed)
    rows = rng.sample(rows, min(n_docs, len(rows)))
    return pd.DataFrame(
        {
            "doc_id": [str(r["doc_id"]) for r in rows],
            "outlet": [r["outlet"] for r in rows],
            "text": [r["text"] for r in rows],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lexicon", help="a bundled lexicon name or a lexicon file")
    parser.add_argument("--docs", type=int, default=600, help="articles in the random sample (default 600)")
    parser.add_argument("--lines", type=int, default=25, help="kwic lines per category (default 25)")
    parser.add_argument("--top", type=int, default=15, help="most frequent terms shown per category (default 15)")
    parser.add_argument("--window", type=int, default=8, help="context words on each side (default 8)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of both samples (default 2024)")
    parser.add_argument("--category", default=None, help="only this category")
    args = parser.parse_args()

    corpus = load_sample(args.docs, args.seed)
    matches = framing.find(corpus, lexicons=[args.lexicon])
    lex = framing.load_lexicon(args.lexicon)
    print(f"lexicon {lex.name} {lex.version}: {len(corpus)} articles (seed {args.seed}), {len(matches)} matches")
    for category, group in matches.groupby("category", sort=True):
        if args.category and category != args.category:
            continue
        print(f"\n=== {category}: {len(group)} matches; top terms:")
        top = group["match"].str.lower().value_counts().head(args.top)
        print("  " + ", ".join(f"{term} {n}" for term, n in top.items()))
        sample = group.sample(n=min(args.lines, len(group)), random_state=args.seed).sort_values(["doc_id", "start"])
        lines = framing.kwic(sample, corpus, window=args.window)
        for i, row in enumerate(lines.itertuples(index=False), 1):
            flag = " [neg]" if row.negated else ""
            print(f"  {i:2d}. {row.left[-70:]:>70} [{row.match}] {row.right[:70]}{flag}")


if __name__ == "__main__":
    main()
