"""Reading a news corpus and cleaning site boilerplate out of it.

A corpus is a :class:`pandas.DataFrame` with one row per document and the
required columns ``doc_id`` (unique str), ``outlet`` (str) and ``text`` (str),
plus any metadata columns (``title``, ``date``, ``url``, ``agency``,
``country``, …) kept as given. When cleaning is on (the default) two columns
are added: ``raw_text`` (the text as read) and ``removed`` (what cleaning took
out, one line per removed piece; :func:`removed_lines` turns it into a table).
The cleaned ``text`` is the text every offset in the library refers to.
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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import schema
from framing.errors import CorpusError, InputNotFoundError

#: formats :func:`read_corpus` understands, for error messages
SUPPORTED_FORMATS = (
    "a directory of .txt files (optional metadata.csv / metadata.jsonl sidecar)",
    "a directory of .html / .htm files (needs the [html] extra: trafilatura)",
    ".csv", ".tsv", ".jsonl / .ndjson", ".jsonl.gz / .ndjson.gz", ".parquet",
)

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"

#: Default boilerplate rules: name -> regular expression matched against a whole
#: line (leading and trailing white space ignored). A line that matches is removed.
DEFAULT_PATTERNS: dict[str, str] = {
    # "Read More: …", "READ MORE: …", "Also read: …", "Related: …" links
    "read_more": r"(?i:read\s+more|also\s+read|related|recommended|see\s+also)\s*[:»|-].*",
    # embed shortcodes such as [time-brightcove not-tgx="true"]
    "embed_tag": r"\[[a-z][\w-]*(?:\s[^\[\]]*)?\]",
    # comment prompts
    "comment_prompt": r"(?i:leave a comment|add a comment|comments?|join the conversation|"
    r"\d+\s+comments?|show comments?)",
    # "Short link:" footers (with or without the link)
    "short_link": r"(?i:short\s*link)\s*:.*",
    # "Source » timesofisrael" footers
    "source_footer": r"(?i:source)\s*».*",
    # photo captions and credits
    "photo_credit": r".*(?:(?i:photo|image|picture)\s+(?i:courtesy|credit)(?:\s+of)?\b.*"
    r"|\((?i:photo|image|file photo)[:/ ][^)]*\)|^(?i:photo|image|file photo|photograph)\s*:.*)",
    # dateline lines such as "AFP , Wednesday 17 Jan 2024"
    "dateline": rf"[A-Z][\w.&'’ -]{{0,40}}\s*[,|–—-]\s*{_DATE}(?:\s+\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?.*)?",
    # copyright and rights lines
    "copyright": r"(?i:(?:copyright\s*)?©\s*(?:\d{4}|[\w .,-]{0,60}\d{4}).*|copyright\s+\d{4}\b.*|.*all rights reserved\.?)",
    # newsletter and subscription prompts
    "newsletter": r"(?i:(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox|updates)\b.*|.*delivered to your inbox\b.*)",
    # advertising slots
    "advertisement": r"(?i:advertisement:?|sponsored(?: content)?|(?:advertisement\s+)?(?:story\s+)?continue[sd]?\s+"
    r"(?:reading the main story|below)|story continues below(?: advertisement)?)",
    # "Click here …" and app prompts
    "click_here": r"(?i:click here\b.*)",
    # social-media follow prompts
    "follow_prompt": r"(?i:(?:follow|join) (?:us|@\w+)\b.{0,60}|follow @\w+.*)",
    # media player and gallery furniture
    "media_furniture": r"(?i:photo|photos|video|image|close|youtube|slideshow\s*\(\d+ images?\)|enlarge this image\b.*"
    r"|(?:next|prev(?:ious)?) image \d+ of \d+|image copyright\b.*|(?:hide|toggle) caption\b.*)",
    # "More On This...", "More:"
    "more_links": r"(?i:more(?: on this)?\s*(?:\.\.\.|…|:))",
    # separator lines: "___", "***", "----"
    "separator": r"[_*=~#•·-]{3,}",
    # relative timestamps of a page: "6 years ago", "This article is more than 1 year old"
    "timestamp": r"(?i:\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago|this article is more than \d+ \w+ old)",
    # editor's notes such as "*This story was edited by Ahram Online"
    "editor_note": r"\*?(?i:this (?:story|article|report) (?:was|has been) (?:edited|updated|corrected|amended))\b.*",
}

#: A leading site credit that opens a paragraph, "(Cupventi.com) – ", removed from its line.
SITE_CREDIT = re.compile(r"^\s*\((?:[\w-]+\.)+[a-z]{2,}\)\s*[–—-]+\s*")

_CAPTION_RULES = ("photo_credit",)
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_REMOVED_ENTRY = re.compile(r"^line (\d+) \[([^\]]+)\] (.*)$")


@dataclass(frozen=True)
class _Removal:
    line: int  # 1-based line number in the raw text
    rule: str
    text: str

    def entry(self) -> str:
        return f"line {self.line} [{self.rule}] {self.text}"


def _fold(s: str) -> str:
    return " ".join(s.translate(_QUOTE_FOLD).casefold().split())


def _compile(patterns: Mapping[str, str]) -> list[tuple[str, re.Pattern[str]]]:
    compiled = []
    for name, pattern in patterns.items():
        try:
            compiled.append((name, re.compile(rf"(?:{pattern})\Z")))
        except re.error as exc:
            raise CorpusError(f"cleaning pattern {name!r} is not a valid regular expression: {exc}") from None
    return compiled


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    patterns: Mapping[str, str] | None = None,
) -> tuple[str, list[_Removal]]:
    """Remove site boilerplate lines from one document.

    Parameters
    ----------
    raw : str
        The document as read.
    title : str, optional
        The title from the metadata; a first non-empty line that repeats it is removed.
    patterns : mapping of str to str, optional
        Rule name -> regular expression matched against a whole line. Defaults to
        :data:`DEFAULT_PATTERNS`; pass ``{**DEFAULT_PATTERNS, "mine": r"..."}`` to extend it.

    Returns
    -------
    text : str
        The cleaned text. Runs of blank lines left behind are folded to one blank line,
        and leading and trailing white space is removed.
    removed : list
        One record per removed piece with ``line`` (1-based line in ``raw``), ``rule`` and ``text``.
    """
    rules = _compile(DEFAULT_PATTERNS if patterns is None else patterns)
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    keep: list[str | None] = list(lines)
    removed: list[_Removal] = []
    title_key = _fold(title) if isinstance(title, str) and title.strip() else None
    first_content = next((i for i, ln in enumerate(lines) if ln.strip()), None)

    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if title_key is not None and i == first_content and _fold(stripped) == title_key:
            removed.append(_Removal(i + 1, "title", stripped))
            keep[i] = None
            continue
        rule = next((name for name, rx in rules if rx.match(stripped)), None)
        if rule is not None:
            removed.append(_Removal(i + 1, rule, stripped))
            keep[i] = None
            # image alt text: a short unpunctuated line right before a caption/credit
            if rule in _CAPTION_RULES and i > 0:
                prev = keep[i - 1]
                if prev is not None and _is_alt_text(prev):
                    removed.insert(len(removed) - 1, _Removal(i, "photo_alt_text", prev.strip()))
                    keep[i - 1] = None
            continue
        credit = SITE_CREDIT.match(line)
        if credit:
            removed.append(_Removal(i + 1, "site_credit", credit.group(0).strip()))
            keep[i] = line[credit.end():]

    text = "\n".join(ln for ln in keep if ln is not None)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()
    removed.sort(key=lambda r: r.line)
    return text, removed


def _is_alt_text(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 5 and s[-1:] not in ".!?:;\"”’'"


def removed_lines(corpus: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed, one row per removed line.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus read with cleaning on (it has a ``removed`` column).

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (document), ``line`` (1-based line number in ``raw_text``),
        ``rule`` (the boilerplate rule that matched, or ``title`` / ``site_credit`` /
        ``photo_alt_text``) and ``text`` (what was removed).
    """
    schema.require(corpus, ("doc_id", "removed"), what="corpus")
    rows = []
    for doc_id, removed in zip(corpus["doc_id"], corpus["removed"]):
        if not isinstance(removed, str) or not removed:
            continue
        for entry in removed.split("\n"):
            m = _REMOVED_ENTRY.match(entry)
            if m:
                rows.append((doc_id, int(m.group(1)), m.group(2), m.group(3)))
    return pd.DataFrame(rows, columns=list(schema.REMOVED)).astype({"line": "int64"})


