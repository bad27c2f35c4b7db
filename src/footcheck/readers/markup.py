"""The notation readers write for what a file shows with formatting: markers, italics, links.

A superscript numeral is written ``^{xiv}``, italic text ``*…*`` and a link ``[text](url)``
or ``<url>``: what :mod:`footcheck.extract`, :mod:`footcheck.urls` and the reference parser
already read in plain-text briefs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import to_roman

_NUMERAL = re.compile(r"[0-9IVXLCDMivxlcdm]{1,10}")
_SPACES = re.compile(r"[ \t]+")
_LINK_SCHEMES = ("http://", "https://", "ftp://", "mailto:")


@dataclass
class Piece:
    """A stretch of text with the formatting that changes how it is written."""

    text: str
    italic: bool = False
    superscript: bool = False
    raw: bool = False  # already written in the notation (a note reference, a link)


def render(pieces: list[Piece]) -> str:
    """Write a paragraph's pieces: superscript numerals ``^{…}``, italics ``*…*``.

    Neighbouring pieces with the same formatting are written together, so a numeral split
    over several runs is one marker; runs of spaces and tabs become one space.
    """
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece.raw:
            out.append(piece.text)
            i += 1
            continue
        j = i
        while j < len(pieces) and not pieces[j].raw and \
                (pieces[j].italic, pieces[j].superscript) == (piece.italic, piece.superscript):
            j += 1
        text = "".join(p.text for p in pieces[i:j])
        if piece.superscript:
            out.append(superscript(text))
        elif piece.italic:
            out.append(italic(text))
        else:
            out.append(text)
        i = j
    return _SPACES.sub(" ", "".join(out))


def superscript(text: str) -> str:
    """Superscript text as a marker: ``^{xiv}`` (``^{3},^{4}`` for ``3,4``).

    Only numerals become markers; other superscript text (``st`` in 1st, ``TM``) is returned
    unchanged. Spaces around the numeral stay outside the braces.
    """
    core = text.strip()
    parts = [p.strip() for p in core.split(",")]
    if not core or not all(_NUMERAL.fullmatch(p) for p in parts):
        return text
    return _around(text, ",".join(f"^{{{p}}}" for p in parts))


def italic(text: str) -> str:
    """Italic text as ``*…*``, with surrounding spaces kept outside the asterisks."""
    core = text.strip()
    if not core or "*" in core:
        return text
    return _around(text, f"*{core}*")


def link(shown: str, target: str) -> str:
    """A link showing ``shown`` and going to ``target``.

    ``<url>`` when the text is the address itself, ``[text](url)`` otherwise, and just the
    text when the link goes nowhere a reader could follow (an empty target or an anchor in
    the same document, such as a note's back-link).
    """
    shown = " ".join(shown.split())
    target = target.strip()
    if not target:
        return shown
    if target.startswith("#") and target != "#":
        return shown  # a jump inside the document
    if shown in (target, target.split("://", 1)[-1], target.removeprefix("mailto:")):
        return f"<{target}>" if target.lower().startswith(_LINK_SCHEMES) else shown
    if not shown:
        return f"<{target}>" if target.lower().startswith(_LINK_SCHEMES) else ""
    if "[" in shown or "]" in shown:
        return f"{shown} <{target}>"
    return f"[{shown}]({target.replace(' ', '%20')})"


def _around(text: str, core: str) -> str:
    """``core`` with the leading and trailing white space of ``text`` around it."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{core}{trail}"


def format_number(number: int, fmt: str) -> str:
    """Write ``number`` as Word does in numbering format ``fmt`` (``lowerRoman``, …)."""
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = to_roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)
