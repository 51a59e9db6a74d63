"""Staff for the city demo, so the training figures of a region have something to show:
care workers (about one for seven beds; 育婴员/保育员 in a children's home) and a few other
staff per institution, with pre-job training (some failing and passing a later sitting,
some never attending), yearly fire training, in-service sessions this year, skill
certificates (some expired, some expiring) and health certificates. Written in bulk, one
transaction per institution, after the rest of the city (its other data do not change)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import (
    Gender,
    InstitutionKind,
    Occupation,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
    WorkerStatus,
)
from mzdesk.services.demo.maker import Maker
from mzdesk.store.engine import Store
from mzdesk.store.models import CareWorker, TrainingAttendance, TrainingSession, WorkerCertificate
from mzdesk.store.outbox import insert_many

OTHERS = (Occupation.NURSE, Occupation.SOCIAL_WORKER, Occupation.MANAGER, Occupation.THERAPIST)
DAY = dt.timedelta(days=1)
IN_SERVICE = ("老年人跌倒预防与处置", "失智老人照护技巧", "压疮预防与翻身技巧", "食品安全与营养")


def _staff_city(
    store: Store,
    actor: Actor,
    maker: Maker,
    homes: list[tuple[uuid.UUID, str, InstitutionKind, int]],
) -> int:
    """Staff for each (institution id, region code, kind, beds); returns how many."""
    total = 0
    for institution_id, region, kind, beds in homes:
        with store.write(actor) as session:
            total += _staff_home(session, maker, institution_id, region, kind, beds)
    return total


def _staff_home(
    session: Any,
    maker: Maker,
    institution_id: uuid.UUID,
    region: str,
    kind: InstitutionKind,
    beds: int,
) -> int:
    rng, today = maker.rng, maker.today
    care = (
        Occupation.CHILDCARE_WORKER
        if kind is InstitutionKind.CHILDREN_HOME
        else Occupation.CARE_WORKER
    )
    occupations = [care] * max(3, beds // 7) + list(OTHERS[: rng.randrange(2, 5)])
    workers: list[dict[str, Any]] = []
    for occupation in occupations:
        gender = Gender.FEMALE if rng.random() < 0.85 else Gender.MALE
        birth = maker.date_between(dt.date(1966, 1, 1), dt.date(2001, 12, 31))
        hired = today - rng.randrange(20, 3000) * DAY
        left = hired + rng.randrange(30, 900) * DAY if rng.random() < 0.08 else None
        if left is not None and left >= today:
            left = None
        workers.append(
            {
                "institution_id": institution_id,
                "name": maker.name(gender),
                "gender": gender,
                "birth_date": birth,
                "id_number": maker.id_number(region, birth, gender),
                "occupation": occupation,
                "skill_level": SkillLevel.NONE,
                "hired_on": hired,
                "left_on": left,
                "status": WorkerStatus.LEFT if left else WorkerStatus.ACTIVE,
            }
        )
    ids = insert_many(session, CareWorker, workers)
    people = list(zip(ids, workers, strict=True))
    attendance: list[dict[str, Any]] = []

    def sitting(topic: str, category: TrainingCategory, on: dt.date, hours: int) -> uuid.UUID:
        (sid,) = insert_many(
            session,
            TrainingSession,
            [
                {
                    "institution_id": institution_id,
                    "topic": topic,
                    "category": category,
                    "start_date": on,
                    "end_date": on + (2 * DAY if category is TrainingCategory.PRE_JOB else 0 * DAY),
                    "hours": Decimal(hours),
                    "trainer": rng.choice(("市养老服务指导中心", "区消防救援大队", "院内培训师")),
                    "place": "多功能厅",
                }
            ],
        )
        return sid

    def attend(sid: uuid.UUID, wid: uuid.UUID, result: TrainingResult, hours: int) -> None:
        credited = 0 if result is TrainingResult.ABSENT else hours
        attendance.append(
            {
                "institution_id": institution_id,
                "session_id": sid,
                "worker_id": wid,
                "result": result,
                "hours_credited": Decimal(credited),
            }
        )

    # 岗前培训 every half year; a new worker attends the first sitting from 20 days before
    # the first day (a few fail and pass the next one, a few never attend)
    starts = [today - 3000 * DAY + k * 180 * DAY for k in range(17)]
    sittings: dict[dt.date, uuid.UUID] = {}
    for wid, w in people:
        if w["occupation"] is not care or rng.random() < 0.06:
            continue
        chances = [d for d in starts if d >= w["hired_on"] - 20 * DAY and d < today]
        for attempt, on in enumerate(chances[:2]):
            if on not in sittings:
                sittings[on] = sitting("新入职人员岗前培训", TrainingCategory.PRE_JOB, on, 24)
            failed = attempt == 0 and rng.random() < 0.07 and len(chances) > 1
            attend(
                sittings[on], wid, TrainingResult.FAILED if failed else TrainingResult.PASSED, 24
            )
            if not failed:
                break
    # yearly fire training for everyone employed that day; in-service sessions this year
    for years_ago in range(3):
        on = today - (years_ago * 365 + rng.randrange(20, 200)) * DAY
        sid = sitting("消防安全知识与灭火器使用", TrainingCategory.FIRE_FIRST_AID, on, 3)
        for wid, w in people:
            if w["hired_on"] <= on and (w["left_on"] is None or w["left_on"] > on):
                ok = rng.random() < 0.95
                attend(sid, wid, TrainingResult.PASSED if ok else TrainingResult.ABSENT, 3)
    for topic in rng.sample(IN_SERVICE, 2):
        on = max(dt.date(today.year, 1, 2), today - rng.randrange(5, 300) * DAY)
        hours = rng.choice((2, 4, 6))
        sid = sitting(topic, TrainingCategory.ON_JOB, on, hours)
        for wid, w in people:
            if w["occupation"] is care and w["hired_on"] <= on and rng.random() < 0.6:
                attend(sid, wid, TrainingResult.PASSED, hours)
    insert_many(session, TrainingAttendance, attendance)
    certificates = []
    for wid, w in people:
        if w["occupation"] is care and rng.random() < 0.72:
            issued = min(today - DAY, w["hired_on"] + rng.randrange(30, 900) * DAY)
            certificates.append(
                {
                    "institution_id": institution_id,
                    "worker_id": wid,
                    "name": "养老护理员职业技能等级证书"
                    if care is Occupation.CARE_WORKER
                    else "保育员职业技能等级证书",
                    "number": f"S{rng.randrange(10**11):011d}",
                    "skill_level": rng.choices(
                        [SkillLevel.LEVEL5, SkillLevel.LEVEL4, SkillLevel.LEVEL3], weights=(5, 3, 1)
                    )[0],
                    "issued_on": issued,
                    "expires_on": issued + 4 * 365 * DAY if rng.random() < 0.4 else None,
                    "issuer": "市职业技能鉴定中心",
                }
            )
        if rng.random() < 0.5:
            issued = today - rng.randrange(0, 360) * DAY
            certificates.append(
                {
                    "institution_id": institution_id,
                    "worker_id": wid,
                    "name": "健康证",
                    "number": f"J{rng.randrange(10**8):08d}",
                    "skill_level": None,
                    "issued_on": issued,
                    "expires_on": issued + 365 * DAY,
                    "issuer": "区疾病预防控制中心",
                }
            )
    insert_many(session, WorkerCertificate, certificates)
    return len(ids)