def clean_corpus(
    corpus: pd.DataFrame,
    *,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
) -> pd.DataFrame:
    """Clean boilerplate out of every document of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (``doc_id``, ``outlet``, ``text``; a ``title`` column is used to drop a repeated title line).
        If it was cleaned before (it has ``raw_text``), cleaning starts again from ``raw_text``.
    patterns : mapping of str to str, optional
        Boilerplate rules (see :func:`clean_text`).
    keep_raw : bool
        Keep the text as read in a ``raw_text`` column (default).

    Returns
    -------
    pandas.DataFrame
        A new corpus: ``text`` cleaned, ``removed`` listing what was taken out
        (see :func:`removed_lines`), ``raw_text`` the text as read; other columns unchanged.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    source = corpus["raw_text"] if "raw_text" in corpus.columns else corpus["text"]
    titles = corpus["title"] if "title" in corpus.columns else [None] * len(corpus)
    texts, logs = [], []
    for raw, title in zip(source, titles):
        text, removed = clean_text(raw, title=title if isinstance(title, str) else None, patterns=patterns)
        texts.append(text)
        logs.append("\n".join(r.entry() for r in removed))
    out = corpus.copy()
    if keep_raw:
        out["raw_text"] = pd.Series(list(source), index=corpus.index, dtype="str")
    elif "raw_text" in out.columns:
        out = out.drop(columns="raw_text")
    # typed, so that a corpus of no documents still has text columns (an empty list would be float)
    out["text"] = pd.Series(texts, index=corpus.index, dtype="str")
    out["removed"] = pd.Series(logs, index=corpus.index, dtype="str")
    return out


# --------------------------------------------------------------------------- reading


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(data: bytes, source: str, encoding: str) -> str:
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
_DAMAGED = (EOFError, gzip.BadGzipFile, zlib.error)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.name.endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except _DAMAGED as exc:
        raise CorpusError(f"{path}: cannot read the file, it is damaged ({exc})") from None
    except OSError as exc:
        raise InputNotFoundError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def _read_text_file(path: Path, encoding: str) -> str:
    text = _decode(_read_bytes(path), str(path), encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _read_jsonl(path: Path, encoding: str, string_cols: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.Index]:
    table, lines = _jsonl_frame(_read_text_file(path, encoding), path, string_cols=string_cols)
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


def _jsonl_frame(
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


def _csv_options(sep: str, string_cols: Iterable[str]) -> dict[str, Any]:
    """Options of :func:`pandas.read_csv` for a corpus file (also used to read one in chunks)."""
    return {"sep": sep, "dtype": {c: str for c in string_cols}, "keep_default_na": False, "na_values": [""]}


class _FieldCheck:
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
                self._refuse(start, fields)
            starts.append(start)
            if n is not None and len(starts) >= n:
                break
        return np.asarray(starts, dtype=np.int64)

    def _refuse(self, start: int, fields: list[str]) -> None:
        assert self.header is not None
        width = len(self.header)
        shown = ", ".join(self.header[:8]) + (", …" if width > 8 else "")
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
    text = _read_text_file(path, encoding)
    # lines split on "\n" are quicker to walk than a StringIO, which a lone "\r" line end needs
    lines = text.split("\n") if "\r" not in text else io.StringIO(text, newline="")
    starts = _FieldCheck(lines, path, sep).lines()
    del lines
    try:
        table = pd.read_csv(io.StringIO(text), **_csv_options(sep, string_cols))
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: the file is empty; expected a header line with columns") from None
    except pd.errors.ParserError as exc:
        raise CorpusError(f"{path}: malformed {'TSV' if sep == chr(9) else 'CSV'} ({exc})") from None
    return table, _positions(starts, len(table), "line")


def _positions(numbers: Sequence[int], n: int, unit: str) -> pd.Index | None:
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


def _read_directory(
    directory: Path, encoding: str, doc_id_col: str, *, texts: bool = True
) -> tuple[pd.DataFrame, str]:
    """The documents of a directory joined with its sidecar, in corpus order.

    With ``texts=False`` the ``.txt`` files are not read (their ``text`` is None): the
    plan of a read in chunks (:mod:`framing.stream`), which then reads each file's text.
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
        raw = _read_text_file(path, encoding) if texts or path.suffix.lower() != ".txt" else None
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


