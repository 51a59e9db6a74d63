import datetime as dt

import pytest

from mzdesk.core.errors import ValidationError
from mzdesk.core.identifiers import (
    check_region_code,
    check_uscc,
    make_id_number,
    make_uscc,
    mask_id_number,
    parse_id_number,
)
from mzdesk.core.vocab import Gender

# Published example of GB 11643 (a test number, not a person).
EXAMPLE = "11010519491231002X"


def codes(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.code for p in error.value.problems]


def test_reads_birth_date_and_gender():
    parsed = parse_id_number(EXAMPLE)
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender is Gender.FEMALE  # 17th digit 2 is even
    assert parsed.region_code == "110105"
    assert parsed.region_known


def test_odd_sequence_is_male():
    assert parse_id_number(make_id_number("370205", dt.date(1950, 3, 1), 1)).gender is Gender.MALE


@pytest.mark.parametrize(
    "raw",
    [
        " 11010519491231002X ",
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits from a Chinese IME
        "110105 19491231 002X",
    ],
)
def test_normalises_spaces_lower_x_and_full_width(raw):
    assert parse_id_number(raw).value == EXAMPLE


def test_wrong_check_character_names_the_expected_one():
    with pytest.raises(ValidationError) as error:
        parse_id_number("110105194912310021")
    assert codes(error) == ["id_number.checksum"]
    assert error.value.problems[0].message == "校验位错误（应为X）"
    assert error.value.problems[0].field == "id_number"


def test_wrong_length():
    with pytest.raises(ValidationError) as error:
        parse_id_number("11010519491231002")
    assert codes(error) == ["id_number.length"]
    assert "17位" in error.value.problems[0].message


def test_letters_inside_are_refused():
    with pytest.raises(ValidationError) as error:
        parse_id_number("1101051949123100AX")
    assert codes(error) == ["id_number.characters"]


def test_impossible_birth_date():
    body = "11010519490230002"  # 30 February
    with pytest.raises(ValidationError) as error:
        parse_id_number(body + "0")
    assert codes(error) == ["id_number.birth_date"]


def test_birth_date_in_the_future():
    number = make_id_number("110105", dt.date(2030, 1, 1), 12)
    with pytest.raises(ValidationError) as error:
        parse_id_number(number, today=dt.date(2026, 1, 1))
    assert codes(error) == ["id_number.birth_future"]


def test_unknown_or_retired_region_code_never_rejects():
    # 999999 is not a region; a resident born in 1930 with a code abolished since is normal.
    number = make_id_number("999999", dt.date(1930, 1, 1), 13)
    parsed = parse_id_number(number)
    assert not parsed.region_known
    assert parsed.birth_date == dt.date(1930, 1, 1)


def test_mask_hides_the_birth_date():
    assert mask_id_number("370205195003010014") == "370205********0014"


def test_uscc_check_character():
    code = make_uscc("91110000600037341")
    assert code == "91110000600037341L"
    assert check_uscc(" 91110000600037341l ") == code
    with pytest.raises(ValidationError) as error:
        check_uscc("91110000600037341M")
    assert codes(error) == ["uscc.checksum"]
    with pytest.raises(ValidationError) as error:
        check_uscc("9111000060003734IL")  # I is not in the alphabet
    assert codes(error) == ["uscc.characters"]


def test_region_code():
    assert check_region_code("３７０２１２") == "370212"
    with pytest.raises(ValidationError):
        check_region_code("37021")
