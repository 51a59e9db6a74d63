"""Sync through a real server process, on SQLite and on PostgreSQL (sync.md guarantees)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import uuid

import httpx
import pytest
from sqlalchemy import select

from mzdesk.store.models import Contact, Institution, OutboxEntry
from mzdesk.sync.client import SyncFailure
from mzdesk.sync.device import enrolment, schema_version
from mzdesk.sync.outbox import outbox_batch
from mzdesk.sync.review import open_conflicts, quarantined, resend, resolve_conflict
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, edit, outbox_states, seed, value


@pytest.fixture
def pair(server, tmp_path):
    """Two desktops of one nursing home, both synced with the first one's records."""
    server.institution("阳光养老院")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    residents = seed(a)
    sync(a)
    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(b)
    return a, b, residents


def test_a_new_device_receives_its_institution_on_first_sync(pair):
    a, b, _ = pair
    assert dump(a) == dump(b)
    assert len(dump(b)["residents"]) == 2 and len(dump(b)["beds"]) == 4
    assert outbox_states(a) == {"acked": outbox_states(a)["acked"]}
    status = sync_status(b)
    assert status["pending"] == 0 and status["last_sync"]
    assert abs(status["clock_offset_s"]) < 5 and not status["clock_warning"]


def test_different_fields_both_win_same_field_conflicts_and_converges(pair):
    a, b, (r, _) = pair
    edit(a, r, phone="13800000001")
    edit(b, r, ethnicity="回族")
    sync(a)
    sync(b)
    sync(a)
    assert value(a, r, "phone") == value(b, r, "phone") == "13800000001"
    assert value(a, r, "ethnicity") == value(b, r, "ethnicity") == "回族"
    assert open_conflicts(a) == open_conflicts(b) == []

    edit(a, r, note="喜欢安静")
    edit(b, r, note="需要陪护")
    sync(a)  # arrives first
    sync(b)  # arrives later: applied, A's value kept in a conflict record
    sync(a)
    assert value(a, r, "note") == value(b, r, "note") == "需要陪护"
    (ca,) = open_conflicts(a)
    (cb,) = open_conflicts(b)
    assert ca == cb
    assert (ca.field, ca.applied["value"], ca.overwritten["value"]) == (
        "note",
        "需要陪护",
        "喜欢安静",
    )
    assert ca.applied["device_name"] == "护理站电脑" and ca.overwritten["device_name"] == "前台电脑"
    assert ca.applied["at"] and ca.overwritten["at"]

    resolve_conflict(b, SETUP, ca.id, "overwritten")  # keep A's text after all
    sync(b)
    sync(a)
    assert value(a, r, "note") == value(b, r, "note") == "喜欢安静"
    assert open_conflicts(a) == open_conflicts(b) == []
    assert dump(a) == dump(b)


def test_tombstones_win_over_concurrent_edits(pair):
    a, b, (r, _) = pair
    with a.write(SETUP) as session:
        session.add(Contact(institution_id=_inst(a), resident_id=r, name="李明"))
    sync(a)
    sync(b)
    with a.read() as session:
        contact_id = session.scalars(select(Contact.id)).one()
    with a.write(SETUP) as session:
        session.get(Contact, contact_id).deleted_at = dt.datetime(2026, 3, 1)
    with b.write(SETUP) as session:
        session.get(Contact, contact_id).phone = "13900000000"
    sync(a)
    sync(b)
    sync(a)
    for replica in (a, b):
        with replica.read() as session:
            contact = session.get(Contact, contact_id)
            assert contact.deleted_at is not None and contact.phone == "13900000000"
    assert dump(a) == dump(b)


def _inst(store):
    with store.read() as session:
        return session.scalars(select(Institution.id)).one()