def _detect(path: Path) -> str:
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
    fmt = _detect(path)
    if fmt == "dir":
        return _read_directory(path, encoding, "doc_id")[0]
    return _read_file(path, fmt, encoding, string_columns)[0]


def _read_file(
    path: Path, fmt: str, encoding: str, string_columns: Iterable[str]
) -> tuple[pd.DataFrame, pd.Index | None]:
    """The records of a corpus file and where each one is in it (its line, or its Parquet row)."""
    if fmt == "jsonl":
        return _read_jsonl(path, encoding, string_columns)
    if fmt in ("csv", "tsv"):
        return _read_delimited(path, "," if fmt == "csv" else "\t", encoding, string_columns)
    return _read_parquet(path)


def _where(positions: pd.Index | None, rows: list[int]) -> str:
    """``line 3`` or ``lines 3, 8, …``: where records at 0-based ``rows`` are in their source."""
    unit = str(positions.name) if positions is not None and positions.name else "record"
    shown = [int(positions[i]) if positions is not None else i + 1 for i in rows[:10]]
    listed = ", ".join(map(str, shown)) + (" …" if len(rows) > 10 else "")
    return f"{unit} {listed}" if len(rows) == 1 else f"{unit}s {listed}"


#: JSON / Parquet values that are not text: refused as a doc_id, outlet or text
_NOT_TEXT = (list, tuple, dict, set, np.ndarray, bool, np.bool_)
#: kinds of :func:`pandas.api.types.infer_dtype` a column of text, numbers and missing values has
_TEXT_KINDS = {"string", "empty", "integer", "floating", "mixed-integer-float", "decimal"}


