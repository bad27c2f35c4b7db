"""Generated briefs for fuzzing footcheck: every input format, whole or damaged.

A brief is drawn as a structure (paragraphs of text, markers in every notation, links,
italics; notes with citation-like text) and written out as plain text, Markdown,
reStructuredText, HTML, Word .docx, OpenDocument .odt/.fodt or PDF, each in its own markup
(a Word endnote reference, an ODF ``text:note``, a pandoc footnote list…). Pieces of text come
from every script, with control characters, bidirectional overrides and malformed URLs mixed
in. A container is then sometimes damaged: truncated, bytes flipped, a zip member's data
garbled, an unsupported compression, a lying header, XML cut or nested thousands deep.

Every draw goes through a :class:`Source`: :class:`RandomSource` (a seeded
:class:`random.Random`, fast, for ``benchmarks/fuzz.py``) or :class:`DrawSource`
(hypothesis's ``data.draw``, which shrinks a failing input, for the tests). A draw's first
choice is its simplest, so that hypothesis shrinks towards plain briefs.

Nothing here imports footcheck: the generators describe files, :mod:`fuzzcheck` audits them.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

#: Every input kind, as (name, file suffix).
KINDS: dict[str, str] = {
    "text": ".txt",
    "markdown": ".md",
    "rst": ".rst",
    "html": ".html",
    "docx": ".docx",
    "odt": ".odt",
    "fodt": ".fodt",
    "pdf": ".pdf",
}


# --- sources of choices ---------------------------------------------------------------------

class Source:
    """Where a generator's choices come from."""

    def integer(self, lo: int, hi: int) -> int:
        raise NotImplementedError

    def choice(self, items: Sequence[T]) -> T:
        return items[self.integer(0, len(items) - 1)]

    def chance(self, p: float) -> bool:
        """True with probability about ``p`` (False is the simpler answer)."""
        return self.integer(0, 999) >= 1000 * (1 - p)

    def some(self, most: int, draw: Callable[[], T], at_least: int = 0) -> list[T]:
        return [draw() for _ in range(self.integer(at_least, most))]


class RandomSource(Source):
    def __init__(self, seed: int | random.Random) -> None:
        self.rng = seed if isinstance(seed, random.Random) else random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, items: Sequence[T]) -> T:
        return self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


class DrawSource(Source):
    """Choices drawn by hypothesis (``st.data()``), so that failures shrink."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies as st

        self.data, self.st = data, st

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(self.st.integers(lo, hi))


# --- pieces of text -------------------------------------------------------------------------

WORDS = ("migration", "policy", "border", "housing", "the", "of", "and", "report", "survey",
         "ministry", "rent", "growth", "exile", "visa", "see", "also", "cf.", "p.", "pp.",
         "vol.", "no.", "ed.", "eds.", "trans.", "Ibid.", "ibid", "Id.", "op. cit.",
         "loc. cit.", "supra", "infra", "note", "n.", "e.g.", "i.e.", "etc.", "TK", "XXX",
         "[citation needed]", "??", "TODO", "Notes", "Sources", "References", "10^6",
         "km²", "H₂O", "x^2", "2035⁴", "19th", "1990s", "§", "¶", "—", "–", "…", "•")
SCRIPTS = ("Кириллица и текст", "Ελληνικά", "العربية الفصحى", "עברית", "हिन्दी", "中文字符",
           "日本語のテキスト", "한국어", "ไทย", "Ελλάδα", "Türkçe ğış", "Łódź", "Ærø",
           "😀👍🏽🏳️‍🌈", "e\u0301\u0302\u0303", "ｆｕｌｌ１２", "١٢٣٤", "۱۲۳", "Ⅻ", "ﬁ",
           "\U0001d400\U0001d401", "𐌀𐌁", "ß", "İ", "ǅ")
CONTROLS = ("\x01", "\x07", "\x08", "\t", "\x0b", "\x0c", "\x1b[31m", "\x1b]0;x\x07",
            "\x7f", "\x80", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200c",
            "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
            "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufffe", "\uffff", "\ufffd",
            "\u00ad", "\u2060", "\r", "\u3000", "\u00a0", "\u2009")
PUNCTUATION = ('"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}", "<", ">",
               "&", "*", "_", "`", "\\", "|", "#", "^", ":", ";", ",", ".", "!", "?", "%",
               "$", "~", "=", "+", "@", "/", "-", "--", "```", "~~~", "::", "..", "]]>",
               "<!--", "-->", "&amp;", "&#x202e;", "&nbsp;", "&bogus;", "%s", "{0}", "\\n")
MONTHS = ("January", "March", "May", "Sept.", "Dec", "мая", "janvier", "März")
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPER_ROMAN = str.maketrans("ivx", "ⁱᵛˣ")


def roman(n: int) -> str:
    if n <= 0:
        return "nulla"
    out = []
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def label_text(src: Source, n: int) -> str:
    """A note number as a document writes it."""
    return src.choice((str(n), roman(n).lower(), roman(n), str(n), "*", "†", "a", "0",
                       "007", str(n * 1000), roman(n) + "I", "l1", "iv", "x" * 9))


HOSTS = ("example.org", "www.example.com", "news.bbc.co.uk", "sub.domain.example.co.jp",
         "xn--80ak6aa92e.com", "пример.рф", "例え.テスト", "1.2.3.4", "1.2.3.⁷54", "[::1]",
         "[2001:db8::1]", "127.0.0.1", "localhost", "169.254.169.254", "10.0.0.1",
         "exa mple.org", "example..org", "-bad-.org", "example.org:8080", "example.org:99999",
         "user:pass@example.org", "example", "example.org.", "EXAMPLE.ORG", "a" * 70 + ".org",
         "google.com", "www.google.com", "web.archive.org", "doi.org", "t.co", "bit.ly",
         "xn--", "%65xample.org", "example.org\u202e", "exa\u200bmple.org", "ｅｘａｍｐｌｅ.org")
PATHS = ("", "/", "/a/b", "/report.pdf", "/wiki/Foo_(bar)", "/search?q=x&utm_source=tw",
         "/path?utm_medium=email&fbclid=abc&id=3", "/web/20200101000000/https://x.org/",
         "/10.1000/182", "/a%20b", "/a b", "/%E2%82%AC", "/€uro", "/a/../b", "#frag",
         "/#:~:text=a%20b", "/x?a=1&b=2#c", "/" + "x" * 300, "/a)", "/(a", "/a,", "/a.",
         "/a\\_b", "/a_b_", "/\u202emoc.elgoog", "/ünï", "/a%", "/a%zz", "?", "/;p?q#f")
SCHEMES = ("https://", "http://", "www.", "ftp://", "HTTPS://", "htps://", "https:/",
           "https:// ", "https//", "javascript:", "data:", "mailto:", "file://", "hxxp://",
           "https://https://", "//")


def url(src: Source) -> str:
    return src.choice(SCHEMES) + src.choice(HOSTS) + src.choice(PATHS)


def url_form(src: Source) -> str:
    """A URL as a brief writes it: bare, in angle brackets, a Markdown link, broken."""
    u = url(src)
    forms = (u, f"<{u}>", f"[{src.choice(WORDS)}]({u})", f"({u})", f"{u}.", f"“{u}”",
             f"<{u}", "[x]()", "[x](#)", f"[{u}]({u})", f"< {u} >", f"{u}{u}",
             f"Available at: {u} (accessed 3 May 2022)", u.replace("/", "/ ", 1),
             f"[a [b] c]({u})", f"![img]({u})", f"[x]({u} \"title\")", f"<{u}>{u}")
    return src.choice(forms)


def citation(src: Source) -> str:
    """Text that looks more or less like a source."""
    year = src.choice(("2020", "(2021)", "n.d.", "2019a", "1850", "3000", "2020–2021", "'23",
                       "19", "2023-05-04"))
    author = src.choice(("Smith, John", "J. Smith", "Smith, J. and Doe, A.",
                         "Иванов, И. И.", "World Bank", "The Economist", "Smitha, Jane",
                         "van der Berg, A.", "O'Neil, C.", "et al.", "Anon.", "", "Reuters",
                         "Smith, John, Doe, Jane, Roe, Richard, Poe, Edgar, Moe, Tim, et al.",
                         "王小明", "Müller, Jörg"))
    title = src.choice(("*Living in Exile*", "'The Price of Rent,'", "“A Study”",
                        "\"Quoted Title\"", "*Untitled*", "Report on things", "*",
                        "“Unclosed title", "*Nested *italic* title*", "Заголовок статьи"))
    parts = [author, year, title]
    extra = ("*Journal of Things* 12(3): 45–67", "Vol. 4, no. 2", "pp. 1-2",
             "London: Penguin", "Moscow", "doi:10.1000/182", "DOI 10.1234/ABC.5",
             f"{src.integer(1, 31)} {src.choice(MONTHS)} {year}", "Accessed 5 January 2023",
             "Ibid.", "Ibid., p. 4", "See note 3", "op. cit., 12", "Interview with the author",
             "Personal communication", "[Online]", "(in Russian)", "ISBN 978-3-16-148410-0")
    parts += src.some(3, lambda: src.choice(extra))
    if src.chance(0.6):
        parts.append(url_form(src))
    if src.chance(0.2):
        src_rng = [p for p in parts if p]
        return src.choice((" ", ", ", ". ", "; ")).join(reversed(src_rng))
    return ". ".join(p for p in parts if p) + src.choice((".", "", " ", ";"))


def word(src: Source) -> str:
    """One piece of running text: usually a word, sometimes anything at all."""
    pick = src.integer(0, 99)
    if pick < 55:
        return src.choice(WORDS)
    if pick < 70:
        return src.choice(SCRIPTS)
    if pick < 82:
        return src.choice(PUNCTUATION)
    if pick < 92:
        return src.choice(CONTROLS)
    if pick < 97:
        return url_form(src)
    return chr(src.integer(0, 0x10FFFF)).encode("utf-8", "replace").decode("utf-8", "replace") \
        if src.chance(0.5) else chr(src.integer(0x20, 0x2FFF))


def phrase(src: Source, most: int = 12) -> str:
    return " ".join(src.some(most, lambda: word(src), at_least=1))


# --- the structure of a brief ---------------------------------------------------------------

@dataclass
class Marker:
    number: int
    series: str  # "end" or "foot"
    label: str


@dataclass
class Link:
    text: str
    url: str


@dataclass
class Italic:
    text: str


Inline = str | Marker | Link | Italic


@dataclass
class Note:
    number: int
    series: str
    label: str
    content: list[Inline]


@dataclass
class Brief:
    title: str
    body: list[list[Inline]]
    notes: list[Note]
    heading: str = "Notes"
    extras: list[str] = field(default_factory=list)  # raw lines of the text formats


HEADINGS = ("Notes", "Endnotes", "NOTES", "Footnotes", "References", "Sources", "Notes:",
            "Примечания", "", "Works cited", "Bibliography")


def inline(src: Source, notes: int) -> list[Inline]:
    """A paragraph's content: text with markers citing notes 1…``notes`` (and beyond)."""
    out: list[Inline] = []
    for _ in range(src.integer(1, 14)):
        pick = src.integer(0, 99)
        if pick < 55:
            out.append(phrase(src))
        elif pick < 80:
            n = src.integer(1, max(notes + 2, 1)) if notes and src.chance(0.95) else \
                src.integer(0, 5000)
            series = "foot" if src.chance(0.3) else "end"
            out.append(Marker(n, series, label_text(src, n)))
        elif pick < 90:
            out.append(Link(phrase(src, 3), url(src)))
        else:
            out.append(Italic(phrase(src, 4)))
    return out


