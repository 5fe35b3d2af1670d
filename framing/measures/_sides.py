"""Which side a phrase names: a country, people or organisation, from a gazetteer of names, demonyms and capitals.

The bundled gazetteer is ``lexicons/sides.yaml`` (its description states the rules); a user's ``actors``
mapping (side -> aliases) is searched first, so a study can name its own sides. Rules:

* terms match as whole words, case as written ("US" is not "us"); a possessive after a term counts
  ("Pakistan's", "Iran’s");
* a term inside a hyphenated compound does not ("Iran-backed Hamas", "pro-Iranian", "Pakistan-based
  militants"): the compound ties the thing to a side without saying it speaks for it;
* of several terms in a phrase, the longest at the leftmost position is found first; :meth:`Sides.side_of`
  returns the first side the phrase names before any post-modifier ("the head of the Iranian mission in
  Islamabad" -> Iran).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterable, Mapping

from framing._yaml import load_yaml
from framing.errors import LexiconError

__all__ = ["Sides", "bundled_sides"]

# a post-modifier ends the part of a phrase that says whose it is ("the mission in Islamabad")
_POST = re.compile(r"\s(?:in|at|from|for|to|near|on|over|with|against|about|during|after|before|between)\s")


class Sides:
    """A compiled gazetteer: side name -> the words that name it.

    Parameters
    ----------
    table : mapping of str to iterable of str
        Side -> terms. Earlier mappings in ``extra`` win over later ones for the same term.
    extra : iterable of mappings, optional
        Further side -> terms mappings searched before ``table`` (a user's ``actors``).
    """

    def __init__(self, table: Mapping[str, Iterable[str]], extra: Iterable[Mapping[str, Iterable[str]]] = ()) -> None:
        self._table = dict(table)
        self.terms: dict[str, str] = {}
        for mapping in [*extra, table]:
            for side, words in mapping.items():
                for w in [side, *words]:
                    w = str(w).strip()
                    if w and w not in self.terms:
                        self.terms[w] = str(side)
        words = sorted(self.terms, key=len, reverse=True)
        body = "|".join(re.escape(w) for w in words) or r"(?!x)x"
        # not inside a word or a hyphenated compound; a possessive may follow
        self._pattern = re.compile(r"(?<![\w\-‐‑])(" + body + r")(?=(?:’s|'s|’|')?(?![\w\-‐‑]))")

    def find(self, phrase: str) -> list[tuple[str, int, int]]:
        """Every side named in ``phrase``: ``(side, start, end)`` in text order."""
        return [(self.terms[m.group(1)], m.start(1), m.end(1)) for m in self._pattern.finditer(phrase)]

    def side_of(self, phrase: str | None) -> str | None:
        """The side ``phrase`` speaks for: the first one named before any post-modifier, else None."""
        if not phrase:
            return None
        cut = _POST.search(" " + phrase + " ")
        head = phrase[:cut.start()] if cut and cut.start() > 0 else phrase
        found = self.find(head)
        return found[0][0] if found else None

    def is_place(self, phrase: str) -> str | None:
        """The side when ``phrase`` is nothing but a side's name (a determiner and a possessive allowed)."""
        core = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
        core = re.sub(r"(?:’s|'s|’|')$", "", core).strip()
        return self.terms.get(core)

    def with_extra(self, *extra: Mapping[str, Iterable[str]]) -> "Sides":
        """A gazetteer that searches the mappings ``extra`` (side -> terms), in order, before this one."""
        extra = tuple(e for e in extra if e)
        return Sides(self._table, extra) if extra else self


@functools.lru_cache(maxsize=1)
def bundled_sides() -> Sides:
    """The bundled gazetteer ``lexicons/sides.yaml``.

    Raises
    ------
    framing.errors.LexiconError
        If the file is not a mapping ``sides: {side: [terms]}`` (the message names the file and line).
    """
    source = "bundled gazetteer lexicons/sides.yaml"
    data = load_yaml((importlib.resources.files("framing.lexicons") / "sides.yaml").read_text(encoding="utf-8"),
                     source, LexiconError)
    table = data.get("sides") if isinstance(data, Mapping) else None
    if not isinstance(table, Mapping):
        raise LexiconError(f"{source}: expected a top-level 'sides:' mapping of side -> list of terms")
    for side, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            line = getattr(table, "key_lines", {}).get(side, "?")
            raise LexiconError(f"{source}:{line}: side {side!r} must list its terms as strings")
    return Sides(table)