def _text_values(
    table: pd.DataFrame, columns: Iterable[str], source: str, positions: pd.Index | None
) -> pd.DataFrame:
    """``table`` with bytes in ``columns`` decoded as UTF-8 (undecodable bytes replaced, with a
    warning naming the column and the records); a list, mapping or true/false value there is an error."""
    decoded: dict[str, list[Any]] = {}
    for column in dict.fromkeys(columns):
        if column not in table.columns:
            continue
        values = table[column]
        if values.dtype == bool:
            bad = list(range(len(values)))
        elif values.dtype != object or pd.api.types.infer_dtype(values, skipna=True) in _TEXT_KINDS:
            continue
        else:
            bad = [i for i, v in enumerate(values) if isinstance(v, _NOT_TEXT)]
        if bad:
            value = values.iloc[bad[0]]
            kind = ("true/false" if isinstance(value, (bool, np.bool_)) else
                    "a mapping" if isinstance(value, dict) else "a list")
            raise CorpusError(
                f"{source}, {_where(positions, bad)}: {column} is {kind} ({str(value)[:60]}), expected text"
            )
        if any(isinstance(v, (bytes, bytearray)) for v in values):
            decoded[column], undecodable = _decoded(values)
            if undecodable:
                warnings.warn(
                    f"{source}, {_where(positions, undecodable)}: undecodable bytes as UTF-8 in column "
                    f"{column!r}; they were replaced with U+FFFD",
                    UnicodeWarning,
                    stacklevel=4,
                )
    if not decoded:
        return table
    return table.assign(**{c: pd.Series(v, index=table.index, dtype=object) for c, v in decoded.items()})


