"""The command line: exit codes, formats, output files, bad input. Most cases run it in
this process through click's CliRunner (the same code path, without a Python start-up each);
those about the process itself (a traceback, ``python -m footcheck``) run a real one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_cli

EXE = [sys.executable, "-m", "footcheck"]


def footcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run footcheck in this process; ``audit`` runs get ``--offline`` (tests never reach the
    internet; the online tests below run their own command against servers on 127.0.0.1)."""
    if args and args[0] == "audit":
        args = (*args, "--offline")
    return run_cli(*args, cwd=cwd)


def test_sample_has_errors_exit_1(sample_path):
    result = footcheck("audit", str(sample_path))
    assert result.returncode == 1, result.stderr
    assert "duplicate-note" in result.stdout and "FC101" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    assert result.stderr == ""


def test_clean_document_exit_0(fixture_path):
    result = footcheck("audit", str(fixture_path("clean-brief.txt")))
    assert result.returncode == 0, result.stdout
    assert "No problems found" in result.stdout


def test_fail_on_threshold(sample_path, fixture_path):
    assert footcheck("audit", str(sample_path), "--fail-on", "never").returncode == 0
    assert footcheck("audit", str(sample_path), "--select", "FC3,FC2",
                     "--ignore", "FC201,FC205,FC302", "--fail-on", "error").returncode == 0
    assert footcheck("audit", str(sample_path), "--select", "formatting",
                     "--fail-on", "info").returncode == 1


def test_select_and_ignore(sample_path):
    result = footcheck("audit", str(sample_path), "-f", "json", "--select", "FC1",
                       "--ignore", "inconsistent-style")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes and all(c.startswith("FC1") for c in codes) and "FC107" not in codes


def test_json_contract(sample_path):
    result = footcheck("audit", str(sample_path), "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema"] == "footcheck-audit/1"
    assert data["summary"]["notes"] == {"endnotes": 97, "footnotes": 3}
    assert {"code", "kind", "severity", "series", "number", "line", "column", "message",
            "suggestion"} <= set(data["findings"][0])
    note = data["notes"][3]
    assert {"label", "number", "series", "line", "text", "urls"} <= set(note)


@pytest.mark.parametrize("fmt, needle", [("markdown", "| Line |"), ("text", "errors")])
def test_other_formats(sample_path, fmt, needle):
    result = footcheck("audit", str(sample_path), "--format", fmt)
    assert needle in result.stdout


def test_output_file_is_written_atomically(sample_path, tmp_path):
    target = tmp_path / "audit.json"
    target.write_text("old")
    result = footcheck("audit", str(sample_path), "-f", "json", "-o", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(target.read_text())["schema"] == "footcheck-audit/1"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_output_refuses_to_overwrite_input(tmp_path, sample_path):
    brief = tmp_path / "brief.txt"
    brief.write_bytes(sample_path.read_bytes())
    result = footcheck("audit", str(brief), "-o", str(brief))
    assert result.returncode == 3
    assert brief.read_bytes() == sample_path.read_bytes()
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_output_into_missing_directory(sample_path, tmp_path):
    result = footcheck("audit", str(sample_path), "-o", str(tmp_path / "no" / "such.json"))
    assert result.returncode == 3 and result.stderr.startswith("footcheck: error:")


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "no documents to audit in this folder"),
    (lambda d: _write(d / "empty.txt", b""), "is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\n"), "is empty"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), "binary"),
    (lambda d: _write(d / "brief.docx", b"PK\x03\x04" + bytes(100)), "zip"),
    (lambda d: _write(d / "junk.bin", bytes(range(256)) * 4), "binary"),
])
def test_bad_input_exit_3_one_line(tmp_path, make, message):
    result = footcheck("audit", str(make(tmp_path)))
    assert result.returncode == 3
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_document_without_notes_is_a_finding(fixture_path):
    result = footcheck("audit", str(fixture_path("prose-roman-words.txt")), "-f", "json")
    data = json.loads(result.stdout)
    assert [f["kind"] for f in data["findings"]] == ["no-notes"]
    assert result.returncode == 0  # a warning: not an error by default


