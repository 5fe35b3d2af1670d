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
* ``In a CBS News poll released Sunday, ...`` (a sentence opening with the
  document it reports from): the cue is ``In``, the source the document.
* a document's ``show`` / ``found`` / ``showed`` (``polls show``, ``New polls
  released Sunday showed``): the document's noun phrase; ``showed`` with no
  document subject and no that-clause (``he showed no remorse``) is no cue.
* the plain form of a reporting verb after ``continued`` / ``refused`` /
  ``declined`` / ``expected to`` (``refused to speak``): the governing verb's
  subject, negated after refused / declined, hypothetical after expected.
* ``according to X``: ``X``, the whole name after the cue, over ``and`` between
  capitalised words and a parenthesised acronym (``the Immigration and
  Customs Enforcement (ICE) agency``).
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
  of ..., warned`` gives ``Michael Kugelman``), and so are a parenthesis
  (``Sen. Bernie Sanders (I-Vt.) said``), an aside between dashes and
  ``went on to`` (``He went on to say``).
* inverted ``..., said X`` / ``— said X.`` / ``“...,” read the statement``: ``X`` (verbs of
  saying only: ``denied any role`` has an object, not a speaker).
* a participle (``..., saying ...``, ``issued a statement calling ...``) or a
  verb coordinated with ``and``/``but``: the subject of the clause it belongs to.
* a noun cue: its possessor (``Iran’s claim``) or the clause subject
  (``expressed its vehement condemnation``); ``the claim`` with no source is
  not a cue.

Then: a role with the body it belongs to is one speaker (``A spokesman for the
agency said``); the object of ``told`` / ``asked`` / ``urged`` ... and the name after
``said to`` is the ``addressee``, and never the speaker (``X, who ..., told
Newsmax`` gives ``X``); a verb coordinated after another (``Rouhani criticized
Trump and warned``) takes the first verb's subject; a participle right after
a cue's clause (``..., Aboutaleb said, talking about``) goes on with its
speaker; a passive takes a ``by`` agent a few words on (``was announced on
state TV by a presenter``); a possessive ending is dropped (``the
president’s stated willingness``); with ``resolve_pronouns=False`` a speaking
relative pronoun stays as written (``lawmakers who have announced``: ``who``).
A quotation signed after a dash (``“…” ― Sonya Herridge``) is attributed to
the name, with the dash as its cue.

A quotation whose speaker the quotes table leaves empty gets the speaker these
rules find for its verb.

Not counted as attributions (documented choices)
------------------------------------------------
* ``so-called`` / ``so called``: a hedge on a name, not a verb.
* ``claimed responsibility`` / ``claimed credit``: a group's act of claiming an
  attack is reported as an action, not as speech the outlet distances itself
  from; counting it as a ``distancing`` verb would misstate the outlet's stance.
* ``called it X`` only with a pronoun object: ``a group called X``, ``is
  called``, ``called him to congratulate`` are not speech; ``called for`` /
  ``called on`` are demands (emphatic, like ``urged``).
* ``demanded anonymity``, ``thanks to``, ``spoke to`` / ``spoke with``
  without what was said, ``pledged delegates``, and a participle after a count
  (``12 reported cases``).
* thinking verbs (believe, think, see, want): not acts of speech; with ``cues="all"`` they are rows
  (``cognition``) when their subject can hold a view and their complement follows.
* adjectival and adverbial uses: ``alleged bases``, ``the reported attack``,
  ``allegedly linked`` (these are hedges, counted by the ``hedging`` lexicon).
  A past-tense cue with no subject, no passive auxiliary and no inverted
  speaker is treated as adjectival.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Sequence
from os import PathLike
from typing import Any

import pandas as pd

from framing import registry, schema
from framing._checks import check_option
from framing.lexicon.load import Lexicon
from framing.measures._inputs import as_lexicon, checked_annotations, lexicon_matches
from framing.text.link_cards import without_link_cards
from framing.text.annotate import Annotations
from framing.text.sentences import split_sentences
from framing.measures._cues import (
    ACT_CUES,
    ADDRESSEE_VERBS,
    NEGATIVE_CUE,
    POSSESSIVE_DETERMINERS,
    QUESTION_OPENERS,
    according_np,
    addressee,
    cognition_spans,
    coordinated_subject,
    dash_signature,
    document_before,
    document_subject,
    evidence_spans,
    infinitive_passive,
    left_subject,
    modal_before,
    needs_source,
    not_reporting,
    numeral_before,
    passive_agent,
    possible_source,
    thought_complement,
    trim_possessive,
    with_role,
)
from framing.measures._speakers import _BEFORE_PASSIVE, _skip_adverbs, _span_of, possessor, resolve_speaker
from framing.text.grammar import (
    AFTER_CUES,
    CITING_CUES,
    DETERMINERS,
    Token,
    clause_subject,
    main_subject,
    np_after,
    np_before,
    opens_subordinate_clause,
    skip_left,
    tokenize,
    verb_like,
    without_adverbs,
)
from framing.text.scope import judge

__all__ = ["attributions", "ATTRIBUTION_COLUMNS"]

#: columns of :func:`attributions`: :data:`framing.schema.ATTRIBUTIONS` then
#: the speaker's offsets and the voice the cue stands in
ATTRIBUTION_COLUMNS = schema.ATTRIBUTIONS + schema.ATTRIBUTIONS_EXTRA

