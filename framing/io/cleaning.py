"""Cleaning site boilerplate out of news text: named line rules (``DEFAULT_PATTERNS``), each removed line kept
in the ``removed`` column and the text as read in ``raw_text``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from framing import schema
from framing.errors import CorpusError

__all__ = ["DEFAULT_PATTERNS", "SITE_CREDIT", "clean_corpus", "clean_text", "removed_lines"]

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"

#: Default boilerplate rules: name -> regular expression matched against a whole
#: line (leading and trailing white space ignored). A line that matches is removed.
DEFAULT_PATTERNS: dict[str, str] = {
    # "Read More: …", "READ MORE: …", "Also read: …", "Related: …" links
    "read_more": r"(?i:read\s+more|also\s+read|related|recommended|see\s+also)\s*[:»|-].*",
    # embed shortcodes such as [time-brightcove not-tgx="true"]
    "embed_tag": r"\[[a-z][\w-]*(?:\s[^\[\]]*)?\]",
    # comment prompts
    "comment_prompt": r"(?i:leave a comment|add a comment|comments?|join the conversation|"
    r"\d+\s+comments?|show comments?)",
    # "Short link:" footers (with or without the link)
    "short_link": r"(?i:short\s*link)\s*:.*",
    # "Source » timesofisrael" footers
    "source_footer": r"(?i:source)\s*».*",
    # photo captions and credits
    "photo_credit": r".*(?:(?i:photo|image|picture)\s+(?i:courtesy|credit)(?:\s+of)?\b.*"
    r"|\((?i:photo|image|file photo)[:/ ][^)]*\)|^(?i:photo|image|file photo|photograph)\s*:.*)",
    # dateline lines such as "AFP , Wednesday 17 Jan 2024"
    "dateline": rf"[A-Z][\w.&'’ -]{{0,40}}\s*[,|–—-]\s*{_DATE}(?:\s+\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?.*)?",
    # copyright and rights lines
    "copyright": r"(?i:(?:copyright\s*)?©\s*(?:\d{4}|[\w .,-]{0,60}\d{4}).*|copyright\s+\d{4}\b.*|.*all rights reserved\.?)",
    # newsletter and subscription prompts
    "newsletter": r"(?i:(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox|updates)\b.*|.*delivered to your inbox\b.*)",
    # advertising slots
    "advertisement": r"(?i:advertisement:?|sponsored(?: content)?|(?:advertisement\s+)?(?:story\s+)?continue[sd]?\s+"
    r"(?:reading the main story|below)|story continues below(?: advertisement)?)",
    # "Click here …" and app prompts
    "click_here": r"(?i:click here\b.*)",
    # social-media follow prompts
    "follow_prompt": r"(?i:(?:follow|join) (?:us|@\w+)\b.{0,60}|follow @\w+.*)",
    # media player and gallery furniture
    "media_furniture": r"(?i:photo|photos|video|image|close|youtube|slideshow\s*\(\d+ images?\)|enlarge this image\b.*"
    r"|(?:next|prev(?:ious)?) image \d+ of \d+|image copyright\b.*|(?:hide|toggle) caption\b.*)",
    # "More On This...", "More:"
    "more_links": r"(?i:more(?: on this)?\s*(?:\.\.\.|…|:))",
    # separator lines: "___", "***", "----"
    "separator": r"[_*=~#•·-]{3,}",
    # relative timestamps of a page: "6 years ago", "This article is more than 1 year old"
    "timestamp": r"(?i:\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago|this article is more than \d+ \w+ old)",
    # editor's notes such as "*This story was edited by Ahram Online"
    "editor_note": r"\*?(?i:this (?:story|article|report) (?:was|has been) (?:edited|updated|corrected|amended))\b.*",
}

#: A leading site credit that opens a paragraph, "(Cupventi.com) – ", removed from its line.
SITE_CREDIT = re.compile(r"^\s*\((?:[\w-]+\.)+[a-z]{2,}\)\s*[–—-]+\s*")

_CAPTION_RULES = ("photo_credit",)
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_REMOVED_ENTRY = re.compile(r"^line (\d+) \[([^\]]+)\] (.*)$")


@dataclass(frozen=True)
class _Removal:
    line: int  # 1-based line number in the raw text
    rule: str
    text: str

    def entry(self) -> str:
        return f"line {self.line} [{self.rule}] {self.text}"


def _fold(s: str) -> str:
    return " ".join(s.translate(_QUOTE_FOLD).casefold().split())


#: Default rules that can match anywhere in a line (``.*`` before their text), with words one of which a
#: matching line contains (in lower case): a line without any of them is not tried against the rule, which
#: saves scanning every paragraph with it. Only used while the rule's pattern is the default one.
_WORDS_NEEDED: dict[str, tuple[str, ...]] = {
    "photo_credit": ("photo", "image", "picture"),
    "copyright": ("©", "copyright", "all rights reserved"),
    "newsletter": ("sign up", "subscribe", "delivered to your inbox"),
}
#: characters that a case-insensitive pattern letter of those words matches but that do not lower-case to it
#: (long s, dotless i, dotted capital I): a line holding one is tried against every rule
_CASE_SPECIAL = re.compile("[\u017f\u0131\u0130]")


def _case_special(s: str) -> bool:
    """Whether ``s`` holds a character of :data:`_CASE_SPECIAL` (three substring tests: far quicker than a
    search with the character class)."""
    return "\u017f" in s or "\u0131" in s or "\u0130" in s


@dataclass(frozen=True)
class _Step:
    """One test of a line: a pattern, the rule names of its alternatives (``r0``, ``r1``... groups) or of the
    pattern itself, and the words one of which the line needs for the test to be worth running."""

    rx: re.Pattern[str]
    names: tuple[str, ...]
    words: tuple[str, ...] = ()


_COMPILED: dict[tuple[tuple[tuple[str, str], ...], frozenset[str]], list[_Step]] = {}


def _compile(patterns: Mapping[str, str], skip: frozenset[str] = frozenset()) -> list[_Step]:
    """The rules as steps tried in order. Consecutive default rules anchored at the line start run as one
    pattern of alternatives (the first alternative that matches the whole line is the first such rule);
    a rule that is not a default one runs on its own, so its flags and groups stay as written.

    ``skip`` names default rules of :data:`_WORDS_NEEDED` left out because the document holds none of their
    words: no line of it can match them, and the default rules around them then run as one pattern."""
    key = tuple(patterns.items())
    steps = _COMPILED.get((key, skip))
    if steps is not None:
        return steps
    for name, pattern in key:
        try:
            re.compile(rf"(?:{pattern})\Z")
        except re.error as exc:
            raise CorpusError(f"cleaning pattern {name!r} is not a valid regular expression: {exc}") from None
    steps = []
    run: list[tuple[str, str]] = []

    def close_run() -> None:
        if run:
            alternatives = "|".join(f"(?P<r{k}>(?:{pattern})\\Z)" for k, (_, pattern) in enumerate(run))
            steps.append(_Step(re.compile(alternatives), tuple(name for name, _ in run)))
            run.clear()

    for name, pattern in key:
        default = pattern == DEFAULT_PATTERNS.get(name)
        if default and name in skip:
            continue
        if default and name not in _WORDS_NEEDED:
            run.append((name, pattern))
            continue
        close_run()
        steps.append(_Step(re.compile(rf"(?:{pattern})\Z"), (name,), _WORDS_NEEDED.get(name, ()) if default else ()))
    close_run()
    if len(_COMPILED) < 64:
        _COMPILED[(key, skip)] = steps
    return steps


def _skipped_rules(raw: str, patterns: Mapping[str, str]) -> frozenset[str]:
    """The default rules of :data:`_WORDS_NEEDED` that no line of ``raw`` can match: the document (in lower
    case) holds none of their words. None is skipped when a character of :data:`_CASE_SPECIAL` is present."""
    if _case_special(raw):
        return frozenset()
    low = raw.lower()
    return frozenset(name for name, words in _WORDS_NEEDED.items()
                     if patterns.get(name) == DEFAULT_PATTERNS[name] and not any(word in low for word in words))


def _first_rule(line: str, steps: list[_Step]) -> str | None:
    """The name of the first rule that matches the whole (stripped) ``line``, or None."""
    low: str | None = ""  # "": not computed yet (only a step with words needs it)
    for step in steps:
        if step.words:
            if low == "":
                low = None if _case_special(line) else line.lower()
            if low is not None:
                for word in step.words:
                    if word in low:
                        break
                else:
                    continue  # the line has none of the words the rule needs
        m = step.rx.match(line)
        if m is not None:
            return step.names[0] if m.lastgroup is None else step.names[int(m.lastgroup[1:])]
    return None


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    patterns: Mapping[str, str] | None = None,
) -> tuple[str, list[_Removal]]:
    """Remove site boilerplate lines from one document.

    Parameters
    ----------
    raw : str
        The document as read.
    title : str, optional
        The title from the metadata; a first non-empty line that repeats it is removed.
    patterns : mapping of str to str, optional
        Rule name -> regular expression matched against a whole line. Defaults to
        :data:`DEFAULT_PATTERNS`; pass ``{**DEFAULT_PATTERNS, "mine": r"..."}`` to extend it.

    Returns
    -------
    text : str
        The cleaned text. Runs of blank lines left behind are folded to one blank line,
        and leading and trailing white space is removed.
    removed : list
        One record per removed piece with ``line`` (1-based line in ``raw``), ``rule`` and ``text``.
    """
    patterns = DEFAULT_PATTERNS if patterns is None else patterns
    rules = _compile(patterns, _skipped_rules(raw, patterns))
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    keep: list[str | None] = list(lines)
    removed: list[_Removal] = []
    title_key = _fold(title) if isinstance(title, str) and title.strip() else None
    first_content = next((i for i, ln in enumerate(lines) if ln.strip()), None)

    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if title_key is not None and i == first_content and _fold(stripped) == title_key:
            removed.append(_Removal(i + 1, "title", stripped))
            keep[i] = None
            continue
        rule = _first_rule(stripped, rules)
        if rule is not None:
            removed.append(_Removal(i + 1, rule, stripped))
            keep[i] = None
            # image alt text: a short unpunctuated line right before a caption/credit
            if rule in _CAPTION_RULES and i > 0:
                prev = keep[i - 1]
                if prev is not None and _is_alt_text(prev):
                    removed.insert(len(removed) - 1, _Removal(i, "photo_alt_text", prev.strip()))
                    keep[i - 1] = None
            continue
        credit = SITE_CREDIT.match(line)
        if credit:
            removed.append(_Removal(i + 1, "site_credit", credit.group(0).strip()))
            keep[i] = line[credit.end():]

    text = "\n".join(ln for ln in keep if ln is not None)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()
    removed.sort(key=lambda r: r.line)
    return text, removed


def _is_alt_text(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 5 and s[-1:] not in ".!?:;\"”’'"


def removed_lines(corpus: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed, one row per removed line.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus read with cleaning on (it has a ``removed`` column).

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (document), ``line`` (1-based line number in ``raw_text``),
        ``rule`` (the boilerplate rule that matched, or ``title`` / ``site_credit`` /
        ``photo_alt_text``) and ``text`` (what was removed).
    """
    schema.require(corpus, ("doc_id", "removed"), what="corpus")
    rows = []
    for doc_id, removed in zip(corpus["doc_id"], corpus["removed"]):
        if not isinstance(removed, str) or not removed:
            continue
        for entry in removed.split("\n"):
            m = _REMOVED_ENTRY.match(entry)
            if m:
                rows.append((doc_id, int(m.group(1)), m.group(2), m.group(3)))
    return pd.DataFrame(rows, columns=list(schema.REMOVED)).astype({"line": "int64"})


