"""Reporting cues: who is addressed, where a name after "according to" ends, and the speaker rules
:mod:`framing.measures.attribution` adds to the shared ones of :mod:`framing.measures._speakers`.

Every function works on the tokens of one sentence (:func:`framing.text.grammar.tokenize`) and returns
token index ranges ``(i, j)`` (inclusive), or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.text.grammar import (
    ADVERBS,
    AUX_BE,
    CLAUSE_WORDS,
    DAYS,
    DETERMINERS,
    PRONOUNS,
    Token,
    np_after,
    np_before,
    np_word,
    sentence_subject,
    skip_left,
    verb_like,
)

#: verbs whose object is the one spoken to: "told Reuters", "asked Mr. Comey", "urged legislators"
ADDRESSEE_VERBS = frozenset(
    """tell tells told telling ask asks asked asking urge urges urged urging warn warns warned warning
    threaten threatens threatened threatening assure assures assured assuring inform informs informed
    informing remind reminds reminded reminding implore implored imploring advise advises advised
    thank thanks thanked thanking""".split()
)
#: verbs whose object is the one spoken to only before a complement ("urged legislators to act",
#: "warned Iran not to"), and otherwise what is urged ("urged restraint")
_URGING = frozenset("urge urges urged urging warn warns warned warning implore implored imploring advise advises "
                    "advised remind reminds reminded reminding".split())
_COMPLEMENT = frozenset("to not that of against about".split())
#: object pronouns: an addressee as written ("told him")
OBJECT_PRONOUNS = frozenset("him her them me us you it".split())
#: words that open the content of the speech, never an addressee ("told that", "asked whether")
_CONTENT_OPENERS = CLAUSE_WORDS | frozenset("about for not of on in at".split())
#: "asked about", "asked whether", "Asked if ...": the question itself is reported
QUESTION_OPENERS = frozenset("whether if about what how why when where who which to".split())
#: negative speech acts: "declined to comment", "refused to say", "did not respond"
NEGATIVE_CUE = re.compile(r"(?:declin|refus|did not|didn’t|didn't)", re.IGNORECASE)
#: nouns that are acts of speech only with a source: "Iran’s claim", "its condemnation"
POSSESSIVE_DETERMINERS = frozenset("its his her their our my your".split())
_POSSESSIVE_END = re.compile(r"(?:’s|'s|’|')\Z")
#: prepositions that open a circumstance after a name ("on Friday", "in an interview"), not part of it
_CIRCUMSTANCE = frozenset("on in at during after before with from over about".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozen hundred thousand".split())
#: a pull-quote signature: a dash after the closing mark, then a name ("…” ― Sonya Herridge")
_DASH_SIGNATURE = re.compile(
    r"[”\"’']?[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*"
    r"([A-Z][\w.'’\-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'’\-]*|de|del|la|van|von|bin|al-[\w’'\-]+)){0,4})"
    r"[ \t\u00a0.,]*(?:\n|\Z|\()"
)


def addressee(tokens: Sequence[Token], cue_low: str, first: int, last: int, hi: int) -> tuple[int, int] | None:
    """The one spoken to: the object of ``told``/``asked``/``urged``... or ``said to X``.

    ``first``/``last`` are the cue's token indices, ``hi`` the end of the sentence (exclusive).
    """
    k = last + 1
    if k >= hi:
        return None
    word = cue_low.split()[-1] if cue_low else ""
    nxt = tokens[k]
    needs_complement = word in _URGING
    if word not in ADDRESSEE_VERBS:
        # "said to the Dutch news program", "wrote to Mueller": a name or a determiner after "to"
        if nxt.low != "to" or k + 1 >= hi or cue_low.startswith(("according", "what")):
            return None
        k += 1
        nxt = tokens[k]
        if not (nxt.is_capitalised or nxt.low in DETERMINERS or nxt.low in OBJECT_PRONOUNS):
            return None
    if nxt.low in OBJECT_PRONOUNS:
        return (k, k)
    if not nxt.is_word or nxt.low in _CONTENT_OPENERS or nxt.low in PRONOUNS:
        return None
    # "told Newsmax in an exclusive interview": the name, not the circumstance
    span = _before_preposition(tokens, np_after(tokens, k, hi=hi, max_tokens=8))
    if span is not None and needs_complement and (span[1] + 1 >= hi or tokens[span[1] + 1].low not in _COMPLEMENT):
        return None  # "urged restraint": what is urged, not whom
    return span


def _before_preposition(tokens: Sequence[Token], span: tuple[int, int] | None,
                        origin: bool = False) -> tuple[int, int] | None:
    """A noun phrase cut before a prepositional phrase other than ``of`` ("a presenter on Friday"); with
    ``origin``, not before "in" or "from" and a name, where the one named is from ("officials in Baghdad")."""
    if span is None:
        return None
    i, j = span
    for m in range(i + 1, j + 1):
        if tokens[m].low in _CIRCUMSTANCE and not (
                origin and tokens[m].low in ("in", "from") and m + 1 <= j and tokens[m + 1].is_capitalised):
            return (i, m - 1)
    return (i, j)


def according_np(tokens: Sequence[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The whole source after "according to": "the Immigration and Customs Enforcement (ICE) agency".

    A name goes on over ``and`` / ``&`` between capitalised words and over a parenthesised acronym, and
    takes a following common noun it heads ("agency", "officials"); a plain noun phrase ends as usual.
    """
    span = np_after(tokens, i, hi=hi)
    if span is None:
        return None
    j = span[1]
    while True:
        k = j + 1
        if k + 1 < hi and tokens[k].low in ("and", "&") and tokens[j].is_capitalised \
                and tokens[k + 1].is_capitalised and tokens[k + 1].is_word:
            more = np_after(tokens, k + 1, hi=hi)
            if more is None:
                break
            j = more[1]
            continue
        if k + 2 < hi and tokens[k].text == "(" and tokens[k + 2].text == ")" and tokens[k + 1].is_word:
            j = k + 2
            if k + 3 < hi and tokens[k + 3].is_word and not tokens[k + 3].is_capitalised \
                    and np_word(tokens[k + 3]) and not verb_like(tokens[k + 3]) \
                    and tokens[k + 3].low not in OBJECT_PRONOUNS:
                j = k + 3
            continue
        break
    # "according to U.K.’s Daily Mirror": a possessor is part of the name, never all of it
    return (span[0], j)


