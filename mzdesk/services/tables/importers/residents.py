"""Importing residents, matched by 身份证号, each into the bed the roster names."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import (
    ChildCategory,
    Gender,
    GuardianshipType,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    ResidentStatus,
    SupportType,
)
from mzdesk.services.beds import bed_query
from mzdesk.services.residents import ContactData, ResidentData, check_resident
from mzdesk.services.stays import Admission, admit, bed_is_available
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
from mzdesk.services.views import BedView
from mzdesk.store.models import Bed, Resident


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
        return parsed

    def plan(self, session: Session, rows: list[Parsed[_ResidentRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        index = _BedIndex(session, [i.id for i in institutions.values()])
        bed_used: dict[uuid.UUID, int] = {}
        for parsed in rows:
            record = parsed.record
            if record is None or record.institution not in institutions:
                continue
            institution = institutions[record.institution]
            try:
                clean = check_resident(record.data, institution.kind)
                parsed.record = _ResidentRecord(
                    record.institution, clean, record.admission_date, record.bed
                )
            except ValidationError as error:
                collect(parsed, error, self.kind)
                clean = record.data  # go on to the bed, so all the row's problems come at once
            existing = None
            if clean.id_number and not parsed.problems:
                existing = session.scalars(
                    select(Resident).where(
                        Resident.institution_id == institution.id,
                        Resident.id_number == clean.id_number,
                        Resident.status != ResidentStatus.DISCHARGED,
                        Resident.deleted_at.is_(None),
                    )
                ).first()
                if existing is not None:
                    self.existing[parsed.row] = existing
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
                elif not bed_is_available(session, bed):
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
        institutions = self._institutions(session)
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            existing = self.existing.get(parsed.row)
            if existing is None:
                bed = self.beds.get(parsed.row)
                admit(
                    session,
                    Admission(
                        institutions[record.institution].id,
                        record.data,
                        record.admission_date,
                        bed.id if bed else None,
                    ),
                )
                report.created += 1
            else:
                values = {
                    k: v
                    for k, v in record.data.__dict__.items()
                    if k not in ("contacts", "intake_documents", "cognitive_disorder")
                    and v is not None
                }
                values["admission_date"] = record.admission_date
                update_row(existing, values, report)
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
