"""Lexicons: the file format, loading and validation.

A lexicon is a YAML file::

    name: hedging                 # required: letters, digits, _ or -
    version: "1.0"                # required
    description: ...              # optional
    language: en                  # optional (default en)
    references: [...]             # optional: the literature it draws on
    categories:                   # required, non-empty
      distancing:
        description: ...
        terms:                    # words or phrases
          - allegedly
          - so-called
          - said to be            # a phrase: any whitespace between words
          - terror*               # * at the start or end of a word only
          - {term: US, case_sensitive: true, weight: 2.0}
        exclude:                  # optional: matches these cover are dropped
          - claimed responsibility
        categories:               # optional: nested categories
          ...

Category names are letters, digits and ``_``. A nested category's full name
joins the path with dots (``victims.children`` in the ``casualty`` lexicon);
:attr:`Lexicon.categories` is keyed by full name, and the ``category`` column
of :func:`framing.find` holds it. A match belongs to the category that lists
the term; in :func:`framing.score` a parent category also counts every match
of its subcategories. ``exclude`` terms apply to the category's own terms and
to those of its subcategories.

Terms are matched on tokens (see :mod:`framing.text.tokens`): case-insensitively
unless ``case_sensitive``; a word also matches its form with an English clitic
(``group`` matches ``group's``); ``*`` stands for any (possibly empty) run of
characters inside one token. No regular expressions are built from terms, so
no lexicon can make matching slow.

LIWC-style ``.dic`` files and quanteda-style YAML dictionaries (a mapping of
category names to lists of patterns, possibly nested) are read too, by
:func:`load_lexicon`.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from framing._yaml import YamlMap, YamlSeq, YamlStr, line_of, load_yaml, read_limited
from framing.errors import InputNotFoundError, LexiconError
from framing.text.tokens import TOKEN_RE, normalize

__all__ = [
    "Lexicon",
    "Category",
    "Term",
    "Element",
    "LexiconWarning",
    "load_lexicon",
    "lexicon_names",
    "lexicon_from_dict",
    "check_lexicon",
]

_TOP_KEYS = ("name", "version", "description", "language", "references", "categories")
_REQUIRED_TOP = ("name", "version", "categories")
_CATEGORY_KEYS = ("description", "terms", "exclude", "categories")
_TERM_KEYS = ("term", "case_sensitive", "weight")
_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_CATEGORY_RE = re.compile(r"^[A-Za-z0-9_]+$")
# characters a wildcard word may contain (it must fall inside one token)
_WILDCARD_CORE_RE = re.compile(r"^[\w\-\u2010\u2011'\u2019.]+$")


class LexiconWarning(UserWarning):
    """A lexicon is valid but suspicious (e.g. a term listed in two categories)."""


@dataclass(frozen=True)
class Element:
    """One token of a term: how it is compared with a token of the text.

    ``kind`` is ``exact``, ``prefix`` (``terror*``), ``suffix`` (``*-backed``)
    or ``contains`` (``*terror*``); ``value`` is the normalised text without
    the ``*`` (lower-cased unless ``case_sensitive``).
    """

    kind: str
    value: str
    case_sensitive: bool = False

    def matches(self, form: str) -> bool:
        """True if a normalised token form (lower-cased unless case-sensitive) matches."""
        if self.kind == "exact":
            return form == self.value
        if self.kind == "prefix":
            return form.startswith(self.value)
        if self.kind == "suffix":
            return form.endswith(self.value)
        return self.value in form


@dataclass(frozen=True)
class Term:
    """A term of a lexicon category.

    Attributes
    ----------
    text : str
        The term as written in the file (``terror*``, ``according to``).
    category : str
        Full (dotted) name of the category that lists it.
    elements : tuple of Element
        One element per token the term must match, in order.
    case_sensitive : bool
    weight : float
    exclude : bool
        True for an ``exclude`` entry.
    line : int or None
        Line of the entry in its file (1-based), if known.
    """

    text: str
    category: str
    elements: tuple[Element, ...]
    case_sensitive: bool = False
    weight: float = 1.0
    exclude: bool = False
    line: int | None = None

    @property
    def key(self) -> tuple[tuple[str, str, bool], ...]:
        """What makes two terms the same pattern."""
        return tuple((e.kind, e.value, e.case_sensitive) for e in self.elements)

    @property
    def specificity(self) -> tuple[int, int]:
        """Higher is more specific: literal words before wildcards, then longer patterns."""
        literal = sum(e.kind == "exact" for e in self.elements)
        return (literal, sum(len(e.value) for e in self.elements))


@dataclass(frozen=True)
class Category:
    """A lexicon category.

    Attributes
    ----------
    name : str
        Full dotted name within its lexicon (``victims.children``).
    description : str
    terms : tuple of Term
        The terms it lists itself (not those of its subcategories).
    exclude : tuple of Term
    parent : str or None
        Full name of the parent category.
    children : tuple of str
        Full names of its direct subcategories.
    """

    name: str
    description: str
    terms: tuple[Term, ...]
    exclude: tuple[Term, ...] = ()
    parent: str | None = None
    children: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A validated lexicon.

    Attributes
    ----------
    name, version, description, language : str
    references : tuple of str
    categories : dict
        Full category name -> :class:`Category`, parents before children, in file order.
    source : str
        The file it was read from, or ``"<dict>"``.
    content_hash : str
        SHA-256 of the file's bytes (or of a canonical dump for a lexicon made
        from a dict), to record in report manifests.
    format : str
        ``yaml``, ``dic``, ``quanteda`` or ``dict``.
    """

    name: str
    version: str
    description: str
    language: str
    references: tuple[str, ...]
    categories: dict[str, Category]
    source: str
    content_hash: str
    format: str = "yaml"
    _compiled: list = field(default_factory=list, repr=False, compare=False)

    def terms(self, *, include_exclude: bool = False) -> list[Term]:
        """Every term of every category, in file order."""
        out: list[Term] = []
        for cat in self.categories.values():
            out.extend(cat.terms)
            if include_exclude:
                out.extend(cat.exclude)
        return out

    def descendants(self, category: str) -> list[str]:
        """``category`` and the full names of all its subcategories."""
        prefix = category + "."
        return [c for c in self.categories if c == category or c.startswith(prefix)]

    def table(self) -> pd.DataFrame:
        """One row per term: ``lexicon, category, term, case_sensitive, weight, exclude, line``."""
        rows = [
            (self.name, t.category, t.text, t.case_sensitive, t.weight, t.exclude, t.line)
            for t in self.terms(include_exclude=True)
        ]
        return pd.DataFrame(
            rows, columns=["lexicon", "category", "term", "case_sensitive", "weight", "exclude", "line"]
        ).astype({"line": "Int64"})

    def __repr__(self) -> str:
        return (
            f"Lexicon(name={self.name!r}, version={self.version!r}, "
            f"categories={len(self.categories)}, terms={len(self.terms())}, source={self.source!r})"
        )


