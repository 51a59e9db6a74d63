import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import READ_ONLY, Actor, PermissionDenied
from mzdesk.core.vocab import TrainingCategory, TrainingResult
from mzdesk.services.training import (
    SessionData,
    add_attendees,
    remove_attendance,
    session_detail,
    update_attendance,
    update_training_session,
)
from mzdesk.services.workers import Attendee, list_trainings, worker_left
from mzdesk.store.models import TrainingAttendance, TrainingCertificate
from tests.helpers.actors import SETUP
from tests.services.training.conftest import D


def test_session_detail_and_editing_the_session(store, home, hire, train):
    a, b = hire("周凤琴"), hire("吴桂兰")
    sid = train(
        "消防安全培训",
        TrainingCategory.FIRE_FIRST_AID,
        D(2025, 5, 6),
        [a, Attendee(b.id, TrainingResult.PASSED, Decimal("2"))],
        hours="4",
    )
    detail = session_detail(store, sid)
    assert (detail.topic, detail.hours, detail.start_date) == (
        "消防安全培训",
        Decimal("4"),
        D(2025, 5, 6),
    )
    assert {(x.name, x.result, x.hours_credited) for x in detail.attendees} == {
        ("周凤琴", TrainingResult.PASSED, Decimal("4")),
        ("吴桂兰", TrainingResult.PASSED, Decimal("2")),
    }
    update_training_session(
        store,
        SETUP,
        sid,
        SessionData(
            "消防安全与疏散",
            TrainingCategory.FIRE_FIRST_AID,
            D(2025, 5, 6),
            D(2025, 5, 7),
            Decimal("6"),
            "王教官",
            "二楼会议室",
        ),
    )
    after = session_detail(store, sid)
    assert (after.topic, after.end_date, after.trainer, after.place) == (
        "消防安全与疏散",
        D(2025, 5, 7),
        "王教官",
        "二楼会议室",
    )
    # the default hours follow the session's; hours set by hand stay
    assert {x.name: x.hours_credited for x in after.attendees} == {
        "周凤琴": Decimal("6"),
        "吴桂兰": Decimal("2"),
    }
    assert after.data.hours == Decimal("6")
    with pytest.raises(ValidationError) as bad:
        update_training_session(
            store,
            SETUP,
            sid,
            SessionData(" ", TrainingCategory.ON_JOB, D(2025, 5, 6), D(2025, 5, 1), Decimal("900")),
        )
    assert bad.value.fields() == {"topic", "hours", "end_date"}


def test_add_attendees_all_or_nothing_with_each_refusal_named(
    store, home, hire, train, children_home
):
    a, b, c, gone = hire("周凤琴"), hire("吴桂兰"), hire("郑秀兰"), hire("李红")
    elsewhere = hire("钱芳", where=children_home)
    worker_left(store, SETUP, gone.id, D(2025, 4, 30))
    sid = train("在岗培训", TrainingCategory.ON_JOB, D(2025, 5, 6), [a], hours="3")
    with pytest.raises(ValidationError) as refused:
        add_attendees(
            store,
            SETUP,
            sid,
            [
                Attendee(b.id, TrainingResult.PASSED),
                Attendee(a.id, TrainingResult.PASSED),
                Attendee(gone.id, TrainingResult.PASSED),
                Attendee(elsewhere.id, TrainingResult.PASSED),
                Attendee(b.id, TrainingResult.FAILED),
            ],
        )
    message = str(refused.value)
    assert "周凤琴" in message and "已在本次培训" in message
    assert "李红" in message and "2025-04-30" in message and "离职" in message
    assert "钱芳" in message and "吴桂兰" in message
    assert len(refused.value.problems) == 4
    assert [x.name for x in session_detail(store, sid).attendees] == ["周凤琴"]  # nothing written

    ids = add_attendees(
        store,
        SETUP,
        sid,
        [Attendee(b.id, TrainingResult.PASSED), Attendee(c.id, TrainingResult.ABSENT)],
    )
    by_name = {x.name: x for x in session_detail(store, sid).attendees}
    assert {x.attendance_id for x in by_name.values()} >= set(ids)
    assert (by_name["吴桂兰"].hours_credited, by_name["郑秀兰"].hours_credited) == (
        Decimal("3"),
        Decimal("0"),
    )
    assert [(t.attendees, t.passed) for t in list_trainings(store, home.id)] == [(3, 2)]


def test_a_worker_who_left_after_a_past_session_can_still_be_added_to_it(store, hire, train):
    a, late = hire("周凤琴"), hire("李红")
    sid = train("在岗培训", TrainingCategory.ON_JOB, D(2025, 1, 6), [a])
    worker_left(store, SETUP, late.id, D(2025, 3, 1))
    add_attendees(store, SETUP, sid, [Attendee(late.id, TrainingResult.PASSED)])
    assert len(session_detail(store, sid).attendees) == 2


