"""Accounts and the audit trail from the command line, as real processes: every command on a
database with users acts as a user and is subject to that user's permissions."""

from __future__ import annotations

import json

import openpyxl
import pytest

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.users import NewUser, actor_for, add_user, set_up_institution
from mzdesk.store.engine import open_store
from tests.cli.process import mzdesk

ADMIN = ("admin", "admin-pass")
VIEWER = ("viewer", "viewer-pass")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "site.db"
    store = open_store(path)
    institution, admin = set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name="幸福院", kind=InstitutionKind.NURSING_HOME),
        NewUser(*ADMIN[:1], "王院长", ADMIN[1]),
    )
    add_user(store, actor_for(admin), institution.id, NewUser(VIEWER[0], "访客", VIEWER[1], "只读"))
    store.close()
    return str(path)


def test_users_are_added_listed_disabled_and_change_passwords(db, tmp_path):
    added = mzdesk(
        "user",
        "add",
        "nurse",
        "--role",
        "业务人员",
        "--name",
        "李护士",
        "--db",
        db,
        cwd=tmp_path,
        user=ADMIN,
        env={"MZDESK_NEW_PASSWORD": "nurse-pass"},
    )
    assert added.returncode == 0, added.stderr
    assert "已添加用户「nurse」（业务人员）" in added.stdout
    own = mzdesk(
        "user",
        "passwd",
        "--db",
        db,
        cwd=tmp_path,
        user=("nurse", "nurse-pass"),
        env={"MZDESK_NEW_PASSWORD": "nurse-pass-2"},
    )
    assert own.returncode == 0, own.stderr
    disabled = mzdesk("user", "disable", "nurse", "--db", db, cwd=tmp_path, user=ADMIN)
    assert disabled.returncode == 0, disabled.stderr
    listed = mzdesk("user", "list", "--json", "--db", db, cwd=tmp_path, user=ADMIN)
    users = {u["username"]: u for u in json.loads(listed.stdout)}
    assert users["nurse"]["active"] is False and users["nurse"]["role_label"] == "业务人员"
    assert users["viewer"]["role"] == "readonly"
    refused = mzdesk("audit", "--db", db, cwd=tmp_path, user=("nurse", "nurse-pass-2"))
    assert refused.returncode == 1 and "用户名或密码不正确" in refused.stderr  # disabled

    trail = json.loads(mzdesk("audit", "--json", "--db", db, cwd=tmp_path, user=ADMIN).stdout)
    nurse = [e for e in trail if e["table"] == "users" and e["record_label"] == "nurse"]
    assert [e["action"] for e in nurse] == ["update", "update", "create"]
    assert nurse[0]["user"] == "王院长"
    assert nurse[0]["fields"] == [{"field": "active", "label": "启用", "old": True, "new": False}]
    assert {f["field"] for f in nurse[1]["fields"]} == {"password_hash"}
    assert nurse[1]["fields"][0]["new"] == "***" and nurse[1]["user"] == "李护士"
    one = json.loads(
        mzdesk(
            "audit", "--json", "--record", nurse[0]["record"], "--db", db, cwd=tmp_path, user=ADMIN
        ).stdout
    )
    assert [e["seq"] for e in one] == [e["seq"] for e in nurse]


def _roster(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型"])
    book.active.append(["幸福院", "1号楼", "1层", "101", "101-1", "护理型"])
    book.save(tmp_path / "beds.xlsx")
    return "beds.xlsx"


@pytest.mark.parametrize(
    "command",
    [
        ["import", "beds", "BEDS"],
        ["user", "add", "x", "--role", "staff"],
        ["user", "disable", "admin"],
        ["user", "role", "viewer", "admin"],
        ["user", "passwd", "admin"],
        ["demo"],
        ["init", "--name", "另一家", "--admin", "boss", "--password", "boss-pass"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_read_only_user_is_refused_every_write(db, tmp_path, command):
    args = [_roster(tmp_path) if a == "BEDS" else a for a in command]
    result = mzdesk(
        *args, "--db", db, cwd=tmp_path, user=VIEWER, env={"MZDESK_NEW_PASSWORD": "whatever-1"}
    )
    assert result.returncode == 1
    assert "只读没有「" in result.stderr and "的权限" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_no_command_runs_on_a_database_with_users_without_a_login(db, tmp_path):
    for args in (["export", "beds", "--out", "b.xlsx"], ["audit"], ["stats", "beds"]):
        result = mzdesk(*args, "--db", db, cwd=tmp_path)
        assert result.returncode == 1 and "请先登录" in result.stderr, args
    wrong = mzdesk("audit", "--db", db, cwd=tmp_path, user=("admin", "nope"))
    assert wrong.returncode == 1 and "用户名或密码不正确" in wrong.stderr
    english = mzdesk("--lang", "en", "audit", "--db", db, cwd=tmp_path, user=("admin", "nope"))
    assert "wrong user name or password" in english.stderr
