"""安全检查 through the widgets: start, answer by keyboard, note, finish refused then signed on
the pads with mouse strokes, locked, corrected by an amendment; a draft resumed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from mzdesk.core.vocab import InspectionState, InspectionType, ItemResult, SignerRole
from mzdesk.gui.inspections.amend_dialog import AmendDialog
from mzdesk.gui.inspections.inspecting import InspectingDialog
from mzdesk.gui.inspections.sign_dialog import SignDialog
from mzdesk.gui.inspections.signature_pad import SignaturePad
from mzdesk.gui.inspections.start_dialog import StartDialog
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.widgets.inputs import select_vocab, to_qdate
from mzdesk.services.attachments import read_file
from mzdesk.services.inspecting.detail import inspection_detail
from mzdesk.services.inspecting.listing import inspection_rows
from mzdesk.services.inspection_report import thumbnail_cache
from tests.gui.conftest import closed, open_dialog

PAGE = 4  # 安全检查 in the navigation


def grab(widget, name: str) -> None:
    folder = os.environ.get("MZDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))


def sign(qtbot, pad: SignaturePad, offset: int = 0) -> None:
    """A stroke with the mouse: press, move across, release."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 60 + offset))
    for x in range(40, 260, 20):
        qtbot.mouseMove(pad, QPoint(x, 50 + (x // 20 % 3) * 12))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(270, 70))


def open_page(qtbot, window):
    window.navigation.setCurrentRow(PAGE)
    page = window.inspections
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    return page


def start(qtbot, page, inspectors: str) -> InspectingDialog:
    opened: list = []
    page.dialog_opened.connect(opened.append)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, StartDialog)
    dialog.inspectors.setText(inspectors)
    grab(dialog, "start-dialog")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, InspectingDialog) for d in opened), timeout=10_000)
    return next(d for d in opened if isinstance(d, InspectingDialog))


def settle(qtbot, dialog: InspectingDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.writes, timeout=10_000)


