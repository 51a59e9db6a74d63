"""接收 and the 寻亲公告.

``receive_child`` admits the child (the resident record, its bed if one is given, the date
rules of any admission) and records how it came, in one transaction; intake documents are
kept as attachments of the intake. A foundling's notice is published, then claimed by the
family or withdrawn; unclaimed past its period, the child counts as one whose parents cannot
be found (core/children.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.children import (
    NOTICE_DAYS_DEFAULT,
    NOTICE_DAYS_RANGE,
    IntakeWay,
    NoticeStatus,
    notice_expired,
    notice_period_end,
)
from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import AttachmentKind, InstitutionKind
from mzdesk.services.attachments import FileRef, add_attachment, store_file
from mzdesk.services.checks import Checks
from mzdesk.services.children.common import check_step_date, child_in_care
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import Admission, admit
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import ChildIntake, FamilyNotice, Institution, Resident

DOCUMENTS_TABLE = "child_intakes"  # intake documents are attachments of the intake


@dataclass(frozen=True)
class IntakeDocument:
    """A scanned or photographed document (捡拾报案证明, a ruling …) with its caption."""

    data: bytes
    caption: str
    media_type: str | None = None


@dataclass(frozen=True)
class Intake:
    """What is written down when a child is received."""

    way: IntakeWay
    intake_date: dt.date
    found_on: dt.date | None = None
    found_place: str | None = None
    brought_by: str | None = None
    police_report_number: str | None = None
    transferred_from: str | None = None
    court_ruling: str | None = None
    birth_family: str | None = None
    note: str | None = None


def check_intake(
    checks: Checks, intake: Intake, birth: dt.date | None, today: dt.date
) -> dict[str, object]:
    values: dict[str, object] = {}
    for field, limit in (
        ("found_place", 200),
        ("brought_by", 100),
        ("police_report_number", 50),
        ("transferred_from", 100),
        ("court_ruling", 100),
    ):
        values[field] = checks.text(field, getattr(intake, field), required=False, max_len=limit)
    for field in ("birth_family", "note"):
        values[field] = checks.text(field, getattr(intake, field), required=False, max_len=2_000)
    if intake.way is IntakeWay.POLICE:
        checks.required("brought_by", values["brought_by"])
        checks.required("found_on", intake.found_on)
    if intake.way is IntakeWay.TRANSFER:
        checks.required("transferred_from", values["transferred_from"])
    if intake.way is IntakeWay.COURT:
        checks.required("court_ruling", values["court_ruling"])
    checks.not_future("found_on", intake.found_on, today)
    checks.not_before("found_on", intake.found_on, birth, "birth_date", "residents")
    checks.not_before("intake_date", intake.intake_date, intake.found_on, "found_on")
    return values


@operation(Permission.RESIDENTS_EDIT)
def receive_child(
    store: Store,
    actor: Actor,
    institution_id: uuid.UUID,
    child: ResidentData,
    intake: Intake,
    *,
    bed_id: uuid.UUID | None = None,
    documents: Sequence[IntakeDocument] = (),
    today: dt.date | None = None,
) -> ResidentView:
    """接收: the child's record (stage 接收), its intake and its documents, all or nothing."""
    refs = [(store_file(store, d.data, d.media_type), d.caption) for d in documents]
    with store.write(actor) as session:
        resident = receive(
            session, institution_id, child, intake, bed_id=bed_id, documents=refs, today=today
        )
        return ResidentView.of(resident)


def receive(
    session: Session,
    institution_id: uuid.UUID,
    child: ResidentData,
    intake: Intake,
    *,
    bed_id: uuid.UUID | None = None,
    documents: Sequence[tuple[FileRef, str]] = (),
    today: dt.date | None = None,
) -> Resident:
    """:func:`receive_child` inside the caller's transaction (a roster receives many in one);
    ``documents`` are files already stored, with their captions."""
    today = today or dt.date.today()
    institution = get_live(session, Institution, institution_id)
    if institution.kind is not InstitutionKind.CHILDREN_HOME:
        raise StateError("child.not_children_home", name=institution.name)
    checks = Checks("child_intakes")
    values = check_intake(checks, intake, child.birth_date, today)
    captions = [checks.text("documents", c, max_len=200) for _ref, c in documents]
    checks.done()
    resident = admit(
        session,
        Admission(institution.id, child, intake.intake_date, bed_id),
        today=today,
    )
    row = ChildIntake(
        institution_id=institution.id,
        resident_id=resident.id,
        way=intake.way,
        intake_date=intake.intake_date,
        found_on=intake.found_on,
        **values,
    )
    session.add(row)
    session.flush()
    for (ref, _raw), caption in zip(documents, captions, strict=True):
        add_attachment(
            session,
            institution_id=institution.id,
            owner_table=DOCUMENTS_TABLE,
            owner_id=row.id,
            ref=ref,
            kind=AttachmentKind.DOCUMENT,
            caption=caption,
        )
    resident.intake_documents = [c for c in captions if c]
    session.flush()
    return resident


