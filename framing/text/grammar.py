"""The grammar the measures share: word tokens, word lists, noun phrases and clause subjects.

Rules over tokens (no tagger or parser): :func:`tokenize` gives word and punctuation tokens with offsets;
:func:`np_before` / :func:`np_after` find the noun phrase that ends before or starts after a token;
:func:`sentence_subject` and :func:`clause_subject` find the subject of a sentence or of the clause a token is
in; :func:`verb_like` tells a verb form. The measures ask these questions and keep their own rules.

For measures that read who and how many, :func:`tokenize_counts` keeps a number one token ("24,285") and
:func:`count_np_before` / :func:`count_np_after` find noun phrases with their counts and quantity words ("at
least 24,285 Palestinians", "half a million Syrians", "Seventeen of his friends"), stopping at words the caller
names; :func:`participle_subject` finds the subject a participle clause (", killing five") refers to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from framing.text.sentences import TITLES, is_name_abbreviation

__all__ = [
    "ADVERBS", "AUX_BE", "AUX_OTHER", "CLAUSE_WORDS", "DASH_TOKENS", "DETERMINERS", "IRREGULAR_VERBS", "NEGATIONS",
    "PREPOSITIONS", "REACTING_VERBS", "UNNAMED_PEOPLE",
    "PRONOUNS", "Token", "before_party_tag", "clause_subject", "finite_at", "main_subject", "without_adverbs", "np_after", "np_before", "np_word", "sentence_subject", "skip_left", "time_phrase", "tokenize",
    "tokenize_counts", "verb_like",
    "COMPLEMENT_VERBS", "ED_ADJECTIVES", "MANNER_ADVERB", "MEDIA_NOUNS", "NAME_PREPOSITIONS", "IRREGULAR_PAST", "NONE_WORDS", "NP_ADVERBS", "NP_BE", "NP_DETERMINERS", "NP_HAVE", "NP_LINKS", "NP_MODALS", "NP_NEGATIONS", "NP_PREPOSITIONS", "NP_PRONOUNS", "NP_RELATIVES", "NP_SUBORDINATORS", "NUMBER_WORDS", "OF_QUANTIFIERS", "STANDING_QUANTIFIERS", "QUANTITY_PREFIXES", "QUANTITY_WORDS", "QUOTE_CHARS", "SUBJECT_PRONOUNS", "TIME_WORDS", "VAGUE_QUANTITIES", "count_np_after", "count_np_before", "count_np_word", "leading_verb", "number_word", "participle_subject", "skip_quotes_back", "starts_count_np", "verbish",
]


# a letter or digit, then word characters, inner periods, apostrophes and hyphens each followed by a letter or
# digit (written with possessive runs of word characters: the same tokens, found without a test per character)
_WORD = r"[^\W_]\w*+(?:[.'’\-‐‑][^\W_]\w*+)*+"
_TOKEN = re.compile(rf"{_WORD}|--|\S")
# every character that is not white space is in a token: the white space before each token and the token,
# found as strings, give the offsets (no match object per token)
_SPACE_AND_TOKEN = re.compile(rf"(\s*+)({_WORD}|--|\S)")
_ACRONYM_DOT = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_APOSTROPHES = "'’"

AUX_BE = frozenset("is was were are be been being am 're 's".split())
AUX_OTHER = frozenset("has have had having will would could can may might should must shall did does do".split())
NEGATIONS = frozenset("not never n't no".split())
ADVERBS = frozenset(
    """also later earlier previously repeatedly again already still then now often publicly privately first
    once just even further separately long recently initially subsequently reportedly allegedly officially
    formally widely last yesterday today tonight always never frequently consistently afterward afterwards
    thereafter soon likewise""".split()
)
#: the generation written after a person's surname ("Martin Luther King Jr.", "Ken Griffey Sr.", "Henry Ford II")
GENERATION = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")
_GENERATION_ANY_CASE = re.compile(GENERATION.pattern, re.IGNORECASE)


def is_generation(word: str) -> bool:
    """Whether ``word``, in any case, is a generation written after a surname ("Jr.", "jr.", "III")."""
    return _GENERATION_ANY_CASE.fullmatch(word) is not None


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
    shoot shoots shot know knows knew seem seems seemed show shows read reads sought fled chose caught bought threw
    stole drove grew heard""".split()
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
#: unnamed people who can follow an inverted verb ("“...,” said officials familiar with the talks", "..., say
#: relatives and lawyers")
UNNAMED_PEOPLE = frozenset(
    """officials analysts experts residents witnesses sources diplomats officers lawmakers researchers
    investigators prosecutors activists aides advisers leaders authorities police critics relatives supporters
    opponents observers locals neighbors neighbours colleagues doctors families survivors people""".split()
)
#: verbs of reacting that a participle of saying may follow ("reacted saying")
REACTING_VERBS = frozenset("reacted reacts react".split())
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

    @property
    def is_number(self) -> bool:
        """Does the token start with a digit ("24,285", "6-year-old")?"""
        return self.text[:1].isdigit()

    @property
    def is_cap(self) -> bool:
        """Does the token start with an upper-case letter (digits excluded, unlike ``is_capitalised``)?"""
        return self.text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (``Pakistan’s``, ``Amir-Abdollahian``, ``U.S.``) and single punctuation marks (a dash typed as two
    hyphens, ``--``, is one).

    Only ``text[start:end]`` is tokenized; offsets index ``text``.
    """
    out: list[Token] = []
    pos = taken = start
    end = len(text) if end is None else end
    for space, word in _SPACE_AND_TOKEN.findall(text, start, end):
        a = pos + len(space)
        b = pos = a + len(word)
        if a < taken:
            continue  # the period already joined to an abbreviation
        if b < end and text[b] == "." and word[:1].isalpha():
            if _ACRONYM_DOT.match(word) or word.lower() in TITLES or is_name_abbreviation(word):
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


#: nouns for a person by their ending ("lawyer", "spokesman", "director", "activist", "agent")
_PERSON_NOUN = re.compile(r"(?:er|or|man|woman|ist|ian|ent|ant)$")
#: nouns with those endings that name no person ("The order of the court", "the content of the letter")
_NOT_PERSONS = frozenset("""order border center centre corner matter number letter paper newspaper quarter remainder
content document statement agreement government department parliament event incident element comment moment percent
extent error sector factor floor door interior part chapter section summer winter""".split())


def person_noun(word: str) -> bool:
    """Whether a lower-case noun names people by its ending ("lawyers", "spokesman", "activist"), not a thing
    ("objections", "the order")."""
    low = _base(word)
    low = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return _PERSON_NOUN.search(low) is not None and low not in _NOT_PERSONS


#: nouns in -ly, no adverbs ("the family said", "the assembly voted", "a close ally")
_LY_NOUNS = frozenset("family ally italy assembly monopoly anomaly tally rally supply bully daily weekly monthly quarterly "
                      "elderly".split())


#: prefixes that keep a hyphenated word a verb ("re-elected", "co-founded"); with any other first part it is an
#: adjective ("high-ranking", "so-called", "state-owned", "face-saving")
_VERB_PREFIXES = frozenset("re co pre un de mis over under out cross double fast fact dis non".split())


def verb_like(tok: Token) -> bool:
    """A lower-case past form or participle that is unlikely to head a noun phrase."""
    low = tok.low
    if tok.is_capitalised or low in NOUN_EXCEPTIONS:
        return False
    if "-" in low.strip("-") and low.split("-", 1)[0] not in _VERB_PREFIXES:
        return False
    return (low.endswith("ed") and len(low) > 3) or (low.endswith("ing") and len(low) > 4)


def np_word(tok: Token) -> bool:
    """Can this token be part of a noun phrase?"""
    if not tok.is_word:
        return False
    low = _base(tok.text)
    if low in CLAUSE_WORDS or low in AUX_BE or low in AUX_OTHER or low in NEGATIONS or low.endswith(("n't", "n’t")):
        return False  # (nor a negated auxiliary: "couldn't", "doesn’t")
    if low in IRREGULAR_VERBS and not tok.is_capitalised:
        return False
    if not tok.is_capitalised and adverb_in_ly(low):
        return False
    return True


def np_before(tokens: Sequence[Token], j: int, *, lo: int = 0, max_tokens: int = 10) -> tuple[int, int] | None:
    """Token index range ``[i, j]`` of the noun phrase ending at token ``j``, or None.

    Walks left over words, possessives, "&" inside a name and ``of``/``for``/``at``/``in``/``from``
    until a determiner (kept), a clause word, punctuation or ``lo``; past a determiner only after a plural
    and one of those prepositions ("Firefighters at the scene").
    """
    if j < lo or j >= len(tokens):
        return None
    head = tokens[j]
    if _name_modal(tokens, j, lo):
        pass  # "Mrs May", "Theresa May"
    elif head.low.endswith("ly") and head.is_word and j - 1 >= lo and tokens[j - 1].low in DETERMINERS:
        pass  # a word in -ly after a determiner is a noun: "the rally", "a bully"
    elif not np_word(head) or verb_like(head) or head.low in DETERMINERS or head.low in CONNECTORS:
        return None
    if head.low in PRONOUNS:
        return (j, j)
    if _party_tag_at(tokens, j):
        return None  # "Susan Collins, R-Maine, who said": a party tag is no noun phrase (as "D-Calif." is not)
    i = j
    k = j - 1
    while k >= lo and j - k < max_tokens:
        tok = tokens[k]
        low = tok.low
        if low == "the" and k - 3 >= lo and tokens[k - 1].low == "with" and k + 1 <= j and tokens[k + 1].is_capitalised \
                and all(t.is_word and t.is_capitalised and t.low not in DETERMINERS | PRONOUNS
                        for t in tokens[k - 3:k - 1]):
            # "Brian Malte with the Brady Campaign": a person, by given name and surname, with the body named
            # after (not "Negotiators with the Taliban")
            k -= 2
            continue
        if (low in DETERMINERS or low in ("that", "those")) and k - 2 >= lo and tokens[k - 1].low in CONNECTORS \
                and tokens[k - 2].is_word and np_word(tokens[k - 2]) and not verb_like(tokens[k - 2]) \
                and (tokens[k - 2].low.endswith("s") and not tokens[k - 2].low.endswith(("ss", "'s", "’s"))
                     or tokens[k - 1].low in ("for", "of", "in", "at") and _PERSON_NOUN.search(tokens[k - 2].low)
                     is not None and tokens[k - 2].low not in _NOT_PERSONS
                     or tokens[k - 1].low == "of" and tokens[k - 2].is_capitalised and k + 1 <= j
                     and tokens[k + 1].is_capitalised
                     or k + 1 <= j and links_body_name([t.text for t in tokens[k - 2:k + 2]], 2)) \
                and tokens[k - 2].low not in DETERMINERS and tokens[k - 2].low not in PRONOUNS:
            # "Firefighters at the scene", "officials in that province": people of a place or body (a plural
            # before "at the"), not a thing placed ("intervention in a letter"); a person for, of, in or at a
            # body or place ("a lawyer for the family", "the director of the agency", "a man in the crowd"); a
            # name with "of the" or "for the" in it ("the Ministry of the Interior", "the Institute for the Study
            # of War")
            i = k
            k -= 1
            continue
        if low in DETERMINERS:
            i = k
            break
        if tok.text == "&" and k - 1 >= lo and tokens[k - 1].is_capitalised and tokens[k + 1].is_capitalised:
            k -= 1  # "Standard & Poor's", "Johnson & Johnson"
            continue
        if low in CONNECTORS:
            # keep "director of the Institute" only when something precedes it
            if k - 1 >= lo and np_word(tokens[k - 1]) and not verb_like(tokens[k - 1]):
                k -= 1
                continue
            break
        if tok.text in NAME_PREPOSITIONS and k - 1 >= lo and tokens[k - 1].is_capitalised \
                and tokens[k + 1].is_capitalised \
                or low in ("and", "to") and _joins_name_at(tokens, k, j, lo):
            k -= 1  # "Doctors Without Borders", "Mayors Against Illegal Guns", "Committee to Protect Journalists"
            continue
        if _plural_possessive(tokens, k, lo):
            k -= 1  # "the suspects’ uncle": the possessor's apostrophe
            continue
        if not np_word(tok) or verb_like(tok) or low in PRONOUNS:
            break
        i = k
        k -= 1
    while i < j and tokens[i].low in CONNECTORS:
        i += 1
    # a connector that was passed but never closed by a word belongs outside
    return (i, j)


def _plural_possessive(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """Whether token ``k`` is the apostrophe of a plural possessive ("the victims’ families"): written right after
    a word in -s and before a word, with no opening single quotation mark it could close shortly before."""
    if tokens[k].text not in ("'", "’") or k - 1 < lo or k + 1 >= len(tokens):
        return False
    noun = tokens[k - 1]
    return noun.is_word and noun.low.endswith("s") and noun.end == tokens[k].start \
        and tokens[k + 1].is_word and tokens[k + 1].start > tokens[k].end \
        and not any(t.text in ("‘", "'") for t in tokens[max(lo, k - 8):k - 1])


#: prepositions that names of campaigns and charities write with a capital between capitalised words
NAME_PREPOSITIONS = frozenset({"Without", "Against"})
#: the verbs of a body's aim, after "to" in its name ("Campaign to Prevent Gun Violence", "Committee to Protect
#: Journalists")
_AIMS = frozenset("""prevent protect stop end save defend fight free restore promote reduce ban abolish support combat
    eliminate reform preserve unite elect keep build halt curb""".split())
#: the nouns that end the name of a body ("the Brady Campaign", "the Department of Health and Human Services")
NAME_BODY_HEADS = frozenset("""service services center centre commission institute council foundation department
    agency administration association society campaign coalition committee fund project program programme bureau
    office board network alliance""".split())
#: the nouns of a body that its name goes on after with "of", "for" or "on" ("the Center for American Progress",
#: "the Council on Foreign Relations", "the U.S. Army Corps of Engineers")
LINKED_BODY_HEADS = NAME_BODY_HEADS | frozenset("""ministry university institution institutes council councils
    court commission committees corps chamber observatory endowment academy federation union league centers
    centres conference authority organization organisation""".split())
#: the nouns after which two words joined by "and" are one body's name ("the Fish and Wildlife Service")
_JOINED_HEADS = frozenset({"service", "administration", "commission", "foundation"})
#: bodies named by one word, which "and" joins to another body ("the Pentagon and State Department")
_ONE_WORD_BODIES = frozenset({"house", "pentagon", "kremlin", "congress", "senate", "treasury", "parliament", "army",
                              "navy", "police", "government", "military"})
#: the nouns of bodies whose names go on with "on" ("the Council on Foreign Relations", "the Committee on ...")
_ON_HEADS = frozenset("council councils committee committees subcommittee commission center centre conference".split())
#: the nouns of bodies whose names list their fields with "and" after "on" ("the Senate Committee on Homeland Security
#: and Governmental Affairs")
_LISTING_HEADS = frozenset("committee committees subcommittee".split())
#: the words that go on with a body's name after its noun
_BODY_LINKS = frozenset({"of", "for", "on"})


def links_body_name(words: Sequence[str], k: int) -> bool:
    """Whether the word ``k`` of ``words`` ("of", "for", "on", or "the" or "a" after one) goes on with the name
    of a body written with capitals: after the body's noun and before a capitalised word ("the Center for
    American Progress", "the Institute for the Study of War", "the Committee for a Responsible Federal Budget";
    not "a spokesman for the Department", nor "the Center for its work")."""
    if 1 <= k < len(words) and words[k] in ("the", "a") and words[k - 1] in _BODY_LINKS:
        k -= 1
    after = k + 1 + (k + 2 < len(words) and words[k + 1] in ("the", "a"))
    if not 1 <= k < after < len(words) or words[k] not in _BODY_LINKS or \
            not (words[after][:1].isupper() or words[after][:1].isdigit()) or \
            words[after].lower().strip(".,") in DAYS | MONTHS:
        return False  # (nor a time: "the Supreme Court on Monday")
    head = words[k - 1].lower().strip(".,")
    # ("on" only after a body that names its field so: "the Council on Foreign Relations"; not "the State Department
    # on Iran")
    return words[k - 1][:1].isupper() and head in (_ON_HEADS if words[k] == "on" else LINKED_BODY_HEADS)


def joins_name(words: Sequence[str], k: int, j: int, lo: int = 0) -> bool:
    """Whether "and" or "to", the word ``k`` of ``words``, joins two parts of one body's name that ends at word
    ``j``: "to" after the body's noun and before the verb of its aim ("the Brady Campaign to Prevent Gun Violence",
    "the Committee to Protect Journalists"; not "a letter from the Justice Department to Congress"); "and" between
    the words a body's name opens with "of" ("the Department of Health and Human Services"; not "the White House and
    Justice Department", two bodies)."""
    def capital(word: str) -> bool:
        return word[:1].isupper() or word[:1].isdigit()
    if not (lo + 1 <= k < j < len(words) and words[k] in ("and", "to") and capital(words[k - 1])
            and capital(words[k + 1])):
        return False
    if words[k] == "to":
        return words[k - 1].lower() in NAME_BODY_HEADS and words[k + 1].lower() in _AIMS
    if not all(capital(w) for w in words[k + 1:j + 1]):
        return False
    # the word that opens the body's name before "and": "Department of Health and Human Services", "Centers for
    # Disease Control and Prevention", "the Center for Strategic and International Studies" (after "for" or "on",
    # a name may end with no body's noun; not "the Department of Homeland Security and Federal Emergency Management
    # Agency", two bodies)
    m = k - 1  # (the word before the capitalised words before "and")
    while m >= lo and m > k - 4 and capital(words[m]) and words[m] not in ("The", "A", "An"):
        m -= 1
    if m - 1 >= lo and words[m] in _BODY_LINKS:
        # (one word between the link and "and", or two before a last word: "Disease Control and Prevention"; not
        # "the Center for American Progress and Media Matters", two bodies)
        between = k - 1 - m
        if words[m] == "of":
            return between == 1 and words[m - 1].lower() in NAME_BODY_HEADS and words[j].lower() in NAME_BODY_HEADS
        return words[m - 1].lower() in LINKED_BODY_HEADS and (
            between == 1 or between == 2 and j == k + 1 or words[m - 1].lower() in _LISTING_HEADS)
    # else a name of two words joined before the noun of a federal body or a charity ("the Fish and Wildlife
    # Service", "the Food and Drug Administration", "the Bill and Melinda Gates Foundation"; not "the Pentagon and
    # State Department", "the FBI and Secret Service", two bodies)
    first = words[k - 1]
    return words[j].lower() in _JOINED_HEADS and k - 1 - m <= 2 and j - k <= 3 and not first.isupper() \
        and first.lower() not in LINKED_BODY_HEADS | _ONE_WORD_BODIES


