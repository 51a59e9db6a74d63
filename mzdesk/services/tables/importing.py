"""Importing rosters: every row is checked before anything is written.

The flow is the same for every kind: read the table, turn each row's cells into a typed
record (collecting every problem of the row), check the records against each other and the
database, then — only if no row has a problem, or with ``skip_invalid`` for the valid rows —
write them in one transaction. Rows are matched on natural keys (institution name; building,
floor, room and bed number; 身份证号), so importing a file twice creates nothing the second
time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError, ValidationError, os_error_text
from mzdesk.core.i18n import text as message
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    ChildCategory,
    Gender,
    Grade,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    Occupation,
    Operation,
    PaymentMethod,
    Positioning,
    Relationship,
    ResidentStatus,
    SkillLevel,
    SupportType,
)
from mzdesk.services.beds import BedSpec, bed_query, insert_beds, record_bed_change
from mzdesk.services.institutions import InstitutionData, add_institution, check_institution
from mzdesk.services.operations import operation
from mzdesk.services.residents import (
    Admission,
    ContactData,
    ResidentData,
    admit,
    bed_is_available,
    check_resident,
)
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import (
    COLUMNS,
    INSTITUTION,
    Kind,
    header_of,
    known_headers,
    required_headers,
)
from mzdesk.services.tables.reading import Row, TableError, read_table
from mzdesk.services.views import BedView
from mzdesk.services.workers import WorkerData, add_worker, check_worker
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, CareWorker, Institution, Resident

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = (
            message("import.where.row", row=self.row)
            if self.row is not None
            else message("import.where.file")
        )
        return (
            f"{where} {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class ImportReport:
    kind: Kind
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        text = message(
            "import.summary",
            kind=self.kind.label,
            rows=self.rows,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
        )
        if self.skipped_rows:
            text += message("import.summary_skipped", count=len(self.skipped_rows))
        return text


class ImportRejected(MzdeskError):
    """Some rows are invalid and ``skip_invalid`` was not given: nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(message("import.rejected", count=len(report.problems)))


@dataclass
class Parsed(Generic[T]):
    row: int
    record: T | None
    problems: list[ImportProblem] = field(default_factory=list)

    def fail(self, column: str | None, text: str) -> None:
        self.problems.append(ImportProblem(self.row, column, text))


def _collect(parsed: Parsed[Any], error: ValidationError, kind: Kind | None) -> None:
    """Add a record's problems to its row, each under the column it came from (``kind`` is
    ``None`` when the problems already name their column, as a cell's do)."""
    for problem in error.problems:
        column = header_of(kind, problem.field) if kind is not None else problem.field
        parsed.fail(column, problem.message)


class _Cells:
    """Reads one row's cells, remembering every problem instead of stopping at the first."""

    def __init__(self, row: Row, parsed: Parsed[Any]) -> None:
        self.row = row
        self.parsed = parsed

    def get(
        self, reader: Callable[..., T | None], column: str, *args: Any, **kwargs: Any
    ) -> T | None:
        try:
            return reader(self.row.cells.get(column), column, *args, **kwargs)
        except ValidationError as error:
            _collect(self.parsed, error, None)
            return None


