"""The amendments (更正) in a printed inspection report: an amended item's result as
"不合格→合格（更正）", and the 更正记录 table of every change."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from mzdesk.reports.pages import HEAD, WIDTH, grid_style, lines
from mzdesk.services.inspection_report import InspectionReport, ReportItem


def result_text(item: ReportItem) -> str:
    """The result in force; an amended one as "不合格→合格（更正）", on three lines to fit the
    narrow 结果 column."""
    if item.result is None:
        return "未检查"
    if item.original is not None:
        return f"{item.original.zh}→\n{item.result.zh}\n（更正）"
    return item.result.zh


def amendments_table(report: InspectionReport, font: str) -> Table:
    """更正记录: each changed item with when, who, the result before → after, and why."""
    widths = (24 * mm, 24 * mm, 14 * mm, 40 * mm, WIDTH - 102 * mm)
    rows: list[list[Any]] = [["更正日期", "更正人", "检查项", "原结果→更正结果", "更正原因"]]
    for a in report.amendments:
        for c in a.changes:
            change = f"{c.old.zh}→{c.new.zh}" + (f"（{c.new_note}）" if c.new_note else "")
            rows.append(
                [
                    a.amended_at.date().isoformat(),
                    lines(a.amended_by, font, 9, widths[1]),
                    c.code,
                    lines(change, font, 9, widths[3]),
                    lines(a.reason, font, 9, widths[4]),
                ]
            )
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([*grid_style(font, 9), ("BACKGROUND", (0, 0), (-1, 0), HEAD)]))
    return table
