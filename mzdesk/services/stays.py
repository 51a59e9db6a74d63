"""A resident's stay: admission into a bed, bed transfer, leave and return, and discharge
(which frees the bed and keeps the file)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.i18n import text
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    BedStatus,
    ChildStage,
    DischargeReason,
    InstitutionKind,
    ResidentKind,
    ResidentStatus,
)
from mzdesk.services.beds import bed_view
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.residents import (
    ResidentData,
    check_resident,
    ensure_editable,
    live_resident_with_id,
)
from mzdesk.services.stay_dates import check_admission_date, check_in_stay, stay_dates
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, BedStay, Contact, Institution, Leave, Resident


@dataclass(frozen=True)
class Admission:
    institution_id: uuid.UUID
    resident: ResidentData
    admission_date: dt.date
    bed_id: uuid.UUID | None = None


def bed_is_available(session: Session, bed: Bed) -> bool:
    """Free or reserved; or marked 在住 (by a bed roster) while no resident holds it."""
    if bed.status in (BedStatus.FREE, BedStatus.RESERVED):
        return True
    if bed.status is not BedStatus.OCCUPIED:
        return False
    holder = session.scalars(
        select(Resident.id).where(
            Resident.bed_id == bed.id,
            Resident.status != ResidentStatus.DISCHARGED,
            Resident.deleted_at.is_(None),
        )
    ).first()
    return holder is None


def occupy(session: Session, bed_id: uuid.UUID, institution_id: uuid.UUID) -> Bed:
    bed = get_live(session, Bed, bed_id)
    if bed.institution_id != institution_id:
        raise ValidationError.single("bed_id", "bed.other_institution")
    if not bed_is_available(session, bed):
        view = bed_view(session, bed_id)
        raise ValidationError.single(
            "bed_id", "bed.not_free", label=view.label, status=bed.status.label
        )
    if bed.status is not BedStatus.OCCUPIED:
        bed.status = BedStatus.OCCUPIED
    return bed


def refuse_second_record(session: Session, institution_id: uuid.UUID, id_number: str) -> None:
    """A person has one record: someone living here is not admitted again (the message says
    where they are), and a discharged person is re-admitted, not given a second record."""
    existing = live_resident_with_id(session, institution_id, id_number)
    if existing is not None:
        bed = bed_view(session, existing.bed_id).label if existing.bed_id else None
        raise ValidationError.single(
            "id_number",
            "readmission.in_residence",
            id_number=id_number,
            name=existing.name,
            status=existing.status.label,
            bed=bed or text("readmission.no_bed"),
        )
    left = discharged_record(session, institution_id, id_number)
    if left is not None:
        raise StateError(
            "readmission.discharged",
            id_number=id_number,
            name=left.name,
            date=left.discharge_date.isoformat() if left.discharge_date else "?",
        )


def discharged_record(
    session: Session, institution_id: uuid.UUID, id_number: str
) -> Resident | None:
    """The discharged resident with this ID number (the latest, should there be several from
    before records were reused)."""
    return session.scalars(
        select(Resident)
        .where(
            Resident.institution_id == institution_id,
            Resident.id_number == id_number,
            Resident.status == ResidentStatus.DISCHARGED,
            Resident.deleted_at.is_(None),
        )
        .order_by(Resident.discharge_date.desc())
    ).first()


def admit(session: Session, admission: Admission, *, today: dt.date | None = None) -> Resident:
    """Admit inside the caller's transaction (imports admit many in one)."""
    institution = get_live(session, Institution, admission.institution_id)
    data = check_resident(admission.resident, institution.kind, today=today)
    checks = Checks("residents")
    check_admission_date(checks, admission.admission_date, data.birth_date, today)
    checks.done()
    if data.id_number:
        refuse_second_record(session, institution.id, data.id_number)
    is_child = institution.kind is InstitutionKind.CHILDREN_HOME
    values = {k: v for k, v in data.__dict__.items() if k != "contacts"}
    values["intake_documents"] = list(data.intake_documents)
    resident = Resident(
        institution_id=institution.id,
        kind=ResidentKind.CHILD if is_child else ResidentKind.ELDERLY,
        status=ResidentStatus.IN_HOUSE,
        admission_date=admission.admission_date,
        child_stage=ChildStage.INTAKE if is_child else None,
        **values,
    )
    session.add(resident)
    session.flush()
    if admission.bed_id is not None:
        occupy(session, admission.bed_id, institution.id)
        start_stay(session, resident, admission.bed_id, admission.admission_date)
    for order, contact in enumerate(data.contacts):
        session.add(
            Contact(
                institution_id=institution.id,
                resident_id=resident.id,
                sort_order=order,
                **contact.__dict__,
            )
        )
    session.flush()
    return resident


