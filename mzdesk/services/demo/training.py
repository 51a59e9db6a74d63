"""The demo's care-worker cases that make the training figures and matrix worth looking at:
a leaver, a retake of the pre-job training (failed, then passed), someone still without it,
a new joiner not yet trained, expired and expiring certificates (a skill certificate among
them), hours credited by hand. Deterministic: fixed choices by position, dates from the
demo's day, no random numbers (so the rest of the demo does not change)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import Gender, Occupation, SkillLevel, TrainingCategory, TrainingResult
from mzdesk.services.demo.maker import Maker
from mzdesk.services.training import session_detail, worker_detail
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    list_trainings,
    record_training_session,
    register_care_worker,
    worker_left,
)
from mzdesk.store.engine import Store


def _add_training_cases(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, workers: list[uuid.UUID]
) -> int:
    """Add the cases to a site whose first four workers are staff and the rest care workers
    trained by the demo's sessions. Returns how many workers it added."""
    today = maker.today
    day = dt.timedelta(days=1)
    care = workers[4:]
    (prejob,) = [
        t for t in list_trainings(store, institution_id) if t.category is TrainingCategory.PRE_JOB
    ]
    detail = session_detail(store, prejob.id)
    not_passed = {a.worker_id for a in detail.attendees if a.result is not TrainingResult.PASSED}
    passed = [w for w in care if w not in not_passed]
    # a retake: two who passed had failed an earlier sitting
    _sitting(
        store,
        actor,
        institution_id,
        "新入职护理员岗前培训（上期）",
        prejob.start_date - 90 * day,
        [Attendee(w, TrainingResult.FAILED) for w in passed[-2:]],
    )
    # a 补考 for those who did not pass: all but one pass it
    retakers = sorted(not_passed, key=care.index)
    if retakers:
        _sitting(
            store,
            actor,
            institution_id,
            "岗前培训补考",
            prejob.end_date + 14 * day,
            [Attendee(w, TrainingResult.PASSED) for w in retakers[1:]]
            + [Attendee(retakers[0], TrainingResult.FAILED)],
        )
    # a leaver (trained while here, gone ten days ago)
    worker_left(store, actor, passed[0], today - 10 * day)
    # a joiner in the last weeks, not yet through 岗前培训
    register_care_worker(
        store,
        actor,
        WorkerData(
            institution_id,
            "林晓燕",
            Occupation.CARE_WORKER,
            today - 12 * day,
            id_number=maker.id_number("370212", dt.date(1998, 4, 16), Gender.FEMALE),
            gender=Gender.FEMALE,
            phone="13953212345",
        ),
    )
    uncertified = next(
        w
        for w in passed[1:]
        if not any(c.counts_as_skill for c in worker_detail(store, w).certificates)
    )
    others = [w for w in passed[1:] if w != uncertified]
    certificates = [
        # an expired skill certificate, its holder's only one: not counted as certified
        CertificateData(
            uncertified,
            "养老护理员职业资格证书",
            "Z20190101",
            SkillLevel.LEVEL5,
            today - 2200 * day,
            today - 40 * day,
            "青岛市人力资源和社会保障局",
        ),
        # a skill certificate expiring within 60 days
        CertificateData(
            others[0],
            "养老护理员职业技能等级证书",
            "S20210330",
            SkillLevel.LEVEL4,
            today - 1800 * day,
            today + 45 * day,
            "青岛市职业技能鉴定中心",
        ),
        # health certificates: one expired, one expiring soon, one 长期-free yearly one
        CertificateData(
            others[1],
            "健康证",
            "J2025-0311",
            None,
            today - 400 * day,
            today - 35 * day,
            "崂山区疾控中心",
        ),
        CertificateData(
            others[2],
            "健康证",
            "J2025-1102",
            None,
            today - 340 * day,
            today + 25 * day,
            "崂山区疾控中心",
        ),
        CertificateData(
            workers[1],
            "护士执业证书",
            "HS110092",
            None,
            today - 1700 * day,
            today + 55 * day,
            "山东省卫生健康委员会",
        ),
    ]
    for certificate in certificates:
        add_certificate(store, actor, certificate)
    # hours credited by hand: someone who left a long session early
    record_training_session(
        store,
        actor,
        TrainingData(
            institution_id,
            "压疮预防与翻身技巧",
            TrainingCategory.ON_JOB,
            today - 30 * day,
            today - 30 * day,
            Decimal(4),
            [Attendee(passed[5], TrainingResult.PASSED, Decimal("1.5"))]
            + [Attendee(w, TrainingResult.PASSED) for w in passed[6:10]],
            trainer="院内培训师",
            place="二楼多功能厅",
        ),
    )
    return 1


def _sitting(
    store: Store,
    actor: Actor,
    institution_id: uuid.UUID,
    topic: str,
    on: dt.date,
    attendees: list[Attendee],
) -> None:
    record_training_session(
        store,
        actor,
        TrainingData(
            institution_id,
            topic,
            TrainingCategory.PRE_JOB,
            on,
            on + dt.timedelta(days=2),
            Decimal(16),
            attendees,
            trainer="院内培训师",
            place="二楼多功能厅",
        ),
    )
