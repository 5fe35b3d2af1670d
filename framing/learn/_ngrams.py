"""TF-IDF of word and character n-grams, counted with array operations.

:class:`NgramTfidf` is scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer`
with a faster counting step: the same vocabulary, the same matrix, the same
parameters and fitted attributes, so it clones, pickles and saves like the
original. Only the counting of n-grams differs:

- tokens (words, or whitespace-separated words for ``char_wb``) become integer
  ids once per batch, and an n-gram becomes one integer key packed from the
  ids of its tokens (or characters);
- fitting turns only the *distinct* n-grams of the corpus into strings, to
  build scikit-learn's ``vocabulary_``;
- transforming never builds a string: the fitted vocabulary is compiled once
  into sorted integer keys (token or character ids packed the same way), and
  every n-gram of a batch is found by a binary search;
- character n-grams within word boundaries (``char_wb``) are the sum of the
  n-grams of a text's words, so each *distinct* word of a batch is cut into
  n-grams once and the document counts are one sparse product
  (documents x word types) @ (word types x n-grams).

The cost of a batch is linear in its tokens plus its distinct words, with the
per-n-gram work in NumPy. Settings the fast path does not cover (a custom
analyzer, preprocessor or tokenizer, stop words, accent stripping, file
input, non-str documents, n-gram keys wider than 62 bits) fall back to
scikit-learn's own counting, so results never depend on the path taken.
"""

from __future__ import annotations

from itertools import chain, repeat
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import text as _sktext
from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["NgramTfidf"]

_align = getattr(_sktext, "_align_api_if_sparse", lambda X: X)
_EMPTY = np.zeros(0, dtype=np.int64)


