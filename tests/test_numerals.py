import pytest

from footcheck.numerals import (
    AMBIGUOUS,
    ARABIC,
    ROMAN,
    desuperscript,
    format_number,
    is_roman,
    joined_label,
    read,
    to_roman,
)


@pytest.mark.parametrize("n, roman", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"),
                                      (49, "XLIX"), (94, "XCIV"), (97, "XCVII"), (1999, "MCMXCIX")])
def test_to_roman(n, roman):
    assert to_roman(n) == roman
    assert read(roman).value == n
    assert read(roman.lower()).value == n


@pytest.mark.parametrize("bad", [0, -1, 4000])
def test_to_roman_refuses_out_of_range(bad):
    with pytest.raises(ValueError):
        to_roman(bad)


@pytest.mark.parametrize("token", ["XIV", "xiv", "LXXXVIII", "xcvii", "I", "v"])
def test_canonical_roman_is_not_malformed(token):
    numeral = read(token)
    assert numeral.system == ROMAN and not numeral.malformed


@pytest.mark.parametrize("token, value, system", [
    ("L1", 51, ROMAN),      # digit one typed for I
    ("X1V", 14, ROMAN),
    ("XIIII", 14, ROMAN),   # non-canonical
    ("IIII", 4, ROMAN),
    ("IL", 49, ROMAN),
    ("xIV", 14, ROMAN),     # mixed case
    ("1O", 10, ARABIC),     # letter O typed for zero
    ("l2", 12, ARABIC),
])
def test_malformed_numbers_read_as_intended(token, value, system):
    numeral = read(token)
    assert numeral.malformed
    assert (numeral.value, numeral.system) == (value, system)


def test_superscripts():
    assert read("²").value == 2 and read("²").system == ARABIC
    assert read("¹²").value == 12
    assert read("ⁱⁱⁱ").value == 3 and read("ⁱⁱⁱ").system == ROMAN
    assert read("ⁱᵛ").value == 4
    assert read("ⁱ").system == AMBIGUOUS
    assert desuperscript("ˣˡⁱⁱ") == "xlii"


def test_is_roman_and_format():
    assert is_roman("XLII") and is_roman("xlii")
    assert not is_roman("XlII") and not is_roman("IIII") and not is_roman("")
    assert format_number(94, ROMAN, "lower") == "xciv"
    assert format_number(94, ARABIC) == "94"


def test_a_run_of_digits_too_long_for_a_note_number_has_no_value():
    assert read("9" * 15).value == 999_999_999_999_999
    assert read("1" * 16).value is None
    assert read("²" * 200_000).value is None  # not int("2" * 200000), which Python refuses


def test_a_label_joining_notes_in_a_row():
    assert joined_label("11,12") == (11, 12)
    assert joined_label("3,4,5") == (3, 4, 5)
    for token in ("11", "11,13", "12,11", "1,5", "11, 12", "xi,xii", "12,500"):
        assert joined_label(token) == ()
