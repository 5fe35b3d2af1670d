"""Corpora larger than memory: read in chunks, measure on every core, write as you go.

Every per-document measure (:func:`framing.score`, :func:`framing.find`,
:func:`framing.actor_labels`, …) computes the rows of a document from that
document alone. So a corpus file can be cut into chunks of documents, each chunk
read, cleaned and measured on its own — in this process, in a pool of processes
or on a Dask cluster — and the results concatenated in corpus order. The result
is identical to measuring the whole corpus at once, whatever the number of
processes, and memory stays bounded by a few chunks.

A chunk is read exactly like a whole file: the same parser, column checks and
boilerplate cleaning (:func:`framing.io.as_corpus`). ``doc_id`` values are
checked for uniqueness across chunks too (with 8 bytes of memory per document).

>>> from framing.stream import score_file
>>> score_file("articles.jsonl.gz", "scores.parquet", n_jobs=-1, progress=True)  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import itertools
import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import framing.match  # noqa: F401 - registers find and score
import framing.measures  # noqa: F401 - registers the measures
import framing.text  # noqa: F401 - registers sentences, quotes and voice
from framing import _atomic, _formulas, _signals, registry
from framing._checks import check_count, check_jobs
from framing.io import accounting, readers
from framing.io.corpus import as_corpus
from framing.io.readers import ReadOptions
from framing.errors import CorpusError, InputNotFoundError, UsageError

__all__ = [
    "StreamError",
    "read_chunks",
    "map_corpus",
    "write_table",
    "apply_file",
    "score_file",
    "resolve_jobs",
]

#: default number of documents per chunk
CHUNKSIZE = 500

#: columns of the row :func:`apply_file` returns: :data:`framing.io.accounting.ACCOUNT` and the run
SUMMARY = accounting.ACCOUNT + ("input", "output", "n_rows", "n_chunks", "n_jobs", "seconds")

Measure = Literal[
    "corpus", "score", "find", "actor_labels", "attributions", "casualties", "sentences", "quotes", "voice"
]


class StreamError(UsageError):
    """A streaming option is invalid (number of jobs, chunk size, output format)."""


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class _Job:
    """What a worker does with each chunk: read it, then apply ``func``."""

    read: ReadOptions
    func: Callable[..., pd.DataFrame] | None
    options: Mapping[str, Any] = field(default_factory=dict)
    stage: str = "read"
    arrow: bool = False  # return tables as Arrow (for a Parquet output): converted by the worker, sent as buffers


@dataclass
class _Chunk:
    index: int
    kind: Literal["jsonl", "table", "arrow", "files"]
    payload: Any
    first: int  # 1-based line (JSON lines) or row (CSV, Parquet) of the first record
    last: int
    size: int  # progress units this chunk accounts for
    nbytes: int = 0  # bytes of input read (uncompressed JSON lines, CSV / TSV bytes read), 0 when not known


@dataclass
class _Result:
    index: int
    table: Any  # a DataFrame, or a dict of them
    doc_ids: list[str]
    account: pd.DataFrame
    size: int
    caught: list[tuple[type[Warning], str]]
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, why) of each flagged document
    nbytes: int = 0


def resolve_jobs(n_jobs: int) -> int:
    """Number of processes for ``n_jobs`` (``-1``: every core this process may use).

    Parameters
    ----------
    n_jobs : int
        A positive number of processes, or ``-1`` for all cores.

    Returns
    -------
    int
        The number of processes.
    """
    if check_jobs("n_jobs", n_jobs) == -1:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            return max(1, os.cpu_count() or 1)
    return int(n_jobs)


def _resolve_measure(measure: Measure | Callable[..., pd.DataFrame] | None) -> Callable[..., pd.DataFrame] | None:
    if measure is None or measure == "corpus":
        return None
    if callable(measure):
        return measure
    if not isinstance(measure, str) or measure not in registry.names():
        raise StreamError(
            f"unknown measure {measure!r}; expected one of {['corpus', *registry.names()]} or a function of a corpus"
        )
    return registry.get(measure).function


# --------------------------------------------------------------------------- reading chunks (parent side)

_DECODE_ERRORS: list[str] = []


def _note_decode_error(exc: UnicodeError) -> tuple[str, int]:
    _DECODE_ERRORS.append(str(exc))
    return "\ufffd", exc.end  # type: ignore[attr-defined]


codecs.register_error("framing-stream-replace", _note_decode_error)


def _detect(path: Path) -> str:
    return readers.detect_format(path)


def _jsonl_chunks(path: Path, chunksize: int) -> Iterator[_Chunk]:
    raw = open(path, "rb")  # noqa: SIM115 - closed in finally
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
    lines: list[bytes] = []
    n_records, lineno, first, index, pos = 0, 0, 1, 0, 0
    try:
        for line in stream:
            lineno += 1
            lines.append(line)
            if line.strip():
                n_records += 1
            if n_records >= chunksize:
                now = raw.tell()
                payload = b"".join(lines)
                yield _Chunk(index, "jsonl", payload, first, lineno, now - pos, len(payload))
                index, pos, first, lines, n_records = index + 1, now, lineno + 1, [], 0
        if n_records or index == 0:
            payload = b"".join(lines)
            yield _Chunk(index, "jsonl", payload, first, lineno, raw.tell() - pos, len(payload))
    except readers.DAMAGED as exc:
        raise CorpusError(f"{path}: cannot read the file after line {lineno}, it is damaged ({exc})") from None
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read the file after line {lineno} ({exc.strerror or exc})") from None
    finally:
        raw.close()


def _text_stream(path: Path, encoding: str) -> Any:
    """``path`` opened again as text, for :class:`framing.io.readers.FieldCheck` (pandas reads the bytes)."""
    raw = open(path, "rb")  # noqa: SIM115 - closed with the text stream
    binary = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")


def _csv_chunks(path: Path, sep: str, read: ReadOptions, chunksize: int) -> Iterator[_Chunk]:
    options = readers.csv_options(sep, (read.doc_id_col, read.outlet_col, read.text_col))
    del _DECODE_ERRORS[:]
    raw = open(path, "rb")  # noqa: SIM115 - closed in finally
    binary = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
    text = None
    pos, row, index = 0, 1, 0
    try:
        text = _text_stream(path, read.encoding)
        fields = readers.FieldCheck(text, path, sep)
        reader = pd.read_csv(
            binary, chunksize=chunksize, encoding=read.encoding, encoding_errors="framing-stream-replace", **options
        )
        for table in _checked(reader, fields):
            if _DECODE_ERRORS:
                warnings.warn(
                    f"{path}: undecodable bytes as {read.encoding} near rows {row}-{row + len(table) - 1}; "
                    "they were replaced with U+FFFD",
                    UnicodeWarning,
                    stacklevel=4,
                )
                del _DECODE_ERRORS[:]
            now = raw.tell()
            lines = readers.positions(fields.lines(len(table)), len(table), "line")
            yield _Chunk(index, "table", (table, lines), row, row + len(table) - 1, now - pos, now - pos)
            index, pos, row = index + 1, now, row + len(table)
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: the file is empty; expected a header line with columns") from None
    except pd.errors.ParserError as exc:
        raise CorpusError(f"{path}: malformed {'TSV' if sep == chr(9) else 'CSV'} near row {row} ({exc})") from None
    except readers.DAMAGED as exc:
        raise CorpusError(f"{path}: cannot read the file after row {row - 1}, it is damaged ({exc})") from None
    finally:
        if text is not None:
            text.close()
        raw.close()


def _checked(tables: Iterator[pd.DataFrame], fields: Any) -> Iterator[pd.DataFrame]:
    """The tables pandas reads; when it stops at a malformed record, the record that has a wrong
    number of fields is named instead (as a whole-file read names it)."""
    while True:
        try:
            table = next(tables)
        except StopIteration:
            return
        except pd.errors.ParserError:
            fields.lines()  # raises naming the line, if that is what is wrong
            raise
        yield table


def _parquet_chunks(path: Path, chunksize: int) -> Iterator[_Chunk]:
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types
        raise CorpusError(f"{path}: cannot read as Parquet ({type(exc).__name__}: {exc})") from None
    row, index = 1, 0
    with handle:
        for batch in handle.iter_batches(batch_size=chunksize):
            table = pa.Table.from_batches([batch], schema=handle.schema_arrow)
            yield _Chunk(index, "arrow", table, row, row + batch.num_rows - 1, batch.num_rows)
            index, row = index + 1, row + batch.num_rows
        if index == 0:
            yield _Chunk(0, "arrow", handle.schema_arrow.empty_table(), 1, 0, 0)


def _dir_chunks(read: ReadOptions, chunksize: int) -> Iterator[_Chunk]:
    path = Path(read.path)
    plan, source = readers.read_directory(path, read.encoding, read.doc_id_col, texts=False)
    html = [f for f in plan["file"] if not str(f).lower().endswith(".txt")]
    if html:
        raise CorpusError(
            f"{path}: a directory of HTML files is read whole (framing.read_corpus); stream the .txt files "
            f"of a directory, or a JSON lines / CSV / Parquet file (first HTML file: {html[0]})"
        )
    for index, start in enumerate(range(0, max(len(plan), 1), chunksize)):
        part = plan.iloc[start:start + chunksize].reset_index(drop=True)
        yield _Chunk(index, "files", (source, part), start + 1, start + len(part), len(part))


def _progress_total(path: Path, fmt: str) -> tuple[int | None, str]:
    if fmt == "dir":
        return sum(1 for p in path.iterdir() if p.suffix.lower() == ".txt"), "doc"
    if fmt == "parquet":
        try:
            return pq.ParquetFile(path).metadata.num_rows, "doc"
        except Exception:  # reported properly when reading
            return None, "doc"
    return path.stat().st_size, "B"


def _raw_chunks(read: ReadOptions, chunksize: int) -> Iterator[_Chunk]:
    path = Path(read.path)
    if read.fmt == "jsonl":
        return _jsonl_chunks(path, chunksize)
    if read.fmt == "dir":
        return _dir_chunks(read, chunksize)
    if read.fmt in ("csv", "tsv"):
        return _csv_chunks(path, "," if read.fmt == "csv" else "\t", read, chunksize)
    return _parquet_chunks(path, chunksize)


# --------------------------------------------------------------------------- one chunk (worker side)


def _chunk_corpus(read: ReadOptions, chunk: _Chunk) -> pd.DataFrame:
    unit = {"jsonl": "lines", "files": "files"}.get(chunk.kind, "rows")
    source = f"{read.path}, {unit} {chunk.first}-{chunk.last}"
    columns = (read.doc_id_col, read.outlet_col, read.text_col)
    positions = None
    if chunk.kind == "files":
        source, table = chunk.payload
        folder = Path(read.path)
        table = table.assign(text=[readers.read_text_file(folder / f, read.encoding) for f in table["file"]])
    elif chunk.kind == "jsonl":
        text = readers.decode(chunk.payload, source, read.encoding)
        if chunk.index == 0 and text.startswith("\ufeff"):
            text = text[1:]
        table, positions = readers.jsonl_frame(text, read.path, chunk.first, columns)
    elif chunk.kind == "arrow":
        table = chunk.payload.to_pandas()
        positions = pd.RangeIndex(chunk.first, chunk.first + len(table), name="row")
    else:
        table, positions = chunk.payload
    if positions is not None:
        source = read.path  # the errors name the line or row itself
    docs = as_corpus(
        table,
        doc_id_col=read.doc_id_col,
        outlet_col=read.outlet_col,
        text_col=read.text_col,
        outlet=read.outlet,
        clean=read.clean,
        patterns=read.patterns,
        keep_raw=read.keep_raw,
        source=source,
        positions=positions,
    )
    # a metadata column with no value in this chunk (e.g. no title): typed as text, as it is
    # in the chunks (and the whole file) where it has values
    empty = [c for c in docs.columns if docs[c].dtype == object and len(docs) and docs[c].isna().all()]
    return docs.astype({c: "str" for c in empty}) if empty else docs


def _run_chunk(job: _Job, chunk: _Chunk) -> _Result:
    """Read, clean and measure one chunk; warnings are returned, to be raised by the caller."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = _chunk_corpus(job.read, chunk)
        result = docs if job.func is None else job.func(docs, **job.options)
    if isinstance(result, Mapping):  # several tables: the first one is accounted for
        table: Any = {name: t.reset_index(drop=True) for name, t in result.items()}
        first = next(iter(table.values()))
    else:
        table = first = result.reset_index(drop=True)
    account = accounting.account(docs, None if job.func is None else first, stage=job.stage)
    if job.arrow:  # pickled as a few buffers, not one Python object per cell, and no conversion in the parent
        table = ({name: pa.Table.from_pandas(t, preserve_index=False) for name, t in table.items()}
                 if isinstance(table, Mapping) else pa.Table.from_pandas(table, preserve_index=False))
    return _Result(
        index=chunk.index,
        table=table,
        doc_ids=docs["doc_id"].tolist(),
        account=account,
        size=chunk.size,
        caught=[(w.category, str(w.message)) for w in caught],
        flagged=[(d, why) for d, why in zip(docs["doc_id"].astype(str), accounting.flagged_documents(docs)) if why],
        nbytes=chunk.nbytes,
    )


