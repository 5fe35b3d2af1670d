"""Sides: whose a phrase is.

A side is a country, a people, an armed group or an international organisation. The bundled gazetteer
(``framing/data/sides.yaml``: 180 countries with their demonyms, capitals and best-known institutions, the
armed groups of recent conflicts, the UN, NATO and the EU) maps a phrase to the sides it names:
"Iranian Foreign Minister Hossein Amir-Abdollahian" -> Iran, "Pakistan's foreign ministry" -> Pakistan,
"Palestinians" -> Palestine, "Hamas gunmen" -> Hamas. A name used as a place ("killed in Gaza", "near
Islamabad", "the bombardment of Gaza", "a Gaza hospital") names a location, not a side; a place named only
as nearby ("near", "outside of", "close to") or as a destination ("taken to Gaza", "back into Gaza") is
marked ``near``, and a border ("the Gaza border") is no one's. The side something is "blamed on" is the side
that acts, not a place; a force named as an object ("kidnapping two Israeli soldiers", "the flagship of the
Russian navy") does not act. A compound of two demonyms ("an Austrian-Israeli dual national") names both. A name that modifies an attack or a force ("in a Hamas attack", "Israeli warplanes"), that follows
"an attack by", "rockets from", "militants from", "taken hostage by" or that is the subject of an attack verb ("as Israel hit Hamas targets"; not "Gaza hit by
strikes") names the side that acts; one after "an attack on" or "attacked" names the side attacked. An
armed group or an organisation is never a place. A name inside a compound ("Iran-backed", "pro-Iranian",
"non-Iranians") names someone else; listed phrases such as "African Americans" or "Washington Post"
name no side. A user's own mapping (e.g. ``{"Palestine": ["Gaza", "Hamas"]}``) comes first.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from framing._yaml import load_yaml
from framing.errors import SchemaError

__all__ = ["MIXED", "SideMention", "Sides", "bundled_sides", "load_sides"]

#: the side of a phrase that names several
MIXED = "mixed"

#: prepositions after which a name is a location ("in Gaza", "near the Iranian border" is not)
_LOCATIVE = frozenset(
    "in at near across outside inside into onto to toward towards throughout around over on off along within against "
    "between through beyond under above past via".split()
)
#: words that may stand between a locative preposition and the name ("in the occupied West Bank")
_PLACE_MODIFIERS = frozenset(
    "the a an southern northern eastern western central south north east west southeast southwest northeast "
    "northwest occupied rural remote neighbouring neighboring nearby besieged war-torn restive coastal mainland "
    "of parts part much all".split()
)
#: nouns a side's name modifies when the name is no place: "in a Hamas attack", "in the Gaza health ministry's
#: count" (the side acts or speaks), and the events that have a place as their target: "the bombardment of Gaza"
_ACTION_NOUNS = frozenset(
    "attack attacks assault assaults incursion incursions raid raids strike strikes airstrike airstrikes air "
    "bombardment bombardments bombing bombings shelling rocket rockets missile missiles drone drones offensive "
    "operation operations invasion siege blockade massacre massacres rampage ambush onslaught retaliation "
    "counteroffensive counterattack barrage fire gunfire".split()
)
_ARMED_NOUNS = frozenset(
    "gunmen gunman fighters fighter militants militant terrorists terrorist attackers forces troops soldiers "
    "military army police commandos warplanes jets tanks artillery navy guerrillas guerrilla insurgents insurgent "
    "rebels rebel jihadists jihadist paratroopers snipers sniper militias militia paramilitaries".split()
)
_MEMBER_NOUNS = _ARMED_NOUNS | frozenset(
    "commander commanders official officials government ministry authorities authority leader leaders "
    "spokesman spokeswoman".split()
)
#: the one attacked: "an attack on Israeli towns", "strikes against Russian positions", "Hamas attacked Israel"
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(_ACTION_NOUNS)) + r")\s+(?:on|against|at|of|into|inside)|"
    r"\b(?:attacked|attacking|struck|striking|bombed|bombing|hit|hitting|raided|raiding|invaded|invading|"
    r"target|targets|targeted|targeting|assailed|ambushed|shelled|shelling|pound|pounds|pounded|pounding|stormed|storming|infiltrated|overran|overrunning))"
    r"\s+(?:the\s+)?(?:(?!by\s)[a-z-]+\s+)?$")
#: "the attack by Hamas", "strikes by Israel": the side that acts
_BY_ACTOR = re.compile(r"(?:\b(?:" + "|".join(sorted(_ACTION_NOUNS)) + r")\s+(?:carried out |launched |led )?by|"
                       r"\b(?:attacks?|fire|rockets|missiles|shelling)\s+(?:fired\s+|launched\s+)?from|"
                       r"\b(?:" + "|".join(sorted(_ARMED_NOUNS)) + r")\s+from|"
                       r"\b(?:taken|held|seized) (?:captive|hostage)s?\s+by|\b(?:kidnapped|abducted|captured)\s+by)"
                       r"\s+(?:the\s+)?$", re.I)


def _by_actor(before: str) -> bool:
    """Does :data:`_BY_ACTOR` end ``before``? (Tried only where "by" or "from" stands: most text has neither.)"""
    low = before.lower()
    return ("by" in low or "from" in low) and _BY_ACTOR.search(before) is not None


#: nouns after which a side's name names neither a side nor a place it holds: "near the Gaza border"
_BOUNDARY_NOUNS = frozenset("border borders frontier boundary fence perimeter envelope".split())
_WORD_AFTER = re.compile(r"\s+([A-Za-z-]+)")
#: prepositions of a place only named as nearby: the dead "near Gaza" are not in it
_NEAR = frozenset("near outside around beyond toward towards off along past via over".split())
#: nouns a country's name modifies when it names the country's people: "a U.S. citizen"
_CITIZEN_NOUNS = frozenset("citizen citizens national nationals passport".split())
#: nouns after which a name names its side, never a place
_SIDE_HEADS = _ACTION_NOUNS | _MEMBER_NOUNS | _CITIZEN_NOUNS
#: a name followed by one of these verbs (not "hit by") is the side that attacks: "as Israel hit Hamas targets"
_ATTACK_VERBS = frozenset(
    "hit hits struck strikes pound pounds pounded pounding bombed bombs bombarded bombards shelled shells attacked "
    "raided invaded stormed launched fired targeted".split()
)
#: "prompted Hamas to attack and kill": a side the sentence has attack
_TO_ATTACK = re.compile(r"\s+(?:attack|kill|strike|hit|bomb|shell|invade|raid|storm|fire|launch|target|massacre|"
                        r"slaughter|murder)\b")
_PASSIVE_BY = re.compile(r"\s+\w+\s+by\b")
#: verbs after a name that make it a clause's subject, not one more place in a list ("In Gaza, Israel has ...")
_FINITE = frozenset("has have had is was are were will would said says launched killed struck hit".split())
#: an adjective between a name and the attack or force it modifies ("Israeli retaliatory strikes")
_ADJECTIVE = re.compile(r"[a-z-]+(?:ory|al|ive|ic|ous|ary|ist|ish|ent|ant|ly)|terror|air|ground|armed|heavy|new|"
                        r"latest|massive|surprise|rocket|drone|sea|naval|special")
#: a person of a force, not the force: "an Israeli military reservist", "a Russian army spokesman"
_MEMBER_AFTER = re.compile(r"\s+(?:reservists?|spokes(?:man|woman|person)|officials?|officers?|sources?|"
                           r"statement|chief|commanders?|doctors?|medics?|analysts?|historians?|veterans?)\b")
_COMPOUND = re.compile(r"(?<![\w-])([A-Z][a-z]+)-([A-Z][a-z]+)(?![\w-])")
_COORDINATION = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?")
#: "the strike, which they blamed on Russia": the side blamed is the one that acts, not a place
_BLAMED_ON = re.compile(r"\bblam(?:e|es|ed|ing)\s+(?:(?:it|them|this|that|the\s+[\w-]+)\s+)?on\s+(?:the\s+)?$", re.I)
#: a force named as the object of a verb or of "of" ("kidnapping two Israeli soldiers", "the flagship of the
#: Russian navy") is not the one that acts
_FORCE_AS_OBJECT = re.compile(r"\b(?:of|[a-z]+ing|[a-z]+ed)\s+(?:(?:the|a|an|its|their|some|several|dozens of|"
                              r"hundreds of|[\d,]+|two|three|four|five|six|seven|eight|nine|ten)\s+)?$")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\W*$")


@dataclass(frozen=True)
class SideMention:
    """One mention of a side in a text: ``side``, how it is named (``"name"`` or ``"people"``), its offsets,
    whether it is used as a place (``near`` when only as a place nearby: "near Gaza"), whether it is
    named as the side that attacks ("Hamas gunmen", "an Israeli airstrike", "the assault by Hamas") and
    whether as the one attacked (``target``: "an attack on Israeli towns", "Hamas attacked Israel"), and
    whether the name is an armed group's or an organisation's (``group``)."""

    side: str
    how: str
    start: int
    end: int
    place: bool
    acting: bool = False
    near: bool = False
    target: bool = False
    group: bool = False


class Sides:
    """A compiled gazetteer: finds the sides a text names.

    Build one with :func:`load_sides`.
    """

    def __init__(self, aliases: Mapping[str, tuple[str, str]], blocked: Iterable[str], kinds: Mapping[str, str]):
        self.aliases = dict(aliases)  # alias -> (side, "name" | "people")
        self.kinds = dict(kinds)
        self._blocked = frozenset(blocked)
        # an armed group or an organisation is never a place, whoever's side it is counted on
        self._groups = _group_names() | {a for a, (side, _) in self.aliases.items()
                                         if self.kinds.get(side) in _GROUP_KINDS}
        terms = set(self.aliases) | self._blocked
        body = _trie_pattern(terms)
        self._pattern = re.compile(rf"(?<![\w-])({body})(?:['’]s)?(?![\w-])") if terms else None

    @property
    def sides(self) -> list[str]:
        """Every side the gazetteer knows."""
        return sorted(set(s for s, _ in self.aliases.values()))

    @cached_property
    def _by_lower_name(self) -> dict[str, str]:
        return {side.lower(): side for side, _ in self.aliases.values()}

    def named(self, name: str) -> str | None:
        """The side whose own name ``name`` is, in any case ("Islamic state" -> "Islamic State"), else None."""
        return self._by_lower_name.get(name.lower())

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[SideMention]:
        """The side mentions in ``text[start:end]`` (offsets index ``text``), blocked phrases left out.

        Parameters
        ----------
        text : str
            Any text.
        start, end : int, optional
            The span to search.

        Returns
        -------
        list of SideMention
        """
        if self._pattern is None or not text:
            return []
        end = len(text) if end is None else end
        out: list[SideMention] = []
        for m in self._pattern.finditer(text, start, end):
            alias = m.group(1)
            if alias in self._blocked:
                continue
            side, how = self.aliases[alias]
            possessive = m.end() > m.end(1)  # "Israel's strikes" names a side, never a place
            after = _WORD_AFTER.match(text, m.end(), end)
            head = after.group(1).lower() if after else ""
            if after and head not in _SIDE_HEADS and _ADJECTIVE.fullmatch(after.group(1)):
                # one adjective before the noun: "Israeli retaliatory strikes", "Palestinian armed groups"
                then = _WORD_AFTER.match(text, after.end(), end)
                if then and then.group(1).lower() in _ACTION_NOUNS | _ARMED_NOUNS:
                    head = then.group(1).lower()
            if how == "name" and not possessive and head in _BOUNDARY_NOUNS:
                continue  # "near the Gaza border": a line between two sides, neither side's
            kind = ""
            before = text[max(start, m.start() - 40):m.start()]
            blamed = bool(_BLAMED_ON.search(before))
            if how == "name" and not possessive and head not in _SIDE_HEADS and alias not in self._groups \
                    and not blamed:
                kind = _is_place(text, m.start(), start)
                if not kind and out and out[-1].place and _COORDINATION.fullmatch(text[out[-1].end:m.start()]) \
                        and not (head in _FINITE and "," in text[out[-1].end:m.start()]):
                    # a list of places goes on being places: "across Afghanistan, Iran, and Pakistan"
                    kind = "near" if out[-1].near else "in"
            place = bool(kind)
            # "a barrage of Israeli airstrikes": a name modifying an attack is the attacker's, whatever precedes
            target = bool(_TARGET_BEFORE.search(before)) and not blamed and head not in _ACTION_NOUNS
            attacks = (head in _ATTACK_VERBS and not _PASSIVE_BY.match(text, m.end(), end)) or \
                (head == "to" and bool(_TO_ATTACK.match(text, after.end(), end)))  # "prompted Hamas to attack"
            armed = head in _ARMED_NOUNS and not _FORCE_AS_OBJECT.search(before) \
                and not _MEMBER_AFTER.match(text, after.end(), end)  # "an Israeli military reservist"
            acting = not place and not target and (head in _ACTION_NOUNS or armed or attacks or blamed
                                                   or _by_actor(before))
            out.append(SideMention(side, how, m.start(), m.end(), place, acting, kind == "near", target,
                                   alias in self._groups))
        if "-" in text[start:end]:
            out = self._with_compounds(text, start, end, out)
        return out

    def _with_compounds(self, text: str, start: int, end: int, out: list[SideMention]) -> list[SideMention]:
        """Add the two peoples of a compound demonym ("an Austrian-Israeli dual national", "a
        Palestinian-American activist"): each part names its side. "Iran-backed" or "pro-Iranian" are no
        compounds of two peoples."""
        added = []
        for c in _COMPOUND.finditer(text, start, end):
            parts = [(c.group(i), c.start(i), c.end(i)) for i in (1, 2)]
            found = [(self.aliases.get(w), a, b) for w, a, b in parts]
            if all(hit is not None and hit[1] == "people" for hit, _, _ in found):
                added += [SideMention(hit[0], "people", a, b, False) for hit, a, b in found]
        return sorted(out + added, key=lambda m: m.start) if added else out

    def find(self, phrase: str) -> list[tuple[str, int, int]]:
        """Every side named in ``phrase`` (places included): ``(side, start, end)`` in text order."""
        return [(m.side, m.start, m.end) for m in self.mentions(phrase)]

    def is_place(self, phrase: str) -> str | None:
        """The side when ``phrase`` is nothing but a side's name (a determiner and a possessive allowed)."""
        core = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
        core = re.sub(r"(?:['’]s|['’])$", "", core).strip()
        hit = self.aliases.get(core)
        return hit[0] if hit else None

    def with_extra(self, *extra: Mapping[str, Any]) -> Sides:
        """A gazetteer in which the mappings ``extra`` (side -> names), in order, come before this one."""
        extra = tuple(e for e in extra if e)
        if not extra:
            return self
        aliases, kinds = dict(self.aliases), dict(self.kinds)
        for mapping in reversed(extra):
            for side, entry in mapping.items():
                kinds.setdefault(str(side), "user")
                for alias, how in [(str(side), "name"), *_entry_aliases(str(side), entry, "sides")]:
                    aliases[alias] = (str(side), how)
        return Sides(aliases, [b for b in self._blocked if b not in aliases], kinds)

    def side_of(self, text: str | None, start: int = 0, end: int | None = None) -> str | None:
        """The one side ``text[start:end]`` names (not as a place), :data:`MIXED` for several, else None.

        Parameters
        ----------
        text : str or None
            A phrase ("an Iranian air strike", "Palestinians and Israelis").
        start, end : int, optional
            The span to read.

        Returns
        -------
        str or None
        """
        if not isinstance(text, str):
            return None
        found = {m.side for m in self.mentions(text, start, end) if not m.place}
        if not found:
            return None
        return found.pop() if len(found) == 1 else MIXED


def _trie_pattern(terms: Iterable[str]) -> str:
    """One regular expression matching any of ``terms``, as a character trie: a thousand names are tried
    character by character instead of one after another. Longer terms are tried first at each branch, and
    the boundary checks after the group make the engine back off to a shorter term when a longer one fails."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{inner})?" if ends else inner

    return build(trie)


def _is_place(text: str, at: int, floor: int) -> str:
    """Is the name at ``at`` a place: ``"in"`` for the object of a locative preposition ("in southern
    Israel", "the bombardment of Gaza") or a name that locates a thing ("a Gaza hospital"), ``"near"`` for
    a place only named as nearby ("near Gaza", "outside of Gaza", "close to Gaza"), else ``""``."""
    pos = at
    after_of = False
    for _ in range(4):
        m = _WORD_BEFORE.search(text, max(floor, pos - 40), pos)
        if not m:
            return ""
        word = m.group(1).lower().strip(".")
        if after_of and word in _ACTION_NOUNS:
            return "in"  # the target of an attack: "the bombardment of Gaza"
        if word in ("a", "an"):
            return "in"  # a name after an indefinite article locates the noun it modifies: "a Gaza hospital"
        if word in _LOCATIVE:
            before = text[max(floor, m.start(1) - 12):m.start(1)]
            # "according to X" and "told X" introduce a source, not a place
            if word == "to" and re.search(r"according\s+$", before):
                return ""
            # "close to", "next to"; and a destination ("taken to Gaza", "flying to Israel") is not where
            # anything happened
            if word in _NEAR or word == "to" or (after_of and word == "outside") or \
                    (word == "into" and re.search(r"\bback\s+$", before)):
                return "near"
            return "in"
        after_of = word == "of"
        if word in _PLACE_MODIFIERS or word.endswith(("-occupied", "-controlled", "-held", "-run")):
            pos = m.start(1)
            continue
        return ""
    return ""


@lru_cache(maxsize=1)
def _bundled() -> tuple[dict[str, Any], tuple[str, ...]]:
    resource = importlib.resources.files("framing.data") / "sides.yaml"
    doc = load_yaml(resource.read_bytes(), "framing/data/sides.yaml", SchemaError)
    return doc["sides"], tuple(doc.get("not_sides", ()))


_GROUP_KINDS = frozenset({"armed_group", "organisation"})


@lru_cache(maxsize=1)
def _group_names() -> frozenset[str]:
    """The bundled names of armed groups and organisations."""
    table, _ = _bundled()
    return frozenset(alias for side, entry in table.items() if entry.get("kind") in _GROUP_KINDS
                     for alias, _ in _entry_aliases(side, entry, "framing/data/sides.yaml"))


def _entry_aliases(side: str, entry: Any, source: str) -> list[tuple[str, str]]:
    if isinstance(entry, str):
        entry = [entry]
    if isinstance(entry, Mapping):
        names, people = entry.get("names", []), entry.get("people", [])
    elif isinstance(entry, Iterable):
        names, people = list(entry), []
    else:
        raise SchemaError(f"{source}: side {side!r} must map to a list of names or to names:/people: lists, "
                          f"got {type(entry).__name__}")
    out = []
    for how, values in (("name", names), ("people", people)):
        for v in values:
            if not isinstance(v, str) or not v.strip():
                raise SchemaError(f"{source}: side {side!r} has a name that is not text: {v!r}")
            out.append((v.strip(), how))
    return out


@lru_cache(maxsize=1)
def bundled_sides() -> Sides:
    """The bundled gazetteer (``framing/data/sides.yaml``), compiled once."""
    return _build(None, bundled=True)


def load_sides(sides: Mapping[str, Any] | None = None, *, bundled: bool = True) -> Sides:
    """The gazetteer of sides: the bundled one, with the user's mapping first.

    Parameters
    ----------
    sides : mapping, optional
        ``{side: [name, ...]}`` or ``{side: {"names": [...], "people": [...]}}``.
        A name given here belongs to that side only, whatever the bundled
        gazetteer says (``{"Palestine": ["Hamas"]}`` counts Hamas as
        Palestinian); the side's own name is always one of its names.
    bundled : bool, default True
        Start from the bundled gazetteer (``framing/data/sides.yaml``).

    Returns
    -------
    Sides

    Examples
    --------
    >>> g = load_sides()
    >>> g.side_of("Iranian Foreign Minister Hossein Amir-Abdollahian")
    'Iran'
    >>> g.side_of("Pakistan's foreign ministry"), g.side_of("a village in Pakistan")
    ('Pakistan', None)
    """
    return bundled_sides() if sides is None and bundled else _build(sides, bundled=bundled)


def _build(sides: Mapping[str, Any] | None, *, bundled: bool) -> Sides:
    aliases: dict[str, tuple[str, str]] = {}
    kinds: dict[str, str] = {}
    blocked: tuple[str, ...] = ()
    if bundled:
        table, blocked = _bundled()
        for side, entry in table.items():
            kinds[side] = entry.get("kind", "country")
            for alias, how in _entry_aliases(side, entry, "framing/data/sides.yaml"):
                aliases[alias] = (side, how)
    if sides is not None:
        if not isinstance(sides, Mapping):
            raise SchemaError(f"sides must be a mapping of side -> names, got {type(sides).__name__}")
        for side, entry in sides.items():
            kinds.setdefault(str(side), "user")
            for alias, how in [(str(side), "name"), *_entry_aliases(str(side), entry, "sides")]:
                aliases[alias] = (str(side), how)
    return Sides(aliases, [b for b in blocked if b not in aliases], kinds)
