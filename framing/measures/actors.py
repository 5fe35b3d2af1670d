"""Actor labels: which words name which actor, in whose voice, on whose authority.

:func:`actor_labels` finds the mentions of the actors a user names (with their
aliases), finds the label words of the bundled ``actor_labels`` lexicon (or any
lexicon given), and keeps a label only when a syntactic pattern ties it to a
mention. Everything is rule-based (no tagger or model).

Patterns (the hand-coding codebook's), from the strongest tie to the weakest
(a label word is attached once, by the first pattern that ties it; among
equals, to the nearest mention). A label word and the group noun right after
it are one label (``terrorist organization``, ``militant group``);
``the Islamist militant group`` gives ``Islamist`` and ``militant group``.
------------------------------------------------------------------------
``designation``
    the label is reported as someone's designation: passive with an agent
    (``Jaish al-Adl is blacklisted by Iran as a terrorist group``,
    ``designated as a foreign terrorist organization by the U.S.``), active
    (``The United States has also labeled Jaish al-Adl a terrorist
    organization``, ``Hamas, which the EU lists as a terrorist group``), with
    the designating verbs of :data:`DESIGNATION_VERBS`. ``attributed_to`` is
    the agent as written; None for an agentless passive (``is designated a
    terrorist group``).
``copula``
    ``Jaish al-Adl is a Sunni militant group``; one parenthetical may stand
    between the name and the verb (``Jaish al-Adl, or the “Army of Justice”,
    is ...``), and ``, which is a ...`` counts. When the clause is the
    complement of a reporting verb (``Iran says Jaish al-Adl is a terrorist
    group``) ``attributed_to`` is that speaker.
``appositive``
    ``Jaish al-Adl, a separatist group based in ...``, ``Jaish al-Adl (a
    militant group)``, and the reverse ``the militant group, Jaish al-Adl,``.
``premodifier``
    the label precedes the name in one noun phrase: ``militant group Jaish
    al-Adl``, ``Palestinian terror group Hamas``, ``the militant separatist
    group Jaish al-Adl`` (two labels). Between label and name only
    capitalised words, other labels, group nouns and quotation marks may
    stand (at most four words). After ``what X called`` the label is X's.
``member``, ``violence``, ``other``
    the name with a label after it, by what the label names: its members
    (``Hamas militants``, ``jihadists of the Islamic State``, ``its
    fighters``, ``militants loyal to X``, ``fighters who joined X``, ``joined
    X ... as a fighter``), its violence (``ISIS coordinated terrorism``, ``Hamas's terror
    attacks``) or itself as a body (``the Islamic State terrorist group``,
    ``the Antifa movement``, ``the Taliban regime``, ``North Korea's
    government``). ``other`` also holds the classes the name is said to
    belong to: ``groups such as ISIL``, ``terror groups like al Qaeda``,
    ``Hamas and other militant groups``. A possessive names something else
    (``Hamas's armed wing``), as does a hyphenated adjective
    (``Pakistan-based militants``), except for violence and rule; ``the
    leader of X`` and ``its leader`` are another actor (only plural member
    nouns tie through ``of`` and ``its``).
``description``
    a definite description that contains a label and refers back (``the
    group``, ``the terror group’s October 7 onslaught``, ``the jihadists``)
    is attached to the most recent mention, in the same sentence or in the
    ``window`` sentences before it, of a listed actor. A description by a
    word of another category than terrorism, extremism, militancy or
    separatism that is not a group noun (``the government``, a user's ``the
    president``), and ``the rebels``, refer back only to an actor already
    given a label with that head. None when two coordinated actors are
    equally near (``Hamas and Islamic Jihad ... the militants``), when a
    plural group noun stands over several actors (``these groups``), when a
    relation word, a name or a demonym makes it another body (``the parent
    organization``, ``his Fatah faction``, ``the Syrian rebels``), when it is
    followed by a name or a naming complement (``the militant group Islamic
    State``, ``the leader of Japan``) or stands in apposition to an unlisted
    name (``Islamic Jihad — the group that ...``). A listed alias that is
    itself a description (``Kurdish militia``) gives its lower-case label
    word. Actors that are not listed are unknown to the rule, so list every
    actor that could be the antecedent.

Mentions
--------
An alias inside a longer proper name is not the actor (``Kata’ib
Hezbollah`` is not Hezbollah) unless that name is listed: a capitalised word
just before the alias makes a longer name unless it is a function word, a
sentence adverb, a weekday, a demonym or affiliation (``Lebanese``, ``Sunni``,
``Iran-backed``), a title or a label word (``President``, ``Militant``), a
possessive, an acronym, part of a headline's run of capitalised words, or the
given name of a listed longer alias (``Robert`` of ``Robert Mueller``).

Voice, attribution and negation
-------------------------------
``voice`` is the voice of the label word (:func:`framing.find`): ``quote``
for a label inside a quotation; its ``attributed_to`` is then the quotation's
speaker (:func:`framing.quotes`, the name a pronoun resolves to) unless a
designation names an agent. A label in indirect speech is the reporting
speaker's (the codebook's rule): ``Iraqi officials say their interrogation of
captured ISIS fighters ...``, ``... ISIS militants in the town, according to
sources there``, ``ISIS fighters took the town, the army said``; the innermost
report counts (``Iran claimed that ... the militant separatist group X, a
report stating ...`` is Iran's). The label stays the outlet's when it names
the speaker (``which the armed group said ...``), is the object of a
labelling verb (``labeled the militant group X a terrorist organization``:
only the designation is the agent's), or follows a dash or semicolon after
the report. ``negated`` is True when a designation or copula label is in the
scope of a negation (``did not describe the group as terrorist``, ``is not a
terrorist group``): such a row is kept as evidence but is **not** the
actor's label; filter ``~negated`` before counting. ``hypothetical`` is True
when such a label is not asserted (``could be designated a terrorist group``,
``if the group is listed``). Both are the judgement of
:mod:`framing.text.scope`, as in :func:`framing.find`. A label in the name's
own noun phrase is presupposed, not asserted: ``no ties to the al Qaeda
network`` and ``Hamas militants did not attack`` deny the ties and the
attack, not the label, so neither flag is set for it.
"""

from __future__ import annotations

import re
import reprlib
from bisect import bisect_right
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import registry, schema
from framing._checks import check_count
from framing._yaml import read_yaml
from framing.measures._reported import reporting_speaker
from framing.measures._speakers import resolve_speaker
from framing.text.grammar import (
    ADVERBS,
    AUX_BE,
    AUX_OTHER,
    CLAUSE_WORDS,
    DAYS,
    DETERMINERS,
    IRREGULAR_VERBS,
    PREPOSITIONS,
    PRONOUNS,
    Token,
    np_after,
    np_before,
    tokenize,
    verb_like,
)
from framing.errors import InputNotFoundError, SchemaError
from framing.lexicon.load import Lexicon
from framing.measures._inputs import as_lexicon, checked_annotations, lexicon_matches
from framing.text.annotate import Annotations
from framing.text.sentences import TITLES, split_sentences

__all__ = ["actor_labels", "actor_mentions", "load_actors", "ACTOR_LABEL_COLUMNS", "LABEL_PATTERNS", "DESIGNATION_VERBS"]

#: columns of :func:`actor_labels`: :data:`framing.schema.ACTOR_LABELS`, then
#: ``negated``, ``hypothetical`` and the offsets of the actor mention the label is tied to
ACTOR_LABEL_COLUMNS = schema.ACTOR_LABELS + schema.ACTOR_LABELS_EXTRA

#: values of the ``pattern`` column (the codebook's), strongest tie first
LABEL_PATTERNS = ("designation", "copula", "appositive", "premodifier", "member", "violence", "other", "description")

