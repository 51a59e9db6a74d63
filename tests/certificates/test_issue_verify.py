"""Issuing, revoking and verifying training certificates offline (services + core)."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core import certificates as cert
from mzdesk.core.certificates import Reason
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.certificates import (
    certificate_sheets,
    issue_certificates,
    revoke_certificate,
    session_certificates,
    verify_certificate,
)
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.signing_keys import (
    list_signing_keys,
    revoke_signing_key,
    rotate_signing_key,
)
from mzdesk.store.models import (
    AuditEntry,
    DeviceSetting,
    OutboxEntry,
    SigningKey,
    TrainingCertificate,
)
from tests.helpers.actors import SETUP
from tests.helpers.certificates import SERVER, train

DAY = dt.date(2026, 3, 10)


def test_issue_is_idempotent_and_signed(store, home):
    t = train(store, home)
    issued = issue_certificates(store, SETUP, t.session_id, today=DAY)
    assert sorted(c.worker_id for c in issued) == sorted(t.passed)  # passed only
    assert issue_certificates(store, SETUP, t.session_id, today=DAY) == []  # nothing new
    serials = [c.serial for c in issued]
    assert len(set(serials)) == 2 and all(s.startswith("2026-") for s in serials)
    assert sorted(int(s[-4:]) for s in serials) == [1, 2]
    for c in issued:
        assert c.qr_text.startswith("HTTPS://VERIFY.EXAMPLE.ORG/C/")
        assert set(c.qr_text) <= cert.QR_ALPHANUMERIC  # stays in QR alphanumeric mode
        verdict = verify_certificate(store, c.qr_text)
        assert verdict.reason is Reason.GENUINE, verdict
        assert verdict.claims is not None and verdict.claims.serial == c.serial
        assert verdict.claims.course == "失智老人照护" and verdict.claims.issuer == home.name
        # the server accepts any case; so does the offline check
        assert verify_certificate(store, c.qr_text.lower()).genuine
    names = {v.claims.masked_name for v in (verify_certificate(store, c.qr_text) for c in issued)}
    assert names == {"王*英", "欧**明"}


def test_payload_fits_a_small_qr_code(store, home):
    from tests.helpers.certificates import LONG_TOPIC

    t = train(store, home, topic=LONG_TOPIC, names=("欧阳小明",))
    (c,) = issue_certificates(store, SETUP, t.session_id, today=DAY)
    assert len(c.qr_text) <= 311  # version 10 at level M in alphanumeric mode
    claims = verify_certificate(store, c.qr_text).claims
    assert claims is not None and claims.course.endswith("…")  # cut, still signed


def test_tampered_and_hostile_texts_are_refused(store, home):
    t = train(store, home)
    c = issue_certificates(store, SETUP, t.session_id, today=DAY)[0]
    body = c.qr_text.split("/C/")[1]
    raw = bytearray(base64.b32decode(body + "=" * (-len(body) % 8)))
    raw[19] ^= 1  # hours changed (bytes 18–19, in tenths)
    forged = base64.b32encode(bytes(raw)).decode().rstrip("=")
    assert verify_certificate(store, SERVER + "/C/" + forged).reason is Reason.ALTERED
    for text in (
        "",
        "hello",
        "HTTPS://X/C/",
        "HTTPS://X/C/AAAA",
        "A" * 5000,
        "/C/" + "A" * 300,
        "HTTPS://X/C/" + body[:-10],
        "HTTPS://X/C/" + body + "AA",
        "\x00" * 50,
    ):
        verdict = verify_certificate(store, text)
        assert not verdict.genuine and verdict.reason in (Reason.MALFORMED, Reason.ALTERED), text


def test_revoked_certificate_then_reissued(store, home):
    t = train(store, home)
    first = issue_certificates(store, SETUP, t.session_id, today=DAY)[0]
    with pytest.raises(ValidationError):
        revoke_certificate(store, SETUP, first.id, "  ")
    revoke_certificate(store, SETUP, first.id, "姓名写错")
    verdict = verify_certificate(store, first.qr_text)
    assert verdict.reason is Reason.REVOKED and verdict.revoked_reason == "姓名写错"
    with pytest.raises(StateError) as twice:
        revoke_certificate(store, SETUP, first.id, "again")
    assert "此前已作废" in str(twice.value) and "姓名写错" in str(twice.value)
    # found trying the app: issuing the session again silently re-issued what was revoked
    # (e.g. as 重复签发); a revoked certificate is replaced only when asked for by name
    assert issue_certificates(store, SETUP, t.session_id, today=DAY) == []
    (again,) = issue_certificates(
        store, SETUP, t.session_id, today=DAY, reissue={first.attendance_id}
    )
    assert again.attendance_id == first.attendance_id and again.serial != first.serial
    assert verify_certificate(store, again.qr_text).genuine
    attendee = next(a for a in session_certificates(store, t.session_id) if a.live == again)
    assert [c.serial for c in attendee.certificates] == [again.serial, first.serial]


def test_retake_gets_a_new_certificate(store, home):
    t1 = train(store, home, names=("王秀英",))
    t2 = train(store, home, names=(), start=dt.date(2026, 4, 1))
    from decimal import Decimal

    from mzdesk.core.vocab import TrainingCategory, TrainingResult
    from mzdesk.services.workers import Attendee, TrainingData, record_training_session

    retake = record_training_session(
        store,
        SETUP,
        TrainingData(
            home.id,
            "失智老人照护（补考）",
            TrainingCategory.ON_JOB,
            dt.date(2026, 4, 1),
            dt.date(2026, 4, 1),
            Decimal(4),
            [Attendee(t1.failed, TrainingResult.PASSED)],
        ),
    )
    assert t2.passed == ()
    (c,) = issue_certificates(store, SETUP, retake, today=DAY)
    assert c.worker_id == t1.failed and verify_certificate(store, c.qr_text).genuine


def test_no_server_no_certificate(store, home):
    t = train(store, home, server=None)
    with pytest.raises(StateError) as error:
        issue_certificates(store, SETUP, t.session_id, today=DAY)
    assert error.value.code == "cert.no_server"
    with store.read() as s:
        assert s.scalars(select(TrainingCertificate)).first() is None  # no half-write


def test_private_key_never_synced(store, home):
    t = train(store, home)
    issued = issue_certificates(store, SETUP, t.session_id, today=DAY)
    with store.read() as s:
        (setting,) = [r for r in s.scalars(select(DeviceSetting)) if r.key.startswith("certs.key.")]
        private = setting.value["private"]
        outbox = list(s.scalars(select(OutboxEntry)))
        key_row = s.scalars(select(SigningKey)).one()
        audit = list(s.scalars(select(AuditEntry)))
    audited = {(a.table_name, a.action) for a in audit}
    assert {("training_certificates", "create"), ("signing_keys", "create")} <= audited
    assert all(private not in repr(a.changes) for a in audit)
    tables = {e.table_name for e in outbox}
    assert {"signing_keys", "training_certificates"} <= tables
    assert "device_settings" not in tables
    assert all(private not in repr(e.data) for e in outbox)
    assert key_row.public_key != private and key_row.key_id == issued[0].serial.split("-")[1]


def test_private_key_not_in_a_bundle(store, home):
    """A USB bundle carries the public key row and the certificates, never the private key."""
    import json
    import os
    import uuid

    from mzdesk.core.bundle import read_bundle
    from mzdesk.sync.bundles import export_bundle

    t = train(store, home)
    issue_certificates(store, SETUP, t.session_id, today=DAY)
    key = os.urandom(32)
    with store.apply_remote() as s:  # as enrolment leaves it
        s.add(DeviceSetting(key="sync.device_id", value=str(uuid.uuid4())))
        s.add(DeviceSetting(key="sync.bundle_key", value=key.hex()))
    with store.read() as s:
        private = next(
            r.value["private"]
            for r in s.scalars(select(DeviceSetting))
            if r.key.startswith("certs.key.")
        )
    data, count = export_bundle(store, SETUP)
    content = json.dumps(read_bundle(data, key, "to_server"))
    assert count > 0 and "signing_keys" in content and "training_certificates" in content
    assert private not in content


def test_key_rotation_and_revoked_device(store, home):
    t = train(store, home)
    old = issue_certificates(store, SETUP, t.session_id, today=DAY)[0]
    new_key = rotate_signing_key(store, SETUP, home.id)
    assert new_key != old.serial.split("-")[1]
    assert verify_certificate(store, old.qr_text).genuine  # old keys keep verifying
    revoke_certificate(store, SETUP, old.id, "test")
    (fresh,) = issue_certificates(
        store, SETUP, t.session_id, today=DAY, reissue={old.attendance_id}
    )
    assert fresh.serial.split("-")[1] == new_key and fresh.serial.endswith("-0001")
    # the old device is lost: its key is revoked from tomorrow on
    old_key = old.serial.split("-")[1]
    revoke_signing_key(store, SETUP, old_key, "设备丢失", at=dt.datetime(2026, 3, 11, 9))
    other = next(c for c in session_certificates(store, t.session_id) if c.live and c.live != fresh)
    assert verify_certificate(store, other.live.qr_text).genuine  # issued before: still good
    # what a thief signs with the lost key afterwards is refused
    forged = _sign_with_revoked_key(store, home, old_key)
    assert verify_certificate(store, forged).reason is Reason.KEY_REVOKED
    keys = {k.key_id: k for k in list_signing_keys(store, home.id)}
    assert keys[new_key].this_device and keys[old_key].revoked_at is not None


def _sign_with_revoked_key(store, home, key_id: str) -> str:
    """What the thief of a device could make: a fresh certificate signed with its key."""
    with store.read() as s:
        kept = [r.value for r in s.scalars(select(DeviceSetting)) if r.key.startswith("certs.")]
    secret = _OLD_PRIVATE.get(key_id)
    assert secret is not None, kept
    claims = cert.Claims(
        key_id,
        cert.institution_tag(home.id),
        99,
        "李*",
        "伪造",
        cert.Decimal(8),
        DAY,
        DAY,
        dt.date(2026, 3, 12),
        home.name,
    )
    return cert.verify_url(SERVER, cert.encode(claims, secret))


_OLD_PRIVATE: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _remember_private_keys(monkeypatch):
    """Keep every private key made, as a thief holding the device would have it."""
    real = cert.new_key_pair

    def remembering():
        pair = real()
        _OLD_PRIVATE[pair.key_id] = pair.private_hex
        return pair

    monkeypatch.setattr("mzdesk.services.signing_keys.new_key_pair", remembering)


def test_key_of_another_institution_refused(store, home):
    other = create_institution(
        store, SETUP, InstitutionData(name="别家养老院", kind=InstitutionKind.NURSING_HOME)
    )
    t = train(store, other, names=("李强",))
    issue_certificates(store, SETUP, t.session_id, today=DAY)
    (key_id,) = {k.key_id for k in list_signing_keys(store, other.id)}
    # the other home's key signs a certificate that names this home
    claims = cert.Claims(
        key_id,
        cert.institution_tag(home.id),
        7,
        "李*",
        "岗前培训",
        cert.Decimal(8),
        DAY,
        DAY,
        DAY,
        home.name,
    )
    text = cert.verify_url(SERVER, cert.encode(claims, _OLD_PRIVATE[key_id]))
    assert verify_certificate(store, text).reason is Reason.FOREIGN_KEY


def test_unknown_key(store, home):
    pair = cert.new_key_pair()
    claims = cert.Claims(
        pair.key_id,
        cert.institution_tag(home.id),
        1,
        "李*",
        "x",
        cert.Decimal(1),
        DAY,
        DAY,
        DAY,
        "x",
    )
    text = cert.verify_url(SERVER, cert.encode(claims, pair.private_hex))
    assert verify_certificate(store, text).reason is Reason.UNKNOWN_KEY


def test_issuing_needs_the_permission(store, home):
    t = train(store, home)
    reader = Actor(None, home.id, "readonly", "reader")
    with pytest.raises(PermissionDenied):
        issue_certificates(store, reader, t.session_id, today=DAY)
    staff = Actor(None, home.id, "staff", "staff")
    assert len(issue_certificates(store, staff, t.session_id, today=DAY)) == 2


def test_verify_url_uppercases_scheme_and_host_only():
    assert cert.verify_url("https://Sync.Example.org/", "AB") == "HTTPS://SYNC.EXAMPLE.ORG/C/AB"
    assert cert.verify_url("http://10.0.0.5:8080/mz", "AB") == "HTTP://10.0.0.5:8080/mz/C/AB"


def test_cumulative_hours_count_what_the_figures_count(store, home):
    """Found trying the app: the certificate's 累计学时 counted passed sessions only, while the
    matrix and the statistics count every hour credited (a failed 40-hour course included)."""
    from decimal import Decimal

    from mzdesk.core.vocab import TrainingCategory, TrainingResult
    from mzdesk.services.certificate_settings import CertificateSettings, set_certificate_settings
    from mzdesk.services.workers import Attendee, TrainingData, record_training_session

    set_certificate_settings(store, SETUP, home.id, CertificateSettings(total_hours=True))
    t = train(store, home, names=("王秀英",))  # passed, on DAY's session
    failed_first = TrainingData(
        home.id, "岗前培训", TrainingCategory.PRE_JOB, dt.date(2026, 1, 5), dt.date(2026, 1, 9),
        Decimal(40), [Attendee(t.passed[0], TrainingResult.FAILED)],
    )  # fmt: skip
    record_training_session(store, SETUP, failed_first)
    issue_certificates(store, SETUP, t.session_id, today=DAY)
    (sheet,) = certificate_sheets(store, t.session_id)
    own = next(iter(session_certificates(store, t.session_id))).hours
    assert sheet.total_hours == Decimal(40) + own
