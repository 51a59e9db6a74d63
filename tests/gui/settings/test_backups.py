"""设置 › 备份, driven through the widgets: back up now, the list, restore after a confirmation
that names the date, the settings (administrators only)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from mzdesk.gui.settings.backups_panel import RestoreConfirm
from mzdesk.store.backup import layout
from tests.gui.conftest import closed, open_dialog

SETTINGS_ROW = 7


def backups_panel(qtbot, window):
    window.navigation.setCurrentRow(SETTINGS_ROW)
    return window.settings.backups


def test_back_up_now_then_restore_after_confirming(qtbot, window):
    panel = backups_panel(qtbot, window)
    db = window.ctx.store.path
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rows_model.rowCount() == 1, timeout=20_000)
    assert "已备份并核对" in panel.status.text()
    (made,) = layout.list_backups(db)
    assert panel.table.rows_model.rows[0][1] == "手动"
    assert panel.table.rows_model.rows[0][3].startswith("已核对")
    assert panel.folder.text() == str(db.parent / "backups")
    shots = os.environ.get("MZDESK_SCREENSHOTS")
    if shots:
        window.grab().save(str(Path(shots) / "settings-backups.png"))

    assert not panel.restore_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    assert panel.restore_button.isEnabled()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    confirm = open_dialog(qtbot, RestoreConfirm)
    assert made.local_time.strftime("%Y-%m-%d %H:%M") in confirm.text()
    assert "都会丢失" in confirm.informativeText()
    if shots:
        confirm.grab().save(str(Path(shots) / "settings-restore-confirm.png"))
    with qtbot.waitSignal(panel.restored, timeout=30_000):
        confirm.restore_button.click()
    closed(qtbot, confirm)
    kinds = sorted(b.kind for b in layout.list_backups(db))
    assert kinds == ["before-restore", "manual"]


def test_cancelling_the_confirmation_restores_nothing(qtbot, window):
    panel = backups_panel(qtbot, window)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rows_model.rowCount() == 1, timeout=20_000)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    confirm = open_dialog(qtbot, RestoreConfirm)
    confirm.reject()
    closed(qtbot, confirm)
    qtbot.wait(200)
    assert [b.kind for b in layout.list_backups(window.ctx.store.path)] == ["manual"]


def test_only_administrators_restore_or_change_the_settings(qtbot, window_as):
    window = window_as("staff")
    panel = backups_panel(qtbot, window)
    assert panel.backup_button.isEnabled()
    assert not panel.restore_button.isVisible()
    assert not panel.save_button.isEnabled() and not panel.folder_button.isEnabled()


def test_the_daily_backup_a_little_after_start_and_one_on_close_when_something_changed(
    qtbot, window
):
    from mzdesk.gui.settings.backup_schedule import FIRST_CHECK_MS, BackupSchedule
    from mzdesk.services.users import NewUser, add_user

    assert FIRST_CHECK_MS >= 5_000  # off the start path: the first window does not wait
    ctx = window.ctx
    schedule = BackupSchedule(ctx, window, first_check_ms=300)
    schedule.start()
    assert schedule.first.isActive() and schedule.timer.isActive()
    assert layout.list_backups(ctx.store.path) == []  # not at start: a little later
    qtbot.waitUntil(lambda: len(layout.list_backups(ctx.store.path)) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: schedule.checked, timeout=5_000)
    assert not schedule.first.isActive() and schedule.timer.isActive()  # then every hour
    (first,) = layout.list_backups(ctx.store.path)
    assert first.kind == "daily"
    schedule.on_close()  # nothing changed since: no second backup
    assert layout.list_backups(ctx.store.path) == [first]
    add_user(ctx.store, ctx.actor, ctx.institution.id, NewUser("zhao", "赵会计", "password-1"))
    schedule.on_close()
    # a new one, and the rotation keeps the newest of the day
    (second,) = layout.list_backups(ctx.store.path)
    assert second.kind == "daily" and second.created > first.created
    assert second.counts["users"] == first.counts["users"] + 1


def test_closing_before_the_first_check_still_makes_the_days_backup(qtbot, window):
    from mzdesk.gui.settings.backup_schedule import BackupSchedule

    ctx = window.ctx
    schedule = BackupSchedule(ctx, window)  # the real delay: closed long before it
    schedule.start()
    qtbot.wait(200)
    assert not schedule.checked and layout.list_backups(ctx.store.path) == []
    schedule.on_close()
    assert not schedule.first.isActive() and not schedule.timer.isActive()
    (made,) = layout.list_backups(ctx.store.path)
    assert made.kind == "daily"