def test_pushing_the_same_batch_twice_changes_nothing(pair, server):
    a, b, (r, _) = pair
    edit(a, r, phone="123")
    batch = outbox_batch(a, 100)
    with a.read() as session:
        token = enrolment(session).token
    headers = {"Authorization": f"Bearer {token}", "X-Mzdesk-Schema": schema_version()}
    first = httpx.post(server.url + "/v1/push", json={"changes": batch}, headers=headers).json()
    before = server_counts(server)
    again = httpx.post(
        server.url + "/v1/push",
        content=gzip.compress(json.dumps({"changes": batch}).encode()),
        headers={**headers, "Content-Encoding": "gzip", "Content-Type": "application/json"},
    ).json()
    assert again["results"] == first["results"]
    assert server_counts(server) == before
    sync(a)  # the client sends it a third time; still once
    assert server_counts(server) == before
    sync(b)
    assert value(b, r, "phone") == "123"


def server_counts(server):
    from mzdesk.server.admin import counts

    return counts(server.db)


def test_a_device_sees_and_writes_only_its_institutions(server, tmp_path):
    server.institution("甲院")
    server.institution("乙院", region="370203")
    a = new_client(tmp_path, server, server.code(institution="甲院"))
    b = new_client(tmp_path, server, server.code(institution="乙院"))
    sync(a)
    seed(a)
    sync(a)
    sync(b)
    names = {row["name"] for row in dump(b)["institutions"].values()}
    assert names == {"乙院"} and "residents" not in dump(b)
    # B forges changes to A's rows: an insert into A and an update of A's resident
    a_inst = _inst(a)
    a_resident = next(iter(dump(a)["residents"]))
    with b.write(SETUP) as session:
        for op, row_id in (("update", a_resident), ("insert", str(a_inst))):
            session.add(
                OutboxEntry(
                    change_id=uuid.uuid4(),
                    table_name="residents" if op == "update" else "buildings",
                    row_id=uuid.UUID(row_id) if op == "update" else uuid.uuid4(),
                    institution_id=a_inst,
                    op=op,
                    data={"note": "篡改"} if op == "update" else {"name": "X"},
                    base_rev=None,
                    state="pending",
                    attempts=0,
                )
            )
    sync(b)
    rejected = quarantined(b)
    assert len(rejected) == 2
    assert all(q.error == "本机没有注册这家机构，不能修改它的数据" for q in rejected)
    sync(a)
    assert all(r["note"] != "篡改" for r in dump(a)["residents"].values())


def test_a_revoked_device_is_refused_and_keeps_its_outbox(pair, server):
    a, _, (r, _) = pair
    from mzdesk.server.admin import list_devices, revoke

    device = next(d for d in list_devices(server.db) if d.name == "前台电脑")
    revoke(server.db, str(device.id))
    edit(a, r, phone="555")
    with pytest.raises(SyncFailure) as failure:
        sync(a)
    assert failure.value.code == "device_revoked"
    assert "吊销" in failure.value.message and "revoked" in failure.value.detail
    assert outbox_states(a).get("pending", 0) + outbox_states(a).get("sent", 0) == 1
    assert sync_status(a)["last_error"]


@pytest.mark.parametrize(
    ("version", "code"), [("0001", "client_too_old"), ("9999", "server_too_old")]
)
def test_schema_versions_old_client_told_to_upgrade_outbox_waits(pair, monkeypatch, version, code):
    a, _, (r, _) = pair
    edit(a, r, phone="777")
    monkeypatch.setattr("mzdesk.sync.device.schema_version", lambda: version)
    with pytest.raises(SyncFailure) as failure:
        sync(a)
    assert failure.value.code == code and "升级" in failure.value.message
    assert outbox_states(a).get("pending") == 1
    monkeypatch.undo()
    sync(a)
    assert outbox_states(a).get("pending") is None


