"""Every problem of a lexicon file in one run: the errors that make it invalid, and warnings about a valid one.

Warnings (``code``):

* ``no-description`` / ``no-references``: the lexicon or a category does not say what it measures, or the
  lexicon does not cite what it draws on;
* ``overlap``: two patterns of different categories (neither nested in the other) can match the same span
  (``illegal immigrant*`` and ``illegal immigrant``), so one occurrence counts in both; the warning names the
  pair and an example word (a phrase covering a shorter term is not an overlap: the longest match wins);
* ``duplicate``: the same pattern twice (also warned on loading);
* ``broad-wildcard`` (with a corpus): most of a wildcard's matches in the corpus are words of another family
  than its most frequent word (``migra*`` matching *migration* and *migrate* as well as *migrants*); the
  warning lists the top words it matches.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import yaml

from framing.errors import LexiconError
from framing.lexicon.load import Element, Lexicon, LexiconWarning, Term, load_lexicon
from framing.text.tokens import TOKEN_RE, normalize

__all__ = ["PROBLEMS", "lint_lexicon"]

#: columns of :func:`lint_lexicon`
PROBLEMS = ("source", "line", "severity", "code", "message")

_SUFFIXES = ("'s", "ing", "ed", "es", "s")


def _errors(exc: LexiconError, source: str) -> list[tuple[int | None, str]]:
    """Split a LexiconError's message into (line, message) items."""
    text = str(exc)
    items = text.split("\n  ")[1:] if "\n  " in text else [text]
    out = []
    for item in items:
        item = item.strip()
        if item.startswith("..."):
            out.append((None, item.strip(". ")))
            continue
        m = re.match(re.escape(source) + r":(\d+): (.*)$", item, re.S)
        if m:
            out.append((int(m.group(1)), m.group(2)))
        else:
            out.append((None, item[len(source) + 2:] if item.startswith(source + ": ") else item))
    return out


