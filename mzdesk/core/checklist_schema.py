"""The schema of a checklist template file, checked with pydantic (docs/checklists.md).

Imported only when a file is read. :func:`validate` turns pydantic's first error into a
:class:`~mzdesk.core.checklists.ChecklistFileError` that names the file, the item (its code,
or its position when it has none) and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mzdesk.core.checklists import MAX_ITEMS, ChecklistFileError
from mzdesk.core.vocab import InstitutionKind

Code = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")]
Kinds = Annotated[list[InstitutionKind], Field(min_length=1, max_length=len(InstitutionKind))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class ItemFile(_Strict):
    code: Code
    section: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=500)
    standard: str | None = Field(default=None, max_length=200)
    clause: str | None = Field(max_length=50)  # required, may be null (then unverified)
    clause_unverified: bool = False
    severity: Literal["一般", "重大隐患"]
    applies_to: Kinds | None = None
    look_at: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _clause_read(self) -> Self:
        if self.clause is None and not self.clause_unverified:
            raise ValueError("checklist.clause_unverified")
        return self


class TemplateFile(_Strict):
    code: str = Field(min_length=1, max_length=50, pattern=r"^[0-9A-Za-z][0-9A-Za-z_-]*$")
    version: str = Field(min_length=1, max_length=30, pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
    title: str = Field(min_length=1, max_length=200)
    standard: str = Field(min_length=1, max_length=300)
    applies_to: Kinds
    rectify_days: int = Field(default=30, ge=1, le=365)
    items: list[ItemFile] = Field(min_length=1, max_length=MAX_ITEMS)


# pydantic error type → (message code, parameters taken from the error's context)
_PROBLEMS: dict[str, str] = {
    "missing": "checklist.missing",
    "extra_forbidden": "checklist.unknown_field",
    "string_too_short": "checklist.empty",
    "string_too_long": "checklist.too_long",
    "string_pattern_mismatch": "checklist.pattern",
    "literal_error": "checklist.choice",
    "enum": "checklist.choice",
    "too_short": "checklist.too_few",
    "too_long": "checklist.too_many",
    "greater_than_equal": "checklist.at_least",
    "less_than_equal": "checklist.at_most",
    "int_parsing": "checklist.integer",
    "int_type": "checklist.integer",
    "int_from_float": "checklist.integer",
    "bool_parsing": "checklist.boolean",
    "bool_type": "checklist.boolean",
    "string_type": "checklist.text",
    "list_type": "checklist.list",
    "model_type": "checklist.object",
    "dict_type": "checklist.object",
}


def _item_code(raw: Any, position: int) -> str | None:
    try:
        code = raw["items"][position]["code"]
    except (KeyError, IndexError, TypeError):
        return None
    return code.strip() or None if isinstance(code, str) else None


def _refusal(raw: Any, source: str, error: Mapping[str, Any]) -> ChecklistFileError:
    loc = [part for part in error["loc"] if part != "function-after"]
    position: int | None = None
    item_code: str | None = None
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        position = loc[1] + 1
        item_code = _item_code(raw, loc[1])
        rest = [p for p in loc[2:] if isinstance(p, str)]
        field = rest[0] if rest else "items"
    else:
        field = next((p for p in loc if isinstance(p, str)), "items")
    kind = error["type"]
    if kind == "value_error":  # a rule of ours: its message is the code
        code = str(error.get("ctx", {}).get("error", "checklist.invalid"))
        field = "clause" if code == "checklist.clause_unverified" else field
        return ChecklistFileError(source, field, code, position=position, item_code=item_code)
    ctx = error.get("ctx", {})
    params: dict[str, object] = {
        "min": ctx.get("min_length", ctx.get("ge", "")),
        "max": ctx.get("max_length", ctx.get("le", "")),
        "allowed": " / ".join(
            part.strip().strip("'") for part in str(ctx.get("expected", "")).split(" or ")
        ),
        "value": str(error.get("input", ""))[:40],
    }
    if kind == "extra_forbidden":
        field = str(loc[-1])
    return ChecklistFileError(
        source,
        field,
        _PROBLEMS.get(kind, "checklist.invalid"),
        position=position,
        item_code=item_code,
        **params,
    )


def validate(raw: Any, source: str) -> TemplateFile:
    if not isinstance(raw, dict):
        raise ChecklistFileError(source, "", "checklist.object")
    try:
        parsed = TemplateFile.model_validate(raw)
    except ValidationError as error:
        raise _refusal(raw, source, error.errors()[0]) from None
    seen: dict[str, int] = {}
    for position, item in enumerate(parsed.items, start=1):
        if item.code in seen:
            raise ChecklistFileError(
                source,
                "code",
                "checklist.duplicate_code",
                position=position,
                item_code=item.code,
                first=seen[item.code],
            )
        seen[item.code] = position
        outside = set(item.applies_to or ()) - set(parsed.applies_to)
        if outside:
            raise ChecklistFileError(
                source,
                "applies_to",
                "checklist.kind_outside",
                position=position,
                item_code=item.code,
                kinds="、".join(sorted(k.label for k in outside)),
            )
    return parsed
