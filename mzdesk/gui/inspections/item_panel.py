"""The inspecting screen's two sides: the item list (its keys go to the dialog) and one item's
text, clause and what to look at, the three result buttons, its note and its photos
(thumbnails; a file chooser or drag-and-drop)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.vocab import ItemResult
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.palette import GREEN, GREY, ORANGE, RED
from mzdesk.services.inspecting.detail import ItemView

THUMB = 96
RESULT_KEYS = {ItemResult.PASS: "1", ItemResult.FAIL: "2", ItemResult.NOT_APPLICABLE: "3"}
RESULT_COLOURS = {ItemResult.PASS: GREEN, ItemResult.FAIL: RED, ItemResult.NOT_APPLICABLE: GREY}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}


KEY_RESULTS = {
    Qt.Key.Key_1: ItemResult.PASS,
    Qt.Key.Key_2: ItemResult.FAIL,
    Qt.Key.Key_3: ItemResult.NOT_APPLICABLE,
}
ITEM_ROLE = Qt.ItemDataRole.UserRole


class ItemTree(QTreeWidget):
    """Sections with their items; the keys of the inspecting flow go to the dialog."""

    key = Signal(object)  # Qt.Key

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in (
            *KEY_RESULTS,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_N,
            Qt.Key.Key_P,
        ):
            self.key.emit(key)
            return
        super().keyPressEvent(event)


class NoteEdit(QPlainTextEdit):
    """The note: Esc or Ctrl+Enter hands the keyboard back to the item list (and saves)."""

    done = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() == Qt.Key.Key_Escape or (
            enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.done.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.done.emit()


class ItemPanel(QFrame):
    answered = Signal(object)  # ItemResult
    note_changed = Signal(str)
    photo_files = Signal(list)  # paths chosen or dropped
    add_photo = Signal()
    remove_photo = Signal(object)  # the photo's attachment id
    note_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.item: ItemView | None = None
        self._shown_note = ""
        layout = QVBoxLayout(self)
        self.where = note(colour="#566")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 17px; font-weight: bold; color: #1f3b5a;")
        self.basis = note()
        self.look_at = note()
        self.amended = note(colour=ORANGE)
        for widget in (self.where, self.text, self.basis, self.look_at, self.amended):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        self.buttons: dict[ItemResult, QPushButton] = {}
        for result, key in RESULT_KEYS.items():
            button = QPushButton(f"{key}  {result.label}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays on the list
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, r=result: self.answered.emit(r))
            self.buttons[result] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("备注（N）")))
        self.note = NoteEdit()
        self.note.setPlaceholderText(tr("发现的问题、位置……（Esc 返回检查项）"))
        self.note.setMaximumHeight(90)
        self.note.done.connect(self._note_done)
        layout.addWidget(self.note)
        photos_bar = QHBoxLayout()
        photos_bar.addWidget(QLabel(tr("照片（P）")))
        self.photo_button = QPushButton(tr("添加照片…"))
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_button.clicked.connect(self.add_photo)
        photos_bar.addWidget(self.photo_button)
        photos_bar.addStretch(1)
        layout.addLayout(photos_bar)
        self.thumbs_host = QWidget()
        self.thumbs = QHBoxLayout(self.thumbs_host)
        self.thumbs.setContentsMargins(0, 0, 0, 0)
        self.thumbs.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFixedHeight(THUMB + 24)
        scroll.setWidget(self.thumbs_host)
        layout.addWidget(scroll)
        self.drop_hint = note(tr("可把照片文件拖到这里"), colour=GREY)
        layout.addWidget(self.drop_hint)
        layout.addStretch(1)
        layout.addWidget(
            note(tr("键盘：1 合格 · 2 不合格 · 3 不适用 · ↑↓ 上下一项 · N 写备注 · P 加照片"))
        )

    def show_item(
        self,
        item: ItemView,
        result: ItemResult | None,
        note_text: str | None,
        *,
        locked: bool,
        amended_from: tuple[ItemResult | None, str | None] | None = None,
    ) -> None:
        self.item = item
        self.where.setText(
            f"{item.section} · {item.code}" + (tr(" · 重大隐患项") if item.major else "")
        )
        self.text.setText(item.text)
        clause = " ".join(p for p in (item.standard, item.basis) if p)
        if clause and item.clause_unverified:
            clause += tr("（未核实）")
        self.basis.setText(tr("依据：{basis}").format(basis=clause) if clause else "")
        self.basis.setVisible(bool(clause))
        self.look_at.setText(
            tr("查看要点：{what}").format(what=item.look_at) if item.look_at else ""
        )
        self.look_at.setVisible(bool(item.look_at))
        if amended_from is not None:
            old, old_note = amended_from
            self.amended.setText(
                tr("已更正：原为「{old}」{note}").format(
                    old=old.label if old else "—", note=f"（{old_note}）" if old_note else ""
                )
            )
        self.amended.setVisible(amended_from is not None)
        self.show_result(result)
        self._shown_note = note_text or ""
        self.note.blockSignals(True)
        self.note.setPlainText(self._shown_note)
        self.note.blockSignals(False)
        for widget in (*self.buttons.values(), self.photo_button):
            widget.setEnabled(not locked)
        self.note.setReadOnly(locked)
        self.setAcceptDrops(not locked)
        self.drop_hint.setVisible(not locked)

    def show_result(self, result: ItemResult | None) -> None:
        for value, button in self.buttons.items():
            button.setChecked(value is result)
            colour = RESULT_COLOURS[value]
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold; }}"
            )

    def show_photos(self, pixmaps: list[tuple[uuid.UUID, QPixmap]]) -> None:
        while self.thumbs.count() > 1:
            taken = self.thumbs.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for attachment_id, pixmap in pixmaps:
            thumb = QToolButton()
            thumb.setIcon(QIcon(pixmap))
            thumb.setIconSize(
                pixmap.size().scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
            )
            thumb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            thumb.setToolTip(tr("右键：删除照片"))
            thumb.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            remove = QAction(tr("删除照片"), thumb)
            remove.setEnabled(self.photo_button.isEnabled())
            remove.triggered.connect(lambda _=False, a=attachment_id: self.remove_photo.emit(a))
            thumb.addAction(remove)
            self.thumbs.insertWidget(self.thumbs.count() - 1, thumb)

    def thumbnails(self) -> int:
        return self.thumbs.count() - 1

    def edit_note(self) -> None:
        self.note.setFocus()
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _note_done(self) -> None:
        text = self.note.toPlainText().strip()
        if text != self._shown_note.strip() and not self.note.isReadOnly():
            self._shown_note = text
            self.note_changed.emit(text)
        self.note_done.emit()

    # -- drag and drop of image files -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _image_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _image_paths(event.mimeData().urls())
        if paths:
            self.photo_files.emit(paths)
            event.acceptProposedAction()


def _image_paths(urls: list) -> list[Path]:  # type: ignore[type-arg]
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]
