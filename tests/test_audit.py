"""The audit as a library call: what it leaves behind in the interpreter."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from footcheck.pipeline import audit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "references" / "relokanty-brief.txt"
FIXTURES = ROOT / "tests" / "fixtures"

DOCUMENTS = [SAMPLE, *sorted(FIXTURES.iterdir())]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_an_audit_leaves_no_reference_cycles(path):
    # The audit pauses the cyclic collector while it works, which is sound only while
    # nothing it builds refers to itself in a cycle: then there is nothing for it to find.
    audit(path)  # warm caches and lazy imports
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        audit(path)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        audit(SAMPLE)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
