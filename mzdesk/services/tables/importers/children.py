"""Importing a children's roster (儿童名册) into a children's home.

A new child is received as 接收 receives it (services/children ``receive``: the record, the
intake, the date rules), then its notice is published (and closed), its placement made and its
leaving recorded by the same steps the 儿童档案 takes — all in the import's one transaction, so
each change is audited and synced with the actor of the import. A child already here is found
by 身份证号, or without one by 姓名, 出生日期 and 接收日期 (a foundling's roster rarely has an ID);
the roster updates its personal columns and adds the steps the record does not have yet, and a
step that differs from the record is a problem of its row: changes of the path are made in the
儿童档案. Each row's steps run in a savepoint: a step the services refuse is a problem of that
row (with ``skip_invalid`` the row is skipped, otherwise nothing is written).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import CodedError, StateError, ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import InstitutionKind, ResidentKind, ResidentStatus
from mzdesk.services.checks import Checks
from mzdesk.services.children.intake import check_intake, close, publish, receive
from mzdesk.services.children.placement import leave, place
from mzdesk.services.residents import check_resident
from mzdesk.services.stay_dates import check_admission_date
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Importer,
    ImportReport,
    Parsed,
    Progress,
    changed_values,
)
from mzdesk.services.tables.importers.children_rows import (
    ChildRow,
    collect_path,
    parse_child,
)
from mzdesk.services.tables.reading import Row
from mzdesk.store.models import ChildIntake, ChildPlacement, FamilyNotice, Resident

# what the roster may change of a child already here (the path's steps go through the record)
_PERSONAL = (
    "name",
    "id_number",
    "gender",
    "birth_date",
    "child_category",
    "guardianship_type",
    "disability_type",
    "disability_level",
)


@dataclass
class _Known:
    """A child already here, with the steps of its path the roster shows."""

    child: Resident
    intake: ChildIntake | None
    notice: FamilyNotice | None
    placement: ChildPlacement | None


class ChildImporter(Importer[ChildRow]):
    kind = Kind.CHILDREN

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        self.known: dict[int, _Known] = {}
        # rows with a cell that could not be read, and what the other cells make
        self.unreadable: list[tuple[Parsed[ChildRow], ChildRow]] = []

    def parse(self, row: Row) -> Parsed[ChildRow]:
        parsed, read = parse_child(row, self.today)
        if parsed.problems:
            self.unreadable.append((parsed, read))
        return parsed

    def _check_unreadable(self) -> None:
        """The record checks of rows that failed on a cell, for the columns not yet named."""
        for parsed, read in self.unreadable:
            checks = Checks("child_intakes")
            try:
                clean = check_resident(read.data, InstitutionKind.CHILDREN_HOME, today=self.today)
            except ValidationError as error:
                checks.absorb(error)
                clean = read.data
            check_intake(checks, read.intake, clean.birth_date, self.today)
            try:
                checks.done()
            except ValidationError as error:
                collect_path(parsed, error, unnamed=True)

    def plan(self, session: Session, rows: list[Parsed[ChildRow]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        homes = {
            name: i for name, i in institutions.items() if i.kind is InstitutionKind.CHILDREN_HOME
        }
        self._check_unreadable()
        for parsed in rows:
            record = parsed.record
            if record is None or record.institution not in institutions:
                continue
            if record.institution not in homes:
                parsed.fail(
                    INSTITUTION,
                    message("roster.children.not_children_home", name=record.institution),
                )
                continue
            try:
                today = self.today
                clean = check_resident(record.data, InstitutionKind.CHILDREN_HOME, today=today)
                checks = Checks("child_intakes")
                check_admission_date(checks, record.intake.intake_date, clean.birth_date, today)
                check_intake(checks, record.intake, clean.birth_date, today)
                checks.done()
            except ValidationError as error:
                collect_path(parsed, error)
                continue
            parsed.record = ChildRow(
                record.institution,
                clean,
                record.intake,
                record.notice,
                record.placement,
                record.leaving,
            )
        index = _Children(session, [h.id for h in homes.values()])
        for parsed in rows:
            if parsed.record is None or parsed.problems:
                continue
            known = index.find(homes[parsed.record.institution].id, parsed.record)
            if known is not None:
                self.known[parsed.row] = known
                _compare(parsed, known)
        self._unique(
            rows,
            lambda r: (
                r.institution,
                r.data.id_number or (r.data.name, r.data.birth_date, r.intake.intake_date),
            ),
            "身份证号",
            lambda r: r.data.id_number or f"{r.data.name} {r.data.birth_date}",
        )

    def write(
        self,
        session: Session,
        rows: list[Parsed[ChildRow]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        homes = self._institutions(session)
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            known = self.known.get(parsed.row)
            savepoint = session.begin_nested()
            try:
                changed = self._write_row(session, homes[record.institution].id, record, known)
            except (ValidationError, CodedError) as error:
                savepoint.rollback()
                if isinstance(error, ValidationError):
                    collect_path(parsed, error)
                else:
                    parsed.fail(None, str(error))
                report.problems.extend(parsed.problems)
                report.skipped_rows.append(parsed.row)
                continue
            savepoint.commit()
            if known is None:
                report.created += 1
            else:
                report.updated += changed
                report.unchanged += not changed
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
        report.skipped_rows.sort()

    def _write_row(
        self, session: Session, institution_id: uuid.UUID, record: ChildRow, known: _Known | None
    ) -> bool:
        """The row's child and the steps its record lacks; True when anything changed."""
        today = self.today
        if known is None:
            child = receive(session, institution_id, record.data, record.intake, today=today)
            notice = placement = None
            changed = True
        else:
            child, notice, placement = known.child, known.notice, known.placement
            values = {k: getattr(record.data, k) for k in _PERSONAL}
            changed_now = changed_values(child, {k: v for k, v in values.items() if v is not None})
            if changed_now and child.status is ResidentStatus.DISCHARGED:
                raise _left(child)
            for key, value in changed_now.items():
                setattr(child, key, value)
            changed = bool(changed_now)
        wanted = record.notice
        if wanted is not None and notice is None:
            notice = publish(
                session,
                child,
                wanted.published_on,
                period_days=wanted.period_days,
                note=wanted.note if wanted.closed_on is None else None,
                today=today,
            )
            changed = True
        closing = wanted is not None and wanted.closed_on is not None
        if closing and notice is not None and notice.closed_on is None:
            assert wanted is not None and wanted.closed_on is not None
            close(
                session,
                notice,
                wanted.status,
                wanted.closed_on,
                claimed_by=wanted.claimed_by,
                note=wanted.note,
                today=today,
            )
            changed = True
        if record.placement is not None and placement is None:
            if child.status is ResidentStatus.DISCHARGED:
                raise _left(child)
            place(session, child, record.placement, today=today)
            changed = True
        if record.leaving is not None and child.status is not ResidentStatus.DISCHARGED:
            leave(session, child, record.leaving.on, record.leaving.reason, today=today)
            changed = True
        session.flush()
        return changed


