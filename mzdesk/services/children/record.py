"""A child's path as one record: intake, notices, assessments, upbringing, placements and
visits, in date order.

The private fields (core/children.py: PRIVATE_FIELDS — birth family, where and by whom the
child was found or brought, the placement families) are hidden unless the user's role has
``children.private`` and asks to see them; each such look is written to the audit trail,
one entry per row shown, as a full 身份证号 is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import PRIVATE_FIELDS, notice_expired, notice_period_end
from mzdesk.core.i18n import text
from mzdesk.core.labels import field_label, table_label
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import Vocab
from mzdesk.services.children.common import any_child
from mzdesk.services.operations import operation
from mzdesk.services.views import ResidentView
from mzdesk.store.audit import record_reveal
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Attachment,
    ChildAssessment,
    ChildIntake,
    ChildPlacement,
    FamilyNotice,
    PlacementVisit,
    Resident,
    Upbringing,
)

REVEALED_FIELD = "private_details"  # how a look at the private fields reads in the audit trail

# each step's table, its date column, and the columns shown (in order)
STEPS: tuple[tuple[type[Any], str, tuple[str, ...]], ...] = (
    (
        ChildIntake,
        "intake_date",
        (
            "way",
            "found_on",
            "found_place",
            "brought_by",
            "police_report_number",
            "transferred_from",
            "court_ruling",
            "birth_family",
            "note",
        ),
    ),
    (
        FamilyNotice,
        "published_on",
        ("period_days", "publication", "status", "closed_on", "claimed_by", "note"),
    ),
    (ChildAssessment, "assessed_on", ("assessor", "scheme_version", "note")),
    (
        Upbringing,
        "effective_on",
        (
            "arrangement",
            "group_name",
            "school_stage",
            "school_name",
            "rehabilitation",
            "medical",
            "note",
        ),
    ),
    (
        ChildPlacement,
        "start_date",
        (
            "kind",
            "family_name",
            "family_id_number",
            "family_address",
            "family_phone",
            "agreement_number",
            "next_visit_due",
            "end_date",
            "end_reason",
            "note",
        ),
    ),
)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str  # as shown; the hidden marker when private and not revealed
    private: bool


@dataclass(frozen=True)
class Step:
    table: str
    id: uuid.UUID
    title: str  # the kind of step (接收登记, 寻亲公告 …)
    on: dt.date
    fields: tuple[Field, ...]
    documents: tuple[str, ...] = ()  # captions of the intake documents (files by attachment)
    # the same documents as (attachment id, caption), to open one (documents.py, audited)
    document_files: tuple[tuple[uuid.UUID, str], ...] = ()


@dataclass(frozen=True)
class ChildPath:
    child: ResidentView
    steps: tuple[Step, ...]
    revealed: bool


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Vocab):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _steps(session: Session, resident_id: uuid.UUID, reveal: bool) -> list[Step]:
    steps: list[Step] = []
    hidden = text("child.private_hidden")
    for model, date_column, columns in STEPS:
        table = model.__tablename__
        private = PRIVATE_FIELDS.get(table, frozenset())
        rows = session.scalars(
            select(model).where(model.resident_id == resident_id, model.deleted_at.is_(None))
        ).all()
        for row in rows:
            fields = []
            for key in columns:
                value = getattr(row, key)
                if value is None or value == "":
                    continue
                secret = key in private
                fields.append(
                    Field(
                        key,
                        field_label(key, table),
                        _shown(value) if reveal or not secret else hidden,
                        secret,
                    )
                )
            if isinstance(row, ChildAssessment):
                fields.append(_findings(row))
            files: tuple[tuple[uuid.UUID, str], ...] = ()
            if model is ChildIntake and reveal:
                files = tuple(
                    (a.id, a.caption or "")
                    for a in session.scalars(
                        select(Attachment)
                        .where(
                            Attachment.owner_table == table,
                            Attachment.owner_id == row.id,
                            Attachment.deleted_at.is_(None),
                        )
                        .order_by(Attachment.created_at, Attachment.id)
                    )
                )
            steps.append(
                Step(
                    table,
                    row.id,
                    table_label(table),
                    getattr(row, date_column),
                    tuple(fields),
                    tuple(caption for _id, caption in files),
                    files,
                )
            )
            if model is ChildPlacement:
                steps.extend(_visits(session, row.id, reveal, hidden))
    steps.sort(key=lambda s: (s.on, s.table))
    return steps


def _findings(row: ChildAssessment) -> Field:
    """What the assessment found, in one line: the disability and any delayed development."""
    scheme = child_scheme()
    parts = []
    for field in ("disability_type", "disability_level"):
        item = scheme.item_for_field(field)
        option = item.option(str(row.answers.get(item.id, "")))
        if option is not None and option.code != "none":
            parts.append(option.label)
    delayed = [
        i.label
        for i in scheme.items
        if i.section == "development" and row.answers.get(i.id) in ("mild", "marked")
    ]
    summary = "".join(parts) or text("cli.children.no_disability")
    if delayed:
        summary += text("child.delayed", items="、".join(delayed))
    return Field("findings", text("child.findings"), summary, False)


def _visits(session: Session, placement_id: uuid.UUID, reveal: bool, hidden: str) -> list[Step]:
    table = PlacementVisit.__tablename__
    private = PRIVATE_FIELDS[table]
    visits = session.scalars(
        select(PlacementVisit).where(
            PlacementVisit.placement_id == placement_id, PlacementVisit.deleted_at.is_(None)
        )
    ).all()
    return [
        Step(
            table,
            v.id,
            table_label(table),
            v.visited_on,
            tuple(
                Field(
                    k,
                    field_label(k, table),
                    _shown(getattr(v, k)) if reveal or k not in private else hidden,
                    k in private,
                )
                for k in ("visited_by", "findings", "note")
                if getattr(v, k)
            ),
        )
        for v in visits
    ]


def child_path(store: Store, resident_id: uuid.UUID) -> ChildPath:
    """The path with the private fields hidden (any user who may read the record)."""
    with store.read() as session:
        child = any_child(session, resident_id)
        return ChildPath(ResidentView.of(child), tuple(_steps(session, child.id, False)), False)


@operation(Permission.CHILDREN_PRIVATE)
def reveal_child_path(store: Store, actor: Actor, resident_id: uuid.UUID) -> ChildPath:
    """The path with the private fields shown; the look is audited (one entry per row)."""
    with store.write(actor) as session:
        child = any_child(session, resident_id)
        steps = _steps(session, child.id, True)
        by_table: dict[str, list[tuple[uuid.UUID, uuid.UUID]]] = {}
        for step in steps:
            if any(f.private for f in step.fields) or step.documents:
                by_table.setdefault(step.table, []).append((step.id, child.institution_id))
        for table, rows in by_table.items():
            record_reveal(session, actor, table, rows, REVEALED_FIELD)
        return ChildPath(ResidentView.of(child), tuple(steps), True)


@dataclass(frozen=True)
class NoticeView:
    id: uuid.UUID
    resident_id: uuid.UUID
    institution_id: uuid.UUID
    child_name: str
    published_on: dt.date
    period_days: int
    period_end: dt.date
    expired: bool  # unclaimed past its period on the day asked about
    days_left: int  # until the period's last day (0 on it, negative after)


def running_notices(
    session: Session, institution_ids: list[uuid.UUID], on: dt.date
) -> list[NoticeView]:
    """Notices running on ``on`` (published by then, not closed by then), with their
    deadlines; those past their period are flagged."""
    rows = session.execute(
        select(FamilyNotice, Resident.name)
        .join(Resident, Resident.id == FamilyNotice.resident_id)
        .where(
            FamilyNotice.institution_id.in_(institution_ids),
            FamilyNotice.deleted_at.is_(None),
            FamilyNotice.published_on <= on,
        )
        .order_by(FamilyNotice.published_on, FamilyNotice.id)
    ).all()
    views = []
    for notice, name in rows:
        if notice.closed_on is not None and notice.closed_on <= on:
            continue
        end = notice_period_end(notice.published_on, notice.period_days)
        views.append(
            NoticeView(
                notice.id,
                notice.resident_id,
                notice.institution_id,
                name,
                notice.published_on,
                notice.period_days,
                end,
                notice_expired(notice.published_on, notice.period_days, on),
                (end - on).days,
            )
        )
    return views