class _Importer(Generic[T]):
    kind: Kind

    def parse(self, row: Row) -> Parsed[T]:
        raise NotImplementedError

    def plan(self, session: Session, rows: list[Parsed[T]]) -> None:
        """Check records against each other and the database; add problems to the rows."""

    def write(
        self,
        session: Session,
        rows: list[Parsed[T]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        raise NotImplementedError

    def _institutions(self, session: Session) -> dict[str, Institution]:
        return {
            i.name: i
            for i in session.scalars(select(Institution).where(Institution.deleted_at.is_(None)))
        }

    def _require_institution(
        self, session: Session, rows: Iterable[Parsed[Any]], name_of: Callable[[Any], str]
    ) -> dict[str, Institution]:
        known = self._institutions(session)
        for parsed in rows:
            if parsed.record is not None and name_of(parsed.record) not in known:
                parsed.fail(
                    INSTITUTION, message("import.institution_unknown", value=name_of(parsed.record))
                )
        return known

    @staticmethod
    def _unique(
        rows: Iterable[Parsed[Any]],
        key_of: Callable[[Any], Any],
        column: str,
        shown: Callable[[Any], str],
    ) -> None:
        first: dict[Any, int] = {}
        for parsed in rows:
            if parsed.record is None:
                continue
            key = key_of(parsed.record)
            if key is None:
                continue
            if key in first:
                parsed.fail(
                    column,
                    message("import.duplicate_in_file", other=first[key], key=shown(parsed.record)),
                )
            else:
                first[key] = parsed.row


def _changed(row: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(row, k) != v}


def _update(row: Any, values: dict[str, Any], report: ImportReport) -> None:
    """Write only the values that differ, and count the row as updated or unchanged."""
    changed = _changed(row, values)
    for key, value in changed.items():
        setattr(row, key, value)
    report.updated += bool(changed)
    report.unchanged += not changed


# ---------------------------------------------------------------- institutions


class _InstitutionImporter(_Importer[InstitutionData]):
    kind = Kind.INSTITUTIONS

    def parse(self, row: Row) -> Parsed[InstitutionData]:
        parsed: Parsed[InstitutionData] = Parsed(row.number, None)
        c = _Cells(row, parsed)
        name = c.get(cells.required_text, INSTITUTION)
        kind = c.get(cells.vocab, "机构类型", InstitutionKind, required=True)
        data = InstitutionData(
            name=name or "",
            kind=kind or InstitutionKind.NURSING_HOME,
            positioning=c.get(cells.vocab, "机构定位", Positioning),
            operation=c.get(cells.vocab, "运营方式", Operation),
            grade=c.get(cells.vocab, "等级", Grade) or Grade.UNRATED,
            uscc=c.get(cells.code, "统一社会信用代码"),
            region_code=c.get(cells.code, "行政区划代码"),
            address=c.get(cells.text, "地址"),
            phone=c.get(cells.text, "联系电话"),
            legal_representative=c.get(cells.text, "法定代表人"),
            fire_safety_officer=c.get(cells.text, "消防安全责任人"),
        )
        if not parsed.problems:
            try:
                parsed.record = check_institution(data)
            except ValidationError as error:
                _collect(parsed, error, self.kind)
        return parsed

    def plan(self, session: Session, rows: list[Parsed[InstitutionData]]) -> None:
        self._unique(rows, lambda r: r.name, INSTITUTION, lambda r: r.name)
        self._unique(rows, lambda r: r.uscc, "统一社会信用代码", lambda r: r.uscc or "")

    def write(
        self,
        session: Session,
        rows: list[Parsed[InstitutionData]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        existing = self._institutions(session)
        for parsed in rows:
            record = parsed.record
            assert record is not None
            row = existing.get(record.name)
            if row is None:
                add_institution(session, record)
                report.created += 1
                continue
            # Cells left empty in the file do not erase what is stored.
            values = {k: v for k, v in record.__dict__.items() if v is not None}
            _update(row, values, report)


# ---------------------------------------------------------------- beds


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


class _BedImporter(_Importer[_BedRecord]):
    kind = Kind.BEDS

    def parse(self, row: Row) -> Parsed[_BedRecord]:
        parsed: Parsed[_BedRecord] = Parsed(row.number, None)
        c = _Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        building = c.get(cells.required_text, "楼栋")
        floor = c.get(cells.required_text, "楼层")
        room = c.get(cells.required_text, "房间")
        number = c.get(cells.required_text, "床位号")
        bed_type = c.get(cells.vocab, "床位类型", BedType, required=True)
        status = c.get(cells.vocab, "状态", BedStatus) or BedStatus.FREE
        effective = c.get(cells.date, "启用日期")
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
        today = dt.date.today()
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
            changed = _changed(bed, {"bed_type": spec.bed_type, "status": spec.status})
            was_in_service = bed.status is not BedStatus.OUT_OF_SERVICE
            in_service = spec.status is not BedStatus.OUT_OF_SERVICE
            if "bed_type" in changed or was_in_service != in_service:
                record_bed_change(
                    session,
                    bed,
                    today,
                    bed_type=spec.bed_type,
                    in_service=in_service,
                    reason="导入更新",
                )
            for key, value in changed.items():
                setattr(bed, key, value)
            report.updated += bool(changed)
            report.unchanged += not changed
        done = 0
        for institution_id, by_date in new.items():
            for effective_on, specs in by_date.items():
                insert_beds(session, institution_id, specs, effective_on)
                done += len(specs)
                if progress:
                    progress(message("import.phase.write"), done, report.created)


# ---------------------------------------------------------------- residents


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


class _ResidentImporter(_Importer[_ResidentRecord]):
    kind = Kind.RESIDENTS

    def __init__(self) -> None:
        self.beds: dict[int, Bed] = {}
        self.existing: dict[int, Resident] = {}

    def parse(self, row: Row) -> Parsed[_ResidentRecord]:
        parsed: Parsed[_ResidentRecord] = Parsed(row.number, None)
        c = _Cells(row, parsed)
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
                _collect(parsed, error, self.kind)
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
                _update(existing, values, report)
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))


# ---------------------------------------------------------------- care workers


@dataclass(frozen=True)
class _WorkerRecord:
    institution: str
    data: WorkerData


class _WorkerImporter(_Importer[_WorkerRecord]):
    kind = Kind.WORKERS

    def parse(self, row: Row) -> Parsed[_WorkerRecord]:
        parsed: Parsed[_WorkerRecord] = Parsed(row.number, None)
        c = _Cells(row, parsed)
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
                _collect(parsed, error, self.kind)
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
            _update(existing, values, report)


_IMPORTERS: dict[Kind, Callable[[], _Importer[Any]]] = {
    Kind.INSTITUTIONS: _InstitutionImporter,
    Kind.BEDS: _BedImporter,
    Kind.RESIDENTS: _ResidentImporter,
    Kind.WORKERS: _WorkerImporter,
}


@operation(Permission.DATA_IMPORT)
def import_file(
    store: Store,
    actor: Actor,
    kind: Kind,
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``path``. Raises :class:`ImportRejected` (nothing written) when a row is invalid
    and ``skip_invalid`` is false; with it, writes the valid rows and reports the others."""
    report = ImportReport(kind, path.name)
    try:
        table = read_table(path, known_headers(kind), required_headers(kind))
    except TableError as error:
        report.problems.append(ImportProblem(None, None, str(error)))
        raise ImportRejected(report) from error
    except OSError as error:
        report.problems.append(
            ImportProblem(None, None, message("import.cannot_open", error=os_error_text(error)))
        )
        raise ImportRejected(report) from error
    report.ignored_columns = table.ignored_headers
    report.rows = len(table.rows)
    importer = _IMPORTERS[kind]()
    parsed = []
    for i, row in enumerate(table.rows, start=1):
        parsed.append(importer.parse(row))
        if progress and i % 500 == 0:
            progress(message("import.phase.check"), i, len(table.rows))
    with store.write(actor) as session:
        importer.plan(session, [p for p in parsed if p.record is not None])
        report.problems = [problem for p in parsed for problem in p.problems]
        if report.problems and not skip_invalid:
            raise ImportRejected(report)
        valid = [p for p in parsed if not p.problems]
        report.skipped_rows = sorted({p.row for p in parsed if p.problems})
        importer.write(session, valid, report, progress)
    return report


def columns_of(kind: Kind) -> Sequence[str]:
    return [c.header for c in COLUMNS[kind]]
