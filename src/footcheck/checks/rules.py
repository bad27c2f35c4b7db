"""The one table of footcheck's rules.

Every rule has a stable code, a kebab-case kind, a default severity and a doc in three parts:
what it finds, why it matters, an example. Codes are never reused: a retired rule stays in the
table with ``removed=True``. Families: FC1xx structure, FC2xx content, FC3xx URLs,
FC4xx references, FC5xx links checked online.

Each rule has one home: the check functions that build its findings carry ``@emits(kind, …)``,
and :func:`emitters` names them, all in one module per rule.

Messages are written as compilers and linters write theirs: lower case at the start (unless a
name, an acronym or a quotation opens them), clauses joined by ``;``, no full stop at the end:
``no endnote LV for marker ^{LV}; the note at line 271, numbered LIV, is probably it``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ..model import Finding, Severity

_Check = TypeVar("_Check", bound=Callable[..., object])

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: notice (info)


@dataclass(frozen=True)
class Rule:
    """One rule: its identity, default severity and documentation."""

    code: str
    kind: str
    severity: Severity
    summary: str
    why: str
    example: str
    removed: bool = False

    def finding(self, message: str, line: int, column: int = 1, *, series: str | None = None,
                number: int | None = None, suggestion: str | None = None) -> Finding:
        """Build a finding of this rule."""
        return Finding(code=self.code, kind=self.kind, severity=self.severity, message=message,
                       line=line, column=column, series=series, number=number,
                       suggestion=suggestion)


RULES: tuple[Rule, ...] = (
    # --- structure -----------------------------------------------------------------------
    Rule("FC101", "duplicate-note", E,
         "Two notes of one series carry the same number.",
         "Readers following a marker land on the wrong source, and one number is missing.",
         "Notes numbered XCV twice, where the first stands where XCIV should be."),
    Rule("FC102", "missing-note", E,
         "A marker in the text points at a note that does not exist.",
         "The claim the marker supports has no visible source.",
         "The text cites ^{LV} but the notes jump from LIV to LVI."),
    Rule("FC103", "uncited-note", W,
         "A note that no marker in the text points at (a series of more than five notes "
         "with no marker at all: one finding, naming how many).",
         "Either a marker was lost in editing or the note is left over from a draft.",
         "Note LXIX exists, but the text goes from ^{LXVIII} to ^{LXX}."),
    Rule("FC104", "duplicate-marker", E,
         "A superscript marker number used twice in a series that numbers each citation anew.",
         "One of the two markers is mistyped, so a note goes uncited and a claim is "
         "attributed to the wrong source.",
         "^{xxvi} appears before ^{xxv} and again after it; the first should be ^{xxiv}."),
    Rule("FC105", "out-of-order", W,
         "Markers or notes whose numbers break the ascending sequence (works cited [n] from "
         "a list sorted by author may be cited in any order).",
         "Out-of-sequence numbers usually mean a mistyped or moved note.",
         "… ^{xxiii} … ^{xxvi} … ^{xxv} … ^{xxvi}: the first ^{xxvi} is out of order."),
    Rule("FC106", "malformed-number", E,
         "A note number that is not a valid numeral, such as L1, XIIII or 1O.",
         "A malformed number cannot be matched reliably and looks careless in print.",
         "^{L1} where LI is meant (a digit 1 typed for the letter I)."),
    Rule("FC107", "inconsistent-style", W,
         "The notation or the letter case of the numbers changes within one series.",
         "Mixed styles show a document assembled from several drafts; a typesetter "
         "needs one style.",
         "Notes I–XXIV in upper case, then xxv–xlvi in lower case."),
    Rule("FC108", "no-notes", W,
         "The document contains no notes and no markers at all (a text citing by author "
         "and year, with its list of works under References or Bibliography, or by links "
         "to its sources, is not reported).",
         "A brief without sources is usually a conversion that lost them.",
         "A .txt export in which the endnotes were dropped."),
    Rule("FC109", "unread-notes", W,
         "Notes or citations written in a form footcheck does not read: another tool's "
         "syntax ([@key], \\footnote{…}, footnote:[…]) or a notes section in which no "
         "note could be read.",
         "Their sources go unchecked: a clean report would hide that they were not read.",
         "## Notes followed by unnumbered paragraphs; pandoc citations [@smith2020, p. 4]."),
    Rule("FC112", "unclosed-code", E,
         "A Markdown code block opened with ``` and never closed, with footnote "
         "definitions after it (footcheck reads them as their author meant).",
         "Everything after the fence prints as code: the notes vanish from the page and "
         "their markers point nowhere.",
         "A fence typed for inline code over two lines (```rdf:type```) shifts every later "
         "fence, and the last one runs to the end, over the footnotes."),
    # --- content -------------------------------------------------------------------------
    Rule("FC110", "unlisted-citation", W,
         "An author-date citation in the text, (Smith, 2020) or Smith (2020), whose author "
         "and year no entry of the document's list of works gives (checked when most of the "
         "text's citations name an entry, so that the list is known to be read). A citation "
         "may run over a line break; an organisation cited first with its abbreviation, "
         "(Asian Development Bank [ADB], 2022), is known by it after: (ADB, 2022); authors "
         "joined by ';' as ABNT joins them, (Souza; Medeiros, 2017), are one citation. An "
         "entry's year is its imprint's (Brasília: INEP, 2001.), not a year in its title.",
         "A reader cannot find the work; the entry was left out or the year is wrong.",
         "(Petrov, 2020) in a text whose References list no Petrov."),
    Rule("FC111", "uncited-work", W,
         "A work the list of works gives whose author the text names nowhere: no "
         "author-date citation names it and no word of the text or its notes is its first "
         "author's (checked when most of the text's citations name an entry, and only under "
         "References or Works cited: a Bibliography may list works consulted).",
         "Every work listed should be cited: the citation was lost in editing, or the entry "
         "is left over from a draft.",
         "References list Gogua, L. (2021), but the text never mentions Gogua."),
    Rule("FC201", "placeholder", E,
         "A placeholder left where a source should be: 'get source here', TK, TODO, "
         "[source?], 'citation needed'.",
         "The claim has no source, and the placeholder would be printed.",
         "LXXXVII get source here"),
    Rule("FC202", "editorial-comment", W,
         "A query or note to self left in a note: 'need more info on this?', "
         "'(figures here …)', 'check this'.",
         "Comments meant for the author or editor would be printed with the note.",
         "… <https://example.org/> - no date. need more info on this?"),
    Rule("FC203", "incomplete-reference", W,
         "A note that gives no way to identify the source beyond a bare URL, an author and a "
         "year alone (World Bank (2021).), or nothing at all (a provision cited by its number, "
         "'Article 52(1) of the Charter', is enough).",
         "Readers cannot judge a source from an address alone, and dead links leave "
         "nothing to find.",
         "^{XV} <https://iwpr.net/global-voices/new-wave-russians-head-georgia>"),
    Rule("FC204", "formatting", N,
         "Unbalanced quotes or brackets, or stray punctuation at the start of a note.",
         "Small slips that a copy editor would fix before print.",
         "^{xxxiii} : Barseghyan, Arshaluys. …"),
    Rule("FC205", "mixed-script", E,
         "A word that mixes Latin letters with Cyrillic or Greek look-alikes (homoglyphs).",
         "The word looks right but does not match searches or catalogues; it is usually "
         "a keyboard-layout slip.",
         "'otкрыli', where к, р and ы are Cyrillic."),
    # --- URLs ----------------------------------------------------------------------------
    Rule("FC301", "malformed-url", E,
         "A URL that cannot work as written: unclosed <, spaces, a scheme doubled or "
         "misspelt, invalid host.",
         "Readers and link checkers cannot follow it.",
         "<https://https://example.org/report"),
    Rule("FC302", "search-url", E,
         "A search-engine results page cited as a source.",
         "A search result is not a source; its content changes and is personal.",
         "https://www.google.com/search?q=2023-04-06&…"),
    Rule("FC303", "empty-link", W,
         "A link whose target is empty or only '#'.",
         "The link text promises a source that the link does not deliver.",
         "[National Bank of Georgia](#)"),
    Rule("FC304", "tracking-url", N,
         "A URL carrying tracking or session data: #:~:text= fragments, utm_* or click ids, "
         "search-session parameters.",
         "Such URLs are long, leak where the author came from, and may stop working.",
         "https://example.org/a?utm_source=newsletter"),
    Rule("FC305", "insecure-url", N,
         "A URL using plain http://.",
         "Most sites serve https today; an http link may be redirected or blocked by browsers.",
         "<http://liberatedschool.tilda.ws>"),
    Rule("FC306", "schemeless-url", W,
         "A web address written without its scheme: www.example.org/report.",
         "A browser guesses the rest, but PDF converters, link checkers and reference "
         "managers do not make it a link, and most citation styles want the full address.",
         "www.bbs.gov.bd"),
    Rule("FC307", "wrapped-url", W,
         "A link rewritten by an e-mail filter or a social network's exit page (Outlook Safe "
         "Links, Proofpoint, Mimecast, Facebook, VK…) cited instead of the address it leads to.",
         "The wrapper can expire or be blocked, hides the source from readers, and a "
         "rewritten e-mail link may carry the recipient's address.",
         "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org…"),
    # --- references ----------------------------------------------------------------------
    Rule("FC401", "variant-citation", W,
         "The same work cited with a different author spelling, title or date in another note.",
         "Inconsistent citations of one work confuse readers and produce duplicate "
         "bibliography entries.",
         "'Inozemstev, V.' in one note and 'Inozemtsev, V.' in another, same URL."),
    Rule("FC402", "date-mismatch", W,
         "The date a note gives disagrees with the date in the URL path or on the page.",
         "One of the two is wrong; readers searching by date will not find the piece.",
         "'5 December' for a URL under /2022/12/04/."),
    Rule("FC403", "publisher-mismatch", W,
         "The outlet a note names is not the site its URL points to.",
         "Either the outlet or the URL is wrong, and the citation misattributes the work.",
         "'*Eurasianet*' for a URL on rferl.org."),
    Rule("FC404", "repeated-note", N,
         "A note identical to the note before it.",
         "An editor may prefer 'Ibid.' or a single note.",
         "Notes LXX and LXXI both cite Schenk (2023) word for word."),
    Rule("FC405", "unparsed-reference", N,
         "A source whose author, title or date could not be identified. A note that only "
         "explains (sentences of prose, an author's biography, 'Emphasis added.') cites "
         "nothing and is not read as a source.",
         "The bibliography entry for it will be incomplete.",
         "A note holding only an organisation name and a URL."),
    # --- links checked online --------------------------------------------------------------
    Rule("FC501", "dead-link", E,
         "A URL that answers 404/410, or whose host does not exist while the network works.",
         "Readers cannot reach the source; an archived copy may still exist.",
         "https://example.org/removed-report -> 404"),
    Rule("FC502", "redirected", W,
         "A URL permanently redirected (301/308) to another working page.",
         "The cited address may stop working; cite the new one.",
         "http://old.example.org/a -> https://example.org/a"),
    Rule("FC503", "soft-404", E,
         "A page that answers 200 but is a 'not found', error or home-page substitute.",
         "The link looks alive but the source is gone.",
         "A removed article that now shows the site's home page."),
    Rule("FC504", "blocked", N,
         "A URL that could not be verified: 401/403/429/451, a bot wall, login or paywall.",
         "The link is probably fine, but a person should check it once.",
         "https://www.nytimes.com/… -> 403"),
    Rule("FC505", "timeout", W,
         "A URL whose server did not answer in time.",
         "The server may be slow or down; check again later.",
         "https://slow.example.org/ -> no answer in 10 s"),
    Rule("FC506", "unreachable", W,
         "A URL whose connection failed (TLS error, connection refused or reset).",
         "The site may be down or misconfigured.",
         "https://expired-cert.example.org/"),
    Rule("FC507", "server-error", W,
         "A URL that answers 5xx after a retry.",
         "The site is broken now; the source may be unavailable to readers.",
         "https://example.org/a -> 503"),
    Rule("FC508", "title-mismatch", W,
         "The page's title does not match the title the note cites.",
         "The URL may point at a different article than the one named.",
         "Note cites 'The price of Russian migration', page title is 'Subscribe'."),
    Rule("FC509", "links-unverified", N,
         "Links were not verified because the network was unavailable.",
         "Nothing is known about the links; run the audit again online.",
         "No DNS: every host failed to resolve."),
)

BY_KIND: dict[str, Rule] = {r.kind: r for r in RULES if not r.removed}
BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}


def rule(kind: str) -> Rule:
    """Return the active rule with the given kind name."""
    return BY_KIND[kind]


#: Rule code -> the functions that build its findings, in the order they were declared.
_EMITTERS: dict[str, list[Callable[..., object]]] = {}


def emits(*kinds: str) -> Callable[[_Check], _Check]:
    """Declare that the decorated function builds findings of the rules ``kinds``.

    The function itself is returned unchanged; it gets an ``emits`` attribute with its kinds,
    and each rule records it for :func:`emitters`. An unknown or removed kind fails at import.
    """
    rules_ = [rule(kind) for kind in kinds]

    def mark(function: _Check) -> _Check:
        function.emits = kinds  # type: ignore[attr-defined]
        for rule_ in rules_:
            _EMITTERS.setdefault(rule_.code, []).append(function)
        return function

    return mark


def emitters(code: str) -> tuple[Callable[..., object], ...]:
    """The functions that build findings of the rule ``code`` (none for a removed rule).

    Every check module is imported first, so that all of them have declared their rules.
    """
    from . import content, links, references, structure, urls  # noqa: F401

    return tuple(_EMITTERS.get(code, ()))


def selected(rule_: Rule, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> bool:
    """Whether ``--select``/``--ignore`` (code prefixes or kind names) keep this rule.

    An empty ``select`` selects everything; ``ignore`` wins over ``select``.
    """

    def matches(patterns: tuple[str, ...]) -> bool:
        return any(rule_.code.startswith(p.upper()) or rule_.kind == p.lower() for p in patterns)

    if ignore and matches(ignore):
        return False
    return not select or matches(select)
