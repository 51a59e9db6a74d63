"""Concurrent requests against a real server process, on SQLite and on PostgreSQL: what the
server does under concurrency must be what the same requests do one after the other
(issue 10, "correct under concurrency").

Requests are started together behind a barrier so that they really overlap in the server.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from mzdesk.core.ids import new_id
from mzdesk.server.models import CONFLICTS, Record
from mzdesk.store.engine import Store
from mzdesk.store.models import Resident
from mzdesk.sync.client import SyncClient
from mzdesk.sync.device import enrolment, schema_version
from mzdesk.sync.outbox import outbox_batch
from mzdesk.sync.review import open_conflicts
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, edit, institution_id, seed

RECORDS = 50
ROUNDS = 6


def together(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released at the same moment; their results, or re-raise."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(k: int, call: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[k] = call()
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(k, c)) for k, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(t.is_alive() for t in threads), "a concurrent request never finished"
    if errors:
        raise errors[0]
    return results


def syncing(store: Store) -> Callable[[], Any]:
    return lambda: asyncio.run(SyncClient(store, SETUP).sync())


def edit_all(store: Store, residents: list[uuid.UUID], field: str, values: list[str]) -> None:
    with store.write(SETUP) as session:
        for resident, new_value in zip(residents, values, strict=True):
            row = session.get(Resident, resident)
            assert row is not None
            setattr(row, field, new_value)


def values_of(store: Store, residents: list[uuid.UUID], field: str) -> list[Any]:
    with store.read() as session:
        return [getattr(session.get(Resident, r), field) for r in residents]


@pytest.fixture
def home(server, tmp_path):
    """Two desktops of one home with ``RECORDS`` residents both have."""
    server.institution("并发测试院")
    a = new_client(tmp_path, server, server.code(institution="并发测试院"), "前台电脑")
    sync(a)
    residents = seed(a, beds=RECORDS, residents=RECORDS)
    sync(a)
    b = new_client(tmp_path, server, server.code(institution="并发测试院"), "护理站电脑")
    sync(b)
    return a, b, residents


def test_concurrent_pushes_of_different_fields_of_the_same_records_both_win(home):
    a, b, residents = home
    for round_ in range(ROUNDS):
        phones = [f"138{round_:02d}{k:06d}" for k in range(RECORDS)]
        notes = [f"第{round_}轮-{k}" for k in range(RECORDS)]
        edit_all(a, residents, "phone", phones)
        edit_all(b, residents, "note", notes)
        reports = together(syncing(a), syncing(b))
        assert [r.outcomes for r in reports] == [{"applied": RECORDS}] * 2
        sync(a)
        sync(b)  # both have everything now
        for store in (a, b):
            assert values_of(store, residents, "phone") == phones, f"round {round_}"
            assert values_of(store, residents, "note") == notes, f"round {round_}"
            assert open_conflicts(store) == []
        assert dump(a) == dump(b)


def test_concurrent_pushes_of_the_same_field_make_one_conflict_per_record(home, server):
    a, b, residents = home
    for round_ in range(1, ROUNDS + 1):
        mine = {
            a: [f"A{round_}-{k}" for k in range(RECORDS)],
            b: [f"B{round_}-{k}" for k in range(RECORDS)],
        }
        for store, notes in mine.items():
            edit_all(store, residents, "note", notes)
        reports = together(syncing(a), syncing(b))
        # one push arrived first and applied; the other conflicted on every record
        statuses = sorted(tuple(sorted(r.outcomes.items())) for r in reports)
        assert statuses == sorted([(("applied", RECORDS),), (("conflict", RECORDS),)])
        sync(a)
        sync(b)
        assert values_of(a, residents, "note") == values_of(b, residents, "note")
        later = a if reports[0].outcomes.get("conflict") else b
        assert values_of(a, residents, "note") == mine[later]
        conflicts = open_conflicts(a)
        assert conflicts == open_conflicts(b)
        per_record: dict[uuid.UUID, int] = {}
        for conflict in conflicts:
            assert conflict.field == "note"
            per_record[conflict.row_id] = per_record.get(conflict.row_id, 0) + 1
        assert per_record == dict.fromkeys(residents, round_)
        assert dump(a) == dump(b)
    with server.db.transaction() as session:
        stored = session.scalars(select(Record).where(Record.table_name == CONFLICTS)).all()
        assert len(stored) == RECORDS * ROUNDS


def _headers(store: Store) -> dict[str, str]:
    with store.read() as session:
        found = enrolment(session)
        assert found is not None
        token = found.token
    return {"Authorization": f"Bearer {token}", "X-Mzdesk-Schema": schema_version()}


def _post(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    return httpx.post(
        url, json=body, headers=headers or {"X-Mzdesk-Schema": schema_version()}, timeout=120
    )


def test_concurrent_first_enrolments_on_a_fresh_server_all_succeed(server):
    server.institution("新服务器院")
    codes = [server.code(institution="新服务器院") for _ in range(8)]
    replies = together(
        *[
            (
                lambda c=c, k=k: _post(
                    server.url + "/v1/enroll", {"code": c, "device_name": f"PC{k}"}
                )
            )
            for k, c in enumerate(codes)
        ]
    )
    assert [r.status_code for r in replies] == [200] * 8, [r.text for r in replies]
    keys = {r.json()["device_id"]: r.json()["bundle_key"] for r in replies}
    assert len(keys) == 8  # eight devices, each with its own key


def test_one_enrolment_code_used_concurrently_enrols_one_device(server):
    server.institution("一码一机院")
    for _ in range(3):
        code = server.code(institution="一码一机院")
        replies = together(
            *[
                (
                    lambda k=k, c=code: _post(
                        server.url + "/v1/enroll", {"code": c, "device_name": f"{k}"}
                    )
                )
                for k in range(4)
            ]
        )
        assert sorted(r.status_code for r in replies) == [200, 403, 403, 403]


def _contact(inst: uuid.UUID, resident: uuid.UUID, row: uuid.UUID, name: str) -> dict[str, Any]:
    return {
        "change_id": str(new_id()),
        "table": "resident_contacts",
        "row_id": str(row),
        "institution_id": str(inst),
        "op": "insert",
        "base_rev": None,
        "data": {
            "id": str(row),
            "institution_id": str(inst),
            "resident_id": str(resident),
            "name": name,
            "created_at": "2026-05-01T08:00:00.000000",
        },
    }


def test_two_devices_inserting_the_same_new_rows_at_once(home, server):
    a, b, residents = home
    inst = institution_id(a)
    for _ in range(3):
        rows = [new_id() for _ in range(20)]
        pushes = {
            store: [_contact(inst, residents[k], row, f"{tag}{k}") for k, row in enumerate(rows)]
            for store, tag in ((a, "甲"), (b, "乙"))
        }
        replies = together(
            *[
                (lambda s=s, c=c: _post(server.url + "/v1/push", {"changes": c}, _headers(s)))
                for s, c in pushes.items()
            ]
        )
        assert [r.status_code for r in replies] == [200, 200], [r.text for r in replies]
        statuses = sorted(
            tuple(sorted({o["status"] for o in r.json()["results"]})) for r in replies
        )
        assert statuses == [("applied",), ("conflict",)]  # the second is merged into the first
        with server.db.transaction() as session:
            stored = session.scalars(select(Record).where(Record.id.in_(rows))).all()
            assert len(stored) == 20
            conflicts = session.scalars(select(Record).where(Record.table_name == CONFLICTS)).all()
            per_row = [c.data["row_id"] for c in conflicts if uuid.UUID(c.data["row_id"]) in rows]
            assert sorted(per_row) == sorted(str(r) for r in rows)


def test_a_change_id_is_scoped_to_its_device(home, server):
    a, b, residents = home
    inst = institution_id(a)
    shared = str(new_id())
    with b.read() as session:
        seen = session.get(Resident, residents[0]).server_rev  # B has the latest

    def change(field: str, value: str) -> dict[str, Any]:
        return {
            "change_id": shared,
            "table": "residents",
            "row_id": str(residents[0]),
            "institution_id": str(inst),
            "op": "update",
            "base_rev": seen,
            "data": {field: value},
        }

    first = _post(server.url + "/v1/push", {"changes": [change("no_such_field", "x")]}, _headers(a))
    (outcome_a,) = first.json()["results"]
    assert outcome_a["status"] == "rejected" and outcome_a["reason_code"] == "unknown_field"
    # B reuses A's change id for a change of its own: B neither reads A's stored outcome
    # nor is blocked by it.
    second = _post(server.url + "/v1/push", {"changes": [change("note", "乙的备注")]}, _headers(b))
    (outcome_b,) = second.json()["results"]
    assert outcome_b["status"] == "applied" and outcome_b["reason"] is None
    with server.db.transaction() as session:
        record = session.get(Record, residents[0])
        assert record is not None and record.data["note"] == "乙的备注"
    # A's retry still gets A's first outcome; B's retry gets B's
    again_a = _post(
        server.url + "/v1/push", {"changes": [change("no_such_field", "x")]}, _headers(a)
    )
    assert again_a.json()["results"] == [outcome_a]
    again_b = _post(server.url + "/v1/push", {"changes": [change("note", "别的")]}, _headers(b))
    assert again_b.json()["results"] == [outcome_b]


def test_concurrent_retries_of_one_batch_apply_it_once(home, server):
    a, _, residents = home
    inst = institution_id(a)
    changes = [
        {
            "change_id": str(new_id()),
            "table": "residents",
            "row_id": str(r),
            "institution_id": str(inst),
            "op": "update",
            "base_rev": None,
            "data": {"note": f"重试{k}"},
        }
        for k, r in enumerate(residents)
    ] + [  # and changes with no row to lock: rejected, stored once each
        {**_contact(inst, residents[0], new_id(), "x"), "table": "no_such_table"} for _ in range(5)
    ]
    replies = together(
        *[
            (lambda: _post(server.url + "/v1/push", {"changes": changes}, _headers(a)))
            for _ in range(4)
        ]
    )
    assert [r.status_code for r in replies] == [200] * 4, [r.text for r in replies]
    results = [r.json()["results"] for r in replies]
    assert results[0] == results[1] == results[2] == results[3]
    with server.db.transaction() as session:
        from mzdesk.server.models import Change

        stored = session.scalars(
            select(Change.change_id).where(
                Change.change_id.in_([uuid.UUID(c["change_id"]) for c in changes])
            )
        ).all()
        assert len(stored) == len(changes)


def _held_push(server, store: Store, changes: list[dict[str, Any]]):
    """A push by ``store``'s device applied by the server's own code in a transaction that
    stays open (uncommitted) until the returned event is set: a slow push, caught mid-way."""
    from mzdesk.server.merge import apply_changes
    from mzdesk.server.models import Device

    with store.read() as session:
        found = enrolment(session)
        assert found is not None
        device_id = found.device_id
    started, release = threading.Event(), threading.Event()
    outcomes: list[Any] = []

    def run() -> None:
        with server.db.transaction() as session:
            device = session.get(Device, device_id)
            assert device is not None
            outcomes.extend(apply_changes(session, device, changes))
            session.flush()
            started.set()
            release.wait(120)

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(60)
    return thread, release, outcomes


def _update(store: Store, row: uuid.UUID, **data: Any) -> dict[str, Any]:
    return {
        "change_id": str(new_id()),
        "table": "residents",
        "row_id": str(row),
        "institution_id": str(institution_id(store)),
        "op": "update",
        "base_rev": None,
        "data": data,
    }


def _postgres_only(server) -> None:
    if server.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: a write transaction excludes every other")


def test_a_pull_never_skips_a_change_that_commits_late(home, server, tmp_path):
    """A push that started first but commits last: a pull in between must not move its
    cursor past it (it would never be sent). Kept from the single-counter days: it must hold
    with concurrent pushes too."""
    _postgres_only(server)
    a, b, residents = home
    c = new_client(tmp_path, server, server.code(institution="并发测试院"), "院长电脑")
    sync(c)
    # real local edits; their outbox entries are pushed by hand (and again by the next syncs,
    # which the server answers from the outcomes it stored)
    edit(a, residents[0], note="先开始后提交")
    edit(b, residents[1], phone="139")
    slow, release, outcomes = _held_push(server, a, outbox_batch(a, 10))
    later = threading.Thread(
        target=lambda: _post(server.url + "/v1/push", {"changes": outbox_batch(b, 10)}, _headers(b))
    )
    later.start()
    later.join(15)  # finishes, if pushes do not queue behind one another
    sync(c)  # a pull while the first push is still open
    release.set()
    slow.join(60)
    later.join(60)
    assert [o.status for o in outcomes] == ["applied"]
    sync(c)
    assert values_of(c, residents[:2], "note")[0] == "先开始后提交"
    assert values_of(c, residents[:2], "phone")[1] == "139"
    sync(a)
    sync(b)
    assert dump(a) == dump(b) == dump(c)


def test_pushes_for_different_institutions_do_not_wait_on_each_other(home, server, tmp_path):
    _postgres_only(server)
    a, _, residents = home
    server.institution("另一家院")
    other = new_client(tmp_path, server, server.code(institution="另一家院"), "另一家的电脑")
    sync(other)
    other_residents = seed(other, beds=2, residents=1, building="2号楼")
    sync(other)
    slow, release, _ = _held_push(server, a, [_update(a, residents[0], note="慢")])
    try:
        replies: list[httpx.Response] = []
        push = threading.Thread(
            target=lambda: replies.append(
                _post(
                    server.url + "/v1/push",
                    {"changes": [_update(other, other_residents[0], note="不等")]},
                    _headers(other),
                )
            )
        )
        push.start()
        push.join(30)  # not a speed check: without a global lock it does not wait at all
        assert not push.is_alive(), "a push for another institution waited for this one"
        assert replies[0].status_code == 200
        assert replies[0].json()["results"][0]["status"] == "applied"
    finally:
        release.set()
        slow.join(60)
        push.join(60)
