"""Turning raw cells into typed values, refusing what cannot be trusted.

Each function raises :class:`ValidationError` whose field is the column header, so the
import can say 第17行 身份证号: … without guessing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from mzdesk.core.dates import parse_date
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.text_safety import character_problem, for_output, normalise
from mzdesk.core.vocab import Vocab

V = TypeVar("V", bound=Vocab)

# Excel keeps 15 significant digits; a longer number typed into a numeric cell is altered.
_EXACT_DIGITS = 15

# The columns whose field is a multi-line text (a ``Text`` column): they keep line breaks and
# tabs; every other text cell is one line (docs/data-rules.md, "Characters in text").
MULTILINE_COLUMNS = frozenset({"疾病诊断", "备注", "隐患描述", "整改措施"})

# What a spreadsheet evaluates when it opens a file: a cell starting with = + - @ (or a tab or
# carriage return before one). An export writes such a text with a leading ' (OWASP's advice on
# CSV injection); the leading quotes already there are counted, so that the escaping can be
# undone exactly. A plain number ("-5", "+86") and dashes alone ("-") evaluate to nothing.
_EVALUATED = re.compile(r"'*[=+\-@\t\r]")
_INERT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)|-+")


def _evaluated(value: str) -> bool:
    return _EVALUATED.match(value) is not None and _INERT.fullmatch(value) is None


def escape_formula(value: str) -> str:
    """``value`` as an export writes it: with a leading ' when a spreadsheet would evaluate it."""
    return "'" + value if _evaluated(value) else value


def unescape_formula(value: str) -> str:
    """The exact inverse of :func:`escape_formula`, applied to every text cell read."""
    return value[1:] if value.startswith("'") and _evaluated(value[1:]) else value


def exported_text(value: str) -> str:
    """A stored text as every export writes it: characters the rule refuses (in rows stored
    before it, or forged elsewhere) replaced by U+FFFD, then escaped if it would evaluate."""
    return escape_formula(for_output(value))


def text(value: object, column: str) -> str | None:
    """A text cell. Numbers stored as numbers become their digits (201.0 → '201'); a date in a
    text column (Excel turns 1-2 into 2 January) is refused, because the typing is lost. The
    quote an export put before a formula-like text is taken off; the text is NFC and must not
    hold control, bidi or invisible characters (nor, outside a multi-line column, a line
    break or tab), refused with the column named."""
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        shown = value.date() if isinstance(value, dt.datetime) else value
        raise ValidationError.single(column, "cell.date_in_text", value=shown.isoformat())
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    multiline = column in MULTILINE_COLUMNS
    cleaned = normalise(unescape_formula(str(value).strip()), multiline=multiline).strip()
    refused = character_problem(cleaned, multiline)
    if refused is not None:
        raise ValidationError.single(column, refused[0], **refused[1])
    return cleaned or None


def required_text(value: object, column: str) -> str:
    result = text(value, column)
    if result is None:
        raise ValidationError.single(column, "field.required")
    return result


def code(value: object, column: str) -> str | None:
    """An identifier such as 身份证号: digits stored as a number cannot be trusted."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and abs(value) >= 10 ** (_EXACT_DIGITS - 1):  # type: ignore[arg-type]
        raise ValidationError.single(column, "id_number.stored_as_number")
    result = text(value, column)
    return unicodedata.normalize("NFKC", result).replace(" ", "") if result else None


def date(value: object, column: str, *, required: bool = False) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError.single(column, "field.required")
        return None
    return parse_date(value, field=column)


def vocab(value: object, column: str, kind: type[V], *, required: bool = False) -> V | None:
    raw = text(value, column)
    if raw is None:
        if required:
            raise ValidationError.single(column, "field.required")
        return None
    member = kind.from_text(raw)
    if member is None:
        raise ValidationError.single(
            column,
            "field.not_in_vocab",
            value=raw,
            choices=message("list.separator").join(kind.labels()),
        )
    return member


_HOURS_UNIT = re.compile(r"(学时|课时|小时|个学时|h|hr|hrs|hours?)$", re.IGNORECASE)
NO_EXPIRY = ("长期", "长期有效", "永久", "永久有效", "无期限", "终身", "终身有效")


def hours(value: object, column: str) -> Decimal | None:
    """A number of hours: 2, 1.5, "2学时", "1.5 小时", "２课时"."""
    if value is None or isinstance(value, bool):
        return None
    raw = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    if not raw:
        return None
    try:
        number = Decimal(_HOURS_UNIT.sub("", raw))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError.single(column, "import.not_hours", value=raw)
    return number


def expiry(value: object, column: str) -> dt.date | None:
    """有效期至: a date, or blank / 长期 for a certificate that does not expire."""
    if isinstance(value, str) and unicodedata.normalize("NFKC", value).strip() in NO_EXPIRY:
        return None
    return date(value, column)
