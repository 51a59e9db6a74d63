"""An open training session: its fields (editable), its attendees (add many at once, remove,
change a result or the hours afterwards — the services audit each change)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import field_label
from mzdesk.core.vocab import TrainingResult
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.training.attendance_picker import (
    AttendancePicker,
    hours_box,
    hours_follow_result,
)
from mzdesk.gui.training.certificates import open_session_certificates
from mzdesk.gui.training.history_dialog import HistoryDialog
from mzdesk.gui.training.session_dialog import SessionDialog, SessionFields
from mzdesk.gui.training.sessions_panel import dates_text
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, vocab_value
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.palette import RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.training import (
    AttendeeView,
    SessionData,
    SessionDetail,
    add_attendees,
    remove_attendance,
    session_detail,
    update_attendance,
    update_training_session,
)
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import list_workers


class AttendeesDialog(FormDialog):
    """添加参训人员: the picker over the active workers not yet on the list."""

    record_table = "training_attendance"

    def __init__(
        self, workers: Sequence[WorkerView], hours: Decimal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("添加参训人员"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.picker = AttendancePicker(workers, hours)
        layout.addWidget(self.picker, 1)
        self.fields = {"attendees": self.picker.table}
        self.labels = {"attendees": tr("参训人员")}
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        self.picker.changed.connect(self.clear_problems)

    def check(self) -> None:
        if not self.picker.ticked():
            raise Refusal(tr("请在名单中勾选要添加的人员。"))


class AttendanceDialog(FormDialog):
    """One attendee's result and hours credited, corrected afterwards."""

    record_table = "training_attendance"

    def __init__(
        self, attendee: AttendeeView, session_hours: Decimal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修改考核结果：{name}").format(name=attendee.name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.outcome = QComboBox()
        fill_vocab(self.outcome, TrainingResult, empty=None)
        select_vocab(self.outcome, attendee.result)
        self.hours = hours_box(attendee.hours_credited)
        hours_follow_result(self.outcome, self.hours, session_hours)
        form.addRow(tr("考核结果"), self.outcome)
        form.addRow(field_label("hours_credited"), self.hours)
        layout.addLayout(form)
        self.fields = {"result": self.outcome, "hours_credited": self.hours}
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())

    def chosen(self) -> tuple[TrainingResult, Decimal]:
        result = vocab_value(self.outcome, TrainingResult) or TrainingResult.PASSED
        return result, Decimal(str(round(self.hours.value(), 1)))


