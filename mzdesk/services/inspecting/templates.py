"""The one place inspecting reads checklists from. Today: the shipped reference files; part A's
``services.checklists`` (a home's own versions) replaces these two functions at merge."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from mzdesk.core.checklists import Template, shipped_templates
from mzdesk.core.vocab import InstitutionKind


@dataclass(frozen=True)
class ChecklistChoice:
    id: uuid.UUID
    code: str
    version: str
    title: str
    items: int


def available_checklists(kind: InstitutionKind | None) -> list[ChecklistChoice]:
    """The checklists an institution of ``kind`` may inspect with."""
    return [
        ChecklistChoice(t.id, t.code, t.version, t.title, len(t.items))
        for t in shipped_templates()
        if kind is None or t.institution_kind in (None, kind)
    ]


def checklist(template_id: uuid.UUID) -> Template | None:
    """The exact version an inspection used, or None when this replica does not have it."""
    return next((t for t in shipped_templates() if t.id == template_id), None)


def look_at(template: Template | None, item_id: uuid.UUID) -> str | None:
    """What to look at for an item, when the template says (part A's schema adds it)."""
    if template is None:
        return None
    item = next((i for i in template.items if i.id == item_id), None)
    value = getattr(item, "look_at", None)
    return str(value) if value else None
