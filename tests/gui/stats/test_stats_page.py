"""The 统计 page and its exports (PDF checked with poppler, workbook with openpyxl)."""

from __future__ import annotations

import re

import openpyxl
import pytest
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import Qt

from mzdesk.gui.stats.page import load_view
from tests.gui.runtime.test_english_home import CJK
from tests.gui.runtime.test_english_home import english as english  # a fixture
from tests.helpers import tools


@pytest.fixture
def stats_page(qtbot, window):
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    return page


def test_page_shows_the_sentence_table_and_charts(qtbot, window, stats_page):
    figures = stats_page.view.figures
    assert "其中护理型床位" in stats_page.sentence.text()
    assert stats_page.institution.currentText() == window.ctx.institution.name
    cells = {
        stats_page.table.rows_model.text(r, 0): stats_page.table.rows_model.text(r, 1)
        for r in range(stats_page.table.rows_model.rowCount())
    }
    assert cells["床位总数"] == str(figures.total_beds)
    assert cells["护理型床位占比"] == figures.nursing_share.pct
    bars = next(s for s in stats_page.type_chart.series() if isinstance(s, QAbstractBarSeries))
    assert [bars.barSets()[0].at(i) for i in range(3)][::-1] == [  # drawn from the bottom
        float(n) for n in figures.beds_by_type.values()
    ]
    assert len(stats_page.trend_chart.series()) == 2


def test_the_training_rates_and_the_names_behind_the_gaps(qtbot, window, stats_page, tmp_path):
    training = stats_page.view.training
    assert training.active_care_workers > 0
    panel = stats_page.training
    assert panel.prejob.text() == (
        f"岗前培训率 {training.prejob_rate.pct}"
        f"（{training.prejob_trained}/{training.active_care_workers}）"
    )
    assert training.certified_rate.pct in panel.certified.text()
    assert training.missing_prejob and training.missing_certificate  # the demo has gaps
    for worker in training.missing_prejob + training.missing_certificate:
        assert worker.name in panel.gaps.text()
    assert panel.table.isHidden()  # one institution: no per-institution table
    window.grab().save(str(tmp_path / "stats-page.png"))


def test_a_region_shows_the_rates_per_institution(qtbot, window, stats_page, tmp_path):
    import datetime as dt

    from mzdesk.core.vocab import InstitutionKind, Occupation
    from mzdesk.services.institutions import InstitutionData, create_institution
    from mzdesk.services.workers import WorkerData, register_care_worker
    from tests.helpers.actors import SETUP
    from tests.helpers.people import id_number

    store = window.ctx.store
    kids = create_institution(
        store,
        SETUP,
        InstitutionData("崂山区儿童福利院", InstitutionKind.CHILDREN_HOME, region_code="370212"),
    )
    for name in ("孙丽", "赵敏"):
        register_care_worker(
            store,
            SETUP,
            WorkerData(
                kids.id,
                name,
                Occupation.CHILDCARE_WORKER,
                dt.date(2023, 1, 1),
                id_number=id_number(dt.date(1985, 1, 1), male=False),
            ),
        )
    stats_page.region.setText("3702")
    stats_page.institution.setCurrentIndex(0)  # 全部机构
    stats_page.view = None
    stats_page.refresh()
    qtbot.waitUntil(lambda: stats_page.view is not None, timeout=15_000)
    training = stats_page.view.training
    assert len(training.per_institution) == 2
    table = stats_page.training.table
    assert not table.isHidden() and table.rows_model.rowCount() == 2
    rows = {
        table.rows_model.text(r, 0): table.rows_model.text(r, 2)
        for r in range(table.rows_model.rowCount())
    }
    assert rows["崂山区儿童福利院"] == "0.0%（0）"
    assert "孙丽" in stats_page.training.gaps.text()
    window.grab().save(str(tmp_path / "stats-region.png"))


def test_all_institutions_and_a_past_date(qtbot, stats_page):
    from PySide6.QtCore import QDate

    stats_page.institution.setCurrentIndex(0)  # 全部机构
    stats_page.as_of.setDate(QDate(2025, 1, 1))
    stats_page.refresh()
    qtbot.waitUntil(
        lambda: (
            stats_page.view.scope.institution_id is None
            and stats_page.view.figures.as_of.isoformat() == "2025-01-01"
        ),
        timeout=15_000,
    )
    assert stats_page.group_chart.title() == "入住率（按机构）"


