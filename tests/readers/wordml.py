"""Build small .docx files from hand-written WordprocessingML, with no binary fixtures.

A paragraph is written as a string with inline tags:

* ``{en:3}`` / ``{fn:3}``: a real endnote / footnote reference to the note with id 3;
* ``{sup:xiv}``: a run of superscript text typed by hand; ``{i:text}``: an italic run;
* ``{a:URL|text}``: a hyperlink (a relationship to an external target);
* ``{xml:…}``: raw XML inside the paragraph, for anything else.

``docx(body, endnotes={3: "text"}, footnotes=…)`` returns the bytes of a .docx whose parts
are ``[Content_Types].xml``, the package and document relationships, ``word/document.xml``,
``word/settings.xml`` and, when given, ``word/endnotes.xml`` and ``word/footnotes.xml`` (each
with Word's separator notes, ids -1 and 0, as Word writes them).
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TAG = re.compile(r"\{(en|fn|sup|i|a|xml):((?:[^{}]|\{[^{}]*\})*)\}")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""  # noqa: E501

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{REL_NS}">
<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="word/document.xml"/>
</Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/>
</w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""


class _Links:
    """Hyperlink relationships of one part, numbered rId100, rId101…"""

    def __init__(self) -> None:
        self.targets: list[str] = []

    def add(self, target: str) -> str:
        self.targets.append(target)
        return f"rId{99 + len(self.targets)}"

    def xml(self, extra: str = "") -> str:
        rels = "".join(
            f'<Relationship Id="rId{100 + i}" Type="{OFFICE}/hyperlink" '
            f'Target={quoteattr(t)} TargetMode="External"/>' for i, t in enumerate(self.targets))
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{REL_NS}">{extra}{rels}</Relationships>')


def run(text: str, props: str = "") -> str:
    """One run of text, with run properties ``props`` (raw XML)."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(markup: str, links: _Links, props: str = "") -> str:
    """A ``w:p`` from a paragraph written with the inline tags of this module."""
    out = []
    pos = 0
    for m in _TAG.finditer(markup):
        if m.start() > pos:
            out.append(run(markup[pos:m.start()]))
        kind, value = m.groups()
        if kind == "en":
            out.append('<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
                       f'<w:endnoteReference w:id="{value}"/></w:r>')
        elif kind == "fn":
            out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                       f'<w:footnoteReference w:id="{value}"/></w:r>')
        elif kind == "sup":
            out.append(run(value, '<w:vertAlign w:val="superscript"/>'))
        elif kind == "i":
            out.append(run(value, "<w:i/>"))
        elif kind == "a":
            target, _, shown = value.partition("|")
            shown_run = run(shown, '<w:rStyle w:val="Hyperlink"/>')
            out.append(f'<w:hyperlink r:id="{links.add(target)}">{shown_run}</w:hyperlink>')
        else:
            out.append(value)
        pos = m.end()
    if pos < len(markup):
        out.append(run(markup[pos:]))
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(out)}</w:p>"


def notes_part(kind: str, notes: dict[int, str | list[str]], links: _Links) -> str:
    """``word/endnotes.xml`` or ``word/footnotes.xml`` holding ``notes`` (id -> text)."""
    ref_style = "EndnoteReference" if kind == "endnote" else "FootnoteReference"
    parts = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             f'</w:{kind}>',
             f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             f'<w:continuationSeparator/></w:r></w:p></w:{kind}>']
    for note_id, text in notes.items():
        paragraphs = [text] if isinstance(text, str) else text
        body = []
        for i, piece in enumerate(paragraphs):
            mark = (f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:{kind}Ref/></w:r>'
                    + run(" ")) if i == 0 else ""
            body.append(paragraph(piece, links).replace("<w:p>", "<w:p>" + mark, 1))
        parts.append(f'<w:{kind} w:id="{note_id}">{"".join(body)}</w:{kind}>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{kind}s {NS}>{"".join(parts)}</w:{kind}s>')


def docx(body: list[str], *, endnotes: dict[int, str | list[str]] | None = None,
         footnotes: dict[int, str | list[str]] | None = None,
         endnote_format: str | None = None, footnote_format: str | None = None,
         section: str = "", settings: str = "", extra_parts: dict[str, str] | None = None,
         body_xml: str = "", header: str | None = None, footer: str | None = None) -> bytes:
    """The bytes of a .docx with these body paragraphs (tagged strings) and notes.

    ``endnote_format``/``footnote_format`` set ``w:numFmt`` in settings.xml; ``section`` is
    raw XML put in the body's final ``w:sectPr``; ``body_xml`` is raw XML appended to the body;
    ``header`` and ``footer`` are the text of a running header and footer, in which ``#``
    stands for the page number (a ``PAGE`` field).
    """
    furniture = ""
    extra = dict(extra_parts or {})
    internal = ""
    for kind, text, rid in (("header", header, 5), ("footer", footer, 6)):
        if text is None:
            continue
        before, _, after = text.partition("#")
        page = ('<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                if "#" in text else "")
        tag = "hdr" if kind == "header" else "ftr"
        extra[f"word/{kind}1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {NS}><w:p>'
            f"{run(before) if before else ''}{page}{run(after) if after else ''}</w:p></w:{tag}>")
        furniture += f'<w:{kind}Reference w:type="default" r:id="rId{rid}"/>'
        internal += (f'<Relationship Id="rId{rid}" Type="{OFFICE}/{kind}" '
                     f'Target="{kind}1.xml"/>')
    section = furniture + section
    links = _Links()
    paragraphs = "".join(paragraph(p, links) for p in body)
    note_settings = ""
    if endnote_format:
        note_settings += f'<w:endnotePr><w:numFmt w:val="{endnote_format}"/></w:endnotePr>'
    if footnote_format:
        note_settings += f'<w:footnotePr><w:numFmt w:val="{footnote_format}"/></w:footnotePr>'
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document {NS}><w:body>{paragraphs}{body_xml}'
                f"<w:sectPr>{section}</w:sectPr></w:body></w:document>")
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/settings.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                              f"<w:settings {NS}>{note_settings}{settings}</w:settings>"),
    }
    internal += (f'<Relationship Id="rId1" Type="{OFFICE}/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId2" Type="{OFFICE}/settings" Target="settings.xml"/>')
    for kind, notes, rid in (("endnote", endnotes, 3), ("footnote", footnotes, 4)):
        if notes is not None:
            note_links = _Links()
            parts[f"word/{kind}s.xml"] = notes_part(kind, notes, note_links)
            parts[f"word/_rels/{kind}s.xml.rels"] = note_links.xml()
            internal += (f'<Relationship Id="rId{rid}" Type="{OFFICE}/{kind}s" '
                         f'Target="{kind}s.xml"/>')
    parts["word/_rels/document.xml.rels"] = links.xml(internal)
    parts.update(extra)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()
