"""Hazard figures (隐患整改) for a scope over a period [from, to], both days included.

Definitions (the state of a hazard "at the end" is its state on the ``to`` day: a hazard
closed after the period was open at its end):
- closing date: when a hazard was 已销号, read by :func:`closing_date` only — its
  ``closed_on`` where recorded, else the re-check day (``rechecked_on``), else the
  rectification day, else the day it was found (an imported ledger row marked 已销号
  without dates); a hazard not 已销号 has none;
- ``found``: hazards found (``found_on``) in the period;
- ``closed``: of those, the ones 已销号 by the end (closing date on or before ``to``);
- ``closed_in_period``: every hazard closed in the period, whenever it was found;
- ``open_at_end``: every hazard found by the end and not closed by then;
- ``overdue_at_end``: of those, the ones whose deadline in force on the end day was before it
  (the deadline day itself is not overdue). The deadline in force is read from the history
  (:meth:`HazardRow.deadline_on`): a 延期 (or a ledger's later deadline) dated after the end
  day had not yet moved it, so the hazard had the deadline that extension replaced; a
  correction (修改) of the deadline fixes a mistake and counts from the start;
- ``closure_rate``: closed / found (整改销号率), published rounded half up to one decimal.
``by_level`` and ``by_section`` are the same five counts over the hazards of one level or one
checklist section (the section of the item whose failed result opened the hazard; a hazard
with no item — found otherwise or imported — counts under 其他). ``by_month`` gives each
calendar month of the period the same counts computed on the period cut to that month (so a
month's ``open_at_end`` is what was open on its last day within the period).
Hazards of institutions removed on or before the end, hazards removed on or before the end,
and hazards withdrawn by an amendment of their inspection (更正撤销: the failure was taken back,
so it was never a hazard) on or before the end do not count. One query fetches the few
columns of the hazards that can count; the counting is done here, so the five definitions live
in one place (:func:`count`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardLevel, HazardStatus
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.training.staff import live_on
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    ChecklistItem,
    Hazard,
    HazardEvent,
    HomeChecklistItem,
    InspectionResult,
    Institution,
)

OTHER_SECTION = "其他"
# the steps that move a deadline from their day on (a 修改 corrects it from the start)
MOVES_DEADLINE = (HazardEventKind.EXTENDED, HazardEventKind.IMPORTED)


def closing_date() -> ColumnElement[Any]:
    """The day a hazard was closed (已销号), as SQL; NULL while it is not closed. The one
    place that says how the closing day is read: the hazard's own ``closed_on`` where the
    model has that column (the hazard life cycle of issue 12 adds it), else the re-check
    day, the rectification day, the day found."""
    closed_on = getattr(Hazard, "closed_on", None)
    days = [Hazard.rechecked_on, Hazard.rectified_on, Hazard.found_on]
    return case(
        (
            Hazard.status == HazardStatus.CLOSED,
            func.coalesce(*([closed_on] if closed_on is not None else []), *days),
        ),
        else_=None,
    )


@dataclass(frozen=True)
class HazardRow:
    level: HazardLevel
    section: str
    found_on: dt.date
    deadline: dt.date
    closed_on: dt.date | None
    # (day, deadline it replaced) of each step that moved the deadline, oldest first
    moves: tuple[tuple[dt.date, dt.date], ...] = ()

    def deadline_on(self, day: dt.date) -> dt.date:
        """The deadline in force on ``day``: the one replaced by the first move after it,
        else today's."""
        return next((old for on, old in self.moves if on > day), self.deadline)


@dataclass(frozen=True)
class HazardCounts:
    found: int = 0
    closed: int = 0
    closed_in_period: int = 0
    open_at_end: int = 0
    overdue_at_end: int = 0

    @property
    def closure_rate(self) -> Ratio:
        return Ratio(self.closed, self.found)

    def as_json(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "closed": self.closed,
            "closed_in_period": self.closed_in_period,
            "open_at_end": self.open_at_end,
            "overdue_at_end": self.overdue_at_end,
            "closure_rate": self.closure_rate.value,
            "closure_rate_pct": self.closure_rate.pct,
        }


def count(rows: Iterable[HazardRow], start: dt.date, end: dt.date) -> HazardCounts:
    """The five counts of the module docstring for the period [start, end]."""
    found = closed = closed_in_period = open_at_end = overdue = 0
    for r in rows:
        closed_by_end = r.closed_on is not None and r.closed_on <= end
        if start <= r.found_on <= end:
            found += 1
            closed += closed_by_end
        if r.closed_on is not None and start <= r.closed_on <= end:
            closed_in_period += 1
        if r.found_on <= end and not closed_by_end:
            open_at_end += 1
            overdue += r.deadline_on(end) < end
    return HazardCounts(found, closed, closed_in_period, open_at_end, overdue)