#: cues that are nouns: their speaker is a possessor (``Iran’s claim``) or the clause subject
NOUN_CUES = frozenset("condemnation denial denials rejection claim claims".split())
#: noun cues that report a claim only with what was claimed after them ("Sanders’s claim that he can win")
_CLAIM_NOUNS = frozenset("claim claims".split())
#: punctuation that ends a clause right after a noun cue: nothing it reports follows
_CLAUSE_END = frozenset(".,;!?)–—") | {"--"}
_TO_AFTER = re.compile(r"\s+to\s")
#: speech whose object is "nothing" is denied ("said nothing as ...", "the hearing revealed nothing new"); not
#: "said nothing was wrong", where "nothing" opens the clause that was said
_SAID_NOTHING = re.compile(r"\s+nothing\b(?!\s+(?:was|is|were|are|had|has|would|could|will|can|else|more|but)\b)",
                           re.IGNORECASE)
#: "and" or "but" a few words before a quotation's verb: a coordinated verb whose subject is further left
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:[\w’'.]+\s+){0,3}\Z", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')\Z")


#: verbs whose subject makes the claim their object names ("Pro-rebel media made similar claims")
_MAKING = frozenset("make makes made making".split())


def _made(tokens: Sequence[Token], lo: int, first: int) -> bool:
    """Is the noun cue at token ``first`` the object of a form of "make", right before it or before one word
    ("made similar claims", "made the claim")?"""
    k = first - 1
    if k >= lo and tokens[k].is_word and not tokens[k].is_capitalised and tokens[k].low not in _MAKING:
        k -= 1
    return k >= lo and tokens[k].low in _MAKING


def _noun_cue_speaker(
    tokens: Sequence[Token], lo: int, first: int
) -> tuple[str, tuple[int, int] | None] | None:
    """Speaker of a cue used as a noun, or None when the cue is a verb here."""
    prev = first - 1
    if prev < lo:
        return None
    left = tokens[prev]
    # "Putin's claim", "Moscow's repeated claim", "put to the test China’s claim": the possessor
    span = possessor(tokens, prev, lo) if left.low not in ("its", "it's") else None
    if span is not None:
        owner = tokens[span[1]].text
        return "ok", (tokens[span[0]].start, tokens[span[1]].end - len(_POSSESSIVE.search(owner).group(0)))
    if left.low in POSSESSIVE_DETERMINERS or left.low in ("a", "an") or _made(tokens, lo, first):
        # "expressed its vehement condemnation", "issued a denial", "Kurdish media later made similar claims": the
        # clause subject, without an adverb the walk took in
        return "ok", _span_of(tokens, without_adverbs(tokens, clause_subject(tokens, lo, first)))
    if left.is_word and prev - 1 >= lo and tokens[prev - 1].low in POSSESSIVE_DETERMINERS:
        # "its strong condemnation"
        return "ok", _span_of(tokens, clause_subject(tokens, lo, first))
    only_noun = tokens[first].low not in ("claim", "claims")
    if left.low in DETERMINERS or (left.is_word and not left.is_capitalised and (
            only_noun and not left.low.endswith("ly")
            or prev - 1 >= lo and tokens[prev - 1].low in DETERMINERS - POSSESSIVE_DETERMINERS)):
        # "the claim", "the new claim", "vaccine denial": a claim nobody is reported as making here
        return "skip", None
    if left.is_word and prev - 1 >= lo and tokens[prev - 1].low in POSSESSIVE_DETERMINERS:
        return "ok", _span_of(tokens, clause_subject(tokens, lo, first))
    return None


#: verbs whose infinitive is speech reported of their subject ("continued to question", "refused to condemn",
#: "is expected to announce"); the forms that are coded as attributions on the PolNeAR training articles at
#: least four times in five ("plans to", "scheduled to", "wants to" are mostly not)
_GOVERNORS = frozenset("""continue continues continued continuing refuse refuses refused refusing decline declines
    declined declining expected""".split())


def _infinitive_governor(tokens: Sequence[Token], first: int) -> int | None:
    """Token index of the governing verb of a cue that is its infinitive ("continued to question"), or None."""
    if first >= 2 and tokens[first - 1].low == "to" and tokens[first - 2].low in _GOVERNORS:
        return first - 2
    return None


#: forms of "show" in the lexicon that report only what a document shows, or a that-clause
_SHOWING = frozenset("showed".split())
#: verbs that only carry the act a noun names ("expressed its condemnation", "voiced concern")
_CARRYING_VERBS = frozenset("expressed expressing voiced voicing".split())
#: a short noun phrase up to the next cue: words, spaces and possessives, no clause break
_SHORT_NP = re.compile(r"[\w’'\- ]{1,40}")


def _carries_noun_cue(text: str, a: int, b: int, next_start: int) -> bool:
    """Is the cue ``text[a:b]`` a verb of :data:`_CARRYING_VERBS` whose object, a few words on, is the
    next cue (starting at ``next_start``)? Then the noun is the attribution and the verb adds none."""
    return text[a:b].lower() in _CARRYING_VERBS and b < next_start \
        and _SHORT_NP.fullmatch(text, b, next_start) is not None


def _question_follows(tokens: Sequence[Token], k: int, hi: int, reach: int = 8) -> bool:
    """Does a question open at token ``k``, or after a short circumstance without a comma ("Asked on Fox
    News who leads", "Asked in Iowa recently whether", "Asked at a briefing Monday about")?"""
    for m in range(k, min(hi, k + reach)):
        if tokens[m].low in QUESTION_OPENERS:
            return True
        if not tokens[m].is_word:
            return False
    return False


def _next_to(tokens: Sequence[Token], end: int, comma: int) -> bool:
    """Only a short phrase without a verb or comma lies between offset ``end`` and token ``comma``."""
    between = [t for t in tokens[:comma] if t.start >= end]
    return len(between) <= 8 and not any(t.text == "," or verb_like(t) for t in between)


