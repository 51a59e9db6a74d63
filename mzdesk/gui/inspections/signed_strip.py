"""Under a finished inspection's header: who signed (the stroke image, name, role, when) and
each amendment (who, when, why, which items)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import ORANGE
from mzdesk.services.inspecting.detail import InspectionDetail

SIGNATURE_HEIGHT = 44


def _local(moment: dt.datetime) -> str:
    """A stored (naive UTC) time as the user's local time."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class SignedStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.signers = QHBoxLayout()
        layout.addLayout(self.signers)
        self.amendments = QLabel()
        self.amendments.setWordWrap(True)
        self.amendments.setStyleSheet(f"color: {ORANGE};")
        layout.addWidget(self.amendments)

    def show_detail(self, detail: InspectionDetail, images: dict[str, QPixmap]) -> None:
        while self.signers.count():
            taken = self.signers.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.setVisible(detail.locked)
        for signature in detail.signatures:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 12, 0)
            picture = QLabel()
            pixmap = images.get(signature.image.sha256) if signature.image else None
            if pixmap is not None and not pixmap.isNull():
                picture.setPixmap(
                    pixmap.scaledToHeight(
                        SIGNATURE_HEIGHT, Qt.TransformationMode.SmoothTransformation
                    )
                )
            else:
                picture.setText(tr("（签名图片未到）"))
            picture.setStyleSheet("border-bottom: 1px solid #99a;")
            column.addWidget(picture)
            column.addWidget(
                QLabel(
                    tr("{role}：{name} · {when}").format(
                        role=signature.role.label,
                        name=signature.name,
                        when=_local(signature.signed_at),
                    )
                )
            )
            self.signers.addWidget(box)
        self.signers.addStretch(1)
        self.amendments.setText(
            "\n".join(
                tr("更正（{when}，{who}）：{reason} — {items}").format(
                    when=_local(a.amended_at),
                    who=a.amended_by,
                    reason=a.reason,
                    items="、".join(f"{c.code} {c.old.label}→{c.new.label}" for c in a.changes),
                )
                for a in detail.amendments
            )
        )
        self.amendments.setVisible(detail.amended)
