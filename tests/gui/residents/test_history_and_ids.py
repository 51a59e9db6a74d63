"""历史 on a resident, and full ID numbers revealed only through the audited service."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from mzdesk.gui.residents.history_dialog import HistoryDialog
from mzdesk.gui.residents.model import ID_COLUMN
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.services.history import audit_trail
from mzdesk.services.residents import resident_details
from tests.gui.conftest import closed, ok, open_dialog


def reveals(store, resident_id) -> int:
    return sum(e.action == "reveal" for e in audit_trail(store, record_id=resident_id))


def history_button(dialog: ResidentDialog) -> QPushButton:
    buttons = dialog.findChild(QDialogButtonBox)
    return next(b for b in buttons.buttons() if b.text() == "历史")


def show_residents(qtbot, window):
    """The 住户 page, once its list has loaded (it loads on a reader thread when shown)."""
    window.navigation.setCurrentRow(1)
    page = window.residents
    qtbot.waitUntil(lambda: page.model.idle and page.model.rowCount() > 0, timeout=10_000)
    return page


def test_the_history_lists_the_change_just_made(qtbot, window, tmp_path: Path):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    resident = page.model.rows[0]
    _, before = resident_details(window.ctx.store, resident.id)

    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    details.phone.setText("13912345678")
    ok(qtbot, details)
    closed(qtbot, details)
    _, after = resident_details(window.ctx.store, resident.id)
    assert after.phone == "13912345678"
    # fields the dialog does not show are kept (the history showed 护理等级 being cleared)
    assert (after.care_level, after.education) == (before.care_level, before.education)

    qtbot.waitUntil(lambda: page.select(resident.id), timeout=10_000)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    history = open_dialog(qtbot, HistoryDialog)
    assert resident.name in history.windowTitle()
    rows = history.table.rows_model.rows
    newest = rows[0]
    assert newest[1] == window.ctx.user.display_name  # who
    assert newest[2] == "住户" and newest[3] == "修改"
    assert rows[0][4:] == ["联系电话", before.phone or "", "13912345678"]
    assert rows[1][0] != ""  # the edit changed nothing else
    assert len(newest[0]) == len("2026-01-01 08:00")
    assert any(r[3] == "新建" for r in rows)  # the admission, further down
    assert history.grab().save(str(tmp_path / "history.png"))  # keep with --basetemp=DIR
    history.reject()
    closed(qtbot, history)

    # the resident dialog offers it too
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    qtbot.mouseClick(history_button(details), Qt.MouseButton.LeftButton)
    again = open_dialog(qtbot, HistoryDialog)
    assert again.table.rows_model.rows[0] == newest
    again.reject()
    closed(qtbot, again)
    details.reject()
    closed(qtbot, details)


def test_ticking_full_ids_asks_the_audited_service(qtbot, window):
    page = show_residents(qtbot, window)
    store = window.ctx.store
    assert page.full_ids.isEnabled()
    loaded = list(page.model.rows)
    first = loaded[0]
    before = reveals(store, first.id)
    assert "********" in page.model.data(page.model.index(0, ID_COLUMN))

    page.full_ids.setChecked(True)
    qtbot.waitUntil(
        lambda: page.model.data(page.model.index(0, ID_COLUMN)) == first.id_number,
        timeout=10_000,
    )
    assert reveals(store, first.id) == before + 1
    assert reveals(store, loaded[-1].id) >= 1  # every row loaded, one entry each
    entry = next(e for e in audit_trail(store, record_id=first.id) if e.action == "reveal")
    assert entry.user_name == window.ctx.user.display_name

    page.full_ids.setChecked(False)
    assert "********" in page.model.data(page.model.index(0, ID_COLUMN))
    page.full_ids.setChecked(True)  # another look, recorded again
    qtbot.waitUntil(lambda: reveals(store, first.id) == before + 2, timeout=10_000)


def test_a_role_without_ids_reveal_cannot_tick_full_ids(qtbot, window_as):
    window = window_as("inspector")
    page = show_residents(qtbot, window)
    assert not page.full_ids.isEnabled()
    assert "查看完整身份证号" in page.full_ids.toolTip()
    assert "检查员" in page.full_ids.toolTip()
    assert all("********" in page.model.data(page.model.index(r, ID_COLUMN)) for r in range(5))
