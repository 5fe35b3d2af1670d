"""Link cards that some sites set inside a sentence, right after a person's name.

The Hill (and pages that copy its stories) follows a person's name with a card of links: the person's full name,
glued to the headlines of related stories, then "MORE" ("Sen. John McCain John Sidney McCain2020 Democrats make
play for veterans' votes ... MORE (R-Ariz.) said"). Read as text, the card puts a dozen headlines between the
speaker and the verb. :func:`without_link_cards` blanks each card out with spaces, so every offset stays that of
the text as stored and the sentence reads "Sen. John McCain ... (R-Ariz.) said".
"""

from __future__ import annotations

import re

__all__ = ["without_link_cards"]

#: a word (the surname of the name as written), up to five words of the card's full name (capitalised, or particles:
#: "Bill de Blasio"), and the same word again ending it, glued to the first headline ("TrumpGOP senators",
#: "McCain2020 Democrats"; not a possessive: "Trump's")
_NAME_AGAIN = (r"(?<![\w’'\-])([A-Z][\w’'\-]+)[ \t]+"
               r"(?:(?:[A-Z(][\w.’'()\-]*|de|da|del|la|le|van|von|der|bin|al)[ \t]+){0,5}?\1")
_REPEATED = re.compile(_NAME_AGAIN + r"(?=[A-Z0-9\"‘“])")
#: the same, the full name written apart from its headline, for a card that a party tag closes ("Paul Davis Ryan
#: Retirees should say ... MORE (R-Wis.)")
_REPEATED_APART = re.compile(_NAME_AGAIN + r"(?=[ \t]+[A-Z0-9\"‘“])")
_TAGGED = re.compile(r"[ \t]+\((?:[DRI]|Dem|Rep)(?:[-–][A-Z][\w.]*)?\)")
#: the word that ends a card
_MORE = re.compile(r"[ \t]MORE\b")
#: how far before "MORE" a card may start
_REACH = 600


def without_link_cards(text: str) -> str:
    """``text`` with every link card after a person's name replaced by spaces (same length, same offsets).

    Parameters
    ----------
    text : str
        A document's text.

    Returns
    -------
    str
        The text, its link cards blanked out; the text itself when it has none.

    Examples
    --------
    >>> without_link_cards("Sen. Ann Roe Ann Mary RoeSenate passes bill MORE (R-Ohio) said it would pass.")
    'Sen. Ann Roe                                     (R-Ohio) said it would pass.'
    """
    if " MORE" not in text and "\tMORE" not in text:
        return text
    chars = None
    floor = 0
    for more in _MORE.finditer(text):
        lo = max(floor, text.rfind("\n", 0, more.start()) + 1, more.start() - _REACH)
        # (the last such name before "MORE": a card's headlines hold no glued name of their own)
        pick = list(_REPEATED.finditer(text, lo, more.start()))[-1:] or \
            (list(_REPEATED_APART.finditer(text, lo, more.start()))[-1:] if _TAGGED.match(text, more.end()) else [])
        if pick:
            start = pick[0].start() + len(pick[0].group(1))
            chars = chars if chars is not None else list(text)
            chars[start:more.end()] = " " * (more.end() - start)
        floor = more.end()
    return "".join(chars) if chars is not None else text
