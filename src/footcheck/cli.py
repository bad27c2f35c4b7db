"""The ``footcheck`` command line: thin wrappers that parse options and call the library.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings at or above it; 2 usage
error; 3 input or output error.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import FootcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3
FORMATS = ("text", "markdown", "json")
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="footcheck")
def main() -> None:
    """Audit the endnotes, footnotes and cited sources of a brief before publication."""


@main.command()
@click.argument("document", type=click.Path(dir_okay=True, path_type=str))
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(path_type=str), default="-",
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--select", multiple=True, callback=_codes, metavar="CODES",
              help="Only these rules: code prefixes or kinds, comma-separated (FC1,placeholder).")
@click.option("--ignore", multiple=True, callback=_codes, metavar="CODES",
              help="Skip these rules: code prefixes or kinds, comma-separated.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--offline", is_flag=True,
              help="Never use the network (link verification is skipped).")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: only on a terminal, unless NO_COLOR).")
def audit(document: str, format_: str, output: str, select: tuple, ignore: tuple,
          fail_on: str, offline: bool, color: bool | None) -> None:
    """Audit DOCUMENT: extract notes and markers, run every check, print a report."""
    from .audit import audit as run_audit
    from .formats import render
    from .model import Severity

    try:
        report = run_audit(document, select=select, ignore=ignore)
        if color is None:
            color = output == "-" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        _emit(render(format_, report, color=bool(color and format_ == "text")), output,
              protect=(document,))
    except FootcheckError as error:
        _fail(error)
    worst = report.worst()
    if fail_on != "never" and worst is not None and worst >= Severity.parse(fail_on):
        sys.exit(EXIT_FINDINGS)


@main.command()
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
