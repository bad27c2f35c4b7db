"""reStructuredText, read by docutils: its footnotes and citations, its structure, what is
not prose.

docutils parses the file, without reading any other file, going on the network or printing
a word: footnotes (``.. [1]``, ``.. [#]``, ``.. [#name]``, ``.. [*]``) and citations
(``.. [CIT2002]``) become notes, their references (``[1]_``, ``[#]_``, ``[CIT2002]_``…)
markers, numbered the way docutils numbers them. A reference to a note that does not exist
is a marker all the same, so the checks report the missing note. The reader marks what is
not prose — literal and doctest blocks, code, math and raw directives, comments, targets,
substitution definitions, inline literals, math roles and embedded link destinations — so
that the extractor, which still looks for notes typed by hand in prose, never reads a code
sample as citations.

docutils gives block nodes a line (their first, though a title's is its underline and a
comment's the one after it), inline nodes none, and keeps the source of both (their
``rawsource``, dedented). So the reader finds each block's text in the source near the line
docutils gives, then each inline node it needs in that block's source, in order, after the
text before it; an explicit markup block (``..`` and the lines indented under it) is
measured on the source.
"""

from __future__ import annotations

import bisect
import functools
import io
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, SupportsIndex

from ..collector import collector_paused
from ..model import (
    CODE,
    FOOTNOTES,
    HEADING,
    LIST_ITEM,
    NOTE_BODY,
    PARAGRAPH,
    QUOTE,
    RST,
    TABLE_CELL,
    Block,
    Document,
    Marker,
    Note,
)
from ..numerals import label_numbers
from . import Unreadable
from .markup import check_notes

if TYPE_CHECKING:
    from docutils import nodes

Span = tuple[int, int]

#: docutils settings: no file or network access, no output, the tree as written (no title
#: promoted, no field list turned into document information), exceptions raised to us.
_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "traceback": True,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,
    "doctitle_xform": False,
    "docinfo_xform": False,
    "syntax_highlight": "none",
    "line_length_limit": 1_000_000,  # a paragraph may be one long line
}

#: Directives whose whole block is not prose.
_HIDDEN_DIRECTIVES = frozenset({"code", "code-block", "sourcecode", "math", "raw", "include"})

#: Characters Python's ``splitlines`` (and so docutils) takes for line breaks, though
#: footcheck does not: replaced by spaces for docutils, so that its lines are ours.
_EXTRA_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))

#: Lines and inline markup characters a file may have: docutils keeps ~2 KB per node
#: (50,000 paragraphs took 90 MB, 50,000 references 135 MB; 148,000 list items 430 MB with
#: the audit); a 300-page book has ~60,000.
MAX_PIECES = 100_000
_MARKUP = ("`", "[", "|", "*")
#: How far a line may be indented (in columns, a tab to the next multiple of 8): docutils
#: nests a state machine per level of block quote, ~600 KB each (4,000 levels took 2.5 GB).
MAX_INDENT = 200

#: The most lines searched for a node docutils gives no line.
_MOST_LINES = 200


_EXPLICIT = re.compile(r"[ \t]*(\.\.|__)(?:[ \t]+|$)")
_NOTE_LABEL = re.compile(r"\[([^\]\s]+)\](?=[ \t]|$)")
_DIRECTIVE = re.compile(r"([\w.+:-]+?) ?::(?=[ \t]|$)")
_OPTION = re.compile(r"[ \t]*:[^:\s][^:]*:(?:[ \t]|$)")
_REFERENCE = re.compile(r"\[([^\]\s]+)\]_")
_EMBEDDED_URI = re.compile(r"<[^<>]*>(?=`__?$)")


@dataclass(frozen=True)
class _Markup:
    """What an explicit markup line (``..`` or ``__``) starts: a ``note`` (footnote or
    citation), ``target``, ``substitution``, ``directive`` or ``comment``.

    ``name`` is a note's label without brackets or a directive's name (lower case);
    ``start``/``end`` are the columns of a note's label, brackets included.
    """

    kind: str
    name: str = ""
    start: int = 0
    end: int = 0


def parse(document: Document) -> Document:
    """Return ``document`` with its reStructuredText structure, footnotes and hidden spans.

    A file docutils cannot parse comes back with no structure, its notes left to the
    extractor. One over :data:`MAX_PIECES`, :data:`MAX_INDENT` or
    :data:`~footcheck.readers.markup.MAX_NOTES` is refused
    (:class:`~footcheck.readers.Unreadable`).
    """
    text = document.text
    pieces = len(document.line_starts) + sum(map(text.count, _MARKUP))
    if pieces > MAX_PIECES:
        raise Unreadable(f"is too large to read as reStructuredText (more than "
                         f"{MAX_PIECES:,} lines and pieces of markup)")
    indented = re.compile(rf"^[ \t]{{{MAX_INDENT // 8 + 1},}}", re.MULTILINE)  # tabs: 8 each
    if any(len(m.group().expandtabs()) > MAX_INDENT for m in indented.finditer(text)):
        raise Unreadable(f"is nested too deeply to read as reStructuredText (a line is "
                         f"indented by more than {MAX_INDENT} columns)")
    # docutils' tree is ~20 objects per line, all in cycles (each node points to its
    # parent): the collector's scans of it while it grows were up to half the time.
    with collector_paused():
        return _parsed(document, text)


