"""Link verification: is every cited URL alive, and what does its page say about itself?

Input is URLs (optionally with the date the citing note gives), output is one
:class:`~footcheck.model.LinkResult` per unique URL. This package knows nothing about notes or
findings; the audit maps verdicts to rules. Importing it is cheap: requests, BeautifulSoup and
SQLite are imported only when :func:`verify` runs.

>>> from footcheck.links import verify, LinkConfig
>>> results = verify(["https://example.org/report"], LinkConfig(per_host=2))  # doctest: +SKIP
>>> results["https://example.org/report"].verdict  # doctest: +SKIP
'alive'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import LinkResult
from .config import (
    NETWORK_DOWN,
    REFUSED_PRIVATE,
    VERDICTS,
    LinkConfig,
    LinkRequest,
    default_cache_path,
)
from .match import dates_match, title_similarity, titles_match

__all__ = [
    "NETWORK_DOWN",
    "REFUSED_PRIVATE",
    "VERDICTS",
    "LinkConfig",
    "LinkRequest",
    "LinkResult",
    "Progress",
    "dates_match",
    "default_cache_path",
    "title_similarity",
    "titles_match",
    "verify",
]

UrlItem = str | LinkRequest | tuple[str, str | None]


@dataclass
class Progress:
    """Where a verification stands, given to the ``progress`` callback of :func:`verify`
    whenever it changes, and about every half second while it waits.

    ``result`` is the verdict that has just come (``None`` on the other calls);
    ``archiving`` counts the archive lookups under way; ``network_down`` is set once the
    run found no network (the URLs left end at once). ``elapsed`` is in seconds.
    """

    total: int
    done: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    archiving: int = 0
    network_down: bool = False
    elapsed: float = 0.0
    result: LinkResult | None = None


def _requests(urls: Iterable[UrlItem]) -> list[LinkRequest]:
    """Unique requests in first-seen order; a URL's first non-empty date wins."""
    found: dict[str, LinkRequest] = {}
    for item in urls:
        if isinstance(item, LinkRequest):
            req = item
        elif isinstance(item, str):
            req = LinkRequest(item)
        else:
            url, date = item
            req = LinkRequest(url, date)
        known = found.get(req.url)
        if known is None:
            found[req.url] = req
        elif known.date is None and req.date:
            found[req.url] = LinkRequest(req.url, req.date)
    return list(found.values())


_said: set[str] = set()


def _say_once(message: str) -> None:
    """The default ``LinkConfig.on_warning``: each message once per process, on stderr."""
    if message in _said:
        return
    _said.add(message)
    sys.stderr.write(f"footcheck: warning: {message}\n")
    sys.stderr.flush()


def verify(urls: Iterable[UrlItem], config: LinkConfig | None = None,
           progress: Callable[[Progress], None] | None = None) -> dict[str, LinkResult]:
    """Check every unique URL over HTTP and return one result per URL, in first-seen order.

    ``urls`` holds plain URL strings, ``(url, date)`` pairs or :class:`LinkRequest` objects;
    the date (ISO 8601, or ``None``) picks the archived snapshot closest to it. Results are
    keyed by the URL exactly as given. Fresh successes come from the cache
    (``from_cache=True``) unless ``config.use_cache`` is false; a cache that cannot be used
    is done without, and ``config.on_warning`` (default: standard error) is told once.
    ``progress`` is called in the calling thread with a :class:`Progress`: once per URL as
    soon as its result is known (its ``result``), when archive lookups start or end, and
    every half second while nothing else happens. The call returns within
    about ``config.total_timeout`` seconds; URLs left unchecked then are ``unverified``, and
    requests still in flight are ended at that deadline too (their connections are shut).
    """
    from .cache import Cache
    from .check import Checker, run

    config = config or LinkConfig()
    wanted = _requests(urls)
    results: dict[str, LinkResult] = {}
    state = Progress(total=len(wanted))
    started = time.monotonic()

    def notify(result: LinkResult | None, archiving: int | None = None,
               network_down: bool = False) -> None:
        if result is not None:
            state.done += 1
            state.verdicts[result.verdict] = state.verdicts.get(result.verdict, 0) + 1
        if archiving is not None:
            state.archiving = archiving
        state.network_down = state.network_down or network_down
        state.result, state.elapsed = result, time.monotonic() - started
        if progress is not None:
            progress(state)

    cache = Cache(config.resolved_cache_path(), config.cache_max_age,
                  warn=config.on_warning or _say_once) if config.use_cache else None
    try:
        todo: list[LinkRequest] = []
        for req in wanted:
            hit = cache.get(req.url) if cache is not None else None
            if hit is not None:
                results[req.url] = hit
                notify(hit)
            else:
                todo.append(req)
        if todo:
            deadline = (time.monotonic() + config.total_timeout
                        if config.total_timeout is not None else None)
            checker = Checker(config, cache=cache, deadline=deadline)
            costs = cache.costs(req.url for req in todo) if cache is not None else {}
            try:
                checked = run(todo, checker, notify, costs)
            finally:
                checker.close()
            results.update(checked)
            if cache is not None:
                cache.put_many(checked.values())
                cache.put_costs(checker.timings)
    finally:
        if cache is not None:
            cache.close()
    return {req.url: results[req.url] for req in wanted}
