"""Finishing and signing an inspection, which locks it and opens hazards for failed items;
and the amendment, the only way to correct a finished inspection."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.limits import TEXT_LIMITS
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    AttachmentKind,
    InspectionStatus,
    ItemResult,
    SignerRole,
)
from mzdesk.services.attachments import FileRef, add_attachment, store_file
from mzdesk.services.checks import Checks
from mzdesk.services.hazards import (  # part D: pre-fills hazards
    follow_amendment,
    open_hazards_for_failures,
)
from mzdesk.services.inspecting.detail import SIGNATURES_TABLE, inspection_detail
from mzdesk.services.inspecting.flow import editable
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Inspection,
    InspectionAmendment,
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
    store: Store,
    actor: Actor,
    inspection_id: uuid.UUID,
    signatures: Sequence[Signature],
    *,
    summary: str | None = None,
) -> list[uuid.UUID]:
    """Every item answered and every signer signed: the signatures are kept (image files and
    rows) with the 检查结论 (``summary``, optional), the inspection is locked, and failed items
    open hazards (their ids returned)."""
    conclusion = _summary(summary)
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
        inspection.summary = conclusion
        inspection.status = InspectionStatus.COMPLETED
        inspection.completed_at = now
        session.flush()
        return hazards


def _summary(summary: str | None) -> str | None:
    checks = Checks("inspections")
    cleaned = checks.text(
        "summary", summary, required=False, max_len=TEXT_LIMITS["inspections"]["summary"]
    )
    checks.done()
    return cleaned


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
    and note, the reason, who and when. The inspection's own results stay as they were; a
    failure amended away withdraws its open hazard (更正撤销), an item amended to 不合格 opens
    one (services/hazards/amending.py has the rule)."""
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
        follow_amendment(
            session, inspection, changes, row.reason, by=row.amended_by, on=row.amended_at.date()
        )
        return row.id
