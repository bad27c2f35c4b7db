"""Settings and requests of link verification: plain data, no network, cheap to import."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..model import LinkVerdict

# The verdicts (footcheck.model.LinkVerdict), by the names the link modules use.
ALIVE = LinkVerdict.ALIVE
REDIRECTED = LinkVerdict.REDIRECTED
DEAD = LinkVerdict.DEAD
SOFT_404 = LinkVerdict.SOFT_404
BLOCKED = LinkVerdict.BLOCKED
TIMEOUT = LinkVerdict.TIMEOUT
SERVER_ERROR = LinkVerdict.SERVER_ERROR
UNREACHABLE = LinkVerdict.UNREACHABLE
UNVERIFIED = LinkVerdict.UNVERIFIED
VERDICTS: tuple[LinkVerdict, ...] = tuple(LinkVerdict)

#: ``LinkResult.detail`` of every link left unchecked because there is no network; it starts
#: with this text, so a caller can say it once instead of once per link.
NETWORK_DOWN = "network unavailable"
#: ``LinkResult.detail`` prefix of links refused by the private-address guard.
REFUSED_PRIVATE = "refused: private address"

DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/126.0 Safari/537.36 (compatible; footcheck/{__version__}; citation link checker)"
)
WAYBACK_AVAILABILITY = "https://archive.org/wayback/available"
#: Well-known names resolved to tell "this host does not exist" from "there is no DNS at all".
PROBE_HOSTS: tuple[str, ...] = ("example.com", "www.wikipedia.org", "www.iana.org")


def default_cache_path() -> Path:
    """``links.sqlite`` in the user's cache folder, as platformdirs finds it
    (``$XDG_CACHE_HOME/footcheck`` or ``~/.cache/footcheck`` on Linux, the platform's own
    elsewhere)."""
    from platformdirs import user_cache_path

    return user_cache_path("footcheck", appauthor=False) / "links.sqlite"


@dataclass(frozen=True)
class LinkConfig:
    """How links are verified. Every field has a sensible default; times are in seconds.

    ``network_probe`` decides whether the network works when a host name fails to resolve: it
    is called at most once per :func:`footcheck.links.verify` call and returns ``True`` when
    the network is up. ``None`` resolves the well-known names in ``probe_hosts`` (any success
    means up). Tests pass ``lambda: True`` or ``lambda: False``.

    ``allow_private`` is ``False`` (only public addresses are fetched), ``True`` (any address,
    including loopback, private, link-local such as 169.254.169.254) or the hosts and networks
    allowed besides the public ones: a comma-separated string or a sequence of host names,
    IP addresses, CIDR ranges (strings or ``ipaddress`` objects), e.g.
    ``["127.0.0.0/8", "intranet.example"]``. The rule applies to every redirect hop and to the
    address actually connected to.

    A 429 is retried once, after its ``Retry-After`` (at most ``max_retry_after``; without
    one, ``retry_delay``). One 429 may be one page's answer; with ``pause_on_429`` a 429 to a
    request sent after a 429 from the same host, no other answer between them, is the host
    limiting footcheck ("Too Many Requests"), and no new request goes to that host until the
    wait has passed; without it only each throttled URL waits.

    ``on_warning`` receives the warnings of a run (an unusable link cache), each said once;
    ``None`` writes them to standard error as ``footcheck: warning: …``.
    """

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    url_timeout: float = 30.0
    total_timeout: float | None = 600.0
    max_workers: int = 256
    per_host: int = 4
    host_delay: float = 0.01
    max_redirects: int = 20  # as browsers follow (Chrome, Firefox)
    max_body_bytes: int = 1_000_000
    max_retry_after: float = 10.0
    retry_delay: float = 1.0
    pause_on_429: bool = True
    user_agent: str = DEFAULT_USER_AGENT
    accept_language: str = "en-US,en;q=0.9"
    head_first: bool = False
    allow_private: bool | str | Sequence[str | ipaddress.IPv4Network | ipaddress.IPv6Network
                                         | ipaddress.IPv4Address | ipaddress.IPv6Address] = False
    cache_path: str | os.PathLike[str] | None = None
    use_cache: bool = True
    cache_max_age: float = 86_400.0
    archive: bool = True
    archive_endpoint: str = WAYBACK_AVAILABILITY
    soft404_probe: bool = True
    network_probe: Callable[[], bool] | None = None
    probe_hosts: tuple[str, ...] = PROBE_HOSTS
    on_warning: Callable[[str], None] | None = None

    def resolved_cache_path(self) -> Path:
        """The cache file to use: ``cache_path`` or the default in the user's cache dir."""
        return Path(self.cache_path) if self.cache_path is not None else default_cache_path()


@dataclass(frozen=True)
class LinkRequest:
    """One URL to verify, with the date the citing note gives (ISO 8601, or ``None``).

    The date only steers the archive lookup towards the snapshot closest to it.
    """

    url: str
    date: str | None = None
