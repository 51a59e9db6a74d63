"""The children's home demo has every case of a child's path the figures, the 首页 and the
children's record are there to show, written through the use cases, and a seed always gives
the same home."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from mzdesk.core.children import IntakeWay, NoticeStatus, PlacementKind
from mzdesk.core.identifiers import parse_id_number
from mzdesk.core.vocab import (
    ChildCategory,
    ChildStage,
    DischargeReason,
    InstitutionKind,
    Occupation,
    ResidentKind,
    ResidentStatus,
)
from mzdesk.services.children import child_path
from mzdesk.services.demo.child_stories import _STORY, STORIES
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.services.institutions import list_institutions
from mzdesk.services.workers import list_trainings, list_workers
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import children_statistics
from mzdesk.store.engine import open_store
from mzdesk.store.models import (
    Attachment,
    AuditEntry,
    ChildIntake,
    ChildPlacement,
    FamilyNotice,
    PlacementVisit,
    Resident,
    Upbringing,
)
from tests.helpers.actors import SETUP

TODAY = dt.date(2026, 6, 15)
THREE_YEARS = (TODAY - dt.timedelta(days=3 * 365), TODAY)


def _make(path):
    store = open_store(path)
    summary = generate(
        store, SETUP, Scale.SITE, seed=7, today=TODAY, kind=InstitutionKind.CHILDREN_HOME
    )
    return store, summary


def test_a_city_childrens_home_is_big_enough_for_every_story():
    """The city demo gives each children's home 20–25 children through the same code: the
    stories are dealt in a cycle, so 20 children already follow every one."""
    assert set(STORIES) == set(_STORY) and len(STORIES) <= 20


def test_the_childrens_demo_has_every_case_and_is_deterministic(tmp_path):
    store, summary = _make(tmp_path / "a.db")
    try:
        (home,) = list_institutions(store)
        assert home.kind is InstitutionKind.CHILDREN_HOME and "儿童福利院" in home.name
        assert 60 <= summary.residents <= 90
        figures = children_statistics(store, Scope(home.id, as_of=TODAY), THREE_YEARS)
        with store.read() as session:
            ways = set(session.scalars(select(ChildIntake.way)))
            documented = session.scalar(
                select(func.count()).where(
                    Attachment.owner_table == "child_intakes", Attachment.deleted_at.is_(None)
                )
            )
            other_way = session.scalar(
                select(func.count()).where(ChildIntake.way == IntakeWay.OTHER)
            )
            notices = list(session.scalars(select(FamilyNotice)))
            kinds = Counter(session.scalars(select(ChildPlacement.kind)))
            ended_foster = session.scalar(
                select(func.count()).where(
                    ChildPlacement.kind == PlacementKind.FOSTER,
                    ChildPlacement.end_date.is_not(None),
                )
            )
            visits = session.scalar(select(func.count()).select_from(PlacementVisit))
            upbringing = Counter(session.scalars(select(Upbringing.resident_id)))
            children = list(
                session.scalars(select(Resident).where(Resident.kind == ResidentKind.CHILD))
            )
            intakes_audited = session.scalar(
                select(func.count()).where(
                    AuditEntry.table_name == "child_intakes", AuditEntry.action == "create"
                )
            )
        # 接收 by each way, every child through receive_child (its intake row, audited)
        assert ways == set(IntakeWay)
        assert intakes_audited == len(children) == summary.residents
        # the intake's document kept as an attachment (each way but 其他)
        assert documented == len(children) - other_way
        foundlings = [c for c in children if c.id_number is None]
        assert foundlings and all(c.intake_documents == ["捡拾报案证明"] for c in foundlings)
        # 寻亲公告: running within its period, running past it, claimed, lapsed, withdrawn
        statuses = Counter(n.status for n in notices)
        assert all(statuses[s] for s in NoticeStatus), statuses
        assert 0 < figures.notices_past_deadline < figures.notices_running
        # 安置: each kind, foster care in force with a visit due, a foster care that ended
        assert set(kinds) == set(PlacementKind)
        assert set(figures.placements) == {k.zh for k in PlacementKind}
        assert all(figures.placements.values())
        assert figures.in_foster_care >= 3 and figures.visits_due >= 1 and visits
        assert ended_foster
        # 离院 through placements and on their own (transfer, other)
        reasons = {c.discharge_reason for c in children if c.status is ResidentStatus.DISCHARGED}
        assert reasons >= {
            DischargeReason.ADOPTION,
            DischargeReason.FAMILY_RETURN,
            DischargeReason.ADULTHOOD,
            DischargeReason.TRANSFER,
            DischargeReason.OTHER,
        }
        assert all(c.child_stage is ChildStage.LEFT for c in children if c.discharge_date)
        # 入院评估 with disabilities of several kinds; 养育 with a history of changes
        assert len([k for k, n in figures.by_disability.items() if n]) >= 4
        assert max(upbringing.values()) >= 2
        assert figures.at_school and figures.in_house > figures.in_foster_care
        assert sum(1 for n in figures.by_category.values() if n) == len(ChildCategory)
        # fictional ID numbers valid by checksum; foundlings have none yet
        numbers = [c.id_number for c in children if c.id_number]
        assert numbers and all(parse_id_number(n) for n in numbers)
        assert any(c.id_number is None for c in children)
        # the record of a child shows its whole path
        adopted = next(c for c in children if c.discharge_reason is DischargeReason.ADOPTION)
        assert len(child_path(store, adopted.id).steps) >= 5
        # child-care workers with their training
        workers = list_workers(store, home.id)
        assert sum(w.occupation is Occupation.CHILDCARE_WORKER for w in workers) >= 10
        assert len(list_trainings(store, home.id)) >= 5
    finally:
        store.close()
    again, _ = _make(tmp_path / "b.db")
    try:
        (home_b,) = list_institutions(again)
        figures_b = children_statistics(again, Scope(home_b.id, as_of=TODAY), THREE_YEARS)
        assert figures_b.as_json() == figures.as_json()
    finally:
        again.close()
