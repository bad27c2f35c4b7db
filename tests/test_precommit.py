"""footcheck as a pre-commit hook, run by pre-commit itself against a scratch repository.

The hook is ``language: python``: pre-commit clones footcheck's repository and installs it
with pip in an environment of its own. The tests stay offline: pip gets no index, only a
local folder of footcheck's dependencies repacked from this environment (see
``.ci/wheelhouse.py``), which holds no footcheck, and no footcheck is on the PATH; so the
footcheck that runs can only be the one pre-commit installed from the clone.

The clone is of a temporary git repository holding a copy of the working tree, committed,
so that what is tested is the code as it is now, committed or not.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import need, require
from test_wheel import copy_source, make_wheelhouse, offline_pip_env

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
README = (ROOT / "README.md").read_text(encoding="utf-8")

GIT_IDENTITY = ["-c", "user.name=footcheck tests", "-c", "user.email=tests@example.org",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]
BAD = "# Brief\n\nA claim.[^1] Another.[^2]\n\n[^1]: TODO\n\n[^2]: Smith, J. *A report*. 2023.\n"
GOOD = BAD.replace("TODO", "Jones, K. *Another report*. 2022.")


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run([need("git"), *GIT_IDENTITY, *args], cwd=cwd, check=True,
                            capture_output=True, text=True, timeout=120)
    return result.stdout.strip()


@pytest.fixture(scope="module")
def setting(tmp_path_factory) -> dict:
    """The footcheck repository to install from, an environment for pre-commit, and where
    its store is."""
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        require("pre-commit")
    top = tmp_path_factory.mktemp("precommit")
    repo = copy_source(top / "footcheck")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "footcheck as it is", cwd=repo)
    env = offline_pip_env(make_wheelhouse(tmp_path_factory))
    python_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and Path(p) != Path(python_bin)
                                  and not (Path(p) / "footcheck").exists())
    env.update(PRE_COMMIT_HOME=str(top / "store"), PRE_COMMIT_COLOR="never", NO_COLOR="1",
               VIRTUALENV_OVERRIDE_APP_DATA=str(top / "virtualenv-data"),
               VIRTUALENV_NO_PERIODIC_UPDATE="1", VIRTUALENV_NO_DOWNLOAD="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return {"repo": repo, "rev": git("rev-parse", "HEAD", cwd=repo), "env": env,
            "store": top / "store", "top": top}


def publication(root: Path, files: dict[str, str]) -> Path:
    """A scratch git repository holding ``files``, all staged."""
    root.mkdir()
    git("init", "-q", cwd=root)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=root)
    return root


def pre_commit(setting: dict, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd,
                          env=setting["env"], capture_output=True, text=True, timeout=600)


def test_try_repo_installs_footcheck_from_the_clone_and_runs_it(setting, tmp_path):
    clean = (FIXTURES / "clean-brief.txt").read_text(encoding="utf-8")
    scratch = publication(tmp_path / "pub", {"briefs/bad.md": BAD, "briefs/good.txt": clean})
    result = pre_commit(setting, "try-repo", str(setting["repo"]), "footcheck",
                        "--all-files", cwd=scratch)
    out = result.stdout + result.stderr
    repo = re.search(r"repo: (\S+)", out)
    assert repo is not None and (scratch / repo.group(1)).resolve() == setting["repo"], out
    assert f"rev: {setting['rev']}" in out
    assert "Installing environment for" in out
    assert result.returncode == 1, out  # the placeholder is an error
    assert "footcheck" in out and "Failed" in out
    assert "briefs/bad.md:5:7  FC201" in out and "briefs/good.txt" in out
    assert "Traceback" not in out


def test_the_readme_snippet_runs_the_hook(setting, tmp_path):
    snippet = readme_snippet()
    assert len([line for line in snippet.splitlines()[1:] if line.strip()]) == 3
    config = snippet.replace("https://github.com/footcheck/footcheck", str(setting["repo"]))
    config = re.sub(r"rev: \S+", f"rev: {setting['rev']}", config)
    scratch = publication(tmp_path / "pub", {".pre-commit-config.yaml": config,
                                             "briefs/bad.md": BAD})
    failed = pre_commit(setting, "run", "--all-files", cwd=scratch)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "FC201" in failed.stdout

    # installed by pip from pre-commit's clone of the repository, in its own environment
    installed = list(setting["store"].glob("repo*/py_env-*/lib*/python*/site-packages/"
                                           "footcheck-*.dist-info/direct_url.json"))
    assert len(installed) == 1, installed
    url = json.loads(installed[0].read_text(encoding="utf-8"))["url"]
    assert url.startswith("file://")
    assert Path(url.removeprefix("file://")).parent == setting["store"]

    # fixed, and a draft the configuration excludes: the hook passes
    (scratch / "briefs" / "bad.md").write_text(GOOD, encoding="utf-8")
    (scratch / "drafts").mkdir()
    (scratch / "drafts" / "wip.md").write_text(BAD, encoding="utf-8")
    (scratch / "footcheck.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    git("add", "-A", cwd=scratch)
    passed = pre_commit(setting, "run", "--all-files", cwd=scratch)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def readme_snippet() -> str:
    """The pre-commit configuration the README shows."""
    blocks = re.findall(r"```yaml\n(.*?)```", README, re.S)
    found = [b for b in blocks if "id: footcheck" in b and "repos:" in b]
    assert len(found) == 1, "the README shows one pre-commit configuration"
    return found[0]


def test_the_hook_manifest_is_valid():
    """pre-commit's own validation of .pre-commit-hooks.yaml (no install, no network)."""
    try:
        from pre_commit.clientlib import load_manifest
    except ImportError:
        require("pre-commit")
    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["footcheck"]
    hook = hooks[0]
    assert hook["language"] == "python" and hook["entry"].startswith("footcheck audit")
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f"brief.{s}") for s in ("md", "txt", "rst", "html", "docx", "odt",
                                                     "pdf"))
    assert not pattern.search("script.py")
