"""床位: the bed board (床位一览) and bulk bed management."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.gui.beds.bulk_dialog import BulkBedsDialog
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.inputs import from_qdate
from mzdesk.services.bed_board import BoardBed, bed_board
from mzdesk.services.beds import (
    NewBeds,
    add_beds,
    return_bed_to_service,
    take_bed_out_of_service,
)

STATUS_COLOURS = {
    BedStatus.FREE: ("#e3f4e4", "#2e7d32"),
    BedStatus.OCCUPIED: ("#e3edf9", "#1f5fa8"),
    BedStatus.RESERVED: ("#fff3dc", "#b26a00"),
    BedStatus.OUT_OF_SERVICE: ("#eceff1", "#78909c"),
}
TYPE_MARKS = {BedType.SELF_CARE: "自", BedType.NURSING: "护", BedType.DEMENTIA: "认"}
ROOMS_PER_ROW = 6


class BedTile(QToolButton):
    def __init__(self, entry: BoardBed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        bed = entry.bed
        background, border = STATUS_COLOURS[bed.status]
        who = entry.resident_name or bed.status.label
        if entry.on_leave:
            who += tr("（外出）")
        self.setText(f"{bed.number}  [{TYPE_MARKS[bed.bed_type]}]\n{who}")
        self.setToolTip(f"{bed.label}\n{bed.bed_type.label} · {bed.status.label}")
        self.setFixedSize(QSize(112, 48))
        self.setStyleSheet(
            f"QToolButton {{ background: {background}; border: 1px solid {border}; border-radius: 5px;"
            f" color: #222; font-size: 12px; }} QToolButton:hover {{ border-width: 2px; }}"
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


class BedsPage(QWidget):
    open_resident = Signal(object)  # resident id
    admit_into = Signal(object)  # BedView
    dialog_opened = Signal(QWidget)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("批量添加床位"))
        self.add_button.clicked.connect(self.start_bulk_add)
        bar.addWidget(self.add_button)
        bar.addSpacing(20)
        for status, (background, border) in STATUS_COLOURS.items():
            chip = QLabel(status.label)
            chip.setStyleSheet(
                f"background: {background}; border: 1px solid {border}; padding: 2px 8px;"
                " border-radius: 4px;"
            )
            bar.addWidget(chip)
        marks = "  ".join(f"[{m}] {t.label}" for t, m in TYPE_MARKS.items())
        bar.addWidget(QLabel(marks))
        bar.addStretch(1)
        self.summary = QLabel()
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidgetResizable(True)
        layout.addWidget(self.board_scroll, 1)
        self.tiles: list[BedTile] = []
        ctx.worker.changed.connect(self.refresh)

    @async_slot()
    async def refresh(self) -> None:
        entries = await self.ctx.worker.read(bed_board, self.ctx.store, self.ctx.institution.id)
        self.show_board(entries)

    def show_board(self, entries: Iterable[BoardBed]) -> None:
        board = QWidget()
        column = QVBoxLayout(board)
        self.tiles = []
        entries = list(entries)
        for building, in_building in groupby(entries, key=lambda e: e.bed.building):
            title = QLabel(building)
            title.setStyleSheet("font-size: 16px; font-weight: bold; margin-top: 8px;")
            column.addWidget(title)
            for floor, in_floor in groupby(in_building, key=lambda e: e.bed.floor):
                frame = QFrame()
                frame.setStyleSheet("QFrame#floor { border-top: 1px solid #d8dee6; }")
                frame.setObjectName("floor")
                row = QHBoxLayout(frame)
                label = QLabel(floor)
                label.setFixedWidth(48)
                label.setAlignment(Qt.AlignmentFlag.AlignTop)
                row.addWidget(label)
                grid = QGridLayout()
                grid.setHorizontalSpacing(14)
                for i, (room, in_room) in enumerate(groupby(in_floor, key=lambda e: e.bed.room)):
                    box = QVBoxLayout()
                    box.addWidget(QLabel(tr("{room}室").format(room=room)))
                    for entry in in_room:
                        tile = BedTile(entry)
                        tile.clicked.connect(lambda _=False, e=entry: self.tile_clicked(e))
                        tile.customContextMenuRequested.connect(
                            lambda pos, t=tile: self.tile_menu(t, pos)
                        )
                        self.tiles.append(tile)
                        box.addWidget(tile)
                    box.addStretch(1)
                    grid.addLayout(box, i // ROOMS_PER_ROW, i % ROOMS_PER_ROW)
                row.addLayout(grid)
                row.addStretch(1)
                column.addWidget(frame)
        if not entries:
            column.addWidget(
                QLabel(tr("还没有床位。点击“批量添加床位”，例如 3号楼 2层 201–220，每间2床。"))
            )
        column.addStretch(1)
        self.board_scroll.setWidget(board)
        free = sum(e.bed.status is BedStatus.FREE for e in entries)
        self.summary.setText(tr("共 {n} 张床位，空闲 {free} 张").format(n=len(entries), free=free))

    def tile_clicked(self, entry: BoardBed) -> None:
        if entry.resident_id is not None:
            self.open_resident.emit(entry.resident_id)
        elif entry.bed.status in (BedStatus.FREE, BedStatus.RESERVED):
            self.admit_into.emit(entry.bed)

    def tile_menu(self, tile: BedTile, pos: QPoint) -> None:
        menu = QMenu(self)
        bed = tile.entry.bed
        if bed.status is BedStatus.OUT_OF_SERVICE:
            menu.addAction(tr("恢复使用"), lambda: self.set_service(tile.entry, True))
        elif bed.status is not BedStatus.OCCUPIED:
            menu.addAction(tr("停用此床位"), lambda: self.set_service(tile.entry, False))
        if tile.entry.resident_id is None and bed.status in (BedStatus.FREE, BedStatus.RESERVED):
            menu.addAction(tr("入住到此床位…"), lambda: self.admit_into.emit(bed))
        menu.popup(tile.mapToGlobal(pos))

    @async_slot()
    async def set_service(self, entry: BoardBed, in_service: bool) -> None:
        import datetime as dt

        if in_service:
            await self.ctx.change(return_bed_to_service, entry.bed.id, dt.date.today())
        else:
            await self.ctx.change(take_bed_out_of_service, entry.bed.id, dt.date.today())

    def start_bulk_add(self) -> None:
        dialog = BulkBedsDialog(self)
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(
                add_beds,
                NewBeds(
                    ctx.institution.id,
                    dialog.building.text(),
                    dialog.floor.text(),
                    dialog.rooms(),
                    dialog.bedsPerRoom.value(),
                    dialog.bed_type(),
                    from_qdate(dialog.effectiveOn.date()),
                ),
            )

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
