"""Reading and decoding documents: encodings, line endings, and inputs that are not text."""

from __future__ import annotations

import errno
import gzip
import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from footcheck.document import decode, read
from footcheck.errors import InputError
from footcheck.model import Document

# Realistic short briefs, each with an endnote marker, its note and a URL.
RUSSIAN = (
    "Доклад о политике: релоканты в Грузии\n"
    "Рост цен ускорился в 2023 году.^{IV}\n"
    "\n"
    "IV. Центральный банк, «Обзор инфляции», https://cbr.ru/report/2023\n"
)
RUSSIAN_PLAIN_QUOTES = (  # KOI8-R has no «guillemets»
    "Инфляция выросла в 2023 году^{IV}.\n"
    'IV. Банк России, "Обзор", https://cbr.ru/a\n'
)
UKRAINIAN = (
    "Інфляція в Україні зросла^{IV}.\n"
    "IV. Національний банк, https://bank.gov.ua/ua/\n"
)
ENGLISH_CURLY = (
    "The “reform” was delayed.^{IV}\n"
    "It’s a café issue – see the ministry’s “Budget Notes”.\n"
    "\n"
    "IV. Smith, “Budget Notes”, https://example.org/notes\n"
)
ENGLISH_SHORT = "Brief “notes”^{IV}\nIV. https://e.org\n"
FRENCH = (
    "Le résumé de la réforme économique.^{II}\n"
    "II. Ministère, « Rapport », https://gouv.fr/r\n"
)
GERMAN = (
    "Die Größe der Maßnahmen für Österreich^{III}.\n"
    "III. Bundesamt, „Bericht“, https://bund.de/a\n"
)
POLISH = (
    "Główny Urząd Statystyczny ogłosił wzrost cen^{II}.\n"
    "II. GUS, https://stat.gov.pl/\n"
)
TURKISH = (
    "Türkiye'de enflasyon şiddetle yükseldi ve ışık fiyatları arttı^{I}.\n"
    "I. TÜİK, https://tuik.gov.tr\n"
)


def check_decoded(data: bytes, expected: str, encoding: str) -> Document:
    """Decode ``data`` and check its text and encoding, and that the encoding re-decodes it."""
    document = decode(data, path="brief.txt")
    assert document.text == expected
    assert document.encoding == encoding
    assert Document.from_text(data.decode(document.encoding)).text == expected
    return document


# --- encodings ---------------------------------------------------------------------------


def test_utf8_is_the_fast_path():
    check_decoded((RUSSIAN + ENGLISH_CURLY).encode("utf-8"), RUSSIAN + ENGLISH_CURLY, "utf-8")


def test_ascii_is_reported_as_utf8():
    check_decoded(b"Plain text^{I}\nI. https://e.org\n", "Plain text^{I}\nI. https://e.org\n",
                  "utf-8")


def test_utf8_with_bom_is_stripped_and_reported():
    document = check_decoded(b"\xef\xbb\xbf" + RUSSIAN.encode(), RUSSIAN, "utf-8-sig")
    offset = document.text.index("^{IV}")
    assert document.position(offset) == (2, RUSSIAN.splitlines()[1].index("^{IV}") + 1)


