"""Who works where on a day: the as-of rules shared by the training figures and the matrix.

A worker is employed on day D when hired on or before D and not left by D (the leaving day
itself is not worked: a worker who left on D is not counted on D), and was not removed (a
tombstone) on or before D. A worker marked 离职 without a date (an old import) is not
counted: when they left is unknown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select

from mzdesk.core.vocab import Occupation, WorkerStatus
from mzdesk.stats.beds.asof import Scope
from mzdesk.store.models import CareWorker, Institution

CARE_OCCUPATIONS = tuple(o for o in Occupation if o.is_care_worker)


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def employed_on(day: dt.date) -> list[ColumnElement[bool]]:
    return [
        CareWorker.hired_on <= day,
        or_(
            and_(CareWorker.left_on.is_(None), CareWorker.status != WorkerStatus.LEFT),
            CareWorker.left_on > day,
        ),
        or_(CareWorker.deleted_at.is_(None), CareWorker.deleted_at >= end_of(day)),
    ]


def live_on(model: Any, day: dt.date) -> ColumnElement[bool]:
    """A row not removed on or before ``day`` (removed later: it counted until then)."""
    return or_(model.deleted_at.is_(None), model.deleted_at >= end_of(day))


def institutions_on(scope: Scope) -> list[ColumnElement[bool]]:
    """The scope's institutions on its day: not removed by then, and entered by then or
    with a worker hired by then (records typed in later than the staff started)."""
    day = scope.day
    had_staff = (
        select(CareWorker.id)
        .where(CareWorker.institution_id == Institution.id, CareWorker.hired_on <= day)
        .exists()
    )
    conditions: list[ColumnElement[bool]] = [
        live_on(Institution, day),
        or_(Institution.created_at < end_of(day), had_staff),
    ]
    if scope.institution_id is not None:
        conditions.append(Institution.id == scope.institution_id)
    if scope.region_prefix:
        conditions.append(Institution.region_code.startswith(scope.region_prefix))
    return conditions
