"""Each roster kind, from the app, with real files (issue 14): the page's 导出… writes the
demo's roster, the 导入… dialog previews it with no problem and writes it back unchanged; the
same file with one required cell emptied shows that problem at its row and column, and
只写入无误的行 skips exactly that row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.widgets.import_dialog import ImportDialog
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import INSTITUTION, Kind, required_headers
from tests.gui.excel.test_rosters_in_the_app import choose, menu_action, menu_button


def export_from_the_page(qtbot, window: MainWindow, kind: Kind, path: Path) -> int:
    button: TableMenuButton = menu_button(window, kind)
    said: list[str] = []
    button.message.connect(said.append)
    menu_action(button, kind, "导出…").trigger()
    choose(qtbot, path)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said[0].startswith("已导出")
    return openpyxl.load_workbook(path).active.max_row - 1


def preview(qtbot, window: MainWindow, kind: Kind, path: Path) -> ImportDialog:
    dialog = menu_button(window, kind).open_import(kind)
    dialog.load(path)
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.choose_button.isEnabled(), timeout=60_000
    )
    return dialog


# the children's roster belongs to a children's home: tests/gui/residents/test_children_roster.py
NURSING_HOME_KINDS = [k for k in Kind if k is not Kind.CHILDREN]


@pytest.mark.parametrize("kind", NURSING_HOME_KINDS, ids=[k.value for k in NURSING_HOME_KINDS])
def test_export_preview_and_import_back_for_each_kind(qtbot, window, tmp_path, kind):
    path = tmp_path / f"{kind.value}.xlsx"
    rows = export_from_the_page(qtbot, window, kind, path)
    assert rows > 0, "the demo has no rows of this kind"

    dialog = preview(qtbot, window, kind, path)
    problems = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert problems == [] and dialog.preview.valid_rows == rows
    assert dialog.write_all_button.isEnabled()
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert (dialog.report.created, dialog.report.updated) == (0, 0)
    assert dialog.report.unchanged == rows
    dialog.close()

    # one required cell emptied on the first data row (sheet row 2)
    header = next((h for h in required_headers(kind) if h != INSTITUTION), INSTITUTION)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    column = [c.value for c in sheet[1]].index(header) + 1
    sheet.cell(row=2, column=column).value = None
    broken = tmp_path / f"{kind.value}-broken.xlsx"
    book.save(broken)
    dialog = preview(qtbot, window, kind, broken)
    problem = dialog.problem_list.item(0).text()
    assert problem.startswith(f"第2行 {header}"), problem
    cell = dialog.model.index(dialog.model.row_of[2], dialog.model.column_of(header))
    assert dialog.model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    assert not dialog.write_all_button.isEnabled()
    if rows == 1:  # the demo's one institution: no valid row is left to write
        assert not dialog.write_valid_button.isEnabled()
        dialog.close()
        return
    assert dialog.write_valid_button.isEnabled()
    qtbot.mouseClick(dialog.write_valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.skipped_rows == [2]
    assert dialog.report.unchanged == rows - 1
    dialog.close()


def test_the_bed_board_follows_a_beds_import(qtbot, window, tmp_path):
    window.navigation.setCurrentRow(PAGE_KEYS.index("beds"))
    page = window.beds
    qtbot.waitUntil(lambda: page.summary.text().startswith("共"), timeout=10_000)
    before = page.summary.text()
    path = tmp_path / "beds.xlsx"
    rows = export_from_the_page(qtbot, window, Kind.BEDS, path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    new = [c.value for c in sheet[2]]
    new[headers.index("床位号")] = "新增-9"
    new[headers.index("状态")] = "空闲"
    sheet.append(new)
    book.save(path)
    dialog = preview(qtbot, window, Kind.BEDS, path)
    assert dialog.preview.valid_rows == rows + 1 and not dialog.preview.problems
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.created == 1
    dialog.close()
    qtbot.waitUntil(lambda: page.summary.text() != before, timeout=10_000)
    assert f"共 {rows + 1} 张床位" in page.summary.text()
