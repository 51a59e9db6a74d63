"""The mouse wheel scrolls forms; it changes a value only in the input being edited.

Over a long form (the assessment's 26 items, a table of per-row drop-downs) the wheel is
how people scroll. Qt gives the wheel to whatever input is under the pointer, so scrolling
past an assessment item changed its score without a click. One application-wide filter
(installed once, in the app and in the tests) lets an input that does not have the focus
pass the wheel to the scroll area it sits in, which scrolls. A click (or Tab) gives the input the focus, and then the wheel steps its value as
before.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

# QDateEdit, QSpinBox and QDoubleSpinBox are QAbstractSpinBoxes
GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Passes wheel events over an unfocused combo or spin box to the scroll area around it
    and keeps such inputs from taking the focus by the wheel."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                _scroll_instead(watched, event)
                return True  # the input never sees it
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, GUARDED)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Send ``event`` to the viewport of the nearest scroll area around ``widget`` (Qt would
    pass an ignored wheel event up the parents, but only one that came from the system; this
    does the same for every event, and nothing at all when no scroll area is around)."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            viewport = area.viewport()
            position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
            forwarded = QWheelEvent(
                position,
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QCoreApplication.sendEvent(viewport, forwarded)
            return
        parent = area


_guard: list[WheelGuard] = []


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard on ``app`` (once; later calls return the same guard)."""
    if not _guard:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        _guard.append(guard)
    return _guard[0]