def brief(src: Source) -> Brief:
    count = src.integer(0, 12)
    body = [inline(src, count) for _ in range(src.integer(0, 6))]
    notes = []
    for n in range(1, count + 1):
        if src.chance(0.08):
            continue  # a missing note
        number = n if src.chance(0.9) else src.integer(0, 3 * count + 2)
        series = "foot" if src.chance(0.3) else "end"
        content: list[Inline] = [citation(src)]
        if src.chance(0.3):
            content += inline(src, 0)
        notes.append(Note(number, series, label_text(src, number), content))
    if src.chance(0.1):
        src_order = list(notes)
        src_order.reverse()
        notes = src_order
    extras = src.some(3, lambda: citation(src) if src.chance(0.5) else phrase(src))
    return Brief(title=phrase(src, 6), body=body, notes=notes, heading=src.choice(HEADINGS),
                 extras=extras)


# --- plain text ------------------------------------------------------------------------------

TEXT_MARKERS = ("^{%s}", "^%s", "^%s^", "[^%s]", "[%s]", "<sup>%s</sup>", "SUP", "(%s)",
                "%s", "^{%s", "^{ %s }", "{%s}", "^^%s", "[^%s]:", "*%s", "^{%s}^{%s}")
TEXT_LABELS = ("^{%s} ", "- ^{%s} ", "[^%s]: ", "%s. ", "[%s] ", "SUP ", "%s ", "%s) ",
               "^%s ", "(%s) ", "%s.\t", "  ^{%s}  ", "^{%s}", "[^%s]:")


def _text_marker(src: Source, m: Marker, style: int) -> str:
    form = TEXT_MARKERS[style] if src.chance(0.85) else src.choice(TEXT_MARKERS)
    if form == "SUP":
        return m.label.translate(SUPERSCRIPTS).translate(SUPER_ROMAN)
    return form.replace("%s", m.label)


def _text_inline(src: Source, items: list[Inline], style: int) -> str:
    out = []
    for item in items:
        if isinstance(item, Marker):
            out.append(_text_marker(src, item, style))
        elif isinstance(item, Link):
            out.append(src.choice((f"[{item.text}]({item.url})", f"<{item.url}>", item.url)))
        elif isinstance(item, Italic):
            out.append(f"*{item.text}*")
        else:
            out.append(item)
    return src.choice(("", " ")).join(out) if src.chance(0.2) else " ".join(out)


def plain_text(src: Source, b: Brief) -> str:
    style = src.integer(0, 5)
    lines = [b.title, ""]
    for para in b.body:
        lines += [_text_inline(src, para, style), ""]
    if b.notes or src.chance(0.5):
        lines += [b.heading, ""]
    labels = TEXT_LABELS[style] if style < len(TEXT_LABELS) else TEXT_LABELS[0]
    for note in b.notes:
        form = labels if src.chance(0.85) else src.choice(TEXT_LABELS)
        head = note.label.translate(SUPERSCRIPTS).translate(SUPER_ROMAN) + " " \
            if form == "SUP " else form.replace("%s", note.label)
        lines.append(head + _text_inline(src, note.content, style))
        if src.chance(0.15):
            lines.append(src.choice(("    continued " + phrase(src), "", "12", "Page 3 of 9")))
    lines += b.extras
    sep = src.choice(("\n", "\n", "\n", "\r\n", "\r", "\n\n"))
    return sep.join(lines) + (sep if src.chance(0.8) else "")


# --- Markdown ---------------------------------------------------------------------------------

MD_NOISE = ("```\n[^1]: code ^{2}\n```", "    indented [^3] code", "`[^4]` span",
            "<!-- [^5] comment -->", "---\ntitle: x [^1]\n---",
            "| a [^1] | b |\n|---|---|\n| c | d |",
            "> quote [^1]\n> > deeper ^{2}", "- item [^2]\n  - sub ^{3}\n    - subsub",
            "^[inline note with https://x.org]", "$x^{2}$ and $$y^{3}$$", "[ref]: https://r.org",
            "![image [^1]](https://i.org/x.png)", "<div>\n[^1] html block\n</div>",
            "# Heading [^1]", "Setext\n======", "***", "[^]", "[^ ]: empty label",
            "[^1]:", "[^1]: [^1]: twice", "\\[^1] escaped", "<https://x.org/[^1]>",
            "1. first\n2. second ^{ii}", "~~~\nunclosed fence", "```" + "`" * 20,
            ">" * 60 + " deep", "- " * 60 + "deep list", "[" * 200, "*" * 300, "_" * 300,
            "<" * 100, "]" * 100 + "(" * 100, "[^" * 100)


