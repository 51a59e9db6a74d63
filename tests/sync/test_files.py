"""Photos and signatures sync as files apart from their rows (server/files.py, sync/files.py):
sent once, fetched by the other PCs, never lost when they cannot travel yet, and refused when
forged, oversized or not an image — against the real server, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import os
import uuid

import httpx
from PIL import Image

from mzdesk.core.limits import MAX_ATTACHMENT_BYTES
from mzdesk.core.vocab import AttachmentKind
from mzdesk.services.attachments import add_attachment, read_file, store_file
from mzdesk.store.engine import Store
from mzdesk.store.files import sha256_of
from mzdesk.sync.device import enrolment
from mzdesk.sync.status import sync_status
from tests.helpers.actors import SETUP
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.helpers import institution_id


def png(seed: int, size: tuple[int, int] = (40, 30)) -> bytes:
    image = Image.new("RGB", size, (seed % 256, (seed * 7) % 256, (seed * 13) % 256))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def attach(store: Store, data: bytes, owner_table: str = "inspections") -> str:
    ref = store_file(store, data, "image/png")
    with store.write(SETUP) as session:
        add_attachment(
            session,
            institution_id=institution_id(store),
            owner_table=owner_table,
            owner_id=uuid.uuid4(),
            ref=ref,
            kind=AttachmentKind.PHOTO,
        )
    return ref.sha256


def token(store: Store) -> str:
    with store.read() as session:
        found = enrolment(session)
    assert found is not None and found.token
    return found.token


def headers(store: Store, **extra: str) -> dict[str, str]:
    from mzdesk.sync.device import schema_version

    return {"Authorization": f"Bearer {token(store)}", "X-Mzdesk-Schema": schema_version(), **extra}


def two_pcs(server: ServerProcess, tmp_path) -> tuple[Store, Store]:
    server.institution("阳光养老院")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(b)
    return a, b


def test_a_photo_is_sent_once_and_reaches_the_other_pc(server, tmp_path):
    a, b = two_pcs(server, tmp_path)
    photo = png(1)
    sha = attach(a, photo)
    assert sync_status(a)["files_to_send"] == 1
    report = sync(a)
    assert (report.files.sent, report.files.failed) == (1, 0)
    assert sync_status(a)["files_to_send"] == 0
    again = sync(a)
    assert (again.files.sent, again.files.received) == (0, 0)  # known to be there: not offered

    assert not b.files.has(sha)
    got = sync(b)
    assert got.files.received == 1
    assert read_file(b, sha) == photo
    assert sync_status(b)["files_to_fetch"] == 0
    assert sync(b).files.received == 0


def test_a_file_that_cannot_travel_yet_never_stops_rows_and_comes_next_time(server, tmp_path):
    a, b = two_pcs(server, tmp_path)
    photo = png(2)
    sha = attach(a, photo)
    # the file goes missing on A for a while (a USB disk unplugged): its row still syncs
    kept = a.files.read(sha)  # the photo itself (what is on disk is encrypted)
    a.files.path(sha).unlink()
    report = sync(a)
    assert report.pushed >= 1 and report.outcomes.get("applied", 0) >= 1
    assert report.files.sent == 0 and report.files.failed == 1  # tried to fetch: not there
    got = sync(b)  # the row arrives; its file cannot yet: no error, just pending
    assert got.pulled >= 1 and got.files.received == 0 and got.files.failed == 1
    assert sync_status(b)["files_to_fetch"] == 1
    assert sync_status(b)["last_error"] is None

    a.files.put(kept)
    assert sync(a).files.sent == 1
    assert sync(b).files.received == 1
    assert read_file(b, sha) == photo
    assert sync_status(b)["files_to_fetch"] == 0


def test_forged_oversized_foreign_and_non_image_files_are_refused(server, tmp_path):
    a, _ = two_pcs(server, tmp_path)
    photo = png(3)
    sha = attach(a, photo)
    sync(a)
    url = server.url
    with httpx.Client(base_url=url, timeout=30) as http:
        # bytes that do not hash to the name they are sent under: nothing kept
        other = png(4)
        ref_other = attach(a, other)
        # push the row without its file (the file is sent by hand below)
        a.files.path(ref_other).unlink()
        sync(a)
        forged = http.put(
            f"/v1/files/{ref_other}",
            content=png(5),
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert forged.status_code == 400 and forged.json()["code"] == "file_corrupt"
        # declared too large: refused before the body is read
        big = http.put(
            f"/v1/files/{ref_other}",
            content=b"\0" * (MAX_ATTACHMENT_BYTES + 1),
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert big.status_code == 413 and big.json()["code"] == "too_large"

        # sent in chunks with no length: refused as soon as the bytes pass the limit
        def chunks():
            for _ in range(MAX_ATTACHMENT_BYTES // (1 << 20) + 4):
                yield os.urandom(1 << 20)

        streamed = http.put(
            f"/v1/files/{ref_other}",
            content=chunks(),
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert streamed.status_code == 413
        # the right hash but not an image
        junk = b"not a picture at all" * 10
        junk_sha = attach_raw(a, junk)
        sync(a)
        refused = http.put(
            f"/v1/files/{junk_sha}",
            content=junk,
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert refused.status_code == 415 and refused.json()["code"] == "bad_file"
        # a file no attachment of this device's scope names: neither taken nor given
        stranger = png(6)
        nobody = http.put(
            f"/v1/files/{sha256_of(stranger)}",
            content=stranger,
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert nobody.status_code == 404 and nobody.json()["code"] == "no_file"
        asked = http.post(
            "/v1/files/lacking",
            json={"sha256": [sha, ref_other, sha256_of(stranger)]},
            headers=headers(a),
        ).json()
        assert asked == {"missing": [ref_other], "unknown": [sha256_of(stranger)]}

        # another home's PC may not download this home's photo
        server.institution("红星福利院")
        c = new_client(tmp_path, server, server.code(institution="红星福利院"), "别家电脑")
        sync(c)
        foreign = http.get(f"/v1/files/{sha}", headers=headers(c))
        assert foreign.status_code == 404
        mine = http.get(f"/v1/files/{sha}", headers=headers(a))
        assert mine.status_code == 200 and mine.content == photo
        assert mine.headers["content-type"] == "image/png"
    # nothing forged was kept: the file is still lacking on the server
    with httpx.Client(base_url=url, timeout=30) as http:
        asked = http.post("/v1/files/lacking", json={"sha256": [ref_other]}, headers=headers(a))
        assert asked.json()["missing"] == [ref_other]


def attach_raw(store: Store, data: bytes) -> str:
    """An attachment row naming bytes that are not an image (a desktop edited by hand)."""
    from mzdesk.services.attachments import FileRef

    sha = store.files.put(data)
    with store.write(SETUP) as session:
        add_attachment(
            session,
            institution_id=institution_id(store),
            owner_table="inspections",
            owner_id=uuid.uuid4(),
            ref=FileRef(sha, len(data), "image/png"),
            kind=AttachmentKind.PHOTO,
        )
    return sha


def test_an_endless_or_bombed_upload_is_refused_with_bounded_memory(server, tmp_path):
    from tests.sync.test_bounds import (
        PEAK_LIMIT_KB,
        assert_no_traceback,
        gzip_bomb,
        peak_kb,
        repeated,
    )

    a, _ = two_pcs(server, tmp_path)
    sha = attach(a, png(7))
    a.files.path(sha).unlink()
    sync(a)  # the row is on the server, so the device may send this file: its body is read
    with httpx.Client(base_url=server.url, timeout=120) as http:
        endless = http.put(
            f"/v1/files/{sha}",
            content=repeated(300 * (1 << 20)),  # chunked: no length to refuse it by
            headers=headers(a, **{"Content-Type": "image/png"}),
        )
        assert endless.status_code == 413 and endless.json()["code"] == "too_large"
        bombed = http.put(
            f"/v1/files/{sha}",
            content=gzip_bomb(256 * (1 << 20)),
            headers=headers(a, **{"Content-Type": "image/png", "Content-Encoding": "gzip"}),
        )
        assert bombed.status_code == 413 and bombed.json()["code"] == "too_large"
    assert peak_kb(server) < PEAK_LIMIT_KB
    assert_no_traceback(server)