def test_pdf_report_embeds_its_font_and_reads_back(qtbot, window, stats_page, tmp_path):
    qtbot.mouseClick(stats_page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stats_page.preview is not None, timeout=30_000)
    path = stats_page.preview.path
    fonts = tools.pdf_fonts(path)
    cjk = [font for font in fonts if "WenQuanYi" in font.name]
    assert cjk and all(font.embedded and font.subset for font in cjk), fonts
    # every font embedded: a reader without Helvetica (or with another one) prints the same
    assert fonts and all(font.embedded for font in fonts), fonts
    text = tools.pdf_text(path)
    figures = stats_page.view.figures
    assert f"床位{figures.total_beds}张" in text
    assert figures.nursing_share.pct in text
    assert re.search(r"第\s*1\s*页", text) and "数据来源" in text
    training = stats_page.view.training
    flat = re.sub(r"\s+", "", text)
    assert "护理员培训" in flat and "岗前培训率" in flat and "持证上岗率" in flat
    assert training.prejob_rate.pct in flat and training.certified_rate.pct in flat
    for worker in training.missing_prejob:
        assert worker.name in flat
    png = tools.render_page(path, 1, tmp_path / "page-1.png", 40)
    assert png.stat().st_size > 5_000
    stats_page.preview.close()


def test_xlsx_export(qtbot, stats_page, tmp_path):
    path = tmp_path / "stats.xlsx"
    stats_page._write_xlsx(str(path))
    qtbot.waitUntil(path.exists, timeout=15_000)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["床位统计", "入住率", "月度趋势", "护理员培训", "隐患整改"]
    values = {
        row[0]: row[1] for row in book["床位统计"].iter_rows(values_only=True) if row and row[0]
    }
    assert values["床位总数"] == stats_page.view.figures.total_beds  # a number, not text
    assert book["月度趋势"].max_row == 13  # header + 12 months
    training = stats_page.view.training
    rows = {r[0]: r for r in book["护理员培训"].iter_rows(values_only=True) if r and r[0]}
    assert rows["在职护理员（人）"][1] == training.active_care_workers
    prejob = rows["岗前培训率"]
    assert prejob[1:4] == (
        training.prejob_rate.value,
        training.prejob_trained,
        training.active_care_workers,
    )
    assert isinstance(prejob[1], float) and isinstance(prejob[2], int)  # numbers, not text
    assert book["护理员培训"].cell(5, 2).number_format == "0.0%"
    assert rows[f"{training.as_of.year}年人均培训学时"][1] == float(training.average_hours)


def test_load_view_is_plain_data(window):
    view = load_view(window.ctx, window.stats.scope()[0], "x")
    assert view.figures.total_beds > 0 and view.trend


def test_the_sentence_and_the_table_in_english(qtbot, english, window):
    """Seen: in English the statistics page's sentence and every row of its table were still
    Chinese (the figures' wording was the published Chinese only)."""
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    figures = page.view.figures
    sentence = page.sentence.text()
    assert f"{figures.total_beds} beds" in sentence and not CJK.search(sentence), sentence
    model = page.table.rows_model
    labels = [model.text(r, 0) for r in range(model.rowCount())]
    assert [label for label in labels if CJK.search(label)] == []
    cells = {model.text(r, 0): model.text(r, 1) for r in range(model.rowCount())}
    assert cells["Share of nursing beds"] == figures.nursing_share.pct


def test_the_english_page_at_1024_by_700_draws_its_charts(qtbot, english, window):
    """Seen: in English at 1024×700 the occupancy bars' value room and the plot area chased
    each other (a new range moved the plot area, which asked for a new range …) until the
    stack overflowed and the app crashed."""
    window.resize(1024, 700)
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    for width in range(300, 900, 7):  # every width the chart may be given
        page.group_view.resize(width, page.group_view.height())
        page.type_view.resize(width, page.type_view.height())
    assert window.grab().width() == 1024
