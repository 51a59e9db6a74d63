"""The demo maker: the homes it fills must pass the same checks as any admission."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.demo.maker import Maker, _populate
from mzdesk.services.institutions import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.models import Resident
from tests.helpers.actors import SETUP


def test_children_are_admitted_on_or_after_their_birth(
    store: Store, children_home: InstitutionView
) -> None:
    # A home opened years ago takes in children born after it opened (the city demo failed
    # with "入住日期早于出生日期" on days when a child was drawn born after the admission date).
    maker = Maker(seed=7, today=dt.date(2026, 12, 2))
    _beds, residents = _populate(
        store, SETUP, maker, children_home.id, "370202", InstitutionKind.CHILDREN_HOME,
        bed_count=80, occupancy=1.0, nursing_share=0.0,
    )  # fmt: skip
    assert len(residents) > 60
    with store.read() as session:
        rows = session.execute(select(Resident.birth_date, Resident.admission_date)).all()
    assert rows and all(admitted >= born for born, admitted in rows)
