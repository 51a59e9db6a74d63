"""床位: bulk add beds, and a click on a free bed starts an admission into it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mzdesk.gui.beds.bulk_dialog import BulkBedsDialog
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import BedChooserDialog
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.people import id_number


def test_bed_board_bulk_add_and_click_to_admit(qtbot, window):
    window.navigation.setCurrentRow(2)
    beds = window.beds
    qtbot.waitUntil(lambda: bool(beds.tiles), timeout=10_000)
    before = len(beds.tiles)
    qtbot.mouseClick(beds.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, BulkBedsDialog)
    dialog.building.setText("3号楼")
    dialog.floor.setText("2层")
    dialog.roomFrom.setText("201")
    dialog.roomTo.setText("220")
    assert "40 张护理型床位" in dialog.preview.text()
    ok(qtbot, dialog)
    closed(qtbot, dialog)
    qtbot.waitUntil(lambda: len(beds.tiles) == before + 40, timeout=10_000)
    tile = next(t for t in beds.tiles if t.entry.bed.building == "3号楼")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    details.name.setText("新来的")
    details.idNumber.setText(id_number())
    ok(qtbot, details)
    chooser = open_dialog(qtbot, BedChooserDialog)
    assert chooser.beds.count() == 1
    assert chooser.bed_id() == tile.entry.bed.id
    chooser.reject()