def _decoded(values: pd.Series) -> tuple[list[Any], list[int]]:
    """``values`` with bytes decoded as UTF-8, and the positions where bytes were undecodable."""
    out, undecodable = [], []
    for i, value in enumerate(values):
        if isinstance(value, (bytes, bytearray)):
            try:
                value = bytes(value).decode("utf-8")
            except UnicodeDecodeError:
                value = bytes(value).decode("utf-8", errors="replace")
                undecodable.append(i)
        out.append(value)
    return out, undecodable


def as_corpus(
    table: pd.DataFrame,
    *,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    source: str = "the table",
    positions: pd.Index | None = None,
) -> pd.DataFrame:
    """Check a table of documents and turn it into a corpus.

    Parameters
    ----------
    table : pandas.DataFrame
        Records with an id, an outlet and a text column (named by the ``*_col`` options).
    doc_id_col, outlet_col, text_col : str
        Names of those columns in ``table``; they are renamed to ``doc_id``, ``outlet``, ``text``.
    outlet : str, optional
        The outlet of every document that has none (no outlet column, or an empty value).
    clean : bool
        Remove boilerplate (see :func:`clean_text`); default True.
    patterns : mapping, optional
        Boilerplate rules replacing :data:`DEFAULT_PATTERNS`.
    keep_raw : bool
        Keep the text as read in ``raw_text`` when cleaning.
    source : str
        Where the table came from, named in errors and warnings.
    positions : pandas.Index, optional
        Where each record is in ``source``, named in errors: an index of numbers named after
        their unit, e.g. ``pd.Index([2, 3, 5], name="line")``. Default: the record's 1-based number.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``outlet`` (str), ``text`` (str), then every other column as given;
        with cleaning, also ``raw_text`` and ``removed``. Bytes in those three columns are
        decoded as UTF-8 (undecodable bytes replaced with U+FFFD, with a warning naming the
        column and the records).

    Raises
    ------
    SchemaError
        A required column is missing (the message names the file, the column and the columns found).
    CorpusError
        An empty ``doc_id``, a ``doc_id``, outlet or text that is a list, a mapping or true/false
        (the message names the record), or duplicate ``doc_id`` values (listed in the message).
    """
    found = list(map(str, table.columns))
    renames = {doc_id_col: "doc_id", outlet_col: "outlet", text_col: "text"}
    if positions is not None and len(positions) != len(table):
        positions = None
    table = _text_values(table, (doc_id_col, outlet_col, text_col), source, positions)
    if outlet is not None:
        filled = table[outlet_col].fillna(outlet) if outlet_col in table.columns else outlet
        table = table.assign(**{outlet_col: filled})
    for column in (doc_id_col, outlet_col, text_col):
        if column not in table.columns:
            hint = ""
            if column == outlet_col:
                hint = " (or give every document one outlet: outlet='Name', or --outlet NAME on the command line)"
            raise schema.SchemaError(
                f"{source}: missing required column {column!r}{hint}; columns found: {found}"
            )
    clash = [new for old, new in renames.items() if old != new and new in table.columns]
    if clash:
        raise schema.SchemaError(
            f"{source}: column(s) {clash} exist already and would be overwritten by renaming "
            f"{[k for k, v in renames.items() if v in clash]}"
        )
    out = table.rename(columns=renames)
    front = ["doc_id", "outlet", "text"]
    out = out[front + [c for c in out.columns if c not in front]].reset_index(drop=True)

    ids = out["doc_id"]
    blank = ids.isna() | (ids.astype(str).str.strip() == "")
    if blank.any():
        where = _where(positions, np.flatnonzero(blank.to_numpy()).tolist())
        raise CorpusError(f"{source}, {where}: doc_id is empty; every document needs an id")
    out["doc_id"] = ids.astype(str)
    dup = out["doc_id"][out["doc_id"].duplicated()].unique().tolist()
    if dup:
        raise CorpusError(f"{source}: duplicate doc_id values: {dup[:20]}" + (" …" if len(dup) > 20 else ""))
    outlets = out["outlet"]
    if outlets.isna().any():
        bad = out.loc[outlets.isna(), "doc_id"].tolist()
        raise CorpusError(f"{source}: outlet is empty for document(s) {bad[:10]}")
    out["outlet"] = outlets.astype(str)

    texts = out["text"]
    empty_mask = texts.isna() | (texts.astype(str).str.strip() == "")
    out["text"] = texts.where(~texts.isna(), "").astype(str)
    if clean:
        out = clean_corpus(out, patterns=patterns, keep_raw=keep_raw)
        empty_mask = empty_mask | (out["text"].str.len() == 0)
    if empty_mask.any():
        empty = out.loc[empty_mask, "doc_id"].tolist()
        warnings.warn(
            f"{source}: {len(empty)} empty document(s) kept with no text: {empty[:10]}",
            UserWarning,
            stacklevel=2,
        )
    return out


