"""A hand-made staff with every case the training figures must get right on their dates."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from mzdesk.core.vocab import (
    InstitutionKind,
    Occupation,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
)
from mzdesk.services.institutions import InstitutionData, InstitutionView, create_institution
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    record_training_session,
    register_care_worker,
    worker_left,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date
P, F = TrainingResult.PASSED, TrainingResult.FAILED


@dataclass
class Staff:
    home: InstitutionView
    kids: InstitutionView
    a: WorkerView  # pre-job before hire, 五级 certificate 长期, a 健康证 expiring 2025-07-10
    b: WorkerView  # pre-job failed then passed (retake), 职业技能等级证书 expiring 2025-06-30
    c: WorkerView  # joined 2025-01-15, no pre-job, certificate issued only 2025-09-01
    d: WorkerView  # left 2025-03-31, trained and certified
    e: WorkerView  # a nurse: not a care worker; her licence expires 2025-07-20
    f: WorkerView  # 保育员 in the children's home (another region)


def make_staff(store) -> Staff:
    home = create_institution(
        store,
        SETUP,
        InstitutionData(name="幸福养老院", kind=InstitutionKind.NURSING_HOME, region_code="370212"),
    )
    kids = create_institution(
        store,
        SETUP,
        InstitutionData(
            name="市儿童福利院", kind=InstitutionKind.CHILDREN_HOME, region_code="370203"
        ),
    )

    def hire(name, hired_on, occupation=Occupation.CARE_WORKER, where=home):
        return register_care_worker(
            store,
            SETUP,
            WorkerData(
                where.id, name, occupation, hired_on, id_number=id_number(D(1975, 1, 1), male=False)
            ),
        )

    def cert(w, name, issued, expires, level=None):
        add_certificate(
            store, SETUP, CertificateData(w.id, name, "N-" + w.name, level, issued, expires)
        )

    def train(where, topic, category, day, attendees, hours="8"):
        record_training_session(
            store,
            SETUP,
            TrainingData(
                where.id,
                topic,
                category,
                day,
                day,
                Decimal(hours),
                [Attendee(w.id, r, Decimal(h) if h else None) for w, r, h in attendees],
            ),
        )

    a = hire("周凤琴", D(2024, 3, 1))
    b = hire("吴桂兰", D(2024, 3, 1))
    c = hire("郑秀兰", D(2025, 1, 15))
    d = hire("李红", D(2023, 5, 1))
    e = hire("钱芳", D(2020, 1, 1), Occupation.NURSE)
    f = hire("孙丽", D(2022, 1, 1), Occupation.CHILDCARE_WORKER, where=kids)
    worker_left(store, SETUP, d.id, D(2025, 3, 31))

    train(
        home,
        "新员工岗前培训",
        TrainingCategory.PRE_JOB,
        D(2024, 2, 20),
        [(a, P, None), (b, F, None)],
    )
    train(home, "岗前培训补考", TrainingCategory.PRE_JOB, D(2024, 4, 10), [(b, P, None)])
    train(home, "岗前培训", TrainingCategory.PRE_JOB, D(2023, 4, 20), [(d, P, None)])
    train(kids, "保育员岗前培训", TrainingCategory.PRE_JOB, D(2022, 1, 1), [(f, P, None)])
    train(
        home,
        "消防安全培训",
        TrainingCategory.FIRE_FIRST_AID,
        D(2024, 11, 5),
        [(a, P, None), (b, P, None)],
        "4",
    )
    train(
        home,
        "失智照护",
        TrainingCategory.ON_JOB,
        D(2025, 5, 6),
        [(a, P, None), (b, F, "3"), (e, P, None), (d, P, None)],
        "6",
    )
    train(home, "急救技能", TrainingCategory.FIRE_FIRST_AID, D(2025, 8, 1), [(a, P, None)], "2")

    cert(a, "养老护理员职业技能等级证书", D(2024, 6, 1), None, SkillLevel.LEVEL5)
    cert(a, "健康证", D(2024, 7, 10), D(2025, 7, 10))
    cert(b, "职业技能等级证书", D(2023, 1, 1), D(2025, 6, 30))
    cert(c, "养老护理员职业技能等级证书", D(2025, 9, 1), None, SkillLevel.LEVEL5)
    cert(d, "职业技能等级证书", D(2023, 6, 1), None, SkillLevel.LEVEL4)
    cert(e, "护士执业证书", D(2020, 1, 1), D(2025, 7, 20))
    cert(f, "保育员职业资格证书", D(2022, 6, 1), None)
    return Staff(home, kids, a, b, c, d, e, f)
