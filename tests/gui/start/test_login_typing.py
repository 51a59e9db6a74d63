"""The login as it is typed: after a wrong password, retyping goes into the password field."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start.dialogs import LoginDialog
from mzdesk.gui.start.flow import log_in
from mzdesk.services.institutions import list_institutions
from tests.gui.conftest import open_dialog


def test_after_a_wrong_password_the_retyped_password_goes_into_the_field(qtbot, loop, demo_store):
    worker = Worker()
    institution = list_institutions(demo_store)[0]
    login = asyncio.ensure_future(log_in(demo_store, worker, institution))
    dialog = open_dialog(qtbot, LoginDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    if not dialog.username.text():
        qtbot.keyClicks(QApplication.focusWidget(), "admin")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不正确" in dialog.error_label.text(), timeout=10_000)
    qtbot.waitUntil(dialog.isEnabled, timeout=5_000)
    assert dialog.password.text() == ""  # the wrong one is gone, not hidden behind dots
    assert QApplication.focusWidget() is dialog.password
    # staff click into the field before retyping: what they type must be the whole password
    qtbot.mouseClick(dialog.password, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.password, "demo1234")
    assert dialog.password.text() == "demo1234"
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(login.done, timeout=10_000)
    assert login.result().username == "admin"
    worker.shutdown()
