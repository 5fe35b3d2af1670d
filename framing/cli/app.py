"""The ``framing`` command line.

Each command group lives in its own module of :mod:`framing.cli` and
exposes ``register(subparsers)``; this module only wires them together and turns
the library's errors into one-line messages and documented exit codes:

====  =====================================================
code  meaning
====  =====================================================
0     success
1     the analysis failed (an unexpected error, or a :class:`~framing.errors.FramingError`
      that is not about the input)
2     wrong command-line usage (unknown option, missing argument, an output that is the input)
3     a path does not exist or cannot be read or written (or another run is writing the same output)
4     an input file is malformed (wrong format, missing column, bad lexicon, bad model file)
129   stopped by SIGHUP (the terminal was closed)
130   interrupted (Ctrl-C)
143   stopped by SIGTERM (``kill``, a cluster scheduler's time limit, ``timeout``)
====  =====================================================

An interrupted run leaves no temporary file, lock or worker process behind, and any
earlier output in place.

``--debug`` shows the full traceback instead of the one-line message.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from framing import __version__
from framing.errors import FramingError

class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command registered."""
    parser = _Parser(
        prog="framing",
        description="Source-bias and framing analysis of news.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    from framing.cli import lexicon, report, score, study

    for module in (score, lexicon, report, study):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from framing._signals import exit_code, terminate_as_interrupt

    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings(), terminate_as_interrupt():  # SIGTERM / SIGHUP clean up like Ctrl-C
        if not args.debug:  # one line per warning, without the library's source line
            warnings.showwarning = _show_warning
        try:
            return int(args.func(args) or 0)
        except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM or SIGHUP: temporary files are gone
            print(f"framing: {exc or 'interrupted'}", file=sys.stderr)
            return exit_code(exc)
        except Exception as exc:
            if args.debug:
                raise
            print(f"framing: error: {_describe(exc)}", file=sys.stderr)
            return _exit_code(exc)


def echo(message: str, *, err: bool = False) -> None:
    """Write one line of command output: results on stdout, notes (``err``) on stderr.

    The command modules write through this, so the command line is the only
    place that prints; the library returns data and warns.
    """
    print(message, file=sys.stderr if err else sys.stdout)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"framing: warning: {message}", file=sys.stderr if file is None else file)


def _exit_code(exc: BaseException) -> int:
    if isinstance(exc, FramingError):
        return exc.exit_code
    if isinstance(exc, OSError):  # missing, unreadable or unwritable paths
        return 3
    return 1


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FramingError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc} (run with --debug for the traceback)"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
