"""A child's path in a children's welfare home: intake, the 寻亲公告, the intake assessment,
upbringing arrangements, placements and their visits. The child is a ``residents`` row
(kind ``child``); these tables hang off it and are kept for good (离院 never deletes).

Which fields are private (birth family, intake circumstances, placement families) is declared
in :data:`mzdesk.core.children.PRIVATE_FIELDS`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.children import (
    CareArrangement,
    IntakeWay,
    NoticeStatus,
    PlacementKind,
    SchoolStage,
)
from mzdesk.store.models.base import Base, Synced, VocabType


class ChildIntake(Synced, Base):
    """接收: how and when the child came into the home's care, and by whom it was brought.
    Intake documents (捡拾报案证明, rulings, DNA results …) are attachments of this row."""

    __tablename__ = "child_intakes"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    way: Mapped[IntakeWay] = mapped_column(VocabType(IntakeWay))
    intake_date: Mapped[dt.date] = mapped_column(Date)
    found_on: Mapped[dt.date | None] = mapped_column(Date)  # a foundling: the day found
    found_place: Mapped[str | None] = mapped_column(String(200))
    brought_by: Mapped[str | None] = mapped_column(String(100))  # 送交单位 (派出所 …)
    police_report_number: Mapped[str | None] = mapped_column(String(50))  # 捡拾报案证明编号
    transferred_from: Mapped[str | None] = mapped_column(String(100))
    court_ruling: Mapped[str | None] = mapped_column(String(100))  # 判决书/决定书文号
    birth_family: Mapped[str | None] = mapped_column(Text)  # what is known of the birth family
    note: Mapped[str | None] = mapped_column(Text)


class FamilyNotice(Synced, Base):
    """寻亲公告 of a foundling: published on a day for a period; unclaimed after it, the child
    counts as one whose parents cannot be found (core/children.py: notice_expired)."""

    __tablename__ = "family_notices"
    __table_args__ = (Index("ix_family_notices_open", "institution_id", "status", "published_on"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    published_on: Mapped[dt.date] = mapped_column(Date)
    period_days: Mapped[int] = mapped_column(Integer)
    publication: Mapped[str | None] = mapped_column(String(200))  # where it was published
    status: Mapped[NoticeStatus] = mapped_column(
        VocabType(NoticeStatus), default=NoticeStatus.RUNNING
    )
    closed_on: Mapped[dt.date | None] = mapped_column(Date)  # claimed or withdrawn
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class ChildAssessment(Synced, Base):
    """入院评估 (and later re-assessments): answers to the items of the children's scheme."""

    __tablename__ = "child_assessments"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(100))
    scheme_version: Mapped[str] = mapped_column(String(30))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class Upbringing(Synced, Base):
    """养育: the child's arrangement from a day on (group or unit, schooling, rehabilitation,
    medical care). A new arrangement supersedes the last; all are kept."""

    __tablename__ = "child_upbringing"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    effective_on: Mapped[dt.date] = mapped_column(Date)
    arrangement: Mapped[CareArrangement] = mapped_column(VocabType(CareArrangement))
    group_name: Mapped[str | None] = mapped_column(String(50))
    school_stage: Mapped[SchoolStage] = mapped_column(VocabType(SchoolStage))
    school_name: Mapped[str | None] = mapped_column(String(100))
    rehabilitation: Mapped[str | None] = mapped_column(Text)
    medical: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class ChildPlacement(Synced, Base):
    """安置: foster care (the home stays the guardian), adoption, return to the family or an
    adult placement, from ``start_date``; foster care ends on ``end_date``."""

    __tablename__ = "child_placements"
    __table_args__ = (
        Index("ix_child_placements_stats", "institution_id", "kind", "start_date", "end_date"),
    )

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    kind: Mapped[PlacementKind] = mapped_column(VocabType(PlacementKind))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(200))
    family_name: Mapped[str | None] = mapped_column(String(100))  # 寄养家庭/收养人
    family_id_number: Mapped[str | None] = mapped_column(String(18))
    family_address: Mapped[str | None] = mapped_column(String(200))
    family_phone: Mapped[str | None] = mapped_column(String(40))
    agreement_number: Mapped[str | None] = mapped_column(String(50))  # 寄养协议/收养登记证号
    next_visit_due: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class PlacementVisit(Synced, Base):
    """回访: a visit to a foster family (or an adopted child), with what was found."""

    __tablename__ = "placement_visits"

    placement_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_placements.id"), index=True
    )
    visited_on: Mapped[dt.date] = mapped_column(Date)
    visited_by: Mapped[str | None] = mapped_column(String(100))
    findings: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
