"""The ``footcheck`` command line: thin wrappers that parse options and call the library.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it; 2 usage
error (a configuration file footcheck cannot use included); 3 input or output error; 4 an
internal error (a bug in footcheck).
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from . import __version__
from .errors import FootcheckError, InputError, OutputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .baseline import Baseline
    from .config import Settings
    from .model import Document, Extraction, Report

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_IO, EXIT_BUG = 0, 1, 2, 3, 4
FORMATS = ("text", "markdown", "json", "html", "jsonl", "sarif", "github", "gitlab", "junit")
SEVERITIES = ("error", "warning", "info", "never")


def _codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple:
    """Split comma-separated rule selectors and check that each names a rule; ``--select ""``
    (nothing to select) is a usage error rather than every rule."""
    from .config import parse_codes

    try:
        out = parse_codes(values)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if values and not out and param.name == "select":
        raise click.BadParameter("selects nothing: name rules by code or kind "
                                 "(--select FC1,placeholder), or leave --select out to run "
                                 "every rule")
    return out


class _AllowPrivateOption(click.Option):
    """``--allow-private [HOSTS,CIDRS]``: the value is optional, so an existing file or folder
    right after the bare option is one of the documents, not the list
    (``footcheck audit --allow-private brief.md`` keeps working)."""

    def add_to_parser(self, parser, ctx) -> None:  # type: ignore[no-untyped-def]
        super().add_to_parser(parser, ctx)
        for name in self.opts:
            option = getattr(parser, "_long_opt", {}).get(name)
            if option is None:
                continue
            process = option.process

            def process_value(value, state, process=process):  # type: ignore[no-untyped-def]
                if isinstance(value, str) and value != self.flag_value \
                        and os.path.exists(value):
                    state.rargs.insert(0, value)
                    value = self.flag_value
                process(value, state)

            option.process = process_value


def _allow_private(ctx: click.Context, param: click.Parameter,
                   value: str | None) -> bool | list[str]:
    """``False`` (not given), ``True`` (bare: every address) or the hosts and networks."""
    if value is None:
        return False
    if value.strip() in ("*", "all"):
        return True
    from .links.guard import PrivatePolicy

    try:
        policy = PrivatePolicy.of(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error
    allowed = [*(str(net) for net in policy.networks), *sorted(policy.hosts)]
    if not allowed:
        raise click.BadParameter("give hosts or CIDR ranges, comma-separated, or no value "
                                 "to allow every address")
    return allowed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="footcheck")
def cli() -> None:
    """Audit the endnotes, footnotes and cited sources of a brief before publication."""


def main() -> None:
    """Run the command line; an unexpected error (a bug) is one line and exit code 4.

    Set FOOTCHECK_DEBUG=1 to see the traceback instead.
    """
    if sys.stdout is None:  # started with its standard output closed (">&-")
        sys.stderr.write("footcheck: error: standard output is closed\n")
        sys.exit(OutputError.exit_code)
    try:
        cli(prog_name="footcheck")
    except KeyboardInterrupt:
        click.echo("footcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as error:
        if os.environ.get("FOOTCHECK_DEBUG"):
            raise
        click.echo(f"footcheck: internal error: {type(error).__name__}: {error} (this is a "
                   "bug; FOOTCHECK_DEBUG=1 shows the traceback)", err=True)
        sys.exit(EXIT_BUG)


@cli.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=str, readable=False))
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="Report format (jsonl: one JSON object per document and line).")
@click.option("-o", "--output", type=click.Path(path_type=str), default="-",
              help="Write the report to this file (atomically) instead of standard output; "
                   "with several documents and html, a folder (created if need be) to write "
                   "one report each into, named after the documents' relative paths.")
@click.option("--select", multiple=True, callback=_codes, metavar="CODES",
              help="Only these rules: code prefixes or kinds, comma-separated (FC1,placeholder).")
@click.option("--ignore", multiple=True, callback=_codes, metavar="CODES",
              help="Skip these rules: code prefixes or kinds, comma-separated.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--offline", is_flag=True,
              help="Never use the network: cited URLs are not verified.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds to wait for a server to answer (link verification).")
@click.option("--per-host", type=click.IntRange(min=1), default=4, show_default=True,
              help="Simultaneous requests to one host at most.")
@click.option("--no-cache", is_flag=True, help="Check every URL again, ignoring the cache.")
@click.option("--cache-max-age", type=click.FloatRange(min=0), default=24.0,
              show_default=True, metavar="HOURS",
              help="Re-check cached successes older than this.")
@click.option("--allow-private", cls=_AllowPrivateOption, is_flag=False, flag_value="*",
              default=None, callback=_allow_private, metavar="[HOSTS,CIDRS]",
              help="Also check URLs on private, loopback and link-local addresses (refused by "
                   "default so that a document cannot make footcheck probe this machine or "
                   "its network). Alone, it opens every such address, including 127.0.0.1, "
                   "10/8, 192.168/16 and the cloud metadata service at 169.254.169.254; "
                   "followed by hosts or CIDR ranges, comma-separated (--allow-private "
                   "127.0.0.0/8,intranet.example), only those, and every other private "
                   "address stays refused, after redirects too.")
@click.option("--user-agent", default=None, help="User-Agent header for link checks.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: only on a terminal, unless NO_COLOR).")
@click.option("--bib", "bib_path", type=click.Path(path_type=str), default=None,
              metavar="PATH", help="Also write the works cited as BibTeX (biblatex) to PATH.")
@click.option("--config", "config_path", type=click.Path(path_type=str), default=None,
              metavar="PATH",
              help="Take the settings from this file (footcheck.toml, .footcheck.toml, or a "
                   "pyproject.toml with [tool.footcheck]) instead of the one found from each "
                   "document's folder upward.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--show-settings", is_flag=True,
              help="Print the settings each document would be audited with (TOML, each value "
                   "with where it comes from) and exit without auditing.")
@click.option("--force-exclude", is_flag=True,
              help="Skip documents the configuration excludes even when named on the command "
                   "line (as pre-commit names them), not only in folders.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=str), default=None,
              metavar="FILE",
              help="Report only findings FILE does not record (matched by rule and note text, "
                   "not by line, so renumbering resurrects nothing).")
@click.option("--write-baseline", type=click.Path(path_type=str), default=None,
              metavar="FILE",
              help="Record this run's findings in FILE (atomically); they then do not fail "
                   "the run.")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="With '-' as the document (read from standard input): the file name its "
                   "format is told from and the report and messages use.")
@click.pass_context
def audit(ctx: click.Context, documents: tuple[str, ...], format_: str, output: str,
          select: tuple, ignore: tuple, fail_on: str, offline: bool, timeout: float,
          per_host: int, no_cache: bool, cache_max_age: float,
          allow_private: bool | list[str], user_agent: str | None, color: bool | None,
          bib_path: str | None, config_path: str | None, isolated: bool,
          show_settings: bool, force_exclude: bool, baseline_path: str | None,
          write_baseline: str | None, stdin_filename: str | None) -> None:
    """Audit DOCUMENTS (files, folders of briefs, or - for standard input): extract notes and
    markers, run every check, verify the cited URLs, print a report.

    Settings come from [tool.footcheck] in pyproject.toml, or footcheck.toml or
    .footcheck.toml, found from each document's folder upward; options given here win."""
    from .baseline import Baseline
    from .config import Resolver

    stdin = documents == ("-",)
    if "-" in documents and not stdin:
        raise click.UsageError("'-' (standard input) must be the only document")
    if stdin_filename is not None and not stdin:
        raise click.UsageError("--stdin-filename names the document read from standard "
                               "input: give '-' as the document")
    if not documents and not show_settings:
        raise click.UsageError("Missing argument 'DOCUMENTS...'.")
    if config_path is not None and isolated:
        raise click.UsageError("--config and --isolated cannot be used together")
    options = {name: ctx.params[name] for name in _CONFIGURABLE
               if ctx.get_parameter_source(name) not in (None, ParameterSource.DEFAULT)}
    stdin_name = stdin_filename or STDIN
    try:
        resolver = Resolver(config_path, isolated=isolated)
        effective: dict[Settings, Settings] = {}

        def settings_of(path: str) -> Settings:
            found = resolver.for_document(path)
            if found not in effective:
                effective[found] = found.with_options(**options)
            return effective[found]

        if stdin:
            paths = [stdin_name]
            where = {stdin_name: stdin_filename or os.path.join(os.getcwd(), STDIN)}
        else:
            paths = _documents(documents, settings_of, force_exclude)
            where = {path: path for path in paths}
        if show_settings:
            _show_settings(paths, where, settings_of)
            sys.exit(EXIT_OK)
        several = len(paths) > 1 or any(os.path.isdir(d) for d in documents)
        if several and format_ == "html" and (
                output == "-" or (os.path.exists(output) and not os.path.isdir(output))):
            raise click.UsageError("an html report holds one document: give --output a "
                                   "folder (new or existing) to write one report per "
                                   "document into")
        baseline = Baseline.load(baseline_path) if baseline_path is not None else None
        sources: dict[str, bytes] = {}
        if stdin:
            extractions, errors = _load_stdin(stdin_name, sources)
        else:
            tty = several and sys.stderr.isatty()
            extractions, errors = _load_many(paths, tty)
        if errors and not several:
            raise errors[0]
        status = EXIT_OK
        for error in errors:  # the other briefs are still audited and reported
            click.echo(f"footcheck: error: {error}", err=True)
            status = error.exit_code
        settings = [settings_of(where.get(e.document.path, e.document.path))
                    for e in extractions]
        reports = _audit(extractions, settings, offline=offline, no_cache=no_cache,
                         allow_private=allow_private)
        reports = _suppress(reports, sources, baseline, write_baseline)
        if color is None:
            color = output == "-" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        color = bool(color and format_ == "text")
        protect = tuple(p for p in paths if not stdin)
        if bib_path is not None:
            from .formats import render_bibliography

            notes = [note for report in reports for note in report.notes]
            links = [link for report in reports for link in report.links]
            _emit(render_bibliography("bibtex", notes, links=links), bib_path,
                  protect=(*protect, output))
        _render(reports, format_=format_, output=output, several=several, color=color,
                protect=protect)
    except FootcheckError as error:
        _fail(error)
    if write_baseline is None and status == EXIT_OK and any(
            report.fails(s.fail_on) for report, s in zip(reports, settings, strict=True)):
        status = EXIT_FINDINGS
    sys.exit(status)


