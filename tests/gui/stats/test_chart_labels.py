"""The charts of the 统计 page keep every axis label and value label whole and readable at
the page's size in a 1024×700, 1280×800 and 1920×1080 window: no "…", nothing cut by its
area, no two labels on top of each other, no value label wider than the bar it is in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QApplication

from mzdesk.core.i18n import current_language, set_language
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.i18n import install_translators
from mzdesk.gui.stats.page import StatsPage
from mzdesk.services.institutions import InstitutionData, create_institution
from tests.helpers.actors import SETUP
from tests.helpers.charts import label_problems

NAVIGATION = 170  # the page list left of the page, and the window's frame
STATUS = 50  # the status bar and the message line under the page
SIZES = [(1024, 700), (1280, 800), (1920, 1080)]


def _page(qtbot, ctx, width: int, height: int) -> StatsPage:
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.resize(width - NAVIGATION, height - STATUS)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    return page


def _problems(qtbot, page: StatsPage, shots: Path, name: str) -> dict[str, list[str]]:
    qtbot.wait(200)  # the charts lay out their labels when shown
    page.grab().save(str(shots / f"{name}.png"))
    page.scroller.widget().grab().save(str(shots / f"{name}-whole.png"))  # all, scrolled
    return {
        view.chart().title(): problems
        for view in page.findChildren(QChartView)
        if view.isVisible()  # the children's chart is hidden for a nursing home (never laid out)
        and (problems := label_problems(view))
    }


@pytest.fixture(params=["zh", "en"])
def language(request, qapp: QApplication):
    before = current_language()
    translators = install_translators(qapp, request.param) if request.param == "en" else []
    set_language(request.param)
    yield request.param
    set_language(before)
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_one_home_by_floor(qtbot, language, window, tmp_path, width, height):
    page = _page(qtbot, window.ctx, width, height)
    assert len(page.view.groups) >= 6
    assert _problems(qtbot, page, tmp_path, f"stats-{language}-{width}") == {}


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_all_homes_with_long_names(qtbot, window, tmp_path, width, height):
    ctx = window.ctx
    for n in range(1, 19):  # 19 homes: the chart shows 16 and says so in its title
        create_institution(
            ctx.store,
            SETUP,
            InstitutionData(
                f"青岛市崂山区沙子口街道第{n}社区居家养老服务中心",
                InstitutionKind.NURSING_HOME,
                region_code="370212",
            ),
        )
    page = _page(qtbot, ctx, width, height)
    page.institution.setCurrentIndex(0)  # 全部机构
    page.as_of.setDate(dt.date.today())
    page.view = None
    page.refresh()
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    assert len(page.view.groups) == 19
    assert page.group_chart.title() == "入住率（按机构），前 16 组（共 19 组，全部见报表）"
    assert _problems(qtbot, page, tmp_path, f"stats-all-{width}") == {}
    # at 1024 px the names are shortened (青岛市崂山区, which all share, dropped); every name
    # is whole in its bar's tooltip
    view = page.group_view
    assert bool(view.full_names) == (width == 1024)
    assert all(full.endswith(short) for short, full in view.full_names.items())
    shown = page.view.groups[: len(view.names)]
    view.bars.hovered.emit(True, 0)  # the bottom bar: the last group shown
    assert view.toolTip() == f"{shown[-1].group}：{round(shown[-1].occupancy.value * 100, 1):g}%"
    view.bars.hovered.emit(False, 0)
    assert view.toolTip() == ""
