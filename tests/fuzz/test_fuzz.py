"""The fuzz campaign's short run: generated briefs through every reader and every writer.

Each example is a brief drawn by hypothesis (``fuzzdocs``: paragraphs with markers in every
notation, notes with citation-like text, URLs of every shape, every script, control
characters and bidirectional overrides) written as one input format, whole or damaged
(truncated, bytes flipped, a zip member garbled, an unsupported zip version, XML cut or
nested deep, a PDF's objects or streams broken). ``fuzzcheck.check`` reads it, audits it
(offline, or with made-up verdicts for its links) and writes every report and bibliography
format, each validated by a parser of its own kind; the only error allowed is footcheck's
own one line. Deterministic (``derandomize``), no deadline: the time limit is
``benchmarks/fuzz.py``'s, which runs the same checks over a million inputs.
"""

from __future__ import annotations

import fuzzdocs
import pytest
from fuzzcheck import check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SHORT = settings(derandomize=True, deadline=None, max_examples=30, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TINY = settings(SHORT, max_examples=3)


def _no_problems(data: bytes, name: str, **options) -> None:
    outcome = check(data, name, **options)
    assert outcome.problems == [], "\n".join(map(str, outcome.problems))


@pytest.mark.parametrize("kind", list(fuzzdocs.KINDS))
@SHORT
@given(data=st.data())
def test_every_reader_and_writer(kind, data):
    src = fuzzdocs.DrawSource(data)
    blob, name = fuzzdocs.make(src, kind)
    made_up = None
    if src.chance(0.5):
        made_up = lambda url: fuzzdocs.link_fields(src, url)  # noqa: E731
    _no_problems(blob, name, links=made_up, many=src.chance(0.2))


@SHORT
@given(data=st.data())
def test_repeated_pieces(data):
    """One piece repeated, on one line or many: markers, labels, brackets, URLs."""
    src = fuzzdocs.DrawSource(data)
    blob, name = fuzzdocs.repeated(src, size=src.choice((200, 2000)))
    _no_problems(blob, name)


@SHORT
@given(data=st.data(), kind=st.sampled_from(["docx", "odt"]))
def test_damaged_containers(data, kind):
    """Every generated Word and OpenDocument file, damaged at the zip level."""
    src = fuzzdocs.DrawSource(data)
    b = fuzzdocs.brief(src)
    if kind == "docx":
        archive = fuzzdocs.zip_bytes(src, dict(fuzzdocs.docx_parts(src, b)))
    else:
        archive = fuzzdocs.zip_bytes(src, dict(fuzzdocs.odt_parts(src, b)),
                                     stored_first="mimetype")
    _no_problems(fuzzdocs.damage_zip(src, archive), f"brief.{kind}")


@SHORT
@given(data=st.data())
def test_damaged_pdfs(data):
    src = fuzzdocs.DrawSource(data)
    pdf = fuzzdocs.pdf_bytes(src, fuzzdocs.brief(src))
    _no_problems(fuzzdocs.damage_pdf(src, pdf), "brief.pdf")


@SHORT
@given(blob=st.binary(max_size=3000),
       suffix=st.sampled_from([*fuzzdocs.KINDS.values(), ".docm", ".htm", "", ".unknown"]))
def test_any_bytes_under_any_name(blob, suffix):
    """Bytes that are no format at all, under every name footcheck reads."""
    _no_problems(blob, f"brief{suffix}")


@SHORT
@given(text=st.text(max_size=400), suffix=st.sampled_from([".txt", ".md", ".rst", ".html"]))
def test_any_text(text, suffix):
    """Any Unicode text (lone surrogates aside, which no file holds) as every text format."""
    _no_problems(text.encode("utf-8", "replace"), f"brief{suffix}")


@pytest.mark.parametrize("kind", list(fuzzdocs.KINDS))
@TINY
@given(data=st.data())
def test_the_command_line(kind, data, tmp_path_factory):
    """The command line on generated briefs: exit 0 or 1 with valid JSON, JSON Lines, BibTeX
    and CSL-JSON, or 3 with one line on stderr."""
    from fuzzcheck import check_cli

    blob, name = fuzzdocs.make(fuzzdocs.DrawSource(data), kind)
    problems = check_cli(blob, name, str(tmp_path_factory.mktemp("cli")))
    assert problems == [], "\n".join(map(str, problems))