#: Options a configuration file may also set: their parameter names are the settings' names.
_CONFIGURABLE = ("select", "ignore", "fail_on", "timeout", "per_host", "user_agent",
                 "cache_max_age")

#: How a document read from standard input is named when --stdin-filename does not name it.
STDIN = "<stdin>"


def _documents(documents: tuple[str, ...], settings_of: Callable[[str], Settings],
               force_exclude: bool) -> list[str]:
    """The documents to audit: files as given and the briefs in folders, less those their
    configuration excludes: below a folder given, and with ``force_exclude`` everywhere."""
    from .document import find_documents

    out: list[str] = []
    for given in documents:
        walked = os.path.isdir(given)
        found = find_documents([given])
        kept = [p for p in found if not (
            (force_exclude and settings_of(p).excludes(p))
            or (walked and settings_of(p).excludes(p, within=given)))]
        if walked and not kept:
            raise InputError(f"{_shown(given)}: every document in this folder is excluded "
                             "by the configuration (exclude)")
        out.extend(kept)
    if documents and not out:
        click.echo("footcheck: warning: no document to audit: the configuration excludes "
                   "every one (exclude)", err=True)
    return out


def _show_settings(paths: list[str], where: dict[str, str],
                   settings_of: Callable[[str], Settings]) -> None:
    """Print the effective settings, once per group of documents that share them."""
    from .config import show

    if not paths:
        click.echo(show(settings_of(os.path.join(os.getcwd(), STDIN))), nl=False)
        return
    groups: dict[Settings, list[str]] = {}
    for path in paths:
        groups.setdefault(settings_of(where[path]), []).append(path)
    click.echo("\n".join(show(s, [_shown(p) for p in docs]) for s, docs in groups.items()),
               nl=False)