def _goes_on(before: dict[str, Any], speaker: tuple[int, int] | None, citing: bool, next_to: bool,
             sentence_start: int) -> bool:
    """Whether a participle after a comma goes on with the speaker of the cue ``before`` it in its sentence: right
    after that cue ("X said to the program, talking about"), or past what was said when the participle has no
    subject of its own ("McCain said he doesn't understand why senators would filibuster, saying ..."); "citing"
    only right after it and when that speaker is nearer than the subject its own rule finds ("..., Reuters reports,
    citing officials", not "he said, citing", whose speaker stands in an earlier sentence)."""
    start = before["speaker_start"]
    if start is None:
        return False
    if citing:
        return next_to and start >= sentence_start and (speaker is None or start > speaker[0])
    return next_to or speaker is None and not before["negated"]


def _in_passive_clause(tokens: Sequence[Token], starts: Sequence[int], at: int) -> bool:
    """Whether the cue at offset ``at`` is a passive a subordinating word opens ("when questioned by reporters",
    "as asked by"): its agent is no subject a later participle goes on."""
    k = _skip_adverbs(tokens, bisect.bisect_left(starts, at) - 1, 0)
    return k >= 0 and tokens[k].low in _BEFORE_PASSIVE


class _Record:
    """A cue found by its context (:func:`_thought_records`), with attribute access as the rows of
    :func:`_records` have."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values


@functools.cache
def _row_type(columns: tuple[str, ...]) -> type:
    """A named tuple of ``columns`` (made once for each set of columns)."""
    return collections.namedtuple("_Row", columns)


def _records(table: pd.DataFrame, columns: Sequence[str]) -> list[tuple]:
    """Rows of ``table`` restricted to ``columns``, as named tuples; missing values become None."""
    if not len(table):
        return []
    lists = []
    for c in columns:
        column = table[c]
        values = column.tolist()
        if column.hasnans:
            values = [None if m else v for v, m in zip(values, column.isna().tolist())]
        lists.append(values)
    return list(map(_row_type(tuple(columns))._make, zip(*lists)))


_QUOTE_FIELDS = ("doc_id", "quote_id", "start", "end", "kind", "speaker", "speaker_start", "speaker_end",
                 "verb_start", "verb_end")
#: the category of a quotation verb that no category of the lexicon lists ("read the statement")
OTHER = "other"
#: a speaker that is no one ("no one in its network", "None of the officials", "Neither side", "No official")
_NO_ONE = re.compile(r"(?i)(?:no\s+one|nobody|none|neither|no\s+(?!doubt\b|longer\b|matter\b)[a-z]+)\b")
#: "no one in", "none of" right before a speaker ("no one in its network reported")
_NO_ONE_OF = re.compile(r"(?i)\b(?:no\s+one|nobody|none|neither)\s+(?:of|in|among|from|at)\s+$")
_CUE_FIELDS = ("doc_id", "start", "end", "category", "voice", "negated", "hypothetical")
#: the category of a cue of thought (``cues="all"``): a belief, expectation, intention or stance, not speech
COGNITION = "cognition"
#: what ``cues`` accepts: acts of speech only, or cues of thought as well
CUE_KINDS = ("speech", "all")


#: a verb's infinitive after a governor of :data:`_GOVERNORS` ("continued to question", "refused to speak")
_GOVERNED = re.compile(r"(?:continu(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|expected)"
                       r"\s+to\s+([a-z]+)\b")
_GOVERNOR_STEMS = ("continu", "refus", "declin", "expected")


#: plain forms that no ending rule gives from a listed form
_IRREGULAR = {"spoke": ("speak",), "wrote": ("write",), "told": ("tell",), "said": ("say",)}


def base_forms(lexicon: Lexicon) -> dict[str, str]:
    """The plain forms of the lexicon's one-word verbs, each with its category: "question" from
    "questioned", "endorse" from "endorsed", "criticize" from "criticizes" (an infinitive after a
    governor is rarely listed itself)."""
    out: dict[str, str] = {}
    for name, category in lexicon.categories.items():
        for term in category.terms:
            word = term.text.lower()
            if " " in word or not word.isalpha():
                continue
            stems = [word, *_IRREGULAR.get(word, ())]
            if word.endswith("ed"):
                stems += [word[:-2], word[:-1]]
            if word.endswith("s"):
                stems += [word[:-1]]
            for stem in stems:
                out.setdefault(stem, name)
    return out


#: a sentence opening with the document it reports from: "In a Washington Post/ABC News poll released
#: Sunday, just 8 percent ...": "In" is the cue, as "according to" is, and the document its source
_IN_DOCUMENT = re.compile(r"In\s+((?:(?!(?:where|which|that|who|when|of)\s)"
                          r"[\w/’'.&\-]+\s+){0,6}?(?:poll|polls|survey|surveys|study|analysis))\b"
                          r"[^,.;:\n“”\"]{0,60},")


def _in_document_sources(text: str) -> dict[int, tuple[int, int]]:
    """Offsets of each sentence-opening "In" of :data:`_IN_DOCUMENT`, with its document's span (a scan for
    "In " first: the pattern is tried only where a sentence opens with it)."""
    out = {}
    a = text.find("In ")
    while a >= 0:
        if a == 0 or text[a - 1] == "\n" or a >= 2 and text[a - 1].isspace() and text[a - 2] in ".!?":
            m = _IN_DOCUMENT.match(text, a)
            if m is not None:
                out[a] = m.span(1)
        a = text.find("In ", a + 3)
    return out


#: "reports" as a verb: after a name set off after the clause it reports ("..., the New York Post reports.",
#: "..., Reuters reports, citing officials", "As NPR's Emily Harris reports,") or opening a sentence before a colon
#: ("The Associated Press reports:"); not a noun phrase ("Pentagon reports, for example, show", "court records, FBI
#: reports, and interviews", "Media reports, however,")
_REPORTS = re.compile(r"(?:(?P<after>[,”\"—–]\s+)|(?P<as>\bAs\s+)|(?P<opening>(?:^|(?<=[.!?])\s+)))"
                      r"(?:(?:the|The)\s+)?(?P<name>(?:[A-Z][\w’'.&\-]*\s+){0,4}?[A-Z][\w’'.&\-]*)"
                      r"\s+(?P<verb>reports)\b", re.MULTILINE)
#: what may follow "reports" set off after a clause: the clause's end, or an aside that a participle opens
_AFTER_REPORTS = re.compile(r"[ \t]*(?:[.;:!?)\]\n]|\Z|,[ \t]+(?:[a-z]+ing\b|the\b|[A-Z]|but\b|although\b|though\b"
                            r"|while\b|which\b|in\b))")
#: a verb in the clause before the name ("Dozens died, Reuters reports."): a clause, not a list of nouns
_CLAUSE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|did|does|"
                          r"do|said|says|told|[a-z]+ed)\b")
#: one capitalised word that opens "reports" as a noun phrase ("Earlier reports")
_REPORTS_NOUN = frozenset("""media news press local recent earlier early initial new unconfirmed conflicting other some
    many several such these those official state police intelligence witness eyewitness previous later first
    latest daily weekly most all both""".split())
#: the fewest words of a clause before the comma that sets the name off: a list's item has fewer ("hospital data,
#: UN reports")
_MIN_CLAUSE_WORDS = 4


def _reports_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every "reports" of :data:`_REPORTS` (a scan for " reports" first)."""
    out = []
    a = text.find(" reports")
    while a >= 0:
        # (the name and "the" before it take at most six words, each at most 40 characters)
        m = next((m for m in _REPORTS.finditer(text, max(0, a - 250), a + 8) if m.start("verb") == a + 1), None)
        if m is not None and _verb_reports(text, m):
            out.append(m.span("verb"))
        a = text.find(" reports", a + 8)
    return out


