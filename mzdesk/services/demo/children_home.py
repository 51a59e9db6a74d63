"""``site`` of kind 儿童福利院: one children's welfare home with about 76 children on their
paths (child_stories), child-care workers (育婴员/保育员) and their training, and the
inspections of the nursing-home demo."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from mzdesk.core.identifiers import make_uscc
from mzdesk.core.permissions import ADMIN, Actor
from mzdesk.core.vocab import (
    BedType,
    Gender,
    Grade,
    InstitutionKind,
    Occupation,
    Operation,
    SkillLevel,
    TrainingCategory,
)
from mzdesk.services.beds import BedSpec, insert_beds
from mzdesk.services.demo.accounts import DEMO_PASSWORD, remember_demo_account
from mzdesk.services.demo.child_path import Home
from mzdesk.services.demo.child_stories import _add_children
from mzdesk.services.demo.inspecting import _add_demo_inspecting
from mzdesk.services.demo.maker import DISTRICTS, DemoSummary, Maker, Progress
from mzdesk.services.demo.site import _inspections, _record_sessions
from mzdesk.services.institutions import InstitutionData, add_institution
from mzdesk.services.users import NewUser, add_user_row
from mzdesk.services.workers import (
    CertificateData,
    WorkerData,
    add_certificate,
    add_worker,
)
from mzdesk.store.engine import Store

REGION = "370213"
CHILDREN = 76
STAFF = (Occupation.MANAGER, Occupation.NURSE, Occupation.SOCIAL_WORKER, Occupation.THERAPIST)


def children_beds(count: int) -> list[BedSpec]:
    """Rooms of three beds, ten rooms a floor: three quarters in the 儿童楼 (infants and
    school children), the rest in the 康复楼 (nursing-type beds)."""
    specs = []
    in_house = count * 3 // 4
    for i in range(count):
        building, n = ("儿童楼", i) if i < in_house else ("康复楼", i - in_house)
        floor, room = divmod(n // 3, 10)
        number = f"{floor + 1}{room + 1:02d}"
        bed_type = BedType.SELF_CARE if building == "儿童楼" else BedType.NURSING
        specs.append(BedSpec(building, f"{floor + 1}层", number, f"{number}-{n % 3 + 1}", bed_type))
    return specs


def _home_beds(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, count: int
) -> list[uuid.UUID]:
    """The beds, in service since before the demo's three years of intakes."""
    opened = maker.today - maker.rng.randrange(1200, 3000) * dt.timedelta(days=1)
    with store.write(actor) as session:
        return insert_beds(session, institution_id, children_beds(count), opened)


