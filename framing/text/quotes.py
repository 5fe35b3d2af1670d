"""Quotations, their speakers and reporting verbs, and the voice of every character.

How quotes are found
--------------------
Each line (paragraph) is scanned once for quotation marks: curly ``“ ”`` and
``‘ ’``, straight ``"`` and ``'``, the doubled apostrophe ``''`` some outlets use
for a double mark, and guillemets ``« »``. Whether a mark opens, closes or is
an apostrophe is read from its neighbours:

* a ``’`` or ``'`` between two letters or digits is an apostrophe
  (``Pakistan’s``, ``don’t``, ``Iran's``); one before a decade or an elided word
  (``’90s``, ``’em``, ``’til``) is an apostrophe; one after a word and before a
  space (``neighbors’``) closes a quote only when a single quote is open,
  otherwise it is a possessive apostrophe;
* a mark after a space or an opening bracket and before a word opens; a mark
  after a word and before a space or punctuation closes; a straight mark
  with no such evidence closes if one of its kind is open and opens otherwise;
  a closing double mark that opens its paragraph (``” … we lost``) has
  nothing to close and is a mistyped opening mark.

Marks are paired with a stack, so ``‘…’`` nested inside ``“…”`` (or a curly
quote inside a straight one) stays part of the outer quote; so does ``“…”``
nested in ``“…”`` (or ``"…"`` in ``"…"``, ``''…''`` in ``''…''``) when its closing
mark is followed by a second closing mark before any new opening one
(``“… what he calls “hell” than …”``, ``"… shouted "Stop!" before …"``). Only
outermost quotes are reported. A single mark that is never closed is taken for an
apostrophe. A double mark that is never closed ends where a new opening mark
of the same style begins, or else at the end of its paragraph (a malformed
mark never swallows the rest of the document) -- unless the next paragraph
opens with a double mark of the same style (straight or curly), the convention
for a quotation running over several paragraphs, in which case the quote runs
on to where that paragraph's quote closes.

Quoted names are not quotations and are left out (their voice is the
narrator's): a title of two to seven capitalised words in a line that is not
itself in title case (``on “Fox News Sunday”``, ``''Make Your Kid a
Millionaire''``, ``the “Army of Justice”``), and a nickname of one or two
words between capitalised words (``Marcia "Cia" Price``; not after a
headline's verb of saying: ``Mayor Says ‘Reckless’ Budget …`` quotes a word).

How speakers are found
----------------------
The reporting verbs are :data:`REPORTING_VERBS`: the one-word terms of the
bundled attribution lexicon (``lexicons/attribution.yaml``; a verb added there
attributes quotations too) and a few words that attribute only next to the
marks (``read``, ``continued``). For each quote, in this order:

1. a reporting verb right before the opening mark (``Amir-Abdollahian said "…``,
   ``The official statement declared, “…``, ``posted on X: “…``);
2. a reporting clause right after a quote that ends in ``,`` ``?`` ``!`` or a
   dash: ``“…,” he said``, ``“…,” read the statement``, ``“…,” said Rep. X``,
   ``“…,” according to X``;
3. the nearest reporting verb before the quote in the same sentence (partial
   quotes: ``what it called “…”``, ``denounced the strike as “…”``,
   ``saying the group “…”``);
4. a reporting verb after the quote in the same sentence
   (``… against “terrorist hideouts” in …, Pakistan’s Foreign Ministry said in
   a statement``).

The speaker is the noun phrase that is the verb's subject (words before the
verb, an appositive after a comma skipped: ``Michael Kugelman, director of …,
warned``; ``The ship's second in command, Cmdr. X, told``: the name; a long
appositive with initials, ``and a professor at …`` or an introductory phrase
before it), the noun the relative clause between it and the verb is about
(``the newscaster who announces … said``, ``X, the top Democrat on …, who
called``, ``X, which describes itself as``), the noun phrase after an
inverted verb (``said Rep. X``, ``said 9/11 widow X``, ``said former Vice
President X``, ``said de Blasio``, ``read the statement``, ``according to X``;
never after an auxiliary: ``“…” have claimed the driver …``), or, for a participle, the people right
before it (``caught the attackers saying``), else the subject of its clause
(``…, but she seemed to …, blaming``, ``X put out a statement saying``). A
verb with a that-clause governs the quote in it (``X tweeted that police
responded to a “…”``: X); a verb before a coordinated clause with a subject
of its own (``…, but she …``) does not reach past it, and an infinitive is
never inverted (``to dismiss the critics``). A passive reporting verb (``had
been … told``) is skipped; a progressive one keeps its subject (``officials
were saying``), unless that is in a relative clause or after a preposition. A possessive speaker loses its ending (``Kim’s
reported willingness to consider “…”``: Kim).

A credit line or headline that opens the line with a name and a colon
(``Jane Doe, The Outlet: “…”``, ``Sanders: Clinton needs to ‘…’``), or follows a
heading's own colon (``(Also on THE OUTLET: Jane Doe: “…”``), gives that name;
so does ``as X put it`` (or ``said``, ``wrote``) earlier in the sentence. A
quote in a headline (a short line in title case or capitals) takes the name
before its verb of saying (``Hillary Clinton Speaks ‘…’ After …``, ``SENATOR
CLAIMS … ‘…’``), or, opening the line, the name after its colon when a verb
follows (``‘…’: Neil deGrasse Tyson apologizes``). A
quote that opens a sentence right after a narrated sentence of its paragraph
with a reporting verb (``…, Schiff said. “…”``) takes that verb's speaker. A quote that opens its paragraph and is signed after a dash
(``“…” ― Jane Doe``) has that speaker and no verb; one whose previous
paragraph ends with a colon (``Caddell continued:``) takes that sentence's
reporting verb and subject. A quote with no reporting verb of its own
inherits the speaker and verb of the previous attributed quote in its
paragraph, or, when the quote opens its paragraph and reads as speech (it
ends with sentence punctuation), of the last attributed quote of the previous
paragraph (a standalone continuation paragraph). The pronouns ``he``, ``she``, ``it`` and
``they`` are resolved to the nearest compatible named speaker: first a named
subject earlier in the same sentence (``Tehran launched attacks … against what
it called``), then, going back up to four sentences, the speakers of
quotes and reporting clauses and the sentence subject. ``he``/``she`` need a
person (a title such as *spokeswoman*, *minister*, *director*, or a
multi-word name without organisation words); ``it`` a non-person; ``they`` a
plural or an organisation. An unresolved pronoun is kept as written.

Kinds
-----
``title``: a quoted work, show, event, operation, programme, law, slogan,
nickname, hashtag or a word mentioned as a word: two to seven capitalised
words in running text (``on “Fox News Sunday”``), one or two capitalised words
in a lower-case sentence (``on Fox News’ “Hannity”``), a phrase after ``known
as``, ``the term``, ``chants of``, ``titled`` ..., a phrase modifying a noun
such as *laws*, *policy*, *operation* (``“red flag” laws``), a hashtag, a
headline, banner or sign introduced by a colon (``with this headline: “…”``,
unless the writer says it is someone's words), labels tapped or clicked on a
screen, an event that is staged (``staged “die-ins”``), a term defined right
after it (``a “breakout time” — or the time …``) and a subheading in single
marks on a line of its own, a policy after ``the implementation``,
``enactment``, ``repeal`` or ``passage of``, and the next item of a list whose
previous item is a title (``taps: 1. “LEE HELM” 2. “Accept”``). Two sentences
(``“The Donald. Big Daddy.”``) are no title, nor is a quote that opens its
sentence before its reporting clause (``“In Denver,” the senator said``). A quote with no word characters is never a title,
nor a sentence opening with a contracted pronoun (``''We're America.''``).
Titles have no speaker and are the narrator's voice.

``scare``: a closed quoted phrase of at most :data:`SCARE_MAX_WORDS` words
inside narrator text that no reporting verb governs, that inherits no
speaker, and whose source is not in reach: the writer marks it as someone
else's word with no one named (``its self-declared “capital”``, ``the
so-called “reform”``, ``what were described as “routine repairs”``), or the
phrase is part of its clause's subject, or under a copula or a passive
(``the harbour is a “parking lot”``; but ``X is due to deploy “shortly”``: the
subject acts through the infinitive), or neither its clause's subject nor
the previous or next sentence names a source. A phrase that repeats words of
an earlier direct quotation of the document is that quotation's speaker's
(``direct``), and so is one repeating words of an unmarked block quotation
introduced by ``X states:`` (its source). The view of a named party opening
the sentence (``For our Founding Fathers, …``, ``According to Mr. Lee, …``) and
the agent of a passive label (``was called a “…” by another patron``) are
sources in reach.

``direct``: every other quote: one attributed by the rules above, including
partial quotes (``denounced the strike as “completely unacceptable”``), a short
phrase whose clause's subject names a source that acts on it (``X accused Y
of “reckless greed”``, ``X referred to Y as a “total mess”``, ``X used the
words “…”``: the subject is the speaker), one whose source speaks in the
previous or next sentence, one right after a verb of saying whose subject is
not found (``…, shook her head and said, “No.”``: the verb, no speaker; not
after *told*, *read* or a verb of labelling), and every longer quote. A line that is nothing but
a quote (a heading such as ``‘Act of aggression’``) is ``direct`` with no
speaker. Quotation marks inside markup (``<blockquote class="…">``,
``data-lang="en"``) are not quotes.

A speaker is a noun phrase outside every quote; a fragment (``resume his``,
``the``), a lone word that names no one (``adding``) or a verb phrase is never
a speaker. :attr:`Quote.speaker_name` is the speaker's name
(:func:`speaker_name`); a pronoun with no antecedent in reach takes the last
named speaker when that one fits it.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import re
from dataclasses import dataclass
from typing import Literal

import yaml

from framing.text._lines import QUOTE_MARKS, has_quote_mark, line_spans
from framing.text.grammar import (ADVERBS, DASH_TOKENS, DAYS, INVERTING, LINKED_BODY_HEADS, MANNER_ADVERB, MEDIA_NOUNS,
                                  REACTING_VERBS, UNNAMED_PEOPLE, adverb_in_ly, is_generation, joins_name,
                                  links_body_name, main_subject, np_before, time_phrase, tokenize)
from framing.text.link_cards import without_link_cards
from framing.text.sentences import TITLES, is_name_abbreviation, split_sentences

__all__ = [
    "Quote",
    "REPORTING_VERBS",
    "SCARE_MAX_WORDS",
    "QUOTES_EXTRA",
    "find_quotes",
    "analyse_quotes",
    "speaker_name",
    "in_quote",
]

QuoteKind = Literal["direct", "scare", "title"]

#: words of the attribution lexicon that are mostly nouns in news text ("claims", "denial") or not
#: acts of speech next to a quotation ("showed", "proved"): they never attribute a quotation
_NOT_SPEECH = frozenset(
    """claim claims denial denials condemnation rejection proved showed shown demonstrated purport
    purports purporting""".split()
)
#: verbs that attribute a quotation only next to its marks ("“…,” read the statement", "he continued:
#: “…”"); out of quotes they are rarely speech, so the attribution lexicon leaves them out
_NEXT_TO_QUOTES = frozenset("read reads continued continues call notes write".split())
_OPEN_MARK = re.compile(r"[“\"]")
#: verbs that give a label its own author ("what it called “…”", "described the strike as “…”")
_LABELLING = frozenset("""called calls calling call described describes describing termed dubbed labeled labelled
    branded likened named""".split())
#: verbs of saying whose complement clause reports the subject's words
_SAY = frozenset("said says say told tells stated wrote writes added adds".split())
#: a that-clause right after a reporting verb ("tweeted that", "wrote on Monday that")
_THAT_AFTER = re.compile(r"(?:\s+(?:on|in|last|this|late|early)?\s*[\w.]+)?\s+that\s", re.IGNORECASE)


def _lexicon_verbs() -> frozenset[str]:
    """The one-word terms of the bundled attribution lexicon, without wildcards, as reporting verbs."""
    source = importlib.resources.files("framing.lexicons") / "attribution.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    words: set[str] = set()
    for category in (data.get("categories") or {}).values():
        for term in category.get("terms") or ():
            term = term.get("term") if isinstance(term, dict) else term
            if isinstance(term, str) and " " not in term.strip() and not any(c in term for c in "*?["):
                words.add(term.strip().lower())
    return frozenset(words - _NOT_SPEECH)


#: reporting verbs (lower case, as written): the one-word terms of the bundled attribution lexicon
#: (``lexicons/attribution.yaml``, so a verb added there attributes quotations too), the words that
#: attribute only next to quotation marks, and the phrase "according to"
REPORTING_VERBS = _lexicon_verbs() | _NEXT_TO_QUOTES | {"according to"}

#: longest quoted phrase (in words) that can be a scare quote
SCARE_MAX_WORDS = 5

# characters around a quote searched for its attribution (keeps the work per
# quote bounded, so a document is processed in linear time)
_WINDOW = 400

# patterns of the attribution rules, compiled once
_LEADING_PREPOSITION = re.compile(r"(?:with|by|from|for|of|in|on|at|to|even|only)\s+", re.IGNORECASE)
_VERB_GAP = re.compile(r"[\s\w’'.-]*[,:]?\s*(?:that\s*)?")
_CLAUSE_END = re.compile(r"[.;:?!](?:\s|$)")
_WHO_WHICH = re.compile(r"\b(?:who|which)\b")
_GAP_STOP = re.compile(r"[.;:?!“”\"]")
_TWO_SENTENCES = re.compile(r"[.?!]\s+\S")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation in a document.

    Attributes
    ----------
    start, end : int
        The quoted content between the marks (``text[start:end]``), trimmed of
        whitespace; for a quote running over several paragraphs, from the
        first opening mark to the last closing mark.
    kind : {"direct", "scare", "title"}
        See the module documentation.
    speaker : str or None
        The source as written in the text (a pronoun resolved to its named
        antecedent where possible), or None.
    verb : str or None
        The reporting verb (``"said"``, ``"according to"``) or None.
    speaker_start, speaker_end : int or None
        Where ``speaker`` is written (``text[speaker_start:speaker_end] ==
        speaker``); for a resolved pronoun or an inherited speaker, the earlier
        mention it refers to.
    verb_start, verb_end : int or None
        Where ``verb`` is written.
    open_start, close_end : int
        From the opening mark to the end of the closing mark (or the end of the
        paragraph when the closing mark is missing): the span whose voice is
        ``quote`` or ``scare_quote`` (``narrator`` for a title).
    speaker_name : str or None
        The name of the source: ``speaker`` with a pronoun resolved (when
        resolving) and titles and descriptions before a name stripped
        ("Sen. Marco Rubio" -> "Marco Rubio", "spokesman John Kirby" ->
        "John Kirby"), case as written; a description without a name
        ("the ministry") is kept as written.
    """

    start: int
    end: int
    kind: QuoteKind
    speaker: str | None
    verb: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb_start: int | None
    verb_end: int | None
    open_start: int
    close_end: int
    speaker_name: str | None = None


# ---------------------------------------------------------------------------
# marks

