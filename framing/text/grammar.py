"""The grammar the measures share: word tokens, word lists, noun phrases and clause subjects.

Rules over tokens (no tagger or parser): :func:`tokenize` gives word and punctuation tokens with offsets;
:func:`np_before` / :func:`np_after` find the noun phrase that ends before or starts after a token;
:func:`sentence_subject` and :func:`clause_subject` find the subject of a sentence or of the clause a token is
in; :func:`verb_like` tells a verb form. The measures ask these questions and keep their own rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.text.sentences import TITLES

__all__ = [
    "ADVERBS", "AUX_BE", "AUX_OTHER", "CLAUSE_WORDS", "DETERMINERS", "IRREGULAR_VERBS", "NEGATIONS", "PREPOSITIONS",
    "PRONOUNS", "Token", "clause_subject", "np_after", "np_before", "np_word", "sentence_subject", "skip_left", "tokenize",
    "tokenize_counts", "verb_like",
]


_WORD = r"[^\W_](?:[\w]|[.'’\-‐‑](?=[^\W_]))*"
_TOKEN = re.compile(rf"{_WORD}|\S")
_ACRONYM_DOT = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_APOSTROPHES = "'’"

AUX_BE = frozenset("is was were are be been being am 're 's".split())
AUX_OTHER = frozenset("has have had having will would could can may might should must shall did does do".split())
NEGATIONS = frozenset("not never n't no".split())
ADVERBS = frozenset(
    """also later earlier previously repeatedly again already still then now often publicly privately first
    once just even further separately long recently initially subsequently reportedly allegedly officially
    formally widely last yesterday today tonight always never frequently consistently""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
CLAUSE_WORDS = frozenset(
    """that which who whom whose when where while as after before because since if but and or than though
    although so to whether nor yet with without by during despite until unless once how why what""".split()
)
DETERMINERS = frozenset(
    "the a an this these those its his her their our my your some several many any each every both another".split()
)
PRONOUNS = frozenset("he she it they we i you".split())
#: finite verbs without an -ed ending (reporting and common irregular verbs): never part of a noun phrase
IRREGULAR_VERBS = frozenset(
    """say says said tell tells told write writes wrote speak speaks spoke make makes made take takes took
    give gives gave come comes came go goes went see sees saw find finds found meet meets met lead leads led
    hold holds held keep keeps kept begin begins began become becomes became get gets got run runs ran send
    sends sent bring brings brought think thinks thought feel feels felt stand stands stood mean means meant
    pay pays paid sell sells sold build builds built fall falls fell fight fights fought strike strikes struck
    shoot shoots shot know knows knew seem seems seemed show shows read reads""".split()
)
RELATIVES = frozenset("who which".split())
CONNECTORS = frozenset("of for at in from".split())
PREPOSITIONS = frozenset(
    "of on against for with by in at to from into over about under near between among upon onto".split()
)
#: words before a cue that make it an adjective (``recent alleged strikes``)
ADJECTIVE_CONTEXT = DETERMINERS | PREPOSITIONS | frozenset(
    "recent latest new previous former other most more these such".split()
)
#: -ed / -ing words that are nouns, not verbs, when they head a speaker phrase
NOUN_EXCEPTIONS = frozenset(
    """red bed need shed seed speed feed creed hundred thousand breed steed greed
    briefing meeting spokeswoman building king thing ring string wing evening morning
    hearing ruling funding training bombing shooting offering""".split()
)
#: verbs of saying that put the speaker after them (``..., said the minister``);
#: verbs with objects (denied, urged, condemned) do not
INVERTING = frozenset(
    """said says say added adds wrote writes reported reports read reads continued explained noted asked
    told declared stated recalled warned insisted argued claimed posted tweeted replied remarked""".split()
)
AFTER_CUES = ("according", "cited by", "per ")
#: participles whose object is what is cited, not who speaks: ``X, citing Y``
CITING_CUES = ("citing", "quoting")