def _add_children_home(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, region: str, count: int
) -> tuple[int, int]:
    """Beds and ``count`` children for a children's home (the city demo's too); returns
    (beds, children)."""
    beds = _home_beds(store, actor, maker, institution_id, count + count // 3)
    taken = list(beds)
    maker.rng.shuffle(taken)  # children in every building and floor, some beds free
    made = _add_children(store, actor, maker, Home(institution_id, region, taken), count)
    return len(beds), sum(made.values())


def _make_children_home(
    store: Store, actor: Actor, maker: Maker, progress: Progress | None
) -> DemoSummary:
    with store.write(actor) as session:
        institution = add_institution(
            session,
            InstitutionData(
                name="青岛市李沧区阳光儿童福利院",
                kind=InstitutionKind.CHILDREN_HOME,
                operation=Operation.PUBLIC,
                grade=Grade.UNRATED,
                uscc=make_uscc("12370213MB0000001"),
                region_code=REGION,
                address="山东省青岛市李沧区九水东路166号",
                phone="0532-87661234",
                legal_representative="张慧敏",
                fire_safety_officer="刘志强",
            ),
        )
        institution_id = institution.id
        add_user_row(session, institution_id, NewUser("admin", "张院长", DEMO_PASSWORD, ADMIN))
        add_user_row(session, institution_id, NewUser("nurse", "陈护士长", DEMO_PASSWORD, "staff"))
        add_user_row(
            session, institution_id, NewUser("bureau", "民政局 赵科长", DEMO_PASSWORD, "bureau")
        )
        remember_demo_account(session)
    if progress:
        progress("儿童", 0, 3)
    beds, children = _add_children_home(store, actor, maker, institution_id, REGION, CHILDREN)
    if progress:
        progress("育婴员与培训", 1, 3)
    workers = _childcare_staff(store, actor, maker, institution_id, 18)
    _childcare_trainings(store, actor, maker, institution_id, workers)
    if progress:
        progress("安全检查", 2, 3)
    _inspections(store, actor, maker, institution_id, InstitutionKind.CHILDREN_HOME)
    _add_demo_inspecting(store, actor, maker, institution_id, InstitutionKind.CHILDREN_HOME)
    if progress:
        progress("完成", 3, 3)
    return DemoSummary(1, beds, children, len(workers), "admin", DEMO_PASSWORD)


def _childcare_staff(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, count: int
) -> list[uuid.UUID]:
    """Four staff (院长, 护士, 社工, 康复师), then 育婴员/保育员, most with a certificate."""
    rng = maker.rng
    ids = []
    with store.write(actor) as session:
        for i in range(count):
            gender = Gender.FEMALE if rng.random() < 0.9 else Gender.MALE
            birth = maker.date_between(dt.date(1970, 1, 1), dt.date(2002, 12, 31))
            worker = add_worker(
                session,
                WorkerData(
                    institution_id=institution_id,
                    name=maker.name(gender),
                    occupation=STAFF[i] if i < len(STAFF) else Occupation.CHILDCARE_WORKER,
                    hired_on=maker.date_between(
                        maker.today - dt.timedelta(days=3000), maker.today - dt.timedelta(days=60)
                    ),
                    id_number=maker.id_number(rng.choice(list(DISTRICTS)), birth, gender),
                    phone=maker.phone(),
                ),
            )
            ids.append(worker.id)
    for i, worker_id in enumerate(ids[len(STAFF) :]):
        if rng.random() < 0.75:
            add_certificate(
                store,
                actor,
                CertificateData(
                    worker_id,
                    "育婴员职业技能等级证书" if i % 2 else "保育员职业技能等级证书",
                    f"Y{rng.randrange(10**11):011d}",
                    rng.choices([SkillLevel.LEVEL5, SkillLevel.LEVEL4], weights=(3, 2))[0],
                    maker.date_between(
                        maker.today - dt.timedelta(days=2000), maker.today - dt.timedelta(days=30)
                    ),
                    None,
                    "青岛市职业技能鉴定中心",
                ),
            )
    return ids


def _childcare_trainings(
    store: Store, actor: Actor, maker: Maker, institution_id: uuid.UUID, workers: list[uuid.UUID]
) -> None:
    care = workers[len(STAFF) :]
    sessions = [
        ("新入职育婴员岗前培训", TrainingCategory.PRE_JOB, Decimal(40), care),
        ("婴幼儿喂养与生长发育监测", TrainingCategory.ON_JOB, Decimal(4), care[:-2]),
        ("消防安全知识与疏散演练", TrainingCategory.FIRE_FIRST_AID, Decimal(3), workers),
        ("婴幼儿心肺复苏与气道异物处置", TrainingCategory.FIRE_FIRST_AID, Decimal(4), workers),
        ("儿童保护与防范性侵害", TrainingCategory.ON_JOB, Decimal(3), workers),
        ("残疾儿童康复护理技能", TrainingCategory.ON_JOB, Decimal(6), care[: len(care) // 2]),
    ]
    _record_sessions(
        store,
        actor,
        maker,
        institution_id,
        sessions,
        ("市儿童福利指导中心", "区消防救援大队", "市妇幼保健院"),
        "综合楼多功能厅",
    )
