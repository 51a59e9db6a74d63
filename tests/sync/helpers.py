"""Small helpers for the sync tests: replica dumps and direct edits."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select

from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.residents import (
    ResidentData,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
)
from mzdesk.store.engine import Store
from mzdesk.store.models import OutboxEntry, Resident
from mzdesk.store.values import synced_columns, synced_tables, to_json
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number


def dump(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row of a replica in its wire form (what must be identical everywhere)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with store.read() as session:
        for table, model in synced_tables().items():
            columns = list(synced_columns(table))
            rows = {}
            for row in session.scalars(select(model)):
                rows[str(row.id)] = {c: to_json(getattr(row, c)) for c in columns}
            if rows:
                out[table] = rows
    return out


def outbox_states(store: Store) -> dict[str, int]:
    with store.read() as session:
        return dict(
            session.execute(
                select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)
            ).all()
        )


def institution_id(store: Store) -> uuid.UUID:
    from mzdesk.store.models import Institution

    with store.read() as session:
        return session.scalars(select(Institution.id)).one()


def seed(
    store: Store, beds: int = 4, residents: int = 2, building: str = "1号楼"
) -> list[uuid.UUID]:
    """Beds and admitted residents in the (only) institution of a replica."""
    inst = institution_id(store)
    rooms = [f"{101 + i}" for i in range((beds + 1) // 2)]
    made = add_beds(
        store, SETUP, NewBeds(inst, building, "1层", rooms, 2, _nursing(), dt.date(2026, 1, 1))
    )
    ids = []
    for k in range(residents):
        view = admit_resident(
            store,
            SETUP,
            Admission(
                inst,
                ResidentData(name=f"住户{k}", id_number=id_number()),
                dt.date(2026, 2, 1),
                made[k].id,
            ),
        )
        ids.append(view.id)
    return ids


def _nursing() -> Any:
    from mzdesk.core.vocab import BedType

    return BedType.NURSING


def edit(store: Store, resident: uuid.UUID, **values: Any) -> None:
    with store.write(SETUP) as session:
        row = session.get(Resident, resident)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


def value(store: Store, resident: uuid.UUID, field: str) -> Any:
    with store.read() as session:
        return getattr(session.get(Resident, resident), field)
