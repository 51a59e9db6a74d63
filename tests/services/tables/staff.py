"""Sheets for the worker, certificate and training imports (written by the tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from tests.helpers.people import id_number

WORKER_HEADER = ["姓名", "身份证号", "岗位", "技能等级", "入职日期"]
CERT_HEADER = [
    "姓名",
    "身份证号",
    "证书名称",
    "证书编号",
    "技能等级",
    "发证机关",
    "发证日期",
    "有效期至",
]
LEDGER_HEADER = [
    "培训主题", "培训类别", "开始日期", "结束日期", "学时", "培训讲师", "培训地点",
    "姓名", "身份证号", "考核结果",
]  # fmt: skip

PEOPLE = [
    ("张丽", id_number(dt.date(1975, 3, 2), male=False)),
    ("王强", id_number(dt.date(1980, 7, 9))),
    ("李芳", id_number(dt.date(1969, 1, 20), male=False)),
]


def sheet(
    path: Path, rows, *, title: str | None = None, blank_rows: int = 0, merges: tuple[str, ...] = ()
) -> Path:
    """A sheet like a kept ledger: a merged title row, blank rows, then the rows; ``merges``
    are ranges (such as "B3:H3") merged afterwards."""
    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for _ in range(blank_rows):
        ws.append([])
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    book.save(path)
    return path


def workers_sheet(path: Path) -> Path:
    rows = [WORKER_HEADER] + [
        [name, number, "养老护理员", "无", dt.date(2024, 1, 2)] for name, number in PEOPLE
    ]
    return sheet(path, rows)
