"""The one place the command line writes from: :func:`echo`."""

from __future__ import annotations

import sys

__all__ = ["echo"]


def echo(message: str, *, err: bool = False) -> None:
    """Write one line of command output: results on stdout, notes (``err``) on stderr.

    The command modules write through this, so the command line is the only
    place that prints; the library returns data and warns.
    """
    print(message, file=sys.stderr if err else sys.stdout)
