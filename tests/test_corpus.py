"""The acceptance corpus: small documents whose notes, markers and findings are known exactly.

Each document in ``tests/corpus/`` has a truth file beside it (``name.truth.json``) saying
which notes and markers a correct reading of its structure finds, series by series and in
document order, and which findings of severity warning or error an offline audit gives. The
truth says what is right, not what footcheck printed when the document was written: lists,
code, formulas and long labels must not give phantom notes or markers. See
``tests/corpus/README.md`` for the format and how to add a document.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from footcheck.model import SERIES, Report, Severity
from footcheck.pipeline import audit

CORPUS = Path(__file__).resolve().parent / "corpus"
TRUTH_SUFFIX = ".truth.json"
TRUTHS = sorted(CORPUS.glob(f"*{TRUTH_SUFFIX}"))
DOCUMENTS = sorted(p for p in CORPUS.iterdir()
                   if p.is_file() and not p.name.endswith(TRUTH_SUFFIX) and p.name != "README.md")
KEYS = {"about", "notes", "markers", "findings"}
NO_NOTES = "FC108"


def document_for(truth: Path) -> Path:
    """The document a truth file describes: ``name.truth.json`` describes ``name.<ext>``."""
    name = truth.name[: -len(TRUTH_SUFFIX)]
    found = [p for p in DOCUMENTS if p.name.rsplit(".", 1)[0] == name]
    assert len(found) == 1, f"{truth.name} describes {len(found)} documents: {found}"
    return found[0]


def load_truth(truth: Path) -> dict:
    return json.loads(truth.read_text(encoding="utf-8"))


def _tokens(items, series: str) -> list[str]:
    return [item.token for item in items if item.series == series]


def _lines(items, series: str) -> list[int]:
    return [item.line for item in items if item.series == series]


def _findings(report: Report) -> list[list]:
    return sorted([f.code, f.line] for f in report.findings if f.severity >= Severity.WARNING)


def _multiset_difference(a: list[list], b: list[list]) -> list[list]:
    """The items of ``a`` not matched by an item of ``b`` (with repeats)."""
    left = Counter(map(tuple, a))
    left.subtract(Counter(map(tuple, b)))
    return sorted([list(item) for item, n in left.items() for _ in range(max(n, 0))])


def compare(truth: dict, report: Report) -> list[str]:
    """Every way ``report`` differs from ``truth``, one readable line each."""
    problems = []
    for what, items in (("notes", report.notes), ("markers", report.markers)):
        for series in SERIES:
            expected = truth[what].get(series, [])
            got = _tokens(items, series)
            if got != expected:
                problems.append(f"{series} {what}: expected {expected}, got {got} "
                                f"(at lines {_lines(items, series)})")
    got = _findings(report)
    expected = sorted(truth["findings"])
    if got != expected:
        missing = _multiset_difference(expected, got)
        if missing:
            problems.append(f"findings missing: {missing}")
        unexpected = Counter(map(tuple, _multiset_difference(got, expected)))
        for f in sorted(report.findings, key=lambda f: (f.line, f.code)):
            if unexpected[f.code, f.line] > 0:
                unexpected[f.code, f.line] -= 1
                problems.append(f"unexpected finding {f.code} at line {f.line}: {f.message}")
    return problems


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name[: -len(TRUTH_SUFFIX)])
def test_document_reads_as_its_truth_says(truth_path: Path) -> None:
    truth = load_truth(truth_path)
    document = document_for(truth_path)
    try:
        report = audit(document)  # offline: the library never touches the network unasked
    except Exception as exc:  # a crash is a failure of this document, reported as one
        pytest.fail(f"{document.name}: audit raised {type(exc).__name__}: {exc}")
    problems = compare(truth, report)
    if problems:
        pytest.fail(f"{document.name}: {truth['about']}\n  " + "\n  ".join(problems),
                    pytrace=False)


# --- the corpus itself -----------------------------------------------------------------------


def test_every_document_has_a_truth_and_every_truth_a_document() -> None:
    described = sorted(document_for(t) for t in TRUTHS)
    assert described == DOCUMENTS, sorted(set(DOCUMENTS) ^ set(described))


def test_corpus_is_large_enough_and_has_clean_controls() -> None:
    truths = [load_truth(t) for t in TRUTHS]
    assert len(truths) >= 45
    assert sum(not t["findings"] for t in truths) >= 20
    assert {d.suffix for d in DOCUMENTS} == {".md", ".txt", ".rst"}


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name[: -len(TRUTH_SUFFIX)])
def test_truth_file_is_well_formed(truth_path: Path) -> None:
    truth = load_truth(truth_path)
    assert set(truth) == KEYS
    assert isinstance(truth["about"], str) and truth["about"].strip()
    for what in ("notes", "markers"):
        assert set(truth[what]) <= set(SERIES), f"unknown series in {what}"
        for series, tokens in truth[what].items():
            assert tokens, f"empty {what} series {series!r}: omit it instead"
            assert all(isinstance(t, str) and t for t in tokens)
    findings = truth["findings"]
    assert findings == sorted(findings)
    for finding in findings:
        code, line = finding
        assert isinstance(code, str) and code.startswith("FC") and len(code) == 5
        assert isinstance(line, int) and line >= 1
    # Nothing is expected empty except findings: a document without notes must say so,
    # unless it cites by author and year from a list of works (its "about" says so).
    if not truth["notes"]:
        assert [NO_NOTES, 1] in findings or "author-date" in truth["about"], \
            "a document without notes expects FC108 on line 1"
    else:
        assert truth["markers"], "a document with notes lists its markers"
    lines = len(document_for(truth_path).read_text(encoding="utf-8").splitlines())
    assert all(line <= lines for _, line in findings)