class Token:
    """One token of a document: ``text[start:end]``."""

    __slots__ = ("start", "end", "text", "low", "is_word", "is_capitalised")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()
        first = text[:1]
        self.is_word = first.isalnum()
        self.is_capitalised = first.isupper() or first.isdigit()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (``Pakistan’s``, ``Amir-Abdollahian``, ``U.S.``) and single punctuation marks.

    Only ``text[start:end]`` is tokenized; offsets index ``text``.
    """
    out: list[Token] = []
    taken = start
    end = len(text) if end is None else end
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        if a < taken:
            continue  # the period already joined to an abbreviation
        word = m.group(0)
        if b < end and text[b] == "." and word[:1].isalpha():
            if _ACRONYM_DOT.match(word) or word.lower() in TITLES:
                b += 1
                word += "."
        taken = b
        out.append(Token(a, b, word))
    return out


def _base(word: str) -> str:
    """Lower-cased word without a possessive ending."""
    low = word.lower()
    for suffix in ("’s", "'s", "’", "'"):
        if low.endswith(suffix) and len(low) > len(suffix):
            return low[: -len(suffix)]
    return low


def verb_like(tok: Token) -> bool:
    """A lower-case past form or participle that is unlikely to head a noun phrase."""
    low = tok.low
    if tok.is_capitalised or low in NOUN_EXCEPTIONS:
        return False
    return (low.endswith("ed") and len(low) > 3) or (low.endswith("ing") and len(low) > 4)


def np_word(tok: Token) -> bool:
    """Can this token be part of a noun phrase?"""
    if not tok.is_word:
        return False
    low = _base(tok.text)
    if low in CLAUSE_WORDS or low in AUX_BE or low in AUX_OTHER or low in NEGATIONS:
        return False
    if low in IRREGULAR_VERBS and not tok.is_capitalised:
        return False
    if low.endswith("ly") and not tok.is_capitalised and low not in ("italy", "ally", "family"):
        return False
    return True


def np_before(tokens: Sequence[Token], j: int, *, lo: int = 0, max_tokens: int = 10) -> tuple[int, int] | None:
    """Token index range ``[i, j]`` of the noun phrase ending at token ``j``, or None.

    Walks left over words, possessives and ``of``/``for``/``at``/``in``/``from``
    until a determiner (kept), a clause word, punctuation or ``lo``.
    """
    if j < lo or j >= len(tokens):
        return None
    head = tokens[j]
    if not np_word(head) or verb_like(head) or head.low in DETERMINERS or head.low in CONNECTORS:
        return None
    if head.low in PRONOUNS:
        return (j, j)
    i = j
    k = j - 1
    while k >= lo and j - k < max_tokens:
        tok = tokens[k]
        low = tok.low
        if low in DETERMINERS:
            i = k
            break
        if low in CONNECTORS:
            # keep "director of the Institute" only when something precedes it
            if k - 1 >= lo and np_word(tokens[k - 1]) and not verb_like(tokens[k - 1]):
                k -= 1
                continue
            break
        if not np_word(tok) or verb_like(tok) or low in PRONOUNS:
            break
        i = k
        k -= 1
    while i < j and tokens[i].low in CONNECTORS:
        i += 1
    # a connector that was passed but never closed by a word belongs outside
    return (i, j)


def np_after(tokens: Sequence[Token], i: int, *, hi: int | None = None, max_tokens: int = 12) -> tuple[int, int] | None:
    """Token index range ``[i, j]`` of the noun phrase starting at token ``i``, or None."""
    hi = len(tokens) if hi is None else min(hi, len(tokens))
    if i >= hi:
        return None
    first = tokens[i]
    if not np_word(first) and first.low not in DETERMINERS:
        return None
    if verb_like(first) or first.low in PREPOSITIONS or first.low in ADVERBS:
        return None
    if first.low in PRONOUNS:
        return (i, i)
    j = i
    k = i + 1
    while k < hi and k - i < max_tokens:
        tok = tokens[k]
        low = tok.low
        if low in CONNECTORS:
            nxt = tokens[k + 1] if k + 1 < hi else None
            if nxt is not None and (np_word(nxt) or nxt.low in DETERMINERS) and not _is_time(nxt):
                k += 1
                continue
            break
        if low in DETERMINERS and tokens[k - 1].low in CONNECTORS:
            k += 1
            continue
        if not np_word(tok) or verb_like(tok) or low in DETERMINERS:
            break
        j = k
        k += 1
    # drop a trailing connector phrase that ended without a noun
    while j > i and tokens[j].low in CONNECTORS | DETERMINERS:
        j -= 1
    return (i, j)


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _is_time(tok: Token) -> bool:
    """A year, day or month: ``in 2010``, ``on Tuesday`` end a noun phrase."""
    low = tok.low
    return low[:1].isdigit() or low in DAYS or low in _MONTHS


def skip_left(tokens: Sequence[Token], k: int, lo: int) -> tuple[int, bool]:
    """Skip auxiliaries, negations, adverbs and day names left of ``k``; report a passive ``be``."""
    passive = False
    while k >= lo:
        low = tokens[k].low
        if low in AUX_BE:
            passive = True
        elif low in AUX_OTHER or low in NEGATIONS or low in ADVERBS or low in DAYS:
            pass
        elif low == "on" and k + 1 < len(tokens) and tokens[k + 1].low in DAYS:
            pass
        elif low.endswith("ly") and tokens[k].is_word and not tokens[k].is_capitalised and low not in ("ally",):
            pass
        elif low in ("and", "or") and k - 1 >= lo and verb_like(tokens[k - 1]) and tokens[k - 1].low.endswith("ed"):
            k -= 1  # "had been summoned and told": skip the coordinated verb
        else:
            break
        k -= 1
    return k, passive


_INTRO = PREPOSITIONS | ADVERBS | DAYS | frozenset("following formed founded late earlier hours".split())


def sentence_subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Subject of ``Subject, appositive, verb``: a noun phrase filling the first comma segment.

    Introductory phrases (``In 2019,``, ``Formed in 2012,``) are passed over.
    """
    k = lo
    while k < hi:
        comma = next((c for c in range(k, hi) if tokens[c].text == ","), None)
        if comma is None:
            return None
        span = np_after(tokens, k, hi=comma)
        if span is not None and span[1] == comma - 1:
            return span
        if tokens[k].low in _INTRO or verb_like(tokens[k]):
            k = comma + 1
            continue
        return None
    return None


