"""统计 → 儿童福利 (issue 16): the children's figures on the statistics page for a children's
home and a region (homes side by side), equal to stats/children.py's on the district fixture
made through the services; absent for a nursing home; the page, ``mzdesk stats children
--json`` (a real process) and the panel's workbook agree; the panel's PDF carries the figures
in its embedded font; no child's name or family anywhere on the panel."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import install_translators
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.shell.main_window import MainWindow
from mzdesk.gui.widgets.inputs import to_qdate
from mzdesk.reports.children_rows import headline, sections
from mzdesk.services.institutions import InstitutionData, create_institution, list_institutions
from mzdesk.services.users import NewUser, add_user
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import children_statistics
from mzdesk.store.engine import open_store
from tests.cli.process import mzdesk
from tests.gui.conftest import _close_window
from tests.helpers import tools
from tests.helpers.actors import SETUP
from tests.helpers.charts import label_problems
from tests.helpers.children_district import make_district

DAY = dt.date(2026, 4, 10)
PERIOD = (dt.date(2026, 1, 1), DAY)
ADMIN = ("admin", "password-1")
PRIVATE = ("孤儿甲", "弃婴乙", "残疾丙", "李家", "幸福路8号", "城关派出所", "祖父母", "王医生")


@pytest.fixture
def english(qapp):
    translators = install_translators(qapp, "en")
    set_language("en")
    yield
    set_language("zh")
    for translator in translators:
        qapp.removeTranslator(translator)


def _district(qtbot, tmp_path, role="admin", region_device=False):
    """The main window of 甲区儿童福利院 (370212), with its sister home, a home in 370300 and a
    nursing home in 370212 beside it; logged in with ``role``."""
    store = open_store(tmp_path / "kids.db")
    homes = make_district(store)
    homes["敬老院"] = create_institution(
        store,
        SETUP,
        InstitutionData("甲区敬老院", InstitutionKind.NURSING_HOME, region_code="370212"),
    ).id
    user = add_user(store, SETUP, homes["甲"], NewUser("admin", "院长", "password-1", role))
    institution = next(i for i in list_institutions(store) if i.id == homes["甲"])
    worker = Worker()
    ctx = AppContext(store, worker, institution, user, store.path or Path(), region_device)
    main = MainWindow(ctx)
    main.resize(1280, 800)
    main.show()
    main.navigation.setCurrentRow(5)
    qtbot.waitUntil(lambda: main.stats.view is not None, timeout=20_000)
    return main, homes, worker


@pytest.fixture
def district_window(qtbot, loop, tmp_path):
    main, homes, worker = _district(qtbot, tmp_path)
    yield main, homes
    _close_window(qtbot, main, worker)
    main.ctx.store.close()


@pytest.fixture
def bureau_window(qtbot, loop, tmp_path):
    main, homes, worker = _district(qtbot, tmp_path, "bureau", region_device=True)
    yield main, homes
    _close_window(qtbot, main, worker)
    main.ctx.store.close()


def _show(qtbot, page, institution, region=""):
    index = page.institution.findData(str(institution)) if institution else 0
    assert index >= 0
    page.institution.setCurrentIndex(index)
    page.region.setText(region)
    page.as_of.setDate(to_qdate(DAY))
    page.children_panel.start.setDate(to_qdate(PERIOD[0]))
    page.children_panel.end.setDate(to_qdate(PERIOD[1]))
    page.view = None
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.figures.as_of == DAY, timeout=20_000
    )


def _rows(table):
    model = table.rows_model
    return [
        tuple(model.text(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())
    ]


def _panel_text(panel):
    tables = (panel.numbers, panel.groups, panel.notices, panel.homes)
    return panel.sentence.text() + "".join("".join(row) for t in tables for row in _rows(t))


def _shot(window, page, name, tmp_path):
    shots = Path(os.environ.get("MZDESK_SHOTS", tmp_path))
    page.scroller.ensureWidgetVisible(page.children_panel)
    window.grab().save(str(shots / name))


def test_a_childrens_home_and_a_nursing_home(qtbot, district_window, tmp_path):
    window, homes = district_window
    page, panel = window.stats, window.stats.children_panel
    _show(qtbot, page, homes["甲"])
    f = children_statistics(window.ctx.store, Scope(homes["甲"], None, DAY), PERIOD)
    assert panel.isVisible() and not panel.homes.isVisible()
    assert _rows(panel.numbers) == [(label, str(n)) for label, n in headline(f)]
    assert dict(_rows(panel.numbers))["在院儿童"] == "3"  # 孤儿甲, 弃婴乙, 残疾丙 (丁 left)
    shown = _rows(panel.groups)
    assert [(label, n) for _s, label, n in shown] == [
        (label, str(n)) for _title, rows in sections(f) for label, n in rows
    ]
    assert ("按类别", "孤儿", "1") in shown and ("期内安置（按方式）", "家庭寄养", "1") in shown
    assert panel.category_view.names == list(f.by_category)
    assert panel.category_view.values == [float(n) for n in f.by_category.values()]
    assert panel.category_view.value_axis.tickInterval() == 1  # counts: "0 1", not "0 0 0 1"
    qtbot.wait(200)  # the chart lays out its labels when shown
    assert label_problems(panel.category_view) == []
    # the one notice: its home and dates, past its deadline, in red; not the child's name
    assert _rows(panel.notices) == [("甲区儿童福利院", "2026-02-05", "2026-04-06", "已过公告期")]
    assert panel.notices.rows_model.colours[0].name() == "#b3261e"
    assert panel.sentence.text().startswith("甲区儿童福利院截至 2026-04-10，儿童福利机构 1 家")
    assert not [p for p in PRIVATE if p in _panel_text(panel)]
    _shot(window, page, "stats-children-home.png", tmp_path)

    _show(qtbot, page, homes["敬老院"])  # a nursing home alone: no children's part
    assert page.view.children is None
    assert not panel.isVisible()
    _show(qtbot, page, None, "370300")  # a region with a children's home: shown
    assert panel.isVisible() and dict(_rows(panel.numbers))["在院儿童"] == "1"


def test_a_region_side_by_side_and_the_exports_agree(qtbot, district_window, tmp_path):
    window, homes = district_window
    page, panel = window.stats, window.stats.children_panel
    _show(qtbot, page, None, "370212")
    store = window.ctx.store
    f = children_statistics(store, Scope(None, "370212", DAY), PERIOD)
    assert panel.isVisible() and panel.homes.isVisible()
    rows = _rows(panel.homes)
    assert [r[0] for r in rows] == ["甲区儿童福利院", "甲区儿童福利院分院", "合计"]
    for row, home in zip(rows, ("甲", "甲分院"), strict=False):
        one = children_statistics(store, Scope(homes[home], None, DAY), PERIOD)
        assert row[2:5] == (str(one.in_care), str(one.in_house), str(one.in_foster_care))
    assert rows[-1][2:] == tuple(
        str(n)
        for n in (
            f.in_care, f.in_house, f.in_foster_care, f.at_school, f.with_disability,
            sum(f.placements.values()), sum(f.left.values()), f.notices_running,
            f.notices_past_deadline, f.visits_due,
        )
    )  # fmt: skip
    assert not [p for p in PRIVATE if p in _panel_text(panel)]
    _shot(window, page, "stats-children-region.png", tmp_path)

    # the page, the CLI as a real process and the panel's workbook give the same numbers
    result = mzdesk(
        "stats", "children", "--db", str(store.path), "--region", "370212", "--json",
        "--as-of", DAY.isoformat(), "--from", PERIOD[0].isoformat(), "--to", DAY.isoformat(),
        cwd=tmp_path, user=ADMIN,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    book_path = tmp_path / "children.xlsx"
    panel._write_xlsx(str(book_path))
    qtbot.waitUntil(book_path.exists, timeout=15_000)
    sheet = openpyxl.load_workbook(book_path)["儿童统计"]
    # label → number, in the order written: a label may come again in a later section
    book: dict[str, object] = {}
    for r in sheet.iter_rows(values_only=True):
        if r and r[0] and len(r) > 1:
            book.setdefault(r[0], r[1])
    shown = dict(_rows(panel.numbers))
    for label, key in (
        ("儿童福利机构（家）", "institutions"),
        ("在院儿童", "in_care"),
        ("其中院内养育", "in_house"),
        ("其中家庭寄养", "in_foster_care"),
        ("在读儿童", "at_school"),
        ("有残疾的儿童", "with_disability"),
        ("寻亲公告（公告中，份）", "notices_running"),
        ("其中已过公告期", "notices_past_deadline"),
        ("寄养回访到期（户）", "visits_due"),
    ):
        assert shown[label] == str(printed[key]) == str(book[label]), label
        assert isinstance(book[label], int)
    categories = _rows(panel.groups)[: len(printed["by_category"])]
    assert [(label, int(n)) for _s, label, n in categories] == list(printed["by_category"].items())
    assert all(book[label] == n for label, n in printed["by_category"].items())

    panel.pdf_button.click()
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=30_000)
    pdf = tmp_path / "children.pdf"
    shutil.copyfile(panel.preview.path, pdf)
    panel.preview.close()
    text = tools.flat(tools.pdf_text(pdf))
    assert "区划370212儿童福利统计报表" in text and "在院儿童4" in text
    assert "甲区儿童福利院分院370212" in text and "各机构" in text
    assert all(font.embedded for font in tools.pdf_fonts(pdf))
    shots = Path(os.environ.get("MZDESK_SHOTS", tmp_path))
    tools.render_page(pdf, 1, shots / "stats-children-report.png", dpi=70)


def test_in_english(qtbot, english, district_window, tmp_path):
    window, _homes = district_window
    page, panel = window.stats, window.stats.children_panel
    _show(qtbot, page, None, "370212")
    f = children_statistics(window.ctx.store, Scope(None, "370212", DAY), PERIOD)
    assert _rows(panel.numbers) == [(label, str(n)) for label, n in headline(f)]
    assert dict(_rows(panel.numbers))["Children in care"] == "4"
    assert panel.sentence.text().startswith("Region 370212, as of 2026-04-10: 2 children's home")
    assert panel.xlsx_button.text() == "Export Excel"
    assert _rows(panel.notices)[0][1:] == ("2026-02-05", "2026-04-06", "past its deadline")
    assert panel.homes.rows_model.headers[2] == "Children in care"
    qtbot.wait(200)  # the chart lays out its labels when shown
    assert label_problems(panel.category_view) == []
    _shot(window, page, "stats-children-region-en.png", tmp_path)


def test_a_bureau_laptop_sees_the_regions_figures(qtbot, bureau_window, tmp_path):
    """A bureau's user on its region laptop: the region's figures, each home's, the buttons —
    and still no child's name or family (the panel has no place for one)."""
    window, _homes = bureau_window
    page, panel = window.stats, window.stats.children_panel
    _show(qtbot, page, None, "3702")
    f = children_statistics(window.ctx.store, Scope(None, "3702", DAY), PERIOD)
    assert panel.isVisible() and panel.xlsx_button.isVisible() and panel.pdf_button.isVisible()
    assert _rows(panel.numbers) == [(label, str(n)) for label, n in headline(f)]
    assert [r[0] for r in _rows(panel.homes)] == ["甲区儿童福利院", "甲区儿童福利院分院", "合计"]
    assert not [p for p in PRIVATE if p in _panel_text(panel)]