#: verbs that report a designation (stems; every inflection is matched)
DESIGNATION_VERBS = (
    "designate", "blacklist", "label", "list", "brand", "call", "describe", "consider", "classify",
    "deem", "proscribe", "term", "regard", "view", "recognise", "recognize", "ban", "outlaw", "declare",
)
_DESIG_FORMS = (
    r"designat(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|list(?:s|ed|ing)?"
    r"|brand(?:s|ed|ing)?|call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|consider(?:s|ed|ing)?"
    r"|classif(?:y|ies|ied|ying)|deem(?:s|ed|ing)?|proscrib(?:e|es|ed|ing)|term(?:s|ed|ing)?"
    r"|regard(?:s|ed|ing)?|view(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|ban(?:s|ned|ning)?"
    r"|outlaw(?:s|ed|ing)?|declar(?:e|es|ed|ing)|seen|sees?|saw"
)
_DESIG_PP = (
    r"designated|blacklisted|label(?:l)?ed|listed|branded|called|described|considered|classified|deemed"
    r"|proscribed|termed|regarded|viewed|seen|recogni[sz]ed|banned|outlawed|declared"
)
_ADVS = r"(?:(?:also|officially|formally|long|widely|previously|already|now|still|since|even|itself|first)\s+)*"
_OPTIONAL_ASIDE = r"(?:[”\"’']?(?:\s*,\s*(?:or\s+)?[^,.;:()\n]{1,80}?,|\s*\([^()\n]{1,80}\)|\s*[—–]\s*[^—–\n]{1,80}?[—–]))?"
_PASSIVE = re.compile(
    _OPTIONAL_ASIDE
    + r"(?:\s*,\s*(?:which|who|that)\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+|\s*,\s*"
    r"|\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|been|being)\s+)"
    + _ADVS + r"(?P<neg>(?:not|never)\s+)?" + _ADVS
    + rf"(?P<verb>{_DESIG_PP})\b(?:\s+by\s+(?P<agent>[^,.;:\n]{{1,60}}?))?(?:\s+as)?\s+(?=\S)",
    re.IGNORECASE,
)
_RELATIVE_ACTIVE = re.compile(
    r"\s*,\s*(?:which|whom|who)\s+(?P<agent>[^,.;:\n]{1,50}?)\s+(?:(?:has|have|had|also|long|officially|formally)\s+)*"
    rf"(?P<neg>(?:not|never|does\s+not|did\s+not|doesn['’]t|didn['’]t)\s+)?(?P<verb>{_DESIG_FORMS})\b(?:\s+as)?\s+(?=\S)",
    re.IGNORECASE,
)
_ACTIVE_BEFORE = re.compile(
    rf"(?<!\bso\s)(?<!\bso-)\b(?P<verb>{_DESIG_FORMS})\s+(?:as\s+)?(?P<np>(?:[\w\-‐‑’'“”\"]+\s+){{0,4}})$",
    re.IGNORECASE,
)
_AFTER_ACTIVE = re.compile(r"(?:\s+as)?\s+(?=\S)", re.IGNORECASE)
_COPULA = re.compile(
    _OPTIONAL_ASIDE
    + r"(?:\s*,\s*(?:which|who)\s+|\s+)"
    r"(?P<cop>is|was|are|were|remains|remained|became|becomes|has\s+been|had\s+been|have\s+been|has\s+become)\s+"
    + _ADVS + r"(?P<neg>(?:not|never|no\s+longer)\s+)?" + _ADVS + r"(?=\S)",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"[”\"’']?\s*(?:,|\(|—|–|--)\s*(?:or\s+)?(?:(?:also\s+)?(?:a|an|the|one\s+of\s+the|another|its|their)\s+)(?=\S)",
    re.IGNORECASE,
)
_WHAT_CALLED = re.compile(
    r"\bwhat\s+(?P<agent>\S+(?:\s+\S+)?)\s+(?:calls|called|describes|described\s+as|terms|termed|labels|labell?ed|brands|branded)\s+$",
    re.IGNORECASE,
)
_DEFINITE = frozenset("the this that these those".split())
_NUMBERS = frozenset("two three four five six seven eight nine ten both several many".split())
#: nouns that may stand between a label and a name (``militant separatist group Jaish al-Adl``)
GROUP_NOUNS = frozenset(
    """group groups organisation organisations organization organizations outfit outfits movement movements
    faction factions network networks militia militias wing cell cells alliance coalition force forces
    party army front brigade brigades""".split()
)
#: heads of labels that name the actor as a body (``the Antifa movement``, ``the Taliban regime``): pattern other
_BODY_HEADS = GROUP_NOUNS | frozenset(
    """government governments regime regimes resistance rulers authorities parties""".split()
)
#: heads of labels that name the actor's violence (``ISIS coordinated terrorism``, ``Hamas's terror attacks``)
_VIOLENCE_HEADS = frozenset(
    """terrorism extremism militancy insurgency separatism secession radicalism radicalisation radicalization
    attack attacks campaign campaigns violence bombing bombings plot plots operation operations""".split()
)
#: words after a label that make it name violence (``terrorist attacks``)
_VIOLENCE_NOUNS = frozenset("attack attacks bombing bombings violence campaign plot plots operation operations".split())
#: modifiers that make a description another body than the actor (``the parent organization``, ``rival groups``)
_RELATION_WORDS = frozenset(
    """parent rival other splinter allied affiliated sister umbrella offshoot successor predecessor
    different new another such similar""".split()
)
#: possessive determiners that refer back to an actor (``its fighters``)
_POSSESSIVES = frozenset(("its",))
#: capitalised words before a name that are not part of it (``Lebanese Hezbollah``, ``But Hamas``)
_NOT_NAME_PART = re.compile(
    r"(?:an|ian|ese|ish|i|ic|ite|ist|ists)$|^(?:shia|shiite|shi'ite|sunni|pro|anti|former|ex|u\.s\.|us|un|eu)$",
    re.IGNORECASE,
)
#: participles between a name and its violence (``ISIS coordinated terrorism``)
_AGENT_PARTICIPLES = frozenset(
    """coordinated inspired directed sponsored orchestrated organised organized linked related backed led
    planned funded claimed""".split()
)
_GROUP_HEADS = frozenset(re.sub(r"s$", "", w) if len(w) > 3 else w for w in GROUP_NOUNS)
#: legitimising heads that name the actor's rule, written after its name (``the Taliban government``)
_OF_ACTOR_HEADS = frozenset("government governments regime regimes rulers authorities".split())
#: patterns that assert the label (a predicate or a designation), so a negation or a condition can deny it
_ASSERTED = frozenset(("designation", "copula"))
#: descriptions of a side in a civil war: they refer back only to an actor already called so
_SIDE_HEADS = frozenset(("rebel", "opposition"))
#: a capitalised name and a comma, dash or bracket just before a description
_AFTER_NAME = re.compile(r"[A-Z][\w’'\-]*\s*(?:,|—|–|--|\()\s*$")
#: label categories of an armed group's members: their descriptions (``the militants``, ``the jihadists``) fit
#: any listed actor; a description in another category (``the government``, or a user's ``the president``)
#: only an actor already called so
_MEMBER_CATEGORIES = frozenset(("terrorism", "extremism", "militancy", "separatism"))
_ROLE_NOUNS = frozenset("leader leaders chief commander commanders founder head spokesman spokesperson emir".split())
_OF_BEFORE = re.compile(r"(?P<label>[\w’'\-]+)\s+(?:of|from|loyal\s+to|who\s+(?:had\s+|have\s+)?joined)\s+(?:the\s+)?$",
                        re.IGNORECASE)
