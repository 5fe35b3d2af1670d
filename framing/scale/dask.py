"""Framing measures on Dask collections, for corpora spread over many files or machines.

Needs the ``[dask]`` extra (``pip install 'news-framing[dask]'``). Every function
here maps the pandas function of the same name over the partitions of a
:class:`dask.dataframe.DataFrame` (or a :class:`dask.bag.Bag` of document
records) and returns a lazy Dask DataFrame with exactly the columns of the
pandas API. Each partition is measured on its own, so the computed result equals
the pandas result on the whole corpus, row for row, in corpus order (the index
restarts in each partition: ``.compute().reset_index(drop=True)`` gives the
pandas table).

Statistics that need every document work from the measured tables, which hold
counts, not text: ``framing.compare(framing.dask.score(docs).compute())``,
and :func:`term_counts` sums word counts per group on the cluster for
:func:`framing.keyness`. Raw text never has to come back to the client.

The computations run on whatever cluster the current ``distributed.Client`` points
at (a ``LocalCluster``, dask-jobqueue on Slurm/PBS, the Dask Kubernetes operator…);
this module schedules nothing itself.

>>> import json                                                          # doctest: +SKIP
>>> import dask.bag as db, dask.dataframe as dd                          # doctest: +SKIP
>>> import framing.dask as fd                                            # doctest: +SKIP
>>> docs = fd.corpus(dd.read_parquet("s3://bucket/news/*.parquet"))     # doctest: +SKIP
>>> docs = fd.corpus(db.read_text("news/*.jsonl.gz").map(json.loads))   # doctest: +SKIP
>>> scores = fd.score(docs, lexicons=["attribution", "hedging"])         # doctest: +SKIP
>>> scores.to_parquet("s3://bucket/scores/")                             # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

try:  # absolute imports: these are the dask and distributed packages, not this module
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "framing.dask needs the [dask] extra:  pip install 'news-framing[dask]'"
    ) from exc

import framing.match  # noqa: F401 - registers find and score
import framing.measures  # noqa: F401 - registers the measures
from framing import registry, schema
from framing.text import tokens as _tokens
from framing.io.corpus import as_corpus
from framing.errors import SchemaError

__all__ = [
    "corpus",
    "apply",
    "score",
    "find",
    "actor_labels",
    "attributions",
    "casualties",
    "sum_voices",
    "term_counts",
]

Documents = Any  # dask.dataframe.DataFrame | dask.bag.Bag


def _records_corpus(
    records: list[Any], options: Mapping[str, Any], dtypes: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """A partition of a bag of records (dicts) as a corpus, exactly as :func:`framing.io.as_corpus`.

    A column with no value in this partition takes its type from ``dtypes`` (the other partitions).
    """
    table = as_corpus(pd.DataFrame.from_records(list(records)), **options)
    for column, dtype in (dtypes or {}).items():
        if column in table.columns and table[column].dtype != dtype and table[column].isna().all():
            table[column] = table[column].astype(dtype)
    return table


def corpus(
    docs: Documents,
    *,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
) -> dd.DataFrame:
    """Check and clean a Dask collection of documents, partition by partition.

    The Dask counterpart of :func:`framing.io.as_corpus` (what :func:`framing.read_corpus`
    does after reading): same column checks, same boilerplate cleaning. ``doc_id`` uniqueness
    is checked within each partition only.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        Documents: a Dask DataFrame (e.g. ``dd.read_parquet``), or a bag of dicts
        (e.g. ``db.read_text("*.jsonl.gz").map(json.loads)``).
    doc_id_col, outlet_col, text_col, outlet, clean, patterns, keep_raw
        As in :func:`framing.read_corpus`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id``, ``outlet``, ``text`` (cleaned), the metadata columns as given and, with
        cleaning, ``raw_text`` and ``removed``.
    """
    options = dict(
        doc_id_col=doc_id_col, outlet_col=outlet_col, text_col=text_col, outlet=outlet,
        clean=clean, patterns=patterns, keep_raw=keep_raw, source="a partition of the Dask collection",
    )
    if isinstance(docs, db.Bag):
        first = docs.take(100, npartitions=-1, warn=False)
        meta = _records_corpus(list(first), options).iloc[:0]
        dtypes = meta.dtypes.to_dict()
        parts = [dask.delayed(_records_corpus)(part, options, dtypes) for part in docs.to_delayed()]
        return dd.from_delayed(parts, meta=meta, verify_meta=False)
    if isinstance(docs, dd.DataFrame):
        meta = as_corpus(docs._meta, **{**options, "source": "the Dask DataFrame"})
        return docs.map_partitions(as_corpus, meta=meta, **options)
    raise SchemaError(
        f"expected a dask.dataframe.DataFrame or a dask.bag.Bag of documents, got {type(docs).__name__}"
    )


def _as_frame(docs: Documents) -> dd.DataFrame:
    if isinstance(docs, db.Bag):
        return corpus(docs)
    if isinstance(docs, dd.DataFrame):
        schema.require(docs._meta, schema.CORPUS, what="corpus")
        return docs
    raise SchemaError(
        f"expected a dask.dataframe.DataFrame or a dask.bag.Bag of documents, got {type(docs).__name__}"
    )


def apply(
    func: Callable[..., pd.DataFrame],
    docs: Documents,
    *,
    meta: pd.DataFrame | None = None,
    **options: Any,
) -> dd.DataFrame:
    """Apply any per-document table function to every partition of a corpus.

    Parameters
    ----------
    func : callable
        Takes a corpus DataFrame (and ``options``) and returns a table whose rows each
        belong to one document, e.g. :func:`framing.score`.
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus (``doc_id``, ``outlet``, ``text``); a bag of dicts is first turned into
        a corpus with :func:`corpus` (checked and cleaned).
    meta : pandas.DataFrame, optional
        An empty table with the result's columns and dtypes; by default ``func`` is run on
        an empty corpus to find them.
    **options
        Keyword arguments of ``func``.

    Returns
    -------
    dask.dataframe.DataFrame
        The columns ``func`` returns; partitions in corpus order.
    """
    frame = _as_frame(docs)
    if meta is None:
        meta = func(frame._meta, **options).iloc[:0]
    return frame.map_partitions(func, meta=meta, **options)


def _measure(name: str) -> Callable[..., pd.DataFrame]:
    return registry.get(name).function


def score(docs: Documents, *, lexicons: Any = None) -> dd.DataFrame:
    """Lexicon scores per document × category × voice (:func:`framing.score`) on a Dask corpus.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus (a bag of dicts is checked and cleaned first, see :func:`corpus`).
    lexicons : optional
        As in :func:`framing.score`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id, outlet, lexicon, category, voice, count, n_tokens, rate_per_1k``.
    """
    return apply(_measure("score"), docs, lexicons=lexicons)


def find(docs: Documents, *, lexicons: Any = None) -> dd.DataFrame:
    """Every lexicon match (:func:`framing.find`) on a Dask corpus.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus.
    lexicons : optional
        As in :func:`framing.find`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id, outlet, sentence_id, start, end, match, lexicon, category, term, voice, negated,
        hypothetical`` (:data:`framing.schema.MATCHES`).
    """
    return apply(_measure("find"), docs, lexicons=lexicons)


def actor_labels(docs: Documents, actors: Any, **options: Any) -> dd.DataFrame:
    """Labels applied to actors (:func:`framing.actor_labels`) on a Dask corpus.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus.
    actors : mapping or path
        ``{actor name: [alias, ...]}`` or a YAML file holding it, as in :func:`framing.actor_labels`.
    **options
        Keyword options of :func:`framing.actor_labels`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id, outlet, actor, label, label_category, pattern, voice, attributed_to, start, end``.
    """
    return apply(_measure("actor_labels"), docs, actors=actors, **options)


def attributions(docs: Documents, **options: Any) -> dd.DataFrame:
    """Attribution cues (:func:`framing.attributions`) on a Dask corpus.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus.
    **options
        Keyword options of :func:`framing.attributions`.

    Returns
    -------
    dask.dataframe.DataFrame
        :data:`framing.measures.attribution.ATTRIBUTION_COLUMNS` (``doc_id, outlet, sentence_id, speaker,
        verb, verb_category, quote_id, start, end``, the speaker's offsets, ``voice``, ``negated``,
        ``hypothetical``, ``addressee``).
    """
    return apply(_measure("attributions"), docs, **options)


def casualties(docs: Documents, **options: Any) -> dd.DataFrame:
    """Casualty statements (:func:`framing.casualties`) on a Dask corpus.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus.
    **options
        Keyword options of :func:`framing.casualties`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id, outlet, sentence_id, victims, number, victim_category, construction, agent,
        humanising, emotive, voice, start, end``.
    """
    return apply(_measure("casualties"), docs, **options)


def _sum_voices(part: pd.DataFrame) -> pd.DataFrame:
    keys = ["doc_id", "outlet", "lexicon", "category"]
    out = (
        part.groupby(keys, sort=False, observed=True)
        .agg(count=("count", "sum"), n_tokens=("n_tokens", "first"))
        .reset_index()
    )
    rate = out["count"] / out["n_tokens"].where(out["n_tokens"] > 0) * 1000.0
    return out.assign(rate_per_1k=rate.fillna(0.0))


def sum_voices(scores: dd.DataFrame) -> dd.DataFrame:
    """Scores summed over voices: one row per document × lexicon × category.

    A third of the rows of :func:`score`, with the same counts in total; what
    :func:`framing.compare` uses when no ``voice`` is selected. Documents never cross
    partitions, so this runs partition by partition with no shuffle.

    Parameters
    ----------
    scores : dask.dataframe.DataFrame
        A score table (:data:`framing.schema.SCORES`), e.g. from :func:`score`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id, outlet, lexicon, category, count, n_tokens, rate_per_1k``.
    """
    schema.require(scores._meta, schema.SCORES, what="score table")
    return scores.map_partitions(_sum_voices, meta=_sum_voices(scores._meta))


def _term_counts(part: pd.DataFrame, by: str) -> pd.DataFrame:
    counts: dict[tuple[str, str], int] = {}
    for group, text in zip(part[by].astype(str), part["text"]):
        for _, _, token in _tokens.tokenize(text if isinstance(text, str) else ""):
            if _tokens.is_word(token):
                key = (group, _tokens.normalize(token))
                counts[key] = counts.get(key, 0) + 1
    table = pd.DataFrame([(g, t, n) for (g, t), n in counts.items()], columns=[by, "term", "count"])
    return table.astype({by: "str", "term": "str", "count": "int64"})


def term_counts(docs: Documents, by: str = "outlet") -> dd.DataFrame:
    """Word counts per group, summed on the cluster: keyness without collecting the text.

    Words are the library's word tokens (:mod:`framing.text.tokens`), lower-cased, as
    :func:`framing.keyness` counts them, so ``framing.keyness(term_counts(docs, by).compute(),
    by=by)`` equals ``framing.keyness(corpus, by=by)``.

    Parameters
    ----------
    docs : dask.dataframe.DataFrame or dask.bag.Bag
        The corpus, with the ``by`` column.
    by : str
        Grouping column, e.g. ``"outlet"``.

    Returns
    -------
    dask.dataframe.DataFrame
        ``<by>, term, count``: one row per group × word, sorted by group and term (a small
        table: ``.compute()`` it).
    """
    frame = _as_frame(docs)
    if by not in frame.columns:
        raise SchemaError(f"the corpus has no column {by!r} to group by; columns found: {list(frame.columns)}")
    meta = _term_counts(frame._meta, by)
    partial = frame.map_partitions(_term_counts, by, meta=meta)
    return partial.groupby([by, "term"], sort=True).agg({"count": "sum"}).reset_index()