def _joins_name_at(tokens: Sequence[Token], k: int, j: int, lo: int) -> bool:
    """:func:`joins_name` on the words of ``tokens`` it reads: from five before ``k`` to ``j``."""
    base = max(lo, k - 5)
    return joins_name([t.text for t in tokens[base:j + 1]], k - base, j - base)


def np_after(tokens: Sequence[Token], i: int, *, hi: int | None = None, max_tokens: int = 12) -> tuple[int, int] | None:
    """Token index range ``[i, j]`` of the noun phrase starting at token ``i``, or None."""
    hi = len(tokens) if hi is None else min(hi, len(tokens))
    if i >= hi:
        return None
    first = tokens[i]
    if not np_word(first) and first.low not in DETERMINERS:
        return None
    if verb_like(first) and not (first.low in _TITLE_PARTICIPLES and i + 1 < hi and tokens[i + 1].is_capitalised
                                 and not _is_time(tokens[i + 1])) \
            or first.low in PREPOSITIONS or first.low in ADVERBS:
        return None  # (a participle that qualifies a title opens one: "retired Gen. Larry Spencer")
    if first.low in PRONOUNS:
        return (i, i)
    if _party_tag_at(tokens, i):
        return None
    j = i
    k = i + 1
    while k < hi and k - i < max_tokens:
        tok = tokens[k]
        low = tok.low
        if low in CONNECTORS:
            nxt = tokens[k + 1] if k + 1 < hi else None
            if nxt is not None and (np_word(nxt) or nxt.low in DETERMINERS) and not _is_time(nxt):
                k += 1
                continue
            break
        if low in DETERMINERS and tokens[k - 1].low in CONNECTORS:
            k += 1
            continue
        if tok.text == "&" and tokens[k - 1].is_capitalised and k + 1 < hi and tokens[k + 1].is_capitalised:
            k += 1  # "Standard & Poor's", "Johnson & Johnson"
            continue
        if not np_word(tok) or low in DETERMINERS or verb_like(tok) and not _modifier_participle(tokens, k, hi):
            break
        j = k
        k += 1
    # drop a trailing connector phrase that ended without a noun
    while j > i and tokens[j].low in CONNECTORS | DETERMINERS:
        j -= 1
    return (i, j)


