"""Starting an inspection and answering it item by item: every answer, note and photo is its
own small write, so a draft is saved as it goes and can be resumed from the list. A finished
inspection is locked: these services refuse it with a message that points to 更正."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import AttachmentKind, InspectionStatus, InspectionType, ItemResult
from mzdesk.services.attachments import add_attachment, remove_attachment, store_file
from mzdesk.services.checklists import install_shipped
from mzdesk.services.checks import Checks
from mzdesk.services.inspecting.templates import available_checklists, checklist, known_checklist
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Attachment,
    Inspection,
    InspectionResult,
    InspectionSchedule,
    Institution,
    utcnow,
)

RESULTS_TABLE = "inspection_results"
INSPECTORS_SEPARATOR = "、"
_SPLIT = re.compile(r"[、,，;；\n]+")


def split_names(text: str) -> tuple[str, ...]:
    """Names typed as 「刘志强、王建国」 (or with commas): in order, blanks dropped."""
    return tuple(n.strip() for n in _SPLIT.split(text) if n.strip())


@dataclass(frozen=True)
class NewInspection:
    institution_id: uuid.UUID
    template_id: uuid.UUID
    inspected_on: dt.date
    inspection_type: InspectionType
    inspectors: tuple[str, ...]
    schedule_id: uuid.UUID | None = None


def check_inspectors(checks: Checks, names: Sequence[str]) -> str:
    """The inspectors as stored (joined with 、), each named once and within the limits."""
    cleaned = [n.strip() for n in names if n.strip()]
    if not cleaned:
        checks.add("inspectors", "inspecting.no_inspectors")
    for name in cleaned:
        if len(name) > 50:
            checks.add("inspectors", "field.too_long", max=50)
    seen: set[str] = set()
    for name in cleaned:
        if name in seen:
            checks.add("inspectors", "inspecting.duplicate_inspector", name=name)
        seen.add(name)
    joined = INSPECTORS_SEPARATOR.join(cleaned)
    if len(joined) > 200:
        checks.add("inspectors", "field.too_long", max=200)
    return joined


@operation(Permission.INSPECTIONS_EDIT)
def start_draft(store: Store, actor: Actor, data: NewInspection) -> uuid.UUID:
    """A new inspection in 草稿 with no answers yet."""
    checks = Checks("inspections")
    inspectors = check_inspectors(checks, data.inspectors)
    checks.done()
    with store.read() as session:
        kind = get_live(session, Institution, data.institution_id).kind
    if data.template_id not in {
        c.id for c in available_checklists(store, data.institution_id, kind)
    }:
        title = known_checklist(store, data.institution_id, data.template_id)
        if title is None:
            raise ValidationError.single("template_id", "inspecting.template_missing")
        raise ValidationError.single("template_id", "inspecting.template_unavailable", title=title)
    with store.write(actor) as session:
        get_live(session, Institution, data.institution_id)
        install_shipped(session)
        if data.schedule_id is not None:
            get_live(session, InspectionSchedule, data.schedule_id)
        row = Inspection(
            institution_id=data.institution_id,
            template_id=data.template_id,
            inspected_on=data.inspected_on,
            inspection_type=data.inspection_type,
            inspectors=inspectors,
            status=InspectionStatus.IN_PROGRESS,
            schedule_id=data.schedule_id,
        )
        session.add(row)
        session.flush()
        return row.id


def editable(session: Session, inspection_id: uuid.UUID) -> Inspection:
    """The inspection, if it may still be changed (a draft); StateError when locked."""
    inspection = get_live(session, Inspection, inspection_id)
    if inspection.status is InspectionStatus.COMPLETED:
        finished = inspection.completed_at.date() if inspection.completed_at else None
        raise StateError(
            "inspecting.locked",
            date=(finished or inspection.inspected_on).isoformat(),
        )
    return inspection


def _result_row(
    session: Session, inspection: Inspection, item_id: uuid.UUID
) -> InspectionResult | None:
    template = checklist(session, inspection.template_id)
    if template is None or item_id not in {i.id for i in template.items}:
        raise ValidationError.single("item_id", "inspection.item_not_in_template")
    return session.scalars(
        select(InspectionResult).where(
            InspectionResult.inspection_id == inspection.id,
            InspectionResult.item_id == item_id,
            InspectionResult.deleted_at.is_(None),
        )
    ).first()


@operation(Permission.INSPECTIONS_EDIT)
def answer_item(
    store: Store, actor: Actor, inspection_id: uuid.UUID, item_id: uuid.UUID, result: ItemResult
) -> uuid.UUID:
    """Set or change one item's result (its note and photos stay). Returns the result's id."""
    with store.write(actor) as session:
        inspection = editable(session, inspection_id)
        row = _result_row(session, inspection, item_id)
        if row is None:
            row = InspectionResult(
                institution_id=inspection.institution_id,
                inspection_id=inspection.id,
                item_id=item_id,
                result=result,
            )
            session.add(row)
        elif row.result is not result:
            row.result = result
        session.flush()
        return row.id


def _answered(session: Session, inspection_id: uuid.UUID, item_id: uuid.UUID) -> InspectionResult:
    inspection = editable(session, inspection_id)
    row = _result_row(session, inspection, item_id)
    if row is None:
        raise ValidationError.single("result", "inspecting.unanswered_item")
    return row


@operation(Permission.INSPECTIONS_EDIT)
def set_item_note(
    store: Store, actor: Actor, inspection_id: uuid.UUID, item_id: uuid.UUID, note: str | None
) -> None:
    """An answered item's note (blank clears it)."""
    checks = Checks(RESULTS_TABLE)
    cleaned = checks.text("note", note, required=False, max_len=2_000)
    checks.done()
    with store.write(actor) as session:
        row = _answered(session, inspection_id, item_id)
        if row.note != cleaned:
            row.note = cleaned
        session.flush()


