"""显示完整身份证号: the full numbers come from the audited service, never from the list.

The list shows masked numbers only. Ticking the box asks ``reveal_id_numbers`` for the rows
loaded now, which writes an audit entry per resident; rows loaded later (another filter,
scrolling) are asked for as they arrive, each resident once per tick. A role without
``ids.reveal`` gets the box disabled, with the reason as its tooltip.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox

from mzdesk.core.permissions import Permission, PermissionDenied, role
from mzdesk.gui.residents.model import ResidentTableModel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.services.history import reveal_id_numbers


class IdReveal(QObject):
    def __init__(self, ctx: AppContext, box: QCheckBox, model: ResidentTableModel) -> None:
        super().__init__(box)
        self.ctx = ctx
        self.box = box
        self.model = model
        self._asked: set[uuid.UUID] = set()
        allowed = ctx.can(Permission.IDS_REVEAL)
        box.setEnabled(allowed)
        if not allowed:
            why = PermissionDenied(
                "permission.denied",
                role=role(ctx.actor.role).label,
                action=Permission.IDS_REVEAL.label,
            )
            box.setToolTip(str(why))
        box.toggled.connect(self._toggled)
        model.modelReset.connect(self.reveal_loaded)
        model.rowsInserted.connect(self.reveal_loaded)

    def _toggled(self, on: bool) -> None:
        if on:
            self.reveal_loaded()
        else:  # the next tick is another look, audited again
            self._asked.clear()
            self.model.set_revealed({})

    @async_slot()
    async def reveal_loaded(self) -> None:
        if not self.box.isChecked():
            return
        wanted = [row.id for row in self.model.rows if row.id not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        found = await self.ctx.change(reveal_id_numbers, wanted)
        if self.box.isChecked():
            self.model.set_revealed({**self.model.revealed, **found})
