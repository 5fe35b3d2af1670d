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
from framing.tokens import TokenScanner, _codes_and_space, base_form, n_tokens, normalize

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
        self.term_single = self.term_len == 1
        # single-token terms by element; phrases by their first two elements
        self.first_terms = {
            eid: sorted(t for t in ts if self.term_single[t]) for eid, ts in first_terms.items()
        }
        el_terms = [self.first_terms.get(e, []) for e in range(self.n_el)]
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
        # categorical codes of the output columns (unique labels)
        self.lex_labels = [lx.name for lx in lexicons]
        cat_codes, cat_uniques = pd.factorize(np.asarray([name for _, name in self.cat_names], dtype=object))
        self.cat_code, self.cat_labels = cat_codes.astype(np.int64), list(cat_uniques)
        term_codes, term_uniques = pd.factorize(self.term_text) if len(terms) else (np.zeros(0, np.int64), [])
        self.term_code, self.term_labels = np.asarray(term_codes, dtype=np.int64), list(term_uniques)
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
        # the case modes that have elements, with wildcard tables sorted by length
        self._modes = [
            (cs, self.exact[cs], sorted(self.prefix[cs].items()), sorted(self.suffix[cs].items()), self.contains[cs])
            for cs in (False, True)
            if self.exact[cs] or self.prefix[cs] or self.suffix[cs] or self.contains[cs]
        ]
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
        # per type (CSR): single-token terms (deduplicated per category), phrase first and second
        # elements; (type, element) pairs for phrase elements after the second; token flags
        self._arrays: dict[str, np.ndarray] = {
            k: np.zeros(0, dtype=np.int64)
            for k in ("f_term", "f_trim", "p1_el", "p1_trim", "p2_el", "p2_trim", "pair_key", "pair_trim")
        }
        for k in ("f_ptr", "p1_ptr", "p2_ptr"):
            self._arrays[k] = np.zeros(1, dtype=np.int64)
        self._arrays["flags"] = np.zeros(0, dtype=np.int8)

    def _elements_of(self, token: str) -> dict[int, int]:
        """Element id -> trim (0 if the full token matched, else the clitic's length)."""
        full = normalize(token, lower=False)
        forms = [(full, 0)]
        if "'" in full:
            base = base_form(full)
            if base:
                forms.append((base, len(full) - len(base)))
        out: dict[int, int] = {}
        for form_cs, trim in forms:
            for cs, exact, prefix, suffix, contains in self._modes:
                form = form_cs if cs else form_cs.lower()
                hit = exact.get(form)
                if hit:
                    for eid in hit:
                        out.setdefault(eid, trim)
                n = len(form)
                for length, table in prefix:
                    if length > n:
                        break
                    hit = table.get(form[:length])
                    if hit:
                        for eid in hit:
                            out.setdefault(eid, trim)
                for length, table in suffix:
                    if length > n:
                        break
                    hit = table.get(form[n - length:])
                    if hit:
                        for eid in hit:
                            out.setdefault(eid, trim)
                for value, eid in contains:
                    if value in form:
                        out.setdefault(eid, trim)
        return out

    def _update_types(self) -> None:
        if self.scanner.generation != self._gen:
            self._reset_types()
        types = self.scanner.types
        n0, n1 = self._n_types, len(types)
        if n0 == n1:
            return
        # 1. per new type (Python): the elements it matches, and its flags
        p_tid: list[int] = []
        p_eid: list[int] = []
        p_trim: list[int] = []
        flags_list: list[int] = []
        elements_of = self._elements_of
        for tid in range(n0, n1):
            tok = types[tid]
            els = elements_of(tok)
            if els:
                p_tid.extend([tid] * len(els))
                p_eid.extend(els.keys())
                p_trim.extend(els.values())
            flags = 0
            if tok[0].isalnum():
                flags |= 1
                low = normalize(tok)
                if low in NEGATION_CUES or low.endswith("n't"):
                    flags |= 2
                if low in _BOUNDARY_WORDS:
                    flags |= 4
                if low in _NOT_CUE_AFTER:
                    flags |= 8
            elif tok in _BOUNDARY_PUNCT:
                flags |= 4
            flags_list.append(flags)
        tid_a = np.asarray(p_tid, dtype=np.int64)
        eid_a = np.asarray(p_eid, dtype=np.int64)
        trim_a = np.asarray(p_trim, dtype=np.int64)
        n_new = n1 - n0
        A = self._arrays
        # 2. single-token terms of the matched elements (numpy): most specific per (type, category)
        row, idx = _expand(self._el_term_ptr[eid_a], self._el_term_ptr[eid_a + 1] - self._el_term_ptr[eid_a])
        f_tid, f_term, f_trim = tid_a[row], self._el_terms[idx], trim_a[row]
        if f_term.size:
            excl = self.term_excl[f_term]
            cat = self.term_cat[f_term]
            order = np.lexsort((f_term, -self.term_spec[f_term], cat, excl, f_tid))
            f_tid, f_term, f_trim, excl, cat = f_tid[order], f_term[order], f_trim[order], excl[order], cat[order]
            first = np.ones(f_term.size, dtype=bool)
            first[1:] = (f_tid[1:] != f_tid[:-1]) | (cat[1:] != cat[:-1]) | (excl[1:] != excl[:-1])
            keep = first | excl  # every exclude term, one ordinary term per category
            f_tid, f_term, f_trim = f_tid[keep], f_term[keep], f_trim[keep]
            order = np.lexsort((f_term, f_tid))
            f_tid, f_term, f_trim = f_tid[order], f_term[order], f_trim[order]
        A["f_term"] = np.concatenate([A["f_term"], f_term])
        A["f_trim"] = np.concatenate([A["f_trim"], f_trim])
        cnt = np.bincount(f_tid - n0, minlength=n_new) if f_tid.size else np.zeros(n_new, dtype=np.int64)
        A["f_ptr"] = np.concatenate([A["f_ptr"], A["f_ptr"][-1] + np.cumsum(cnt)])
        # 3. phrase elements: first, second, and later positions
        for key, mask in (("p1", self._is_p1), ("p2", self._is_p2)):
            sel = mask[eid_a] if eid_a.size else np.zeros(0, dtype=bool)
            A[f"{key}_el"] = np.concatenate([A[f"{key}_el"], eid_a[sel]])
            A[f"{key}_trim"] = np.concatenate([A[f"{key}_trim"], trim_a[sel]])
            cnt = np.bincount(tid_a[sel] - n0, minlength=n_new) if sel.any() else np.zeros(n_new, dtype=np.int64)
            A[f"{key}_ptr"] = np.concatenate([A[f"{key}_ptr"], A[f"{key}_ptr"][-1] + np.cumsum(cnt)])
        sel = self._is_cont[eid_a] if eid_a.size else np.zeros(0, dtype=bool)
        if sel.any():
            keys = np.concatenate([A["pair_key"], tid_a[sel] * self.n_el + eid_a[sel]])
            trims = np.concatenate([A["pair_trim"], trim_a[sel]])
            order = np.argsort(keys, kind="stable")
            A["pair_key"], A["pair_trim"] = keys[order], trims[order]
        A["flags"] = np.concatenate([A["flags"], np.asarray(flags_list, dtype=np.int8)])
        self._n_types = n1

    def _type_arrays(self) -> dict[str, np.ndarray]:
        return self._arrays

    # -- matching ------------------------------------------------------------------
    def candidates(self, type_id: np.ndarray) -> _Candidates:
        """Every (overlapping) match of every term, including exclude terms.

        Single-token candidates come first, in token order, then phrases in
        token order.
        """
        A = self._type_arrays()
        n = type_id.size
        # single-token terms
        ptr = A["f_ptr"]
        first = ptr[type_id]
        counts = ptr[type_id + 1] - first
        start, idx = _expand(first, counts)
        s_start = start
        s_term = A["f_term"][idx]
        s_trim = A["f_trim"][idx]
        if n < 2 or self.ph_key.size == 0:
            return _Candidates(s_start, s_start + 1, s_term, s_trim)
        # phrases: pairs of (first element at i, second element at i + 1)
        p1_ptr, p2_ptr = A["p1_ptr"], A["p2_ptr"]
        t0, t1 = type_id[:-1], type_id[1:]
        a = p1_ptr[t0 + 1] - p1_ptr[t0]
        b = p2_ptr[t1 + 1] - p2_ptr[t1]
        prod = a * b
        pos = np.flatnonzero(prod)
        if pos.size == 0:
            return _Candidates(s_start, s_start + 1, s_term, s_trim)
        rep_pos, k = _expand(np.zeros(pos.size, dtype=np.int64), prod[pos])
        rep_pos = pos[rep_pos]
        bb = b[rep_pos]
        ia, ib = k // bb, k % bb
        i1 = p1_ptr[type_id[rep_pos]] + ia
        i2 = p2_ptr[type_id[rep_pos + 1]] + ib
        ok = A["p1_trim"][i1] == 0  # a clitic ends a phrase
        key = A["p1_el"][i1[ok]] * self.n_el + A["p2_el"][i2[ok]]
        trim2 = A["p2_trim"][i2[ok]]
        rep_pos = rep_pos[ok]
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
        m_start, m_term, m_trim, m_len = m_start[alive], m_term[alive], m_trim[alive], m_len[alive]
        return _Candidates(
            np.concatenate([s_start, m_start]),
            np.concatenate([s_start + 1, m_start + m_len]),
            np.concatenate([s_term, m_term]),
            np.concatenate([s_trim, m_trim]),
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
        """Leftmost-longest, non-overlapping per lexicon; one row per span and category.

        Single-token candidates are already unique per token and category (see
        ``_update_types``) and never beat a phrase starting at or before them,
        so the phrases are resolved among themselves (leftmost-longest) and a
        single-token match survives unless a chosen phrase of its lexicon
        covers it. The order of ``c`` is kept.
        """
        if c.term.size == 0:
            return c
        multi = np.flatnonzero((c.end_tok - c.start_tok) > 1)
        if multi.size == 0:
            return c
        lex = self.term_lex[c.term]
        kept_multi = multi[self._resolve(c.start_tok[multi], c.end_tok[multi], c.term[multi], lex[multi], n_tokens)]
        keep = np.ones(c.term.size, dtype=bool)
        keep[multi] = False
        keep[kept_multi] = True
        single = np.flatnonzero((c.end_tok - c.start_tok) == 1)
        k_lex = lex[kept_multi]
        for li in np.unique(k_lex):
            sel = kept_multi[k_lex == li]
            cover = np.bincount(c.start_tok[sel], minlength=n_tokens + 1) - np.bincount(
                c.end_tok[sel], minlength=n_tokens + 1)
            covered = np.cumsum(cover)[:n_tokens] > 0
            s_idx = single[lex[single] == li]
            keep[s_idx[covered[c.start_tok[s_idx]]]] = False
        return _Candidates(c.start_tok[keep], c.end_tok[keep], c.term[keep], c.trim[keep])

    def _resolve(self, start: np.ndarray, end: np.ndarray, term: np.ndarray, lex: np.ndarray,
                 n_tokens: int) -> np.ndarray:
        """Indices of the candidates kept by leftmost-longest selection (general case)."""
        stride = n_tokens + 1
        ks = lex * stride + start
        ke = lex * stride + end
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
        i = 0
        while i < conflicts.size:
            # exact greedy inside one cluster of overlapping spans
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
        cat = self.term_cat[term[sel]]
        spec = self.term_spec[term[sel]]
        o2 = np.lexsort((term[sel], -spec, cat, ks[sel]))
        sel = sel[o2]
        cat, kss = cat[o2], ks[sel]
        first = np.ones(sel.size, dtype=bool)
        first[1:] = (kss[1:] != kss[:-1]) | (cat[1:] != cat[:-1])
        return sel[first]

    def negated(self, type_id: np.ndarray, tok_sent: np.ndarray, starts: np.ndarray, window: int) -> np.ndarray:
        """Negation flag for matches starting at token indices ``starts``."""
        flags = self._type_arrays()["flags"][type_id]
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
        # per token: is it in the scope of the nearest cue before it?
        lc = np.empty(n, dtype=np.int64)
        lb = np.empty(n, dtype=np.int64)
        lc[0] = lb[0] = -1
        lc[1:] = last_cue[:-1]
        lb[1:] = last_bound[:-1]
        in_scope = (lc >= 0) & (lc > lb)
        lc0 = np.maximum(lc, 0)
        in_scope &= tok_sent[lc0] == tok_sent
        in_scope &= (words_before - words_before[lc0]) <= window
        return in_scope[starts]


def _expand(first: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR rows with ``first`` offsets and ``counts``: (row of each item, flat index of each item)."""
    total = int(counts.sum())
    if total == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e.copy()
    row = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    offsets = np.cumsum(counts) - counts
    idx = np.repeat(first - offsets, counts)
    idx += np.arange(total, dtype=np.int64)
    return row, idx


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
    pos = index.get_indexer(table["doc_id"].astype(str))
    if value == "voice":
        code = {v: k for k, v in enumerate(schema.VOICES)}
        vals = table["voice"].map(code)
        bad = vals.isna()
        if bad.any():
            labels = sorted(set(table.loc[bad, "voice"].astype(str)))
            raise SchemaError(f"{what}: unknown voice label(s) {labels}; expected one of {list(schema.VOICES)}")
        vals = vals.to_numpy(dtype=np.int64)
    else:
        vals = table[value].to_numpy(dtype=np.int64)
    start = table["start"].to_numpy(dtype=np.int64)
    keep = pos >= 0
    pos, start, vals = pos[keep].astype(np.int64), start[keep], vals[keep]
    order = np.lexsort((start, pos))
    return _Spans(pos[order], start[order], vals[order])


def _voice_functions() -> tuple[Callable[[str], list[tuple[int, int]]], Callable[[str], list[tuple[int, int, str]]]]:
    from framing.quotes import voice_spans
    from framing.sentences import split_sentences

    return split_sentences, voice_spans


@dataclass
class _Batch:
    matches: dict | None  # column parts (see _assemble), None without matches
    n_tokens: np.ndarray  # word tokens per document of the batch
    n_docs: int


def _outlets(corpus: pd.DataFrame) -> list[str]:
    return [o if isinstance(o, str) else ("" if o is None or o != o else str(o)) for o in corpus["outlet"]]


def _iter_batches(
    corpus: pd.DataFrame,
    engine: _Engine,
    labels: _Labels,
    *,
    sentences: pd.DataFrame | None,
    voice: pd.DataFrame | None,
    negation_window: int,
    batch_chars: int = _BATCH_CHARS,
) -> Iterator[_Batch]:
    schema.require(corpus, schema.CORPUS, what="corpus")
    doc_ids = [str(d) for d in corpus["doc_id"]]
    outlets = _outlets(corpus)
    texts = _texts(corpus)
    sent_given = _spans_table(sentences, doc_ids, "sentence_id", "sentences table")
    voice_given = _spans_table(voice, doc_ids, "voice", "voice table")
    split_sentences, voice_spans = _voice_functions()
    i = 0
    n_docs = len(texts)
    while i < n_docs:
        j, size = i, 0
        while j < n_docs and (size == 0 or size + len(texts[j]) <= batch_chars):
            size += len(texts[j]) + len(_SEPARATOR)
            j += 1
        if sent_given is None and voice_given is None:
            sent, vox = _computed_sentences_and_voice(texts[i:j])
        else:
            sent = sent_given.rows(i, j) if sent_given is not None else _computed_sentences(texts[i:j], split_sentences)
            vox = voice_given.rows(i, j) if voice_given is not None else _computed_voice(texts[i:j], voice_spans)
        yield _match_batch(engine, doc_ids[i:j], outlets[i:j], texts[i:j], sent, vox, negation_window, labels)
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
    spans are reused instead of splitting the document a second time.
    """
    from framing.quotes import _find, _voice_with_ids
    from framing.sentences import split_sentences

    sentence_lists: list[list[tuple[int, int]]] = []
    voice_lists: list[list[tuple[int, int, str]]] = []
    for text in texts:
        if not text:
            sentence_lists.append([])
            voice_lists.append([])
            continue
        found, sents = _find(text, True)
        if not sents and text.strip():
            sents = split_sentences(text)
        sentence_lists.append(sents)
        voice_lists.append([(a, b, v) for a, b, v, _ in _voice_with_ids(text, found)])
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
    """The distinct evidence strings of one ``find`` call (categories of the ``match`` column)."""

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.index: dict[str, int] = {}
        self._gen = -1
        self._by_key = np.zeros(0, dtype=np.int64)  # (type id * 4 + trim) -> label code, -1 unknown

    def _code(self, label: str) -> int:
        code = self.index.get(label)
        if code is None:
            code = len(self.labels)
            self.index[label] = code
            self.labels.append(label)
        return code

    def codes(self, keys: np.ndarray, scanner: TokenScanner) -> np.ndarray:
        if scanner.generation != self._gen:
            self._gen = scanner.generation
            self._by_key = np.zeros(0, dtype=np.int64)
        size = 4 * len(scanner.types)
        if self._by_key.size < size:
            self._by_key = np.concatenate([self._by_key, np.full(size - self._by_key.size, -1, dtype=np.int64)])
        got = self._by_key[keys]
        lacking = keys[got < 0]
        if lacking.size:
            mark = np.zeros(self._by_key.size, dtype=bool)
            mark[lacking] = True
            missing = np.flatnonzero(mark)  # sorted and distinct, as np.unique gives them
            types = scanner.types
            new = [self._code(types[k >> 2][: len(types[k >> 2]) - (k & 3)]) for k in missing.tolist()]
            self._by_key[missing] = new
            got = self._by_key[keys]
        return got

    def strings(self, values: list[str]) -> np.ndarray:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object))
        table = np.fromiter((self._code(v) for v in uniques), dtype=np.int64, count=len(uniques))
        return table[codes]