def _parsed(document: Document, text: str) -> Document:
    tree = _doctree(text)
    if tree is None:
        return replace(document, format="rst")
    source = _Source(document)
    elements = list(_elements(tree))  # walked once: each pass below reads the list
    texts = _texts(elements)
    code, blocks, targets, named = _not_prose(source, elements)
    placed = _place_texts(source, texts)
    refs, inline_hidden, embedded, naming = _inline(source, tree, texts, placed)
    referred = sorted((span, named[name]) for span, name in naming if name in named)
    definitions = list(_definitions(source, elements, code))
    check_notes(len(definitions), len(refs))
    notes, markers = _numbered(document, definitions, refs)
    blocks += _text_blocks(source, elements, placed)
    blocks += [Block(NOTE_BODY, n.spans[0][0], n.spans[-1][1]) for n in notes if n.spans]
    blocks.sort(key=lambda b: (b.start, -b.end))
    _dismantle(tree, elements)
    return replace(document, format="rst", blocks=tuple(blocks),
                   hidden=_merged(code + inline_hidden), links=tuple(sorted(targets + embedded)),
                   native_notes=notes, native_markers=markers, referred=tuple(referred))


def _dismantle(tree: nodes.document, elements: list[nodes.Element]) -> None:
    """Break the cycles of docutils' tree (each node points to its parent, the document to
    its nodes by id and name), so that it is freed as soon as the reader lets it go.

    Left whole, the tree waits for the cyclic collector: 2,000 footnotes in 20 KB left
    ~200,000 objects that took 0.4 s to collect when the process ended.
    """
    from docutils import nodes

    for node in elements:
        if isinstance(node, nodes.system_message):  # its children are not among elements
            for child in node.children:
                child.__dict__.clear()
        node.__dict__.clear()
    tree.__dict__.clear()


