"""The parts of a Word file that are not its text: the zip package, styles, list numbering.

:class:`Package` opens the .docx zip and reads its XML parts on demand, with clear
:class:`~footcheck.readers.Unreadable` errors for a damaged, encrypted or oversized file;
:func:`styles` reads what the reader needs of ``word/styles.xml`` (superscript and italic
character styles, numbered paragraph styles); :class:`Lists` computes the visible labels of
automatically numbered paragraphs from ``word/numbering.xml``.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.parsers import expat

from . import Unreadable
from .markup import format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
MAX_PART = 64 * 1024 * 1024  # bytes of one uncompressed XML part (zip-bomb guard)
#: What the XML parts one file's reader parses may add up to, by what they unpack to: their
#: bytes, and their tags (an element has at least one "<"; ElementTree keeps ~160 bytes per
#: element, so a million tiny ones are ~200 MB, and a 60 MB part of ``<w:p/>`` took 1 GB).
#: A 300-page report has ~400,000 tags.
MAX_UNPACKED = 100 * 1024 * 1024
MAX_TAGS = 1_000_000
_CHUNK = 1024 * 1024  # bytes unpacked at a time
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError,
               EOFError, zlib.error)
FALSE = frozenset({"0", "false", "off", "none"})


class Budget:
    """What the XML parts of one file have added up to, against :data:`MAX_UNPACKED` and
    :data:`MAX_TAGS`: counted on the bytes each part unpacks to, before it is parsed."""

    def __init__(self) -> None:
        self.bytes = 0
        self.tags = 0

    def spend(self, data: bytes) -> None:
        """Count part ``data``; :class:`Unreadable` when the file is over a limit."""
        self.bytes += len(data)
        self.tags += data.count(b"<")
        if self.bytes > MAX_UNPACKED:
            raise Unreadable(f"is too large to read (its XML unpacks to more than "
                             f"{MAX_UNPACKED // (1024 * 1024)} MB)")
        if self.tags > MAX_TAGS:
            raise Unreadable(f"is too large to read (more than {MAX_TAGS:,} XML elements)")


class Package:
    """The parts of a .docx zip archive, read on demand, with clear errors when damaged."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise Unreadable("is not a valid .docx file (damaged zip archive)") from None
        self.budget = Budget()

    def main_part(self) -> str:
        """The name of the main document part, normally ``word/document.xml``."""
        for rel in self.relationships("_rels/.rels", ""):
            if rel[0].endswith(_OFFICE_DOCUMENT) and rel[1] in self.names:
                return rel[1]
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise Unreadable(f"is a zip archive but not a Word document ({self._what()})")

    def _what(self) -> str:
        if "mimetype" in self.names:
            try:
                kind = read_member(self.zip, "mimetype", 100, exact=False).decode(
                    "ascii", "replace")
            except _ZIP_ERRORS:
                kind = "unknown"
            if "opendocument.text" in kind:
                return "it is an OpenDocument .odt file; save it as .docx"
            return f"it is an OpenDocument file of type {kind.strip()}"
        if any(n.startswith("xl/") for n in self.names):
            return "it is an Excel workbook"
        if any(n.startswith("ppt/") for n in self.names):
            return "it is a PowerPoint presentation"
        return "no word/document.xml in it"

    def raw(self, name: str) -> bytes | None:
        """The bytes of part ``name``, or ``None`` when there is no such part."""
        if name not in self.names:
            return None
        try:
            return read_member(self.zip, name)
        except _ZIP_ERRORS as exc:
            if "encrypted" in str(exc):
                raise Unreadable("is password-protected (an encrypted zip archive)") from None
            raise Unreadable(f"is a damaged Word file ({name} cannot be unpacked)") from None

    def xml(self, name: str) -> ElementTree.Element:
        """Part ``name`` parsed as XML (an empty element when the part is missing)."""
        data = self.raw(name)
        if data is None:
            return ElementTree.Element("missing")
        self.budget.spend(data)
        refuse_doctype(data, name)
        try:
            return ElementTree.fromstring(data)
        except (ElementTree.ParseError, LookupError, ValueError):  # LookupError: encoding
            raise Unreadable(f"is a damaged Word file ({name} is not well-formed XML)") from None

    def relationships(self, rels_name: str, base: str) -> Iterator[tuple[str, str, bool]]:
        """(type, target, external) of each relationship in part ``rels_name``.

        Internal targets are resolved against folder ``base`` into part names.
        """
        for rel in self.xml(rels_name).iter(REL):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = resolve(base, target)
            yield rel.get("Type", ""), target, external


def read_member(archive: zipfile.ZipFile, name: str, limit: int | None = None, *,
                exact: bool = True) -> bytes:
    """The unpacked bytes of member ``name``, read a chunk at a time, so that memory stays
    small whatever the zip header claims: more than ``limit`` bytes coming out raises
    :class:`Unreadable` (or, when not ``exact``, the first ``limit`` bytes are returned).

    Zip errors (damaged, encrypted) are left to the caller, which names the kind of file.
    ``limit`` defaults to :data:`MAX_PART`.
    """
    limit = MAX_PART if limit is None else limit
    chunks = []
    total = 0
    with archive.open(name) as stream:
        while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                if not exact:
                    return b"".join(chunks)[:limit]
                raise Unreadable(f"is too large to read ({name} unpacks to more than "
                                 f"{limit // (1024 * 1024)} MB)")
    return b"".join(chunks)


