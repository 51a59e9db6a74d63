"""The wheel over a long form scrolls it; only the input being edited takes the wheel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tests.helpers.wheel import wheel


def test_the_wheel_scrolls_past_inputs_and_steps_only_the_focused_one(qtbot):
    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    body = QWidget()
    column = QVBoxLayout(body)
    combos = []
    for _ in range(30):
        combo = QComboBox()
        combo.addItems(["—", "1", "2", "3"])
        column.addWidget(combo)
        combos.append(combo)
    spin = QSpinBox()
    date = QDateEdit()
    column.addWidget(spin)
    column.addWidget(date)
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    scroll.resize(300, 200)
    scroll.show()
    qtbot.waitExposed(scroll)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    wheel(combos[1])
    assert combos[1].currentIndex() == 0  # the score did not change ...
    assert bar.value() > 0  # ... the form scrolled
    for edit in (spin, date):
        before = edit.text()
        wheel(edit)
        assert edit.text() == before
    assert all(not w.hasFocus() for w in (*combos, spin, date))  # the wheel gives no focus

    # clicked (or tabbed) into, the input is being edited: the wheel steps its value
    scroll.activateWindow()
    combos[2].setFocus()
    qtbot.waitUntil(combos[2].hasFocus, timeout=5_000)
    scrolled = bar.value()
    wheel(combos[2])
    assert combos[2].currentIndex() == 1
    assert bar.value() == scrolled
