"""床位历史: a bed's changes of type and service (with the reason it was taken out of
service) and who stayed in it, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.bed_history import BedChange, BedOccupant
from mzdesk.services.views import BedView


class BedHistoryDialog(QDialog):
    def __init__(
        self,
        bed: BedView,
        changes: Sequence[BedChange],
        stays: Sequence[BedOccupant],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("床位历史：{bed}").format(bed=bed.label))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("类型与启用、停用")))
        self.changes = make_table([tr("日期"), tr("床位类型"), tr("状态"), tr("原因")])
        self.changes.show_rows(
            [
                [
                    c.on.isoformat(),
                    c.bed_type.label,
                    tr("在用") if c.in_service else tr("停用"),
                    c.reason or "",
                ]
                for c in changes
            ]
        )
        layout.addWidget(self.changes, 1)
        layout.addWidget(heading(tr("入住记录")))
        self.stays = make_table([tr("住户"), tr("开始日期"), tr("结束日期")])
        self.stays.show_rows(
            [
                [s.name, s.start.isoformat(), s.end.isoformat() if s.end else tr("至今")]
                for s in stays
            ]
        )
        layout.addWidget(self.stays, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
