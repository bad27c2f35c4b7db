"""Atomic output files, which can never overwrite the document being checked."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from footcheck.errors import OutputError
from footcheck.output import write_atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and links")
REPORT = "Отчёт: 3 ошибки — “FC101” ^{IV}\nline two\r\nend\n"


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def error_of(path: Path | str, data: str = REPORT, **kwargs: object) -> str:
    """The message of the OutputError raised writing ``path``, checked to be one clean line."""
    with pytest.raises(OutputError) as caught:
        write_atomic(path, data, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert "Errno" not in message and "Path(" not in message
    return message


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """An input document, as the CLI would pass it in ``protect``."""
    path = tmp_path / "brief.txt"
    path.write_bytes(b"Input text^{I}\r\nI. https://e.org\r\n")
    return path


# --- writing ---------------------------------------------------------------------------------


def test_writes_a_new_file_as_utf8_without_newline_translation(tmp_path):
    target = tmp_path / "report.txt"
    write_atomic(target, REPORT)
    assert target.read_bytes() == REPORT.encode("utf-8")
    assert names(tmp_path) == ["report.txt"]


@posix_only
def test_new_file_mode_respects_the_umask(tmp_path):
    target = tmp_path / "report.txt"
    write_atomic(str(target), "x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()


@posix_only
def test_new_file_mode_with_a_strict_umask(tmp_path):
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "report.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o600


@posix_only
def test_replaces_an_existing_file_keeping_its_permissions(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old report, longer than the new one")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(tmp_path) == ["report.txt"]


def test_the_file_is_replaced_not_rewritten(tmp_path):
    # A reader holding the old file keeps seeing the old content: the rename is atomic.
    target = tmp_path / "report.txt"
    target.write_text("old")
    with open(target) as reader:
        write_atomic(target, "new")
        assert reader.read() == "old"
    assert target.read_text() == "new"


@posix_only
def test_a_symlink_is_followed_and_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


@posix_only
def test_a_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, REPORT)
    reader.join(timeout=5)
    assert received == [REPORT.encode("utf-8")]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --- never over the input ----------------------------------------------------------------------


def assert_untouched(path: Path, before: os.stat_result, data: bytes) -> None:
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_refuses_to_overwrite_the_input(brief):
    data, before = brief.read_bytes(), brief.stat()
    message = error_of(brief, protect=[brief])
    assert message == f"{brief}: refusing to overwrite the input document {brief}"
    assert_untouched(brief, before, data)
    assert names(brief.parent) == ["brief.txt"]


def test_refuses_another_spelling_of_the_input(brief, monkeypatch):
    data, before = brief.read_bytes(), brief.stat()
    (brief.parent / "sub").mkdir()
    monkeypatch.chdir(brief.parent)
    error_of("./sub/../brief.txt", protect=[str(brief)])
    error_of("brief.txt", protect=["./brief.txt"])
    assert_untouched(brief, before, data)


@posix_only
def test_refuses_a_link_to_the_input(brief):
    data, before = brief.read_bytes(), brief.stat()
    symlink = brief.parent / "symlink.txt"
    symlink.symlink_to(brief)
    hardlink = brief.parent / "hardlink.txt"
    os.link(brief, hardlink)
    for path in (symlink, hardlink):
        assert "refusing to overwrite the input document" in error_of(path, protect=[brief])
    assert_untouched(brief, before, data)


def test_refuses_a_protected_path_that_does_not_exist_yet(tmp_path):
    target = tmp_path / "new.txt"
    error_of(target, protect=[tmp_path / "." / "new.txt"])
    assert not target.exists()


def test_protect_allows_other_files(brief):
    target = brief.parent / "report.txt"
    write_atomic(target, "report", protect=[brief, brief.parent / "missing.txt"])
    assert target.read_text() == "report"


# --- failures ----------------------------------------------------------------------------------


def test_missing_parent_directory(tmp_path):
    target = tmp_path / "no" / "such" / "report.txt"
    message = error_of(target)
    assert message == f"{target}: directory {target.parent} does not exist"
    assert names(tmp_path) == []


def test_parent_is_a_file(brief):
    target = brief / "report.txt"
    assert error_of(target) == f"{target}: {brief} is not a directory"


def test_target_is_a_directory(tmp_path):
    (tmp_path / "out").mkdir()
    assert error_of(tmp_path / "out").endswith(": is a directory")
    assert names(tmp_path / "out") == []


def test_text_that_is_not_encodable_writes_nothing(tmp_path):
    target = tmp_path / "report.txt"
    message = error_of(target, "lone surrogate \udc80")
    assert "cannot write the text as UTF-8" in message
    assert names(tmp_path) == []


@pytest.fixture
def old_report(tmp_path: Path) -> Path:
    target = tmp_path / "report.txt"
    target.write_text("old report")
    return target


def test_failed_rename_leaves_the_old_file_and_no_temporary(old_report, monkeypatch):
    def fail(source: object, destination: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    assert error_of(old_report).endswith(": cannot write (Input/output error)")
    assert old_report.read_text() == "old report"
    assert names(old_report.parent) == ["report.txt"]


def test_full_disk_leaves_the_old_file_and_no_temporary(old_report, monkeypatch):
    def fail(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", fail)
    assert error_of(old_report).endswith(": no space left on the device")
    assert old_report.read_text() == "old report"
    assert names(old_report.parent) == ["report.txt"]


def test_interrupt_removes_the_temporary_and_propagates(old_report, monkeypatch):
    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(old_report, "new")
    assert old_report.read_text() == "old report"
    assert names(old_report.parent) == ["report.txt"]


def test_permission_denied_creating_the_temporary(old_report, monkeypatch):
    # Simulated: the tests may run as root, who may write anywhere.
    real_open = os.open

    def deny(path: object, flags: int, mode: int = 0o777) -> int:
        if Path(str(path)).name.startswith(".report.txt."):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    message = error_of(old_report)
    assert message == (f"{old_report}: permission denied"
                       f" (cannot create a file in {old_report.parent})")
    assert old_report.read_text() == "old report"


def test_temporary_name_collisions_are_retried(tmp_path, monkeypatch):
    tokens = iter(["aaaa", "aaaa", "bbbb"])
    import secrets

    monkeypatch.setattr(secrets, "token_hex", lambda n: next(tokens))
    (tmp_path / ".report.txt.aaaa.tmp").write_text("someone else's")
    write_atomic(tmp_path / "report.txt", "new")
    assert (tmp_path / "report.txt").read_text() == "new"
    assert (tmp_path / ".report.txt.aaaa.tmp").read_text() == "someone else's"
