"""The children's figures of each children's home in a scope, side by side (a region or all):
each row is :func:`children_statistics` for that one home, so the rows add up to the figures
of the scope (a child belongs to one home)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import ChildFigures, children_statistics, homes_in_scope
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution


@dataclass(frozen=True)
class HomeChildren:
    institution_id: uuid.UUID
    name: str
    region_code: str
    figures: ChildFigures


def children_homes(store: Store, scope: Scope) -> list[tuple[uuid.UUID, str, str]]:
    """(id, name, region code) of the children's homes the figures of ``scope`` count, by name."""
    with store.read() as session:
        rows = session.execute(
            select(Institution.id, Institution.name, Institution.region_code).where(
                *homes_in_scope(scope)
            )
        ).all()
    return sorted(((r.id, r.name, r.region_code or "") for r in rows), key=lambda r: r[1])


def children_side_by_side(
    store: Store, scope: Scope, period: tuple[dt.date, dt.date] | None = None
) -> list[HomeChildren]:
    """Every children's home of ``scope`` with its own figures as of the scope's day."""
    return [
        HomeChildren(
            home,
            name,
            region,
            children_statistics(store, Scope(home, None, scope.day), period),
        )
        for home, name, region in children_homes(store, scope)
    ]
