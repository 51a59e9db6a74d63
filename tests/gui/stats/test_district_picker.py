"""统计: the district picker completes names and codes; an unknown code says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def open_stats(qtbot, window):
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    page.institution.setCurrentIndex(0)  # 全部机构
    return page


def offered(qtbot, page, typed: str) -> list[str]:
    """Type as a Chinese input method does (a committed string; QTest types ASCII only)."""
    page.region.clear()
    page.region.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(typed)
    QApplication.sendEvent(page.region, event)
    completer = page.region.completer()
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen completer popup
def test_typing_a_name_offers_the_district_with_its_code(qtbot, window):
    page = open_stats(qtbot, window)
    assert offered(qtbot, page, "崂山") == ["崂山区 370212"]
    assert "市北区 370203" in offered(qtbot, page, "3702")
    page.region.completer().popup().hide()
    page.region.setText("崂山区 370212")
    page.view = None
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    assert page.view.scope.region_prefix == "370212"
    assert page.view.figures.institutions == 1  # the demo's home is in 崂山区


def test_an_unknown_code_says_so_instead_of_an_empty_table(qtbot, window):
    page = open_stats(qtbot, window)
    page.region.setText("370299")
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未知的区划代码 370299" in page.sentence.text(), timeout=15_000)
    assert page.view is None and page.table.rows_model.rowCount() == 0
    # nothing left of the last scope's figures to be read as this code's
    assert page.type_view.names == [] and page.group_view.names == []
    assert page.trend_view.months == []
    assert page.homes.isHidden() and page.training.isHidden()
    page.region.setText("370200")  # 青岛市 by its 6-digit code: its districts' prefix
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    assert page.view.scope.region_prefix == "3702" and page.view.figures.institutions == 1
