"""Importing hazard ledgers (隐患排查整改台账), one row per hazard.

A row is matched to a recorded hazard by its institution, 发现日期 and 隐患描述 (spaces
ignored): the same hazard found on the same day in the same words. A matched hazard takes the
row's level, measure, responsible person, deadline, dates, re-checker and status; a hazard
already 已销号 is not set back to an open status by a ledger. Importing the same file twice
changes nothing. A blank 状态 is read from the row: 复查人 and 复查日期 → 已销号, 整改完成日期 →
待复查, otherwise 待整改. Each hazard created gets a 台账导入 step dated its latest date; each
hazard changed gets one dated the import day. Everything is written in the import's one
transaction, audited and queued for sync.

A recorded hazard's 原整改期限 (original_deadline) never changes. A later 整改期限 in the
ledger is accepted — a ledger has no approver column, and refusing it would make a home's own
ledger unimportable — but it is recorded as a 延期 dated the import day with the reason
台账导入 and no approver, so the history says the deadline moved and why, and the preview and
the report say so row by row (:meth:`HazardImporter.notes`). The rule that a 延期 may not set
a deadline already past does not apply: a ledger records what was decided. An earlier
整改期限 is a correction, kept (old → new) in the 台账导入 step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.i18n import text as message
from mzdesk.core.ids import new_id
from mzdesk.core.vocab import HazardLevel, HazardStatus
from mzdesk.services.checks import Checks
from mzdesk.services.hazards.lifecycle import add_event
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    changed_values,
    collect,
)
from mzdesk.services.tables.reading import Row
from mzdesk.store.models import Hazard


@dataclass(frozen=True)
class _HazardRecord:
    institution: str
    found_on: dt.date
    description: str
    level: HazardLevel
    measure: str | None
    responsible_person: str | None
    deadline: dt.date
    rectified_on: dt.date | None
    rechecked_by: str | None
    rechecked_on: dt.date | None
    status: HazardStatus

    @property
    def key(self) -> tuple[str, dt.date, str]:
        return (self.institution, self.found_on, match_text(self.description))

    def values(self) -> dict[str, object]:
        closed = self.status is HazardStatus.CLOSED
        return {
            "description": self.description,
            "level": self.level,
            "measure": self.measure,
            "responsible_person": self.responsible_person,
            "deadline": self.deadline,
            "rectified_on": self.rectified_on,
            "rechecked_by": self.rechecked_by,
            "rechecked_on": self.rechecked_on,
            "status": self.status,
            "closed_on": self.rechecked_on if closed else None,
        }


def match_text(description: str) -> str:
    return "".join(description.split())


# how ledgers write a hazard's state beyond the vocabulary's own spellings
_STATUS_SPELLINGS = {
    "未整改": "待整改",
    "未完成": "待整改",
    "正在整改": "整改中",
    "整改中未完成": "整改中",
    "已整改": "待复查",
    "已整改待复查": "待复查",
    "待验收": "待复查",
    "已完成": "已销号",
    "已闭环": "已销号",
    "已复查": "已销号",
    "已验收": "已销号",
    "销号": "已销号",
}


def _status(value: object, column: str) -> HazardStatus | None:
    raw = cells.text(value, column)
    key = "".join((raw or "").split())
    return cells.vocab(_STATUS_SPELLINGS.get(key, raw), column, HazardStatus)


class HazardImporter(Importer[_HazardRecord]):
    kind = Kind.HAZARDS

    def __init__(self) -> None:
        self.existing: dict[int, Hazard] = {}
        self.extended: list[str] = []  # the later deadlines, as the preview says them

    def parse(self, row: Row) -> Parsed[_HazardRecord]:
        parsed: Parsed[_HazardRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        found_on = c.get(cells.date, "发现日期", required=True)
        description = c.get(cells.required_text, "隐患描述")
        level = c.get(cells.vocab, "隐患等级", HazardLevel, required=True)
        measure = c.get(cells.text, "整改措施")
        person = c.get(cells.text, "责任人")
        deadline = c.get(cells.date, "整改期限", required=True)
        rectified_on = c.get(cells.date, "整改完成日期")
        rechecked_by = c.get(cells.text, "复查人")
        rechecked_on = c.get(cells.date, "复查日期")
        status = c.get(_status, "状态")
        # the row's own rules run on whatever could be read, so its problems all come at once
        if status is None and "状态" not in {p.column for p in parsed.problems}:
            status = (
                HazardStatus.CLOSED
                if rechecked_by and rechecked_on
                else HazardStatus.AWAITING_CHECK
                if rectified_on
                else HazardStatus.OPEN
            )
        checks = Checks("hazards")
        checks.not_before("deadline", deadline, found_on, "found_on")
        checks.not_before("rectified_on", rectified_on, found_on, "found_on")
        checks.not_before("rechecked_on", rechecked_on, rectified_on or found_on,
                          "rectified_on" if rectified_on else "found_on")  # fmt: skip
        today = dt.date.today()
        for field, day in (("found_on", found_on), ("rectified_on", rectified_on),
                           ("rechecked_on", rechecked_on)):  # fmt: skip
            checks.not_future(field, day, today)
        checks.lengths(
            "hazards",
            {"description": description, "measure": measure, "responsible_person": person,
             "rechecked_by": rechecked_by},
        )  # fmt: skip
        try:
            checks.done()
        except ValidationError as error:
            collect(parsed, error, self.kind)
        if status is not None:
            self._consistent(parsed, status, rectified_on, rechecked_by, rechecked_on)
        if parsed.problems:
            return parsed
        assert institution and found_on and description and level and deadline and status
        parsed.record = _HazardRecord(
            institution, found_on, description, level, measure, person, deadline,
            rectified_on, rechecked_by, rechecked_on, status,
        )  # fmt: skip
        return parsed

    @staticmethod
    def _consistent(
        parsed: Parsed[_HazardRecord],
        status: HazardStatus,
        rectified_on: dt.date | None,
        rechecked_by: str | None,
        rechecked_on: dt.date | None,
    ) -> None:
        """What the status says agrees with the dates and names the row gives."""
        needs = {
            HazardStatus.CLOSED: (("复查人", rechecked_by), ("复查日期", rechecked_on)),
            HazardStatus.AWAITING_CHECK: (("整改完成日期", rectified_on),),
        }.get(status, ())
        for column, value in needs:
            if value is None:
                parsed.fail(
                    column, message("import.hazard_needs", status=status.label, column=column)
                )
        if status is not HazardStatus.CLOSED and rechecked_by and rechecked_on:
            parsed.fail("状态", message("import.hazard_not_closed", status=status.label))

    def plan(self, session: Session, rows: list[Parsed[_HazardRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        self._unique(
            rows,
            lambda r: r.key,
            "隐患描述",
            lambda r: f"{r.found_on.isoformat()} {r.description}",
        )
        recorded: dict[tuple[str, dt.date, str], Hazard] = {}
        wanted = {i.id: name for name, i in institutions.items()}
        for hazard in session.scalars(
            select(Hazard).where(
                Hazard.deleted_at.is_(None), Hazard.institution_id.in_(list(wanted))
            )
        ):
            key = (wanted[hazard.institution_id], hazard.found_on, match_text(hazard.description))
            recorded.setdefault(key, hazard)
        for parsed in rows:
            record = parsed.record
            if record is None or parsed.problems or record.key not in recorded:
                continue
            hazard = recorded[record.key]
            if hazard.status is HazardStatus.CLOSED and record.status is not HazardStatus.CLOSED:
                parsed.fail(
                    "状态",
                    message(
                        "import.hazard_reopened",
                        date=(
                            hazard.closed_on or hazard.rechecked_on or hazard.found_on
                        ).isoformat(),
                        status=record.status.label,
                    ),
                )
                continue
            self.existing[parsed.row] = hazard
            if record.deadline > hazard.deadline:
                self.extended.append(
                    message(
                        "import.hazard_extended",
                        row=parsed.row,
                        old=hazard.deadline.isoformat(),
                        new=record.deadline.isoformat(),
                    )
                )

    def notes(self) -> list[str]:
        return list(self.extended)

    def write(
        self,
        session: Session,
        rows: list[Parsed[_HazardRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        institutions = self._institutions(session)
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            values = record.values()
            existing = self.existing.get(parsed.row)
            if existing is None:
                hazard = Hazard(
                    id=new_id(),  # known now: its history row refers to it before any flush
                    institution_id=institutions[record.institution].id,
                    found_on=record.found_on,
                    original_deadline=record.deadline,
                    **values,
                )
                session.add(hazard)
                _imported(session, hazard, record, None)
                report.created += 1
            else:
                # the description matched with spaces ignored: keep the recorded wording
                values = replace(record, description=existing.description).values()
                extended = _extend(session, existing, record.deadline)
                changed = changed_values(existing, values)
                if not changed and not extended:
                    report.unchanged += 1
                    continue
                old_deadline = existing.deadline
                for key, value in changed.items():
                    setattr(existing, key, value)
                if changed:
                    _imported(session, existing, record, old_deadline)
                report.updated += 1
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
        session.flush()


def _extend(session: Session, hazard: Hazard, deadline: dt.date) -> bool:
    """A later deadline from a ledger: a 延期 dated today, the original kept (module doc)."""
    old = hazard.deadline
    if deadline <= old:
        return False
    if hazard.original_deadline is None:
        hazard.original_deadline = old
    hazard.deadline = deadline
    add_event(
        session,
        hazard,
        HazardEventKind.EXTENDED,
        dt.date.today(),
        None,
        reason=HazardEventKind.IMPORTED.zh,
        old_deadline=old,
        new_deadline=deadline,
    )
    return True


def _imported(
    session: Session, hazard: Hazard, record: _HazardRecord, old_deadline: dt.date | None
) -> None:
    """The 台账导入 step: a new hazard's dated its latest date, a changed one's today."""
    on = (
        max(d for d in (record.found_on, record.rectified_on, record.rechecked_on) if d)
        if old_deadline is None
        else dt.date.today()
    )
    moved = old_deadline is not None and old_deadline != hazard.deadline
    add_event(
        session,
        hazard,
        HazardEventKind.IMPORTED,
        on,
        None,
        old_deadline=old_deadline if moved else None,
        new_deadline=hazard.deadline if moved or old_deadline is None else None,
    )
