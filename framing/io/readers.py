"""Readers: the files a corpus can come from (a folder of ``.txt`` or ``.html`` files with a metadata sidecar,
CSV/TSV, JSON lines, Parquet), decoded and parsed into tables, with every record's line or row kept so that
errors name where a problem is. :func:`framing.read_corpus` and the streamed reader
(:mod:`framing.scale.stream`) both read through these functions, so both read a file the same way.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import warnings
import zlib
from collections.abc import Mapping, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import CorpusError, InputNotFoundError

__all__ = ["DAMAGED", "LONE_SURROGATE", "SUPPORTED_FORMATS", "FieldCheck", "ReadOptions", "csv_options", "decode", "detect_format",
           "jsonl_frame", "positions", "read_directory", "read_file", "read_table", "read_text_file"]

@dataclass(frozen=True)
class ReadOptions:
    """How to read a corpus file: its path and format, the column names, the outlet for rows without one,
    cleaning, and the text encoding (the options of :func:`framing.read_corpus`, kept together so a reader
    running in another process reads a file exactly as :func:`framing.read_corpus` would)."""

    path: str
    fmt: str
    doc_id_col: str = "doc_id"
    outlet_col: str = "outlet"
    text_col: str = "text"
    outlet: str | None = None
    clean: bool = True
    patterns: Mapping[str, str] | None = None
    keep_raw: bool = True
    encoding: str = "utf-8"


#: formats :func:`read_corpus` understands, for error messages
SUPPORTED_FORMATS = (
    "a directory of .txt files (optional metadata.csv / metadata.jsonl sidecar)",
    "a directory of .html / .htm files (needs the [html] extra: trafilatura)",
    ".csv", ".tsv", ".jsonl / .ndjson", ".jsonl.gz / .ndjson.gz", ".parquet",
)



_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, source: str, encoding: str) -> str:
    if codecs.lookup(encoding).name == "utf-8":
        # a byte-order mark says unambiguously that the file is UTF-16 or UTF-32
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding = name
                break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        warnings.warn(
            f"{source}: undecodable bytes as {encoding} (first at line {line}, byte {exc.start}); "
            "they were replaced with U+FFFD",
            UnicodeWarning,
            stacklevel=3,
        )
        return data.decode(encoding, errors="replace")


#: errors of a compressed file that is damaged (malformed input, not an unreadable path)
DAMAGED = (EOFError, gzip.BadGzipFile, zlib.error)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.name.endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except DAMAGED as exc:
        raise CorpusError(f"{path}: cannot read the file, it is damaged ({exc})") from None
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def read_text_file(path: Path, encoding: str) -> str:
    text = decode(_read_bytes(path), str(path), encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _read_jsonl(path: Path, encoding: str, string_cols: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.Index]:
    table, lines = jsonl_frame(read_text_file(path, encoding), path, string_cols=string_cols)
    if table.empty:
        raise CorpusError(f"{path}: the file has no records; expected one JSON object per line")
    return table, lines


class _Number(str):
    """A JSON number as written in the file."""


#: parses a JSON line keeping each number's text (made once: ``json.loads`` with options makes one per call)
_DECODER = json.JSONDecoder(parse_int=_Number, parse_float=_Number)
#: types of parsed JSON values that may hold a number
_PARSED = (_Number, list, dict)


def _json_value(value: Any) -> Any:
    """``value`` with the JSON numbers in it parsed as :func:`json.loads` parses them."""
    if type(value) is _Number:
        return float(value) if any(c in value for c in ".eE") else int(value)
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def jsonl_frame(
    text: str, path: Path | str, first_line: int = 1, string_cols: Iterable[str] = ()
) -> tuple[pd.DataFrame, pd.Index]:
    """Records of JSON lines ``text`` whose first line is line ``first_line`` of ``path``, and the
    line of each record.

    A number in one of ``string_cols`` is kept as written (``1`` stays ``"1"``, a 20-digit id keeps
    its digits) instead of becoming an int or a float; numbers elsewhere are parsed as usual.
    """
    as_text = set(string_cols)
    records, lines = [], []
    for lineno, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        try:
            record = _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}, line {lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise CorpusError(f"{path}, line {lineno}: expected a JSON object per line, got {type(record).__name__}")
        for key in [k for k, v in record.items() if type(v) in _PARSED]:
            value = record[key]
            record[key] = str(value) if key in as_text and type(value) is _Number else _json_value(value)
        if "\\u" in line:
            record = _without_lone_surrogates(record, path, lineno)
        records.append(record)
        lines.append(lineno)
    return pd.DataFrame.from_records(records), pd.Index(lines, name="line")


#: a lone surrogate code point: representable in a Python string, but not text
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(record: dict, path: Path | str, lineno: int) -> dict:
    """``record`` with the lone surrogates that JSON ``\\u`` escapes can encode (they are not text
    and cannot be stored) replaced with U+FFFD, with a warning naming the line."""
    bad = [k for k, v in record.items() if isinstance(v, str) and LONE_SURROGATE.search(v)]
    if not bad:
        return record
    warnings.warn(
        f"{path}, line {lineno}: lone surrogate escapes in {', '.join(map(str, bad))} "
        "(not valid Unicode); they were replaced with U+FFFD",
        UnicodeWarning,
        stacklevel=4,
    )
    return {k: LONE_SURROGATE.sub("\ufffd", v) if k in bad else v for k, v in record.items()}


def csv_options(sep: str, string_cols: Iterable[str]) -> dict[str, Any]:
    """Options of :func:`pandas.read_csv` for a corpus file (also used to read one in chunks)."""
    return {"sep": sep, "dtype": {c: str for c in string_cols}, "keep_default_na": False, "na_values": [""]}


class FieldCheck:
    """Checks that every record of a CSV / TSV has as many fields as its header, and says where
    each record starts.

    pandas fills a row with too few fields with missing values, and a first row with one field
    too many silently becomes the index (shifting every column); so the records are counted here,
    read with the quoting rules pandas uses, before (or alongside) pandas parses them.

    Parameters
    ----------
    lines : iterable of str
        The text of the file, as from a file opened with ``newline=""``.
    path : Path or str
        The file, named in errors.
    sep : str
        The field separator.
    """

    def __init__(self, lines: Iterable[str], path: Path | str, sep: str) -> None:
        if csv.field_size_limit() < _FIELD_LIMIT:  # a news text can be longer than the default 128 KiB
            csv.field_size_limit(_FIELD_LIMIT)
        self.reader = csv.reader(lines, delimiter=sep, quotechar='"', doublequote=True, strict=False)
        self.path = path
        self.kind = "TSV" if sep == "\t" else "CSV"
        self.sep = sep
        self.header: list[str] | None = None

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """(first line, fields) of each record, blank lines skipped as pandas skips them."""
        start = self.reader.line_num + 1
        try:
            for fields in self.reader:
                if fields and not (len(fields) == 1 and not fields[0].strip()):
                    yield start, fields
                start = self.reader.line_num + 1
        except csv.Error as exc:
            raise CorpusError(f"{self.path}, line {start}: malformed {self.kind} ({exc})") from None

    def lines(self, n: int | None = None) -> np.ndarray:
        """The first line of each of the next ``n`` records (every record left when None).

        Raises
        ------
        CorpusError
            A record has more or fewer fields than the header (the message names the line).
        """
        records = self._records()
        if self.header is None:
            first = next(records, None)
            if first is None:
                return np.empty(0, dtype=np.int64)
            self.header = first[1]
        width = len(self.header)
        starts: list[int] = []
        for start, fields in records:
            if len(fields) != width:
                self._refuse(start, fields, self.header)
            starts.append(start)
            if n is not None and len(starts) >= n:
                break
        return np.asarray(starts, dtype=np.int64)

    def _refuse(self, start: int, fields: list[str], header: list[str]) -> None:
        width = len(header)
        shown = ", ".join(header[:8]) + (", …" if width > 8 else "")
        hint = (f"; a field that contains the separator {self.sep!r} must be in double quotes"
                if len(fields) > width else "")
        raise CorpusError(
            f"{self.path}, line {start}: {len(fields)} fields where the header has {width} ({shown}){hint}"
        )


#: the longest CSV field read (the csv module's default is 128 KiB)
_FIELD_LIMIT = 2**31 - 1


def _read_delimited(
    path: Path, sep: str, encoding: str, string_cols: Iterable[str]
) -> tuple[pd.DataFrame, pd.Index]:
    text = read_text_file(path, encoding)
    # lines split on "\n" are quicker to walk than a StringIO, which a lone "\r" line end needs
    lines = text.split("\n") if "\r" not in text else io.StringIO(text, newline="")
    starts = FieldCheck(lines, path, sep).lines()
    del lines
    try:
        table = pd.read_csv(io.StringIO(text), **csv_options(sep, string_cols))
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: the file is empty; expected a header line with columns") from None
    except pd.errors.ParserError as exc:
        raise CorpusError(f"{path}: malformed {'TSV' if sep == chr(9) else 'CSV'} ({exc})") from None
    return table, positions(starts, len(table), "line")


def positions(numbers: Sequence[int], n: int, unit: str) -> pd.Index | None:
    """Where each of ``n`` records is in its file (``unit`` ``line`` or ``row``); None when the
    count differs (then errors number the records themselves)."""
    return pd.Index(numbers, name=unit) if len(numbers) == n else None


def _read_parquet(path: Path) -> tuple[pd.DataFrame, pd.Index]:
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    try:
        table = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several unrelated types
        raise CorpusError(f"{path}: cannot read as Parquet ({type(exc).__name__}: {exc})") from None
    return table, pd.RangeIndex(1, len(table) + 1, name="row")


def _read_sidecar(
    directory: Path, encoding: str, doc_id_col: str = "doc_id"
) -> tuple[pd.DataFrame | None, Path | None]:
    for name in ("metadata.csv", "metadata.jsonl"):
        path = directory / name
        if path.is_file():
            if name.endswith(".csv"):
                meta = _read_delimited(path, ",", encoding, ("doc_id", "file", "outlet", doc_id_col))[0]
            else:
                meta = _read_jsonl(path, encoding, ("doc_id", "file", "outlet", doc_id_col))[0]
            if "file" not in meta.columns and "doc_id" not in meta.columns:
                raise CorpusError(
                    f"{path}: a metadata sidecar needs a 'file' or 'doc_id' column to join on; "
                    f"columns found: {list(meta.columns)}"
                )
            return meta, path
    return None, None


def _html_to_text(html: str, source: Path) -> tuple[str, dict[str, Any]]:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the environment
        raise CorpusError(
            f"{source}: reading HTML needs trafilatura; install it with  pip install 'news-framing[html]'"
        ) from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta: dict[str, Any] = {}
    doc = trafilatura.extract_metadata(html)
    if doc is not None:
        for key in ("title", "date", "url", "sitename"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
    return text, meta


def _document_files(directory: Path) -> tuple[list[Path], list[Path]]:
    """The ``.txt`` and the ``.html`` / ``.htm`` files of a directory, sorted.

    A link whose target is missing, or that leads back to itself, is skipped with a warning
    naming it; an entry with such a name that is not a file (a folder, a pipe) is an error.
    """
    try:
        entries = sorted(p for p in directory.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    except OSError as exc:
        raise InputNotFoundError(f"{directory}: cannot list the directory ({exc.strerror or exc})") from None
    broken, files = [], []
    for path in entries:
        if path.is_symlink() and not path.exists():  # dangling, or a loop (resolving it fails)
            broken.append(path.name)
        elif not path.is_file():
            raise InputNotFoundError(f"{path}: cannot read the file (it is not a regular file)")
        else:
            files.append(path)
    if broken:
        warnings.warn(
            f"{directory}: {len(broken)} link(s) skipped whose target is missing or loops: "
            + ", ".join(broken[:20]) + (" …" if len(broken) > 20 else ""),
            UserWarning,
            stacklevel=4,
        )
    return ([p for p in files if p.suffix.lower() == ".txt"],
            [p for p in files if p.suffix.lower() != ".txt"])


def read_directory(
    directory: Path, encoding: str, doc_id_col: str, *, texts: bool = True
) -> tuple[pd.DataFrame, str]:
    """The documents of a directory joined with its sidecar, in corpus order.

    With ``texts=False`` the ``.txt`` files are not read (their ``text`` is None): the
    plan of a read in chunks (:mod:`framing.scale.stream`), which then reads each file's text.
    """
    txt, html = _document_files(directory)
    files = txt + html
    if not files:
        raise CorpusError(
            f"{directory}: the directory has no .txt or .html files; supported inputs are: "
            + "; ".join(SUPPORTED_FORMATS)
        )
    meta, meta_path = _read_sidecar(directory, encoding, doc_id_col)
    rows = []
    for path in files:
        raw = read_text_file(path, encoding) if texts or path.suffix.lower() != ".txt" else None
        row: dict[str, Any] = {"file": path.name, doc_id_col: path.stem}
        if path in html:
            text, html_meta = _html_to_text(raw, path)
            row.update({k: v for k, v in html_meta.items() if k != "sitename"})
            if "sitename" in html_meta:
                row["outlet"] = html_meta["sitename"]
            row["text"] = text
        else:
            row["text"] = raw
        rows.append(row)
    table = pd.DataFrame(rows)
    source = str(directory)
    if meta is None:
        return table, source
    key = "file" if "file" in meta.columns else "doc_id"
    meta = meta.copy()
    meta[key] = meta[key].astype(str)
    known = set(table[key])
    unknown = [v for v in meta[key] if v not in known]
    if unknown:
        raise CorpusError(f"{meta_path}: rows name files that are not in {directory}: {unknown[:10]}")
    dup = meta[key][meta[key].duplicated()].tolist()
    if dup:
        raise CorpusError(f"{meta_path}: {key} values appear more than once: {dup[:10]}")
    stems = table.set_index(key)[doc_id_col] if key == "file" else None
    table = table.drop(columns=[c for c in meta.columns if c in table.columns and c not in (key, "text")])
    listed = table[key].isin(set(meta[key]))
    merged = pd.concat([meta.merge(table[listed], on=key, how="left"), table[~listed]], ignore_index=True)
    unlisted = table.loc[~listed, "file"].tolist()
    if unlisted:
        warnings.warn(
            f"{meta_path}: no metadata row for {len(unlisted)} file(s) {unlisted[:10]}; "
            "their doc_id is the file name without extension",
            UserWarning,
            stacklevel=3,
        )
    if stems is not None:
        if doc_id_col in merged.columns:  # an empty id in the sidecar (CSV or JSON lines): the file's name
            given = merged[doc_id_col]
            given = given.where(given.astype(str).str.strip() != "")
            merged[doc_id_col] = given.fillna(merged[key].map(stems))
        else:
            merged[doc_id_col] = merged[key].map(stems)
    # the sidecar's order first, then the files it does not list
    return merged.reset_index(drop=True), f"{directory} (with {meta_path.name})"


def detect_format(path: Path) -> str:
    name = path.name.lower()
    if path.is_dir():
        return "dir"
    for suffix, fmt in (
        (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
        (".csv", "csv"), (".csv.gz", "csv"), (".tsv", "tsv"), (".tsv.gz", "tsv"),
        (".parquet", "parquet"), (".pq", "parquet"),
    ):
        if name.endswith(suffix):
            return fmt
    raise CorpusError(
        f"{path}: unsupported corpus format {''.join(path.suffixes) or '(no extension)'!r}; supported inputs are: "
        + "; ".join(SUPPORTED_FORMATS)
    )


def read_table(
    path: str | Path,
    *,
    encoding: str = "utf-8",
    string_columns: Iterable[str] = ("doc_id", "outlet", "text"),
) -> pd.DataFrame:
    """Read one corpus file (or directory) into a table without cleaning it.

    Only what would make the records misread is checked: a CSV/TSV record with more or
    fewer fields than the header, malformed JSON, an unreadable file.

    Parameters
    ----------
    path : str or Path
        A file or directory in one of :data:`SUPPORTED_FORMATS`.
    encoding : str
        Text encoding of the file(s).
    string_columns : iterable of str
        Columns read as text exactly as written: a CSV/TSV column is not parsed as numbers, and a
        JSON number in one keeps its digits (``1`` is ``"1"``, never ``1.0``).

    Returns
    -------
    pandas.DataFrame
        The records as read; a text directory gives a ``file`` column and one row per file.
    """
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    codecs.lookup(encoding)
    fmt = detect_format(path)
    if fmt == "dir":
        return read_directory(path, encoding, "doc_id")[0]
    return read_file(path, fmt, encoding, string_columns)[0]


def read_file(
    path: Path, fmt: str, encoding: str, string_columns: Iterable[str]
) -> tuple[pd.DataFrame, pd.Index | None]:
    """The records of a corpus file and where each one is in it (its line, or its Parquet row)."""
    if fmt == "jsonl":
        return _read_jsonl(path, encoding, string_columns)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, "," if fmt == "csv" else "\t", encoding, string_columns)
    return _read_parquet(path)
