"""What every report shows, computed once from a report."""

from __future__ import annotations

from footcheck.formats.view import (
    SEVERITIES,
    ReportView,
    link_groups,
    link_status,
    per_series,
    plural,
    series_counts,
    severity_counts,
    severity_groups,
    verdict_overview,
)
from footcheck.model import (
    ENDNOTES,
    FOOTNOTES,
    Document,
    Finding,
    LinkResult,
    LinkVerdict,
    Marker,
    Note,
    Report,
    Severity,
    Url,
)

A = "https://example.org/a"


def note(token: str, number: int, series: str, line: int, urls: tuple[str, ...] = ()) -> Note:
    return Note(token, token, number, series, "x", line, 1, line, "text",
                urls=tuple(Url(u, u, line, 5) for u in urls))


def marker(token: str, number: int, series: str) -> Marker:
    return Marker(token, token, number, series, "x", 1, 1, 0)


def finding(code: str, severity: Severity, line: int, column: int = 1) -> Finding:
    return Finding(code, "kind", severity, "message", line, column)


def report() -> Report:
    doc = Document.from_text("Body\n\nIV a\nV b\n1 c\n", path="brief.txt")
    notes = (note("IV", 4, ENDNOTES, 3, (A,)), note("V", 5, ENDNOTES, 4, (A,)),
             note("1", 1, FOOTNOTES, 5))
    markers = (marker("1", 1, FOOTNOTES), marker("IV", 4, ENDNOTES))
    findings = (finding("FC305", Severity.INFO, 5), finding("FC101", Severity.ERROR, 4),
                finding("FC102", Severity.ERROR, 3))
    links = (LinkResult(A, LinkVerdict.ALIVE), LinkResult("https://example.org/b", "dead"))
    return Report(doc, notes, markers, findings, links)


def test_plural_is_singular_for_one_only() -> None:
    assert [plural(n, "note") for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]


def test_series_counts_keep_the_order_of_appearance() -> None:
    items = [marker("1", 1, FOOTNOTES), marker("I", 1, ENDNOTES), marker("2", 2, FOOTNOTES)]
    assert list(series_counts(items).items()) == [(FOOTNOTES, 2), (ENDNOTES, 1)]
    assert series_counts([]) == {}


def test_per_series_names_each_series_in_the_singular_or_plural() -> None:
    assert per_series({ENDNOTES: 54, FOOTNOTES: 1}) == "54 endnotes, 1 footnote"
    assert per_series({}) == "none"


def test_severity_counts_list_every_severity_worst_first() -> None:
    assert SEVERITIES == (Severity.ERROR, Severity.WARNING, Severity.INFO)
    assert severity_counts(report()) == ((Severity.ERROR, 2), (Severity.WARNING, 0),
                                         (Severity.INFO, 1))


def test_severity_groups_put_the_worst_first_then_the_document_order() -> None:
    groups = severity_groups(report().findings)
    assert [(g.severity, g.title) for g in groups] == [(Severity.ERROR, "Errors"),
                                                      (Severity.INFO, "Info")]
    assert [f.code for f in groups[0].findings] == ["FC102", "FC101"]
    assert severity_groups(()) == ()


def test_link_groups_put_problems_first_and_alive_last() -> None:
    links = (LinkResult("a", "alive"), LinkResult("b", "timeout"), LinkResult("c", "dead"),
             LinkResult("d", "alive"))
    groups = link_groups(links)
    assert [(g.verdict, [link.url for link in g.links]) for g in groups] == [
        (LinkVerdict.DEAD, ["c"]), (LinkVerdict.TIMEOUT, ["b"]),
        (LinkVerdict.ALIVE, ["a", "d"])]
    assert verdict_overview(groups) == "1 dead, 1 timeout, 2 alive"
    assert verdict_overview(()) == ""


def test_link_status_gives_the_status_and_where_a_link_moved() -> None:
    moved = LinkResult(A, "redirected", 301, final_url="https://example.org/<b>")
    assert link_status(moved, str.upper) == ["301", "→ HTTPS://EXAMPLE.ORG/<B>"]
    assert link_status(LinkResult(A, "alive", 200, final_url=A), str) == ["200"]
    assert link_status(LinkResult(A, "unverified"), str) == []


def test_report_view_holds_what_every_report_shows() -> None:
    view = ReportView.of(report())
    assert view.styles == {ENDNOTES: "roman", FOOTNOTES: "arabic"}
    assert view.counts == severity_counts(view.report)
    assert [g.severity for g in view.findings] == [Severity.ERROR, Severity.INFO]
    assert view.notes == {ENDNOTES: 2, FOOTNOTES: 1}
    assert view.markers == {FOOTNOTES: 1, ENDNOTES: 1}
    assert [g.verdict for g in view.links] == [LinkVerdict.DEAD, LinkVerdict.ALIVE]
    assert [n.token for n in view.citing[A]] == ["IV", "V"]
