"""整改期限设置: the home's default deadline per hazard level, in days from the day a hazard is
found (一般 30 and 重大 7 unless set here); a hazard opened afterwards takes it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QSpinBox, QVBoxLayout, QWidget

from mzdesk.core.hazards import MAX_DEADLINE_DAYS
from mzdesk.core.vocab import HazardLevel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import note
from mzdesk.services.hazards import read_deadline_days, set_deadline_days


class DeadlineSettingsDialog(FormDialog):
    record_table = "hazard_settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.setWindowTitle(tr("整改期限设置"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr("新发现的隐患按等级取默认整改期限（自发现之日起的天数），可在隐患页修改或延期。")
            )
        )
        form = QFormLayout()
        self.days: dict[HazardLevel, QSpinBox] = {}
        for level, key, label in (
            (HazardLevel.ORDINARY, "ordinary_days", tr("一般隐患（天）")),
            (HazardLevel.MAJOR, "major_days", tr("重大隐患（天）")),
        ):
            spin = QSpinBox()
            spin.setRange(0, MAX_DEADLINE_DAYS)
            self.days[level] = spin
            self.fields[key] = spin
            self.labels[key] = label
            form.addRow(label, spin)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        self.submit = self._submit
        self.load()

    @async_slot()
    async def load(self) -> None:
        days = await self.ctx.worker.read(
            read_deadline_days, self.ctx.store, self.ctx.institution.id
        )
        for level, spin in self.days.items():
            spin.setValue(days[level])
        self.loaded = True

    async def _submit(self) -> None:
        await self.ctx.change(
            set_deadline_days,
            self.ctx.institution.id,
            ordinary=self.days[HazardLevel.ORDINARY].value(),
            major=self.days[HazardLevel.MAJOR].value(),
        )