#: participles that qualify a title after them and keep it, or say it is past ("retired Gen. X", "acting Secretary Y")
_TITLE_PARTICIPLES = frozenset("retired acting outgoing incoming embattled".split())


#: determiners that never stand alone as a subject
_ARTICLES_AND_POSSESSIVES = frozenset("the a an his her its their our my your".split())


def _modifier_participle(tokens: Sequence[Token], k: int, hi: int) -> bool:
    """Whether the word in -ed or -ing at ``k``, right after a determiner, modifies the noun after it ("the acting
    head of the police", "a leading Australian researcher", "an unsealed affidavit") or is a noun before "of" ("a
    recording of the call"), rather than the verb after a subject ("the police arrested", "the group warning")."""
    if tokens[k - 1].low not in _ARTICLES_AND_POSSESSIVES or k + 1 >= hi:
        return False  # (not after a determiner that stands alone: "Many accused Trump")
    nxt = tokens[k + 1]
    if nxt.low == "of":
        return tokens[k].low.endswith("ing")
    return np_word(nxt) and not verb_like(nxt) and nxt.low not in PREPOSITIONS and nxt.low not in DETERMINERS \
        and nxt.low not in PRONOUNS and nxt.low not in CLAUSE_WORDS


MONTHS = frozenset("january february march april may june july august september october november december".split())


