"""Buildings, floors, rooms and beds: bulk creation, service status, type changes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.ids import new_id
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import BedView
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, BedHistory, Building, Floor, Institution, Room
from mzdesk.store.outbox import insert_many
from mzdesk.store.values import length_problems

MAX_BEDS_PER_ROOM = 12
MAX_ROOMS = 500

Progress = Callable[[int, int], None]


def room_range(start: str, end: str) -> list[str]:
    """'201', '220' → ['201', …, '220'], keeping leading zeros ('01'–'12')."""
    a, b = start.strip(), end.strip()
    if not (a.isdigit() and b.isdigit()) or int(b) < int(a) or int(b) - int(a) >= MAX_ROOMS:
        raise ValidationError.single("rooms", "bed.range", start=start, end=end)
    width = len(a)
    return [str(n).zfill(width) for n in range(int(a), int(b) + 1)]


@dataclass(frozen=True)
class NewBeds:
    """3号楼 2层 rooms 201–220, 2 beds each, 护理型."""

    institution_id: uuid.UUID
    building: str
    floor: str
    rooms: Sequence[str]
    beds_per_room: int
    bed_type: BedType
    effective_on: dt.date


@dataclass(frozen=True)
class BedSpec:
    """One bed as an import row or a caller names it."""

    building: str
    floor: str
    room: str
    number: str
    bed_type: BedType
    status: BedStatus = BedStatus.FREE


class Locations:
    """Finds or creates buildings, floors and rooms of one institution within a transaction."""

    def __init__(self, session: Session, institution_id: uuid.UUID) -> None:
        self.session = session
        self.institution_id = institution_id
        self._buildings: dict[str, uuid.UUID] = {}
        self._floors: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
        self._rooms: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
        live = (Building.deleted_at.is_(None), Building.institution_id == institution_id)
        for b in session.execute(select(Building.id, Building.name).where(*live)):
            self._buildings[b.name] = b.id
        for f in session.execute(
            select(Floor.id, Floor.building_id, Floor.name).where(
                Floor.institution_id == institution_id, Floor.deleted_at.is_(None)
            )
        ):
            self._floors[(f.building_id, f.name)] = f.id
        for r in session.execute(
            select(Room.id, Room.floor_id, Room.number).where(
                Room.institution_id == institution_id, Room.deleted_at.is_(None)
            )
        ):
            self._rooms[(r.floor_id, r.number)] = r.id
        self.new_buildings: list[dict[str, object]] = []
        self.new_floors: list[dict[str, object]] = []
        self.new_rooms: list[dict[str, object]] = []

    def room(self, building: str, floor: str, room: str) -> uuid.UUID:
        b = self._buildings.get(building)
        if b is None:
            b = self._buildings[building] = new_id()
            self.new_buildings.append(
                {
                    "id": b,
                    "institution_id": self.institution_id,
                    "name": building,
                    "sort_order": len(self._buildings),
                }
            )
        f = self._floors.get((b, floor))
        if f is None:
            f = self._floors[(b, floor)] = new_id()
            self.new_floors.append(
                {
                    "id": f,
                    "institution_id": self.institution_id,
                    "building_id": b,
                    "name": floor,
                    "sort_order": _sort_key(floor),
                }
            )
        r = self._rooms.get((f, room))
        if r is None:
            r = self._rooms[(f, room)] = new_id()
            self.new_rooms.append(
                {
                    "id": r,
                    "institution_id": self.institution_id,
                    "floor_id": f,
                    "number": room,
                    "sort_order": _sort_key(room),
                }
            )
        return r

    def flush(self) -> None:
        """Write the locations created so far (before the beds that refer to them)."""
        insert_many(self.session, Building, self.new_buildings)
        insert_many(self.session, Floor, self.new_floors)
        insert_many(self.session, Room, self.new_rooms)
        self.new_buildings, self.new_floors, self.new_rooms = [], [], []


def _sort_key(name: str) -> int:
    digits = "".join(ch for ch in name if ch.isdigit())
    return int(digits[:9]) if digits else 0


def existing_bed_numbers(session: Session, institution_id: uuid.UUID) -> set[tuple[uuid.UUID, str]]:
    rows = session.execute(
        select(Bed.room_id, Bed.number).where(
            Bed.institution_id == institution_id, Bed.deleted_at.is_(None)
        )
    )
    return {(r.room_id, r.number) for r in rows}


def insert_beds(
    session: Session,
    institution_id: uuid.UUID,
    specs: Sequence[BedSpec],
    effective_on: dt.date,
    *,
    progress: Progress | None = None,
) -> list[uuid.UUID]:
    """Create beds (and missing buildings, floors, rooms) in the caller's transaction.

    Raises :class:`ValidationError` if a bed already exists; callers check first when they
    want per-row messages.
    """
    get_live(session, Institution, institution_id)
    places = Locations(session, institution_id)
    taken = existing_bed_numbers(session, institution_id)
    beds: list[dict[str, object]] = []
    history: list[dict[str, object]] = []  # only beds created out of service; see record_bed_change
    for i, spec in enumerate(specs):
        room_id = places.room(spec.building, spec.floor, spec.room)
        if (room_id, spec.number) in taken:
            raise ValidationError.single(
                "number",
                "bed.duplicate",
                label=f"{spec.building} {spec.floor} {spec.room} {spec.number}",
            )
        taken.add((room_id, spec.number))
        bed_id = new_id()
        beds.append(
            {
                "id": bed_id,
                "institution_id": institution_id,
                "room_id": room_id,
                "number": spec.number,
                "bed_type": spec.bed_type,
                "status": spec.status,
                "in_service_since": effective_on,
            }
        )
        if spec.status is BedStatus.OUT_OF_SERVICE:
            history.append(
                {
                    "institution_id": institution_id,
                    "bed_id": bed_id,
                    "effective_on": effective_on,
                    "bed_type": spec.bed_type,
                    "in_service": False,
                    "reason": "新增床位（停用）",
                }
            )
        if progress and i % 500 == 0:
            progress(i, len(specs))
    places.flush()
    ids = insert_many(session, Bed, beds)
    insert_many(session, BedHistory, history)
    if progress:
        progress(len(specs), len(specs))
    return ids


def record_bed_change(
    session: Session,
    bed: Bed,
    on: dt.date,
    *,
    bed_type: BedType,
    in_service: bool,
    reason: str | None,
    occupied: bool | None = None,
) -> None:
    """Append a change of type or service status to the bed's history (with ``occupied``,
    what a beds roster reported of its occupancy that day). Call it before changing the bed
    row.

    A bed without history rows is, since ``in_service_since``, as its row says; so history is
    only written when something changes, and the first change also writes the state the bed
    was created in. Bed statistics as of a past date read it this way.
    """
    has_history = session.scalar(select(BedHistory.id).where(BedHistory.bed_id == bed.id).limit(1))
    if has_history is None:
        session.add(
            BedHistory(
                institution_id=bed.institution_id,
                bed_id=bed.id,
                effective_on=bed.in_service_since,
                bed_type=bed.bed_type,
                in_service=bed.status is not BedStatus.OUT_OF_SERVICE,
                reason="新增床位",
            )
        )
    session.add(
        BedHistory(
            institution_id=bed.institution_id,
            bed_id=bed.id,
            effective_on=on,
            bed_type=bed_type,
            in_service=in_service,
            reason=reason,
            occupied=occupied,
        )
    )


def check_rooms(checks: Checks, rooms: Sequence[str], per_room: int) -> None:
    """The longest room number and its beds' numbers (201-1 …) fit their columns, and the
    beds per room are within bounds."""
    longest = max(rooms, key=len, default="")
    for table, number in (("rooms", longest), ("beds", f"{longest}-{per_room}")):
        for problem in length_problems(table, {"number": number}):
            if not checks.has("rooms"):
                checks.add("rooms", problem.code, **problem.params)
    if not 1 <= per_room <= MAX_BEDS_PER_ROOM and not checks.has("beds_per_room"):
        checks.add("beds_per_room", "bed.count", max=MAX_BEDS_PER_ROOM)


@operation(Permission.BEDS_EDIT)
def add_beds(store: Store, actor: Actor, request: NewBeds) -> list[BedView]:
    """Add beds in bulk: each room gets ``beds_per_room`` beds numbered 201-1, 201-2 …"""
    checks = Checks()
    building = checks.text("building", request.building, max_len=50)
    floor = checks.text("floor", request.floor, max_len=30)
    if not request.rooms:
        checks.add("rooms", "field.required")
    check_rooms(checks, request.rooms, request.beds_per_room)
    checks.done()
    assert building is not None and floor is not None
    specs = [
        BedSpec(building, floor, room, f"{room}-{k}", request.bed_type)
        for room in request.rooms
        for k in range(1, request.beds_per_room + 1)
    ]
    with store.write(actor) as session:
        ids = insert_beds(session, request.institution_id, specs, request.effective_on)
        return beds_by_id(session, ids)


# Beds as a building is walked: building, floor, room, bed.
BED_ORDER = (
    Building.sort_order,
    Building.name,
    Floor.sort_order,
    Room.sort_order,
    Room.number,
    Bed.number,
)


def bed_query() -> Select[Bed, str, str, str]:
    return (
        select(Bed, Building.name, Floor.name, Room.number)
        .join(Room, Bed.room_id == Room.id)
        .join(Floor, Room.floor_id == Floor.id)
        .join(Building, Floor.building_id == Building.id)
        .where(Bed.deleted_at.is_(None))
    )


def beds_by_id(session: Session, ids: Sequence[uuid.UUID]) -> list[BedView]:
    views: list[BedView] = []
    for chunk in range(0, len(ids), 500):
        rows = session.execute(bed_query().where(Bed.id.in_(ids[chunk : chunk + 500])))
        views += [BedView.of(bed, b, f, r) for bed, b, f, r in rows]
    order = {bed_id: i for i, bed_id in enumerate(ids)}
    return sorted(views, key=lambda v: order[v.id])


def bed_view(session: Session, bed_id: uuid.UUID) -> BedView:
    views = beds_by_id(session, [bed_id])
    if not views:
        get_live(session, Bed, bed_id)  # raises NotFoundError
    return views[0]


def list_beds(
    store: Store,
    institution_id: uuid.UUID,
    *,
    status: BedStatus | None = None,
    bed_type: BedType | None = None,
) -> list[BedView]:
    query = bed_query().where(Bed.institution_id == institution_id)
    if status is not None:
        query = query.where(Bed.status == status)
    if bed_type is not None:
        query = query.where(Bed.bed_type == bed_type)
    query = query.order_by(*BED_ORDER)
    with store.read() as session:
        return [BedView.of(bed, b, f, r) for bed, b, f, r in session.execute(query)]


@operation(Permission.BEDS_EDIT)
def take_bed_out_of_service(
    store: Store, actor: Actor, bed_id: uuid.UUID, on: dt.date, reason: str | None = None
) -> BedView:
    with store.write(actor) as session:
        bed = get_live(session, Bed, bed_id)
        label = bed_view(session, bed_id).label
        if bed.status is BedStatus.OCCUPIED:
            raise StateError("bed.occupied", label=label)
        if bed.status is BedStatus.OUT_OF_SERVICE:
            raise StateError("bed.already_out_of_service", label=label)
        record_bed_change(session, bed, on, bed_type=bed.bed_type, in_service=False, reason=reason)
        bed.status = BedStatus.OUT_OF_SERVICE
        session.flush()
        return bed_view(session, bed_id)


@operation(Permission.BEDS_EDIT)
def return_bed_to_service(store: Store, actor: Actor, bed_id: uuid.UUID, on: dt.date) -> BedView:
    with store.write(actor) as session:
        bed = get_live(session, Bed, bed_id)
        if bed.status is not BedStatus.OUT_OF_SERVICE:
            raise StateError("bed.not_out_of_service", label=bed_view(session, bed_id).label)
        record_bed_change(
            session, bed, on, bed_type=bed.bed_type, in_service=True, reason="恢复使用"
        )
        bed.status = BedStatus.FREE
        session.flush()
        return bed_view(session, bed_id)


@operation(Permission.BEDS_EDIT)
def change_bed_type(
    store: Store, actor: Actor, bed_id: uuid.UUID, bed_type: BedType, on: dt.date
) -> BedView:
    with store.write(actor) as session:
        bed = get_live(session, Bed, bed_id)
        if bed.bed_type is not bed_type:
            in_service = bed.status is not BedStatus.OUT_OF_SERVICE
            record_bed_change(
                session, bed, on, bed_type=bed_type, in_service=in_service, reason="变更床位类型"
            )
            bed.bed_type = bed_type
            session.flush()
        return bed_view(session, bed_id)
