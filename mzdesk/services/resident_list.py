"""The resident list: filtering, sorting and paging in SQL, so it stays fast at 100,000 rows."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal_column, or_, select, table, union
from sqlalchemy.orm import Session

from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.search import match_query
from mzdesk.core.vocab import AbilityLevel, ChildCategory, Gender, ResidentStatus, SupportType
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Building, Floor, Resident, Room
from mzdesk.store.search import FTS_TABLE

Resident_rowid: ColumnElement[int] = literal_column("residents.rowid")


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
    statuses: tuple[ResidentStatus, ...] = (
        ResidentStatus.IN_HOUSE,
        ResidentStatus.ON_LEAVE,
        ResidentStatus.FOSTERED,  # a child in foster care is in the home's care
    )
    support_type: SupportType | None = None
    ability_level: AbilityLevel | None = None
    child_category: ChildCategory | None = None  # a children's home filters by these


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
    # a child's (a children's home shows them instead of the support type and ability level)
    child_category: ChildCategory | None = None
    disability_type: str | None = None
    disability_level: str | None = None

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def _bed_matches(
    f: ResidentFilter, pattern: str, *, prefix_digits: bool = False
) -> ColumnElement[bool]:
    """The resident's bed or room number matches. Correlated EXISTS by primary key, so a
    search that matches many residents stops after a page instead of listing every bed. A
    digit prefix uses GLOB, which (unlike SQLite's case-insensitive LIKE) is exact."""
    if prefix_digits:
        bed_match = Bed.number.op("GLOB")(f"{pattern}*")
        room_match = Room.number.op("GLOB")(f"{pattern}*")
    else:
        bed_match = Bed.number.like(pattern, escape="\\")
        room_match = Room.number.like(pattern, escape="\\")
    return (
        select(Bed.id)
        .join(Room, Bed.room_id == Room.id)
        .where(Bed.id == Resident.bed_id, or_(bed_match, room_match))
        .exists()
    )


def _bed_ids(f: ResidentFilter, digits: str) -> Any:
    """Beds whose bed or room number starts with ``digits`` (GLOB range-scans the indexes)."""
    by_bed = select(Bed.id).where(Bed.number.op("GLOB")(f"{digits}*"))
    by_room = (
        select(Bed.id)
        .join(Room, Bed.room_id == Room.id)
        .where(Room.number.op("GLOB")(f"{digits}*"))
    )
    if f.institution_id is not None:
        by_bed = by_bed.where(Bed.institution_id == f.institution_id)
        by_room = by_room.where(Room.institution_id == f.institution_id)
    return union(by_bed, by_room)


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
    if f.child_category is not None:
        conditions.append(Resident.child_category == f.child_category)
    text = "".join(f.text.split())
    found = match_query(text)
    if found is None:
        return conditions
    kind, fts = found
    by_terms_query: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(table(FTS_TABLE))
        .where(literal_column(FTS_TABLE).op("MATCH")(fts))
    )
    by_terms = Resident_rowid.in_(by_terms_query)
    if kind == "initials":
        conditions.append(by_terms)
    elif kind == "digits":
        # the start of a bed or room number; from 3 digits on, also the end of an ID number
        if len(text) == 1:  # one digit matches a large part of the list: test row by row
            conditions.append(_bed_matches(f, text, prefix_digits=True))
        else:  # selective: one IN over a UNION, driven from the indexes
            in_beds = select(Resident_rowid).where(Resident.bed_id.in_(_bed_ids(f, text.upper())))
            sets = union(by_terms_query, in_beds) if len(text) >= 3 else in_beds
            conditions.append(Resident_rowid.in_(sets))
    else:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        named = and_(by_terms, Resident.name.like(f"%{escaped}%", escape="\\"))
        if any(ch.isdigit() for ch in text):  # a bed as staff write it: 3号楼 201-1
            conditions.append(or_(named, _bed_matches(f, f"%{escaped}%")))
        else:
            conditions.append(named)
    return conditions


def _base(columns: Any, f: ResidentFilter, *, beds: bool = True) -> Select[Any]:
    query = select(*columns).select_from(Resident)
    if beds:
        query = (
            query.outerjoin(Bed, Resident.bed_id == Bed.id)
            .outerjoin(Room, Bed.room_id == Room.id)
            .outerjoin(Floor, Room.floor_id == Floor.id)
            .outerjoin(Building, Floor.building_id == Building.id)
        )
    return query.where(and_(*_conditions(f)))