def _name_modal(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """Is the capitalised modal at ``k`` a surname after a capitalised word ("Mrs May", "Theresa May said")?"""
    tok = tokens[k]
    return tok.is_capitalised and tok.low in AUX_OTHER and k - 1 >= lo and tokens[k - 1].is_capitalised \
        and tokens[k - 1].is_word


def _is_time(tok: Token) -> bool:
    """A year, day or month: ``in 2010``, ``on Tuesday`` end a noun phrase."""
    low = tok.low
    return low[:1].isdigit() or low in DAYS or low in MONTHS


def skip_left(tokens: Sequence[Token], k: int, lo: int) -> tuple[int, bool]:
    """Skip auxiliaries, negations, adverbs and day names left of ``k``; report a passive ``be`` (not before a
    verb in -ing, the token after ``k``: "the United Nations was reporting that" is a progressive)."""
    progressive = k + 1 < len(tokens) and tokens[k + 1].low.endswith("ing")
    # (a verb in -ed may be a participle after what is said: "a statement posted on Twitter" names no speaker
    # before "in a statement")
    reduced = k + 2 < len(tokens) and tokens[k + 1].low.endswith("ed") and tokens[k + 2].low in _WHERE_POSTED
    passive = False
    while k >= lo:
        low = tokens[k].low
        if low in AUX_BE:
            passive = not progressive
        elif (low in AUX_OTHER and not _name_modal(tokens, k, lo)) or low in NEGATIONS or low in DAYS:
            pass
        elif low in ADVERBS and (not tokens[k].is_capitalised or k == lo):
            pass  # "USA TODAY reported": a capitalised "Today" inside a name is no adverb
        elif low == "far" and k - 1 >= lo and tokens[k - 1].low in ("so", "thus"):
            k -= 1  # "Tehran has so far denied"
        elif low in ("late", "early") and k + 1 < len(tokens) and (tokens[k + 1].low in DAYS or
                                                                  tokens[k + 1].low in _TIME_UNITS):
            pass  # "and late Friday said"
        elif low in _VERB_CONNECTIVES and not tokens[k].is_capitalised:
            pass  # "Federica Mogherini, meanwhile said", "Watts, however told", "but instead spoke"
        elif low == "on" and k + 1 < len(tokens) and tokens[k + 1].low in DAYS:
            pass
        elif _adverb_ly(tokens[k]) and not (k - 1 >= lo and tokens[k - 1].low in DETERMINERS):
            # (a word in -ly after a determiner is a noun: "the rally said", "a bully said")
            pass
        elif low in ("and", "or") and k - 1 >= lo and verb_like(tokens[k - 1]) and tokens[k - 1].low.endswith("ed"):
            k -= 1  # "had been summoned and told": skip the coordinated verb
        elif low in ("and", "or") and k - 1 >= lo and _adverb_ly(tokens[k - 1]):
            pass  # "has meticulously and persuasively argued"
        elif low in _TIME_UNITS and (opening := _time_phrase_start(tokens, k, lo)) is not None:
            k = opening  # "Russia has for weeks blamed", "officials last week said"
        elif low in MEDIA_NOUNS and not reduced and (opening := _medium_phrase_start(tokens, k, lo)) is not None:
            k = opening  # "Rhodes in the email said", "the ministry in a statement said"
        elif (low[:1].isdigit() or low in MONTHS) and (opening := _date_start(tokens, k, lo)) is not None:
            k = opening  # "Hammond, who on Sept. 9 said", "officials in March 2019 said"
        else:
            break
        k -= 1
    return k, passive


#: where a participle after a noun puts what is said ("a statement posted on Twitter", "a video released online")
_WHERE_POSTED = frozenset("on to in online by at onto".split())
#: what a statement is made in, when named between its speaker and the verb ("Smith in a statement said")
MEDIA_NOUNS = frozenset("""statement statements email emails letter letters interview interviews tweet tweets post
posts speech speeches memo memos release remarks testimony message messages column op-ed essay video filing
briefing""".split())


#: participles of making that a date may follow ("a letter written on March 3")
_MADE_PARTICIPLES = frozenset("written taken given made done seen held shown sent drawn begun".split())


def _date_start(tokens: Sequence[Token], k: int, lo: int) -> int | None:
    """The "on" or "in" that opens a date ending at token ``k`` ("on Sept. 9", "on March 3, 2019", "in March
    2019", "in 2019"), or None: a month, or a year alone, and only a day, a year, points and commas after it."""
    month = year = False
    j = k
    while j >= lo and k - j <= 6:
        low = tokens[j].low
        if low in MONTHS or low in _MONTH_ABBREVIATIONS and tokens[j].is_capitalised:
            month = True
        elif low.isdigit() and len(low) <= 4:
            year = year or len(low) == 4
        elif low not in (",", "."):
            break
        j -= 1
    if j < lo or tokens[j].low not in ("on", "in") or not (month or year):
        return None
    if j - 1 >= lo and (verb_like(tokens[j - 1]) or tokens[j - 1].low in _MADE_PARTICIPLES):
        return None  # the date of a document or act ("A letter written on March 3 said"), which stays with it
    return j


def _medium_phrase_start(tokens: Sequence[Token], k: int, lo: int) -> int | None:
    """The preposition that opens "in the email", "in a written statement", "on Twitter"-like phrases ending at
    token ``k``, within four tokens, or None."""
    for j in range(k - 1, max(lo, k - 4) - 1, -1):
        if tokens[j].low in ("in", "on", "through", "via") and j - 1 >= lo and tokens[j - 1].is_word:
            # (after a noun, not a verb: "Balla said in a video posted to Facebook" is no "Balla ... posted")
            return None if verb_like(tokens[j - 1]) or not np_word(tokens[j - 1]) else j
        if not tokens[j].is_word:
            return None
    return None


#: nouns of a span of time ("for weeks", "last month")
_TIME_UNITS = frozenset("""day days week weeks month months year years decade decades hour hours time weekend weekends
morning afternoon evening night""".split())
_TIME_OPENERS = frozenset("for in over within during last this next earlier at".split())
_TIME_MODIFIERS = frozenset("recent past several many few the two three some coming same first second third final"
                            .split())
#: sentence adverbs that open a sentence's first phrase and never a subject ("However late Wednesday, ...")
_SENTENCE_CONNECTIVES = frozenset("""however meanwhile moreover furthermore additionally nevertheless nonetheless
consequently accordingly instead""".split())
#: sentence adverbs that may stand between a subject and its verb ("Mogherini, meanwhile, said")
_VERB_CONNECTIVES = frozenset("however meanwhile instead nevertheless nonetheless therefore thus though".split())


def _adverb_ly(tok: Token) -> bool:
    return tok.is_word and not tok.is_capitalised and adverb_in_ly(tok.low)


def adverb_in_ly(word: str) -> bool:
    """Whether the lower-case ``word`` is an adverb by its ending in -ly ("occasionally"; not "family", "Italy")."""
    return word.endswith("ly") and word not in _LY_NOUNS


def _time_phrase_start(tokens: Sequence[Token], k: int, lo: int) -> int | None:
    """First token of a phrase of time that ends with the time noun at ``k`` ("for weeks", "in recent days",
    "earlier this month", "last week"), or None when the words before it make no such phrase."""
    j = k - 1
    while j >= lo and k - j <= 3 and tokens[j].low in _TIME_MODIFIERS:
        j -= 1
    if j < lo or tokens[j].low not in _TIME_OPENERS:
        return None
    if tokens[j].low == "this" and j - 1 >= lo and tokens[j - 1].low == "earlier":
        j -= 1
    if j - 2 >= lo and tokens[j - 2].low in ("who", "that", "which") and verb_like(tokens[j - 1]):
        return None  # the time of a relative clause's act, which stays with it ("Residents who fled during the night")
    return j


_INTRO = PREPOSITIONS | ADVERBS | DAYS | frozenset("following formed founded late earlier hours".split())
#: sentence adverbs that open a sentence before a comma, never its subject ("However, Andrei Lankov, a North Korea
#: expert, told")
_CONNECTIVES = ADVERBS | frozenset("""however meanwhile indeed instead moreover furthermore additionally similarly likewise
thus therefore hence nevertheless nonetheless consequently accordingly afterward afterwards finally ultimately
eventually otherwise besides regardless overall elsewhere interestingly obviously clearly notably importantly
specifically apparently unfortunately fortunately yet""".split())


#: words that open a clause whose subject comes right after them ("why", "what", "that world powers are proposing")
_SUBORDINATING = frozenset("that why what how where when whether while as since because if though although which"
                          .split())
_SUBORDINATE_BEFORE = re.compile(r"(?i)(?<![\w’'])(?:" + "|".join(sorted(_SUBORDINATING)) + r")\s+(?:(?:so|too)\s+)?$")


def opens_subordinate_clause(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` is the subject of a clause a subordinating word opens ("what Kim's regime is
    saying is bluster", "said that the rebels were denying"): a speaker there governs no verb of the main clause
    after it."""
    return _SUBORDINATE_BEFORE.search(text, max(0, start - 20), start) is not None


#: words of a phrase of time that opens a sentence ("Three weeks ago,", "Late Saturday,", "A day later,")
_TIME_SEGMENT_WORDS = frozenset("ago late early later earlier just about nearly almost some more than only at same"
                                .split())


def time_phrase(words: Sequence[str]) -> bool:
    """Whether lower-case ``words`` make a phrase of time alone ("three weeks ago", "late saturday", "last month",
    "at the same time"): no subject, however much it looks like a noun phrase."""
    return bool(words) and (words[-1] in TIME_WORDS or words[-1] in _TIME_UNITS) and words[-1] != "may" and all(
        w in TIME_WORDS or w in _TIME_UNITS or w in NUMBER_WORDS or w in DETERMINERS or w in _TIME_SEGMENT_WORDS
        or w[:1].isdigit() for w in words)


def _time_segment(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``tokens[a:b]`` is a phrase of time alone (:func:`time_phrase`)."""
    return time_phrase([t.low for t in tokens[a:b]])


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
        time = _time_segment(tokens, k, comma)
        if span is not None and span[1] == comma - 1 and not (comma == k + 1 and tokens[k].low in _CONNECTIVES) \
                and not time and tokens[k].low not in _SENTENCE_CONNECTIVES:
            return span
        if tokens[k].low in _INTRO or tokens[k].low in _CONNECTIVES or verb_like(tokens[k]) or time:
            k = comma + 1
            continue
        return None
    return None


def clause_subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Subject noun phrase of the clause that ends at token ``hi`` (exclusive) and starts after ``lo``.

    Looks at comma-separated segments from right to left and returns the first
    one that opens with a noun phrase followed by another word (its verb).
    """
    bounds = [k for k in range(lo, hi) if tokens[k].text in ",;:(“”\"‘" or tokens[k].text in DASH_TOKENS]
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


#: words that open a clause of their own after a comma ("Many students did, whereupon the gunmen started ...")
_CLAUSE_OPENING = frozenset("""whereupon when while after before because although though since as and but so
yet if unless until""".split())
#: words that open a subordinate clause, which a participle after the main clause does not go on
_SUBORDINATE = frozenset("when because after before if unless until although though since while".split())
_ASIDE_CLOSE = {",": ",", "(": ")", "—": "—", "–": "–", "--": "--", "-": "-"}
#: dashes as tokens (a dash typed as two hyphens is one token)
DASH_TOKENS = frozenset("— – ― --".split())
#: a party tag after a legislator's name ("R-Maine", "D-N.Y"; its final period is a token of its own)
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _party_tag_at(tokens: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` is a party tag set after a name by a comma or a bracket ("Collins, R-Maine,")."""
    return j >= 1 and tokens[j - 1].text in ",(" and PARTY_TAG.fullmatch(tokens[j].text) is not None


def before_party_tag(tokens: Sequence[Token], j: int, lo: int) -> int:
    """The token before the comma that sets off a party tag ending at token ``j`` ("Collins, R-Maine," and
    "Roe, D-Calif.," end at "Collins", "Roe"), else ``j``."""
    tag = j - 1 if j - 1 >= lo and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end else j
    return tag - 2 if tag - 1 > lo and _party_tag_at(tokens, tag) and tokens[tag - 1].text == "," else j


def finite_at(tokens: Sequence[Token], k: int, hi: int) -> bool:
    """Does a finite verb stand at token ``k`` (after adverbs and negations): an auxiliary, a past form, a
    common irregular verb, a contracted negative or a lower-case word in -s ("have refused", "also asked", "was even
    more adamant", "hasn’t budged", "downgraded", "wants")? Called right after a subject, where a word in -s is its
    verb."""
    while k < hi and (tokens[k].low in ADVERBS or tokens[k].low in NEGATIONS or _adverb_ly(tokens[k])):
        k += 1
    if k >= hi or not tokens[k].is_word or tokens[k].is_capitalised:
        return False
    low = tokens[k].low
    return low in AUX_BE or low in AUX_OTHER or low in IRREGULAR_VERBS or low in IRREGULAR_PAST \
        or low.endswith(("n't", "n’t")) \
        or (low.endswith("ed") and len(low) > 3 and low not in NOUN_EXCEPTIONS) \
        or (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and len(low) > 3
            and low not in DETERMINERS and low not in CLAUSE_WORDS)  # "the mayor wants calm"


def _past_asides(tokens: Sequence[Token], k: int, hi: int) -> int | None:
    """Token ``k`` moved past asides set off by commas, dashes ("—", "--") or brackets ("The Taliban, at their
    strongest ..., have"); None when an aside does not close before ``hi``."""
    while k < hi and tokens[k].text in _ASIDE_CLOSE:
        close = _ASIDE_CLOSE[tokens[k].text]
        end = next((c for c in range(k + 1, min(hi, k + 30)) if tokens[c].text == close), None)
        if end is None:
            return None
        k = end + 1
    return k


def main_subject(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Subject of the nearest clause before ``hi`` in ``tokens[lo:hi]`` that has a subject and a finite verb:
    the clause a participle at ``hi`` goes on ("Standard & Poor's downgraded the rating, saying"; "The Taliban,
    at their strongest ..., have refused to negotiate, calling"; "Testifying before the committee, Wendy
    Sherman, the negotiator, was adamant, saying"; "Many students did, whereupon the gunmen started shooting,
    saying").

    The stretches between commas, semicolons and colons are tried from right to left, each after a word that
    opens a clause and adverbs; the subject is a noun phrase that opens one and that a finite verb follows,
    directly or past what still belongs to it (:func:`_past_modifiers`) and asides set off by commas, dashes or
    brackets. None when no stretch has one.
    """
    bounds = [k for k in range(lo, hi) if tokens[k].text in (",", ";", ":")]
    for s in [b + 1 for b in reversed(bounds)] + [lo]:
        if s < hi and tokens[s].low in _SUBORDINATE:
            end = next((b for b in bounds if b > s), hi)
            if any(t.is_word for t in tokens[end + 1:hi]):
                # "When the protesters arrived, the mayor wants calm, saying": the clause after it is the one the
                # participle goes on ("Although an aide issued a statement saying" goes on its own clause)
                continue
        while s < hi and (tokens[s].low in _CLAUSE_OPENING or tokens[s].low in ADVERBS):
            s += 1  # "whereupon the gunmen", "Even AQAP -- ... -- has expressed"
        if s >= hi or tokens[s].low in PREPOSITIONS:
            continue
        span = without_adverbs(tokens, np_after(tokens, s, hi=hi))
        if span is None:
            continue
        k = _past_asides(tokens, _past_modifiers(tokens, span[1] + 1, hi), hi)
        if k is not None and finite_at(tokens, k, hi):
            return span
    return None


def without_adverbs(tokens: Sequence[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A subject span without the adverbs a noun-phrase walk took in after it ("Mr. Obama also asked", "The
    House of Commons unanimously passed")."""
    while span is not None and span[1] > span[0] and (tokens[span[1]].low in ADVERBS
                                                      or MANNER_ADVERB.fullmatch(tokens[span[1]].text)):
        span = (span[0], span[1] - 1)
    return span


#: adverbs of manner by their endings, which no noun has ("unanimously", "repeatedly", "publicly")
MANNER_ADVERB = re.compile(r"[a-z]{3,}(?:ously|ively|edly|ently|antly|ately|ingly|fully|lessly|ably|ibly|ically)")


def _past_modifiers(tokens: Sequence[Token], k: int, hi: int) -> int:
    """Token ``k`` after a noun phrase moved past what may still belong to it: a second noun phrase after
    "and" / "or" ("the NRA and the gun makers came") and prepositional phrases ("party vets in that province
    penned", "the chief negotiator with the Iranians")."""
    for _ in range(3):
        if k >= hi or not (tokens[k].low in ("and", "or", "with", "for") or tokens[k].low in NP_LINKS):
            return k
        j = k + 1
        if j < hi and tokens[j].low in ("that", "this", "these", "those"):
            j += 1
        other = np_after(tokens, j, hi=hi)
        if other is None:
            return k
        k = other[1] + 1
    return k


#: counts stay one token ("24,285", "1.5", "6-year-old"); acronyms ("U.S.") and titles keep their periods
_COUNT_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St)\.|\d+(?:[.,]\d+)*(?:-[^\W_]+)*"
    r"|[^\W\d_][\w]*(?:[-'’.][\w]+)*|--|\S"
)
_SPACE_AND_COUNT_TOKEN = re.compile(rf"(\s*+)({_COUNT_TOKEN.pattern})")


def tokenize_counts(text: str, start: int = 0, end: int | None = None, *, token: type[Token] = Token) -> list[Token]:
    """Like :func:`tokenize`, but a number with thousands separators or decimals is one token.

    ``"at least 24,285 Palestinians"`` gives ``24,285`` as one token, so a count can be read from it.
    Only ``text[start:end]`` is tokenized; offsets index ``text``. ``token`` is the class built for each
    token (a subclass of :class:`Token` taking the same arguments).
    """
    end = len(text) if end is None else end
    out = []
    pos = start
    for space, word in _SPACE_AND_COUNT_TOKEN.findall(text, start, end):  # as in tokenize: offsets from lengths
        a = pos + len(space)
        pos = a + len(word)
        out.append(token(a, pos, word))
    return out

# ---------------------------------------------------------------- noun phrases with their counts
# Noun phrases for measures that read who and how many: a phrase keeps its count and quantity words ("at least
# 24,285 Palestinians", "half a million Syrians", "Seventeen of his friends"), runs over "of" and coordination
# ("civilians and soldiers"), and stops at a word the caller names (``stop``: e.g. a casualty word). Tokens are
# those of :func:`tokenize_counts`. ``group`` names words that end a phrase as its head noun ("hundreds of
# people | brought ...").


def _never(tok: Token) -> bool:
    return False


# ---------------------------------------------------------------- grammar words
NP_BE = frozenset("is are was were be been being am 're 's get gets got gotten getting".split())


NP_HAVE = frozenset("has have had having 've".split())


NP_MODALS = frozenset("will would could can may might should must shall did do does 'll 'd".split())


NP_NEGATIONS = frozenset("not n't never".split())


NP_DETERMINERS = frozenset(
    """a an the this these those its their his her our my your whose some any each every no all both
    another other such""".split()
)


SUBJECT_PRONOUNS = frozenset("it they he she we i you who which that".split())


NP_PRONOUNS = frozenset("it they he she we i you them him us me".split())


NP_RELATIVES = frozenset("that which who whom".split())


NP_PREPOSITIONS = frozenset(
    """in on at by with from to into onto during after before since amid amidst near over under across
    against for as like through throughout without within including inside outside around about
    between among toward towards upon via despite following until till per off out up down along
    beside besides beyond behind below above except than""".split()
)


NP_SUBORDINATORS = frozenset(
    """when where while because although though if unless whereas whether once so yet but or and
    as after before since until that which who whom whose what""".split()
)


# prepositions a subject or antecedent may contain ("people in Gaza", "an attack on a police station")
NP_LINKS = frozenset("of in on at near from inside across".split())


QUANTITY_PREFIXES = (
    ("at", "least"), ("more", "than"), ("fewer", "than"), ("less", "than"), ("up", "to"),
    ("as", "many", "as"), ("as", "few", "as"), ("close", "to"), ("an", "estimated"), ("at", "most"),
    ("nearly",), ("almost",), ("about",), ("around",), ("some",), ("over",), ("roughly",),
    ("approximately",), ("between",), ("an", "additional"), ("another",), ("only",), ("just",), ("perhaps",),
)


#: quantity prefixes that can also come before "every", "all" or "a" in a count ("nearly every", "at least a dozen")
_APPROXIMATORS = frozenset({
    ("at", "least"), ("more", "than"), ("fewer", "than"), ("less", "than"), ("close", "to"), ("nearly",),
    ("almost",), ("roughly",), ("approximately",), ("perhaps",),
})


VAGUE_QUANTITIES = frozenset(
    """hundreds thousands dozens scores tens millions several many numerous countless some few
    number lot lots handful""".split()
)


#: quantifiers before "of" in a victims phrase ("all of the people", "most of them")
OF_QUANTIFIERS = frozenset("all some many most each both several none one any".split())
#: quantifiers that stand alone for people as the subject of a reporting verb ("Some said", "Many say", "Both said")
STANDING_QUANTIFIERS = frozenset("some many most several both few".split())


NONE_WORDS = frozenset("none nobody no-one".split())


TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight overnight
    earlier later last this next recently now then january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    morning evening afternoon night week weekend month year days weeks months years ago""".split()
)


#: months as news writes them short ("Sept. 9", "Jan. 5"): the time words that begin a month's name
_MONTH_ABBREVIATIONS = frozenset(w for w in TIME_WORDS if any(m.startswith(w) and m != w for m in MONTHS))


NP_ADVERBS = frozenset(
    """also reportedly allegedly still already all both just even ever since apparently
    possibly probably likely nearly almost subsequently later earlier then now mostly mainly
    otherwise""".split()
)


# verbs that introduce a complement clause: a subject never reaches back over them
COMPLEMENT_VERBS = frozenset(
    """said say says saying told tell tells telling reported reports announced announces added adds
    estimated estimates confirmed confirms claimed claims believe believes believed think thinks
    thought know knows knew show shows showed shown noted notes stated states warned warns insisted
    insists denied denies acknowledged acknowledges suggested suggests suggest indicated indicates
    according wrote writes write argued argues explained explains asked asks declared declares
    feared fears hoped hopes learned learns found finds revealed reveals estimate announce confirm claim
    add state warn insist deny acknowledge indicate argue explain declare reveal assert asserts asserted
    allege alleges contend contends contended""".split()
)


# common adjectives ending in -ed (an -ed word otherwise ends a noun phrase)
ED_ADJECTIVES = frozenset(
    """alleged suspected armed unarmed unidentified unnamed so-called detained reported coordinated
    targeted sustained renewed continued unprovoked presumed purported unverified wounded injured
    killed dead elderly beloved retired disabled displaced abducted kidnapped besieged occupied
    united organized organised registered confirmed estimated""".split()
)


QUOTE_CHARS = frozenset("\"“”‘’'«»")


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion and dozen""".split()
)


def number_word(low: str) -> bool:
    return all(p in NUMBER_WORDS for p in low.split("-")) and low != "and"


#: common irregular past tenses (a subject or antecedent never reaches back over them)
IRREGULAR_PAST = frozenset(
    """came went took made gave began brought fought held kept met ran saw sent stood struck told won wrote
    fell fled broke chose drew drove flew grew knew rose spoke stole threw sought caught bought felt found
    heard meant paid sold spent became""".split()
)


def verbish(t: Token, prev: Token | None) -> bool:
    """Crude guess that a lower-case word is a finite or participial verb."""
    if not t.is_word or t.is_cap or t.is_number:
        return False
    low = t.low
    if number_word(low):
        return False  # "hundred" is not a past tense
    if low in COMPLEMENT_VERBS or low in NP_BE or low in NP_HAVE or low in NP_MODALS or low in IRREGULAR_PAST:
        return True
    if "-" in low:
        return False
    if low.endswith("ed") and low not in ED_ADJECTIVES and len(low) > 4:
        return not (prev is not None and (prev.low in NP_DETERMINERS or prev.is_number))
    return False


def count_np_word(t: Token, prev: Token | None = None) -> bool:
    """Could this token be part of a noun phrase (det, number, adjective, noun, name)?"""
    if not t.is_word:
        return False
    low = t.low
    if low in NP_PREPOSITIONS or low in NP_SUBORDINATORS or low in NP_BE or low in NP_HAVE or low in NP_MODALS or low in NP_NEGATIONS:
        return low in NP_DETERMINERS
    if t.is_cap and low not in NP_ADVERBS and low not in ("according", "said", "says"):
        return low not in ("it", "they", "he", "she", "we", "i", "you")
    if low in COMPLEMENT_VERBS or low in NP_ADVERBS:
        return False
    if low in ("it", "they", "he", "she", "we", "i", "you"):
        return False
    if not t.is_cap and adverb_in_ly(low) and low not in ("deadly", "bloody", "early"):
        return False
    if verbish(t, prev):
        return False
    return True


def starts_count_np(toks: Sequence[Token], i: int, stop: Callable[[Token], bool] = _never) -> bool:
    """Does a noun phrase (an object) start at token ``i``?"""
    while i < len(toks) and toks[i].low in QUOTE_CHARS:
        i += 1
    if i >= len(toks):
        return False
    t = toks[i]
    if not t.is_word:
        return False
    for pre in QUANTITY_PREFIXES:
        if tuple(x.low for x in toks[i : i + len(pre)]) == pre:
            after = toks[i + len(pre)] if i + len(pre) < len(toks) else None
            # "more than 40", "over 1,000"; but "over his lifetime" is no count
            if after is not None and (after.is_number or number_word(after.low) or after.low == "half"):
                return True
            # "nearly every other member", "almost all", "at least a dozen"; not "over a dispute"
            if after is not None and pre in _APPROXIMATORS and after.low in ("every", "all", "each", "a", "an"):
                return True
    if t.low in TIME_WORDS and not t.low == "this":
        return False
    if t.low in NP_DETERMINERS or t.is_number or number_word(t.low) or t.low in VAGUE_QUANTITIES or t.low in NONE_WORDS:
        return True
    if t.low in NP_PRONOUNS and t.low not in ("it", "they", "he", "she", "we", "i", "you"):
        return True
    if stop(t):
        return False
    return count_np_word(t) and t.low not in NP_PREPOSITIONS


# ---------------------------------------------------------------- phrase walkers
def skip_quotes_back(toks: Sequence[Token], i: int) -> int:
    while i >= 0 and toks[i].low in QUOTE_CHARS:
        i -= 1
    return i


def count_np_before(toks: Sequence[Token], end: int, *, chain: bool = True, through_of: bool = True,
                    stop: Callable[[Token], bool] = _never) -> tuple[int, int] | None:
    """Noun phrase ending at token index ``end`` (inclusive), walking left.

    ``chain`` walks on over linking prepositions ("an attack on a police station"); ``through_of`` over
    "of" ("the mind of | the gunman" stops at "of" without it).
    """
    end = skip_quotes_back(toks, end)
    if end < 0:
        return None
    t = toks[end]
    if t.low in NP_PRONOUNS or t.low in NONE_WORDS:
        return (end, end)
    if not count_np_word(t, toks[end - 1] if end else None) and not t.is_number:
        return None
    i = end
    while i > 0:
        p = toks[i - 1]
        prev = toks[i - 2] if i >= 2 else None
        if p.low in QUOTE_CHARS and i >= 2 and toks[i - 2].is_word:
            # a quote mark inside a noun phrase: ‘Iranian terrorist group’ Jaish
            i -= 1
            continue
        if p.low in ("and", "or", "&"):
            if prev is not None and (prev.is_word and not stop(prev)) and count_np_word(prev, None):
                i -= 1
                continue
            break
        if p.low in ("'s", "'"):
            i -= 1
            continue
        if p.low in NP_LINKS and ((p.low == "of" and through_of) or (chain and p.low != "of")):
            if prev is not None and (count_np_word(prev, None) or (p.low == "of" and prev.low in OF_QUANTIFIERS)) \
                    and not stop(prev):
                i -= 1
                continue
            break
        if p.low == "of" and not through_of:
            break
        if p.low in ("a", "an") and prev is not None and prev.low == "half":
            i -= 2  # "half a million Syrians"
            continue
        # quantity prefixes ("at least 56 Palestinians", "more than 1,300 Israelis")
        matched = False
        for pre in QUANTITY_PREFIXES:
            n = len(pre)
            if i - n >= 0 and tuple(x.low for x in toks[i - n : i]) == pre and (
                    toks[i].is_number or number_word(toks[i].low) or toks[i].low == "half"):
                i -= n
                matched = True
                break
        if matched:
            if i >= 2 and toks[i - 1].low == "of" and count_np_word(toks[i - 2], None):
                i -= 1  # "citizens of | more than 40 countries": keep walking to the head
                continue
            break
        if p.low in NP_DETERMINERS:
            i -= 1
            # a determiner opens its noun phrase: go on only over "of", "and" or a linking preposition
            if prev is None or not ((prev.low == "of" and through_of) or prev.low in ("and", "or", "&", "'s")
                                    or (chain and prev.low in NP_LINKS and prev.low != "of")):
                break
            continue
        if (toks[i].is_number or number_word(toks[i].low)) and p.is_word and not p.is_cap \
                and not number_word(p.low) and p.low not in QUANTITY_WORDS and p.low not in VAGUE_QUANTITIES \
                and not p.low.endswith(("'s", "s'")):
            break  # a count opens its own phrase: "at the church | one person died"
        if count_np_word(p, prev) and not stop(p):
            i -= 1
            continue
        break
    # a leading lower-case verb directly before a name or determiner ("commemorate Soleimani")
    while i < end and leading_verb(toks, i):
        i += 1
    while i < end and toks[i].low in TIME_WORDS:
        i += 1  # "[said] Saturday nine hostages had died"
    if (i < end and i > 0 and toks[i - 1].low == "to" and not toks[i].is_cap and toks[i].low not in NP_DETERMINERS
            and (toks[i + 1].is_cap or toks[i + 1].low in NP_DETERMINERS)):
        i += 1  # an infinitive: "to commemorate Soleimani"
    return (i, end)


def leading_verb(toks: Sequence[Token], i: int) -> bool:
    """A lower-case verb directly before a count or determiner ("left | five women", "commemorate | the")."""
    t = toks[i]
    if t.is_cap or not t.is_word or t.low in NP_DETERMINERS or t.is_number or number_word(t.low):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    if t.low in VAGUE_QUANTITIES or t.low in QUANTITY_WORDS:
        return False
    return nxt.low in NP_DETERMINERS or nxt.is_number or number_word(nxt.low)


QUANTITY_WORDS = frozenset(w for pre in QUANTITY_PREFIXES for w in pre)


def count_np_after(toks: Sequence[Token], start: int, *, stop: Callable[[Token], bool] = _never,
                   group: Callable[[Token], bool] = _never) -> tuple[int, int] | None:
    """Object noun phrase starting at ``start``, walking right."""
    i = start
    while i < len(toks) and toks[i].low in QUOTE_CHARS:
        i += 1
    if not starts_count_np(toks, i, stop):
        return None
    first = i
    # quantity prefix
    for pre in QUANTITY_PREFIXES:
        if tuple(x.low for x in toks[i : i + len(pre)]) == pre:
            i += len(pre)
            break
    last = None
    while i < len(toks):
        t = toks[i]
        prev = toks[i - 1] if i > first else None
        if t.low in ("'s", "'") and last is not None:
            last = i
            i += 1
            continue
        if t.low == "of" and last is not None:
            if i + 1 < len(toks) and starts_count_np(toks, i + 1, stop):
                i += 1
                continue
            break
        if t.low in ("and", "or", "&") and last is not None:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and (
                nxt.is_number or nxt.low in NP_DETERMINERS or nxt.is_cap or number_word(nxt.low)
                or group(nxt) or nxt.low.startswith("pro-")
            ) and not stop(nxt) and count_np_word(nxt, t):
                i += 1
                continue
            break
        if t.low in TIME_WORDS and last is not None and t.is_cap:
            break
        if (last is not None and t.low in ("this", "last", "next", "that", "earlier") and i + 1 < len(toks)
                and toks[i + 1].low in TIME_WORDS):
            break  # "hundreds of Israelis | this month"
        if stop(t) and last is not None:
            break
        if (last is not None and last == i - 1 and group(toks[last]) and t.is_word and not t.is_cap
                and not group(t) and t.low not in ("'s", "and", "or", "of")):
            break  # the victims noun ends the phrase: "hundreds of people | brought ..."
        if t.is_word and (count_np_word(t, prev) or t.low in NP_DETERMINERS or t.low in VAGUE_QUANTITIES or t.low in NONE_WORDS
                          or t.low in NP_PRONOUNS):
            if t.low in NP_PRONOUNS and last is not None:
                break
            last = i
            i += 1
            if t.low in NP_PRONOUNS:
                break
            continue
        break
    if last is None:
        return None
    return (first, last)


def participle_subject(toks: Sequence[Token], before: int) -> tuple[int, int] | None:
    """Subject of the clause that contains token ``before`` (for ", killing ...")."""
    i = before
    while i > 0:
        t = toks[i - 1]
        if t.low in ("who", "which") and i >= 2 and toks[i - 2].low == ",":
            i -= 2  # an inserted relative clause: "A gunman, who police said was angry, opened fire"
            continue
        if t.low in ("and", "but", "as") and i < before and toks[i].low in ("he", "she", "they", "we", "it"):
            break  # the nearest clause with a pronoun subject: "... and they returned fire, leaving"
        if t.low in (";", ":") or (t.low in NP_SUBORDINATORS and t.low not in ("and", "or", "but", "as", "so", "yet")):
            nxt = toks[i] if i < len(toks) else None
            if t.low in ("since", "after", "before", "until") and nxt is not None and (
                    nxt.low in TIME_WORDS or nxt.is_number):
                i -= 1  # a preposition of time, not a clause opener
                continue
            break
        i -= 1
    # skip an opening prepositional or adverbial phrase ("In response, ...")
    j = i
    if j < len(toks) and (toks[j].low in NP_PREPOSITIONS or toks[j].low in NP_ADVERBS or toks[j].low in TIME_WORDS):
        k = j
        while k < before and toks[k].low != ",":
            k += 1
        if k < before:
            i = k + 1
    while i < before and toks[i].low in QUOTE_CHARS:
        i += 1
    if i >= before or toks[i].low in SUBJECT_PRONOUNS - NP_RELATIVES:
        return (i, i) if i < before else None
    # walk right over noun-phrase words
    k = i
    last = None
    while k < before:
        t = toks[k]
        prev = toks[k - 1] if k > i else None
        if t.low in ("'s", "'") or (t.is_word and (count_np_word(t, prev) or t.low in NP_DETERMINERS)):
            if last is not None and t.is_word and not t.is_cap and _verb_after_subject(toks, k):
                break
            last = k
            k += 1
            continue
        if t.low == "of" and last is not None:
            k += 1
            continue
        break
    if last is None:
        return None
    return (i, last)


def _verb_after_subject(toks: Sequence[Token], k: int) -> bool:
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None:
        return False
    return nxt.low in NP_DETERMINERS or nxt.is_number or (nxt.is_cap and not toks[k].is_cap) or nxt.low in QUANTITY_WORDS