def markdown(src: Source, b: Brief) -> str:
    parts = ["# " + b.title if src.chance(0.7) else b.title]
    foot = src.chance(0.7)

    def md_inline(items: list[Inline]) -> str:
        out = []
        for item in items:
            if isinstance(item, Marker):
                out.append(f"[^{item.label}]" if foot and src.chance(0.9) else
                           _text_marker(src, item, 0))
            elif isinstance(item, Link):
                out.append(f"[{item.text}]({item.url})" if src.chance(0.7) else f"<{item.url}>")
            elif isinstance(item, Italic):
                out.append(src.choice(("*", "_")) + item.text + src.choice(("*", "_", "")))
            else:
                out.append(item)
        return " ".join(out)

    for para in b.body:
        parts.append(md_inline(para))
        if src.chance(0.2):
            parts.append(src.choice(MD_NOISE))
    if not foot:
        parts.append("## " + b.heading)
    for note in b.notes:
        text = md_inline(note.content)
        if foot:
            extra = ""
            if src.chance(0.2):
                extra = "\n\n    Second paragraph " + phrase(src)
            parts.append(f"[^{note.label}]: {text}{extra}")
        else:
            parts.append(f"{src.choice(('^{%s} ', '%s. '))}".replace("%s", note.label) + text)
    parts += b.extras
    return src.choice(("\n\n", "\n", "\r\n\r\n")).join(parts) + "\n"


# --- reStructuredText -------------------------------------------------------------------------

RST_NOISE = (".. code-block:: python\n\n   x = [1]_  # code", "::\n\n   literal [2]_",
             ".. note:: admonition [1]_", ".. raw:: html\n\n   <b>[1]_</b>",
             ".. include:: /etc/passwd", ".. image:: https://x.org/i.png",
             ".. |sub| replace:: text [1]_", "|sub| used", ".. comment [1]_",
             "``literal [1]_``", ":math:`x^{2}`", "`link <https://x.org/>`_",
             "`anonymous <https://y.org/>`__", ".. _target: https://t.org/",
             "Title\n==", "====\nOver\n====", "* bullet [1]_\n\n  * nested [#]_",
             "+---+---+\n| a | b |\n+---+---+", "===  ===\na    b\n===  ===",
             "*unclosed emphasis", "``unclosed literal", "`unclosed", "[1]_ [1]_ [1]_",
             ".. [#auto] auto-numbered", ".. [*] symbol note", ".. [CIT2002] A citation.",
             "[CIT2002]_ cited", "[#auto]_ cited", "[*]_ [*]_", ".. [1]", ".. [0] zero",
             ".. [99999999999999999999] big", ".. unknown-directive:: x",
             ".. csv-table::\n   :file: /etc/passwd", ".. raw:: html\n   :url: http://x.org/",
             "    " * 30 + "deep quote", ".. math::\n\n   x^{2}", ":unknown:`role`",
             "a\n\n" + "   " * 40 + "b", ".. footnote [1]_", "|undefined|")


def rst(src: Source, b: Brief) -> str:
    title = b.title.replace("\n", " ") or "Title"
    parts = [title + "\n" + src.choice(("=", "-", "~", "#")) * max(len(title),
                                                                     src.integer(1, 4))]
    kinds = src.choice(("number", "auto", "named", "symbol", "citation", "mixed"))

    def ref(label: str, n: int) -> tuple[str, str]:
        kind = kinds if kinds != "mixed" else src.choice(
            ("number", "auto", "named", "symbol", "citation"))
        if kind == "number":
            return f"[{n}]_", f".. [{n}]"
        if kind == "auto":
            return "[#]_", ".. [#]"
        if kind == "named":
            return f"[#n{n}]_", f".. [#n{n}]"
        if kind == "symbol":
            return "[*]_", ".. [*]"
        return f"[CIT{n}]_", f".. [CIT{n}]"

    def rst_inline(items: list[Inline]) -> str:
        out = []
        for item in items:
            if isinstance(item, Marker):
                out.append(ref(item.label, item.number)[0] if src.chance(0.85)
                           else _text_marker(src, item, 0))
            elif isinstance(item, Link):
                out.append(f"`{item.text} <{item.url}>`_" if src.chance(0.6) else item.url)
            elif isinstance(item, Italic):
                out.append(f"*{item.text}*")
            else:
                out.append(item)
        return " ".join(out)

    for para in b.body:
        parts.append(rst_inline(para))
        if src.chance(0.25):
            parts.append(src.choice(RST_NOISE))
    if src.chance(0.5):
        heading = b.heading or "Notes"
        parts.append(heading + "\n" + "-" * len(heading))
    for note in b.notes:
        text = rst_inline(note.content).replace("\n", " ")
        parts.append(ref(note.label, note.number)[1] + " " + text)
    parts += b.extras
    return "\n\n".join(parts) + "\n"


# --- HTML -------------------------------------------------------------------------------------

def _esc(text: str, quote: bool = False) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace('"', "&quot;") if quote else out


HTML_STYLES = ("pandoc", "word", "wikipedia", "typed", "wordpress", "epub", "mixed")
HTML_NOISE = ("<script>var x = '<sup>1</sup>';</script>", "<style>p{}</style>",
              "<pre>[^1] ^{2} code</pre>", "<!-- <sup>3</sup> -->", "<![CDATA[ x ]]>",
              "<![CDAT[x]]>", "<nav><a href='#fn1'>1</a></nav>", "<form><input></form>",
              "<table><tr><td>cell<sup>2</sup></td></tr></table>", "<p>unclosed <b>bold",
              "</div></span></p>", "<br/><hr>", "&bogus; &#0; &#x110000; &#xD800; &#65;",
              "<math><mi>x</mi><msup><mn>2</mn></msup></math>", "<svg><text>1</text></svg>",
              "<a href='javascript:alert(1)'>js</a>", "<a name='fn9'></a>",
              "<base href='https://evil.example/'>", "<template><sup>1</sup></template>",
              "<ol start='-5' type='i'><li value='99999999999'>x</li></ol>", "<?php ?>",
              "<!DOCTYPE html>", "<a href='#'>#</a>", "<a href='#nowhere'><sup>7</sup></a>",
              "<sup><sup><sup>1</sup></sup></sup>", "<p id='fn1'>dup id</p>",
              "<div role='doc-endnotes'><ol><li id='x'>stray</li></ol></div>",
              "<iframe src='https://x.org'></iframe>", "<noscript><sup>1</sup></noscript>",
              "<a href='#fn1' aria-describedby='fn1'>1</a>", "<ruby>漢<rt>kan</rt></ruby>")