def _key_lines(path: Path) -> dict[str, int]:
    """Line of each category key (full dotted name) and of the top-level keys, for a YAML lexicon."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return {}
    lines: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines

    def walk(node: yaml.Node, prefix: str) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            name = f"{prefix}.{key.value}" if prefix else str(key.value)
            lines[name] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                for k2, v2 in value.value:
                    if k2.value == "categories":
                        walk(v2, name)

    for key, value in root.value:
        lines[f":{key.value}"] = key.start_mark.line + 1
        if key.value == "categories":
            walk(value, "")
    return lines


def _element_example(a: Element, b: Element) -> str | None:
    """A word both elements match, if one follows from the patterns themselves."""
    if a.kind == "exact" and b.kind == "exact":
        return a.value if a.value == b.value else None
    if a.kind == "exact":
        return a.value if b.matches(a.value) else None
    if b.kind == "exact":
        return b.value if a.matches(b.value) else None
    longer, shorter = (a, b) if len(a.value) >= len(b.value) else (b, a)
    if a.kind == b.kind:
        return longer.value if shorter.matches(longer.value) else None
    kinds = {a.kind, b.kind}
    if "contains" in kinds:
        other = a if b.kind == "contains" else b
        cont = b if other is a else a
        return other.value if cont.value in other.value else None
    return None  # a prefix and a suffix: only a corpus shows whether a real word has both


def _term_example(t: Term, u: Term) -> str | None:
    """Words that both terms match, if the patterns imply them.

    Only terms of the same length can match the same span: where a longer phrase covers a shorter term, the
    matcher keeps the leftmost-longest match, so the words count once.
    """
    if len(t.elements) != len(u.elements):
        return None
    words = [_element_example(a, b) for a, b in zip(t.elements, u.elements)]
    return None if any(w is None for w in words) else " ".join(words)


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _overlaps(lex: Lexicon, forms: Counter | None) -> list[tuple[int | None, str, str]]:
    terms = lex.terms()
    out = []
    for i, t in enumerate(terms):
        for u in terms[i + 1:]:
            if t.key == u.key:
                continue
            if _related(t.category, u.category):
                continue
            example = _term_example(t, u)
            if example is None and forms and len(t.elements) == 1 and len(u.elements) == 1:
                both = [(w, c) for w, c in forms.most_common() if t.elements[0].matches(w) and u.elements[0].matches(w)]
                example = both[0][0] if both else None
            if example is None:
                continue
            lines = f"lines {t.line} and {u.line}" if t.line and u.line else "in the file"
            out.append((u.line, "overlap",
                        f"{t.text!r} ({t.category}) and {u.text!r} ({u.category}) overlap ({lines}): both match "
                        f"{example!r}, which then counts in both categories"))
    return out


def _family(form: str) -> str:
    for suf in _SUFFIXES:
        if form.endswith(suf) and len(form) - len(suf) >= 3:
            return form[: -len(suf)]
    return form


def _broad_wildcards(lex: Lexicon, forms: Counter, share: float) -> list[tuple[int | None, str, str]]:
    out = []
    for cat in lex.categories.values():
        excluded = [e.elements[0] for e in cat.exclude if len(e.elements) == 1]
        for t in cat.terms:
            for el in t.elements:
                if el.kind == "exact":
                    continue
                hits = Counter({w: c for w, c in forms.items() if el.matches(w)
                                and not any(x.matches(w) for x in excluded)})
                total = sum(hits.values())
                if total == 0:
                    continue
                top = hits.most_common()
                fam = _family(top[0][0])
                other = sum(c for w, c in top if _family(w) != fam)
                if other / total >= share:
                    shown = ", ".join(f"{w} {c}" for w, c in top[:8])
                    out.append((t.line, "broad-wildcard",
                                f"wildcard {t.text!r} ({t.category}) matches {total} words in the corpus, "
                                f"{other / total:.0%} of them not a form of {top[0][0]!r}: {shown}"
                                f"{' ...' if len(top) > 8 else ''}; list the words you mean or add 'exclude'"))
    return out


def _corpus_forms(corpus) -> Counter:
    if isinstance(corpus, (str, Path)):
        from framing.io import read_corpus

        corpus = read_corpus(corpus)
    texts: Iterable = corpus["text"] if isinstance(corpus, pd.DataFrame) else corpus
    counts: Counter = Counter()
    for text in texts:
        if isinstance(text, str):
            counts.update(tok for tok in TOKEN_RE.findall(text) if tok[0].isalnum())
    out: Counter = Counter()
    for tok, c in counts.items():
        out[normalize(tok)] += c
    return out


def lint_lexicon(
    path: str | Path,
    *,
    corpus: pd.DataFrame | str | Path | None = None,
    broad_share: float = 0.5,
) -> pd.DataFrame:
    """Every problem of a lexicon file in one run, with its line: errors, then warnings.

    Parameters
    ----------
    path : str or Path
        A lexicon file (YAML, quanteda YAML or LIWC ``.dic``) or a bundled lexicon name.
    corpus : pandas.DataFrame, str or Path, optional
        A corpus (or its file) to check the wildcards against: a ``broad-wildcard`` warning when at least
        ``broad_share`` of a wildcard's matches are not forms of the word it matches most.
    broad_share : float, default 0.5

    Returns
    -------
    pandas.DataFrame
        One row per problem: ``source`` (str), ``line`` (Int64: 1-based line in the file, missing if the
        problem has none), ``severity`` (``error`` or ``warning``), ``code`` (``error``, ``no-description``,
        ``no-references``, ``duplicate``, ``overlap``, ``broad-wildcard``), ``message``. Warnings other than
        ``duplicate`` are only checked on a valid lexicon (fix the errors first). Empty if nothing is wrong.
    """
    source = str(path)
    rows: list[tuple[int | None, str, str, str]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LexiconWarning)
        try:
            lex = load_lexicon(path)
        except LexiconError as exc:
            lex = None
            rows += [(line, "error", "error", msg) for line, msg in _errors(exc, source)]
    for w in caught:
        if issubclass(w.category, LexiconWarning):
            rows.append((None, "warning", "duplicate", str(w.message).removeprefix(source + ": ")))
    if lex is not None:
        p = Path(source)
        lines = _key_lines(p) if p.suffix.lower() in (".yaml", ".yml") and p.is_file() else {}
        if not lex.description:
            rows.append((lines.get(":name"), "warning", "no-description",
                         "the lexicon has no 'description': say what it measures and how the terms were chosen"))
        if not lex.references:
            rows.append((lines.get(":name"), "warning", "no-references",
                         "the lexicon has no 'references': cite the literature or the coding scheme it draws on"))
        for name, cat in lex.categories.items():
            if not cat.description:
                first = cat.terms[0].line - 1 if cat.terms and cat.terms[0].line else None
                rows.append((lines.get(name, first), "warning", "no-description",
                             f"category {name!r} has no 'description': say what it counts"))
        forms = _corpus_forms(corpus) if corpus is not None else None
        rows += [(line, "warning", code, msg) for line, code, msg in _overlaps(lex, forms)]
        if forms is not None:
            rows += [(line, "warning", code, msg) for line, code, msg in _broad_wildcards(lex, forms, broad_share)]
    out = pd.DataFrame(rows, columns=["line", "severity", "code", "message"])
    out.insert(0, "source", source)
    out["line"] = out["line"].astype("Int64")
    out["_e"] = out["severity"] != "error"
    out = out.sort_values(["_e", "line"], kind="stable", na_position="last").drop(columns="_e")
    return out[list(PROBLEMS)].reset_index(drop=True)
