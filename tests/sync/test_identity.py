"""Identity is by id, never by name (issue 10): institutions are created and renamed only by
the server's administrator, a device changes only the fields a home owns, the administrator
selects an institution unambiguously, enrolment never blanks what the server knows, and
password hashes go only to the PCs of the account's own institution. On SQLite and
PostgreSQL, through a real server process."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select

from mzdesk.core.identifiers import make_uscc
from mzdesk.core.permissions import Actor
from mzdesk.server.admin import add_institution, create_enrollment
from mzdesk.server.errors import SyncError
from mzdesk.server.models import InstitutionIndex, Record
from mzdesk.services.users import (
    NewUser,
    actor_for,
    add_user,
    add_user_row,
    authenticate,
    change_own_password,
)
from mzdesk.store.models import Institution, OutboxEntry, User
from mzdesk.sync.review import open_conflicts, quarantined
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, institution_id, seed

CODE_A = make_uscc("52370212MJ1234567")
CODE_B = make_uscc("52370203MJ7654321")


def _server_institution(server, inst: uuid.UUID) -> dict:
    with server.db.transaction() as session:
        record = session.get(Record, inst)
        index = session.get(InstitutionIndex, inst)
        assert record is not None and index is not None
        return {**record.data, "index": (index.name, index.kind, index.region_code)}


def _forge(store, table: str, row_id: uuid.UUID, inst: uuid.UUID, op: str, data: dict) -> None:
    """A change written straight into the outbox, as a tampered desktop would."""
    with store.write(SETUP) as session:
        session.add(
            OutboxEntry(
                change_id=uuid.uuid4(),
                table_name=table,
                row_id=row_id,
                institution_id=inst,
                op=op,
                data=data,
                base_rev=None,
                state="pending",
                attempts=0,
            )
        )


def test_the_rename_attack_is_refused_and_enrolment_by_name_stays_right(server, tmp_path):
    """A device renames its own institution to another's name: refused, so the
    administrator's next enrolment by that name still binds the other institution."""
    jia = server.institution("甲院", region="370212")
    yi = server.institution("乙院", region="370203")
    a = new_client(tmp_path, server, server.code(institution="甲院"), "甲院电脑")
    sync(a)
    own = set(map(str, seed(a)))
    sync(a)
    with a.write(SETUP) as session:
        session.get(Institution, jia).name = "乙院"
    report = sync(a)
    assert report.outcomes.get("rejected") == 1
    (refused,) = quarantined(a)
    assert refused.table == "institutions" and "只能由服务器管理员修改" in refused.error
    assert refused.error.startswith("「机构名称」只能由服务器管理员修改")
    assert _server_institution(server, jia)["index"] == ("甲院", "nursing_home", "370212")

    b = new_client(tmp_path, server, server.code(institution="乙院"), "乙院电脑")
    sync(b)
    assert institution_id(b) == yi
    assert {r["name"] for r in dump(b)["institutions"].values()} == {"乙院"}
    assert "residents" not in dump(b)
    seed(b)
    sync(b)
    sync(a)
    assert set(dump(a)["residents"]) == own  # none of 乙院's residents came


def test_a_device_changes_only_the_fields_a_home_owns(server, tmp_path):
    inst = add_institution(server.db, "阳光养老院", "nursing_home", "370212", credit_code=CODE_A)
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(a)
    with a.write(SETUP) as session:
        home = session.get(Institution, inst)
        home.address = "青岛市李沧区书院路1号"
        home.phone = "0532-88888888"
        home.home_care_beds = 12
    assert sync(a).outcomes == {"applied": 1}
    sync(b)
    (row,) = dump(b)["institutions"].values()
    assert (row["address"], row["phone"], row["home_care_beds"]) == (
        "青岛市李沧区书院路1号",
        "0532-88888888",
        12,
    )
    # Each field the administrator owns, and deleting the institution, is refused.
    for field, forged in (
        ("name", "别的名字"),
        ("kind", "children_home"),
        ("region_code", None),
        ("region_code", "370203"),
        ("uscc", CODE_B),
        ("deleted_at", "2026-11-30T00:00:00"),
    ):
        _forge(a, "institutions", inst, inst, "update", {field: forged})
    # the same value as the server's is no change at all, so it passes
    _forge(a, "institutions", inst, inst, "update", {"name": "阳光养老院", "phone": "110"})
    report = sync(a)
    assert report.outcomes == {"rejected": 6, "applied": 1}
    assert all("只能由服务器管理员修改" in q.error for q in quarantined(a))
    kept = _server_institution(server, inst)
    assert kept["index"] == ("阳光养老院", "nursing_home", "370212")
    assert (kept["uscc"], kept["deleted_at"], kept["phone"]) == (CODE_A, None, "110")