def html_page(src: Source, b: Brief) -> str:
    style = src.choice(HTML_STYLES)

    def ids(n: int, kind: str) -> tuple[str, str, str]:
        s = kind if kind != "mixed" else src.choice(HTML_STYLES[:-1])
        if s == "pandoc":
            return f"fn{n}", f"fnref{n}", "footnote-ref"
        if s == "word":
            return f"_edn{n}", f"_ednref{n}", ""
        if s == "wikipedia":
            return f"cite_note-{n}", f"cite_ref-{n}", "reference"
        if s == "wordpress":
            return f"footnote-{n}", f"footnote-ref-{n}", "fn"
        if s == "epub":
            return f"en{n}", f"enref{n}", "noteref"
        return f"n{n}", f"r{n}", ""

    def h_inline(items: list[Inline]) -> str:
        out = []
        for item in items:
            if isinstance(item, Marker):
                target, back, cls = ids(item.number, style)
                if style == "typed" or src.chance(0.1):
                    out.append(f"<sup>{_esc(item.label)}</sup>")
                elif style == "wikipedia":
                    out.append(f'<sup class="reference" id="{back}"><a href="#{target}">'
                               f"[{_esc(item.label)}]</a></sup>")
                else:
                    role = ' role="doc-noteref"' if src.chance(0.5) else ""
                    epub = ' epub:type="noteref"' if style == "epub" else ""
                    out.append(f'<a href="#{target}" id="{back}" class="{cls}"{role}{epub}>'
                               f"<sup>{_esc(item.label)}</sup></a>")
            elif isinstance(item, Link):
                out.append(f'<a href="{_esc(item.url, True)}">{_esc(item.text)}</a>')
            elif isinstance(item, Italic):
                out.append(f"<{src.choice(('em', 'i', 'cite'))}>{_esc(item.text)}"
                           f"</{src.choice(('em', 'i', 'cite', 'b'))}>")
            else:
                out.append(_esc(item) if src.chance(0.95) else item)
        return " ".join(out)

    head = f"<title>{_esc(b.title)}</title>"
    if src.chance(0.2):
        head += src.choice(('<meta charset="utf-8">', '<meta charset="windows-1251">',
                            '<meta charset="bogus">', '<meta http-equiv="Content-Type" '
                            'content="text/html; charset=koi8-r">'))
    body = [f"<h1>{_esc(b.title)}</h1>"]
    for para in b.body:
        body.append(f"<p>{h_inline(para)}</p>")
        if src.chance(0.2):
            body.append(src.choice(HTML_NOISE))
    if b.notes:
        items = []
        for note in b.notes:
            target, back, _ = ids(note.number, style)
            backlink = f' <a href="#{back}" class="footnote-back">↩</a>' if src.chance(0.7) \
                else ""
            items.append(f'<li id="{target}"><p>{h_inline(note.content)}{backlink}</p></li>')
        wrapper = src.choice((
            '<section class="footnotes" role="doc-endnotes"><hr><ol>{}</ol></section>',
            '<div class="footnotes"><ol>{}</ol></div>',
            '<h2>Notes</h2><ol>{}</ol>', '<div id="references"><ol>{}</ol></div>',
            '<aside epub:type="footnote">{}</aside>', '<ol class="wp-block-footnotes">{}</ol>',
            "<ol>{}</ol>", "<div>{}</div>"))
        body.append(wrapper.format("".join(items)))
    depth = src.integer(0, 40) if src.chance(0.2) else 0
    inner = "\n".join(body)
    inner = "<div>" * depth + inner + "</div>" * depth
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{inner}</body></html>"
    if src.chance(0.1):
        page = page.replace("</p>", "").replace("</li>", "")
    return page


# --- Word .docx -------------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def xml_text(text: str) -> str:
    """``text`` escaped for XML, less the characters XML 1.0 forbids."""
    kept = "".join(c for c in text if c in "\t\n\r" or "\x20" <= c <= "\ud7ff"
                   or "\ue000" <= c <= "\ufffd" or c > "\uffff")
    return _esc(kept, quote=True)


def _w_run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


class _Rels:
    def __init__(self) -> None:
        self.targets: list[str] = []

    def add(self, target: str) -> str:
        self.targets.append(target)
        return f"rId{100 + len(self.targets)}"

    def xml(self, extra: str = "") -> str:
        rels = "".join(f'<Relationship Id="rId{101 + i}" Type="{OFFICE}/hyperlink" '
                       f'Target="{xml_text(t)}" TargetMode="External"/>'
                       for i, t in enumerate(self.targets))
        return f'{XML_HEAD}<Relationships xmlns="{REL_NS}">{extra}{rels}</Relationships>'


DOCX_NOISE = ('<w:r><w:tab/></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:lastRenderedPageBreak/></w:r>',
              '<w:r><w:br w:type="page"/></w:r>', '<w:del><w:r><w:delText>deleted ^{9}'
              '</w:delText></w:r></w:del>', '<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins>',
              '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>',
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
              '<w:r><w:instrText> HYPERLINK "https://x.org" </w:instrText></w:r>',
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
              '<w:r><w:endnoteReference w:id="999"/></w:r>',
              '<w:r><w:footnoteReference w:id="abc"/></w:r>',
              '<w:r><w:endnoteReference/></w:r>', '<w:r><w:t/></w:r>',
              '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:t>7</w:t></w:r>',
              '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1,2–4</w:t></w:r>',
              '<w:smartTag><w:r><w:t>smart</w:t></w:r></w:smartTag>',
              '<w:r><w:drawing><wp:inline xmlns:wp="x"><w:t>drawn</w:t></wp:inline></w:drawing>'
              '</w:r>', '<w:hyperlink w:anchor="_edn1"><w:r><w:t>anchor</w:t></w:r></w:hyperlink>',
              '<w:hyperlink r:id="rId9999"><w:r><w:t>no rel</w:t></w:r></w:hyperlink>',
              '<w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>not italic</w:t></w:r>',
              '<w:r><w:cr/><w:noBreakHyphen/><w:softHyphen/></w:r>')


def _docx_paragraph(src: Source, items: list[Inline], rels: _Rels, refs: dict[str, set],
                    props: str = "") -> str:
    runs = []
    for item in items:
        if isinstance(item, Marker):
            kind = src.integer(0, 9)
            if kind < 6:
                tag = "endnoteReference" if item.series == "end" else "footnoteReference"
                refs[item.series].add(item.number)
                style = "EndnoteReference" if item.series == "end" else "FootnoteReference"
                runs.append(f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
                            f'<w:{tag} w:id="{item.number}"/></w:r>')
            elif kind < 9:
                runs.append(_w_run(item.label, '<w:vertAlign w:val="superscript"/>'))
            else:
                runs.append(_w_run(_text_marker(src, item, 0)))
        elif isinstance(item, Link):
            if src.chance(0.7):
                rid = rels.add(item.url)
                runs.append(f'<w:hyperlink r:id="{rid}">{_w_run(item.text)}</w:hyperlink>')
            else:
                runs.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                            f'<w:r><w:instrText xml:space="preserve"> HYPERLINK '
                            f'"{xml_text(item.url)}" </w:instrText></w:r>'
                            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                            f'{_w_run(item.text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        elif isinstance(item, Italic):
            runs.append(_w_run(item.text, "<w:i/>"))
        else:
            runs.append(_w_run(item))
        if src.chance(0.05):
            runs.append(src.choice(DOCX_NOISE))
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _wrap(src: Source, xml: str) -> str:
    """Sometimes put a paragraph in a content control, a table or both, nested."""
    for _ in range(src.integer(0, 3) if src.chance(0.2) else 0):
        kind = src.integer(0, 2)
        if kind == 0:
            xml = f"<w:sdt><w:sdtPr/><w:sdtContent>{xml}</w:sdtContent></w:sdt>"
        elif kind == 1:
            xml = f"<w:tbl><w:tr><w:tc>{xml}</w:tc></w:tr></w:tbl><w:p/>"
        else:
            xml = f"<w:customXml>{xml}</w:customXml>"
    return xml


NUM_FORMATS = ("decimal", "lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "bullet",
               "none", "chicago", "ordinal", "cardinalText", "bogus", "")


