"""Schedules configured in the 安全检查 page; 首页 shows what is due today and what was missed,
and a click starts (or carries on with) the scheduled check."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.gui.inspections.inspecting import InspectingDialog
from mzdesk.gui.inspections.schedules_dialog import ScheduleDialog, SchedulesDialog
from mzdesk.gui.inspections.start_dialog import StartDialog, chosen_checklist
from mzdesk.gui.widgets.inputs import select_vocab, to_qdate, vocab_value
from mzdesk.services.inspecting.schedules import list_schedules
from tests.gui.conftest import closed, open_dialog
from tests.gui.inspections.test_inspecting_flow import PAGE, grab, open_page


def test_home_shows_due_and_missed_checks_and_starts_one(qtbot, window):
    home = window.home
    checks = home.checks
    # the demo home: a daily patrol with today's draft and two days missed, a monthly check
    qtbot.waitUntil(lambda: len(checks.buttons) == 2, timeout=10_000)
    grab(window, "home-checks")
    texts = [
        checks.grid.itemAt(i).widget().text()
        for i in range(checks.grid.count())
        if hasattr(checks.grid.itemAt(i).widget(), "text")
    ]
    assert any(t.startswith("每日防火巡查") for t in texts)
    assert "草稿未完成" in texts and "待检查" in texts
    missed_day = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    assert any(t.startswith("漏检 2 次") and missed_day in t for t in texts)
    schedules = {s.name: s for s in list_schedules(window.ctx.store, window.ctx.institution.id)}
    daily, monthly = schedules["每日防火巡查"], schedules["每月安全检查"]
    # 继续检查: today's draft opens on the 安全检查 page
    opened: list = []
    window.inspections.dialog_opened.connect(opened.append)
    assert checks.buttons[daily.id].text() == "继续检查"
    qtbot.mouseClick(checks.buttons[daily.id], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, InspectingDialog) for d in opened), timeout=10_000)
    assert window.navigation.currentRow() == PAGE
    draft = next(d for d in opened if isinstance(d, InspectingDialog))
    assert draft.detail.schedule_id == daily.id and not draft.detail.locked
    assert draft.detail.inspected_on == dt.date.today()
    draft.close()
    # 开始检查: the start dialog comes filled from the schedule
    window.navigation.setCurrentRow(0)
    qtbot.mouseClick(checks.buttons[monthly.id], Qt.MouseButton.LeftButton)
    start = open_dialog(qtbot, StartDialog)
    assert chosen_checklist(start.template) == monthly.template_id
    assert vocab_value(start.inspection_type, InspectionType) is InspectionType.MONTHLY
    assert start.schedule_id == monthly.id
    start.close()
    closed(qtbot, start)


def test_schedules_are_added_changed_and_removed_in_the_page(qtbot, window):
    store, institution = window.ctx.store, window.ctx.institution
    page = open_page(qtbot, window)
    opened: list = []
    page.dialog_opened.connect(opened.append)
    qtbot.mouseClick(page.schedules_button, Qt.MouseButton.LeftButton)
    listing = open_dialog(qtbot, SchedulesDialog)
    qtbot.waitUntil(lambda: len(listing.schedules) == 2, timeout=10_000)
    qtbot.mouseClick(listing.add_button, Qt.MouseButton.LeftButton)
    form = open_dialog(qtbot, ScheduleDialog)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "计划名称" in form.error_label.text(), timeout=10_000)  # a name
    form.name.setText("夜间防火巡查")
    select_vocab(form.frequency, ScheduleFrequency.WEEKLY)
    select_vocab(form.inspection_type, InspectionType.SPECIAL)
    form.starts_on.setDate(to_qdate(dt.date.today()))
    grab(form, "schedule-form")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, form)
    qtbot.waitUntil(lambda: len(listing.schedules) == 3, timeout=10_000)
    grab(listing, "schedules")
    added = next(s for s in list_schedules(store, institution.id) if s.name == "夜间防火巡查")
    assert (added.frequency, added.inspection_type) == (
        ScheduleFrequency.WEEKLY,
        InspectionType.SPECIAL,
    )
    # 修改: pause it
    listing.table.selectRow(
        listing.schedules.index(next(s for s in listing.schedules if s.id == added.id))
    )
    qtbot.mouseClick(listing.edit_button, Qt.MouseButton.LeftButton)
    form = open_dialog(qtbot, ScheduleDialog)
    assert form.name.text() == "夜间防火巡查"
    form.active.setChecked(False)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, form)
    qtbot.waitUntil(
        lambda: any(s.id == added.id and not s.active for s in listing.schedules), timeout=10_000
    )
    # 删除, asked first
    listing.table.selectRow(
        listing.schedules.index(next(s for s in listing.schedules if s.id == added.id))
    )
    qtbot.mouseClick(listing.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in opened), timeout=10_000)
    box = next(d for d in opened if isinstance(d, QMessageBox))
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(listing.schedules) == 2, timeout=10_000)
    assert all(s.name != "夜间防火巡查" for s in list_schedules(store, institution.id))
    listing.close()
