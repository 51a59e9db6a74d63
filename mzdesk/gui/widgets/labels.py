"""Labels every page uses: a section heading and a small explanatory note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mzdesk.gui.widgets.palette import HEADING, note_style


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HEADING)
    return label


def note(text: str = "", colour: str = "#445") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(note_style(colour))
    return label
