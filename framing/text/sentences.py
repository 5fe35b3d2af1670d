"""Sentence boundaries with character offsets into the corpus text.

Each line (paragraph) is split on its own, so a line break always ends a
sentence: a heading such as ``Diplomat summoned`` or a one-line paragraph is a
sentence of its own. Within a line, the decisions follow the Punkt
heuristics (Kiss & Strunk 2006) with a built-in abbreviation list instead of a
trained model:

* a candidate boundary is ``.``, ``?``, ``!`` or an ellipsis, followed by any
  closing quotation marks or brackets and then whitespace;
* it is *not* a boundary when the next word starts in lower case
  (``4:30 a.m. local time``, ``“Why?” he asked``);
* after a known abbreviation (``U.S.``, ``U.N.``, ``Jan.``, ``a.m.``, ``Inc.``),
  a dotted acronym or an initial (``George W. Bush``) it is a boundary only
  when the next word is a frequent sentence starter (``The``, ``He``, ``But``,
  ...); after a title (``Mr.``, ``Dr.``, ``Sen.``, ``Gov.``) it never is;
* before a number it is not a boundary after an abbreviation (``Jan. 5``,
  ``No. 3``).

The splitter is a single left-to-right pass with linear-time regular
expressions (possessive, anchored at the start of a punctuation run). nltk's
own ``PunktSentenceTokenizer`` is not used: in recent nltk releases (3.10)
every Punkt regular expression runs under a five-second wall-clock limit and
raises ``TimeoutError`` on a long line, and it is about ten times slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from framing import registry, schema
from framing.text._lines import line_spans
from framing.text.link_cards import without_link_cards

__all__ = ["ABBREVIATIONS", "NAME_ABBREVIATIONS", "TITLES", "SENTENCE_STARTERS", "is_name_abbreviation",
           "split_sentences", "sentences"]

#: abbreviations (lower case, without the final period) after which a period
#: usually does not end a sentence
ABBREVIATIONS = frozenset(
    """
    a.m p.m u.s u.k u.n e.u u.s.a u.a.e d.c l.a n.y n.j e.g i.e etc vs v cf al approx est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn ave blvd rd st mt ft
    no nos vol vols pp fig figs art ch sec
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    jr sr
    """.split()
)

#: abbreviations written inside a name ("St. Louis County", "Ft. Worth", "Martin Luther King Jr.")
NAME_ABBREVIATIONS = frozenset("st mt ft jr sr".split())


def is_name_abbreviation(token: str) -> bool:
    """Whether ``token`` ("St.", "Jr", with or without its full stop) is an abbreviation written inside a name,
    in title case ("FT." is the Financial Times, and its full stop may end a sentence)."""
    core = token.rstrip(".")
    return core.lower() in NAME_ABBREVIATIONS and core == core.title()

#: titles that precede a name: a period after them never ends a sentence
TITLES = frozenset(
    """
    mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig
    sen rep gov pres supt insp det hon rev fr msgr amb
    """.split()
)

#: capitalised words that usually start a sentence; after an abbreviation a
#: period followed by one of these ends the sentence (Punkt's "frequent
#: sentence starter" heuristic with a fixed list)
SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those there here it its he she they we i you his her their our my your
    but and or so yet however meanwhile still also then thus therefore moreover instead indeed
    in on at as after before when while if although though since because during despite
    for from with without by to of under over among about
    what who why how where which
    some many most several both each every all no not none one two three
    """.split()
)

