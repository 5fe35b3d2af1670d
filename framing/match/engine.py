"""The matching engine: lexicons compiled into per-thread tables, documents matched in batches.

The rules of matching are those of :mod:`framing.match.matcher`; this module is how they are carried out.
:func:`compiled` gives this thread's compiled form of a set of lexicons,
:func:`find_all` matches a corpus with it, :func:`score_table` counts the matches.

Texts are tokenised with :mod:`framing.text.tokens`. Each *distinct* token string
is compared with the lexicon terms once (exact words, and ``prefix*`` and
``*suffix`` wildcards by their length, through hash look-ups), and the result
is cached in a per-type table: the single-token terms of each type, with the
length and label of their evidence. Phrases and exclusions are resolved first
and only the tokens they cover are filtered; every other token yields its
type's terms directly, so the work per match is a few array reads. Phrases
are extended token by token with vectorised look-ups, which keeps matching
linear in the length of the text whatever the lexicon. Compiled lexicons and
their caches are kept per thread; the lexicons of a thread share its
tokenizer, so a corpus is tokenised from scratch once, not once per lexicon.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from framing import schema
from framing.errors import SchemaError
from framing.io.corpus import LONE_SURROGATE
from framing.lexicon.load import Lexicon, Term
from framing.text.scope import NEGATION_CUES, capitalised, lowered, scope_marks, word_classes
from framing.text.tokens import Tokens, TokenScanner, base_form, intern_strings, normalize

__all__ = ["Engine", "NEGATION_CUES", "NEGATION_WINDOW", "compiled", "find_all", "score_table", "texts_of", "thread_scanner"]

#: the former default of the deprecated ``negation_window`` (negation is now judged by scope)
NEGATION_WINDOW = 6

_SEPARATOR = "\n\x00\n"  # between documents of a batch: a punctuation token, never part of a phrase
_BATCH_CHARS = 2_000_000
_MAX_LABELS = 2_000_000  # distinct evidence strings kept by a compiled lexicon between calls


@dataclass
class _Candidates:
    start_tok: np.ndarray
    end_tok: np.ndarray  # exclusive
    term: np.ndarray
    trim: np.ndarray  # characters to drop from the end of the last token (clitic)

    def __getitem__(self, sel: np.ndarray) -> _Candidates:
        return _Candidates(self.start_tok[sel], self.end_tok[sel], self.term[sel], self.trim[sel])


def _concat(parts: list[_Candidates]) -> _Candidates:
    return _Candidates(*(np.concatenate([getattr(p, f) for p in parts])
                         for f in ("start_tok", "end_tok", "term", "trim")))


class Engine:
    """Lexicons compiled for fast matching (one per set of lexicons)."""

    def __init__(self, lexicons: list[Lexicon], scanner: TokenScanner) -> None:
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
        self.term_spec = np.asarray([lit * 10_000 + size for lit, size in (t.specificity for t in terms)],
                                    dtype=np.int64)
        # rank of each term by (category, most specific first, term order)
        self.term_rank = np.empty(len(terms), dtype=np.int64)
        self.term_rank[np.lexsort((np.arange(len(terms)), -self.term_spec, self.term_cat))] = np.arange(len(terms))
        self.term_text = np.asarray([t.text for t in terms], dtype=object)
        self.max_len = int(self.term_len.max()) if len(terms) else 1

        elements: dict = {}
        for t in terms:
            for e in t.elements:
                elements.setdefault((e.kind, e.value, e.case_sensitive), len(elements))
        self.n_el = max(len(elements), 1)
        self.term_elems = np.full((max(len(terms), 1), self.max_len), -1, dtype=np.int64)
        single_terms: dict[int, list[int]] = {}  # single-token terms by element, in term order
        for i, t in enumerate(terms):
            for j, e in enumerate(t.elements):
                eid = elements[(e.kind, e.value, e.case_sensitive)]
                self.term_elems[i, j] = eid
                if len(t.elements) == 1:
                    single_terms.setdefault(eid, []).append(i)
        self.term_single = self.term_len == 1
        # single-token terms by element (CSR); phrases by their first two elements
        el_terms = [single_terms.get(e, []) for e in range(self.n_el)]
        self._el_term_ptr = np.concatenate(([0], np.cumsum([len(t) for t in el_terms]))).astype(np.int64)
        self._el_terms = np.asarray([t for ts in el_terms for t in ts], dtype=np.int64)
        multi_ids = np.flatnonzero(~self.term_single)
        self.p1_elements = {int(self.term_elems[t, 0]) for t in multi_ids}
        self.p2_elements = {int(self.term_elems[t, 1]) for t in multi_ids}
        self.cont_elements = {int(e) for e in self.term_elems[multi_ids, 2:].ravel() if e >= 0}
        self._is_p1 = np.zeros(self.n_el, dtype=bool)
        self._is_p1[list(self.p1_elements)] = True
        self._is_p2 = np.zeros(self.n_el, dtype=bool)
        self._is_p2[list(self.p2_elements)] = True
        self._is_cont = np.zeros(self.n_el, dtype=bool)
        self._is_cont[list(self.cont_elements)] = True
        key12 = self.term_elems[multi_ids, 0] * self.n_el + self.term_elems[multi_ids, 1] if multi_ids.size \
            else np.zeros(0, dtype=np.int64)
        order = np.argsort(key12, kind="stable")
        self.ph_key, self.ph_term = key12[order], multi_ids[order]
        # phrases by (first, second) element: a dense table when small enough, else a binary search
        self._ph_dense: tuple[np.ndarray, np.ndarray, int, np.ndarray] | None = None
        if multi_ids.size:
            u1, u2 = np.unique(self.term_elems[multi_ids, 0]), np.unique(self.term_elems[multi_ids, 1])
            if u1.size * u2.size <= 1 << 22:
                map1 = np.full(self.n_el, -1, dtype=np.int64)
                map2 = np.full(self.n_el, -1, dtype=np.int64)
                map1[u1] = np.arange(u1.size)
                map2[u2] = np.arange(u2.size)
                dense = map1[self.ph_key // self.n_el] * u2.size + map2[self.ph_key % self.n_el]  # sorted
                ptr = np.searchsorted(dense, np.arange(u1.size * u2.size + 1))
                self._ph_dense = (map1, map2, int(u2.size), ptr)
        # categorical codes of the output columns (unique labels)
        self.lex_labels = [lx.name for lx in lexicons]
        cat_codes, cat_uniques = pd.factorize(np.asarray([name for _, name in self.cat_names], dtype=object))
        self.cat_code, self.cat_labels = cat_codes.astype(np.int64), list(cat_uniques)
        term_codes, term_uniques = pd.factorize(self.term_text) if len(terms) else (np.zeros(0, np.int64), [])
        self.term_code, self.term_labels = np.asarray(term_codes, dtype=np.int64), list(term_uniques)
        # element lookup tables per case mode: (kind, length, values, element ids), where a prefix
        # or suffix table holds the wildcard values of one length; and the infix values
        tables: dict[tuple[bool, str, int], dict[str, int]] = {}
        contains: dict[bool, list[tuple[str, int]]] = {False: [], True: []}
        for (kind, value, cs), eid in elements.items():
            if kind == "contains":
                contains[cs].append((value, eid))
            else:
                tables.setdefault((cs, kind, 0 if kind == "exact" else len(value)), {})[value] = eid
        self._modes = []
        for cs in (False, True):
            mode = [(kind, length, pa.array(list(t), type=pa.string()), np.fromiter(t.values(), dtype=np.int64))
                    for (c, kind, length), t in sorted(tables.items()) if c == cs]
            if mode or contains[cs]:
                self._modes.append((cs, mode, contains[cs]))
        # scope of exclude terms: categories whose matches they may drop
        self.excl_scope: dict[int, np.ndarray] = {}
        for i in np.flatnonzero(self.term_excl):
            c = int(self.term_cat[i])
            if c not in self.excl_scope:
                li, name = self.cat_names[c]
                self.excl_scope[c] = np.asarray(
                    [self.cat_index[(li, d)] for d in lexicons[li].descendants(name)], dtype=np.int64
                )
        # the tokenizer and its caches, which may be shared with other compiled lexicons (of one thread)
        self.scanner = scanner
        self.labels = _Labels()
        self._reset_types()

    # -- per-type resolution ---------------------------------------------------------
    def _reset_types(self) -> None:
        self._gen = self.scanner.generation
        self._n_types = 0
        # per type (CSR): single-token terms (one per category, the most specific) with the
        # length and label code of their evidence; single-token exclude terms; phrase first and
        # second elements; (type, element) pairs for phrase elements after the second; token flags;
        # word classes and capitals (for the scope of negations)
        self._arrays: dict[str, np.ndarray] = {
            k: np.zeros(0, dtype=np.int64)
            for k in ("f_term", "f_trim", "f_span", "f_label", "u_label", "x_term", "x_trim",
                      "p1_el", "p1_trim", "p2_el", "p2_trim", "pair_key", "pair_trim")
        }
        for k in ("f_ptr", "u_ptr", "x_ptr", "p1_ptr", "p2_ptr"):
            self._arrays[k] = np.zeros(1, dtype=np.int64)
        self._arrays["flags"] = np.zeros(0, dtype=np.int8)
        self._arrays["classes"] = np.zeros(0, dtype=np.int8)
        self._arrays["capital"] = np.zeros(0, dtype=bool)
        # evidence label codes of two-word phrases by integer key (see phrase_labels), then a -1
        self._phrase_keys = pd.Index(np.zeros(0, dtype=np.int64))
        self._phrase_codes = np.full(1, -1, dtype=np.int64)

    def _elements(self, full: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every lexicon element the normalised tokens ``full`` match.

        Returns
        -------
        (token, element, trim)
            Parallel arrays: the token's index in ``full``, the element id, and
            the characters to drop from the token's end for the evidence (0 if
            the whole token matched, else the length of the clitic matched
            without it; the whole token wins).
        """
        forms, trims, owner = list(full), [0] * len(full), list(range(len(full)))
        for k, form in enumerate(full):
            if "'" in form:
                base = base_form(form)
                if base:
                    forms.append(base)
                    trims.append(len(form) - len(base))
                    owner.append(k)
        hit_form: list[np.ndarray] = []
        hit_el: list[np.ndarray] = []
        for cs, tables, contains in self._modes:
            keyed = forms if cs else [f.lower() for f in forms]
            arrow = pa.array(keyed, type=pa.string())
            for kind, length, values, eids in tables:
                # a slice of a shorter form is that form, which cannot equal a value of this length
                probe = (arrow if kind == "exact" else
                         pc.utf8_slice_codeunits(arrow, 0, length) if kind == "prefix" else
                         pc.utf8_slice_codeunits(arrow, -length))
                at = pc.fill_null(pc.index_in(probe, value_set=values), -1).to_numpy()
                found = np.flatnonzero(at >= 0)
                hit_form.append(found)
                hit_el.append(eids[at[found]])
            for value, eid in contains:
                found = np.asarray([k for k, f in enumerate(keyed) if value in f], dtype=np.int64)
                hit_form.append(found)
                hit_el.append(np.full(found.size, eid, dtype=np.int64))
        form = np.concatenate(hit_form) if hit_form else np.zeros(0, dtype=np.int64)
        el = np.concatenate(hit_el) if hit_el else np.zeros(0, dtype=np.int64)
        tok = np.asarray(owner, dtype=np.int64)[form]
        order = np.lexsort((form, el, tok))  # a token's whole form comes before its base form
        tok, el, form = tok[order], el[order], form[order]
        first = np.ones(tok.size, dtype=bool)
        first[1:] = (tok[1:] != tok[:-1]) | (el[1:] != el[:-1])
        return tok[first], el[first], np.asarray(trims, dtype=np.int64)[form[first]]

    def _update_types(self) -> None:
        if self.scanner.generation != self._gen:
            self._reset_types()
        types = self.scanner.types
        n0, n1 = self._n_types, len(types)
        if n0 == n1:
            return
        # 1. per new type: the elements it matches, and its flags
        new = types[n0:n1]
        full = [t if t.isascii() else normalize(t, lower=False) for t in new]
        tid_a, eid_a, trim_a = self._elements(full)
        tid_a += n0
        flags_a = np.fromiter((t[0].isalnum() for t in new), dtype=bool, count=len(new)).astype(np.int8)
        classes_a = word_classes([lowered(f) for f in full])  # for the scope of negations and modals
        n_new = n1 - n0
        A = self._arrays
        # 2. single-token terms of the matched elements (numpy): most specific per (type, category);
        #    exclude terms apart, every one of them
        row, idx = _expand(self._el_term_ptr[eid_a], self._el_term_ptr[eid_a + 1] - self._el_term_ptr[eid_a])
        f_tid, f_term, f_trim = tid_a[row], self._el_terms[idx], trim_a[row]
        excl = self.term_excl[f_term]
        x_tid, x_term, x_trim = f_tid[excl], f_term[excl], f_trim[excl]
        f_tid, f_term, f_trim = f_tid[~excl], f_term[~excl], f_trim[~excl]
        if f_term.size:
            cat = self.term_cat[f_term]
            order = np.lexsort((f_term, -self.term_spec[f_term], cat, f_tid))
            f_tid, f_term, f_trim, cat = f_tid[order], f_term[order], f_trim[order], cat[order]
            first = np.ones(f_term.size, dtype=bool)
            first[1:] = (f_tid[1:] != f_tid[:-1]) | (cat[1:] != cat[:-1])
            f_tid, f_term, f_trim = f_tid[first], f_term[first], f_trim[first]
            order = np.lexsort((f_term, f_tid))
            f_tid, f_term, f_trim = f_tid[order], f_term[order], f_trim[order]
        order = np.lexsort((x_term, x_tid))
        x_tid, x_term, x_trim = x_tid[order], x_term[order], x_trim[order]
        # the evidence of a single-token match: the token without its clitic (trim < 4)
        which, entry = np.unique(f_tid * 4 + f_trim, return_inverse=True)
        evidence = [types[k >> 2][: len(types[k >> 2]) - (k & 3)] for k in which.tolist()]
        f_span = np.fromiter(map(len, evidence), dtype=np.int64, count=len(evidence))[entry]
        u_label = self.labels.strings(evidence)
        f_label = u_label[entry]
        for key, tid, values in (("f", f_tid, {"term": f_term, "trim": f_trim, "span": f_span, "label": f_label}),
                                 ("u", which >> 2, {"label": u_label}),  # the distinct labels of each type
                                 ("x", x_tid, {"term": x_term, "trim": x_trim})):
            for name, v in values.items():
                A[f"{key}_{name}"] = np.concatenate([A[f"{key}_{name}"], v])
            cnt = np.bincount(tid - n0, minlength=n_new) if tid.size else np.zeros(n_new, dtype=np.int64)
            A[f"{key}_ptr"] = np.concatenate([A[f"{key}_ptr"], A[f"{key}_ptr"][-1] + np.cumsum(cnt)])
        # 3. phrase elements: first, second, and later positions
        for key, mask in (("p1", self._is_p1), ("p2", self._is_p2)):
            sel = mask[eid_a] if eid_a.size else np.zeros(0, dtype=bool)
            A[f"{key}_el"] = np.concatenate([A[f"{key}_el"], eid_a[sel]])
            A[f"{key}_trim"] = np.concatenate([A[f"{key}_trim"], trim_a[sel]])
            cnt = np.bincount(tid_a[sel] - n0, minlength=n_new) if sel.any() else np.zeros(n_new, dtype=np.int64)
            A[f"{key}_ptr"] = np.concatenate([A[f"{key}_ptr"], A[f"{key}_ptr"][-1] + np.cumsum(cnt)])
            A[f"{key}_cnt"] = np.diff(A[f"{key}_ptr"])
        sel = self._is_cont[eid_a] if eid_a.size else np.zeros(0, dtype=bool)
        if sel.any():
            keys = np.concatenate([A["pair_key"], tid_a[sel] * self.n_el + eid_a[sel]])
            trims = np.concatenate([A["pair_trim"], trim_a[sel]])
            order = np.argsort(keys, kind="stable")
            A["pair_key"], A["pair_trim"] = keys[order], trims[order]
        A["flags"] = np.concatenate([A["flags"], flags_a])
        A["classes"] = np.concatenate([A["classes"], classes_a])
        A["capital"] = np.concatenate([A["capital"], capitalised(full)])
        self._n_types = n1

    def phrase_labels(self, text: str, toks: Tokens, ph: _Candidates, gs: np.ndarray, ge: np.ndarray) -> np.ndarray:
        """Label codes of the evidence ``text[gs:ge]`` of phrase matches ``ph``.

        Two-word matches whose words are one whitespace character apart (most of
        them) are identified by (first type, second type, clitic trim, separator)
        with integer keys, looked up in a cache kept between batches; the
        others are sliced from the text.
        """
        types = self.scanner.types
        n_types = len(types)
        t_a = toks.type_id[ph.start_tok]
        nxt = np.minimum(ph.start_tok + 1, toks.type_id.size - 1)
        gap_at = toks.end[ph.start_tok]
        fast = ((ph.end_tok - ph.start_tok) == 2) & (toks.start[nxt] == gap_at + 1) & (n_types <= _TYPE_KEY)
        gap = np.where(fast, toks.codes[np.minimum(gap_at, toks.codes.size - 1)], 0).astype(np.int64)
        fast &= gap < _GAP_CODES
        out = np.empty(ph.term.size, dtype=np.int64)
        f_idx = np.flatnonzero(fast)
        if f_idx.size:
            key = ((t_a[f_idx] * _TYPE_KEY + toks.type_id[nxt[f_idx]]) * 4 + ph.trim[f_idx]) * _GAP_CODES + gap[f_idx]
            at = self._phrase_keys.get_indexer(key) if len(self._phrase_keys) else np.full(key.size, -1)
            codes = self._phrase_codes[at]  # -1 reads the sentinel at the end
            new = np.flatnonzero(codes < 0)
            if new.size:
                keys, which = np.unique(key[new], return_inverse=True)
                strings = []
                for k in keys.tolist():
                    k, g = divmod(k, _GAP_CODES)
                    k, trim = divmod(k, 4)
                    a, b = divmod(k, _TYPE_KEY)
                    strings.append(types[a] + chr(g) + types[b][: len(types[b]) - trim])
                new_codes = self.labels.strings(strings)
                codes[new] = new_codes[which]
                self._phrase_keys = self._phrase_keys.append(pd.Index(keys))
                self._phrase_codes = np.concatenate([self._phrase_codes[:-1], new_codes, [-1]])
            out[f_idx] = codes
        s_idx = np.flatnonzero(~fast)
        if s_idx.size:
            out[s_idx] = self.labels.strings([text[a:b] for a, b in zip(gs[s_idx].tolist(), ge[s_idx].tolist())])
        return out

    # -- matching ------------------------------------------------------------------
    def singles(self, type_id: np.ndarray, tokens: np.ndarray) -> tuple[_Candidates, np.ndarray]:
        """Single-token (non-exclude) candidates at ``tokens``, in token order, and their index into
        the per-type table (for the evidence's length and label)."""
        A = self._arrays
        ptr = A["f_ptr"]
        t = type_id[tokens]
        first = ptr[t]
        row, idx = _expand(first, ptr[t + 1] - first)
        start = tokens[row]
        return _Candidates(start, start + 1, A["f_term"][idx], A["f_trim"][idx]), idx

    def exclude_singles(self, type_id: np.ndarray) -> _Candidates:
        """Single-token exclude-term candidates, in token order."""
        ptr = self._arrays["x_ptr"]
        if ptr[-1] == 0:
            return _Candidates(*(np.zeros(0, dtype=np.int64) for _ in range(4)))
        first = ptr[type_id]
        start, idx = _expand(first, ptr[type_id + 1] - first)
        return _Candidates(start, start + 1, self._arrays["x_term"][idx], self._arrays["x_trim"][idx])

    def phrases(self, type_id: np.ndarray) -> _Candidates:
        """Every (overlapping) match of every phrase term, exclude terms included, in token order."""
        A = self._arrays
        n = type_id.size
        empty = _Candidates(*(np.zeros(0, dtype=np.int64) for _ in range(4)))
        if n < 2 or self.ph_key.size == 0:
            return empty
        # pairs of (first element at i, second element at i + 1)
        p1_ptr, p2_ptr = A["p1_ptr"], A["p2_ptr"]
        a = A["p1_cnt"][type_id[:-1]]
        b = A["p2_cnt"][type_id[1:]]
        prod = a * b
        pos = np.flatnonzero(prod)
        if pos.size == 0:
            return empty
        rep_pos, k = _expand(np.zeros(pos.size, dtype=np.int64), prod[pos])
        rep_pos = pos[rep_pos]
        bb = b[rep_pos]
        ia, ib = k // bb, k % bb
        i1 = p1_ptr[type_id[rep_pos]] + ia
        i2 = p2_ptr[type_id[rep_pos + 1]] + ib
        ok = A["p1_trim"][i1] == 0  # a clitic ends a phrase
        e1, e2 = A["p1_el"][i1[ok]], A["p2_el"][i2[ok]]
        trim2 = A["p2_trim"][i2[ok]]
        rep_pos = rep_pos[ok]
        if self._ph_dense is not None:
            map1, map2, n2, ptr = self._ph_dense
            key = map1[e1] * n2 + map2[e2]
            lo, hi = ptr[key], ptr[key + 1]
        else:
            key = e1 * self.n_el + e2
            lo = np.searchsorted(self.ph_key, key, side="left")
            hi = np.searchsorted(self.ph_key, key, side="right")
        which, off = _expand(lo, hi - lo)
        m_start = rep_pos[which]
        m_term = self.ph_term[off]
        m_trim = trim2[which]
        m_len = self.term_len[m_term]
        alive = (m_len == 2) | (m_trim == 0)
        pkeys, ptrim = A["pair_key"], A["pair_trim"]
        for j in range(2, self.max_len):
            active = np.flatnonzero(alive & (m_len > j))
            if active.size == 0:
                break
            pos_j = m_start[active] + j
            inside = pos_j < n
            alive[active[~inside]] = False
            active, pos_j = active[inside], pos_j[inside]
            keys = type_id[pos_j] * self.n_el + self.term_elems[m_term[active], j]
            where = np.minimum(np.searchsorted(pkeys, keys), max(pkeys.size - 1, 0))
            found = (pkeys[where] == keys) if pkeys.size else np.zeros(keys.size, dtype=bool)
            new_trim = ptrim[where] if pkeys.size else np.zeros(keys.size, dtype=np.int64)
            last = m_len[active] == j + 1
            good = found & ((new_trim == 0) | last)
            alive[active[~good]] = False
            m_trim[active[good]] = new_trim[good]
        return _Candidates(m_start[alive], m_start[alive] + m_len[alive], m_term[alive], m_trim[alive])

    def candidates(self, type_id: np.ndarray) -> _Candidates:
        """Every (overlapping) match of every term, including exclude terms: single-token
        candidates in token order, then single-token exclude terms, then phrases."""
        singles, _ = self.singles(type_id, np.arange(type_id.size, dtype=np.int64))
        return _concat([singles, self.exclude_singles(type_id), self.phrases(type_id)])

    def apply_excludes(self, c: _Candidates) -> _Candidates:
        """Drop exclude-term candidates and the matches they cover."""
        is_excl = self.term_excl[c.term]
        if not is_excl.any():
            return c
        c, ex = c[~is_excl], c[is_excl]
        return c[~self._excluded(c, ex)]

    def _excluded(self, c: _Candidates, ex: _Candidates) -> np.ndarray:
        """Mask of the candidates ``c`` inside a span of an exclude term ``ex`` of their category
        or of an ancestor category."""
        out = np.zeros(c.term.size, dtype=bool)
        cat = self.term_cat[c.term]
        ex_cat = self.term_cat[ex.term]
        for scope in np.unique(ex_cat):
            sel = ex_cat == scope
            es, ee = ex.start_tok[sel], ex.end_tok[sel]
            order = np.argsort(es, kind="stable")
            es, ee = es[order], np.maximum.accumulate(ee[order])
            t_idx = np.flatnonzero(np.isin(cat, self.excl_scope[int(scope)]))
            k = np.searchsorted(es, c.start_tok[t_idx], side="right") - 1
            covered = (k >= 0) & (ee[np.maximum(k, 0)] >= c.end_tok[t_idx])
            out[t_idx[covered]] = True
        return out

    def special(self, type_id: np.ndarray) -> tuple[_Candidates, np.ndarray, np.ndarray]:
        """The matches that are not simply every single-token term of a token.

        Phrases and exclude terms are rare, so they are resolved here, and every
        token they concern (covered by an exclude term or by a chosen phrase) is
        *special*: its single-token candidates are filtered here too. Every
        other token keeps all the single-token terms of its type, with no
        further work (see ``_match_batch``).

        Returns
        -------
        (matches, table_index, special_tokens)
            The kept matches at special tokens (in token order; at one token,
            single-token matches in term order, then phrases), the index of each
            single-token match into the per-type table (-1 for phrases), and the
            sorted special token indices. Within one lexicon the leftmost-longest
            match wins: phrases are resolved among themselves and a single-token
            match survives unless a chosen phrase of its lexicon covers it (it
            can never beat a phrase starting at or before it).
        """
        n = type_id.size
        ph = self.phrases(type_id)
        ex = _concat([ph, self.exclude_singles(type_id)])
        is_ex = self.term_excl[ex.term]
        ph, ex = ph[~is_ex[: ph.term.size]], ex[is_ex]
        if ex.term.size:
            ph = ph[~self._excluded(ph, ex)]
        if ph.term.size:
            ph = ph[np.sort(self._resolve(ph.start_tok, ph.end_tok, ph.term, self.term_lex[ph.term], n))]
        spans = _concat([ex, ph])
        if spans.term.size == 0:
            return spans, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        cover = np.bincount(spans.start_tok, minlength=n + 1) - np.bincount(spans.end_tok, minlength=n + 1)
        tokens = np.flatnonzero(np.cumsum(cover[:n]) > 0)
        singles, idx = self.singles(type_id, tokens)
        keep = ~self._excluded(singles, ex) if ex.term.size else np.ones(singles.term.size, dtype=bool)
        lex = self.term_lex[singles.term]
        p_lex = self.term_lex[ph.term]
        for li in np.unique(p_lex):
            sel = p_lex == li
            starts = np.sort(ph.start_tok[sel])  # chosen phrases of one lexicon do not overlap
            ends = np.sort(ph.end_tok[sel])
            k = np.searchsorted(starts, singles.start_tok, side="right") - 1
            covered = (k >= 0) & (ends[np.maximum(k, 0)] > singles.start_tok) & (lex == li)
            keep[covered] = False
        singles, idx = singles[keep], idx[keep]
        out = _concat([singles, ph])
        order = np.argsort(out.start_tok, kind="stable")
        index = np.concatenate([idx, np.full(ph.term.size, -1, dtype=np.int64)])
        return out[order], index[order], tokens

    def _resolve(self, start: np.ndarray, end: np.ndarray, term: np.ndarray, lex: np.ndarray,
                 n_tokens: int) -> np.ndarray:
        """Indices of the candidates kept by leftmost-longest selection (general case)."""
        stride = n_tokens + 1
        ks = lex * stride + start
        ke = lex * stride + end
        order = _argsort_pairs(ks, -ke, ke.max() + 1)  # by start, longest first
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
        # greedy: a span that starts after every earlier span ends is kept; from a kept span, the
        # next kept one is the first span starting at or after its end. The chains are followed
        # for all clusters of overlapping spans at once, one step per round.
        keep_span = us >= prev_max
        following = np.searchsorted(us, ue, side="left")
        frontier = np.flatnonzero(keep_span)
        while frontier.size:
            nxt = following[frontier]
            nxt = nxt[nxt < us.size]
            frontier = nxt[~keep_span[nxt]]  # a cluster ends on the next free span, kept already
            keep_span[frontier] = True
        chosen = keep_span[span_id] & (ke_o == ue[span_id])
        sel = order[chosen]
        # one row per (span, category): the most specific term
        kss = ks[sel]
        sel = sel[_argsort_pairs(kss, self.term_rank[term[sel]], len(self.terms))]
        cat, kss = self.term_cat[term[sel]], ks[sel]
        first = np.ones(sel.size, dtype=bool)
        first[1:] = (kss[1:] != kss[:-1]) | (cat[1:] != cat[:-1])
        return sel[first]


