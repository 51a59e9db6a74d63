"""Demo inspecting: the home's schedules (a daily fire patrol, a monthly check), their finished
and signed inspections over the last weeks with a few days missed, and today's draft."""

from __future__ import annotations

import datetime as dt
import io
import math
import uuid

from PIL import Image, ImageDraw
from sqlalchemy import select

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import (
    InspectionType,
    InstitutionKind,
    ItemResult,
    ScheduleFrequency,
    SignerRole,
)
from mzdesk.services.demo.maker import Maker
from mzdesk.services.inspecting.finish import Signature, finish_inspection
from mzdesk.services.inspecting.flow import NewInspection, answer_item, set_item_note, start_draft
from mzdesk.services.inspecting.schedules import ScheduleData, save_schedule
from mzdesk.services.inspecting.templates import available_checklists, checklist, inspected_items
from mzdesk.store.engine import Store
from mzdesk.store.models import Inspection, InspectionSignature

INSPECTORS = ("刘志强", "王建国")
HEAD = "陈院长"
PATROL, MONTHLY = "FHXC", "GB38600"  # the daily fire patrol; the service-safety check
CHILDREN_MONTHLY = "ETFL-AQ"  # a children's home's monthly safety check
MISSED_DAYS = (3, 8)  # days ago with no patrol, for 首页 to show
FINISHED_AT_UTC = dt.time(2, 30)  # 10:30 Beijing time


def signature_png(seed: int) -> bytes:
    """A scribble that looks like handwriting, for the demo's signatures."""
    image = Image.new("RGBA", (360, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (20 + x * 3.2, 60 + 26 * math.sin(x / (4 + seed % 3)) * math.cos(x / (9 + seed % 5)))
        for x in range(100)
    ]
    draw.line(points, fill=(16, 32, 58, 255), width=3, joint="curve")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _inspect(
    store: Store,
    actor: Actor,
    maker: Maker,
    inspection: NewInspection,
    *,
    answered: int | None = None,
    finish: bool = True,
    fail_rate: float = 0.02,
    kind: InstitutionKind = InstitutionKind.NURSING_HOME,
    opened: list[uuid.UUID] | None = None,
) -> uuid.UUID:
    """A draft answered (``answered`` items, or all) and, with ``finish``, signed; the hazards
    it opened are added to ``opened``."""
    rng = maker.rng
    inspection_id = start_draft(store, actor, inspection)
    template = checklist(store, inspection.template_id)
    assert template is not None
    every = inspected_items(template, kind)
    items = every if answered is None else every[:answered]
    for item in items:
        result = ItemResult.FAIL if rng.random() < fail_rate else ItemResult.PASS
        answer_item(store, actor, inspection_id, item.id, result)
        if result is ItemResult.FAIL:
            set_item_note(
                store, actor, inspection_id, item.id, rng.choice(("现场发现", "记录不全"))
            )
    if finish:
        signers = [
            Signature(SignerRole.INSPECTOR, n, signature_png(i))
            for i, n in enumerate(inspection.inspectors)
        ]
        signers.append(Signature(SignerRole.INSPECTED_HEAD, HEAD, signature_png(7)))
        hazards = finish_inspection(store, actor, inspection_id, signers)
        _finished_on(store, actor, inspection_id, inspection.inspected_on)
        if opened is not None:
            opened.extend(hazards)
    return inspection_id


def _finished_on(store: Store, actor: Actor, inspection_id: uuid.UUID, on: dt.date) -> None:
    """Date the finish and the signatures on the day inspected (10:30 in China, stored as UTC)
    rather than the day the demo is made: an inspection of weeks ago was signed weeks ago."""
    at = dt.datetime.combine(on, FINISHED_AT_UTC)
    with store.write(actor) as session:
        inspection = session.get_one(Inspection, inspection_id)
        if inspection.completed_at is None or inspection.completed_at <= at:
            return  # today's, finished earlier than 10:30: left as it is
        inspection.completed_at = at
        for signature in session.scalars(
            select(InspectionSignature).where(InspectionSignature.inspection_id == inspection_id)
        ):
            signature.signed_at = at


def _add_demo_inspecting(
    store: Store,
    actor: Actor,
    maker: Maker,
    institution_id: uuid.UUID,
    kind: InstitutionKind = InstitutionKind.NURSING_HOME,
) -> None:
    choices = {c.code: c for c in available_checklists(store, institution_id, kind)}
    monthly_code = MONTHLY if kind is InstitutionKind.NURSING_HOME else CHILDREN_MONTHLY
    patrol, monthly = choices[PATROL], choices[monthly_code]
    today = maker.today
    daily_id = save_schedule(
        store,
        actor,
        ScheduleData(
            institution_id,
            "每日防火巡查",
            ScheduleFrequency.DAILY,
            patrol.id,
            InspectionType.SELF_DAILY,
            today - dt.timedelta(days=10),
        ),
    )
    monthly_id = save_schedule(
        store,
        actor,
        ScheduleData(
            institution_id,
            "每月安全检查",
            ScheduleFrequency.MONTHLY,
            monthly.id,
            InspectionType.MONTHLY,
            (today.replace(day=1) - dt.timedelta(days=62)).replace(day=1),
        ),
    )
    for days_ago in range(10, 0, -1):
        if days_ago in MISSED_DAYS:
            continue
        on = today - dt.timedelta(days=days_ago)
        _inspect(
            store,
            actor,
            maker,
            NewInspection(
                institution_id, patrol.id, on, InspectionType.SELF_DAILY, INSPECTORS[:1], daily_id
            ),
            kind=kind,
        )
    # today's patrol: half done, a draft to carry on with from 首页
    _inspect(
        store,
        actor,
        maker,
        NewInspection(
            institution_id, patrol.id, today, InspectionType.SELF_DAILY, INSPECTORS[:1], daily_id
        ),
        answered=patrol.items // 2,
        finish=False,
        kind=kind,
    )
    last_month = today.replace(day=1) - dt.timedelta(days=5)
    _inspect(
        store,
        actor,
        maker,
        NewInspection(
            institution_id, monthly.id, last_month, InspectionType.MONTHLY, INSPECTORS, monthly_id
        ),
        kind=kind,
    )
