"""Importing care workers (with leavers), their certificates, and which institution a sheet
without 机构名称 goes to."""

import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.permissions import ADMIN, Actor
from mzdesk.core.vocab import InstitutionKind, SkillLevel, WorkerStatus
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.store.models import CareWorker, WorkerCertificate
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.staff import CERT_HEADER, PEOPLE, WORKER_HEADER, sheet, workers_sheet


def problems(store, kind, path, **kwargs):
    with pytest.raises(ImportRejected) as rejected:
        import_file(store, SETUP, kind, path, **kwargs)
    return sorted(str(p) for p in rejected.value.report.problems)


def workers(store):
    with store.read() as s:
        return {w.name: w for w in s.scalars(select(CareWorker))}


def workers_list(store):
    with store.read() as s:
        return list(s.scalars(select(CareWorker)))


def certificates(store):
    with store.read() as s:
        return list(s.scalars(select(WorkerCertificate).order_by(WorkerCertificate.name)))


def test_workers_without_an_institution_column_go_to_the_only_one(store, home, tmp_path):
    report = import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    assert report.created == 3
    assert {w.institution_id for w in workers(store).values()} == {home.id}


def test_several_institutions_need_the_option_or_a_column(store, home, tmp_path):
    other = create_institution(
        store, SETUP, InstitutionData(name="康乐园", kind=InstitutionKind.NURSING_HOME)
    )
    path = workers_sheet(tmp_path / "w.xlsx")
    assert problems(store, Kind.WORKERS, path) == [
        "文件: 表中没有机构名称列，而数据库中有2家机构：请用 --institution 指定机构，"
        "或在表中加一列机构名称"
    ]
    assert problems(store, Kind.WORKERS, path, institution="无此院") == [
        "文件: 没有名为「无此院」的机构"
    ]
    assert import_file(store, SETUP, Kind.WORKERS, path, institution="康乐园").created == 3
    assert {w.institution_id for w in workers(store).values()} == {other.id}
    # a user of one institution: the sheet goes to theirs
    staff = Actor(None, home.id, ADMIN, "院长")
    assert import_file(store, staff, Kind.WORKERS, path).created == 3
    assert len([w for w in workers_list(store) if w.institution_id == home.id]) == 3


def test_a_leaving_date_marks_the_worker_left_and_contradictions_are_reported(
    store, home, tmp_path
):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    (a, na), (b, nb), (c, nc) = PEOPLE
    new = id_number(dt.date(1990, 2, 2))
    rows = [
        [*WORKER_HEADER, "状态", "离职日期"],
        [a, na, "养老护理员", None, "2024-01-02", None, "2025年6月30日"],  # leaves
        [b, nb, "养老护理员", None, "2024-01-02", "在岗", "2025-06-30"],  # contradiction
        [c, nc, "养老护理员", None, "2024-01-02", "已离职", None],  # left, but when?
        ["赵新", new, "养老护理员", None, "2024-03-01", None, "2024-02-01"],  # before hired
    ]
    path = sheet(tmp_path / "left.xlsx", rows)
    assert problems(store, Kind.WORKERS, path) == [
        "第3行 状态: 离职日期与状态「在职」矛盾",
        "第4行 离职日期: 状态为离职时请填写离职日期",
        "第5行 离职日期: 2024-02-01 早于入职日期 2024-03-01",
    ]
    assert all(w.status is WorkerStatus.ACTIVE for w in workers(store).values())
    report = import_file(store, SETUP, Kind.WORKERS, path, skip_invalid=True)
    assert (report.updated, report.skipped_rows) == (1, [3, 4, 5])
    left = workers(store)[a]
    assert (left.status, left.left_on) == (WorkerStatus.LEFT, dt.date(2025, 6, 30))
    # the same worker later listed as 在职 is a problem, not a silent return to work
    again = sheet(
        tmp_path / "again.xlsx",
        [[*WORKER_HEADER, "状态"], [a, na, "养老护理员", None, "2024-01-02", "在职"]],
    )
    assert problems(store, Kind.WORKERS, again) == [
        f"第2行 状态: 「{a}」已于2025-06-30离职；表中为在职（复职请在软件中办理，或改为离职）"
    ]
    # 离职 without a date for someone recorded as left, or no status at all: nothing changes
    quiet = sheet(
        tmp_path / "quiet.xlsx",
        [[*WORKER_HEADER, "状态"], [a, na, "养老护理员", None, "2024-01-02", "离职"],
         [b, nb, "养老护理员", None, "2024-01-02", None]],
    )  # fmt: skip
    assert import_file(store, SETUP, Kind.WORKERS, quiet).unchanged == 2
    assert workers(store)[a].left_on == dt.date(2025, 6, 30)


