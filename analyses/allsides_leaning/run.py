"""Attribution verbs and actor labels across outlet leanings (AllSides conflict subset).

Run by hand from the project root:

    python analyses/allsides_leaning/run.py [--sample N]

Reads ../shared/datasets/allsides_conflict/articles.jsonl.gz (4,978 articles,
155 outlets rated left / center / right by AllSides), finds the bundled
``attribution`` and ``actor_labels`` lexicons, and compares the categories
across leanings with outlets as clusters. Writes result tables (CSV, no
article text) to analyses/allsides_leaning/output/ and prints the main rate
ratios with their intervals. See README.md beside this file for the design.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

import framing

HERE = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
OUT = HERE / "output"
LEXICONS = ["attribution", "actor_labels"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="analyse a random sample of N articles (a quick check)")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"dataset not found: {DATA}", file=sys.stderr)
        return 3
    OUT.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    corpus = framing.read_corpus(DATA)
    if args.sample:
        corpus = corpus.sample(args.sample, random_state=args.seed).reset_index(drop=True)
    # The leaning is a property of the outlet (AllSides rates outlets, not articles), so the
    # independent units behind a leaning comparison are outlets: articles of one outlet share
    # its editors, style guide and wire contracts. Standard errors are therefore clustered by
    # outlet. ProPublica carries two ratings in this dataset (center and left), so the cluster
    # is outlet x leaning: each cluster sits inside one leaning, as the comparison requires.
    corpus["outlet_leaning"] = corpus["outlet"].astype(str) + " | " + corpus["leaning"].astype(str)
    timings["read"] = time.perf_counter() - t0

    t = time.perf_counter()
    matches = framing.find(corpus, LEXICONS)
    scores = framing.score(corpus, LEXICONS, matches=matches)
    timings["find+score"] = time.perf_counter() - t
    t = time.perf_counter()
    attributions = framing.attributions(corpus)
    timings["attributions"] = time.perf_counter() - t

    meta = corpus[["doc_id", "leaning", "outlet_leaning"]]
    t = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # 1. rates per 1,000 tokens, the outlet's own voice (narrator), rate ratios vs center
        rates = framing.compare(scores, by="leaning", corpus=meta, voice="narrator", reference="center",
                                cluster="outlet_leaning")
        # the same, all voices (labels and verbs inside quotations included)
        rates_all = framing.compare(scores, by="leaning", corpus=meta, reference="center", cluster="outlet_leaning")
        # for contrast: clustering by article only, as if articles of one outlet were independent
        rates_doc = framing.compare(scores, by="leaning", corpus=meta, voice="narrator", reference="center",
                                    cluster=True)
        # 2. shares: which verb category an attribution uses; which label category a narrator-voice
        #    actor label belongs to (one row per match, clustered by outlet)
        verb_shares = framing.compare_shares(attributions, by="leaning", outcome="verb_category", corpus=meta,
                                             cluster="outlet_leaning", seed=args.seed)
        labels = matches[(matches["lexicon"] == "actor_labels") & (matches["voice"] == "narrator")]
        label_shares = framing.compare_shares(labels[["doc_id", "category"]], by="leaning", outcome="category",
                                              corpus=meta, cluster="outlet_leaning", seed=args.seed)
    timings["statistics"] = time.perf_counter() - t

    tables = {
        "rates_narrator_outlet_clustered.csv": rates,
        "rates_all_voices_outlet_clustered.csv": rates_all,
        "rates_narrator_document_clustered.csv": rates_doc,
        "attribution_verb_shares.csv": verb_shares,
        "actor_label_shares_narrator.csv": label_shares,
    }
    for name, table in tables.items():
        table.to_csv(OUT / name, index=False)
    counts = pd.DataFrame({
        "what": ["articles", "outlets", "clusters", "lexicon matches", "attributions"],
        "n": [len(corpus), corpus["outlet"].nunique(), corpus["outlet_leaning"].nunique(), len(matches), len(attributions)],
    })
    per_leaning = (corpus.groupby("leaning").agg(articles=("doc_id", "size"), clusters=("outlet_leaning", "nunique"))
                   .reset_index())
    counts.to_csv(OUT / "counts.csv", index=False)
    per_leaning.to_csv(OUT / "counts_by_leaning.csv", index=False)
    timings["total"] = time.perf_counter() - t0
    pd.DataFrame({"step": list(timings), "seconds": [round(v, 1) for v in timings.values()]}).to_csv(
        OUT / "timings.csv", index=False)

    # the main rate ratios, with intervals
    ratios = rates[rates["measure"].str.contains("rate ratio")].copy()
    cols = ["group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted", "count", "n_docs"]
    pd.set_option("display.width", 200)
    print(f"{len(corpus)} articles, {corpus['outlet_leaning'].nunique()} outlet clusters; "
          f"{len(matches)} lexicon matches, {len(attributions)} attributions")
    print("\nRate ratios vs center (narrator voice; 95% CI clustered by outlet; Holm-adjusted p):")
    print(ratios[cols].round(3).to_string(index=False))
    print("\nShares of attribution-verb categories (clustered by outlet):")
    print(verb_shares[~verb_shares["measure"].str.contains("difference")][
        ["group", "measure", "estimate", "ci_low", "ci_high", "p_value"]].round(3).to_string(index=False))
    if caught:
        print("\nwarnings:", "; ".join(sorted({str(w.message) for w in caught})))
    print("\ntimings (s):", {k: round(v, 1) for k, v in timings.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
