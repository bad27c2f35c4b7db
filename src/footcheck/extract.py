"""Find note markers and note definitions in a document, and sort them into series.

The steps, in order:

1. every line is classified: blank, a page number or running header (skipped), a heading, a
   line that starts with a note label (``- ^{II}``, ``ⁱ``, ``[^3]:``, ``12.``, bare ``LXVIII``…),
   or other text;
2. markers are found anywhere in the text (``^{XIV}``, ``^x``, ``^12^``, ``[^12]``, ``[12]``,
   ``<sup>3</sup>``, ``²``, ``ⁱⁱⁱ``), skipping exponents such as ``10^6`` or ``km²``;
3. lines are walked in order: a label line starts a note when its notation is unambiguous
   (caret, superscript, Markdown) or, for weak labels (``12.``, ``[12]``, bare numerals), when
   it continues a sequence of notes or sits under a "Notes" heading; other lines continue the
   open note when they look like the rest of a citation (after a page break, say);
4. notes are grouped into series by numbering system, named ``endnotes`` (the group in the
   final notes block) and ``footnotes``; markers join the series of their numbering system.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from . import numerals
from .document import shown_path as _shown
from .errors import InputError
from .model import (
    ENDNOTES,
    FOOTNOTES,
    HEADING,
    MARKDOWN,
    PAGE_FOOT,
    RST,
    TABLE_CELL,
    Document,
    Extraction,
    Marker,
    Note,
    Unread,
    Url,
    within,
)
from .numerals import AMBIGUOUS, ARABIC, ROMAN, Numeral
from .readers.markup import MAX_NOTES, NOTE_TAG
from .translit import fold_letters
from .urls import EMPTY_HOST, MISSING_SCHEME, find_urls

# Notations, as reported in findings and used for style consistency.
CARET = "caret"  # ^{xiv} or ^xiv (pandoc's braces are optional for one token)
PANDOC = "pandoc"  # ^12^
SUPERSCRIPT = "superscript"  # ² ⁱⁱⁱ
BRACKET = "bracket"  # [12]
HTML = "html"  # <sup>12</sup>
NUMBERED = "numbered"  # 12. or XII. at a line start
BARE = "bare"  # LXVIII at a line start
BULLETED = "bulleted "  # prefix: "- ^{II}"
FLATTENED = "flattened"  # 2022.1 or weakened.2: a superscript a conversion made plain
PARENTHESISED = "parenthesised"  # costs (1). -- notes listed "(1) …" under a notes heading
SYMBOL = "symbol"  # rose.* … † … ‡ -- notes listed "* …", "† …" in a plain text
TAGGED = "tagged"  # [Footnote 1: …] or [Footnote A: …], cited [1] or [A] (Project Gutenberg)

# The numbering "system" of works cited [1] and listed "[1] …" in a document that also has
# arabic notes of another notation (a report's footnotes¹ beside its IEEE references): a
# series apart.
CITED = "cited"

WEAK_LABELS = frozenset({BRACKET, NUMBERED, BARE})
# Notations in which a number may be cited again: numbered citations, and the footnotes of
# Markdown and reStructuredText, where citing one footnote twice is legal.
CITATION_STYLE = frozenset({BRACKET, MARKDOWN, RST})
NAMED = frozenset({MARKDOWN, RST})  # notations whose labels are names: order means nothing
RAISED = frozenset({CARET, SUPERSCRIPT, HTML})  # notations of labels set as superscripts

_SUP_DIGITS = numerals.SUPERSCRIPT_DIGITS
_SUP_ROMAN = "".join(numerals.SUPERSCRIPT_ROMAN)
_TOKEN = r"[A-Za-z0-9]{1,16}"  # MMMDCCCLXXXVIII, the longest roman numeral, has 15
_TOKENS = rf"{_TOKEN}(?:[ \t]*[,–-][ \t]*{_TOKEN}){{0,20}}"  # 3,4 or 5–7 or iv–vi in one marker

# A citation number that is a link, inside the brackets around it: ``[[1](https://…)]``,
# ``[[2](…), [3](…)]`` (text copied from a web page whose numbers link to its reference list).
_LINKED_NUMBER = r"\[\d{1,4}\]\((?:[^()\s]|\([^()\s]*\))*\)"  # (13) in an address: one level
_LINK_AROUND_NUMBER = re.compile(r"\[(\d{1,4})\]\((?:[^()\s]|\([^()\s]*\))*\)")

# A place in a work cited by number: an abbreviation and a number or range (``с. 14``,
# ``pp. 7–9``, ``т. 2``, ``S. 4f``, ``№ 3``); a number followed by such places.
_LOCATOR = r"(?:[^\W\d_]{1,5}\.|№)[ \t]*\d{1,5}[a-z]{0,2}(?:[ \t]*[–-][ \t]*\d{1,5})?"
_CITED = rf"[1-9]\d{{0,3}}(?:[ \t]*,[ \t]*{_LOCATOR})*"
_CITED_NUMBER = re.compile(r"(?:^|;)[ \t]*(\d+)")

# Every character a marker can start with. Markers are matched only where one of these
# stands (see _marker_starts), several times faster than searching for the whole alternation.
_MARKER_START = re.compile(rf"[\^\[<{_SUP_DIGITS}{_SUP_ROMAN}]")
_ASCII_MARKER_STARTS = ("^", "[", "<sup>")  # how a marker starts in an ASCII text
# What no bracketed citation is followed by: a link's text "[1](…)" or "[1][ref]", a label
# "[1]:", a key "[4] = quarter-note", a blank for a figure ("[30]% of the sum", a model
# contract's). Several numbers are no label: "three measures [1, 2]:" cites.
_BRACKET_AFTER = r"(?![(:%]|\[(?!\d{1,4}\])|[ \t]*=)"
_BRACKETS_AFTER = r"(?![(%]|\[(?!\d{1,4}\])|[ \t]*=)"
# Nor preceded by "]", unless it follows another: "[2][8]" cites two (not "[link][ref]"),
# or closes an editor's bracketed sentence: "[… gods.][1]".
_BRACKET_BEFORE = r"(?:(?<!\])|(?<=\d\])|(?<=[^\W\d_][.!?]\]))"
_MARKER_RE = re.compile(
    # Each branch captures only its token, so ``lastgroup`` names the notation.
    rf"\^(?P<pt>{_TOKENS})\^"
    rf"|(?<!\[)\^(?:\{{\s*(?P<ct>[^{{}}\s](?:[^{{}}\n]{{0,30}}[^{{}}\s])?)\s*\}}|(?P<ct2>{_TOKEN}))"
    r"|\[\^(?P<mt>[^\]\s\[]+)\](?!:)"
    rf"|<sup>\s*(?P<ht>{_TOKENS})\s*</sup>"
    rf"|(?P<sup>[{_SUP_DIGITS}]+|[{_SUP_ROMAN}]+)"
    rf"|{_BRACKET_BEFORE}\[(?P<bt>\d{{1,4}})\]{_BRACKET_AFTER}"
    rf"|{_BRACKET_BEFORE}\[(?P<bm>\d{{1,4}}(?:\s*[,–-]\s*\d{{1,4}})+)\]{_BRACKETS_AFTER}"
    # numbered citations with a page or volume, or several in one pair (GOST, IEEE):
    # ``[1, с. 14]``, ``[4, pp. 7–9]``, ``[2; 3]``, ``[1, т. 2, с. 5; 3]``
    rf"|{_BRACKET_BEFORE}\[(?P<bl>{_CITED}(?:[ \t]*;[ \t]*{_CITED})*)\]{_BRACKET_AFTER}"
    # glued to its word (also italic) or year before a colon, a citation still: "les races
    # connues[17]: ils", "_pasangrahan_[34]: daar",
    # "au roi, en 1775[165]:", and after a word and a space: "implications [6]: It is"
    r"|(?:(?<=[^\W\d_])|(?<=[^\W\d_][_*])|(?<=\b1[5-9]\d\d)|(?<=\b20\d\d)"
    r"|(?<=[^\W_][ \t]))"
    r"\[(?P<bc>\d{1,4})\](?=:(?:[ \t]*\n|[ \t]+[^\s/]))"
    rf"|\[(?P<lt>{_LINKED_NUMBER}(?:\s*[,–-]\s*{_LINKED_NUMBER}){{0,20}})\](?![(\[])"
    # or glued to the word it follows, its superscript lost: ``Monographs.[1](https://…)``
    rf"|(?<=[^\s\[(])(?P<gt>{_LINKED_NUMBER}(?:,[ \t]*{_LINKED_NUMBER}){{0,20}})(?![(\[:])"
)
_MARKER_NOTATION = {"pt": PANDOC, "ct": CARET, "ct2": CARET, "mt": MARKDOWN, "ht": HTML,
                    "sup": SUPERSCRIPT, "bt": BRACKET, "bm": BRACKET, "bl": BRACKET,
                    "bc": BRACKET,
                    "lt": BRACKET, "gt": BRACKET}
# What a formula's superscript never stands apart after: the end of a clause, a word
_CITED_APART = re.compile(r"(?:[.,;:)\]]|[^\W\d_]{2,})[ \t]+$")
# A bracket of prose, which a superscript after it cites from ("[Chen et al., 2013]^{184}",
# "(ICON)²"), not of a formula it raises to a power ("(a+b)²", "(2020)²").
_PROSE_BRACKET = re.compile(r"[(\[][^()\[\]+*/=^]*[^\W\d_]{3}[^()\[\]+*/=^]*[)\]]$")
_GREEK = re.compile("[\u0391-\u03a9\u03b1-\u03c9]")  # a variable: "Λ²", "Ω²", "σ²"
# The notations that may be exponents
_EXPONENT_LIKE = frozenset({CARET, PANDOC, SUPERSCRIPT, HTML})

# A note that says what it is, its text closed by the bracket: ``[Footnote 3: Ibid.]``.
_TAG = rf"{NOTE_TAG}(?P<t>{_TOKEN}|\*{{1,3}}|[†‡§])[ \t]*:"
_LABEL_RE = re.compile(
    r"(?P<indent>[ \t\u00a0]*)(?P<bullet>[-*•–][ \t]+)?(?P<emph>[*_]{1,3}(?=\[?\d))?(?:"
    rf"\^\{{\s*(?P<c1>[^{{}}\s]{{1,20}})\s*\}}|\^(?P<c2>{_TOKEN})\^?"
    r"|\[\^(?P<m>[^\]\s\[]+)\]:"
    rf"|<sup>\s*(?P<h>{_TOKEN})\s*</sup>"
    rf"|(?P<s>[{_SUP_DIGITS}]+|[{_SUP_ROMAN}]+)"
    rf"|\[(?P<sb>[{_SUP_DIGITS}]+)\](?=[ \t]+\S)"  # "[¹] … and other roots": in brackets
    rf"|{_TAG}"
    r"|\[(?P<b>\d{1,4})\](?:\((?:[^()\s]|\([^()\s]*\))*\))?(?![ \t]*=)"  # [1] or [1](link)
    r"|\[\^(?P<k>\d{1,4})\](?=[ \t]+\S)"  # "[^1] Popkin, …": a footnote typed without its colon
    r"|(?P<n>\d{1,4}|[IVXLCDM]{1,8}|[ivxlcdm]{1,8})[.)](?=[ \t])"
    r"|(?P<r>[IVXLCDM]{1,8}|[ivxlcdm]{1,8}|\d{1,3})(?=[ \t]+\S)"
    r")[ \t]*"
)
_LABEL_NOTATION = {"c1": CARET, "c2": CARET, "m": MARKDOWN, "h": HTML, "s": SUPERSCRIPT,
                   "sb": SUPERSCRIPT,
                   "t": TAGGED, "b": BRACKET, "k": BRACKET, "n": NUMBERED, "r": BARE}

# Headings of a notes section, in English, French, German, Spanish, Italian, Portuguese,
# Dutch, the Nordic languages, Polish, Czech, Turkish, Russian, Ukrainian, Chinese, Japanese
# and Korean: "Notes", "## Endnotes", "**References**", "Références :", "Примечания", "注释".
_NOTES_HEADINGS = (
    r"end\s*notes?|foot\s*notes?|notes?|references?|sources?|bibliography|works\s+cited|"
    r"citations?|notes?\s+and\s+(?:references|sources)|(?:references|sources)\s+and\s+notes|"
    r"notes\s+de\s+(?:fin|bas\s+de\s+page)|r[ée]f[ée]rences(?:\s+bibliographiques)?|"
    r"bibliographie|"
    r"anmerkungen|fu(?:ß|ss)noten|endnoten|literatur(?:verzeichnis)?|quellen(?:verzeichnis)?|"
    r"quellenangaben|einzelnachweise|belege|"
    r"notas?(?:\s+finales)?|referencias|bibliograf[íi]a|fuentes|"
    r"note\s+finali|riferimenti(?:\s+bibliografici)?|fonti|"
    r"refer[êe]ncias(?:\s+bibliogr[áa]ficas)?|fontes|"
    r"примечания|сноски|источники|литература|список\s+(?:литературы|источников)|"
    r"библиография|ссылки|комментарии|примітки|виноски|джерела|література|"
    r"(?:voet|eind)?noten|bronnen|(?:fot|slut)?noter|k[äa]llor|przypisy|pozn[áa]mky|"
    r"(?:dip)?notlar|kaynak[çc]a|kaynaklar|"
    r"[注註][释釋解]|[脚腳][注註]|尾[注註]|附[注註]|[备備][注註]|[注註]|注釈|[原訳]注|"
    r"[参參][考][文资資][献獻料]|出典|주석|각주|미주|참고\s*문헌"
)
# Written so that no two runs of white space can take the same spaces (each ``\s*`` ends at a
# character the next part must start with): a line of 10,000 spaces took seconds to refuse.
_HEADING_RE = re.compile(
    rf"\s*(?:[-=~*]{{3,}}\s*)?(?:#+\s*)?(?:(?:\*\*?|__?)\s*)?(?:{_NOTES_HEADINGS})"
    r"\s*(?:(?:\*\*?|__?)\s*)?(?::\s*)?(?:(?:\*\*?|__?)\s*)?(?:[-=~*]{3,}\s*)?$",
    re.IGNORECASE)  # also "---------- Footnotes ----------", "=== Notes ==="
#: Headings (of :data:`_HEADING_RE`) of a list of works rather than of notes: Bibliography,
#: Works cited, Literatur(verzeichnis), Список литературы, Литература…
_BIBLIOGRAPHY_HEADING = re.compile(
    r"(?i:bibliograph|works\s+cited|literat|литератур|літератур|библиограф|"
    r"r[ée]f[ée]rences\s+bibliographiques|quellenverzeichnis|kaynak[çc]a|"
    r"[参參]考[文资資][献獻料]|참고\s*문헌)")
_HEADING_REACH = 4  # lines looked at above a list's first entry for its heading


def bibliography_heading(document: Document, line: int, words: re.Pattern | None = None
                         ) -> bool:
    """Whether the heading of the notes section holding ``line`` (1-based) names a list of
    works (Bibliography, Works cited, Literatur…; or what ``words`` find) rather than notes:
    the nearest heading in the :data:`_HEADING_REACH` lines above it."""
    for index in range(line - 2, max(line - 2 - _HEADING_REACH, -1), -1):
        text = document.line(index + 1).strip()
        if text and len(text) < 60 and _HEADING_RE.fullmatch(text):
            return (words or _BIBLIOGRAPHY_HEADING).search(text) is not None
    return False


def cited_works_heading(document: Document, line: int) -> bool:
    """Whether the list holding ``line`` stands under a heading of the works cited
    (References, Works cited, Literature cited): a list its numbers cite, each as often and
    wherever the text needs it (Vancouver's ``… tariffs¹ … jobs lost³ … as before¹``), not
    notes each cited once."""
    return bibliography_heading(document, line, _CITED_WORKS_WORDS)


#: Words of a notes heading (:data:`_HEADING_RE`) that name a list of works, as a text
#: citing by author and year has (References, Bibliography, Works cited, Quellen…).
_WORKS_WORDS = re.compile(
    r"(?i:reference|r[ée]f[ée]rence|bibliograph|works\s+cited|source|literat|quellen|"
    r"referencias|fuentes|riferimenti|fonti|refer[êe]ncias|fontes|литератур|библиограф|"
    r"источник)")
#: An appendix's heading, which ends a list of works before it (``# Appendix A. The 2022
#: data``, ``Annex 2``); a list's own subheadings (``Books``, ``Reports``) do not.
_APPENDIX = re.compile(r"(?:#{1,6}\s*)?(?:\*\*?|__?)?(?:[\dIVX]+\.?\s+)?"
                       r"(?i:appendix|appendices|annex|annexe|anhang|anexo|приложение)"
                       r"(?:\s+[\w.]{1,4})?(?:\*\*?|__?)?(?:[.:]|\s*$|\s+(?=[A-ZА-Я]))")
#: The headings of a list of the works cited only (a Bibliography may list works consulted).
_CITED_WORKS_WORDS = re.compile(
    r"(?i:reference|r[ée]f[ée]rence|works\s+cited|literature\s+cited|referencias|"
    r"riferimenti|refer[êe]ncias)")
#: A line of such a list: it gives a year, a DOI or an address.
_WORK_ENTRY = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b|\bdoi\b|https?://", re.IGNORECASE)
_WORKS_REACH = 40  # lines after the heading looked at for the list's entries


def listed_works(document: Document, notes: Iterable[Note]) -> list[str]:
    """The entries listed under a heading of works (Bibliography, References, Works cited,
    Список литературы…) that are not notes: each line giving a year, a DOI or an address,
    with the lines after it that give none (an entry wrapped). A short note (``Lowi, Water
    and Power, 45.``) names one of them in the Chicago notes-and-bibliography style."""
    return [entry.text for entry in _works(document, notes)]


def listed_lines(document: Document, notes: Iterable[Note]) -> frozenset[int]:
    """The lines (1-based) of the entries :func:`listed_works` gives."""
    return frozenset(n for entry in _works(document, notes)
                     for n in range(entry.line, entry.last + 1))


class _Entry(NamedTuple):
    """An entry of a list of works: its first and last line, its text on one line, and
    whether its heading says the list holds the works cited (References, Works cited), not
    those consulted too (a Bibliography, Sources)."""

    line: int
    last: int
    text: str
    cited: bool


_BULLET = re.compile(r"^[-*+•‣◦–]\s+")  # an entry's list bullet, not part of its text


def _works(document: Document, notes: Iterable[Note]) -> list[_Entry]:
    """Each entry :func:`listed_works` gives."""
    in_notes = {line for n in notes for line in range(n.line, n.end_line + 1)}
    entries: list[_Entry] = []
    under = cited = False
    for number, line in enumerate(document.text.split("\n"), start=1):
        text = line.strip()
        if text and len(text) < 60 and _HEADING_RE.fullmatch(text):
            under = _WORKS_WORDS.search(text) is not None
            cited = _CITED_WORKS_WORDS.search(text) is not None
        elif under and len(text) < 80 and _APPENDIX.match(text):
            under = False  # an appendix after the list ends it
        elif not text or number in in_notes:
            continue
        elif under and _WORK_ENTRY.search(text):
            entries.append(_Entry(number, number, _BULLET.sub("", text, count=1), cited))
        elif under and entries and len(entries[-1].text) < _ENTRY_LENGTH:
            entries[-1] = entries[-1]._replace(last=number, text=entries[-1].text + " " + text)
    return entries


# --- author-date citations in the text ---------------------------------------------------

@dataclass(frozen=True)
class NameYear:
    """An author-date citation in the text, ``(Smith et al., 2020, p. 4)`` or ``Smith
    (2020)``: where it stands, as written, and the first author's first capitalised word
    (folded) and year it names; ``plain`` when written without the comma, ``&`` or ``et
    al.`` that mark a citation beyond doubt (``(Census 2021)`` may be none), or a name and
    a year in brackets with no verb of citing after them nor ``by``/``in`` before
    (``Ukraine (2022)``)."""

    line: int
    column: int
    text: str
    name: str
    year: str
    plain: bool
    other: str | None = None  # another reading of the first author: Barrero in ``Barrero,
    # Bloom and Davis (2021)``, or Tbilisi in ``In Tbilisi, Smith (2020)``


_YEAR_TOKEN = r"(?:1[6-9]|20)\d\d[a-z]?|n\.\s?d\."
_CITED_NAMES = r"[A-ZÀ-ÖØ-Þ][\w'’.‐–-]*(?:[ ,]+(?:(?:and|&|de|van|von|der|da|di|du|la|le)\s+)?" \
               r"[A-ZÀ-ÖØ-Þ][\w'’.‐–-]*){0,5}(?:,?\s+(?:et\s+al\.?|and\s+others))?"
#: One citation inside brackets: ``see Smith & Jones, 2019a, p. 4``.
_CITATION_PART = re.compile(
    rf"(?:(?:see(?:\s+also)?|e\.g\.|cf\.|also|for\s+example)[,\s]+)*"
    rf"(?P<names>{_CITED_NAMES})(?:\s+\[(?P<abbr>[A-Z][A-Za-z&.-]{{1,11}})\])?,?\s+(?P<years>(?:{_YEAR_TOKEN})(?:,\s*(?:{_YEAR_TOKEN}))*)"
    r"(?:\s*[,:]\s*(?:pp?\.|para\.|ch\.|chap\.)?\s*[\divxlc][\d\s,–-]*)?")
#: Names alone, with no year: the first authors of an ABNT citation, ``Souza; Medeiros,
#: 2017``.
_NAMES = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:(?:de|da|do|dos|das|van|von|der)\s+)?"
                    r"[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3}")
#: What marks a bracketed name and year as a citation beyond doubt: a comma before the
#: year, an ``&``, ``et al.``
_MARKED = re.compile(rf",\s*(?:{_YEAR_TOKEN})|&|\bet\s+al\b")
_BRACKETED = re.compile(r"\(([^()\n]{4,300})\)")
#: ``Smith (2020)``, ``Smith and Jones (2019, p. 4)``, ``Lee et al. (2021a)``.
_NARRATIVE = re.compile(
    r"(?<![\w.])(?P<names>(?:(?:[Vv][ao]n|[Dd][eiau]|[Dd]e[lr]|[Ll][ae]|[Tt]e[nr])\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’‐–-]+(?:\s+(?:and|&)\s+[A-ZÀ-ÖØ-Þ][\w'’‐–-]+|"
    rf"\s+et\s+al\.?)?)\s+\((?P<years>{_YEAR_TOKEN})(?:,\s*pp?\.\s*[\d–-]+)?\)")
#: Names before a narrative citation's last one: ``Barrero, Bloom, and`` Davis (2021).
_NAMES_BEFORE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]+,\s+(?:(?:and|&)\s+)?)+$")
#: A verb after ``Name (2020)`` that makes the name an author's (``Smith (2020) finds``),
#: where ``the invasion of Ukraine (2022) changed`` is no citation.
_CITING_VERB = re.compile(
    r"\s+(?:also\s+)?(?:finds?|found|argue[sd]?|notes?|noted|shows?|showed|shown|reports?|"
    r"reported|estimates?|estimated|suggests?|suggested|writes?|wrote|observes?|observed|"
    r"claims?|claimed|concludes?|concluded|documents?|documented|describes?|described|"
    r"demonstrates?|demonstrated|points?\s+out|pointed\s+out|calls?|called|defines?|"
    r"defined|explains?|explained|provides?|provided|examines?|examined|analy[sz]es|"
    r"analy[sz]ed|compares?|compared|proposes?|proposed|emphasi[sz]es|emphasi[sz]ed)\b")
#: Capitalised words that open no author's name: months, parts of a document, sentence words.
_NOT_NAMES = frozenset(re.findall(r"\S+", """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall
winter figure fig table chart box section article art chapter annex appendix part law act
decree q1 q2 q3 q4 h1 h2 fy in since by from the a an this that these those until before
after between during around about circa ca see also eg cf"""))


def _first_name(names: str) -> str | None:
    """The first capitalised word of a citation's names, folded, past initials and a
    surname's particle (``de Waal``, ``Van Lissa`` → ``waal``, ``lissa``; ``R. A. Klein``
    → ``klein``; ``Ruth–Lovell`` is one name)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’‐–-]*", names) if w[0].isupper()]
    for i, word in enumerate(words):
        if i + 1 < len(words) and (len(word) == 1 or word.lower() in _NAME_PARTICLES):
            continue
        return fold_letters(word)
    return None


