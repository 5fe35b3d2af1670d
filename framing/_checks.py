"""Argument checks shared by every stage: one line at the call site, a :class:`~framing.errors.UsageError`
(exit code 2) whose message names the parameter, what it accepts and the value given (in the spirit of
seaborn's ``_check_argument``)."""

from __future__ import annotations

import numbers
import warnings
from collections.abc import Collection
from typing import Any

from framing.errors import UsageError


def check_option(name: str, value: Any, options: Collection[Any]) -> Any:
    """Return ``value`` if it is one of ``options``; otherwise raise :class:`UsageError`."""
    if value not in options:
        raise UsageError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return value


def check_count(name: str, value: Any, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an integer >= ``minimum`` (not a bool); otherwise raise :class:`UsageError`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        what = "a non-negative integer" if minimum == 0 else f"an integer >= {minimum}"
        raise UsageError(f"{name} must be {what}, got {value!r}")
    return int(value)


def check_positive(name: str, value: Any) -> float:
    """Return ``value`` if it is a number greater than 0 (not a bool); otherwise raise :class:`UsageError`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise UsageError(f"{name} must be a positive number, got {value!r}")
    return float(value)


def check_level(name: str, value: Any) -> float:
    """Return ``value`` if it is a number strictly between 0 and 1 (a confidence level, a share)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value < 1:
        raise UsageError(f"{name} must be a number between 0 and 1 (e.g. 0.95), got {value!r}")
    return float(value)


def renamed(old_name: str, old_value: Any, new_name: str, new_value: Any) -> Any:
    """The value of an argument given under its old name (with a :class:`FutureWarning`), else the new one.

    Functions keep an old spelling for one release as a keyword defaulting to None::

        def agreement(codings, *, n_resamples=1000, n_boot=None):
            n_resamples = renamed("n_boot", n_boot, "n_resamples", n_resamples)
    """
    if old_value is None:
        return new_value
    warnings.warn(f"{old_name}= is now called {new_name}=; the old name will be removed in the next release",
                  FutureWarning, stacklevel=3)
    return old_value


def check_jobs(name: str, value: Any, *, none: bool = False) -> Any:
    """Return ``value`` if it is a number of processes: an integer >= 1, or -1 for every core (or None
    when ``none``); otherwise raise :class:`UsageError`."""
    if (value is None and none) or (not isinstance(value, bool) and isinstance(value, numbers.Integral)
                                     and value == -1):
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise UsageError(f"{name} must be an integer >= 1, or -1 for every core{' (None: one)' if none else ''}; "
                         f"got {value!r}")
    return int(value)