def _load_many(paths: list[str], tty: bool
               ) -> tuple[list[Extraction], list[FootcheckError]]:
    from .pipeline import load_many

    extractions, errors = load_many(paths, on_document=lambda i, path: click.echo(
        f"\r\x1b[Kreading {i}/{len(paths)}: {path}", err=True, nl=False) if tty else None)
    if tty:
        click.echo("\r\x1b[K", err=True, nl=False)
    return extractions, errors


def _read_stdin(name: str) -> tuple[Document, bytes]:
    """The document on standard input, read as a file called ``name`` would be, and its
    bytes."""
    from .document import decode
    from .readers import Unreadable, convert, structure

    data = sys.stdin.buffer.read()
    try:
        document = convert(data, name)
    except Unreadable as exc:
        raise InputError(f"{_shown(name)}: {exc}") from None
    if document is None:
        document = structure(decode(data, path=name))
    return document, data


def _load_stdin(name: str, sources: dict[str, bytes]
                ) -> tuple[list[Extraction], list[FootcheckError]]:
    from .pipeline import load

    try:
        document, data = _read_stdin(name)
    except FootcheckError as error:
        return [], [error]
    sources[document.path] = data
    return [load(document)], []


def _audit(extractions: list[Extraction], settings: list[Settings], *, offline: bool,
           no_cache: bool, allow_private: bool | list[str]) -> list[Report]:
    """Audit the documents, those that share settings together (their links in one pool);
    with the configuration's own outlets and placeholder words."""
    from .pipeline import audit_many
    from .references import extra_outlets

    groups: dict[tuple[Settings, tuple[str, ...]], list[int]] = {}
    for i, (extraction, s) in enumerate(zip(extractions, settings, strict=True)):
        groups.setdefault((s, s.ignore_for(extraction.document.path)), []).append(i)
    reports: dict[int, Report] = {}
    for (s, ignore), indices in groups.items():
        links = None
        if not offline:
            from .links import LinkConfig

            extra = {"user_agent": s.user_agent} if s.user_agent else {}
            links = LinkConfig(read_timeout=s.timeout, connect_timeout=min(s.timeout, 5.0),
                               per_host=s.per_host, use_cache=not no_cache,
                               cache_max_age=s.cache_max_age * 3600,
                               allow_private=allow_private, **extra)
        with _progress() as progress, extra_outlets(s.outlets):
            done = audit_many([extractions[i] for i in indices], select=s.select,
                              ignore=ignore, links=links, progress=progress,
                              placeholder_words=s.placeholder_words)
        for i, report in zip(indices, done, strict=True):
            reports[i] = report
    return [reports[i] for i in range(len(extractions))]


