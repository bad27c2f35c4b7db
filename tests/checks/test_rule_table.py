"""Every live rule of the table, with an input that makes it fire and a close one that does not.

Each row of :data:`CASES` gives a rule code two small documents: ``fires``, in which the rule
must report something, and ``clean``, the same document with the slip mended, in which it must
stay silent. Other rules may fire in either (a duplicated note also leaves a marker without its
note); only the row's own rule is asserted. Rules judged online are fed verdicts as a mapping of
URL to :class:`LinkResult`, so nothing goes to the network. A rule added to the table without a
row here fails :func:`test_every_live_rule_has_a_row`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from footcheck import checks
from footcheck.checks.rules import RULES
from footcheck.model import Document, LinkResult
from footcheck.pipeline import audit, load
from footcheck.readers import structure

ROMAN = ("I", "II", "III", "IV", "V")

SMITH = ("Smith, Jane (2023). 'Rents in the capital double,' *Daily Post*, 13 March 2023. "
         "<https://dailypost.example.org/2023/03/13/rents>")
JONES = ("Jones, Ali (2021). 'Wages fall again,' *Weekly Times*, 2 May 2021. "
         "<https://weeklytimes.example.org/wages>")
BROWN = "Brown, Lee (2020). *A history of rents*. London: Verso."
PAGE = "https://dailypost.example.org/2023/03/13/rents"


#: A text citing by author and date, with its list of works.
AUTHOR_DATE = ("Rents doubled (Smith, 2023). Wages fell (Jones & Kim, 2021), as Lee (2022) "
               "found.\n\nReferences\n\n"
               "Jones, A., & Kim, B. (2021). Wages fall again. *Weekly Times*.\n"
               "Lee, C. (2022). *Labour markets*. Verso.\n"
               "Smith, J. (2023). Rents in the capital. *Daily Post*.\n")


def brief(*notes: str, markers: tuple[str, ...] = (), labels: tuple[str, ...] = ()) -> str:
    """A plain-text brief: one claim per marker, then a Notes section with one note per line.

    Markers and labels default to ``^{I}``, ``^{II}``, … one per note.
    """
    markers = markers or ROMAN[:len(notes)]
    labels = labels or ROMAN[:len(notes)]
    body = " ".join(f"Claim {i}.^{{{m}}}" for i, m in enumerate(markers, start=1))
    lines = "\n".join(f"^{{{label}}} {note}" for label, note in zip(labels, notes, strict=True))
    return f"{body}\n\nNotes\n\n{lines}\n"


def markdown(note: str, body: str = "Claim one.[^1]") -> str:
    """A Markdown brief: ``body`` and one footnote."""
    return f"{body}\n\n[^1]: {note}\n"


def verdict(verdict: str, **fields: object) -> dict[str, LinkResult]:
    """Link verdicts: ``PAGE`` (the URL :data:`SMITH` cites) found to be ``verdict``."""
    return {PAGE: LinkResult(url=PAGE, verdict=verdict, **fields)}


ALIVE = verdict("alive", http_status=200, title="Rents in the capital double | Daily Post",
                published="2023-03-13T09:00:00Z")


@dataclass(frozen=True)
class Case:
    """A rule's two inputs: one where it fires, one close to it where it stays silent."""

    fires: str
    clean: str
    path: str = "brief.txt"
    links: Mapping[str, LinkResult] | None = None  # verdicts for ``fires``
    clean_links: Mapping[str, LinkResult] | None = None  # verdicts for ``clean``


def link_case(fires: Mapping[str, LinkResult], clean: Mapping[str, LinkResult] = ALIVE) -> Case:
    """A rule judged online: one brief citing :data:`PAGE`, with two sets of verdicts."""
    return Case(brief(SMITH), brief(SMITH), links=fires, clean_links=clean)


