"""Correcting a wrong admission, leave or discharge date (administrators only).

A correction is one transaction like any change (written, audited and sent to the server);
the audit entries it writes are marked 更正 and carry the reason. The bed stays follow the
corrected dates, so the bed statistics as of any day follow too. A date that would contradict
the others is refused with a message naming both: a stay that would overlap another in the
same bed, a leave outside the stay or over another leave, an admission after an assessment.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError
from mzdesk.core.i18n import text
from mzdesk.core.labels import field_label as _label
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ResidentStatus
from mzdesk.services.beds import bed_view
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.stay_dates import check_admission_date
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import Assessment, AuditEntry, BedStay, Leave, Resident


def _reason(checks: Checks, reason: str | None) -> str:
    return checks.text("correction_reason", reason, max_len=200) or ""


def _not_after(
    checks: Checks, field: str, value: dt.date, other: dt.date | None, label: str
) -> None:
    if other is not None and value > other:
        checks.add(
            field, "date.after", value=value.isoformat(), other=label, other_value=other.isoformat()
        )


def _mark(session: Session, since: int, reason: str) -> None:
    """The audit entries this transaction wrote are a correction, with its reason."""
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.seq > since)):
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.seq == entry.seq)
            .values(
                action="correct", changes={**entry.changes, "correction_reason": [None, reason]}
            )
        )


def _last_seq(session: Session) -> int:
    return session.scalar(select(func.max(AuditEntry.seq))) or 0


def _bed_free(
    checks: Checks, session: Session, field: str, stay: BedStay, start: dt.date, end: dt.date | None
) -> None:
    """No other stay in ``stay``'s bed overlaps ``start`` – ``end`` (``None``: still open)."""
    conditions = [
        BedStay.bed_id == stay.bed_id,
        BedStay.id != stay.id,
        BedStay.deleted_at.is_(None),
        (BedStay.end_date.is_(None)) | (BedStay.end_date > start),
    ]
    if end is not None:
        conditions.append(BedStay.start_date < end)
    other = session.execute(
        select(BedStay.start_date, BedStay.end_date, Resident.name)
        .join(Resident, Resident.id == BedStay.resident_id)
        .where(*conditions)
        .order_by(BedStay.start_date)
    ).first()
    if other is not None:
        checks.add(
            field,
            "correction.bed_taken",
            bed=bed_view(session, stay.bed_id).label,
            start=other.start_date.isoformat(),
            end=other.end_date.isoformat() if other.end_date else text("stay.open_end"),
            name=other.name,
        )


def _stays(session: Session, resident_id: uuid.UUID) -> list[BedStay]:
    return list(
        session.scalars(
            select(BedStay)
            .where(BedStay.resident_id == resident_id, BedStay.deleted_at.is_(None))
            .order_by(BedStay.start_date, BedStay.created_at)
        )
    )


def _leaves(session: Session, resident: Resident) -> list[Leave]:
    return list(
        session.scalars(
            select(Leave)
            .where(
                Leave.resident_id == resident.id,
                Leave.deleted_at.is_(None),
                Leave.start_date >= resident.admission_date,
            )
            .order_by(Leave.start_date)
        )
    )


@operation(Permission.RECORDS_CORRECT)
def correct_admission_date(
    store: Store, actor: Actor, resident_id: uuid.UUID, on: dt.date, reason: str
) -> ResidentView:
    """The (latest) admission's date; its first bed stay starts on the corrected day."""
    with store.write(actor) as session:
        since = _last_seq(session)
        resident = get_live(session, Resident, resident_id)
        old = resident.admission_date
        checks = Checks("residents")
        why = _reason(checks, reason)
        if on == old:
            checks.add("admission_date", "correction.unchanged", value=old.isoformat())
        check_admission_date(checks, on, resident.birth_date)
        stays = _stays(session, resident.id)
        first = next((s for s in stays if s.start_date == old), None)
        earlier = [s.end_date for s in stays if s.end_date is not None and s.end_date <= old]
        if earlier and on < max(earlier):
            checks.not_before("admission_date", on, max(earlier), "discharge_date")
        if first is not None and first.end_date is not None:
            label = "discharge_date" if first.end_reason == "discharge" else "transfer_date"
            _not_after(checks, "admission_date", on, first.end_date, _label(label))
        leaves = _leaves(session, resident)
        if leaves:
            _not_after(
                checks,
                "admission_date",
                on,
                leaves[0].start_date,
                _label("start_date", "resident_leaves"),
            )
        assessed = session.scalar(
            select(func.min(Assessment.assessed_on)).where(
                Assessment.resident_id == resident.id,
                Assessment.deleted_at.is_(None),
                Assessment.assessed_on >= old,
            )
        )
        _not_after(checks, "admission_date", on, assessed, _label("assessed_on"))
        _not_after(checks, "admission_date", on, resident.discharge_date, _label("discharge_date"))
        if first is not None and on < old:
            _bed_free(checks, session, "admission_date", first, on, old)
        checks.done()
        resident.admission_date = on
        if first is not None:
            first.start_date = on
        session.flush()
        _mark(session, since, why)
        return ResidentView.of(resident)


