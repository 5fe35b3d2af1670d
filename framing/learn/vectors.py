"""Word vectors fitted on the user's own corpus, offline: phrases, PPMI and truncated SVD.

The recipe is the count-based one of Levy, Goldberg & Dagan (2015, *TACL* 3, "Improving distributional
similarity with lessons learned from word embeddings"):

1. Words are the library's word tokens (:mod:`framing.text.tokens`), lower-cased, clitics removed
   (``migrant's`` -> ``migrant``, as lexicon matching also tries).
2. Multiword terms are found as collocations: two adjacent words (no punctuation between them, neither a
   stop word nor a number) seen at least ``min_count`` times whose normalised pointwise mutual information
   (Bouma 2009) is at least ``phrase_threshold`` become one unit (``illegal immigrants``), merged left to
   right.
3. Units co-occurring within ``window`` units of each other (in the same document) are counted; the counts
   become positive PMI with context-distribution smoothing (alpha = 0.75).
4. A truncated SVD (scikit-learn's randomized SVD, seeded) of the PPMI matrix gives ``U * sqrt(S)``,
   normalised to unit length, as the vectors.

Nothing is downloaded; the same corpus and arguments give the same vectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from framing import schema
from framing.errors import UsageError
from framing.text.tokens import TOKEN_PATTERN

__all__ = ["WordVectors", "stop_words", "word_offsets", "word_vectors"]

_TOKEN_RE = re.compile(TOKEN_PATTERN)
_CLITIC_RE = re.compile(r"(?:'s|'re|'ve|'ll|'d|'m)$")
_NUMBER_RE = re.compile(r"^[\d.,:-]+$")


def stop_words() -> frozenset[str]:
    """English stop words (scikit-learn's list and a few news words): never suggested, never in a phrase."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "mr", "ms", "mrs", "also", "just", "like", "new"}


@dataclass
class _Stream:
    """Every word token of a corpus as arrays (one entry per word, in corpus order)."""

    forms: np.ndarray  # unique normalised forms
    ids: np.ndarray  # form id of each word
    doc: np.ndarray  # document position of each word
    rank: np.ndarray  # position of the word among the words of its document
    joined: np.ndarray  # True if only whitespace separates the word from the previous one (same document)


def _form(token: str) -> str:
    form = token.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").lower()
    return _CLITIC_RE.sub("", form) if "'" in form else form


def _stream(texts: list[str]) -> _Stream:
    tokens: list[str] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        found = _TOKEN_RE.findall(text)
        tokens.extend(found)
        lengths[i] = len(found)
    raw_ids, raw = pd.factorize(pd.Series(tokens, dtype=object), sort=False)
    del tokens
    raw_word = np.array([t[0].isalnum() for t in raw], dtype=bool)
    form_ids, forms = pd.factorize(pd.Series([_form(t) for t in raw], dtype=object), sort=False)
    tok_doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    word = raw_word[raw_ids]
    prev_word = np.zeros(word.size, dtype=bool)
    prev_word[1:] = word[:-1] & (tok_doc[1:] == tok_doc[:-1])
    idx = np.flatnonzero(word)
    doc = tok_doc[idx]
    n_words = np.bincount(doc, minlength=len(texts))
    rank = np.arange(idx.size) - np.repeat(np.cumsum(n_words) - n_words, n_words)
    return _Stream(np.asarray(forms, dtype=object), form_ids[raw_ids[idx]].astype(np.int64), doc, rank,
                   prev_word[idx])


def word_offsets(text: str, rank: int) -> tuple[int, int]:
    """Character offsets of the ``rank``-th word token (0-based) of ``text``."""
    k = -1
    for m in _TOKEN_RE.finditer(text):
        if m.group()[0].isalnum():
            k += 1
            if k == rank:
                return m.start(), m.end()
    raise IndexError(rank)


@dataclass
class WordVectors:
    """Word and phrase vectors of one corpus, with the counts behind them.

    Attributes
    ----------
    terms : numpy.ndarray of str
        The vocabulary: words and detected phrases (``"illegal immigrants"``), most frequent first.
    vectors : numpy.ndarray, shape (n_terms, dim)
        Unit-length vectors, one row per term.
    counts : numpy.ndarray of int
        Occurrences of each term in the corpus (a word's count includes its occurrences inside phrases).
    n_docs : numpy.ndarray of int
        Documents in which each term occurs.
    n_documents : int
        Documents in the corpus.
    doc_ids : numpy.ndarray of str
        The corpus's ``doc_id`` values, in corpus order.
    stream : object
        Every word of the corpus (form id, document, rank in the document, joined to the previous word).
    units : tuple
        The units the vectors were fitted on: unit code of each occurrence, its document, its first word's
        index, the unit names, the number of word forms (codes from there on are phrases).
    """

    terms: np.ndarray
    vectors: np.ndarray
    counts: np.ndarray
    n_docs: np.ndarray
    n_documents: int
    doc_ids: np.ndarray = field(repr=False)
    stream: _Stream = field(repr=False)
    units: tuple = field(repr=False)
    _index: dict = field(default_factory=dict, repr=False)
    _form_index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {t: i for i, t in enumerate(self.terms)}
        self._form_index = {f: i for i, f in enumerate(self.stream.forms)}

    def __contains__(self, term: str) -> bool:
        return self.key(term) in self._index

    @staticmethod
    def key(term: str) -> str:
        """The form a term is looked up by: lower-cased words separated by one space, clitics removed."""
        words = [m.group().replace("\u2019", "'").lower() for m in _TOKEN_RE.finditer(str(term))
                 if m.group()[0].isalnum()]
        return " ".join(_CLITIC_RE.sub("", w) for w in words)

    def vector(self, term: str) -> np.ndarray:
        """The vector of ``term``; raises UsageError if it is not in the vocabulary."""
        k = self.key(term)
        if k not in self._index:
            raise UsageError(f"{term!r} is not in the vocabulary of the corpus' word vectors "
                             f"(seen fewer than min_count times, or not at all)")
        return self.vectors[self._index[k]]

    def occurrences(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Where ``term`` (a word or a phrase) occurs: document positions and the rank of its first word.

        Every occurrence counts, as a lexicon term matches it: a word inside a phrase, a phrase not merged.
        """
        st = self.stream
        lookup = self._form_index
        words = self.key(term).split()
        if not words or any(w not in lookup for w in words):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        hit = st.ids == lookup[words[0]]
        for k, w in enumerate(words[1:], start=1):
            nxt = np.zeros_like(hit)
            nxt[:-k] = (st.ids[k:] == lookup[w]) & st.joined[k:]
            hit &= nxt
        idx = np.flatnonzero(hit)
        return st.doc[idx], st.rank[idx]

    def similar(self, terms: list[str], n: int = 20) -> pd.DataFrame:
        """The ``n`` terms closest (cosine) to the mean vector of ``terms``: ``term, similarity``."""
        centre = np.mean([self.vector(t) for t in terms], axis=0)
        sims = self.vectors @ centre / max(np.linalg.norm(centre), 1e-12)
        own = {self.key(t) for t in terms}
        order = [i for i in np.argsort(-sims) if self.terms[i] not in own][:n]
        return pd.DataFrame({"term": self.terms[order], "similarity": sims[order]})


def _phrases(st: _Stream, min_count: int, threshold: float, stop: frozenset[str]) -> np.ndarray:
    """Pairs of form ids (as ``a * n_forms + b``) that are collocations."""
    nf = len(st.forms)
    nxt = np.flatnonzero(st.joined)  # word i is joined to word i - 1
    a, b = st.ids[nxt - 1], st.ids[nxt]
    keys, cnt = np.unique(a * nf + b, return_counts=True)
    keep = cnt >= min_count
    keys, cnt = keys[keep], cnt[keep]
    uni = np.bincount(st.ids, minlength=nf).astype(float)
    n = float(st.ids.size)
    ka, kb = keys // nf, keys % nf
    p_ab = cnt / n
    npmi = np.log(p_ab / (uni[ka] / n * uni[kb] / n)) / -np.log(p_ab)
    bad = np.array([(f in stop) or bool(_NUMBER_RE.match(f)) or len(f) < 2 for f in st.forms])
    ok = (npmi >= threshold) & ~bad[ka] & ~bad[kb]
    return keys[ok]


def _merge(st: _Stream, phrase_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Units: words with detected phrases merged left to right; returns (unit code, doc, first word index).

    A unit code below ``n_forms`` is a word's form id; ``n_forms + k`` is the k-th phrase of ``phrase_keys``.
    """
    nf = len(st.forms)
    n = st.ids.size
    pair = np.zeros(n, dtype=bool)  # word i starts a phrase with word i + 1
    if n > 1 and phrase_keys.size:
        keys = st.ids[:-1] * nf + st.ids[1:]
        pair[:-1] = np.isin(keys, phrase_keys) & st.joined[1:]
    # left to right: a phrase cannot start on a word that ends the previous phrase
    idx = np.flatnonzero(pair)
    chosen = []
    last = -1  # the last word already in a phrase
    for i in idx.tolist():
        if i > last:
            chosen.append(i)
            last = i + 1
    chosen_arr = np.asarray(chosen, dtype=np.int64)
    keep = np.ones(n, dtype=bool)
    keep[chosen_arr + 1] = False
    code = st.ids.copy()
    if chosen_arr.size:
        pk = st.ids[chosen_arr] * nf + st.ids[chosen_arr + 1]
        code[chosen_arr] = nf + np.searchsorted(phrase_keys, pk)
    first = np.flatnonzero(keep)
    return code[keep], st.doc[keep], first


def word_vectors(
    corpus: pd.DataFrame,
    *,
    dim: int = 100,
    window: int = 5,
    min_count: int = 5,
    max_terms: int = 20000,
    phrases: bool = True,
    phrase_threshold: float = 0.35,
    seed: int = 0,
) -> WordVectors:
    """Fit word and phrase vectors on a corpus (PPMI + truncated SVD, offline).

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id`` and ``text``.
    dim : int, default 100
        Dimensions kept by the SVD (fewer if the vocabulary is small).
    window : int, default 5
        Co-occurrence window, in units on each side, within a document.
    min_count : int, default 5
        Words and phrases seen fewer times get no vector.
    max_terms : int, default 20000
        At most this many of the most frequent words and phrases get vectors.
    phrases : bool, default True
        Detect two-word collocations and give them vectors of their own.
    phrase_threshold : float, default 0.35
        Lowest normalised PMI (-1 to 1) of a collocation.
    seed : int, default 0
        Seed of the randomized SVD.

    Returns
    -------
    WordVectors
    """
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    for name, value, low in (("dim", dim, 2), ("window", window, 1), ("min_count", min_count, 1),
                             ("max_terms", max_terms, 2)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise UsageError(f"{name} must be an integer of at least {low}, got {value!r}")
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    st = _stream(texts)
    if st.ids.size == 0:
        raise UsageError("the corpus has no words to fit vectors on")
    nf = len(st.forms)
    stop = stop_words()
    phrase_keys = _phrases(st, min_count, phrase_threshold, stop) if phrases else np.zeros(0, dtype=np.int64)
    code, udoc, first = _merge(st, phrase_keys)
    names = np.concatenate([st.forms, np.array([f"{st.forms[k // nf]} {st.forms[k % nf]}" for k in phrase_keys],
                                                dtype=object)])
    n_units = names.size
    # counts as a lexicon would match them: every occurrence, a word inside a phrase included
    counts = np.bincount(st.ids, minlength=n_units).astype(np.int64)
    n_docs = np.zeros(n_units, dtype=np.int64)
    n_docs[:nf] = np.bincount(np.unique(st.doc * nf + st.ids) % nf, minlength=nf)
    if phrase_keys.size:
        pos = np.flatnonzero(st.joined[1:]) + 1
        bigram = st.ids[pos - 1] * nf + st.ids[pos]
        hit = np.isin(bigram, phrase_keys)
        pid = np.searchsorted(phrase_keys, bigram[hit])
        counts[nf:] = np.bincount(pid, minlength=n_units - nf)
        pdoc = st.doc[pos[hit]]
        n_docs[nf:] = np.bincount(np.unique(pdoc * phrase_keys.size + pid) % phrase_keys.size,
                                  minlength=n_units - nf)
    # vocabulary: frequent units (as units: merged counts)
    ucount = np.bincount(code, minlength=n_units)
    cand = np.flatnonzero(ucount >= min_count)
    cand = cand[np.argsort(-ucount[cand], kind="stable")][:max_terms]
    if cand.size < 3:
        raise UsageError(f"only {cand.size} words occur at least min_count={min_count} times: "
                         "the corpus is too small for word vectors (lower min_count)")
    vocab_of = np.full(n_units, -1, dtype=np.int64)
    vocab_of[cand] = np.arange(cand.size)
    v = vocab_of[code]
    inv = v >= 0
    v, vdoc = v[inv], udoc[inv]
    V = cand.size
    C = sparse.csr_matrix((V, V), dtype=np.float64)
    for d in range(1, window + 1):
        same = vdoc[d:] == vdoc[:-d]
        r, c = v[:-d][same], v[d:][same]
        w = np.full(r.size, 1.0)
        C = C + sparse.csr_matrix((w, (r, c)), shape=(V, V)) + sparse.csr_matrix((w, (c, r)), shape=(V, V))
    C = C.tocoo()
    row_sum = np.asarray(C.sum(axis=1)).ravel()
    col = np.asarray(C.sum(axis=0)).ravel() ** 0.75
    total = C.data.sum()
    with np.errstate(divide="ignore"):
        pmi = np.log(C.data) + np.log(total) - np.log(row_sum[C.row]) - np.log(col[C.col] / col.sum() * total)
    pos = pmi > 0
    M = sparse.csr_matrix((pmi[pos], (C.row[pos], C.col[pos])), shape=(V, V))
    from sklearn.utils.extmath import randomized_svd

    k = int(min(dim, V - 1))
    U, S, _ = randomized_svd(M, n_components=k, n_iter=3, random_state=seed)
    X = U * np.sqrt(S)
    X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)
    return WordVectors(
        terms=names[cand].astype(str), vectors=X, counts=counts[cand], n_docs=n_docs[cand],
        n_documents=len(texts), doc_ids=corpus["doc_id"].astype(str).to_numpy(), stream=st,
        units=(code, udoc, first, names, nf),
    )
