"""Checklist templates: versioned data files, validated on load (docs/checklists.md).

A new edition of a standard is a new file (a new code/version pair), never a code change.
Ids of shipped templates are UUIDv5 of (code, version[, item code]) so every replica derives
the same ids; a home's own versions are synced rows (services/checklists.py) and come back
as the same :class:`Template`, so an inspection never needs to know where its list came from.

The schema itself (pydantic) lives in :mod:`mzdesk.core.checklist_schema` and is imported
only when a file is read: the app reads templates when an inspection starts, not at start-up.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mzdesk.core.errors import MzdeskError
from mzdesk.core.i18n import current_language, text
from mzdesk.core.ids import stable_id
from mzdesk.core.labels import field_label
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import InstitutionKind, Vocab

# Most bytes of a template file read or imported (the largest shipped file is ~30 KB).
MAX_TEMPLATE_BYTES = 1024 * 1024
# Most items in one template (the longest standard checklist has ~150).
MAX_ITEMS = 500
SEVERITY_ORDINARY = "一般"
SEVERITY_MAJOR = "重大隐患"


class TemplateStatus(Vocab):
    SHIPPED = "shipped", "标准版", "standard"
    DRAFT = "draft", "草稿", "draft"
    PUBLISHED = "published", "已发布", "published"


@dataclass(frozen=True)
class TemplateItem:
    id: uuid.UUID
    code: str
    section: str
    text: str
    basis: str | None  # the clause (条款), e.g. "4.1"; None when it could not be read
    major_hazard: bool
    standard: str | None = None  # the standard the clause is in, when not the template's
    clause_unverified: bool = False
    look_at: str | None = None  # what the inspector looks at / the evidence to see
    applies_to: tuple[InstitutionKind, ...] = ()  # empty: as the template

    @property
    def clause(self) -> str | None:
        return self.basis

    @property
    def severity(self) -> str:
        return SEVERITY_MAJOR if self.major_hazard else SEVERITY_ORDINARY


@dataclass(frozen=True)
class Template:
    id: uuid.UUID
    code: str
    version: str
    title: str
    basis: str  # the standard the template comes from
    applies_to: tuple[InstitutionKind, ...]
    rectify_days: int
    items: tuple[TemplateItem, ...]
    status: TemplateStatus = TemplateStatus.SHIPPED
    institution_id: uuid.UUID | None = None  # the home that owns it; None when shipped
    source_id: uuid.UUID | None = None  # the version it was copied from
    sections: tuple[str, ...] = field(default=(), compare=False)

    @property
    def standard(self) -> str:
        return self.basis

    @property
    def institution_kind(self) -> InstitutionKind | None:
        """The one kind it applies to, or None when it applies to every kind."""
        return self.applies_to[0] if len(self.applies_to) == 1 else None

    def applies(self, kind: InstitutionKind) -> bool:
        return kind in self.applies_to

    def items_for(self, kind: InstitutionKind) -> tuple[TemplateItem, ...]:
        """The items that apply to a home of ``kind`` (an item without kinds applies as the
        template does)."""
        return tuple(i for i in self.items if not i.applies_to or kind in i.applies_to)


class ChecklistFileError(MzdeskError):
    """A template file was refused: names the file, the item (its code, or its position when
    it has none) and the field, in the language shown when the message is read."""

    def __init__(
        self,
        source: str,
        field_name: str,
        problem: str,
        *,
        position: int | None = None,
        item_code: str | None = None,
        **params: object,
    ) -> None:
        self.source = source
        self.field = field_name
        self.problem = problem
        self.position = position
        self.item_code = item_code
        self.params = params
        self.in_file = True  # False: a draft edited in the app (no file involved)
        super().__init__(self.describe())

    def describe(self) -> str:
        label = field_label(
            self.field, "checklist_items" if self.position else "checklist_templates"
        )
        problem = text(self.problem, **self.params)
        where = "file" if self.in_file else "draft"
        if not self.field:  # the file as a whole (not JSON, too big, not an object)
            return text(f"checklist.{where}_whole_problem", file=self.source, problem=problem)
        if self.position is None:
            return text(
                f"checklist.{where}_problem", file=self.source, field=label, problem=problem
            )
        item = text(
            "checklist.item_with_code" if self.item_code else "checklist.item_at",
            position=self.position,
            code=self.item_code or "",
        )
        return text(
            f"checklist.{where}_item_problem",
            file=self.source,
            item=item,
            field=label,
            problem=problem,
        )

    def __str__(self) -> str:
        return self.describe()


def parse_template(data: bytes, source: str) -> Template:
    """A template from a file's bytes; :class:`ChecklistFileError` names what is wrong."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ChecklistFileError(source, "", "checklist.too_big", mb=MAX_TEMPLATE_BYTES >> 20)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        if line is None:  # not text, or nested too deep: no line to point at
            raise ChecklistFileError(source, "", "checklist.not_json_anywhere") from error
        raise ChecklistFileError(source, "", "checklist.not_json", line=line) from error
    return template_from_dict(raw, source)


