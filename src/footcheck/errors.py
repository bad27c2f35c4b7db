"""Errors in footcheck's environment (not in the document: those are findings).

The CLI catches :class:`FootcheckError` once, prints its message on one line and exits with
its ``exit_code``.
"""


class FootcheckError(Exception):
    """Base class of every error footcheck reports to the user without a traceback."""

    exit_code = 3


class InputError(FootcheckError):
    """The input cannot be read as a text document (missing, binary, empty, undecodable…)."""


class OutputError(FootcheckError):
    """An output file cannot be written."""
