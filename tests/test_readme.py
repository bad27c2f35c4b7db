"""The README's rule table and exit codes match the code."""

import re
from pathlib import Path

from footcheck.checks.rules import RULES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_rule_table_lists_every_rule_with_its_kind_and_severity():
    rows = re.findall(r"^\| (FC\d{3}) \| `([a-z0-9-]+)` \| (\w+) \|", README, re.MULTILINE)
    documented = {code: (kind, severity) for code, kind, severity in rows}
    actual = {r.code: (r.kind, str(r.severity)) for r in RULES if not r.removed}
    assert len(rows) == len(actual)  # each rule once
    assert documented == actual


def test_exit_codes_documented():
    from footcheck import cli

    table = dict(re.findall(r"^\| (\d) \| ([^|]+)\|", README, re.MULTILINE))
    assert {int(c) for c in table} == {cli.EXIT_OK, cli.EXIT_FINDINGS, cli.EXIT_USAGE,
                                       cli.EXIT_IO, cli.EXIT_BUG}
