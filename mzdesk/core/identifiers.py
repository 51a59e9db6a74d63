"""Chinese identifiers: 身份证号 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015), region codes.

python-stdnum supplies the check-character arithmetic; the acceptance rules are ours because
domain.md asks for different ones than stdnum's ``validate``: a region code alone never
rejects a 身份证号 (codes are where and when a number was issued, and retired codes are normal),
and every problem must be reported in words a clerk understands.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from stdnum import numdb
from stdnum.cn import ric, uscc

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.vocab import Gender


def normalise_code(raw: str) -> str:
    """Fold full-width characters, drop inner and surrounding spaces, upper-case letters."""
    folded = unicodedata.normalize("NFKC", raw)
    return re.sub(r"[\s\-]", "", folded).upper()


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character 身份证号 with what can be read from it."""

    value: str
    birth_date: dt.date
    gender: Gender
    region_code: str
    region_known: bool


def mask_id_number(value: str) -> str:
    return f"{value[:6]}{'*' * 8}{value[14:]}" if len(value) == 18 else value


def parse_id_number(
    raw: str, *, field: str = "id_number", today: dt.date | None = None
) -> IdNumber:
    """Check a 身份证号 and read birth date and gender from it.

    Raises :class:`ValidationError` naming ``field`` when the length, characters, check
    character or birth date are wrong. An unknown region code is reported through
    ``IdNumber.region_known`` (a warning at most), never as an error.
    """
    value = normalise_code(raw)
    if len(value) != 18:
        raise ValidationError.single(field, "id_number.length", length=len(value))
    if not (
        value[:17].isdigit() and value[:17].isascii() and (value[17].isdigit() or value[17] == "X")
    ):
        raise ValidationError.single(field, "id_number.characters")
    try:
        birth = ric.get_birth_date(value)
    except Exception:  # stdnum raises InvalidComponent for 19900230 and the like
        raise ValidationError.single(field, "id_number.birth_date", value=value[6:14]) from None
    if birth > (today or dt.date.today()) or birth.year < 1880:
        raise ValidationError.single(field, "id_number.birth_future", value=birth.isoformat())
    expected = ric.calc_check_digit(value)
    if value[17] != expected:
        raise ValidationError.single(field, "id_number.checksum", expected=expected)
    return IdNumber(
        value=value,
        birth_date=birth,
        gender=Gender.MALE if int(value[16]) % 2 == 1 else Gender.FEMALE,
        region_code=value[:6],
        region_known=region_is_known(value[:6]),
    )


@functools.lru_cache(maxsize=8192)  # ~0.3 ms a look-up; a roster repeats few regions
def region_is_known(code: str) -> bool:
    """Whether a 6-digit code is in stdnum's (historical) table of administrative divisions."""
    if not (code.isdigit() and code.isascii() and len(code) == 6):
        return False
    return any("county" in props for _, props in numdb.get("cn/loc").info(code))


def make_id_number(region: str, birth: dt.date, sequence: int) -> str:
    """Build a valid 身份证号 (used by demo data and tests); ``sequence`` odd = male."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def check_uscc(raw: str, *, field: str = "uscc") -> str:
    """Check a 统一社会信用代码 and return it normalised."""
    value = normalise_code(raw)
    if len(value) != 18:
        raise ValidationError.single(field, "uscc.length", length=len(value))
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    if any(c not in alphabet for c in value) or not value[2:8].isdigit():
        raise ValidationError.single(field, "uscc.characters")
    expected = uscc.calc_check_digit(value)
    if value[17] != expected:
        raise ValidationError.single(field, "uscc.checksum", expected=expected)
    return value


def make_uscc(prefix17: str) -> str:
    """Append the check character to 17 characters (demo data and tests)."""
    return prefix17 + uscc.calc_check_digit(prefix17 + "0")


def check_region_code(raw: str, *, field: str = "region_code") -> str:
    value = normalise_code(raw)
    if len(value) != 6 or not value.isdigit() or not value.isascii():
        raise ValidationError([FieldProblem(field, "region_code.format")])
    return value
