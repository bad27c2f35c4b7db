"""Produce every format of every brief with the real tools, once, into a folder.

* ``write_sources``: ``<name>.odt`` and ``<name>.md`` (render.py), needing no tool;
* ``libreoffice``: from the .odt files, LibreOffice headless writes Word (.docx), PDF and
  HTML: one ``soffice`` process per target format converts every brief, the three processes
  running side by side, each with its own profile;
* ``pandoc``: from the .md files, pandoc writes Word (.docx), HTML (``-t html5 -s``),
  OpenDocument (.odt) and PDF through LaTeX, as its users do: pdfLaTeX (Latin Modern, Type 1
  fonts, the footnotes LaTeX sets at page feet with their links), or LuaLaTeX with DejaVu
  Serif for a brief in other scripts, which pdfLaTeX cannot set.

The formats are named ``odt``, ``md``, ``lo.docx``, ``lo.pdf``, ``lo.html``, ``pandoc.docx``,
``pandoc.html``, ``pandoc.odt`` and ``pandoc.pdf``; :func:`path_of` gives the file of a brief
in one.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .briefs import Brief
from .render import to_markdown, to_odt

AUTHORED = ("odt", "md")
LIBREOFFICE = ("lo.docx", "lo.pdf", "lo.html")
PANDOC = ("pandoc.docx", "pandoc.html", "pandoc.odt", "pandoc.pdf")
FORMATS = AUTHORED + LIBREOFFICE + PANDOC
TIMEOUT = 300  # seconds for one tool run; the whole corpus takes about ten


def path_of(folder: Path, name: str, fmt: str) -> Path:
    """Where the brief ``name`` in format ``fmt`` is written under ``folder``."""
    if fmt in AUTHORED:
        return folder / f"{name}.{fmt}"
    return folder / fmt / f"{name}.{fmt.split('.')[1]}"


def write_sources(briefs: Iterable[Brief], folder: Path) -> None:
    """Write each brief as .odt and .md into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for brief in briefs:
        path_of(folder, brief.name, "odt").write_bytes(to_odt(brief))
        path_of(folder, brief.name, "md").write_text(to_markdown(brief), encoding="utf-8")


def libreoffice(soffice: str, names: list[str], folder: Path) -> None:
    """Convert every ``<name>.odt`` of ``folder`` to .docx, .pdf and .html with LibreOffice."""
    runs = []
    for fmt in LIBREOFFICE:
        target = fmt.split(".")[1]
        out = folder / fmt
        out.mkdir(exist_ok=True)
        profile = (folder / f"profile-{target}").as_uri()  # one per process: they run at once
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                   "--convert-to", target, "--outdir", str(out),
                   *(str(path_of(folder, name, "odt")) for name in names)]
        runs.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True))
    for fmt, run in zip(LIBREOFFICE, runs, strict=True):
        try:
            output, _ = run.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            run.kill()
            output, _ = run.communicate()
        missing = [n for n in names if not path_of(folder, n, fmt).exists()]
        assert not missing, f"LibreOffice did not write {fmt} for {missing}: {output}"


def pandoc(pandoc_path: str, names: list[str], folder: Path,
           formats: Iterable[str] = PANDOC) -> None:
    """Convert every ``<name>.md`` of ``folder`` to each of ``formats`` with pandoc."""
    def convert(name: str, fmt: str) -> None:
        source = path_of(folder, name, "md")
        target = path_of(folder, name, fmt)
        target.parent.mkdir(exist_ok=True)
        options = (["-t", "html5", "-s", "--metadata", f"pagetitle={name}"]
                   if fmt == "pandoc.html" else
                   _latex(source.read_text(encoding="utf-8")) if fmt == "pandoc.pdf" else [])
        result = subprocess.run([pandoc_path, "-f", "markdown", *options, "-o", str(target),
                                 str(source)], capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
        assert result.returncode == 0 and target.exists(), (
            f"pandoc did not write {target.name}: {result.stderr}")

    formats = tuple(formats)
    for fmt in formats:
        (folder / fmt).mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(convert, n, f) for n in names for f in formats]:
            future.result()


#: The TeX engines pandoc's PDF needs (see :func:`_latex`).
LATEX = ("pdflatex", "lualatex")


def _latex(markdown: str) -> list[str]:
    """pandoc's options for a PDF of ``markdown``: pdfLaTeX when its fonts have every
    character (Latin scripts), else LuaLaTeX with a font that has them."""
    if all(ord(c) < 0x250 or c in "–—‘’“”„…•€" for c in markdown):
        return ["--pdf-engine=pdflatex"]
    return ["--pdf-engine=lualatex", "-V", "mainfont=DejaVu Serif"]
