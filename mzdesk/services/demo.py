"""Realistic demo data, written through the same services staff use.

``site``: one nursing home of about 150 beds with residents, contacts, assessments, care
workers, training sessions and inspections (some hazards still open, one overdue).
``city``: about 100 institutions and 10,000 beds across the districts of one city.
Deterministic for a given seed, so screenshots and benchmarks are reproducible.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sqlalchemy.orm import Session

from mzdesk.core.assessment import default_scheme
from mzdesk.core.checklists import shipped_templates
from mzdesk.core.identifiers import make_id_number, make_uscc
from mzdesk.core.permissions import ADMIN, Actor, Permission
from mzdesk.core.vocab import (
    AssessmentReason,
    BedStatus,
    BedType,
    ChildCategory,
    DischargeReason,
    Gender,
    Grade,
    GuardianshipType,
    HazardStatus,
    InspectionType,
    InstitutionKind,
    ItemResult,
    Occupation,
    Operation,
    PaymentMethod,
    Positioning,
    Relationship,
    RiskEvent,
    SkillLevel,
    SupportType,
    TrainingCategory,
    TrainingResult,
)
from mzdesk.services.assessments import AssessmentData, record_assessment
from mzdesk.services.beds import BedSpec, insert_beds
from mzdesk.services.inspections import (
    InspectionStart,
    advance_hazard,
    complete_inspection,
    record_result,
    start_inspection,
)
from mzdesk.services.institutions import InstitutionData, add_institution
from mzdesk.services.operations import operation
from mzdesk.services.residents import (
    Admission,
    ContactData,
    ResidentData,
    admit,
    discharge_resident,
    start_leave,
)
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
from mzdesk.store.models import DeviceSetting

Progress = Callable[[str, int, int], None]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
)
GIVEN_M = "建国志强明华德才文军伟勇刚永福宝山海林春生光荣树国庆振富贵长发祥学忠义兴平"
GIVEN_F = "秀英桂兰玉珍淑芬凤琴翠花素梅丽华金凤秀兰玉兰桂芳淑珍美玲月娥彩霞春梅爱"
DISTRICTS = {
    "370202": "市南区",
    "370203": "市北区",
    "370211": "黄岛区",
    "370212": "崂山区",
    "370213": "李沧区",
    "370214": "城阳区",
    "370215": "即墨区",
    "370281": "胶州市",
    "370283": "平度市",
    "370285": "莱西市",
}
DIAGNOSES = [
    "高血压",
    "2型糖尿病",
    "冠心病",
    "脑梗死后遗症",
    "慢性阻塞性肺疾病",
    "骨质疏松",
    "阿尔茨海默病",
    "帕金森病",
    "白内障",
    "关节炎",
]


class Scale(StrEnum):
    SITE = "site"
    CITY = "city"


@dataclass(frozen=True)
class DemoSummary:
    institutions: int
    beds: int
    residents: int
    workers: int
    admin_username: str | None
    admin_password: str | None


class _Maker:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.sequence = 0

    def name(self, gender: Gender) -> str:
        given = GIVEN_M if gender is Gender.MALE else GIVEN_F
        length = self.rng.choice((1, 2, 2))
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(given) for _ in range(length))

    def id_number(self, region: str, birth: dt.date, gender: Gender) -> str:
        self.sequence = (self.sequence + 1) % 500
        seq = self.sequence * 2 + (1 if gender is Gender.MALE else 0)
        return make_id_number(region, birth, seq % 1000 or 2)

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange(max(1, (end - start).days)))

    def phone(self) -> str:
        return f"1{self.rng.choice('3589')}{self.rng.randrange(10**9):09d}"


def _institution_data(
    maker: _Maker, index: int, region: str, kind: InstitutionKind, name: str
) -> InstitutionData:
    rng = maker.rng
    operation = rng.choices(list(Operation), weights=(4, 2, 4))[0]
    positioning = (
        Positioning.SAFETY_NET
        if operation is Operation.PUBLIC and rng.random() < 0.7
        else rng.choice((Positioning.AFFORDABLE, Positioning.AFFORDABLE, Positioning.QUALITY))
    )
    grade = rng.choices(list(Grade), weights=(30, 10, 25, 20, 10, 5))[0]
    organisation = "12" if operation is Operation.PUBLIC else "52"
    uscc = make_uscc(f"{organisation}{region}{index:08d}A"[:17])
    return InstitutionData(
        name=name,
        kind=kind,
        positioning=positioning if kind is InstitutionKind.NURSING_HOME else None,
        operation=operation,
        grade=grade if kind is InstitutionKind.NURSING_HOME else Grade.UNRATED,
        uscc=uscc,
        region_code=region,
        address=f"山东省青岛市{DISTRICTS[region]}{rng.choice('长江黄河泰山')}路{rng.randrange(300)}号",
        phone=f"0532-{rng.randrange(80000000, 89999999)}",
        legal_representative=maker.name(Gender.MALE),
        fire_safety_officer=maker.name(Gender.MALE),
    )


def _layout(maker: _Maker, beds_wanted: int, nursing_share: float) -> list[BedSpec]:
    specs: list[BedSpec] = []
    building = 1
    while len(specs) < beds_wanted:
        for floor in range(1, 5):
            for room in range(1, 13):
                number = f"{floor}{room:02d}"
                per_room = 2 if maker.rng.random() < 0.8 else 3
                for k in range(1, per_room + 1):
                    draw = maker.rng.random()
                    if draw < nursing_share * 0.15:
                        bed_type = BedType.DEMENTIA
                    elif draw < nursing_share:
                        bed_type = BedType.NURSING
                    else:
                        bed_type = BedType.SELF_CARE
                    specs.append(
                        BedSpec(f"{building}号楼", f"{floor}层", number, f"{number}-{k}", bed_type)
                    )
                    if len(specs) >= beds_wanted:
                        return specs
        building += 1
    return specs


def _resident(maker: _Maker, region: str, kind: InstitutionKind) -> ResidentData:
    rng = maker.rng
    gender = rng.choice(list(Gender))
    if kind is InstitutionKind.CHILDREN_HOME:
        birth = maker.date_between(
            maker.today - dt.timedelta(days=17 * 365), maker.today - dt.timedelta(days=200)
        )
        category = rng.choices(list(ChildCategory), weights=(4, 3, 1, 3, 1))[0]
        has_id = category is not ChildCategory.ABANDONED_INFANT
        return ResidentData(
            name=maker.name(gender),
            id_number=maker.id_number(region, birth, gender) if has_id else None,
            gender=gender,
            birth_date=birth,
            child_category=category,
            guardianship_type=rng.choice(list(GuardianshipType)),
            intake_documents=("捡拾报案证明", "寻亲公告") if not has_id else (),
            schooling=rng.choice(("学前", "小学", "初中", "特殊教育学校", None)),
            disability_type=rng.choice((None, None, "智力", "肢体", "听力", "孤独症谱系")),
        )
    birth = maker.date_between(dt.date(1928, 1, 1), dt.date(1962, 12, 31))
    diagnoses = "、".join(rng.sample(DIAGNOSES, rng.randrange(0, 4))) or None
    son = maker.name(Gender.MALE)
    return ResidentData(
        name=maker.name(gender),
        id_number=maker.id_number(region, birth, gender),
        gender=gender,
        birth_date=birth,
        ethnicity="汉族" if rng.random() < 0.95 else rng.choice(("回族", "满族", "朝鲜族")),
        household_address=f"山东省青岛市{DISTRICTS[region]}",
        payment_method=rng.choice(list(PaymentMethod)[:4]),
        support_type=rng.choices(list(SupportType), weights=(2, 2, 1, 1, 10, 1))[0],
        diagnoses=diagnoses,
        cognitive_disorder=bool(diagnoses and "阿尔茨海默病" in diagnoses),
        contract_number=f"HT{maker.today.year}{rng.randrange(10000):04d}",
        contacts=(
            ContactData(
                son,
                rng.choice((Relationship.SON, Relationship.DAUGHTER)),
                maker.phone(),
                is_guardian=True,
            ),
            ContactData(maker.name(Gender.FEMALE), Relationship.CHILD_IN_LAW, maker.phone()),
        ),
    )


def _answers(maker: _Maker, frailty: float) -> dict[str, int]:
    """Answers for an older person; ``frailty`` 0 (fit) … 1 (fully dependent)."""
    answers = {}
    for item in default_scheme().items:
        scores = sorted((o.score for o in item.options if not o.coma), reverse=True)
        pick = min(
            len(scores) - 1,
            int(maker.rng.betavariate(1 + 6 * frailty, 6 - 5 * frailty) * len(scores)),
        )
        answers[item.id] = scores[pick]
    return answers


DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNT = "demo_account"


def _remember_demo_account(session: Session) -> None:
    """Demo data is public: the login dialog tells its account."""
    session.merge(
        DeviceSetting(key=DEMO_ACCOUNT, value={"username": "admin", "password": DEMO_PASSWORD})
    )


def demo_account(store: Store) -> tuple[str, str] | None:
    """The demo's account, when this database holds demo data."""
    with store.read() as session:
        row = session.get(DeviceSetting, DEMO_ACCOUNT)
    if row is None or not isinstance(row.value, dict):
        return None
    return str(row.value.get("username")), str(row.value.get("password"))


