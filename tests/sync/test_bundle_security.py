"""A lost USB stick (issue 10): bundles and offline enrolment files are encrypted as well as
authenticated with every byte covered, a compressed bomb is refused with bounded memory on
every path (CLI, HTTP, device), an older bundle never reverts newer data, and the server's
secret is not stored in its database. Real server process, SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import subprocess
import sys
import uuid
import zlib
from pathlib import Path

import httpx
import pytest

from mzdesk.core.bundle import BundleError
from mzdesk.server.bundles import enrol_offline, export_bundle, import_bundle
from mzdesk.store.engine import Store, open_store
from mzdesk.sync.bundles import enrol_from_file
from mzdesk.sync.bundles import export_bundle as site_export
from mzdesk.sync.bundles import import_bundle as site_import
from mzdesk.sync.device import enrolment, schema_version
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.sync.conftest import ROOT, ServerProcess, new_client, sync
from tests.sync.helpers import dump, edit, seed, value

MiB = 1 << 20
BOMB = 1 << 30  # decompressed size of the bomb: four times the limit


def readable(data: bytes) -> bytes:
    """What anyone holding the file reads: its bytes, and every gzip stream in it inflated."""
    seen = [data]
    start = data.find(b"\x1f\x8b")
    while start != -1:
        with contextlib.suppress(zlib.error):
            seen.append(zlib.decompressobj(31).decompress(data[start:], 64 * MiB))
        start = data.find(b"\x1f\x8b", start + 1)
    return b"\n".join(seen)


def secrets_of(store: Store) -> tuple[str, bytes, str]:
    with store.read() as session:
        found = enrolment(session)
    assert found is not None and found.token
    return found.token, found.bundle_key, str(found.device_id)


def personal_data(store: Store) -> list[bytes]:
    """Every resident's name and ID number, as they would appear in a file."""
    out = []
    for row in dump(store)["residents"].values():
        out += [row["name"].encode(), row["id_number"].encode()]
    assert len(out) >= 2
    return out


@pytest.fixture
def home(server, tmp_path):
    """A home's desktop enrolled over the network, with residents, and a second one."""
    server.institution("海滨养老院")
    a = new_client(tmp_path, server, server.code(institution="海滨养老院"), "前台电脑")
    sync(a)
    residents = seed(a, beds=2, residents=1)
    sync(a)
    b = new_client(tmp_path, server, server.code(institution="海滨养老院"), "护理站电脑")
    sync(b)
    return a, b, residents


# ----------------------------------------------------------------- 1. confidentiality


def test_bundles_both_ways_hold_no_readable_name_or_id_number(home, server):
    a, _, (r,) = home
    edit(a, r, phone="13566667777")
    to_server, count = site_export(a, SETUP)
    assert count == 1
    _, _, device = secrets_of(a)
    to_device = export_bundle(server.db, device)
    for data in (to_server, to_device):
        plain = readable(data)
        for secret in [*personal_data(a), b"13566667777", "海滨养老院".encode()]:
            assert secret not in plain
    assert import_bundle(server.db, to_server)["applied"] == 1
    site_import(a, SETUP, to_device)


def _flip_every_byte(data: bytes, attempt, step: int = 1) -> list[int]:
    """Flip each byte (one at a time) and return the positions whose file was accepted."""
    accepted = []
    for position in range(0, len(data), step):
        altered = bytearray(data)
        altered[position] ^= 0x01
        try:
            attempt(bytes(altered))
        except BundleError:
            continue
        accepted.append(position)
    return accepted


def test_any_single_altered_byte_of_a_bundle_is_refused_both_ways(home, server):
    a, b, (r,) = home
    edit(a, r, phone="13500001111")
    data, _ = site_export(a, SETUP)
    _, _, device = secrets_of(a)
    before = dump(b)
    assert _flip_every_byte(data, lambda d: import_bundle(server.db, d)) == []
    sync(b)
    assert dump(b) == before  # nothing of any altered file reached the server
    assert import_bundle(server.db, data)["applied"] == 1

    back = export_bundle(server.db, device)
    site = dump(a)
    assert _flip_every_byte(back, lambda d: site_import(a, SETUP, d)) == []
    assert dump(a) == site
    site_import(a, SETUP, back)


def test_an_old_format_bundle_is_refused_saying_bundles_are_not_archives(home, server):
    a, _, _ = home
    _, key, device = secrets_of(a)
    payload = zlib.compress(b'{"direction":"to_server","changes":[]}')
    mac = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
    old = b"MZBUNDLE1\n" + device.encode() + b"\n" + mac + b"\n" + payload
    with pytest.raises(BundleError) as refused:
        import_bundle(server.db, old)
    assert refused.value.code == "bundle.old_format"
    assert "不是存档" in str(refused.value)


