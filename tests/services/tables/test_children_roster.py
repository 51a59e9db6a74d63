"""The children's roster (儿童名册, issue 16): export from the store, re-import unchanged, round
trip into a fresh children's home, the template filled in, and updates of children already
here."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from mzdesk.core.children import NoticeStatus
from mzdesk.core.errors import StateError
from mzdesk.core.vocab import InstitutionKind, ResidentStatus
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import COLUMNS, Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.services.tables.writing import export_table, write_template
from mzdesk.store.engine import open_store
from mzdesk.store.models import AuditEntry, ChildPlacement, FamilyNotice, Resident
from tests.helpers.actors import SETUP
from tests.services.tables.children import HOME, ORPHAN_ID, make_children, sheet_rows


@pytest.fixture
def children(store, children_home):
    make_children(store, children_home.id)
    return store


def test_the_export_has_every_column_and_each_childs_path(children, tmp_path):
    path = tmp_path / "儿童名册.xlsx"
    assert export_table(children, Kind.CHILDREN, path, SETUP) == 4
    headers, rows = sheet_rows(path)
    assert headers == [c.header for c in COLUMNS[Kind.CHILDREN]]
    spring = rows["党小春"]
    assert spring["接收方式"] == "公安机关送交" and spring["接收日期"] == "2026-03-02"
    assert (spring["捡拾日期"], spring["捡拾地点"]) == ("2026-03-01", "市妇幼保健院门口")
    assert (spring["公告日期"], spring["公告期满日期"]) == ("2026-03-05", "2026-05-04")
    assert spring["公告状态"] == "公告中" and spring["状态"] == "在住"
    orphan = rows["王小明"]
    assert orphan["身份证号"] == ORPHAN_ID and orphan["出生日期"] == "2019-04-02"
    assert (orphan["安置方式"], orphan["安置日期"]) == ("家庭寄养", "2026-06-01")
    assert orphan["家庭住址"] == "城关镇幸福路1号" and orphan["离院日期"] is None
    adopted = rows["赵小红"]
    assert (adopted["离院日期"], adopted["离院原因"]) == ("2026-08-01", "收养")
    assert adopted["状态"] == "离院"  # the path's word, not the elderly's 退住
    assert adopted["寄养或收养家庭"] == "陈某夫妇"
    claimed = rows["钱小亮"]
    assert (claimed["公告状态"], claimed["公告结束日期"]) == ("已认领", "2026-02-01")
    assert claimed["公告期满日期"] == "2026-04-06"  # 90 days from the day after 1-6
    assert (claimed["离院日期"], claimed["离院原因"]) == ("2026-09-01", "转院")
    # the ID number stays text in Excel
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.cell(row=2, column=headers.index("身份证号") + 1).number_format == "@"


def test_export_import_into_a_fresh_home_gives_the_same_children_and_dates(children, tmp_path):
    first = tmp_path / "一.xlsx"
    export_table(children, Kind.CHILDREN, first, SETUP)
    fresh = open_store(tmp_path / "fresh.db")
    try:
        create_institution(
            fresh, SETUP, InstitutionData(name=HOME, kind=InstitutionKind.CHILDREN_HOME)
        )
        report = import_file(fresh, SETUP, Kind.CHILDREN, first)
        assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
        second = tmp_path / "二.xlsx"
        export_table(fresh, Kind.CHILDREN, second, SETUP)
        assert sheet_rows(second) == sheet_rows(first)
        with fresh.read() as session:
            statuses = dict(session.execute(select(Resident.name, Resident.status)).all())
        assert statuses == {
            "党小春": ResidentStatus.IN_HOUSE,
            "王小明": ResidentStatus.FOSTERED,
            "赵小红": ResidentStatus.DISCHARGED,
            "钱小亮": ResidentStatus.DISCHARGED,
        }
        again = import_file(fresh, SETUP, Kind.CHILDREN, second)  # nothing new the second time
        assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    finally:
        fresh.close()


def test_the_same_roster_again_changes_nothing(children, tmp_path):
    path = tmp_path / "儿童名册.csv"
    export_table(children, Kind.CHILDREN, path, SETUP)
    report = import_file(children, SETUP, Kind.CHILDREN, path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)


def _edit(path, name: str, **cells: object) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headers.index("姓名")].value == name:
            for header, value in cells.items():
                row[headers.index(header)].value = value
    book.save(path)


def test_a_roster_updates_personal_columns_and_adds_the_steps_a_record_lacks(children, tmp_path):
    path = tmp_path / "儿童名册.xlsx"
    export_table(children, Kind.CHILDREN, path, SETUP)
    _edit(
        path,
        "党小春",
        残疾类别="智力",
        公告状态="已认领",
        公告结束日期="2026-04-01",
        认领人="生母党某",
    )
    report = import_file(children, SETUP, Kind.CHILDREN, path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 3)
    with children.read() as session:
        spring = session.scalars(select(Resident).where(Resident.name == "党小春")).one()
        notice = session.scalars(
            select(FamilyNotice).where(FamilyNotice.resident_id == spring.id)
        ).one()
        entries = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.row_id == notice.id)
        )
    assert spring.disability_type == "智力"
    assert (notice.status, notice.closed_on, notice.claimed_by) == (
        NoticeStatus.CLAIMED,
        dt.date(2026, 4, 1),
        "生母党某",
    )
    assert entries == 2  # published, then claimed — each audited with the import's actor


def test_a_step_that_differs_from_the_record_is_a_problem_of_its_row(children, tmp_path):
    path = tmp_path / "儿童名册.xlsx"
    export_table(children, Kind.CHILDREN, path, SETUP)
    _edit(path, "王小明", 安置日期="2026-06-02")
    with pytest.raises(ImportRejected) as rejected:
        import_file(children, SETUP, Kind.CHILDREN, path)
    (problem,) = rejected.value.report.problems
    assert str(problem).startswith("第3行 安置日期") and "2026-06-01" in str(problem)
    assert "儿童档案" in str(problem)
    with children.read() as session:
        assert session.scalar(select(func.count()).select_from(ChildPlacement)) == 2


def test_template_with_notes_and_its_example_imports(children_home, store, tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(Kind.CHILDREN, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["数据", "填写说明"]
    data, notes = book.worksheets
    headers = [c.value for c in data[1]]
    assert headers == [c.header for c in COLUMNS[Kind.CHILDREN]]
    assert data.max_row == 1 or all(c.value is None for c in data[2])
    explained = {row[0].value: row for row in notes.iter_rows(min_row=2)}
    assert list(explained) == headers
    assert explained["接收日期"][1].value == "是" and "yyyy-MM-dd" in explained["接收日期"][2].value
    assert "隐私" in explained["送交单位"][2].value
    assert "公安机关送交" in explained["接收方式"][2].value
    # the example row, typed into the data sheet, imports as it says
    for column, header in enumerate(headers, start=1):
        data.cell(row=2, column=column).value = explained[header][3].value or None
    book.save(path)
    try:
        report = import_file(store, SETUP, Kind.CHILDREN, path)
    except ImportRejected as rejected:
        pytest.fail("; ".join(map(str, rejected.report.problems)))
    assert report.created == 1
    with store.read() as session:
        notice = session.scalars(select(FamilyNotice)).one()
    assert (notice.published_on, notice.period_days) == (dt.date(2026, 3, 5), 60)


def test_a_nursing_home_has_no_childrens_roster(home, store, tmp_path):
    with pytest.raises(StateError, match="没有儿童福利机构"):
        export_table(store, Kind.CHILDREN, tmp_path / "x.xlsx", SETUP)
    path = tmp_path / "儿童名册.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["机构名称", "姓名", "儿童类别", "接收方式", "接收日期"])
    book.active.append(["幸福养老院", "误入", "孤儿", "转入", "2026-03-01"])
    book.save(path)
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, Kind.CHILDREN, path)
    (problem,) = rejected.value.report.problems
    assert str(problem).startswith("第2行 机构名称") and "不是儿童福利机构" in str(problem)
