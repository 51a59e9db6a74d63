"""A hazard's life: opened from a failed item, 开始整改, 提交复查 with photos, 打回, 复查通过,
延期, corrections, and when it is overdue."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import AttachmentKind, HazardLevel, HazardStatus
from mzdesk.services.attachments import read_file
from mzdesk.services.hazards import (
    HazardEdit,
    HazardFilter,
    NewHazard,
    Photo,
    edit_hazard,
    extend_deadline,
    hazard_detail,
    list_hazards,
    pass_recheck,
    register_hazard,
    return_hazard,
    set_deadline_days,
    start_rectification,
    submit_for_recheck,
)
from mzdesk.stats.today import today_figures
from mzdesk.store.models import AuditEntry, HazardEvent, Institution, OutboxEntry
from tests.helpers.actors import SETUP
from tests.services.hazards.conftest import FOUND, inspect_with_failures

D = dt.date
TODAY = D(2026, 6, 1)  # every step below is in the past


def png(colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def test_failed_items_open_hazards_pre_filled_with_the_default_deadline_per_level(
    store, home, inspected
):
    major, ordinary = (hazard_detail(store, h, today=FOUND) for h in inspected.hazards)
    assert major.hazard.level is HazardLevel.MAJOR
    assert major.hazard.deadline == FOUND + dt.timedelta(days=7)
    assert ordinary.hazard.level is HazardLevel.ORDINARY
    assert ordinary.hazard.deadline == FOUND + dt.timedelta(days=30)
    assert "三楼西侧" in major.hazard.description
    assert major.hazard.measure and major.hazard.measure.startswith("按要求整改至符合")
    assert major.hazard.status is HazardStatus.OPEN
    assert major.hazard.original_deadline == major.hazard.deadline
    (opened,) = major.events
    assert (opened.kind, opened.on, opened.by) == (HazardEventKind.OPENED, FOUND, "张三、李四")


def test_a_homes_own_deadlines_and_fire_safety_officer_are_used(store, home):
    set_deadline_days(store, SETUP, home.id, ordinary=20, major=3)
    with store.write(SETUP) as session:
        session.get(Institution, home.id).fire_safety_officer = "刘志强"
    major, ordinary = inspect_with_failures(store, home.id).hazards
    assert hazard_detail(store, major).hazard.deadline == FOUND + dt.timedelta(days=3)
    assert hazard_detail(store, ordinary).hazard.deadline == FOUND + dt.timedelta(days=20)
    assert hazard_detail(store, major).hazard.responsible_person == "刘志强"
    with pytest.raises(ValidationError, match="1 到 365"):
        set_deadline_days(store, SETUP, home.id, ordinary=0, major=3)


def test_a_long_list_of_inspectors_is_kept_as_who_found_it(store, home):
    inspectors = "、".join(f"区民政局检查员{i:02d}" for i in range(18))  # 197 characters
    (first, _) = inspect_with_failures(store, home.id, inspectors=inspectors).hazards
    assert hazard_detail(store, first).events[0].by == inspectors


def test_a_note_as_long_as_a_note_may_be_still_opens_its_hazard(store, home):
    # seen: finishing failed with 描述：不能超过2000个字符 — the description is the item's
    # text and the note, and the note alone may be 2,000 characters
    note = "灭火器压力不足，" * 250  # 2,000 characters
    (first, _) = inspect_with_failures(store, home.id, note=note).hazards
    description = hazard_detail(store, first).hazard.description
    assert len(description) <= 2_000
    assert description.startswith("不符合：") and description.endswith("…）")
    assert note[:1_000] in description


def test_without_a_home_setting_the_checklists_days_set_an_ordinary_deadline(store):
    from mzdesk.core.vocab import InstitutionKind
    from mzdesk.services.institutions import InstitutionData, create_institution
    from tests.services.hazards.conftest import home_version

    other = create_institution(
        store, SETUP, InstitutionData(name="康乐养老院", kind=InstitutionKind.NURSING_HOME)
    )
    home_version(store, other.id, rectify_days=14)  # the home's version says 14 days
    major, ordinary = inspect_with_failures(store, other.id).hazards
    assert hazard_detail(store, ordinary).hazard.deadline == FOUND + dt.timedelta(days=14)
    assert hazard_detail(store, major).hazard.deadline == FOUND + dt.timedelta(days=7)


def test_opening_twice_opens_nothing_more(store, home, inspected):
    from mzdesk.services.hazards import open_hazards_for_failures
    from mzdesk.store.models import Inspection

    with store.write(SETUP) as session:
        inspection = session.get(Inspection, inspected.inspection_id)
        assert open_hazards_for_failures(session, inspection) == []
    assert len(list_hazards(store, home.id)) == 2


def test_life_cycle_with_a_failed_recheck_sent_back(store, home, inspected):
    hazard = inspected.hazards[0]
    with pytest.raises(StateError, match="不能复查通过"):
        pass_recheck(store, SETUP, hazard, on=D(2026, 3, 2), by="王", today=TODAY)
    start_rectification(
        store, SETUP, hazard, on=D(2026, 3, 2), by="刘志强", measure="更换灭火器", today=TODAY
    )
    submit_for_recheck(
        store, SETUP, hazard, on=D(2026, 3, 5), by="刘志强", photos=[Photo(png())], today=TODAY
    )
    with pytest.raises(ValidationError, match="原因"):
        return_hazard(store, SETUP, hazard, on=D(2026, 3, 6), by="王建国", reason=" ", today=TODAY)
    return_hazard(
        store, SETUP, hazard, on=D(2026, 3, 6), by="王建国", reason="压力表仍指红区", today=TODAY
    )
    assert hazard_detail(store, hazard).hazard.status is HazardStatus.IN_PROGRESS
    assert hazard_detail(store, hazard).hazard.rechecked_on is None  # only the passing re-check
    long_name = "整改后" * 100 + ".png"  # a file name longer than a caption may be
    submit_for_recheck(
        store, SETUP, hazard, on=D(2026, 3, 7), by="刘志强",
        photos=[Photo(png("green"), caption=long_name)], today=TODAY,
    )  # fmt: skip
    assert (
        pass_recheck(store, SETUP, hazard, on=D(2026, 3, 8), by="王建国", today=TODAY)
        is HazardStatus.CLOSED
    )
    detail = hazard_detail(store, hazard, today=TODAY)
    h = detail.hazard
    assert (h.rectified_on, h.rechecked_by, h.rechecked_on, h.closed_on) == (
        D(2026, 3, 7), "王建国", D(2026, 3, 8), D(2026, 3, 8),
    )  # fmt: skip
    assert h.measure == "更换灭火器"
    assert [e.kind for e in detail.events] == [
        HazardEventKind.OPENED,
        HazardEventKind.STARTED,
        HazardEventKind.SUBMITTED,
        HazardEventKind.RETURNED,
        HazardEventKind.SUBMITTED,
        HazardEventKind.PASSED,
    ]
    returned = detail.events[3]
    assert (returned.by, returned.reason, returned.status) == (
        "王建国", "压力表仍指红区", HazardStatus.IN_PROGRESS,
    )  # fmt: skip
    assert [a.kind for a in detail.evidence] == [AttachmentKind.EVIDENCE] * 2
    assert read_file(store, detail.evidence[1].sha256) == png("green")
    assert detail.evidence[1].caption == long_name[:200]
    # every step is synced and audited
    with store.read() as session:
        events = session.scalars(select(HazardEvent.id)).all()
        queued = set(session.scalars(select(OutboxEntry.row_id)))
        audited = set(session.scalars(select(AuditEntry.row_id)))
    assert set(events) <= queued and set(events) <= audited
    with pytest.raises(StateError, match="已销号"):
        edit_hazard(store, SETUP, hazard, HazardEdit(measure="别的"))


def test_a_step_cannot_be_dated_before_the_last_one_nor_in_the_future(store, inspected):
    hazard = inspected.hazards[1]
    with pytest.raises(ValidationError, match="早于发现日期"):
        start_rectification(store, SETUP, hazard, on=D(2026, 2, 28), by="刘", today=TODAY)
    start_rectification(store, SETUP, hazard, on=D(2026, 3, 10), by="刘", today=TODAY)
    with pytest.raises(ValidationError, match="早于上一步「开始整改」"):
        submit_for_recheck(store, SETUP, hazard, on=D(2026, 3, 9), by="刘", today=TODAY)
    with pytest.raises(ValidationError):
        submit_for_recheck(store, SETUP, hazard, on=D(2026, 6, 2), by="刘", today=TODAY)


def test_an_extension_needs_a_reason_and_an_approver_and_keeps_the_original(store, inspected):
    hazard = inspected.hazards[0]  # deadline 2026-03-08
    with pytest.raises(ValidationError) as refused:
        extend_deadline(
            store, SETUP, hazard, on=D(2026, 3, 5), new_deadline=D(2026, 3, 20), reason="",
            approved_by="", today=TODAY,
        )  # fmt: skip
    assert {p.field for p in refused.value.problems} == {"reason", "approved_by"}
    with pytest.raises(ValidationError, match="须晚于当前整改期限 2026-03-08"):
        extend_deadline(
            store, SETUP, hazard, on=D(2026, 3, 5), new_deadline=D(2026, 3, 8),
            reason="等配件", approved_by="院长 陈", today=TODAY,
        )  # fmt: skip
    extend_deadline(
        store, SETUP, hazard, on=D(2026, 3, 5), new_deadline=D(2026, 3, 20),
        reason="等消防配件到货", approved_by="院长 陈", by="刘志强", today=TODAY,
    )  # fmt: skip
    detail = hazard_detail(store, hazard, today=D(2026, 3, 15))
    assert detail.hazard.deadline == D(2026, 3, 20)
    assert detail.hazard.original_deadline == D(2026, 3, 8)
    assert detail.hazard.extended and not detail.hazard.overdue
    extended = detail.events[-1]
    assert extended.kind is HazardEventKind.EXTENDED
    assert (extended.old_deadline, extended.new_deadline) == (D(2026, 3, 8), D(2026, 3, 20))
    assert (extended.reason, extended.approved_by, extended.by) == (
        "等消防配件到货",
        "院长 陈",
        "刘志强",
    )


def test_overdue_is_the_day_after_the_deadline_until_closed(store, home, inspected):
    major = inspected.hazards[0]  # deadline 2026-03-08
    on_deadline = list_hazards(store, home.id, today=D(2026, 3, 8))
    assert not any(r.overdue for r in on_deadline)
    late = list_hazards(store, home.id, today=D(2026, 3, 10))
    assert [(r.id, r.overdue_days) for r in late if r.overdue] == [(major, 2)]
    assert late[0].id == major  # overdue first
    overdue_only = list_hazards(
        store, home.id, HazardFilter(overdue_only=True), today=D(2026, 3, 10)
    )
    assert [r.id for r in overdue_only] == [major]
    figures = today_figures(store, home.id, D(2026, 3, 10))
    assert (figures.open_hazards, figures.overdue_hazards) == (2, 1)
    (named,) = figures.most_overdue  # 首页 names it
    assert named.days == 2 and named.description.startswith("不符合：")
    submit_for_recheck(store, SETUP, major, on=D(2026, 3, 9), by="刘", today=TODAY)
    pass_recheck(store, SETUP, major, on=D(2026, 3, 10), by="王", today=TODAY)
    assert not list_hazards(store, home.id, HazardFilter(overdue_only=True), today=D(2026, 3, 10))
    closed = list_hazards(store, home.id, HazardFilter(status=HazardStatus.CLOSED), today=TODAY)
    assert [r.id for r in closed] == [major] and closed[0].overdue_days == 0
    assert today_figures(store, home.id, D(2026, 3, 10)).overdue_hazards == 0


def test_corrections_before_closing_are_kept_in_the_history(store, inspected):
    hazard = inspected.hazards[1]
    edit_hazard(
        store, SETUP, hazard,
        HazardEdit(responsible_person="后勤 赵", deadline=D(2026, 4, 15), measure="重新布线"),
        on=D(2026, 3, 2), by="管理员",
    )  # fmt: skip
    detail = hazard_detail(store, hazard)
    assert (detail.hazard.responsible_person, detail.hazard.deadline) == ("后勤 赵", D(2026, 4, 15))
    edited = detail.events[-1]
    assert edited.kind is HazardEventKind.EDITED
    assert edited.text == "整改措施、整改责任人、整改期限"
    assert (edited.old_deadline, edited.new_deadline) == (D(2026, 3, 31), D(2026, 4, 15))
    with pytest.raises(ValidationError, match="没有修改"):
        edit_hazard(store, SETUP, hazard, HazardEdit(responsible_person="后勤 赵"))
    with pytest.raises(ValidationError, match="早于发现日期"):
        edit_hazard(store, SETUP, hazard, HazardEdit(deadline=D(2026, 2, 1)))


def test_a_hazard_found_otherwise_is_registered_with_the_default_deadline(store, home):
    hazard = register_hazard(
        store, SETUP,
        NewHazard(home.id, "二楼走廊堆放杂物", HazardLevel.ORDINARY, D(2026, 5, 1), "巡查 周"),
        today=TODAY,
    )  # fmt: skip
    detail = hazard_detail(store, hazard)
    assert detail.hazard.deadline == D(2026, 5, 31) and detail.hazard.inspection_id is None
    assert detail.events[0].by == "巡查 周"
    with pytest.raises(ValidationError):
        register_hazard(
            store, SETUP, NewHazard(home.id, " ", HazardLevel.MAJOR, D(2026, 7, 1)), today=TODAY
        )


def test_a_step_dated_in_the_future_names_its_date_once(store, inspected):
    with pytest.raises(ValidationError) as refused:
        start_rectification(
            store, SETUP, inspected.hazards[1], on=D(2026, 6, 2), by="刘", today=TODAY
        )
    assert str(refused.value) == "日期：2026-06-02晚于今天"


def test_an_extension_cannot_set_a_deadline_already_past_on_its_day(store, inspected):
    hazard = inspected.hazards[0]  # deadline 2026-03-08
    with pytest.raises(ValidationError) as refused:
        extend_deadline(
            store, SETUP, hazard, on=D(2026, 5, 2), new_deadline=D(2026, 4, 1),
            reason="等待采购", approved_by="王院长", today=TODAY,
        )  # fmt: skip
    assert refused.value.fields() == {"new_deadline"}
    assert "2026-04-01" in str(refused.value) and "2026-05-02" in str(refused.value)
    assert hazard_detail(store, hazard, today=TODAY).hazard.deadline == D(2026, 3, 8)
    extend_deadline(
        store, SETUP, hazard, on=D(2026, 5, 2), new_deadline=D(2026, 5, 2),
        reason="等待采购", approved_by="王院长", today=TODAY,
    )  # fmt: skip  # due the day it is granted: allowed
