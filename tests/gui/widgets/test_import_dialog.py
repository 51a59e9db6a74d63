"""The generic import dialog: a chosen file's rows with each problem at its cell, write all
only when nothing is wrong, write the valid rows with a report, Cancel, and the 导入/导出
button's export and template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.widgets.import_dialog import ImportDialog
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.services.workers import list_trainings
from tests.helpers.actors import SETUP
from tests.services.tables.staff import LEDGER_HEADER, PEOPLE, sheet, workers_sheet

(A, NA), (B, NB), (C, NC) = PEOPLE
FIRE = ["消防安全培训", "消防", "2026-03-05", None, "2学时", "刘教官", "二楼会议室"]
SHOTS = Path(__file__).parents[3] / "build" / "screenshots"


@pytest.fixture
def ctx(qtbot, loop, store, home, tmp_path) -> Iterator[AppContext]:
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    worker = Worker()
    yield AppContext(store, worker, home, None, store.path or tmp_path)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    worker.shutdown()


def ledger(tmp_path: Path) -> Path:
    rows = [
        [*LEDGER_HEADER, "签名"],
        [*FIRE, A, NA, None, None],
        [*FIRE, "王小强", NB, "合格", None],
        [*FIRE, C, NC, "优秀", None],
        ["照护技能", "讲座", "2026-04-01", "2026-03-30", "两小时", None, None, A, NA, None, None],
    ]
    return sheet(tmp_path / "签到表.xlsx", rows, title="2026年培训签到表")


def open_on(qtbot, ctx, kind, path) -> ImportDialog:
    dialog = ImportDialog(ctx, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.choose_button.isEnabled())
    return dialog


def test_preview_marks_each_problem_at_its_cell_and_writes_only_the_valid_rows(
    qtbot, ctx, tmp_path
):
    dialog = open_on(qtbot, ctx, Kind.TRAINING, ledger(tmp_path))
    model = dialog.model
    assert model.headers[:3] == ["行号", "培训主题", "培训类别"]
    assert [model.data(model.index(r, 0)) for r in range(4)] == ["3", "4", "5", "6"]
    bad = model.index(2, model.headers.index("考核结果"))  # sheet row 5
    assert model.data(bad) == "优秀"
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None
    assert "不是有效值" in model.data(bad, Qt.ItemDataRole.ToolTipRole)
    fine = model.index(0, model.headers.index("考核结果"))
    assert model.data(fine, Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.problem_list.count() == 5
    assert dialog.problem_list.item(0).text().startswith("第4行 姓名: 身份证号")
    assert "共4行：1行无误，3行有问题" in dialog.summary.text()
    assert "签名" in dialog.summary.text()
    assert not dialog.write_all_button.isEnabled() and dialog.write_valid_button.isEnabled()
    dialog.problem_list.setCurrentRow(1)  # jumps to the cell
    assert dialog.table.currentIndex() == model.index(2, model.headers.index("考核结果"))
    dialog.resize(1100, 560)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "import-preview-problems.png"))
    assert list_trainings(ctx.store, ctx.institution.id) == []  # the preview wrote nothing
    reports = []
    dialog.imported.connect(reports.append)
    qtbot.mouseClick(dialog.write_valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reports))
    assert (reports[0].created, reports[0].skipped_rows) == (1, [4, 5, 6])
    assert "新增1" in dialog.result_label.text() and "跳过3行" in dialog.result_label.text()
    assert not dialog.write_valid_button.isEnabled()
    (session,) = list_trainings(ctx.store, ctx.institution.id)
    assert (session.topic, session.attendees) == ("消防安全培训", 1)
    assert dialog.grab().save(str(SHOTS / "import-written.png"))


def test_write_all_only_when_every_row_is_valid(qtbot, ctx, tmp_path):
    path = sheet(
        tmp_path / "ok.xlsx", [LEDGER_HEADER, [*FIRE, A, NA, None], [*FIRE, B, NB, "缺席"]]
    )
    dialog = open_on(qtbot, ctx, Kind.TRAINING, path)
    assert dialog.write_all_button.isEnabled() and not dialog.write_valid_button.isEnabled()
    assert dialog.problem_list.count() == 0
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    (session,) = list_trainings(ctx.store, ctx.institution.id)
    assert (session.attendees, session.passed) == (2, 1)


def test_an_unreadable_file_is_said_and_nothing_can_be_written(qtbot, ctx, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    dialog = open_on(qtbot, ctx, Kind.CERTIFICATES, path)
    assert "另存为 .xlsx" in dialog.problem_list.item(0).text()
    assert dialog.summary.text() == "无法导入这个文件。"
    assert not dialog.write_all_button.isEnabled() and not dialog.write_valid_button.isEnabled()


def test_cancel_stops_a_big_import_and_nothing_is_written(qtbot, ctx, tmp_path):
    rows = [LEDGER_HEADER] + [
        [f"课程{i}", "在岗", "2026-03-05", None, 1, None, None, A, NA, None] for i in range(600)
    ]
    dialog = open_on(qtbot, ctx, Kind.TRAINING, sheet(tmp_path / "big.xlsx", rows))
    assert dialog.write_all_button.isEnabled()
    # cancel as soon as the writer reports its first step
    dialog._progress.moved.connect(lambda *_: dialog.cancel_button.click())
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消导入" in dialog.result_label.text(), timeout=20_000)
    assert dialog.report is None
    assert list_trainings(ctx.store, ctx.institution.id) == []
    assert dialog.write_all_button.isEnabled()  # can try again


def test_the_menu_button_imports_exports_and_writes_templates(qtbot, ctx, tmp_path):
    button = TableMenuButton(ctx, [Kind.WORKERS, Kind.CERTIFICATES, Kind.TRAINING])
    qtbot.addWidget(button)
    menus = [a.text() for a in button.menu().actions()]
    assert menus == ["护理员", "证书", "培训"]
    actions = [a.text() for a in button.menu().actions()[2].menu().actions()]
    assert actions == ["导入…", "导出…", "空白模板…"]
    messages: list[str] = []
    button.message.connect(messages.append)
    button.ask_export(Kind.WORKERS)
    chooser = next(w for w in button.findChildren(QFileDialog) if w.isVisible())
    chooser.fileSelected.emit(str(tmp_path / "workers.xlsx"))
    chooser.close()
    button.ask_template(Kind.TRAINING)
    chooser = next(w for w in button.findChildren(QFileDialog) if w.isVisible())
    chooser.fileSelected.emit(str(tmp_path / "t.csv"))
    chooser.close()
    qtbot.waitUntil(lambda: len(messages) == 2)
    assert sorted(m[:6] for m in messages) == ["已导出3行到", "模板已保存到"]
    rows = list(openpyxl.load_workbook(tmp_path / "workers.xlsx").active.values)
    assert {r[2] for r in rows[1:]} == {NA, NB, NC}
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("机构名称,培训主题")
    dialog = button.open_import(Kind.CERTIFICATES)
    assert dialog.isVisible() and dialog.windowTitle() == "导入证书"
    dialog.close()
