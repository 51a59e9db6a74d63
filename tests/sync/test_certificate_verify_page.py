"""The verify page on a real server process (SQLite and PostgreSQL): keys and revocations
arrive by push; a phone's browser gets a Chinese page saying genuine or not."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from mzdesk.core import certificates as cert
from mzdesk.services.certificates import issue_certificates, revoke_certificate
from mzdesk.services.signing_keys import list_signing_keys, revoke_signing_key
from mzdesk.store.models import DeviceSetting
from tests.certificates.test_pdf import decode_qr_codes
from tests.helpers.actors import SETUP
from tests.helpers.certificates import train
from tests.helpers.tools import partly
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import institution_id

DAY = dt.date(2026, 3, 10)


def _home(store, name):
    return SimpleNamespace(id=institution_id(store), name=name)


def _private(store, key_id):
    from sqlalchemy import select

    with store.read() as s:
        for row in s.scalars(select(DeviceSetting)):
            if row.key.startswith("certs.key.") and row.value["key_id"] == key_id:
                return row.value["private"]
    raise AssertionError(key_id)


def _shot(url: str, name: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The page in headless Chromium at a phone's width (looked at by hand; kept in
    $MZDESK_SHOTS when set)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        partly(request, "chromium")
        return
    out = Path(os.environ.get("MZDESK_SHOTS", tmp_path)) / f"{name}.png"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={out}", "--window-size=390,844", url],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert out.exists() and out.stat().st_size > 5000


def test_verify_page(server, tmp_path, request):
    server.institution("阳光养老院")
    server.institution("别家养老院")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    home = _home(a, "阳光养老院")
    t = train(a, home, server=None, topic="失智照护<script>alert(1)</script>")
    issued = issue_certificates(a, SETUP, t.session_id, today=DAY)
    url = issued[0].qr_text
    assert url.startswith(server.url.upper() + "/C/")  # the enrolment's server
    page = httpx.get(url)
    assert page.status_code == 200 and "无法确认真伪" in page.text  # not pushed yet
    sync(a)
    page = httpx.get(url)
    assert page.status_code == 200, page.text
    assert "证书真实有效" in page.text and issued[0].serial in page.text
    assert cert.mask_name(issued[0].worker_name) in page.text
    assert issued[0].worker_name not in page.text  # the full name is never shown
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text
    assert "text/html" in page.headers["content-type"]
    _shot(url, "verify-genuine", tmp_path, request)
    assert "证书真实有效" in httpx.get(url.lower()).text  # any case
    # the code as a phone reads it from the printed page
    from mzdesk.reports.certificates import write_certificates
    from mzdesk.services.certificates import certificate_sheets

    pdf = tmp_path / "c.pdf"
    write_certificates(pdf, certificate_sheets(a, t.session_id))
    (scanned, *_) = decode_qr_codes(pdf, tmp_path)
    assert "证书真实有效" in httpx.get(scanned).text
    # tampered
    body = url.split("/C/")[1]
    flipped = body[:30] + ("A" if body[30] != "A" else "B") + body[31:]
    page = httpx.get(url.split("/C/")[0] + "/C/" + flipped)
    assert "证书真实有效" not in page.text and page.status_code in (200, 400)
    # revoked, then pushed
    revoke_certificate(a, SETUP, issued[0].id, "姓名有误")
    sync(a)
    page = httpx.get(url)
    assert "证书已作废" in page.text and "姓名有误" in page.text
    _shot(url, "verify-revoked", tmp_path, request)
    assert "证书真实有效" in httpx.get(issued[1].qr_text).text
    # malformed and huge paths: a 400 page (or the HTTP server's own refusal), no traceback
    for junk in ("/C/hello", "/C/" + "A" * 3000, "/c/%00%FF", "/C/" + "Z" * 60000):
        response = httpx.get(server.url + junk)
        assert response.status_code in (400, 404, 414, 431), junk
        assert "Traceback" not in response.text
    assert "无法识别" in httpx.get(server.url + "/C/hello").text
    _shot(server.url + "/C/hello", "verify-malformed", tmp_path, request)
    # a key of another institution signing a certificate that names this one
    b = new_client(tmp_path, server, server.code(institution="别家养老院"), "别家电脑")
    sync(b)
    other = _home(b, "别家养老院")
    tb = train(b, other, server=None, names=("李强",))
    issue_certificates(b, SETUP, tb.session_id, today=DAY)
    sync(b)
    (b_key,) = list_signing_keys(b, other.id)
    claims = cert.Claims(b_key.key_id, cert.institution_tag(home.id), 9, "李*", "岗前培训",
                         cert.Decimal(8), DAY, DAY, DAY, "阳光养老院")  # fmt: skip
    forged = cert.verify_url(server.url, cert.encode(claims, _private(b, b_key.key_id)))
    assert "签名密钥不属于证书上的机构" in httpx.get(forged).text
    # the home's device is lost: its key is revoked; what it signs afterwards is refused
    (a_key,) = list_signing_keys(a, home.id)
    revoke_signing_key(a, SETUP, a_key.key_id, "设备丢失", at=dt.datetime(2026, 3, 11))
    sync(a)
    late = cert.Claims(a_key.key_id, cert.institution_tag(home.id), 50, "王*", "补发",
                       cert.Decimal(8), DAY, DAY, dt.date(2026, 3, 12), "阳光养老院")  # fmt: skip
    stolen = cert.verify_url(server.url, cert.encode(late, _private(a, a_key.key_id)))
    assert "停用" in httpx.get(stolen).text and "证书真实有效" not in httpx.get(stolen).text
    assert "证书真实有效" in httpx.get(issued[1].qr_text).text  # issued before: still good
    a.close()
    b.close()
