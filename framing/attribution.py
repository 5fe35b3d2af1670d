"""Attributions: who is reported as saying something, with which verb.

:func:`attributions` returns one row per attribution cue (a reporting verb or
phrase from the bundled ``attribution`` lexicon) that is used to report
speech, direct or indirect, with the speaker it names. Direct quotations come
from :func:`framing.quotes.quotes`: a cue that introduces a quotation carries
that quotation's ``quote_id`` and the same speaker and verb as the quotes
table. Every other cue is resolved with the rules below (rule-based, no tagger
or model is needed).

Speaker rules, tried in this order
----------------------------------
* ``according to X``: ``X``, the noun phrase after the cue.
* ``X, citing Y`` / ``Citing Y, X reported``: ``X``, the one who cites (as in
  PolNeAR; ``Y`` is the content, often a source, sometimes a reason).
* ``X, who said``: ``X``, the antecedent of the relative pronoun.
* ``what X called / claimed were``: ``X`` (``what it called`` gives ``it``).
* ``cited X as saying`` and ``with X saying``: ``X``.
* passive (``is claimed to have been responsible``, ``was reported``): the
  agent of a following ``by X``, else no speaker (``speaker`` is None).
* ``X said``, ``X has also said``, ``X on Wednesday said``: the subject noun
  phrase before the cue, skipping auxiliaries, adverbs and day names; an
  appositive between subject and cue is skipped (``Michael Kugelman, director
  of ..., warned`` gives ``Michael Kugelman``).
* inverted ``..., said X`` / ``“...,” read the statement``: ``X`` (verbs of
  saying only: ``denied any role`` has an object, not a speaker).
* a participle (``..., saying ...``, ``issued a statement calling ...``) or a
  verb coordinated with ``and``/``but``: the subject of the clause it belongs to.
* a noun cue: its possessor (``Iran’s claim``) or the clause subject
  (``expressed its vehement condemnation``).

A quotation whose speaker the quotes table leaves empty gets the speaker these
rules find for its verb.

Not counted as attributions (documented choices)
------------------------------------------------
* ``so-called`` / ``so called``: a hedge on a name, not a verb.
* ``claimed responsibility`` / ``claimed credit``: a group's act of claiming an
  attack is reported as an action, not as speech the outlet distances itself
  from; counting it as a ``distancing`` verb would misstate the outlet's stance.
* ``called for`` / ``called on`` (a demand, not a naming).
* adjectival and adverbial uses: ``alleged bases``, ``the reported attack``,
  ``allegedly linked`` (these are hedges, counted by the ``hedging`` lexicon).
  A past-tense cue with no subject, no passive auxiliary and no inverted
  speaker is treated as adjectival.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from os import PathLike
from typing import Any

import numpy as np
import pandas as pd

from framing import schema
from framing.lexicon import Lexicon
from framing.sentences import TITLES, split_sentences

__all__ = ["attributions", "ATTRIBUTION_COLUMNS"]

#: columns of :func:`attributions`: :data:`framing.schema.ATTRIBUTIONS` then
#: the speaker's offsets and the voice the cue stands in
ATTRIBUTION_COLUMNS = schema.ATTRIBUTIONS + schema.ATTRIBUTIONS_EXTRA

# ---------------------------------------------------------------------------
# tokens and noun phrases (shared with framing.actors)
# ---------------------------------------------------------------------------

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


def _verb_like(tok: Token) -> bool:
    """A lower-case past form or participle that is unlikely to head a noun phrase."""
    low = tok.low
    if tok.is_capitalised or low in NOUN_EXCEPTIONS:
        return False
    return (low.endswith("ed") and len(low) > 3) or (low.endswith("ing") and len(low) > 4)


def _np_word(tok: Token) -> bool:
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
    if not _np_word(head) or _verb_like(head) or head.low in DETERMINERS or head.low in CONNECTORS:
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
            if k - 1 >= lo and _np_word(tokens[k - 1]) and not _verb_like(tokens[k - 1]):
                k -= 1
                continue
            break
        if not _np_word(tok) or _verb_like(tok) or low in PRONOUNS:
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
    if not _np_word(first) and first.low not in DETERMINERS:
        return None
    if _verb_like(first) or first.low in PREPOSITIONS or first.low in ADVERBS:
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
            if nxt is not None and (_np_word(nxt) or nxt.low in DETERMINERS) and not _is_time(nxt):
                k += 1
                continue
            break
        if low in DETERMINERS and tokens[k - 1].low in CONNECTORS:
            k += 1
            continue
        if not _np_word(tok) or _verb_like(tok) or low in DETERMINERS:
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


def _skip_left(tokens: Sequence[Token], k: int, lo: int) -> tuple[int, bool]:
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
        elif low in ("and", "or") and k - 1 >= lo and _verb_like(tokens[k - 1]) and tokens[k - 1].low.endswith("ed"):
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
        if tokens[k].low in _INTRO or _verb_like(tokens[k]):
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


# ---------------------------------------------------------------------------
# cue classification
# ---------------------------------------------------------------------------

_SO_CALLED = re.compile(r"\bso[\s\-‐‑]*$", re.IGNORECASE)
_NOT_SPEECH_AFTER = {
    "claim": re.compile(r"\s+(?:the\s+|full\s+)?(?:responsibility|credit)\b", re.IGNORECASE),
    "call": re.compile(r"\s+(?:for|on|upon|off|up|in|out)\b", re.IGNORECASE),
}
#: "called" names something only with a pronoun object and a name for it
#: ("called it a disgrace"); "a group called X", "is called", "called him to
#: congratulate" (a phone call) are not attributions
_NAMING_VERBS = frozenset({"called", "calling", "calls"})
_NAMING_AFTER = re.compile(
    r"\s+(?:it|this|that|them|these|those|him|her|himself|herself|themselves)\s+"
    r"(?!(?:to|and|or|on|for|back|after|in|out|up|off|at|from|with|about|over|again|last|yesterday)\b)[\w“\"‘']",
    re.IGNORECASE,
)


def _token_index(tokens: Sequence[Token], starts: np.ndarray, offset: int) -> int:
    return int(np.searchsorted(starts, offset, side="right")) - 1


def _span_of(tokens: Sequence[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    return tokens[span[0]].start, tokens[span[1]].end


def resolve_speaker(
    text: str,
    tokens: Sequence[Token],
    starts: np.ndarray,
    cue_start: int,
    cue_end: int,
    sentence: tuple[int, int],
) -> tuple[str, tuple[int, int] | None]:
    """Classify one cue and find its speaker.

    Returns
    -------
    (status, span)
        ``status`` is ``"skip"`` for a non-reporting use, else ``"ok"``;
        ``span`` the speaker's character offsets or None (no speaker named).
    """
    cue_text = text[cue_start:cue_end]
    low = cue_text.lower()
    before = text[max(sentence[0], cue_start - 12):cue_start]
    after = text[cue_end:cue_end + 25]
    if _SO_CALLED.search(before):
        return "skip", None
    for stem, pattern in _NOT_SPEECH_AFTER.items():
        if low.startswith(stem) and pattern.match(after):
            return "skip", None
    if low.endswith("ly") and " " not in low:
        return "skip", None
    if low in _NAMING_VERBS and not _NAMING_AFTER.match(text, cue_end):
        return "skip", None

    lo = _token_index(tokens, starts, sentence[0])
    lo = max(lo, 0)
    if lo < len(tokens) and tokens[lo].start < sentence[0]:
        lo += 1
    hi = _token_index(tokens, starts, sentence[1] - 1) + 1
    first = _token_index(tokens, starts, cue_start)
    last = _token_index(tokens, starts, cue_end - 1)

    # what X called / claimed were (the lexicon may include "what it" in the cue)
    if low.startswith("what "):
        span = np_after(tokens, first + 1, hi=last, max_tokens=4)
        return "ok", _span_of(tokens, span)
    # according to X, citing X
    if low.startswith(AFTER_CUES):
        span = np_after(tokens, last + 1, hi=hi)
        return "ok", _span_of(tokens, span)

    prev = first - 1
    if prev >= lo and tokens[prev].low == "what":
        return "skip", None
    # "what it called": pronoun or name between "what" and the verb
    if prev - 1 >= lo and tokens[prev - 1].low == "what" and _np_word(tokens[prev]):
        return "ok", _span_of(tokens, (prev, prev))

    if low in CITING_CUES:
        # "X, citing Y": X speaks; "Citing Y, X reported": the subject after the comma
        subject = clause_subject(tokens, lo, first)
        if subject is None and first == lo:
            comma = next((c for c in range(last + 1, hi) if tokens[c].text == ","), None)
            if comma is not None:
                subject = np_after(tokens, comma + 1, hi=hi, max_tokens=8)
        return "ok", _span_of(tokens, subject)
    is_participle = low.endswith("ing") and " " not in low
    if is_participle:
        # cited X as saying
        if prev >= lo and tokens[prev].low == "as":
            return "ok", _span_of(tokens, np_before(tokens, prev - 1, lo=lo))
        # with X saying
        span = np_before(tokens, prev, lo=lo)
        if span is not None and span[0] - 1 >= lo and tokens[span[0] - 1].low == "with":
            return "ok", _span_of(tokens, span)
        if prev >= lo and tokens[prev].low in ADJECTIVE_CONTEXT - {"by"} and tokens[prev].low != "with":
            return "skip", None
        return "ok", _span_of(tokens, clause_subject(tokens, lo, first))

    k, passive = _skip_left(tokens, prev, lo)
    if passive:
        m = re.match(r"\s+by\s+", text[cue_end:])
        if m:
            j = _token_index(tokens, starts, cue_end + m.end())
            return "ok", _span_of(tokens, np_after(tokens, j, hi=hi))
        return "ok", None
    if k < lo:
        # sentence-initial cue: "Said the minister ..." or an adjective ("Alleged bases ...")
        span = np_after(tokens, last + 1, hi=hi, max_tokens=8)
        if span is not None and not low.endswith("ed"):
            return "ok", _span_of(tokens, span)
        return "skip", None
    left = tokens[k]
    if left.low in RELATIVES or (left.low == "that" and k - 1 >= lo and tokens[k - 1].is_word):
        # "Kugelman, who said": the antecedent of the relative pronoun
        j = k - 2 if k - 1 >= lo and tokens[k - 1].text == "," else k - 1
        return "ok", _span_of(tokens, np_before(tokens, j, lo=lo))
    if left.low in ("and", "or", "but"):
        subject = clause_subject(tokens, lo, k) or sentence_subject(tokens, lo, k)
        return "ok", _span_of(tokens, subject)
    if left.text in (",", "”", "\"", "’", "'") or (left.text in ",”\"" and k == prev):
        # inverted: "..., said X" / "“...,” read the statement"
        span = np_after(tokens, last + 1, hi=hi, max_tokens=8) if low in INVERTING else None
        if span is not None and (tokens[span[0]].is_capitalised or tokens[span[0]].low in DETERMINERS | PRONOUNS):
            nxt = span[1] + 1
            if nxt >= hi or not tokens[nxt].is_word or tokens[nxt].low in ("in", "on", "at", "during", "told", "to"):
                return "ok", _span_of(tokens, span)
        if left.text == ",":
            # "X, an appositive, warned": the noun phrase before the first comma
            subject = sentence_subject(tokens, lo, k + 1)
            if subject is None:
                # "... since Clinton, at Monday's debate, cited": before the aside
                opening = next((c for c in range(k - 1, max(lo, k - 30) - 1, -1) if tokens[c].text == ","), None)
                if opening is not None:
                    subject = np_before(tokens, opening - 1, lo=lo)
            if subject is not None:
                return "ok", _span_of(tokens, subject)
        return "ok", None
    if k == prev and left.low in ADJECTIVE_CONTEXT:
        return "skip", None
    span = np_before(tokens, k, lo=lo)
    if span is None:
        if low.endswith("ed") or low in ("said", "told", "wrote"):
            # "attacked alleged bases": an adjective, not a report
            if _verb_like(left) or not left.is_word:
                return "skip", None
        return "ok", None
    return "ok", _span_of(tokens, span)


#: cues that are nouns: their speaker is a possessor (``Iran’s claim``) or the clause subject
NOUN_CUES = frozenset("condemnation denial denials rejection claim claims".split())
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\Z")


def _noun_cue_speaker(
    tokens: Sequence[Token], lo: int, first: int
) -> tuple[str, tuple[int, int] | None] | None:
    """Speaker of a cue used as a noun, or None when the cue is a verb here."""
    prev = first - 1
    if prev < lo:
        return None
    left = tokens[prev]
    if left.is_word and _POSSESSIVE.search(left.text) and left.low not in ("its", "it's"):
        span = np_before(tokens, prev, lo=lo)
        if span is not None:
            a = tokens[span[0]].start
            b = tokens[span[1]].end
            b -= len(_POSSESSIVE.search(left.text).group(0))
            return "ok", (a, b)
    if left.low in DETERMINERS or (left.is_word and not left.is_capitalised and prev - 1 >= lo
                                   and tokens[prev - 1].low in DETERMINERS):
        return "ok", _span_of(tokens, clause_subject(tokens, lo, first))
    return None


class _Record:
    """One table row with attribute access (faster than ``itertuples`` on Arrow columns)."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values


