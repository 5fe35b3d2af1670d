"""Reading the YAML files a user gives (lexicons, study specs, actors files), safely.

Every YAML file the library reads goes through :func:`read_yaml` (or :func:`load_yaml`
for text already read). It builds only plain values (PyYAML's safe loader: no Python
tags, so no code runs), remembers the line of every mapping, list and string, and
refuses, with the library's error naming the file and the line:

- a file larger than ``max_bytes`` (checked before it is parsed);
- more than ``max_nodes`` values, counting every alias (``*name``) as a full copy of
  what it names: aliases of aliases grow exponentially (a "billion laughs" file of a
  few hundred bytes expands to billions of strings), and anything that later prints,
  copies or walks such a value would never finish;
- lists or mappings nested deeper than ``max_depth`` (directly or through aliases),
  which would otherwise end in a bare RecursionError;
- a key that appears twice in one mapping (YAML would silently keep the last one);
- merge keys (``<<: *name``): PyYAML copies merged entries before anything can count
  them, so merges of merges exhaust memory; none of the library's formats needs them;
- keys that are lists or mappings.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from framing.errors import FramingError

#: default limits, far above any study spec or actors file (lexicons, which may list a million
#: terms, pass larger ones); PyYAML builds some 20,000-50,000 values a second
MAX_BYTES = 2 * 2**20
MAX_NODES = 200_000
MAX_DEPTH = 100


class YamlStr(str):
    """A string read from YAML, with the (1-based) line it starts on."""

    line: int = 0


class YamlMap(dict):
    """A mapping read from YAML, with its line and the line of each key."""

    line: int = 0
    key_lines: dict


class YamlSeq(list):
    """A list read from YAML, with its line."""

    line: int = 0


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a value read by :func:`load_yaml` starts on, or ``default``."""
    return getattr(value, "line", default)


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers lines and stops at the limits (see the module docstring)."""

    def __init__(self, text: str, source: str, error: type[FramingError], *, max_nodes: int, max_depth: int,
                 string_keys: bool) -> None:
        super().__init__(text)
        self.name = source
        self.error = error
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.string_keys = string_keys
        self.depth = 0
        self.nodes = 0

    def fail(self, mark: Any, message: str) -> FramingError:
        where = f"{self.name}:{mark.line + 1}" if mark is not None else self.name
        return self.error(f"{where}: {message}")

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        if index is not None or not isinstance(parent, yaml.MappingNode):  # keys are not counted
            self.nodes += 1
        try:
            if self.depth > self.max_depth and self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
                raise self.fail(self.peek_event().start_mark,
                                f"lists or mappings nested too deeply (more than {self.max_depth} levels)")
            if self.nodes > self.max_nodes:
                raise self.fail(self.peek_event().start_mark, f"more than {self.max_nodes:,} values; "
                                "a file this large is refused")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        # stopped while scanning: PyYAML's scanner slows down quadratically with the number of open [ and {
        if self.flow_level >= self.max_depth:
            raise self.fail(self.get_mark(), f"lists or mappings nested too deeply (more than {self.max_depth} levels)")
        super().fetch_flow_collection_start(token_class)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node.start_mark, "merge keys (<<) are not supported; write the entries out")
        super().flatten_mapping(node)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    out = YamlMap()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise loader.fail(key_node.start_mark, "a key must be a plain value, not a list or a mapping")
        key = loader.construct_object(key_node, deep=True)
        if loader.string_keys and not isinstance(key, str):
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in out:
            raise loader.fail(key_node.start_mark, f"key {key!r} appears twice in the same mapping "
                                                   f"(first on line {out.key_lines[key]})")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlSeq:
    out = YamlSeq(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    return out


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> YamlStr:
    out = YamlStr(loader.construct_scalar(node))
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)


_CONTAINERS = (Mapping, list, tuple, set, frozenset)  # !!pairs and !!omap give tuples, !!set a set


def _children(value: Any) -> Any:
    return value.values() if isinstance(value, Mapping) else value


def _check_expansion(value: Any, source: str, error: type[FramingError], max_nodes: int, max_depth: int) -> None:
    """Refuse ``value`` if, counting every alias as a full copy, it holds more than
    ``max_nodes`` values or nests deeper than ``max_depth``. Linear in the number of
    distinct lists and mappings (each is measured once) and not recursive."""
    measured: dict[int, tuple[int, int]] = {}  # id -> (values once expanded, depth)
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)] if isinstance(value, _CONTAINERS) else []
    while stack:
        item, children_done = stack.pop()
        key = id(item)
        if not children_done:
            if key in measured or key in open_:
                continue  # measured already, or an ancestor of itself (a recursive alias counts once)
            open_.add(key)
            stack.append((item, True))
            stack.extend((c, False) for c in _children(item) if isinstance(c, _CONTAINERS))
            continue
        size, depth = 1, 0
        for c in _children(item):
            s, d = measured.get(id(c), (1, 0)) if isinstance(c, _CONTAINERS) else (1, 0)
            size, depth = size + s, max(depth, d)
        measured[key] = (min(size, max_nodes + 1), depth + 1)
        open_.discard(key)
        line = line_of(item)
        where = f"{source}:{line}" if line else source
        if size > max_nodes:
            raise error(f"{where}: the YAML expands to more than {max_nodes:,} values once its aliases (*name) are "
                        "followed; it is refused (aliases repeating aliases grow exponentially)")
        if depth + 1 > max_depth:
            raise error(f"{where}: lists or mappings nested too deeply once its aliases (*name) are followed "
                        f"(more than {max_depth} levels)")


def decode_utf8(data: bytes, source: str, error: type[FramingError]) -> str:
    """Decode a file's bytes as UTF-8 (a byte-order mark is dropped), or raise ``error`` naming it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{source}: not UTF-8 text ({exc})") from None


