"""Importing residents, matched by 身份证号, each into the bed the roster names."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import (
    BedStatus,
    ChildCategory,
    ChildStage,
    Gender,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    ResidentKind,
    ResidentStatus,
    SupportType,
)
from mzdesk.services.beds import bed_query
from mzdesk.services.checks import Checks
from mzdesk.services.residents import ContactData, ResidentData, check_resident
from mzdesk.services.stay_dates import check_admission_date
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    collect,
    collect_unnamed,
    update_row,
)
from mzdesk.services.tables.reading import Row
from mzdesk.services.views import BedView
from mzdesk.store.models import Bed, BedStay, Contact, Institution, Resident
from mzdesk.store.outbox import insert_many


@dataclass(frozen=True)
class _ResidentRecord:
    institution: str
    data: ResidentData
    admission_date: dt.date
    bed: str | None


def _bed_token(value: str) -> str:
    token = (
        "".join(value.split())
        .replace("号床", "")
        .replace("床", "")
        .replace("—", "-")
        .replace("－", "-")
    )
    return token.upper()


class _BedIndex:
    """Resolves what a roster writes in 床位号 to one bed of an institution."""

    def __init__(self, session: Session, institution_ids: Iterable[uuid.UUID]) -> None:
        self.by_token: dict[tuple[uuid.UUID, str], list[Bed]] = {}
        self.labels: dict[uuid.UUID, str] = {}
        for bed, building, floor, room in session.execute(
            bed_query().where(Bed.institution_id.in_(list(institution_ids)))
        ):
            tokens = {
                bed.number,
                f"{room}-{bed.number}",
                f"{building}{floor}{room}-{bed.number}",
                f"{building}{room}-{bed.number}",
            }
            if bed.number.startswith(room):
                tokens |= {f"{building}{floor}{bed.number}", f"{building}{bed.number}"}
            for token in tokens:
                self.by_token.setdefault((bed.institution_id, _bed_token(token)), []).append(bed)
            self.labels[bed.id] = BedView.of(bed, building, floor, room).label

    def resolve(self, institution_id: uuid.UUID, value: str) -> tuple[Bed | None, str | None]:
        beds = self.by_token.get((institution_id, _bed_token(value)), [])
        unique = list({b.id: b for b in beds}.values())
        if not unique:
            return None, message("import.bed_unknown", value=value)
        if len(unique) > 1:
            return None, message("import.bed_ambiguous", value=value, count=len(unique))
        return unique[0], None


class ResidentImporter(Importer[_ResidentRecord]):
    kind = Kind.RESIDENTS

    def __init__(self) -> None:
        self.beds: dict[int, Bed] = {}
        self.existing: dict[int, Resident] = {}
        # rows with a cell that could not be read: what the others make, checked in plan()
        # so a row's problems all come at once (never written)
        self.unreadable: list[tuple[Parsed[_ResidentRecord], str | None, ResidentData]] = []

    def parse(self, row: Row) -> Parsed[_ResidentRecord]:
        parsed: Parsed[_ResidentRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        name = c.get(cells.required_text, "姓名")
        admission = c.get(cells.date, "入住日期", required=True)
        contact_name = c.get(cells.text, "联系人")
        contact_phone = c.get(cells.code, "联系电话")
        relationship = c.get(cells.vocab, "联系人关系", Relationship)
        contacts: tuple[ContactData, ...] = ()
        if contact_name or contact_phone:
            contacts = (
                ContactData(contact_name or "", relationship, contact_phone, is_guardian=False),
            )
        data = ResidentData(
            name=name or "",
            id_number=c.get(cells.code, "身份证号"),
            gender=c.get(cells.vocab, "性别", Gender),
            birth_date=c.get(cells.date, "出生日期"),
            support_type=c.get(cells.vocab, "供养类型", SupportType),
            ethnicity=c.get(cells.text, "民族"),
            household_address=c.get(cells.text, "户籍地址"),
            marital_status=c.get(cells.vocab, "婚姻状况", MaritalStatus),
            payment_method=c.get(cells.vocab, "医疗费用支付方式", PaymentMethod),
            contract_number=c.get(cells.text, "合同编号"),
            diagnoses=c.get(cells.text, "疾病诊断"),
            child_category=c.get(cells.vocab, "儿童类别", ChildCategory),
            guardianship_type=c.get(cells.vocab, "监护类型", GuardianshipType),
            note=c.get(cells.text, "备注"),
            contacts=contacts,
        )
        bed = c.get(cells.text, "床位号")
        if not parsed.problems:
            assert institution and admission
            parsed.record = _ResidentRecord(institution, data, admission, bed)
        else:
            self.unreadable.append((parsed, institution, data))
        return parsed

    def _check_unreadable(self, institutions: dict[str, Institution]) -> None:
        """The record checks of rows that failed on a cell, for the columns not yet named."""
        for parsed, name, data in self.unreadable:
            if name not in institutions:
                continue
            try:
                check_resident(data, institutions[name].kind)
            except ValidationError as error:
                collect_unnamed(parsed, error, self.kind)

    def plan(self, session: Session, rows: list[Parsed[_ResidentRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        self._check_unreadable(institutions)
        ids = [i.id for i in institutions.values()]
        index = _BedIndex(session, ids)
        wanted = {
            number
            for p in rows
            if p.record is not None and (raw := p.record.data.id_number)
            for number in (raw, raw.upper())
        }
        living = _living_by_id_number(session, ids, wanted)
        left = _living_by_id_number(session, ids, wanted, discharged=True)
        held = _held_beds(session, ids)
        bed_used: dict[uuid.UUID, int] = {}
        for parsed in rows:
            record = parsed.record
            if record is None or record.institution not in institutions:
                continue
            institution = institutions[record.institution]
            try:
                clean = check_resident(record.data, institution.kind)
                dated = Checks("residents")  # an admission in the future or before birth
                check_admission_date(dated, record.admission_date, clean.birth_date)
                dated.done()
                parsed.record = _ResidentRecord(
                    record.institution, clean, record.admission_date, record.bed
                )
            except ValidationError as error:
                collect(parsed, error, self.kind)
                clean = record.data  # go on to the bed, so all the row's problems come at once
            existing = None
            if clean.id_number and not parsed.problems:
                existing = living.get((institution.id, clean.id_number))
                if existing is not None:
                    self.existing[parsed.row] = existing
                elif (gone := left.get((institution.id, clean.id_number))) is not None:
                    # one person, one record: re-admitted in the app, not created again
                    parsed.fail(
                        "身份证号",
                        message(
                            "readmission.discharged",
                            id_number=clean.id_number,
                            name=gone.name,
                            date=gone.discharge_date.isoformat() if gone.discharge_date else "?",
                        ),
                    )
                    continue
            if record.bed:
                bed, problem = index.resolve(institution.id, record.bed)
                if problem:
                    parsed.fail("床位号", problem)
                    continue
                assert bed is not None
                if bed.id in bed_used:
                    parsed.fail(
                        "床位号",
                        message(
                            "import.bed_taken_in_file", value=record.bed, other=bed_used[bed.id]
                        ),
                    )
                    continue
                bed_used[bed.id] = parsed.row
                if existing is not None:
                    if existing.bed_id != bed.id:
                        current = (
                            index.labels.get(existing.bed_id)
                            if existing.bed_id
                            else message("import.no_bed")
                        )
                        parsed.fail("床位号", message("import.resident_moved", current=current))
                elif not _available(bed, held):
                    parsed.fail(
                        "床位号",
                        message(
                            "bed.not_free", label=index.labels[bed.id], status=bed.status.label
                        ),
                    )
                else:
                    self.beds[parsed.row] = bed
        self._unique(
            rows,
            lambda r: (r.institution, r.data.id_number) if r.data.id_number else None,
            "身份证号",
            lambda r: r.data.id_number or "",
        )

    def write(
        self,
        session: Session,
        rows: list[Parsed[_ResidentRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        """New residents are admitted as :func:`mzdesk.services.stays.admit` does — the
        resident, the bed occupied, the stay, the contacts — but in bulk (rows, outbox and
        audit entries by executemany); known ones are updated in place."""
        institutions = self._institutions(session)
        new: list[tuple[Parsed[_ResidentRecord], Institution, Bed | None]] = []
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            existing = self.existing.get(parsed.row)
            if existing is None:
                institution = institutions[record.institution]
                bed = self.beds.get(parsed.row)
                new.append((parsed, institution, bed))  # rows built a batch at a time
                if bed is not None and bed.status is not BedStatus.OCCUPIED:
                    bed.status = BedStatus.OCCUPIED
            else:
                values = {
                    k: v
                    for k, v in record.data.__dict__.items()
                    if k not in ("contacts", "intake_documents", "cognitive_disorder")
                    and v is not None
                }
                values["admission_date"] = record.admission_date
                update_row(existing, values, report)
            if progress and done % 1000 == 0:
                progress(message("import.phase.write"), done, len(rows))
        for start in range(0, len(new), _BATCH):
            batch = [
                (parsed, _admitted(institution, parsed.record, bed))
                for parsed, institution, bed in new[start : start + _BATCH]
                if parsed.record is not None
            ]
            ids = insert_many(session, Resident, [values for _, values in batch])
            stays, contacts = [], []
            for (parsed, values), resident_id in zip(batch, ids, strict=True):
                assert parsed.record is not None
                if values["bed_id"] is not None:
                    stays.append(
                        {
                            "institution_id": values["institution_id"],
                            "resident_id": resident_id,
                            "bed_id": values["bed_id"],
                            "start_date": values["admission_date"],
                        }
                    )
                for order, contact in enumerate(parsed.record.data.contacts):
                    contacts.append(
                        {
                            "institution_id": values["institution_id"],
                            "resident_id": resident_id,
                            "sort_order": order,
                            **contact.__dict__,
                        }
                    )
            insert_many(session, BedStay, stays)
            insert_many(session, Contact, contacts)
            report.created += len(batch)
            if progress:
                progress(message("import.phase.write"), report.created, len(new))
        session.flush()


_BATCH = 2000


def _admitted(institution: Institution, record: _ResidentRecord, bed: Bed | None) -> dict[str, Any]:
    """A new resident's row as :func:`mzdesk.services.stays.admit` makes it."""
    is_child = institution.kind is InstitutionKind.CHILDREN_HOME
    values = {k: v for k, v in record.data.__dict__.items() if k != "contacts"}
    values["intake_documents"] = list(record.data.intake_documents)
    return {
        **values,
        "institution_id": institution.id,
        "kind": ResidentKind.CHILD if is_child else ResidentKind.ELDERLY,
        "status": ResidentStatus.IN_HOUSE,
        "admission_date": record.admission_date,
        "child_stage": ChildStage.INTAKE if is_child else None,
        "bed_id": bed.id if bed is not None else None,
    }


