"""Backups of the encrypted database: made verified or not at all, rotated, restored
atomically, and the newest good one found when the database is damaged."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import uuid
from pathlib import Path

import pytest

from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services import backups
from mzdesk.services.institutions import InstitutionData, update_institution
from mzdesk.services.users import NewUser, actor_for, set_up_institution
from mzdesk.store import cipher, keys
from mzdesk.store.backup import layout, making, restoring
from mzdesk.store.engine import Store, open_store, unlock
from tests.helpers.actors import SETUP


def _rename(store: Store, institution_id: uuid.UUID, name: str) -> None:
    update_institution(
        store,
        SETUP,
        institution_id,
        InstitutionData(name=name, kind=InstitutionKind.NURSING_HOME),
    )


def _name(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT name FROM institutions").scalar_one())


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_encrypted_verified_private_and_carries_the_key_slots(store, home):
    info = backups.back_up(store)
    assert info.path.parent == store.path.parent / "backups"
    assert _mode(info.path.parent) == 0o700 and _mode(info.path) == 0o700
    for name in (store.path.name, store.path.name + ".keys", layout.MANIFEST):
        assert _mode(info.path / name) == 0o600
    assert not cipher.is_plain_sqlite(info.database)  # encrypted like the database
    assert cipher.quick_check(info.database, store.key)  # … with the same key
    assert not cipher.quick_check(info.database, keys.new_key())
    assert (info.path / (store.path.name + ".keys")).read_bytes() == keys.slots_path(
        store.path
    ).read_bytes()
    manifest = json.loads((info.path / layout.MANIFEST).read_text())
    assert manifest["verified"] is True and manifest["kind"] == "manual"
    assert manifest["counts"]["institutions"] == 1
    assert info.check == "integrity_check"
    assert [b.path for b in layout.list_backups(store.path)] == [info.path]
    assert layout.resolve_backup(info.database) == layout.resolve_backup(info.path)


def test_a_copy_that_fails_its_check_is_deleted_and_reported(store, home, monkeypatch):
    real = making.verify_copy

    def damage_then_verify(connection, copy, check, expected):
        size = copy.stat().st_size
        with copy.open("r+b") as handle:  # the copy is damaged on its way to the disk
            handle.seek(size // 2)
            handle.write(os.urandom(64))
        return real(connection, copy, check, expected)

    monkeypatch.setattr(making, "verify_copy", damage_then_verify)
    with pytest.raises(making.BackupFailed) as failed:
        backups.back_up(store)
    assert failed.value.code == "backup.failed_verify"
    folder = store.path.parent / "backups"
    assert layout.list_backups(store.path) == []
    assert [p.name for p in folder.iterdir() if p.name != "test.files"] == []


def test_a_damaged_database_is_not_backed_up(tmp_path, store, home):
    store.close()
    _flip_middle(store.path)
    with pytest.raises(making.BackupFailed):
        making.make_backup(store.path, lambda: cipher.connect(store.path, store.key), "manual")
    assert layout.list_backups(store.path) == []


def test_half_made_backups_are_never_listed(store, home):
    good = backups.back_up(store)
    folder = good.path.parent
    # a backup killed before its rename: a temporary folder with everything in it
    (folder / ".tmp-test-1234").mkdir()
    for name in (good.database.name, layout.MANIFEST):
        (folder / ".tmp-test-1234" / name).write_bytes((good.path / name).read_bytes())
    # a folder with a backup's name whose database is shorter than its manifest says
    torn = folder / good.path.name.replace("manual", "daily")
    torn.mkdir()
    (torn / layout.MANIFEST).write_bytes((good.path / layout.MANIFEST).read_bytes())
    (torn / good.database.name).write_bytes(good.database.read_bytes()[:4096])
    assert [b.path for b in layout.list_backups(store.path)] == [good.path]


def test_the_automatic_backup_is_made_only_when_the_database_changed(store, home):
    first = backups.backup_if_changed(store)
    assert first is not None and first.kind == "daily"
    assert backups.backup_if_changed(store) is None  # nothing written since
    with store.read() as session:  # reading changes nothing
        session.connection().exec_driver_sql("SELECT count(*) FROM residents").all()
    assert backups.backup_if_changed(store) is None
    _rename(store, home.id, "幸福养老院二部")
    second = backups.backup_if_changed(store)
    assert second is not None and second.path != first.path
    # the daily one waits for a day after the newest
    _rename(store, home.id, "幸福养老院三部")
    assert backups.backup_daily(store) is None
    assert backups.backup_if_changed(store, older_than=dt.timedelta(0)) is not None


def _info(day: dt.datetime, kind: str = "daily") -> layout.BackupInfo:
    return layout.BackupInfo(
        Path(f"/b/{day.isoformat()}-{kind}"), Path("x.db"), kind, day, 1, {}, "quick_check", [], 0
    )


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_the_last_10_asked_for():
    start = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
    daily = [_info(start + dt.timedelta(days=n)) for n in range(500)]
    extra_same_day = [_info(start + dt.timedelta(days=499, hours=-3))]
    before = [_info(start + dt.timedelta(days=n), "before-import") for n in range(15)]
    manual = [_info(start + dt.timedelta(days=n, hours=1), "manual") for n in range(12)]
    kept = making.to_keep(daily + extra_same_day + before + manual, layout.Keep())
    kept_rotated = sorted(b.created for b in daily + extra_same_day if b.path in kept)
    newest = daily[-1].created
    # the last 7 days (the newest of each), then weeks and months further back
    assert kept_rotated[-7:] == [newest - dt.timedelta(days=n) for n in range(6, -1, -1)]
    assert extra_same_day[0].path not in kept
    months = {(b.year, b.month) for b in kept_rotated}
    assert len(months) == 12
    weeks = {b.isocalendar()[:2] for b in kept_rotated}
    assert len(weeks) >= 4
    assert len(kept_rotated) <= 7 + 4 + 12
    assert [b.path in kept for b in before] == [False] * 5 + [True] * 10
    assert [b.path in kept for b in manual] == [False] * 2 + [True] * 10
    small = making.to_keep(daily, layout.Keep(daily=2, weekly=0, monthly=0))
    assert small == {daily[-1].path, daily[-2].path}


def test_rotate_deletes_what_is_not_kept_but_never_the_before_backups(store, home):
    store_path = store.path
    layout.write_settings(
        store_path,
        layout.BackupSettings(store_path.parent / "elsewhere", layout.Keep(2, 0, 0, 1)),
    )
    connect = backups.hooks.engine_connect(store.engine)
    start = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    made = [
        making.make_backup(store_path, connect, "daily", now=start + dt.timedelta(days=n))
        for n in range(4)
    ]
    before = [
        making.make_backup(store_path, connect, "before-import", now=start + dt.timedelta(hours=n))
        for n in range(2)
    ]
    removed = making.rotate(store_path)
    assert sorted(removed) == sorted([made[0].path, made[1].path, before[0].path])
    left = {b.path for b in layout.list_backups(store_path)}
    assert left == {made[2].path, made[3].path, before[1].path}
    assert all(p.parent == store_path.parent / "elsewhere" for p in left)
    assert not [p for p in (store_path.parent / "elsewhere").iterdir() if p.name.startswith(".")]


def test_restore_brings_back_the_backup_and_keeps_the_database_as_it_was(store, home):
    _rename(store, home.id, "备份时的名字")
    backup = backups.back_up(store)
    _rename(store, home.id, "后来改的名字")
    path, key = store.path, store.key
    result = backups.restore_backup(store, SETUP, backup)
    reopened = open_store(path, key=key)
    try:
        assert _name(reopened) == "备份时的名字"
    finally:
        reopened.close()
    assert result.before is not None and result.before.kind == "before-restore"
    kept = result.before.database
    connection = cipher.connect(kept, key)
    try:
        names = connection.execute("SELECT name FROM institutions").fetchall()
    finally:
        connection.close()
    assert names == [("后来改的名字",)]
    assert not [p for p in path.parent.iterdir() if "restoring" in p.name]


def test_restore_is_the_administrators_and_keeps_the_current_passwords(tmp_path):
    path = tmp_path / "site.db"
    store = open_store(path)
    institution, admin = set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name="幸福院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", "old-password"),
    )
    backup = backups.back_up(store)
    store.set_user_key(institution.id, "admin", "new-password")  # the password changed since
    staff = Actor(uuid.uuid4(), institution.id, "staff", "李护士")
    with pytest.raises(PermissionDenied):
        backups.restore_backup(store, staff, backup)
    backups.restore_backup(store, actor_for(admin), backup)
    assert unlock(path, "admin", "new-password")[0] == store.key
    with pytest.raises(keys.KeyError_):
        unlock(path, "admin", "old-password")  # the old password does not come back


def test_restore_brings_back_photos_the_live_folder_lost(store, home):
    digest = store.files.put(b"\x89PNG a photo")
    backup = backups.back_up(store)
    photo = store.files.path(digest)
    photo.unlink()
    backups.restore_backup(store, SETUP, backup)
    reopened = open_store(store.path, key=store.key)
    try:
        assert reopened.files.read(digest) == b"\x89PNG a photo"
    finally:
        reopened.close()


def _flip_middle(path: Path) -> None:
    """Damage the middle of the file: 16 bytes in every page of its middle half (so pages in
    use are hit whatever the layout; a flipped byte in an unused page is harmless)."""
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        for page in range(max(1, pages // 4), max(2, 3 * pages // 4)):
            handle.seek(page * 4096 + 1000)
            handle.write(os.urandom(16))


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_database_is_refused_at_start_and_the_newest_good_backup_restores(
    store, home, damage
):
    for n in range(3):
        _rename(store, home.id, f"第{n}次")
        backups.back_up(store)
    # pages no open reads (so only the check at start finds damage in them)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE padding (x BLOB)")
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
            "INSERT INTO padding SELECT randomblob(500) FROM n"
        )
    backups.back_up(store)
    newest = layout.list_backups(store.path)[0]
    _flip_middle(newest.database)  # the newest backup is itself damaged
    path, key = store.path, store.key
    store.close()
    if damage == "flip":
        _flip_middle(path)
    else:
        os.truncate(path, path.stat().st_size // 2)
    with pytest.raises(cipher.StoreError) as refused:
        open_store(path, key=key)
    assert refused.value.code == "store.damaged"
    good = restoring.newest_good_backup(path, key)
    assert good is not None and good == layout.list_backups(path)[1]
    assert "padding" not in good.counts
    result = backups.restore_damaged(path, good, key)
    assert result.before is None  # too damaged to back up: moved aside, not deleted
    assert [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    reopened = open_store(path, key=key)
    try:
        assert _name(reopened) == "第2次"
    finally:
        reopened.close()


def test_a_backup_is_made_before_a_migration_an_import_and_an_adoption(store, home, tmp_path):
    from alembic import command

    from mzdesk.store.migrate import alembic_config
    from mzdesk.sync.device import adopt_institution

    path, key = store.path, store.key
    command.downgrade(alembic_config(store.engine), "-1")
    store.close()
    open_store(path, key=key).close()
    kinds = [b.kind for b in layout.list_backups(path)]
    assert kinds == ["before-migration"]

    reopened = open_store(path, key=key)
    try:
        with reopened.apply_remote() as session:
            assert adopt_institution(session, uuid.uuid4())
        assert layout.list_backups(path)[0].kind == "before-adoption"
    finally:
        reopened.close()


def test_a_backup_is_made_before_an_import(store, home, tmp_path):
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.importing import import_file

    path = tmp_path / "beds.csv"
    path.write_text(
        "机构名称,楼栋,楼层,房间,床位号,床位类型,状态\n幸福养老院,1号楼,1层,101,101-1,护理型,空闲\n",
        encoding="utf-8",
    )
    import_file(store, SETUP, Kind.BEDS, path)
    (before,) = layout.list_backups(store.path)
    assert before.kind == "before-import"
    assert before.counts["beds"] == 0  # as it was before the import


def test_the_leftovers_of_a_killed_backup_are_removed_by_the_next(store, home):
    folder = store.path.parent / "backups"
    folder.mkdir(mode=0o700)
    dead = folder / ".tmp-999999999-abcd"  # made by a process that no longer runs
    dead.mkdir()
    (dead / "test.db").write_bytes(b"half a copy")
    running = folder / f".tmp-{os.getpid()}-abcd"  # a backup being made right now
    running.mkdir()
    backups.back_up(store)
    assert not dead.exists() and running.exists()
