"""The central server keeps the rule too: a forged change (a device that does not apply it,
or a hand-made request) is refused with the field and the character named, an institution
added by the administrator is checked, and a device's own name is kept only as shown text."""

from __future__ import annotations

import uuid

import pytest

from mzdesk.core.ids import new_id
from mzdesk.server.admin import add_institution, create_enrollment, list_devices
from mzdesk.server.auth import enroll
from mzdesk.server.db import open_server_db
from mzdesk.server.errors import SyncError
from mzdesk.server.merge import push
from mzdesk.sync.outbox import rejection_text


@pytest.fixture
def db(tmp_path):
    return open_server_db(f"sqlite:///{tmp_path / 'server.db'}")


def test_an_institution_name_with_control_characters_is_refused(db):
    with pytest.raises(SyncError) as caught:
        add_institution(db, "幸福\x1b[2J院", "nursing_home")
    assert caught.value.shown() == "机构名称含有不可见的控制字符（U+001B）"
    assert add_institution(db, "幸福院", "nursing_home")


def test_a_device_enrolling_under_a_hostile_name(db):
    add_institution(db, "幸福院", "nursing_home")
    code = create_enrollment(db, institution="幸福院")
    enroll(db, code, "站点\x1b[2J\u202e\n电脑\x9b")
    (device,) = list_devices(db)
    assert device.name == "站点\ufffd[2J\ufffd 电脑\ufffd"


def test_a_forged_change_holding_control_characters_is_refused(db):
    inst = add_institution(db, "幸福院", "nursing_home")
    token = enroll(db, create_enrollment(db, institution="幸福院"), "站点")["token"]
    row = new_id()

    def change(name: str) -> dict[str, object]:
        return {
            "change_id": str(uuid.uuid4()),
            "table": "buildings",
            "op": "insert",
            "row_id": str(row),
            "institution_id": str(inst),
            "data": {"id": str(row), "institution_id": str(inst), "name": name},
        }

    (outcome,) = push(db, token, [change("1号楼\u202e")])
    assert outcome.status == "rejected" and outcome.reason_code == "bad_text"
    assert rejection_text(outcome.as_json()) == "字段「name」含有不可见的控制字符（U+202E）"
    (fine,) = push(db, token, [change("1号楼")])
    assert fine.status == "applied", fine.as_json()