@operation(Permission.INSTITUTION_EDIT)
def generate(
    store: Store,
    actor: Actor,
    scale: Scale,
    *,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    maker = _Maker(seed, today or dt.date.today())
    if scale is Scale.SITE:
        return _site(store, actor, maker, progress)
    return _city(store, actor, maker, progress)


def _populate(
    store: Store,
    actor: Actor,
    maker: _Maker,
    institution_id: uuid.UUID,
    region: str,
    kind: InstitutionKind,
    bed_count: int,
    occupancy: float,
    nursing_share: float,
) -> tuple[int, list[uuid.UUID]]:
    """Beds and residents of one institution in one transaction; returns (beds, resident ids)."""
    opened = maker.today - dt.timedelta(days=maker.rng.randrange(400, 3000))
    residents: list[uuid.UUID] = []
    with store.write(actor) as session:
        specs = _layout(maker, bed_count, nursing_share)
        for i, spec in enumerate(specs):
            if maker.rng.random() < 0.02:
                specs[i] = BedSpec(
                    spec.building,
                    spec.floor,
                    spec.room,
                    spec.number,
                    spec.bed_type,
                    BedStatus.OUT_OF_SERVICE,
                )
        bed_ids = insert_beds(session, institution_id, specs, opened)
        usable = [b for b, s in zip(bed_ids, specs, strict=True) if s.status is BedStatus.FREE]
        maker.rng.shuffle(usable)
        for bed_id in usable[: int(len(usable) * occupancy)]:
            data = _resident(maker, maker.rng.choice(list(DISTRICTS)), kind)
            admitted = maker.date_between(opened, maker.today - dt.timedelta(days=3))
            row = admit(
                session, Admission(institution_id, data, admitted, bed_id), today=maker.today
            )
            residents.append(row.id)
    return len(specs), residents


def _site(store: Store, actor: Actor, maker: _Maker, progress: Progress | None) -> DemoSummary:
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
        _remember_demo_account(session)
    if progress:
        progress("床位与住户", 0, 4)
    beds, residents = _populate(
        store, actor, maker, institution_id, region, InstitutionKind.NURSING_HOME, 152, 0.82, 0.65
    )
    if progress:
        progress("能力评估", 1, 4)
    for resident_id in residents:
        frailty = rng.random()
        first = maker.today - dt.timedelta(days=rng.randrange(60, 400))
        record_assessment(
            store,
            actor,
            AssessmentData(
                resident_id, first, AssessmentReason.FIRST, "张评估员", _answers(maker, frailty)
            ),
        )
        if rng.random() < 0.4:
            record_assessment(
                store,
                actor,
                AssessmentData(
                    resident_id,
                    maker.today - dt.timedelta(days=rng.randrange(1, 50)),
                    AssessmentReason.ROUTINE,
                    "张评估员",
                    _answers(maker, min(1.0, frailty + 0.15)),
                    cognitive_disorder=frailty > 0.8,
                    risk_events=(RiskEvent.FALL, RiskEvent.FALL) if rng.random() < 0.1 else (),
                ),
            )
    for resident_id in residents[:4]:
        start_leave(
            store,
            actor,
            resident_id,
            maker.today - dt.timedelta(days=rng.randrange(1, 5)),
            reason="回家探亲",
            destination="子女家",
            expected_return=maker.today + dt.timedelta(days=3),
        )
    for resident_id, reason in zip(
        residents[-3:],
        (DischargeReason.HOME, DischargeReason.DEATH, DischargeReason.TRANSFER),
        strict=True,
    ):
        discharge_resident(
            store, actor, resident_id, maker.today - dt.timedelta(days=rng.randrange(1, 20)), reason
        )
    if progress:
        progress("护理员与培训", 2, 4)
    workers = _workers(store, actor, maker, institution_id, 22)
    _trainings(store, actor, maker, institution_id, workers)
    if progress:
        progress("安全检查", 3, 4)
    _inspections(store, actor, maker, institution_id, InstitutionKind.NURSING_HOME)
    if progress:
        progress("完成", 4, 4)
    return DemoSummary(1, beds, len(residents), len(workers), "admin", password)


def _workers(
    store: Store, actor: Actor, maker: _Maker, institution_id: uuid.UUID, count: int
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
    store: Store, actor: Actor, maker: _Maker, institution_id: uuid.UUID, workers: list[uuid.UUID]
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
                trainer=rng.choice(("市养老服务指导中心", "区消防救援大队", "院内培训师")),
                place="二楼多功能厅",
            ),
        )


