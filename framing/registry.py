"""The one registry of measures: each measure's name, function, what it requires and the table it produces.

A measure registers itself where it is defined, with :func:`measure` as a decorator (in the spirit of
spaCy's ``Language.component(name, requires=, assigns=)``)::

    @registry.measure("casualties", requires=("annotations", "matches"), produces=schema.CASUALTIES)
    def casualties(corpus, *, ...): ...

The streamed path (:mod:`framing.scale.stream`), Dask (:mod:`framing.scale.dask`), the report and the
command line import the stages whose measures they run, then look them up here with :func:`get`, so what a
runner can run is visible in its imports. The registry imports nothing of the library but the errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from framing.errors import UsageError

__all__ = ["Measure", "get", "measure", "names"]


@dataclass(frozen=True)
class Measure:
    """A registered measure.

    Attributes
    ----------
    name : str
        The name users pass (``framing score --measure NAME``, ``apply_file(..., measure=NAME)``).
    function : callable
        ``function(corpus, **options) -> pandas.DataFrame``.
    requires : tuple of str
        The inputs it can be given instead of computing them (``"annotations"``, ``"matches"``,
        ``"actors"``, ``"lexicons"``); ``"corpus"`` is always needed.
    produces : tuple of str
        The columns of its table (a constant of :mod:`framing.schema` or the measure's module).
    """

    name: str
    function: Callable[..., Any]
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()


_MEASURES: dict[str, Measure] = {}


def measure(name: str, *, requires: Sequence[str] = (), produces: Sequence[str] = ()) -> Callable:
    """Register the decorated function as the measure ``name`` and return it unchanged."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        _MEASURES[name] = Measure(name, function, tuple(requires), tuple(produces))
        return function

    return register


def names() -> list[str]:
    """The names of the measures registered so far (those of the stages imported)."""
    return list(_MEASURES)


def get(name: str) -> Measure:
    """The measure registered as ``name``.

    Raises
    ------
    UsageError
        When no measure of that name is registered; the message lists those that are.
    """
    try:
        return _MEASURES[name]
    except KeyError:
        raise UsageError(f"unknown measure {name!r}; expected one of {sorted(_MEASURES)}") from None