def read_corpus(
    path: str | Path,
    *,
    doc_id_col: str = "doc_id",
    outlet_col: str = "outlet",
    text_col: str = "text",
    outlet: str | None = None,
    clean: bool = True,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a news corpus from a file or a directory.

    Parameters
    ----------
    path : str or Path
        One of: a directory of ``.txt`` files with an optional ``metadata.csv`` or
        ``metadata.jsonl`` sidecar joined on its ``file`` (file name) or ``doc_id``
        (file name without extension) column; a directory of ``.html`` files (main
        text extracted with trafilatura; needs the ``[html]`` extra); a ``.csv``,
        ``.tsv``, ``.jsonl``, ``.jsonl.gz`` or ``.parquet`` file with one document per row.
    doc_id_col, outlet_col, text_col : str
        Column names in the file, e.g. ``text_col="content"``, ``outlet_col="source"``.
        A text directory without a ``doc_id`` in its sidecar uses the file name without extension.
    outlet : str, optional
        The outlet of every document the source gives none (no outlet column, or an empty value).
    clean : bool
        Remove site boilerplate lines (see :func:`clean_text`), default True.
    patterns : mapping of str to str, optional
        Boilerplate rules replacing :data:`DEFAULT_PATTERNS`.
    keep_raw : bool
        Keep the text as read in ``raw_text`` (default True).
    encoding : str
        Encoding of text files; undecodable bytes are replaced with a warning naming the file.

    Returns
    -------
    pandas.DataFrame
        The corpus: ``doc_id``, ``outlet``, ``text`` (cleaned), every metadata column as given
        and, with cleaning, ``raw_text`` and ``removed``.

    Raises
    ------
    InputNotFoundError
        The path does not exist.
    CorpusError
        Unsupported format, malformed file (the message names the file and the line), duplicate ids.
    SchemaError
        A required column is missing (the message names the file, the column and the columns found).

    Examples
    --------
    >>> import framing
    >>> corpus = framing.read_corpus("articles.jsonl.gz", text_col="content", outlet_col="source")  # doctest: +SKIP
    """
    path = Path(path)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    codecs.lookup(encoding)
    fmt = _detect(path)
    positions = None
    if fmt == "dir":
        table, source = _read_directory(path, encoding, doc_id_col)
    else:
        table, positions = _read_file(path, fmt, encoding, (doc_id_col, outlet_col, text_col))
        source = str(path)
    return as_corpus(
        table,
        doc_id_col=doc_id_col,
        outlet_col=outlet_col,
        text_col=text_col,
        outlet=outlet,
        clean=clean,
        patterns=patterns,
        keep_raw=keep_raw,
        source=source,
        positions=positions,
    )


def example_corpus(*, clean: bool = True) -> pd.DataFrame:
    """The bundled example: five articles on the January 2024 Iran–Pakistan strikes.

    The Times of Israel and Ahram Online ran the same AFP dispatch; Scroll.in an AP-based
    report; TIME a Bloomberg-based one; Cupventi a rewrite. Metadata: ``file``, ``country``,
    ``date``, ``agency``, ``title``, ``notes``.

    Parameters
    ----------
    clean : bool
        Remove site boilerplate (default True), as :func:`read_corpus` does.

    Returns
    -------
    pandas.DataFrame
        The corpus with doc_ids ``timesofisrael``, ``scroll``, ``cupventi``, ``ahram``, ``time``.
    """
    folder = resources.files("framing.data").joinpath("iran_pakistan_2024")
    with resources.as_file(folder) as path:
        return read_corpus(path, clean=clean)
