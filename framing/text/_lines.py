"""The lines of a text without regular-expression scanning: the text stage's line splitter."""

from __future__ import annotations

import re

#: a line: a maximal run of characters other than the line breaks "\n", "\r", U+2028 and U+2029
LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def line_spans(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` of every line of ``text``, as ``LINE.finditer`` finds them.

    A text whose only line break is "\\n" (nearly every one) is cut with ``str.split``, several times quicker
    than the character-class scan; otherwise the pattern is used.
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return [(m.start(), m.group(0)) for m in LINE.finditer(text)]
    out = []
    pos = 0
    for line in text.split("\n"):
        if line:
            out.append((pos, line))
        pos += len(line) + 1
    return out


#: the characters a quotation mark starts with
QUOTE_MARKS = "“”„‟\"«»‘’‚‛'`"


def has_quote_mark(line: str) -> bool:
    """Whether ``line`` holds a character of :data:`QUOTE_MARKS` (one substring test per mark: quicker than a
    character-class search)."""
    for mark in QUOTE_MARKS:
        if mark in line:
            return True
    return False
