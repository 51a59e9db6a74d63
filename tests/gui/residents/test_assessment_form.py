"""The assessment form as staff fill it: the wheel scrolls it, problems show beside a form
that keeps its size and go away as they are fixed, and a repeat assessment starts from the
last one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from mzdesk.core.vocab import AssessmentReason
from mzdesk.gui.residents.assessment_dialog import AssessmentDialog
from mzdesk.gui.widgets.inputs import vocab_value
from mzdesk.services.assessments import assessment_history
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.wheel import wheel


def open_assessment(qtbot, window, row: int = 0) -> AssessmentDialog:
    window.navigation.setCurrentRow(1)
    page = window.residents
    qtbot.waitUntil(lambda: page.model.idle and bool(page.model.rows), timeout=10_000)
    page.table.selectRow(row)
    qtbot.mouseClick(page.assess_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, AssessmentDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_wheel_over_an_item_scrolls_the_form_and_keeps_the_score(qtbot, window):
    dialog = open_assessment(qtbot, window)
    bar = dialog.findChild(QScrollArea).verticalScrollBar()
    combo = next(iter(dialog.answers.values()))
    before = combo.currentIndex()
    wheel(combo)
    assert combo.currentIndex() == before
    assert bar.value() > 0
    dialog.reject()
    closed(qtbot, dialog)


def test_problems_leave_the_items_room_and_go_as_they_are_fixed(qtbot, window):
    dialog = open_assessment(qtbot, window)
    for combo in dialog.answers.values():
        combo.setCurrentIndex(0)  # nothing chosen
    dialog.assessor.clear()
    scroll = dialog.findChild(QScrollArea)
    room = scroll.viewport().height()
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=10_000)
    text = dialog.error_label.text()
    assert "评估员" in text and "26" in text  # says what is missing, all 26 counted
    qtbot.wait(50)
    assert scroll.viewport().height() >= room * 0.75  # the items still have their room

    first, second = list(dialog.answers)[:2]
    assert dialog.answers[first].styleSheet()  # marked
    dialog.answers[first].setCurrentIndex(1)
    assert not dialog.answers[first].styleSheet()  # fixed: no longer marked ...
    assert dialog.answers[second].styleSheet()  # ... the others still are
    assert "25" in dialog.error_label.text()
    qtbot.keyClicks(dialog.assessor, "Li")  # QTest types ASCII only
    assert "评估员" not in dialog.error_label.text()
    for combo in dialog.answers.values():
        combo.setCurrentIndex(1)
    assert dialog.error_label.text() == ""
    dialog.reject()
    closed(qtbot, dialog)


def test_a_repeat_assessment_starts_from_the_last_one_as_a_routine_review(qtbot, window):
    dialog = open_assessment(qtbot, window)
    resident = window.residents.model.rows[0]
    last = assessment_history(window.ctx.store, resident.id)[0]
    assert vocab_value(dialog.reason, AssessmentReason) is AssessmentReason.ROUTINE
    assert dialog.reason.findData(AssessmentReason.FIRST.value) == -1  # the first was made
    assert dialog.answered() == last.answers
    assert dialog.assessor.text() == last.assessor
    assert last.assessed_on.isoformat() in dialog.prefilled_note.text()
    changed = next(iter(dialog.answers))
    dialog.answers[changed].setCurrentIndex(1)
    best = dialog.answers[changed].currentData()
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    newest = assessment_history(window.ctx.store, resident.id)[0]
    assert newest.reason is AssessmentReason.ROUTINE
    assert newest.answers == {**last.answers, changed: best}


def test_a_first_assessment_is_offered_as_the_first(qtbot):
    dialog = AssessmentDialog("新住户", [])
    qtbot.addWidget(dialog)
    assert vocab_value(dialog.reason, AssessmentReason) is AssessmentReason.FIRST
    assert dialog.answered() == {}
