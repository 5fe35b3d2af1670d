"""Find lexicon terms in a corpus, with voice and negation; count them per document (:class:`Matcher`).

How matching is carried out (token types, per-thread compiled tables, batches) is described in
:mod:`framing.match.engine`.

Rules
-----
* A term matches a run of tokens, one token per word of the term; the words
  of a phrase may be separated by any whitespace (including line breaks) but
  by nothing else, so punctuation breaks a phrase.
* Case-insensitive unless the term is ``case_sensitive``. Curly and straight
  apostrophes are the same; a word also matches its form with an English
  clitic (``group`` matches ``group's``, whose clitic is then left out of the
  evidence), but a clitic ends a phrase.
* ``exclude`` entries drop every match of their category (and subcategories)
  that lies inside a span they match (``claimed responsibility`` drops
  ``claimed``).
* Within one lexicon, the leftmost-longest match wins and matches do not
  overlap; lexicons are independent. When terms of several categories match
  the same span, the span is reported once per category (as in LIWC); within
  a category the most specific term is named (literal before wildcard).
* **Negation by scope**: a match is ``negated`` when the sentence says that
  what it denotes is not the case: it is the predicate of a negated clause
  ("never *confirmed*", "was not *injured*"), in a noun phrase under *no*,
  *none*, *not one* or *without* ("no *civilian* casualties", "without
  *casualties*"), the predicate of a negative subject ("no one was
  *killed*"), a label a negated verb would give ("did not call them
  *terrorists*", "is not a *terrorist* group"), or what a denial verb denies
  ("refused to call them *terrorists*", "denied that the group was
  *extremist*"). A negation attached to another verb or noun does not reach
  the match ("didn't name the mother who was *killed*", "did not arm Syrian
  *rebels*"), and idioms and focus particles do not negate ("no doubt", "not
  only", "not the first time", "not far from"). The first token of a match
  decides. The rule is :mod:`framing.text.scope`'s, shared by every measure.
* **Modality**: a match is ``hypothetical`` when it is not asserted: in the
  scope of a modal or future ("could be *killed*", "would not *comment*"),
  of a condition ("if they *attack*"), in a clause ending with a question
  mark, a negated imperative, or after *potential* / *possible*.
* **Voice**: the voice of the span containing the first character of the
  match (narrator, quote or scare_quote, from :mod:`framing.text.voice`); the
  sentence is the one containing that character (:mod:`framing.text.sentences`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from framing import registry, schema
from framing._checks import check_count, check_option
from framing.lexicon.load import Lexicon, resolve_lexicons
from framing.match.engine import Engine, compiled, find_all, score_table, texts_of
from framing.text.annotate import Annotations
from framing.text.tokens import n_tokens

__all__ = ["Matcher", "find", "score"]

LexiconsArg = None | str | Path | Lexicon | Iterable[str | Path | Lexicon]
Negated = Literal["include", "exclude", "only"]
NEGATED = ("include", "exclude", "only")
Hypothetical = Literal["include", "exclude", "only"]


def _window_deprecated(negation_window: int | None) -> None:
    """Warn that ``negation_window`` no longer does anything (negation is judged by scope)."""
    if negation_window is None:
        return
    check_count("negation_window", negation_window)
    warnings.warn("negation_window is ignored: negation is now judged by the scope of the clause, not by a "
                  "window of words; the option will be removed in the next release", FutureWarning, stacklevel=3)


class Matcher:
    """Lexicons compiled for matching: :meth:`find`, :meth:`score` and :meth:`lookup` with one object.

    The compiled form (token types, term tables, evidence labels) is kept per thread and reused by every
    call with the same lexicons, so building a ``Matcher`` is cheap and several may share one compilation.
    :func:`find` and :func:`score` are ``Matcher(lexicons).find(...)`` and ``.score(...)``.

    Parameters
    ----------
    lexicons : None, str, Path, Lexicon or a list of them
        None (default) for every bundled lexicon; bundled names, lexicon file paths or
        :class:`~framing.Lexicon` objects otherwise.

    Examples
    --------
    >>> m = Matcher("actor_labels")
    >>> m.lookup("terror group")
    [('actor_labels', 'terrorism', 'terror group')]
    """

    def __init__(self, lexicons: LexiconsArg = None) -> None:
        self.lexicons = resolve_lexicons(lexicons)

    def __repr__(self) -> str:
        return f"Matcher([{', '.join(repr(lx.name) for lx in self.lexicons)}])"

    def _compiled(self) -> Engine:
        return compiled(self.lexicons)

    def find(self, corpus: pd.DataFrame, *, annotations: Annotations | None = None,
             negation_window: int | None = None, progress: Callable[[int], None] | None = None,
             sentences: pd.DataFrame | None = None, voice: pd.DataFrame | None = None) -> pd.DataFrame:
        """Every match in every document: see :func:`find`."""
        _window_deprecated(negation_window)
        return self._find(corpus, annotations, sentences, voice, progress)[0]

    def score(self, corpus: pd.DataFrame, *, matches: pd.DataFrame | None = None,
              annotations: Annotations | None = None, negated: Negated = "include",
              hypothetical: Hypothetical = "include", negation_window: int | None = None,
              progress: Callable[[int], None] | None = None,
              sentences: pd.DataFrame | None = None, voice: pd.DataFrame | None = None) -> pd.DataFrame:
        """Counts per document x category x voice: see :func:`score`."""
        check_option("negated", negated, NEGATED)
        check_option("hypothetical", hypothetical, NEGATED)
        _window_deprecated(negation_window)
        schema.require(corpus, schema.CORPUS, what="corpus")
        if matches is None:
            found, n_tok = self._find(corpus, annotations, sentences, voice, progress)
        else:
            schema.require(matches, schema.MATCHES, what="matches table")
            found, n_tok = matches, n_tokens(texts_of(corpus))
        return score_table(corpus, self._compiled(), found, n_tok, negated, hypothetical)

    def find_and_score(self, corpus: pd.DataFrame, *, annotations: Annotations | None = None,
                       negated: Negated = "include", hypothetical: Hypothetical = "include",
                       negation_window: int | None = None,
                       progress: Callable[[int], None] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The matches and the scores of a corpus, matching and counting tokens once: ``(matches, scores)``."""
        check_option("negated", negated, NEGATED)
        check_option("hypothetical", hypothetical, NEGATED)
        _window_deprecated(negation_window)
        found, n_tok = self._find(corpus, annotations, None, None, progress)
        return found, score_table(corpus, self._compiled(), found, n_tok, negated, hypothetical)

    def _find(self, corpus, annotations, sentences, voice, progress):
        if annotations is not None:
            annotations.check(corpus)
            sentences, voice = annotations.sentences, annotations.voice
        return find_all(corpus, self._compiled(), sentences=sentences, voice=voice, progress=progress)

    def lookup(self, text: str | Sequence[str]) -> list[tuple[str, str, str]]:
        """Test one word or phrase against the lexicons.

        Parameters
        ----------
        text : str or sequence of str
            A word or phrase (``"terror group"``), or its tokens.

        Returns
        -------
        list of (lexicon, category, term)
            Every category with a term that matches the *whole* sequence, with the term as written in the
            file (the most specific term per category); empty if none matches or an ``exclude`` entry covers it.
        """
        if not isinstance(text, str):
            text = " ".join(text)
        eng = self._compiled()
        toks = eng.scanner.scan(text)
        eng._update_types()
        n = toks.type_id.size
        if n == 0:
            return []
        c = eng.apply_excludes(eng.candidates(toks.type_id))
        whole = (c.start_tok == 0) & (c.end_tok == n) & (c.trim == 0)
        best: dict[int, tuple[int, str]] = {}
        for term in c.term[whole]:
            key = int(eng.term_cat[term])
            spec = int(eng.term_spec[term])
            if key not in best or spec > best[key][0]:
                best[key] = (spec, eng.terms[term].text)
        return [(self.lexicons[li].name, self.lexicons[li].categories[name].name, best[g][1])
                for g, (li, name) in enumerate(eng.cat_names) if g in best]


