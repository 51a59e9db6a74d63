"""The hazard ledger (隐患排查整改台账): import with every row checked (row-exact problems,
nothing half-written), idempotent re-import, and an export that re-imports unchanged."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardLevel, HazardStatus, InstitutionKind
from mzdesk.services.hazards import hazard_detail, list_hazards
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import COLUMNS, Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file, preview_import
from mzdesk.services.tables.writing import export_table
from mzdesk.store.models import Hazard, HazardEvent
from tests.helpers.actors import SETUP
from tests.services.tables.staff import sheet

D = dt.date
HEADER = [c.header for c in COLUMNS[Kind.HAZARDS]]
ROWS = [
    ["幸福养老院", D(2026, 3, 1), "三楼西侧灭火器压力不足", "一般隐患", "更换灭火器", "刘志强",
     D(2026, 3, 31), D(2026, 3, 10), "王建国", D(2026, 3, 12), "已销号"],
    ["幸福养老院", D(2026, 4, 2), "安全出口被杂物堵塞", "重大", "清理通道", "赵敏",
     D(2026, 4, 9), None, None, None, "整改中"],
    ["幸福养老院", "2026/4/20", "厨房燃气软管老化", "一般", None, None,
     "2026年5月20日", D(2026, 5, 1), None, None, None],
]  # fmt: skip


def ledger(tmp_path, rows=ROWS, name="台账.xlsx"):
    return sheet(tmp_path / name, [HEADER, *rows], title="隐患排查整改台账", blank_rows=1)


def test_a_ledger_imports_and_reimporting_it_changes_nothing(store, home, tmp_path):
    path = ledger(tmp_path)
    report = import_file(store, SETUP, Kind.HAZARDS, path)
    assert (report.rows, report.created, report.updated) == (3, 3, 0)
    by_text = {r.description: r for r in list_hazards(store, home.id, today=D(2026, 6, 1))}
    closed = by_text["三楼西侧灭火器压力不足"]
    assert (closed.status, closed.rechecked_by, closed.closed_on) == (
        HazardStatus.CLOSED, "王建国", D(2026, 3, 12),
    )  # fmt: skip
    blocked = by_text["安全出口被杂物堵塞"]
    assert (blocked.level, blocked.status, blocked.overdue_days) == (
        HazardLevel.MAJOR, HazardStatus.IN_PROGRESS, 53,
    )  # fmt: skip
    hose = by_text["厨房燃气软管老化"]  # a blank 状态 with 整改完成日期 reads as 待复查
    assert (hose.status, hose.deadline) == (HazardStatus.AWAITING_CHECK, D(2026, 5, 20))
    assert hazard_detail(store, hose.id).events[0].kind is HazardEventKind.IMPORTED
    with store.read() as s:
        events = s.scalar(select(func.count()).select_from(HazardEvent))

    again = import_file(store, SETUP, Kind.HAZARDS, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(HazardEvent)) == events
        assert s.scalar(select(func.count()).select_from(Hazard)) == 3


def test_a_row_is_matched_by_institution_date_and_description_and_updated(store, home, tmp_path):
    import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path))
    later = [list(r) for r in ROWS[1:2]]
    later[0][2] = "安全出口 被杂物堵塞"  # spaces do not make another hazard
    later[0][6] = D(2026, 4, 30)
    later[0][7:11] = [D(2026, 4, 25), "王建国", D(2026, 4, 28), "已销号"]
    report = import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path, later, "later.xlsx"))
    assert (report.created, report.updated) == (0, 1)
    (row,) = [r for r in list_hazards(store, home.id) if r.found_on == D(2026, 4, 2)]
    assert (row.description, row.status, row.deadline, row.original_deadline) == (
        "安全出口被杂物堵塞", HazardStatus.CLOSED, D(2026, 4, 30), D(2026, 4, 9),
    )  # fmt: skip
    extended, imported = hazard_detail(store, row.id).events[-2:]
    assert (extended.kind, extended.old_deadline, extended.new_deadline) == (
        HazardEventKind.EXTENDED, D(2026, 4, 9), D(2026, 4, 30),
    )  # fmt: skip
    assert (imported.kind, imported.status, imported.new_deadline) == (
        HazardEventKind.IMPORTED, HazardStatus.CLOSED, None,
    )  # fmt: skip
    # a closed hazard is not reopened by a ledger
    reopened = [list(ROWS[0])]
    reopened[0][10] = "整改中"
    reopened[0][8:10] = [None, None]
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path, reopened, "reopen.xlsx"))
    (problem,) = rejected.value.report.problems
    assert str(problem) == "第4行 状态: 该隐患已于 2026-03-12 销号，台账不能改回「整改中」"


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_written(store, home, tmp_path):
    bad = [
        ROWS[0],
        ["幸福养老院", D(2026, 4, 2), "消防通道堵塞", "严重", None, None, D(2026, 3, 1),
         None, None, None, None],
        ["幸福养老院", D(2026, 4, 2), "电线私拉乱接", "一般", None, None, "下月底",
         None, None, None, "已销号"],
        ["不存在的院", D(2026, 4, 2), "楼梯扶手松动", "一般", None, None, D(2026, 5, 2),
         None, None, None, None],
        ["幸福养老院", D(2026, 3, 1), "三楼西侧灭火器压力不足", "一般", None, None,
         D(2026, 3, 31), None, None, None, None],
        ["幸福养老院", D(2026, 4, 2), "配电箱未上锁", "一般", None, None, D(2026, 5, 2),
         None, "王建国", D(2026, 4, 20), "整改中"],
    ]  # fmt: skip
    path = ledger(tmp_path, bad, "bad.xlsx")
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, Kind.HAZARDS, path)
    shown = [str(p) for p in rejected.value.report.problems]
    assert any(s.startswith("第5行 隐患等级: ") and "严重" in s for s in shown), shown
    assert "第5行 整改期限: 2026-03-01 早于发现日期 2026-04-02" in shown
    assert any(s.startswith("第6行 整改期限: ") for s in shown), shown
    assert "第6行 复查人: 状态为「已销号」时须填写复查人" in shown
    assert "第7行 机构名称: " in " ".join(shown)
    assert any(s.startswith("第8行 隐患描述: ") and "第4行" in s for s in shown), shown
    assert any(s.startswith("第9行 状态: ") for s in shown), shown
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Hazard)) == 0
    preview = preview_import(store, Kind.HAZARDS, path)
    assert preview.invalid_rows == 5 and preview.valid_rows == 1
    report = import_file(store, SETUP, Kind.HAZARDS, path, skip_invalid=True)
    assert report.created == 1 and report.skipped_rows == [5, 6, 7, 8, 9]


def test_the_export_has_the_ledger_columns_with_real_dates_and_reimports_unchanged(
    store, home, tmp_path
):
    create_institution(
        store, SETUP, InstitutionData(name="康乐养老院", kind=InstitutionKind.NURSING_HOME)
    )
    other = [list(ROWS[1])]
    other[0][0] = "康乐养老院"
    import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path))
    import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path, other, "other.xlsx"))
    out = tmp_path / "out.xlsx"
    assert export_table(store, Kind.HAZARDS, out) == 4
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "机构名称", "发现日期", "隐患描述", "隐患等级", "整改措施", "责任人", "整改期限",
        "整改完成日期", "复查人", "复查日期", "状态",
    ]  # fmt: skip
    first = rows[1]
    assert first[1] == dt.datetime(2026, 3, 1) and ws.cell(2, 2).number_format == "yyyy-mm-dd"
    assert first[3] == "一般隐患" and first[10] == "已销号"
    again = import_file(store, SETUP, Kind.HAZARDS, out)
    assert (again.rows, again.created, again.updated, again.unchanged) == (4, 0, 0, 4)


def test_a_later_deadline_in_a_ledger_is_an_extension_and_the_original_stays(store, home, tmp_path):
    import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path))
    today = dt.date.today()
    later = [list(ROWS[1])]  # 安全出口被杂物堵塞, deadline 2026-04-09, 整改中
    later[0][6] = today + dt.timedelta(days=30)
    path = ledger(tmp_path, later, "later.xlsx")
    new = later[0][6].isoformat()
    preview = preview_import(store, Kind.HAZARDS, path)
    assert preview.notes == (f"；第4行整改期限 2026-04-09 延至 {new}，记为延期（原因：台账导入）",)
    report = import_file(store, SETUP, Kind.HAZARDS, path)
    assert (report.updated, report.notes) == (1, list(preview.notes))
    assert report.summary().endswith(preview.notes[0])
    (row,) = [r for r in list_hazards(store, home.id, today=today) if r.found_on == D(2026, 4, 2)]
    assert (row.deadline, row.original_deadline, row.extended) == (
        later[0][6], D(2026, 4, 9), True,
    )  # fmt: skip
    assert not row.overdue
    (last,) = hazard_detail(store, row.id).events[-1:]
    assert (last.kind, last.on, last.reason, last.approved_by) == (
        HazardEventKind.EXTENDED, today, "台账导入", None,
    )  # fmt: skip
    assert (last.old_deadline, last.new_deadline) == (D(2026, 4, 9), later[0][6])
    assert import_file(store, SETUP, Kind.HAZARDS, path).unchanged == 1  # nothing moves twice
    # an earlier deadline is a correction: kept as a 台账导入 step; the original still stays
    later[0][6] = D(2026, 4, 20)
    import_file(store, SETUP, Kind.HAZARDS, ledger(tmp_path, later, "earlier.xlsx"))
    detail = hazard_detail(store, row.id)
    assert (detail.hazard.deadline, detail.hazard.original_deadline) == (
        D(2026, 4, 20), D(2026, 4, 9),
    )  # fmt: skip
    corrected = detail.events[-1]
    assert (corrected.kind, corrected.old_deadline, corrected.new_deadline) == (
        HazardEventKind.IMPORTED, today + dt.timedelta(days=30), D(2026, 4, 20),
    )  # fmt: skip
