"""打印报告 / 整改通知书 on the 安全检查 page: the selected inspection's PDF opens in the
preview (grabbed as PNG to look at); nothing selected, or nothing open, says so."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from mzdesk.gui.shell.main_window import PAGE_KEYS
from mzdesk.gui.widgets.pdf_preview import PdfPreview
from tests.helpers.inspecting import close_hazard
from tests.helpers.inspection_report import make_inspection
from tests.helpers.printing import pdf_text


def _shot(widget, name: str, tmp_path: Path) -> Path:
    out = Path(os.environ.get("MZDESK_SHOTS", tmp_path)) / f"{name}.png"
    assert widget.grab().save(str(out))
    return out


def _select(page, inspection_id) -> None:
    row = page.shown.index(inspection_id)
    index = page.inspections.model().index(row, 0)
    page.inspections.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_print_report_and_notice_from_the_page(qtbot, window, tmp_path):
    ctx = window.ctx
    printed = make_inspection(ctx.store, ctx.institution.id)
    window.navigation.setCurrentRow(PAGE_KEYS.index("inspections"))
    page = window.inspections
    qtbot.waitUntil(lambda: printed.inspection_id in page.shown, timeout=10_000)
    bar = page.printing
    page.inspections.clearSelection()
    qtbot.mouseClick(bar.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(bar.message.text()), timeout=5_000)
    assert "请先在检查记录中选择" in bar.message.text()

    _select(page, printed.inspection_id)
    qtbot.mouseClick(bar.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.preview is not None, timeout=30_000)
    preview = bar.preview
    assert isinstance(preview, PdfPreview) and preview.isVisible()
    assert bar.message.text() == ""
    assert preview.document.pageCount() >= 2
    assert "安全检查报告" in preview.windowTitle()
    assert ctx.institution.name in preview.windowTitle()
    report = preview.path
    assert stat.S_IMODE(report.stat().st_mode) == 0o600  # personal data: the user's alone
    assert "安全检查报告" in pdf_text(report) and ctx.institution.name in pdf_text(report)
    qtbot.wait(300)  # the view renders its pages asynchronously
    _shot(preview, "inspection-report-preview", tmp_path)
    _shot(window, "inspections-page-print-bar", tmp_path)
    preview.close()
    qtbot.waitUntil(lambda: not report.exists(), timeout=5_000)  # the private copy goes

    qtbot.mouseClick(bar.notice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.preview is not preview, timeout=30_000)
    notice = bar.preview
    assert notice is not None and notice.document.pageCount() == 1
    assert "整改通知书" in notice.windowTitle()
    assert "安全隐患整改通知书" in pdf_text(notice.path)
    qtbot.wait(300)
    _shot(notice, "rectification-notice-preview", tmp_path)
    notice.close()

    # an inspection with nothing open: the notice is refused with the reason
    done = make_inspection(ctx.store, ctx.institution.id)
    for hazard in done.hazard_ids:
        close_hazard(ctx.store, hazard, dt.date(2026, 3, 9), by="王")
    page.refresh()
    qtbot.waitUntil(lambda: done.inspection_id in page.shown, timeout=10_000)
    _select(page, done.inspection_id)
    qtbot.mouseClick(bar.notice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(bar.message.text()), timeout=10_000)
    assert "没有未销号的隐患" in bar.message.text()
    assert bar.preview is notice  # no new preview
