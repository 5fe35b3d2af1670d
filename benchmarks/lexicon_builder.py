"""Seed-word suggestions and seed-word scaling on the AllSides conflict corpus: CPU time, suggestions to judge,
and validation of the scaling on BABE (loaded language) and on AllSides leaning.

Run from the project root::

    python benchmarks/lexicon_builder.py                 # everything
    python benchmarks/lexicon_builder.py --only timing   # CPU time of suggest_terms and scale_documents

Data: ``../shared/datasets/allsides_conflict`` and ``../shared/datasets/babe`` beside the project. Printed:

* ``timing``: CPU seconds (all threads) of :func:`framing.suggest_terms` (vectors fitted inside) and of
  :func:`framing.scale_documents` (vectors fitted inside) on all 4,978 articles;
* ``suggest``: the top 20 suggestions for three seed sets, with their counts (terms only; judge them in context
  with the example offsets, which the script prints as doc_id and offsets, never as text);
* ``babe``: do BABE sentences labelled biased score higher on an emotive-vs-neutral axis? AUC with a 95 %
  bootstrap interval (vectors fitted on the AllSides articles and the BABE sentences together);
* ``leaning``: do right-leaning outlets' articles score higher than left-leaning ones on an axis seeded with
  words the two sides use for the same things? AUC with a 95 % bootstrap interval over outlets (clusters).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets"

SEED_SETS = {
    "immigrant labels": ["immigrant", "illegal alien", "migrant", "refugee"],
    "militant labels": ["terrorist", "extremist", "militant", "jihadist"],
    "gun policy": ["gun control", "background checks", "assault weapons", "gun rights"],
}
EMOTIVE = {"positive": ["outrageous", "disgusting", "shocking", "horrific", "disgraceful", "radical", "slammed",
                        "vicious"],
           "negative": ["said", "reported", "stated", "announced", "according", "noted", "added", "told"]}
LEANING = {"positive": ["illegal aliens", "radical islamic", "gun rights", "second amendment", "liberal media",
                        "amnesty"],
           "negative": ["undocumented", "gun violence", "gun safety", "far-right", "white supremacists",
                        "climate change"]}


def corpus() -> pd.DataFrame:
    return framing.read_corpus(DATA / "allsides_conflict" / "articles.jsonl.gz")


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    from scipy.stats import rankdata

    r = rankdata(np.concatenate([pos, neg]))
    return float((r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def timing(c: pd.DataFrame) -> dict:
    t = time.process_time()
    framing.suggest_terms(c, SEED_SETS["immigrant labels"], n=50)
    t_suggest = time.process_time() - t
    t = time.process_time()
    framing.scale_documents(c, LEANING)
    t_scale = time.process_time() - t
    print(f"suggest_terms on {len(c)} articles: {t_suggest:.1f} s CPU; scale_documents: {t_scale:.1f} s CPU")
    return {"suggest_cpu_s": t_suggest, "scale_cpu_s": t_scale}


def suggest(c: pd.DataFrame) -> None:
    wv = framing.word_vectors(c)
    for name, seeds in SEED_SETS.items():
        s = framing.suggest_terms(c, seeds, n=20, vectors=wv)
        print(f"\n{name}: seeds {seeds}")
        for i, r in enumerate(s.itertuples(), 1):
            print(f"  {i:2d}. {r.term:<28} score {r.score:.2f} sim {r.similarity:.2f} z {r.keyness:5.1f} "
                  f"docs {r.n_docs:4d} matches {r.n_matches:5d}  e.g. {r.example_doc_id}[{r.example_start}:"
                  f"{r.example_end}]")


def babe(c: pd.DataFrame, n_boot: int = 1000) -> None:
    b = pd.read_csv(DATA / "babe" / "final_labels_SG2.csv", sep=";")
    b = b[b["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    sents = pd.DataFrame({"doc_id": [f"babe{i}" for i in range(len(b))], "outlet": b["outlet"], "text": b["text"]})
    both = pd.concat([c[["doc_id", "outlet", "text"]], sents], ignore_index=True)
    res = framing.scale_documents(both, EMOTIVE).iloc[len(c):].reset_index(drop=True)
    y = (b["label_bias"] == "Biased").to_numpy()
    sc = res["score"].to_numpy()
    ok = ~np.isnan(sc)
    auc = _auc(sc[ok & y], sc[ok & ~y])
    rng = np.random.default_rng(0)
    idx = np.flatnonzero(ok)
    boots = []
    for _ in range(n_boot):
        d = rng.choice(idx, idx.size)
        boots.append(_auc(sc[d][y[d]], sc[d][~y[d]]))
    lo, hi = np.percentile(boots, [2.5, 97.5])
    print(f"\nBABE SG2 ({ok.sum()} of {len(b)} sentences scored): biased vs non-biased on the emotive axis, "
          f"AUC {auc:.3f} [{lo:.3f}, {hi:.3f}]")
    lab = b["biased_words"].astype(str) != "[]"
    print(f"  mean score biased {sc[ok & y].mean():.3f}, non-biased {sc[ok & ~y].mean():.3f}; "
          f"sentences with a marked biased word {sc[ok & lab.to_numpy()].mean():.3f}")


def leaning(c: pd.DataFrame, n_boot: int = 1000) -> None:
    res = framing.scale_documents(c, LEANING)
    res = res[res["leaning"].isin(["left", "right"]) & res["score"].notna()].reset_index(drop=True)
    y = (res["leaning"] == "right").to_numpy()
    sc = res["score"].to_numpy()
    auc = _auc(sc[y], sc[~y])
    outlets = res["outlet"].to_numpy()
    groups = {o: np.flatnonzero(outlets == o) for o in np.unique(outlets)}
    names = list(groups)
    rng = np.random.default_rng(0)
    boots = []
    for _ in range(n_boot):
        d = np.concatenate([groups[names[k]] for k in rng.integers(0, len(names), len(names))])
        if y[d].all() or not y[d].any():
            continue
        boots.append(_auc(sc[d][y[d]], sc[d][~y[d]]))
    lo, hi = np.percentile(boots, [2.5, 97.5])
    print(f"\nAllSides: right vs left articles on the right-vs-left wording axis: AUC {auc:.3f} [{lo:.3f}, {hi:.3f}] "
          f"(bootstrap over {len(names)} outlets)")
    print(res.groupby("leaning")["score"].agg(["mean", "sem", "count"]).round(3).to_string())
    all_ = framing.scale_documents(c, LEANING)
    print(all_.groupby("leaning")["score"].agg(["mean", "sem", "count"]).round(3).to_string())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["timing", "suggest", "babe", "leaning"])
    args = ap.parse_args()
    c = corpus()
    for name, fn in (("timing", timing), ("suggest", suggest), ("babe", babe), ("leaning", leaning)):
        if args.only in (None, name):
            fn(c)


if __name__ == "__main__":
    main()
