"""What an amendment (更正) of a finished inspection does to the hazards its items opened.

The rule: an item amended from 不合格 to 合格 or 不适用 takes back the failure, so its hazard
still open (待整改, 整改中 or 待复查) is 已销号 by a 更正撤销 event — dated the day of the
amendment, done by the amender, its reason naming the item's change and the amendment's
reason — with no re-check recorded; a hazard already 已销号 stays as it was. An item amended
to 不合格 from another result opens a hazard as finishing does (found on the inspection's day,
pre-filled from the item and the amended note), its deadline the home's days from the day of
the amendment, unless the item still has an open hazard. A change of note alone touches no
hazard.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardStatus, ItemResult
from mzdesk.services.checklists import find_items
from mzdesk.services.hazards.lifecycle import add_event
from mzdesk.services.hazards.opening import open_for_item
from mzdesk.store.models import Hazard, Inspection, InspectionResult


def follow_amendment(
    session: Session,
    inspection: Inspection,
    changes: Sequence[Mapping[str, Any]],
    reason: str,
    *,
    by: str,
    on: dt.date,
) -> list[uuid.UUID]:
    """Apply the rule above to ``changes`` (an amendment's rows: item_id, code, old, new,
    new_note) inside the caller's write; returns the hazards opened."""
    results = {
        r.item_id: r
        for r in session.scalars(
            select(InspectionResult).where(
                InspectionResult.inspection_id == inspection.id,
                InspectionResult.deleted_at.is_(None),
            )
        )
    }
    wanted = [uuid.UUID(str(c["item_id"])) for c in changes]
    items = find_items(session, wanted)
    opened: list[uuid.UUID] = []
    for change in changes:
        item_id = uuid.UUID(str(change["item_id"]))
        old, new = ItemResult(change["old"]), ItemResult(change["new"])
        result = results.get(item_id)
        if result is None or (old is ItemResult.FAIL) is (new is ItemResult.FAIL):
            continue
        why = f"更正：{change['code']} {old.zh}→{new.zh}；{reason}"
        unclosed = _unclosed(session, result.id)
        if new is not ItemResult.FAIL:
            for hazard in unclosed:
                hazard.status = HazardStatus.CLOSED
                hazard.closed_on = on
                add_event(session, hazard, HazardEventKind.WITHDRAWN, on, by, reason=why)
        elif not unclosed and item_id in items:
            note = change.get("new_note")
            hazard = open_for_item(
                session,
                inspection,
                result,
                items[item_id],
                note,
                counted_from=on,
                by=by,
                reason=why,
            )
            opened.append(hazard.id)
    session.flush()
    return opened


def _unclosed(session: Session, result_id: uuid.UUID) -> list[Hazard]:
    return list(
        session.scalars(
            select(Hazard).where(
                Hazard.result_id == result_id,
                Hazard.status != HazardStatus.CLOSED,
                Hazard.deleted_at.is_(None),
            )
        )
    )