@operation(Permission.RECORDS_CORRECT)
def correct_leave(
    store: Store,
    actor: Actor,
    leave_id: uuid.UUID,
    start: dt.date,
    returned: dt.date | None,
    reason: str,
) -> ResidentView:
    """A leave's dates: within the stay, not over another leave; a leave that has ended keeps
    a return date."""
    with store.write(actor) as session:
        since = _last_seq(session)
        leave = get_live(session, Leave, leave_id)
        resident = get_live(session, Resident, leave.resident_id)
        checks = Checks("resident_leaves")
        why = _reason(checks, reason)
        if (start, returned) == (leave.start_date, leave.return_date):
            checks.add("start_date", "correction.unchanged", value=start.isoformat())
        today = dt.date.today()
        checks.not_future("start_date", start, today)
        checks.not_before(
            "start_date", start, resident.admission_date, "admission_date", "residents"
        )
        if leave.return_date is not None:
            checks.required("return_date", returned)
        if returned is not None:
            checks.not_future("return_date", returned, today)
            checks.not_before("return_date", returned, start, "start_date")
            _not_after(
                checks, "return_date", returned, resident.discharge_date, _label("discharge_date")
            )
        for other in _leaves(session, resident):
            if other.id == leave.id:
                continue
            ends_after = other.return_date is None or other.return_date > start
            if ends_after and (returned is None or other.start_date < returned):
                end = other.return_date.isoformat() if other.return_date else text("stay.open_end")
                checks.add(
                    "start_date",
                    "correction.leaves_overlap",
                    start=other.start_date.isoformat(),
                    end=end,
                )
        checks.done()
        leave.start_date = start
        leave.return_date = returned
        session.flush()
        _mark(session, since, why)
        return ResidentView.of(resident)


@operation(Permission.RECORDS_CORRECT)
def correct_discharge_date(
    store: Store, actor: Actor, resident_id: uuid.UUID, on: dt.date, reason: str
) -> ResidentView:
    """The discharge's date; the last bed stay (and a leave closed by the discharge) end on
    the corrected day."""
    with store.write(actor) as session:
        since = _last_seq(session)
        resident = get_live(session, Resident, resident_id)
        old = resident.discharge_date
        if resident.status is not ResidentStatus.DISCHARGED or old is None:
            raise StateError("correction.not_discharged", name=resident.name)
        checks = Checks("residents")
        why = _reason(checks, reason)
        if on == old:
            checks.add("discharge_date", "correction.unchanged", value=old.isoformat())
        checks.not_future("discharge_date", on, dt.date.today())
        checks.not_before("discharge_date", on, resident.admission_date, "admission_date")
        stays = _stays(session, resident.id)
        last = next((s for s in reversed(stays) if s.end_date == old), None)
        if last is not None and last.start_date != resident.admission_date:
            checks.not_before("discharge_date", on, last.start_date, "transfer_date")
        leaves = _leaves(session, resident)
        closing = [lv for lv in leaves if lv.return_date == old]
        for lv in leaves:
            bound = lv.start_date if lv in closing else lv.return_date
            checks.not_before(
                "discharge_date",
                on,
                bound,
                "start_date" if lv in closing else "last_return",
                "resident_leaves",
            )
        if last is not None and on > old:
            _bed_free(checks, session, "discharge_date", last, old, on)
        checks.done()
        resident.discharge_date = on
        if last is not None:
            last.end_date = on
        for lv in closing:
            lv.return_date = on
        session.flush()
        _mark(session, since, why)
        return ResidentView.of(resident)