# ('' and `` are one mark, a lone ` none; the pattern opens with the characters a mark starts with, so that a
# scan jumps from one to the next; a single ’ or ' between two letters or digits is an apostrophe inside a word
# (don’t, Iran's), the commonest case, and is no mark: [^\W_] is a letter or digit, as str.isalnum sees it)
_MARK = re.compile("[" + re.escape(QUOTE_MARKS) + r"](?!(?<=[^\W_][’'])[^\W_])(?:(?<=')'?|(?<=`)`|(?<![`']))")
_DOUBLE = {"“": "open", "„": "open", "‟": "open", "«": "open", "``": "open", "”": "close", "»": "close",
           '"': "either", "''": "either"}
_SINGLE = {"‘": "open", "‚": "open", "‛": "open", "’": "close", "'": "either"}
_STRAIGHT = frozenset({'"', "''", "'"})
_LEFT_OPEN = set("([{—–-/…") | set("“„‟«‘‚‛\"'")
_RIGHT_CLOSE = set(".,;:!?)]}—–-…") | set("”»’\"'")
_ELISION = re.compile(r"(?:\d\d?s?\b|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b|round\b)", re.IGNORECASE)


def _role(line: str, i: int, j: int, mark: str) -> tuple[str, str] | None:
    """(type, role) of the mark ``line[i:j]``; type "d" or "s"; None for an apostrophe."""
    left = line[i - 1] if i > 0 else " "
    right = line[j] if j < len(line) else " "
    lsp = left.isspace() or left in _LEFT_OPEN
    rsp = right.isspace() or right in _RIGHT_CLOSE
    if mark in _DOUBLE:
        base = _DOUBLE[mark]
        if base == "open":
            return ("d", "close" if (rsp and not lsp) else "open")
        if base == "close":
            if lsp and rsp and (i == 0 or not line[:i].strip()):
                return ("d", "open")  # ”… opening a paragraph: nothing before it to close, a mistyped opening mark
            return ("d", "open" if (lsp and not rsp) else "close")
        if lsp and not rsp:
            return ("d", "open")
        if rsp and not lsp:
            return ("d", "close")
        return ("d", "either")
    # single marks
    if left.isalnum() and right.isalnum():
        return None  # don’t, Pakistan’s, Iran's
    if (left.isspace() or i == 0 or left in "([“\"") and _ELISION.match(line, j):
        return None  # ’90s, 'em
    base = _SINGLE[mark]
    if lsp and not rsp:
        return ("s", "open")
    if rsp and not lsp:
        return ("s", "close-if-open")  # neighbors’ is a possessive unless a quote is open
    if base == "open":
        return ("s", "open") if not rsp else None
    return None


@dataclass(slots=True)
class _Raw:
    open_start: int
    start: int
    end: int
    close_end: int
    closed: bool
    line_start: int  # the line of the closing mark
    line_end: int
    at_line_start: bool  # the opening mark is the first character of its line
    open_line: int  # start of the line of the opening mark


# markup is not text: a tag (``<blockquote class="twitter-tweet">``) or an attribute assignment
# (``data-lang="en"``) holds quotation marks that quote nothing
_MARKUP = re.compile(r"<[A-Za-z/!][^<>\n]*>|\b[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|“[^”\n]*”)")


def _markup_spans(line: str) -> list[tuple[int, int]]:
    if "=" not in line:
        return []
    return [m.span() for m in _MARKUP.finditer(line)]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def _pair_line(line: str, offset: int) -> list[_Raw]:
    """Outermost quotes of one line, in order."""
    stack: list[tuple[str, int, int]] = []
    count = {"d": 0, "s": 0}
    straight_open = 0  # open double marks that are straight (" or '')
    # (open start, open end, content end, quote end, closed)
    pairs: list[tuple[int, int, int, int, bool]] = []
    markup = _markup_spans(line) if "=" in line else ()
    for m in _MARK.finditer(line):  # (an apostrophe inside a word is not found: see _MARK)
        i, j = m.span()
        mark = m.group(0)
        if markup and _inside(i, markup):
            continue  # an attribute value of embedded markup, not a quotation mark
        got = _role(line, i, j, mark)
        if got is None:
            continue
        typ, role = got
        if role == "either":
            role = "close" if count[typ] else "open"
        elif role == "close-if-open":
            if not count[typ]:
                continue
            role = "close"
        straight = m.group(0) in _STRAIGHT
        if role == "open":
            same = count["s"] if typ == "s" else (straight_open if straight else count["d"] - straight_open)
            if same and typ == "d" and (_nested_straight(line, j, mark) if straight else _nested_double(line, j)):
                same = 0  # “… what he calls “hell” than …”: a quotation inside a quotation in the same marks
            if same:
                # a second opening mark of a kind already open: the first was never closed.
                # A double quote ends before the new mark; a single one was an apostrophe.
                while True:
                    t, a, b = stack.pop()
                    count[t] -= 1
                    a_straight = line[a] in _STRAIGHT
                    if t == "d" and a_straight:
                        straight_open -= 1
                    if t == typ and (typ == "s" or a_straight == straight):
                        break
                if typ == "d":
                    end = i
                    while end > b and line[end - 1].isspace():
                        end -= 1
                    pairs.append((a, b, end, end, False))
            stack.append((typ, i, j))
            count[typ] += 1
            if typ == "d" and straight:
                straight_open += 1
            continue
        if not count[typ]:
            continue  # a stray closing mark
        while True:
            t, a, b = stack.pop()
            count[t] -= 1
            if t == "d" and line[a] in _STRAIGHT:
                straight_open -= 1
            if t == typ:
                break
        pairs.append((a, b, i, j, True))
    # a double mark still open closes at the end of the line
    unclosed = next(((a, b) for t, a, b in stack if t == "d"), None)
    if unclosed is not None:
        end = len(line.rstrip())
        pairs.append((unclosed[0], unclosed[1], end, end, False))
    if not pairs:
        return []
    raws: list[_Raw] = []
    line_end = offset + len(line.rstrip())
    first_char = len(line) - len(line.lstrip())
    reach = -1
    for a, b, c, d, closed in sorted(pairs):
        if a < reach:
            continue  # nested inside an outer quote
        reach = d
        raws.append(_make(line, offset, a, b, c, d, closed, line_end, first_char))
    return raws


def _nested_double(line: str, j: int) -> bool:
    """Whether the curly opening mark ending at ``j`` starts a quotation nested in an open one of the same
    marks: its closing mark is followed by a second closing mark before any other opening one."""
    c1 = line.find("”", j)
    if c1 < 0:
        return False
    c2 = line.find("”", c1 + 1)
    if c2 < 0:
        return False
    o2 = line.find("“", c1 + 1)
    return o2 < 0 or c2 < o2


def _nested_straight(line: str, j: int, mark: str) -> bool:
    """Whether the straight opening mark ending at ``j`` starts a quotation nested in an open one of the same
    marks ("… the driver shouted "Stop!" before the crash."): the next such mark closes and so does the one
    after it, with no opening mark between."""
    closes = 0
    at = line.find(mark, j)
    while at >= 0 and closes < 2:
        role = _role(line, at, at + len(mark), mark)
        if role is None or role[1] != "close":
            return False
        closes += 1
        at = line.find(mark, at + len(mark))
    return closes == 2


def _make(line: str, offset: int, a: int, b: int, c: int, d: int, closed: bool, line_end: int, first: int) -> _Raw:
    # the content line[b:c] without white space at either end (as str.strip() sees it), stepped over in place
    s, e = b, c
    while s < e and line[s].isspace():
        s += 1
    if s >= e:  # no content, or only white space: an empty one at its end
        s = e = max(b, c)
    else:
        while line[e - 1].isspace():
            e -= 1
    return _Raw(offset + a, offset + s, offset + e, offset + d, closed, offset, line_end, a == first, offset)


def _raw_quotes(text: str) -> list[_Raw]:
    """Outermost quotes of a document, multi-paragraph quotes merged."""
    out: list[_Raw] = []
    pending: _Raw | None = None
    for offset, line in line_spans(text):
        if not line.strip():
            continue
        raws = _pair_line(line, offset) if has_quote_mark(line) else []
        if pending is not None:
            # a paragraph continues an open quotation only with a mark of the same style: a straight mark
            # left open before a paragraph opening with a curly one is a page artefact, not a quotation
            if raws and raws[0].at_line_start and (text[pending.open_start] in _STRAIGHT) == (
                    text[raws[0].open_start] in _STRAIGHT):
                nxt = raws.pop(0)
                pending.end, pending.close_end, pending.closed = nxt.end, nxt.close_end, nxt.closed
                pending.line_start, pending.line_end = nxt.line_start, nxt.line_end
                if not pending.closed and not raws:
                    continue  # runs on into the next paragraph too
            out.append(pending)
            pending = None
        for k, r in enumerate(raws):
            if not r.closed and k == len(raws) - 1:
                pending = r
            else:
                out.append(r)
    if pending is not None:
        out.append(pending)
    return out


# ---------------------------------------------------------------------------
# speakers

def _trie_pattern(words: frozenset[str]) -> str:
    """A regular expression matching any of ``words``, factored as a prefix tree (fast in ``re``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


_VERB = re.compile(r"(?<![\w’'-])(" + _trie_pattern(REPORTING_VERBS) + r")(?![\w’'-])")
# a reporting verb after the character before it: a pattern opening with a (negated) character class is scanned
# for position by position in C, where _VERB tries its look-behind at every position
_VERB_AFTER = re.compile(r"[^\w’'-](" + _trie_pattern(REPORTING_VERBS) + r")(?![\w’'-])")


def _verbs_between(text: str, start: int, end: int, limit: int | None = None) -> list[re.Match[str]]:
    """``list(_VERB.finditer(text, start, end))``, found more quickly: a verb at ``start`` itself, then each one
    after a character that may precede it (found with :data:`_VERB_AFTER`, matched again with :data:`_VERB` so
    that the match objects are those of the plain scan). With ``limit``, only the verbs that start before it."""
    out = []
    pos = start
    m = _VERB.match(text, start, end)
    if m is not None:
        out.append(m)
        pos = m.end()
    for c in _VERB_AFTER.finditer(text, pos, end):
        if limit is not None and c.start(1) >= limit:
            break
        out.append(_VERB.match(text, c.start(1), end))
    return out
#: the first words of the reporting phrases ("according" of "according to"): such a phrase can run on
#: past a line break
_PHRASE_FIRST = tuple(sorted({v.split()[0] for v in REPORTING_VERBS if " " in v}))
_TOKEN = re.compile(r"[^\s]+")
_AUX_ADV = frozenset(
    """has had have also later earlier then again previously reportedly repeatedly once would will
    had already further separately publicly privately recently initially originally subsequently just
    has also had also did does do could can should must might shall allegedly officially formally widely often
    first now still always frequently consistently likewise""".split()
)
_PASSIVE = frozenset("been was were is are be being".split())


def _without_adverbs(words: list[str]) -> list[str]:
    """The words without the adverbs at their end ("are occasionally" -> "are")."""
    words = words[:]
    while words and (words[-1].lower() in ADVERBS or words[-1].islower() and adverb_in_ly(words[-1])):
        words.pop()
    return words


def _passive_before(text: str) -> bool:
    """Whether ``text``, the words right before a verb, ends with an auxiliary of the passive or progressive, past
    adverbs ("was told", "are occasionally cited", "is reporting")."""
    words = _without_adverbs(text.split())
    return bool(words) and words[-1].lower() in _PASSIVE
_BOUNDARY = frozenset(
    """that which who whom whose when where while if because but and or as than after before since so
    though although whereas is was are were be been being has had have will would could should can may
    might must did does do not also to said says told what how why whether even""".split()
)
_PRONOUNS = frozenset({"he", "she", "it", "they"})
#: common irregular past-tense verbs: they end a subject noun phrase
_IRREGULAR_PAST = frozenset(
    """spoke met went came made took gave held left led sent struck hit began became brought built chose
    drew fell felt flew fought found got grew heard kept knew lost meant ran rose saw sought sold set shot
    stood thought threw understood won put paid spent bought caught taught wore broke""".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our one another some several many two three".split()
)
_FEMALE = frozenset(
    "she spokeswoman ms ms. mrs mrs. madam woman wife mother daughter niece aunt sister queen congresswoman "
    "chairwoman businesswoman grandmother girl lady".split()
)
_MALE = frozenset(
    "he spokesman mr mr. sir man husband father son nephew uncle brother king congressman chairman "
    "businessman grandfather boy".split()
)
_PERSON = frozenset(
    """spokeswoman spokesman spokesperson minister director president senator governor secretary
    official analyst professor chief leader ambassador envoy diplomat mr mrs ms dr gen sen rep gov
    king queen prime general commander candidate nominee mayor judge lawyer attorney niece wife
    husband mother father son daughter expert researcher economist adviser advisor aide chairman
    chairwoman founder author activist officer deputy representative congressman congresswoman
    strategist pollster scholar fellow manager executive ceo resident witness mr. mrs. ms. dr.
    """.split()
) | UNNAMED_PEOPLE
_ORG = frozenset(
    """ministry agency office council government department statement media news group guard guards
    committee party campaign company court police military army forces network times post
    administration house embassy commission organization organisation report reports state states
    union bank association institute center centre university board service paper newspaper
    website channel tv television radio station authorities authority international foundation coalition
    alliance society federation league fund trust movement front brigade brigades corps command observatory watch
    tribunal parliament assembly congress senate""".split()
)
_INTRO = frozenset(
    """on in at after before following during late early earlier later meanwhile however citing
    according since last this yesterday today tomorrow when while though although as for with
    instead still but and also then once despite amid from under over by well furthermore moreover nevertheless
    nonetheless besides indeed thus therefore hence additionally likewise similarly""".split()
)


def in_quote(pos: int, spans: list[tuple[int, int]], span_starts: list[int]) -> bool:
    """Whether ``pos`` lies inside one of the (sorted, disjoint) quote spans."""
    k = bisect.bisect_right(span_starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


def _verbs_in(doc: "_Doc", a: int, b: int) -> list[re.Match[str]]:
    """Reporting verbs in text[a:b] outside quotes."""
    out = []
    spans, starts = doc.spans, doc.span_starts
    for m in doc.verbs_from(a, b, outside_quotes=True):
        if m.end() <= b:
            pos = m.start()
            k = bisect.bisect_right(starts, pos) - 1  # (in_quote, inline: this runs for every verb looked at)
            if k < 0 or pos >= spans[k][1]:
                out.append(m)
    return out


def _clean_np(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim punctuation and space around text[a:b]; None if nothing is left."""
    strip = " \t\u00a0,;:—–-(\"“”'’‘"
    while a < b and text[a] in strip:
        a += 1
    while b > a and (text[b - 1] in strip or text[b - 1] == "."):
        if text[b - 1] == "." and b - a >= 3 and text[b - 3] in " .":
            break  # keep the period of an abbreviation such as Jr. or U.S.
        b -= 1
    return (a, b) if b > a else None