def _doctree(text: str) -> nodes.document | None:
    """The docutils tree of ``text``, or ``None`` when docutils fails on it."""
    try:
        from docutils.core import publish_doctree

        settings = {**_SETTINGS, "warning_stream": io.StringIO()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return publish_doctree(text.translate(_EXTRA_BREAKS), reader=_reader()(),
                                   settings_overrides=settings)
    except Exception:  # docutils has bugs on odd input; any of them means "no structure"
        return None


@functools.cache
def _reader() -> type:
    """docutils' reader of a standalone file, with footcheck's parser (:func:`_parser`) and
    only the transforms whose work footcheck reads (:data:`_TRANSFORMS`)."""
    from docutils.readers.standalone import Reader

    class Lean(Reader):
        def __init__(self) -> None:
            super().__init__(parser=_parser()())

        def get_transforms(self) -> list[type]:
            return [t for t in super().get_transforms() if t.__name__ in _TRANSFORMS]

    return Lean


#: The transforms footcheck needs: footnotes numbered and references resolved to them,
#: substitutions replaced (their text is not the paragraph's), and :class:`_Children`.
#: The others resolve hyperlinks, place targets, check transitions or typeset quotes,
#: each walking the whole tree: on 10,000 lines of one backtick they were 0.4 of 1.3 s.
_TRANSFORMS = frozenset({"Footnotes", "Substitutions", "Indexed"})


@functools.cache
def _parser() -> type:
    """docutils' reStructuredText parser, with footcheck's inliner (:func:`_inliner`), states
    (:func:`_lazy_states`) and children (:class:`_Children`)."""
    from docutils.parsers.rst import Parser
    from docutils.transforms import Transform

    class Indexed(Transform):
        """Long lists of children find a node by identity in constant time (:class:`_Children`)."""

        default_priority = 1  # before every transform that replaces nodes

        def apply(self) -> None:
            for node in (self.document, *_elements(self.document)):
                if len(node.children) > _INDEXED:
                    node.children = _Children(node.children)

    class Fast(Parser):
        def __init__(self) -> None:
            super().__init__(inliner=_inliner())
            self.state_classes = _lazy_states()

        def get_transforms(self) -> list[type]:
            return [*super().get_transforms(), Indexed]

    return Fast


#: How many children a node has before they are :class:`_Children`.
_INDEXED = 32


class _Children(list):  # type: ignore[type-arg]
    """A node's children, which find one of them in constant time.

    docutils' transforms replace a reference they cannot resolve (a missing footnote or
    target, an undefined substitution, a surplus ``[#]_`` or ``__``) after finding it in
    its parent's children by a search from the first (``Element.index``): quadratic in a
    paragraph of thousands (20 KB of ``|x|`` took 0.6 s, 40 KB 2.8 s; 10 MB would take
    hours). The places are remembered by identity and checked before use, so any change
    to the list is seen; docutils' ``Text`` nodes (strings, equal when equal) are searched
    as before.
    """

    __slots__ = ("_at",)

    def __init__(self, items: Iterable[object]) -> None:
        super().__init__(items)
        self._at: dict[int, int] = {}

    def index(self, item: object, start: SupportsIndex = 0,
              stop: SupportsIndex = sys.maxsize) -> int:
        if not isinstance(item, str) and start == 0 and stop == sys.maxsize:  # docutils' call
            at = self._at.get(id(item))
            if at is None or at >= len(self) or self[at] is not item:
                at = self._remember().get(id(item))
            if at is not None:
                return at
        return super().index(item, start, stop)

    def _remember(self) -> dict[int, int]:
        """Remember where each child is (the first place, as ``list.index`` finds)."""
        self._at = {}
        for i, child in enumerate(self):
            self._at.setdefault(id(child), i)
        return self._at


@functools.cache
def _lazy_states() -> tuple[type, ...]:
    """docutils' parser states, whose nested state machines make a state when it is used.

    docutils runs a nested state machine for every list item, footnote and comment, and
    makes all fifteen of its states (with their transitions) for each: 5,000 one-line
    items (``i.`` or ``..`` in 20 KB) spent 1.7 of their 2.5 s there, though an item uses
    one or two states. The states are docutils' own, subclassed only to name the machine
    their nested parses run (docutils' ``nested_sm``); the tree is the same.
    """
    from docutils.parsers.rst import states

    class Made(dict):  # type: ignore[type-arg]
        """A machine's states by name, each made on first use (docutils makes all)."""

        def __init__(self, machine: states.NestedStateMachine, classes: list[type]) -> None:
            super().__init__()
            self.machine = machine
            self.classes = {cls.__name__: lazy.get(cls, cls) for cls in classes}

        def __missing__(self, name: str) -> states.RSTState:
            state = self[name] = self.classes[name](self.machine, self.machine.debug)
            if getattr(self.machine, "memo", None) is not None:  # made while running
                state.runtime_init()
            return state

    class Nested(states.NestedStateMachine):
        def add_states(self, state_classes: list[type]) -> None:
            self.states = Made(self, state_classes)

        def unlink(self) -> None:
            """Also break each state's cycle with its transitions (bound methods of the
            state), which docutils leaves to the collector: a list in each of 2,000
            footnotes left 30,000 objects."""
            made = list(self.states.values())
            super().unlink()
            for state in made:
                state.transitions = {}

    shared: list[states.NestedStateMachine] = []  # docutils keeps one list for all states
    lazy = {cls: type(cls.__name__, (cls,), {"nested_sm": Nested, "nested_sm_cache": shared,
                                            "__module__": __name__})
            for cls in states.state_classes}
    return tuple(lazy.values())


def _inliner():
    """docutils' inline parser, with two changes that keep its time linear:

    * no recognition of bare URIs, e-mail addresses and PEP or RFC numbers: footcheck finds
      URLs itself (:mod:`footcheck.urls`), and docutils' pattern for them backtracks for
      seconds on some lines, growing faster than the square of their length (20 KB of
      ``^{`` took 4 s, 40 KB 28 s). Explicit references (```text <url>`_``) are parsed;
    * its end-string patterns remember the text after a start-string where they found no
      end (:class:`_Remembered`): docutils searches the rest of the paragraph again after
      each ``*`` or ````` with no end (20 KB of ``*. `` took 2.2 s, 40 KB 8 s).
    """
    from docutils.parsers.rst.states import Inliner

    inliner = Inliner()  # (not a subclass: docutils reads the patterns' parts off the class)
    customize = inliner.init_customizations

    def init_customizations(settings) -> None:  # type: ignore[no-untyped-def]
        customize(settings)
        inliner.implicit_dispatch = []
        for name in _END_PATTERNS:
            setattr(inliner.patterns, name, _Remembered(getattr(inliner.patterns, name)))

    inliner.init_customizations = init_customizations  # type: ignore[method-assign]
    return inliner


#: The patterns docutils' inliner searches the rest of a paragraph with for an end-string.
_END_PATTERNS = ("emphasis", "strong", "literal", "target", "substitution_ref",
                 "interpreted_or_phrase_ref")


class _Remembered:
    """An end-string pattern that remembers the last text it found nothing in.

    docutils searches ``rest`` (the text after a start-string) for its end; the next search
    is in a later part of the same paragraph, a suffix of the last. Where the pattern found
    nothing in a text, it can match in a suffix of it only at the suffix's very start (the
    one position whose look-behind has changed: it now sees the start of the string), so
    one anchored match answers instead of a search to the paragraph's end.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.missed: str | None = None

    def search(self, text: str) -> re.Match[str] | None:
        missed = self.missed
        if missed is not None and len(text) <= len(missed) and missed.endswith(text):
            return self.pattern.match(text)
        found = self.pattern.search(text)
        if found is None:
            self.missed = text
        return found


class _Source:
    """The document's lines, and where docutils' text is in them."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.starts = document.line_starts
        self.count = len(self.starts)

    def bounds(self, i: int) -> Span:
        """The offsets of 0-based line ``i``, its newline excluded."""
        end = self.starts[i + 1] - 1 if i + 1 < self.count else len(self.text)
        return self.starts[i], end

    def line(self, i: int) -> str:
        """The text of 0-based line ``i``."""
        start, end = self.bounds(i)
        return self.text[start:end]

    def stripped(self, i: int, start: int | None = None) -> Span:
        """The offsets of line ``i`` (from ``start``, if given) without surrounding spaces."""
        begin, end = self.bounds(i)
        begin = begin if start is None else start
        piece = self.text[begin:end]
        return begin + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())

    def blank(self, i: int) -> bool:
        """Whether line ``i`` holds nothing but white space."""
        return not self.line(i).strip()

    def indent(self, i: int) -> int:
        """The indentation of line ``i``, tabs expanded as docutils expands them."""
        line = self.line(i).expandtabs(8)
        return len(line) - len(line.lstrip())

    def near(self, line: int | None) -> list[int]:
        """0-based lines to look at for a node docutils puts on 1-based ``line``, best first."""
        if line is None:
            return []
        return [i for i in (line - 1, line - 2, line, line - 3, line + 1) if 0 <= i < self.count]

    def find(self, piece: str, start: int, end: int) -> Span | None:
        """Where ``piece`` (a line of docutils' source) is first written between ``start``
        and ``end`` (a line): as it is, or else with other white space (docutils expands
        tabs)."""
        piece = piece.strip()
        if not piece:
            return None
        at = self.text.find(piece, start, end)
        if at != -1:
            return at, at + len(piece)
        return next(_occurrences(self.text, piece, start, end), None)

    def markup(self, i: int) -> _Markup | None:
        """What line ``i`` starts, if it starts an explicit markup block."""
        return _markup(self.line(i))

    def extent(self, i: int) -> int:
        """The last line of the explicit markup block that starts on line ``i``: the lines
        after it indented more deeply, blank lines between them included."""
        if self.line(i).strip() == ".." and (i + 1 == self.count or self.blank(i + 1)):
            return i  # an empty comment: it ends at once
        own = self.indent(i)
        last = i
        for j in range(i + 1, self.count):
            if self.blank(j):
                continue
            if self.indent(j) <= own:
                break
            last = j
        return last

    def lines_span(self, first: int, last: int) -> Span:
        """The offsets of the text of lines ``first`` to ``last``, surrounding spaces off."""
        return self.stripped(first)[0], self.stripped(last)[1]