def test_rejected_changes_are_quarantined_fixed_and_resent(pair):
    a, b, (r, _) = pair
    with a.write(SETUP) as session:  # a value the server refuses (too long for the field)
        session.add(
            OutboxEntry(
                change_id=uuid.uuid4(),
                table_name="residents",
                row_id=r,
                institution_id=_inst(a),
                op="update",
                data={"phone": "1" * 60},
                base_rev=None,
                state="pending",
                attempts=0,
            )
        )
    sync(a)
    (bad,) = quarantined(a)
    assert bad.error == "字段「phone」的内容太长（上限40）"  # too_long, naming the limit
    assert sync_status(a)["quarantined"] == 1
    sync(a)  # a quarantined change is kept, not resent by itself, not dropped
    assert len(quarantined(a)) == 1
    resend(a, SETUP, bad.seq, {"phone": "13512345678"})
    assert value(a, r, "phone") == "13512345678"
    sync(a)
    sync(b)
    assert quarantined(a) == []
    assert value(b, r, "phone") == "13512345678"


def test_pull_is_paged_and_resumes_after_an_interruption(pair, server, tmp_path, monkeypatch):
    import mzdesk.sync.client as client

    a, _, _ = pair
    seed(a, beds=40, residents=0, building="2号楼")
    sync(a)
    c = new_client(tmp_path, server, server.code(institution="阳光养老院"))
    monkeypatch.setattr(client, "PULL_PAGE", 7)
    calls = {"n": 0}

    class Breaks(httpx.AsyncHTTPTransport):
        async def handle_async_request(self, request):
            if request.url.path == "/v1/pull":
                calls["n"] += 1
                if calls["n"] >= 4:  # the connection stays down: retries do not help
                    raise httpx.ReadError("connection dropped")
            return await super().handle_async_request(request)

    with pytest.raises(SyncFailure):
        sync(c, transport=Breaks(), retry=client.Retry(attempts=2, base_s=0.01))
    cursor = sync_status(c)["cursor"]
    assert cursor > 0  # three pages kept
    report = sync(c)
    assert report.pages >= 2 and report.pulled < len(_all_rows(a))
    assert dump(c) == dump(a)


def _all_rows(store):
    return [row for rows in dump(store).values() for row in rows]


def test_bureau_device_pulls_its_region_and_stats_work_across(server, tmp_path):
    from mzdesk.stats.beds.asof import Scope
    from mzdesk.stats.beds.figures import bed_statistics

    server.institution("城南院", region="370212")
    server.institution("城北院", region="370212")
    server.institution("外区院", region="370203")
    homes = {}
    for name in ("城南院", "城北院", "外区院"):
        homes[name] = new_client(tmp_path, server, server.code(institution=name))
        sync(homes[name])
        seed(homes[name], beds=6, residents=2)
        sync(homes[name])
    bureau = new_client(tmp_path, server, server.code(region="3702"), "民政局笔记本")
    sync(bureau)
    names = {row["name"] for row in dump(bureau)["institutions"].values()}
    assert names == {"城南院", "城北院", "外区院"}
    district = new_client(tmp_path, server, server.code(region="370212"), "区民政局")
    sync(district)
    assert {row["name"] for row in dump(district)["institutions"].values()} == {"城南院", "城北院"}
    figures = bed_statistics(district, Scope())
    assert (figures.institutions, figures.total_beds, figures.occupied_beds) == (2, 12, 4)


