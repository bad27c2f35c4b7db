"""Write works as BibTeX, for biblatex/biber (the default) or for classic BibTeX.

One entry per work, in order of first citation, with the work's key. The two styles differ
where a user would notice:

=================  =====================================  ==================================
                   ``biblatex``                           ``bibtex``
=================  =====================================  ==================================
web page           ``@online``, ``urldate``               ``@misc``, access date in ``note``
report             ``@report`` (``type``, ``institution``) ``@techreport`` (``institution``)
journal/newspaper  ``journaltitle``                       ``journal``
date               ``date = {2023-03-13}``                ``year = {2023}``, ``month = mar``
=================  =====================================  ==================================

Text fields are escaped for LaTeX (``& % $ # _ { } ~ ^ \\``), acronyms in titles are
protected with braces, organisations as authors are wrapped in braces (``{Reuters}``), and
non-ASCII text (Cyrillic included) is kept as UTF-8. URLs and DOIs are written verbatim. A
source that could not be read becomes ``@misc`` with its text in ``note``. In classic BibTeX
a work without an author has a ``key`` (its outlet, publisher, title or site), which styles
such as ``plain`` sort and label it by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import MONTH_ABBREVIATIONS, long_date
from ..model import Reference
from ..urls import hostname, site_labels
from ..works import Work

__all__ = ["STYLES", "entry", "escape", "render_works"]

STYLES = ("biblatex", "bibtex")

_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}"}
_SPECIAL = re.compile(r"[\\&%$#_{}~^]")
_ARTICLES = ("article-journal", "article-newspaper", "article-magazine")
#: The entry types of a part of a book (a chapter, a conference paper): a ``booktitle`` and
#: the book's editors, publisher, place and pages.
_PARTS = ("incollection", "inproceedings")


def escape(text: str) -> str:
    """Escape LaTeX's special characters in a text field; other characters are kept."""
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], " ".join(text.split()))


def _protect(title: str) -> str:
    """Escape a title and brace its acronyms (``ICC``, ``UATE``) against case changes."""
    return re.sub(r"(?<![\\\w])([A-Z][A-Z0-9]+)(?![\w])", r"{\1}", escape(title))


