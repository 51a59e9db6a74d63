"""A bureau's laptop (enrolled for a region) records inspections, hazards and their photos for
the homes of its district; the server refuses its writes to a home's own records — residents,
beds, workers and everything hanging off them — with ``region_home_records``, which the
desktop shows as a quarantined change in Chinese (server/regions.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
from sqlalchemy import select

from mzdesk.core.vocab import HazardLevel, InspectionType
from mzdesk.server.regions import HOME_RECORDS
from mzdesk.services.attachments import read_file
from mzdesk.services.checklists import install_shipped
from mzdesk.store.models import Bed, ChecklistTemplate, Hazard, Institution, Resident
from mzdesk.store.values import synced_tables
from mzdesk.sync.review import quarantined
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import begin
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, edit, seed
from tests.sync.test_files import headers, png

# what a region's device writes: the inspection tables (accounts have their own refusal)
INSPECTION_TABLES = {
    "inspections",
    "inspection_results",
    "inspection_signatures",
    "inspection_amendments",
    "hazards",
    "hazard_events",
    "hazard_follow_ups",
    "attachments",
}


def test_every_synced_table_is_either_the_homes_or_for_inspections():
    """A table added later must be put on one side deliberately (server/regions.py)."""
    unclassified = set(synced_tables()) - HOME_RECORDS - INSPECTION_TABLES - {"users"}
    assert not unclassified, f"classify for region devices in server/regions.py: {unclassified}"


@pytest.fixture
def district(server, tmp_path):
    server.institution("城南院", region="370212")
    home = new_client(tmp_path, server, server.code(institution="城南院"), "城南院电脑")
    sync(home)
    residents = seed(home, beds=4, residents=1)
    sync(home)
    bureau = new_client(tmp_path, server, server.code(region="370212"), "区民政局笔记本")
    sync(bureau)
    return home, bureau, residents


def _home_id(store):
    with store.read() as session:
        return session.scalars(select(Institution.id)).one()


def test_the_bureau_inspects_but_cannot_change_residents_or_beds(district, server):
    home, bureau, (resident,) = district
    home_id = _home_id(bureau)
    # its writes to the home's own records come back refused, with a Chinese reason
    edit(bureau, resident, phone="13900000000")
    with bureau.write(SETUP) as session:
        bed = session.scalars(select(Bed)).first()
        assert bed is not None
        bed.note = "民政局改的"
    report = sync(bureau)
    assert report.outcomes.get("rejected") == 2
    refused = {q.table: q.error for q in quarantined(bureau)}
    assert set(refused) == {"residents", "beds"}
    assert "按区域注册的电脑" in refused["residents"] and "「住户」" in refused["residents"]
    assert "「床位」" in refused["beds"]
    sync(home)
    with home.read() as session:
        assert session.get(Resident, resident).phone != "13900000000"

    # an inspection, its hazard and a photo of it go through and reach the home
    with bureau.write(SETUP) as session:
        install_shipped(session)
        template = session.scalars(
            select(ChecklistTemplate.id).where(ChecklistTemplate.code == "GB38600")
        ).first()
    assert template is not None
    inspection = begin(
        bureau, home_id, template, dt.date(2026, 12, 1), InspectionType.RANDOM, "张三、李四"
    )
    with bureau.write(SETUP) as session:
        session.add(
            Hazard(
                institution_id=home_id,
                inspection_id=inspection,
                description="疏散通道堆放杂物",
                level=HazardLevel.ORDINARY,
                found_on=dt.date(2026, 12, 1),
                deadline=dt.date(2026, 12, 15),
            )
        )
    photo = png(41)
    sha = _attach_to(bureau, home_id, photo, "inspections", inspection)
    report = sync(bureau)
    assert report.outcomes.get("rejected", 0) == 0 and report.files.sent == 1
    sync(home)
    tables = dump(home)
    assert str(inspection) in tables["inspections"] and len(tables["hazards"]) == 1
    assert read_file(home, sha) == photo


def _attach_to(store, institution_id, data, owner_table, owner_id) -> str:
    from mzdesk.core.vocab import AttachmentKind
    from mzdesk.services.attachments import add_attachment, store_file

    ref = store_file(store, data, "image/png")
    with store.write(SETUP) as session:
        add_attachment(
            session,
            institution_id=institution_id,
            owner_table=owner_table,
            owner_id=owner_id,
            ref=ref,
            kind=AttachmentKind.PHOTO,
        )
    return ref.sha256


def test_each_home_table_is_refused_to_a_region_device_and_not_to_the_home(district, server):
    home, bureau, _ = district
    home_id = str(_home_id(bureau))

    def push(store, table, data):
        change = {
            "change_id": str(uuid.uuid4()),
            "table": table,
            "row_id": str(uuid.uuid4()),
            "institution_id": home_id,
            "op": "insert",
            "data": data,
        }
        with httpx.Client(base_url=server.url, timeout=30) as http:
            reply = http.post("/v1/push", json={"changes": [change]}, headers=headers(store))
        assert reply.status_code == 200
        return reply.json()["results"][0]

    for table in sorted(HOME_RECORDS - {"institutions"}):
        refused = push(bureau, table, {})
        assert refused["reason_code"] == "region_home_records", table
        assert refused["reason_params"] == {"table": table}
        # the same change from the home's own PC is not refused for that reason
        assert push(home, table, {})["reason_code"] != "region_home_records", table
    # a new institution: only the administrator creates one (refused before the region rule)
    assert push(bureau, "institutions", {})["reason_code"] == "institution_not_created"
    # a photo of a resident is the home's; a photo of an inspection is the bureau's to add
    owner = {"owner_table": "residents", "owner_id": str(uuid.uuid4())}
    assert push(bureau, "attachments", owner)["reason_code"] == "region_home_records"
    owner["owner_table"] = "inspections"
    assert push(bureau, "attachments", owner)["reason_code"] == "missing_fields"


def test_a_region_device_does_not_offer_the_homes_edits(district):
    from mzdesk.core.permissions import Permission, PermissionDenied
    from mzdesk.services.residents import ResidentData, update_resident
    from mzdesk.sync.device import acting_here, is_region_device
    from tests.helpers.people import id_number

    home, bureau, (resident,) = district
    assert is_region_device(bureau) and not is_region_device(home)
    here = acting_here(bureau, SETUP)
    assert not here.can(Permission.RESIDENTS_EDIT) and not here.can(Permission.BEDS_EDIT)
    assert not here.can(Permission.WORKERS_EDIT)
    assert here.can(Permission.INSPECTIONS_EDIT) and here.can(Permission.SYNC_RUN)
    assert acting_here(home, SETUP).can(Permission.RESIDENTS_EDIT)
    with pytest.raises(PermissionDenied):
        update_resident(bureau, here, resident, ResidentData(name="改名", id_number=id_number()))
