"""Importing training sign-in ledgers (培训签到表), one row per attendee.

Rows with the same 培训主题, 培训类别, dates, 学时, 培训讲师 and 培训地点 are one session; a
session already recorded with that key gets the new attendees, and the results of those
already recorded are updated, so importing a ledger twice adds nothing. A result is not
changed away from 合格 while a certificate issued for it stands, and a worker who had left
before the session began cannot attend it. Writes happen in the import's one transaction,
audited and queued for sync like every write; certificates are issued apart.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.identifiers import IdNumber
from mzdesk.core.vocab import TrainingCategory, TrainingResult
from mzdesk.services.checks import Checks
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    collect,
)
from mzdesk.services.tables.importers.staff import WorkerIndex
from mzdesk.services.tables.reading import Row
from mzdesk.services.workers import MAX_HOURS
from mzdesk.store.models import (
    CareWorker,
    TrainingAttendance,
    TrainingCertificate,
    TrainingSession,
)


@dataclass(frozen=True)
class _Key:
    institution: str
    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    trainer: str | None
    place: str | None


@dataclass(frozen=True)
class _AttendeeRecord:
    key: _Key
    person: str
    id_number: str
    result: TrainingResult
    result_assumed: bool = False  # 考核结果 was blank: recorded as 合格, and the report says so


class TrainingImporter(Importer[_AttendeeRecord]):
    kind = Kind.TRAINING

    def __init__(self) -> None:
        self.workers: dict[int, CareWorker] = {}
        self.sessions: dict[_Key, TrainingSession | None] = {}
        self.attendance: dict[int, TrainingAttendance] = {}
        self.id_numbers: dict[str, tuple[IdNumber | None, tuple[FieldProblem, ...]]] = {}
        self.attended: dict[uuid.UUID, dict[uuid.UUID, TrainingAttendance]] = {}

    def parse(self, row: Row) -> Parsed[_AttendeeRecord]:
        parsed: Parsed[_AttendeeRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        topic = c.get(cells.text, "培训主题")
        category = c.get(cells.vocab, "培训类别", TrainingCategory, required=True)
        start = c.get(cells.date, "开始日期", required=True)
        end = c.get(cells.date, "结束日期")
        hours = c.get(cells.hours, "学时")
        trainer = c.get(cells.text, "培训讲师")
        place = c.get(cells.text, "培训地点")
        person = c.get(cells.required_text, "姓名")
        id_number = c.get(cells.code, "身份证号")
        given = c.get(_result, "考核结果")
        result = given or TrainingResult.PASSED
        bad_cells = {p.column for p in parsed.problems}
        # the session's own checks (the same as recording it in the app) run on what could be
        # read, so a row's problems all come at once
        checks = Checks("training_sessions")
        checked = None
        if id_number is not None:
            checked = self._id_number(id_number, checks)
        elif "身份证号" not in bad_cells:
            checks.add("id_number", "field.required")
        if hours is None and "学时" not in bad_cells:
            checks.add("hours", "field.required")
        clean_topic = checks.text("topic", topic, max_len=200) or ""
        clean_hours = _hours(checks, hours) if hours is not None else Decimal(0)
        end_date = end or start or dt.date.min
        checks.not_before("end_date", end_date, start, "start_date")
        checks.lengths("training_sessions", {"topic": topic, "trainer": trainer, "place": place})
        try:
            checks.done()
        except ValidationError as error:
            collect(parsed, error, self.kind)
        if parsed.problems:
            return parsed
        assert institution and category and start and person and checked
        key = _Key(institution, clean_topic, category, start, end_date, clean_hours, trainer, place)
        parsed.record = _AttendeeRecord(key, person, checked.value, result, given is None)
        return parsed

    def _id_number(self, raw: str, checks: Checks) -> IdNumber | None:
        """Checked once per person (a ledger names the same people session after session)."""
        if raw not in self.id_numbers:
            own = Checks("training_sessions")
            self.id_numbers[raw] = (own.id_number("id_number", raw), tuple(own.problems))
        checked, problems = self.id_numbers[raw]
        checks.problems.extend(problems)
        return checked

    def plan(self, session: Session, rows: list[Parsed[_AttendeeRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.key.institution)
        index = WorkerIndex(session, [i.id for i in institutions.values()])
        first: dict[tuple[_Key, str], int] = {}
        for parsed in rows:
            record = parsed.record
            if record is None or record.key.institution not in institutions:
                continue
            seen = first.setdefault((record.key, record.id_number), parsed.row)
            if seen != parsed.row:
                parsed.fail("身份证号", message("import.attendee_twice", other=seen))
                continue
            institution = institutions[record.key.institution]
            worker = index.find(parsed, institution.id, record.id_number, record.person)
            if worker is None:
                continue
            if worker.left_on is not None and worker.left_on < record.key.start_date:
                parsed.fail(
                    "身份证号",
                    message(
                        "import.attendee_left", name=worker.name, date=worker.left_on.isoformat()
                    ),
                )
                continue
            self.workers[parsed.row] = worker
            existing = self._session(session, institution.id, record.key)
            if existing is None:
                continue
            attendance = self._attended(session, existing).get(worker.id)
            if attendance is None:
                continue
            unpassed = attendance.result is TrainingResult.PASSED and record.result is not (
                TrainingResult.PASSED
            )
            if unpassed and session.scalar(
                select(TrainingCertificate.id).where(
                    TrainingCertificate.attendance_id == attendance.id,
                    TrainingCertificate.revoked_at.is_(None),
                    TrainingCertificate.deleted_at.is_(None),
                )
            ):
                parsed.fail(
                    "考核结果", message("import.certificate_issued", result=record.result.label)
                )
                continue
            self.attendance[parsed.row] = attendance

    def _attended(
        self, session: Session, session_row: TrainingSession
    ) -> dict[uuid.UUID, TrainingAttendance]:
        """The attendance already recorded for a session, by worker (one query a session)."""
        if session_row.id not in self.attended:
            self.attended[session_row.id] = {
                a.worker_id: a
                for a in session.scalars(
                    select(TrainingAttendance).where(
                        TrainingAttendance.session_id == session_row.id,
                        TrainingAttendance.deleted_at.is_(None),
                    )
                )
            }
        return self.attended[session_row.id]

    def _session(
        self, session: Session, institution_id: uuid.UUID, key: _Key
    ) -> TrainingSession | None:
        if key not in self.sessions:
            found = session.scalars(
                select(TrainingSession).where(
                    TrainingSession.institution_id == institution_id,
                    TrainingSession.topic == key.topic,
                    TrainingSession.category == key.category,
                    TrainingSession.start_date == key.start_date,
                    TrainingSession.end_date == key.end_date,
                    TrainingSession.hours == key.hours,
                    _same(TrainingSession.trainer, key.trainer),
                    _same(TrainingSession.place, key.place),
                    TrainingSession.deleted_at.is_(None),
                )
            ).first()
            self.sessions[key] = found
        return self.sessions[key]

    def write(
        self,
        session: Session,
        rows: list[Parsed[_AttendeeRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        institutions = self._institutions(session)
        assumed = [p.row for p in rows if p.record is not None and p.record.result_assumed]
        if assumed:
            shown = "、".join(str(r) for r in assumed[:10]) + ("…" if len(assumed) > 10 else "")
            report.notes.append(message("import.assumed_passed", count=len(assumed), rows=shown))
        new: dict[_Key, list[Parsed[_AttendeeRecord]]] = {}
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            worker = self.workers[parsed.row]
            existing = self.sessions.get(record.key)
            if existing is None:
                new.setdefault(record.key, []).append(parsed)
            elif parsed.row not in self.attendance:
                _attend(session, existing, worker.id, record.result)
                report.created += 1
            else:
                _update(existing, self.attendance[parsed.row], record.result, report)
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
        for key, attendees in new.items():
            # a new session as recording one in the app writes it (services/workers.py
            # record_training_session), inside this import's one transaction
            session_row = TrainingSession(
                institution_id=institutions[key.institution].id,
                topic=key.topic,
                category=key.category,
                start_date=key.start_date,
                end_date=key.end_date,
                hours=key.hours,
                trainer=key.trainer,
                place=key.place,
            )
            session.add(session_row)
            session.flush()
            for p in attendees:
                assert p.record is not None
                _attend(session, session_row, self.workers[p.row].id, p.record.result)
            report.created += len(attendees)
        session.flush()


def _same(column: InstrumentedAttribute[str | None], value: str | None) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


# how sign-in ledgers write results beyond the vocabulary's own spellings
_RESULT_SPELLINGS = {
    "及格": "合格",
    "已通过": "合格",
    "不及格": "不合格",
    "缺考": "缺席",
    "未参加": "缺席",
    "未到": "缺席",
    "请假": "缺席",
}


def _result(value: object, column: str) -> TrainingResult | None:
    raw = cells.text(value, column)
    key = "".join((raw or "").split())
    return cells.vocab(_RESULT_SPELLINGS.get(key, raw), column, TrainingResult)


def _hours(checks: Checks, value: Decimal) -> Decimal:
    """学时 as the service checks it: tenths, 0–500."""
    try:
        hours = value.quantize(Decimal("0.1"))
    except InvalidOperation:
        checks.add("hours", "field.not_number", value=value)
        return Decimal(0)
    if not Decimal(0) <= hours <= MAX_HOURS:
        checks.add("hours", "training.hours", max=MAX_HOURS)
    return hours


def _credited(session_row: TrainingSession, result: TrainingResult) -> Decimal:
    """The session's hours, none for the absent (as recording a session in the app does)."""
    return Decimal(0) if result is TrainingResult.ABSENT else session_row.hours


def _attend(
    session: Session, session_row: TrainingSession, worker_id: uuid.UUID, result: TrainingResult
) -> None:
    """One attendee. Certificates for those who passed are issued apart, not here."""
    session.add(
        TrainingAttendance(
            institution_id=session_row.institution_id,
            session_id=session_row.id,
            worker_id=worker_id,
            hours_credited=_credited(session_row, result),
            result=result,
        )
    )


def _update(
    session_row: TrainingSession,
    attendance: TrainingAttendance,
    result: TrainingResult,
    report: ImportReport,
) -> None:
    if attendance.result is result:
        report.unchanged += 1
        return
    attendance.result = result
    attendance.hours_credited = _credited(session_row, result)
    report.updated += 1
