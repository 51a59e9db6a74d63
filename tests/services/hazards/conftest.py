"""An inspection with failed items whose hazards were opened by the hazards package."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import InspectionStatus, InspectionType, ItemResult
from mzdesk.services.hazards import open_hazards_for_failures
from mzdesk.services.inspections import InspectionStart, record_result, start_inspection
from mzdesk.services.views import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.models import Inspection
from tests.helpers.actors import SETUP

FOUND = dt.date(2026, 3, 1)


@dataclass(frozen=True)
class Inspected:
    inspection_id: uuid.UUID
    hazards: list[uuid.UUID]  # in item order: the first from a major-hazard item


def inspect_with_failures(
    store: Store,
    institution_id: uuid.UUID,
    on: dt.date = FOUND,
    *,
    complete: bool = True,
    inspectors: str = "张三、李四",
) -> Inspected:
    """YLJG-ZDYH (major-hazard items first) with its first item and its last (ordinary) item
    failed, the rest passed."""
    template = next(t for t in shipped_templates() if t.code == "YLJG-ZDYH")
    inspection_id = start_inspection(
        store,
        SETUP,
        InspectionStart(institution_id, template.id, on, InspectionType.MONTHLY, inspectors),
    )
    ordinary = next(i for i in reversed(template.items) if not i.major_hazard)
    for item in template.items:
        failed = item is template.items[0] or item is ordinary
        note = "三楼西侧" if item is template.items[0] else None
        result = ItemResult.FAIL if failed else ItemResult.PASS
        record_result(store, SETUP, inspection_id, item.id, result, note)
    with store.write(SETUP) as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None
        hazards = open_hazards_for_failures(session, inspection)
        if complete:
            inspection.status = InspectionStatus.COMPLETED
    return Inspected(inspection_id, hazards)


@pytest.fixture
def inspected(store: Store, home: InstitutionView) -> Inspected:
    return inspect_with_failures(store, home.id)
