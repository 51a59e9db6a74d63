"""A resident's details: elderly or children's fields by institution kind; read-only for
discharged residents."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from mzdesk.core.dates import parse_date
from mzdesk.core.errors import ValidationError
from mzdesk.core.identifiers import parse_id_number
from mzdesk.core.vocab import (
    ChildCategory,
    Gender,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    SupportType,
)
from mzdesk.gui.forms.ui_resident_dialog import Ui_ResidentDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.ask import discard_box
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, vocab_value
from mzdesk.services.residents import (
    ContactData,
    ResidentData,
    check_resident,
)


class ResidentDialog(FormDialog, Ui_ResidentDialog):
    """A resident's details; elderly or children's fields by institution kind; read-only
    for discharged residents."""

    def __init__(
        self,
        kind: InstitutionKind,
        data: ResidentData | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.kind = kind
        fill_vocab(self.gender, Gender)
        fill_vocab(self.supportType, SupportType)
        fill_vocab(self.paymentMethod, PaymentMethod)
        fill_vocab(self.maritalStatus, MaritalStatus)
        fill_vocab(self.childCategory, ChildCategory)
        fill_vocab(self.guardianshipType, GuardianshipType)
        fill_vocab(self.contactRelationship, Relationship)
        is_child = kind is InstitutionKind.CHILDREN_HOME
        self.tabs.setTabVisible(self.tabs.indexOf(self.childTab), is_child)
        for widget in (
            self.maritalStatus,
            self.maritalStatusLabel,
            self.contractNumber,
            self.contractNumberLabel,
        ):
            widget.setVisible(not is_child)
        self.fields = {
            "name": self.name,
            "id_number": self.idNumber,
            "gender": self.gender,
            "birth_date": self.birthDate,
            "phone": self.phone,
            "child_category": self.childCategory,
            "contacts": self.contactName,
            "contacts.0.name": self.contactName,
            "contacts.0.phone": self.contactPhone,
        }
        self.record_table = "residents"
        self.labels = {"contacts.0.name": tr("联系人"), "contacts.0.phone": tr("联系人电话")}
        self.idNumber.editingFinished.connect(self._id_entered)
        self._loaded = ResidentData(name="")
        if data is not None:
            self.load(data)
        if read_only:
            self.setWindowTitle(tr("住户信息（已退住，只读）"))
            for line in self.findChildren(QLineEdit):
                line.setReadOnly(True)
            for combo in self.findChildren(QComboBox):
                combo.setEnabled(False)
            self.note.setReadOnly(True)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        else:
            self.tabs.setCurrentIndex(0)
            self.name.setFocus()  # typing starts with 姓名, not a click away
        self.read_only = read_only
        self._asking: QMessageBox | None = None
        self._as_opened = self._typed()

    # -- leaving a half-filled form ----------------------------------------------------------
    def _typed(self) -> tuple[object, ...]:
        return (
            tuple(w.text() for w in self.findChildren(QLineEdit)),
            tuple(c.currentIndex() for c in self.findChildren(QComboBox)),
            self.note.toPlainText(),
        )

    def reject(self) -> None:
        """Esc, 取消 or closing the window: when something was typed, ask first."""
        if self.read_only or self._typed() == self._as_opened:
            super().reject()
            return
        if self._asking is not None:
            return  # already asking
        box = discard_box(self)
        box.finished.connect(self._answered)
        self._asking = box
        box.open()

    def _answered(self, code: int) -> None:
        self._asking = None
        if code == QMessageBox.StandardButton.Yes.value:
            super().reject()

    def load(self, data: ResidentData) -> None:
        self.name.setText(data.name)
        self.idNumber.setText(data.id_number or "")
        select_vocab(self.gender, data.gender)
        self.birthDate.setText(data.birth_date.isoformat() if data.birth_date else "")
        self.ethnicity.setText(data.ethnicity or "")
        self.phone.setText(data.phone or "")
        self.householdAddress.setText(data.household_address or "")
        select_vocab(self.supportType, data.support_type)
        select_vocab(self.paymentMethod, data.payment_method)
        select_vocab(self.maritalStatus, data.marital_status)
        self.contractNumber.setText(data.contract_number or "")
        self.diagnoses.setText(data.diagnoses or "")
        select_vocab(self.childCategory, data.child_category)
        select_vocab(self.guardianshipType, data.guardianship_type)
        self.schooling.setText(data.schooling or "")
        self.disabilityType.setText(data.disability_type or "")
        self.disabilityLevel.setText(data.disability_level or "")
        self.note.setPlainText(data.note or "")
        if data.contacts:
            contact = data.contacts[0]
            self.contactName.setText(contact.name)
            select_vocab(self.contactRelationship, contact.relationship)
            self.contactPhone.setText(contact.phone or "")
        self._extra_contacts = data.contacts[1:]
        self._loaded = data  # fields this dialog does not show are kept, not cleared

    def _id_entered(self) -> None:
        """Fill gender and birth date from the ID number as soon as it is typed."""
        text = self.idNumber.text().strip()
        if not text:
            return
        try:
            parsed = parse_id_number(text)
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        self.clear_problems()
        self.idNumber.setText(parsed.value)
        if self.gender.currentData() is None:
            select_vocab(self.gender, parsed.gender)
        if not self.birthDate.text().strip():
            self.birthDate.setText(parsed.birth_date.isoformat())

    def resident_data(self) -> ResidentData:
        """What was typed; raises ValidationError for a birth date that is not a date."""
        birth_text = self.birthDate.text().strip()
        birth = parse_date(birth_text, field="birth_date") if birth_text else None
        contacts: tuple[ContactData, ...] = ()
        if self.contactName.text().strip() or self.contactPhone.text().strip():
            contacts = (
                ContactData(
                    self.contactName.text(),
                    vocab_value(self.contactRelationship, Relationship),
                    self.contactPhone.text() or None,
                    is_guardian=True,
                ),
            )
        contacts += getattr(self, "_extra_contacts", ())

        return replace(
            self._loaded,
            name=self.name.text(),
            id_number=self.idNumber.text() or None,
            gender=vocab_value(self.gender, Gender),
            birth_date=birth,
            ethnicity=self.ethnicity.text() or None,
            household_address=self.householdAddress.text() or None,
            phone=self.phone.text() or None,
            marital_status=vocab_value(self.maritalStatus, MaritalStatus),
            payment_method=vocab_value(self.paymentMethod, PaymentMethod),
            support_type=vocab_value(self.supportType, SupportType),
            contract_number=self.contractNumber.text() or None,
            diagnoses=self.diagnoses.text() or None,
            cognitive_disorder=any(
                w in (self.diagnoses.text() or "") for w in ("痴呆", "阿尔茨海默", "认知障碍")
            ),
            child_category=vocab_value(self.childCategory, ChildCategory),
            guardianship_type=vocab_value(self.guardianshipType, GuardianshipType),
            schooling=self.schooling.text() or None,
            disability_type=self.disabilityType.text() or None,
            disability_level=self.disabilityLevel.text() or None,
            note=self.note.toPlainText() or None,
            contacts=contacts,
        )

    def check(self) -> None:
        check_resident(self.resident_data(), self.kind)