def author_date(document: Document, notes: Iterable[Note]
                ) -> tuple[list[NameYear], list[ListedWork]]:
    """The author-date citations of the text (outside its notes and its list of works), and
    the works that list gives (:func:`_listed`)."""
    notes = tuple(notes)
    works = _works(document, notes)
    skip = {line for n in notes for line in range(n.line, n.end_line + 1)}
    if works:
        skip.update(range(works[0].line - 1, len(document.line_starts) + 1))
    return _citations(_prose(document), _line_spans(document), skip), _listed(works)


def _citations(text: str, lines: list[tuple[int, int]], skip: set[int]) -> list[NameYear]:
    """The author-date citations on the lines of ``text`` but those (1-based) in ``skip``,
    read a paragraph (a run of lines with text) at a time: a citation may run over a line
    break, as in a hard-wrapped Markdown or text file."""
    out: list[NameYear] = []
    aliases: dict[str, str] = {}  # imf -> international: (International Monetary Fund [IMF], …)
    starts = [start for start, _ in lines]
    for first, last in _runs(text, lines, skip):
        start = lines[first][0]
        para = text[start:lines[last][1]].replace("\n", " ")
        # (where, as written, names, years, plain, the names before a narrative one)
        found: list[tuple[int, str, str, str, bool, str | None]] = []
        for m in _BRACKETED.finditer(para):
            authors = None  # names before a ';' with no year: ABNT's "(Souza; Medeiros, 2017)"
            for part in re.finditer(r"[^;]+", m[1]):
                c = _CITATION_PART.fullmatch(part[0].strip())
                if c is None:
                    authors = (authors or part) if _NAMES.fullmatch(part[0].strip()) else None
                    continue
                first = authors or part
                at = m.start(1) + first.start() + len(first[0]) - len(first[0].lstrip())
                written = m[1][at - m.start(1):part.end()] if authors else c[0]
                names = f"{first[0].strip()}; {c['names']}" if authors else c["names"]
                found.append((at, written, names, c["years"],
                              _MARKED.search(c[0]) is None or _unjoined(c["names"]), None))
                if c["abbr"] and (name := _first_name(c["names"])):
                    aliases[fold_letters(c["abbr"])] = name
                authors = None
        for m in _NARRATIVE.finditer(para):
            cites = _CITING_VERB.match(para, m.end()) or \
                para[max(0, m.start() - 4):m.start()].lower().endswith(("by ", "in ")) \
                or " et al" in m["names"] or " and " in m["names"] or "&" in m["names"]
            before = _NAMES_BEFORE.search(para, max(0, m.start() - 120), m.start())
            found.append((m.start(), m[0], m["names"], m["years"], not cites,
                          before[0] if before else None))
        for at, written, names, years, plain, before in found:
            name = _first_name(names)
            if name is None or name in _NOT_NAMES:
                continue
            other = _first_name(before) if before else None
            index = bisect.bisect_right(starts, start + at) - 1
            for year in re.findall(_YEAR_TOKEN, years):
                out.append(NameYear(index + 1, start + at - starts[index] + 1,
                                    " ".join(written.split()), name, year.replace(" ", ""),
                                    plain or other is not None, other))
    if aliases:  # (IMF, 2023) names the entry of the organisation it abbreviates
        out = [replace(c, other=aliases[c.name]) if c.other is None and c.name in aliases
               else c for c in out]
    return out


def _unjoined(names: str) -> bool:
    """Whether ``names`` are a list with no "and", "&" or "et al." to join its last name,
    as no style writes several authors: ``Paris, Nicolas Bessin`` (an old book's place and
    printer, ``(Paris, Nicolas Bessin, 1649, p. 10)``) is doubtful as a citation."""
    return "," in names and _JOINED.search(names) is None


_JOINED = re.compile(r"&|\band\b|\bet\s+al\b")


def _runs(text: str, lines: list[tuple[int, int]], skip: set[int]) -> Iterator[tuple[int, int]]:
    """The first and last index of each run of consecutive lines with text, none in
    ``skip`` (1-based)."""
    first = None
    for index, (start, end) in enumerate(lines):
        if index + 1 in skip or not text[start:end].strip():
            if first is not None:
                yield first, index - 1
            first = None
        elif first is None:
            first = index
    if first is not None:
        yield first, len(lines) - 1


#: The author part of an entry of a list of works: up to its year (``Smith, J. (2020).``,
#: ``World Bank. 2023.``, ``Smith, J., 2020,``).
_END_YEAR = re.compile(rf"[,\s]({_YEAR_TOKEN})\.?\s*$")  # the year an entry ends with
_ENTRY_YEAR = re.compile(rf"(?<![\w/.-])\(?({_YEAR_TOKEN})\)?(?!\d)")  # (not a DOI's digits)
#: The year of one more entry in an entry a conversion ran together: APA's ``… (2023).``,
#: or Chicago's and Harvard's ``… Orlova. 2021.`` after a sentence.
_ENTRY_LATER_YEAR = re.compile(rf"\(({_YEAR_TOKEN})\)[.\s]|"
                               rf"(?<=[^\W\d_]{{2}}\. )({_YEAR_TOKEN})\.(?=\s)")


#: A title before an entry's first year (words after the authors' full stop: ``Em 2022,
#: mulheres …``), and the year of the imprint after it (``Brasília: INEP, 2001.``, or a place
#: alone after a full stop: ``Brasília, 2017.``).
_TITLE_BEFORE = re.compile(r"[^\W\d_]{2}\.\s+\S")
_IMPRINT_YEAR = re.compile(rf"(?::\s[^.:]{{2,160}}?|(?<=\.)\s[A-ZÀ-ÖØ-Þ][^\W\d_]+"
                           rf"(?:[ -][^\W\d_]+){{0,3}}),\s*({_YEAR_TOKEN})\.")
#: A person's name in an entry's authors: ``Lee, B.``, ``Smith, J. R.``.
_PERSON = re.compile(r",\s*[A-ZÀ-ÖØ-Þ]\.")


@dataclass(frozen=True)
class ListedWork:
    """A work a list of works gives: its entry's first and last line, its authors as
    written (up to the year), the words a citation may name its first author by (folded:
    the first capitalised word, an acronym, an organisation's initials) and its year
    (``2020a``)."""

    line: int
    last: int
    authors: str
    names: frozenset[str]
    year: str
    cited_list: bool = True  # under References or Works cited, which list works cited only
    ran_in: bool = False  # found after another in one entry (a conversion ran them together)


#: An author named given name first, then a full stop (BibTeX's plain and ACM styles:
#: ``Giorgio Agamben. State of exception. …``): the surname is the name's last word.
_GIVEN_FIRST = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*\.?){0,2}"
                          r"\s+([A-ZÀ-ÖØ-Þ][\w'’-]+)\.\s")
#: The last words of an organisation's name, which no person's is ("World Health
#: Organization.").
_BODY_WORDS = frozenset(re.findall(r"\S+", """
organization organisation bank nations union institute institut foundation fund council
commission agency office ministry department association university center centre committee
group service press society trust forum program programme court parliament government
network project initiative alliance board bureau"""))
#: A rule in an entry's authors' place: the same authors as the entry before (``— (2003).``,
#: ``---, and``, ``______.``).
_SAME_AUTHORS = re.compile(r"\s*[-–—_‐]{2,}[-–—_‐\s.,]*|\s*[–—][\s.,]*")
#: The year a work first appeared, in brackets, before its edition's: ``[1944] (2001)``.
_FIRST_EDITION = re.compile(rf"\[({_YEAR_TOKEN})\]\s*\(?({_YEAR_TOKEN})\)?")


