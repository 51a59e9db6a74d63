"""The server and sync commands as a user runs them: real processes end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.sync.conftest import ROOT, ServerProcess


def mz(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mzdesk", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    if ok:
        assert done.returncode == 0, done.stderr + done.stdout
    return done


def test_administer_enrol_sync_status_and_bundles_from_the_command_line(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    mz("server", "add-institution", "--db", url, "--name", "命令行养老院", "--kind",
       "nursing_home", "--region", "370212")  # fmt: skip
    refused = mz("server", "add-institution", "--db", url, "--name", "命令行养老院", "--kind",
                 "nursing_home", ok=False)  # fmt: skip
    assert refused.returncode == 1 and "已有同名机构" in refused.stderr
    code = mz("server", "enroll", "--db", url, "--institution", "命令行养老院").stdout.splitlines()[
        -1
    ]
    assert len(code) == 19 and code.count("-") == 3
    server = ServerProcess(url, tmp_path / "server.log")
    server.start()
    try:
        site = tmp_path / "site.db"
        out = mz("sync", "--db", str(site), "--server", server.url, "--enroll", code,
                 "--name", "站点电脑").stdout  # fmt: skip
        assert "已注册" in out and "拉取 1 条" in out
        assert "推送 0 条，拉取" in out and "（）" not in out  # no empty brackets
        status = json.loads(mz("sync", "status", "--db", str(site), "--json").stdout)
        assert status["enrolled"] and status["pending"] == 0 and status["last_sync"]
        assert {"last_sync", "pending", "conflicts", "quarantined", "clock_offset_s"} <= set(status)
        again = mz("sync", "--db", str(site), "--server", server.url, "--enroll", code, ok=False)
        assert again.returncode == 1 and "同步失败" in again.stderr

        # offline from here: a bed added at the site travels by USB bundle
        from mzdesk.store.engine import open_store
        from tests.sync.helpers import seed

        store = open_store(site)
        seed(store, beds=2, residents=1)
        store.close()
        pending = json.loads(mz("sync", "status", "--db", str(site), "--json").stdout)["pending"]
        assert pending > 0
        bundle = tmp_path / "site.mzbundle"
        assert f"{pending} 条修改" in mz("sync", "export-bundle", "--db", str(site), "--out",
                                          str(bundle)).stdout  # fmt: skip
        assert bundle.stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
        assert (tmp_path / "server.db").stat().st_mode & 0o777 == 0o600
        first = mz("server", "import-bundle", str(bundle), "--db", url).stdout
        assert f"应用 {pending}" in first
        second = mz("server", "import-bundle", str(bundle), "--db", url).stdout
        assert f"应用 {pending}" in second  # the same answers, nothing applied twice
        forged = tmp_path / "forged.mzbundle"
        data = bytearray(bundle.read_bytes())
        data[-5] ^= 0x01
        forged.write_bytes(bytes(data))
        refused = mz("server", "import-bundle", str(forged), "--db", url, ok=False)
        assert refused.returncode == 1 and "同步包被拒绝" in refused.stderr
        assert "被改动过或是伪造的" in refused.stderr

        devices = json.loads(mz("server", "devices", "--db", url, "--json").stdout)
        (device,) = devices
        assert device["name"] == "站点电脑" and not device["revoked"]
        back = tmp_path / "back.mzbundle"
        mz("server", "export-bundle", "--device", device["id"], "--out", str(back), "--db", url)
        mz("sync", "import-bundle", str(back), "--db", str(site))
        assert json.loads(mz("sync", "status", "--db", str(site), "--json").stdout)["pending"] == 0

        mz("server", "revoke", device["id"], "--db", url)
        assert json.loads(mz("server", "devices", "--db", url, "--json").stdout)[0]["revoked"]
        refused = mz("sync", "--db", str(site), ok=False)
        assert "吊销" in refused.stderr and "本地修改都还在" in refused.stderr
        assert "revoked" not in refused.stderr  # no English inside the Chinese sentence
    finally:
        server.stop()


def test_offline_enrolment_file_from_the_command_line(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    mz("server", "add-institution", "--db", url, "--name", "海岛养老院", "--kind", "nursing_home")
    enrolment = tmp_path / "海岛.mzenrol"
    done = mz(
        "server", "enroll", "--db", url, "--institution", "海岛养老院", "--out", str(enrolment)
    )
    code = done.stdout.splitlines()[-1]
    site = tmp_path / "island.db"
    wrong = mz("sync", "enroll-file", str(enrolment), "--code", "AAAA-AAAA-AAAA-AAAA", "--db",
               str(site), ok=False)  # fmt: skip
    assert wrong.returncode == 1 and "注册文件被拒绝" in wrong.stderr
    assert "收到 1 条记录" in mz("sync", "enroll-file", str(enrolment), "--code", code, "--db",
                                str(site)).stdout  # fmt: skip
    status = json.loads(mz("sync", "status", "--db", str(site), "--json").stdout)
    assert status["enrolled"] and status["server"] is None


def test_institutions_are_selected_by_id_credit_code_or_a_unique_name(tmp_path: Path):
    import uuid

    from mzdesk.core.identifiers import make_uscc
    from mzdesk.server.db import open_server_db
    from mzdesk.server.models import InstitutionIndex

    url = f"sqlite:///{tmp_path / 'server.db'}"
    code = make_uscc("52370212MJ1234567")
    mz("server", "add-institution", "--db", url, "--name", "城关敬老院", "--kind",
       "nursing_home", "--region", "370212", "--credit-code", code.lower())  # fmt: skip
    taken = mz("server", "add-institution", "--db", url, "--name", "别的院", "--kind",
               "nursing_home", "--credit-code", code, ok=False)  # fmt: skip
    assert taken.returncode == 1 and "已属于另一家机构" in taken.stderr
    bad = mz("server", "add-institution", "--db", url, "--name", "别的院", "--kind",
             "nursing_home", "--credit-code", "123", ok=False)  # fmt: skip
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    mz("server", "add-institution", "--db", url, "--name", "城关养老院", "--kind",
       "nursing_home", "--region", "370203")  # fmt: skip
    listed = json.loads(mz("server", "institutions", "--db", url, "--json").stdout)
    first, second = sorted(listed, key=lambda i: i["region_code"], reverse=True)
    assert (first["name"], first["credit_code"]) == ("城关敬老院", code)
    assert second["credit_code"] is None

    # an older server let a device rename 城关养老院 to 城关敬老院: the name is now ambiguous
    db = open_server_db(url)
    with db.transaction() as session:
        session.get(InstitutionIndex, uuid.UUID(second["id"])).name = "城关敬老院"
    db.close()
    refused = mz("server", "enroll", "--db", url, "--institution", "城关敬老院", ok=False)
    assert refused.returncode == 1 and "有 2 家机构名为「城关敬老院」" in refused.stderr
    assert first["id"] in refused.stderr and second["id"] in refused.stderr
    assert "370203" in refused.stderr and "Traceback" not in refused.stderr
    for reference in (code, second["id"]):
        enrolled = mz("server", "enroll", "--db", url, "--institution", reference)
        assert enrolled.stdout.splitlines()[-1].count("-") == 3

    # the administrator renames (devices cannot), and the name selects again
    mz("server", "set-institution", second["id"], "--db", url, "--name", "城关第二养老院")
    clash = mz("server", "set-institution", "城关第二养老院", "--db", url, "--name",
               "城关敬老院", ok=False)  # fmt: skip
    assert clash.returncode == 1 and "已有同名机构" in clash.stderr
    mz("server", "enroll", "--db", url, "--institution", "城关敬老院")
    lines = mz("server", "institutions", "--db", url).stdout.splitlines()
    assert any("城关第二养老院" in line and "370203" in line for line in lines)
    assert "set-institution" in mz("server", "--help").stdout
