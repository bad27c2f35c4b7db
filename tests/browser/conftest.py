"""Fixtures for the browser tests (see chromium.py)."""

from __future__ import annotations

import pytest
from chromium import start_browser, stop_browser


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the tests of a module."""
    driver = start_browser()
    yield driver
    stop_browser(driver)
