"""A child's path through the widgets of a children's home (issue 16): 接收 with a document,
寻亲公告, 入院评估, 安置 in foster care, 回访, 离院; the private details revealed only for a
role that may, and each look audited; a problem shown at its field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from mzdesk.core.children import (
    LEAVING_REASONS,
    IntakeWay,
    NoticeStatus,
    PlacementKind,
    SchoolStage,
)
from mzdesk.core.vocab import ChildCategory, DischargeReason, ResidentStatus
from mzdesk.gui.residents.child_record import ChildRecordDialog
from mzdesk.gui.residents.child_steps import (
    ChildAssessmentDialog,
    ChildLeaveDialog,
    CloseNoticeDialog,
    NoticeDialog,
    PlacementDialog,
    UpbringingDialog,
    VisitDialog,
)
from mzdesk.gui.residents.receive_dialog import ReceiveDialog
from mzdesk.gui.widgets.inputs import select_vocab
from mzdesk.gui.widgets.palette import ERROR_STYLE
from mzdesk.services.children import Intake, receive_child
from mzdesk.services.residents import ResidentData, get_resident
from mzdesk.store.models import (
    Attachment,
    AuditEntry,
    ChildIntake,
    FamilyNotice,
    PlacementVisit,
    Resident,
)
from tests.gui.conftest import closed, ok, open_dialog
from tests.helpers.actors import SETUP

TODAY = dt.date.today()


def residents(qtbot, window):
    window.navigation.setCurrentRow(1)
    page = window.residents
    qtbot.waitUntil(lambda: page.model.idle, timeout=10_000)
    return page


def answer_yes(qtbot) -> None:
    box = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def record_of(qtbot, page, name: str) -> ChildRecordDialog:
    qtbot.waitUntil(lambda: any(r.name == name for r in page.model.rows), timeout=10_000)
    page.select(next(r.id for r in page.model.rows if r.name == name))
    qtbot.waitUntil(page.record_button.isEnabled)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    record = open_dialog(qtbot, ChildRecordDialog)
    qtbot.waitUntil(lambda: record.path is not None, timeout=10_000)
    return record


def step(qtbot, record: ChildRecordDialog, key: str, kind):
    before = record.path
    qtbot.waitUntil(record.buttons[key].isEnabled, timeout=10_000)
    qtbot.mouseClick(record.buttons[key], Qt.MouseButton.LeftButton)
    return open_dialog(qtbot, kind), before


def reloaded(qtbot, record, before) -> None:
    qtbot.waitUntil(lambda: record.path is not before, timeout=10_000)


def test_the_path_through_the_widgets(qtbot, open_as, home, tmp_path):
    store, _ = home
    window = open_as("staff")
    page = residents(qtbot, window)
    assert page.admit_button.text() == "接收" and page.assess_button.isHidden()

    # 接收: a foundling brought by the police, with a photographed report
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    receive = open_dialog(qtbot, ReceiveDialog)
    receive.name.setText("党小冬")
    receive.birth_date.setText((TODAY - dt.timedelta(days=200)).isoformat())
    select_vocab(receive.category, ChildCategory.ABANDONED_INFANT)
    select_vocab(receive.way, IntakeWay.TRANSFER)  # each way's fields only for it
    assert receive.brought_by.isHidden() and not receive.transferred_from.isHidden()
    select_vocab(receive.way, IntakeWay.POLICE)
    assert not receive.brought_by.isHidden() and receive.transferred_from.isHidden()
    receive.found_on.setDate(receive.intake_date.date())
    receive.brought_by.setText("城关派出所")
    receive.report_number.setText("JB-0301")
    receive.birth_family.setPlainText("无任何线索")
    scan = tmp_path / "捡拾报案证明.png"
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    assert picture.save(str(scan))
    receive.add_document(str(scan))
    assert receive.documents.count() == 1
    ok(qtbot, receive)
    closed(qtbot, receive)
    with store.read() as session:
        intake = session.scalars(select(ChildIntake)).one()
        assert intake.brought_by == "城关派出所" and intake.way is IntakeWay.POLICE
        document = session.scalars(select(Attachment)).one()
        assert document.owner_id == intake.id and document.caption == "捡拾报案证明"
    child_id = intake.resident_id

    record = record_of(qtbot, page, "党小冬")
    assert "城关派出所" not in [f.value for s in record.path.steps for f in s.fields]

    # 寻亲公告
    notice, before = step(qtbot, record, "notice", NoticeDialog)
    notice.publication.setText("市日报")
    ok(qtbot, notice)
    closed(qtbot, notice)
    reloaded(qtbot, record, before)
    assert record.running_notice() is not None
    notice_item = record.steps.topLevelItem(1)
    rows = {
        notice_item.child(i).text(0): notice_item.child(i).text(1)
        for i in range(notice_item.childCount())
    }
    end = (TODAY + dt.timedelta(days=60)).isoformat()
    assert rows["公告期至"] == f"{end}（还有 60 天）"  # the deadline, shown while it runs
    assert not record.buttons["notice"].isEnabled() and record.buttons["close_notice"].isEnabled()
    with store.read() as session:
        assert session.scalars(select(FamilyNotice)).one().status is NoticeStatus.RUNNING

    # 入院评估: every item answered; no disability fixes the level at 无
    assessment, before = step(qtbot, record, "assessment", ChildAssessmentDialog)
    assessment.assessor.setText("王医生")
    for combo in assessment.items.values():
        if combo.isEnabled():
            combo.setCurrentIndex(1)
    assessment.kind_combo.setCurrentIndex(assessment.kind_combo.findData("none"))
    assert assessment.level_combo.currentData() == "none"
    assert not assessment.level_combo.isEnabled()
    ok(qtbot, assessment)
    closed(qtbot, assessment)
    reloaded(qtbot, record, before)

    # 养育安排: the record's schooling follows it
    upbringing, before = step(qtbot, record, "upbringing", UpbringingDialog)
    select_vocab(upbringing.school_stage, SchoolStage.PRESCHOOL)
    upbringing.group_name.setText("向日葵组")
    ok(qtbot, upbringing)
    closed(qtbot, upbringing)
    reloaded(qtbot, record, before)
    with store.read() as session:
        assert session.get(Resident, child_id).schooling == "学前教育"

    # 安置: foster care keeps the child in the home's care
    placement, before = step(qtbot, record, "placement", PlacementDialog)
    select_vocab(placement.kind, PlacementKind.FOSTER)
    placement.family_name.setText("李家")
    placement.family_address.setText("幸福路8号")
    ok(qtbot, placement)
    closed(qtbot, placement)
    reloaded(qtbot, record, before)
    assert get_resident(store, child_id).status is ResidentStatus.FOSTERED
    assert record.buttons["end_foster"].isEnabled()

    # 回访
    visit, before = step(qtbot, record, "visit", VisitDialog)
    visit.visited_by.setText("社工张")
    visit.findings.setPlainText("适应良好")
    ok(qtbot, visit)
    closed(qtbot, visit)
    reloaded(qtbot, record, before)
    with store.read() as session:
        assert session.scalars(select(PlacementVisit)).one().findings == "适应良好"

    # 结束公告: withdrawn needs a reason, shown at its field
    close, before = step(qtbot, record, "close_notice", CloseNoticeDialog)
    select_vocab(close.outcome, NoticeStatus.WITHDRAWN)
    assert close.claimed_by.isHidden()
    ok(qtbot, close)
    qtbot.waitUntil(lambda: close.note.styleSheet() == ERROR_STYLE, timeout=10_000)
    close.note.setPlainText("已在寄养家庭生活")
    ok(qtbot, close)
    closed(qtbot, close)
    reloaded(qtbot, record, before)
    with store.read() as session:
        assert session.scalars(select(FamilyNotice)).one().status is NoticeStatus.WITHDRAWN

    # 离院: asks first; only the reasons that are not a placement (those go through 安置)
    leave, before = step(qtbot, record, "leave", ChildLeaveDialog)
    reasons = [leave.reason.itemData(i) for i in range(leave.reason.count())]
    assert reasons == [r.value for r in LEAVING_REASONS]
    assert len(reasons) < len(DischargeReason)  # not the elderly's reasons
    select_vocab(leave.reason, DischargeReason.TRANSFER)
    ok(qtbot, leave)
    answer_yes(qtbot)
    closed(qtbot, leave)
    reloaded(qtbot, record, before)
    with store.read() as session:
        child = session.get(Resident, child_id)
        assert child.status is ResidentStatus.DISCHARGED
        assert child.discharge_reason is DischargeReason.TRANSFER
    # a left child has no more steps in care; a placement can still be visited
    enabled = {key for key, button in record.buttons.items() if button.isEnabled()}
    assert enabled == {"visit"}
    record.close()


def _child(store, home_id) -> None:
    receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(
            name="党小春",
            birth_date=TODAY - dt.timedelta(days=400),
            child_category=ChildCategory.ABANDONED_INFANT,
        ),
        Intake(
            IntakeWay.POLICE,
            TODAY - dt.timedelta(days=3),
            found_on=TODAY - dt.timedelta(days=4),
            brought_by="城关派出所",
            birth_family="母亲姓王",
        ),
    )


def test_reveal_only_for_a_role_that_may_and_audited(qtbot, open_as, home):
    store, home_id = home
    _child(store, home_id)
    readonly = open_as("readonly")
    page = residents(qtbot, readonly)
    assert page.admit_button.isHidden()
    record = record_of(qtbot, page, "党小春")
    assert record.reveal_button.isHidden()
    assert all(b.isHidden() for b in record.buttons.values())
    record.close()

    staff = open_as("staff")
    page = residents(qtbot, staff)
    record = record_of(qtbot, page, "党小春")
    assert not record.reveal_button.isHidden()
    assert "审计" in record.reveal_button.toolTip()
    shown = [f.value for s in record.path.steps for f in s.fields]
    assert "母亲姓王" not in shown and "（需授权查看）" in shown
    before = record.path
    qtbot.mouseClick(record.reveal_button, Qt.MouseButton.LeftButton)
    reloaded(qtbot, record, before)
    tree = record.steps.topLevelItem(0)
    values = [tree.child(i).text(1) for i in range(tree.childCount())]
    assert "母亲姓王" in values and "城关派出所" in values
    assert not record.reveal_button.isEnabled()
    with store.read() as session:
        looks = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(e.table_name, e.user_name) for e in looks] == [("child_intakes", "测试staff")]
    record.close()


def test_a_problem_is_shown_at_its_field_and_esc_asks(qtbot, open_as, home, tmp_path):
    window = open_as("staff")
    page = residents(qtbot, window)
    qtbot.mouseClick(page.admit_button, Qt.MouseButton.LeftButton)
    receive = open_dialog(qtbot, ReceiveDialog)
    receive.name.setText("党小夏")
    receive.birth_date.setText((TODAY - dt.timedelta(days=30)).isoformat())
    select_vocab(receive.category, ChildCategory.ABANDONED_INFANT)
    select_vocab(receive.way, IntakeWay.POLICE)  # the police's unit left empty
    ok(qtbot, receive)
    qtbot.waitUntil(lambda: receive.brought_by.styleSheet() == ERROR_STYLE, timeout=10_000)
    assert "送交单位" in receive.error_label.text()
    assert receive.isVisible()
    # a document that is no picture, whatever its name says, is refused at the documents
    receive.brought_by.setText("城关派出所")
    fake = tmp_path / "假图片.png"
    fake.write_bytes(b"%PDF-1.4 not a picture")
    receive.add_document(str(fake))
    ok(qtbot, receive)
    qtbot.waitUntil(lambda: receive.documents.styleSheet() == ERROR_STYLE, timeout=10_000)
    assert receive.brought_by.styleSheet() == ""
    assert receive.error_label.text().startswith("入院材料：")
    assert receive.isVisible()
    qtbot.keyClick(receive, Qt.Key.Key_Escape)  # half-filled: asks before discarding
    box = open_dialog(qtbot, QMessageBox)
    assert "放弃" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    closed(qtbot, receive)
    with home[0].read() as session:
        assert session.scalars(select(Resident)).all() == []  # nothing was written
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ReceiveDialog) and w.isVisible()
    ]
