"""The one place inspecting reads checklists from: part A's resolver (shipped templates and a
home's own versions alike), narrowed to what inspecting needs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from mzdesk.core.checklists import Template, TemplateItem
from mzdesk.core.errors import NotFoundError
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.checklists import available_templates, list_templates, load_version
from mzdesk.store.engine import Store


@dataclass(frozen=True)
class ChecklistChoice:
    id: uuid.UUID
    code: str
    version: str
    title: str
    items: int


def available_checklists(
    store: Store, institution_id: uuid.UUID, kind: InstitutionKind
) -> list[ChecklistChoice]:
    """What a new inspection (or a schedule) of the home may use: its published versions and
    the shipped templates of its kind."""
    return [
        ChecklistChoice(s.id, s.code, s.version, s.title, s.items)
        for s in available_templates(store, institution_id, kind)
    ]


def known_checklist(store: Store, institution_id: uuid.UUID, template_id: uuid.UUID) -> str | None:
    """The title of a checklist the home can see (drafts and other kinds included), if any."""
    found = [s for s in list_templates(store, institution_id) if s.id == template_id]
    return found[0].title if found else None


def checklist(source: Store | Session, template_id: uuid.UUID) -> Template | None:
    """The exact version an inspection uses or used, or None when this replica lacks it."""
    try:
        return load_version(source, template_id)
    except NotFoundError:
        return None


def inspected_items(template: Template, kind: InstitutionKind) -> tuple[TemplateItem, ...]:
    """The items a home of ``kind`` answers (an item may apply to one kind only)."""
    return template.items_for(kind)
