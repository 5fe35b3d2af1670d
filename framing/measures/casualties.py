"""Casualty framing: who died or was hurt, how many, and with or without an agent.

:func:`casualties` finds every casualty statement in a corpus and describes how
it is worded: the victims phrase and their stated count, the victim group, the
grammatical construction (does an agent kill, are victims "killed" by nobody
in particular, do they simply "die", or is there only a "death toll"?), the
agent phrase, humanising details and loaded words.

The analysis is rule-based over tokens (no tagger data is needed): the death
and injury words, the victim groups, the humanising and the emotive words all
come from the bundled ``casualty`` lexicon (:func:`framing.load_lexicon`), and
the grammar below only decides how those words are arranged.

Decisions (documented so results can be read correctly)
-------------------------------------------------------
* One row per casualty predicate: "killed two children and injured three
  others" gives two rows, a ``death`` row and an ``injury`` row (column
  ``harm``), the second sharing the agent of the first. A coordinated victims
  phrase under one predicate stays one row ("Israeli civilians and soldiers"),
  unless each conjunct carries its own count: "Two civilians and one police
  officer died" gives two rows (2 and 1) sharing trigger, agent and cause.
  Two triggers of the same harm joined by "or" are one statement ("wounded or
  otherwise injured"), and so is "the dead bodies of ...".
* ``number`` is the stated count of the victims phrase: digits ("24,285"),
  number words ("Seventeen", "two hundred", via ``text2num``), "a dozen";
  "half a million"; qualifiers such as "at least" or "more than" are kept in
  ``victims`` but not in ``number``, and ``approximate`` is True for them and
  for vague quantities. "a"/"an" state no number ("a journalist" -> None).
  A range counts its lower bound ("between 100 and 300 people" -> 100).
  Vague quantities ("hundreds", "dozens", "a number of"), percentages and
  named or pronoun victims without a count give ``None``. A bare count before
  a noun trigger is the number, not the victims ("two fatalities": victims
  None, number 2). "No one", "none"
  and "nobody" give 0 (and ``negated`` is True).
* A count before "of" belongs to the victims ("Seventeen of his friends" ->
  17); after a collective ("a family of 20 people", "a total of 1,400") the
  count after "of" is used; a count inside a following prepositional phrase
  never is ("citizens of more than 40 countries" -> None).
* ``construction``: ``active`` when the killing word is a transitive verb with
  its victims as object (the agent, when found, is the subject: "the deadly
  missile strikes killed four people"; relative clauses "an attack ... that
  killed 11 people" take the antecedent as agent; a participle after a
  comma, ", killing 1,200 people", takes the clause subject; a progressive,
  "is killing civilians", is active too);
  ``passive_agentive`` when a passive, reduced passive ("soldiers killed
  ...") or adjectival participle ("wounded people") has a *by*-phrase
  agent; ``passive_agentless`` when it has none;
  ``intransitive`` for "die", "perish", "lose one's life" and the state
  "are (confirmed) dead", "100,000 people dead", attributive "a dead boy";
  ``nominal`` for nouns ("the deaths of", "death toll", "casualties", "the
  dead", "Khashoggi's murder", "his death"); with "X caused / resulted in the
  death(s) of ...", X is the agent, and a *by*-phrase after the victims is
  ("the murder of two officers ... by a gunman"). "X left 14 people dead"
  (", leaving one man dead") is ``active`` with the event X as agent.
* Agents come from the clause: the subject of the verb or of its first
  coordinated verb ("the gunman who ambushed and killed"), the antecedent of
  a relative pronoun ("who" takes the nearest noun phrase, "the mind of the
  gunman, who" -> "the gunman"), the subject past an inserted phrase ("the
  police, after a gun battle, killed him"), the subject of an infinitive's
  clause ("chemical weapons used to kill", "for police to kill").
* Instruments and causes are not agents: "Seven non-Iranians were killed in
  the explosions" is ``passive_agentless``; the prepositional phrase "in the
  explosions" is reported in the ``cause`` column when its head is an attack,
  weapon or event word (:data:`CAUSE_NOUNS`), as is the subject of an
  after-clause ("died after a gunman opened fire" -> "a gunman"), the phrase
  after "due to" / "because of", the antecedent of "in which", and a fronted
  "In the airstrikes, ..."; coordinated clauses share a cause stated after the
  last one. So the two kinds of agentlessness can be told apart. A *by*-phrase is always the agent, even if
  it names a weapon ("destroyed by rockets").
* ``negated`` is True for "no one was killed", "was not killed", "did not
  kill", "denied killing", "without casualties"; such statements are kept
  (with ``number`` 0 where stated) so that a user can drop them.
  ``hypothetical`` is True when the statement is not asserted: "could be
  killed", "if they attack", "unless", "will die", "might have died", a
  question, an intention or threat ("want to kill", "intent on killing",
  "endorsed killing", "likely to get killed"), and a charge or accusation
  ("49 counts of murder", "accused of ... killing nine"). Both start from the
  judgement of :mod:`framing.text.scope` at the killing word, as in
  :func:`framing.find`; a denial ("denies that any Russians were killed")
  negates too. A definite or possessive noun takes its event for granted
  ("investigations into his death" is asserted).
* Not statements at all (no row): figurative senses ("a bill died", "killing
  an agreement", "hurt" with no person as object), rates and generalisations
  ("killed by police every year"), and a singular trigger modifying another
  noun ("murder rates", "death certificate"; "casualty counts" is kept).
* ``humanising`` joins, in text order, what the victims phrase says about the
  victims as people: humanising lexicon words ("innocent", family roles),
  ages ("6-year-old", "aged 6", "11-month-old") and names (the run of
  capitalised words ending the phrase, unless it is a plural such as
  "Palestinians"). ``emotive`` joins the emotive lexicon words found anywhere
  in the statement (agent included: "the deadly missile strikes").
* A noun without victims or count is a statement when a determiner or
  possessive makes it one event ("the Connecticut school murders", "these
  murders", "the injured") and a mention otherwise ("with assassinations,
  kidnappings", "gun deaths"); "death toll", "casualties", "fatalities" and
  "the dead" are kept without a victims phrase, with the count a toll is said
  to reach ("has risen to 413") as ``number``.
* Only words the lexicon files under ``death`` or ``injury`` (or a
  subcategory of them) start a statement: the bundled lexicon files
  "slaughtered" and "massacred" under ``death.emotive``, so they start a
  statement and are listed as emotive; a word filed only under ``emotive``
  ("carnage") does not.
* ``voice`` is the voice of the killing word (narrator, quote, scare_quote);
  ``emotive_voice`` gives each emotive word's own, in the order of ``emotive``
  ("the attack, which he called a 'savage massacre,' killed 40": the killing
  word is the narrator's, "savage" and "massacre" the quoted speaker's).
* ``start``/``end`` span the whole statement: agent, predicate, victims and
  cause, so ``text[start:end]`` is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from framing import registry, schema
from framing.measures._inputs import as_lexicon, checked_annotations, lexicon_matches
from framing.measures._sentence_tokens import sentence_tokens, tokens_over
from framing.measures.casualty_sides import casualty_sides
from framing.text.annotate import Annotations
from framing.text.grammar import (
    Token, count_np_after, count_np_before, leading_verb, participle_subject, sentence_subject, starts_count_np, tokenize_counts,
)
from framing.text.grammar import (
    NP_BE as _BE,
    NP_HAVE as _HAVE,
    NP_MODALS as _MODAL,
    NP_NEGATIONS as _NEG,
    NP_DETERMINERS as _DET,
    SUBJECT_PRONOUNS as _SUBJ_PRON,
    NP_PRONOUNS as _PRONOUN_NP,
    NP_RELATIVES as _RELATIVE,
    NP_PREPOSITIONS as _PREP,
    NP_SUBORDINATORS as _SUBORD,
    QUANTITY_PREFIXES as _QUANT_PREFIX,
    VAGUE_QUANTITIES as _VAGUE,
    NONE_WORDS as _NONE_WORDS,
    TIME_WORDS as _TIME_WORDS,
    NP_ADVERBS as _ADVERB,
    COMPLEMENT_VERBS as _CLAUSE_VERBS,
    IRREGULAR_PAST as _IRREGULAR_PAST,
    QUOTE_CHARS as _QUOTE_CHARS,
    QUANTITY_WORDS as _QUANT_WORDS,
    OF_QUANTIFIERS as _OF_QUANT,
    number_word as _is_number_word,
    verbish as _verbish,
    count_np_word as _np_word,
    skip_quotes_back as _skip_quotes_back,
)
from framing.text.scope import judge, prejudged
from framing.text.voice import voice_of

__all__ = ["casualties", "CAUSE_NOUNS", "VICTIM_PRIORITY"]

#: victim categories of the casualty lexicon, most specific first: a victims
#: phrase naming several ("women and children") takes the first listed
VICTIM_PRIORITY = ("children", "women", "civilians", "security_forces", "militants", "people")

#: extra columns after :data:`framing.schema.CASUALTIES`
EXTRA_COLUMNS = ("harm", "cause", "negated", "hypothetical", "approximate", "emotive_voice")
#: the columns :func:`casualty_sides` adds
SIDE_COLUMNS = ("victim_side", "agent_side", "victim_side_from")

#: head nouns that make a prepositional phrase after a passive a *cause*
#: ("killed in the explosions") rather than a place or time
CAUSE_NOUNS = frozenset(
    """
    attack attacks airstrike airstrikes air-strike air-strikes strike strikes raid raids bombing bombings
    bombardment bombardments shelling explosion explosions blast blasts bomb bombs rocket rockets
    missile missiles drone drones fire gunfire crossfire clash clashes fighting violence assault assaults
    rampage massacre shooting shootings ambush offensive operation operations incursion invasion war
    barrage barrages fire shell shells mortar mortars grenade grenades crash collapse stampede
    onslaught hostilities firefight skirmish skirmishes battle battles protests protest riots riot
    unrest demonstrations crackdown shootout standoff accident accidents crashes collision earthquake
    storm hurricane typhoon cyclone flood floods flooding wounds injuries trauma gunshot gunshots
    stabbing stabbings rampages campaign campaigns
    """.split()
)

_COUNT_DETERMINERS = frozenset("the these those his her their its our my your all".split())
_COLLECTIVE = frozenset("family families group groups total crowd crowds couple".split())
_RAISING = frozenset(
    """appear appears appeared seem seems seemed believed thought said reported expected likely known alleged
    confirmed feared presumed estimated understood""".split()
)
#: words before an infinitive or gerund that make the killing intended, threatened or possible, not
#: reported: "want to kill", "intent on killing", "endorsed killing", "likely to die"
_INTENT = frozenset(
    """want wants wanted wanting plan plans planned planning threaten threatens threatened threatening
    vow vows vowed vowing intend intends intended intending intent try tries tried trying seek seeks
    sought aim aims aimed attempt attempts attempted hope hopes hoped wish wishes wished likely unlikely
    able unable ready prepared endorse endorses endorsed endorsing propose proposes proposed proposing
    advocate advocates advocated advocating pledge pledges pledged promise promises promised going
    risk risks risked order ordering ordered considering consider considered""".split()
)
#: modal auxiliaries that make a statement not asserted ("might have died", "will kill")
_HYPOTHETICAL_MODALS = frozenset("will would could can may might should must shall 'll 'd".split())
#: words of a legal charge or accusation: "49 counts of murder", "charged with killing", "accused of"
_CHARGE = frozenset(
    """charge charges charged charging count counts accused accusing accuses accusation accusations
    convicted conviction indicted indictment guilty suspected suspicion sentenced trial tried
    alleging""".split()
)
#: verbs of denial whose complement clause is negated ("denies that any Russians were killed")
_DENIAL = frozenset("deny denies denied denying dismissed rejected".split())
#: heads of a victims phrase that show a figurative sense ("a bill died", "killing an agreement")
_NOT_PERSON = frozenset(
    """bill bills measure measures legislation deal deals agreement agreements plan plans proposal proposals
    talks negotiations economy economies business businesses sales market markets prices growth jobs
    industry chances hopes hope idea ideas effort efforts process program programme project campaign
    legacy reputation relations ties rates rate momentum motion amendment treaty initiative peace reform
    reforms policy policies story conversation debate sanctions case cases brand image credibility
    prospects career careers profits revenue revenues tourism trade morale confidence""".split()
)
#: nouns that a singular trigger may modify and still name casualties ("casualty counts", "death toll")
_TOLL_HEADS = frozenset("toll tolls count counts list lists figure figures number numbers total tally".split())
#: verbs of "left | 14 people dead"
_LEAVE = frozenset("left leave leaves leaving".split())
#: verbs a state participle follows like "be": "as he lay wounded", "remained injured"
_STATE_VERBS = frozenset("lay lie lies lying remain remains remained".split())
_CAUSATIVE = frozenset("caused causing causes cause resulted resulting results result led leading".split())
_INTRANSITIVE = frozenset("die dies died dying perish perishes perished perishing".split())
_LOSE = frozenset("lose loses lost losing".split())
_NOUN_TRIGGERS = frozenset(
    """death deaths toll tolls casualty casualties fatality fatalities injury injuries dead bodies
    killings murders massacres bloodshed""".split()
)
#: nominal triggers kept even without a victims phrase ("heavy casualties", "the death toll")
_KEEP_BARE_NOUNS = frozenset("toll tolls casualties fatalities dead".split())
#: nouns naming the victims themselves after "the": "the dead", "the injured", "the wounded"
_VICTIM_NOUNS = frozenset("dead injured wounded".split())

_AGE = re.compile(
    r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|\baged? \d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ](?:year|month|week|day)s?[- ]old\b",
    re.IGNORECASE,
)
_AGE_VALUE = re.compile(r"(\d+|[a-z]+)[- ](year|month|week|day)", re.IGNORECASE)


#: the categories of a token outside every match, shared (most tokens are in none; one in a match gets its own)
_NO_CATS: frozenset[str] = frozenset()


class _Tok(Token):
    """A token of the shared grammar with the lexicon categories it falls in and its trigger match."""

    __slots__ = ("cats", "match_id")

    def __init__(self, start: int, end: int, text: str) -> None:
        super().__init__(start, end, text)
        self.low = self.low.replace("’", "'")
        self.cats: frozenset[str] = _NO_CATS
        self.match_id: int | None = None


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return tokenize_counts(text, start, end, token=_Tok)  # type: ignore[return-value]


# ---------------------------------------------------------------- number words
def _word_number(words: list[str]) -> int | None:
    """Integer of a run of number words ("two", "twenty three", "a dozen"), else None."""
    if not words:
        return None
    joined = " ".join(w.lower().replace("-", " ") for w in words)
    if joined in ("a dozen", "dozen"):
        return 12
    if joined in ("a", "an", "one"):
        return 1
    if joined.startswith(("half a ", "half an ")):
        whole = _word_number(joined.split()[2:])
        return None if whole is None else whole // 2
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - declared dependency
        return None
    try:
        return int(text2num(joined, "en"))
    except (ValueError, TypeError):
        return None




#: the quantity qualifiers by their first word, in their order
_QUANT_PREFIX_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _pre in _QUANT_PREFIX:
    _QUANT_PREFIX_BY_FIRST.setdefault(_pre[0], []).append(_pre)


def _count_of(toks: list[_Tok]) -> int | None:
    """Stated count of one conjunct (tokens up to its first "of" handled by caller)."""
    i = 0
    # skip quantity qualifiers
    while i < len(toks):
        hit = False
        for pre in _QUANT_PREFIX_BY_FIRST.get(toks[i].low, ()):
            n = len(pre)
            if tuple(t.low for t in toks[i : i + n]) == pre and i + n < len(toks):
                i += n
                hit = True
                break
        if not hit:
            break
    # a definite determiner before a count: "the two officers", "his three sons"
    if i + 1 < len(toks) and toks[i].low in _COUNT_DETERMINERS and (
            toks[i + 1].is_number or _is_number_word(toks[i + 1].low)):
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    if t.is_number:
        digits = re.match(r"\d+(?:[.,]\d+)*", t.text).group()
        if "-" in t.text:  # "6-year-old" is an age, not a count
            return None
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if nxt in ("percent", "%", "per"):
            return None
        value = digits.replace(",", "")
        try:
            number = float(value)
        except ValueError:
            return None
        if nxt in ("million", "thousand", "hundred", "billion"):
            number *= {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}[nxt]
        return int(number) if number == int(number) else None
    if t.low in ("a", "an"):
        # "a dozen" is a count; "a journalist" states no number
        if i + 1 < len(toks) and toks[i + 1].low == "dozen":
            return 12
        return None
    if t.low == "half" and i + 2 < len(toks) and toks[i + 1].low in ("a", "an"):
        return _word_number(["half", "a"] + [x.low for x in toks[i + 2 : i + 3]])
    if t.low in _VAGUE:
        return None
    run = []
    while i < len(toks) and _is_number_word(toks[i].low) or (
        run and i < len(toks) and toks[i].low == "and" and i + 1 < len(toks) and _is_number_word(toks[i + 1].low)
    ):
        run.append(toks[i].low)
        i += 1
    if run:
        if i < len(toks) and toks[i].low in ("percent", "%"):
            return None
        return _word_number(run)
    return None


def _victim_number(toks: list[_Tok]) -> int | None:
    """Stated count of a victims phrase, by the rules in the module docstring."""
    words = [t for t in toks if t.is_word]
    if not words:
        return None
    if words[0].low in _NONE_WORDS or (len(words) > 1 and words[0].low == "no" and words[1].low == "one"):
        return 0
    if words[0].low == "no":
        return 0
    if "between" in [w.low for w in words[:2]]:
        # a range, "between 100 and 300 people": the lower bound is the stated minimum
        return _count_of(toks[[t.low for t in toks].index("between") + 1 :][:1])
    # split off the first "of"
    head = toks
    after_of: list[_Tok] = []
    for k, t in enumerate(toks):
        if t.low == "of":
            head, after_of = toks[:k], toks[k + 1 :]
            break
    if after_of:
        head_words = [t.low for t in head if t.is_word]
        if head_words and head_words[-1] in _COLLECTIVE:
            return _count_of(_first_np(after_of))
        return _count_of(head)
    # conjuncts: add up when every conjunct carries a count
    parts: list[list[_Tok]] = [[]]
    for t in toks:
        if t.low in ("and", "or", "&"):
            parts.append([])
        else:
            parts[-1].append(t)
    counts = [_count_of(p) for p in parts if p]
    if len(counts) > 1 and all(c is not None for c in counts):
        return int(sum(counts))
    return counts[0] if counts else None


def _first_np(toks: list[_Tok]) -> list[_Tok]:
    out = []
    for t in toks:
        if t.low in _PREP or not t.is_word:
            break
        out.append(t)
    return out


# ---------------------------------------------------------------- token classes
def _is_trigger(t: _Tok) -> bool:
    return "death" in t.cats or "injury" in t.cats


def _victim_group(t: _Tok) -> bool:
    return bool(t.cats & _VICTIM_CATS)


def _starts_np(toks: list[_Tok], i: int) -> bool:
    """Does a noun phrase (an object) start at token ``i``? Never at a death or injury word."""
    return starts_count_np(toks, i, _is_trigger)


def _np_back(toks: list[_Tok], end: int, *, chain: bool = True, through_of: bool = True) -> tuple[int, int] | None:
    """Noun phrase with its count ending at token ``end``, not reaching over a death or injury word."""
    return count_np_before(toks, end, chain=chain, through_of=through_of, stop=_is_trigger)


def _np_forward(toks: list[_Tok], start: int) -> tuple[int, int] | None:
    """Object noun phrase with its count starting at ``start``; a victim-group noun ends it."""
    return count_np_after(toks, start, stop=_is_trigger, group=_victim_group)


def _clause_subject(toks: list[_Tok], before: int) -> tuple[int, int] | None:
    """Subject of the clause that contains token ``before`` (for ", killing ...")."""
    return participle_subject(toks, before)
























# ---------------------------------------------------------------- one predicate
@dataclass
class _Statement:
    trigger: tuple[int, int]
    harm: str
    construction: str
    victims: tuple[int, int] | None = None
    agent: tuple[int, int] | None = None
    cause: tuple[int, int] | None = None
    negated: bool = False
    hypothetical: bool = False
    #: premodifiers of a nominal trigger that are not victims ("the tragic" deaths)
    pre: tuple[int, int] | None = None
    #: a count stated for a death toll ("the death toll has risen to 413")
    toll: tuple[int, int] | None = None
    #: a noun trigger with neither victims nor count ("the Connecticut school massacre")
    bare: bool = False
    #: auxiliaries before a verb trigger, nearest first ("be", "have", "modal")
    kinds: list[str] = field(default_factory=list)


def _harm(toks: list[_Tok], a: int, b: int) -> str:
    cats = set().union(*(toks[k].cats for k in range(a, b + 1)))
    return "death" if "death" in cats else "injury"


def _trigger_groups(toks: list[_Tok]) -> list[tuple[int, int]]:
    """Runs of tokens belonging to one death/injury lexicon match."""
    groups = []
    k = 0
    while k < len(toks):
        if _is_trigger(toks[k]):
            mid = toks[k].match_id
            j = k
            while j + 1 < len(toks) and _is_trigger(toks[j + 1]) and toks[j + 1].match_id == mid:
                j += 1
            groups.append((k, j))
            k = j + 1
        else:
            k += 1
    return groups


def _back_over_aux(toks: list[_Tok], k: int) -> tuple[int, list[str]]:
    """Walk left from the token before ``k`` over auxiliaries, adverbs and negation.

    Returns the index of the first token left of the verb group and the kinds
    of auxiliaries seen, nearest the verb first ("be", "have", "modal").
    Raising verbs before "to" are part of the group ("appears to have
    killed", "is believed to have killed").
    """
    i = k - 1
    kinds: list[str] = []
    while i >= 0:
        low = toks[i].low
        if low in _BE or low in _STATE_VERBS:
            kinds.append("be")
        elif low in _HAVE:
            kinds.append("have")
        elif low in _MODAL:
            kinds.append("modal")
        elif low == "to":
            if i >= 1 and toks[i - 1].low in _RAISING:
                kinds.append("modal")
                i -= 2
                continue
            kinds.append("modal")
        elif low in _NEG:
            pass
        elif low in _ADVERB or (low.endswith("ly") and low not in ("deadly", "elderly", "family", "ally")):
            pass
        else:
            break
        i -= 1
    return i, kinds


def _subject_before(toks: list[_Tok], i: int, previous: list[_Statement], *,
                    finite: bool = True) -> tuple[tuple[int, int] | None, str]:
    """Subject ending at ``i``: returns (span, how) with how in np/relative/coordinated/none.

    Before a finite verb the subject is taken past a relative clause that ends at ``i`` ("the men who
    attacked the village were killed" -> "the men"); ``finite=False`` (a reduced passive) keeps the phrase
    right before it ("an invasion which saw civilians killed" -> "civilians").
    """
    i = _skip_quotes_back(toks, i)
    if i < 0:
        return None, "none"
    t = toks[i]
    if t.low in ("and", "or", "&"):
        return None, "coordinated"
    if t.low in _RELATIVE or t.low.startswith(("who'", "that's")):
        return _antecedent(toks, i), "relative"
    if t.low == ",":
        # an inserted phrase: "11 people, including a number of militants, had been killed",
        # "the police, after a protracted gun battle, killed him"
        j = i - 1
        while j > 0 and i - j < 15 and toks[j].low not in (",", ";"):
            j -= 1
        if j > 0 and toks[j].low == "," and _inserted(toks, j + 1, i):
            return _past_relative(toks, _np_back(toks, j - 1)), "np"
        return None, "none"
    span, how = _plain_subject_before(toks, i)
    if how == "np":
        span = _list_before(toks, _past_relative(toks, span) if finite else span)
    return span, how


def _plain_subject_before(toks: list[_Tok], i: int) -> tuple[tuple[int, int] | None, str]:
    t = toks[i]
    if t.low in ("who", "which") or t.low in _SUBORD or t.low in _PREP or not (t.is_word or t.low in ("'s",)):
        return None, "none"
    span = _np_back(toks, i)
    if span is not None and span[0] >= 3 and toks[span[0] - 1].low in ("in", "at", "by", "inside") \
            and toks[span[0] - 2].low in _HELD:
        # a reduced relative between the victims and their verb: "22 hostages held in Gaza were killed"
        head = _np_back(toks, span[0] - 3)
        if head is not None:
            return (head[0], span[1]), "np"
    return span, "np"


#: subordinators of time or manner before a gerund ("before being killed", "after being shot")
_TIME_SUBORD = frozenset("before after while without upon since despite".split())


def _participle_head(toks: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The phrase a reduced passive describes: "the families of those killed" -> "those", "the names of
    soldiers killed" -> "soldiers"; a count stays with its group ("three of the people killed")."""
    if span is None:
        return None
    ofs = [x for x in range(span[0] + 1, span[1]) if toks[x].low == "of"]
    if not ofs:
        return span
    before = toks[span[0] : ofs[-1]]
    if any(t.is_number or t.low in _VAGUE or t.low in _OF_QUANT or t.low in _QUANT_WORDS or t.low in _PART_NOUNS
           or any(_is_number_word(w) for w in t.low.split("-")) for t in before):
        return span  # "two-thirds of those killed", "the majority of those killed": the part is the count
    return (ofs[-1] + 1, span[1])


def _among_subject(toks: list[_Tok], span: tuple[int, int] | None,
                   out: list[_Statement]) -> tuple[int, int] | None:
    """The subject of "X was among those killed": the victims phrase ``span`` follows "among" and a form of
    "be"; None otherwise."""
    if span is None or span[0] < 3 or toks[span[0] - 1].low != "among":
        return None
    k, kinds = _back_over_aux(toks, span[0] - 1)
    if not kinds or kinds[0] != "be":
        return None
    subject, how = _subject_before(toks, k, out)
    return subject if how == "np" else None


#: nouns that name a part of a group ("the majority of those killed")
_PART_NOUNS = frozenset("""majority minority half halves third thirds quarter quarters fifth fifths percent
    % bulk rest remainder fraction proportion share""".split())


def _inverted_victims(toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
    """Victims named after the verb when "among" opens the clause: "Among those reported killed were
    relatives of ..." -> "relatives of ...", "Among the dead was a doctor" -> "a doctor"."""
    for j in range(a - 1, max(-1, a - 10), -1):
        low = toks[j].low
        if low in (",", ";", ":") or _is_trigger(toks[j]):
            return None
        if low == "among":
            break
    else:
        return None
    if j > 0 and toks[j - 1].low not in _QUOTE_CHARS and toks[j - 1].low not in (";", ":", "and", "but"):
        return None  # "was among those killed": the victims are the subject before it
    for k in range(b + 1, min(len(toks) - 1, b + 12)):
        low = toks[k].low
        if low in (",", ";", ":") or _is_trigger(toks[k]):
            return None
        if low in ("was", "were", "are", "is"):
            np = _np_forward(toks, k + 1)
            q = np[1] + 1 if np is not None else None
            if q is not None and q + 1 < len(toks) and toks[q].low in _QUOTE_CHARS and toks[q + 1].low == "of":
                rest = _np_forward(toks, q + 2)  # 'was "a single-digit number" of Germans'
                return (np[0], rest[1]) if rest is not None else np
            return np
    return None


#: words that open a phrase inserted between victims and their verb ("11 people, including a number of
#: militants, had been killed"; "Nearly 1,800 people, roughly half of them children, have died")
_INSERT_OPENERS = frozenset(
    """most many mostly all when while roughly nearly almost some half both each mainly largely primarily
    predominantly chiefly aged ages""".split()
)  # and a preposition (_PREP: "including", "among", "after", "about")


def _inserted(toks: list[_Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` (between two commas) a phrase inserted after a subject, not a clause of its own?

    An opener of a count, an example or a time ("including", "roughly half of them", "after a gun battle"),
    a non-restrictive relative clause ("who had arrived at dawn") or a parenthetical attribution ("the
    police said").
    """
    first = toks[a]
    return (first.low in _INSERT_OPENERS or first.low in _PREP
            or first.low in ("who", "which", "whose") or toks[b - 1].low in _SAID
            or any(toks[x].low == "them" for x in range(a, b)))


#: speech verbs that close a parenthetical attribution ("The people, the police said, were killed")
_SAID = frozenset("said says say added reported according told".split())


def _list_before(toks: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The whole list a coordinated subject ends: "Al Shamali's wife, his children and uncle were killed".

    Taken only when the items before the last comma reach back to the start of the clause (the sentence, a
    quotation mark, "that" or a speech verb), so that a fronted phrase ("In Gaza, his children and uncle")
    is not made part of it.
    """
    if span is None or not any(toks[x].low in ("and", "&") for x in range(span[0], span[1] + 1)):
        return span
    s = span[0]
    while s >= 2 and toks[s - 1].low == ",":
        item = _np_back(toks, s - 2, chain=False)
        if item is None:
            return span
        s = item[0]
    if s == span[0]:
        return span
    if s == 0 or toks[s - 1].low in _QUOTE_CHARS or toks[s - 1].low in ("that", ":") or toks[s - 1].low in _SAID:
        return (s, span[1])
    return span


def _past_relative(toks: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A subject whose relative clause ends where ``span`` ends: "Several relatives who had been sheltering in
    the church, including two women, were killed" -> "Several relatives"; ``span`` itself otherwise."""
    if span is None:
        return None
    for k in range(span[0] - 1, max(-1, span[0] - 12), -1):
        low = toks[k].low
        if low in (",", ";", ":") or low in _CLAUSE_VERBS or (low in _SUBORD and low not in ("who", "whom", "which")):
            break  # "Arad-Neeman, who said an extended family member was killed": a clause of its own
        if low in ("who", "whom", "which"):
            # "the men who the soldiers killed": right after the pronoun, the phrase is the clause's own subject
            antecedent = _antecedent(toks, k) if k < span[0] - 1 else None
            return antecedent if antecedent is not None else span
    return span


#: participles of a reduced relative that says where or by whom people are kept ("hostages held in Gaza")
_HELD = frozenset("held kept detained imprisoned trapped jailed captive".split())


def _infinitive_to(toks: list[_Tok], a: int) -> int | None:
    """Index of the "to" of an infinitive verb at ``a`` ("to kill", "to hunt down and kill"), else None."""
    j = a - 1
    while j >= 0 and toks[j].low in _ADVERB:
        j -= 1
    if j >= 0 and toks[j].low in ("and", "or"):
        # the second of two infinitives: "to hunt down and kill"
        for x in range(j - 1, max(-1, j - 5), -1):
            if toks[x].low == "to":
                return x
            if not toks[x].is_word or toks[x].low in _SUBORD:
                return None
        return None
    return j if j >= 0 and toks[j].low == "to" else None


def _infinitive_subject(toks: list[_Tok], to: int) -> tuple[int, int] | None:
    """Who does what an infinitive says, when the words before its "to" show it.

    "chemical weapons used to kill" -> "chemical weapons"; "for police to kill" -> "police"; "He used a
    rifle to mow down" -> "He" (an object before "to": the subject of its clause). None otherwise.
    """
    p = to - 1
    if p < 0:
        return None
    t = toks[p]
    if t.low in ("used", "sent", "deployed", "designed", "built", "launched", "fired"):
        return _np_back(toks, p - 1) if p >= 1 else None
    if t.is_word and not t.is_cap and _np_word(t, toks[p - 1] if p else None) and t.low not in _INTENT \
            and t.low not in _RAISING and t.low not in _ADVERB and not t.low.endswith(("ed", "ing")):
        np = _np_back(toks, p, chain=False)
        if np is None:
            return None
        if np[0] >= 1 and toks[np[0] - 1].low == "for":
            return np  # "for police to hunt down and kill"
        return _clause_subject(toks, np[0])
    return None


def _antecedent(toks: list[_Tok], rel: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``rel`` refers to.

    "who" takes the nearest noun phrase ("the mind of the gunman, who" -> "the gunman"); "that" and
    "which" take the whole phrase, and an event before a *by*-phrase ("an attack by the police that").
    """
    j = rel - 1
    if j >= 0 and toks[j].low in (",", "\u2014", "\u2013", "-", "--", "("):
        j -= 1
    if j < 0:
        return None
    personal = toks[rel].low.startswith(("who", "whom"))
    span = _np_back(toks, j, through_of=not personal)
    if personal and span is not None and span[0] >= 2 and toks[span[0] - 1].low == "," \
            and toks[span[0]].low in ("a", "an", "the"):
        name = _np_back(toks, span[0] - 2, chain=False, through_of=False)
        if name is not None and toks[name[1]].is_cap and not toks[name[0]].low in _DET:
            return (name[0], span[1])  # an appositive: "Gaber Salah, an activist who"
    if span is not None and not personal and span[0] >= 2 and toks[span[0] - 1].low in ("by", "with"):
        event = _np_back(toks, span[0] - 2)
        if event is not None and _head_low(toks, event) in CAUSE_NOUNS:
            return (event[0], span[1])
    return span


def _head_low(toks: list[_Tok], span: tuple[int, int]) -> str:
    """Lower-cased head of a noun phrase: its last word before "of" or a preposition."""
    for x in range(span[0] + 1, span[1] + 1):
        if toks[x].low in _PREP or toks[x].low == "of":
            return toks[x - 1].low
    return toks[span[1]].low


def _coordinated_subject(toks: list[_Tok], k: int, out: list[_Statement]) -> tuple[int, int] | None:
    """Subject of the first of two coordinated verbs, the conjunction at ``k``.

    "the gunman who ambushed and killed" -> "the gunman"; "all those who lost homes or were injured" ->
    "all those". Walks left over the first verb phrase (no punctuation) to a relative pronoun or to the
    first verb's own subject.
    """
    j = k - 1
    while j >= 0 and k - j <= 10:
        t = toks[j]
        if (not t.is_word and t.low not in _QUOTE_CHARS) or (t.low in _SUBORD and t.low not in _RELATIVE):
            break
        if t.low in _RELATIVE or t.low.startswith(("who'", "that's")):
            return _antecedent(toks, j)
        j -= 1
    j = k - 1
    while j >= 0 and k - j <= 10:
        t = toks[j]
        if not t.is_word and t.low not in _QUOTE_CHARS:
            return None
        if t.low in _SUBORD and t.low not in ("that",):
            return None
        if (_verbish(t, toks[j - 1] if j else None) or t.low.endswith("ed")) and t.low not in _BE | _HAVE | _MODAL:
            k2, _ = _back_over_aux(toks, j)
            span, how = _subject_before(toks, k2, out)
            return span if how in ("np", "relative") else None
        j -= 1
    return None


def _by_agent(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase of a *by*-phrase after token ``k`` within the clause."""
    i = k + 1
    while i < len(toks) and i <= k + 12:
        t = toks[i]
        if t.low == "," and i + 2 < len(toks) and toks[i + 1].low in _ADVERB and toks[i + 2].low == "by":
            i += 1  # "the killing of a woman, allegedly by an immigrant"
            continue
        if t.low in (",", ";", ":", "(", ")") or t.low in ("when", "which", "who", "while", "after", "but", "because"):
            return None
        if _is_trigger(t):
            return None
        if t.low == "by":
            if _by_rate(toks, i):
                return None
            return _np_forward(toks, i + 1)
        i += 1
    return None


#: "by the thousands", "by the dozen", "by the day": a rate or a manner, not who did it
_RATE_NOUNS = frozenset("""hundreds thousands dozens scores millions tens dozen score hundred thousand
    day days hour hours minute minutes week weeks busload truckload""".split())


def _by_rate(toks: list[_Tok], by: int) -> bool:
    """Is the *by*-phrase at ``by`` a rate ("killed by the thousands", "dying by the day")?"""
    k = by + 1
    if k < len(toks) and toks[k].low == "the":
        k += 1
    return (k < len(toks) and toks[k].low in _RATE_NOUNS
            and not (k + 1 < len(toks) and toks[k + 1].low == "of"))


def _cause_after(toks: list[_Tok], k: int, *, any_np: bool = False) -> tuple[int, int] | None:
    """A cause phrase after token ``k``.

    "in the explosions", "during Israeli airstrikes" (a preposition and an attack, weapon or event noun),
    "after a gunman opened fire" (the subject of the after-clause), "due to shelling" (any noun phrase);
    ``any_np`` takes any noun phrase after "from" or "of" too ("died from gunshot wounds").
    """
    i = k + 1
    while i < len(toks) and i <= k + 10:
        t = toks[i]
        if t.low in (";", ":", "(", ")") or _is_trigger(t):
            return None
        if t.low in ("due", "because") and i + 1 < len(toks) and toks[i + 1].low in ("to", "of"):
            np = _np_forward(toks, i + 2)
            if np is not None:
                return np
        if t.low in ("after", "when", "as") and i + 1 < len(toks):
            np = _np_forward(toks, i + 1)
            if (np is not None and np[1] + 1 < len(toks) and not toks[np[0]].low in _TIME_WORDS
                    and toks[np[1]].low not in _PRONOUN_NP
                    and _verbish(toks[np[1] + 1], toks[np[1]]) and toks[np[1] + 1].low not in _BE | _HAVE):
                return np  # "after a gunman opened fire"
        if any_np and t.low in ("from", "of"):
            np = _np_forward(toks, i + 1)
            if np is not None:
                return np
        if t.low in ("in", "during", "amid", "amidst", "from", "after", "following", "under", "by"):
            np = _np_forward(toks, i + 1)
            if np is not None:
                heads = [toks[x].low for x in range(np[0], np[1] + 1) if toks[x].low not in ("of",)]
                # head of the phrase before any "of"
                head_part = []
                for x in range(np[0], np[1] + 1):
                    if toks[x].low == "of":
                        break
                    head_part.append(toks[x].low)
                if head_part and head_part[-1] in CAUSE_NOUNS and heads:
                    return (i, np[1])
                i = np[1] + 1
                continue
        if t.low == ",":
            # a comma ends the verb's own phrases, unless "due to" follows ("died, mostly due to ...")
            nxt = [x.low for x in toks[i + 1 : i + 4]]
            if "due" in nxt or "because" in nxt:
                i += 1
                continue
            return None
        i += 1
    return None


def _cause_before(toks: list[_Tok], a: int) -> tuple[int, int] | None:
    """A fronted cause phrase: "In the renewed airstrikes, civilians are dying"; "in which" after an event.

    The phrase opens the clause with in / during / amid and an attack or event noun and ends at a comma;
    "X in which six people died" takes the antecedent X of "in which".
    """
    for j in range(a - 1, max(-1, a - 14), -1):
        t = toks[j]
        if t.low == "which" and j >= 1 and toks[j - 1].low in ("in", "during", "amid"):
            k = j - 2
            if k >= 0 and toks[k].low == ",":
                k -= 1
            return _np_back(toks, k) if k >= 0 else None
        if t.low in (";", ":") or _is_trigger(t):
            break
    # the clause opener
    j = a - 1
    while j >= 0 and toks[j].low not in (";", ":") and not (toks[j].low in _SUBORD and toks[j].low not in ("and", "that")):
        j -= 1
    j += 1
    if j < a and toks[j].low in ("in", "during", "amid", "amidst"):
        np = _np_forward(toks, j + 1)
        if np is not None and np[1] + 1 < a and toks[np[1] + 1].low == "," and _head_low(toks, np) in CAUSE_NOUNS:
            return (j, np[1])
    return None


def _analyse_sentence(toks: list[_Tok]) -> list[_Statement]:
    out: list[_Statement] = []
    for a, b in _trigger_groups(toks):
        harm = _harm(toks, a, b)
        words = [toks[x].low for x in range(a, b + 1)]
        head = words[0]
        last = words[-1]
        prev_i = a - 1
        prev = toks[prev_i] if prev_i >= 0 else None
        nxt_i = b + 1
        nxt = toks[nxt_i] if nxt_i < len(toks) else None
        # "wounded or otherwise injured": one statement when a trigger of the same harm is joined by "or"
        if out and prev is not None and _joined_by_or(toks, out[-1], a, harm):
            continue
        if out and out[-1].trigger[1] >= a:
            continue  # already part of the previous statement ("dead bodies")
        # a singular noun modifying another noun is not a statement ("murder rates", "death certificate")
        if (a == b and nxt is not None and last in _COMPOUND_TRIGGERS and _common_noun(nxt)
                and nxt.low not in _TOLL_HEADS and not (prev is not None and (
                    prev.low.endswith(("'s", "s'")) or prev.low in ("his", "her", "their")))):
            continue
        # --- "left 14 people dead", "leaving one man dead", "left 49 people dead and dozens injured"
        left = _left_frame(toks, a, out)
        if left is not None:
            victims, agent = left
            st = _Statement((a, b), harm, "active")
            st.victims, st.agent = victims, agent
            out.append(st)
            continue
        # --- nominal: death(s), death toll, casualties, the dead, the killing of
        # "shot dead" is a verb phrase ("were shot dead", "gunmen shot dead three guards")
        after = nxt_i
        while after < len(toks) and toks[after].low in _TIME_WORDS:
            after += 1  # "the killing last week of a woman"
        of_follows = after < len(toks) and toks[after].low == "of"
        possessor = prev is not None and (prev.low.endswith(("'s", "s'")) or prev.low in ("his", "her", "their"))
        # "shot dead", "tortured to death" are verb phrases
        is_noun = not (len(words) > 1 and last in ("dead", "death")) and (
            last in _NOUN_TRIGGERS
            or last.endswith(("tion", "tions", "ities", "ity", "ies"))
            or last in ("fatal", "fatally")
            or (head.endswith("ing") and (prev is not None and prev.low in _DET or of_follows))
            or (of_follows and not head.endswith(("ed", "en")) and head not in _INTRANSITIVE)
            or (possessor and not head.endswith(("ed", "en")))
            # "gunshot wounds": a plural after a noun is the noun, not the verb
            or (last == "wounds" and prev is not None and prev.is_word and not prev.is_cap and _common_noun(prev)
                and prev.low not in _SUBJ_PRON)
            or (prev is not None and prev.low in ("the", "a", "an", "their", "his", "her", "its") and head.endswith("ed")
                and not (nxt_i < len(toks) and _starts_np(toks, nxt_i)))
            or (prev is not None and prev.low in _DET and not head.endswith(("ed", "ing")) and head not in _INTRANSITIVE
                and head not in _PARTICIPLES)
        )
        if head == "dead" and a == b:
            k2, kinds = _back_over_aux(toks, a - 1 if prev is not None and prev.low in _RAISING else a)
            if kinds and kinds[0] == "be":
                # "12 people are confirmed dead", "seven of them were dead": a state, no agent
                st = _Statement((a, b), harm, "intransitive")
                st.victims, _ = _subject_before(toks, k2, out)
                st.cause = _cause_after(toks, b)
                out.append(st)
                continue
            if prev is not None and prev.low in ("shot", "shooting", "shoot", "shoots", "gunned", "stabbed") and (
                    nxt_i < len(toks) and _starts_np(toks, nxt_i)):
                # "shooting dead 50 people"
                st = _Statement((a, b), harm, "active")
                st.victims = _np_forward(toks, nxt_i)
                before = toks[a - 2] if a >= 2 else None
                if before is not None and before.is_word and before.low not in _SUBORD:
                    st.agent = _np_back(toks, a - 2)
                else:
                    st.agent = _previous_agent(out) if out else _clause_subject(toks, a - 1)
                out.append(st)
                continue
            if nxt is not None and nxt.low in ("body", "bodies") and nxt_i + 1 < len(toks) \
                    and toks[nxt_i + 1].low == "of":
                # "the dead bodies of children and women": one statement, the victims after "of"
                st = _Statement((a, nxt_i), harm, "intransitive")
                st.victims = _np_forward(toks, nxt_i + 2)
                out.append(st)
                continue
            if nxt is not None and nxt.is_word and _starts_np(toks, nxt_i) and nxt.low not in _DET and not nxt.is_number:
                # an attributive adjective: "a dead boy"
                st = _Statement((a, b), harm, "intransitive")
                st.victims = _np_forward(toks, nxt_i)
                out.append(st)
                continue
            if out and out[-1].victims is not None and out[-1].victims[1] == a - 1 \
                    and out[-1].construction == "active":
                out[-1].harm = "death"  # "shot scores dead": the shooting's victims, now dead
                continue
            if prev is not None and prev.is_word and prev.low not in _DET and prev.low not in _PREP and (
                    prev.cats & _VICTIM_CATS or prev.is_number or _is_number_word(prev.low) or prev.low in _VAGUE):
                # "100,000 people dead in Syria": the state of the victims named before it
                st = _Statement((a, b), harm, "intransitive")
                st.victims = _np_back(toks, a - 1, chain=False)
                st.cause = _cause_after(toks, b)
                out.append(st)
                continue
        if is_noun and head not in _INTRANSITIVE:
            st = _Statement((a, b), harm, "nominal")
            j = a - 1
            while j >= 0 and toks[j].is_word and (toks[j].low in _DET or _np_word(toks[j])) and not toks[j].is_number:
                j -= 1
            if j + 1 < a:
                st.pre = (j + 1, a - 1)
            victims_end = b
            if of_follows:
                st.victims = _np_forward(toks, after + 1)
            elif nxt is not None and nxt.low == "to" and last in ("injury", "injuries"):
                st.victims = _np_forward(toks, nxt_i + 1)  # "injuries to nearly 100 officers"
            else:
                # premodifiers: "1,200 Israeli deaths", "Lanza's death", "his death"; a bare count ("two
                # fatalities") is the number, not the victims
                st.victims = _premodifier_victims(toks, a) or _possessive_pronoun(toks, a)
                if st.victims is not None and _only_count(toks, st.victims):
                    st.toll, st.victims = st.victims, None
                if last in ("toll", "tolls"):
                    st.toll = _toll_count(toks, b)
                    st.victims = st.victims if st.victims and any(
                        toks[x].is_cap for x in range(st.victims[0], st.victims[1] + 1)) else None
            if st.victims is None and head in _VICTIM_NOUNS:
                st.victims = _inverted_victims(toks, a, b)  # "Among the dead were two doctors"
            if st.victims is None and head in _VICTIM_NOUNS and a >= 2 and toks[a - 1].low == "the" \
                    and toks[a - 2].low == "among":
                # "Teacher Victoria Soto was among the dead": the subject of the clause
                k2, _ = _back_over_aux(toks, a - 2)
                st.victims, how = _subject_before(toks, k2, out)
                if st.victims is None:
                    st.victims = _first_subject(toks, a)
            if st.victims is not None:
                victims_end = st.victims[1]
            # "Israeli assassinations of ...", "Hamas's killing of ...": with an
            # of-phrase naming the victims, a capitalised premodifier is the agent
            if st.pre is not None and of_follows:
                named = [x for x in range(st.pre[0], st.pre[1] + 1)
                         if (toks[x].is_cap or toks[x].low in ("'s",)) and toks[x].low.split("'")[0] not in _TIME_WORDS
                         and toks[x].low not in _DET]
                # ... right before the trigger: in "Israeli soldiers check the bodies of people killed",
                # the soldiers hold the bodies
                if named and toks[named[0]].low != "'s" and named[-1] == a - 1:
                    st.agent = (named[0], named[-1])
            if st.agent is None:
                st.agent = _by_agent(toks, victims_end)  # "the murder of two officers ... by a gunman"
            # agent of "X caused / resulted in the death(s) of"
            j = a - 1
            while j >= 0 and (toks[j].low in _DET or toks[j].low in _QUOTE_CHARS or (
                    toks[j].is_word and toks[j].low not in _CAUSATIVE and toks[j].low not in ("in", "to")
                    and _np_word(toks[j]) and j >= a - 3)):
                j -= 1
            if j >= 0 and toks[j].low in ("in", "to") and j >= 1 and toks[j - 1].low in _CAUSATIVE:
                j -= 1
            if j >= 0 and toks[j].low in _CAUSATIVE:
                if toks[j].low.endswith("ing") and (j == 0 or toks[j - 1].low in (",", "while", "thus")):
                    st.agent = _previous_agent(out)
                else:
                    k2, _ = _back_over_aux(toks, j)
                    span, how = _subject_before(toks, k2, out)
                    st.agent = span
            if st.agent is None and st.victims is not None:
                st.cause = _cause_after(toks, victims_end)
            if st.victims is None and st.toll is None and last not in _KEEP_BARE_NOUNS:
                # a bare noun: a statement only when a determiner or possessive makes it one event ("the
                # Connecticut school massacre", "these murders", "the injured"); "gun deaths" is generic
                if not _specific(toks, a):
                    continue
                st.bare = True
            out.append(st)
            continue
        # --- intransitive: died, perished, lost their lives
        if head in _INTRANSITIVE or head in _LOSE:
            st = _Statement((a, b), harm, "intransitive")
            k2, kinds = _back_over_aux(toks, a)
            span, how = _subject_before(toks, k2, out)
            if how == "coordinated":
                span = _previous_victims(out) or _coordinated_subject(toks, k2, out)
            st.victims = _within_clause(toks, span)
            st.kinds = kinds
            st.cause = _cause_after(toks, b, any_np=True) or _cause_before(toks, a)
            out.append(st)
            continue
        # --- verbs
        k2, kinds = _back_over_aux(toks, a)
        object_follows = nxt_i < len(toks) and _starts_np(toks, nxt_i)
        if head.endswith("ing"):
            # participle or progressive: "strikes killing Iranian commanders", ", killing 1,200 people",
            # "it is killing civilians"
            st = _Statement((a, b), harm, "active")
            st.victims = _np_forward(toks, nxt_i)
            st.kinds = kinds
            before = toks[k2] if k2 >= 0 else None
            if before is not None and (before.low in (",", "while", "thus", "and", "also", "by") or before.low in _QUOTE_CHARS):
                st.agent = _previous_agent(out) if out else _clause_subject(toks, k2)
            elif before is not None and before.low in _SUBJ_PRON - _RELATIVE:
                st.agent = (k2, k2)
            elif before is not None and before.low in ("before", "after", "since", "upon", "without", "while"):
                st.agent = _clause_subject(toks, k2)  # "before killing himself": the clause's subject
            elif before is not None and (before.low in _PREP or before.low == "of"):
                pass  # a gerund after a preposition: "speaking of killing Muslims" has no subject
            elif before is not None and before.is_word:
                st.agent = _np_back(toks, k2)
            out.append(st)
            continue
        passive = bool(kinds) and kinds[0] == "be"
        if not object_follows and nxt_i + 1 < len(toks) and toks[nxt_i].low in ("and", "or") and (
                _verbish(toks[nxt_i + 1], None) or toks[nxt_i + 1].low.endswith("ed") or _is_trigger(toks[nxt_i + 1])):
            object_follows = _starts_np(toks, nxt_i + 2)  # "killed and captured Israeli soldiers"
            if object_follows:
                nxt_i += 2
        if not object_follows and kinds and kinds[0] == "modal" and nxt_i + 2 < len(toks) \
                and toks[nxt_i].low in ("and", "or") and toks[nxt_i + 1].is_word and not toks[nxt_i + 1].is_cap \
                and toks[nxt_i + 1].low not in _DET and _starts_np(toks, nxt_i + 2):
            object_follows, nxt_i = True, nxt_i + 2  # two bare verbs, one object: "to kill or kidnap residents"
        if not object_follows and nxt_i < len(toks) and toks[nxt_i].low == ",":
            # a list of verbs before their object: "have killed, robbed or assaulted innocent people"
            j = nxt_i
            while j + 1 < len(toks) and j - nxt_i < 8 and (toks[j].low in (",", "or", "and") or _verbish(toks[j], None)):
                j += 1
            if j > nxt_i + 1 and _verbish(toks[j - 1], None) and _starts_np(toks, j):
                object_follows, nxt_i = True, j
        if not passive and (head.endswith(("ed", "en")) or head in _PARTICIPLES) and not object_follows \
                and "have" not in kinds:
            # reduced passive: "Americans killed in the attacks", "three women injured", "officers shot dead"
            passive = True
        if head in ("slain",):
            passive = not object_follows
        before_tok = toks[k2] if k2 >= 0 else None
        if (not kinds and object_follows and (head.endswith(("ed", "en")) or head == "slain") and a == b and (
                before_tok is None or before_tok.low in _DET or before_tok.low in _PREP)):
            # an adjectival participle: "Wounded people are treated", "the injured soldiers", "the slain ambassador"
            st = _Statement((a, b), harm, "passive_agentless")
            st.victims = _np_forward(toks, nxt_i)
            out.append(st)
            continue
        if passive:
            agent = _by_agent(toks, b)
            st = _Statement((a, b), harm, "passive_agentive" if agent else "passive_agentless")
            st.agent = agent
            st.kinds = kinds
            before = toks[k2] if k2 >= 0 else None
            if before is not None and before.low in ("it", "they", "he", "she", "we", "i", "you") and not kinds:
                # fronted object: "the civilians it slaughtered"
                st.construction = "active"
                st.agent = (k2, k2)
                st.victims = _np_back(toks, k2 - 1)
            elif before is not None and before.low in _TIME_SUBORD and kinds and kinds[0] == "be":
                st.victims = _clause_subject(toks, k2)  # "he helped rescue 100 people before being killed"
            else:
                span, how = _subject_before(toks, k2, out, finite=bool(kinds))
                if how == "coordinated":
                    span = _previous_victims(out) or _coordinated_subject(toks, k2, out)
                st.victims = _named_apposition(toks, _participle_head(toks, _within_clause(toks, span))) \
                    if not kinds else _within_clause(toks, span)
            st.victims = _inverted_victims(toks, a, b) or _among_subject(toks, st.victims, out) or st.victims
            if st.agent is None:
                st.cause = _cause_after(toks, b) or _cause_before(toks, a)
            out.append(st)
            continue
        # active finite verb
        st = _Statement((a, b), harm, "active")
        st.kinds = kinds
        st.victims = _np_forward(toks, nxt_i)
        span, how = _subject_before(toks, k2, out)
        to = _infinitive_to(toks, a)
        if to is not None and _infinitive_subject(toks, to) is not None:
            span, how = _infinitive_subject(toks, to), "infinitive"
        elif how == "coordinated":
            span = _previous_agent(out) or _coordinated_subject(toks, k2, out)
        st.agent = span
        if st.victims is None and span is not None and how == "np" and toks[span[0]].low in _PRONOUN_NP \
                and span[0] >= 1 and toks[span[0] - 1].is_word:
            st.victims = _np_back(toks, span[0] - 1)  # a fronted object: "all of the people he had killed"
        out.append(st)
    _share_causes(toks, out)
    out = [x for st in out for x in _split_counted(toks, st)]
    # negation and modality by the scope of the clause, judged at the trigger ("no one was killed",
    # "denied killing", "could be killed"), and what the clause itself shows: a charge, an intention,
    # a modal, a denial
    negated, hypothetical = judge([t.text for t in toks])
    kept = []
    for st in out:
        if _figurative(toks, st) or _habitual(toks, st):
            continue
        a = st.trigger[0]
        st.negated = bool(negated[a]) or _denied(toks, a)
        # "will be conducted into his death": a definite or possessive noun takes the event for granted
        presupposed = st.construction == "nominal" and _specific(toks, a) and toks[-1].low != "?"
        st.hypothetical = (bool(hypothetical[a]) and not presupposed) or _not_asserted(toks, st)
        if st.bare and (st.negated or st.hypothetical):
            continue  # "What about the farm murders?": a mention
        kept.append(st)
    return kept


# ---------------------------------------------------------------- patterns of one statement
#: singular triggers that can modify another noun ("murder rates", "death certificate")
_COMPOUND_TRIGGERS = frozenset("death murder casualty injury fatality massacre beheading".split())
#: irregular participles that head a reduced passive ("officers shot dead since 2011")
_PARTICIPLES = frozenset("shot slain hit struck hurt beaten".split())


def _common_noun(t: _Tok) -> bool:
    """A lower-case noun (not a verb, preposition, adverb or function word) right after a trigger."""
    low = t.low
    if not t.is_word or t.is_cap or t.is_number or _is_trigger(t):
        return False
    if low in ("of", "himself", "herself", "themselves", "itself", "'s", "s"):
        return False
    if low in _PREP or low in _SUBORD or low in _BE or low in _HAVE or low in _MODAL or low in _NEG or low in _DET:
        return False
    if low in _ADVERB or low in _CLAUSE_VERBS or low in _IRREGULAR_PAST or low in _TIME_WORDS or low in _PRONOUN_NP:
        return False
    if low.endswith(("ed", "ly")) or _is_number_word(low):
        return False
    return True


def _joined_by_or(toks: list[_Tok], previous: _Statement, a: int, harm: str) -> bool:
    """Is the trigger at ``a`` joined by "or" to the previous trigger of the same harm ("wounded or injured")?"""
    if previous.harm != harm:
        return False
    j = a - 1
    while j > previous.trigger[1] and (toks[j].low in _ADVERB or toks[j].low in _BE or toks[j].low in _HAVE):
        j -= 1
    return j == previous.trigger[1] + 1 and toks[j].low == "or"


def _left_frame(toks: list[_Tok], a: int, out: list[_Statement]) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Victims and agent of "X left 14 people dead" (and of "... and dozens injured" after it).

    The victims phrase stands between "left" and the trigger; the agent is what left them: the subject
    of "left", the antecedent of "that left", or the clause subject of ", leaving".
    """
    if toks[a].low not in ("dead", "injured", "wounded", "hurt"):
        return None
    if a < 2 or (a + 1 < len(toks) and _starts_np(toks, a + 1) and toks[a + 1].low not in _PREP):
        return None
    victims = _np_back(toks, a - 1, chain=False)
    if victims is None:
        return None
    for x in range(victims[1] - 1, victims[0] - 1, -1):
        if toks[x].low in _LEAVE:
            victims = (x + 1, victims[1])  # "The bombing left | 14 people"
            break
    j = victims[0] - 1
    while j >= 0 and (toks[j].low in _ADVERB or toks[j].low == "only"):
        j -= 1
    if j < 0:
        return None
    if toks[j].low in ("and", "&") and out and out[-1].construction == "active" and out[-1].trigger[1] == j - 1 \
            and toks[out[-1].trigger[0]].low in ("dead", "injured", "wounded", "hurt"):
        return victims, out[-1].agent  # "left 49 people dead and dozens injured"
    if toks[j].low not in _LEAVE:
        return None
    k2, _ = _back_over_aux(toks, j)
    before = toks[k2] if k2 >= 0 else None
    if toks[j].low == "leaving" and (before is None or before.low in (",", "and", "thus")):
        return victims, (_previous_agent(out) if out else _clause_subject(toks, k2))
    agent, how = _subject_before(toks, k2, out)
    if how == "coordinated":
        agent = _coordinated_subject(toks, k2, out) or _clause_subject(toks, k2)
    return victims, agent


def _possessive_pronoun(toks: list[_Tok], a: int) -> tuple[int, int] | None:
    """A possessive pronoun before a noun trigger, over adjectives: "his death", "his deathly injuries"."""
    j = a - 1
    while j >= 0 and a - j <= 3 and toks[j].is_word and toks[j].low not in _DET and not toks[j].is_cap \
            and toks[j].low not in _PREP and not _verbish(toks[j], None):
        j -= 1
    return (j, j) if j >= 0 and toks[j].low in ("his", "her", "their") else None


def _only_count(toks: list[_Tok], span: tuple[int, int]) -> bool:
    """Does a premodifier hold only a count ("two", "more than 40") and no victim words?"""
    words = [toks[x] for x in range(span[0], span[1] + 1)]
    return all(t.is_number or _is_number_word(t.low) or t.low in _QUANT_WORDS for t in words) and any(
        t.is_number or _is_number_word(t.low) for t in words)


def _specific(toks: list[_Tok], a: int) -> bool:
    """A determiner, demonstrative or possessive opens the noun phrase of the trigger at ``a``."""
    j = a - 1
    while j >= 0 and j >= a - 5 and toks[j].is_word and toks[j].low not in _DET and _np_word(toks[j]) \
            and not toks[j].low.endswith(("'s", "s'")):
        j -= 1
    if j < 0:
        return False
    t = toks[j]
    return t.low in ("the", "this", "these", "that", "those", "a", "an", "his", "her", "their", "its") or \
        t.low.endswith(("'s", "s'"))


def _first_subject(toks: list[_Tok], a: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence, when it ends before token ``a``."""
    span = sentence_subject(toks, 0, a) or _np_forward(toks, 0)
    return span if span is not None and span[1] < a else None


def _named_apposition(toks: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A reduced passive's victims with the name they stand in apposition to: "the funeral of Ahmed Merabet,
    the police officer shot as he lay wounded" -> "Ahmed Merabet, the police officer"."""
    if span is None or span[0] < 3 or toks[span[0] - 1].low != "," or toks[span[0]].low not in ("the", "a", "an"):
        return span
    j = span[0] - 2
    while j >= 0 and toks[j].is_cap and toks[j].is_word:
        j -= 1
    if span[0] - 2 - j >= 2 and j >= 0 and toks[j].low in ("of", "for", "to", "and"):
        return (j + 1, span[1])
    return span


def _within_clause(toks: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Cut a subject that reached back over "and" into a prepositional phrase.

    "deserted during a time of war and his fellow Americans lost their lives": the subject is "his
    fellow Americans", the words before "and" belong to the phrase "during ...".
    """
    if span is None or span[0] == 0 or toks[span[0] - 1].low not in _PREP:
        return span
    for x in range(span[1], span[0], -1):
        if toks[x].low in ("and", "&") and x < span[1]:
            return (x + 1, span[1])
    return span


def _share_causes(toks: list[_Tok], out: list[_Statement]) -> None:
    """Coordinated clauses share a cause stated after the last one.

    "one person died and nine were injured after a gunman opened fire": the gunman is the cause of both.
    """
    for first, second in zip(out[:-1], out[1:]):
        if first.agent is not None or first.cause is not None or second.cause is None:
            continue
        if first.construction not in ("intransitive", "passive_agentless") or second.construction == "nominal":
            continue
        between = [t.low for t in toks[first.trigger[1] + 1 : second.trigger[0]]]
        if "and" in between and not any(x in between for x in (";", ":", ".", ",", "but")):
            first.cause = second.cause


def _split_counted(toks: list[_Tok], st: _Statement) -> list[_Statement]:
    """Conjoined victim groups that each carry a count are separate statements.

    "Two civilians and one police officer died" gives a row for "Two civilians" (2) and one for "one
    police officer" (1), sharing the trigger, agent and cause.
    """
    if st.victims is None:
        return [st]
    a, b = st.victims
    parts: list[tuple[int, int]] = []
    start = a
    for x in range(a, b + 1):
        low = toks[x].low
        if low in ("of", "between"):
            return [st]
        if low in ("and", "&", ","):
            if x > start:
                parts.append((start, x - 1))
            start = x + 1
    if start <= b:
        parts.append((start, b))
    if len(parts) < 2:
        return [st]
    for p in parts:
        first = toks[p[0]]
        if not (first.is_number or _is_number_word(first.low)) or _count_of(toks[p[0] : p[1] + 1]) is None:
            return [st]
    return [replace(st, victims=p) for p in parts]


def _figurative(toks: list[_Tok], st: _Statement) -> bool:
    """A figurative sense: "a bill died", "killing an agreement", "sanctions starting to hurt North Korea"."""
    if st.victims is None or st.construction == "nominal":
        return False
    head = _head_low(toks, st.victims)
    if head in _NOT_PERSON:
        return True
    trigger = toks[st.trigger[0]].low
    if trigger in ("hurt", "hurts", "hurting") and st.construction == "active":
        # "hurt" reports an injury only with a person as object
        span = toks[st.victims[0] : st.victims[1] + 1]
        return not any(t.cats & _VICTIM_CATS or t.low in _PRONOUN_NP or t.is_number or _is_number_word(t.low)
                       or t.low in ("people", "someone", "anyone", "others") for t in span)
    return False


#: time units of a rate: "killed every year", "die each day", "30,000 deaths a year"
_RATE_UNITS = frozenset("year years day days week weeks month months hour hours decade".split())


def _habitual(toks: list[_Tok], st: _Statement) -> bool:
    """A rate or generalisation, not an event: "people killed by police every year", "deaths a year"."""
    b = st.trigger[1]
    for j in range(b + 1, min(len(toks), b + 12)):
        low = toks[j].low
        if low in (",", ";", ":", ".") or (_is_trigger(toks[j]) and j > b + 1):
            return False
        if low in ("annually", "yearly") or low == "per" and j + 1 < len(toks) and toks[j + 1].low in _RATE_UNITS:
            return True
        if low in ("every", "each", "a") and j + 1 < len(toks) and toks[j + 1].low in _RATE_UNITS and not (
                j + 2 < len(toks) and toks[j + 2].low in ("ago", "earlier", "later", "before", "after")):
            return True
    return False


def _denied(toks: list[_Tok], a: int) -> bool:
    """Is the trigger at ``a`` in the complement of a denial ("denies that any Russians were killed")?"""
    for j in range(a - 1, max(-1, a - 12), -1):
        low = toks[j].low
        if low in (";", ":", "."):
            return False
        if low in _DENIAL and j + 1 < len(toks) and toks[j + 1].low == "that":
            return True
    return False


def _not_asserted(toks: list[_Tok], st: _Statement) -> bool:
    """A charge, intention, modal or threat rather than a report that people died or were hurt.

    "49 counts of murder", "accused of opening fire ..., killing nine", "want to kill", "intent on
    killing", "endorsed killing", "more likely to get killed", "might have died", "will kill".
    """
    a = st.trigger[0]
    # a charge or accusation governing the trigger
    for j in range(a - 1, max(-1, a - 14), -1):
        low = toks[j].low
        if low in (";", ":") or low in _RELATIVE:
            break
        if low in _CHARGE and j + 1 < len(toks) and toks[j + 1].low in ("of", "with", "for", "in", "to"):
            return True
    # a condition: "unless there's an injury", "if anyone is killed"
    for j in range(a - 1, max(-1, a - 10), -1):
        low = toks[j].low
        if low in (",", ";", ":", "(") or low in _RELATIVE:
            break
        if low in ("if", "unless", "whether"):
            return True
    # the auxiliaries and the word before an infinitive or gerund
    j = a - 1
    while j >= 0 and (toks[j].low in _BE or toks[j].low in _HAVE or toks[j].low in _NEG or toks[j].low in _ADVERB
                      or toks[j].low in _HYPOTHETICAL_MODALS or toks[j].low == "to"
                      or (toks[j].low.endswith("ly") and toks[j].is_word)):
        if toks[j].low in _HYPOTHETICAL_MODALS:
            return True
        if toks[j].low == "to" and j >= 1 and toks[j - 1].low in _INTENT:
            return True
        if toks[j].low == "to" and j >= 2 and toks[j - 1].low in ("going",):
            return True
        j -= 1
    if st.construction != "nominal" and toks[a].low.endswith("ing") and j >= 0:
        k = j
        if toks[k].low in ("on", "at", "about", "for", "of") and k >= 1:
            k -= 1
        if toks[k].low in _INTENT:
            return True
    return False


def _premodifier_victims(toks: list[_Tok], a: int) -> tuple[int, int] | None:
    """Victims named before a nominal trigger ("1,200 Israeli deaths", "Lanza's death").

    The words directly before the noun count as victims only when they hold a
    count, a capitalised name or nationality, a possessive or a victim-group
    word; "gun deaths", "mass killings" or "the farm murders" name none.
    """
    i = a - 1
    while i >= 0 and toks[i].low in _QUOTE_CHARS:
        i -= 1
    end = i
    while i >= 0:
        t = toks[i]
        if t.low in ("'s", "'"):
            i -= 1
            continue
        if not t.is_word or t.low in _PREP or t.low in _SUBORD or t.low == "of" or _is_trigger(t):
            break
        if _verbish(t, toks[i - 1] if i else None) or t.low in _CLAUSE_VERBS:
            break
        if t.low in _DET:
            break
        nxt = toks[i + 1]
        if (not t.is_cap and not t.is_number and not _is_number_word(t.low) and t.low not in _QUANT_WORDS
                and t.low not in _VAGUE and (nxt.is_number or _is_number_word(nxt.low))):
            break  # a verb before the count: "left | five women dead"
        i -= 1
    start = i + 1
    # a quantity qualifier right before a count ("more than 500 dead")
    for pre in _QUANT_PREFIX:
        n = len(pre)
        if start - n >= 0 and tuple(x.low for x in toks[start - n : start]) == pre and start <= end and (
                toks[start].is_number or _is_number_word(toks[start].low)):
            start -= n
            break
    while start <= end and leading_verb(toks, start):
        start += 1
    if start > end:
        return None
    last = toks[end]
    if (last.is_word and not last.is_cap and not last.is_number and not _is_number_word(last.low)
            and not last.cats & _VICTIM_CATS and not last.low.endswith(("'s", "s'")) and last.low not in _VAGUE):
        return None  # a noun compound names no victims: "the Connecticut school murders", "gun deaths"
    span = toks[start : end + 1]
    informative = any(
        t.is_number or _is_number_word(t.low) or t.is_cap or t.low.endswith(("'s", "s'")) or t.low == "'s"
        or t.cats & _VICTIM_CATS or t.low in _NONE_WORDS or t.low == "zero"
        for t in span
    )
    return (start, end) if informative else None


def _toll_count(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """The count a death toll is said to stand at: "has risen to 413", "of 1,200", "topped 1,200"."""
    i = k + 1
    while i < len(toks) and i <= k + 12:
        t = toks[i]
        if t.low in (";", ":", "(", ")", ".") or _is_trigger(t):
            return None
        if t.is_number or (_is_number_word(t.low) and t.low not in ("one",)):
            j = i
            while j > k + 1 and tuple(x.low for x in toks[j - 2 : j]) in {p for p in _QUANT_PREFIX if len(p) == 2}:
                j -= 2
            if j > k + 1 and (toks[j - 1].low,) in _QUANT_PREFIX:
                j -= 1
            e = i
            while e + 1 < len(toks) and (_is_number_word(toks[e + 1].low) or toks[e + 1].low in ("million", "thousand")):
                e += 1
            return (j, e)
        i += 1
    return None


def _previous_agent(out: list[_Statement]) -> tuple[int, int] | None:
    for st in reversed(out):
        if st.agent is not None:
            return st.agent
    return None


def _previous_victims(out: list[_Statement]) -> tuple[int, int] | None:
    for st in reversed(out):
        if st.victims is not None:
            return st.victims
    return None


# ---------------------------------------------------------------- table
_VICTIM_CATS = frozenset(VICTIM_PRIORITY)


def _voice_lookup(spans: list[tuple[int, int, str]], offsets: list[int]) -> list[str]:
    if not offsets:
        return []
    return [str(v) for v in voice_of(spans, offsets)]


def _age_years(match: str) -> float | None:
    m = _AGE_VALUE.search(match)
    if m is None:
        digits = re.search(r"\d+", match)
        return float(digits.group()) if digits else None
    raw, unit = m.group(1), m.group(2).lower()
    value = float(raw) if raw.isdigit() else _word_number([raw])
    if value is None:
        return None
    return float(value) / {"year": 1, "month": 12, "week": 52, "day": 365}[unit]


def _names(toks: list[_Tok], span: tuple[int, int], sentence_start: int) -> list[tuple[int, str]]:
    """Personal names in a victims phrase (see the module docstring).

    A name is the run of capitalised words that ends the victims phrase (before
    any preposition other than "of"), whose last word is not a plural
    ("Palestinians", "Israelis") and is not a victim-group word of the
    lexicon; a one-word run at the very start of the sentence is not taken
    (it may be a capitalised common word).
    """
    a, b = span
    end = b
    for x in range(a, b + 1):
        if toks[x].low in _PREP and toks[x].low != "of" and x > a:
            end = x - 1
            break
    k = end
    while k >= a and toks[k].is_word and toks[k].is_cap and not toks[k].is_number and toks[k].low not in _DET:
        k -= 1
    run = toks[k + 1 : end + 1]
    if not run:
        return []
    last = run[-1]
    if last.low.endswith("s") or last.cats & _VICTIM_CATS or last.low in _TIME_WORDS:
        return []
    if len(run) == 1 and run[0].start == sentence_start:
        return []
    return [(run[0].start, " ".join(t.text for t in run))]


@registry.measure("casualties", requires=("annotations",), produces=schema.CASUALTIES + EXTRA_COLUMNS + SIDE_COLUMNS)
def casualties(corpus: pd.DataFrame, *, lexicon: Any = "casualty", annotations: Annotations | None = None,
               matches: pd.DataFrame | None = None, sides: Mapping[str, Any] | None = None,
               opposing: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per casualty statement: victims, count, group, construction and agent.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text`` (see
        :func:`framing.read_corpus`).
    lexicon : str, Path or Lexicon, default ``"casualty"``
        The lexicon giving the death and injury words (categories ``death``,
        ``injury``), the victim groups (``children``, ``women``,
        ``civilians``, ``security_forces``, ``militants``, ``people``) and the
        ``humanising`` and ``emotive`` words.
    annotations : Annotations, optional
        The sentences, quotes and voice of this corpus from :func:`framing.annotate`; computed when omitted.
    matches : pandas.DataFrame, optional
        Matches of this corpus from :func:`framing.find` that include the casualty lexicon's; computed when
        omitted.
    sides : mapping, optional
        Names of sides of your own, first before the bundled gazetteer
        (``{"Palestine": ["Gaza", "Hamas"]}``; see :func:`framing.load_sides`).
    opposing : pair of str, optional
        Two sides at war: victims without a side of their own, killed by one
        side's agent, are counted as the other's (an inference, marked
        ``victim_side_from="opposing"``).

    Returns
    -------
    pandas.DataFrame
        One row per casualty predicate, in text order, with columns

        - ``doc_id``, ``outlet``: the document;
        - ``sentence_id``: the sentence (as in :func:`framing.sentences`);
        - ``victims``: the victims phrase as written, or None when the
          statement names none ("the death toll");
        - ``number``: the stated count (nullable integer) or missing;
        - ``victim_category``: ``children``, ``women``, ``civilians``,
          ``security_forces``, ``militants`` or ``people`` (first of
          :data:`VICTIM_PRIORITY` found in the victims phrase; an age under 18
          counts as ``children``; ``people`` when none is named), None
          without a victims phrase;
        - ``construction``: one of :data:`framing.schema.CONSTRUCTIONS`;
        - ``agent``: the agent phrase (subject of an active verb, *by*-phrase
          of a passive, causer of a nominal) or None;
        - ``humanising``: "; "-joined humanising details (lexicon words,
          ages, names) or "";
        - ``emotive``: "; "-joined emotive lexicon words in the statement or "";
        - ``voice``: ``narrator``, ``quote`` or ``scare_quote`` at the
          killing word;
        - ``start``, ``end``: offsets of the whole statement in ``text``;
        - ``harm``: ``death`` or ``injury``;
        - ``cause``: an instrument or event phrase that is not an agent
          ("in the explosions") or None;
        - ``negated``: True for "no one was killed", "was not killed".
        - ``hypothetical``: True for "could be killed", "if they die", a
          question, an intention, a charge: not a statement that someone
          was killed;
        - ``approximate``: True when the count is vague or qualified
          ("dozens", "at least 24,285", "or so");
        - ``emotive_voice``: "; "-joined voice of each emotive word, in the
          order of ``emotive`` (the word's own, not the killing word's), or "";
        - ``victim_side``, ``agent_side``: the country, people or armed group
          the victims, and whoever killed or hurt them, belong to, as the text
          says (``"mixed"`` for several, missing when the text does not say);
          ``victim_side_from`` says which rule gave the victim side
          (``victims``, ``previous``, ``reporter``, ``opposing``, ``place``,
          ``sentence``; see :mod:`framing.measures.casualty_sides`); the sides
          a ``"mixed"`` victim side is made of, where the text names them, are
          in ``attrs["victim_side_parts"]`` (row index -> tuple of sides).

        Documents without a casualty statement have no rows (this is an
        event table; join on the corpus to count zeros).

    Raises
    ------
    framing.errors.SchemaError
        If the corpus lacks ``doc_id``, ``outlet`` or ``text``.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    columns = list(schema.CASUALTIES) + list(EXTRA_COLUMNS)
    ann = checked_annotations(corpus, annotations)
    matches = lexicon_matches(corpus, [as_lexicon(lexicon)], matches=matches, annotations=ann)
    outlet_of = dict(zip(corpus["doc_id"].astype(str), corpus["outlet"].astype(str)))
    rows: list[dict[str, Any]] = []
    # plain arrays sorted by document and offset; one slice per document
    m_doc = _as_text(matches["doc_id"])
    m_start_all = matches["start"].to_numpy(dtype=np.int64)
    order_all = np.lexsort((m_start_all, m_doc)) if len(matches) else np.zeros(0, dtype=np.int64)
    m_doc = m_doc[order_all]
    m_start_all = m_start_all[order_all]
    m_end_all = matches["end"].to_numpy(dtype=np.int64)[order_all]
    # nested categories ("victims.children") are known by their last part
    m_cat_all = _as_text(matches["category"], lambda c: c.rsplit(".", 1)[-1])[order_all]
    # a subcategory of death or injury ("death.emotive": slaughtered) is a trigger and keeps its own name too
    m_top_all = _as_text(matches["category"], lambda c: c.split(".", 1)[0])[order_all]
    is_trigger = np.isin(m_top_all, ["death", "injury"])
    slices: dict[str, tuple[int, int]] = {}
    if len(m_doc):
        cuts = np.flatnonzero(m_doc[1:] != m_doc[:-1]) + 1
        for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(m_doc)]):
            if is_trigger[lo:hi].any():
                slices[m_doc[lo]] = (int(lo), int(hi))
    for doc_id, text in zip(corpus["doc_id"].astype(str).tolist(), corpus["text"].tolist()):
        if doc_id not in slices or not isinstance(text, str):
            continue
        lo_doc, hi_doc = slices[doc_id]
        m_start = m_start_all[lo_doc:hi_doc]
        trig = is_trigger[lo_doc:hi_doc]
        # the document's matches as plain lists for the loops below (no numpy scalar per item)
        starts, ends = m_start.tolist(), m_end_all[lo_doc:hi_doc].tolist()
        m_cat, m_top, triggers = m_cat_all[lo_doc:hi_doc].tolist(), m_top_all[lo_doc:hi_doc].tolist(), trig.tolist()
        doc_rows: list[dict[str, Any]] = []
        # the tokens of the sentences that hold a death or injury word, their scope judged at once
        sentences = sentence_tokens(text, ann.sentence_spans(doc_id), m_start, trig, _tokens)
        with prejudged([[t.text for t in toks] for _, _, _, _, toks in sentences]):
            for sid, s_start, lo, hi, toks in sentences:
                # longest death/injury match first, so "death toll" is one trigger, not two
                order = sorted(range(lo, hi), key=lambda x: (-(ends[x] - starts[x]), starts[x]))
                for mid in order:
                    for t in tokens_over(toks, starts[mid], ends[mid]):
                        t.cats = t.cats | {m_cat[mid], m_top[mid]}
                        if triggers[mid] and t.match_id is None:
                            t.match_id = mid
                for st in _analyse_sentence(toks):
                    doc_rows.append(_row(doc_id, outlet_of[doc_id], sid, text, s_start, toks, st))
        spans = ann.voice_spans(doc_id)
        voices = _voice_lookup(spans, [r.pop("_trigger_start") for r in doc_rows])
        for r, v in zip(doc_rows, voices):
            r["voice"] = v
            r["emotive_voice"] = "; ".join(_voice_lookup(spans, r.pop("_emotive_starts")))
        rows.extend(doc_rows)
    table = pd.DataFrame(rows, columns=columns)
    table["number"] = table["number"].astype("Int64")
    table["negated"] = table["negated"].astype(bool)
    table["hypothetical"] = table["hypothetical"].astype(bool)
    table["approximate"] = table["approximate"].astype(bool)
    for col in ("sentence_id", "start", "end"):
        table[col] = table[col].astype("int64")
    return casualty_sides(table, corpus, annotations=ann, sides=sides, opposing=opposing)


def _as_text(column: pd.Series, part: Callable[[str], str] | None = None) -> np.ndarray:
    """The values of ``column`` as text (``part`` of it, when given) in an object array; each distinct value
    is converted once, not each row (the columns of a matches table are categorical)."""
    codes, values = pd.factorize(column, use_na_sentinel=False)
    texts = [str(v) for v in values]
    return np.array([part(t) for t in texts] if part is not None else texts, dtype=object)[codes]


def _span_text(text: str, toks: list[_Tok], span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    return text[toks[span[0]].start : toks[span[1]].end]


def _row(doc_id: str, outlet: str, sid: int, text: str, s_start: int, toks: list[_Tok], st: _Statement) -> dict:
    spans = [s for s in (st.trigger, st.victims, st.agent, st.cause, st.pre, st.toll) if s is not None]
    a = min(s[0] for s in spans)
    b = max(s[1] for s in spans)
    start, end = toks[a].start, toks[b].end
    victims_toks = toks[st.victims[0] : st.victims[1] + 1] if st.victims else []
    number = _victim_number(victims_toks) if victims_toks else None
    count_toks = victims_toks
    if number is None and st.toll is not None:
        count_toks = toks[st.toll[0] : st.toll[1] + 1]
        number = _count_of(count_toks)
    category = None
    humanising: list[tuple[int, str]] = []
    if victims_toks:
        cats = set().union(*(t.cats for t in victims_toks))
        category = next((c for c in VICTIM_PRIORITY if c in cats), None)
        vtext = text[victims_toks[0].start : victims_toks[-1].end]
        for m in _AGE.finditer(vtext):
            years = _age_years(m.group())
            if years is not None and years < 18 and category in (None, "people", "civilians"):
                category = "children"
        if category is None:
            category = "people"
        humanising.extend(_names(toks, st.victims, s_start))
    seen_h: set[tuple[int, str]] = set()
    emotive: list[tuple[int, str]] = []
    for t in toks[a : b + 1]:
        if "emotive" in t.cats:
            emotive.append((t.start, t.text))
    for t in victims_toks:
        if "humanising" in t.cats:
            humanising.append((t.start, t.text))
    if victims_toks:
        v0 = victims_toks[0].start
        for m in _AGE.finditer(text[v0 : victims_toks[-1].end]):
            humanising.append((v0 + m.start(), m.group()))
    humanising = [h for h in sorted(humanising) if not (h in seen_h or seen_h.add(h))]
    emotive = sorted(set(emotive))
    return {
        "doc_id": doc_id,
        "outlet": outlet,
        "sentence_id": sid,
        "victims": _span_text(text, toks, st.victims),
        "number": 0 if st.negated and number is None and victims_toks and victims_toks[0].low in _NONE_WORDS else number,
        "victim_category": category,
        "construction": st.construction,
        "agent": _span_text(text, toks, st.agent),
        "humanising": "; ".join(_merge_overlaps(humanising)),
        "emotive": "; ".join(w for _, w in emotive),
        "voice": None,
        "start": start,
        "end": end,
        "harm": st.harm,
        "cause": _span_text(text, toks, st.cause),
        "negated": st.negated,
        "hypothetical": st.hypothetical,
        "approximate": _approximate(count_toks),
        "_trigger_start": toks[st.trigger[0]].start,
        "_emotive_starts": [start for start, _ in emotive],
    }


#: words that make a stated count approximate: a vague quantity or a qualifier of a number
_APPROXIMATE = frozenset(
    """hundreds thousands dozens scores tens millions several many numerous countless least more than fewer less
    nearly almost about around roughly approximately estimated over up some between number handful lot lots""".split()
)


def _approximate(count_toks: list[_Tok]) -> bool:
    """Is the count of a victims phrase or toll vague or qualified ("dozens", "at least 24,285", "or so")?"""
    lows = [t.low for t in count_toks[:8]]
    if "of" in lows:
        lows = lows[: lows.index("of") + 2]  # "scores of civilians", not "citizens of more than 40 countries"
    return any(w in _APPROXIMATE for w in lows) or any(a == "or" and b == "so" for a, b in zip(lows, lows[1:]))


def _merge_overlaps(items: list[tuple[int, str]]) -> list[str]:
    """Drop a detail contained in an earlier one at an overlapping offset."""
    out: list[tuple[int, int, str]] = []
    for s, w in items:
        e = s + len(w)
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e, out[-1][2] if len(out[-1][2]) >= len(w) else w)
            continue
        out.append((s, e, w))
    return [w for _, _, w in out]
