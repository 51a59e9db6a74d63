"""The one dialog base: inline problems keep it open, success closes it, and an unexpected
error during submit reaches the user instead of vanishing."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.gui.runtime import errors
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.widgets.dialog import FormDialog, Refusal

DISK = "disk on fire"  # a message the log must not repeat (it could name someone)


def dialog(qtbot) -> FormDialog:
    form = FormDialog()
    layout = QVBoxLayout(form)
    layout.addWidget(form.make_error_label())
    layout.addWidget(form.make_buttons())
    qtbot.addWidget(form)
    form.open()
    return form


def test_problems_keep_the_dialog_open_and_success_closes_it(qtbot, loop):
    form = dialog(qtbot)
    attempts: list[int] = []

    async def submit() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ValidationError([FieldProblem("name", "field.required")])
        if len(attempts) == 2:
            raise Refusal("不能发送")

    form.submit = submit
    form.ok_button.click()
    qtbot.waitUntil(lambda: form.error_label.text() != "", timeout=5_000)
    # named by the core's one table of labels, never by its key
    assert form.isVisible() and form.error_label.text() == "名称：必填"
    form.ok_button.click()
    qtbot.waitUntil(lambda: form.error_label.text() == "不能发送", timeout=5_000)
    assert form.isVisible()
    form.ok_button.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5_000)
    assert form.result() == FormDialog.DialogCode.Accepted


def test_an_unexpected_error_in_submit_reaches_the_user(
    qtbot, loop, monkeypatch, expect_log_warnings
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    form = dialog(qtbot)
    errors.install_excepthook(lambda: form)

    async def submit() -> None:
        raise RuntimeError(DISK)

    form.submit = submit
    form.ok_button.click()

    def box() -> QMessageBox | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        found += form.findChildren(QMessageBox)
        return next((b for b in found if b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=5_000)
    shown = box()
    assert shown is not None and "disk on fire" in shown.detailedText()
    assert form.isVisible() and form.isEnabled()  # still open with what was typed
    shown.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=5_000)
    (logged,) = expect_log_warnings.records  # and the log has it, with the traceback
    assert "RuntimeError" in logged.getMessage() and "disk on fire" not in logged.getMessage()


def test_a_form_names_fields_by_the_one_table_and_lists_only_its_exceptions(qtbot):
    form = dialog(qtbot)
    form.record_table = "residents"
    form.labels = {"phone": "本人电话"}
    form.show_problems(
        [
            FieldProblem("name", "field.required"),
            FieldProblem("id_number", "field.required"),
            FieldProblem("phone", "field.required"),
        ]
    )
    assert form.error_label.text().splitlines() == [
        "姓名：必填",
        "身份证号：必填",
        "本人电话：必填",
    ]
    form.reject()
