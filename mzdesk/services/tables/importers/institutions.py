"""Importing institutions, matched by name."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import Grade, InstitutionKind, Operation, Positioning
from mzdesk.services.institutions import InstitutionData, add_institution, check_institution
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


class InstitutionImporter(Importer[InstitutionData]):
    kind = Kind.INSTITUTIONS

    def parse(self, row: Row) -> Parsed[InstitutionData]:
        parsed: Parsed[InstitutionData] = Parsed(row.number, None)
        c = Cells(row, parsed)
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
        try:  # checked even when a cell could not be read: every problem at once
            checked = check_institution(data)
        except ValidationError as error:
            collect_unnamed(parsed, error, self.kind)
        else:
            if not parsed.problems:
                parsed.record = checked
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
            update_row(row, values, report)
