"""新建检查: type, checklist (with its version), date and the inspectors — several names,
typed as 「刘志强、王建国」. A scheduled check comes pre-filled from its schedule."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mzdesk.core.labels import field_label
from mzdesk.core.vocab import InspectionType
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, select_vocab, setup_date, vocab_value
from mzdesk.services.inspecting.flow import NewInspection, split_names
from mzdesk.services.inspecting.templates import ChecklistChoice

TABLE = "inspections"


def fill_checklists(combo: QComboBox, choices: Sequence[ChecklistChoice]) -> None:
    combo.clear()
    for choice in choices:
        combo.addItem(
            tr("{title}（{version}，{n} 项）").format(
                title=choice.title, version=choice.version, n=choice.items
            ),
            str(choice.id),
        )


def chosen_checklist(combo: QComboBox) -> uuid.UUID | None:
    value = combo.currentData()
    return uuid.UUID(value) if isinstance(value, str) else None


class StartDialog(FormDialog):
    record_table = TABLE

    def __init__(
        self,
        institution_id: uuid.UUID,
        choices: Sequence[ChecklistChoice],
        *,
        inspectors: str = "",
        template_id: uuid.UUID | None = None,
        inspection_type: InspectionType | None = None,
        schedule_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.institution_id = institution_id
        self.schedule_id = schedule_id
        self.setWindowTitle(tr("新建检查"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.inspection_type = QComboBox()
        fill_vocab(self.inspection_type, InspectionType, empty=None)
        select_vocab(self.inspection_type, inspection_type or InspectionType.SELF_DAILY)
        self.template = QComboBox()
        fill_checklists(self.template, choices)
        if template_id is not None:
            self.template.setCurrentIndex(max(self.template.findData(str(template_id)), 0))
        self.inspected_on = QDateEdit()
        setup_date(self.inspected_on)
        self.inspectors = QLineEdit(inspectors)
        self.inspectors.setPlaceholderText(tr("多名检查人员用顿号或逗号分开，如：刘志强、王建国"))
        form.addRow(field_label("inspection_type"), self.inspection_type)
        form.addRow(field_label("template_id"), self.template)
        form.addRow(field_label("inspected_on"), self.inspected_on)
        form.addRow(field_label("inspectors"), self.inspectors)
        layout.addLayout(form)
        self.fields = {
            "inspection_type": self.inspection_type,
            "template_id": self.template,
            "inspected_on": self.inspected_on,
            "inspectors": self.inspectors,
        }
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("开始检查")))
        self.resize(560, 0)

    def data(self) -> NewInspection:
        template_id = chosen_checklist(self.template)
        kind = vocab_value(self.inspection_type, InspectionType)
        if template_id is None or kind is None:
            raise Refusal(tr("请选择检查类型和检查表。"))
        return NewInspection(
            self.institution_id,
            template_id,
            from_qdate(self.inspected_on.date()),
            kind,
            split_names(self.inspectors.text()),
            self.schedule_id,
        )

    def check(self) -> None:
        self.data()
