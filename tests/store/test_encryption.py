"""Encryption at rest: the database, its WAL, its key slots and its files show no personal
data; users' passwords unwrap one database key; an old plain database is encrypted safely."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from mzdesk.core.permissions import ADMIN
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.resident_list import ResidentFilter, search_residents
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import Admission, admit_resident
from mzdesk.services.users import (
    NewUser,
    actor_for,
    add_user,
    authenticate,
    change_own_password,
    set_up_institution,
    set_user_active,
)
from mzdesk.services.views import UserView
from mzdesk.store import cipher, keys
from mzdesk.store.engine import (
    Locked,
    Store,
    _configure_sqlite,
    open_store,
    sqlite_url,
    unlock,
)
from mzdesk.store.migrate import upgrade
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

NAME = "欧阳秀英"
ID_NUMBER = id_number(dt.date(1941, 3, 9))
PASSWORD = "secret-pass-1"


def _populate(store: Store) -> UserView:
    institution, admin = set_up_institution(
        store,
        SETUP,
        InstitutionData(name="长青养老院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", PASSWORD, ADMIN),
    )
    admit_resident(
        store,
        actor_for(admin),
        Admission(
            institution.id, ResidentData(name=NAME, id_number=ID_NUMBER), dt.date(2025, 1, 2)
        ),
    )
    return admin


def _leaks(path: Path) -> list[str]:
    data = path.read_bytes() if path.exists() else b""
    return [v for v in (NAME, ID_NUMBER) if v.encode("utf-8") in data]


def test_database_wal_and_key_file_show_no_name_or_id_number(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    store = open_store(db)
    _populate(store)
    wal = db.with_name("home.db-wal")
    assert wal.exists()  # the write is still in the WAL while the store is open
    for part in (db, wal, keys.slots_path(db)):
        assert _leaks(part) == [], part
    store.close()
    for part in (db, wal, keys.slots_path(db)):
        assert _leaks(part) == [], part
    assert not cipher.is_plain_sqlite(db)


def test_database_and_its_companions_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "data" / "home.db"
    store = open_store(db)
    _populate(store)
    for part in (db, db.with_name("home.db-wal"), db.with_name("home.db-shm"), keys.slots_path(db)):
        assert stat.S_IMODE(part.stat().st_mode) == 0o600, part
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    store.close()


def test_with_users_the_database_opens_only_with_a_password(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    store = open_store(db)
    _populate(store)
    store.close()
    with pytest.raises(Locked):
        open_store(db)
    with pytest.raises(keys.KeyError_) as wrong:
        unlock(db, "admin", "not-the-password")
    assert wrong.value.code == "store.keys.no_unlock"
    key, institution_id = unlock(db, "admin", PASSWORD)
    reopened = open_store(db, key=key)
    assert institution_id is not None
    assert authenticate(reopened, institution_id, "admin", PASSWORD).username == "admin"
    reopened.close()
    assert not keys.read_slots(db).is_open  # type: ignore[union-attr]


def test_every_user_unwraps_the_same_key_and_a_password_change_rewraps_it(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    store = open_store(db)
    admin = actor_for(_populate(store))
    assert admin.institution_id is not None
    nurse = add_user(store, admin, admin.institution_id, NewUser("li", "李护士", "nurse-pass-1"))
    key = store.key
    assert unlock(db, "li", "nurse-pass-1")[0] == key
    change_own_password(store, actor_for(nurse), "nurse-pass-1", "nurse-pass-2")
    with pytest.raises(keys.KeyError_):
        unlock(db, "li", "nurse-pass-1")
    assert unlock(db, "li", "nurse-pass-2")[0] == key
    set_user_active(store, admin, nurse.id, False)
    with pytest.raises(keys.KeyError_):  # a disabled account no longer opens the file
        unlock(db, "li", "nurse-pass-2")
    store.close()


def test_an_old_plain_database_is_encrypted_when_opened_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    engine = create_engine(sqlite_url(db))
    _configure_sqlite(engine)
    upgrade(engine)
    plain = Store(engine)
    _populate(plain)
    photo = plain.files.put(b"\x89PNG\r\n\x1a\n" + b"photo-bytes" * 100)
    old_thumbnails = plain.files.root.with_name(plain.files.root.name + "-thumbnails")
    (old_thumbnails / "ab").mkdir(parents=True)
    (old_thumbnails / "ab" / "ab12-400.jpg").write_bytes(b"a plain thumbnail")
    plain.close()
    assert cipher.is_plain_sqlite(db) and _leaks(db) == [NAME, ID_NUMBER]
    store = open_store(db)  # no slots yet: the old file is encrypted with an open slot
    assert not cipher.is_plain_sqlite(db)
    assert _leaks(db) == [] and not db.with_name("old.db.plain-backup").exists()
    assert store.files.read(photo).startswith(b"\x89PNG")
    assert b"photo-bytes" not in store.files.path(photo).read_bytes()
    assert not old_thumbnails.exists()
    found = search_residents(store, ResidentFilter())
    assert [r.name for r in found.rows] == [NAME]
    store.close()


def test_without_sqlcipher_the_program_refuses_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code = (
        "import sys; sys.modules['sqlcipher3'] = None; sys.modules['sqlcipher3.dbapi2'] = None\n"
        "from mzdesk.cli import run\n"
        f"sys.argv = ['mzdesk', 'demo', '--db', {str(db)!r}]\n"
        "run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "MZDESK_LANG": "zh"},
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "SQLCipher" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_a_damaged_key_file_is_named_in_the_message(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    open_store(db).close()
    keys.slots_path(db).write_text("{not json", encoding="utf-8")
    with pytest.raises(keys.KeyError_) as error:
        open_store(db)
    assert "home.db.keys" in str(error.value)


def test_recovery_key_round_trips_and_refuses_typos() -> None:
    key = keys.new_key()
    text = keys.format_recovery_key(key)
    assert len(text.split("-")) == 13 and all(len(g) == 4 for g in text.split("-"))
    assert not set(text) & set("01IO")
    assert keys.parse_recovery_key(text.lower().replace("-", " ")) == key
    with pytest.raises(keys.KeyError_):
        keys.parse_recovery_key(text[:-1])


def test_five_wrong_passwords_lock_the_user_name_for_a_while(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    store = open_store(db)
    _populate(store)
    store.close()
    for _ in range(4):
        with pytest.raises(keys.KeyError_) as wrong:
            unlock(db, "admin", "guess")
        assert wrong.value.code == "store.keys.no_unlock"
    with pytest.raises(keys.KeyError_) as locked:
        unlock(db, "admin", "guess")
    assert locked.value.code == "user.locked"
    with pytest.raises(keys.KeyError_) as still:  # even the right password waits
        unlock(db, "admin", PASSWORD)
    assert still.value.code == "user.locked"
    slots = keys.read_slots(db)
    assert slots is not None
    slots.failures["admin"]["until"] = "2000-01-01T00:00:00+00:00"  # the lock has passed
    keys.write_slots(db, slots)
    assert unlock(db, "admin", PASSWORD)[1] is not None
    assert keys.read_slots(db).failures == {}  # type: ignore[union-attr]


def test_a_password_reset_ends_the_lockout(tmp_path: Path) -> None:
    db = tmp_path / "home.db"
    store = open_store(db)
    admin = _populate(store)
    for _ in range(5):
        with pytest.raises(keys.KeyError_):
            unlock(db, "admin", "guess")
    assert keys.read_slots(db).failures  # type: ignore[union-attr]
    from mzdesk.services.users import reset_password

    reset_password(store, actor_for(admin), admin.id, "a-new-password")
    assert unlock(db, "admin", "a-new-password")[1] == admin.institution_id
    store.close()
