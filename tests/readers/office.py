"""LibreOffice (Debian's libreoffice-writer) as a real PDF writer for the tests.

Locally a test that needs it skips when it is not installed; under CI (``CI=true``) it fails
instead, so a missing install step in ``.ci/debian-packages.txt`` is noticed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers import need


def convert(sources: dict[str, bytes], folder: Path, target: str = "pdf",
            infilter: str | None = None) -> dict[str, bytes]:
    """Convert files (name -> bytes) with ``soffice --headless --convert-to``, in one run.

    A private profile under ``folder`` keeps the run independent of any other LibreOffice;
    ``infilter`` names the import filter (``HTML (StarWriter)`` reads a web page as a text
    document, whose PDF keeps its links). Returns converted name -> bytes.
    """
    soffice = need("soffice")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in sources.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(str(path))
    profile = (folder / "profile").as_uri()
    result = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
         *([f"--infilter={infilter}"] if infilter else []),
         "--convert-to", target, "--outdir", str(folder), *paths],
        capture_output=True, text=True, timeout=180, check=False)
    out = {}
    extension = target.split(":", 1)[0]
    for name in sources:
        converted = folder / f"{Path(name).stem}.{extension}"
        assert converted.exists(), f"LibreOffice did not convert {name}: {result.stderr}"
        out[converted.name] = converted.read_bytes()
    return out