def _match_batch(
    engine: _Engine,
    doc_ids: list[str],
    outlets: list[str],
    texts: list[str],
    sent_spans: tuple[np.ndarray, ...],
    voice_spans: tuple[np.ndarray, ...],
    negation_window: int,
    labels: _Labels,
) -> _Batch:
    big = _SEPARATOR.join(texts)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc_start = np.concatenate(([0], np.cumsum(lens + len(_SEPARATOR))[:-1])).astype(np.int64)
    toks = engine.scanner.scan(big)
    engine._update_types()
    n = toks.type_id.size
    tok_doc = np.searchsorted(doc_start, toks.start, side="right") - 1
    flags = engine._type_arrays()["flags"]
    words = (flags[toks.type_id] & 1).astype(bool) if n else np.zeros(0, dtype=bool)
    n_tok = np.bincount(tok_doc[words], minlength=len(texts)).astype(np.int64)

    c = engine.candidates(toks.type_id)
    c = engine.apply_excludes(c)
    c = engine.select(c, n)
    if c.term.size == 0:
        return _Batch(None, n_tok, len(texts))
    order = np.argsort(c.start_tok, kind="stable")  # already nearly sorted: phrases were appended
    start_tok, end_tok, term, trim = c.start_tok[order], c.end_tok[order], c.term[order], c.trim[order]
    s_glob, s_val, _ = _with_sentinels(len(texts), sent_spans, doc_start)
    v_glob, v_val, _ = _with_sentinels(len(texts), voice_spans, doc_start)
    tok_sent = np.searchsorted(s_glob, toks.start, side="right") - 1  # batch-global sentence row
    neg = engine.negated(toks.type_id, tok_sent, start_tok, negation_window)
    gs = toks.start[start_tok]
    ge = toks.end[end_tok - 1] - trim
    doc = tok_doc[start_tok]
    sent = s_val[tok_sent[start_tok]]
    voice_idx = v_val[np.searchsorted(v_glob, toks.start, side="right") - 1].astype(np.int8)[start_tok]
    # evidence strings: a single token is looked up by (type, clitic trim), phrases are sliced
    single = (end_tok - start_tok) == 1
    match_codes = np.empty(gs.size, dtype=np.int64)
    match_codes[single] = labels.codes(toks.type_id[start_tok[single]] * 4 + trim[single], engine.scanner)
    if not single.all():
        match_codes[~single] = _phrase_codes(big, toks, start_tok[~single], end_tok[~single], trim[~single],
                                             gs[~single], ge[~single], engine.scanner, labels)
    parts = {
        "doc": doc,
        "sentence_id": sent.astype(np.int64),
        "start": gs - doc_start[doc],
        "end": ge - doc_start[doc],
        "match": match_codes,
        "term": term,
        "voice": voice_idx,
        "negated": neg.astype(bool),
    }
    return _Batch(parts, n_tok, len(texts))


