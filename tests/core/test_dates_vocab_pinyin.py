import datetime as dt

import pytest

from mzdesk.core.dates import parse_date, period_text
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import set_language, text
from mzdesk.core.pinyin import initials
from mzdesk.core.vocab import AbilityLevel, BedType, Grade, Operation, SupportType


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "20240305",
        20240305,
        "2024-03-05 00:00:00",
        dt.datetime(2024, 3, 5, 8, 30),
        dt.date(2024, 3, 5),
        "２０２４－０３－０５",
    ],
)
def test_common_date_forms(value):
    assert parse_date(value, field="d") == dt.date(2024, 3, 5)


@pytest.mark.parametrize("value", ["03/05/2024", "5.3.2024", "2024-02-30", "明天", "24-3-5"])
def test_dates_that_cannot_be_trusted_are_refused(value):
    with pytest.raises(ValidationError) as error:
        parse_date(value, field="入住日期")
    assert error.value.problems[0].field == "入住日期"


def test_a_bare_number_is_not_guessed_as_an_excel_serial():
    with pytest.raises(ValidationError) as error:
        parse_date(45356, field="d")
    assert error.value.problems[0].code == "date.ambiguous_number"


def test_vocab_accepts_labels_codes_and_aliases():
    assert BedType.from_text("护理型") is BedType.NURSING
    assert BedType.from_text("nursing") is BedType.NURSING
    assert BedType.from_text(" 认知障碍 ") is BedType.DEMENTIA
    assert SupportType.from_text("五保") is SupportType.EXTREME_POVERTY
    assert Grade.from_text("三级") is Grade.THREE
    assert BedType.from_text("豪华型") is None


def test_dementia_beds_count_as_nursing_beds():
    assert BedType.DEMENTIA.counts_as_nursing and BedType.NURSING.counts_as_nursing
    assert not BedType.SELF_CARE.counts_as_nursing


def test_social_operation():
    assert Operation.PRIVATE.socially_operated and Operation.PUBLIC_PRIVATE.socially_operated
    assert not Operation.PUBLIC.socially_operated


def test_ability_level_worse_is_capped():
    assert AbilityLevel.MILD.worse() is AbilityLevel.MODERATE
    assert AbilityLevel.SEVERE.worse(3) is AbilityLevel.COMPLETE


def test_english_labels_and_messages():
    set_language("en")
    try:
        assert BedType.NURSING.label == "nursing"
        assert text("field.required") == "required"
    finally:
        set_language("zh")
    assert BedType.NURSING.label == "护理型"


@pytest.mark.parametrize(
    ("name", "expected"), [("张三丰", "zsf"), ("李秀英", "lxy"), ("欧阳娜娜", "oynn")]
)
def test_pinyin_initials(name, expected):
    assert initials(name).split()[0] == expected


def test_polyphonic_surname_has_both_readings():
    variants = initials("曾国藩").split()
    assert any(v.startswith("z") for v in variants)
    assert any(v.startswith("c") for v in variants)


def test_a_one_day_period_is_one_date():
    day = dt.date(2026, 9, 17)
    assert period_text(day, day) == "2026-09-17"
    assert period_text(day, dt.date(2026, 9, 18)) == "2026-09-17 至 2026-09-18"
    assert period_text(day, dt.date(2026, 9, 18), " – ") == "2026-09-17 – 2026-09-18"


def test_a_year_no_record_can_mean_is_refused_with_the_range():
    """Found by the command-line fuzz: --as-of 9999-12-31 overflowed a date sum (a traceback)."""
    import pytest

    from mzdesk.core.dates import parse_date
    from mzdesk.core.errors import ValidationError

    for typed in ("9999-12-31", "0001-01-01", "1879-12-31", "2200-01-01"):
        with pytest.raises(ValidationError) as refused:
            parse_date(typed, field="--as-of")
        assert "1880 至 2199" in str(refused.value), typed
    assert parse_date("1880-01-01", field="x").year == 1880
    assert parse_date("2199-12-31", field="x").year == 2199