def _left(child: Resident) -> CodedError:
    return StateError("child.left", name=child.name)


def _compare(parsed: Parsed[ChildRow], known: _Known) -> None:
    """A step the row gives that the record has otherwise: a problem naming the record's value
    (the path is changed in the 儿童档案, not by a roster)."""
    record = parsed.record
    assert record is not None
    child = known.child
    pairs: list[tuple[str, Any, Any]] = [
        ("接收日期", record.intake.intake_date, child.admission_date)
    ]
    if known.intake is not None:
        pairs.append(("接收方式", record.intake.way, known.intake.way))
    if record.notice is not None and known.notice is not None:
        pairs.append(("公告日期", record.notice.published_on, known.notice.published_on))
        pairs.append(("公告期满日期", record.notice.period_days, known.notice.period_days))
        if known.notice.closed_on is not None:
            pairs.append(("公告状态", record.notice.status, known.notice.status))
            pairs.append(("公告结束日期", record.notice.closed_on, known.notice.closed_on))
    if record.placement is not None and known.placement is not None:
        pairs.append(("安置方式", record.placement.kind, known.placement.kind))
        pairs.append(("安置日期", record.placement.start_date, known.placement.start_date))
    if record.leaving is not None and child.discharge_date is not None:
        pairs.append(("离院日期", record.leaving.on, child.discharge_date))
        pairs.append(("离院原因", record.leaving.reason, child.discharge_reason))
    for column, given, kept in pairs:
        if given != kept:
            shown = kept.zh if hasattr(kept, "zh") else str(kept)
            if column == "公告期满日期" and known.notice is not None:
                shown = (known.notice.published_on + dt.timedelta(days=kept)).isoformat()
            parsed.fail(column, message("roster.children.differs", value=shown))


def _shown(placement: ChildPlacement | None) -> ChildPlacement | None:
    """The placement a roster shows (children_export.py): in force, or the one left by."""
    if placement is None or placement.kind.leaves_the_home or placement.end_date is None:
        return placement
    return None


class _Children:
    """The children of the homes, found by 身份证号 or by name, birth date and intake date."""

    def __init__(self, session: Session, home_ids: list[uuid.UUID]) -> None:
        self.by_id: dict[tuple[uuid.UUID, str], Resident] = {}
        self.by_name: dict[tuple[uuid.UUID, str, dt.date | None, dt.date], Resident] = {}
        children = session.scalars(
            select(Resident).where(
                Resident.institution_id.in_(home_ids),
                Resident.kind == ResidentKind.CHILD,
                Resident.deleted_at.is_(None),
            )
        )
        for child in children:
            if child.id_number:
                self.by_id.setdefault((child.institution_id, child.id_number), child)
            key = (child.institution_id, child.name, child.birth_date, child.admission_date)
            self.by_name.setdefault(key, child)
        self.session = session

    def find(self, home_id: uuid.UUID, record: ChildRow) -> _Known | None:
        data = record.data
        child = self.by_id.get((home_id, data.id_number)) if data.id_number else None
        if child is None:
            key = (home_id, data.name, data.birth_date, record.intake.intake_date)
            found = self.by_name.get(key)
            if found is not None and (found.id_number is None or not data.id_number):
                child = found
        if child is None:
            return None
        return _Known(
            child,
            self._last(ChildIntake, child, ChildIntake.intake_date),
            self._last(FamilyNotice, child, FamilyNotice.published_on),
            _shown(self._last(ChildPlacement, child, ChildPlacement.start_date)),
        )

    def _last(self, model: Any, child: Resident, order: Any) -> Any:
        return self.session.scalars(
            select(model)
            .where(model.resident_id == child.id, model.deleted_at.is_(None))
            .order_by(order.desc(), model.created_at.desc())
        ).first()
