"""Schemathesis against the OpenAPI schema of a real server process: no server errors, and
responses that match the documented schema, for enrolled and anonymous callers alike."""

from __future__ import annotations

import httpx
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mzdesk.sync.device import schema_version
from tests.sync.conftest import ServerProcess


def test_the_api_never_fails_and_matches_its_schema(server: ServerProcess):
    server.institution("接口测试院")
    token = httpx.post(
        server.url + "/v1/enroll",
        json={"code": server.code(institution="接口测试院"), "device_name": "fuzzer"},
        headers={"X-Mzdesk-Schema": schema_version()},
    ).json()["token"]
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/health", "/v1/enroll", "/v1/push", "/v1/pull"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        def check(case: schemathesis.Case) -> None:
            headers = {"X-Mzdesk-Schema": schema_version()}
            if case.path != "/v1/enroll":
                headers["Authorization"] = f"Bearer {token}"
            # Any bytes fit the bundle upload's schema, but only a signed bundle is accepted:
            # the refusal (400) is the point there.
            excluded = [positive_data_acceptance] if case.path == "/v1/bundles" else []
            case.call_and_validate(headers=headers, excluded_checks=excluded)

        check()
