"""The signature pad takes strokes from a mouse, a tablet pen and a finger, clears, and saves
the strokes as a PNG with a transparent background."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest

from mzdesk.gui.inspections.signature_pad import SCALE, SignaturePad


def pad(qtbot) -> SignaturePad:
    widget = SignaturePad()
    widget.resize(400, 140)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ink(png: bytes) -> int:
    """How many pixels of the PNG carry ink (not transparent)."""
    with Image.open(io.BytesIO(png)) as image:
        histogram = image.convert("RGBA").getchannel("A").histogram()
        return sum(histogram) - histogram[0]


def test_mouse_strokes_make_a_png_and_clear_empties_it(qtbot):
    widget = pad(qtbot)
    assert widget.is_empty() and ink(widget.png()) == 0
    with qtbot.waitSignal(widget.changed):
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(20, 40))
        for x in range(30, 300, 15):
            qtbot.mouseMove(widget, QPoint(x, 40 + x % 30))
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(310, 60))
    assert not widget.is_empty()
    png = widget.png()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (400 * SCALE, 140 * SCALE)
    assert ink(png) > 500
    # a move without a pressed button draws nothing
    before = len(widget.strokes)
    qtbot.mouseMove(widget, QPoint(100, 100))
    assert len(widget.strokes) == before
    with qtbot.waitSignal(widget.changed):
        widget.clear()
    assert widget.is_empty() and ink(widget.png()) == 0


def test_a_pen_on_a_tablet_draws(qtbot):
    widget = pad(qtbot)
    device = QPointingDevice.primaryPointingDevice()
    for kind, x in (
        (QEvent.Type.TabletPress, 20),
        (QEvent.Type.TabletMove, 120),
        (QEvent.Type.TabletMove, 220),
        (QEvent.Type.TabletRelease, 320),
    ):
        point = QPointF(x, 50)
        event = QTabletEvent(
            kind,
            device,
            point,
            widget.mapToGlobal(point),
            0.8,
            0,
            0,
            0,
            0,
            0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        widget.tabletEvent(event)
        assert event.isAccepted()
    assert not widget.is_empty() and len(widget.strokes) == 1
    assert len(widget.strokes[0]) == 4 and ink(widget.png()) > 300


def test_a_finger_on_a_touch_screen_draws(qtbot):
    widget = pad(qtbot)
    device = QTest.createTouchDevice()
    touch = QTest.touchEvent(widget, device)
    touch.press(0, QPoint(30, 60), widget).commit()
    for x in (90, 150, 210, 270):
        touch.move(0, QPoint(x, 60 + x % 40), widget).commit()
    touch.release(0, QPoint(300, 70), widget).commit()
    assert not widget.is_empty()
    assert len(widget.strokes) == 1 and len(widget.strokes[0]) >= 5
    assert ink(widget.png()) > 300
