"""复查: follow up an inspection. Only its hazards not yet closed are carried forward; each is
marked 通过 (已销号) or 打回 with a reason. Below, every earlier follow-up reads original
against follow-up: the hazard, when found, its original deadline and the one in force, and
the follow-up's result, date and who re-checked."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import ValidationError
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.palette import GREEN, RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.hazards import (
    FollowUpData,
    FollowUpReport,
    HazardFilter,
    HazardRow,
    Recheck,
    follow_ups_of,
    inspection_found,
    list_hazards,
    record_follow_up,
)


def report_rows(reports: list[FollowUpReport]) -> list[list[str]]:
    """Original against follow-up, one row per hazard re-checked, earliest follow-up first."""
    return [
        [
            line.description,
            line.level.label,
            str(line.found_on),
            str(line.original_deadline),
            str(line.deadline),
            str(r.checked_on),
            r.checked_by,
            tr("通过（已销号）") if line.passed else tr("打回"),
            line.reason or "",
        ]
        for r in reports
        for line in r.lines
    ]


class FollowUpDialog(FormDialog):
    record_table = "hazard_follow_ups"

    def __init__(
        self,
        ctx: AppContext,
        inspection_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.inspection_id = ctx, inspection_id
        self.today = today or dt.date.today()
        self.open_rows: list[HazardRow] = []
        self.results: dict[uuid.UUID, tuple[QComboBox, QLineEdit]] = {}
        self.reports: list[FollowUpReport] = []
        self.setWindowTitle(tr("隐患复查"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.subject = QLabel()
        self.subject.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.subject.setWordWrap(True)
        layout.addWidget(self.subject)
        layout.addWidget(
            note(tr("复查只带入这次检查尚未销号的隐患。逐项选择“通过”（销号）或“打回”并写明原因。"))
        )
        form = QFormLayout()
        self.checked_on = QDateEdit()
        setup_date(self.checked_on, self.today)
        self.checked_by = QLineEdit(ctx.user.display_name if ctx.user is not None else "")
        self.note_edit = QLineEdit()
        for key, label, widget in (
            ("checked_on", tr("复查日期"), self.checked_on),
            ("checked_by", tr("复查人"), self.checked_by),
            ("note", tr("备注"), self.note_edit),
        ):
            self.fields[key] = widget
            self.labels[key] = label
            form.addRow(label, widget)
        self.labels["reason"] = tr("打回原因")
        layout.addLayout(form)
        layout.addWidget(heading(tr("本次复查的隐患")))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 2)
        self.empty = note(tr("这次检查没有未销号的隐患，无需复查。"), GREEN)
        self.empty.hide()
        layout.addWidget(self.empty)
        layout.addWidget(heading(tr("历次复查：原检查与复查对照")))
        self.history = make_table(
            [
                tr("隐患"),
                tr("等级"),
                tr("发现日期"),
                tr("原整改期限"),
                tr("复查时期限"),
                tr("复查日期"),
                tr("复查人"),
                tr("复查结果"),
                tr("打回原因"),
            ]
        )
        header = self.history.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (0, 8):  # the hazard and the reason take what the dates leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 2)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("保存复查结果")))
        self.submit = self._submit
        self.refresh()

    @async_slot()
    async def refresh(self) -> None:
        wanted = HazardFilter(inspection_id=self.inspection_id, open_only=True)
        rows = await self.ctx.worker.read(
            list_hazards, self.ctx.store, None, wanted, today=self.today
        )
        reports = await self.ctx.worker.read(follow_ups_of, self.ctx.store, self.inspection_id)
        found = await self.ctx.worker.read(inspection_found, self.ctx.store, self.inspection_id)
        if found is not None:
            self.subject.setText(
                tr("原检查：{date} {type}「{checklist}」（{version}版），检查人 {who}").format(
                    date=found.inspected_on,
                    type=found.inspection_type.label,
                    checklist=found.checklist,
                    version=found.version,
                    who=found.inspectors,
                )
            )
        self.show_state(rows, reports)

    def show_state(self, rows: list[HazardRow], reports: list[FollowUpReport]) -> None:
        self.open_rows, self.reports = rows, reports
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.results = {}
        headers = (
            tr("隐患"),
            tr("等级"),
            tr("整改期限"),
            tr("当前状态"),
            tr("复查结果"),
            tr("打回原因"),
        )
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(label, 0, column)
        for r, h in enumerate(rows, start=1):
            description = QLabel(h.description)
            description.setWordWrap(True)
            deadline = QLabel(str(h.deadline))
            if h.overdue:
                deadline.setStyleSheet(f"color: {RED}; font-weight: bold;")
                deadline.setText(tr("{d}（超期 {n} 天）").format(d=h.deadline, n=h.overdue_days))
            result = QComboBox()
            result.addItem(tr("通过（销号）"), True)
            result.addItem(tr("打回"), False)
            reason = QLineEdit()
            reason.setPlaceholderText(tr("打回时必填"))
            reason.setEnabled(False)
            result.currentIndexChanged.connect(
                lambda _i, c=result, e=reason: e.setEnabled(not c.currentData())
            )
            self.results[h.id] = (result, reason)
            for column, widget in enumerate(
                (
                    description,
                    QLabel(h.level.label),
                    deadline,
                    QLabel(h.status.label),
                    result,
                    reason,
                )
            ):
                self.grid.addWidget(widget, r, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(5, 2)
        self.grid.setRowStretch(len(rows) + 1, 1)
        self.empty.setVisible(not rows)
        self.ok_button.setEnabled(bool(rows))
        red = QColor(RED)
        lines = [line for r in reports for line in r.lines]
        self.history.show_rows(
            report_rows(reports),
            [None if line.passed else red for line in lines],
            tooltip_columns=(0, 8),
        )

    def set_result(self, hazard_id: uuid.UUID, passed: bool, reason: str = "") -> None:
        combo, edit = self.results[hazard_id]
        combo.setCurrentIndex(0 if passed else 1)
        edit.setText(reason)

    def data(self) -> FollowUpData:
        rechecks = tuple(
            Recheck(hazard_id, bool(combo.currentData()), edit.text().strip() or None)
            for hazard_id, (combo, edit) in self.results.items()
        )
        return FollowUpData(
            self.inspection_id,
            from_qdate(self.checked_on.date()),
            self.checked_by.text(),
            rechecks,
            self.note_edit.text().strip() or None,
        )

    def check(self) -> None:
        """Every hazard sent back says why (before asking the service)."""
        self.error_label.setText("")
        for _combo, edit in self.results.values():
            edit.setStyleSheet("")
        missing = [
            edit
            for combo, edit in self.results.values()
            if not combo.currentData() and not edit.text().strip()
        ]
        for edit in missing:
            edit.setStyleSheet("border: 1px solid #b3261e;")
        if missing:
            raise ValidationError.single("reason", "field.required")

    async def _submit(self) -> None:
        await self.ctx.change(record_follow_up, self.data())