def _phrase_codes(big: str, toks, start_tok: np.ndarray, end_tok: np.ndarray, trim: np.ndarray,
                  gs: np.ndarray, ge: np.ndarray, scanner: TokenScanner, labels: _Labels) -> np.ndarray:
    """Label codes of the evidence of phrase matches (same codes, in the same order, as
    ``labels.strings`` of the sliced texts).

    Two-word matches whose words are one whitespace character apart (most of them) are
    identified by (first type, separator, second type, clitic trim) with integer keys, so only
    the distinct ones are turned into strings; the others are sliced from the text.
    """
    types = scanner.types
    n_types = len(types)
    t_a = toks.type_id[start_tok]
    t_b = toks.type_id[np.minimum(start_tok + 1, toks.type_id.size - 1)]
    gap_at = toks.end[start_tok]
    fast = ((end_tok - start_tok) == 2) & (toks.start[np.minimum(start_tok + 1, toks.start.size - 1)] == gap_at + 1)
    fast &= n_types < 2_000_000
    f_idx = np.flatnonzero(fast)
    s_idx = np.flatnonzero(~fast)
    if f_idx.size:
        codes, _ = _codes_and_space(big)
        gap = codes[gap_at[f_idx]].astype(np.int64)
        fast_ok = gap < _GAP_CODES
        if not fast_ok.all():  # an unusual separator: slice these too
            s_idx = np.sort(np.concatenate([s_idx, f_idx[~fast_ok]]))
            f_idx, gap = f_idx[fast_ok], gap[fast_ok]
    combined = np.empty(start_tok.size, dtype=np.int64)
    n_fast = 0
    if f_idx.size:
        key = ((t_a[f_idx] * n_types + t_b[f_idx]) * 4 + trim[f_idx]) * _GAP_CODES + gap
        f_codes, f_uniq = pd.factorize(key)
        combined[f_idx] = f_codes
        n_fast = len(f_uniq)
    if s_idx.size:
        s_codes, s_uniq = pd.factorize(np.asarray(
            [big[a:b] for a, b in zip(gs[s_idx].tolist(), ge[s_idx].tolist())], dtype=object))
        combined[s_idx] = s_codes + n_fast
    # distinct keys are distinct strings; ordered by first occurrence, as factorize of the strings
    c_codes, c_uniq = pd.factorize(combined)
    strings = []
    for c in np.asarray(c_uniq).tolist():
        if c < n_fast:
            k = int(f_uniq[c])
            k, g = divmod(k, _GAP_CODES)
            k, tr = divmod(k, 4)
            a, b = divmod(k, n_types)
            second = types[b]
            strings.append(types[a] + chr(g) + second[: len(second) - tr])
        else:
            strings.append(s_uniq[c - n_fast])
    table = np.fromiter((labels._code(v) for v in strings), dtype=np.int64, count=len(strings))
    return table[c_codes]


