"""证书样式 (full or masked 身份证号, cumulative hours, issuer): set by someone who may change
the institution's details, audited, checked, and read back by the CLI."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.services.certificate_settings import (
    CertificateSettings,
    certificate_settings,
    set_certificate_settings,
)
from mzdesk.services.history import audit_trail
from tests.cli.process import mzdesk
from tests.helpers.actors import SETUP


def test_settings_are_set_checked_and_audited(store, home):
    assert certificate_settings(store, home.id) == CertificateSettings()
    chosen = CertificateSettings(full_id=True, total_hours=False, issuer="  培训中心 ")
    assert set_certificate_settings(store, SETUP, home.id, chosen).issuer == "培训中心"
    assert certificate_settings(store, home.id) == CertificateSettings(True, False, "培训中心")
    changed = {c.field for e in audit_trail(store, record_id=home.id) for c in e.fields}
    assert {"certificate_full_id", "certificate_issuer"} <= changed

    with pytest.raises(ValidationError) as refused:
        set_certificate_settings(store, SETUP, home.id, CertificateSettings(issuer="长" * 101))
    assert "证书颁发单位" in str(refused.value)
    assert certificate_settings(store, home.id).issuer == "培训中心"  # nothing half-written

    staff = Actor(uuid.uuid4(), home.id, "staff", "业务员甲")  # prints certificates; the style
    with pytest.raises(PermissionDenied):  # is the institution's, changed by its administrator
        set_certificate_settings(store, staff, home.id, CertificateSettings())


def test_the_cli_shows_and_changes_them(tmp_path: Path):
    db = str(tmp_path / "home.db")
    admin = ("admin", "pass-word-1")
    made = mzdesk("init", "--db", db, "--name", "海滨敬老院", "--admin", "admin",
                  "--password", admin[1], cwd=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    shown = mzdesk("certificates", "settings", "--db", db, cwd=tmp_path, user=admin)
    assert shown.returncode == 0, shown.stderr
    assert "身份证号隐去中间部分" in shown.stdout and "颁发单位：海滨敬老院" in shown.stdout
    changed = mzdesk("certificates", "settings", "--db", db, "--full-id", "--issuer", "培训中心",
                     cwd=tmp_path, user=admin)  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert "身份证号完整显示" in changed.stdout and "累计学时：不印" in changed.stdout
    assert "颁发单位：培训中心" in changed.stdout
    refused = mzdesk("certificates", "settings", "--db", db, "--issuer", "长" * 101,
                     cwd=tmp_path, user=admin)  # fmt: skip
    assert refused.returncode == 1 and "证书颁发单位" in refused.stderr
    assert "Traceback" not in refused.stderr
