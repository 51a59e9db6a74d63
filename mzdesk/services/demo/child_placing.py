"""The demo children's 安置: foster families and their visits, adoptions, returns to the
family and placements on coming of age, each through the placement use cases."""

from __future__ import annotations

import datetime as dt
import uuid

from mzdesk.core.children import PlacementKind
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import Gender
from mzdesk.services.children import Placement, end_foster_care, place_child, record_visit
from mzdesk.services.demo.maker import DISTRICTS, SURNAMES, Maker
from mzdesk.store.engine import Store

DAY = dt.timedelta(days=1)
VISIT_EVERY = 60  # days between 回访 of a foster placement
VISITORS = ("社工 刘晓雯", "社工 陈立", "寄养部 王主任")
FINDINGS = (
    "孩子适应良好，与寄养家庭关系融洽，按时上学",
    "生长发育正常，寄养父母照料细致，家中居住条件良好",
    "孩子近期感冒已愈，康复训练按计划进行",
    "情绪稳定，学习有进步，建议继续关注营养",
)


def _family(maker: Maker, region: str) -> tuple[str, str, str, str]:
    """A fictional couple: (name, the husband's 身份证号, address, phone)."""
    rng = maker.rng
    surname = rng.choice(SURNAMES)
    husband = surname + rng.choice(("建军", "国华", "志勇", "海波", "立新"))
    wife = rng.choice(SURNAMES) + rng.choice(("秀梅", "丽萍", "春燕", "桂芳", "晓红"))
    birth = maker.date_between(dt.date(1970, 1, 1), dt.date(1988, 12, 31))
    district = DISTRICTS.get(region, "")
    address = (
        f"山东省青岛市{district}{rng.choice(('福州', '重庆', '黑龙江', '金水'))}路"
        f"{rng.randrange(1, 300)}号{rng.randrange(1, 6)}单元{rng.randrange(101, 1802)}户"
    )
    return (
        f"{husband}、{wife}夫妇",
        maker.id_number(region, birth, Gender.MALE),
        address,
        maker.phone(),
    )


def _foster_child(
    store: Store,
    actor: Actor,
    maker: Maker,
    region: str,
    child_id: uuid.UUID,
    start: dt.date,
    *,
    due: bool = False,
    back_to: uuid.UUID | None = None,
) -> None:
    """家庭寄养 from ``start``, visited every two months up to today (the last visit left out
    when ``due``: the next one is then overdue). With ``back_to`` the child comes back into
    that bed after a while, the family no longer able to foster."""
    rng = maker.rng
    name, id_number, address, phone = _family(maker, region)
    placement = place_child(
        store,
        actor,
        child_id,
        Placement(
            PlacementKind.FOSTER,
            start,
            family_name=name,
            family_id_number=id_number,
            family_address=address,
            family_phone=phone,
            agreement_number=f"JY{start.year}-{rng.randrange(1, 60):03d}",
            next_visit_due=start + VISIT_EVERY * DAY,
        ),
        today=maker.today,
    )
    until = maker.today
    if back_to is not None:
        until = min(maker.today - 5 * DAY, start + rng.randrange(70, 250) * DAY)
    visits = []
    on = start + VISIT_EVERY * DAY
    while on <= until:
        visits.append(on)
        on += VISIT_EVERY * DAY
    if due and visits and visits[-1] + VISIT_EVERY * DAY > maker.today:
        visits.pop()  # the last round was missed: its visit is overdue today
    for visited in visits:
        record_visit(
            store,
            actor,
            placement,
            visited,
            rng.choice(VISITORS),
            rng.choice(FINDINGS),
            next_visit_due=visited + VISIT_EVERY * DAY,
            today=maker.today,
        )
    if back_to is not None:
        end_foster_care(
            store,
            actor,
            child_id,
            until,
            "寄养家庭因工作调动无法继续寄养，儿童回院养育",
            bed_id=back_to,
            today=maker.today,
        )


def _adopt_child(
    store: Store, actor: Actor, maker: Maker, child_id: uuid.UUID, on: dt.date
) -> None:
    rng = maker.rng
    name, id_number, address, phone = _family(maker, rng.choice(list(DISTRICTS)))
    place_child(
        store,
        actor,
        child_id,
        Placement(
            PlacementKind.ADOPTION,
            on,
            family_name=name,
            family_id_number=id_number,
            family_address=address,
            family_phone=phone,
            agreement_number=f"收登字{on.year}-{rng.randrange(1, 99):02d}",
        ),
        today=maker.today,
    )


def _return_child_home(
    store: Store, actor: Actor, maker: Maker, child_id: uuid.UUID, on: dt.date, family: str
) -> None:
    place_child(
        store,
        actor,
        child_id,
        Placement(
            PlacementKind.FAMILY_RETURN,
            on,
            family_name=family,
            family_phone=maker.phone(),
            note="经评估监护能力恢复，社工回访三次后结案",
        ),
        today=maker.today,
    )


def _place_adult(
    store: Store, actor: Actor, maker: Maker, child_id: uuid.UUID, on: dt.date
) -> None:
    """成年安置: work found with the home's help, a public rental flat."""
    place_child(
        store,
        actor,
        child_id,
        Placement(
            PlacementKind.ADULTHOOD,
            on,
            family_name="本人（就业安置）",
            family_address="青岛市公共租赁住房 李沧区四流中路88号",
            family_phone=maker.phone(),
            note="年满18周岁，就业于青岛某物业公司，申请公租房并享受成年孤儿安置政策",
        ),
        today=maker.today,
    )
