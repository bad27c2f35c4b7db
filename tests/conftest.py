"""Shared fixtures: paths to the sample brief and the small scenario files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "references" / "relokanty-brief.txt"


@pytest.fixture
def fixture_path():
    """Return the path of a named file in tests/fixtures."""
    def get(name: str) -> Path:
        return FIXTURES / name
    return get


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The bundled sample brief."""
    return SAMPLE