# --------------------------------------------------------------------------- executing in order


class _Serial:
    """Runs the chunks one after another in this process."""

    def __init__(self, job: _Job) -> None:
        self.job = job

    def map(self, chunks: Iterable[_Chunk]) -> Iterator[_Result]:
        return (_run_chunk(self.job, chunk) for chunk in chunks)

    def close(self) -> None:
        pass


_WORKER_JOBS: dict[str, _Job] = {}


def _run_cached(key: str, blob: bytes, chunk: _Chunk, parent: int | None = None) -> _Result:
    """Run a chunk with the job unpickled once per worker process (so its lexicons, and the
    matching engine built from them, are reused from chunk to chunk)."""
    job = _WORKER_JOBS.get(key)
    if job is None:
        import pickle

        if parent is not None:
            _signals.die_with_parent(parent)  # no orphan when the parent is killed
        _WORKER_JOBS.clear()
        job = _WORKER_JOBS[key] = pickle.loads(blob)
    return _run_chunk(job, chunk)


class _Pool:
    """``n`` worker processes (joblib's loky backend: works from scripts, notebooks and the REPL).

    At most ``2 × n`` chunks are dispatched ahead of the one being collected, and results
    come back in submission order.
    """

    def __init__(self, job: _Job, n: int) -> None:
        try:
            import cloudpickle
        except ImportError:  # pragma: no cover - cloudpickle comes with dask; joblib vendors it
            from joblib.externals import cloudpickle
        import uuid

        self.n = n
        self.key = uuid.uuid4().hex
        self.blob = cloudpickle.dumps(job)  # functions defined in __main__ or a notebook too

    def map(self, chunks: Iterable[_Chunk]) -> Iterator[_Result]:
        from joblib import Parallel, delayed

        run = delayed(_run_cached)
        parent = os.getpid()
        options = dict(n_jobs=self.n, backend="loky", return_as="generator", pre_dispatch="2*n_jobs")
        try:  # each worker watches this process from its start, and ends with it
            parallel = Parallel(**options, initializer=_signals.die_with_parent, initargs=(parent,))
        except TypeError:  # pragma: no cover - a joblib without executor options: from the first chunk on
            parallel = Parallel(**options)
        return parallel(run(self.key, self.blob, chunk, parent) for chunk in chunks)

    def close(self) -> None:
        pass


