"""设置 → 安全: who can open the database here, the recovery sheet's reminder and printing."""

from __future__ import annotations

import datetime as dt
import stat

from PySide6.QtCore import Qt

from mzdesk.gui.widgets.recovery_sheet import RecoverySheetPreview
from tests.gui.conftest import closed, open_dialog
from tests.helpers.printing import pdf_text


def test_an_administrator_sees_who_can_open_the_database_and_prints_the_sheet(
    qtbot, window, tmp_path
):
    reminder = window.home.recovery_reminder
    qtbot.waitUntil(reminder.isVisible, timeout=10_000)  # 首页 reminds too
    window.navigation.setCurrentRow(7)
    panel = window.settings.security
    assert panel is not None
    qtbot.waitUntil(lambda: "admin" in panel.holders.text(), timeout=10_000)
    assert "可以在本电脑上打开数据库的账号" in panel.holders.text()
    assert "尚未打印恢复单" in panel.recovery.text()  # the reminder, until it is printed
    store = window.ctx.store
    assert store.key is not None
    secret = store.key.hex()
    assert secret not in panel.holders.text()

    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    preview = open_dialog(qtbot, RecoverySheetPreview)
    preview.save_to(str(tmp_path / "sheet.pdf"))
    today = dt.date.today().isoformat()
    qtbot.waitUntil(lambda: today in panel.recovery.text(), timeout=10_000)
    assert "恢复单上次打印" in panel.recovery.text()
    assert store.key_slots().recovery_printed == today
    sheet = preview.path
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600  # the database's key: the user's alone
    assert "恢复密钥单" in pdf_text(sheet)
    preview.accept()
    closed(qtbot, preview)
    assert not sheet.exists()
    window.navigation.setCurrentRow(0)
    window.home.refresh()
    qtbot.waitUntil(lambda: not reminder.isVisible(), timeout=10_000)


def test_only_administrators_see_the_security_panel(qtbot, window_as):
    main = window_as("readonly")
    assert main.settings.security is None
    assert not main.home.recovery_reminder.isVisible()
