"""What a children's home's staff met on the 住户 page and in the 儿童档案 (issue 16): a
double-click opens the child's record, the filters and columns are the children's, the
assessment keeps a note, a notice ends after the child left, the 养育 history, intake
documents opened (audited) and the navigation's words for the workers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from mzdesk.core.children import CareArrangement, IntakeWay, NoticeStatus, SchoolStage
from mzdesk.core.vocab import BedType, ChildCategory, DischargeReason, ResidentStatus
from mzdesk.gui.residents.child_history import UpbringingHistoryDialog
from mzdesk.gui.residents.child_record import ChildRecordDialog
from mzdesk.gui.residents.child_steps import ChildAssessmentDialog, CloseNoticeDialog
from mzdesk.gui.residents.document_viewer import DocumentViewer
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.widgets.inputs import select_vocab
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.children import (
    Arrangement,
    Intake,
    IntakeDocument,
    child_leaves,
    publish_notice,
    receive_child,
    set_upbringing,
)
from mzdesk.services.residents import ResidentData
from mzdesk.store.models import AuditEntry, ChildAssessment, FamilyNotice
from tests.gui.conftest import closed, ok, open_dialog
from tests.gui.residents.test_children_path import record_of, reloaded, residents, step
from tests.helpers.actors import SETUP

TODAY = dt.date.today()


def _scan() -> bytes:
    picture = QImage(60, 40, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366cc"))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, "PNG")
    return bytes(data.data())


def _receive(store, home_id, name, category, documents=()):
    return receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(name=name, birth_date=TODAY - dt.timedelta(days=900), child_category=category),
        Intake(
            IntakeWay.POLICE,
            TODAY - dt.timedelta(days=30),
            found_on=TODAY - dt.timedelta(days=31),
            brought_by="城关派出所",
        ),
        documents=documents,
    )


def test_a_double_click_opens_the_childs_record_and_its_details_stay_reachable(
    qtbot, open_as, home
):
    store, home_id = home
    _receive(store, home_id, "党小春", ChildCategory.ORPHAN)
    page = residents(qtbot, open_as("staff"))
    qtbot.waitUntil(lambda: len(page.model.rows) == 1, timeout=10_000)
    cell = page.table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    record = open_dialog(qtbot, ChildRecordDialog)
    qtbot.waitUntil(lambda: record.path is not None, timeout=10_000)
    assert not [w for w in page.findChildren(ResidentDialog) if w.isVisible()]
    assert "在院" in record.heading.text()  # the children's word, not 在住
    # the general dialog is there for the child's own details
    qtbot.mouseClick(record.details_button, Qt.MouseButton.LeftButton)
    details = open_dialog(qtbot, ResidentDialog)
    assert details.name.text() == "党小春"
    assert details.tabs.isTabVisible(details.tabs.indexOf(details.childTab))
    details.reject()
    closed(qtbot, details)
    record.close()


def test_a_child_opened_from_the_bed_board_opens_its_record(qtbot, open_as, home):
    store, home_id = home
    [bed] = add_beds(
        store,
        SETUP,
        NewBeds(
            home_id, "1号楼", "1层", ["101"], 1, BedType.SELF_CARE, TODAY - dt.timedelta(days=90)
        ),
    )
    child = receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(
            name="党小冬",
            birth_date=TODAY - dt.timedelta(days=900),
            child_category=ChildCategory.ORPHAN,
        ),
        Intake(IntakeWay.TRANSFER, TODAY - dt.timedelta(days=30), transferred_from="县福利院"),
        bed_id=bed.id,
    )
    window = open_as("staff")
    window.beds.open_resident.emit(child.id)  # what a double-click on its bed sends
    record = open_dialog(qtbot, ChildRecordDialog)
    qtbot.waitUntil(lambda: record.path is not None, timeout=10_000)
    assert record.resident_id == child.id
    assert not [w for w in window.findChildren(ResidentDialog) if w.isVisible()]
    record.close()


def test_the_filters_and_columns_are_the_childrens(qtbot, open_as, home):
    store, home_id = home
    _receive(store, home_id, "党小春", ChildCategory.ORPHAN)
    _receive(store, home_id, "党小夏", ChildCategory.DISABLED)
    left = _receive(store, home_id, "党小秋", ChildCategory.ABANDONED_INFANT)
    child_leaves(store, SETUP, left.id, TODAY, DischargeReason.TRANSFER)
    page = residents(qtbot, open_as("staff"))
    bar = page.filters
    assert bar.support.isHidden() and bar.level.isHidden()
    assert not bar.category.isHidden()
    categories = [bar.category.itemText(i) for i in range(bar.category.count())]
    assert categories[1:] == [c.label for c in ChildCategory]
    statuses = [bar.status.itemText(i) for i in range(bar.status.count())]
    assert statuses == ["在院与家庭寄养", "在院", "家庭寄养", "已离院", "全部"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert "供养类型" not in headers and "能力等级" not in headers
    assert "儿童类别" in headers and "残疾情况" in headers
    qtbot.waitUntil(lambda: len(page.model.rows) == 2, timeout=10_000)
    shown = {page.model.data(page.model.index(r, 6)) for r in range(2)}
    assert shown == {"孤儿", "残疾儿童"}
    assert page.model.data(page.model.index(0, 5)) == "在院"

    select_vocab(bar.category, ChildCategory.DISABLED)
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows] == ["党小夏"], timeout=10_000)
    bar.category.setCurrentIndex(0)
    bar.status.setCurrentIndex(3)  # 已离院
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows] == ["党小秋"], timeout=10_000)
    assert page.model.data(page.model.index(0, 5)) == "已离院"


def test_the_assessment_keeps_its_note(qtbot, open_as, home):
    store, home_id = home
    _receive(store, home_id, "党小春", ChildCategory.ORPHAN)
    page = residents(qtbot, open_as("staff"))
    record = record_of(qtbot, page, "党小春")
    assessment, before = step(qtbot, record, "assessment", ChildAssessmentDialog)
    assessment.assessor.setText("王医生")
    for combo in assessment.items.values():
        combo.setCurrentIndex(1)
    assessment.kind_combo.setCurrentIndex(assessment.kind_combo.findData("none"))
    assessment.note.setPlainText("哭闹较多，需观察睡眠")
    ok(qtbot, assessment)
    closed(qtbot, assessment)
    reloaded(qtbot, record, before)
    with store.read() as session:
        assert session.scalars(select(ChildAssessment)).one().note == "哭闹较多，需观察睡眠"
    record.close()


def test_a_notice_ends_after_the_child_left(qtbot, open_as, home):
    store, home_id = home
    child = _receive(store, home_id, "党小春", ChildCategory.ABANDONED_INFANT)
    publish_notice(store, SETUP, child.id, TODAY - dt.timedelta(days=20))
    child_leaves(store, SETUP, child.id, TODAY - dt.timedelta(days=1), DischargeReason.TRANSFER)
    page = residents(qtbot, open_as("staff"))
    page.filters.status.setCurrentIndex(3)  # 已离院
    record = record_of(qtbot, page, "党小春")
    assert record.path.child.status is ResidentStatus.DISCHARGED
    close, before = step(qtbot, record, "close_notice", CloseNoticeDialog)
    select_vocab(close.outcome, NoticeStatus.CLAIMED)
    close.claimed_by.setText("生母王某")
    ok(qtbot, close)
    closed(qtbot, close)
    reloaded(qtbot, record, before)
    with store.read() as session:
        notice = session.scalars(select(FamilyNotice)).one()
        assert (notice.status, notice.claimed_by) == (NoticeStatus.CLAIMED, "生母王某")
    assert not record.buttons["close_notice"].isEnabled()
    record.close()


def test_the_upbringing_history_shows_every_arrangement(qtbot, open_as, home):
    store, home_id = home
    child = _receive(store, home_id, "党小春", ChildCategory.ORPHAN)
    for on, how, stage, group in (
        (TODAY - dt.timedelta(days=20), CareArrangement.UNIT, SchoolStage.NOT_YET, "一单元"),
        (TODAY - dt.timedelta(days=5), CareArrangement.FAMILY_GROUP, SchoolStage.PRESCHOOL, None),
    ):
        set_upbringing(
            store, SETUP, child.id, Arrangement(on, how, stage, group_name=group, medical="体检")
        )
    page = residents(qtbot, open_as("readonly"))  # reading the history needs no edit right
    record = record_of(qtbot, page, "党小春")
    assert not record.history_button.isHidden()
    qtbot.mouseClick(record.history_button, Qt.MouseButton.LeftButton)
    history = open_dialog(qtbot, UpbringingHistoryDialog)
    model = history.table.rows_model
    qtbot.waitUntil(lambda: len(model.rows) == 2, timeout=10_000)
    first, second = (dict(zip(model.headers, row, strict=True)) for row in model.rows)
    assert first["起始日期"] == (TODAY - dt.timedelta(days=5)).isoformat()  # newest first
    assert first["养育方式"] == "类家庭养育" and first["就学情况"] == "学前教育"
    assert second["小组/单元"] == "一单元" and second["医疗"] == "体检"
    assert first["记录人"] == SETUP.name
    history.close()
    record.close()


def test_an_intake_document_is_shown_for_children_private_and_each_look_audited(
    qtbot, open_as, home
):
    store, home_id = home
    _receive(
        store,
        home_id,
        "党小春",
        ChildCategory.ABANDONED_INFANT,
        [IntakeDocument(_scan(), "捡拾报案证明")],
    )
    page = residents(qtbot, open_as("staff"))
    record = record_of(qtbot, page, "党小春")
    assert not record.findChildren(QPushButton, "open_document")  # only once revealed
    before = record.path
    qtbot.mouseClick(record.reveal_button, Qt.MouseButton.LeftButton)
    reloaded(qtbot, record, before)
    [view] = record.findChildren(QPushButton, "open_document")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    viewer = open_dialog(qtbot, DocumentViewer)
    assert viewer.picture.pixmap().size().width() == 60  # the picture, decoded in memory
    assert "捡拾报案证明" in viewer.windowTitle()
    viewer.close()
    with store.read() as session:
        looks = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "reveal", AuditEntry.table_name == "attachments"
            )
        ).all()
    assert [e.user_name for e in looks] == ["测试staff"]
    record.close()


def test_the_navigation_names_the_childcare_workers(qtbot, open_as, home):
    window = open_as("staff")
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert "保育员与培训" in labels and "护理员与培训" not in labels
    window.navigation.setCurrentRow(labels.index("保育员与培训"))
    workers = window.workers
    assert workers.tabs.tabText(0) == "保育员"
    assert workers.workers.add_button.text() == "新增保育员"
    qtbot.waitUntil(lambda: "在职保育员" in workers.rates.heading.text(), timeout=10_000)
