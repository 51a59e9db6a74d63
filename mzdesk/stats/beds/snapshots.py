"""Per-institution figures kept as snapshots, valid while the institution's statistics
version (bumped by triggers) is unchanged; the rest computed and saved for next time."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import String, delete, select, type_coerce
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mzdesk.core.permissions import Actor
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.institutions import InstitutionBeds, compute_institution_beds
from mzdesk.store.engine import Store
from mzdesk.store.models import StatSnapshot, StatVersion

KEEP_SNAPSHOTS = dt.timedelta(days=30)
log = logging.getLogger(__name__)


@dataclass
class Snapshots:
    """Per-institution figures for one day: read from valid snapshots or computed; the
    computed ones are saved after the read transaction (``save_snapshots``)."""

    day: dt.date
    figures: dict[uuid.UUID, InstitutionBeds]
    fresh: dict[uuid.UUID, tuple[int, InstitutionBeds]]


def institution_beds(session: Session, scope: Scope, institutions: list[uuid.UUID]) -> Snapshots:
    """Figures for the given institutions as of the scope's day.

    A snapshot is used when its institution's ``stat_versions`` row (bumped by triggers on
    every change to beds, bed history, stays and residents) still has the version the
    snapshot was computed at; the others are computed in this same read transaction.
    """
    day = scope.day
    versions: dict[str, int] = {  # noqa: C416 (rows are not pairs to mypy)
        inst: version
        for inst, version in session.execute(
            select(type_coerce(StatVersion.institution_id, String), StatVersion.version)
        )
    }
    cached = {
        inst: (version, figures)
        for inst, version, figures in session.execute(
            select(
                type_coerce(StatSnapshot.institution_id, String),
                StatSnapshot.version,
                StatSnapshot.figures,
            ).where(StatSnapshot.day == day)
        )
    }
    result: dict[uuid.UUID, InstitutionBeds] = {}
    missing: list[uuid.UUID] = []
    for inst in institutions:
        snapshot = cached.get(inst.hex)
        if snapshot is not None and snapshot[0] == versions.get(inst.hex, 0):
            result[inst] = InstitutionBeds.from_json(snapshot[1])
        else:
            missing.append(inst)
    fresh: dict[uuid.UUID, tuple[int, InstitutionBeds]] = {}
    if missing:
        computed = compute_institution_beds(session, scope, [inst.hex for inst in missing])
        for inst in missing:
            entry = computed.get(inst.hex, InstitutionBeds())
            result[inst] = entry
            fresh[inst] = (versions.get(inst.hex, 0), entry)
    return Snapshots(day, result, fresh)


# What a query does with the figures it computed: by default it saves them at once; the
# desktop collects them and saves them on its one writer.
KeepSnapshots = Callable[[Snapshots], None]


def saving(store: Store) -> KeepSnapshots:
    return lambda snapshots: save_snapshots(store, snapshots)


def save_snapshots(store: Store, snapshots: Snapshots) -> None:
    """Keep computed figures for next time. A cache: when the database is busy or read-only
    the figures are simply computed again later."""
    if not snapshots.fresh:
        return
    rows = [
        {
            "institution_id": inst,
            "day": snapshots.day,
            "version": version,
            "figures": entry.as_json(),
            "computed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
        for inst, (version, entry) in snapshots.fresh.items()
    ]
    statement = sqlite_insert(StatSnapshot)
    statement = statement.on_conflict_do_update(
        index_elements=[StatSnapshot.institution_id, StatSnapshot.day],
        set_={
            "version": statement.excluded.version,
            "figures": statement.excluded.figures,
            "computed_at": statement.excluded.computed_at,
        },
    )
    stale = dt.datetime.now(dt.UTC).replace(tzinfo=None) - KEEP_SNAPSHOTS
    try:
        with store.write(Actor.system()) as session:  # a cache, not anyone's change
            session.execute(statement, rows)
            session.execute(delete(StatSnapshot).where(StatSnapshot.computed_at < stale))
    except OperationalError as error:
        log.info("statistics snapshots not saved: %s", error)