#: "He joined the YPG ... as a volunteer fighter": the member the text says someone became
_JOINED_BEFORE = re.compile(r"\bjoined\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED_AS_AFTER = re.compile(r"[^.;:!?]{0,60}?\bas\s+an?\s+(?P<w1>[\w’'\-]+)(?:\s+(?P<w2>[\w’'\-]+))?", re.IGNORECASE)
_SUCH_AS_BEFORE = re.compile(r"(?P<label>[\w’'\-]+)\s*,?\s+(?:such\s+as|like|including)\s+(?:the\s+)?$",
                             re.IGNORECASE)
_QUOTE_MARKS = frozenset("“”\"‘’'«»")
_REPORT_BEFORE = re.compile(r"\s+(?:that\s+)?[“\"‘']?$")


def load_actors(actors: Mapping[str, Any] | str | PathLike[str], *, source: str | None = None) -> dict[str, list[str]]:
    """Validate an actor map (or read it from a YAML file).

    Parameters
    ----------
    actors : mapping or path
        ``{actor name: [alias, ...]}``; a single alias string is accepted, and
        the actor's own name is always an alias. A path names a YAML file with
        that mapping (or with a top-level ``actors:`` key holding it).
    source : str, optional
        What the map is, named in error messages (default: the file, or "actors").

    Returns
    -------
    dict
        Actor name -> list of distinct aliases (the name first).

    Raises
    ------
    framing.errors.InputNotFoundError
        If a path does not exist.
    framing.errors.SchemaError
        If the map is empty or an entry is not a name with string aliases.
    """
    if isinstance(actors, (str, PathLike)):
        path = Path(actors)
        if not path.exists() or path.is_dir():  # a pipe (process substitution) is fine
            raise InputNotFoundError(f"actors file {path} does not exist")
        source = source or f"actors file {path}"
        actors = read_yaml(path, source, SchemaError)
        if isinstance(actors, Mapping) and set(actors) == {"actors"}:
            actors = actors["actors"]
    source = source or "actors"
    if not isinstance(actors, Mapping) or not actors:
        raise SchemaError(f"{source}: expected a mapping of actor name -> list of aliases, got {type(actors).__name__}")
    out: dict[str, list[str]] = {}
    key_lines = getattr(actors, "key_lines", {})  # a mapping read from YAML knows its lines
    for name, aliases in actors.items():
        where = f"{source}:{key_lines[name]}" if name in key_lines else source
        if not isinstance(name, str) or not name.strip():
            raise SchemaError(f"{where}: actor names must be non-empty strings, got {name!r}")
        if aliases is None:
            aliases = []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) and a.strip() for a in aliases):
            # a bounded repr: a YAML alias bomb would make the full one exponentially long
            short = reprlib.Repr()
            short.maxlevel, short.maxlist, short.maxstring = 2, 6, 60
            shown = short.repr(aliases)
            raise SchemaError(f"{where}: aliases of actor {name!r} must be a list of non-empty strings, got {shown}")
        out[name.strip()] = list(dict.fromkeys(a.strip() for a in [name, *aliases]))
    return out


def _alias_regex(alias: str) -> str:
    parts = [p for p in re.split(r"[\s\-‐‑–]+", alias) if p]
    body = r"(?:\s*[\-‐‑–]\s*|\s+)".join(re.escape(p) for p in parts)
    if len(alias) <= 4 and alias.isupper():
        body = f"(?-i:{body})"  # acronyms (US, IS, EU) match in their own case only
    return rf"{body}(?![\w]|[\-‐‑]\w+[\-‐‑])"


