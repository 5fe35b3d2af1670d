"""Can a leaning be told from wording alone, in outlets the model never saw?

Run from the project root::

    python benchmarks/classify_allsides.py                       # defaults below
    python benchmarks/classify_allsides.py --per-outlet 10 --permutations 100

Data: ``../shared/datasets/allsides_conflict/articles.jsonl.gz`` beside the
project (Baly et al. 2020, AllSides ratings; see its SOURCE.md), read, never
copied. ``leaning`` is the AllSides rating of the *outlet*, so every fold is
grouped by outlet: the test outlets are never seen in training, and what is
measured is how far wording generalises across outlets of a leaning, not how
well a model memorises an outlet's house style.

What is computed
----------------
1. :func:`framing.distinguishability` by ``leaning``, unit = document, folds
   grouped by outlet (GroupKFold, 5 folds), a permutation null that reassigns
   leanings to whole outlets (``between_groups``), accuracy and balanced
   accuracy with outlet-bootstrap intervals, and the most distinctive features.
2. :func:`framing.evaluate` of a calibrated :class:`framing.FrameClassifier`
   trained on leaning, folds grouped by outlet (StratifiedGroupKFold, 5 folds):
   per-class precision / recall / F1 and macro-F1 with outlet-bootstrap intervals.

To keep the runtime reasonable on two shared cores the corpus is subsampled:
at most ``--per-outlet`` documents per outlet (random, seed 0), and the n-gram
vocabularies are capped (``--max-features`` per block, min_df 3). Both are
printed with the results.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd
from threadpoolctl import threadpool_limits

import framing
from framing.learn.classifier import FrameClassifier

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"


def have_lexicon() -> bool:
    try:
        import framing.match.vectorize  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-outlet", type=int, default=10, help="documents per outlet at most (default 10)")
    ap.add_argument("--permutations", type=int, default=100)
    ap.add_argument("--max-features", type=int, default=20000)
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--skip-evaluate", action="store_true")
    ap.add_argument("--skip-distinguishability", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"dataset not found: {DATA}")

    t0 = time.perf_counter()
    corpus = framing.read_corpus(DATA)
    # leaning is an outlet rating; one outlet (ProPublica) carries two ratings over time.
    # Give every outlet its most frequent rating so leaning is a property of the outlet.
    mixed = corpus.groupby("outlet")["leaning"].nunique()
    for outlet in mixed[mixed > 1].index:
        counts = corpus.loc[corpus["outlet"] == outlet, "leaning"].value_counts()
        print(f"{outlet}: ratings {counts.to_dict()} -> {counts.index[0]} for all its documents")
        corpus.loc[corpus["outlet"] == outlet, "leaning"] = counts.index[0]
    shuffled = corpus.sample(frac=1.0, random_state=0)
    sub = shuffled.groupby("outlet", sort=False).head(args.per_outlet).reset_index(drop=True)
    lex = have_lexicon()
    print(f"read {len(corpus)} documents in {time.perf_counter() - t0:.1f}s; subsample: {len(sub)} documents, "
          f"{sub['outlet'].nunique()} outlets, {sub['text'].str.len().sum() / 1e6:.1f} M characters")
    print(sub.groupby("leaning").agg(documents=("doc_id", "size"), outlets=("outlet", "nunique")).to_string())
    print(f"lexicon features: {'on' if lex else 'off (framing.vectorize not available)'}")
    pd.set_option("display.width", 200)

    with threadpool_limits(limits=1):
        if not args.skip_distinguishability:
            clf = FrameClassifier(char_ngrams=None, word_ngrams=(1, 2), min_df=3, max_features=args.max_features,
                                  C=1.0, calibration="none", lexicon=lex)
            t = time.perf_counter()
            res = framing.distinguishability(sub, by="leaning", unit="document", groups="outlet", cv=args.cv,
                                             n_resamples=args.permutations, classifier=clf, seed=0)
            took = time.perf_counter() - t
            print(f"\n== distinguishability by leaning, folds grouped by outlet ({took:.0f}s) ==")
            print(f"classifier: {clf!r}")
            cols = ["metric", "estimate", "ci_low", "ci_high", "chance", "null_mean", "p_value", "n_permutations",
                    "permutation", "n_units", "n_groups"]
            print(res.summary[cols].to_string(index=False))
            print(res.evaluation.scores.query("metric == 'f1'")[["class", "estimate", "ci_low", "ci_high"]]
                  .to_string(index=False))
            print("null quantiles (accuracy):",
                  res.null["accuracy"].quantile([0.05, 0.5, 0.95]).round(3).to_dict())
            top = res.features[res.features["rank"] <= 8]
            for cls, g in top.groupby("class"):
                print(f"  {cls}: " + ", ".join(g["feature"]))

        if not args.skip_evaluate:
            clf = FrameClassifier(word_ngrams=(1, 2), char_ngrams=(3, 5), min_df=3, max_features=args.max_features,
                                  C=1.0, calibration="sigmoid", calibration_cv=3, lexicon=lex)
            t = time.perf_counter()
            ev = framing.evaluate(clf, sub["text"], sub["leaning"], cv=args.cv, groups=sub["outlet"], seed=0)
            took = time.perf_counter() - t
            print(f"\n== evaluate: calibrated FrameClassifier on leaning, folds grouped by outlet ({took:.0f}s) ==")
            print(f"classifier: {clf!r}")
            print(ev.scores[["class", "metric", "estimate", "ci_low", "ci_high", "support"]].to_string(index=False))
            print(ev.confusion.pivot(index="true", columns="predicted", values="count").to_string())


if __name__ == "__main__":
    main()