class SessionPage(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        detail: SessionDetail,
        can_edit: bool,
        show: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self._show = show
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.summary = note()
        layout.addWidget(self.summary)
        self.bar = bar = QHBoxLayout()  # the page's buttons (the lead adds 打印证书 here)
        self.edit_button = QPushButton(tr("修改培训信息"))
        self.add_button = QPushButton(tr("添加参训人员"))
        self.result_button = QPushButton(tr("修改结果/学时"))
        self.remove_button = QPushButton(tr("移除参训人员"))
        for button in (self.edit_button, self.add_button, self.result_button, self.remove_button):
            button.setVisible(can_edit)  # read-only users see, and change nothing
            bar.addWidget(button)
        self.certificates_button = QPushButton(tr("证书…"))
        self.certificates_button.setToolTip(tr("签发、打印或作废本次培训合格人员的培训合格证书"))
        self.certificates_button.clicked.connect(self.open_certificates)
        bar.addWidget(self.certificates_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = make_table(
            [tr("姓名"), tr("岗位"), tr("考核结果"), tr("计入学时")], right_aligned=(3,)
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.history_button = buttons.addButton(tr("历史"), QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button.clicked.connect(self.show_history)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit_button.clicked.connect(self.start_edit)
        self.add_button.clicked.connect(self.start_add)
        self.result_button.clicked.connect(self.start_result)
        self.remove_button.clicked.connect(self.start_remove)
        if can_edit:
            self.table.doubleClicked.connect(lambda _i: self.start_result())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_detail(detail)

    def open_certificates(self) -> QDialog:
        """The session's certificates: issue and print, print some, revoke."""
        return open_session_certificates(self.ctx, self, self.detail.id)

    @classmethod
    async def load(
        cls,
        ctx: AppContext,
        session_id: uuid.UUID,
        can_edit: bool,
        show: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ) -> SessionPage:
        detail = await ctx.worker.read(session_detail, ctx.store, session_id)
        return cls(ctx, detail, can_edit, show, parent)

    async def reload(self) -> None:
        self.show_detail(await self.ctx.worker.read(session_detail, self.ctx.store, self.detail.id))

    def show_detail(self, detail: SessionDetail) -> None:
        kept = self.selected()
        self.detail = detail
        self.setWindowTitle(tr("培训：{topic}").format(topic=detail.topic))
        self.title.setText(detail.topic)
        passed = sum(a.result is TrainingResult.PASSED for a in detail.attendees)
        self.summary.setText(
            tr(
                "{category}    {dates}    {hours} 学时    讲师：{trainer}    地点：{place}    参训 {n} 人，合格 {passed} 人"
            ).format(
                category=detail.category.label,
                dates=dates_text(detail.start_date, detail.end_date),
                hours=detail.hours,
                trainer=detail.trainer or "—",
                place=detail.place or "—",
                n=len(detail.attendees),
                passed=passed,
            )
        )
        red = QColor(RED)
        self.table.show_rows(
            [
                (a.name, a.occupation.label, a.result.label, f"{a.hours_credited}")
                for a in detail.attendees
            ],
            [None if a.result is TrainingResult.PASSED else red for a in detail.attendees],
            colour_columns=(2,),
        )
        if kept is not None:
            for row, attendee in enumerate(detail.attendees):
                if attendee.attendance_id == kept.attendance_id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> AttendeeView | None:
        row = self.table.selected_row() if hasattr(self, "detail") else None
        return (
            self.detail.attendees[row]
            if row is not None and row < len(self.detail.attendees)
            else None
        )

    def select_worker(self, worker_id: uuid.UUID) -> None:
        for row, attendee in enumerate(self.detail.attendees):
            if attendee.worker_id == worker_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.result_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    @async_slot()
    async def show_history(self) -> None:
        """The session's fields and its attendance, every change newest first."""
        self._show(await HistoryDialog.load(self.ctx, self.detail.topic, self.detail.id, self))

    # -- flows --------------------------------------------------------------------------------
    def start_edit(self) -> None:
        d = self.detail
        fields = SessionFields(
            d.topic, d.category, d.start_date, d.end_date, d.hours, d.trainer, d.place
        )
        dialog = SessionDialog(d.institution_id, fields=fields, parent=self)

        async def submit() -> None:
            f = dialog.session_fields()
            data = SessionData(
                f.topic, f.category, f.start_date, f.end_date, f.hours, f.trainer, f.place, d.note
            )
            await self.ctx.change(update_training_session, d.id, data)
            await self.reload()

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def start_add(self) -> None:
        ctx = self.ctx
        active = await ctx.worker.read(list_workers, ctx.store, ctx.institution.id)
        present = {a.worker_id for a in self.detail.attendees}
        dialog = AttendeesDialog(
            [w for w in active if w.id not in present], self.detail.hours, self
        )

        async def submit() -> None:
            await ctx.change(add_attendees, self.detail.id, dialog.picker.attendees())
            await self.reload()

        dialog.submit = submit
        self._show(dialog)

    def start_result(self) -> None:
        attendee = self.selected()
        if attendee is None:
            return
        dialog = AttendanceDialog(attendee, self.detail.hours, self)

        async def submit() -> None:
            result, hours = dialog.chosen()
            await self.ctx.change(
                update_attendance, attendee.attendance_id, result=result, hours_credited=hours
            )
            await self.reload()

        dialog.submit = submit
        self._show(dialog)

    def start_remove(self) -> None:
        attendee = self.selected()
        if attendee is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("移除参训人员"),
            tr("把「{name}」从这次培训的名单中移除？移除记入修改历史。").format(name=attendee.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.finished.connect(lambda code: self._removed(code, attendee.attendance_id))
        self._show(box)

    @async_slot()
    async def _removed(self, code: int, attendance_id: uuid.UUID) -> None:
        if code == QMessageBox.StandardButton.Yes.value:
            await self.ctx.change(remove_attendance, attendance_id)
            await self.reload()
