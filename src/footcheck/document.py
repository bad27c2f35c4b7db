"""Read a document from disk and decode it to text, whatever its encoding.

:func:`read` never modifies the file. :func:`decode` tries, cheapest and most certain first:
known binary signatures, byte-order marks, UTF-16 without a byte-order mark (recognised by
its pattern of NUL bytes), strict UTF-8 (almost every file stops here) and only then the
legacy 8-bit encodings.

Legacy encodings are the hard case. On a short text, charset-normalizer alone often guesses
wrong: it reads a two-line Windows-1252 brief with curly quotes as Big5, and a French one as
Windows-1250. So the candidates are a fixed list of the code pages briefs are really written
in, followed by charset-normalizer's guesses (for everything else: Greek, Baltic, CJK…), and
each candidate's decoding of a sample is scored for signs of mojibake: control characters,
words mixing scripts (``cafй``), capitals inside lower-case words (``дОКЛАД``), Latin words
made mostly of accented letters (``Äîêëàä``), symbols inside words (``g³ówny``). The
cleanest decoding wins; ties go to the earlier candidate, so Windows-1252 beats Latin-1 and
Windows-1251 when the bytes read the same in both.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .model import Document

# Leading bytes of file types people mistake for text documents, and what to call them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive, such as a .docx or .odt file"),
    (b"PK\x05\x06", "empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound file, such as a .doc file"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
)

# UTF-32-LE's mark begins with UTF-16-LE's, so it must be tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that have no business in a text document (tab, newlines, vertical tab
# and form feed are fine). More than 1 in 20 characters of them means binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
# One well-formed UTF-8 multi-byte sequence.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

# Legacy encodings, most likely first: ties in the mojibake score go to the earlier one.
_LEGACY = (
    "cp1252", "cp1251", "koi8-r", "cp1254", "cp1250", "iso8859-2", "iso8859-5", "latin-1"
)
#: Lines a text document may have: each costs ~40 bytes in the document's table of line
#: starts and more in the extractor (10 MB of line breaks took 400 MB); a 3,000-page book
#: has ~100,000.
MAX_LINES = 1_000_000
_MAX_GUESSES = 5  # charset-normalizer guesses considered after the fixed list
_SAMPLE_BYTES = 32_768  # of lines with non-ASCII bytes, scored for each candidate
_MAX_SCORE_RATE = 0.25  # mojibake score per non-ASCII character beyond which nothing fits


def read(path: str | os.PathLike[str]) -> Document:
    """Read the document at ``path``: Word, PDF and HTML through their readers, text decoded.

    The reader is picked by :func:`footcheck.readers.convert` from the suffix and the leading
    bytes; everything else is text, decoded by :func:`decode`. The file is never modified.
    Raises :class:`InputError` with a one-line message when the file cannot be read or is
    not a document (missing, a directory, unreadable, binary, undecodable, empty, damaged,
    password-protected, or not what its suffix says).
    """
    from .readers import Unreadable, convert, structure

    shown = shown_path(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(_describe_read_error(exc, path, shown)) from None
    try:
        document = convert(data, str(path))
        if document is None:
            document = structure(decode(data, path=str(path)))
    except Unreadable as exc:
        raise InputError(f"{shown}: {exc}") from None
    if document.path != shown and not document.path.isprintable():
        # a name in no UTF-8 (``\xff.md``, from an old archive): reports name it escaped, as
        # messages do, since no report can hold the bytes it is made of
        document = dataclasses.replace(document, path=shown)
    return document


def find_documents(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The documents to audit for ``paths``: files as given, and every brief in a folder.

    A folder is searched recursively for files footcheck reads (text, Markdown, HTML, Word,
    PDF), skipping hidden files and folders, in sorted order. Raises :class:`InputError` for
    a folder holding none.
    """
    from .readers import READERS, TEXT_SUFFIXES

    suffixes = set(READERS) | set(TEXT_SUFFIXES)
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(os.fspath(path))
            continue
        found, unreadable = [], []
        for folder, subfolders, files in os.walk(path, onerror=unreadable.append):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            found += [os.path.join(folder, f) for f in files if not f.startswith(".")
                      and os.path.splitext(f)[1].lower() in suffixes
                      and os.path.isfile(os.path.join(folder, f))]
        # a folder that cannot be listed is named, so that reading it fails with its reason
        # (its documents unaudited must not pass the gate)
        found = sorted(found + [e.filename for e in unreadable if e.filename is not None])
        if not found:
            raise InputError(f"{shown_path(path)}: no documents to audit in this folder "
                             f"({', '.join(sorted(suffixes))})")
        out.extend(found)
    return out


