"""One documentation page per rule, generated from the rule table: ``docs/rules/FCxxx.md``.

Each page has the same parts: what the rule finds, why it matters, an example (all three from
:data:`footcheck.checks.rules.RULES`), how to fix it (:data:`FIXES`, kept here so that the
rule table stays a table) and how to suppress it. ``docs/rules/README.md`` lists them all.
Regenerate the pages after changing a rule::

    python -m footcheck.formats.ruledocs docs/rules           # write the pages
    python -m footcheck.formats.ruledocs --check docs/rules   # exit 1 if they are stale

The SARIF report links each rule to its page (:func:`doc_url`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

from ..checks.rules import RULES, Rule

#: Where the pages live in the repository.
DOCS_DIR = "docs/rules"
#: Base URL of the pages as a browser shows them. A placeholder until the project has its
#: public repository: change it here and every SARIF ``helpUri`` follows.
DOCS_URL = "https://github.com/footcheck/footcheck/blob/main/docs/rules/"

#: Rule families by code prefix, as the rule table groups them.
FAMILIES = {
    "FC1": "structure",
    "FC2": "content",
    "FC3": "URLs",
    "FC4": "references",
    "FC5": "links checked online",
}

#: How to fix what each rule finds: one short sentence per code.
FIXES: dict[str, str] = {
    "FC101": "Renumber the misnumbered note (the report says which one) so that each number "
             "appears once.",
    "FC102": "Add the missing note, or renumber the note the report names as probably it, or "
             "correct the marker.",
    "FC103": "Restore the lost marker where the note's claim is made, or delete the left-over "
             "note.",
    "FC104": "Correct the mistyped marker to the number the report suggests.",
    "FC105": "Renumber the marker or note so that the sequence ascends, or move it back where "
             "it belongs.",
    "FC106": "Retype the number as a valid numeral (LI, not L1).",
    "FC107": "Write every marker and note of the series in one notation and one letter case.",
    "FC108": "Export the brief again with its notes, or check that the right file was audited.",
    "FC109": "Write the notes in a notation footcheck reads (numbered notes, Word or "
             "OpenDocument notes, Markdown footnotes), or check their sources by hand.",
    "FC110": "Add the work to the list of works, or correct the author or the year the "
             "citation gives so that it names its entry.",
    "FC111": "Cite the work where the text relies on it, or delete the entry from the list "
             "of works.",
    "FC112": "Close the code block where its code ends (a line of ``` alone); write inline "
             "code on one line, between single backticks.",
    "FC201": "Replace the placeholder with the full citation of the source.",
    "FC202": "Settle the query, then delete the comment from the note.",
    "FC203": "Add the author, title, outlet and date of the source next to its URL.",
    "FC204": "Balance the quotes and brackets and remove the stray punctuation.",
    "FC205": "Retype the word in one alphabet (the report suggests the spelling).",
    "FC301": "Correct the URL so that it opens in a browser (the report offers a repair when "
             "it is sure of one).",
    "FC302": "Cite the page the search found, not the search results.",
    "FC303": "Add the link's address, or remove the link and keep its text.",
    "FC304": "Cite the URL without its tracking parameters or text fragment.",
    "FC305": "Cite the https:// address when the site serves one.",
    "FC306": "Write the address in full, with https:// (the report suggests it).",
    "FC307": "Cite the address the link leads to (the report suggests it when the link "
             "carries it; otherwise open the link to find out).",
    "FC401": "Cite the work the same way in every note.",
    "FC402": "Check the source and correct the date in the note, or the URL.",
    "FC403": "Name the outlet the URL belongs to, or cite the named outlet's own URL.",
    "FC404": "Replace the repeated note with 'Ibid.' or merge the two, as the house style "
             "prefers.",
    "FC405": "Write the reference with its author, title and date in the usual order.",
    "FC501": "Cite the source's new address or an archived copy (the report gives one when "
             "it finds it).",
    "FC502": "Cite the address the link now leads to.",
    "FC503": "Find the source's new address or an archived copy and cite that.",
    "FC504": "Open the link in a browser once to confirm that it works.",
    "FC505": "Audit again later; if the server still does not answer, cite an archived copy.",
    "FC506": "Check the address; if the site stays unreachable, cite an archived copy.",
    "FC507": "Audit again later; if the error persists, cite an archived copy.",
    "FC508": "Check that the URL leads to the article the note names, and correct one of them.",
    "FC509": "Audit again where the network is available.",
}


def doc_path(code: str) -> str:
    """The page of rule ``code`` in the repository: ``docs/rules/FC102.md``."""
    return f"{DOCS_DIR}/{code}.md"


def doc_url(code: str) -> str:
    """The address of rule ``code``'s page (see :data:`DOCS_URL`, a placeholder)."""
    return f"{DOCS_URL}{code}.md"


def family(code: str) -> str:
    """The family a rule code belongs to: ``structure`` for FC1xx…; empty when unknown."""
    return FAMILIES.get(code[:3], "")


