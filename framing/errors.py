"""The library's documented errors.

Every error the library raises on bad input is a :class:`FramingError`, so a
caller can catch one type. Each carries the exit code the command line uses.
Messages name the file, the line or column and what was expected.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class of every error the library raises on bad input."""

    exit_code = 1


class SchemaError(FramingError, ValueError):
    """A table is missing a required column or has a wrong value in one."""

    exit_code = 4


class CorpusError(FramingError, ValueError):
    """A corpus file or table cannot be read as a corpus."""

    exit_code = 4


class LexiconError(FramingError, ValueError):
    """A lexicon file is malformed or fails validation."""

    exit_code = 4


class ModelError(FramingError, ValueError):
    """A saved model cannot be loaded safely."""

    exit_code = 4


class InputNotFoundError(FramingError, FileNotFoundError):
    """A path given by the user does not exist or cannot be read."""

    exit_code = 3


class UsageError(FramingError, ValueError):
    """An option has a value the library cannot use (an unknown output format, a bad number of jobs)."""

    exit_code = 2


class StatisticsError(FramingError, ValueError):
    """A comparison cannot be computed from the given table."""

    exit_code = 4


class OutputError(FramingError, OSError):
    """An output cannot be written: a folder where a file is expected, a folder that cannot be
    written, or an output another run is writing at the same time."""

    exit_code = 3
