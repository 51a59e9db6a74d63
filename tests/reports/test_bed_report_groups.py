"""The bed report lists every group (institution or floor), however many: a bureau with 130
homes gets all 130 in the PDF (over as many pages as needed, the table's header on each) and
in the workbook — not only the first 24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from mzdesk.reports.bed_report import write_pdf, write_xlsx
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import bed_statistics
from mzdesk.stats.beds.occupancy import GroupOccupancy, monthly_trend
from mzdesk.store.engine import open_store
from tests.reports.conftest import flat, page_count, pdftotext

GROUPS = [
    GroupOccupancy(f"青岛市第{n:03d}号社会福利敬老院", 100 + n, 90 + n, 60 + n % 30)
    for n in range(1, 131)
]
HEADER = "分组床位在用入住入住率"


@pytest.fixture
def figures(tmp_path: Path):
    store = open_store(tmp_path / "empty.db")
    scope = Scope(None, None, dt.date(2026, 6, 30))
    yield bed_statistics(store, scope), monthly_trend(store, scope)
    store.close()


def test_the_pdf_lists_every_group_with_the_header_on_each_page(figures, tmp_path):
    f, trend = figures
    out = tmp_path / "report.pdf"
    write_pdf(out, "全市床位统计报表", f, GROUPS, trend, source="测试")
    text = flat(pdftotext(out))
    assert "仅列前24组" not in text
    lines = [
        f"{g.group}{g.beds}{g.in_service}{g.occupied}{g.occupancy.pct}" for g in GROUPS
    ]  # a row of the table, as pdftotext reads it
    for line in lines:
        assert line in text, line
    table_pages = [
        page_text
        for page in range(1, page_count(out) + 1)
        if any(line in (page_text := flat(pdftotext(out, page))) for line in lines)
    ]
    assert len(table_pages) >= 3  # 130 rows do not fit on one or two pages
    for page_text in table_pages:
        assert HEADER in page_text


def test_the_workbook_lists_every_group(figures, tmp_path):
    f, trend = figures
    out = tmp_path / "report.xlsx"
    write_xlsx(out, "全市床位统计报表", f, GROUPS, trend)
    rows = list(openpyxl.load_workbook(out)["入住率"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [g.group for g in GROUPS]


def test_a_few_long_names_lie_whole_beside_their_bars(figures, tmp_path):
    f, trend = figures
    out = tmp_path / "report.pdf"
    write_pdf(out, "区划床位统计报表", f, GROUPS[:8], trend, source="测试")
    raw = pdftotext(out)
    # written on a slant under upright bars, long names run into each other and pdftotext
    # reads them glyph by glyph; one bar a line, each name is whole beside its bar (and
    # again in the table)
    for group in GROUPS[:8]:
        assert raw.count(group.group) == 2, group.group
