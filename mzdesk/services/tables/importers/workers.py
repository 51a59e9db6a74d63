"""Importing care workers, matched by 身份证号."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import Gender, Occupation, SkillLevel
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    collect,
    update_row,
)
from mzdesk.services.tables.reading import Row
from mzdesk.services.workers import WorkerData, add_worker, check_worker
from mzdesk.store.models import CareWorker


@dataclass(frozen=True)
class _WorkerRecord:
    institution: str
    data: WorkerData


class WorkerImporter(Importer[_WorkerRecord]):
    kind = Kind.WORKERS

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
        if not parsed.problems:
            assert institution
            try:
                parsed.record = _WorkerRecord(institution, check_worker(data))
            except ValidationError as error:
                collect(parsed, error, self.kind)
        return parsed

    def plan(self, session: Session, rows: list[Parsed[_WorkerRecord]]) -> None:
        self._require_institution(session, rows, lambda r: r.institution)
        self._unique(
            rows,
            lambda r: (r.institution, r.data.id_number),
            "身份证号",
            lambda r: r.data.id_number or "",
        )

    def write(
        self,
        session: Session,
        rows: list[Parsed[_WorkerRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        institutions = self._institutions(session)
        for parsed in rows:
            record = parsed.record
            assert record is not None
            institution = institutions[record.institution]
            data = WorkerData(**{**record.data.__dict__, "institution_id": institution.id})
            existing = session.scalars(
                select(CareWorker).where(
                    CareWorker.institution_id == institution.id,
                    CareWorker.id_number == data.id_number,
                    CareWorker.deleted_at.is_(None),
                )
            ).first()
            if existing is None:
                add_worker(session, data)
                report.created += 1
                continue
            values = {
                k: v for k, v in data.__dict__.items() if v is not None and k != "institution_id"
            }
            update_row(existing, values, report)