def test_keyboard_inspection_finish_sign_lock_and_amend(qtbot, window):
    store = window.ctx.store
    page = open_page(qtbot, window)
    dialog = start(qtbot, page, "刘志强、王建国")
    tree, items = dialog.tree, dialog.detail.items
    assert dialog.current_item() == items[0].id  # a new inspection starts at its first item
    assert dialog.detail.inspectors == ("刘志强", "王建国")
    qtbot.keyClick(tree, Qt.Key.Key_1)  # 合格, and on to the next item
    assert dialog.current_item() == items[1].id
    qtbot.keyClick(tree, Qt.Key.Key_2)  # 不合格
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert dialog.current_item() == items[1].id
    qtbot.keyClick(tree, Qt.Key.Key_N)  # the note, then Esc back to the list
    assert dialog.panel.note.hasFocus() or QApplication.focusWidget() is dialog.panel.note
    dialog.panel.note.insertPlainText("三楼西侧灭火器过期")  # QTest types Latin-1 only
    qtbot.keyClick(dialog.panel.note, Qt.Key.Key_Escape)
    assert dialog.isVisible() and tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_3)  # 不适用
    assert "已检查 3/" in dialog.counts.text() and "不合格 1" in dialog.counts.text()
    settle(qtbot, dialog)
    detail = inspection_detail(store, dialog.detail.id)  # saved as it goes
    assert detail.answers[items[1].id].result is ItemResult.FAIL
    assert detail.answers[items[1].id].note == "三楼西侧灭火器过期"
    assert detail.answers[items[2].id].result is ItemResult.NOT_APPLICABLE
    assert all(ms >= 0 for ms in dialog.write_ms) and dialog.write_ms
    grab(dialog, "inspecting-draft")

    # finishing is refused while items are unanswered, and the first is shown
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert f"还有 {len(items) - 3} 项未填写结果" in dialog.message.text()
    assert dialog.current_item() == items[3].id
    for _ in items[3:]:
        qtbot.keyClick(tree, Qt.Key.Key_1)
    assert f"已检查 {len(items)}/{len(items)}" in dialog.counts.text()
    assert "全部检查项已填写" in dialog.message.text()

    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    signing = open_dialog(qtbot, SignDialog)
    qtbot.mouseClick(signing.ok_button, Qt.MouseButton.LeftButton)
    assert "被检查单位负责人" in signing.error_label.text()
    signing.head_name.setText("张院长")
    sign(qtbot, signing.pad_of(SignerRole.INSPECTOR, 0))
    qtbot.mouseClick(signing.ok_button, Qt.MouseButton.LeftButton)
    assert "王建国" in signing.error_label.text()  # still unsigned: nothing written
    sign(qtbot, signing.pad_of(SignerRole.INSPECTOR, 1), 10)
    pad = signing.pad_of(SignerRole.INSPECTED_HEAD)
    sign(qtbot, pad)
    qtbot.mouseClick(signing.findChildren(type(signing.ok_button))[-3], Qt.MouseButton.LeftButton)
    assert pad.is_empty()  # 清除 of the last signer clears the pad
    sign(qtbot, pad, 5)
    grab(signing, "inspecting-sign")
    qtbot.mouseClick(signing.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, signing)
    qtbot.waitUntil(lambda: dialog.detail.locked, timeout=10_000)
    detail = inspection_detail(store, dialog.detail.id)
    assert sorted(s.name for s in detail.signatures) == ["刘志强", "张院长", "王建国"]
    image = read_file(store, detail.signatures[0].image.sha256)
    assert image.startswith(b"\x89PNG")
    assert "检查已完成并签名，已登记 1 项隐患" in dialog.message.text()

    # locked: the keys are refused with a pointer to 更正
    qtbot.keyClick(tree, Qt.Key.Key_2)
    assert "已锁定" in dialog.message.text()
    assert dialog.amend_button.isVisible() and not dialog.finish_button.isVisible()
    grab(dialog, "inspecting-finished")
    qtbot.mouseClick(dialog.amend_button, Qt.MouseButton.LeftButton)
    amend = open_dialog(qtbot, AmendDialog)
    _, combo, note = amend.rows[1]
    select_vocab(combo, ItemResult.PASS)
    note.setText("复核：灭火器在有效期内")
    qtbot.mouseClick(amend.ok_button, Qt.MouseButton.LeftButton)
    assert "更正原因" in amend.error_label.text()
    amend.reason.setText("现场复核，原记录误判")
    grab(amend, "inspecting-amend")
    qtbot.mouseClick(amend.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, amend)
    qtbot.waitUntil(lambda: dialog.detail.amended, timeout=10_000)
    assert "已更正" in dialog.header.text()
    dialog.select(items[1].id)
    assert "原为「不合格」" in dialog.panel.amended.text()
    # who signed, with their stroke images, and the amendment's who, when and why
    qtbot.waitUntil(lambda: "现场复核" in dialog.signed.amendments.text(), timeout=10_000)
    assert "现场复核，原记录误判" in dialog.signed.amendments.text()
    assert dialog.signed.signers.count() == 4  # three signers and the stretch
    qtbot.waitUntil(lambda: dialog.signed.signers.itemAt(0).widget().isVisible(), timeout=5_000)
    grab(dialog, "inspecting-amended")
    rows = inspection_rows(store, window.ctx.institution.id)
    assert next(r for r in rows if r.id == dialog.detail.id).state is InspectionState.AMENDED
    dialog.close()
    qtbot.waitUntil(
        lambda: any(r.state is InspectionState.AMENDED for r in page.rows), timeout=10_000
    )
    grab(page, "inspections-page")


