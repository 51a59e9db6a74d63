"""The app in English: 首页's date line and missed checks, the navigation, the 双随机 screens —
no Chinese left in."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from mzdesk.core.i18n import current_language, set_language
from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.gui.home.checks_panel import missed_text
from mzdesk.gui.home.page import date_line
from mzdesk.gui.runtime.i18n import install_translators
from mzdesk.stats.schedules import ScheduledCheck

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = current_language()
    translators = install_translators(qapp, "en")
    set_language("en")
    try:
        yield
    finally:
        set_language(before)
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_date_line_and_missed_checks_in_english(english):
    line = date_line(dt.date(2026, 12, 2))
    assert line == "Today is 2026-12-02, Wednesday" and not CJK.search(line)
    check = ScheduledCheck(
        uuid.uuid4(), "Daily round", ScheduleFrequency.DAILY, uuid.uuid4(),
        next(iter(InspectionType)), True, None, (dt.date(2026, 12, 1), dt.date(2026, 11, 30)),
    )  # fmt: skip
    missed = missed_text(check)
    assert "2026-12-01, 2026-11-30" in missed and not CJK.search(missed)


def test_the_date_line_in_chinese():
    assert date_line(dt.date(2026, 12, 6)) == "今天是 2026-12-06 星期日"


def test_the_english_navigation_is_not_cut(english, window):
    navigation = window.navigation
    window.show()
    navigation.ensurePolished()
    labels = [navigation.item(i).text() for i in range(navigation.count())]
    assert "Care workers & training" in " ".join(labels) or all(not CJK.search(t) for t in labels)
    assert navigation.sizeHintForColumn(0) <= navigation.viewport().width()
    assert navigation.horizontalScrollBar().maximum() == 0


def _shown_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    for view in widget.findChildren(QTableView):
        model = view.model()
        texts += [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
    return [t for t in texts if t]


def test_the_draw_screens_in_english(qtbot, english, window):
    from mzdesk.gui.inspections.draw import DrawsDialog, NewDrawDialog

    page = window.inspections  # built when first used
    assert page.draw_button.text() == "Random draws…"
    draws = DrawsDialog(window.ctx, window)
    qtbot.addWidget(draws)
    draws.refresh()
    qtbot.waitUntil(lambda: bool(draws.summary.text()), timeout=10_000)
    form = NewDrawDialog(window.ctx, window)
    qtbot.addWidget(form)
    for dialog in (draws, form):
        chinese = [t for t in _shown_texts(dialog) if CJK.search(t)]
        assert chinese == [], chinese