_GAP_CODES = 0x3001  # separator characters up to U+3000 (the whitespace of the tokenizer)


def _assemble(parts: list[dict], engine: _Engine, doc_ids: list[str], outlets: list[str], offsets: list[int],
              labels: _Labels) -> pd.DataFrame:
    """Concatenate batch parts into the matches table (string columns as categoricals)."""
    if not parts:
        return _empty_matches()
    doc = np.concatenate([p["doc"] + off for p, off in zip(parts, offsets)])
    term = np.concatenate([p["term"] for p in parts])
    doc_codes, doc_uniques = pd.factorize(np.asarray(doc_ids, dtype=object))
    out_codes, out_uniques = pd.factorize(np.asarray(outlets, dtype=object))

    def cat(table: np.ndarray | None, codes: np.ndarray, labels) -> pd.Categorical:
        # codes are built in the smallest integer type first (the one pandas keeps), and are valid
        # by construction, so the check of every one of millions of codes is skipped
        dtype = _code_dtype(len(labels))
        if table is not None:
            codes = table.astype(dtype)[codes]
        else:
            codes = codes.astype(dtype, copy=False)
        return pd.Categorical.from_codes(
            codes, dtype=pd.CategoricalDtype(pd.Index(list(labels), dtype="str")), validate=False)

    match = cat(None, np.concatenate([p["match"] for p in parts]), labels.labels)
    columns = {
        "doc_id": cat(doc_codes, doc, doc_uniques),
        "outlet": cat(out_codes, doc, out_uniques),
        "sentence_id": np.concatenate([p["sentence_id"] for p in parts]),
        "start": np.concatenate([p["start"] for p in parts]),
        "end": np.concatenate([p["end"] for p in parts]),
        "match": match,
        "lexicon": cat(engine.term_lex, term, engine.lex_labels),
        "category": cat(engine.cat_code[engine.term_cat], term, engine.cat_labels),
        "term": cat(engine.term_code, term, engine.term_labels),
        "voice": cat(None, np.concatenate([p["voice"] for p in parts]), schema.VOICES),
        "negated": np.concatenate([p["negated"] for p in parts]),
    }
    # the arrays are new and owned by the table: no copy into consolidated blocks
    return pd.DataFrame(columns, columns=list(schema.MATCHES), copy=False)