def months(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """("yyyy-MM", first day, last day) of each month of [start, end], cut to the period."""
    out = []
    first = start
    while first <= end:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = min(following - dt.timedelta(days=1), end)
        out.append((f"{first.year:04d}-{first.month:02d}", first, last))
        first = following
    return out


@dataclass(frozen=True)
class HazardFigures:
    start: dt.date
    end: dt.date
    institutions: int
    total: HazardCounts
    by_level: dict[HazardLevel, HazardCounts] = field(default_factory=dict)
    by_month: dict[str, HazardCounts] = field(default_factory=dict)
    by_section: dict[str, HazardCounts] = field(default_factory=dict)

    @property
    def found(self) -> int:
        return self.total.found

    @property
    def closed(self) -> int:
        return self.total.closed

    @property
    def closed_in_period(self) -> int:
        return self.total.closed_in_period

    @property
    def open_at_end(self) -> int:
        return self.total.open_at_end

    @property
    def overdue_at_end(self) -> int:
        return self.total.overdue_at_end

    @property
    def closure_rate(self) -> Ratio:
        return self.total.closure_rate

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "institutions": self.institutions,
            **self.total.as_json(),
            "by_level": {level.zh: c.as_json() for level, c in self.by_level.items()},
            "by_month": {month: c.as_json() for month, c in self.by_month.items()},
            "by_section": {section: c.as_json() for section, c in self.by_section.items()},
        }


def institutions_in(scope: Scope, end: dt.date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [live_on(Institution, end)]
    if scope.institution_id is not None:
        conditions.append(Institution.id == scope.institution_id)
    if scope.region_prefix:
        conditions.append(Institution.region_code.startswith(scope.region_prefix))
    return conditions


def hazard_rows(store: Store, scope: Scope, start: dt.date, end: dt.date) -> list[HazardRow]:
    """The hazards that can count in [start, end]: found by the end and either found in the
    period or not closed before it."""
    closed_on = closing_date().label("closed_on")
    withdrawn = select(HazardEvent.hazard_id).where(
        HazardEvent.kind == HazardEventKind.WITHDRAWN,
        HazardEvent.deleted_at.is_(None),
        HazardEvent.happened_on <= end,
    )
    counted = (
        Hazard.institution_id.in_(select(Institution.id).where(*institutions_in(scope, end))),
        live_on(Hazard, end),
        Hazard.id.not_in(withdrawn),
        Hazard.found_on <= end,
        or_(Hazard.found_on >= start, closed_on.is_(None), closed_on >= start),
    )
    # the item is a shipped checklist's or a home's own version's
    section = func.coalesce(ChecklistItem.section, HomeChecklistItem.section)
    query = (
        select(Hazard.id, Hazard.level, section, Hazard.found_on, Hazard.deadline, closed_on)
        .select_from(Hazard)
        .outerjoin(InspectionResult, InspectionResult.id == Hazard.result_id)
        .outerjoin(ChecklistItem, ChecklistItem.id == InspectionResult.item_id)
        .outerjoin(HomeChecklistItem, HomeChecklistItem.id == InspectionResult.item_id)
        .where(*counted)
    )
    # moves dated before the period are in force on every day counted: only later ones matter
    moves_query = (
        select(HazardEvent.hazard_id, HazardEvent.happened_on, HazardEvent.old_deadline)
        .join(Hazard, Hazard.id == HazardEvent.hazard_id)
        .where(
            *counted,
            HazardEvent.deleted_at.is_(None),
            HazardEvent.kind.in_(MOVES_DEADLINE),
            HazardEvent.old_deadline.is_not(None),
            HazardEvent.happened_on >= start,
        )
        .order_by(HazardEvent.happened_on, HazardEvent.created_at)
    )
    with store.read() as session:
        moves: dict[Any, list[tuple[Any, Any]]] = {}
        for hazard_id, on, old in session.execute(moves_query):
            moves.setdefault(hazard_id, []).append((on, old))  # old: not NULL (the query)
        return [
            HazardRow(
                level,
                section or OTHER_SECTION,
                found_on,
                deadline,
                closed,
                tuple(moves.get(hazard_id, ())),
            )
            for hazard_id, level, section, found_on, deadline, closed in session.execute(query)
        ]


def hazard_statistics(store: Store, scope: Scope, start: dt.date, end: dt.date) -> HazardFigures:
    """The figures of the module docstring; ``start`` after ``end`` is the caller's error."""
    if start > end:
        raise ValueError("start after end")
    rows = hazard_rows(store, scope, start, end)
    with store.read() as session:
        institutions = session.scalar(
            select(func.count()).select_from(Institution).where(*institutions_in(scope, end))
        )
    levels: dict[HazardLevel, list[HazardRow]] = {level: [] for level in HazardLevel}
    sections: dict[str, list[HazardRow]] = {}
    for r in rows:
        levels[r.level].append(r)
        sections.setdefault(r.section, []).append(r)
    ordered = sorted(sections, key=lambda name: (name == OTHER_SECTION, name))
    return HazardFigures(
        start=start,
        end=end,
        institutions=int(institutions or 0),
        total=count(rows, start, end),
        by_level={level: count(group, start, end) for level, group in levels.items()},
        by_month={m: count(rows, first, last) for m, first, last in months(start, end)},
        by_section={name: count(sections[name], start, end) for name in ordered},
    )
