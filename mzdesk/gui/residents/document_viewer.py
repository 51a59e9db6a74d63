"""查看 an intake document (捡拾报案证明, a ruling …): the picture decoded in memory and shown
in a window of its own. The bytes come decrypted from the audited service
(services/children/documents.py) and are never written to disk: no temporary file that a
shared desktop's other users or a crash could leave behind."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.gui.runtime.i18n import tr
from mzdesk.services.children import OpenedDocument

OPEN_NAME = "open_document"  # each 查看 button's object name (tests and screenshots find them)


class DocumentViewer(QDialog):
    def __init__(self, document: OpenedDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("入院材料：{caption}").format(caption=document.caption))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("仅供查看，每次打开均记入审计日志。请勿拍照或另行保存。"), self))
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        if pixmap.loadFromData(document.data):
            self.picture.setPixmap(pixmap)
        else:
            self.picture.setText(tr("无法显示这份材料。"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # the picture's own size, within a 1024×700 screen
        width = min(max(pixmap.width() + 40, 420), 980)
        height = min(max(pixmap.height() + 120, 300), 660)
        self.resize(width, height)


def add_document_rows(
    tree: QTreeWidget,
    parent: QTreeWidgetItem,
    label: str,
    files: Sequence[tuple[uuid.UUID, str]],
    open_document: Callable[[uuid.UUID], object],
) -> None:
    """One row per document under ``parent``: its caption and a 查看 button."""
    for document_id, caption in files:
        item = QTreeWidgetItem(parent, [label, ""])
        cell = QWidget(tree)
        row = QHBoxLayout(cell)
        row.setContentsMargins(4, 0, 0, 0)  # the caption lines up with the rows' text
        row.addWidget(QLabel(caption or tr("（无说明）"), cell))
        view = QPushButton(tr("查看"), cell)
        view.setObjectName(OPEN_NAME)
        view.setToolTip(tr("打开这份材料；每次打开都记入审计日志。"))
        view.clicked.connect(lambda _=False, d=document_id: open_document(d))
        row.addWidget(view)
        row.addStretch(1)
        tree.setItemWidget(item, 1, cell)