@dataclass(frozen=True)
class SearchResult:
    """The first page of a search and how many match: exactly, or ``capped`` meaning at least
    ``total`` (counting every one of 100,000 rows on each keystroke is what makes lists slow)."""

    total: int
    capped: bool
    rows: list[ResidentRow]


def search_residents(
    store: Store,
    f: ResidentFilter,
    *,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    limit: int = 200,
    cap: int = 3000,
) -> SearchResult:
    """One scan finds up to ``cap`` + 1 matches. Few matches: sort just those and return the
    page. More: the filter is not selective, so reading the sort index in order finds a page
    quickly, and the total is reported as "more than ``cap``"."""
    with store.read() as session:
        ids = list(session.scalars(_base([Resident_rowid], f, beds=False).limit(cap + 1)))
        if not ids:
            return SearchResult(0, False, [])
        if len(ids) > cap:
            rows = _page(
                session, f, sort=sort, descending=descending, offset=0, limit=limit, selective=False
            )
            return SearchResult(cap, True, rows)
        rows = _page(
            session,
            ResidentFilter(institution_id=f.institution_id, statuses=()),
            sort=sort,
            descending=descending,
            offset=0,
            limit=limit,
            selective=True,
            ids=ids,
        )
        return SearchResult(len(ids), False, rows)


def rows_by_id(
    store: Store, f: ResidentFilter, resident_ids: Collection[uuid.UUID]
) -> list[ResidentRow]:
    """These residents as the list shows them, those of them that still match ``f`` (a
    change touched them: the list updates them in place)."""
    with store.read() as session:
        rowids = list(
            session.scalars(
                _base([Resident_rowid], f, beds=False).where(Resident.id.in_(list(resident_ids)))
            )
        )
        if not rowids:
            return []
        return _page(
            session,
            ResidentFilter(institution_id=f.institution_id, statuses=()),
            sort=SortKey.NAME,
            descending=False,
            offset=0,
            limit=len(rowids),
            selective=True,
            ids=rowids,
        )


# Up to this many matches, a page is found by filtering first and sorting the matches; beyond
# it, by reading the sort index in order.
SELECTIVE_MATCHES = 3000

# Orders that an index serves (institution, key, id) let a page be read without sorting every
# matching row; see the resident list indexes in the migrations.
_ORDER = {
    SortKey.NAME: (Resident.name_sort,),
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
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    matches: int | None = None,
) -> list[ResidentRow]:
    """One page of the list. ``matches`` (the count, when the caller has it) picks the plan:
    few matches are filtered first and then sorted; many are read in index order."""
    selective = matches is None or matches <= SELECTIVE_MATCHES
    with store.read() as session:
        return _page(
            session,
            f,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
            selective=selective,
        )


def _page(
    session: Session,
    f: ResidentFilter,
    *,
    sort: SortKey,
    descending: bool,
    offset: int,
    limit: int,
    selective: bool,
    ids: list[int] | None = None,
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
        Resident.child_category,
        Resident.disability_type,
        Resident.disability_level,
    )
    keys: list[Any] = [*_ORDER[sort], Resident.id]
    if ("".join(f.text.split()) or ids is not None) and selective:
        # A search matches few rows: let SQLite filter first and sort the matches, instead of
        # walking the whole list index in order and testing every row (|| '' hides the index).
        keys = [k.op("||")(literal_column("''")) for k in keys]
    order = [k.desc() if descending else k.asc() for k in keys]
    # First the page of rowids (sorting only residents), then the joins for just those rows.
    page = _base([Resident_rowid], f, beds=sort is SortKey.BED)
    if ids is not None:
        page = page.where(Resident_rowid.in_(ids))
    page = page.order_by(*order).offset(offset).limit(limit)
    query = (
        select(*columns)
        .select_from(Resident)
        .outerjoin(Bed, Resident.bed_id == Bed.id)
        .outerjoin(Room, Bed.room_id == Room.id)
        .outerjoin(Floor, Room.floor_id == Floor.id)
        .outerjoin(Building, Floor.building_id == Building.id)
        .where(Resident_rowid.in_(page))
        .order_by(*[k.desc() if descending else k.asc() for k in (*_ORDER[sort], Resident.id)])
    )
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
            r.child_category,
            r.disability_type,
            r.disability_level,
        )
        for r in session.execute(query)
    ]


def _bed_label(building: str | None, floor: str | None, room: str | None, bed: str | None) -> str:
    if bed is None:
        return ""
    if room and bed.startswith(room):
        return f"{building} {bed}"
    return f"{building} {room}-{bed}"
