"""The ``footcheck`` command line: thin wrappers that parse options and call the library.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it; 2 usage
error; 3 input or output error; 4 an internal error (a bug in footcheck).
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import FootcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_IO, EXIT_BUG = 0, 1, 2, 3, 4
FORMATS = ("text", "markdown", "json", "html", "jsonl", "sarif", "github", "gitlab", "junit")
SEVERITIES = ("error", "warning", "info", "never")


def _codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple:
    """Split comma-separated rule selectors and check that each names a rule."""
    from .checks.rules import RULES

    out = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    for v in out:
        if not any(r.code.startswith(v.upper()) or r.kind == v.lower() for r in RULES):
            raise click.BadParameter(f"{v!r} matches no rule code or kind "
                                     "(see 'footcheck rules')")
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
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="Report format (jsonl: one JSON object per document and line).")
@click.option("-o", "--output", type=click.Path(path_type=str), default="-",
              help="Write the report to this file (atomically) instead of standard output; "
                   "with several documents and html, a folder to write one report each into.")
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
def audit(documents: tuple[str, ...], format_: str, output: str, select: tuple,
          ignore: tuple, fail_on: str, offline: bool, timeout: float, per_host: int,
          no_cache: bool, cache_max_age: float, allow_private: bool | list[str],
          user_agent: str | None, color: bool | None, bib_path: str | None) -> None:
    """Audit DOCUMENTS (files, or folders of briefs): extract notes and markers, run every
    check, verify the cited URLs, print a report."""
    from .document import find_documents
    from .formats import render, render_bibliography, render_many
    from .pipeline import audit_many, load_many

    links = None
    if not offline:
        from .links import LinkConfig

        options = {"user_agent": user_agent} if user_agent else {}
        links = LinkConfig(read_timeout=timeout, connect_timeout=min(timeout, 5.0),
                           per_host=per_host, use_cache=not no_cache,
                           cache_max_age=cache_max_age * 3600, allow_private=allow_private,
                           **options)
    status = EXIT_OK
    try:
        paths = find_documents(documents)
        several = len(paths) > 1 or any(os.path.isdir(d) for d in documents)
        if several and format_ == "html" and not os.path.isdir(output):
            raise click.UsageError("an html report holds one document: give --output a "
                                   "folder to write one report per document")
        tty = several and sys.stderr.isatty()
        extractions, errors = load_many(paths, on_document=lambda i, path: click.echo(
            f"\r\x1b[Kreading {i}/{len(paths)}: {path}", err=True, nl=False) if tty else None)
        if tty:
            click.echo("\r\x1b[K", err=True, nl=False)
        if errors and not several:
            raise errors[0]
        for error in errors:  # the other briefs are still audited and reported
            click.echo(f"footcheck: error: {error}", err=True)
            status = error.exit_code
        with _progress() as progress:
            reports = audit_many(extractions, select=select, ignore=ignore, links=links,
                                 progress=progress)
        if color is None:
            color = output == "-" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        color = bool(color and format_ == "text")
        protect = tuple(paths)
        if bib_path is not None:
            notes = [note for report in reports for note in report.notes]
            _emit(render_bibliography("bibtex", notes), bib_path, protect=(*protect, output))
        if several and format_ == "html":
            for name, report in zip(_report_names(reports), reports, strict=True):
                _emit(render("html", report), os.path.join(output, f"{name}.audit.html"),
                      protect=protect)
        elif several or format_ == "jsonl":
            _emit(render_many(format_, reports, color=color), output, protect=protect)
        elif reports:
            _emit(render(format_, reports[0], color=color), output, protect=protect)
    except FootcheckError as error:
        _fail(error)
    if status == EXIT_OK and any(report.fails(fail_on) for report in reports):
        status = EXIT_FINDINGS
    sys.exit(status)


@cli.command()
@click.argument("document", type=click.Path(dir_okay=True, path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), default="-",
              help="Write to this file (atomically) instead of standard output.")
@click.option("-f", "--format", "format_", type=click.Choice(("bibtex", "csl-json")),
              default="bibtex", show_default=True, help="Bibliography format.")
@click.option("--style", type=click.Choice(("biblatex", "bibtex")), default="biblatex",
              show_default=True,
              help="BibTeX dialect: biblatex/biber fields (date, journaltitle, @online) or "
                   "classic BibTeX ones (year/month, journal, @misc).")
def bib(document: str, output: str, format_: str, style: str) -> None:
    """Export the works cited in DOCUMENT, one entry per distinct work."""
    from .formats import render_bibliography
    from .pipeline import load

    try:
        _emit(render_bibliography(format_, load(document).notes, style=style), output,
              protect=(document,))
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
    click.echo(render_rules(chosen, format_), nl=False)


class _progress:
    """A one-line progress display of link checks on stderr, only when it is a terminal."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.active = sys.stderr.isatty()

    def __enter__(self):
        return self.update if self.active else None

    def update(self, result) -> None:
        self.counts[result.verdict] = self.counts.get(result.verdict, 0) + 1
        done = sum(self.counts.values())
        verdicts = "  ".join(f"{v} {n}" for v, n in sorted(self.counts.items()))
        sys.stderr.write(f"\r\x1b[Kchecking links: {done} done  ({verdicts})")
        sys.stderr.flush()

    def __exit__(self, *exc: object) -> None:
        if self.active and self.counts:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _report_names(reports) -> list[str]:
    """A distinct file name stem per report: the document's, numbered when two clash."""
    stems = [os.path.splitext(os.path.basename(r.document.path))[0] for r in reports]
    seen: dict[str, int] = {}
    names = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        names.append(stem if stems.count(stem) == 1 else f"{stem}-{seen[stem]}")
    return names


def _emit(text: str, output: str, protect: tuple[str, ...] = ()) -> None:
    """Write ``text`` to standard output or, atomically, to the file ``output``."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .output import write_atomic

    write_atomic(output, text, protect=protect)


def _fail(error: FootcheckError) -> None:
    click.echo(f"footcheck: error: {error}", err=True)
    sys.exit(error.exit_code)
