"""Configuration files (``[tool.footcheck]``, ``footcheck.toml``, ``.footcheck.toml``), and
the command line's papercuts: ``--select ""``, html reports into a new folder, named after
the documents' relative paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_cli

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

from footcheck.config import ConfigError, Resolver, Settings, find, load, show

EXE = [sys.executable, "-m", "footcheck"]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent

#: A Markdown brief with a placeholder (FC201, error), a note no marker cites (FC103,
#: warning) and the house style's own placeholder word "XXX".
BRIEF = """# Brief

A claim.[^1] Another.[^2] A third.[^3]

[^1]: TODO

[^2]: Smith, J. *A report on things*. Example Press, 2023.

[^3]: Jones, K. *XXX*. Example Press, 2022.

[^4]: Lee, M. *Uncited work*. Example Press, 2021.
"""


def footcheck(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """footcheck run in this process from ``cwd`` (``audit`` offline)."""
    if args and args[0] == "audit" and "--offline" not in args:
        args = (*args, "--offline")
    return run_cli(*args, cwd=cwd, stdin=stdin)


def codes(result: subprocess.CompletedProcess) -> list[str]:
    data = json.loads(result.stdout)
    return [f["code"] for f in (data if isinstance(data, dict) else data[0])["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``project/briefs/brief.md`` and nothing else."""
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "brief.md").write_text(BRIEF, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- finding the file -------------------------------------------------------------------------

def test_no_file_means_the_defaults_and_the_same_report(project):
    default = footcheck("audit", "briefs/brief.md", "-f", "json", cwd=project)
    isolated = footcheck("audit", "briefs/brief.md", "-f", "json", "--isolated", cwd=project)
    assert default.returncode == 1 and default.stdout == isolated.stdout
    assert {"FC201", "FC103"} <= set(codes(default))
    assert "suppressed" not in json.loads(default.stdout)
    assert find(project / "briefs") is None


def test_a_file_in_a_parent_folder_applies(project):
    write(project / "footcheck.toml", 'ignore = ["FC201"]\nfail-on = "warning"\n')
    result = footcheck("audit", "brief.md", "-f", "json", cwd=project / "briefs")
    assert "FC201" not in codes(result) and "FC103" in codes(result)
    assert result.returncode == 1  # fail-on warning: the uncited note fails the run


def test_precedence_in_one_folder_and_the_nearest_folder_wins(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.footcheck]
    assert find(project / "briefs") is None
    write(project / "pyproject.toml", '[tool.footcheck]\nignore = ["FC1"]\n')
    assert find(project / "briefs") == project / "pyproject.toml"
    write(project / "footcheck.toml", 'ignore = ["FC2"]\n')
    assert find(project / "briefs") == project / "footcheck.toml"
    write(project / ".footcheck.toml", 'ignore = ["FC3"]\n')
    assert find(project / "briefs") == project / ".footcheck.toml"
    write(project / "briefs" / "pyproject.toml", '[tool.footcheck]\nignore = ["FC4"]\n')
    assert find(project / "briefs") == project / "briefs" / "pyproject.toml"
    assert Resolver().for_document(project / "briefs" / "brief.md").ignore == ("FC4",)


def test_a_pyproject_without_the_table_is_passed_over_even_when_broken(project):
    write(project / "briefs" / "pyproject.toml", "this is [not toml\n")
    write(project / "footcheck.toml", 'ignore = ["FC201"]\n')
    assert find(project / "briefs") == project / "footcheck.toml"


def test_command_line_options_win(project):
    write(project / "footcheck.toml", 'ignore = ["FC201"]\nfail-on = "never"\n')
    result = footcheck("audit", "briefs/brief.md", "-f", "json", "--ignore", "FC405",
                       "--fail-on", "error", cwd=project)
    assert "FC201" in codes(result) and "FC405" not in codes(result)
    assert result.returncode == 1


def test_config_names_the_file_and_isolated_ignores_every_file(project):
    write(project / "footcheck.toml", 'ignore = ["FC201"]\n')
    write(project / "other.toml", 'ignore = ["FC103"]\n')
    named = footcheck("audit", "briefs/brief.md", "-f", "json", "--config", "other.toml",
                      cwd=project)
    assert "FC201" in codes(named) and "FC103" not in codes(named)
    isolated = footcheck("audit", "briefs/brief.md", "-f", "json", "--isolated", cwd=project)
    assert {"FC201", "FC103"} <= set(codes(isolated))
    both = footcheck("audit", "briefs/brief.md", "--isolated", "--config", "other.toml",
                     cwd=project)
    assert both.returncode == 2 and "cannot be used together" in both.stderr


# --- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, message", [
    ("footcheck.toml", 'selct = ["FC1"]\n',
     "footcheck.toml: unknown key 'selct' (did you mean 'select'?)"),
    ("pyproject.toml", '[tool.footcheck]\nfail_on = "warning"\n',
     "pyproject.toml: unknown key 'tool.footcheck.fail_on' (did you mean 'fail-on'?)"),
    ("footcheck.toml", "timeout = 3\n",
     "footcheck.toml: unknown key 'timeout' (did you mean 'links.timeout', in the [links] "
     "table?)"),
    ("footcheck.toml", "[links]\ntimout = 3\n",
     "footcheck.toml: unknown key 'links.timout' (did you mean 'timeout'?)"),
    ("footcheck.toml", "[tool.footcheck]\nignore = []\n",
     "footcheck.toml: unknown key 'tool' (outside pyproject.toml the settings are at the top "
     "level, without [tool.footcheck])"),
    ("footcheck.toml", "colour = true\n", "footcheck.toml: unknown key 'colour'"),
    ("footcheck.toml", "select = [\n", "footcheck.toml: not valid TOML: "),
    ("footcheck.toml", 'select = ["FC999"]\n',
     "footcheck.toml: 'select': 'FC999' matches no rule code or kind"),
    ("footcheck.toml", "select = []\n", "footcheck.toml: 'select': is empty"),
    ("footcheck.toml", 'fail-on = "sometimes"\n',
     "footcheck.toml: 'fail-on': expected one of error, warning, info, never"),
    ("footcheck.toml", "ignore = 7\n", "footcheck.toml: 'ignore': expected a list of strings"),
    ("footcheck.toml", "[links]\nper-host = 0\n",
     "footcheck.toml: 'links.per-host': expected a whole number of at least 1, got 0"),
    ("footcheck.toml", '[links]\ntimeout = "fast"\n',
     "footcheck.toml: 'links.timeout': expected a number of seconds of at least 0.1"),
    ("footcheck.toml", "[links]\ntimeout = nan\n", "'links.timeout': expected a number"),
    ("footcheck.toml", '[outlets]\n"Kyiv Independent" = ["https://kyivindependent.com/"]\n',
     "'outlets': 'Kyiv Independent': 'https://kyivindependent.com/' is not a domain (write "
     "'kyivindependent.com')"),
    ("footcheck.toml", '[per-file-ignores]\n"a/*.md" = ["FC998"]\n',
     "'per-file-ignores': 'a/*.md': 'FC998' matches no rule"),
    ("footcheck.toml", "placeholder-words = ['']\n", "'placeholder-words': holds an empty word"),
    ("footcheck.toml", "links = 3\n", "footcheck.toml: links: expected a table"),
])
def test_a_bad_file_is_one_line_and_exit_2(project, name, text, message):
    write(project / name, text)
    result = footcheck("audit", "briefs/brief.md", cwd=project)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("footcheck: error: ") and message in line


