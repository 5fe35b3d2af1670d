"""SIGTERM and SIGHUP handled like Ctrl-C, and worker processes that end with their parent.

A cluster scheduler (Slurm, PBS, ``timeout``) stops a job with SIGTERM, and a closed
terminal sends SIGHUP. By default either kills Python at once, leaving temporary files,
lock files and worker processes behind. Inside :func:`terminate_as_interrupt` they raise
:class:`Terminated` instead (a :class:`KeyboardInterrupt`), so every ``finally`` block runs:
temporary files are removed, locks released and worker pools stopped, as after Ctrl-C.
The command line then exits with ``128 + signal number`` (143 for SIGTERM, 129 for SIGHUP).

:func:`die_with_parent` is called in each worker process: it ends the worker within a
second of the process that started it being gone, even if that process was killed with SIGKILL.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

__all__ = ["Terminated", "terminate_as_interrupt", "die_with_parent", "exit_code"]

#: signals turned into :class:`Terminated` (those that exist on this platform)
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM or SIGHUP (``signum``); raised like Ctrl-C's KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    def __str__(self) -> str:
        return f"terminated by {signal.Signals(self.signum).name}"


def _raise(signum: int, frame: object) -> None:
    raise Terminated(signum)


def exit_code(exc: KeyboardInterrupt) -> int:
    """The shell's exit code for an interrupt: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + getattr(exc, "signum", signal.SIGINT)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated`.

    Only signals whose handler is the default one are changed (a handler the program
    installed, or SIGHUP ignored under ``nohup``, is left alone), only in the main thread,
    and the previous handlers come back at the end.
    """
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in SIGNALS:
            if signal.getsignal(signum) == signal.SIG_DFL:
                previous[signum] = signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_WATCHING = False


def die_with_parent(parent: int, interval: float = 0.5) -> None:
    """End this (worker) process when its parent process, ``parent``, ends.

    Exits at once if ``parent`` is already gone; otherwise a daemon thread compares the
    parent's process id every ``interval`` seconds and exits as soon as it changes, however
    the parent ended (SIGKILL included). It works on every platform and, unlike
    ``prctl(PR_SET_PDEATHSIG)``, does not depend on which thread of the parent started the
    worker. Calling it again does nothing.
    """
    global _WATCHING
    if os.getppid() != parent:
        os._exit(1)
    if _WATCHING:
        return
    _WATCHING = True

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="framing-parent-watch", daemon=True).start()