@operation(Permission.INSPECTIONS_EDIT)
def add_item_photo(
    store: Store,
    actor: Actor,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    data: bytes,
    media_type: str | None = None,
) -> uuid.UUID:
    """A photo on an answered item: the file kept once, an attachment row tying it to the
    item's result. Returns the attachment's id."""
    with store.read() as session:
        _answered(session, inspection_id, item_id)  # refuse before keeping any file
    ref = store_file(store, data, media_type)
    with store.write(actor) as session:
        row = _answered(session, inspection_id, item_id)
        return add_attachment(
            session,
            institution_id=row.institution_id,
            owner_table=RESULTS_TABLE,
            owner_id=row.id,
            ref=ref,
            kind=AttachmentKind.PHOTO,
        )


@operation(Permission.INSPECTIONS_EDIT)
def remove_item_photo(
    store: Store, actor: Actor, inspection_id: uuid.UUID, attachment_id: uuid.UUID
) -> None:
    """A photo taken by mistake, off a draft's item (the file stays, as attachments do)."""
    with store.write(actor) as session:
        editable(session, inspection_id)
        photo = session.get(Attachment, attachment_id)
        result = session.get(InspectionResult, photo.owner_id) if photo is not None else None
        if (
            photo is None
            or photo.owner_table != RESULTS_TABLE
            or result is None
            or result.inspection_id != inspection_id
        ):
            raise ValidationError.single("photos", "inspecting.photo_not_here")
        remove_attachment(session, attachment_id)


@operation(Permission.INSPECTIONS_EDIT)
def discard_draft(store: Store, actor: Actor, inspection_id: uuid.UUID) -> None:
    """A draft started by mistake: it and its answers are tombstoned. A finished inspection
    is never discarded (it is corrected by an amendment)."""
    with store.write(actor) as session:
        inspection = editable(session, inspection_id)
        now = utcnow()
        for row in session.scalars(
            select(InspectionResult).where(
                InspectionResult.inspection_id == inspection.id,
                InspectionResult.deleted_at.is_(None),
            )
        ):
            row.deleted_at = now
        inspection.deleted_at = now
        session.flush()