@pytest.mark.parametrize("args", [
    ("audit",),
    ("audit", "x.txt", "--format", "pdf"),
    ("audit", "x.txt", "--select", "FC999"),
    ("audit", "x.txt", "--fail-on", "sometimes"),
    ("frobnicate",),
])
def test_usage_errors_exit_2(args):
    result = footcheck(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_rules_command():
    result = footcheck("rules")
    assert result.returncode == 0
    assert "FC101  duplicate-note  [error]" in result.stdout
    data = json.loads(footcheck("rules", "--format", "json").stdout)
    assert len({r["code"] for r in data}) == len(data)
    assert footcheck("rules", "placeholder").stdout.startswith("FC201")
    assert footcheck("rules", "nothing-like-this").returncode == 2


def test_version():
    result = footcheck("--version")
    assert result.returncode == 0 and "footcheck" in result.stdout


def test_bib_command_writes_one_entry_per_work(sample_path, tmp_path):
    import bibtexparser

    target = tmp_path / "refs.bib"
    result = footcheck("bib", str(sample_path), "-o", str(target))
    assert result.returncode == 0, result.stderr
    library = bibtexparser.parse_string(target.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    keys = [entry.key for entry in library.entries]
    assert len(keys) == len(set(keys)) == 72
    assert "najibullah2023living" in keys


def test_bib_styles_and_csl(sample_path):
    classic = footcheck("bib", str(sample_path), "--style", "bibtex").stdout
    assert "journal = {" in classic and "journaltitle" not in classic
    items = json.loads(footcheck("bib", str(sample_path), "-f", "csl-json").stdout)
    assert len(items) == 72 and all(item["id"] and item["type"] for item in items)


def test_audit_writes_bib_alongside(sample_path, tmp_path):
    bib = tmp_path / "refs.bib"
    result = footcheck("audit", str(sample_path), "-f", "json", "--bib", str(bib))
    assert json.loads(result.stdout)["schema"] == "footcheck-audit/1"
    assert bib.read_text(encoding="utf-8").count("\n@") + 1 == 72


def test_bib_unwritable_output_leaves_nothing(sample_path, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    result = footcheck("bib", str(sample_path), "-o", str(locked / "missing" / "refs.bib"))
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert list(locked.iterdir()) == []


def test_audit_verifies_links_on_a_local_server(httpserver, tmp_path):
    httpserver.expect_request("/report").respond_with_data(
        "<html><head><title>Annual Report 2023</title></head><body>ok</body></html>",
        content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    base = httpserver.url_for("/").rstrip("/")
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "A claim.^{1} Another.^{2}\n\nNotes\n\n"
        f"^{{1}} Ministry (2023). 'Annual Report 2023.' Available at: <{base}/report>.\n"
        f"^{{2}} Ministry (2022). 'Old Report.' Available at: <{base}/gone>.\n",
        encoding="utf-8")
    cache = tmp_path / "cache"
    result = subprocess.run([*EXE, "audit", str(brief), "-f", "json", "--allow-private",
                             "--timeout", "5"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    data = json.loads(result.stdout)
    verdicts = {link["url"].rsplit("/", 1)[1]: link["verdict"] for link in data["links"]}
    assert verdicts == {"report": "alive", "gone": "dead"}
    dead = [f for f in data["findings"] if f["kind"] == "dead-link"]
    assert [(f["number"], f["line"]) for f in dead] == [(2, 6)]
    assert result.returncode == 1  # a dead link is an error


def test_audit_refuses_private_addresses_by_default(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("<title>A</title>",
                                                      content_type="text/html")
    brief = tmp_path / "brief.txt"
    brief.write_text(f"Claim.^{{1}}\n\n^{{1}} Org (2023). 'A.' <{httpserver.url_for('/a')}>\n",
                     encoding="utf-8")
    result = subprocess.run([*EXE, "audit", str(brief), "-f", "json"], capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    data = json.loads(result.stdout)
    assert [link["verdict"] for link in data["links"]] == ["unverified"]
    assert len(httpserver.log) == 0
    assert result.returncode == 0


def test_a_folder_of_ten_briefs_in_one_run(tmp_path, fixture_path, sample_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    names = ["clean-brief.txt", "notation-pandoc.md", "notation-bracketed.txt",
             "notation-bare-roman.txt", "notation-html-sup.txt", "defect-numbering.txt",
             "notation-markdown-footnotes.md", "notation-roman-superscript.txt",
             "defect-page-break.txt"]
    for name in names:
        (folder / name).write_bytes(fixture_path(name).read_bytes())
    (folder / "relokanty.txt").write_bytes(sample_path.read_bytes())
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a brief: not picked up
    result = footcheck("audit", str(folder))
    assert result.returncode == 1, result.stderr
    table = result.stdout.split("Document", 1)[1]
    assert "10 documents" in table and "relokanty.txt" in table
    data = json.loads(footcheck("audit", str(folder), "-f", "json").stdout)
    assert isinstance(data, list) and len(data) == 10
    assert {d["schema"] for d in data} == {"footcheck-audit/1"}
    lines = footcheck("audit", str(folder), "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["document"]["path"] for line in lines] == \
        [d["document"]["path"] for d in data]
    out = tmp_path / "html"
    out.mkdir()
    assert footcheck("audit", str(folder), "-f", "html", "-o", str(out)).returncode == 1
    assert len(list(out.glob("*.audit.html"))) == 10


def test_one_unreadable_brief_among_several(tmp_path, fixture_path):
    good = tmp_path / "good.txt"
    good.write_bytes(fixture_path("clean-brief.txt").read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = footcheck("audit", str(good), str(empty), "-f", "json")
    assert result.returncode == 3
    assert "empty.txt: is empty" in result.stderr and "Traceback" not in result.stderr
    assert [d["document"]["path"] for d in json.loads(result.stdout)] == [str(good)]


def test_internal_error_is_one_line_exit_4(tmp_path, fixture_path):
    """A bug must not show a traceback to an editor (FOOTCHECK_DEBUG=1 shows it)."""
    script = tmp_path / "crash.py"
    script.write_text(
        "import sys\n"
        "import footcheck.pipeline\n"
        "def boom(*a, **k):\n"
        "    raise RuntimeError('simulated bug')\n"
        "footcheck.pipeline.audit_many = boom\n"
        "from footcheck.cli import main\n"
        "sys.argv = ['footcheck', 'audit', sys.argv[1], '--offline']\n"
        "main()\n", encoding="utf-8")
    args = [sys.executable, str(script), str(fixture_path("clean-brief.txt"))]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "FOOTCHECK_DEBUG"})
    assert result.returncode == 4
    assert result.stderr.startswith("footcheck: internal error: RuntimeError: simulated bug")
    assert "Traceback" not in result.stderr
    debug = subprocess.run(args, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "FOOTCHECK_DEBUG": "1"})
    assert "Traceback" in debug.stderr


def test_html_reports_of_same_named_briefs_do_not_collide(tmp_path, fixture_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "brief.txt").write_bytes(
            fixture_path("clean-brief.txt").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    result = footcheck("audit", str(tmp_path / "in"), "-f", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")) == [
        "a/brief.audit.html", "b/brief.audit.html"]


def test_the_link_progress_line_says_what_runs(capsys):
    """On a terminal: done of total, the verdicts so far, archive lookups under way, no
    network, and the time while it waits; cleared at the end."""
    from footcheck.cli import _progress
    from footcheck.links import Progress

    line = _progress()
    line.active = True
    with line:
        line.update(Progress(total=40, done=12, verdicts={"alive": 11, "dead": 1},
                             archiving=1, elapsed=3.2))
        line.update(Progress(total=40, done=40, verdicts={"unverified": 40},
                             network_down=True, elapsed=0.4))
    err = capsys.readouterr().err
    assert "\rchecking links: 12 of 40 (alive 11, dead 1), 1 archive lookup, 3 s" in \
        err.replace("\x1b[K", "")
    assert "checking links: 40 of 40 (unverified 40), no network\r" in err.replace("\x1b[K", "")


def test_a_folder_that_cannot_be_read_inside_one_given_fails_the_run(tmp_path, monkeypatch):
    """A subfolder footcheck may not list (mode 000 for the user running it) is an error
    line and exit 3, not skipped: its briefs, unaudited, must not pass the gate."""
    briefs = tmp_path / "briefs"
    (briefs / "locked").mkdir(parents=True)
    (briefs / "ok.md").write_text("A claim.[^1]\n\n[^1]: Smith, J. (2020). *Title*. Herald.\n",
                                  encoding="utf-8")
    (briefs / "locked" / "bad.md").write_text("A claim.[^1]\n\n[^1]: get source here\n",
                                              encoding="utf-8")
    locked = str(briefs / "locked")
    scandir, listdir = os.scandir, os.listdir

    def denied(real):
        def call(path="."):
            if os.fspath(path) == locked:  # as the kernel answers a user without the right
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)
        return call

    monkeypatch.setattr(os, "scandir", denied(scandir))
    monkeypatch.setattr(os, "listdir", denied(listdir))
    result = run_cli("audit", "--offline", str(briefs))
    assert result.returncode == 3
    assert f"{locked}: this folder cannot be read (permission denied): its documents were " \
        "not audited" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("args", [["audit", "--offline"], ["bib"], ["rules"]])
def test_a_standard_output_that_cannot_be_written_is_one_error_line(args, tmp_path):
    """``> /dev/full`` (a full disk) or a closed standard output: exit 3 and one line saying
    so, not an internal error."""
    brief = tmp_path / "brief.md"
    brief.write_text("A claim.[^1]\n\n[^1]: Smith, J. (2020). *Title*. Herald.\n",
                     encoding="utf-8")
    command = [sys.executable, "-m", "footcheck", *args] + ([] if args == ["rules"]
                                                          else [str(brief)])
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True)
    assert (result.returncode, result.stderr) == (
        3, "footcheck: error: standard output: no space left on the device\n")
    closed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (
        3, "footcheck: error: standard output is closed\n")


def test_an_unreadable_document_is_exit_3_in_one_line(tmp_path, monkeypatch):
    """A file the user may not read is footcheck's one-line error and exit 3, as in a
    folder, not click's usage error and exit 2."""
    import pathlib

    brief = tmp_path / "locked.md"
    brief.write_text("A claim.[^1]\n\n[^1]: Smith.\n", encoding="utf-8")
    read_bytes = pathlib.Path.read_bytes

    def denied(self):
        if self == brief:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", denied)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: os.fspath(path) != str(brief))
    for command in (["audit", "--offline", str(brief)], ["bib", str(brief)]):
        result = run_cli(*command)
        assert (result.returncode, result.stderr) == (
            3, f"footcheck: error: {brief}: permission denied\n"), command


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
@pytest.mark.parametrize("format_", ["json", "sarif", "gitlab", "html"])
def test_a_file_name_in_no_utf8_is_named_escaped_in_every_report(format_, tmp_path):
    """``\\xff.md`` (a name from an old archive): every report names it escaped, as the
    messages do, and is valid UTF-8 (SARIF was an internal error, JSON invalid)."""
    name = os.fsdecode(b"\xff.md")
    (tmp_path / name).write_text("Text.[^1]\n\n[^1]: get source here\n", encoding="utf-8")
    out = tmp_path / f"report.{format_}"
    result = run_cli("audit", "--offline", "-f", format_, "-o", str(out), name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "udcff.md" in out.read_bytes().decode("utf-8")  # (SARIF's URI: "%5Cudcff.md")
