"""A bureau's laptop receives a children's home's figures, not the children's private details
(issue 16): no birth family, no finding circumstances, no placement family, no intake
documents, no contacts, no ID numbers — while the home's own second PC receives everything.
The bureau's figures still work on what it receives (running notices and their deadlines)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.children import IntakeWay, PlacementKind
from mzdesk.core.identifiers import make_id_number
from mzdesk.core.vocab import ChildCategory, Gender, Relationship
from mzdesk.services.children import (
    Intake,
    IntakeDocument,
    Placement,
    place_child,
    publish_notice,
    receive_child,
    record_visit,
    running_notices,
)
from mzdesk.services.residents import ContactData, ResidentData
from mzdesk.store.models import (
    Attachment,
    ChildIntake,
    ChildPlacement,
    Contact,
    FamilyNotice,
    Institution,
    PlacementVisit,
    Resident,
)
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.test_files import png

TODAY = dt.date(2026, 11, 30)
CHILD_ID = make_id_number("370212", dt.date(2020, 2, 20), 2)
SECRETS = (
    CHILD_ID,
    "城关派出所",
    "JB2026-0301",
    "生母姓陈",
    "李建国",
    "幸福路8号",
    "13800000000",
    "适应良好",
)


def _the_child(store) -> None:
    with store.read() as session:
        home = session.scalars(select(Institution.id)).one()
    child = receive_child(
        store,
        SETUP,
        home,
        ResidentData(
            name="党小春",
            id_number=CHILD_ID,
            gender=Gender.FEMALE,
            birth_date=dt.date(2020, 2, 20),
            child_category=ChildCategory.ABANDONED_INFANT,
            household_address="市福利院集体户",
            contacts=(
                ContactData(name="陈某", relationship=Relationship.OTHER, phone="13900000001"),
            ),
        ),
        Intake(
            IntakeWay.POLICE,
            dt.date(2026, 3, 2),
            found_on=dt.date(2026, 3, 1),
            found_place="市妇幼保健院门口",
            brought_by="城关派出所",
            police_report_number="JB2026-0301",
            birth_family="生母姓陈",
        ),
        documents=[IntakeDocument(png(7), "捡拾报案证明", "image/png")],
        today=TODAY,
    )
    publish_notice(store, SETUP, child.id, dt.date(2026, 10, 1), publication="市日报", today=TODAY)
    placement = place_child(
        store,
        SETUP,
        child.id,
        Placement(
            PlacementKind.FOSTER,
            dt.date(2026, 6, 1),
            family_name="李建国家庭",
            family_address="城关镇幸福路8号",
            family_phone="13800000000",
        ),
        today=TODAY,
    )
    record_visit(store, SETUP, placement, dt.date(2026, 7, 1), "社工张敏", "适应良好", today=TODAY)


@pytest.fixture
def children_district(server, tmp_path):
    server.institution("市儿童福利院", region="370212", kind="children_home")
    code = server.code(institution="市儿童福利院")
    home = new_client(tmp_path, server, code, "福利院电脑")
    sync(home)
    _the_child(home)
    report = sync(home)
    assert report.outcomes.get("rejected", 0) == 0
    second = new_client(tmp_path, server, server.code(institution="市儿童福利院"), "福利院电脑2")
    bureau = new_client(tmp_path, server, server.code(region="370212"), "区民政局笔记本")
    sync(second)
    sync(bureau)
    return second, bureau


def _everything(store) -> str:
    """Every value of every row a replica holds, as one text to search."""
    import sqlite3

    parts = []
    with store.read() as session:
        connection = session.connection().connection.driver_connection
        assert isinstance(connection, sqlite3.Connection) or connection is not None
        tables = [
            r[0] for r in connection.execute("select name from sqlite_master where type='table'")
        ]
        for table in tables:
            for row in connection.execute(f'select * from "{table}"'):
                parts.append(" ".join(str(v) for v in row))
    return "\n".join(parts)


def test_the_bureau_gets_figures_not_the_childs_private_details(children_district):
    second, bureau = children_district
    with second.read() as session:  # the home's own PC: everything
        assert session.scalars(select(ChildIntake.brought_by)).one() == "城关派出所"
        assert session.scalars(select(ChildPlacement.family_name)).one() == "李建国家庭"
        assert session.scalars(select(Attachment)).first() is not None
        assert session.scalars(select(Contact)).first() is not None
    with bureau.read() as session:
        child = session.scalars(select(Resident)).one()
        # what the figures need arrives
        assert child.child_category is ChildCategory.ABANDONED_INFANT
        assert child.birth_date == dt.date(2020, 2, 20)
        intake = session.scalars(select(ChildIntake)).one()
        assert (intake.way, intake.intake_date) == (IntakeWay.POLICE, dt.date(2026, 3, 2))
        placement = session.scalars(select(ChildPlacement)).one()
        assert (placement.kind, placement.start_date) == (PlacementKind.FOSTER, dt.date(2026, 6, 1))
        assert session.scalars(select(PlacementVisit)).one().findings is None
        assert session.scalars(select(FamilyNotice)).one().publication is None
        # the private details do not
        assert child.id_number is None and child.household_address is None
        assert session.scalars(select(Contact)).first() is None
        assert session.scalars(select(Attachment)).first() is None
        notices = running_notices(session, [child.institution_id], dt.date(2026, 12, 1))
        assert [(n.period_end, n.expired) for n in notices] == [(dt.date(2026, 11, 30), True)]
    held = _everything(bureau)
    leaked = [s for s in SECRETS if s in held]
    assert leaked == [], f"the bureau's laptop holds {leaked}"
    for secret in SECRETS:  # the test can fail: the home's PC does hold them
        assert secret in _everything(second)


def test_the_bureau_cannot_fetch_an_intake_document_even_knowing_its_hash(
    children_district, server
):
    """Defence in depth: the bureau's laptop never learns an intake document's hash (the
    attachment row is withheld), but a laptop that knew it — from a leaked copy, or a forged
    bundle asking for it — still gets nothing: not by HTTP, not in a USB bundle."""
    import httpx

    from mzdesk.server.bundles import export_bundle, import_bundle
    from mzdesk.store.files import sha256_of
    from tests.sync.test_bundle_files import device_id, reseal
    from tests.sync.test_files import headers

    second, bureau = children_district
    document = sha256_of(png(7))
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.get(f"/v1/files/{document}", headers=headers(second)).status_code == 200
        asked = http.get(f"/v1/files/{document}", headers=headers(bureau))
        assert asked.status_code == 404, asked.text
        lacking = http.post(
            "/v1/files/lacking", json={"sha256": [document]}, headers=headers(bureau)
        )
        assert lacking.json()["unknown"] == [document]
    forged = reseal(bureau, lambda content: content.update(files_wanted=[document]))
    import_bundle(server.db, forged)
    back = export_bundle(server.db, device_id(server, "区民政局笔记本"))
    assert png(7) not in _bundle_files(bureau, back)
    assert document not in _bundle_held(bureau, back)


def test_a_home_cannot_fetch_another_homes_file_by_asking_for_it_in_a_bundle(
    children_district, server, tmp_path
):
    """A device's bundle says which files it lacks; the server's bundle back carried any
    stored file so named, whoever it belonged to."""
    from mzdesk.server.bundles import export_bundle, import_bundle
    from mzdesk.store.files import sha256_of
    from tests.sync.test_bundle_files import device_id, reseal

    server.institution("城南敬老院", region="370212")
    other = new_client(tmp_path, server, server.code(institution="城南敬老院"), "敬老院电脑")
    sync(other)
    document = sha256_of(png(7))
    import_bundle(server.db, reseal(other, lambda content: content.update(files_wanted=[document])))
    back = export_bundle(server.db, device_id(server, "敬老院电脑"))
    assert png(7) not in _bundle_files(other, back)


def _bundle_content(store, data: bytes) -> dict:
    from mzdesk.core.bundle import read_bundle
    from mzdesk.sync.device import enrolment

    with store.read() as session:
        found = enrolment(session)
    assert found is not None
    return read_bundle(data, found.bundle_key, "to_device")


def _bundle_files(store, data: bytes) -> list[bytes]:
    from mzdesk.core.bundle import read_file_entry

    files = []
    for entry in _bundle_content(store, data)["files"]:
        decoded = read_file_entry(entry)
        assert decoded is not None
        files.append(decoded[2])
    return files


def _bundle_held(store, data: bytes) -> list[str]:
    return list(_bundle_content(store, data)["files_held"])