def _first_comma(toks: list[re.Match[str]]) -> re.Match[str] | None:
    """The first of ``toks`` that ends with a comma outside brackets (not the one of a party tag: "Rep. Jane Roe
    (R., Ohio), a member of ..."), or None."""
    depth = 0
    for t in toks:
        word = t.group(0)
        depth = max(0, depth + word.count("(") - word.count(")"))
        if word.endswith(",") and depth == 0:
            return t
    return None


def _np_before(text: str, verb_start: int, limit: int) -> tuple[int, int] | None:
    """The subject noun phrase ending right before a verb at ``verb_start``."""
    toks = list(_TOKEN.finditer(text, max(limit, verb_start - 300), verb_start))
    k = len(toks)
    # skip auxiliaries and adverbs between subject and verb ("has also said", "she immediately demanded")
    while k and (toks[k - 1].group(0).lower().strip(",") in _AUX_ADV or MANNER_ADVERB.fullmatch(toks[k - 1].group(0))
                 or toks[k - 1].group(0).islower() and adverb_in_ly(toks[k - 1].group(0))):  # "Moshi partially blamed"
        k -= 1
    if k and toks[k - 1].group(0).lower() in _PASSIVE:
        return None
    if k and toks[k - 1].group(0).lower() in MEDIA_NOUNS:
        # "Rhodes in the email said": the speaker before what the statement was made in
        opening = next((j for j in range(k - 2, max(0, k - 5), -1) if toks[j].group(0).lower() in ("in", "on")), None)
        if opening is not None and not any(t.group(0)[-1:] in ",;:" for t in toks[opening - 1:k - 1]):
            k = opening
    if not k:
        return None
    end_tok = toks[k - 1]
    said = end_tok.group(0)
    if said.islower() and (said in REPORTING_VERBS or said in REACTING_VERBS) and not said.endswith("ing") \
            and re.match(r"\w+ing\b", text[verb_start:verb_start + 30]):
        # "Trump responded saying": the participle goes on the subject of the verb of saying right before it
        return _np_before(text, end_tok.start(), limit)
    if end_tok.group(0).endswith(","):
        # "X, appositive, said": the subject is what precedes the first comma of the clause
        j = k - 1
        words = 0
        while j > 0 and words < 40:
            prev = toks[j - 1].group(0)
            low = prev.lower().strip(",.")
            if low in ("which", "who") and j > 1 and toks[j - 2].group(0).endswith(","):
                j -= 1  # "X, the head of Y, which has …, told": a relative clause inside the appositive
                words += 1
                continue
            if prev.endswith((";", ":")) or prev.endswith(".") and not _abbreviation(prev) \
                    or low in ("that", "which", "but", "while", "though", "although", "because", "as") \
                    or low == "and" and toks[j].group(0).lower() not in ("a", "an", "the"):
                break  # "director of X and a professor at Y," stays one appositive
            j -= 1
            words += 1
        first = toks[j:k]
        lead = _first_comma(first)
        opening = first[0].group(0).lower()
        if lead is not None and lead is not end_tok and (
                opening in _NOT_SUBJECT | _INTRO or first[0] is lead and opening.rstrip(",") in _INTRO
                or _intro_phrase(first[:first.index(lead) + 1])):
            # "With 50 days to go, Jane Roe, an adviser, called", "Meanwhile, Jane Roe, an adviser, called",
            # "Already in Britain, Nigel Farage, an MP, tweeted", "Three weeks ago, the head, Ahmet Uzumcu, said"
            first = first[first.index(lead) + 1:]
        comma = _first_comma(first)
        if comma is None or comma is end_tok and len(first) == 1:
            return None
        span = _clean_np(text, first[0].start(), comma.end())
        if span and any(t.group(0).lower() in _BOUNDARY for t in first[:first.index(comma)]):
            # "That is why in 1911 the renowned edition, in its entry, said": the phrase before the comma
            span = _np_before(text, comma.end() - 1, max(limit, first[0].start()))
        if span and first[0].group(0).lower() in _DETERMINERS:
            # "The ship's second in command, Cmdr. Jane Roe, told": the name after the description
            rest = first[first.index(comma) + 1:]
            nxt = next((t for t in rest if t.group(0).endswith(",")), None)
            if nxt is not None and all(t.group(0)[:1].isupper() for t in rest[:rest.index(nxt) + 1]):
                span = _clean_np(text, rest[0].start(), nxt.end()) or span
        if span and _plausible_np(text[span[0]:span[1]]):
            return span
        return None
    j = k
    taken = 0
    while j > 0 and taken < 8:
        tok = toks[j - 1].group(0)
        low = tok.lower().strip("“”\"‘’'()")
        if tok.endswith((",", ";", ":", ".", "”", "\"")) and j < k:
            if not (tok.endswith(".") and len(tok) <= 4 and tok[:1].isupper()):  # Rep. Sen. Mr.
                break
        if "<" in tok or ">" in tok:
            break  # markup ends a noun phrase
        if low in _BOUNDARY and not (tok == "May" and j == k and not (
                j > 1 and toks[j - 2].group(0).lower() in _BEFORE_MONTH)) or (low in REPORTING_VERBS and j < k):
            break  # (a capitalised "May" right before the verb is a name: "Theresa May said", "May announced")
        if tok[:1] in "([" and not any(c in tok for c in ")]"):
            j -= 1  # "... about the case (he called it": a bracket opens the noun phrase (not "(R)" of a name)
            break
        if low.endswith("ed") and not tok[:1].isupper() and j < k and low not in ("red", "united", "armed"):
            break
        j -= 1
        taken += 1
        if tok.endswith(",") and j == k - 1:
            break
    if j == k:
        return None
    span = _clean_np(text, toks[j].start(), toks[k - 1].end())
    lo_rel = max(limit, toks[j].start() - 80)
    rel = _WHO_VERB.search(text, lo_rel, toks[j].start()) \
        if span and ("who " in text[lo_rel:toks[j].start()] or "that " in text[lo_rel:toks[j].start()]) else None
    if rel is not None and rel.group(1).lower() in REPORTING_VERBS | _IRREGULAR_PAST or rel is not None \
            and text[rel.start(1):rel.end(1)].endswith(("s", "ed")):
        # "the newscaster who announces such breakthroughs said": the noun the relative clause is about
        head = _np_before(text, rel.start(), limit)
        if head is not None:
            return head
    # drop a leading preposition ("with foreign ministry spokeswoman Mao Ning saying")
    if span:
        m = _LEADING_PREPOSITION.match(text[span[0]:span[1]])
        if m:
            span = _clean_np(text, span[0] + m.end(), span[1])
    if span:
        *lead, last = text[span[0]:span[1]].split()
        if lead and last.lower() in _PRONOUNS and all(w.lower() in ADVERBS for w in lead):
            span = (span[1] - len(last), span[1])  # "and now he says": a pronoun is the whole subject
    if span and _plausible_np(text[span[0]:span[1]]):
        return span
    return None


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting right after an inverted verb ("said Rep. X", "according to X")."""
    toks = list(_TOKEN.finditer(text, pos, min(limit, pos + 300)))
    if not toks:
        return None
    first = toks[0].group(0).strip("“\"(").rstrip(".,;:!?")  # ("say experts.": the word, not its stop)
    second = toks[1].group(0) if len(toks) > 1 else ""
    if first.lower() == "that":
        return None  # "acknowledged that the militants advanced": what was said, not who said it
    if not (first[:1].isupper() or first[:1].isdigit() and len(toks) > 2 and toks[1].group(0)[:1].islower()
            and toks[2].group(0)[:1].isupper() or first.lower() in _DETERMINERS or first.lower() in _PERSON
            or first in _MODIFIERS and (second[:1].isupper() or second.lower() in _PERSON)
            or first in _NAME_PARTICLES and second[:1].isupper()):
        return None  # "said Rep. X", "said the ministry", "said spokesman X", "said former President X", "said de X"
    end = None
    for n, t in enumerate(toks[:14]):
        tok = t.group(0)
        low = tok.lower().strip(",.;:")
        if n and low in ("who", "which", "that", "when", "in", "on", "at", "during", "after", "while", "for"):
            break
        end = t.end()
        if tok.endswith((",", ";", ":", "?", "!")) or (tok.endswith(".") and not (len(tok) <= 4 and tok[:1].isupper())):
            break
    if end is None:
        return None
    span = _clean_np(text, toks[0].start(), end)
    if span and text[span[0]:span[1]].lower() in DAYS:
        return None  # "said Sunday on CNN's": a day, no speaker
    if span and first in UNNAMED_PEOPLE and not _INVERTED_END.match(text, span[1]):
        return None  # "said lawmakers “look forward”": the subject of what was said, not who said it
    if span and _plausible_np(text[span[0]:span[1]]):
        return span
    return None


#: what may follow unnamed people after an inverted verb: the end of the clause or what they are
_INVERTED_END = re.compile(r"\s*(?:[.,;:!?]|$|(?:who|familiar|close|speaking|with|in|at|from|for|of)\b)")


def _plausible_np(np_text: str) -> bool:
    words = np_text.split()
    if not words or len(words) > 14:
        return False
    lows = [w.lower().strip(",.") for w in words]
    if any(w in ("is", "was", "are", "were", "that", "which", "would", "will", "has", "had") for w in lows[1:]):
        return False
    if lows[0] in ("i", "we", "you", "me", "us") and len(words) == 1:
        return True
    if "<" in np_text or ">" in np_text or any(c in np_text for c in "“”\""):
        return False  # markup or a quotation is no speaker
    last = _POSSESSIVE.sub("", lows[-1])
    if last in _FUNCTION_WORDS and not (len(words) == 1 and last in _PRONOUNS):
        return False  # a fragment: "the", "resume his"
    if not words[0][:1].isupper() and lows[0] not in _NP_OPENERS:
        if len(words) == 1 and not (last.endswith("s") and not last.endswith(("ss", "ous"))):
            return False  # a lone word that names no one: "adding", "egregiously", "intelligence"
        if len(words) > 1 and (words[1][:1].isupper() and (lows[0].endswith(("s", "ed", "ing", "ly")) or lows[0] in _IRREGULAR_PAST
                                                    or lows[0] in _BOUNDARY or lows[0] in ADVERBS)
                               or lows[1] in _DETERMINERS or lows[1] in _FUNCTION_WORDS):
            return False  # a verb phrase: "represents New York City educators", "negotiate with him"
    return any(ch.isalpha() for ch in np_text)


#: words before a determiner or a noun that open a sentence in capitals and name no one
_PREDETERMINERS = frozenset("such what all both each any every no".split())
_FUNCTION_WORDS = frozenset(
    """the a an his her its their our my your to of in on at for with by from and or but that this these
    those as into than then so if is was are were be been""".split()
)
_QUANTIFIERS = frozenset(
    """all some many several most both few other each every no former late senior top chief then current
    acting deputy two three four five local federal state foreign one retired""".split()
)
#: lower-case words that can open a noun phrase naming a source
_NP_OPENERS = _DETERMINERS | _PRONOUNS | _QUANTIFIERS | _PERSON | _ORG
#: lower-case words before a title or name after an inverted verb ("said former Vice President X",
#: "wrote state Rep. X", "said retired Army Col. X"; not "said late Tuesday")
_MODIFIERS = _QUANTIFIERS - {"late", "then", "no", "other", "one"}
#: lower-case particles that open a surname ("said de Blasio")
_NAME_PARTICLES = frozenset("de van von da du del della di al el bin ibn ter le la".split())


def _intro_phrase(toks: list[re.Match[str]]) -> bool:
    """Whether the words before a sentence's first comma introduce it: a phrase of time ("Three weeks ago,") or an
    adverb with a place or time ("Already in Britain,", "Later that day,"), not a subject ("Even China,")."""
    words = [t.group(0).lower().strip(",") for t in toks]
    return time_phrase(words) or len(words) > 2 and words[0] in ADVERBS and words[1] in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = frozenset("in at on across inside outside near".split())


def _sentence_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject noun phrase at the start of the sentence text[s:e]."""
    toks = list(_TOKEN.finditer(text, s, min(e, s + 300)))
    if not toks or toks[0].group(0)[:1] in "“\"‘'«":
        return None
    k = 0
    # skip an introductory phrase ("On Wednesday,", "On July 6, 2015,", "Following this,", "Already in Britain,",
    # "Three weeks ago,")
    opening = next((n for n, t in enumerate(toks[:8]) if t.group(0).endswith(",")), None)
    if toks[0].group(0).lower().strip(",") in _INTRO or opening is not None and _intro_phrase(toks[:opening + 1]):
        for n, t in enumerate(toks[:14]):
            if t.group(0).endswith(",") and not (n + 1 < len(toks) and toks[n + 1].group(0)[:1].isdigit()):
                k = n + 1
                break
        else:
            # no comma: drop the leading connectives ("Though she said")
            while k < len(toks) - 1 and toks[k].group(0).lower() in _INTRO | _BOUNDARY:
                k += 1
    if k >= len(toks):
        return None
    j = k
    while j < len(toks) and j - k < 8:
        tok = toks[j].group(0)
        low = tok.lower().strip(",.;:")
        if j > k and (low in _BOUNDARY or low in REPORTING_VERBS or low in _AUX_ADV or low in _IRREGULAR_PAST
                      or MANNER_ADVERB.fullmatch(tok) or low.endswith(("n't", "n’t"))
                      or (low.endswith(("ed", "es")) and not tok[:1].isupper())
                      or (low.endswith("s") and not tok[:1].isupper() and low not in _ORG | UNNAMED_PEOPLE
                          and j - k >= 1
                          and toks[j - 1].group(0)[:1].isupper() and not low.endswith(("ss", "’s", "'s")))):
            break
        j += 1
        if tok.endswith((",", ";", ":")) or tok.endswith(".") and not _abbreviation(tok):
            break
        if low in UNNAMED_PEOPLE and tok[:1].islower() and j - 1 > k and toks[j - 2].group(0)[:1].isupper():
            break  # "Iranian officials | responded", "NATO leaders | plan": unnamed people after a name end it
    if j == k:
        return None
    first = toks[k].group(0).lower().strip(",")
    if first in REPORTING_VERBS or (first.endswith("ing") and not toks[k].group(0)[:1].isupper()):
        return None  # "…, adding that": a participle, not a subject
    span = _clean_np(text, toks[k].start(), toks[j - 1].end())
    if span is None or not _subject_like(text[span[0]:span[1]]):
        return None
    return span