def test_devices_cannot_create_institutions(server, tmp_path):
    """Neither a home's PC (a row with its own institution_id) nor a bureau's laptop (a new
    institution inside its region) can add an institution: only the administrator can."""
    server.institution("甲院", region="370212")
    a = new_client(tmp_path, server, server.code(institution="甲院"))
    bureau = new_client(tmp_path, server, server.code(region="3702"), "民政局笔记本")
    sync(a)
    sync(bureau)
    own = institution_id(a)
    fake = {"name": "假院", "kind": "nursing_home", "region_code": "370212"}
    row = uuid.uuid4()
    _forge(a, "institutions", row, own, "insert", {"id": str(row), "institution_id": str(own)})
    new = uuid.uuid4()
    _forge(bureau, "institutions", new, new, "insert", {"id": str(new), **fake})
    assert sync(a).outcomes == {"rejected": 1}
    assert sync(bureau).outcomes == {"rejected": 1}
    for store in (a, bureau):
        (refused,) = quarantined(store)
        assert "只能由服务器管理员新建" in refused.error
    with server.db.transaction() as session:
        assert session.scalars(select(InstitutionIndex.name)).all() == ["甲院"]
        assert session.get(Record, row) is None and session.get(Record, new) is None


def test_enrolling_an_offline_site_never_blanks_what_the_server_knows(server, tmp_path):
    """A home typed its records before the server existed, with no region code: enrolling it
    and syncing keeps the server's region code, so the bureau still sees the home."""
    from mzdesk.core.vocab import InstitutionKind, Operation
    from mzdesk.services.institutions import InstitutionData, create_institution
    from mzdesk.store.engine import open_store
    from mzdesk.sync.client import enroll

    server_id = add_institution(server.db, "幸福院", "nursing_home", "370212", credit_code=CODE_A)
    site = open_store(tmp_path / "site.db")
    create_institution(
        site,
        SETUP,
        InstitutionData(
            name="幸福敬老院",  # typed a little differently at the site
            kind=InstitutionKind.NURSING_HOME,
            operation=Operation.PRIVATE,
            address="幸福路8号",
        ),
    )
    seed(site, beds=4, residents=2)
    asyncio.run(enroll(site, SETUP, server.url, server.code(institution="幸福院"), "老电脑"))
    assert institution_id(site) == server_id
    sync(site)
    assert quarantined(site) == []
    kept = _server_institution(server, server_id)
    assert kept["index"] == ("幸福院", "nursing_home", "370212")
    assert (kept["uscc"], kept["operation"], kept["address"]) == (CODE_A, "private", "幸福路8号")
    (home,) = dump(site)["institutions"].values()  # the site takes the server's identity
    assert (home["name"], home["region_code"], home["uscc"]) == ("幸福院", "370212", CODE_A)
    assert home["address"] == "幸福路8号"

    bureau = new_client(tmp_path, server, server.code(region="3702"), "民政局笔记本")
    sync(bureau)
    assert {r["name"] for r in dump(bureau)["institutions"].values()} == {"幸福院"}
    assert len(dump(bureau)["residents"]) == 2