def _verbatim(url: str) -> str:
    """A URL safe inside a braced verbatim field (braces, backslashes and spaces encoded)."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", url)


def _name(author: str) -> str:
    """One author for the ``author`` field: ``Last, First`` or a braced organisation."""
    if "," in author:
        last, _, first = author.partition(",")
        if " and " in last or " and " in first:
            return "{" + escape(author) + "}"
        return f"{escape(last.strip())}, {escape(first.strip())}"
    return "{" + escape(author) + "}"


def _names(names: tuple[str, ...]) -> str | None:
    return " and ".join(_name(a) for a in names) if names else None


def _long_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return long_date(parts[0], int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        return long_date(parts[0], int(parts[1]))
    return iso


def _sort_name(ref: Reference) -> str:
    """What classic BibTeX sorts and labels a work without an author by (its ``key``
    field): the outlet or publisher, else the title, else the site of its address."""
    if ref.container or ref.publisher or ref.title:
        return ref.container or ref.publisher or ref.title or ""
    if ref.urls and (labels := site_labels(hostname(ref.urls[0]))):
        return labels[-1]
    return "Anonymous"


def _institution(ref: Reference) -> str | None:
    if ref.publisher:
        return ref.publisher
    if len(ref.authors) == 1 and "," not in ref.authors[0]:
        return ref.authors[0]
    return ref.container


def _entry_type(work: Work, style: str) -> str:
    ref = work.reference
    biblatex = style == "biblatex"
    online = bool(ref.urls or ref.doi)
    fallback = ("online" if biblatex else "misc") if online else "misc"
    if ref.type in _ARTICLES and ref.container and ref.authors and ref.title:
        return "article"
    if ref.type == "report" and ref.authors and ref.title and _institution(ref):
        return "report" if biblatex else "techreport"
    if ref.type == "book" and (ref.authors or ref.editors) and ref.title:
        return "book"
    if ref.type == "chapter" and ref.authors and ref.title and ref.container:
        return "incollection"
    if ref.type == "paper-conference" and ref.authors and ref.title and ref.container:
        return "inproceedings"
    if ref.type == "thesis" and ref.authors and ref.title:
        return "thesis" if biblatex else "phdthesis"
    if ref.type == "manuscript" and ref.authors and ref.title:
        return "unpublished"
    if ref.type == "personal_communication":
        return "misc"
    if not (ref.title or ref.authors):
        return "misc"
    return fallback


def entry(work: Work, style: str = "biblatex") -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the (field, value) pairs of one work, values already escaped.

    ``month`` in the ``bibtex`` style is a month macro (``mar``), to be written unbraced.
    """
    if style not in STYLES:
        raise ValueError(f"unknown BibTeX style {style!r}; expected one of {STYLES}")
    ref = work.reference
    biblatex = style == "biblatex"
    kind = _entry_type(work, style)
    fields: list[tuple[str, str]] = []
    notes: list[str] = []

    def add(name: str, value: str | None) -> None:
        if value:
            fields.append((name, value))

    add("author", _names(ref.authors))
    if kind in ("book", *_PARTS):
        add("editor", _names(ref.editors))
    if not (biblatex or ref.authors):
        add("key", escape(_sort_name(ref)))
    title = ref.title
    if kind == "misc" and not title and ref.type == "personal_communication":
        title = "Personal communication"
    add("title", _protect(title) if title else None)
    container = escape(ref.container) if ref.container else None
    if kind == "article":
        add("journaltitle" if biblatex else "journal", container)
        if ref.type == "article-newspaper" and biblatex:
            add("entrysubtype", "newspaper")
    elif kind in ("report", "techreport"):
        if biblatex:
            add("type", "Report")
        add("institution", escape(_institution(ref) or ""))
        if ref.container and ref.container != _institution(ref):
            notes.append(escape(ref.container) + (f", No.~{escape(ref.issue)}"
                                                  if ref.issue else ""))
    elif kind in ("book", *_PARTS):
        add("booktitle", container if kind in _PARTS else None)
        add("publisher", escape(ref.publisher) if ref.publisher else None)
    elif kind in ("thesis", "phdthesis"):
        add("institution" if biblatex else "school", escape(_institution(ref) or ""))
        if biblatex:
            add("type", escape(ref.genre) if ref.genre else "Thesis")
    if ref.place and kind in ("book", *_PARTS, "report", "techreport", "thesis", "phdthesis"):
        add("location" if biblatex else "address", escape(ref.place))
    elif kind in ("online", "misc") and (ref.container or ref.publisher):
        if biblatex:
            add("organization", container or escape(ref.publisher or ""))
        else:
            add("howpublished", container or escape(ref.publisher or ""))
    if kind == "article":
        if ref.volume and ref.volume.isdigit():
            add("volume", ref.volume)
        elif ref.volume:
            notes.append(f"Vol.~{escape(ref.volume)}")
        add("number", escape(ref.issue) if ref.issue else None)
        add("pages", escape(ref.pages).replace("-", "--") if ref.pages else None)
    elif kind in _PARTS:
        add("pages", escape(ref.pages).replace("-", "--") if ref.pages else None)
    elif kind in ("report", "techreport"):
        if ref.issue and not ref.container:
            add("number", escape(ref.issue))
        add("pages", escape(ref.pages).replace("-", "--") if ref.pages else None)
    date = ref.date or (str(ref.year) if ref.year else None)
    if date:
        if biblatex:
            add("date", date)
        else:
            add("year", date[:4])
            if len(date) >= 7:
                add("month", MONTH_ABBREVIATIONS[int(date[5:7]) - 1])
    if ref.urls:
        add("url", _verbatim(ref.urls[0]))
    add("doi", _verbatim(ref.doi) if ref.doi else None)
    if ref.accessed:
        if biblatex:
            add("urldate", ref.accessed)
        else:
            notes.append(f"Accessed {_long_date(ref.accessed)}")
    if work.genre and ref.type not in ("personal_communication",):
        genre = escape(work.genre)
        if not (work.note and genre.casefold() in escape(work.note).casefold()):
            notes.append(genre)
    if work.note:
        notes.append(escape(work.note))
    if ref.type == "personal_communication" and title != "Personal communication":
        notes.append("Personal communication")
    if kind == "misc" and not (ref.title or ref.authors or ref.urls) and ref.raw and \
            not work.note:
        notes.append(escape(ref.raw))
    if kind == "unpublished" and not notes:
        notes.append("Unpublished")
    add("note", ". ".join(dict.fromkeys(n for n in notes if n)))
    return kind, fields


def render_works(works: Iterable[Work], *, style: str = "biblatex") -> str:
    """Render works as a BibTeX database (via bibtexparser), one entry per work, in order."""
    import bibtexparser
    from bibtexparser import model
    from bibtexparser.middlewares.parsestack import default_unparse_stack

    library = bibtexparser.Library()
    for work in works:
        kind, fields = entry(work, style)
        library.add(model.Entry(kind, work.key, [
            model.Field(name, value, enclosing="no-enclosing" if name == "month" else None)
            for name, value in fields]))
    if library.failed_blocks:
        duplicates = ", ".join(b.key for b in library.failed_blocks if hasattr(b, "key"))
        raise ValueError(f"duplicate BibTeX keys: {duplicates}")
    # In place: the library is this function's own, and copying it block by block (the
    # default) was half the writing time (2,222 works: 0.36 s, 0.17 s in deepcopy).
    return bibtexparser.write_string(
        library, unparse_stack=default_unparse_stack(allow_inplace_modification=True))