_NOT_SUBJECT = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december if with without when while after before as because although
    though unless until since once whether yes no so""".split()
)


def _subject_like(np_text: str) -> bool:
    """Whether a sentence-initial phrase can be a subject: not a day, an adverb, a clause opener
    ("If she", "With 50 days") or a dateline or heading in capitals ("LOS ANGELES")."""
    words = np_text.split()
    if not words:
        return False  # only spaces between two marks: no phrase
    first = words[0].lower().strip(",.")
    if first in _NOT_SUBJECT or (first.endswith("ly") and len(words) == 1 and first not in ("italy", "sally")):
        return False
    if " — " in np_text or " – " in np_text or " -- " in np_text:
        return False  # a dateline ("LOS ALTOS — Heavy rain") or an aside
    return not (np_text.isupper() and len(np_text) > 4)


def _abbreviation(tok: str) -> bool:
    """A title, an initial, a dotted acronym or an abbreviation inside a name ("Mr.", "F.", "U.S.", "St.")
    that does not end a phrase."""
    core = tok.rstrip(".").lower()
    return core in TITLES or (len(core) == 1 and core.isalpha()) or ("." in core and len(core) <= 5) or \
        is_name_abbreviation(tok)


_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
# a relative clause between a noun and its verb: "who announces", "that covers"
#: a relative clause that ends where a subject noun phrase starts: "the newscaster who announces such
#: breakthroughs | said", "one member who traveled to | Charlotte noted"
_WHO_VERB = re.compile(r"\s(?:who|that)\s+(?:[a-z]+ly\s+)?([a-z]+)\s+(?:[^\s,;:.“”\"]+\s+){0,6}$")


def _category(np_text: str) -> set[str]:
    """Which pronouns a noun phrase can be referred to with (decided by its head word)."""
    tokens = np_text.split()
    if not tokens:
        return set()
    words = [_POSSESSIVE.sub("", w.strip(",.()")).lower() for w in tokens]
    head_tok = tokens[-1].strip(",.()")
    head = words[-1]
    caps = [w for w in tokens if w[:1].isupper()]
    possessive = any(_POSSESSIVE.search(w.strip(",.")) for w in tokens)
    plural = (head.endswith("s") and not head.endswith(("ss", "us", "news")) and not head_tok[:1].isupper()) \
        or head in ("media", "police", "people")
    if head in _ORG or (head_tok[:1].islower() and not head in _PERSON and set(words) & _ORG):
        return {"they"} if plural else {"it", "they"}
    # (unnamed people opening a sentence are a group: "People have power," she said)
    person = (head in _PERSON and not plural) \
        or (head_tok[:1].isupper() and head not in UNNAMED_PEOPLE and bool(set(words) & _PERSON)) \
        or (len(caps) >= 2 and len(caps) == len(tokens) and not possessive and not set(words) & _ORG)
    if person:
        female, male = bool(set(words) & _FEMALE), bool(set(words) & _MALE)
        return {"she"} if female else {"he"} if male else {"he", "she"}
    if plural:
        return {"they"}
    return {"it"}


@dataclass(slots=True)
class _Attr:
    speaker: tuple[int, int] | None
    verb: tuple[int, int] | None


class _Doc:
    """Per-document state for attribution."""

    def __init__(self, text: str, raws: list[_Raw]):
        self.text = text
        self.sents = split_sentences(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.spans = [(r.open_start, r.close_end) for r in raws]
        self.span_starts = [s for s, _ in self.spans]
        # the reporting verbs of each sentence, found when a rule first looks there (see verbs_from), and those
        # that start outside the quotes
        self._sent_verbs: dict[int, list[re.Match[str]]] = {}
        self._sent_verbs_outside: dict[int, list[re.Match[str]]] = {}
        # resolved speakers by sentence: sentence index -> list of (pos, (start, end))
        self.speakers_by_sentence: dict[int, list[tuple[int, tuple[int, int]]]] = {}
        self._subjects: dict[int, tuple[int, int] | None] = {}
        self._lower: str | None = None

    def lower(self) -> str:
        """The text in lower case (computed once)."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def subject(self, k: int) -> tuple[int, int] | None:
        """The subject noun phrase of sentence ``k`` (computed once)."""
        if k not in self._subjects:
            s, e = self.sentence(k)
            self._subjects[k] = _sentence_subject(self.text, s, e)
        return self._subjects[k]

    def verbs_from(self, a: int, b: int, *, outside_quotes: bool = False) -> list[re.Match[str]]:
        """The reporting verbs that start in text[a:b], in order, as one scan of the whole text finds them.

        Each sentence is scanned when a rule first looks into it (the rules look near the quotes): a verb
        never holds a sentence boundary, and one that runs on past the end of a sentence, a phrase ("according
        to") over a line break, is looked for there. With ``outside_quotes``, the verbs that start inside a
        quote are left out (and not looked for): a verb is made of letters and spaces, so it never holds a
        quotation mark, and a scan of the text outside the quotes finds the verbs a scan of the whole text
        finds there."""
        out: list[re.Match[str]] = []
        text = self.text
        sents = self.sents
        n = len(sents)
        cache = self._sent_verbs_outside if outside_quotes else self._sent_verbs
        k = max(bisect.bisect_right(self.sent_starts, a) - 1, 0)
        while k < n:
            start, end = sents[k]
            if start >= b:
                break
            found = cache.get(k)
            if found is None:
                found = self._verbs_outside(start, end) if outside_quotes else _verbs_between(text, start, end)
                for word in _PHRASE_FIRST:
                    at = text.rfind(word, start, end)
                    if at >= 0 and not text[at + len(word):end].strip():
                        whole = _VERB.match(text, at)
                        if whole is not None and whole.end() > end:
                            found = [m for m in found if m.start() < at] + [whole]
                cache[k] = found
            if found:
                if a <= start and end <= b:
                    out += found  # every verb of the sentence starts in it
                else:
                    out += [m for m in found if a <= m.start() < b]
            k += 1
        return out

    def _verbs_outside(self, start: int, end: int) -> list[re.Match[str]]:
        """``_verbs_between(text, start, end)`` without the verbs that start inside a quote."""
        spans = self.spans
        k = bisect.bisect_right(self.span_starts, start) - 1
        if k < 0 or spans[k][1] <= start:
            k += 1  # the first quote that can hold a character of the sentence
        out: list[re.Match[str]] = []
        pos = start
        while k < len(spans) and spans[k][0] < end:
            if spans[k][0] > pos:
                out += _verbs_between(self.text, pos, end, spans[k][0])
            pos = max(pos, spans[k][1])
            k += 1
        if pos < end:
            out += _verbs_between(self.text, pos, end)
        return out

    def sentence_of(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return max(k, 0)

    def sentence(self, k: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        return self.sents[k]


def _attribute(doc: _Doc, r: _Raw) -> _Attr | None:
    text = doc.text
    n_sent = len(doc.sents)
    if not n_sent:
        return None
    k_open = doc.sentence_of(r.open_start)
    s_open, _ = doc.sentence(k_open)
    s_open = max(s_open, r.open_line, r.open_start - _WINDOW)
    # the sentence after the closing mark (the same one, unless the quote ended it)
    after_pos = r.close_end
    while after_pos < len(text) and text[after_pos] in " \t":
        after_pos += 1
    k_after = doc.sentence_of(after_pos)
    a_s, a_e = doc.sentence(k_after)
    if not (a_s <= after_pos < a_e) or after_pos >= r.line_end:
        a_e = r.close_end  # nothing follows in the paragraph
    a_e = min(a_e, r.close_end + _WINDOW)
    before = _verbs_in(doc, s_open, r.open_start)
    after = _verbs_in(doc, r.close_end, max(a_e, r.close_end))

    # a verb of saying earlier in the sentence governs the clause the quote is in
    # ("X said the leaders had agreed “…”", "X said last week Y had promised “…”": X's words)
    outer = next((v for v in before[:-1] if v.group(1).lower() in _SAY or _THAT_AFTER.match(text, v.end())),
                 None) if len(before) > 1 else None
    if outer is not None and before[-1].group(1).lower() not in _SAY and before[-1].group(1).lower() not in _LABELLING \
            and not _OPEN_MARK.search(text, outer.end(), before[-1].start()):
        got = _speaker_for_verb(doc, outer, s_open, r.open_start)
        if got is not None and got.speaker is not None:
            return got
    # 1. a verb right before the opening mark
    if before:
        v = before[-1]
        gap = text[v.end():r.open_start]
        if len(gap.split()) <= 3 and _VERB_GAP.fullmatch(gap):
            got = _speaker_for_verb(doc, v, s_open, r.open_start)
            if got is not None:
                return got
    # 2. a reporting clause right after the quote
    inner_end = text[max(r.start, r.end - 8):r.end].rstrip("”’\"' ")
    trail = text[r.close_end:a_e].lstrip()
    lead = text[s_open:r.open_start].rstrip()
    starts_clause = not before or not _WORD_CHAR.search(lead) or lead.endswith((":", "—", "–"))
    if after and starts_clause and (inner_end.endswith((",", "?", "!", "—", "–", "-", "…")) or trail.startswith((",", "—", "–"))):
        v = after[0]
        gap = text[r.close_end:v.start()]
        if len(gap.split()) <= 14 and not _CLAUSE_END.search(_ABBREV.sub("", gap)):
            if not gap.strip(" ,—–-"):
                np_span = _np_after(text, v.end(), a_e) if not v.group(1).endswith("ing") else None
                if np_span is not None:
                    return _Attr(np_span, v.span())
            elif not _passive_before(gap):
                # (not a passive: "“…,” often related to policies, that are occasionally cited by groups")
                np_span = _clean_np(text, r.close_end, v.start())
                if np_span is not None:
                    np_span = _strip_aux(text, np_span)
                if np_span is not None:
                    np_span = _head_np(text, np_span)
                if np_span is not None and _plausible_np(text[np_span[0]:np_span[1]]):
                    return _Attr(np_span, v.span())
    # 3. the nearest reporting verb before the quote in its clause ("X spoke at length, but she …" ends X's)
    cut = _coordinated_clause(text, before[0].end(), r.open_start) if before else None
    for v in reversed(before):
        if cut is not None and v.start() < cut[0]:
            break
        got = _speaker_for_verb(doc, v, s_open, r.open_start)
        if got is not None:
            return got
    # 4. a reporting verb after the quote in its sentence
    k_close = doc.sentence_of(max(r.close_end - 1, 0))
    c_s, c_e = doc.sentence(k_close)
    c_s, c_e = max(c_s, r.close_end - _WINDOW), min(c_e, r.close_end + _WINDOW)
    late = _verbs_in(doc, r.close_end, max(c_e, r.close_end))
    for v in late:
        got = _speaker_for_verb(doc, v, c_s, c_e, after_quote=r.close_end)
        if got is not None:
            return got
    return None


# titles and initials whose period ends no sentence ("“…?” Mr. Obama said", "said Lt. Gen. H. R. McMaster")
_ABBREV = re.compile(r"\b(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r"|[A-Z])\.", re.IGNORECASE)


def _head_np(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Drop leading connectives ("Though she") and a trailing appositive ("Smith, a spokesman")."""
    a, b = span
    for m in _TOKEN.finditer(text, a, b):
        low = m.group(0).lower().strip(",")
        if (low in _BOUNDARY or low in _INTRO) and low not in _DETERMINERS and m.end() < b:
            a = m.end()
            continue
        break
    comma = text.find(", ", a, b)
    if comma > a:
        b = comma
    return _clean_np(text, a, b)


def _strip_aux(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    a, b = span
    words = text[a:b].split()
    while words and words[-1].lower() in _AUX_ADV:
        words.pop()
        b = text.rfind(words[-1], a, b) + len(words[-1]) if words else a
    return (a, b) if b > a else None


#: plurals in -ers that name things, not people
_THING_PLURALS = frozenset("letters papers orders numbers banners posters flyers headers markers layers".split())


def _clause_subject(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The subject of the clause that ends at ``b`` (see :func:`framing.text.grammar.clause_subject`)."""
    toks = tokenize(text, a, b)
    cut = max((k for k, t in enumerate(toks) if t.text in ",;:“”\"(" or t.text in DASH_TOKENS), default=-1)
    if cut < 0:
        return None
    span = _sentence_subject(text, toks[cut].end, b)
    if span is None or text[span[0]:span[1]].lower() == "it":
        return None
    return span if _plausible_np(text[span[0]:span[1]]) and _names_source(text[span[0]:span[1]]) else None


def _speaker_for_verb(doc: _Doc, v: re.Match[str], s: int, e: int, *,
                      after_quote: int | None = None) -> _Attr | None:
    text = doc.text
    word = v.group(1)
    if word.startswith("according"):
        np_span = _np_after(text, v.end(), e)
        return _Attr(np_span, v.span()) if np_span else None
    lo = after_quote if after_quote is not None else s
    prev_text = text[max(lo, v.start() - 40):v.start()]
    prev_words = prev_text.split()
    if _passive_before(prev_text):
        if not word.endswith("ing"):
            return None  # "was told", "been said", "are often cited": a passive names no speaker here
        # "The Daily Mirror is reporting that …": a progressive, its subject before the auxiliary
        word_aux = _without_adverbs(prev_words)[-1]
        aux = max((m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word_aux) + r"(?!\w)", text[lo:v.start()])),
                  default=-1 - lo) + lo
        np_span = _np_before(text, aux, lo) if aux > lo else None
        if np_span is None or in_quote(np_span[0], doc.spans, doc.span_starts):
            return None
        lead = text[max(lo, np_span[0] - 12):np_span[0]].split()
        if lead and (lead[-1].lower() in _SUBORDINATORS or lead[-1].lower() in _PREPOSITIONS):
            # "… about which she was alleging misdeeds": a relative clause, not the quote's;
            # "advocates have for years been condemning": "years" is no subject
            return None
        return _Attr(np_span, v.span())
    if len(prev_words) >= 2 and prev_words[-1].lower() == "and" and prev_words[-2].lower().strip(",") in (
            "summoned", "contacted", "briefed", "called"):
        return None
    if word.endswith("ing"):
        stripped = prev_text.rstrip()
        bare = _without_adverbs(prev_words)  # (past adverbs after the comma: "..., again threatening")
        if stripped.endswith(",") or not prev_words or bare and bare[-1].endswith(",") and len(bare) < len(prev_words):
            subj = _coordinated_clause(text, s, v.start()) or _main_clause(doc, s, v.start()) \
                or _sentence_subject(text, s, e)
            if subj is None:
                # "“…,” Trump said, adding": the speaker of the reporting verb before
                for prev in reversed(_verbs_in(doc, max(s, v.start() - 120), v.start())):
                    if not prev.group(1).endswith("ing"):
                        got = _speaker_for_verb(doc, prev, s, v.start())
                        if got is not None and got.speaker is not None:
                            return _Attr(got.speaker, v.span())
                        break
            return _Attr(subj, v.span())
        np_span = _np_before(text, v.start(), lo)
        if np_span is not None:
            before_np = text[max(lo, np_span[0] - 30):np_span[0]].split()
            # "with X saying" or a sentence-initial X: X speaks; "issued a statement calling": the subject does
            if not before_np or before_np[-1].lower() == "with":
                return _Attr(np_span, v.span())
        toks = tokenize(text, max(lo, v.start() - 120), v.start())
        got = np_before(toks, len(toks) - 1) if toks else None
        if got is not None and not stripped.endswith(","):
            head = toks[got[1]].low
            if head in _PERSON or head.endswith(("ers", "ists", "ians")) and head not in _THING_PLURALS:
                return _Attr((toks[got[0]].start, toks[got[1]].end), v.span())  # "caught the attackers saying"
        clause = _clause_subject(text, max(s, v.start() - 120), v.start())
        if clause is not None:
            return _Attr(clause, v.span())  # "…, Spicer put out a statement saying"
        subj = _sentence_subject(text, s, e)
        return _Attr(subj, v.span())
    rel = _RELATIVE.search(text, max(lo, v.start() - 120), v.start()) \
        if _WHO_WHICH.search(text[max(lo, v.start() - 24):v.start()]) else None
    if rel is not None:
        # "Rep. Jane Roe, the top Democrat on the House Committee, who called": the name before the appositive
        app = _APPOSED.search(text, max(lo, rel.start(1) - 160), rel.start(1))
        return _Attr(app.span(1) if app else rel.span(1), v.span())  # "Nuland, who wrote back, “…”": the name the clause is about
    np_span = _np_before(text, v.start(), lo)
    if np_span is not None and not in_quote(np_span[0], doc.spans, doc.span_starts):
        return _Attr(np_span, v.span())
    if len(prev_words) >= 2 and prev_words[-1].lower() == "and" and prev_words[-2][:1].islower() \
            and (prev_words[-2].lower().endswith("ed") or prev_words[-2].lower() in REPORTING_VERBS | _IRREGULAR_PAST):
        # "I laughed and said": the subject of the verb before "and"
        first_verb = text.rfind(prev_words[-2], lo, v.start())
        np_span = _np_before(text, first_verb, lo) if first_verb >= 0 else None
        if np_span is not None and len(text[np_span[0]:np_span[1]].split()) <= 4:
            return _Attr(np_span, v.span())
    if prev_words and prev_words[-1].lower() == "and":
        subj = _sentence_subject(text, s, e)
        if subj is not None:
            return _Attr(subj, v.span())
    # an inverted verb: "read the statement", "said Rep. X" (never an infinitive: "to dismiss the critics")
    # (nor after an auxiliary: "“witnesses” have claimed the driver …" names no speaker after the verb)
    np_span = _np_after(text, v.end(), e) if not (prev_words and prev_words[-1] in _NO_INVERSION) else None
    if np_span is not None and text[v.end():np_span[0]].strip() == "":
        # (not the object of a verb whose subject went before: "X, speaking on ABC, called the committee “bogus”",
        # "Fabius warned against a deal and told a French radio station: “…”": the verb's quotation, its speaker
        # not found here)
        return _Attr(np_span if _inverted_position(text, lo, v, np_span[1]) else None, v.span())
    return None


def _inverted_position(text: str, lo: int, verb: re.Match[str], np_end: int) -> bool:
    """Whether a verb with a noun phrase after it stands where a speaker is inverted: after a quotation or a comma
    that closes what was said ("“…,” bemoaned Sen. X", "…, points out X"), its noun phrase followed by no quotation.

    Not a verb whose subject went before and whose object follows ("Lenzen and Bay -- who are white -- called the
    entire case “a tragedy”", "Romney also blasted Obama's decision"): the object is no speaker."""
    # (past adverbs before a verb that inverts: "“…,” also said X", "…, later added X"; not "Romney also blasted",
    # "Palin, wearing a shirt that said “women hunt,” also accused the president")
    before = text[lo:verb.start()].split()
    before = " ".join(_without_adverbs(before) if verb.group(1).lower() in INVERTING else before)
    dash = next((d for d in _INVERTING_DASHES if before.endswith(d)), None)
    if dash is not None:
        before = before[:-len(dash)].rstrip()
        if before and before[-1] not in "”\"’'":
            return False  # (a dash inverts after a quotation only: "“…” — said X", not "-- who are white -- called")
    if before and before[-1] not in ",”\"’':;?!(…" and not before.endswith("..."):
        return False
    # (a nickname inside the name is no quotation after an object: "said retired Gen. James “Spider” Marks")
    return not _OPEN_MARK.match(text[np_end:].lstrip()[:1]) or _NICKNAME.match(text, np_end) is not None


#: dashes after a quotation before an inverted speaker ("“…” — said X"; a hyphen typed for a dash)
_INVERTING_DASHES = DASH_TOKENS | {"-"}
#: a nickname between a given name and a surname ("James “Spider” Marks")
_NICKNAME = re.compile(r"\s*[“\"][A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?[”\"]\s+[A-Z]")


_PREPOSITIONS = frozenset("for in on at by with from of about over after before during since into".split())
#: words before a month name ("in May", "since May")
_BEFORE_MONTH = frozenset("in since until till by of last early late mid through from during next this".split())
#: words after which a verb is never inverted before its subject
_NO_INVERSION = frozenset("to have has had will would could can may might should must do does did".split())


# a name, a comma and a relative "who" right before a reporting verb
_RELATIVE = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*(?<![’'])),\s+(?:who|which)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$")


#: (the description may hold abbreviations: "the U.S. ambassador to the United Nations")
_APPOSED = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*(?<![’'])),\s+(?:the|a|an)\s+"
                      r"(?:[^,;:.“”\"]|(?<=[A-Z])\.){1,100}$")

_SUBJ_VERB = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)(?:’s|'s)?\s+(?:(?:also|has|had|have|then|later|again)\s+)*"
    r"(?:[a-z]+ed|[a-z]+s|said|told|made|took|gave|hit|struck|began|sent|led|won)\b"
)


def _resolve(doc: _Doc, pron: str, pos: int, k_sent: int) -> tuple[int, int] | None:
    """Named antecedent of a pronoun at ``pos`` in sentence ``k_sent``."""
    text = doc.text
    s, _ = doc.sentence(k_sent)
    s = max(s, pos - _WINDOW)
    # same sentence: a named subject before the pronoun (nearest first)
    if pos > s:
        cands = []
        for m in _SUBJ_VERB.finditer(text, s, pos):
            if in_quote(m.start(), doc.spans, doc.span_starts):
                continue
            end = m.end(1)
            if text[m.start(1):end].endswith(("’s", "'s")):
                end -= 2  # "Iran’s strikes ... what it claimed": the possessor
            cands.append((m.start(1), end))
        subj = _sentence_subject(text, s, pos) if s == doc.sentence(k_sent)[0] else None
        if subj is not None and subj[1] <= pos:
            cands.insert(0, subj)
        for a, b in reversed(cands):
            name = text[a:b]
            if name.lower() in _PRONOUNS | _DETERMINERS | _PREDETERMINERS or name.split()[0].lower() in _INTRO:
                continue  # ("Such abuses, it said": no one named "Such")
            if not name[:1].isupper():
                continue
            if pron in _category(name):
                return (a, b)
    for k in range(k_sent - 1, max(-1, k_sent - 5), -1):
        cand = [(sp, True) for _, sp in sorted(doc.speakers_by_sentence.get(k, []), reverse=True)]
        subj = doc.subject(k)
        if subj is not None:
            cand.append((subj, False))
        for (a, b), speaks in cand:
            name = text[a:b]
            if name.lower() in _PRONOUNS or not name[:1].isupper() and name.split()[0].lower() not in ("the",):
                continue
            if pron in (_speaker_category(name) if speaks else _category(name)):
                return (a, b)
    return None


def _speaker_category(name: str) -> set[str]:
    """:func:`_category` of a phrase already seen speaking: a lone surname ("Limbaugh") is a person."""
    cats = _category(name)
    words = name.split()
    if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper() \
            and _POSSESSIVE.sub("", words[0]).lower() not in _ORG:
        return cats | {"he", "she"}
    return cats


def find_quotes(text: str, *, resolve_pronouns: bool = True) -> list[Quote]:
    """Quotations in one document, with speakers, verbs and kinds.

    Parameters
    ----------
    text : str
        The document text.
    resolve_pronouns : bool, default True
        Replace a pronoun speaker (he, she, it, they) by its named antecedent
        where one is found; with False the pronoun is kept as written.

    Returns
    -------
    list of Quote
        Outermost quotations in text order; see :class:`Quote` and the module
        documentation for the rules.
    """
    return list(analyse_quotes(text, resolve_pronouns)[0])


def analyse_quotes(text: str, resolve_pronouns: bool = True, *,
                   speakers: bool = True) -> tuple[tuple[Quote, ...], list[tuple[int, int]]]:
    """The quotes of one document and, when it has any, the sentence spans found on the way.

    Attributing quotes splits the document into sentences (:func:`framing.text.sentences.split_sentences`);
    :func:`framing.text.annotate.annotate` reuses those spans instead of splitting a second time. The
    sentence list is empty for a document without quotation marks.

    With ``speakers=False`` only the kinds and spans of the quotes are wanted (their voice): a quote after
    the last one that could be a scare quote is direct or a title whoever speaks it, so its source is not
    looked for and its ``speaker`` and ``verb`` are None; no quote's ``speaker_name`` is worked out. With
    ``resolve_pronouns=False`` too, only the sources that can change the kind of a possible scare quote are
    looked for (see :func:`_sources_needed`); the other quotes have no speaker either. The kinds are those
    found with speakers.
    """
    if not text:
        return (), []
    text = without_link_cards(text)  # (same offsets)
    raws = _raw_quotes(text)
    if not raws:
        return (), []
    doc = _Doc(text, raws)
    out: list[Quote] = []
    last_attr: _Attr | None = None
    last_attr_line = -1
    needed = None
    scare = None
    titled = None
    own: dict[int, tuple[bool, _Attr | None]] = {}
    if speakers:
        last_scare = len(raws)
    else:
        # without speakers: past the last quote that can be a scare quote, no source changes a kind
        scare = [_is_scare(doc, r) for r in raws]
        last_scare = max((k for k, s in enumerate(scare) if s), default=-1)
        if not resolve_pronouns:
            titled = [_titled(doc, r) for r in raws]
            needed = _sources_needed(doc, raws, scare, titled, own)
    for k, r in enumerate(raws):
        if (titled[k] if titled is not None else _titled(doc, r)) or _listed_title(doc, out, r):
            out.append(Quote(r.start, r.end, "title", None, None, None, None, None, None, r.open_start, r.close_end))
            continue
        if k > last_scare or needed is not None and not needed[k]:
            out.append(Quote(r.start, r.end, "direct", None, None, None, None, None, None, r.open_start, r.close_end))
            continue
        distanced, attr = own[k] if k in own else _own_source(doc, r)
        inherited = False
        if not distanced and (attr is None or attr.speaker is None and attr.verb is None):
            # continuation: same paragraph, or a quote opening its paragraph after an attributed one
            if last_attr is not None and (last_attr_line == r.open_line
                                          or r.at_line_start and _is_statement(text, r)):
                if r.at_line_start and last_attr_line != r.open_line:
                    if not _previous_line_is(text, r.open_start, last_attr_line):
                        last_attr = None
                if last_attr is not None and not (last_attr_line == r.open_line and _names_new_source(doc, r)):
                    attr = last_attr
                    inherited = True
        # (whether the quote can be a scare quote, worked out once, when first asked)
        can_scare = scare[k] if scare is not None else None
        if not distanced and (attr is None or attr.speaker is None and attr.verb is None) \
                and (can_scare := _is_scare(doc, r) if can_scare is None else can_scare):
            said = _said_right_before(doc, r)
            if said is not None:
                attr = _Attr(None, said)  # 'shook her head and said, “No.”': the verb governs it, subject unfound
        kind: QuoteKind = "direct"
        if (attr is None or attr.speaker is None and attr.verb is None) \
                and (can_scare := _is_scare(doc, r) if can_scare is None else can_scare):
            reach = None if distanced else _source_in_reach(doc, r)
            echo = None if distanced or reach is not None else _echo(doc, r, out) or _block_echo(doc, r)
            if echo is not None:
                attr = echo  # words repeated from an earlier quotation: still its speaker's
            elif reach is None:
                kind = "scare"
                attr = None
            else:
                attr = reach
        speaker = verb = name = None
        sp = vp = None
        if attr is not None:
            vp = attr.verb
            sp = attr.speaker
            if sp is not None and in_quote(sp[0], doc.spans, doc.span_starts):
                sp = None  # a span inside a quotation never speaks it
            if sp is not None and not inherited:
                written = text[sp[0]:sp[1]]
                if resolve_pronouns and written.lower() in _PRONOUNS:
                    res = _resolve(doc, written.lower(), sp[0], doc.sentence_of(sp[0])) \
                        or _last_named(out, written.lower())
                    if res is not None:
                        sp = res
                doc.speakers_by_sentence.setdefault(doc.sentence_of(r.open_start), []).append((r.open_start, sp))
            if sp is not None and sp[1] - sp[0] > 3 and text[sp[0]:sp[1]][:1].isupper():
                poss = _POSSESSIVE.search(text, sp[0], sp[1])
                if poss is not None and poss.end() == sp[1]:
                    sp = (sp[0], poss.start())  # "Kim’s reported willingness to consider “…”": Kim
            attr = _Attr(sp, vp)
            if sp is not None:
                speaker = text[sp[0]:sp[1]]
                name = speaker_name(speaker) if speakers else None
            if vp is not None:
                verb = " ".join(text[vp[0]:vp[1]].split())
            if sp is not None or vp is not None:
                last_attr = attr
                last_attr_line = r.line_start
        out.append(Quote(
            r.start, r.end, kind, speaker, verb,
            sp[0] if sp else None, sp[1] if sp else None,
            vp[0] if vp else None, vp[1] if vp else None,
            r.open_start, r.close_end, name,
        ))
    return tuple(out), doc.sents


def _sources_needed(doc: _Doc, raws: list[_Raw], scare: list[bool], titled: list[bool],
                    own: dict[int, tuple[bool, _Attr | None]]) -> list[bool] | None:
    """Which quotes' sources can change the kind of a possible scare quote (``analyse_quotes`` without
    speakers and without pronoun resolution); the others are direct or titles whoever speaks them, and
    their sources are not looked for. None (every source is looked for) in a text with line breaks other
    than "\\n".

    A quote whose own sentence gives it a source (:func:`_own_source`), a distanced one and a title
    (``titled``) depend on no other quote. Any other needed quote depends on the quotes before it only
    through (1) the last quote with a source, which a quote inherits when it is on that quote's closing
    line or on the next non-empty line: every quote closing on the previous non-empty line or later is
    needed (closing lines only grow, so the last source seen from there on is the same); (2) the speakers
    found in the sentences before and after a possible scare quote (``_source_in_reach``): every quote
    opening there is needed; (3) a longer earlier quotation repeating its words (``_echo``), whose source
    it takes: every quote that holds them is needed. The own sources worked out on the way are stored in
    ``own`` by quote index, for ``analyse_quotes`` to use."""
    text = doc.text
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return None
    n = len(raws)
    need = [False] * n
    low = None
    for j in range(n - 1, -1, -1):
        if not (scare[j] or need[j]):
            continue
        need[j] = True
        r = raws[j]
        if titled[j]:
            continue
        distanced, attr = own[j] = _own_source(doc, r)
        if distanced or attr is not None and (attr.speaker is not None or attr.verb is not None):
            continue
        # (1) the previous non-empty line (as _previous_line_is finds it), else the quote's own line
        here = text.rfind("\n", 0, r.open_start) + 1
        back = here - 1
        while back > 0 and text[back - 1] in "\n\r \t":
            back -= 1
        lo = min(r.open_line, text.rfind("\n", 0, back) + 1 if back > 0 else r.open_line)
        i = j - 1
        while i >= 0 and raws[i].line_start >= lo:
            need[i] = True
            i -= 1
        if not scare[j]:
            continue
        # (2) the sentences either side
        sent = doc.sentence_of(r.open_start)
        for i in range(j - 1, -1, -1):
            at = doc.sentence_of(raws[i].open_start)
            if at < sent - 1:
                break
            if at == sent - 1 or at == sent + 1:
                need[i] = True
        # (3) quotations holding its words, as _echo tests them (whatever their kind)
        phrase = text[r.start:r.end].strip(" ,.;:!?").lower()
        if len(phrase) < 6 or " " not in phrase and len(phrase) < 9:
            continue
        for i in range(j):
            q = raws[i]
            if q.end - q.start > r.end - r.start + 10:
                low = low if low is not None else doc.lower()  # (lowered once, and only when there is a longer one)
                at = low.find(phrase, q.start, q.end)
                if at >= 0 and not _WORD_CHAR.match(low, at - 1) and not _WORD_CHAR.match(low, at + len(phrase)):
                    need[i] = True
    return need


# what may stand between two items of one list: "“A” and “B”", "“A,” “B” or “C”", "1. “A” 2. “B”"
_LIST_GAP = re.compile(r"[\s,;/]*(?:(?:and|or|&|\d{1,2}[.)])[\s,]*)?")


def _titled(doc: _Doc, r: _Raw) -> bool:
    """Whether a quote is a quoted name or title by its own words and their place, whatever the quotes
    before it (:func:`_is_name`, :func:`_is_title`); never when a reporting verb stands right before it or
    a reporting clause right after it. A title has words."""
    return _WORD_CHAR.search(doc.text, r.start, r.end) is not None \
        and (_is_name(doc.text, r) or _is_title(doc, r)) \
        and not _reported_right_before(doc, r) and not _said_right_after(doc, r)


def _listed_title(doc: _Doc, found: list[Quote], r: _Raw) -> bool:
    """Whether a quote is a title as the next item of a list of quoted titles (:func:`_listed_after_title`),
    under the conditions of :func:`_titled`."""
    return _listed_after_title(doc.text, found, r) and _WORD_CHAR.search(doc.text, r.start, r.end) is not None \
        and not _reported_right_before(doc, r) and not _said_right_after(doc, r)


def _own_source(doc: _Doc, r: _Raw) -> tuple[bool, _Attr | None]:
    """Whether a quote is distanced (:func:`_distanced`), and the source its own sentence or line gives it
    (a governing verb, a credit line or headline, an introducing line, "as X put it", "X said before"),
    whatever the quotes before it. The attribution may have neither speaker nor verb."""
    distanced = _distanced(doc, r)
    attr = None if distanced else _attribute(doc, r)
    if attr is None or attr.speaker is None and attr.verb is None:
        attr = _credit_line(doc, r) or _headline(doc, r) or attr
    if (attr is None or attr.speaker is None and attr.verb is None) and r.at_line_start:
        attr = _introduced(doc, r) or attr
    if not distanced and (attr is None or attr.speaker is None and attr.verb is None):
        attr = _as_put(doc, r) or _said_before(doc, r) or attr
    return distanced, attr


def _listed_after_title(text: str, found: list[Quote], r: _Raw) -> bool:
    """Whether a short closed quote is the next item of a list whose previous item is a quoted title
    ("taps: 1. “LEE HELM” 2. “Accept”")."""
    if not found or found[-1].kind != "title" or not r.closed or found[-1].close_end < r.line_start:
        return False  # (the previous item ends in the same paragraph)
    content = text[r.start:r.end]
    if len(content.split()) > 7 or content.rstrip(",").endswith((".", "?", "!")):
        return False  # a sentence is no item of a list of titles
    prev = found[-1]
    return prev.close_end <= r.open_start and _LIST_GAP.fullmatch(text, prev.close_end, r.open_start) is not None


def _echo(doc: _Doc, r: _Raw, found: list[Quote]) -> _Attr | None:
    """An earlier, longer direct quotation of the document that holds the quoted words (whole words,
    any case): the phrase repeats its speaker's words. Its speaker, or no speaker when it has none."""
    text = doc.text
    phrase = text[r.start:r.end].strip(" ,.;:!?").lower()
    if len(phrase) < 6 or " " not in phrase and len(phrase) < 9:
        return None
    low = None
    for q in reversed(found):
        if q.kind == "direct" and q.end - q.start > r.end - r.start + 10:
            low = low if low is not None else doc.lower()
            at = low.find(phrase, q.start, q.end)
            if at < 0 or _WORD_CHAR.match(low, at - 1) or _WORD_CHAR.match(low, at + len(phrase)):
                continue
            sp = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
            vp = (q.verb_start, q.verb_end) if q.verb_start is not None else None
            return _Attr(sp, vp)
    return None


#: verbs that introduce the words of a text ("Section 2293 states:", "The order reads:")
_TEXT_VERBS = frozenset("states stated reads read provides provided stipulates stipulated declares".split())


def _block_echo(doc: _Doc, r: _Raw) -> _Attr | None:
    """The source of an earlier paragraph, set off without quotation marks after "X states:", that holds
    the quoted words (whole words, any case): the phrase repeats the block quotation. None otherwise."""
    text = doc.text
    phrase = text[r.start:r.end].strip(" ,.;:!?").lower()
    if len(phrase) < 6 or " " not in phrase and len(phrase) < 9:
        return None
    low = doc.lower()
    at = r.open_line
    for _ in range(8):  # the nearest few earlier occurrences
        at = low.rfind(phrase, 0, at)
        if at < 0:
            return None
        if _WORD_CHAR.match(low, at - 1) or _WORD_CHAR.match(low, at + len(phrase)) \
                or in_quote(at, doc.spans, doc.span_starts):
            continue
        line = text.rfind("\n", 0, at) + 1
        if text[line:line + 1] in _LEFT_OPEN:
            continue
        got = _introducer(doc, line)
        if got is not None and got.speaker is not None and got.verb is not None \
                and (low[got.verb[0]:got.verb[1]] in _TEXT_VERBS
                     or _VERB.fullmatch(low, got.verb[0], got.verb[1]) is not None):
            return got
    return None


def _last_named(found: list[Quote], pron: str) -> tuple[int, int] | None:
    """The nearest earlier named speaker a pronoun can refer to (when no antecedent is in reach)."""
    for q in reversed(found[-8:]):
        if q.speaker_start is None or q.speaker is None:
            continue
        name = q.speaker
        if name.lower() in _PRONOUNS or not name[:1].isupper() or name.split()[0].lower() in _DETERMINERS:
            continue
        if pron in _speaker_category(name):
            return (q.speaker_start, q.speaker_end)
        return None  # the last named speaker does not fit: leave the pronoun as written
    return None


#: words before a name that are titles or descriptions, not part of the name
_NAME_TITLES = frozenset(
    """president vice secretary senator sen governor gov minister prime premier chancellor spokesman
    spokeswoman spokesperson chairman chairwoman chair director chief general gen lieutenant lt colonel col
    major maj captain capt sergeant sgt admiral adm commander ambassador judge justice sheriff mayor
    representative rep del delegate congressman congresswoman leader speaker attorney pope king queen
    prince princess sheikh ayatollah rabbi reverend rev father sister mr mrs ms miss dr prof professor
    sir dame lord lady retired former late dame officer detective det inspector superintendent""".split()
) | TITLES
_NAME_TOKEN = re.compile(r"[^\s]+")
#: where a speaker's name ends: a body or an outlet after it ("Cameron Easley for Morning Consult")
_NAME_CUT = re.compile(r"\s+(?:for|at|from|with|of the)\s+")
#: the place or time a speaker is in, ending the phrase ("Chris Gunness in Gaza", "Wayne LaPierre in December";
#: "in charge" and "in chief" are of a title, "in the Islamic Maghreb" of a name)
_PLACE_AFTER = re.compile(r"\s+in\s+(?!(?:[Cc]harge|[Cc]hief)\b)(?:[A-Z][\w.’'\-]*\s*){1,3}$")


def _links_body(speaker: str, cut: re.Match) -> bool:
    """Whether the words ``cut`` matched in ``speaker`` ("for", "of the") go on with a body's name ("The Center
    for American Progress", "the Institute for the Study of War"), not end a person's name before it."""
    before = speaker[:cut.start()].split()[-1:]
    after = speaker[cut.end():].split()[:2]
    words = before + cut.group(0).split() + after
    return bool(before and after) and links_body_name(words, 1)


@functools.lru_cache(maxsize=8192)
def speaker_name(speaker: str | None) -> str | None:
    """The name in a speaker phrase, titles and descriptions before it stripped, case kept.

    Parameters
    ----------
    speaker : str or None
        A speaker as written ("Sen. Marco Rubio", "Time magazine's defense expert Mark Thompson",
        "the ministry", "he").

    Returns
    -------
    str or None
        The trailing capitalised name after the last title or description word ("Marco Rubio",
        "Mark Thompson"); the phrase itself, without a final possessive, when it holds no such name
        ("the ministry", "he", "Pakistan's Foreign Ministry"); None for None.
    """
    if speaker is None:
        return None
    cut = next((m.start() for m in _NAME_CUT.finditer(speaker) if not _links_body(speaker, m)), len(speaker))
    speaker = _PLACE_AFTER.sub("", speaker[:cut])
    words = [w for w in _NAME_TOKEN.findall(speaker)]
    if not words:
        return None
    words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    # the trailing run of capitalised words ("of" inside it: "Secretary of State Mike Pompeo")
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or (words[k - 1] in ("of", "de", "van", "von", "bin", "al")
                                                     and k < len(words) and k > 1)
                     or joins_name(words, k - 1, len(words) - 1)  # "the Committee to Protect Journalists"
                     or links_body_name(words, k - 1)  # "the Center for American Progress"
                     or words[k - 1] == "in" and k < len(words) and words[k] in ("Charge", "Chief")):
        k -= 1
    run = words[k:]
    # (a body's whole name, not one a title and a person's name follow: "Chamber of Commerce President Tom Donohue")
    is_title = [w.lower().strip(".,") in _NAME_TITLES for w in run]
    # (a title inside the body's name is none: "the Office of the Director of National Intelligence", "the
    # Association of Chief Police Officers")
    titled_after = [n for n in range(len(run) - 2) if is_title[n] and not all(is_title[n + 1:])
                    and not (n and run[n - 1] in ("of", "the", "for", "on"))] if run and _name_word(run[-1]) else []
    linked = next((n for n in range(1, len(run) - 1) if run[n] in ("for", "on") and links_body_name(run, n)), None)
    if linked is not None and not titled_after:
        # "the Institute for the Study of War", "the Council on Foreign Relations": a body's whole name
        return " ".join(run[1:] if run[0] in ("The", "A", "An") else run)
    if not run or run[0] == "of" and k >= 1 and _PERSON_NOUN.fullmatch(words[k - 1]) \
            and words[k - 1] not in _NAME_TITLES:
        # "a classmate of Dzhokhar": someone described by another person, who is not the one speaking
        return " ".join(words)
    # "Rep. Peter King of New York", "Sheriff Tackitt of Wilson County": a person's name, then where they come
    # from; "the Department of Homeland Security", "Bank of America": a body's whole name (an "of" after an
    # office is part of the office: "Secretary of State Mike Pompeo")
    of = next((n for n, w in enumerate(run) if w == "of" and n >= 1), None)
    home = body = None
    if of is not None and of + 1 < len(run):
        before = run[of - 1]
        if before.lower().strip(".,") in _BODY_WORDS:
            body = of
        elif _name_word(before) and (of >= 2 and (_name_word(run[of - 2]) or run[of - 2].lower().strip(".,")
                                                  in _NAME_TITLES) or k > 0):
            home = of
    if body is not None and not titled_after and not any(is_title[:body]):
        return " ".join(run[1:] if run[0] in ("The", "A", "An") else run)
    if home is not None:
        run = run[:home]
    # (a surname before "of" is no title: "Peter King of New York"; nor before a generation: "Martin Luther King Jr.")
    generation = len(run) >= 3 and is_generation(run[-1])
    last_title = max((n for n, w in enumerate(run[:-2] if generation else run[:-1] if home is not None else run)
                      if w.lower().strip(".,") in _NAME_TITLES
                      or w in ("of", "State", "Defense", "Homeland", "House", "Senate", "Charge")), default=-1)
    if home is None and 0 <= last_title < len(run) - 1 and run[-1].lower().strip(".,") in _BODY_WORDS:
        # "the State Department", "the Senate Intelligence Committee": a body's name, whose words are no titles
        # (after its owner: "Trump’s Justice Department")
        owner = max((n for n, w in enumerate(run) if w.endswith(("’s", "'s"))), default=-1)
        name = run[owner + 1:]
        return " ".join(name[1:] if name[0] in ("The", "A", "An") and len(name) > 1 else name)
    rest = run[last_title + 1:]
    if rest and any(w[:1].isupper() for w in rest) and (k > 0 or last_title >= 0 or home is not None):
        return " ".join(rest)
    return " ".join(words)


#: nouns for people, in lower case ("a classmate of ...", "the lawyer of ...", "relatives of ...")
_PERSON_NOUN = re.compile(r"[a-z]+(?:mates?|ers?|ors?|ists?|ians?|ants?|ents?|m[ae]n)|(?:friend|relative|mother|"
                          r"father|wife|husband|son|daughter|brother|sister|cousin|aunt|uncle|colleague|neighbou?r|"
                          r"ally|allies|aide|critic|fan|widow|child|children|family|relatives|friends|colleagues|"
                          r"critics|aides|fans|sons|daughters|brothers|sisters|cousins|neighbou?rs)")
#: words that end the name of a body, not of a person ("the Institute of ...", "Bank of America")
_BODY_WORDS = frozenset(
    """department ministry university institute council committee bank board office bureau center centre school
    college church court house society association union league party commission agency service museum
    foundation academy republic kingdom states city county assembly parliament congress senate conference
    alliance network coalition federation organization organisation fund group forum program programme project
    corporation company authority trust initiative campaign movement front army force forces guard police""".split()
) | LINKED_BODY_HEADS


#: lower-case words that are no word of a person's name: words of bodies, and titles but those that are also
#: surnames ("Peter King", "John Major")
_NOT_NAME_WORDS = _BODY_WORDS | (_NAME_TITLES - {"king", "major", "chief", "justice", "judge"})


def _name_word(word: str) -> bool:
    """Is ``word`` a capitalised word of a person's name ("Peter", "King", "Tackitt"), not of a body or office?"""
    return word[:1].isupper() and word[1:2].islower() and word.isalpha() and word.lower() not in _NOT_NAME_WORDS


# what a writer puts in marks to keep a distance ("so-called", "what were described as")
_DISTANCE = re.compile(
    r"(?:\bso[- ]called|\bself[- ](?:declared|styled|proclaimed|described)|\bsupposed|\bpurported|\bquote[- ]unquote"
    r"|\b(?:what|which)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:called|described\s+as|termed|dubbed|labell?ed))(?:\s+[\w’'-]+){0,2}\s*$",
    re.IGNORECASE,
)
_DISTANCE_KEYS = re.compile(r"called|self|suppos|purport|quote|described|termed|dubbed|label", re.IGNORECASE)
# the same in lower case, for ASCII text lowered by str.lower (which folds its case as IGNORECASE does): a
# case-sensitive search is several times quicker
_DISTANCE_KEYS_LOWER = re.compile(_DISTANCE_KEYS.pattern)
# a work, law, operation, slogan or word mentioned as a word: cue words right before the mark
_TITLE_CUE = re.compile(
    r"(?:\bknown\s+as|\bnicknamed|\btitled|\bentitled|\bthe\s+(?:term|word|phrase|slogan|hashtag|motto|label|"
    r"headline|catchphrase)|\bterms?\s+(?:like|such\s+as)|\bchants?\s+of|\bsearche?s?\s+for|\bhashtag"
    r"|\b(?:click(?:s|ed|ing)?|taps?|tapped|tapping|press(?:es|ed|ing)?|select(?:s|ed|ing)?)(?:\s+on)?\s*:?\s*(?:\d+\.)?"
    r"|\bstag(?:e|es|ed|ing)"
    r"|\b(?:policy|doctrine|strategy|principle|era|politics|implementation|enactment|repeal|passage)\s+of)\s*[,:]?"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.IGNORECASE,
)
# words one of which every match of _TITLE_CUE holds, in lower case: ASCII text (lowered by str.lower) without
# any of them has no title cue, found without the slow case-insensitive search
_TITLE_CUE_KEYS = re.compile(
    "known|titled|nicknamed|term|word|phrase|slogan|hashtag|motto|label|headline|chant|search|click|tap|press"
    "|select|stag|policy|doctrine|strategy|principle|era|politics|implementation|enactment|repeal|passage")
# a noun that names the words after a colon: "this headline …: “…”", "a sign reading: “…”"
_NAMED_BY = re.compile(r"\b(?:headlines?|banners?|slogans?|mottos?|captions?|placards?|signs?|titled|entitled)\b[^.;“”\"]*:\s*$",
                       re.IGNORECASE)
# "used one of the woman’s quotes as its headline:": the headline is someone's words
_SOMEONES_WORDS = re.compile(r"\b(?:quot\w*|words|remarks?|said|says|statement)\b", re.IGNORECASE)
# a definition right after a quoted term: "“X” — or the time", "“X,” meaning", "“X” (i.e. …"
_DEFINED = re.compile(r"\s*(?:[—–]|--|,|\()\s*(?:or|i\.e\.|meaning|that is|which means|defined as)\s")
# "X used the phrase “…”": the words are X's, not a word mentioned as a word
_USED_WORDS = re.compile(r"\b(?:used?|uses|using|coined|invoked|repeated|chose|employed)\s+(?:the\s+)?\S*\s*$", re.I)
#: nouns that a quoted name modifies: "the “red flag” laws", "“flash bang” grenades"
_TITLE_HEADS = frozenset(
    """policy policies doctrine law laws act bill program programs programme programmes operation operations
    campaign movement approach strategy technique techniques tactic tactics grenade grenades vote votes
    hashtag slogan movie film show book song album series episode rule rules plan initiative agenda protest
    protests rally rallies march chant chants motto era theory principle clause provision loophole
    agreement formula label category movement brand ideology trope meme app""".split()
)


#: heads that a quoted name modifies across one more word ("“red flag” gun laws", "“cap-and-trade” energy bill";
#: not "“globalist” foreign policy", where the quoted word describes)
_NAMED_THINGS = frozenset("law laws bill bills act program programs programme programmes campaign campaigns".split())


def _is_title(doc: _Doc, r: _Raw) -> bool:
    """A quoted work, law, operation, slogan, hashtag, nickname or word mentioned as a word."""
    if not r.closed or r.end - r.start > 150:
        return False
    text = doc.text
    content = text[r.start:r.end]
    words = content.split()
    if not words or len(words) > 7:
        return False
    if content.startswith("#") and len(words) == 1:
        return True
    if text[r.open_start] in "‘'" and r.at_line_start and not text[r.close_end:r.line_end].strip(" .\u00a0") \
            and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True  # a subheading in single marks on a line of its own: ‘All Bets Are Off.’
    lead = text[max(r.line_start, r.open_start - 40):r.open_start]
    cue = _TITLE_CUE.search(lead) if not lead.isascii() or _TITLE_CUE_KEYS.search(lead.lower()) else None
    if cue and not _USED_WORDS.search(lead, 0, cue.start() + 1):
        return True
    if lead.rstrip().endswith(":"):
        s, _ = doc.sentence(doc.sentence_of(r.open_start))
        named = _NAMED_BY.search(text, max(s, r.line_start, r.open_start - 120), r.open_start)
        if named and not _SOMEONES_WORDS.search(text, max(s, r.line_start), named.end()):
            return True  # "with this headline splashed across the front page: “…”"
    if _DEFINED.match(text, r.close_end) or content.endswith(",") and _DEFINED.match(text, r.close_end - 1):
        return True  # a term of art defined right after it: "a “breakout time” — or the time it takes"
    if len(words) <= 4 and not content.rstrip("”’\"'").endswith((".", "?", "!", ",", "…", ":", ";")):
        m = _TOKEN.match(text, _skip_space(text, r.close_end, r.line_end))
        nxt = m.group(0).rstrip(".,;:!?)”’\"'") if m else ""
        if nxt.isalpha() and nxt.islower() and nxt in _TITLE_HEADS:
            return True
        if m is not None and nxt.isalpha() and nxt.islower() and nxt not in _FUNCTION_WORDS \
                and nxt not in _PREPOSITIONS and m.group(0) == nxt:  # "“red flag” gun laws": a head one word on
            m2 = _TOKEN.match(text, _skip_space(text, m.end(), r.line_end))
            if m2 is not None and m2.group(0).rstrip(".,;:!?)”’\"'") in _NAMED_THINGS:
                return True
        # one or two capitalised words in running text, not introduced by a colon: a name
        before = lead.rstrip()
        if len(words) <= 2 and all(w[:1].isupper() for w in words) and before \
                and (before[-1:].isalpha() and before.split()[-1][:1].islower() or before.endswith(("’s", "'s", "s’")))\
                and not (nxt[:1].isupper() and nxt[-1:].isalpha()) \
                and not _title_case_line(text, r):
            return True
    return False


def _reported_right_before(doc: _Doc, r: _Raw) -> bool:
    """Whether a reporting verb other than "told" stands right before the opening mark (an article between)."""
    before = _verbs_in(doc, max(r.line_start, r.open_start - 40), r.open_start)
    if not before:
        return False
    v = before[-1]
    gap = doc.text[v.end():r.open_start].split()
    return v.group(1).lower() not in ("told", "tells", "tell", "telling") and len(gap) <= 1 \
        and all(w.lower() in ("a", "an", "the", "it", "them", "him", "her") for w in gap)


def _said_right_before(doc: _Doc, r: _Raw) -> tuple[int, int] | None:
    """The span of a verb of saying right before the opening mark, a comma or colon between (``and said,
    “No.”``); None when there is none, or it is "told", "read" (``a shirt that read “…”``: a slogan) or a
    verb of labelling (``a car dubbed “…”``)."""
    before = _verbs_in(doc, max(r.line_start, r.open_start - 40), r.open_start)
    if not before or before[-1].group(1).lower() in ("told", "tells", "tell", "telling", "read", "reads") \
            or before[-1].group(1).lower() in _LABELLING:
        return None
    v = before[-1]
    return v.span() if not doc.text[v.end():r.open_start].strip(" ,:\u00a0") else None


def _said_right_after(doc: _Doc, r: _Raw) -> bool:
    """Whether the quote opens its sentence, ends in a comma, ``?`` or ``!`` and a reporting clause follows
    it (“In Denver,” the senator said, “…”): someone's words, never a title."""
    text = doc.text
    if not r.closed or not (text[r.start:r.end].rstrip().endswith((",", "?", "!"))
                            or text.startswith(",", r.close_end)):
        return False
    s, _ = doc.sentence(doc.sentence_of(r.open_start))
    if _WORD_CHAR.search(text, max(s, r.open_line), r.open_start):
        return False  # inside the narrator's sentence: "She starred in “Harbor Lights,” said her agent."
    after = _verbs_in(doc, r.close_end, min(r.line_end, r.close_end + 80))
    if not after:
        return False
    gap = _ABBREV.sub("", text[r.close_end:after[0].start()])
    return len(gap.split()) <= 4 and not _GAP_STOP.search(gap)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _title_case_line(text: str, r: _Raw) -> bool:
    line = text[max(r.open_line, r.open_start - _WINDOW):min(r.line_end, r.close_end + _WINDOW)]
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and sum(1 for w in long_words if w[:1].isupper()) / len(long_words) >= 0.6


def _distanced(doc: _Doc, r: _Raw) -> bool:
    """A short phrase the writer marks as someone else's word with no one named: "its so-called “X”"."""
    if not r.closed or r.end - r.start > 120 or len(doc.text[r.start:r.end].split()) > SCARE_MAX_WORDS:
        return False
    lo = max(r.line_start, r.open_start - 80)
    lead = doc.text[lo:r.open_start]
    if not (_DISTANCE_KEYS_LOWER.search(lead.lower()) if lead.isascii() else _DISTANCE_KEYS.search(lead)):
        return False
    return bool(_DISTANCE.search(doc.text, lo, r.open_start))


_COPULA = frozenset("is was are were be been being isn't wasn't aren't weren't remains remained became become".split())
#: nouns that name a source (a person, a body or a document that says things)
_SOURCE_NOUNS = frozenset(
    """report memo manifesto inquiry investigation study letter lawsuit complaint indictment ruling
    document filing poll survey statement tweet post critics supporters officials prosecutors lawmakers
    experts organisers organizers protesters activists residents witnesses regime leaders analysts
    investigators authorities scientists researchers opponents democrats republicans aides advisers
    advisors sources observers diplomats senators representatives judge court brief order review audit
    verdict affidavit transcript warrant petition""".split()
)


_SUBORDINATORS = frozenset("that whether if because when who which whom".split())
# "— as X and Y have put it —", "as Smith said,": the person named puts the phrase
_AS_PUT = re.compile(
    r"\bas\s+((?:(?:the|a|an)\s+)?(?:[A-Z][\w’'.-]*|and|of|the)(?:\s+(?:[A-Z][\w’'.-]*|and|of|the)){0,8}?"
    r"(?:\s+(?!(?:has|have|had|once|later|recently|also)\b)[a-z]+)?)(?:,[^,;:“”\"]{1,120},)?\s+"
    r"(?:(?:has|have|had|once|later|recently|also)\s+)?(?:put\s+it|said|says|wrote|writes|noted|notes)\b")
# a coordinated clause with its own subject: ", but she", "; they"
_BUT_CLAUSE = re.compile(r"(?:,\s*(?:but|and|while|yet)|;|\bbut)\s+")
# "For Öcalan, capitalism was an “inherent component”": the view of the person named
# (also "For our Founding Fathers, …", "To the Kremlin, …": a name after a determiner)
_FOR_NAME = re.compile(r"(?:For|To|In the view of|According to)\s+((?:(?:our|the|their|his|her|its|my)\s+)?"
                       r"(?:[A-ZÀ-Þ][\w’'.-]*\s+){0,3}[A-ZÀ-Þ][\w’'.-]*),\s")


# a passive verb of labelling right before the marks, and its agent right after them
_PASSIVE_LABEL = re.compile(
    r"\b(?:is|was|are|were|been|being|be)\s+(?:[a-z]+ly\s+)?(?:called|described\s+as|labell?ed(?:\s+as)?|dubbed"
    r"|termed|branded(?:\s+as)?|denounced\s+as|derided\s+as)\s+(?:(?:a|an|the)\s+)?$")
_BY_AGENT = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]+by[ \t\u00a0]+((?:(?:the|a|an|another|one|his|her|their|its|some)[ \t\u00a0]+)?"
    r"(?:(?i:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.[ \t\u00a0]+)*"
    r"(?:[\w’'-]+\.?[ \t\u00a0]+){0,4}?[\w’'-]+)(?=[ \t\u00a0]+(?:at|in|on|during|after|before|for|with|who|which"
    r"|that|when|while|as|over|of)\b|[,.;:!?)]|\s*$)")


def _names_source(np_text: str) -> bool:
    """Whether a subject noun phrase names someone who can be quoted."""
    words = np_text.split()
    if not words:
        return False
    if words[0].lower().startswith(("so-called", "so‐called")):
        words = words[1:]  # "So-called silencers": the writer's distance, not a name
        if not words:
            return False
    lows = [_POSSESSIVE.sub("", w.strip(",.()")).lower() for w in words]
    if len(words) == 1 and (lows[0] in _PRONOUNS or lows[0] in ("i", "we")):
        return True
    if any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and lows[0] not in _DETERMINERS
                                                 and lows[0] not in _INTRO and lows[0] not in _QUANTIFIERS):
        return True
    return any(w in _PERSON or w in _SOURCE_NOUNS for w in lows) or lows[-1] in _ORG


