"""The hazard part of the statistics report (隐患整改): the five counts and the closure rate
for the period, then by level, by month and by checklist section — in the PDF, and as a
sheet of numbers in the workbook."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.stats.hazards import HazardCounts, HazardFigures

COLUMNS = ("发现", "销号", "期内销号", "期末未销号", "其中超期", "整改销号率")


def period(f: HazardFigures) -> str:
    return f"{f.start.isoformat()} 至 {f.end.isoformat()}"


def total_rows(f: HazardFigures) -> list[tuple[str, str]]:
    """(指标, 数值) for the page and the PDF."""
    rate = f.closure_rate
    return [
        ("期内发现隐患（项）", str(f.found)),
        ("其中期末已销号（项）", str(f.closed)),
        ("整改销号率", f"{rate.pct}（{rate.numerator}/{rate.denominator}）"),
        ("期内销号（项，不论何时发现）", str(f.closed_in_period)),
        ("期末未销号（项）", str(f.open_at_end)),
        ("其中超过整改期限（项）", str(f.overdue_at_end)),
    ]


def count_cells(c: HazardCounts) -> tuple[str, ...]:
    return (
        str(c.found),
        str(c.closed),
        str(c.closed_in_period),
        str(c.open_at_end),
        str(c.overdue_at_end),
        c.closure_rate.pct,
    )


def group_rows(f: HazardFigures) -> list[tuple[str, ...]]:
    """(分组, 发现, 销号, 期内销号, 期末未销号, 其中超期, 整改销号率): by level, by section."""
    return [
        *((f"等级：{level.zh}", *count_cells(c)) for level, c in f.by_level.items()),
        *((f"类别：{section}", *count_cells(c)) for section, c in f.by_section.items()),
    ]


def month_rows(f: HazardFigures) -> list[tuple[str, ...]]:
    return [(month, *count_cells(c)) for month, c in f.by_month.items()]


def _table(rows: list[tuple[str, ...]], widths: tuple[float, ...], font: str) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde8f5")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#99a7b8")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def hazard_story(f: HazardFigures, font: str) -> list[Any]:
    heading = ParagraphStyle("hh", fontName=font, fontSize=13, leading=18, spaceAfter=3)
    note = ParagraphStyle(
        "hn", fontName=font, fontSize=8, leading=11, textColor=colors.grey, wordWrap="CJK"
    )
    group_widths = (50 * mm, *(20 * mm,) * 6)
    return [
        Spacer(1, 6 * mm),
        Paragraph(f"隐患整改（{period(f)}）", heading),
        _table([("指标", "数值"), *total_rows(f)], (75 * mm, 50 * mm), font),
        Spacer(1, 3 * mm),
        _table([("分组", *COLUMNS), *group_rows(f)], group_widths, font),
        Spacer(1, 3 * mm),
        _table([("月份", *COLUMNS), *month_rows(f)], group_widths, font),
        Paragraph(
            "口径：发现指发现日期在统计期内；销号指其中到截止日已销号的；期内销号指销号日期"
            "（复查日期）在统计期内的全部隐患；期末未销号指截止日仍未销号的全部隐患，"
            "其中超期指整改期限早于截止日的；整改销号率 = 销号 / 发现。"
            "按月各行以该月（在统计期内的部分）为统计期。",
            note,
        ),
    ]


def add_hazard_sheet(book: Workbook, f: HazardFigures) -> None:
    """A sheet 隐患整改: numbers as numbers (the rate as a fraction formatted 0.0%)."""
    sheet = book.create_sheet("隐患整改")
    append_row(sheet, [f"隐患整改（{period(f)}）"])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [])
    append_row(sheet, ["分组", *COLUMNS])

    def add(name: str, c: HazardCounts) -> None:
        rate = c.closure_rate
        append_row(
            sheet,
            [
                name,
                c.found,
                c.closed,
                c.closed_in_period,
                c.open_at_end,
                c.overdue_at_end,
                rate.value if rate.denominator else None,
            ],
        )
        sheet.cell(sheet.max_row, 7).number_format = "0.0%"

    add("合计", f.total)
    for level, c in f.by_level.items():
        add(f"等级：{level.zh}", c)
    for section, c in f.by_section.items():
        add(f"类别：{section}", c)
    append_row(sheet, [])
    append_row(sheet, ["月份", *COLUMNS])
    for month, c in f.by_month.items():
        add(month, c)
    sheet.column_dimensions["A"].width = 36
