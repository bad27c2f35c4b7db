"""Archive rescue: ask a Wayback-style availability API for a snapshot of a lost page.

The API (``https://archive.org/wayback/available`` by default) takes ``url`` and an optional
``timestamp`` (``YYYYMMDD``) and answers with the closest snapshot::

    {"archived_snapshots": {"closest": {"available": true, "status": "200",
      "url": "http://web.archive.org/web/20130919044612/http://example.com/",
      "timestamp": "20130919044612"}}}

The snapshot URL is data from the network and ends up in reports (as a link in HTML ones):
only an absolute http(s) URL with a host and without spaces or control characters is kept.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import requests


class ArchiveError(Exception):
    """The availability API could not be asked or gave an answer that cannot be read."""


def safe_snapshot(value: object) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host, else ``None``."""
    if not isinstance(value, str) or not value or len(value) > 4096:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return value


def timestamp(date: str | None) -> str | None:
    """The API's ``YYYYMMDD`` (or shorter) timestamp for an ISO date, or ``None``."""
    if not date:
        return None
    digits = re.sub(r"\D", "", date)[:14]
    return digits if len(digits) >= 4 else None


def lookup(session: requests.Session, endpoint: str, url: str, date: str | None,
           timeout: tuple[float, float]) -> str | None:
    """The URL of the snapshot of ``url`` closest to ``date``, or ``None`` if there is none.

    Raises :class:`ArchiveError` when the API cannot be reached or its answer is unreadable
    (so that a failed lookup is not mistaken for "never archived").
    """
    params = {"url": url}
    stamp = timestamp(date)
    if stamp:
        params["timestamp"] = stamp
    try:
        resp = session.get(endpoint, params=params, timeout=timeout, stream=True,
                           headers={"Accept": "application/json"})
        try:
            if resp.status_code != 200:
                raise ArchiveError(f"availability API answered HTTP {resp.status_code}")
            raw = resp.raw.read(256_000, decode_content=True)
        finally:
            resp.close()
        data = json.loads(raw.decode("utf-8", "replace"))
    except (requests.RequestException, OSError, ValueError) as exc:
        raise ArchiveError(str(exc)) from exc
    closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) \
        else None
    if not isinstance(closest, dict) or not closest.get("available"):
        return None
    status = str(closest.get("status", "200"))
    snapshot = safe_snapshot(closest.get("url"))
    if snapshot is None or not status.startswith(("2", "3")):
        return None
    if snapshot.startswith("http://web.archive.org/"):
        snapshot = "https://" + snapshot[len("http://"):]
    return snapshot
