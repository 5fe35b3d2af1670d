"""Find lexicon terms in a corpus, with voice and negation; count them per document.

How matching works
------------------
Texts are tokenised with :mod:`framing.tokens`. Each *distinct* token string
is compared with the lexicon terms once (exact words through a dictionary,
``prefix*`` and ``*suffix`` wildcards through dictionaries keyed by length),
and the result is cached, so the work per token is a few array operations.
Phrases are then extended token by token with vectorised look-ups, which
keeps matching linear in the length of the text whatever the lexicon.

Rules
-----
* A term matches a run of tokens, one token per word of the term; the words
  of a phrase may be separated by any whitespace (including line breaks) but
  by nothing else, so punctuation breaks a phrase.
* Case-insensitive unless the term is ``case_sensitive``. Curly and straight
  apostrophes are the same; a word also matches its form with an English
  clitic (``group`` matches ``group's``, whose clitic is then left out of the
  evidence), but a clitic ends a phrase.
* ``exclude`` entries drop every match of their category (and subcategories)
  that lies inside a span they match (``claimed responsibility`` drops
  ``claimed``).
* Within one lexicon, the leftmost-longest match wins and matches do not
  overlap; lexicons are independent. When terms of several categories match
  the same span, the span is reported once per category (as in LIWC); within
  a category the most specific term is named (literal before wildcard).
* **Negation**: a match is ``negated`` when a negation cue (*not*, *no*,
  *never*, any *n't* contraction, *cannot*, *without*, *nor*, *neither*,
  *none*, *nobody*, *nothing*, *nowhere*, and forms of *deny* and *refuse*)
  occurs among the ``negation_window`` (default 6) word tokens before the
  match, in the same sentence, with no clause boundary in between. Clause
  boundaries are the punctuation marks ``, ; : ( ) [ ] . ! ?``, a
  free-standing dash, and the words *but*, *however*, *although*, *though*,
  *whereas*, *while*, *yet*. *not only*, *not just*, *not merely*, *not
  least* and *no doubt* are not cues. Example: in "did not describe the group
  as terrorist", *terrorist* is negated (the cue is five words before it).
* **Voice**: the voice of the span containing the first character of the
  match (narrator, quote or scare_quote, from :mod:`framing.quotes`); the
  sentence is the one containing that character (:mod:`framing.sentences`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from framing import schema
from framing.errors import SchemaError
from framing.lexicon import Lexicon, Term, resolve_lexicons
from framing.tokens import TokenScanner, base_form, normalize

__all__ = ["find", "score", "kwic", "NEGATION_CUES", "NEGATION_WINDOW", "KWIC"]

LexiconsArg = None | str | Path | Lexicon | Iterable[str | Path | Lexicon]

#: default number of word tokens before a match searched for a negation cue
NEGATION_WINDOW = 6
#: words that negate what follows (besides any ``n't`` contraction)
NEGATION_CUES = frozenset(
    """not no never cannot without nor neither none nobody nothing nowhere
    deny denies denied denying refuse refuses refused refusing""".split()
)
_NOT_CUE_AFTER = frozenset("only just merely least doubt".split())
_BOUNDARY_PUNCT = frozenset(list(",;:()[].!?-\u2013\u2014\u2015\u2026\x00") + ["|"])
_BOUNDARY_WORDS = frozenset("but however although though whereas while yet".split())
#: columns of :func:`kwic`
KWIC = (
    "doc_id", "outlet", "sentence_id", "start", "end", "lexicon", "category", "term",
    "voice", "negated", "left", "match", "right",
)

_SEPARATOR = "\n\x00\n"  # between documents of a batch: a punctuation token, never part of a phrase
_BATCH_CHARS = 2_000_000


@dataclass
class _Candidates:
    start_tok: np.ndarray
    end_tok: np.ndarray  # exclusive
    term: np.ndarray
    trim: np.ndarray  # characters to drop from the end of the last token (clitic)


class _Engine:
    """Lexicons compiled for fast matching (one per set of lexicons)."""

    def __init__(self, lexicons: list[Lexicon]) -> None:
        self.lexicons = lexicons
        self.cat_names: list[tuple[int, str]] = []  # global category id -> (lexicon index, full name)
        cat_index: dict[tuple[int, str], int] = {}
        for li, lx in enumerate(lexicons):
            for name in lx.categories:
                cat_index[(li, name)] = len(self.cat_names)
                self.cat_names.append((li, name))
        self.cat_index = cat_index
        # ancestors (incl. self) of each category, for roll-up counts
        self.cat_ancestors: list[list[int]] = []
        for li, name in self.cat_names:
            parts = name.split(".")
            self.cat_ancestors.append([cat_index[(li, ".".join(parts[: k + 1]))] for k in range(len(parts))])

        terms: list[Term] = []
        term_lex: list[int] = []
        for li, lx in enumerate(lexicons):
            for t in lx.terms(include_exclude=True):
                terms.append(t)
                term_lex.append(li)
        self.terms = terms
        self.term_lex = np.asarray(term_lex, dtype=np.int64)
        self.term_cat = np.asarray([cat_index[(term_lex[i], t.category)] for i, t in enumerate(terms)], dtype=np.int64)
        self.term_excl = np.asarray([t.exclude for t in terms], dtype=bool)
        self.term_len = np.asarray([len(t.elements) for t in terms], dtype=np.int64)
        self.term_spec = np.asarray([t.specificity[0] * 10_000 + t.specificity[1] for t in terms], dtype=np.int64)
        self.term_text = np.asarray([t.text for t in terms], dtype=object)
        self.max_len = int(self.term_len.max()) if len(terms) else 1

        elements: dict = {}
        for t in terms:
            for e in t.elements:
                elements.setdefault((e.kind, e.value, e.case_sensitive), len(elements))
        self.n_el = max(len(elements), 1)
        self.term_elems = np.full((max(len(terms), 1), self.max_len), -1, dtype=np.int64)
        first_terms: dict[int, list[int]] = {}
        for i, t in enumerate(terms):
            for j, e in enumerate(t.elements):
                eid = elements[(e.kind, e.value, e.case_sensitive)]
                self.term_elems[i, j] = eid
                if j == 0:
                    first_terms.setdefault(eid, []).append(i)
        self.first_terms = first_terms
        # element lookup structures, keyed by case sensitivity
        self.exact: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
        self.prefix: dict[bool, dict[int, dict[str, list[int]]]] = {False: {}, True: {}}
        self.suffix: dict[bool, dict[int, dict[str, list[int]]]] = {False: {}, True: {}}
        self.contains: dict[bool, list[tuple[str, int]]] = {False: [], True: []}
        for (kind, value, cs), eid in elements.items():
            if kind == "exact":
                self.exact[cs].setdefault(value, []).append(eid)
            elif kind == "prefix":
                self.prefix[cs].setdefault(len(value), {}).setdefault(value, []).append(eid)
            elif kind == "suffix":
                self.suffix[cs].setdefault(len(value), {}).setdefault(value, []).append(eid)
            else:
                self.contains[cs].append((value, eid))
        # scope of exclude terms: categories whose matches they may drop
        self.excl_scope: dict[int, np.ndarray] = {}
        for i in np.flatnonzero(self.term_excl):
            c = int(self.term_cat[i])
            if c not in self.excl_scope:
                li, name = self.cat_names[c]
                self.excl_scope[c] = np.asarray(
                    [self.cat_index[(li, d)] for d in lexicons[li].descendants(name)], dtype=np.int64
                )
        self.scanner = TokenScanner()
        self._reset_types()

    # -- per-type resolution ---------------------------------------------------------
    def _reset_types(self) -> None:
        self._gen = self.scanner.generation
        self._n_types = 0
        self._first_ptr: list[int] = [0]
        self._first_term: list[int] = []
        self._first_trim: list[int] = []
        self._pair_keys: list[int] = []
        self._pair_trim: list[int] = []
        self._flags: list[int] = []  # bit 0 word, bit 1 negation cue, bit 2 boundary, bit 3 "only"-like
        self._arrays: tuple | None = None

    def _elements_of(self, token: str) -> dict[int, int]:
        """Element id -> trim (0 if the full token matched, else the clitic's length)."""
        full = normalize(token, lower=False)
        forms = [(full, 0)]
        base = base_form(full)
        if base:
            forms.append((base, len(full) - len(base)))
        out: dict[int, int] = {}
        for form_cs, trim in forms:
            for cs, form in ((False, form_cs.lower()), (True, form_cs)):
                for eid in self.exact[cs].get(form, ()):
                    out.setdefault(eid, trim)
                n = len(form)
                for length, table in self.prefix[cs].items():
                    if length <= n:
                        for eid in table.get(form[:length], ()):
                            out.setdefault(eid, trim)
                for length, table in self.suffix[cs].items():
                    if length <= n:
                        for eid in table.get(form[n - length:], ()):
                            out.setdefault(eid, trim)
                for value, eid in self.contains[cs]:
                    if value in form:
                        out.setdefault(eid, trim)
        return out

    def _update_types(self) -> None:
        if self.scanner.generation != self._gen:
            self._reset_types()
        types = self.scanner.types
        if self._n_types == len(types):
            return
        n_el = self.n_el
        for tid in range(self._n_types, len(types)):
            tok = types[tid]
            els = self._elements_of(tok)
            for eid, trim in els.items():
                for term in self.first_terms.get(eid, ()):
                    self._first_term.append(term)
                    self._first_trim.append(trim)
                self._pair_keys.append(tid * n_el + eid)
                self._pair_trim.append(trim)
            self._first_ptr.append(len(self._first_term))
            low = normalize(tok)
            flags = 0
            if tok[0].isalnum():
                flags |= 1
                if low in NEGATION_CUES or low.endswith("n't"):
                    flags |= 2
                if low in _BOUNDARY_WORDS:
                    flags |= 4
                if low in _NOT_CUE_AFTER:
                    flags |= 8
            elif tok in _BOUNDARY_PUNCT:
                flags |= 4
            self._flags.append(flags)
        self._n_types = len(types)
        self._arrays = None

    def _type_arrays(self) -> tuple[np.ndarray, ...]:
        if self._arrays is None:
            keys = np.asarray(self._pair_keys, dtype=np.int64)
            trims = np.asarray(self._pair_trim, dtype=np.int64)
            order = np.argsort(keys, kind="stable")
            self._arrays = (
                np.asarray(self._first_ptr, dtype=np.int64),
                np.asarray(self._first_term, dtype=np.int64),
                np.asarray(self._first_trim, dtype=np.int64),
                keys[order],
                trims[order],
                np.asarray(self._flags, dtype=np.int8),
            )
        return self._arrays

    # -- matching ------------------------------------------------------------------
    def candidates(self, type_id: np.ndarray) -> _Candidates:
        """Every (overlapping) match of every term, including exclude terms."""
        ptr, fterm, ftrim, pkeys, ptrim, _ = self._type_arrays()
        n = type_id.size
        first = ptr[type_id]
        counts = ptr[type_id + 1] - first
        total = int(counts.sum())
        if total == 0:
            e = np.zeros(0, dtype=np.int64)
            return _Candidates(e, e.copy(), e.copy(), e.copy())
        offsets = np.cumsum(counts) - counts
        idx = np.repeat(first - offsets, counts) + np.arange(total, dtype=np.int64)
        start = np.repeat(np.arange(n, dtype=np.int64), counts)
        term = fterm[idx]
        trim = ftrim[idx]
        length = self.term_len[term]
        multi = length > 1
        if not multi.any():
            return _Candidates(start, start + 1, term, trim)
        single = ~multi
        m_start, m_term, m_trim, m_len = start[multi], term[multi], trim[multi], length[multi]
        alive = m_trim == 0  # a clitic ends a phrase
        for j in range(1, self.max_len):
            active = alive & (m_len > j)
            if not active.any():
                break
            a_idx = np.flatnonzero(active)
            pos = m_start[a_idx] + j
            inside = pos < n
            a_idx, pos = a_idx[inside], pos[inside]
            alive[np.flatnonzero(active)] = False
            keys = type_id[pos] * self.n_el + self.term_elems[m_term[a_idx], j]
            where = np.searchsorted(pkeys, keys)
            where = np.minimum(where, max(pkeys.size - 1, 0))
            found = (pkeys[where] == keys) if pkeys.size else np.zeros(keys.size, dtype=bool)
            new_trim = ptrim[where]
            last = m_len[a_idx] == j + 1
            ok = found & ((new_trim == 0) | last)
            ok_idx = a_idx[ok]
            alive[ok_idx] = True
            m_trim[ok_idx] = new_trim[ok]
        done = alive
        return _Candidates(
            np.concatenate([start[single], m_start[done]]),
            np.concatenate([start[single] + 1, m_start[done] + m_len[done]]),
            np.concatenate([term[single], m_term[done]]),
            np.concatenate([trim[single], m_trim[done]]),
        )

    def apply_excludes(self, c: _Candidates) -> _Candidates:
        """Drop exclude-term candidates and the matches they cover."""
        is_excl = self.term_excl[c.term]
        if not is_excl.any():
            return c
        keep = ~is_excl
        cat = self.term_cat[c.term]
        ex_cat = cat[is_excl]
        for scope in np.unique(ex_cat):
            sel = np.flatnonzero(is_excl)[ex_cat == scope]
            es, ee = c.start_tok[sel], c.end_tok[sel]
            order = np.argsort(es, kind="stable")
            es, ee = es[order], np.maximum.accumulate(ee[order])
            target = keep & np.isin(cat, self.excl_scope[int(scope)])
            t_idx = np.flatnonzero(target)
            k = np.searchsorted(es, c.start_tok[t_idx], side="right") - 1
            covered = (k >= 0) & (ee[np.maximum(k, 0)] >= c.end_tok[t_idx])
            keep[t_idx[covered]] = False
        return _Candidates(c.start_tok[keep], c.end_tok[keep], c.term[keep], c.trim[keep])

    def select(self, c: _Candidates, n_tokens: int) -> _Candidates:
        """Leftmost-longest, non-overlapping per lexicon; one row per span and category."""
        if c.term.size == 0:
            return c
        lex = self.term_lex[c.term]
        stride = n_tokens + 1
        ks = lex * stride + c.start_tok
        ke = lex * stride + c.end_tok
        order = np.lexsort((-ke, ks))
        ks_o, ke_o = ks[order], ke[order]
        is_first = np.empty(ks_o.size, dtype=bool)
        is_first[0] = True
        np.not_equal(ks_o[1:], ks_o[:-1], out=is_first[1:])
        span_id = np.cumsum(is_first) - 1
        us, ue = ks_o[is_first], ke_o[is_first]
        prev_max = np.empty_like(ue)
        prev_max[0] = -1
        if ue.size > 1:
            prev_max[1:] = np.maximum.accumulate(ue)[:-1]
        keep_span = us >= prev_max
        conflicts = np.flatnonzero(~keep_span)
        if conflicts.size:
            # exact greedy inside each cluster of overlapping spans (rare: phrases)
            i = 0
            while i < conflicts.size:
                head = conflicts[i] - 1
                while head >= 0 and not keep_span[head]:
                    head -= 1
                last_end = ue[head]
                j = conflicts[i]
                while j < us.size and us[j] < prev_max[j]:
                    if us[j] >= last_end:
                        keep_span[j] = True
                        last_end = ue[j]
                    j += 1
                while i < conflicts.size and conflicts[i] < j:
                    i += 1
        chosen = keep_span[span_id] & (ke_o == ue[span_id])
        sel = order[chosen]
        # one row per (span, category): the most specific term
        cat = self.term_cat[c.term[sel]]
        spec = self.term_spec[c.term[sel]]
        o2 = np.lexsort((-spec, cat, ks[sel]))
        sel = sel[o2]
        cat, kss = cat[o2], ks[sel]
        first = np.ones(sel.size, dtype=bool)
        first[1:] = (kss[1:] != kss[:-1]) | (cat[1:] != cat[:-1])
        sel = sel[first]
        return _Candidates(c.start_tok[sel], c.end_tok[sel], c.term[sel], c.trim[sel])

    def negated(self, type_id: np.ndarray, tok_sent: np.ndarray, starts: np.ndarray, window: int) -> np.ndarray:
        """Negation flag for matches starting at token indices ``starts``."""
        flags = self._type_arrays()[5][type_id]
        n = type_id.size
        is_word = (flags & 1).astype(bool)
        cue = (flags & 2).astype(bool)
        after_not_cue = np.zeros(n, dtype=bool)
        after_not_cue[:-1] = (flags[1:] & 8).astype(bool)
        cue &= ~after_not_cue
        boundary = (flags & 4).astype(bool)
        idx = np.arange(n, dtype=np.int64)
        last_cue = np.maximum.accumulate(np.where(cue, idx, -1))
        last_bound = np.maximum.accumulate(np.where(boundary, idx, -1))
        words_before = np.cumsum(is_word) - is_word  # word tokens before each index
        p = starts
        prev = np.maximum(p - 1, 0)
        lc = np.where(p > 0, last_cue[prev], -1)
        lb = np.where(p > 0, last_bound[prev], -1)
        ok = (lc >= 0) & (lc > lb)
        lc0 = np.maximum(lc, 0)
        ok &= tok_sent[lc0] == tok_sent[p]
        ok &= (words_before[p] - words_before[lc0]) <= window
        return ok


_ENGINES: dict[tuple, _Engine] = {}


def _engine(lexicons: list[Lexicon]) -> _Engine:
    key = tuple((lx.name, lx.content_hash, id(lx)) for lx in lexicons)
    eng = _ENGINES.get(key)
    if eng is None:
        if len(_ENGINES) > 8:
            _ENGINES.clear()
        eng = _Engine(lexicons)
        _ENGINES[key] = eng
    return eng


def _lookup(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    eng = _engine([lexicon])
    toks = eng.scanner.scan(text)
    eng._update_types()
    n = toks.type_id.size
    if n == 0:
        return []
    c = eng.apply_excludes(eng.candidates(toks.type_id))
    whole = (c.start_tok == 0) & (c.end_tok == n) & (c.trim == 0)
    best: dict[str, tuple[int, str]] = {}
    for term in c.term[whole]:
        cat = lexicon.categories[eng.terms[term].category].name
        spec = int(eng.term_spec[term])
        if cat not in best or spec > best[cat][0]:
            best[cat] = (spec, eng.terms[term].text)
    return [(cat, best[cat][1]) for cat in lexicon.categories if cat in best]


# ---------------------------------------------------------------------------------
# corpus-level API


def _texts(corpus: pd.DataFrame) -> list[str]:
    return [t if isinstance(t, str) else "" for t in corpus["text"]]


def _spans_by_doc(table: pd.DataFrame | None, doc_ids: list[str], columns: tuple[str, ...], what: str) -> dict:
    if table is None:
        return {}
    schema.require(table, columns, what=what)
    out: dict = {}
    wanted = set(doc_ids)
    for doc_id, group in table.groupby("doc_id", sort=False):
        if doc_id in wanted:
            out[doc_id] = group.sort_values("start")
    return out


def _voice_functions() -> tuple[Callable[[str], list[tuple[int, int]]], Callable[[str], list[tuple[int, int, str]]]]:
    from framing.quotes import voice_spans
    from framing.sentences import split_sentences

    return split_sentences, voice_spans


@dataclass
class _Batch:
    matches: pd.DataFrame
    n_tokens: np.ndarray  # word tokens per document of the batch
    n_docs: int


def _iter_batches(
    corpus: pd.DataFrame,
    engine: _Engine,
    *,
    sentences: pd.DataFrame | None,
    voice: pd.DataFrame | None,
    negation_window: int,
    batch_chars: int = _BATCH_CHARS,
) -> Iterator[_Batch]:
    schema.require(corpus, schema.CORPUS, what="corpus")
    doc_ids = [str(d) for d in corpus["doc_id"]]
    outlets = [o if isinstance(o, str) else ("" if o is None or o != o else str(o)) for o in corpus["outlet"]]
    texts = _texts(corpus)
    sent_given = _spans_by_doc(sentences, doc_ids, ("doc_id", "sentence_id", "start", "end"), "sentences table")
    voice_given = _spans_by_doc(voice, doc_ids, schema.VOICE, "voice table")
    split_sentences, voice_spans = _voice_functions()
    i = 0
    n_docs = len(texts)
    while i < n_docs:
        j, size = i, 0
        while j < n_docs and (size == 0 or size + len(texts[j]) <= batch_chars):
            size += len(texts[j]) + len(_SEPARATOR)
            j += 1
        yield _match_batch(
            engine, doc_ids[i:j], outlets[i:j], texts[i:j],
            sent_given, voice_given, split_sentences, voice_spans, negation_window,
        )
        i = j


def _match_batch(
    engine: _Engine,
    doc_ids: list[str],
    outlets: list[str],
    texts: list[str],
    sent_given: dict,
    voice_given: dict,
    split_sentences: Callable,
    voice_spans: Callable,
    negation_window: int,
) -> _Batch:
    big = _SEPARATOR.join(texts)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc_start = np.concatenate(([0], np.cumsum(lens + len(_SEPARATOR))[:-1])).astype(np.int64)
    toks = engine.scanner.scan(big)
    engine._update_types()
    n = toks.type_id.size
    tok_doc = np.searchsorted(doc_start, toks.start, side="right") - 1
    flags = engine._type_arrays()[5]
    words = (flags[toks.type_id] & 1).astype(bool) if n else np.zeros(0, dtype=bool)
    n_tok = np.bincount(tok_doc[words], minlength=len(texts)).astype(np.int64)

    # sentence and voice spans in batch coordinates
    s_starts: list[np.ndarray] = []
    s_ids: list[np.ndarray] = []
    s_doc: list[np.ndarray] = []
    v_starts: list[np.ndarray] = []
    v_labels: list[np.ndarray] = []
    voice_code = {v: k for k, v in enumerate(schema.VOICES)}
    for k, (doc_id, text) in enumerate(zip(doc_ids, texts)):
        off = doc_start[k]
        g = sent_given.get(doc_id)
        if g is not None:
            st = g["start"].to_numpy(dtype=np.int64)
            sid = g["sentence_id"].to_numpy(dtype=np.int64)
        else:
            spans = split_sentences(text) if text.strip() else []
            st = np.fromiter((a for a, _ in spans), dtype=np.int64, count=len(spans))
            sid = np.arange(len(spans), dtype=np.int64)
        if st.size == 0:
            st, sid = np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64)
        s_starts.append(st + off)
        s_ids.append(sid)
        s_doc.append(np.full(st.size, k, dtype=np.int64))
        gv = voice_given.get(doc_id)
        if gv is not None:
            vs = gv["start"].to_numpy(dtype=np.int64)
            vl = gv["voice"].map(voice_code).to_numpy()
            if pd.isna(vl).any():
                bad = sorted(set(gv["voice"][pd.isna(vl)].astype(str)))
                raise SchemaError(f"voice table: unknown voice label(s) {bad} for document {doc_id!r}; "
                                  f"expected one of {list(schema.VOICES)}")
            vl = vl.astype(np.int64)
        else:
            spans = voice_spans(text) if text else []
            vs = np.fromiter((a for a, _, _ in spans), dtype=np.int64, count=len(spans))
            vl = np.fromiter((voice_code[v] for _, _, v in spans), dtype=np.int64, count=len(spans))
        if vs.size == 0 or vs[0] > 0:
            vs = np.concatenate(([0], vs))
            vl = np.concatenate(([0], vl))
        v_starts.append(vs + off)
        v_labels.append(vl)
    s_start = np.concatenate(s_starts)
    s_id = np.concatenate(s_ids)
    s_docs = np.concatenate(s_doc)
    v_start = np.concatenate(v_starts)
    v_label = np.concatenate(v_labels)

    def sentence_of(pos: np.ndarray, doc: np.ndarray) -> np.ndarray:
        g = np.searchsorted(s_start, pos, side="right") - 1
        g = np.maximum(g, 0)
        before = s_docs[g] != doc  # before the first sentence of its document
        if before.any():
            first_of_doc = np.searchsorted(s_docs, doc[before], side="left")
            g[before] = first_of_doc
        return g

    c = engine.candidates(toks.type_id)
    c = engine.apply_excludes(c)
    c = engine.select(c, n)
    m = c.term.size
    if m:
        tok_sent = sentence_of(toks.start, tok_doc)
        neg = engine.negated(toks.type_id, tok_sent, c.start_tok, negation_window)
        gs = toks.start[c.start_tok]
        ge = toks.end[c.end_tok - 1] - c.trim
        doc = tok_doc[c.start_tok]
        order = np.lexsort((engine.term_cat[c.term], ge, gs))
        gs, ge, doc, neg, term = gs[order], ge[order], doc[order], neg[order], c.term[order]
        sent = s_id[sentence_of(gs, doc)]
        voice_idx = v_label[np.searchsorted(v_start, gs, side="right") - 1]
        local_s = gs - doc_start[doc]
        local_e = ge - doc_start[doc]
        cat = engine.term_cat[term]
        lex_names = np.asarray([lx.name for lx in engine.lexicons], dtype=object)
        cat_names = np.asarray([name for _, name in engine.cat_names], dtype=object)
        frame = pd.DataFrame(
            {
                "doc_id": pd.Series(np.asarray(doc_ids, dtype=object)[doc], dtype="str"),
                "outlet": pd.Series(np.asarray(outlets, dtype=object)[doc], dtype="str"),
                "sentence_id": sent.astype(np.int64),
                "start": local_s.astype(np.int64),
                "end": local_e.astype(np.int64),
                "match": pd.Series([big[a:b] for a, b in zip(gs.tolist(), ge.tolist())], dtype="str"),
                "lexicon": pd.Series(lex_names[engine.term_lex[term]], dtype="str"),
                "category": pd.Series(cat_names[cat], dtype="str"),
                "term": pd.Series(engine.term_text[term], dtype="str"),
                "voice": pd.Series(np.asarray(schema.VOICES, dtype=object)[voice_idx], dtype="str"),
                "negated": neg.astype(bool),
            },
            columns=list(schema.MATCHES),
        )
    else:
        frame = _empty_matches()
    return _Batch(frame, n_tok, len(texts))


def _empty_matches() -> pd.DataFrame:
    dtypes = {
        "doc_id": "str", "outlet": "str", "sentence_id": "int64", "start": "int64", "end": "int64",
        "match": "str", "lexicon": "str", "category": "str", "term": "str", "voice": "str", "negated": "bool",
    }
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in schema.MATCHES})


