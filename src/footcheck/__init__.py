"""footcheck: audit the endnotes, footnotes and cited sources of a brief before publication."""

__version__ = "0.1.0"
