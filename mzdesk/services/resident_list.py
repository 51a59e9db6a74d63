"""The resident list: filtering, sorting and paging in SQL, so it stays fast at 100,000 rows."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.vocab import AbilityLevel, Gender, ResidentStatus, SupportType
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Building, Floor, Resident, Room


class SortKey(StrEnum):
    NAME = "name"
    BED = "bed"
    ADMISSION = "admission"
    AGE = "age"
    STATUS = "status"
    LEVEL = "level"


@dataclass(frozen=True)
class ResidentFilter:
    institution_id: uuid.UUID | None = None
    text: str = ""
    statuses: tuple[ResidentStatus, ...] = (ResidentStatus.IN_HOUSE, ResidentStatus.ON_LEAVE)
    support_type: SupportType | None = None
    ability_level: AbilityLevel | None = None


@dataclass(frozen=True)
class ResidentRow:
    id: uuid.UUID
    name: str
    gender: Gender | None
    birth_date: dt.date | None
    id_number: str | None
    bed_label: str
    status: ResidentStatus
    support_type: SupportType | None
    ability_level: AbilityLevel | None
    admission_date: dt.date

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def _conditions(f: ResidentFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Resident.deleted_at.is_(None)]
    if f.institution_id is not None:
        conditions.append(Resident.institution_id == f.institution_id)
    if f.statuses:
        conditions.append(Resident.status.in_(f.statuses))
    if f.support_type is not None:
        conditions.append(Resident.support_type == f.support_type)
    if f.ability_level is not None:
        conditions.append(Resident.ability_level == f.ability_level)
    text = "".join(f.text.split())
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        if escaped.isascii() and escaped.isalpha():
            # pinyin initials: the start of any reading (zsf, or zs while typing)
            key = escaped.lower()
            conditions.append(
                or_(
                    Resident.name_initials.like(f"{key}%", escape="\\"),
                    Resident.name_initials.like(f"% {key}%", escape="\\"),
                )
            )
        elif escaped.rstrip("xX").isdigit():
            # last digits of the ID number, or a bed / room number
            conditions.append(
                or_(
                    Resident.id_number.like(f"%{escaped.upper()}", escape="\\"),
                    Bed.number.like(f"{escaped}%", escape="\\"),
                    Room.number.like(f"{escaped}%", escape="\\"),
                )
            )
        else:
            conditions.append(
                or_(
                    Resident.name.like(f"%{escaped}%", escape="\\"),
                    Bed.number.like(f"%{escaped}%", escape="\\"),
                )
            )
    return conditions


def _base(columns: Any, f: ResidentFilter) -> Select[Any]:
    return (
        select(*columns)
        .select_from(Resident)
        .outerjoin(Bed, Resident.bed_id == Bed.id)
        .outerjoin(Room, Bed.room_id == Room.id)
        .outerjoin(Floor, Room.floor_id == Floor.id)
        .outerjoin(Building, Floor.building_id == Building.id)
        .where(and_(*_conditions(f)))
    )


def count_residents(store: Store, f: ResidentFilter) -> int:
    with store.read() as session:
        return session.scalar(_base([func.count()], f)) or 0


_ORDER = {
    SortKey.NAME: (Resident.name_initials, Resident.name),
    SortKey.BED: (Building.name, Floor.sort_order, Room.sort_order, Bed.number),
    SortKey.ADMISSION: (Resident.admission_date,),
    SortKey.AGE: (Resident.birth_date,),
    SortKey.STATUS: (Resident.status,),
    SortKey.LEVEL: (Resident.ability_level,),
}


def page_residents(
    store: Store,
    f: ResidentFilter,
    *,
    sort: SortKey = SortKey.BED,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[ResidentRow]:
    columns = (
        Resident.id,
        Resident.name,
        Resident.gender,
        Resident.birth_date,
        Resident.id_number,
        Building.name.label("building"),
        Floor.name.label("floor"),
        Room.number.label("room"),
        Bed.number.label("bed"),
        Resident.status,
        Resident.support_type,
        Resident.ability_level,
        Resident.admission_date,
    )
    order = [c.desc() if descending else c.asc() for c in _ORDER[sort]] + [Resident.id]
    query = _base(columns, f).order_by(*order).offset(offset).limit(limit)
    with store.read() as session:
        return [
            ResidentRow(
                r.id,
                r.name,
                r.gender,
                r.birth_date,
                r.id_number,
                _bed_label(r.building, r.floor, r.room, r.bed),
                r.status,
                r.support_type,
                r.ability_level,
                r.admission_date,
            )
            for r in session.execute(query)
        ]


def _bed_label(building: str | None, floor: str | None, room: str | None, bed: str | None) -> str:
    if bed is None:
        return ""
    if room and bed.startswith(room):
        return f"{building} {bed}"
    return f"{building} {room}-{bed}"
