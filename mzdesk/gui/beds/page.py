"""床位: the bed board (床位一览) and bulk bed management."""

from __future__ import annotations

import asyncio
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

from mzdesk.core.changes import Changes
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


def _board_style() -> str:
    """One style sheet for the whole board, by each tile's ``status`` property: a per-tile
    style sheet costs a parse per tile on every refresh."""
    rules = [
        "QToolButton#bedTile { border-radius: 5px; color: #222; font-size: 12px; }",
        "QToolButton#bedTile:hover { border-width: 2px; }",
    ]
    for status, (background, border) in STATUS_COLOURS.items():
        rules.append(
            f'QToolButton#bedTile[status="{status.value}"] '
            f"{{ background: {background}; border: 1px solid {border}; }}"
        )
    return "\n".join(rules)


class BedTile(QToolButton):
    def __init__(self, entry: BoardBed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bedTile")
        self.setFixedSize(QSize(112, 48))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entry = entry
        self.show_entry(entry, first=True)

    def show_entry(self, entry: BoardBed, *, first: bool = False) -> None:
        """Show ``entry``; a refresh that changed one bed touches only its tile."""
        status_changed = first or entry.bed.status is not self.entry.bed.status
        self.entry = entry
        bed = entry.bed
        who = entry.resident_name or bed.status.label
        if entry.on_leave:
            who += tr("（外出）")
        self.setText(f"{bed.number}  [{TYPE_MARKS[bed.bed_type]}]\n{who}")
        self.setToolTip(f"{bed.label}\n{bed.bed_type.label} · {bed.status.label}")
        if status_changed:
            self.setProperty("status", bed.status.value)
            if not first:
                self.style().unpolish(self)
                self.style().polish(self)


BUILD_SLICE = 40  # tiles built between two turns of the event loop
# what a tile shows: of its bed, and of the resident in it
TILE_BED_FIELDS = frozenset({"number", "bed_type", "status", "room_id", "deleted_at"})
TILE_RESIDENT_FIELDS = frozenset({"name", "status", "bed_id", "deleted_at"})


def _building_title(building: str) -> QLabel:
    title = QLabel(building)
    title.setStyleSheet("font-size: 16px; font-weight: bold; margin-top: 8px;")
    return title


def _place(entry: BoardBed) -> tuple[object, ...]:
    bed = entry.bed
    return (bed.id, bed.building, bed.floor, bed.room, bed.number)


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
        # One board widget for the page's life: refreshes reuse unchanged floors in place
        # and add new ones a few at a time, so the window never freezes on a big home.
        board = QWidget()
        board.setStyleSheet(_board_style())
        self.board_column = QVBoxLayout(board)
        # the floors come first (placed by show_board); then this note, shown when there are
        # no beds, and the stretch that keeps the floors at the top
        self.empty_note = QLabel(
            tr("还没有床位。点击“批量添加床位”，例如 3号楼 2层 201–220，每间2床。")
        )
        self.board_column.addWidget(self.empty_note)
        self.board_column.addStretch(1)
        self.board_scroll.setWidget(board)
        self.titles: dict[str, QLabel] = {}
        self.tiles: list[BedTile] = []
        self.floors: dict[tuple[str, str], tuple[QFrame, list[BedTile]]] = {}
        self._shown_generation = 0

    @async_slot()
    async def refresh(self) -> None:
        entries = await self.ctx.worker.read(bed_board, self.ctx.store, self.ctx.institution.id)
        await self.show_board(entries)

    @async_slot(object)
    async def refresh_changed(self, changes: Changes) -> None:
        """While shown: reload only the beds a change touched (and the beds of the residents
        it touched); new beds or new rooms rebuild the board."""
        if changes.touches(("rooms", "floors", "buildings")):
            await self.refresh()
            return
        bed_ids = (
            changes.rows["beds"] if changes.touches_fields("beds", TILE_BED_FIELDS) else frozenset()
        )
        resident_ids = (
            changes.rows["residents"]
            if changes.touches_fields("residents", TILE_RESIDENT_FIELDS)
            else frozenset()
        )
        if not bed_ids and not resident_ids:
            return
        ctx = self.ctx
        entries = await ctx.worker.read(
            bed_board, ctx.store, ctx.institution.id, bed_ids=bed_ids, resident_ids=resident_ids
        )
        tiles = {tile.entry.bed.id: tile for tile in self.tiles}
        moved = [
            e
            for e in entries
            if e.bed.id not in tiles or _place(tiles[e.bed.id].entry) != _place(e)
        ]
        if moved:  # new or moved beds: build again just the floors they left or joined
            keys = {(e.bed.building, e.bed.floor) for e in moved}
            keys |= {
                (tiles[e.bed.id].entry.bed.building, tiles[e.bed.id].entry.bed.floor)
                for e in moved
                if e.bed.id in tiles
            }
            if not keys <= self.floors.keys():
                await self.refresh()  # a new floor or building: its place among the others
                return
            on_floors = await ctx.worker.read(bed_board, ctx.store, ctx.institution.id, floors=keys)
            self._rebuild_floors(keys, on_floors)
            return
        for entry in entries:
            if tiles[entry.bed.id].entry != entry:
                tiles[entry.bed.id].show_entry(entry)
        self._summarise([tile.entry for tile in self.tiles])

    def _rebuild_floors(self, keys: set[tuple[str, str]], entries: list[BoardBed]) -> None:
        """Build these floors again from their beds (``entries``), each in its place."""
        grouped = {
            key: list(group)
            for key, group in groupby(entries, key=lambda e: (e.bed.building, e.bed.floor))
        }
        for key in keys:
            old_frame, _ = self.floors[key]
            if key not in grouped:  # the floor lost its last bed
                old_frame.hide()
                self.board_column.removeWidget(old_frame)
                old_frame.deleteLater()
                del self.floors[key]
                continue
            self.floors[key] = self._floor(key[1], grouped[key])
            self.board_column.replaceWidget(old_frame, self.floors[key][0])
            old_frame.deleteLater()
        self.tiles = [tile for _, tiles in self.floors.values() for tile in tiles]
        self._summarise([tile.entry for tile in self.tiles])

    async def show_board(self, entries: Iterable[BoardBed]) -> None:
        """Show ``entries``: a floor whose beds are where they were updates its tiles in
        place; a new or changed floor is built and put in its place, a few floors at a time
        (the event loop runs between them); floors and buildings that are gone are removed."""
        self._shown_generation += 1
        generation = self._shown_generation
        entries = list(entries)
        wanted = {
            key: list(group)
            for key, group in groupby(entries, key=lambda e: (e.bed.building, e.bed.floor))
        }
        kept: dict[tuple[str, str], tuple[QFrame, list[BedTile]]] = {}
        position = 0
        built_since_yield = 0
        previous_building = None
        for key, floor_entries in wanted.items():
            building = key[0]
            if building != previous_building:  # a building's title, then its floors
                if building not in self.titles:
                    self.titles[building] = _building_title(building)
                position = self._place_widget(self.titles[building], position)
                previous_building = building
            old = self.floors.get(key)
            if old is not None and [_place(t.entry) for t in old[1]] == [
                _place(e) for e in floor_entries
            ]:
                for tile, entry in zip(old[1], floor_entries, strict=True):
                    if tile.entry != entry:
                        tile.show_entry(entry)
                kept[key] = old
            else:
                kept[key] = self._floor(key[1], floor_entries)
                built_since_yield += len(floor_entries)
            position = self._place_widget(kept[key][0], position)
            if built_since_yield >= BUILD_SLICE:
                built_since_yield = 0
                await asyncio.sleep(0)  # let the window paint and take input
                if generation != self._shown_generation:
                    # a newer refresh took over and finishes the board: drop what this one
                    # built, which the newer one does not know
                    current = {id(frame) for frame, _ in self.floors.values()}
                    for frame, _ in kept.values():
                        if id(frame) not in current:
                            frame.deleteLater()
                    return
        self.empty_note.setVisible(not entries)
        for key, (frame, _) in self.floors.items():
            if kept.get(key, (None,))[0] is not frame:
                frame.deleteLater()
        for building in [b for b in self.titles if b not in {k[0] for k in wanted}]:
            self.titles.pop(building).deleteLater()
        self.floors = kept
        self.tiles = [tile for _, tiles in kept.values() for tile in tiles]
        self._summarise(entries)

    def _place_widget(self, widget: QWidget, position: int) -> int:
        """Put ``widget`` at ``position`` of the board (moving it if it is elsewhere);
        returns the next position."""
        if self.board_column.indexOf(widget) != position:
            self.board_column.removeWidget(widget)
            self.board_column.insertWidget(position, widget)
        widget.show()
        return position + 1

    def _floor(self, floor: str, entries: list[BoardBed]) -> tuple[QFrame, list[BedTile]]:
        """One floor: its name, then its rooms in rows of six, each room's beds as tiles."""
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
        tiles: list[BedTile] = []
        for i, (room, in_room) in enumerate(groupby(entries, key=lambda e: e.bed.room)):
            box = QVBoxLayout()
            box.addWidget(QLabel(tr("{room}室").format(room=room)))
            for entry in in_room:
                tile = BedTile(entry)
                tile.clicked.connect(lambda _=False, t=tile: self.tile_clicked(t.entry))
                tile.customContextMenuRequested.connect(lambda pos, t=tile: self.tile_menu(t, pos))
                tiles.append(tile)
                box.addWidget(tile)
            box.addStretch(1)
            grid.addLayout(box, i // ROOMS_PER_ROW, i % ROOMS_PER_ROW)
        row.addLayout(grid)
        row.addStretch(1)
        return frame, tiles

    def _summarise(self, entries: list[BoardBed]) -> None:
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
