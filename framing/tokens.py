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

Tokenisation is cached per whitespace-separated chunk: the text is split on
whitespace in C (``str.split``), each distinct chunk is tokenised once with the
regular expression below, and the result is reused for every occurrence. This
is what makes matching fast on large corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

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
_TOKEN_RE = re.compile(TOKEN_PATTERN)

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
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def count_tokens(text: str) -> int:
    """Number of word tokens in ``text`` (punctuation is not counted).

    This is the denominator of every rate per 1,000 tokens in the library.
    """
    return sum(1 for tok in _TOKEN_RE.findall(text) if tok[0].isalnum())


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
    scanner = TokenScanner()
    return np.array([scanner.count(t if isinstance(t, str) else "") for t in texts], dtype=np.int64)


@dataclass
class Tokens:
    """Tokens of one text, as parallel arrays (internal format of the matcher)."""

    start: np.ndarray  # int64 character offsets
    end: np.ndarray
    type_id: np.ndarray  # int64 ids into TokenScanner.types


class TokenScanner:
    """Tokenise texts fast, with a per-chunk cache and a shared table of token types.

    ``types`` lists every distinct token string seen (original case), and
    ``type_id`` arrays index it, so per-type work (normalising, looking up
    lexicon terms) is done once per distinct string, not once per token.
    The caches are cleared when they exceed ``max_cache`` entries, which
    bounds memory on arbitrarily large corpora.
    """

    def __init__(self, *, max_cache: int = 1_000_000) -> None:
        self.max_cache = max_cache
        self.reset()

    def reset(self) -> None:
        """Forget every cached chunk and type."""
        self.types: list[str] = []
        self._type_ids: dict[str, int] = {}
        self._chunk_ids: dict[str, int] = {}
        # per chunk: slice into the sub-token arrays
        self._chunk_ptr: list[int] = [0]
        self._sub_rel_start: list[int] = []
        self._sub_rel_end: list[int] = []
        self._sub_type: list[int] = []
        self._arrays: tuple[np.ndarray, ...] | None = None
        self.generation = getattr(self, "generation", -1) + 1

    # -- chunk cache ---------------------------------------------------------------
    def _add_chunk(self, chunk: str) -> None:
        for m in _TOKEN_RE.finditer(chunk):
            tok = m.group()
            tid = self._type_ids.get(tok)
            if tid is None:
                tid = len(self.types)
                self._type_ids[tok] = tid
                self.types.append(tok)
            self._sub_rel_start.append(m.start())
            self._sub_rel_end.append(m.end())
            self._sub_type.append(tid)
        self._chunk_ids[chunk] = len(self._chunk_ptr) - 1
        self._chunk_ptr.append(len(self._sub_type))
        self._arrays = None

    def _chunk_arrays(self) -> tuple[np.ndarray, ...]:
        if self._arrays is None:
            self._arrays = (
                np.asarray(self._chunk_ptr, dtype=np.int64),
                np.asarray(self._sub_rel_start, dtype=np.int64),
                np.asarray(self._sub_rel_end, dtype=np.int64),
                np.asarray(self._sub_type, dtype=np.int64),
            )
        return self._arrays

    def scan(self, text: str) -> Tokens:
        """Tokenise ``text``; offsets index ``text``.

        Returns
        -------
        Tokens
            ``start``, ``end`` and ``type_id`` arrays, one entry per token.
        """
        if len(self._chunk_ids) > self.max_cache or len(self.types) > self.max_cache:
            self.reset()
        chunks = text.split()
        if not chunks:
            empty = np.zeros(0, dtype=np.int64)
            return Tokens(empty, empty.copy(), empty.copy())
        ids = self._chunk_ids
        get = ids.get
        cid = [get(c, -1) for c in chunks]
        if -1 in cid:
            for c in chunks:
                if c not in ids:
                    self._add_chunk(c)
            cid = [ids[c] for c in chunks]
        cid_arr = np.asarray(cid, dtype=np.int64)
        chunk_start = _chunk_starts(text, len(chunks))
        ptr, rel_s, rel_e, styp = self._chunk_arrays()
        first = ptr[cid_arr]
        counts = ptr[cid_arr + 1] - first
        total = int(counts.sum())
        offsets = np.cumsum(counts) - counts
        idx = np.repeat(first - offsets, counts) + np.arange(total, dtype=np.int64)
        base = np.repeat(chunk_start, counts)
        return Tokens(base + rel_s[idx], base + rel_e[idx], styp[idx])

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


def _chunk_starts(text: str, n_chunks: int) -> np.ndarray:
    """Start offsets of the ``n_chunks`` whitespace-separated chunks of ``text``."""
    if text.isascii():
        codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        space = _SPACE_TABLE[codes]
    else:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        space = _SPACE_TABLE[np.minimum(codes, 0x3000 + 1)]
    nonspace = ~space
    # a chunk starts where a non-space character follows a space (or the text start)
    starts = np.flatnonzero(nonspace & np.concatenate(([True], space[:-1])))
    if starts.size != n_chunks:  # pragma: no cover - defensive, str.split and isspace agree
        raise RuntimeError("whitespace tables disagree with str.split")
    return starts.astype(np.int64)
