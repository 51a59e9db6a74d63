"""The demo's children: each one's path written through the children's use cases (接收, 寻亲公告,
入院评估, 养育, 安置, 离院), as staff would record it, on the dates it happened.

Every child follows one *story* (a foundling whose notice is still running, a child in family
foster care whose visit is due, an adoption …). The stories are dealt in a fixed cycle, so any
home of 19 children or more has every case the figures and the 首页 are there to show; the
details (names, ages, dates within the story's window) come from the demo's seeded random
source, so a seed always gives the same children. Each child has a bed of its own: a bed is
never shared over time, so the order in which the children are written does not matter.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from mzdesk.core.children import IntakeWay, NoticeStatus
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import ChildCategory, DischargeReason, Gender, GuardianshipType
from mzdesk.services.children import Intake, child_leaves, close_notice, publish_notice
from mzdesk.services.demo.child_path import (
    DAY,
    Child,
    Home,
    _assess_child,
    _bring_up,
    _receive_child,
    child_data,
    child_name,
    days_ago,
)
from mzdesk.services.demo.child_placing import (
    _adopt_child,
    _foster_child,
    _place_adult,
    _return_child_home,
)
from mzdesk.services.demo.maker import Maker
from mzdesk.store.engine import Store

_Story = Callable[[Store, Actor, Maker, Home, uuid.UUID], None]

# one cycle of stories; any home of len(STORIES) children or more has every case
STORIES: tuple[str, ...] = (
    "foundling_running",
    "orphan",
    "foster",
    "foundling_past",
    "court",
    "foster_due",
    "foundling_claimed",
    "transfer_in",
    "adopted",
    "disabled",
    "adult",
    "foundling_withdrawn",
    "leaves_transfer",
    "foster_ended",
    "family_return",
    "orphan",
    "leaves_other",
    "disabled",
    "transfer_in",
)


def _add_children(
    store: Store, actor: Actor, maker: Maker, home: Home, count: int
) -> dict[str, int]:
    """``count`` children (at most one per bed) following the stories in turn; returns how
    many followed each story."""
    made: dict[str, int] = {}
    for index in range(min(count, len(home.beds))):
        story = STORIES[index % len(STORIES)]
        _STORY[story](store, actor, maker, home, home.beds[index])
        made[story] = made.get(story, 0) + 1
    return made


def _foundling(
    store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID, intake: dt.date
) -> tuple[Child, uuid.UUID, dt.date]:
    """An infant brought by the police, received, its notice published a few days later."""
    rng = maker.rng
    found = intake - rng.randrange(0, 2) * DAY
    birth = found - rng.randrange(3, 200) * DAY
    disabled = rng.random() < 0.4
    category = ChildCategory.DISABLED if disabled else ChildCategory.ABANDONED_INFANT
    child = _receive_child(
        store,
        actor,
        maker,
        home,
        bed,
        child_data(maker, home, birth, category, foundling=True),
        Intake(
            IntakeWay.POLICE,
            intake,
            found_on=found,
            found_place=rng.choice(
                (f"{home.district}妇幼保健院门口", f"{home.district}火车站候车室", "某小区楼道")
            ),
            brought_by=f"{home.district}{rng.choice('东西南北中')}派出所",
            police_report_number=f"JB{found:%Y%m%d}-{rng.randrange(100):02d}",
            birth_family="不详",
        ),
    )
    if disabled:
        disability = rng.choice((("physical", "2"), ("multiple", "1"), ("hearing", "3")))
    _assess_child(store, actor, maker, child, disability=disability if disabled else None)
    published = min(maker.today, intake + rng.randrange(2, 8) * DAY)
    notice = publish_notice(
        store,
        actor,
        child.id,
        published,
        publication=rng.choice(("青岛日报", "山东法制报", "全国儿童福利信息管理系统寻亲公告")),
        today=maker.today,
    )
    return child, notice, published


def _foundling_running(
    store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID
) -> None:
    child, _notice, _on = _foundling(store, actor, maker, home, bed, days_ago(maker, 10, 50))
    _bring_up(store, actor, maker, home, child, maker.today)


def _foundling_past(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
    """Unclaimed past its period: the notice runs on, the figures flag it for closing."""
    child, _notice, _on = _foundling(store, actor, maker, home, bed, days_ago(maker, 110, 700))
    _bring_up(store, actor, maker, home, child, maker.today)


def _foundling_withdrawn(
    store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID
) -> None:
    child, notice, published = _foundling(store, actor, maker, home, bed, days_ago(maker, 120, 900))
    close_notice(
        store,
        actor,
        notice,
        NoticeStatus.WITHDRAWN,
        published + maker.rng.randrange(10, 40) * DAY,
        note="经公安机关查明身份，父母均已死亡，改按孤儿办理",
        today=maker.today,
    )
    _bring_up(store, actor, maker, home, child, maker.today)


def _foundling_claimed(
    store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID
) -> None:
    """The mother came forward within the period; the child went home with her."""
    rng = maker.rng
    child, notice, published = _foundling(store, actor, maker, home, bed, days_ago(maker, 90, 1000))
    claimed = published + rng.randrange(5, 40) * DAY
    mother = child_name(maker, Gender.FEMALE)[:1] + rng.choice(("秀丽", "晓梅", "丽娟", "小燕"))
    close_notice(
        store,
        actor,
        notice,
        NoticeStatus.CLAIMED,
        claimed,
        claimed_by=f"生母 {mother}",
        today=maker.today,
    )
    _bring_up(store, actor, maker, home, child, claimed)
    _return_child_home(
        store, actor, maker, child.id, claimed + rng.randrange(7, 20) * DAY, f"生母 {mother}"
    )


def _foundling_adopted(
    store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID
) -> None:
    """Unclaimed after the period: the notice is closed, the child adopted months later."""
    rng = maker.rng
    child, notice, published = _foundling(store, actor, maker, home, bed, days_ago(maker, 250, 900))
    ended = published + 61 * DAY
    close_notice(
        store,
        actor,
        notice,
        NoticeStatus.LAPSED,
        ended,
        note="按查找不到生父母的儿童办理",
        today=maker.today,
    )
    adopted = min(maker.today - 10 * DAY, ended + rng.randrange(90, 300) * DAY)
    _bring_up(store, actor, maker, home, child, adopted)
    _adopt_child(store, actor, maker, child.id, adopted)


def _older(
    store: Store,
    actor: Actor,
    maker: Maker,
    home: Home,
    bed: uuid.UUID,
    way: IntakeWay,
    *,
    earliest: int = 1090,
    latest: int = 30,
    age: tuple[int, int] = (2, 15),
    disabled: bool = False,
) -> Child:
    """A child received at ``age`` years (not a foundling) ``latest`` to ``earliest`` days
    ago, and assessed."""
    rng = maker.rng
    intake = days_ago(maker, latest, earliest)
    birth = intake - rng.randrange(age[0] * 365, age[1] * 365) * DAY
    category = {
        IntakeWay.COURT: ChildCategory.DE_FACTO_UNSUPPORTED,
        IntakeWay.CIVIL_AFFAIRS: rng.choice(
            (ChildCategory.ORPHAN, ChildCategory.ORPHAN, ChildCategory.EXTREME_POVERTY_MINOR)
        ),
    }.get(way, ChildCategory.ORPHAN)
    if disabled:
        category = ChildCategory.DISABLED
    details = {
        IntakeWay.TRANSFER: Intake(
            way, intake, transferred_from=rng.choice(("平度市儿童福利院", "莱西市社会福利中心"))
        ),
        IntakeWay.COURT: Intake(
            way,
            intake,
            court_ruling=f"({intake.year}) 鲁0213民特{rng.randrange(10, 99)}号",
            birth_family="父亲服刑，母亲下落不明",
        ),
        IntakeWay.CIVIL_AFFAIRS: Intake(way, intake, birth_family="父母均已死亡，无其他监护人"),
    }.get(way, Intake(way, intake, note="医院救治后无人接回，由卫健部门移送"))
    child = _receive_child(
        store,
        actor,
        maker,
        home,
        bed,
        child_data(maker, home, birth, category),
        details,
    )
    disability = None
    if disabled:
        disability = rng.choice(
            (("intellectual", "2"), ("mental", "2"), ("physical", "3"), ("speech", "4"))
        )
    _assess_child(store, actor, maker, child, disability=disability, delayed=disabled)
    return child


def _in_house(way: IntakeWay, *, disabled: bool = False) -> _Story:
    def story(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
        child = _older(store, actor, maker, home, bed, way, disabled=disabled)
        _bring_up(store, actor, maker, home, child, maker.today)

    return story


def _fostered(due: bool = False, ended: bool = False) -> _Story:
    def story(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
        child = _older(
            store, actor, maker, home, bed, IntakeWay.CIVIL_AFFAIRS, latest=120, age=(1, 10)
        )
        # placed within the last year or so, at least a month after the intake
        start = max(child.intake + 30 * DAY, days_ago(maker, 90, 420))
        _bring_up(store, actor, maker, home, child, start)
        _foster_child(
            store,
            actor,
            maker,
            home.region,
            child.id,
            start,
            due=due,
            back_to=bed if ended else None,
        )

    return story


def _adult(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
    """Received at 15–16, placed on coming of age (a job and a rented flat)."""
    rng = maker.rng
    birth = maker.today - (18 * 365 + rng.randrange(40, 300)) * DAY
    intake = days_ago(maker, 700, 1090)
    came_of_age = dt.date(birth.year + 18, birth.month, 28 if birth.day > 28 else birth.day)
    child = _receive_child(
        store,
        actor,
        maker,
        home,
        bed,
        child_data(maker, home, birth, ChildCategory.ORPHAN),
        Intake(IntakeWay.CIVIL_AFFAIRS, intake, birth_family="父母均已死亡"),
    )
    _assess_child(store, actor, maker, child)
    placed = came_of_age + rng.randrange(5, 30) * DAY
    _bring_up(store, actor, maker, home, child, placed)
    _place_adult(store, actor, maker, child.id, placed)


def _family_return(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
    """Temporary guardianship while the father served a sentence; back with him after it."""
    rng = maker.rng
    intake = days_ago(maker, 300, 1000)
    birth = intake - rng.randrange(3 * 365, 12 * 365) * DAY
    data = child_data(
        maker, home, birth, ChildCategory.DE_FACTO_UNSUPPORTED, GuardianshipType.TEMPORARY
    )
    child = _receive_child(
        store,
        actor,
        maker,
        home,
        bed,
        data,
        Intake(IntakeWay.CIVIL_AFFAIRS, intake, birth_family="父亲服刑，母亲离家多年无音讯"),
    )
    _assess_child(store, actor, maker, child)
    back = intake + rng.randrange(150, 290) * DAY
    _bring_up(store, actor, maker, home, child, back)
    father = data.name[:1] + rng.choice(("建华", "志刚", "海涛"))
    _return_child_home(store, actor, maker, child.id, back, f"生父 {father}")


def _leaves(reason: DischargeReason, way: IntakeWay, note: str) -> _Story:
    def story(store: Store, actor: Actor, maker: Maker, home: Home, bed: uuid.UUID) -> None:
        child = _older(store, actor, maker, home, bed, way, earliest=1000, disabled=True)
        left = min(maker.today - 3 * DAY, child.intake + maker.rng.randrange(90, 400) * DAY)
        _bring_up(store, actor, maker, home, child, left)
        child_leaves(store, actor, child.id, left, reason, note=note, today=maker.today)

    return story


_STORY: dict[str, _Story] = {
    "foundling_running": _foundling_running,
    "foundling_past": _foundling_past,
    "foundling_withdrawn": _foundling_withdrawn,
    "foundling_claimed": _foundling_claimed,
    "adopted": _foundling_adopted,
    "orphan": _in_house(IntakeWay.CIVIL_AFFAIRS),
    "court": _in_house(IntakeWay.COURT),
    "transfer_in": _in_house(IntakeWay.TRANSFER),
    "disabled": _in_house(IntakeWay.TRANSFER, disabled=True),
    "foster": _fostered(),
    "foster_due": _fostered(due=True),
    "foster_ended": _fostered(ended=True),
    "adult": _adult,
    "family_return": _family_return,
    "leaves_transfer": _leaves(
        DischargeReason.TRANSFER, IntakeWay.TRANSFER, "转至青岛市儿童福利院康复中心长期康复"
    ),
    "leaves_other": _leaves(
        DischargeReason.OTHER,
        IntakeWay.OTHER,
        "随学校迁往外省特殊教育学校寄宿，监护职责移交当地民政部门",
    ),
}
