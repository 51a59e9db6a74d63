"""A child's path through the services: 接收 → 寻亲公告 → 入院评估 → 养育 → 安置 → 离院."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import (
    CareArrangement,
    IntakeWay,
    NoticeStatus,
    PlacementKind,
    SchoolStage,
)
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    ChildCategory,
    ChildStage,
    DischargeReason,
    Gender,
    ResidentStatus,
)
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.children import (
    Arrangement,
    Intake,
    Placement,
    child_leaves,
    child_path,
    close_notice,
    end_foster_care,
    place_child,
    publish_notice,
    receive_child,
    record_child_assessment,
    record_visit,
    reveal_child_path,
    running_notices,
    set_upbringing,
)
from mzdesk.services.residents import ResidentData, get_resident
from mzdesk.store.models import AuditEntry, Bed, ChildPlacement, FamilyNotice, OutboxEntry
from tests.helpers.actors import SETUP

DAY = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 11, 30)


def _answers(**overrides: str) -> dict[str, str]:
    answers = {item.id: item.options[0].code for item in child_scheme().items}
    answers.update(overrides)
    return answers


@pytest.fixture
def beds(store, children_home):
    return add_beds(
        store,
        SETUP,
        NewBeds(
            children_home.id, "1号楼", "1层", ["101"], 2, BedType.SELF_CARE, dt.date(2026, 1, 1)
        ),
    )


def _foundling(store, children_home, bed_id=None):
    return receive_child(
        store,
        SETUP,
        children_home.id,
        ResidentData(
            name="党小春",
            gender=Gender.FEMALE,
            birth_date=dt.date(2026, 2, 20),
            child_category=ChildCategory.ABANDONED_INFANT,
        ),
        Intake(
            IntakeWay.POLICE,
            DAY,
            found_on=dt.date(2026, 3, 1),
            found_place="市妇幼保健院门口",
            brought_by="城关派出所",
            police_report_number="JB2026-0301",
            birth_family="不详",
        ),
        bed_id=bed_id,
        today=TODAY,
    )


def test_the_whole_path_with_audit_and_outbox(store, children_home, beds):
    child = _foundling(store, children_home, beds[0].id)
    assert child.status is ResidentStatus.IN_HOUSE
    notice = publish_notice(
        store, SETUP, child.id, dt.date(2026, 3, 5), publication="市日报", today=TODAY
    )
    findings = record_child_assessment(
        store,
        SETUP,
        child.id,
        dt.date(2026, 3, 10),
        "王医生",
        _answers(D1="hearing", D2="2", V3="mild"),
        today=TODAY,
    )
    assert (findings.disability_type, findings.disability_level) == ("听力残疾", "二级")
    assert findings.delayed_development
    set_upbringing(
        store,
        SETUP,
        child.id,
        Arrangement(
            dt.date(2026, 3, 15),
            CareArrangement.FAMILY_GROUP,
            SchoolStage.NOT_YET,
            group_name="向日葵家庭",
        ),
        today=TODAY,
    )
    placement = place_child(
        store,
        SETUP,
        child.id,
        Placement(
            PlacementKind.FOSTER,
            dt.date(2026, 6, 1),
            family_name="李建国家庭",
            family_address="城关镇幸福路8号",
            family_phone="13800000000",
            next_visit_due=dt.date(2026, 7, 1),
        ),
        today=TODAY,
    )
    with store.read() as session:
        assert session.get(Bed, beds[0].id).status is BedStatus.FREE  # the bed goes back
    record = get_resident(store, child.id)
    assert record.status is ResidentStatus.FOSTERED
    record_visit(
        store,
        SETUP,
        placement,
        dt.date(2026, 7, 1),
        "社工张敏",
        "适应良好",
        next_visit_due=dt.date(2026, 8, 1),
        today=TODAY,
    )
    close_notice(
        store,
        SETUP,
        notice,
        NoticeStatus.WITHDRAWN,
        dt.date(2026, 6, 1),
        note="已进入寄养",
        today=TODAY,
    )
    place_child(
        store,
        SETUP,
        child.id,
        Placement(
            PlacementKind.ADOPTION,
            dt.date(2026, 10, 8),
            family_name="赵女士",
            agreement_number="收登字2026-88",
        ),
        today=TODAY,
    )
    record = get_resident(store, child.id)
    assert record.status is ResidentStatus.DISCHARGED
    with store.read() as session:
        placements = session.scalars(
            select(ChildPlacement).where(ChildPlacement.resident_id == child.id)
        ).all()
        foster = next(p for p in placements if p.kind is PlacementKind.FOSTER)
        assert foster.end_date == dt.date(2026, 10, 8)  # the adoption ended the foster care
        tables = {e.table_name for e in session.scalars(select(OutboxEntry))}
        audited = {e.table_name for e in session.scalars(select(AuditEntry))}
    path_tables = {
        "child_intakes",
        "family_notices",
        "child_assessments",
        "child_upbringing",
        "child_placements",
        "placement_visits",
    }
    assert path_tables <= tables  # every step syncs
    assert path_tables <= audited  # and is audited
    path = child_path(store, child.id)
    assert [s.table for s in path.steps][:2] == ["child_intakes", "family_notices"]
    with pytest.raises(StateError):  # left: read-only
        set_upbringing(
            store,
            SETUP,
            child.id,
            Arrangement(dt.date(2026, 11, 1), CareArrangement.UNIT, SchoolStage.PRIMARY),
            today=TODAY,
        )


def test_private_details_are_hidden_and_each_look_is_audited(store, children_home):
    child = _foundling(store, children_home)
    hidden = child_path(store, child.id)
    intake = hidden.steps[0]
    values = {f.key: f.value for f in intake.fields}
    assert values["way"] == "公安机关送交"
    assert "城关派出所" not in values.values()
    assert values["found_place"] == "（需授权查看）"
    readonly = Actor(uuid.uuid4(), children_home.id, "readonly", "只读用户")
    inspector = Actor(uuid.uuid4(), children_home.id, "inspector", "检查员")
    bureau = Actor(uuid.uuid4(), children_home.id, "bureau", "民政局")
    for who in (readonly, inspector, bureau):
        with pytest.raises(PermissionDenied):
            reveal_child_path(store, who, child.id)
    staff = Actor(uuid.uuid4(), children_home.id, "staff", "社工李")
    shown = reveal_child_path(store, staff, child.id)
    values = {f.key: f.value for f in shown.steps[0].fields}
    assert values["brought_by"] == "城关派出所"
    assert values["police_report_number"] == "JB2026-0301"
    with store.read() as session:
        looks = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(e.table_name, e.user_name) for e in looks] == [("child_intakes", "社工李")]


def test_intake_rules_name_the_field(store, children_home, home):
    with pytest.raises(ValidationError) as caught:
        receive_child(
            store,
            SETUP,
            children_home.id,
            ResidentData(
                name="某某",
                birth_date=dt.date(2026, 2, 1),
                child_category=ChildCategory.ABANDONED_INFANT,
            ),
            Intake(IntakeWay.POLICE, DAY, found_on=dt.date(2026, 3, 9)),
            today=TODAY,
        )
    text = str(caught.value)
    assert "送交单位" in text  # police intake needs who brought the child
    assert "接收日期" in text and "捡拾日期" in text  # received before found
    with pytest.raises(StateError):  # a nursing home does not receive children
        receive_child(
            store,
            SETUP,
            home.id,
            ResidentData(
                name="某某", birth_date=dt.date(2026, 2, 1), child_category=ChildCategory.ORPHAN
            ),
            Intake(IntakeWay.TRANSFER, DAY, transferred_from="省儿童福利院"),
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("on", "expired", "days_left"),
    [
        (dt.date(2026, 3, 4), None, None),  # not yet published
        (dt.date(2026, 3, 5), False, 60),
        (dt.date(2026, 5, 3), False, 1),
        (dt.date(2026, 5, 4), False, 0),  # the last day of the period (publication day not counted)
        (dt.date(2026, 5, 5), True, -1),  # the day after: parents cannot be found
    ],
)
def test_notice_deadline_around_the_date(store, children_home, on, expired, days_left):
    child = _foundling(store, children_home)
    publish_notice(store, SETUP, child.id, dt.date(2026, 3, 5), today=TODAY)
    with store.read() as session:
        notices = running_notices(session, [children_home.id], on)
    if expired is None:
        assert notices == []
        return
    [notice] = notices
    assert notice.period_end == dt.date(2026, 5, 4)
    assert (notice.expired, notice.days_left) == (expired, days_left)


def test_a_claimed_notice_stops_running_and_a_second_one_waits(store, children_home):
    child = _foundling(store, children_home)
    notice = publish_notice(store, SETUP, child.id, dt.date(2026, 3, 5), today=TODAY)
    with pytest.raises(StateError):
        publish_notice(store, SETUP, child.id, dt.date(2026, 3, 6), today=TODAY)
    with pytest.raises(ValidationError, match="认领人"):
        close_notice(store, SETUP, notice, NoticeStatus.CLAIMED, dt.date(2026, 3, 20), today=TODAY)
    close_notice(
        store,
        SETUP,
        notice,
        NoticeStatus.CLAIMED,
        dt.date(2026, 3, 20),
        claimed_by="生母",
        today=TODAY,
    )
    with store.read() as session:
        assert running_notices(session, [children_home.id], dt.date(2026, 3, 19)) != []
        assert running_notices(session, [children_home.id], dt.date(2026, 3, 20)) == []


def test_a_notice_ends_unclaimed_only_after_its_last_day(store, children_home):
    """期满无人认领: published 03-05 for 60 days, the period's last day is 05-04 (the day of
    publication not counted); ending it unclaimed on that day is refused, the next day not."""
    child = _foundling(store, children_home)
    notice = publish_notice(store, SETUP, child.id, dt.date(2026, 3, 5), today=TODAY)
    with pytest.raises(ValidationError, match="2026-05-04"):
        close_notice(store, SETUP, notice, NoticeStatus.LAPSED, dt.date(2026, 5, 4), today=TODAY)
    with store.read() as session:
        assert running_notices(session, [children_home.id], dt.date(2026, 5, 4)) != []
    close_notice(store, SETUP, notice, NoticeStatus.LAPSED, dt.date(2026, 5, 5), today=TODAY)
    with store.read() as session:
        assert running_notices(session, [children_home.id], dt.date(2026, 5, 5)) == []
        assert session.get(FamilyNotice, notice).status is NoticeStatus.LAPSED


def test_assessment_items_are_the_childrens_and_must_agree(store, children_home):
    child = _foundling(store, children_home)
    with pytest.raises(ValidationError, match="残疾类别与残疾等级不一致"):
        record_child_assessment(
            store,
            SETUP,
            child.id,
            dt.date(2026, 3, 10),
            "王医生",
            _answers(D1="hearing"),
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="未评分"):
        answers = _answers()
        del answers["V1"]
        record_child_assessment(
            store, SETUP, child.id, dt.date(2026, 3, 10), "王医生", answers, today=TODAY
        )
    with pytest.raises(ValidationError, match="评估日期"):  # before the intake
        record_child_assessment(
            store, SETUP, child.id, dt.date(2026, 2, 28), "王医生", _answers(), today=TODAY
        )


def test_foster_care_ends_back_into_a_bed(store, children_home, beds):
    child = _foundling(store, children_home, beds[0].id)
    place_child(
        store,
        SETUP,
        child.id,
        Placement(
            PlacementKind.FOSTER,
            dt.date(2026, 6, 1),
            family_name="李家",
            family_address="幸福路8号",
        ),
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="结束原因"):
        end_foster_care(store, SETUP, child.id, dt.date(2026, 9, 1), "", today=TODAY)
    end_foster_care(
        store, SETUP, child.id, dt.date(2026, 9, 1), "寄养家庭搬迁", bed_id=beds[1].id, today=TODAY
    )
    record = get_resident(store, child.id)
    assert (record.status, record.bed_id) == (ResidentStatus.IN_HOUSE, beds[1].id)
    with pytest.raises(ValidationError, match="安置"):  # adoption is a placement
        child_leaves(
            store, SETUP, child.id, dt.date(2026, 10, 1), DischargeReason.ADOPTION, today=TODAY
        )
    with pytest.raises(ValidationError):  # 回家 is the elderly's reason
        child_leaves(
            store, SETUP, child.id, dt.date(2026, 10, 1), DischargeReason.HOME, today=TODAY
        )
    child_leaves(
        store,
        SETUP,
        child.id,
        dt.date(2026, 10, 1),
        DischargeReason.TRANSFER,
        note="转省院",
        today=TODAY,
    )
    record = get_resident(store, child.id)
    assert (record.status, record.bed_id) == (ResidentStatus.DISCHARGED, None)
    with store.read() as session:
        assert session.get(Bed, beds[1].id).status is BedStatus.FREE
    assert ChildStage.LEFT  # the record is kept: it can still be read
    assert child_path(store, child.id).steps


def test_a_fostered_child_stays_on_the_default_roster(store, children_home):
    from mzdesk.services.resident_list import ResidentFilter, search_residents

    child = _foundling(store, children_home)
    place_child(
        store,
        SETUP,
        child.id,
        Placement(
            PlacementKind.FOSTER,
            dt.date(2026, 6, 1),
            family_name="李家",
            family_address="幸福路8号",
        ),
        today=TODAY,
    )
    found = search_residents(store, ResidentFilter(children_home.id))
    assert [(r.name, r.status) for r in found.rows] == [("党小春", ResidentStatus.FOSTERED)]