CASES: dict[str, Case] = {
    # --- structure ---------------------------------------------------------------------
    "FC101": Case(brief(SMITH, JONES, BROWN, labels=("I", "II", "II")),
                  brief(SMITH, JONES, BROWN)),
    "FC102": Case(brief(SMITH, JONES, markers=("I", "II", "III")),
                  brief(SMITH, JONES, BROWN, markers=("I", "II", "III"))),
    "FC103": Case(brief(SMITH, JONES, BROWN, markers=("I", "II")),
                  brief(SMITH, JONES, markers=("I", "II"))),
    "FC104": Case(brief(SMITH, JONES, BROWN, markers=("I", "II", "II")),
                  brief(SMITH, JONES, BROWN, markers=("I", "II", "III"))),
    "FC105": Case(brief(SMITH, JONES, BROWN, markers=("I", "III", "II")),
                  brief(SMITH, JONES, BROWN, markers=("I", "II", "III"))),
    "FC106": Case(brief(SMITH, JONES, BROWN, labels=("I", "II", "I1")),
                  brief(SMITH, JONES, BROWN, labels=("I", "II", "III"))),
    "FC107": Case(brief(SMITH, JONES, BROWN, markers=("I", "II", "iii"),
                        labels=("I", "II", "iii")),
                  brief(SMITH, JONES, BROWN)),
    "FC108": Case("Rents in the capital doubled last year.\n",
                  "Rents in the capital doubled last year.^{I}\n\nNotes\n\n^{I} " + SMITH + "\n"),
    "FC109": Case(markdown(SMITH, "Claim one.[^1] Claim two [@jones2021, p. 4]."),
                  markdown(SMITH, "Claim one.[^1] Claim two (Jones 2021, p. 4)."),
                  path="brief.md"),
    "FC110": Case(AUTHOR_DATE.replace("Lee (2022)", "Lee (2021)"), AUTHOR_DATE),
    "FC111": Case(AUTHOR_DATE + "Gogua, L. (2021). *Cities*. Ilia State University.\n",
                  AUTHOR_DATE),
    "FC112": Case(markdown(SMITH, "Claim one.[^1] Its class is\n```rdf:type\nowl:Class.```"),
                  markdown(SMITH, "Claim one.[^1] Its class is\n`rdf:type\nowl:Class.`"),
                  path="brief.md"),
    # --- content -----------------------------------------------------------------------
    "FC201": Case(brief(SMITH, "get source here"), brief(SMITH, JONES)),
    "FC202": Case(brief(SMITH + " need more info on this?"), brief(SMITH)),
    "FC203": Case(brief("<https://iwpr.net/global-voices/new-wave-russians-head-georgia>"),
                  brief("IWPR (2023). 'New wave of Russians head to Georgia,' 4 May 2023. "
                        "<https://iwpr.net/global-voices/new-wave-russians-head-georgia>")),
    "FC204": Case(brief(": " + SMITH), brief(SMITH)),
    "FC205": Case(brief("Petrov, Ivan (2022). 'Granitsy otкрыli,' *Novaya Gazeta*, 4 June 2022."),
                  brief("Petrov, Ivan (2022). 'Granitsy otkryli,' *Novaya Gazeta*, 4 June 2022.")),
    # --- URLs --------------------------------------------------------------------------
    "FC301": Case(brief(SMITH.replace("<https://", "<https://https://")), brief(SMITH)),
    "FC302": Case(brief("Smith, Jane (2023). 'Rents in the capital double,' 13 March 2023. "
                        "<https://www.google.com/search?q=rents+in+the+capital+double>"),
                  brief(SMITH)),
    "FC303": Case(markdown(SMITH, "Claim one.[^1] See [Daily Post](#)."),
                  markdown(SMITH, "Claim one.[^1] See [Daily Post](https://dailypost.example.org/)."),
                  path="brief.md"),
    "FC304": Case(brief(SMITH.replace("/rents>", "/rents?utm_source=newsletter>")), brief(SMITH)),
    "FC305": Case(brief(SMITH.replace("<https://", "<http://")), brief(SMITH)),
    "FC306": Case(brief(SMITH.replace("<https://", "www.").replace("/rents>", "/rents")),
                  brief(SMITH.replace("<https://", "<https://www."))),
    "FC307": Case(brief(SMITH.replace(
        "<https://dailypost.example.org/2023/03/13/rents>",
        "<https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdailypost.example.org"
        "%2F2023%2F03%2F13%2Frents&data=05%7C01%7Cjane%40institute.org>")), brief(SMITH)),
    # --- references --------------------------------------------------------------------
    "FC401": Case(brief(SMITH, SMITH.replace("Smith, Jane", "Smyth, Jane")),
                  brief(SMITH, SMITH.replace("13 March 2023.", "13 March 2023, p. 2."))),
    "FC402": Case(brief(SMITH.replace("13 March", "14 March")), brief(SMITH)),
    "FC403": Case(brief("Barseghyan, Arshaluys (2023). 'Russians in Armenia,' *Eurasianet*, "
                        "5 May 2023. <https://www.rferl.org/a/russians-armenia/32400000.html>"),
                  brief("Barseghyan, Arshaluys (2023). 'Russians in Armenia,' *Eurasianet*, "
                        "5 May 2023. <https://eurasianet.org/russians-in-armenia>")),
    "FC404": Case(brief(SMITH, SMITH), brief(SMITH, JONES)),
    "FC405": Case(brief("Ministry of Finance. <https://minfin.example.org/report-2023>"),
                  brief("Ministry of Finance (2023). 'Annual report 2023.' "
                        "<https://minfin.example.org/report-2023>")),
    # --- links checked online ----------------------------------------------------------
    "FC501": link_case(verdict("dead", http_status=404)),
    "FC502": link_case(verdict("redirected", http_status=301,
                               final_url="https://dailypost.example.org/news/rents"),
                       verdict("redirected", http_status=301,
                               final_url="https://www.dailypost.example.org/2023/03/13/rents/")),
    "FC503": link_case(verdict("soft-404", http_status=200)),
    "FC504": link_case(verdict("blocked", http_status=403)),
    "FC505": link_case(verdict("timeout")),
    "FC506": link_case(verdict("unreachable", detail="TLS error")),
    "FC507": link_case(verdict("server-error", http_status=503)),
    "FC508": link_case(verdict("alive", http_status=200, title="Subscribe")),
    "FC509": link_case(verdict("unverified", detail="network unavailable")),
}

