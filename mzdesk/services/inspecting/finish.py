"""Finishing and signing an inspection, which locks it and opens hazards for failed items;
and the amendment, the only way to correct a finished inspection."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    AttachmentKind,
    HazardLevel,
    HazardStatus,
    InspectionStatus,
    ItemResult,
    SignerRole,
)
from mzdesk.services.attachments import FileRef, add_attachment, store_file
from mzdesk.services.checklists import find_items, load_version
from mzdesk.services.checks import Checks
from mzdesk.services.inspecting.detail import SIGNATURES_TABLE, inspection_detail
from mzdesk.services.inspecting.flow import editable
from mzdesk.services.inspections import MAJOR_HAZARD_RECTIFY_DAYS
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Hazard,
    Inspection,
    InspectionAmendment,
    InspectionResult,
    InspectionSignature,
    utcnow,
)

DEFAULT_RECTIFY_DAYS = 30


@dataclass(frozen=True)
class Signature:
    """One signer's name and the PNG of their strokes on the pad."""

    role: SignerRole
    name: str
    png: bytes


def open_hazards_for_failures(session: Session, inspection: Inspection) -> list[uuid.UUID]:
    """A hazard for every failed item of a finishing inspection, pre-filled from the item.
    (Part D owns hazards and replaces how they are pre-filled: keep this the one place.)"""
    template = load_version(session, inspection.template_id)
    order = {item.id: n for n, item in enumerate(template.items)}
    items = {item.id: item for item in template.items}
    rectify_days = template.rectify_days or DEFAULT_RECTIFY_DAYS
    failed = session.scalars(
        select(InspectionResult).where(
            InspectionResult.inspection_id == inspection.id,
            InspectionResult.deleted_at.is_(None),
            InspectionResult.result == ItemResult.FAIL,
        )
    ).all()
    hazards = []
    for result in sorted(failed, key=lambda r: order.get(r.item_id, len(order))):
        item = items.get(result.item_id) or find_items(session, [result.item_id])[result.item_id]
        days = MAJOR_HAZARD_RECTIFY_DAYS if item.major_hazard else rectify_days
        hazard = Hazard(
            institution_id=inspection.institution_id,
            inspection_id=inspection.id,
            result_id=result.id,
            description=item.text + (f"（{result.note}）" if result.note else ""),
            level=HazardLevel.MAJOR if item.major_hazard else HazardLevel.ORDINARY,
            found_on=inspection.inspected_on,
            deadline=inspection.inspected_on + dt.timedelta(days=days),
            status=HazardStatus.OPEN,
        )
        session.add(hazard)
        hazards.append(hazard)
    session.flush()
    return [h.id for h in hazards]


def _check_signers(inspectors: Sequence[str], signatures: Sequence[Signature]) -> None:
    checks = Checks(SIGNATURES_TABLE)
    by_inspector = {s.name.strip(): s for s in signatures if s.role is SignerRole.INSPECTOR}
    for name in by_inspector:
        if name not in inspectors:
            checks.add("name", "inspecting.signer_unknown", name=name)
    for name in inspectors:
        signed = by_inspector.get(name)
        if signed is None or not signed.png:
            checks.add(
                "signatures",
                "inspecting.signature_missing",
                name=name,
                role=SignerRole.INSPECTOR.label,
            )
    heads = [s for s in signatures if s.role is SignerRole.INSPECTED_HEAD]
    if len(heads) != 1 or not heads[0].name.strip():
        checks.add("signatures", "inspecting.unit_head_required")
    elif not heads[0].png:
        checks.add(
            "signatures",
            "inspecting.signature_missing",
            name=heads[0].name.strip(),
            role=SignerRole.INSPECTED_HEAD.label,
        )
    for head in heads:
        checks.text("name", head.name, max_len=50)
    checks.done()


@operation(Permission.INSPECTIONS_EDIT)
def finish_inspection(
    store: Store, actor: Actor, inspection_id: uuid.UUID, signatures: Sequence[Signature]
) -> list[uuid.UUID]:
    """Every item answered and every signer signed: the signatures are kept (image files and
    rows), the inspection is locked, and failed items open hazards (their ids returned)."""
    detail = inspection_detail(store, inspection_id)
    if detail.locked:
        with store.read() as session:
            editable(session, inspection_id)  # says when it was finished
    missing = detail.unanswered()
    if missing:
        first = missing[0]
        raise ValidationError.single(
            "results", "inspecting.unanswered", count=len(missing), item=first.code, text=first.text
        )
    _check_signers(detail.inspectors, signatures)
    files: list[tuple[Signature, FileRef]] = [
        (s, store_file(store, s.png, "image/png")) for s in signatures
    ]
    with store.write(actor) as session:
        inspection = editable(session, inspection_id)
        now = utcnow()
        for signature, ref in files:
            row = InspectionSignature(
                institution_id=inspection.institution_id,
                inspection_id=inspection.id,
                role=signature.role,
                name=signature.name.strip(),
                signed_at=now,
            )
            session.add(row)
            session.flush()
            add_attachment(
                session,
                institution_id=inspection.institution_id,
                owner_table=SIGNATURES_TABLE,
                owner_id=row.id,
                ref=ref,
                kind=AttachmentKind.SIGNATURE,
            )
        hazards = open_hazards_for_failures(session, inspection)
        inspection.status = InspectionStatus.COMPLETED
        inspection.completed_at = now
        session.flush()
        return hazards


@dataclass(frozen=True)
class ItemCorrection:
    item_id: uuid.UUID
    result: ItemResult
    note: str | None


@operation(Permission.INSPECTIONS_EDIT)
def amend_inspection(
    store: Store,
    actor: Actor,
    inspection_id: uuid.UUID,
    corrections: Sequence[ItemCorrection],
    reason: str,
) -> uuid.UUID:
    """更正: a record naming the finished inspection, each changed item's old and new result
    and note, the reason, who and when. The inspection's own results stay as they were."""
    checks = Checks("inspection_amendments")
    cleaned_reason = checks.text("reason", reason, max_len=2_000)
    checks.done()
    detail = inspection_detail(store, inspection_id)
    if not detail.locked:
        raise StateError("inspecting.not_finished")
    items = {i.id: i for i in detail.items}
    changes = []
    for correction in corrections:
        item = items.get(correction.item_id)
        if item is None:
            raise ValidationError.single("item_id", "inspection.item_not_in_template")
        old, old_note = detail.current(item.id)
        new_note = (correction.note or "").strip() or None
        if old is None or (old, old_note) == (correction.result, new_note):
            continue
        changes.append(
            {
                "item_id": str(item.id),
                "code": item.code,
                "old": old.value,
                "new": correction.result.value,
                "old_note": old_note,
                "new_note": new_note,
            }
        )
    if not changes:
        raise ValidationError.single("changes", "inspecting.no_change")
    with store.write(actor) as session:
        inspection = get_live(session, Inspection, inspection_id)
        row = InspectionAmendment(
            institution_id=inspection.institution_id,
            inspection_id=inspection.id,
            reason=cleaned_reason or "",
            amended_by=actor.name[:50],
            amended_at=utcnow(),
            changes=changes,
        )
        session.add(row)
        session.flush()
        return row.id
