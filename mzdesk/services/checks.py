"""Collecting field problems so a form or an import row reports all of them at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any, TypeVar

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.identifiers import IdNumber, check_uscc, parse_id_number
from mzdesk.core.labels import field_label
from mzdesk.core.text_safety import character_problem, normalise
from mzdesk.core.vocab import Gender
from mzdesk.store.values import character_problems, is_multiline, length_problems

T = TypeVar("T")

_PHONE = re.compile(r"^[0-9+\-() 转]{5,20}$")


class Checks:
    """Accumulates :class:`FieldProblem` s; ``done()`` raises them together."""

    def __init__(self, table: str | None = None) -> None:
        self.problems: list[FieldProblem] = []
        self.table = table  # the kind of record, so a field reads 机构名称 rather than 名称

    def add(self, field: str, code: str, **params: object) -> None:
        self.problems.append(FieldProblem(field, code, params, self.table))

    def absorb(self, error: ValidationError) -> None:
        self.problems.extend(error.problems)

    def has(self, field: str) -> bool:
        return any(p.field == field for p in self.problems)

    def text(
        self,
        field: str,
        value: str | None,
        *,
        required: bool = True,
        max_len: int = 100,
        multiline: bool | None = None,
    ) -> str | None:
        """A free-text field, NFC-normalised and stripped, under the one rule for characters
        (docs/data-rules.md): no control, bidi or invisible characters, and in a one-line
        field no line break or tab. A field is multi-line when its column is ``Text`` (notes,
        descriptions), unless ``multiline`` says otherwise."""
        if multiline is None:
            multiline = is_multiline(self.table, field)
        cleaned = normalise(value or "", multiline=multiline).strip()
        if not cleaned:
            if required:
                self.add(field, "field.required")
            return None
        refused = character_problem(cleaned, multiline)
        if refused is not None:
            self.add(field, refused[0], **refused[1])
        elif len(cleaned) > max_len:
            self.add(field, "field.too_long", max=max_len)
        return cleaned

    def lengths(self, table: str, data: Any, *, prefix: str = "") -> None:
        """Every field of ``data`` (a dataclass or a dict named like ``table``'s columns)
        within its limit from the one table of limits — what the server accepts — and free of
        the characters the one rule refuses (fields no :meth:`text` call looked at, such as a
        resident's 户籍地址 or 备注). A field already found wrong is not reported twice."""
        values = (
            {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
            if dataclasses.is_dataclass(data)
            else dict(data)
        )
        found = character_problems(table, values) + length_problems(table, values)
        for problem in found:
            field = prefix + problem.field
            if not self.has(field):
                self.problems.append(
                    FieldProblem(field, problem.code, problem.params, self.table or table)
                )

    def required(self, field: str, value: T | None) -> T | None:
        if value is None:
            self.add(field, "field.required")
        return value

    def phone(self, field: str, value: str | None) -> str | None:
        cleaned = (value or "").strip()
        if cleaned and not _PHONE.match(cleaned):
            self.add(field, "field.phone", value=cleaned)
        return cleaned or None

    def id_number(
        self, field: str, value: str | None, *, required: bool = False
    ) -> IdNumber | None:
        if not (value or "").strip():
            if required:
                self.add(field, "field.required")
            return None
        try:
            return parse_id_number(value or "", field=field)
        except ValidationError as error:
            self.absorb(error)
            return None

    def uscc(self, field: str, value: str | None) -> str | None:
        if not (value or "").strip():
            return None
        try:
            return check_uscc(value or "", field=field)
        except ValidationError as error:
            self.absorb(error)
            return None

    def agrees_with_id(
        self,
        id_number: IdNumber | None,
        gender: Gender | None,
        birth_date: dt.date | None,
        *,
        gender_field: str = "gender",
        birth_field: str = "birth_date",
    ) -> None:
        """Flag a typed gender or birth date that disagrees with the 身份证号."""
        if id_number is None:
            return
        if gender is not None and gender is not id_number.gender:
            self.add(
                gender_field,
                "id_number.gender_mismatch",
                typed=gender.zh,
                derived=id_number.gender.zh,
            )
        if birth_date is not None and birth_date != id_number.birth_date:
            self.add(
                birth_field,
                "id_number.birth_mismatch",
                typed=birth_date.isoformat(),
                derived=id_number.birth_date.isoformat(),
            )

    def not_before(
        self,
        field: str,
        value: dt.date | None,
        other: dt.date | None,
        other_field: str,
        other_table: str | None = None,
    ) -> None:
        """``value`` (of ``field``) must not be before ``other``, the value of ``other_field``
        (named by its label, in the current language, from the one table of labels)."""
        if value is not None and other is not None and value < other:
            self.add(
                field,
                "date.before",
                value=value.isoformat(),
                other=field_label(other_field, other_table or self.table),
                other_value=other.isoformat(),
            )

    def not_future(self, field: str, value: dt.date | None, today: dt.date) -> None:
        if value is not None and value > today:
            self.add(field, "date.future", value=value.isoformat())

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
