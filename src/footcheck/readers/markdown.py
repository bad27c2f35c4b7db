"""Markdown, read by a CommonMark parser: its footnotes, its structure, what is not prose.

markdown-it-py (CommonMark, with tables) and mdit-py-plugins parse the file: footnote
references ``[^label]`` and definitions ``[^label]: …`` (labels of any length and
characters, definitions anywhere, several paragraphs), pandoc inline notes ``^[…]``, front
matter and ``$math$``. The reader hands the footnotes over as notes and markers, says what
each block is, and marks what is not prose — code spans and blocks, HTML comments, math,
link destinations, images, link reference definitions — so that the extractor, which still
looks for notes typed by hand in prose (``^{iv}``, ``¹``, a "Notes" list), never reads a
JSON array in a code block as citations.

markdown-it gives block tokens their lines, but inline tokens no position: the reader
records where the inline rules it cares about matched (a wrapper around each rule notes
``state.pos`` before and after), then maps those offsets of a token's content back to the
file through the lines the token came from.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import (
    CODE,
    ENDNOTES,
    FOOTNOTES,
    HEADING,
    LIST_ITEM,
    MARKDOWN,
    NATIVE,
    NOTE_BODY,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    Block,
    Document,
    Marker,
    Note,
    Unread,
)
from ..numerals import label_numbers
from ..numerals import read as read_numeral
from . import Unreadable
from .markup import check_notes

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Inline rules whose matches the reader needs to place: what they match is not prose,
#: or is a footnote.
_RECORDED = ("backticks", "image", "link", "autolink", "html_inline", "math_inline",
             "math_inline_double", "tex_math", "spaced_math", "footnote_inline", "footnote_ref",
             "escape")
#: TeX's own delimiters of math, which MathJax and KaTeX read in a Markdown page: ``\( … \)``
#: and ``\[ … \]``, also with the backslash doubled (``\\( … \\)``) to survive Markdown's
#: escapes. Brackets only around TeX (a command, a sub- or superscript, an equation):
#: ``\[1\]`` and ``\[sic\]`` are escaped brackets.
_TEX_MATH = re.compile(r"(\\\\?)\([\s\S]{1,2000}?\1\)"
                       r"|(\\\\?)\[(?P<display>[\s\S]{1,2000}?)\2\]")
_TEX_CONTENT = re.compile(r"\\[A-Za-z]|[_^]\{|=")
#: ``$ … $`` with spaces inside its dollars, on one line, holding a TeX command or a braced
#: sub- or superscript: math, which pandoc's rule for ``$`` would leave as text.
_SPACED_MATH = re.compile(r"\$[ \t]+(?=[^$\n]*?(?:\\[A-Za-z]{2}|[_^]\{))[^$\n]{1,1000}?[ \t]\$"
                          r"(?!\d)")
#: Block tokens whose lines are not prose.
_HIDDEN_BLOCKS = frozenset({"fence", "code_block", "math_block", "math_block_label",
                            "front_matter", "template_code", "directive_fence"})
#: A MyST directive in a backtick or tilde fence (```` ```{figure} path ````, ```` ```{note} ````):
#: its body is Markdown, as MyST prints it, unless the directive holds code or data.
_DIRECTIVE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*\{([\w:.+-]+)\}[ \t]*([^\n]*)$")
_CODE_DIRECTIVES = frozenset({
    "code", "code-block", "sourcecode", "code-cell", "literalinclude", "math", "raw", "eval-rst",
    "mermaid", "graphviz", "jupyter-execute", "ipython", "csv-table", "toctree", "bibliography",
    "include", "tableofcontents", "plantuml"})
#: Directives whose argument is a path, not a title in Markdown.
_PATH_DIRECTIVES = frozenset({"figure", "image", "iframe", "video"})
_DIRECTIVE_OPTION = re.compile(r"[ \t]*:[\w-]+:")
#: A site generator's code block, opened on a line of its own: Jekyll's (Liquid)
#: ``{% highlight ruby %}`` … ``{% endhighlight %}`` (also ``codeblock``, ``raw``), Hugo's
#: ``{{< highlight go >}}`` … ``{{< /highlight >}}`` (also ``code``).
_TEMPLATE_CODE = re.compile(r" {0,3}(?:\{%-?\s*(highlight|codeblock|raw)\b[^%\n]*-?%\}"
                            r"|\{\{[<%]\s*(highlight|code)\b[^\n]*?[>%]\}\})[ \t]*$")
#: The tokens markdown-it may make of a file: ~400 bytes each with what the audit keeps for
#: them (245,000 one-line list items, 1.2 million tokens, took 600 MB; 9 MB of ``[^1]``
#: 2.3 GB). A 4 MB Markdown brief dense with notes, lists, code and tables makes 385,000; a
#: 300-page book ~150,000. Counted as the blocks are made (:func:`_budget`), and bounded
#: before parsing by the characters inline markup starts with.
MAX_TOKENS = 800_000
MAX_MARKUP = 500_000
_MARKUP = ("[", "<", "`", "$", "|")
_TRIGGERS = re.compile(r"[`\[<^$!]")  # a character an inline rule footcheck records starts with
_HIDDEN_HTML = ("<!--", "<pre", "<script", "<style", "<code", "<math", "<svg")
_BLOCK_KINDS = {"heading_open": HEADING, "paragraph_open": PARAGRAPH,
                "list_item_open": LIST_ITEM, "blockquote_open": QUOTE,
                "footnote_reference_open": NOTE_BODY}


@dataclass
class _Match:
    """Where an inline rule matched, in its token's content, and the token it made."""

    rule: str
    start: int
    end: int
    label_end: int = -1  # a link's closing ``]``
    token: Token | None = None