def test_a_bad_file_named_with_config(project):
    missing = footcheck("audit", "briefs/brief.md", "--config", "nope.toml", cwd=project)
    assert missing.returncode == 2
    assert missing.stderr.strip() == ("footcheck: error: nope.toml: cannot read the "
                                      "configuration (no such file)")
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    table = footcheck("audit", "briefs/brief.md", "--config", "pyproject.toml", cwd=project)
    assert table.returncode == 2
    assert table.stderr.strip().endswith("pyproject.toml: has no [tool.footcheck] table")


def test_a_bad_file_is_an_error_only_where_it_applies(project, tmp_path_factory):
    write(project / "footcheck.toml", "selct = 1\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write(elsewhere / "brief.md", BRIEF)
    assert footcheck("audit", str(elsewhere / "brief.md"), cwd=project).returncode == 1


# --- what the settings do ---------------------------------------------------------------------

def test_per_file_ignores_by_glob(project):
    write(project / "briefs" / "annex.md", BRIEF)
    write(project / "footcheck.toml", '[per-file-ignores]\n"briefs/annex*" = ["uncited-note"]\n'
          '"*.txt" = ["FC2"]\n')
    result = footcheck("audit", "briefs", "-f", "json", cwd=project)
    data = {Path(d["document"]["path"]).name: {f["code"] for f in d["findings"]}
            for d in json.loads(result.stdout)}
    assert "FC103" in data["brief.md"] and "FC103" not in data["annex.md"]
    assert "FC201" in data["annex.md"]


def test_exclude_skips_folders_found_in_a_walk(project):
    write(project / "briefs" / "drafts" / "wip.md", BRIEF)
    write(project / "briefs" / "old" / "one.md", BRIEF)
    write(project / "footcheck.toml", 'exclude = ["briefs/drafts", "old"]\n')
    result = footcheck("audit", "briefs", "-f", "json", cwd=project)
    assert [Path(d["document"]["path"]).name for d in json.loads(result.stdout)] == ["brief.md"]
    named = footcheck("audit", "briefs/drafts/wip.md", "-f", "json", cwd=project)
    assert named.returncode == 1 and named.stdout  # named on the command line: audited
    forced = footcheck("audit", "briefs/drafts/wip.md", "--force-exclude", cwd=project)
    assert forced.returncode == 0 and forced.stdout == ""
    assert "excludes every one" in forced.stderr
    folder = footcheck("audit", "briefs/drafts", "-f", "json", cwd=project)
    assert [Path(d["document"]["path"]).name for d in json.loads(folder.stdout)] == ["wip.md"]
    forced_folder = footcheck("audit", "briefs/drafts", "--force-exclude", cwd=project)
    assert forced_folder.returncode == 3
    assert "every document in this folder is excluded" in forced_folder.stderr
    write(project / "footcheck.toml", 'exclude = ["*.md"]\n')
    everything = footcheck("audit", "briefs", cwd=project)
    assert everything.returncode == 3
    assert everything.stderr == ("footcheck: error: briefs: every document in this folder is "
                                 "excluded by the configuration (exclude)\n")


def test_placeholder_words_of_the_house_style(project):
    before = footcheck("audit", "briefs/brief.md", "-f", "json", cwd=project)
    assert not any("XXX" in f["message"] for f in json.loads(before.stdout)["findings"])
    write(project / "footcheck.toml", 'placeholder-words = ["XXX", "TODO"]\n')
    after = json.loads(footcheck("audit", "briefs/brief.md", "-f", "json",
                                 cwd=project).stdout)["findings"]
    placeholders = [(f["line"], f["column"], f["message"]) for f in after
                    if f["code"] == "FC201"]
    assert placeholders == [(5, 7, "placeholder 'TODO' left where a source should be"),
                            (9, 18, "placeholder 'XXX' left where a source should be")]
    ignored = footcheck("audit", "briefs/brief.md", "-f", "json", "--ignore", "placeholder",
                        cwd=project)
    assert "FC201" not in codes(ignored)


def test_placeholder_words_are_whole_words_as_written(project):
    write(project / "footcheck.toml", 'placeholder-words = ["XX", "todo"]\n')
    findings = json.loads(footcheck("audit", "briefs/brief.md", "-f", "json",
                                    cwd=project).stdout)["findings"]
    messages = [f["message"] for f in findings if f["code"] == "FC201"]
    assert messages == ["placeholder 'TODO' left where a source should be"]  # built in


def test_link_settings_reach_the_link_checker(project, httpserver):
    httpserver.expect_request("/report").respond_with_data(
        "<html><head><title>A report on things</title></head><body>text</body></html>",
        content_type="text/html")
    url = httpserver.url_for("/report")
    write(project / "briefs" / "brief.md",
          f"A claim.[^1]\n\n[^1]: Smith, J. *A report on things*. 2023. <{url}>\n")
    write(project / "footcheck.toml", '[links]\nuser-agent = "house-checker/1.0"\n'
          "timeout = 5\nper-host = 1\ncache-max-age = 0\n")
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(project / "cache")}
    result = subprocess.run([*EXE, "audit", "briefs/brief.md", "--allow-private",
                             "127.0.0.0/8", "-f", "json"], capture_output=True, text=True,
                            cwd=project, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert [link["verdict"] for link in json.loads(result.stdout)["links"]] == ["alive"]
    agents = {request.headers.get("User-Agent") for request, _ in httpserver.log}
    assert agents == {"house-checker/1.0"}


def test_outlets_of_the_house_style_join_the_publisher_check(project):
    write(project / "footcheck.toml",
          '[outlets]\n"Almaty Courier" = ["almatycourier.example", "AlmatyCourier.example."]\n')
    settings = load(project / "footcheck.toml")
    assert settings.outlets == (("Almaty Courier",
                                 ("almatycourier.example", "almatycourier.example")),)
    write(project / "briefs" / "courier.md",
          "Rents doubled.[^1] They fell again.[^2]\n\n"
          "[^1]: Doe, Jane (2023). 'Rents in Almaty double,' *Almaty Courier*. 1 May. "
          "<https://meduza.io/en/news/2023/05/01/rents>\n"
          "[^2]: Doe, Jane (2023). 'Rents in Almaty fall,' *Almaty Courier*. 2 June. "
          "<https://almatycourier.example/2023/06/02/rents>\n")

    def fc403(*options: str) -> list[int]:
        result = footcheck("audit", "briefs/courier.md", "-f", "json", *options, cwd=project)
        assert result.stderr == ""
        return [f["number"] for f in json.loads(result.stdout)["findings"]
                if f["code"] == "FC403"]

    assert fc403() == [1]  # named Almaty Courier, on Meduza's site; note 2 is its own site
    assert fc403("--isolated") == []  # an outlet the table does not know is never judged


# --- --show-settings --------------------------------------------------------------------------

def test_show_settings_prints_each_value_and_its_source(project):
    write(project / "pyproject.toml", '[tool.footcheck]\nignore = ["FC204"]\n'
          '[tool.footcheck.links]\ntimeout = 3\n')
    result = footcheck("audit", "briefs/brief.md", "--show-settings", "--fail-on", "info",
                       cwd=project)
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    assert "# settings for briefs/brief.md\n# configuration file: pyproject.toml\n" in out
    assert 'ignore = ["FC204"]  # pyproject.toml\n' in out
    assert 'fail-on = "info"  # command line\n' in out
    assert "# select = (every rule)  # default\n" in out
    assert "[links]\ntimeout = 3.0  # pyproject.toml\nper-host = 4  # default\n" in out
    assert tomllib.loads(out)["links"]["timeout"] == 3.0  # it is a footcheck.toml


def test_show_settings_without_documents_and_without_a_file(project):
    result = footcheck("audit", "--show-settings", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("# configuration file: none (defaults)\n")
    assert 'fail-on = "error"  # default' in result.stdout
    missing = footcheck("audit", cwd=project)
    assert missing.returncode == 2 and "Missing argument" in missing.stderr


def test_show_settings_groups_documents_by_file(project):
    write(project / "other" / "brief.md", BRIEF)
    write(project / "other" / "footcheck.toml", 'fail-on = "never"\n')
    out = footcheck("audit", "briefs", "other", "--show-settings", cwd=project).stdout
    assert out.count("# settings for") == 2
    assert "# configuration file: other/footcheck.toml" in out


def test_show_renders_defaults_as_valid_toml():
    text = show(Settings(outlets=(("A \"B\"", ("a.example",)),),
                         per_file_ignores=(("x/*.md", ("FC1",)),)))
    data = tomllib.loads(text)
    assert data["outlets"] == {'A "B"': ["a.example"]}
    assert data["per-file-ignores"] == {"x/*.md": ["FC1"]}


def test_settings_match_globs_relative_to_the_file(tmp_path):
    s = Settings(root=str(tmp_path), exclude=("drafts", "*.draft.md", "a/b/*.md"),
                 per_file_ignores=(("annex/*", ("FC1",)),), ignore=("FC2",))
    assert s.excludes(tmp_path / "drafts" / "2024" / "x.md")
    assert s.excludes(tmp_path / "deep" / "x.draft.md")
    assert s.excludes(tmp_path / "a" / "b" / "c.md")
    assert not s.excludes(tmp_path / "a" / "c.md")
    assert not s.excludes(tmp_path.parent / "drafts" / "x.md")  # outside the file's folder
    assert not s.excludes(tmp_path / "drafts" / "x.md", within=tmp_path / "drafts")
    assert s.excludes(tmp_path / "drafts" / "x.md", within=tmp_path)
    assert s.excludes(tmp_path / "a" / "x.draft.md", within=tmp_path / "a")
    assert s.ignore_for(tmp_path / "annex" / "x.md") == ("FC2", "FC1")
    assert s.ignore_for(tmp_path / "x.md") == ("FC2",)


def test_load_raises_config_error_with_exit_code_2(tmp_path):
    path = write(tmp_path / "footcheck.toml", "nope = 1\n")
    with pytest.raises(ConfigError) as error:
        load(path)
    assert error.value.exit_code == 2


# --- command-line papercuts -------------------------------------------------------------------

@pytest.mark.parametrize("value", ["", ",", " "])
def test_select_nothing_is_a_usage_error(project, value):
    result = footcheck("audit", "briefs/brief.md", "--select", value, cwd=project)
    assert result.returncode == 2
    assert "selects nothing" in result.stderr and "Traceback" not in result.stderr


def test_select_something_still_selects(project):
    result = footcheck("audit", "briefs/brief.md", "--select", "FC2,", "-f", "json",
                       cwd=project)
    assert set(codes(result)) == {"FC201"}


def test_html_reports_go_into_a_new_folder_named_after_relative_paths(project):
    write(project / "briefs" / "a" / "brief.md", BRIEF)
    write(project / "briefs" / "b" / "brief.md", BRIEF)
    write(project / "briefs" / "b" / "brief.txt", BRIEF)
    result = footcheck("audit", "briefs", "-f", "html", "-o", "out/new", cwd=project)
    assert result.returncode == 1, result.stderr
    written = sorted(p.relative_to(project / "out" / "new").as_posix()
                     for p in (project / "out" / "new").rglob("*.html"))
    assert written == ["a/brief.audit.html", "b/brief.md.audit.html",
                       "b/brief.txt.audit.html", "brief.audit.html"]
    page = (project / "out" / "new" / "a" / "brief.audit.html").read_text(encoding="utf-8")
    assert "briefs/a/brief.md" in page


def test_html_reports_of_files_in_one_folder_keep_flat_names(project):
    write(project / "briefs" / "other.md", BRIEF)
    result = footcheck("audit", "briefs/brief.md", "briefs/other.md", "-f", "html", "-o",
                       "out", cwd=project)
    assert result.returncode == 1
    assert sorted(p.name for p in (project / "out").iterdir()) == ["brief.audit.html",
                                                                   "other.audit.html"]


def test_html_reports_need_a_folder_not_a_file(project):
    write(project / "briefs" / "other.md", BRIEF)
    write(project / "taken", "a file")
    for output in ("taken", "-"):
        result = footcheck("audit", "briefs", "-f", "html", "-o", output, cwd=project)
        assert result.returncode == 2 and "give --output a folder" in result.stderr
    assert (project / "taken").read_text(encoding="utf-8") == "a file"


def test_html_report_folder_that_cannot_be_created(project):
    write(project / "briefs" / "other.md", BRIEF)
    write(project / "file", "x")
    result = footcheck("audit", "briefs", "-f", "html", "-o", "file/sub", cwd=project)
    assert result.returncode == 3
    assert result.stderr.strip().startswith("footcheck: error: file/sub: cannot create")


def test_the_readme_example_is_a_valid_configuration(tmp_path):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[tool.footcheck]" in b]
    assert len(blocks) == 1
    settings = load(write(tmp_path / "pyproject.toml", blocks[0]))
    assert settings.fail_on == "warning" and settings.per_host == 2
    assert settings.outlets == (("Kyiv Independent", ("kyivindependent.com",)),)
    assert settings.ignore_for(tmp_path / "annexes" / "a.md") == ("inconsistent-style",
                                                                 "uncited-note")
    assert settings.excludes(tmp_path / "drafts" / "2024" / "brief.md")
