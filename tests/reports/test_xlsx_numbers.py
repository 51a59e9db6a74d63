"""Exported numbers are numbers in Excel (issue 14): counts are numeric cells and
percentages numeric cells formatted 0.0%, so they can be summed and charted; no cell holds a
number as text ("85.3%", "12")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
from sqlalchemy import update

from mzdesk.core.identifiers import make_uscc
from mzdesk.core.vocab import BedType, InstitutionKind
from mzdesk.reports.bed_report import write_xlsx
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.sampling import DrawRequest, make_draw
from mzdesk.services.sampling_export import export_draw, export_results
from mzdesk.stats.beds.figures import BedStatistics, Ratio
from mzdesk.stats.beds.occupancy import GroupOccupancy, MonthPoint
from mzdesk.store.models import Institution
from tests.helpers.actors import SETUP

NUMBER_AS_TEXT = re.compile(r"^\s*-?\d+(\.\d+)?\s*%?\s*$")


def texts_that_are_numbers(path: Path, keep_text: set[str] = frozenset()) -> list[str]:
    """Every string cell that reads as a number, by sheet and cell (columns whose header is in
    ``keep_text`` are codes and stay text)."""
    found = []
    for sheet in openpyxl.load_workbook(path).worksheets:
        headers = {c.column: c.value for c in sheet[1]}
        for row in sheet.iter_rows():
            for cell in row:
                if headers.get(cell.column) in keep_text:
                    continue
                if cell.data_type == "s" and NUMBER_AS_TEXT.match(str(cell.value)):
                    found.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
    return found


def figures() -> BedStatistics:
    return BedStatistics(
        as_of=dt.date(2026, 11, 30),
        institutions=2,
        total_beds=120,
        beds_by_type={BedType.NURSING: 80, BedType.SELF_CARE: 40},
        beds_in_service=110,
        occupied_beds=81,
        social_operated_beds=30,
        home_care_beds=5,
        institutions_by_kind={"养老机构": 2},
        institutions_by_positioning={"护理型": 1, "综合型": 1},
        institutions_by_operation={"公办公营": 2},
        institutions_by_grade={"未评定": 2},
    )


def test_the_bed_statistics_workbook_writes_numbers(tmp_path):
    out = tmp_path / "stats.xlsx"
    groups = [GroupOccupancy("幸福院", 70, 65, 50), GroupOccupancy("空院", 0, 0, 0)]
    trend = [MonthPoint("2026-10", Ratio(80, 110), Ratio(80, 120))]
    write_xlsx(out, "床位统计", figures(), groups, trend)
    assert texts_that_are_numbers(out) == []
    book = openpyxl.load_workbook(out)
    rows = {r[0].value: r for r in book["床位统计"].iter_rows() if r[0].value}
    assert rows["床位总数"][1].value == 120 and rows["床位总数"][1].data_type == "n"
    occupancy = rows["入住率"]
    assert occupancy[1].data_type == "n" and occupancy[1].number_format == "0.0%"
    assert round(occupancy[1].value, 3) == 0.736  # 81/110, as published: 73.6%
    assert (occupancy[2].value, occupancy[3].value) == (81, 110)
    assert rows["护理型床位占比"][1].number_format == "0.0%"
    assert rows["护理型"][1].value == 1
    sheet = book["入住率"]
    assert [c.value for c in sheet[2]][:4] == ["幸福院", 70, 65, 50]
    assert (
        sheet["E2"].number_format == "0.0%" and sheet["E2"].value == 0.769
    )  # 50/65 as published: 76.9%
    assert sheet["E3"].value is None  # no beds in service: no rate, not "—" as text
    months = book["月度趋势"]
    assert [c.number_format for c in months[2]][1:] == ["0.0%", "0.0%"]
    assert round(months["C2"].value, 3) == 0.667


def test_the_sampling_workbooks_write_counts_as_numbers(tmp_path, store):
    for i in range(3):
        create_institution(
            store,
            SETUP,
            InstitutionData(
                name=f"第{i}养老院",
                kind=InstitutionKind.NURSING_HOME,
                uscc=make_uscc(f"5237021200000{i:04d}"),
                region_code="370212",
            ),
        )
    with store.write(SETUP) as session:
        session.execute(update(Institution).values(region_code="370212"))
    draw = make_draw(store, SETUP, DrawRequest("370212", 2, ["张三", "李四"], seed="1"))
    for write in (export_draw, export_results):
        out = tmp_path / f"{write.__name__}.xlsx"
        write(store, draw.id, out)
        # 机构代码 and 行政区划代码 are codes; the seed is what the person typed
        assert texts_that_are_numbers(out, {"机构代码", "内容"}) == [], write.__name__
    about = {
        r[0].value: r[1]
        for r in openpyxl.load_workbook(tmp_path / "export_draw.xlsx")["抽取说明"].iter_rows()
    }
    assert about["候选机构数"].value == 3 and about["候选机构数"].data_type == "n"
    assert about["行政区划代码"].data_type == "s"  # a code stays text
