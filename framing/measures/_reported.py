"""Reported speech: whose statement a stretch of narration reports.

``Iraqi officials say their interrogation of captured ISIS fighters ...``,
``... push back ISIS militants in the town, according to sources there.``,
``Between ..., Gerges says the regional war is already here.``: the words
outside the speaker's own noun phrase are the content of the report, and so
the speaker's (as the quotation rules make a quoted word its speaker's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from framing.measures._speakers import resolve_speaker
from framing.text.grammar import Token

__all__ = ["reporting_speaker"]

#: cues that report no content: "showed passion", "asked to have his name withheld"
#: cues whose object is named, not reported: "labeled the militant group X a terrorist organisation"
#: (the designation is the labelling verb's; the description of its object stays the writer's)
_NO_CONTENT = ("show", "label", "brand", "call", "designat", "dub", "describ", "term", "list", "blacklist", "name")
_TO = re.compile(r"\s+to\b", re.IGNORECASE)
_GLOSS = re.compile(r"\s[—–]\s|\s--\s|;")


def reporting_speaker(
    text: str,
    tokens: Sequence[Token],
    starts: np.ndarray,
    cues: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
    span: tuple[int, int],
) -> tuple[int, int] | None:
    """The speaker of the report whose content holds ``span``, or None.

    Parameters
    ----------
    text : str
        The document.
    tokens, starts : sequence of Token, numpy.ndarray
        Its tokens (at least those of ``sentence``) and their start offsets.
    cues : sequence of (int, int)
        Reporting cues (``said``, ``according to``, ...) of the document, in text order.
    sentence : (int, int)
        The sentence holding ``span``.
    span : (int, int)
        The words asked about.

    Returns
    -------
    (int, int) or None
        The speaker's offsets. The content of a cue is everything in the sentence after both the cue and its
        speaker (``officials said ...``, ``according to X, ...``) or before both (``..., X said``); words in
        the speaker's own noun phrase or between speaker and cue are nobody's report. Of several cues the
        innermost one whose content holds ``span`` is taken: the nearest cue before it, else the nearest
        after it ("Iran claimed that ... the militant separatist group ..., a report stating that ..." is
        Iran's); a cue without a named speaker gives none.
    """
    a, b = span
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for cue_start, cue_end in cues:
        if cue_start < sentence[0] or cue_end > sentence[1]:
            continue
        if cue_start < b and a < cue_end:
            return None  # the words are the cue itself
        cue = text[cue_start:cue_end].lower()
        if cue.startswith(_NO_CONTENT) or (_TO.match(text, cue_end) and not cue.endswith(" to")):
            continue  # "showed passion", "asked to have his name withheld": no content reported
        status, who = resolve_speaker(text, tokens, starts, cue_start, cue_end, sentence)
        if status != "ok" or who is None:
            continue
        if who[0] < b and a < who[1]:
            return None  # the words name the speaker ("the armed group said ...")
        lo, hi = min(cue_start, who[0]), max(cue_end, who[1])
        if a >= hi:
            distance = (0, a - hi)
            between = text[hi:a]
        elif b <= lo:
            distance = (1, lo - b)
            between = text[b:lo]
        else:
            continue  # between the speaker and its cue
        if _GLOSS.search(between):
            continue  # "X said ... — a mission aimed at ...": the narrator's gloss after a dash or semicolon
        if best is None or distance < best[0]:
            best = (distance, who)
    return None if best is None else best[1]
