"""The JSON audit report: the public ``footcheck-audit/1`` contract."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import footcheck
from footcheck.formats import render
from footcheck.formats import render_many as render_formats_many
from footcheck.formats.json import dump, render_many
from footcheck.formats.json import render as render_json
from footcheck.model import (
    ENDNOTES,
    FOOTNOTES,
    Document,
    Finding,
    LinkResult,
    Marker,
    Note,
    Reference,
    Report,
    Severity,
    Suppressed,
    Url,
)

TEXT = (
    "Заявление^{LIV} и ещё^{LV}, see also^{1}.\n"
    "\n"
    "LIV Иноземцев, В. <https://example.org/a> and <https://example.org/a>\n"
    "LV Same source <https://example.org/a> - TK\n"
    "1 Footnote <https://example.org/b>\n"
)


def url(address: str, line: int) -> Url:
    return Url(url=address, raw=f"<{address}>", line=line, column=10)


def sample() -> Report:
    doc = Document.from_text(TEXT, path="brief.md")
    a, b = "https://example.org/a", "https://example.org/b"
    notes = (
        Note("LIV", "LIV", 54, ENDNOTES, "roman", 3, 1, 3, "Иноземцев, В. <a> and <a>",
             urls=(url(a, 3), url(a, 3)),
             references=(Reference(type="article", authors=("Иноземцев, В.",), year=2023,
                                   urls=(a,), raw="Иноземцев, В."),)),
        Note("LV", "LV", 55, ENDNOTES, "roman", 4, 1, 4, "Same source - TK", urls=(url(a, 4),),
             references=(Reference(),)),
        Note("1", "1", None, FOOTNOTES, "arabic", 5, 1, 5, "Footnote", urls=(url(b, 5),)),
    )
    markers = (
        Marker("^{LIV}", "LIV", 54, ENDNOTES, "roman", 1, 10, 9),
        Marker("^{LV}", "LV", 55, ENDNOTES, "roman", 1, 22, 21),
        Marker("^{1}", "1", 1, FOOTNOTES, "arabic", 1, 36, 35),
    )
    findings = (
        Finding("FC201", "placeholder", Severity.ERROR, "Placeholder 'TK'", 4, 40, ENDNOTES, 55,
                suggestion="Replace with a source"),
        Finding("FC305", "insecure-url", Severity.INFO, "http URL", 4, 5, ENDNOTES, 55),
        Finding("FC108", "no-notes", Severity.WARNING, "b before a", 4, 5),
        Finding("FC103", "uncited-note", Severity.WARNING, "Note 1 uncited", 1, 1),
    )
    links = (
        LinkResult(a, "dead", 404, checked_at="2024-05-01T10:00:00Z",
                   archive_url="https://web.archive.org/a"),
        LinkResult(b, "alive", 200, from_cache=True),
        LinkResult("https://example.org/uncited", "redirected", 301,
                   final_url="https://example.org/new"),
    )
    return Report(doc, notes, markers, findings, links)


def data(report: Report | None = None) -> dict:
    return json.loads(render_json(report or sample()))


# --- a tiny structural JSON Schema validator (jsonschema is not a dependency) ---------------
SUPPORTED = {"type", "properties", "required", "items", "enum", "additionalProperties"}
ANNOTATIONS = {"$schema", "$id", "title", "description"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def is_type(value: object, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def validate(value: object, schema: dict, path: str = "$", closed: bool = True) -> list[str]:
    """Errors of ``value`` against ``schema``; ``closed`` treats objects as closed by default."""
    unknown = set(schema) - SUPPORTED - ANNOTATIONS
    assert not unknown, f"{path}: the test validator does not support {sorted(unknown)}"
    if "type" in schema:
        types = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        if not any(is_type(value, t) for t in types):
            return [f"{path}: {value!r} is not of type {types}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{path}: missing {k!r}" for k in schema.get("required", ()) if k not in value]
        extra = schema.get("additionalProperties", not (closed and "properties" in schema))
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], f"{path}.{key}", closed)
            elif extra is False:
                errors.append(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                errors += validate(item, extra, f"{path}.{key}", closed)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{path}[{i}]", closed)
    return errors


@pytest.fixture(scope="module")
def schema() -> dict:
    text = resources.files("footcheck.formats").joinpath("audit.schema.json").read_text("utf-8")
    return json.loads(text)


# --- tests ----------------------------------------------------------------------------------
def test_top_level_keys_in_contract_order() -> None:
    assert list(data()) == [
        "schema", "footcheck", "document", "summary", "notes", "markers", "findings", "links"
    ]


def test_schema_and_version() -> None:
    out = data()
    assert out["schema"] == "footcheck-audit/1"
    assert out["footcheck"] == footcheck.__version__


def test_document_and_summary() -> None:
    out = data()
    assert out["document"] == {"path": "brief.md", "encoding": "utf-8", "lines": 5,
                               "format": "text", "units": "line"}
    assert out["summary"] == {
        "error": 1, "warning": 2, "info": 1,
        "notes": {"endnotes": 2, "footnotes": 1},
        "markers": {"endnotes": 2, "footnotes": 1},
        "findings": 4,
    }
    assert list(out["summary"]) == ["error", "warning", "info", "notes", "markers", "findings"]


def test_summary_lists_both_series_even_when_empty() -> None:
    empty = Report(Document.from_text("Nothing.\n"), (), (), ())
    assert data(empty)["summary"]["notes"] == {"endnotes": 0, "footnotes": 0}
    assert data(empty)["notes"] == data(empty)["links"] == []


def test_notes_in_document_order_with_cleaned_urls_and_references() -> None:
    notes = data()["notes"]
    assert [n["label"] for n in notes] == ["LIV", "LV", "1"]
    first = notes[0]
    assert list(first) == [
        "series", "label", "number", "line", "end_line", "text", "urls", "references"
    ]
    assert first["urls"] == ["https://example.org/a", "https://example.org/a"]
    # None and empty fields are left out; tuples become lists; key order follows the model.
    assert first["references"] == [{
        "type": "article", "authors": ["Иноземцев, В."], "year": 2023,
        "urls": ["https://example.org/a"], "raw": "Иноземцев, В.",
    }]
    assert notes[1]["references"] == [{"type": "misc"}]
    assert notes[2]["references"] == []
    assert notes[2]["number"] is None


def test_markers_shape() -> None:
    markers = data()["markers"]
    assert markers[0] == {
        "series": "endnotes", "label": "^{LIV}", "number": 54, "line": 1, "column": 10
    }
    assert [m["label"] for m in markers] == ["^{LIV}", "^{LV}", "^{1}"]


def test_findings_sorted_with_nulls_present() -> None:
    findings = data()["findings"]
    assert [(f["line"], f["column"], f["code"]) for f in findings] == [
        (1, 1, "FC103"), (4, 5, "FC108"), (4, 5, "FC305"), (4, 40, "FC201")
    ]
    assert list(findings[0]) == [
        "code", "kind", "severity", "series", "number", "line", "column", "message",
        "suggestion", "location",
    ]
    assert findings[2]["location"] == "line 4, column 5"
    doc_wide = findings[1]
    assert doc_wide["series"] is None and doc_wide["number"] is None
    assert doc_wide["suggestion"] is None and "suggestion" in doc_wide
    assert findings[3]["severity"] == "error"
    assert findings[3]["suggestion"] == "Replace with a source"


def test_links_list_the_notes_citing_each_url() -> None:
    links = data()["links"]
    assert [link["url"] for link in links] == [
        "https://example.org/a", "https://example.org/b", "https://example.org/uncited"
    ]
    # Note LIV cites the URL twice but is listed once; document order is kept.
    assert links[0]["notes"] == [
        {"series": "endnotes", "number": 54}, {"series": "endnotes", "number": 55}
    ]
    assert links[1]["notes"] == [{"series": "footnotes", "number": None}]
    assert links[2]["notes"] == []
    assert list(links[0]) == [
        "url", "verdict", "http_status", "final_url", "title", "published", "checked_at",
        "from_cache", "archive_url", "detail", "notes", "text",
    ]
    assert links[0]["title"] is None
    assert links[1]["from_cache"] is True


def test_text_is_utf8_indented_and_ends_with_newline() -> None:
    text = render_json(sample())
    assert "Иноземцев" in text and "\\u" not in text
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "schema": "footcheck-audit/1",\n' in text


def test_render_many_is_a_list_of_audits() -> None:
    text = render_many([sample(), Report(Document.from_text("x\n", path="b.txt"), (), (), ())])
    out = json.loads(text)
    assert isinstance(out, list) and len(out) == 2
    assert [d["document"]["path"] for d in out] == ["brief.md", "b.txt"]
    assert text.endswith("]\n")
    assert json.loads(render_many([])) == []


def test_registry_renders_json() -> None:
    assert render("json", sample()) == render_json(sample())
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render("yaml", sample())


def test_output_validates_against_schema(schema: dict) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    full = sample()
    hidden = replace(full, findings=full.findings[1:],
                     suppressed=(Suppressed(full.findings[0], "baseline"),))
    for report in (full, Report(Document.from_text(""), (), (), ()), hidden):
        assert validate(data(report), schema) == []
    assert data(hidden)["summary"]["suppressed"] == len(data(hidden)["suppressed"]) == 1
    assert "suppressed" not in data(sample())
    assert validate(json.loads(render_many([sample()])), {"type": "array", "items": schema}) == []


def test_validator_catches_contract_breaks(schema: dict) -> None:
    broken = data()
    broken["notes"][0]["number"] = "54"
    del broken["findings"][0]["suggestion"]
    broken["links"][0]["extra"] = 1
    broken["summary"]["notes"]["endnotes"] = None
    errors = validate(broken, schema)
    assert len(errors) == 4, errors
    # The published schema is open (forward compatible); only the test checks it closed.
    assert validate(broken["links"][0], schema["properties"]["links"]["items"], closed=False) == []


def test_docs_describe_every_key(schema: dict) -> None:
    doc = Path(__file__).parents[2] / "docs" / "json-format.md"
    text = doc.read_text("utf-8")
    assert "footcheck-audit/1" in text and "/2" in text

    def keys(node: dict) -> set[str]:
        found = set(node.get("properties", {}))
        children = [*node.get("properties", {}).values()]
        if "items" in node:
            children.append(node["items"])
        for child in children:
            found |= keys(child)
        return found

    missing = sorted(k for k in keys(schema) if not re.search(rf"`{k}`", text))
    assert missing == []


# --- the writer: orjson, byte for byte the standard library's output ---------------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(_JSON_VALUES)
def test_dump_writes_what_the_standard_library_writes(value) -> None:
    assert dump(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_dump_falls_back_for_what_orjson_refuses() -> None:
    for value in ({"a": "\ud800"}, [2**70]):
        assert dump(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_json_lines_escape_every_line_break_inside_strings() -> None:
    note = Note(label="^{i}", token="i", number=1, series=ENDNOTES, notation="caret", line=1,
                column=1, end_line=1, text="a\u2028b\u2029c\x85d")
    report = Report(document=Document.from_text("x\n"), notes=(note,), markers=(), findings=())
    out = render_formats_many("jsonl", [report, report])
    assert len(out.splitlines()) == 2
    assert json.loads(out.splitlines()[0])["notes"][0]["text"] == "a\u2028b\u2029c\x85d"
