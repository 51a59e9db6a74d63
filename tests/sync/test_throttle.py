"""Guessing secrets is throttled (issue 10): enrolment codes could be tried at 259/s.

Failures are counted in the server's database, per client address and over all addresses,
so the limits hold with several server processes. Once over the limit the server answers
429 too_many_attempts with Retry-After — for enrolment, a right code too, until the window
ends (accepting it would tell a guesser which guesses were wrong)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from mzdesk.core import limits
from mzdesk.core.i18n import set_language
from mzdesk.server.schema import store_schema
from mzdesk.store.engine import open_store
from mzdesk.sync.client import SyncFailure, enroll
from tests.helpers.actors import SETUP
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.test_bounds import assert_no_traceback

SCHEMA = {"X-Mzdesk-Schema": f"{store_schema():04d}"}
WRONG = "AAAA-BBBB-CCCC-DDDD"


def try_code(url: str, code: str, address: str | None = None) -> httpx.Response:
    # uvicorn trusts X-Forwarded-For from 127.0.0.1 (its default): a client "elsewhere"
    headers = {**SCHEMA, **({"X-Forwarded-For": address} if address else {})}
    return httpx.post(
        url + "/v1/enroll", json={"code": code, "device_name": "PC"}, headers=headers, timeout=30
    )


def age_windows(server: ServerProcess) -> None:
    """Let the windows pass (their start moved back; waiting ten minutes is not a test)."""
    from mzdesk.server.models import Attempt

    with server.db.transaction() as session:
        for row in session.scalars(select(Attempt)):
            row.window_start -= dt.timedelta(seconds=limits.ATTEMPT_WINDOW_SECONDS + 1)


def test_wrong_enrolment_codes_are_throttled_and_a_right_code_waits_for_the_window(
    server: ServerProcess, tmp_path: Path
) -> None:
    server.institution("幸福养老院")
    right = server.code(institution="幸福养老院")
    statuses = [try_code(server.url, WRONG).status_code for _ in range(10)]
    assert statuses == [403] * limits.MAX_ENROL_FAILURES_PER_ADDRESS
    refused = try_code(server.url, WRONG)
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_attempts"
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= limits.ATTEMPT_WINDOW_SECONDS
    # the right code is refused as well while the window lasts …
    assert try_code(server.url, right).status_code == 429
    # … and the desktop/CLI says so in the user's language
    store = open_store(tmp_path / "client.db")
    with pytest.raises(SyncFailure) as failure:
        asyncio.run(enroll(store, SETUP, server.url, right, "PC-1"))
    assert failure.value.code == "too_many_attempts"
    assert "尝试次数过多" in failure.value.message
    set_language("en")
    try:
        assert "too many attempts" in SyncFailure("too_many_attempts", "").message
    finally:
        set_language("zh")
    # another address is not locked out by this one
    assert try_code(server.url, WRONG, "10.0.0.7").status_code == 403
    # once the window has passed, the right code enrols
    age_windows(server)
    assert try_code(server.url, right).status_code == 200
    assert_no_traceback(server)


def test_failures_over_all_addresses_lock_enrolment_for_everyone(server: ServerProcess) -> None:
    addresses = [f"10.1.0.{i}" for i in range(20)]
    answers = [
        try_code(server.url, WRONG, addresses[i % 20]).status_code
        for i in range(limits.MAX_ENROL_FAILURES_ALL)
    ]
    assert answers == [403] * limits.MAX_ENROL_FAILURES_ALL
    fresh = try_code(server.url, WRONG, "10.2.0.1")
    assert fresh.status_code == 429 and "Retry-After" in fresh.headers


def test_the_count_is_shared_by_every_server_process(server: ServerProcess, tmp_path: Path) -> None:
    """Two server processes on one database (as `serve --workers 2` or two machines)."""
    other = ServerProcess(server.db_url, tmp_path / "other.log")
    other.start()
    try:
        half = limits.MAX_ENROL_FAILURES_PER_ADDRESS // 2
        for url in (server.url, other.url):
            for _ in range(half):
                assert try_code(url, WRONG).status_code == 403
        assert try_code(server.url, WRONG).status_code == 429
        assert try_code(other.url, WRONG).status_code == 429
    finally:
        other.stop()


def test_bad_tokens_are_throttled_and_good_tokens_still_work(
    server: ServerProcess, tmp_path: Path
) -> None:
    server.institution("幸福养老院")
    store = new_client(tmp_path, server, server.code(institution="幸福养老院"))
    bad = {**SCHEMA, "Authorization": "Bearer guessed-token"}
    answers = [
        httpx.get(server.url + "/v1/pull", headers=bad).status_code
        for _ in range(limits.MAX_TOKEN_FAILURES_PER_ADDRESS)
    ]
    assert answers == [401] * limits.MAX_TOKEN_FAILURES_PER_ADDRESS
    for path in ("/v1/pull", "/v1/push"):
        response = (
            httpx.get(server.url + path, headers=bad)
            if path == "/v1/pull"
            else httpx.post(server.url + path, json={"changes": []}, headers=bad)
        )
        assert response.status_code == 429, path
        assert response.json()["code"] == "too_many_attempts"
        assert int(response.headers["Retry-After"]) > 0
    # a token of 256 random bits is beyond guessing: the enrolled device syncs on
    sync(store)
    assert_no_traceback(server)


def test_attempts_are_counted_per_ipv4_address_or_ipv6_64_and_old_ones_forgotten(
    server_db_url: str, tmp_path: Path
) -> None:
    from mzdesk.server import throttle
    from mzdesk.server.db import open_server_db
    from mzdesk.server.models import Attempt

    assert throttle.client("192.0.2.7") == "192.0.2.7"
    assert throttle.client("::ffff:192.0.2.7") == "192.0.2.7"
    assert throttle.client("2001:db8:1:2:aaaa::1") == throttle.client("2001:db8:1:2:bbbb::9")
    assert throttle.client("2001:db8:1:2::1") != throttle.client("2001:db8:1:3::1")
    db = open_server_db(server_db_url, key_file=tmp_path / "server.key")
    try:
        for i in range(5):
            throttle.failed(db, throttle.credentials(f"10.3.0.{i}"))
        with db.transaction() as session:
            assert len(session.scalars(select(Attempt)).all()) == 5
            for row in session.scalars(select(Attempt)):
                row.window_start -= dt.timedelta(seconds=limits.ATTEMPT_WINDOW_SECONDS + 1)
        throttle.failed(db, throttle.credentials("10.4.0.1"))  # a new client: the old go
        with db.transaction() as session:
            assert [r.key for r in session.scalars(select(Attempt))] == ["token:10.4.0.1"]
    finally:
        db.close()
