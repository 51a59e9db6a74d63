"""The 隐患整改 part of the 统计 page: its period, the counts shown, and the same figures in
the PDF (read back by tests/helpers/tools.py) and in a 隐患整改 sheet of numbers (openpyxl)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from mzdesk.gui.widgets.inputs import to_qdate
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.hazards import hazard_statistics
from tests.helpers import tools

START, END = dt.date(2026, 1, 1), dt.date(2026, 11, 30)


@pytest.fixture
def stats_page(qtbot, window):
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    page.hazards.start.setDate(to_qdate(START))
    page.hazards.end.setDate(to_qdate(END))
    before = page.view
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not before, timeout=15_000)
    return page


def test_the_panel_shows_the_period_figures(qtbot, window, stats_page, tmp_path):
    ctx = window.ctx
    expected = hazard_statistics(ctx.store, Scope(ctx.institution.id), START, END)
    shown = stats_page.view.hazards
    assert (shown.start, shown.end) == (START, END)
    assert shown == expected and expected.found > 0  # the demo has found some this year
    panel = stats_page.hazards
    assert panel.found.text() == f"发现 {expected.found} 项，已销号 {expected.closed} 项"
    assert panel.rate.text() == f"整改销号率 {expected.closure_rate.pct}"
    assert f"其中超期 {expected.overdue_at_end} 项" in panel.open.text()
    model = panel.groups.rows_model
    labels = [model.text(r, 0) for r in range(model.rowCount())]
    assert labels[:2] == ["等级：一般隐患", "等级：重大隐患"]
    assert all(f"类别：{s}" in labels for s in expected.by_section)
    assert panel.months.rows_model.rowCount() == 11
    shots = Path(os.environ.get("MZDESK_SHOTS", tmp_path))
    stats_page.scroller.ensureWidgetVisible(panel)
    qtbot.wait(50)
    window.grab().save(str(shots / "stats-page-hazards.png"))


def test_pdf_and_workbook_carry_the_hazard_figures(qtbot, stats_page, tmp_path):
    f = stats_page.view.hazards
    stats_page.pdf_button.click()
    qtbot.waitUntil(lambda: stats_page.preview is not None, timeout=30_000)
    pdf = stats_page.preview.path
    text = re.sub(r"\s+", "", tools.pdf_text(pdf))
    assert "隐患整改（2026-01-01至2026-11-30）" in text
    assert f"期内发现隐患（项）{f.found}" in text
    assert f"整改销号率{f.closure_rate.pct}（{f.closed}/{f.found}）" in text
    assert f"其中超过整改期限（项）{f.overdue_at_end}" in text
    for section in f.by_section:
        assert "类别：" + "".join(section.split()) in text
    stats_page.preview.close()

    book_path = tmp_path / "stats.xlsx"
    stats_page._write_xlsx(str(book_path))
    qtbot.waitUntil(book_path.exists, timeout=15_000)
    sheet = openpyxl.load_workbook(book_path)["隐患整改"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    total = rows["合计"]
    assert total[1:6] == (f.found, f.closed, f.closed_in_period, f.open_at_end, f.overdue_at_end)
    assert all(isinstance(n, int) for n in total[1:6])  # numbers, not text
    assert total[6] == pytest.approx(f.closure_rate.value)
    assert rows["2026-03"][1] == f.by_month["2026-03"].found
    assert next(
        sheet.cell(r, 7).number_format for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 1).value == "合计"
    ) == "0.0%"  # fmt: skip
