"""Irreversible or lossy actions ask first: 退住 (naming the person, the date and the bed),
停用床位 (with a reason, kept in the bed's history), and leaving a half-filled form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mzdesk.core.vocab import BedStatus, ResidentStatus
from mzdesk.gui.beds.history_dialog import BedHistoryDialog
from mzdesk.gui.beds.out_of_service_dialog import OutOfServiceDialog
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import DischargeDialog
from mzdesk.services.beds import list_beds
from mzdesk.services.history import audit_trail
from mzdesk.services.residents import get_resident
from tests.gui.conftest import closed, ok, open_dialog
from tests.gui.residents.test_history_and_ids import show_residents


def question(qtbot) -> QMessageBox:
    return open_dialog(qtbot, QMessageBox)


def no_question() -> bool:
    return not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_discharge_asks_first_naming_the_person_the_date_and_the_bed(qtbot, window):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    row = page.model.rows[0]
    qtbot.waitUntil(page.discharge_button.isEnabled)
    qtbot.mouseClick(page.discharge_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, DischargeDialog)
    ok(qtbot, dialog)
    box = question(qtbot)
    assert row.name in box.text() and dt.date.today().isoformat() in box.text()
    assert row.bed_label.split()[-1] in box.text() and "空闲" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    closed(qtbot, box)
    qtbot.waitUntil(lambda: "未办理退住" in dialog.errorLabel.text() and dialog.isEnabled())
    assert dialog.isVisible()  # nothing done; the form keeps what was chosen
    assert get_resident(window.ctx.store, row.id).status is not ResidentStatus.DISCHARGED
    ok(qtbot, dialog)
    box = question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, dialog)
    assert get_resident(window.ctx.store, row.id).status is ResidentStatus.DISCHARGED


def test_escape_on_a_half_filled_form_asks_before_throwing_it_away(qtbot, window):
    page = window.residents
    window.navigation.setCurrentRow(1)
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    qtbot.keyClick(details, Qt.Key.Key_Escape)  # nothing typed: closes at once
    closed(qtbot, details)
    assert no_question()

    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    qtbot.keyClicks(details.phone, "138")
    qtbot.keyClick(details, Qt.Key.Key_Escape)
    box = question(qtbot)
    assert "放弃已填写的内容" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    closed(qtbot, box)
    assert details.isVisible() and details.phone.text() == "138"
    details.close()  # closing the window asks too
    box = question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, details)


def test_taking_a_bed_out_of_service_asks_for_a_reason_kept_in_its_history(qtbot, window):
    window.navigation.setCurrentRow(2)
    beds = window.beds
    qtbot.waitUntil(lambda: bool(beds.board.entries), timeout=10_000)
    entry = next(e for e in beds.board.entries if e.bed.status is BedStatus.FREE)
    beds.set_service(entry, False)
    dialog = open_dialog(qtbot, OutOfServiceDialog)
    assert entry.bed.label in dialog.who.text()
    ok(qtbot, dialog)
    assert "停用原因：必填" in dialog.error_label.text()
    dialog.reason.setText("漏水维修")
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    store, home = window.ctx.store, window.ctx.institution.id
    status = {b.id: b.status for b in list_beds(store, home)}[entry.bed.id]
    assert status is BedStatus.OUT_OF_SERVICE
    history = [e for e in audit_trail(store, institution_id=home) if e.table == "bed_history"]
    reasons = [f.new for e in history for f in e.fields if f.field == "reason"]
    assert "漏水维修" in reasons
    beds.show_history(entry)  # 床位历史 (the tile's menu) shows why
    shown = open_dialog(qtbot, BedHistoryDialog)
    assert ["停用", "漏水维修"] in [r[2:] for r in shown.changes.rows_model.rows]
    shown.reject()
    closed(qtbot, shown)
