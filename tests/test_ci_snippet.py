"""The GitHub Actions workflow the README shows: its shape, and its footcheck steps run on a
scratch folder of briefs (offline), each writing what the next step reads."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "references" / "relokanty-brief.txt"


def workflow() -> dict:
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if "runs-on:" in b]
    assert len(blocks) == 1, "the README shows one GitHub Actions workflow"
    return yaml.safe_load(blocks[0])


def test_the_workflow_has_the_steps_code_scanning_needs():
    job = workflow()["jobs"]["audit"]
    assert job["permissions"]["security-events"] == "write"
    uses = [step.get("uses", "") for step in job["steps"]]
    assert uses[0].startswith("actions/checkout@")
    upload = job["steps"][-1]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"] == "always()"
    sarif = upload["with"]["sarif_file"]
    assert any(sarif in step.get("run", "") for step in job["steps"])


def test_the_workflow_steps_run(tmp_path):
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "sample.txt").write_bytes(SAMPLE.read_bytes())
    steps = [step["run"] for step in workflow()["jobs"]["audit"]["steps"]
             if step.get("run", "").startswith("footcheck ")]
    assert len(steps) == 2
    results = []
    for command in steps:
        args = shlex.split(command)[1:]
        if "--offline" not in args:
            args.append("--offline")  # tests never touch the internet
        results.append(subprocess.run([sys.executable, "-m", "footcheck", *args], cwd=tmp_path,
                                      capture_output=True, text=True, timeout=300))
    annotations, upload = results
    assert annotations.returncode == 1  # the sample has errors: the job fails on them
    assert re.search(r"^::error file=briefs/sample\.txt,line=\d+", annotations.stdout, re.M)
    assert upload.returncode == 0, upload.stderr  # --fail-on never: the upload step runs
    log = json.loads((tmp_path / "footcheck.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
