"""Immigrant labels on AllSides: a lexicon built from four seed words, reviewed in context, compared by leaning.

Run from the project root (needs ``../shared/datasets/allsides_conflict``)::

    python analyses/immigrant_labels/run.py sample     # 1. suggestions and the review sample (to judge)
    python analyses/immigrant_labels/run.py report     # 2. precision from judgements.csv, coverage, comparison

Steps, as a paper's appendix reports them:

1. ``framing.suggest_terms`` proposes terms from the seeds *immigrant, illegal alien, migrant, refugee* on all
   4,978 articles (``output/suggestions.csv``: terms and counts, no text).
2. A person keeps the suggestions that label people and sorts them into categories (``labels.yaml``).
3. ``framing.review_sample`` draws up to 10 matches per term (seed 1) from the articles; the judge reads each
   in context and writes 1 / 0 in ``judgements.csv`` (``review_id, correct``: ids only, no text).
4. ``framing.review_precision`` gives precision per term and category with Wilson intervals; terms under 0.8
   are dropped (``output/precision.csv``) and the comparison uses the kept terms only.
5. ``framing.lexicon_coverage`` and ``framing.compare_shares`` (label category shares by leaning, clustered
   by outlet) give ``output/coverage.csv`` and ``output/shares_by_leaning.csv``.

Only derived tables are written; the article texts stay in the dataset.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import framing

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
OUT = HERE / "output"
SEEDS = ["immigrant", "illegal alien", "migrant", "refugee"]
LEXICON = HERE / "labels.yaml"


def sample(corpus: pd.DataFrame) -> None:
    sug = framing.suggest_terms(corpus, SEEDS, n=40)
    sug.drop(columns=["example"]).to_csv(OUT / "suggestions.csv", index=False)
    review = framing.review_sample(LEXICON, corpus, per_term=10, seed=1)
    # the sample with its context is for the judge's eyes only: written outside the project
    review.to_csv(Path("/tmp") / "immigrant_labels_review.csv", index=False)
    review[["review_id", "category", "term", "doc_id", "start", "end"]].to_csv(OUT / "review_ids.csv", index=False)
    print(f"{len(review)} matches to judge in /tmp/immigrant_labels_review.csv")


def report(corpus: pd.DataFrame) -> None:
    matches = framing.find(corpus, LEXICON)
    review = framing.review_sample(LEXICON, corpus, per_term=10, seed=1, matches=matches)
    judged = pd.read_csv(HERE / "judgements.csv", dtype={"correct": str}, keep_default_na=False)
    review = review.drop(columns="correct").merge(judged[["review_id", "correct"]], on="review_id", how="left")
    prec = framing.review_precision(review, min_precision=0.8)
    prec.to_csv(OUT / "precision.csv", index=False)
    dropped = set(prec.loc[(prec["level"] == "term") & prec["drop"], "term"])
    cov = framing.lexicon_coverage(LEXICON, corpus, matches=matches)
    cov.to_csv(OUT / "coverage.csv", index=False)
    kept = matches[~matches["term"].isin(dropped)].merge(corpus[["doc_id", "leaning"]], on="doc_id")
    shares = framing.compare_shares(kept, by="leaning", outcome="category", cluster="outlet")
    shares.to_csv(OUT / "shares_by_leaning.csv", index=False)
    print(prec.round(3).to_string())
    print("dropped:", sorted(dropped))
    print(shares[["group", "measure", "estimate", "ci_low", "ci_high", "n_docs", "count"]].round(3).to_string())


def main() -> None:
    step = sys.argv[1] if len(sys.argv) > 1 else "report"
    OUT.mkdir(exist_ok=True)
    corpus = framing.read_corpus(DATA)
    {"sample": sample, "report": report}[step](corpus)


if __name__ == "__main__":
    main()
