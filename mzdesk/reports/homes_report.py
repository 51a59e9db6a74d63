"""Homes side by side, exported: an .xlsx sheet (numbers as numbers, shares as percentages)
and an A4 landscape PDF, each listing every home in scope and the totals row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from mzdesk.reports.fonts import register_cjk_font
from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.beds.homes import HomeFigures, totals

HEADERS = (
    "机构",
    "区划代码",
    "类型",
    "床位",
    "护理型床位",
    "护理型床位占比",
    "在用床位",
    "入住床位",
    "入住率",
    "在住人数",
)
SHARES = (5, 8)  # the columns holding shares


def home_values(row: HomeFigures) -> list[Any]:
    """One row's cells, shares as Ratio (formatted by each writer)."""
    return [
        row.name,
        row.region_code,
        row.kind.zh if row.kind else "",
        row.beds,
        row.nursing_beds,
        row.nursing_share,
        row.in_service,
        row.occupied,
        row.occupancy,
        row.residents,
    ]


def write_homes_xlsx(path: Path, title: str, as_of: dt.date, rows: Sequence[HomeFigures]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "各机构"
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, [f"统计日期 {as_of.isoformat()}，共 {len(rows)} 家"])
    append_row(sheet, list(HEADERS))
    for row in [*rows, totals(rows)]:
        append_row(
            sheet,
            [v.value if isinstance(v, Ratio) else v for v in home_values(row)],
        )
        for column in SHARES:
            sheet.cell(sheet.max_row, column + 1).number_format = "0.0%"
    sheet.column_dimensions["A"].width = 30
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)


def write_homes_pdf(
    path: Path,
    title: str,
    as_of: dt.date,
    rows: Sequence[HomeFigures],
    *,
    source: str,
    printed: dt.date | None = None,
) -> None:
    font = register_cjk_font()
    heading = ParagraphStyle("h", fontName=font, fontSize=15, leading=20, spaceAfter=4)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=11, textColor=colors.grey)
    cell = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    printed_on = printed or dt.date.today()

    def text(value: Any) -> Any:
        if isinstance(value, Ratio):
            return value.pct
        return Paragraph(value, cell) if isinstance(value, str) else str(value)

    data = [list(HEADERS)] + [[text(v) for v in home_values(r)] for r in [*rows, totals(rows)]]
    widths = (70, 18, 22, 16, 20, 24, 18, 18, 18, 18)
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde8f5")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef2f7")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#99a7b8")),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story: list[Any] = [
        Paragraph(title, heading),
        Paragraph(
            f"统计日期：{as_of.isoformat()}　　制表日期：{printed_on.isoformat()}　　"
            f"共 {len(rows)} 家",
            small,
        ),
        Paragraph(f"数据来源：{source}", small),
        Spacer(1, 4 * mm),
        table,
    ]

    def page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(landscape(A4)[0] / 2, 8 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    tmp = path.with_name(path.name + ".part")
    document = SimpleDocTemplate(
        str(tmp),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=title,
        author="mzdesk",
        initialFontName=font,
    )
    document.build(story, onFirstPage=page, onLaterPages=page)
    tmp.replace(path)
