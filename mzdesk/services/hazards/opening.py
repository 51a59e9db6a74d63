"""Opening hazards: from an inspection's failed items, or registered by hand; and a home's
default deadlines per level (一般 30 days, 重大 7 days unless the home sets its own)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.checklists import TemplateItem
from mzdesk.core.errors import MzdeskError
from mzdesk.core.hazards import (
    DEFAULT_DEADLINE_DAYS,
    MAX_DEADLINE_DAYS,
    HazardEventKind,
    deadline_for,
)
from mzdesk.core.limits import NOTE
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import HazardLevel, HazardStatus, ItemResult
from mzdesk.services.checklists import find_items, load_version
from mzdesk.services.checks import Checks
from mzdesk.services.hazards.lifecycle import add_event
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Hazard,
    HazardSettings,
    Inspection,
    InspectionResult,
    Institution,
)


def deadline_days(session: Session, institution_id: uuid.UUID) -> dict[HazardLevel, int]:
    """The home's days to rectify per level: its own setting, else the defaults."""
    row = _settings(session, institution_id)
    if row is None:
        return dict(DEFAULT_DEADLINE_DAYS)
    return {HazardLevel.ORDINARY: row.ordinary_days, HazardLevel.MAJOR: row.major_days}


def _settings(session: Session, institution_id: uuid.UUID) -> HazardSettings | None:
    return session.scalars(
        select(HazardSettings)
        .where(HazardSettings.institution_id == institution_id, HazardSettings.deleted_at.is_(None))
        .order_by(HazardSettings.created_at)
    ).first()


def read_deadline_days(store: Store, institution_id: uuid.UUID) -> dict[HazardLevel, int]:
    with store.read() as session:
        return deadline_days(session, institution_id)


@operation(Permission.INSPECTIONS_EDIT)
def set_deadline_days(
    store: Store, actor: Actor, institution_id: uuid.UUID, *, ordinary: int, major: int
) -> None:
    """Set the home's default deadlines (days from the day a hazard is found)."""
    checks = Checks("hazard_settings")
    for field, days in (("ordinary_days", ordinary), ("major_days", major)):
        if not 1 <= days <= MAX_DEADLINE_DAYS:
            checks.add(field, "hazard.days_range", max=MAX_DEADLINE_DAYS)
    checks.done()
    with store.write(actor) as session:
        get_live(session, Institution, institution_id)
        row = _settings(session, institution_id)
        if row is None:
            session.add(
                HazardSettings(
                    institution_id=institution_id, ordinary_days=ordinary, major_days=major
                )
            )
        else:
            row.ordinary_days, row.major_days = ordinary, major
        session.flush()


def _measure(item: TemplateItem) -> str:
    basis = f"（{item.basis}）" if item.basis else ""
    return f"按要求整改至符合：{item.text}{basis}"


def _days_for(session: Session, inspection: Inspection) -> dict[HazardLevel, int]:
    """The home's own deadlines when it set them; else the checklist's days for an ordinary
    hazard (its ``rectify_days``) and the default for a major one."""
    if _settings(session, inspection.institution_id) is not None:
        return deadline_days(session, inspection.institution_id)
    days = dict(DEFAULT_DEADLINE_DAYS)
    try:
        rectify = load_version(session, inspection.template_id).rectify_days
    except (KeyError, LookupError, MzdeskError):
        return days  # a version this device does not hold (yet): the defaults
    if rectify and 1 <= rectify <= MAX_DEADLINE_DAYS:
        days[HazardLevel.ORDINARY] = rectify
    return days


def open_hazards_for_failures(session: Session, inspection: Inspection) -> list[uuid.UUID]:
    """Open one hazard per failed item of ``inspection`` (inside the caller's write), pre-filled
    from the item — shipped or a home version's: description (item text and the inspector's
    note), level (重大 for a major-hazard item), a rectification measure, the home's
    fire-safety officer as the responsible person, and the default deadline for the level
    (the home's setting, else the checklist's days). An item that already has a hazard gets
    no second one. Returns the new hazards' ids."""
    days = _days_for(session, inspection)
    already = set(
        session.scalars(
            select(Hazard.result_id).where(
                Hazard.inspection_id == inspection.id, Hazard.deleted_at.is_(None)
            )
        )
    )
    failed = [
        r
        for r in session.scalars(
            select(InspectionResult).where(
                InspectionResult.inspection_id == inspection.id,
                InspectionResult.result == ItemResult.FAIL,
                InspectionResult.deleted_at.is_(None),
            )
        )
        if r.id not in already
    ]
    items = find_items(session, [r.item_id for r in failed])
    order = {item_id: n for n, item_id in enumerate(_item_order(session, inspection))}
    failed.sort(key=lambda r: (order.get(r.item_id, len(order)), r.created_at))
    opened: list[uuid.UUID] = []
    for result in failed:
        item = items.get(result.item_id)
        if item is None:
            continue  # an item this device does not hold: nothing to pre-fill from
        hazard = open_for_item(
            session,
            inspection,
            result,
            item,
            result.note,
            days=days,
            counted_from=inspection.inspected_on,
            by=inspection.inspectors or None,
        )
        opened.append(hazard.id)
    session.flush()
    return opened


