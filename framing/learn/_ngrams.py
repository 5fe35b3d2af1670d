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
  (documents x word types) @ (word types x n-grams);
- when transforming, a text is split at white space once; what each distinct
  piece contributes (its character n-grams, or its word tokens for the token
  patterns of :data:`PIECEWISE_PATTERNS`, whose tokens never cross white
  space) is computed the first time the piece is seen and remembered in a
  bounded :class:`PieceMemory`, filled at fit with the fitted texts' pieces
  (``char_wb``) and not saved with the model (rebuilt as it predicts after
  loading);
  :func:`shared_split` lets the blocks of one model share one split.

The cost of a batch is linear in its tokens plus its distinct words, with the
per-n-gram work in NumPy. Settings the fast path does not cover (a custom
analyzer, preprocessor or tokenizer, stop words, accent stripping, file
input, non-str documents, n-gram keys wider than 62 bits) fall back to
scikit-learn's own counting, so results never depend on the path taken.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain, repeat
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import text as _sktext
from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["NgramTfidf", "PieceMemory", "shared_split"]

_align = getattr(_sktext, "_align_api_if_sparse", lambda X: X)
_EMPTY = np.zeros(0, dtype=np.int64)

#: token patterns whose tokens never contain white space nor depend on what lies beyond it (every token is a
#: maximal run of some characters, none of them white space, trimmed of some others): the tokens of a text are
#: then the tokens of its whitespace-separated pieces, in order, and a piece's tokens can be found once
PIECEWISE_PATTERNS = frozenset({r"(?u)\b\w\w+\b", r"(?u)\b\w[\w'’-]*\w\b|\b\w\b"})
#: distinct pieces a fitted vectorizer remembers between transforms; with a word and a character block sharing
#: them, about 300 bytes each (90 MB at the bound). When a batch would take it past this, the memory is emptied
#: and refilled from that batch (so a single batch with more distinct pieces than this is held until the next)
PIECE_CACHE_SIZE = 300_000


_SCOPE: ContextVar[dict | None] = ContextVar("framing_shared_split", default=None)


