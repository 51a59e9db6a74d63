"""填写说明 of the children's roster template: a second sheet (the import reads only the first)
saying, for each column, whether it is required, what goes in it, and an example row — a
foundling brought by the police, its notice running, not placed yet."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from mzdesk.core.children import CHILD_LEAVING, NOTICE_DAYS_DEFAULT, IntakeWay
from mzdesk.core.i18n import text
from mzdesk.services.tables.columns import COLUMNS, Column, Kind

# one child as a home would type it (data of the roster, in its Chinese vocabulary)
_EXAMPLE: dict[str, str] = {
    "机构名称": "市儿童福利院",
    "姓名": "党小春",
    "性别": "女",
    "出生日期": "2026-02-20",
    "儿童类别": "弃婴",
    "监护类型": "长期监护",
    "接收方式": IntakeWay.POLICE.zh,
    "接收日期": "2026-03-02",
    "捡拾日期": "2026-03-01",
    "捡拾地点": "市妇幼保健院门口",
    "送交单位": "城关派出所",
    "捡拾报案证明编号": "JB2026-0301",
    "公告日期": "2026-03-05",
    "公告期满日期": "2026-05-04",
    "公告状态": "公告中",
}

# the columns whose note says more than their kind of value
_NOTES: dict[str, str] = {
    "身份证号": "roster.children.note.id_number",
    "状态": "roster.children.note.status",
    "接收方式": "roster.children.note.way",
    "公告期满日期": "roster.children.note.period_end",
    "公告状态": "roster.children.note.notice_status",
    "安置方式": "roster.children.note.placement",
    "离院原因": "roster.children.note.leaving",
}


def _note(column: Column) -> str:
    parts = []
    if column.header in _NOTES:
        leaving = text("list.separator").join(r.zh for r in CHILD_LEAVING)
        parts.append(text(_NOTES[column.header], days=NOTICE_DAYS_DEFAULT, reasons=leaving))
    if column.is_date:
        parts.append(text("roster.note.date"))
    if column.choices is not None:
        options = "、".join(m.zh for m in column.choices)
        parts.append(text("roster.note.choices", options=options))
    if column.private:
        parts.append(text("roster.children.note.private"))
    return " ".join(parts)


def template_notes(kind: Kind) -> list[list[str]]:
    """The 填写说明 rows of ``kind``'s template (none for the other kinds yet)."""
    if kind is not Kind.CHILDREN:
        return []
    rows = [
        [
            text("roster.note.column"),
            text("roster.note.required"),
            text("roster.note.what"),
            text("roster.note.example"),
        ]
    ]
    for column in COLUMNS[kind]:
        required = text("roster.note.yes") if column.required else ""
        rows.append([column.header, required, _note(column), _EXAMPLE.get(column.header, "")])
    return rows


def add_notes_sheet(workbook: Workbook, notes: Sequence[Sequence[str]]) -> None:
    sheet = workbook.create_sheet(text("roster.note.sheet"))
    for row in notes:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (20, 8, 70, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
