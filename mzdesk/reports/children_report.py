"""The children's figures exported: an .xlsx workbook (counts as numeric cells) and a printable
A4 PDF (embedded CJK font), with the rows the statistics page shows (reports/children_rows.py):
figures only — no child's name, no birth or foster family (a bureau device holds none anyway)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from mzdesk.reports.children_rows import (
    headline,
    home_headers,
    home_rows,
    notice_headers,
    notice_rows,
    sections,
    sentence,
    t,
)
from mzdesk.reports.fonts import register_cjk_font
from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.stats.children import ChildFigures
from mzdesk.stats.children_homes import HomeChildren

HEAD = colors.HexColor("#dde8f5")
TOTAL = colors.HexColor("#eef2f7")
GRID = colors.HexColor("#99a7b8")
RED = colors.HexColor("#b3261e")
SIDE = 12 * mm
WIDTH = A4[0] - 2 * SIDE


# --- the workbook ---------------------------------------------------------------------------


def write_children_xlsx(
    path: Path, title: str, f: ChildFigures, homes: Sequence[HomeChildren] = ()
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("sheet")
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, [t("as_of", day=f.as_of.isoformat())])
    append_row(sheet, [t("period", start=f.period[0].isoformat(), end=f.period[1].isoformat())])
    append_row(sheet, [])
    append_row(sheet, [t("item"), t("number")])
    _bold_row(sheet)
    for label, value in headline(f):
        append_row(sheet, [label, value])
    for section, rows in sections(f):
        append_row(sheet, [])
        append_row(sheet, [section, t("count")])
        _bold_row(sheet)
        for label, value in rows:
            append_row(sheet, [label, value])
    sheet.column_dimensions["A"].width = 30
    notices = book.create_sheet(t("notices_sheet"))
    append_row(notices, notice_headers())
    for row, _past in notice_rows(f):
        append_row(notices, row)
    side_by_side = home_rows(homes, f)
    if side_by_side:
        side = book.create_sheet(t("homes_sheet"))
        append_row(side, home_headers())
        for values in side_by_side:
            append_row(side, values)
        side.column_dimensions["A"].width = 30
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)


def _bold_row(sheet: Any) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


# --- the printed report ---------------------------------------------------------------------


def write_children_pdf(
    path: Path,
    title: str,
    f: ChildFigures,
    homes: Sequence[HomeChildren] = (),
    *,
    area: str = "",
    source: str,
    printed: dt.date | None = None,
) -> None:
    font = register_cjk_font()
    heading = ParagraphStyle("h", fontName=font, fontSize=15, leading=20, spaceAfter=4)
    section = ParagraphStyle("t", fontName=font, fontSize=11, leading=15, spaceBefore=6)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, spaceAfter=4)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=11, textColor=colors.grey)
    cell = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    printed_on = printed or dt.date.today()
    story: list[Any] = [
        Paragraph(title, heading),
        Paragraph(
            "　　".join(
                [
                    t("as_of", day=f.as_of.isoformat()),
                    t("period", start=f.period[0].isoformat(), end=f.period[1].isoformat()),
                    t("printed", day=printed_on.isoformat()),
                ]
            ),
            small,
        ),
        Paragraph(t("source", source=source), small),
        Spacer(1, 3 * mm),
        Paragraph(sentence(f, area), body),
    ]
    half = (WIDTH - 6 * mm) / 2
    tables = [_counts([t("item"), t("number")], headline(f), font, half)] + [
        _counts([name, t("count")], rows, font, half) for name, rows in sections(f)
    ]
    pairs = [tables[i : i + 2] for i in range(0, len(tables), 2)]
    layout = Table(
        [[*pair, *([""] * (2 - len(pair)))] for pair in pairs],
        colWidths=[half + 3 * mm, half + 3 * mm],
    )
    layout.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),  # an empty cell too: no Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    story.append(layout)
    story.append(_notices(f, font, section, cell))
    rows = home_rows(homes, f)
    if rows:
        story.append(Paragraph(t("homes_sheet"), section))
        story.append(_homes_table(rows, font, cell))

    def page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, 8 * mm, t("page", n=document.page))
        canvas.restoreState()

    tmp = path.with_name(path.name + ".part")
    document = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=SIDE,
        bottomMargin=14 * mm,
        title=title,
        author="mzdesk",
        initialFontName=font,
    )
    document.build(story, onFirstPage=page, onLaterPages=page)
    tmp.replace(path)


def _grid(font: str) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]


def _counts(headers: list[str], rows: list[tuple[str, int]], font: str, width: float) -> Table:
    number = 22 * mm
    data = [headers] + [[label, str(value)] for label, value in rows]
    if not rows:
        data.append([t("none"), ""])
    table = Table(data, colWidths=[width - number, number], repeatRows=1)
    table.setStyle(TableStyle([*_grid(font), ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    return table


def _notices(f: ChildFigures, font: str, title: ParagraphStyle, cell: ParagraphStyle) -> Any:
    rows = notice_rows(f)
    if not rows:
        return Paragraph(f"{t('notices')}：{t('no_notices')}", title)
    red = ParagraphStyle("r", parent=cell, textColor=RED)
    data: list[list[Any]] = [notice_headers()]
    data += [[Paragraph(row[0], red if past else cell), *row[1:]] for row, past in rows]
    table = Table(data, colWidths=[WIDTH - 96 * mm, 30 * mm, 30 * mm, 36 * mm], repeatRows=1)
    style = _grid(font)
    style += [("TEXTCOLOR", (0, i), (-1, i), RED) for i, (_row, past) in enumerate(rows, 1) if past]
    table.setStyle(TableStyle(style))
    return KeepTogether([Paragraph(t("notices"), title), table])


def _homes_table(rows: list[list[str | int]], font: str, cell: ParagraphStyle) -> Table:
    numbers = len(rows[0]) - 2
    number = 12.5 * mm
    region = 16 * mm
    head = ParagraphStyle("hh", parent=cell, fontSize=7, leading=9)
    data: list[list[Any]] = [[Paragraph(h, head) for h in home_headers()]]
    data += [[Paragraph(str(r[0]), cell), *(str(v) for v in r[1:])] for r in rows]
    table = Table(
        data,
        colWidths=[WIDTH - region - numbers * number, region, *[number] * numbers],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                *_grid(font),
                ("FONTSIZE", (0, 1), (-1, -1), 8),
                ("LEFTPADDING", (1, 0), (-1, 0), 2),
                ("RIGHTPADDING", (1, 0), (-1, 0), 2),
                ("BACKGROUND", (0, -1), (-1, -1), TOTAL),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table
