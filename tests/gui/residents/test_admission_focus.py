"""入住登记 opens ready to type the name."""

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
