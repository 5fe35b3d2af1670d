"""The inputs every measure can be given instead of computing them: lexicon matches and annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing import schema
from framing.errors import SchemaError, UsageError
from framing.lexicon import Lexicon, load_lexicon
from framing.match import find
from framing.text import Annotations, annotate


def as_lexicon(lexicon: Any) -> Lexicon:
    """A :class:`Lexicon` from a bundled name, a path or a Lexicon."""
    return lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)


def lexicon_matches(corpus: pd.DataFrame, lexicons: Sequence[Lexicon], *, matches: pd.DataFrame | None,
                    annotations: Annotations | None) -> pd.DataFrame:
    """The matches of ``lexicons`` in ``corpus``: the rows of ``matches`` when given, else :func:`framing.find`.

    Raises :class:`~framing.errors.SchemaError` when ``matches`` was not made with one of the lexicons.
    """
    names = [lx.name for lx in lexicons]
    if matches is None:
        return find(corpus, lexicons=list(lexicons), annotations=annotations)
    schema.require(matches, schema.MATCHES, what="matches table")
    # the distinct lexicon values, each read as text once (not every row: the column is usually categorical)
    values = pd.unique(matches["lexicon"])
    found = {str(v) for v in values}
    missing = [n for n in names if n not in found]
    if missing and len(matches):
        raise SchemaError(
            f"the matches table has no matches of lexicon(s) {missing}: pass matches from "
            f"framing.find(corpus, lexicons=[..., {', '.join(map(repr, missing))}])"
        )
    return matches[matches["lexicon"].isin([v for v in values if str(v) in names])]


def checked_annotations(corpus: pd.DataFrame, annotations: Annotations | None, *,
                        resolve_pronouns: bool = True) -> Annotations:
    """``annotations`` after checking they are of ``corpus`` (made with ``resolve_pronouns``); made when None."""
    if annotations is None:
        return annotate(corpus, resolve_pronouns=resolve_pronouns)
    if not isinstance(annotations, Annotations):
        raise UsageError(f"annotations must come from framing.annotate(corpus), got {type(annotations).__name__}")
    annotations.check(corpus)
    if annotations.resolve_pronouns != resolve_pronouns:
        raise UsageError(f"the annotations were made with resolve_pronouns={annotations.resolve_pronouns}; "
                         f"annotate again with resolve_pronouns={resolve_pronouns}")
    return annotations


__all__ = ["as_lexicon", "checked_annotations", "lexicon_matches"]
