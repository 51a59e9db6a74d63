"""``site``: one nursing home of about 150 beds with residents, contacts, assessments, care
workers, training sessions and inspections (some hazards still open, one overdue)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from mzdesk.core.identifiers import make_uscc
from mzdesk.core.permissions import ADMIN, Actor
from mzdesk.core.vocab import (
    AssessmentReason,
    DischargeReason,
    Gender,
    Grade,
    InspectionType,
    InstitutionKind,
    Occupation,
    Operation,
    Positioning,
    RiskEvent,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
)
from mzdesk.services.assessments import AssessmentData, record_assessment
from mzdesk.services.demo.accounts import DEMO_PASSWORD, remember_demo_account
from mzdesk.services.demo.inspecting import (
    INSPECTORS,
    MONTHLY,
    PATROL,
    _add_demo_inspecting,
    _inspect,
)
from mzdesk.services.demo.maker import DISTRICTS, DemoSummary, Maker, Progress, _populate, answers
from mzdesk.services.demo.training import _add_training_cases
from mzdesk.services.hazards import pass_recheck, start_rectification, submit_for_recheck
from mzdesk.services.inspecting.flow import NewInspection
from mzdesk.services.inspecting.templates import available_checklists
from mzdesk.services.institutions import InstitutionData, add_institution
from mzdesk.services.residents import get_resident
from mzdesk.services.stays import discharge_resident, start_leave
from mzdesk.services.users import NewUser, add_user_row
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    add_worker,
    record_training_session,
)
from mzdesk.store.engine import Store


def _make_site(store: Store, actor: Actor, maker: Maker, progress: Progress | None) -> DemoSummary:
    rng = maker.rng
    region = "370212"
    with store.write(actor) as session:
        institution = add_institution(
            session,
            InstitutionData(
                name="青岛市崂山区福寿康养老院",
                kind=InstitutionKind.NURSING_HOME,
                positioning=Positioning.AFFORDABLE,
                operation=Operation.PUBLIC_PRIVATE,
                grade=Grade.THREE,
                uscc=make_uscc("52370212MJ0000001"),
                region_code=region,
                address="山东省青岛市崂山区松岭路88号",
                phone="0532-88886666",
                legal_representative="王建国",
                fire_safety_officer="刘志强",
            ),
        )
        institution.care_levels = {
            "0": "自理",
            "1": "介助一级",
            "2": "介助二级",
            "3": "介护一级",
            "4": "介护二级",
        }
        institution_id = institution.id
    password = DEMO_PASSWORD
    with store.write(actor) as session:
        add_user_row(session, institution_id, NewUser("admin", "王院长", password, ADMIN))
        add_user_row(session, institution_id, NewUser("nurse", "李护士长", password, "staff"))
        # the district bureau's inspector: reads the figures, inspects, admits no one
        add_user_row(
            session, institution_id, NewUser("bureau", "民政局 赵科长", password, "bureau")
        )
        remember_demo_account(session)
    if progress:
        progress("床位与住户", 0, 4)
    beds, residents = _populate(
        store, actor, maker, institution_id, region, InstitutionKind.NURSING_HOME, 152, 0.82, 0.65
    )
    if progress:
        progress("能力评估", 1, 4)
    # the dates of a stay follow its admission (the services refuse anything else)
    admitted = {r: get_resident(store, r).admission_date for r in residents}
    for resident_id in residents:
        frailty = rng.random()
        first = max(admitted[resident_id], maker.today - dt.timedelta(days=rng.randrange(60, 400)))
        record_assessment(
            store,
            actor,
            AssessmentData(
                resident_id, first, AssessmentReason.FIRST, "张评估员", answers(maker, frailty)
            ),
        )
        if rng.random() < 0.4:
            record_assessment(
                store,
                actor,
                AssessmentData(
                    resident_id,
                    max(first, maker.today - dt.timedelta(days=rng.randrange(1, 50))),
                    AssessmentReason.ROUTINE,
                    "张评估员",
                    answers(maker, min(1.0, frailty + 0.15)),
                    cognitive_disorder=frailty > 0.8,
                    risk_events=(RiskEvent.FALL, RiskEvent.FALL) if rng.random() < 0.1 else (),
                ),
            )
    for resident_id in residents[:4]:
        start_leave(
            store,
            actor,
            resident_id,
            max(admitted[resident_id], maker.today - dt.timedelta(days=rng.randrange(1, 5))),
            reason="回家探亲",
            destination="子女家",
            expected_return=maker.today + dt.timedelta(days=3),
        )
    for resident_id, reason in zip(
        residents[-3:],
        (DischargeReason.HOME, DischargeReason.DEATH, DischargeReason.TRANSFER),
        strict=True,
    ):
        left = maker.today - dt.timedelta(days=rng.randrange(1, 20))
        discharge_resident(store, actor, resident_id, max(admitted[resident_id], left), reason)
    if progress:
        progress("护理员与培训", 2, 4)
    workers = _workers(store, actor, maker, institution_id, 22)
    _trainings(store, actor, maker, institution_id, workers)
    if progress:
        progress("安全检查", 3, 4)
    _inspections(store, actor, maker, institution_id, InstitutionKind.NURSING_HOME)
    _add_demo_inspecting(store, actor, maker, institution_id)
    joined = _add_training_cases(store, actor, maker, institution_id, workers)
    if progress:
        progress("完成", 4, 4)
    return DemoSummary(1, beds, len(residents), len(workers) + joined, "admin", password)


def _workers(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, count: int
) -> list[uuid.UUID]:
    rng = maker.rng
    ids = []
    with store.write(actor) as session:
        for i in range(count):
            gender = Gender.FEMALE if rng.random() < 0.85 else Gender.MALE
            birth = maker.date_between(dt.date(1966, 1, 1), dt.date(2001, 12, 31))
            occupation = (
                Occupation.CARE_WORKER
                if i >= 4
                else (
                    Occupation.MANAGER,
                    Occupation.NURSE,
                    Occupation.SOCIAL_WORKER,
                    Occupation.THERAPIST,
                )[i]
            )
            worker = add_worker(
                session,
                WorkerData(
                    institution_id=institution_id,
                    name=maker.name(gender),
                    occupation=occupation,
                    hired_on=maker.date_between(
                        maker.today - dt.timedelta(days=3000), maker.today - dt.timedelta(days=20)
                    ),
                    id_number=maker.id_number(rng.choice(list(DISTRICTS)), birth, gender),
                    phone=maker.phone(),
                ),
            )
            ids.append(worker.id)
    for worker_id in ids[4:]:
        if rng.random() < 0.7:
            level = rng.choices(
                [SkillLevel.LEVEL5, SkillLevel.LEVEL4, SkillLevel.LEVEL3], weights=(5, 3, 1)
            )[0]
            issued = maker.date_between(
                maker.today - dt.timedelta(days=2000), maker.today - dt.timedelta(days=30)
            )
            add_certificate(
                store,
                actor,
                CertificateData(
                    worker_id,
                    "养老护理员职业技能等级证书",
                    f"S{rng.randrange(10**11):011d}",
                    level,
                    issued,
                    None,
                    "青岛市职业技能鉴定中心",
                ),
            )
    return ids


def _trainings(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, workers: list[uuid.UUID]
) -> None:
    rng = maker.rng
    care = workers[4:]
    sessions = [
        ("新入职护理员岗前培训", TrainingCategory.PRE_JOB, Decimal(40), care),
        (
            "老年人跌倒预防与处置",
            TrainingCategory.ON_JOB,
            Decimal(4),
            rng.sample(care, len(care) - 3),
        ),
        ("消防安全知识与灭火器使用", TrainingCategory.FIRE_FIRST_AID, Decimal(3), workers),
        ("心肺复苏与海姆立克急救法", TrainingCategory.FIRE_FIRST_AID, Decimal("3.5"), workers),
        ("失智老人照护技巧", TrainingCategory.ON_JOB, Decimal(6), rng.sample(care, len(care) // 2)),
        ("养老护理员技能竞赛", TrainingCategory.COMPETITION, Decimal(8), rng.sample(care, 6)),
    ]
    _record_sessions(
        store,
        actor,
        maker,
        institution_id,
        sessions,
        ("市养老服务指导中心", "区消防救援大队", "院内培训师"),
        "二楼多功能厅",
    )


Sessions = list[tuple[str, TrainingCategory, Decimal, list[uuid.UUID]]]


def _record_sessions(
    store: Store,
    actor: Actor,
    maker: Maker,
    institution_id: uuid.UUID,
    sessions: Sessions,
    trainers: tuple[str, ...],
    place: str,
) -> None:
    """The demo's training sessions, one every 45 days over the last year, most attendees
    passing; shared by the nursing home and the children's home."""
    rng = maker.rng
    for i, (topic, category, hours, attendees) in enumerate(sessions):
        start = maker.today - dt.timedelta(days=300 - i * 45)
        end = start + dt.timedelta(days=4 if category is TrainingCategory.PRE_JOB else 0)
        people = [
            Attendee(w, rng.choices(list(TrainingResult), weights=(20, 1, 1))[0]) for w in attendees
        ]
        record_training_session(
            store,
            actor,
            TrainingData(
                institution_id,
                topic,
                category,
                start,
                end,
                hours,
                people,
                trainer=rng.choice(trainers),
                place=place,
            ),
        )