def _verb_reports(text: str, m: re.Match[str]) -> bool:
    """Whether the "reports" of a :data:`_REPORTS` match is the verb (see there)."""
    name, end = m.group("name"), m.end("verb")
    if " " not in name and name.lower() in _REPORTS_NOUN:
        return False
    if m.group("opening") is not None:
        return text.startswith(":", end)
    if m.group("as") is not None:
        return text.startswith(",", end)
    after = _AFTER_REPORTS.match(text, end)
    if after is None:
        return False
    if after.group(0).lstrip().startswith(","):
        return True  # an aside within the clause it reports ("For now, the Times reports, the administration ...")
    # at the end of the sentence, after a clause, not a list ("It used police records, hospital data, UN reports.")
    before = text[max(0, m.start() - 200):m.start()]
    clause = re.split(r"[.;:!?,()\n]", before)[-1]
    return len(clause.split()) >= _MIN_CLAUSE_WORDS or _CLAUSE_VERB.search(clause) is not None \
        or m.group("after")[0] in "”\"—–"


def _governed_spans(low: str, bases: dict[str, str]) -> list[tuple[int, int, str]]:
    """Offsets and category of every infinitive of a lexicon verb after a governor ("refused to speak")."""
    out = []
    for stem in _GOVERNOR_STEMS:  # a plain search for each stem, the pattern only where one stands
        a = low.find(stem)
        while a >= 0:
            if a == 0 or not low[a - 1].isalnum():
                m = _GOVERNED.match(low, a)
                if m is not None and m.group(1) in bases:
                    out.append((m.start(1), m.end(1), bases[m.group(1)]))
            a = low.find(stem, a + len(stem))
    return sorted(out)


def _thought_records(text: str, cues: list[Any], quotes: list[Any], thoughts: bool,
                     bases: dict[str, str] | None = None) -> list[_Record]:
    """Candidate cues found by their context rather than the lexicon: a document's "show" / "found"
    (``EVIDENCE_CUES``), the plain form of a lexicon verb after a governor ("continued to question"; with
    ``bases`` from :func:`base_forms`) and, with ``thoughts``, the forms of ``COGNITION_CUES``; those no
    lexicon cue covers, in the voice of the narrator or of the quotation they stand in."""
    # the lexicon's cues and the quotations' own verbs ("“...,” he continued")
    taken = sorted([(int(c.start), int(c.end)) for c in cues]
                   + [(int(q.verb_start), int(q.verb_end)) for q in quotes
                      if not (pd.isna(q.verb_start) or pd.isna(q.verb_end))])
    taken_starts = [a for a, _ in taken]
    inside = sorted((int(q.start), int(q.end)) for q in quotes
                    if q.kind == "direct" and not (pd.isna(q.start) or pd.isna(q.end)))
    inside_starts = [a for a, _ in inside]
    out = []
    low = text.lower()
    found = [(a, b, "evidence", "endorsing") for a, b in evidence_spans(text, low)]
    governed = _governed_spans(low, bases) if bases else []
    found += [(a, b, "", category) for a, b, category in governed]
    sources = _in_document_sources(text)
    found += [(a, a + 2, "", "neutral") for a in sources]
    found += [(a, b, "", "neutral") for a, b in _reports_spans(text)]
    if thoughts:
        evidence = {(a, b) for a, b, _, _ in found}
        # a governor whose infinitive is speech is part of that attribution ("refused to speak")
        infinitives = {a for a, _, _ in governed}
        found += [(a, b, COGNITION, COGNITION) for a, b in cognition_spans(text, low)
                  if (a, b) not in evidence and not ({b + 4, b + 5} & infinitives and low[b:b + 4] == " to ")]
    for a, b, kind, category in found:
        i = bisect.bisect_right(taken_starts, b - 1) - 1
        if i >= 0 and taken[i][1] > a or i + 1 < len(taken) and taken[i + 1][0] < b:
            continue  # part of a lexicon cue ("refused to comment") or a quotation's verb
        j = bisect.bisect_right(inside_starts, a) - 1
        voice = "quote" if j >= 0 and inside[j][1] > a else "narrator"
        out.append(_Record({"start": a, "end": b, "category": category, "voice": voice, "negated": None,
                            "hypothetical": None, "thought": kind, "source": sources.get(a) if b == a + 2 else None}))
    return out