class _Cluster:
    """Chunks run as tasks on a dask.distributed cluster; the job is sent to each worker once."""

    def __init__(self, job: _Job, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - depends on the environment
            raise StreamError(
                "running on a Dask cluster needs the [dask] extra:  pip install 'news-framing[dask]'"
            ) from None
        if isinstance(scheduler, Client):
            self.client, self.own = scheduler, False
        else:
            try:
                self.client, self.own = Client(scheduler, set_as_default=False, timeout="20s"), True
            except (OSError, TimeoutError, ValueError) as exc:
                raise StreamError(f"cannot connect to the Dask scheduler at {scheduler!r} ({exc})") from None
        self.window = max(2, 2 * sum(self.client.nthreads().values()))
        self.job = self.client.scatter(job, broadcast=True, hash=False)

    def map(self, chunks: Iterable[_Chunk]) -> Iterator[_Result]:
        pending: deque[Any] = deque()
        try:
            for chunk in chunks:
                pending.append(self.client.submit(_run_chunk, self.job, chunk, pure=False))
                while len(pending) >= self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self.own:
            self.client.close()


def _executor(
    job: _Job, n_jobs: int, scheduler: Any, chunks: Iterator[_Chunk]
) -> tuple[_Serial | _Pool | _Cluster, Iterator[_Chunk], int]:
    """The executor for ``n_jobs``, the chunks to give it, and its number of processes.

    Processes are capped by the cores this process may use and by the number of chunks (the
    first ``n`` chunks are read ahead to know), so ``n_jobs=1000`` on ten documents starts one.
    """
    if scheduler is not None:
        return _Cluster(job, scheduler), chunks, 0
    n = min(resolve_jobs(n_jobs), resolve_jobs(-1))
    if n > 1:
        ahead = list(itertools.islice(chunks, n))
        n = max(1, len(ahead))
        chunks = itertools.chain(ahead, chunks)
    return (_Serial(job) if n == 1 else _Pool(job, n)), chunks, n


class _SeenIds:
    """Hashes of every doc_id seen so far (8 bytes each), in sorted blocks merged as they grow."""

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []

    def add(self, ids: list[str]) -> list[str]:
        """Add ``ids``; return those seen before (in an earlier chunk)."""
        if not ids:
            return []
        hashes = pd.util.hash_array(np.asarray(ids, dtype=object))
        seen = np.zeros(len(hashes), dtype=bool)
        for block in self.blocks:
            at = np.minimum(np.searchsorted(block, hashes), len(block) - 1)
            seen |= block[at] == hashes
        self.blocks.append(np.sort(hashes))
        while len(self.blocks) > 1 and len(self.blocks[-2]) <= 2 * len(self.blocks[-1]):
            last = self.blocks.pop()
            self.blocks[-1] = np.sort(np.concatenate([self.blocks[-1], last]))
        return [i for i, s in zip(ids, seen) if s]


def _results(
    job: _Job, chunksize: int, n_jobs: int, scheduler: Any, progress: bool | Callable[[int, int], None],
    stats: _Tally
) -> Iterator[_Result]:
    from tqdm.auto import tqdm

    check_count("chunksize", chunksize, minimum=1)
    total, unit = _progress_total(Path(job.read.path), job.read.fmt)
    seen = _SeenIds()
    report = progress if callable(progress) else None
    bar = tqdm(
        total=total, unit=unit, unit_scale=True, disable=not progress or report is not None,
        desc=Path(job.read.path).name, leave=False,
    )
    nbytes = 0
    executor = results = None
    try:
        executor, chunks, stats.n_jobs = _executor(job, n_jobs, scheduler, _raw_chunks(job.read, chunksize))
        results = executor.map(chunks)
        for result in results:
            for category, message in result.caught:
                warnings.warn(message, category, stacklevel=3)
            again = seen.add(result.doc_ids)
            if again:
                raise CorpusError(
                    f"{job.read.path}: duplicate doc_id values (also in an earlier part of the file): {again[:20]}"
                )
            stats.add(result.account, result.flagged)
            bar.update(result.size)
            nbytes += result.nbytes
            if report is not None:
                report(stats.row["docs_in"], nbytes)
            yield result
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
        if executor is not None:
            executor.close()
        bar.close()


class _Tally:
    """Sum of the per-chunk accounting rows (:func:`framing.io.account`)."""

    def __init__(self, stage: str) -> None:
        self.row: dict[str, Any] = {c: 0 for c in accounting.ACCOUNT}
        self.row.update(stage=stage, missing="", flagged="")
        self.n_chunks = 0
        self.n_jobs = 1  # processes that measured the chunks
        self.flagged: list[tuple[str, str]] = []  # (doc_id, why), in corpus order

    def add(self, account: pd.DataFrame, flagged: list[tuple[str, str]] = ()) -> None:
        self.n_chunks += 1
        self.flagged.extend(flagged)
        for key, value in account.iloc[0].items():
            if key == "stage":
                continue
            if key in ("missing", "flagged"):
                self.row[key] = "; ".join(v for v in (self.row[key], value) if v)
            else:
                self.row[key] += int(value)


def _stage(measure: Any) -> str:
    if measure is None or isinstance(measure, str):
        return "read" if measure in (None, "corpus") else measure
    return getattr(measure, "__name__", type(measure).__name__)


def _job(
    measure: Any, path: str | Path, options: Mapping[str, Any] | None, read_options: Mapping[str, Any]
) -> _Job:
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    codecs.lookup(read_options.get("encoding", "utf-8"))
    read = ReadOptions(path=str(path), fmt=_detect(path), **read_options)
    return _Job(read=read, func=_resolve_measure(measure), options=dict(options or {}), stage=_stage(measure))


# --------------------------------------------------------------------------- public API


def map_corpus(
    measure: Measure | Callable[..., pd.DataFrame] | None,
    path: str | Path,
    *,
    options: Mapping[str, Any] | None = None,
    n_jobs: int = 1,
    scheduler: Any = None,
    chunksize: int = CHUNKSIZE,
    progress: bool = False,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    encoding: str = "utf-8",
) -> Iterator[pd.DataFrame]:
    """Apply a per-document measure to a corpus file chunk by chunk, in corpus order.

    Parameters
    ----------
    measure : str, callable or None
        A measure by name (``"score"``, ``"find"``, ``"actor_labels"``, ``"attributions"``,
        ``"casualties"``, ``"sentences"``, ``"quotes"``, ``"voice"``), any function that takes
        a corpus DataFrame and returns a table whose rows each belong to one document (with
        ``n_jobs > 1`` it must be importable: defined in a module, not in ``__main__``), or
        ``None`` / ``"corpus"`` for the cleaned corpus itself.
    path : str or Path
        A ``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.tsv`` or ``.parquet`` corpus file, or a
        directory of ``.txt`` files with its optional sidecar (as :func:`framing.read_corpus`).
    options : mapping, optional
        Keyword arguments of the measure, e.g. ``{"lexicons": ["hedging"]}``.
    n_jobs : int
        Processes measuring chunks in parallel (``-1``: every core). Results are identical
        and in the same order whatever the number.
    scheduler : str or distributed.Client, optional
        Address of a dask.distributed scheduler (``"tcp://host:8786"``) or a ``Client``; chunks
        are then measured on that cluster (``n_jobs`` is ignored). Only this process reads the file.
    chunksize : int
        Documents per chunk. Memory holds about ``2 × n_jobs`` chunks at a time.
    progress : bool or callable
        Show a progress bar (tqdm) on standard error; or a function called after each chunk with the
        number of documents done and the bytes of input read so far (uncompressed JSON lines, CSV /
        TSV bytes; 0 for Parquet and folders), e.g. to print progress lines where there is no terminal.
    doc_id_col, outlet_col, text_col, outlet, clean, patterns, keep_raw, encoding
        As in :func:`framing.read_corpus`.

    Yields
    ------
    pandas.DataFrame
        The measure's table for each chunk of documents, in corpus order (same columns as the
        measure returns for a whole corpus; the cleaned corpus when ``measure`` is None).

    Raises
    ------
    InputNotFoundError, CorpusError, SchemaError
        As :func:`framing.read_corpus`; the message names the file and the lines or rows of the chunk.
        Duplicate ``doc_id`` values are found across chunks too.
    UsageError
        Invalid ``n_jobs`` or ``chunksize``; :class:`StreamError` (a ``UsageError``) for an invalid
        scheduler address.
    """
    read_options = dict(
        doc_id_col=doc_id_col, outlet_col=outlet_col, text_col=text_col, outlet=outlet,
        clean=clean, patterns=patterns, keep_raw=keep_raw, encoding=encoding,
    )
    job = _job(measure, path, options, read_options)
    for result in _results(job, chunksize, n_jobs, scheduler, progress, _Tally(job.stage)):
        yield result.table


def read_chunks(
    path: str | Path,
    *,
    chunksize: int = CHUNKSIZE,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    encoding: str = "utf-8",
) -> Iterator[pd.DataFrame]:
    """Read a corpus file in chunks of documents, each exactly as :func:`framing.read_corpus` reads it.

    Parameters
    ----------
    path : str or Path
        A ``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.tsv`` or ``.parquet`` corpus file, or a
        directory of ``.txt`` files with its optional sidecar (as :func:`framing.read_corpus`).
    chunksize : int
        Documents per chunk.
    doc_id_col, outlet_col, text_col, outlet, clean, patterns, keep_raw, encoding
        As in :func:`framing.read_corpus`.

    Yields
    ------
    pandas.DataFrame
        Corpus chunks: ``doc_id``, ``outlet``, ``text`` (cleaned), the metadata columns and, with
        cleaning, ``raw_text`` and ``removed``. Concatenated, they equal ``read_corpus(path)``.
    """
    yield from map_corpus(
        None, path, chunksize=chunksize, doc_id_col=doc_id_col, outlet_col=outlet_col, text_col=text_col,
        outlet=outlet, clean=clean, patterns=patterns, keep_raw=keep_raw, encoding=encoding,
    )


class _Sink:
    """Writes tables to ``out`` as they come (Parquet or CSV); the file appears only when complete.

    The output is locked for the time of the run (a second writer fails at once) and written to
    a temporary file of its own, renamed over ``out`` by :meth:`close`. CSV / TSV text cells a
    spreadsheet would run as formulas are neutralised unless ``csv_escape`` is False.
    """

    #: tables held back while a column is still all-null (its type unknown), at most
    max_pending = 64

    def __init__(self, out: str | Path, schema_: pa.Schema | None = None, *, csv_escape: bool = True) -> None:
        self.out = Path(out)
        name = self.out.name.lower()
        if name.endswith((".parquet", ".pq")):
            self.fmt = "parquet"
        elif name.endswith((".csv", ".tsv")):
            self.fmt = "csv"
        else:
            raise StreamError(f"{self.out}: write results to a .parquet or .csv file (given {self.out.suffix!r})")
        if not self.out.parent.is_dir():
            raise InputNotFoundError(f"{self.out}: the folder {self.out.parent} does not exist")
        self.csv_escape = csv_escape
        self.lock = _atomic.OutputLock(self.out).acquire()
        try:
            self.pending_file = _atomic.PendingFile(self.out)
        except BaseException:
            self.lock.release()
            raise
        self.tmp = self.pending_file.path
        self.schema = schema_
        self.writer: pq.ParquetWriter | None = None
        self.handle: Any = None
        self.pending: list[pa.Table] = []
        self.n_rows = 0

    def write(self, table: pd.DataFrame | pa.Table) -> None:
        self.n_rows += table.num_rows if isinstance(table, pa.Table) else len(table)
        if isinstance(table, pa.Table) and self.fmt == "csv":
            table = table.to_pandas()
        if self.fmt == "csv":
            if self.csv_escape:
                table = _formulas.neutralise(table)
            if self.handle is None:
                self.handle = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
                table.to_csv(self.handle, index=False, sep="\t" if self.out.name.lower().endswith(".tsv") else ",")
            else:
                table.to_csv(
                    self.handle, index=False, header=False,
                    sep="\t" if self.out.name.lower().endswith(".tsv") else ",",
                )
            return
        arrow = table if isinstance(table, pa.Table) else pa.Table.from_pandas(table, preserve_index=False)
        if self.writer is None:
            self.pending.append(arrow)
            self._open(final=False)
        else:
            self.writer.write_table(self._conform(arrow))

    def _open(self, final: bool) -> None:
        if self.schema is None:
            try:
                unified = pa.unify_schemas([t.schema for t in self.pending], promote_options="permissive")
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise StreamError(f"{self.out}: chunks of the result have different column types ({exc})") from None
            unknown = [f.name for f in unified if pa.types.is_null(f.type)]
            if unknown and not final and len(self.pending) < self.max_pending:
                return
            for name in unknown:  # a column empty everywhere: write it as text
                unified = unified.set(unified.get_field_index(name), pa.field(name, pa.string()))
            self.schema = unified.with_metadata(self.pending[0].schema.metadata)
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        for arrow in self.pending:
            self.writer.write_table(self._conform(arrow))
        self.pending = []

    def _conform(self, arrow: pa.Table) -> pa.Table:
        if arrow.schema.equals(self.schema, check_metadata=False):
            return arrow.replace_schema_metadata(self.schema.metadata)
        try:
            columns = [arrow.column(f.name).cast(f.type) if f.name in arrow.column_names
                       else pa.nulls(len(arrow), f.type) for f in self.schema]
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
            raise StreamError(f"{self.out}: a chunk of the result does not fit the columns written so far ({exc})") \
                from None
        extra = set(arrow.column_names) - set(self.schema.names)
        if extra:
            raise StreamError(f"{self.out}: a chunk of the result has columns {sorted(extra)} the first chunks lacked")
        return pa.Table.from_arrays(columns, schema=self.schema)

    def close(self) -> None:
        if self.fmt == "csv":
            if self.handle is None:
                self.handle = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115
            self.handle.close()
        else:
            if self.writer is None:
                if not self.pending:
                    raise StreamError(f"{self.out}: nothing to write")
                self._open(final=True)
            if self.writer is None:
                raise StreamError(f"{self.out}: the Parquet writer could not be opened")
            self.writer.close()
        self.pending_file.commit()
        self.lock.release()

    def abort(self) -> None:
        try:
            if self.handle is not None:
                self.handle.close()
            if self.writer is not None:
                self.writer.close()
        finally:
            self.pending_file.discard()
            self.lock.release()


def write_table(tables: Iterable[pd.DataFrame], out: str | Path, *, csv_escape: bool = True) -> int:
    """Write tables one after another into one Parquet or CSV file, holding one at a time.

    Parameters
    ----------
    tables : iterable of pandas.DataFrame
        Tables with the same columns (e.g. from :func:`map_corpus`). A column that is empty
        (all missing) in the first tables takes its type from the first table that has values.
    out : str or Path
        A ``.parquet`` (written incrementally with :class:`pyarrow.parquet.ParquetWriter`) or
        ``.csv`` / ``.tsv`` file. It appears only when complete; on error nothing is left behind,
        and a second writer to the same file fails at once (:class:`~framing.errors.OutputError`).
    csv_escape : bool
        In a CSV / TSV file, write text cells that a spreadsheet would run as formulas (starting
        with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) with a leading ``'``.
        False writes every cell as it is (for programs that read the file).

    Returns
    -------
    int
        The number of rows written.
    """
    with _signals.terminate_as_interrupt():  # SIGTERM / SIGHUP clean up like Ctrl-C
        sink = _Sink(out, csv_escape=csv_escape)
        try:
            for table in tables:
                sink.write(table)
            sink.close()
        except BaseException:
            sink.abort()
            raise
    return sink.n_rows


def apply_file(
    measure: Measure | Callable[..., pd.DataFrame] | None,
    path: str | Path,
    out: str | Path | Mapping[str, str | Path],
    *,
    options: Mapping[str, Any] | None = None,
    n_jobs: int = 1,
    scheduler: Any = None,
    chunksize: int = CHUNKSIZE,
    progress: bool | Callable[[int, int], None] = False,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    encoding: str = "utf-8",
    csv_escape: bool = True,
    flagged_out: str | Path | None = None,
) -> pd.DataFrame:
    """Measure a corpus file chunk by chunk and write the result incrementally.

    Memory stays bounded by a few chunks whatever the size of the corpus. The written
    table equals ``measure(read_corpus(path))`` row for row, whatever ``n_jobs``.

    Parameters
    ----------
    measure : str, callable or None
        See :func:`map_corpus`; ``None`` / ``"corpus"`` writes the cleaned corpus.
    path : str or Path
        A ``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.tsv`` or ``.parquet`` corpus file, or a
        directory of ``.txt`` files with its optional sidecar (as :func:`framing.read_corpus`).
    out : str, Path or mapping
        The result file, ``.parquet`` or ``.csv`` / ``.tsv``. Written under a temporary name of its
        own and renamed when complete, so a failed or interrupted run (Ctrl-C, SIGTERM, SIGHUP)
        leaves no partial file. A measure that returns several tables (a dict of name -> DataFrame)
        writes each to ``out[name]``; the first one is accounted for. An output that is the input,
        or that another run is writing, is refused before anything is read.
    options, n_jobs, scheduler, chunksize, progress
        See :func:`map_corpus`.
    doc_id_col, outlet_col, text_col, outlet, clean, patterns, keep_raw, encoding
        As in :func:`framing.read_corpus`.
    csv_escape : bool
        See :func:`write_table`.
    flagged_out : str or Path, optional
        Also write a CSV file listing every flagged document (empty, emptied by cleaning, or with
        undecodable bytes), one row each with ``doc_id`` and ``reason`` (as
        :func:`framing.io.accounting.flagged_documents` says), in corpus order; only a header
        when no document is flagged. Written like ``out``: complete or not at all.

    Returns
    -------
    pandas.DataFrame
        One row accounting for the run, as :func:`framing.io.account` for the whole
        corpus: ``stage`` (the measure), ``docs_in``, ``docs_out``, ``docs_missing``,
        ``docs_empty``, ``docs_flagged``, ``missing``, ``flagged``; then ``input`` and ``output``
        (paths, ``"; "``-joined), ``n_rows`` (rows written to the first output), ``n_chunks``, ``n_jobs`` (processes; 0 on a Dask
        cluster) and ``seconds`` (wall time).
    """
    read_options = dict(
        doc_id_col=doc_id_col, outlet_col=outlet_col, text_col=text_col, outlet=outlet,
        clean=clean, patterns=patterns, keep_raw=keep_raw, encoding=encoding,
    )
    job = _job(measure, path, options, read_options)
    started = time.perf_counter()
    stats = _Tally(job.stage)
    several = isinstance(out, Mapping)
    targets = list(out.items() if several else [("", out)])  # type: ignore[union-attr]
    if all(Path(target).name.lower().endswith((".parquet", ".pq")) for _, target in targets):
        job = dataclasses.replace(job, arrow=True)
    _atomic.check_paths([path], [target for _, target in targets] + ([] if flagged_out is None else [flagged_out]))
    sinks: dict[str, _Sink] = {}
    with _signals.terminate_as_interrupt():  # SIGTERM / SIGHUP clean up like Ctrl-C
        try:
            for name, target in targets:
                sinks[name] = _Sink(target, csv_escape=csv_escape)
            for result in _results(job, chunksize, n_jobs, scheduler, progress, stats):
                if several:
                    if not isinstance(result.table, Mapping) or set(result.table) != set(sinks):
                        got = list(result.table) if isinstance(result.table, Mapping) else "one table"
                        raise StreamError(f"the measure returned {got}; the outputs name {list(sinks)}")
                    for name, sink in sinks.items():
                        sink.write(result.table[name])
                else:
                    sinks[""].write(result.table)
            for sink in sinks.values():
                sink.close()
            if flagged_out is not None:
                with _atomic.atomic_open(flagged_out, "w", encoding="utf-8", newline="") as fh:
                    table = pd.DataFrame(stats.flagged, columns=["doc_id", "reason"])
                    (_formulas.neutralise(table) if csv_escape else table).to_csv(fh, index=False)
        except BaseException:
            for sink in sinks.values():
                sink.abort()
            raise
    first = next(iter(sinks.values()))
    row = {
        **stats.row,
        "input": str(path),
        "output": "; ".join(str(s.out) for s in sinks.values()),
        "n_rows": first.n_rows,
        "n_chunks": stats.n_chunks,
        "n_jobs": stats.n_jobs if scheduler is None else 0,
        "seconds": time.perf_counter() - started,
    }
    return pd.DataFrame([row], columns=list(SUMMARY))


def score_file(
    path: str | Path,
    out: str | Path,
    *,
    lexicons: Any = None,
    n_jobs: int = 1,
    scheduler: Any = None,
    chunksize: int = CHUNKSIZE,
    progress: bool = False,
    **read_options: Any,
) -> pd.DataFrame:
    """Score a corpus file of any size with lexicons and write the scores incrementally.

    Equivalent to ``framing.score(framing.read_corpus(path), lexicons=lexicons)`` written to
    ``out``, with bounded memory and ``n_jobs`` processes.

    Parameters
    ----------
    path : str or Path
        A ``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.tsv`` or ``.parquet`` corpus file, or a
        directory of ``.txt`` files with its optional sidecar (as :func:`framing.read_corpus`).
    out : str or Path
        ``.parquet`` or ``.csv`` / ``.tsv`` result file.
    lexicons : optional
        As in :func:`framing.score` (``None``: every bundled lexicon).
    n_jobs, scheduler, chunksize, progress
        See :func:`map_corpus`.
    **read_options
        ``doc_id_col``, ``outlet_col``, ``text_col``, ``outlet``, ``clean``, ``patterns``,
        ``keep_raw``, ``encoding`` as in :func:`framing.read_corpus`.

    Returns
    -------
    pandas.DataFrame
        The run's accounting row, see :func:`apply_file`. The file holds ``doc_id, outlet,
        lexicon, category, voice, count, n_tokens, rate_per_1k`` (see :func:`framing.score`).
    """
    from framing.lexicon.load import resolve_lexicons

    # read once, not for every chunk (and the compiled matcher is then reused from chunk to chunk)
    return apply_file(
        "score", path, out, options={"lexicons": resolve_lexicons(lexicons)}, n_jobs=n_jobs, scheduler=scheduler,
        chunksize=chunksize, progress=progress, **read_options,
    )
