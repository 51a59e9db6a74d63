"""A hazard's life: 待整改 → 整改中 → 待复查 → 已销号, with 打回 and 延期.

Each step is one transaction by an actor that changes the hazard and adds a ``hazard_events``
row (what, when, by whom, why; a 延期's old and new deadline), both synced and audited. A step
cannot be dated before the hazard was found nor before the step before it, nor in the future.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.hazards import STEPS, HazardEventKind
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import AttachmentKind, HazardStatus
from mzdesk.services.attachments import FileRef, add_attachment, store_file
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Hazard, HazardEvent

OWNER_TABLE = "hazards"  # evidence photos are attachments of the hazard
CAPTION_MAX = 200  # attachments.caption (a photo's file name, cut)


@dataclass(frozen=True)
class Photo:
    """An evidence photo as picked: its bytes and, when known, its media type."""

    data: bytes
    media_type: str | None = None
    caption: str | None = None


def last_event(session: Session, hazard_id: uuid.UUID) -> HazardEvent | None:
    return session.scalars(
        select(HazardEvent)
        .where(HazardEvent.hazard_id == hazard_id, HazardEvent.deleted_at.is_(None))
        .order_by(HazardEvent.happened_on.desc(), HazardEvent.created_at.desc())
    ).first()


def check_date(
    session: Session, checks: Checks, hazard: Hazard, field: str, on: dt.date, today: dt.date
) -> None:
    """A step's date: not before the hazard was found, nor the step before it, nor future."""
    checks.not_before(field, on, hazard.found_on, "found_on", "hazards")
    checks.not_future(field, on, today)
    last = last_event(session, hazard.id)
    if last is not None and on < last.happened_on and not checks.has(field):
        checks.add(
            field,
            "hazard.before_last_step",
            value=on.isoformat(),
            step=last.kind.label,
            other_value=last.happened_on.isoformat(),
        )


def add_event(
    session: Session,
    hazard: Hazard,
    kind: HazardEventKind,
    on: dt.date,
    by: str | None,
    **extra: object,
) -> HazardEvent:
    event = HazardEvent(
        institution_id=hazard.institution_id,
        hazard_id=hazard.id,
        kind=kind,
        happened_on=on,
        done_by=by,
        status=hazard.status,
        **extra,
    )
    session.add(event)
    return event


def _require_step(hazard: Hazard, kind: HazardEventKind) -> HazardStatus:
    allowed, after = STEPS[kind]
    if hazard.status not in allowed:
        raise StateError("hazard.step_not_allowed", current=hazard.status.label, step=kind.label)
    return after


def _step(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    kind: HazardEventKind,
    on: dt.date,
    by: str | None,
    *,
    reason: str | None = None,
    reason_required: bool = False,
    measure: str | None = None,
    photos: Sequence[Photo] = (),
    today: dt.date | None = None,
) -> HazardStatus:
    refs: list[tuple[FileRef, str | None]] = [
        (store_file(store, p.data, p.media_type), (p.caption or "")[:CAPTION_MAX] or None)
        for p in photos
    ]  # checked and kept before the transaction (a file without a row is harmless)
    with store.write(actor) as session:
        hazard = get_live(session, Hazard, hazard_id)
        after = _require_step(hazard, kind)
        checks = Checks("hazard_events")
        who = checks.text("done_by", by, max_len=50)
        why = checks.text("reason", reason, required=reason_required, max_len=2_000)
        check_date(session, checks, hazard, "happened_on", on, today or dt.date.today())
        checks.lengths("hazards", {"measure": measure})
        checks.done()
        hazard.status = after
        if measure and measure.strip():
            hazard.measure = measure.strip()
        if kind is HazardEventKind.SUBMITTED:
            hazard.rectified_on = on
        if kind is HazardEventKind.PASSED:
            hazard.rechecked_by = who
            hazard.rechecked_on = on
            hazard.closed_on = on
        add_event(session, hazard, kind, on, who, reason=why)
        for ref, caption in refs:
            add_attachment(
                session,
                institution_id=hazard.institution_id,
                owner_table=OWNER_TABLE,
                owner_id=hazard.id,
                ref=ref,
                kind=AttachmentKind.EVIDENCE,
                caption=caption,
            )
        session.flush()
        return hazard.status


@operation(Permission.INSPECTIONS_EDIT)
def start_rectification(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    *,
    on: dt.date,
    by: str,
    measure: str | None = None,
    today: dt.date | None = None,
) -> HazardStatus:
    """开始整改: 待整改 → 整改中."""
    return _step(
        store, actor, hazard_id, HazardEventKind.STARTED, on, by, measure=measure, today=today
    )


@operation(Permission.INSPECTIONS_EDIT)
def submit_for_recheck(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    *,
    on: dt.date,
    by: str,
    note: str | None = None,
    photos: Sequence[Photo] = (),
    today: dt.date | None = None,
) -> HazardStatus:
    """提交复查: rectified on ``on``, with evidence photos; 整改中 (or 待整改) → 待复查."""
    return _step(
        store,
        actor,
        hazard_id,
        HazardEventKind.SUBMITTED,
        on,
        by,
        reason=note,
        photos=photos,
        today=today,
    )