class PieceMemory:
    """The distinct whitespace-separated pieces of text seen so far, numbered in order of first sight.

    Bounded by :data:`PIECE_CACHE_SIZE`: a batch that would take it past the
    bound empties it first (``generation`` counts the emptyings, so the
    vectorizers that keep data per piece know to start again). ``lock`` is
    held while the memory, or what a vectorizer keeps per piece, changes.
    """

    def __init__(self, lowercase: bool) -> None:
        self.lock = threading.RLock()
        self.lowercase = lowercase
        self.index: dict[str, int] = {}
        self.strings: list[str] = []
        self.generation = 0

    def add(self, new: list[str]) -> None:
        """Number the pieces ``new`` (distinct, not yet held) from the next free id."""
        start = len(self.strings)
        self.index.update(zip(new, range(start, start + len(new))))
        self.strings.extend(new)

    def ids(self, docs: list[str], source: Any = None) -> tuple[np.ndarray, np.ndarray]:
        """The id of every piece of every text, in order, and the number of pieces of each text.

        Inside :func:`shared_split` for the same ``source``, the answer is
        computed once and given to every vectorizer sharing this memory.
        """
        scope = _SCOPE.get()
        if scope is not None and source is not None and scope["source"] is source:
            known = scope["memo"].get(id(self))  # (the entry holds this memory, so its id is not reused)
            if known is not None and known[1] == self.generation:
                return known[2], known[3]
        lower = self.lowercase
        split = [(d.lower() if lower else d).split() for d in docs]
        n_pieces = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
        flat = list(chain.from_iterable(split))
        del split
        index = self.index
        pid = np.fromiter(map(index.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        miss = np.flatnonzero(pid < 0)
        if len(miss):
            missing = list(map(flat.__getitem__, miss.tolist()))
            new = list(dict.fromkeys(missing))
            if index and len(index) + len(new) > PIECE_CACHE_SIZE:
                index.clear()
                self.strings = []
                self.generation += 1
                missing, new, miss = flat, list(dict.fromkeys(flat)), np.arange(len(flat))
            self.add(new)
            pid[miss] = np.fromiter(map(index.__getitem__, missing), dtype=np.int64, count=len(miss))
        if scope is not None and source is not None and scope["source"] is source:
            scope["memo"][id(self)] = (self, self.generation, pid, n_pieces)
        return pid, n_pieces


@contextmanager
def shared_split(source: Any, vectorizers: Iterable[Any]):
    """Within this block, the :class:`NgramTfidf` among ``vectorizers`` split and number ``source`` once.

    Vectorizers that count through pieces of text with the same lowercasing
    are given one :class:`PieceMemory` (the fullest of theirs); a transform
    of ``source`` (the very object) inside the block then splits the texts
    and looks their pieces up once for all of them. Outside the block nothing
    is shared but the memory.
    """
    groups: dict[bool, list] = {}
    for v in vectorizers:
        if not isinstance(v, NgramTfidf) or not hasattr(v, "vocabulary_"):
            continue
        if v.analyzer != "char_wb" and v.token_pattern not in PIECEWISE_PATTERNS:
            continue
        table = v._compiled()
        if table is not None:
            groups.setdefault(bool(v.lowercase), []).append((v, table, v._piece_memory(table)))
    for members in groups.values():
        shared = max((memory for _, _, memory in members), key=lambda m: len(m.strings))
        for v, table, mine in members:
            if mine is shared:
                continue
            cache = v.__dict__["_piece_cache"]
            if mine.generation == shared.generation == cache["generation"] and mine.strings == shared.strings:
                cache["memory"] = shared  # same pieces in the same order: what is computed stays valid
            else:
                v._empty_pieces(table, shared)  # what it keeps per piece is computed as it is needed
    token = _SCOPE.set({"source": source, "memo": {}})
    try:
        yield
    finally:
        _SCOPE.reset(token)


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
            if self.analyzer == "char_wb" or self.token_pattern in PIECEWISE_PATTERNS:
                counted = self._lookup_pieces(docs, table, raw_documents)
            else:
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

    def fit(self, raw_documents, y=None):  # noqa: D102 (scikit-learn's)
        super().fit(raw_documents, y)
        self._remember_fitted_pieces()
        return self

    def fit_transform(self, raw_documents, y=None):  # noqa: D102 (scikit-learn's)
        X = super().fit_transform(raw_documents, y)
        self._remember_fitted_pieces()
        return X

    def _remember_fitted_pieces(self) -> None:
        """Fill the piece memory with the most frequent pieces of the fitted texts, so predicting starts warm."""
        pieces = self.__dict__.pop("_fit_pieces", None)
        if pieces is None or not len(pieces):
            return
        table = self._compiled()
        if table is not None:
            memory = self._piece_memory(table)
            with memory.lock:
                memory.add(pieces)
                self._piece_data(table, memory)

    def _learn(self, docs: list[str], vocabulary: dict) -> tuple | sp.csr_array | None:
        self.__dict__.pop("_fit_pieces", None)
        ids, doc_of, types = _factorize(self._tokens(docs))
        if self.analyzer == "char_wb":  # its tokens are the pieces (a word block takes them from it when shared)
            self.__dict__["_fit_pieces"] = _most_frequent(types, ids)
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
        if self.analyzer == "word":  # single words: the column of each token id, -1 for none
            single = n_of == 1
            table["unigrams"] = np.full(len(table["tokens"]) + 1, -1, dtype=np.int64)
            table["unigrams"][keys[single]] = columns[single]
        self.__dict__["_compiled_table"] = table
        return table

    def _lookup(self, docs: list[str], table: dict) -> tuple:
        """Word n-gram counts of texts tokenized whole (token patterns outside :data:`PIECEWISE_PATTERNS`)."""
        token_lists = self._tokens(docs)
        known = table["tokens"]
        lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
        doc_of = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
        # each token looked up in the vocabulary's tokens (0 = unknown), in C: no factorising needed
        ids = np.fromiter(map(known.get, chain.from_iterable(token_lists), repeat(0)), dtype=np.int64,
                          count=int(lengths.sum()))
        return self._word_counts(ids, doc_of, table)

    def _word_counts(self, ids: np.ndarray, doc_of: np.ndarray, table: dict) -> tuple:
        """(document, column, count) of the known word n-grams of a token stream (token ids, 0 = unknown)."""
        rows, cols = [], []
        for n, keys, where in _word_windows(ids, doc_of, self.ngram_range, table["bits"], known=True):
            col = table["unigrams"][keys] if n == 1 else _find(table, keys)
            keep = col >= 0
            rows.append(where[keep])
            cols.append(col[keep])
        rows_a, cols_a = _cat(rows), _cat(cols)
        return rows_a, cols_a, np.ones(len(rows_a), dtype=np.int64)

    def _char_rows(self, types: np.ndarray, table: dict) -> tuple[np.ndarray, np.ndarray]:
        """(word type, column) of every known character n-gram of each word type, one entry per occurrence."""
        padded, starts, lengths = _padded(types)
        code = _codepoints(padded)
        alphabet = table["alphabet"]
        at = np.searchsorted(alphabet, code).clip(max=max(len(alphabet) - 1, 0))
        char_id = np.where(alphabet[at] == code, at + 1, 0) if len(alphabet) else np.zeros_like(code)
        t_rows, t_cols = [], []
        for n, t_of, pos in _char_windows(starts, lengths, self.ngram_range):
            keys = _pack(char_id, pos, n, table["bits"])
            known = np.ones(len(pos), dtype=bool)
            for k in range(n):
                known &= char_id[pos + k] > 0
            col = _find(table, keys[known])
            keep = col >= 0
            t_rows.append(t_of[known][keep])
            t_cols.append(col[keep])
        return _cat(t_rows), _cat(t_cols)

    # -- counting through the whitespace-separated pieces of the texts (transform)

    def _lookup_pieces(self, docs: list[str], table: dict, source: Any = None) -> tuple | sp.csr_array:
        """Counts built from what each distinct piece of text contributes, remembered between calls.

        A text's character n-grams (``char_wb``) are the sum of those of its
        whitespace-separated pieces, and its word tokens (for a pattern of
        :data:`PIECEWISE_PATTERNS`) the tokens of its pieces in order. What a
        piece contributes is computed the first time the piece is seen and kept
        (up to :data:`PIECE_CACHE_SIZE` pieces), so a batch costs a split and
        one dictionary look-up per piece, plus the work for pieces not seen
        before.
        """
        memory = self._piece_memory(table)
        with memory.lock:  # the arrays taken here are never changed in place, only replaced
            pid, n_pieces = memory.ids(docs, source)
            cache = self._piece_data(table, memory)
            ptr, data = cache["ptr"], cache["data"]
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), n_pieces)
        if self.analyzer == "word":
            # each piece's tokens, in order, piece after piece
            ids = data[_ranges(ptr[pid], ptr[pid + 1])]
            return self._word_counts(ids, np.repeat(doc_of, ptr[pid + 1] - ptr[pid]), table)
        # documents x pieces, and pieces x n-grams for the pieces of this batch only
        seen = np.zeros(len(ptr) - 1, dtype=bool)
        seen[pid] = True
        used = np.flatnonzero(seen)
        local = np.cumsum(seen) - 1
        t_cols = data[_ranges(ptr[used], ptr[used + 1])]
        t_rows = np.repeat(np.arange(len(used), dtype=np.int64), ptr[used + 1] - ptr[used])
        return _through_types(local[pid], doc_of, len(docs), len(used), t_rows, t_cols, len(self.vocabulary_))

    def _piece_memory(self, table: dict) -> PieceMemory:
        """The pieces this vectorizer has numbered (possibly shared with others, see :func:`shared_split`)."""
        cache = self.__dict__.get("_piece_cache")
        if cache is None or cache["table"] is not table:
            cache = self._empty_pieces(table, PieceMemory(self.lowercase))
        return cache["memory"]

    def _empty_pieces(self, table: dict, memory: PieceMemory) -> dict:
        cache = {"table": table, "memory": memory, "generation": memory.generation,
                 "ptr": np.zeros(1, dtype=np.int64), "data": _EMPTY}
        self.__dict__["_piece_cache"] = cache
        return cache

    def _piece_data(self, table: dict, memory: PieceMemory) -> dict:
        """What every piece of ``memory`` contributes, computed for the pieces numbered since the last call
        (called with ``memory.lock`` held, for the memory the ids were just taken from)."""
        cache = self.__dict__["_piece_cache"]
        if cache["memory"] is not memory or cache["generation"] != memory.generation:
            # another thread gave this vectorizer a new memory meanwhile, or the memory was emptied: what is
            # kept must be that of the memory the ids come from, numbered again from 0
            cache = self._empty_pieces(table, memory)
        done = len(cache["ptr"]) - 1
        if done < len(memory.strings):
            self._add_pieces(cache, memory.strings[done:], table)
        return cache

    def _add_pieces(self, cache: dict, new: list[str], table: dict) -> None:
        """Append what the pieces ``new`` contribute to the arrays of ``cache``."""
        if self.analyzer == "word":
            # token ids in the vocabulary's tokens (0 = unknown), kept so that n-grams never skip a token
            tokenize, known = self.build_tokenizer(), table["tokens"]
            tokens = [tokenize(p) for p in new]
            per = np.fromiter(map(len, tokens), dtype=np.int64, count=len(new))
            data = np.fromiter(map(known.get, chain.from_iterable(tokens), repeat(0)), dtype=np.int64,
                               count=int(per.sum()))
        else:
            types = np.empty(len(new), dtype=object)
            types[:] = new
            t_rows, data = self._char_rows(types, table)
            data = data[np.argsort(t_rows, kind="stable")].astype(np.int32)  # columns: half the memory
            per = np.bincount(t_rows, minlength=len(new))
        cache["ptr"] = np.concatenate([cache["ptr"], cache["ptr"][-1] + np.cumsum(per)])
        cache["data"] = np.concatenate([cache["data"], data]).astype(data.dtype, copy=False)

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
        state = dict(super().__getstate__())  # a copy: saving must not empty the memories of the live object
        state.pop("_compiled_table", None)
        state.pop("_piece_cache", None)
        state.pop("_fit_pieces", None)
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


