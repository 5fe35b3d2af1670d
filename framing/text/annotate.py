"""One annotation pass: the sentence, quote and voice tables of a corpus, built once and read by every measure.

Every measure of the library reads the same three judgements about a document: where its sentences are,
where its quotations are (and whose they are), and which voice each character is in. :func:`annotate`
makes them in one pass over the corpus (finding each document's quotes once, and reusing the sentence
spans that quote attribution computes) and returns an :class:`Annotations`; :func:`framing.find`,
:func:`framing.score`, :func:`framing.actor_labels`, :func:`framing.attributions` and
:func:`framing.casualties` take it as ``annotations=`` instead of recomputing it::

    ann = framing.annotate(corpus)
    matches = framing.find(corpus, annotations=ann)
    scores = framing.score(corpus, matches=matches, annotations=ann)
    labels = framing.actor_labels(corpus, actors, annotations=ann, matches=matches)

The tables are the ones :func:`framing.sentences`, :func:`framing.quotes` and :func:`framing.voice` return.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing import registry, schema
from framing.errors import SchemaError
from framing.text.quotes import QUOTES_EXTRA, analyse_quotes
from framing.text.voice import quote_voice, voice_with_ids
from framing.text.sentences import split_sentences

__all__ = ["Annotations", "annotate", "quotes", "voice"]

_QUOTE_DTYPES = {"doc_id": "str", "quote_id": "int64", "sentence_id": "int64", "start": "int64", "end": "int64",
                 "text": "str", "kind": "str", "speaker": "str", "verb": "str", "outlet": "str",
                 "speaker_start": "Int64", "speaker_end": "Int64", "verb_start": "Int64", "verb_end": "Int64",
                 "speaker_name": "str"}


@dataclass(frozen=True)
class Annotations:
    """The sentence, quote and voice tables of one corpus.

    Attributes
    ----------
    sentences : pandas.DataFrame
        :data:`framing.schema.SENTENCES`, as :func:`framing.sentences` returns it.
    quotes : pandas.DataFrame
        :data:`framing.schema.QUOTES` and ``outlet, speaker_start, speaker_end, verb_start, verb_end,
        speaker_name``, as
        :func:`framing.quotes` returns it.
    voice : pandas.DataFrame
        :data:`framing.schema.VOICE` and ``quote_id``, as :func:`framing.voice` returns it.
    doc_ids : tuple of str
        The documents annotated, in corpus order.
    resolve_pronouns : bool
        Whether quote speakers that are pronouns were resolved (see :func:`framing.quotes`).
    text_digest : str
        A hash of the texts annotated, so annotations are never applied to other texts under the same ids.
    """

    sentences: pd.DataFrame
    quotes: pd.DataFrame
    voice: pd.DataFrame
    doc_ids: tuple[str, ...]
    resolve_pronouns: bool = True
    text_digest: str = ""
    _voice_lists: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict, repr=False, compare=False)
    _sentence_lists: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False, compare=False)

    def check(self, corpus: pd.DataFrame) -> None:
        """Raise :class:`~framing.errors.SchemaError` unless these annotations are of ``corpus``'s documents."""
        ids = tuple(str(d) for d in corpus["doc_id"])
        if ids != self.doc_ids:
            known = set(self.doc_ids)
            missing = [d for d in ids if d not in known][:3]
            raise SchemaError(
                "the annotations are not of this corpus (made by framing.annotate on other documents"
                + (f", e.g. no annotation of {missing}" if missing else ", or in another order")
                + "); annotate this corpus"
            )
        if _digest(corpus["text"]) != self.text_digest:
            raise SchemaError("the annotations were made from other texts under the same doc_ids "
                              "(e.g. before cleaning); annotate this corpus")

    def voice_spans(self, doc_id: str) -> list[tuple[int, int, str]]:
        """The voice spans ``(start, end, voice)`` of one document, as :func:`framing.text.voice_spans` gives them."""
        return self._voice_lists.get(str(doc_id), [])

    def sentence_spans(self, doc_id: str) -> list[tuple[int, int]]:
        """The sentence spans ``(start, end)`` of one document, as :func:`framing.text.split_sentences` gives them."""
        return self._sentence_lists.get(str(doc_id), [])


