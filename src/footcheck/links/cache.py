"""A small SQLite cache of link results and archive lookups.

Only successes (``alive``, ``redirected``) are stored as results: every other verdict is
checked again on the next run, because a failure may be temporary and a stale failure would
hide a fixed link. ``blocked`` is not a success: it means "could not be verified", and a later
run may well get through. Entries older than ``max_age`` seconds are ignored. How long each
URL took, whatever its verdict, is kept too: the next run starts the slowest first.

The cache saves time, it is never a reason to fail an audit: a cache that cannot be opened,
read or written (not an SQLite file, an unwritable folder, a database another process holds
locked for more than half a second) is switched off for the rest of the run, and ``warn`` is
told so once. The file is created readable by its owner only (0600, in a 0700 folder when the
folder is created too), as what a brief cites may be unpublished; an existing cache file
readable by others is restricted to its owner.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..model import LinkResult, LinkVerdict

_VERDICTS = {v.value: v for v in LinkVerdict}  # as stored -> the verdict

#: Seconds to wait for a database another process has locked before doing without it.
BUSY_TIMEOUT = 0.5
#: Seconds a URL's timing is kept without being renewed (90 days).
TIMINGS_KEPT = 90 * 86_400.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    http_status INTEGER,
    final_url TEXT,
    title TEXT,
    published TEXT,
    checked_at TEXT,
    detail TEXT,
    stored REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS timings (
    url TEXT PRIMARY KEY,
    seconds REAL NOT NULL,
    stored REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS archive (
    url TEXT NOT NULL,
    date TEXT NOT NULL,
    snapshot TEXT,
    stored REAL NOT NULL,
    PRIMARY KEY (url, date)
);
"""


class Cache:
    """The link cache at ``path``; every method is safe to call from any thread.

    ``warn`` receives one message the first time the cache turns out to be unusable.
    """

    def __init__(self, path: str | os.PathLike[str], max_age: float,
                 warn: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.max_age = max_age
        self._warn = warn
        self._warned = False
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        db = None
        try:
            _private_file(self.path)
            db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT,
                                 check_same_thread=False)
            db.executescript(_SCHEMA)
            db.commit()
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            if db is not None:
                db.close()
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        """Switch the cache off, saying why the first time."""
        with self._lock:
            db, self._db = self._db, None
            if db is not None:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
        if self._warned or self._warn is None:
            return
        self._warned = True
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, sqlite3.OperationalError) and "locked" in reason:
            reason += ": another footcheck or program is using it"
        self._warn(f"link cache {self.path} unusable ({reason}); links are checked "
                   "without it")

    @property
    def enabled(self) -> bool:
        """False when the cache file could not be opened."""
        return self._db is not None

    def _fresh_after(self) -> float:
        return time.time() - self.max_age

    def get(self, url: str) -> LinkResult | None:
        """The cached result for ``url`` (``from_cache=True``), or ``None`` if absent or stale."""
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT verdict, http_status, final_url, title, published, checked_at, detail"
                    " FROM links WHERE url = ? AND stored >= ?",
                    (url, self._fresh_after())).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        verdict = _VERDICTS.get(row[0]) if row is not None else None
        if verdict is None or not verdict.cached:
            return None
        return LinkResult(url=url, verdict=verdict, http_status=row[1], final_url=row[2],
                          title=row[3], published=row[4], checked_at=row[5], from_cache=True,
                          detail=row[6])

    def put_many(self, results: Iterable[LinkResult]) -> None:
        """Store the successes among ``results`` (results served from the cache are skipped)."""
        if self._db is None:
            return
        rows = [(r.url, r.verdict, r.http_status, r.final_url, r.title, r.published,
                 r.checked_at, r.detail, time.time())
                for r in results if r.verdict.cached and not r.from_cache]
        if not rows:
            return
        try:
            with self._lock:
                self._db.executemany(
                    "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def costs(self, urls: Iterable[str]) -> dict[str, float]:
        """The seconds each of ``urls`` took when last checked (whatever its verdict, however
        old), for those that were checked before."""
        if self._db is None:
            return {}
        wanted = list(urls)
        found: dict[str, float] = {}
        try:
            with self._lock:
                for i in range(0, len(wanted), 500):
                    chunk = wanted[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    found.update(self._db.execute(
                        f"SELECT url, seconds FROM timings WHERE url IN ({marks})", chunk))
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return found

    def put_costs(self, costs: dict[str, float]) -> None:
        """Remember how many seconds each URL took (see :meth:`costs`); timings not renewed
        for :data:`TIMINGS_KEPT` seconds are dropped."""
        if self._db is None or not costs:
            return
        now = time.time()
        try:
            with self._lock:
                self._db.executemany("INSERT OR REPLACE INTO timings VALUES (?, ?, ?)",
                                     [(url, s, now) for url, s in costs.items()])
                self._db.execute("DELETE FROM timings WHERE stored < ?", (now - TIMINGS_KEPT,))
                self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def archived(self, url: str, date: str | None) -> tuple[bool, str | None]:
        """``(known, snapshot)`` of a fresh archive lookup for ``url`` near ``date``."""
        if self._db is None:
            return False, None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT snapshot FROM archive WHERE url = ? AND date = ? AND stored >= ?",
                    (url, date or "", self._fresh_after())).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return False, None
        return (True, row[0]) if row else (False, None)

    def put_archived(self, url: str, date: str | None, snapshot: str | None) -> None:
        """Remember an archive lookup (a snapshot, or ``None`` for "no snapshot")."""
        if self._db is None:
            return
        try:
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO archive VALUES (?, ?, ?, ?)",
                                 (url, date or "", snapshot, time.time()))
                self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        """Close the database file."""
        if self._db is not None:
            with self._lock, contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by the owner only; restrict an existing file
    of ours that others can read. An existing folder is left as it is (it may be shared)."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        info = path.stat()
        if hasattr(os, "getuid") and info.st_uid == os.getuid() \
                and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)
    else:
        os.close(fd)