def _occurrences(text: str, piece: str, start: int, end: int) -> Iterator[Span]:
    """Where ``piece`` is written between ``start`` and ``end``, in order, with any white
    space where it has white space (a piece of a paragraph may span its lines)."""
    words = piece.split()
    if not words:
        return
    if len(words) > 1:
        pattern = re.compile(r"\s+".join(map(re.escape, words)))
        at = start
        while (found := pattern.search(text, at, end)) is not None:
            yield found.span()
            at = found.start() + 1
        return
    word = words[0]
    at = text.find(word, start, end)
    while at != -1:
        yield at, at + len(word)
        at = text.find(word, at + 1, end)


def _markup(line: str) -> _Markup | None:
    """What ``line`` starts, if it starts an explicit markup block."""
    found = _EXPLICIT.match(line)
    if found is None:
        return None
    if found.group(1) == "__":
        return _Markup("target")
    rest = found.end()
    if note := _NOTE_LABEL.match(line, rest):
        return _Markup("note", note.group(1), note.start(), note.end())
    if line.startswith("_", rest):
        return _Markup("target")
    if line.startswith("|", rest):
        return _Markup("substitution")
    if directive := _DIRECTIVE.match(line, rest):
        return _Markup("directive", directive.group(1).lower())
    return _Markup("comment")


def _elements(tree: nodes.Node) -> Iterator[nodes.Element]:
    """Every element under ``tree`` in document order; a system message's copy of the
    source it complains about is left out."""
    from docutils import nodes

    stack = list(reversed(tree.children))
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.Element):
            yield node
            if not isinstance(node, nodes.system_message):
                stack.extend(reversed(node.children))


def _candidates(source: _Source, node: nodes.Element) -> list[int]:
    """0-based lines where ``node`` may start, best first: near the line docutils gives it,
    or else, in order, the lines between the nodes before and after it that have one."""
    if node.line is not None:
        return source.near(node.line)
    low, high = _lines_around(node)
    return list(range(max(low - 1, 0), min(high, low + _MOST_LINES, source.count)))


def _lines_around(node: nodes.Element) -> tuple[int, int]:
    """The 1-based lines docutils gives the nearest nodes before and after ``node`` (or
    its parent's, and the end of the document, when there are none)."""
    low = high = None
    at = node
    while at.parent is not None and (low is None or high is None):
        siblings = at.parent.children
        i = at.parent.index(at)
        if low is None:
            low = next((s.line for s in reversed(siblings[:i]) if s.line is not None),
                       at.parent.line)
        if high is None:
            high = next((s.line for s in siblings[i + 1:] if s.line is not None), None)
        at = at.parent
    return low or 1, high or 1 << 62


# --- what is not prose ---------------------------------------------------------------------