def _listed(works: Iterable[_Entry]) -> list[ListedWork]:
    """The works of the entries ``works`` of a list of works, each by
    the words that name its first author: the first capitalised word, an acronym in
    brackets (``International Monetary Fund (IMF). (2023).``) and an organisation's
    initials (``United Nations High Commissioner for Refugees. (2021).`` is cited as
    ``(UNHCR, 2021)``). An entry that gives no year early is left out."""
    out: list[ListedWork] = []

    def add(entry: _Entry, head: str, year: str, ran_in: bool = False) -> None:
        words = {_first_name(head)} | {a.lower() for a in re.findall(r"\b[A-Z]{2,8}\b", head)}
        if (given_first := _GIVEN_FIRST.match(head)) and \
                given_first[1].lower() not in _BODY_WORDS:  # "Giorgio Agamben. State of …"
            words.add(_first_name(given_first[1]))
        initials = "".join(w[0] for w in re.findall(r"\b[A-Z][a-z][\w'’]*", head))
        if 2 <= len(initials) <= 8 and not _PERSON.search(head):
            words.add(initials.lower())
        words.discard(None)
        if words:
            authors = re.sub(r"(\w\w)\.$", r"\1", " ".join(head.split()).rstrip(" ,("))
            out.append(ListedWork(entry.line, entry.last, authors,  # type: ignore[arg-type]
                                  frozenset(words), year.replace(" ", ""), entry.cited,
                                  ran_in))

    last_head = ""  # the authors of the entry before, which a rule in their place repeats
    for entry in works:
        text = entry.text
        m = _ENTRY_YEAR.search(text)
        if (m is None or m.start() > 300) and (last := _END_YEAR.search(text)) and \
                ". " in text[:last.start()]:
            # "European Parliament. Report on … | A9-0364/2023 | …, 2023.": the year a long
            # entry ends with (BibTeX's plain and ACM styles), its authors before the stop
            head = text[:text.find(". ") + 1]
            last_head = head
            add(entry, head, last[1])
            continue
        if m is None or m.start() > 300:
            continue
        head, year = text[:m.start()], m[1]
        if not m.group().startswith("(") and _TITLE_BEFORE.search(head) and \
                (imprint := _IMPRINT_YEAR.search(text, m.end())):
            # "INEP. Inscrições … desde 1998. Brasília: INEP, 2001.": the year of a title is
            # no date; the imprint's is (ABNT, ISO 690, a bibliography's order)
            head, year = head[:head.find(". ") + 1], imprint[1]
        if (not head.strip() or _SAME_AUTHORS.fullmatch(head)) and last_head:
            head = last_head  # "— (2003).": the same authors as the entry before (a rule
            # read as a bullet leaves no authors at all)
        last_head = head
        if head.endswith("[") and (first := _FIRST_EDITION.match(text, m.start() - 1)):
            # "Polanyi, Karl [1944] (2001).": the work first published in 1944, the edition
            # of 2001 cited; either year may name it
            head = head[:-1]
            add(entry, head, first[2])
        add(entry, head, year)
        # entries a conversion ran together: each "… (2023)." or "… Orlova. 2021." after a
        # sentence names one more
        for more in _ENTRY_LATER_YEAR.finditer(text, m.end()):
            cut = _sentence_before(text, max(0, more.start() - 2))
            if cut >= 0:
                add(entry, text[cut + 2:more.start()], more[1] or more[2], True)
    return out


def _sentence_before(text: str, end: int) -> int:
    """Where the last ``. `` before ``end`` is that a new entry may follow: not one before a
    small word (``Smirnov, P. and Orlova, E.``); -1 for none."""
    cut = text.rfind(". ", 0, end)
    while cut >= 0 and text[cut + 2:cut + 3].islower():
        cut = text.rfind(". ", 0, cut)
    return cut


def work_keys(works: Iterable[ListedWork]) -> dict[str, set[str]]:
    """For each word that names the first author of one of ``works``, the years listed."""
    keys: dict[str, set[str]] = {}
    for work in works:
        for name in work.names:
            keys.setdefault(name, set()).add(work.year)
    return keys


def words(text: str) -> frozenset[str]:
    """The words of ``text`` folded as citations' names are (:func:`_first_name`), whole
    and in their letter runs (``Smith’s`` gives ``smith’s`` and ``smith``)."""
    found = set(re.findall(r"[^\W\d_][\w'’-]*", text)) | set(re.findall(r"[^\W\d_]+", text))
    return frozenset(fold_letters(w) for w in found)


_ENTRY_LENGTH = 1_000  # characters an entry of a list of works has at most


def reference_list(document: Document) -> bool:
    """Whether ``document`` lists works under a heading of their own (References,
    Bibliography, Works cited, Literatur…), the lines after it giving two years, DOIs or
    addresses or more (on two lines, or on one: a conversion may run the entries into one
    paragraph): a text citing by author and year keeps its sources there."""
    lines = document.text.split("\n")
    for index, line in enumerate(lines):
        if len(line) < 60 and _HEADING_RE.fullmatch(line) and _WORKS_WORDS.search(line):
            after = lines[index + 1:index + 1 + _WORKS_REACH]
            if sum(len(_WORK_ENTRY.findall(entry, 0, _ENTRY_LENGTH)) for entry in after) >= 2:
                return True
    return False


_PAGE_NUMBER_RE = re.compile(
    r"\s*(?:(?:page|p\.)\s*)?(?:[-–—]\s*)?\d{1,4}\s*(?:[-–—]\s*)?(?:(?:of|/)\s*\d{1,4}\s*)?$",
    re.IGNORECASE)
_TRAILER_RE = re.compile(r"\s*(?:©|\(c\)\s|copyright\b|all rights reserved)", re.IGNORECASE)
_CITATION_HINT_RE = re.compile(
    r"https?://|www\.|<http|\bavailable (?:at|from)\b|\baccessed\b|\bretrieved\b|\bdoi\b",
    re.IGNORECASE)
_NOT_AFTER_BARE_RE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d|%|per\b|percent\b"
    r"|\(\d{4}\)"  # "52, / 1 (2016)": a reference's issue and year, wrapped
    r"|[=<>≤≥×]",  # "0 = net unreachable;", "2 < x": a code's value, a formula
    re.IGNORECASE)
_UNITS = frozenset({"m", "km", "cm", "mm", "ft", "in", "mi", "yd", "nm", "μm", "dm", "sq",
                    "м", "км", "см", "мм", "дм", "мкм"})
_TERMINAL = ".>)]\"'”’?!"
_ENDS_WITH_URL = re.compile(r"(?:https?://|www\.)\S+$")


@dataclass
class _Label:
    """A note label found at the start of a line."""

    start: int  # offset of the label (after indentation)
    indent: int  # columns of indentation before it
    text_start: int  # offset where the note text starts
    label: str
    token: str
    notation: str
    numeral: Numeral
    bullet: bool
    also: tuple[int, ...] = ()  # the other notes one entry gives: 12 of "^{11,12} Ibid."


@dataclass
class _Draft:
    """A note being assembled while the lines are walked."""

    label: _Label
    line: int
    spans: tuple[tuple[int, int], ...] = ()  # the note's paragraphs, becoming Note.spans
    end_line: int = 0
    block: int = 0
    system: str = ""
    value: int | None = None
    brackets: int = 0  # of a tagged note, the brackets still open: 0 once it is closed


def extract(document: Document) -> Extraction:
    """Find every note and marker of ``document`` and sort them into series, and the URLs
    the text links to outside them.

    Notes and markers the format defines (``document.native_notes``/``native_markers``)
    are taken as they are; notes typed by hand are looked for only in the rest of the prose.
    """
    extraction = _notes_and_markers(document)
    return replace(extraction, linked=linked_urls(document, extraction.notes))


def _notes_and_markers(document: Document) -> Extraction:
    """The notes and markers of ``document`` (see :func:`extract`)."""
    text = _prose(document)
    lines = _line_spans(document)
    stripped = [line.strip() for line in text.split("\n")]  # one per line, as in ``lines``
    # Word, OpenDocument and web pages hold no running headers: there a line repeated is
    # text (a table's "Done" column, a spec's "[Example:"), not page furniture.
    skipped = _skipped_lines(stripped, repeated=document.format in _PAGED_FORMATS)
    letters = _tag_letters(text) if "[" in text else {}
    names = {**_footnote_names(text), **letters}
    cells = _cell_lines(document)
    labels = {i: lab for i, (s, e) in enumerate(lines)
              if stripped[i] and i not in skipped and i not in cells
              and (lab := _label_at(text, s, e, names)) is not None}
    if folios := _folios(text, stripped, labels):  # "[51] the text goes on": a page's number
        labels = {i: lab for i, lab in labels.items() if i not in folios}
    marked = _marked_by_symbols(labels)  # [Footnote *: …] cited [*]: numbered by place
    tagged = {lab.numeral.value for lab in labels.values() if lab.notation == TAGGED}
    if tagged:  # "[42] The infantry…": a marker the line wrap set first, citing [Footnote 42:
        labels = {i: lab for i, lab in labels.items()
                  if lab.notation != BRACKET or lab.numeral.value not in tagged}
    # notes numbered [01], [02]…: then [07] in the text cites one, and is no code
    padded = any(lab.notation == BRACKET and lab.token[0] == "0" for lab in labels.values())
    found = _find_markers(text, document.line_starts, not document.plain_lines, padded,
                          document.format in _PAGED_FORMATS)
    if letters:
        found = heapq.merge(found, _letter_markers(text, document.line_starts, letters))
    if marked:
        found = heapq.merge(found, _symbol_markers(text, document.line_starts))
    raw_markers = list(itertools.islice(found, MAX_NOTES + 1))
    if folios:
        raw_markers = [m for m in raw_markers if m[0] not in folios.values()]
    if len(raw_markers) > MAX_NOTES or len(labels) > MAX_NOTES:
        what = "note markers" if len(raw_markers) > MAX_NOTES else "notes"
        raise InputError(f"{_shown(document.path)}: has too many {what} to audit (more than "
                         f"{MAX_NOTES:,})")
    bylines = _bylines(len(lines), stripped, labels, raw_markers)
    if bylines:
        raw_markers = [m for m in raw_markers if m[5] not in bylines]
        labels = {i: lab for i, lab in labels.items() if i not in bylines}
    section = _notes_section(stripped, skipped, labels)
    read = functools.partial(_assemble, document, text, lines, stripped, skipped)
    extraction = read(labels, section, names, raw_markers)
    if extraction.notes or extraction.markers or document.native_notes or \
            document.format not in ("text", "markdown"):
        return extraction
    heading = section if section is not None else _last_heading(stripped, skipped,
                                                                len(stripped))
    if heading is None:  # a word processor's rule over its notes: "________________"
        heading = next((i for i in range(len(stripped) - 1, -1, -1)
                        if _NOTES_RULE.fullmatch(stripped[i])), None)
    if heading is None:  # or nothing: the notes "1 …", "2 …" end the text
        heading = _final_list(labels, stripped)
    tries = _unmarked(text, lines, stripped, skipped, heading) if heading is not None else \
        _glued_feet(text, lines, stripped, skipped)
    if document.format == "text":
        tries = itertools.chain(tries, _symbols(text, lines, stripped, skipped))
    for listed, markers in tries:
        symbols = {lab.token: lab.numeral.value for lab in listed.values()
                   if lab.notation == SYMBOL}
        again = read({**labels, **listed}, section, {**names, **symbols}, markers)
        if again.notes and _resolved(again.notes, again.markers):
            return again
    if document.format == "text" and not any(u.section for u in extraction.unread) and \
            (lost := _lost_notes(text, lines, stripped, skipped)):  # (a section unread says it)
        return replace(extraction, unread=(*extraction.unread, lost))
    return extraction


#: How many numbers after sentences, 1, 2, 3… in turn, tell notes lost in an export.
_LOST_LEAST = 3
#: A number standing apart between two sentences, as an export sets a marker it flattened.
_APART_NUMBER = re.compile(r"(?:(?<=[^\W\d_][.!?][“”\"»«’]\s)|(?<=[^\W\d_][.!?]\s))"
                           r"([1-9]\d{0,3})(?=\s[A-ZÀ-ÖØ-ÞА-ЯЁ])")


def _lost_notes(text: str, lines: list[tuple[int, int]], stripped: list[str],
                skipped: set[int]) -> Unread | None:
    """Where a text holds neither notes nor markers: numbers glued after sentences'
    punctuation (``Quellcode.1 Es``, ``geknüpft.2``) or standing apart between two
    (``darf.“ 1 Das``), 1, 2, 3… in turn, the markers of notes an export to plain text
    dropped (LibreOffice's does): one :class:`Unread`."""
    body = [i for i in range(len(lines)) if stripped[i] and i not in skipped]
    found = [f for f in _flat_numbers(text, lines, body) if f[5]]  # after punctuation only
    found += [(m.start(1), m.end(1), m[1], m[1], i, True) for i in body
              for m in _APART_NUMBER.finditer(text, *lines[i])]  # "darf.“ 1 Das bedeutet"
    found.sort()
    highest, first = 0, None
    for _, _, _, token, index, _ in found:
        value = int(token)  # 1, 2, 3 in turn, then on past a marker or two not found
        if value == highest + 1 or (highest >= _LOST_LEAST and highest < value <= highest + 3):
            highest = value
            first = index if first is None else first
    if highest < _LOST_LEAST or first is None:
        return None
    return Unread("note markers", first + 1, count=highest, flattened=True)


_NOTES_RULE = re.compile(r"_{5,}|[-–—]{5,}")  # the line a text export sets over its notes


def _final_list(labels: dict[int, _Label], stripped: list[str]) -> int | None:
    """The line before a list numbered 1, 2, 3… (three at least) that ends the text, each
    item a line of its own: where a text export set its notes without a heading. Its
    numbers are notes only if the text cites them in turn (:func:`_unmarked`)."""
    weak = [i for i in sorted(labels) if labels[i].notation in (BARE, NUMBERED)]
    if len(weak) < 3 or any(line for line in stripped[weak[-1] + 1:]):
        return None
    run = [weak[-1]]
    for i in reversed(weak[:-1]):
        if labels[i].numeral.value != labels[run[-1]].numeral.value - 1:
            break
        run.append(i)
    first = run[-1]
    if labels[first].numeral.value != 1 or len(run) < 3 or \
            any(stripped[j] and j not in labels for j in range(first, weak[-1] + 1)):
        return None
    return first - 1


def _assemble(document: Document, text: str, lines: list[tuple[int, int]],
              stripped: list[str], skipped: set[int], labels: dict[int, _Label],
              section: int | None, names: dict[str, int],
              raw_markers: list[_RawMarker]) -> Extraction:
    """The notes of ``labels`` the markers of ``raw_markers`` make notes, and the markers."""
    marker_lines = Counter(m[5] for m in raw_markers if not m[6])  # line -> markers on it
    drafts = _shared(_walk(text, lines, stripped, skipped, labels, raw_markers, marker_lines,
                           section, _page_feet(document, stripped),
                           markup=document.format in ("markdown", "rst")))

    markers_raw = _outside_notes(raw_markers, drafts, document.line_starts)
    native_series = {n.series for n in document.native_notes}
    if native_series and all(m[4] != BRACKET for m in markers_raw):
        # beside the notes the format defines, entries typed "[1] …" that no "[1]" cites
        # are a list of works (a bibliography numbered so), not notes
        drafts = [d for d in drafts if d.label.notation != BRACKET]
    series_of = _name_series(drafts, native_series, _foot_lines(document),
                             _two_arabic_kinds(markers_raw))
    # In a Word file, a PDF or a web page a superscript is formatting first: there, as
    # beside notes the format defines, a typed marker must resolve to typed notes.
    formatted = bool(native_series) or not document.plain_lines
    markers_raw = _resolve_doubtful(markers_raw, drafts, formatted)
    if formatted:
        drafts = _anchored(drafts, markers_raw)
    notes = _build_notes(document, drafts, series_of)
    markers = tuple(_build_markers(document, markers_raw, series_of, names))
    if document.native_notes or document.native_markers:
        cited = citing(document)
        native = tuple(replace(n, urls=urls, text=_rejoined(n.text, urls))
                       for n in document.native_notes
                       for urls in (cited(n.spans),))
        notes = tuple(sorted(notes + native, key=lambda n: (n.line, n.column)))
        markers = tuple(sorted(markers + document.native_markers, key=lambda m: m.offset))
    unread = (*document.unread, *_foreign_syntax(document, text),
              *_empty_section(stripped, skipped, notes, _resolved(notes, markers),
                              _heading_lines(document),
                              markup=document.format in ("markdown", "rst")))
    return Extraction(document=document, notes=notes, markers=markers, unread=unread)


