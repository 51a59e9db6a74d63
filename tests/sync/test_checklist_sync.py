"""A home's own checklist version syncs: the home's second PC and a bureau laptop of its
region receive it, and an inspection made with it (its results refer to the version's items)
applies on every replica with the same list behind it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from mzdesk.core.checklists import TemplateStatus, shipped_templates
from mzdesk.core.vocab import InspectionType, ItemResult
from mzdesk.services.checklist_editing import (
    DraftItem,
    copy_template,
    draft_of,
    publish,
    save_draft,
)
from mzdesk.services.checklists import load_version
from mzdesk.store.models import Inspection, InspectionResult
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import institution_id


def test_a_home_version_and_an_inspection_using_it_reach_every_replica(server, tmp_path):
    server.institution("阳光养老院", region="370212")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    home = institution_id(a)
    patrol = next(t for t in shipped_templates() if t.code == "FHXC")
    version = copy_template(a, SETUP, patrol.id, home)
    editing = draft_of(load_version(a, version))
    added = DraftItem("11", "防火巡查", "厨房夜间断电并上锁", look_at="夜班查看厨房")
    save_draft(a, SETUP, version, dataclasses.replace(editing, items=(*editing.items, added)))
    publish(a, SETUP, version)
    used = load_version(a, version)
    # an inspection made with the home's version (written as part C's service will)
    with a.write(SETUP) as session:
        inspection = Inspection(
            institution_id=home,
            template_id=version,
            inspected_on=dt.date(2026, 11, 30),
            inspection_type=InspectionType.SELF_DAILY,
            inspectors="值班员",
        )
        session.add(inspection)
        session.flush()
        session.add(
            InspectionResult(
                institution_id=home,
                inspection_id=inspection.id,
                item_id=used.items[-1].id,
                result=ItemResult.FAIL,
                note="未上锁",
            )
        )
    sync(a)

    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    bureau = new_client(tmp_path, server, server.code(region="370212"), "区民政局笔记本")
    for replica in (b, bureau):
        sync(replica)
        there = load_version(replica, version)
        assert there == used and there.status is TemplateStatus.PUBLISHED
        assert there.items[-1].text == "厨房夜间断电并上锁"
        with replica.read() as session:
            (result,) = session.scalars(select(InspectionResult)).all()
            template_id = session.get(Inspection, result.inspection_id).template_id
        assert template_id == version
        assert {i.id: i.text for i in there.items}[result.item_id] == "厨房夜间断电并上锁"
