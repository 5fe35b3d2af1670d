"""Output files that appear whole or not at all, one writer per output.

Every file the library writes goes through :class:`PendingFile` (or its wrappers
:func:`atomic_path`, :func:`atomic_open`, :func:`write_text`): the content is written
under a unique temporary name in the target's own folder (so the final rename never
crosses file systems), flushed to disk with ``fsync``, then renamed over the target
with :func:`os.replace`. A reader sees the previous file or the new one, never a
truncated mix; a failed or interrupted write leaves the previous file as it was and
removes its temporary file.

:class:`OutputLock` makes a second run writing the same output fail at once: a lock
file ``.NAME.lock`` beside the output, created with ``O_CREAT | O_EXCL`` and holding
the owner's process id and host. A lock left by a process that no longer runs (on
this host) is taken over, together with the temporary files that process left.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import socket
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from framing.errors import OutputError, UsageError

__all__ = [
    "PendingFile", "atomic_path", "atomic_open", "write_text", "OutputLock", "locked", "check_paths",
]

#: suffix of the temporary file an output is written to before it is renamed
PARTIAL = ".partial"

#: names :class:`PendingFile` gives its temporary files (``.NAME.`` + 8 random characters + suffix)
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(PARTIAL))


def _file_mode() -> int:
    """Permissions a new file gets from this process's umask (``mkstemp`` makes 0600 files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # pragma: no cover - not Linux
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


class PendingFile:
    """A file written under a temporary name beside ``target`` and renamed over it on :meth:`commit`.

    Parameters
    ----------
    target : str or Path
        The file to write. Its folder must exist.

    Attributes
    ----------
    path : pathlib.Path
        The temporary file to write (``.NAME.XXXXXXXX.partial`` in the target's folder).
    """

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        folder = self.target.parent
        if self.target.is_dir():
            raise OutputError(f"{self.target}: is a folder; expected a file to write")
        if not folder.is_dir():
            raise OutputError(f"{self.target}: the folder {folder} does not exist")
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=PARTIAL, dir=folder)
        except OSError as exc:
            raise OutputError(f"{self.target}: cannot write in {folder} ({exc.strerror or exc})") from None
        os.close(fd)
        self.path = Path(name)
        self.done = False

    def commit(self) -> Path:
        """Flush the temporary file to disk and rename it to the target; return the target."""
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            mode = self.target.stat().st_mode & 0o7777  # an existing output keeps its permissions
        except OSError:
            mode = _file_mode()
        os.chmod(self.path, mode)
        os.replace(self.path, self.target)
        self.done = True
        _fsync_dir(self.target.parent)
        return self.target

    def discard(self) -> None:
        """Remove the temporary file (the target is left as it was)."""
        if not self.done:
            self.path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path to write ``target`` to; renamed to ``target`` when the block succeeds.

    For writers that take a path (``DataFrame.to_parquet``, ``Figure.savefig`` with an
    explicit format). On an error the temporary file is removed and ``target`` is untouched.
    """
    pending = PendingFile(target)
    try:
        yield pending.path
        pending.commit()
    finally:
        pending.discard()


@contextlib.contextmanager
def atomic_open(target: str | Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """``open(target, mode, **kwargs)``, written to a temporary file renamed to ``target`` at the end."""
    with atomic_path(target) as tmp, open(tmp, mode, **kwargs) as fh:
        yield fh


def write_text(target: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``target`` atomically; return ``target``."""
    with atomic_open(target, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(target)


# --------------------------------------------------------------------------- one writer per output


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class OutputLock:
    """An exclusive claim on an output (a file or a folder) for the time of one run.

    Parameters
    ----------
    target : str or Path
        The output. The lock is the file ``.NAME.lock`` in the same folder.
    folder : bool
        ``target`` is a folder of outputs (a report): the lock is ``.framing.lock`` inside it,
        and the temporary files a dead holder left are looked for in it and its sub-folders.

    Raises
    ------
    OutputError
        (on :meth:`acquire`) Another process holds the lock, or the folder is not writable.
    """

    def __init__(self, target: str | Path, *, folder: bool = False) -> None:
        self.target = Path(os.path.abspath(target))
        self.folder = folder
        self.path = self.target / ".framing.lock" if folder else self.target.parent / f".{self.target.name}.lock"
        self.held = False

    def acquire(self) -> OutputLock:
        """Take the lock, or raise :class:`~framing.errors.OutputError` naming its holder."""
        owner = f"{os.getpid()} {socket.gethostname()}\n".encode()
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self._stale():
                    continue
                raise OutputError(
                    f"{self.target}: another run ({self._holder()}) is writing this output; wait for it to finish, "
                    f"or delete {self.path} if no such run is active"
                ) from None
            except FileNotFoundError:
                raise OutputError(f"{self.target}: the folder {self.path.parent} does not exist") from None
            except OSError as exc:
                raise OutputError(f"{self.target}: cannot write in {self.path.parent} "
                                  f"({exc.strerror or exc})") from None
            try:
                os.write(fd, owner)
            finally:
                os.close(fd)
            self.held = True
            return self
        raise OutputError(f"{self.target}: cannot take the lock {self.path}")  # pragma: no cover - a race

    def _read(self) -> tuple[int, str] | None:
        try:
            pid, host = self.path.read_text(encoding="utf-8").split()
            return int(pid), host
        except (OSError, ValueError):
            return None

    def _holder(self) -> str:
        held = self._read()
        return "unknown process" if held is None else f"process {held[0]} on {held[1]}"

    def _stale(self) -> bool:
        """Whether the lock was left by a process of this host that has ended; if so, remove it and
        the temporary files that process left."""
        held = self._read()
        if held is None:
            return False  # being written right now, or not ours: leave it
        pid, host = held
        if host != socket.gethostname() or _alive(pid):
            return False
        if self.folder:
            folders = [self.target, *(p for p in self.target.iterdir() if p.is_dir() and not p.is_symlink())]
            leftovers = [p for d in folders for p in d.glob(f".*{PARTIAL}") if _TEMP_NAME.fullmatch(p.name)]
        else:
            leftovers = self.target.parent.glob(f".{glob.escape(self.target.name)}.*{PARTIAL}")
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)
        return True

    def release(self) -> None:
        """Remove the lock file (if this object holds it)."""
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def locked(targets: Iterable[str | Path]) -> Iterator[list[OutputLock]]:
    """Hold :class:`OutputLock` on every target for the time of the block."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(OutputLock(t)) for t in targets]


# --------------------------------------------------------------------------- checks before a run


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return os.path.abspath(a) == os.path.abspath(b)


def check_paths(inputs: Iterable[str | Path], outputs: Iterable[str | Path]) -> None:
    """Refuse, before anything is read, outputs that are an input, each other, or a folder.

    Raises
    ------
    UsageError
        An output is one of the inputs (it would be replaced by the result) or two outputs
        are the same file.
    OutputError
        An output is an existing folder.
    """
    ins = [Path(p) for p in inputs]
    outs = [Path(p) for p in outputs]
    for i, out in enumerate(outs):
        for source in ins:
            if _same(out, source):
                raise UsageError(f"{out}: the output is the input {source}; write the result to another file")
        for other in outs[:i]:
            if _same(out, other):
                raise UsageError(f"{out}: given as two outputs; write each result to its own file")
        if out.is_dir():
            raise OutputError(f"{out}: is a folder; expected a file to write")