# --- what looks like notes but cannot be read ---------------------------------------------

#: Note and citation syntaxes of other tools, which footcheck does not read.
_FOREIGN = (
    ("pandoc citation [@key]",
     re.compile(r"\[[^\[\]\n]{0,80}?(?<![\w.+-])-?@\w[\w:.#$%&+?<>~/-]*[^\[\]\n]{0,80}\]")),
    ("LaTeX footnote \\footnote{…}", re.compile(r"\\(?:foot|end)note(?:text)?\s*[\[{]")),
    ("LaTeX citation \\cite{…}",
     re.compile(r"\\(?:[Cc]ite[a-z]*|parencite|textcite|autocite|footcite)\*?\s*[\[{]")),
    ("AsciiDoc footnote footnote:[…]", re.compile(r"\bfootnote(?:ref)?:[\w-]*\[")),
    ("reStructuredText footnote reference [1]_", re.compile(r"\[(?:\d+|#[\w-]*|\*)\]_(?!\w)")),
    ("footnote shortcode {{< … >}}",
     re.compile(r"\{\{[<%]\s*(?:fn|footnote|sidenote|marginnote|cite|ref)\b")),
)
_FOREIGN_START = re.compile(r"[\[\\{]|footnote")  # every syntax above starts with one of these
_NOTES_WORD = re.compile(r"not[ea]|anmerk|fu(?:ß|ss)not|endnot|примеч|сноск|коммент|"
                         r"примітк|виноск|przypis|pozn[áa]m|[注註]|주석|각주|미주",
                         re.IGNORECASE)


def _foreign_syntax(document: Document, text: str) -> Iterator[Unread]:
    """Notes and citations in another tool's syntax, in the prose ``text``: one each.

    Only in text formats: in a web page or a Word file "[@user]" is a handle, and the
    syntaxes are no one's notes."""
    if document.format not in ("text", "markdown", "rst") or not _FOREIGN_START.search(text):
        return
    for what, pattern in _FOREIGN:
        if document.format == "rst" and what.startswith("reStructuredText"):
            what = "footnote reference [1]_ inside a directive docutils does not know"
        found = pattern.finditer(text)
        first = next(found, None)
        if first is not None:
            line, column = document.position(first.start())
            yield Unread(what, line, column, 1 + sum(1 for _ in found))


def _resolved(notes: tuple[Note, ...], markers: tuple[Marker, ...]) -> bool:
    """Whether every marker points at a note of its series."""
    numbers = {(n.series, n.number) for n in notes}
    return all((m.series, m.number) in numbers for m in markers)


def _heading_lines(document: Document) -> list[int]:
    """The lines (0-based) where the headings the format marks begin, in order."""
    starts = document.line_starts
    return [bisect.bisect_right(starts, b.start) - 1 for b in document.blocks
            if b.kind == HEADING]


def _empty_section(stripped: list[str], skipped: set[int], notes: tuple[Note, ...],
                   resolved: bool, headings: list[int] = (), markup: bool = False
                   ) -> Iterator[Unread]:
    """A notes heading followed by paragraphs of which no note could be read, where that
    matters: where markers do not all find their note ("Notes" heading) — a "References"
    list only in a document with no notes. Without a marker pointing nowhere, a Notes
    section of remarks is only prose; but one listing notes numbered from 1, in a document
    where no note or marker was read, is notes whose markers were not found (superscript
    numbers a conversion flattened into the text: ``in 2022.1 They``) — in a ``markup``
    format (Markdown, reStructuredText), which has a syntax of its own for notes, only if
    its entries cite as notes do (a year, an address): else it is a list of remarks. The
    section ends at the next heading the format marks (``# Name, Sitz`` after
    ``##### Anmerkungen``)."""
    if resolved and notes:
        return
    last_note = max((n.line for n in notes), default=0)
    for i in range(len(stripped) - 1, last_note - 1, -1):
        line = stripped[i]
        if not line or i in skipped or len(line) >= 60 or not _HEADING_RE.fullmatch(line):
            continue
        if (notes or resolved) and not _NOTES_WORD.search(line):
            return
        end = next((h for h in headings if h > i), len(stripped))
        if resolved or not _NOTES_WORD.search(line):  # nothing read, or a list of works:
            # notes only if numbered as notes are (a list of works by author is no notes)
            entries = _numbered_entries(stripped[i + 1:end])
            if entries >= 2 and not (markup and resolved and not notes and
                                     not _cites_sources(stripped[i + 1:end])):
                yield Unread(line.strip("#*_: "), i + 1, 1, entries, section=True)
            return
        paragraphs = sum(1 for j in range(i + 1, end)
                         if stripped[j] and not stripped[j - 1] and j not in skipped)
        if paragraphs >= 2:
            yield Unread(line.strip("#*_: "), i + 1, 1, paragraphs, section=True)
        return


_ENTRY_NUMBER = re.compile(r"[(\[]?(\d{1,4})[.)\]]?[ \t]+\S")  # 1 …, 1. …, (1) …, [1] …


_SOURCE_SIGN = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|://")


def _cites_sources(lines: list[str]) -> bool:
    """Whether most of the numbered entries among ``lines`` give a year or an address."""
    entries = [line for line in lines if _ENTRY_NUMBER.match(line)]
    return 2 * sum(bool(_SOURCE_SIGN.search(line)) for line in entries) >= len(entries) > 0


def _numbered_entries(lines: list[str]) -> int:
    """How many of ``lines`` (stripped) open with the numbers 1, 2, 3… in turn."""
    expected = 1
    for line in lines:
        m = _ENTRY_NUMBER.match(line)
        if m and int(m[1]) == expected:
            expected += 1
    return expected - 1


