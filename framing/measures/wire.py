"""Wire copy: which documents share agency copy, and what each outlet changed.

News outlets often run the same agency dispatch (AFP, AP, Reuters) with their
own edits: a sentence cut, a background paragraph added, a label swapped.
:func:`wire_pairs` finds such pairs, :func:`edits` aligns their sentences and
lists the word-level changes, and :func:`on_edits` runs any framing measure
(:func:`framing.find`, :func:`framing.casualties`, ...) and keeps only what
falls in the edited parts, so a user sees what each outlet added, cut or
reworded.

Comparison is tolerant of typography only: curly and straight quotes,
``--``, en and em dashes, non-breaking spaces and runs of white space compare
equal. Spelling ("labelled"/"labeled"), capitalisation and word choice are
real edits and are reported.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing import schema
from framing._checks import check_count, check_option
from framing.errors import SchemaError
from framing.text.tokens import TOKEN_PATTERN, TOKEN_RE

__all__ = ["wire_pairs", "edits", "on_edits", "normalise_typography", "EDIT_EXTRA_COLUMNS"]

_BLOCK = 256  # rows per block of the pairwise shingle product

#: columns :func:`edits` adds after :data:`framing.schema.EDITS`
EDIT_EXTRA_COLUMNS = ("similarity", "start_a", "end_a", "start_b", "end_b")

_TYPO = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "\u2014", "\u2012": "\u2014", "\u2015": "\u2014", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
    }
)
_DOUBLE_HYPHEN = re.compile(r"\s*(?:--+|\u2014)\s*")
_SPACES = re.compile(r"\s+")
#: the library's token pattern, with a run of hyphens kept as one dash
_TOKEN = re.compile(r"--+|" + TOKEN_PATTERN)


def normalise_typography(text: str) -> str:
    """Text with typographic variants made equal (quotes, dashes, spaces), nothing else.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        NFKC-normalised text with curly quotes straightened, ``--``, en and
        em dashes written as one em dash with spaces around it, and white
        space collapsed. Letters, spelling and case are untouched.
    """
    text = unicodedata.normalize("NFKC", text).translate(_TYPO)
    text = _DOUBLE_HYPHEN.sub(" \u2014 ", text)
    return _SPACES.sub(" ", text).strip()


def _words(text: str) -> list[str]:
    return TOKEN_RE.findall(normalise_typography(text))


def _word_spans(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Typography-normalised word tokens of ``text`` with their offsets in the original text."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        if not w.isascii():
            w = unicodedata.normalize("NFKC", w).translate(_TYPO)
            if not w.strip():  # only characters normalisation removes (e.g. zero-width space)
                continue
        if w[0] == "-" and len(w) > 1 or w in ("\u2014",):
            w = "\u2014"
        out.append((w, offset + m.start(), offset + m.end()))
    # a period or comma inside or outside a closing quote is house style, not an edit:
    # compare both as quote-then-punctuation
    for k in range(len(out) - 1):
        (p, _, pe), (q, qs, qe) = out[k], out[k + 1]
        closing = qe - offset >= len(text) or not text[qe - offset].isalnum()
        if p in (".", ",") and q in ('"', "'") and pe == qs and closing:
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _corpus_lookup(corpus: pd.DataFrame) -> dict[str, tuple[str, str]]:
    schema.require(corpus, schema.CORPUS, what="corpus")
    ids = corpus["doc_id"].astype(str)
    return dict(zip(ids, zip(corpus["outlet"].astype(str), corpus["text"].astype(str))))


def wire_pairs(
    corpus: pd.DataFrame,
    *,
    shingle: int = 5,
    min_similarity: float = 0.0,
) -> pd.DataFrame:
    """Pairs of documents that share copy, most similar first.

    Each document becomes the set of its word ``shingle``-grams (after
    :func:`normalise_typography` and lower-casing); the similarity of two
    documents is the cosine of their binary shingle vectors,
    ``|A ∩ B| / sqrt(|A| |B|)``, computed with one sparse product for all
    pairs. Copies of one dispatch share long word sequences and score far
    above articles that merely cover the same event.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    shingle : int, default 5
        Words per shingle (at least 1).
    min_similarity : float, default 0.0
        Only pairs with a similarity strictly above this are returned. With
        the default every pair that shares at least one shingle is listed;
        raise it (e.g. to 0.2) on large corpora.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_a``, ``doc_b`` (``doc_a`` comes first in the corpus),
        ``similarity`` (0 to 1) and ``shared_sentences`` (distinct
        sentences both documents print whole, identical up to typography:
        the ``same`` rows of :func:`edits`), sorted by decreasing similarity.

    Raises
    ------
    framing.errors.SchemaError
        If the corpus lacks a required column or ``shingle`` is below 1.
    """
    from sklearn.feature_extraction.text import HashingVectorizer

    lookup = _corpus_lookup(corpus)
    check_count("shingle", shingle, minimum=1)
    ids = list(lookup)
    columns = list(schema.WIRE_PAIRS)
    if len(ids) < 2:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "similarity" else "object") for c in columns})
    docs = [" ".join(w.lower() for w in _words(lookup[d][1]) if w[:1].isalnum()) for d in ids]
    # hashed shingles: no vocabulary to hold in memory (2**24 buckets make collisions negligible)
    vec = HashingVectorizer(
        analyzer="word", ngram_range=(shingle, shingle), binary=True, lowercase=False, token_pattern=r"\S+",
        n_features=2**24, alternate_sign=False, norm=None, dtype=np.float64,
    )
    x = vec.transform(docs)
    if x.nnz == 0:  # no document has enough words for one shingle
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "similarity" else "object") for c in columns})
    sizes = np.asarray(x.sum(axis=1)).ravel()
    x = x.tocsr()
    xt = x.T.tocsc()
    found_r, found_c, found_s = [], [], []
    # blocks of rows bound the memory of the pairwise product on large corpora
    for lo in range(0, x.shape[0], _BLOCK):
        inter = (x[lo : lo + _BLOCK] @ xt).tocoo()
        rows_ = inter.row + lo
        keep = rows_ < inter.col
        r, c, v = rows_[keep], inter.col[keep], inter.data[keep]
        denom = np.sqrt(sizes[r] * sizes[c])
        sim = np.divide(v, denom, out=np.zeros_like(v), where=denom > 0)
        mask = sim > min_similarity
        found_r.append(r[mask])
        found_c.append(c[mask])
        found_s.append(sim[mask])
    r, c, sim = np.concatenate(found_r), np.concatenate(found_c), np.concatenate(found_s)
    counts = _shared_sentence_counts(lookup, ids, set(r.tolist()) | set(c.tolist()))
    shared = [counts.get((int(i), int(j)), 0) for i, j in zip(r, c)]
    table = pd.DataFrame(
        {
            "doc_a": [ids[i] for i in r],
            "doc_b": [ids[j] for j in c],
            "similarity": sim.astype("float64"),
            "shared_sentences": np.asarray(shared, dtype="int64"),
        },
        columns=columns,
    )
    return table.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def _shared_sentence_counts(
    lookup: dict[str, tuple[str, str]], ids: list[str], wanted: set[int]
) -> dict[tuple[int, int], int]:
    """Distinct sentences two documents share (identical up to typography), for every pair at once."""
    from collections import defaultdict
    from itertools import combinations

    from framing.text.sentences import split_sentences

    holders: dict[str, list[int]] = defaultdict(list)
    for i in sorted(wanted):
        text = lookup[ids[i]][1]
        keys = {" ".join(w for w, _, _ in _word_spans(text[s:e], 0)) for s, e in split_sentences(text)}
        for key in keys:
            if any(ch.isalnum() for ch in key):
                holders[key].append(i)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for docs in holders.values():
        for i, j in combinations(docs, 2):
            counts[(i, j)] += 1
    return counts


def _similarity(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _align(words_a: list[list[str]], words_b: list[list[str]], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one sentence matching maximising total similarity (moved sentences allowed)."""
    from scipy.optimize import linear_sum_assignment

    if not words_a or not words_b:
        return []
    sets_a = [set(w.lower() for w in ws) for ws in words_a]
    sets_b = [set(w.lower() for w in ws) for ws in words_b]
    sim = np.zeros((len(words_a), len(words_b)))
    for i, (wa, sa) in enumerate(zip(words_a, sets_a)):
        for j, (wb, sb) in enumerate(zip(words_b, sets_b)):
            union = len(sa | sb)
            if union == 0 or len(sa & sb) / union < threshold / 2:
                continue
            sim[i, j] = _similarity(wa, wb)
    rows, cols = linear_sum_assignment(-sim)
    return [(int(i), int(j), float(sim[i, j])) for i, j in zip(rows, cols) if sim[i, j] >= threshold]