def _inspections(
    store: Store, actor: Actor, maker: _Maker, institution_id: uuid.UUID, kind: InstitutionKind
) -> None:
    rng = maker.rng
    templates = [t for t in shipped_templates() if t.institution_kind in (kind, None)]
    for i, template in enumerate(templates):
        on = maker.today - dt.timedelta(days=90 - i * 40)
        inspection = start_inspection(
            store,
            actor,
            InspectionStart(
                institution_id,
                template.id,
                on,
                InspectionType.SELF_DAILY if i == 0 else InspectionType.SUPERVISORY,
                "刘志强、王建国" if i == 0 else "区民政局 孙检查员、赵检查员",
            ),
        )
        for item in template.items:
            result = ItemResult.FAIL if rng.random() < 0.12 else ItemResult.PASS
            note = (
                rng.choice(("现场发现", "记录不全", "设备过期"))
                if result is ItemResult.FAIL
                else None
            )
            record_result(store, actor, inspection, item.id, result, note)
        hazards = complete_inspection(
            store,
            actor,
            inspection,
            summary="总体情况良好，发现问题限期整改。",
            responsible_person="刘志强",
        )
        for j, hazard in enumerate(hazards):
            if i == 0 and j % 2 == 0:
                advance_hazard(
                    store,
                    actor,
                    hazard,
                    HazardStatus.IN_PROGRESS,
                    on + dt.timedelta(days=2),
                    measure="已安排整改",
                )
                advance_hazard(
                    store, actor, hazard, HazardStatus.AWAITING_CHECK, on + dt.timedelta(days=10)
                )
                advance_hazard(
                    store,
                    actor,
                    hazard,
                    HazardStatus.CLOSED,
                    on + dt.timedelta(days=12),
                    by="王建国",
                )