def _most_frequent(types: np.ndarray, ids: np.ndarray) -> list:
    """The most frequent of ``types`` (ids of occurrences ``ids``), at most half the piece memory, in order."""
    if len(types) <= PIECE_CACHE_SIZE // 2:
        return list(types)
    counts = np.bincount(ids, minlength=len(types))
    keep = np.sort(np.argsort(-counts, kind="stable")[: PIECE_CACHE_SIZE // 2])
    return list(types[keep])


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


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The concatenation of ``arange(start, stop)`` for every pair."""
    lengths = stops - starts
    total = int(lengths.sum())
    ends = np.cumsum(lengths)
    return np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)


def _through_types(ids, doc_of, n_docs, n_types, t_rows, t_cols, n_features) -> sp.csr_array:
    """Document x n-gram counts as (documents x word types) @ (word types x n-grams)."""
    # computed as (n-grams x types) @ (types x documents) and transposed back: the product of that order
    # comes out one n-gram row at a time, and the conversion to documents x n-grams leaves every row's
    # columns sorted, which sorting the product of the other order row by row costs more than
    # counts as float64 (exact below 2**53): the product is then already of the matrix's type, not copied
    counts_t = sp.coo_array((np.ones(len(ids)), (ids, doc_of)), shape=(n_types, n_docs)).tocsr()
    T_t = sp.coo_array((np.ones(len(t_cols)), (t_cols, t_rows)), shape=(n_features, n_types)).tocsr()
    return sp.csr_array((T_t @ counts_t).T)