def _suppress(reports: list[Report], sources: dict[str, bytes], baseline: Baseline | None,
              write_baseline: str | None) -> list[Report]:
    """Set aside the findings suppressed by comments in the documents, record the rest in a
    new baseline (``write_baseline``), and set aside those ``baseline`` records.

    Returns the reports with what is left; those set aside are each report's
    ``suppressed`` when a baseline is used or a document has suppression comments."""
    from .baseline import BASELINE, COMMENT, Suppressed, directives, suppress, unknown_codes

    kept_reports, suppressed, annotate = [], [], baseline is not None
    for report in reports:
        doc = report.document
        source = sources.get(doc.path)
        if doc.format == "html" and source is None and doc.path != STDIN:
            try:
                with open(doc.path, "rb") as stream:
                    source = stream.read()
            except OSError:
                source = None
        found = directives(doc, source)
        for line, code in unknown_codes(found):
            at = f"{_shown(doc.path)}:{line}" if line else _shown(doc.path)
            click.echo(f"footcheck: warning: {at}: {code!r} in a 'footcheck: ignore' comment "
                       "matches no rule", err=True)
        annotate = annotate or bool(found)
        kept, hidden = suppress(report, found)
        kept_reports.append(replace(report, findings=tuple(kept)))
        suppressed.append([Suppressed(f, COMMENT) for f in hidden])
    if write_baseline is not None:
        from .baseline import render
        from .output import write_atomic

        write_atomic(write_baseline, render(kept_reports, write_baseline),
                     protect=[r.document.path for r in kept_reports])
        count = sum(len(r.findings) for r in kept_reports)
        click.echo(f"footcheck: recorded {count} finding{'s' if count != 1 else ''} in "
                   f"{_shown(write_baseline)}", err=True)
    if baseline is not None:
        known_count = 0
        for i, report in enumerate(kept_reports):
            new, known = baseline.split(report)
            known_count += len(known)
            kept_reports[i] = replace(report, findings=tuple(new))
            suppressed[i].extend(Suppressed(f, BASELINE) for f in known)
        if known_count:
            click.echo(f"footcheck: {known_count} finding{'s' if known_count != 1 else ''} "
                       "recorded in the baseline not reported", err=True)
    if not annotate:
        return kept_reports
    return [replace(report, suppressed=tuple(hidden))
            for report, hidden in zip(kept_reports, suppressed, strict=True)]


def _render(reports: list[Report], *, format_: str, output: str, several: bool,
            color: bool, protect: tuple[str, ...]) -> None:
    """Write the report(s): one html file per document into the folder ``output``, or one
    output."""
    from .formats import render, render_many

    if several and format_ == "html":
        names = _report_names(reports)
        for name, report in zip(names, reports, strict=True):
            target = os.path.join(output, *name.split("/")) + ".audit.html"
            _make_folder(os.path.dirname(target))
            _emit(render("html", report), target, protect=protect)
        return
    if several or format_ == "jsonl":
        _emit(render_many(format_, reports, color=color), output, protect=protect)
    elif reports:
        _emit(render(format_, reports[0], color=color), output, protect=protect)


