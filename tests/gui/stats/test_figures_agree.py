"""Figures agree (issue 14): for the same day and scope, the home page, the statistics page,
``mzdesk stats beds --json`` run as a real process and the exported workbook read back give
the same numbers. The demo site plus a small city beside it: a second home in 崂山区
(370212), a home and a children's home in 市北区 (370203)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt

from mzdesk.core.vocab import BedType, ChildCategory, DischargeReason, InstitutionKind, Operation
from mzdesk.gui.home.page import HomePage
from mzdesk.gui.runtime.context import AppContext
from mzdesk.services.beds import NewBeds, add_beds, take_bed_out_of_service
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import Admission, admit_resident, discharge_resident
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import Store
from tests.cli.process import mzdesk
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

TODAY = dt.date.today()
DAYS = (TODAY, TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=75))
DEMO = ("admin", "demo1234")
WEEK = dt.timedelta(days=7)
START = (TODAY - dt.timedelta(days=100)).isoformat()


def small_city(store: Store) -> dict[str, Any]:
    """Three institutions beside the demo site, with admissions, a discharge and a bed out of
    service at dates that make the days in ``DAYS`` differ."""
    start = dt.date.fromisoformat(START)

    def home(name: str, kind: InstitutionKind, region: str, operation: Operation) -> Any:
        return create_institution(
            store,
            SETUP,
            InstitutionData(name, kind, operation=operation, region_code=region),
        )

    made = {
        "颐和": home(
            "青岛市崂山区颐和养老院", InstitutionKind.NURSING_HOME, "370212", Operation.PRIVATE
        ),
        "颐年": home(
            "青岛市市北区颐年养老院", InstitutionKind.NURSING_HOME, "370203", Operation.PUBLIC
        ),
        "儿福": home(
            "青岛市市北区儿童福利院", InstitutionKind.CHILDREN_HOME, "370203", Operation.PUBLIC
        ),
    }
    for key, types in (
        ("颐和", (BedType.NURSING, BedType.SELF_CARE)),
        ("颐年", (BedType.DEMENTIA, BedType.SELF_CARE)),
        ("儿福", (BedType.SELF_CARE, BedType.NURSING)),
    ):
        institution = made[key]
        beds = []
        for floor, bed_type in enumerate(types, start=1):
            beds += add_beds(
                store,
                SETUP,
                NewBeds(
                    institution.id, "1号楼", f"{floor}层", ["01", "02", "03"], 2, bed_type, start
                ),
            )
        child = institution.kind is InstitutionKind.CHILDREN_HOME
        birth = dt.date(2018, 3, 1) if child else dt.date(1940, 1, 1)
        residents = [
            admit_resident(
                store,
                SETUP,
                Admission(
                    institution.id,
                    ResidentData(
                        name=f"住户{i}",
                        id_number=id_number(birth),
                        child_category=ChildCategory.ORPHAN if child else None,
                    ),
                    TODAY - dt.timedelta(days=days),
                    bed.id,
                ),
            )
            for i, (bed, days) in enumerate(zip(beds, (90, 80, 60, 40, 20, 5), strict=False))
        ]
        discharge_resident(
            store, SETUP, residents[0].id, TODAY - dt.timedelta(days=10), DischargeReason.HOME
        )
        take_bed_out_of_service(store, SETUP, beds[-1].id, TODAY - dt.timedelta(days=50), "维修")
        made[f"{key}_beds"] = beds
    # beds that come into service next week are not beds today (the home page counted them)
    add_beds(
        store,
        SETUP,
        NewBeds(made["颐年"].id, "2号楼", "1层", ["01"], 2, BedType.NURSING, TODAY + WEEK),
    )
    return made


@pytest.fixture
def city(demo_store: Store, tmp_path: Path) -> dict[str, Any]:
    made = small_city(demo_store)
    # a roster from a home that keeps no residents here: two beds 在住 as of today's import
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型", "状态", "启用日期"])
    for number, status in (("1", "在住"), ("2", "在住"), ("3", "空闲")):
        sheet.append([made["颐和"].name, "3号楼", "1层", "301", number, "护理型", status, START])
    book.save(tmp_path / "roster.xlsx")
    import_file(demo_store, SETUP, Kind.BEDS, tmp_path / "roster.xlsx")
    return made


def _cli(store: Store, tmp_path: Path, day: dt.date, option: tuple[str, ...]) -> dict[str, Any]:
    result = mzdesk(
        "stats",
        "beds",
        "--db",
        str(store.path),
        "--json",
        "--as-of",
        day.isoformat(),
        *option,
        cwd=tmp_path,
        user=DEMO,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _table(page: Any) -> dict[str, tuple[str, str, str]]:
    model = page.table.rows_model
    return {
        model.text(r, 0): (model.text(r, 1), model.text(r, 2), model.text(r, 3))
        for r in range(model.rowCount())
    }


def _number(value: Any) -> str:
    """A cell as text: a count 12 (or 12.0) as "12"; text as it is."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _workbook(qtbot: Any, page: Any, path: Path) -> dict[str, tuple[str, str, str]]:
    page._write_xlsx(str(path))
    qtbot.waitUntil(path.exists, timeout=15_000)
    sheet = openpyxl.load_workbook(path)["床位统计"]
    return {
        str(row[0]): tuple(_number(v) for v in row[1:4])  # type: ignore[misc]
        for row in sheet.iter_rows(values_only=True)
        if row and row[0] and len(row) >= 4
    }


