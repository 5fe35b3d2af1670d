"""Seed-word scaling of documents in the spirit of Latent Semantic Scaling (Watanabe 2021).

Watanabe, K. (2021). Latent Semantic Scaling: A semisupervised text analysis technique for new domains and
languages. *Communication Methods and Measures* 15(2), 81-102.

Every word gets a polarity: its mean cosine similarity to the positive seed words minus its mean similarity
to the negative ones, in the word vectors of the corpus itself (:func:`word_vectors`). A document's score is
the frequency-weighted mean polarity of its words (the ``n_terms`` most polar words, as LSS restricts the model
to the terms that carry the axis), with the standard error of that mean; scores are then centred and scaled
over the corpus, so 1 is one standard deviation of document scores towards the positive seeds.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from framing.errors import UsageError
from framing.learn.suggest import known_seeds, seed_list
from framing.learn.vectors import WordVectors, stop_words, word_vectors

__all__ = ["SCALE", "scale_documents", "word_polarity"]

#: columns of :func:`scale_documents`
SCALE = ("doc_id", "score", "se", "raw", "raw_se", "n_words")


def _seeds(seeds) -> tuple[list[str], list[str]]:
    if not isinstance(seeds, Mapping) or set(seeds) != {"positive", "negative"}:
        raise UsageError("seeds must be a mapping with exactly the keys 'positive' and 'negative', "
                         f"got {seeds!r}")
    return seed_list(seeds["positive"], "positive seeds"), seed_list(seeds["negative"], "negative seeds")


def word_polarity(vectors: WordVectors, seeds: Mapping[str, list[str]]) -> pd.DataFrame:
    """Polarity of every word of the corpus' vocabulary on the axis the seed words define.

    Parameters
    ----------
    vectors : WordVectors
        From :func:`word_vectors`.
    seeds : dict
        ``{"positive": [...], "negative": [...]}``: words or phrases at each end of the axis.

    Returns
    -------
    pandas.DataFrame
        ``term`` (str), ``polarity`` (float: mean cosine to the positive seeds minus mean cosine to the
        negative seeds), ``count`` (int), sorted from most positive to most negative.
    """
    pos, neg = _seeds(seeds)
    pos = known_seeds(vectors, pos, "positive seeds")
    neg = known_seeds(vectors, neg, "negative seeds")
    P = np.array([vectors.vector(s) for s in pos])
    N = np.array([vectors.vector(s) for s in neg])
    pol = (vectors.vectors @ P.T).mean(axis=1) - (vectors.vectors @ N.T).mean(axis=1)
    out = pd.DataFrame({"term": vectors.terms.astype(str), "polarity": pol, "count": vectors.counts})
    return out.sort_values("polarity", ascending=False, kind="stable").reset_index(drop=True)


def scale_documents(
    corpus: pd.DataFrame,
    seeds: Mapping[str, list[str]],
    *,
    n_terms: int | None = 2000,
    vectors: WordVectors | None = None,
    min_count: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Score every document on an axis defined by positive and negative seed words (LSS).

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id`` and ``text``; other columns (``outlet``, ``leaning``...) are kept.
    seeds : dict
        ``{"positive": [...], "negative": [...]}``, e.g. ``{"positive": ["crime", "threat", "illegal"],
        "negative": ["families", "children", "humanitarian"]}`` for a security vs humanitarian axis.
    n_terms : int or None, default 2000
        Only the ``n_terms`` words with the largest absolute polarity score documents (None: every word
        with a vector). Stop words and the seeds themselves never score, so the score is not the seeds'
        frequency.
    vectors : WordVectors, optional
        Vectors already fitted on this corpus (:func:`word_vectors`).
    min_count : int, default 5
        Words seen fewer times get no vector.
    seed : int, default 0
        Seed of the SVD.

    Returns
    -------
    pandas.DataFrame
        The corpus's columns except ``text`` and ``raw_text``, then ``score`` (float: the document's mean
        polarity, centred and scaled by the standard deviation of document scores; NaN for a document
        without a scored word), ``se`` (float: its standard error on the same scale), ``raw`` and
        ``raw_se`` (the same before scaling), ``n_words`` (int: scored words in the document). Compare
        groups with a plain table (``groupby("outlet")["score"].agg(["mean", "sem"])``) or with intervals
        from :func:`framing.bootstrap` (``framing.bootstrap(scores, lambda t: t.groupby("leaning")["score"]
        .mean(), cluster="outlet", strata="leaning")``: whole outlets resampled within each leaning). The
        word polarities are in ``result.attrs["polarity"]``.
    """
    pos, neg = _seeds(seeds)
    wv = vectors if vectors is not None else word_vectors(corpus, min_count=min_count, seed=seed)
    if wv.n_documents != len(corpus):
        raise UsageError(f"the vectors were fitted on {wv.n_documents} documents, the corpus has {len(corpus)}: "
                         "fit them on this corpus")
    polarity = word_polarity(wv, {"positive": pos, "negative": neg})
    stop = stop_words()
    own = {wv.key(s) for s in pos + neg} | {w for s in pos + neg for w in wv.key(s).split()}
    usable = polarity[~polarity["term"].isin(own) & ~polarity["term"].isin(stop)]
    if n_terms is not None:
        if isinstance(n_terms, bool) or not isinstance(n_terms, (int, np.integer)) or n_terms < 1:
            raise UsageError(f"n_terms must be a positive integer or None, got {n_terms!r}")
        usable = usable.reindex(usable["polarity"].abs().sort_values(ascending=False, kind="stable").index)
        usable = usable.head(int(n_terms))
    index = {t: i for i, t in enumerate(wv.terms)}
    pol = np.full(len(wv.terms), np.nan)
    pol[[index[t] for t in usable["term"]]] = usable["polarity"].to_numpy()
    code, udoc, _, names, _ = wv.units
    vocab = np.array([index.get(str(n), -1) for n in names])
    v = vocab[code]
    ok = v >= 0
    g = pol[v[ok]]
    d = udoc[ok]
    keep = ~np.isnan(g)
    g, d = g[keep], d[keep]
    nd = wv.n_documents
    n = np.bincount(d, minlength=nd).astype(float)
    s1 = np.bincount(d, weights=g, minlength=nd)
    s2 = np.bincount(d, weights=g * g, minlength=nd)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = s1 / n
        var = np.maximum(s2 / n - mean ** 2, 0) * n / np.maximum(n - 1, 1)
        se = np.sqrt(var / n)
    mean[n == 0] = np.nan
    se[n == 0] = np.nan
    centre, spread = np.nanmean(mean), np.nanstd(mean)
    spread = spread if spread > 0 else 1.0
    out = corpus.drop(columns=[c for c in ("text", "raw_text", "removed") if c in corpus.columns]).reset_index(drop=True)
    out = out.assign(score=(mean - centre) / spread, se=se / spread, raw=mean, raw_se=se,
                     n_words=n.astype(np.int64))
    out.attrs["polarity"] = usable.reset_index(drop=True)
    return out