def clean_corpus(
    corpus: pd.DataFrame,
    *,
    patterns: Mapping[str, str] | None = None,
    keep_raw: bool = True,
) -> pd.DataFrame:
    """Clean boilerplate out of every document of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (``doc_id``, ``outlet``, ``text``; a ``title`` column is used to drop a repeated title line).
        If it was cleaned before (it has ``raw_text``), cleaning starts again from ``raw_text``.
    patterns : mapping of str to str, optional
        Boilerplate rules (see :func:`clean_text`).
    keep_raw : bool
        Keep the text as read in a ``raw_text`` column (default).

    Returns
    -------
    pandas.DataFrame
        A new corpus: ``text`` cleaned, ``removed`` listing what was taken out
        (see :func:`removed_lines`), ``raw_text`` the text as read; other columns unchanged.
    """
    schema.require(corpus, schema.CORPUS, what="corpus")
    source = corpus["raw_text"] if "raw_text" in corpus.columns else corpus["text"]
    titles = corpus["title"] if "title" in corpus.columns else [None] * len(corpus)
    texts, logs = [], []
    # (tolist: one conversion of a text column, not one Arrow scalar per document)
    for raw, title in zip(source.tolist(), titles.tolist() if isinstance(titles, pd.Series) else titles):
        text, removed = clean_text(raw, title=title if isinstance(title, str) else None, patterns=patterns)
        texts.append(text)
        logs.append("\n".join(r.entry() for r in removed))
    out = corpus.copy()
    if keep_raw:
        # a text column is kept as it is (not converted to Python strings and back)
        out["raw_text"] = (source.copy() if str(source.dtype) == "str"
                           else pd.Series(list(source), index=corpus.index, dtype="str"))
    elif "raw_text" in out.columns:
        out = out.drop(columns="raw_text")
    # typed, so that a corpus of no documents still has text columns (an empty list would be float)
    out["text"] = pd.Series(texts, index=corpus.index, dtype="str")
    out["removed"] = pd.Series(logs, index=corpus.index, dtype="str")
    return out