def test_attendance_corrected_and_removed(store, home, hire, train):
    a, b = hire("周凤琴"), hire("吴桂兰")
    sid = train("岗前培训", TrainingCategory.PRE_JOB, D(2025, 5, 6), [a, b], hours="8")
    att = {x.name: x.attendance_id for x in session_detail(store, sid).attendees}
    update_attendance(
        store, SETUP, att["吴桂兰"], result=TrainingResult.FAILED, hours_credited=Decimal("5.5")
    )
    with pytest.raises(ValidationError):
        update_attendance(
            store, SETUP, att["吴桂兰"], result=TrainingResult.FAILED, hours_credited=Decimal("-1")
        )
    remove_attendance(store, SETUP, att["周凤琴"])
    (left,) = session_detail(store, sid).attendees
    assert (left.name, left.result, left.hours_credited) == (
        "吴桂兰",
        TrainingResult.FAILED,
        Decimal("5.5"),
    )
    with store.read() as s:
        assert s.get(TrainingAttendance, att["周凤琴"]).deleted_at is not None
    assert [(t.attendees, t.passed) for t in list_trainings(store, home.id)] == [(1, 0)]


def test_an_issued_certificate_blocks_failing_or_removing_until_revoked(store, home, hire, train):
    a = hire("周凤琴")
    sid = train("岗前培训", TrainingCategory.PRE_JOB, D(2025, 5, 6), [a])
    (x,) = session_detail(store, sid).attendees
    with store.write(SETUP) as s:
        cert = TrainingCertificate(
            institution_id=home.id,
            attendance_id=x.attendance_id,
            worker_id=a.id,
            session_id=sid,
            serial="2025-0001",
            issued_on=D(2025, 5, 6),
            key_id="k1",
            payload="p",
        )
        s.add(cert)
    with pytest.raises(StateError, match="作废"):
        update_attendance(
            store, SETUP, x.attendance_id, result=TrainingResult.FAILED, hours_credited=Decimal("8")
        )
    with pytest.raises(StateError):
        remove_attendance(store, SETUP, x.attendance_id)
    # hours alone may still be corrected
    update_attendance(
        store, SETUP, x.attendance_id, result=TrainingResult.PASSED, hours_credited=Decimal("7")
    )
    with store.write(SETUP) as s:
        s.scalars(select(TrainingCertificate)).one().revoked_at = dt.datetime(2025, 6, 1)
    remove_attendance(store, SETUP, x.attendance_id)
    assert session_detail(store, sid).attendees == []


def test_read_only_users_cannot_edit_sessions(store, home, hire, train):
    a = hire("周凤琴")
    sid = train("岗前培训", TrainingCategory.PRE_JOB, D(2025, 5, 6), [a])
    viewer = Actor(a.id, home.id, READ_ONLY, "只读")
    with pytest.raises(PermissionDenied):
        add_attendees(store, viewer, sid, [Attendee(a.id, TrainingResult.PASSED)])


def test_an_absent_attendee_is_credited_no_hours_on_every_path(store, home, hire, train):
    """Found trying the app: changing a result to 缺席 afterwards kept the session's hours,
    and they counted in the hours per worker. Absent means no hours, however it is entered."""
    a, b, c = hire("周凤琴"), hire("吴桂兰"), hire("郑秀兰")
    sid = train("消防安全培训", TrainingCategory.FIRE_FIRST_AID, D(2025, 5, 6), [a, b], hours="3")
    att = {x.name: x.attendance_id for x in session_detail(store, sid).attendees}
    with pytest.raises(ValidationError) as refused:
        update_attendance(
            store, SETUP, att["吴桂兰"], result=TrainingResult.ABSENT, hours_credited=Decimal("3")
        )
    assert "缺席" in str(refused.value) and "学时" in str(refused.value)
    update_attendance(
        store, SETUP, att["吴桂兰"], result=TrainingResult.ABSENT, hours_credited=Decimal(0)
    )
    with pytest.raises(ValidationError):
        add_attendees(store, SETUP, sid, [Attendee(c.id, TrainingResult.ABSENT, Decimal("3"))])
    add_attendees(store, SETUP, sid, [Attendee(c.id, TrainingResult.ABSENT)])
    hours = {x.name: x.hours_credited for x in session_detail(store, sid).attendees}
    assert hours == {"周凤琴": Decimal(3), "吴桂兰": Decimal(0), "郑秀兰": Decimal(0)}
    with pytest.raises(ValidationError):
        train("急救", TrainingCategory.FIRE_FIRST_AID, D(2025, 6, 6),
              [Attendee(a.id, TrainingResult.ABSENT, Decimal("2"))], hours="2")  # fmt: skip