def clause_subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Subject noun phrase of the clause that ends at token ``hi`` (exclusive) and starts after ``lo``.

    Looks at comma-separated segments from right to left and returns the first
    one that opens with a noun phrase followed by another word (its verb).
    """
    bounds = [k for k in range(lo, hi) if tokens[k].text in ",;:—–(" or tokens[k].text in "“”\"‘"]
    starts = [b + 1 for b in reversed(bounds)] + [lo]
    for s in starts:
        while s < hi and tokens[s].low in ("and", "but", "while", "as", "so", "then"):
            s += 1
        if s >= hi:
            continue
        span = np_after(tokens, s, hi=hi, max_tokens=9)
        if span is None:
            continue
        nxt = span[1] + 1
        if nxt < hi and tokens[nxt].is_word:
            return span
    return None


#: counts stay one token ("24,285", "1.5", "6-year-old"); acronyms ("U.S.") and titles keep their periods
_COUNT_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St)\.|\d+(?:[.,]\d+)*(?:-[^\W_]+)*"
    r"|[^\W\d_][\w]*(?:[-'’.][\w]+)*|\S"
)


def tokenize_counts(text: str, start: int = 0, end: int | None = None, *, token: type[Token] = Token) -> list[Token]:
    """Like :func:`tokenize`, but a number with thousands separators or decimals is one token.

    ``"at least 24,285 Palestinians"`` gives ``24,285`` as one token, so a count can be read from it.
    Only ``text[start:end]`` is tokenized; offsets index ``text``. ``token`` is the class built for each
    token (a subclass of :class:`Token` taking the same arguments).
    """
    end = len(text) if end is None else end
    return [token(m.start(), m.end(), m.group()) for m in _COUNT_TOKEN.finditer(text, start, end)]