# a sentence-final punctuation run, closing marks, then whitespace and the next character
# (only at the start of a punctuation run, possessive: linear on any input)
# (the first mark is matched before the look-behind, so that the search skips to it: the look-behind checks
# that the mark does not follow another one)
_CANDIDATE = re.compile(
    r"[.?!…](?<![.?!…]{2})[.?!…]*+[\"'”’»)\]]*+(?=[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]++(\S))"
)
# the same with a full stop first, for a line with no other sentence-final mark: a pattern that opens with one
# character is scanned for with a fast search, a character class one position at a time
_CANDIDATE_STOP = re.compile(_CANDIDATE.pattern.replace("[.?!…]", "\\.", 1))
_MAX_WORD = 40  # longer tokens are never abbreviations
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([^\W\d_][\w’'.-]*|\d)")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\Z")
_OPENERS = "\"'“‘«([-—–"
_CLOSERS = "\"'”’»)]"
_STRIP_BEFORE = "\"'“‘«(["


def _is_boundary(line: str, start: int, end: int, nxt: int, abbreviations: frozenset[str]) -> bool:
    """Decide whether the candidate ``line[start:end]``, next word at ``nxt``, ends a sentence."""
    first = line[nxt]
    if first.islower():
        return False
    next_word = None
    if first in _STRIP_BEFORE:  # otherwise the next word starts with ``first``, not in lower case
        next_match = _NEXT_WORD.match(line, nxt)
        next_word = next_match.group(1) if next_match else first
        if next_word[:1].islower():  # “‘the ...: a quote opening mid-sentence
            return False
    if (line[start] if end - start == 1 else line[start:end].rstrip(_CLOSERS)) != ".":
        # ? ! and ellipses end a sentence unless a lower-case word follows
        return True
    # the token before the period, without opening marks
    limit = max(0, start - _MAX_WORD)
    piece = line[limit:start]
    word = piece.rsplit(None, 1)[-1] if piece and not piece[-1].isspace() else ""
    if len(word) == len(piece) and limit > 0:
        word = ""  # longer than any abbreviation
    if word[:1] == "(" and ")" in line[start:end]:
        return False  # a one-word parenthesis: "Steve Scalise (R-La.) — who was shot — argued"
    word = word.lstrip(_STRIP_BEFORE)
    if not word:
        return True
    low = word.lower()
    if low in TITLES:
        return False
    # a listed abbreviation, a dotted acronym (U.S, D.C) or an initial (W)
    # (without a period the acronym pattern matches a single character only)
    is_abbrev = low in abbreviations or (len(word) == 1 or "." in word) and _ACRONYM.match(word) is not None
    if word[-1:] in _CLOSERS or word[-1:].isdigit():
        is_abbrev = False  # ”. or 2024. ends a sentence
    if not is_abbrev:
        return True
    if next_word is None:
        next_match = _NEXT_WORD.match(line, nxt)
        next_word = next_match.group(1) if next_match else first
    if next_word[:1].isdigit():
        return False  # Jan. 5, No. 3
    return next_word.rstrip(".").lower() in SENTENCE_STARTERS


def _trimmed(line: str, offset: int, a: int, b: int) -> tuple[int, int] | None:
    # white space as str.strip() sees it, stepped over in place (a sentence usually has a character or two of
    # it at either end: no copy of the sentence)
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    if b <= a:
        return None
    return offset + a, offset + b


def split_sentences(text: str, *, abbreviations: Iterable[str] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of one document.

    Parameters
    ----------
    text : str
        The document text.
    abbreviations : iterable of str, optional
        Further abbreviations (case-insensitive, with or without the final
        period) added to :data:`ABBREVIATIONS`.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` character offsets, end exclusive, in text order.
        Spans never start or end with whitespace and never cross a line break;
        an empty or all-whitespace text gives an empty list.
    """
    text = without_link_cards(text)  # (same offsets; a card's headlines make no sentences)
    abbrevs = ABBREVIATIONS
    if abbreviations:
        abbrevs = ABBREVIATIONS | {a.lower().rstrip(".") for a in abbreviations}
    spans: list[tuple[int, int]] = []
    # any sentence-final mark other than the full stop in the text: the lines are told apart one by one
    others = "?" in text or "!" in text or "…" in text
    for offset, line in line_spans(text):
        sent_start = 0
        pattern = _CANDIDATE if others and ("?" in line or "!" in line or "…" in line) else _CANDIDATE_STOP
        for cand in pattern.finditer(line):
            nxt = cand.start(1)
            if line[nxt].islower():
                continue  # (the first test of _is_boundary, made here for the many candidates it settles)
            end = cand.end()
            if _is_boundary(line, cand.start(), end, nxt, abbrevs):
                # (the sentence ends on its mark and holds it: only white space before it is stepped over)
                while line[sent_start].isspace():
                    sent_start += 1
                spans.append((offset + sent_start, offset + end))
                sent_start = end
        span = _trimmed(line, offset, sent_start, len(line))
        if span:
            spans.append(span)
    return spans


@registry.measure("sentences", produces=schema.SENTENCES)
def sentences(corpus: pd.DataFrame, *, abbreviations: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per sentence of every document.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns.
    abbreviations : iterable of str, optional
        Further abbreviations that do not end a sentence (see
        :func:`split_sentences`).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``sentence_id`` (int, 0-based within the
        document), ``start``, ``end`` (int character offsets into the document
        text, end exclusive) and ``text`` (``== corpus text[start:end]``).
        A document whose text is empty or only whitespace has no sentence rows
        (there is nothing to split); every other document has at least one.

    Raises
    ------
    framing.errors.SchemaError
        If ``corpus`` lacks ``doc_id`` or ``text``.
    """
    schema.require(corpus, ("doc_id", "text"), what="corpus")
    doc_ids: list[str] = []
    sentence_ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        text = "" if not isinstance(text, str) else text
        for i, (a, b) in enumerate(split_sentences(text, abbreviations=abbreviations)):
            doc_ids.append(doc_id)
            sentence_ids.append(i)
            starts.append(a)
            ends.append(b)
            texts.append(text[a:b])
    return pd.DataFrame(
        {
            "doc_id": pd.Series(doc_ids, dtype="str"),
            "sentence_id": pd.Series(sentence_ids, dtype="int64"),
            "start": pd.Series(starts, dtype="int64"),
            "end": pd.Series(ends, dtype="int64"),
            "text": pd.Series(texts, dtype="str"),
        },
        columns=list(schema.SENTENCES),
    )
