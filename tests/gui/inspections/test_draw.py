"""双随机抽取 in the app: the page's button opens the draws window; a new draw is made through
the form (problems shown by field), listed, shown with its homes and inspectors, and exported."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from mzdesk.gui.inspections.draw import DrawsDialog, NewDrawDialog, inspector_names
from mzdesk.gui.shell.main_window import MainWindow
from tests.gui.conftest import open_dialog


def _inspections_page(window: MainWindow):
    from mzdesk.gui.inspections.page import InspectionsPage

    page = window.inspections  # built on first use
    assert isinstance(page, InspectionsPage)
    return page


def test_a_draw_is_made_listed_and_exported(qtbot, window, tmp_path):
    assert inspector_names("张三、李四\n王五, 赵六") == ["张三", "李四", "王五", "赵六"]
    page = _inspections_page(window)
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    draws = open_dialog(qtbot, DrawsDialog)
    qtbot.waitUntil(lambda: "还没有抽取记录" in draws.summary.text(), timeout=10_000)
    assert not draws.export_button.isEnabled()

    qtbot.mouseClick(draws.new_button, Qt.MouseButton.LeftButton)
    form = open_dialog(qtbot, NewDrawDialog)
    assert form.region.text() == (window.ctx.institution.region_code or "")
    form.count.setValue(5)  # the demo region has one home
    form.inspectors.setPlainText("张三\n李四\n王五")
    form.accept()
    qtbot.waitUntil(lambda: "只有 1 家机构" in form.error_label.text(), timeout=10_000)
    shots = Path(os.environ.get("MZDESK_TEST_SHOTS", tmp_path))  # to look at them
    shots.mkdir(exist_ok=True)
    assert form.grab().save(str(shots / "draw-form-problem.png"))
    form.count.setValue(1)
    form.seed.setText("20261202")
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: draws.homes.rows_model.rowCount() == 1, timeout=10_000)
    assert "随机种子 20261202" in draws.summary.text()
    assert draws.export_button.isEnabled()
    assert draws.grab().save(str(shots / "draws-window.png"))

    out = tmp_path / "draw.xlsx"
    draw = draws.selected()
    assert draw is not None and draw.id is not None
    from mzdesk.gui.runtime.tasks import spawn

    spawn(draws._write(draw.id, out, False))
    qtbot.waitUntil(lambda: "已导出 1 家" in draws.message.text(), timeout=10_000)
    rows = list(openpyxl.load_workbook(out)["抽查名单"].iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == window.ctx.institution.name and len(rows[0][3].split("、")) == 2
    draws.close()
