"""Excel in and out from the app (issue 14): every roster kind is offered on a page that keeps
it; a residents roster is chosen through the file dialog, previewed with its problems, its
valid rows written (the list refreshes) and the skipped rows saved as a report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import func, select

from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.widgets.import_dialog import ImportDialog
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import Kind
from mzdesk.store.models import Resident
from tests.gui.conftest import open_dialog
from tests.helpers.people import id_number

SHOTS = Path(__file__).parents[3] / "build" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
HEADER = ["姓名", "身份证号", "性别", "出生日期", "入住日期", "供养类型"]


def residents_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def every_page(window: MainWindow) -> None:
    """Build every page (the window builds a page the first time it is shown)."""
    for key in PAGE_KEYS:
        window.page(key)


def menu_button(page, kind: Kind) -> TableMenuButton:
    if isinstance(page, MainWindow):
        every_page(page)
    return next(b for b in page.findChildren(TableMenuButton) if kind in b.kinds)


def menu_action(button: TableMenuButton, kind: Kind, text: str):
    sub = next(a.menu() for a in button.menu().actions() if a.text() == kind.label)
    return next(a for a in sub.actions() if a.text() == text)


def visible_file_dialog() -> QFileDialog:
    return next(
        w
        for w in QApplication.allWidgets()
        if isinstance(w, QFileDialog) and shiboken6.isValid(w) and w.isVisible()
    )


def choose(qtbot, path: Path) -> None:
    """Type the file's path into the open file dialog and accept it."""
    qtbot.waitUntil(
        lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.allWidgets())
    )
    chooser = visible_file_dialog()
    chooser.selectFile(str(path))
    chooser.accept()


def test_every_roster_kind_is_offered_in_the_main_window(window: MainWindow):
    every_page(window)  # as a user who visits every page
    offered = {
        action.text()
        for button in window.findChildren(TableMenuButton)
        for action in button.menu().actions()
    }
    # a nursing home's window: every kind but the children's roster (a children's home's,
    # tests/gui/residents/test_children_roster.py)
    missing = sorted(
        kind.label for kind in Kind if kind is not Kind.CHILDREN and kind.label not in offered
    )
    assert missing == [], f"no 导入/导出 for {missing}"
    assert Kind.CHILDREN.label not in offered


def test_residents_roster_imports_from_the_residents_page(qtbot, window: MainWindow, tmp_path):
    window.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
    page = window.residents
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    before = page.model.rowCount()
    path = residents_sheet(
        tmp_path / "住户名册.xlsx",
        [
            ["导入甲", id_number(dt.date(1941, 2, 3)), "男", "1941-02-03", "2026-01-05", "自费"],
            ["导入乙", "123", "女", "1942-03-04", "2026-01-06", "自费"],  # a wrong ID number
            [
                "导入丙",
                id_number(dt.date(1943, 4, 5), male=False),
                "女",
                "1943-04-05",
                "2099-01-01",
                "外星",
            ],
        ],
    )
    button = menu_button(page, Kind.RESIDENTS)
    menu_action(button, Kind.RESIDENTS, "导入…").trigger()
    dialog = open_dialog(qtbot, ImportDialog)
    assert dialog.windowTitle() == "导入住户"
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    choose(qtbot, path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.choose_button.isEnabled())
    problems = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any(p.startswith("第3行 身份证号") for p in problems), problems
    assert any(p.startswith("第4行 供养类型") for p in problems), problems
    assert "共3行：1行无误，2行有问题" in dialog.summary.text()
    dialog.resize(1024, 700)
    assert dialog.grab().save(str(SHOTS / "import-residents-problems-1024.png"))
    qtbot.mouseClick(dialog.write_valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.skipped_rows == [3, 4]
    # the list behind the dialog follows the import
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10_000)
    # what was skipped, by row and column, saved for the person who fixes the sheet
    assert dialog.problems_button.isEnabled()
    qtbot.mouseClick(dialog.problems_button, Qt.MouseButton.LeftButton)
    report_path = tmp_path / "skipped.xlsx"
    choose(qtbot, report_path)
    qtbot.waitUntil(lambda: "skipped.xlsx" in dialog.result_label.text(), timeout=10_000)
    rows = list(openpyxl.load_workbook(report_path).active.iter_rows())
    assert [c.value for c in rows[0]] == ["行号", "列", "内容", "问题"]
    found = {(r[0].value, r[1].value): (r[2].value, r[3].value) for r in rows[1:]}
    assert found[(3, "身份证号")][0] == "123"
    assert found[(4, "供养类型")][0] == "外星"
    assert all(r[0].data_type == "n" for r in rows[1:])  # row numbers are numbers
    dialog.close()


def test_a_big_residents_roster_shows_progress_and_cancel_writes_nothing(
    qtbot, window: MainWindow, tmp_path
):
    rows: list[list[object]] = [
        [
            f"批量{i}",
            id_number(dt.date(1930 + i % 30, 1 + i % 12, 1 + i % 28), male=i % 2 == 0),
            "男" if i % 2 == 0 else "女",
            None,
            "2026-01-05",
            "自费",
        ]
        for i in range(5000)
    ]
    path = residents_sheet(tmp_path / "big.xlsx", rows)
    page = window.residents
    dialog = menu_button(page, Kind.RESIDENTS).open_import(Kind.RESIDENTS)
    # Cancel while the file is being checked: nothing to write, the file can be chosen again
    stop = dialog.cancel_button.click
    dialog._progress.moved.connect(stop)
    dialog.load(path)
    qtbot.waitUntil(lambda: "已取消" in dialog.result_label.text(), timeout=120_000)
    assert dialog.preview is None and not dialog.write_all_button.isEnabled()
    assert dialog.choose_button.isEnabled()
    dialog._progress.moved.disconnect(stop)
    seen: list[tuple[int, int]] = []
    dialog._progress.moved.connect(lambda _p, done, total: seen.append((done, total)))
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=120_000)
    assert dialog.preview.valid_rows == 5000, dialog.problem_list.item(0).text()
    assert seen and seen[-1][1] >= 5000  # the preview moved the bar
    count_before = page.model.rowCount()
    shown: list[bool] = []

    def cancel_at_first_step(*_: object) -> None:
        shown.append(dialog.cancel_button.isVisible() and dialog.progress_bar.isVisible())
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog._progress.moved.connect(cancel_at_first_step)
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消导入" in dialog.result_label.text(), timeout=120_000)
    assert dialog.report is None and shown and all(shown)
    dialog.close()
    with window.ctx.store.read() as session:
        written = session.scalar(
            select(func.count()).select_from(Resident).where(Resident.name.like("批量%"))
        )
    assert written == 0
    assert page.model.rowCount() == count_before