def _column(values: list, dtype: str) -> pd.Series:
    """A column of ``dtype``; integers go through numpy (pandas checks a list of them value by value)."""
    if dtype == "int64":
        return pd.Series(np.array(values, dtype=np.int64))
    return pd.Series(values, dtype=dtype)


def _quote_columns() -> dict[str, list]:
    return {c: [] for c in schema.QUOTES + QUOTES_EXTRA}


def _add_quotes(cols: dict[str, list], doc_id, outlet, text: str, found, sents: list[tuple[int, int]]) -> None:
    """Append one document's quotes to ``cols``, each with the sentence of its opening mark in ``sents``."""
    starts = [a for a, _ in sents]
    for qid, q in enumerate(found):
        for col, value in (("doc_id", doc_id), ("quote_id", qid),
                           ("sentence_id", max(bisect.bisect_right(starts, q.open_start) - 1, 0)),
                           ("start", q.start), ("end", q.end), ("text", text[q.start:q.end]), ("kind", q.kind),
                           ("speaker", q.speaker), ("verb", q.verb), ("outlet", outlet),
                           ("speaker_start", q.speaker_start), ("speaker_end", q.speaker_end),
                           ("verb_start", q.verb_start), ("verb_end", q.verb_end),
                           ("speaker_name", q.speaker_name)):
            cols[col].append(value)


def _quote_frame(cols: dict[str, list]) -> pd.DataFrame:
    return pd.DataFrame({c: _column(v, _QUOTE_DTYPES[c]) for c, v in cols.items()})


def _voice_columns() -> dict[str, list]:
    return {"doc_id": [], "start": [], "end": [], "voice": [], "quote_id": []}


def _add_voice(cols: dict[str, list], doc_id, spans: list[tuple[int, int, str, int | None]]) -> list[tuple[int, int, str]]:
    """Append one document's voice spans (with quote ids) to ``cols``; its spans without the ids."""
    for a, b, v, qid in spans:
        cols["doc_id"].append(doc_id)
        cols["start"].append(a)
        cols["end"].append(b)
        cols["voice"].append(v)
        cols["quote_id"].append(qid)
    return [(a, b, v) for a, b, v, _ in spans]


def _voice_frame(cols: dict[str, list]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": pd.Series(cols["doc_id"], dtype="str"),
        "start": _column(cols["start"], "int64"),
        "end": _column(cols["end"], "int64"),
        "voice": pd.Series(cols["voice"], dtype="str"),
        "quote_id": pd.Series(cols["quote_id"], dtype="Int64"),
    })


