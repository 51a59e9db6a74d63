"""Resident records: admission, bed transfer, leave and return, discharge (which keeps the file)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    BedStatus,
    ChildCategory,
    ChildStage,
    DischargeReason,
    Gender,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    ResidentKind,
    ResidentStatus,
    SupportType,
)
from mzdesk.services.beds import bed_view
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, BedStay, Contact, Institution, Leave, Resident, utcnow


@dataclass(frozen=True)
class ContactData:
    name: str
    relationship: Relationship | None = None
    phone: str | None = None
    address: str | None = None
    is_guardian: bool = False
    is_emergency: bool = True


@dataclass(frozen=True)
class ResidentData:
    """What a person types about a resident (elderly or child)."""

    name: str
    id_number: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    ethnicity: str | None = None
    household_address: str | None = None
    phone: str | None = None
    marital_status: MaritalStatus | None = None
    living_situation: str | None = None
    education: str | None = None
    payment_method: PaymentMethod | None = None
    income_source: str | None = None
    support_type: SupportType | None = None
    diagnoses: str | None = None
    cognitive_disorder: bool = False
    contract_number: str | None = None
    care_level: str | None = None
    child_category: ChildCategory | None = None
    guardianship_type: GuardianshipType | None = None
    intake_documents: tuple[str, ...] = ()
    schooling: str | None = None
    disability_type: str | None = None
    disability_level: str | None = None
    note: str | None = None
    contacts: tuple[ContactData, ...] = field(default=())


@dataclass(frozen=True)
class Admission:
    institution_id: uuid.UUID
    resident: ResidentData
    admission_date: dt.date
    bed_id: uuid.UUID | None = None


def check_resident(
    data: ResidentData, kind: InstitutionKind, *, today: dt.date | None = None
) -> ResidentData:
    """Validate and normalise a resident's data; fills gender and birth date from the ID number."""
    today = today or dt.date.today()
    checks = Checks("residents")
    name = checks.text("name", data.name, max_len=50)
    is_child = kind is InstitutionKind.CHILDREN_HOME
    id_number = checks.id_number("id_number", data.id_number, required=not is_child)
    checks.agrees_with_id(id_number, data.gender, data.birth_date)
    gender = data.gender or (id_number.gender if id_number else None)
    birth = data.birth_date or (id_number.birth_date if id_number else None)
    if birth is None and not checks.has("id_number"):
        checks.add("birth_date", "field.required")
    checks.not_future("birth_date", birth, today)
    phone = checks.phone("phone", data.phone)
    if is_child and data.child_category is None:
        checks.add("child_category", "resident.child_fields")
    contacts = []
    for i, contact in enumerate(data.contacts):
        contact_name = checks.text(f"contacts.{i}.name", contact.name, max_len=50)
        contact_phone = checks.phone(f"contacts.{i}.phone", contact.phone)
        contacts.append(replace(contact, name=contact_name or "", phone=contact_phone))
    checks.done()
    return replace(
        data,
        name=name or "",
        id_number=id_number.value if id_number else None,
        gender=gender,
        birth_date=birth,
        phone=phone,
        contacts=tuple(contacts),
    )


def _live_resident_with_id(
    session: Session, institution_id: uuid.UUID, id_number: str
) -> Resident | None:
    return session.scalars(
        select(Resident).where(
            Resident.institution_id == institution_id,
            Resident.id_number == id_number,
            Resident.status != ResidentStatus.DISCHARGED,
            Resident.deleted_at.is_(None),
        )
    ).first()


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


def _occupy(session: Session, bed_id: uuid.UUID, institution_id: uuid.UUID) -> Bed:
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


def admit(session: Session, admission: Admission, *, today: dt.date | None = None) -> Resident:
    """Admit inside the caller's transaction (imports admit many in one)."""
    institution = get_live(session, Institution, admission.institution_id)
    data = check_resident(admission.resident, institution.kind, today=today)
    if data.id_number:
        existing = _live_resident_with_id(session, institution.id, data.id_number)
        if existing is not None:
            raise ValidationError.single(
                "id_number",
                "resident.duplicate_id_number",
                id_number=data.id_number,
                name=existing.name,
            )
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
        _occupy(session, admission.bed_id, institution.id)
        resident.bed_id = admission.bed_id
        session.add(
            BedStay(
                institution_id=institution.id,
                resident_id=resident.id,
                bed_id=admission.bed_id,
                start_date=admission.admission_date,
            )
        )
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


def _release_bed(session: Session, resident: Resident, on: dt.date, reason: str) -> None:
    stay = _open_stay(session, resident)
    if stay is not None:
        stay.end_date = on
        stay.end_reason = reason
    if resident.bed_id is not None:
        bed = get_live(session, Bed, resident.bed_id)
        if bed.status is BedStatus.OCCUPIED:
            bed.status = BedStatus.FREE
        resident.bed_id = None


def ensure_editable(resident: Resident) -> None:
    if resident.status is ResidentStatus.DISCHARGED:
        raise StateError("resident.discharged", name=resident.name)


