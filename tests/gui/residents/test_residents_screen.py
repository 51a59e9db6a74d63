"""The 住户 screen as it opens: 入住登记 ready to type the name, list columns that fit their labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mzdesk.gui.residents.resident_dialog import ResidentDialog
from tests.gui.conftest import closed, open_dialog


def test_the_admission_form_opens_with_the_cursor_in_the_name(qtbot, window):
    window.navigation.setCurrentRow(1)
    page = window.residents
    qtbot.waitUntil(lambda: page.model.idle, timeout=10_000)
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, ResidentDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(QApplication.focusWidget(), "Li")
    assert dialog.name.text() == "Li"
    dialog.name.clear()  # nothing typed: closes without asking
    dialog.reject()
    closed(qtbot, dialog)


def test_the_list_columns_fit_every_label_in_english(qtbot, window):
    from mzdesk.core.i18n import set_language
    from mzdesk.core.vocab import AbilityLevel, ResidentStatus, SupportType
    from mzdesk.gui.residents.page import ResidentsPage

    set_language("en")
    try:
        page = ResidentsPage(window.ctx)
        qtbot.addWidget(page)
        metrics = page.table.fontMetrics()
        for column, vocab in ((5, ResidentStatus), (6, SupportType), (7, AbilityLevel)):
            widest = max(metrics.horizontalAdvance(m.label) for m in vocab)
            assert page.table.columnWidth(column) >= widest + 8, vocab.__name__
        qtbot.waitUntil(lambda: page.model.idle, timeout=10_000)
    finally:
        set_language("zh")