@dataclass
class _Inline:
    """One inline token's content and the matches recorded while it was parsed."""

    token: Token
    matches: list[_Match] = field(default_factory=list)


def parse(document: Document) -> Document:
    """Return ``document`` with its Markdown structure, footnotes and hidden spans.

    A file over :data:`MAX_MARKUP`, :data:`MAX_TOKENS` or
    :data:`~footcheck.readers.markup.MAX_NOTES` is refused
    (:class:`~footcheck.readers.Unreadable`) before its tokens take the memory."""
    text = document.text
    if sum(map(text.count, _MARKUP)) > MAX_MARKUP:
        raise Unreadable(f"is too large to read as Markdown (more than {MAX_MARKUP:,} "
                         "pieces of markup)")
    check_notes(text.count("[^") + text.count("^["), 0)
    env: dict = {"footcheck_inlines": []}
    tokens = _parser().parse(text, env)
    if _mostly_html(tokens, text):  # a web page (Word's, say) saved with a .md name
        from .html import read as read_html

        page = _parser().renderer.render(tokens, _parser().options, env)
        return read_html(page.encode("utf-8"), document.path)
    unread: tuple[Unread, ...] = ()
    if (unclosed := _unclosed_fence(tokens, text, document.line_starts)) is not None:
        # Read the notes as their author meant them (they would print as code), and say so.
        line, start, end, notes = unclosed
        unread = (Unread("code block", line, count=notes, unclosed=True),)
        env = {"footcheck_inlines": []}
        tokens = _parser().parse(text[:start] + " " * (end - start) + text[end:], env)
    inlines: list[_Inline] = env["footcheck_inlines"]
    # a link's label as markdown-it matched it to its definition (CommonMark's folding)
    from markdown_it.common.utils import normalizeReference as normal_label

    where = _Placer(text, document.line_starts)
    hidden: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []  # the hidden spans a reader follows: link targets
    blocks: list[Block] = []
    covered = [False] * (len(document.line_starts) + 1)

    depth = 0
    for tok in tokens:
        if tok.map is not None and tok.level == 0:
            for line in range(tok.map[0], tok.map[1]):
                covered[line] = True
        if tok.type == "list_item_open":
            depth += 1
        elif tok.type == "list_item_close":
            depth -= 1
        if tok.map is None:
            continue
        span = where.lines(*tok.map)
        if tok.type in _HIDDEN_BLOCKS or (
                tok.type == "html_block" and tok.content.lstrip().lower().startswith(
                    _HIDDEN_HTML)):
            hidden.append(span)
            blocks.append(Block(CODE, *span))
        elif tok.type in _BLOCK_KINDS:
            level = int(tok.tag[1]) if tok.type == "heading_open" else depth
            blocks.append(Block(_BLOCK_KINDS[tok.type], *span, level=level))
    # Lines no block token covers and not blank were link reference definitions.
    defined: dict[str, tuple[int, int]] = {}  # each label's definition (the first one)
    for i, start in enumerate(document.line_starts):
        if not covered[i]:
            end = where.line_end(i)
            if text[start:end].strip():
                hidden.append((start, end))
                links.append((start, end))
                if (m := _LINK_DEFINITION.match(text, start, end)) is not None:
                    defined.setdefault(normal_label(m[1]), (start, end))
    referred: list[tuple[tuple[int, int], tuple[int, int]]] = []  # "[Title][ref]" and its URL

    refs: list[tuple[str, int, int]] = []  # label, start, end in text
    inline_notes: list[tuple[int, int]] = []  # start, end of ^[…] in text
    anchored: list[_Anchored] = []  # links "[\\[1\\]](#_ftn1)" a converted Word file left
    escapes: list[int] = []  # the backslashes of "\\[1\\]", pandoc's way to write "[1]"
    placed = where.placed
    for inline in inlines:
        if inline.token.meta.get("footcheck_cell"):  # cells share lines: placed in order
            to_text = placed(inline.token)
            blocks.append(Block(TABLE_CELL, to_text(0), to_text(len(inline.token.content))))
        elif not inline.matches:
            continue
        to_text = placed(inline.token)
        for m in inline.matches:
            start, end = to_text(m.start), to_text(m.end)
            if m.rule == "escape":
                if text[start + 1:start + 2] in ("[", "]"):
                    escapes.append(start)
            elif m.rule == "footnote_ref":
                refs.append((m.token.meta["label"], start, end))
            elif m.rule == "footnote_inline":  # a note, not hidden: its words are checked
                inline_notes.append((start, end))
            elif m.rule == "link":
                if (note := _anchored(inline.token.content, m)) is not None:
                    anchored.append(_Anchored(*note, start, end))
                    hidden.append((start, end))
                    continue
                hidden.append((start, start + 1))  # "[" … "](destination)"
                hidden.append((to_text(m.label_end), end))
                links.append(hidden[-1])
                if defined and (label := _reference_label(inline.token.content, m)) and \
                        (place := defined.get(normal_label(label))) is not None:
                    referred.append(((start, end), place))
            elif m.rule == "autolink":
                hidden.append((start, end))
                links.append((start, end))
            elif m.rule != "html_inline" or inline.token.content.startswith("<!--", m.start):
                hidden.append((start, end))

    if "](#" in text:  # "[\\[1]](#_ftn1)": a converter's broken link, printed as it is
        anchored += _broken_anchors(text, hidden)
        anchored.sort(key=lambda a: a.start)
    check_notes(len(inline_notes), len(refs))
    definitions = list(_definitions(tokens, where))
    refs = _without_colonless(text, refs, {label for label, *_ in definitions})
    notes, markers = _footnotes(document, definitions, refs, inline_notes)
    blocks.sort(key=lambda b: (b.start, -b.end))
    if anchored:
        more_notes, more_markers = _anchored_notes(document, anchored, blocks)
        notes = tuple(sorted(notes + more_notes, key=lambda n: (n.line, n.column)))
        markers = tuple(sorted(markers + more_markers, key=lambda m: m.offset))
    check_notes(len(notes), len(markers))
    return replace(document, format="markdown", blocks=tuple(blocks),
                   hidden=tuple(sorted(hidden)), links=tuple(sorted(links)),
                   native_notes=notes, native_markers=markers, unread=unread,
                   escapes=tuple(escapes), referred=tuple(sorted(referred)))