def _not_prose(source: _Source, elements: list[nodes.Element]
               ) -> tuple[list[Span], list[Block], list[Span], dict[str, Span]]:
    """The spans of the blocks that are not prose, the CODE blocks among them, the
    external hyperlink targets among them (``.. _name: https://…``), which are links, and
    the span of each such target by its names."""
    from docutils import nodes

    hidden: list[Span] = []
    blocks: list[Block] = []
    links: list[Span] = []
    named: dict[str, Span] = {}
    used: set[int] = set()  # lines of the comments and targets found
    for node in elements:
        if isinstance(node, (nodes.literal_block, nodes.doctest_block, nodes.math_block)):
            pieces = _block_lines(source, node.rawsource, _candidates(source, node))
            if not pieces and node.line is not None:  # the code directive's line is after
                # its block (a long one, far after): the latest place it fits before
                low, _ = _lines_around(node)
                pieces = _block_lines(source, node.rawsource,
                                      list(range(min(node.line, source.count) - 1,
                                                 max(low - 2, -1), -1)))
            if pieces:
                first = bisect.bisect_right(source.starts, pieces[0][0]) - 1
                directive = _hidden_directive(source, first)
                spans = pieces + ([directive] if directive else [])
                hidden += spans
                blocks.append(Block(CODE, min(s for s, _ in spans), max(e for _, e in spans)))
        elif isinstance(node, (nodes.comment, nodes.substitution_definition)) or (
                isinstance(node, nodes.target) and not isinstance(node.parent, nodes.TextElement)):
            first = next((i for i in _explicit_candidates(source, node)
                          if i not in used and _starts_markup(source, i, node.rawsource)), None)
            if first is not None:
                used.add(first)
                hidden.append(source.lines_span(first, source.extent(first)))
                if isinstance(node, nodes.target) and node.get("refuri"):
                    links.append(hidden[-1])
                    for name in node.get("names", ()):
                        named.setdefault(name, hidden[-1])
        elif isinstance(node, nodes.system_message):
            failed = _failed_markup(source, node)
            if failed is not None:
                markup, span = failed
                hidden.append(span)
                if markup.kind == "directive":
                    blocks.append(Block(CODE, *span))
    return hidden, blocks, links, named


def _explicit_candidates(source: _Source, node: nodes.Element) -> list[int]:
    """0-based lines where a comment, target or substitution definition may start: docutils
    gives a comment the line after it, so the lines up to its length before that too."""
    if node.line is None:
        return _candidates(source, node)
    farthest = max(node.line - 4 - node.rawsource.count("\n"), 0)
    return source.near(node.line) + list(range(node.line - 4, farthest - 1, -1))


def _starts_markup(source: _Source, i: int, raw: str) -> bool:
    """Whether line ``i`` starts the explicit markup block (not a note) whose source
    docutils gives as ``raw``: a comment's text, or a target's or substitution's block."""
    markup = source.markup(i)
    if markup is None or markup.kind == "note":
        return False
    wanted = next((line.split() for line in raw.split("\n") if line.strip()), [])
    words = source.line(i).split()
    if words in (wanted, ["..", *wanted]):
        return True
    following = next((j for j in range(i + 1, source.count) if not source.blank(j)), None)
    return words == [".."] and following is not None and source.line(following).split() == wanted


def _block_lines(source: _Source, raw: str, lines: list[int]) -> list[Span]:
    """Where a block with source ``raw`` is, starting on the first of ``lines`` that fits:
    one span when it has its lines to itself, else one per line (as in a table cell)."""
    wanted = raw.rstrip().split("\n")
    for first in lines:
        pieces = []
        for i, piece in enumerate(wanted, start=first):
            if not piece.strip():
                continue
            found = source.find(piece, *source.bounds(i)) if i < source.count else None
            if found is None:
                break
            pieces.append(found)
        else:
            if not pieces:
                continue
            whole = all(source.stripped(bisect.bisect_right(source.starts, s) - 1) == (s, e)
                        for s, e in pieces)
            return [(pieces[0][0], pieces[-1][1])] if whole else pieces
    return []


def _hidden_directive(source: _Source, first: int) -> Span | None:
    """The span of the code, math or raw directive whose content starts on line ``first``
    (or which starts there itself), if there is one."""
    at = first
    if source.markup(at) is None:
        own = source.indent(first)
        at -= 1
        while at >= 0 and (source.blank(at) or _OPTION.match(source.line(at))):
            at -= 1
        if at < 0 or source.indent(at) >= own:
            return None
    markup = source.markup(at)
    if markup is None or markup.kind != "directive" or markup.name not in _HIDDEN_DIRECTIVES:
        return None
    return source.lines_span(at, source.extent(at))


def _failed_markup(source: _Source,
                   message: nodes.system_message) -> tuple[_Markup, Span] | None:
    """A construct docutils refused (a raw or include directive, which are disabled, or a
    bad substitution definition) and its span, when it is not prose."""
    from docutils import nodes

    quoted = next((c for c in message.children if isinstance(c, nodes.literal_block)), None)
    if quoted is None or not quoted.astext().strip():
        return None
    head = quoted.astext().strip().split("\n")[0].split()
    for i in source.near(message.get("line")):
        markup = source.markup(i)
        if markup is None or source.line(i).split() != head:
            continue
        if markup.kind == "directive" and markup.name not in _HIDDEN_DIRECTIVES:
            return None
        if markup.kind == "note":
            return None
        return markup, source.lines_span(i, source.extent(i))
    return None


