"""What do FrameClassifier's extra blocks buy over a plain TF-IDF + logistic regression?

Run from the project root::

    python benchmarks/compare_baseline.py babe
    python benchmarks/compare_baseline.py allsides --per-outlet 20
    python benchmarks/compare_baseline.py babe --variant "C=3" --variant "lexicon=True"

Data (read, never copied), beside the project in ``../shared/datasets``:

- ``babe/final_labels_SG2.csv``: 3,673 news sentences labelled Biased / Non-biased
  by experts (the one "No agreement" row is dropped). Folds grouped by article
  (``news_link``; the 32 sentences without a link are their own groups).
- ``allsides_conflict/articles.jsonl.gz``: 4,978 articles; label = the outlet's
  AllSides leaning (left / center / right; ProPublica's two ratings are
  replaced by its majority rating). At most ``--per-outlet`` articles per
  outlet (random, seed 0), folds grouped by outlet, so every test outlet is unseen.

Every model is scored by :func:`framing.evaluate` on the same 5 folds
(StratifiedGroupKFold, seed 0): macro-F1, accuracy and one-against-rest AUC
(mean over classes) with intervals from a bootstrap over groups, and the
Brier score. :func:`framing.compare_evaluations` gives the paired difference
of each model against the plain baseline, with a bootstrap interval over groups.

Models: ``plain words`` = ``TfidfVectorizer()`` + ``LogisticRegression()``, what a
user writes first; ``plain words+chars`` = word 1-2-gram + character 2-5-gram
TF-IDF (``char_wb``, sublinear tf) + ``LogisticRegression(max_iter=2000)``, the
baseline the FrameClassifier must beat; ``FrameClassifier()`` with its defaults;
and each ``--variant`` (keyword arguments of FrameClassifier).
"""

from __future__ import annotations

import argparse
import ast
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
from threadpoolctl import threadpool_limits

import framing
from framing.learn.classifier import FrameClassifier, compare_evaluations

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def babe() -> tuple[pd.Series, pd.Series, pd.Series]:
    path = DATASETS / "babe" / "final_labels_SG2.csv"
    if not path.exists():
        raise SystemExit(f"dataset not found: {path}")
    d = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    d = d[d["label_bias"] != "No agreement"].reset_index(drop=True)
    groups = d["news_link"].fillna(pd.Series([f"no-link-{i}" for i in range(len(d))]))
    return d["text"], d["label_bias"], groups


def allsides(per_outlet: int) -> tuple[pd.Series, pd.Series, pd.Series]:
    path = DATASETS / "allsides_conflict" / "articles.jsonl.gz"
    if not path.exists():
        raise SystemExit(f"dataset not found: {path}")
    corpus = framing.read_corpus(path)
    mixed = corpus.groupby("outlet")["leaning"].nunique()
    for outlet in mixed[mixed > 1].index:
        rows = corpus["outlet"] == outlet
        corpus.loc[rows, "leaning"] = corpus.loc[rows, "leaning"].value_counts().index[0]
    sub = corpus.sample(frac=1.0, random_state=0).groupby("outlet", sort=False).head(per_outlet)
    sub = sub.reset_index(drop=True)
    return sub["text"], sub["leaning"], sub["outlet"]


def plain_words():
    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000))


def plain_words_chars():
    return make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        LogisticRegression(max_iter=2000),
    )


def parse_variant(text: str) -> dict:
    out = {}
    for part in text.split(","):
        key, _, value = part.partition("=")
        out[key.strip()] = ast.literal_eval(value.strip())
    return out


def fmt(est: float, low: float, high: float) -> str:
    return f"{est:.3f} ({low:.3f}-{high:.3f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset", choices=["babe", "allsides"])
    ap.add_argument("--per-outlet", type=int, default=20, help="AllSides: articles per outlet at most")
    ap.add_argument("--variant", action="append", default=[], help="FrameClassifier keyword arguments, e.g. C=3")
    ap.add_argument("--no-plain-words", action="store_true", help="skip the words-only plain model")
    ap.add_argument("--n-boot", type=int, default=2000)
    ap.add_argument("--n-jobs", type=int, default=1, help="folds in parallel")
    args = ap.parse_args()

    texts, labels, groups = babe() if args.dataset == "babe" else allsides(args.per_outlet)
    print(f"{args.dataset}: {len(texts)} texts, {groups.nunique()} groups, "
          f"{texts.str.len().sum() / 1e6:.2f} M characters; labels {labels.value_counts().to_dict()}")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    models: dict[str, object] = {}
    if not args.no_plain_words:
        models["plain words"] = plain_words()
    models["plain words+chars"] = plain_words_chars()
    models["FrameClassifier()"] = FrameClassifier()
    for v in args.variant:
        models[f"FrameClassifier({v})"] = FrameClassifier(**parse_variant(v))
    evaluations = {}
    rows = []
    for name, model in models.items():
        t0 = time.perf_counter()
        with threadpool_limits(1):
            ev = framing.evaluate(model, texts, labels, cv=5, groups=groups, seed=0, n_resamples=args.n_boot,
                                  n_jobs=args.n_jobs)
        seconds = time.perf_counter() - t0
        evaluations[name] = ev
        s = ev.scores[ev.scores["class"] == "all"].set_index("metric")
        rows.append((name, fmt(*s.loc["macro_f1", ["estimate", "ci_low", "ci_high"]]),
                     fmt(*s.loc["roc_auc", ["estimate", "ci_low", "ci_high"]]),
                     f"{s.loc['accuracy', 'estimate']:.3f}", f"{s.loc['brier', 'estimate']:.3f}",
                     f"{seconds:.0f} s", f"{os.getloadavg()[0]:.1f}"))
        print(" | ".join(rows[-1]), flush=True)
    print("\n| model | macro-F1 (95% CI) | AUC (95% CI) | accuracy | Brier | time (5 folds) | load |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    base = evaluations["plain words+chars"]
    print("\nPaired differences against plain words+chars (bootstrap over groups):\n")
    print("| model | Δ macro-F1 (95% CI) | p | Δ AUC (95% CI) | p |")
    print("|---|---|---|---|---|")
    for name, ev in evaluations.items():
        if name == "plain words+chars":
            continue
        d = compare_evaluations(ev, base, n_resamples=args.n_boot).set_index("metric")
        f1, auc = d.loc["macro_f1"], d.loc["roc_auc"]
        print(f"| {name} | {f1['difference']:+.3f} ({f1['ci_low']:+.3f} to {f1['ci_high']:+.3f}) | "
              f"{f1['p_value']:.3f} | {auc['difference']:+.3f} ({auc['ci_low']:+.3f} to {auc['ci_high']:+.3f}) | "
              f"{auc['p_value']:.3f} |")
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