def find(
    corpus: pd.DataFrame,
    lexicons: LexiconsArg = None,
    *,
    sentences: pd.DataFrame | None = None,
    voice: pd.DataFrame | None = None,
    negation_window: int = NEGATION_WINDOW,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Every lexicon term found in every document, with its voice and negation.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text`` (see :func:`framing.read_corpus`).
    lexicons : None, str, Path, Lexicon or a list of them
        None (default) for every bundled lexicon; bundled names, lexicon
        file paths (YAML, quanteda YAML, LIWC ``.dic``) or :class:`~framing.Lexicon`
        objects otherwise.
    sentences : pandas.DataFrame, optional
        A table from :func:`framing.sentences` for this corpus; computed when omitted.
    voice : pandas.DataFrame, optional
        A table from :func:`framing.voice` for this corpus; computed when omitted.
    negation_window : int, default 6
        How many word tokens before a match are searched for a negation cue
        (see the module documentation for the rule).
    progress : callable, optional
        Called with the number of documents processed after each batch
        (the command line uses it for its progress bar).

    Returns
    -------
    pandas.DataFrame
        One row per match, ordered by document (corpus order) and offset:
        ``doc_id`` (str), ``outlet`` (str), ``sentence_id`` (int, 0-based, as
        in :func:`framing.sentences`), ``start``, ``end`` (int character offsets
        into the document text, end exclusive, ``text[start:end] == match``),
        ``match`` (str, the evidence), ``lexicon`` (str, lexicon name),
        ``category`` (str, dotted full category name within the lexicon),
        ``term`` (str, the lexicon entry as written), ``voice`` (str:
        ``narrator``, ``quote`` or ``scare_quote``), ``negated`` (bool).

    Raises
    ------
    framing.errors.SchemaError
        If the corpus lacks a required column.
    framing.errors.LexiconError
        If a lexicon is invalid.
    """
    lexs = resolve_lexicons(lexicons)
    if isinstance(negation_window, bool) or not isinstance(negation_window, (int, np.integer)) or negation_window < 0:
        raise SchemaError(f"negation_window must be a non-negative integer, got {negation_window!r}")
    engine = _engine(lexs)
    frames = []
    done = 0
    for batch in _iter_batches(corpus, engine, sentences=sentences, voice=voice, negation_window=int(negation_window)):
        frames.append(batch.matches)
        done += batch.n_docs
        if progress is not None:
            progress(batch.n_docs)
    frames = [f for f in frames if len(f)]
    if not frames:
        return _empty_matches()
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def score(
    corpus: pd.DataFrame,
    lexicons: LexiconsArg = None,
    *,
    matches: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    voice: pd.DataFrame | None = None,
    negated: Literal["include", "exclude", "only"] = "include",
    negation_window: int = NEGATION_WINDOW,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Count lexicon matches per document, category and voice.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    lexicons : None, str, Path, Lexicon or a list of them
        As in :func:`find` (None: every bundled lexicon).
    matches : pandas.DataFrame, optional
        The output of :func:`find` for this corpus and these lexicons, to
        avoid matching twice; computed when omitted.
    sentences, voice : pandas.DataFrame, optional
        Passed to :func:`find`.
    negated : {"include", "exclude", "only"}, default "include"
        Whether negated matches are counted ("did not call them terrorists").
    negation_window : int
        Passed to :func:`find`.
    progress : callable, optional
        Called with the number of documents processed after each batch.

    Returns
    -------
    pandas.DataFrame
        One row for every document x category x voice, zeros included, in
        corpus, lexicon, category and voice order: ``doc_id`` (str),
        ``outlet`` (str), ``lexicon`` (str), ``category`` (str, dotted full
        name; a parent category counts the matches of all its
        subcategories), ``voice`` (str: narrator, quote, scare_quote),
        ``count`` (int), ``n_tokens`` (int: word tokens in the whole
        document, from :func:`framing.tokens.count_tokens`, the same for the
        three voices) and ``rate_per_1k`` (float: ``1000 * count /
        n_tokens``; NaN for a document with no tokens).
    """
    if negated not in ("include", "exclude", "only"):
        raise SchemaError(f"negated must be 'include', 'exclude' or 'only', got {negated!r}")
    schema.require(corpus, schema.CORPUS, what="corpus")
    lexs = resolve_lexicons(lexicons)
    engine = _engine(lexs)
    if matches is None:
        frames = []
        n_tok_parts = []
        for batch in _iter_batches(corpus, engine, sentences=sentences, voice=voice,
                                   negation_window=int(negation_window)):
            frames.append(batch.matches)
            n_tok_parts.append(batch.n_tokens)
            if progress is not None:
                progress(batch.n_docs)
        found = pd.concat(frames, ignore_index=True) if frames else _empty_matches()
        n_tok = np.concatenate(n_tok_parts) if n_tok_parts else np.zeros(0, dtype=np.int64)
    else:
        schema.require(matches, schema.MATCHES, what="matches table")
        found = matches
        n_tok = TokenScanner_count(_texts(corpus))
    return _score_table(corpus, engine, found, n_tok, negated)


def TokenScanner_count(texts: list[str]) -> np.ndarray:  # noqa: N802 - internal helper
    from framing.tokens import n_tokens

    return n_tokens(texts)


def _score_table(corpus: pd.DataFrame, engine: _Engine, found: pd.DataFrame, n_tok: np.ndarray,
                 negated: str) -> pd.DataFrame:
    doc_ids = [str(d) for d in corpus["doc_id"]]
    outlets = [o if isinstance(o, str) else ("" if o is None or o != o else str(o)) for o in corpus["outlet"]]
    n_docs = len(doc_ids)
    n_cat = len(engine.cat_names)
    n_voice = len(schema.VOICES)
    counts = np.zeros(n_docs * n_cat * n_voice, dtype=np.int64)
    if len(found):
        if negated == "exclude":
            found = found[~found["negated"].to_numpy(dtype=bool)]
        elif negated == "only":
            found = found[found["negated"].to_numpy(dtype=bool)]
        doc_pos: dict[str, int] = {}
        for k, d in enumerate(doc_ids):
            doc_pos.setdefault(d, k)
        lex_pos = {lx.name: li for li, lx in enumerate(engine.lexicons)}
        d_idx = found["doc_id"].map(doc_pos).to_numpy()
        keys = list(zip(found["lexicon"].map(lex_pos), found["category"]))
        c_idx = np.asarray([engine.cat_index.get(k, -1) if k[0] == k[0] else -1 for k in keys], dtype=np.int64)
        v_idx = found["voice"].map({v: i for i, v in enumerate(schema.VOICES)}).to_numpy()
        valid = ~(pd.isna(d_idx) | pd.isna(v_idx)) & (c_idx >= 0)
        if not valid.all():
            bad = found.loc[~valid, ["doc_id", "lexicon", "category", "voice"]].head(3).to_dict("records")
            raise SchemaError(f"matches table has rows that are not from this corpus and these lexicons, e.g. {bad}")
        d_idx = d_idx.astype(np.int64)
        v_idx = v_idx.astype(np.int64)
        # roll up to every ancestor category
        anc = engine.cat_ancestors
        depth = np.asarray([len(a) for a in anc], dtype=np.int64)
        rep = depth[c_idx]
        anc_flat = np.concatenate([np.asarray(a, dtype=np.int64) for a in anc])
        anc_ptr = np.concatenate(([0], np.cumsum(depth)))
        total = int(rep.sum())
        offs = np.cumsum(rep) - rep
        gather = np.repeat(anc_ptr[c_idx] - offs, rep) + np.arange(total, dtype=np.int64)
        cc = anc_flat[gather]
        dd = np.repeat(d_idx, rep)
        vv = np.repeat(v_idx, rep)
        counts += np.bincount((dd * n_cat + cc) * n_voice + vv, minlength=counts.size)
    lex_names = np.asarray([engine.lexicons[li].name for li, _ in engine.cat_names], dtype=object)
    cat_names = np.asarray([name for _, name in engine.cat_names], dtype=object)
    d_rep = np.repeat(np.arange(n_docs), n_cat * n_voice)
    c_rep = np.tile(np.repeat(np.arange(n_cat), n_voice), n_docs)
    v_rep = np.tile(np.arange(n_voice), n_docs * n_cat)
    ntok = np.asarray(n_tok, dtype=np.int64)[d_rep] if n_docs else np.zeros(0, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(ntok > 0, 1000.0 * counts / np.maximum(ntok, 1), np.nan)
    return pd.DataFrame(
        {
            "doc_id": pd.Series(np.asarray(doc_ids, dtype=object)[d_rep], dtype="str"),
            "outlet": pd.Series(np.asarray(outlets, dtype=object)[d_rep], dtype="str"),
            "lexicon": pd.Series(lex_names[c_rep], dtype="str"),
            "category": pd.Series(cat_names[c_rep], dtype="str"),
            "voice": pd.Series(np.asarray(schema.VOICES, dtype=object)[v_rep], dtype="str"),
            "count": counts,
            "n_tokens": ntok,
            "rate_per_1k": rate.astype(float),
        },
        columns=list(schema.SCORES),
    )


def kwic(
    matches: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    window: int = 5,
) -> pd.DataFrame:
    """Keyword-in-context lines for matches.

    Parameters
    ----------
    matches : pandas.DataFrame
        A table from :func:`find` (or any table with ``doc_id``, ``start``, ``end``).
    corpus : pandas.DataFrame
        The corpus the matches come from.
    window : int, default 5
        Word tokens of context on each side (punctuation in between is kept).

    Returns
    -------
    pandas.DataFrame
        One row per match, in the order given: ``doc_id``, ``outlet``,
        ``sentence_id``, ``start``, ``end``, ``lexicon``, ``category``,
        ``term``, ``voice``, ``negated`` (copied from ``matches``; missing if
        absent there), ``left`` (str: the context before the match),
        ``match`` (str: ``text[start:end]``), ``right`` (str: the context
        after). Line breaks in the context are shown as spaces.
    """
    schema.require(matches, ("doc_id", "start", "end"), what="matches table")
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise SchemaError(f"window must be a non-negative integer, got {window!r}")
    texts = dict(zip(corpus["doc_id"].astype(str), _texts(corpus)))
    scanner = TokenScanner()
    n = len(matches)
    left = [""] * n
    right = [""] * n
    mtext = [""] * n
    doc_col = matches["doc_id"].astype(str).to_numpy()
    s_col = matches["start"].to_numpy(dtype=np.int64)
    e_col = matches["end"].to_numpy(dtype=np.int64)
    order = np.argsort(doc_col, kind="stable")
    i = 0
    while i < n:
        doc = doc_col[order[i]]
        j = i
        while j < n and doc_col[order[j]] == doc:
            j += 1
        rows = order[i:j]
        i = j
        text = texts.get(doc)
        if text is None:
            raise SchemaError(f"kwic: document {doc!r} of the matches table is not in the corpus")
        toks = scanner.scan(text)
        words_mask_cache = scanner.word_mask()
        is_word = words_mask_cache[toks.type_id] if toks.type_id.size else np.zeros(0, dtype=bool)
        word_idx = np.flatnonzero(is_word)
        w_start = toks.start[word_idx]
        w_end = toks.end[word_idx]
        for r in rows:
            a, b = int(s_col[r]), int(e_col[r])
            if a < 0 or b > len(text) or a > b:
                raise SchemaError(f"kwic: offsets [{a}, {b}) lie outside document {doc!r} (length {len(text)})")
            k = int(np.searchsorted(w_end, a, side="right"))  # words ending at or before a
            lo = int(w_start[max(k - window, 0)]) if window and k > 0 else a
            k2 = int(np.searchsorted(w_start, b, side="left"))  # first word starting at or after b
            hi = int(w_end[min(k2 + window - 1, w_end.size - 1)]) if window and k2 < w_start.size else b
            left[r] = " ".join(text[lo:a].split())
            right[r] = " ".join(text[b:hi].split())
            mtext[r] = text[a:b]
    cols = {}
    for c in KWIC:
        if c in ("left", "right", "match"):
            continue
        cols[c] = matches[c].reset_index(drop=True) if c in matches.columns else pd.Series([pd.NA] * n)
    out = pd.DataFrame(cols)
    out["left"] = pd.Series(left, dtype="str")
    out["match"] = pd.Series(mtext, dtype="str")
    out["right"] = pd.Series(right, dtype="str")
    return out[list(KWIC)]