# --- blocks of text and their inline nodes ------------------------------------------------


def _place_texts(source: _Source, texts: list[nodes.TextElement]) -> dict[int, Span]:
    """Where each block of text (paragraph, title, term…) is: ``id(node)`` -> span."""
    placed: dict[int, Span] = {}
    for node in texts:
        span = _text_span(source, node.rawsource, _candidates(source, node))
        if span is not None:
            placed[id(node)] = span
    return placed


def _texts(elements: list[nodes.Element]) -> list[nodes.TextElement]:
    """The blocks of prose among ``elements``: text elements that are neither inline nor
    code, nor comments, targets or labels."""
    from docutils import nodes

    skipped = (nodes.Inline, nodes.FixedTextElement, nodes.comment, nodes.target,
               nodes.label, nodes.substitution_definition)
    return [node for node in elements
            if isinstance(node, nodes.TextElement) and not isinstance(node, skipped)]


def _text_span(source: _Source, raw: str, lines: list[int]) -> Span | None:
    """Where a block of text with source ``raw`` is, starting on the first of ``lines``
    that fits."""
    wanted = raw.split("\n")
    first = next((k for k, piece in enumerate(wanted) if piece.strip()), None)
    if first is None:
        return None
    last = max(k for k, piece in enumerate(wanted) if piece.strip())
    for i in lines:
        start = source.find(wanted[first], *source.bounds(i))
        if start is None:
            continue
        end_line = min(i + last - first, source.count - 1)
        begin = start[0] if end_line == i else source.bounds(end_line)[0]
        end = source.find(wanted[last], begin, source.bounds(end_line)[1])
        return start[0], (end[1] if end else source.stripped(end_line)[1])
    return None


@dataclass(frozen=True)
class _Ref:
    """A footnote or citation reference docutils found, where it is written, and the
    footnote or citation it resolves to (``None`` for none)."""

    node: nodes.Element
    start: int
    end: int
    target: nodes.Element | None


def _inline(source: _Source, tree: nodes.document, texts: list[nodes.TextElement],
            placed: dict[int, Span]
            ) -> tuple[list[_Ref], list[Span], list[Span], list[tuple[Span, str]]]:
    """The footnote and citation references, the inline spans that are not prose
    (literals, math, embedded link destinations), the link destinations among them, and
    the named links (`` `Tensorflow`_ ``, `` `text <name_>`_ ``) with the name of their
    target.

    Each block's inline nodes are looked for in its source, in order, each after the
    previous one and the text between them; a block docutils gave no place is searched
    from the end of the last.
    """
    from docutils import nodes

    refs: list[_Ref] = []
    hidden: list[Span] = []
    links: list[Span] = []  # embedded URIs: hidden, but links
    naming: list[tuple[Span, str]] = []
    taken: set[int] = set()
    after = 0
    for node in texts:
        span = placed.get(id(node))
        if span is not None:
            after = max(after, span[1])
        cursor, end = span or (after, len(source.text))
        glued = False  # whether the cursor is just after an inline node
        for child in node.children:
            if isinstance(child, nodes.Text):
                skipped = _skip_text(source.text, cursor, end, child)
                cursor, glued = cursor if skipped is None else skipped, False
                continue
            if isinstance(child, nodes.target) or not child.rawsource.strip():
                continue  # an embedded target repeats its reference's source
            is_ref = _is_reference(child)
            span = _find_inline(source.text, child.rawsource, (cursor, end),
                                taken if is_ref else None, glued)
            if span is None:
                continue
            cursor, glued = span[1], True
            if is_ref:
                refs.append(_Ref(child, *span, _target(tree, child)))
                taken.add(span[0])
            elif isinstance(child, (nodes.literal, nodes.math)):
                hidden.append(span)
            elif isinstance(child, nodes.reference):
                embedded = _EMBEDDED_URI.search(source.text, *span)
                if embedded and not _escaped(source.text, embedded.start()):
                    hidden.append(embedded.span())
                    if not embedded[0].endswith("_>"):  # (an alias names a target)
                        links.append(embedded.span())
                if child.get("refname"):
                    naming.append((span, child["refname"]))
    return refs, hidden, links, naming


def _is_reference(node: nodes.Node) -> bool:
    """Whether ``node`` is a footnote or citation reference, resolved or not."""
    from docutils import nodes

    if isinstance(node, (nodes.footnote_reference, nodes.citation_reference)):
        return True
    return isinstance(node, nodes.problematic) and _REFERENCE.fullmatch(node.rawsource) is not None


def _find_inline(text: str, raw: str, within: Span, taken: set[int] | None,
                 glued: bool) -> Span | None:
    """The first place ``within`` ``text`` where inline markup ``raw`` is written and not
    escaped; for a reference (``taken`` given), one that is not placed yet and stands
    apart as docutils requires (markup right after other inline markup, at the start of
    ``within`` when ``glued``, needs nothing before it)."""
    for s, e in _occurrences(text, raw, *within):
        if _escaped(text, s):
            continue
        if taken is not None and (s in taken or not _stands_apart(
                text, s, e, glued and s == within[0])):
            continue
        return s, e
    return None