def drop(panel, path: Path) -> None:
    """A photo file dragged from the file manager and dropped on the item."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(50, 50)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(panel, event)


def test_a_draft_is_resumed_where_it_was_left(qtbot, window, tmp_path):
    page = open_page(qtbot, window)
    dialog = start(qtbot, page, "刘志强")
    items = dialog.detail.items
    inspection_id = dialog.detail.id
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(dialog.tree, key)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Up)  # back to the failed item: a photo of it
    photo = tmp_path / "灭火器.png"
    Image.new("RGB", (320, 240), "red").save(photo)
    drop(dialog.panel, photo)
    qtbot.waitUntil(lambda: dialog.panel.thumbnails() == 1, timeout=10_000)
    assert "已添加照片：灭火器.png" in dialog.message.text()
    # the printed report's small copy is made now, not at the first print
    kept = thumbnail_cache(window.ctx.store)
    qtbot.waitUntil(lambda: kept.root.is_dir() and any(kept.root.rglob("*.jpg")), timeout=10_000)
    (not_image := tmp_path / "note.png").write_bytes(b"plain text")
    drop(dialog.panel, not_image)
    qtbot.waitUntil(lambda: "照片「note.png」未添加" in dialog.message.text(), timeout=10_000)
    assert dialog.panel.thumbnails() == 1
    grab(dialog, "inspecting-photo")
    settle(qtbot, dialog)
    dialog.close()
    # the list follows the writes (the shell's "changed" signal)
    qtbot.waitUntil(
        lambda: any(r.id == inspection_id and r.answered == 2 for r in page.rows), timeout=10_000
    )
    row = next(r for r in page.rows if r.id == inspection_id)
    assert row.state is InspectionState.DRAFT
    opened: list = []
    page.dialog_opened.connect(opened.append)
    page.inspections.selectRow(page.rows.index(row))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    again = opened[-1]
    assert isinstance(again, InspectingDialog) and again.detail.id == inspection_id
    assert again.results == {items[0].id: ItemResult.PASS, items[1].id: ItemResult.FAIL}
    assert again.current_item() == items[2].id  # the first unanswered
    again.select(items[1].id)
    qtbot.waitUntil(lambda: again.panel.thumbnails() == 1, timeout=10_000)
    # a photo taken by mistake: 删除照片 from the thumbnail's menu
    thumb = again.panel.thumbs.itemAt(0).widget()
    (remove,) = thumb.actions()
    remove.trigger()
    qtbot.waitUntil(lambda: again.panel.thumbnails() == 0, timeout=10_000)
    assert inspection_detail(window.ctx.store, inspection_id).answers[items[1].id].photos == ()
    assert "已检查 2/" in again.counts.text()
    again.close()


def test_a_read_only_user_opens_inspections_but_cannot_start_one(qtbot, window_as):
    main = window_as("readonly")
    main.navigation.setCurrentRow(PAGE)
    page = main.inspections
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    assert not page.new_button.isEnabled()
    draft = next(r for r in page.rows if r.state is InspectionState.DRAFT)
    opened: list = []
    page.dialog_opened.connect(opened.append)
    page.open_inspection(draft.id)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    dialog = opened[-1]
    before = dict(dialog.results)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_2)
    assert "只能查看" in dialog.message.text() and dialog.results == before
    assert (
        not dialog.finish_button.isVisible()
        and not dialog.panel.buttons[ItemResult.PASS].isEnabled()
    )
    dialog.close()


def test_the_list_filters_by_state_type_and_date(qtbot, window):
    page = open_page(qtbot, window)
    everything = len(page.rows)
    select_vocab(page.state, InspectionState.DRAFT)
    qtbot.waitUntil(lambda: len(page.rows) < everything, timeout=10_000)
    assert page.rows and all(r.state is InspectionState.DRAFT for r in page.rows)
    assert "草稿" in page.inspections.rows_model.text(0, 5)
    select_vocab(page.state, None)
    select_vocab(page.kind, InspectionType.SUPERVISORY)  # two loads asked: the last one shows
    qtbot.waitUntil(lambda: len(page.rows) < everything, timeout=10_000)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)  # every load has answered
    assert page.rows and all(r.inspection_type is InspectionType.SUPERVISORY for r in page.rows)
    select_vocab(page.kind, None)
    page.date_from.setDate(to_qdate(dt.date.today()))
    qtbot.waitUntil(lambda: len(page.rows) < everything, timeout=10_000)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)  # every load has answered
    assert page.rows and all(r.inspected_on >= dt.date.today() for r in page.rows)
    assert page.count.text() == f"共 {len(page.rows)} 次检查"


def test_a_draft_started_by_mistake_is_discarded_asked_first(qtbot, window):
    page = open_page(qtbot, window)
    dialog = start(qtbot, page, "刘志强")
    inspection_id = dialog.detail.id
    dialog.close()
    qtbot.waitUntil(lambda: any(r.id == inspection_id for r in page.rows), timeout=10_000)
    opened: list = []
    page.dialog_opened.connect(opened.append)
    finished = next(r for r in page.rows if r.state is InspectionState.COMPLETED)
    page.inspections.selectRow(page.rows.index(finished))
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "只能删除草稿" in page.count.text(), timeout=10_000)
    page.inspections.selectRow(next(i for i, r in enumerate(page.rows) if r.id == inspection_id))
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in opened), timeout=10_000)
    box = next(d for d in opened if isinstance(d, QMessageBox))
    assert "已填 0 项" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(r.id != inspection_id for r in page.rows), timeout=10_000)
    assert all(
        r.id != inspection_id for r in inspection_rows(window.ctx.store, window.ctx.institution.id)
    )


def test_answers_reload_the_list_but_not_the_hazards(qtbot, window, monkeypatch):
    import mzdesk.gui.inspections.page as page_module

    page = open_page(qtbot, window)
    loads: list[int] = []
    real = page_module.list_hazards
    monkeypatch.setattr(page_module, "list_hazards", lambda *a: loads.append(1) or real(*a))
    dialog = start(qtbot, page, "刘志强")
    for _ in range(3):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_1)
    settle(qtbot, dialog)
    qtbot.waitUntil(
        lambda: any(r.id == dialog.detail.id and r.answered == 3 for r in page.rows),
        timeout=10_000,
    )
    assert loads == []
    dialog.close()