def _prose(document: Document) -> str:
    """The document's text with everything that is not prose to search for typed notes
    blanked out (line breaks kept, so offsets and lines stay those of the file): hidden
    spans (code, comments, math, link destinations) and the notes and markers the format
    defines itself."""
    spans = list(document.hidden)
    spans += [(m.offset, m.offset + len(m.label)) for m in document.native_markers]
    starts = document.line_starts
    for n in document.native_notes:
        label = starts[n.line - 1] + n.column - 1
        spans.append((label, max((e for _, e in n.spans), default=label + len(n.label))))
    text = _unescaped(document.text, document.escapes) if document.escapes else document.text
    if not spans:
        return text
    out = []
    at = 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        out.append(text[at:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _unescaped(text: str, escapes: tuple[int, ...]) -> str:
    """``text`` with Markdown's escaped brackets written as the reader sees them, offsets
    kept: ``\\[1\\]`` is `` [1] `` (the backslash before "[" blanked, the "]" moved onto the
    backslash before it), so pandoc's Markdown of a typed "[1]" cites note 1."""
    chars = list(text)
    for at in escapes:
        if chars[at + 1] == "[":
            chars[at] = " "
        else:
            chars[at], chars[at + 1] = "]", " "
    return "".join(chars)


# --- lines --------------------------------------------------------------------------------


def _line_spans(document: Document) -> list[tuple[int, int]]:
    """The (start, end) offsets of every line, without the newline, in order."""
    starts = document.line_starts
    ends = [start - 1 for start in starts[1:]]
    if len(starts) == 1 or starts[-1] < len(document.text):
        ends.append(len(document.text))
    # else the text ends with a newline, and the empty "line" after it is left out
    return list(zip(starts, ends, strict=False))


_PAGED_FORMATS = frozenset({"text", "markdown", "rst", "pdf"})  # may hold page furniture


def _cell_lines(document: Document) -> frozenset[int]:
    """The 0-based indexes of the lines inside table cells, where no note starts: a
    numbered cell (``1 = Recalculate always``, ``3 Formulas``) is part of a table."""
    cells = [b for b in document.blocks if b.kind == TABLE_CELL]
    if not cells:
        return frozenset()
    out: set[int] = set()
    for block in cells:
        first = document.position(block.start)[0] - 1
        last = document.position(max(block.start, block.end - 1))[0] - 1
        out.update(range(first, last + 1))
    return frozenset(out)


def _page_feet(document: Document, stripped: list[str]) -> tuple[frozenset[int], set[int]] | None:
    """In a PDF, the 0-based indexes of the lines in the page feet the reader found, and of
    the page numbers it left; ``None`` in other documents."""
    if document.format != "pdf":
        return None
    return (frozenset(line - 1 for line in _foot_lines(document)),
            _skipped_lines(stripped, repeated=False))


def _skipped_lines(stripped: list[str], repeated: bool = True) -> set[int]:
    """Indexes of page numbers and running headers/footers (short lines repeated 3+ times,
    unless not ``repeated``), from the lines with surrounding white space removed."""
    counts = Counter(s for s in stripped if s and len(s) <= 80) if repeated else Counter()
    skipped = set()
    for i, s in enumerate(stripped):
        if not s:
            continue
        # A page number ends with a digit or a dash: a cheap test before the regex.
        page_number = (s[-1].isdigit() or s[-1] in "-–—") and _PAGE_NUMBER_RE.fullmatch(s)
        if page_number or (counts.get(s, 0) >= 3 and not _LABEL_RE.match(s)
                           and not _HEADING_RE.fullmatch(s)):
            skipped.add(i)
    return skipped


def _label_at(text: str, start: int, end: int, names: dict[str, int]) -> _Label | None:
    """The note label that starts the line ``text[start:end]``, if any."""
    m = _LABEL_RE.match(text, start, end)
    if m is None:
        return None
    group = m.lastgroup  # the token's group, which closes after "indent" and "bullet"
    token = m[group]
    notation = _LABEL_NOTATION[group]
    text_start = m.end()
    if m["emph"] and text.startswith(m["emph"], text_start):  # "**[1]** text": its closing
        text_start += len(m["emph"])
        while text_start < end and text[text_start] in " \t":
            text_start += 1
    if text_start >= end and (notation in (NUMBERED, BARE, SUPERSCRIPT) or (
            notation == BRACKET and group != "b")):
        return None  # a weak label, or a lone "²" in a table cell, needs text after it
        # ("[85]" alone may open a note whose text is the paragraph below: a letter quoted)
    if notation == SUPERSCRIPT and _is_exponent(text, m.start(group), m.end(group)):
        return None
    numeral = _read(token, notation, names)
    also: tuple[int, ...] = ()
    if notation == CARET and (joined := numerals.joined_label(token)):
        numeral, also = Numeral(str(joined[0]), joined[0], ARABIC), joined[1:]
    if notation == TAGGED and not token.isalnum():
        numeral = Numeral(token, 0, ARABIC)  # [Footnote *: …]: numbered by place, if at all
    if numeral.value is None:
        return None
    if notation in (BARE, NUMBERED) and numeral.system == ROMAN and numeral.value > 400:
        return None  # "DC", "MD", "MCM": words and years, not note numbers
    if notation == BARE and _NOT_AFTER_BARE_RE.match(text, text_start, end):
        return None  # "5 December", "300 000", "12 %": a number in prose, not a label
    if notation == BARE and token == "I" and text[text_start:text_start + 1].islower():
        return None  # "I thank Alice and Bob": the pronoun
    bullet = m["bullet"] is not None
    label_start = m.start("bullet") if bullet else m.end("emph") if m["emph"] else m.end("indent")
    label_end = m.end(group) + 1 if group in ("b", "k") else text_start  # [1], not its link
    return _Label(start=label_start, indent=m.end("indent") - start, text_start=text_start,
                  label=text[label_start:label_end].strip(), token=token, notation=notation,
                  numeral=numeral, bullet=bullet, also=also)


_FOOTNOTE_NAME = re.compile(r"\[\^([^\]\s\[]+)\]")


def _footnote_names(text: str) -> dict[str, int]:
    """Numbers for Markdown footnote labels typed in text (``[^source]``): Markdown labels
    are names, not numbers (see :func:`numerals.label_numbers`)."""
    if "[^" not in text:
        return {}
    return numerals.label_numbers(m.group(1) for m in _FOOTNOTE_NAME.finditer(text))


_LETTER_TAG = re.compile(rf"{NOTE_TAG}([A-Za-z]{{1,2}})[ \t]*:")
_LETTER_MARKER = re.compile(r"\[([A-Za-z]{1,2})\]")


def _tag_letters(text: str) -> dict[str, int]:
    """Numbers for the letters of lettered notes (``[Footnote B: …]``, cited ``[B]``): B is
    2, Z 26, AA 27. Notes lettered only with roman digits (``[Footnote IV: …]``) are roman."""
    letters = dict.fromkeys(m[1] for m in _LETTER_TAG.finditer(text))
    if all(numerals.is_roman(t) for t in letters):
        return {}
    return {t: functools.reduce(lambda n, c: n * 26 + ord(c) - 64, t.upper(), 0)
            for t in letters}


def _letter_markers(text: str, line_starts: tuple[int, ...],
                    letters: dict[str, int]) -> Iterator[_RawMarker]:
    """The markers ``[B]`` of lettered notes (:func:`_tag_letters`)."""
    for m in _LETTER_MARKER.finditer(text):
        if m[1] in letters:
            line = bisect.bisect_right(line_starts, m.start()) - 1
            yield m.start(), m.end(), m[0], m[1], TAGGED, line, False


_SYMBOL_TAGGED = re.compile(r"\[(\*{1,3}|[†‡§])\]")


def _marked_by_symbols(labels: dict[int, _Label]) -> bool:
    """Whether the tagged notes are marked with symbols only (``[Footnote *: …]``, cited
    ``[*]``, a book's footnotes each marked with the page's first symbol): then they are
    numbered by their place, in ``labels``, as their markers are (:func:`_symbol_markers`)."""
    tagged = sorted(i for i, lab in labels.items() if lab.notation == TAGGED)
    if not tagged:
        return False
    if any(labels[i].token.isalnum() for i in tagged):  # an editor's [Footnote *: …] among
        for i in tagged:  # numbered ones: no number to cite it by
            if not labels[i].token.isalnum():
                del labels[i]
        return False
    for number, i in enumerate(tagged, start=1):
        labels[i] = replace(labels[i], numeral=Numeral(labels[i].token, number, ARABIC))
    return True


def _symbol_markers(text: str, line_starts: tuple[int, ...]) -> Iterator[_RawMarker]:
    """The markers ``[*]`` of notes marked by symbols, numbered by their place."""
    for number, m in enumerate(_SYMBOL_TAGGED.finditer(text), start=1):
        line = bisect.bisect_right(line_starts, m.start()) - 1
        yield m.start(), m.end(), m[0], str(number), TAGGED, line, False


def _read(token: str, notation: str, names: dict[str, int]) -> Numeral:
    """The numeral of a marker or label token; a named footnote gets its number by name."""
    if notation in (MARKDOWN, SYMBOL, TAGGED) and token in names:
        return Numeral(token, names[token], ARABIC)
    return numerals.read(token)


# --- markers ------------------------------------------------------------------------------

# start, end, label, token, notation, line index, and whether it may be an exponent
_RawMarker = tuple[int, int, str, str, str, int, bool]
# What _is_exponent says of "2035⁴" or ")²", and what a bracketed year "[2019]" is: a marker
# only if a note of that number exists.
MAYBE = None


def _is_exponent(text: str, start: int, end: int) -> bool | None:
    """Whether a superscript or caret at ``text[start:end]`` is an exponent, not a marker.

    :data:`MAYBE` for a superscript number after a number, a closing bracket or a norm's bar
    (``2035⁴`` in a table, ``(a+b)²``, ``||x||²``) or a word of two letters or a capital
    standing alone (``adjusted R²``, ``Px¹``): an exponent unless a note of that number exists
    that no other marker cites.
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    token = text[start:end]
    token = token[5:-6].strip() if token.startswith("<sup>") else token.strip("^{}")
    if "\\" in token:
        return True  # TeX: "^{\infty}", "^{\prime}"
    digits = text[start] in _SUP_DIGITS or token.isdigit()
    if before in ")]|":
        return MAYBE if digits and not _PROSE_BRACKET.search(text, max(0, start - 80), start) \
            else False
    if before.isascii() and after.isascii() and not before.isalnum():
        return False  # "policy.^{12} ", the common case: the tests below cannot succeed
    if before.isdigit():  # 10^6 and 10⁶, but perhaps "in 2035⁴"
        if text[start] not in _SUP_DIGITS:
            return True
        base = start - 1
        while base and text[base - 1].isdigit():
            base -= 1
        return True if text[base:start] == "10" and text[base - 1:base] not in (".", ",") \
            else MAYBE  # 10⁶; not "Section 4.10¹"
    for ch in (before, after):  # part of a run such as 2ⁿᵈ or Mᵐᵉ (never an ASCII character)
        if not ch.isascii() and ch not in _SUP_ROMAN and ch not in _SUP_DIGITS and \
                unicodedata.category(ch) == "Lm":
            return True
    if not before.isalpha():
        # a formula's symbol raised ("∆¹", "∂∆²", "∇²"), else no word just before: neither a
        # unit nor a variable
        return unicodedata.category(before) == "Sm"
    if _ABBREVIATED.fullmatch(token):  # an ordinal's or a title's letters: "XIX^e^", "M^me^"
        return MAYBE
    word_start = start - 1
    while word_start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:start]
    if len(word) <= 2 and digits:  # a variable: x², or R², Px¹ (MAYBE: "EU" takes notes)
        return True if len(word) == 1 and (word.islower() or _GREEK.match(word)) and not (
            word_start and text[word_start - 1].isdigit()) else MAYBE  # "802.11b¹", "1670s¹"
    if len(word) <= 2 and numerals.read(token).malformed:
        return True  # "R^{2m}", "M^{2m}": no note is numbered so
    return word.lower() in _UNITS


def _marker_starts(text: str) -> list[int]:
    """Offsets at which a marker can start, in order.

    An ASCII text can only hold ``^``, ``[`` and ``<sup>``, which ``str.find`` finds several
    times faster than the regex engine finds a character of the class.
    """
    if not text.isascii():
        return [m.start() for m in _MARKER_START.finditer(text)]
    starts = []
    for start in _ASCII_MARKER_STARTS:
        at = text.find(start)
        while at != -1:
            starts.append(at)
            at = text.find(start, at + 1)
    starts.sort()
    return starts


def _find_markers(text: str, line_starts: tuple[int, ...], converted: bool = False,
                  padded: bool = False, paged: bool = False) -> Iterator[_RawMarker]:
    """Yield every marker-like span in ``text`` as a raw tuple, one per number it cites
    (``^{3,4}``, ``[5–7]`` and ``<sup>iv–vi</sup>`` cite several), with the index of its
    line (``line_starts`` are the offsets at which the lines start). In a ``converted``
    file (Word, PDF, a web page) a superscript standing apart from any word is doubtful.
    A bracketed number with a leading zero (``[07]``) is a code unless the notes are
    ``padded`` so (``[01] …``). A superscript set apart after a word or a clause's end
    (``older age. ²``) is a citation, as a Word file's author typed it, unless the file is
    ``paged`` (a PDF), whose text puts spaces where the page shows none."""
    match = _MARKER_RE.match
    end = 0
    line = 0
    for start in _marker_starts(text):
        if start < end:
            continue  # inside the marker just found
        m = match(text, start)
        if m is None or (start and text[start - 1] == "\\"):
            continue  # not a marker, or an escaped one: \[^a-z\]
        end = m.end()
        group = m.lastgroup
        token, notation = m[group], _MARKER_NOTATION[group]
        written = m[0]
        if group in ("lt", "gt"):  # the numbers, not their links
            token, written = (_LINK_AROUND_NUMBER.sub(r"\1", t) for t in (token, written))
        exponent = _is_exponent(text, start, end) if notation in _EXPONENT_LIKE else False
        if exponent or (group == "ct2" and _ABBREVIATED.fullmatch(token)) or (
                notation in (HTML, CARET, PANDOC) and (_RAISED_WORD.fullmatch(token)
                                                        or _POWER.fullmatch(token))):
            continue  # 10^6, km²; a raised abbreviation typed with a caret: "H^s.", "M^r";
            # a word set raised, as formatting: "<sup>Syntax</sup>"
        # In a converted file a marker is set against its word: a superscript standing
        # apart (a sum's limit in a formula) cites only a note no other marker cites; so
        # does a caret without braces standing apart in any text ("2 ^2. 4", a notation).
        apart = start > 0 and text[start - 1] in " \t" and (paged or not _CITED_APART.search(
            text, max(0, start - 40), start))  # "age. ²", "studies ²": a citation still
        maybe = exponent is MAYBE or (
            apart and ((converted and notation in _EXPONENT_LIKE) or group == "ct2"))
        line = bisect.bisect_right(line_starts, start, line) - 1  # markers come in order
        if group == "bl":  # several citations, or one with its page: their numbers
            if not _in_code(text, start, end):
                for number in _CITED_NUMBER.findall(token):
                    yield start, end, written, number, notation, line, len(number) >= 4
            continue
        if group in ("bt", "bm", "bc") and _in_code(text, start, end):
            continue  # /root[1]/customer[1], (0[1-9])|(1[0-2]): an index, a character class
            # (a linked number is no index, even glued to a formula: "[[69](…)]:SE=…")
        if notation == MARKDOWN or token.isalnum():  # a name, or a single number
            if notation == BRACKET:  # [07] is a code; [2019] a year, unless note 2019 exists
                if token[0] == "0" and not (padded and token.strip("0")):
                    continue
                maybe = len(token) >= 4
            yield start, end, written, token, notation, line, maybe
            if notation == BRACKET and token.isdigit() and \
                    (span := _BRACKET_RANGE.match(text, end)):
                yield from _between(text, start, span, token, line, maybe)
            continue
        tokens, complete = _expand(token)
        if notation == BRACKET and not (complete and all(t[0] != "0" for t in tokens)
                                        and len(set(tokens)) == len(tokens)):
            continue  # [113-0246]: a product code; [2, 2, 4]: a shape, no work cites twice
        maybe = maybe or (notation == BRACKET and len(tokens[0]) >= 4)  # [2019-2023]: years
        for one in tokens:
            yield start, end, written, one, notation, line, maybe


#: Letters raised in an old abbreviation ("His Royal H^s.", "M^r", "N^o", "1^st"): a letter
#: no roman numeral holds.
_ABBREVIATED = re.compile(r"[a-z]*[abefghjknopqrstuwyz][a-z]*")
#: A signed or decimal number raised ("^{-0.5}", "^{+2}", "^{1.5}"): a power, no note's label.
_POWER = re.compile(r"[-+−]\s*\d+(?:\.\d+)?|\d*\.\d+")  # ("^{1,2}" cites notes 1 and 2)
#: A word raised: three letters or more, one of them no roman numeral holds ("Syntax"; not
#: "XIIII", a malformed number).
_RAISED_WORD = re.compile(r"(?=[A-Za-z]*[ABEFGHJKNOPQRSTUWYZabefghjknopqrstuwyz])[A-Za-z]{3,}")
_KEY = re.compile(r"[*(\[]*\d{1,3}\(\d{1,3}\)")  # "10(5)" before "[1]": alternatives
_CODE_CHARS = re.compile(r"[/\\|={}<>\[\]]")
# What a word may hold around a bracketed citation without being code: other citations
# ([1][2]), a note's raised marker ("manga [1].^{2}"), a link's address ([Smith](https://…),
# <https://…>).
_NOT_CODE = re.compile(r"\[\d[\d,–\s-]*\]|\^\{[^{}\s]{1,30}\}"
                       r"|\[?[^\[\]\s]*\]\((?:[^()\s]|\([^()\s]*\))*\)"
                       r"|<[^<>\s]*>|(?:https?|ftp)://\S*")
_WORD_REACH = 200  # characters looked at on each side of a bracketed number for its word
# In a quotation, what an editor adds in brackets: "kommentier[t]“[18]", "angewiesen […]“[3]"
_EDITORIAL = re.compile(r"\[(?:…|\.{3}|[^\W\d_]{1,20})\]")
_QUOTE_MARK = re.compile("[„“”«»‚‘’]")
# A word that a bracket of prose opens or closes, before a bracketed number: "[Say",
# "gods.]" (not "x[i]", an index).
_PROSE_EDGE = re.compile(r"\[[^\W\d_]+|[^\W\d_]+[.!?,;:]?\]")


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the bracketed number at ``text[start:end]`` is part of a word of code: an
    index or a path (``/root[1]/customer[1]``), a regular expression's character class
    (``(0[1-9])|(1[0-2])``), an assignment (``a[2]=b``), a table's key of alternatives
    (``significant at 10(5)[1] per cent``)."""
    left = start
    while left > 0 and start - left < _WORD_REACH and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < _WORD_REACH and not text[right].isspace():
        right += 1
    if left == start and right == end:
        return False  # " [12] ": the common case
    if _KEY.fullmatch(text, left, start):
        return True
    before = text[left:start]
    if _PROSE_EDGE.fullmatch(before):
        before = ""  # "[Say[2] to", "gods.][1]": a bracket opening or closing prose
    rest = _NOT_CODE.sub("", before + " " + text[end:right])
    if _QUOTE_MARK.search(rest):
        rest = _EDITORIAL.sub("", rest)
    return _CODE_CHARS.search(rest) is not None


#: A dash and a second bracketed number after one: ``[4]–[6]`` cites 4, 5 and 6 (IEEE).
_BRACKET_RANGE = re.compile(r"[–-]\[([1-9]\d{0,3})\]")


def _between(text: str, start: int, span: re.Match[str], first: str, line: int,
             maybe: bool) -> Iterator[_RawMarker]:
    """The numbers between ``[first]`` at ``start`` and the bracketed number of ``span``
    just after it (a range of at most 50), each a marker written as the whole range."""
    low, high = int(first), int(span[1])
    if low < high <= low + 50:
        written = text[start:span.end()]
        for number in range(low + 1, high):
            yield start, span.end(), written, str(number), BRACKET, line, maybe


_LIST_SEPARATOR = re.compile(r"\s*,\s*")
_RANGE_SEPARATOR = re.compile(r"\s*[–-]\s*")


def _expand(tokens: str) -> tuple[list[str], bool]:
    """``"3, 5–7"`` -> ``["3", "5", "6", "7"]``; ``"iv–vi"`` -> ``["iv", "v", "vi"]``.

    Only a bounded range of two well-formed numerals of one system is expanded; anything
    else is kept as written, for the malformed-number rule to report. The flag says whether
    every range was expanded.
    """
    if "," not in tokens and "-" not in tokens and "–" not in tokens:
        return [tokens], True
    out = []
    complete = True
    for part in _LIST_SEPARATOR.split(tokens):
        bounds = _RANGE_SEPARATOR.split(part)
        if len(bounds) == 2:
            a, b = numerals.read(bounds[0]), numerals.read(bounds[1])
            if not (a.malformed or b.malformed) and a.value and b.value and \
                    a.system == b.system and a.value < b.value <= a.value + 50:
                out.extend(numerals.format_number(v, a.system, a.case)
                           for v in range(a.value, b.value + 1))
                continue
            complete = False
        out.extend(b for b in bounds if b)
    return out, complete


# --- authors and their affiliations -------------------------------------------------------

_AFFILIATION_NOTATIONS = frozenset({CARET, PANDOC, SUPERSCRIPT, HTML})
_LINK_TEXT = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")  # [Jane Smith](https://…)
_BYLINE_MARK = re.compile(rf"\^\{{[^{{}}\n]*\}}|\^[A-Za-z0-9]+\^?|<sup>[^<]*</sup>"
                          rf"|[{_SUP_DIGITS}{_SUP_ROMAN}]+|[*†‡§#]")
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;&]|\b(?:and|und|et|y|e|и)\b)\s*")
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "la",
                             "le", "dos", "das", "bin", "ibn", "al", "ter", "y"})
_AFFILIATION_LINES = 2  # lines after a byline in which its affiliations are listed


def _bylines(count: int, stripped: list[str], labels: dict[int, _Label],
             raw_markers: list[_RawMarker]) -> set[int]:
    """The lines of authors' names with superscript affiliation numbers (``Jane Smith,¹
    John Doe²``) and of the affiliations they point to: neither holds notes or markers.

    A byline names two or more people and nothing else, each name followed by its number.
    Its numbers are affiliations when the lines just below it list them with the same raised
    numbers (``¹University of …``), or when the text cites every one of them again as a
    note: an author's footnote (``Jane Smith¹`` with note 1 in the notes and note 2 cited
    next) stays a note.
    """
    on_line: dict[int, list[_RawMarker]] = {}
    for m in raw_markers:
        if m[4] in _AFFILIATION_NOTATIONS:
            on_line.setdefault(m[5], []).append(m)
    out: set[int] = set()
    for i, found in on_line.items():
        if len(found) < 2 or len(stripped[i]) > 400 or not _is_byline(stripped[i]):
            continue
        numbers = {m[3] for m in found}
        below = []
        j = i + 1
        while j < count and len(below) < _AFFILIATION_LINES:
            if stripped[j]:
                below.append(j)
            j += 1
        listed = [j for j in below if j in labels and labels[j].token in numbers
                  and labels[j].notation in _AFFILIATION_NOTATIONS]
        cited_again = {m[3] for m in raw_markers if m[5] != i and m[4] in _AFFILIATION_NOTATIONS}
        if listed or numbers <= cited_again:
            out.add(i)
            out.update(listed)
    return out


def _is_byline(line: str) -> bool:
    """Whether ``line`` holds only the names of two or more people, with their marks."""
    plain = _BYLINE_MARK.sub(" ", _LINK_TEXT.sub(r"\1", line))
    plain = re.sub(r"(?<=[^\W\d_])\d+\b", "", plain)  # "Author Name3*": a number glued on
    names = [part for part in _NAME_SEPARATOR.split(plain) if part.strip()]
    return len(names) >= 2 and all(_is_name(name) for name in names)


