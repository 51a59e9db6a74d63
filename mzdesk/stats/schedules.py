"""What recurring checks are due today and which were missed, for 首页.

A schedule's periods are days, weeks (Monday to Sunday) or calendar months from its start. A
period is done when an inspection of that schedule — or, started by hand, of the same
checklist and type — was finished with a date inside it. Today's period not done is due; an
earlier period not done is missed (looking back at most ``LOOKBACK`` periods).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.vocab import InspectionStatus, InspectionType, ScheduleFrequency
from mzdesk.store.engine import Store
from mzdesk.store.models import Inspection, InspectionSchedule

LOOKBACK = {
    ScheduleFrequency.DAILY: 30,
    ScheduleFrequency.WEEKLY: 12,
    ScheduleFrequency.MONTHLY: 12,
}


def period_start(frequency: ScheduleFrequency, day: dt.date) -> dt.date:
    if frequency is ScheduleFrequency.DAILY:
        return day
    if frequency is ScheduleFrequency.WEEKLY:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def previous_period(frequency: ScheduleFrequency, start: dt.date) -> dt.date:
    if frequency is ScheduleFrequency.DAILY:
        return start - dt.timedelta(days=1)
    if frequency is ScheduleFrequency.WEEKLY:
        return start - dt.timedelta(days=7)
    return (start - dt.timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class ScheduledCheck:
    schedule_id: uuid.UUID
    name: str
    frequency: ScheduleFrequency
    template_id: uuid.UUID
    inspection_type: InspectionType
    due: bool  # today's period has no finished inspection
    draft_id: uuid.UUID | None  # a draft of this period to carry on with
    missed: tuple[dt.date, ...]  # starts of the earlier periods with none, newest first


def scheduled_checks(
    store: Store, institution_id: uuid.UUID, today: dt.date | None = None
) -> list[ScheduledCheck]:
    day = today or dt.date.today()
    with store.read() as session:
        schedules = session.scalars(
            select(InspectionSchedule)
            .where(
                InspectionSchedule.institution_id == institution_id,
                InspectionSchedule.deleted_at.is_(None),
                InspectionSchedule.active.is_(True),
                InspectionSchedule.starts_on <= day,
            )
            .order_by(InspectionSchedule.name)
        ).all()
        earliest = min((s.starts_on for s in schedules), default=day)
        inspections = session.execute(
            select(
                Inspection.id,
                Inspection.schedule_id,
                Inspection.template_id,
                Inspection.inspection_type,
                Inspection.inspected_on,
                Inspection.status,
            ).where(
                Inspection.institution_id == institution_id,
                Inspection.deleted_at.is_(None),
                Inspection.inspected_on >= period_start(ScheduleFrequency.MONTHLY, earliest),
                Inspection.inspected_on <= day,
            )
        ).all()
    checks = []
    for schedule in schedules:
        done: set[dt.date] = set()
        drafts: dict[dt.date, uuid.UUID] = {}
        for row in inspections:
            ours = row.schedule_id == schedule.id or (
                row.schedule_id is None
                and row.template_id == schedule.template_id
                and row.inspection_type == schedule.inspection_type
            )
            if not ours:
                continue
            start = period_start(schedule.frequency, row.inspected_on)
            if row.status is InspectionStatus.COMPLETED:
                done.add(start)
            elif row.schedule_id == schedule.id:
                drafts.setdefault(start, row.id)
        current = period_start(schedule.frequency, day)
        first = period_start(schedule.frequency, schedule.starts_on)
        missed = []
        start = previous_period(schedule.frequency, current)
        for _ in range(LOOKBACK[schedule.frequency]):
            if start < first:
                break
            if start not in done:
                missed.append(start)
            start = previous_period(schedule.frequency, start)
        checks.append(
            ScheduledCheck(
                schedule.id,
                schedule.name,
                schedule.frequency,
                schedule.template_id,
                schedule.inspection_type,
                current not in done,
                drafts.get(current),
                tuple(missed),
            )
        )
    return checks
