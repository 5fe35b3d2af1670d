"""The ``framing`` command line.

Each command group lives in its own module under :mod:`framing.commands` and
exposes ``register(subparsers)``; this module only wires them together and turns
the library's errors into one-line messages and documented exit codes:

====  =====================================================
code  meaning
====  =====================================================
0     success
1     the analysis failed (a :class:`~framing.errors.FramingError`)
2     wrong command-line usage (unknown option, missing argument)
3     an input path does not exist or cannot be read
4     an input file is malformed (wrong format, missing column, bad lexicon)
====  =====================================================

``--debug`` shows the full traceback instead of the one-line message.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from framing import __version__
from framing.errors import FramingError

#: command modules in :mod:`framing.commands`, each with ``register(subparsers)``
COMMAND_MODULES = ("score", "lexicon")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Source-bias and framing analysis of news.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"framing.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FramingError as exc:
        if args.debug:
            raise
        print(f"framing: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except FileNotFoundError as exc:
        if args.debug:
            raise
        print(f"framing: error: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
