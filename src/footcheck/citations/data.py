"""Read and write labelled citations in AnyStyle's XML format, mapped onto our labels.

The format is AnyStyle's (``res/parser/*.xml``)::

    <dataset>
      <sequence>
        <author>Birch, H.</author>
        <date>(2009)</date>
        <title>Dementia, lesbians and gay men.</title>
      </sequence>
    </dataset>

Each element is a span of the citation and its name is the span's label. The citation's text
is the spans' text joined by what lies between the elements: white space that holds a line
break (AnyStyle's indentation) counts as one space, a space as a space, nothing as nothing
(``<title>[Title]</title><url>(https://…)</url>`` is ``[Title](https://…)``). Text between
elements that is not white space is labelled ``other``. Our own files may carry a ``style``
attribute on ``<sequence>`` (``chicago-notes``, ``apa``, ``news`` …); AnyStyle ignores it.

AnyStyle's labels are mapped onto ours (``LABELS``); ours are accepted as they are:

=====================================  ===========
AnyStyle                               ours
=====================================  ===========
author, director, producer             author
editor                                 editor
translator                             translator
title                                  title
journal, container-title               container
collection-title                       collection
publisher                              publisher
location                               place
date                                   date
volume (volume and issue together)     volume
pages                                  pages
url                                    url
doi                                    doi
note, isbn, source, dataset            note
note that gives an access date         accessed
genre, medium                          genre
edition                                edition
citation-number                        other
=====================================  ===========

A ``note`` is an access date (``accessed``) when it starts with *accessed*, *retrieved*,
*viewed*, *consulted*, *last accessed* … and holds a year or a month, as in ``Accessed May 29,
2013.`` or ``Retrieved 2010-08-07.``; ``Retrieved from`` stays a note. ``other`` is text
that belongs to no field: separators between the sources of one note (``;``), citation
numbers, stray punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the XML modules are imported by read and write: the audit needs neither)
    import xml.etree.ElementTree as ET

from .tokens import Token, tokenize

__all__ = ["LABELS", "Sequence", "dedupe_key", "read", "write"]

LABELS = (
    "author", "editor", "translator", "title", "container", "collection", "publisher", "place",
    "date", "volume", "pages", "url", "doi", "accessed", "note", "genre", "edition", "other",
)

_MAP = {
    "director": "author", "producer": "author",
    "journal": "container", "container-title": "container",
    "collection-title": "collection", "location": "place",
    "isbn": "note", "source": "note", "dataset": "note",
    "medium": "genre", "citation-number": "other",
}

_ACCESS = re.compile(
    r"^\W*(?:last\s+)?(?:accessed|retrieved|viewed|consulted|visited|abgerufen|consulté|"
    r"дата\s+обращения|zugegriffen|acceso)\b", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"\b(?:1[5-9]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE)


@dataclass
class Sequence:
    """One labelled citation: its text and its (label, start, end) spans."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    style: str | None = None

    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    def labels(self, tokens: list[Token] | None = None) -> list[str]:
        """The label of each token: that of the span it starts in, else ``other``."""
        tokens = self.tokens() if tokens is None else tokens
        out = []
        k = 0
        spans = self.spans
        for t in tokens:
            while k < len(spans) and spans[k][2] <= t.start:
                k += 1
            if k < len(spans) and spans[k][1] <= t.start < spans[k][2]:
                out.append(spans[k][0])
            else:
                out.append("other")
        return out


def map_label(name: str, text: str) -> str:
    """Our label for an element called ``name`` (AnyStyle's or ours) holding ``text``."""
    label = _MAP.get(name, name)
    if label == "note" and _ACCESS.search(text) and _DATE_LIKE.search(text):
        return "accessed"
    if label not in LABELS:
        raise ValueError(f"unknown label {name!r}")
    return label


def _glue(tail: str | None) -> str:
    if not tail:
        return ""
    if tail.strip():
        return " " + " ".join(tail.split()) + " "
    return " " if ("\n" in tail or " " in tail or "\t" in tail) else ""


def _sequence(node: ET.Element) -> Sequence:
    parts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0

    def add(text: str, label: str | None) -> None:
        nonlocal pos
        if label is not None:
            spans.append((label, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)

    lead = (node.text or "").strip()
    if lead:
        add(" ".join(lead.split()), "other")
        add(" ", None)
    children = list(node)
    for i, child in enumerate(children):
        content = " ".join("".join(child.itertext()).split())
        if content:
            add(content, map_label(child.tag, content))
        if i < len(children) - 1:
            tail = child.tail
            if tail and tail.strip():
                add(" ", None)
                add(" ".join(tail.split()), "other")
                add(" ", None)
            else:
                add(_glue(tail), None)
        elif child.tail and child.tail.strip():
            add(" ", None)
            add(" ".join(child.tail.split()), "other")
    return Sequence("".join(parts), spans, node.get("style"))


def read(path: str | Path) -> list[Sequence]:
    """The labelled citations of an AnyStyle-format XML file, in file order."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return [_sequence(s) for s in root.iter("sequence")]


def write(sequences: Iterable[Sequence], path: str | Path) -> None:
    """Write ``sequences`` in the same format, one ``<sequence>`` a line."""
    from xml.sax.saxutils import escape

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<dataset>"]
    for seq in sequences:
        attr = f' style="{escape(seq.style)}"' if seq.style else ""
        body = []
        pos = 0
        for label, s, e in seq.spans:
            body.append(escape(seq.text[pos:s]))
            body.append(f"<{label}>{escape(seq.text[s:e])}</{label}>")
            pos = e
        body.append(escape(seq.text[pos:]))
        lines.append(f"  <sequence{attr}>{''.join(body).strip()}</sequence>")
    lines.append("</dataset>")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def dedupe_key(text: str) -> str:
    """A citation's text reduced to lower-case letters and digits, to find the same one twice."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())
