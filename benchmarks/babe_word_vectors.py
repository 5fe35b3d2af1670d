"""BABE: does a block of averaged word vectors help the plain TF-IDF + logistic regression baseline?

Run from the project root::

    python benchmarks/babe_word_vectors.py                 # vectors fitted on the AllSides articles
    python benchmarks/babe_word_vectors.py --dim 300
    python benchmarks/babe_word_vectors.py --in-fold       # vectors fitted on each training fold's sentences

The baseline is ``plain words+chars`` of ``compare_baseline.py`` (word 1-2-gram and character 2-5-gram TF-IDF,
logistic regression). The other model adds one block: the mean of the unit word vectors of a sentence's words
(:func:`framing.word_vectors`, PPMI + SVD, no phrases), scaled to unit length. The vectors are fitted without
labels either on the 4,978 AllSides articles (a larger corpus of the same kind; the BABE sentences are not in it)
or, with ``--in-fold``, inside each training fold on its sentences only (what a model can do with no outside
corpus). Both models are scored by :func:`framing.evaluate` on the 5 folds of ``compare_baseline.py`` (grouped
by article, seed 0); the paired difference comes from :func:`framing.compare_evaluations` (bootstrap over
articles).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
from threadpoolctl import threadpool_limits

import framing
from framing.learn.classifier import compare_evaluations

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_baseline import DATASETS, babe, fmt, plain_words_chars  # noqa: E402


class MeanVectors(BaseEstimator, TransformerMixin):
    """The mean unit word vector of each text, from fixed vectors or from vectors fitted on the training texts."""

    def __init__(self, vectors=None, dim: int = 100):
        self.vectors = vectors
        self.dim = dim

    def fit(self, texts, y=None):
        if self.vectors is not None:
            self.vectors_ = self.vectors
        else:
            corpus = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": list(texts)})
            self.vectors_ = framing.word_vectors(corpus, dim=self.dim, phrases=False)
        return self

    def transform(self, texts):
        wv = self.vectors_
        out = np.zeros((len(texts), wv.vectors.shape[1]))
        for i, text in enumerate(texts):
            ids = [k for k in (wv._index.get(w) for w in wv.key(text).split()) if k is not None]
            if ids:
                v = wv.vectors[ids].mean(axis=0)
                out[i] = v / max(np.linalg.norm(v), 1e-12)
        return sparse.csr_matrix(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--in-fold", action="store_true", help="fit the vectors inside each training fold")
    ap.add_argument("--n-boot", type=int, default=1000)
    args = ap.parse_args()
    texts, labels, groups = babe()
    vectors = None
    if not args.in_fold:
        allsides = framing.read_corpus(DATASETS / "allsides_conflict" / "articles.jsonl.gz")
        vectors = framing.word_vectors(allsides, dim=args.dim, phrases=False, max_terms=40000)
    with_vectors = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                   MeanVectors(vectors, dim=args.dim)),
        LogisticRegression(max_iter=2000),
    )
    evaluations = {}
    for name, model in (("plain words+chars", plain_words_chars()), ("+ mean word vectors", with_vectors)):
        with threadpool_limits(1):
            ev = framing.evaluate(model, texts, labels, cv=5, groups=groups, seed=0, n_resamples=args.n_boot)
        evaluations[name] = ev
        s = ev.scores[ev.scores["class"] == "all"].set_index("metric")
        print(f"{name}: macro-F1 {fmt(*s.loc['macro_f1', ['estimate', 'ci_low', 'ci_high']])}, "
              f"AUC {fmt(*s.loc['roc_auc', ['estimate', 'ci_low', 'ci_high']])}", flush=True)
    d = compare_evaluations(evaluations["+ mean word vectors"], evaluations["plain words+chars"],
                            n_resamples=args.n_boot).set_index("metric")
    for metric in ("macro_f1", "roc_auc"):
        r = d.loc[metric]
        print(f"difference {metric}: {r['difference']:+.3f} ({r['ci_low']:+.3f} to {r['ci_high']:+.3f}), "
              f"p = {r['p_value']:.3f}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