def docx_parts(src: Source, b: Brief) -> dict[str, str]:
    rels = _Rels()
    refs: dict[str, set] = {"end": set(), "foot": set()}
    paragraphs = []
    title = _docx_paragraph(src, [b.title], rels, refs, '<w:pStyle w:val="Title"/>')
    paragraphs.append(title)
    for para in b.body:
        props = ""
        if src.chance(0.15):
            props = (f'<w:numPr><w:ilvl w:val="{src.integer(0, 12)}"/>'
                     f'<w:numId w:val="{src.integer(0, 3)}"/></w:numPr>')
        paragraphs.append(_wrap(src, _docx_paragraph(src, para, rels, refs, props)))
    notes: dict[str, list[str]] = {"end": [], "foot": []}
    note_rels = _Rels()
    for note in b.notes:
        if note.series not in ("end", "foot"):
            continue
        tag = "endnote" if note.series == "end" else "footnote"
        ref = "endnoteRef" if tag == "endnote" else "footnoteRef"
        body = _docx_paragraph(src, note.content, note_rels, {"end": set(), "foot": set()})
        body = body.replace("<w:p>", f'<w:p><w:r><w:{ref}/></w:r><w:r><w:t xml:space='
                            f'"preserve"> </w:t></w:r>', 1)
        notes[note.series].append(f'<w:{tag} w:id="{note.number}">{body}</w:{tag}>')
    document = (f"{XML_HEAD}<w:document {W_NS}><w:body>{''.join(paragraphs)}"
                f"<w:sectPr/></w:body></w:document>")
    parts = {
        "[Content_Types].xml": f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"><Default Extension="xml" '
                               'ContentType="application/xml"/></Types>',
        "_rels/.rels": f'{XML_HEAD}<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
                       f'Type="{OFFICE}/officeDocument" Target="word/document.xml"/>'
                       '</Relationships>',
        "word/document.xml": document,
    }
    extra = ""
    for series, tag in (("end", "endnote"), ("foot", "footnote")):
        if notes[series] or src.chance(0.3):
            separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
                          f'</w:r></w:p></w:{tag}><w:{tag} w:type="continuationSeparator" '
                          f'w:id="0"><w:p/></w:{tag}>')
            parts[f"word/{tag}s.xml"] = (f"{XML_HEAD}<w:{tag}s {W_NS}>{separators}"
                                         f"{''.join(notes[series])}</w:{tag}s>")
            extra += (f'<Relationship Id="rId{3 if series == "end" else 4}" '
                      f'Type="{OFFICE}/{tag}s" Target="{tag}s.xml"/>')
            parts[f"word/_rels/{tag}s.xml.rels"] = note_rels.xml()
    if src.chance(0.4):
        fmt = src.choice(NUM_FORMATS)
        start = src.choice(("1", "0", "5", "-3", "99999", "abc", "4294967296"))
        parts["word/settings.xml"] = (
            f"{XML_HEAD}<w:settings {W_NS}><w:endnotePr><w:numFmt w:val=\"{fmt}\"/>"
            f'<w:numStart w:val="{start}"/></w:endnotePr><w:footnotePr><w:numFmt '
            f'w:val="{src.choice(NUM_FORMATS)}"/></w:footnotePr></w:settings>')
        extra += f'<Relationship Id="rId5" Type="{OFFICE}/settings" Target="settings.xml"/>'
    if src.chance(0.3):
        parts["word/styles.xml"] = (
            f"{XML_HEAD}<w:styles {W_NS}><w:style w:type=\"character\" "
            'w:styleId="EndnoteReference"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '</w:style><w:style w:type="character" w:styleId="Loop"><w:basedOn w:val="Loop"/>'
            '</w:style><w:style w:type="paragraph" w:styleId="Title"><w:basedOn '
            'w:val="Missing"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
            "</w:style></w:styles>")
        extra += f'<Relationship Id="rId6" Type="{OFFICE}/styles" Target="styles.xml"/>'
    if src.chance(0.3):
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{src.choice(("1", "0", "-1", "99999"))}"/>'
            f'<w:numFmt w:val="{src.choice(NUM_FORMATS)}"/><w:lvlText w:val="'
            f'{src.choice(("%1.", "%1.%2)", "%9", "%%", "-", "%0", ""))}"/></w:lvl>'
            for i in range(src.integer(0, 10)))
        parts["word/numbering.xml"] = (
            f'{XML_HEAD}<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">{levels}'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num></w:numbering>')
        extra += f'<Relationship Id="rId7" Type="{OFFICE}/numbering" Target="numbering.xml"/>'
    parts["word/_rels/document.xml.rels"] = rels.xml(extra)
    return parts


# --- OpenDocument -----------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')
ODT_MIME = "application/vnd.oasis.opendocument.text"
ODT_STYLES = ('<style:style style:name="T1" style:family="text"><style:text-properties '
              'style:text-position="super 58%"/></style:style>'
              '<style:style style:name="T2" style:family="text"><style:text-properties '
              'fo:font-style="italic"/></style:style>'
              '<style:style style:name="T3" style:family="text"><style:text-properties '
              'style:text-position="33% 58%"/></style:style>'
              '<style:style style:name="T4" style:family="text" style:parent-style-name="T4"/>'
              '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties'
              ' fo:break-before="page"/></style:style>'
              '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
              'style:num-format="i" style:num-suffix="." text:start-value="{start}"/>'
              '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/>'
              "</text:list-style>")
ODT_NOISE = ('<text:soft-page-break/>', '<text:s text:c="3"/>', '<text:s text:c="99999999"/>',
             '<text:tab/>', '<text:line-break/>', '<text:bookmark text:name="b"/>',
             '<office:annotation><text:p>comment ^{1}</text:p></office:annotation>',
             '<draw:frame><draw:text-box><text:p>boxed ^{2}</text:p></draw:text-box>'
             '</draw:frame>', '<text:span text:style-name="T1">1,2</text:span>',
             '<text:span text:style-name="T3">iv</text:span>',
             '<text:span text:style-name="Missing">x</text:span>',
             '<text:note text:note-class="endnote"><text:note-citation text:label="*">*'
             '</text:note-citation><text:note-body><text:p>custom mark</text:p>'
             '</text:note-body></text:note>', '<text:note/>',
             '<text:note text:note-class="footnote"><text:note-body/></text:note>',
             '<text:change text:change-id="c1"/>', '<text:a>no href</text:a>',
             '<text:sequence>1</text:sequence>', '<text:span><text:span><text:span>deep'
             '</text:span></text:span></text:span>')


def odt_content(src: Source, b: Brief) -> tuple[str, str, str]:
    """The body, automatic styles and notes configuration of an OpenDocument brief."""
    notes = {(n.series, n.number): n for n in b.notes}
    used: set = set()

    def o_inline(items: list[Inline], in_note: bool = False) -> str:
        out = []
        for item in items:
            if isinstance(item, Marker):
                note = notes.get((item.series, item.number))
                if note is not None and not in_note and (note.series, note.number) not in used \
                        and src.chance(0.85):
                    used.add((note.series, note.number))
                    cls = "endnote" if note.series == "end" else "footnote"
                    out.append(f'<text:note text:id="n{note.number}" text:note-class="{cls}">'
                               f'<text:note-citation>{xml_text(note.label)}</text:note-citation>'
                               f"<text:note-body><text:p>{o_inline(note.content, True)}</text:p>"
                               "</text:note-body></text:note>")
                elif src.chance(0.7):
                    out.append(f'<text:span text:style-name="T1">{xml_text(item.label)}'
                               "</text:span>")
                else:
                    out.append(xml_text(_text_marker(src, item, 0)))
            elif isinstance(item, Link):
                out.append(f'<text:a xlink:type="simple" xlink:href="{xml_text(item.url)}">'
                           f"{xml_text(item.text)}</text:a>")
            elif isinstance(item, Italic):
                out.append(f'<text:span text:style-name="T2">{xml_text(item.text)}</text:span>')
            else:
                out.append(xml_text(item))
            if src.chance(0.05):
                out.append(src.choice(ODT_NOISE))
        return " ".join(out)

    blocks = [f'<text:h text:outline-level="1">{xml_text(b.title)}</text:h>']
    for para in b.body:
        xml = f"<text:p>{o_inline(para)}</text:p>"
        for _ in range(src.integer(0, 3) if src.chance(0.2) else 0):
            kind = src.integer(0, 3)
            if kind == 0:
                xml = (f'<text:list text:style-name="L1"><text:list-item>{xml}'
                       "</text:list-item></text:list>")
            elif kind == 1:
                xml = ("<table:table><table:table-row><table:table-cell>"
                       f"{xml}</table:table-cell></table:table-row></table:table>")
            elif kind == 2:
                xml = f'<text:section text:name="s">{xml}</text:section>'
            else:
                xml = f'<text:p text:style-name="P1"/>{xml}'
        blocks.append(xml)
    leftover = [n for n in b.notes if (n.series, n.number) not in used]
    if leftover and src.chance(0.5):  # notes typed by hand after the body
        blocks.append(f"<text:h>{xml_text(b.heading)}</text:h>")
        blocks += [f"<text:p>{xml_text(n.label)}. {o_inline(n.content, True)}</text:p>"
                   for n in leftover]
    start = src.choice(("1", "0", "3", "-2", "99999999", "x"))
    config = "".join(
        f'<text:notes-configuration text:note-class="{cls}" style:num-format='
        f'"{src.choice(("1", "i", "I", "a", "A", "", "bogus"))}" '
        f'text:start-value="{src.choice(("0", "1", "4", "-1", "abc"))}"/>'
        for cls in ("footnote", "endnote") if src.chance(0.5))
    return "".join(blocks), ODT_STYLES.replace("{start}", start), config


def odt_parts(src: Source, b: Brief) -> dict[str, str]:
    body, automatic, config = odt_content(src, b)
    content = (f"{XML_HEAD}<office:document-content {ODF_NS}><office:automatic-styles>"
               f"{automatic}</office:automatic-styles><office:body><office:text>{body}"
               "</office:text></office:body></office:document-content>")
    styles = (f"{XML_HEAD}<office:document-styles {ODF_NS}><office:styles>{config}"
              "</office:styles></office:document-styles>")
    manifest = (f'{XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                f'manifest:media-type="{ODT_MIME}"/></manifest:manifest>')
    return {"mimetype": ODT_MIME, "content.xml": content, "styles.xml": styles,
            "META-INF/manifest.xml": manifest}


def fodt(src: Source, b: Brief) -> str:
    body, automatic, config = odt_content(src, b)
    return (f'{XML_HEAD}<office:document {ODF_NS} office:mimetype="{ODT_MIME}">'
            f"<office:styles>{config}</office:styles><office:automatic-styles>{automatic}"
            f"</office:automatic-styles><office:body><office:text>{body}</office:text>"
            "</office:body></office:document>")


# --- PDF --------------------------------------------------------------------------------------

def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_lines(src: Source, items: list[Inline], size: float, width: int = 80
               ) -> list[list[tuple[str, bool, bool, str | None]]]:
    """Words of a paragraph broken into lines: (text, superscript, italic, link)."""
    words: list[tuple[str, bool, bool, str | None]] = []
    for item in items:
        if isinstance(item, Marker):
            words.append((item.label, True, False, None))
        elif isinstance(item, Link):
            words += [(w, False, False, item.url) for w in item.text.split()]
        elif isinstance(item, Italic):
            words += [(w, False, True, None) for w in item.text.split()]
        else:
            words += [(w, False, False, None) for w in item.split()]
    lines, line, used = [], [], 0
    for w in words:
        if used + len(w[0]) > width and line:
            lines.append(line)
            line, used = [], 0
        line.append(w)
        used += len(w[0]) + 1
    if line:
        lines.append(line)
    return lines


def pdf_bytes(src: Source, b: Brief) -> bytes:
    """A PDF of the brief in Helvetica: body lines, superscript markers raised and smaller,
    the notes at the page foot under a rule (or after the body), link annotations."""
    body_size = src.choice((11.0, 12.0, 10.0, 0.0, -11.0, 1e-3, 300.0)) if src.chance(0.03) \
        else src.choice((11.0, 12.0, 10.0))
    note_size = body_size - src.choice((2.0, 3.0, 0.0))
    pages: list[tuple[bytes, list[bytes]]] = []
    ops: list[bytes] = []
    annots: list[bytes] = []
    y = 740.0

    def new_page() -> None:
        nonlocal ops, annots, y
        if ops:
            pages.append((b"\n".join(ops), annots))
        ops, annots, y = [], [], 740.0

    def write(lines, size: float, x0: float = 72.0) -> None:
        nonlocal y
        for line in lines:
            if y < 90:
                new_page()
            parts = [b"BT", b"/F1 %.2f Tf" % size, b"%.2f %.2f Td" % (x0, y)]
            x = x0
            for text, sup, italic, link in line:
                font = b"/F2" if italic else b"/F1"
                if sup:
                    parts += [font + b" %.2f Tf" % (size * 0.6), b"%.2f Ts" % (size * 0.35),
                              _pdf_string(text) + b" Tj", b"0 Ts", b"/F1 %.2f Tf" % size]
                else:
                    parts += [font + b" %.2f Tf" % size, _pdf_string(text + " ") + b" Tj"]
                advance = (len(text) + 1) * abs(size) * 0.5
                if link:
                    annots.append(b"<< /Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] "
                                  b"/Border [0 0 0] /A << /S /URI /URI %s >> >>"
                                  % (x, y - 2, x + advance, y + size, _pdf_string(link)))
                x += advance
            parts.append(b"ET")
            ops.append(b" ".join(parts))
            y -= abs(size) * 1.3 + 0.01

    write(_pdf_lines(src, [b.title], body_size + 4), body_size + 4)
    y -= 10
    foot = src.chance(0.5)
    for para in b.body:
        write(_pdf_lines(src, para, body_size), body_size)
        y -= body_size * 0.8
        if src.chance(0.1):
            new_page()
    if b.notes:
        if foot:  # at the foot of the last page, under a rule
            ops.append(b"0.5 w 72 %.1f m 216 %.1f l S" % (min(y, 200.0), min(y, 200.0)))
            y = min(y, 190.0)
        else:
            write(_pdf_lines(src, [b.heading or "Notes"], body_size), body_size)
        for note in b.notes:
            items: list[Inline] = [Marker(note.number, note.series, note.label), *note.content]
            write(_pdf_lines(src, items, note_size, 95), note_size)
    new_page()
    if not pages:
        pages.append((b"", []))
    return _pdf_file(src, pages)


def _pdf_file(src: Source, pages: list[tuple[bytes, list[bytes]]]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    italic = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique "
                 b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for content, annots in pages:
        data = content
        extra = b""
        if src.chance(0.3):
            data = zlib.compress(content)
            extra = b" /Filter /FlateDecode"
        stream = add(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data))
        annot_refs = [add(a) for a in annots]
        rotate = b" /Rotate %d" % src.choice((90, 180, 270, 45, -90)) if src.chance(0.05) \
            else b""
        box = b"[0 0 612 792]" if src.chance(0.97) else src.choice(
            (b"[0 0 0 0]", b"[0 0 1e9 1e9]", b"[612 792 0 0]", b"[0 0 -612 792]"))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox %s%s /Resources << /Font << /F1 %d 0 R "
            b"/F2 %d 0 R >> >> /Contents %d 0 R /Annots [%s] >>"
            % (tree, box, rotate, font, italic, stream,
               b" ".join(b"%d 0 R" % r for r in annot_refs))))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_file(objects, catalog)


