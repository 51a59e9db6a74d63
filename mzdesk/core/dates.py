"""Reading dates the ways people write them in rosters, and refusing the ones we cannot trust."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from mzdesk.core.errors import ValidationError

_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
FIRST_YEAR, LAST_YEAR = 1880, 2199  # births of the oldest residents … any plan ahead
_WITH_TIME = re.compile(r"^(.+?)[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def parse_date(value: object, *, field: str) -> dt.date:
    """Turn a cell or typed value into a date.

    Accepts date and datetime objects (Excel dates), and text such as 2024-03-15, 2024/3/15,
    2024.3.15, 2024年3月15日, 20240315, with or without a time. Day-first or month-first forms
    (03/04/2024) and bare numbers other than yyyymmdd are refused, because guessing would
    silently store a wrong date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValidationError.single(field, "date.invalid", value=value)
    if isinstance(value, int | float):
        if float(value).is_integer() and _COMPACT.match(str(int(value))):
            return _build(str(int(value)), field)
        raise ValidationError.single(field, "date.ambiguous_number", value=_number_text(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    timed = _WITH_TIME.match(text)
    if timed:
        text = timed.group(1).strip()
    return _build(text, field)


def _build(text: str, field: str) -> dt.date:
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if match is None:
        raise ValidationError.single(field, "date.invalid", value=text)
    year, month, day = (int(g) for g in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:  # a typo, or a value no record can mean
        raise ValidationError.single(
            field, "date.out_of_range", value=text, first=FIRST_YEAR, last=LAST_YEAR
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError.single(field, "date.invalid", value=text) from None


def _number_text(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def period_text(start: dt.date, end: dt.date, between: str = " 至 ") -> str:
    """A period as people write it: one date for a one-day session, else start 至 end."""
    if start == end:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d}{between}{end:%Y-%m-%d}"