def fix(rule: Rule) -> str:
    """How to fix what ``rule`` finds, in one sentence (empty for a removed rule)."""
    return FIXES.get(rule.code, "")


def pages(rules: Sequence[Rule] = RULES) -> dict[str, str]:
    """The pages to write, file name -> Markdown: one ``FCxxx.md`` per rule and a
    ``README.md`` index, in the order of the rule table."""
    out = {f"{rule.code}.md": render_page(rule) for rule in rules}
    out["README.md"] = render_index(rules)
    return out


def render_page(rule: Rule) -> str:
    """The Markdown page of one rule."""
    status = " (removed)" if rule.removed else ""
    lines = [
        f"# {rule.code} `{rule.kind}`{status}",
        "",
        _GENERATED,
        "",
        f"Severity: **{rule.severity}** · Family: {family(rule.code) or 'other'} · "
        f"[All rules](README.md)",
        "",
    ]
    if rule.removed:
        lines += ["This rule has been removed; its code is never reused.", ""]
    lines += [
        "## What it finds", "", rule.summary, "",
        "## Why it matters", "", rule.why, "",
        "## Example", "", *_fenced(rule.example), "",
    ]
    if not rule.removed:
        lines += [
            "## How to fix", "", fix(rule), "",
            "## How to suppress", "",
            "Leave this rule out of an audit by its code or its kind:", "",
            "```sh",
            f"footcheck audit brief.docx --ignore {rule.code}",
            f"footcheck audit brief.docx --ignore {rule.kind}",
            "```", "",
            f"`--ignore {rule.code[:3]}` leaves out the whole family "
            f"({family(rule.code) or 'other'}); `--select` keeps only the rules it names.",
            "",
        ]
    return "\n".join(lines)


def render_index(rules: Sequence[Rule] = RULES) -> str:
    """The Markdown index of the rule pages, one table row per rule."""
    lines = [
        "# footcheck rules", "",
        _GENERATED, "",
        "Every finding names its rule by code and kind. Select or ignore rules with "
        "`--select` and `--ignore` (code prefixes or kinds, comma-separated); `footcheck rules` "
        "lists them on the command line.", "",
        "| Code | Kind | Severity | Family | What it finds |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        summary = rule.summary.replace("|", "\\|")
        removed = " (removed)" if rule.removed else ""
        lines.append(f"| [{rule.code}]({rule.code}.md) | `{rule.kind}`{removed} | "
                     f"{rule.severity} | {family(rule.code)} | {summary} |")
    return "\n".join(lines) + "\n"


_GENERATED = ("<!-- Generated from src/footcheck/checks/rules.py by "
              "`python -m footcheck.formats.ruledocs docs/rules`: do not edit by hand. -->")


def _fenced(text: str) -> list[str]:
    """``text`` in a fenced block longer than any run of backticks in it, shown literally."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", text, fence]


def stale(folder: str, rules: Sequence[Rule] = RULES) -> list[str]:
    """The page files in ``folder`` that differ from what :func:`pages` writes, are
    missing, or belong to no rule (``FCxxx.md`` left from a rule no longer in the table)."""
    wanted = pages(rules)
    out = []
    for name, text in wanted.items():
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8", newline="") as stream:
                if stream.read() != text:
                    out.append(name)
        except FileNotFoundError:
            out.append(name)
    if os.path.isdir(folder):
        out += sorted(name for name in os.listdir(folder)
                      if re.fullmatch(r"FC\d+\.md", name) and name not in wanted)
    return out


def write(folder: str, rules: Sequence[Rule] = RULES) -> list[str]:
    """Write the pages into ``folder`` (created if needed), each atomically; return the
    names of the files that changed. Pages of rules no longer in the table are left for
    a person to delete (:func:`stale` lists them)."""
    from ..output import write_atomic

    os.makedirs(folder, exist_ok=True)
    wanted = pages(rules)
    changed = [name for name in stale(folder, rules) if name in wanted]
    for name in changed:
        write_atomic(os.path.join(folder, name), wanted[name])
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m footcheck.formats.ruledocs [--check] FOLDER``: write the rule pages into
    FOLDER, or with ``--check`` only report (exit 1) the pages that are stale."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    folders = [a for a in args if a != "--check"]
    if len(folders) != 1:
        print("usage: python -m footcheck.formats.ruledocs [--check] FOLDER", file=sys.stderr)
        return 2
    folder = folders[0]
    if check:
        names = stale(folder)
        for name in names:
            print(f"{os.path.join(folder, name)}: out of date", file=sys.stderr)
        return 1 if names else 0
    changed = write(folder)
    print(f"{len(changed)} of {len(pages())} pages written to {folder}")
    for name in stale(folder):  # only pages of rules that left the table remain
        print(f"{os.path.join(folder, name)}: no such rule any more; delete it",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