def _compile(actors: Mapping[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    entries = sorted(((alias, name) for name, aliases in actors.items() for alias in aliases), key=lambda x: -len(x[0]))
    groups: dict[str, str] = {}
    parts = []
    for i, (alias, name) in enumerate(entries):
        groups[f"a{i}"] = name
        parts.append(f"(?P<a{i}>{_alias_regex(alias)})")
    # one look-behind for all aliases, so each position is tested once
    return re.compile(r"(?<![\w\-‐‑])(?=\w)(?:" + "|".join(parts) + ")", re.IGNORECASE), groups


def actor_mentions(text: str, actors: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """Mentions of the actors in one text: ``(start, end, actor)`` in text order.

    Aliases match regardless of case and of hyphen/space variation
    (``Jaish al Adl``, ``jaish-al-adl``); acronyms of up to four capitals match
    in their own case only; the longest alias wins where aliases overlap.
    """
    actor_map = load_actors(actors)
    pattern, groups = _compile(actor_map)
    return _mentions(text, pattern, groups, split_sentences(text), tails=_name_tails(actor_map))


def _norm(name: str) -> str:
    return " ".join(re.split(r"[\s\-‐‑–]+", name.strip().lower()))


def _name_tails(actors: Mapping[str, list[str]]) -> set[str]:
    """Aliases that end a longer alias of the same actor (``Mueller`` of ``Robert Mueller``): words before
    them may be the actor's own (a given name), so they are never cut off as part of another name."""
    out = set()
    for names in actors.values():
        normed = [_norm(a) for a in names]
        for a in normed:
            if any(b != a and b.endswith(" " + a) for b in normed):
                out.add(a)
    return out


#: capitalised titles before a name (besides the abbreviations of framing.text.sentences.TITLES)
_TITLE_WORDS = frozenset(
    """president vice premier minister secretary senator representative governor general admiral colonel
    commander chief leader supreme king queen prince princess sheikh ayatollah imam cleric emir mullah
    chairman chairwoman spokesman spokeswoman ambassador envoy judge justice mayor director officer state
    counsel lady""".split()
)
_PREVIOUS_WORD = re.compile(r"(?:^|[^\w’'.\-])([^\W\d_][\w’'.\-]*) $")
_FUNCTION_WORDS = (DETERMINERS | CLAUSE_WORDS | PREPOSITIONS | AUX_BE | AUX_OTHER | ADVERBS | PRONOUNS
                   | frozenset("""not no both either neither all most some like unlike even only meanwhile however
                   thus instead indeed moreover hence likewise otherwise nevertheless whenever senior core top
                   late rival allied""".split()))


def _in_longer_name(text: str, start: int, sentence_start: int, end: int | None = None,
                    label_ends: set[int] | None = None) -> bool:
    """Is the alias at ``start`` the tail of a longer proper name (``Kata’ib Hezbollah``)?

    It is when the word just before it (one space apart, in the same sentence) is capitalised and is no
    function word, sentence adverb, weekday, demonym or affiliation (``Lebanese Hezbollah``, ``Sunni``,
    ``But Hamas``, ``Meanwhile Hamas``, ``Iran-backed``), possessive or acronym.
    """
    m = _PREVIOUS_WORD.search(text, max(sentence_start, start - 40), start)
    if m is None or m.start(1) < sentence_start or not m.group(1)[:1].isupper():
        return False
    word = m.group(1)
    low = word.lower()
    if low in _FUNCTION_WORDS or low in DAYS or _NOT_NAME_PART.search(low) or word.isupper():
        return False
    if low.rstrip(".") in TITLES or low in _TITLE_WORDS or (label_ends is not None and m.end(1) in label_ends):
        return False  # "President Trump", "Militant Hamas": a title or a label word before the name
    if "-" in word or word.endswith(("'s", "’s", "’", "'")) or word.endswith("."):
        return False
    if end is not None and text[start:end].isupper():
        return False  # an acronym (ISIS) is not the tail of a name
    before = _PREVIOUS_WORD.search(text, max(sentence_start, m.start(1) - 40), m.start(1))
    if before is not None and before.group(1)[:1].isupper():
        return False  # a run of capitalised words: a headline ("U.S. Targets Taliban"), not a name
    return True


def _mentions(text: str, pattern: re.Pattern[str], groups: Mapping[str, str],
              sentences: list[tuple[int, int]], hits: list[int] | None = None,
              label_ends: set[int] | None = None, tails: set[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The actor mentions of one text (``_compile``'s pattern), without aliases inside longer names.

    With ``hits`` (offsets of a word every alias contains), only the sentences holding one are searched.
    """
    starts = [a for a, _ in sentences]
    if hits is None or not sentences:
        spans = [(0, len(text))]
    else:
        spans = []
        for h in hits:
            k = max(0, bisect_right(starts, h) - 1)
            a, b = sentences[k]
            a, b = min(a, h), max(b, h + 1)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
    out = []
    for a, b in spans:
        for m in pattern.finditer(text, a, b):
            k = bisect_right(starts, m.start()) - 1
            if (tails and _norm(m.group(0)) in tails) or not _in_longer_name(
                    text, m.start(), starts[k] if k >= 0 else 0, m.end(), label_ends):
                out.append((m.start(), m.end(), groups[m.lastgroup]))
    return out


# ---------------------------------------------------------------------------
# one document
# ---------------------------------------------------------------------------


def _merge_labels(text: str, rows: list[tuple]) -> list[tuple]:
    """Label rows in text order, a label followed by a neutral group noun joined into one label.

    ``terrorist organization``, ``militant group`` and ``Islamist group`` are one label of the first word's
    category; ``the Islamist militant group`` stays ``Islamist`` + ``militant group``.
    """
    rows = sorted(rows)
    out: list[tuple] = []
    for r in rows:
        if out:
            p = out[-1]
            gap = text[p[1]:r[0]]
            if (r[2] == "neutral" and p[2] != "neutral" and gap in (" ", "-", "\u00a0")
                    and text[r[0]:r[1]].lower() in GROUP_NOUNS and p[3] == r[3]):
                out[-1] = (p[0], r[1], p[2], p[3], p[4] or r[4], p[5] or r[5])
                continue
        out.append(r)
    return out



class _Doc:
    """Tokens, sentences, mentions and labels of one document.

    Only the sentences that hold a mention, and the ``window`` sentences after each (where a description
    may refer back to it), are tokenized: no pattern looks elsewhere.
    """

    def __init__(self, text: str, mentions: list[tuple[int, int, str]], labels: list[tuple],
                 sentences: list[tuple[int, int]], window: int) -> None:
        self.text = text
        self.sentences = sentences or [(0, len(text))]
        self.sent_starts = np.array([a for a, _ in self.sentences], dtype=np.int64)
        self._sent_list = self.sent_starts.tolist()
        self.mentions = mentions
        reach: set[int] = set()
        for a, _, _ in mentions:
            k = self.sent(a)
            reach.update(range(k, min(len(self.sentences), k + window + 1)))
        labels = [r for r in labels if self.sent(r[0]) in reach]
        need = sorted({self.sent(r[0]) for r in labels})  # a sentence without a label ties nothing
        tokens: list[Token] = []
        for k in need:
            tokens.extend(tokenize(text, *self.sentences[k]))
        self.tokens = tokens
        self._start_list = [t.start for t in tokens]
        self.starts = np.array(self._start_list, dtype=np.int64)
        #: label rows (row i: ls[i], le[i], ...), a label word and a group noun after it merged
        #: into one label (``terrorist organization``, ``militant group``) as a reader counts them
        rows = _merge_labels(text, labels)
        self.ls = [r[0] for r in rows]
        self.le = [r[1] for r in rows]
        self.lcat = [r[2] for r in rows]
        self.lvoice = [r[3] for r in rows]
        # negation and modality by the scope of the clause (framing.text.scope), as judged for the matches
        self.lneg = [r[4] for r in rows]
        self.lhyp = [r[5] for r in rows]
        self.label_tokens: dict[int, int] = {}  # token index -> label row
        for i, (a, b) in enumerate(zip(self.ls, self.le)):
            for t in range(self.tok(int(a)), self.tok(int(b) - 1) + 1):
                self.label_tokens[t] = i

    def tok(self, offset: int) -> int:
        return max(0, bisect_right(self._start_list, offset) - 1)

    def sent(self, offset: int) -> int:
        return max(0, bisect_right(self._sent_list, offset) - 1)

    def label_at(self, offset: int) -> int | None:
        """Label row starting at (or covering the token at) ``offset``."""
        return self.label_tokens.get(self.tok(offset))

    def gap_ok(self, i: int, j: int, *, max_words: int) -> bool:
        """Tokens ``i..j-1`` may stand inside a noun phrase between a label and a name."""
        words = 0
        for t in range(i, j):
            tok = self.tokens[t]
            if tok.text in _QUOTE_MARKS or tok.text in "-‐‑":
                continue
            if not tok.is_word:
                return False
            words += 1
            if t in self.label_tokens or tok.is_capitalised or tok.low in GROUP_NOUNS:
                continue
            return False
        return words <= max_words

    def predicate_labels(self, offset: int, *, max_tokens: int = 6) -> list[int]:
        """Label rows of the noun phrase starting at ``offset`` (its first label within ``max_tokens``)."""
        t = self.tok(offset)
        if t < len(self.tokens) and self.tokens[t].start < offset:
            t += 1
        sentence_end = self.sentences[self.sent(offset)][1]
        found: list[int] = []
        k = t
        while k < len(self.tokens):
            tok = self.tokens[k]
            if tok.start >= sentence_end:
                break
            if k in self.label_tokens:
                if self.label_tokens[k] not in found:
                    found.append(self.label_tokens[k])
                k += 1
                continue
            if not found and k - t >= max_tokens:
                break
            if tok.text in _QUOTE_MARKS or tok.text in "-‐‑":
                k += 1
                continue
            low = tok.low
            if not tok.is_word or low in CLAUSE_WORDS or low in PREPOSITIONS or low in AUX_BE or low in AUX_OTHER:
                if not found and low == "of" and k > t and self.tokens[k - 1].low == "one":  # "one of the"
                    k += 1
                    continue
                break
            if not tok.is_capitalised and (low.endswith("ed") or low.endswith("ing")) and low not in GROUP_NOUNS:
                break
            if found and not tok.is_capitalised and low not in GROUP_NOUNS:
                break  # the noun phrase ended with its last label
            k += 1
        return found


def _agent_after(doc: _Doc, offset: int, limit: int | None = None) -> tuple[int, int] | None:
    """Noun phrase starting at ``offset`` (and ending by ``limit``): an agent after ``by``."""
    t = doc.tok(offset)
    if t < len(doc.tokens) and doc.tokens[t].start < offset:
        t += 1
    hi = None if limit is None else int(np.searchsorted(doc.starts, limit, side="left"))
    span = np_after(doc.tokens, t, hi=hi, max_tokens=8)
    if span is None:
        return None
    return doc.tokens[span[0]].start, doc.tokens[span[1]].end


def _agent_before(doc: _Doc, offset: int) -> tuple[int, int] | None:
    """Subject noun phrase ending before ``offset`` (skipping auxiliaries and adverbs)."""
    k = doc.tok(offset - 1)
    if k < len(doc.tokens) and doc.tokens[k].end > offset:
        k -= 1
    sent_lo = doc.tok(doc.sentences[doc.sent(max(offset - 1, 0))][0])
    while k >= sent_lo and (doc.tokens[k].low in AUX_OTHER or doc.tokens[k].low in ADVERBS
                            or (doc.tokens[k].low.endswith("ly") and not doc.tokens[k].is_capitalised)):
        k -= 1
    span = np_before(doc.tokens, k, lo=sent_lo)
    if span is None:
        return None
    return doc.tokens[span[0]].start, doc.tokens[span[1]].end


def _candidates(doc: _Doc, cues: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Every (label, mention, pattern) tie found in one document."""
    text = doc.text
    out: list[dict[str, Any]] = []

    def add(label: int, mention: int, pattern: str, *, agent: tuple[int, int] | None = None,
            agent_text: str | None = None) -> None:
        a, b, _ = doc.mentions[mention]
        la = doc.ls[label]
        distance = la - b if la >= b else a - doc.le[label]
        out.append({
            "label": label, "mention": mention, "pattern": pattern,
            "priority": LABEL_PATTERNS.index(pattern), "distance": abs(distance),
            "attributed_to": agent_text if agent_text is not None else (text[agent[0]:agent[1]] if agent else None),
        })

    for mi, (ma, mb, _actor) in enumerate(doc.mentions):
        sent_a, sent_b = doc.sentences[doc.sent(ma)]
        after = text[mb:sent_b]
        before = text[sent_a:ma]
        of_before = re.search(r"\bof\s+(?:the\s+)?$", before, re.IGNORECASE) is not None

        # designation, passive or reduced relative: "X is blacklisted by Iran as a terrorist group"
        m = _PASSIVE.match(text, mb, sent_b)
        if m and not of_before:
            found = doc.predicate_labels(m.end())
            if found:
                agent = None
                if m.group("agent"):
                    agent = _agent_after(doc, m.start("agent"), m.end("agent"))
                else:
                    lb = doc.le[found[-1]]
                    by = re.match(r"(?:\s+[\w\-’']+){0,2}?\s+by\s+", text[lb:sent_b])
                    if by:
                        agent = _agent_after(doc, lb + by.end())
                for label in found:
                    add(label, mi, "designation", agent=agent)
        # designation, relative active: "Hamas, which the EU lists as a terrorist group"
        m = _RELATIVE_ACTIVE.match(text, mb, sent_b)
        if m:
            agent = _agent_after(doc, m.start("agent"), m.end("agent"))
            for label in doc.predicate_labels(m.end()):
                add(label, mi, "designation", agent=agent)
        # designation, active: "The United States has also labeled X a terrorist organization"
        m = _ACTIVE_BEFORE.search(before)
        if m and m.group("np"):
            # only a premodifier may stand between verb and name ("labeled the militant group X")
            np_a = doc.tok(sent_a + m.start("np"))
            words = [t for t in range(np_a, doc.tok(ma)) if doc.tokens[t].is_word]
            if words and (doc.tokens[words[0]].low not in ("the", "a", "an") or not doc.gap_ok(words[0] + 1, doc.tok(ma), max_words=4)):
                m = None
        if m:
            m2 = _AFTER_ACTIVE.match(text, mb)
            found = doc.predicate_labels(m2.end()) if m2 else []
            if found:
                vstart = sent_a + m.start("verb")
                agent = _agent_before(doc, vstart)
                if agent is not None and doc.tokens[doc.tok(agent[0])].low in ("who", "which"):
                    agent = None
                for label in found:
                    add(label, mi, "designation", agent=agent)
        # copula: "X is a Sunni militant group", "X, or the “Army of Justice”, is ..."
        m = _COPULA.match(text, mb, sent_b)
        if m and not of_before:
            found = doc.predicate_labels(m.end())
            if found:
                agent = None
                # the clause reported by a speaker: "Iran says X is a terrorist group"
                for cue_start, cue_end in cues:
                    if sent_a <= cue_end <= ma and _REPORT_BEFORE.fullmatch(text[cue_end:ma]) is not None:
                        status, span = resolve_speaker(text, doc.tokens, doc.starts, cue_start, cue_end, (sent_a, sent_b))
                        if status == "ok" and span is not None:
                            agent = span
                for label in found:
                    add(label, mi, "copula", agent=agent)
        # appositive: "X, a separatist group based in ..."
        m = _APPOSITIVE.match(text, mb, sent_b)
        if m:
            found = doc.predicate_labels(m.end(), max_tokens=5)
            if found:
                # "X, the group will ...": a subject, not an appositive
                after_np = doc.tok(doc.le[found[-1]] - 1) + 1
                while after_np < len(doc.tokens) and doc.tokens[after_np].low in GROUP_NOUNS:
                    after_np += 1
                nxt = doc.tokens[after_np].low if after_np < len(doc.tokens) else ""
                if nxt not in AUX_BE and nxt not in AUX_OTHER and nxt not in ("said", "says", "told"):
                    for label in found:
                        add(label, mi, "appositive")
        # reverse appositive: "the militant group, X,"
        rev = re.search(r"\s*,\s*$", before)
        if rev and re.match(r"\s*(?:[,.;:)—–]|$)", after):
            t_end = doc.tok(sent_a + rev.start() - 1)
            if t_end in doc.label_tokens:
                # the noun phrase must open with a determiner within four tokens
                k = t_end
                while k - 1 >= 0 and (k - 1) >= t_end - 4 and doc.tokens[k - 1].is_word and doc.tokens[k - 1].low not in DETERMINERS:
                    k -= 1
                if k - 1 >= 0 and doc.tokens[k - 1].low in ("a", "an", "the"):
                    add(doc.label_tokens[t_end], mi, "appositive")
        # premodifier: "Palestinian terror group Hamas", "the jihadist group X"
        m0 = doc.tok(ma)
        for t in range(max(0, m0 - 6), m0):
            if t in doc.label_tokens:
                label = doc.label_tokens[t]
                if doc.tok(doc.le[label] - 1) != t:
                    continue  # not the label's last token
                if doc.tokens[t].low in _OF_ACTOR_HEADS:
                    continue  # "the government", "the regime" name a body of the name after them, not it
                if doc.sent(doc.tokens[t].start) != doc.sent(ma):
                    continue
                if doc.gap_ok(t + 1, m0, max_words=4):
                    # "what it called the terrorist group X": the label is its
                    la = doc.ls[label]
                    np_start = la
                    k = doc.tok(la) - 1
                    while k >= 0 and (doc.tokens[k].is_capitalised or doc.tokens[k].low in DETERMINERS or doc.tokens[k].text in _QUOTE_MARKS or k in doc.label_tokens) and doc.tokens[k].start >= sent_a:
                        np_start = doc.tokens[k].start
                        if doc.tokens[k].low in DETERMINERS:
                            break
                        k -= 1
                    w = _WHAT_CALLED.search(text[sent_a:np_start])
                    if w:
                        add(label, mi, "premodifier", agent_text=w.group("agent"))
                        continue
                    add(label, mi, "premodifier")
        # name + label: "Hamas militants" (member), "the Islamic State terrorist group" (other),
        # "ISIS coordinated terrorism", "Hamas's terror attacks" (violence)
        m1 = doc.tok(mb - 1)
        attached: list[int] = []
        # "Trump's chief adviser", "Pakistan-based militants": the label is not the actor's ...
        possessive = re.match(r"['’]", text[mb:mb + 1]) is not None
        adjectival = possessive or re.match(r"[\-‐‑]\w", text[mb:mb + 2]) is not None
        for t in range(m1 + 1, min(len(doc.tokens), m1 + 6) if not adjectival else m1 + 1):
            if t in doc.label_tokens:
                label = doc.label_tokens[t]
                if doc.ls[label] < mb or label in attached:
                    continue
                if doc.sent(doc.tokens[t].start) != doc.sent(ma) or not doc.gap_ok(m1 + 1, t, max_words=3):
                    break
                attached.append(label)
            elif attached and not (doc.tokens[t].low in GROUP_NOUNS or doc.tokens[t].text in _QUOTE_MARKS):
                break
        if not attached:
            # ... except its violence: "Hamas's terror attacks", "ISIS coordinated terrorism", "ISIS-inspired terrorism"
            t = m1 + 1
            if (not adjectival and t < len(doc.tokens) and t not in doc.label_tokens and doc.tokens[t].is_word
                    and doc.tokens[t].low in _AGENT_PARTICIPLES):
                t += 1
            if t < len(doc.tokens) and t in doc.label_tokens and doc.sent(doc.tokens[t].start) == doc.sent(ma):
                label = doc.label_tokens[t]
                head = doc.text[doc.ls[label]:doc.le[label]].split()[-1].lower()
                rule = possessive and head in _OF_ACTOR_HEADS
                if doc.ls[label] >= mb and (rule or _kind(doc, label) == "violence"):
                    attached.append(label)  # ... and its rule: "North Korea's government", "the Taliban's regime"
        for label in attached:
            add(label, mi, _kind(doc, label))
        # label of / from the name: "jihadists of the Islamic State", "fighters from Hezbollah"
        m = _OF_BEFORE.search(before)
        if m and _plural(m.group("label")):  # "the leader of X" is another actor
            t = doc.tok(sent_a + m.end("label") - 1)
            if t in doc.label_tokens and doc.tok(doc.le[doc.label_tokens[t]] - 1) == t:
                add(doc.label_tokens[t], mi, _kind(doc, doc.label_tokens[t]))
        # "joined the YPG ... as a volunteer fighter": a member, singular too
        if _JOINED_BEFORE.search(before):
            m = _JOINED_AS_AFTER.match(after)
            for word in ("w1", "w2") if m else ():
                t = doc.tok(mb + m.end(word) - 1) if m.group(word) else None
                if t in doc.label_tokens and doc.tok(doc.le[doc.label_tokens[t]] - 1) == t:
                    add(doc.label_tokens[t], mi, "member")
                    break
        # a class the name is an instance of: "groups such as ISIL", "terror groups like al Qaeda"
        m = _SUCH_AS_BEFORE.search(before)
        if m:
            t = doc.tok(sent_a + m.end("label") - 1)
            if t in doc.label_tokens and doc.tok(doc.le[doc.label_tokens[t]] - 1) == t:
                add(doc.label_tokens[t], mi, "other")
    out.extend(_pronoun_ties(doc))
    return out


def _plural(phrase: str) -> bool:
    """Is the last word of a label a plural noun (``fighters``, ``jihadists``, ``gunmen``)?"""
    word = phrase.split()[-1].lower() if phrase.split() else ""
    return (word.endswith("s") and not word.endswith(("ss", "us", "is"))) or word.endswith("men")


def _kind(doc: _Doc, label: int) -> str:
    """The pattern of a label tied after or around the name, by what it names: member, other or violence."""
    words = doc.text[doc.ls[label]:doc.le[label]].lower().split()
    head = re.sub(r"['’]s?$", "", words[-1]) if words else ""
    t = doc.tok(doc.le[label] - 1) + 1
    if head in _VIOLENCE_HEADS or (t < len(doc.tokens) and doc.tokens[t].low in _VIOLENCE_NOUNS):
        return "violence"
    if head in _BODY_HEADS:
        return "other"
    return "member"


def _nearest_mention_before(doc: _Doc, offset: int, *, same_sentence: bool = True) -> int | None:
    """The last mention ending before ``offset`` (in its sentence, or also in the one before)."""
    k = doc.sent(offset)
    for i in range(len(doc.mentions) - 1, -1, -1):
        ma, mb, _ = doc.mentions[i]
        if mb > offset:
            continue
        if doc.sent(ma) == k or (not same_sentence and doc.sent(ma) == k - 1):
            return i
        return None
    return None


def _pronoun_ties(doc: _Doc) -> list[dict[str, Any]]:
    """Labels tied through a possessive or through ``other``: ``its fighters``, ``other militant groups``.

    ``its`` refers to the last mention before it in the sentence (or the one before; ``their`` is too often
    a people's: ``Kurds claim ISIL used chemical weapons against their fighters``);
    ``his`` / ``her`` only to a mention heading a role (``Boko Haram leader Abubakar Shekau and his army of
    jihadist fighters``). ``Hamas and other militant groups`` makes Hamas one of them (pattern other).
    """
    out: list[dict[str, Any]] = []
    for label in range(len(doc.ls)):
        t0 = doc.tok(doc.ls[label])
        k = t0 - 1
        found = None
        while k >= 0 and t0 - k <= 4:
            tok = doc.tokens[k]
            if tok.low in _POSSESSIVES or tok.low in ("his", "her") or tok.low in ("other", "another"):
                found = k
                break
            if k in doc.label_tokens and tok.is_word:
                k -= 1  # "its jihadist fighters": another label of the same noun phrase
                continue
            if not tok.is_word or tok.is_capitalised or tok.low in CLAUSE_WORDS - {"of"} or (
                    tok.low in PREPOSITIONS and tok.low != "of") or tok.low in AUX_BE or tok.low in AUX_OTHER \
                    or tok.low in DETERMINERS or verb_like(tok):
                break
            k -= 1
        if found is None:
            continue
        word = doc.tokens[found].low
        if word in ("other", "another"):
            if found >= 1 and doc.tokens[found - 1].low in ("each", "one", "the"):
                continue  # "each other", "one another"
            mi = _nearest_mention_before(doc, doc.tokens[found].start)
            pattern = "other"
        else:
            last = label  # the head of the noun phrase: "its jihadist fighters"
            while doc.label_tokens.get(doc.tok(doc.le[last] - 1) + 1, last) != last:
                last = doc.label_tokens[doc.tok(doc.le[last] - 1) + 1]
            if not _plural(doc.text[doc.ls[last]:doc.le[last]]):
                continue  # "its leader", "its government": another actor than the one it refers to
            mi = _nearest_mention_before(doc, doc.tokens[found].start, same_sentence=word in ("his", "her"))
            if mi is not None and word in ("his", "her"):
                role = doc.tok(doc.mentions[mi][1] - 1) + 1
                if role >= len(doc.tokens) or doc.tokens[role].low not in _ROLE_NOUNS:
                    mi = None
            pattern = _kind(doc, label)
        if mi is None:
            continue
        ma, mb, _ = doc.mentions[mi]
        out.append({
            "label": label, "mention": mi, "pattern": pattern,
            "priority": LABEL_PATTERNS.index(pattern), "distance": doc.ls[label] - mb, "attributed_to": None,
        })
    return out


def _head(word: str) -> str:
    """A noun compared without case, possessive or plural ``s``."""
    low = word.lower()
    low = re.sub(r"['’]s?$", "", low)
    return low[:-1] if low.endswith("s") and len(low) > 3 else low


def _coreference(doc: _Doc, best: dict[int, dict[str, Any]], window: int) -> list[dict[str, Any]]:
    """Definite descriptions with a label that refer back to a listed actor.

    The antecedent is the nearest preceding mention, within ``window``
    sentences, of a listed actor (``the group``, ``the militants``, ``the
    jihadists``); a description by a legitimising or neutral word that is not
    a group noun (``the government``, ``the regime``) only of an actor already
    given a label with that head. No antecedent when the nearest one is
    coordinated with another actor (``Hamas and Islamic Jihad ... the
    militants``: equally near), when a plural group noun (``these groups``)
    stands over several actors, or when a relation word makes the description
    another body (``the parent organization``, ``rival groups``).
    """
    out: list[dict[str, Any]] = []
    mention_ends = np.array([b for _, b, _ in doc.mentions], dtype=np.int64)
    heads: dict[str, list[tuple[int, str]]] = {}
    for label, c in best.items():
        actor = doc.mentions[c["mention"]][2]
        heads.setdefault(actor, []).append((doc.ls[label], _head(doc.text[doc.ls[label]:doc.le[label]].split()[-1])))
    for label in range(len(doc.ls)):
        if label in best:
            continue
        la, lb = doc.ls[label], doc.le[label]
        t0, t1 = doc.tok(la), doc.tok(lb - 1)
        # a determiner opens the description, only adjectives or labels between
        k = t0 - 1
        ok = False
        while k >= 0 and t0 - k <= 4:
            tok = doc.tokens[k]
            if tok.low in _DEFINITE:
                ok = True
                break
            if (not tok.is_word or tok.low in CLAUSE_WORDS or tok.low in PREPOSITIONS or tok.low in AUX_BE
                    or tok.low in AUX_OTHER or tok.low in IRREGULAR_VERBS or verb_like(tok)):
                break
            k -= 1
        if not ok:
            continue
        between = doc.tokens[k + 1:t0]
        if any(len(t.text) > 1 and t.text.isupper() for t in between):
            continue  # "the YPG militia": an acronym names another group
        if any(t.low in _NUMBERS or t.text[:1].isdigit() for t in between):
            continue  # "the two groups": several antecedents
        if any(t.low in _RELATION_WORDS for t in between):
            continue  # "the parent organization": another body
        sentence_start = doc.sentences[doc.sent(la)][0]
        if any(t.is_capitalised and t.is_word and not _NOT_NAME_PART.search(t.low) and t.start != sentence_start
               for t in between):
            continue  # "his Fatah faction": a name makes it another group
        if _AFTER_NAME.search(doc.text, max(0, doc.tokens[k].start - 60), doc.tokens[k].start) and not any(
                mb_ == doc.tokens[k].start or doc.text[mb_:doc.tokens[k].start].strip(" ,—–-(") == ""
                for _, mb_, _ in doc.mentions):
            continue  # "Islamic Jihad — the group that ...": in apposition to an unlisted name
        first_of_sentence = doc.sentences[doc.sent(la)][0] == la
        if doc.text[la:la + 1].isupper() and not first_of_sentence:
            continue  # "the World Trade Organization": a name, not a description
        # the description runs over further labels and group nouns; it must end
        # there (or in a possessive) and name no other group after it
        end_tok = t1
        while end_tok + 1 < len(doc.tokens) and (end_tok + 1 in doc.label_tokens or doc.tokens[end_tok + 1].low in GROUP_NOUNS):
            end_tok += 1
        last = doc.tokens[end_tok]
        possessive = re.search(r"['’]s?$", last.text) is not None or re.match(r"['’]", doc.text[lb:lb + 1]) is not None
        nxt = end_tok + 1
        if nxt < len(doc.tokens) and not possessive:
            following = doc.tokens[nxt]
            if doc.sent(following.start) == doc.sent(la):
                if following.is_capitalised and following.is_word and not following.text[:1].isdigit():
                    continue  # "the militant group Islamic State" names another group
                if following.low in ("of", "for", "in", "at", "from") and nxt + 1 < len(doc.tokens) and (
                        doc.tokens[nxt + 1].is_capitalised or doc.tokens[nxt + 1].low in ("the", "a", "an")):
                    continue  # "the leader of Japan": named by its complement
            if (following.is_word and not following.is_capitalised and not possessive and nxt not in doc.label_tokens
                    and following.low not in CLAUSE_WORDS and following.low not in PREPOSITIONS
                    and following.low not in AUX_BE and following.low not in AUX_OTHER
                    and following.low not in IRREGULAR_VERBS and not following.low.endswith(("ed", "ly"))
                    and last.low not in GROUP_NOUNS and not last.low.endswith("s")):
                continue  # "the terrorist attacks": the label modifies another noun
        bare = re.sub(r"['’]s?$", "", last.text).lower()
        head = _head(bare)
        generic = head in _GROUP_HEADS
        if not generic and any(t.is_capitalised and t.is_word for t in between):
            continue  # "the Syrian rebels", "the Kurdish fighters": a people's fighters, not the actor's
        if generic and bare != head and bare.endswith("s"):
            continue  # "these groups": plural over several actors
        first = int(np.searchsorted(mention_ends, doc.tokens[k].start, side="right")) - 1
        reach = [i for i in range(first, -1, -1) if doc.sent(la) - doc.sent(doc.mentions[i][0]) <= window]
        # "the government", "the regime": only of an actor already called so
        # and "the rebels" (a side of a civil war) only of an actor already called rebels
        open_head = (generic or doc.lcat[label] in _MEMBER_CATEGORIES) and head not in _SIDE_HEADS
        chosen = None
        for i in reach:
            actor = doc.mentions[i][2]
            if open_head or any(h == head and a < la for a, h in heads.get(actor, [])):
                chosen = i
                break
        if chosen is None:
            continue
        ma, mb, actor = doc.mentions[chosen]
        # "Hamas and Islamic Jihad ... the militants": two antecedents equally near
        rivals = [i for i in (chosen - 1, chosen + 1) if 0 <= i < len(doc.mentions) and doc.mentions[i][2] != actor]
        if any(re.fullmatch(r"\s*(?:,|and|or|&|,\s*and|,\s*or)\s*(?:the\s+)?",
                            doc.text[min(mb, doc.mentions[i][1]):max(ma, doc.mentions[i][0])], re.IGNORECASE)
               for i in rivals):
            continue
        heads.setdefault(actor, []).append((la, _head(doc.text[la:lb].split()[-1])))
        out.append({
            "label": label, "mention": chosen, "pattern": "description",
            "priority": LABEL_PATTERNS.index("description"), "distance": la - mb,
            "attributed_to": None,
        })
    return out


def _quote_speaker(quotes: list[tuple[int, int, Any]], start: int) -> Any:
    """The named speaker of the quotation holding ``start`` (its resolved name when the quote has one)."""
    for a, b, speaker in quotes:
        if a <= start < b:
            return speaker
    return None


def _document_labels(
    text: str, mentions: list[tuple[int, int, str]], labels: list[tuple], cue_spans: list[tuple[int, int]],
    quotes: list[tuple[int, int, Any]], sentences: list[tuple[int, int]], window: int,
) -> list[dict[str, Any]]:
    if not mentions or not labels:
        return []
    doc = _Doc(text, mentions, labels, sentences, window)
    if not doc.ls:
        return []
    cands = _candidates(doc, cue_spans)
    # a description used as the name (an alias "Kurdish militia"): its lower-case label words
    for label, (la, lb) in enumerate(zip(doc.ls, doc.le)):
        for mi, (ma, mb, _actor) in enumerate(doc.mentions):
            if ma <= la and lb <= mb and ma < la and text[la:lb].islower() and text[ma:ma + 1].isupper():
                cands.append({"label": label, "mention": mi, "pattern": "description", "priority": -1,
                              "distance": 0, "attributed_to": None})
    best: dict[int, dict[str, Any]] = {}
    for c in sorted(cands, key=lambda c: (c["priority"], c["distance"])):
        best.setdefault(c["label"], c)
    for c in _coreference(doc, best, window):
        best.setdefault(c["label"], c)
    rows = []
    for label, c in best.items():
        la, lb = doc.ls[label], doc.le[label]
        ma, mb, actor = doc.mentions[c["mention"]]
        voice = doc.lvoice[label]
        attributed = c["attributed_to"]
        if attributed is None and voice == "quote":
            attributed = _quote_speaker(quotes, la)
        if attributed is None and voice in ("narrator", "quote"):
            # indirect speech: "..., according to sources there", "officials in Paris said ... the group"
            who = reporting_speaker(text, doc.tokens, doc.starts, cue_spans, doc.sentences[doc.sent(la)], (la, lb))
            if who is not None:
                attributed = text[who[0]:who[1]]
        rows.append({
            "actor": actor,
            "label": text[la:lb],
            "label_category": doc.lcat[label],
            "pattern": c["pattern"],
            "voice": voice,
            "attributed_to": attributed,
            "start": la,
            "end": lb,
            # a label inside the name's own noun phrase is presupposed: "no ties to the al Qaeda network",
            # "Hamas militants did not attack" deny the ties and the attack, not the label
            "negated": doc.lneg[label] and c["pattern"] in _ASSERTED,
            "hypothetical": doc.lhyp[label] and c["pattern"] in _ASSERTED,
            "mention_start": ma,
            "mention_end": mb,
        })
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


@registry.measure("actor_labels", requires=("actors", "annotations"), produces=ACTOR_LABEL_COLUMNS)
def actor_labels(
    corpus: pd.DataFrame,
    actors: Mapping[str, Any] | str | PathLike[str],
    *,
    window: int = 2,
    lexicon: str | PathLike[str] | Lexicon = "actor_labels",
    annotations: Annotations | None = None,
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Labels attached to named actors, with the pattern, voice and source of each.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    actors : mapping or path
        ``{actor name: [alias, ...]}`` or a YAML file holding it. Aliases match
        regardless of case and of hyphen/space variation ("Jaish al Adl",
        "jaish-al-adl"); acronyms of up to four capitals match in their case.
    window : int, default 2
        For ``description``: how many sentences before the description's own
        sentence are searched for the antecedent mention (0 = same sentence).
    lexicon : str, path or Lexicon, default "actor_labels"
        The label lexicon (a bundled name, a file, or a
        :class:`~framing.Lexicon`); its categories become ``label_category``.
    annotations : Annotations, optional
        The sentences, quotes and voice of this corpus from :func:`framing.annotate`; computed when omitted.
    matches : pandas.DataFrame, optional
        Matches of this corpus from :func:`framing.find` that include the label lexicon's and the attribution lexicon's matches; computed when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per label word tied to an actor mention, in text order, with
        the columns of :data:`ACTOR_LABEL_COLUMNS`:

        - ``doc_id``, ``outlet``: the document.
        - ``actor`` (str): the actor name (a key of ``actors``).
        - ``label`` (str): the label as written, ``text[start:end]``.
        - ``label_category`` (str): its lexicon category (terrorism,
          extremism, militancy, separatism, legitimising, neutral for the
          bundled lexicon).
        - ``pattern`` (str): one of :data:`LABEL_PATTERNS`.
        - ``voice`` (str): narrator, quote or scare_quote.
        - ``attributed_to`` (str or None): whose label it is when not the
          outlet's own: the designating agent ("Iran", "the U.S."), the
          speaker of the quotation it stands in, or the speaker of the
          indirect speech it stands in ("..., officials said"); None for the
          outlet's own label.
        - ``start``, ``end`` (int): the label span.
        - ``negated`` (bool): a designation or copula label is in the scope
          of a negation and so is not the actor's label ("is not a terrorist
          group", "refused to call them terrorists"); filter it out before
          counting.
        - ``hypothetical`` (bool): the label is not asserted: in a question,
          a condition, a modal or future ("could be designated a terrorist
          group"), a demand or a hypothetical.
        - ``mention_start``, ``mention_end`` (int): the actor mention the
          label is tied to (for ``description``, the antecedent).

        Documents without any tied label have no rows; the columns are always
        present.

    Raises
    ------
    framing.errors.SchemaError
        If ``corpus`` lacks a required column or ``actors`` is malformed.
    framing.errors.UsageError
        If ``window`` is not a non-negative integer.
    framing.errors.InputNotFoundError
        If ``actors`` is a path that does not exist.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    window = check_count("window", window)
    actor_map = load_actors(actors)
    pattern, groups = _compile(actor_map)
    tails = _name_tails(actor_map)
    # a cheap test first: most sentences name none of the actors
    keys = sorted({max(re.split(r"[\s\-‐‑–]+", alias.strip()), key=len).lower()
                   for names in actor_map.values() for alias in names})
    label_lexicon = as_lexicon(lexicon)
    ann = checked_annotations(corpus, annotations)
    if label_lexicon.name == "attribution":
        found = lexicon_matches(corpus, [label_lexicon], matches=matches, annotations=ann)
        labels, cues = found, found
    else:
        # one pass over the corpus for the labels and the reporting verbs
        found = lexicon_matches(corpus, [label_lexicon, as_lexicon("attribution")], matches=matches, annotations=ann)
        is_label = (found["lexicon"] == label_lexicon.name).to_numpy()
        labels, cues = found[is_label], found[~is_label]
    by_doc = _rows_by_doc(labels, ("start", "end", "category", "voice", "negated", "hypothetical"))
    cues_by_doc = _rows_by_doc(cues, ("start", "end"))
    qt = ann.quotes
    speaker = qt["speaker_name"] if "speaker_name" in qt.columns else qt["speaker"]
    speaker = speaker.where(speaker.notna() & (speaker.astype(str) != ""), qt["speaker"])
    quotes_by_doc = _rows_by_doc(qt.assign(_speaker=speaker), ("start", "end", "_speaker"))
    records: list[dict[str, Any]] = []
    for doc_id, outlet, text in zip(corpus["doc_id"].tolist(), corpus["outlet"].tolist(), corpus["text"].tolist()):
        text = text if isinstance(text, str) else ""
        doc_labels = by_doc.get(doc_id)
        if not doc_labels:
            continue
        hits = _key_hits(text, keys)
        if hits == []:
            continue
        sentences = ann.sentence_spans(doc_id) or split_sentences(text)
        mentions = _mentions(text, pattern, groups, sentences, hits, {r[1] for r in doc_labels}, tails)
        for row in _document_labels(text, mentions, doc_labels, cues_by_doc.get(doc_id, []),
                                    quotes_by_doc.get(doc_id, []), sentences, window):
            row["doc_id"] = doc_id
            row["outlet"] = outlet
            records.append(row)
    out = pd.DataFrame.from_records(records, columns=list(ACTOR_LABEL_COLUMNS))
    for col in ("start", "end", "mention_start", "mention_end"):
        out[col] = out[col].astype("int64")
    out["negated"] = out["negated"].astype(bool)
    out["hypothetical"] = out["hypothetical"].astype(bool)
    return out


def _key_hits(text: str, keys: list[str]) -> list[int] | None:
    """Sorted offsets of ``keys`` in ``text`` regardless of case (None: search the whole text)."""
    low = text.lower()
    if len(low) != len(text):
        return None  # lower-casing moved the offsets
    hits = []
    for key in keys:
        i = low.find(key)
        while i != -1:
            hits.append(i)
            i = low.find(key, i + 1)
    return sorted(hits)


def _rows_by_doc(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict[Any, list[tuple]]:
    """The rows of ``frame`` as tuples of ``columns``, by document (missing values as None / False / narrator)."""
    out: dict[Any, list[tuple]] = {}
    if not len(frame):
        return out
    values = []
    for col in columns:
        if col not in frame.columns:
            values.append([False] * len(frame))
            continue
        v = frame[col].tolist()
        if col in ("start", "end"):
            v = [int(x) for x in v]
        elif col in ("negated", "hypothetical"):
            v = [bool(x) if not pd.isna(x) else False for x in v]
        elif col == "voice":
            v = [x if isinstance(x, str) else "narrator" for x in v]
        else:
            v = [x if isinstance(x, str) and x else None for x in v]
        values.append(v)
    for doc_id, *row in zip(frame["doc_id"].tolist(), *values):
        out.setdefault(doc_id, []).append(tuple(row))
    return out
