"""``mzdesk print certificates``, ``verify-certificate`` and ``certificates revoke`` as real
processes on the demo database."""

from __future__ import annotations

from mzdesk.services.workers import list_trainings
from tests.certificates.test_pdf import decode_qr_codes
from tests.cli.process import mzdesk
from tests.helpers.stores import open_as
from tests.helpers.tools import pdf_text

DEMO = ("admin", "demo1234")


def test_print_verify_revoke(tmp_path):
    db = str(tmp_path / "d.db")
    assert mzdesk("demo", "--db", db, cwd=tmp_path).returncode == 0
    store = open_as(tmp_path / "d.db", *DEMO)
    try:
        from mzdesk.services.institutions import list_institutions

        home = list_institutions(store)[0]
        session = next(t for t in list_trainings(store, home.id) if t.passed)
    finally:
        store.close()
    out = tmp_path / "certs.pdf"
    args = ("print", "certificates", "--db", db, "--session", str(session.id), "--out", str(out))
    refused = mzdesk(*args, cwd=tmp_path, user=DEMO)
    assert refused.returncode == 1 and "核验网址" in refused.stderr  # not enrolled, no address
    assert "Traceback" not in refused.stderr and not out.exists()
    bad = mzdesk("certificates", "server", "ftp://x_y", "--db", db, cwd=tmp_path, user=DEMO)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    ok = mzdesk(
        "certificates", "server", "https://sync.example.org", "--db", db, cwd=tmp_path, user=DEMO
    )
    assert ok.returncode == 0, ok.stderr
    printed = mzdesk(*args, cwd=tmp_path, user=DEMO)
    assert printed.returncode == 0, printed.stderr
    assert f"已签发 {session.passed} 份新证书" in printed.stdout
    again = mzdesk(*args, cwd=tmp_path, user=DEMO)
    assert f"已签发 0 份新证书，共打印 {session.passed} 份" in again.stdout  # idempotent
    codes = decode_qr_codes(out, tmp_path)
    assert len(codes) == session.passed
    good = mzdesk("verify-certificate", codes[0], "--db", db, cwd=tmp_path, user=DEMO)
    assert good.returncode == 0 and "真实有效" in good.stdout, good.stderr
    text = pdf_text(out)
    serial = next(line.split("：")[1] for line in text.splitlines() if line.startswith("证书编号"))
    revoked = mzdesk(
        "certificates",
        "revoke",
        serial,
        "--reason",
        "签发有误",
        "--db",
        db,
        cwd=tmp_path,
        user=DEMO,
    )
    assert revoked.returncode == 0, revoked.stderr
    code = next(c for c in codes if serial in _serial_of(c, tmp_path, db))
    refused_now = mzdesk("verify-certificate", code, "--db", db, "--json", cwd=tmp_path, user=DEMO)
    assert refused_now.returncode == 1 and '"reason": "revoked"' in refused_now.stdout
    assert "签发有误" in refused_now.stdout
    # printing the session again does not bring the revoked one back; reissue is explicit
    after = mzdesk(*args, cwd=tmp_path, user=DEMO)
    assert f"已签发 0 份新证书，共打印 {session.passed - 1} 份" in after.stdout, after.stderr
    twice = mzdesk("certificates", "revoke", serial, "--reason", "x", "--db", db,
                   cwd=tmp_path, user=DEMO)  # fmt: skip
    assert twice.returncode == 1 and "此前已作废" in twice.stderr and "签发有误" in twice.stderr
    reissued = mzdesk("certificates", "reissue", serial, "--db", db, cwd=tmp_path, user=DEMO)
    assert reissued.returncode == 0 and "重新签发" in reissued.stdout, reissued.stderr
    assert mzdesk("certificates", "reissue", serial, "--db", db,
                  cwd=tmp_path, user=DEMO).returncode == 1  # fmt: skip
    junk = mzdesk(
        "verify-certificate", "HTTPS://X/C/" + "Z" * 900, "--db", db, cwd=tmp_path, user=DEMO
    )
    assert junk.returncode == 1 and "Traceback" not in junk.stderr and "不是本系统" in junk.stdout
    english = mzdesk(
        "--lang", "en", "verify-certificate", "nonsense", "--db", db, cwd=tmp_path, user=DEMO
    )
    assert english.returncode == 1 and "not a certificate code" in english.stdout
    # the device is lost: its key is revoked; today's certificates no longer verify
    keys = mzdesk("certificates", "keys", "--db", db, cwd=tmp_path, user=DEMO)
    (line,) = [x for x in keys.stdout.splitlines() if "本机" in x]
    key_id = line.split()[0]
    assert key_id == serial.split("-")[1]
    lost = mzdesk(
        "certificates",
        "revoke-key",
        key_id,
        "--reason",
        "设备丢失",
        "--db",
        db,
        cwd=tmp_path,
        user=DEMO,
    )
    assert lost.returncode == 0, lost.stderr
    other = next(c for c in codes if c != code)
    after = mzdesk("verify-certificate", other, "--db", db, "--json", cwd=tmp_path, user=DEMO)
    assert after.returncode == 1 and '"reason": "key_revoked"' in after.stdout


def _serial_of(code, tmp_path, db) -> str:
    import json

    result = mzdesk("verify-certificate", code, "--db", db, "--json", cwd=tmp_path, user=DEMO)
    return json.loads(result.stdout)["serial"]
