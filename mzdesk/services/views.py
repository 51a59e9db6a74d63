"""Plain, immutable results of use cases: safe to hand to the GUI across threads."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.permissions import role
from mzdesk.core.vocab import (
    AbilityLevel,
    BedStatus,
    BedType,
    Gender,
    Grade,
    InstitutionKind,
    Occupation,
    Operation,
    Positioning,
    ResidentKind,
    ResidentStatus,
    SkillLevel,
    SupportType,
    WorkerStatus,
)
from mzdesk.store.models import Bed, CareWorker, Institution, Resident, User


@dataclass(frozen=True)
class InstitutionView:
    id: uuid.UUID
    name: str
    kind: InstitutionKind
    positioning: Positioning | None
    operation: Operation | None
    grade: Grade
    uscc: str | None
    region_code: str | None

    @classmethod
    def of(cls, row: Institution) -> InstitutionView:
        return cls(
            row.id,
            row.name,
            row.kind,
            row.positioning,
            row.operation,
            row.grade,
            row.uscc,
            row.region_code,
        )


@dataclass(frozen=True)
class UserView:
    id: uuid.UUID
    institution_id: uuid.UUID
    username: str
    display_name: str
    role: str  # a code from roles.json
    active: bool = True

    @property
    def role_label(self) -> str:
        return role(self.role).label

    @classmethod
    def of(cls, row: User) -> UserView:
        return cls(row.id, row.institution_id, row.username, row.display_name, row.role, row.active)


@dataclass(frozen=True)
class BedView:
    id: uuid.UUID
    institution_id: uuid.UUID
    building: str
    floor: str
    room: str
    number: str
    bed_type: BedType
    status: BedStatus

    @property
    def label(self) -> str:
        """How staff name a bed: 3号楼 2层 201-1."""
        if self.number.startswith(self.room):
            return f"{self.building} {self.floor} {self.number}"
        return f"{self.building} {self.floor} {self.room}-{self.number}"

    @classmethod
    def of(cls, bed: Bed, building: str, floor: str, room: str) -> BedView:
        return cls(
            bed.id, bed.institution_id, building, floor, room, bed.number, bed.bed_type, bed.status
        )


@dataclass(frozen=True)
class ResidentView:
    id: uuid.UUID
    institution_id: uuid.UUID
    kind: ResidentKind
    name: str
    gender: Gender | None
    id_number: str | None
    birth_date: dt.date | None
    status: ResidentStatus
    admission_date: dt.date
    bed_id: uuid.UUID | None
    support_type: SupportType | None
    ability_level: AbilityLevel | None
    discharge_date: dt.date | None

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    @classmethod
    def of(cls, row: Resident) -> ResidentView:
        return cls(
            row.id,
            row.institution_id,
            row.kind,
            row.name,
            row.gender,
            row.id_number,
            row.birth_date,
            row.status,
            row.admission_date,
            row.bed_id,
            row.support_type,
            row.ability_level,
            row.discharge_date,
        )


@dataclass(frozen=True)
class WorkerView:
    id: uuid.UUID
    institution_id: uuid.UUID
    name: str
    id_number: str | None
    occupation: Occupation
    skill_level: SkillLevel
    hired_on: dt.date
    status: WorkerStatus
    left_on: dt.date | None = None
    phone: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    note: str | None = None

    @classmethod
    def of(cls, row: CareWorker) -> WorkerView:
        return cls(
            row.id,
            row.institution_id,
            row.name,
            row.id_number,
            row.occupation,
            row.skill_level,
            row.hired_on,
            row.status,
            row.left_on,
            row.phone,
            row.gender,
            row.birth_date,
            row.note,
        )