#: A link reference definition's line: ``[label]: destination``.
_LINK_DEFINITION = re.compile(r" {0,3}\[((?:[^\]\\]|\\.){1,999})\]:")


def _reference_label(content: str, m: _Match) -> str | None:
    """The label of the reference link ``m`` matched in ``content`` (``[text][label]``,
    ``[label][]``, ``[label]``), or ``None`` for a link with its destination inline."""
    after = content[m.label_end + 1:m.end]
    if after.startswith("("):
        return None
    if len(after) > 2:  # "[label]"
        return after[1:-1]
    return content[m.start + 1:m.label_end]


# --- notes a converted Word file left as links to anchors ---------------------------------
# Word's web page, turned into Markdown (pandoc from HTML, Confluence, html2text), keeps its
# notes as links: the marker "[\[1\]](#_ftn1)" in the text and, at the start of each note,
# "[\[1\]](#_ftnref1)" pointing back. Their numbers are what the reader sees.


@dataclass
class _Anchored:
    """A link whose text is a note number and whose destination is an anchor in the page."""

    token: str  # "1", "iv"
    target: str  # "#_ftn1"
    start: int  # the link's place in the text
    end: int


_ANCHOR_TEXT = re.compile(r"\[?(\d{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\]?")
_ESCAPE = re.compile(r"\\(.)")
_ENDNOTE_TARGET = re.compile(r"(?i)edn|endnote")


def _anchored(content: str, m: _Match) -> tuple[str, str] | None:
    r"""The number and destination of the inline link ``m`` in ``content`` when its text is
    a note number and it points at an anchor of the page (``[\[1\]](#_ftn1 "#_ftn1")``)."""
    if m.label_end < 0 or not content.startswith("](#", m.label_end):
        return None
    shown = _ANCHOR_TEXT.fullmatch(_ESCAPE.sub(r"\1", content[m.start + 1:m.label_end]).strip())
    if shown is None:
        return None
    target = content[m.label_end + 2:m.end - 1].split(maxsplit=1)
    return (shown[1], target[0]) if target else None


#: An anchor link whose escaped "[" leaves its label unbalanced, so that Markdown reads no
#: link: "[\\[1]](#_ftn1 "#_ftn1")", as Confluence writes a Word page's notes.
_BROKEN_ANCHOR = re.compile(r"\[\\\[(\d{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\\?\]\]"
                            r"\((#[^\s()]+)(?:[ \t]+\"[^\"\n]*\")?\)")