def _is_name(text: str) -> bool:
    """Whether ``text`` is a person's name: two to five words, each capitalised (initials
    such as ``D.`` too) but for particles such as ``van`` or ``de``."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for word in words:
        if word in _NAME_PARTICLES:
            continue
        if not word[0].isupper() or not all(c.isalpha() or c in ".'’-" for c in word):
            return False
    return True


# --- walking the lines --------------------------------------------------------------------


def _walk(text, lines, stripped, skipped, labels, raw_markers, marker_lines,
          section, feet=None, markup=False) -> list[_Draft]:
    """Walk the lines once, opening a note at each accepted label and extending it.

    ``stripped`` holds each line without its surrounding white space; ``marker_lines``
    counts the markers on each line (by index); ``section`` is the index of the heading
    that opens the notes section, if there is one; ``feet`` the lines of a PDF in its page
    feet and its page numbers (see :func:`_page_feet`): there a note at a page foot goes on,
    or is followed by the next note typed ``2.``, only in the page feet, and one in the body
    only in the body (the page after a page of footnotes may open with a list); ``markup``:
    the text is Markdown's or reStructuredText's (see :func:`_weak_runs`).
    """
    approved = _weak_runs(labels, raw_markers, section, stripped, skipped, feet, markup)
    # the markers of each line that may cite: not a bracket glued to a word ("1[1]", R's
    # indexing), which a note may hold
    cites_on = Counter(m[5] for m in raw_markers if not m[6] and not (
        m[4] == BRACKET and m[0] and text[m[0] - 1].isalnum()))
    cited = {numerals.read(m[3]).system for m in raw_markers if not m[6]}
    drafts: list[_Draft] = []
    current: _Draft | None = None
    gap = 0  # blank lines since the last text line
    block = 0
    under_heading = False
    heading = -1  # index of the last notes heading
    prev_kind = "blank"  # blank, note, heading, text
    for i, (start, end) in enumerate(lines):
        line = stripped[i]
        if not line:
            gap += 1
            continue
        lab = labels.get(i)
        if current is not None and current.brackets > 0 and (
                lab is None or lab.notation in WEAK_LABELS) and (
                gap == 0 or (len(current.spans) < _TAG_LINES and i - current.end_line <= 2)):
            # a tagged note goes on to its closing bracket: its repeated lines ("History.]")
            # and lines a wrap opened with a number ("iv. Cicero…") are its text
            _extend(text, current, *_strip(text, start, end))
            current.end_line = i + 1
            gap = 0
            continue
        if i in skipped:
            continue
        accept = False
        beside = feet is None or current is None or (i in feet[0]) == (current.line - 1 in feet[0])
        if lab is not None and lab.notation in WEAK_LABELS and current is not None and \
                prev_kind == "note" and lab.indent > current.label.indent + 1:
            lab = None  # a list inside the note: "1. The report lists: / 1. … / 2. …"
        if lab is not None and lab.notation == BARE and current is not None and \
                prev_kind == "note" and gap == 0 and stripped[i - 1][-1] in ",;":
            lab = None  # "… Knox v. Lee, / 12 Wallace 457.": a citation wrapped in the note
        if lab is not None:
            if lab.notation in WEAK_LABELS:
                accept = (i in approved or (beside and _continues(current, lab, prev_kind))
                          or (under_heading and _typed_in(lab.numeral.system, cited)
                              and _resumes(drafts, lab, prev_kind, heading)))
            else:  # a glued label at a page foot (:func:`_glued_feet`) ends the text above
                accept = gap > 0 or prev_kind in ("note", "heading", "blank") or \
                    lab.notation == FLATTENED
        if accept:
            if current is None or prev_kind not in ("note",):
                block += 1
            span_end = end
            while span_end > lab.text_start and text[span_end - 1].isspace():
                span_end -= 1
            current = _Draft(label=lab, line=i + 1, spans=(), end_line=i + 1, block=block,
                             brackets=lab.notation == TAGGED)
            _extend(text, current, lab.text_start, span_end)
            drafts.append(current)
            prev_kind = "note"
        elif current is not None and current.label.notation != TAGGED and \
                prev_kind == "note" and beside and \
                _continuation(text, current, line, gap, marker_lines.get(i, 0),
                              cites_on.get(i, 0)):
            _extend(text, current, *_strip(text, start, end))
            current.end_line = i + 1
            prev_kind = "note"
        elif _HEADING_RE.fullmatch(line):
            under_heading = True
            heading = i
            current = None
            prev_kind = "heading"
        else:
            current = None
            if len(line) > 60 or marker_lines.get(i):
                under_heading = False
            prev_kind = "heading" if _looks_like_heading(line) else "text"
        gap = 0
    return drafts


_TAG_LINES = 40  # lines a tagged note still open may take before a blank line ends it


def _shared(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts, each one whose label gives several notes one entry ("^{11,12} Ibid.", a
    list typed by hand) once for each of them."""
    if not any(d.label.also for d in drafts):
        return drafts
    out: list[_Draft] = []
    for d in drafts:
        out.append(d)
        out.extend(replace(d, label=replace(d.label, token=str(value), also=(),
                                            numeral=Numeral(str(value), value, ARABIC)))
                   for value in d.label.also)
    return out


def _extend(text: str, note: _Draft, start: int, end: int) -> None:
    """Add ``text[start:end]`` to ``note``: of a tagged note, up to the bracket closing it."""
    if note.brackets > 0:
        depth = note.brackets
        for at in range(start, end):
            c = text[at]
            depth += (c == "[") - (c == "]")
            if depth == 0:
                end = at
                break
        note.brackets = depth
    note.spans += ((start, end),)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``(start, end)`` to exclude surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_heading(line: str) -> bool:
    """Whether a stripped line is short and without final punctuation, such as
    ``Kazakhstan`` or ``NOTES``."""
    return 0 < len(line) <= 60 and line[-1] not in ".,;:" and not line[-1].islower()


def _compatible(a: str, b: str) -> bool:
    """Whether two numbering systems can belong to one series."""
    return a == b or AMBIGUOUS in (a, b)


def _continues(current: _Draft | None, lab: _Label, prev_kind: str) -> bool:
    """Whether a weak label continues the sequence of the note just before it."""
    if current is None or prev_kind != "note" or current.label.notation == TAGGED:
        return False  # a tagged note ends at its bracket: "2. The ministry…" is the text's
    prev = current.label.numeral
    if not _compatible(prev.system, lab.numeral.system) or prev.value is None:
        return False
    return prev.value - 1 <= lab.numeral.value <= prev.value + 2


# --- superscript numbers flattened into the text ----------------------------------------------

#: A number a conversion may have flattened from a superscript: one to four digits, not
#: part of a longer number and followed by no word (``weakened.2``, not ``2.3`` or ``3G``).
_FLAT_NUMBER = re.compile(r"(?<!\d)[1-9]\d{0,3}(?![\w.,]?\w|\d)")
_FLAT_PUNCTUATION = ".,;:!?’”\"')]"  # what may close a word before the number
_SENTENCE_FOLLOWS = re.compile(r"[ \t]+[\"“(]?[A-Z]|[ \t]*$")
_GLUED_REACH = 40  # letters looked at before a number for the word it is glued to
#: The share of the notes the flattened markers must cite, each note first cited in turn.
_FLAT_COVER = 0.8


def _unmarked(text: str, lines: list[tuple[int, int]], stripped: list[str], skipped: set[int],
              section: int) -> Iterator[tuple[dict[int, _Label], list[_RawMarker]]]:
    """Where nothing was read but the notes heading at line index ``section`` lists notes
    numbered from 1: markers in a notation footcheck reads only then, if they cite those
    notes in turn (with the labels they need that are not read in general). Superscripts
    a conversion flattened into the text (:func:`_flattened`), then numbers in parentheses
    (``costs (1).``, for notes listed ``(1) …``, ``1. …`` or ``1) …``)."""
    if flat := _flattened(text, lines, stripped, skipped, section):
        yield {}, flat
    listed = {i: label for i in range(section + 1, len(lines))
              if i not in skipped and (label := _parenthesised_label(text, *lines[i]))}
    found = [(m.start(), m.end(), m[0], m[1], index, True)
             for index in range(section) if stripped[index] and index not in skipped
             for m in _PAREN_NUMBER.finditer(text, *lines[index])
             if _cites(text, lines[index][0], m.start())]
    if cited := _in_turn(found, _numbered_entries(stripped[section + 1:]), PARENTHESISED):
        yield listed, cited


#: A note number in parentheses, after a word or closing punctuation: ``costs (1).``
_PAREN_NUMBER = re.compile(r"\(([1-9]\d{0,3})\)(?![\w(])")
_PAREN_LABEL = re.compile(r"[ \t]*(\(([1-9]\d{0,3})\))[ \t]+(?=\S)")


def _cites(text: str, line_start: int, at: int) -> bool:
    """Whether the ``(n)`` at ``at`` follows a word, a number or closing punctuation on its
    line, as a note number does (``costs (1)``, ``in 2025 (2)``, ``costs.(1)``), not a
    clause's number (``Article 7(2)``, ``f(1)``) or a list item's at the line start."""
    before = text[line_start:at]
    if before.endswith((" ", "\t")):
        before = before.rstrip(" \t")
        return bool(before) and before[-1] != "("
    return bool(before) and before[-1] in _FLAT_PUNCTUATION


def _parenthesised_label(text: str, start: int, end: int) -> _Label | None:
    """The label of a note listed ``(1) …`` on the line ``text[start:end]``, if it is one."""
    m = _PAREN_LABEL.match(text, start, end)
    if m is None:
        return None
    return _Label(start=m.start(1), indent=m.start(1) - start, text_start=m.end(),
                  label=m[1], token=m[2], notation=NUMBERED, numeral=numerals.read(m[2]),
                  bullet=False)


def _in_turn(found: list[tuple[int, int, str, str, int, bool]], count: int,
             notation: str) -> list[_RawMarker]:
    """The markers among ``found`` (start, end, label, number, line index, and whether it
    may cite a note again) that cite ``count`` notes numbered from 1 in turn: each the next
    note (one more than the highest cited so far) or, where it may, one cited already.
    Empty unless they cite at least :data:`_FLAT_COVER` of the notes, and none past the
    last."""
    markers: list[_RawMarker] = []
    highest = 0
    for start, end, label, token, index, again in found:
        value = int(token)
        if value != highest + 1 and not (again and value <= highest):
            continue
        highest = max(highest, value)
        markers.append((start, end, label, token, notation, index, False))
    cited = {int(m[3]) for m in markers}
    if count < 2 or highest > count or len(cited) < max(2, _FLAT_COVER * count):
        return []
    return markers


#: A note at a page foot whose number a conversion glued to its text: ``1World Bank, …``.
_GLUED_LABEL = re.compile(r"[ \t]*([1-9]\d{0,2})(?=[A-ZÀ-ÖØ-ÞА-ЯЁ«\"“‘])")


def _glued_feet(text: str, lines: list[tuple[int, int]], stripped: list[str],
                skipped: set[int]) -> Iterator[tuple[dict[int, _Label], list[_RawMarker]]]:
    """Where nothing was read and there is no notes heading: notes at the page feet of a
    PDF's text layer copied out, their superscript numbers glued to their text
    (``1World Bank, …``) and numbered 1, 2, 3… through the document, with the markers
    flattened into the text that cite them in turn (:func:`_in_turn`)."""
    listed: dict[int, _Label] = {}
    for index, (start, end) in enumerate(lines):
        if index in skipped or not stripped[index]:
            continue
        m = _GLUED_LABEL.match(text, start, end)
        if m is not None and int(m[1]) == len(listed) + 1:
            listed[index] = _Label(start=m.start(1), indent=m.start(1) - start,
                                   text_start=m.end(), label=m[1], token=m[1], notation=FLATTENED,
                                   numeral=numerals.read(m[1]), bullet=False)
    if len(listed) < 2:
        return
    found = _flat_numbers(text, lines, (i for i in range(len(lines)) if i not in listed
                                        and i not in skipped and stripped[i]))
    if markers := _in_turn(found, len(listed), FLATTENED):
        yield listed, markers


#: The note symbols in their order (Chicago's; doubled after the sixth: ``**``, ``††``…).
_SYMBOL_ORDER = "*†‡§‖¶"
_SYMBOL = r"\*{1,3}|†{1,3}|‡{1,3}|§{1,3}|‖{1,3}|¶{1,3}"
#: A symbol closing a word or its punctuation, and then a space, punctuation or the line end.
_SYMBOL_MARKER = re.compile(rf"(?<=[^\W_]|[.,;:!?)\]\"'”’%])({_SYMBOL})(?=[\s.,;:!?)\]\"”’]|$)")
_SYMBOL_LABEL = re.compile(rf"[ \t]*({_SYMBOL})[ \t]+(?=\S)")
_EMPHASIS_OPENS = re.compile(r"(?:^|(?<=\s))\*{1,3}(?=[^\s*])")


def _symbols(text: str, lines: list[tuple[int, int]], stripped: list[str], skipped: set[int]
             ) -> Iterator[tuple[dict[int, _Label], list[_RawMarker]]]:
    """Where nothing was read in a plain text: notes marked with symbols (``rose.*``,
    ``driver,†``) and listed below them, each on a line of its own (``* Transparency …``,
    ``† Galt & Taggart …``). Convincing only if each symbol is listed once, the symbols
    listed are the first of their order (``*``, ``†``, ``‡``…, or ``*``, ``**``, ``***``)
    and each is cited before its note (of three or more, one may be cited nowhere, for the
    checks to report). An asterisk that closes an emphasis (``*very*``) cites nothing, and
    lines that open with one symbol one after the other are a bulleted list."""
    found: list[tuple[int, re.Match[str]]] = []
    listed: dict[int, re.Match[str]] = {}
    for index, (start, end) in enumerate(lines):
        if index in skipped or not stripped[index]:
            continue
        if (m := _SYMBOL_LABEL.match(text, start, end)) is not None:
            listed[index] = m
            continue
        for m in _SYMBOL_MARKER.finditer(text, start, end):
            if m[1][0] != "*" or not _EMPHASIS_OPENS.search(text, start, m.start()):
                found.append((index, m))
    listed = {index: m for index, m in listed.items()  # (not the items of a bulleted list)
              if not any(j in listed and listed[j][1] == m[1] for j in (index - 1, index + 1))}
    tokens = [m[1] for m in listed.values()]
    if not found or len(set(tokens)) != len(tokens):
        return
    stars = all(set(t) == {"*"} for t in tokens)
    numbers = {t: len(t) if stars else _SYMBOL_ORDER.index(t[0]) + 1 + 6 * (len(t) - 1)
               for t in tokens}
    first_cited = {}
    for index, m in found:
        first_cited.setdefault(m[1], index)
    uncited = sum(first_cited.get(m[1], len(lines)) >= index for index, m in listed.items())
    if sorted(numbers.values()) != list(range(1, len(numbers) + 1)) or \
            uncited > (len(listed) > 2) or uncited == len(listed):
        return
    labels = {index: _Label(start=m.start(1), indent=m.start(1) - lines[index][0],
                            text_start=m.end(), label=m[1], token=m[1], notation=SYMBOL,
                            numeral=Numeral(m[1], numbers[m[1]], ARABIC), bullet=False)
              for index, m in listed.items()}
    yield labels, [(m.start(1), m.end(1), m[1], m[1], SYMBOL, index, False)
                   for index, m in found if m[1] in numbers]


def _flattened(text: str, lines: list[tuple[int, int]], stripped: list[str],
               skipped: set[int], section: int) -> list[_RawMarker]:
    """Markers whose superscripts a conversion flattened into the text (a PDF's text layer
    copied out: ``in 2022.1 They``), for the notes numbered from 1 under the notes heading
    at line index ``section``; empty unless they are convincing (:func:`_in_turn`).

    A number glued to the text (:func:`_glued`) may cite a note again only after
    punctuation closing a word."""
    found = _flat_numbers(text, lines, (i for i in range(section) if stripped[i] and
                                        i not in skipped and not _LABEL_RE.match(stripped[i])))
    return _in_turn(found, _numbered_entries(stripped[section + 1:]), FLATTENED)


def _flat_numbers(text: str, lines: list[tuple[int, int]], indexes: Iterable[int]
                  ) -> list[tuple[int, int, str, str, int, bool]]:
    """The numbers glued to the text (:func:`_glued`) on the lines of ``indexes``, for
    :func:`_in_turn`: each may cite a note again if it follows punctuation closing a word."""
    found = []
    for index in indexes:
        start, end = lines[index]
        for m in _FLAT_NUMBER.finditer(text, start, end):
            glued = _glued(text, start, m.start(), m.end(), end)
            if glued is not None:
                found.append((m.start(), m.end(), m[0], m[0], index, glued))
    return found


def _glued(text: str, line_start: int, at: int, after: int, line_end: int) -> bool | None:
    """How the number ``text[at:after]`` is glued to what comes before it: ``True`` after a
    word of two or more letters and punctuation closing it (``weakened.2``), ``False``
    directly after such a word (``sharply1``, not a capitalised abbreviation such as ``CO2``)
    or after a number's full stop or comma with a sentence following (``in 2022.1 They``);
    ``None`` when it is not glued so."""
    punct = at
    while punct > line_start and at - punct < 2 and text[punct - 1] in _FLAT_PUNCTUATION:
        punct -= 1
    word = punct
    while word > line_start and punct - word < _GLUED_REACH and text[word - 1].isalpha():
        word -= 1
    if punct - word >= 2:
        return True if punct < at else (None if text[word:punct].isupper() else False)
    if at - punct == 1 and text[punct] in ".," and punct > line_start and \
            text[punct - 1].isdigit() and _SENTENCE_FOLLOWS.match(text, after, line_end):
        return False
    return None


def _notes_section(stripped: list[str], skipped: set[int],
                   labels: dict[int, _Label]) -> int | None:
    """The index of the heading that opens the notes section ("Notes", "Références"…):
    the last one with note labels after it; ``None`` when there is none."""
    return _last_heading(stripped, skipped, max(labels, default=-1))


