"""Importing care workers, matched by 身份证号.

A row with 离职日期 (or 状态 离职 for a worker already recorded as left) marks the worker left
on that date; a row 在职 for a worker recorded as left is a problem, not a silent return to
work (a return is recorded in the app). A blank 状态 with no 离职日期 says nothing about it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import Gender, Occupation, SkillLevel, WorkerStatus
from mzdesk.services.checks import Checks
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    collect_unnamed,
    update_row,
)
from mzdesk.services.tables.reading import Row
from mzdesk.services.workers import WorkerData, add_worker, check_worker
from mzdesk.store.models import CareWorker


@dataclass(frozen=True)
class _WorkerRecord:
    institution: str
    data: WorkerData
    status: WorkerStatus | None  # None: the row does not say
    left_on: dt.date | None


_STATUS_SPELLINGS = {"已离职": "离职", "离岗": "离职", "在岗": "在职", "正常": "在职"}


def _status(value: object, column: str) -> WorkerStatus | None:
    raw = cells.text(value, column)
    key = "".join((raw or "").split())
    return cells.vocab(_STATUS_SPELLINGS.get(key, raw), column, WorkerStatus)


class WorkerImporter(Importer[_WorkerRecord]):
    kind = Kind.WORKERS

    def __init__(self) -> None:
        self.existing: dict[int, CareWorker] = {}

    def parse(self, row: Row) -> Parsed[_WorkerRecord]:
        parsed: Parsed[_WorkerRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        data = WorkerData(
            institution_id=uuid.UUID(int=0),  # resolved in plan()
            name=c.get(cells.required_text, "姓名") or "",
            id_number=c.get(cells.code, "身份证号"),
            occupation=c.get(cells.vocab, "岗位", Occupation, required=True) or Occupation.OTHER,
            skill_level=c.get(cells.vocab, "技能等级", SkillLevel) or SkillLevel.NONE,
            hired_on=c.get(cells.date, "入职日期", required=True) or dt.date.min,
            gender=c.get(cells.vocab, "性别", Gender),
            birth_date=c.get(cells.date, "出生日期"),
            phone=c.get(cells.code, "联系电话"),
        )
        status = c.get(_status, "状态")
        left_on = c.get(cells.date, "离职日期")
        if left_on is not None and status is WorkerStatus.ACTIVE:
            parsed.fail("状态", message("import.worker_left_but_active"))
        # the record's checks even when a cell could not be read, so the row's problems all
        # come at once (a cell's problem is not said again as the field's)
        checks = Checks("care_workers")
        try:
            clean = check_worker(data)
        except ValidationError as error:
            checks.absorb(error)
            clean = data
        checks.not_before("left_on", left_on, data.hired_on, "hired_on")
        checks.not_future("left_on", left_on, dt.date.today())
        try:
            checks.done()
        except ValidationError as error:
            collect_unnamed(parsed, error, self.kind)
        if not parsed.problems:
            assert institution
            parsed.record = _WorkerRecord(institution, clean, status, left_on)
        return parsed

    def plan(self, session: Session, rows: list[Parsed[_WorkerRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        self._unique(
            rows,
            lambda r: (r.institution, r.data.id_number),
            "身份证号",
            lambda r: r.data.id_number or "",
        )
        for parsed in rows:
            record = parsed.record
            if record is None or record.institution not in institutions:
                continue
            assert record.data.id_number is not None
            existing = session.scalars(
                select(CareWorker).where(
                    CareWorker.institution_id == institutions[record.institution].id,
                    CareWorker.id_number == record.data.id_number,
                    CareWorker.deleted_at.is_(None),
                )
            ).first()
            recorded_left = existing is not None and existing.status is WorkerStatus.LEFT
            if record.status is WorkerStatus.LEFT and record.left_on is None and not recorded_left:
                parsed.fail("离职日期", message("import.worker_left_needs_date"))
            if record.status is WorkerStatus.ACTIVE and recorded_left:
                assert existing is not None and existing.left_on is not None
                parsed.fail(
                    "状态",
                    message(
                        "import.worker_recorded_left",
                        name=existing.name,
                        date=existing.left_on.isoformat(),
                    ),
                )
            if existing is not None:
                self.existing[parsed.row] = existing

    def write(
        self,
        session: Session,
        rows: list[Parsed[_WorkerRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        institutions = self._institutions(session)
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            institution = institutions[record.institution]
            data = WorkerData(**{**record.data.__dict__, "institution_id": institution.id})
            values = {
                k: v for k, v in data.__dict__.items() if v is not None and k != "institution_id"
            }
            if record.left_on is not None:
                values |= {"status": WorkerStatus.LEFT, "left_on": record.left_on}
            existing = self.existing.get(parsed.row)
            if existing is None:
                worker = add_worker(session, data)
                report.created += 1
                if record.left_on is not None:
                    worker.status, worker.left_on = WorkerStatus.LEFT, record.left_on
                    session.flush()
            else:
                update_row(existing, values, report)
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
