"""The hazard screens with qtbot: the ledger (filters, overdue in red), a hazard's page
through 开始整改, 提交复查 with a photo, 打回 (a reason required), 延期, 复查通过, and the
follow-up screen with original against follow-up."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardStatus
from mzdesk.gui.inspections.follow_up import FollowUpDialog
from mzdesk.gui.inspections.hazard_dialog import HazardDialog
from mzdesk.gui.inspections.hazards import HazardsPanel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.widgets.palette import RED
from mzdesk.services.hazards import hazard_detail
from mzdesk.services.tables.columns import Kind
from tests.services.hazards.conftest import Inspected, inspect_with_failures

D = dt.date
TODAY = D(2026, 3, 10)  # the major hazard's deadline (03-08) has passed; the ordinary one's not
SHOTS = Path(__file__).parents[3] / "build" / "screenshots"


@pytest.fixture
def ctx(qtbot, loop, store, home, tmp_path) -> Iterator[AppContext]:
    worker = Worker()
    yield AppContext(store, worker, home, None, store.path or tmp_path)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    worker.shutdown()


@pytest.fixture
def inspected(ctx) -> Inspected:
    return inspect_with_failures(ctx.store, ctx.institution.id)


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(out, "PNG")
    return out.getvalue()


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def panel_on(qtbot, ctx) -> HazardsPanel:
    panel = HazardsPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    panel.resize(1000, 400)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.table.rows_model.rowCount() == 2)
    return panel


def step(qtbot, dialog: HazardDialog, kind: HazardEventKind, fill=None) -> None:
    before = len(dialog.detail.events)
    form = dialog.open_step(kind)
    assert form is not None
    if hasattr(form, "by"):
        form.by.setText("刘志强")  # no one is logged in: the form starts blank
    if fill:
        fill(form)
    form.accept()
    qtbot.waitUntil(lambda: len(dialog.detail.events) > before or bool(form.error_label.text()))
    assert form.error_label.text() == ""


def test_the_ledger_filters_and_shows_overdue_in_red(qtbot, ctx, inspected):
    panel = panel_on(qtbot, ctx)
    model = panel.table.rows_model
    assert model.text(0, 2) == "待整改（超期 2 天）"
    red = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QColor) and red.name() == QColor(RED).name()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) != red
    assert panel.count.text() == "共 2 项，1 项超期"
    shoot(panel, "hazards-ledger.png")
    panel.overdue.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    panel.overdue.setChecked(False)
    panel.status.setCurrentIndex(panel.status.findText("已销号"))
    qtbot.waitUntil(lambda: model.rowCount() == 0)


def test_a_hazard_through_its_steps_on_its_page(qtbot, ctx, inspected, tmp_path):
    panel = panel_on(qtbot, ctx)
    panel.table.selectRow(0)
    dialog = panel._open()
    assert isinstance(dialog, HazardDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert dialog.banner.isVisible() and "2 天" in dialog.banner.text()
    assert (
        dialog.values["found_by"].text().startswith("2026-03-01 月度检查「养老机构服务安全基本规范")
    )
    assert dialog.buttons[HazardEventKind.STARTED].isEnabled()
    assert not dialog.buttons[HazardEventKind.PASSED].isEnabled()
    shoot(dialog, "hazard-page-overdue.png")

    step(qtbot, dialog, HazardEventKind.STARTED)
    assert dialog.detail.hazard.status is HazardStatus.IN_PROGRESS

    def with_photo(form):
        big = tmp_path / "太大.png"
        with big.open("wb") as handle:
            handle.truncate(13 * 1024 * 1024)  # sparse: larger than a photo may be
        form.add_photo_file(str(big))
        assert "太大" in form.error_label.text() and form.photo_list.count() == 0
        form.error_label.setText("")
        photo = tmp_path / "灭火器.png"
        photo.write_bytes(png())
        form.add_photo_file(str(photo))
        form.reason.setPlainText("已更换")
        shoot(form, "hazard-step-submit.png")

    step(qtbot, dialog, HazardEventKind.SUBMITTED, with_photo)
    qtbot.waitUntil(lambda: dialog.photos.count() == 1)
    assert not dialog.photos.item(0).icon().isNull()

    # 打回 without a reason stays open and says why
    form = dialog.open_step(HazardEventKind.RETURNED)
    form.by.setText("王建国")
    form.accept()
    qtbot.waitUntil(lambda: "原因" in form.error_label.text())
    assert form.isVisible()
    form.reason.setPlainText("压力表仍指红区")
    form.accept()
    qtbot.waitUntil(lambda: dialog.detail.hazard.status is HazardStatus.IN_PROGRESS)
    qtbot.waitUntil(lambda: len(dialog.detail.events) == 4)

    def approved(form):
        form.reason.setPlainText("等配件到货")
        form.approved_by.setText("院长 陈")

    step(qtbot, dialog, HazardEventKind.EXTENDED, approved)
    h = dialog.detail.hazard
    assert (h.original_deadline, h.deadline) == (D(2026, 3, 8), D(2026, 3, 17))
    assert not dialog.banner.isVisible()
    assert "已延期" in dialog.values["deadline"].text()
    step(qtbot, dialog, HazardEventKind.SUBMITTED)

    def by(form):
        form.by.setText("王建国")

    step(qtbot, dialog, HazardEventKind.PASSED, by)
    assert dialog.detail.hazard.status is HazardStatus.CLOSED
    assert not any(b.isEnabled() for b in dialog.buttons.values())
    rows = dialog.history.rows_model
    kinds = [rows.text(r, 1) for r in range(rows.rowCount())]
    assert kinds == ["发现", "开始整改", "提交复查", "打回", "延期", "提交复查", "复查通过"]
    assert "批准人：院长 陈" in rows.text(4, 4) and rows.text(4, 5) == "2026-03-08 → 2026-03-17"
    shoot(dialog, "hazard-page-closed.png")


def test_follow_up_carries_forward_only_open_hazards(qtbot, ctx, inspected):
    major, ordinary = inspected.hazards
    panel = panel_on(qtbot, ctx)
    panel.table.selectRow(1)
    dialog = panel._follow_up()
    assert isinstance(dialog, FollowUpDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.results) == 2)
    assert dialog.subject.text().startswith("原检查：2026-03-01 月度检查「养老机构服务安全基本规范")
    dialog.set_result(major, passed=False)
    dialog.accept()
    qtbot.waitUntil(lambda: "打回原因" in dialog.error_label.text())
    dialog.set_result(major, passed=False, reason="安全出口仍上锁")
    dialog.set_result(ordinary, passed=True)
    dialog.checked_by.setText("区民政局 孙")
    shoot(dialog, "hazard-follow-up.png")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible() or "：" in dialog.error_label.text())
    assert not dialog.isVisible(), dialog.error_label.text()
    assert hazard_detail(ctx.store, major).hazard.status is HazardStatus.IN_PROGRESS
    assert hazard_detail(ctx.store, ordinary).hazard.status is HazardStatus.CLOSED
    again = FollowUpDialog(ctx, inspected.inspection_id, today=TODAY)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.history.rows_model.rowCount() == 2)
    assert list(again.results) == [major]  # the closed one is not carried forward
    history = again.history.rows_model
    texts = {history.text(r, 7) for r in range(2)}
    assert texts == {"通过（已销号）", "打回"}
    shoot(again, "hazard-follow-up-history.png")


def test_the_homes_default_deadlines_are_set_in_a_dialog(qtbot, ctx):
    from mzdesk.core.vocab import HazardLevel
    from mzdesk.services.hazards import read_deadline_days

    panel = HazardsPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    dialog = panel.open_settings()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.days[HazardLevel.ORDINARY].value() == 30
    dialog.days[HazardLevel.MAJOR].setValue(0)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()))
    assert "重大隐患（天）" in dialog.error_label.text() and dialog.isVisible()
    dialog.days[HazardLevel.MAJOR].setValue(3)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    days = read_deadline_days(ctx.store, ctx.institution.id)
    assert days == {HazardLevel.ORDINARY: 30, HazardLevel.MAJOR: 3}


def test_the_ledger_imports_through_the_apps_import_dialog(qtbot, ctx, tmp_path):
    from tests.services.hazards.test_ledger import HEADER, ROWS
    from tests.services.tables.staff import sheet

    bad = [list(ROWS[1])]
    bad[0][6] = D(2026, 3, 1)  # 整改期限 before 发现日期
    path = sheet(tmp_path / "台账.xlsx", [HEADER, ROWS[0], *bad, ROWS[2]])
    panel = HazardsPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    dialog = panel.io.open_import(Kind.HAZARDS)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.choose_button.isEnabled())
    assert dialog.problem_list.count() == 1
    assert dialog.problem_list.item(0).text().startswith("第3行 整改期限")
    assert not dialog.write_all_button.isEnabled() and dialog.write_valid_button.isEnabled()
    dialog.resize(1100, 420)
    shoot(dialog, "hazards-import-preview.png")
    qtbot.mouseClick(dialog.write_valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report.created == 2
    later = [list(ROWS[2])]  # 厨房燃气软管老化, deadline 2026-05-20
    later[0][6] = D(2026, 6, 30)
    dialog.load(sheet(tmp_path / "later.xlsx", [HEADER, *later]))
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.file == "later.xlsx")
    assert "第2行整改期限 2026-05-20 延至 2026-06-30，记为延期" in dialog.summary.text()


def test_a_hazard_found_on_a_walk_is_registered(qtbot, ctx):
    from mzdesk.core.vocab import HazardLevel
    from mzdesk.services.hazards import list_hazards

    panel = HazardsPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    dialog = panel.open_new()
    qtbot.addWidget(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: "隐患描述" in dialog.error_label.text())
    dialog.description.setPlainText("二楼走廊堆放杂物")
    dialog.level.setCurrentIndex(dialog.level.findText("重大隐患"))
    dialog.found_by.setText("巡查 周")
    qtbot.waitUntil(lambda: dialog.deadline.date().toPython() == TODAY + dt.timedelta(days=7))
    shoot(dialog, "hazard-new.png")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.created is not None)
    (row,) = list_hazards(ctx.store, ctx.institution.id)
    assert (row.level, row.deadline) == (HazardLevel.MAJOR, TODAY + dt.timedelta(days=7))


def test_a_read_only_user_sees_the_ledger_but_no_steps(qtbot, ctx, inspected):
    import uuid

    from mzdesk.services.views import UserView

    reader = UserView(uuid.uuid4(), ctx.institution.id, "look", "只读 用户", "readonly")
    looking = AppContext(ctx.store, ctx.worker, ctx.institution, reader, ctx.db_path)
    panel = panel_on(qtbot, looking)
    assert not panel.new_button.isVisibleTo(panel)
    assert not panel.follow_up_button.isVisibleTo(panel)
    panel.table.selectRow(0)
    dialog = panel._open()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert not any(b.isVisibleTo(dialog) for b in dialog.buttons.values())