@operation(Permission.RESIDENTS_EDIT)
def admit_resident(store: Store, actor: Actor, admission: Admission) -> ResidentView:
    with store.write(actor) as session:
        return ResidentView.of(admit(session, admission))


def _open_stay(session: Session, resident: Resident) -> BedStay | None:
    return session.scalars(
        select(BedStay).where(
            BedStay.resident_id == resident.id,
            BedStay.end_date.is_(None),
            BedStay.deleted_at.is_(None),
        )
    ).first()


def start_stay(session: Session, resident: Resident, bed_id: uuid.UUID, on: dt.date) -> None:
    """The resident in ``bed_id`` from ``on`` (the bed already taken with :func:`occupy`):
    the record's bed and a new stay."""
    resident.bed_id = bed_id
    session.add(
        BedStay(
            institution_id=resident.institution_id,
            resident_id=resident.id,
            bed_id=bed_id,
            start_date=on,
        )
    )


def release_bed(session: Session, resident: Resident, on: dt.date, reason: str) -> None:
    stay = _open_stay(session, resident)
    if stay is not None:
        stay.end_date = on
        stay.end_reason = reason
    if resident.bed_id is not None:
        bed = get_live(session, Bed, resident.bed_id)
        if bed.status is BedStatus.OCCUPIED:
            bed.status = BedStatus.FREE
        resident.bed_id = None


@operation(Permission.RESIDENTS_EDIT)
def transfer_bed(
    store: Store, actor: Actor, resident_id: uuid.UUID, bed_id: uuid.UUID, on: dt.date
) -> ResidentView:
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        if resident.bed_id == bed_id:
            raise ValidationError.single("bed_id", "bed.same")
        checks = Checks("residents")
        check_in_stay(checks, "transfer_date", on, stay_dates(session, resident))
        checks.done()
        occupy(session, bed_id, resident.institution_id)
        release_bed(session, resident, on, "transfer")
        start_stay(session, resident, bed_id, on)
        session.flush()
        return ResidentView.of(resident)


@operation(Permission.RESIDENTS_EDIT)
def start_leave(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    on: dt.date,
    *,
    reason: str | None = None,
    destination: str | None = None,
    expected_return: dt.date | None = None,
) -> ResidentView:
    """外出: the resident keeps the bed while away."""
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        if resident.status is not ResidentStatus.IN_HOUSE:
            raise StateError("resident.not_in_house", name=resident.name, status=resident.status.zh)
        checks = Checks("resident_leaves")
        check_in_stay(checks, "start_date", on, stay_dates(session, resident), after_leaves=True)
        checks.not_before("expected_return", expected_return, on, "start_date")
        checks.done()
        resident.status = ResidentStatus.ON_LEAVE
        session.add(
            Leave(
                institution_id=resident.institution_id,
                resident_id=resident.id,
                start_date=on,
                reason=reason,
                destination=destination,
                expected_return=expected_return,
            )
        )
        session.flush()
        return ResidentView.of(resident)


def _open_leave(session: Session, resident: Resident) -> Leave | None:
    return session.scalars(
        select(Leave).where(
            Leave.resident_id == resident.id,
            Leave.return_date.is_(None),
            Leave.deleted_at.is_(None),
        )
    ).first()


@operation(Permission.RESIDENTS_EDIT)
def end_leave(store: Store, actor: Actor, resident_id: uuid.UUID, on: dt.date) -> ResidentView:
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        leave = _open_leave(session, resident)
        if resident.status is not ResidentStatus.ON_LEAVE or leave is None:
            raise StateError("resident.not_on_leave", name=resident.name)
        checks = Checks("resident_leaves")
        checks.not_future("return_date", on, dt.date.today())
        checks.not_before("return_date", on, leave.start_date, "start_date")
        checks.done()
        leave.return_date = on
        resident.status = ResidentStatus.IN_HOUSE
        session.flush()
        return ResidentView.of(resident)


@operation(Permission.RESIDENTS_EDIT)
def discharge_resident(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    on: dt.date,
    reason: DischargeReason,
    note: str | None = None,
) -> ResidentView:
    """退住: frees the bed, closes the stay; the record stays, read-only (kept ≥ 5 years)."""
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        checks = Checks("residents")
        dates = stay_dates(session, resident)
        check_in_stay(checks, "discharge_date", on, dates, after_leaves=True)
        checks.done()
        leave = _open_leave(session, resident)
        if leave is not None:
            leave.return_date = on
        release_bed(session, resident, on, "discharge")
        resident.status = ResidentStatus.DISCHARGED
        resident.discharge_date = on
        resident.discharge_reason = reason
        resident.discharge_note = note
        if resident.kind is ResidentKind.CHILD:
            resident.child_stage = ChildStage.LEFT
        session.flush()
        return ResidentView.of(resident)
