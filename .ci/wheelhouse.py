"""Make a local package index (a folder of wheels) from the environment this runs in.

    python .ci/wheelhouse.py DEST

Repacks, as wheels in DEST, the installed distributions that footcheck needs to run (the
dependencies pyproject.toml lists, and theirs; extras left out), plus setuptools (and wheel,
when installed) to build footcheck. With ``pip install --no-index --find-links DEST`` pip
then installs footcheck's dependencies without the network: the tests of the built wheel
and of the pre-commit hook use it so that they run offline, on exactly the versions CI
installed.

A wheel is rebuilt from the files its RECORD lists inside site-packages (scripts, which pip
makes again from entry_points.txt, and byte code are left out) and its own metadata, with a
new RECORD. A distribution installed without a WHEEL file (an egg) cannot be repacked: the
script stops, naming it.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import zipfile
from importlib import metadata
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from packaging.markers import default_environment
from packaging.requirements import Requirement

_SKIPPED_INFO = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(requirements: list[str]) -> list[metadata.Distribution]:
    """The installed distributions that ``requirements`` need, theirs included."""
    environment = {**default_environment(), "extra": ""}
    seen: dict[str, metadata.Distribution] = {}
    todo = list(requirements)
    while todo:
        requirement = Requirement(todo.pop())
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = _name(requirement.name)
        if name in seen:
            continue
        try:
            seen[name] = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is not installed") from None
        todo.extend(seen[name].requires or ())
    return list(seen.values())


def dependencies() -> list[str]:
    """footcheck's requirements, as its pyproject.toml lists them."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(
        b"=").decode("ascii")


def repack(dist: metadata.Distribution, dest: Path) -> Path:
    """Write the installed ``dist`` as a wheel in ``dest``; return its path."""
    files = [f for f in dist.files or () if not str(f).startswith("..")
             and "__pycache__" not in f.parts]
    info = next((f.parts[0] for f in files if f.parts[0].endswith(".dist-info")
                 and f.name == "METADATA"), None)
    if info is None:
        raise SystemExit(f"{dist.metadata['Name']}: no .dist-info metadata to repack")
    wheel_file = dist.read_text("WHEEL")
    if not wheel_file:
        raise SystemExit(f"{dist.metadata['Name']}: installed without a WHEEL file")
    tags = [line.split(":", 1)[1].strip() for line in wheel_file.splitlines()
            if line.startswith("Tag:")]
    parts = [sorted({t.split("-")[i] for t in tags}) for i in range(3)]
    tag = "-".join(".".join(p) for p in parts)
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = dest / f"{name}-{dist.version}-{tag}.whl"
    record = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for f in files:
            if f.parts[0] == info and f.name in _SKIPPED_INFO:
                continue
            path = Path(dist.locate_file(f))
            if not path.is_file():
                continue
            data = path.read_bytes()
            arcname = f.as_posix()
            archive.writestr(arcname, data)
            record.append(f"{arcname},{_digest(data)},{len(data)}")
        record.append(f"{info}/RECORD,,")
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return target


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    dest = Path(argv[0])
    dest.mkdir(parents=True, exist_ok=True)
    builders = []
    for name in ("setuptools", "wheel"):  # wheel: only for setuptools before 70.1
        try:
            builders.append(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            if name == "setuptools":
                raise SystemExit("setuptools is not installed: it builds footcheck") from None
    for dist in [*closure(dependencies()), *builders]:
        repack(dist, dest)


if __name__ == "__main__":
    main(sys.argv[1:])