def _make_folder(folder: str) -> None:
    """Create ``folder`` and its parents (the folder of html reports) or say why not."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else \
            "a file is in the way" if isinstance(exc, (FileExistsError, NotADirectoryError)) \
            else (exc.strerror or type(exc).__name__)
        raise OutputError(f"{_shown(folder)}: cannot create the folder ({reason})") from None


@cli.command()
@click.argument("document", type=click.Path(dir_okay=True, path_type=str, readable=False))
@click.option("-o", "--output", type=click.Path(path_type=str), default="-",
              help="Write to this file (atomically) instead of standard output.")
@click.option("-f", "--format", "format_", type=click.Choice(("bibtex", "csl-json", "ris")),
              default="bibtex", show_default=True,
              help="Bibliography format (ris: for EndNote, Mendeley and Zotero).")
@click.option("--style", type=click.Choice(("biblatex", "bibtex")), default="biblatex",
              show_default=True,
              help="BibTeX dialect: biblatex/biber fields (date, journaltitle, @online) or "
                   "classic BibTeX ones (year/month, journal, @misc).")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="With '-' as the document (read from standard input): the file name its "
                   "format is told from.")
def bib(document: str, output: str, format_: str, style: str,
        stdin_filename: str | None) -> None:
    """Export the works cited in DOCUMENT (- for standard input), one entry per distinct
    work."""
    from .formats import render_bibliography
    from .pipeline import load

    if stdin_filename is not None and document != "-":
        raise click.UsageError("--stdin-filename names the document read from standard "
                               "input: give '-' as the document")
    try:
        if document == "-":
            source, protect = _read_stdin(stdin_filename or STDIN)[0], ()
        else:
            source, protect = document, (document,)
        _emit(render_bibliography(format_, load(source).notes, style=style), output,
              protect=protect)
    except FootcheckError as error:
        _fail(error)


@cli.command()
@click.argument("selector", required=False)
@click.option("-f", "--format", "format_", type=click.Choice(("text", "markdown", "json")),
              default="text", show_default=True)
def rules(selector: str | None, format_: str) -> None:
    """List footcheck's rules (or those whose code or kind starts with SELECTOR)."""
    from .checks.rules import RULES
    from .formats.rules import render_rules

    chosen = [r for r in RULES if selector is None or r.code.startswith(selector.upper())
              or r.kind.startswith(selector.lower())]
    if not chosen:
        raise click.BadParameter(f"{selector!r} matches no rule", param_hint="SELECTOR")
    try:
        _emit(render_rules(chosen, format_), "-")
    except FootcheckError as error:
        _fail(error)


class _progress:
    """A one-line progress display of link checks on stderr, only when it is a terminal:
    how many are done, the verdicts so far, the archive lookups under way, and the time
    while it waits (``checking links: 12 of 40 (alive 11, dead 1), 1 archive lookup, 3 s``)."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self.shown = False

    def __enter__(self):
        return self.update if self.active else None

    def update(self, state) -> None:
        verdicts = ", ".join(f"{v} {n}" for v, n in sorted(state.verdicts.items()))
        parts = [f"checking links: {state.done} of {state.total}"
                 + (f" ({verdicts})" if verdicts else "")]
        if state.archiving:
            parts.append(f"{state.archiving} archive lookup{'s' if state.archiving > 1 else ''}")
        if state.network_down:
            parts.append("no network")
        if state.elapsed >= 1:
            parts.append(f"{state.elapsed:.0f} s")
        sys.stderr.write("\r\x1b[K" + ", ".join(parts))
        sys.stderr.flush()
        self.shown = True

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _report_names(reports: list[Report]) -> list[str]:
    """A distinct name per report, after the document's path relative to the folder all the
    documents are in (``a/brief``, ``b/brief``), without its suffix unless two documents
    differ only by it (``brief.md``, ``brief.txt``)."""
    paths = [os.path.abspath(r.document.path) for r in reports]
    base = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""
    relative = [os.path.relpath(p, base).replace(os.sep, "/") for p in paths]
    stems = [os.path.splitext(rel)[0] for rel in relative]
    return [stem if stems.count(stem) == 1 else rel
            for stem, rel in zip(stems, relative, strict=True)]


def _emit(text: str, output: str, protect: tuple[str, ...] = ()) -> None:
    """Write ``text`` to standard output or, atomically, to the file ``output``."""
    if output == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as exc:  # a full disk (> /dev/full), a pipe closed by its reader
            with contextlib.suppress(OSError, ValueError):  # (no second error at exit)
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            from .output import describe_write_error

            raise OutputError(describe_write_error(exc, "standard output")) from None
        return
    from .output import write_atomic

    write_atomic(output, text, protect=protect)


def _shown(path: str) -> str:
    """``path`` as a message names it, unprintable characters escaped."""
    return path if path.isprintable() else path.encode("unicode_escape").decode("ascii")


def _fail(error: FootcheckError) -> None:
    click.echo(f"footcheck: error: {error}", err=True)
    sys.exit(error.exit_code)
