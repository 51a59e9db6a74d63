"""Bounded by design (issue 10): hostile bodies sent to the real server process, with no token.

A body larger than the limit is refused with 413 while it is read (plain, chunked, declared,
or a gzip bomb), the server process's peak memory stays bounded, and JSON with NaN or
Infinity is refused with 400 — never a 500, never a traceback in the server's log.
"""

from __future__ import annotations

import socket
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mzdesk.core import limits
from mzdesk.server.schema import store_schema
from tests.sync.conftest import ServerProcess

MIB = 1024 * 1024
PEAK_LIMIT_KB = 300 * 1024  # the whole server process, baseline included
SCHEMA = {"X-Mzdesk-Schema": f"{store_schema():04d}"}


def peak_kb(server: ServerProcess) -> int:
    """The server process's peak resident memory (VmHWM) in kB."""
    assert server.process is not None
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc")


def repeated(total: int, chunk: bytes = b"x" * 65536) -> Iterator[bytes]:
    """``total`` bytes, made as they are sent (the test holds one chunk)."""
    for _ in range(total // len(chunk)):
        yield chunk


def gzip_bomb(inflated: int) -> bytes:
    """A small gzip stream that inflates to ``inflated`` bytes of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MIB)
    parts = [packer.compress(zeros) for _ in range(inflated // MIB)]
    return b"".join(parts) + packer.flush()


def assert_no_traceback(server: ServerProcess) -> None:
    log = server.log.read_text(errors="replace")
    assert "Traceback" not in log and "Exception" not in log, log[-3000:]


def declared_only(server: ServerProcess, length: int) -> bytes:
    """Send only the headers of a POST declaring ``length`` bytes; the server's answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as conn:
        conn.sendall(
            b"POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"X-Mzdesk-Schema: {store_schema():04d}\r\n".encode()
            + f"Content-Length: {length}\r\n\r\n".encode()
        )
        answer = b""
        while b"}" not in answer:
            piece = conn.recv(65536)
            if not piece:
                break
            answer += piece
    return answer


@pytest.fixture(scope="module")
def bomb() -> bytes:
    made = gzip_bomb(256 * MIB)  # 256 MiB of zeros in about 250 kB
    assert len(made) < MIB and 256 * MIB > limits.MAX_INFLATED_BYTES
    return made


def test_oversize_bodies_are_refused_while_read_and_memory_stays_bounded(
    server: ServerProcess, bomb: bytes
) -> None:
    for path in ("/v1/push", "/v1/bundles"):
        streamed = httpx.post(
            server.url + path,
            content=repeated(300 * MIB),  # chunked: no Content-Length to refuse it by
            headers={**SCHEMA, "Content-Type": "application/json"},
            timeout=120,
        )
        assert streamed.status_code == 413, (path, streamed.text)
        assert streamed.json()["code"] == "too_large"
        bombed = httpx.post(
            server.url + path,
            content=bomb,
            headers={**SCHEMA, "Content-Type": "application/json", "Content-Encoding": "gzip"},
            timeout=120,
        )
        assert bombed.status_code == 413, (path, bombed.text)
        assert bombed.json()["code"] == "too_large"
    # only the headers: the answer comes without waiting for 10 GB
    answer = declared_only(server, 10 * 1024**3)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"too_large"' in answer
    assert peak_kb(server) < PEAK_LIMIT_KB
    # and the server still serves
    assert httpx.get(server.url + "/health").status_code == 200
    assert_no_traceback(server)


NAN_BODIES = [
    ("/v1/push", b'{"changes": NaN}'),  # a 500 on the old server (its 422 could not be encoded)
    ("/v1/push", b'{"changes": [{"change_id": "x", "table": "residents", "row_id": "x", '
     b'"institution_id": "x", "op": "update", "data": {"a": NaN}}]}'),
    ("/v1/push", b'{"changes": Infinity}'),
    ("/v1/push", b'{"changes": [], "x": -Infinity}'),
    ("/v1/push", b'{"changes": [], "x": 1e999}'),
    ("/v1/enroll", b'{"code": NaN, "device_name": "x"}'),
]  # fmt: skip


def test_nan_infinity_and_damaged_bodies_are_400_bad_body_without_a_token(
    server: ServerProcess,
) -> None:
    plain = {**SCHEMA, "Content-Type": "application/json"}
    for path, raw in NAN_BODIES:
        response = httpx.post(server.url + path, content=raw, headers=plain)
        assert response.status_code == 400, (raw, response.text)
        assert response.json()["code"] == "bad_body"
    for raw in (b"{", b"\xff\xfe{}", b"[" * 100_000 + b"]" * 100_000):
        response = httpx.post(server.url + "/v1/push", content=raw, headers=plain)
        assert response.status_code == 400, (raw[:20], response.text)
        assert response.json()["code"] == "bad_body"
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    body = packer.compress(b'{"changes": []}') + packer.flush()
    for damaged in (body[:-6], b"not gzip at all", body + b"trailing bytes"):
        response = httpx.post(
            server.url + "/v1/push", content=damaged, headers={**plain, "Content-Encoding": "gzip"}
        )
        assert response.status_code == 400, damaged
        assert response.json()["code"] == "bad_body"
    assert_no_traceback(server)
