"""Field limits on the server (issue 10): a push with a value over its field's limit is
rejected per change as ``too_long``, naming the field and the limit; a client within the
limits is never refused for the size of its push."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import select

from mzdesk.core import limits
from mzdesk.core.ids import new_id
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed
from mzdesk.sync.device import Enrolment, enrolment
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.helpers import institution_id, seed
from tests.sync.test_bounds import SCHEMA, assert_no_traceback


def test_the_largest_push_the_client_may_send_fits_the_limits() -> None:
    """A full batch of the largest changes the limits allow stays under the decompressed
    limit, so a client that respects the field limits is never refused for size."""
    from mzdesk.store.values import max_change_bytes
    from mzdesk.sync.client import PUSH_BATCH

    assert PUSH_BATCH * max_change_bytes() < limits.MAX_INFLATED_BYTES
    assert PUSH_BATCH <= limits.MAX_PUSH_CHANGES


def enrolled(server: ServerProcess, tmp_path: Path) -> tuple[Store, Enrolment]:
    inst = server.institution("幸福养老院")
    store = new_client(tmp_path, server, server.code(institution="幸福养老院"))
    with store.read() as session:
        found = enrolment(session)
    assert found is not None and found.token
    assert str(inst)
    return store, found


def test_a_push_with_a_value_over_its_limit_is_rejected_too_long(
    server: ServerProcess, tmp_path: Path
) -> None:
    """A 255 KB push once stored a 262 MB note that every device then downloaded: now every
    text and JSON field has its limit on the server too, rejected per change naming it."""
    store, device = enrolled(server, tmp_path)
    sync(store)
    seed(store, beds=2, residents=0)
    sync(store)  # the server has the beds: today it would apply the changes below
    inst = institution_id(store)
    with store.read() as session:
        row = str(session.scalars(select(Bed.id)).first())
    base = {"change_id": "", "table": "beds", "row_id": row, "institution_id": str(inst)}
    changes = [
        {**base, "change_id": str(new_id()), "op": "update", "data": {"note": "注" * 2001}},
        {**base, "change_id": str(new_id()), "op": "update", "data": {"note": "x" * 300_000}},
        {**base, "change_id": str(new_id()), "op": "update",
         "data": {"number": "1" * 31}},
        {**base, "table": "inspection_results", "change_id": str(new_id()), "op": "update",
         "data": {"photos": ["p" * 100] * 1000}, "row_id": str(new_id())},
    ]  # fmt: skip
    response = httpx.post(
        server.url + "/v1/push",
        json={"changes": changes},
        headers={**SCHEMA, "Authorization": f"Bearer {device.token}"},
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert [r["reason_code"] for r in results] == ["too_long"] * 4
    assert [r["reason_params"]["field"] for r in results] == ["note", "note", "number", "photos"]
    assert [r["reason_params"]["limit"] for r in results] == ["2000", "2000", "30", "8192"]
    assert_no_traceback(server)