#: date-mismatch as the links family finds it: the page's date against the note's.
PAGE_DATE = link_case(verdict("alive", http_status=200, published="2023-03-20T09:00:00Z"))

LIVE = [r.code for r in RULES if not r.removed]


def codes(text: str, path: str, links: Mapping[str, LinkResult] | None) -> set[str]:
    """The codes of the findings of a document named ``path``, with the given verdicts if any."""
    document = structure(Document.from_text(text, path=path))  # as read from a file
    if links is None:
        return {f.code for f in audit(document).findings}
    return {f.code for f in checks.run(load(document), links=links)}


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_rule_fires(code: str) -> None:
    case = CASES[code]
    assert code in codes(case.fires, case.path, case.links)


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_rule_stays_silent_on_the_mended_input(code: str) -> None:
    case = CASES[code]
    assert code not in codes(case.clean, case.path, case.clean_links)


def messages(case: Case) -> list[str]:
    document = Document.from_text(case.fires, path=case.path)
    findings = audit(document).findings if case.links is None else \
        checks.run(load(document), links=case.links)
    return [f.message for f in findings]


@pytest.mark.parametrize("code", sorted(CASES))
def test_messages_are_written_in_one_style(code: str) -> None:
    """Lower case at the start, no full stop at the end (see :mod:`footcheck.checks.rules`)."""
    for message in messages(CASES[code]):
        assert not message.endswith(".") or message.endswith(("...", "…")), message
        first = message.split()[0]
        assert not (first[0].isupper() and first[1:].islower() and
                    first.lower() in {"the", "a", "an", "this", "no", "link", "url", "quote",
                                      "placeholder", "editorial", "closing", "doubled"}), message


def test_a_page_dated_otherwise_than_its_note_is_a_date_mismatch() -> None:
    assert "FC402" in codes(PAGE_DATE.fires, PAGE_DATE.path, PAGE_DATE.links)
    assert "FC402" not in codes(PAGE_DATE.clean, PAGE_DATE.path, PAGE_DATE.clean_links)


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_every_live_rule_has_a_row(code: str) -> None:
    live = code in LIVE
    assert (code in CASES) is live, (
        f"{code} has no row in CASES: give it an input that fires and one that does not"
        if live else f"{code} is removed: it needs no row")


def test_no_row_for_an_unknown_rule() -> None:
    assert set(CASES) <= set(LIVE)