def _city(store: Store, actor: Actor, maker: _Maker, progress: Progress | None) -> DemoSummary:
    rng = maker.rng
    total_beds = total_residents = 0
    count = 100
    created: list[tuple[uuid.UUID, str, InstitutionKind, int]] = []
    with store.write(actor) as session:
        for i in range(count):
            region = list(DISTRICTS)[i % len(DISTRICTS)]
            kind = InstitutionKind.CHILDREN_HOME if i % 25 == 7 else InstitutionKind.NURSING_HOME
            town = rng.choice("东西南北中") + rng.choice("山河湖海城村庄")
            suffix = (
                "儿童福利院"
                if kind is InstitutionKind.CHILDREN_HOME
                else rng.choice(("敬老院", "养老院", "颐养中心", "老年公寓", "康养中心"))
            )
            name = f"{DISTRICTS[region]}{town}{suffix}"
            while any(name == n for _, n, _, _ in created):
                name = f"{DISTRICTS[region]}{town}第{rng.randrange(2, 9)}{suffix}"
            institution = add_institution(session, _institution_data(maker, i, region, kind, name))
            beds = (
                int(rng.triangular(30, 260, 80))
                if kind is InstitutionKind.NURSING_HOME
                else rng.randrange(60, 150)
            )
            created.append((institution.id, name, kind, beds))
    scale_to = 10_000 / sum(b for *_, b in created)
    for i, (institution_id, _name, kind, beds) in enumerate(created):
        region = list(DISTRICTS)[i % len(DISTRICTS)]
        wanted = max(20, round(beds * scale_to))
        made, residents = _populate(
            store,
            actor,
            maker,
            institution_id,
            region,
            kind,
            wanted,
            rng.uniform(0.45, 0.92),
            rng.uniform(0.4, 0.85),
        )
        total_beds += made
        total_residents += len(residents)
        if progress:
            progress("机构", i + 1, count)
    with store.write(actor) as session:  # every home opens with a login, as a real one does
        for institution_id, _name, _kind, _beds in created:
            add_user_row(session, institution_id, NewUser("admin", "院长", DEMO_PASSWORD, ADMIN))
        _remember_demo_account(session)
    return DemoSummary(count, total_beds, total_residents, 0, "admin", DEMO_PASSWORD)