def decode(data: bytes, path: str = "<bytes>") -> Document:
    """Decode the bytes of a text document, detecting its encoding.

    The document's ``encoding`` is the Python codec name the bytes were decoded with, such as
    ``utf-8``, ``utf-8-sig``, ``utf-16-le`` or ``cp1251``. Raises :class:`InputError`
    (naming ``path``) when the bytes are empty, binary or in no recognisable encoding.
    """
    shown = shown_path(path)
    if not data:
        raise InputError(f"{shown}: is empty")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{shown}: looks like a binary file ({kind}), not a text document")
    text, encoding = _decode_text(bytes(data), shown)
    if (len(text) - len(_CONTROL.sub("", text))) * 20 > len(text):
        raise InputError(
            f"{shown}: looks like a binary file (many control characters), not a text document"
        )
    if text.count("\n") + text.count("\r") > MAX_LINES:  # (before a line table is built)
        raise InputError(f"{shown}: is too large to read (more than {MAX_LINES:,} lines)")
    document = Document.from_text(text, path=path, encoding=encoding)
    if not document.text.strip():
        raise InputError(f"{shown}: is empty (only whitespace)")
    return document


def _decode_text(data: bytes, shown: str) -> tuple[str, str]:
    """Return the text of ``data`` and the name of the encoding it was decoded with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as exc:
                if encoding == "utf-8-sig":
                    raise _invalid_utf8(data, len(bom) + exc.start, shown) from None
                name = encoding.upper()
                raise InputError(
                    f"{shown}: starts with a {name} byte-order mark but is not valid {name}"
                    f" (bad bytes at offset {len(bom) + exc.start})"
                ) from None
    if b"\x00" in data:
        encoding = _sniff_utf16(data)
        if encoding is not None:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
        raise InputError(
            f"{shown}: looks like a binary file (contains NUL bytes), not a text document"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        sample = _sample(data)
        if _damaged_utf8(sample):
            raise _invalid_utf8(data, exc.start, shown) from None
    return _decode_legacy(data, sample, shown)


def _sniff_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le`` or ``utf-16-be`` if the NUL bytes fall like UTF-16 text's."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    # ASCII characters (letters, spaces, digits, newlines) have a NUL high byte: at odd
    # offsets in little-endian text, at even ones in big-endian text.
    if odd * 10 >= pairs and even * 10 <= odd:
        return "utf-16-le"
    if even * 10 >= pairs and odd * 10 <= even:
        return "utf-16-be"
    return None


def _damaged_utf8(sample: bytes) -> bool:
    """Whether text that is not valid UTF-8 is damaged UTF-8 rather than a legacy encoding.

    That is, whether ``sample`` (its lines with non-ASCII bytes) has at least as many valid
    UTF-8 multi-byte sequences as stray bytes: legacy text almost never forms such sequences
    (é alone is 0xE9 in Windows-1252).
    """
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    rest, sequences = _UTF8_SEQUENCE.subn(b"", sample)
    invalid = high - (len(sample) - len(rest))
    return sequences >= invalid


def _invalid_utf8(data: bytes, offset: int, shown: str) -> InputError:
    """The error for UTF-8 ``data`` with a bad byte at ``offset``, located as an editor would."""
    before = Document.from_text(data[:offset].decode("utf-8", errors="replace"))
    line, column = before.position(len(before.text))
    return InputError(
        f"{shown}: is not valid UTF-8 (byte 0x{data[offset]:02x} at line {line},"
        f" column {column}); fix that character or save the file as UTF-8 again"
    )


# --- legacy encodings -------------------------------------------------------------------


def _decode_legacy(data: bytes, sample: bytes, shown: str) -> tuple[str, str]:
    """Decode ``data`` with the legacy encoding whose ``sample`` text looks least garbled."""
    scored: list[tuple[int, int, str]] = []
    for rank, encoding in enumerate(_candidates(sample)):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_mojibake_score(text, encoding), rank, encoding))
    scored.sort()
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    for score, _rank, encoding in scored:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # the sample decoded but the whole file does not
        if score > _MAX_SCORE_RATE * max(non_ascii, 1):
            break
        return text, encoding
    raise InputError(
        f"{shown}: is not UTF-8 and its text encoding cannot be recognised;"
        " save it as UTF-8 and try again"
    )


def _candidates(sample: bytes) -> list[str]:
    """The fixed legacy encodings, then charset-normalizer's first guesses, without repeats.

    Names are canonical Python codec names (``latin-1`` becomes ``iso8859-1``).
    """
    from charset_normalizer import from_bytes  # imported here: it is slow to import

    names = [codecs.lookup(name).name for name in _LEGACY]
    guesses = 0
    for match in from_bytes(sample):
        try:
            name = codecs.lookup(match.encoding).name
        except LookupError:
            continue
        if name in names or name.startswith(("utf", "ascii")):
            continue
        names.append(name)
        guesses += 1
        if guesses == _MAX_GUESSES:
            break
    return names


def _sample(data: bytes) -> bytes:
    """Return up to ``_SAMPLE_BYTES`` of ``data``'s lines that contain non-ASCII bytes.

    Pieces start and end at a line break, or for long lines at a byte below 0x40 near the
    non-ASCII byte, which is never the second byte of a multi-byte character in the legacy
    CJK encodings either, so every piece decodes on its own.
    """
    if len(data) <= _SAMPLE_BYTES:
        return data
    pieces: list[bytes] = []
    size = 0
    position = 0
    while size < _SAMPLE_BYTES:
        found = _HIGH_BYTE.search(data, position)
        if found is None:
            break
        hit = found.start()
        newline = data.rfind(b"\n", max(0, hit - 512), hit)
        if newline != -1:
            start = newline + 1
        else:
            start = 0 if hit <= 512 else _boundary_after(data, hit - 512, hit)
        newline = data.find(b"\n", hit, hit + 1024)
        end = newline + 1 if newline != -1 else _boundary_after(data, hit + 1024, hit + 4096)
        pieces.append(data[start:end])
        size += end - start
        position = end
    return b"\n".join(pieces)


_SAFE_BOUNDARY = re.compile(rb"[\x00-\x3f]")


def _boundary_after(data: bytes, start: int, limit: int) -> int:
    """The offset just past the first byte below 0x40 in ``data[start:limit]``, or ``limit``."""
    found = _SAFE_BOUNDARY.search(data, start, limit)
    return found.end() if found else min(limit, len(data))


# Scoring works on a "class string": every character is translated into one letter saying
# what it is (see _classify), so that regular expressions count suspicious patterns at C
# speed. Letters: a/A ASCII Latin, e/E other Latin, c/C Cyrillic, g/G Greek (upper case for
# capitals), x any other script; "0" ASCII digit; "." ASCII punctuation; " " white space;
# "'" neutral inside words (apostrophes, soft hyphens, format characters); "m" combining
# mark; "#" box drawing or spacing accent (rare in text, common in mojibake); "$" other
# symbol or punctuation; "!" control, unassigned or private-use character.
_IN_WORD = "\u2019\u2018\u02bc\u00b7\u2010\u2011"
_MIXED_SCRIPTS = re.compile(
    r"[aAeE](?=[cCgGx])|[cC](?=[aAeEgGx])|[gG](?=[aAeEcCx])|x(?=[aAeEcCgG])"
)
_CAPITAL_INSIDE = re.compile(r"[ecg](?=[AECG])|a(?=[ECG])")
_SYMBOL_INSIDE = re.compile(r"(?<=[aAeEcCgGx])\$(?=[aAeEcCgGx])")
_STRAY_MARK = re.compile(r"(?<![aAeEcCgGxm])m")
_ACCENTED_WORD = re.compile(r"(?<![aAeE])[aAeE]*[eE][aAeE]*")
# Icelandic letters: in practice, Turkish ş ğ Ş Ğ read as Windows-1252.
_ICELANDIC = re.compile("[ðþÐÞ]")
# A Turkish code page is only right if the accented letters are Turkish ones.
_TURKISH_CODECS = frozenset({"cp1254", "iso8859-9"})
_NOT_TURKISH = re.compile(r"[^\W\d_\x00-\x7fçğıöşüâîûÇĞİÖŞÜÂÎÛ]")


def _classify(char: str) -> str:
    """Return the one-letter class of ``char`` used by the mojibake score."""
    code = ord(char)
    if char.isspace():
        return " "
    if code < 0x80:
        if char.isalpha():
            return "A" if char.isupper() else "a"
        if char.isdigit():
            return "0"
        return "." if char.isprintable() else "!"
    if char in _IN_WORD:
        return "'"
    category = unicodedata.category(char)
    if category in ("Cc", "Cn", "Co", "Cs"):
        return "!"
    if category == "Cf":
        return "'"
    if category[0] == "M":
        return "m"
    if category == "Sk" or 0x2500 <= code < 0x25A0:
        return "#"
    if category[0] == "L":
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            script = "e"
        elif 0x400 <= code < 0x530:
            script = "c"
        elif 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
            script = "g"
        else:
            return "x"
        return script.upper() if category in ("Lu", "Lt") else script
    return "$"


class _ClassTable(dict):  # type: ignore[type-arg]
    """A ``str.translate`` table that classifies each character once, on first sight."""

    def __missing__(self, code: int) -> str:
        self[code] = value = _classify(chr(code))
        return value


_CLASSES = _ClassTable()


def _mojibake_score(text: str, encoding: str) -> int:
    """How garbled ``text`` decoded with ``encoding`` looks: 0 for clean text, more if not."""
    classes = text.translate(_CLASSES)
    score = 4 * classes.count("!") + classes.count("#")
    score += 2 * len(_MIXED_SCRIPTS.findall(classes))
    score += len(_CAPITAL_INSIDE.findall(classes))
    score += len(_SYMBOL_INSIDE.findall(classes))
    score += len(_STRAY_MARK.findall(classes))
    for word in _ACCENTED_WORD.findall(classes):
        accented = word.count("e") + word.count("E")
        if len(word) >= 2 and accented * 2 > len(word):
            score += 1
    score += len(_ICELANDIC.findall(text))
    if encoding in _TURKISH_CODECS:
        score += len(_NOT_TURKISH.findall(text))
    return score


# --- messages ---------------------------------------------------------------------------


def _describe_read_error(exc: OSError, path: str | os.PathLike[str], shown: str) -> str:
    """A one-line, user-facing message for an error reading ``path``."""
    if isinstance(exc, FileNotFoundError):
        return f"{shown}: no such file"
    if isinstance(exc, IsADirectoryError) or (
        isinstance(exc, PermissionError) and os.path.isdir(path)  # Windows says "denied"
    ):
        try:
            os.listdir(path)
        except OSError as listing:  # a folder of a folder given, which cannot be listed
            return (f"{shown}: this folder cannot be read "
                    f"({(listing.strerror or type(listing).__name__).lower()}): its documents "
                    "were not audited")
        return f"{shown}: is a directory, not a file"
    if isinstance(exc, PermissionError):
        return f"{shown}: permission denied"
    if isinstance(exc, NotADirectoryError):
        return f"{shown}: no such file (part of the path is not a directory)"
    return f"{shown}: cannot read ({exc.strerror or type(exc).__name__})"


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text for a message, with unprintable characters escaped."""
    text = os.fspath(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")
