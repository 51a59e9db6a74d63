"""入住登记 with the ID number of a discharged person offers to re-admit them: the same
record gets a new stay; no second, hidden person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from mzdesk.core.vocab import ResidentStatus
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import BedChooserDialog
from mzdesk.services.residents import get_resident
from mzdesk.store.models import Resident
from tests.gui.conftest import closed, ok, open_dialog


def test_admitting_a_discharged_person_offers_to_readmit_the_same_record(qtbot, window):
    store = window.ctx.store
    with store.read() as s:
        left = s.scalars(
            select(Resident).where(Resident.status == ResidentStatus.DISCHARGED).limit(1)
        ).one()
        left_id, name, number = left.id, left.name, left.id_number
        people = s.scalar(select(func.count()).select_from(Resident))
    page = window.residents
    window.navigation.setCurrentRow(1)
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    details.name.setText(name)
    details.idNumber.setText(number)
    details.phone.setText("13700137000")
    ok(qtbot, details)
    offer = open_dialog(qtbot, QMessageBox)
    assert name in offer.text() and "再次入住" in offer.text()
    qtbot.mouseClick(offer.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    chooser = open_dialog(qtbot, BedChooserDialog)
    assert "再次入住" in chooser.windowTitle()
    ok(qtbot, chooser)
    closed(qtbot, chooser)
    again = get_resident(store, left_id)
    assert again.status is ResidentStatus.IN_HOUSE and again.bed_id is not None
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == people
        assert s.get(Resident, left_id).phone == "13700137000"


def test_admitting_someone_in_residence_names_where_they_are(qtbot, window):
    from tests.gui.residents.test_history_and_ids import show_residents

    page = show_residents(qtbot, window)
    here = page.model.rows[0]
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    details.name.setText("重复的人")
    details.idNumber.setText(here.id_number)
    ok(qtbot, details)
    chooser = open_dialog(qtbot, BedChooserDialog)
    ok(qtbot, chooser)
    bed_number = here.bed_label.split()[-1]
    qtbot.waitUntil(lambda: bed_number in chooser.errorLabel.text(), timeout=10_000)
    text = chooser.errorLabel.text()
    assert here.name in text and "在住" in text and "不能重复入住" in text
    chooser.reject()
    closed(qtbot, chooser)
