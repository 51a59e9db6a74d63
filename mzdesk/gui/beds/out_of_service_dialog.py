"""停用床位: asks why (the reason is kept in the bed's history) and from which day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.labels import note
from mzdesk.services.views import BedView

REASON_MAX = 200  # bed_history.reason


class OutOfServiceDialog(FormDialog):
    def __init__(self, bed: BedView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("停用床位"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.who = QLabel(tr("停用床位 {bed}").format(bed=bed.label))
        layout.addWidget(self.who)
        layout.addWidget(note(tr("停用后该床位不计入在用床位，也不能安排入住，直到恢复使用。")))
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(tr("例如：漏水维修、改作他用"))
        form.addRow(tr("停用原因"), self.reason)
        self.date = QDateEdit()
        setup_date(self.date)
        form.addRow(tr("停用日期"), self.date)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        self.fields = {"reason": self.reason, "effective_on": self.date}
        self.labels = {"reason": tr("停用原因")}
        self.reason.setFocus()

    def check(self) -> None:
        if not self.reason.text().strip():
            raise ValidationError([FieldProblem("reason", "field.required")])

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date.date())
