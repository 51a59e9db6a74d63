"""The dates of a resident's current stay, and the checks a new date of that stay must pass.

Every refusal names both dates with their labels (外出日期：2026-03-01 早于入住日期
2026-03-05). The services that admit, transfer, start or end a leave, discharge, assess and
correct a date all check here, so the app, the CLI and imports meet the same rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.services.checks import Checks
from mzdesk.store.models import BedStay, Leave, Resident


@dataclass(frozen=True)
class StayDates:
    """The dates of the resident's stay since their (latest) admission."""

    admission: dt.date
    bed_since: dt.date | None  # the current bed's first day (a transfer's date)
    open_leave: dt.date | None  # the start of a leave not yet ended
    last_return: dt.date | None  # the latest return from a leave of this stay


def stay_dates(session: Session, resident: Resident) -> StayDates:
    bed_since = session.scalar(
        select(func.max(BedStay.start_date)).where(
            BedStay.resident_id == resident.id,
            BedStay.end_date.is_(None),
            BedStay.deleted_at.is_(None),
        )
    )
    leaves = select(Leave).where(
        Leave.resident_id == resident.id,
        Leave.deleted_at.is_(None),
        Leave.start_date >= resident.admission_date,
    )
    open_leave = session.scalar(
        select(func.max(Leave.start_date)).where(
            Leave.id.in_(leaves.with_only_columns(Leave.id)), Leave.return_date.is_(None)
        )
    )
    last_return = session.scalar(
        select(func.max(Leave.return_date)).where(Leave.id.in_(leaves.with_only_columns(Leave.id)))
    )
    return StayDates(resident.admission_date, bed_since, open_leave, last_return)


def check_admission_date(
    checks: Checks, on: dt.date, birth: dt.date | None, today: dt.date | None = None
) -> None:
    checks.not_future("admission_date", on, today or dt.date.today())
    checks.not_before("admission_date", on, birth, "birth_date", "residents")


def check_in_stay(
    checks: Checks,
    field: str,
    on: dt.date,
    dates: StayDates,
    *,
    after_leaves: bool = False,
    today: dt.date | None = None,
) -> None:
    """``on`` (the value of ``field``) is not in the future, not before the admission, not
    before the current bed's first day (when that was a transfer) and, for an event that ends
    or follows the leaves (a discharge, a new leave), not before the last leave ended or an open
    leave began."""
    checks.not_future(field, on, today or dt.date.today())
    checks.not_before(field, on, dates.admission, "admission_date", "residents")
    if checks.has(field):
        return
    if dates.bed_since is not None and dates.bed_since != dates.admission:
        checks.not_before(field, on, dates.bed_since, "transfer_date")
    if after_leaves and not checks.has(field):
        checks.not_before(field, on, dates.open_leave, "start_date", "resident_leaves")
        checks.not_before(field, on, dates.last_return, "last_return")
