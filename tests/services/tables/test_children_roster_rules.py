"""The children's roster's rules (issue 16): private columns by role (and never from a bureau's
device), the export of them audited, who may import, and bad rows named by row and column with
nothing half-written — including a step the services refuse only when they write it."""

from __future__ import annotations

import datetime as dt
import uuid

import openpyxl
import pytest
from sqlalchemy import func, select

from mzdesk.core.permissions import REGION_WITHHELD, Actor, PermissionDenied
from mzdesk.services.tables.columns import COLUMNS, Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file, preview_import
from mzdesk.services.tables.writing import export_table
from mzdesk.store.models import AuditEntry, ChildIntake, FamilyNotice, OutboxEntry, Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.children import HOME, PRIVATE_VALUES, make_children, sheet_rows

PRIVATE_HEADERS = {c.header for c in COLUMNS[Kind.CHILDREN] if c.private}


@pytest.fixture
def children(store, children_home):
    make_children(store, children_home.id)
    return store


def _actor(role: str, home_id, *, region_device: bool = False) -> Actor:
    actor = Actor(uuid.uuid4(), home_id, role, f"{role}用户")
    return actor.withholding(REGION_WITHHELD) if region_device else actor


def _exports(store) -> list[AuditEntry]:
    with store.read() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == "export_private"))
        )


@pytest.mark.parametrize(
    ("role", "region_device"),
    [("readonly", False), ("inspector", False), ("bureau", False), ("admin", True)],
    ids=["readonly", "inspector", "bureau", "admin-on-a-bureau-device"],
)
def test_without_children_private_the_roster_has_no_private_column(
    children, children_home, tmp_path, role, region_device
):
    path = tmp_path / "儿童名册.xlsx"
    actor = _actor(role, children_home.id, region_device=region_device)
    assert export_table(children, Kind.CHILDREN, path, actor) == 4
    headers, rows = sheet_rows(path)
    assert not PRIVATE_HEADERS & set(headers)
    assert {"姓名", "接收日期", "公告期满日期", "安置方式", "离院日期"} <= set(headers)
    every_value = {str(v) for row in rows.values() for v in row.values()}
    assert not every_value & set(PRIVATE_VALUES)
    assert rows["王小明"]["安置方式"] == "家庭寄养"  # the placement, not the family
    assert _exports(children) == []  # nothing private shown, nothing to audit


def test_a_csv_without_the_right_has_no_private_value_either(children, children_home, tmp_path):
    path = tmp_path / "儿童名册.csv"
    export_table(children, Kind.CHILDREN, path, _actor("readonly", children_home.id))
    written = path.read_text(encoding="utf-8-sig")
    assert not [v for v in PRIVATE_VALUES if v in written]
    assert export_table(children, Kind.CHILDREN, path, None) == 4  # no actor: nothing private
    assert not [v for v in PRIVATE_VALUES if v in path.read_text(encoding="utf-8-sig")]


def test_staff_get_the_private_columns_and_the_export_is_audited(children, children_home, tmp_path):
    path = tmp_path / "儿童名册.xlsx"
    staff = _actor("staff", children_home.id)
    export_table(children, Kind.CHILDREN, path, staff)
    headers, rows = sheet_rows(path)
    assert set(headers) >= PRIVATE_HEADERS
    assert rows["党小春"]["送交单位"] == "城关派出所"
    assert rows["王小明"]["寄养或收养家庭"] == "李建国家庭"
    entries = _exports(children)
    with children.read() as session:
        child_ids = set(session.scalars(select(Resident.id)))
    assert {e.row_id for e in entries} == child_ids  # how many rows: one entry per child
    assert {(e.user_id, e.user_name, e.table_name) for e in entries} == {
        (staff.user_id, "staff用户", "residents")
    }
    moments = sorted(e.at for e in entries)  # when: the one export
    assert (moments[-1] - moments[0]).total_seconds() < 1


@pytest.mark.parametrize(
    ("role", "region_device"),
    [("readonly", False), ("inspector", False), ("bureau", False), ("admin", True)],
)
def test_only_a_role_with_children_private_and_residents_edit_imports(
    children, children_home, tmp_path, role, region_device
):
    path = tmp_path / "儿童名册.xlsx"
    export_table(children, Kind.CHILDREN, path, SETUP)
    with pytest.raises(PermissionDenied):
        import_file(
            children,
            _actor(role, children_home.id, region_device=region_device),
            Kind.CHILDREN,
            path,
        )
    report = import_file(children, _actor("staff", children_home.id), Kind.CHILDREN, path)
    assert report.unchanged == 4


HEADER = [
    "机构名称",
    "姓名",
    "身份证号",
    "出生日期",
    "儿童类别",
    "接收方式",
    "接收日期",
    "捡拾日期",
    "送交单位",
    "转出机构",
    "公告日期",
    "安置方式",
    "安置日期",
    "家庭住址",
    "离院日期",
    "离院原因",
]


def _roster(path, rows):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append([HOME, *row])
    book.save(path)
    return path


GOOD_ID = id_number(dt.date(2018, 1, 2))


def _row(name: str, **cells: object) -> list[object]:
    """A row of HEADER after 机构名称: a child transferred in on 2026-01-10 unless told."""
    base: dict[str, object] = {
        "出生日期": "2025-05-01",
        "儿童类别": "弃婴",
        "接收方式": "转入",
        "接收日期": "2026-01-10",
        "转出机构": "县福利院",
    }
    values = {**base, "姓名": name, **cells}
    return [values.get(h) for h in HEADER[1:]]


