"""``mzdesk backup``, ``backup list`` and ``restore`` as real processes, as a user."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, update_institution
from mzdesk.services.users import NewUser, actor_for, add_user, set_up_institution
from mzdesk.store.backup import layout
from mzdesk.store.engine import open_store, unlock
from tests.cli.process import mzdesk

ADMIN = ("admin", "admin-pass")
NURSE = ("nurse", "nurse-pass")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "site.db"
    store = open_store(path)
    institution, admin = set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name="幸福院", kind=InstitutionKind.NURSING_HOME),
        NewUser(ADMIN[0], "王院长", ADMIN[1]),
    )
    add_user(store, actor_for(admin), institution.id, NewUser(NURSE[0], "李护士", NURSE[1]))
    store.close()
    return path


def _rename(db: Path, name: str) -> None:
    key, _ = unlock(db, *ADMIN)
    store = open_store(db, key=key)
    try:
        with store.engine.connect() as conn:
            institution_id = conn.exec_driver_sql("SELECT id FROM institutions").scalar_one()
        update_institution(
            store,
            Actor.system(),
            uuid.UUID(hex=str(institution_id)),
            InstitutionData(name=name, kind=InstitutionKind.NURSING_HOME),
        )
    finally:
        store.close()


def _name(db: Path) -> str:
    key, _ = unlock(db, *ADMIN)
    store = open_store(db, key=key)
    try:
        with store.engine.connect() as conn:
            return str(conn.exec_driver_sql("SELECT name FROM institutions").scalar_one())
    finally:
        store.close()


def test_backup_now_list_and_restore(db: Path, tmp_path: Path):
    made = mzdesk("backup", "--db", str(db), cwd=tmp_path, user=NURSE)  # anyone may back up
    assert made.returncode == 0, made.stderr
    (backup,) = layout.list_backups(db)
    assert str(backup.path) in made.stdout and "已核对" in made.stdout
    listed = mzdesk("backup", "list", "--db", str(db), cwd=tmp_path, user=NURSE)
    assert backup.path.name in listed.stdout and "手动" in listed.stdout

    _rename(db, "后来改名的幸福院")
    unconfirmed = mzdesk("restore", str(backup.path), "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr
    refused = mzdesk(
        "restore", str(backup.path), "--yes", "--db", str(db), cwd=tmp_path, user=NURSE
    )
    assert refused.returncode == 1 and "恢复备份" in refused.stderr
    assert _name(db) == "后来改名的幸福院"

    restored = mzdesk(
        "restore", str(backup.database), "--yes", "--db", str(db), cwd=tmp_path, user=ADMIN
    )
    assert restored.returncode == 0, restored.stderr
    assert _name(db) == "幸福院"
    kinds = sorted(b.kind for b in layout.list_backups(db))
    assert kinds == ["before-restore", "manual"]


def test_restore_refuses_what_is_not_a_backup(db: Path, tmp_path: Path):
    result = mzdesk("restore", str(tmp_path), "--yes", "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert result.returncode == 1 and "不是 mzdesk 的备份" in result.stderr


def test_a_damaged_database_names_the_newest_good_backup_and_the_command(db: Path, tmp_path: Path):
    assert mzdesk("backup", "--db", str(db), cwd=tmp_path, user=ADMIN).returncode == 0
    (backup,) = layout.list_backups(db)
    pages = db.stat().st_size // 4096
    with db.open("r+b") as handle:
        for page in range(pages // 4, 3 * pages // 4):
            handle.seek(page * 4096 + 1000)
            handle.write(os.urandom(16))
    result = mzdesk("keys", "status", "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "已损坏" in result.stderr and str(backup.path) in result.stderr
    command = f"mzdesk restore {backup.path} --db {db}"
    assert command in result.stderr
    restored = mzdesk(*command.split()[1:], "--yes", cwd=tmp_path, user=ADMIN)
    assert restored.returncode == 0, restored.stderr
    assert "损坏的数据库已移到旁边" in restored.stdout
    assert _name(db) == "幸福院"
    assert mzdesk("keys", "status", "--db", str(db), cwd=tmp_path, user=ADMIN).returncode == 0