class NgramTfidf(TfidfVectorizer):
    """:class:`~sklearn.feature_extraction.text.TfidfVectorizer` with array-based n-gram counting.

    Takes the parameters of ``TfidfVectorizer`` and gives the same output
    (tested against it); see the module docstring for how counting is done.
    """

    # -- which settings the fast path covers

    def _fast_ok(self, docs: list) -> bool:
        if self.analyzer not in ("word", "char_wb"):
            return False
        if self.preprocessor is not None or self.tokenizer is not None or self.strip_accents is not None:
            return False
        if self.analyzer == "word" and self.stop_words is not None:
            return False
        if self.input != "content":
            return False
        return all(type(d) is str for d in docs)

    def _count_vocab(self, raw_documents, fixed_vocab):  # scikit-learn's counting hook
        docs = raw_documents if isinstance(raw_documents, list) else list(raw_documents)
        if not self._fast_ok(docs):
            return super()._count_vocab(docs, fixed_vocab)
        if fixed_vocab:
            vocabulary = self.vocabulary_
            table = self._compiled()
            if table is None:
                return super()._count_vocab(docs, fixed_vocab)
            counted = self._lookup(docs, table)
        else:
            vocabulary = {}
            counted = self._learn(docs, vocabulary)
            if counted is None:
                return super()._count_vocab(docs, fixed_vocab)
            if not vocabulary:
                raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        if isinstance(counted, tuple):
            rows, cols, vals = counted
            # built n-grams x documents and transposed back: each n-gram's documents come in order (an n-gram
            # has one length, and the windows of one length are listed in document order), so duplicates
            # are summed without sorting, and the documents x n-grams matrix comes out with sorted columns
            counted = sp.csr_array(
                sp.coo_array((vals, (cols, rows)), shape=(len(vocabulary), len(docs))).tocsr().T.tocsr())
        X = sp.csr_array(counted, dtype=self.dtype)
        X.sum_duplicates()
        X.sort_indices()
        if X.indptr[-1] <= np.iinfo(np.int32).max:
            X.indices = X.indices.astype(np.int32, copy=False)
            X.indptr = X.indptr.astype(np.int32, copy=False)
        return vocabulary, _align(X)

    # -- tokens of a batch

    def _tokens(self, docs: list[str]) -> list[list[str]]:
        lower = self.lowercase
        if self.analyzer == "word":
            tokenize = self.build_tokenizer()
            return [tokenize(d.lower() if lower else d) for d in docs]
        return [(d.lower() if lower else d).split() for d in docs]

    # -- learning the vocabulary (fit)

    def _learn(self, docs: list[str], vocabulary: dict) -> tuple | sp.csr_array | None:
        ids, doc_of, types = _factorize(self._tokens(docs))
        if self.analyzer == "word":
            bits = _bits(len(types))
            if self.ngram_range[1] * bits > 62:
                return None
            rows, cols = [], []
            for n, keys, where in _word_windows(ids, doc_of, self.ngram_range, bits):
                uniq, inverse = np.unique(keys, return_inverse=True)
                parts = [types[(uniq >> (bits * (n - 1 - k))) & ((1 << bits) - 1)] for k in range(n)]
                strings = parts[0].tolist() if n == 1 else [" ".join(t) for t in zip(*parts)]
                col = _assign(strings, vocabulary)[inverse]
                rows.append(where)
                cols.append(col)
            rows_a, cols_a = _cat(rows), _cat(cols)
            return rows_a, cols_a, np.ones(len(rows_a), dtype=np.int64)
        padded, starts, lengths = _padded(types)
        code = _codepoints(padded)
        alphabet, char_id = np.unique(code, return_inverse=True)
        bits = _bits(len(alphabet))
        if self.ngram_range[1] * bits > 62:
            return None
        t_rows, t_cols = [], []
        for n, t_of, pos in _char_windows(starts, lengths, self.ngram_range):
            keys = _pack(char_id, pos, n, bits)
            uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            col = _assign(_substrings(padded, code, pos[first], n), vocabulary)[inverse]
            t_rows.append(t_of)
            t_cols.append(col)
        return _through_types(ids, doc_of, len(docs), len(types), _cat(t_rows), _cat(t_cols), len(vocabulary))

    # -- counting with a fitted vocabulary (transform)

    def _compiled(self) -> dict | None:
        """The fitted vocabulary as sorted integer keys (built once, not saved with the model)."""
        cache = self.__dict__.get("_compiled_table")
        if cache is not None and cache["vocabulary"] is self.vocabulary_ and cache["size"] == len(self.vocabulary_):
            return cache
        features = list(self.vocabulary_)
        columns = np.fromiter(self.vocabulary_.values(), dtype=np.int64, count=len(features))
        if self.analyzer == "word":
            tokenize = self.build_tokenizer()
            split = [f.split(" ") for f in features]
            parts = list(chain.from_iterable(split))
            if tokenize("\n".join(features)) != parts:
                return None  # tokens with spaces in them: keys would be ambiguous
            n_of = np.fromiter((len(s) for s in split), dtype=np.int64, count=len(split))
            flat = np.empty(len(parts), dtype=object)
            flat[:] = parts
            tok_id, tokens = pd.factorize(flat, sort=False)
            tok_id = tok_id.astype(np.int64) + 1  # 0 = a token the vocabulary does not know
            bits = _bits(len(tokens) + 1)
            table = {"tokens": dict(zip(tokens.tolist(), range(1, len(tokens) + 1)))}
        else:
            n_of = np.fromiter((len(f) for f in features), dtype=np.int64, count=len(features))
            code = _codepoints("".join(features))
            alphabet, tok_id = np.unique(code, return_inverse=True)
            tok_id = tok_id.astype(np.int64) + 1
            bits = _bits(len(alphabet) + 1)
            table = {"alphabet": alphabet}
        if int(n_of.max(initial=1)) * bits > 62:
            return None
        starts = np.zeros(len(n_of), dtype=np.int64)
        starts[1:] = np.cumsum(n_of)[:-1]
        keys = np.zeros(len(n_of), dtype=np.int64)
        for k in range(int(n_of.max(initial=0))):
            has = n_of > k
            keys[has] = (keys[has] << bits) | tok_id[starts[has] + k]
        table.update(vocabulary=self.vocabulary_, size=len(self.vocabulary_), bits=bits,
                     keys=pd.Index(keys), columns=columns)
        self.__dict__["_compiled_table"] = table
        return table

    def _lookup(self, docs: list[str], table: dict) -> tuple | sp.csr_array:
        bits = table["bits"]
        token_lists = self._tokens(docs)
        if self.analyzer == "word":
            known = table["tokens"]
            lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
            doc_of = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
            # each token looked up in the vocabulary's tokens (0 = unknown), in C: no factorising needed
            ids = np.fromiter(map(known.get, chain.from_iterable(token_lists), repeat(0)), dtype=np.int64,
                              count=int(lengths.sum()))
            rows, cols = [], []
            for _n, keys, where in _word_windows(ids, doc_of, self.ngram_range, bits, known=True):
                col = _find(table, keys)
                keep = col >= 0
                rows.append(where[keep])
                cols.append(col[keep])
            rows_a, cols_a = _cat(rows), _cat(cols)
            return rows_a, cols_a, np.ones(len(rows_a), dtype=np.int64)
        ids, doc_of, types = _factorize(token_lists)
        padded, starts, lengths = _padded(types)
        code = _codepoints(padded)
        alphabet = table["alphabet"]
        at = np.searchsorted(alphabet, code).clip(max=max(len(alphabet) - 1, 0))
        char_id = np.where(alphabet[at] == code, at + 1, 0) if len(alphabet) else np.zeros_like(code)
        t_rows, t_cols = [], []
        for n, t_of, pos in _char_windows(starts, lengths, self.ngram_range):
            keys = _pack(char_id, pos, n, bits)
            known = np.ones(len(pos), dtype=bool)
            for k in range(n):
                known &= char_id[pos + k] > 0
            col = _find(table, keys[known])
            keep = col >= 0
            t_rows.append(t_of[known][keep])
            t_cols.append(col[keep])
        return _through_types(ids, doc_of, len(docs), len(types), _cat(t_rows), _cat(t_cols),
                              len(self.vocabulary_))

    # -- pruning the vocabulary (fit)

    def _sort_features(self, X, vocabulary):
        """Columns in alphabetical order of the features; deferred until after pruning with ``max_features``."""
        if self.max_features is not None:
            return X  # _limit_features sorts the features it keeps
        names = _names(vocabulary)
        order = np.argsort(names.astype(str), kind="stable") if len(names) else _EMPTY
        new = np.empty(len(order), dtype=np.int64)
        new[order] = np.arange(len(order))
        vocabulary.clear()
        vocabulary.update(zip(names[order].tolist(), range(len(order))))
        X.indices = new.take(X.indices, mode="clip").astype(X.indices.dtype)
        X.sort_indices()
        return X

    def _limit_features(self, X, vocabulary, high=None, low=None, limit=None):
        """Keep features with ``low <= df <= high``, then the ``limit`` most frequent (ties: alphabetical).

        scikit-learn keeps the same features except among ties at the cut,
        whose order it leaves to an unstable sort.
        """
        X = sp.csr_array(X)
        dfs = np.bincount(X.indices, minlength=X.shape[1])
        mask = np.ones(len(dfs), dtype=bool)
        if high is not None:
            mask &= dfs <= high
        if low is not None:
            mask &= dfs >= low
        names = _names(vocabulary)
        if limit is not None and mask.sum() > limit:
            tfs = np.asarray(X.sum(axis=0)).ravel()
            cut = np.partition(tfs[mask], len(tfs[mask]) - limit)[len(tfs[mask]) - limit]
            above = mask & (tfs > cut)
            tied = np.flatnonzero(mask & (tfs == cut))
            tied = tied[np.argsort(names[tied].astype(str), kind="stable")][: limit - int(above.sum())]
            mask = above
            mask[tied] = True
        kept = np.flatnonzero(mask)
        if len(kept) == 0:
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        if self.max_features is not None:  # sorting was deferred to here
            kept = kept[np.argsort(names[kept].astype(str), kind="stable")]
        vocabulary.clear()
        vocabulary.update(zip(names[kept].tolist(), range(len(kept))))
        out = X[:, kept]
        out.sort_indices()
        return out

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_compiled_table", None)
        return state