def test_a_site_with_accounts_still_logs_in_after_network_enrolment_and_a_sync(server, tmp_path):
    """Enrolment by network gives the site's institution the server's id; the key slots on the
    computer still name the old one (gui/start/test_adopted_login.py has the app's login and
    the enrolment file): the administrator logs in as the app and the command line do, the
    login binds their slot to the new id, and a sync in between changes nothing of that."""
    from mzdesk.core.vocab import InstitutionKind
    from mzdesk.services.institutions import InstitutionData
    from mzdesk.services.users import log_in, set_up_institution
    from mzdesk.store import keys
    from mzdesk.store.engine import open_store, unlock
    from mzdesk.sync.client import enroll
    from tests.helpers.stores import open_as

    server_id = add_institution(server.db, "幸福院", "nursing_home", "370212", credit_code=CODE_A)
    path = tmp_path / "site.db"
    site = open_store(path)
    home, admin = set_up_institution(
        site,
        SETUP,
        InstitutionData(name="幸福敬老院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", "admin-pass"),
    )
    seed(site, beds=2, residents=1)
    code = server.code(institution="幸福院")
    asyncio.run(enroll(site, actor_for(admin), server.url, code, "老电脑"))
    sync(site)
    site.close()

    key, slot_institution = unlock(path, "admin", "admin-pass")
    assert slot_institution == home.id  # the slot still names the old id
    site = open_as(path, "admin", "admin-pass")
    try:
        assert site.slot_institution(home.id, "admin") == server_id  # what the app's login does
        assert log_in(site, "admin", "admin-pass").institution_id == server_id
    finally:
        site.close()
    assert unlock(path, "admin", "admin-pass") == (key, server_id)
    slots = keys.read_slots(path)
    assert slots is not None
    assert [s.institution_id for s in slots.user_slots()] == [str(server_id)]


def test_an_ambiguous_name_is_refused_and_id_or_credit_code_select(server, tmp_path):
    """Names an older server let devices duplicate: the administrator must say which."""
    first = add_institution(server.db, "城关敬老院", "nursing_home", "370212", credit_code=CODE_A)
    second = add_institution(server.db, "城关养老院", "nursing_home", "370203")
    with server.db.transaction() as session:  # the state the rename attack left behind
        session.get(InstitutionIndex, second).name = "城关敬老院"
        record = session.get(Record, second)
        record.data = {**record.data, "name": "城关敬老院"}
    with pytest.raises(SyncError) as refused:
        create_enrollment(server.db, institution="城关敬老院")
    assert refused.value.status == 409 and refused.value.code == "ambiguous"
    shown = refused.value.shown()
    assert str(first) in shown and str(second) in shown
    assert "370212" in shown and "370203" in shown and "统一社会信用代码" in shown

    for reference, wanted in ((str(second), second), (CODE_A, first), (CODE_A.lower(), first)):
        code = create_enrollment(server.db, institution=reference)
        device = new_client(tmp_path, server, code)
        sync(device)
        assert institution_id(device) == wanted
    with pytest.raises(SyncError) as missing:
        create_enrollment(server.db, institution=str(uuid.uuid4()))
    assert missing.value.status == 404


def test_add_institution_refuses_a_duplicate_name_or_credit_code(server):
    add_institution(server.db, "甲院", "nursing_home", "370212", credit_code=CODE_A)
    for name, code in (("甲院", None), ("乙院", CODE_A)):
        with pytest.raises(SyncError) as refused:
            add_institution(server.db, name, "nursing_home", "370212", credit_code=code)
        assert refused.value.status == 409
    with pytest.raises(SyncError) as invalid:
        add_institution(server.db, "丙院", "nursing_home", "370212", credit_code="123")
    assert invalid.value.status == 400


def test_the_administrator_renames_and_the_devices_follow(server, tmp_path):
    from mzdesk.server.admin import set_institution

    inst = server.institution("旧名养老院", region="370212")
    server.institution("别家养老院", region="370212")
    a = new_client(tmp_path, server, server.code(institution="旧名养老院"))
    sync(a)
    with pytest.raises(SyncError) as taken:
        set_institution(server.db, str(inst), name="别家养老院")
    assert taken.value.status == 409
    set_institution(
        server.db, str(inst), name="新名养老院", region_code="370203", credit_code=CODE_B
    )
    sync(a)
    (home,) = dump(a)["institutions"].values()
    assert (home["name"], home["region_code"], home["uscc"]) == ("新名养老院", "370203", CODE_B)
    assert _server_institution(server, inst)["index"] == ("新名养老院", "nursing_home", "370203")
    code = create_enrollment(server.db, institution=CODE_B)
    b = new_client(tmp_path, server, code)
    sync(b)
    assert institution_id(b) == inst


def _home_with_accounts(server, tmp_path):
    server.institution("阳光养老院", region="370212")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    home = institution_id(a)
    with a.write(Actor.setup()) as session:
        add_user_row(session, home, NewUser("admin", "王院长", "admin-pass", "admin"))
    seed(a, beds=2, residents=1)
    sync(a)
    return a, home


