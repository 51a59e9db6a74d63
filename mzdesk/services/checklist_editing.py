"""A home's own checklist versions: copy, edit a draft, publish, import and export as files.

A version is a draft while it is edited and published once (then immutable: an inspection
keeps the exact version it used). Changing a published version means copying it into a new
draft (``2019.1`` → ``2019.2``). Every draft is checked with the same schema as a template
file (core/checklist_schema.py), so what the app saves always exports and imports again.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.checklists import (
    SEVERITY_MAJOR,
    SEVERITY_ORDINARY,
    ChecklistFileError,
    Template,
    TemplateStatus,
    parse_template,
    shipped_templates,
    template_bytes,
    template_from_dict,
    template_to_dict,
)
from mzdesk.core.errors import NotFoundError, StateError, ValidationError
from mzdesk.core.ids import stable_id
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.checklists import item_columns, load_version
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import HomeChecklist, HomeChecklistItem, Institution, utcnow


@dataclass(frozen=True)
class DraftItem:
    code: str
    section: str
    text: str
    clause: str | None = None
    clause_unverified: bool = False
    major_hazard: bool = False
    look_at: str | None = None
    standard: str | None = None
    applies_to: tuple[InstitutionKind, ...] = ()


@dataclass(frozen=True)
class Draft:
    title: str
    standard: str
    rectify_days: int
    items: tuple[DraftItem, ...]


def draft_of(template: Template) -> Draft:
    """A template as the editor holds it."""
    return Draft(
        template.title,
        template.basis,
        template.rectify_days,
        tuple(
            DraftItem(
                i.code,
                i.section,
                i.text,
                i.basis,
                i.clause_unverified,
                i.major_hazard,
                i.look_at,
                i.standard,
                i.applies_to,
            )
            for i in template.items
        ),
    )


def next_item_code(codes: Sequence[str]) -> str:
    """The code for an item added in the editor: one more than the largest number, as wide."""
    numbers = [int(c) for c in codes if c.isdigit()]
    width = max((len(c) for c in codes if c.isdigit()), default=2)
    return str(max(numbers, default=0) + 1).zfill(width)


def _home_versions(session: Session, institution_id: uuid.UUID, code: str) -> list[HomeChecklist]:
    return list(
        session.scalars(
            select(HomeChecklist).where(
                HomeChecklist.institution_id == institution_id,
                HomeChecklist.code == code,
                HomeChecklist.deleted_at.is_(None),
            )
        )
    )


def _next_version(rows: list[HomeChecklist], version: str) -> str:
    base = re.sub(r"\.\d+$", "", version) if rows else version
    used = {r.version for r in rows}
    taken = [int(m.group(1)) for v in used if (m := re.fullmatch(re.escape(base) + r"\.(\d+)", v))]
    return f"{base}.{max(taken, default=0) + 1}"


def _write_items(session: Session, row: HomeChecklist, template: Template) -> None:
    """Make the draft's items those of ``template``: matched by code and changed in place,
    the ones left out tombstoned, new ones added with an id that follows from (version, item
    code) — never delete-all-and-reinsert, and two PCs adding the same code make one row, so
    a change made on another PC merges field by field."""
    existing = {
        i.code: i
        for i in session.scalars(
            select(HomeChecklistItem).where(HomeChecklistItem.template_id == row.id)
        )
    }
    for order, item in enumerate(template.items):
        values = item_columns(item, order)
        stored = existing.pop(item.code, None)
        if stored is None:
            session.add(
                HomeChecklistItem(
                    id=stable_id("home_checklist_item", str(row.id), item.code),
                    institution_id=row.institution_id,
                    template_id=row.id,
                    code=item.code,
                    **values,
                )
            )
            continue
        if stored.deleted_at is not None:
            stored.deleted_at = None
        for key, value in values.items():
            if getattr(stored, key) != value:
                setattr(stored, key, value)
    now = utcnow()
    for stored in existing.values():
        if stored.deleted_at is None:
            stored.deleted_at = now


def _checked(template: Template, draft: Draft) -> Template:
    """The draft as a template, checked by the file schema (the same messages as a file)."""
    raw = template_to_dict(template)
    raw.update(title=draft.title, standard=draft.standard, rectify_days=draft.rectify_days)
    raw["items"] = [
        {
            "code": i.code,
            "section": i.section,
            "text": i.text,
            "clause": i.clause or None,
            "clause_unverified": i.clause_unverified or not i.clause,
            "severity": SEVERITY_MAJOR if i.major_hazard else SEVERITY_ORDINARY,
            **({"standard": i.standard} if i.standard else {}),
            **({"look_at": i.look_at} if i.look_at else {}),
            **({"applies_to": [k.value for k in i.applies_to]} if i.applies_to else {}),
        }
        for i in draft.items
    ]
    try:
        return template_from_dict(raw, f"{draft.title} {template.version}")
    except ChecklistFileError as error:
        error.in_file = False  # the editor's draft: named as a checklist, not as a file
        raise


def _add_version(
    session: Session,
    institution_id: uuid.UUID,
    template: Template,
    version: str,
    source_id: uuid.UUID | None,
) -> uuid.UUID:
    # the id follows from (home, code, version): two PCs that copy the same template offline
    # make the same row (merged by sync), not twins; a discarded draft's row comes back
    row_id = stable_id("home_checklist", str(institution_id), template.code, version)
    values = {
        "code": template.code,
        "version": version,
        "title": template.title,
        "basis": template.basis,
        "applies_to": [k.value for k in template.applies_to],
        "rectify_days": template.rectify_days,
        "status": TemplateStatus.DRAFT,
        "source_id": source_id,
        "published_at": None,
    }
    row = session.get(HomeChecklist, row_id)
    if row is None:
        row = HomeChecklist(id=row_id, institution_id=institution_id, **values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.deleted_at = None
    session.flush()
    _write_items(session, row, template)
    session.flush()
    return row.id


def _kind_fits(session: Session, institution_id: uuid.UUID, template: Template) -> None:
    home = get_live(session, Institution, institution_id)
    if not template.applies(home.kind):
        raise ValidationError.single("applies_to", "checklist.kind_mismatch", kind=home.kind.label)


@operation(Permission.INSPECTIONS_EDIT)
def copy_template(
    store: Store, actor: Actor, template_id: uuid.UUID, institution_id: uuid.UUID
) -> uuid.UUID:
    """复制为本院版本: a new draft of the home's own, from a shipped template or from one of
    its published versions (a revision). One draft per checklist code at a time."""
    with store.write(actor) as session:
        source = load_version(session, template_id)
        if source.institution_id not in (None, institution_id):
            raise StateError("checklist.other_home")
        _kind_fits(session, institution_id, source)
        rows = _home_versions(session, institution_id, source.code)
        draft = next((r for r in rows if r.status is TemplateStatus.DRAFT), None)
        if draft is not None:
            raise StateError("checklist.draft_exists", title=draft.title, version=draft.version)
        version = _next_version(rows, source.version)
        return _add_version(session, institution_id, source, version, source.id)


def _draft_row(session: Session, template_id: uuid.UUID) -> HomeChecklist:
    row = session.get(HomeChecklist, template_id)
    if row is None or row.deleted_at is not None:
        shipped = next((t for t in shipped_templates() if t.id == template_id), None)
        if shipped is not None:
            raise StateError("checklist.shipped", title=shipped.title)
        raise NotFoundError("checklist.not_found", key=str(template_id))
    if row.status is not TemplateStatus.DRAFT:
        raise StateError("checklist.published", title=row.title, version=row.version)
    return row


@operation(Permission.INSPECTIONS_EDIT)
def save_draft(store: Store, actor: Actor, template_id: uuid.UUID, draft: Draft) -> None:
    """Save the editor's items into the draft (a published version never changes)."""
    with store.write(actor) as session:
        row = _draft_row(session, template_id)
        checked = _checked(load_version(session, template_id), draft)
        row.title, row.basis, row.rectify_days = checked.title, checked.basis, checked.rectify_days
        _write_items(session, row, checked)
        row.updated_at = utcnow()
        session.flush()