def _broken_anchors(text: str, hidden: list[tuple[int, int]]) -> list[_Anchored]:
    """The anchor links of ``text`` that Markdown reads as text (:data:`_BROKEN_ANCHOR`), not
    in code; their spans are added to ``hidden``."""
    spans = sorted(hidden)
    found = []
    for m in _BROKEN_ANCHOR.finditer(text):
        k = bisect.bisect_right(spans, (m.start(), len(text))) - 1
        if k >= 0 and spans[k][1] > m.start():
            continue  # in code, or inside a link
        found.append(_Anchored(m[1], m[2], m.start(), m.end()))
        hidden.append(m.span())
    return found


#: The name of a note's anchor: ``f1``, ``ftnt_ref1``, ``fn:1`` — not a figure's, a table's,
#: an equation's or a section's (``fig2``, ``tab-2``, ``eq2``, ``sec-2``).
_NOTE_ID = re.compile(r"(?!(?i:fig|tab|eq|sec|ch|app|alg|lst|list|thm|lem))[\w:.-]{0,40}")
#: An anchor's name as a scheme and a number: ``ftnt_ref`` and ``6``.
_SCHEME = re.compile(r"(\D*?)(\d{1,4})")
#: What may stand before a note's label in its paragraph: emphasis, a list item's number.
_NOTE_OPENING = re.compile(r"[ \t*_-]*(?:\d{1,4}[.)][ \t]*)?")
#: An HTML element a link can point at, and what opens the note it starts: its number and
#: closing tag, and a colon (``<b id="f1">1</b> : Meyriat…``, ``<a name="ftnt1"></a> In…``).
_ANCHOR_ID = re.compile(r"""<[a-zA-Z][a-zA-Z0-9]*\s[^<>]*?\b(?:id|name)\s*=\s*["']?([^"'\s<>]+)"""
                        r"""["']?[^<>]*>(?:[^<>\n]{0,12}</[a-zA-Z][a-zA-Z0-9]*>)?[ \t]*[:.)]?""")


#: kramdown's attribute list naming the block it follows: ``{: #fn1}`` on a line of its own.
_IAL = re.compile(r"^[ \t]*\{:[ \t]*#([\w:.-]+)[^}\n]*\}[ \t]*$", re.MULTILINE)
#: The label opening a note so named: ``<sup>1</sup>``, ``1.``, ``[1]``.
_IAL_LABEL = re.compile(r"[ \t*_]*(?:<sup>[ \t]*(\d{1,4})[ \t]*</sup>|(?=\[?\d)\[?(\d{1,4})"
                        r"(?:\]|[.)]))[ \t]*")


def _anchored_notes(document: Document, links: list[_Anchored], blocks: list[Block]
                    ) -> tuple[tuple[Note, ...], tuple[Marker, ...]]:
    """The notes and markers of anchor links: a link opening its paragraph is a note's label,
    the paragraph its text, and so is the paragraph opened by the element a link points at
    (``[1](#f1)`` and ``<b id="f1">1</b> : …``, as GitHub pages write notes by hand); any
    other is a marker. Without a note, the links are no notes ("see [2](#figure-2)")."""
    text = document.text
    paragraphs = [b for b in blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    starts = [b.start for b in paragraphs]
    notes: list[Note] = []
    markers: list[Marker] = []

    def block_opened_by(start: int) -> Block | None:
        k = bisect.bisect_right(starts, start) - 1
        block = paragraphs[k] if k >= 0 and paragraphs[k].end > start else None
        return block if block is not None and _NOTE_OPENING.fullmatch(text, block.start, start) \
            else None

    def add_note(token: str, target: str, start: int, end: int, block: Block,
                 stop: int | None = None) -> None:
        """The note labelled ``text[start:end]`` (``token``), its text the rest of ``block``
        (up to ``stop``, where an attribute list naming it begins)."""
        numeral = read_numeral(token)
        if stop is not None:
            block = replace(block, end=stop)
        spans = tuple(_split_lines(text, end, block.end))
        line, column = document.position(start)
        notes.append(Note(label=f"[{token}]", token=token, number=numeral.value,
                          series=ENDNOTES if _ENDNOTE_TARGET.search(target) else FOOTNOTES,
                          notation=NATIVE, line=line, column=column,
                          end_line=document.position(max(block.end - 1, end))[0],
                          text=_joined(text, spans), spans=spans,
                          malformed=numeral.malformed))

    # each anchor's name -> the span of what opens the note there, and where its text stops
    targets: dict[str, tuple[int, int, int | None]] = {
        m[1]: (m.start(), m.end(), None) for m in _ANCHOR_ID.finditer(text)
    } if "id" in text or "name" in text else {}
    for m in _IAL.finditer(text) if "{:" in text else ():  # kramdown: "{: #fn1}" after a note
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and starts[k] < m.start() <= paragraphs[k].end and \
                (label := _IAL_LABEL.match(text, starts[k])) is not None:
            targets[m[1]] = (label.start(), label.end(), m.start() - 1)
    defined: set[str] = set()
    for link in links:
        if (block := block_opened_by(link.start)) is not None:
            add_note(link.token, link.target, link.start, link.end, block)
            continue
        name = link.target[1:]
        if (target := targets.get(name)) is not None and link.target not in defined and \
                _NOTE_ID.fullmatch(name) and name.endswith(link.token) and \
                (block := block_opened_by(target[0])) is not None:
            defined.add(link.target)
            add_note(link.token, link.target, target[0], target[1], block, target[2])
        numeral = read_numeral(link.token)
        line, column = document.position(link.start)
        markers.append(Marker(label=f"[{link.token}]", token=link.token, number=numeral.value,
                              series=ENDNOTES if _ENDNOTE_TARGET.search(link.target)
                              else FOOTNOTES, notation=NATIVE, line=line, column=column,
                              offset=link.start, malformed=numeral.malformed))
    # the notes no link points at, anchored as the others are ("ftnt_ref6" beside "ftnt_ref5")
    schemes = {m[1] for t in defined if (m := _SCHEME.fullmatch(t[1:]))}
    for name, target in targets.items():
        if f"#{name}" not in defined and (m := _SCHEME.fullmatch(name)) and \
                m[1] in schemes and (block := block_opened_by(target[0])) is not None:
            add_note(m[2], name, target[0], target[1], block, target[2])
    notes.sort(key=lambda n: (n.line, n.column))
    return (tuple(notes), tuple(markers)) if notes else ((), ())


def _mostly_html(tokens: list[Token], text: str) -> bool:
    """Whether most lines of the file are HTML blocks, as when a web page is pasted into a
    Markdown file: its notes are then the page's, read as a web page's are."""
    html = sum(t.map[1] - t.map[0] for t in tokens
               if t.type == "html_block" and t.map is not None and t.level == 0)
    return html > 20 and html * 2 > sum(1 for line in text.split("\n") if line.strip())


_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)


