"""Column names of every table that crosses a stage boundary.

One constant per table; a table may carry further columns (a corpus keeps its
metadata), but never fewer, and column names never change with arguments.
:func:`require` checks a table on entry and names what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from framing.errors import SchemaError

#: corpus: one row per document; ``text`` is the cleaned text all offsets index
CORPUS = ("doc_id", "outlet", "text")
CORPUS_OPTIONAL = ("title", "date", "url", "agency", "country")
#: columns :func:`framing.read_corpus` adds when cleaning
CORPUS_CLEANING = ("raw_text", "removed")

#: one removed boilerplate line per row (:func:`framing.removed_lines`)
REMOVED = ("doc_id", "line", "rule", "text")

SENTENCES = ("doc_id", "sentence_id", "start", "end", "text")
QUOTES = ("doc_id", "quote_id", "sentence_id", "start", "end", "text", "kind", "speaker", "verb")
#: quote kinds: a source's words, a phrase held at a distance, a quoted title, name or word as a word
QUOTE_KINDS = ("direct", "scare", "title")
#: voice spans: contiguous, cover every character of every document
VOICE = ("doc_id", "start", "end", "voice")
VOICES = ("narrator", "quote", "scare_quote")

#: matches of :func:`framing.find`; ``negated`` (what the match denotes is said not to be the case) and
#: ``hypothetical`` (not asserted: question, condition, modal or future, demand) are judged by the scope of
#: the clause (:mod:`framing.text.scope`), the same judgement as in actor labels, attributions and casualties
MATCHES = (
    "doc_id", "outlet", "sentence_id", "start", "end", "match",
    "lexicon", "category", "term", "voice", "negated", "hypothetical",
)
SCORES = ("doc_id", "outlet", "lexicon", "category", "voice", "count", "n_tokens", "rate_per_1k")

ACTOR_LABELS = (
    "doc_id", "outlet", "actor", "label", "label_category", "pattern",
    "voice", "attributed_to", "start", "end",
)
ATTRIBUTIONS = ("doc_id", "outlet", "sentence_id", "speaker", "verb", "verb_category", "quote_id", "start", "end")
#: fixed columns :func:`framing.actor_labels` adds after ACTOR_LABELS (``negated``, ``hypothetical`` as in MATCHES)
ACTOR_LABELS_EXTRA = ("negated", "hypothetical", "mention_start", "mention_end")
#: fixed columns :func:`framing.attributions` adds after ATTRIBUTIONS (``negated``: denied speech,
#: ``hypothetical``: speech not reported as having happened; as in MATCHES; ``addressee``: the one spoken to)
ATTRIBUTIONS_EXTRA = ("speaker_start", "speaker_end", "voice", "negated", "hypothetical", "addressee")
#: one row per attributed statement (:func:`framing.sources`): its source, the source's type, side and anonymity,
#: the statement span (``start``, ``end``) and the reporting cue (``cue_start``, ``cue_end`` = the attributions row)
SOURCES = (
    "doc_id", "outlet", "source", "source_mention", "source_start", "source_end", "source_type", "affiliation",
    "anonymous", "verb", "verb_category", "kind", "n_words", "voice", "start", "end", "cue_start", "cue_end",
)
SOURCE_TYPES = (
    "government", "military_security", "politician", "armed_group", "international_ngo", "expert", "media",
    "civilian", "document", "other", "unknown",
)
#: a whole quoted sentence, a quoted fragment, speech without quotation marks
SOURCE_KINDS = ("direct", "partial", "reported")
CASUALTIES = (
    "doc_id", "outlet", "sentence_id", "victims", "number", "victim_category",
    "construction", "agent", "humanising", "emotive", "voice", "start", "end",
)
CONSTRUCTIONS = ("active", "passive_agentive", "passive_agentless", "intransitive", "nominal")

WIRE_PAIRS = ("doc_a", "doc_b", "similarity", "shared_sentences")
EDITS = ("doc_a", "doc_b", "op", "sentence_id_a", "sentence_id_b", "text_a", "text_b", "inserted", "deleted")
EDIT_OPS = ("same", "changed", "only_a", "only_b")

#: every statistics result table
RESULT = (
    "group", "measure", "estimate", "ci_low", "ci_high", "ci_level", "statistic",
    "p_value", "p_adjusted", "adjust_method", "method", "n_docs", "count", "exposure", "note",
)
KEYNESS = ("term", "group", "delta", "se", "z", "count_group", "count_rest")
#: keyness statistics after :data:`KEYNESS` (signed chi2 with Yates, signed G2 with Williams, z-test p-values)
KEYNESS_STATS = ("chi2", "g2", "p_value", "p_adjusted", "adjust_method")


def require(table: pd.DataFrame, columns: Iterable[str], *, what: str = "table", source: str | None = None) -> None:
    """Raise :class:`~framing.errors.SchemaError` unless ``table`` has ``columns``.

    Parameters
    ----------
    table : pandas.DataFrame
        The table to check.
    columns : iterable of str
        Columns that must be present.
    what : str
        What the table is, for the message (e.g. ``"corpus"``).
    source : str, optional
        The file the table came from, named in the message.
    """
    if not isinstance(table, pd.DataFrame):
        raise SchemaError(f"expected a pandas DataFrame as the {what}, got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        where = f" in {source}" if source else ""
        raise SchemaError(
            f"{what}{where} is missing required column(s) {missing}; "
            f"columns found: {list(map(str, table.columns))}"
        )
