"""A worker's page (certificates, history, hours) and an open session (results changed
afterwards, attendees added and removed), driven through the widgets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mzdesk.core.vocab import SkillLevel, TrainingCategory, TrainingResult
from mzdesk.gui.training.certificate_dialog import CertificateDialog
from mzdesk.gui.training.history_dialog import HistoryDialog
from mzdesk.gui.training.requirements_dialog import RequirementsDialog
from mzdesk.gui.training.session_dialog import SessionDialog
from mzdesk.gui.training.session_page import AttendanceDialog, AttendeesDialog, SessionPage
from mzdesk.gui.training.worker_dialog import WorkerDialog
from mzdesk.gui.training.worker_page import WorkerPage
from mzdesk.gui.widgets.inputs import select_vocab, to_qdate
from mzdesk.services.history import audit_trail
from mzdesk.services.training import session_detail, worker_detail
from mzdesk.services.workers import Attendee, TrainingData, list_workers, record_training_session
from tests.gui.conftest import closed, ok, open_dialog
from tests.gui.training.test_workers_and_sessions import grab, press, show_page
from tests.helpers.actors import SETUP


def test_worker_page_certificates_and_particulars(qtbot, window):
    store = window.ctx.store
    page = show_page(qtbot, window)
    worker = page.workers.shown[5]
    page.workers.select(worker.id)
    qtbot.mouseClick(page.workers.open_button, Qt.MouseButton.LeftButton)
    sheet = open_dialog(qtbot, WorkerPage)
    assert sheet.detail.worker.id == worker.id
    before = len(sheet.detail.certificates)
    trained = len(sheet.detail.training)
    assert sheet.training.model().rowCount() == trained

    # 新增证书, 长期 (no expiry)
    qtbot.mouseClick(sheet.add_certificate, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, CertificateDialog)
    dialog.name.setCurrentText("职业技能等级证书")
    dialog.number.setText("GD-2024-0001")
    select_vocab(dialog.skill_level, SkillLevel.LEVEL3)
    dialog.issuer.setText("广东省人力资源和社会保障厅")
    dialog.issued_on.setDate(to_qdate(dt.date(2024, 1, 5)))
    dialog.no_expiry.setChecked(True)
    grab(dialog, "certificate-dialog")
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(lambda: len(sheet.detail.certificates) == before + 1)
    added = next(c for c in sheet.detail.certificates if c.number == "GD-2024-0001")
    assert added.expires_on is None and added.counts_as_skill
    assert sheet.detail.worker.skill_level is SkillLevel.LEVEL3  # raised by the certificate
    row = sheet.detail.certificates.index(added)
    assert sheet.certificates.rows_model.text(row, 5) == "长期"
    grab(sheet, "worker-page")
    sheet.tabs.setCurrentIndex(1)
    grab(sheet, "worker-page-training")
    # a training record opens its session, over the worker's page
    record = sheet.detail.training[0]
    sheet.training.doubleClicked.emit(sheet.training.model().index(0, 1))
    session = open_dialog(qtbot, SessionPage)
    assert session.detail.id == record.session_id and session.parent() is sheet
    assert worker.id in {a.worker_id for a in session.detail.attendees}
    session.close()
    closed(qtbot, session)
    sheet.tabs.setCurrentIndex(0)

    # 修改证书: an expiry before the issue date is refused at the field, then corrected
    sheet.certificates.selectRow(row)
    qtbot.mouseClick(sheet.edit_certificate, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, CertificateDialog)
    assert dialog.no_expiry.isChecked()
    dialog.no_expiry.setChecked(False)
    dialog.expires_on.setDate(to_qdate(dt.date(2023, 1, 1)))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "有效期至" in dialog.error_label.text())
    dialog.expires_on.setDate(to_qdate(dt.date(2030, 1, 4)))
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(
        lambda: any(c.expires_on == dt.date(2030, 1, 4) for c in sheet.detail.certificates)
    )

    # 删除证书 (asked first)
    row = next(i for i, c in enumerate(sheet.detail.certificates) if c.number == "GD-2024-0001")
    sheet.certificates.selectRow(row)
    qtbot.mouseClick(sheet.remove_certificate, Qt.MouseButton.LeftButton)
    box = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sheet.detail.certificates) == before)
    assert len(worker_detail(store, worker.id).certificates) == before

    # 编辑资料 from the worker's page: the phone is changed, the page follows
    qtbot.mouseClick(sheet.edit_button, Qt.MouseButton.LeftButton)
    edit = open_dialog(qtbot, WorkerDialog)
    assert edit.name.text() == worker.name and edit.id_number.text() == worker.id_number
    edit.phone.setText("13800138000")
    ok(qtbot, edit)
    closed(qtbot, edit)
    qtbot.waitUntil(lambda: sheet.detail.worker.phone == "13800138000")
    assert "13800138000" in sheet.particulars.text()

    # 历史: the particulars and the certificate, removed too
    qtbot.mouseClick(sheet.history_button, Qt.MouseButton.LeftButton)
    history = open_dialog(qtbot, HistoryDialog)
    records = {row[2] for row in history.rows}
    assert "证书：职业技能等级证书" in records and "护理员" in records
    assert any(row[3] == "删除" for row in history.rows)
    assert any(row[6] == "13800138000" for row in history.rows)  # the phone, from what to what
    grab(history, "worker-history")
    history.close()
    sheet.close()


def _session(store, institution_id, workers, n: int):
    return record_training_session(
        store,
        SETUP,
        TrainingData(
            institution_id,
            "失智老人照护",
            TrainingCategory.ON_JOB,
            dt.date(2025, 4, 1),
            dt.date(2025, 4, 1),
            Decimal(3),
            [Attendee(w.id, TrainingResult.PASSED) for w in workers[:n]],
        ),
    )


def test_open_session_change_result_afterwards_add_and_remove(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    active = list_workers(store, institution.id)
    session_id = _session(store, institution.id, active, 5)
    page = show_page(qtbot, window)
    page.tabs.setCurrentWidget(page.sessions)
    qtbot.waitUntil(lambda: page.sessions.select(session_id))
    qtbot.mouseClick(page.sessions.open_button, Qt.MouseButton.LeftButton)
    sheet = open_dialog(qtbot, SessionPage)
    assert len(sheet.detail.attendees) == 5

    # 修改结果/学时: one attendee failed after all, with 1.5 hours
    target = sheet.detail.attendees[2]
    sheet.table.selectRow(2)
    qtbot.mouseClick(sheet.result_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, AttendanceDialog)
    select_vocab(dialog.outcome, TrainingResult.FAILED)
    dialog.hours.setValue(1.5)
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(lambda: any(a.result is TrainingResult.FAILED for a in sheet.detail.attendees))
    changed = next(
        a
        for a in session_detail(store, session_id).attendees
        if a.attendance_id == target.attendance_id
    )
    assert (changed.result, changed.hours_credited) == (TrainingResult.FAILED, Decimal("1.5"))
    trail = audit_trail(store, record_id=target.attendance_id)
    assert any(f.field == "result" for entry in trail for f in entry.fields)  # audited
    assert sheet.table.rows_model.text(2, 2) == "不合格"

    # 缺席 afterwards: the hours go to 0 and stay there (found trying the app: they were kept)
    other = sheet.detail.attendees[3]
    sheet.table.selectRow(3)
    qtbot.mouseClick(sheet.result_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, AttendanceDialog)
    assert dialog.hours.value() > 0 and dialog.hours.isEnabled()
    select_vocab(dialog.outcome, TrainingResult.ABSENT)
    assert dialog.hours.value() == 0 and not dialog.hours.isEnabled()
    select_vocab(dialog.outcome, TrainingResult.PASSED)  # changed their mind: hours come back
    assert dialog.hours.value() == float(sheet.detail.hours) and dialog.hours.isEnabled()
    select_vocab(dialog.outcome, TrainingResult.ABSENT)
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    absent = next(
        a
        for a in session_detail(store, session_id).attendees
        if a.attendance_id == other.attendance_id
    )
    assert (absent.result, absent.hours_credited) == (TrainingResult.ABSENT, Decimal(0))

    # 添加参训人员: those already on the list are not offered
    qtbot.mouseClick(sheet.add_button, Qt.MouseButton.LeftButton)
    adding = open_dialog(qtbot, AttendeesDialog)
    assert len(adding.picker.workers) == len(active) - 5
    adding.picker.tick_worker(adding.picker.workers[0].id)
    adding.picker.tick_worker(adding.picker.workers[1].id)
    ok(qtbot, adding)
    closed(qtbot, adding)
    qtbot.waitUntil(lambda: len(sheet.detail.attendees) == 7)

    # 移除参训人员 (asked first)
    sheet.select_worker(target.worker_id)
    qtbot.mouseClick(sheet.remove_button, Qt.MouseButton.LeftButton)
    box = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sheet.detail.attendees) == 6)

    # 修改培训信息: the session's hours follow into those credited the session's hours
    qtbot.mouseClick(sheet.edit_button, Qt.MouseButton.LeftButton)
    fields = open_dialog(qtbot, SessionDialog)
    assert fields.picker is None and fields.topic.text() == "失智老人照护"
    fields.hours.setValue(3.5)
    grab(fields, "session-fields-dialog")
    press(qtbot, fields)
    closed(qtbot, fields)
    qtbot.waitUntil(lambda: sheet.detail.hours == Decimal("3.5"))
    grab(sheet, "session-page")

    # 历史: the session's change and the attendance changed afterwards, named by the worker
    qtbot.mouseClick(sheet.history_button, Qt.MouseButton.LeftButton)
    history = open_dialog(qtbot, HistoryDialog)
    records = [row[2] for row in history.rows]
    assert f"参训记录：{target.name}" in records
    changes = [(row[4], row[5], row[6]) for row in history.rows]
    assert ("结果", "合格", "不合格") in changes or ("考核结果", "合格", "不合格") in changes
    assert ("学时", "3.0", "3.5") in changes or ("学时", "3", "3.5") in changes
    grab(history, "session-history")
    history.close()
    # the list behind follows from the shell's "changed" signal
    qtbot.waitUntil(
        lambda: any(s.id == session_id and s.attendees == 6 for s in page.sessions.sessions)
    )
    sheet.close()


def test_read_only_user_sees_everything_changes_nothing(qtbot, window_as):
    window = window_as("readonly")
    page = show_page(qtbot, window)
    assert not page.can_edit
    assert not page.workers.add_button.isVisibleTo(page)
    assert not page.workers.leave_button.isVisibleTo(page)
    assert not page.sessions.new_button.isVisibleTo(page)
    page.tabs.setCurrentWidget(page.sessions)
    qtbot.waitUntil(lambda: bool(page.sessions.sessions))
    page.sessions.table.selectRow(0)
    qtbot.mouseClick(page.sessions.open_button, Qt.MouseButton.LeftButton)
    sheet = open_dialog(qtbot, SessionPage)
    assert sheet.table.model().rowCount() > 0
    assert not any(
        b.isVisibleTo(sheet)
        for b in (sheet.edit_button, sheet.add_button, sheet.result_button, sheet.remove_button)
    )
    sheet.close()
    closed(qtbot, sheet)
    # the requirements are shown, not editable
    page.tabs.setCurrentWidget(page.matrix)
    assert page.matrix.requirements_button.text() == "查看培训要求"
    qtbot.mouseClick(page.matrix.requirements_button, Qt.MouseButton.LeftButton)
    requirements = open_dialog(qtbot, RequirementsDialog)
    assert requirements.table.rowCount() > 0 and not requirements.table.isEnabled()
    assert not requirements.ok_button.isVisibleTo(requirements)
    grab(requirements, "requirements-read-only")
    requirements.close()