def _last_heading(stripped: list[str], skipped: set[int], before: int) -> int | None:
    """The index of the last notes heading above line index ``before``, or ``None``."""
    for i in range(before - 1, -1, -1):
        if _is_notes_heading(stripped, skipped, i):
            return i
    return None


def _is_notes_heading(stripped: list[str], skipped: set[int], i: int) -> bool:
    """Whether line index ``i`` is a notes heading ("Notes", "Références"…)."""
    line = stripped[i]
    return bool(line) and i not in skipped and len(line) < 60 and \
        _HEADING_RE.fullmatch(line) is not None


def _resumes(drafts: list[_Draft], lab: _Label, prev_kind: str, heading: int) -> bool:
    """Whether a weak label under the notes heading (at line index ``heading``) goes on
    with the notes: the first one there, or one numbered on from the last note. After
    other text, a list that starts again ("Annex: 1. … 2. …") is not more notes."""
    if not drafts or drafts[-1].line <= heading + 1 or prev_kind == "note":
        return True
    last = drafts[-1].label.numeral
    return _compatible(last.system, lab.numeral.system) and last.value is not None and \
        last.value < lab.numeral.value <= last.value + 2


def _weak_runs(labels: dict[int, _Label], raw_markers: list[_RawMarker], section: int | None,
               stripped: list[str], skipped: set[int],
               feet: tuple[frozenset[int], set[int]] | None = None, markup: bool = False
               ) -> set[int]:
    """Lines of weak labels forming a numbered run (1, 2, 3…) of notes that markers cite.

    A run of at least three weak labels of one notation, numbered upward by one (repeats
    allowed), whose numbers are at least half cited by a marker, is a run of notes when it
    stands where notes stand: at a page foot, right after the notes heading (a few
    paragraphs may come between), or, in a document without one, as the last such run with
    no marker after it and little text after it (a web page's "most read" list, with
    sections below, is not its notes) — in Markdown or reStructuredText, which have a syntax
    for notes, only if its entries cite as notes do (a year, an address): else it is the
    list of "Open issues" the document ends with. Anywhere else it is a numbered list in
    the body.
    """
    if not any(lab.notation in WEAK_LABELS for lab in labels.values()):
        return set()
    cited: dict[str, set[int]] = {ROMAN: set(), ARABIC: set(), AMBIGUOUS: set()}
    # A marker whose note is typed with a strong label of its notation (^{1} and its note
    # "^{1} …") cites that note, not a numbered list elsewhere.
    strong = {(lab.notation, lab.numeral.value) for lab in labels.values()
              if lab.notation not in WEAK_LABELS}
    # and "[1]" cites the book's "[Footnote 1: …]", not a numbered list in its appendix
    strong.update((BRACKET, value) for notation, value in list(strong) if notation == TAGGED)
    last_marker = -1
    places: dict[tuple[str, int], list[int]] = {}  # the lines citing each number
    for _, _, _, token, notation, line, maybe in raw_markers:
        numeral = numerals.read(token)
        if numeral.value is not None and not numeral.malformed and not maybe and \
                (notation, numeral.value) not in strong:
            cited[numeral.system].add(numeral.value)
            if notation == BRACKET:
                places.setdefault((numeral.system, numeral.value), []).append(line)
            if line not in labels:
                last_marker = max(last_marker, line)
    runs = _numbered_runs(labels)
    # the numbers of the run that opens the notes section: a run at a page foot before it
    # numbered within them is a list in the body, not a second series of the same numbers
    opening = next((r for r in runs if section is not None and r[0][0] > section), [])
    in_section = {(lab.numeral.system, lab.numeral.value) for _, lab in opening}
    approved: set[int] = set()
    final: list[int] = []  # the last cited run with no marker after it
    found: list[int] = []  # the notes headings' lines, found on first use

    def headings(before: int) -> int | None:
        """The last notes heading above line ``before`` (looked for once, not per run)."""
        if not found:
            found.extend(i for i in range(len(stripped))
                         if _is_notes_heading(stripped, skipped, i))
            found.append(len(stripped))  # (so that the list is never empty again)
        k = bisect.bisect_left(found, before)
        return found[k - 1] if k else None
    first_after_section = True  # a later run there is a list after the notes (an annex)

    def close(run: list[tuple[int, _Label]]) -> None:
        nonlocal final, first_after_section
        values = {lab.numeral.value for _, lab in run}
        system = run[0][1].numeral.system
        citing = cited[AMBIGUOUS] | (cited[ARABIC] | cited[ROMAN] if system == AMBIGUOUS
                                     else cited[system])
        lines = [i for i, _ in run]
        if len(run) < 3 or sum(v in citing for v in values) * 2 < len(values):
            if section is not None and lines[0] > section and run[0][1].numeral.value == 1:
                first_after_section = False  # the notes' own short run ("1. … 2. …"): a
                # list after it numbered again ("Appendix A: 1. … 4.") is no more notes (a
                # stray "X." wrapped from an entry above opens no run)
            return
        if section is not None and lines[0] > section:
            if first_after_section and not any(
                    section < j < lines[0] and labels[j].notation not in WEAK_LABELS
                    for j in labels) and \
                    _paragraphs_between(section, lines[0], stripped, skipped) <= _SECTION_LEAD:
                approved.update(lines)
            first_after_section = False
        elif _at_page_foot(lines[-1], stripped, skipped, feet) and not (
                {(system, v) for v in values} <= in_section):
            approved.update(lines)
        elif section is not None and (heading := headings(lines[0])) is not None and \
                lines[0] - heading <= _LEAD_LINES and \
                _paragraphs_between(heading, lines[0], stripped, skipped) <= _SECTION_LEAD:
            approved.update(lines)  # an earlier notes section: References before Notes
        elif section is None and lines[0] > last_marker and _paragraphs_between(
                lines[-1], len(stripped), stripped, skipped) <= _SECTION_TAIL and (
                not markup or _cites_sources([stripped[i] for i in lines])):
            final = lines

    for run in runs:
        close(run)
    cited_lines = sorted({line for lines in places.values() for line in lines})
    for run in _numbered_runs({i: lab for i, lab in labels.items() if lab.notation == BRACKET}):
        if (cited_above := _interleaved(run, places, cited_lines, stripped)) >= 2:
            approved.update(i for i, _ in run[:cited_above])
    return approved.union(final)


def _folios(text: str, stripped: list[str], labels: dict[int, _Label]) -> dict[int, int]:
    """The lines a book's transcription opens with its printed page's number in brackets,
    mid-sentence ("… it is almost / [8] impossible for him, if he…"), and where each number
    starts: a run of at least :data:`_FOLIO_RUN` bracketed numbers counting up a page or two
    at a time, set a page of text apart, most of them in the middle of a sentence."""
    bracketed = {i: lab for i, lab in labels.items() if lab.notation == BRACKET}
    out: dict[int, int] = {}

    def mid_sentence(i: int, lab: _Label) -> bool:
        before = next((stripped[j] for j in range(i - 1, max(i - 4, -1), -1) if stripped[j]),
                      ".")
        return before[-1] not in ".!?:" and not text[lab.text_start:lab.text_start + 1].isupper()

    for run in _numbered_runs(bracketed) if len(bracketed) >= _FOLIO_RUN else ():
        if len(run) < _FOLIO_RUN:
            continue
        gaps = sorted(b - a for (a, _), (b, _) in itertools.pairwise(run))
        going_on = sum(mid_sentence(i, lab) for i, lab in run)
        if gaps[len(gaps) // 2] >= _FOLIO_LINES and going_on * 2 > len(run) and all(
                b.numeral.value - a.numeral.value in (1, 2)
                for (_, a), (_, b) in itertools.pairwise(run)):
            out.update((i, lab.start) for i, lab in run)
    if out:  # the pages between two runs (a chapter's notes broke the count) count on
        last, line = -10, -_FOLIO_LINES
        for i in sorted(bracketed):
            value = bracketed[i].numeral.value
            if i in out or (value - last in (1, 2) and i - line >= _FOLIO_LINES // 2):
                out[i] = bracketed[i].start
                last, line = value, i
    return out


_FOLIO_RUN = 10  # page numbers in a row that show a transcription keeps its printed pages
_FOLIO_LINES = 10  # the lines of text a page holds at least


def _interleaved(run: list[tuple[int, _Label]], places: dict[tuple[str, int], list[int]],
                 cited_lines: list[int], stripped: list[str]) -> int:
    """How many of the labels ``[1] …`` opening ``run`` (``places``: the lines citing each
    number in brackets) are notes set in blocks under the text citing them, as a plain-text
    book sets its footnotes (``[1] …`` under the paragraph or the section citing ``[1]``):
    each block opens a paragraph, and each of its notes is cited between the block before
    it and itself. A block ends where a marker stands (``cited_lines``: the lines citing
    any)."""
    previous = -1  # the last line of the block before
    for k, (i, lab) in enumerate(run):
        if k and _between_lines(cited_lines, run[k - 1][0], i):
            previous = run[k - 1][0]  # a new block
        if (k == 0 or previous == run[k - 1][0]) and (i == 0 or stripped[i - 1]):
            return k  # the block's first note opens no paragraph: a list's next item
        lines = places.get((lab.numeral.system, lab.numeral.value), [])
        if not _between_lines(lines, previous, i):
            return k
    return len(run)


def _between_lines(lines: list[int], first: int, last: int) -> bool:
    """Whether a line of the sorted ``lines`` lies strictly between ``first`` and ``last``."""
    j = bisect.bisect_right(lines, first)
    return j < len(lines) and lines[j] < last


def _numbered_runs(labels: dict[int, _Label]) -> list[list[tuple[int, _Label]]]:
    """The weak labels in runs of one notation numbered upward by one (repeats allowed),
    in the order of the lines. A label of another notation does not break a run (a wrapped
    reference's "1 (2016)." between "[14]" and "[15]")."""
    runs: list[list[tuple[int, _Label]]] = []
    open_runs: dict[str, list[tuple[int, _Label]]] = {}  # the last run of each notation
    for i in sorted(labels):
        lab = labels[i]
        if lab.notation not in WEAK_LABELS:
            continue
        run = open_runs.get(lab.notation)
        if run:
            last = run[-1][1]
            if last.numeral.value + (lab.notation == BRACKET) <= lab.numeral.value \
                    <= last.numeral.value + 2:  # "1. 1. 1." is a lazy list; "[25] [25]" is not
                run.append((i, lab))
                continue
        open_runs[lab.notation] = [(i, lab)]
        runs.append(open_runs[lab.notation])
    return runs


_SECTION_LEAD = 5  # paragraphs a notes section may open with before its first note
_LEAD_LINES = 200  # and the lines it may take (a bound on the paragraphs counted)
_SECTION_TAIL = 12  # paragraphs after the last of unheaded notes (its own, a trailer)


def _paragraphs_between(first: int, last: int, stripped: list[str], skipped: set[int]) -> int:
    """The paragraphs between lines ``first`` and ``last`` (indexes, both excluded): a run
    of labels far below the notes heading, after pages of text, is a list of the body."""
    return sum(1 for j in range(first + 1, last)
               if stripped[j] and j not in skipped and (j == first + 1 or not stripped[j - 1]))


def _at_page_foot(i: int, stripped: list[str], skipped: set[int],
                  feet: tuple[frozenset[int], set[int]] | None = None) -> bool:
    """Whether the paragraph of line ``i`` is followed by a page number, a running header
    or footer, or a page break (form feed). In a PDF (``feet``: the lines in the page feet
    the reader found, and the page numbers it left) it stands in a page foot or before a
    page number: a line repeated through the document (a spec's "[Example:") is no page's
    furniture there, since the reader removed those."""
    if feet is not None:
        if i in feet[0]:
            return True
        skipped = feet[1]
    n = len(stripped)
    while i + 1 < n and stripped[i + 1]:
        i += 1  # the rest of the paragraph
    while i + 1 < n and not stripped[i + 1]:
        i += 1
    return i + 1 < n and i + 1 in skipped


def _continuation(text: str, note: _Draft, line: str, gap: int, markers_on_line: int,
                  citing: int = 0) -> bool:
    """Whether ``line`` (stripped) continues ``note`` (e.g. after a page break). A line
    with a marker is the text's, unless its markers cite nothing (``citing``: none but
    brackets glued to a word) and it goes on, lower case, with the sentence the line before
    it left unfinished (``This does`` / ``mean that expressions like 1[1] work.``)."""
    if _TRAILER_RE.match(line) or _HEADING_RE.fullmatch(line):
        return False
    spans = [(s, e) for s, e in note.spans if e > s]
    last_start, last_end = spans[-1] if spans else (0, 0)
    previous = text[last_start:last_end]
    unfinished = bool(previous) and previous[-1] not in _TERMINAL and \
        not _ENDS_WITH_URL.search(previous)  # a note ending in its address is complete
    first = line[0]
    if markers_on_line:
        return gap == 0 and unfinished and first.islower() and not citing
    if gap == 0 or not spans:
        return True  # a line of its paragraph, or the text of a label standing alone
    opens_lower = first.islower() or first.isdigit() or first in "(<[:;,–-"
    citation_like = bool(_CITATION_HINT_RE.search(line)) or len(line) < 120
    return (unfinished or opens_lower) and citation_like


def _outside_notes(raw_markers: list[_RawMarker], drafts: list[_Draft],
                   line_starts: tuple[int, ...]) -> list[_RawMarker]:
    """The raw markers that are neither a note's label nor inside a note's text.

    Each span of a note lies within one line, and no line holds two notes' spans, so a
    marker need only be compared with the span on its own line, if there is one.
    """
    spans: dict[int, tuple[int, int]] = {}  # line index -> span of note text on that line
    for d in drafts:
        spans[d.line - 1] = (d.label.start, d.spans[0][1])  # the label, then its text
        for span in d.spans[1:]:
            spans[bisect.bisect_right(line_starts, span[0]) - 1] = span
    return [marker for marker in raw_markers
            if (span := spans.get(marker[5])) is None or not span[0] <= marker[0] < span[1]]


# --- series -------------------------------------------------------------------------------


def _two_arabic_kinds(raw: list[_RawMarker]) -> bool:
    """Whether the text cites arabic numbers both in brackets ([1]) and otherwise (¹, ^{1})."""
    kinds = {m[4] == BRACKET for m in raw
             if not m[6] and m[4] != MARKDOWN and m[3].isdigit()}
    return len(kinds) == 2


def _name_series(drafts: list[_Draft], native: set[str] = frozenset(),
                 foot: frozenset[int] = frozenset(), split: bool = False) -> dict[str, str]:
    """Give each draft its series; return the map numbering system -> series name.

    Notes are grouped by numbering system (Markdown footnote definitions apart; with
    ``split``, where the text cites arabic numbers in brackets and otherwise, notes typed
    ``[1] …`` apart from the other arabic notes, as :data:`CITED`). Where the
    reader knows the page feet (``foot``: the 1-based lines of notes set there, in a PDF), a
    group most of whose notes stand there is ``footnotes``, the others ``endnotes``.
    Otherwise the group holding most of the document's last block of notes is ``endnotes``;
    the other is ``footnotes``; Markdown definitions are footnotes. In a document whose
    format defines notes of its own (the ``native`` series), the notes typed by hand form the
    other series (endnotes beside Markdown or Word footnotes, footnotes beside Word endnotes).
    """
    names = _series_names(drafts, split)
    if foot and drafts:
        at_foot = Counter(d.system for d in drafts if d.line in foot)
        total = Counter(d.system for d in drafts)
        names = {system: FOOTNOTES if at_foot[system] * 2 > total[system] else ENDNOTES
                 for system in names}
        if list(total) == [ROMAN]:  # one series, in roman: word processors' endnotes, even
            names[ROMAN] = ENDNOTES  # where they print them at page feet ("Word style")
        names[MARKDOWN] = FOOTNOTES
    if native:
        typed = FOOTNOTES if native == {ENDNOTES} else ENDNOTES
        names = {system: FOOTNOTES if system == MARKDOWN else typed for system in names}
    if CITED in names and names[CITED] == names[ARABIC]:
        names[CITED] = FOOTNOTES if names[ARABIC] == ENDNOTES else ENDNOTES
    return names


def _series_names(drafts: list[_Draft], split: bool = False) -> dict[str, str]:
    """The series of each numbering system, as :func:`_name_series` describes."""
    groups: dict[str, list[_Draft]] = {}
    ambiguous = []
    for d in drafts:
        numeral = d.label.numeral
        d.value = numeral.value
        if d.label.notation == MARKDOWN:
            d.system = MARKDOWN
        elif numeral.system == AMBIGUOUS:
            ambiguous.append(d)
            continue
        else:
            d.system = numeral.system
        groups.setdefault(d.system, []).append(d)
    for d in ambiguous:
        d.system = _resolve_ambiguous_note(d, groups)
        groups.setdefault(d.system, []).append(d)
    arabic = groups.get(ARABIC, [])
    if split and len({d.label.notation == BRACKET for d in arabic}) == 2:
        groups[ARABIC] = [d for d in arabic if d.label.notation != BRACKET]
        groups[CITED] = [d for d in arabic if d.label.notation == BRACKET]
        for d in groups[CITED]:
            d.system = CITED
    if not groups:
        return {ROMAN: ENDNOTES, ARABIC: ENDNOTES, MARKDOWN: FOOTNOTES}
    last_block = max(d.block for d in drafts)

    def share_in_last(system: str) -> float:
        members = groups[system]
        return sum(d.block == last_block for d in members) / len(members)

    names: dict[str, str] = {}
    ordered = sorted(groups, key=lambda s: (-share_in_last(s), -len(groups[s])))
    for system in ordered:
        if system == MARKDOWN:
            names[system] = FOOTNOTES
        elif ENDNOTES not in names.values() and share_in_last(system) > 0:
            names[system] = ENDNOTES
        elif FOOTNOTES not in names.values():
            names[system] = FOOTNOTES
        else:
            names[system] = ENDNOTES
    for system in (ROMAN, ARABIC):  # orphan markers of a system with no notes
        names.setdefault(system, names[ordered[0]] if len(groups) == 1 else
                         (FOOTNOTES if ENDNOTES in names.values() else ENDNOTES))
    names.setdefault(MARKDOWN, FOOTNOTES)
    if CITED in names and names[CITED] == names[ARABIC]:
        names[CITED] = FOOTNOTES if names[ARABIC] == ENDNOTES else ENDNOTES
    return names


def _resolve_ambiguous_note(d: _Draft, groups: dict[str, list[_Draft]]) -> str:
    """Decide whether a note labelled ``ⁱ`` is roman i or a superscript 1."""
    def fits(system: str) -> bool:
        members = groups.get(system, [])
        return bool(members) and all(m.value != 1 for m in members)

    same_notation = {s for s, ms in groups.items()
                     if any(m.label.notation == d.label.notation for m in ms)}
    for system in (ARABIC, ROMAN):
        if system in same_notation and fits(system):
            return system
    for system in (ROMAN, ARABIC):
        if fits(system):
            return system
    return ROMAN if ROMAN in groups or ARABIC not in groups else ARABIC


def note_urls(document: Document, spans: tuple[tuple[int, int], ...]) -> tuple[Url, ...]:
    """The URLs written in the given spans of ``document``, with their positions."""
    text = document.text
    position = document.position

    def make_url(start, end, raw, url, problem, repaired, form, outer) -> Url:
        """A :class:`Url` from the fields of a :class:`FoundUrl`, as find_urls passes them."""
        line, column = position(start)
        return Url(url, raw, line, column, start, end, outer, problem, repaired, form)

    urls: list[Url] = []
    for s, e in _lines_run(text, spans):  # a URL may go on on the note's next line
        urls += find_urls(text, s, e, make_url)
    if len(urls) > 1 and any(u.problem == MISSING_SCHEME for u in urls):
        urls = _without_site_names(urls)
    return tuple(urls)


#: The most URLs a text may link to outside its notes (each checked and reported as a note's
#: URL is): as many as the notes a brief may have.
MAX_LINKS = MAX_NOTES


def linked_urls(document: Document, notes: Iterable[Note]) -> tuple[Url, ...]:
    """The URLs a reader can follow outside the notes: the prose's links and addresses, and
    those of a list of works. Not those in code, comments or math (hidden, unless the hidden
    span is a link's destination), nor a site named in the prose without its scheme
    (``www.example.org``), which names a site rather than links to it, nor a scheme alone
    (``https://``), which prose about addresses writes."""
    text = document.text
    notes = tuple(notes)
    spans = sorted(span for note in notes for span in note.spans)
    gaps = []
    at = 0
    for start, end in spans:
        if text.find("/", at, start) != -1:  # every URL linked has one (a label has none)
            gaps.append((at, start))
        at = max(at, end)
    gaps.append((at, len(text)))
    hidden, links = document.hidden, document.links
    cited = {url.start for note in notes for url in note.urls}  # (an address a note refers to)
    linked = tuple(url for url in note_urls(document, gaps)
                   if url.problem != MISSING_SCHEME and EMPTY_HOST not in (url.problem or "")
                   and (not hidden or not within(hidden, url.start) or within(links, url.start))
                   and url.start not in cited)
    if len(linked) > MAX_LINKS:  # a flood of addresses, as no document links to
        raise InputError(f"{_shown(document.path)}: has too many links in its text to audit "
                         f"(more than {MAX_LINKS:,})")
    return linked


def citing(document: Document) -> Callable[[tuple[tuple[int, int], ...]], tuple[Url, ...]]:
    """A function giving the URLs a note whose text is ``spans`` cites: written in it, and
    written elsewhere for the links in it (see ``Document.referred``), each of those once,
    where it is written."""
    referred = document.referred
    if not referred:
        return functools.partial(note_urls, document)
    starts = [link[0] for link, _ in referred]
    found: dict[tuple[int, int], tuple[Url, ...]] = {}  # the URLs at each place referred to

    def cited(spans: tuple[tuple[int, int], ...]) -> tuple[Url, ...]:
        urls = note_urls(document, spans)
        places: dict[tuple[int, int], None] = {}
        for start, end in spans:
            for i in range(bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)):
                (_, link_end), place = referred[i]
                if link_end <= end:
                    places[place] = None
        for place in places:
            if place not in found:
                found[place] = note_urls(document, (place,))
            urls += found[place]
        return urls

    return cited


