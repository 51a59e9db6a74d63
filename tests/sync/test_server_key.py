"""The server's secret lives in a key file, never in its database (issue 10): where it is,
what a restart, an older server's database, a lost or a wrong key file do. Real server
process, SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from mzdesk.server.bundles import export_bundle, import_bundle
from mzdesk.server.models import Setting
from mzdesk.store.engine import Store
from mzdesk.sync.bundles import export_bundle as site_export
from mzdesk.sync.bundles import import_bundle as site_import
from mzdesk.sync.device import enrolment
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.helpers.tools import need
from tests.sync.conftest import ROOT, ServerProcess, new_client, sync
from tests.sync.helpers import edit, seed


def secrets_of(store: Store) -> tuple[str, bytes, str]:
    with store.read() as session:
        found = enrolment(session)
    assert found is not None and found.token
    return found.token, found.bundle_key, str(found.device_id)


@pytest.fixture
def home(server, tmp_path):
    """A home's desktop enrolled over the network, with a resident."""
    server.institution("海滨养老院")
    a = new_client(tmp_path, server, server.code(institution="海滨养老院"), "前台电脑")
    sync(a)
    residents = seed(a, beds=2, residents=1)
    sync(a)
    return a, None, residents


def _server_secret(server: ServerProcess) -> bytes:
    from mzdesk.server.keys import key_file_for

    path = key_file_for(server.db_url, server.key_file)
    assert path is not None
    assert path.stat().st_mode & 0o077 == 0  # only the server's own user can read it
    return bytes.fromhex(path.read_text().strip())


def _database_bytes(server: ServerProcess) -> bytes:
    """Everything the database holds: its files on SQLite, every settings row on PostgreSQL
    (the table any secret of the server would be kept in)."""
    if server.db_url.startswith("sqlite"):
        path = Path(server.db_url.removeprefix("sqlite:///"))
        files = [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))]
        return b"".join(f.read_bytes() for f in files if f.exists())
    with server.db.transaction() as session:
        rows = session.execute(text("SELECT key, value FROM settings")).all()
    return repr(rows).encode()


def test_the_server_keeps_its_secret_in_a_key_file_not_in_its_database(home, server, tmp_path):
    a, _, (r,) = home
    with server.db.transaction() as session:
        assert session.scalars(select(Setting.key)).all() in ([], ["server_key_check"])
    _, key, device = secrets_of(a)
    secret = _server_secret(server)
    assert hmac.new(secret, b"bundle:" + uuid.UUID(device).bytes, hashlib.sha256).digest() == key
    stored = _database_bytes(server)
    assert secret not in stored and secret.hex().encode() not in stored

    # a restart with the key file: the devices' bundles stay valid
    server.kill()
    server.db.close()
    server.db = server.reopen()
    server.start()
    edit(a, r, phone="13200000001")
    bundle, _ = site_export(a, SETUP)
    reply = httpx.post(server.url + "/v1/bundles", content=bundle, timeout=60)
    assert reply.status_code == 200 and reply.json()["applied"] == 1
    site_import(a, SETUP, export_bundle(server.db, device))
    assert sync_status(a)["pending"] == 0


def test_a_secret_kept_in_the_database_by_an_older_server_moves_to_the_key_file(home, server):
    from mzdesk.server.keys import key_file_for

    a, _, (r,) = home
    _, _, device = secrets_of(a)
    secret = _server_secret(server)
    path = key_file_for(server.db_url, server.key_file)
    assert path is not None
    # what a server before this change left: the secret in its settings table, no key file
    server.kill()
    with server.db.transaction() as session:
        session.execute(text("DELETE FROM settings"))
        session.add(Setting(key="bundle_secret", value=secret.hex()))
    server.db.close()
    path.unlink()

    server.db = server.reopen()
    server.start()
    assert _server_secret(server) == secret
    stored = _database_bytes(server)
    assert secret not in stored and secret.hex().encode() not in stored
    edit(a, r, phone="13300000001")
    bundle, _ = site_export(a, SETUP)
    assert import_bundle(server.db, bundle)["applied"] == 1
    site_import(a, SETUP, export_bundle(server.db, device))


def test_a_lost_or_wrong_key_file_is_refused_plainly(home, server, tmp_path):
    from mzdesk.server.keys import ServerKeyError, key_file_for

    path = key_file_for(server.db_url, server.key_file)
    assert path is not None
    server.kill()
    server.db.close()
    kept = path.read_bytes()
    path.unlink()
    with pytest.raises(ServerKeyError) as missing:
        server.reopen()  # a new key would silently break every device's bundles
    assert missing.value.code == "server_key.missing" and str(path) in str(missing.value)
    path.write_text(os.urandom(32).hex() + "\n")
    with pytest.raises(ServerKeyError) as wrong:
        server.reopen()
    assert wrong.value.code == "server_key.wrong"
    path.write_bytes(kept)
    server.db = server.reopen()


def test_a_postgresql_server_needs_a_key_file(postgres, monkeypatch):
    from mzdesk.server.db import open_server_db
    from mzdesk.server.keys import ServerKeyError

    need("postgresql", postgres)
    monkeypatch.delenv("MZDESK_SERVER_KEY_FILE", raising=False)
    with pytest.raises(ServerKeyError) as refused:
        open_server_db(postgres.new_database())
    assert refused.value.code == "server_key.required"
    assert "MZDESK_SERVER_KEY_FILE" in str(refused.value)


def test_the_key_file_from_the_command_line(tmp_path):
    database = tmp_path / "centre.db"
    env = {k: v for k, v in os.environ.items() if k != "MZDESK_SERVER_KEY_FILE"}

    def mz(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mzdesk", *args], capture_output=True,
                              text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip

    done = mz("server", "add-institution", "--db", str(database), "--name", "城东院", "--kind",
              "nursing_home")  # fmt: skip
    assert done.returncode == 0, done.stderr
    beside = tmp_path / "centre.db.key"
    assert beside.stat().st_mode & 0o777 == 0o600 and len(beside.read_text().strip()) == 64
    other = tmp_path / "other.key"
    other.write_text(os.urandom(32).hex())
    wrong = mz("server", "devices", "--db", str(database), "--key-file", str(other))
    assert wrong.returncode == 1 and "不匹配" in wrong.stderr and "Traceback" not in wrong.stderr
    moved = tmp_path / "keys" / "centre.key"
    moved.parent.mkdir()
    beside.rename(moved)
    missing = mz("server", "devices", "--db", str(database))
    assert missing.returncode == 1 and "从备份恢复" in missing.stderr
    env["MZDESK_SERVER_KEY_FILE"] = str(moved)
    assert mz("server", "devices", "--db", str(database)).returncode == 0
