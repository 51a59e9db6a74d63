"""The children's flows of the 住户 page in a children's home: 接收 (instead of 入住登记) and
the 儿童档案 with the steps of the child's path."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QPushButton, QWidget

from mzdesk.core.vocab import BedStatus, InstitutionKind
from mzdesk.gui.residents.child_record import ChildRecordDialog
from mzdesk.gui.residents.model import ResidentTableModel
from mzdesk.gui.residents.receive_dialog import ReceiveDialog
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_actions import StayActions
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot, spawn
from mzdesk.services.beds import list_beds
from mzdesk.services.children import receive_child
from mzdesk.services.views import BedView


class ChildActions(StayActions):
    """Needs ``select()`` and ``model`` from the page (besides StayActions' needs)."""

    model: ResidentTableModel
    admit_button: QPushButton
    assess_button: QPushButton
    discharge_button: QPushButton
    record_button: QPushButton
    open_button: QPushButton

    def children_buttons(self) -> bool:
        """A children's home receives a child (接收); its assessment and leaving are steps of
        the child's record (儿童档案), not the elderly scale and reasons. True there."""
        children = self.ctx.institution.kind is InstitutionKind.CHILDREN_HOME
        if children:
            self.admit_button.setText(tr("接收"))
            # a double-click opens the child's record; this button its own details
            self.open_button.setText(tr("基本信息"))
            self.assess_button.hide()
            self.discharge_button.hide()
        else:
            self.record_button.hide()
        return children

    def select(self, resident_id: uuid.UUID) -> bool:
        raise NotImplementedError

    async def open_resident(
        self, resident_id: uuid.UUID, parent: QWidget | None = None
    ) -> ResidentDialog:
        raise NotImplementedError

    @async_slot()
    async def start_receive(self, bed: BedView | None = None) -> None:
        ctx = self.ctx
        beds = (
            [bed]
            if bed
            else await ctx.worker.read(
                list_beds, ctx.store, ctx.institution.id, status=BedStatus.FREE
            )
        )
        dialog = ReceiveDialog(beds, self)
        if bed is not None:
            dialog.bed.setCurrentIndex(1)

        async def submit() -> None:
            child = await ctx.change(
                receive_child,
                ctx.institution.id,
                dialog.child_data(),
                dialog.intake(),
                bed_id=dialog.bed_id(),
                documents=dialog.intake_documents(),
            )
            await self.model.settled()
            self.select(child.id)

        dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def open_child_record(self, resident_id: uuid.UUID | None = None) -> None:
        """儿童档案 of the selected child."""
        resident_id = resident_id or self.selected()
        if resident_id is None:
            return
        dialog = ChildRecordDialog(self.ctx, resident_id, self)
        dialog.details_button.clicked.connect(lambda: self._details(dialog))
        await dialog.reload()
        self._show(dialog)

    @async_slot()
    async def _details(self, record: ChildRecordDialog) -> None:
        """基本信息 from the record: the resident dialog (the child's fields), over it; the
        record shows the saved name and dates."""
        details = await self.open_resident(record.resident_id, record)
        details.accepted.connect(lambda: spawn(record.refresh()))
