"""An inspection with failed items whose hazards were opened by the hazards package.

The home inspects with its own version of GB 38600 in which it marked the first item 重大
(as a home may, in the checklist editor): one failed item is a major hazard and one an
ordinary one, from the same inspection. The inspection and its results are written as rows,
the way the inspecting screens (part C) record them."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import InspectionStatus, InspectionType, ItemResult
from mzdesk.services.checklist_editing import copy_template, draft_of, publish, save_draft
from mzdesk.services.checklists import load_version
from mzdesk.services.hazards import open_hazards_for_failures
from mzdesk.services.views import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.models import HomeChecklist, Inspection, InspectionResult
from tests.helpers.actors import SETUP

FOUND = dt.date(2026, 3, 1)
CHECKLIST = "养老机构服务安全基本规范 自查表"


@dataclass(frozen=True)
class Inspected:
    inspection_id: uuid.UUID
    hazards: list[uuid.UUID]  # in item order: the first from the item marked 重大


def home_version(store: Store, institution_id: uuid.UUID, rectify_days: int = 30) -> uuid.UUID:
    """The home's published version of GB 38600, its first item marked 重大 (made once)."""
    shipped = next(t for t in shipped_templates() if t.code == "GB38600")
    with store.read() as session:
        found = session.scalar(
            select(HomeChecklist.id).where(HomeChecklist.institution_id == institution_id)
        )
    if found is not None:
        return found
    version_id = copy_template(store, SETUP, shipped.id, institution_id)
    draft = draft_of(load_version(store, version_id))
    items = (replace(draft.items[0], major_hazard=True), *draft.items[1:])
    save_draft(store, SETUP, version_id, replace(draft, items=items, rectify_days=rectify_days))
    publish(store, SETUP, version_id)
    return version_id


def inspect_with_failures(
    store: Store,
    institution_id: uuid.UUID,
    on: dt.date = FOUND,
    *,
    complete: bool = True,
    inspectors: str = "张三、李四",
    note: str = "三楼西侧",
) -> Inspected:
    """The first item (重大) and the last (一般) failed, the rest passed."""
    version = load_version(store, home_version(store, institution_id))
    with store.write(SETUP) as session:
        inspection = Inspection(
            institution_id=institution_id,
            template_id=version.id,
            inspected_on=on,
            inspection_type=InspectionType.MONTHLY,
            inspectors=inspectors,
        )
        session.add(inspection)
        session.flush()
        first, last = version.items[0], version.items[-1]
        for item in version.items:
            session.add(
                InspectionResult(
                    institution_id=institution_id,
                    inspection_id=inspection.id,
                    item_id=item.id,
                    result=ItemResult.FAIL if item in (first, last) else ItemResult.PASS,
                    note=note if item is first else None,
                )
            )
        session.flush()
        hazards = open_hazards_for_failures(session, inspection)
        if complete:
            inspection.status = InspectionStatus.COMPLETED
    return Inspected(inspection.id, hazards)


@pytest.fixture
def inspected(store: Store, home: InstitutionView) -> Inspected:
    return inspect_with_failures(store, home.id)