def test_password_hashes_go_only_to_the_homes_own_pcs(server, tmp_path):
    from mzdesk.server.admin import list_devices
    from mzdesk.server.bundles import enrol_offline, export_bundle
    from mzdesk.store.engine import open_store
    from mzdesk.sync.bundles import enrol_from_file

    a, home = _home_with_accounts(server, tmp_path)
    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(b)
    assert authenticate(b, home, "admin", "admin-pass").username == "admin"  # both PCs log in

    # both PCs change the administrator's password at once: a conflict holding both hashes
    admin = authenticate(a, home, "admin", "admin-pass")
    change_own_password(a, actor_for(admin), "admin-pass", "from-a-1234")
    change_own_password(b, actor_for(admin), "admin-pass", "from-b-1234")
    sync(a)
    sync(b)
    sync(a)
    assert [c.field for c in open_conflicts(a)] == ["password_hash"]

    bureau = new_client(tmp_path, server, server.code(region="3702"), "民政局笔记本")
    sync(bureau)
    assert len(dump(bureau)["residents"]) == 1  # the bureau sees the home's records
    assert "users" not in dump(bureau)  # … but not its accounts
    with bureau.read() as session:
        assert session.scalars(select(User)).all() == []
    assert open_conflicts(bureau) == []

    # nor by USB: the server's bundle for the laptop, and an offline enrolment by region
    (laptop,) = [d for d in list_devices(server.db) if d.name == "民政局笔记本"]
    admin = authenticate(a, home, "admin", "from-b-1234")
    add_user(a, actor_for(admin), home, NewUser("nurse", "李护士", "nurse-pass", "staff"))
    assert sync(a).outcomes == {"applied": 1}
    assert b"$argon2" not in _plain(server, export_bundle(server.db, str(laptop.id)), laptop.id)
    code, file = enrol_offline(server.db, region="3702", device_name="区局电脑")
    office = open_store(tmp_path / "office.db")
    enrol_from_file(office, SETUP, file, code)
    assert "users" not in dump(office) and len(dump(office)["residents"]) == 1
    home_code, home_file = enrol_offline(server.db, institution="阳光养老院", device_name="备用")
    spare = open_store(tmp_path / "spare.db")
    enrol_from_file(spare, SETUP, home_file, home_code)
    assert authenticate(spare, home, "nurse", "nurse-pass").username == "nurse"


def _plain(server, bundle: bytes, device_id: uuid.UUID) -> bytes:
    """A server→device bundle's content as the device reads it."""
    import json

    from mzdesk.core.bundle import device_key, read_bundle
    from mzdesk.server.auth import bundle_secret

    key = device_key(bundle_secret(server.db), device_id)
    return json.dumps(read_bundle(bundle, key, "to_device")).encode()


def test_a_bureau_device_cannot_write_a_homes_accounts(server, tmp_path):
    """Accounts belong to the home: a region device can neither create a home's first users
    (as a site set up offline may) nor change them, whoever it names as the author."""
    server.institution("空院", region="370212")
    a, home = _home_with_accounts(server, tmp_path)
    bureau = new_client(tmp_path, server, server.code(region="3702"), "民政局笔记本")
    sync(bureau)
    empty = next(
        uuid.UUID(i) for i, r in dump(bureau)["institutions"].items() if r["name"] == "空院"
    )
    with a.read() as session:
        admin = session.scalars(select(User)).one()
    new_user = uuid.uuid4()
    _forge(
        bureau,
        "users",
        new_user,
        empty,
        "insert",
        {
            "id": str(new_user),
            "institution_id": str(empty),
            "username": "admin",
            "display_name": "冒名",
            "password_hash": admin.password_hash,
            "role": "admin",
            "active": True,
        },
    )
    with bureau.write(SETUP) as session:
        session.add(
            OutboxEntry(
                change_id=uuid.uuid4(),
                table_name="users",
                row_id=admin.id,
                institution_id=home,
                op="update",
                data={"role": "admin", "display_name": "被改"},
                base_rev=None,
                author_id=admin.id,  # claims to be the home's administrator
                state="pending",
                attempts=0,
            )
        )
    assert sync(bureau).outcomes == {"rejected": 2}
    assert all("只能在为该机构注册的电脑上修改" in q.error for q in quarantined(bureau))
    with server.db.transaction() as session:
        assert session.get(Record, new_user) is None
        assert session.get(Record, admin.id).data["display_name"] == "王院长"