def _word_diff(
    spans_a: list[tuple[str, int, int]], spans_b: list[tuple[str, int, int]], text_a: str, text_b: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans deleted from a and inserted in b (replacements count as both)."""
    sm = difflib.SequenceMatcher(None, [w for w, _, _ in spans_a], [w for w, _, _ in spans_b], autojunk=False)
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("delete", "replace") and i2 > i1:
            deleted.append((spans_a[i1][1], spans_a[i2 - 1][2]))
        if tag in ("insert", "replace") and j2 > j1:
            inserted.append((spans_b[j1][1], spans_b[j2 - 1][2]))
    return deleted, inserted


def _sentences_of(text: str) -> list[tuple[int, int, int]]:
    from framing.text.sentences import split_sentences

    return [(k, s, e) for k, (s, e) in enumerate(split_sentences(text))]


def _edit_rows(
    corpus: pd.DataFrame, doc_a: str, doc_b: str, threshold: float
) -> tuple[list[dict[str, Any]], dict[str, list[tuple[int, int, str]]]]:
    lookup = _corpus_lookup(corpus)
    for d in (doc_a, doc_b):
        if d not in lookup:
            raise SchemaError(f"doc_id {d!r} is not in the corpus; doc_ids found: {sorted(lookup)[:20]}")
    text_a, text_b = lookup[doc_a][1], lookup[doc_b][1]
    sent_a, sent_b = _sentences_of(text_a), _sentences_of(text_b)
    spans_a = [_word_spans(text_a[s:e], s) for _, s, e in sent_a]
    spans_b = [_word_spans(text_b[s:e], s) for _, s, e in sent_b]
    words_a = [[w for w, _, _ in sp] for sp in spans_a]
    words_b = [[w for w, _, _ in sp] for sp in spans_b]
    pairs = _align(words_a, words_b, threshold)
    match_a = {i: (j, s) for i, j, s in pairs}
    match_b = {j: i for i, j, _ in pairs}
    rows: list[dict[str, Any]] = []
    edit_spans: dict[str, list[tuple[int, int, str]]] = {doc_a: [], doc_b: []}

    def row(op: str, i: int | None, j: int | None, sim: float, inserted: str, deleted: str) -> dict[str, Any]:
        return {
            "doc_a": doc_a, "doc_b": doc_b, "op": op,
            "sentence_id_a": sent_a[i][0] if i is not None else None,
            "sentence_id_b": sent_b[j][0] if j is not None else None,
            "text_a": text_a[sent_a[i][1] : sent_a[i][2]] if i is not None else None,
            "text_b": text_b[sent_b[j][1] : sent_b[j][2]] if j is not None else None,
            "inserted": inserted, "deleted": deleted, "similarity": sim,
            "start_a": sent_a[i][1] if i is not None else None, "end_a": sent_a[i][2] if i is not None else None,
            "start_b": sent_b[j][1] if j is not None else None, "end_b": sent_b[j][2] if j is not None else None,
        }

    # b sentences without a match go after the a row that matches the b sentence before them
    pending_b: dict[int, list[int]] = {}
    last_a = -1
    for j in range(len(sent_b)):
        if j in match_b:
            last_a = match_b[j]
        else:
            pending_b.setdefault(last_a, []).append(j)
    order: list[tuple[str, int | None, int | None]] = [("only_b", None, j) for j in pending_b.get(-1, [])]
    for i in range(len(sent_a)):
        order.append(("a", i, None))
        order.extend(("only_b", None, j) for j in pending_b.get(i, []))
    for kind, i, j in order:
        if kind == "only_b":
            if not words_b[j]:
                continue
            s, e = sent_b[j][1], sent_b[j][2]
            edit_spans[doc_b].append((s, e, "only_b"))
            rows.append(row("only_b", None, j, 0.0, "", ""))
            continue
        if not words_a[i]:
            continue
        if i not in match_a:
            s, e = sent_a[i][1], sent_a[i][2]
            edit_spans[doc_a].append((s, e, "only_a"))
            rows.append(row("only_a", i, None, 0.0, "", ""))
            continue
        j, sim = match_a[i]
        if words_a[i] == words_b[j]:
            rows.append(row("same", i, j, 1.0, "", ""))
            continue
        deleted, inserted = _word_diff(spans_a[i], spans_b[j], text_a, text_b)
        edit_spans[doc_a].extend((s, e, "changed") for s, e in deleted)
        edit_spans[doc_b].extend((s, e, "changed") for s, e in inserted)
        rows.append(
            row(
                "changed", i, j, sim,
                "; ".join(text_b[s:e] for s, e in inserted),
                "; ".join(text_a[s:e] for s, e in deleted),
            )
        )
        # the whole changed sentence is context for measures run on edits
        edit_spans[doc_a].append((sent_a[i][1], sent_a[i][2], "changed_sentence"))
        edit_spans[doc_b].append((sent_b[j][1], sent_b[j][2], "changed_sentence"))
    return rows, edit_spans


def edits(corpus: pd.DataFrame, doc_a: str, doc_b: str, *, threshold: float = 0.5) -> pd.DataFrame:
    """Sentence-by-sentence alignment of two documents and their word-level edits.

    Sentences (:func:`framing.split_sentences`) are compared as word
    sequences after :func:`normalise_typography`; two sentences match when
    their :class:`difflib.SequenceMatcher` ratio reaches ``threshold``, and
    the one-to-one matching with the highest total similarity is kept
    (:func:`scipy.optimize.linear_sum_assignment`), so sentences an editor
    moved are still found.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    doc_a, doc_b : str
        The two documents (e.g. a row of :func:`wire_pairs`).
    threshold : float, default 0.5
        Lowest similarity for two sentences to count as one edited sentence.

    Returns
    -------
    pandas.DataFrame
        One row per sentence of either document, in the order of ``doc_a``
        (sentences only ``doc_b`` has follow the ``doc_b`` sentence before
        them), with columns

        - ``doc_a``, ``doc_b``: the two documents;
        - ``op``: ``same`` (identical up to typography), ``changed``,
          ``only_a`` or ``only_b``;
        - ``sentence_id_a``, ``sentence_id_b``: sentence numbers (as in
          :func:`framing.sentences`), missing on the side without the sentence;
        - ``text_a``, ``text_b``: the sentences as written;
        - ``inserted``: for ``changed``, the runs of words ``doc_b`` has and
          ``doc_a`` has not, "; "-joined; otherwise "";
        - ``deleted``: for ``changed``, the runs ``doc_a`` has and ``doc_b``
          has not (a replaced word is deleted and inserted);
        - ``similarity``: sentence similarity (1 for ``same``, 0 for one-sided);
        - ``start_a``, ``end_a``, ``start_b``, ``end_b``: the sentences'
          offsets in each document's ``text``.

    Raises
    ------
    framing.errors.SchemaError
        If a column is missing or a doc_id is not in the corpus.
    """
    rows, _ = _edit_rows(corpus, str(doc_a), str(doc_b), threshold)
    columns = list(schema.EDITS) + list(EDIT_EXTRA_COLUMNS)
    table = pd.DataFrame(rows, columns=columns)
    for col in ("sentence_id_a", "sentence_id_b", "start_a", "end_a", "start_b", "end_b"):
        table[col] = table[col].astype("Int64")
    table["similarity"] = table["similarity"].astype("float64")
    return table


def on_edits(
    corpus: pd.DataFrame,
    measure: Callable[..., pd.DataFrame],
    doc_a: str,
    doc_b: str,
    *,
    changed: Literal["words", "sentence"] = "words",
    threshold: float = 0.5,
    **kwargs: Any,
) -> pd.DataFrame:
    """Run a framing measure on two documents and keep what lies in their edits.

    The measure runs on the *whole* documents, so sentence ids, quotes and
    voice are those of the full text and every offset still indexes the
    original ``text``; rows are then kept when their ``[start, end)`` span
    overlaps an edited part of their document: a sentence only that
    document has, or (for sentences both have) a run of words the other
    version lacks.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    measure : callable
        A function taking a corpus first and returning a table with
        ``doc_id``, ``start`` and ``end``: :func:`framing.find`,
        :func:`framing.casualties`, :func:`framing.actor_labels`, ...
        (``on_edits(measure, corpus, ...)``, the order of earlier releases, still
        works with a :class:`FutureWarning`.)
    doc_a, doc_b : str
        The two documents.
    changed : {"words", "sentence"}, default "words"
        For changed sentences, keep rows that overlap an inserted or deleted
        word run (``"words"``), or any row in a changed sentence
        (``"sentence"``).
    threshold : float, default 0.5
        Passed to :func:`edits`.
    **kwargs
        Passed to ``measure``.

    Returns
    -------
    pandas.DataFrame
        The measure's own columns, for rows in the edited parts, plus
        ``op``: ``only_a`` or ``only_b`` (the row's sentence is in one version
        only) or ``changed`` (the row overlaps reworded text), and
        ``side``: ``"a"`` or ``"b"``.

    Raises
    ------
    framing.errors.SchemaError
        If the measure's table lacks ``doc_id``, ``start`` or ``end``, or a
        doc_id is not in the corpus.
    """
    if callable(corpus) and isinstance(measure, pd.DataFrame):
        warnings.warn("on_edits takes the corpus first now: on_edits(corpus, measure, doc_a, doc_b); "
                      "the old order will be refused in the next release", FutureWarning, stacklevel=2)
        corpus, measure = measure, corpus
    check_option("changed", changed, ("words", "sentence"))
    doc_a, doc_b = str(doc_a), str(doc_b)
    _, spans = _edit_rows(corpus, doc_a, doc_b, threshold)
    sub = corpus[corpus["doc_id"].astype(str).isin([doc_a, doc_b])]
    table = measure(sub, **kwargs)
    schema.require(table, ("doc_id", "start", "end"), what=f"table returned by {getattr(measure, '__name__', measure)}")
    wanted = {"only_a", "only_b", "changed" if changed == "words" else "changed_sentence"}
    ops: list[str | None] = []
    for d, s, e in zip(table["doc_id"].astype(str), table["start"], table["end"]):
        op = None
        for a, b, kind in spans.get(d, []):
            if kind in wanted and s < b and e > a:
                op = "changed" if kind.startswith("changed") else kind
                break
        ops.append(op)
    out = table.assign(op=ops)
    out = out[out["op"].notna()].copy()
    out["side"] = np.where(out["doc_id"].astype(str) == doc_a, "a", "b")
    return out.reset_index(drop=True)
