"""Field accuracy of the reference parser on hand-checked notes of the sample brief."""

from __future__ import annotations

import json
from pathlib import Path

from footcheck.references import parse

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold-references.json"
FIELDS = ("authors", "year", "title", "container", "date", "urls")
TARGET = 0.97  # the bar for the sample's hand-checked notes


def _value(reference: object, field: str) -> object:
    value = getattr(reference, field)
    return list(value) if isinstance(value, tuple) else value


def _score() -> tuple[dict[str, list[int]], list[str]]:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    per_field = {f: [0, 0] for f in FIELDS}  # correct, total
    misses: list[str] = []
    for note in data["notes"]:
        got = parse(note["text"])
        for i, expected in enumerate(note["references"]):
            reference = got[i] if i < len(got) else None
            for field in FIELDS:
                per_field[field][1] += 1
                actual = _value(reference, field) if reference is not None else None
                if actual == expected[field]:
                    per_field[field][0] += 1
                else:
                    misses.append(f"{note['label']}[{i}].{field}: {actual!r} != "
                                  f"{expected[field]!r}")
        if len(got) != len(note["references"]):
            misses.append(f"{note['label']}: {len(got)} references, expected "
                          f"{len(note['references'])}")
    return per_field, misses


def test_gold_file_is_large_enough() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(data["notes"]) >= 30
    labels = {n["label"] for n in data["notes"]}
    assert {"XVI", "XV", "XVII", "xl", "xxxiv", "XLIX", "xxxix"} <= labels


def test_field_accuracy() -> None:
    per_field, misses = _score()
    correct = sum(c for c, _ in per_field.values())
    total = sum(t for _, t in per_field.values())
    report = "\n".join(f"  {f:9} {c}/{t} = {c / t:.1%}" for f, (c, t) in per_field.items())
    assert correct / total >= TARGET, (
        f"field accuracy {correct / total:.1%} < {TARGET:.0%}\n{report}\nmisses:\n  "
        + "\n  ".join(misses))


def test_every_note_yields_the_right_number_of_references() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    counts = {n["label"]: (len(parse(n["text"])), len(n["references"])) for n in data["notes"]}
    assert {k: v for k, v in counts.items() if v[0] != v[1]} == {}


if __name__ == "__main__":  # pragma: no cover - a quick report: python tests/references/…
    fields, missed = _score()
    for name, (c, t) in fields.items():
        print(f"{name:9} {c}/{t} = {c / t:.1%}")
    print("\n".join(missed))
