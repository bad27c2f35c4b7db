"""Write works as RIS, the tagged format EndNote, Mendeley and Zotero import.

One record per work, in order of first citation, each line ``TAG  - value`` and each record
ended by ``ER  - ``; lines end with CR LF, as the format's specification has it, and the text
is UTF-8. Tags written:

=====  ==========================================================================
``TY``  type: ``JOUR``, ``NEWS``, ``MGZN``, ``RPRT``, ``BOOK``, ``CHAP``, ``CPAPER``,
        ``ELEC``, ``BLOG``, ``VIDEO``, ``PCOMM``, ``UNPB``, else ``GEN``
``ID``  the work's key (the same as in BibTeX and CSL-JSON)
``AU``  each author (``Last, First``, or an organisation's name); ``A2`` each editor of
        the book or proceedings a chapter or a paper is in
``TI``  title; ``T2`` the container (journal, newspaper, site or series)
``PY``  year; ``DA`` the date (``2023/03/13/``, ``2023/07//``) when it has a month
``VL``  volume; ``IS`` issue or number; ``SP``/``EP`` first and last page
``PB``  publisher; ``CY`` place of publication (when known)
``UR``  each URL; ``DO`` DOI; ``Y2`` access date
``M3``  the kind of work (``draft manuscript``); ``N1`` text that fits no field
=====  ==========================================================================

A value is one line: line breaks and runs of spaces become one space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..works import Work

__all__ = ["TYPES", "record", "render_works"]

#: CSL type (as footcheck's references carry it) -> RIS reference type.
TYPES = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "report": "RPRT",
    "book": "BOOK",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "motion_picture": "VIDEO",
    "broadcast": "SOUND",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "thesis": "THES",
    "legislation": "STAT",
    "legal_case": "CASE",
    "personal_communication": "PCOMM",
    "manuscript": "UNPB",
}

_SPACE = re.compile(r"\s+")
_PAGES = re.compile(r"\s*[-–—]+\s*")
_EOL = "\r\n"


def _one_line(value: str) -> str:
    return _SPACE.sub(" ", value).strip()


def _date(iso: str) -> str | None:
    """``2023-03-13`` -> ``2023/03/13/``, ``2023-07`` -> ``2023/07//``; None for a year
    alone (``PY`` says it)."""
    parts = iso.split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = [*parts, ""][:3]
    return f"{year}/{month}/{day}/"


def record(work: Work) -> list[tuple[str, str]]:
    """The (tag, value) lines of one work's record, ``ER`` last."""
    ref = work.reference
    out: list[tuple[str, str]] = []

    def add(tag: str, value: str | None) -> None:
        if value and _one_line(value):
            out.append((tag, _one_line(value)))

    add("TY", TYPES.get(ref.type, "GEN"))
    add("ID", work.key)
    for author in ref.authors:
        add("AU", author)
    for editor in ref.editors:
        add("A2", editor)
    title = ref.title
    if not title and ref.type == "personal_communication":
        title = "Personal communication"
    add("TI", title)
    add("T2", ref.container)
    date = ref.date or (str(ref.year) if ref.year else None)
    if date:
        add("PY", date[:4])
        add("DA", _date(date))
    add("VL", ref.volume)
    add("IS", ref.issue)
    if ref.pages:
        first, _, last = _PAGES.sub("-", ref.pages.strip()).partition("-")
        add("SP", first)
        add("EP", last)
    add("PB", ref.publisher)
    add("CY", ref.place)
    for url in ref.urls:
        add("UR", url)
    add("DO", ref.doi)
    if ref.accessed:
        add("Y2", ref.accessed.replace("-", "/"))
    if work.genre and ref.type != "personal_communication":
        add("M3", work.genre)
    notes = [work.note] if work.note else []
    if not (ref.title or ref.authors or ref.urls) and ref.raw and not work.note:
        notes.append(ref.raw)
    add("N1", ". ".join(notes))
    out.append(("ER", ""))
    return out


def _lines(works: Iterable[Work]) -> Iterator[str]:
    for i, work in enumerate(works):
        if i:
            yield ""
        for tag, value in record(work):
            yield f"{tag}  - {value}"


def render_works(works: Iterable[Work]) -> str:
    """Render works as a RIS file (CR LF line ends, a blank line between records)."""
    lines = list(_lines(works))
    return _EOL.join(lines) + _EOL if lines else ""