@operation(Permission.INSPECTIONS_EDIT)
def publish(store: Store, actor: Actor, template_id: uuid.UUID) -> None:
    """Publish the draft: from now on inspections may use it, and it never changes."""
    with store.write(actor) as session:
        row = _draft_row(session, template_id)
        row.status = TemplateStatus.PUBLISHED
        row.published_at = utcnow()
        session.flush()


@operation(Permission.INSPECTIONS_EDIT)
def discard_draft(store: Store, actor: Actor, template_id: uuid.UUID) -> None:
    with store.write(actor) as session:
        row = _draft_row(session, template_id)
        now = utcnow()
        row.deleted_at = now
        for item in session.scalars(
            select(HomeChecklistItem).where(HomeChecklistItem.template_id == row.id)
        ):
            item.deleted_at = item.deleted_at or now


def export_template(store: Store, template_id: uuid.UUID) -> bytes:
    """The template as a file (the schema import reads; see docs/checklists.md)."""
    return template_bytes(load_version(store, template_id))


@operation(Permission.INSPECTIONS_EDIT)
def import_template(
    store: Store, actor: Actor, institution_id: uuid.UUID, data: bytes, source: str
) -> uuid.UUID:
    """A template file becomes a draft of the home's own (publish it to use it). A broken
    file raises ChecklistFileError naming the file, the item and the field; nothing is kept."""
    template = parse_template(data, source)
    with store.write(actor) as session:
        _kind_fits(session, institution_id, template)
        rows = _home_versions(session, institution_id, template.code)
        shipped = {(t.code, t.version) for t in shipped_templates()}
        taken = (template.code, template.version) in shipped
        if taken or any(r.version == template.version for r in rows):
            raise ValidationError.single(
                "version",
                "checklist.version_shipped" if taken else "checklist.version_taken",
                checklist=template.code,
                version=template.version,
            )
        draft = next((r for r in rows if r.status is TemplateStatus.DRAFT), None)
        if draft is not None:
            raise StateError("checklist.draft_exists", title=draft.title, version=draft.version)
        return _add_version(session, institution_id, template, template.version, None)
