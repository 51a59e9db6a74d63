"""更正日期: an administrator corrects a wrong admission, leave or discharge date, with a
reason (required, kept in the history). The service refuses a date that contradicts the
others, naming both; the dialog stays open with what was typed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.gui.residents.record_rows import leave_span
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import from_qdate, setup_date, to_qdate
from mzdesk.gui.widgets.labels import note
from mzdesk.services.corrections import (
    correct_admission_date,
    correct_discharge_date,
    correct_leave,
)
from mzdesk.services.resident_record import ResidentRecord


@dataclass(frozen=True)
class Target:
    """What is corrected: the admission, the discharge, or one leave (``leave_id``)."""

    kind: str  # admission | discharge | leave
    start: dt.date
    end: dt.date | None = None
    leave_id: uuid.UUID | None = None


class CorrectionDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, record: ResidentRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id = record.resident.id
        self.setWindowTitle(tr("更正日期：{name}").format(name=record.resident.name))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(note(tr("更正录错的日期。需填写原因；更正记入修改历史，并同步到服务器。")))
        form = QFormLayout()
        self.what = QComboBox()
        self.targets: list[Target] = []
        resident = record.resident
        self._add(
            tr("入住日期（{date}）").format(date=resident.admission_date.isoformat()),
            Target("admission", resident.admission_date),
        )
        for leave in record.leaves():
            assert leave.row_id is not None
            self._add(
                tr("外出（{span}）").format(span=leave_span(leave)),
                Target("leave", leave.on, leave.end, leave.row_id),
            )
        if resident.discharge_date is not None:
            self._add(
                tr("退住日期（{date}）").format(date=resident.discharge_date.isoformat()),
                Target("discharge", resident.discharge_date),
            )
        form.addRow(tr("更正"), self.what)
        self.date = QDateEdit()
        setup_date(self.date)
        self.date_label = QLabel(tr("正确的日期"))
        form.addRow(self.date_label, self.date)
        self.end = QDateEdit()
        setup_date(self.end)
        self.end_label = QLabel(tr("正确的返回日期"))
        form.addRow(self.end_label, self.end)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("例如：合同上的入住日期为准"))
        form.addRow(tr("更正原因"), self.reason)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("更正")))
        self.fields = {
            "admission_date": self.date,
            "discharge_date": self.date,
            "start_date": self.date,
            "return_date": self.end,
            "correction_reason": self.reason,
        }
        self.what.currentIndexChanged.connect(self._chosen)
        self._chosen()
        self.submit = self._submit

    def _add(self, label: str, target: Target) -> None:
        self.what.addItem(label)
        self.targets.append(target)

    def target(self) -> Target:
        return self.targets[self.what.currentIndex()]

    def _chosen(self) -> None:
        target = self.target()
        self.date.setDate(to_qdate(target.start))
        leave = target.kind == "leave"
        self.date_label.setText(tr("正确的外出日期") if leave else tr("正确的日期"))
        has_end = leave and target.end is not None
        self.end.setVisible(has_end)
        self.end_label.setVisible(has_end)
        if target.end is not None:
            self.end.setDate(to_qdate(target.end))
        self.clear_problems()

    async def _submit(self) -> None:
        target = self.target()
        on = from_qdate(self.date.date())
        reason = self.reason.text()
        if target.kind == "admission":
            await self.ctx.change(correct_admission_date, self.resident_id, on, reason)
        elif target.kind == "discharge":
            await self.ctx.change(correct_discharge_date, self.resident_id, on, reason)
        else:
            assert target.leave_id is not None
            end = from_qdate(self.end.date()) if target.end is not None else None
            await self.ctx.change(correct_leave, target.leave_id, on, end, reason)