# --------------------------------------------------------------------------- array helpers


def _bits(n: int) -> int:
    return max(1, int(n).bit_length())


def _cat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts).astype(np.int64, copy=False) if parts else _EMPTY


def _factorize(token_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Integer ids of the tokens of each document, the document of each token, and the distinct tokens."""
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    flat = np.empty(int(lengths.sum()), dtype=object)
    flat[:] = list(chain.from_iterable(token_lists))
    ids, uniques = pd.factorize(flat, sort=False)
    doc_of = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
    types = np.empty(len(uniques), dtype=object)
    types[:] = list(uniques)
    return ids.astype(np.int64), doc_of, types


def _assign(strings: list[str], vocabulary: dict) -> np.ndarray:
    """Column of each string, adding new strings to ``vocabulary``.

    The strings of one call are distinct and new (distinct packed keys of one
    n-gram size), so they take the next columns in order; should two of them
    coincide after all, each is looked up one by one.
    """
    start = len(vocabulary)
    vocabulary.update(zip(strings, range(start, start + len(strings))))
    if len(vocabulary) == start + len(strings):
        return np.arange(start, start + len(strings), dtype=np.int64)
    return np.fromiter((vocabulary[s] for s in strings), dtype=np.int64, count=len(strings))


def _names(vocabulary: dict) -> np.ndarray:
    """Feature names by column."""
    names = np.empty(len(vocabulary), dtype=object)
    names[np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))] = list(vocabulary)
    return names


def _find(table: dict, keys: np.ndarray) -> np.ndarray:
    """Column of each packed key in a compiled vocabulary, -1 when absent."""
    at = table["keys"].get_indexer(keys)
    return np.where(at >= 0, table["columns"][at], -1)


def _word_windows(ids: np.ndarray, doc_of: np.ndarray, ngram_range: tuple[int, int], bits: int,
                  known: bool = False):
    """(n, packed key, document) of every word n-gram that stays inside one document."""
    lo, hi = ngram_range
    for n in range(lo, hi + 1):
        m = len(ids) - n + 1
        if m <= 0:
            continue
        keys = ids[:m].copy()
        ok = doc_of[:m] == doc_of[n - 1:n - 1 + m]
        if known:
            ok &= ids[:m] > 0
        for k in range(1, n):
            keys = (keys << bits) | ids[k:k + m]
            if known:
                ok &= ids[k:k + m] > 0
        yield n, keys[ok], doc_of[:m][ok]


def _padded(types: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
    """Every word type padded with a space each side, concatenated; start and length of each."""
    lengths = np.fromiter((len(t) + 2 for t in types), dtype=np.int64, count=len(types))
    starts = np.zeros(len(types), dtype=np.int64)
    if len(types):
        starts[1:] = np.cumsum(lengths)[:-1]
    padded = " " + "  ".join(types.tolist()) + " " if len(types) else ""
    return padded, starts, lengths


def _codepoints(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _char_windows(starts: np.ndarray, lengths: np.ndarray, ngram_range: tuple[int, int]):
    """(n, word type, start) of every character n-gram, as scikit-learn's ``_char_wb_ngrams`` lists them.

    For a word padded to length ``L``, scikit-learn lists every window of each
    size ``n < L`` in the range, and the whole padded word once if some size
    ``n >= L`` is in the range (so a padded word shorter than the smallest size
    is still listed once, at its own length).
    """
    min_n, max_n = ngram_range
    if not len(lengths):
        return
    for n in range(min(min_n, int(lengths.min())), max_n + 1):
        if n >= min_n:
            long = np.flatnonzero(lengths > n)
            per = lengths[long] - n + 1
            t_of = np.repeat(long, per)
            pos = starts[t_of] + np.arange(int(per.sum()), dtype=np.int64) - np.repeat(np.cumsum(per) - per, per)
        else:
            t_of, pos = _EMPTY, _EMPTY
        whole = np.flatnonzero(lengths == n)
        t_of = np.concatenate([t_of, whole])
        pos = np.concatenate([pos, starts[whole]])
        if len(pos):
            yield n, t_of, pos


def _pack(char_id: np.ndarray, pos: np.ndarray, n: int, bits: int) -> np.ndarray:
    keys = char_id[pos].copy()
    for k in range(1, n):
        keys = (keys << bits) | char_id[pos + k]
    return keys


def _substrings(padded: str, code: np.ndarray, pos: np.ndarray, n: int) -> list[str]:
    """``padded[p:p + n]`` for every ``p`` in ``pos``, without a Python loop where possible."""
    grid = code[pos[:, None] + np.arange(n)].astype(np.uint32)
    if (grid == 0).any():  # NUL characters would be stripped by NumPy's fixed-width strings
        return [padded[p:p + n] for p in pos.tolist()]
    return np.ascontiguousarray(grid).view(f"<U{n}").ravel().tolist()


def _through_types(ids, doc_of, n_docs, n_types, t_rows, t_cols, n_features) -> sp.csr_array:
    """Document x n-gram counts as (documents x word types) @ (word types x n-grams)."""
    # computed as (n-grams x types) @ (types x documents) and transposed back: the product of that order
    # comes out one n-gram row at a time, and the conversion to documents x n-grams leaves every row's
    # columns sorted, which sorting the product of the other order row by row costs more than
    # counts as float64 (exact below 2**53): the product is then already of the matrix's type, not copied
    counts_t = sp.coo_array((np.ones(len(ids)), (ids, doc_of)), shape=(n_types, n_docs)).tocsr()
    T_t = sp.coo_array((np.ones(len(t_cols)), (t_cols, t_rows)), shape=(n_features, n_types)).tocsr()
    return sp.csr_array((T_t @ counts_t).T)
