"""footcheck: audit the endnotes, footnotes and cited sources of a brief before publication.

The public API; everything else is private by convention::

    import footcheck

    report = footcheck.audit("brief.docx")            # offline unless links= is given
    print(footcheck.render("markdown", report))
    if report.fails("warning"):
        ...
    bib = footcheck.export("biblatex", report.notes)

``read`` turns a path into a :class:`Document`; ``audit_many`` audits several loaded
documents (``footcheck.pipeline.load`` / ``load_many``) and verifies their links together.
"""

__version__ = "0.1.0"

# After __version__: the modules below import it.
from .document import read
from .formats import render
from .formats import render_bibliography as export
from .links.config import LinkConfig
from .model import Document, Finding, LinkVerdict, Report, Severity
from .pipeline import audit, audit_many

__all__ = ["Document", "Finding", "LinkConfig", "LinkVerdict", "Report", "Severity",
           "__version__", "audit", "audit_many", "export", "read", "render"]
