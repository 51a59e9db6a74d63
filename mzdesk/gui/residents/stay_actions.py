"""The flows of a stay that start from a selected resident: transfer, leave, return,
discharge and assessment (a part of the 住户 page)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from mzdesk.core.vocab import BedStatus
from mzdesk.gui.residents.assessment_dialog import AssessmentDialog
from mzdesk.gui.residents.stay_dialogs import (
    BedChooserDialog,
    DischargeDialog,
    LeaveDialog,
    preferred_bed_type,
)
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.ask import ask
from mzdesk.gui.widgets.dialog import Refusal
from mzdesk.gui.widgets.inputs import from_qdate
from mzdesk.services.assessments import AssessmentData, assessment_history, record_assessment
from mzdesk.services.beds import list_beds
from mzdesk.services.resident_record import current_bed_label
from mzdesk.services.residents import resident_details
from mzdesk.services.stays import discharge_resident, end_leave, start_leave, transfer_bed
from mzdesk.services.views import ResidentView


class StayActions(QWidget):
    """The base of the 住户 page, which provides ``ctx``, ``selected()`` and ``_show()``."""

    ctx: AppContext

    def selected(self) -> uuid.UUID | None:
        raise NotImplementedError

    def _show(self, dialog: QWidget) -> None:
        raise NotImplementedError

    async def _current(self) -> ResidentView | None:
        resident_id = self.selected()
        if resident_id is None:
            return None
        view, _ = await self.ctx.worker.read(resident_details, self.ctx.store, resident_id)
        return view

    @async_slot()
    async def start_transfer(self) -> None:
        ctx = self.ctx
        resident = await self._current()
        if resident is None:
            return
        beds = await ctx.worker.read(
            list_beds, ctx.store, ctx.institution.id, status=BedStatus.FREE
        )
        _, data = await ctx.worker.read(resident_details, ctx.store, resident.id)
        chooser = BedChooserDialog(
            tr("为「{name}」换床").format(name=resident.name),
            beds,
            preferred_bed_type(resident.ability_level, data.cognitive_disorder),
            self,
            date_label=tr("换床日期"),
        )
        chooser.setWindowTitle(tr("换床"))

        async def submit() -> None:
            bed_id = chooser.bed_id()
            assert bed_id is not None
            await ctx.change(transfer_bed, resident.id, bed_id, chooser.chosen_date())

        chooser.submit = submit
        self._show(chooser)

    @async_slot()
    async def start_leave(self) -> None:
        resident = await self._current()
        if resident is None:
            return
        dialog = LeaveDialog(
            tr("「{name}」外出登记").format(name=resident.name), returning=False, parent=self
        )
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(
                start_leave,
                resident.id,
                from_qdate(dialog.date.date()),
                reason=dialog.reason.text() or None,
                destination=dialog.destination.text() or None,
                expected_return=from_qdate(dialog.expectedReturn.date()),
            )

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def start_return(self) -> None:
        resident = await self._current()
        if resident is None:
            return
        dialog = LeaveDialog(
            tr("「{name}」外出返回").format(name=resident.name), returning=True, parent=self
        )
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(end_leave, resident.id, from_qdate(dialog.date.date()))

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def start_discharge(self) -> None:
        resident = await self._current()
        if resident is None:
            return
        dialog = DischargeDialog(tr("为「{name}」办理退住").format(name=resident.name), parent=self)
        ctx = self.ctx
        bed = await ctx.worker.read(current_bed_label, ctx.store, resident.id)

        async def submit() -> None:
            on = from_qdate(dialog.dischargeDate.date())
            if bed:
                what = tr("床位 {bed} 将变为空闲。").format(bed=bed)
            else:
                what = tr("该住户没有占用床位。")
            text = tr(
                "为「{name}」办理退住，退住日期 {date}？\n{bed}档案保留，转为只读，不能再修改。"
            ).format(name=resident.name, date=on.isoformat(), bed=what)
            if not await ask(dialog, tr("确认退住"), text, yes=tr("退住")):
                raise Refusal(tr("未办理退住。"))
            await ctx.change(
                discharge_resident,
                resident.id,
                on,
                dialog.discharge_reason(),
                dialog.note.toPlainText() or None,
            )

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def start_assessment(self) -> None:
        resident = await self._current()
        if resident is None:
            return
        ctx = self.ctx
        history = await ctx.worker.read(assessment_history, ctx.store, resident.id)
        dialog = AssessmentDialog(
            resident.name,
            [(a.assessed_on, a.total, a.level) for a in history],
            parent=self,
            previous=history[0] if history else None,  # the newest: a reassessment starts there
        )
        _, data = await ctx.worker.read(resident_details, ctx.store, resident.id)
        dialog.cognitive.setChecked(data.cognitive_disorder)

        async def submit() -> None:
            await ctx.change(
                record_assessment,
                AssessmentData(
                    resident.id,
                    from_qdate(dialog.date.date()),
                    dialog.assessment_reason(),
                    dialog.assessor.text(),
                    dialog.answered(),
                    cognitive_disorder=dialog.cognitive.isChecked(),
                    risk_events=dialog.risk_events(),
                ),
            )

        dialog.submit = submit
        self._show(dialog)
