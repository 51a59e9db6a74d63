"""A hand-counted set of hazards (see test_figures.py for the counts worked out by hand)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import (
    HazardLevel,
    HazardStatus,
    InspectionType,
    InstitutionKind,
    ItemResult,
)
from mzdesk.services.checklists import install_shipped
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.store.engine import Store
from mzdesk.store.models import Hazard, Inspection, InspectionResult
from tests.helpers.actors import SETUP

D = dt.date
ORD, MAJ = HazardLevel.ORDINARY, HazardLevel.MAJOR
OPEN, DOING, CHECK, CLOSED = (
    HazardStatus.OPEN,
    HazardStatus.IN_PROGRESS,
    HazardStatus.AWAITING_CHECK,
    HazardStatus.CLOSED,
)


@dataclass(frozen=True)
class Homes:
    a: uuid.UUID  # region 370212, the hazards h1–h8, h10
    b: uuid.UUID  # region 370203, h9
    s1: str
    s2: str


def add_hazards(store: Store) -> Homes:
    a = create_institution(
        store,
        SETUP,
        InstitutionData("崂山颐养院", InstitutionKind.NURSING_HOME, region_code="370212"),
    )
    b = create_institution(
        store,
        SETUP,
        InstitutionData("市南福利院", InstitutionKind.NURSING_HOME, region_code="370203"),
    )
    template = next(t for t in shipped_templates() if t.code == "GB38600")
    item1 = next(i for i in template.items if i.section == "基本要求")
    item2 = next(i for i in template.items if i.section == "服务防护（九防）")
    with store.write(SETUP) as session:
        install_shipped(session)
        inspection = Inspection(
            institution_id=a.id,
            template_id=template.id,
            inspected_on=D(2026, 2, 10),
            inspection_type=InspectionType.MONTHLY,
            inspectors="张三",
        )
        session.add(inspection)
        session.flush()
        results = {}
        for key, item in (("s1", item1), ("s2", item2)):
            result = InspectionResult(
                institution_id=a.id,
                inspection_id=inspection.id,
                item_id=item.id,
                result=ItemResult.FAIL,
            )
            session.add(result)
            session.flush()
            results[key] = result.id

        def hazard(
            home: uuid.UUID,
            section: str | None,
            level: HazardLevel,
            found: dt.date,
            deadline: dt.date,
            status: HazardStatus,
            *,
            rectified: dt.date | None = None,
            rechecked: dt.date | None = None,
            deleted: dt.date | None = None,
        ) -> None:
            session.add(
                Hazard(
                    institution_id=home,
                    inspection_id=inspection.id if section else None,
                    result_id=results[section] if section else None,
                    description=f"隐患 {found.isoformat()}",
                    level=level,
                    found_on=found,
                    deadline=deadline,
                    status=status,
                    rectified_on=rectified,
                    rechecked_on=rechecked,
                    deleted_at=dt.datetime.combine(deleted, dt.time(9)) if deleted else None,
                )
            )

        hazard(a.id, "s1", ORD, D(2026, 2, 10), D(2026, 3, 12), CLOSED, rechecked=D(2026, 3, 5))
        hazard(a.id, None, MAJ, D(2026, 2, 20), D(2026, 2, 27), DOING)  # h2
        hazard(a.id, "s1", ORD, D(2026, 3, 3), D(2026, 4, 2), CLOSED, rechecked=D(2026, 3, 20))
        hazard(a.id, "s2", MAJ, D(2026, 3, 15), D(2026, 3, 22), CLOSED, rechecked=D(2026, 5, 10))
        hazard(a.id, "s2", ORD, D(2026, 4, 5), D(2026, 4, 30), CHECK, rectified=D(2026, 4, 20))
        hazard(a.id, None, ORD, D(2026, 4, 10), D(2026, 5, 10), CLOSED, rectified=D(2026, 4, 12))
        hazard(a.id, "s1", ORD, D(2026, 5, 2), D(2026, 6, 1), OPEN)  # h7: after the period
        hazard(a.id, "s2", MAJ, D(2026, 1, 5), D(2026, 1, 12), CLOSED, rechecked=D(2026, 2, 1))
        hazard(b.id, None, ORD, D(2026, 3, 10), D(2026, 6, 1), OPEN)  # h9: the other region
        hazard(a.id, "s1", MAJ, D(2026, 3, 11), D(2026, 3, 18), OPEN, deleted=D(2026, 3, 12))
        hazard(a.id, "s2", ORD, D(2026, 3, 25), D(2026, 4, 1), OPEN, deleted=D(2026, 5, 5))  # h11
    return Homes(a.id, b.id, item1.section, item2.section)


@pytest.fixture
def homes(store: Store) -> Homes:
    return add_hazards(store)