ROWS = [
    _row("甲", 身份证号=GOOD_ID, 出生日期=None, 儿童类别="孤儿"),
    _row("乙", 接收日期="2026-13-01"),
    _row("丙", 接收方式="空投"),
    _row("丁", 接收方式="公安机关送交", 捡拾日期="2026-01-09", 转出机构=None),
    _row("戊", 离院日期="2026-05-01", 离院原因="收养"),
    _row("己", 身份证号=GOOD_ID, 出生日期=None, 儿童类别="孤儿"),
    _row("庚", 公告日期="2026-01-05"),
    _row("辛", 安置方式="家庭寄养", 安置日期="2026-03-01"),
]


def _count(store, model) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(
    store, children_home, tmp_path
):
    path = _roster(tmp_path / "儿童名册.xlsx", ROWS)
    outbox = _count(store, OutboxEntry)
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, Kind.CHILDREN, path)
    said = [str(p) for p in rejected.value.report.problems]
    expected = [
        "第3行 接收日期",  # 2026-13-01
        "第4行 接收方式",  # 空投
        "第5行 送交单位",  # the police brought it: who
        "第6行 离院原因",  # adoption without the adoption's placement
        "第7行 身份证号",  # the same child twice
        "第8行 公告日期",  # a notice before the intake
        "第9行 寄养或收养家庭",  # foster care: with whom
        "第9行 家庭住址",  # and where
    ]
    for start in expected:
        assert any(s.startswith(start) for s in said), (start, said)
    assert not any(s.startswith("第2行") for s in said), said
    assert (_count(store, Resident), _count(store, ChildIntake)) == (0, 0)
    assert _count(store, OutboxEntry) == outbox

    preview = preview_import(store, Kind.CHILDREN, path)  # the preview says the same
    assert {p.row for p in preview.problems} == {3, 4, 5, 6, 7, 8, 9}


def test_a_notice_period_out_of_range_is_named_in_the_preview(store, children_home, tmp_path):
    header = ["机构名称", "姓名", "出生日期", "儿童类别", "接收方式", "转出机构", "接收日期"]
    child = [HOME, "癸", "2025-05-01", "弃婴", "转入", "县福利院", "2026-02-01"]
    book = openpyxl.Workbook()
    book.active.append([*header, "公告日期", "公告期满日期"])
    book.active.append([*child, "2026-02-03", "2026-02-13"])  # 10 days: 30–365 allowed
    path = tmp_path / "儿童名册.xlsx"
    book.save(path)
    (problem,) = preview_import(store, Kind.CHILDREN, path).problems
    assert str(problem).startswith("第2行 公告期满日期") and "30" in str(problem)


def test_a_step_the_services_refuse_in_writing_rejects_the_file_or_skips_its_row(
    store, children_home, tmp_path
):
    """A foster family's name longer than the record keeps (100): place() refuses it as it
    writes; the row's intake, written just before, goes with it."""
    header = ["机构名称", "姓名", "出生日期", "儿童类别", "接收方式", "转出机构", "接收日期"]
    header += ["公告日期", "安置方式", "安置日期", "寄养或收养家庭", "家庭住址"]
    child = [HOME, None, "2025-05-01", "弃婴", "转入", "县福利院", "2026-02-01", "2026-02-02"]
    foster = ["家庭寄养", "2026-03-01"]
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append([*child[:1], "甲", *child[2:], None, None, None, None])
    book.active.append([*child[:1], "癸", *child[2:], *foster, "很长" * 51, "城关镇1号"])
    book.active.append([*child[:1], "壬", *child[2:], *foster, "李家", "城关镇2号"])
    path = tmp_path / "儿童名册.xlsx"
    book.save(path)
    assert preview_import(store, Kind.CHILDREN, path).problems == ()
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, Kind.CHILDREN, path)
    said = [str(p) for p in rejected.value.report.problems]
    assert [s.split(":")[0] for s in said] == ["第3行 寄养或收养家庭"], said
    assert "100" in said[0]
    assert (_count(store, Resident), _count(store, FamilyNotice)) == (0, 0)

    report = import_file(store, SETUP, Kind.CHILDREN, path, skip_invalid=True)
    assert (report.created, report.skipped_rows) == (2, [3])
    with store.read() as session:
        assert sorted(session.scalars(select(Resident.name))) == ["壬", "甲"]
    # the skipped row's intake and notice rolled back with it
    assert (_count(store, ChildIntake), _count(store, FamilyNotice)) == (2, 2)


def test_an_imported_child_is_received_by_the_importer_audited_and_synced(
    store, children_home, tmp_path
):
    """Through the services of 接收 and 安置, with the import's actor; vocabularies in English
    are read too."""
    book = openpyxl.Workbook()
    header = ["姓名", "出生日期", "儿童类别", "接收方式", "转出机构", "接收日期"]
    values = ["甲", "2020-01-02", "orphan", "transfer", "县福利院", "2026-02-01"]
    book.active.append([*header, "安置方式", "安置日期", "寄养或收养家庭"])
    book.active.append([*values, "adoption", "2026-05-01", "陈某夫妇"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    staff = _actor("staff", children_home.id)
    assert import_file(store, staff, Kind.CHILDREN, path).created == 1
    with store.read() as session:
        child = session.scalars(select(Resident)).one()
        audited = {
            (e.table_name, e.user_name)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "create"))
        }
        synced = set(session.scalars(select(OutboxEntry.table_name)))
    assert (child.status.value, child.discharge_reason.value) == ("discharged", "adoption")
    assert child.discharge_date == dt.date(2026, 5, 1)
    tables = {"residents", "child_intakes", "child_placements"}
    assert {(t, "staff用户") for t in tables} <= audited
    assert tables <= synced
