"""床位: bulk add beds, and a click on a free bed starts an admission into it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mzdesk.gui.beds.bulk_dialog import BulkBedsDialog
from mzdesk.gui.beds.tiles import tile_tooltip
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import BedChooserDialog
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.people import id_number


def test_bed_board_bulk_add_and_click_to_admit(qtbot, window):
    window.navigation.setCurrentRow(2)
    beds = window.beds
    board = beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    before = len(board.entries)
    qtbot.mouseClick(beds.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, BulkBedsDialog)
    dialog.building.setEditText("3号楼")  # QTest types ASCII only
    dialog.floor.setEditText("2层")
    dialog.roomFrom.setText("201")
    dialog.roomTo.setText("220")
    assert "40 张护理型床位" in dialog.preview.text()
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(lambda: len(board.entries) == before + 40, timeout=10_000)
    entry = next(e for e in board.entries if e.bed.building == "3号楼")
    rect = board.tile_rect(entry.bed.id)
    assert board.tile_at(rect.center()) == board.index[entry.bed.id]
    qtbot.mouseClick(board, Qt.MouseButton.LeftButton, pos=rect.center())
    details = open_dialog(qtbot, ResidentDialog)
    details.name.setText("新来的")
    details.idNumber.setText(id_number())
    ok(qtbot, details)
    chooser = open_dialog(qtbot, BedChooserDialog)
    assert chooser.beds.count() == 1
    assert chooser.bed_id() == entry.bed.id
    chooser.reject()


def test_bulk_add_offers_existing_buildings_and_adds_several_floors(qtbot, window):
    """Seen: the dialog did not offer the home's buildings (a typo made a second 1号楼) and
    added one floor at a time."""
    window.navigation.setCurrentRow(2)
    beds = window.beds
    board = beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    before = len(board.entries)
    qtbot.mouseClick(beds.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, BulkBedsDialog)
    buildings = [dialog.building.itemText(i) for i in range(dialog.building.count())]
    assert buildings and buildings == sorted(
        {e.bed.building for e in board.entries}, key=buildings.index
    )
    dialog.building.setCurrentIndex(0)
    floors = [dialog.floor.itemText(i) for i in range(dialog.floor.count())]
    assert floors and set(floors) == {
        e.bed.floor for e in board.entries if e.bed.building == buildings[0]
    }
    dialog.floor.setEditText("7层")
    dialog.floorTo.setText("9层")
    qtbot.keyClicks(dialog.roomFrom, "701")
    qtbot.keyClicks(dialog.roomTo, "705")
    assert "7层–9层" in dialog.preview.text() and "15 间 × 2 床 = 30 张" in dialog.preview.text()
    assert "701-1 … 905-2" in dialog.preview.text()
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(lambda: len(board.entries) == before + 30, timeout=10_000)
    added = {e.bed.floor for e in board.entries if e.bed.number.startswith(("7", "8", "9"))}
    assert added >= {"7层", "8层", "9层"}


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen menus
def test_the_board_is_used_by_keyboard(qtbot, window):
    """Arrows move between beds, Enter opens what a click opens, the menu key the menu."""
    from PySide6.QtWidgets import QApplication, QMenu

    from mzdesk.core.vocab import BedStatus

    window.navigation.setCurrentRow(2)
    board = window.beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Home)
    assert board.current == 0
    qtbot.keyClick(board, Qt.Key.Key_Right)
    assert board.current == 1
    qtbot.keyClick(board, Qt.Key.Key_Left)
    assert board.current == 0
    below = board.tiles[0].translated(0, board.tiles[0].height() + 6)
    qtbot.keyClick(board, Qt.Key.Key_Down)
    assert board.tiles[board.current].top() > board.tiles[0].top()
    if below in board.tiles:  # a room of two beds: Down is the bed under this one
        assert board.tiles[board.current] == below
    free = next(i for i, e in enumerate(board.entries) if e.bed.status is BedStatus.FREE)
    board.current = free
    opened: list[object] = []
    window.beds.admit_into.connect(opened.append)
    qtbot.keyClick(board, Qt.Key.Key_Return)
    assert opened == [board.entries[free].bed]
    window.beds.admit_into.disconnect(opened.append)
    details = open_dialog(qtbot, ResidentDialog)
    details.reject()
    closed(qtbot, details)
    qtbot.keyClick(board, Qt.Key.Key_Menu)
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMenu) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    assert [a.text() for a in menu.actions()] == ["停用此床位", "入住到此床位…", "床位历史…"]
    menu.close()


def test_the_board_paints_chinese_tiles(qtbot, window, tmp_path):
    """The painted board shows its beds (rendered offscreen; look at the PNG)."""
    window.navigation.setCurrentRow(2)
    board = window.beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    image = board.grab().toImage()
    first = board.tiles[0]
    assert (
        image.pixelColor(first.center().x(), first.top() + 2).name()
        != image.pixelColor(first.center().x(), first.top() - 4).name()
    )  # a tile is drawn where the layout put it
    board.grab().save(str(tmp_path / "board.png"))


def test_a_bed_whose_resident_is_on_leave_looks_different_from_an_occupied_one(qtbot, window):
    """Seen: the beds of residents on leave looked the same as occupied beds (only a small
    （外出） after the name told them apart)."""
    window.navigation.setCurrentRow(2)
    board = window.beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    away = next(e for e in board.entries if e.on_leave)
    here = next(e for e in board.entries if e.resident_id is not None and not e.on_leave)
    image = board.grab().toImage()

    def fill(entry):  # a point inside the tile, clear of its text and border
        rect = board.tile_rect(entry.bed.id)
        return image.pixelColor(rect.left() + 6, rect.bottom() - 5).name()

    def edge(entry):  # the border along the bottom: dashed for a bed on leave
        rect = board.tile_rect(entry.bed.id)
        y = rect.bottom() - 1
        return {image.pixelColor(x, y).name() for x in range(rect.left() + 8, rect.right() - 8)}

    assert fill(away) != fill(here)
    assert len(edge(away)) > len(edge(here)), "the border of a bed on leave is not dashed"
    assert "外出" in tile_tooltip(away) and "外出" not in tile_tooltip(here)


def test_the_legend_reads_as_a_legend_not_as_buttons(qtbot, window):
    """Seen: the legend's chips were bordered, padded, rounded labels that looked like buttons.
    A legend is a small swatch beside plain text, and it names every look a tile can have."""
    from PySide6.QtWidgets import QLabel

    window.navigation.setCurrentRow(2)
    legend = window.beds.legend
    texts = [w.text() for w in legend.findChildren(QLabel) if w.text()]
    assert texts[:5] == ["空闲", "在住", "外出中", "预留", "停用"]
    for label in legend.findChildren(QLabel):
        assert "border" not in label.styleSheet() and "padding" not in label.styleSheet()
        if label.pixmap() is not None and not label.pixmap().isNull():
            assert label.pixmap().width() <= 16 and label.pixmap().height() <= 16
