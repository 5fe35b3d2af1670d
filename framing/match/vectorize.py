"""A scikit-learn transformer that turns texts into lexicon category rates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing import schema
from framing._checks import check_option
from framing.errors import SchemaError

__all__ = ["LexiconVectorizer"]


class LexiconVectorizer(TransformerMixin, BaseEstimator):
    """Lexicon category rates per 1,000 tokens as features, optionally per voice.

    Parameters
    ----------
    lexicons : None, str, list of str/path/Lexicon
        The lexicons (None: every bundled lexicon), as in :func:`framing.find`.
    by_voice : bool, default False
        One feature per category *and* voice (narrator, quote, scare_quote)
        instead of one per category. Needs quote detection, so it is slower.
    negated : {"include", "exclude"}, default "include"
        Whether negated matches count.
    scale : {"per_1k", "count"}, default "per_1k"
        Rates per 1,000 word tokens, or raw counts.

    Attributes
    ----------
    feature_names_out_ : numpy.ndarray of str
        ``lexicon:category`` or ``lexicon:category:voice``.
    n_features_in_ : int
        1 (one text column).

    Notes
    -----
    ``fit`` learns nothing from the data (the lexicons are fixed); it resolves
    the lexicons and fixes the feature names. ``X`` may be a sequence of
    strings, a pandas Series of texts, a one-column array/DataFrame, or a
    corpus DataFrame with a ``text`` column.
    """

    def __init__(
        self,
        *,
        lexicons=None,
        by_voice: bool = False,
        negated: Literal["include", "exclude"] = "include",
        scale: Literal["per_1k", "count"] = "per_1k",
    ) -> None:
        self.lexicons = lexicons
        self.by_voice = by_voice
        self.negated = negated
        self.scale = scale

    # -- helpers -----------------------------------------------------------------
    def _resolved(self):
        from framing.lexicon.load import resolve_lexicons

        lexicons = self.lexicons
        if isinstance(lexicons, tuple):
            lexicons = list(lexicons)
        return resolve_lexicons(lexicons)

    @staticmethod
    def _texts(X) -> list[str]:
        if isinstance(X, pd.DataFrame):
            if "text" in X.columns:
                col = X["text"]
            elif X.shape[1] == 1:
                col = X.iloc[:, 0]
            else:
                raise SchemaError(
                    f"LexiconVectorizer expects texts: a DataFrame with a 'text' column or one column, "
                    f"got columns {list(map(str, X.columns))}"
                )
            values: Iterable = col.tolist()
        elif isinstance(X, str):
            raise SchemaError("LexiconVectorizer expects a sequence of texts, got a single string")
        else:
            arr = np.asarray(X, dtype=object)
            if arr.ndim == 2:
                if arr.shape[1] != 1:
                    raise SchemaError(f"LexiconVectorizer expects one text column, got an array of shape {arr.shape}")
                arr = arr[:, 0]
            elif arr.ndim != 1:
                raise SchemaError(f"LexiconVectorizer expects a 1-d sequence of texts, got shape {arr.shape}")
            values = arr.tolist()
        out = []
        for i, v in enumerate(values):
            if v is None or (isinstance(v, float) and v != v):
                out.append("")
            elif isinstance(v, str):
                out.append(v)
            else:
                raise SchemaError(f"LexiconVectorizer: item {i} is a {type(v).__name__}, expected a text (str)")
        return out

    def _check_params(self) -> None:
        check_option("negated", self.negated, ("include", "exclude"))
        check_option("scale", self.scale, ("per_1k", "count"))

    # -- estimator API -----------------------------------------------------------------
    def fit(self, X, y=None):
        """Resolve the lexicons and fix the feature names; returns self."""
        self._check_params()
        texts = self._texts(X)
        if len(texts) == 0:
            raise SchemaError("LexiconVectorizer.fit: X has no texts (0 samples)")
        lexs = self._resolved()
        names = []
        for lx in lexs:
            for cat in lx.categories:
                if self.by_voice:
                    names.extend(f"{lx.name}:{cat}:{v}" for v in schema.VOICES)
                else:
                    names.append(f"{lx.name}:{cat}")
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X) -> np.ndarray:
        """Category rates (or counts) of each text: an array of shape (n_texts, n_features)."""
        check_is_fitted(self, "feature_names_out_")
        self._check_params()
        texts = self._texts(X)
        n = len(texts)
        if n == 0:
            return np.zeros((0, len(self.feature_names_out_)))
        ids = [str(i) for i in range(n)]
        corpus = pd.DataFrame({"doc_id": ids, "outlet": [""] * n, "text": texts})
        from framing.match.matcher import Matcher

        matcher = Matcher(self._resolved())
        if self.by_voice:
            table = matcher.score(corpus, negated=self.negated)
        else:
            # voice is not needed: every span is narrator, which skips quote detection
            voice = pd.DataFrame({"doc_id": ids, "start": 0, "end": [len(t) for t in texts], "voice": "narrator"})
            table = matcher.score(corpus, voice=voice, negated=self.negated)
        n_cat = len(table) // (n * len(schema.VOICES))
        value = table["rate_per_1k"] if self.scale == "per_1k" else table["count"]
        values = value.to_numpy(dtype=float).reshape(n, n_cat, len(schema.VOICES))
        values = np.nan_to_num(values, nan=0.0)
        if self.by_voice:
            out = values.reshape(n, -1)
        else:
            out = values.sum(axis=2)
        if out.shape[1] != len(self.feature_names_out_):
            raise SchemaError("LexiconVectorizer: the lexicons changed since fit; fit again")
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Feature names: ``lexicon:category`` (or ``lexicon:category:voice``)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.requires_fit = True
        return tags
