"""The problems of an import as a sheet (行号, 列, 内容, 问题): what was skipped, by row and
column, for the person who fixes the roster. Written as .xlsx (row numbers as numbers) or
.csv (UTF-8 with BOM, as Excel on Chinese Windows opens it)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from mzdesk.services.tables.cells import exported_text
from mzdesk.services.tables.importing import ImportPreview
from mzdesk.services.tables.sheet_rows import append_row

HEADERS = ("行号", "列", "内容", "问题")
WIDTHS = (8, 16, 28, 60)


def problem_rows(preview: ImportPreview) -> Iterator[tuple[int | None, str, str, str]]:
    """One line per problem, in the order found: the row (None for the file), the column,
    the cell as read, and the message."""
    values = {row.number: row.values for row in preview.rows}
    for problem in preview.problems:
        cell = ""
        if problem.row in values and problem.column in preview.columns:
            cell = values[problem.row][preview.columns.index(problem.column)]
        yield problem.row, problem.column or "", cell, problem.message


def write_problem_report(path: Path, preview: ImportPreview) -> int:
    """Write the problems of ``preview`` to ``path``; returns how many lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    if path.suffix.lower() == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            for row in problem_rows(preview):
                writer.writerow([_csv(v) for v in row])
                count += 1
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "问题清单"
        append_row(sheet, HEADERS)
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
            sheet.cell(row=1, column=index + 1).font = Font(bold=True)
        for row in problem_rows(preview):
            append_row(sheet, row)
            count += 1
        sheet.freeze_panes = "A2"
        book.save(tmp)
    tmp.replace(path)
    return count


def _csv(value: Any) -> str:
    if value is None:
        return ""
    return exported_text(value) if isinstance(value, str) else str(value)
