"""Importing training sign-in ledgers: rows of one session become one session, a second
import adds nothing, and every bad row is reported at once."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from mzdesk.core.vocab import TrainingCategory, TrainingResult
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.services.workers import list_trainings
from mzdesk.store.models import (
    AuditEntry,
    CareWorker,
    OutboxEntry,
    TrainingAttendance,
    TrainingCertificate,
    TrainingSession,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.staff import LEDGER_HEADER, PEOPLE, sheet, workers_sheet

(A, NA), (B, NB), (C, NC) = PEOPLE
FIRE = ["消防安全培训", "消防", dt.datetime(2026, 3, 5), None, 2, "刘教官", "二楼会议室"]


@pytest.fixture
def staffed(store, home, tmp_path):
    import_file(store, SETUP, Kind.WORKERS, workers_sheet(tmp_path / "w.xlsx"))
    return store


def attendance(store):
    with store.read() as s:
        rows = s.execute(
            select(
                TrainingSession.topic, TrainingAttendance.result, TrainingAttendance.hours_credited
            )
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .order_by(TrainingSession.topic, TrainingAttendance.result)
        )
        return [tuple(r) for r in rows]


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_messy_ledger_becomes_sessions_and_a_second_import_adds_nothing(staffed, home, tmp_path):
    header = ["签到序号", *LEDGER_HEADER, "签名"]
    header[5] = "学时（小时）"  # notes and marks beside headers, full-width spaces
    header[9] = "身份证号*"
    header[2] = "培训\u3000类别"
    rows = [
        [None, "培训信息", *[None] * 6, "参训人员", None, None, None],  # merged group headers
        header,
        [1, *FIRE, A, NA, None, "（签名）"],
        [None] * 12,
        [2, "消防安全培训\u3000", "消防/急救专项", "2026.3.5", "2026年3月5日", "２　学时", "刘教官",
         "二楼会议室", B, f" {NB}", "不合格", None],
        [3, *FIRE, C, NC, "缺 考", None],
        [1, "失能老人照护", "在岗", "2026-04-01", "2026-04-02", "1.5 小时", None, None, A, NA,
         "通过", None],
    ]  # fmt: skip
    path = sheet(
        tmp_path / "签到表.xlsx",
        rows,
        title="2026年培训签到表",
        blank_rows=2,
        merges=("B4:H4", "I4:K4"),
    )
    report = import_file(staffed, SETUP, Kind.TRAINING, path)
    assert (report.created, report.ignored_columns) == (4, ("签到序号", "签名"))
    # a blank 考核结果 counts as 合格 (as the app defaults), and the report says so and where
    assert re.search(r"1行考核结果为空，已按合格登记（第\d+行）", report.summary()), (
        report.summary()
    )
    sessions = {t.topic: t for t in list_trainings(staffed, home.id)}
    fire = sessions["消防安全培训"]
    assert (fire.category, fire.start_date, fire.end_date, fire.hours) == (
        TrainingCategory.FIRE_FIRST_AID,
        dt.date(2026, 3, 5),
        dt.date(2026, 3, 5),
        Decimal("2"),
    )
    assert (fire.attendees, fire.passed) == (3, 1)
    assert sessions["失能老人照护"].hours == Decimal("1.5")
    assert attendance(staffed) == [
        ("失能老人照护", TrainingResult.PASSED, Decimal("1.5")),
        ("消防安全培训", TrainingResult.ABSENT, Decimal("0")),
        ("消防安全培训", TrainingResult.FAILED, Decimal("2")),
        ("消防安全培训", TrainingResult.PASSED, Decimal("2")),
    ]
    with staffed.read() as s:  # written like recording a session in the app: audited, synced
        assert (
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(OutboxEntry.table_name == "training_sessions")
            )
            == 2
        )
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.table_name == "training_attendance")
            )
            == 4
        )
    again = import_file(staffed, SETUP, Kind.TRAINING, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert count(staffed, TrainingSession) == 2 and count(staffed, TrainingAttendance) == 4


def test_a_later_ledger_of_the_same_session_adds_attendees_and_updates_results(staffed, tmp_path):
    first = [LEDGER_HEADER, [*FIRE, A, NA, "缺席"]]
    import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "a.xlsx", first))
    later = [LEDGER_HEADER, [*FIRE, A, NA, "合格"], [*FIRE, B, NB, None]]
    report = import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "b.xlsx", later))
    assert (report.created, report.updated) == (1, 1)
    assert count(staffed, TrainingSession) == 1
    assert attendance(staffed) == [
        ("消防安全培训", TrainingResult.PASSED, Decimal("2")),  # was absent: now credited
        ("消防安全培训", TrainingResult.PASSED, Decimal("2")),
    ]


def test_a_worker_who_had_left_before_the_session_cannot_attend_it(staffed, tmp_path):
    left = [["姓名", "身份证号", "岗位", "入职日期", "离职日期"],
            [C, NC, "养老护理员", "2024-01-02", "2026-03-01"]]  # fmt: skip
    import_file(staffed, SETUP, Kind.WORKERS, sheet(tmp_path / "left.xlsx", left))
    rows = [
        LEDGER_HEADER,
        [*FIRE, C, NC, None],  # 2026-03-05, after C left
        ["岗前培训", "岗前", "2024-01-01", None, 8, None, None, C, NC, None],  # before: fine
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "t.xlsx", rows))
    assert [str(p) for p in rejected.value.report.problems] == [
        f"第2行 身份证号: 「{C}」已于2026-03-01离职，早于培训开始"
    ]


def test_every_bad_ledger_row_at_once_and_nothing_written(staffed, tmp_path):
    stranger = id_number(dt.date(1971, 1, 1))
    rows = [
        LEDGER_HEADER,
        [*FIRE, A, NA, None],  # fine
        [*FIRE, "王小强", NB, None],
        [*FIRE, "路人", stranger, None],
        ["护理", "讲座", "2026-03-05", "2026-03-01", "两小时", None, None, C, NC, "优秀"],
        [None, "在岗", None, None, 600, None, "地" * 201, C, NC, None],
        [*FIRE, A, NA, "合格"],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "bad.xlsx", rows))
    assert sorted(str(p) for p in rejected.value.report.problems) == [
        f"第3行 姓名: 身份证号 {NB} 登记的是「王强」，表中是「王小强」",
        f"第4行 身份证号: 本机构没有身份证号为 {stranger} 的护理员",
        "第5行 培训类别: 「讲座」不是有效值，可选：岗前培训、在岗培训、消防/急救专项、技能竞赛",
        "第5行 学时: 「两小时」不是学时数（如 2 或 1.5）",
        "第5行 结束日期: 2026-03-01 早于开始日期 2026-03-05",
        "第5行 考核结果: 「优秀」不是有效值，可选：合格、不合格、缺席",
        "第6行 培训主题: 必填",
        "第6行 培训地点: 不能超过200个字符",
        "第6行 学时: 学时应在0–500之间",
        "第6行 开始日期: 必填",
        "第7行 身份证号: 与第2行是同一培训的同一人",
    ]
    assert count(staffed, TrainingSession) == 0
    report = import_file(
        staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "bad.xlsx", rows), skip_invalid=True
    )
    assert (report.created, report.skipped_rows) == (1, [3, 4, 5, 6, 7])


def test_session_fields_checked_per_row(staffed, tmp_path):
    rows = [
        LEDGER_HEADER,
        ["护理", "在岗", "2026-03-05", "2026-03-01", "600学时", None, "地" * 201, C, NC, None],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "bad.xlsx", rows))
    assert sorted(str(p) for p in rejected.value.report.problems) == [
        "第2行 培训地点: 不能超过200个字符",
        "第2行 学时: 学时应在0–500之间",
        "第2行 结束日期: 2026-03-01 早于开始日期 2026-03-05",
    ]


def test_a_hostile_ledger_is_bounded_like_the_other_rosters(staffed, tmp_path):
    """Oversized text, absurd numbers and NaN/infinity are refused by row and column (the
    same limits the server applies), never stored and never a traceback."""
    rows = [
        LEDGER_HEADER,
        ["题" * 10_000, "在岗", "2026-03-05", None, "NaN", "师" * 500, None, A, NA, None],
        ["护理", "在岗", "2026-03-05", None, "inf学时", None, None, B, NB, None],
        ["护理", "在岗", "2026-03-05", None, 1e300, None, None, C, NC, None],
        ["护理", "在岗", "9999-12-31", None, 2, None, None, "名" * 5000, "1" * 5000, None],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "hostile.xlsx", rows))
    assert sorted(str(p) for p in rejected.value.report.problems) == [
        "第2行 培训主题: 不能超过200个字符",
        "第2行 培训讲师: 不能超过100个字符",
        "第2行 学时: 「NaN」不是学时数（如 2 或 1.5）",
        "第3行 学时: 「inf学时」不是学时数（如 2 或 1.5）",
        "第4行 学时: 「1E+300」不是数字",
        "第5行 开始日期: 「9999-12-31」不在 1880 至 2199 年之间，请检查年份",
        "第5行 身份证号: 身份证号应为18位，实为5000位",
    ]
    assert count(staffed, TrainingSession) == 0


def test_a_result_with_an_issued_certificate_is_not_changed_behind_its_back(staffed, tmp_path):
    first = [LEDGER_HEADER, [*FIRE, A, NA, "合格"], [*FIRE, B, NB, "合格"]]
    import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "a.xlsx", first))
    with staffed.write(SETUP) as s:
        attendance = s.scalars(
            select(TrainingAttendance).join(CareWorker).where(CareWorker.id_number == NA)
        ).one()
        s.add(
            TrainingCertificate(
                institution_id=attendance.institution_id,
                attendance_id=attendance.id,
                worker_id=attendance.worker_id,
                session_id=attendance.session_id,
                serial="2026-0001",
                issued_on=dt.date(2026, 3, 6),
                key_id="k1",
                payload="x",
            )
        )
    later = [LEDGER_HEADER, [*FIRE, A, NA, "不合格"], [*FIRE, B, NB, "不合格"]]
    with pytest.raises(ImportRejected) as rejected:
        import_file(staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "b.xlsx", later))
    assert [str(p) for p in rejected.value.report.problems] == [
        "第2行 考核结果: 已为此人此次培训发放合格证书，改为「不合格」前请先作废证书"
    ]
    report = import_file(
        staffed, SETUP, Kind.TRAINING, sheet(tmp_path / "b.xlsx", later), skip_invalid=True
    )
    assert report.updated == 1  # B had no certificate printed: the result is corrected
    with staffed.read() as s:
        b = s.scalars(
            select(TrainingAttendance).join(CareWorker).where(CareWorker.id_number == NB)
        ).one()
        assert (b.result, b.hours_credited) == (TrainingResult.FAILED, Decimal("2"))