def _show(qtbot: Any, page: Any, institution: Any, region: str, day: dt.date) -> None:
    index = page.institution.findData(str(institution.id)) if institution else 0
    assert index >= 0
    page.institution.setCurrentIndex(index)
    page.region.setText(region)
    page.as_of.setDate(QDate(day.year, day.month, day.day))
    page.view = None
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.figures.as_of == day, timeout=20_000
    )


def _home_page(qtbot: Any, window: Any, institution: Any) -> dict[str, str]:
    ctx = window.ctx
    page = HomePage(AppContext(ctx.store, ctx.worker, institution, ctx.user, ctx.db_path))
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.occupancy.value.text() != "…", timeout=10_000)
    occupied, in_service = re.findall(r"\d+", page.occupancy.detail.text())[:2]
    total = re.findall(r"\d+", page.free.detail.text())[0]
    return {
        "rate": page.occupancy.value.text(),
        "occupied": occupied,
        "in_service": in_service,
        "total": total,
    }


def test_home_stats_cli_and_workbook_agree(qtbot, city, window, tmp_path):
    site = window.ctx.institution
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=20_000)
    scopes: list[tuple[str, Any, str, tuple[str, ...]]] = [
        ("site", site, "", ("--institution", site.name)),
        ("颐年", city["颐年"], "", ("--institution", city["颐年"].name)),
        ("颐和", city["颐和"], "", ("--institution", city["颐和"].name)),
        ("370212", None, "370212", ("--region", "370212")),
        ("all", None, "", ()),
    ]
    for name, institution, region, option in scopes:
        for day in DAYS:
            where = f"{name} {day}"
            _show(qtbot, page, institution, region, day)
            shown = _table(page)
            figures = _cli(window.ctx.store, tmp_path, day, option)
            book = _workbook(qtbot, page, tmp_path / f"{name}-{day}.xlsx")
            for label, key in (
                ("机构数", "institutions"),
                ("床位总数", "total_beds"),
                ("护理型床位（含认知障碍照护）", "nursing_beds"),
                ("在用床位", "beds_in_service"),
                ("入住床位", "occupied_beds"),
            ):
                assert shown[label][0] == str(figures[key]) == book[label][0], (where, label)
            for label, key in (
                ("入住率", "occupancy_rate_pct"),
                ("护理型床位占比", "nursing_share_pct"),
            ):
                assert shown[label][0] == figures[key], (where, label)
                assert shown[label][1:] == book[label][1:], (where, label)
            if institution is not None and day == TODAY:
                home = _home_page(qtbot, window, institution)
                assert home == {
                    "rate": figures["occupancy_rate_pct"],
                    "occupied": str(figures["occupied_beds"]),
                    "in_service": str(figures["beds_in_service"]),
                    "total": str(figures["total_beds"]),
                }, where
