"""An amendment (更正) and the hazards its items opened: amending a 不合格 away withdraws the
item's unclosed hazard (已销号 by a 更正撤销 event naming the amendment and its reason), and
amending an item to 不合格 opens a hazard for it as finishing does."""

from __future__ import annotations

import datetime as dt

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardStatus, ItemResult
from mzdesk.services.hazards import hazard_detail, list_hazards
from mzdesk.services.inspecting.finish import ItemCorrection, amend_inspection
from mzdesk.services.inspection_report import inspection_report
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import close_hazard
from tests.helpers.inspection_report import make_inspection

TEMPLATE = next(t for t in shipped_templates() if t.code == "GB38600")
ITEMS = {i.code: i for i in TEMPLATE.items}
TODAY = dt.date.today()


def amend(store, inspection_id, code: str, result: ItemResult, note: str | None = None):
    return amend_inspection(
        store, SETUP, inspection_id, [ItemCorrection(ITEMS[code].id, result, note)], "复核误判"
    )


def by_code(store, inspection_id) -> dict[str | None, list]:
    report = inspection_report(store, inspection_id)
    found: dict[str | None, list] = {}
    for h in report.hazards:
        found.setdefault(h.item_code, []).append(h)
    return found


def test_amending_a_failure_away_withdraws_its_hazard(store, home):
    printed = make_inspection(store, home.id)
    hazard_02 = printed.hazard_ids[0]
    amend(store, printed.inspection_id, "02", ItemResult.PASS)
    detail = hazard_detail(store, hazard_02)
    assert detail.hazard.status is HazardStatus.CLOSED
    last = detail.events[-1]
    assert (last.kind, last.on, last.by, last.status) == (
        HazardEventKind.WITHDRAWN,
        TODAY,
        SETUP.name,
        HazardStatus.CLOSED,
    )
    assert last.text == "更正：02 不合格→合格；复核误判"
    report = inspection_report(store, printed.inspection_id)
    assert [h.item_code for h in report.open_hazards] == ["15", "19"]
    (withdrawn,) = [h for h in report.hazards if h.item_code == "02"]
    assert withdrawn.withdrawn and withdrawn.rechecked_on is None
    rows = list_hazards(store, home.id)
    assert sum(1 for r in rows if r.status is HazardStatus.CLOSED) == 1


def test_amending_to_not_applicable_withdraws_too_but_a_closed_hazard_stays_as_it_was(store, home):
    printed = make_inspection(store, home.id)
    close_hazard(store, printed.hazard_ids[1], dt.date(2026, 3, 10))  # 15, rectified
    before = hazard_detail(store, printed.hazard_ids[1]).events
    amend_inspection(
        store,
        SETUP,
        printed.inspection_id,
        [
            ItemCorrection(ITEMS["15"].id, ItemResult.NOT_APPLICABLE, None),
            ItemCorrection(ITEMS["19"].id, ItemResult.NOT_APPLICABLE, None),
        ],
        "该项不适用本院",
    )
    assert hazard_detail(store, printed.hazard_ids[1]).events == before
    after = hazard_detail(store, printed.hazard_ids[2])
    assert after.hazard.status is HazardStatus.CLOSED
    assert after.events[-1].text == "更正：19 不合格→不适用；该项不适用本院"


def test_amending_an_item_to_fail_opens_a_hazard_like_finishing(store, home):
    printed = make_inspection(store, home.id)
    amend(store, printed.inspection_id, "01", ItemResult.FAIL, "灭火器压力不足")
    (hazard,) = by_code(store, printed.inspection_id)["01"]
    assert hazard.status is HazardStatus.OPEN
    assert "灭火器压力不足" in hazard.description
    assert hazard.found_on == dt.date(2026, 3, 2)  # found by that inspection
    assert hazard.deadline > TODAY  # the days to rectify count from the amendment
    # amended away and back again: the withdrawn one stays closed, a new one opens
    amend(store, printed.inspection_id, "01", ItemResult.PASS)
    amend(store, printed.inspection_id, "01", ItemResult.FAIL, "复查仍不足")
    hazards = by_code(store, printed.inspection_id)["01"]
    assert [h.status for h in hazards] == [HazardStatus.CLOSED, HazardStatus.OPEN]
    assert "复查仍不足" in hazards[1].description


def test_an_item_whose_hazard_is_still_open_gets_no_second_one(store, home):
    printed = make_inspection(store, home.id)
    amend(store, printed.inspection_id, "02", ItemResult.FAIL, "另有说明")
    assert len(by_code(store, printed.inspection_id)["02"]) == 1
