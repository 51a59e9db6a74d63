"""证书样式: how this institution's training certificates print — the full 身份证号 or a
masked one, the worker's cumulative hours, and the issuer (default: the institution)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mzdesk.core.labels import field_label
from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import note
from mzdesk.services.certificate_settings import (
    CertificateSettings,
    certificate_settings,
    set_certificate_settings,
)


class CertificateSettingsDialog(FormDialog):
    record_table = "institutions"

    def __init__(
        self, ctx: AppContext, current: CertificateSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("证书样式"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(note(tr("本机构打印的培训合格证书，已签发的证书重印时也按此样式。")))
        self.full_id = QCheckBox(tr("印完整身份证号（默认隐去中间8位）"))
        self.full_id.setChecked(current.full_id)
        self.total_hours = QCheckBox(tr("印该员工的累计培训学时"))
        self.total_hours.setChecked(current.total_hours)
        self.issuer = QLineEdit(current.issuer or "")
        self.issuer.setMaxLength(100)
        self.issuer.setPlaceholderText(ctx.institution.name)
        form = QFormLayout()
        form.addRow(self.full_id)
        form.addRow(self.total_hours)
        form.addRow(field_label("certificate_issuer", "institutions"), self.issuer)
        layout.addLayout(form)
        self.fields = {"certificate_issuer": self.issuer}
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        may_edit = ctx.can(Permission.INSTITUTION_EDIT)
        for widget in (self.full_id, self.total_hours, self.issuer, self.ok_button):
            widget.setEnabled(may_edit)

    def chosen(self) -> CertificateSettings:
        return CertificateSettings(
            self.full_id.isChecked(), self.total_hours.isChecked(), self.issuer.text() or None
        )


async def open_certificate_settings(
    ctx: AppContext, parent: QWidget | None
) -> CertificateSettingsDialog:
    """The dialog, filled with the institution's settings; OK saves them (one change)."""
    current = await ctx.worker.read(certificate_settings, ctx.store, ctx.institution.id)
    dialog = CertificateSettingsDialog(ctx, current, parent)

    async def submit() -> None:
        await ctx.change(set_certificate_settings, ctx.institution.id, dialog.chosen())

    dialog.submit = submit
    dialog.open()
    return dialog