@pytest.mark.parametrize("codec, bom", [
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_unicode_with_bom(codec, bom):
    text = RUSSIAN + ENGLISH_CURLY
    check_decoded(bom + text.encode(codec), text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH_CURLY, RUSSIAN, "中文政策简报^{IV}\nIV. 国家统计局 https://stats.gov.cn\n"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec, text):
    check_decoded(text.encode(codec), text, codec)


@pytest.mark.parametrize("text", [
    RUSSIAN,
    RUSSIAN_PLAIN_QUOTES,
    UKRAINIAN,
    "Инфляция выросла^{IV}.\nIV. См. https://example.org/a\n",
    "Да^{I}\nI. https://x.ru\n",
])
def test_short_cyrillic_windows_1251(text):
    check_decoded(text.encode("cp1251"), text, "cp1251")


@pytest.mark.parametrize("text", [ENGLISH_CURLY, ENGLISH_SHORT, FRENCH, GERMAN])
def test_short_windows_1252_with_curly_quotes_and_accents(text):
    check_decoded(text.encode("cp1252"), text, "cp1252")


def test_windows_1252_wins_when_windows_1251_reads_the_same():
    # Curly quotes are the same bytes in both code pages; Word on Windows wrote 1252.
    assert ENGLISH_SHORT.encode("cp1252") == ENGLISH_SHORT.encode("cp1251")
    check_decoded(ENGLISH_SHORT.encode("cp1251"), ENGLISH_SHORT, "cp1252")


@pytest.mark.parametrize("text", [FRENCH, GERMAN.replace("„", "«").replace("“", "»")])
def test_latin1_reads_as_windows_1252(text):
    # Latin-1 is Windows-1252 without the printable 0x80-0x9F range: same text, and 1252 is
    # the name to report, since the file may also hold curly quotes elsewhere.
    data = text.encode("latin-1")
    assert data == text.encode("cp1252")
    check_decoded(data, text, "cp1252")


@pytest.mark.parametrize("text", [RUSSIAN_PLAIN_QUOTES, "Инфляция выросла^{IV}.\nIV. https://e.org\n"])
def test_koi8_r(text):
    check_decoded(text.encode("koi8-r"), text, "koi8-r")


def test_iso_8859_5():
    check_decoded(RUSSIAN_PLAIN_QUOTES.encode("iso-8859-5"), RUSSIAN_PLAIN_QUOTES, "iso8859-5")


def test_windows_1250_when_a_letter_gives_it_away():
    check_decoded(POLISH.encode("cp1250"), POLISH, "cp1250")


def test_windows_1254_when_a_letter_gives_it_away():
    check_decoded(TURKISH.encode("cp1254"), TURKISH, "cp1254")


def test_long_legacy_file_is_decoded_whole():
    # Longer than the sample that is scored: the whole file must still be decoded.
    text = RUSSIAN * 2000 + "Последняя строка: Ёлка, «ёж».\n"
    check_decoded(text.encode("cp1251"), text, "cp1251")


def test_read_decodes_a_file(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    document = read(path)
    assert document.text == RUSSIAN
    assert document.encoding == "cp1251"
    assert document.path == str(path)


def test_read_never_modifies_the_input(tmp_path):
    path = tmp_path / "brief.txt"
    data = b"\xef\xbb\xbfTitle\r\nText^{I}\r\n\r\nI. https://e.org\r\n"
    path.write_bytes(data)
    path.chmod(0o444)
    before = path.stat()
    read(str(path))
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_mtime_ns, after.st_mode, after.st_size) == (
        before.st_mtime_ns, before.st_mode, before.st_size)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_charset_normalizer_is_imported_only_for_legacy_encodings():
    code = (
        "import sys\n"
        "from footcheck.document import decode\n"
        "decode('Доклад^{I}'.encode())\n"
        "print('charset_normalizer' in sys.modules)\n"
        "decode('Доклад^{I}'.encode('cp1251'))\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "True"]


# --- line endings and positions ----------------------------------------------------------

EDITOR_LINES = [
    "Доклад о политике",
    "Рост цен ускорился.",
    "Как отмечает банк,^{IV} цены растут.",
    "",
    "IV. Обзор, https://cbr.ru/a",
]


def editor_position(lines: list[str], needle: str) -> tuple[int, int]:
    """Where an editor shows ``needle``: 1-based line and column, in characters."""
    for number, line in enumerate(lines, start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_positions_match_the_editor_for_every_line_ending(newline, codec):
    original = newline.join(EDITOR_LINES) + newline
    document = decode(original.encode(codec))
    assert "\r" not in document.text
    assert document.line_count == len(EDITOR_LINES)
    for needle in ("^{IV}", "https://cbr.ru/a", "цены"):
        assert document.position(document.text.index(needle)) == editor_position(
            EDITOR_LINES, needle)
    assert document.line(3) == EDITOR_LINES[2]


def test_mixed_line_endings_keep_editor_positions():
    raw = b"one\r\ntwo\rthree\nfour^{I}\r\n"
    document = decode(raw)
    assert document.position(document.text.index("^{I}")) == (4, 5)


# --- inputs that are not text documents ----------------------------------------------------


def error_of(data: bytes, path: str = "docs/brief.txt") -> str:
    """The message of the InputError raised decoding ``data``, checked to be one clean line."""
    with pytest.raises(InputError) as caught:
        decode(data, path=path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert "Errno" not in message and "b'" not in message and "Path(" not in message
    return message


def read_error_of(path: Path | str) -> str:
    """The message of the InputError raised reading ``path``, checked to be one clean line."""
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert "Errno" not in message and "Path(" not in message
    return message


def test_missing_file(tmp_path):
    assert read_error_of(tmp_path / "nope.txt").endswith(": no such file")


def test_directory(tmp_path):
    assert read_error_of(tmp_path).endswith(": is a directory, not a file")


def test_path_through_a_file(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    assert "no such file" in read_error_of(str(tmp_path / "file.txt" / "brief.txt"))


@pytest.mark.parametrize("error, expected", [
    (PermissionError(errno.EACCES, "Permission denied"), ": permission denied"),
    (OSError(errno.EIO, "Input/output error"), ": cannot read (Input/output error)"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), ": no such file"),
])
def test_os_errors_become_one_line_messages(tmp_path, monkeypatch, error, expected):
    path = tmp_path / "brief.txt"
    path.write_text("text")

    def fail(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", fail)
    assert read_error_of(path).endswith(expected)


def test_permission_error_on_a_directory_says_directory(tmp_path, monkeypatch):
    # Windows reports opening a directory as "permission denied".
    def fail(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", fail)
    assert read_error_of(tmp_path).endswith(": is a directory, not a file")


def test_unprintable_characters_in_the_path_are_escaped():
    with pytest.raises(InputError) as caught:
        decode(b"", path="bad\nname.txt")
    assert str(caught.value) == "bad\\nname.txt: is empty"


def zipped() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
    (zipped(), "zip archive, such as a .docx or .odt file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "OLE2 compound file, such as a .doc file"),
    (gzip.compress(b"text", mtime=0), "gzip archive"),
])
def test_known_binary_formats_are_named(data, kind):
    assert error_of(data).endswith(f": looks like a binary file ({kind}), not a text document")


def test_nul_bytes_that_are_not_utf16():
    data = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"
    assert "(contains NUL bytes)" in error_of(data)


def test_truncated_utf16_without_bom_is_not_text():
    assert "(contains NUL bytes)" in error_of(ENGLISH_CURLY.encode("utf-16-le")[:-1])


def test_many_control_characters():
    assert "(many control characters)" in error_of(b"\x01\x02\x03\x04\x1b\x1cabc\x05def")


def test_a_few_control_characters_are_tolerated():
    text = "Title\x0b with a Word line break\x0c and a page break^{I}\nI. https://e.org\n"
    check_decoded(text.encode(), text, "utf-8")


def test_undecodable_bytes():
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    message = error_of(data)
    assert message.endswith(": is not UTF-8 and its text encoding cannot be recognised;"
                            " save it as UTF-8 and try again")


def test_damaged_utf8_says_where():
    data = "Le résumé^{I}\r\nsecond line ".encode() + b"\xe9t\xe9\r\n"
    message = error_of(data)
    assert message == ("docs/brief.txt: is not valid UTF-8 (byte 0xe9 at line 2, column 13);"
                       " fix that character or save the file as UTF-8 again")


def test_damaged_utf8_with_bom_says_where():
    data = b"\xef\xbb\xbf" + "Доклад\nстрока ".encode() + b"\xff"
    assert "(byte 0xff at line 2, column 8)" in error_of(data)


def test_damaged_utf16_with_bom():
    message = error_of(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8")
    assert message.endswith("starts with a UTF-16-LE byte-order mark but is not valid"
                            " UTF-16-LE (bad bytes at offset 6)")


@pytest.mark.parametrize("data, expected", [
    (b"", ": is empty"),
    (b" \r\n\t\n  ", ": is empty (only whitespace)"),
    (b"\xef\xbb\xbf", ": is empty (only whitespace)"),
    ("\n \n".encode("utf-16"), ": is empty (only whitespace)"),
])
def test_empty(data, expected):
    assert error_of(data).endswith(expected)


def test_empty_file(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(b"")
    assert read_error_of(path) == f"{path}: is empty"


def test_read_accepts_str_and_pathlike(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(b"Text^{I}\n")
    assert read(str(path)) == read(path)
    assert read(os.fspath(path)).path == str(path)
