"""The steps every demo child shares, through the children's use cases: 接收 (with a
fictional name and, unless a foundling, an ID number valid by checksum), 入院评估 (a second
one after a year in care) and 养育 (a new arrangement when the school stage changes in
September). The stories that string them together are in child_stories."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import CareArrangement, IntakeWay, SchoolStage, age_on
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import ChildCategory, Gender, GuardianshipType
from mzdesk.services.children import (
    Arrangement,
    Intake,
    IntakeDocument,
    receive_child,
    record_child_assessment,
    set_upbringing,
)
from mzdesk.services.demo.maker import DISTRICTS, SURNAMES, Maker
from mzdesk.services.residents import ResidentData
from mzdesk.store.engine import Store

DAY = dt.timedelta(days=1)
GIVEN_BOY = "浩然梓轩宇轩俊杰博文明轩天佑子豪思远一鸣"
GIVEN_GIRL = "欣怡雨桐诗涵若曦语嫣可馨梦琪嘉怡安琪晨曦"
FOUNDLING_SURNAMES = "党国福"  # a home names a foundling (the home's customary surnames)


# the document kept with an intake of each way (a photographed page: its caption says which)
DOCUMENTS = {
    IntakeWay.POLICE: "捡拾报案证明",
    IntakeWay.TRANSFER: "转院证明及儿童档案交接单",
    IntakeWay.COURT: "法院指定监护判决书",
    IntakeWay.CIVIL_AFFAIRS: "民政部门监护决定书",
}


@cache
def scanned_page(seed: str) -> bytes:
    """A photographed form, made up: ruled lines of "text" and a red seal (no words, so no
    font is needed; the caption names the document). The same picture for every intake of a
    way, kept once in the file store."""
    image = Image.new("RGB", (420, 560), (250, 249, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((150, 30, 270, 42), fill=(60, 60, 60))  # the title
    for row in range(18):
        y = 80 + row * 22
        width = 300 - (len(seed) * 7 + row * 37) % 120
        draw.line((50, y, 50 + width, y), fill=(90, 90, 90), width=3)
    draw.ellipse((260, 420, 370, 530), outline=(200, 30, 30), width=5)
    draw.regular_polygon((315, 475, 22), 5, fill=(200, 30, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@dataclass(frozen=True)
class Home:
    """Where the children are written: the home, its district and the beds they sleep in."""

    institution_id: uuid.UUID
    region: str
    beds: list[uuid.UUID]

    @property
    def district(self) -> str:
        return DISTRICTS.get(self.region, "")


@dataclass
class Child:
    id: uuid.UUID
    birth: dt.date
    intake: dt.date
    bed: uuid.UUID
    disability: str | None = None


def child_name(maker: Maker, gender: Gender, *, foundling: bool = False) -> str:
    rng = maker.rng
    surname = rng.choice(FOUNDLING_SURNAMES if foundling else SURNAMES)
    given = GIVEN_BOY if gender is Gender.MALE else GIVEN_GIRL
    return surname + rng.choice(given) + (rng.choice(given) if rng.random() < 0.6 else "")


def days_ago(maker: Maker, low: int, high: int) -> dt.date:
    return maker.today - maker.rng.randrange(low, high) * DAY


def _receive_child(
    store: Store,
    actor: Actor,
    maker: Maker,
    home: Home,
    bed: uuid.UUID,
    data: ResidentData,
    intake: Intake,
) -> Child:
    caption = DOCUMENTS.get(intake.way)
    documents = (
        [IntakeDocument(scanned_page(intake.way.value), caption, "image/png")] if caption else []
    )
    view = receive_child(
        store,
        actor,
        home.institution_id,
        data,
        intake,
        bed_id=bed,
        documents=documents,
        today=maker.today,
    )
    assert data.birth_date is not None
    return Child(view.id, data.birth_date, intake.intake_date, bed)


def child_data(
    maker: Maker,
    home: Home,
    birth: dt.date,
    category: ChildCategory,
    guardianship: GuardianshipType = GuardianshipType.LONG_TERM,
    *,
    foundling: bool = False,
) -> ResidentData:
    gender = maker.rng.choice(list(Gender))
    return ResidentData(
        name=child_name(maker, gender, foundling=foundling),
        # a foundling has no 身份证号 until its household is registered
        id_number=None if foundling else maker.id_number(home.region, birth, gender),
        gender=gender,
        birth_date=birth,
        ethnicity="汉族",
        child_category=category,
        guardianship_type=guardianship,
    )


def _assess_child(
    store: Store,
    actor: Actor,
    maker: Maker,
    child: Child,
    *,
    disability: tuple[str, str] | None = None,
    delayed: bool = False,
) -> None:
    """入院评估 a few days after the intake; a child in care over a year is assessed again."""
    rng = maker.rng
    answers = {item.id: item.options[0].code for item in child_scheme().items}
    answers["H2"] = rng.choices(("normal", "under"), weights=(4, 1))[0]
    if disability:
        answers["D1"], answers["D2"] = disability
        answers["H1"] = rng.choice(("fair", "poor"))
        answers["H4"] = rng.choice(("no", "yes"))
        child.disability = disability[0]
    for item in ("V1", "V2", "V3", "V4", "V5"):
        if delayed and rng.random() < 0.6:
            answers[item] = rng.choice(("mild", "marked"))
    if rng.random() < 0.25:
        answers["P1"] = "anxious"
    first = min(maker.today, child.intake + rng.randrange(2, 10) * DAY)
    assessors = ("市儿童医院 王医生", "院内医务室 周医生", "市残联评定中心 孙医生")
    record_child_assessment(
        store, actor, child.id, first, rng.choice(assessors), answers, today=maker.today
    )
    if (maker.today - first).days > 400:
        again = dict(answers, P1="stable", H2="normal")
        record_child_assessment(
            store, actor, child.id, first + 365 * DAY, "院内医务室 周医生", again, today=maker.today
        )


def school_stage(birth: dt.date, on: dt.date, disability: str | None) -> SchoolStage:
    age = age_on(birth, on)
    if age < 3:
        return SchoolStage.NOT_YET
    if age < 6:
        return SchoolStage.PRESCHOOL
    if disability in ("intellectual", "multiple", "hearing", "vision"):
        return SchoolStage.SPECIAL
    if age < 12:
        return SchoolStage.PRIMARY
    if age < 15:
        return SchoolStage.JUNIOR
    return SchoolStage.SENIOR if birth.day % 2 else SchoolStage.VOCATIONAL


REHABILITATION = {
    "physical": "肢体康复训练（PT/OT）每周三次",
    "intellectual": "认知与生活自理训练每周三次",
    "hearing": "佩戴助听器，听觉言语康复训练",
    "vision": "定向行走与盲文启蒙训练",
    "speech": "语言训练每周两次",
    "mental": "孤独症谱系行为干预（ABA）",
    "multiple": "综合康复训练，每日一次",
}
MEDICAL = ("先天性心脏病术后定期复查", "唇腭裂修复术后随访", "癫痫，规律服药，每月复诊")


def schools(home: Home, stage: SchoolStage) -> str | None:
    return {
        SchoolStage.PRESCHOOL: f"{home.district}阳光幼儿园",
        SchoolStage.PRIMARY: f"{home.district}启明小学",
        SchoolStage.JUNIOR: f"{home.district}育才中学",
        SchoolStage.SENIOR: "青岛市第六十中学",
        SchoolStage.VOCATIONAL: "青岛市技师学院",
        SchoolStage.SPECIAL: "青岛市启智学校",
    }.get(stage)


def _bring_up(
    store: Store, actor: Actor, maker: Maker, home: Home, child: Child, until: dt.date
) -> None:
    """养育 from a week after the intake, and a new arrangement each September the child's
    school stage changes (at most two), up to ``until``."""
    rng = maker.rng
    start = min(maker.today, until, child.intake + rng.randrange(5, 15) * DAY)
    days: list[dt.date] = [start]
    year = start.year if start < dt.date(start.year, 9, 1) else start.year + 1
    while dt.date(year, 9, 1) < until and len(days) < 3:
        september = dt.date(year, 9, 1)
        if school_stage(child.birth, september, child.disability) != school_stage(
            child.birth, days[-1], child.disability
        ):
            days.append(september)
        year += 1
    for i, on in enumerate(days):
        stage = school_stage(child.birth, on, child.disability)
        medical = child.disability in ("multiple", "physical") and age_on(child.birth, on) < 6
        if medical:
            arrangement, group = CareArrangement.MEDICAL, "医疗康复区一病区"
        elif age_on(child.birth, on) < 3:
            arrangement, group = CareArrangement.UNIT, rng.choice(("婴幼儿一组", "婴幼儿二组"))
        else:
            arrangement = CareArrangement.FAMILY_GROUP
            group = rng.choice(("阳光家庭", "彩虹家庭", "向日葵家庭", "小星星家庭"))
        set_upbringing(
            store,
            actor,
            child.id,
            Arrangement(
                on,
                arrangement,
                stage,
                group_name=group,
                school_name=schools(home, stage),
                rehabilitation=REHABILITATION.get(child.disability or ""),
                medical=rng.choice(MEDICAL) if medical or rng.random() < 0.1 else None,
                note="升学，调整养育安排" if i else None,
            ),
            today=maker.today,
        )
