"""The children's roster in the app (issue 16): a children's home's 住户 page offers 儿童名册
(导入…/导出…/空白模板…) instead of the residents roster; the administrator's export has the private
columns (audited), a read-only user's has none and cannot import; an edited roster is
previewed and written through the import dialog."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from mzdesk.core.vocab import ResidentStatus
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import Kind
from mzdesk.store.models import AuditEntry, Resident
from tests.gui.excel.test_rosters_in_the_app import SHOTS, choose, menu_action
from tests.gui.residents.test_children_path import residents
from tests.services.tables.children import make_children, sheet_rows


@pytest.fixture
def with_children(home):
    store, home_id = home
    make_children(store, home_id)
    return home


def _export(qtbot, button: TableMenuButton, path) -> str:
    said: list[str] = []
    button.message.connect(said.append)
    menu_action(button, Kind.CHILDREN, "导出…").trigger()
    choose(qtbot, path)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    return said[0]


def test_the_childrens_roster_on_a_childrens_homes_page(qtbot, with_children, open_as, tmp_path):
    store, _home_id = with_children
    window = open_as("admin")
    page = residents(qtbot, window)
    button = page.io
    assert button.kinds == (Kind.CHILDREN,)
    (sub,) = button.menu().actions()
    assert sub.text() == "儿童名册"
    assert [a.text() for a in sub.menu().actions()] == ["导入…", "导出…", "空白模板…"]
    assert menu_action(button, Kind.CHILDREN, "导入…").isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert window.grab().save(str(SHOTS / "children-home-residents-roster-1280.png"))

    path = tmp_path / "儿童名册.xlsx"
    assert _export(qtbot, button, path).startswith("已导出4行")
    headers, rows = sheet_rows(path)
    assert "送交单位" in headers and rows["党小春"]["送交单位"] == "城关派出所"
    with store.read() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export_private")
        ).all()
    assert len(audited) == 4 and {e.user_name for e in audited} == {"测试admin"}

    # one more child typed into the exported roster, imported through the dialog
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    new = dict.fromkeys(headers)
    new.update(
        机构名称="市儿童福利院",
        姓名="新来的",
        出生日期="2025-10-01",
        儿童类别="弃婴",
        接收方式="转入",
        接收日期="2026-04-01",
        转出机构="县儿童福利院",
    )
    sheet.append([new[h] for h in headers])
    book.save(path)
    dialog = button.open_import(Kind.CHILDREN)
    dialog.load(path)
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.choose_button.isEnabled(), timeout=60_000
    )
    assert dialog.preview.problems == () and dialog.preview.valid_rows == 5
    dialog.resize(1024, 640)
    assert dialog.grab().save(str(SHOTS / "import-children-roster-1024.png"))
    qtbot.mouseClick(dialog.write_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert (dialog.report.created, dialog.report.unchanged) == (1, 4)
    dialog.close()
    with store.read() as session:
        status = session.scalars(select(Resident.status).where(Resident.name == "新来的")).one()
    assert status is ResidentStatus.IN_HOUSE
    qtbot.waitUntil(lambda: any(r.name == "新来的" for r in page.model.rows), timeout=10_000)


def test_a_read_only_user_gets_the_roster_without_private_columns(
    qtbot,
    with_children,
    open_as,
    tmp_path,
):
    window = open_as("readonly")
    button = residents(qtbot, window).io
    assert not menu_action(button, Kind.CHILDREN, "导入…").isEnabled()
    path = tmp_path / "只读.xlsx"
    assert _export(qtbot, button, path).startswith("已导出4行")
    headers, rows = sheet_rows(path)
    assert "送交单位" not in headers and "寄养或收养家庭" not in headers
    assert "城关派出所" not in str(rows) and rows["王小明"]["安置方式"] == "家庭寄养"