# ------------------------------------------------------------------------ 1b. bombs


def _bomb(direction: str) -> bytes:
    """gzip of a valid JSON bundle content padded with 1 GiB of spaces (about 1 MB)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [deflate.compress(b'{"changes":[],"items":[],"results":[],"cursor":0')]
    spaces = b" " * (16 * MiB)
    parts += [deflate.compress(spaces) for _ in range(BOMB // len(spaces))]
    end = f',"direction":"{direction}","schema":"{schema_version()}"}}'.encode()
    parts += [deflate.compress(end), deflate.flush()]
    return b"".join(parts)


def sealed_bomb(store: Store, direction: str) -> bytes:
    """A bomb sealed with the device's own key: what a thief of the device could write."""
    from mzdesk.core.bundle import seal

    _, key, device = secrets_of(store)
    return seal(direction, uuid.UUID(device), key, _bomb(direction))


def measured(args: list[str], tmp_path: Path, env: dict[str, str]) -> tuple[int, str, int]:
    """Run ``mzdesk ARGS``; its exit code, stderr and peak resident memory (bytes)."""
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("wb") as o, err.open("wb") as e:
        process = subprocess.Popen(
            [sys.executable, "-m", "mzdesk", *args], stdout=o, stderr=e, cwd=ROOT, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, err.read_text(), usage.ru_maxrss * 1024


def cli_env(server: ServerProcess) -> dict[str, str]:
    env = {**os.environ}
    if server.key_file is not None:
        env["MZDESK_SERVER_KEY_FILE"] = str(server.key_file)
    return env


def peak_memory(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


def forged(data: bytes) -> bytes:
    """``data`` with its last byte flipped: refused by its seal before anything is inflated."""
    return data[:-1] + bytes([data[-1] ^ 1])


STEP = 64 * MiB  # what refusing a bomb may add to the process: far below the limit (256 MiB)


def test_a_signed_bomb_is_refused_with_bounded_memory_by_cli_http_and_device(
    home, server, tmp_path
):
    """Each path is measured against itself refusing a forged copy of the same file (the
    same process, imports and database, nothing inflated): the bomb adds less than a
    quarter of the limit, so memory does not grow with what the file claims."""
    a, _, _ = home
    to_server, baseline = tmp_path / "bomb-to-server.mzbundle", tmp_path / "forged.mzbundle"
    to_server.write_bytes(sealed_bomb(a, "to_server"))
    baseline.write_bytes(forged(to_server.read_bytes()))
    assert to_server.stat().st_size < 2 * MiB

    args = ["server", "import-bundle", "--db", server.db_url]
    code, err, base = measured([*args, str(baseline)], tmp_path, cli_env(server))
    assert code == 1 and "同步包被拒绝" in err and "太大" not in err
    code, err, peak = measured([*args, str(to_server)], tmp_path, cli_env(server))
    assert code == 1 and "同步包被拒绝" in err and "太大" in err and "Traceback" not in err
    assert peak < base + STEP, f"the CLI peaked at {peak // MiB} MiB, {base // MiB} MiB forged"

    assert server.process is not None
    before = peak_memory(server.process.pid)
    reply = httpx.post(server.url + "/v1/bundles", content=to_server.read_bytes(), timeout=120)
    assert reply.status_code in (400, 413)
    assert reply.json()["code"] == "bad_bundle" and "too large" in reply.json()["message"]
    after = peak_memory(server.process.pid)
    assert after < before + STEP, f"the server peaked at {after // MiB} MiB, {before // MiB} before"

    to_device = tmp_path / "bomb-to-device.mzbundle"
    to_device.write_bytes(sealed_bomb(a, "to_device"))
    baseline.write_bytes(forged(to_device.read_bytes()))
    site_db = str(a.path)
    before_dump = dump(a)
    a.close()
    args = ["sync", "import-bundle", "--db", site_db]
    code, err, base = measured([*args, str(baseline)], tmp_path, cli_env(server))
    assert code == 1 and "太大" not in err and "Traceback" not in err
    code, err, peak = measured([*args, str(to_device)], tmp_path, cli_env(server))
    assert code == 1 and "太大" in err and "Traceback" not in err
    assert peak < base + STEP, f"the device peaked at {peak // MiB} MiB, {base // MiB} forged"
    assert dump(open_store(Path(site_db))) == before_dump


# ----------------------------------------------------------------- 2. enrolment files


def test_an_enrolment_file_is_useless_without_its_code(server, tmp_path):
    server.institution("山顶敬老院")
    code, data = enrol_offline(server.db, institution="山顶敬老院", device_name="山顶电脑")
    site = open_store(tmp_path / "peak.db")
    with pytest.raises(BundleError) as refused:
        enrol_from_file(site, SETUP, data, "AAAA-BBBB-CCCC-DDDD")
    assert refused.value.code == "bundle.wrong_code"
    assert "注册码" in str(refused.value)
    assert not sync_status(site)["enrolled"]

    summary = enrol_from_file(site, SETUP, data, code.lower())
    token, key, device = secrets_of(site)
    assert device == summary["device_id"]
    plain = readable(data)
    for secret in (token.encode(), key, key.hex().encode(), "山顶敬老院".encode()):
        assert secret not in plain
    normalized = code.replace("-", "").encode()
    assert code.encode() not in data and normalized not in data  # the code is never stored
    # and the site syncs by bundle from there
    residents = seed(site, beds=2, residents=1)
    bundle, count = site_export(site, SETUP)
    assert import_bundle(server.db, bundle)["applied"] == count
    site_import(site, SETUP, export_bundle(server.db, device))
    assert sync_status(site)["pending"] == 0
    office = new_client(tmp_path, server, server.code(institution="山顶敬老院"), "民政所")
    sync(office)
    assert value(office, residents[0], "name") == "住户0"


def test_an_altered_enrolment_file_is_refused(tmp_path):
    """Each attempt runs the slow derivation: one database (the file does not depend on
    it), every header byte and a sample of the ciphertext."""
    from mzdesk.core.bundle import HEADER_BYTES
    from mzdesk.server.admin import add_institution
    from mzdesk.server.db import open_server_db

    db = open_server_db(f"sqlite:///{tmp_path / 'server.db'}")
    add_institution(db, "河谷敬老院", "nursing_home")
    code, data = enrol_offline(db, institution="河谷敬老院", device_name="河谷电脑")
    db.close()
    site = open_store(tmp_path / "valley.db")
    positions = [*range(HEADER_BYTES), *range(HEADER_BYTES, len(data), len(data) // 8)]
    for position in [*positions, len(data) - 1]:
        altered = bytearray(data)
        altered[position] ^= 0x01
        with pytest.raises(BundleError):
            enrol_from_file(site, SETUP, bytes(altered), code)
    assert not sync_status(site)["enrolled"]
    enrol_from_file(site, SETUP, data, code)


# --------------------------------------------------------------- 3. older bundles


def test_an_older_bundle_from_the_server_never_reverts_newer_data(home, server):
    a, b, (r,) = home
    _, _, device = secrets_of(a)
    edit(b, r, phone="13000000001")
    sync(b)
    first = export_bundle(server.db, device)
    edit(b, r, phone="13000000002", ethnicity="回族")
    sync(b)
    second = export_bundle(server.db, device)
    site_import(a, SETUP, second)
    assert value(a, r, "phone") == "13000000002"
    snapshot = dump(a)
    with pytest.raises(BundleError) as refused:
        site_import(a, SETUP, first)
    assert refused.value.code == "bundle.older"
    assert "更早" in str(refused.value) and "没有导入" in str(refused.value)
    assert dump(a) == snapshot
    assert value(a, r, "phone") == "13000000002" and value(a, r, "ethnicity") == "回族"
    site_import(a, SETUP, second)  # the same bundle again still changes nothing
    assert dump(a) == snapshot


def test_an_older_bundle_from_a_site_replayed_later_changes_nothing(home, server):
    a, b, (r,) = home
    edit(a, r, phone="13100000001")
    first, _ = site_export(a, SETUP)
    import_bundle(server.db, first)
    edit(a, r, phone="13100000002")
    second, _ = site_export(a, SETUP)
    import_bundle(server.db, second)
    sync(b)
    assert value(b, r, "phone") == "13100000002"
    replay = import_bundle(server.db, first)  # the stick's old file, imported again
    assert replay.get("applied", 0) + replay.get("conflict", 0) == replay["changes"]
    sync(b)
    assert value(b, r, "phone") == "13100000002"


def test_damaged_content_in_a_sealed_bundle_is_refused_on_the_device(home):
    import gzip
    import json

    from mzdesk.core.bundle import seal

    a, _, _ = home
    _, key, device = secrets_of(a)
    snapshot = dump(a)
    for content in (
        {"cursor": "many", "items": [], "results": []},
        {"cursor": 1, "items": [{"table": "residents", "data": {}}], "results": []},
        {"cursor": 1, "items": [], "results": ["x"]},
        {"cursor": 1, "items": {}, "results": []},
    ):
        body = {**content, "direction": "to_device", "device_id": device}
        sealed = seal("to_device", uuid.UUID(device), key, gzip.compress(json.dumps(body).encode()))
        with pytest.raises(BundleError) as refused:
            site_import(a, SETUP, sealed)
        assert refused.value.code == "bundle.damaged"
    assert dump(a) == snapshot
