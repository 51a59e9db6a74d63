"""护理员与培训: workers added and leaving, a session with many attendees marked at once."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult, WorkerStatus
from mzdesk.gui.training.session_dialog import SessionDialog
from mzdesk.gui.training.worker_dialog import LeaveDialog, WorkerDialog
from mzdesk.gui.widgets.inputs import select_vocab, to_qdate
from mzdesk.services.training import session_detail
from mzdesk.services.workers import list_trainings, list_workers
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.people import id_number, wrong_check

PAGE = 3  # 护理员与培训 in the navigation


def shots() -> Path | None:
    """Where screens are saved to be looked at (MZDESK_SHOTS=DIR), if anywhere."""
    folder = os.environ.get("MZDESK_SHOTS")
    return Path(folder) if folder else None


def grab(widget, name: str) -> None:
    folder = shots()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(folder / f"{name}.png"))


def press(qtbot, dialog) -> None:
    """Click a dialog's OK button, whatever it says (确认离职, 保存…)."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def show_page(qtbot, window):
    window.navigation.setCurrentRow(PAGE)
    page = window.workers
    qtbot.waitUntil(lambda: bool(page.workers.all), timeout=10_000)
    return page


def test_add_worker_checks_the_id_then_leave_keeps_the_record(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    before = len(list_workers(store, institution.id))
    qtbot.mouseClick(page.workers.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, WorkerDialog)
    dialog.name.setText("测试护理员")
    good = id_number(dt.date(1980, 3, 4), male=False)
    dialog.id_number.setText(wrong_check(good))
    dialog.hired_on.setDate(to_qdate(dt.date(2024, 5, 1)))
    ok(qtbot, dialog)
    # the wrong check digit is named at the field; nothing is written, the dialog stays
    qtbot.waitUntil(lambda: "身份证号" in dialog.error_label.text())
    assert dialog.isVisible() and dialog.fields["id_number"].styleSheet()
    assert len(list_workers(store, institution.id)) == before
    grab(dialog, "worker-dialog-problem")
    dialog.id_number.setText(good)
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    workers = list_workers(store, institution.id)
    added = next(w for w in workers if w.name == "测试护理员")
    assert added.occupation is Occupation.CARE_WORKER and added.hired_on == dt.date(2024, 5, 1)
    qtbot.waitUntil(lambda: page.workers.selected() is not None)
    assert page.workers.selected().id == added.id

    # found by pinyin initials (测试护理员 → csh…)
    page.workers.search.setText("cshl")
    assert [w.name for w in page.workers.shown] == ["测试护理员"]
    for typed in ("ceshi", "ceshih", "ce shi hu li"):  # and by full pinyin and mixes
        page.workers.search.setText(typed)
        assert [w.name for w in page.workers.shown] == ["测试护理员"], typed
    page.workers.search.setText("cshl")
    page.workers.table.selectRow(0)
    qtbot.mouseClick(page.workers.leave_button, Qt.MouseButton.LeftButton)
    leave = open_dialog(qtbot, LeaveDialog)
    leave.left_on.setDate(to_qdate(dt.date(2024, 4, 1)))  # before 入职日期: refused at the field
    press(qtbot, leave)
    qtbot.waitUntil(lambda: "离职日期" in leave.error_label.text())
    grab(leave, "leave-dialog-problem")
    leave.left_on.setDate(to_qdate(dt.date(2025, 6, 30)))
    press(qtbot, leave)
    closed(qtbot, leave)
    kept = next(
        w for w in list_workers(store, institution.id, include_left=True) if w.id == added.id
    )
    assert kept.status is WorkerStatus.LEFT  # the record is kept
    qtbot.waitUntil(lambda: page.workers.shown == [])  # leavers hidden by default
    page.workers.show_left.setChecked(True)
    assert [w.status for w in page.workers.shown] == [WorkerStatus.LEFT]
    grab(window, "workers-tab-leaver")

    # a leaver's 离职日期 can be corrected in the edit form
    page.workers.table.selectRow(0)
    qtbot.mouseClick(page.workers.edit_button, Qt.MouseButton.LeftButton)
    edit = open_dialog(qtbot, WorkerDialog)
    assert edit.left_on is not None and edit.left_on.date() == to_qdate(dt.date(2025, 6, 30))
    edit.left_on.setDate(to_qdate(dt.date(2025, 7, 31)))
    ok(qtbot, edit)
    closed(qtbot, edit)
    left = next(
        w for w in list_workers(store, institution.id, include_left=True) if w.id == added.id
    )
    assert (left.status, left.left_on) == (WorkerStatus.LEFT, dt.date(2025, 7, 31))

    # 撤销离职 (a leave entered in error), asked first
    qtbot.waitUntil(lambda: page.workers.rejoin_button.isEnabled())
    qtbot.mouseClick(page.workers.rejoin_button, Qt.MouseButton.LeftButton)
    box = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [w.status for w in page.workers.shown] == [WorkerStatus.ACTIVE])
    assert added.id in {w.id for w in list_workers(store, institution.id)}


def test_a_session_with_twelve_attendees_marked_at_once(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = show_page(qtbot, window)
    page.tabs.setCurrentWidget(page.sessions)
    qtbot.mouseClick(page.sessions.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, SessionDialog)
    picker = dialog.picker
    assert picker is not None
    active = list_workers(store, institution.id)
    assert len(picker.workers) == len(active) >= 12
    press(qtbot, dialog)  # nobody ticked: refused, named
    qtbot.waitUntil(lambda: "勾选" in dialog.error_label.text())
    dialog.topic.setText("十二人签到测试培训")
    select_vocab(dialog.category, TrainingCategory.ON_JOB)
    dialog.start_date.setDate(to_qdate(dt.date(2025, 3, 10)))
    assert dialog.end_date.date() == to_qdate(dt.date(2025, 3, 10))  # follows the start
    dialog.hours.setValue(4.0)
    chosen = picker.workers[:12]
    picker.select_occupation.click()  # every 养老护理员 …
    assert dialog.error_label.text() == ""  # the refusal went once someone was ticked
    picker.select_none.click()  # … then nobody again
    assert picker.ticked() == []
    for worker in chosen:
        picker.tick_worker(worker.id)
    picker.set_result(chosen[3].id, TrainingResult.FAILED)
    picker.hours[1].setValue(2.0)  # one attended half
    assert "12" in picker.count.text()
    grab(dialog, "session-dialog")
    dialog.topic.setText("  ")  # no topic: named at the field by the service, nothing written
    press(qtbot, dialog)
    qtbot.waitUntil(lambda: "主题" in dialog.error_label.text())
    assert dialog.isVisible() and dialog.topic.styleSheet()
    dialog.topic.setText("十二人签到测试培训")
    press(qtbot, dialog)
    closed(qtbot, dialog)
    session = next(
        t for t in list_trainings(store, institution.id) if t.topic == "十二人签到测试培训"
    )
    assert (session.attendees, session.passed, session.hours) == (12, 11, 4)
    marked = {a.worker_id: a for a in session_detail(store, session.id).attendees}
    assert set(marked) == {w.id for w in chosen}  # one write for the whole list
    assert marked[chosen[3].id].result is TrainingResult.FAILED
    assert marked[chosen[1].id].hours_credited == Decimal(2)  # changed by hand
    assert marked[chosen[0].id].hours_credited == Decimal(4)  # the session's hours
    qtbot.waitUntil(lambda: page.sessions.selected() == session.id)
    grab(page, "sessions-tab")
