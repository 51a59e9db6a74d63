"""The dialogs of a stay: choose a bed (admission, transfer), leave and return, discharge."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.vocab import AbilityLevel, BedType, DischargeReason
from mzdesk.gui.forms.ui_bed_chooser import Ui_BedChooserDialog
from mzdesk.gui.forms.ui_discharge_dialog import Ui_DischargeDialog
from mzdesk.gui.forms.ui_leave_dialog import Ui_LeaveDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, select_vocab, setup_date, vocab_value
from mzdesk.services.views import BedView


def preferred_bed_type(level: AbilityLevel | None, cognitive_disorder: bool) -> BedType | None:
    """The bed type a resident's needs call for (None when not yet assessed)."""
    if cognitive_disorder:
        return BedType.DEMENTIA
    if level is None:
        return None
    return BedType.SELF_CARE if level is AbilityLevel.INTACT else BedType.NURSING


class BedChooserDialog(FormDialog, Ui_BedChooserDialog):
    """Pick a free bed (optionally of one type) and a date."""

    def __init__(
        self,
        who: str,
        free_beds: Sequence[BedView],
        bed_type: BedType | None,
        parent: QWidget | None = None,
        *,
        date_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        if date_label:
            self.dateLabel.setText(date_label)
        self.free_beds = list(free_beds)
        setup_date(self.date)
        fill_vocab(self.bedType, BedType, empty=tr("全部类型"))
        select_vocab(self.bedType, bed_type)
        self.bedType.currentIndexChanged.connect(self._fill)
        self.beds.itemDoubleClicked.connect(lambda _item: self.accept())
        self.fields = {
            "bed_id": self.beds,
            "date": self.date,
            "admission_date": self.date,
            "transfer_date": self.date,
        }
        self._fill()

    def _fill(self) -> None:
        wanted = vocab_value(self.bedType, BedType)
        self.beds.clear()
        for bed in self.free_beds:
            if wanted is None or bed.bed_type is wanted:
                item = QListWidgetItem(f"{bed.label}（{bed.bed_type.label}）")
                item.setData(Qt.ItemDataRole.UserRole, bed.id)
                self.beds.addItem(item)
        if self.beds.count():
            self.beds.setCurrentRow(0)
        self.hint.setText(
            tr("只列出空闲床位。") if self.beds.count() else tr("没有符合条件的空闲床位。")
        )

    def bed_id(self) -> uuid.UUID | None:
        item = self.beds.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, uuid.UUID) else None

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date.date())

    def check(self) -> None:
        if self.bed_id() is None:
            raise ValidationError([FieldProblem("bed_id", "field.required")])


class LeaveDialog(FormDialog, Ui_LeaveDialog):
    """外出 (date, expected return, reason, destination) or 返回 (date only)."""

    def __init__(self, who: str, *, returning: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        setup_date(self.date)
        setup_date(self.expectedReturn, dt.date.today() + dt.timedelta(days=3))
        if returning:
            self.setWindowTitle(tr("外出返回"))
            self.dateLabel.setText(tr("返回日期"))
            for widget in (
                self.expectedReturn,
                self.expectedReturnLabel,
                self.reason,
                self.reasonLabel,
                self.destination,
                self.destinationLabel,
            ):
                widget.setVisible(False)
        self.fields = {
            "start_date": self.date,
            "return_date": self.date,
            "expected_return": self.expectedReturn,
        }
        self.record_table = "resident_leaves"  # 外出日期, 返回日期: named as the service names them


class DischargeDialog(FormDialog, Ui_DischargeDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        setup_date(self.dischargeDate)
        fill_vocab(self.reason, DischargeReason, empty=None)
        self.fields = {"discharge_date": self.dischargeDate}

    def discharge_reason(self) -> DischargeReason:
        return vocab_value(self.reason, DischargeReason) or DischargeReason.OTHER
