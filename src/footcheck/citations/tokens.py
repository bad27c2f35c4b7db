"""Split a citation into tokens that keep their offsets; punctuation marks are tokens.

A URL (``https://…``, ``http://…``, ``www.…``), a DOI (``10.1234/abc``, ``doi:10.…``) and an
e-mail address are one token each, without the punctuation that ends the sentence after them
(``<https://x.org/a>.`` gives ``<``, ``https://x.org/a``, ``>``, ``.``); a URL keeps a closing
bracket it opened itself (``…/Gini_(index)``). A word is letters with inner apostrophes or
hyphens (``Russia's``, ``Russian-speaking``); a number is digits, with inner ``.``/``,``
between digits (``1.5``, ``250,000``); an ISO date (``2023-08-23``, ``2023-08``) is one
token. Every other
character that is not white space is a token of its own (``.``, ``,``, ``(``, ``*``, ``\\``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize"]


class Token(NamedTuple):
    text: str
    start: int
    end: int


_TOKEN = re.compile(
    r"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s<>"“”]+)
  | (?P<doi>(?:(?:doi|DOI)\s?:\s?)?10\.\d{4,9}/[^\s<>"“”]+)
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<iso>\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?\b(?!-\d))
  | (?P<num>\d+(?:[.,]\d+)*)
  | (?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

_TRAILING = ".,;:!?'\"’”*_\\"


def _trim(text: str) -> str:
    """A URL or DOI without the punctuation that follows it in the sentence."""
    while text:
        last = text[-1]
        if last in _TRAILING:
            text = text[:-1]
        elif last in ")]":
            opener = "(" if last == ")" else "["
            if text.count(opener) >= text.count(last):
                break
            text = text[:-1]
        else:
            break
    return text


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` with their (start, end) offsets, in order."""
    out: list[Token] = []
    append = out.append
    pos = 0
    n = len(text)
    while pos < n:
        for m in _TOKEN.finditer(text, pos):
            kind = m.lastgroup
            s, e = m.span()
            if kind != "url" and kind != "doi":
                append(Token(m.group(), s, e))
                continue
            value = m.group()
            cut = value.find("](")
            if cut > 0:  # a Markdown link written [url](url)
                value = value[:cut]
            value = _trim(value) or value[:1]
            append(Token(value, s, s + len(value)))
            if s + len(value) < e:  # what was trimmed is read again
                pos = s + len(value)
                break
        else:
            pos = n
    return out
