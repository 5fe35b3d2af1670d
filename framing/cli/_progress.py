"""Progress of a long command as plain lines on standard error, for runs with no terminal to draw a bar on
(a batch job, ``nohup``, a notebook cell running the command): documents done, MB read, MB/s, time elapsed."""

from __future__ import annotations

import time

from framing.cli._echo import echo

__all__ = ["ProgressLines"]


class ProgressLines:
    """Called with the documents done and the bytes of input read so far; prints a line every ``every`` seconds.

    Parameters
    ----------
    what : str
        The command, at the start of each line (``score: 1500 documents, 9.4 MB, 2.31 MB/s, 0:00:04 elapsed``).
    every : float
        Seconds between lines (0: a line at every call).
    """

    def __init__(self, what: str, every: float) -> None:
        self.what = what
        self.every = every
        self.started = self.last = time.perf_counter()
        self.docs = self.nbytes = 0
        self.printed = 0

    def __call__(self, docs: int, nbytes: int = 0) -> None:
        self.docs, self.nbytes = docs, nbytes
        now = time.perf_counter()
        if now - self.last >= self.every:
            self.last = now
            self._line(now)

    def done(self) -> None:
        """The last line, when any was printed (so a short run prints only its summary)."""
        if self.printed:
            self._line(time.perf_counter())

    def _line(self, now: float) -> None:
        elapsed = now - self.started
        h, rest = divmod(int(elapsed), 3600)
        text = f"{self.what}: {self.docs} documents"
        if self.nbytes:
            text += f", {self.nbytes / 1e6:.1f} MB, {self.nbytes / 1e6 / max(elapsed, 1e-9):.2f} MB/s"
        echo(f"{text}, {h}:{rest // 60:02d}:{rest % 60:02d} elapsed", err=True)
        self.printed += 1