def test_a_new_worker_who_already_left_is_recorded_as_left(store, home, tmp_path):
    number = id_number(dt.date(1985, 5, 5))
    path = sheet(
        tmp_path / "w.xlsx",
        [[*WORKER_HEADER, "离职日期"], ["钱多", number, "护士", None, "2023-01-01", "2024-01-01"]],
    )
    assert import_file(store, SETUP, Kind.WORKERS, path).created == 1
    worker = workers(store)["钱多"]
    assert (worker.status, worker.left_on) == (WorkerStatus.LEFT, dt.date(2024, 1, 1))
    assert import_file(store, SETUP, Kind.WORKERS, path).unchanged == 1


def test_messy_certificate_ledger(store, home, tmp_path):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    (a, na), (b, nb), (c, nc) = PEOPLE
    rows = [
        ["序号", *CERT_HEADER[:4], "职业技能等级", "发证单位", "发证日期", "有效期", "备注"],
        [1, a, na, "养老护理员职业技能等级证书", "Y0001", "四级", "青岛市人社局",
         dt.datetime(2024, 5, 1), "长期", "扫描件已存"],
        [None] * 10,
        [2, f"{b}\u3000", f" {nb} ", "健康证", None, None, "市疾控", "2025.3.5", "2026年3月4日", None],
        [3, c, nc, "养老护理员职业技能等级证书", "Y0003", "三级/高级工", None, "2024-06-01",
         None, None],
    ]  # fmt: skip
    path = sheet(tmp_path / "证书.xlsx", rows, title="护理员证书台账（2025年）", blank_rows=1)
    report = import_file(store, SETUP, Kind.CERTIFICATES, path)
    assert (report.created, report.ignored_columns) == (3, ("序号", "备注"))
    by_worker = {x.name + (x.number or ""): x for x in certificates(store)}
    skill = by_worker["养老护理员职业技能等级证书Y0001"]
    assert (skill.skill_level, skill.issued_on, skill.expires_on) == (
        SkillLevel.LEVEL4,
        dt.date(2024, 5, 1),
        None,
    )
    health = by_worker["健康证"]
    assert (health.issued_on, health.expires_on, health.issuer) == (
        dt.date(2025, 3, 5),
        dt.date(2026, 3, 4),
        "市疾控",
    )
    levels = {name: w.skill_level for name, w in workers(store).items()}
    assert levels == {a: SkillLevel.LEVEL4, b: SkillLevel.NONE, c: SkillLevel.LEVEL3}
    # twice: nothing new; a changed expiry updates the certificate without a number
    assert import_file(store, SETUP, Kind.CERTIFICATES, path).unchanged == 3
    book_rows = [CERT_HEADER, [b, nb, "健康证", None, None, "市疾控", "2025-03-05", "2027-03-04"]]
    report = import_file(store, SETUP, Kind.CERTIFICATES, sheet(tmp_path / "h.xlsx", book_rows))
    assert (report.created, report.updated) == (0, 1)
    assert len(certificates(store)) == 3
    # a lower level certificate never lowers the worker's level
    lower = [CERT_HEADER, [c, nc, "养老护理员职业技能等级证书", "Y0009", "五级", None, None, None]]
    import_file(store, SETUP, Kind.CERTIFICATES, sheet(tmp_path / "l.xlsx", lower))
    assert workers(store)[c].skill_level is SkillLevel.LEVEL3


def test_every_bad_certificate_row_at_once_and_nothing_written(store, home, tmp_path):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    (a, na), (_, nb), _ = PEOPLE
    stranger = id_number(dt.date(1970, 1, 1))
    rows = [
        CERT_HEADER,
        [a, na, "健康证", None, None, None, "2025-01-01", "2026-01-01"],  # fine
        ["王小强", nb, "健康证", None, None, None, "2025-01-01", None],
        ["路人", stranger, "健康证", None, None, None, "2025-01-01", None],
        [a, na, None, "X1", "七级", None, "2025-13-01", "2024-01-01"],
        [a, na, "急救证", "J1", None, "所" * 101, "2025-05-01", "2024-05-01"],
        [a, na, "健康证", None, None, None, "2025-01-01", None],
    ]
    assert problems(store, Kind.CERTIFICATES, sheet(tmp_path / "bad.xlsx", rows)) == sorted(
        [
            f"第3行 姓名: 身份证号 {nb} 登记的是「王强」，表中是「王小强」",
            f"第4行 身份证号: 本机构没有身份证号为 {stranger} 的护理员",
            "第5行 证书名称: 必填",
            "第5行 技能等级: 「七级」不是有效值，可选：无、五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师",
            "第5行 发证日期: 「2025-13-01」不是可识别的日期，请写成 yyyy-MM-dd",
            "第6行 发证机关: 不能超过100个字符",
            "第6行 有效期至: 2024-05-01 早于发证日期 2025-05-01",
            "第7行 证书名称: 与第2行重复（张丽 健康证）",
        ]
    )
    assert certificates(store) == []