def open_for_item(
    session: Session,
    inspection: Inspection,
    result: InspectionResult,
    item: TemplateItem,
    note: str | None,
    *,
    days: dict[HazardLevel, int] | None = None,
    counted_from: dt.date,
    by: str | None,
    reason: str | None = None,
) -> Hazard:
    """One hazard for a failed item, found on the inspection's day, its deadline the default
    days from ``counted_from``; its 发现 event dated ``counted_from``, done by ``by``."""
    institution = session.get(Institution, inspection.institution_id)
    level = HazardLevel.MAJOR if item.major_hazard else HazardLevel.ORDINARY
    deadline = deadline_for(level, counted_from, days or _days_for(session, inspection))
    hazard = Hazard(
        institution_id=inspection.institution_id,
        inspection_id=inspection.id,
        result_id=result.id,
        # the item states the requirement; the hazard is that it was not met
        description=_description(item.text, (note or "").strip()),
        level=level,
        measure=_measure(item),
        responsible_person=institution.fire_safety_officer if institution else None,
        found_on=inspection.inspected_on,
        deadline=deadline,
        original_deadline=deadline,
        status=HazardStatus.OPEN,
    )
    session.add(hazard)
    session.flush()
    add_event(
        session,
        hazard,
        HazardEventKind.OPENED,
        counted_from,
        by,
        reason=reason,
        new_deadline=deadline,
    )
    return hazard


def _description(requirement: str, note: str) -> str:
    """不符合：<the item>（<the note>）, the note cut with … to fit the description's limit (the
    whole note stays on the item's result, which the hazard names)."""
    head = f"不符合：{requirement}"
    if not note:
        return head[:NOTE]
    room = NOTE - len(head) - 2  # the brackets
    if room < 2:
        return head[:NOTE]
    return f"{head}（{note if len(note) <= room else note[: room - 1] + '…'}）"


def _item_order(session: Session, inspection: Inspection) -> list[uuid.UUID]:
    """The checklist's item ids in its order (hazards open in the order of the list)."""
    try:
        return [i.id for i in load_version(session, inspection.template_id).items]
    except (KeyError, LookupError, MzdeskError):
        return []


@dataclass(frozen=True)
class NewHazard:
    """A hazard found otherwise than by a checklist item (on a walk, reported by staff)."""

    institution_id: uuid.UUID
    description: str
    level: HazardLevel
    found_on: dt.date
    found_by: str | None = None
    measure: str | None = None
    responsible_person: str | None = None
    deadline: dt.date | None = None  # None: the home's default for the level


@operation(Permission.INSPECTIONS_EDIT)
def register_hazard(
    store: Store, actor: Actor, data: NewHazard, *, today: dt.date | None = None
) -> uuid.UUID:
    checks = Checks("hazards")
    description = checks.text("description", data.description, max_len=2_000)
    measure = checks.text("measure", data.measure, required=False, max_len=2_000)
    person = checks.text("responsible_person", data.responsible_person, required=False, max_len=50)
    found_by = checks.text("done_by", data.found_by, required=False, max_len=50)
    checks.not_future("found_on", data.found_on, today or dt.date.today())
    checks.not_before("deadline", data.deadline, data.found_on, "found_on")
    checks.done()
    with store.write(actor) as session:
        get_live(session, Institution, data.institution_id)
        deadline = data.deadline or deadline_for(
            data.level, data.found_on, deadline_days(session, data.institution_id)
        )
        hazard = Hazard(
            institution_id=data.institution_id,
            description=description or "",
            level=data.level,
            measure=measure,
            responsible_person=person,
            found_on=data.found_on,
            deadline=deadline,
            original_deadline=deadline,
            status=HazardStatus.OPEN,
        )
        session.add(hazard)
        session.flush()
        add_event(
            session, hazard, HazardEventKind.OPENED, data.found_on, found_by, new_deadline=deadline
        )
        session.flush()
        return hazard.id
