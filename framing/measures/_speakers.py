"""Who is speaking: the speaker of a reporting cue, shared by :mod:`framing.measures.attribution` and
:mod:`framing.measures.actors` (whose ``attributed_to`` is the speaker of the cue a label stands under)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from operator import attrgetter

from framing.measures._cues import left_subject, passive_agent
from framing.text.quotes import REPORTING_VERBS
from framing.text.grammar import (
    ADJECTIVE_CONTEXT,
    ADVERBS,
    AUX_BE,
    AUX_OTHER,
    COMPLEMENT_VERBS,
    DAYS,
    IRREGULAR_PAST,
    IRREGULAR_VERBS,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    AFTER_CUES,
    CITING_CUES,
    CLAUSE_WORDS,
    DASH_TOKENS,
    DETERMINERS,
    INVERTING,
    MANNER_ADVERB,
    PREPOSITIONS,
    PRONOUNS,
    REACTING_VERBS,
    RELATIVES,
    STANDING_QUANTIFIERS,
    SUBJECT_PRONOUNS,
    UNNAMED_PEOPLE,
    Token,
    before_party_tag,
    clause_subject,
    finite_at,
    opens_subordinate_clause,
    main_subject,
    np_after,
    np_before,
    np_word,
    person_noun,
    sentence_subject,
    skip_left,
    verb_like,
    without_adverbs,
)


_SO_CALLED = re.compile(r"\bso[\s\-‐‑]*$", re.IGNORECASE)
#: what one does in words when one responds by doing it: the reporting verbs in -ing, and a few more
_SPEAKING = frozenset(w for w in REPORTING_VERBS if w.endswith("ing")) | frozenset(
    "demanding issuing posting releasing lashing slamming telling writing".split())
_NOT_SPEECH_AFTER = {
    # (and what is taken: "claimed territory", "claimed the lives of")
    "claim": re.compile(r"\s+(?:the\s+|full\s+)?(?:responsibility|credit)\b"
                        r"|\s+(?:the\s+|more\s+)?(?:lives|life|territory|land|seats?)\b", re.IGNORECASE),
    "call": re.compile(r"\s+(?:for|on|upon|off|up|in|out)\b", re.IGNORECASE),
    # what was found of someone: "was found dead", "found guilty"
    "found": re.compile(r"\s+(?:dead|alive|guilty|unconscious|unresponsive|hanged|hanging|shot|stabbed|injured|wounded|"
                        r"murdered|beaten)\b", re.IGNORECASE),
    # an act, not words: "Putin responded by giving a football" (not "responded by calling it a stunt")
    "respond": re.compile(r"\s+by\s+(?!(?:" + "|".join(sorted(_SPEAKING)) + r")\b)\w+ing\b", re.IGNORECASE),
    "question": re.compile(r"\s+(?:by|via|over|on\s+the)\s+(?:tele)?phone\b|\s+online\b", re.IGNORECASE),  # a poll's
    # respondents
}
#: "called" names something only with an object and a name for it: a pronoun
#: ("called it a disgrace"), a person's name before a quoted or indefinite label
#: ("called Rubio “Little Marco”", "calling Mitch McConnell a liar") or a noun
#: phrase before a quoted label ("called the plan “a disaster”"); "a group
#: called X", "is called", "called him to congratulate" (a phone call) and
#: "called snap elections" are not attributions
_NAMING_VERBS = frozenset({"called", "calling", "calls"})
_NAMING_AFTER = re.compile(
    r"\s+(?:it|this|that|them|these|those|him|her|himself|herself|themselves)\s+"
    r"(?!(?:to|and|or|on|for|back|after|in|out|up|off|at|from|with|about|over|again|last|yesterday)\b)[\w“\"‘']",
    re.IGNORECASE,
)
_NAMING_NAME = re.compile(
    r"\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?:[A-Z][\w’'\-]*\.?\s+){0,4}[A-Z][\w’'\-]*"
    r"\s+(?:[“\"‘]|(?:a|an)\s+\w)"
    r"|\s+(?:the|this|that|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,3}(?:[“\"‘]|(?:a|an)\s+\w)"
    # a name then an adjective label: "calls Clinton unqualified", "called Trump dangerous"
    r"|\s+(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*\s+"
    r"(?:un|in|ir|im|dis)?[a-z]+(?:ous|ful|ble|ive|ic|ent|ant|less|ish|ified|ate|ary|ory|ist)\b(?![\w’'\-])"
)
#: uses of a reporting word that report no one's words: a commentary's disclaimer ("The views expressed in
#: this commentary are his own"), the idiom "That said,", the writer's "As noted,", "let's say" and "say," for
#: "for example", a qualified figure ("an estimated 200", "a reported 40 people")
_NOT_SPEECH = re.compile(
    r"(?i)(?:\b(?:views|opinions|thoughts)\s+(?P<expressed>expressed)\s+(?:in|here|herein|are)\b"
    r"|(?:^|[.;:!?][”\"’']?\s+|\n)That\s+(?P<said>said),"
    # the writer's supposition or example: "Let's say that Iran breaks ...", "a rifle — say, an AR-15 —", "raise it
    # to, say, three"
    r"|\blet(?:[’']s|\s+us|\s+me)\s+(?P<let>say)\b"
    r"|[—–(,]\s*(?P<example>say),(?!\s*(?:however|though|meanwhile|too|also|nonetheless|instead|again|as|that|"
    r"privately|publicly|then)\b|\s*\w+ly\b)"
    r"|\b(?:to|about|as|with|into|than|like|of|for|from|over|it|not|or|and|is|was|were|be|by),\s*(?P<instance>say),"
    r"|(?:^|[.;:!?(]\s*|\n)As\s+(?P<noted>noted|mentioned|reported|discussed)\s*[,)]"
    r"|\b(?:an|a)\s+(?P<figure>estimated|reported)\s+\d)"
)
#: "what X called", "what he calls": the naming verb's object is the "what" before it
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w’'.\-]+\s+){1,6}\Z", re.IGNORECASE)


_START = attrgetter("start")


def _token_index(tokens: Sequence[Token], starts: Sequence[int], offset: int) -> int:
    """The last token starting at or before ``offset`` (``starts`` are the tokens' starts), -1 if none."""
    return bisect.bisect_right(tokens, offset, key=_START) - 1  # a bisection of the list: no array call per cue


def _span_of(tokens: Sequence[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    return tokens[span[0]].start, tokens[span[1]].end


#: "by" and the agent after a reduced passive ("views expressed by the minister"; not the means: "by phone", "by
#: decree", nor a time: "by January", nor what an active verb did: "India responded by slapping tariffs")
_REDUCED_PASSIVE = re.compile(r"\s+by\s+(?!(?:phone|telephone|e-?mail|text|video|videolink|satellite|letter|"
                              r"teleconference|videoconference|conference\s+call|fax|radio|tweet|twitter|decree|"
                              r"proclamation|executive\s+order|order|press\s+release|news\s+release|mail)\b|\w+ing\b|"
                              r"(?:" + "|".join(sorted(w.title() for w in DAYS | MONTHS)) + r")\b)")
#: nouns for what is said, which a reduced passive follows ("views expressed by", "the measures announced by")
_SAID_THINGS = frozenset("""view views concern concerns comment comments remark remarks statement statements claim
claims sentiment sentiments fear fears doubt doubts objection objections measure measures allegation allegations
criticism criticisms position positions word words opinion opinions idea ideas argument arguments warning warnings
demand demands threat threats accusation accusations assertion assertions charge charges point points question
questions proposal proposals plan plans figure figures estimate estimates finding findings conclusion conclusions
assessment assessments account accounts version stance message messages promise promises pledge pledges""".split())
#: verbs whose active use puts its object first, each with what follows it at once only in the passive: "the man
#: accused of killing", "officials criticized for the response" (active: "accused him of", "criticized them for")
_OBJECT_FIRST = re.compile(r"(?:(?:accused|suspected)\s+of|(?:blamed|criticized|criticised|condemned|praised|faulted)"
                           r"\s+for|(?:denounced|branded|labeled|labelled|described|dubbed)\s+as|charged\s+with|"
                           r"(?:urged|told|ordered)\s+to)\b")
#: "by" and the agent within a few words after such a passive ("accused of bias by the mayor"; not past another
#: participle: "denounced as racist the remarks made by the governor")
_BY_AGENT = re.compile(r"(?:\s+(?![\w’'\-]*ed\b|made\b|given\b|written\b|taken\b|seen\b)[\w’'\-]+){1,6}?"
                       + _REDUCED_PASSIVE.pattern)
#: an active verb whose object follows what it is called ("Experts described as alarming the rise in cases")
_SHIFTED_OBJECT = re.compile(r"\s+as\s+[\w\-]+\s+(?:the|a|an|this|these|those|his|her|its|their)\s")
#: a phrase of going on between subject and verb: "went on to say", "goes on to slam"
_GO_ON = frozenset("go goes went going gone".split())
#: the time a document was made: "a report released Monday", "the poll published last week"
_MADE_WHEN = DAYS | (MONTHS - {"may"}) | frozenset(
    "week month year weeks months years yesterday today morning night evening".split())  # ("may" is a modal)
#: the dashes that close a dateline ("SEOUL (Reuters) -", "WASHINGTON —")
_DATELINE_DASHES = DASH_TOKENS | {"-"}
#: closing quotation marks before an inverted cue ("“...,” said X")
_CLOSING_MARKS = frozenset("” \" ’ '".split())
#: what closes an inverted speaker after a sentence-opening verb ("Asks Smith: ...", "Added the spokesman, “...”")
_SPEAKER_CLOSERS = frozenset(",:.") | _CLOSING_MARKS


def _over_aside(tokens: Sequence[Token], k: int, lo: int, passive: bool) -> tuple[int, bool]:
    """Token ``k`` left of a cue moved over what stands between the subject and its verb: a parenthesis
    ("Sen. Bernie Sanders (I-Vt.) said"), an aside between dashes ("Many speakers — including Jews — said"),
    both ("Steve Scalise (R-La.) — who was shot — argued") or "went on to" ("He went on to say")."""
    if k < lo:
        return k, passive
    left = tokens[k]
    if left.text == ")" or left.text in DASH_TOKENS or left.text == "-" and _spaced(tokens, k):
        # (a hyphen between spaces is a dash: "opponents of the deal - such as some US Republicans - say")
        opening = "(" if left.text == ")" else None
        for c in range(k - 1, max(lo, k - 25) - 1, -1):
            t = tokens[c].text
            if t == opening or opening is None and (t in DASH_TOKENS or t == "-" and _spaced(tokens, c)):
                if c - 1 >= lo and tokens[c - 1].is_word:
                    return c - 1, passive
                if c - 1 >= lo and tokens[c - 1].text == ")" and opening is None:
                    # a party tag before the dashes: "Steve Scalise (R-La.) — who was shot in 2017 — argued"
                    return _over_aside(tokens, c - 1, lo, passive)
                break
            if opening is None and t in ",;:”\"“":
                break
        return k, passive
    if left.low == "to" and k - 2 >= lo and tokens[k - 1].low == "on" and tokens[k - 2].low in _GO_ON:
        return skip_left(tokens, k - 3, lo)
    return k, passive


def _spaced(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` stands between spaces (a hyphen so written is a dash)."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end < tokens[k].start and tokens[k].end < tokens[k + 1].start


#: words that open an aside naming members of the subject ("Critics of the agreement, including Republican
#: lawmakers, say")
_MEMBERS = frozenset("including such like among notably especially".split())


def _aside_of_members(tokens: Sequence[Token], lo: int, k: int) -> int | None:
    """The comma that opens an aside of members before the comma at ``k`` ("Critics, including Republican
    lawmakers and the government of Israel, say"), else None."""
    for c in range(k - 1, max(lo, k - 25), -1):
        if tokens[c].text in ";:“”\"()" or tokens[c].text in DASH_TOKENS:
            return None
        if tokens[c].low in _MEMBERS and tokens[c - 1].text == "," and c - 1 > lo and \
                (tokens[c].low != "such" or c + 1 < k and tokens[c + 1].low == "as"):
            return c - 1
    return None


#: the possessive of a name or noun ("Putin's", "China’s", "the protesters'"), not a contraction ("he's", "it's")
_POSSESSOR = re.compile(r"(?i)(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthat)(?<!\bwho)(?<!\bthere)(?<!\bwhat)(?<!\bhere)"
                        r"(?<!\bwhere)(?<!\blet)['’]s|s['’]")
#: adjectives between a possessive and the noun it owns ("Putin's ironic claim", "the minister's repeated warnings")
_ADJECTIVE = re.compile(r"[a-z]+(?:ic|ous|ive|est|ed|ful|less|able|ible)|new|own|false|latest|first|last|main|"
                        r"earlier|bold|wild|stark|grim|blunt|strong|clear|recent|frequent|persistent|baseless|dubious")


def possessor(tokens: Sequence[Token], k: int, lo: int) -> tuple[int, int] | None:
    """The owner a noun cue's possessive names, over adjectives: "Putin's ironic claim" -> Putin, "to the test
    China’s claim" -> China (a name's possessive is the name's capitalised words alone); None when no possessive
    stands right before the cue's adjectives."""
    j = k
    while j > lo and j > k - 2 and _ADJECTIVE.fullmatch(tokens[j].text):
        j -= 1
    owner = _POSSESSOR.search(tokens[j].text) if j >= lo else None
    if owner is None or owner.end() != len(tokens[j].text):
        return None
    if not tokens[j].is_capitalised:
        return np_before(tokens, j, lo=lo)
    i = j
    while i - 1 >= lo and tokens[i - 1].is_capitalised and tokens[i - 1].is_word:
        i -= 1
    if i - 1 >= lo and tokens[i - 1].low == "the":
        i -= 1  # ("the President's announced plans": the description, as written)
    return i, j


def _comma_in_quote(tokens: Sequence[Token], lo: int, k: int) -> int | None:
    """The comma before the closing quotation mark at ``k`` of a quotation that opens inside the sentence
    ("ISIS, which described Turkey as “the servant of the cross,” said"), else None: a quotation that opens
    the sentence is the speech itself ("“We will win,” said ...")."""
    if k - 1 < lo or tokens[k - 1].text != "," or tokens[k].text not in "”\"’'":
        return None
    for c in range(k - 2, max(lo, k - 40) - 1, -1):
        if tokens[c].text in "“\"‘'":
            return k - 1 if c - 1 >= lo and tokens[c - 1].is_word else None
    return None


def _not_speech(text: str, cue_start: int, cue_end: int, sentence_start: int) -> bool:
    """Is the cue at ``text[cue_start:cue_end]`` one of the uses of :data:`_NOT_SPEECH`?"""
    lo = max(0, sentence_start - 6, cue_start - 20)  # (with the stop before the sentence: ". That said,")
    return any(m.start(m.lastgroup) == cue_start
               for m in _NOT_SPEECH.finditer(text, lo, min(len(text), cue_end + 12)))


def _inverted_name(tokens: Sequence[Token], last: int, hi: int) -> bool:
    """Does a noun phrase that ends its clause follow the cue at token ``last`` ("said the mayor.")?"""
    span = np_after(tokens, last + 1, hi=hi, max_tokens=8)
    return span is not None and (span[1] + 1 >= hi or not tokens[span[1] + 1].is_word)


def _object_relative(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """Is the noun phrase ending at token ``k`` the subject of a clause whose object a relative word before it
    stands for ("a rocket that world leaders described as", "what Greek officials described as"), or the object
    itself is the noun right before the subject ("The outcome the minister described as", "Protesters the
    government labeled as")?"""
    span = np_before(tokens, k, lo=lo)
    if span is None:
        return False
    before = tokens[span[0] - 1] if span[0] - 1 >= lo else None
    if before is not None and before.low in ("that", "which", "what", "whom"):
        return True
    j = k
    while j > lo and tokens[j].is_capitalised:
        j -= 1
    if j < k and j - 1 >= lo and tokens[j - 1].low in DETERMINERS and not tokens[j].is_capitalised and \
            np_word(tokens[j]) and not verb_like(tokens[j]) and not person_noun(tokens[j].text):
        return True  # "The plan Smith described as reckless": a thing, then the name of who described it
    # (a noun right before a phrase that opens with a determiner: the object the clause is about)
    return before is not None and tokens[span[0]].low in DETERMINERS and np_word(before) and \
        not verb_like(before) and before.low not in PREPOSITIONS and before.low not in DETERMINERS


#: words that can stand for no speaker on their own: adverbs and prepositions a subject walk took for one
#: ("so far denied", "however", "amid claims", "let's say"), and words of time ("Three weeks ago", "the weekend")
_NO_SPEAKER_WORDS = frozenset("""there here let let's let’s far so however late early instead rather ever sometimes
either such amid meanwhile thus therefore hence indeed ago weekend weekends morning mornings afternoon evening
night tonight today yesterday tomorrow moment moments minute minutes noon midnight am pm a.m. p.m. et est edt
pdt gmt hour hours day days week weeks month months year years decade decades time
times""".split()) | ADVERBS | DAYS | \
    PREPOSITIONS | (MONTHS - {"may", "april", "june", "august"}) | \
    frozenset("nowhere somewhere anywhere everywhere".split())
#: words before a word of time that leave it one ("this morning", "the same time", "that evening")
_TIME_DETERMINERS = frozenset("the a an this that these those same next last every each".split())
_WORD = re.compile(r"[\w’'.\-]+")


def not_a_speaker(text: str, span: tuple[int, int] | None) -> bool:
    """Whether the words at ``span`` name no one: only adverbs, prepositions, numbers and words of time ("far",
    "however", "Three weeks ago", "late Saturday", "000", "this morning", "the same time", "nowhere"), which a
    subject walk can take for a speaker ("an effort Tehran has so far denied", "Three weeks ago, the head of the
    group acknowledged", "but this morning reported")."""
    if span is None:
        return False
    found = _WORD.findall(text[span[0]:span[1]])
    words = [w.lower() for w in found if w.lower() not in _TIME_DETERMINERS]
    # (an article alone is read with the noun phrase it opens: "an armed militant is seen threatening")
    if not words or words[-1] in NUMBER_WORDS or not all(
            w in _NO_SPEAKER_WORDS or w[:1].isdigit() or w in NUMBER_WORDS for w in words):
        return False
    # a name all the same: "The Day", "This Week", the surname of "Charles Day" or "LaQuita Long"
    return not any(w[:1].isupper() and w.lower() not in DAYS and w.lower() not in MONTHS and (
        k > 0 or re.search(r"[A-Z][\w’'\-]+\s+" + re.escape(w) + r"\b", text)) for k, w in enumerate(found))


def resolve_speaker(
    text: str,
    tokens: Sequence[Token],
    starts: Sequence[int],
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
    if _not_speech(text, cue_start, cue_end, sentence[0]):
        return "skip", None
    for stem, pattern in _NOT_SPEECH_AFTER.items():
        if low.startswith(stem) and pattern.match(after):
            return "skip", None
    if low.endswith("ly") and " " not in low:
        return "skip", None
    if low in _NAMING_VERBS and not _NAMING_AFTER.match(text, cue_end) and not _NAMING_NAME.match(text, cue_end) \
            and not _WHAT_BEFORE.search(text, max(sentence[0], cue_start - 40), cue_start):
        return "skip", None

    lo = _token_index(tokens, starts, sentence[0])
    lo = max(lo, 0)
    if lo < len(tokens) and tokens[lo].start < sentence[0]:
        lo += 1
    hi = _token_index(tokens, starts, sentence[1] - 1) + 1
    first = _token_index(tokens, starts, cue_start)
    lo = _after_dateline(tokens, lo, first)
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
    # "what it called", "what strategist Carl von Clausewitz called": the noun phrase between "what" and the verb
    what = next((w for w in range(prev - 1, max(lo, prev - 7) - 1, -1) if tokens[w].low == "what"), None)
    if what is not None and all(np_word(t) and not verb_like(t) for t in tokens[what + 1:prev + 1]):
        return "ok", _span_of(tokens, (what + 1, prev))

    if low in CITING_CUES:
        # "X, citing Y": X speaks; "Citing Y, X reported": the subject after the comma
        subject = clause_subject(tokens, lo, first)
        closing = next((c for c in range(last + 1, hi) if tokens[c].text == ","), None)
        if subject is None and first - 2 >= lo and tokens[first - 1].text == "," and closing is not None \
                and finite_at(tokens, closing + 1, hi):
            # "Authorities, citing threats, have refused": the subject before the aside the participle opens,
            # whose verb follows the aside
            bounds = [k for k in range(lo, first - 1) if tokens[k].text in ",;:(" or tokens[k].text in DASH_TOKENS]
            span = np_after(tokens, bounds[-1] + 1 if bounds else lo, hi=first - 1, max_tokens=9)
            if span is not None and span[1] == first - 2:
                subject = span
        if subject is None and first == lo and closing is not None:
            subject = np_after(tokens, closing + 1, hi=hi, max_tokens=8)
        return "ok", _span_of(tokens, subject)
    # ("calling on", "taking aim at": a cue of several words is a participle by its verb where a participle clause
    # opens, at the start of the sentence or after a comma or "while"; not "banners calling on", "Democrats are
    # calling for")
    is_participle = low.endswith("ing") and " " not in low or low.split()[0].endswith("ing") and (
        prev < lo or tokens[prev].text == "," or tokens[prev].low in _PARTICIPLE_OPENERS)
    if is_participle:
        said = _skip_adverbs(tokens, prev, lo)
        if said > lo and not tokens[said].is_capitalised and (tokens[said].low in REPORTING_VERBS or
                                                             tokens[said].low in REACTING_VERBS) \
                and not tokens[said].low.endswith("ing"):
            # "Trump responded saying", "She reacted angrily saying": the participle goes on the subject of the verb
            # of saying or reacting right before it
            subject = _subject(tokens, lo, said + 1)
            if subject is not None:
                return "ok", _span_of(tokens, subject)
        # cited X as saying
        if prev >= lo and tokens[prev].low == "as":
            # (past the comma that closes an aside: "quoted a senior cleric, Yousef Tabatabai-Nejad, as saying")
            end = prev - 2 if prev - 1 >= lo and tokens[prev - 1].text == "," else prev - 1
            return "ok", _span_of(tokens, np_before(tokens, end, lo=lo))
        # "The network quotes Gen. Martin Dempsey, chairman of ..., saying": the one quoted; "..., said Risa
        # Grais-Targow, the Latin America director at Eurasia Group, adding": the one named after the verb
        quoted = _named_before_participle(tokens, lo, prev)
        if quoted is not None:
            return "ok", _span_of(tokens, quoted)
        # with X saying ("with the leader of the state Senate saying")
        span = _with_heads(tokens, np_before(tokens, prev, lo=lo), lo)
        if span is not None and span[0] - 1 >= lo and tokens[span[0] - 1].low == "with":
            return "ok", _span_of(tokens, span)
        if prev >= lo and tokens[prev].low in ADJECTIVE_CONTEXT - {"by"} and tokens[prev].low != "with":
            return "skip", None
        aux = _skip_adverbs(tokens, prev, lo)
        end = _skip_adverbs(tokens, aux - 1, lo)
        if aux >= lo and _CONTRACTED_PROGRESSIVE.fullmatch(tokens[aux].low):
            return "ok", _span_of(tokens, (aux, aux))  # "They’re praising": the pronoun, its auxiliary contracted
        if end > lo and tokens[aux].low in _PROGRESSIVE:
            # "This is why so many dissidents are denouncing", "the plan that world powers are proposing": the
            # participle is the verb of the noun phrase right before its auxiliary, in a clause a subordinating
            # word opens
            span = np_before(tokens, end, lo=lo)
            before = tokens[span[0] - 1] if span is not None and span[0] - 1 >= lo else None
            if span is not None and (opens_subordinate_clause(text, tokens[span[0]].start) or (
                    span[0] == span[1] and tokens[span[0]].low in SUBJECT_PRONOUNS and before is not None
                    and before.is_word and np_word(before) and not verb_like(before)
                    and before.low not in PREPOSITIONS and before.low not in DETERMINERS)):
                # (or a pronoun right after a noun, a relative clause without "that": "the policy he is currently
                # defending")
                return "ok", _span_of(tokens, span)
        closing = next((c for c in range(last + 1, hi) if tokens[c].text == ","), None)
        subject = None
        if closing is not None and prev >= lo and (tokens[prev].text == "," or tokens[prev].low in _PARTICIPLE_OPENERS):
            subject = _subject_around_participle(tokens, lo, prev, closing, hi)
        subject = subject or _subject(tokens, lo, first)
        if subject is None and first == lo and closing is not None and tokens[first].text[:1].isupper():
            # "Responding to the cancellation, South Korea's president, Moon Jae-in, urged": a participle clause
            # that opens the sentence goes on the subject after it (past a quotation the comma closes: "Saying that
            # the amendment “should never be an afterthought,” Deal noted")
            after = closing + 1
            while after < hi and tokens[after].text in _CLOSING_MARKS:
                after += 1
            subject = np_after(tokens, after, hi=hi, max_tokens=8)
        if subject is None and prev - 1 > lo and tokens[prev].low in _PARTICIPLE_OPENERS and \
                tokens[prev - 1].text == ",":
            # "Pentagon officials, while decrying the threats, said": the subject the clause interrupts, when it
            # opens the sentence
            span = np_before(tokens, prev - 2, lo=lo)
            subject = span if span is not None and span[0] == lo else None
        if subject is not None or " " not in low:
            return "ok", _span_of(tokens, subject)
        # (a participle of several words with no clause to go on is read as any cue: "the official, pointing to")

    if low.endswith("ed") and low not in INVERTING and _REDUCED_PASSIVE.match(text, cue_end):
        # "views previously expressed by the defense secretary": a reduced passive after a noun for what is said
        # names its speaker after "by" (not "The president announced by tweet": a verb with its subject)
        j = prev
        while j >= lo and (tokens[j].low in ADVERBS or tokens[j].low.endswith("ly")):
            j -= 1
        if j >= lo and tokens[j].low in _SAID_THINGS:
            return "ok", _span_of(tokens, passive_agent(tokens, last, hi))

    if " " not in low and (low.endswith("ed") or low in IRREGULAR_PAST) and _REDUCED_PASSIVE.match(text, cue_end) \
            and _passive_by_context(tokens, prev, lo):
        # "When asked by reporters", "The indictment, first reported by CNN,", "was, separately, labeled by the
        # State Department": a passive whose auxiliary is absent or set apart names its speaker after "by"
        span = passive_agent(tokens, last, hi, reach=1, origin=True)
        if span is not None and not not_a_speaker(text, _span_of(tokens, span)):
            return "ok", _span_of(tokens, span)

    left_of = _skip_adverbs(tokens, prev, lo) if " " not in low and _OBJECT_FIRST.match(text, cue_start) else lo - 1
    if left_of >= lo and tokens[left_of].low not in AUX_OTHER and tokens[left_of].low not in RELATIVES and \
            tokens[left_of].low not in SUBJECT_PRONOUNS and not _object_relative(tokens, left_of, lo) and \
            not _SHIFTED_OBJECT.match(text, cue_end):
        # "Americans accused of travelling to Syria", "arrested in July and accused of", "Obama, often criticized
        # for his caution,": a passive with no auxiliary, the one before it the one accused; its speaker, if any,
        # after "by" (not "the U.S. has accused of", "two men it described as", "a rocket that world leaders
        # described as": an active verb whose object went before)
        m = _BY_AGENT.match(text, cue_end, sentence[1])
        return "ok", (_span_of(tokens, np_after(tokens, _token_index(tokens, starts, m.end()), hi=hi))
                      if m else None)
    k, passive = skip_left(tokens, prev, lo)
    if not (k == prev >= lo and tokens[k].text in DASH_TOKENS and low in INVERTING
            and _inverted_name(tokens, last, hi)):
        # (a dash then "said X." is an inverted speaker: "— said the minister."; not "— has rejected the offer.")
        k, passive = _over_aside(tokens, k, lo, passive)
    if passive:
        # the agent after "by", without where or when it acted ("was criticized by lawmakers over the delay")
        return "ok", _span_of(tokens, passive_agent(tokens, last, hi, reach=1, origin=True))
    if k < lo:
        # sentence-initial cue: an inverting verb ("Said the minister ...", "Says X:") or a preposition ("In a recent
        # poll,"); a verb in -s or -ed only with its speaker closed by a comma, a colon or the sentence's end ("Asks
        # Smith: ...", "Added the spokesman: “...”"); not an adjective ("Alleged bases ...", "Reported cases rose"),
        # a noun ("Calls for reform grew", "Estimates differ"), an imperative ("Condemn it now.") or a heading
        # ("Talking about sanctions")
        if low.split()[0] == "reports" and last > first:
            return "ok", _span_of(tokens, (first, first))  # "Reports that militants ...": unnamed reports speak
        verb_form = " " not in low and (low.endswith("ed") and low in INVERTING or low.endswith("s") and (
            low in REPORTING_VERBS or low[:-1] in REPORTING_VERBS))
        span = np_after(tokens, last + 1, hi=hi, max_tokens=8) \
            if low in INVERTING or low.split()[0] in PREPOSITIONS or verb_form else None
        closed = span is not None and (span[1] + 1 >= hi or tokens[span[1] + 1].text in _SPEAKER_CLOSERS)
        if span is not None and (closed or not verb_form and not low.endswith("ed")):
            return "ok", _span_of(tokens, span)
        return "skip", None
    left = tokens[k]
    if left.low in RELATIVES or (left.low == "that" and k - 1 >= lo and tokens[k - 1].is_word):
        # "Kugelman, who said": the antecedent of the relative pronoun
        j = k - 2 if k - 1 >= lo and tokens[k - 1].text == "," else k - 1
        j = before_party_tag(tokens, j, lo)  # "Sen. Susan Collins, R-Maine, who said": the name
        span = np_before(tokens, j, lo=lo)
        if span is not None and all(t.low in _MADE_WHEN for t in tokens[span[0]:span[1] + 1]) and \
                span[0] - 2 >= lo and verb_like(tokens[span[0] - 1]):
            span = np_before(tokens, span[0] - 2, lo=lo)  # "the document delivered Thursday, which revealed"
        be = _skip_adverbs(tokens, j - 2, lo) if j - 2 > lo and tokens[j].low == "those" \
            and tokens[j - 1].low == "among" else lo - 1
        if be > lo and tokens[be].low in AUX_BE and not any(t.low in NEGATIONS for t in tokens[be + 1:j - 1]):
            # "Mofaz was (also) among those who said": the subject that is among them
            span = np_before(tokens, skip_left(tokens, be - 1, lo)[0], lo=lo)
        of = next((c for c in range(j - 1, span[0], -1) if tokens[c].low == "of"), None) if span else None
        if left.low == "who" and of is not None and not tokens[of - 1].is_capitalised and \
                not person_noun(tokens[of - 1].text) and person_noun(tokens[j].text):
            span = (of + 1, j)  # "the objections of lawyers who warned": the people "who" stands for
        if span is not None and left.low == "who" and j == k - 2:
            # "Susan Rice, the U.S. ambassador to the United Nations, who called": the name the description
            # between commas describes, not the body its last words name
            c = next((c for c in range(span[0] - 1, lo, -1) if tokens[c].text in ",;:"), None)
            if c is not None and tokens[c].text == "," and c + 1 < span[0] and tokens[c + 1].low in ("the", "a", "an"):
                name = np_before(tokens, c - 1, lo=lo)
                if name is not None and tokens[name[1]].is_capitalised:
                    span = name
        return "ok", _span_of(tokens, span)
    if left.low in ("and", "or", "but"):
        subject = _subject(tokens, lo, k) or sentence_subject(tokens, lo, k)
        return "ok", _span_of(tokens, subject)
    # (not before an inverted speaker: "..., especially in situations as laden as this, says Thomas Zeitzoff")
    inverted = low in INVERTING and last + 1 < hi and tokens[last + 1].is_capitalised
    aside = _aside_of_members(tokens, lo, k) if left.text == "," and not inverted else None
    if aside is not None and (subject := np_before(tokens, aside - 1, lo=lo)) is not None:
        # "Critics of the agreement, including Republican lawmakers, say": the subject before the members named
        return "ok", _span_of(tokens, subject)
    if left.text in (",", "”", "\"", "’", "'") or left.text in DASH_TOKENS or (left.text in ",”\"" and k == prev):
        # inverted: "..., said X" / "“...,” read the statement"
        # (not after a subject and its appositive, no clause: "Smith, the chief executive, said the plan works")
        # (nor after an auxiliary: "Iran has denied it, has warned lawmakers to stay away")
        span = np_after(tokens, last + 1, hi=hi, max_tokens=12) \
            if low in INVERTING and not (left.text == "," and _appositive_before(tokens, lo, k)) \
            and not any(t.low in AUX_OTHER for t in tokens[k + 1:first]) else None
        known = span is not None and span[0] < span[1] and tokens[span[1]].low in _PEOPLE_AFTER \
            and not tokens[span[1]].is_capitalised  # (not a name: "said actress Glenn Close")
        if known:
            span = span[0], span[1] - 1  # "said officials familiar with the talks": the people, not what they know
        if span is not None:
            span = _before_circumstance(tokens, span)
        if span is not None and span[0] == span[1] and tokens[span[0]].low in DAYS:
            span = None  # "..., said Monday in introducing the bill", "said Sunday on ABC's": a day, no speaker
        # (a name whose body runs past the words a speaker may take keeps to the name: "says Karim Sadjapour at the
        # Carnegie Endowment for International Peace, who")
        name = next((c - 1 for c in range(span[0] + 1, span[1] + 1) if tokens[c].low in _BODY_LINKS
                     and tokens[c - 1].is_capitalised), None) if span is not None else None
        for span in [span] + ([(span[0], name)] if name is not None else []):
            if span is not None and (tokens[span[0]].is_capitalised or tokens[span[0]].low in DETERMINERS | PRONOUNS
                                     or tokens[span[1]].is_capitalised  # "said neighbor Evan Weron"
                                     or _unnamed_people(tokens, span)):  # "..., say experts"
                span = _with_conjunct(tokens, span, hi)  # "..., say their relatives and lawyers"
                nxt = span[1] + 1
                possessive = nxt + 1 < hi and tokens[nxt].text in ("’", "'") \
                    and tokens[nxt].start == tokens[span[1]].end and tokens[nxt + 1].is_word
                # (nor a subject and its verb: "Smith, the chief executive, said the company plans to expand")
                verb = _ends_in_verb_and_infinitive(tokens, span, hi)
                if not possessive and not verb and (nxt >= hi or not tokens[nxt].is_word or tokens[nxt].low in (
                        "in", "on", "at", "during", "told", "to", "with", "of", "from", "for")
                        or tokens[nxt].low in _PEOPLE_AFTER and not tokens[nxt].is_capitalised
                        and (known or _unnamed_people(tokens, span))):
                    # (not a possessive: "D-Calif., on Friday warned the militants’ next target may be": the object)
                    return "ok", _span_of(tokens, span)
        comma = k if left.text == "," else _comma_in_quote(tokens, lo, k)
        if comma is not None:
            # "X, an appositive, warned": the noun phrase before the first comma; "... since Clinton, at
            # Monday's debate, cited": before the aside
            subject = left_subject(tokens, lo, comma)
            if subject is not None:
                return "ok", _span_of(tokens, subject)
        if left.text in (",", "”", "\"") and any(t.low in _PERFECT for t in tokens[k + 1:first]):
            # "Trump has described it as a “witch hunt,” has accused the counsel of conflicts": a predicate in a
            # series, whose auxiliary no inverted speaker takes, goes on the clause's subject; within what a verb
            # reports, on the reported clause's ("She reported that he was abusing drugs, had talked about ...")
            that = next((t for t in range(k - 1, lo, -1) if tokens[t].low == "that" and any(
                verb_like(v) or v.low in REPORTING_VERBS for v in tokens[max(lo, t - 3):t])), None)
            # (not when the verb before "that" has the series' auxiliary: "Trump has insisted that ..., has accused")
            subject = np_after(tokens, that + 1, hi=k) if that is not None and not any(
                t.low in _PERFECT for t in tokens[max(lo, that - 4):that]) else None
            return "ok", _span_of(tokens, subject or main_subject(tokens, lo, k + 1 if left.text == "," else k))
        return "ok", None
    if k == prev and left.low in STANDING_QUANTIFIERS and (
            k == lo or tokens[k - 1].low in ("and", "but", "or") or tokens[k - 1].text in _OPENING_MARKS) and \
            not _adjective_after_quantifier(tokens, last, hi):
        # "Some said", "but many say": a quantifier standing alone for unnamed people (not one set after a
        # name: "the foreign secretary, Boris Johnson, both described")
        return "ok", _span_of(tokens, (k, k))
    if k == prev and left.low in ADJECTIVE_CONTEXT:
        return "skip", None
    if k < prev and verb_like(left) and left.low.endswith("ed") and k - 1 >= lo \
            and any(t.low in _MADE_WHEN for t in tokens[k + 1:prev + 1]) \
            and tokens[k - 1].low not in PRONOUNS and (not tokens[k - 1].is_capitalised or k - 1 == lo):
        # "The CNN/SSRS poll released on Wednesday found", "a report published Monday said": the noun phrase
        # before a past participle and the time it was made (not "has faced widely reported racism", nor the
        # maker in "The report he released Monday said", "The company Smith founded last year said")
        span = np_before(tokens, k - 1, lo=lo)
        if span is not None:
            return "ok", _span_of(tokens, span)
    span = possessor(tokens, k, lo) or np_before(tokens, k, lo=lo)
    if span is None:
        if low.endswith("ed") or low in ("said", "told", "wrote"):
            # "attacked alleged bases": an adjective, not a report
            if verb_like(left) or not left.is_word:
                return "skip", None
        return "ok", None
    return "ok", _span_of(tokens, _past_relative(tokens, lo, _participle_relative(tokens, lo, span)))


#: marks inside a description ("Employees' Association", "U.S.", "AT&T", "Coca-Cola")
_IN_NAMES = frozenset("' ’ . & -".split())
#: words that open a clause inside an aside ("Saste, who travelled for 24 hours,")
_CLAUSE_MARKERS = frozenset("who whom whose which that when where because if".split())
#: prepositions that join a named speaker to the body it belongs to ("Karim Sadjapour at the Carnegie Endowment")
_BODY_LINKS = frozenset("at of from with for".split())
#: prepositions that open where, when or in what one spoke
_CIRCUMSTANCE = frozenset("at in on during".split())
#: auxiliaries of a verb in the perfect ("has accused", "had warned")
_PERFECT = frozenset("has have had".split())
#: what may follow unnamed people named after an inverted verb ("said officials familiar with the talks", "say
#: analysts who follow the region")
_PEOPLE_AFTER = frozenset("who familiar close speaking".split())


def _before_circumstance(tokens: Sequence[Token], span: tuple[int, int]) -> tuple[int, int]:
    """An inverted speaker without where, when or in what it spoke: a time ("said Smith on Monday"), a possessive
    ("at AFRICOM’s ceremony") or a phrase with no name ("said Robert Gates at the ceremony", "said the ministry in a
    statement on Tuesday", "said witnesses at the scene"); not a body it belongs to ("said a diplomat at the Chinese
    embassy", "said Nikolai Petrov at the Russian Academy of Sciences"), nor a body's own prepositions ("the Council
    on Foreign Relations")."""
    for c in range(span[0] + 1, span[1]):
        nxt = tokens[c + 1]
        if tokens[c].low not in _CIRCUMSTANCE:
            continue
        if nxt.low in DAYS or nxt.low in MONTHS or nxt.low[:1].isdigit() or nxt.low.endswith(("’s", "'s")):
            return span[0], c - 1
        if nxt.low in DETERMINERS:
            phrase = next((e for e in range(c + 2, span[1] + 1) if tokens[e].low in PREPOSITIONS), span[1] + 1)
            if not any(t.is_capitalised for t in tokens[c + 2:phrase]):
                return span[0], c - 1
    return span


def _appositive_before(tokens: Sequence[Token], lo: int, comma: int) -> bool:
    """Whether the words before ``comma`` are a subject and an aside set off by commas, an appositive or a phrase
    with no verb of its own ("Smith, the chief executive,", "Jones, 45,", "Democrats, aided by Republicans,"): no
    clause a verb after them could report."""
    if lo < comma and tokens[lo].low in ("and", "but", "so", "yet", "or"):
        lo += 1  # "But Democrats, aided by Republicans,"
    subject = sentence_subject(tokens, lo, comma + 1)
    if subject is None or subject[1] + 2 >= comma or any(t.text == "," for t in tokens[subject[1] + 2:comma]):
        return False
    opening = tokens[subject[1] + 2]
    if verb_like(opening) or opening.low in PREPOSITIONS:
        return True  # "Democrats, aided by a handful of Republicans,", "Clinton, in a call to the prime minister,"
    aside = np_after(tokens, subject[1] + 2, hi=comma)
    if aside is not None and aside[1] == comma - 1:
        return True
    # (a description that holds a possessive or a number: "general secretary of the All India Bank Employees'
    # Association"), with no verb or clause of its own
    words = tokens[subject[1] + 2:comma]
    return not opening.is_capitalised and all(t.is_word or t.text in _IN_NAMES for t in words) \
        and not any(t.low in AUX_BE or t.low in AUX_OTHER or t.low in _CLAUSE_MARKERS or t.low in REPORTING_VERBS
                    for t in words)


def _ends_in_verb_and_infinitive(tokens: Sequence[Token], span: tuple[int, int], hi: int) -> bool:
    """Whether the lower-case word in -s that ends a noun phrase is its verb, an infinitive after it ("the company
    plans to expand", "each case needs to be judged"; not "the officials to reporters", "the minister to the
    press")."""
    last, to = tokens[span[1]], span[1] + 1
    if span[0] == span[1] or last.is_capitalised or not last.low.endswith("s") \
            or last.low.endswith(("ss", "’s", "'s")):
        return False
    if to + 1 >= hi or tokens[to].low != "to":
        return False
    after = tokens[to + 1]
    return after.is_word and not after.is_capitalised and not after.low.endswith("s") \
        and after.low not in DETERMINERS | PRONOUNS


def _unnamed_people(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    """Whether a noun phrase with no name heads on unnamed people ("experts", "Western diplomats", "their
    relatives"), who can speak after an inverted verb."""
    head = tokens[span[1]]
    return not head.is_capitalised and (head.low in UNNAMED_PEOPLE or head.low.endswith("s") and person_noun(head.low))


def _with_conjunct(tokens: Sequence[Token], span: tuple[int, int], hi: int) -> tuple[int, int]:
    """Unnamed people after an inverted verb with the unnamed people "and" or "or" joins to them ("say relatives
    and lawyers", "said analysts and diplomats"); a name keeps to itself ("said Smith and his lawyer")."""
    k = span[1] + 1
    if k + 1 >= hi or tokens[k].low not in ("and", "or") or not _unnamed_people(tokens, span):
        return span
    second = np_after(tokens, k + 1, hi=hi, max_tokens=6)
    if second is not None and second[0] == k + 1 and _unnamed_people(tokens, second):
        return span[0], second[1]
    return span


def _subject_around_participle(tokens: Sequence[Token], lo: int, prev: int, closing: int,
                               hi: int) -> tuple[int, int] | None:
    """The subject of the clause a participle set off by commas goes on, the participle after ``prev`` (a comma or
    a word that opens it) and its clause closed by the comma ``closing``: the noun phrase that opens the sentence
    before it, when a verb follows the closing comma ("Trump, announcing Pompeo's visit, had hinted"); the noun
    phrase after the closing comma, when a verb follows that and only a short phrase with no verb or pronoun stands
    before the participle, of time or circumstance ("In late May, claiming that ..., Putin signed", "A day after
    saying that ..., Corker called", "Despite the protests, insisting that ..., the mayor went ahead")."""
    if tokens[prev].text == "," and finite_at(tokens, closing + 1, hi):
        span = np_after(tokens, lo, hi=prev, max_tokens=9)
        return span if span is not None and span[1] == prev - 1 and tokens[span[0]].is_capitalised else None
    intro = tokens[lo:prev]
    if not intro or len(intro) > 6 or any(not t.is_word or verb_like(t) or t.low in PRONOUNS or not t.is_capitalised
                                          and (t.low in AUX_BE or t.low in AUX_OTHER or t.low in IRREGULAR_PAST)
                                          for t in intro):
        return None
    span = np_after(tokens, closing + 1, hi=hi, max_tokens=8)
    return span if span is not None and finite_at(tokens, span[1] + 1, hi) else None


_QUOTING = frozenset("quotes quoted quoting".split())
#: words that open a participle clause after its main clause ("..., while calling on Congress")
_PARTICIPLE_OPENERS = frozenset("while when after before by".split())
#: the auxiliaries of a progressive verb ("are saying")
_PROGRESSIVE = frozenset("is are was were am".split())
#: a pronoun with a progressive's auxiliary contracted ("they’re saying", "she's claiming")
_CONTRACTED_PROGRESSIVE = re.compile(r"(?:he|she|it|they|we|i|you)[’'](?:re|s|m)")


def _after_dateline(tokens: Sequence[Token], lo: int, hi: int) -> int:
    """The first token after a dateline that opens the sentence ("SEOUL (Reuters) -", "WASHINGTON —"), else
    ``lo``: the place and the agency are no subject."""
    k = lo
    while k < hi and (tokens[k].text.isupper() and len(tokens[k].text) > 1 or k > lo and tokens[k].text == ","):
        k += 1
    if k == lo:
        return lo
    agency = k < hi and tokens[k].text == "("
    if agency:
        k = next((c + 1 for c in range(k, hi) if tokens[c].text == ")"), hi)
    if not (k < hi and tokens[k].text in _DATELINE_DASHES):
        return lo
    # (no aside between dashes: "NATO — which has 29 members — said" names its subject)
    return k + 1 if agency or not any(t.text in _DATELINE_DASHES for t in tokens[k + 1:hi]) else lo


def _skip_adverbs(tokens: Sequence[Token], k: int, lo: int) -> int:
    """The token at or left of ``k`` that is no adverb or negation ("are also", "were not", "is currently")."""
    while k >= lo and (tokens[k].low in ADVERBS or tokens[k].low in NEGATIONS or MANNER_ADVERB.fullmatch(tokens[k].text)):
        k -= 1
    return k


#: words after which a participle is passive with no auxiliary of its own ("when asked by", "as reported by")
_BEFORE_PASSIVE = frozenset("when as if once unless until although though while after before than".split())


def _passive_by_context(tokens: Sequence[Token], prev: int, lo: int) -> bool:
    """Whether a participle right after token ``prev`` is passive by what stands before it: nothing (it opens the
    sentence: "Asked by reporters, ..."), a subordinating word ("when asked by"), a comma after a noun phrase ("The
    indictment, first reported by CNN,") or an auxiliary set apart by an aside of adverbs ("was, separately,
    labeled by"); not a subject ("The plan announced by", left to the subject walk) nor an auxiliary right before
    it (read as any passive)."""
    k = _skip_adverbs(tokens, prev, lo)
    if k >= lo and tokens[k].text == ",":
        inner = _skip_adverbs(tokens, k - 1, lo)
        if inner < k - 1 and inner >= lo and tokens[inner].text == ",":
            # an aside of adverbs only (", separately,"): read on before it
            k = _skip_adverbs(tokens, inner - 1, lo)
            return k < lo or tokens[k].low in AUX_BE or tokens[k].low in _BEFORE_PASSIVE
        return k - 1 >= lo and np_word(tokens[k - 1]) and not verb_like(tokens[k - 1])
    # (an auxiliary right before it is the passive the subject walk reads: "was condemned by the government in
    # Ankara")
    return k < lo or tokens[k].low in _BEFORE_PASSIVE


def _named_before_participle(tokens: Sequence[Token], lo: int, prev: int) -> tuple[int, int] | None:
    """The noun phrase that a participle cue right after it (token ``prev`` + 1) reports: after "quotes" /
    "quoted" ("quotes Gen. Martin Dempsey, chairman of the Joint Chiefs, saying") or after an inverted reporting
    verb ("..., said Risa Grais-Targow, the Latin America director at Eurasia Group, adding"), or None."""
    for q in range(prev - 1, max(lo, prev - 25) - 1, -1):
        # (inverted after a quotation: "“...,” said X" or "“...” — said X", not "X, an aide, said Y")
        inverted = tokens[q].low in INVERTING and q - 1 >= lo and (
            tokens[q - 1].text in _CLOSING_MARKS or tokens[q - 1].text in (",", *DASH_TOKENS) and q - 2 >= lo
            and tokens[q - 2].text in _CLOSING_MARKS)
        if tokens[q].low not in _QUOTING and not inverted:
            continue
        span = np_after(tokens, q + 1, hi=prev + 1, max_tokens=8)
        if span is None:
            return None
        rest = tokens[span[1] + 1:prev + 1]
        # nothing between the name and the cue, or an apposition set off by commas
        if not rest or rest[0].text == "," and rest[-1].text == "," and all(t.text != "," for t in rest[1:-1]):
            return span
        return None
    return None


def _subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the clause a participle or a coordinated verb at token ``hi`` goes on: the clause's
    subject when a finite verb follows it, else the subject of the last clause before ``hi`` that has one
    ("Trump claimed “...”, condemned “an illegal takedown” and accused" -> Trump, not the takedown)."""
    subject = without_adverbs(tokens, clause_subject(tokens, lo, hi))
    m = subject[0] - 1 if subject is not None else lo - 1
    if m >= lo and (tokens[m].text in ("“", "‘") or tokens[m].text == '"' and tokens[m].end == tokens[m + 1].start
                    and (m == 0 or tokens[m - 1].end < tokens[m].start)):
        # words a quotation opens with are no subject of the narrator's clause ("it is “very worried”", 'told
        # MSNBC's "Meet the Press" that'; a straight mark opens when it is set against the word after it)
        subject = None
    if subject is not None and finite_at(tokens, subject[1] + 1, hi):
        return subject
    return main_subject(tokens, lo, hi) or subject


#: words in -ing that are nouns or prepositions, no participle after a noun ("during", "the killing"), besides those
#: grammar's ``verb_like`` knows ("the building", "the meeting")
_NOT_PARTICIPLES = frozenset("""during including according regarding concerning following notwithstanding excluding
killing wedding spending nothing something anything everything ceiling setting warning rating being spring sibling
darling kidnapping beheading uprising crossing landing handling fighting sentencing stabbing lobbying flooding looting
voting trading rioting shelling polling campaigning""".split())


def _participle_relative(tokens: Sequence[Token], lo: int, span: tuple[int, int]) -> tuple[int, int]:
    """The noun phrase a present participle describes, with what the participle governs: "the agent leading the
    investigation said", "a lawyer representing the family said", "officials investigating the attack said" ->
    the whole phrase, not "the investigation"; ``span`` itself when no participle stands right before it."""
    p = span[0] - 1
    if p - 1 < lo or tokens[span[0]].low not in DETERMINERS:
        return span  # (not "Lawyers representing Smith": the name is read as the source)
    part = tokens[p]
    if not (part.is_word and part.low.isalpha() and part.low.endswith("ing") and verb_like(part)
            and part.low not in _NOT_PARTICIPLES):
        return span
    head = tokens[p - 1]
    if not head.is_word or head.low in DETERMINERS or head.low in PRONOUNS or head.low in CLAUSE_WORDS \
            or head.low in ADVERBS or verb_like(head) or head.low.endswith(("ly", "'s", "’s")):
        return span
    noun = np_before(tokens, p - 1, lo=lo)
    if noun is None or noun[1] != p - 1 or any(t.low in PREPOSITIONS for t in tokens[max(lo, noun[0] - 1):p]):
        # ("After heavy fighting the army said", "At Monday's sentencing the judge said": an event opening the
        # sentence, no participle)
        return span
    return noun[0], span[1]


def _past_relative(tokens: Sequence[Token], lo: int, span: tuple[int, int]) -> tuple[int, int]:
    """The subject a relative clause that ends with ``span`` describes: "one GOP state committee member who
    traveled to Charlotte for the meeting noted" -> the member, not Charlotte; ``span`` itself when no "who" or
    "which" opens a clause before it, and the words from the pronoun on when no verb stands between ("the
    reasons, which lawmakers from both parties have criticized" -> "lawmakers from both parties"); the noun a
    participle and its preposition describe ("A senior U.S. intelligence official involved in regional security
    issues said" -> the official)."""
    p = span[0] if tokens[span[0]].low in PREPOSITIONS else span[0] - 1  # ("on condition of anonymity")
    noun = tokens[p - 2] if p - 2 >= lo else None
    common = noun is not None and (noun.text.islower() or p - 2 == lo and noun.text[1:].islower())
    people = noun is not None and (person_noun(noun.text) or noun.low in _PEOPLE_WORDS)
    participle = p - 1 >= lo and (
        verb_like(tokens[p - 1]) and tokens[p - 1].low.endswith("ed") or tokens[p - 1].low in _DESCRIBING
        or people and verb_like(tokens[p - 1]) and tokens[p - 1].low.endswith("ing")
        and tokens[p - 1].low not in _NOT_PARTICIPLES)
    if common and participle and tokens[p].low in PREPOSITIONS and np_word(noun) and not verb_like(noun) \
            and noun.low not in PRONOUNS and noun.low not in RELATIVES and noun.low != "that" \
            and (tokens[p].low != "by" or people):
        # (a common noun, not "I listened to an American guide tell"; a thing made by someone speaks for its
        # maker, "techniques employed by the State Police reveal", a person so described for themselves, "A lawyer
        # hired by the police union insisted")
        return np_before(tokens, p - 2, lo=lo) or span
    for r in range(span[0] - 1, max(lo, span[0] - 12) - 1, -1):
        t = tokens[r]
        if t.low in RELATIVES or t.low == "whom" or t.low == "that" and _relative_that(tokens, r, lo):
            # ("A man who lives nearby said": words after "who" before the cue are its verb and what follows it;
            # "a man who police said", "officials, who she said": one word, a pronoun or a name is the clause's own
            # subject)
            verb_after_who = t.low == "that" or t.low == "who" and tokens[r + 1].low not in PRONOUNS and not tokens[r + 1].is_capitalised \
                and (span[1] > r + 1 or verb_like(tokens[r + 1]))
            if not verb_after_who and not any(verb_like(x) or x.low in IRREGULAR_PAST for x in tokens[r + 1:span[1] + 1]):
                # "which lawmakers from both parties have criticized": the phrase is the clause's own subject
                return (r + 1, span[1])
            j = r - 2 if r - 1 >= lo and tokens[r - 1].text == "," else r - 1
            found = np_before(tokens, j, lo=lo)
            if t.low == "that" and found is not None:
                # ("the chairmen of the committees that requested the documents said": the chairmen; "A white
                # supremacist suspected in shootings at two mosques that killed 49 people posted": the supremacist)
                found = _past_relative(tokens, lo, _with_heads(tokens, found, lo))
            return found or span
        if not t.is_word or t.low in _RELATIVE_CLAUSE_OPENERS or t.low in COMPLEMENT_VERBS:
            return span
    return span


def _with_heads(tokens: Sequence[Token], span: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
    """A noun phrase widened to the phrases it hangs on by "of", "for", "at" or "from" ("the leader of the state
    Senate", "members of the board")."""
    while span is not None and span[0] - 2 >= lo and tokens[span[0] - 1].low in ("of", "for", "at", "from"):
        head = np_before(tokens, span[0] - 2, lo=lo)
        if head is None:
            break
        span = (head[0], span[1])
    return span


def _object_of_verb(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """Whether the noun phrase ending at token ``k`` follows a verb, as its object ("told reporters", "reminded
    jurors")."""
    span = np_before(tokens, k, lo=lo)
    if span is None or span[0] - 1 < lo:
        return False
    before = tokens[span[0] - 1]
    return not before.is_capitalised and (verb_like(before) and before.low.endswith("ed")
                                          or before.low in IRREGULAR_PAST or before.low in REPORTING_VERBS)


#: words after which a verb form is a noun ("other states", "the claims")
_BEFORE_NOUN = DETERMINERS | NUMBER_WORDS | frozenset("other such".split())


def _relative_that(tokens: Sequence[Token], r: int, lo: int) -> bool:
    """Whether "that" at token ``r`` opens a relative clause on the noun before it, its verb in the past right
    after it ("the group that organized the walkout", "members of the board that helped select"), not a
    complement ("said that", "now that")."""
    if r - 1 < lo or r + 2 >= len(tokens):
        return False
    noun, verb = tokens[r - 1], tokens[r + 1]
    if not (tokens[r + 2].is_word and tokens[r + 2].text[:1].islower()) or _object_of_verb(tokens, r - 1, lo):
        # "told reporters that ousted President Morsi said": a past form before a name is its adjective, and a
        # clause after a verb's object is what was told
        return False
    return noun.is_word and np_word(noun) and not verb_like(noun) and noun.low not in ADVERBS \
        and noun.low not in PRONOUNS and (noun.low not in COMPLEMENT_VERBS and noun.low not in REPORTING_VERBS
                                          or r - 2 >= lo and tokens[r - 2].low in _BEFORE_NOUN) \
        and (verb.low in IRREGULAR_PAST or verb.low in IRREGULAR_VERBS or verb_like(verb) and verb.low.endswith("ed"))


#: nouns for people that no ending shows ("officials speaking on condition of anonymity")
_PEOPLE_WORDS = frozenset("people official officials source sources staff police personnel troops".split())
#: adjectives that, with a preposition, describe the noun before them ("officials close to the talks")
_DESCRIBING = frozenset("familiar close loyal opposed critical".split())
#: words after a participle that leave it a verb ("Some claimed that", "Many reported to police")
_AFTER_VERB = DETERMINERS | PRONOUNS | PREPOSITIONS | CLAUSE_WORDS | frozenset("out up back".split())
#: verbs that follow a plural noun a quantifier opens ("Some estimates put ...", "Most polls show ...")
_VERBS_AFTER_NOUN = frozenset("put puts say show shows suggest find found indicate fail".split())
#: marks that open a clause before its subject
_OPENING_MARKS = frozenset("“ \" ( — – ―".split())


def _adjective_after_quantifier(tokens: Sequence[Token], last: int, hi: int) -> bool:
    """Whether the cue ending at token ``last`` is no verb after a quantifier: a participle that modifies the
    lower-case noun after it ("Many reported cases", "Some alleged abuses", "Several claimed victories"), or a
    plural noun that a verb follows ("Some estimates put", "Most recalls actually fail")."""
    word = tokens[last].low
    nxt = tokens[last + 1] if last + 1 < hi else None
    if nxt is None or not nxt.is_word:
        return False
    if word.endswith("ed"):
        return not nxt.is_capitalised and nxt.low not in _AFTER_VERB
    return word.endswith("s") and (verb_like(nxt) or nxt.low.endswith("ly") or nxt.low in _VERBS_AFTER_NOUN)


#: words that open a clause of their own between a relative pronoun and a cue ("who said that ...")
_RELATIVE_CLAUSE_OPENERS = frozenset(
    "that when where while because if but and or although though whether so as".split())