@operation(Permission.RESIDENTS_EDIT)
def transfer_bed(
    store: Store, actor: Actor, resident_id: uuid.UUID, bed_id: uuid.UUID, on: dt.date
) -> ResidentView:
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        if resident.bed_id == bed_id:
            raise ValidationError.single("bed_id", "bed.same")
        _occupy(session, bed_id, resident.institution_id)
        _release_bed(session, resident, on, "transfer")
        resident.bed_id = bed_id
        session.add(
            BedStay(
                institution_id=resident.institution_id,
                resident_id=resident.id,
                bed_id=bed_id,
                start_date=on,
            )
        )
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
        checks = Checks("residents")
        checks.not_before("start_date", on, resident.admission_date, "入住日期")
        checks.not_before("expected_return", expected_return, on, "外出日期")
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
        checks = Checks("residents")
        checks.not_before("return_date", on, leave.start_date, "外出日期")
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
        checks.not_before("discharge_date", on, resident.admission_date, "入住日期")
        checks.done()
        leave = _open_leave(session, resident)
        if leave is not None:
            leave.return_date = on
        _release_bed(session, resident, on, "discharge")
        resident.status = ResidentStatus.DISCHARGED
        resident.discharge_date = on
        resident.discharge_reason = reason
        resident.discharge_note = note
        if resident.kind is ResidentKind.CHILD:
            resident.child_stage = ChildStage.LEFT
        session.flush()
        return ResidentView.of(resident)


@operation(Permission.RESIDENTS_EDIT)
def update_resident(
    store: Store, actor: Actor, resident_id: uuid.UUID, data: ResidentData
) -> ResidentView:
    """Change a resident's details; only the fields that differ are written (and synced)."""
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        ensure_editable(resident)
        institution = get_live(session, Institution, resident.institution_id)
        clean = check_resident(data, institution.kind)
        if clean.id_number and clean.id_number != resident.id_number:
            other = _live_resident_with_id(session, resident.institution_id, clean.id_number)
            if other is not None and other.id != resident.id:
                raise ValidationError.single(
                    "id_number",
                    "resident.duplicate_id_number",
                    id_number=clean.id_number,
                    name=other.name,
                )
        values = {k: v for k, v in clean.__dict__.items() if k != "contacts"}
        values["intake_documents"] = list(clean.intake_documents)
        for key, value in values.items():
            if getattr(resident, key) != value:
                setattr(resident, key, value)
        _sync_contacts(session, resident, clean.contacts)
        session.flush()
        return ResidentView.of(resident)


def _sync_contacts(session: Session, resident: Resident, contacts: tuple[ContactData, ...]) -> None:
    """Make the stored contacts match ``contacts`` position by position; extra ones become
    tombstones (never deleted), new ones are added."""
    stored = list(
        session.scalars(
            select(Contact)
            .where(Contact.resident_id == resident.id, Contact.deleted_at.is_(None))
            .order_by(Contact.sort_order)
        )
    )
    for order, contact in enumerate(contacts):
        if order < len(stored):
            row = stored[order]
            for key, value in contact.__dict__.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
        else:
            session.add(
                Contact(
                    institution_id=resident.institution_id,
                    resident_id=resident.id,
                    sort_order=order,
                    **contact.__dict__,
                )
            )
    for row in stored[len(contacts) :]:
        row.deleted_at = utcnow()


def get_resident(store: Store, resident_id: uuid.UUID) -> ResidentView:
    with store.read() as session:
        return ResidentView.of(get_live(session, Resident, resident_id))


def list_contacts(store: Store, resident_id: uuid.UUID) -> list[ContactData]:
    with store.read() as session:
        rows = session.scalars(
            select(Contact)
            .where(Contact.resident_id == resident_id, Contact.deleted_at.is_(None))
            .order_by(Contact.sort_order)
        )
        return [
            ContactData(c.name, c.relationship, c.phone, c.address, c.is_guardian, c.is_emergency)
            for c in rows
        ]


def resident_details(store: Store, resident_id: uuid.UUID) -> tuple[ResidentView, ResidentData]:
    """The resident as the details dialog shows it: summary and editable data with contacts."""
    with store.read() as session:
        row = get_live(session, Resident, resident_id)
        contacts = session.scalars(
            select(Contact)
            .where(Contact.resident_id == resident_id, Contact.deleted_at.is_(None))
            .order_by(Contact.sort_order)
        )
        data = ResidentData(
            name=row.name,
            id_number=row.id_number,
            gender=row.gender,
            birth_date=row.birth_date,
            ethnicity=row.ethnicity,
            household_address=row.household_address,
            phone=row.phone,
            marital_status=row.marital_status,
            living_situation=row.living_situation,
            education=row.education,
            payment_method=row.payment_method,
            income_source=row.income_source,
            support_type=row.support_type,
            diagnoses=row.diagnoses,
            cognitive_disorder=row.cognitive_disorder,
            contract_number=row.contract_number,
            care_level=row.care_level,
            child_category=row.child_category,
            guardianship_type=row.guardianship_type,
            intake_documents=tuple(row.intake_documents or ()),
            schooling=row.schooling,
            disability_type=row.disability_type,
            disability_level=row.disability_level,
            note=row.note,
            contacts=tuple(
                ContactData(
                    c.name, c.relationship, c.phone, c.address, c.is_guardian, c.is_emergency
                )
                for c in contacts
            ),
        )
        return ResidentView.of(row), data
