"""The makings of demo data: names, ID numbers, dates and phone numbers from one seeded
random source (so a seed always gives the same data), institutions, bed layouts, residents,
and one home's beds and residents written in one transaction."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from mzdesk.core.assessment import default_scheme
from mzdesk.core.identifiers import make_id_number, make_uscc
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    ChildCategory,
    Gender,
    Grade,
    GuardianshipType,
    InstitutionKind,
    Operation,
    PaymentMethod,
    Positioning,
    Relationship,
    SupportType,
)
from mzdesk.services.beds import BedSpec, insert_beds
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.residents import ContactData, ResidentData
from mzdesk.services.stays import Admission, admit
from mzdesk.store.engine import Store

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


@dataclass(frozen=True)
class DemoSummary:
    institutions: int
    beds: int
    residents: int
    workers: int
    admin_username: str | None
    admin_password: str | None


class Maker:
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


def institution_data(
    maker: Maker, index: int, region: str, kind: InstitutionKind, name: str
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


def layout(maker: Maker, beds_wanted: int, nursing_share: float) -> list[BedSpec]:
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


def make_resident(maker: Maker, region: str, kind: InstitutionKind) -> ResidentData:
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


def answers(maker: Maker, frailty: float) -> dict[str, int]:
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


def _populate(
    store: Store,
    actor: Actor,
    maker: Maker,
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
        specs = layout(maker, bed_count, nursing_share)
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
            data = make_resident(maker, maker.rng.choice(list(DISTRICTS)), kind)
            # a child born after the home opened is admitted after birth, never before
            admitted = maker.date_between(
                max(opened, data.birth_date or opened), maker.today - dt.timedelta(days=3)
            )
            row = admit(
                session, Admission(institution_id, data, admitted, bed_id), today=maker.today
            )
            residents.append(row.id)
    return len(specs), residents
