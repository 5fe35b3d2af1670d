"""Out-of-fold refits of one design under many label permutations, made cheap.

Label-free features (TF-IDF, lexicon rates) are computed once per fold. What
changes between permutations is only the labels, so the refit is chosen to be
cheap for a fixed design:

- **ridge** (the default of :func:`framing.distinguishability`): a ridge
  classifier (least squares on +1/-1 class indicators, with intercept, as
  :class:`sklearn.linear_model.RidgeClassifier`) is linear in the labels. Its
  out-of-fold scores are ``M @ Y`` with ``M = K_te,c (K_c + alpha I)^-1 H +
  1/n`` built once per fold from the (centred) kernel ``K = F F^T`` of the
  fold's features. Every permutation is then one small matrix product
  (``n_test x n_train x n_classes`` multiply-adds), and a batch of
  permutations is one BLAS call.
- **logistic**: the classifier's logistic regression is refitted per fold and
  permutation (slow; the procedure of earlier versions), in parallel.

Permutations are drawn from one seed per permutation (``SeedSequence.spawn``),
so a result does not depend on ``n_jobs`` or on how permutations are batched.
The sequential Monte Carlo test of Besag & Clifford (1991) stops once ``h``
permuted scores have reached the observed one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import scipy.linalg
import scipy.sparse as sp

__all__: list[str] = []

#: columns of a fold's feature matrix with at least this share of non-zero rows go through dense BLAS
_DENSE_SHARE = 0.05
#: dense columns handled per BLAS call (bounds the memory of the dense slab)
_DENSE_CHUNK = 2048


# --------------------------------------------------------------------------- progress and processes


@contextmanager
def progress_bar(total: int, desc: str, progress: bool | None) -> Iterator[Any]:
    """A tqdm bar on standard error: shown when ``progress`` is True, or when None and stderr is a terminal."""
    import sys

    from tqdm.auto import tqdm

    bar = tqdm(total=total, desc=desc, disable=None if progress is None else not progress, file=sys.stderr,
               leave=False)
    try:
        yield bar
    finally:
        bar.close()


def parallel_map(fn: Callable, items: Sequence, n_jobs: int | None, bar: Any = None) -> list:
    """``[fn(*item) for item in items]`` on ``n_jobs`` processes (joblib, loky), in order, ticking ``bar``."""
    from joblib import Parallel, delayed

    if n_jobs in (None, 1) or len(items) <= 1:
        out = []
        for item in items:
            out.append(fn(*item))
            if bar is not None:
                bar.update(1)
        return out
    out = []
    for result in Parallel(n_jobs=n_jobs, return_as="generator")(delayed(fn)(*item) for item in items):
        out.append(result)
        if bar is not None:
            bar.update(1)
    return out


# --------------------------------------------------------------------------- permutations


def permutation_rngs(seed: int | None, n: int) -> tuple[list[np.random.Generator], np.random.Generator]:
    """One generator per permutation and one for the bootstrap, all from ``seed``."""
    perm_ss, boot_ss = np.random.SeedSequence(seed).spawn(2)
    return [np.random.default_rng(s) for s in perm_ss.spawn(n)], np.random.default_rng(boot_ss)


def besag_clifford(exceed: np.ndarray, h: int | None) -> tuple[int, np.ndarray]:
    """Where the sequential test stops, and each metric's p-value.

    Parameters
    ----------
    exceed : ndarray of bool, shape (n_run, n_metrics)
        Whether permutation ``i`` scored at least the observed value, per metric.
    h : int or None
        Stop a metric at its ``h``-th exceedance (None: never stop early).

    Returns
    -------
    n_used : int
        Permutations needed (the last stop; ``n_run`` when some metric never stopped).
    p : ndarray
        ``h / L`` for a metric stopped at permutation ``L``, else ``(1 + G) / (1 + n_run)``
        with ``G`` its exceedances.
    """
    n_run, m = exceed.shape
    p = np.empty(m)
    stops = []
    for j in range(m):
        hits = np.flatnonzero(exceed[:, j])
        if h is not None and len(hits) >= h:
            stop = int(hits[h - 1]) + 1
            p[j] = h / stop
            stops.append(stop)
        else:
            p[j] = (1 + len(hits)) / (1 + n_run)
            stops.append(n_run)
    return (max(stops) if stops else n_run), p


# --------------------------------------------------------------------------- the ridge refit in closed form


def gram(F: Any) -> np.ndarray:
    """``F @ F.T`` as a dense array, for a sparse ``F`` with a few very common columns.

    Columns present in many rows make a sparse product quadratic in their
    counts; they go through dense BLAS in slabs, the rest stay sparse.
    """
    F = sp.csr_array(F) if sp.issparse(F) else F
    if not sp.issparse(F):
        D = np.asarray(F, dtype=float)
        return D @ D.T
    n = F.shape[0]
    df = np.bincount(F.indices, minlength=F.shape[1])
    common = np.flatnonzero(df >= max(2, _DENSE_SHARE * n))
    rare = np.flatnonzero(df < max(2, _DENSE_SHARE * n))
    K = np.asarray((F[:, rare] @ F[:, rare].T).toarray(), dtype=float) if len(rare) else np.zeros((n, n))
    Fc = sp.csc_array(F[:, common]) if len(common) else None
    for s in range(0, len(common), _DENSE_CHUNK):
        slab = Fc[:, s:s + _DENSE_CHUNK].toarray()
        K += slab @ slab.T
    return K


def ridge_smoother(K: np.ndarray, n_train: int, alpha: float) -> np.ndarray:
    """The matrix ``M`` with out-of-fold ridge scores ``M @ Y`` for any targets ``Y`` of the training rows.

    ``K`` is the kernel of the training rows followed by the test rows. The
    ridge fit with intercept is ``min ||Y - F w - 1 b||^2 + alpha ||w||^2``:
    with ``H`` the centring matrix, its test scores are
    ``K_te,c (K_c + alpha I)^-1 H Y + 1 mean(Y)``.
    """
    Ktr = K[:n_train, :n_train]
    Kte = K[n_train:, :n_train]
    col = Ktr.mean(axis=0)
    grand = col.mean()
    Kc = Ktr - col[None, :] - col[:, None] + grand
    Kte_c = Kte - Kte.mean(axis=1, keepdims=True) - col[None, :] + grand
    A = Kc + alpha * np.eye(n_train)
    S = scipy.linalg.solve(A, Kte_c.T, assume_a="pos").T  # K_te,c A^-1 (A is symmetric)
    return S - S.mean(axis=1, keepdims=True) + 1.0 / n_train


def indicator_targets(codes: np.ndarray, k: int) -> np.ndarray:
    """+1 / -1 class indicators, shape (n, k), as scikit-learn's RidgeClassifier codes its targets."""
    Y = -np.ones((len(codes), k))
    Y[np.arange(len(codes)), codes] = 1.0
    return Y


def ridge_predict(M: np.ndarray, train_codes: np.ndarray, k: int) -> np.ndarray:
    """Predicted class codes on a fold's test rows, for a batch of training label vectors.

    ``train_codes`` has shape (B, n_train); the result has shape (B, n_test).
    Ties go to the first class, as ``argmax`` in scikit-learn does.
    """
    B, n_train = train_codes.shape
    Y = -np.ones((n_train, B, k))
    Y[np.arange(n_train)[:, None], np.arange(B)[None, :], train_codes.T] = 1.0
    scores = (M @ Y.reshape(n_train, B * k)).reshape(M.shape[0], B, k)
    if k == 2:  # one decision function, as scikit-learn: the second class when its score is > 0
        return (scores[:, :, 1] - scores[:, :, 0] > 0).astype(np.int64).T
    return np.argmax(scores, axis=2).T
