"""Homes side by side: each institution in scope with its bed figures as of the scope's day,
read from the same per-institution figures as :func:`bed_statistics`, so the totals of the
rows are the headline figures."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.stats.beds.asof import Scope, institution_filter
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.beds.institutions import InstitutionBeds
from mzdesk.stats.beds.snapshots import KeepSnapshots, institution_beds, saving
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution


@dataclass(frozen=True)
class HomeFigures:
    """One home's figures (or, as :func:`totals`, all of them added up)."""

    institution_id: uuid.UUID | None  # None for the totals
    name: str
    kind: InstitutionKind | None
    region_code: str
    beds: int
    nursing_beds: int
    in_service: int
    occupied: int
    residents: int

    @property
    def nursing_share(self) -> Ratio:
        return Ratio(self.nursing_beds, self.beds)

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied, self.in_service)


def homes_side_by_side(
    store: Store, scope: Scope, keep: KeepSnapshots | None = None
) -> list[HomeFigures]:
    """Every institution in ``scope`` (all of them, however many), by name."""
    with store.read() as session:
        insts = session.execute(
            select(
                Institution.id, Institution.name, Institution.kind, Institution.region_code
            ).where(*institution_filter(scope))
        ).all()
        snapshots = institution_beds(session, scope, [inst.id for inst in insts])
    (keep or saving(store))(snapshots)
    rows = []
    for inst in sorted(insts, key=lambda i: i.name):
        entry = snapshots.figures.get(inst.id, InstitutionBeds())
        rows.append(
            HomeFigures(
                inst.id,
                inst.name,
                inst.kind,
                inst.region_code or "",
                sum(entry.by_type.values()),
                sum(n for t, n in entry.by_type.items() if t.counts_as_nursing),
                entry.in_service,
                entry.occupied,
                sum(entry.support.values()),
            )
        )
    return rows


def totals(rows: Sequence[HomeFigures], name: str = "合计") -> HomeFigures:
    return HomeFigures(
        None,
        name,
        None,
        "",
        sum(r.beds for r in rows),
        sum(r.nursing_beds for r in rows),
        sum(r.in_service for r in rows),
        sum(r.occupied for r in rows),
        sum(r.residents for r in rows),
    )
