"""检查表: the list of templates, items by section, copy into the home's own version, edit the
draft (change, add, reorder, remove), publish, export and import — and a read-only user only
looks."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from mzdesk.core.checklists import TemplateStatus
from mzdesk.gui.inspections.template_editor import TEXT, TemplateEditor
from mzdesk.gui.inspections.templates import ChecklistsWindow
from mzdesk.services.checklists import list_templates, load_version
from tests.gui.conftest import closed, open_dialog
from tests.gui.training.test_workers_and_sessions import grab, press

PAGE = 4  # 安全检查 in the navigation


def _open(qtbot, window) -> ChecklistsWindow:
    window.navigation.setCurrentRow(PAGE)
    page = window.inspections
    qtbot.mouseClick(_button(page), Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, ChecklistsWindow)
    qtbot.waitUntil(
        lambda: bool(dialog.panel.templates) and dialog.panel.shown is not None, timeout=10_000
    )
    return dialog


def _button(page):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in page.findChildren(QPushButton) if b.text() == "检查表…")


def _shown_status(panel) -> TemplateStatus | None:
    """The status of the version whose items are shown (False until they are)."""
    current, shown = panel.current(), panel.shown
    return shown.status if current and shown and shown.id == current.id else None


def _select(qtbot, panel, title: str, status: TemplateStatus) -> None:
    row = next(
        i for i, t in enumerate(panel.templates) if t.title.startswith(title) and t.status is status
    )
    panel.list.selectRow(row)
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.id == panel.templates[row].id)


def test_copy_edit_publish_export_and_import(qtbot, window, tmp_path):
    store, home = window.ctx.store, window.ctx.institution
    dialog = _open(qtbot, window)
    panel = dialog.panel
    titles = {t.title for t in panel.templates}
    assert "养老机构消防安全检查表" in titles and "每日防火巡查记录" in titles
    _select(qtbot, panel, "养老机构服务安全基本规范", TemplateStatus.SHIPPED)
    sections = [panel.items.topLevelItem(i).text(0) for i in range(panel.items.topLevelItemCount())]
    assert sections[:3] == ["基本要求", "安全风险评估", "服务防护（九防）"]
    assert not panel.edit_button.isEnabled() and panel.copy_button.isEnabled()
    grab(dialog, "checklists-shipped")

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown_status(panel) is TemplateStatus.DRAFT)
    draft = panel.current()
    assert draft.version == "2019.1" and panel.edit_button.isEnabled()

    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = open_dialog(qtbot, TemplateEditor)
    first = editor.table.cellWidget(0, TEXT)
    assert isinstance(first, QLineEdit)
    first.setText("消防、食品、建筑、设施设备符合规定（本院每季度核对证照）")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    added = editor.table.cellWidget(editor.table.rowCount() - 1, TEXT)
    added.setText("电动车充电棚每晚巡查一次")
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # the new item moves up one
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)  # 02 goes
    grab(editor, "checklists-editor")
    # a blank text is refused naming the item, and the dialog stays open with what was typed
    editor.table.cellWidget(2, TEXT).setText("")
    press(qtbot, editor)
    qtbot.waitUntil(lambda: "第3项（编号 04）的「检查内容」不能为空" in editor.error_label.text())
    editor.table.cellWidget(2, TEXT).setText("护理员等工作人员经岗前培训合格后上岗（抽查）")
    press(qtbot, editor)
    closed(qtbot, editor)
    saved = load_version(store, draft.id)
    codes = [i.code for i in saved.items]
    assert "02" not in codes and codes[-2] == "31" and codes[-1] == "26"
    assert saved.items[0].text.endswith("（本院每季度核对证照）")

    qtbot.mouseClick(panel.publish_button, Qt.MouseButton.LeftButton)
    box = open_dialog(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown_status(panel) is TemplateStatus.PUBLISHED)
    assert not panel.edit_button.isEnabled() and panel.copy_button.text() == "复制为新版本"
    grab(dialog, "checklists-published")

    out = tmp_path / "mine.json"
    panel.export_file(str(out))
    qtbot.waitUntil(out.exists)
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert raw["version"] == "2019.1" and raw["items"][-2]["text"] == "电动车充电棚每晚巡查一次"
    raw["version"], raw["items"][0]["text"] = "2027", ""
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    panel.import_file(str(broken))
    qtbot.waitUntil(lambda: "broken.json：第1项（编号 01）的「检查内容」" in panel.message.text())
    raw["items"][0]["text"] = "重新导入的第一项"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    panel.import_file(str(good))
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.version == "2027")
    assert panel.shown.items[0].text == "重新导入的第一项"
    versions = [
        (t.version, t.status) for t in list_templates(store, home.id) if t.code == "GB38600"
    ]
    assert ("2027", TemplateStatus.DRAFT) in versions and (
        "2019.1",
        TemplateStatus.PUBLISHED,
    ) in versions
    dialog.close()


def test_a_read_only_user_looks_and_exports_only(qtbot, window_as):
    window = window_as("readonly")
    dialog = _open(qtbot, window)
    panel = dialog.panel
    for button in (panel.copy_button, panel.edit_button, panel.publish_button, panel.import_button):
        assert button.isHidden()
    assert panel.export_button.isVisible() and panel.items.topLevelItemCount() > 0
    _select(qtbot, panel, "养老机构重大事故隐患判定检查表", TemplateStatus.SHIPPED)
    tree = panel.items
    severities = {
        tree.topLevelItem(s).child(c).text(2)
        for s in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(s).childCount())
    }
    assert severities == {"重大隐患"} and tree.topLevelItemCount() == 5
    grab(dialog, "checklists-major")
    dialog.close()
    QApplication.processEvents()