def pdf_file(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; ``root`` is the catalog's number), with
    its cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


# --- containers and damage --------------------------------------------------------------------

def zip_bytes(src: Source, parts: dict[str, str | bytes], stored_first: str | None = None
              ) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        names = list(parts)
        if stored_first in names:
            names.remove(stored_first)
            archive.writestr(zipfile.ZipInfo(stored_first), parts[stored_first],
                             zipfile.ZIP_STORED)
        for name in names:
            method = zipfile.ZIP_DEFLATED if src.chance(0.9) else zipfile.ZIP_STORED
            archive.writestr(name, parts[name], method)
    return buffer.getvalue()


def damage_xml(src: Source, xml: str) -> str:
    """XML made ill-formed or hostile in one of many ways."""
    kind = src.integer(0, 11)
    if kind == 0:
        return xml[:src.integer(0, len(xml))]
    if kind == 1:
        at = src.integer(0, len(xml))
        return xml[:at] + src.choice(("<", "&", "&bogus;", "]]>", "\x00", "</w:p>", "<w:p>",
                                      "&#0;", "&#xD800;", "\"", "<!--")) + xml[at:]
    if kind == 2:
        return xml.replace('encoding="UTF-8"', src.choice(('encoding="klingon"',
                                                           'encoding="utf-16"',
                                                           'encoding="cp1252"',
                                                           'encoding="UTF-32"')))
    if kind == 3:
        return xml.replace("?>", '?><!DOCTYPE a [<!ENTITY e "x">]>', 1)
    if kind == 4:  # deep nesting of a container element, as Word or ODF could nest it
        depth = src.choice((50, 500, 1200, 3000))
        tag = src.choice(("w:sdt", "w:tbl", "w:customXml", "w:smartTag", "w:hyperlink",
                          "text:span", "text:section", "text:list", "w:p", "w:r"))
        nest = f"<{tag}>" * depth + f"<{tag}/>" + f"</{tag}>" * depth
        for close in ("</w:body>", "</office:text>", "</w:endnotes>"):
            if close in xml:
                return xml.replace(close, nest + close, 1)
        return nest + xml
    if kind == 5:
        return xml.encode("utf-8").decode("latin-1")  # mojibake in the parser's eyes
    if kind == 6:  # a tag renamed, so that the closing one no longer matches
        at = xml.find("<w:p>") if "<w:p>" in xml else xml.find("<text:p>")
        return xml if at < 0 else xml[:at] + "<w:q>" + xml[at + 5:]
    if kind == 7:
        return xml.replace("xmlns:w=", "xmlns:x=", 1)  # unbound prefix
    if kind == 8:
        return "\ufeff" + xml if src.chance(0.5) else xml.lstrip("<")
    if kind == 9:
        return xml.replace('w:id="', 'w:id="-', 2)
    if kind == 10:
        return xml * 2  # junk after the root element
    return ""


def damage_zip(src: Source, data: bytes) -> bytes:
    """A zip archive damaged at the container level."""
    kind = src.integer(0, 9)
    out = bytearray(data)
    if kind == 0:
        return data[:src.integer(0, len(data))]
    if kind == 1:
        for _ in range(src.integer(1, 8)):
            out[src.integer(0, len(out) - 1)] = src.integer(0, 255)
        return bytes(out)
    headers = [i for i in range(len(out) - 4) if out[i:i + 4] in (b"PK\x03\x04", b"PK\x01\x02")]
    if not headers:
        return data
    at = src.choice(headers)
    central = out[at:at + 4] == b"PK\x01\x02"
    if kind == 2:  # "version needed to extract": an unsupported one
        field = at + (6 if central else 4)
        out[field:field + 2] = struct.pack("<H", src.choice((63, 51, 99, 255)))
    elif kind == 3:  # compression method
        field = at + (10 if central else 8)
        out[field:field + 2] = struct.pack("<H", src.choice((1, 6, 9, 12, 14, 93, 95, 98, 99,
                                                              0xFFFF)))
    elif kind == 4:  # encryption flag
        field = at + (8 if central else 6)
        out[field] |= 1
    elif kind == 5:  # sizes that lie
        field = at + (20 if central else 18)
        value = src.choice((0, 1, 0xFFFFFFFF, 3 * 1024 ** 3, 10))
        which = src.integer(0, 1) * 4
        out[field + which:field + which + 4] = struct.pack("<I", value & 0xFFFFFFFF)
    elif kind == 6:  # the member's data garbled
        start = at + 30 + 20
        for i in range(start, min(start + 40, len(out))):
            out[i] = src.integer(0, 255)
    elif kind == 7:  # name length lying
        field = at + (28 if central else 26)
        out[field:field + 2] = struct.pack("<H", src.choice((0, 0xFFFF, 3)))
    elif kind == 8:  # CRC wrong
        field = at + (16 if central else 14)
        out[field:field + 4] = b"\0\0\0\0"
    else:  # junk in front (self-extracting archives) or behind
        return (b"MZ" + bytes(src.integer(0, 200)) + data) if src.chance(0.5) else \
            data + b"junk" * src.integer(1, 50)
    return bytes(out)


def damage_bytes(src: Source, data: bytes) -> bytes:
    """Bytes damaged without knowing the format."""
    if not data:
        return data
    kind = src.integer(0, 5)
    out = bytearray(data)
    if kind == 0:
        return data[:src.integer(0, len(data))]
    if kind == 1:
        for _ in range(src.integer(1, 12)):
            out[src.integer(0, len(out) - 1)] = src.integer(0, 255)
        return bytes(out)
    if kind == 2:
        at = src.integer(0, len(out))
        return bytes(out[:at]) + bytes(src.integer(0, 255) for _ in range(src.integer(1, 64))) \
            + bytes(out[at:])
    if kind == 3:
        a, b = sorted((src.integer(0, len(out)), src.integer(0, len(out))))
        return bytes(out[:b]) + bytes(out[a:b]) + bytes(out[b:])
    if kind == 4:
        a, b = sorted((src.integer(0, len(out)), src.integer(0, len(out))))
        return bytes(out[:a]) + bytes(out[b:])
    return bytes(out) + bytes(src.integer(0, 255) for _ in range(src.integer(1, 300)))


PDF_DAMAGE = (b"/Count 1000000", b"/Kids [2 0 R]", b"/Length 99999999", b"/Filter /FlateDecode",
              b"/Filter /LZWDecode", b"/Filter [/ASCIIHexDecode /FlateDecode]", b"/Encrypt 1 0 R",
              b"/Resources 3 0 R", b"/Parent 5 0 R", b"/Contents [9 0 R 9 0 R]",
              b"/Type /Pages", b"/MediaBox [0 0 1e308 1e308]", b"/Font << /F1 99 0 R >>",
              b"/Rotate 7", b"/Annots 1 0 R")
PDF_OPS = (b"1e308 0 0 1e308 0 0 cm", b"0 0 0 0 0 0 cm", b"/F1 1e30 Tf", b"/F9 12 Tf",
           b"(\\) Tj", b"<FFFE00> Tj", b"[(a) -1e9 (b)] TJ", b"q " * 100, b"Q " * 100,
           b"BT BT BT", b"ET ET", b"1 0 0 1 nan nan Tm", b"/F1 12 Tf 100 Tz 1e9 Tc (x) Tj",
           b"99 Ts (x) Tj", b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI", b"/Im1 Do")


def damage_pdf(src: Source, data: bytes) -> bytes:
    kind = src.integer(0, 5)
    if kind == 0:
        return data[:src.integer(0, len(data))]
    if kind == 1:  # a dictionary entry replaced by a hostile one
        at = data.find(b"/", src.integer(0, len(data)))
        if at < 0:
            return data
        end = data.find(b" ", at + 1)
        return data[:at] + src.choice(PDF_DAMAGE) + data[end:] if end > 0 else data
    if kind == 2:  # a hostile operator in a page's content
        at = data.find(b"BT", src.integer(0, len(data)))
        return data if at < 0 else data[:at] + src.choice(PDF_OPS) + b" " + data[at:]
    if kind == 3:  # the cross-reference table gone or wrong
        at = data.rfind(b"xref")
        return data[:at] + b"trailer << /Root 1 0 R >>\n%%EOF" if src.chance(0.5) else \
            data.replace(b"startxref\n", b"startxref\n9", 1)
    if kind == 4:  # a stream whose bytes are not what its filter says
        return data.replace(b"stream\n", b"stream\n\x78\x9c\xff\xff", 1)
    return damage_bytes(src, data)


# --- what checking a URL found ------------------------------------------------------------------

VERDICTS = ("alive", "dead", "soft-404", "server-error", "unreachable", "timeout", "redirected",
            "blocked", "unverified")


def link_fields(src: Source, url: str) -> dict[str, Any]:
    """The fields of a :class:`footcheck.model.LinkResult` for ``url``, as a web page could
    make them: a title, a final address and a detail holding anything."""
    hostile = ("<script>alert(1)</script>", "\u202egoogle.com", "\x1b[31mred\x1b[0m",
               "line\nbreak\r\n", "a" * 400, "", "&amp; &lt; \"quoted\" 'single'", "]]>",
               "%0A%25 ::error::x", "\u2028\u2029\x85", "javascript:alert(1)")
    text = lambda: src.choice(hostile) if src.chance(0.5) else phrase(src, 8)  # noqa: E731
    return {
        "url": url,
        "verdict": src.choice(VERDICTS),
        "http_status": src.choice((None, 200, 301, 404, 410, 500, 999, 0)),
        "final_url": src.choice((None, url, url + "/moved", "https://evil.example/\u202emoc.x",
                                 "javascript:alert(1)", "http://127.0.0.1/", text())),
        "title": src.choice((None, text(), text())),
        "published": src.choice((None, "2020-01-01", "1999-12-31", "2024", "2023-05")),
        "checked_at": src.choice((None, "2024-05-01T12:00:00+00:00")),
        "from_cache": src.chance(0.3),
        "archive_url": src.choice((None, "https://web.archive.org/web/2020/" + url)),
        "detail": src.choice((None, text(), "HTTP 404", "timed out after 10 s")),
    }


# --- one input ---------------------------------------------------------------------------------

ENCODINGS = ("utf-8-sig", "utf-16", "utf-16-le", "cp1251",
             "cp1252", "koi8-r", "latin-1", "utf-32", "gb18030", "shift_jis")


def encode(src: Source, text: str) -> bytes:
    """The text in UTF-8 mostly, now and then in another encoding or with a NUL in it."""
    if src.chance(0.02):
        at = src.integer(0, len(text))
        text = text[:at] + "\x00" + text[at:]
    encoding = src.choice(ENCODINGS) if src.chance(0.25) else "utf-8"
    return text.encode(encoding, "replace")


def make(src: Source, kind: str) -> tuple[bytes, str]:
    """One generated input of ``kind`` (see :data:`KINDS`): its bytes and its file name,
    damaged now and then."""
    b = brief(src)
    damaged = src.chance(0.25)
    name = "brief" + KINDS[kind]
    if kind == "text":
        data = encode(src, plain_text(src, b))
    elif kind == "markdown":
        data = encode(src, markdown(src, b))
    elif kind == "rst":
        data = encode(src, rst(src, b))
    elif kind == "html":
        data = encode(src, html_page(src, b))
    elif kind == "docx":
        parts: dict[str, str | bytes] = dict(docx_parts(src, b))
        if damaged and src.chance(0.6):
            target = src.choice(sorted(parts))
            parts[target] = damage_xml(src, str(parts[target]))
            damaged = False
        if src.chance(0.02):
            parts.pop("word/document.xml")
        data = zip_bytes(src, parts)
        if damaged:
            return damage_zip(src, data), name
        return data, name
    elif kind == "odt":
        odt: dict[str, str | bytes] = dict(odt_parts(src, b))
        if damaged and src.chance(0.6):
            target = src.choice(("content.xml", "styles.xml", "mimetype"))
            odt[target] = damage_xml(src, str(odt[target]))
            damaged = False
        data = zip_bytes(src, odt, stored_first="mimetype")
        if damaged:
            return damage_zip(src, data), name
        return data, name
    elif kind == "fodt":
        xml = fodt(src, b)
        if damaged:
            return damage_xml(src, xml).encode("utf-8", "surrogatepass"), name
        return xml.encode("utf-8"), name
    elif kind == "pdf":
        data = pdf_bytes(src, b)
        return (damage_pdf(src, data) if damaged else data), name
    else:
        raise ValueError(kind)
    if damaged:
        data = damage_bytes(src, data)
    return data, name


# --- many of one thing: inputs for the time limit --------------------------------------------

REPEATED = ("^{1}", "[^1]", "[1]", "¹", "ⁱ", "^{iv} ", "Claim.^{1} ", "x^{99999}", "[^a]: b\n",
            "1. ", "^{1} Smith (2020). *T*. https://x.org/a\n", "https://x.org/", "<https://x",
            "[a](https://x.org/)", "(", "[", "[^", "^{", "*", "_", "`", "<", "&", "\\", "-",
            " ", "\t", ".", "a", "é", "Ⅻ", "\u202e", "\x00", "\u0301", "ab ", "http://",
            "www.", "[[[]]]", "((()))", "Ibid. ", "op. cit. ", "See note 1. ", "12. ",
            "I\n", "i.\n", "[1] x\n", "Notes\n", "<sup>1</sup>", "> ", "    ", "| a ", "..",
            ".. [1] x\n", "[1]_ ", "[#]_ ", "`x <https://x.org>`_ ", "::\n\n  ", "<div>",
            "</div>", "<p>", "<a href='#fn1'><sup>1</sup></a>", "<li id='fn1'>x</li>",
            "&amp;", "<!--", "https://x.org/" + "a(" * 5, "a.b.c.", "'", '"', "“", "”")


JOINERS = ("", " ", "\n", "\n\n", ". ")
REPEATED_KINDS = ("text", "markdown", "rst", "html")


def repeated(src: Source, size: int = 20_000) -> tuple[bytes, str]:
    """One piece repeated to ``size`` bytes, on one line or many, as a text format:
    where a quadratic step shows."""
    return shape(src.choice(REPEATED), src.choice(JOINERS), src.choice(REPEATED_KINDS), size)


def shape(piece: str, joiner: str, kind: str, size: int = 20_000) -> tuple[bytes, str]:
    """``piece`` and ``joiner`` repeated to ``size`` bytes, as a file of ``kind``."""
    unit = piece + joiner
    count = max(1, size // max(1, len(unit.encode("utf-8"))))
    text = unit * count
    if kind == "html":
        text = f"<html><body><p>{text}</p></body></html>"
    return text.encode("utf-8"), "brief" + KINDS[kind]


def shapes() -> list[tuple[str, str, str]]:
    """Every (piece, joiner, kind) :func:`shape` can make."""
    return [(p, j, k) for p in REPEATED for j in JOINERS for k in REPEATED_KINDS]


def large(src: Source, kind: str, size: int = 20_000) -> tuple[bytes, str]:
    """A generated brief of ``kind`` grown to about ``size`` bytes of text."""
    b = brief(src)
    while sum(len(" ".join(str(i) for i in p)) for p in b.body) < size // 2:
        more = brief(src)
        offset = len(b.notes)
        for note in more.notes:
            note.number += offset
        b.body += more.body or [[phrase(src)]]
        b.notes += more.notes
    builders: dict[str, Callable[[], bytes]] = {
        "text": lambda: plain_text(src, b).encode(),
        "markdown": lambda: markdown(src, b).encode(),
        "rst": lambda: rst(src, b).encode(),
        "html": lambda: html_page(src, b).encode(),
        "docx": lambda: zip_bytes(src, dict(docx_parts(src, b))),
        "odt": lambda: zip_bytes(src, dict(odt_parts(src, b)), stored_first="mimetype"),
        "fodt": lambda: fodt(src, b).encode(),
        "pdf": lambda: pdf_bytes(src, b),
    }
    return builders[kind](), "brief" + KINDS[kind]