def read_limited(path: str | Path, source: str, error: type[FramingError], *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read at most ``max_bytes`` of a file (or a pipe), refusing a longer one before reading it all."""
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise error(f"{source}: the file is larger than {max_bytes:,} bytes, the most this library reads "
                    "from such a file; it is refused")
    return data


def load_yaml(data: bytes | str, source: str, error: type[FramingError], *, max_nodes: int = MAX_NODES,
              max_depth: int = MAX_DEPTH, string_keys: bool = False) -> Any:
    """Parse one YAML document safely (see the module docstring).

    Parameters
    ----------
    data : bytes or str
        The file's content (bytes are decoded as UTF-8).
    source : str
        What the file is, for messages (``"study spec path/study.yaml"``).
    error : type
        The library error to raise.
    max_nodes, max_depth : int
        Limits on the values (aliases expanded) and on the nesting.
    string_keys : bool
        Turn keys that YAML reads as numbers, booleans or null into strings.

    Returns
    -------
    object
        Plain values; mappings, lists and strings are :class:`YamlMap`,
        :class:`YamlSeq` and :class:`YamlStr`, which carry their line.
    """
    text = decode_utf8(data, source, error) if isinstance(data, bytes) else data
    loader = _Loader(text, source, error, max_nodes=max_nodes, max_depth=max_depth, string_keys=string_keys)
    try:
        value = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise loader.fail(mark, f"malformed YAML: {problem}") from None
    except RecursionError:  # not expected within max_depth, but never a bare RecursionError
        raise error(f"{source}: malformed YAML: lists or mappings nested too deeply") from None
    finally:
        loader.dispose()
    _check_expansion(value, source, error, max_nodes, max_depth)
    return value


def read_yaml(path: str | Path, source: str, error: type[FramingError], *, max_bytes: int = MAX_BYTES,
              max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """Read and parse a YAML file within the limits; see :func:`load_yaml`."""
    return load_yaml(read_limited(path, source, error, max_bytes=max_bytes), source, error,
                     max_nodes=max_nodes, max_depth=max_depth)
