"""A resident's record (events in date order and the change history), corrections of dates
by an administrator, and the leave date named right — driven through the widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from mzdesk.gui.residents.correction_dialog import CorrectionDialog
from mzdesk.gui.residents.history_dialog import HistoryDialog
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import LeaveDialog
from mzdesk.gui.widgets.inputs import to_qdate
from mzdesk.services.history import audit_trail
from mzdesk.services.residents import get_resident
from tests.gui.conftest import closed, ok, open_dialog
from tests.gui.residents.test_history_and_ids import show_residents


def open_record(qtbot, page) -> HistoryDialog:
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    return open_dialog(qtbot, HistoryDialog)


def test_the_admission_form_opens_with_the_cursor_in_the_name(qtbot, window):
    page = window.residents
    window.navigation.setCurrentRow(1)
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    assert details.focusWidget() is details.name
    details.reject()
    closed(qtbot, details)


def test_a_leave_before_admission_names_the_leave_date_and_the_admission_date(qtbot, window):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    resident = get_resident(window.ctx.store, page.selected())
    qtbot.waitUntil(page.leave_button.isEnabled)
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    leave = open_dialog(qtbot, LeaveDialog)
    early = resident.admission_date - dt.timedelta(days=3)
    leave.date.setDate(to_qdate(early))
    ok(qtbot, leave)
    expected = f"外出日期：{early.isoformat()} 早于入住日期 {resident.admission_date.isoformat()}"
    qtbot.waitUntil(lambda: expected in leave.errorLabel.text(), timeout=10_000)
    leave.reject()
    closed(qtbot, leave)


def test_the_record_lists_events_in_order_and_masks_id_numbers(qtbot, window, tmp_path: Path):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    resident = get_resident(window.ctx.store, page.selected())
    record = open_record(qtbot, page)
    assert resident.name in record.windowTitle()
    events = record.events.rows_model.rows
    assert events[0][:2] == [resident.admission_date.isoformat(), "入住"]
    assert [row[0] for row in events] == sorted(row[0] for row in events)
    id_rows = [r for r in record.table.rows_model.rows if r[4] == "身份证号"]
    assert id_rows and all("********" in r[6] for r in id_rows)
    assert resident.id_number not in str(record.table.rows_model.rows)
    record.full_ids.setChecked(True)  # the administrator may look; the look is audited
    qtbot.waitUntil(lambda: resident.id_number in str(record.table.rows_model.rows))
    assert any(e.action == "reveal" for e in audit_trail(window.ctx.store, record_id=resident.id))
    assert record.grab().save(str(tmp_path / "record.png"))
    record.reject()
    closed(qtbot, record)


def test_an_administrator_corrects_the_admission_date_with_a_reason(qtbot, window):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    resident = get_resident(window.ctx.store, page.selected())
    record = open_record(qtbot, page)
    qtbot.mouseClick(record.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(getattr(record, "correction", None), CorrectionDialog))
    dialog = record.correction
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.what.currentIndex() == 0  # 入住日期
    earlier = resident.admission_date - dt.timedelta(days=2)
    dialog.date.setDate(to_qdate(earlier))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "更正原因：必填" in dialog.error_label.text(), timeout=10_000)
    dialog.reason.setText("以合同为准")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, dialog)
    assert get_resident(window.ctx.store, resident.id).admission_date == earlier
    qtbot.waitUntil(lambda: record.events.rows_model.rows[0][0] == earlier.isoformat())
    rows = record.table.rows_model.rows
    assert rows[0][3] == "更正"
    assert ["入住日期", resident.admission_date.isoformat(), earlier.isoformat()] in [
        r[4:] for r in rows
    ]
    assert ["更正原因", "", "以合同为准"] in [r[4:] for r in rows]
    record.reject()
    closed(qtbot, record)


def test_staff_see_the_record_but_cannot_correct_dates(qtbot, window_as):
    window = window_as("staff")
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    record = open_record(qtbot, page)
    assert not record.correct_button.isVisible()
    assert record.full_ids.isVisible()  # staff may reveal ID numbers (ids.reveal)
    record.reject()
    closed(qtbot, record)


def test_an_assessment_dated_before_admission_names_both_dates(qtbot, window):
    from mzdesk.gui.residents.assessment_dialog import AssessmentDialog

    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    resident = get_resident(window.ctx.store, page.selected())
    qtbot.waitUntil(page.assess_button.isEnabled)
    qtbot.mouseClick(page.assess_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, AssessmentDialog)
    for combo in dialog.answers.values():
        combo.setCurrentIndex(1)
    dialog.assessor.setText("张评估员")
    early = resident.admission_date - dt.timedelta(days=1)
    dialog.date.setDate(to_qdate(early))
    ok(qtbot, dialog)
    expected = f"评估日期：{early.isoformat()} 早于入住日期 {resident.admission_date.isoformat()}"
    qtbot.waitUntil(lambda: expected in dialog.error_label.text(), timeout=10_000)
    assert dialog.date.styleSheet()  # the date is marked
    dialog.reject()
    closed(qtbot, dialog)


def test_a_leave_correction_over_another_leave_is_refused_in_the_dialog(qtbot, window):
    from mzdesk.core.vocab import ResidentStatus
    from mzdesk.services.stays import end_leave, start_leave
    from tests.helpers.actors import SETUP

    page = show_residents(qtbot, window)
    store, today = window.ctx.store, dt.date.today()
    row = next(
        r
        for r in page.model.rows
        if r.status is ResidentStatus.IN_HOUSE and r.admission_date < today - dt.timedelta(20)
    )
    assert page.select(row.id)
    resident = get_resident(store, row.id)
    for start, back in ((12, 10), (6, 4)):
        start_leave(store, SETUP, resident.id, today - dt.timedelta(days=start))
        end_leave(store, SETUP, resident.id, today - dt.timedelta(days=back))
    record = open_record(qtbot, page)
    leaves = [r for r in record.events.rows_model.rows if r[1] == "外出"]
    assert [r[0] for r in leaves[-2:]] == [
        (today - dt.timedelta(days=12)).isoformat(),
        (today - dt.timedelta(days=6)).isoformat(),
    ]
    record.start_correction()
    dialog = record.correction
    qtbot.waitUntil(dialog.isVisible)
    first = next(
        i
        for i in range(dialog.what.count())
        if (today - dt.timedelta(days=12)).isoformat() in dialog.what.itemText(i)
    )
    dialog.what.setCurrentIndex(first)
    assert dialog.end.isVisible()
    dialog.end.setDate(to_qdate(today - dt.timedelta(days=5)))
    dialog.reason.setText("录错")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "与另一次外出" in dialog.error_label.text(), timeout=10_000)
    assert (today - dt.timedelta(days=6)).isoformat() in dialog.error_label.text()
    assert dialog.isVisible()
    dialog.reject()
    closed(qtbot, dialog)
    record.reject()
    closed(qtbot, record)
