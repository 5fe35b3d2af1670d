"""Candidate terms for a lexicon category, from a few seed words and the user's own corpus."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from framing._checks import check_count, check_option
from framing.errors import UsageError
from framing.learn.vectors import WordVectors, word_offsets, word_vectors
from framing.stats.keyness import keyness

__all__ = ["SUGGESTIONS", "suggest_terms"]

#: columns of :func:`suggest_terms`
SUGGESTIONS = ("term", "score", "similarity", "keyness", "n_docs", "n_matches", "doc_share", "example_doc_id",
               "example_start", "example_end", "example")


def seed_list(seeds, what: str = "seeds") -> list[str]:
    """``seeds`` as a list of strings; UsageError if it is not a non-empty list of words or phrases."""
    if isinstance(seeds, str):
        seeds = [seeds]
    try:
        out = [str(s) for s in seeds]
    except TypeError:
        raise UsageError(f"{what} must be a list of words or phrases, got {type(seeds).__name__}") from None
    if not out or not all(WordVectors.key(s) for s in out):
        raise UsageError(f"{what} must be a non-empty list of words or phrases, got {seeds!r}")
    return out


def known_seeds(wv: WordVectors, seeds: list[str], what: str = "seeds") -> list[str]:
    """The seeds that have a vector; UsageError if none has."""
    known = [s for s in seeds if s in wv]
    if not known:
        raise UsageError(f"none of the {what} {seeds} occurs often enough in the corpus to have a vector "
                         "(lower min_count, or choose words the corpus uses)")
    return known


def _seed_docs(wv: WordVectors, seeds: list[str]) -> np.ndarray:
    has = np.zeros(wv.n_documents, dtype=bool)
    for s in seeds:
        has[wv.occurrences(s)[0]] = True
    return has


def _keyness_z(wv: WordVectors, in_seed_docs: np.ndarray) -> np.ndarray:
    """Keyness (log-odds z, Monroe et al. 2008) of every vocabulary term in seed documents vs the rest."""
    code, udoc, _, names, _ = wv.units
    index = {t: i for i, t in enumerate(wv.terms)}
    vocab = np.array([index.get(str(n), -1) for n in names])
    v = vocab[code]
    ok = v >= 0
    grp = in_seed_docs[udoc[ok]].astype(np.int64)
    counts = np.bincount(grp * len(wv.terms) + v[ok], minlength=2 * len(wv.terms)).reshape(2, -1)
    table = pd.DataFrame({
        "group": np.repeat(["rest", "seed"], len(wv.terms)),
        "term": np.tile(np.arange(len(wv.terms)).astype(str), 2),
        "count": counts.ravel(),
    })
    key = keyness(table, by="group", target="seed", adjust="none")
    z = np.zeros(len(wv.terms))
    z[key["term"].astype(int).to_numpy()] = key["z"].to_numpy()
    return z


def _example(wv: WordVectors, texts: list[str], term: str, prefer: np.ndarray) -> tuple[str, int, int, str]:
    docs, ranks = wv.occurrences(term)
    if docs.size == 0:
        return "", -1, -1, ""
    pick = np.flatnonzero(prefer[docs])
    i = int(pick[0]) if pick.size else 0
    text = texts[docs[i]]
    s, _ = word_offsets(text, int(ranks[i]))
    e = word_offsets(text, int(ranks[i]) + len(WordVectors.key(term).split()) - 1)[1]
    left = " ".join(text[max(0, s - 60):s].split()[1:])
    right = " ".join(text[e:e + 60].split()[:-1])
    return str(wv.doc_ids[docs[i]]), s, e, f"{left} [{text[s:e]}] {right}".strip()


def suggest_terms(
    corpus: pd.DataFrame,
    seeds,
    *,
    n: int = 50,
    method: Literal["combined", "vectors", "keyness"] = "combined",
    max_doc_share: float = 0.25,
    min_count: int = 5,
    vectors: WordVectors | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """Suggest terms and phrases for a lexicon category from a few seed words, learned from the corpus.

    Three signals, all fitted offline on ``corpus``:

    * **similarity**: cosine similarity of the candidate's vector to the mean of the seeds' vectors, from
      word and phrase vectors fitted on the corpus (PPMI + truncated SVD, see :func:`word_vectors`);
    * **phrases**: two-word collocations (normalised PMI) are candidates of their own (``asylum seekers``);
    * **keyness**: how much more often the candidate occurs in documents that contain a seed than in the
      other documents (log-odds ratio with informative Dirichlet prior, z-score; Monroe, Colaresi & Quinn
      2008).

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id`` and ``text``.
    seeds : list of str
        Seed words or phrases of the category (``["immigrant", "illegal alien", ...]``). Seeds the corpus
        uses fewer than ``min_count`` times are ignored (at least one must be known).
    n : int, default 50
        Number of suggestions.
    method : {"combined", "vectors", "keyness"}, default "combined"
        ``vectors`` ranks by similarity; ``keyness`` by keyness z among terms with a positive similarity;
        ``combined`` by ``similarity * (1 + tanh(z / 10))`` among terms over-represented in seed documents
        (z > 0), so a close neighbour that also travels with the seeds ranks first.
    max_doc_share : float, default 0.25
        Terms found in more than this share of documents are never suggested (at most 0.5: a term matching
        most documents says nothing about a category).
    min_count : int, default 5
        Words and phrases seen fewer times are not candidates.
    vectors : WordVectors, optional
        Vectors already fitted on this corpus (:func:`word_vectors`), to try several seed sets quickly.
    seed : int, default 0
        Seed of the SVD.

    Returns
    -------
    pandas.DataFrame
        One row per suggestion, best first: ``term`` (str; a phrase has its words separated by a space),
        ``score`` (float: what ``method`` ranks by), ``similarity`` (float, -1 to 1), ``keyness`` (float:
        z), ``n_docs`` (int: documents the term would match as the only term of a lexicon; inside a
        longer term of the same lexicon the longer match wins), ``n_matches`` (int: occurrences, counted the
        same way), ``doc_share`` (float), ``example_doc_id`` (str), ``example_start``,
        ``example_end`` (int: offsets into that document's ``text``, ``text[start:end]`` is the term),
        ``example`` (str: the occurrence with some context, the term in brackets). Seeds and stop words are
        never suggested.
    """
    seeds = seed_list(seeds)
    check_option("method", method, ("combined", "vectors", "keyness"))
    check_count("n", n, minimum=1)
    if not 0 < max_doc_share <= 0.5:
        raise UsageError(f"max_doc_share must be in (0, 0.5], got {max_doc_share!r}")
    wv = vectors if vectors is not None else word_vectors(corpus, min_count=min_count, seed=seed)
    if wv.n_documents != len(corpus):
        raise UsageError(f"the vectors were fitted on {wv.n_documents} documents, the corpus has {len(corpus)}: "
                         "fit them on this corpus")
    known = known_seeds(wv, seeds)
    centre = np.mean([wv.vector(s) for s in known], axis=0)
    sim = wv.vectors @ (centre / max(np.linalg.norm(centre), 1e-12))
    in_seed = _seed_docs(wv, seeds)
    z = _keyness_z(wv, in_seed)
    if method == "vectors":
        score = sim
    elif method == "keyness":
        score = np.where(sim > 0, z, -np.inf)
    else:
        score = np.where(z > 0, sim * (1 + np.tanh(z / 10)), -np.inf)
    from framing.learn.vectors import stop_words

    stop = stop_words()
    own = {wv.key(s) for s in seeds}
    share = wv.n_docs / max(wv.n_documents, 1)
    ok = np.array([t not in own and t not in stop and any(ch.isalpha() for ch in t) and len(t) > 1
                   for t in wv.terms])
    ok &= (share <= max_doc_share) & (wv.counts >= min_count) & np.isfinite(score)
    order = np.flatnonzero(ok)
    order = order[np.argsort(-score[order], kind="stable")][:n]
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    examples = [_example(wv, texts, str(wv.terms[i]), in_seed) for i in order]
    return pd.DataFrame({
        "term": wv.terms[order].astype(str),
        "score": score[order],
        "similarity": sim[order],
        "keyness": z[order],
        "n_docs": wv.n_docs[order].astype(np.int64),
        "n_matches": wv.counts[order].astype(np.int64),
        "doc_share": share[order],
        "example_doc_id": [e[0] for e in examples],
        "example_start": np.array([e[1] for e in examples], dtype=np.int64),
        "example_end": np.array([e[2] for e in examples], dtype=np.int64),
        "example": [e[3] for e in examples],
    }, columns=list(SUGGESTIONS))