def _digest(texts: pd.Series) -> str:
    h = hashlib.blake2b(digest_size=16)
    for text in texts:
        h.update((text if isinstance(text, str) else "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def annotate(corpus: pd.DataFrame, *, resolve_pronouns: bool = True) -> Annotations:
    """Sentences, quotes and voice of every document, in one pass.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text`` (see :func:`framing.read_corpus`).
    resolve_pronouns : bool, default True
        Replace a pronoun speaker by its named antecedent (see :func:`framing.quotes`).

    Returns
    -------
    Annotations
        Its ``sentences``, ``quotes`` and ``voice`` tables equal those of :func:`framing.sentences`,
        :func:`framing.quotes` and :func:`framing.voice` on the same corpus.

    Raises
    ------
    framing.errors.SchemaError
        If the corpus lacks a required column.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    sent_cols: dict[str, list] = {c: [] for c in schema.SENTENCES}
    quote_cols = _quote_columns()
    voice_cols = _voice_columns()
    voice_lists: dict[str, list[tuple[int, int, str]]] = {}
    sentence_lists: dict[str, list[tuple[int, int]]] = {}
    doc_ids = []
    for doc_id, outlet, text in zip(corpus["doc_id"], corpus["outlet"], corpus["text"]):
        text = text if isinstance(text, str) else ""
        doc_ids.append(str(doc_id))
        found, sents = analyse_quotes(text, resolve_pronouns) if text else ((), [])
        if not sents and text.strip():
            sents = split_sentences(text)
        sentence_lists[str(doc_id)] = sents
        for k, (a, b) in enumerate(sents):
            sent_cols["doc_id"].append(doc_id)
            sent_cols["sentence_id"].append(k)
            sent_cols["start"].append(a)
            sent_cols["end"].append(b)
            sent_cols["text"].append(text[a:b])
        _add_quotes(quote_cols, doc_id, outlet, text, found, sents)
        voice_lists[str(doc_id)] = _add_voice(voice_cols, doc_id, voice_with_ids(text, found))
    sentences = pd.DataFrame({
        "doc_id": pd.Series(sent_cols["doc_id"], dtype="str"),
        "sentence_id": _column(sent_cols["sentence_id"], "int64"),
        "start": _column(sent_cols["start"], "int64"),
        "end": _column(sent_cols["end"], "int64"),
        "text": pd.Series(sent_cols["text"], dtype="str"),
    })
    quotes = _quote_frame(quote_cols)
    voice = _voice_frame(voice_cols)
    return Annotations(sentences, quotes, voice, tuple(doc_ids), resolve_pronouns, _digest(corpus["text"]),
                       voice_lists, sentence_lists)


@registry.measure("quotes", produces=schema.QUOTES)
def quotes(corpus: pd.DataFrame, *, resolve_pronouns: bool = True) -> pd.DataFrame:
    """One row per quotation of every document.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text`` columns.
    resolve_pronouns : bool, default True
        See :func:`find_quotes`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``quote_id`` (int, 0-based within the
        document), ``sentence_id`` (int, the sentence of the opening mark, as
        numbered by :func:`framing.sentences`), ``start``, ``end`` (int: the
        quoted content between the marks, ``text == corpus text[start:end]``),
        ``text`` (str), ``kind`` (``"direct"``: a source's words, whole or
        partial; ``"scare"``: a phrase held at a distance with no source in
        reach; ``"title"``: a work, event, law, operation, slogan, nickname,
        hashtag or a word mentioned as a word, in the narrator's voice),
        ``speaker`` (str or missing), ``verb`` (str or missing), then
        ``outlet`` (str), ``speaker_start``, ``speaker_end``, ``verb_start``,
        ``verb_end`` (nullable Int64 offsets of the speaker and verb as
        written; for a resolved pronoun or an inherited speaker, the earlier
        mention) and ``speaker_name`` (str or missing: the source's name,
        pronoun resolved and titles stripped, case kept: count "who is
        quoted" with it).
        A document without quotes has no rows.

    Raises
    ------
    framing.errors.SchemaError
        If a required column is missing.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    # only the quotes table is built: the sentence spans that attribution finds number the quotes' sentences
    cols = _quote_columns()
    for doc_id, outlet, text in zip(corpus["doc_id"], corpus["outlet"], corpus["text"]):
        text = text if isinstance(text, str) else ""
        found, sents = analyse_quotes(text, resolve_pronouns) if text else ((), [])
        _add_quotes(cols, doc_id, outlet, text, found, sents)
    return _quote_frame(cols)


@registry.measure("voice", produces=schema.VOICE)
def voice(corpus: pd.DataFrame) -> pd.DataFrame:
    """Voice of every character of every document, as contiguous spans.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``start``, ``end`` (int, end exclusive),
        ``voice`` (``"narrator"``, ``"quote"`` or ``"scare_quote"``) and
        ``quote_id`` (nullable Int64: the row of :func:`quotes` a quote span
        belongs to, missing for narrator spans; a quoted title is narrator
        text). For each document the spans
        are in order, non-empty and cover ``0 .. len(text)`` exactly; a quote
        span runs from the opening to the closing mark. A document with an
        empty text has no characters and therefore no rows.

    Raises
    ------
    framing.errors.SchemaError
        If ``doc_id`` or ``text`` is missing.
    """
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    # a quote's kind, hence its voice, does not depend on its speaker: the quotes are analysed without
    # looking for the sources that cannot change a kind (as find and score do), and no other table is built
    cols = _voice_columns()
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        text = text if isinstance(text, str) else ""
        _add_voice(cols, doc_id, quote_voice(text))
    return _voice_frame(cols)
