"""Writing rosters: exports that re-import unchanged, and empty templates that help typing.

Every text is written as :func:`~mzdesk.services.tables.cells.exported_text` makes it: a
formula-like text (= + - @) gets a leading ' that the import takes off again, and characters
the rule for text refuses become U+FFFD (docs/data-rules.md); in xlsx it is a string cell.

Templates format code columns (身份证号, phone numbers) as text so Excel does not round them,
offer drop-down lists for vocabulary columns, and mark required headers.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import aliased

from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ResidentStatus, Vocab
from mzdesk.services.beds import bed_query
from mzdesk.services.children.record import REVEALED_FIELD
from mzdesk.services.operations import operation
from mzdesk.services.tables.cells import exported_text
from mzdesk.services.tables.children_export import (
    EXPORT_ACTION,
    children_homes,
    children_rows,
    roster_columns,
)
from mzdesk.services.tables.children_template import add_notes_sheet, template_notes
from mzdesk.services.tables.columns import COLUMNS, Column, Kind
from mzdesk.services.tables.hazard_export import hazard_rows
from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.services.tables.staff_export import staff_rows
from mzdesk.services.views import BedView
from mzdesk.store.audit import record_reveal
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, CareWorker, Contact, Floor, Institution, Resident, Room

TEMPLATE_ROWS = 500
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _cell(value: Any) -> Any:
    if isinstance(value, Vocab):
        return value.zh
    return value


def _rows(store: Store, kind: Kind) -> Iterator[list[Any]]:
    with store.read() as session:
        names = {
            i.id: i.name
            for i in session.scalars(select(Institution).where(Institution.deleted_at.is_(None)))
        }
        if kind is Kind.INSTITUTIONS:
            for i in session.scalars(
                select(Institution)
                .where(Institution.deleted_at.is_(None))
                .order_by(Institution.name)
            ):
                yield [
                    i.name,
                    i.kind,
                    i.positioning,
                    i.operation,
                    i.grade,
                    i.uscc,
                    i.region_code,
                    i.address,
                    i.phone,
                    i.legal_representative,
                    i.fire_safety_officer,
                ]
        elif kind is Kind.BEDS:
            query = bed_query().order_by(
                Bed.institution_id, Floor.building_id, Floor.sort_order, Room.sort_order, Bed.number
            )
            for bed, building, floor, room in session.execute(query):
                yield [
                    names[bed.institution_id],
                    building,
                    floor,
                    room,
                    bed.number,
                    bed.bed_type,
                    bed.status,
                    bed.in_service_since,
                ]
        elif kind is Kind.RESIDENTS:
            # The full label (楼栋 楼层 房间-床位号) resolves to one bed even where two buildings
            # both have a room 202.
            bed_labels = {
                bed.id: BedView.of(bed, building, floor, room).label
                for bed, building, floor, room in session.execute(bed_query())
            }
            first_contact = aliased(Contact)
            residents = (
                select(Resident, first_contact)
                .outerjoin(
                    first_contact,
                    (first_contact.resident_id == Resident.id)
                    & (first_contact.sort_order == 0)
                    & first_contact.deleted_at.is_(None),
                )
                .where(Resident.deleted_at.is_(None), Resident.status != ResidentStatus.DISCHARGED)
                .order_by(Resident.institution_id, Resident.admission_date, Resident.name)
            )
            for r, c in session.execute(residents):
                yield [
                    names[r.institution_id],
                    r.name,
                    r.id_number,
                    r.gender,
                    r.birth_date,
                    r.admission_date,
                    bed_labels.get(r.bed_id) if r.bed_id else None,
                    r.support_type,
                    c.name if c else None,
                    c.phone if c else None,
                    c.relationship if c else None,
                    r.ethnicity,
                    r.household_address,
                    r.marital_status,
                    r.payment_method,
                    r.contract_number,
                    r.diagnoses,
                    r.child_category,
                    r.guardianship_type,
                    r.note,
                ]
        elif kind is Kind.WORKERS:
            for w in session.scalars(
                select(CareWorker)
                .where(CareWorker.deleted_at.is_(None))
                .order_by(CareWorker.institution_id, CareWorker.hired_on)
            ):
                yield [
                    names[w.institution_id],
                    w.name,
                    w.id_number,
                    w.occupation,
                    w.skill_level,
                    w.hired_on,
                    w.gender,
                    w.birth_date,
                    w.phone,
                    w.status,
                    w.left_on,
                ]
        elif kind is Kind.HAZARDS:
            yield from hazard_rows(session, names)
        else:
            yield from staff_rows(session, kind, names)


def export_table(store: Store, kind: Kind, path: Path, viewer: Actor | None = None) -> int:
    """Write every live record of ``kind`` to ``path`` (.xlsx or .csv); returns the row count.
    The children's roster depends on whom it is for: the private columns only for a role with
    children.private (never on a bureau's device, which withholds it), through the audited
    :func:`export_children_private`; without a viewer, never."""
    if kind is Kind.CHILDREN:
        if viewer is not None and viewer.can(Permission.CHILDREN_PRIVATE):
            return export_children_private(store, viewer, path)
        columns = roster_columns(None)
        with store.read() as session:
            found = children_rows(session, children_homes(session), columns)
            return write_table(path, columns, ([_cell(v) for v in row] for _child, row in found))
    rows = ([_cell(v) for v in row] for row in _rows(store, kind))
    return write_table(path, COLUMNS[kind], rows)


@operation(Permission.CHILDREN_PRIVATE)
def export_children_private(store: Store, actor: Actor, path: Path) -> int:
    """儿童名册 with the private columns, audited — who, when, one entry per child written — in
    the transaction that writes the file (a failed write leaves no entry)."""
    columns = roster_columns(actor)
    with store.write(actor) as session:
        homes = children_homes(session)
        shown: list[tuple[uuid.UUID, uuid.UUID]] = []

        def audited() -> Iterator[list[Any]]:
            for child, row in children_rows(session, homes, columns):
                shown.append((child.id, child.institution_id))
                yield [_cell(v) for v in row]

        count = write_table(path, columns, audited())
        record_reveal(session, actor, "residents", shown, REVEALED_FIELD, action=EXPORT_ACTION)
        return count


def write_template(kind: Kind, path: Path) -> None:
    notes = template_notes(kind)
    write_table(path, COLUMNS[kind], [], template=True, notes=notes)


def write_table(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    template: bool = False,
    notes: Sequence[Sequence[str]] = (),
) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    headers = [c.header for c in columns]
    tmp = path.with_name(path.name + ".part")
    count = 0
    if path.suffix.lower() == ".csv":
        # UTF-8 with BOM: Excel on Chinese Windows opens it without garbling the headers.
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else _text(v) for v in row])
                count += 1
    else:
        workbook = Workbook(write_only=False)
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "数据"
        sheet.append(headers)
        for row in rows:
            append_row(sheet, row)
            count += 1
        # Format the data rows (and, in a template, the empty rows people will type into) so
        # Excel keeps codes as text and shows dates as yyyy-MM-dd.
        last_row = max(count, TEMPLATE_ROWS if template else 0) + 1
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index)
            cell.font = Font(bold=True)
            cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
            cell.alignment = Alignment(horizontal="center")
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            number_format = (
                "@"
                if column.is_code
                else "yyyy-mm-dd"
                if column.is_date
                else "0.0"
                if column.is_number
                else None
            )
            if number_format:
                for r in range(2, last_row + 1):
                    sheet.cell(row=r, column=index).number_format = number_format
            if template and column.choices is not None:
                options = ",".join(m.zh for m in column.choices)
                validation = DataValidation(
                    type="list", formula1=f'"{options}"', allow_blank=not column.required
                )
                validation.error = f"请从下拉列表中选择{column.header}"
                validation.errorTitle = column.header
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{last_row}")
        sheet.freeze_panes = "A2"
        if notes:  # 填写说明 on a sheet of its own (the import reads only the first sheet)
            add_notes_sheet(workbook, notes)
        workbook.save(tmp)
    tmp.replace(path)
    return count


def _text(value: Any) -> str:
    """A CSV field: dates yyyy-MM-dd, numbers as they are, text escaped and made safe
    (:func:`~mzdesk.services.tables.cells.exported_text`), so the file opens without
    evaluating anything and re-imports to the same values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return exported_text(value)
    return str(value)
