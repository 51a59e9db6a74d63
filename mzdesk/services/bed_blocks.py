"""批量添加床位 over several floors at once, and the buildings and floors a home already has
(the dialog offers them).

A block is a building, a first and an optional last floor, a range of rooms on the first floor,
so many beds per room, one type. Over several floors the room numbers follow the floor when
they start with it, as Chinese buildings number them (2层 201–220 → 3层 301–320 …); rooms
that do not start with the floor number (01–20) repeat on each floor. Floor names keep the
first floor's spelling (2层 → 3层, 2F → 3F). All the block's beds are written in one
transaction, or none.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import BedType
from mzdesk.services.beds import (
    BedSpec,
    NewBeds,
    add_beds,
    beds_by_id,
    check_rooms,
    insert_beds,
    room_range,
)
from mzdesk.services.checks import Checks
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Building, Floor

MAX_FLOORS = 60
MAX_BLOCK_BEDS = 5000
_NUMBERED = re.compile(r"^(\D*?)(\d{1,3})(\D*)$")


@dataclass(frozen=True)
class BedBlock:
    institution_id: uuid.UUID
    building: str
    first_floor: str
    last_floor: str  # "" for one floor
    room_from: str
    room_to: str  # "" for one room
    beds_per_room: int
    bed_type: BedType
    effective_on: dt.date


def floor_plan(
    first_floor: str, last_floor: str, room_from: str, room_to: str
) -> list[tuple[str, list[str]]]:
    """The floors of a block and each floor's rooms; a ValidationError names the field."""
    first, last = first_floor.strip(), last_floor.strip()
    rooms = room_range(room_from, room_to.strip() or room_from)
    if not last or last == first:
        return [(first, rooms)]
    start, end = _NUMBERED.match(first), _NUMBERED.match(last)
    if start is None or end is None or (start[1], start[3]) != (end[1], end[3]):
        raise ValidationError.single("last_floor", "bed.floor_range", first=first, last=last)
    low, high = int(start[2]), int(end[2])
    if high <= low or high - low >= MAX_FLOORS:
        raise ValidationError.single("last_floor", "bed.floor_range", first=first, last=last)
    prefix, suffix = start[1], start[3]
    lead = str(low)
    follows_floor = all(r.startswith(lead) and len(r) > len(lead) for r in rooms)
    plan = []
    for floor in range(low, high + 1):
        on_floor = [f"{floor}{r[len(lead) :]}" for r in rooms] if follows_floor else rooms
        plan.append((f"{prefix}{floor}{suffix}", on_floor))
    return plan


@operation(Permission.BEDS_EDIT)
def add_bed_block(store: Store, actor: Actor, block: BedBlock) -> int:
    """Write every bed of the block (and its missing building, floors and rooms); returns how
    many. One floor goes through :func:`add_beds` and its checks."""
    plan = floor_plan(block.first_floor, block.last_floor, block.room_from, block.room_to)
    if len(plan) == 1:
        floor, rooms = plan[0]
        request = NewBeds(
            block.institution_id, block.building, floor, rooms, block.beds_per_room,
            block.bed_type, block.effective_on,
        )  # fmt: skip
        return len(add_beds(store, actor, request))
    checks = Checks()
    building = checks.text("building", block.building, max_len=50)
    for floor, _ in plan:
        checks.text("last_floor", floor, max_len=30)
    total = sum(len(rooms) for _, rooms in plan) * block.beds_per_room
    if total > MAX_BLOCK_BEDS:
        checks.add("last_floor", "bed.block_too_big", count=total, max=MAX_BLOCK_BEDS)
    for _, rooms in plan:  # add_beds' checks, floor by floor
        check_rooms(checks, rooms, block.beds_per_room)
    checks.done()
    assert building is not None
    specs = [
        BedSpec(building, floor, room, f"{room}-{k}", block.bed_type)
        for floor, rooms in plan
        for room in rooms
        for k in range(1, block.beds_per_room + 1)
    ]
    with store.write(actor) as session:
        ids = insert_beds(session, block.institution_id, specs, block.effective_on)
        return len(beds_by_id(session, ids))


def building_floors(store: Store, institution_id: uuid.UUID) -> dict[str, list[str]]:
    """The home's buildings in their order, each with its floors in order."""
    with store.read() as session:
        rows = session.execute(
            select(Building.name, Floor.name)
            .outerjoin(Floor, (Floor.building_id == Building.id) & Floor.deleted_at.is_(None))
            .where(Building.institution_id == institution_id, Building.deleted_at.is_(None))
            .order_by(Building.sort_order, Building.name, Floor.sort_order, Floor.name)
        )
        found: dict[str, list[str]] = {}
        for building, floor in rows:
            floors = found.setdefault(building, [])
            if floor is not None:
                floors.append(floor)
        return found
