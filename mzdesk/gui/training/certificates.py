"""培训合格证书 of one training session: who passed, their certificates, 签发并打印 (issue what
is missing, then one PDF on a worker thread with progress and Cancel, then the preview),
打印所选 and 作废…. The training page opens it with :func:`open_session_certificates`."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.dates import period_text
from mzdesk.core.errors import MzdeskError, StateError
from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.training.certificate_settings import (
    CertificateSettingsDialog,
    open_certificate_settings,
)
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import ERROR_TEXT
from mzdesk.gui.widgets.pdf_preview import (
    PdfPreview,
    discard_private,
    private_folder,
    private_pdf_path,
    show_pdf_preview,
)
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.certificates import (
    CertificateSheet,
    SessionAttendee,
    certificate_sheets,
    issue_certificates,
    revoke_certificate,
    session_certificates,
    session_heading,
)


class _Progress(QObject):
    """Carries the PDF writer's progress from its thread to the GUI thread."""

    advanced = Signal(int)


class RevokeDialog(QDialog):
    def __init__(self, serial: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("作废证书"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(tr("如：姓名有误、重复签发"))
        form = QFormLayout()
        form.addRow(tr("证书编号"), QLabel(serial))
        form.addRow(tr("作废原因"), self.reason)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(tr("作废"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class SessionCertificates(QDialog):
    def __init__(self, ctx: AppContext, session_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.attendees: list[SessionAttendee] = []
        self.preview: PdfPreview | None = None
        self.settings: CertificateSettingsDialog | None = None
        self.loading: asyncio.Future[None] | None = None
        self.out_dir = private_folder()
        self.setWindowTitle(tr("培训合格证书"))
        self.resize(720, 460)
        self.table = make_table(
            [tr("姓名"), tr("学时"), tr("证书编号"), tr("状态"), tr("签发日期")],
            right_aligned=[1],
        )
        self.issue_button = QPushButton(tr("签发并打印"))
        self.print_button = QPushButton(tr("打印所选"))
        self.revoke_button = QPushButton(tr("作废…"))
        self.reissue_button = QPushButton(tr("重新签发…"))
        self.reissue_button.setToolTip(tr("为所选人员作废的证书签发一份新证书（如改正姓名后）"))
        self.settings_button = QPushButton(tr("证书样式…"))
        self.settings_button.setToolTip(tr("身份证号是否完整、是否印累计学时、颁发单位"))
        close = QPushButton(tr("关闭"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_TEXT)
        may_issue = ctx.can(Permission.CERTIFICATES_ISSUE)
        self.issue_button.setEnabled(may_issue)
        self.revoke_button.setEnabled(may_issue)
        self.may_issue = may_issue
        self.reissue_button.setEnabled(False)  # until a revoked certificate's row is selected
        bar = QHBoxLayout()
        for button in (
            self.issue_button,
            self.print_button,
            self.revoke_button,
            self.reissue_button,
            self.settings_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        self.heading = heading("")
        layout.addWidget(self.heading)
        layout.addWidget(
            QLabel(
                tr(
                    "考核合格的参训人员及其证书。已签发的证书再次打印不会重复签发；"
                    "作废的证书不会自动补发，需选中后点“重新签发”。"
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        self.issue_button.clicked.connect(self.issue_and_print)
        self.print_button.clicked.connect(self.print_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.settings_button.clicked.connect(self.open_settings)
        self.reissue_button.clicked.connect(self.reissue_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_reissue())
        close.clicked.connect(self.accept)

    @async_slot()
    async def open_settings(self) -> None:
        self.settings = await open_certificate_settings(self.ctx, self)

    # -- the list ----------------------------------------------------------------------------
    async def refresh(self) -> None:
        about = await self.ctx.worker.read(session_heading, self.ctx.store, self.session_id)
        self.heading.setText(
            tr("%1（%2，%3 学时）")
            .replace("%1", about.topic)
            .replace("%2", period_text(about.start_date, about.end_date, tr(" 至 ")))
            .replace("%3", f"{about.hours}")
        )
        self.attendees = await self.ctx.worker.read(
            session_certificates, self.ctx.store, self.session_id
        )
        rows = []
        for a in self.attendees:
            shown = a.live or (a.certificates[0] if a.certificates else None)
            if shown is None:
                rows.append([a.worker_name, f"{a.hours}", "", tr("未签发"), ""])
                continue
            state = tr("有效") if shown.live else tr("已作废")
            rows.append(
                [a.worker_name, f"{a.hours}", shown.serial, state, f"{shown.issued_on:%Y-%m-%d}"]
            )
        self.table.show_rows(rows)
        self._update_reissue()

    def selected(self) -> SessionAttendee | None:
        row = self.table.selected_row()
        return None if row is None else self.attendees[row]

    def _update_reissue(self) -> None:
        attendee = self.selected()
        revoked = attendee is not None and bool(attendee.certificates) and attendee.live is None
        self.reissue_button.setEnabled(self.may_issue and revoked)

    @async_slot()
    async def reissue_selected(self) -> None:
        """A new certificate for the selected attendee's revoked one, asked first, then
        printed on its own."""
        attendee = self.selected()
        if attendee is None or attendee.live is not None or not attendee.certificates:
            return
        old = attendee.certificates[0]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("重新签发"),
            tr("为「{name}」重新签发一份证书？作废的 {serial} 仍保持作废。").format(
                name=attendee.worker_name, serial=old.serial
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.asking = box
        if await wait_for(box) != QMessageBox.StandardButton.Yes:
            return
        try:
            issued = await self.ctx.change(
                issue_certificates, self.session_id, reissue={attendee.attendance_id}
            )
        except MzdeskError as error:
            self.message.setText(str(error))
            return
        await self.refresh()
        sheets = await self.ctx.worker.read(
            certificate_sheets, self.ctx.store, self.session_id, {c.id for c in issued}
        )
        await self.print_sheets(sheets)

    # -- issuing and printing ----------------------------------------------------------------
    @async_slot()
    async def issue_and_print(self) -> None:
        self.message.setText("")
        try:
            await self.ctx.change(issue_certificates, self.session_id)
        except MzdeskError as error:
            self.message.setText(str(error))
            return
        await self.refresh()
        sheets = await self.ctx.worker.read(certificate_sheets, self.ctx.store, self.session_id)
        await self.print_sheets(sheets)

    @async_slot()
    async def print_selected(self) -> None:
        attendee = self.selected()
        chosen = None
        if attendee is not None and attendee.certificates:
            chosen = attendee.live or attendee.certificates[0]
        if chosen is None:
            self.message.setText(tr("请先选择一份已签发的证书。"))
            return
        self.message.setText("")
        sheets = await self.ctx.worker.read(
            certificate_sheets, self.ctx.store, self.session_id, {chosen.id}
        )
        await self.print_sheets(sheets)

    async def print_sheets(self, sheets: Sequence[CertificateSheet]) -> Path | None:
        """Write the PDF off the GUI thread with a progress dialog that can cancel it, then
        show the preview. Returns the file, or None when cancelled or nothing to print."""
        if not sheets:
            self.message.setText(tr("这次培训还没有可打印的证书。"))
            return None
        from mzdesk.reports.certificates import write_certificates  # reportlab: load late

        path = private_pdf_path("培训合格证书")
        cancel = threading.Event()
        relay = _Progress(self)
        progress = QProgressDialog(tr("正在生成证书…"), tr("取消"), 0, len(sheets), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(cancel.set)
        relay.advanced.connect(progress.setValue)  # queued: progress lives in this thread
        self.progress = progress
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(
                None,
                lambda: write_certificates(
                    path, sheets, progress=lambda done, _: relay.advanced.emit(done), cancel=cancel
                ),
            )
        except StateError as error:
            self.message.setText(str(error))
            discard_private(path)
            return None
        finally:
            progress.reset()
            progress.close()
        self.preview = show_pdf_preview(path, tr("培训合格证书"), self, temporary=True)
        return path

    # -- revoking ----------------------------------------------------------------------------
    @async_slot()
    async def revoke_selected(self) -> None:
        attendee = self.selected()
        live = attendee.live if attendee else None
        if live is None:
            self.message.setText(tr("请先选择一份有效的证书。"))
            return
        dialog = RevokeDialog(live.serial, self)
        self.revoke_dialog = dialog
        if await wait_for(dialog) != QDialog.DialogCode.Accepted:
            return
        try:
            await self.ctx.change(revoke_certificate, live.id, dialog.reason.text())
        except MzdeskError as error:
            self.message.setText(str(error))
            return
        self.message.setText("")
        await self.refresh()


def open_session_certificates(
    ctx: AppContext, parent: QWidget | None, session_id: uuid.UUID
) -> SessionCertificates:
    """Open the session's certificates dialog (non-blocking) and load its list."""
    from mzdesk.gui.runtime.tasks import spawn

    dialog = SessionCertificates(ctx, session_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.loading = spawn(dialog.refresh())
    return dialog