# ---------------------------------------------------------------------------------
# YAML with line numbers (framing._yaml: safe, with limits on size, aliases and nesting)

_Str, _Map, _Seq, _line = YamlStr, YamlMap, YamlSeq, line_of

#: most YAML values a lexicon may hold once aliases are expanded, and its largest file
#: (a million terms fit in both; an alias of an alias of ... grows exponentially)
_MAX_NODES = 2_000_000
_MAX_BYTES = 64 * 2**20


def _safe_yaml(data: bytes, source: str) -> Any:
    return load_yaml(data, source, LexiconError, max_nodes=_MAX_NODES, string_keys=True)


# ---------------------------------------------------------------------------------
# validation


class _Errors:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, line: int | None, message: str) -> None:
        where = f"{self.source}:{line}" if line else self.source
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            shown = self.items[:20]
            more = f"\n  ... and {len(self.items) - 20} more" if len(self.items) > 20 else ""
            if len(self.items) == 1:
                raise LexiconError(self.items[0])
            raise LexiconError(
                f"{len(self.items)} problems in lexicon {self.source}:\n  " + "\n  ".join(shown) + more
            )


def parse_term(text: str, *, case_sensitive: bool = False) -> tuple[Element, ...]:
    """Turn a term string into its token elements; raise ValueError with the reason if invalid."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("the term is empty")
    elements: list[Element] = []
    for word in text.split():
        stars = word.count("*")
        if stars:
            core = word.strip("*")
            lead = len(word) - len(word.lstrip("*"))
            trail = len(word) - len(word.rstrip("*"))
            if not core:
                raise ValueError(f"{word!r} is only a wildcard: it would match any word")
            if "*" in core:
                raise ValueError(
                    f"wildcard in the middle of the word {word!r}: '*' may only start or end a word"
                )
            if lead > 1 or trail > 1:
                raise ValueError(f"{word!r} has a repeated '*': use one '*' at the start or end of a word")
            if not _WILDCARD_CORE_RE.match(core) or not any(ch.isalnum() for ch in core):
                raise ValueError(
                    f"{word!r}: a wildcard word may only contain letters, digits, hyphens, "
                    "apostrophes and periods, so that it falls inside one token"
                )
            kind = "contains" if lead and trail else ("suffix" if lead else "prefix")
            elements.append(Element(kind, normalize(core, lower=not case_sensitive), case_sensitive))
            continue
        toks = TOKEN_RE.findall(word)
        for tok in toks:
            elements.append(Element("exact", normalize(tok, lower=not case_sensitive), case_sensitive))
    if not elements:
        raise ValueError("the term has no tokens")
    return tuple(elements)


def _term_from_entry(entry: Any, category: str, exclude: bool, errors: _Errors, parent_line: int | None) -> Term | None:
    line = _line(entry, parent_line)
    case_sensitive = False
    weight = 1.0
    if isinstance(entry, Mapping):
        unknown = [k for k in entry if k not in _TERM_KEYS]
        if unknown:
            errors.add(line, f"category {category!r}: unknown key(s) {unknown} in term {dict(entry)!r}; "
                       f"allowed: {list(_TERM_KEYS)}")
            return None
        if "term" not in entry:
            errors.add(line, f"category {category!r}: term mapping {dict(entry)!r} has no 'term' key")
            return None
        text = entry["term"]
        cs = entry.get("case_sensitive", False)
        if not isinstance(cs, bool):
            errors.add(line, f"category {category!r}: term {text!r}: case_sensitive must be true or false, got {cs!r}")
            return None
        case_sensitive = cs
        w = entry.get("weight", 1.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(float(w)):
            errors.add(line, f"category {category!r}: term {text!r}: weight must be a finite number, got {w!r}")
            return None
        weight = float(w)
    else:
        text = entry
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        errors.add(line, f"category {category!r}: a term must be a string or a mapping with 'term', got {text!r}")
        return None
    try:
        elements = parse_term(text, case_sensitive=case_sensitive)
    except ValueError as exc:
        errors.add(line, f"category {category!r}: term {text!r}: {exc}")
        return None
    return Term(str(text), category, elements, case_sensitive, weight, exclude, line)


def _build_categories(
    mapping: Any, errors: _Errors, parent: str | None, parent_line: int | None, out: dict[str, Category]
) -> None:
    if not isinstance(mapping, Mapping) or not mapping:
        where = f"category {parent!r}" if parent else "lexicon"
        errors.add(_line(mapping, parent_line), f"{where}: 'categories' must be a non-empty mapping of category names")
        return
    key_lines = getattr(mapping, "key_lines", {})
    for raw_name, body in mapping.items():
        line = key_lines.get(raw_name, _line(mapping, parent_line))
        name = str(raw_name)
        full = f"{parent}.{name}" if parent else name
        if not _CATEGORY_RE.match(name):
            errors.add(line, f"category name {name!r} may only contain letters, digits and '_'")
            continue
        if body is None:
            errors.add(line, f"category {full!r} is empty: give it 'terms' or nested 'categories'")
            continue
        if not isinstance(body, Mapping):
            errors.add(line, f"category {full!r} must be a mapping with description/terms/exclude/categories, "
                       f"got {type(body).__name__}")
            continue
        unknown = [k for k in body if k not in _CATEGORY_KEYS]
        if unknown:
            errors.add(line, f"category {full!r}: unknown key(s) {unknown}; allowed: {list(_CATEGORY_KEYS)}")
        description = body.get("description", "") or ""
        if not isinstance(description, str):
            errors.add(line, f"category {full!r}: description must be a string")
            description = str(description)
        lists: dict[str, list[Term]] = {}
        for key in ("terms", "exclude"):
            entries = body.get(key)
            if entries is None:
                lists[key] = []
                continue
            if not isinstance(entries, list):
                errors.add(_line(entries, line), f"category {full!r}: '{key}' must be a list")
                lists[key] = []
                continue
            terms = [_term_from_entry(e, full, key == "exclude", errors, _line(entries, line)) for e in entries]
            lists[key] = [t for t in terms if t is not None]
        sub = body.get("categories")
        if not lists["terms"] and not sub and not body.get("terms"):
            errors.add(line, f"category {full!r} is empty: give it 'terms' or nested 'categories'")
        children: list[str] = []
        if isinstance(sub, Mapping):
            children = [f"{full}.{c}" for c in sub]
        out[full] = Category(
            name=full,
            description=str(description).strip(),
            terms=tuple(lists["terms"]),
            exclude=tuple(lists["exclude"]),
            parent=parent,
            children=tuple(children),
        )
        if sub is not None:
            _build_categories(sub, errors, full, line, out)


def _warn_duplicates(categories: Mapping[str, Category], source: str, *, stacklevel: int = 4) -> None:
    seen: dict[tuple, Term] = {}
    dups: list[str] = []
    for cat in categories.values():
        for term in cat.terms:
            other = seen.get(term.key)
            if other is None:
                seen[term.key] = term
                continue
            where = f"line {term.line}" if term.line else "here"
            first = f"line {other.line}" if other.line else "before"
            if other.category == term.category:
                dups.append(f"{term.text!r} twice in {term.category!r} ({first} and {where})")
            else:
                dups.append(f"{term.text!r} in {other.category!r} ({first}) and {term.category!r} ({where})")
    if dups:
        shown = "; ".join(dups[:10])
        more = f"; and {len(dups) - 10} more" if len(dups) > 10 else ""
        warnings.warn(
            f"{source}: {len(dups)} duplicate term(s) (a match counts in each category): {shown}{more}",
            LexiconWarning,
            stacklevel=stacklevel,
        )


def _from_mapping(data: Any, source: str, content_hash: str, fmt: str) -> Lexicon:
    errors = _Errors(source)
    if not isinstance(data, Mapping):
        errors.add(_line(data, 1), f"a lexicon must be a YAML mapping with keys {list(_TOP_KEYS)}, "
                   f"got {type(data).__name__}")
        errors.raise_if_any()
    key_lines = getattr(data, "key_lines", {})
    for key in data:
        if key not in _TOP_KEYS:
            errors.add(key_lines.get(key), f"unknown top-level key {key!r}; allowed: {list(_TOP_KEYS)}")
    for key in _REQUIRED_TOP:
        if key not in data:
            errors.add(_line(data, 1), f"missing required key {key!r}")
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or not _NAME_RE.match(name)):
        errors.add(key_lines.get("name"), f"name must be letters, digits, '_' or '-', got {name!r}")
    version = data.get("version")
    if isinstance(version, bool) or (version is not None and not isinstance(version, (str, int, float))):
        errors.add(key_lines.get("version"), f"version must be a string, got {version!r}")
    refs = data.get("references", [])
    if refs is None:
        refs = []
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        errors.add(key_lines.get("references"), "references must be a list of strings")
        refs = []
    for key in ("description", "language"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            errors.add(key_lines.get(key), f"{key} must be a string")
    categories: dict[str, Category] = {}
    if "categories" in data:
        _build_categories(data["categories"], errors, None, key_lines.get("categories"), categories)
    errors.raise_if_any()
    _warn_duplicates(categories, source)
    return Lexicon(
        name=str(name),
        version=str(version),
        description=str(data.get("description") or "").strip(),
        language=str(data.get("language") or "en"),
        references=tuple(str(r) for r in refs),
        categories=categories,
        source=source,
        content_hash=content_hash,
        format=fmt,
    )


# ---------------------------------------------------------------------------------
# other formats


def _quanteda_to_categories(data: Any, errors: _Errors) -> dict:
    """Convert a quanteda dictionary mapping into our ``categories`` mapping."""

    def convert(node: Any, path: str) -> Any:
        if isinstance(node, list):
            terms = []
            for entry in node:
                if isinstance(entry, str) and "?" in entry:
                    errors.add(_line(entry, _line(node)), f"category {path!r}: term {str(entry)!r}: the "
                               "single-character wildcard '?' is not supported; use '*' at the start or end")
                    continue
                terms.append(entry)
            out = _Map(terms=_Seq(terms))
            out.line = _line(node, 0)
            out.key_lines = {}
            out["terms"].line = _line(node, 0)
            return out
        if isinstance(node, str):
            return convert(_Seq([node]), path)
        if isinstance(node, Mapping):
            out = _Map()
            out.line = _line(node, 0)
            out.key_lines = dict(getattr(node, "key_lines", {}))
            sub = _Map()
            sub.line = out.line
            sub.key_lines = dict(getattr(node, "key_lines", {}))
            for key, value in node.items():
                name = re.sub(r"[^A-Za-z0-9_]", "_", str(key))
                if isinstance(value, Mapping):
                    sub[name] = convert(value, f"{path}.{name}" if path else name)
                else:
                    sub[name] = convert(value, f"{path}.{name}" if path else name)
                sub.key_lines[name] = getattr(node, "key_lines", {}).get(key, out.line)
            return sub
        errors.add(_line(node), f"category {path!r}: expected a list of terms or nested categories, got {node!r}")
        return _Map()

    converted = convert(data, "")
    # quanteda allows a key to hold both terms and subkeys only via nesting; our
    # format nests subcategories under 'categories'
    def nest(mapping: Mapping) -> _Map:
        out = _Map()
        out.line = getattr(mapping, "line", 0)
        out.key_lines = dict(getattr(mapping, "key_lines", {}))
        for key, value in mapping.items():
            if "terms" in value and isinstance(value.get("terms"), list):
                out[key] = value
            else:
                body = _Map(categories=nest(value))
                body.line = getattr(value, "line", 0)
                body.key_lines = {}
                out[key] = body
        return out

    return nest(converted)


def _read_dic(data: bytes, source: str, content_hash: str, name: str) -> Lexicon:
    errors = _Errors(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    lines = text.splitlines()
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError(f"{source}:1: a LIWC .dic file must start with a category block between two '%' lines")
    cat_names: dict[str, str] = {}
    for i in range(marks[0] + 1, marks[1]):
        ln = lines[i].strip()
        if not ln:
            continue
        parts = ln.split(None, 1)
        if len(parts) != 2:
            errors.add(i + 1, f"category line {ln!r} must be '<number> <name>'")
            continue
        cid, cname = parts[0], parts[1].strip()
        cname = re.sub(r"[^A-Za-z0-9_]", "_", cname.split()[0])
        if cid in cat_names:
            errors.add(i + 1, f"category number {cid} is defined twice")
        cat_names[cid] = cname
    terms: dict[str, list] = {c: _Seq() for c in cat_names.values()}
    skipped: list[int] = []
    for i in range(marks[1] + 1, len(lines)):
        ln = lines[i].strip()
        if not ln:
            continue
        parts = ln.split()
        j = len(parts)
        while j > 0 and parts[j - 1].isdigit():
            j -= 1
        word, cids = " ".join(parts[:j]), parts[j:]
        if not word:
            errors.add(i + 1, f"entry {ln!r} has no word")
            continue
        if not cids:
            if any(("(" in p or "/" in p or "<" in p) for p in parts[1:]):
                skipped.append(i + 1)
                continue
            errors.add(i + 1, f"entry {word!r} lists no category number")
            continue
        entry = _Str(word)
        entry.line = i + 1
        for cid in cids:
            cname = cat_names.get(cid)
            if cname is None:
                errors.add(i + 1, f"entry {word!r}: category number {cid} is not defined in the header")
                continue
            terms[cname].append(entry)
    if skipped:
        warnings.warn(
            f"{source}: {len(skipped)} conditional LIWC entr(y/ies) (with '(...)' or '/' syntax) skipped, "
            f"first on line {skipped[0]}",
            LexiconWarning,
            stacklevel=3,
        )
    errors.raise_if_any()
    cats = _Map()
    cats.line = marks[0] + 1
    cats.key_lines = {}
    for cname, tl in terms.items():
        if not tl:
            continue  # a LIWC category with no entries of its own is dropped silently
        body = _Map(terms=tl)
        body.line = tl[0].line if tl else 0
        body.key_lines = {}
        cats[cname] = body
        cats.key_lines[cname] = body.line
    mapping = _Map(name=name, version="unversioned", categories=cats,
                   description=f"LIWC-style dictionary read from {Path(source).name}")
    mapping.line = 1
    mapping.key_lines = {}
    with warnings.catch_warnings():
        # LIWC dictionaries list a word in several categories by design
        warnings.simplefilter("ignore", LexiconWarning)
        return _from_mapping(mapping, source, content_hash, "dic")


# ---------------------------------------------------------------------------------
# public API


def _bundled_dir():
    return importlib.resources.files("framing.lexicons")


def lexicon_names() -> list[str]:
    """Names of the bundled lexicons, sorted.

    Returns
    -------
    list of str
        E.g. ``['actor_labels', 'attribution', 'casualty', 'evaluative', 'hedging', 'legitimacy']``.
    """
    return sorted(
        p.name[: -len(".yaml")] for p in _bundled_dir().iterdir()
        if p.name.endswith(".yaml") and p.name[: -len(".yaml")] not in _NOT_LEXICONS
    )


#: bundled YAML files that are not term lexicons: the source roles of :func:`framing.sources`, in a format
#: of its own
_NOT_LEXICONS = frozenset({"sources"})


_CACHE: dict[tuple[str, str], Lexicon] = {}


def _safe_name(path: Path) -> str:
    stem = path.name
    for suffix in (".yaml", ".yml", ".dic"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    name = re.sub(r"[^A-Za-z0-9_-]", "_", stem) or "lexicon"
    return name


def _parse_bytes(data: bytes, source: str, suffix: str, name_hint: str) -> Lexicon:
    content_hash = hashlib.sha256(data).hexdigest()
    if suffix == ".dic":
        return _read_dic(data, source, content_hash, name_hint)
    parsed = _safe_yaml(data, source)
    if isinstance(parsed, Mapping) and "categories" in parsed and any(k in parsed for k in ("name", "version")):
        return _from_mapping(parsed, source, content_hash, "yaml")
    if isinstance(parsed, Mapping) and parsed and "categories" not in parsed:
        errors = _Errors(source)
        cats = _quanteda_to_categories(parsed, errors)
        errors.raise_if_any()
        mapping = _Map(name=name_hint, version="unversioned", categories=cats,
                       description=f"quanteda-style dictionary read from {Path(source).name}")
        mapping.line = 1
        mapping.key_lines = {}
        return _from_mapping(mapping, source, content_hash, "quanteda")
    return _from_mapping(parsed, source, content_hash, "yaml")


def load_lexicon(name_or_path: str | Path | Lexicon) -> Lexicon:
    """Load a bundled lexicon by name, or a lexicon file.

    Parameters
    ----------
    name_or_path : str, Path or Lexicon
        A bundled lexicon name (see :func:`lexicon_names`), a path to a
        lexicon YAML file in this library's format, a quanteda-style YAML
        dictionary (a mapping of category names to term lists, possibly
        nested), or a LIWC-style ``.dic`` file. A :class:`Lexicon` is returned
        as is.

    Returns
    -------
    Lexicon
        With ``.name``, ``.version``, ``.categories`` (full name -> Category),
        ``.content_hash`` (SHA-256 of the file bytes); :class:`framing.match.Matcher` looks text up in it.

    Raises
    ------
    framing.errors.LexiconError
        If the file is malformed or fails validation; the message names the
        file, the line and the entry.
    framing.errors.InputNotFoundError
        If the path does not exist and is not a bundled name.

    Warns
    -----
    LexiconWarning
        If a term is listed in more than one category (for YAML lexicons).
    """
    if isinstance(name_or_path, Lexicon):
        return name_or_path
    if not isinstance(name_or_path, (str, Path)):
        raise LexiconError(f"expected a lexicon name, path or Lexicon, got {type(name_or_path).__name__}")
    text = str(name_or_path)
    is_name = isinstance(name_or_path, str) and _NAME_RE.match(text) and "/" not in text and "." not in text
    if is_name and text in lexicon_names():
        resource = _bundled_dir() / f"{text}.yaml"
        data = resource.read_bytes()
        key = (f"bundled:{text}", hashlib.sha256(data).hexdigest())
        cached = _CACHE.get(key)
        if cached is None:
            cached = _parse_bytes(data, f"{text}.yaml", ".yaml", text)
            _CACHE[key] = cached
        return cached
    path = Path(name_or_path).expanduser()
    if not path.is_file():
        hint = f"; bundled lexicons are {lexicon_names()}" if is_name else ""
        raise InputNotFoundError(f"lexicon {text!r} is neither a bundled lexicon nor a readable file{hint}")
    data = read_limited(path, str(path), LexiconError, max_bytes=_MAX_BYTES)
    return _parse_bytes(data, str(path), path.suffix.lower(), _safe_name(path))


def lexicon_from_dict(data: Mapping[str, Any], *, source: str = "<dict>") -> Lexicon:
    """Build a lexicon from a mapping with the YAML format's keys.

    Parameters
    ----------
    data : mapping
        ``{"name": ..., "version": ..., "categories": {...}}`` as in a file.
    source : str
        What to call it in error messages.

    Returns
    -------
    Lexicon
        ``content_hash`` is the SHA-256 of a canonical YAML dump of ``data``.
    """
    dumped = yaml.safe_dump(_plain(data), sort_keys=True, allow_unicode=True).encode("utf-8")
    return _from_mapping(data, source, hashlib.sha256(dumped).hexdigest(), "dict")


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def check_lexicon(path: str | Path) -> tuple[Lexicon, list[str]]:
    """Validate a lexicon file; return it and the warnings it raised.

    Raises
    ------
    framing.errors.LexiconError
        If it is invalid.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LexiconWarning)
        lex = load_lexicon(path)
    return lex, [str(w.message) for w in caught if issubclass(w.category, LexiconWarning)]


def resolve_lexicons(lexicons: None | str | Path | Lexicon | Iterable[str | Path | Lexicon]) -> list[Lexicon]:
    """Turn the ``lexicons`` argument of the matching functions into Lexicon objects.

    None means every bundled lexicon; names, paths and Lexicon objects may be mixed.
    Two lexicons with the same name are an error (the ``lexicon`` column must identify them).
    """
    if lexicons is None:
        items: list = lexicon_names()
    elif isinstance(lexicons, (str, Path, Lexicon)):
        items = [lexicons]
    else:
        items = list(lexicons)
    if not items:
        raise LexiconError("no lexicons given: pass None for every bundled lexicon, or names, paths or Lexicon objects")
    out = [load_lexicon(x) for x in items]
    names = [lx.name for lx in out]
    dups = sorted({n for n in names if names.count(n) > 1})
    if dups:
        raise LexiconError(f"two lexicons share the name(s) {dups}; rename one (the 'name' key)")
    return out
