"""Checklist templates: the shipped ones (reference data, loaded from resources/checklists on
every replica, not synced) and a home's own versions (synced, owned by the home).

Inspections and their results refer to either kind by id without a foreign key; the one
resolver is :func:`mzdesk.services.checklists.load_version`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.checklists import TemplateStatus
from mzdesk.core.vocab import InstitutionKind
from mzdesk.store.models.base import Base, Synced, VocabType


class ChecklistTemplate(Base):
    """A versioned checklist loaded from resources/checklists. Not synced: every replica loads
    the same file and derives the same UUIDv5 ids, so inspections can refer to it anywhere."""

    __tablename__ = "checklist_templates"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(String(300))  # the standard it comes from
    # the one kind it applies to; None when it applies to several (see applies_to)
    institution_kind: Mapped[InstitutionKind | None] = mapped_column(VocabType(InstitutionKind))
    applies_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    rectify_days: Mapped[int] = mapped_column(default=30)


class ChecklistItem(Base):
    __tablename__ = "checklist_items"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    template_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("checklist_templates.id"), index=True
    )
    code: Mapped[str] = mapped_column(String(20))
    section: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(String(200))  # the clause
    major_hazard: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int]
    standard: Mapped[str | None] = mapped_column(String(200))
    clause_unverified: Mapped[bool] = mapped_column(default=False)
    look_at: Mapped[str | None] = mapped_column(Text)
    applies_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    # no longer in the file but kept: results of earlier inspections refer to it
    retired: Mapped[bool] = mapped_column(default=False)


class HomeChecklist(Synced, Base):
    """A home's own version of a checklist: a draft while it is edited, then published and
    never changed again (an inspection keeps the exact version it used)."""

    __tablename__ = "home_checklists"

    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(String(300))
    applies_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    rectify_days: Mapped[int] = mapped_column(default=30)
    status: Mapped[TemplateStatus] = mapped_column(
        VocabType(TemplateStatus), default=TemplateStatus.DRAFT
    )
    source_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # shipped or home version
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class HomeChecklistItem(Synced, Base):
    __tablename__ = "home_checklist_items"

    template_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("home_checklists.id"), index=True
    )
    code: Mapped[str] = mapped_column(String(20))
    section: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(String(200))  # the clause
    major_hazard: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int]
    standard: Mapped[str | None] = mapped_column(String(200))
    clause_unverified: Mapped[bool] = mapped_column(default=False)
    look_at: Mapped[str | None] = mapped_column(Text)
    applies_to: Mapped[list[str]] = mapped_column(JSON, default=list)