@operation(Permission.INSPECTIONS_EDIT)
def pass_recheck(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    *,
    on: dt.date,
    by: str,
    note: str | None = None,
    today: dt.date | None = None,
) -> HazardStatus:
    """复查通过: 待复查 → 已销号; ``by`` and ``on`` become rechecked_by/on and closed_on."""
    return _step(store, actor, hazard_id, HazardEventKind.PASSED, on, by, reason=note, today=today)


@operation(Permission.INSPECTIONS_EDIT)
def return_hazard(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    *,
    on: dt.date,
    by: str,
    reason: str,
    today: dt.date | None = None,
) -> HazardStatus:
    """打回: the re-check failed; 待复查 → 整改中, with the reason."""
    return _step(
        store,
        actor,
        hazard_id,
        HazardEventKind.RETURNED,
        on,
        by,
        reason=reason,
        reason_required=True,
        today=today,
    )


@operation(Permission.INSPECTIONS_EDIT)
def extend_deadline(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    *,
    on: dt.date,
    new_deadline: dt.date,
    reason: str,
    approved_by: str,
    by: str | None = None,
    today: dt.date | None = None,
) -> dt.date:
    """延期: a later deadline, not before the day of the extension, with the reason and who
    approved it. The hazard keeps its original deadline; the event keeps the one it replaces."""
    with store.write(actor) as session:
        hazard = get_live(session, Hazard, hazard_id)
        if hazard.status is HazardStatus.CLOSED:
            raise StateError("hazard.closed")
        checks = Checks("hazard_events")
        why = checks.text("reason", reason, max_len=2_000)
        approver = checks.text("approved_by", approved_by, max_len=50)
        who = checks.text("done_by", by, required=False, max_len=50)
        check_date(session, checks, hazard, "happened_on", on, today or dt.date.today())
        if new_deadline <= hazard.deadline:
            checks.add(
                "new_deadline",
                "hazard.extension_not_later",
                value=new_deadline.isoformat(),
                current=hazard.deadline.isoformat(),
            )
        elif new_deadline < on:
            checks.add(
                "new_deadline",
                "hazard.extension_already_past",
                value=new_deadline.isoformat(),
                on=on.isoformat(),
            )
        checks.done()
        old = hazard.deadline
        if hazard.original_deadline is None:
            hazard.original_deadline = old
        hazard.deadline = new_deadline
        add_event(
            session,
            hazard,
            HazardEventKind.EXTENDED,
            on,
            who,
            reason=why,
            approved_by=approver,
            old_deadline=old,
            new_deadline=new_deadline,
        )
        session.flush()
        return hazard.deadline


@dataclass(frozen=True)
class HazardEdit:
    """What may be corrected before a hazard is closed (None: leave as it is)."""

    description: str | None = None
    measure: str | None = None
    responsible_person: str | None = None
    deadline: dt.date | None = None


@operation(Permission.INSPECTIONS_EDIT)
def edit_hazard(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    edit: HazardEdit,
    *,
    on: dt.date | None = None,
    by: str | None = None,
) -> None:
    """Correct the description, measure, responsible person or deadline of a hazard not yet
    closed. A changed deadline is kept in the history as old → new (a correction, not a
    延期, which needs a reason and an approver)."""
    with store.write(actor) as session:
        hazard = get_live(session, Hazard, hazard_id)
        if hazard.status is HazardStatus.CLOSED:
            raise StateError("hazard.closed")
        checks = Checks("hazards")
        values: dict[str, object] = {
            "description": checks.text("description", edit.description, max_len=2_000)
            if edit.description is not None
            else hazard.description,
            "measure": checks.text("measure", edit.measure, required=False, max_len=2_000)
            if edit.measure is not None
            else hazard.measure,
            "responsible_person": checks.text(
                "responsible_person", edit.responsible_person, required=False, max_len=50
            )
            if edit.responsible_person is not None
            else hazard.responsible_person,
        }
        deadline = edit.deadline or hazard.deadline
        values["deadline"] = deadline
        checks.not_before("deadline", deadline, hazard.found_on, "found_on")
        checks.done()
        changed = {k: v for k, v in values.items() if getattr(hazard, k) != v}
        if not changed:
            raise ValidationError.single("measure", "hazard.nothing_changed")
        old_deadline = hazard.deadline
        for key, value in changed.items():
            setattr(hazard, key, value)
        moved = "deadline" in changed
        add_event(
            session,
            hazard,
            HazardEventKind.EDITED,
            on or dt.date.today(),
            by,
            reason=",".join(changed),  # the fields' keys: the history shows their labels
            old_deadline=old_deadline if moved else None,
            new_deadline=hazard.deadline if moved else None,
        )
        session.flush()
