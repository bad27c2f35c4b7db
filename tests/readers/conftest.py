"""The sample brief as Word files and PDFs, made once per test session.

The PDFs are written by LibreOffice from the .docx files (tests needing them skip without
it, and fail under CI).
"""

from __future__ import annotations

import pytest
from office import convert
from sample_docx import typed_docx, word_docx


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory) -> dict[str, bytes]:
    """``typed.docx``/``word.docx`` (see sample_docx.py); ``typed.pdf``/``word.pdf`` on use."""
    return {"typed.docx": typed_docx(), "word.docx": word_docx()}


@pytest.fixture(scope="session")
def sample_pdfs(sample_files, tmp_path_factory) -> dict[str, bytes]:
    """The two sample .docx files saved as PDF by LibreOffice."""
    return convert(sample_files, tmp_path_factory.mktemp("sample-pdf"))