@operation(Permission.RESIDENTS_EDIT)
def publish_notice(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    published_on: dt.date,
    *,
    publication: str | None = None,
    period_days: int = NOTICE_DAYS_DEFAULT,
    note: str | None = None,
    today: dt.date | None = None,
) -> uuid.UUID:
    """寻亲公告 of a child in care: one running notice at a time."""
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        notice = publish(
            session,
            child,
            published_on,
            publication=publication,
            period_days=period_days,
            note=note,
            today=today,
        )
        return notice.id


def publish(
    session: Session,
    child: Resident,
    published_on: dt.date,
    *,
    publication: str | None = None,
    period_days: int = NOTICE_DAYS_DEFAULT,
    note: str | None = None,
    today: dt.date | None = None,
) -> FamilyNotice:
    """:func:`publish_notice` inside the caller's transaction, for a child in care."""
    checks = Checks("family_notices")
    check_step_date(checks, "published_on", published_on, child, today)
    low, high = NOTICE_DAYS_RANGE
    if not low <= period_days <= high:
        checks.add("period_days", "child.notice_days", low=low, high=high, value=period_days)
    where = checks.text("publication", publication, required=False, max_len=200)
    why = checks.text("note", note, required=False, max_len=2_000)
    checks.done()
    if _running(session, child.id) is not None:
        raise StateError("child.notice_running", name=child.name)
    notice = FamilyNotice(
        institution_id=child.institution_id,
        resident_id=child.id,
        published_on=published_on,
        period_days=period_days,
        publication=where,
        status=NoticeStatus.RUNNING,
        note=why,
    )
    session.add(notice)
    session.flush()
    return notice


def _running(session: Session, resident_id: uuid.UUID) -> FamilyNotice | None:
    return session.scalars(
        select(FamilyNotice).where(
            FamilyNotice.resident_id == resident_id,
            FamilyNotice.status == NoticeStatus.RUNNING,
            FamilyNotice.deleted_at.is_(None),
        )
    ).first()


@operation(Permission.RESIDENTS_EDIT)
def close_notice(
    store: Store,
    actor: Actor,
    notice_id: uuid.UUID,
    outcome: NoticeStatus,
    on: dt.date,
    *,
    claimed_by: str | None = None,
    note: str | None = None,
    today: dt.date | None = None,
) -> None:
    """The family came forward (已认领, who), the period ran out with nobody coming forward
    (期满无人认领: only after its last day) or the notice was withdrawn (已撤回, why)."""
    if outcome is NoticeStatus.RUNNING:
        raise ValueError("a notice closes as claimed, lapsed or withdrawn")
    with store.write(actor) as session:
        notice = get_live(session, FamilyNotice, notice_id)
        close(session, notice, outcome, on, claimed_by=claimed_by, note=note, today=today)


def close(
    session: Session,
    notice: FamilyNotice,
    outcome: NoticeStatus,
    on: dt.date,
    *,
    claimed_by: str | None = None,
    note: str | None = None,
    today: dt.date | None = None,
) -> None:
    """:func:`close_notice` inside the caller's transaction."""
    if notice.status is not NoticeStatus.RUNNING:
        raise StateError("child.notice_closed", status=notice.status.label)
    checks = Checks("family_notices")
    checks.not_future("closed_on", on, today or dt.date.today())
    checks.not_before("closed_on", on, notice.published_on, "published_on")
    if outcome is NoticeStatus.LAPSED and not notice_expired(
        notice.published_on, notice.period_days, on
    ):
        end = notice_period_end(notice.published_on, notice.period_days)
        checks.add("closed_on", "child.notice_not_lapsed", end=end.isoformat())
    who = checks.text(
        "claimed_by", claimed_by, required=outcome is NoticeStatus.CLAIMED, max_len=100
    )
    why = checks.text("note", note, required=outcome is NoticeStatus.WITHDRAWN, max_len=2_000)
    checks.done()
    notice.status = outcome
    notice.closed_on = on
    notice.claimed_by = who
    if why:
        notice.note = why