def left_subject(tokens: Sequence[Token], lo: int, k: int) -> tuple[int, int] | None:
    """Subject of a verb whose left neighbour (after auxiliaries and adverbs) is token ``k``.

    ``X said``: the noun phrase before; ``X, an appositive, said``: the first comma segment;
    ``X, who served under Y, told``: the noun phrase before the aside.
    """
    if k < lo:
        return None
    if tokens[k].text != ",":
        return np_before(tokens, k, lo=lo)
    subject = sentence_subject(tokens, lo, k + 1)
    if subject is not None:
        return subject
    opening = next((c for c in range(k - 1, max(lo, k - 30) - 1, -1) if tokens[c].text == ","), None)
    if opening is None:
        return None
    end = opening - 1
    if end >= lo and tokens[end].text == ")":
        # "Buck McKeon (R-Calif.), who called it “a violation,” asked": the name before a bracket (a party tag, an
        # acronym: "the Environmental Protection Agency (EPA), which ..., said")
        bracket = next((c for c in range(end - 1, max(lo, end - 8) - 1, -1) if tokens[c].text == "("), None)
        end = bracket - 1 if bracket is not None else end
    subject = np_before(tokens, end, lo=lo)
    while subject is not None and subject[0] == subject[1] and tokens[subject[0]].text.isdigit() \
            and subject[0] - 2 >= lo and tokens[subject[0] - 1].text == ",":
        subject = np_before(tokens, subject[0] - 2, lo=lo)  # "Dzhokhar, 19, the surviving brother, told": an age
    return subject