def _main_clause(doc: _Doc, s: int, e: int) -> tuple[int, int] | None:
    """The subject of the clause a participle at ``e`` goes on (:func:`framing.text.grammar.main_subject`:
    "Testifying before the committee, Wendy Sherman, the negotiator, was adamant, saying"), outside quotations
    and a plausible noun phrase, or None."""
    toks = tokenize(doc.text, s, e)
    got = main_subject(toks, 0, len(toks))
    if got is None:
        return None
    span = (toks[got[0]].start, toks[got[1]].end)
    phrase = doc.text[span[0]:span[1]]
    if in_quote(span[0], doc.spans, doc.span_starts) or not _plausible_np(phrase):
        return None
    return span


def _coordinated_clause(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject of the last coordinated clause in text[s:e] (", but she seemed", "; they said"): a phrase
    naming a source followed by its verb, or None."""
    found = None
    for but in reversed(list(_BUT_CLAUSE.finditer(text, s, e))):
        if found is not None:
            break
        inner = _sentence_subject(text, but.end(), e)
        if inner is None or inner[1] >= e or text[inner[0]:inner[1]].lower() in ("it", "it’s", "it's"):
            continue
        nxt = _TOKEN.match(text, _skip_space(text, inner[1], e))
        if nxt is not None and nxt.group(0)[:1].islower() and text[inner[1]:inner[1] + 1] != "," \
                and _names_source(text[inner[0]:inner[1]]):
            found = inner
    return found


def _source_in_reach(doc: _Doc, r: _Raw) -> _Attr | None:
    """The source of a short quoted phrase that no reporting verb governs: the subject of its clause
    when that names a source and acts on the phrase ("X criticized “…”", "X referred to Y as “…”"),
    else a speaker in the previous or next sentence. None when the phrase is in the subject, under a
    copula or a passive, or nothing is named."""
    text = doc.text
    k = doc.sentence_of(r.open_start)
    s, e = doc.sentence(k)
    s = max(s, r.open_line, r.open_start - _WINDOW)
    m = _FOR_NAME.match(text, s)
    if m is not None and m.end() < r.open_start:
        return _Attr(m.span(1), None)
    put = None
    for put in _AS_PUT.finditer(text, s, r.open_start):
        pass
    if put is not None:
        return _Attr(put.span(1), None)  # "— as X has put it — like “…”"
    by = _BY_AGENT.match(text, r.close_end)
    if by is not None and _PASSIVE_LABEL.search(text, max(s, r.open_start - 80), r.open_start):
        return _Attr(by.span(1), None)  # "X was called a “…” by another patron": the patron's words
    subj = _sentence_subject(text, s, r.open_start)
    # "…, but she seemed to push back, blaming the “…”": the subject of the clause the phrase is in
    subj = _coordinated_clause(text, s, r.open_start) or subj
    if subj is None or subj[1] >= r.open_start:
        return None
    between = text[subj[1]:r.open_start].lower().split()
    if not any(w.strip(",.;:—–-").isalpha() for w in between):
        return None  # the phrase is part of the subject
    clause = []
    for n, w in enumerate(between):
        if n and w.strip(",") in _SUBORDINATORS:
            break  # "X knows that there will be a “…”": X's clause ends here
        clause.append(w.strip(","))
    cop = next((n for n, w in enumerate(clause) if w in _COPULA), None)
    if cop is not None and not any(w == "to" and n + 1 < len(clause) and clause[n + 1].isalpha()
                                   and clause[n + 1] not in _DETERMINERS for n, w in enumerate(clause[cop + 1:], cop + 1)):
        # "X is the “prosecutor”", "was stolen by an oddly timed “selfie”"; but the subject acts in
        # "X is due to deploy “shortly”", "X was on hand to explain … the “one-sided” deal"
        return None
    if _names_source(text[subj[0]:subj[1]]):
        return _Attr(subj, None)
    for kk in (k - 1, k + 1):
        if not 0 <= kk < len(doc.sents):
            continue
        ks, ke = doc.sentence(kk)
        for pos, sp in doc.speakers_by_sentence.get(kk, []):
            return _Attr(sp, None)
        for v in _verbs_in(doc, ks, ke):
            got = _speaker_for_verb(doc, v, ks, ke)
            if got is not None and got.speaker is not None:
                return _Attr(got.speaker, None)
    return None


# a credit line or headline: "Jane Doe, The Outlet: “…”", "Sanders: Clinton needs to ‘…’"
_CREDIT = re.compile(
    r"[ \t\u00a0]*((?:[A-Z][\w’'.-]*[ \t\u00a0]+){0,3}[A-Z][\w’'.-]*?)(?:,[ \t\u00a0]*[A-Z][^,:;“”\"\n]{1,50})?:[ \t\u00a0]"
)
_NOT_CREDIT = frozenset(
    """update watch read related note photo video source caption breaking editor opinion analysis exclusive
    listen see also correction transcript q a question answer warning headline subject re fwd fw""".split()
)


def _credit_line(doc: _Doc, r: _Raw) -> _Attr | None:
    """The name opening a line before a colon, when the quote is in that line's first sentence."""
    text = doc.text
    m = _CREDIT.match(text, r.open_line)
    if m is None or m.end() > r.open_start:
        # "(Also on THE OUTLET: Jane Doe: “…”)": a credit after a heading's own colon
        pre = text.rfind(": ", r.open_line, max(r.open_line, r.open_start - 2))
        m = _CREDIT.match(text, pre + 1) if pre >= 0 and r.open_start - pre < 60 else None
        if m is None or m.end() != r.open_start:
            return None
    name = m.group(1)
    if name.lower().rstrip(".") in _NOT_CREDIT or name.split()[0].lower().strip("’'s") in _NOT_CREDIT:
        return None
    if doc.sentence_of(r.open_start) != doc.sentence_of(m.end()) and r.open_start - m.end() > 2:
        return None
    return _Attr(m.span(1), None)


#: verbs of a headline that put words in its subject's mouth ("X Speaks ‘…’", "‘…’: X apologizes")
_HEAD_VERBS = REPORTING_VERBS | {"speaks", "apologizes", "apologises", "admits", "jokes", "claims"}
_HEAD_TOKEN = re.compile(r"[^\s:]+:?")
#: words that end the name before a headline's verb (in capitals every word looks like a name)
_HEAD_STOP = frozenset("what when why how where who which that of for to on in at by with and or but the a an "
                       "is are was were".split()) | _HEAD_VERBS
_HEAD_COLON = re.compile(r"[ \t\u00a0]*:[ \t\u00a0]+")


def _headline(doc: _Doc, r: _Raw) -> _Attr | None:
    """The speaker of a quote in a headline: "Hillary Clinton Speaks ‘Directly To White People’",
    "SENATOR CLAIMS THE OTHERS ‘ARE WORRIED’" (a line in title case or capitals, the name before its
    verb) or "‘I got this one wrong’: Neil deGrasse Tyson apologizes" (the quote opening the line, the
    name after the colon, then a verb)."""
    text = doc.text
    end = text.find("\n", r.open_line)
    end = len(text) if end < 0 else end
    if end - r.open_line > 200 or not r.closed or _INNER_STOP.search(text, r.close_end, end):
        return None  # a headline is one short line, one sentence
    if r.at_line_start:
        m = _HEAD_COLON.match(text, r.close_end)
        if m is None:
            return None
        toks = list(_HEAD_TOKEN.finditer(text, m.end(), end))
        n = 0
        while n < len(toks) and n < 5 and any(c.isupper() for c in toks[n].group(0)):
            n += 1
        if n == 0 or n == len(toks) or not toks[n].group(0).isalpha() or not toks[n].group(0).islower():
            return None
        verb = toks[n].group(0)
        if verb not in _HEAD_VERBS and (n < 2 or not verb.endswith(("s", "ed"))):
            # "‘…’: Transgender troops hit by ban", "‘…’: Hannity Breaks Down the …": no verb of saying
            return None
        return _Attr((toks[0].start(), toks[n - 1].end()), toks[n].span())
    if not _title_case_line(text, r):
        return None
    toks = list(_HEAD_TOKEN.finditer(text, r.open_line, r.open_start))
    for k in range(len(toks) - 1, 0, -1):
        if len(toks) - 1 - k > 10:
            return None
        word = toks[k].group(0)
        if word.lower() not in _HEAD_VERBS:
            continue
        first = k
        while first > 0 and k - first < 4:
            prev = toks[first - 1].group(0)
            if not prev[:1].isupper() or prev.endswith((":", ",", ";")) or prev.lower() in _HEAD_STOP:
                break  # "TRUMP REDOUBLES SUPPORT OF IRAN PROTESTS, SAYING …": no name before the verb
            first -= 1
        if first == k or toks[first].group(0).lower() in _DETERMINERS:
            continue  # an earlier verb may have its name ("TRUMP RESPONDS …, SAYS IT'S TIME TO ‘…’")
        return _Attr((toks[first].start(), toks[k - 1].end()), toks[k].span())
    return None


def _names_new_source(doc: _Doc, r: _Raw) -> bool:
    """Whether the clause right before a quote names a source of its own ("…,” X said. Y: “…”")."""
    text = doc.text
    k = doc.sentence_of(r.open_start)
    s, _ = doc.sentence(k)
    s = max(s, r.open_line)
    lead = text[s:r.open_start]
    if not _WORD_CHAR.search(lead):
        return False
    subj = _sentence_subject(text, s, r.open_start)
    return subj is not None and subj[1] < r.open_start and _names_source(text[subj[0]:subj[1]]) \
        and text[subj[0]:subj[1]].lower() not in _PRONOUNS


_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*((?:[A-Z][\w’'.-]*[ \t\u00a0]+){0,5}[A-Z][\w’'-]*)")


def _introduced(doc: _Doc, r: _Raw) -> _Attr | None:
    """Speaker of a quote paragraph introduced by the previous paragraph ("Caddell continued:")
    or signed after a dash ("“…” ― Carla Sanchez")."""
    text = doc.text
    m = _DASH_NAME.match(text, r.close_end)
    if r.closed and m and r.line_end - m.end() < 80 and not text[m.end():r.line_end].strip(" .,\u00a0"):
        return _Attr(m.span(1), None)
    return _introducer(doc, r.open_line)


def _introducer(doc: _Doc, line_start: int) -> _Attr | None:
    """The source of the paragraph starting at ``line_start`` when the paragraph before it ends with a colon
    ("Caddell continued:", "Section 2293 states:"), or None."""
    text = doc.text
    j = line_start - 1
    while j > 0 and text[j - 1] in "\n\r \t\u00a0":
        j -= 1
    if j <= 0 or text[j - 1] != ":":
        return None
    k = doc.sentence_of(j - 1)
    s, e = doc.sentence(k)
    s = max(s, j - _WINDOW)
    verbs = _verbs_in(doc, s, j)
    verb = verbs[-1].span() if verbs else None
    if verb is not None:
        got = _speaker_for_verb(doc, verbs[-1], s, j)
        if got is not None and got.speaker is not None:
            return got
    subj = _sentence_subject(text, s, j)
    if subj is None:
        return None
    if verb is None:
        last = list(_TOKEN.finditer(text, max(s, j - 40), j))
        if last and last[-1].group(0)[:1].islower():
            verb = (last[-1].start(), last[-1].end() - 1)  # "The New York Times reports:"
    return _Attr(subj, verb)


def _as_put(doc: _Doc, r: _Raw) -> _Attr | None:
    """The source named in "as X put it" earlier in the quote's sentence."""
    s, _ = doc.sentence(doc.sentence_of(r.open_start))
    put = None
    for put in _AS_PUT.finditer(doc.text, max(s, r.open_line, r.open_start - _WINDOW), r.open_start):
        pass
    return None if put is None else _Attr(put.span(1), None)


def _said_before(doc: _Doc, r: _Raw) -> _Attr | None:
    """The speaker of a quote opening a sentence right after a narrated sentence of the same paragraph
    that reports its speaker's words ("…, Schiff said. “The other factor …”")."""
    text = doc.text
    k = doc.sentence_of(r.open_start)
    s, _ = doc.sentence(k)
    if k == 0 or _WORD_CHAR.search(text, max(s, r.open_line), r.open_start):
        return None
    ps, pe = doc.sentence(k - 1)
    if ps < r.open_line or _OPEN_MARK.search(text, ps, pe) or "”" in text[ps:pe]:
        return None
    verbs = _verbs_in(doc, ps, pe)
    if not verbs:
        return None
    got = _speaker_for_verb(doc, verbs[-1], ps, pe)
    return got if got is not None and got.speaker is not None else None


def _is_statement(text: str, r: _Raw) -> bool:
    """Whether a quote reads as spoken sentences (not a quoted heading such as ‘Act of aggression’)."""
    return not r.closed or text[max(r.start, r.end - 8):r.end].rstrip("”’\"' ").endswith((".", "?", "!", "…", ",", "—", "-"))


def _previous_line_is(text: str, pos: int, line_start: int) -> bool:
    """Whether the non-empty line before the one holding ``pos`` starts at ``line_start``."""
    here = text.rfind("\n", 0, pos) + 1
    j = here - 1
    while j > 0 and text[j - 1] in "\n\r \t":
        j -= 1
    if j <= 0:
        return False
    return text.rfind("\n", 0, j) + 1 == line_start


_WORD_CHAR = re.compile(r"\w")
# a pronoun with a verb contracted onto it opens a sentence: "We're", "It's", "I'm", "They'll"
_CONTRACTION = re.compile(r"(?:I|We|You|He|She|It|They|That|There)[’'](?:s|re|m|ll|ve|d)\b")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as is".split())
# a sentence ending inside the marks: a word of two letters or more (not a title such as "Mr.") then a full
# stop ("?" and "!" stay: "Islamic Terror? I Just Don't See It" is a headline)
_INNER_STOP = re.compile(r"(\w{2,})\.\s+[A-Z]")


def _is_name(text: str, r: _Raw) -> bool:
    """A quoted title or nickname rather than a quotation.

    A title: two to seven words, every word but small ones (of, the, a, ...)
    capitalised, no sentence-final punctuation, in a line that is not itself
    in title case (“Fox News Sunday,”, ''Make Your Kid a Millionaire''). A
    nickname: one or two words between two capitalised words (Marcia "Cia" Price).
    """
    if not r.closed or r.end - r.start > 150:
        return False  # longer than seven words of any plausible length
    content = text[r.start:r.end].rstrip(",")
    words = content.split()
    if not words or len(words) > 7:
        return False
    before = text[max(r.line_start, r.open_start - 40):r.open_start].split()
    after = text[r.close_end:min(r.line_end, r.close_end + 40)].split()
    if len(words) <= 2 and before and after and before[-1][:1].isupper() and after[0][:1].isupper() \
            and before[-1][-1:].isalpha() and after[0][-1:].isalpha() and before[-1].lower() not in _HEAD_VERBS:
        return True  # (a headline's verb of saying before it: "Mayor Says ‘Reckless’ Budget …" quotes a word)
    ended = content.endswith(".")
    if content.endswith((".", ",")) and not content.endswith("..") and len(words) >= 2:
        content = content[:-1]  # “The Dark Knight Rises.”: American punctuation inside the marks
        words = content.split()
    if len(words) < 2 or content.endswith((".", "?", "!", "…")):
        return False
    stop = _INNER_STOP.search(content)
    if stop is not None and stop.group(1).lower() not in TITLES:
        return False  # “The Donald. Big Daddy.”: two sentences, not a title
    if ended and _CONTRACTION.match(content):
        return False  # “We're America.”: a sentence, not a title
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words):
        return False
    line = text[max(r.open_line, r.open_start - _WINDOW):min(r.line_end, r.close_end + _WINDOW)]
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    upper = sum(1 for w in long_words if w[:1].isupper())
    return not long_words or upper / len(long_words) < 0.6


def _is_scare(doc: _Doc, r: _Raw) -> bool:
    content = doc.text[r.start:r.end]
    if len(content.split()) > SCARE_MAX_WORDS or not r.closed:
        return False
    if doc.text[max(r.line_start, r.open_start - 3):r.open_start].rstrip().endswith(":"):
        return False  # introduced by a colon: a quotation
    if _TWO_SENTENCES.search(content):
        return False
    k = doc.sentence_of(r.open_start)
    s, e = doc.sentence(k)
    s, e = max(s, r.open_start - _WINDOW), min(e, r.close_end + _WINDOW)
    if not (_WORD_CHAR.search(doc.text, s, r.open_start) or _WORD_CHAR.search(doc.text, r.close_end, e)):
        return False  # a line that is nothing but a quote: a heading quoting someone
    return True


#: columns of the quotes table (:func:`framing.quotes`) after those of :data:`framing.schema.QUOTES`
QUOTES_EXTRA = ("outlet", "speaker_start", "speaker_end", "verb_start", "verb_end", "speaker_name")
