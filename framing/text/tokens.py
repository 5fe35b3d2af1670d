"""The shared word tokenizer and token counts.

Every module that counts or matches words uses this tokenizer, so a rate per
1,000 tokens means the same thing everywhere.

Rules
-----
* A **word token** is a run of letters and digits, possibly joined by inner
  hyphens or apostrophes (``Iran-backed``, ``6-year-old``, ``Jaish-ul-Adl``,
  ``don't``, ``Iran's``), a number with inner separators (``24,285``,
  ``4:30``, ``1.5``) or a dotted abbreviation (``U.S.``, ``a.m.``).
* Every other non-space character is a **punctuation token** of its own
  (``,`` ``“`` ``(`` ``—``). Punctuation tokens are not counted in
  :func:`count_tokens`, but they separate words: a phrase only matches words
  with nothing but whitespace between them.
* English clitics stay attached to their word, as in LIWC and quanteda
  (``don't`` is one token); :func:`normalize` gives the lower-cased form and
  :func:`base_form` the form without the clitic (``iran's`` -> ``iran``,
  ``didn't`` -> ``did``), which lexicon matching also tries.
* Curly apostrophes and typographic hyphens are normalised (``’`` -> ``'``,
  ``‐`` -> ``-``) in the forms used for matching; offsets always index the
  original text.

Tokenisation is cached per whitespace-separated chunk: the chunks are found and
hashed with numpy, each distinct chunk is tokenised once with the regular
expression below, and the result is reused for every occurrence. This is what
makes matching fast on large corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import repeat
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "TOKEN_PATTERN",
    "tokenize",
    "count_tokens",
    "n_tokens",
    "normalize",
    "base_form",
    "is_word",
    "TokenScanner",
]

#: the regular expression of one token (word or punctuation)
TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S. a.m. e.g.
    r"|\d+(?:[.,:]\d+)+(?:[-\u2010\u2011][^\W_]+)*"  # numbers with separators: 24,285 4:30
    r"|[^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*"  # words, inner hyphens and apostrophes
    r"|[^\w\s]|_"  # any other character is a token of its own
)
#: the compiled :data:`TOKEN_PATTERN`
TOKEN_RE = re.compile(TOKEN_PATTERN)
_TOKEN_OR_NEWLINE_RE = re.compile(TOKEN_PATTERN + r"|\n")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_CLITIC_RE = re.compile(r"^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$")
_IRREGULAR_NT = {"can": "can", "ca": "can", "wo": "will", "sha": "shall", "ai": "ai"}

# Python's str.isspace() for every code point (none above U+3000 is a space)
_SPACE_TABLE = np.array([chr(c).isspace() for c in range(0x3001)] + [False], dtype=bool)


def normalize(token: str, *, lower: bool = True) -> str:
    """Return the matching form of a token: lower-cased, apostrophes and hyphens normalised."""
    token = token.translate(_APOSTROPHES)
    return token.lower() if lower else token


def base_form(form: str) -> str | None:
    """Return ``form`` without an English clitic (``iran's`` -> ``iran``), or None if it has none.

    ``form`` must already be normalised (straight apostrophes). ``n't``
    contractions give the verb (``didn't`` -> ``did``, ``won't`` -> ``will``).
    """
    if "'" not in form:
        return None
    m = _CLITIC_RE.match(form)
    if m is None:
        return None
    base, clitic = m.group(1), m.group(2)
    if clitic == "n't":
        key = base.lower()
        if key in _IRREGULAR_NT:
            repl = _IRREGULAR_NT[key]
            base = repl.upper() if base.isupper() else repl
    return base


def is_word(token: str) -> bool:
    """True if ``token`` is a word token (starts with a letter or digit)."""
    return bool(token) and token[0].isalnum()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into tokens.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (start, end, token)
        Character offsets into ``text`` (end exclusive) and the token as it
        appears in the text, for word and punctuation tokens alike (use
        :func:`is_word` to tell them apart).
    """
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def count_tokens(text: str) -> int:
    """Number of word tokens in ``text`` (punctuation is not counted).

    This is the denominator of every rate per 1,000 tokens in the library.
    """
    return sum(1 for tok in TOKEN_RE.findall(text) if tok[0].isalnum())


#: characters of text scanned at once by :func:`n_tokens`
_COUNT_BATCH_CHARS = 2_000_000


def n_tokens(texts: Iterable[str]) -> np.ndarray:
    """Number of word tokens of each text (vectorised :func:`count_tokens`).

    Parameters
    ----------
    texts : iterable of str
        Texts; None or NaN counts as an empty text.

    Returns
    -------
    numpy.ndarray of int64
        One count per text, in order.
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    counts = np.zeros(len(texts), dtype=np.int64)
    scanner = TokenScanner()
    # texts are scanned in batches joined by a line break: tokens never cross white space, so each token
    # belongs to one text, found from its offset (one scan per batch instead of one per text)
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (size == 0 or size + len(texts[j]) <= _COUNT_BATCH_CHARS):
            size += len(texts[j]) + 1
            j += 1
        starts = np.cumsum([0] + [len(t) + 1 for t in texts[i:j - 1]], dtype=np.int64)
        toks = scanner.scan("\n".join(texts[i:j]))
        if toks.type_id.size:
            words = scanner.word_mask()[toks.type_id]
            owner = np.searchsorted(starts, toks.start[words], side="right") - 1
            counts[i:j] = np.bincount(owner, minlength=j - i)
        i = j
    return counts


@dataclass
class Tokens:
    """Tokens of one text, as parallel arrays (internal format of the matcher)."""

    start: np.ndarray  # int64 character offsets
    end: np.ndarray
    type_id: np.ndarray  # int64 ids into TokenScanner.types
    codes: np.ndarray  # code points of the text


class TokenScanner:
    """Tokenise texts fast, with a per-chunk cache and a shared table of token types.

    ``types`` lists every distinct token string seen (original case), and
    ``type_id`` arrays index it, so per-type work (normalising, looking up
    lexicon terms) is done once per distinct string, not once per token.

    A text is cut into whitespace-separated chunks with numpy; each chunk is
    identified by a 64-bit polynomial hash of its characters (from prefix sums
    computed with numpy; chunks longer than 64 characters are compared as
    strings), and only chunks never seen before are tokenised (with the
    regular expression, except ASCII letters and digits, which are one token).
    A scanner is not thread-safe: use one per thread.
    The caches are cleared when they exceed ``max_cache`` entries, which
    bounds memory on arbitrarily large corpora.
    """

    _HASH_MAX = 64  # longer chunks are looked up by their string
    _BASE = np.uint64(0x100000001B3)
    _WINDOW = 1 << 20  # characters per prefix-hash window

    def __init__(self, *, max_cache: int = 1_000_000) -> None:
        self.max_cache = max_cache
        self.generation = -1
        self._pow: tuple[np.ndarray, np.ndarray] | None = None  # powers of _BASE and of its inverse
        self.reset()

    def reset(self) -> None:
        """Forget every cached chunk and type."""
        self.types: list[str] = []
        self._type_ids: dict[str, int] = {}
        self._hash_index = pd.Index(np.zeros(0, dtype=np.uint64))  # chunk hashes
        self._hash_vals = np.full(1, -1, dtype=np.int64)  # their chunk ids, then a -1 sentinel
        self._long_ids: dict[str, int] = {}  # long chunk string -> chunk id
        self._n_chunks = 0
        # per chunk: slice into the sub-token arrays
        self._ptr = np.zeros(1, dtype=np.int64)
        self._rel_s = np.zeros(0, dtype=np.int64)
        self._rel_e = np.zeros(0, dtype=np.int64)
        self._styp = np.zeros(0, dtype=np.int64)
        self.generation += 1

    # -- chunk cache ---------------------------------------------------------------
    def _add_chunks(self, chunks: list[str]) -> np.ndarray:
        """Tokenise new chunks (strings without whitespace); return their chunk ids."""
        # an ASCII letters-and-digits chunk is one token; the others are split by one regex pass
        # over all of them, "\n" separating them and coming back as its own item
        plain = np.fromiter((c.isascii() and c.isalnum() for c in chunks), dtype=bool, count=len(chunks))
        other = np.flatnonzero(~plain)
        items = _TOKEN_OR_NEWLINE_RE.findall("\n".join([chunks[k] for k in other.tolist()]) + "\n")
        arr = np.asarray(items, dtype=object)
        is_sep = arr == "\n"
        lengths = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
        tok_idx = np.flatnonzero(~is_sep)
        # every token with its chunk, in chunk order
        chunk_of = np.concatenate([np.flatnonzero(plain), other[np.cumsum(is_sep)[tok_idx]]])
        order = np.argsort(chunk_of, kind="stable")
        chunk_of = chunk_of[order]
        toks = np.concatenate([np.asarray(chunks, dtype=object)[plain], arr[tok_idx]])[order]
        tok_len = np.concatenate([np.fromiter(map(len, chunks), dtype=np.int64, count=len(chunks))[plain],
                                  lengths[tok_idx]])[order]
        # offset of each token inside its chunk
        ends_in_chunk = np.cumsum(tok_len)
        chunk_first = np.searchsorted(chunk_of, np.arange(len(chunks)), side="left")
        base = np.concatenate(([0], ends_in_chunk))[chunk_first]
        rel_e = ends_in_chunk - base[chunk_of]
        rel_s = rel_e - tok_len
        styp = intern_strings(toks, self._type_ids, self.types)
        counts = np.bincount(chunk_of, minlength=len(chunks))
        self._ptr = np.concatenate([self._ptr, self._ptr[-1] + np.cumsum(counts)])
        self._rel_s = np.concatenate([self._rel_s, rel_s])
        self._rel_e = np.concatenate([self._rel_e, rel_e])
        self._styp = np.concatenate([self._styp, styp])
        ids = np.arange(self._n_chunks, self._n_chunks + len(chunks), dtype=np.int64)
        self._n_chunks += len(chunks)
        return ids

    def _hashes(self, codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """64-bit polynomial hashes (with the length mixed in) of short chunks ``codes[starts:ends]``.

        Prefix sums of ``code * B**i`` are taken over windows of the text, so a
        chunk's hash is a difference of two prefix sums times an inverse power
        of ``B`` (odd, hence invertible modulo 2**64): a few passes over the
        text instead of one per character of every chunk.
        """
        window = self._WINDOW
        pw, inv = self._window_powers()
        h = np.empty(starts.size, dtype=np.uint64)
        n = codes.size
        bounds = np.searchsorted(starts, np.arange(0, n + window, window, dtype=np.int64))
        with np.errstate(over="ignore"):
            for k in range(bounds.size - 1):
                a, b = int(bounds[k]), int(bounds[k + 1])
                if a == b:
                    continue
                lo = k * window
                hi = min(n, lo + window + self._HASH_MAX)  # a chunk may run past the window's end
                prefix = np.zeros(hi - lo + 1, dtype=np.uint64)
                np.cumsum(np.multiply(codes[lo:hi], pw[: hi - lo], dtype=np.uint64), out=prefix[1:])
                s, e = starts[a:b] - lo, ends[a:b] - lo
                h[a:b] = (prefix[e] - prefix[s]) * inv[s]
            return h * self._BASE + (ends - starts).astype(np.uint64)

    def _window_powers(self) -> tuple[np.ndarray, np.ndarray]:
        if self._pow is None:
            size = self._WINDOW + self._HASH_MAX
            with np.errstate(over="ignore"):
                base = np.full(size, self._BASE, dtype=np.uint64)
                base[0] = 1
                inv = np.full(size, np.uint64(pow(int(self._BASE), -1, 2**64)), dtype=np.uint64)
                inv[0] = 1
                self._pow = (np.cumprod(base, dtype=np.uint64), np.cumprod(inv, dtype=np.uint64))
        return self._pow

    def _chunk_ids(self, text: str, codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        n = starts.size
        lengths = ends - starts
        cid = np.full(n, -1, dtype=np.int64)
        short = lengths <= self._HASH_MAX
        s_idx = np.flatnonzero(short)
        if s_idx.size:
            h = self._hashes(codes, starts[s_idx], ends[s_idx])
            known = self._hash_index.get_indexer(h) if len(self._hash_index) else np.full(h.size, -1)
            got = self._hash_vals[known]  # known == -1 reads the sentinel -1 at the end
            new = np.flatnonzero(got < 0)
            if new.size:
                codes_b, uniq = pd.factorize(h[new])
                first = np.full(len(uniq), new.size, dtype=np.int64)
                np.minimum.at(first, codes_b, np.arange(codes_b.size, dtype=np.int64))
                pos = s_idx[new[first]]
                strings = [text[a:b] for a, b in zip(starts[pos].tolist(), ends[pos].tolist())]
                new_ids = self._add_chunks(strings)
                got[new] = new_ids[codes_b]
                self._hash_index = self._hash_index.append(pd.Index(np.asarray(uniq, dtype=np.uint64)))
                self._hash_vals = np.concatenate([self._hash_vals[:-1], new_ids, [-1]])
            cid[s_idx] = got
        l_idx = np.flatnonzero(~short)
        for k in l_idx.tolist():
            chunk = text[starts[k]:ends[k]]
            got_long = self._long_ids.get(chunk)
            if got_long is None:
                got_long = int(self._add_chunks([chunk])[0])
                self._long_ids[chunk] = got_long
            cid[k] = got_long
        return cid

    def scan(self, text: str) -> Tokens:
        """Tokenise ``text``; offsets index ``text``.

        Returns
        -------
        Tokens
            ``start``, ``end`` and ``type_id`` arrays, one entry per token.
        """
        if self._n_chunks > self.max_cache or len(self.types) > self.max_cache:
            self.reset()
        codes, spaces = _codes_and_spaces(text)
        chunk_start, chunk_end = _chunks(spaces, codes.size)
        if chunk_start.size == 0:
            empty = np.zeros(0, dtype=np.int64)
            return Tokens(empty, empty.copy(), empty.copy(), codes)
        cid = self._chunk_ids(text, codes, chunk_start, chunk_end)
        ptr = self._ptr
        first = ptr[cid]
        counts = ptr[cid + 1] - first
        total = int(counts.sum())
        offsets = np.cumsum(counts) - counts
        idx = np.repeat(first - offsets, counts) + np.arange(total, dtype=np.int64)
        base = np.repeat(chunk_start, counts)
        return Tokens(base + self._rel_s[idx], base + self._rel_e[idx], self._styp[idx], codes)

    def count(self, text: str) -> int:
        """Number of word tokens in ``text`` (same as :func:`count_tokens`)."""
        toks = self.scan(text)
        if toks.type_id.size == 0:
            return 0
        words = self.word_mask()
        return int(words[toks.type_id].sum())

    def word_mask(self) -> np.ndarray:
        """Boolean array over ``types``: True for word tokens."""
        n = len(self.types)
        cached = getattr(self, "_word_mask", None)
        if cached is not None and cached.size == n and getattr(self, "_word_gen", None) == self.generation:
            return cached
        mask = np.fromiter((t[0].isalnum() for t in self.types), dtype=bool, count=n)
        self._word_mask = mask
        self._word_gen = self.generation
        return mask


def intern_strings(values: np.ndarray, ids: dict[str, int], strings: list[str]) -> np.ndarray:
    """Positions of ``values`` (an object array of strings) in the growing list ``strings``,
    whose inverse is ``ids``; strings not seen before are appended, in order of first
    appearance. Each distinct value is looked up once."""
    codes, distinct = pd.factorize(values)
    got = np.fromiter(map(ids.get, distinct, repeat(-1)), dtype=np.int64, count=len(distinct))
    new = np.flatnonzero(got < 0)
    if new.size:
        fresh = [distinct[k] for k in new.tolist()]
        got[new] = np.arange(len(strings), len(strings) + len(fresh))
        ids.update(zip(fresh, range(len(strings), len(strings) + len(fresh))))
        strings.extend(fresh)
    return got[codes]


def _codes_and_spaces(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points of ``text`` and the positions of its whitespace (as ``str.isspace``), sorted."""
    if text.isascii():
        codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        maybe = np.flatnonzero(codes <= 32)  # ASCII whitespace is 9-13 and 28-32
    else:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        maybe = np.flatnonzero((codes <= 32) | (codes >= 0x85))
    return codes, maybe[_SPACE_TABLE[np.minimum(codes[maybe].astype(np.int64), 0x3000 + 1)]]


def _chunks(spaces: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends (exclusive) of the whitespace-separated chunks of a text of length ``n``
    whose whitespace is at the sorted positions ``spaces``."""
    if spaces.size == 0:
        return (np.zeros(1, dtype=np.int64), np.full(1, n, dtype=np.int64)) if n else (spaces, spaces)
    run = spaces[1:] == spaces[:-1] + 1  # whitespace followed by whitespace
    last_of_run = np.append(~run, True)
    first_of_run = np.insert(~run, 0, True)
    starts = spaces[last_of_run] + 1
    ends = spaces[first_of_run]
    if starts[-1] == n:
        starts = starts[:-1]
    if ends[0] == 0:
        ends = ends[1:]
    else:
        starts = np.insert(starts, 0, 0)
    if spaces[-1] != n - 1:
        ends = np.append(ends, n)
    return starts.astype(np.int64), ends.astype(np.int64)
