"""A care worker's particulars (add and edit) and 离职 (a date; the record is kept)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import ValidationError
from mzdesk.core.identifiers import parse_id_number
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import InstitutionKind, Occupation, SkillLevel
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.inputs import (
    fill_vocab,
    from_qdate,
    select_vocab,
    setup_date,
    vocab_value,
)
from mzdesk.gui.widgets.labels import note
from mzdesk.services.workers import WorkerData, check_worker

TABLE = "care_workers"


def label(field: str) -> str:
    """A form row's label: the core's one table of field labels."""
    return field_label(field, TABLE)


def default_occupation(kind: InstitutionKind) -> Occupation:
    """The care occupation the rates count in this kind of home."""
    if kind is InstitutionKind.CHILDREN_HOME:
        return Occupation.CHILDCARE_WORKER
    return Occupation.CARE_WORKER


class WorkerDialog(FormDialog):
    """Name, 身份证号 (checked as typed), occupation, skill level, phone, 入职日期, note."""

    record_table = TABLE

    def __init__(
        self,
        institution_id: uuid.UUID,
        kind: InstitutionKind,
        data: WorkerData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind is InstitutionKind.CHILDREN_HOME:  # its care workers are 育婴员/保育员
            self.setWindowTitle(tr("新增保育员") if data is None else tr("编辑保育员"))
        else:
            self.setWindowTitle(tr("新增护理员") if data is None else tr("编辑护理员"))
        self.resize(460, 0)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(tr("18位，末位可为X"))
        self.occupation = QComboBox()
        fill_vocab(self.occupation, Occupation, empty=None)
        select_vocab(self.occupation, default_occupation(kind))
        self.skill_level = QComboBox()
        fill_vocab(self.skill_level, SkillLevel, empty=None)
        self.phone = QLineEdit()
        self.hired_on = QDateEdit()
        setup_date(self.hired_on)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.fields = {
            "name": self.name,
            "id_number": self.id_number,
            "occupation": self.occupation,
            "skill_level": self.skill_level,
            "phone": self.phone,
            "hired_on": self.hired_on,
            "note": self.note,
        }
        self.left_on: QDateEdit | None = None
        if data is not None and data.left_on is not None:  # a leaver: the date can be corrected
            self.left_on = QDateEdit()
            setup_date(self.left_on, data.left_on)
            self.fields["left_on"] = self.left_on
        for key, widget in self.fields.items():
            form.addRow(label(key), widget)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        self.id_number.editingFinished.connect(self._id_entered)
        self._loaded = data or WorkerData(
            institution_id, "", default_occupation(kind), dt.date.today()
        )
        if data is not None:
            self.load(data)

    def load(self, data: WorkerData) -> None:
        self.name.setText(data.name)
        self.id_number.setText(data.id_number or "")
        select_vocab(self.occupation, data.occupation)
        select_vocab(self.skill_level, data.skill_level)
        self.phone.setText(data.phone or "")
        setup_date(self.hired_on, data.hired_on)
        self.note.setPlainText(data.note or "")

    def _id_entered(self) -> None:
        """Check the 身份证号 as soon as it is typed (the check digit, the date in it)."""
        text = self.id_number.text().strip()
        if not text:
            return
        try:
            parsed = parse_id_number(text)
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        self.clear_problems()
        self.id_number.setText(parsed.value)

    def worker_data(self) -> WorkerData:
        occupation = vocab_value(self.occupation, Occupation)
        if occupation is None:
            raise Refusal(tr("请选择岗位。"))
        id_number = self.id_number.text().strip() or None
        keep_person = id_number == self._loaded.id_number  # else gender/birth from the new ID
        return replace(
            self._loaded,
            name=self.name.text(),
            id_number=id_number,
            gender=self._loaded.gender if keep_person else None,
            birth_date=self._loaded.birth_date if keep_person else None,
            occupation=occupation,
            skill_level=vocab_value(self.skill_level, SkillLevel) or SkillLevel.NONE,
            phone=self.phone.text() or None,
            hired_on=from_qdate(self.hired_on.date()),
            note=self.note.toPlainText() or None,
            left_on=from_qdate(self.left_on.date()) if self.left_on else self._loaded.left_on,
        )

    def check(self) -> None:
        check_worker(self.worker_data())


class LeaveDialog(FormDialog):
    """离职: the date the worker left; the record and its history are kept."""

    record_table = TABLE

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("离职：{name}").format(name=name))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr("「{name}」离职后档案、证书与培训记录都保留，可在“显示离职人员”中查看。").format(
                    name=name
                )
            )
        )
        form = QFormLayout()
        self.left_on = QDateEdit()
        setup_date(self.left_on)
        form.addRow(label("left_on"), self.left_on)
        self.fields = {"left_on": self.left_on}
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("确认离职")))

    def chosen_date(self) -> dt.date:
        return from_qdate(self.left_on.date())
