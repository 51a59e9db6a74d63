"""A card of 首页: a title, a big number, a line of detail."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(
            "#card { background: white; border: 1px solid #d8dee6; border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #566; font-size: 13px;")
        self.value = QLabel("…")
        self.value.setStyleSheet("font-size: 30px; font-weight: bold; color: #1f3b5a;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #667; font-size: 12px;")
        self.detail.setWordWrap(True)
        for widget in (self.title, self.value, self.detail):
            layout.addWidget(widget)

    def set(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        colour = "#b3261e" if alert else "#1f3b5a"
        self.value.setStyleSheet(f"font-size: 30px; font-weight: bold; color: {colour};")
