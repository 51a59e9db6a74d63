"""Re-admitting a discharged person: their record gets a new stay (a bed from the new date);
the earlier stay, its discharge and everything recorded stay in the history. A person has one
record, so a second admission of the same ID number is refused (``stays.refuse_second_record``)
and the app offers this instead."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select

from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ChildStage, ResidentKind, ResidentStatus
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.residents import ResidentData, check_resident
from mzdesk.services.stay_dates import check_admission_date
from mzdesk.services.stays import discharged_record, occupy, refuse_second_record, start_stay
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import BedStay, Institution, Resident


def discharged_with_id(
    store: Store, institution_id: uuid.UUID, id_number: str
) -> ResidentView | None:
    """The discharged resident of this institution with this ID number, if any."""
    with store.read() as session:
        row = discharged_record(session, institution_id, id_number.strip().upper())
        return ResidentView.of(row) if row is not None else None


@operation(Permission.RESIDENTS_EDIT)
def readmit_resident(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    on: dt.date,
    bed_id: uuid.UUID | None,
    data: ResidentData | None = None,
) -> ResidentView:
    """入住 again: the same record, in house from ``on`` (not before the last discharge), in
    ``bed_id``; ``data`` (what was typed on the admission form) updates the details."""
    with store.write(actor) as session:
        resident = get_live(session, Resident, resident_id)
        if resident.status is not ResidentStatus.DISCHARGED:
            raise StateError("readmission.not_discharged", name=resident.name)
        institution = get_live(session, Institution, resident.institution_id)
        clean = check_resident(data, institution.kind) if data is not None else None
        if clean is not None and clean.id_number and clean.id_number != resident.id_number:
            refuse_second_record(session, institution.id, clean.id_number)
        checks = Checks("residents")
        check_admission_date(checks, on, resident.birth_date)
        last_end = session.scalar(
            select(func.max(BedStay.end_date)).where(
                BedStay.resident_id == resident.id, BedStay.deleted_at.is_(None)
            )
        )
        ends = [d for d in (resident.discharge_date, last_end) if d is not None]
        left = max(ends) if ends else None
        if left is not None and on < left:
            checks.add(
                "admission_date",
                "readmission.before_discharge",
                value=on.isoformat(),
                other_value=left.isoformat(),
            )
        checks.done()
        if clean is not None:
            values = {k: v for k, v in clean.__dict__.items() if k != "contacts"}
            values["intake_documents"] = list(clean.intake_documents)
            for key, value in values.items():
                if getattr(resident, key) != value:
                    setattr(resident, key, value)
        resident.status = ResidentStatus.IN_HOUSE
        resident.admission_date = on
        resident.discharge_date = None
        resident.discharge_reason = None
        resident.discharge_note = None
        if resident.kind is ResidentKind.CHILD:
            resident.child_stage = ChildStage.INTAKE
        if bed_id is not None:
            occupy(session, bed_id, institution.id)
            start_stay(session, resident, bed_id, on)
        session.flush()
        return ResidentView.of(resident)
