"""Write output files atomically, and never over the document being checked.

:func:`write_atomic` writes to a hidden temporary file next to the target, syncs it to disk
and renames it into place, so anyone reading the target (or a crash) sees either the old
file or the complete new one, never half of it. Writing to standard output (``-``) is the
CLI's business, not this module's.

A SIGTERM during the write (a CI job's time limit, ``timeout``) removes the temporary file
before the process ends as the signal asks, as an interrupt (SIGINT) does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import OutputError

_TEMP_ATTEMPTS = 100


def write_atomic(
    path: str | os.PathLike[str],
    data: str,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``data`` as UTF-8 to ``path``, replacing the file atomically.

    Refuses to write when ``path`` is the same file as any path in ``protect`` (the CLI
    passes the input document, so ``--output`` can never overwrite it). A symbolic link at
    ``path`` is followed, so the link stays and the file it points to is replaced. An
    existing file keeps its permission bits; a new one gets the usual ``0o666 & ~umask``.
    Devices and pipes (``/dev/null``, a FIFO) are written to directly, as they cannot be
    replaced. Raises :class:`OutputError` with a one-line message on any failure, leaving
    the old file untouched and no temporary file behind.
    """
    shown = _shown(path)
    target = Path(os.path.realpath(path))
    for other in protect:
        if _same_file(target, other):
            raise OutputError(
                f"{shown}: refusing to overwrite the input document {_shown(other)}"
            )
    try:
        payload = data.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise OutputError(f"{shown}: cannot write the text as UTF-8 ({exc.reason})") from None
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory")
    parent = target.parent
    if not parent.is_dir():
        if parent.exists():
            raise OutputError(f"{shown}: {_shown(parent)} is not a directory")
        raise OutputError(f"{shown}: directory {_shown(parent)} does not exist")
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(describe_write_error(exc, shown)) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_in_place(target, payload, shown)
        return
    with _terminate_cleanly():
        _replace(target, payload, existing, shown)


class _Terminated(BaseException):
    """Raised by the SIGTERM handler, so the cleanup of :func:`_replace` runs."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While the block runs, turn SIGTERM into :class:`_Terminated` (whose cleanup removes
    the temporary file); afterwards restore the previous handler and act on the signal as it
    would have: call it, or end the process by the signal (exit status 143 in a shell).

    Does nothing outside the main thread (only it can set handlers) or when SIGTERM is
    ignored.
    """
    sigterm = getattr(signal, "SIGTERM", None)
    if sigterm is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(sigterm)
    if previous == signal.SIG_IGN:
        yield
        return
    received: list[object] = []

    def handler(signum: int, frame: object) -> None:
        if not received:
            received.append(frame)
            raise _Terminated

    signal.signal(sigterm, handler)
    try:
        yield
    except _Terminated:
        pass
    finally:
        signal.signal(sigterm, previous if previous is not None else signal.SIG_DFL)
    if received:
        if callable(previous):
            previous(sigterm, received[0])
        else:
            signal.raise_signal(sigterm)  # the default action: end the process
        raise SystemExit(128 + sigterm)  # the handler returned, or the signal was blocked


def _replace(target: Path, payload: bytes, existing: os.stat_result | None, shown: str) -> None:
    """Write ``payload`` to a temporary file beside ``target``, then rename it over it."""
    try:
        descriptor, temp = _create_temp(target)
    except OSError as exc:
        if isinstance(exc, PermissionError):
            raise OutputError(
                f"{shown}: permission denied (cannot create a file in {_shown(target.parent)})"
            ) from None
        raise OutputError(describe_write_error(exc, shown)) from None
    try:
        try:
            if existing is not None:
                with contextlib.suppress(OSError):  # best effort, e.g. on FAT file systems
                    os.chmod(temp, stat.S_IMODE(existing.st_mode) & 0o777)
            view = memoryview(payload)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OutputError(describe_write_error(exc, shown)) from None
        raise
    _sync_directory(target.parent)


def _create_temp(target: Path) -> tuple[int, str]:
    """Create and open a new hidden file ``.<name>.<random>.tmp`` beside ``target``.

    Created with mode 0o666 so that the operating system applies the umask, as for any new
    file (``tempfile.mkstemp`` would make it 0o600, and reading the umask means changing it).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        import secrets  # (only a write to a file needs it)

        temp = target.parent / f".{target.name[:200]}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, flags, 0o666), str(temp)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _write_in_place(target: Path, payload: bytes, shown: str) -> None:
    """Write to a device or pipe, which cannot be replaced by renaming."""
    try:
        with open(target, "wb") as stream:
            stream.write(payload)
    except OSError as exc:
        raise OutputError(describe_write_error(exc, shown)) from None


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable, where the platform allows it (best effort)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _same_file(target: Path, other: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is (or, once written, would be) the file ``other``."""
    try:
        return os.path.samefile(target, other)
    except OSError:  # one of them does not exist (yet)
        return os.path.normcase(target) == os.path.normcase(os.path.realpath(other))


def describe_write_error(exc: OSError, shown: str) -> str:
    """A one-line, user-facing message for an error writing ``shown``."""
    if isinstance(exc, PermissionError):
        return f"{shown}: permission denied"
    if exc.errno == errno.ENOSPC:
        return f"{shown}: no space left on the device"
    return f"{shown}: cannot write ({exc.strerror or type(exc).__name__})"


def _shown(path: str | os.PathLike[str]) -> str:
    """``path`` as text for a message, with unprintable characters escaped."""
    text = os.fspath(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")
