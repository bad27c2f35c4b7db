"""A wheel that works: the sdist and the wheel built from it, installed in a fresh virtual
environment with no source tree in sight, audit the sample and export its sources.

Offline: the build uses the build backend already installed (``--no-isolation``) and the
fresh environment gets footcheck's dependencies from a local index that ``.ci/wheelhouse.py``
repacks from this environment (``pip --no-index``), so no package is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import require

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "references" / "relokanty-brief.txt"
BIN = "Scripts" if os.name == "nt" else "bin"

#: Files the installed package must hold (package data), relative to the package.
PACKAGE_DATA = ("outlets.tsv", "citations/model.crfsuite", "formats/report.css",
                "formats/report.js", "formats/audit.schema.json")


def offline_pip_env(wheelhouse: Path) -> dict[str, str]:
    """The environment for pip with no index but ``wheelhouse``, and no configuration file
    or PIP_* variable of this machine's."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse), PIP_CONFIG_FILE=os.devnull,
               PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def make_wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local index of footcheck's dependencies, made once per test session."""
    path = tmp_path_factory.getbasetemp() / "wheelhouse"
    if not (path / ".complete").exists():
        subprocess.run([sys.executable, str(ROOT / ".ci" / "wheelhouse.py"), str(path)],
                       check=True, timeout=300)
        (path / ".complete").touch()
    return path


def copy_source(dest: Path) -> Path:
    """A copy of what building footcheck needs (pyproject.toml, README.md, src/), so that a
    build writes nothing into the working tree."""
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "src", dest / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(wheel, sdist, the fresh environment's folder of scripts)."""
    try:
        import build  # noqa: F401
    except ImportError:
        require("build (the test extra)")
    top = tmp_path_factory.mktemp("wheel")
    source = copy_source(top / "source")
    dist = top / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist),
                    str(source)], check=True, capture_output=True, text=True, timeout=300,
                   cwd=top)
    wheel = next(dist.glob("footcheck-*.whl"))
    sdist = next(dist.glob("footcheck-*.tar.gz"))
    venv = top / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / BIN / ("python.exe" if os.name == "nt" else "python")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        env=offline_pip_env(make_wheelhouse(tmp_path_factory)), capture_output=True,
        text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    return wheel, sdist, venv / BIN


def run(scripts: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["NO_COLOR"] = "1"
    return subprocess.run([str(scripts / args[0]), *args[1:]], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_the_wheel_holds_the_package_data(installed):
    wheel, sdist, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in PACKAGE_DATA:
        assert f"footcheck/{name}" in names, name
    assert not any(n.startswith(("tests/", "src/")) for n in names)
    assert sdist.stat().st_size > 0


def test_the_installed_wheel_audits_the_sample(installed, tmp_path):
    _, _, scripts = installed
    shutil.copy(SAMPLE, tmp_path / "brief.txt")
    where = run(scripts, "python", "-c", "import footcheck; print(footcheck.__file__)",
                cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(scripts.parent), where.stdout
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)
    result = run(scripts, "footcheck", "audit", "brief.txt", "--offline", "-f", "json",
                 cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the sample has errors
    data = json.loads(result.stdout)
    assert data["summary"]["notes"]["endnotes"] == 97
    assert {f["code"] for f in data["findings"]} >= {"FC101", "FC201"}
    html = run(scripts, "footcheck", "audit", "brief.txt", "--offline", "-f", "html", "-o",
               "brief.html", cwd=tmp_path)
    assert html.returncode == 1, html.stderr
    page = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert "<style>" in page and "<script>" in page  # report.css and report.js inlined


def test_the_installed_wheel_exports_bibtex(installed, tmp_path):
    _, _, scripts = installed
    shutil.copy(SAMPLE, tmp_path / "brief.txt")
    result = run(scripts, "footcheck", "bib", "brief.txt", "-o", "refs.bib", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import bibtexparser

    library = bibtexparser.parse_string((tmp_path / "refs.bib").read_text(encoding="utf-8"))
    assert len(library.entries) == 72 and not library.failed_blocks


def test_the_installed_package_finds_its_data(installed, tmp_path):
    _, _, scripts = installed
    code = ("from importlib.resources import files\n"
            f"for name in {PACKAGE_DATA!r}:\n"
            "    assert files('footcheck').joinpath(name).is_file(), name\n"
            "print('ok')\n")
    result = run(scripts, "python", "-c", code, cwd=tmp_path)
    assert result.stdout.strip() == "ok", result.stderr
