"""The recovery sheet and recovery from the command line, on an encrypted database."""

from __future__ import annotations

from pathlib import Path

import pytest

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.users import NewUser, actor_for, add_user, set_up_institution
from mzdesk.store import keys
from mzdesk.store.engine import open_store, unlock
from tests.cli.process import mzdesk
from tests.helpers.tools import decode_qr, pdf_fonts, pdf_text, render_page

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


def test_the_recovery_sheet_prints_the_key_as_text_and_as_a_qr_code(db: Path, tmp_path: Path):
    refused = mzdesk("keys", "sheet", "--out", "s.pdf", "--db", str(db), cwd=tmp_path, user=NURSE)
    assert refused.returncode == 1 and "管理用户" in refused.stderr  # only administrators
    assert not (tmp_path / "s.pdf").exists()
    result = mzdesk("keys", "sheet", "--out", "s.pdf", "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert result.returncode == 0, result.stderr
    sheet = tmp_path / "s.pdf"
    key = unlock(db, *ADMIN)[0]
    recovery = keys.format_recovery_key(key)
    words = pdf_text(sheet)
    assert "恢复密钥单" in words and "幸福院" in words
    assert "".join(recovery.split("-")) in "".join(words.split())
    assert any("WenQuanYi" in font.name for font in pdf_fonts(sheet))
    scanned = decode_qr([render_page(sheet, 1, tmp_path / "p-1.png", 100)])
    assert scanned == [recovery]
    status = mzdesk("keys", "status", "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert "admin" in status.stdout and "nurse" in status.stdout
    assert "恢复密钥单打印日期" in status.stdout


def test_the_recovery_key_gives_an_administrator_a_new_password(db: Path, tmp_path: Path):
    recovery = keys.format_recovery_key(unlock(db, *ADMIN)[0])
    wrong = mzdesk(
        "recover",
        "--user",
        "admin",
        "--db",
        str(db),
        cwd=tmp_path,
        env={"MZDESK_RECOVERY_KEY": keys.format_recovery_key(keys.new_key())},
    )
    assert wrong.returncode == 1 and "恢复密钥打不开" in wrong.stderr
    not_admin = mzdesk(
        "recover",
        "--user",
        "nurse",
        "--db",
        str(db),
        cwd=tmp_path,
        env={"MZDESK_RECOVERY_KEY": recovery, "MZDESK_NEW_PASSWORD": "brand-new-1"},
    )
    assert not_admin.returncode == 1 and "没有在用的管理员账号" in not_admin.stderr
    done = mzdesk(
        "recover",
        "--user",
        "admin",
        "--db",
        str(db),
        cwd=tmp_path,
        env={"MZDESK_RECOVERY_KEY": recovery.lower(), "MZDESK_NEW_PASSWORD": "brand-new-1"},
    )
    assert done.returncode == 0, done.stderr
    audit = mzdesk("audit", "--db", str(db), cwd=tmp_path, user=("admin", "brand-new-1"))
    assert audit.returncode == 0, audit.stderr
    old = mzdesk("audit", "--db", str(db), cwd=tmp_path, user=ADMIN)
    assert old.returncode == 1 and "用户名或密码不正确" in old.stderr


def test_every_command_on_an_encrypted_database_needs_a_login(db: Path, tmp_path: Path):
    for args in (
        ["export", "residents", "--out", "r.xlsx"],
        ["verify-certificate", "X"],
        ["keys", "status"],
    ):
        result = mzdesk(*args, "--db", str(db), cwd=tmp_path)
        assert result.returncode == 1 and "请先登录" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.xlsx").exists()