def _skip_text(text: str, start: int, end: int, content: str) -> int | None:
    """Where the plain text ``content`` of a block ends, written from ``start`` (white
    space aside; docutils writes a backslash as NUL), or ``None`` when it is not written
    there (text from a substitution, or a table cell's lines, broken by other cells)."""
    at = start
    for char in content:
        if char.isspace():
            continue
        while at < end and text[at].isspace():
            at += 1
        if at == end or text[at] != ("\\" if char == "\x00" else char):
            return None
        at += 1
    return at


def _escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` follows an odd number of backslashes."""
    count = 0
    while at - count > 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _stands_apart(text: str, start: int, end: int, glued: bool = False) -> bool:
    """Whether the markup at ``start:end`` has white space or punctuation around it (or,
    when ``glued``, other markup before it), as docutils requires of inline markup:
    ``x[1]_`` is no reference."""
    before, after = _apart()
    return ((glued or start == 0 or before.match(text, start - 1) is not None)
            and (end == len(text) or after.match(text, end) is not None))


@functools.cache
def _apart() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand before and after inline markup, as docutils' inliner says, and a
    table's cell border (docutils reads a cell without its borders)."""
    from docutils.utils import punctuation_chars as chars

    return (re.compile(rf"[\s|{chars.openers}{chars.delimiters}]"),
            re.compile(rf"[\s|{chars.closing_delimiters}{chars.delimiters}{chars.closers}]"))


# --- notes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Definition:
    """A footnote or citation node, where its label is written and the spans of its text."""

    node: nodes.Element
    label: str  # as written: [1], [#note], [*], [CIT2002]
    line: int  # 1-based
    column: int
    end_line: int
    spans: tuple[Span, ...]
    text: str


def _definitions(source: _Source, elements: list[nodes.Element],
                 code: list[Span]) -> Iterator[_Definition]:
    """Each footnote and citation, found in the source near the line docutils gives it.

    Its text is each non-blank line of its block after the label, leaving out lines of
    code, comments and targets nested in it, and a lone ``::`` that opens a literal block.
    """
    from docutils import nodes

    code = _merged(code)
    code_starts = [s for s, _ in code]
    used: set[int] = set()
    for node in elements:
        if not isinstance(node, (nodes.footnote, nodes.citation)) or any(
                name.startswith("TARGET_NOTE") for name in node.get("names", ())):
            continue  # (the notes ".. target-notes::" makes of the links are not written)
        found = next(((i, m) for i in _candidates(source, node)
                      if i not in used and (m := source.markup(i)) and m.kind == "note"
                      and _label_fits(node, m.name)), None)
        if found is None:  # not where docutils says: a note all the same, without a place
            line = node.line or 1
            body = " ".join(c.astext() for c in node.children if not isinstance(c, nodes.label))
            yield _Definition(node, f"[{_label_text(node)}]", line, 1, line, (),
                              " ".join(body.split()))
            continue
        i, markup = found
        used.add(i)
        begin = source.bounds(i)[0]
        spans = []
        for j in range(i, source.extent(i) + 1):
            s, e = source.stripped(j, begin + markup.end if j == i else None)
            k = bisect.bisect_right(code_starts, s) - 1
            inside = k >= 0 and code[k][0] <= s and e <= code[k][1]
            if e > s and not inside and source.text[s:e] != "::":
                spans.append((s, e))
        end_line = bisect.bisect_right(source.starts, spans[-1][0]) if spans else i + 1
        yield _Definition(node, source.line(i)[markup.start:markup.end], i + 1,
                          markup.start + 1, end_line, tuple(spans),
                          " ".join(source.text[s:e] for s, e in spans))


def _label_fits(node: nodes.Element, inner: str) -> bool:
    """Whether a label written ``[inner]`` is the label of footnote or citation ``node``."""
    names = node.get("names", []) + node.get("dupnames", [])
    auto = node.get("auto")
    if auto == "*":
        return inner == "*"
    if auto:
        return inner == "#" or (inner.startswith("#") and _normal(inner[1:]) in names)
    return _normal(inner) in names


def _normal(name: str) -> str:
    """A reference name as docutils compares them: lower case, white space collapsed."""
    return " ".join(name.lower().split())


def _label_text(node: nodes.Element) -> str:
    """The label docutils gave a footnote or citation: its number, symbol or name."""
    from docutils import nodes

    label = next((c for c in node.children if isinstance(c, nodes.label)), None)
    return label.astext() if label is not None else ""


# --- numbering ----------------------------------------------------------------------------


def _numbered(document: Document, definitions: list[_Definition],
              refs: list[_Ref]) -> tuple[tuple[Note, ...], tuple[Marker, ...]]:
    """The notes and markers, in document order, numbered by :func:`_numbers`."""
    numbers = _numbers(definitions, refs)
    notes = []
    for d in definitions:
        token = _label_text(d.node)
        notes.append(Note(label=d.label, token=token, number=_number_of(d.node, token, numbers),
                          series=FOOTNOTES, notation=RST, line=d.line, column=d.column,
                          end_line=d.end_line, text=d.text, spans=d.spans))
    markers = []
    for ref in refs:
        label = document.text[ref.start:ref.end]
        target = ref.target
        if target is None:
            token = label[1:-2]
            number = numbers.get(_key(token))
        else:
            token = ref.node.astext() if _is_citation(target) else _label_text(target)
            number = _number_of(target, token, numbers)
        line, column = document.position(ref.start)
        markers.append(Marker(label=label, token=token, number=number, series=FOOTNOTES,
                              notation=RST, line=line, column=column, offset=ref.start))
    notes.sort(key=lambda n: (n.line, n.column))
    markers.sort(key=lambda m: m.offset)
    return tuple(notes), tuple(markers)


def _numbers(definitions: list[_Definition], refs: list[_Ref]) -> dict[str, int]:
    """A number for each label (see :func:`_key`): a numbered footnote's is its own; a
    symbol's (``*``, ``†``), a name's (a citation's, or a reference's to nothing) comes after
    the highest footnote number, in order of first appearance, as
    :func:`footcheck.numerals.label_numbers` numbers them, so no two notes share one."""
    labels = [_label_text(d.node) for d in definitions
              if not _is_citation(d.node) and d.node.get("auto") != "*"]
    labels += [_key(_label_text(d.node)) for d in definitions if d.node.get("auto") == "*"]
    for ref in refs:
        if ref.target is None:
            labels.append(_key(ref.node.rawsource[1:-2]))
        elif _is_citation(ref.target):
            labels.append(_key(ref.node.astext()))
    labels += [_key(_label_text(d.node)) for d in definitions if _is_citation(d.node)]
    return label_numbers(labels)


def _key(label: str) -> str:
    """How a label is numbered: digits as they are, names as docutils compares them."""
    return label if label.isdigit() and label.isascii() else _normal(label)


def _number_of(node: nodes.Element, token: str, numbers: dict[str, int]) -> int | None:
    """The number of a footnote or citation whose label docutils wrote ``token``."""
    return numbers.get(_key(token))


def _is_citation(node: nodes.Element) -> bool:
    """Whether ``node`` is a citation rather than a footnote."""
    from docutils import nodes

    return isinstance(node, nodes.citation)


def _target(tree: nodes.document, ref: nodes.Element) -> nodes.Element | None:
    """The footnote or citation a reference resolves to, or ``None``."""
    from docutils import nodes

    target = tree.ids.get(ref.get("refid", ""))
    return target if isinstance(target, (nodes.footnote, nodes.citation)) else None


# --- blocks -------------------------------------------------------------------------------

#: Containers of text, and the kind of block each is.
_CONTAINERS = {"list_item": LIST_ITEM, "block_quote": QUOTE}
_BULLET = re.compile(r"(?:[-*+•‣⁃]|\(?(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+|#)[.)])[ \t]+$")


def _text_blocks(source: _Source, elements: list[nodes.Element],
                 placed: dict[int, Span]) -> list[Block]:
    """Headings, paragraphs, list items, table cells and block quotes, where they are: a
    container spans the text placed under it (a list item from its bullet); a table
    cell is a block per line, its lines being shared with the other cells of its row."""
    from docutils import nodes

    out = []
    for node in elements:
        span = placed.get(id(node))
        if isinstance(node, nodes.entry):
            out += [Block(TABLE_CELL, *piece) for paragraph in node.findall(nodes.paragraph)
                    for piece in _block_lines(source, paragraph.rawsource,
                                              _candidates(source, paragraph))]
        elif span is not None and isinstance(node, nodes.paragraph) \
                and not isinstance(node.parent, nodes.entry):
            out.append(Block(PARAGRAPH, *span))
        elif span is not None and isinstance(node, nodes.title) \
                and isinstance(node.parent, nodes.section):
            out.append(Block(HEADING, *span, level=_depth(node, nodes.section)))
        elif (kind := _CONTAINERS.get(node.tagname)) is not None:
            inner = [placed[id(n)] for n in node.findall(nodes.TextElement) if id(n) in placed]
            if not inner:
                continue
            start, end = min(s for s, _ in inner), max(e for _, e in inner)
            level = 0
            if kind == LIST_ITEM:
                line_start = source.starts[bisect.bisect_right(source.starts, start) - 1]
                bullet = _BULLET.search(source.text, line_start, start)
                start = bullet.start() if bullet else start
                level = _depth(node, nodes.bullet_list, nodes.enumerated_list)
            out.append(Block(kind, start, end, level=level))
    return out


def _depth(node: nodes.Node, *kinds: type) -> int:
    """How many ancestors of ``node`` are of one of ``kinds``."""
    depth = 0
    node = node.parent
    while node is not None:
        depth += isinstance(node, kinds)
        node = node.parent
    return depth


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """``spans`` sorted, overlapping and touching ones joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        elif end > start:
            out.append((start, end))
    return tuple(out)
