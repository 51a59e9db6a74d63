"""The bureau (民政局) role: reads the figures and inspects, but does not admit, discharge or
change a home's beds — the screens offer none of it and the services refuse it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from mzdesk.core.permissions import Actor, Permission, PermissionDenied, role
from mzdesk.core.vocab import BedStatus, DischargeReason
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.services.beds import take_bed_out_of_service
from mzdesk.services.institutions import list_institutions
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import Admission, admit_resident, discharge_resident
from mzdesk.services.users import users_of
from tests.helpers.people import id_number


def test_the_bureau_role_reads_and_inspects_only():
    bureau = role("bureau")
    assert (bureau.zh, bureau.en) == ("民政局", "civil-affairs bureau")
    assert bureau.grants(Permission.INSPECTIONS_EDIT)
    for permission in (
        Permission.RESIDENTS_EDIT,
        Permission.BEDS_EDIT,
        Permission.WORKERS_EDIT,
        Permission.INSTITUTION_EDIT,
        Permission.USERS_MANAGE,
        Permission.IDS_REVEAL,
    ):
        assert not bureau.grants(permission), permission


def test_the_services_refuse_a_bureau_user(demo_store):
    institution = list_institutions(demo_store)[0]
    bureau = Actor(None, institution.id, "bureau", "民政局 检查员")
    from mzdesk.services.beds import list_beds

    free = next(b for b in list_beds(demo_store, institution.id) if b.status is BedStatus.FREE)
    with pytest.raises(PermissionDenied):
        admit_resident(
            demo_store,
            bureau,
            Admission(
                institution.id,
                ResidentData(name="张三", id_number=id_number()),
                dt.date.today(),
                free.id,
            ),
        )
    from sqlalchemy import select

    from mzdesk.core.vocab import ResidentStatus
    from mzdesk.store.models import Resident

    with demo_store.read() as session:
        someone = session.scalar(
            select(Resident.id).where(Resident.status == ResidentStatus.IN_HOUSE)
        )
    with pytest.raises(PermissionDenied):
        discharge_resident(demo_store, bureau, someone, dt.date.today(), DischargeReason.HOME)
    with pytest.raises(PermissionDenied):
        take_bed_out_of_service(demo_store, bureau, free.id, dt.date.today(), "维修")


def test_the_demo_has_a_bureau_account(demo_store):
    institution = list_institutions(demo_store)[0]
    assert "bureau" in {u.role for u in users_of(demo_store, institution.id)}


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen menus
def test_the_screens_offer_no_admission_or_discharge(qtbot, window_as):
    main = window_as("bureau")
    residents = main.residents
    for button in (residents.admit_button, residents.discharge_button, residents.leave_button):
        assert button.isHidden()
    assert not residents.open_button.isHidden()  # reading is what a bureau does
    main.navigation.setCurrentRow(2)
    beds = main.beds
    board = beds.board
    qtbot.waitUntil(lambda: bool(board.entries), timeout=10_000)
    assert beds.add_button.isHidden()
    free = next(e for e in board.entries if e.bed.status is BedStatus.FREE)
    qtbot.mouseClick(board, Qt.MouseButton.LeftButton, pos=board.tile_rect(free.bed.id).center())
    qtbot.wait(200)
    assert not any(
        isinstance(w, ResidentDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )  # a click on a free bed starts no admission
    beds.tile_menu(free, board.mapToGlobal(board.tile_rect(free.bed.id).center()))
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    offered = [a.text() for m in menus for a in m.actions()]
    assert not any("入住" in t or "停用" in t for t in offered), offered
    for menu in menus:
        menu.close()