def _inspections(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, kind: InstitutionKind
) -> None:
    """The home's other checklists, inspected and signed over the last three months (the
    bureau's 上级检查 among them); half the hazards of the first one rectified and closed."""
    choices = [
        c
        for c in available_checklists(store, institution_id, kind)
        if c.code not in (PATROL, MONTHLY)
    ]
    for i, choice in enumerate(choices):
        on = maker.today - dt.timedelta(days=90 - i * 25)  # up to four a kind: none in the future
        inspectors = INSPECTORS if i == 0 else ("孙检查员", "赵检查员")
        opened: list[uuid.UUID] = []
        _inspect(
            store,
            actor,
            maker,
            NewInspection(
                institution_id,
                choice.id,
                on,
                InspectionType.SELF_DAILY if i == 0 else InspectionType.SUPERVISORY,
                inspectors,
            ),
            kind=kind,
            fail_rate=0.12,
            opened=opened,
        )
        if i != 0:
            continue
        for j, hazard in enumerate(opened):
            if j % 2:
                continue
            start_rectification(
                store,
                actor,
                hazard,
                on=on + dt.timedelta(days=2),
                by="刘志强",
                measure="已安排整改",
            )
            submit_for_recheck(store, actor, hazard, on=on + dt.timedelta(days=10), by="刘志强")
            pass_recheck(store, actor, hazard, on=on + dt.timedelta(days=12), by="王建国")