def _code_dtype(n_labels: int) -> type:
    for dtype in (np.int8, np.int16, np.int32):
        if n_labels < np.iinfo(dtype).max:
            return dtype
    return np.int64


def _empty_matches() -> pd.DataFrame:
    out = {}
    for c in schema.MATCHES:
        if c in ("sentence_id", "start", "end"):
            out[c] = pd.Series([], dtype="int64")
        elif c == "negated":
            out[c] = pd.Series([], dtype="bool")
        else:
            labels = schema.VOICES if c == "voice" else []
            out[c] = pd.Series(pd.Categorical([], categories=pd.Index(list(labels), dtype="str")))
    return pd.DataFrame(out, columns=list(schema.MATCHES))


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
        The string columns are pandas categoricals (string categories), so
        that a large lexicon's millions of matches stay small in memory;
        ``.astype(str)`` gives plain strings. A document without matches
        has no rows (its zeros are in :func:`score`).

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
    found, _ = _find_all(corpus, engine, sentences=sentences, voice=voice,
                         negation_window=int(negation_window), progress=progress)
    return found


def _find_all(corpus: pd.DataFrame, engine: _Engine, *, sentences, voice, negation_window: int,
              progress) -> tuple[pd.DataFrame, np.ndarray]:
    parts, offsets, n_tok = [], [], []
    done = 0
    labels = _Labels()
    for batch in _iter_batches(corpus, engine, labels, sentences=sentences, voice=voice,
                               negation_window=negation_window):
        if batch.matches is not None:
            parts.append(batch.matches)
            offsets.append(done)
        n_tok.append(batch.n_tokens)
        done += batch.n_docs
        if progress is not None:
            progress(batch.n_docs)
    doc_ids = [str(d) for d in corpus["doc_id"]]
    found = _assemble(parts, engine, doc_ids, _outlets(corpus), offsets, labels)
    return found, (np.concatenate(n_tok) if n_tok else np.zeros(0, dtype=np.int64))


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
        found, n_tok = _find_all(corpus, engine, sentences=sentences, voice=voice,
                                 negation_window=int(negation_window), progress=progress)
    else:
        schema.require(matches, schema.MATCHES, what="matches table")
        found = matches
        n_tok = n_tokens(_texts(corpus))
    return _score_table(corpus, engine, found, n_tok, negated)


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
        doc_index = pd.Index(doc_ids)
        if not doc_index.is_unique:
            raise SchemaError("the corpus has duplicate doc_id values; scores need one row per document")
        d_idx = _indexer(doc_index, found["doc_id"])
        lex_i = _indexer(pd.Index([lx.name for lx in engine.lexicons]), found["lexicon"])
        name_i = _indexer(pd.Index(engine.cat_labels), found["category"])
        table = np.full((len(engine.lexicons) + 1, len(engine.cat_labels) + 1), -1, dtype=np.int64)
        for g, (li, _) in enumerate(engine.cat_names):
            table[li, engine.cat_code[g]] = g
        c_idx = table[lex_i, name_i]  # -1 indexes the sentinel row/column
        v_idx = _indexer(pd.Index(list(schema.VOICES)), found["voice"])
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


def _indexer(index: pd.Index, values: pd.Series) -> np.ndarray:
    """Positions of ``values`` in ``index`` (-1 if absent), fast for categorical columns."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = index.get_indexer(values.cat.categories.astype(str))
        codes = values.cat.codes.to_numpy()
        return np.where(codes >= 0, cats[codes], -1).astype(np.int64)
    return index.get_indexer(values.astype(str)).astype(np.int64)


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