def _argsort_pairs(major: np.ndarray, minor: np.ndarray, span: int) -> np.ndarray:
    """Stable order by ``major`` then ``minor`` (``-span < minor < span``), by one sort of a combined
    key when it fits in 63 bits."""
    if major.size == 0:
        return np.zeros(0, dtype=np.int64)
    if (int(major.max()) + 2) * (2 * span + 1) < 2**62 and int(major.min()) >= 0:
        return np.argsort(major * (2 * span + 1) + (minor + span), kind="stable")
    return np.lexsort((minor, major))


def _expand(first: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR rows with ``first`` offsets and ``counts``: (row of each item, flat index of each item)."""
    total = int(counts.sum())
    if total == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e.copy()
    row = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    offsets = np.cumsum(counts) - counts
    idx = np.take(first - offsets, row)
    idx += np.arange(total, dtype=np.int64)
    return row, idx


_LOCAL = threading.local()  # compiled lexicons and the tokenizer of each thread: caches not shared between threads


def _engines() -> dict[tuple, Engine]:
    engines = getattr(_LOCAL, "engines", None)
    if engines is None:
        engines = _LOCAL.engines = {}
    return engines


def thread_scanner() -> TokenScanner:
    """This thread's tokenizer, shared by its compiled lexicons: a corpus matched with one set of
    lexicons is not tokenised from scratch for the next."""
    scanner = getattr(_LOCAL, "scanner", None)
    if scanner is None:
        scanner = _LOCAL.scanner = TokenScanner()
    return scanner


def compiled(lexicons: list[Lexicon]) -> Engine:
    """The compiled form of ``lexicons`` for this thread (kept for the next call)."""
    engines = _engines()
    key = tuple((lx.name, lx.content_hash, id(lx)) for lx in lexicons)
    eng = engines.get(key)
    if eng is None:
        if len(engines) > 8:
            engines.clear()
        eng = Engine(lexicons, thread_scanner())
        engines[key] = eng
    return eng


# ---------------------------------------------------------------------------------
# corpus-level API


def texts_of(corpus: pd.DataFrame) -> list[str]:
    # (tolist: one conversion of a text column, not one Arrow scalar per document)
    return [t if isinstance(t, str) else "" for t in corpus["text"].tolist()]


@dataclass
class _Spans:
    """Spans of a table (sentences or voice) as arrays sorted by (document position, start)."""

    pos: np.ndarray  # document position in the corpus
    start: np.ndarray
    value: np.ndarray  # sentence_id or voice code

    def rows(self, i: int, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        lo, hi = np.searchsorted(self.pos, [i, j], side="left")
        return self.pos[lo:hi] - i, self.start[lo:hi], self.value[lo:hi]


def _spans_table(table: pd.DataFrame | None, doc_ids: list[str], value: str, what: str) -> _Spans | None:
    if table is None:
        return None
    schema.require(table, ("doc_id", "start", value), what=what)
    index = pd.Index(doc_ids)
    if not index.is_unique:
        raise SchemaError(f"the corpus has duplicate doc_id values; {what} cannot be matched to documents")
    pos = indexer(index, table["doc_id"])
    if value == "voice":
        vals = indexer(pd.Index(list(schema.VOICES)), table["voice"])
        bad = vals < 0
        if bad.any():
            labels = sorted(set(table.loc[bad, "voice"].astype(str)))
            raise SchemaError(f"{what}: unknown voice label(s) {labels}; expected one of {list(schema.VOICES)}")
    else:
        vals = table[value].to_numpy(dtype=np.int64)
    start = table["start"].to_numpy(dtype=np.int64)
    keep = pos >= 0
    if not keep.all():
        pos, start, vals = pos[keep], start[keep], vals[keep]
    if pos.size > 1 and not _sorted_by(pos, start):
        order = np.lexsort((start, pos))
        pos, start, vals = pos[order], start[order], vals[order]
    return _Spans(pos, start, vals)


def _sorted_by(major: np.ndarray, minor: np.ndarray) -> bool:
    """True if the pairs (major, minor) are in non-decreasing order."""
    step = np.diff(major)
    return bool((step >= 0).all() and (np.diff(minor)[step == 0] >= 0).all())


def _voice_functions() -> tuple[Callable[[str], list[tuple[int, int]]], Callable[[str], list[tuple[int, int, str]]]]:
    from framing.text.voice import voice_spans
    from framing.text.sentences import split_sentences

    return split_sentences, voice_spans


@dataclass
class _Rows:
    """The matches of a batch, as indexes to be resolved into columns by :func:`_assemble`.

    Match ``i`` is at matched token ``token[i]`` (an index into the per-token
    arrays) and is entry ``entry[i]`` of the batch's term table: the engine's
    per-type table as it was for the batch (``base``, shared, not copied)
    followed by the batch's special matches (``special``). Indexes and
    positions are kept in 32 bits when the batch allows it: they are held
    until the whole table is assembled.
    """

    token: np.ndarray
    entry: np.ndarray
    doc: np.ndarray  # per matched token: corpus position of the document
    start: np.ndarray  # per matched token: offset in the document
    sentence_id: np.ndarray
    voice: np.ndarray
    negated: np.ndarray
    hypothetical: np.ndarray
    base: tuple[np.ndarray, np.ndarray, np.ndarray]  # per table entry: term id, length of the evidence, label code
    special: tuple[np.ndarray, np.ndarray, np.ndarray]
    used_labels: np.ndarray  # label codes of the entries used

    def table(self, k: int) -> np.ndarray:
        """Column ``k`` (0 term, 1 span, 2 label) of the batch's term table."""
        return np.concatenate([self.base[k], self.special[k]]) if self.special[k].size else self.base[k]


@dataclass
class _Batch:
    matches: _Rows | None  # None without matches
    n_tokens: np.ndarray  # word tokens per document of the batch
    n_docs: int


def _outlets(corpus: pd.DataFrame) -> list[str]:
    return [o if isinstance(o, str) else ("" if o is None or o != o else str(o)) for o in corpus["outlet"]]


def _iter_batches(
    corpus: pd.DataFrame,
    engine: Engine,
    *,
    sentences: pd.DataFrame | None,
    voice: pd.DataFrame | None,
) -> Iterator[_Batch]:
    schema.require(corpus, schema.CORPUS, what="corpus")
    doc_ids = [str(d) for d in corpus["doc_id"]]
    texts = texts_of(corpus)
    sent_given = _spans_table(sentences, doc_ids, "sentence_id", "sentences table")
    voice_given = _spans_table(voice, doc_ids, "voice", "voice table")
    split_sentences, voice_spans = _voice_functions()
    i = 0
    n_docs = len(texts)
    while i < n_docs:
        j, size = i, 0
        while j < n_docs and (size == 0 or size + len(texts[j]) <= _BATCH_CHARS):
            size += len(texts[j]) + len(_SEPARATOR)
            j += 1
        if sent_given is None and voice_given is None:
            sent, vox = _computed_sentences_and_voice(texts[i:j])
        else:
            sent = sent_given.rows(i, j) if sent_given is not None else _computed_sentences(texts[i:j], split_sentences)
            vox = voice_given.rows(i, j) if voice_given is not None else _computed_voice(texts[i:j], voice_spans)
        try:
            batch = _match_batch(engine, texts[i:j], i, sent, vox)
        except UnicodeEncodeError:
            bad = [f"row {k} (doc_id {doc_ids[k]!r})" for k in range(i, j) if LONE_SURROGATE.search(texts[k])]
            if not bad:
                raise
            raise SchemaError(
                f"corpus column 'text', {', '.join(bad[:5])}{' ...' if len(bad) > 5 else ''}: lone surrogate "
                "code points (U+D800-U+DFFF) are not text; replace them, e.g. with U+FFFD, before matching"
            ) from None
        yield batch
        i = j


def _computed_sentences(texts: list[str], split_sentences: Callable) -> tuple[np.ndarray, ...]:
    return _sentence_arrays([split_sentences(text) if text.strip() else [] for text in texts])


def _sentence_arrays(span_lists: list[list[tuple[int, int]]]) -> tuple[np.ndarray, ...]:
    pos: list[int] = []
    start: list[int] = []
    sid: list[int] = []
    for k, spans in enumerate(span_lists):
        pos.extend([k] * len(spans))
        start.extend(a for a, _ in spans)
        sid.extend(range(len(spans)))
    return (np.asarray(pos, dtype=np.int64), np.asarray(start, dtype=np.int64), np.asarray(sid, dtype=np.int64))


def _computed_sentences_and_voice(texts: list[str]) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """Both span tables of a batch, splitting each document into sentences once.

    Quote attribution splits a document with quotation marks into sentences
    (:func:`framing.sentences.split_sentences`, default abbreviations); those
    spans are reused instead of splitting the document a second time. Speakers are
    only looked for where they can change a quote's kind, hence its voice, and
    pronoun speakers are not resolved: the speakers are not used here.
    """
    from framing.text.quotes import analyse_quotes
    from framing.text.voice import voice_with_ids
    from framing.text.sentences import split_sentences

    sentence_lists: list[list[tuple[int, int]]] = []
    voice_lists: list[list[tuple[int, int, str]]] = []
    for text in texts:
        if not text:
            sentence_lists.append([])
            voice_lists.append([])
            continue
        found, sents = analyse_quotes(text, False, speakers=False)
        if not sents and text.strip():
            sents = split_sentences(text)
        sentence_lists.append(sents)
        voice_lists.append([(a, b, v) for a, b, v, _ in voice_with_ids(text, found)])
    return _sentence_arrays(sentence_lists), _voice_arrays(voice_lists)


def _computed_voice(texts: list[str], voice_spans: Callable) -> tuple[np.ndarray, ...]:
    return _voice_arrays([voice_spans(text) if text else [] for text in texts])


def _voice_arrays(span_lists: list[list[tuple[int, int, str]]]) -> tuple[np.ndarray, ...]:
    code = {v: k for k, v in enumerate(schema.VOICES)}
    pos: list[int] = []
    start: list[int] = []
    val: list[int] = []
    for k, spans in enumerate(span_lists):
        for a, _, v in spans:
            if v != "narrator":
                pos.append(k)
                start.append(a)
                val.append(code[v])
            elif start and pos[-1] == k:  # narrator after a quote
                pos.append(k)
                start.append(a)
                val.append(0)
    return (np.asarray(pos, dtype=np.int64), np.asarray(start, dtype=np.int64), np.asarray(val, dtype=np.int64))


def _row_of_token(starts: np.ndarray, tok_start: np.ndarray) -> np.ndarray:
    """For every token, the last of the sorted span ``starts`` at or before the token's start (-1 if none)."""
    first_tok = np.searchsorted(tok_start, starts, side="left")
    return np.cumsum(np.bincount(first_tok, minlength=tok_start.size + 1)[: tok_start.size]) - 1


def _with_sentinels(n_docs: int, spans: tuple[np.ndarray, ...], doc_start: np.ndarray) -> tuple[np.ndarray, ...]:
    """Batch-global starts, values and document of spans, with a (start=-1, value 0) row first in every document."""
    pos, start, value = spans
    all_pos = np.concatenate([np.arange(n_docs, dtype=np.int64), pos])
    all_start = np.concatenate([np.full(n_docs, -1, dtype=np.int64), start])
    all_val = np.concatenate([np.zeros(n_docs, dtype=np.int64), value])
    order = np.lexsort((all_start, all_pos))
    all_pos, all_start, all_val = all_pos[order], all_start[order], all_val[order]
    glob = np.where(all_start >= 0, all_start + doc_start[all_pos], doc_start[all_pos] - 1)
    return glob, all_val, all_pos


class _Labels:
    """Distinct evidence strings (categories of the ``match`` column), coded once per engine."""

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.index: dict[str, int] = {}

    def strings(self, values: list[str]) -> np.ndarray:
        """Codes of the strings ``values`` (new strings get new codes)."""
        return intern_strings(np.asarray(values, dtype=object), self.index, self.labels)

    def remap(self, used: list[np.ndarray]) -> tuple[np.ndarray, pd.Index]:
        """Codes of the labels ``used`` among them, in code-point order (other codes map to 0), and
        those labels."""
        mask = np.zeros(len(self.labels), dtype=bool)
        for codes in used:
            mask[codes] = True
        used = np.flatnonzero(mask)
        strings = pa.array([self.labels[k] for k in used.tolist()], type=pa.string())
        order = pc.array_sort_indices(strings).to_numpy()  # UTF-8 byte order is code-point order
        remap = np.zeros(len(self.labels), dtype=np.int64)
        remap[used[order]] = np.arange(order.size, dtype=np.int64)
        return remap, pd.Index(strings.take(order), dtype="str")


def _match_batch(
    engine: Engine,
    texts: list[str],
    first_doc: int,
    sent_spans: tuple[np.ndarray, ...],
    voice_spans: tuple[np.ndarray, ...],
) -> _Batch:
    """Matches of a batch of documents (``first_doc`` is the corpus position of the first one).

    Every token not made special by a phrase or an exclude term (see
    :meth:`Engine.special`) yields all the single-token terms of its type, read
    from the per-type table; the special matches are appended to that table,
    so one expansion gives every row, in token order.
    """
    big = _SEPARATOR.join(texts)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc_start = np.concatenate(([0], np.cumsum(lens + len(_SEPARATOR))[:-1])).astype(np.int64)
    toks = engine.scanner.scan(big)
    engine._update_types()
    A = engine._arrays
    type_id = toks.type_id
    n = type_id.size
    flags = A["flags"][type_id]
    words = np.concatenate(([0], np.cumsum(flags & 1)))
    doc_tok = np.append(np.searchsorted(toks.start, doc_start), n)  # first token of each document
    n_tok = (words[doc_tok[1:]] - words[doc_tok[:-1]]).astype(np.int64)

    sp, sp_index, sp_tokens = engine.special(type_id)
    ptr = A["f_ptr"]
    first = ptr[type_id]
    cnt = ptr[type_id + 1] - first
    term_tab, span_tab, label_tab = A["f_term"], A["f_span"], A["f_label"]
    special = (np.zeros(0, dtype=np.int64),) * 3
    if sp_tokens.size:
        cnt[sp_tokens] = 0
        tok, at, count = np.unique(sp.start_tok, return_index=True, return_counts=True)
        cnt[tok] = count
        first[tok] = term_tab.size + at
        single = sp_index >= 0
        sp_span = np.empty(sp.term.size, dtype=np.int64)
        sp_label = np.empty(sp.term.size, dtype=np.int64)
        sp_span[single] = span_tab[sp_index[single]]
        sp_label[single] = label_tab[sp_index[single]]
        if not single.all():
            ph = sp[~single]
            gs, ge = toks.start[ph.start_tok], toks.end[ph.end_tok - 1] - ph.trim
            sp_span[~single] = ge - gs
            sp_label[~single] = engine.phrase_labels(big, toks, ph, gs, ge)
        special = (sp.term, sp_span, sp_label)
    sel = np.flatnonzero(cnt)
    if sel.size == 0:
        return _Batch(None, n_tok, len(texts))
    token, entry = _expand(first[sel], cnt[sel])
    # the labels used: those of the types of ordinary matched tokens, and the special matches'
    plain = sel[first[sel] < A["f_term"].size]
    types = np.flatnonzero(np.bincount(type_id[plain], minlength=ptr.size - 1))
    u_ptr = A["u_ptr"]
    _, used = _expand(u_ptr[types], u_ptr[types + 1] - u_ptr[types])
    # per matched token
    t_start = toks.start[sel]
    t_doc = _row_of_token(doc_start, toks.start)[sel]
    s_glob, s_val, _ = _with_sentinels(len(texts), sent_spans, doc_start)
    v_glob, v_val, _ = _with_sentinels(len(texts), voice_spans, doc_start)
    sentence_row = _row_of_token(s_glob, toks.start)
    negated, hypothetical = scope_marks(A["classes"], sentence_row, sel, types=type_id, capital=A["capital"])
    small = _index_dtype(max(len(big), term_tab.size + special[0].size, first_doc + len(texts)))
    rows = _Rows(
        token=token.astype(small),
        entry=entry.astype(small),
        doc=(t_doc + first_doc).astype(small),
        start=(t_start - doc_start[t_doc]).astype(small),
        sentence_id=s_val[sentence_row[sel]].astype(_index_dtype(int(np.abs(s_val).max(initial=0)) + 1)),
        voice=v_val[_row_of_token(v_glob, toks.start)[sel]].astype(np.int8),
        negated=negated,
        hypothetical=hypothetical,
        base=(term_tab, span_tab, label_tab),
        special=special,
        used_labels=np.concatenate([A["u_label"][used], special[2]]),
    )
    return _Batch(rows, n_tok, len(texts))


def _index_dtype(bound: int) -> type:
    """The integer type for non-negative values below ``bound``: 32 bits when they fit."""
    return np.int32 if bound < 2**31 else np.int64


_GAP_CODES = 0x3001  # separator characters up to U+3000 (the whitespace of the tokenizer)
_TYPE_KEY = 1 << 21  # token types in a phrase key (the key stays below 2**63)


def _assemble(batches: list[_Rows], engine: Engine, doc_ids: list[str], outlets: list[str]) -> pd.DataFrame:
    """The matches table: every column is gathered once, batch by batch, into its final array
    (string columns as categoricals, with codes in the smallest integer type; positions in 32 bits)."""
    if not batches:
        return _empty_matches()
    doc_codes, doc_uniques = pd.factorize(np.asarray(doc_ids, dtype=object))
    out_codes, out_uniques = pd.factorize(np.asarray(outlets, dtype=object))
    match_remap, match_labels = engine.labels.remap([b.used_labels for b in batches])
    columns = {
        "doc_id": (doc_codes, doc_uniques), "outlet": (out_codes, out_uniques),
        "match": (match_remap, match_labels),
        "lexicon": (engine.term_lex, engine.lex_labels),
        "category": (engine.cat_code[engine.term_cat], engine.cat_labels),
        "term": (engine.term_code, engine.term_labels),
        "voice": (None, schema.VOICES),
    }
    codes = {c: table.astype(_code_dtype(len(labels))) if table is not None else None
             for c, (table, labels) in columns.items()}
    n = sum(b.token.size for b in batches)
    out = {c: np.empty(n, dtype=_code_dtype(len(labels))) for c, (_, labels) in columns.items()}
    # positions in 32 bits, like the batches' (64 only with a document of 2**31 characters or more)
    position = np.result_type(np.int32, *(b.start.dtype for b in batches), *(b.sentence_id.dtype for b in batches))
    for c in ("sentence_id", "start", "end"):
        out[c] = np.empty(n, dtype=position)
    out["negated"] = np.empty(n, dtype=bool)
    out["hypothetical"] = np.empty(n, dtype=bool)
    single = [c for c, (_, labels) in columns.items() if len(labels) == 1]  # one lexicon, one outlet ...
    for c in single:
        out[c].fill(0)
    at = 0
    for k in range(len(batches)):
        # each batch is let go once copied, so its memory can serve the rest of the table
        b, batches[k] = batches[k], None
        part = slice(at, at + b.token.size)
        at = part.stop
        per_token = {"doc_id": codes["doc_id"][b.doc], "outlet": codes["outlet"][b.doc],
                     "sentence_id": b.sentence_id, "start": b.start, "voice": b.voice, "negated": b.negated,
                     "hypothetical": b.hypothetical}
        term = b.table(0)
        per_entry = {"match": codes["match"][b.table(2)], "lexicon": codes["lexicon"][term],
                     "category": codes["category"][term], "term": codes["term"][term], "end": b.table(1)}
        for index, columns_of in ((b.token, per_token), (b.entry, per_entry)):
            for c, values in columns_of.items():
                if c in single:
                    continue
                # in the column's type before the gather (once per matched token or table entry)
                np.take(values.astype(out[c].dtype, copy=False), index, out=out[c][part], mode="clip")
        out["end"][part] += out["start"][part]
    for c, (_, labels) in columns.items():
        # codes are valid by construction: the check of every one of millions of codes is skipped
        out[c] = pd.Categorical.from_codes(
            out[c], dtype=pd.CategoricalDtype(pd.Index(labels, dtype="str")), validate=False)
    # the arrays are new and owned by the table: no copy into consolidated blocks
    return pd.DataFrame({c: out[c] for c in schema.MATCHES}, columns=list(schema.MATCHES), copy=False)


def _code_dtype(n_labels: int) -> type:
    for dtype in (np.int8, np.int16, np.int32):
        if n_labels < np.iinfo(dtype).max:
            return dtype
    return np.int64


def _empty_matches() -> pd.DataFrame:
    out = {}
    for c in schema.MATCHES:
        if c in ("sentence_id", "start", "end"):
            out[c] = pd.Series([], dtype="int32")
        elif c in ("negated", "hypothetical"):
            out[c] = pd.Series([], dtype="bool")
        else:
            labels = schema.VOICES if c == "voice" else []
            out[c] = pd.Series(pd.Categorical([], categories=pd.Index(list(labels), dtype="str")))
    return pd.DataFrame(out, columns=list(schema.MATCHES))


def find_all(corpus: pd.DataFrame, engine: Engine, *, sentences, voice, progress) -> tuple[pd.DataFrame, np.ndarray]:
    if len(engine.labels.labels) > _MAX_LABELS:  # evidence strings of earlier calls
        engine.labels = _Labels()
        engine.scanner.reset()
    parts, n_tok = [], []
    for batch in _iter_batches(corpus, engine, sentences=sentences, voice=voice):
        if batch.matches is not None:
            parts.append(batch.matches)
        n_tok.append(batch.n_tokens)
        if progress is not None:
            progress(batch.n_docs)
    found = _assemble(parts, engine, [str(d) for d in corpus["doc_id"]], _outlets(corpus))
    return found, (np.concatenate(n_tok) if n_tok else np.zeros(0, dtype=np.int64))


def score_table(corpus: pd.DataFrame, engine: Engine, found: pd.DataFrame, n_tok: np.ndarray,
                 negated: str, hypothetical: str = "include") -> pd.DataFrame:
    doc_ids = [str(d) for d in corpus["doc_id"]]
    outlets = [o if isinstance(o, str) else ("" if o is None or o != o else str(o)) for o in corpus["outlet"]]
    n_docs = len(doc_ids)
    n_cat = len(engine.cat_names)
    n_voice = len(schema.VOICES)
    counts = np.zeros(n_docs * n_cat * n_voice, dtype=np.int64)
    if len(found):
        for column, option in (("negated", negated), ("hypothetical", hypothetical)):
            if option == "exclude":
                found = found[~found[column].to_numpy(dtype=bool)]
            elif option == "only":
                found = found[found[column].to_numpy(dtype=bool)]
        doc_index = pd.Index(doc_ids)
        if not doc_index.is_unique:
            raise SchemaError("the corpus has duplicate doc_id values; scores need one row per document")
        d_idx = indexer(doc_index, found["doc_id"])
        lex_i = indexer(pd.Index([lx.name for lx in engine.lexicons]), found["lexicon"])
        name_i = indexer(pd.Index(engine.cat_labels), found["category"])
        table = np.full((len(engine.lexicons) + 1, len(engine.cat_labels) + 1), -1, dtype=np.int64)
        for g, (li, _) in enumerate(engine.cat_names):
            table[li, engine.cat_code[g]] = g
        c_idx = table[lex_i, name_i]  # -1 indexes the sentinel row/column
        v_idx = indexer(pd.Index(list(schema.VOICES)), found["voice"])
        valid = (d_idx >= 0) & (c_idx >= 0) & (v_idx >= 0)
        if not valid.all():
            bad = found.loc[~valid, ["doc_id", "lexicon", "category", "voice"]].head(3).astype(str).to_dict("records")
            raise SchemaError(f"matches table has rows that are not from this corpus and these lexicons, e.g. {bad}")
        c_idx = np.asarray(c_idx, dtype=np.int64)
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


def indexer(index: pd.Index, values: pd.Series) -> np.ndarray:
    """Positions of ``values`` in ``index`` (-1 if absent), fast for categorical columns."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = index.get_indexer(values.cat.categories.astype(str))
        codes = values.cat.codes.to_numpy()
        return np.where(codes >= 0, cats[codes], -1).astype(np.int64)
    return index.get_indexer(values.astype(str)).astype(np.int64)
