"""登记隐患: a hazard found otherwise than by a checklist item (on a walk round, reported by
staff). Its deadline defaults to the home's for the level and can be changed here."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.vocab import HazardLevel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, setup_date, to_qdate, vocab_value
from mzdesk.services.hazards import NewHazard, read_deadline_days, register_hazard


class NewHazardDialog(FormDialog):
    record_table = "hazards"

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: uuid.UUID | None = None
        self.setWindowTitle(tr("登记隐患"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.level = QComboBox()
        fill_vocab(self.level, HazardLevel, empty=None)
        self.found_on = QDateEdit()
        setup_date(self.found_on, today)
        self.found_by = QLineEdit(ctx.user.display_name if ctx.user is not None else "")
        self.measure = QPlainTextEdit()
        self.measure.setFixedHeight(50)
        self.person = QLineEdit()
        self.own_deadline = QCheckBox(tr("自定整改期限（不选则按等级取默认期限）"))
        self.deadline = QDateEdit()
        setup_date(self.deadline, (today or dt.date.today()) + dt.timedelta(days=30))
        self.deadline.setEnabled(False)
        self.own_deadline.toggled.connect(self.deadline.setEnabled)
        self.days: dict[HazardLevel, int] = {}
        self.level.currentIndexChanged.connect(lambda _i: self._default_deadline())
        self.found_on.dateChanged.connect(lambda _d: self._default_deadline())
        for key, label, widget in (
            ("description", tr("隐患描述"), self.description),
            ("level", tr("隐患等级"), self.level),
            ("found_on", tr("发现日期"), self.found_on),
            ("done_by", tr("发现人"), self.found_by),
            ("measure", tr("整改措施"), self.measure),
            ("responsible_person", tr("整改责任人"), self.person),
            ("deadline", tr("整改期限"), self.deadline),
        ):
            self.fields[key] = widget
            self.labels[key] = label
            if key == "deadline":
                form.addRow("", self.own_deadline)
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("登记")))
        self.submit = self._submit
        self.load()

    @async_slot()
    async def load(self) -> None:
        """The home's default deadlines, so the greyed deadline shows what it will be."""
        self.days = await self.ctx.worker.read(
            read_deadline_days, self.ctx.store, self.ctx.institution.id
        )
        self._default_deadline()

    def _default_deadline(self) -> None:
        level = vocab_value(self.level, HazardLevel)
        if self.own_deadline.isChecked() or level is None or level not in self.days:
            return
        found = from_qdate(self.found_on.date())
        self.deadline.setDate(to_qdate(found + dt.timedelta(days=self.days[level])))

    def data(self) -> NewHazard:
        return NewHazard(
            institution_id=self.ctx.institution.id,
            description=self.description.toPlainText(),
            level=vocab_value(self.level, HazardLevel) or HazardLevel.ORDINARY,
            found_on=from_qdate(self.found_on.date()),
            found_by=self.found_by.text(),
            measure=self.measure.toPlainText(),
            responsible_person=self.person.text(),
            deadline=from_qdate(self.deadline.date()) if self.own_deadline.isChecked() else None,
        )

    async def _submit(self) -> None:
        self.created = await self.ctx.change(register_hazard, self.data())