def coordinated_subject(tokens: Sequence[Token], lo: int, k: int) -> tuple[int, int] | None:
    """Subject of the verb before ``and`` (token ``k``): "Rouhani criticized Trump and warned" -> Rouhani.

    Walks left over the first verb's object to that verb, then takes the noun phrase before it.
    """
    j = k - 1
    if j < lo:
        return None
    obj = np_before(tokens, j, lo=lo)
    v = obj[0] - 1 if obj is not None else j
    while obj is not None and v - 1 >= lo and tokens[v].low.endswith("ing") and \
            (tokens[v - 1].low in DETERMINERS or np_word(tokens[v - 1]) and not verb_like(tokens[v - 1])
             and tokens[v - 1].low not in AUX_BE):
        # "dismantled its nuclear testing site ... and announced": a word in -ing inside the object
        obj = np_before(tokens, v - 1, lo=lo)
        v = obj[0] - 1 if obj is not None else v - 1
    if v < lo:
        return None
    verb = tokens[v]
    if not (verb.is_word and not verb.is_capitalised and (verb_like(verb) or verb.low.endswith("s"))):
        return None
    if verb.low in DETERMINERS or verb.low in CLAUSE_WORDS or np_word(verb) and not verb_like(verb) \
            and not verb.low.endswith(("ed", "s")):
        return None
    m, _ = skip_left(tokens, v - 1, lo)
    if m < lo:
        return None
    return np_before(tokens, m, lo=lo)


def passive_agent(tokens: Sequence[Token], last: int, hi: int, reach: int = 8,
                  origin: bool = False) -> tuple[int, int] | None:
    """The ``by`` agent a few words after a passive cue: "was announced on Saudi state TV by a presenter" (with
    ``origin``, keeping where it is from: "rejected by officials in Baghdad")."""
    for m in range(last + 1, min(hi, last + 1 + reach)):
        low = tokens[m].low
        if low == "by":
            return _before_preposition(tokens, np_after(tokens, m + 1, hi=hi), origin)
        if not tokens[m].is_word or low in ("that", "to", "and", "but", "which", "who"):
            return None
    return None