def template_from_dict(raw: Any, source: str) -> Template:
    from mzdesk.core.checklist_schema import validate

    parsed = validate(raw, source)
    code, version = parsed.code, parsed.version
    kinds = tuple(dict.fromkeys(parsed.applies_to))
    items = tuple(
        TemplateItem(
            id=stable_id("checklist", code, version, entry.code),
            code=entry.code,
            section=entry.section,
            text=entry.text,
            basis=entry.clause,
            major_hazard=entry.severity == SEVERITY_MAJOR,
            standard=entry.standard,
            clause_unverified=entry.clause_unverified,
            look_at=entry.look_at,
            applies_to=tuple(dict.fromkeys(entry.applies_to or ())),
        )
        for entry in parsed.items
    )
    return Template(
        id=stable_id("checklist", code, version),
        code=code,
        version=version,
        title=parsed.title,
        basis=parsed.standard,
        applies_to=kinds,
        rectify_days=parsed.rectify_days,
        items=items,
        sections=tuple(dict.fromkeys(i.section for i in items)),
    )


def template_to_dict(template: Template) -> dict[str, Any]:
    """The file form of a template (the schema :func:`parse_template` reads)."""
    items: list[dict[str, Any]] = []
    for item in template.items:
        entry: dict[str, Any] = {"code": item.code, "section": item.section, "text": item.text}
        if item.standard:
            entry["standard"] = item.standard
        entry["clause"] = item.basis
        if item.clause_unverified or item.basis is None:
            entry["clause_unverified"] = True
        entry["severity"] = item.severity
        if item.applies_to:
            entry["applies_to"] = [k.value for k in item.applies_to]
        if item.look_at:
            entry["look_at"] = item.look_at
        items.append(entry)
    return {
        "code": template.code,
        "version": template.version,
        "title": template.title,
        "standard": template.basis,
        "applies_to": [k.value for k in template.applies_to],
        "rectify_days": template.rectify_days,
        "items": items,
    }


def template_bytes(template: Template) -> bytes:
    return (json.dumps(template_to_dict(template), ensure_ascii=False, indent=1) + "\n").encode()


def load_template(path: Path) -> Template:
    return parse_template(path.read_bytes(), path.name)


@cache
def _shipped() -> tuple[Template, ...]:
    return tuple(load_template(p) for p in sorted(resource_path("checklists").glob("*.json")))


def shipped_templates() -> list[Template]:
    """Every template under resources/checklists (read once per process)."""
    return list(_shipped())


def shipped_template(template_id: uuid.UUID) -> Template | None:
    return next((t for t in _shipped() if t.id == template_id), None)


def severity_label(major: bool) -> str:
    """一般 / 重大隐患 as a person reads it in the language shown."""
    if current_language() == "zh":
        return SEVERITY_MAJOR if major else SEVERITY_ORDINARY
    return "major hazard" if major else "ordinary"
