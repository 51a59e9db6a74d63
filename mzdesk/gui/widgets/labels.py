"""Labels every page uses: a section heading, a small explanatory note, and a one-line
label that shortens itself to its room."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

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


class ElidedLabel(QLabel):
    """One line that shortens itself in the middle ("/home/…/mzdesk.db") to the room it is
    given, the whole text in its tooltip: a status-bar label must not widen the window (a long
    database path pushed it past a 1024 px screen)."""

    MINIMUM = 80

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.updateGeometry()  # the size hint follows the whole text: ask the layout again
        self._elide()

    def text(self) -> str:
        """The whole text (what is painted may be shortened)."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.MINIMUM), hint.height())

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        width += 4  # elidedText wants a little more than the advance
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        room = max(0, self.width() - margins.left() - margins.right())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, room)
        super().setText(shown)