def trim_possessive(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker span without a final possessive ending ("the president’s stated" -> "the president")."""
    if span is None:
        return None
    a, b = span
    m = _POSSESSIVE_END.search(text, a, b)
    if m is not None and m.start() > a:
        return a, m.start()
    return span


#: prepositions by which a person's role takes its body: "a spokesman for the agency", "the director of the FBI"
_OWNER_LINKS = frozenset("for of at from".split())


def with_role(tokens: Sequence[Token], span: tuple[int, int] | None, lo: int = 0) -> tuple[int, int] | None:
    """A speaker span (token indices) widened to the role it depends on: "the agency" in "A spokesman for the
    agency said" -> "A spokesman for the agency" (the role a person or body of :data:`SOURCE_HEADS`)."""
    if span is None:
        return None
    i, j = span
    if i - 2 >= lo and tokens[i - 1].low in _OWNER_LINKS:
        role = np_before(tokens, i - 2, lo=lo)
        if role is not None and role[1] == i - 2 and tokens[i - 2].low in SOURCE_HEADS:
            return (role[0], j)
    return span


def infinitive_passive(tokens: Sequence[Token], first: int, lo: int) -> bool:
    """"to be confirmed", "is expected to be announced": speech not reported as having happened."""
    return first - 2 >= lo and tokens[first - 1].low in ("be", "been") and \
        (tokens[first - 2].low == "to" or first - 3 >= lo and tokens[first - 3].low == "to")


def numeral_before(tokens: Sequence[Token], first: int, lo: int) -> bool:
    """A count before a participle makes it an adjective: "the state’s 20 pledged delegates"."""
    return first - 1 >= lo and (tokens[first - 1].low[:1].isdigit() or tokens[first - 1].low in _NUMBER_WORDS)


#: what may follow "show up to" and keep "show" a report of a quantity ("polls show up to a third of voters")
_QUANTITY_AFTER_UP_TO = _NUMBER_WORDS | frozenset("half one".split())
#: fractions and counts after "a": "up to a third", "up to a dozen"
_FRACTIONS = frozenset("third quarter fifth half dozen hundred thousand million billion majority".split())


#: forms of "speak": an attribution only with what was spoken of ("spoke about", "spoke of", "spoke for Trump")
_SPEAK = frozenset("speak speaks spoke speaking".split())
#: words after "spoke" that give when, where or how long, not what: "spoke from the heart", "spoke since December"
_SPEAK_CIRCUMSTANCE = frozenset("""from over since at up just until after before during outside inside near
    down briefly hours minutes""".split()) | DAYS
#: words after "for" that make it a duration: "spoke for about 30 minutes"
_DURATION = _NUMBER_WORDS | frozenset("about nearly almost more less over an a half several roughly".split())


def not_reporting(tokens: Sequence[Token], first: int, last: int, hi: int) -> bool:
    """Is the cue form at tokens ``first``..``last`` used in a way that reports nobody's words?

    * "Costa reported from Washington": where a reporter or a report was, not what was said;
    * "It's worth noting that ...": the writer's own remark;
    * "their widely repudiated theories", "the widely reported attack": a participle after a determiner and
      an adverb is an adjective (as "the reported attack" is);
    * "refused to show up to a hearing": the phrasal verb "show up" ("polls show up to a third of voters"
      is still what the polls show);
    * "Clinton spoke just down the street", "spoke for about 30 minutes", "until the senator spoke.": speaking
      with no word of what was said (a circumstance, a duration or the end of the clause after it).
    """
    word = tokens[last].low
    nxt = tokens[last + 1].low if last + 1 < hi else ""
    if first == last and word in _SPEAK:
        if not nxt or nxt in _SPEAK_CIRCUMSTANCE or not tokens[last + 1].is_word and nxt in ".,;!?)":
            return True
        if nxt == "for" and last + 2 < hi and (tokens[last + 2].low in _DURATION or tokens[last + 2].low[:1].isdigit()):
            return True
    if word.startswith("report") and nxt == "from":
        return True
    if first - 1 >= 0 and tokens[first - 1].low == "worth":
        return True
    if first == last and word.endswith("ed") and first - 2 >= 0 and tokens[first - 1].low.endswith("ly") \
            and tokens[first - 2].low in DETERMINERS:
        return True
    if word.startswith("show") and nxt == "up":
        after = [t.low for t in tokens[last + 2:min(hi, last + 5)]]
        quantity = len(after) >= 2 and after[0] == "to" and (
            after[1][:1].isdigit() or after[1] in _QUANTITY_AFTER_UP_TO
            or after[1] in ("a", "an") and len(after) == 3 and after[2] in _FRACTIONS)
        return not quantity
    return False


def dash_signature(text: str, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A quotation signed after a dash: the dash's and the name's offsets, or None."""
    m = _DASH_SIGNATURE.match(text, end)
    if m is None:
        return None
    return m.span(1), m.span(2)


# --------------------------------------------------------------------------- cues of thought

#: cues that attribute a belief, an expectation, an intention or a stance to a source rather than speech
#: ("Clinton believes the race is close", "the bill is expected to pass", "Rubio seemed to concede", "she
#: opposed the deal"), each with what must follow it, as space-separated needs (any one suffices):
#: ``clause`` a that-clause or a clause with its own subject, ``to`` an infinitive, ``object`` a noun phrase,
#: ``any`` a word that is not a preposition; ``source`` adds that the subject must be one who can hold a view
#: (:func:`possible_source`: a person, a body, a personal pronoun or a name, not "the bill") and that no modal
#: stands before the verb ("would support", "may want": a stance not reported as held).
#: The forms are those whose uses that pass these rules are coded as attributions on the PolNeAR training
#: articles at least half the time (most of them two times in three or more); forms below that ("support",
#: "plan", "hope", "view", "made", "gave", "released", "signed") are left out.
COGNITION_CUES: dict[str, str] = {
    **dict.fromkeys("""think thinks thought believe believes knows felt doubt doubts fear fears suspects recognize
        recognizes realized remembered remembers sees viewed considers worry worried""".split(), "clause"),
    **dict.fromkeys("""expected refused refuses refusing appear appears appeared""".split(), "to"),
    **dict.fromkeys("seems seemed".split(), "any"),
    **dict.fromkeys("opposed backed supported supports prefers".split(), "object"),
    # stances, wishes and plans of a source ("Murphy wants more funding", "Clinton plans to", "he sought the
    # nomination", "voters who oppose the deal"): only with a subject that can hold one (:func:`possible_source`)
    **dict.fromkeys("""know knew feel believed understand assume assumes suspected learned wonder wondered
        wondering speculated implied implying concluded anticipated believing thinking recognized remember
        convinced confident aware optimistic adamant sure""".split(), "clause source"),
    **dict.fromkeys("agree agrees agreed expect decided decide decides".split(),
                    "clause to source"),
    **dict.fromkeys("hopes hoped hoping".split(), "clause to source"),
    **dict.fromkeys("offered plans planning intend intends wish wishes aims vowing".split(), "to source"),
    **dict.fromkeys("want wants wanted seeks seeking sought".split(), "to object source"),
    **dict.fromkeys("""oppose opposes backing favors favored favoring prefer preferred attacked welcomed
        challenged considered blame credited attributed""".split(),
        "object source"),
    **dict.fromkeys("see worries conclude".split(), "clause source"),
    **dict.fromkeys("found finds".split(), "clause object source"),
    **dict.fromkeys("expecting".split(), "clause to source"),
    **dict.fromkeys("looking look".split(), "to source"),
    **dict.fromkeys("seem".split(), "clause to object source"),
    # acts of communication beyond the lexicon's reporting verbs ("issued a statement", "notes that",
    # "continued to refute"): :data:`ACT_CUES`, category "other"
    **dict.fromkeys("""issued knocked downplayed trumpeting outlining addressed listed lists shared invoked
        compared""".split(), "object source"),
    **dict.fromkeys("notes note".split(), "clause object source"),
    **dict.fromkeys("repeated promises ask".split(), "clause to object source"),
    **dict.fromkeys("continued".split(), "clause to source"),
    **dict.fromkeys("ordered".split(), "to object source"),
}
#: the forms of :data:`COGNITION_CUES` that report an act of communication rather than a thought
ACT_CUES = frozenset("""issued knocked downplayed trumpeting outlining addressed listed lists shared invoked
    compared notes note repeated promises ask continued ordered""".split())
#: verbs by which a document, a poll or data reports something ("polls show Clinton ahead", "a survey found 90
#: percent support"): acts of communication of the document, when the subject is one (:data:`DOCUMENT_NOUNS`)
EVIDENCE_CUES = frozenset("show shows showing found finds".split())
#: heads of a subject that is a document or a count rather than a person
DOCUMENT_NOUNS = frozenset("""poll polls polling survey surveys study studies report reports analysis analyses data
    numbers figures records filings documents memo memos emails e-mails research review audit census estimates
    results tally count counts ledgers ledger returns statistics video videos footage email article articles
    transcript transcripts photo photos image images picture pictures tweet tweets letter letters ad ads outcome""".split())
#: the forms as one pattern each, matched on the lower-cased text (one scan per document)
_COGNITION = re.compile(r"\b(?:" + "|".join(sorted(COGNITION_CUES, key=len, reverse=True)) + r")\b")
# (the word boundary before a form is tested after its first letter, so that a scan of a document jumps from
# one of the few first letters to the next)
_EVIDENCE = re.compile(r"(?:" + "|".join(re.escape(w[0]) + r"(?<!\w\w)" + re.escape(w[1:])
                                         for w in sorted(EVIDENCE_CUES, key=len, reverse=True)) + r")\b")
#: a document noun before a cue in the same clause: right before it, perhaps with an adverb between ("polls
#: consistently show"), or heading a longer subject ("a poll from Marquette Law School released Wednesday found",
#: "polls that show"): no clause punctuation between
_DOCUMENT_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True))
                              + r")\b[^,;:.!?“”\"()]{0,60}\Z")
#: words between a document noun and its verb that end the subject ("a poll released Sunday found"); a verb of
#: the clause other than these makes the document not the subject ("the polls were wrong and showed")
_DOCUMENT_TAIL = frozenset("""from by of on in at for among this last that which released published conducted taken
    out issued posted compiled obtained reviewed seen new latest recent""".split())
#: words that end a document's noun phrase on its left ("polls", not "Based on polls")
_DOCUMENT_LEFT_STOPS = _DOCUMENT_TAIL - frozenset("new latest recent this last".split())
#: what the subject of a document's verb may not contain: a clause break
_SUBJECT_BREAKS = frozenset("and but or who while because when if".split())

#: words that open a clause with its own subject after a verb of thinking ("believes the race is close")
_CLAUSE_OPENERS = PRONOUNS | DETERMINERS | frozenset("that there this these those no all most many".split())
#: "worried about", "fears of": a thought about something, as PolNeAR codes it
_ABOUT = frozenset("about over".split())
#: words that open an object noun phrase without a determiner ("wants more funding")
_QUANTITY_OBJECTS = frozenset("more less fewer few any every each both such another other".split())
#: a contraction ending a word: "it’s", "somebody’s", "they’re"
_CONTRACTION = re.compile(r"(?:[’']s|[’']re|[’']ll|[’']ve|[’']d)\Z")
#: words before a cue form that make it a noun or an infinitive's object ("the hopes", "a backed loan")
_NOT_FINITE_BEFORE = DETERMINERS | frozenset("whose".split())


def _scan(pattern: re.Pattern[str], text: str, low: str) -> list[tuple[int, int]]:
    """Spans of ``pattern`` (lower-case forms) in ``text``, ignoring case."""
    if len(low) != len(text):  # a character whose lower case is longer: match the text itself
        return [m.span() for m in re.finditer(pattern.pattern, text, re.IGNORECASE)]
    return [m.span() for m in pattern.finditer(low)]


def cognition_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Offsets of every form of :data:`COGNITION_CUES` in ``text`` (``low``: ``text.lower()``, when at
    hand); candidates: :func:`thought_complement` and the attribution rules decide which are cues."""
    return _scan(_COGNITION, text, text.lower() if low is None else low)


#: the first four letters of every form of :data:`EVIDENCE_CUES`: where none stands, no form does
_EVIDENCE_PREFIXES = frozenset(w[:4] for w in EVIDENCE_CUES)


def evidence_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Offsets of the forms of :data:`EVIDENCE_CUES` in ``text`` right after a document noun ("polls
    show"); candidates: :func:`document_subject` decides on the speaker the rules find."""
    low = text.lower() if low is None else low
    if len(low) != len(text):
        found = _scan(_EVIDENCE, text, low)
    else:
        # a plain search for the forms' first letters, the pattern tried only where they stand (the forms are
        # whole words, so matches found one by one are those of a scan)
        at = []
        for prefix in _EVIDENCE_PREFIXES:
            a = low.find(prefix)
            while a >= 0:
                at.append(a)
                a = low.find(prefix, a + 1)
        found = [m.span() for a in sorted(at) if (m := _EVIDENCE.match(low, a)) is not None]
    return [(a, b) for a, b in found if _DOCUMENT_BEFORE.search(low, max(0, a - 80), a)]


def _inside_name(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """Whether the lower-case "of" / "for" at ``k`` joins two capitalised words of one name ("The Center for American
    Progress study", "a Bureau of Justice Statistics report")."""
    return tokens[k].low in ("of", "for") and k - 1 >= lo and tokens[k - 1].is_capitalised and \
        k + 1 < len(tokens) and tokens[k + 1].is_capitalised and not tokens[k].is_capitalised


def document_before(tokens: Sequence[Token], first: int, lo: int, reach: int = 16) -> tuple[int, int] | None:
    """Token range of a subject headed by a document noun before the verb at token ``first``: "New polls
    released Sunday showed" -> "New polls", "Audit files from NGP VAN show" -> "Audit files", "polls that show"
    -> "polls"; None when a clause break, a comma or another verb stands between."""
    for m in range(first - 1, max(lo, first - reach) - 1, -1):
        t = tokens[m]
        if t.low == "and" and m - 1 >= lo and tokens[m - 1].is_capitalised and tokens[m + 1].is_capitalised:
            continue  # a name with "and": "a poll for NBC News and The Wall Street Journal"
        if not t.is_word or t.low in _SUBJECT_BREAKS:
            return None
        if t.low in DOCUMENT_NOUNS:
            end = m
            # a compound goes on to its head: "Audit files", "poll numbers"
            while end + 1 < first and tokens[end + 1].is_word and not tokens[end + 1].is_capitalised \
                    and tokens[end + 1].low not in _DOCUMENT_TAIL and not verb_like(tokens[end + 1]) \
                    and tokens[end + 1].low not in ADVERBS and np_word(tokens[end + 1]):
                end += 1
            start = m
            # the words before it that belong to its noun phrase: "A new Quinnipiac University poll", not
            # "Based on polls"
            while start - 1 >= lo and tokens[start - 1].is_word and (tokens[start - 1].low not in _DOCUMENT_LEFT_STOPS
                                                                     or _inside_name(tokens, start - 1, lo)) \
                    and tokens[start - 1].low not in _SUBJECT_BREAKS and tokens[start - 1].low not in CLAUSE_WORDS \
                    and tokens[start - 1].low not in ("based", "amid", "given") \
                    and (tokens[start - 1].is_capitalised or not verb_like(tokens[start - 1])) \
                    and m - start < 6:
                start -= 1
            return (start, end)
        if verb_like(t) and t.low not in _DOCUMENT_TAIL and not t.is_capitalised:
            return None
    return None


def document_subject(text: str, speaker: tuple[int, int] | None) -> bool:
    """Does the speaker span end in a document noun ("the latest Rasmussen Reports poll", "new filings")?"""
    if speaker is None:
        return False
    words = text[speaker[0]:speaker[1]].split()
    return bool(words) and words[-1].lower().strip(".,’'") in DOCUMENT_NOUNS


#: heads of a noun phrase naming people or a body that can hold a view, want or plan something
SOURCE_HEADS = frozenset("""official officials leader leaders voter voters supporter supporters critic critics aide aides
    adviser advisers advisor advisors campaign campaigns party parties committee administration government group groups
    team staff members member delegates delegate candidate candidates nominee president senator senators governor
    lawmakers lawmaker legislators people americans democrats republicans conservatives liberals progressives
    activists donors allies rivals opponents spokesman spokeswoman spokesperson chairman chairwoman secretary director
    manager strategist strategists pollster pollsters analysts analyst experts expert economists economist
    congressman congresswoman representative representatives mayor judge justices court agency department union
    organization organisation company companies firm firms establishment base electorate majority minority
    women men caucusgoers evangelicals independents moderates workers residents students parents mother father
    wife husband son daughter family friends friend colleagues colleague senate congress""".split())
#: endings of a word naming a person by a role ("politician", "activist", "Democrat", "commentator")
_PERSON_ENDINGS = ("ist", "ists", "ian", "ians", "crat", "crats", "ator", "ators", "ee", "ees")
_SOURCE_PRONOUNS = frozenset("he she they we i you who".split())


def possible_source(text: str, span: tuple[int, int] | None) -> bool:
    """Can the noun phrase at ``span`` hold a view or a plan: a personal pronoun, a name, or a noun phrase
    headed by a person or a body ("voters", "the campaign", "his advisers"); not a thing ("the bill", "it")."""
    if span is None:
        return False
    words = text[span[0]:span[1]].split()
    if not words:
        return False
    head = _POSSESSIVE_END.sub("", words[-1].strip(".,()")).lower()
    if len(words) == 1 and head in _SOURCE_PRONOUNS:
        return True
    if head in SOURCE_HEADS or head.endswith(_PERSON_ENDINGS):
        return True
    last = words[-1].strip(".,()")
    return last[:1].isupper() and head not in DOCUMENT_NOUNS


_MODALS = frozenset("would could may might should can will 'd ’d must".split())


def modal_before(tokens: Sequence[Token], first: int, lo: int) -> bool:
    """A modal before the verb at token ``first``, over adverbs and "not" ("would strongly support", "may not
    want"): a possible stance, not one the source is reported as holding."""
    k = first - 1
    while k >= lo and (tokens[k].low.endswith("ly") or tokens[k].low in ("not", "n't", "also", "still", "never")):
        k -= 1
    return k >= lo and tokens[k].low in _MODALS


def needs_source(word: str) -> bool:
    """Is the cue form of thought one that only a possible source makes a cue (:data:`COGNITION_CUES`)?"""
    return "source" in COGNITION_CUES.get(word, "")


def thought_complement(tokens: Sequence[Token], first: int, last: int, hi: int) -> bool:
    """Is the cue form at tokens ``first``..``last`` used as a verb of thought with its complement?

    ``believes the race is close`` and ``hopes to win`` are; ``the hopes of``, ``backed loans`` and
    ``thinks so`` are not.
    """
    word = tokens[last].low
    need = COGNITION_CUES.get(word)
    if need is None:
        return False
    if first - 1 >= 0 and tokens[first - 1].low in _NOT_FINITE_BEFORE:
        return False
    k = last + 1
    if k >= hi:
        return False
    nxt = tokens[k]
    needs = need.split()
    if "to" in needs and nxt.low == "to":
        return True
    if "any" in needs and nxt.is_word and nxt.low not in _CIRCUMSTANCE and nxt.low not in ("by", "for", "of", "as"):
        return True
    if "object" in needs and nxt.is_word and (nxt.is_capitalised or nxt.low in DETERMINERS
                                              or nxt.low in OBJECT_PRONOUNS or nxt.low in _QUANTITY_OBJECTS):
        return True
    if "clause" not in needs:
        return False
    # a clause: "that", or a word that opens one with its own subject ("it’s", "somebody’s got"); a modal
    # after the verb when its object went before ("a move that the kingdom hopes will shatter"); or the verb
    # set off by commas inside the clause it reports ("which, his advisers believe, would lead")
    base = _CONTRACTION.sub("", nxt.low)
    return base in _CLAUSE_OPENERS or nxt.is_capitalised and nxt.is_word \
        or base != nxt.low and nxt.is_word \
        or nxt.low in _ABOUT and word.startswith(("worr", "fear")) \
        or nxt.low in _MODALS - {"'d", "’d"} \
        or nxt.text == "," and any(t.text == "," for t in tokens[max(0, first - 6):first])


__all__ = [
    "ACT_CUES", "ADDRESSEE_VERBS", "COGNITION_CUES", "SOURCE_HEADS", "DOCUMENT_NOUNS", "EVIDENCE_CUES", "NEGATIVE_CUE", "POSSESSIVE_DETERMINERS", "QUESTION_OPENERS", "according_np", "addressee",
    "cognition_spans", "coordinated_subject", "dash_signature", "document_before", "document_subject", "evidence_spans", "infinitive_passive", "left_subject", "modal_before", "needs_source", "not_reporting",
    "numeral_before",
    "passive_agent", "possible_source", "with_role", "thought_complement", "trim_possessive",
]
