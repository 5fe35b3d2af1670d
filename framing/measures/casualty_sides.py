"""Whose deaths: the side of a casualty statement's victims and of whoever killed or hurt them.

Rules, first that applies, each recorded in ``victim_side_from`` so every side can be checked in the text.
Phrases are read in their sentence: "Hamas's incursion into Israel that killed ..." gives an agent "Israel"
that is a place there (see :mod:`framing.measures.sides` for places, attackers and the attacked).

1. ``victims``: the victims phrase names a side ("at least 24,285 Palestinians", "11 Iranian police officers",
   "an Austrian-Israeli dual national"), with a side coordinated just before it ("hundreds of Israelis and
   Palestinians were killed"), or an apposition after it does ("Luke Somers, an American journalist", "X,
   described by the army as a Taliban commander"; not a speaker: "30 people, a spokesman for Ukraine's
   emergency service, told reporters"), or a description before a name ("an Australian citizen named X"),
   or the phrase goes on with where they come from or the group they belong to ("tourists from Japan", "a
   chief of intelligence for Hamas"), or the sentence says what they were ("those killed were likely many
   Gazans", "some were dead Palestinian fighters", "he belonged to ISIS"), or enumerates them ("the 14
   travelers killed included six Saudis, two Iraqis and citizens from China ..."; peoples only, not a
   place the list mentions); a pronoun victim stands for a person of a side named before it in the sentence
   ("the Hamas commander's head captured the moment he was shot"). Several sides are ``mixed``, and more
   victims "along with" another side ("four Israelis were killed, along with the gunmen holding them") make
   any side ``mixed``; the sides a ``mixed`` is made of, where known, are in
   ``table.attrs["victim_side_parts"]`` (row index -> sorted tuple). A name used as a place ("people in
   Texas") is no side.
2. ``previous``: the victims are a pronoun or an anaphor ("they", "the dead", "the victims", "three others",
   "over 6,600 others"; not "many others", who are other people): the side of the nearest earlier statement
   of the article, within two sentences. A bare number ("and injured more than 1,300") counts the victims of
   the statement before it in its sentence, else the people named just before it ("Hamas fighters were
   trying to enter Israel, ..., adding that ... five were killed"), unless those are the agent, a target or
   a speaker; the latter is weaker than a reporter's word.
3. ``reporter``: the sentence reports the deaths on a side's word ("Pakistan said", "the Palestinian health
   ministry said", "according to Israeli officials", "the health ministry, which is run by Hamas, said", "the
   Houthi-run health ministry said", "a spokesman for Ukraine's emergency service, Oleksandr Khorunzhyi, told
   reporters", "according to Ashraf al-Qudra, a spokesman for Gaza's Health Ministry"; "according to" speaks
   for the whole sentence and comes first; "the government of Thailand said"; "Syrian officials blamed the
   strike on Turkey and said"; the reporter right before the statement first; none across a semicolon, a
   question or a glued sentence, and none after the statement whose verb goes on to report a later
   statement: "the war has killed 300; Sudanese officials say drone strikes have killed 40"): that side's
   dead, unless the agent is the reporter's own ("its strikes killed 50 militants", or
   "the army said it killed ...", which make the reporter the agent's side instead). An organisation's word
   ("the Red Crescent said 60 people were killed") gives no side unless the dead are its own ("two of its
   staff"); hostages and captives are not their captors' own (with ``opposing``, a side reporting the deaths
   of captives it holds reports the other side's dead). A side's word about a named person or one "he"
   ("Graham said ... Khashoggi's death") says nothing of whose he was. With ``opposing`` given, a third
   party's word comes last, after rules 4-6, and the side the agent's attack was on ("the barrage of
   airstrikes on Gaza that has killed 2,808 people, an Israeli official said") comes before it.
4. ``opposing``: with two opposing sides given (``opposing=("Israel", "Palestine")``), victims without a side
   killed by one side's agent are counted as the other's. This is an inference, not the text: off by default.
   With ``opposing`` given, "killed on both sides" is ``mixed`` (``sentence``).
   An agent "they", "it" or "the gunmen" is the attacker or armed group named before it in the sentence
   ("Hamas terrorists had hours to infiltrate the towns, where they killed ...").
5. ``place``: with ``opposing`` given, victims without a side who died in a place of one of the two sides
   ("killed in Gaza", "an attack on Israeli towns that killed ...", "a blast at a Gaza hospital"), named in
   the statement and the rest of its clause ("killed 1,400 people in a rampage in southern Israel, and
   ...") or else in its sentence; places of both sides in one phrase ("died in Israel and Gaza") are
   ``mixed``; a place named only as nearby ("near Gaza", "outside of Gaza") or a border is neither side's.
   Without ``opposing`` a place is never a side ("a gunman killed five people in Texas" has none): the
   rule holds only for places of the two sides a researcher declared at war, a place's tie to the conflict.
   Hostages and captives are not the side of the place they are held in ("five hostages held in Gaza" are
   the other side's), nor inferred from the agent (they may die by their own side's strikes).
6. ``sentence``: with ``opposing`` given, the side the sentence names as attacked ("Hamas attacked Israel,
   killing civilians") or the other side of the one it names as attacking ("the brutality of the Hamas
   attack: civilians shot dead", "prompted Hamas to attack and kill"; not a side named as the speaker, "the
   Israeli military said"), when these agree; after a place in the sentence, the one of the two sides
   whose people the sentence names ("Israelis are stunned by the attack, which saw civilians killed"), when
   it is not the agent's side. Rules 5 and 6 read the sentence only on the statement's side of a
   semicolon, a question or a glued sentence ("... the attack.The next day, the air force said"). Dead
   attackers ("terrorists killed since the attack") are the attacking side, not the attacked. The agent
   of "both sides have executed captives" is ``mixed``, and so are its victims.

``agent_side`` is the side the agent or cause phrase names ("an Iranian air strike" -> Iran, "Hamas gunmen" ->
Hamas, "hundreds of Palestinian gunmen", "killed in clashes with Israeli commandos"; not a side it names as
attacked or as the sentence's speaker: "Hamas said the house was hit, killing his brother" has no agent
side), or the reporter's side for "its" / "their" forces; a pronoun right after a reporting verb is the one
who reports ("Israel says it has killed"; none when that one has no side: "the air force said it had
killed"); "their terrorist leader" is the side named before it, and a later "he" in the sentence the same
agent; the subject of a relative clause is the noun before it ("forces of Syrian President Bashar Assad, who
the U.S. says has killed ...").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from framing.errors import UsageError
from framing.measures.sides import MIXED, SideMention, Sides, bundled_sides, load_sides
from framing.text import Annotations

__all__ = ["casualty_sides"]

#: victims phrases that point back to victims named earlier
_ANAPHOR = re.compile(
    # "three others" are three more of the same; "many others" / "several others" are other people
    r"^(?!(?:many|several|some|countless|numerous|scores of|dozens of|hundreds of) others$)"
    r"(?:(?:(?:at least|more than|over|nearly|about|almost|another) [\d,]+ |at least |some |all |many |most |"
    r"both |several |the other |\w+ )?(?:of )?"
    r"(?:they|them|he|him|she|her|his|those|these|others|the dead|the victims|the bodies|the wounded|"
    r"the injured|the slain|the deceased|victims|bodies|the (?:two|three|four|five|six|seven|eight|nine|ten)))$",
    re.I,
)
_REPORTING = (r"(?:(?:has|have|had|also|earlier|previously|later|initially|first|now|was|were|is|are)\s+)*"
              r"(?:said|says|say|saying|reported|reports|reporting|announced|stated|stating|confirmed|claimed|"
              r"wrote|writes|posted|posts|tweeted|"
              r"added|adding|told|put|puts|gave|released|published|cited|citing|noted|noting|"
              r"contradicted|estimated|counted|recorded|tallied)")
#: institution words between a side and its reporting verb ("the Palestinian health ministry said")
_INSTITUTION_WORDS = (r"(?:state|official|government|military|army|armed|defen[cs]e|health|interior|foreign|"
                      r"security|police|media|news|civil|emergency|disaster|authorities|authority|officials?|"
                      r"ministry|ministries|minister|spokes(?:man|woman|person)|forces|force|agency|services?|"
                      r"sources?|intelligence|office|bureau|wing|"
                      r"reports?|statement|council|press|TV|television|broadcaster|radio|[A-Z][\w-]+)")
_INSTITUTION = re.compile(
    r"^(?:['’]s)?(?:\s+" + _INSTITUTION_WORDS + r")*"
    # a relative clause ("the ministry, which is run by Hamas, said") or a name ("the ministry, Ashraf al-Qudra,
    # told")
    r"(?:\s*,\s*(?:which|who)\s[^,;.]{1,120},|\s*,\s*(?:(?:[A-Z]|al-|el-|bin\s|de\s)[\w.'’-]*\s?){1,4},)?"
    r"\s*,?\s+" + _REPORTING + r"\b"
)
#: inside a relative clause: "the ministry, which is run by Hamas, said" (Hamas is not the one who says)
_IN_RELATIVE = re.compile(r",\s*(?:which|who)\s[^,;.]*$")
#: an institution named after the side that runs it: "the Hamas-run Interior Ministry said"
_RUN_BY = re.compile(r"(?<![\w-])([A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?)-(?:run|controlled|led)\b")
#: a noun phrase going on with where its people come from: "four people from France", "terrorists from Gaza"
_FROM = re.compile(r"\s+from\s+(?:the\s+)?")
#: the rest of a clause after a statement, up to punctuation, a conjunction or a relative word
_CLAUSE_REST = re.compile(r"(?:(?!\s(?:and|but|or|while|as|which|who|that|where|when|after|before|saw|left)\b)"
                          r"[^,;:.()\u2014\u2013]){0,60}")
#: the dead of both sides: "killed on both sides of the conflict"
_BOTH_SIDES = re.compile(r"\b(?:on|from)\s+both\s+sides\b|\bon\s+either\s+side\b", re.I)
#: an agent named by a pronoun or as "the group", "the gunmen"
#: an agent named by a possessive: "their terrorist leader", "its forces"
_AGENT_POSSESSIVE = re.compile(r"^(?:its|their)\s+(?:[\w-]+\s+)?(?:leader|commander|chief|forces|troops|army|"
                               r"military|fighters|militants|gunmen|soldiers|militia|men|agents)$", re.I)
_AGENT_ANAPHOR = re.compile(r"^(?:it|they|the (?:group|militants|gunmen|terrorists|attackers|assailants|fighters|"
                            r"militia|organi[sz]ation))$", re.I)
#: an agent that is a pronoun: in "the army said it killed ...", the reporter is the agent
_PRONOUN_AGENT = re.compile(r"^\s*(?:it|they|we)\s*$", re.I)
_ACCORDING = re.compile(r"(?:(?:according to|figures from|data from|a tally by|a count by)"
                        # "according to Ashraf al-Qudra, a spokesman for Gaza's Health Ministry"
                        r"|according to (?:(?:[A-Z]|al-|el-|bin\s|de\s)[\w.’'-]*\s?){1,4},\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,2}?"
                        r"(?:spokes(?:man|woman|person)|official|director|head|minister|officer|chief)\s+(?:for|of|at|with)"
                        r"|according to (?:an? |the )?(?:[\w’'-]+ ){0,2}(?:statement|figures|data|count|tally|report)"
                        r" (?:from|by|of))\s+(?:the\s+)?(?:[\w’'-]+-(?:run|controlled|led|held)\s+)?$", re.I)
#: an apposition that describes the victims: ", an American journalist"
_APPOSITION = re.compile(r"\s*,\s+((?:(?:who\s+(?:[\w']+\s+){0,3}?)?(?:described|identified|known)\s+(?:by\s+[^,;:.()]{1,30}?\s+)?as\s+)?"
                         r"(?:a|an|the|two|three|four|five|both)\s+[^,;:.()]{1,60}?)(?=[,;:.()]|$)")
#: victims who are the attackers
_ATTACKERS = re.compile(r"\b(?:attackers|assailants|terrorists|gunmen|militants|infiltrators|raiders|"
                        r"attacker|assailant|terrorist|gunman|militant|infiltrator)\b", re.I)
#: victims held by someone: "22 hostages", "four Israeli captives"
_CAPTIVES = re.compile(r"\b(?:hostages?|captives?|abductees?|kidnapped|abducted)\b", re.I)
#: the victims are the reporter's own: "two of its nationals", "their citizens"
_OWN_VICTIMS = re.compile(r"\b(?:its|their)\b", re.I)
#: "the Gaza Health Ministry's assertion that ...": a side's word given as a noun
_WORD_NOUN = re.compile(r"^(?:\s+[A-Z][\w-]*)*\s+(?:[Hh]ealth |[Ii]nterior |[Dd]efen[cs]e )?(?:[Mm]inistry|[Aa]uthorit(?:y|ies)|"
                        r"[Mm]ilitary|[Aa]rmy|[Oo]fficials|[Gg]overnment)['’]s\s+(?:assertion|statement|figures?|count|"
                        r"tally|toll|data|claim|estimate|report)\b")
_OWN_FORCES = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?(?:strikes?|air ?strikes?|forces|troops|soldiers|"
                         r"military|army|attacks?|fighters|police|missiles?|shelling|bombardment|raids?|"
                         r"operations?|aircraft|warplanes?|jets?|drones?|planes?|artillery|tanks?|navy|air force)\b",
                         re.I)


_PRONOUN_REPORTER = re.compile(r"^\W*(?:It|They)\s+" + _REPORTING + r"\b")
#: a side whose reporting verb follows a clause of its own: "Syrian officials blamed the strike on Turkey and
#: said it killed 30 people"
_AND_SAID = re.compile(r"^(?:['’]s)?(?:\s+" + _INSTITUTION_WORDS + r")*\s+[a-z]+ed\b[^,;.]{0,60}?\band\s+"
                       + _REPORTING + r"\b")
#: "the government of Thailand said": an institution of a side, the side after "of"
_OF_INSTITUTION = re.compile(r"\b(?:government|ministry|army|military|embassy|authorities|officials?|president|"
                             r"(?:prime )?minister|spokes(?:man|woman|person)|forces|police)\s+of\s+(?:the\s+)?$",
                             re.I)
#: a reporter whose verb goes on to a later statement: "Palestinian officials say Israeli strikes have killed"
_INTRODUCES = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,4}?\s+" + _REPORTING + r"\s+(?:that\s+)?[^,;]*$")
_REPORTS_NEXT = re.compile(r"^\s*,?\s+" + _REPORTING + r"\b")
#: what ends a sentence or a clause a reporter cannot speak across: "; ", "?", a glued "killed.Israel"
_SEPARATOR = re.compile(r"[;?!]|[a-z0-9)][.](?=[A-Z\"“])")
#: a victims phrase that is a person's name ("Khashoggi's"): a third party's word about it is not a count of
#: its own dead
_NAMED = re.compile(r"^(?!(?:The|A|An|All|Some|Many|Most|Several|Dozens|Hundreds|Thousands|Scores|Two|Three|"
                    r"Four|Five|Six|Seven|Eight|Nine|Ten|Both|Each|Others|Those|These|They|He|She|It|We|His|"
                    r"Her|Their)\b)(?:[A-Z][\w'’.-]*\s?){1,4}(?:['’]s?)?$")
#: more victims after the statement: "four Israelis were killed in a strike, along with the gunmen holding them"
_ALONG_WITH = re.compile(r"[^.;:!?]{0,80}?\balong\s+with\s+(?:the\s+|some\s+|several\s+|[\d,]+\s+|two\s+|"
                         r"three\s+|four\s+|five\s+)?")
#: the victims enumerated after the statement: "the 14 travelers killed included six Saudis, two Iraqis ..."
_ENUMERATION = re.compile(r"\s*,?\s*(?:also\s+)?(?:including|included|include|includes|among them|"
                          r"among the (?:dead|victims|killed) (?:were|are))\s+")
_CITIZENS_OF = re.compile(r"\b(?:citizens?|nationals?|people|residents?|workers?|natives?)\s+(?:from|of)\s+"
                          r"(?:the\s+)?$")
_COORDINATION_ONLY = re.compile(r"\s*(?:,|,?\s*and)\s*")
_BARE_NUMBER = re.compile(r"^(?:(?:at least|more than|over|nearly|about|another|some)\s+)?(?:[\d,]+|two|three|four|"
                          r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)(?:\s+more)?$", re.I)
_RELATIVE_SUBJECT = re.compile(r"(?:,\s*|\s)(?:who|which)\s+(?:[^,;]{0,40}?\s(?:says?|said|claims?|claimed)\s+)?"
                               r"(?:(?:has|have|had|also|reportedly|allegedly)\s+)*$")
#: a pronoun victim said to belong to a group: "before he was killed that he belonged to ISIS"
_BELONGED = re.compile(r"[^.;]{0,60}?\b(?:he|she|they)\s+(?:belonged|belongs|belong)\s+to\s+(?:the\s+)?")
_QUANTITY = re.compile(r"^(?:hundreds|thousands|dozens|scores|some|many|several|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|[\d,]+)$", re.I)
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
#: two sentences glued without a space ("... the attack.The next day"): a lower-case letter or digit, a stop
#: and a capital
_GLUED = re.compile(r"[a-z0-9][.?!](?=[A-Z])")
_SPACES = re.compile(r"\s+")
_BE = re.compile(r"\s+(?:was|were|are|is|have been|has been)\s+")
_ONE_PERSON_PRONOUN = re.compile(r"(?:he|him|his|she|her)", re.I)
#: "on both sides of the border" names a line, not the two sides of a war
_SIDES_OF_A_LINE = re.compile(r"\bsides? of the (?:border|fence|frontier|line)\b")
#: the victims go on with the group they belong to: "a chief of intelligence for Hamas", "a member of ..."
_MEMBER_OF = re.compile(r"(?:\s+of\s+[a-z]+)?\s+(?:for|of|with|in)\s+(?:the\s+)?")
#: the victims said to be of a side: "those killed by the explosion were likely many Gazans"
_COPULA = re.compile(r"\s+(?:were|was|are|is)\s+(?:(?:likely|mostly|mainly|all|largely|probably|reportedly|"
                     r"many|most|some|both|also|overwhelmingly)\s+){0,3}")
_CLAUSE_END = re.compile(r"[;:!?]|\.(?:\s|$|(?=[A-Z]))")
#: a side coordinated just before the victims: "hundreds of Israelis and Palestinians"
_COORDINATED_BEFORE = re.compile(r"\s*(?:,|,?\s*(?:and|or|as well as))\s*")
#: the agent is every side: "both sides have executed captives"
_ALL_SIDES = re.compile(r"^(?:both|all|the two|each)\s+(?:warring\s+|opposing\s+)?(?:sides|parties)$", re.I)
#: the cause goes on with whom: "killed in clashes with Israeli commandos", "in an attack by ..."
_CAUSE_WITH = re.compile(r"(?:(?<=clashes)|(?<=clash)|(?<=fighting)|(?<=battles)|(?<=battle)|(?<=gunfight)|"
                         r"(?<=firefight)|(?<=confrontations)|(?<=confrontation)|(?<=skirmishes))\s+with\s+"
                         r"(?:the\s+)?|\s+(?:by|from)\s+(?:the\s+)?")
#: a pronoun agent right after a reporting verb ("the air force said it had killed"): the reporter
_SAID_PRONOUN = re.compile(r"\s+" + _REPORTING + r"\s+(?:that\s+)?$")
_CLAUSE_START = re.compile(r".*(?:^|[,;:(\u2014]\s*|\b(?:that|which|who|and|but|when|as|while)\s+)", re.S)
#: a pronoun victim and the person nouns it may stand for in its sentence ("the Hamas commander's head
#: captured the moment he was shot")
_PRONOUN_VICTIM = re.compile(r"^(?:(?P<one>he|she|him|her|his)|(?P<many>they|them|their))$", re.I)
_PERSON_ONE = re.compile(r"(?:['’]s)?(?:\s+[a-z-]+)?\s+(?:commander|leader|chief|soldier|officer|fighter|militant|"
                         r"gunman|citizen|national|journalist|man|woman|boy|girl|member|resident|hostage|activist|"
                         r"photographer|doctor|nurse|worker|teenager|student|civilian|reservist|pilot|"
                         r"colonel|general|captain|sergeant)(?:['’]s)?\b")
_PERSON_NOUN = re.compile(r"\b(?:commander|leader|chief|head|member|official|spokes(?:man|woman|person)|"
                          r"operative|fighter|militant|officer|members|commanders|leaders|officials|fighters|"
                          r"militants|operatives)\b", re.I)
#: "a member of the Hamas political bureau", "the deputy head of Hamas's artillery"
_MEMBER_BEFORE = re.compile(r"\b(?:member|members|commander|leader|head|chief|official|operative|fighter|"
                            r"spokes(?:man|woman|person)|founder)\s+(?:of|in|for|with)\s+(?:the\s+)?$")
#: the victim named after a description: "a Spanish-Israeli national named Maya Villalobo Sinvany"
#: a phrase that goes on to say something: it is a speaker, no apposition to the victims
_SPEAKS_NEXT = re.compile(r"(?:\s*,\s*(?:(?:[A-Z]|al-|el-)[\w.'’-]*\s?){1,4},)?\s*,?\s+" + _REPORTING + r"\b")
_NAMED_AFTER = re.compile(r"\s(?:named|called)\s+$")
_PERSON_MANY = re.compile(r"(?:\s+[a-z-]+)?\s+(?:commanders|leaders|soldiers|officers|fighters|militants|gunmen|"
                          r"citizens|nationals|journalists|men|women|boys|girls|members|residents|hostages|"
                          r"activists|doctors|workers|civilians|children|families|reservists|troops)\b")


def _speaker_only(after: str) -> bool:
    """Does the text after a side's name make it the speaker of someone else's deed ("Hamas said the home was
    hit, killing his brother"), not of its own ("the army said it had targeted fighters, killing some")?"""
    said = _INSTITUTION.match(after)
    return bool(said) and not re.match(r"\s*(?:that\s+)?(?:it|they|we)\b", after[said.end():], re.I)


def _reporter_side(text: str, sent: tuple[int, int], statement: tuple[int, int],
                   mentions: list[SideMention], gazetteer: Sides | None = None,
                   victims: tuple[int, int] | None = None, others: Sequence[int] = ()) -> tuple[str, int] | None:
    """The side on whose word the sentence reports, and where it is named: after "according to" (which
    speaks for the whole sentence), else a side name or demonym (with institution words, and perhaps a
    relative clause: "the Gaza Health Ministry, which is run by Hamas, said") followed by a reporting verb,
    or an institution run by a side ("the Hamas-run Interior Ministry wrote", read with ``gazetteer``); the
    one nearest the statement when there are several, one right before it ("Pakistan said two children were
    killed") first. ``mentions`` are the side mentions of the sentence; a side inside the ``victims`` span
    is not their reporter; nor is one across a ``;`` or a question mark, or one after the statement that
    goes on to report a later statement of the sentence (``others``: their starts): "the war has killed 300
    people; Sudanese officials say drone strikes have killed 40"."""
    candidates = [(m.side, m.start, m.end) for m in mentions
                  if not m.place and not (text[m.end:m.end + 2].lstrip().startswith(",")
                                          and _IN_RELATIVE.search(text[max(sent[0], m.start - 120):m.start]))]
    if gazetteer is not None:
        for run in _RUN_BY.finditer(text, sent[0], sent[1]):
            side = gazetteer.side_of(run.group(1))
            named = any(run.end() < m.start <= run.end() + 2 for m in mentions)  # "the Hamas-run Gaza ministry"
            if side is not None and side != MIXED and not named:
                candidates.append((side, run.start(), run.end()))
    best: tuple[int, int, int, str, int] | None = None
    inside = victims if victims is not None else statement
    for side, start, end in candidates:
        if inside[0] <= start < inside[1]:
            continue
        after = text[end:min(sent[1], end + 200)]
        before = text[max(sent[0], start - 100):start]
        before = re.sub(r"(?:\b(?:the|a|an)\s+)$", "", before, flags=re.I)
        according = bool(_ACCORDING.search(before))
        if according or _INSTITUTION.match(after) or _WORD_NOUN.match(after) or _AND_SAID.match(after) or \
                (_OF_INSTITUTION.search(before) and _REPORTS_NEXT.match(after)):
            first = end <= statement[0]
            between = text[end:statement[0]] if first else text[statement[1]:start]
            if _SEPARATOR.search(between):
                continue
            if not first and not according and any(end <= o < sent[1] and _INTRODUCES.match(text, end, o)
                                                   for o in others):
                continue  # "...; Palestinian officials say Israeli strikes have killed 4,385 people"
            distance = statement[0] - end if first else start - statement[1]
            key = (0 if according else 1, 0 if first and distance <= 30 else 1, distance, side, start)
            if best is None or key < best:
                best = key
    return (best[3], best[4]) if best else None


def _attacked_side(mentions: list[SideMention], opposing: tuple[str, str],
                   reporter: tuple[str, int] | None, text: str | None = None) -> str | None:
    """In a two-sided war, the side the sentence names as attacked ("Hamas attacked Israel, killing
    civilians"), else the other side of the one it names as attacking ("the brutality of the Hamas attack:
    civilians shot dead"), when it names one; a side named as the speaker ("the Israeli military said", read
    in ``text``) is not named as attacking."""
    found = {m.side for m in mentions if m.target and m.side in opposing}
    found |= {opposing[1 - opposing.index(m.side)] for m in mentions
              if m.acting and m.side in opposing and (reporter is None or m.start != reporter[1])
              and not (text is not None and _INSTITUTION.match(text[m.end:m.end + 120]))}
    return found.pop() if len(found) == 1 else None


#: what may stand between two coordinated places: "in Israel and Gaza", "in Israel and at least 830 in Gaza"
_PLACE_AND = re.compile(r"\s*,?\s*(?:and|or|as well as)\s+(?:(?:(?:at least|more than|nearly|about|some|over|"
                        r"another)\s+)?[\d,]+(?:\s+[a-z]+)?\s+)?(?:(?:in|at|on)\s+)?(?:the\s+)?(?:[a-z]+ern\s+)?")


def _coordinated(text: str, places: list[SideMention]) -> bool:
    """Are the two sides' places one coordinated phrase ("in Israel and Gaza", "in Israel and at least 830 in
    Gaza"), not places of two clauses?"""
    if len(places) != 2:
        return False
    between = text[places[0].end:places[1].start]
    return bool(_PLACE_AND.fullmatch(between))


def _place_side(held: set[str], opposing: tuple[str, str], captives: bool) -> str | None:
    """The side of the dead of the places ``held`` (sides of ``opposing``): one side's places give that side,
    both sides' give :data:`MIXED`; captives held in one side's place are the other side's."""
    if len(held) == 2:
        return None if captives else MIXED
    if len(held) == 1:
        place = held.pop()
        return opposing[1 - opposing.index(place)] if captives else place
    return None


def _people_side(mentions: list[SideMention], opposing: tuple[str, str], agent_side: str | None) -> str | None:
    """In a two-sided war, the one of the two sides whose people the sentence names ("Israelis are stunned
    by the attack, which saw civilians killed"), when it is not the agent's side."""
    named = {m.side for m in mentions
             if m.how == "people" and not m.acting and m.side in opposing and m.side != agent_side}
    return named.pop() if len(named) == 1 else None


def casualty_sides(
    table: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    annotations: Annotations,
    sides: Mapping[str, Any] | Sides | None = None,
    opposing: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Add ``victim_side``, ``agent_side`` and ``victim_side_from`` to a casualty table.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows of :func:`framing.casualties` (``doc_id``, ``sentence_id``,
        ``victims``, ``agent``, ``start``, ``end``; ``cause`` when present).
    corpus : pandas.DataFrame
        The corpus the table was made from.
    annotations : Annotations
        The corpus's annotations (:func:`framing.annotate`).
    sides : mapping or Sides, optional
        Extra or overriding names of sides (see :func:`framing.load_sides`).
    opposing : pair of str, optional
        Two sides at war: victims with no side of their own, killed by an
        agent of one of them, are counted as the other's
        (``victim_side_from="opposing"``), and the dead of a place one of
        them holds as that side's (``"place"``).

    Returns
    -------
    pandas.DataFrame
        ``table`` with the three columns; ``victim_side`` / ``agent_side``
        are a side's name, ``"mixed"`` or missing.
    """
    gazetteer = sides if isinstance(sides, Sides) else (bundled_sides() if sides is None else load_sides(sides))
    if opposing is not None:
        opposing = tuple(opposing)
        if len(opposing) != 2 or opposing[0] == opposing[1]:
            raise UsageError(f"opposing must name two different sides, got {opposing!r}")
    text_of = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    last: dict[str, tuple[int, str]] = {}  # doc -> (sentence_id, side) of the latest sided statement
    order = table.sort_values(["doc_id", "start"], kind="stable").index
    result_v: dict[Any, Any] = {}
    result_a: dict[Any, Any] = {}
    result_f: dict[Any, Any] = {}
    parts_of: dict[Any, tuple[str, ...]] = {}  # the sides a mixed victim side is made of, where known
    spans_of: dict[str, list[tuple[int, int]]] = {}
    def column(name: str) -> list[Any]:
        if name not in table.columns:
            return [None] * len(table)
        values = table[name]
        return [None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v
                for v in values.astype(object).tolist()]

    cols = {name: dict(zip(table.index, column(name)))
            for name in ("doc_id", "sentence_id", "victims", "agent", "cause", "start", "end", "construction")}
    mentions_of: dict[tuple[str, int], list[SideMention]] = {}
    starts_of: dict[tuple[str, int], list[int]] = {}  # the statements of each sentence
    last_agent: dict[tuple[str, int], str] = {}  # the latest agent side of each sentence
    ends_of: dict[tuple[str, int], list[int]] = {}
    for i in table.index:
        key = (str(cols["doc_id"][i]), int(cols["sentence_id"][i]))
        starts_of.setdefault(key, []).append(int(cols["start"][i]))
        ends_of.setdefault(key, []).append(int(cols["end"][i]))
    for idx in order:
        row = {name: values[idx] for name, values in cols.items()}
        doc = str(row["doc_id"])
        text = text_of.get(doc, "")
        if doc not in spans_of:
            spans_of[doc] = annotations.sentence_spans(doc)
        sid = int(row["sentence_id"])
        sent = spans_of[doc][sid] if 0 <= sid < len(spans_of[doc]) else (int(row["start"]), int(row["end"]))

        def sentence_mentions(k: int, span: tuple[int, int]) -> list[SideMention]:
            if (doc, k) not in mentions_of:
                mentions_of[(doc, k)] = gazetteer.mentions(text, *span)
            return mentions_of[(doc, k)]

        victims = row["victims"] if isinstance(row["victims"], str) else ""
        agent = " ".join(x for x in (row["agent"], row.get("cause")) if isinstance(x, str))

        def side_in_context(*phrases: Any, agent: bool = False) -> str | None:
            """The side the phrases name, read in their sentence: "Hamas's incursion into Israel that
            killed ..." gives an agent "Israel" that is a place there, not a side; an agent that is the
            sentence's speaker ("Hamas said the home was hit, killing his brother") is no agent."""
            return _collapse(sides_in_context(*phrases, agent=agent))

        def sides_in_context(*phrases: Any, agent: bool = False) -> set[str]:
            """Every side :func:`side_in_context` finds."""
            found: set[str] = set()
            for phrase in phrases:
                if not isinstance(phrase, str) or not phrase:
                    continue
                at = text.find(phrase, int(row["start"]), int(row["end"]))
                if at < 0:
                    at = text.find(phrase, sent[0], sent[1])
                if at < 0 or at + len(phrase) > sent[1] or at < sent[0]:
                    found |= {m.side for m in gazetteer.mentions(phrase) if not m.place}
                    continue
                found |= {m.side for m in sentence_mentions(sid, sent)
                          if at <= m.start < at + len(phrase) and not m.place
                          and not (agent and (m.target or _speaker_only(text[m.end:min(sent[1], m.end + 80)])))}
                # the noun phrase goes on with where its people come from: "four people from France"
                origin = _FROM.match(text, at + len(phrase), sent[1])
                if origin and not found:
                    found |= {m.side for m in sentence_mentions(sid, sent)
                              if m.start == origin.end() and m.how in ("name", "people") and not m.target}
            return found

        start, end = int(row["start"]), int(row["end"])
        agent_side = side_in_context(row["agent"], row.get("cause"), agent=True)
        agent_text = row["agent"].strip() if isinstance(row["agent"], str) else ""
        agent_at = text.find(agent_text, start, end) if agent_text else -1
        if agent_side is None and _ALL_SIDES.match(agent_text):
            agent_side = MIXED  # "both sides have executed captives"
        if agent_side is None:
            # the cause goes on with whom: "killed in clashes with Israeli commandos"
            for phrase in (row.get("cause"), row["agent"]):
                at = text.find(phrase, start, sent[1]) if isinstance(phrase, str) and phrase else -1
                more = _CAUSE_WITH.match(text, at + len(phrase), sent[1]) if at >= 0 else None
                if more:
                    found = {m.side for m in sentence_mentions(sid, sent)
                             if m.start == more.end() and not m.place and not m.target}
                    if found:
                        agent_side = _collapse(found)
                        break
        if agent_side is None and agent_at >= 0 and _QUANTITY.match(agent_text):
            # "hundreds of Palestinian gunmen swept across ..., killing": the agent goes on with whom
            more = _OF.match(text, agent_at + len(agent_text), sent[1])
            if more:
                agent_side = _collapse({m.side for m in sentence_mentions(sid, sent)
                                        if m.start == more.end() and not m.place and not m.target})
        if agent_side is None and not agent_text and row.get("construction") == "active":
            # "forces of Syrian President Bashar Assad, who the U.S. says has killed ...": the subject is the
            # relative pronoun, the agent the noun phrase before it
            rel = _RELATIVE_SUBJECT.search(text, max(sent[0], start - 80), start)
            if rel:
                before = [m for m in sentence_mentions(sid, sent)
                          if max(sent[0], rel.start() - 60) <= m.start < rel.start() and not m.place and not m.target]
                if before and not _SEPARATOR.search(text, before[-1].end, rel.start()):
                    agent_side = before[-1].side
        reported_agent = False
        if agent_side is None and agent_at >= 0 and _PRONOUN_AGENT.match(agent_text):
            # "the air force said it had killed ...": the pronoun is whoever said it, sided or not
            said = _SAID_PRONOUN.search(text, sent[0], agent_at)
            if said and not re.search(r"\b(?:and|but)$", text[sent[0]:said.start()]):
                # (after "... and said it killed", "it" is as likely the attack named before)
                clause = _CLAUSE_START.match(text, sent[0], said.start())
                np_start = clause.end() if clause else sent[0]
                agent_side = _collapse({m.side for m in sentence_mentions(sid, sent)
                                        if np_start <= m.start < said.start() and not m.place})
                reported_agent = True
        if agent_side is None and not reported_agent and re.match(r"(?:he|she)$", agent_text, re.I) \
                and (doc, sid) in last_agent:
            agent_side = last_agent[(doc, sid)]  # "the leader who had killed an American ... people he had killed"
        possessive = bool(_AGENT_POSSESSIVE.match(agent_text))
        if agent_side is None and not reported_agent and (_AGENT_ANAPHOR.match(agent_text) or possessive):
            # "Hamas terrorists had hours to infiltrate the towns, where they killed ...": the side last named
            # before the pronoun as an actor or an armed group (for "it", "its" and "their" also a country),
            # in the sentence
            at = text.find(row["agent"], start, end)
            singular = agent_text.lower() == "it" or possessive
            before = [m for m in sentence_mentions(sid, sent) if m.end <= at and not m.place and not m.target
                      and (m.acting or m.group or (singular and m.how == "name"))
                      and not _INSTITUTION.match(text[m.end:min(sent[1], m.end + 80)])]
            if before:
                agent_side = before[-1].side
        # the victims phrase, cut at a sentence glued to it ("a family.Israeli officials")
        v_at = text.find(victims, start, end) if victims else -1
        if v_at >= 0:
            glued = list(_GLUED.finditer(victims))
            if glued:
                cut = glued[0].end() if v_at <= start else glued[-1].start() + 1
                keep = victims[cut:] if v_at <= start else victims[:cut]
                v_at, victims = (v_at + cut if v_at <= start else v_at), keep
        parts = sides_in_context(victims) if victims else set()
        if parts and v_at >= 0:
            # a side coordinated just before the victims: "hundreds of Israelis and Palestinians were killed",
            # "more than 900 Israelis and at least 687 Palestinians have been killed" (not "25 Palestinians and
            # 2 Israelis" when each is a statement of its own)
            bare = any(m.start == v_at for m in sentence_mentions(sid, sent))
            spans = list(zip(starts_of.get((doc, sid), []), ends_of.get((doc, sid), [])))
            for m in sentence_mentions(sid, sent):
                if m.end <= v_at and m.how == "people" and not m.place and not m.acting \
                        and _COORDINATED_BEFORE.fullmatch(text, m.end, v_at) \
                        and (bare or not any(a <= m.start < b for a, b in spans if (a, b) != (start, end))):
                    parts.add(m.side)
        side, how = _collapse(parts), "victims" if victims else None
        if side is None and victims:
            # an apposition after the victims: "hostage Luke Somers, an American journalist"
            appos = _APPOSITION.match(text, v_at + len(victims), sent[1]) if v_at >= 0 else None
            if appos and _SPEAKS_NEXT.match(text, appos.end(1), sent[1]):
                appos = None  # "30 people, a spokesman for Ukraine's emergency service, X, told reporters"
            if appos:
                # a demonym, or a group's name before a person noun ("described by Israel as a Hamas
                # commander"); not the one who describes
                found = {m.side for m in sentence_mentions(sid, sent)
                         if appos.start(1) <= m.start < appos.end(1) and not m.place
                         and not re.search(r"\bby\s+(?:the\s+)?$", text[max(sent[0], m.start - 8):m.start])
                         and (m.how == "people" or _PERSON_ONE.match(text, m.end, sent[1])
                              or _PERSON_MANY.match(text, m.end, sent[1])
                              or _MEMBER_BEFORE.search(text, appos.start(1), m.start))}
                if len(found) == 1:
                    side = found.pop()
                    parts = {side}
        if side is None and v_at >= 0 and _NAMED_AFTER.search(text, max(sent[0], v_at - 12), v_at):
            # "a Spanish-Israeli national named Maya Villalobo Sinvany was killed": the description before
            named_at = _NAMED_AFTER.search(text, max(sent[0], v_at - 12), v_at).start()
            found = {m.side for m in sentence_mentions(sid, sent)
                     if max(sent[0], named_at - 50) <= m.start < named_at and m.how == "people" and not m.place
                     and not _SEPARATOR.search(text, m.end, named_at) and "," not in text[m.end:named_at]}
            if found:
                side, how, parts = _collapse(found), "victims", found
        if side is None and v_at >= 0 and victims:
            # "a chief of intelligence for Hamas": the group a member belongs to (a name, not a place)
            member = _MEMBER_OF.match(text, v_at + len(victims), sent[1])
            if member and _PERSON_NOUN.search(victims):
                found = {m.side for m in sentence_mentions(sid, sent)
                         if m.start == member.end() and not m.place and not m.target and (m.group or m.how == "name")}
                if found:
                    side, how, parts = _collapse(found), "victims", found
        if side is None and victims:
            # "those killed by the explosion were likely many Gazans"
            said = _COPULA.match(text, end, sent[1])
            if not said and re.search(r"\bdead$", text[start:end]):
                said = _SPACES.match(text, end, sent[1])  # "some were dead Palestinian fighters"
            if said:
                found = {m.side for m in sentence_mentions(sid, sent)
                         if m.start == said.end() and m.how == "people" and not m.place}
                if found:
                    side, how, parts = _collapse(found), "victims", found
        if side is None:
            # the victims enumerated: "the 14 foreign travelers killed included six Saudis, two Iraqis ..."
            listed = _ENUMERATION.match(text, end, sent[1])
            if not listed and re.search(r"\b[Aa]mong\s+$", text[max(sent[0], start - 8):start]):
                listed = _BE.match(text, end, sent[1])
                # "Among those killed was a single-digit number of Germans"
            if listed:
                stop = _CLAUSE_END.search(text, listed.end(), sent[1])
                upto = stop.start() if stop else sent[1]
                parts = set()
                previous_end = -1
                for m in sentence_mentions(sid, sent):
                    if not (listed.end() <= m.start < upto) or m.place or m.target or m.acting:
                        continue
                    # a demonym ("six Saudis"), a country after "citizens from" / "a citizen of", or one more
                    # country of such a list ("citizens from China, Iran and Jordan")
                    if m.how == "people" or _CITIZENS_OF.search(text, max(sent[0], m.start - 30), m.start) or \
                            (previous_end >= 0 and _COORDINATION_ONLY.fullmatch(text, previous_end, m.start)):
                        parts.add(m.side)
                        previous_end = m.end
                side = _collapse(parts)
        if side is None and v_at >= 0 and _PRONOUN_VICTIM.match(victims.strip()):
            # "the Hamas commander's head captured the moment he was shot": a person of a side named before
            # the pronoun in its sentence
            one = bool(_PRONOUN_VICTIM.match(victims.strip()).group("one"))
            person = _PERSON_ONE if one else _PERSON_MANY
            before = [m for m in sentence_mentions(sid, sent) if m.end <= v_at and not m.place and not m.target
                      and person.match(text, m.end, sent[1])
                      and not _INSTITUTION.match(text[m.end:min(sent[1], m.end + 80)])]
            if before:
                side, how, parts = before[-1].side, "victims", {before[-1].side}
            else:
                belonged = _BELONGED.match(text, end, sent[1])
                found = {m.side for m in sentence_mentions(sid, sent)
                         if belonged and m.start == belonged.end() and not m.place}
                if found:
                    side, how, parts = _collapse(found), "victims", found
        if side is None:
            how = None
            if (not victims or _ANAPHOR.match(victims.strip())) and doc in last and sid - last[doc][0] <= 2:
                side, how = last[doc][1], "previous"
        elided: str | None = None
        if side is None and v_at >= 0 and _BARE_NUMBER.match(victims.strip()):
            # a bare number counts the victims of the statement before it ("killed 1,000 people and wounded
            # 2,800"), else the people named before it in its sentence, not its agent ("Hamas fighters were
            # still trying to enter Israel, ..., adding that two were captured and five were killed")
            if doc in last and last[doc][0] == sid:
                side, how, parts = last[doc][1], "previous", {last[doc][1]}
            else:
                # the nearest people named before; none when those are the agent, a target or a speaker
                before = [m for m in sentence_mentions(sid, sent)
                          if m.end <= v_at and not m.place and _PERSON_MANY.match(text, m.end, sent[1])]
                m = before[-1] if before else None
                if m is not None and not m.target and not (agent_at <= m.start < agent_at + len(agent_text)) \
                        and not _INSTITUTION.match(text[m.end:min(sent[1], m.end + 80)]):
                    elided = m.side  # weaker than a reporter's word: taken after it
        if side is None and agent_side == MIXED and _ALL_SIDES.match(agent_text):
            side, how = MIXED, "sentence"  # the captives both sides executed
        if side is None and opposing is not None and agent_side not in opposing and not _CAPTIVES.search(victims):
            # "the barrage of airstrikes on Gaza that have killed 2,808 people, an Israeli official said": the
            # side the attack was on, before whoever reports it
            hit = set()
            for phrase in (row["agent"], row.get("cause")):
                at = text.find(phrase, start, end) if isinstance(phrase, str) and phrase else -1
                if at >= 0:
                    hit |= {m.side for m in sentence_mentions(sid, sent)
                            if at <= m.start < at + len(phrase) and m.target and m.side in opposing}
            if len(hit) == 1:
                side, how, parts = hit.pop(), "place", set()
        # an active verb whose subject was not found ("who the U.S. says has killed ..."): the reporter
        # may well be reporting someone else's dead
        unknown_subject = row.get("construction") == "active" and not agent
        reporter: tuple[str, int] | None = None
        deferred: str | None = None  # a third party's word, weaker than what the text says of the two sides
        own = bool(_OWN_VICTIMS.search(victims))
        # a third party's word about a named person's death ("Graham said ... Khashoggi's death"), or about
        # one "he", says nothing of whose he was
        named = bool(_NAMED.match(victims.strip()) or _ONE_PERSON_PRONOUN.fullmatch(victims.strip())) \
            and not own
        if agent_side is None and _OWN_FORCES.search(agent) and (side is not None or named):
            # "the Israeli military said its aircraft killed Zakaria Abu Maamar, a member of ...": its forces
            # are the reporter's, whoever the victims are
            own_reporter = _reporter_side(text, sent, (start, end), sentence_mentions(sid, sent), gazetteer,
                                          victims=(v_at, v_at + len(victims)) if v_at >= 0 else (start, start))
            if own_reporter is not None and own_reporter[1] < start:
                agent_side = own_reporter[0]
        if side is None and not unknown_subject and not named:
            others = [o for o in starts_of.get((doc, sid), []) if o != start]
            reporter = _reporter_side(text, sent, (start, end), sentence_mentions(sid, sent), gazetteer,
                                      victims=(v_at, v_at + len(victims)) if v_at >= 0 else (start, start),
                                      others=others)
            if reporter is None and _PRONOUN_REPORTER.match(text[sent[0]:sent[1]]) and sid > 0:
                # "It said the strike killed ...": the reporter of the sentence before
                before = spans_of[doc][sid - 1]
                reporter = _reporter_side(text, before, (before[1], before[1]), sentence_mentions(sid - 1, before),
                                          gazetteer)
                reporter = (reporter[0], -1) if reporter else None
            if reporter is not None and gazetteer.kinds.get(reporter[0]) == "organisation" and not own:
                reporter = None  # an agency counting the dead ("the Red Crescent said 60 people were killed")
            if reporter is not None and _CAPTIVES.search(victims):
                # hostages are not their captors' own: a side reporting the deaths of the captives it holds
                side, how = (opposing[1 - opposing.index(reporter[0])], "reporter") \
                    if opposing is not None and reporter[0] in opposing else (None, None)
                reporter = None
            if reporter is not None:
                said_first = reporter[1] < int(row["start"])
                if agent_side is None and (_OWN_FORCES.search(agent) or (said_first and reported_agent and _PRONOUN_AGENT.match(agent))):
                    agent_side = reporter[0]
                elif agent_side != reporter[0]:
                    if opposing is not None and reporter[0] not in opposing and not own:
                        deferred = reporter[0]
                    else:
                        side, how = reporter[0], "reporter"
        if side is None and elided is not None:
            side, how, parts = elided, "previous", {elided}
        # hostages and captives die where their captors hold them, and may die by their own side's strikes:
        # neither the place nor the agent says they are the other side's
        captives = bool(_CAPTIVES.search(victims))
        if side is None and opposing is not None and agent_side in opposing and not captives:
            side, how = opposing[1 - opposing.index(agent_side)], "opposing"
        if side is None and opposing is not None:
            # in a declared two-sided war, the dead of a place held by one side ("killed in Gaza"; "in Israel
            # and Gaza" is both sides'; captives "held in Gaza" are the other side's)
            # the statement and what follows it in the same clause ("killed 1,400 people in a rampage in
            # southern Israel, and ..."): no punctuation, conjunction or relative word in between
            clause = _CLAUSE_REST.match(text, int(row["end"]), sent[1])
            reach = clause.end() if clause else int(row["end"])
            places = [m for m in sentence_mentions(sid, sent)
                      if int(row["start"]) <= m.start < reach and m.side in opposing
                      and ((m.place and not m.near) or m.target)]
            later = [m for m in sentence_mentions(sid, sent) if m.start >= reach and m.side in opposing and m.place]
            if len(places) == 1 and later and _coordinated(text, [places[0], later[0]]):
                places.append(later[0])  # "died in Israel and Gaza"
            held = {m.side for m in places}
            if len(held) == 2 and not _coordinated(text, places):
                # "killed 1,400 people in southern Israel, and took hostages back to Gaza": the first place
                held = {places[0].side}
            side, how = _place_side(held, opposing, captives), "place"
        # what the rest of the sentence says, short of a clause the reader sees as another sentence ("...
        # the attack.The next day, the air force said", a semicolon, a question)
        in_reach = [m for m in sentence_mentions(sid, sent)
                    if not _SEPARATOR.search(text, min(m.end, start), max(m.start, start))] \
            if opposing is not None and side is None else []
        if side is None and opposing is not None and _BOTH_SIDES.search(
                text, int(row["start"]), min(sent[1], int(row["end"]) + 60)) and \
                not _SIDES_OF_A_LINE.search(text, sent[0], sent[1]):
            side, how = MIXED, "sentence"  # "more than 1,000 killed on both sides"
        # the dead are the attackers ("terrorists killed since the attack", "attackers killed in the town"):
        # they are the attacking side, not the attacked one, and not the side of whose people the sentence
        # speaks
        attackers = bool(_ATTACKERS.search(victims))
        if side is None and opposing is not None and not captives:
            # ... or the other side of the one the sentence names as attacking
            side = _attacked_side(in_reach, opposing, reporter, text)
            if attackers and side in opposing:
                side = opposing[1 - opposing.index(side)]
            how = "sentence"
        if side is None and opposing is not None and not attackers:
            places = [m for m in in_reach if m.place and not m.near and m.side in opposing]
            held = {m.side for m in places}
            if len(held) == 1 or _coordinated(text, places):
                side, how = _place_side(held, opposing, captives), "place"
        if side is None and opposing is not None and not captives and not attackers:
            side, how = _people_side(in_reach, opposing, agent_side), "sentence"
        if side is None and deferred is not None:
            side, how = deferred, "reporter"
        if side is not None and how != "victims":
            parts = {side} if side != MIXED else (set(opposing) if opposing is not None and how != "sentence"
                                                  or how == "place" else set())
        if side is not None:
            # more victims after the statement: "four Israelis were killed in a strike, along with the
            # Palestinian gunmen holding them"
            along = _ALONG_WITH.match(text, end, sent[1])
            if along:
                more = [m for m in sentence_mentions(sid, sent)
                        if along.end() <= m.start <= along.end() + 25 and not m.place and not m.target]
                if more and (more[0].side not in parts or side == MIXED):
                    parts = (parts or ({side} if side != MIXED else set())) | {more[0].side}
                    side = MIXED
        if side is not None and side != MIXED:
            last[doc] = (sid, side)
        if agent_side is not None:
            last_agent[(doc, sid)] = agent_side
        if side == MIXED and len(parts) > 1:
            parts_of[idx] = tuple(sorted(parts))
        result_v[idx], result_a[idx], result_f[idx] = side, agent_side, how if side is not None else None
    out = table.copy()
    for name, values in (("victim_side", result_v), ("agent_side", result_a), ("victim_side_from", result_f)):
        out[name] = pd.array([values.get(i) for i in out.index], dtype="string")
    out.attrs["victim_side_parts"] = parts_of
    return out


def _collapse(found: set[str]) -> str | None:
    """One side, :data:`MIXED` for several, None for none."""
    if not found:
        return None
    return next(iter(found)) if len(found) == 1 else MIXED
