"""Resident records: the data of a resident and their contacts, its checks, editing it, and
reading it back (a discharged resident's file is kept and read-only)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    ChildCategory,
    Gender,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    ResidentStatus,
    SupportType,
)
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import Contact, Institution, Resident, utcnow


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
        checks.lengths("resident_contacts", contact, prefix=f"contacts.{i}.")
    checks.lengths("residents", data)
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


def live_resident_with_id(
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


def ensure_editable(resident: Resident) -> None:
    if resident.status is ResidentStatus.DISCHARGED:
        raise StateError("resident.discharged", name=resident.name)


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
            other = live_resident_with_id(session, resident.institution_id, clean.id_number)
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