def _document_rows(
    text: str,
    cues: list[Any],
    quotes: list[Any],
    resolve_pronouns: bool = True,
    spans: list[tuple[int, int]] | None = None,
    thoughts: bool = False,
    bases: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Attribution rows of one document (without doc_id / outlet); with ``resolve_pronouns`` False a
    relative pronoun that speaks ("lawmakers who have announced") stays the speaker as written; with
    ``thoughts`` cues of thought are rows too (``cues="all"``)."""
    if spans is None:
        spans = split_sentences(text)
    if not spans:
        spans = [(0, len(text))]
    sentence_starts = [a for a, _ in spans]
    # tokens of the sentences that hold a cue, made on demand: every rule stays inside its sentence
    cache: dict[int, tuple[list[Token], list[int]]] = {}

    def sentence_tokens(sid: int) -> tuple[list[Token], list[int]]:
        """The tokens of a sentence and their start offsets."""
        if sid not in cache:
            a, b = spans[sid]
            toks = tokenize(text, a, b)
            cache[sid] = (toks, [t.start for t in toks])
        return cache[sid]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    def scope_at(a: int) -> tuple[bool, bool]:
        """Negated and hypothetical (framing.text.scope) of the token at offset ``a``."""
        tokens, starts = sentence_tokens(sentence_of(a))
        if not tokens:
            return False, False
        k = max(0, bisect.bisect_right(starts, a) - 1)
        negated, hypothetical = judge([t.text for t in tokens])
        return bool(negated[k]), bool(hypothetical[k])

    # quotations keyed by their verb span
    by_verb: dict[tuple[int, int], list[Any]] = {}
    for q in quotes:
        vs, ve = q.verb_start, q.verb_end
        if pd.isna(vs) or pd.isna(ve):
            continue
        by_verb.setdefault((int(vs), int(ve)), []).append(q)

    rows: list[dict[str, Any]] = []
    used: set[tuple[int, int]] = set()

    def token_range(sid: int, a: int, b: int) -> tuple[list[Token], list[int], int, int]:
        tokens, starts = sentence_tokens(sid)
        first = max(0, bisect.bisect_right(starts, a) - 1)
        last = max(first, bisect.bisect_right(starts, b - 1) - 1)
        return tokens, starts, first, last

    def spoken_to(sid: int, a: int, b: int) -> tuple[int, int] | None:
        """Character span of the addressee of the cue ``text[a:b]``."""
        if text[a:b].rsplit(None, 1)[-1].lower() not in ADDRESSEE_VERBS and not _TO_AFTER.match(text, b):
            return None  # neither "told X" nor "said to X": no tokens needed
        tokens, _, first, last = token_range(sid, a, b)
        return _span_of(tokens, addressee(tokens, text[a:b].lower(), first, last, len(tokens)))

    def subject_left(sid: int, a: int, b: int) -> tuple[int, int] | None:
        """The speaker on the left of the cue, for a cue whose right-hand noun phrase is its addressee."""
        tokens, _, first, _ = token_range(sid, a, b)
        k, _ = skip_left(tokens, first - 1, 0)
        return _span_of(tokens, left_subject(tokens, 0, k))

    def _rule_speaker(a: int, b: int) -> tuple[int, int] | None:
        sid = sentence_of(a)
        tokens, starts = sentence_tokens(sid)
        status, span = resolve_speaker(text, tokens, starts, a, b, spans[sid])
        return span if status == "ok" else None

    def row(sid: int, a: int, b: int, verb: str, category: Any, quote_id: Any, speaker: tuple[int, int] | None,
            to: tuple[int, int] | None, voice: Any, negated: bool, hypothetical: bool,
            speaker_text: str | None = None) -> dict[str, Any]:
        return {
            "sentence_id": sid,
            "speaker": speaker_text if speaker_text is not None else (text[speaker[0]:speaker[1]] if speaker else None),
            "verb": verb,
            "verb_category": category if isinstance(category, str) and category else OTHER,
            "quote_id": quote_id,
            "start": a,
            "end": b,
            "speaker_start": speaker[0] if speaker else None,
            "speaker_end": speaker[1] if speaker else None,
            "voice": voice,
            "negated": bool(negated),
            "hypothetical": bool(hypothetical),
            "addressee": text[to[0]:to[1]] if to else None,
        }

    def quote_row(key: tuple[int, int], category: Any, voice: Any, scope: tuple[bool, bool]) -> dict[str, Any]:
        qs = sorted(by_verb[key], key=lambda q: q.start)
        q = qs[0]
        sid = sentence_of(key[0])
        ss, se = q.speaker_start, q.speaker_end
        span = None if pd.isna(ss) or pd.isna(se) else (int(ss), int(se))
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else None
        to = spoken_to(sid, key[0], key[1])
        if span is not None and to is not None and span[0] < to[1] and to[0] < span[1]:
            # "..., Rumsfeld told Newsmax": the one told is never the speaker
            span, speaker = None, None
            found = subject_left(sid, key[0], key[1])
            if found is not None:
                span = found
        if _AND_BEFORE.search(text, max(0, key[0] - 40), key[0]):
            tokens, _, first, _ = token_range(sid, key[0], key[1])
            k, _ = skip_left(tokens, first - 1, 0)
        else:
            tokens, k = [], -1
        if k >= 0 and tokens[k].low in ("and", "but"):
            # "Rouhani criticized Trump and warned ...": the subject of the first verb
            found = _span_of(tokens, coordinated_subject(tokens, 0, k))
            if found is not None and found != span:
                span, speaker = found, None
        if span is None:
            # the quotes table names no speaker: try the reported-speech rules
            found = _rule_speaker(key[0], key[1])
            if found is not None and not (to is not None and found[0] < to[1] and to[0] < found[1]):
                span = found
        if span is not None and speaker is None:
            speaker = text[span[0]:span[1]]
        return row(sid, key[0], key[1], text[key[0]:key[1]], category, q.quote_id, span, to, voice,
                   scope[0], scope[1], speaker_text=speaker)

    def thought_row(cue: _Record, a: int, b: int) -> dict[str, Any] | None:
        """The row of a cue found by its context, or None when the form is not one here.

        A document's "show" / "found" needs a document as its subject ("polls show"). A cue of thought
        must stand in the narrator's voice, have its complement, not be part of what an earlier cue of
        the sentence reports ("Beck said he wouldn't expect ...": the saying is the attribution) and,
        unless it needs no subject ("is expected to", "seemed to"), have a speaker."""
        sid = sentence_of(a)
        if cue.thought == "evidence":
            tokens, starts, first, last = token_range(sid, a, b)
            if not_reporting(tokens, first, last, len(tokens)):
                return None
            status, speaker = resolve_speaker(text, tokens, starts, a, b, spans[sid])
            found = _span_of(tokens, document_before(tokens, first, 0))
            if found is not None:
                speaker = found  # the document's own noun phrase ("polls", not "Despite polls")
            elif status == "skip" or not document_subject(text, speaker):
                return None
            negated, hypothetical = scope_at(a)
            return row(sid, a, b, text[a:b], cue.category, None, speaker, None, cue.voice, negated, hypothetical)
        if cue.voice != "narrator":
            return None
        if rows and rows[-1]["sentence_id"] == sid:
            return None
        tokens, starts, first, last = token_range(sid, a, b)
        if not thought_complement(tokens, first, last, len(tokens)) or not_reporting(tokens, first, last, len(tokens)):
            return None
        status, speaker = resolve_speaker(text, tokens, starts, a, b, spans[sid])
        if status == "skip":
            return None
        k, passive = skip_left(tokens, first - 1, 0)
        if k >= 0 and tokens[k].low in ("and", "but", "or"):
            speaker = _span_of(tokens, coordinated_subject(tokens, 0, k)) or speaker
        if not resolve_pronouns and k >= 0 and tokens[k].low in ("who", "which") and speaker is not None \
                and speaker[1] <= tokens[k].start:
            speaker = (tokens[k].start, tokens[k].end)
        word = tokens[last].low
        if speaker is None and not (passive or word.startswith(("seem", "appear"))):
            return None
        if needs_source(word) and (not possible_source(text, trim_possessive(text, speaker))
                                   or modal_before(tokens, first, 0)):
            return None  # "the bill seeks to", "it wants": a thing holds no view; "he would oppose": not held
        negated, hypothetical = scope_at(a)
        return row(sid, a, b, text[a:b], OTHER if word in ACT_CUES else COGNITION, None,
                   trim_possessive(text, speaker), None, "narrator", negated,
                   hypothetical or infinitive_passive(tokens, first, 0))

    # verb spans sorted by start, so a cue finds the ones it overlaps by bisection (not a scan of all)
    verb_order = {k: i for i, k in enumerate(by_verb)}
    verb_keys = sorted(by_verb)
    verb_starts = [k[0] for k in verb_keys]
    longest = max((k[1] - k[0] for k in verb_keys), default=0)

    cues = sorted(list(cues) + _thought_records(text, cues, quotes, thoughts, bases), key=lambda c: c.start)
    for n, cue in enumerate(cues):
        a, b = int(cue.start), int(cue.end)
        if n + 1 < len(cues) and not getattr(cues[n + 1], "thought", False) and _carries_noun_cue(text, a, b, int(cues[n + 1].start)):
            continue  # "expressed its condemnation": one attribution, the noun's
        if getattr(cue, "thought", False):
            found = thought_row(cue, a, b)
            if found is not None:
                rows.append(found)
            continue
        near = verb_keys[bisect.bisect_left(verb_starts, a - longest):bisect.bisect_left(verb_starts, b)]
        overlapping = sorted((k for k in near if a < k[1]), key=verb_order.__getitem__)
        low = text[a:b].lower()
        negative = bool(NEGATIVE_CUE.match(low)) or _SAID_NOTHING.match(text, b) is not None
        if overlapping:
            key = overlapping[0]
            if key not in used:
                used.add(key)
                rows.append(quote_row(key, cue.category, cue.voice,
                                      (bool(cue.negated) or negative, bool(cue.hypothetical))))
            continue
        sid = sentence_of(a)
        sentence = spans[sid]
        tokens, starts, first, last = token_range(sid, a, b)
        hi = len(tokens)
        hypothetical = bool(cue.hypothetical) or infinitive_passive(tokens, first, 0)
        if " " not in low and low.endswith(("ed", "ing")) and numeral_before(tokens, first, 0):
            continue  # "20 pledged delegates": an adjective
        if not_reporting(tokens, first, last, hi):
            continue  # "reported from Washington", "worth noting", "the widely reported attack", "show up"
        if (first == 0 or first == 1 and tokens[0].low in _BEFORE_PASSIVE) and low in ("asked", "told") \
                and _question_follows(tokens, last + 1, hi):
            # "Asked whether ..., Faily said", "Asked on Fox News who leads ...", "When asked by the host if ...":
            # the question is reported; the one asked is the subject
            comma = next((c for c in range(last + 1, hi) if tokens[c].text == ","), None)
            to = _span_of(tokens, np_after(tokens, comma + 1, hi=hi, max_tokens=8)) if comma is not None else None
            # "Asked by reporters whether ...": the one who asks is the agent
            asker = _span_of(tokens, passive_agent(tokens, last, hi, origin=True))
            rows.append(row(sid, a, b, text[a:b], cue.category, None, asker, to, cue.voice,
                            bool(cue.negated), hypothetical))
            continue
        result = None
        governor = _infinitive_governor(tokens, first)
        if governor is not None:
            # "continued to question", "refused to condemn", "is expected to announce": the governing verb's
            # subject speaks; refused / declined deny the speech, expected leaves it to come
            k, _ = skip_left(tokens, governor - 1, 0)
            # (a governing verb coordinated after another takes its subject: "Trump has taken the idea to leaders
            # and continues to tout it")
            coordinated = (coordinated_subject(tokens, 0, k) or main_subject(tokens, 0, k)) \
                if k >= 0 and tokens[k].low in ("and", "but") else None
            result = "ok", _span_of(tokens, coordinated or (left_subject(tokens, 0, k) if k >= 0 else None))
            gov_low = tokens[governor].low
            negative = negative or gov_low.startswith(("refus", "declin"))
            hypothetical = hypothetical or gov_low == "expected"
        if low in NOUN_CUES:
            result = _noun_cue_speaker(tokens, 0, first)
            if low in _CLAIM_NOUNS and result is not None and (last + 1 >= hi or tokens[last + 1].text in _CLAUSE_END) \
                    and not _made(tokens, 0, first):
                # "rejected Clinton’s claim.": the claim is named, what was claimed is not reported (but "Pro-rebel
                # media made similar claims.": the subject claimed it)
                continue
        if result is None:
            result = resolve_speaker(text, tokens, starts, a, b, sentence)
        status, speaker = result
        if low in _SHOWING:
            # "showed" reports only what a document shows ("new polls released Sunday showed") or a clause
            # ("showed that"): "he showed no remorse", "the race showed me" are not attributions
            found = document_before(tokens, first, 0)
            if found is not None:
                status, speaker = "ok", _span_of(tokens, found)
            elif not document_subject(text, speaker) and (last + 1 >= hi or tokens[last + 1].low != "that"):
                continue
        if status == "skip":
            continue
        to = spoken_to(sid, a, b)
        k, passive = skip_left(tokens, first - 1, 0)
        if low.startswith("according"):
            speaker = _span_of(tokens, according_np(tokens, last + 1, hi))
        elif k >= 0 and tokens[k].low in ("and", "but", "or"):
            found = coordinated_subject(tokens, 0, k)
            if found is not None:
                speaker = _span_of(tokens, found)
        if to is not None and speaker is not None and speaker[0] < to[1] and to[0] < speaker[1]:
            speaker = subject_left(sid, a, b)
        if k >= 0 and tokens[k].text == "," and first == k + 1 and low.split(" ", 1)[0].endswith("ing") \
                and not low.startswith(AFTER_CUES) and rows and rows[-1]["sentence_id"] == sid \
                and _goes_on(rows[-1], speaker, low.startswith(CITING_CUES), _next_to(tokens, rows[-1]["end"], k),
                             sentence[0]) \
                and not opens_subordinate_clause(text, rows[-1]["speaker_start"]) \
                and not _in_passive_clause(tokens, starts, rows[-1]["start"]):
            # "X said to the program, talking about ...", "..., Reuters reports, citing officials": the participle goes
            # on with the same speaker (not past a passive in a clause of time: "X defended it when questioned by
            # reporters, suggesting" is X's)
            speaker = (rows[-1]["speaker_start"], rows[-1]["speaker_end"])
        if not resolve_pronouns and k >= 0 and tokens[k].low in ("who", "which") and speaker is not None \
                and speaker[1] <= tokens[k].start:
            speaker = (tokens[k].start, tokens[k].end)
        if speaker is None and passive:
            speaker = _span_of(tokens, passive_agent(tokens, last, hi))
        if getattr(cue, "source", None) is not None:
            speaker = cue.source  # "In a CBS News poll, ...": the document
        if speaker is not None and speaker[1] <= a:
            # "A spokesman for the agency said": the spokesman, not the agency
            i = bisect.bisect_left(starts, speaker[0])
            j = bisect.bisect_right(starts, speaker[1] - 1) - 1
            if 0 <= i <= j and tokens[i].start == speaker[0]:
                speaker = _span_of(tokens, with_role(tokens, (i, j)))
        speaker = trim_possessive(text, speaker)
        # "no one in its network reported", "None of the officials said": no one speaks
        # (not a verb after "but": "Neither the White House nor the ODNI have addressed it but have disputed")
        negative = negative or speaker is not None and not re.search(r"\bbut\b", text[speaker[1]:a]) and (
            _NO_ONE.match(text, speaker[0], speaker[1]) is not None
            or _NO_ONE_OF.search(text, max(sentence[0], speaker[0] - 30), speaker[0]) is not None)
        rows.append(row(sid, a, b, text[a:b], cue.category, None, speaker, to, cue.voice,
                        bool(cue.negated) or negative, hypothetical))
    # quotations whose verb is not in the lexicon ("read the statement")
    for key in by_verb:
        if key not in used:
            rows.append(quote_row(key, None, "narrator", scope_at(key[0])))
    # quotations signed after a dash ("…” ― Sonya Herridge")
    for q in quotes:
        if q.kind == "title" or not (pd.isna(q.verb_start) or pd.isna(q.verb_end)) or pd.isna(q.end):
            continue
        signed = dash_signature(text, int(q.end))
        if signed is None:
            continue
        (da, db), name = signed
        rows.append(row(sentence_of(da), da, db, text[da:db], "neutral", q.quote_id, name, None,
                        "narrator", False, False))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


@registry.measure("attributions", requires=("annotations",), produces=ATTRIBUTION_COLUMNS)
def attributions(
    corpus: pd.DataFrame, *, lexicon: str | PathLike[str] | Lexicon = "attribution", resolve_pronouns: bool = True,
    cues: str = "speech", annotations: Annotations | None = None, matches: pd.DataFrame | None = None,
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
    cues : {"speech", "all"}, default "speech"
        ``"speech"``: only acts of speech (a source reported as saying,
        writing, claiming, denying, asking ...), as a reader codes who is
        quoted. ``"all"``: also cues of thought, with ``verb_category``
        ``"cognition"``: a belief, expectation, intention or stance
        attributed to a source ("Clinton believes the race is close", "the
        bill is expected to pass", "Rubio seemed to concede", "she opposed
        the deal", "Murphy wants more funding", "the campaign plans to"),
        and acts of communication the lexicon does not list, with
        ``verb_category`` ``"other"`` ("issued a statement", "did not
        mention", "notes that", "continued to refute"), as attribution
        corpora such as PolNeAR code them. Such a cue is kept only in the
        narrator's voice, with its complement (a clause, an infinitive or an
        object), with a speaker unless it needs none ("is expected to",
        "seemed"), and not inside what an earlier cue of its sentence
        reports; a stance, wish, plan or act needs a subject that can hold
        one (a person, a body, a personal pronoun or a name: not "the bill
        seeks to") and no modal before it ("would oppose"). PolNeAR codes no
        cue inside a quotation: keep ``voice != "quote"`` to count as it
        does.
    annotations : Annotations, optional
        The sentences, quotes and voice of this corpus from :func:`framing.annotate`; computed when omitted.
    matches : pandas.DataFrame, optional
        Matches of this corpus from :func:`framing.find` that include the lexicon's matches; computed when omitted.

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
        - ``verb_category`` (str): the cue's category in the lexicon
          (neutral, endorsing, distancing, emphatic, denial, other: asking,
          answering, suggesting, declining to comment ...); ``other`` also for
          a quotation verb the lexicon lacks ("continued") and, with
          ``cues="all"``, an act of communication it lacks ("issued"), so
          every row has one and a table grouped by it leaves none out;
          ``cognition`` for a cue of thought (only with ``cues="all"``).
        - ``quote_id``: the quotation this cue introduces (a ``quote_id`` of
          :func:`framing.quotes`), None for reported speech without quotes.
        - ``start``, ``end`` (int): the cue, ``text[start:end] == verb``.
        - ``speaker_start``, ``speaker_end`` (int or None): the speaker span.
        - ``voice`` (str): narrator, quote or scare_quote: the voice the cue
          stands in (a cue inside a quotation reports the quoted source's
          own attribution).
        - ``negated`` (bool): the speech is denied, not reported ("did not
          say", "never claimed", "refused to comment").
        - ``hypothetical`` (bool): the speech is not reported as having
          happened: in a question, a condition, a modal or future ("would not
          comment", "if he denied", "will announce"). Both are the judgement
          of :mod:`framing.text.scope`, as in :func:`framing.find`; keep
          ``~negated & ~hypothetical`` to count speech that happened.
          Negative speech acts ("declined to comment", "did not respond")
          are ``negated``; a passive infinitive ("is expected to be
          announced") is ``hypothetical``.
        - ``addressee`` (str or None): the one spoken to, as written: the
          object of told / asked / urged / warned ("told Reuters" ->
          "Reuters"), or the name after "said to"; never the speaker.

        A document without cues has no rows; the table has these columns even
        when empty.

    Raises
    ------
    framing.errors.SchemaError
        If ``corpus`` lacks ``doc_id``, ``outlet`` or ``text``.
    framing.errors.UsageError
        If ``cues`` is neither ``"speech"`` nor ``"all"``.
    """
    thoughts = check_option("cues", cues, CUE_KINDS) == "all"
    schema.require(corpus, schema.CORPUS, what="corpus")
    ann = checked_annotations(corpus, annotations, resolve_pronouns=resolve_pronouns)
    lex = as_lexicon(lexicon)
    bases = base_forms(lex)
    cues = lexicon_matches(corpus, [lex], matches=matches, annotations=ann)
    qt = ann.quotes
    cue_groups: dict[Any, list[Any]] = {}
    for rec in _records(cues, _CUE_FIELDS):
        cue_groups.setdefault(rec.doc_id, []).append(rec)
    quote_groups: dict[Any, list[Any]] = {}
    for rec in _records(qt, _QUOTE_FIELDS):
        quote_groups.setdefault(rec.doc_id, []).append(rec)
    records: list[dict[str, Any]] = []
    for doc_id, outlet, text in zip(corpus["doc_id"].tolist(), corpus["outlet"].tolist(), corpus["text"].tolist()):
        text = without_link_cards(text if isinstance(text, str) else "")
        # (a cue in a link card is a headline's: "Graham says Schiff should be a witness ... MORE")
        here = [c for c in cue_groups.get(doc_id, []) if text[c.start:c.end].strip()]
        for row in _document_rows(text, here, quote_groups.get(doc_id, []), resolve_pronouns,
                                  ann.sentence_spans(doc_id) or [(0, len(text))], thoughts=thoughts,
                                  bases=bases):
            row["doc_id"] = doc_id
            row["outlet"] = outlet
            records.append(row)
    out = pd.DataFrame.from_records(records, columns=list(ATTRIBUTION_COLUMNS))
    for col in ("sentence_id", "start", "end"):
        out[col] = out[col].astype("int64")
    for col in ("quote_id", "speaker_start", "speaker_end"):
        out[col] = out[col].astype("Int64")
    for col in ("negated", "hypothetical"):
        out[col] = out[col].astype(bool)
    return out
