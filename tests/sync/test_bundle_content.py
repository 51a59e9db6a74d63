"""A correctly signed bundle is authentic, not necessarily well made (issue 10): malformed
content in a signed bundle is refused with 400 bad_bundle and a message naming the part,
nothing of it is applied, and the server's log holds no traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from mzdesk.core.bundle import write_bundle
from mzdesk.core.ids import new_id
from mzdesk.server.schema import store_schema
from mzdesk.sync.device import enrolment
from tests.sync.conftest import ServerProcess, new_client
from tests.sync.test_bounds import assert_no_traceback


def change(**overrides: Any) -> dict[str, Any]:
    return {
        "change_id": str(new_id()),
        "table": "beds",
        "row_id": str(new_id()),
        "institution_id": str(new_id()),
        "op": "update",
        "data": {"note": "x"},
        "base_rev": 0,
        "made_at": "2026-12-01T08:00:00Z",
        "author": None,
        **overrides,
    }


MALFORMED: list[tuple[dict[str, Any], str]] = [
    ({"changes": "not a list"}, "(changes)"),
    ({"changes": [1]}, "(changes[1])"),
    ({"changes": [change(), ["a list"]]}, "(changes[2])"),
    ({"changes": [change(table=["unhashable"])]}, "(changes[1].table)"),
    ({"changes": [change(data="not an object")]}, "(changes[1].data)"),
    ({"changes": [change(base_rev="41")]}, "(changes[1].base_rev)"),
    ({"changes": [change(change_id="x" * 100_000)]}, "(changes[1].change_id)"),
    ({"changes": [], "cursor": "abc"}, "(cursor)"),
    ({"changes": [], "cursor": 2**70}, "(cursor)"),
    ({"changes": [], "cursor": -1}, "(cursor)"),
    ({"changes": [], "results_seq": [1]}, "(results_seq)"),
    ({"changes": [], "results_seq": True}, "(results_seq)"),
]


def test_malformed_content_in_a_signed_bundle_is_bad_bundle_without_a_traceback(
    server: ServerProcess, tmp_path: Path
) -> None:
    server.institution("幸福养老院")
    store = new_client(tmp_path, server, server.code(institution="幸福养老院"))
    with store.read() as session:
        device = enrolment(session)
    assert device is not None
    base = {
        "direction": "to_server",
        "schema": f"{store_schema():04d}",
        "device_id": str(device.device_id),
    }
    answers = []
    for content, part in MALFORMED:
        bundle = write_bundle(device.device_id, device.bundle_key, {**base, **content})
        response = httpx.post(server.url + "/v1/bundles", content=bundle, timeout=30)
        named = response.status_code != 500 and part in response.json().get("message", "")
        answers.append((response.status_code, response.text[:60], named))
    assert all(
        status == 400 and '"bad_bundle"' in text and named for status, text, named in answers
    ), answers
    for schema in ([1], {"a": 1}, 12):
        bundle = write_bundle(
            device.device_id, device.bundle_key, {**base, "schema": schema, "changes": []}
        )
        response = httpx.post(server.url + "/v1/bundles", content=bundle, timeout=30)
        assert response.status_code == 400, (schema, response.text)
        assert response.json()["code"] == "schema_missing"
    # a well-made bundle is still taken in
    good = write_bundle(device.device_id, device.bundle_key, {**base, "changes": []})
    assert httpx.post(server.url + "/v1/bundles", content=good, timeout=30).status_code == 200
    assert_no_traceback(server)


@pytest.mark.parametrize("part", ["changes[1]"])
def test_the_message_is_shown_in_the_users_language(part: str) -> None:
    from mzdesk.core.bundle import BundleError
    from mzdesk.core.i18n import set_language

    error = BundleError("bundle.malformed", part=part)
    assert str(error) == f"同步包的内容不符合格式（{part}），未导入任何内容"
    set_language("en")
    try:
        assert str(error) == f"the bundle's content is malformed ({part}); nothing was imported"
    finally:
        set_language("zh")
