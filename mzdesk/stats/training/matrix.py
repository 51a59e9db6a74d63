"""The training matrix of one institution on a day: its requirement lines as columns, the
workers employed that day as rows, and in each cell where the worker stands (the statuses
and due dates are defined in :mod:`mzdesk.core.training`); and "who needs what next".

Columns are the lines' names in their order; a worker's cell for a column is the line of
that name for the worker's occupation, or None when the occupation has no such line."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from mzdesk.core.training import CellStatus, RequirementData, assess
from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.services.lookups import get_live
from mzdesk.services.training.requirements import requirements_in
from mzdesk.stats.training.staff import employed_on, live_on
from mzdesk.store.engine import Store
from mzdesk.store.models import CareWorker, Institution, TrainingAttendance, TrainingSession


@dataclass(frozen=True)
class MatrixCell:
    requirement: str
    status: CellStatus
    due: dt.date | None
    last_done: dt.date | None = None
    hours_done: Decimal | None = None
    hours_required: Decimal | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "last_done": self.last_done.isoformat() if self.last_done else None,
            "hours_done": float(self.hours_done) if self.hours_done is not None else None,
            "hours_required": float(self.hours_required)
            if self.hours_required is not None
            else None,
        }


@dataclass(frozen=True)
class MatrixRow:
    worker_id: uuid.UUID
    name: str
    occupation: Occupation
    hired_on: dt.date
    cells: dict[str, MatrixCell | None]  # column → cell (None: not required)


@dataclass(frozen=True)
class TrainingMatrix:
    institution_id: uuid.UUID
    as_of: dt.date
    columns: list[str]
    rows: list[MatrixRow]
    using_defaults: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "columns": self.columns,
            "using_defaults": self.using_defaults,
            "rows": [
                {
                    "worker_id": str(r.worker_id),
                    "name": r.name,
                    "occupation": r.occupation.zh,
                    "cells": {k: c.as_json() if c else None for k, c in r.cells.items()},
                }
                for r in self.rows
            ],
            "needs_next": [n.as_json() for n in needs_next(self)],
        }


@dataclass(frozen=True)
class Need:
    worker_id: uuid.UUID
    name: str
    occupation: Occupation
    requirement: str
    status: CellStatus
    due: dt.date | None
    hours_short: Decimal | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "worker_id": str(self.worker_id),
            "name": self.name,
            "requirement": self.requirement,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "hours_short": float(self.hours_short) if self.hours_short is not None else None,
        }


def needs_next(matrix: TrainingMatrix) -> list[Need]:
    """Every cell that is not current, soonest (or most overdue) due date first."""
    needs = []
    for row in matrix.rows:
        for column in matrix.columns:
            cell = row.cells.get(column)
            if cell is None or cell.status is CellStatus.CURRENT:
                continue
            short = None
            if cell.hours_required is not None:
                short = (cell.hours_required - (cell.hours_done or Decimal(0))).quantize(
                    Decimal("0.1")
                )
            needs.append(
                Need(row.worker_id, row.name, row.occupation, column, cell.status, cell.due, short)
            )
    return sorted(needs, key=lambda n: (n.due or dt.date.max, n.name, n.requirement))


def _columns(lines: list[RequirementData]) -> list[str]:
    columns: list[str] = []
    for line in sorted(lines, key=lambda r: r.sort_order):
        if line.name not in columns:
            columns.append(line.name)
    return columns


def training_matrix(
    store: Store, institution_id: uuid.UUID, as_of: dt.date | None = None
) -> TrainingMatrix:
    day = as_of or dt.date.today()
    year_start = dt.date(day.year, 1, 1)
    with store.read() as session:
        get_live(session, Institution, institution_id)
        lines = requirements_in(session, institution_id)
        workers = session.execute(
            select(CareWorker.id, CareWorker.name, CareWorker.occupation, CareWorker.hired_on)
            .where(CareWorker.institution_id == institution_id, *employed_on(day))
            .order_by(CareWorker.name_sort, CareWorker.name)
        ).all()
        attended = session.execute(
            select(
                TrainingAttendance.worker_id,
                TrainingAttendance.result,
                TrainingAttendance.hours_credited,
                TrainingSession.category,
                TrainingSession.topic,
                TrainingSession.end_date,
            )
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(
                TrainingAttendance.institution_id == institution_id,
                TrainingSession.end_date <= day,
                live_on(TrainingAttendance, day),
                live_on(TrainingSession, day),
            )
        ).all()
    history: dict[uuid.UUID, list[tuple[TrainingResult, Decimal, TrainingCategory, str, dt.date]]]
    history = defaultdict(list)
    for a in attended:
        history[a.worker_id].append((a.result, a.hours_credited, a.category, a.topic, a.end_date))
    by_occupation: dict[Occupation, dict[str, RequirementData]] = defaultdict(dict)
    for line in lines:
        by_occupation[line.occupation][line.name] = line
    columns = _columns(list(lines))
    rows = []
    for w in workers:
        mine = by_occupation.get(w.occupation, {})
        cells: dict[str, MatrixCell | None] = {}
        for column in columns:
            req = mine.get(column)
            if req is None:
                cells[column] = None
                continue
            counted = [h for h in history[w.id] if req.matches(h[2], h[3])]
            passed = [h[4] for h in counted if h[0] is TrainingResult.PASSED]
            hours = sum((h[1] for h in counted if h[4] >= year_start), Decimal(0))
            cell = assess(req, w.hired_on, passed, hours, day)
            cells[column] = MatrixCell(
                column, cell.status, cell.due, cell.last_done, cell.hours_done, cell.hours_required
            )
        rows.append(MatrixRow(w.id, w.name, w.occupation, w.hired_on, cells))
    using_defaults = bool(lines) and all(getattr(x, "is_default", False) for x in lines)
    return TrainingMatrix(institution_id, day, columns, rows, using_defaults)
