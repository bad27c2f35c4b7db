"""Checks: each family module yields findings; ``run`` chains them and applies selection.

Families: ``structure`` (markers against notes), ``content`` (what a note says), ``urls``
(how its URLs are written), ``references`` (one work cited consistently). Each module exposes
``check(extraction) -> Iterator[Finding]``; ``links`` (what checking the URLs online found)
also takes the link verdicts, when the audit has them. Which functions build the findings of
each rule, all in one module, is declared with :func:`rules.emits` (see :func:`rules.emitters`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from ..model import Extraction, Finding, LinkResult
from . import content, references, structure, urls
from .rules import BY_CODE, RULES, selected

#: Each family, the function that runs it, and the code prefixes of the rules it emits.
FAMILIES: dict[str, tuple[Callable[..., Iterator[Finding]], tuple[str, ...]]] = {
    "structure": (structure.check, ("FC1",)),
    "content": (content.check, ("FC2",)),
    "urls": (urls.check, ("FC3",)),
    "references": (references.check, ("FC4",)),
}
#: The codes the links family reports: its own, and date-mismatch for a page's date (built by
#: :func:`references.page_date_mismatch`, the rule's one home).
_LINK_CODES = ("FC5", "FC402")


def run(extraction: Extraction, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
        families: Iterable[str] = tuple(FAMILIES),
        links: Mapping[str, LinkResult] | None = None,
        placeholder_words: Iterable[str] = ()) -> list[Finding]:
    """Run the check families over an extraction; return the kept findings in order.

    A family none of whose rules ``select``/``ignore`` keep is not run at all. ``links``
    (URL -> verdict) adds the ``links`` family's findings; ``placeholder_words`` are the
    house style's own words for a missing source (content).
    """
    select, ignore = tuple(select), tuple(ignore)
    options = {"content": {"placeholder_words": tuple(placeholder_words)}}
    found: list[Finding] = []
    for family in families:
        check, prefixes = FAMILIES[family]
        if _wanted(prefixes, select, ignore):
            found.extend(check(extraction, **options.get(family, {})))
    if links and _wanted(_LINK_CODES, select, ignore):
        from . import links as link_checks

        found.extend(link_checks.check(extraction, links))
    found = _placeholders_answer(extraction, found)
    return sort(f for f in found if selected(BY_CODE[f.code], select, ignore))


def _placeholders_answer(extraction: Extraction, found: list[Finding]) -> list[Finding]:
    """``found`` without what a placeholder already says: on a note FC201 reports as a
    placeholder (``get source here``), a source in which nothing could be read (no author,
    no title) is that placeholder, not a second finding of unparsed-reference."""
    held = {(f.series, f.number) for f in found if f.code == "FC201"}
    if not held:
        return found
    unread = {(n.series, n.number) for n in extraction.notes if (n.series, n.number) in held
              and n.references and all(not (r.authors or r.title) for r in n.references)}
    return [f for f in found if not (f.code == "FC405" and (f.series, f.number) in unread)]


def _wanted(prefixes: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether a rule emitted under one of ``prefixes`` is kept by the selection."""
    return any(r.code.startswith(prefixes) and selected(r, select, ignore) for r in RULES)


def sort(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in document order, then by code."""
    return sorted(findings, key=lambda f: (f.line, f.column, f.code, f.message))
