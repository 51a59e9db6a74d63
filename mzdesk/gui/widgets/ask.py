"""Asking before something that cannot be undone or loses what was typed: a question box that
does not block the event loop (``open()``, awaited), so async flows and tests go on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import wait_for

Yes = QMessageBox.StandardButton.Yes


def question_box(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str,
    no: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Yes | no, parent)
    box.button(Yes).setText(yes)
    box.setDefaultButton(no)  # Enter on a question that destroys something does not say yes
    return box


async def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str,
    no: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
) -> bool:
    """True when the user chose ``yes``."""
    return await wait_for(question_box(parent, title, text, yes=yes, no=no)) == Yes


def discard_box(parent: QWidget) -> QMessageBox:
    """放弃已填写的内容？ — asked when a half-filled form is closed (Esc, 取消, the window's ×):
    放弃 closes it, 继续填写 (the default) goes back to it."""
    box = question_box(
        parent,
        tr("放弃已填写的内容？"),
        tr("放弃已填写的内容？关闭后，刚才填写的内容不会保存。"),
        yes=tr("放弃"),
        no=QMessageBox.StandardButton.No,
    )
    box.button(QMessageBox.StandardButton.No).setText(tr("继续填写"))
    return box
