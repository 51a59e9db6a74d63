"""A certificate a worker holds (职业技能等级证书 and others): name, number, level, issuer,
issue date, expiry or 长期 (no expiry)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import field_label
from mzdesk.core.vocab import SkillLevel
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, select_vocab, setup_date, vocab_value
from mzdesk.services.training import CertificateView
from mzdesk.services.workers import CertificateData

TABLE = "worker_certificates"
COMMON_NAMES = (
    "职业技能等级证书",
    "养老护理员职业资格证书",
    "保育员证",
    "育婴员证",
    "健康证",
    "护士执业证书",
)


class CertificateDialog(FormDialog):
    record_table = TABLE

    def __init__(
        self,
        worker_id: uuid.UUID,
        worker_name: str,
        certificate: CertificateView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker_id = worker_id
        title = tr("新增证书：{name}") if certificate is None else tr("修改证书：{name}")
        self.setWindowTitle(title.format(name=worker_name))
        self.resize(440, 0)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(COMMON_NAMES)
        self.number = QLineEdit()
        self.skill_level = QComboBox()
        fill_vocab(self.skill_level, SkillLevel, empty="—")
        self.issuer = QLineEdit()
        self.issued_on = QDateEdit()
        setup_date(self.issued_on)
        self.expires_on = QDateEdit()
        setup_date(self.expires_on, dt.date.today().replace(year=dt.date.today().year + 3))
        self.no_expiry = QCheckBox(tr("长期（无有效期）"))
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires_on)
        expiry.addWidget(self.no_expiry)
        expiry.addStretch(1)
        form.addRow(tr("证书名称"), self.name)
        form.addRow(field_label("certificate_number"), self.number)
        form.addRow(field_label("skill_level"), self.skill_level)
        form.addRow(field_label("issuer"), self.issuer)
        form.addRow(field_label("issued_on"), self.issued_on)
        form.addRow(field_label("expires_on"), expiry)
        layout.addLayout(form)
        self.fields = {
            "name": self.name,
            "number": self.number,
            "skill_level": self.skill_level,
            "issuer": self.issuer,
            "issued_on": self.issued_on,
            "expires_on": self.expires_on,
        }
        self.labels = {"name": tr("证书名称"), "number": field_label("certificate_number")}
        self.no_expiry.toggled.connect(lambda on: self.expires_on.setEnabled(not on))
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        if certificate is not None:
            self.load(certificate)

    def load(self, certificate: CertificateView) -> None:
        self.name.setCurrentText(certificate.name)
        self.number.setText(certificate.number or "")
        select_vocab(self.skill_level, certificate.skill_level)
        self.issuer.setText(certificate.issuer or "")
        if certificate.issued_on is not None:
            setup_date(self.issued_on, certificate.issued_on)
        if certificate.expires_on is None:
            self.no_expiry.setChecked(True)
        else:
            setup_date(self.expires_on, certificate.expires_on)

    def certificate_data(self) -> CertificateData:
        return CertificateData(
            worker_id=self.worker_id,
            name=self.name.currentText(),
            number=self.number.text().strip() or None,
            skill_level=vocab_value(self.skill_level, SkillLevel),
            issued_on=from_qdate(self.issued_on.date()),
            expires_on=None if self.no_expiry.isChecked() else from_qdate(self.expires_on.date()),
            issuer=self.issuer.text().strip() or None,
        )