class _Stop(Exception):
    """Raised from an expat handler to end a scan of the prolog."""


def refuse_doctype(data: bytes, name: str) -> None:
    """Raise :class:`Unreadable` when XML part ``name`` has a document type declaration.

    Word and OpenDocument never write one; in a hostile file it declares entities that
    expand to gigabytes ("billion laughs"). Only the prolog is scanned, up to the root
    element, by the same expat that parses the part afterwards (so in any encoding).
    """
    found: list[bool] = []

    def doctype(*_: object) -> None:
        found.append(True)
        raise _Stop

    def element(*_: object) -> None:
        raise _Stop

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = element
    # A malformed prolog fails again, and is reported, when the part is parsed.
    with contextlib.suppress(_Stop, expat.ExpatError, ValueError, LookupError):
        parser.Parse(data, True)
    if found:
        raise Unreadable(f"is refused: {name} declares a DOCTYPE or XML entities, which "
                         "could expand to gigabytes (documents never need them)")


def folder(part: str) -> str:
    """The folder of part name ``part`` (``word`` for ``word/document.xml``)."""
    return part.rsplit("/", 1)[0] if "/" in part else ""


def rels_of(part: str) -> str:
    """The name of the relationships part of ``part``."""
    return f"{folder(part)}/_rels/{part.rsplit('/', 1)[-1]}.rels".lstrip("/")


def resolve(base: str, target: str) -> str:
    """Resolve a relative part name against folder ``base`` (``word``)."""
    parts = [] if target.startswith("/") else [p for p in base.split("/") if p]
    for piece in target.lstrip("/").split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


@dataclass
class Style:
    based_on: str | None = None
    superscript: bool | None = None
    italic: bool | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl) of a numbered paragraph style
    name: str = ""  # its name: Word's English name of a built-in style ("toc 1") in any language


def number(element: ElementTree.Element | None, default: int, name: str = "val") -> int:
    """The integer attribute ``w:val`` (or ``name``) of ``element``; ``default`` if absent or
    not a small number (a damaged file must not stop the reading)."""
    value = element.get(f"{W}{name}", "") if element is not None else ""
    return int(value) if value.isdigit() and len(value) < 6 else default


def on(element: ElementTree.Element | None) -> bool | None:
    """The value of a toggle property such as ``<w:i/>`` or ``<w:i w:val="0"/>``."""
    if element is None:
        return None
    return element.get(f"{W}val", "1").lower() not in FALSE


def styles(root: ElementTree.Element) -> dict[str, Style]:
    """The styles of ``word/styles.xml`` that matter here, by style id."""
    out = {}
    for style in root.iter(f"{W}style"):
        based = style.find(f"{W}basedOn")
        entry = Style(based_on=based.get(f"{W}val") if based is not None else None)
        rpr = style.find(f"{W}rPr")
        if rpr is not None:
            align = rpr.find(f"{W}vertAlign")
            if align is not None:
                entry.superscript = align.get(f"{W}val") == "superscript"
            entry.italic = on(rpr.find(f"{W}i"))
        entry.num = num_pr(style.find(f"{W}pPr"))
        name = style.find(f"{W}name")
        entry.name = name.get(f"{W}val", "") if name is not None else ""
        out[style.get(f"{W}styleId", "")] = entry
    return out


def num_pr(ppr: ElementTree.Element | None) -> tuple[str, int] | None:
    """The (numId, ilvl) of a paragraph's or style's ``w:numPr``, if any."""
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is None:
        return None
    num_id = num.find(f"{W}numId")
    level = num.find(f"{W}ilvl")
    if num_id is None:
        return None
    return num_id.get(f"{W}val", "0"), number(level, 0)


class Lists:
    """Word's automatic list numbering (``word/numbering.xml``): the visible labels."""

    def __init__(self, root: ElementTree.Element) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                start = lvl.find(f"{W}start")
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                levels[number(lvl, 0, "ilvl")] = (
                    number(start, 1),
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "")
            self.levels[abstract.get(f"{W}abstractNumId", "")] = levels
        self.abstract_of: dict[str, str] = {}
        #: the levels a list instance starts again, and where (``w:lvlOverride``)
        self.restarts: dict[str, dict[int, int]] = {}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                num_id = num.get(f"{W}numId", "")
                self.abstract_of[num_id] = ref.get(f"{W}val", "")
                for override in num.iter(f"{W}lvlOverride"):
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        self.restarts.setdefault(num_id, {})[number(override, 0, "ilvl")] = \
                            number(start, 1)
        self.counters: dict[str, list[int]] = {}

    def label(self, num_id: str, level: int) -> str:
        """The next label of list ``num_id`` at ``level`` (``3.``, ``iv)``, ``-``, or empty).

        Lists sharing one definition share its count, except that a list whose
        ``w:lvlOverride`` sets a ``w:startOverride`` starts again there at its first
        paragraph (pandoc and Word write each new list so: two lists numbered 1, 2)."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or level not in levels or num_id == "0" or not 0 <= level < 10:
            return ""
        counters = self.counters.setdefault(abstract or "", [0] * 10)
        start, fmt, _ = levels[level]
        restart = self.restarts.get(num_id, {}).pop(level, None)
        if restart is not None:
            counters[level] = restart
        else:
            counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = 0
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl_start, lvl_fmt, _ = levels.get(k, (1, "decimal", ""))
            return format_number(counters[k] or lvl_start, lvl_fmt)

        return re.sub(r"%([1-9])", value, levels[level][2]).strip()
