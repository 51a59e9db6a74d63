"""The daily flows, driven through the widgets as staff use them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester

from mzdesk.core.vocab import BedStatus, DischargeReason, Gender, ResidentStatus
from mzdesk.gui.residents.assessment_dialog import AssessmentDialog
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import BedChooserDialog, DischargeDialog, LeaveDialog
from mzdesk.gui.widgets.inputs import select_vocab, vocab_value
from mzdesk.services.beds import list_beds
from mzdesk.services.residents import (
    get_resident,
)
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.people import id_number, wrong_check


def search(qtbot, page, text: str) -> None:
    page.search.setText(text)
    qtbot.waitUntil(lambda: page.model.filter.text == text and page.model.idle, timeout=5_000)


def show_residents(qtbot, window):
    """The 住户 page, shown and loaded (it queries when first shown, on a reader thread)."""
    window.navigation.setCurrentRow(1)
    page = window.residents
    qtbot.waitUntil(lambda: page.model.idle and bool(page.model.rows), timeout=10_000)
    return page


def test_admit_transfer_leave_return_discharge(qtbot, window):
    store = window.ctx.store
    page = window.residents
    window.navigation.setCurrentRow(1)

    # 入住登记: details, then a free bed
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    number = id_number(dt.date(1942, 8, 15), male=False)
    details.name.setText("测试奶奶")  # QTest cannot type CJK characters
    qtbot.keyClicks(details.idNumber, number.lower())
    details.idNumber.editingFinished.emit()
    assert vocab_value(details.gender, Gender) is Gender.FEMALE  # read from the ID number
    assert details.birthDate.text() == "1942-08-15"
    ok(qtbot, details)
    chooser = open_dialog(qtbot, BedChooserDialog)
    assert chooser.beds.count() > 0
    labels = [chooser.beds.item(i).text() for i in range(chooser.beds.count())]
    free = {b.label for b in list_beds(store, window.ctx.institution.id, status=BedStatus.FREE)}
    assert all(label.split("（")[0] in free for label in labels)  # only free beds are offered
    first_bed = chooser.bed_id()
    ok(qtbot, chooser)
    closed(qtbot, chooser)

    search(qtbot, page, "测试奶奶")
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    resident_id = page.selected()
    assert get_resident(store, resident_id).bed_id == first_bed

    # 换床
    qtbot.mouseClick(page.transfer_button, Qt.MouseButton.LeftButton)
    chooser = open_dialog(qtbot, BedChooserDialog)
    chooser.bedType.setCurrentIndex(0)  # all types
    chooser.beds.setCurrentRow(chooser.beds.count() - 1)
    second_bed = chooser.bed_id()
    assert second_bed != first_bed
    ok(qtbot, chooser)
    closed(qtbot, chooser)
    assert get_resident(store, resident_id).bed_id == second_bed

    # 外出 and 外出返回
    page.table.selectRow(0)
    qtbot.waitUntil(page.leave_button.isEnabled)
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    leave = open_dialog(qtbot, LeaveDialog)
    leave.reason.setText("回家过中秋")
    ok(qtbot, leave)
    closed(qtbot, leave)
    assert get_resident(store, resident_id).status is ResidentStatus.ON_LEAVE
    page.table.selectRow(0)
    qtbot.waitUntil(page.return_button.isEnabled)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    back = open_dialog(qtbot, LeaveDialog)
    assert not back.reason.isVisible()
    ok(qtbot, back)
    closed(qtbot, back)
    assert get_resident(store, resident_id).status is ResidentStatus.IN_HOUSE

    # 退住: the record stays, under 已退住, read-only
    page.table.selectRow(0)
    qtbot.waitUntil(page.discharge_button.isEnabled)
    qtbot.mouseClick(page.discharge_button, Qt.MouseButton.LeftButton)
    discharge = open_dialog(qtbot, DischargeDialog)
    select_vocab(discharge.reason, DischargeReason.HOME)
    ok(qtbot, discharge)
    sure = open_dialog(qtbot, QMessageBox)  # 退住 asks first
    qtbot.mouseClick(sure.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, discharge)
    resident = get_resident(store, resident_id)
    assert resident.status is ResidentStatus.DISCHARGED
    assert resident.bed_id is None
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)  # gone from 在住与外出
    page.filters.status.setCurrentIndex(3)  # 已退住
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    assert not page.discharge_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens
    view = open_dialog(qtbot, ResidentDialog)
    assert view.name.isReadOnly()
    assert "只读" in view.windowTitle()
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # Esc closes
    closed(qtbot, view)


def test_inline_validation_keeps_the_dialog_open(qtbot, window):
    page = window.residents
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    qtbot.keyClicks(details.idNumber, wrong_check(id_number()))
    select_vocab(details.gender, Gender.FEMALE)
    ok(qtbot, details)
    assert details.isVisible()
    text = details.errorLabel.text()
    assert "姓名：必填" in text
    assert "身份证号：校验位错误" in text
    assert details.idNumber.styleSheet() and details.name.styleSheet()
    details.reject()  # something was typed: asks before throwing it away
    discard = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(discard.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, details)


def test_duplicate_admission_is_refused_in_the_chooser(qtbot, window):
    page = show_residents(qtbot, window)
    existing = page.model.rows[0]
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    details.name.setText("重复的人")
    details.idNumber.setText(existing.id_number)
    ok(qtbot, details)
    chooser = open_dialog(qtbot, BedChooserDialog)
    ok(qtbot, chooser)
    qtbot.waitUntil(lambda: "已在本机构在住" in chooser.errorLabel.text(), timeout=10_000)
    assert chooser.isVisible()
    chooser.reject()


def test_search_by_pinyin_initials_id_digits_and_bed(qtbot, window):
    page = show_residents(qtbot, window)
    row = page.model.rows[0]
    from mzdesk.core.pinyin import initials

    search(qtbot, page, initials(row.name).split()[0])
    assert row.id in {r.id for r in page.model.rows}
    search(qtbot, page, row.id_number[-6:])
    assert [r.id for r in page.model.rows] == [row.id]
    search(qtbot, page, "")
    assert page.model.rowCount() == page.model.total


def test_ctrl_f_focuses_search_and_ids_are_masked_until_asked(qtbot, window):
    page = show_residents(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)
    shown = page.model.data(page.model.index(0, 3))
    assert "********" in shown
    page.full_ids.setChecked(True)  # asks the audited service (tests/gui/residents/test_history)
    qtbot.waitUntil(
        lambda: page.model.data(page.model.index(0, 3)) == page.model.rows[0].id_number,
        timeout=10_000,
    )


def test_the_list_model_is_a_well_behaved_qt_model(qtbot, window):
    page = show_residents(qtbot, window)
    tester = ModelTester(qtbot)
    tester.check(page.model)
    page.model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.idle)
    tester.check(page.model)


def test_assessment_computes_as_it_is_filled(qtbot, window):
    page = show_residents(qtbot, window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.assess_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, AssessmentDialog)
    for combo in dialog.answers.values():
        combo.setCurrentIndex(1)  # the best option of each item
    assert "90/90" in dialog.result_label.text()
    assert "能力完好" in dialog.result_label.text()
    dialog.risks[next(iter(dialog.risks))].setChecked(True)
    list(dialog.risks.values())[1].setChecked(True)
    assert "轻度失能" in dialog.result_label.text()
    dialog.assessor.setText("张评估员")
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    from mzdesk.services.assessments import assessment_history

    history = assessment_history(window.ctx.store, page.model.rows[0].id)
    assert history[0].total == 90
