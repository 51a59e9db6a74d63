"""``city``: about 100 institutions and 10,000 beds across the districts of one city."""

from __future__ import annotations

import uuid

from mzdesk.core.permissions import ADMIN, Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.demo.accounts import DEMO_PASSWORD, remember_demo_account
from mzdesk.services.demo.children_home import _add_children_home
from mzdesk.services.demo.city_staff import _staff_city
from mzdesk.services.demo.maker import (
    DISTRICTS,
    DemoSummary,
    Maker,
    Progress,
    _populate,
    institution_data,
)
from mzdesk.services.institutions import add_institution
from mzdesk.services.users import NewUser, add_user_row
from mzdesk.store.engine import Store


def _make_city(store: Store, actor: Actor, maker: Maker, progress: Progress | None) -> DemoSummary:
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
            institution = add_institution(session, institution_data(maker, i, region, kind, name))
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
        if kind is InstitutionKind.CHILDREN_HOME:
            # children on their paths (smaller than the site's home), so region figures show
            made, children = _add_children_home(
                store, actor, maker, institution_id, region, rng.randrange(20, 26)
            )
            total_beds += made
            total_residents += children
            if progress:
                progress("机构", i + 1, count)
            continue
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
    workers = _staff_city(
        store,
        actor,
        maker,
        [
            (institution_id, list(DISTRICTS)[i % len(DISTRICTS)], kind, round(beds * scale_to))
            for i, (institution_id, _name, kind, beds) in enumerate(created)
        ],
    )
    with store.write(actor) as session:  # every home opens with a login, as a real one does
        for institution_id, _name, _kind, _beds in created:
            add_user_row(session, institution_id, NewUser("admin", "院长", DEMO_PASSWORD, ADMIN))
        # the bureau's account (民政局: figures and inspections, no admissions)
        add_user_row(
            session, created[0][0], NewUser("bureau", "民政局 赵科长", DEMO_PASSWORD, "bureau")
        )
        remember_demo_account(session)
    return DemoSummary(count, total_beds, total_residents, workers, "admin", DEMO_PASSWORD)