def _living_by_id_number(
    session: Session,
    institution_ids: list[uuid.UUID],
    numbers: set[str],
    *,
    discharged: bool = False,
) -> dict[tuple[uuid.UUID, str], Resident]:
    """The residents not discharged (or, with ``discharged``, the discharged ones) with one of
    ``numbers``, by (institution, 身份证号)."""
    found: dict[tuple[uuid.UUID, str], Resident] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        for resident in session.scalars(
            select(Resident).where(
                Resident.institution_id.in_(institution_ids),
                Resident.id_number.in_(ordered[start : start + 500]),
                (Resident.status == ResidentStatus.DISCHARGED)
                if discharged
                else (Resident.status != ResidentStatus.DISCHARGED),
                Resident.deleted_at.is_(None),
            )
        ):
            assert resident.id_number is not None
            found.setdefault((resident.institution_id, resident.id_number), resident)
    return found


def _held_beds(session: Session, institution_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Beds a resident not discharged holds (see :func:`mzdesk.services.stays.bed_is_available`)."""
    return set(
        session.scalars(
            select(Resident.bed_id).where(
                Resident.institution_id.in_(institution_ids),
                Resident.bed_id.is_not(None),
                Resident.status != ResidentStatus.DISCHARGED,
                Resident.deleted_at.is_(None),
            )
        )
    )


def _available(bed: Bed, held: set[uuid.UUID]) -> bool:
    """:func:`mzdesk.services.stays.bed_is_available` with the holders read once."""
    if bed.status in (BedStatus.FREE, BedStatus.RESERVED):
        return True
    return bed.status is BedStatus.OCCUPIED and bed.id not in held
