"""A bar of buttons and filters that wraps onto the next line when the window is narrow
(Qt's Flow Layout example, typed): a page's bar must fit a 1024 px screen in both languages,
and English labels are half again as wide as Chinese ones.

Items keep their size hints; an item added with a stretch (``addWidget(w, stretch)``) takes a
share of what is left on its line, as a search field does in a QHBoxLayout. ``addStretch``
ends the left-aligned group: what follows it is pushed to the right end of the last line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
    QWidgetItem,
)

SPACING = 6


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(SPACING)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}  # id(item) → stretch factor
        self._right_from: int | None = None  # index of the first right-aligned item

    # the QLayout protocol
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._stretch.pop(id(item), None)
        if self._right_from is not None and index < self._right_from:
            self._right_from -= 1
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line of everything, the way a QHBoxLayout would ask."""
        items = self._visible()
        width = sum(item.sizeHint().width() for item in items)
        width += SPACING * max(0, len(items) - 1)
        height = max((item.sizeHint().height() for item in items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # the QBoxLayout calls the pages use
    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addWidget(widget)
        if stretch:
            self._stretch[id(self._items[-1])] = stretch

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Insert before ``index`` (a negative index counts from the end, as QBoxLayout)."""
        self.addChildWidget(widget)
        if index < 0:
            index = len(self._items) + 1 + index
        if self._right_from is not None and index <= self._right_from:
            self._right_from += 1
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def addSpacing(self, size: int) -> None:
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def addStretch(self, stretch: int = 1) -> None:
        self._right_from = len(self._items)

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if lines[-1] and used + SPACING + width > area.width():
                lines.append([])
                used = 0
            used += (SPACING if lines[-1] else 0) + width
            lines[-1].append(item)
        right = (
            set(map(id, self._items[self._right_from :])) if self._right_from is not None else set()
        )
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for item in line), default=0)
            if move:
                self._place(line, area, y, height, right)
            y += height + SPACING
        return y - SPACING - rect.y() + margins.bottom() if lines[0] else 0

    def _place(
        self, line: list[QLayoutItem], area: QRect, y: int, height: int, right: set[int]
    ) -> None:
        widths = [item.sizeHint().width() for item in line]
        spare = area.width() - sum(widths) - SPACING * (len(line) - 1)
        stretches = [self._stretch.get(id(item), 0) for item in line]
        total = sum(stretches)
        if total and spare > 0:
            widths = [w + spare * s // total for w, s in zip(widths, stretches, strict=True)]
            spare = 0
        x = area.x()
        for item, width in zip(line, widths, strict=True):
            if id(item) in right and spare > 0:
                x += spare
                spare = 0
            item_height = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
            top = y + (height - item_height) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
            x += width + SPACING