def _unclosed_fence(tokens: list[Token], text: str, line_starts: tuple[int, ...],
                    ) -> tuple[int, int, int, int] | None:
    """The last code block, if it is never closed and so runs to the end of the document
    holding footnote definitions: its line, the span of its opening fence, and how many
    definitions it swallows. (A fence typed for inline code, ```` ```rdf:type``` ```` over
    two lines, shifts every later fence by one and leaves the last one open.)"""
    fence = next((t for t in reversed(tokens) if t.type == "fence" and t.map), None)
    if fence is None:
        return None
    first, stop = fence.map
    last = text[line_starts[stop - 1]:line_starts[stop] if stop < len(line_starts) else None]
    closing = last.strip()
    if stop - 1 > first and closing and set(closing) == {fence.markup[0]} and \
            len(closing) >= len(fence.markup):
        return None  # closed
    notes = len(_DEFINITION.findall(fence.content))
    if not notes:
        return None
    start = line_starts[first]
    end = text.find("\n", start)
    return first + 1, start, len(text) if end == -1 else end, notes


def _without_colonless(text: str, refs: list[tuple[str, int, int]], defined: set[str]
                       ) -> list[tuple[str, int, int]]:
    """The footnote references without those that are notes typed without Markdown's colon:
    a reference to no definition opening its line, text after it ("[^1] Popkin, …" under a
    Footnotes heading). The extractor reads those lines as typed notes."""
    out = []
    for ref in refs:
        label, start, end = ref
        line_start = text.rfind("\n", 0, start) + 1
        if label in defined or text[line_start:start].strip() or \
                not text[end:end + 2].startswith((" ", "\t")) or not text[end:end + 2].strip():
            out.append(ref)
    return out


def _footnotes(document: Document, definitions: list[_Definition],
               refs: list[tuple[str, int, int]], inline_notes: list[tuple[int, int]],
               ) -> tuple[tuple[Note, ...], tuple[Marker, ...]]:
    """The footnote definitions and references as notes and markers, numbered by label."""
    text = document.text
    numbers = label_numbers([label for label, _, _ in refs]
                            + [d[0] for d in definitions])
    following = max(numbers.values(), default=0) + 1
    notes: list[Note] = []
    markers: list[Marker] = []
    for label, start, spans, end_line in definitions:
        line, column = document.position(start)
        written = text[start:text.index("]:", start) + 2]
        notes.append(Note(label=written, token=label, number=numbers[label],
                          series=FOOTNOTES, notation=MARKDOWN, line=line, column=column,
                          end_line=end_line, text=_joined(text, spans), spans=spans))
    for label, start, end in refs:
        line, column = document.position(start)
        markers.append(Marker(label=text[start:end], token=label, number=numbers[label],
                              series=FOOTNOTES, notation=MARKDOWN, line=line, column=column,
                              offset=start))
    for number, (start, end) in enumerate(inline_notes, start=following):
        line, column = document.position(start)
        spans = tuple(_split_lines(text, start + 2, end - 1))
        token = str(number)
        markers.append(Marker(label="^[…]", token=token, number=number, series=FOOTNOTES,
                              notation=MARKDOWN, line=line, column=column, offset=start))
        notes.append(Note(label="^[", token=token, number=number, series=FOOTNOTES,
                          notation=MARKDOWN, line=line, column=column,
                          end_line=document.position(end)[0], text=_joined(text, spans),
                          spans=spans))
    notes.sort(key=lambda n: (n.line, n.column))
    markers.sort(key=lambda m: m.offset)
    return tuple(notes), tuple(markers)


