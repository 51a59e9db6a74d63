"""A home's own checklist version (issue 12 part A) prints and counts like a shipped one: the
report lists its items (an added section included) and the hazard figures file a hazard of
its items under that section."""

from __future__ import annotations

import dataclasses
import datetime as dt

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import HazardLevel, InspectionType, ItemResult
from mzdesk.reports.inspection_report import write_inspection_report
from mzdesk.services.checklist_editing import (
    DraftItem,
    copy_template,
    draft_of,
    publish,
    save_draft,
)
from mzdesk.services.checklists import load_version
from mzdesk.services.inspection_report import file_reader, inspection_report
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.hazards import hazard_statistics
from mzdesk.store.models import Hazard, Inspection, InspectionResult
from tests.helpers.actors import SETUP
from tests.reports.conftest import flat, pdftotext

DAY = dt.date(2026, 6, 1)


def test_a_home_version_prints_and_counts(store, home, tmp_path):
    shipped = next(t for t in shipped_templates() if t.code == "GB38600")
    version_id = copy_template(store, SETUP, shipped.id, home.id)
    draft = draft_of(load_version(store, version_id))
    added = DraftItem("H1", "本院自定", "电动车集中充电棚有专人管理，夜间巡查到位")
    save_draft(store, SETUP, version_id, dataclasses.replace(draft, items=(*draft.items, added)))
    publish(store, SETUP, version_id)
    version = load_version(store, version_id)
    own = next(i for i in version.items if i.code == "H1")
    with store.write(SETUP) as session:
        inspection = Inspection(
            institution_id=home.id,
            template_id=version_id,
            inspected_on=DAY,
            inspection_type=InspectionType.SELF_DAILY,
            inspectors="刘志强",
        )
        session.add(inspection)
        session.flush()
        for item in version.items:
            result = InspectionResult(
                institution_id=home.id,
                inspection_id=inspection.id,
                item_id=item.id,
                result=ItemResult.FAIL if item.id == own.id else ItemResult.PASS,
                note="充电棚无人值守" if item.id == own.id else None,
            )
            session.add(result)
            session.flush()
            if item.id == own.id:
                session.add(
                    Hazard(
                        institution_id=home.id,
                        inspection_id=inspection.id,
                        result_id=result.id,
                        description=own.text,
                        level=HazardLevel.ORDINARY,
                        found_on=DAY,
                        deadline=DAY + dt.timedelta(days=30),
                    )
                )
        inspection_id = inspection.id
    report = inspection_report(store, inspection_id, today=DAY)
    assert report.template_version == version.version != shipped.version
    assert len(report.items) == len(shipped.items) + 1
    pdf = tmp_path / "home-version.pdf"
    write_inspection_report(pdf, report, file_reader(store))
    text = flat(pdftotext(pdf))
    assert flat(f"版本 {version.version}") in text
    assert "本院自定" in text and flat("H1" + own.text) in text and "充电棚无人值守" in text
    figures = hazard_statistics(store, Scope(home.id), DAY, DAY)
    assert figures.by_section == {"本院自定": figures.total} and figures.found == 1