@registry.measure("find", requires=("lexicons", "annotations"), produces=schema.MATCHES)
def find(
    corpus: pd.DataFrame,
    lexicons: LexiconsArg = None,
    *,
    annotations: Annotations | None = None,
    sentences: pd.DataFrame | None = None,
    voice: pd.DataFrame | None = None,
    negation_window: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Every lexicon term found in every document, with its voice, negation and modality.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text`` (see :func:`framing.read_corpus`).
    lexicons : None, str, Path, Lexicon or a list of them
        None (default) for every bundled lexicon; bundled names, lexicon
        file paths (YAML, quanteda YAML, LIWC ``.dic``) or :class:`~framing.Lexicon`
        objects otherwise.
    annotations : Annotations, optional
        The sentences and voice of this corpus from :func:`framing.annotate`; computed when omitted.
    sentences : pandas.DataFrame, optional
        A table from :func:`framing.sentences` for this corpus (when ``annotations`` is not given).
    voice : pandas.DataFrame, optional
        A table from :func:`framing.voice` for this corpus (when ``annotations`` is not given).
    negation_window : int, optional
        Deprecated and ignored (a :class:`FutureWarning` says so): negation is
        judged by the scope of the clause (see the module documentation).
    progress : callable, optional
        Called with the number of documents processed after each batch
        (the command line uses it for its progress bar).

    Returns
    -------
    pandas.DataFrame
        One row per match, ordered by document (corpus order) and offset:
        ``doc_id`` (str), ``outlet`` (str), ``sentence_id`` (int, 0-based, as
        in :func:`framing.sentences`), ``start``, ``end`` (int character offsets
        into the document text, end exclusive, ``text[start:end] == match``),
        ``match`` (str, the evidence), ``lexicon`` (str, lexicon name),
        ``category`` (str, dotted full category name within the lexicon),
        ``term`` (str, the lexicon entry as written), ``voice`` (str:
        ``narrator``, ``quote`` or ``scare_quote``), ``negated`` (bool: the
        sentence says that what the match denotes is not the case) and
        ``hypothetical`` (bool: the match is in a question, a condition, a
        modal or future, a demand or a hypothetical, not an assertion).
        The string columns are pandas categoricals (string categories) and
        ``sentence_id``, ``start`` and ``end`` are 32-bit integers (64-bit if a
        document has 2**31 characters or more), so that a large lexicon's
        millions of matches stay small in memory; ``.astype(str)`` gives
        plain strings. A document without matches
        has no rows (its zeros are in :func:`score`).

    Raises
    ------
    framing.errors.SchemaError
        If the corpus lacks a required column.
    framing.errors.LexiconError
        If a lexicon is invalid.
    """
    return Matcher(lexicons).find(corpus, annotations=annotations, sentences=sentences, voice=voice,
                                  negation_window=negation_window, progress=progress)


@registry.measure("score", requires=("lexicons", "annotations", "matches"), produces=schema.SCORES)
def score(
    corpus: pd.DataFrame,
    lexicons: LexiconsArg = None,
    *,
    matches: pd.DataFrame | None = None,
    annotations: Annotations | None = None,
    sentences: pd.DataFrame | None = None,
    voice: pd.DataFrame | None = None,
    negated: Negated = "include",
    hypothetical: Hypothetical = "include",
    negation_window: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Count lexicon matches per document, category and voice.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``outlet`` and ``text``.
    lexicons : None, str, Path, Lexicon or a list of them
        As in :func:`find` (None: every bundled lexicon).
    matches : pandas.DataFrame, optional
        The output of :func:`find` for this corpus and these lexicons, to
        avoid matching twice; computed when omitted.
    annotations : Annotations, optional
        Passed to :func:`find` (from :func:`framing.annotate`).
    sentences, voice : pandas.DataFrame, optional
        Passed to :func:`find`.
    negated : {"include", "exclude", "only"}, default "include"
        Whether negated matches are counted ("did not call them terrorists"):
        all, none, or only they.
    hypothetical : {"include", "exclude", "only"}, default "include"
        Whether hypothetical matches are counted ("could be called terrorists",
        "if they attack"), so that asserted and hypothetical framing can be
        counted separately.
    negation_window : int, optional
        Deprecated and ignored.
    progress : callable, optional
        Called with the number of documents processed after each batch.

    Returns
    -------
    pandas.DataFrame
        One row for every document x category x voice, zeros included, in
        corpus, lexicon, category and voice order: ``doc_id`` (str),
        ``outlet`` (str), ``lexicon`` (str), ``category`` (str, dotted full
        name; a parent category counts the matches of all its
        subcategories), ``voice`` (str: narrator, quote, scare_quote),
        ``count`` (int), ``n_tokens`` (int: word tokens in the whole
        document, from :func:`framing.tokens.count_tokens`, the same for the
        three voices) and ``rate_per_1k`` (float: ``1000 * count /
        n_tokens``; NaN for a document with no tokens).
    """
    return Matcher(lexicons).score(corpus, matches=matches, annotations=annotations, sentences=sentences,
                                   voice=voice, negated=negated, hypothetical=hypothetical,
                                   negation_window=negation_window, progress=progress)