_Definition = tuple[str, int, tuple[tuple[int, int], ...], int]


def _definitions(tokens: list[Token], where: _Placer) -> Iterator[_Definition]:
    """Each footnote definition: its label, where it starts, the spans of its text (one
    per line of prose) and its last line."""
    open_at: list[tuple[Token, list[tuple[int, int]]]] = []
    for tok in tokens:
        if tok.type == "footnote_reference_open":
            open_at.append((tok, []))
        elif tok.type == "footnote_reference_close" and open_at:
            opener, spans = open_at.pop()
            start = where.lines(*opener.map)[0]
            start = where.text.index("[^", start)
            yield opener.meta["label"], start, tuple(spans), opener.map[1]
        elif tok.type in _HIDDEN_BLOCKS and open_at and tok.map is not None:
            # code in a note is part of its text: a note holding only code is not empty
            start, end = where.lines(*tok.map)
            open_at[-1][1].extend(_split_lines(where.text, start, end))
        elif tok.type == "inline" and open_at and tok.map is not None:
            to_text = where.placed(tok)
            offset = 0
            for piece in tok.content.split("\n"):
                s = to_text(offset)
                if piece.strip():
                    open_at[-1][1].append((s, s + len(piece)))
                offset += len(piece) + 1


def _joined(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """A note's text: its pieces joined by single spaces."""
    return " ".join(text[s:e].strip() for s, e in spans if e > s)


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of ``text[start:end]``."""
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop == -1 else stop
        if text[start:stop].strip():
            yield start, stop
        start = stop + 1


class _Placer:
    """Maps line numbers and inline-token contents back to offsets in the file's text."""

    def __init__(self, text: str, line_starts: tuple[int, ...]) -> None:
        self.text = text
        self.line_starts = line_starts
        self.cursor: dict[int, int] = {}  # line -> where the last content placed on it ended
        self.done: dict[int, Callable[[int], int]] = {}  # id(token) -> its content's map

    def placed(self, token: Token) -> Callable[[int], int]:
        """:meth:`content` of ``token``, computed once."""
        key = id(token)
        if key not in self.done:
            self.done[key] = self.content(token)
        return self.done[key]

    def line_end(self, line: int) -> int:
        """The offset of the end of 0-based ``line`` (its newline excluded)."""
        if line + 1 < len(self.line_starts):
            return self.line_starts[line + 1] - 1
        return len(self.text)

    def lines(self, first: int, stop: int) -> tuple[int, int]:
        """The (start, end) offsets of lines ``first`` up to ``stop`` (0-based, exclusive)."""
        last = max(first, min(stop, len(self.line_starts)) - 1)
        return self.line_starts[first], self.line_end(last)

    def content(self, token: Token) -> Callable[[int], int]:
        """A function from an offset in ``token.content`` to an offset in the text.

        A token's content is its lines with their container prefixes (indentation, ``>``,
        list markers, cell borders) taken off: each content line is found on its source
        line, after whatever was placed on that line before.
        """
        pieces = token.content.split("\n")
        first = token.map[0] if token.map else 0
        starts: list[int] = []  # offset in content of each piece
        placed: list[int] = []  # offset in text of each piece
        offset = 0
        for i, piece in enumerate(pieces):
            line = min(first + i, len(self.line_starts) - 1)
            begin = max(self.line_starts[line], self.cursor.get(line, 0))
            end = self.line_end(line)
            at = self.text.find(piece, begin, end) if piece else begin
            if at == -1:  # a tab expanded in the content: place it by its first word
                stripped = piece.lstrip()
                at = self.text.find(stripped, begin, end)
                at = begin if at == -1 else at - (len(piece) - len(stripped))
            self.cursor[line] = at + len(piece)
            starts.append(offset)
            placed.append(at)
            offset += len(piece) + 1

        def to_text(pos: int) -> int:
            i = bisect.bisect_right(starts, pos) - 1
            return placed[i] + pos - starts[i]

        return to_text


# --- linear footnote rules ----------------------------------------------------------------
# The footnote plugin's rules look for the end of ``[^label]`` and ``^[note]`` from every
# ``[^`` and ``^[`` of a paragraph; where there is none, each scan runs to the paragraph's end:
# 10,000 of them on one line took 9 s. The guards below answer "no end" from one scan per
# paragraph (the next stop found is remembered until it is passed), and call the rule only
# when it can match, which then reads no further than the end it finds.

_REF_STOP = re.compile(r"[ \n\]]")  # what ends a footnote reference's label: only "]" matches
_CLOSE = re.compile(r"\]")
_STOPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # inline state -> memo


def _next_stop(state, pattern: re.Pattern[str], at: int) -> int:
    """Where ``pattern`` first matches in the state's source from ``at`` on, before its
    ``posMax`` (``posMax`` when nowhere), remembered for every later ``at`` up to there."""
    memo = _STOPS.setdefault(state, {})
    key = (pattern.pattern, state.posMax)
    known = memo.get(key)
    if known is not None and known[0] <= at <= known[1]:
        return known[1]
    found = pattern.search(state.src, at, state.posMax)
    stop = found.start() if found is not None else state.posMax
    memo[key] = (at, stop)
    return stop


def _guard_ref(rule: Callable) -> Callable:
    def footnote_ref(state, silent: bool) -> bool:
        start = state.pos
        if state.src.startswith("[^", start):
            stop = _next_stop(state, _REF_STOP, start + 2)
            if stop >= state.posMax or state.src[stop] != "]":
                return False  # a space, a line end or the paragraph's end before any "]"
        return rule(state, silent)
    return footnote_ref


def _guard_inline(rule: Callable) -> Callable:
    def footnote_inline(state, silent: bool) -> bool:
        start = state.pos
        if state.src.startswith("^[", start) and \
                _next_stop(state, _CLOSE, start + 2) >= state.posMax:
            return False  # no "]" in the rest of the paragraph
        return rule(state, silent)
    return footnote_inline


_GUARDS = {"footnote_ref": _guard_ref, "footnote_inline": _guard_inline}


def _too_many_tokens() -> str:
    return f"is too large to read as Markdown (more than {MAX_TOKENS:,} pieces of structure)"


@functools.cache
def _parser() -> MarkdownIt:
    """A CommonMark parser with tables, footnotes, front matter and math, that records
    where the inline rules footcheck needs matched."""
    from markdown_it import MarkdownIt
    from markdown_it.helpers import parseLinkLabel
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = (MarkdownIt("commonmark", {"html": True}).enable("table")
          .use(front_matter_plugin)
          # pandoc's rule for $math$: no space inside either dollar, no digit after the
          # closing one, so that "$34 billion … on $12 billion" is two amounts, not math
          .use(dollarmath_plugin, allow_space=False, allow_digits=False)
          .use(footnote_plugin, move_to_end=False, always_match_refs=True))
    definition = next(r.fn for r in md.block.ruler.__rules__ if r.name == "footnote_def")

    def ends_quoted_note(state, start: int, end: int, silent: bool) -> bool:
        """pandoc's rule: a definition opening a line ends the quotation a note ends with
        ("[^1]: Foucault:\n\n    > quoted\n[^2]: …" defines note 2, it is no lazy line of
        the quotation); a quotation outside the notes goes on, as there it does."""
        if not silent or not definition(state, start, end, True):
            return False  # only ever a quotation's end, never a block of its own
        for token in reversed(state.tokens):
            if token.type in ("footnote_reference_open", "footnote_reference_close"):
                return token.type == "footnote_reference_open"
        return False

    md.block.ruler.before("footnote_def", "footnote_quote_end", ends_quoted_note,
                          {"alt": ["blockquote"]})

    def template_code(state, start: int, end: int, silent: bool) -> bool:
        """A site generator's code block (:data:`_TEMPLATE_CODE`), to its closing tag or,
        unclosed, to the end of the file, as the generator prints it."""
        first = state.bMarks[start] + state.tShift[start]
        if state.src[first:first + 2] not in ("{%", "{{") or state.sCount[start] >= 4:
            return False
        opened = _TEMPLATE_CODE.match(state.src, state.bMarks[start], state.eMarks[start])
        if opened is None:
            return False
        if silent:
            return True
        name = opened[1] or opened[2]
        close = re.compile(rf"\s*(?:\{{%-?\s*end{name}\s*-?%\}}|\{{\{{[<%]\s*/{name}\s*[>%]\}}\}})")
        line = start + 1
        while line < end and not close.match(state.src, state.bMarks[line],
                                             state.eMarks[line]):
            line += 1
        token = state.push("template_code", "code", 0)
        token.map = [start, min(line + 1, end)]
        state.line = min(line + 1, end)
        return True

    md.block.ruler.before("fence", "template_code", template_code,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})

    def directive(state, start: int, end: int, silent: bool) -> bool:
        """A MyST directive fence (:data:`_DIRECTIVE`): its fence lines and options hidden,
        its title and body parsed as Markdown, to its closing fence or the file's end."""
        if state.sCount[start] - state.blkIndent >= 4:
            return False
        opened = _DIRECTIVE.match(state.src, state.bMarks[start], state.eMarks[start])
        if opened is None or opened[2].lower() in _CODE_DIRECTIVES:
            return False
        if silent:
            return True
        fence = opened[1]
        close = re.compile(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        stop = start + 1
        while stop < end and not close.match(state.src, state.bMarks[stop], state.eMarks[stop]):
            stop += 1
        line = lambda i: state.src[state.bMarks[i]:state.eMarks[i]]  # noqa: E731
        body = start + 1
        if body < stop and line(body).strip() == "---":  # options as YAML
            body = next((i + 1 for i in range(body + 1, stop) if line(i).strip() == "---"),
                        body)
        while body < stop and _DIRECTIVE_OPTION.match(line(body)):
            body += 1
        title = opened[3].strip()
        if title and opened[2].lower() not in _PATH_DIRECTIVES:
            for kind, nesting in (("paragraph_open", 1), ("inline", 0), ("paragraph_close", -1)):
                token = state.push(kind, "p" if nesting else "", nesting)
                token.map = [start, start + 1]
                if kind == "inline":
                    token.content, token.children = title, []
            if body > start + 1:
                state.push("directive_fence", "div", 0).map = [start + 1, body]
        else:
            state.push("directive_fence", "div", 0).map = [start, body]
        parent, limit = state.parentType, state.lineMax
        state.parentType, state.lineMax = "directive", stop
        state.md.block.tokenize(state, body, stop)
        state.parentType, state.lineMax = parent, limit
        if stop < end:
            state.push("directive_fence", "div", 0).map = [stop, stop + 1]
        state.line = min(stop + 1, end)
        return True

    md.block.ruler.before("fence", "directive", directive,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    # Nothing is rendered: emphasis, entities and line breaks change no position footcheck
    # needs, and link destinations are read from the source, so they need no normalising.
    md.disable(["emphasis", "entity", "newline", "balance_pairs", "fragments_join",
                "text_join"])
    md.normalizeLink = md.normalizeLinkText = str
    md.validateLink = bool

    def math_rule(name: str, opener: str, pattern: re.Pattern[str],
                  accept: Callable[[re.Match[str]], bool] = bool) -> Callable:
        """An inline rule reading what ``pattern`` matches where ``opener`` stands as math."""
        def rule(state, silent: bool) -> bool:
            if state.src[state.pos] != opener:
                return False
            m = pattern.match(state.src, state.pos)
            if m is None or not accept(m):
                return False
            if not silent:
                state.push(name, "math", 0).content = m[0]
            state.pos = m.end()
            return True
        return rule

    # TeX's "\( … \)" and "\[ … \]" (:data:`_TEX_MATH`), brackets only around TeX; and
    # "$ k_{gas} = U_{10}^2 $", math written with spaces inside its dollars (as MyST and
    # MathJax read it) when it holds TeX (:data:`_SPACED_MATH`), where amounts stay text
    md.inline.ruler.before("escape", "tex_math", math_rule(
        "tex_math", "\\", _TEX_MATH,
        lambda m: m["display"] is None or bool(_TEX_CONTENT.search(m["display"]))))
    md.inline.ruler.before("escape", "spaced_math", math_rule("spaced_math", "$", _SPACED_MATH))

    def recording(name: str, rule: Callable) -> Callable:
        def run(state, silent: bool) -> bool:
            start, count = state.pos, len(state.tokens)
            if not rule(state, silent):
                return False
            current = state.env.get("footcheck_current")
            if not silent and current is not None and state.src is current.token.content:
                made = state.tokens[-1] if len(state.tokens) > count else None
                label_end = parseLinkLabel(state, start, True) if name == "link" else -1
                current.matches.append(_Match(name, start, state.pos, label_end, made))
            return True
        return run

    for name in _RECORDED:
        rules = [r for r in md.inline.ruler.__rules__ if r.name == name]
        if rules:
            rule = rules[0].fn
            if name in _GUARDS:
                rule = _GUARDS[name](rule)
            md.inline.ruler.at(name, recording(name, rule))

    def budget(state, start: int, end: int, silent: bool) -> bool:
        """A block rule that matches nothing and is tried first at each block: it stops
        the parse once the file has made :data:`MAX_TOKENS` tokens."""
        if len(state.tokens) > MAX_TOKENS:
            raise Unreadable(_too_many_tokens())
        return False

    md.block.ruler.before(md.block.ruler.__rules__[0].name, "footcheck_budget", budget)

    def inline(state) -> None:
        """The core "inline" step, telling the recorders which token is being parsed."""
        cell = False
        made = len(state.tokens)
        for token in state.tokens:
            if token.type in ("td_open", "th_open"):
                cell = True
            elif token.type in ("td_close", "th_close"):
                cell = False
            if token.type == "inline":
                current = _Inline(token)
                if cell:
                    token.meta["footcheck_cell"] = True
                state.env["footcheck_inlines"].append(current)
                if _TRIGGERS.search(token.content):  # else no rule footcheck needs can match
                    state.env["footcheck_current"] = current
                    md.inline.parse(token.content, md, state.env, token.children)
                    made += len(token.children)
                    if made > MAX_TOKENS:
                        raise Unreadable(_too_many_tokens())
        state.env["footcheck_current"] = None

    md.core.ruler.at("inline", inline)
    return md
