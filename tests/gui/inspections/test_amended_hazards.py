"""A hazard withdrawn by an amendment (更正撤销) as the ledger and its page show it, and the
amend dialog saying what an amendment does to hazards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from mzdesk.core.vocab import ItemResult
from mzdesk.gui.inspections.amend_dialog import AmendDialog
from mzdesk.gui.inspections.hazard_dialog import HazardDialog
from mzdesk.gui.inspections.hazards import HazardsPanel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.inspecting.detail import inspection_detail
from mzdesk.services.inspecting.finish import ItemCorrection, amend_inspection
from tests.helpers.actors import SETUP
from tests.services.hazards.conftest import inspect_with_failures

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def ctx(qtbot, loop, store, home, tmp_path) -> Iterator[AppContext]:
    worker = Worker()
    yield AppContext(store, worker, home, None, store.path or tmp_path)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    worker.shutdown()


def test_the_ledger_and_the_hazard_page_show_a_withdrawn_hazard(qtbot, ctx):
    inspected = inspect_with_failures(ctx.store, ctx.institution.id)
    detail = inspection_detail(ctx.store, inspected.inspection_id)
    first = detail.items[0]
    amend_inspection(
        ctx.store,
        SETUP,
        inspected.inspection_id,
        [ItemCorrection(first.id, ItemResult.PASS, None)],
        "复核误判",
    )
    panel = HazardsPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    model = panel.table.rows_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # 未销号: the withdrawn one is not
    panel.status.setCurrentIndex(panel.status.findText("全部状态"))
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    statuses = [model.text(r, 2) for r in range(2)]
    assert "已销号（更正撤销）" in statuses, statuses
    row = statuses.index("已销号（更正撤销）")
    panel.table.selectRow(row)
    dialog = panel._open()
    assert isinstance(dialog, HazardDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert dialog.values["status"].text() == "已销号（更正撤销）"
    history = dialog.history.rows_model
    last = history.rowCount() - 1
    assert history.text(last, 1) == "更正撤销"
    assert history.text(last, 4) == f"更正：{first.code} 不合格→合格；复核误判"


def test_the_amend_dialog_says_what_happens_to_hazards(qtbot, ctx):
    inspected = inspect_with_failures(ctx.store, ctx.institution.id)
    dialog = AmendDialog(inspection_detail(ctx.store, inspected.inspection_id))
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.error_label)))
    assert "更正撤销" in texts
