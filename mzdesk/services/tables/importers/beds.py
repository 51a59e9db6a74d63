"""Importing beds, matched by institution, building, floor, room and bed number."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.services.beds import BedSpec, bed_query, insert_beds, record_bed_change
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    changed_values,
)
from mzdesk.services.tables.reading import Row
from mzdesk.store.models import Bed, BedHistory
from mzdesk.store.values import length_problems


def roster_day() -> dt.date:
    """The day a roster reports (its import): 状态 在住 counts as occupied from then."""
    return dt.date.today()


@dataclass(frozen=True)
class _BedRecord:
    institution: str
    spec: BedSpec
    effective_on: dt.date | None

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        s = self.spec
        return (self.institution, s.building, s.floor, s.room, s.number)


def _bed_keys(
    session: Session, institution_ids: Iterable[uuid.UUID]
) -> dict[tuple[uuid.UUID, str, str, str, str], Bed]:
    found: dict[tuple[uuid.UUID, str, str, str, str], Bed] = {}
    for bed, building, floor, room in session.execute(
        bed_query().where(Bed.institution_id.in_(list(institution_ids)))
    ):
        found[(bed.institution_id, building, floor, room, bed.number)] = bed
    return found


class BedImporter(Importer[_BedRecord]):
    kind = Kind.BEDS

    def parse(self, row: Row) -> Parsed[_BedRecord]:
        parsed: Parsed[_BedRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        building = c.get(cells.required_text, "楼栋")
        floor = c.get(cells.required_text, "楼层")
        room = c.get(cells.required_text, "房间")
        number = c.get(cells.required_text, "床位号")
        bed_type = c.get(cells.vocab, "床位类型", BedType, required=True)
        status = c.get(cells.vocab, "状态", BedStatus) or BedStatus.FREE
        effective = c.get(cells.date, "启用日期")
        for column, table, field, value in (
            ("楼栋", "buildings", "name", building),
            ("楼层", "floors", "name", floor),
            ("房间", "rooms", "number", room),
            ("床位号", "beds", "number", number),
        ):
            for problem in length_problems(table, {field: value}):
                parsed.fail(column, problem.message)
        if not parsed.problems:
            assert institution and building and floor and room and number and bed_type
            parsed.record = _BedRecord(
                institution, BedSpec(building, floor, room, number, bed_type, status), effective
            )
        return parsed

    def plan(self, session: Session, rows: list[Parsed[_BedRecord]]) -> None:
        self._require_institution(session, rows, lambda r: r.institution)
        self._unique(rows, lambda r: r.key, "床位号", lambda r: " ".join(r.key[1:]))

    def write(
        self,
        session: Session,
        rows: list[Parsed[_BedRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        institutions = self._institutions(session)
        existing = _bed_keys(session, [i.id for i in institutions.values()])
        reported = _last_reports(session, [i.id for i in institutions.values()])
        today = roster_day()
        new: dict[uuid.UUID, dict[dt.date, list[BedSpec]]] = {}
        for parsed in rows:
            record = parsed.record
            assert record is not None
            institution = institutions[record.institution]
            spec = record.spec
            bed = existing.get((institution.id, spec.building, spec.floor, spec.room, spec.number))
            if bed is None:
                new.setdefault(institution.id, {}).setdefault(
                    record.effective_on or today, []
                ).append(spec)
                report.created += 1
                continue
            changed = changed_values(bed, {"bed_type": spec.bed_type, "status": spec.status})
            was_in_service = bed.status is not BedStatus.OUT_OF_SERVICE
            in_service = spec.status is not BedStatus.OUT_OF_SERVICE
            # 状态 在住 is a report of occupancy as of the roster (a home that keeps no
            # residents here): kept in the bed's history when it differs from the last report
            occupied = spec.status is BedStatus.OCCUPIED
            news = occupied != reported.get(bed.id, False)
            if "bed_type" in changed or was_in_service != in_service or news:
                record_bed_change(
                    session,
                    bed,
                    today,
                    bed_type=spec.bed_type,
                    in_service=in_service,
                    reason="导入更新",
                    occupied=occupied if news else None,
                )
            for key, value in changed.items():
                setattr(bed, key, value)
            report.updated += bool(changed)
            report.unchanged += not changed
        done = 0
        for institution_id, by_date in new.items():
            for effective_on, specs in by_date.items():
                ids = insert_beds(session, institution_id, specs, effective_on)
                for bed_id, spec in zip(ids, specs, strict=True):
                    if spec.status is BedStatus.OCCUPIED:
                        bed = session.get_one(Bed, bed_id)
                        record_bed_change(
                            session,
                            bed,
                            max(today, effective_on),
                            bed_type=spec.bed_type,
                            in_service=True,
                            reason="导入：在住",
                            occupied=True,
                        )
                done += len(specs)
                if progress:
                    progress(message("import.phase.write"), done, report.created)


def _last_reports(session: Session, institution_ids: list[uuid.UUID]) -> dict[uuid.UUID, bool]:
    """Each bed's latest roster report of occupancy (``bed_history.occupied``)."""
    rows = session.execute(
        select(BedHistory.bed_id, BedHistory.occupied)
        .where(
            BedHistory.institution_id.in_(institution_ids),
            BedHistory.occupied.is_not(None),
            BedHistory.deleted_at.is_(None),
        )
        .order_by(BedHistory.effective_on, BedHistory.created_at)
    )
    return {bed_id: bool(occupied) for bed_id, occupied in rows}
