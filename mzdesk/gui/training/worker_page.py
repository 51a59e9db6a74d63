"""A worker's page: particulars, certificates (add / edit / remove; 长期 = no expiry),
training history and hours per year. Every write goes through the one writer; the page
reloads itself after each."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.vocab import TrainingResult
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.training.certificate_dialog import CertificateDialog
from mzdesk.gui.training.history_dialog import HistoryDialog
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.palette import GREEN, GREY, ORANGE, RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.training import (
    CertificateState,
    CertificateView,
    WorkerDetail,
    remove_certificate,
    update_certificate,
    worker_detail,
)
from mzdesk.services.workers import add_certificate

STATE_COLOURS = {
    CertificateState.VALID: GREEN,
    CertificateState.EXPIRING: ORANGE,
    CertificateState.EXPIRED: RED,
    CertificateState.NOT_YET_VALID: GREY,
}


def _date(value: dt.date | None, none: str = "") -> str:
    return value.isoformat() if value else none


class WorkerPage(QDialog):
    """Opened from the list (or a name behind a rate); ``edit`` opens the particulars."""

    open_session = Signal(object, QWidget)  # a training record's session, over this page

    def __init__(
        self,
        ctx: AppContext,
        detail: WorkerDetail,
        can_edit: bool,
        show: Callable[[QWidget], None],
        edit: Callable[[uuid.UUID, QWidget], Awaitable[None]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.can_edit = can_edit
        self._show = show
        self._edit = edit
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        self.particulars = note()
        layout.addWidget(self.particulars)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        certificates = QWidget()
        box = QVBoxLayout(certificates)
        bar = QHBoxLayout()
        self.add_certificate = QPushButton(tr("新增证书"))
        self.edit_certificate = QPushButton(tr("修改证书"))
        self.remove_certificate = QPushButton(tr("删除证书"))
        for button in (self.add_certificate, self.edit_certificate, self.remove_certificate):
            button.setVisible(can_edit)
            bar.addWidget(button)
        bar.addStretch(1)
        box.addLayout(bar)
        self.certificates = make_table(
            [
                tr("证书名称"),
                tr("证书编号"),
                tr("技能等级"),
                tr("发证机关"),
                tr("发证日期"),
                tr("有效期至"),
                tr("状态"),
                tr("计入持证"),
            ]
        )
        self.certificates.horizontalHeader().setStretchLastSection(False)
        self.certificates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.certificates, 1)
        self.tabs.addTab(certificates, tr("证书"))

        self.training = make_table(
            [tr("日期"), tr("培训主题"), tr("类别"), tr("计入学时"), tr("考核结果")],
            right_aligned=(3,),
        )
        self.training.horizontalHeader().setStretchLastSection(False)
        self.training.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.training, tr("培训记录"))
        self.hours = make_table([tr("年度"), tr("学时")], right_aligned=(1,))
        self.tabs.addTab(self.hours, tr("每年学时"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.edit_button = buttons.addButton(tr("编辑资料"), QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setVisible(can_edit and edit is not None)
        self.history_button = buttons.addButton(tr("历史"), QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button.clicked.connect(self.show_history)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_certificate.clicked.connect(self.start_add_certificate)
        self.edit_certificate.clicked.connect(self.start_edit_certificate)
        self.remove_certificate.clicked.connect(self.start_remove_certificate)
        self.certificates.doubleClicked.connect(lambda _i: self.start_edit_certificate())
        self.training.doubleClicked.connect(
            lambda index: self.open_session.emit(self.detail.training[index.row()].session_id, self)
        )
        self.training.setToolTip(tr("双击打开这次培训"))
        self.edit_button.clicked.connect(self._edit_particulars)
        self.certificates.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_detail(detail)

    @classmethod
    async def load(
        cls,
        ctx: AppContext,
        worker_id: uuid.UUID,
        can_edit: bool,
        show: Callable[[QWidget], None],
        edit: Callable[[uuid.UUID, QWidget], Awaitable[None]] | None = None,
        parent: QWidget | None = None,
    ) -> WorkerPage:
        detail = await ctx.worker.read(worker_detail, ctx.store, worker_id)
        return cls(ctx, detail, can_edit, show, edit, parent)

    async def reload(self) -> None:
        self.show_detail(
            await self.ctx.worker.read(worker_detail, self.ctx.store, self.detail.worker.id)
        )

    def show_detail(self, detail: WorkerDetail) -> None:
        self.detail = detail
        w = detail.worker
        self.setWindowTitle(tr("护理员：{name}").format(name=w.name))
        self.title.setText(f"{w.name}（{w.occupation.label}，{w.status.label}）")
        parts = [
            tr("身份证号：{value}").format(value=mask_id_number(w.id_number or "") or "—"),
            tr("技能等级：{value}").format(value=w.skill_level.label),
            tr("入职日期：{value}").format(value=_date(w.hired_on)),
        ]
        if w.left_on is not None:
            parts.append(tr("离职日期：{value}").format(value=_date(w.left_on)))
        parts.append(tr("联系电话：{value}").format(value=w.phone or "—"))
        if w.note:
            parts.append(tr("备注：{value}").format(value=w.note))
        self.particulars.setText("    ".join(parts))
        self.certificates.show_rows(
            [
                (
                    c.name,
                    c.number or "",
                    c.skill_level.label if c.skill_level else "",
                    c.issuer or "",
                    _date(c.issued_on),
                    _date(c.expires_on, tr("长期")),
                    c.state.label,
                    tr("是") if c.counts_as_skill else tr("否"),
                )
                for c in detail.certificates
            ],
            [QColor(STATE_COLOURS[c.state]) for c in detail.certificates],
            colour_columns=(5, 6),
        )
        red = QColor(RED)
        self.training.show_rows(
            [
                (
                    _date(t.start_date)
                    + ("" if t.end_date == t.start_date else f" – {_date(t.end_date)}"),
                    t.topic,
                    t.category.label,
                    f"{t.hours_credited}",
                    t.result.label,
                )
                for t in detail.training
            ],
            [None if t.result is TrainingResult.PASSED else red for t in detail.training],
            colour_columns=(4,),
        )
        self.hours.show_rows(
            [
                (str(year), f"{hours}")
                for year, hours in sorted(detail.hours_by_year.items(), reverse=True)
            ]
        )
        self.tabs.setTabText(0, tr("证书（{n}）").format(n=len(detail.certificates)))
        self.tabs.setTabText(1, tr("培训记录（{n}）").format(n=len(detail.training)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.certificates.selected_row() is not None
        self.edit_certificate.setEnabled(chosen)
        self.remove_certificate.setEnabled(chosen)

    def _selected_certificate(self) -> CertificateView | None:
        row = self.certificates.selected_row()
        return self.detail.certificates[row] if row is not None else None

    # -- certificates -------------------------------------------------------------------------
    def start_add_certificate(self) -> None:
        w = self.detail.worker
        dialog = CertificateDialog(w.id, w.name, parent=self)

        async def submit() -> None:
            await self.ctx.change(add_certificate, dialog.certificate_data())
            await self.reload()

        dialog.submit = submit
        self._show(dialog)

    def start_edit_certificate(self) -> None:
        certificate = self._selected_certificate()
        if certificate is None or not self.can_edit:
            return
        w = self.detail.worker
        dialog = CertificateDialog(w.id, w.name, certificate, parent=self)

        async def submit() -> None:
            await self.ctx.change(update_certificate, certificate.id, dialog.certificate_data())
            await self.reload()

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def start_remove_certificate(self) -> None:
        certificate = self._selected_certificate()
        if certificate is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("删除证书"),
            tr("删除「{name}」的证书「{certificate}」？删除记入修改历史。").format(
                name=self.detail.worker.name, certificate=certificate.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self._show(box)
        box.finished.connect(lambda code: self._removed(code, certificate.id))

    @async_slot()
    async def _removed(self, code: int, certificate_id: uuid.UUID) -> None:
        if code == QMessageBox.StandardButton.Yes.value:
            await self.ctx.change(remove_certificate, certificate_id)
            await self.reload()

    @async_slot()
    async def show_history(self) -> None:
        """The worker's record, certificates and attendance, every change newest first."""
        w = self.detail.worker
        self._show(await HistoryDialog.load(self.ctx, w.name, w.id, self))

    @async_slot()
    async def _edit_particulars(self) -> None:
        if self._edit is not None:
            await self._edit(self.detail.worker.id, self)
