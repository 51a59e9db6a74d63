"""One inspection as the inspecting screen and the views show it: items by section with the
answers, notes, photos, signatures and amendments; what each item reads as after amendments."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.vocab import InspectionStatus, InspectionType, ItemResult, SignerRole
from mzdesk.services.attachments import AttachmentView, attachments_in
from mzdesk.services.checklists import load_version
from mzdesk.services.inspecting.flow import INSPECTORS_SEPARATOR, RESULTS_TABLE
from mzdesk.services.inspecting.templates import inspected_items
from mzdesk.services.lookups import get_live
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Inspection,
    InspectionAmendment,
    InspectionResult,
    InspectionSignature,
    Institution,
)

SIGNATURES_TABLE = "inspection_signatures"


@dataclass(frozen=True)
class ItemView:
    id: uuid.UUID
    code: str
    section: str
    text: str
    basis: str | None  # the standard and clause
    look_at: str | None
    major: bool
    clause_unverified: bool = False
    standard: str | None = None  # when the item's standard is not the checklist's


@dataclass(frozen=True)
class AnswerView:
    result_id: uuid.UUID
    result: ItemResult
    note: str | None
    photos: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class SignatureView:
    id: uuid.UUID
    role: SignerRole
    name: str
    signed_at: dt.datetime
    image: AttachmentView | None


@dataclass(frozen=True)
class ChangeView:
    item_id: uuid.UUID
    code: str
    old: ItemResult
    new: ItemResult
    old_note: str | None
    new_note: str | None


@dataclass(frozen=True)
class AmendmentView:
    id: uuid.UUID
    reason: str
    amended_by: str
    amended_at: dt.datetime
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class InspectionDetail:
    id: uuid.UUID
    institution_id: uuid.UUID
    title: str
    version: str
    inspected_on: dt.date
    inspection_type: InspectionType
    inspectors: tuple[str, ...]
    status: InspectionStatus
    completed_at: dt.datetime | None
    schedule_id: uuid.UUID | None
    items: tuple[ItemView, ...]
    answers: dict[uuid.UUID, AnswerView]
    signatures: tuple[SignatureView, ...]
    amendments: tuple[AmendmentView, ...]

    @property
    def locked(self) -> bool:
        return self.status is InspectionStatus.COMPLETED

    @property
    def amended(self) -> bool:
        return bool(self.amendments)

    def unanswered(self) -> list[ItemView]:
        return [i for i in self.items if i.id not in self.answers]

    def current(self, item_id: uuid.UUID) -> tuple[ItemResult | None, str | None]:
        """The item's result and note as they read now: the original, then each amendment."""
        answer = self.answers.get(item_id)
        result, note = (answer.result, answer.note) if answer else (None, None)
        for amendment in self.amendments:
            for change in amendment.changes:
                if change.item_id == item_id:
                    result, note = change.new, change.new_note
        return result, note

    def failed(self) -> int:
        return sum(1 for i in self.items if self.current(i.id)[0] is ItemResult.FAIL)


def changes_of(raw: list[dict[str, str | None]]) -> tuple[ChangeView, ...]:
    return tuple(
        ChangeView(
            uuid.UUID(str(c["item_id"])),
            str(c["code"]),
            ItemResult(str(c["old"])),
            ItemResult(str(c["new"])),
            c.get("old_note"),
            c.get("new_note"),
        )
        for c in raw
    )


def inspection_detail(store: Store, inspection_id: uuid.UUID) -> InspectionDetail:
    with store.read() as session:
        inspection = get_live(session, Inspection, inspection_id)
        template = load_version(session, inspection.template_id)
        kind = session.get_one(Institution, inspection.institution_id).kind
        items = tuple(
            ItemView(
                item.id,
                item.code,
                item.section,
                item.text,
                item.basis,
                item.look_at,
                item.major_hazard,
                item.clause_unverified,
                item.standard,
            )
            for item in inspected_items(template, kind)
        )
        results = list(
            session.scalars(
                select(InspectionResult).where(
                    InspectionResult.inspection_id == inspection.id,
                    InspectionResult.deleted_at.is_(None),
                )
            )
        )
        photos = attachments_in(session, RESULTS_TABLE, [r.id for r in results])
        answers = {
            r.item_id: AnswerView(r.id, r.result, r.note, tuple(photos[r.id])) for r in results
        }
        signature_rows = list(
            session.scalars(
                select(InspectionSignature)
                .where(
                    InspectionSignature.inspection_id == inspection.id,
                    InspectionSignature.deleted_at.is_(None),
                )
                .order_by(InspectionSignature.signed_at, InspectionSignature.created_at)
            )
        )
        images = attachments_in(session, SIGNATURES_TABLE, [s.id for s in signature_rows])
        signatures = tuple(
            SignatureView(
                s.id, s.role, s.name, s.signed_at, images[s.id][-1] if images[s.id] else None
            )
            for s in signature_rows
        )
        amendments = tuple(
            AmendmentView(a.id, a.reason, a.amended_by, a.amended_at, changes_of(a.changes))
            for a in session.scalars(
                select(InspectionAmendment)
                .where(
                    InspectionAmendment.inspection_id == inspection.id,
                    InspectionAmendment.deleted_at.is_(None),
                )
                .order_by(InspectionAmendment.amended_at)
            )
        )
        return InspectionDetail(
            inspection.id,
            inspection.institution_id,
            template.title,
            template.version,
            inspection.inspected_on,
            inspection.inspection_type,
            tuple(n for n in inspection.inspectors.split(INSPECTORS_SEPARATOR) if n),
            inspection.status,
            inspection.completed_at,
            inspection.schedule_id,
            items,
            answers,
            signatures,
            amendments,
        )
