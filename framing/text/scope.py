"""Negation and modality by scope: which tokens a negation or a modal governs.

A negation negates the clause it belongs to -- the predicate and what the predicate says of its arguments --
not every word that happens to follow it. Both judgements are made over word classes with a small
finite-state machine, the same for every measure, and carried out for all cues of a text at once (numpy),
so that matching stays as fast with it as without it.

Negation (:func:`scope_marks`, ``negated``)
-------------------------------------------
A token is negated when the sentence, as written, says that what it denotes is not the case:

* **verbal negation** (``not``, ``never``, ``n't``, ``no longer``, ``not yet``): the predicate reached over
  auxiliaries and adverbs ("has not been *confirmed*", "did not actually *violate*"); after a copula, the whole
  predicative phrase ("is not a *terrorist group*", "was not *guilty* of a *crime*"); after a labelling verb,
  the label it would give ("did not *call* them *terrorists*", "has never been *designated* as a *terrorist*
  organisation"); after ``let`` / ``allow``, the verb allowed ("not going to let them *violate*"); an object
  with ``any`` ("have not seen any *retaliation*"). The arguments of a negated verb are not negated: "did not
  arm Syrian rebels" does not deny that there are rebels, and nothing after a clause word, a preposition or a
  punctuation mark is in scope ("didn't name the mother who was killed").
* **negative determiners and pronouns** (``no``, ``none``, ``nobody``, ``no one``, ``not one``, ``without``):
  the noun phrase they determine ("no *civilian casualties*", "without *casualties*"), phrases of relation
  nouns inside it ("no *connection* to *terror* groups"), and, when the phrase is the subject, its predicate
  ("no one was *injured*", "no group has *claimed* responsibility").
* **denial verbs** (``deny``, ``refuse``, ``refute``, ``reject``, ``fail to``): the thing denied and the
  predicate of a denied clause ("denied *killing* the journalist", "refused to *call* them *terrorists*",
  "denied that the group was *extremist*").
* **not negations**: focus particles and idioms (``not only``, ``not just``, ``not the first``, ``no
  doubt``, ``no question``, ``no matter``, ``no choice``, ``whether or not``, ``not every``); a modal perfect,
  which presupposes the event ("should not have *said*", "will not have *died* in vain").

Modality (``hypothetical``)
---------------------------
A token is hypothetical when it is not asserted: it follows a modal or future (``would``, ``could``,
``might``, ``should``, ``must``, ``will``, ``going to``, ``have to``) or a condition (``if``, ``unless``,
``whether``) in its clause, is in a clause that ends with a question mark, in a clause that opens with a
negated imperative ("Do not *kill*"), or in a noun phrase after ``potential``, ``possible``, ``proposed``.
A negated ability modal is a fact, not a hypothesis ("could not *verify*"). The scope of a modal or a
condition ends at a punctuation mark or a clause word.

Both judgements look at one clause at most twelve words wide, and only to the right of the cue (a question
mark is the exception: it reaches back to the start of its clause).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

__all__ = ["MAX_SCOPE", "NEGATION_CUES", "capitalised", "judge", "judge_all",
           "prejudged", "scope_marks", "word_classes"]

#: how many tokens after a cue its scope can reach
MAX_SCOPE = 12

# --------------------------------------------------------------------------- word classes
# (one small integer per token; the transition tables below are indexed by them)
(OTHER, PUNCT, QMARK, CLAUSE, THAT, DET, ANY, AUX_BE, AUX_HAVE, AUX_DO, MODAL, ABILITY, TO, ADV, NOT, NOT_BE,
 NOT_HAVE, NOT_DO, NOT_MODAL, NOT_ABILITY, NO, NEG_PRON, WITHOUT, DENY, FOCUS, IDIOM_NOUN, FIRST, PARTIAL,
 LONGER, PREP, OF, RELATION, LABEL, CAUSE, AS, PRON, AND, GOING, IF, POTENTIAL, QUOTE, OR, ING,
 ) = range(43)
N_CLASSES = 43

_WORDS: dict[int, str] = {
    CLAUSE: """which who whom whose when where while because since but although though unless until once how why
        what whereas so than before after whenever wherever lest""",
    THAT: "that",
    DET: "the a an this these those its his her their our my your some several many each both another more",
    ANY: "any",
    AUX_BE: "is was were are be been being am 's 're 'm",
    AUX_HAVE: "has have had having 've",
    AUX_DO: "do does did",
    MODAL: "will would should must might may shall 'll 'd ought",
    ABILITY: "can could",
    TO: "to",
    ADV: """also later earlier previously repeatedly again already still then now often publicly privately
        once even further separately long recently initially subsequently reportedly allegedly officially
        formally widely always frequently consistently ever actually really necessarily immediately quite
        entirely fully always directly yet currently truly exactly""",
    NOT: "not never",
    NOT_BE: "isn't wasn't weren't aren't ain't",
    NOT_HAVE: "hasn't haven't hadn't",
    NOT_DO: "don't doesn't didn't",
    NOT_MODAL: "won't wouldn't shouldn't mustn't mightn't shan't",
    NOT_ABILITY: "can't cannot couldn't",
    NO: "no",
    NEG_PRON: "none nobody nothing no-one neither nor noone",
    WITHOUT: "without",
    DENY: """deny denies denied denying refuse refuses refused refusing refute refutes refuted refuting reject
        rejects rejected rejecting fail fails failed failing""",
    FOCUS: "only just merely simply solely least",
    IDIOM_NOUN: "doubt question matter wonder surprise secret choice mistake stranger longer-term",
    FIRST: "first only last same",
    PARTIAL: "every all",
    LONGER: "longer",
    PREP: """on against for with by in at from into over about under near between among upon onto through
        across toward towards within amid despite during like""",
    OF: "of",
    RELATION: """connection connections ties tie link links linked nexus hits evidence sign signs indication
        indications involvement related connected tied affiliated affiliation guilty""",
    LABEL: """call calls called calling label labels labeled labelled labeling labelling designate designates
        designated designating describe describes described describing brand brands branded branding consider
        considers considered considering deem deems deemed classify classifies classified term termed""",
    CAUSE: "let lets allow allows allowed allowing permit permits permitted",
    AS: "as",
    PRON: "he she it they we i you them him us me",
    AND: "and",
    OR: "or",
    GOING: "going",
    IF: "if whether",
    POTENTIAL: "potential possible proposed planned prospective hypothetical would-be putative",
}
_QUOTES = set("\"“”‘’'«»")

#: the words that open a negation's scope (and every ``n't`` contraction)
NEGATION_CUES = frozenset(w for c in (NOT, NOT_BE, NOT_HAVE, NOT_DO, NOT_MODAL, NOT_ABILITY, NO, NEG_PRON, WITHOUT, DENY)
                          for w in _WORDS[c].split())

#: words ending in -ly that are not adverbs ("no more deadly than")
_LY_NOT_ADVERBS = frozenset("""italy family ally assembly supply deadly friendly unfriendly elderly early daily weekly
    monthly yearly hourly costly holy ugly lonely lovely silly likely unlikely orderly cowardly bodily""".split())
#: words ending in -ing that are nouns
_ING_NOUNS = frozenset("""bombing bombings shooting shootings killing killings building meeting briefing hearing
    ruling funding training offering evening morning wedding uprising fighting beheading bloodletting""".split())

_CLASS_OF: dict[str, int] = {}
for _cls, _words in _WORDS.items():
    for _w in _words.split():
        _CLASS_OF.setdefault(_w, _cls)


def word_classes(forms: Sequence[str]) -> np.ndarray:
    """The word class of each lower-cased, normalised token form (straight apostrophes), as int8."""
    out = np.empty(len(forms), dtype=np.int8)
    get = _CLASS_OF.get
    for k, f in enumerate(forms):
        c = get(f)
        if c is None:
            if not f or not f[0].isalnum():
                c = QMARK if f == "?" else QUOTE if f in _QUOTES else PUNCT
            elif f.endswith("n't"):
                c = NOT_DO
            elif f.endswith("ly") and len(f) > 4 and f not in _LY_NOT_ADVERBS:
                c = ADV
            elif f.endswith("ing") and len(f) > 5 and f not in _ING_NOUNS:
                c = ING
            else:
                c = OTHER
        out[k] = c
    return out


# --------------------------------------------------------------------------- negation machine
# states of a negation's scope, walked from the cue to the right
(DEAD, VERB, VERB_MODAL, BE, BARE, NP, NP_DET, NP_COORD, NP_REL, SUBJ_VP, OBJ, LABEL_ARG, CAUSE_ARG, CAUSE_NP,
 REL, DENIED, DENIED_CLAUSE, NO_START, PRON_START, DENIED_DET, DENIED_NP) = range(21)
#: the noun-phrase states again, for a phrase opened by "no" (a negative subject when a verb follows)
_NO = 21
NO_NP, NO_DET, NO_COORD, NO_REL = NP + _NO, NP_DET + _NO, NP_COORD + _NO, NP_REL + _NO
_NP_FAMILY = (NP, NP_DET, NP_COORD, NP_REL)
N_STATES = NO_REL + 1

_SKIP_AUX = {AUX_BE, AUX_HAVE, AUX_DO, MODAL, ABILITY, TO, ADV, GOING, LONGER}
_CONTENT = {OTHER, RELATION, LABEL, CAUSE, DENY, POTENTIAL, ING}


def _after_predicate(cls: int, predicative: bool) -> int:
    """State after the predicate word of class ``cls`` was negated."""
    if cls == LABEL:
        return LABEL_ARG
    if cls == CAUSE:
        return CAUSE_ARG
    if cls == RELATION:
        return REL
    if cls == DENY:
        return DEAD  # a negated denial asserts
    return NP if predicative else OBJ


def _neg_step(state: int, cls: int) -> tuple[int, bool]:
    """(next state, is the token negated) for the token of class ``cls`` in ``state``."""
    if state >= _NO:  # a phrase opened by "no": an auxiliary after it starts its predicate
        if state == NO_NP and cls in _SKIP_AUX and cls != TO:
            return SUBJ_VP, False
        nxt, mark = _neg_step(state - _NO, cls)
        return (nxt + _NO if nxt in _NP_FAMILY else nxt), mark
    if state in (NP, NP_REL, LABEL_ARG) and cls == QUOTE:
        return state, False
    if state == DEAD or cls in (QMARK, QUOTE, PUNCT):
        return DEAD, False
    if state in (VERB, VERB_MODAL):  # after a verbal negation: auxiliaries, then the predicate
        if cls == AUX_HAVE and state == VERB_MODAL:
            return DEAD, False  # "would not have died": the event is presupposed
        if cls == AUX_BE:
            return BE, False
        if cls in _SKIP_AUX:
            return state, False
        if cls in (FOCUS, PARTIAL):
            return DEAD, False
        if cls in (DET, ANY, PRON, OF):
            return NP_DET if cls != PRON else DEAD, False
        if cls in _CONTENT:
            return _after_predicate(cls, False), True
        return DEAD, False
    if state in (BE, BARE):  # after a copula, or with nothing before the cue: a predicative phrase
        if cls in (ADV, AUX_BE, LONGER):
            return state, False
        if cls in (AUX_HAVE, AUX_DO, MODAL, ABILITY, TO, GOING):
            return VERB, False
        if cls in (FOCUS, PARTIAL, FIRST):
            return DEAD, False
        if cls in (DET, ANY):
            return NP_DET, False
        if cls in _CONTENT:
            return _after_predicate(cls, True), True
        return DEAD, False
    if state in (NP_DET, NO_START):  # first word of a negated noun phrase
        if state == NO_START and cls in (IDIOM_NOUN, FIRST, FOCUS):
            return DEAD, False
        if state == NO_START and cls == LONGER:
            return VERB, False
        if state == NP_DET and cls in (FIRST, FOCUS):
            return DEAD, False
        if cls in (ADV,):
            return state, False
        if cls in _CONTENT or cls in (IDIOM_NOUN, FIRST, LONGER):
            nxt = NP_REL if cls == RELATION else NP
            return (nxt + _NO if state == NO_START else nxt), True
        if cls in (DET, ANY):
            return state, False
        return DEAD, False
    if state in (NP, NP_REL, DENIED_NP):  # inside a negated noun phrase
        if cls == QUOTE:
            return state, False
        if state == DENIED_NP and cls == THAT:
            return DENIED_CLAUSE, False  # "refuted the claim that ..."
        if cls == ING:
            return DEAD, False  # "not worth getting killed"
        if cls in _CONTENT or cls == IDIOM_NOUN or cls == FIRST:
            return (NP_REL if cls == RELATION else NP), True
        if cls == OF or (state == NP_REL and cls in (PREP, TO)):
            return NP_DET, False
        if cls in (AND, OR):
            return NP_COORD, False
        return DEAD, False
    if state == NP_COORD:
        if cls in (DET, ANY):
            return NP_DET, False
        if cls in _CONTENT:
            return NP, True
        return DEAD, False
    if state == SUBJ_VP:  # the predicate of a negative subject
        if cls == AUX_BE:
            return SUBJ_VP, False
        if cls in _SKIP_AUX:
            return SUBJ_VP, False
        if cls in _CONTENT:
            return _after_predicate(cls, cls == RELATION), True
        return DEAD, False
    if state == OBJ:  # the object of a negated verb: negated only with "any"
        if cls == ANY:
            return NP_DET, False
        return DEAD, False
    if state == LABEL_ARG:  # "call them terrorists", "describe the group as terrorist"
        if cls in (PRON, DET, ANY, AS, ADV, QUOTE):
            return LABEL_ARG, False
        if cls in _CONTENT:
            return LABEL_ARG, True
        if cls == OF:
            return NP_DET, False
        return DEAD, False
    if state == CAUSE_ARG:  # "let them violate", "allow these groups to operate"
        if cls == PRON:
            return VERB, False
        if cls in (DET, OTHER, ANY):
            return CAUSE_NP, False
        if cls == TO:
            return VERB, False
        return DEAD, False
    if state == CAUSE_NP:
        if cls == TO:
            return VERB, False
        if cls in (DET, OTHER):
            return CAUSE_NP, False
        return DEAD, False
    if state == REL:  # "not related to terror attacks", "guilty of war crimes"
        if cls in (PREP, TO, OF):
            return NP_DET, False
        return DEAD, False
    if state == DENIED:  # right after a denial verb
        if cls == TO:
            return VERB, False
        if cls == THAT:
            return DENIED_CLAUSE, False
        if cls in (DET, ANY):
            return DENIED_DET, False
        if cls in _CONTENT:
            return DENIED_NP, True
        if cls == ADV:
            return DENIED, False
        return DEAD, False
    if state == DENIED_DET:
        if cls in (DET, ADV):
            return DENIED_DET, False
        if cls in _CONTENT:
            return DENIED_NP, True
        return DEAD, False
    if state == DENIED_CLAUSE:  # subject of a denied clause, then its predicate
        if cls in (DET, OTHER, PRON, ADV):
            return DENIED_CLAUSE, False
        if cls in _SKIP_AUX:
            return SUBJ_VP, False
        return DEAD, False
    if state == PRON_START:  # "nobody", "none of ..."
        if cls == OF:
            return NO_DET, False
        if cls in _SKIP_AUX:
            return SUBJ_VP, False
        if cls in _CONTENT:
            return _after_predicate(cls, True), True
        return DEAD, False
    return DEAD, False


_NEG_NEXT = np.zeros((N_STATES, N_CLASSES), dtype=np.int8)
_NEG_MARK = np.zeros((N_STATES, N_CLASSES), dtype=bool)
for _s in range(N_STATES):
    for _c in range(N_CLASSES):
        _NEG_NEXT[_s, _c], _NEG_MARK[_s, _c] = _neg_step(_s, _c)


def _neg_start(cue: int, prev: int, nxt: int) -> int:
    """The state a negation cue of class ``cue`` opens, given the classes before and after it."""
    if cue == NOT:
        if prev == OR:
            return DEAD  # "whether or not"
        if prev in (AUX_BE,):
            return BE
        if prev in (MODAL,):
            return VERB_MODAL
        if prev in (AUX_HAVE, AUX_DO, ABILITY, TO, PRON, OTHER, ADV):
            return VERB  # "he never saw", "Russia never confirmed"
        return BARE  # "Americans, not Russians", "but not the army"
    if cue == NOT_BE:
        return BE
    if cue in (NOT_HAVE, NOT_DO, NOT_ABILITY):
        return VERB
    if cue == NOT_MODAL:
        return VERB_MODAL
    if cue == NO:
        return NO_START
    if cue == NEG_PRON:
        return PRON_START
    if cue == WITHOUT:
        return NP_DET
    if cue == DENY:
        return DENIED
    return DEAD


_NEG_CUES = (NOT, NOT_BE, NOT_HAVE, NOT_DO, NOT_MODAL, NOT_ABILITY, NO, NEG_PRON, WITHOUT, DENY)
_NEG_START = np.zeros((N_CLASSES, N_CLASSES, N_CLASSES), dtype=np.int8)
for _cue in _NEG_CUES:
    for _p in range(N_CLASSES):
        for _n in range(N_CLASSES):
            _NEG_START[_cue, _p, _n] = _neg_start(_cue, _p, _n)

# --------------------------------------------------------------------------- modality
# A modal or future, a condition ("if", "unless", "whether") or a clause-initial "do not" governs the rest of
# its clause, up to a punctuation mark or a clause word; "potential" governs its noun phrase.
(C_DEAD, C_CLAUSE, C_NP) = range(3)
_C_STOP = {PUNCT, QMARK, QUOTE, CLAUSE, AND}


def _clause_step(state: int, cls: int) -> tuple[int, bool]:
    if state == C_DEAD or cls in _C_STOP:
        return C_DEAD, False
    if state == C_NP:  # the noun phrase after "potential"
        if cls in (OTHER, RELATION, NO, OF, DET, ING):
            return C_NP, True
        return C_DEAD, False
    return C_CLAUSE, True


def _tables(step, n_states: int) -> tuple[np.ndarray, np.ndarray]:
    nxt = np.zeros((n_states, N_CLASSES), dtype=np.int8)
    mark = np.zeros((n_states, N_CLASSES), dtype=bool)
    for s_ in range(n_states):
        for c_ in range(N_CLASSES):
            nxt[s_, c_], mark[s_, c_] = step(s_, c_)
    return nxt, mark


_CL_NEXT, _CL_MARK = _tables(_clause_step, 3)

_MOD_START = np.zeros((N_CLASSES, N_CLASSES, N_CLASSES), dtype=np.int8)  # by cue, previous, next class
_MOD_START[[MODAL, NOT_MODAL], :, :] = C_CLAUSE
_MOD_START[ABILITY, :, :] = C_CLAUSE
_MOD_START[ABILITY, :, NOT] = C_DEAD  # "could not verify" is a fact
_MOD_START[:, DET, :] = C_DEAD  # "the will of the people"
_MOD_START[TO, [GOING, AUX_HAVE], :] = C_CLAUSE  # "going to", "have to"
for _p in (PUNCT, QUOTE, QMARK):  # "Do not ...", "Don't ..." opening a clause: a demand
    _MOD_START[[AUX_DO, NOT_DO], _p, :] = C_CLAUSE
_CL_START = np.zeros((N_CLASSES, N_CLASSES, N_CLASSES), dtype=np.int8)
_CL_START[IF, :, :] = C_CLAUSE
_CL_START[POTENTIAL, :, :] = C_NP


# one byte per class: the machines a token of the class starts, and the question mark
_NEG_BIT, _MOD_BIT, _CL_BIT, _Q_BIT = 1, 2, 4, 8
_BITS = np.zeros(N_CLASSES, dtype=np.uint8)
_BITS[list(_NEG_CUES)] |= _NEG_BIT
_BITS[(_MOD_START != 0).any(axis=(1, 2))] |= _MOD_BIT
_BITS[(_CL_START != 0).any(axis=(1, 2))] |= _CL_BIT
_BITS[QMARK] |= _Q_BIT
_IS_STOP = np.zeros(N_CLASSES, dtype=bool)
_IS_STOP[[PUNCT, QUOTE, QMARK]] = True
#: how far back a question mark's clause is looked for
MAX_QUESTION = 40


def _step_table(next_table: np.ndarray, mark_table: np.ndarray) -> np.ndarray:
    """Next state and mark in one look-up: ``2 * next + mark``, flattened by (state, class)."""
    return (next_table.astype(np.int16) * 2 + mark_table).ravel()


_MACHINES = (  # (cue bit, start table, step table, which output)
    (_NEG_BIT, _NEG_START, _step_table(_NEG_NEXT, _NEG_MARK), 0),
    (_MOD_BIT, _MOD_START, _step_table(_CL_NEXT, _CL_MARK), 1),
    (_CL_BIT, _CL_START, _step_table(_CL_NEXT, _CL_MARK), 1),
)


def scope_marks(classes: np.ndarray, segment: np.ndarray | None = None, at: np.ndarray | None = None, *,
                types: np.ndarray | None = None, capital: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Negated and hypothetical flags of the tokens of a token sequence.

    Parameters
    ----------
    classes : numpy.ndarray
        The :func:`word_classes` of the tokens (word and punctuation tokens, in order), or, with ``types``,
        of the token types.
    segment : numpy.ndarray, optional
        A sentence (or document) number per token, non-decreasing: no scope crosses from one to the next.
    at : numpy.ndarray, optional
        Sorted token positions to judge; all tokens when not given.
    types : numpy.ndarray, optional
        The type of each token (an index into ``classes``), so that a corpus's classes are computed once
        per distinct token.
    capital : numpy.ndarray, optional
        Whether each type (each token without ``types``) opens with a capital: a capitalised "Without"
        between two capitalised words is a word of a name ("Doctors Without Borders said"), no negation.

    Returns
    -------
    (negated, hypothetical)
        Two boolean arrays, one value per token judged.
    """
    if types is None:
        types = np.arange(classes.size, dtype=np.int64)
    n = types.size
    at = np.arange(n, dtype=np.int64) if at is None else np.asarray(at, dtype=np.int64)
    out = (np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    if n == 0 or at.size == 0:
        return out[0][at], out[1][at]
    bits = _BITS[classes][types]
    if capital is not None:
        bits = _without_names(bits, classes, types, capital, segment)
    flagged = np.flatnonzero(bits)
    flagged_bits = bits[flagged]
    for bit, starts, step, which in _MACHINES:
        pos = flagged[(flagged_bits & bit) != 0]
        if pos.size == 0:
            continue
        before, after = np.maximum(pos - 1, 0), np.minimum(pos + 1, n - 1)
        prev = np.where(pos > 0, classes[types[before]], PUNCT)
        nxt = np.where(pos < n - 1, classes[types[after]], PUNCT)
        if segment is not None:
            prev = np.where(segment[before] == segment[pos], prev, PUNCT)
            nxt = np.where(segment[after] == segment[pos], nxt, PUNCT)
        state = starts[classes[types[pos]], prev, nxt]
        live = state != 0
        _walk(pos[live], state[live].astype(np.intp), classes, types, segment, step, out[which])
    negated, hypothetical = out[0][at], out[1][at]
    marks = flagged[(flagged_bits & _Q_BIT) != 0]
    if marks.size:
        hypothetical |= _before_question(marks, classes, types, segment)[at]
    return negated, hypothetical


def _before_question(marks: np.ndarray, classes: np.ndarray, types: np.ndarray,
                     segment: np.ndarray | None) -> np.ndarray:
    """Tokens of the clauses that end with the question marks at ``marks``: back to a punctuation mark,
    a quotation mark or the start of the sentence."""
    n = types.size
    out = np.zeros(n, dtype=bool)
    pos, end = marks, marks
    seg = segment[marks] if segment is not None else None
    for _ in range(MAX_QUESTION):
        pos = pos - 1
        keep = pos >= 0
        keep[keep] &= ~_IS_STOP[classes[types[pos[keep]]]]
        if seg is not None:
            keep[keep] &= segment[pos[keep]] == seg[keep]
        pos, end = pos[keep], end[keep]
        seg = seg[keep] if seg is not None else None
        if pos.size == 0:
            break
        out[pos] = True
    return out


def _walk(pos: np.ndarray, state: np.ndarray, classes: np.ndarray, types: np.ndarray,
          segment: np.ndarray | None, step: np.ndarray, out: np.ndarray) -> None:
    """Walk the state machines of the cues at ``pos`` (sorted) to the right, all at once, marking the tokens
    in scope."""
    n = types.size
    seg = segment[pos] if segment is not None else None
    for _ in range(MAX_SCOPE):
        pos = pos + 1
        if pos.size and pos[-1] >= n:
            cut = int(np.searchsorted(pos, n))
            pos, state = pos[:cut], state[:cut]
            seg = seg[:cut] if seg is not None else None
        if pos.size == 0:
            break
        v = step[state * N_CLASSES + classes[types[pos]]]
        keep = v > 1
        mark = (v & 1).astype(bool)
        if seg is not None:
            same = segment[pos] == seg
            mark &= same
            keep &= same
        out[pos[mark]] = True
        pos, state = pos[keep], v[keep] >> 1
        seg = seg[keep] if seg is not None else None


#: "May" written with a capital is a month or a name far more often than a modal opening a sentence ("in May",
#: "Mrs May said"): it governs nothing
_CAPITAL_NOT_MODAL = frozenset({"May"})


def lowered(form: str) -> str:
    """A token as :func:`word_classes` reads it: lower-cased, apostrophes straight; "May" a plain word."""
    if form in _CAPITAL_NOT_MODAL:
        return "_may"
    return form.lower().replace("\u2019", "'").replace("\u02bc", "'")


def _lowered(forms: Sequence[str]) -> list[str]:
    return [lowered(f) for f in forms]


def _without_names(bits: np.ndarray, classes: np.ndarray, types: np.ndarray, capital: np.ndarray,
                   segment: np.ndarray | None) -> np.ndarray:
    """``bits`` with no scope opened by a capitalised "without" between two capitalised words of its sentence."""
    named = np.flatnonzero((classes == WITHOUT) & capital)  # the types "Without" (checked per type, not token)
    if named.size == 0:
        return bits
    pos = np.flatnonzero(np.isin(types, named))
    pos = pos[(pos > 0) & (pos < types.size - 1)]
    if pos.size:
        cap = capital[types[np.concatenate([pos - 1, pos + 1])]]
        inside = cap[:pos.size] & cap[pos.size:]
        if segment is not None:
            inside &= (segment[pos - 1] == segment[pos]) & (segment[pos + 1] == segment[pos])
        bits = bits.copy()
        bits[pos[inside]] = 0
    return bits


def capitalised(forms: Sequence[str]) -> np.ndarray:
    """Whether each of ``forms`` opens with a capital letter (the ``capital`` of :func:`scope_marks`)."""
    return np.fromiter((f[:1].isupper() for f in forms), dtype=bool, count=len(forms))


def judge(forms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Negated and hypothetical flags of the tokens ``forms`` of one sentence.

    Parameters
    ----------
    forms : sequence of str
        The tokens of a sentence as written (words and punctuation, in order); they are lower-cased and
        normalised here.

    Returns
    -------
    (negated, hypothetical)
        Two boolean arrays, one value per token.
    """
    table = _PREJUDGED.get()
    if table is not None:
        got = table.get(tuple(forms))
        if got is not None:
            return got[0].copy(), got[1].copy()
    return scope_marks(word_classes(_lowered(forms)), capital=capitalised(forms))


def judge_all(sentences: Sequence[Sequence[str]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """:func:`judge` of several sentences, in one pass over all their tokens (no scope crosses a sentence).

    Parameters
    ----------
    sentences : sequence of sequences of str
        The tokens of each sentence as written.

    Returns
    -------
    list of (negated, hypothetical)
        One pair of boolean arrays per sentence, equal to ``judge(sentence)``.
    """
    sizes = [len(forms) for forms in sentences]
    if not sizes:
        return []
    low = [f for forms in sentences for f in _lowered(forms)]
    segment = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    negated, hypothetical = scope_marks(word_classes(low), segment,
                                        capital=np.concatenate([capitalised(forms) for forms in sentences]))
    cuts = np.cumsum(sizes)[:-1]
    return list(zip(np.split(negated, cuts), np.split(hypothetical, cuts)))


#: sentences judged ahead by :func:`prejudged`, by their tokens
_PREJUDGED: ContextVar[dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] | None] = ContextVar(
    "_PREJUDGED", default=None)


@contextmanager
def prejudged(sentences: Sequence[Sequence[str]]) -> Iterator[None]:
    """Judge ``sentences`` at once (:func:`judge_all`); inside the block :func:`judge` of one of them is
    looked up instead of computed. For code that judges many short sentences one at a time."""
    sentences = [tuple(forms) for forms in sentences]
    token = _PREJUDGED.set(dict(zip(sentences, judge_all(sentences))) if sentences else {})
    try:
        yield
    finally:
        _PREJUDGED.reset(token)