def _records(table: pd.DataFrame, columns: Sequence[str]) -> list[_Record]:
    """Rows of ``table`` restricted to ``columns``; missing values become None."""
    if not len(table):
        return []
    lists = []
    for c in columns:
        values = table[c].tolist()
        missing = table[c].isna().tolist()
        lists.append([None if m else v for v, m in zip(values, missing)])
    return [_Record(dict(zip(columns, row))) for row in zip(*lists)]


_QUOTE_FIELDS = ("doc_id", "quote_id", "start", "speaker", "speaker_start", "speaker_end", "verb_start", "verb_end")
_CUE_FIELDS = ("doc_id", "start", "end", "category", "voice")


def _document_rows(
    text: str,
    cues: list[_Record],
    quotes: list[_Record],
) -> list[dict[str, Any]]:
    """Attribution rows of one document (without doc_id / outlet)."""
    spans = split_sentences(text)
    if not spans:
        spans = [(0, len(text))]
    sentence_starts = [a for a, _ in spans]
    # tokens of the sentences that hold a cue, made on demand: every rule stays inside its sentence
    cache: dict[int, tuple[list[Token], np.ndarray]] = {}

    def sentence_tokens(sid: int) -> tuple[list[Token], np.ndarray]:
        if sid not in cache:
            a, b = spans[sid]
            toks = tokenize(text, a, b)
            cache[sid] = (toks, np.fromiter((t.start for t in toks), dtype=np.int64, count=len(toks)))
        return cache[sid]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    # quotations keyed by their verb span
    by_verb: dict[tuple[int, int], list[Any]] = {}
    for q in quotes:
        vs, ve = q.verb_start, q.verb_end
        if pd.isna(vs) or pd.isna(ve):
            continue
        by_verb.setdefault((int(vs), int(ve)), []).append(q)

    rows: list[dict[str, Any]] = []
    used: set[tuple[int, int]] = set()

    def _rule_speaker(a: int, b: int) -> tuple[int, int] | None:
        sid = sentence_of(a)
        tokens, starts = sentence_tokens(sid)
        status, span = resolve_speaker(text, tokens, starts, a, b, spans[sid])
        return span if status == "ok" else None

    def quote_row(key: tuple[int, int], category: Any, voice: Any) -> dict[str, Any]:
        qs = sorted(by_verb[key], key=lambda q: q.start)
        q = qs[0]
        ss, se = q.speaker_start, q.speaker_end
        has_speaker = not (pd.isna(ss) or pd.isna(se))
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else None
        if not has_speaker:
            # the quotes table names no speaker: try the reported-speech rules
            found = _rule_speaker(key[0], key[1])
            if found is not None:
                ss, se = found
                speaker = text[ss:se]
                has_speaker = True
        return {
            "sentence_id": sentence_of(key[0]),
            "speaker": speaker,
            "verb": text[key[0]:key[1]],
            "verb_category": category,
            "quote_id": q.quote_id,
            "start": key[0],
            "end": key[1],
            "speaker_start": int(ss) if has_speaker else None,
            "speaker_end": int(se) if has_speaker else None,
            "voice": voice,
        }

    # verb spans sorted by start, so a cue finds the ones it overlaps by bisection (not a scan of all)
    verb_order = {k: i for i, k in enumerate(by_verb)}
    verb_keys = sorted(by_verb)
    verb_starts = [k[0] for k in verb_keys]
    longest = max((k[1] - k[0] for k in verb_keys), default=0)

    for cue in sorted(cues, key=lambda c: c.start):
        a, b = int(cue.start), int(cue.end)
        near = verb_keys[bisect.bisect_left(verb_starts, a - longest):bisect.bisect_left(verb_starts, b)]
        overlapping = sorted((k for k in near if a < k[1]), key=verb_order.__getitem__)
        if overlapping:
            key = overlapping[0]
            if key not in used:
                used.add(key)
                rows.append(quote_row(key, cue.category, cue.voice))
            continue
        sid = sentence_of(a)
        sentence = spans[sid]
        tokens, starts = sentence_tokens(sid)
        lo = 0
        first = int(np.searchsorted(starts, a, side="right")) - 1
        result = None
        if text[a:b].lower() in NOUN_CUES:
            result = _noun_cue_speaker(tokens, lo, first)
        if result is None:
            result = resolve_speaker(text, tokens, starts, a, b, sentence)
        status, speaker = result
        if status == "skip":
            continue
        rows.append({
            "sentence_id": sid,
            "speaker": text[speaker[0]:speaker[1]] if speaker else None,
            "verb": text[a:b],
            "verb_category": cue.category,
            "quote_id": None,
            "start": a,
            "end": b,
            "speaker_start": speaker[0] if speaker else None,
            "speaker_end": speaker[1] if speaker else None,
            "voice": cue.voice,
        })
    # quotations whose verb is not in the lexicon ("read the statement")
    for key in by_verb:
        if key not in used:
            rows.append(quote_row(key, None, "narrator"))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def attributions(
    corpus: pd.DataFrame, *, lexicon: str | PathLike[str] | Lexicon = "attribution", resolve_pronouns: bool = True
) -> pd.DataFrame:
    """One row per attribution of speech, direct (a quotation) or reported.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    lexicon : str, path or Lexicon, default "attribution"
        The lexicon of reporting verbs (a bundled name, a file, or a
        :class:`~framing.Lexicon`); its categories become ``verb_category``.
    resolve_pronouns : bool, default True
        Passed to :func:`framing.quotes`: a quotation's pronoun speaker ("he
        said") is replaced by the named speaker it refers to. Reported speech
        without quotes always keeps its speaker as written.

    Returns
    -------
    pandas.DataFrame
        One row per reporting cue used as such, in text order, columns
        :data:`ATTRIBUTION_COLUMNS`:

        - ``doc_id``, ``outlet``: the document.
        - ``sentence_id`` (int): the sentence of the cue, as in
          :func:`framing.sentences`.
        - ``speaker`` (str or None): the source as written ("Pakistan’s
          foreign ministry", "it", "the statement"); None when the text names
          none (agentless passive "is claimed to").
        - ``verb`` (str): the cue as written ("said", "according to",
          "what it called").
        - ``verb_category`` (str or None): the cue's category in the lexicon
          (neutral, endorsing, distancing, emphatic, denial); None for a
          quotation verb the lexicon lacks ("read").
        - ``quote_id``: the quotation this cue introduces (a ``quote_id`` of
          :func:`framing.quotes`), None for reported speech without quotes.
        - ``start``, ``end`` (int): the cue, ``text[start:end] == verb``.
        - ``speaker_start``, ``speaker_end`` (int or None): the speaker span.
        - ``voice`` (str): narrator, quote or scare_quote: the voice the cue
          stands in (a cue inside a quotation reports the quoted source's
          own attribution).

        A document without cues has no rows; the table has these columns even
        when empty.

    Raises
    ------
    framing.errors.SchemaError
        If ``corpus`` lacks ``doc_id``, ``outlet`` or ``text``.
    """
    from framing.match import find
    from framing.quotes import quotes as quote_table

    schema.require(corpus, schema.CORPUS, what="corpus")
    cues = find(corpus, lexicons=[lexicon])
    qt = quote_table(corpus, resolve_pronouns=resolve_pronouns)
    cue_groups: dict[Any, list[_Record]] = {}
    for rec in _records(cues, _CUE_FIELDS):
        cue_groups.setdefault(rec.doc_id, []).append(rec)
    quote_groups: dict[Any, list[_Record]] = {}
    for rec in _records(qt, _QUOTE_FIELDS):
        quote_groups.setdefault(rec.doc_id, []).append(rec)
    records: list[dict[str, Any]] = []
    for doc_id, outlet, text in zip(corpus["doc_id"], corpus["outlet"], corpus["text"]):
        text = text if isinstance(text, str) else ""
        for row in _document_rows(text, cue_groups.get(doc_id, []), quote_groups.get(doc_id, [])):
            row["doc_id"] = doc_id
            row["outlet"] = outlet
            records.append(row)
    out = pd.DataFrame.from_records(records, columns=list(ATTRIBUTION_COLUMNS))
    for col in ("sentence_id", "start", "end"):
        out[col] = out[col].astype("int64")
    for col in ("quote_id", "speaker_start", "speaker_end"):
        out[col] = out[col].astype("Int64")
    return out