def _lines_run(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with those that follow one another across one line break (and its
    indentation) made one."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] < s and text.count("\n", out[-1][1], s) == 1 \
                and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_BARE_HOST = re.compile(r"www\d*\.[^\s/]+/?", re.IGNORECASE)


def _without_site_names(urls: list[Url]) -> list[Url]:
    """``urls`` less the site names: a host written without a scheme or a path
    (``www.vice.com``), where the note also links to a page of that host, names the site,
    as a citation gives its container (``"Title" https://www.vice.com/…. www.vice.com.``)."""
    hosts = {_host(u.url) for u in urls if u.problem is None}
    return [u for u in urls
            if not (u.problem == MISSING_SCHEME and _BARE_HOST.fullmatch(u.raw)
                    and _host(u.raw) in hosts)]


def _host(url: str) -> str:
    """The host of ``url`` (scheme optional), lower case, without ``www.``."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].lower()
    return host.split("@")[-1].split(":")[0].removeprefix("www.")


def _build_notes(document: Document, drafts: list[_Draft],
                 series_of: dict[str, str]) -> tuple[Note, ...]:
    """Turn the drafts into :class:`Note` objects, with their URLs."""
    text = document.text
    notes = []
    cited = citing(document)
    for d in drafts:
        lab = d.label
        spans = d.spans
        urls = cited(spans)
        column = lab.start - document.line_starts[d.line - 1] + 1  # the label is on line d.line
        notation = (BULLETED + lab.notation) if lab.bullet else lab.notation
        notes.append(Note(label=lab.label, token=lab.token, number=d.value,
                          series=series_of[d.system], notation=notation, line=d.line,
                          column=column, end_line=d.end_line,
                          text=_rejoined(" ".join(text[s:e].strip() for s, e in spans if e > s),
                                         urls),
                          spans=spans, urls=urls, malformed=lab.numeral.malformed))
    return tuple(notes)


def _rejoined(text: str, urls: Iterable[Url]) -> str:
    """A note's ``text`` with each of its ``urls`` that a hard wrap broke over two lines
    (``…fleeing-`` / ``mobilization``) written whole again."""
    for u in urls:
        if "\n" in u.raw:
            broken = r"\s+".join(map(re.escape, u.raw.split()))
            text = re.sub(broken, lambda m: "".join(m[0].split()), text, count=1)
    return text


def _foot_lines(document: Document) -> frozenset[int]:
    """The 1-based lines of the paragraphs a reader placed at page feet (PDF)."""
    return frozenset(document.position(b.start)[0] for b in document.blocks
                     if b.kind == PAGE_FOOT)


def _resolve_doubtful(raw: list[_RawMarker], drafts: list[_Draft],
                      formatted: bool) -> list[_RawMarker]:
    """The raw markers without the doubtful ones: possible exponents (``2035⁴``, ``)²``,
    ``R²``) and years (``[2019]``) for which no note of that number exists or whose notes
    markers beyond doubt cite (each of them: numbered anew in each chapter, a document may
    have several notes 3), bracketed numbers
    (``[1, 2, 3]``) in a document with no arabic notes typed by hand, and, where a
    superscript is formatting first (``formatted``: a converted file, or notes the format
    defines), typed markers of a numbering system no typed note uses or far past its last
    note (an affiliation's ¹, a transliteration's superscript ``m``): there a superscript is
    a marker only when it resolves, or nearly, to a note. There a caret typed in the text
    (``^ah``, ``^12^``, not a superscript the reader wrote ``^{12}``) is a marker only when
    its note exists."""
    numbered = {d.value for d in drafts if d.system in (ARABIC, AMBIGUOUS, CITED)}
    noted = {(d.system, d.value) for d in drafts}
    # a possible exponent is no marker of a work listed "[1] …", which "[1]" cites: "Ω²"
    raised = {(d.system, d.value) for d in drafts if d.label.notation != BRACKET}
    # nor, where superscripts are formatting, is "[1]" a marker of a note labelled "¹" alone:
    # "Clause 4.2(a)[1]", "coef_[1]" in a PDF whose notes are footnotes
    unraised = {(d.system, d.value) for d in drafts if d.label.notation not in RAISED}
    split = CITED in {d.system for d in drafts}
    # the markers beyond doubt of each number, and the notes of each (numbered anew in
    # each chapter, notes 3 may be three: a doubtful marker may cite one no other cites)
    surely = Counter((_system(m[4], n, split), n.value) for m in raw if not m[6]
                     for n in (numerals.read(m[3]),))
    notes_of = Counter((d.system, d.value) for d in drafts)
    systems = {d.system for d in drafts}
    last = {system: max((d.value or 0 for d in drafts if d.system == system), default=0)
            for system in systems}
    out = []
    for m in raw:
        if m[4] == BRACKET and not numbered:
            continue
        numeral = numerals.read(m[3])
        system = _system(m[4], numeral, split)
        keys = {(system, numeral.value), (AMBIGUOUS, numeral.value)}  # the notes it may cite
        key = (system, numeral.value)
        if m[6] and ((key in surely and surely[key] >= notes_of[key]) or
                     keys.isdisjoint(noted if m[4] == BRACKET else raised)):
            continue
        if formatted and m[4] in (CARET, PANDOC) and not m[2].startswith("^{") and (
                numeral.malformed or keys.isdisjoint(noted)):
            continue  # a caret typed in the text ("elo^ah"), not a superscript: its note
            # must exist
        if formatted and m[4] == BRACKET and not keys.isdisjoint(noted) and \
                keys.isdisjoint(unraised):
            continue
        if formatted and numeral.value == 0 and keys.isdisjoint(noted):
            continue  # a raised 0 (a chart's axis, a temperature): no note is numbered 0
        if m[4] == MARKDOWN and MARKDOWN not in systems and (formatted or not m[3].isdigit()):
            continue  # "[^#x20]" in a Word file or a web page is no footnote syntax, nor, in
            # a text defining no footnote, a regular expression's "[^abc]", "[^0-9]"
        if formatted and m[4] != MARKDOWN and (
                not _typed_in(system, systems)
                or (numeral.value or 0) > _PAST_LAST + max(
                    (last.get(s, 0) for s in (system, AMBIGUOUS)), default=0)):
            continue
        out.append(m)
    return out


def _system(notation: str, numeral: Numeral, split: bool) -> str:
    """The numbering system of a marker: :data:`CITED` for ``[1]`` where the works cited so
    are a series apart (``split``)."""
    return CITED if split and notation == BRACKET and numeral.system == ARABIC else \
        numeral.system


def _anchored(drafts: list[_Draft], raw: list[_RawMarker]) -> list[_Draft]:
    """The drafts without those of a numbering system that no marker uses and whose
    numbering does not start at one: in a Word file, a PDF or a web page a superscript
    ``³``, ``C`` or ``⁰`` opening a line, cited nowhere, is formatting (a unit, a symbol),
    not the third note of a series whose first two were never written."""
    used = {numerals.read(m[3]).system for m in raw}
    if AMBIGUOUS in used:
        return drafts
    first: dict[str, int] = {}
    for d in drafts:
        numeral = d.label.numeral
        if d.label.notation != MARKDOWN and numeral.value is not None:
            first[numeral.system] = min(first.get(numeral.system, numeral.value), numeral.value)
    lost = {system for system, value in first.items()
            if value != 1 and system not in used and system != AMBIGUOUS}
    return [d for d in drafts if d.label.notation == MARKDOWN
            or d.label.numeral.system not in lost] if lost else drafts


_PAST_LAST = 10  # how far past its series' last note a marker may point and still count


def _typed_in(system: str, systems: set[str]) -> bool:
    """Whether notes typed in ``systems`` can be cited by a marker of ``system``."""
    if system == AMBIGUOUS:
        return bool(systems & {ROMAN, ARABIC, AMBIGUOUS})
    return bool(systems & {system, AMBIGUOUS})


def _build_markers(document: Document, raw: list[_RawMarker], series_of: dict[str, str],
                   names: dict[str, int]):
    """Turn raw marker tuples into :class:`Marker` objects with their series."""
    read = [_read(token, notation, names) for _, _, _, token, notation, _, _ in raw]
    line_starts = document.line_starts
    for i, (start, _end, label, token, notation, index, _) in enumerate(raw):
        numeral = read[i]
        if numeral.value is None and not numeral.malformed:
            continue
        if notation == MARKDOWN:
            system = MARKDOWN
        elif numeral.system == AMBIGUOUS:
            system = _resolve_ambiguous_marker(i, raw, read, series_of)
        else:
            system = _system(notation, numeral, CITED in series_of)
        yield Marker(label=label, token=token, number=numeral.value, series=series_of[system],
                     notation=notation, line=index + 1, column=start - line_starts[index] + 1,
                     offset=start, malformed=numeral.malformed)


def _resolve_ambiguous_marker(i: int, raw, read, series_of: dict[str, str]) -> str:
    """Decide whether a marker ``ⁱ`` is roman i or a superscript 1, from its neighbours.

    The nearest unambiguous marker in the same notation decides; ties go to roman, since a
    lone ``ⁱ`` is the roman one in most briefs.
    """
    notation = raw[i][4]
    for j in _nearest(i, len(raw), _NEIGHBOURS):
        if raw[j][4] == notation and read[j].system in (ROMAN, ARABIC):
            return read[j].system
    return ROMAN


_NEIGHBOURS = 11  # markers looked at on either side, nearest first, for an ambiguous one


def _nearest(i: int, count: int, most: int) -> Iterator[int]:
    """The indexes nearest ``i`` in ``range(count)``, without ``i``, the nearer first and the
    earlier of two as near: ``i-1, i+1, i-2, i+2…``, ``most`` of them at most."""
    given = 0
    for distance in range(1, count):
        for j in (i - distance, i + distance):
            if 0 <= j < count:
                yield j
                given += 1
                if given == most:
                    return
