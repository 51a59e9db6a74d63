"""统计 → 各机构: every home side by side, sortable, with totals equal to the headline figures;
a double-click opens one home; the workbook and the printed PDF list all of them (here 33,
more than the 24 the bed report's chart used to show)."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from mzdesk.core.vocab import BedType, InstitutionKind
from mzdesk.gui.widgets.pdf_preview import PdfPreview
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.institutions import InstitutionData, create_institution
from tests.gui.conftest import open_dialog
from tests.gui.stats.test_figures_agree import START, small_city
from tests.helpers import tools
from tests.helpers.actors import SETUP


@pytest.fixture
def many_homes(demo_store):
    made = small_city(demo_store)
    for i in range(29):  # 1 demo home + 3 + 29 = 33 homes in 3702
        home = create_institution(
            demo_store,
            SETUP,
            InstitutionData(
                f"青岛市市南区第{i + 1:02d}敬老院",
                InstitutionKind.NURSING_HOME,
                region_code="370202",
            ),
        )
        add_beds(
            demo_store,
            SETUP,
            NewBeds(
                home.id,
                "1号楼",
                "1层",
                ["101"],
                i % 5 + 1,
                BedType.NURSING,
                dt.date.fromisoformat(START),
            ),
        )
    return made


def open_all(qtbot, window):
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=20_000)
    page.institution.setCurrentIndex(0)  # 全部机构
    page.region.setText("3702")
    page.view = None
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=20_000)
    return page


def test_homes_side_by_side_sort_total_and_open(qtbot, many_homes, window):
    page = open_all(qtbot, window)
    panel, f = page.homes, page.view.figures
    assert panel.isVisible()
    model = panel.model
    assert model.rowCount() == f.institutions == 33
    assert panel.totals.text().startswith(
        f"合计 {f.institutions} 家：床位 {f.total_beds} 张，护理型床位 {f.nursing_beds} 张"
        f"（{f.nursing_share.pct}），在用 {f.beds_in_service} 张，入住 {f.occupied_beds} 张"
        f"（入住率 {f.occupancy.pct}）"
    )
    header = panel.table.horizontalHeader()
    beds_column = 3
    x = header.sectionViewportPosition(beds_column) + header.sectionSize(beds_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = [int(model.index(r, beds_column).data()) for r in range(model.rowCount())]
    assert first == sorted(first) or first == sorted(first, reverse=True)
    # as numbers: sorted as text, 152 (the demo home) would come between 12 and 2
    assert {2, 12, 152} <= set(first)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    again = [int(model.index(r, beds_column).data()) for r in range(model.rowCount())]
    assert again == sorted(first, reverse=first == sorted(first))  # the other way
    # a double-click opens that home's figures
    target = many_homes["颐年"]
    row = next(r for r, h in enumerate(model.homes) if h.institution_id == target.id)
    panel.table.scrollTo(model.index(row, 0))
    rect = panel.table.visualRect(model.index(row, 0))
    # as a person does: the press selects the row, the second click of the pair opens it
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.scope.institution_id == target.id,
        timeout=20_000,
    )
    assert page.institution.currentText() == target.name
    assert not page.homes.isVisible()


def test_export_and_print_list_every_home(qtbot, many_homes, window, tmp_path):
    page = open_all(qtbot, window)
    panel = page.homes
    names = [h.name for h in panel.model.homes]
    qtbot.mouseClick(panel.xlsx_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, QFileDialog)
    path = tmp_path / "homes.xlsx"
    dialog.fileSelected.emit(str(path))
    dialog.close()
    qtbot.waitUntil(path.exists, timeout=15_000)
    sheet = openpyxl.load_workbook(path)["各机构"]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [r[0] for r in rows[:-1]] == names and rows[-1][0] == "合计"
    f = page.view.figures
    assert rows[-1][3:5] == (f.total_beds, f.nursing_beds)  # numbers, not text
    assert rows[-1][6:8] == (f.beds_in_service, f.occupied_beds)
    assert isinstance(rows[-1][8], float) and sheet.cell(4, 9).number_format == "0.0%"
    qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    preview = open_dialog(qtbot, PdfPreview)
    flat = re.sub(r"\s+", "", tools.pdf_text(preview.path, layout=True))
    for name in names:
        assert name in flat, name
    assert "合计" in flat and f"共{len(names)}家" in flat
    preview.close()
