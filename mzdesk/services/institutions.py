"""Institutions: their details, and the list of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.identifiers import check_region_code
from mzdesk.core.ids import new_id
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    Grade,
    InstitutionKind,
    MedicalIntegration,
    Operation,
    Positioning,
)
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution


@dataclass(frozen=True)
class InstitutionData:
    name: str
    kind: InstitutionKind
    positioning: Positioning | None = None
    operation: Operation | None = None
    grade: Grade = Grade.UNRATED
    medical_integration: MedicalIntegration = MedicalIntegration.NONE
    uscc: str | None = None
    region_code: str | None = None
    address: str | None = None
    phone: str | None = None
    legal_representative: str | None = None
    fire_safety_officer: str | None = None


def check_institution(data: InstitutionData) -> InstitutionData:
    """Validate and normalise; raises :class:`ValidationError` listing every bad field."""
    checks = Checks("institutions")
    name = checks.text("name", data.name, max_len=100)
    uscc = checks.uscc("uscc", data.uscc)
    region = None
    if (data.region_code or "").strip():
        try:
            region = check_region_code(data.region_code or "")
        except ValidationError as error:
            checks.absorb(error)
    phone = checks.phone("phone", data.phone)
    checks.lengths("institutions", data)
    checks.done()
    return InstitutionData(
        name=name or "",
        kind=data.kind,
        positioning=data.positioning,
        operation=data.operation,
        grade=data.grade,
        medical_integration=data.medical_integration,
        uscc=uscc,
        region_code=region,
        address=(data.address or "").strip() or None,
        phone=phone,
        legal_representative=(data.legal_representative or "").strip() or None,
        fire_safety_officer=(data.fire_safety_officer or "").strip() or None,
    )


def _duplicate_name(name: str) -> ValidationError:
    return ValidationError(
        [FieldProblem("name", "institution.duplicate_name", {"name": name}, "institutions")]
    )


def find_institution(session: Session, name: str) -> Institution | None:
    return session.scalars(
        select(Institution).where(
            Institution.name == name.strip(), Institution.deleted_at.is_(None)
        )
    ).first()


def add_institution(session: Session, data: InstitutionData) -> Institution:
    """Inside a caller's transaction (used by imports and ``create_institution``)."""
    clean = check_institution(data)
    if find_institution(session, clean.name) is not None:
        raise _duplicate_name(clean.name)
    row_id = new_id()  # an institution owns itself: institution_id == id
    row = Institution(id=row_id, institution_id=row_id, **clean.__dict__)
    session.add(row)
    session.flush()
    return row


@operation(Permission.INSTITUTION_EDIT)
def create_institution(store: Store, actor: Actor, data: InstitutionData) -> InstitutionView:
    with store.write(actor) as session:
        return InstitutionView.of(add_institution(session, data))


@operation(Permission.INSTITUTION_EDIT)
def update_institution(
    store: Store, actor: Actor, institution_id: uuid.UUID, data: InstitutionData
) -> InstitutionView:
    clean = check_institution(data)
    with store.write(actor) as session:
        row = get_live(session, Institution, institution_id)
        other = find_institution(session, clean.name)
        if other is not None and other.id != row.id:
            raise _duplicate_name(clean.name)
        for key, value in clean.__dict__.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        return InstitutionView.of(row)


def list_institutions(store: Store) -> list[InstitutionView]:
    with store.read() as session:
        rows = session.scalars(
            select(Institution).where(Institution.deleted_at.is_(None)).order_by(Institution.name)
        )
        return [InstitutionView.of(r) for r in rows]
