"""Write works as CSL-JSON, the format Zotero, pandoc and citeproc read.

One item per work, in order of first citation: ``id`` is the work's key, ``type`` a CSL type
(``misc`` becomes ``document``), names are ``{family, given}`` for people and ``{literal}``
for organisations, dates are ``{"date-parts": [[year, month, day]]}`` with the precision the
note gives. Text that fits no field goes to ``note``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Reference
from ..works import Work
from .json import dump

__all__ = ["CSL_TYPES", "item", "item_type", "render_works"]

#: The types of the CSL 1.0.2 schema (``csl-data.json``) footcheck gives; anything else is
#: written as ``document``, a video as ``motion_picture``.
CSL_TYPES = frozenset({"article", "article-journal", "article-magazine", "article-newspaper",
                       "book", "broadcast", "chapter", "document", "legal_case", "legislation",
                       "manuscript", "motion_picture", "paper-conference",
                       "personal_communication", "post-weblog", "report", "thesis", "webpage"})


def item_type(kind: str) -> str:
    """The CSL type of a reference's ``type``."""
    if kind == "video":
        return "motion_picture"
    return kind if kind in CSL_TYPES else "document"


def _name(author: str) -> dict[str, str]:
    if "," in author:
        family, _, given = author.partition(",")
        name = {"family": family.strip()}
        if given.strip():
            name["given"] = given.strip()
        return name
    return {"literal": author}


def _date(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    return {"date-parts": [parts]} if parts else None


def item(work: Work) -> dict[str, Any]:
    """The CSL-JSON item of one work (keys with no value are left out)."""
    ref: Reference = work.reference
    kind = item_type(ref.type)
    out: dict[str, Any] = {"id": work.key, "type": kind}
    if ref.authors:
        out["author"] = [_name(a) for a in ref.authors]
    if ref.editors:
        out["editor"] = [_name(e) for e in ref.editors]
    title = ref.title
    if not title and kind == "personal_communication":
        title = "Personal communication"
    values: dict[str, Any] = {
        "title": title,
        "container-title": ref.container,
        "publisher": ref.publisher,
        "publisher-place": ref.place,
        "issued": _date(ref.date or (str(ref.year) if ref.year else None)),
        "accessed": _date(ref.accessed),
        "URL": ref.urls[0] if ref.urls else None,
        "DOI": ref.doi,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.pages,
        "genre": work.genre if kind not in ("personal_communication",) else None,
    }
    notes = [work.note] if work.note else []
    if not (ref.title or ref.authors or ref.urls) and ref.raw and not work.note:
        notes.append(ref.raw)
    values["note"] = ". ".join(notes) or None
    out.update({k: v for k, v in values.items() if v})
    return out


def render_works(works: Iterable[Work]) -> str:
    """Render works as a CSL-JSON array (UTF-8, two-space indent, final newline)."""
    return dump([item(w) for w in works])
