"""双随机 draws to .xlsx: the draw itself (with the seed and lists that reproduce it), and
later its results for publication (一公开: each drawn home, when it was inspected, by whom,
how many items failed, and its hazards with their status)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from mzdesk.core.vocab import HazardStatus, InspectionType, ItemResult
from mzdesk.services.sampling import Draw, get_draw
from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.store.engine import Store
from mzdesk.store.models import Hazard, Inspection, InspectionResult

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class HazardLine:
    description: str
    level: str
    status: str
    deadline: dt.date


@dataclass(frozen=True)
class HomeResult:
    institution: str
    code: str
    inspected_on: dt.date | None  # None: not inspected yet
    inspectors: str
    items_failed: int
    hazards: tuple[HazardLine, ...]

    @property
    def closed(self) -> int:
        return sum(1 for h in self.hazards if h.status == HazardStatus.CLOSED.zh)

    def as_json(self) -> dict[str, Any]:
        return {
            "institution": self.institution,
            "code": self.code,
            "inspected_on": self.inspected_on.isoformat() if self.inspected_on else None,
            "inspectors": self.inspectors,
            "items_failed": self.items_failed,
            "hazards": [
                {
                    "description": h.description,
                    "level": h.level,
                    "status": h.status,
                    "deadline": h.deadline.isoformat(),
                }
                for h in self.hazards
            ],
        }


def draw_results(store: Store, draw_id: uuid.UUID) -> tuple[Draw, list[HomeResult]]:
    """For each drawn home, its 双随机 inspection: the first of type 双随机抽查 on or after the
    draw's date (none yet: not inspected)."""
    draw = get_draw(store, draw_id)
    out: list[HomeResult] = []
    with store.read() as session:
        for home in draw.drawn:
            inspection = session.scalars(
                select(Inspection)
                .where(
                    Inspection.institution_id == uuid.UUID(home.id),
                    Inspection.inspection_type == InspectionType.RANDOM,
                    Inspection.inspected_on >= draw.draw_date,
                    Inspection.deleted_at.is_(None),
                )
                .order_by(Inspection.inspected_on, Inspection.created_at)
                .limit(1)
            ).first()
            if inspection is None:
                out.append(
                    HomeResult(home.institution, home.code, None, "、".join(home.inspectors), 0, ())
                )
                continue
            failed = session.scalar(
                select(func.count())
                .select_from(InspectionResult)
                .where(
                    InspectionResult.inspection_id == inspection.id,
                    InspectionResult.result == ItemResult.FAIL,
                    InspectionResult.deleted_at.is_(None),
                )
            )
            hazards = session.scalars(
                select(Hazard)
                .where(Hazard.inspection_id == inspection.id, Hazard.deleted_at.is_(None))
                .order_by(Hazard.found_on, Hazard.created_at)
            ).all()
            out.append(
                HomeResult(
                    home.institution,
                    home.code,
                    inspection.inspected_on,
                    inspection.inspectors,
                    int(failed or 0),
                    tuple(
                        HazardLine(h.description, h.level.zh, h.status.zh, h.deadline)
                        for h in hazards
                    ),
                )
            )
    return draw, out


def _sheet(
    sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int]
) -> None:
    append_row(sheet, list(headers))
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in rows:
        append_row(sheet, list(row))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            # codes, dates and names stay text; counts are numbers
            cell.number_format = "0" if isinstance(cell.value, int) else "@"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _save(workbook: Workbook, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    tmp.replace(path)


def export_draw(store: Store, draw_id: uuid.UUID, path: Path) -> int:
    """The draw: 抽查名单 (homes and inspectors), 抽取说明 (region, date, seed, algorithm,
    numbers), and the two lists drawn from — everything needed to redo it."""
    draw = get_draw(store, draw_id)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "抽查名单"
    _sheet(
        sheet,
        ["序号", "机构名称", "机构代码", "检查人员"],
        [(i, d.institution, d.code, "、".join(d.inspectors)) for i, d in enumerate(draw.drawn, 1)],
        [6, 30, 24, 24],
    )
    about = workbook.create_sheet("抽取说明")
    _sheet(
        about,
        ["项目", "内容"],
        [
            ("行政区划代码", draw.region_code),
            ("抽取日期", draw.draw_date.isoformat()),
            ("随机种子", draw.seed),
            ("算法", f"{draw.algorithm}（见 docs/sampling.md）"),
            ("候选机构数", len(draw.candidates)),
            ("抽取机构数", draw.institutions_wanted),
            ("检查人员数", len(draw.inspectors)),
            ("每家检查人数", draw.inspectors_per_home),
        ],
        [16, 50],
    )
    homes = workbook.create_sheet("候选机构")
    _sheet(
        homes,
        ["序号", "机构代码", "机构名称"],
        [(i, c.code, c.name) for i, c in enumerate(draw.candidates, 1)],
        [6, 24, 30],
    )
    people = workbook.create_sheet("检查人员")
    _sheet(people, ["序号", "姓名"], list(enumerate(draw.inspectors, 1)), [6, 16])
    _save(workbook, path)
    return len(draw.drawn)


RESULT_HEADERS = (
    "机构名称",
    "机构代码",
    "检查日期",
    "检查人员",
    "不合格项数",
    "隐患数",
    "已销号",
    "隐患及整改情况",
)


def export_results(store: Store, draw_id: uuid.UUID, path: Path) -> int:
    """一公开: one row per drawn home (未检查 where no 双随机 inspection is recorded yet)."""
    draw, results = draw_results(store, draw_id)
    rows = [
        (
            r.institution,
            r.code,
            r.inspected_on.isoformat() if r.inspected_on else "未检查",
            r.inspectors,
            r.items_failed,
            len(r.hazards),
            r.closed,
            "\n".join(
                f"{h.description}（{h.level}，{h.status}，整改期限 {h.deadline.isoformat()}）"
                for h in r.hazards
            )
            or "无",
        )
        for r in results
    ]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "抽查结果公示"
    _sheet(sheet, RESULT_HEADERS, rows, [30, 24, 12, 20, 10, 8, 8, 60])
    for line in sheet.iter_rows(min_row=2, min_col=5, max_col=7):
        for cell in line:
            cell.number_format = "0"
    note = workbook.create_sheet("抽取说明")
    _sheet(
        note,
        ["项目", "内容"],
        [
            ("行政区划代码", draw.region_code),
            ("抽取日期", draw.draw_date.isoformat()),
            ("随机种子", draw.seed),
            ("算法", draw.algorithm),
        ],
        [16, 40],
    )
    _save(workbook, path)
    return len(rows)
