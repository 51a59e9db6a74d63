"""入院评估 and 养育: the child's assessment against the children's items (not the elderly
scale), and the arrangement of its upbringing from a day on."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.child_assessment import ChildFindings, child_scheme
from mzdesk.core.children import CareArrangement, SchoolStage
from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ChildStage
from mzdesk.services.checks import Checks
from mzdesk.services.children.common import any_child, check_step_date, child_in_care
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import AuditEntry, ChildAssessment, Resident, Upbringing


def _advance(child: Resident, stage: ChildStage) -> None:
    """Move the child's stage forward (a later step never moves it back)."""
    order = list(ChildStage)
    current = child.child_stage or ChildStage.INTAKE
    if order.index(stage) > order.index(current):
        child.child_stage = stage


@operation(Permission.RESIDENTS_EDIT)
def record_child_assessment(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    assessed_on: dt.date,
    assessor: str,
    answers: Mapping[str, str],
    *,
    note: str | None = None,
    today: dt.date | None = None,
) -> ChildFindings:
    """One assessment; the child's record takes its disability type and level."""
    scheme = child_scheme()
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        checks = Checks("child_assessments")
        who = checks.text("assessor", assessor, max_len=100)
        why = checks.text("note", note, required=False, max_len=2_000)
        check_step_date(checks, "assessed_on", assessed_on, child, today)
        try:
            findings = scheme.check(answers)
        except ValidationError as error:  # reported with the other fields' problems
            checks.absorb(error)
            checks.done()
            raise
        checks.done()
        session.add(
            ChildAssessment(
                institution_id=child.institution_id,
                resident_id=child.id,
                assessed_on=assessed_on,
                assessor=who or "",
                scheme_version=scheme.version,
                answers=dict(answers),
                note=why,
            )
        )
        child.disability_type = findings.disability_type
        child.disability_level = findings.disability_level
        _advance(child, ChildStage.ASSESSMENT)
        return findings


@dataclass(frozen=True)
class Arrangement:
    """养育 from ``effective_on``."""

    effective_on: dt.date
    arrangement: CareArrangement
    school_stage: SchoolStage
    group_name: str | None = None
    school_name: str | None = None
    rehabilitation: str | None = None
    medical: str | None = None
    note: str | None = None


@operation(Permission.RESIDENTS_EDIT)
def set_upbringing(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    plan: Arrangement,
    *,
    today: dt.date | None = None,
) -> uuid.UUID:
    """A new arrangement; earlier ones are kept as the child's history. The record's 就学情况
    follows the newest."""
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        checks = Checks("child_upbringing")
        check_step_date(checks, "effective_on", plan.effective_on, child, today)
        group = checks.text("group_name", plan.group_name, required=False, max_len=50)
        school = checks.text("school_name", plan.school_name, required=False, max_len=100)
        texts = {
            f: checks.text(f, getattr(plan, f), required=False, max_len=2_000)
            for f in ("rehabilitation", "medical", "note")
        }
        checks.done()
        row = Upbringing(
            institution_id=child.institution_id,
            resident_id=child.id,
            effective_on=plan.effective_on,
            arrangement=plan.arrangement,
            group_name=group,
            school_stage=plan.school_stage,
            school_name=school,
            **texts,
        )
        session.add(row)
        session.flush()
        newest = latest_upbringing(session, child.id)
        if newest is not None and newest.id == row.id:
            child.schooling = plan.school_stage.zh
        _advance(child, ChildStage.UPBRINGING)
        return row.id


def latest_upbringing(session: Session, resident_id: uuid.UUID) -> Upbringing | None:
    return session.scalars(
        select(Upbringing)
        .where(Upbringing.resident_id == resident_id, Upbringing.deleted_at.is_(None))
        .order_by(Upbringing.effective_on.desc(), Upbringing.created_at.desc())
    ).first()


@dataclass(frozen=True)
class UpbringingView:
    """One arrangement of the 养育 history, with who recorded it and when (from the audit
    trail; ``None`` for one recorded on another device, whose trail stays there)."""

    id: uuid.UUID
    effective_on: dt.date
    arrangement: CareArrangement
    group_name: str | None
    school_stage: SchoolStage
    school_name: str | None
    rehabilitation: str | None
    medical: str | None
    note: str | None
    recorded_by: str | None
    recorded_at: dt.datetime | None


def upbringing_history(store: Store, resident_id: uuid.UUID) -> list[UpbringingView]:
    """Every arrangement of the child's upbringing, newest first (none is ever overwritten:
    a change is a new arrangement from a day on)."""
    with store.read() as session:
        child = any_child(session, resident_id)
        rows = session.scalars(
            select(Upbringing)
            .where(Upbringing.resident_id == child.id, Upbringing.deleted_at.is_(None))
            .order_by(Upbringing.effective_on.desc(), Upbringing.created_at.desc())
        ).all()
        created: dict[uuid.UUID, tuple[str, dt.datetime]] = {}
        if rows:
            for entry in session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.table_name == Upbringing.__tablename__,
                    AuditEntry.row_id.in_([r.id for r in rows]),
                    AuditEntry.action == "create",
                )
                .order_by(AuditEntry.seq)
            ):
                created.setdefault(entry.row_id, (entry.user_name, entry.at))
        return [
            UpbringingView(
                r.id,
                r.effective_on,
                r.arrangement,
                r.group_name,
                r.school_stage,
                r.school_name,
                r.rehabilitation,
                r.medical,
                r.note,
                *created.get(r.id, (None, None)),
            )
            for r in rows
        ]
