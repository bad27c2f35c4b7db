"""Numbering that restarts at 1 in a new notes block: one part per block (structure rules).

A compilation of articles, or a work with endnotes per chapter, numbers the notes of each
block from 1; found as false duplicate-note errors in a Word file holding three articles
(references 1–78 under one, [1]–[10] under another). Duplicates, order and missing notes are
checked within each part; a number repeated within one run still fires.
"""

from __future__ import annotations

from footcheck.checks import structure
from footcheck.extract import extract
from footcheck.model import Document

STRUCTURE = {"duplicate-note", "duplicate-marker", "out-of-order", "missing-note",
             "uncited-note"}


def findings(text: str, kinds: set[str] = STRUCTURE) -> list[tuple[str, int, int | None]]:
    """(kind, line, number) of the structure findings of ``text`` of the given kinds."""
    extraction = extract(Document.from_text(text))
    return [(f.kind, f.line, f.number) for f in structure.check(extraction) if f.kind in kinds]


def chapter(title: str, claims: list[str], notes: list[str]) -> str:
    """A chapter: its heading, one paragraph of claims with their markers, and its notes."""
    body = " ".join(claims)
    listed = "\n".join(notes)
    return f"{title}\n\n{body}\n\nNotes\n\n{listed}\n"


def note(label: str, i: int) -> str:
    return f"{label} Author {i} (2020). 'Title {i},' Outlet. {i} May."


def claims(markers: list[str]) -> list[str]:
    return [f"Claim {i}.{m}" for i, m in enumerate(markers)]


def caret(*numbers: int) -> list[str]:
    return [f"^{{{n}}}" for n in numbers]


def book(*chapters: tuple[list[int], list[int]]) -> str:
    """A book with endnotes per chapter: each chapter's marker and note numbers."""
    parts = ["Housing in Three Cities\n"]
    for k, (markers, notes) in enumerate(chapters, start=1):
        parts.append(chapter(f"Chapter {k}", claims(caret(*markers)),
                             [note(f"^{{{n}}}", 10 * k + j) for j, n in enumerate(notes)]))
    return "\n".join(parts)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line starting with ``needle``."""
    found = [i for i, line in enumerate(text.splitlines(), start=1) if line.startswith(needle)]
    return found[nth - 1]


# --- restarts are silent -----------------------------------------------------------------


def test_endnotes_per_chapter_are_silent() -> None:
    text = book(([1, 2, 3], [1, 2, 3]), ([1, 2], [1, 2]), ([1, 2, 3, 4], [1, 2, 3, 4]))
    assert findings(text) == []


def test_a_compilation_of_articles_in_two_styles_is_silent() -> None:
    first = chapter("Fish and PCBs", claims(["[1]", "[2]", "[3]", "[2]"]),
                    [note(f"{n}.", n) for n in (1, 2, 3)]).replace("Notes", "References")
    second = chapter("Carcinogenicity of PCBs", claims(["[1]", "[2]"]),
                     [note(f"[{n}]", 10 + n) for n in (1, 2)]).replace("Notes", "References")
    text = f"{first}\n{second}"
    assert findings(text, STRUCTURE | {"inconsistent-style"}) == []  # each its house style


def test_a_style_that_changes_within_an_article_still_fires() -> None:
    first = chapter("Fish", claims(["[1]", "[2]", "[3]"]),
                    [note(f"{n}.", n) for n in (1, 2)] + [note("[3]", 3)])
    second = chapter("Soil", claims(["[1]", "[2]"]), [note(f"[{n}]", 10 + n) for n in (1, 2)])
    text = f"{first}\n{second}"
    assert findings(text, {"inconsistent-style"}) == [
        ("inconsistent-style", line_of(text, "[3]"), 3)]


def test_a_chapter_with_a_single_note_starts_a_part() -> None:
    text = book(([1, 2], [1, 2]), ([1], [1]), ([1, 2], [1, 2]))
    assert findings(text) == []


# --- defects within a part still fire ----------------------------------------------------


def test_a_true_duplicate_within_a_chapter_still_fires() -> None:
    text = book(([1, 2, 3], [1, 2, 3]), ([1, 2, 3], [1, 2, 2]))
    second_two = line_of(text, "^{2}", 2 + 1)  # the second chapter's second ^{2} note
    assert findings(text) == [("duplicate-note", second_two, 2), ("missing-note", 15, 3)]


def test_a_duplicate_one_within_a_chapter_still_fires() -> None:
    text = book(([1, 2], [1, 2]), ([1, 2, 3], [1, 1, 2, 3]))
    kinds = [kind for kind, _, _ in findings(text)]
    assert kinds.count("duplicate-note") == 1


def test_missing_and_uncited_notes_are_found_in_their_own_part() -> None:
    text = book(([1, 2], [1, 2, 3]), ([1, 2, 3], [1, 2]))
    assert sorted(findings(text)) == [("missing-note", 15, 3),
                                      ("uncited-note", line_of(text, "^{3}"), 3)]


def test_markers_out_of_order_within_a_chapter_still_fire() -> None:
    text = book(([1, 2, 3], [1, 2, 3]), ([2, 1, 3], [1, 2, 3]))
    assert [(kind, number) for kind, _, number in findings(text)] == [("out-of-order", 2)]


# --- a misnumbered 1 is no restart -------------------------------------------------------


def test_a_one_in_place_of_the_next_number_is_a_duplicate() -> None:
    # Footnotes at the foot of each page, numbered on: the second page's first note, 4,
    # is written 1 and the page's next note is 5.
    text = book(([1, 2, 3], [1, 2, 3]), ([4, 5], [1, 5]))
    kinds = [kind for kind, _, _ in findings(text)]
    assert "duplicate-note" in kinds
    assert ("missing-note", 15, 4) in findings(text)


def test_markers_that_count_on_make_a_last_note_one_a_duplicate() -> None:
    text = book(([1, 2, 3], [1, 2, 3]), ([4], [1]))
    found = findings(text)
    assert ("duplicate-note", line_of(text, "^{1}", 2), 1) in found
    assert ("missing-note", 15, 4) in found


def test_a_page_number_does_not_part_a_notes_list() -> None:
    text = ("Claim one.^{1} Claim two.^{2} Claim three.^{3}\n\nNotes\n\n"
            + "\n".join(note(f"^{{{n}}}", n) for n in (1, 2, 3)) + "\n\n12\n\n"
            + "\n".join(note(f"^{{{n}}}", 10 + n) for n in (1, 2)) + "\n")
    kinds = [kind for kind, _, _ in findings(text)]
    assert kinds.count("duplicate-note") == 2


def test_the_sample_duplicates_still_fire(sample_path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    dup = [(line, number) for kind, line, number in findings(text) if kind == "duplicate-note"]
    assert dup == [(271, 54), (349, 95)]
