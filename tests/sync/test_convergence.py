"""Property: random edits on three replicas, synced in a random order, end identical once
everyone has synced (sync.md 3 and 4) — values, tombstones and the conflict lists."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mzdesk.store.models import Contact, Resident
from mzdesk.sync.review import open_conflicts
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, institution_id, seed

FIELDS = {
    "phone": st.sampled_from(["13800000001", "13800000002", None]),
    "note": st.sampled_from(["安静", "爱聊天", "需陪护", None]),
    "ethnicity": st.sampled_from(["汉族", "回族", "满族"]),
}

edit_step = st.tuples(
    st.just("edit"),
    st.integers(0, 2),  # replica
    st.integers(0, 1),  # resident
    st.sampled_from(sorted(FIELDS)),
    st.data(),
)
steps = st.lists(
    st.one_of(
        edit_step,
        st.tuples(st.just("sync"), st.integers(0, 2)),
        st.tuples(st.just("add_contact"), st.integers(0, 2), st.integers(0, 1)),
        st.tuples(st.just("delete_contact"), st.integers(0, 2)),
    ),
    min_size=1,
    max_size=14,
)
_homes = itertools.count(1)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=steps)
def test_random_edits_and_sync_orders_converge(server, tmp_path_factory, script):
    tmp = tmp_path_factory.mktemp("replicas")
    name = f"收敛测试院{next(_homes)}"
    server.institution(name)
    first = new_client(tmp, server, server.code(institution=name))
    sync(first)
    residents = seed(first, beds=2, residents=2)
    sync(first)
    replicas = [first]
    for _ in range(2):
        other = new_client(tmp, server, server.code(institution=name))
        sync(other)
        replicas.append(other)

    for step in script:
        kind = step[0]
        if kind == "sync":
            sync(replicas[step[1]])
        elif kind == "edit":
            _, who, which, field, data = step
            new_value = data.draw(FIELDS[field])
            with replicas[who].write(SETUP) as session:
                row = session.get(Resident, residents[which])
                setattr(row, field, new_value)
        elif kind == "add_contact":
            _, who, which = step
            store = replicas[who]
            with store.write(SETUP) as session:
                session.add(
                    Contact(
                        id=uuid.uuid4(),
                        institution_id=institution_id(store),
                        resident_id=residents[which],
                        name="联系人",
                    )
                )
        elif kind == "delete_contact":
            store = replicas[step[1]]
            with store.write(SETUP) as session:
                live = session.scalars(
                    select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.id)
                ).first()
                if live is not None:
                    live.deleted_at = dt.datetime(2026, 5, 1)

    for store in replicas + replicas:  # everyone syncs, twice round
        sync(store)
    dumps = [dump(store) for store in replicas]
    assert dumps[0] == dumps[1] == dumps[2]
    conflicts = [sorted((c.id, c.field, c.resolved) for c in open_conflicts(s)) for s in replicas]
    assert conflicts[0] == conflicts[1] == conflicts[2]
    for store in replicas:
        assert sync_status(store)["pending"] == 0
        assert sync_status(store)["quarantined"] == 0
