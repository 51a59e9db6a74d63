"""床位: the bed board (床位一览) and bulk bed management."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.changes import Changes
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import BedStatus
from mzdesk.gui.beds.board import BedBoard
from mzdesk.gui.beds.bulk_dialog import BulkBedsDialog
from mzdesk.gui.beds.history_dialog import BedHistoryDialog
from mzdesk.gui.beds.out_of_service_dialog import OutOfServiceDialog
from mzdesk.gui.beds.tiles import legend
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.bed_blocks import add_bed_block, building_floors
from mzdesk.services.bed_board import BoardBed, bed_board
from mzdesk.services.bed_history import bed_history
from mzdesk.services.beds import (
    return_bed_to_service,
    take_bed_out_of_service,
)
from mzdesk.services.tables.columns import Kind

# what a tile shows or where it sits, by table: a change to other fields leaves the board
TILE_FIELDS = {
    "bed_ids": ("beds", frozenset({"number", "bed_type", "status", "room_id", "deleted_at"})),
    "resident_ids": ("residents", frozenset({"name", "status", "bed_id", "deleted_at"})),
    "room_ids": ("rooms", frozenset({"number", "sort_order", "floor_id", "deleted_at"})),
    "floor_ids": ("floors", frozenset({"name", "sort_order", "building_id", "deleted_at"})),
    "building_ids": ("buildings", frozenset({"name", "sort_order", "deleted_at"})),
}


class BedsPage(QWidget):
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset(
        {
            "beds",
            "rooms",
            "floors",
            "buildings",
            "bed_history",
            "residents",
            "bed_stays",
            "resident_leaves",
        }
    )
    open_resident = Signal(object)  # resident id
    admit_into = Signal(object)  # BedView
    dialog_opened = Signal(QWidget)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        bar = FlowLayout()
        self.add_button = QPushButton(tr("批量添加床位"), self)
        self.add_button.clicked.connect(self.start_bulk_add)
        self.add_button.setVisible(ctx.can(Permission.BEDS_EDIT))  # not on a bureau's laptop
        bar.addWidget(self.add_button)
        self.io = TableMenuButton(ctx, [Kind.BEDS])  # Excel in and out
        bar.addWidget(self.io)
        bar.addSpacing(20)
        self.legend = legend()
        bar.addWidget(self.legend)
        bar.addStretch(1)
        self.summary = QLabel()
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.empty_note = QLabel(
            tr("还没有床位。点击“批量添加床位”，例如 3号楼 2层 201–220，每间2床。")
        )
        self.empty_note.hide()
        layout.addWidget(self.empty_note)
        self.board = BedBoard()
        self.board.clicked.connect(self.tile_clicked)
        self.board.menu_requested.connect(self.tile_menu)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setWidget(self.board)
        layout.addWidget(self.board_scroll, 1)

    @async_slot()
    async def refresh(self) -> None:
        entries = await self.ctx.worker.read(bed_board, self.ctx.store, self.ctx.institution.id)
        self.show_board(entries)

    @async_slot(object)
    async def refresh_changed(self, changes: Changes) -> None:
        """While shown: one read of the beds a change touched (directly, through their
        residents, or through their rooms, floors and buildings), merged into the board in
        their places."""
        touched = {
            key: changes.rows[table] if changes.touches_fields(table, fields) else frozenset()
            for key, (table, fields) in TILE_FIELDS.items()
        }
        if not any(touched.values()):
            return
        ctx = self.ctx
        entries = await ctx.worker.read(bed_board, ctx.store, ctx.institution.id, **touched)
        bed_ids = touched["bed_ids"]
        found = {e.bed.id for e in entries}
        self.board.merge(entries, gone=[bed_id for bed_id in bed_ids if bed_id not in found])
        self.empty_note.setVisible(not self.board.entries)
        self._summarise(self.board.entries)

    def show_board(self, entries: Iterable[BoardBed]) -> None:
        self.board.show_entries(entries)
        self.empty_note.setVisible(not self.board.entries)
        self._summarise(self.board.entries)

    def _summarise(self, entries: list[BoardBed]) -> None:
        free = sum(e.bed.status is BedStatus.FREE for e in entries)
        self.summary.setText(tr("共 {n} 张床位，空闲 {free} 张").format(n=len(entries), free=free))

    def tile_clicked(self, entry: BoardBed) -> None:
        if entry.resident_id is not None:
            self.open_resident.emit(entry.resident_id)
        elif entry.bed.status in (BedStatus.FREE, BedStatus.RESERVED) and self.ctx.can(
            Permission.RESIDENTS_EDIT
        ):  # a bureau's user (or read-only) looks, admits no one
            self.admit_into.emit(entry.bed)

    def tile_menu(self, entry: BoardBed, position: QPoint) -> None:
        menu = QMenu(self)
        bed = entry.bed
        beds, residents = (
            self.ctx.can(Permission.BEDS_EDIT),
            self.ctx.can(Permission.RESIDENTS_EDIT),
        )
        if beds and bed.status is BedStatus.OUT_OF_SERVICE:
            menu.addAction(tr("恢复使用"), lambda: self.set_service(entry, True))
        elif beds and bed.status is not BedStatus.OCCUPIED:
            menu.addAction(tr("停用此床位"), lambda: self.set_service(entry, False))
        free = bed.status in (BedStatus.FREE, BedStatus.RESERVED)
        if residents and entry.resident_id is None and free:
            menu.addAction(tr("入住到此床位…"), lambda: self.admit_into.emit(bed))
        menu.addAction(tr("床位历史…"), lambda: self.show_history(entry))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(position)

    @async_slot()
    async def set_service(self, entry: BoardBed, in_service: bool) -> None:
        import datetime as dt

        if in_service:
            await self.ctx.change(return_bed_to_service, entry.bed.id, dt.date.today())
            return
        dialog = OutOfServiceDialog(entry.bed, self)  # asks why, first
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(
                take_bed_out_of_service,
                entry.bed.id,
                dialog.chosen_date(),
                reason=dialog.reason.text().strip(),
            )

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)

    @async_slot()
    async def show_history(self, entry: BoardBed) -> None:
        changes, stays = await self.ctx.worker.read(bed_history, self.ctx.store, entry.bed.id)
        dialog = BedHistoryDialog(entry.bed, changes, stays, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)

    @async_slot()
    async def start_bulk_add(self) -> None:
        ctx = self.ctx
        places = await ctx.worker.read(building_floors, ctx.store, ctx.institution.id)
        dialog = BulkBedsDialog(self, places)

        async def submit() -> None:
            await ctx.change(add_bed_block, dialog.block(ctx.institution.id))

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
