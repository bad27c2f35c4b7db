"""Comparing what a page says about itself with what a citation says: titles and dates.

Pure string functions (no notes, no findings): the audit decides what a mismatch means.
"""

from __future__ import annotations

import re

from ..dates import YEAR, calendar_day
from ..translit import latinize, strip_accents

_SEPARATORS = re.compile(r"\s+[|–—·•:»-]{1,2}\s+|\s*\|\s*|\s+::\s+")
_NON_WORD = re.compile(r"[\W_]+")
#: Title similarity (0–100) from which two titles are taken to name the same work.
THRESHOLD = 85.0


def normalize_title(text: str) -> str:
    """Lower case, no accents, Cyrillic transliterated, punctuation reduced to single spaces."""
    return _NON_WORD.sub(" ", strip_accents(latinize(text))).strip()


def _variants(title: str) -> set[str]:
    """The title, and the title without outlet prefixes or suffixes (" | Reuters")."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    out = {normalize_title(title)}
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            out.add(normalize_title(" ".join(parts[i:j])))
    out.discard("")
    return out


def _loose(text: str) -> str:
    """Spelling variants of transliteration folded together (``kh``→``h``, ``iy``→``y``…)."""
    for a, b in (("shch", "sch"), ("kh", "h"), ("iy ", "y "), ("yy ", "y "), ("ks", "x"),
                 ("ts", "c"), ("yu", "u"), ("ya", "a"), ("ye", "e"), ("j", "y"), ("w", "v")):
        text = text.replace(a, b)
    return text


def title_similarity(cited: str, page_title: str) -> float:
    """How alike a cited title and a page title are, 0–100.

    Tolerant of outlet names before or after the title, of case, accents and punctuation, of
    Cyrillic written in Latin letters, and of either title being cut short.
    """
    from rapidfuzz import fuzz

    want = normalize_title(cited)
    if not want:
        return 0.0
    best = 0.0
    for candidate in _variants(page_title):
        for a, b in ((want, candidate), (_loose(want + " "), _loose(candidate + " "))):
            a, b = a.strip(), b.strip()
            score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
            shorter, longer = sorted((a, b), key=len)
            if len(shorter) >= 20 and longer.startswith(shorter):
                score = max(score, 95.0)
            best = max(best, score)
    return best


#: Titles that name no page: what a site shows before its scripts have run, or on its front.
_GENERIC_TITLES = frozenset({
    "home", "homepage", "home page", "main page", "start", "welcome", "loading", "redirecting",
    "please wait", "untitled", "untitled document", "document", "index", "glavnaya",
    "glavnaya stranica", "zagruzka",
})


def generic_title(title: str | None, site_name: str | None, site_labels: list[str]) -> bool:
    """Whether a page's ``title`` names only its site (``site_name`` as the page gives it,
    or a label of its host, ``meduza`` for meduza.io) or no page at all ("Loading…",
    "Home", "Главная"): a title that says nothing about the work at the address, as pages
    built by scripts show before their scripts run."""
    if not title:
        return False
    name = normalize_title(title)
    sites = {normalize_title(site_name or "")} | {normalize_title(label) for label in site_labels}
    return name in _GENERIC_TITLES or name in sites or name.replace(" ", "") in sites


def titles_match(cited: str, page_title: str, threshold: float = THRESHOLD) -> bool:
    """True when ``page_title`` plausibly names the work cited as ``cited``: alike, and not
    of other years ("Annual Report 2019" is another work than "Annual Report 2021", though
    94 % alike)."""
    cited_years, page_years = set(YEAR.findall(cited)), set(YEAR.findall(page_title))
    if cited_years and page_years and not cited_years & page_years:
        return False
    return title_similarity(cited, page_title) >= threshold


def _parts(date: str) -> tuple[int, ...] | None:
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date.strip())
    return tuple(int(g) for g in m.groups() if g is not None) if m else None


def dates_match(cited: str, published: str, tolerance_days: int = 1) -> bool:
    """True when two ISO dates agree at the precision both have.

    ``2023`` matches any day of 2023, ``2023-05`` any day of May 2023; two full dates may
    differ by ``tolerance_days`` (a date-time near midnight falls on different days in
    different time zones). Unreadable dates match (nothing to contradict).
    """
    a, b = _parts(cited), _parts(published)
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    if n < 3:
        return a[:n] == b[:n]
    day_a, day_b = calendar_day(*a[:3]), calendar_day(*b[:3])
    if day_a is None or day_b is None:
        return True
    return abs((day_a - day_b).days) <= tolerance_days