def test_usb_bundles_both_ways_authenticated_and_idempotent(pair, server, tmp_path):
    from mzdesk.core.bundle import BundleError
    from mzdesk.server.admin import list_devices
    from mzdesk.server.bundles import export_bundle, import_bundle
    from mzdesk.sync.bundles import export_bundle as site_export
    from mzdesk.sync.bundles import import_bundle as site_import

    a, b, (r, _) = pair
    edit(a, r, phone="13011112222")
    data, count = site_export(a, SETUP)
    assert count == 1
    first = import_bundle(server.db, data)
    before = server_counts(server)
    again = import_bundle(server.db, data)  # the same file twice: nothing changes
    assert server_counts(server) == before and first["applied"] == 1 and again["applied"] == 1
    altered = bytearray(data)
    altered[-10] ^= 0xFF
    with pytest.raises(BundleError, match="被改动过或是伪造的") as refused:
        import_bundle(server.db, bytes(altered))
    assert refused.value.code == "bundle.signature"
    sync(b)
    assert value(b, r, "phone") == "13011112222"
    # and back: B's edit reaches A by a bundle from the server
    edit(b, r, ethnicity="满族")
    sync(b)
    device = next(d for d in list_devices(server.db) if d.name == "前台电脑")
    back = export_bundle(server.db, str(device.id))
    summary = site_import(a, SETUP, back)
    assert summary["applied"] >= 1
    assert value(a, r, "ethnicity") == "满族"
    assert outbox_states(a) == {"acked": outbox_states(a)["acked"]}
    snapshot = dump(a)
    site_import(a, SETUP, back)  # twice: nothing changes
    assert dump(a) == snapshot
    with pytest.raises(BundleError, match="给另一台电脑的"):
        site_import(b, SETUP, back)


def test_a_site_that_worked_offline_first_brings_its_records_when_it_enrols(server, tmp_path):
    """The home typed residents for months before the bureau set up the server: on
    enrolment its one never-synced institution becomes the server's, with everything in it."""
    from mzdesk.core.vocab import InstitutionKind, Operation
    from mzdesk.services.institutions import InstitutionData, create_institution
    from mzdesk.store.engine import open_store
    from mzdesk.sync.client import enroll

    server_id = server.institution("幸福院")
    site = open_store(tmp_path / "site.db")
    create_institution(
        site,
        SETUP,
        InstitutionData(
            name="幸福院", kind=InstitutionKind.NURSING_HOME, operation=Operation.PRIVATE
        ),
    )
    residents = seed(site, beds=4, residents=2)
    import asyncio

    asyncio.run(enroll(site, SETUP, server.url, server.code(institution="幸福院"), "老电脑"))
    assert _inst(site) == server_id
    sync(site)
    assert sync_status(site)["quarantined"] == 0 and open_conflicts(site) == []
    other = new_client(tmp_path, server, server.code(institution="幸福院"))
    sync(other)
    assert dump(other) == dump(site)
    assert value(other, residents[0], "name") == "住户0"
    (home,) = dump(other)["institutions"].values()
    assert home["operation"] == "private"


def test_a_site_with_no_network_at_all_enrols_and_syncs_by_usb_only(server, tmp_path):
    from mzdesk.core.bundle import BundleError
    from mzdesk.server.bundles import enrol_offline, export_bundle, import_bundle
    from mzdesk.store.engine import open_store
    from mzdesk.sync.bundles import enrol_from_file
    from mzdesk.sync.bundles import export_bundle as site_export
    from mzdesk.sync.bundles import import_bundle as site_import

    server.institution("山村敬老院")
    code, enrolment = enrol_offline(server.db, institution="山村敬老院", device_name="山村电脑")
    site = open_store(tmp_path / "village.db")
    with pytest.raises(BundleError, match="注册码打不开这个注册文件"):
        enrol_from_file(site, SETUP, enrolment, "AAAA-BBBB-CCCC-DDDD")  # the stick without the code
    assert not sync_status(site)["enrolled"]
    summary = enrol_from_file(site, SETUP, enrolment, code.lower())
    assert summary["items"] == 1 and {r["name"] for r in dump(site)["institutions"].values()} == {
        "山村敬老院"
    }
    residents = seed(site, beds=2, residents=1)
    data, count = site_export(site, SETUP)
    assert import_bundle(server.db, data)["applied"] == count
    site_import(site, SETUP, export_bundle(server.db, summary["device_id"]))
    assert sync_status(site)["pending"] == 0
    office = new_client(tmp_path, server, server.code(institution="山村敬老院"), "民政所")
    sync(office)
    assert value(office, residents[0], "name") == "住户0"
    assert dump(office) == dump(site)
